"""Shared fixtures: every test gets its own SUMMARIZER_HOME and no LLM configuration."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import forked

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"


def ctrl_c_as_in_a_terminal() -> None:
    """``preexec_fn`` for a child a test sends Ctrl-C (SIGINT): its default, as a terminal's
    foreground job has it. A child inherits an ignored SIGINT, and the test run has one when a
    script started it in the background (``pytest &`` without job control): the CLI then kept
    ignoring the test's Ctrl-C, as it must after ``nohup``, and read on ("file is empty", exit
    2; a briefing that ran to its end, exit 0, where 130 was expected)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the developer's config or keys, never reach a real endpoint."""
    from summarizer.settings import ENV_VARS

    monkeypatch.setenv("SUMMARIZER_HOME", str(tmp_path / "home"))
    for var in ENV_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """This test's SUMMARIZER_HOME, made: where a test writes the config file it needs."""
    path = tmp_path / "home"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="module")
def serve_client() -> Iterator[Any]:
    """A TestClient of ``summarizer serve``'s app on the offline engine, for a module's tests.
    Closed after them: the app's worker thread it left running made later tests' forks skip
    (``forked.may_fork``: other threads)."""
    pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")
    from fastapi.testclient import TestClient

    from summarizer.serve import ServeConfig, create_app
    from summarizer.settings import Settings

    app = create_app(ServeConfig(settings=Settings(backend="extractive")))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[int]]:
    """Call it to make ``forked`` fork from 2 items on; it returns the list the forks' pids are
    appended to (skips where nothing forks: not Linux, one CPU, other threads)."""
    if not hasattr(forked.os, "fork") or not forked.sys.platform.startswith("linux"):
        pytest.skip("the forked half runs on Linux only")
    if len(forked.os.sched_getaffinity(0)) < 2 or forked.threading.active_count() > 1:
        pytest.skip("one CPU, or other threads: nothing forks here")

    def start() -> list[int]:
        forks: list[int] = []
        real = forked.os.fork

        def fork() -> int:
            pid = real()
            if pid:
                forks.append(pid)
            return pid

        monkeypatch.setattr(forked.os, "fork", fork)
        monkeypatch.setattr(forked, "PARALLEL_MIN", 2)
        return forks

    return start
