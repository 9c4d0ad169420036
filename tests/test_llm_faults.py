"""The fault matrix: the whole CLI against a loopback OpenAI-compatible server
(tests/fakeserver.py, 127.0.0.1 only, tiny latencies, every server stops by itself).

Each case ends in a correct (possibly partial) briefing or a one-line error with the documented
exit code, never a traceback; no invalid answer is cached; after an interrupt the rerun pays
for nothing twice. The server's answers are mechanical, made from the request (not a model).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app

from . import synthetic
from .conftest import ctrl_c_as_in_a_terminal
from .fakeserver import Call, FakeServer, ServerProcess

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two stories: a flood in Brennick (two articles) and a rugby final (two articles)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("FLOOD_A", "FLOOD_B", "CUP_A", "CUP_B"):
        (folder / f"{name.lower()}.txt").write_text(getattr(synthetic, name), encoding="utf-8")
    return folder


def brief(server: FakeServer | ServerProcess, corpus: Path, tmp_path: Path, *extra: str) -> Any:
    """Run ``summarizer briefing`` in-process against ``server``; the result has exit_code,
    stdout (the JSON briefing) and stderr."""
    args = [
        "briefing",
        str(corpus),
        "--backend",
        "openai",
        "--base-url",
        server.url,
        "--model",
        "fake-llm",
        "--cache-dir",
        str(tmp_path / "cache"),
        "--concurrency",
        "4",
        "--format",
        "json",
        *extra,
    ]
    return CliRunner().invoke(app, args)


def stories(result: Any) -> list[str]:
    data = json.loads(result.stdout)
    return [" ".join(c["text"] for c in s["claims"]) for s in data["stories"]]


def assert_whole(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert len(data["stories"]) == 2 and not data["partial"]
    texts = stories(result)
    assert any("Brennick" in t for t in texts) and any("Harbour City" in t for t in texts)
    return data


def first(n: int, fault: str) -> Callable[[Call], str | None]:
    """The first ``n`` requests get ``fault``, the rest are answered."""
    return lambda call: fault if call.n < n else None


def about_flood(fault: str) -> Callable[[Call], str | None]:
    """Every request about the flood story gets ``fault``."""
    return lambda call: fault if "Brennick" in call.text else None


def test_latency_and_a_server_limit_give_a_whole_briefing_within_the_concurrency(
    corpus: Path, tmp_path: Path
) -> None:
    with FakeServer(latency=0.02, per_token=0.0002, max_concurrent=2, lifetime=60) as server:
        result = brief(server, corpus, tmp_path, "--concurrency", "3")
    assert_whole(result)
    assert server.stats.peak <= 2  # the server's own limit; more requests waited in line
    assert server.stats.total_calls >= 2


def test_the_server_in_a_child_process_answers_and_reports_its_calls(
    corpus: Path, tmp_path: Path
) -> None:
    """The benchmark's server (its CPU off the client's interpreter lock) behaves the same."""
    with ServerProcess(latency=0.01, max_concurrent=4) as server:
        result = brief(server, corpus, tmp_path)
        calls = server.calls
        assert server.stats.total_calls == len(calls) >= 2
        server.reset()
        assert server.calls == []
    assert_whole(result)
    assert all(c.end >= c.start > 0 and c.prompt_tokens > 0 for c in calls)


@pytest.mark.parametrize(
    ("fault", "retry_after", "extra"),
    [
        ("429", "0.05", ()),
        ("429", "soon", ()),  # not a number: our backoff instead of a ValueError
        ("500", "0", ()),
        ("hang", "0", ("--timeout", "0.5")),
        ("drop", "0", ()),
    ],
    ids=["429-retry-after", "429-retry-after-soon", "500", "hang", "dropped-connection"],
)
def test_transient_faults_are_retried_into_a_whole_briefing(
    corpus: Path, tmp_path: Path, fault: str, retry_after: str, extra: tuple[str, ...]
) -> None:
    with FakeServer(fault=first(2, fault), retry_after=retry_after, lifetime=60) as server:
        result = brief(server, corpus, tmp_path, *extra)
    assert_whole(result)
    assert server.stats.faults[fault] == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fault", ["truncated", "invent", "nonjson"])
def test_one_bad_answer_is_reasked_and_never_cached(
    corpus: Path, tmp_path: Path, fault: str
) -> None:
    with FakeServer(fault=first(1, fault), lifetime=60) as server:
        result = brief(server, corpus, tmp_path)
        assert_whole(result)
        calls = server.stats.total_calls
        again = brief(server, corpus, tmp_path)  # a rerun: every answer it kept was valid
    assert_whole(again)
    assert server.stats.total_calls == calls  # served from the cache: 0 calls


@pytest.mark.parametrize("fault", ["nonjson", "invent", "truncated", "500"])
def test_a_story_that_keeps_failing_is_left_out_and_the_briefing_is_partial(
    corpus: Path, tmp_path: Path, fault: str
) -> None:
    with FakeServer(fault=about_flood(fault), retry_after="0.2", lifetime=60) as server:
        # a 500 is retried until the deadline; the other faults fail after their re-ask
        result = brief(server, corpus, tmp_path, "--deadline", "3")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["partial"] is True
    assert [s for s in stories(result) if "Harbour City" in s]
    assert not [s for s in stories(result) if "Brennick" in s]
    assert any("left out" in p for p in data["problems"])
    assert "Warning: the briefing is partial" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_usable_story_is_exit_3_and_a_healthy_rerun_is_not_served_bad_answers(
    corpus: Path, tmp_path: Path
) -> None:
    with FakeServer(fault=lambda call: "invent", lifetime=60) as server:
        result = brief(server, corpus, tmp_path)
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: no story could be written")
    assert len(result.stderr.strip().splitlines()) == 1
    with FakeServer(lifetime=60) as healthy:  # the same cache directory
        assert_whole(brief(healthy, corpus, tmp_path))
    assert healthy.stats.total_calls > 0


def test_a_hung_server_is_bounded_by_the_deadline(corpus: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    with FakeServer(fault=lambda call: "hang", hang=20, lifetime=60) as server:
        result = brief(server, corpus, tmp_path, "--timeout", "5", "--deadline", "1")
    assert time.monotonic() - started < 15  # bounded by the deadline, not 5 s x attempts
    assert result.exit_code == 3
    assert "--deadline passed" in result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


def test_a_closed_port_without_model_is_exit_3_not_a_usage_error(
    corpus: Path, tmp_path: Path
) -> None:
    with FakeServer(lifetime=5) as server:
        url = server.url
    result = CliRunner().invoke(
        app, ["briefing", str(corpus), "--backend", "openai", "--base-url", url, "--timeout", "2"]
    )
    assert result.exit_code == 3
    assert "unreachable" in result.stderr and "--model" not in result.stderr


def test_a_password_in_the_base_url_is_never_printed(corpus: Path) -> None:
    """Unreachable, with or without --model: stderr named the URL with its password."""
    with FakeServer(lifetime=5) as server:
        port = server.port
    url = f"http://bob:hunter2secret@127.0.0.1:{port}/v1"
    base = ["briefing", str(corpus), "--backend", "openai", "--base-url", url, "--timeout", "2"]
    for extra in ([], ["--model", "fake-llm", "--deadline", "1"]):
        result = CliRunner().invoke(app, [*base, *extra])
        assert result.exit_code == 3, result.stderr
        assert "unreachable" in result.stderr and "hunter2secret" not in result.stderr


def test_an_api_key_of_the_wrong_type_in_the_config_is_never_echoed(
    corpus: Path, tmp_path: Path
) -> None:
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("api_key = 987654321987\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["briefing", str(corpus)])
    assert result.exit_code == 2
    assert "api_key" in result.stderr and "987654321987" not in result.stderr


def test_ctrl_c_says_what_was_done_and_the_rerun_pays_for_nothing_twice(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "comet.txt").write_text(synthetic.COMET, encoding="utf-8")  # a third story
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with FakeServer(lifetime=60) as clean:  # what a whole run costs
        assert brief(clean, corpus, tmp_path / "clean").exit_code == 0
    whole = clean.stats.total_calls
    assert whole >= 3

    # the third call is never answered: the run is still going when the Ctrl-C comes, however
    # long this process waits to send it (it ran to its end, exit 0, on a loaded machine)
    def third_hangs(call: Call) -> str | None:
        return "hang" if call.n >= 2 else None

    with FakeServer(fault=third_hangs, hang=600, lifetime=600) as server:
        args = [sys.executable, "-m", "summarizer", "briefing", str(corpus), "--backend"]
        args += ["openai", "--base-url", server.url, "--model", "fake-llm", "--concurrency"]
        args += ["1", "--cache-dir", str(cache), "--format", "json"]
        proc = subprocess.Popen(
            args,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=ctrl_c_as_in_a_terminal,
        )
        deadline = time.monotonic() + 300  # only if the run never gets there
        while len(server.calls) < 3:
            assert time.monotonic() < deadline and proc.poll() is None, proc.poll()
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=300)
    stderr = err.decode()
    assert proc.returncode == 130, stderr
    assert "Interrupted" in stderr and str(cache) in stderr and "Traceback" not in stderr
    stored = int(stderr.split(" LLM answers of this run are cached")[0].rsplit("; ", 1)[1])
    assert stored >= 1
    with FakeServer(lifetime=60) as again:
        rerun = brief(again, corpus, tmp_path)  # cache at tmp_path / "cache"
    assert rerun.exit_code == 0 and len(json.loads(rerun.stdout)["stories"]) == 3
    assert again.stats.total_calls == whole - stored  # nothing paid twice


def blurbs(server: FakeServer, files: list[Path], out: Path, *extra: str) -> Any:
    """Run ``summarizer blurb FILES -o OUT --format json`` against ``server``."""
    args = ["blurb", *map(str, files), "--backend", "openai", "--base-url", server.url]
    args += ["--model", "fake-llm", "--no-cache", "--format", "json", "-o", str(out), *extra]
    return CliRunner().invoke(app, args)


def test_blurbs_go_on_past_an_article_whose_answers_stay_unusable(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "blurbs.jsonl"
    files = [corpus / "flood_a.txt", corpus / "cup_a.txt"]
    with FakeServer(fault=about_flood("invent"), lifetime=60) as server:
        result = blurbs(server, files, out)
    assert result.exit_code == 1, result.stderr
    assert "no usable summary claims" in result.stderr
    assert "1 of 2 articles could not be summarised" in result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and "Harbour City" in json.dumps(rows[0])
    assert "Traceback" not in result.stderr


def test_blurbs_stop_when_the_server_fails_and_keep_what_was_written(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "blurbs.jsonl"
    files = [corpus / "cup_a.txt", corpus / "flood_a.txt", corpus / "cup_b.txt"]
    with FakeServer(fault=about_flood("500"), lifetime=60) as server:
        result = blurbs(server, files, out, "--deadline", "2")
    assert result.exit_code == 3, result.stderr
    assert "(stopped; the 1 blurb(s) before it are written)" in result.stderr
    assert "HTTP 500" in result.stderr  # what the server kept doing until the deadline
    assert server.stats.faults["500"] < 20  # "Retry-After: 0" is not retried in a tight loop
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and "Harbour City" in rows[0]
    assert "Traceback" not in result.stderr


def test_a_cancelled_await_sends_no_further_request(corpus: Path) -> None:
    """``asyncio.wait_for(summarizer.abriefing(...))`` timing out used to leave the run going
    in its thread, every LLM call paid for though nobody would read the briefing."""
    options: dict[str, Any] = {"backend": "openai", "model": "fake-llm", "concurrency": 1}
    options["no_cache"] = True
    with FakeServer(lifetime=60) as whole:
        summarizer.briefing([corpus], base_url=whole.url, **options)
    assert whole.stats.total_calls >= 2  # a reduce call for each of the two stories

    with FakeServer(latency=0.5, lifetime=60) as server:

        async def main() -> None:
            run = asyncio.ensure_future(
                summarizer.abriefing([corpus], base_url=server.url, **options)
            )
            while not server.calls:  # the first request is in flight (0.5 s on the server)
                assert not run.done()
                await asyncio.sleep(0.02)
            run.cancel()
            with pytest.raises(asyncio.CancelledError):
                await run

        asyncio.run(main())  # returns once the run's thread has ended (the default executor)
        assert len(server.calls) == 1  # the one in flight; none after it


def test_a_cancelled_await_stops_retrying(corpus: Path) -> None:
    """A cancelled run whose request kept failing (HTTP 500) went on retrying it for up to
    the retry budget (120 s), sending a request every second to a server nobody waited for."""
    options: dict[str, Any] = {"backend": "openai", "model": "fake-llm", "concurrency": 1}
    with FakeServer(fault=lambda call: "500", retry_after="1", lifetime=60) as server:

        async def main() -> None:
            run = asyncio.ensure_future(
                summarizer.abriefing([corpus], base_url=server.url, no_cache=True, **options)
            )
            while not server.stats.faults["500"]:  # the first attempt failed; a retry waits
                assert not run.done()
                await asyncio.sleep(0.02)
            run.cancel()
            with pytest.raises(asyncio.CancelledError):
                await run

        asyncio.run(main())  # returns once the run's thread has ended
        assert server.stats.faults["500"] <= 2  # the attempt and at most the retry under way
