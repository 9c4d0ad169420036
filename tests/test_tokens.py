"""Token counting must work with no network and no tiktoken cache."""

from __future__ import annotations

import pytest

from summarizer import tokens
from summarizer.chunking import chunk_article
from summarizer.ingest import load_articles


def test_counts_offline(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import tiktoken.load

    real_read_file = tiktoken.load.read_file

    def local_only(blobpath: str) -> bytes:
        if "://" in blobpath:
            raise AssertionError(f"tiktoken tried to download {blobpath}")
        return real_read_file(blobpath)

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(tiktoken.load, "read_file", local_only)
    tokens.get_encoding.cache_clear()
    try:
        # cl100k_base: "hello world" is two tokens
        assert tokens.count_tokens("hello world") == 2
        assert tokens.count_tokens("<|endoftext|>") > 1  # special strings count as text
    finally:
        tokens.get_encoding.cache_clear()


def test_chunks_respect_budget_and_sentence_boundaries(articles_dir) -> None:
    article = load_articles(articles_dir)[0]
    chunks = chunk_article(article, budget=120)
    assert len(chunks) > 1
    assert [s for c in chunks for s in c.sentences] == article.sentences
    for chunk in chunks:
        assert chunk.tokens <= 120 or len(chunk.sentences) == 1
        assert chunk.id.startswith(article.id + ".c")
