"""Backend selection: get_writer, the factory's wrapping, the local backend's errors, the CLI."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import pipeline
from summarizer.cli import app
from summarizer.errors import BackendError, ConfigError, NeedsKeyError
from summarizer.llm.base import Completion, Message, run_sync
from summarizer.llm.cache import CachedClient
from summarizer.llm.catalog import context_window, cost_usd, load_prices
from summarizer.llm.factory import make_client
from summarizer.llm.limit import SWITCH_INTERVAL, CpuGate, LimitedClient, quick_handoff
from summarizer.llm.openai_backend import OpenAIClient
from summarizer.llm.recording import RecordClient
from summarizer.mapreduce import LLMWriter
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARIZER_HOME", str(tmp_path / "home"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_BACKEND"):
        monkeypatch.delenv(var, raising=False)


def test_auto_uses_the_llm_when_an_endpoint_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pipeline.resolve_backend(Settings.from_env()) == "extractive"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = Settings.from_env(model="gpt-4o-mini")
    assert pipeline.resolve_backend(settings) == "openai"
    writer = pipeline.get_writer(settings)
    assert isinstance(writer, LLMWriter)
    assert writer.name == "openai:gpt-4o-mini"
    assert isinstance(writer.client.inner, CachedClient)  # the cache is on by default


def test_openai_without_key_or_url_says_what_to_set() -> None:
    with pytest.raises(NeedsKeyError, match="OPENAI_API_KEY"):
        pipeline.get_writer(Settings(backend="openai"))


def test_factory_wraps_record_and_skips_cache_when_asked(tmp_path: Path) -> None:
    settings = Settings(
        backend="openai", api_key="k", model="gpt-4o", record_to=tmp_path / "rec", no_cache=True
    )
    client = make_client(settings, "openai")
    assert isinstance(client, RecordClient) and isinstance(client.inner, OpenAIClient)
    assert client.context_window == 128_000


def test_local_backend_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(NeedsKeyError, match="--gguf"):
        make_client(Settings(backend="local"), "local")
    with pytest.raises(ConfigError, match="not found"):
        make_client(Settings(backend="local", gguf=tmp_path / "none.gguf"), "local")


def test_a_file_llama_cpp_cannot_load_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--gguf article.txt`` with the extra installed: llama_cpp.Llama raises ValueError
    ("Failed to load model from file"), which came out as a traceback. A stand-in module
    raises it here (the extra is not installed in the test environment)."""

    class Llama:
        def __init__(self, **kw: Any) -> None:
            raise ValueError(f"Failed to load model from file: {kw['model_path']}")

    monkeypatch.setitem(sys.modules, "llama_cpp", types.SimpleNamespace(Llama=Llama))
    text = tmp_path / "article.txt"
    text.write_text("Not a model.", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot load the GGUF model .*article.txt"):
        make_client(Settings(backend="local", gguf=text, no_cache=True), "local")


def test_known_models_table_and_prices(tmp_path: Path) -> None:
    assert context_window("gpt-4o-mini") == 128_000
    assert context_window("/models/SmolLM2-135M-Instruct.Q4_1.gguf") == 8192
    assert context_window("some-unknown-model") == 8192
    assert context_window("gpt-4o-mini", override=4096) == 4096
    prices = load_prices(None)
    assert cost_usd("gpt-4o-mini", 1_000_000, 0, prices) == pytest.approx(0.15)
    assert cost_usd("mystery", 10, 10, prices) is None
    custom = tmp_path / "prices.json"
    custom.write_text(
        '{"gpt-4o-mini": {"input": 1.0, "output": 2.0}, "mystery": {"input": 3, "output": 0}}'
    )
    prices = load_prices(custom)
    assert cost_usd("gpt-4o-mini", 1_000_000, 1_000_000, prices) == pytest.approx(3.0)
    assert cost_usd("mystery", 1_000_000, 5, prices) == pytest.approx(3.0)
    custom.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="price table"):
        load_prices(custom)


def test_cli_openai_without_configuration_is_a_one_line_error(tmp_path: Path) -> None:
    art = ROOT / "fixtures/articles/001_f0f5015643b5d02c.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(art), "--backend", "openai"],
        capture_output=True,
        text=True,
        env={"SUMMARIZER_HOME": str(tmp_path), "PATH": ""},
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: --backend openai needs OPENAI_API_KEY")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_server_that_is_down_is_a_backend_error_not_a_missing_model() -> None:
    """Model detection on a closed port: the server is down (exit 3), not "pass --model"."""
    settings = Settings(backend="openai", base_url="http://127.0.0.1:9/v1")  # nothing listens
    with pytest.raises(BackendError, match="unreachable") as caught:
        make_client(settings, "openai")
    assert caught.value.exit_code == 3


@pytest.mark.parametrize("url", ["ftp://llm.example/v1", "localhost:8000/v1", "http://"])
def test_a_base_url_that_is_not_http_is_a_usage_error_naming_it(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was exit 3 "unreachable ...; is the server running?", blaming a server that was
    never asked; now exit 2 naming the URL, from the flag and from OPENAI_BASE_URL alike."""
    art = ROOT / "fixtures/articles/001_f0f5015643b5d02c.txt"
    runner = CliRunner()
    by_flag = runner.invoke(app, ["blurb", str(art), "--backend", "openai", "--base-url", url])
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    by_env = runner.invoke(app, ["blurb", str(art), "--backend", "openai"])
    for result in (by_flag, by_env):
        assert result.exit_code == 2, result.stderr
        assert "base_url: must be an http:// or https:// URL" in result.stderr
        assert repr(url) in result.stderr and "unreachable" not in result.stderr


@contextmanager
def answering_get(status: int, body: bytes) -> Iterator[str]:
    """A loopback server answering every GET with ``status`` and ``body``; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_base_url_without_models_says_to_check_it_not_that_time_ran_out() -> None:
    """A server that 404s ``GET /models`` (a base URL missing /v1) was told as "gave no
    single answer in time; pass --model", which then only moved the 404 to every request."""
    not_found = answering_get(404, b'{"detail": "Not Found"}')
    with not_found as url, pytest.raises(ConfigError, match="no GET /models") as caught:
        make_client(Settings(backend="openai", base_url=url, timeout=10), "openai")
    assert "most end in /v1" in str(caught.value) and "in time" not in str(caught.value)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("models", "said"),
    [(["llama3:8b", "qwen2.5:7b"], "lists 2 models (llama3:8b, qwen2.5:7b)"), ([], "no model")],
)
def test_a_server_of_several_models_or_none_names_them(models: list[str], said: str) -> None:
    """Ollama lists every model pulled: "could not tell which model ... serves (GET /models
    gave no single answer in time)" blamed time and did not say which models there were."""
    data = [{"id": m, "object": "model", "owned_by": "x"} for m in models]
    listing = answering_get(200, json.dumps({"object": "list", "data": data}).encode())
    with listing as url, pytest.raises(ConfigError, match="pass --model NAME") as caught:
        make_client(Settings(backend="openai", base_url=url, timeout=10), "openai")
    assert said in str(caught.value) and "in time" not in str(caught.value)


def test_a_key_rejected_by_the_model_listing_says_so() -> None:
    """A 401 on ``GET /models`` (wrong OPENAI_API_KEY) became "could not tell which model
    ... serves; pass --model", and with --model the same key failed again on every request."""
    refusing = answering_get(401, b'{"error": {"message": "bad key"}}')
    with refusing as url, pytest.raises(BackendError, match="rejected the API key") as caught:
        make_client(
            Settings(backend="openai", base_url=url, api_key="sk-wrong", timeout=10), "openai"
        )
    assert "OPENAI_API_KEY" in str(caught.value) and "--model" not in str(caught.value)


def test_an_api_key_with_a_stray_character_is_cleaned_or_refused_never_shown() -> None:
    """A key read from a CRLF .env file ("sk-...\\r") or pasted with a space could not go
    into the Authorization header: every request failed as "unreachable; is the server
    running?" and was retried for minutes."""
    assert Settings(api_key="sk-abc123\r").api_key == "sk-abc123"
    assert Settings(api_key=" sk-abc123 \n").api_key == "sk-abc123"
    assert Settings(api_key="  ").api_key is None  # blank: no key, as an empty variable
    for bad in ("sk-ab\x01c123", "sk-äbc123", "sk-abc 123"):
        with pytest.raises(ConfigError, match="api_key: must be printable ASCII") as caught:
            Settings().updated(api_key=bad)
        assert bad not in str(caught.value) and "value hidden" in str(caught.value)


def test_quick_handoff_restores_the_switch_interval_when_the_last_graph_ends() -> None:
    before = sys.getswitchinterval()
    inner_started, outer_done = threading.Event(), threading.Event()

    def other_graph() -> None:
        with quick_handoff():
            inner_started.set()
            outer_done.wait(5)
            assert sys.getswitchinterval() == min(before, SWITCH_INTERVAL)

    with quick_handoff():
        assert sys.getswitchinterval() == min(before, SWITCH_INTERVAL)
        thread = threading.Thread(target=other_graph)
        thread.start()
        inner_started.wait(5)
    assert sys.getswitchinterval() == min(before, SWITCH_INTERVAL)  # the other still runs
    outer_done.set()
    thread.join(5)
    assert sys.getswitchinterval() == before


def _wait_for_waiters(gate: CpuGate, n: int) -> None:
    """Until ``n`` threads wait for the gate (they register before they block)."""
    deadline = time.monotonic() + 10
    while sum(gate._waiting.values()) < n:
        assert time.monotonic() < deadline
        time.sleep(0.001)


def test_the_cpu_gate_lets_one_thread_work_at_a_time_preparing_before_verifying() -> None:
    """While one thread holds the gate, the others wait; when it lets go, a waiting
    preparation (priority 0) goes before a verification (priority 1) that waited longer."""
    gate = CpuGate()
    order: list[str] = []
    holding = [0]
    most = [0]
    lock = threading.Lock()

    def work(name: str, priority: int) -> None:
        with gate.hold(priority):
            with lock:
                holding[0] += 1
                most[0] = max(most[0], holding[0])
                order.append(name)
            time.sleep(0.01)
            with lock:
                holding[0] -= 1

    first = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with gate.hold(1):
            first.set()
            release.wait(5)

    threads = [threading.Thread(target=holder)]
    threads[0].start()
    first.wait(5)
    threads.append(threading.Thread(target=work, args=("verify", 1)))
    threads[-1].start()
    _wait_for_waiters(gate, 1)  # the verification waits first
    threads.append(threading.Thread(target=work, args=("prepare", 0)))
    threads[-1].start()
    _wait_for_waiters(gate, 2)
    assert order == []  # both wait for the holder
    release.set()
    for t in threads:
        t.join(5)
    assert order == ["prepare", "verify"]
    assert most[0] == 1


def test_a_thread_waiting_for_an_answer_lets_go_of_the_cpu_gate() -> None:
    """``paused`` (an LLM wait, e.g. the judge from a verification) frees the gate for
    others and takes it back afterwards; nested waits of one thread free it once."""
    gate = CpuGate()
    ran = threading.Event()

    def other() -> None:
        with gate.hold(0):
            ran.set()

    with gate.hold(1):
        with gate.paused(), gate.paused():
            thread = threading.Thread(target=other)
            thread.start()
            assert ran.wait(5)  # the gate was free while this thread waited
            thread.join(5)
        with gate.paused():
            pass
    with gate.paused():  # a thread not holding the gate: nothing to let go
        pass
    with gate.hold(0):  # free again
        pass


def test_a_verification_waiting_for_the_judge_frees_the_graph_for_preparations() -> None:
    """In a bound graph, a call from a worker thread holding the CPU gate (the judge, from a
    verification) runs on the graph's loop and lets the gate go until its answer is back."""

    class Slow:
        name = model = "slow"
        context_window = 8192

        async def complete(self, messages: list[Message], **kw: Any) -> Completion:
            await asyncio.sleep(0.2)
            return Completion(text="ok")

    gate = CpuGate()
    limited = LimitedClient(Slow(), 2)
    prepared = threading.Event()

    def prepare() -> None:
        with gate.hold(0):
            prepared.set()

    def verify() -> tuple[str, bool]:
        with gate.hold(1):
            other = threading.Thread(target=prepare)
            other.start()
            _wait_for_waiters(gate, 1)
            assert not prepared.is_set()  # the gate is held
            answer = run_sync(lambda: limited.complete([Message(role="user", content="x")]))
            freed = prepared.is_set()  # the preparation ran while the answer was awaited
        other.join(5)
        return answer.text, freed

    async def graph() -> tuple[str, bool]:
        limited.bind(gate)
        try:
            return await asyncio.to_thread(verify)
        finally:
            limited.unbind()

    assert asyncio.run(graph()) == ("ok", True)
    assert limited.peak == 1 and limited.gate is None
