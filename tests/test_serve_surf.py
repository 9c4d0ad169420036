"""``summarizer serve`` as a careless client uses it: each answer's detail says what is wrong
in the API's words. Each test failed on the code before its fix."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")
from fastapi.testclient import TestClient  # noqa: E402

import summarizer  # noqa: E402
from summarizer import ConfigError  # noqa: E402

from .test_serve_input import _detail  # noqa: E402  (one 4xx answer shape)

TEXT = "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River."
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client(serve_client: TestClient) -> TestClient:
    return serve_client


def test_both_lengths_are_refused_without_naming_cli_options(client: TestClient) -> None:
    """The API and the library said "(--sentences, --max-words)", options their callers lack."""
    body = {"text": TEXT, "sentences": 2, "max_words": 9}
    detail = _detail(client.post("/blurb", json=body), 422)
    assert "sentences and max_words both given" in detail and "--" not in detail
    with pytest.raises(ConfigError) as caught:
        summarizer.blurb(TEXT, sentences=2, max_words=9)
    assert "--" not in str(caught.value)


@pytest.mark.parametrize(
    ("body", "where", "kind"),
    [
        ({"articles": [{"text": TEXT, "published": [1]}]}, "body.articles.0.published:", "list"),
        ({"articles": [{"text": TEXT, "published": True}]}, "body.articles.0.published:", "true"),
        ({"articles": [{"text": TEXT}], "since": {}}, "body.since:", "an object"),
        ({"articles": [{"text": TEXT}], "until": False}, "body.until:", "true/false"),
    ],
)
def test_a_date_of_the_wrong_json_type_is_named_plainly(
    client: TestClient, body: dict[str, Any], where: str, kind: str
) -> None:
    """Was "body.articles.0.published.constrained-str: Input should be a valid string (and 2
    more)": pydantic's name of a union member, and a string asked for where a number is fine."""
    detail = _detail(client.post("/briefing", json=body), 422)
    assert f"invalid request: {where} a date is a string or a number" in detail, detail
    assert kind in detail and "constrained" not in detail and "more)" not in detail


def test_a_date_of_each_accepted_type_still_passes(client: TestClient) -> None:
    for published in (None, "2026-11-22", 1_795_000_000, 1_795_000_000.5):
        body = {"articles": [{"text": TEXT, "published": published}], "since": None}
        assert client.post("/briefing", json=body).status_code == 200


@pytest.mark.parametrize(
    ("route", "body", "where"),
    [
        ("/blurb", {"text": " \n\t"}, "body.text"),
        ("/verify", {"draft": "\u3000", "sources": [{"text": TEXT}]}, "body.draft"),
        ("/briefing", {"articles": [{"text": "  "}]}, "body.articles.0.text"),
    ],
)
def test_a_blank_text_is_called_blank_not_a_pattern(
    client: TestClient, route: str, body: dict[str, Any], where: str
) -> None:
    """Was "String should match pattern '\\S'"."""
    detail = _detail(client.post(route, json=body), 422)
    assert detail == f"invalid request: {where}: blank: the text has no visible character"


def test_a_number_of_too_many_digits_is_not_called_invalid_json(client: TestClient) -> None:
    """Python refuses a JSON integer of over 4300 digits; the detail said "the body is not
    valid JSON (ValueError)" of a valid body."""
    body = b'{"text": "' + TEXT.encode() + b'", "sentences": 1' + b"0" * 5000 + b"}"
    detail = _detail(client.post("/blurb", content=body, headers=JSON), 400)
    assert detail == "the body is not usable JSON: a number has more than 4300 digits"


def test_verify_top_k_is_capped_so_one_request_cannot_hold_a_worker_for_an_hour(
    client: TestClient,
) -> None:
    """top_k up to 1000 was accepted: each claim checked against 1000 sentences (about a
    second a claim offline), a 1 MB draft ran for an hour, past its 504, in a worker thread."""
    body = {"draft": TEXT, "sources": [{"text": TEXT}]}
    detail = _detail(client.post("/verify", json={**body, "top_k": 1000}), 422)
    assert detail.startswith("invalid request: body.top_k:") and "20" in detail
    assert client.post("/verify", json={**body, "top_k": 20}).status_code == 200
    schema = client.get("/openapi.json").json()["components"]["schemas"]["VerifyRequest"]
    assert schema["properties"]["top_k"]["maximum"] == 20
