"""A request's ``published`` that names a day alone is that whole day to the request's
``since``/``until``, as a file's is (``ingest.make_article``); it was midnight UTC."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")

TEXT = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said."
)
SECOND = TEXT.replace("Elm River", "Oak Creek").replace("bridge", "school")


def _outlets(res: Any) -> list[str]:
    assert res.status_code == 200, res.text
    return [o["name"] for s in res.json()["sources"] for o in s["outlets"]]


@pytest.mark.parametrize("day", ["2025-03-18", "March 18, 2025"])
def test_a_day_alone_in_a_request_is_the_whole_day_to_since(serve_client: Any, day: str) -> None:
    articles = [
        {"text": TEXT, "source": "Day News", "published": day},
        {"text": SECOND, "source": "Morning News", "published": "2025-03-18T09:00:00Z"},
    ]
    body = {"articles": articles, "since": "2025-03-18T15:00:00Z"}
    assert _outlets(serve_client.post("/briefing", json=body)) == ["Day News"]


def test_a_day_alone_in_a_request_ends_with_its_day(serve_client: Any) -> None:
    """The day runs 24 hours from its midnight, no longer: a ``since`` the next day drops it."""
    articles = [
        {"text": TEXT, "source": "Day News", "published": "2025-03-18"},
        {"text": SECOND, "source": "Next News", "published": "2025-03-19T09:00:00Z"},
    ]
    body = {"articles": articles, "since": "2025-03-19T00:00:00Z"}
    assert _outlets(serve_client.post("/briefing", json=body)) == ["Next News"]
