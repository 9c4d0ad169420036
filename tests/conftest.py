"""Shared fixtures: every test gets its own SUMMARIZER_HOME and no LLM configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the developer's config or keys, never reach a real endpoint."""
    monkeypatch.setenv("SUMMARIZER_HOME", str(tmp_path / "home"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_BACKEND"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))
