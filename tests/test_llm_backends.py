"""Backend selection: get_writer, the factory's wrapping, the local backend's errors, the CLI."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from summarizer import pipeline
from summarizer.errors import BackendError, ConfigError, NeedsKeyError
from summarizer.llm.cache import CachedClient
from summarizer.llm.catalog import context_window, cost_usd, load_prices
from summarizer.llm.factory import make_client
from summarizer.llm.limit import SWITCH_INTERVAL, quick_handoff
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
