"""The pipeline, as numbered steps: ingest -> dedup -> stories -> write -> verify -> assemble.

``blurb()`` and ``briefing()`` are the library's entry points; the CLI commands of the same
names are thin wrappers over them.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Coroutine, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

from . import dedup, extractive, forked, stories
from .errors import BackendError, ConfigError, InputError, NeedsKeyError
from .ingest import (
    article_body,
    filter_by_date,
    headline_shaped,
    iter_articles,
    load_articles,
    make_article,
)
from .judge import Judge
from .llm.base import LLMClient, aclose
from .llm.base import prepare as prepare_client
from .llm.breaker import ServerDownError
from .llm.limit import CANCELLED, LimitedClient, waiting
from .models import (
    NO_SENTENCE_FITS,
    Article,
    Blurb,
    Briefing,
    Claim,
    Counts,
    Listed,
    Outlet,
    RunResult,
    Sentence,
    Source,
    Story,
    Usage,
)
from .progress import ProgressFn
from .render import NO_CLAIM_FITS, no_claim_fits
from .sentences import is_cut_piece
from .settings import DEFAULT_BLURB_SENTENCES, DEFAULT_BRIEFING_WORDS, Backend, Settings
from .sources import Limits
from .text import counted, word_count, words
from .tokens import count_tokens
from .verify import SourceContext, check_deadline, verify_claims

log = logging.getLogger(__name__)
T = TypeVar("T")

Kind = Literal["blurb", "briefing"]
MIN_STORY_WORDS = 40  # about one sentence: a story given less would say nothing
WORDS_PER_STORY = 60  # default budget per story of the day (see default_word_budget)
MAX_DEFAULT_WORDS = 3000  # the default budget's cap: 75 stories of MIN_STORY_WORDS
INGEST_EVERY = 50  # articles read between two progress calls while reading
ArticleInput = Article | str | Path
StoryJob = tuple[list[Article], int]  # a story's (deduplicated) articles and its word budget
# what a story's job gives the writer: a StoryJob, or (to an LLM graph) mapreduce.Prepared
Job = tuple[list[Article], int] | tuple[list[Article], int, list[str] | None]
Planned = tuple[dedup.Aliases, list[str] | None]  # a story prepared ahead: its merge and reads


class Writer(Protocol):
    """The engine seam: turns a story's articles into unverified, cited claims.

    ``judge`` is the verifier's LLM layer when the engine has an LLM (None otherwise);
    ``partial`` and ``problems`` say what work failed and was left out.
    """

    name: str
    usage: Usage
    judge: Judge | None
    partial: bool
    problems: list[str]

    def write(
        self, articles: list[Article], *, kind: Kind, max_words: int | None, sentences: int | None
    ) -> list[Claim]: ...


class ExtractiveWriter:
    """The embedded engine behind the Writer seam."""

    name = "extractive"

    def __init__(self) -> None:
        self.usage = Usage()
        self.judge: Judge | None = None  # nothing to judge with: the offline checks decide
        self.partial = False
        self.problems: list[str] = []

    def write(
        self, articles: list[Article], *, kind: Kind, max_words: int | None, sentences: int | None
    ) -> list[Claim]:
        return extractive.summarize(articles, max_words=max_words, sentences=sentences)


def resolve_backend(settings: Settings) -> str:
    """``auto`` means the LLM when one is configured, else the embedded engine."""
    if settings.backend != "auto":
        return settings.backend
    return "openai" if (settings.base_url or settings.api_key) else "extractive"


# A blurb's note when it quotes pieces of a run the sentence splitter had to cut.
CUT_PIECES = (
    "the text has runs with no sentence break: claims ending in '…' quote pieces cut from them"
)


# The words of a blurb's note when it has fewer sentences than asked for (``fewer_sentences``):
# the CLI prints that note on stderr, as "--sentences 50" gave 8 and never said so.
FEWER_THAN_ASKED = "sentences asked for"


def fewer_sentences(claims: list[Claim], sentences: int | None) -> str | None:
    """The note for a blurb that shows fewer sentences than ``sentences`` asked for, else None
    (and None with no sentence shown: then another note says why there is no blurb)."""
    shown = sum(1 for c in claims if c.shown)
    if sentences is None or not 0 < shown < sentences:
        return None
    return (
        f"{shown} of the {sentences} {FEWER_THAN_ASKED}: no more could be written from this "
        "article and verified"
    )


# A blurb's reason when the article is one headline and nothing else (see ``headline_only``).
HEADLINE_ONLY = "nothing to summarise: the article has only its headline"


def headline_only(article: Article) -> bool:
    """True when the article's only sentence is its headline: its title's words given again as
    its text, or one line shaped as a headline is (short, no full stop; ``ingest`` reads such
    a line as the title only when text follows it). Its blurb repeated the headline, "Storm
    Hits Coast[1]", under the headline on the article's own page."""
    if len(article.sentences) != 1:
        return False
    only = " ".join(article.sentences[0].text.split())
    if article.title and words(only) == words(article.title):
        return True
    if only.endswith(("…", "...")):  # a feed's teaser cut short is the start of a story
        return False
    if len(only.split()) < 2:  # a stray word ("a", "Test") is no headline: nothing verifies
        return False
    return len(article.text.strip().splitlines()) == 1 and headline_shaped(only)


# A text none of whose sentences has this many words (as a reader counts them, each Chinese
# character one: ``text.word_count``) is no article: one or two words ("articles",
# "hello world", a folder's name piped in) were "summarised" as themselves, "articles …[1]".
# Three keeps the shortest statement a brief can make ("Ten people died.").
MIN_SENTENCE_WORDS = 3
TOO_SHORT = (
    f"nothing to summarise: the text is too short (no sentence of {MIN_SENTENCE_WORDS} words "
    "or more)"
)


def nothing_to_summarise(article: Article) -> str | None:
    """Why the article gives no blurb before any writing (``HEADLINE_ONLY``, ``TOO_SHORT``),
    or None when it has something to summarise."""
    if all(word_count(s.text) < MIN_SENTENCE_WORDS for s in article.sentences):
        return TOO_SHORT  # first: "hello world" is too short, not a headline (the README's)
    if headline_only(article):
        return HEADLINE_ONLY
    return None


def _writable(members: Iterable[Article]) -> list[Article]:
    """A story's articles the writer is given: those with something to summarise
    (``nothing_to_summarise``). An article with only its headline, or a word or two, still
    counts and is listed with its story."""
    return [a for a in members if a.sentences and nothing_to_summarise(a) is None]


def check_client(client: object) -> None:
    """Refuse a ``client`` that is not an LLM client (no ``complete`` method) before any work,
    on every backend: the offline engine, which needs none, ignored ``client=3`` silently."""
    if client is not None and not callable(getattr(client, "complete", None)):
        raise ConfigError(
            "client must be an LLM client (an object with an async complete() method), "
            f"not {type(client).__name__}"
        )


def get_writer(settings: Settings, client: LLMClient | None = None) -> Writer:
    """Build the writer for the configured backend (``client``: an LLM client to use as is)."""
    backend = resolve_backend(settings)
    if backend == "extractive":
        return ExtractiveWriter()
    if backend in ("openai", "local", "replay"):
        from .llm.catalog import load_prices
        from .llm.factory import make_client
        from .mapreduce import LLMWriter
        from .settings import user_dir

        client = client or make_client(settings, backend)
        writer = LLMWriter(
            client,
            concurrency=settings.concurrency,
            context_window=settings.context_window,
            chunk_tokens=settings.chunk_tokens,
            reduce_tokens=settings.reduce_tokens,
            reasoning_tokens=settings.reasoning_tokens,
            prices=load_prices(settings.prices or user_dir() / "prices.json"),
        )
        if settings.judge:  # on the writer's client: the same concurrency limit
            writer.judge = Judge(
                writer.client, prices=writer.prices, concurrency=settings.concurrency
            )
        return writer
    raise NeedsKeyError(f"backend '{backend}' is not available; use --backend extractive")


def blurb(
    article: ArticleInput,
    *,
    sentences: int | None = None,
    max_words: int | None = None,
    backend: Backend | None = None,
    model: str | None = None,
    base_url: str | None = None,
    concurrency: int | None = None,
    context_window: int | None = None,
    cache_dir: Path | None = None,
    no_cache: bool | None = None,
    judge: bool | None = None,
    gguf: Path | None = None,
    timeout: float | None = None,
    deadline: float | None = None,
    max_file_mb: float | None = None,
    settings: Settings | None = None,
    client: LLMClient | None = None,
) -> Blurb:
    """Summarise one article in a few cited, verified sentences (the "Get a summary" blurb).

    Args:
        article: the article's text (a ``str`` is always text), a ``pathlib.Path`` to one
            article file, or an Article (``load_articles`` reads URLs and feeds).
        sentences, max_words: the blurb's length, one or the other (see ``blurb_length``:
            by default the settings' ``sentences``, else 3; ``Settings.max_words`` is a
            briefing's budget, not a blurb's).
        backend, model, ...: the CLI's options of the same names (None keeps the setting
            from ``settings``, the environment or the config file).
        settings: base settings; the keyword arguments override single fields.
        client: the LLM client to write and judge with (the Batch API passes its own); one
            that is not a client is a ConfigError, even on the offline engine.

    Returns:
        A Blurb whose shown claims all passed verification.

    Raises:
        InputError: the input is unusable. ConfigError: an option is invalid (e.g.
        ``sentences=0``). BackendError: the LLM failed; its subclass UnusableAnswerError when
        the server answered but nothing usable for this article came back (a loop over many
        articles can skip it and go on).
    """
    settings = _settings(settings, locals())  # validates sentences and max_words too
    check_client(client)
    asked = settings.sentences is not None  # a count asked for (argument, flag or config)
    sentences, max_words = blurb_length(  # the validated values of those given
        settings,
        None if sentences is None else settings.sentences,
        None if max_words is None else settings.max_words,
    )
    started = time.perf_counter()
    art = _one_article(article, settings.limits)
    writer = get_writer(settings) if client is None else get_writer(settings, client)
    # nothing to send to a model: no blurb, said as the other reasons are
    if why := nothing_to_summarise(art):
        return _blurb_of(art, writer, [], [*writer.problems, why], started)
    claims = writer.write([art], kind="blurb", max_words=max_words, sentences=sentences)
    claims = verify_claims(claims, _index([art]), judge=writer.judge, max_words=max_words)
    problems = list(writer.problems)
    if not claims and art.sentences and max_words is not None:
        # say why the blurb is empty: not verification, since no claim was even made
        shortest = min(word_count(s.text) for s in art.sentences)
        if shortest > max_words:
            problems.append(
                f"no sentence fits in {max_words} words (the shortest has "
                f"{shortest}); raise --max-words"
            )
        elif not problems:  # only sentences too short to say anything alone ("Nobody knows.")
            problems.append(
                f"no sentence that says enough alone fits in {max_words} words; raise --max-words"
            )
    if any(c.shown and is_cut_piece(c.text) for c in claims):
        problems.append(CUT_PIECES)
    if asked and (fewer := fewer_sentences(claims, sentences)):  # not the default 3
        problems.append(fewer)
    if max_words is not None and (budget := no_claim_fits(claims, max_words)):
        problems.append(budget)  # last: the reason the output and the CLI's error line give
    return _blurb_of(art, writer, claims, problems, started)


def _blurb_of(
    art: Article, writer: Writer, claims: list[Claim], problems: list[str], started: float
) -> Blurb:
    """The blurb of ``art`` with these claims and problems; with no claim, the last problem
    says why (``render.no_blurb_reason`` reads it: the CLI's error line, serve's and the
    library's ``problems``)."""
    usage = _run_usage(writer)
    usage.tokens_before_dedup = usage.tokens_after_dedup = count_tokens(art.text)
    usage.seconds = round(time.perf_counter() - started, 3)
    return Blurb(
        article_id=art.id,
        title=art.title,
        kind=art.kind,
        claims=claims,
        sources=_number_sources(claims, {art.id: art}),
        engine=writer.name,
        usage=usage,
        counts=Counts.of(claims),
        partial=writer.partial,
        problems=problems,
    )


BlurbOf = Callable[[], Blurb]  # an article's blurb, or the error that stopped it, when called


def each_blurb(
    articles: Iterable[Article],
    *,
    settings: Settings,
    sentences: int | None = None,
    max_words: int | None = None,
) -> Generator[tuple[Article, BlurbOf], None, None]:
    """Each article with a function that returns its blurb (or raises ``blurb``'s errors), in
    input order: the CLI's ``blurb`` over many inputs.

    The embedded engine works each one out when its function is called, as one ``blurb``
    call after another. An LLM engine writes up to ``--concurrency`` articles at once, ahead
    of the reader, on one client for the run: 5 articles on a slow server were one request at
    a time (200 on a 5 s vLLM: 17 minutes), each GET /models again without ``--model``, and
    each with a breaker of its own. Close the generator when leaving
    it early (``close()``): the articles still being written are abandoned, no call sent.

    Raises:
        BackendError, ConfigError: the LLM client cannot be made (its model not detected).
    """
    if resolve_backend(settings) == "extractive":
        for article in articles:
            yield (
                article,
                partial(
                    blurb, article, settings=settings, sentences=sentences, max_words=max_words
                ),
            )
        return
    yield from _llm_blurbs(articles, settings, sentences, max_words)


def _llm_blurbs(
    articles: Iterable[Article],
    settings: Settings,
    sentences: int | None,
    max_words: int | None,
) -> Iterator[tuple[Article, BlurbOf]]:
    """``each_blurb`` on an LLM: a worker thread per article in flight; every call goes to
    one event loop (``LimitedClient.bind``), where ``--concurrency`` bounds them and the
    connections live."""
    from .llm.factory import make_client

    width = settings.concurrency
    stop = threading.Event()  # set when the reader leaves early: no further call is sent
    home: _Home | None = None
    client: LimitedClient | None = None
    pool = ThreadPoolExecutor(max_workers=width, thread_name_prefix="blurb")
    pending: deque[tuple[Article, Future[Blurb]]] = deque()
    finished = False
    try:
        for article in articles:
            if client is None:  # made for the first article: an input error needs no server
                home = _Home()
                client = LimitedClient(make_client(settings, resolve_backend(settings)), width)
                home.run(_bind(client))
            context = contextvars.copy_context()
            context.run(CANCELLED.set, stop)
            write = partial(
                blurb,
                article,
                settings=settings,
                sentences=sentences,
                max_words=max_words,
                client=client,
            )
            pending.append((article, pool.submit(context.run, write)))
            while pending and (pending[0][1].done() or len(pending) >= 2 * width):
                done, future = pending.popleft()
                yield done, future.result
        while pending:
            done, future = pending.popleft()
            yield done, future.result
        finished = True
    finally:
        if not finished:
            stop.set()
            for _, future in pending:
                future.cancel()
            if home is not None:
                home.run(_cancel_calls())
        pool.shutdown(wait=True)
        if home is not None:
            home.close(client)


class _Home:
    """An event loop in a thread of its own, for the LLM calls of a run made from several
    threads (each blurb's chain runs its own loop and hands its calls over)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="llm", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def close(self, client: LimitedClient | None) -> None:
        """Close the client's connections on this loop, then end the loop and its thread."""
        try:
            if client is not None:
                self.run(_unbind(client))
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
            self.loop.close()


async def _bind(client: LimitedClient) -> None:
    client.bind()  # on the loop it runs on: the run's calls are handed over to it


async def _unbind(client: LimitedClient) -> None:
    client.unbind()
    await aclose(client)


async def _cancel_calls() -> None:
    """Cancel the calls in flight on the run's loop: the reader left (Ctrl-C, a stopped run)."""
    for task in asyncio.all_tasks():
        if task is not asyncio.current_task():
            task.cancel()


def blurb_length(
    settings: Settings,
    sentences: int | None = None,
    max_words: int | None = None,
    *,
    flags: str = "",
) -> tuple[int | None, int | None]:
    """A blurb's length, ``(sentences, None)`` or ``(None, max_words)``: the engines take one
    or the other. The ones given for this blurb decide; else the settings' ``sentences``,
    else 3. The settings' ``max_words`` is the briefing's budget and never a blurb's: a config
    file's ``max_words = 300`` (the README's example) made every blurb 14 sentences, not 3.

    ``flags`` are the caller's own names of the two, for its message (the CLI's options);
    the library's and the API's callers know them as ``sentences`` and ``max_words``.

    Raises:
        ConfigError: both are given (``-n 3 --max-words 20`` wrote 45 words: the word budget
            was ignored).
    """
    if sentences is not None and max_words is not None:
        raise ConfigError(
            f"sentences and max_words both given{f' ({flags})' if flags else ''}; a blurb is "
            "N sentences or at most W words: pass one of them"
        )
    if max_words is not None:
        return None, max_words
    if sentences is not None:
        return sentences, None
    return settings.sentences or DEFAULT_BLURB_SENTENCES, None


def briefing(
    inputs: Iterable[ArticleInput] | ArticleInput,
    *,
    max_words: int | None = None,
    title: str | None = None,
    max_stories: int | None = None,
    min_sources: int | None = None,
    backend: Backend | None = None,
    model: str | None = None,
    base_url: str | None = None,
    concurrency: int | None = None,
    context_window: int | None = None,
    cache_dir: Path | None = None,
    no_cache: bool | None = None,
    judge: bool | None = None,
    gguf: Path | None = None,
    timeout: float | None = None,
    deadline: float | None = None,
    since: datetime | str | None = None,
    until: datetime | str | None = None,
    max_file_mb: float | None = None,
    max_articles: int | None = None,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    client: LLMClient | None = None,
) -> Briefing:
    """Summarise a day's articles into one cited briefing, story by story.

    Args:
        inputs: ``pathlib.Path``s (files or directories), Articles, article texts (``str``),
            or a mix; at least one article (none is an InputError, as the CLI's exit 2).
            Articles all outside ``since``/``until`` give an empty briefing saying so. A
            Briefing or Blurb (here or as ``verify``'s sources) is an InputError: it holds no
            article texts, so the articles it was made from are what to pass.
        max_words, title, backend, ...: the CLI's options of the same names (None keeps the
            setting from ``settings``, the environment or the config file).
        settings: base settings; the keyword arguments override single fields.
        progress: called as ``progress(stage, done, total)`` during long steps (the CLI draws
            a progress bar with it; the library itself never prints). While articles are
            read, ``total`` is 0: their number is known only at the end.
        client: the LLM client to write and judge with (the Batch API passes its own: a story
            whose answer is not cached yet fails alone, as a BackendError, and is left out).

    Returns:
        A Briefing whose shown claims all passed verification.

    Raises:
        InputError: no article is given, or an input is unusable, a folder's file too (the
            library does not print;
            to skip such files and records, pass the articles of
            ``summarizer.ingest.iter_articles(paths, on_bad_record=...)``, as the CLI does).
        ConfigError: an option is invalid. BackendError: the LLM failed.
    """
    settings = _settings(settings, locals())
    check_progress(progress)
    check_client(client)
    started = time.perf_counter()
    # 1. ingest
    articles = _many_articles(inputs, progress, settings.limits)  # none: an InputError
    articles, dated = filter_by_date(articles, since=settings.since, until=settings.until)
    if not articles:
        # every article outside --since/--until is not "no articles given" (serve and the
        # library said that of a day whose articles were all filtered out)
        none = "no article published within the dates given"
        return Briefing(title=settings.title or "Briefing", problems=[none, *dated])
    # a day's articles are many long-lived objects: left out of garbage collection while the
    # briefing runs (see forked.heap_frozen)
    with forked.heap_frozen():
        return _brief(articles, dated, settings, started, progress, client)


def _brief(
    articles: list[Article],
    dated: list[str],
    settings: Settings,
    started: float,
    progress: ProgressFn | None,
    client: LLMClient | None,
) -> Briefing:
    """``briefing`` from its articles on: dedup, stories, write and verify, assemble."""
    # the source tokens before dedup (copies included) are counted later, inside the write
    # graph (see count_later): only the usage reports them, and counting them here would slow
    # down dedup and clustering, which every LLM call waits for
    token_counts: dict[str, int] = {}  # tokens by text: each text is tokenized once
    texts = [a.text for a in articles]
    outlet_texts = stories.outlet_texts(articles)  # which copies are one text, before dedup
    spans = stories.published_spans(articles)  # and when each text was published
    writer = get_writer(settings) if client is None else get_writer(settings, client)
    # an article given twice (the same text, so the same id, and the same outlet) is one
    # article: said, as the output would otherwise hold fewer articles than the user gave
    # (the same text from another outlet is a wire copy: listed by that outlet)
    given = {(a.id, *(o.key() for o in a.outlets)) for a in articles}
    if given_again := len(articles) - len(given):
        dated = [*dated, f"{counted(given_again, 'article')} given more than once: listed once"]
    # 2. dedup: syndicated copies collapse into one article that keeps every outlet (and list
    # its copies); the LLM client is set up while a forked child fingerprints, not when the
    # first call is due
    copies: dict[str, list[str]] = {}
    given_by_id = _given_by_id(articles)  # each text as given, for listing
    articles = dedup.dedupe_articles(
        articles,
        threshold=settings.dedup_threshold,
        progress=progress,
        meanwhile=partial(prepare_client, getattr(writer, "client", None)),
        copies=copies,
    )
    check_deadline()  # between the steps too: each is long on a big day
    # 3. stories: group the day's articles by the events they cover, biggest first
    groups = stories.cluster_stories(
        articles, threshold=settings.story_threshold, progress=progress
    )
    stories.add_copies(groups, copies, spans)  # copies listed, their dates in the span
    _list_articles(groups, given_by_id, copies)
    stories.mark_copy_outlets(groups, {a.id: a for a in articles})  # re-runs are no sources
    # ordered by the sources a reader is told: a file copied under a second name is not one
    groups = stories.rank_by_sources(groups, outlet_texts)
    check_deadline()
    by_id = {a.id: a for a in articles}
    index = _index(articles)
    context = SourceContext(index.values())  # what the checks derive from all sources, once
    # 3b. the whole day is listed; the biggest stories the word budget reaches are written
    eligible, problems = stories.select_stories(
        groups, max_stories=settings.max_stories, min_sources=settings.min_sources
    )
    max_words = settings.max_words or default_word_budget(len(eligible))
    budgets = _split_budget(eligible, max_words)
    if len(budgets) < len(eligible):
        n = len(eligible) - len(budgets)
        them = "it" if n == 1 else "them"
        problems.append(
            f"{counted(n, 'smaller story')} only listed: the word budget is too small for {them}"
        )
    budget_of = {g.id: b for g, b in zip(eligible, budgets, strict=False)}
    to_write = [g for g in groups if g.id in budget_of]
    # 4. write and 5. verify: every story at once (one graph of LLM calls); a story that fails
    # stays listed, unwritten, with a note in problems. Per-story work (merging its sources'
    # near-identical sentences, verifying its claims) runs inside the graph, so it overlaps
    # other stories' calls; so does counting the source tokens, which only the usage reports.
    aliases: dict[str, dedup.Aliases] = {}
    merged: dict[str, list[Article]] = {}  # by story: its articles after merging sentences

    def merge(story: Story, found: dedup.Aliases | None = None) -> list[Article]:
        """Merge near-identical sentences across the story's sources (or apply the merge a
        forked child ``found``): only unique content is written; the aliases are cited again
        afterwards."""
        sources = [by_id[i] for i in story.article_ids]
        if found is None:
            members, found = dedup.merge_sentences(sources)
        else:
            members = dedup.without_aliases(sources, found)
        aliases[story.id] = found
        merged[story.id] = members
        return members

    prepared = threading.Semaphore(0)  # released once per story prepared
    # In a graph of LLM calls with more stories than two waves of calls, the verifier's shared
    # context and lexicons (built on the first claim that is not an exact quote, about 0.5 s
    # for 1,000 articles) are built once the first two waves of stories are prepared: while
    # their calls are out, not when their answers come back and the next calls are due.
    graph = getattr(writer, "write_stories", None) is not None
    many = graph and len(to_write) > 2 * settings.concurrency
    warm_after = 2 * settings.concurrency if many else -1
    ready_count = [0]  # stories prepared so far (one thread prepares them, in turn)
    # ... and such a graph's stories are prepared ahead, in the order it asks for them, by a
    # forked child on the second core: here, that CPU work (about 1.5 s for 1,000 articles)
    # would hold the interpreter lock that the event loop sending the calls needs
    reads = getattr(writer, "reads", None)
    ahead_order: list[int] = []
    if many and reads is not None:
        from .mapreduce import smallest_first

        ahead_order = smallest_first([len(g.article_ids) for g in to_write])
    position = {n: k for k, n in enumerate(ahead_order)}

    def plan(story: Story) -> Planned:
        """A story's preparation, worked out ahead: its sentences' merge and what its reduce
        call reads (as ids, cheap to send back)."""
        members, found = dedup.merge_sentences([by_id[i] for i in story.article_ids])
        assert reads is not None
        return found, reads(_writable(members), budget_of[story.id])

    def prepare(n: int, story: Story, ahead: forked.Halves[Story, Planned]) -> Callable[[], Job]:
        def job() -> Job:
            if ready_count[0] == warm_after:  # what checking every such claim reads
                context.build()
            try:
                if not ahead.forked:
                    return _writable(merge(story)), budget_of[story.id]
                from .mapreduce import Prepared

                with waiting():  # for the child: another thread may verify meanwhile
                    found, story_reads = ahead.result(position[n])
                members = _writable(merge(story, found))
                return Prepared(members, budget_of[story.id], story_reads)
            finally:
                ready_count[0] += 1
                prepared.release()

        return job

    no_claim: list[Story] = []  # written stories for which no claim at all was made

    def finish(n: int, claims: list[Claim]) -> None:
        story = to_write[n]
        claims = dedup.expand_citations(claims, aliases[story.id], index)
        story.claims = verify_claims(
            claims, index, judge=writer.judge, context=context, max_words=budget_of[story.id]
        )
        if story.claims:  # rejected ones too: then "no claim passed verification" is right
            story.written = True
        else:  # nothing to show: only listed, as the counts and every format then say
            no_claim.append(story)

    def count_unique() -> int:
        """The unique source tokens: every story's articles after merging sentences."""
        total = 0
        for story in groups:
            members = merged.get(story.id) or merge(story)
            total += sum(_tokens_of(a.text, token_counts) for a in members)
        return total

    unique_tokens: list[int] = []

    def count_later() -> None:
        """Count the source tokens (before dedup, then unique) once every story to write is
        prepared: never before a call, and while the graph waits for answers. An LLM graph
        too small to have built the verifier's context by then builds it here, before its
        first answers are verified."""
        for _ in to_write:
            prepared.acquire()
        if graph:
            context.build()
        _count_all(texts, token_counts)
        unique_tokens.append(count_unique())

    # the child forks before any other thread of this briefing starts (forked.may_fork)
    with forked.all_elsewhere([to_write[n] for n in ahead_order], plan, minimum=1) as ahead:
        counter = threading.Thread(target=count_later, daemon=True)
        counter.start()
        jobs = [prepare(n, g, ahead) for n, g in enumerate(to_write)]
        try:
            _write_stories(writer, to_write, jobs, finish, progress)
        finally:
            for _ in to_write:  # a story whose preparation never ran must not block the count
                prepared.release()
        counter.join()
    problems += _no_claim_notes(no_claim, merged, budget_of)
    _say_why_listed(groups, no_claim, merged, budget_of)
    over = [s for s in groups if s.id in budget_of and no_claim_fits(s.claims, budget_of[s.id])]
    if over:  # written, every claim rejected for its budget: not a verification failure
        problems.append(f"{counted(len(over), 'story')} with no claim shown: {NO_CLAIM_FITS}")
    tokens_before = sum(_tokens_of(t, token_counts) for t in texts)  # all counted, unless it failed
    tokens_after = unique_tokens[0] if unique_tokens else count_unique()  # (if it failed)
    # 6. assemble: every story of the day, written or only listed, in rank order
    all_claims = [c for s in groups for c in s.claims]
    usage = _run_usage(writer)
    usage.tokens_before_dedup, usage.tokens_after_dedup = tokens_before, tokens_after
    usage.seconds = round(time.perf_counter() - started, 3)
    return Briefing(
        title=settings.title or "Briefing",
        stories=groups,
        sources=_number_sources(all_claims, by_id),
        engine=writer.name,
        usage=usage,
        counts=Counts.of(all_claims),
        partial=writer.partial,
        problems=[*dated, *problems, *writer.problems],
    )


def _say_why_listed(
    groups: list[Story],
    no_claim: list[Story],
    merged: dict[str, list[Article]],
    budget_of: dict[str, int],
) -> None:
    """Set ``listed_because`` on each story that shows no claim and has no reason yet
    (``select_stories`` gave those it left out theirs), so the JSON says why, as the Markdown's
    headings do."""
    made_none = {s.id for s in no_claim}
    for story in groups:
        if story.listed_because is not None or any(c.shown for c in story.claims):
            continue
        budget = budget_of.get(story.id)
        if budget is None:
            story.listed_because = "word_budget"  # the budget did not reach it
        elif story.id in made_none:
            small = _too_small(story, merged, budget)
            story.listed_because = "word_budget" if small else "no_claim"
        elif not story.written:
            story.listed_because = "failed"  # its writing failed: said in problems
        elif no_claim_fits(story.claims, budget):
            story.listed_because = "word_budget"
        else:
            story.listed_because = "not_verified"


def _too_small(story: Story, merged: dict[str, list[Article]], budget: int) -> bool:
    """Whether every sentence of ``story`` is longer than its word budget."""
    words = [word_count(s.text) for a in merged.get(story.id, []) for s in a.sentences]
    return bool(words) and min(words) > budget


def _no_claim_notes(
    unwritten: list[Story], merged: dict[str, list[Article]], budget_of: dict[str, int]
) -> list[str]:
    """Why the stories no claim was made for are only listed: mostly a word budget smaller
    than any of their sentences (``--max-words 1``), which is no verification failure."""
    too_small = sum(1 for story in unwritten if _too_small(story, merged, budget_of[story.id]))
    notes = []
    if too_small:
        notes.append(f"{counted(too_small, 'story')} only listed: {NO_SENTENCE_FITS}")
    if other := len(unwritten) - too_small:
        them = "it" if other == 1 else "them"
        notes.append(f"{counted(other, 'story')} only listed: no claim was made for {them}")
    return notes


def _count_all(texts: list[str], token_counts: dict[str, int]) -> None:
    for text in texts:
        _tokens_of(text, token_counts)


def _tokens_of(text: str, token_counts: dict[str, int]) -> int:
    """Tokens of ``text``, token_counts once however many articles or stories share it."""
    if text not in token_counts:
        token_counts[text] = count_tokens(text)
    return token_counts[text]


def _write_stories(
    writer: Writer,
    groups: list[Story],
    jobs: list[Callable[[], Job]],
    finish: Callable[[int, list[Claim]], None],
    progress: ProgressFn | None,
) -> None:
    """Write and verify every story; one that fails is left out with a note in the writer's
    ``problems`` (the run is partial). Only when no story could be written does it raise.

    An LLM writer runs all stories as one graph (``write_stories``); others go one by one.
    """
    lock = threading.Lock()
    done = [0]

    def finish_and_count(n: int, claims: list[Claim]) -> None:
        finish(n, claims)
        with lock:
            done[0] += 1
            if progress is not None:
                progress("write", done[0], len(groups))

    if progress is not None:
        progress("write", 0, len(groups))
    write_stories = getattr(writer, "write_stories", None)
    errors: list[BackendError | None] = []
    if write_stories is not None:
        errors = write_stories(jobs, finish_and_count, [len(g.article_ids) for g in groups])
    else:
        for n, job in enumerate(jobs):
            check_deadline()  # serve's time limit: not caught below as one story's failure
            got = job()
            members, budget = got[0], got[1]
            try:
                claims = (
                    writer.write(members, kind="briefing", max_words=budget, sentences=None)
                    if members
                    else []
                )
                finish_and_count(n, claims)
                errors.append(None)
            except BackendError as exc:
                errors.append(exc)
    failed = [(g, e) for g, e in zip(groups, errors, strict=True) if e is not None]
    if failed and len(failed) == len(groups):
        # the run-wide breaker's line says why all failed; the first story's, one call's
        down = [f for f in failed if isinstance(f[1], ServerDownError)]
        story, first = (down or failed)[0]
        raise type(first)(f"no story could be written: {first}") from first
    for story, error in failed:
        writer.partial = True
        writer.problems.append(f"story {story.title or story.id!r} left out: {error}")


def _settings(settings: Settings | None, arguments: dict[str, object]) -> Settings:
    """Settings from a public function's keyword arguments (its ``locals()``) that name a
    Settings field; None means "keep", so the environment and config file still apply."""
    options = {k: v for k, v in arguments.items() if k in Settings.model_fields and k != "settings"}
    if settings is None:
        return Settings.from_env(**options)
    if not isinstance(settings, Settings):
        raise InputError(f"settings must be a summarizer.Settings, not {type(settings).__name__}")
    return settings.updated(**options)


def _one_article(article: ArticleInput, limits: Limits | None = None) -> Article:
    """The one article a blurb is of.

    Raises:
        InputError: an empty Path: ``Path("")`` is ``Path(".")``, and read the working
            directory (a caller's unset setting became "summarise everything here").
    """
    if isinstance(article, Path) and not article.parts:
        raise InputError(
            "an empty Path was given (Path('') is the current directory); pass the article's "
            "file, or Path.cwd() for a folder holding only it"
        )
    if isinstance(article, Path):
        found = load_articles(article, limits=limits)
        if len(found) != 1:
            raise InputError(f"{article}: holds {len(found)} articles; blurb takes one")
        return found[0]
    return next(iter(_to_articles(article, limits)))


def _many_articles(
    inputs: Iterable[ArticleInput] | ArticleInput,
    progress: ProgressFn | None = None,
    limits: Limits | None = None,
    skipped: list[str] | None = None,
) -> list[Article]:
    """Every input's articles, read one at a time. ``skipped``, when given, gets the folders'
    files that are not articles, for the caller to report (else they are logged)."""
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    if isinstance(inputs, RunResult):  # not iterated: a model gives its fields, "got tuple"
        raise InputError(f"expected articles, got {inputs.not_articles()}")
    if not isinstance(inputs, Iterable) or isinstance(inputs, (bytes, dict)):
        raise InputError(
            f"expected articles (texts, Paths or Articles), got {type(inputs).__name__}"
        )
    articles: list[Article] = []
    by_id: dict[str, Article] = {}  # to refuse two different articles under one id
    if progress is not None:
        progress("ingest", 0, 0)
    for item in inputs:  # a generator of Articles is read as it goes, counted in the progress
        # a folder or a JSON Lines file is read one article at a time, so that the progress
        # counts articles (their number is not known until the end: total 0)
        for article in _to_articles(item, limits, skipped):
            check_deadline()  # serve's time limit: a big day's reading stops at its 504 too
            _one_id_one_text(by_id.setdefault(article.id, article), article)
            articles.append(article)
            if progress is not None and len(articles) % INGEST_EVERY == 0:
                progress("ingest", len(articles), 0)
            if limits is not None and len(articles) > limits.max_articles:
                raise limits.too_many()
    if progress is not None:
        progress("ingest", len(articles), len(articles))
    if not articles:  # named as the library takes them: verify(draft, []) said "--sources"
        raise InputError("no articles given; pass article texts, Paths or Articles")
    return articles


def _one_id_one_text(first: Article, article: Article) -> None:
    """Refuse a second article under an id already given to another text: a citation names
    its article by id, so two Articles built by hand with one id (a CMS's own, "a") had each
    story cite the other's sentences, the comet's story showing the flood's claims. A copy
    (the same text, so the same id from make_article) is fine: dedup makes it one article.

    Raises:
        InputError: ``article`` has ``first``'s id but other sentences.
    """
    if first is not article and first.sentences != article.sentences:
        raise InputError(
            f"two different articles have the id {article.id!r}: an article's id names its "
            "text; build Articles with summarizer.make_article(text, title=..., url=..., "
            "source=...), which gives each text its own"
        )


def check_progress(progress: object) -> None:
    """Refuse a ``progress`` that cannot be called as ``progress(stage, done, total)``, before
    any work: it failed as a bare TypeError from deep inside the run (``progress=True``,
    ``progress=print_line`` taking one argument).

    Raises:
        ConfigError: it is not callable, or its signature does not take those three.
    """
    if progress is None:
        return
    if not callable(progress):
        raise ConfigError(
            "progress must be a function called as progress(stage, done, total), not "
            f"{type(progress).__name__}"
        )
    try:
        inspect.signature(progress).bind("ingest", 0, 0)
    except TypeError:
        name = getattr(progress, "__name__", type(progress).__name__)
        raise ConfigError(
            f"progress must take three arguments, progress(stage, done, total): {name} does not"
        ) from None
    except ValueError:  # no signature to read (some built-ins): let it be called
        return


def _to_articles(
    item: object, limits: Limits | None = None, skipped: list[str] | None = None
) -> Iterable[Article]:
    """One library input as Articles: an Article, a Path (file or folder), or article text.

    A ``str`` is always article text; one that looks like a path or URL is refused rather
    than summarised as text (issue 11).
    """
    if isinstance(item, Article):
        return [_checked(item)]
    if isinstance(item, Path):  # read one article at a time (see _many_articles)
        return iter_articles(item, limits=limits, skipped=skipped)
    if isinstance(item, str):
        check_text(item, "article text")
        if limits is not None and len(item.encode("utf-8", "replace")) > limits.max_file_bytes:
            raise limits.too_big("the article text")  # as big a file would be refused
        if looks_like_location(item, on_disk=True):  # the library's caller: a local user
            raise InputError(_location_hint(item))
        body, title = article_body(item, "the article text")  # a page's own title too
        return [make_article(body, title=title)]
    if isinstance(item, RunResult):
        raise InputError(
            f"expected article text (str), a pathlib.Path or an Article, got {item.not_articles()}"
        )
    hint = ""
    if isinstance(item, dict):  # a record from a CMS or a JSON file
        hint = "; for a record, summarizer.make_article(r['text'], title=..., url=..., ...)"
    elif isinstance(item, (bytes, bytearray)):
        hint = "; decode it first, e.g. data.decode('utf-8')"
    raise InputError(
        "expected article text (str), a pathlib.Path or an Article, got "
        f"{type(item).__name__}{hint}"
    )


def _checked(article: Article) -> Article:
    """An Article given as such, as make_article builds one: sentences whose ids name it
    (a citation's article is read from its sentence id) and differ, and one source at least.

    Raises:
        InputError: an Article built by hand without them: its story was left out ("no claim
        passed verification") or its sentences cited as another article's.
    """
    how = "build Articles with summarizer.make_article(text, title=..., url=..., source=...)"
    if not article.sentences:
        raise InputError(f"Article {article.id!r} has no sentences; {how}")
    seen: set[str] = set()
    for sentence in article.sentences:
        if sentence.article_id != article.id or sentence.id in seen:
            why = "is given twice" if sentence.id in seen else f"does not start '{article.id}.s'"
            raise InputError(f"Article {article.id!r}: sentence id {sentence.id!r} {why}; {how}")
        seen.add(sentence.id)
    if not article.outlets:  # its own unnamed source, as make_article gives it
        return article.model_copy(update={"outlets": [Outlet()]})
    return article


def check_text(text: str, what: str) -> None:
    """Refuse a str that is not Unicode text: a lone surrogate (JSON's "\\ud800", bytes
    decoded with "surrogateescape") cannot be encoded, and would escape as a bare
    UnicodeEncodeError from deep inside the pipeline.

    Raises:
        InputError: the text holds a lone surrogate.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{what} holds a lone surrogate ({text[exc.start]!r} at character {exc.start}), "
            "not Unicode text; decode it with errors='replace'"
        ) from None


def _location_hint(item: str) -> str:
    """Why a str that looks like a location is refused, and what to pass instead: a URL was
    told to pass ``pathlib.Path('https://...')``, which names no file."""
    from .fetch import is_url

    if is_url(item.strip()):
        return (
            f"{item!r} is a URL, but a str is article text: fetch it with "
            f"summarizer.load_articles({item!r}), a list of Articles (one for a page, one "
            "per item of a feed), and pass one of them to blurb() or the list to briefing()"
        )
    found = None if "/" in item else _on_disk(item.strip())  # a bare name: what it names here
    shape = f"is the name of {found} here" if found else "looks like a path or URL"
    return (
        f"{item!r} {shape}, but a str is article text: pass "
        f"pathlib.Path({item!r}) for a file or folder, or summarizer.load_articles({item!r})"
    )


def looks_like_location(text: str, *, on_disk: bool = False) -> bool:
    """One word that is a URL, a path ("/" in it), or ends like an article file; with
    ``on_disk``, also the name of a file or folder that exists here (``briefing("articles")``
    run beside the folder). Off by default: text from a request (``serve``'s verify draft)
    must not learn which names the server's working directory holds."""
    from .fetch import is_url
    from .sources import SUPPORTED, looks_like_html

    word = text.strip()
    if not word or any(ch.isspace() for ch in word) or looks_like_html(word):
        return False  # "<html><body>...</body></html>" has a "/" and no space: HTML, no path
    suffix = Path(word).suffix.lower()
    shaped = is_url(word) or "/" in word or suffix in SUPPORTED
    return shaped or (on_disk and _on_disk(word) is not None)


def _on_disk(name: str) -> str | None:
    """What ``name`` names here, "a folder" or "a file", else None (a name the system
    cannot hold, too long or with a NUL in it, names none)."""
    try:
        path = Path(name)
        return "a folder" if path.is_dir() else "a file" if path.exists() else None
    except (OSError, ValueError):
        return None


def _run_usage(writer: Writer) -> Usage:
    """The writer's LLM usage plus the judge's, when one ran."""
    usage = writer.usage.model_copy()
    judge = writer.judge
    if judge is not None:
        usage.add(judge.usage)
    return usage


def _index(articles: list[Article]) -> dict[str, Sentence]:
    return {s.id: s for a in articles for s in a.sentences}


def default_word_budget(stories: int) -> int:
    """The briefing's word budget when ``--max-words`` is not given: it grows with the day.

    ``WORDS_PER_STORY`` for each story, at least ``DEFAULT_BRIEFING_WORDS`` and at most
    ``MAX_DEFAULT_WORDS``: a quiet day gets a short briefing, a 50-event day all 50 stories.
    """
    return max(DEFAULT_BRIEFING_WORDS, min(MAX_DEFAULT_WORDS, WORDS_PER_STORY * stories))


def _split_budget(groups: list[Story], max_words: int) -> list[int]:
    """Share the word budget among stories, more for stories more outlets carry.

    Weights grow with the square root of the distinct sources, so one widely syndicated story
    does not crowd out the rest. Every story gets at least ``MIN_STORY_WORDS`` (about one
    sentence); the stories that budget cannot reach (the smallest, listed last) get none, and
    the returned list is shorter than ``groups``.
    """
    fits = min(len(groups), max(1, max_words // MIN_STORY_WORDS))
    weights = [math.sqrt(max(g.source_count, 1)) for g in groups[:fits]]
    total = sum(weights)
    spare = max_words - MIN_STORY_WORDS * fits
    return [MIN_STORY_WORDS + int(spare * w / total) for w in weights]


def _given_by_id(articles: list[Article]) -> dict[str, Article]:
    """Each id's first input, with the outlets of every input of that same text."""
    given: dict[str, Article] = {}
    for article in articles:
        if (first := given.get(article.id)) is None:
            given[article.id] = article
        elif article.outlets:
            outlets = dedup.distinct_outlets([*first.outlets, *article.outlets])
            given[article.id] = first.model_copy(update={"outlets": outlets})
    return given


def _list_articles(
    groups: list[Story], given: dict[str, Article], copies: dict[str, list[str]]
) -> None:
    """Name every input article of each story (``Story.articles``): its own headline (or the
    start of its lead), outlets and date, and for a copy the article it was folded into."""
    for story in groups:
        kept_of = {c: k for k in story.article_ids for c in copies.get(k, [])}
        story.articles = [
            Listed(
                article_id=art.id,
                **_shown_title(art),
                outlets=art.outlets,
                published=art.published,
                copy_of=kept_of.get(i),
            )
            for i in (*story.article_ids, *story.copy_ids)
            if (art := given.get(i)) is not None
        ]


def _shown_title(art: Article) -> dict[str, Any]:
    """An article's headline as a listing shows it, else the start of its lead, so each is
    recognisable (``title_derived`` says which)."""
    return {"title": art.title or stories.lead_headline(art), "title_derived": not art.title}


def _number_sources(claims: list[Claim], articles: dict[str, Article]) -> list[Source]:
    """Number the articles cited by shown claims, in order of first citation."""
    sources: list[Source] = []
    seen: set[str] = set()
    for claim in claims:
        if not claim.shown:
            continue
        for cite in claim.citations:
            if cite.article_id in seen or cite.article_id not in articles:
                continue
            seen.add(cite.article_id)
            art = articles[cite.article_id]
            sources.append(
                Source(
                    number=len(sources) + 1,
                    article_id=art.id,
                    **_shown_title(art),
                    outlets=art.outlets,
                    published=art.published,
                    published_day=art.published_day,
                )
            )
    return sources
