"""A run past serve's time limit stops its offline work soon after the 504: the worker thread
checked every claim of a large draft after its request had been answered, holding a CPU."""

from __future__ import annotations

import threading
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")
from fastapi.testclient import TestClient  # noqa: E402

from summarizer import draft, serve  # noqa: E402
from summarizer.serve import ServeConfig, create_app  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

SOURCE = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said."
)
DRAFT = " ".join(
    f"The council approved plan number {n} for the river on Tuesday." for n in range(60)
)


def test_a_verify_past_its_time_limit_stops_checking_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first claim's check waits until the client has its 504; every check begun after
    that is work done past the deadline. Before, all 59 other claims were still checked."""
    released = threading.Event()  # the client has its answer
    ended = threading.Event()  # the run's thread is done, however it ended
    begun = [0]
    after = [0]
    check = draft._check_draft_claim

    def counted(*args: Any, **kwargs: Any) -> Any:
        begun[0] += 1
        if begun[0] == 1:
            released.wait(60)
        elif released.is_set():
            after[0] += 1
        return check(*args, **kwargs)

    verify = serve.verify

    def signalled(*args: Any, **kwargs: Any) -> Any:
        try:
            return verify(*args, **kwargs)
        finally:
            ended.set()

    monkeypatch.setattr(draft, "_check_draft_claim", counted)
    monkeypatch.setattr(serve, "verify", signalled)
    app = create_app(ServeConfig(settings=Settings(backend="extractive"), timeout=0.3))
    with TestClient(app, raise_server_exceptions=False) as client:
        res = client.post("/verify", json={"draft": DRAFT, "sources": [{"text": SOURCE}]})
        released.set()
        assert res.status_code == 504, res.text
        assert "longer than 0.3 s" in res.json()["detail"]
        assert ended.wait(120), "the run's thread did not end"
    assert begun[0] >= 1
    assert after[0] <= 1, f"{after[0]} claims were checked after the 504"


def test_a_briefing_past_its_time_limit_stops_between_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same for a briefing's stories (the offline engine writes them one by one)."""
    from summarizer import pipeline

    released = threading.Event()
    ended = threading.Event()
    written = [0]
    after = [0]
    write = pipeline.ExtractiveWriter.write

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        written[0] += 1
        if written[0] == 1:
            released.wait(60)
        elif released.is_set():
            after[0] += 1
        return write(self, *args, **kwargs)

    briefing = pipeline.briefing

    def signalled(*args: Any, **kwargs: Any) -> Any:
        try:
            return briefing(*args, **kwargs)
        finally:
            ended.set()

    monkeypatch.setattr(pipeline.ExtractiveWriter, "write", counted)
    monkeypatch.setattr(pipeline, "briefing", signalled)
    texts = [  # six stories of nothing in common
        "Heavy snow closed the mountain highway near Denver on Monday, stranding hundreds of "
        "truck drivers. Plows worked through the night, state officials said.",
        "The central bank raised interest rates by a quarter point on Wednesday, citing "
        "stubborn inflation in housing. Markets fell after the announcement.",
        "A rare orchid bloomed at the botanical garden in Kew this week for the first time in "
        "forty years. Visitors queued for hours to photograph it.",
        "The striker scored twice in the final minutes as Valencia beat Sevilla 3-2 on "
        "Saturday. The coach praised his team's late comeback.",
        "Scientists in Chile detected a new comet with a powerful telescope last night. It "
        "will pass closest to the sun in March, astronomers said.",
        "The school board approved a longer lunch break for pupils in Ohio on Thursday. "
        "Parents had asked for the change for years.",
    ]
    articles = [{"text": t} for t in texts]
    app = create_app(ServeConfig(settings=Settings(backend="extractive"), timeout=0.3))
    with TestClient(app, raise_server_exceptions=False) as client:
        res = client.post("/briefing", json={"articles": articles})
        released.set()
        assert res.status_code == 504, res.text
        assert ended.wait(120), "the run's thread did not end"
    assert written[0] >= 1
    assert after[0] <= 1, f"{after[0]} of 5 stories were written after the 504"


def test_no_deadline_outside_serve() -> None:
    """The library and the CLI set none: a check never stops them."""
    from summarizer.verify import check_deadline

    check_deadline()  # no DeadlineError
    report = draft.verify(DRAFT[:200], [SOURCE], backend="extractive")
    assert report.claims
