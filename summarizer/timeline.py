"""A story that moved on during the day: which article tells its latest state, and which
sentences of earlier articles that state has overtaken.

A rail strike announced in the morning and called off in the evening is one story, and its
summary must lead with the evening's outcome, not pair "has been suspended" with the
morning's "Commuters face two days of disruption". Deliberately simple, and only when the
story's articles carry publication times spanning ``MIN_SPAN_HOURS`` or more:

- the latest dated article that says the story changed (it overtakes an earlier report, as
  below, or its headline or lead says a figure moved or an outcome came: "the death toll rose
  to 12", "cancellations reach 170", "systems restored", "strike ends in deal"; not the
  story's first report, whose "net profit rose to 1.8 billion" moved nothing) tells the
  story's current state: it heads the story, the engine picks its lead first and ranks
  earlier dated articles' sentences lower (``earlier``). A later explainer, reaction or
  analysis that changes nothing does not head the story: the most central report does;
- a sentence of the latest state that says something was stopped ("has been suspended",
  "called off", "cancelled", "scrapped", "is over", ...) overtakes an earlier article (dated
  before it, or undated) whose lead shares its event ("strike", "48-hour") and says no such
  thing: that article's sentences about the event, or that forecast ("will", "is expected to",
  "face"), are left out (``superseded``); its other sentences (what was offered, who said
  what) stay;
- a forecast ("is expected to name a new health minister") is overtaken by a later article
  whose headline or first sentence states its verb in a finite form and two more of its terms
  ("Ortega names Quell health minister"): it came about;
- a later article that tells in the past perfect what an earlier one told as current ("The
  union had been seeking 16%" after "The union is seeking 16%") overtakes that sentence: the
  same verb and a figure of the clause, so "had been seeking 16%" leaves out "is seeking 16%"
  and nothing else (``_changes``); the figure may come before it, in a relative clause ("the
  3 percent the company had offered" leaves out "has offered 3 percent"). Only clauses with a
  figure: a past perfect without one is most often background ("had fled the scene"), not a
  state the story moved on from.
"""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from functools import cached_property

from .models import Article, Sentence
from .text import DAY_NAMES, content_terms, figure_values, strip_dateline

MIN_SPAN_HOURS = 3.0  # dated articles this far apart: the story may have moved on
# A state that ends what was announced: "has been suspended", "called off", "was cancelled",
# "is over".
_STOPPED = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are|been|be)\s+(?:now\s+|been\s+|\w+ly\s+)*"
    r"(?:suspended|cancell?ed|scrapped|abandoned|postponed|averted|withdrawn|lifted|ended|halted"
    r"|dropped|shelved|reversed|called\s+off)"
    r"|call(?:s|ed|ing)?\s+off|suspend(?:s|ed)\s+the)\b"
    # "The strike at the port is over." (not "is over 50 percent", "was over the limit")
    r"|\b(?:is|are|was|were)\s+(?:now\s+)?over(?=\s*(?:[,;:.!?]|$|after\b|as\b|with\b|and\b))",
    re.IGNORECASE,
)
# A forecast: what an overtaken article expected ("Only one in five trains is expected to run").
_FORECAST = re.compile(
    r"\b(?:will|would|won't|expected to|set to|due to|face|faces|planned|plans to|threaten\w*)\b",
    re.IGNORECASE,
)
# What ends the object an active stop names right after its verb: "has halted [online sales]
# just weeks before", "called off [the walkout] after"; "has ended [] after three days" names none.
_OBJECT_END = re.compile(
    r"\b(?:after|before|on|at|in|for|from|until|by|over|amid|as|when|following)\b|[,;:.!?]",
    re.IGNORECASE,
)
# A forecast's verb ("is expected to name", "will name", "plans to close"): a later report whose
# lead states that verb and what it was about ("Ortega names Quell health minister") tells the
# forecast came about, and overtakes it. Not "due to", which gives a cause as often as a date.
_FORECAST_VERB = re.compile(
    r"\b(?:will|expected\s+to|set\s+to|plans?\s+to|planning\s+to|likely\s+to|(?:is|are)\s+to)"
    r"\s+(?:\w+ly\s+)?([a-z]+)\b"
)
# A verb's finite form in a headline or lead ("names", "named", "closes"), as far as a word's end
# tells it: a gerund ("joining Juventus fulfils a dream") states nothing came about.
_FINITE = re.compile(r"(?<![\w'’-])[a-z]+(?:[^s\W]s|ed)\b")
# The past perfect of a later report: what was so until the story moved on ("had been
# seeking", "had demanded", "had earlier planned"); the verb is the group.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?([a-z]+)\b")
# ... and its figure when a relative clause follows it: "than to the 4 percent the employer had
# offered" told "The Port Authority has offered 4 percent" is no longer so.
_RELATIVE_FIGURE = re.compile(
    r"(\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)?)\s+(?:the|its|their|his|her)\s+\w+"
    r"(?:\s+\w+)?\s+had\s+(?:\w+ly\s+)?([a-z]+)\b"
)
# A lead saying the story changed (``_updated``): a figure moved ("the death toll rose to 12",
# "has risen to", "cancellations reach 170", "210 flights cancelled in total",
# "Seven people have now died"), or an outcome ("struck a deal", "strike ends in deal", "is
# over", "systems restored", "port reopens"). Active outcomes only: an explainer's "what was
# agreed" tells no change. Only for which report is latest, never for what it overtakes.
_UPDATED = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|fell|fallen|dropped)\s+to\b"
    r"|\b(?:has|have)\s+(?:now\s+)?(?:risen|climbed|reached|passed)\b"
    r"|\breach(?:es|ed)?\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\d"
    r"|\bin\s+total\b|\b(?:has|have)\s+now\s+[a-z]+ed\b"
    r"|\b(?:reached|struck|signed|sealed|clinched)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:deal|agreement)"
    r"|\bdeal\s+reached\b|\b(?:is|are)\s+(?:now\s+)?over\b"
    r"|\bend(?:s|ed)?\s+(?:in|with)\s+(?:a\s+)?(?:deal|agreement)\b"
    r"|\b(?:restored|reopen(?:s|ed)|back\s+to\s+normal|working\s+again)\b",
    re.IGNORECASE,
)
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
    return _changes(articles)[1]


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
    return set(_changes(articles)[0])  # a copy: the cached set stays as it was found


class _Read:
    """What ``_changes`` needs of one article, read once: per sentence whether it is itself
    past perfect or stopped, and its figures; its stopped states' terms and its past-perfect
    clauses that state a figure. A sentence's terms and forecast are read only when asked:
    stemming every sentence of a day's stories cost seconds."""

    def __init__(self, article: Article) -> None:
        self.sentences = article.sentences
        whole = " ".join(s.text for s in article.sentences)  # one search skips most articles
        perfect = [
            list(_PAST_PERFECT.finditer(s.text)) if "had" in s.text else []
            for s in article.sentences
        ]
        self.past_perfect = [bool(found) for found in perfect]
        clauses: list[str] = []  # each past perfect from its verb on, and "offered 4 percent"
        for s, found in zip(self.sentences, perfect, strict=True):
            if found:
                clauses += [s.text[m.start(1) :] for m in found]
                clauses += [f"{m[2]} {m[1]}" for m in _RELATIVE_FIGURE.finditer(s.text)]
        self.told = [t for c in clauses if (t := _told(c)) is not None and t[1]]
        none: tuple[None, set[str]] = (None, set())
        stopping = _STOPPED.search(whole) is not None
        stops = [_stopped(s) if stopping else none for s in article.sentences]
        self.stopped = [found is not None for found, _ in stops]
        self.stops: set[str] = set().union(*(terms for _, terms in stops))
        self._terms: dict[int, set[str]] = {}
        self._figures: list[frozenset[tuple[str, float]]] | None = None
        self.title = article.title or ""
        # its forecasts: (sentence, the forecast verb's term, the sentence's other terms)
        self.forecasts: list[tuple[int, str, set[str]]] = []
        for n, sentence in enumerate(self.sentences if _FORECAST_VERB.search(whole) else ()):
            for match in _FORECAST_VERB.finditer(sentence.text):
                verb = _terms(match.group(1))
                if verb:
                    term = next(iter(verb))
                    self.forecasts.append((n, term, self.terms(n) - {term}))

    @property
    def figures(self) -> list[frozenset[tuple[str, float]]]:
        if self._figures is None:
            self._figures = [figure_values(s.text) for s in self.sentences]
        return self._figures

    @cached_property
    def stated(self) -> tuple[set[str], set[str]]:
        """Its lead's terms where the lead states, not forecasts (title and first sentence),
        and of those its verbs in a finite form ("names", "named"; not "joining", "to sell").
        Read only when the story holds a forecast."""
        lead = [self.title, *(s.text for s in self.sentences[:1])]
        said = [strip_dateline(t) for t in lead if not _FORECAST.search(t)]
        done = _terms(" ".join(w for t in said for w in _FINITE.findall(t)))
        return set().union(*(_terms(t) for t in said)), done

    def terms(self, n: int) -> set[str]:
        if n not in self._terms:
            self._terms[n] = _event(self.sentences[n])
        return self._terms[n]

    def forecast(self, n: int) -> bool:
        return _FORECAST.search(self.sentences[n].text) is not None


# The last few stories' changes: clustering asks for a story's clock (its title), then the
# engine for the clock, the latest report and what was overtaken, each with the story's
# articles in its own order; each would read the story again.
_CHANGES: dict[frozenset[tuple[str, datetime | None]], tuple[set[str], datetime | None]] = {}
_CHANGES_KEPT = 8
_CHANGES_LOCK = threading.Lock()  # the server answers requests in threads


def _changes(articles: list[Article]) -> tuple[set[str], datetime | None]:
    """What later articles overtook (sentence ids) and when the latest timed article that
    tells a change was published: one that overtakes an earlier report, or whose lead says a
    figure moved ("the death toll rose to 12"). Each article is read once (``_Read``) and a
    past-perfect clause finds the sentences it overtakes through its figures, so a story of
    hundreds of reports costs a pass over them, not a pass per pair (a story of 300 reports
    took 11.7 s read pair by pair, and 1.5 s with every sentence stemmed)."""
    times = [instant(a) for a in articles]
    key = frozenset((a.id, t) for a, t in zip(articles, times, strict=True))  # in any order
    with _CHANGES_LOCK:
        if key in _CHANGES:
            return _CHANGES[key]
    read = [_Read(a) for a in articles]
    # the sentences that state a figure a later past perfect states, read in full after
    figures = {f for r in read for _, said in r.told for f in said}
    by_figure: dict[tuple[str, float], list[tuple[int, int]]] = {}
    for j, r in enumerate(read if figures else ()):
        for n, stated in enumerate(r.figures):
            if not r.past_perfect[n]:  # one that tells what had been so is overtaken by none
                for figure in stated & figures:
                    by_figure.setdefault(figure, []).append((j, n))
    out: set[str] = set()
    # a lead saying a figure moved tells a change only after an earlier report: the day's first
    # report of results ("net profit rose to 1.84 billion euros") moved nothing in the story
    first = min((t for t in times if t is not None), default=None)
    told_at = [t for a, t in zip(articles, times, strict=True) if t and t != first and _updated(a)]
    # forecasts by their verb, and the later leads that state it came about
    forecast: dict[str, list[tuple[int, int, set[str]]]] = {}
    for j, r in enumerate(read):
        for n, verb, others in r.forecasts:
            forecast.setdefault(verb, []).append((j, n, others))
    for i, time in enumerate(times if forecast else ()):
        if time is None:
            continue
        lead_terms, done = read[i].stated
        came = {
            articles[j].sentences[n].id
            for verb in done & forecast.keys()
            for j, n, others in forecast[verb]
            if j != i and len(others & lead_terms) >= 2 and _before(articles[j], time)
        }
        if came:
            out |= came
            told_at.append(time)
    for i, time in enumerate(times):
        if time is None or not (read[i].stops or read[i].told):
            continue
        found: set[str] = set()
        for verb, said in read[i].told:
            for j, n in {place for figure in said for place in by_figure.get(figure, ())}:
                if j != i and _before(articles[j], time) and verb in read[j].terms(n):
                    found.add(articles[j].sentences[n].id)
        for j, article in enumerate(articles) if read[i].stops else ():
            r = read[j]
            if j == i or not article.sentences or r.stopped[0] or not _before(article, time):
                continue  # a lead that tells the outcome too is not overtaken
            shared = read[i].stops & r.terms(0)
            if shared and not shared & r.stops:  # nor one that says it stopped, anywhere
                found.update(
                    s.id
                    for n, s in enumerate(article.sentences)
                    if not r.stopped[n] and (r.terms(n) & shared or r.forecast(n))
                )
        if found:
            out |= found
            told_at.append(time)
    clock = max(told_at, default=None)
    with _CHANGES_LOCK:
        if len(_CHANGES) >= _CHANGES_KEPT:
            _CHANGES.pop(next(iter(_CHANGES)))
        _CHANGES[key] = (out, clock)
    return out, clock


def _updated(article: Article) -> bool:
    """The article's headline or lead (first three sentences) says the story changed
    (``_UPDATED``): the headline is where an update says it ("toll climbs to seven")."""
    texts = [article.title or "", *(s.text for s in article.sentences[:3])]
    return any(_UPDATED.search(t) for t in texts)


def _told(text: str) -> tuple[str, frozenset[tuple[str, float]]] | None:
    """A past-perfect clause (``text`` starts at its verb) as its verb's stem and its figures
    ("16,000" and "4.5%" whole); None when the verb says nothing ("had been", "had said")."""
    clause = re.split(r"[,;:.!?](?=\s|$)", text, maxsplit=1)[0]
    verb = _terms(clause.split()[0]) if clause.split() else set()
    if not verb:
        return None
    return next(iter(verb)), figure_values(clause)


def _before(article: Article, time: datetime) -> bool:
    """``article`` came before ``time``: published earlier, or untimed beside a timed one."""
    published = instant(article)
    return published is None or published < time


def _stopped(sentence: Sentence) -> tuple[re.Match[str] | None, set[str]]:
    """What the sentence says was stopped: the first two terms of the event before a passive
    ("A 48-hour strike ... has been suspended") or after an active verb ("called off the
    walkout"); empty if none. Only the first two, where the thing stopped is named: "A
    proposal backed by more than 80 countries ... was dropped" stops a proposal, not whatever
    an earlier report said of countries. Also the first match, None when nothing was
    stopped."""
    if _STOPPED.search(sentence.text) is None:
        return None, set()  # most sentences: no dateline to strip
    text = strip_dateline(sentence.text)
    out: set[str] = set()
    first = None
    for match in _STOPPED.finditer(text):
        first = first or match
        said = match.group().lower()
        # active: "called off the walkout", "has halted online sales" (what is stopped follows,
        # not "Shares fell after a cyber attack that"); passive or intransitive: "the strike has
        # been suspended", "the strike has ended" (it comes before)
        active = (
            said.startswith(("call", "suspend", "has ", "have ", "had ")) and "been" not in said
        )
        named = _OBJECT_END.split(text[match.end() :], maxsplit=1)[0] if active else ""
        terms = _ordered_terms(named) or _ordered_terms(
            re.split(r"[,;:]", text[: match.start()])[-1]
        )
        out.update(terms[:2])
    return first, out


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
