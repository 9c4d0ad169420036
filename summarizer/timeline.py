"""A story that moved on during the day: which article tells its latest state, and which
sentences of earlier articles that state has overtaken.

A rail strike announced in the morning and called off in the evening is one story, and its
summary must lead with the evening's outcome, not pair "has been suspended" with the
morning's "Commuters face two days of disruption". Deliberately simple, and only when the
story's articles carry publication times spanning ``MIN_SPAN_HOURS`` or more:

- the latest dated article is the story's current state: the engine picks its lead first and
  ranks earlier dated articles' sentences lower (``earlier``);
- a sentence of the latest state that says something was stopped ("has been suspended",
  "called off", "cancelled", "scrapped", ...) overtakes an earlier article (dated before it, or
  undated) whose lead shares its event ("strike", "48-hour") and says no such thing: that
  article's sentences about the event, or that forecast ("will", "is expected to", "face"),
  are left out (``superseded``); its other sentences (what was offered, who said what) stay;
- a later article that tells in the past perfect what an earlier one told as current ("The
  union had been seeking 16%" after "The union is seeking 16%") overtakes that sentence: the
  same verb and one more term or figure of the clause, so "had been seeking" leaves out
  "is seeking 16%" and nothing else (``_overtaken``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .models import Article, Sentence
from .text import DAY_NAMES, content_terms, strip_dateline

MIN_SPAN_HOURS = 3.0  # dated articles this far apart: the story may have moved on
# A state that ends what was announced: "has been suspended", "called off", "was cancelled".
_STOPPED = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are|been|be)\s+(?:now\s+|been\s+)*"
    r"(?:suspended|cancell?ed|scrapped|abandoned|postponed|averted|withdrawn|lifted|ended|halted"
    r"|dropped|shelved|reversed|called\s+off)"
    r"|call(?:s|ed|ing)?\s+off|suspend(?:s|ed)\s+the)\b",
    re.IGNORECASE,
)
# A forecast: what an overtaken article expected ("Only one in five trains is expected to run").
_FORECAST = re.compile(
    r"\b(?:will|would|won't|expected to|set to|due to|face|faces|planned|plans to|threaten\w*)\b",
    re.IGNORECASE,
)
# The past perfect of a later report: what was so until the story moved on ("had been
# seeking", "had demanded", "had earlier planned"); the verb is the group.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?([a-z]+)\b")
_FIGURE = re.compile(r"\d[\d,.]*\d%?|\d%?")
_TIME_TERMS = frozenset(
    content_terms(
        " ".join(DAY_NAMES) + " today tonight tomorrow yesterday morning evening night week day "
        "days hours"
    )
)


def moved_on(articles: list[Article]) -> tuple[datetime, datetime] | None:
    """The first and latest publication times of a story whose dated articles span
    ``MIN_SPAN_HOURS`` or more, else None (undated, or all told within a few hours: nothing
    moved on)."""
    times = [t for a in articles if (t := instant(a)) is not None]
    if len(times) < 2 or (max(times) - min(times)).total_seconds() < MIN_SPAN_HOURS * 3600:
        return None
    return min(times), max(times)


def story_clock(articles: list[Article]) -> datetime | None:
    """The latest publication time of a story that moved on (``moved_on``), else None."""
    span = moved_on(articles)
    return None if span is None else span[1]


def latest(articles: list[Article]) -> int | None:
    """The position of the article that tells the story's latest state, if it moved on."""
    clock = story_clock(articles)
    if clock is None:
        return None
    return next((i for i, a in enumerate(articles) if instant(a) == clock and not a.is_stub), None)


def earlier(article: Article, clock: datetime) -> bool:
    """``article`` is dated ``MIN_SPAN_HOURS`` or more before the story's ``clock``."""
    time = instant(article)
    return time is not None and (clock - time).total_seconds() >= MIN_SPAN_HOURS * 3600


def instant(article: Article) -> datetime | None:
    """When ``article`` was published, if it says the time and not only the day
    ("2025-06-09" is any hour of it)."""
    return None if article.published_day else as_datetime(article.published)


def as_datetime(value: object) -> datetime | None:
    """``published`` as a datetime, whether ingest gave a datetime or an ISO string."""
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def superseded(articles: list[Article]) -> set[str]:
    """The ids of earlier articles' sentences that a later article's stopped state overtakes
    (see the module's docstring); empty when the story did not move on."""
    clock = story_clock(articles)
    if clock is None:
        return set()
    out: set[str] = set()
    for later in articles:
        time = instant(later)
        if time is None:
            continue
        stops = [_stopped(s) for s in later.sentences]
        for article in articles:
            if article is later or not article.sentences or not _before(article, time):
                continue
            out.update(_overtaken(article, later))
            lead = article.sentences[0]
            if _STOPPED.search(lead.text):
                continue  # it tells the outcome too
            shared = set().union(*(terms & _event(lead) for terms in stops)) if stops else set()
            if shared:
                out.update(s.id for s in article.sentences if _stale(s, shared))
    return out


def _overtaken(article: Article, later: Article) -> set[str]:
    """The ids of ``article``'s sentences that ``later`` (published after it) tells in the
    past perfect: the clause's verb and at least one more of its terms or figures."""
    clauses = [
        s.text[m.start(1) :] for s in later.sentences for m in _PAST_PERFECT.finditer(s.text)
    ]
    told = [t for c in clauses if (t := _told(c)) is not None]
    out: set[str] = set()
    for sentence in article.sentences:
        if _PAST_PERFECT.search(sentence.text):
            continue  # it tells what had been so itself
        terms, figures = _event(sentence), set(_FIGURE.findall(sentence.text))
        if any(verb in terms and (rest & terms or said & figures) for verb, rest, said in told):
            out.add(sentence.id)
    return out


def _told(text: str) -> tuple[str, set[str], set[str]] | None:
    """A past-perfect clause (``text`` starts at its verb) as its verb's stem, its other terms
    and its figures; None when the verb says nothing ("had been", "had said")."""
    clause = re.split(r"[,;:.!?]", text, maxsplit=1)[0]
    verb = _terms(clause.split()[0]) if clause.split() else set()
    if not verb:
        return None
    return next(iter(verb)), _terms(clause) - verb, set(_FIGURE.findall(clause))


def _before(article: Article, time: datetime) -> bool:
    """``article`` came before ``time``: published earlier, or untimed beside a timed one."""
    published = instant(article)
    return published is None or published < time


def _stopped(sentence: Sentence) -> set[str]:
    """What the sentence says was stopped: the event before a passive ("A 48-hour strike ...
    has been suspended") or after an active verb ("called off the walkout"); empty if none."""
    text = strip_dateline(sentence.text)
    out: set[str] = set()
    for match in _STOPPED.finditer(text):
        if match.group().lower().startswith(("call", "suspend")):
            after = re.split(r"[,;:.!?]", text[match.end() :], maxsplit=1)[0]
            out |= _terms(" ".join(after.split()[:5]))
        else:
            out |= _terms(re.split(r"[,;:]", text[: match.start()])[-1])
    return out


def _event(sentence: Sentence) -> set[str]:
    """What a sentence is about, not who or when."""
    return _terms(strip_dateline(sentence.text))


def _terms(text: str) -> set[str]:
    """The content terms of the lower-case words of ``text``, no figure, time or name."""
    lower = " ".join(w for w in text.split() if not w[:1].isupper())
    return {t for t in content_terms(lower) if t.isalpha()} - _TIME_TERMS


def _stale(sentence: Sentence, event: set[str]) -> bool:
    """An overtaken article's sentence that tells its event or a forecast."""
    if _STOPPED.search(sentence.text):
        return False
    return bool(_event(sentence) & event) or _FORECAST.search(sentence.text) is not None
