"""Document-level deduplication: identical articles collapse into one that keeps every outlet."""

from __future__ import annotations

from .models import Article


def dedupe_articles(articles: list[Article]) -> list[Article]:
    """Merge articles with the same content id (normalised text hash), keeping all outlets."""
    merged: dict[str, Article] = {}
    for article in articles:
        kept = merged.get(article.id)
        if kept is None:
            merged[article.id] = article.model_copy(deep=True)
            continue
        for outlet in article.outlets:
            if outlet not in kept.outlets:
                kept.outlets.append(outlet)
        kept.title = kept.title or article.title
    return list(merged.values())
