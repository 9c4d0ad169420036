"""Story clustering: group a day's articles by the events they cover."""

from __future__ import annotations

from .models import Article, Story


def cluster_stories(articles: list[Article]) -> list[Story]:
    """Group articles into stories (for now: all articles form one story)."""
    if not articles:
        return []
    outlets = [o for a in articles for o in a.outlets]
    title = next((a.title for a in articles if a.title), None)
    return [Story(id="story-1", title=title, article_ids=[a.id for a in articles], outlets=outlets)]
