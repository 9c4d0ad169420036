"""``summarizer serve`` as a client meets it: a real server on 127.0.0.1 (random free port, in
a thread, stopped at the end), its three endpoints, limits, token, and schemathesis against its
own OpenAPI spec."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")
import uvicorn  # noqa: E402

from summarizer.fetch import CLI_POLICY  # noqa: E402
from summarizer.ingest import load_articles  # noqa: E402
from summarizer.serve import ServeConfig, create_app  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

from .conftest import ARTICLES  # noqa: E402
from .localweb import page, rss, serve_folder  # noqa: E402

SEEDS = sorted(ARTICLES.glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]


@contextmanager
def running(config: ServeConfig) -> Iterator[str]:
    """Start the app with uvicorn on 127.0.0.1:<free port> in a thread; yield its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _config(**kwargs: Any) -> ServeConfig:
    return ServeConfig(settings=Settings(backend="extractive"), **kwargs)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(_config()) as url:
        yield url


def test_blurb_from_text_matches_the_cli_model(base: str) -> None:
    res = httpx.post(f"{base}/blurb", json={"text": TEXTS[1], "sentences": 2}, timeout=60)
    assert res.status_code == 200, res.text
    body = res.json()
    shown = [c for c in body["claims"] if c["verdict"] in ("accepted", "repaired")]
    assert len(shown) == 2
    sentences = {s.text for s in load_articles(SEEDS[1])[0].sentences}
    assert all(c["text"] in sentences for claim in shown for c in claim["citations"])
    assert body["engine"] == "extractive" and body["sources"]


def test_briefing_and_verify(base: str) -> None:
    articles = [{"text": t, "source": f"Outlet {n}"} for n, t in enumerate(TEXTS)]
    res = httpx.post(
        f"{base}/briefing", json={"articles": articles, "max_words": 120, "title": "Today"}
    )
    assert res.status_code == 200, res.text
    brief = res.json()
    assert brief["title"] == "Today" and brief["stories"]
    claim = next(c for s in brief["stories"] for c in s["claims"] if c["verdict"] == "accepted")
    draft = claim["text"] + " The moon is made of green cheese, officials in Paris said."
    res = httpx.post(f"{base}/verify", json={"draft": draft, "sources": articles})
    assert res.status_code == 200, res.text
    report = res.json()
    assert report["ok"] is False
    assert [c["supported"] for c in report["claims"]] == [True, False]


def test_openapi_is_served(base: str) -> None:
    spec = httpx.get(f"{base}/openapi.json").json()
    assert set(spec["paths"]) == {"/blurb", "/briefing", "/verify"}
    assert "413" in spec["paths"]["/blurb"]["post"]["responses"]


def test_limits_are_clear_4xx_and_5xx() -> None:
    config = _config(max_body_bytes=20_000, max_articles=2, timeout=0.001)
    with running(config) as url:
        big = httpx.post(f"{url}/blurb", json={"text": "word " * 10_000})
        assert big.status_code == 413 and "larger than" in big.json()["detail"]
        chunked = httpx.post(
            f"{url}/blurb",
            content=iter([b'{"text": "', b"x" * 30_000, b'"}']),
            headers={"content-type": "application/json"},
        )
        assert chunked.status_code == 413
        many = httpx.post(f"{url}/briefing", json={"articles": [{"text": "A b c."}] * 3})
        assert many.status_code == 422 and "too many articles" in many.json()["detail"]
        slow = httpx.post(f"{url}/briefing", json={"articles": [{"text": TEXTS[0]}] * 2})
        assert slow.status_code == 504  # a briefing takes far more than 1 ms
        assert "longer than" in slow.json()["detail"]
        bad = httpx.post(f"{url}/blurb", json={"text": "x", "sentense": 2})
        assert bad.status_code == 422 and "sentense" in bad.json()["detail"]
        two = httpx.post(f"{url}/blurb", json={"text": TEXTS[0], "url": "https://a.example/"})
        assert two.status_code == 422  # which input is meant is not guessed, and is said
        assert "give exactly one of 'text', 'article' or 'url'" in two.json()["detail"]
        both = httpx.post(f"{url}/blurb", json={"text": TEXTS[0], "article": {"text": "A."}})
        assert both.status_code == 422 and "(got 'text', 'article')" in both.json()["detail"]


def test_token_is_required_when_set() -> None:
    with running(_config(token="s3cret")) as url:
        body = {"text": TEXTS[0], "sentences": 1}
        assert httpx.post(f"{url}/blurb", json=body).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert httpx.post(f"{url}/blurb", json=body, headers=wrong).status_code == 401
        right = {"Authorization": "Bearer s3cret"}
        res = httpx.post(f"{url}/blurb", json=body, headers=right, timeout=60)
        assert res.status_code == 200, res.text


def test_urls_and_feeds_and_private_addresses(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    arts = [load_articles(p)[0] for p in SEEDS[:2]]
    for n, art in enumerate(arts):
        (site / f"s{n}.html").write_text(page(art.title or "t", [s.text for s in art.sentences]))
    with serve_folder(site) as web:
        items = [
            {"title": f"Item {n}", "link": f"{web}/s{n}.html", "date": "2026-11-22"} for n in (0, 1)
        ]
        (site / "feed.xml").write_text(rss(items))
        with running(_config()) as url:  # the default: loopback URLs are refused
            res = httpx.post(f"{url}/blurb", json={"url": f"{web}/s0.html"})
            assert res.status_code == 422 and "private-network" in res.json()["detail"]
            res = httpx.post(f"{url}/briefing", json={"urls": ["file:///etc/passwd"]})
            assert res.status_code == 422  # not even an http(s) URL: the schema refuses it
            res = httpx.post(f"{url}/verify", json={"draft": "A b c d.", "sources": [web]})
            assert res.status_code == 422 and "private-network" in res.json()["detail"]
        with running(_config(fetch=CLI_POLICY)) as url:  # --allow-private
            res = httpx.post(f"{url}/blurb", json={"url": f"{web}/s0.html"}, timeout=60)
            assert res.status_code == 200, res.text
            assert res.json()["sources"][0]["outlets"][0]["url"] == f"{web}/s0.html"
            res = httpx.post(f"{url}/briefing", json={"urls": [f"{web}/feed.xml"]}, timeout=60)
            assert res.status_code == 200, res.text
            assert {o["url"] for s in res.json()["sources"] for o in s["outlets"]} <= {
                i["link"] for i in items
            }
            # verify's sources keep the caller's order (were texts first, then URLs)
            mixed = [f"{web}/s0.html", {"text": TEXTS[2], "title": "Text story"}]
            res = httpx.post(
                f"{url}/verify", json={"draft": "A b c d.", "sources": mixed}, timeout=60
            )
            assert res.status_code == 200, res.text
            assert res.json()["sources"] == [arts[0].title, "Text story"]


def test_concurrent_requests_share_the_llm_cache(tmp_path: Path) -> None:
    """Replay backend (recorded LLM answers) with one SQLite cache file: a first request fills
    it, then parallel requests are all answered from it, with no LLM call."""
    recordings = ARTICLES.parent / "recordings"
    settings = Settings(backend="replay", recordings=recordings, cache_dir=tmp_path / "cache")
    # Article 001 has no title, so the prompt names it by its outlet label; recorded from the
    # CLI as this relative path (tests/test_llm_replay.py), so it is sent as the source here.
    article = {"text": TEXTS[1], "source": "fixtures/articles/" + SEEDS[1].name}
    body = {"article": article}
    with running(ServeConfig(settings=settings)) as url:
        first = httpx.post(f"{url}/blurb", json=body, timeout=120)
        assert first.status_code == 200, first.text
        assert first.json()["usage"]["calls"] > 0

        def post(_: int) -> httpx.Response:
            return httpx.post(f"{url}/blurb", json=body, timeout=120)

        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(post, range(4)))
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    for answer in answers:
        assert answer.json()["usage"]["calls"] == 0
        assert answer.json()["usage"]["cache_hits"] > 0
        assert answer.json()["claims"] == first.json()["claims"]


ST = shutil.which("st", path=str(Path(sys.executable).parent))
# Requests the schema allows but the server cannot serve (an unreachable URL, a text that is
# all boilerplate) get 422 with a reason: the one status a schema cannot rule out. A request
# the schema forbids may also be refused for its size (413) before it is read: schemathesis's
# list of rejections, plus 413.
ST_CONFIG = """
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "422"]

[checks.negative_data_rejection]
expected-statuses = [
  "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx",
]
"""


@pytest.mark.skipif(ST is None, reason="schemathesis is not installed (pip install -e '.[test]')")
def test_schemathesis_finds_no_failure(tmp_path: Path) -> None:
    """Every check, fuzzing phase, a bounded number of examples (about 15 s). The coverage
    phase (boundary values: 500,000-character texts, 200-item lists) also passes but takes
    about two minutes; run it by hand with ``--phases coverage``."""
    assert ST is not None
    config = tmp_path / "schemathesis.toml"
    config.write_text(ST_CONFIG)
    with running(_config(timeout=30)) as url:
        proc = subprocess.run(
            [
                *(ST, "--config-file", str(config), "run", f"{url}/openapi.json"),
                *("--checks", "all", "--phases", "fuzzing", "--max-examples", "25"),
                *("--seed", "11", "--generation-database", "none", "--no-color"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            cwd=tmp_path,
        )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]


def test_readme_curl_examples_run_as_written(tmp_path: Path) -> None:
    """The README's serve block, run by bash on a free port instead of 8000."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    readme = (ARTICLES.parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- serve:examples -->", 1)[1].split("```bash\n", 1)[1]
    script = block.split("```", 1)[0]
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    script = script.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
    script = script.replace("--port 8000", f"--port {port}")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    answers = [x for x in proc.stdout.splitlines() if x.startswith("{")]  # not uvicorn's log
    blurb, brief, report = (json.loads(line) for line in answers)
    assert blurb["counts"]["accepted"] == 2
    assert len(brief["stories"][0]["outlets"]) == 2
    assert [c["supported"] for c in report["claims"]] == [True, False]


def test_a_run_past_the_time_limit_stops_its_llm_work_too(tmp_path: Path) -> None:
    """The 504 comes at the time limit, and the run's LLM requests stop then as well (the
    limit is their --deadline) instead of retrying on in the worker thread."""
    from .fakeserver import FakeServer

    with FakeServer(fault=lambda call: "500", lifetime=60) as llm:
        settings = Settings(backend="openai", base_url=llm.url, model="fake-llm", no_cache=True)
        with running(ServeConfig(settings=settings, timeout=1.0)) as url:
            answer = httpx.post(f"{url}/blurb", json={"text": TEXTS[0]}, timeout=30)
            assert answer.status_code in (502, 504), answer.text
            time.sleep(1.0)  # the deadline has passed; any retry still due has started
            calls = llm.stats.total_calls
            time.sleep(3.0)
            assert llm.stats.total_calls == calls  # no request after the limit
