"""The response cache, the record and replay backends, and the prompt loader."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import ConfigError, MissingRecordingError
from summarizer.llm.base import Completion, Message, Request
from summarizer.llm.cache import CachedClient, ResponseCache
from summarizer.llm.recording import RecordClient, ReplayClient
from summarizer.prompts import PROMPT_NAMES, load_prompt, parse_prompt, prompts_dir

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = [Message(role="system", content="Be brief."), Message(role="user", content="Hi")]


class Counting:
    """A fake backend that counts calls; its answers are hand-written fixtures."""

    name = "fake"
    model = "fake-model"
    context_window = 8192

    def __init__(self) -> None:
        self.calls = 0

    async def complete(self, messages: list[Message], **kw: Any) -> Completion:
        self.calls += 1
        return Completion(text=f"answer {self.calls}", finish_reason="stop", prompt_tokens=5)


def ask(client: Any, prompt: str = "map@1", *, valid: bool = True, **kw: Any) -> Completion:
    """One request; ``valid`` answers are accepted as the chain does after validating them."""
    answer: Completion = asyncio.run(client.complete(MESSAGES, prompt=prompt, **kw))
    if valid and hasattr(client, "accept"):
        client.accept(answer)
    return answer


def test_a_repeated_request_is_served_from_the_cache(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedClient(inner, ResponseCache(tmp_path / "c.sqlite3"))
    first, again = ask(cached), ask(cached)
    assert inner.calls == 1
    assert (first.cached, again.cached) == (False, True)
    assert again.text == first.text == "answer 1"
    # a fresh process opening the same file (a rerun) is served too
    rerun = CachedClient(inner, ResponseCache(tmp_path / "c.sqlite3"))
    assert ask(rerun).cached and inner.calls == 1


def test_an_answer_never_accepted_is_not_cached(tmp_path: Path) -> None:
    """Only validated answers are cached: after a bad answer a rerun asks again."""
    inner = Counting()
    cached = CachedClient(inner, ResponseCache(tmp_path / "c.sqlite3"))
    assert not ask(cached, valid=False).cached
    again = ask(cached)  # asked again (the bad answer was not stored), and this one accepted
    assert inner.calls == 2 and not again.cached and again.text == "answer 2"
    assert ask(cached).cached and inner.calls == 2
    assert len(cached.cache) == 1


def test_an_unreadable_cache_entry_is_asked_again_and_replaced(tmp_path: Path) -> None:
    """An entry that no longer parses (edited by hand, or an older layout) was a traceback."""
    inner = Counting()
    path = tmp_path / "c.sqlite3"
    ask(CachedClient(inner, ResponseCache(path)))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE responses SET completion = '{bad'")
    rerun = CachedClient(inner, ResponseCache(path))
    again = ask(rerun)
    assert not again.cached and inner.calls == 2
    assert ask(rerun).cached and inner.calls == 2


def test_a_cache_file_of_another_layout_is_a_config_error_saying_what_to_do(
    tmp_path: Path,
) -> None:
    """A ``responses`` table without our columns opened fine, then every lookup raised
    sqlite3.OperationalError out of the CLI as a traceback."""
    path = tmp_path / "c.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE responses (a)")
    cached = CachedClient(Counting(), ResponseCache(path))
    with pytest.raises(ConfigError, match="response cache .* unusable .*--no-cache"):
        ask(cached)


def test_a_cache_that_cannot_be_opened_says_what_to_do(tmp_path: Path) -> None:
    """SUMMARIZER_HOME or --cache-dir under a file: "cannot open ...: Not a directory" and no
    way out was named."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot open the response cache") as err:
        ResponseCache(tmp_path / "file" / "cache" / "c.sqlite3")
    assert "--no-cache or another --cache-dir" in str(err.value)


def test_prompt_version_model_and_params_are_part_of_the_key(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedClient(inner, ResponseCache(tmp_path / "c.sqlite3"))
    ask(cached, "map@1")
    ask(cached, "map@2")
    ask(cached, "map@1", max_tokens=99)
    ask(cached, "map@1", schema={"type": "object"})
    inner.model = "other-model"
    ask(CachedClient(inner, ResponseCache(tmp_path / "c.sqlite3")), "map@1")
    assert inner.calls == 5


def _hammer(path: str, worker: int) -> None:
    cache = ResponseCache(Path(path))
    for i in range(40):
        req = Request(model="m", messages=[Message(role="user", content=f"{worker}-{i}")])
        cache.put(req.key(), req, Completion(text=f"{worker}-{i}"))
        assert cache.get(req.key()) is not None


def test_concurrent_processes_share_one_cache_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    ResponseCache(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(str(path), w)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert len(ResponseCache(path)) == 120


def test_record_writes_readable_json_and_replay_serves_it(tmp_path: Path) -> None:
    inner = Counting()
    recorder = RecordClient(inner, tmp_path)
    answer = ask(recorder, "blurb@1")
    files = list(tmp_path.glob("*.json"))
    assert [f.name.split("-")[0] for f in files] == ["blurb"]
    data = json.loads(files[0].read_text())
    assert set(data) == {"key", "request", "response"}
    assert data["request"]["messages"][1] == {"role": "user", "content": "Hi"}
    assert data["response"]["text"] == "answer 1"
    replay = ReplayClient(tmp_path)
    assert replay.model == "fake-model"  # taken from the recordings
    assert ask(replay, "blurb@1").text == answer.text


def test_a_missing_recording_names_its_key_and_how_to_record_it(tmp_path: Path) -> None:
    ask(RecordClient(Counting(), tmp_path), "blurb@1")
    replay = ReplayClient(tmp_path)
    key = Request(model="fake-model", prompt="blurb@2", messages=MESSAGES).key()
    with pytest.raises(MissingRecordingError) as err:
        ask(replay, "blurb@2")
    assert key in str(err.value)
    assert "python scripts/record_fixtures.py" in str(err.value)


@pytest.mark.parametrize(
    "damage",
    [lambda data: "{half a file", lambda data: json.dumps({**data, "response": {"text": None}})],
    ids=["not json", "not a completion"],
)
def test_a_damaged_recording_is_a_config_error_naming_it(tmp_path: Path, damage: Any) -> None:
    """Replay with --model (so the directory is not scanned first) raised JSONDecodeError or
    pydantic's ValidationError out of the CLI as a traceback."""
    ask(RecordClient(Counting(), tmp_path), "blurb@1")
    path = next(tmp_path.glob("*.json"))
    path.write_text(damage(json.loads(path.read_text())), encoding="utf-8")
    with pytest.raises(ConfigError, match="not a recording") as err:
        ask(ReplayClient(tmp_path, model="fake-model"), "blurb@1")
    assert path.name in str(err.value) and "record_fixtures.py" in str(err.value)


def test_recording_into_a_path_that_is_a_file_is_a_config_error(tmp_path: Path) -> None:
    """``record_to`` naming an existing file raised FileExistsError as a traceback."""
    taken = tmp_path / "taken.txt"
    taken.write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot write recordings to"):
        RecordClient(Counting(), taken)
    assert taken.read_text(encoding="utf-8") == "mine"


def test_recordings_never_hold_the_api_key(tmp_path: Path) -> None:
    from summarizer.llm.openai_backend import OpenAIClient

    from .test_llm_openai import Server, httpx, ok

    server = Server(lambda r: ok('{"claims": []}'))
    live = OpenAIClient(
        model="m",
        base_url="http://llm.test/v1",
        api_key="sk-very-secret",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )
    ask(RecordClient(live, tmp_path), "blurb@1", schema={"type": "object"})
    assert server.calls[0].headers["authorization"] == "Bearer sk-very-secret"
    text = next(tmp_path.glob("*.json")).read_text()
    assert "sk-very-secret" not in text and "authorization" not in text.lower()


def test_every_prompt_loads_with_a_version_and_renders() -> None:
    for name in PROMPT_NAMES:
        prompt = load_prompt(name)
        assert prompt.name == name and prompt.version
        values = {v: f"<{v}>" for v in prompt.variables()}
        system, user = prompt.render(**values)
        assert system.role == "system" and user.role == "user"
        assert "$" not in system.content + user.content


def test_missing_variables_are_all_listed() -> None:
    prompt = load_prompt("map")
    assert prompt.missing({"title": "x"}) == ["example", "max_points", "sentences"]
    with pytest.raises(ConfigError, match="example, max_points, sentences"):
        prompt.render(title="x")


def test_malformed_prompt_files_are_rejected() -> None:
    with pytest.raises(ConfigError, match="front matter"):
        parse_prompt("[system]\nx\n[user]\ny")
    with pytest.raises(ConfigError, match="version"):
        parse_prompt("---\nname: x\n---\n[system]\nx\n[user]\ny")
    with pytest.raises(ConfigError, match="section"):
        parse_prompt("---\nname: x\nversion: 1\n---\n[system]\nx")


def test_prompts_are_found_in_the_wheel_layout(tmp_path: Path) -> None:
    """A normal install has no top-level prompts/: pyproject force-includes them as
    summarizer/_prompts. Rebuild that layout and load the prompts from it."""
    assert prompts_dir() == ROOT / "prompts"  # editable install: the repository's files
    site = tmp_path / "site"
    shutil.copytree(ROOT / "summarizer", site / "summarizer")
    shutil.copytree(ROOT / "prompts", site / "summarizer" / "_prompts")
    code = "from summarizer.prompts import prompts_dir, load_prompt; print(prompts_dir());"
    code += "print(load_prompt('reduce').label)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [str(site / "summarizer" / "_prompts"), load_prompt("reduce").label]
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"prompts" = "summarizer/_prompts"' in pyproject


def _open_and_close(path: str) -> str:
    try:
        ResponseCache(Path(path)).close()
    except Exception as exc:  # reported to the test, which names it
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def test_processes_opening_one_new_cache_at_once_all_get_it(tmp_path: Path) -> None:
    """Dask workers open one shared cache together: switching a new file to WAL mode made
    SQLite answer "database is locked" at once to all but one (about one round in eight)."""

    with multiprocessing.get_context("fork").Pool(6) as pool:
        for n in range(20):
            path = tmp_path / f"c{n}" / "responses.sqlite3"
            results = pool.map(_open_and_close, [str(path)] * 6)
            assert results == ["ok"] * 6, results
