"""Only http(s) URLs are kept as an article's link, in every output: the HTML blurb dropped a
``javascript:`` URL, but the JSON outlets (what a CMS plugin builds its links from) carried it
from the API, from JSON/JSONL input files and from ``make_article(url=...)``."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from summarizer import blurb
from summarizer.ingest import load_articles, make_article
from summarizer.models import Outlet

TEXT = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said."
)
NOT_WEB = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "/news/2026/bridge",  # relative: no page of its own to link to
]


def _urls(payload: object) -> list[object]:
    """Every ``url`` value anywhere in a JSON document."""
    if isinstance(payload, dict):
        found = [v for k, v in payload.items() if k == "url"]
        return found + [u for v in payload.values() for u in _urls(v)]
    if isinstance(payload, list):
        return [u for v in payload for u in _urls(v)]
    return []


@pytest.mark.parametrize("url", NOT_WEB)
def test_make_article_leaves_out_a_url_that_is_not_http(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="summarizer"):  # a CLI run's -q set it
        article = make_article(TEXT, url=url)
    assert [o.url for o in article.outlets] == [None]
    assert "ignoring the url" in caplog.text
    result = json.loads(blurb(article, backend="extractive").model_dump_json())
    assert not [u for u in _urls(result) if u], result


def test_make_article_keeps_an_http_url() -> None:
    article = make_article(TEXT, url="  https://news.example/bridge  ")
    assert [o.url for o in article.outlets] == ["https://news.example/bridge"]


def test_an_outlet_read_from_json_keeps_no_script_link() -> None:
    """An Outlet built from a stored report (a CMS's cache) is held to the same rule."""
    assert Outlet.model_validate({"url": "javascript:alert(1)"}).url is None
    assert Outlet(url="http://news.example/a").url == "http://news.example/a"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_json_record_with_a_script_url_is_read_without_it(tmp_path: Path, suffix: str) -> None:
    records = [{"text": TEXT, "url": "javascript:alert(1)", "source": "Daily Post"}]
    path = tmp_path / f"day{suffix}"
    path.write_text(
        json.dumps(records) if suffix == ".json" else json.dumps(records[0]) + "\n",
        encoding="utf-8",
    )
    (article,) = load_articles([path])
    assert [(o.name, o.url) for o in article.outlets] == [("Daily Post", None)]


def test_the_api_refuses_an_article_url_that_is_not_http(serve_client: Any) -> None:
    client = serve_client
    for url in NOT_WEB:
        for path, body in (
            ("/blurb", {"article": {"text": TEXT, "url": url}}),
            ("/briefing", {"articles": [{"text": TEXT, "url": url}]}),
            ("/verify", {"draft": TEXT, "sources": [{"text": TEXT, "url": url}]}),
        ):
            res = client.post(path, json=body)
            assert res.status_code == 422, (path, url, res.text)
            detail = res.json()["detail"]
            assert detail.endswith("url: not an http:// or https:// URL"), detail
    ok = client.post("/blurb", json={"article": {"text": TEXT, "url": "https://news.example/a"}})
    assert ok.status_code == 200, ok.text
    assert "https://news.example/a" in _urls(ok.json())
    blank = client.post("/blurb", json={"article": {"text": TEXT, "url": "  "}})
    assert blank.status_code == 200 and not [u for u in _urls(blank.json()) if u]


def test_the_api_takes_a_web_url_whose_scheme_is_in_capitals(serve_client: Any) -> None:
    """A scheme is case-insensitive (RFC 3986): ``HTTPS://`` was a 422 "not an http:// or
    https:// URL", as an article's url and as a URL to fetch; other schemes stay refused."""
    client = serve_client
    for url in ("HTTPS://news.example/a", "Http://news.example/a"):
        ok = client.post("/blurb", json={"article": {"text": TEXT, "url": url}})
        assert ok.status_code == 200, ok.text
        assert url in _urls(ok.json())
        # fetched: refused for its address (loopback), not for its scheme; no network used
        res = client.post("/blurb", json={"url": url.replace("news.example", "127.0.0.1")})
        assert res.status_code == 422 and "private-network address" in res.text, res.text
    for url in ("JAVASCRIPT:alert(1)", "FILE:///etc/passwd", "DATA:text/html,x"):
        res = client.post("/blurb", json={"article": {"text": TEXT, "url": url}})
        assert res.status_code == 422, (url, res.text)
