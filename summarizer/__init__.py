"""summarizer: short, cited, verified summaries of news articles, offline by default.

>>> import summarizer
>>> result = summarizer.briefing("fixtures/articles", max_words=150)
>>> print(summarizer.render_briefing(result, "md"))
"""

from __future__ import annotations

import logging

from .errors import (
    BackendError,
    ConfigError,
    InputError,
    MissingRecordingError,
    NeedsKeyError,
    OutputError,
    SummarizerError,
)
from .ingest import load_articles, make_article
from .models import (
    Article,
    Blurb,
    Briefing,
    Check,
    Citation,
    Claim,
    Counts,
    Outlet,
    Point,
    Sentence,
    Source,
    Story,
    Usage,
)
from .pipeline import blurb, briefing
from .render import render_blurb, render_briefing
from .settings import Settings

__all__ = [
    "Article",
    "BackendError",
    "Blurb",
    "Briefing",
    "Check",
    "Citation",
    "Claim",
    "ConfigError",
    "Counts",
    "InputError",
    "MissingRecordingError",
    "NeedsKeyError",
    "Outlet",
    "OutputError",
    "Point",
    "Sentence",
    "Settings",
    "Source",
    "Story",
    "SummarizerError",
    "Usage",
    "blurb",
    "briefing",
    "load_articles",
    "make_article",
    "render_blurb",
    "render_briefing",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
