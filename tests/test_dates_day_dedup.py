"""A kept article with no date takes its copy's, and with it whether that date is a day
alone: else a copy dated "2025-03-18" became that day's midnight to ``--since``."""

from __future__ import annotations

from datetime import UTC, datetime

from summarizer import dedup
from summarizer.ingest import filter_by_date, make_article
from tests.synthetic import FLOOD_A


def test_a_copys_day_alone_comes_with_its_date() -> None:
    undated = make_article(FLOOD_A, source="A")
    copy = make_article(FLOOD_A, source="B", published="2025-03-18")
    [kept] = dedup.dedupe_articles([undated, copy])
    assert [o.name for o in kept.outlets] == ["A", "B"]
    assert (kept.published, kept.published_day) == (datetime(2025, 3, 18, tzinfo=UTC), True)
    since = datetime(2025, 3, 18, 15, tzinfo=UTC)
    assert filter_by_date([kept], since=since, until=None)[0] == [kept]
    assert not undated.published_day  # the input article is not touched


def test_a_copys_instant_is_no_day_and_a_kept_date_stays() -> None:
    undated = make_article(FLOOD_A, source="A")
    copy = make_article(FLOOD_A, source="B", published="2025-03-18T09:00:00Z")
    [kept] = dedup.dedupe_articles([undated, copy])
    assert (kept.published, kept.published_day) == (datetime(2025, 3, 18, 9, tzinfo=UTC), False)
    dated = make_article(FLOOD_A, source="A", published="2025-03-18T09:00:00Z")
    day_copy = make_article(FLOOD_A, source="B", published="2025-03-18")  # that day: not before
    [kept] = dedup.dedupe_articles([dated, day_copy])
    assert (kept.published, kept.published_day) == (datetime(2025, 3, 18, 9, tzinfo=UTC), False)
