"""The pipeline, as numbered steps: ingest -> dedup -> stories -> write -> verify -> assemble.

``blurb()`` and ``briefing()`` are the library's entry points; the CLI commands of the same
names are thin wrappers over them.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

from . import dedup, extractive, stories
from .errors import InputError, NeedsKeyError
from .ingest import load_articles, make_article
from .judge import Judge
from .llm.base import LLMClient
from .models import Article, Blurb, Briefing, Claim, Counts, Sentence, Source, Story, Usage
from .progress import ProgressFn
from .settings import DEFAULT_BLURB_SENTENCES, DEFAULT_BRIEFING_WORDS, Settings
from .tokens import count_tokens
from .verify import SourceContext, verify_claims

log = logging.getLogger(__name__)

Kind = Literal["blurb", "briefing"]
MIN_STORY_WORDS = 40  # about one sentence: a story given less would say nothing
ArticleInput = Article | str | Path


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
            prices=load_prices(settings.prices or user_dir() / "prices.json"),
        )
        if settings.judge:
            writer.judge = Judge(client, prices=writer.prices)
        return writer
    raise NeedsKeyError(f"backend '{backend}' is not available; use --backend extractive")


def blurb(
    article: ArticleInput,
    *,
    settings: Settings | None = None,
    client: LLMClient | None = None,
    **options: object,
) -> Blurb:
    """Summarise one article in a few cited, verified sentences (the "Get a summary" blurb).

    Args:
        article: an Article, raw article text, or a path to one article file.
        settings: run settings; ``options`` override single fields (e.g. ``sentences=3``).
        client: the LLM client to write and judge with (the Batch API passes its own).

    Returns:
        A Blurb whose shown claims all passed verification.

    Raises:
        InputError: the input is unusable. BackendError: the LLM failed.
    """
    settings = _settings(settings, options)
    started = time.perf_counter()
    art = _one_article(article)
    writer = get_writer(settings) if client is None else get_writer(settings, client)
    sentences = settings.sentences
    if sentences is None and settings.max_words is None:
        sentences = DEFAULT_BLURB_SENTENCES
    claims = writer.write([art], kind="blurb", max_words=settings.max_words, sentences=sentences)
    claims = verify_claims(claims, _index([art]), judge=writer.judge)
    sources = _number_sources(claims, {art.id: art})
    usage = _run_usage(writer)
    usage.tokens_before_dedup = usage.tokens_after_dedup = count_tokens(art.text)
    usage.seconds = round(time.perf_counter() - started, 3)
    return Blurb(
        article_id=art.id,
        title=art.title,
        claims=claims,
        sources=sources,
        engine=writer.name,
        usage=usage,
        counts=Counts.of(claims),
        partial=writer.partial,
        problems=list(writer.problems),
    )


def briefing(
    inputs: Iterable[ArticleInput] | ArticleInput,
    *,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    **options: object,
) -> Briefing:
    """Summarise a day's articles into one cited briefing, story by story.

    Args:
        inputs: paths (files or directories), Articles, or a mix. An empty list gives an
            empty briefing (no stories, a note in ``problems``), not an error.
        settings: run settings; ``options`` override single fields (e.g. ``max_words=200``).
        progress: called as ``progress(stage, done, total)`` during long steps (the CLI draws
            a progress bar with it; the library itself never prints).

    Returns:
        A Briefing whose shown claims all passed verification.

    Raises:
        InputError: an input is unusable. BackendError: the LLM failed.
    """
    settings = _settings(settings, options)
    started = time.perf_counter()
    # 1. ingest
    articles = _many_articles(inputs, progress)
    if not articles:
        return Briefing(title=settings.title or "Briefing", problems=["no articles given"])
    tokens_before = sum(count_tokens(a.text) for a in articles)
    # 2. dedup: syndicated copies collapse into one article that keeps every outlet
    articles = dedup.dedupe_articles(
        articles, threshold=settings.dedup_threshold, progress=progress
    )
    # 3. stories: group the day's articles by the events they cover, biggest first
    groups = stories.cluster_stories(
        articles, threshold=settings.story_threshold, progress=progress
    )
    by_id = {a.id: a for a in articles}
    index = _index(articles)
    context = SourceContext(index.values())  # what the checks derive from all sources, once
    # 3b. merge near-identical sentences across each story's sources: only unique content is
    # written; the aliases are cited again afterwards
    reduced = {g.id: dedup.merge_sentences([by_id[i] for i in g.article_ids]) for g in groups}
    tokens_after = sum(count_tokens(a.text) for members, _ in reduced.values() for a in members)
    groups, problems = stories.select_stories(
        groups, max_stories=settings.max_stories, min_sources=settings.min_sources
    )
    budgets = _split_budget(groups, settings.max_words or DEFAULT_BRIEFING_WORDS)
    if len(budgets) < len(groups):
        n = len(groups) - len(budgets)
        what = "story" if n == 1 else "stories"
        problems.append(f"{n} smaller {what} left out: the word budget is too small for them")
        groups = groups[: len(budgets)]
    # 4. write and 5. verify, story by story
    writer = get_writer(settings)
    out: list[Story] = []
    for n, (story, budget) in enumerate(zip(groups, budgets, strict=True)):
        if progress is not None:
            progress("write", n, len(groups))
        members, aliases = reduced[story.id]
        members = [a for a in members if a.sentences]
        claims = (
            writer.write(members, kind="briefing", max_words=budget, sentences=None)
            if members
            else []
        )
        claims = dedup.expand_citations(claims, aliases, index)
        story.claims = verify_claims(claims, index, judge=writer.judge, context=context)
        out.append(story)
    if progress is not None:
        progress("write", len(groups), len(groups))
    # 6. assemble
    all_claims = [c for s in out for c in s.claims]
    usage = _run_usage(writer)
    usage.tokens_before_dedup, usage.tokens_after_dedup = tokens_before, tokens_after
    usage.seconds = round(time.perf_counter() - started, 3)
    return Briefing(
        title=settings.title or "Briefing",
        stories=out,
        sources=_number_sources(all_claims, by_id),
        engine=writer.name,
        usage=usage,
        counts=Counts.of(all_claims),
        partial=writer.partial,
        problems=[*problems, *writer.problems],
    )


def _settings(settings: Settings | None, options: dict[str, object]) -> Settings:
    if settings is None:
        return Settings.from_env(**options)
    return settings.model_copy(update=options) if options else settings


def _one_article(article: ArticleInput) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, Path):
        found = load_articles(article)
        if len(found) != 1:
            raise InputError(f"{article}: holds {len(found)} articles; blurb takes one")
        return found[0]
    return make_article(article)


def _many_articles(
    inputs: Iterable[ArticleInput] | ArticleInput, progress: ProgressFn | None = None
) -> list[Article]:
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    items = list(inputs)
    articles: list[Article] = []
    for n, item in enumerate(items):
        if progress is not None:
            progress("ingest", n, len(items))
        articles.extend([item] if isinstance(item, Article) else load_articles(item))
    if progress is not None:
        progress("ingest", len(items), len(items))
    return articles


def _run_usage(writer: Writer) -> Usage:
    """The writer's LLM usage plus the judge's, when one ran."""
    usage = writer.usage.model_copy()
    judge = writer.judge
    if judge is not None:
        usage.add(judge.usage)
    return usage


def _index(articles: list[Article]) -> dict[str, Sentence]:
    return {s.id: s for a in articles for s in a.sentences}


def _split_budget(groups: list[Story], max_words: int) -> list[int]:
    """Share the word budget among stories, more for stories more outlets carry.

    Weights grow with the square root of the distinct outlets, so one widely syndicated story
    does not crowd out the rest. Every story gets at least ``MIN_STORY_WORDS`` (about one
    sentence); the stories that budget cannot reach (the smallest, listed last) get none, and
    the returned list is shorter than ``groups``.
    """
    fits = min(len(groups), max(1, max_words // MIN_STORY_WORDS))
    weights = [math.sqrt(max(len(g.outlets), 1)) for g in groups[:fits]]
    total = sum(weights)
    spare = max_words - MIN_STORY_WORDS * fits
    return [MIN_STORY_WORDS + int(spare * w / total) for w in weights]


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
                    title=art.title,
                    outlets=art.outlets,
                )
            )
    return sources
