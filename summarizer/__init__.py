"""summarizer: short, cited, verified summaries of news articles, offline by default.

>>> from pathlib import Path
>>> import summarizer
>>> result = summarizer.briefing(Path("fixtures/articles"), max_words=150)
>>> print(summarizer.render_briefing(result, "md"))
"""

from __future__ import annotations

# first, before any other import: `python -m summarizer` handles Ctrl-C from here on (see
# _main_ctrl_c); after `import logging` (re, threading, traceback: some 10 ms), a Ctrl-C
# while those loaded was a KeyboardInterrupt traceback
from . import _main_ctrl_c  # isort: skip  # noqa: F401

import logging
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .aio import ablurb, abriefing, averify

# ``summarizer.verify`` is the draft-checking function (summarizer/draft.py); the module of claim
# verification stays importable with ``from summarizer.verify import ...``.
from .draft import DraftClaim, VerifyReport, verify
from .errors import (
    BackendError,
    ConfigError,
    InputError,
    MissingRecordingError,
    NeedsKeyError,
    OutputError,
    SummarizerError,
    UnusableAnswerError,
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
    Listed,
    Outlet,
    Point,
    Sentence,
    Source,
    Story,
    Usage,
)
from .pipeline import blurb, briefing
from .render import render_blurb, render_briefing, render_verify
from .settings import Settings
from .verify import verify_claims

try:  # the installed distribution's, as ``summarizer --version`` prints it
    __version__ = _version("summarizer")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "BackendError",
    "Blurb",
    "Briefing",
    "Check",
    "Citation",
    "Claim",
    "DraftClaim",
    "ConfigError",
    "Counts",
    "InputError",
    "Listed",
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
    "UnusableAnswerError",
    "Usage",
    "VerifyReport",
    "ablurb",
    "abriefing",
    "averify",
    "blurb",
    "briefing",
    "load_articles",
    "make_article",
    "render_blurb",
    "render_briefing",
    "render_verify",
    "verify",
    "verify_claims",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
