"""The pipeline, as numbered steps: ingest -> dedup -> stories -> write -> verify -> assemble.

``blurb()`` and ``briefing()`` are the library's entry points; the CLI commands of the same
names are thin wrappers over them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

from . import dedup, extractive, stories
from .errors import InputError, NeedsKeyError
from .ingest import load_articles, make_article
from .models import Article, Blurb, Briefing, Claim, Counts, Sentence, Source, Story, Usage
from .settings import DEFAULT_BLURB_SENTENCES, DEFAULT_BRIEFING_WORDS, Settings
from .tokens import count_tokens
from .verify import verify_claims

log = logging.getLogger(__name__)

Kind = Literal["blurb", "briefing"]
ArticleInput = Article | str | Path


class Writer(Protocol):
    """The engine seam: turns a story's articles into unverified, cited claims."""

    name: str
    usage: Usage

    def write(
        self, articles: list[Article], *, kind: Kind, max_words: int | None, sentences: int | None
    ) -> list[Claim]: ...


class ExtractiveWriter:
    """The embedded engine behind the Writer seam."""

    name = "extractive"

    def __init__(self) -> None:
        self.usage = Usage()

    def write(
        self, articles: list[Article], *, kind: Kind, max_words: int | None, sentences: int | None
    ) -> list[Claim]:
        return extractive.summarize(articles, max_words=max_words, sentences=sentences)


def resolve_backend(settings: Settings) -> str:
    """``auto`` means the LLM when one is configured, else the embedded engine."""
    if settings.backend != "auto":
        return settings.backend
    return "openai" if (settings.base_url or settings.api_key) else "extractive"


def get_writer(settings: Settings) -> Writer:
    """Build the writer for the configured backend."""
    backend = resolve_backend(settings)
    if backend == "extractive":
        return ExtractiveWriter()
    if backend in ("openai", "local", "replay"):
        from .llm.catalog import load_prices
        from .llm.factory import make_client
        from .mapreduce import LLMWriter
        from .settings import user_dir

        return LLMWriter(
            make_client(settings, backend),
            concurrency=settings.concurrency,
            context_window=settings.context_window,
            chunk_tokens=settings.chunk_tokens,
            reduce_tokens=settings.reduce_tokens,
            prices=load_prices(settings.prices or user_dir() / "prices.json"),
        )
    raise NeedsKeyError(f"backend '{backend}' is not available; use --backend extractive")


def blurb(article: ArticleInput, *, settings: Settings | None = None, **options: object) -> Blurb:
    """Summarise one article in a few cited, verified sentences (the "Get a summary" blurb).

    Args:
        article: an Article, raw article text, or a path to one article file.
        settings: run settings; ``options`` override single fields (e.g. ``sentences=3``).

    Returns:
        A Blurb whose shown claims all passed verification.

    Raises:
        InputError: the input is unusable. BackendError: the LLM failed.
    """
    settings = _settings(settings, options)
    started = time.perf_counter()
    art = _one_article(article)
    writer = get_writer(settings)
    sentences = settings.sentences
    if sentences is None and settings.max_words is None:
        sentences = DEFAULT_BLURB_SENTENCES
    claims = writer.write([art], kind="blurb", max_words=settings.max_words, sentences=sentences)
    claims = verify_claims(claims, _index([art]))
    sources = _number_sources(claims, {art.id: art})
    usage = writer.usage.model_copy()
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
        partial=getattr(writer, "partial", False),
        problems=list(getattr(writer, "problems", [])),
    )


def briefing(
    inputs: Iterable[ArticleInput] | ArticleInput,
    *,
    settings: Settings | None = None,
    **options: object,
) -> Briefing:
    """Summarise a day's articles into one cited briefing, story by story.

    Args:
        inputs: paths (files or directories), Articles, or a mix.
        settings: run settings; ``options`` override single fields (e.g. ``max_words=200``).

    Returns:
        A Briefing whose shown claims all passed verification.

    Raises:
        InputError: an input is unusable. BackendError: the LLM failed.
    """
    settings = _settings(settings, options)
    started = time.perf_counter()
    # 1. ingest
    articles = _many_articles(inputs)
    tokens_before = sum(count_tokens(a.text) for a in articles)
    # 2. dedup: syndicated copies collapse into one article that keeps every outlet
    articles = dedup.dedupe_articles(articles)
    tokens_after = sum(count_tokens(a.text) for a in articles)
    # 3. stories: group the day's articles by the events they cover
    groups = stories.cluster_stories(articles)
    by_id = {a.id: a for a in articles}
    index = _index(articles)
    # 4. write and 5. verify, story by story
    writer = get_writer(settings)
    max_words = settings.max_words or DEFAULT_BRIEFING_WORDS
    out: list[Story] = []
    for story, budget in zip(groups, _split_budget(groups, max_words), strict=True):
        members = [by_id[i] for i in story.article_ids]
        claims = writer.write(members, kind="briefing", max_words=budget, sentences=None)
        story.claims = verify_claims(claims, index)
        out.append(story)
    # 6. assemble
    all_claims = [c for s in out for c in s.claims]
    usage = writer.usage.model_copy()
    usage.tokens_before_dedup, usage.tokens_after_dedup = tokens_before, tokens_after
    usage.seconds = round(time.perf_counter() - started, 3)
    return Briefing(
        title=settings.title or "Briefing",
        stories=out,
        sources=_number_sources(all_claims, by_id),
        engine=writer.name,
        usage=usage,
        counts=Counts.of(all_claims),
        partial=getattr(writer, "partial", False),
        problems=list(getattr(writer, "problems", [])),
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


def _many_articles(inputs: Iterable[ArticleInput] | ArticleInput) -> list[Article]:
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    articles: list[Article] = []
    for item in inputs:
        articles.extend([item] if isinstance(item, Article) else load_articles(item))
    if not articles:
        raise InputError("no articles given")
    return articles


def _index(articles: list[Article]) -> dict[str, Sentence]:
    return {s.id: s for a in articles for s in a.sentences}


def _split_budget(groups: list[Story], max_words: int) -> list[int]:
    """Share the word budget among stories by their number of outlets (at least 40 each)."""
    if not groups:
        return []
    weights = [max(len(g.outlets), 1) for g in groups]
    total = sum(weights)
    return [max(40, round(max_words * w / total)) for w in weights]


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
