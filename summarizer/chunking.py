"""Chunking: split articles into runs of whole sentences that fit a token budget."""

from __future__ import annotations

from .models import Article, Chunk, Sentence
from .tokens import count_tokens


def chunk_article(article: Article, budget: int) -> list[Chunk]:
    """Split one article into chunks of at most ``budget`` tokens, on sentence boundaries.

    A single sentence longer than the budget becomes a chunk of its own: it is never cut,
    because a cut sentence could not be cited exactly.
    """
    if budget <= 0:
        raise ValueError("chunk budget must be positive")
    chunks: list[Chunk] = []
    current: list[Sentence] = []
    used = 0
    for sentence in article.sentences:
        cost = count_tokens(sentence.text) + 1
        if current and used + cost > budget:
            chunks.append(_make(article.id, len(chunks), current, used))
            current, used = [], 0
        current.append(sentence)
        used += cost
    if current:
        chunks.append(_make(article.id, len(chunks), current, used))
    return chunks


def chunk_articles(articles: list[Article], budget: int) -> list[Chunk]:
    """Chunk every article; chunk ids are ``<article id>.c<n>``."""
    return [c for a in articles for c in chunk_article(a, budget)]


def _make(article_id: str, n: int, sentences: list[Sentence], tokens: int) -> Chunk:
    return Chunk(
        id=f"{article_id}.c{n + 1}", article_id=article_id, sentences=sentences, tokens=tokens
    )
