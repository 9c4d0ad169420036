"""The sentences an article is read into, as the ingest tests compare them: one helper for
the test_ingest*.py files, which each had a copy of it."""

from __future__ import annotations

from pathlib import Path

from summarizer.ingest import load_articles, make_article


def texts(text: str, *, markdown: bool = False) -> list[str]:
    """The sentences of ``text`` read as one article (``make_article``)."""
    return [s.text for s in make_article(text, markdown=markdown).sentences]


def file_texts(path: Path) -> list[str]:
    """The sentences of every article read from the file at ``path`` (``load_articles``)."""
    return [s.text for a in load_articles(path) for s in a.sentences]
