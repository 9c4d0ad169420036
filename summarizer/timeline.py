"""A story that moved on during the day: which article tells its latest state, and which
sentences of earlier articles that state has overtaken.

A rail strike announced in the morning and called off in the evening is one story, and its
summary must lead with the evening's outcome, not pair "has been suspended" with the
morning's "Commuters face two days of disruption". Deliberately simple, and only when the
story's articles carry publication times spanning ``MIN_SPAN_HOURS`` or more:

- the latest dated article that says the story changed (it overtakes an earlier report, as
  below, or its lead says a figure moved: "the death toll rose to 12") tells the story's
  current state: the engine picks its lead first and ranks earlier dated articles' sentences
  lower (``earlier``). A later explainer, reaction or analysis that changes nothing does not
  head the story: the most central report does;
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
# A lead saying a figure moved: "the death toll rose to 12", "has risen to", "climbed to".
_UPDATED = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|fell|fallen|dropped)\s+to\b"
    r"|\b(?:has|have)\s+(?:now\s+)?(?:risen|climbed|reached|passed)\b",
    re.IGNORECASE,
)
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
    """When the story's latest state was told: the publication time of the latest article that
    says the story changed (``_changes``) in a story that moved on (``moved_on``), else None.
    Why not simply the latest article: a day's later reports are often an explainer, a
    reaction or an analysis ("what was agreed and what was not"), which should not head or
    lead the story unless the story itself changed."""
    if moved_on(articles) is None:
        return None
    teller = _changes(articles)[1]
    return None if teller is None else instant(articles[teller])


def latest(articles: list[Article]) -> int | None:
    """The position of the article that tells the story's latest state, if it changed."""
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
    """The ids of earlier articles' sentences that a later article overtakes (see the module's
    docstring); empty when the story did not move on."""
    if moved_on(articles) is None:
        return set()
    return _changes(articles)[0]


def _changes(articles: list[Article]) -> tuple[set[str], int | None]:
    """What later articles overtook (sentence ids) and the position of the latest timed
    article that tells a change: one that overtakes an earlier report, or whose lead says a
    figure moved ("the death toll rose to 12"). Each article's stopped states, past-perfect
    clauses and sentence terms are read once, so a story's pairs cost set operations only."""
    times = [instant(a) for a in articles]
    stops = [[_stopped(s) for s in a.sentences] for a in articles]
    told = [_past_perfect(a) for a in articles]
    events = [[_event(s) for s in a.sentences] for a in articles]
    out: set[str] = set()
    tellers = [i for i, a in enumerate(articles) if times[i] and _updated(a)]
    for i, time in enumerate(times):
        if time is None or not (any(stops[i]) or told[i]):
            continue
        before = len(out)
        for j, article in enumerate(articles):
            if j == i or not article.sentences or not _before(article, time):
                continue
            out |= _overtaken(article, events[j], told[i])
            lead = article.sentences[0]
            if _STOPPED.search(lead.text):
                continue  # it tells the outcome too
            shared = set().union(*(terms & events[j][0] for terms in stops[i]))
            if shared:
                out.update(
                    s.id
                    for s, e in zip(article.sentences, events[j], strict=True)
                    if _stale(s, e, shared)
                )
        if len(out) > before:
            tellers.append(i)
    teller = max(tellers, key=lambda i: (times[i], -i), default=None)
    return out, teller


def _past_perfect(article: Article) -> list[tuple[str, set[str], set[str]]]:
    """The past-perfect clauses of ``article``'s sentences, each as ``_told`` reads it."""
    clauses = [
        s.text[m.start(1) :] for s in article.sentences for m in _PAST_PERFECT.finditer(s.text)
    ]
    return [t for c in clauses if (t := _told(c)) is not None]


def _overtaken(
    article: Article, events: list[set[str]], told: list[tuple[str, set[str], set[str]]]
) -> set[str]:
    """The ids of ``article``'s sentences that a later article tells in the past perfect
    (``told``): the clause's verb and at least one more of its terms or figures."""
    out: set[str] = set()
    if not told:
        return out
    for sentence, terms in zip(article.sentences, events, strict=True):
        if _PAST_PERFECT.search(sentence.text):
            continue  # it tells what had been so itself
        figures = set(_FIGURE.findall(sentence.text))
        if any(verb in terms and (rest & terms or said & figures) for verb, rest, said in told):
            out.add(sentence.id)
    return out


def _updated(article: Article) -> bool:
    """The article's lead (headline and first two sentences) says a figure moved."""
    return any(_UPDATED.search(s.text) for s in article.sentences[:3])


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
    """What the sentence says was stopped: the first two terms of the event before a passive
    ("A 48-hour strike ... has been suspended") or after an active verb ("called off the
    walkout"); empty if none. Only the first two, where the thing stopped is named: "A
    proposal backed by more than 80 countries ... was dropped" stops a proposal, not whatever
    an earlier report said of countries."""
    text = strip_dateline(sentence.text)
    out: set[str] = set()
    for match in _STOPPED.finditer(text):
        if match.group().lower().startswith(("call", "suspend")):
            phrase = re.split(r"[,;:.!?]", text[match.end() :], maxsplit=1)[0]
        else:
            phrase = re.split(r"[,;:]", text[: match.start()])[-1]
        out.update(_ordered_terms(phrase)[:2])
    return out


def _event(sentence: Sentence) -> set[str]:
    """What a sentence is about, not who or when."""
    return _terms(strip_dateline(sentence.text))


def _terms(text: str) -> set[str]:
    """The content terms of the lower-case words of ``text``, no figure, time or name."""
    return set(_ordered_terms(text))


def _ordered_terms(text: str) -> list[str]:
    """``_terms`` in the order the text says them."""
    lower = " ".join(w for w in text.split() if not w[:1].isupper())
    return [t for t in content_terms(lower) if t.isalpha() and t not in _TIME_TERMS]


def _stale(sentence: Sentence, terms: set[str], event: set[str]) -> bool:
    """An overtaken article's sentence (its ``terms``) that tells its event or a forecast."""
    if _STOPPED.search(sentence.text):
        return False
    return bool(terms & event) or _FORECAST.search(sentence.text) is not None
