"""The Batch API round trip against the FAKE server (tests/fake_batch_server.py).

The fake "model" below writes HAND-WRITTEN answers: each claim or point copies one DATA line
with its id (so the verifier accepts it as an exact quote). Failures are injected on purpose.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.errors import BackendError, InputError, OutputError
from summarizer.llm.base import Request
from summarizer.llm.batch import chat_body, collect, submit
from summarizer.models import Blurb
from summarizer.settings import Settings

from .conftest import ARTICLES
from .fake_batch_server import serve

runner = CliRunner()
LINE = re.compile(r"^\[([^\]]+)\] (.+)$")


def fake_model(body: dict[str, Any]) -> dict[str, Any]:
    """HAND-WRITTEN answer: the first DATA lines, each as a claim citing its own ids."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    data = user.split("<data>", 1)[1].split("</data>", 1)[0]
    schema = body["response_format"]["json_schema"]["schema"]
    key = next(iter(schema["properties"]))
    limit = schema["properties"][key].get("maxItems", 3)
    items = []
    for line in data.strip().splitlines():
        m = LINE.match(line.strip())
        if m:
            items.append({"text": m.group(2), "cites": [c.strip() for c in m.group(1).split(",")]})
    return {"content": json.dumps({key: items[:limit]})}


def inputs() -> list[str]:
    return [str(p) for p in sorted(ARTICLES.glob("*.txt"))[:3]]


def settings(base_url: str, cache: Path, **more: Any) -> Settings:
    return Settings(
        backend="openai", base_url=base_url, model="gpt-4o-mini", cache_dir=cache, **more
    )


def comparable(b: Blurb) -> dict[str, Any]:
    return b.model_dump(include={"article_id", "claims", "sources", "engine", "counts"})


def online_blurbs(base_url: str, cache: Path, **more: Any) -> list[Blurb]:
    return [
        summarizer.blurb(a, settings=settings(base_url, cache, **more))
        for a in summarizer.load_articles(inputs())
    ]


def test_round_trip_gives_the_online_blurbs_and_then_online_makes_zero_calls(
    tmp_path: Path,
) -> None:
    with serve(fake_model) as server:
        state = submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        [first] = state.rounds
        assert first.requests == 3 and server.chat_calls == 0  # short articles: one call each
        # the uploaded lines are exactly what the online client sends for the same request
        uploaded = (tmp_path / "b/round-1.batch.jsonl").read_text().splitlines()
        online = online_blurbs(server.base_url, tmp_path / "online-cache")
        assert server.chat_calls == 3
        sent = sorted(json.dumps(b, sort_keys=True) for b in server.chat_bodies)
        lines = [json.loads(x) for x in uploaded]
        assert {(x["method"], x["url"]) for x in lines} == {("POST", "/v1/chat/completions")}
        assert sorted(json.dumps(x["body"], sort_keys=True) for x in lines) == sent

        report = collect(tmp_path / "b", online=False)
        assert (report.status, report.answers, report.errors) == ("completed", 3, [])
        assert (report.done, report.pending, report.follow_up) == (3, 0, None)
        assert [comparable(b) for b in report.blurbs] == [comparable(b) for b in online]
        assert all(b.counts.accepted >= 1 for b in report.blurbs)

        calls = server.chat_calls
        again = online_blurbs(server.base_url, tmp_path / "cache")
        assert server.chat_calls == calls  # every answer came from the cache
        assert all(b.usage.calls == 0 and b.usage.cache_hits >= 1 for b in again)
        assert [comparable(b) for b in again] == [comparable(b) for b in report.blurbs]


def test_partly_failed_batch_reasks_failures_and_invalid_answers_in_a_follow_up(
    tmp_path: Path,
) -> None:
    marker = summarizer.load_articles(inputs()[1])[0].sentences[0].text  # ids are not sent

    def sometimes_bad(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the first answer for the 2nd article is not JSON; its re-ask is."""
        if len(body["messages"]) == 2 and marker in body["messages"][1]["content"]:
            return {"content": "Sure! Here is the summary you asked for."}
        return fake_model(body)

    with serve(sometimes_bad) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        lines = (tmp_path / "b/round-1.batch.jsonl").read_text().splitlines()
        failing = json.loads(lines[0])["custom_id"]  # the 1st article's request
        server.fail = lambda cid: cid == failing  # in this first batch only
        report = collect(tmp_path / "b")
        server.fail = lambda cid: False
        assert report.status == "completed"
        assert report.answers == 2  # one valid, one invalid: both cached, as online
        assert len(report.errors) == 1 and "HTTP 500" in report.errors[0]
        assert report.done == 1 and report.pending == 2 and report.follow_up == "batch_2"
        second = (tmp_path / "b/round-2.batch.jsonl").read_text().splitlines()
        bodies = [json.loads(x)["body"] for x in second]
        assert len(bodies) == 2
        reask = [b for b in bodies if len(b["messages"]) == 4]  # the invalid answer's re-ask
        assert len(reask) == 1 and "could not be used" in reask[0]["messages"][3]["content"]
        assert any(json.loads(x)["custom_id"] == failing for x in second)  # failed: again

        final = collect(tmp_path / "b")
        assert (final.status, final.answers, final.done, final.pending) == ("completed", 2, 3, 0)
        assert len(final.blurbs) == 3 and final.follow_up is None
        calls = server.chat_calls
        again = online_blurbs(server.base_url, tmp_path / "cache")
        assert server.chat_calls == calls
        assert [comparable(b) for b in again] == [comparable(b) for b in final.blurbs]


def test_expired_batch_asks_the_rest_online(tmp_path: Path) -> None:
    with serve(fake_model) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        server.expire_after = 1
        report = collect(tmp_path / "b", online=True)
        assert report.status == "expired" and report.answers == 1
        assert len(report.errors) == 2 and all("could not be executed" in e for e in report.errors)
        assert server.chat_calls == 2  # the two the batch did not answer, asked online
        assert report.done == 3 and report.follow_up is None
        online = online_blurbs(server.base_url, tmp_path / "other-cache")
        assert [comparable(b) for b in report.blurbs] == [comparable(b) for b in online]


def test_a_long_article_takes_one_batch_per_stage(tmp_path: Path) -> None:
    with serve(fake_model) as server:
        small = settings(server.base_url, tmp_path / "cache", context_window=2048)
        state = submit(inputs()[:1], tmp_path / "b", small)
        first = [
            json.loads(x) for x in (tmp_path / "b/round-1.batch.jsonl").read_text().splitlines()
        ]
        assert state.rounds[0].requests >= 2  # the map step: every chunk in the same batch
        assert len(first) == state.rounds[0].requests
        stage2 = collect(tmp_path / "b")
        assert stage2.pending == 1 and stage2.follow_up == "batch_2"
        final = collect(tmp_path / "b")
        assert final.done == 1 and final.blurbs[0].claims
        [online] = [
            summarizer.blurb(a, settings=small.model_copy(update={"cache_dir": tmp_path / "o"}))
            for a in summarizer.load_articles(inputs()[:1])
        ]
        assert comparable(final.blurbs[0]) == comparable(online)


def test_collect_before_the_batch_is_done_changes_nothing(tmp_path: Path) -> None:
    with serve(fake_model) as server:
        submit(inputs()[:1], tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        server.polls_before_done = 1
        waiting = collect(tmp_path / "b")
        assert waiting.status == "in_progress" and waiting.done == 0 and not waiting.blurbs
        assert collect(tmp_path / "b").done == 1


def test_cli_submit_and_collect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        cache = str(tmp_path / "cache")
        sub = runner.invoke(
            app, ["batch", "submit", *inputs(), "--dir", str(tmp_path / "b"), "--cache-dir", cache]
        )
        assert sub.exit_code == 0, sub.output
        assert "batch batch_1 started: 3 requests" in sub.stderr
        out = tmp_path / "blurbs.jsonl"
        col = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert col.exit_code == 0, col.output
        assert "3 blurbs done, 0 failed, 0 waiting" in col.stderr
        assert len([Blurb.model_validate_json(x) for x in out.read_text().splitlines()]) == 3
        for name, start in (("blurbs.html", '<div class="smz-blurb"'), ("blurbs.md", "**")):
            # before: JSON Lines whatever the -o file's extension said
            named = tmp_path / name
            col = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(named)])
            assert col.exit_code == 0, col.output
            assert named.read_text(encoding="utf-8").startswith(start)
        again = runner.invoke(app, ["batch", "submit", *inputs(), "--dir", str(tmp_path / "b")])
        assert again.exit_code == 2 and "holds a batch already" in again.stderr
    missing = runner.invoke(app, ["batch", "collect", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and missing.stderr.startswith("Error: ")


def test_the_config_files_quiet_silences_submit_and_collect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`quiet = true` in the config file silenced blurb and briefing but not the batch
    commands: their notes still went to stderr (only -q silenced them)."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("quiet = true\n", encoding="utf-8")
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        state = str(tmp_path / "b")
        cache = str(tmp_path / "cache")
        sub = runner.invoke(
            app, ["batch", "submit", *inputs(), "--dir", state, "--cache-dir", cache]
        )
        assert sub.exit_code == 0 and sub.stderr == "", sub.output
        out = tmp_path / "blurbs.jsonl"
        col = runner.invoke(app, ["batch", "collect", state, "-o", str(out)])
        assert col.exit_code == 0 and col.stderr == "", col.output
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_chat_body_carries_the_schema_as_json_schema() -> None:
    req = Request(model="m", messages=[], schema={"type": "object"}, max_tokens=5)
    assert chat_body(req)["response_format"]["json_schema"]["schema"] == {"type": "object"}


def test_an_article_without_a_usable_answer_fails_alone(tmp_path: Path) -> None:
    marker = summarizer.load_articles(inputs()[2])[0].sentences[0].text  # ids are not sent

    def never_json_for_the_third(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the 3rd article never gets JSON, not even after the re-ask."""
        if marker in body["messages"][1]["content"]:
            return {"content": "I cannot help with that."}
        return fake_model(body)

    with serve(never_json_for_the_third) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        first = collect(tmp_path / "b")
        assert (first.done, first.pending, first.failed) == (2, 1, [])  # its re-ask goes out
        final = collect(tmp_path / "b")
        assert final.done == 2 and final.pending == 0 and len(final.blurbs) == 2
        [reason] = final.failed
        assert "no usable summary claims" in reason


def test_cli_collect_with_failed_articles_exits_1_and_names_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`batch collect` exited 0 when the chain gave up on some articles, so a script could not
    tell a complete run from one missing blurbs; now exit 1 with a one-line summary, as blurb
    (with --quiet too), and an -o file left as it was when no blurb was written."""
    marker = summarizer.load_articles(inputs()[2])[0].sentences[0].text

    def never_json_for_the_third(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the 3rd article never gets JSON, not even after the re-ask."""
        if marker in body["messages"][1]["content"]:
            return {"content": "I cannot help with that."}
        return fake_model(body)

    with serve(never_json_for_the_third) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        cache = ["--cache-dir", str(tmp_path / "cache")]
        for state, articles in (("b", inputs()), ("c", inputs()[2:])):
            sub = runner.invoke(
                app, ["batch", "submit", *articles, "--dir", str(tmp_path / state), *cache]
            )
            assert sub.exit_code == 0, sub.output
        out = tmp_path / "blurbs.jsonl"
        first = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert first.exit_code == 0 and "follow-up batch" in first.stderr  # its re-ask
        final = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out), "-q"])
        assert final.exit_code == 1, final.output
        errors = final.stderr.splitlines()
        assert len(errors) == 2 and errors[0].startswith("Error: ")
        assert "no usable summary claims" in errors[0]
        assert errors[1] == "1 of 3 articles failed (see above)"
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # the others are written
        kept = tmp_path / "kept.jsonl"
        kept.write_text("theirs\n", encoding="utf-8")
        args = ["batch", "collect", str(tmp_path / "c"), "-o", str(kept), "--force"]
        none = runner.invoke(app, args)  # its answer and re-ask are cached already
        assert none.exit_code == 1 and "1 of 1 article failed" in none.stderr
        assert kept.read_text(encoding="utf-8") == "theirs\n"  # not made empty


def test_cli_collect_counts_an_article_with_no_blurb_as_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blurb whose every claim failed verification was written as the message "(no claim
    passed verification)" where the blurb goes; now it is failed, as in the blurb command."""
    marker = summarizer.load_articles(inputs()[2])[0].sentences[0].text

    def invented_for_the_third(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the 3rd article's answer is a claim its cited sentence does not state."""
        answer = fake_model(body)
        if marker in body["messages"][1]["content"]:
            claims = json.loads(answer["content"])
            key = next(iter(claims))
            for item in claims[key]:
                item["text"] = "The moon landing was filmed in a studio in Nevada in 1969."
            answer = {"content": json.dumps(claims)}
        return answer

    with serve(invented_for_the_third) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        cache = ["--cache-dir", str(tmp_path / "cache"), "--no-judge"]
        sub = runner.invoke(
            app, ["batch", "submit", *inputs(), "--dir", str(tmp_path / "b"), *cache]
        )
        assert sub.exit_code == 0, sub.output
        out = tmp_path / "blurbs.jsonl"
        final = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out), "-q"])
    assert final.exit_code == 1, final.output
    errors = final.stderr.splitlines()
    assert errors[0].startswith("Error: ") and "no blurb: no claim passed verification" in errors[0]
    assert errors[-1] == "1 of 3 articles failed (see above)"
    written = out.read_text(encoding="utf-8")
    assert len(written.splitlines()) == 2 and "no claim passed" not in written


# -- what a careless user does (round 6 QA) ------------------------------------------------------


def test_a_cancelled_batch_is_not_sent_again_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: collect after a cancel started a follow-up batch of everything cancelled by
    itself (paying for what someone meant to stop). Now its answers are cached, the rest waits
    for --resubmit or --online, and the exit code says the batch did not finish (3)."""
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        server.end_as, server.expire_after = "cancelled", 1
        out = tmp_path / "blurbs.jsonl"
        stopped = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert stopped.exit_code == 3, stopped.output
        assert stopped.stderr.startswith("Error: batch batch_1 cancelled: 2 requests have no")
        assert "--resubmit" in stopped.stderr and len(stopped.stderr.splitlines()) == 1
        assert len(server.batches) == 1 and not out.exists()
        again = runner.invoke(app, ["batch", "collect", str(tmp_path / "b")])  # still refused
        assert again.exit_code == 3 and len(server.batches) == 1

        server.end_as, server.expire_after = None, None
        resent = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "--resubmit"])
        assert resent.exit_code == 0, resent.output
        assert "follow-up batch batch_2 started" in resent.stderr
        assert len((tmp_path / "b/round-2.batch.jsonl").read_text().splitlines()) == 2
        done = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert done.exit_code == 0 and "3 blurbs done" in done.stderr
        assert server.batch_requests == 3 + 2 and server.chat_calls == 0  # one answer each


def test_a_failed_batch_says_why_and_online_finishes_it(tmp_path: Path) -> None:
    with serve(fake_model) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        server.end_as = "failed"
        with pytest.raises(BackendError, match="batch_1 failed \\(Enqueued token limit reached"):
            collect(tmp_path / "b")
        assert len(server.batches) == 1
        report = collect(tmp_path / "b", online=True)
        assert report.done == 3 and server.chat_calls == 3 and len(server.batches) == 1


def test_unusable_batch_directories_are_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: --dir naming a file, a corrupt state.json and a missing round file were
    tracebacks; a directory with the user's files in it was written into; and with no key
    the whole chain ran and wrote the round files before the key was found missing."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "round-1.batch.jsonl.bak").write_text("theirs")
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "state.json").write_text("{")
    cases = [
        (["submit", *inputs(), "--dir", str(tmp_path / "new")], 2, "needs OPENAI_API_KEY"),
        (["submit", *inputs(), "--dir", str(afile), "--base-url", "http://x/v1"], 2, "is a file"),
        (["submit", *inputs(), "--dir", str(theirs), "--base-url", "http://x/v1"], 2, "other"),
        (["collect", str(corrupt)], 2, "not a readable batch state (Invalid JSON"),
        (["collect", str(afile)], 2, "no batch here"),
    ]
    for args, code, expected in cases:
        result = runner.invoke(app, ["batch", *args])
        assert result.exit_code == code, (args, result.output)
        assert result.stderr.startswith("Error: ") and expected in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "new").exists() and afile.read_text() == "mine"
    assert [p.name for p in theirs.iterdir()] == ["round-1.batch.jsonl.bak"]

    with serve(fake_model) as server:
        submit(inputs()[:1], tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        (tmp_path / "b/round-1.requests.jsonl").unlink()
        result = runner.invoke(app, ["batch", "collect", str(tmp_path / "b")])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
    assert "round-1.requests.jsonl: missing or unreadable" in result.stderr


def test_the_api_key_is_never_written(tmp_path: Path) -> None:
    """Submit and collect as a real process at -vv (the SDK's debug log on): the key is in no
    file of the batch directory, the cache, the output, nor the log."""
    secret = "sk-test-NEVER-WRITE-THIS-0123456789"
    with serve(fake_model) as server:
        env = dict(os.environ, OPENAI_API_KEY=secret, OPENAI_BASE_URL=server.base_url)
        env["SUMMARIZER_HOME"] = str(tmp_path / "home")
        cli = [sys.executable, "-m", "summarizer", "batch"]
        sub = subprocess.run(
            [*cli, "submit", *inputs(), "--dir", str(tmp_path / "b"), "-vv"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        col = subprocess.run(
            [*cli, "collect", str(tmp_path / "b"), "-o", str(tmp_path / "o.jsonl"), "-vv"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert sub.returncode == 0 and col.returncode == 0, (sub.stderr, col.stderr)
    assert "DEBUG openai" in sub.stderr and "DEBUG openai" in col.stderr  # the log was on
    assert secret not in sub.stdout + sub.stderr + col.stdout + col.stderr
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) >= 5  # state, round files, the cache, the output
    for path in files:
        assert secret.encode() not in path.read_bytes(), path


def test_collect_works_on_what_was_submitted_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relative inputs and --cache-dir, then collect from another directory with the inputs
    gone. Before: "no such file" (or another file of the same relative name), and a relative
    cache there would have missed every answer and sent them all again."""
    work = tmp_path / "work"
    (work / "feed").mkdir(parents=True)
    for path in inputs():
        (work / "feed" / Path(path).name).write_text(Path(path).read_text(encoding="utf-8"))
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.chdir(work)
        sub = runner.invoke(app, ["batch", "submit", "feed", "--dir", "b", "--cache-dir", "c"])
        assert sub.exit_code == 0, sub.output
        for path in (work / "feed").iterdir():
            path.unlink()  # moved away, or a feed that changed since
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        monkeypatch.chdir(elsewhere)
        col = runner.invoke(app, ["batch", "collect", str(work / "b"), "-o", "out.jsonl"])
        assert col.exit_code == 0, col.output
        assert "3 blurbs done, 0 failed, 0 waiting" in col.stderr
        assert len(server.batches) == 1 and server.chat_calls == 0
    assert len((elsewhere / "out.jsonl").read_text().splitlines()) == 3
    assert not (elsewhere / "c").exists() and (work / "c").is_dir()


def test_collect_twice_writes_the_same_blurbs_with_no_new_batch_nor_call(tmp_path: Path) -> None:
    with serve(fake_model) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        first = collect(tmp_path / "b")
        second = collect(tmp_path / "b")
        assert (second.answers, second.done, second.follow_up) == (0, 3, None)
        assert [comparable(b) for b in second.blurbs] == [comparable(b) for b in first.blurbs]
        assert len(server.batches) == 1 and server.chat_calls == 0


def test_a_round_over_openai_batch_limits_is_refused_before_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.llm.batch as batch

    monkeypatch.setattr(batch, "MAX_REQUESTS", 2)
    api = settings("https://api.openai.com/v1", tmp_path / "cache", api_key="sk-test")
    with pytest.raises(InputError, match="3 requests .* more than one batch of the OpenAI"):
        submit(inputs(), tmp_path / "b", api)
    with serve(fake_model) as server:  # another server: its own limits
        assert submit(inputs(), tmp_path / "c", settings(server.base_url, tmp_path / "cache"))


def test_a_server_refusal_quoting_the_key_names_the_server_but_never_the_key(
    tmp_path: Path,
) -> None:
    """A 403 quoting the bearer key (some proxies do) was printed whole in "could not start
    the batch: Error code: 403 - ... sk-..."; the server was not named."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Quoting(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            said = f"not allowed for {self.headers.get('Authorization')}"
            body = json.dumps({"error": {"message": said}}).encode()
            self.send_response(403)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            return

    secret = "sk-quoted-back-0123456789"
    server = ThreadingHTTPServer(("127.0.0.1", 0), Quoting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        with pytest.raises(BackendError, match="could not start the batch at") as caught:
            submit(inputs(), tmp_path / "b", settings(url, tmp_path / "c", api_key=secret))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert url in str(caught.value) and "not allowed for Bearer [redacted]" in str(caught.value)
    assert secret not in str(caught.value)


def test_a_garbled_or_missing_output_file_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a line of the output file that was not JSON (a proxy's HTML, a cut download)
    was a bare JSONDecodeError, and an output file the server no longer had (404) a bare
    openai.NotFoundError, each a traceback with exit 1. Now a garbled line is skipped (its
    request counts as unanswered), and a file that cannot be downloaded is a BackendError that
    collects nothing, so the next collect tries again."""
    monkeypatch.setenv("OPENAI_BASE_URL", "http://unused.invalid/v1")
    with serve(fake_model) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        run_batch = server.run_batch

        def lost_output(batch: dict[str, Any]) -> None:
            run_batch(batch)
            batch["real_output"], batch["output_file_id"] = batch["output_file_id"], "file-999"

        monkeypatch.setattr(server, "run_batch", lost_output)
        lost = runner.invoke(app, ["batch", "collect", str(tmp_path / "b")])
        assert lost.exit_code == 3, lost.output
        assert lost.stderr.startswith("Error: cannot download file file-999 of batch batch_1")
        assert len(lost.stderr.splitlines()) == 1

        monkeypatch.setattr(server, "run_batch", run_batch)
        batch = server.batches["batch_1"]
        name, data = server.files[batch["real_output"]]
        first, *rest = data.decode().splitlines()
        garbled = ["<html>proxy error</html>", "[1, 2]", first[: len(first) // 2], *rest]
        server.files[batch["real_output"]] = (name, "\n".join(garbled).encode())
        batch["output_file_id"] = batch["real_output"]
        report = collect(tmp_path / "b")  # the cut line's request goes into a follow-up
        assert (report.answers, report.done, report.follow_up) == (2, 2, "batch_2")
        assert any("no answer" in e for e in report.errors)
        final = collect(tmp_path / "b")
        assert final.done == 3 and final.follow_up is None and server.chat_calls == 0


def test_a_batch_directory_inside_an_input_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `batch submit feed/ --dir feed/b1` worked, and then `summarizer briefing feed/`
    failed on feed/b1/articles.jsonl ("missing or empty 'text' field") and `summarizer blurb
    feed/` reported every file of the batch directory as a failed input."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for path in inputs():
        (feed / Path(path).name).write_text(Path(path).read_text(encoding="utf-8"))
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # never reached
    for state_dir in (feed / "b1", feed / "x" / "y"):
        result = runner.invoke(app, ["batch", "submit", str(feed), "--dir", str(state_dir)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {state_dir}: lies in the input folder {feed}")
        assert len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in feed.iterdir()) == sorted(Path(p).name for p in inputs())


def test_a_batch_directory_that_cannot_be_written_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a --dir under a file (or on a read-only or full disk) was a bare
    NotADirectoryError or OSError traceback from making the directory or writing the round."""
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        args = ["batch", "submit", *inputs(), "--cache-dir", str(tmp_path / "cache")]
        under = runner.invoke(app, [*args, "--dir", str(afile / "b")])
        assert under.exit_code == 2, under.output
        assert under.stderr.startswith(f"Error: {afile / 'b'}: cannot make the batch directory")

        def full(self: Path, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Path, "write_bytes", full)
        disk = runner.invoke(app, [*args, "--dir", str(tmp_path / "b")])
        assert disk.exit_code == 2, disk.output
        assert disk.stderr == (
            f"Error: {tmp_path / 'b'}: cannot write round 1's files ([Errno 28] No space left "
            "on device)\n"
        )
        assert not server.files and not server.batches  # nothing uploaded
    assert afile.read_text() == "mine"


def test_one_collect_at_a_time_and_a_dead_ones_lock_is_taken_over(tmp_path: Path) -> None:
    """Before: two overlapping collects (a cron job and a person) of an expired batch each
    started a follow-up batch: both paid for, one never collected (state.json named only the
    other). A live run's lock now refuses the second; a lock left by a run that died is
    taken over."""
    import socket

    with serve(fake_model) as server:
        submit(inputs(), tmp_path / "b", settings(server.base_url, tmp_path / "cache"))
        server.expire_after = 1
        lock = tmp_path / "b" / "running.lock"
        lock.write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid()}))
        with pytest.raises(OutputError, match="another batch submit or collect .* is running"):
            collect(tmp_path / "b")
        assert list(server.batches) == ["batch_1"] and lock.exists()

        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        lock.write_text(json.dumps({"host": socket.gethostname(), "pid": int(gone.stdout)}))
        report = collect(tmp_path / "b")
        assert report.follow_up == "batch_2" and list(server.batches) == ["batch_1", "batch_2"]
        assert not lock.exists()
        server.expire_after = None
        assert collect(tmp_path / "b").done == 3

    def read_only(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    with serve(fake_model) as server, pytest.MonkeyPatch.context() as patch:
        # a finished batch kept where it cannot be written: collected again without a lock
        submit(inputs(), tmp_path / "c", settings(server.base_url, tmp_path / "cache2"))
        assert collect(tmp_path / "c").done == 3
        patch.setattr(os, "link", read_only)
        again = collect(tmp_path / "c")
        assert again.done == 3 and again.follow_up is None
        assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [
            "articles.jsonl", "round-1.batch.jsonl", "round-1.requests.jsonl", "state.json"
        ]  # fmt: skip


def test_cli_submit_skips_a_bad_file_of_a_folder_as_briefing_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One unreadable file in a folder stopped `batch submit` with exit 2 (no batch), where
    `summarizer briefing` of the same folder skips it, names it and exits 1."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for path in inputs()[:2]:
        (feed / Path(path).name).write_bytes(Path(path).read_bytes())
    (feed / "broken.json").write_text("{not json", encoding="utf-8")
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        sub = runner.invoke(
            app,
            [
                "batch",
                "submit",
                str(feed),
                "--dir",
                str(tmp_path / "b"),
                "--cache-dir",
                str(tmp_path / "cache"),
            ],
        )
        assert sub.exit_code == 1, sub.output
        assert "broken.json" in sub.stderr and "Traceback" not in sub.stderr
        assert "started: 2 requests" in sub.stderr
        assert "1 file or record skipped" in sub.stderr
        empty = tmp_path / "empty"
        empty.mkdir()
        (empty / "broken.json").write_text("{not json", encoding="utf-8")
        none = runner.invoke(app, ["batch", "submit", str(empty), "--dir", str(tmp_path / "c")])
        assert none.exit_code == 2 and not (tmp_path / "c").exists()


def test_submit_refuses_options_the_kind_would_ignore_before_any_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: blurbs silently dropped --since/--until/--min-sources/--max-stories/--title and
    a briefing dropped -n, and the paid requests went out all the same."""
    calls: list[dict[str, Any]] = []

    def counting(body: dict[str, Any]) -> dict[str, Any]:
        calls.append(body)
        return fake_model(body)

    cases = [
        ([], ["--since", "2025-03-18"], "--since applies only to a briefing"),
        ([], ["--until", "2025-03-18", "--min-sources", "2"], "--min-sources, --until apply"),
        ([], ["--max-stories", "1", "-t", "Morning"], "--title, --max-stories apply only"),
        (["--briefing"], ["-n", "2"], "--sentences applies only to blurbs"),
    ]
    with serve(counting) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        for i, (kind, options, expected) in enumerate(cases):
            state = tmp_path / f"b{i}"
            args = ["batch", "submit", *kind, *inputs(), "--dir", str(state), *options]
            result = runner.invoke(app, args)
            assert result.exit_code == 2, (args, result.output)
            assert result.stderr.startswith("Error: ") and expected in result.stderr
            assert len(result.stderr.splitlines()) == 1
            assert not state.exists()
    assert calls == []


def test_config_defaults_of_the_other_kind_are_unused_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flags of the other kind are refused, but the same keys in the config file are
    defaults for every command: blurbs leave the briefing's since/until/title/max_stories/
    min_sources unused (every article still gets a blurb, as `summarizer blurb` does) and a
    briefing leaves `sentences` unused. `batch submit --help` says so."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        'since = "2000-01-01"\nuntil = "2000-01-02"\ntitle = "Morning"\nmax_stories = 1\n'
        "min_sources = 5\nsentences = 2\n",
        encoding="utf-8",
    )
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        cache = ["--cache-dir", str(tmp_path / "cache")]
        args = ["batch", "submit", *inputs(), "--dir", str(tmp_path / "b"), *cache]
        sub = runner.invoke(app, args)
        assert sub.exit_code == 0, sub.output
        assert "started: 3 requests" in sub.stderr  # no article left out by the dates
        out = tmp_path / "blurbs.jsonl"
        col = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert col.exit_code == 0, col.output
        assert len(out.read_text().splitlines()) == 3
        (home / "config.toml").write_text("sentences = 2\n", encoding="utf-8")
        args = ["batch", "submit", "--briefing", *inputs(), "--dir", str(tmp_path / "c"), *cache]
        brief = runner.invoke(app, args)
        assert brief.exit_code == 0, brief.output
    shown = " ".join(runner.invoke(app, ["batch", "submit", "--help"]).stdout.split())
    assert "Set in the config file, the same keys are defaults for every command" in shown
