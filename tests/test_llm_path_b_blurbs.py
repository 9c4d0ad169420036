"""``summarizer blurb`` over many inputs with an LLM: the articles' calls run at once, up to
``--concurrency``, the blurbs are still written in input order, and the model is detected once
per run. Against the loopback fake server (tests/fakeserver.py); calls are counted, never
timed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from . import synthetic
from .fakeserver import FakeServer

NAMES = ("FLOOD_A", "CUP_A", "COMET", "FLOOD_B", "CUP_B")


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    out = []
    for name in NAMES:
        path = tmp_path / f"{name.lower()}.txt"
        path.write_text(getattr(synthetic, name), encoding="utf-8")
        out.append(path)
    return out


def blurbs(server: FakeServer, files: list[Path], out: Path, *extra: str) -> Any:
    args = ["blurb", *map(str, files), "--backend", "openai", "--base-url", server.url]
    args += ["--no-cache", "--format", "json", "-o", str(out), *extra]
    return CliRunner().invoke(app, args)


def test_the_articles_calls_run_at_once_and_the_blurbs_keep_the_input_order(
    files: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "b.jsonl"
    # each call takes a while, so that calls of different articles are in flight together
    with FakeServer(latency=0.3, lifetime=60) as server:
        result = blurbs(server, files, out, "--model", "fake-llm", "--concurrency", "3")
    assert result.exit_code == 0, result.stderr
    assert 1 < server.stats.peak <= 3  # one at a time before; never more than --concurrency
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    shown = [row["sources"][0]["outlets"][0]["file"] for row in rows]
    assert shown == [str(f) for f in files]


def test_the_model_is_detected_once_per_run(
    files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.llm import openai_backend

    asked: list[str] = []
    real = openai_backend.detect_model

    def counted(base_url: str, api_key: str | None, timeout: float = 10.0) -> str | None:
        asked.append(base_url)
        return real(base_url, api_key, timeout)

    monkeypatch.setattr(openai_backend, "detect_model", counted)
    with FakeServer(lifetime=60) as server:
        result = blurbs(server, files, tmp_path / "b.jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(asked) == 1  # GET /models once, not once per article


def test_a_server_down_mid_run_keeps_the_blurbs_before_it_in_order(
    files: list[Path], tmp_path: Path
) -> None:
    """The third article's calls fail (the server is down for it): the two before it are
    written, nothing after it, however soon the later ones were done."""
    out = tmp_path / "b.jsonl"

    def comet_down(call: Any) -> str | None:
        return "500" if "comet" in call.text.lower() else None

    with FakeServer(fault=comet_down, latency=0.2, lifetime=60) as server:
        result = blurbs(server, files, out, "--model", "fake-llm", "--deadline", "2")
    assert result.exit_code == 3, result.stderr
    assert "(stopped; the 2 blurb(s) before it are written)" in result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["sources"][0]["outlets"][0]["file"] for r in rows] == [str(f) for f in files[:2]]
    assert server.stats.peak > 1


def test_no_blurb_at_all_is_exit_3_when_the_models_answers_were_unusable(
    files: list[Path], tmp_path: Path
) -> None:
    """One input's answers stay unusable, the other cannot be read: exit 3 (the LLM failed)
    in either order; it was whichever came last (2 when the unreadable one did)."""
    missing = tmp_path / "missing.txt"
    for given in ([files[0], missing], [missing, files[0]]):
        with FakeServer(fault=lambda call: "invent", lifetime=60) as server:
            result = blurbs(server, given, tmp_path / "b.jsonl", "--model", "fake-llm")
        assert result.exit_code == 3, result.stderr
        assert "no usable summary claims" in result.stderr and "no such file" in result.stderr


def test_the_help_says_which_exit_code_no_blurb_at_all_gives() -> None:
    said = " ".join(CliRunner().invoke(app, ["blurb", "--help"]).stdout.split())
    assert "exit 3 if the model's answers for any article stayed unusable" in said
