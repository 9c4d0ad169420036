"""Every input article is named in the JSON, in its story's ``articles``, with its own headline,
outlet and date; a copy says which article it was folded into (a tester scoring a day had to
map the bare ``article_ids`` of 26 uncited articles to titles through another command)."""

from __future__ import annotations

import summarizer
from summarizer.ingest import make_article
from tests.synthetic import CUP_A, CUP_B, FLOOD_A, FLOOD_B


def test_every_input_article_is_listed_once_with_its_headline() -> None:
    given = [
        make_article(FLOOD_A, source="Wire", published="2025-10-07T09:00:00Z"),
        make_article(FLOOD_B, source="Herald", published="2025-10-07T12:00:00Z"),
        make_article(CUP_A, source="Sport Daily"),
        make_article(CUP_B, source="Gazette"),
        make_article(  # a reprint: one sentence changed
            FLOOD_A.replace("Fire crews used boats", "Fire crews from three towns used boats"),
            source="Reprint",
            published="2025-10-07T10:00:00Z",
        ),
        make_article(CUP_B, source="Gazette Online"),  # the same text again: one article
    ]
    result = summarizer.briefing(given, max_words=40)
    listed = [a for s in result.stories for a in s.articles]
    assert sorted((a.outlets[0].name, a.title) for a in listed) == sorted(
        (g.outlets[0].name, g.title) for g in given[:5]
    )
    [gazette] = [a for a in listed if a.outlets[0].name == "Gazette"]
    assert [o.name for o in gazette.outlets] == ["Gazette", "Gazette Online"]
    [copy] = [a for a in listed if a.outlets[0].name == "Reprint"]
    [wire] = [a for a in listed if a.outlets[0].name == "Wire"]
    assert copy.copy_of == wire.article_id and wire.copy_of is None
    assert str(wire.published) == "2025-10-07 09:00:00+00:00"
    dumped = result.model_dump(mode="json")
    assert all(s["articles"] for s in dumped["stories"])
