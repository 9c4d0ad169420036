"""Pydantic models at the pipeline's boundaries.

Data flows one way: Article -> Chunk -> Point -> Claim -> Story -> Briefing/Blurb.
Every citation in the system is a sentence id of the form ``<article id>.s<hash>``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal, NoReturn
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    computed_field,
    model_validator,
)

from .dates import coerce_datetime
from .errors import InputError

Verdict = Literal["unverified", "accepted", "repaired", "rejected"]
# What the evidence says about a claim: it carries it, it says otherwise, or it does not clearly
# carry it (the uncertain middle, which an LLM judge decides when one is configured).
Support = Literal["supported", "contradicted", "unverifiable"]
# An aware datetime (UTC when the zone is known); ISO strings and other date forms are parsed,
# so JSON round-trips and a feed's ``published`` field can be passed as it is.
Published = Annotated[datetime | None, BeforeValidator(coerce_datetime)]
# What the outlet marked a piece as, when not a news report: a column or editorial argues, an
# analysis interprets ("Opinion | ...", "ANALYSIS:", a columnist's byline, the page's section).
# A blurb of one says so, or its sentences read as the outlet's reporting.
Kind = Literal["opinion", "analysis"]


def web_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or control characters, else None.

    Every output carries an outlet's URL for a link (the JSON a CMS plugin builds ``<a href>``
    from too), so ``javascript:``, ``data:`` or a relative path is none. Browsers drop tabs
    and newlines inside a scheme ("java\\tscript:"), so any such character disqualifies the
    URL instead of being cleaned.
    """
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


class Outlet(BaseModel):
    """Where an article was published; a deduplicated article keeps all of them."""

    name: str | None = None
    url: Annotated[str | None, AfterValidator(web_url)] = None  # only a web link (web_url)
    file: str | None = None
    # the id its feed or CMS gave the record ("cms-123", a JSON record's "id"), so a caller maps
    # an output back to its own article without matching URLs; None for a file or a page
    record: str | None = None

    def label(self) -> str:
        """Human-readable name for the Sources list."""
        return self.name or self.url or self.file or "unknown source"

    def who(self) -> tuple[str, str] | None:
        """Who the outlet is, as a reader tells them apart: its name (without case and
        spacing), else its URL; None for a file, which names no outlet."""
        if self.name:
            return ("name", " ".join(self.name.split()).casefold())
        return ("url", self.url) if self.url else None

    def key(self) -> tuple[str | None, ...]:
        """What makes two outlets equal (all their fields), hashable: dedup and the source
        count key on it."""
        return tuple(getattr(self, field) for field in Outlet.model_fields)


class Sentence(BaseModel):
    """One sentence of a cleaned article, exactly as it appears there."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    index: int
    paragraph: int = 0
    # Who says it, in a Q&A or a transcript: an answer's speaker as the article names them
    # ("Whitfield", "RUIZ"), "" for an answer whose speaker the article does not name; None
    # elsewhere (a question too). A blurb attributes a quoted answer to its speaker.
    speaker: str | None = None

    @property
    def article_id(self) -> str:
        return self.id.rsplit(".s", 1)[0]


STUB_MAX_SENTENCES = 2  # see Article.is_stub


class Article(BaseModel):
    """A cleaned article: boilerplate removed, split into citable sentences."""

    id: str
    title: str | None = None
    title_recased: bool = False  # an all-capitals headline, written in sentence case by ingest
    kind: Kind | None = None  # marked as opinion or analysis by its outlet; None: not marked
    outlets: list[Outlet] = Field(default_factory=list)
    published: Published = None
    # ``published`` names a day, not an instant (a date alone: "2025-03-18"): a date window
    # keeps the article if any part of that day is in it (``dates.in_window``); not output
    published_day: bool = Field(default=False, exclude=True)
    sentences: list[Sentence] = Field(default_factory=list)
    # where in its file it stands ("line 7" of a JSON Lines file, "record 2" of a JSON list),
    # for messages about it; not part of any output
    origin: str | None = Field(default=None, exclude=True)

    @property
    def text(self) -> str:
        """The cleaned body, paragraphs separated by blank lines."""
        paras: dict[int, list[str]] = {}
        for s in self.sentences:
            paras.setdefault(s.paragraph, []).append(s.text)
        return "\n\n".join(" ".join(p) for _, p in sorted(paras.items()))

    @property
    def is_stub(self) -> bool:
        """At most ``STUB_MAX_SENTENCES`` sentences: a feed item's headline and teaser, a "Read
        more" page. Beside a fuller report of its story it neither heads the story nor leads
        its claims (``stories``, ``extractive``)."""
        return len(self.sentences) <= STUB_MAX_SENTENCES

    def label(self) -> str:
        """Title or first outlet, for messages."""
        return self.title or (self.outlets[0].label() if self.outlets else self.id)


class Chunk(BaseModel):
    """Consecutive sentences of one article that fit a token budget."""

    id: str
    article_id: str
    sentences: list[Sentence]
    tokens: int


class Point(BaseModel):
    """A key point found by the map step; cites only sentences of its chunk."""

    text: str
    cites: list[str] = Field(default_factory=list)


class Citation(BaseModel):
    """A cited source sentence, quoted exactly."""

    sentence_id: str
    article_id: str
    text: str


class Check(BaseModel):
    """One verification check and its outcome."""

    name: str
    passed: bool
    detail: str = ""


class Claim(BaseModel):
    """A sentence of output and the evidence it rests on."""

    text: str
    citations: list[Citation] = Field(default_factory=list)
    verdict: Verdict = "unverified"
    checks: list[Check] = Field(default_factory=list)
    original_text: str | None = None  # set when the verifier repaired the claim
    support: Support | None = None  # the offline checks' three-way verdict on the claim as written
    score: float | None = None  # share of the claim's content terms found in its evidence

    @property
    def shown(self) -> bool:
        """Only accepted and repaired claims are ever shown as fact."""
        return self.verdict in ("accepted", "repaired")


class Source(BaseModel):
    """An entry of the numbered Sources list."""

    number: int
    article_id: str
    title: str | None = None
    title_derived: bool = False  # the article has no headline: ``title`` is the start of its lead
    outlets: list[Outlet] = Field(default_factory=list)
    # when the article was published, if known: a developing story's sources say which state
    # each citation tells ("talks resume" at noon, "deal reached" at nine)
    published: Published = None
    published_day: bool = Field(default=False, exclude=True)  # a date alone: no time shown


# The end of a briefing's problem note for stories only listed because no sentence of theirs
# fits the word budget: render.py says it in place of the claims (not a verification failure).
NO_SENTENCE_FITS = "no sentence fits in the word budget; raise --max-words"
# The words of a briefing's problem note for the articles a date window left out: the CLI's
# summary and the Markdown repeat that note, so an editor sees which dates the briefing covers.
OUTSIDE_DATES = "left out: published outside the dates asked for"


class Listed(BaseModel):
    """One input article of a story, as the JSON lists it: every article is named, not only
    those the written claims cite (a tester had to map bare ids to titles to check stories)."""

    article_id: str
    title: str | None = None
    title_derived: bool = False  # no headline: ``title`` is the start of its lead
    outlets: list[Outlet] = Field(default_factory=list)
    published: datetime | None = None
    copy_of: str | None = None  # the kept article a copy was folded into (dedup)


# Why a story of the briefing shows no claim and is only listed: ``--min-sources`` left it out
# (too few sources), ``--max-stories`` did, the word budget had no room for it (or for any of
# its sentences), no claim was made or none passed verification, or writing it failed (the
# LLM). Markdown lists "min_sources" apart from the stories that did not fit: an editor could
# not tell "no room" from "too few sources".
ListedBecause = Literal[
    "min_sources", "max_stories", "word_budget", "no_claim", "not_verified", "failed"
]


class Story(BaseModel):
    """A group of articles about the same events, summarised on its own.

    A briefing lists every story of the day; ``written`` is False for those only listed (no
    word budget left, or left out by ``--min-sources``/``--max-stories``).
    """

    id: str
    title: str | None = None
    title_derived: bool = False  # none of its articles has a headline: the start of a lead
    article_ids: list[str] = Field(default_factory=list)
    # input articles collapsed into one of ``article_ids`` as copies (syndicated, or sent again
    # with small edits): so that every input article is in the output, whatever its outlet
    copy_ids: list[str] = Field(default_factory=list)
    outlets: list[Outlet] = Field(default_factory=list)
    # every input article of the story, copies included, each with its own title and outlets
    articles: list[Listed] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    written: bool = False
    first_published: datetime | None = None  # time span of its articles, when dates are known
    last_published: datetime | None = None
    # the sources the reader is told ("3 sources"), which ``--min-sources`` and the order of
    # stories count: ``outlets`` lists every input (a copy saved under a second file name, a
    # page read twice), this counts such copies once (see ``stories.count_sources``); when not
    # given, the number of outlets
    source_count: int = Field(default=0, ge=0)
    # the outlets of ``outlets`` that only ran a copy of another outlet's report in this story
    # (a wire story re-run, dedup's copies): listed as "copy run by ...", no source of their own
    copy_outlets: list[Outlet] = Field(default_factory=list)
    # why it shows no claim (see ``ListedBecause``); None for a story whose claims are shown
    listed_because: ListedBecause | None = None

    @model_validator(mode="before")
    @classmethod
    def _count_outlets_by_default(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("source_count") is None:
            outlets = data.get("outlets")
            counted = len(outlets) if isinstance(outlets, (list, tuple)) else 0
            data = {**data, "source_count": counted}
        return data

    @property
    def reporting_outlets(self) -> list[Outlet]:
        """Its outlets less those that only ran a copy (``copy_outlets``): who reported it."""
        copies = {o.who() for o in self.copy_outlets}
        return [o for o in self.outlets if o.who() is None or o.who() not in copies]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def size(self) -> int:
        """Number of (deduplicated) articles."""
        return len(self.article_ids)

    @property
    def articles_given(self) -> int:
        """Its input articles, copies dedup folded in included: what a reader is told."""
        return len(self.article_ids) + len(self.copy_ids)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def outlet_count(self) -> int:
        """Number of distinct outlets that carried it."""
        return len(self.outlets)


class Usage(BaseModel):
    """What a run cost: LLM calls and tokens, cache hits, dedup savings.

    A server may answer without a ``usage`` object (some OpenAI-compatible servers do): such
    a call is counted in ``unreported_calls``, its tokens are unknown, and so is the run's
    cost (``cost_usd`` None), which read as $0.00 before, as if the run were free.
    """

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    cost_usd: float | None = None
    tokens_before_dedup: int = 0
    tokens_after_dedup: int = 0
    seconds: float = 0.0
    unreported_calls: int = 0  # calls whose server reported no token counts

    def record(
        self,
        *,
        cached: bool,
        prompt_tokens: int | None,
        completion_tokens: int | None,
        cost: float | None,
    ) -> None:
        """Count one LLM answer; a cache hit costs nothing.

        Tokens of None are a server's that reported no usage (``llm.base.usage_of``): the
        call's cost is unknown. Zeros are reported counts (an answer the server had cached):
        they cost nothing, and were taken for unreported when a missing usage read as 0.
        """
        if cached:
            self.cache_hits += 1
            return
        self.calls += 1
        self.prompt_tokens += prompt_tokens or 0
        self.completion_tokens += completion_tokens or 0
        if prompt_tokens is None and completion_tokens is None:
            self.unreported_calls += 1
        self._add_cost(cost)

    def add(self, other: Usage) -> None:
        """Accumulate another usage record into this one."""
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cache_hits += other.cache_hits
        self.unreported_calls += other.unreported_calls
        self._add_cost(other.cost_usd)

    def _add_cost(self, cost: float | None) -> None:
        if self.unreported_calls:  # one call of unknown usage: the total is unknown too
            self.cost_usd = None
        elif cost is not None:
            self.cost_usd = (self.cost_usd or 0.0) + cost

    def spent(self) -> str:
        """Tokens and cost as the run's summary line says them: "1000+100 tokens · $0.0003";
        with calls of unknown usage, how many and "cost unknown", never a free run."""
        tokens = f"{self.prompt_tokens}+{self.completion_tokens} tokens"
        if not self.unreported_calls:
            return tokens + (f" · ${self.cost_usd:.4f}" if self.cost_usd else "")
        if self.unreported_calls >= self.calls:
            return "tokens not reported by the server · cost unknown"
        return (
            f"{tokens} ({self.unreported_calls} of {self.calls} calls not reported by the "
            "server) · cost unknown"
        )


class Counts(BaseModel):
    """How many claims the verifier accepted, repaired and rejected."""

    accepted: int = 0
    repaired: int = 0
    rejected: int = 0

    @classmethod
    def of(cls, claims: list[Claim]) -> Counts:
        c = cls()
        for claim in claims:
            if claim.verdict in ("accepted", "repaired", "rejected"):
                setattr(c, claim.verdict, getattr(c, claim.verdict) + 1)
        return c


class RunResult(BaseModel):
    """What every result carries besides its text: sources, engine, cost, verdicts, gaps."""

    sources: list[Source] = Field(default_factory=list)
    engine: str = "extractive"
    usage: Usage = Field(default_factory=Usage)
    counts: Counts = Field(default_factory=Counts)
    partial: bool = False  # true when some work failed and was left out (see problems)
    problems: list[str] = Field(default_factory=list)

    def __iter__(self) -> NoReturn:
        """Refused: iterated, a pydantic model gives its (field, value) pairs, so
        ``verify(draft, briefing(...))`` read a Briefing's as articles and said "got tuple"."""
        raise InputError(f"expected articles, got {self.not_articles()}")

    def not_articles(self) -> str:
        """What this result is, given where articles were expected, and what to pass instead:
        it holds its sources' ids and the sentences its claims cite, not their texts."""
        return f"a {type(self).__name__}, which holds no article texts: pass {self.made_from}"

    # what to pass instead of the result: what it was made from
    made_from: ClassVar[str] = "the articles it was made from"


class Blurb(RunResult):
    """The "Get a summary" result for one article."""

    made_from: ClassVar[str] = (
        "the article it was made from (the text, pathlib.Path or Article given to blurb())"
    )

    article_id: str
    title: str | None = None
    kind: Kind | None = None  # the article's (``Article.kind``): shown as a label before it
    claims: list[Claim] = Field(default_factory=list)


class Briefing(RunResult):
    """A day's articles summarised story by story."""

    made_from: ClassVar[str] = (
        "the articles it was made from (load them once, articles = "
        "summarizer.load_articles(paths), and give that list to both briefing() and verify())"
    )

    title: str = "Briefing"
    stories: list[Story] = Field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.stories for c in s.claims]

    @property
    def date_notes(self) -> list[str]:
        """The problem notes of a date window (which dates, how many articles it left out),
        which the Markdown and the CLI's summary repeat."""
        return [p for p in self.problems if OUTSIDE_DATES in p]
