"""Of syndicated copies, the one published first is kept and its outlet credited first, whatever
order the feed lists them in (a tester's day: three of four wire stories were credited to the
outlet that reprinted them, with the reprint's headline)."""

from __future__ import annotations

from summarizer import dedup
from summarizer.ingest import make_article
from tests.synthetic import FLOOD_A

BODY = FLOOD_A.split("\n", 1)[1]
REPRINT = BODY.replace(
    "Fire crews used boats", "Fire crews from three counties used boats"
)  # one sentence changed, as a reprint does


def test_the_original_listed_after_its_reprint_is_kept() -> None:
    reprint = make_article(
        "Brennick flood: 400 leave homes\n" + REPRINT,
        source="Reprint Daily",
        published="2025-10-07T13:10:00Z",
    )
    wire = make_article(
        "River Alder floods the old town of Brennick\n" + BODY,
        source="Wire Service",
        published="2025-10-07T12:25:00Z",
    )
    copies: dict[str, list[str]] = {}
    [kept] = dedup.dedupe_articles([reprint, wire], copies=copies)
    assert kept.id == wire.id and kept.title == wire.title
    assert [o.name for o in kept.outlets] == ["Wire Service", "Reprint Daily"]
    assert copies == {wire.id: [reprint.id]}


def test_undated_or_same_day_copies_keep_the_input_order() -> None:
    first = make_article(FLOOD_A, source="A")
    dated = make_article(FLOOD_A.replace("400", "400 "), source="B", published="2025-10-07")
    [kept] = dedup.dedupe_articles([first, dated])
    assert [o.name for o in kept.outlets] == ["A", "B"]
    day = make_article(FLOOD_A, source="A", published="2025-10-07")
    instant = make_article(FLOOD_A, source="B", published="2025-10-07T08:00:00Z")
    [kept] = dedup.dedupe_articles([instant, day])  # "that day" is not before 08:00 that day
    assert [o.name for o in kept.outlets] == ["B", "A"]


def test_the_kept_articles_stay_in_input_order() -> None:
    a = make_article(FLOOD_A, source="A", published="2025-10-07T10:00:00Z")
    other = make_article(
        "Comet seen over the hills\nAn amateur astronomer in Lindow saw a new comet on Friday "
        "night from a backyard telescope, and observatories confirmed it on Saturday morning.",
        source="C",
    )
    b = make_article(FLOOD_A, source="B", published="2025-10-07T09:00:00Z")
    kept = dedup.dedupe_articles([a, other, b])
    assert [k.outlets[0].name for k in kept] == ["B", "C"]
