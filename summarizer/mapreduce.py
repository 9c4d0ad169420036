"""The LLM chain behind the Writer seam: map chunks to key points, collapse, reduce to claims.

- Map: each chunk -> key points (JSON validated by pydantic), citing only that chunk's ids.
- Collapse: while the points exceed the reduce budget, merge them in groups, in rounds; every
  round must shrink (each group of n points becomes at most n // 2), the depth is bounded, and
  running out of rounds is a clear error rather than an endless loop.
- Reduce (briefing) or blurb: points -> claims citing the points' sentence ids. A short
  article's blurb skips the map and reads the sentences directly.

Every answer is validated; an invalid one (bad JSON, unknown or out-of-scope ids, cut off by the
token limit) gets one re-ask that states the error. After that the chain keeps what is usable
and marks the result partial, or raises BackendError when nothing is. Citation texts are
looked up from the article, never taken from the model.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from .chunking import chunk_articles
from .errors import BackendError, ConfigError, UnusableAnswerError
from .judge import Judge
from .llm.base import REASONING_SPENT, Completion, LLMClient, Message, aclose, run_sync
from .llm.catalog import KNOWN_MODELS, ModelInfo, count_answer
from .llm.limit import CpuGate, LimitedClient, quick_handoff
from .llm.reask import Invalid, ask_with_reask, reask_messages
from .models import Article, Chunk, Citation, Claim, Point, Sentence, Usage
from .prompts import Prompt, load_prompt
from .structured import (
    MAX_CITES,
    Claims,
    Item,
    Points,
    answer_schema,
    extract_json,
    strip_reasoning,
)
from .text import fit_words, word_count, words
from .tokens import count_tokens

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK_CAP = 1500  # tokens per map chunk, even for huge windows: small chunks keep points specific
# output budgets match what each prompt may ask for: at most MAX_POINTS (map) or MAX_MERGED
# (collapse) items of about ITEM_TOKENS each, so an answer is never cut off for lack of room
ITEM_TOKENS = 80
ANSWER_BASE = 40
MAX_POINTS = 8
MAX_MERGED = 12
MAP_OUTPUT = ANSWER_BASE + ITEM_TOKENS * MAX_POINTS
COLLAPSE_OUTPUT = ANSWER_BASE + ITEM_TOKENS * MAX_MERGED
MARGIN = 0.15  # share of the window kept free: our tokenizer is not the model's
MAX_COLLAPSE_ROUNDS = 4
WORDS_PER_CLAIM = 20  # the reduce asks for at most max_words / 20 claims
# a briefing section reads at most this many source tokens per word it may write: the
# embedded engine's most central sentences, so a 45-word section is not written from 20,000
# tokens of wire copy (select=False reads every sentence through the map stage instead)
SOURCE_TOKENS_PER_WORD = 20
# ... chosen among each article's first sentences only: the engine's position prior rarely
# picks later ones (on 23 big stories of bench/llm_bench.py's 1,000 articles, 15 gives 92% the
# same sentences, Jaccard, for 40% of the CPU), and a long story's selection is CPU that
# holds back the calls
SELECT_FROM_FIRST = 15
_DELIMITER = re.compile(r"<\s*/?\s*data\s*>", re.IGNORECASE)
# An item (key point or claim) states what its cited sentences say: one longer than all of them
# together by more than half, plus a clause's worth of words, is rejected as too long (a
# model that loops wrote one claim of 1,756 words citing one sentence, and it was shown)
LONG_RATIO = 1.5
LONG_SLACK = 10
# ... and one in which the same REPEAT_RUN words in a row come again repeats itself (a loop;
# no news sentence says the same eight words twice)
REPEAT_RUN = 8


# one briefing story to write: its (deduplicated) articles and its word budget
StoryJob = tuple[list[Article], int]


class Prepared(NamedTuple):
    """A story to write whose reading was already worked out (``LLMWriter.reads``, e.g. by a
    forked child while the calls of other stories were out): a job may return it instead of a
    ``StoryJob``."""

    articles: list[Article]
    words: int
    reads: list[str] | None  # the sentence ids one reduce call reads; None: the map stage


# called with a story's index and claims once they are written (verification, in a thread)
FinishFn = Callable[[int, list[Claim]], None]


class Budgets(BaseModel):
    """Token budgets derived from the context window (see ``LLMWriter.budgets``)."""

    context_window: int
    chunk: int  # sentences per map call
    reduce: int  # key points per reduce or blurb call
    collapse: int  # key points per collapse call
    final_output: int  # tokens reserved for the reduce or blurb answer


class LLMWriter:
    """The Writer for every LLM backend (pipeline.Writer protocol)."""

    def __init__(
        self,
        client: LLMClient,
        *,
        concurrency: int = 4,
        context_window: int | None = None,
        chunk_tokens: int | None = None,
        reduce_tokens: int | None = None,
        prices: dict[str, ModelInfo] | None = None,
        select: bool = True,
        reasoning_tokens: int = 0,
    ) -> None:
        # every call of this writer (and of a judge built on ``self.client``) shares one limit
        self.client = (
            client if isinstance(client, LimitedClient) else LimitedClient(client, concurrency)
        )
        self.name = client.name
        self.usage = Usage()
        self.partial = False
        self.problems: list[str] = []
        self.concurrency = concurrency
        self.context_window = context_window or client.context_window
        self.chunk_tokens = chunk_tokens
        self.reduce_tokens = reduce_tokens
        self.prices = prices if prices is not None else KNOWN_MODELS
        self.select = select
        # added to every call's answer budget: a reasoning model thinks before it answers, and
        # the budgets below are sized for the answer alone (the ``reasoning_tokens`` setting)
        self.reasoning_tokens = reasoning_tokens
        self.collapse_rounds = 0  # rounds run by the last write, for tests and logs
        self.judge: Judge | None = None  # the verifier's layer 3, set by pipeline.get_writer
        self._cpu: ThreadPoolExecutor | None = None  # a graph's thread for stories' CPU work
        self._gate: CpuGate | None = None  # one thread at a time runs a graph's CPU work
        # every sentence the chain may cite, by id: an answer's items are held to the length
        # of the sentences they cite (ids are unique across articles and stories)
        self._sentences: dict[str, Sentence] = {}

    # -- the Writer seam ---------------------------------------------------------------------

    def write(
        self,
        articles: list[Article],
        *,
        kind: str,
        max_words: int | None,
        sentences: int | None,
    ) -> list[Claim]:
        """Write a blurb (one article) or a briefing section (a story's articles)."""
        return run_sync(
            lambda: self.awrite(articles, kind=kind, max_words=max_words, sentences=sentences)
        )

    async def awrite(
        self,
        articles: list[Article],
        *,
        kind: str,
        max_words: int | None,
        sentences: int | None,
    ) -> list[Claim]:
        """The chain itself, for callers that already run an event loop."""
        self.collapse_rounds = 0
        try:
            return await self._chain(articles, kind=kind, max_words=max_words, sentences=sentences)
        finally:
            await aclose(self.client)  # connections belong to this event loop

    async def _chain(
        self,
        articles: list[Article],
        *,
        kind: str,
        max_words: int | None,
        sentences: int | None,
    ) -> list[Claim]:
        if kind != "blurb":
            return await self._section(lambda: (articles, max_words or 250))
        index = {s.id: s for a in articles for s in a.sentences}
        if not index:
            return []
        self._sentences.update(index)
        title = next((a.title for a in articles if a.title), "untitled")
        budgets = self.budgets(kind, max_words=max_words, sentences=sentences)
        direct = [_point(s) for s in index.values()]
        if _tokens(direct) <= budgets.reduce:
            points = direct  # short article: the blurb reads its sentences directly
        else:
            points = await self._map_all(articles, budgets)
            points = await self._collapse(points, budgets)
        items = await self._final_blurb(points, title, sentences, max_words, budgets)
        return [_claim(item, index) for item in items]

    async def _section(self, job: Callable[[], StoryJob | Prepared]) -> list[Claim]:
        """One briefing section. Its CPU work (``job`` preparing the story's articles, then
        tokenizing and selecting what to read) runs in a worker thread, in one hop, so other
        stories' calls go on meanwhile."""

        def ready() -> tuple[list[Article], int, Budgets, list[Point] | None]:
            got = job()
            articles, max_words = got[0], got[1]
            budgets = self.budgets("briefing", max_words=max_words, sentences=None)
            if isinstance(got, Prepared):
                by_id = {s.id: s for a in articles for s in a.sentences}
                ids = got.reads
                direct = None if ids is None else [_point(by_id[i]) for i in ids]
            else:
                direct = self._direct(articles, budgets, max_words) if articles else None
            return articles, max_words, budgets, direct

        loop = asyncio.get_running_loop()
        articles, words, budgets, direct = await loop.run_in_executor(
            self._cpu, _gated(self._gate, PREPARE, ready)
        )
        index = {s.id: s for a in articles for s in a.sentences}
        if not index:
            return []
        self._sentences.update(index)
        title = next((a.title for a in articles if a.title), "untitled")
        if direct is not None:
            points = direct  # the story fits one reduce call: no map stage
        else:
            points = await self._map_all(articles, budgets)
            points = await self._collapse(points, budgets)
        items = await self._final_reduce(points, title, words, budgets)
        return [_claim(item, index) for item in items]

    def write_stories(
        self,
        jobs: Sequence[Callable[[], StoryJob | Prepared]],
        finish: FinishFn,
        sizes: Sequence[int] | None = None,
    ) -> list[BackendError | None]:
        """Write every story of a briefing as one graph of calls (see ``awrite_stories``)."""
        return run_sync(lambda: self.awrite_stories(jobs, finish, sizes))

    async def awrite_stories(
        self,
        jobs: Sequence[Callable[[], StoryJob | Prepared]],
        finish: FinishFn,
        sizes: Sequence[int] | None = None,
    ) -> list[BackendError | None]:
        """All stories at once under the one concurrency limit; each story's next step starts
        as soon as its inputs are ready, and ``finish`` (verification, CPU-bound and
        synchronous, calling the judge) runs in a worker thread as soon as its claims are.

        ``jobs`` prepare the stories (CPU work, in one worker thread): with ``sizes`` (e.g.
        each story's articles), smallest first, so the server has work at once and the slow
        preparations of big stories overlap the calls of the small ones.

        Returns one entry per job: None when it was written and finished, else the
        BackendError that made it fail (the caller leaves that story out).
        """
        self.collapse_rounds = 0
        limited = self.client
        assert isinstance(limited, LimitedClient)

        async def one(n: int) -> BackendError | None:
            try:
                claims = await self._section(jobs[n])
                await asyncio.to_thread(_gated(self._gate, VERIFY, finish), n, claims)
            except BackendError as exc:
                return exc
            return None

        order = list(range(len(jobs))) if sizes is None else smallest_first(sizes)
        # one thread prepares the stories, and behind the gate only one thread (preparing or
        # verifying) runs at a time: more would not add CPU (the GIL) but would starve the
        # event loop that sends and receives the calls
        self._gate = CpuGate()
        limited.bind(self._gate)
        self._cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare")
        finished = False
        try:
            with quick_handoff():
                tasks = {n: asyncio.ensure_future(one(n)) for n in order}  # in this order
                results = list(await asyncio.gather(*(tasks[n] for n in range(len(jobs)))))
                finished = True
                return results
        finally:
            # every job done: its thread ends now, so the next briefing in this process (serve,
            # the library) may fork for dedup again (forked runs with no other thread); after an
            # error a job may still run, and waiting here could block the loop it needs
            self._cpu.shutdown(wait=finished)
            self._cpu = self._gate = None
            limited.unbind()
            await aclose(limited)

    def reads(self, articles: list[Article], words: int) -> list[str] | None:
        """The ids of the sentences one reduce call of a briefing story reads (see ``_direct``);
        None when the story needs the map stage. Pure CPU: a forked child may work it out."""
        if not articles:
            return None
        budgets = self.budgets("briefing", max_words=words, sentences=None)
        direct = self._direct(articles, budgets, words)
        return None if direct is None else [p.cites[0] for p in direct]

    def _direct(self, articles: list[Article], budgets: Budgets, words: int) -> list[Point] | None:
        """What one reduce call can read directly: every sentence when they fit, else (with
        ``select``) the most central ones; None when the story needs the map stage."""
        direct = [_point(s) for a in articles for s in a.sentences]
        if _fits(direct, budgets.reduce):
            return direct
        if not self.select:
            return None
        chosen = _select(articles, min(budgets.reduce, SOURCE_TOKENS_PER_WORD * words))
        return chosen if _fits(chosen, budgets.reduce) else None

    # -- budgets -------------------------------------------------------------------------------

    def budgets(self, kind: str, *, max_words: int | None, sentences: int | None) -> Budgets:
        """Split the context window: prompt text, output reserve, a safety margin, the rest data.

        Raises:
            ConfigError: the window is too small for any data.
        """
        window = self.context_window
        free = int(window * (1 - MARGIN))
        if kind == "blurb":
            final_output = 120 * (sentences or 3) + 200
            final_prompt = load_prompt("blurb")
        else:
            final_output = int(2.5 * (max_words or 250)) + 200
            final_prompt = load_prompt("reduce")
        final_output = min(final_output, free // 3)
        chunk = free - _overhead(load_prompt("map")) - MAP_OUTPUT
        collapse = free - _overhead(load_prompt("collapse")) - COLLAPSE_OUTPUT
        reduce = free - _overhead(final_prompt) - final_output
        if min(chunk, collapse, reduce) < 200:
            raise ConfigError(
                f"context window of {window} tokens is too small for the prompts; "
                "pass a larger --context-window"
            )
        return Budgets(
            context_window=window,
            chunk=self.chunk_tokens or min(chunk, CHUNK_CAP),
            reduce=self.reduce_tokens or reduce,
            collapse=collapse,
            final_output=final_output,
        )

    # -- steps -----------------------------------------------------------------------------------

    async def _map_all(self, articles: list[Article], budgets: Budgets) -> list[Point]:
        chunks = chunk_articles(articles, budgets.chunk)
        titles = {a.id: a.title or "untitled" for a in articles}
        results = await asyncio.gather(*(self._map(c, titles[c.article_id]) for c in chunks))
        points = [p for r in results for p in r]
        if not points:
            raise UnusableAnswerError(
                f"the model gave no usable key points for any of {len(chunks)} chunks: "
                + "; ".join(self.problems[-3:])
            )
        return points

    async def _map(self, chunk: Chunk, title: str) -> list[Point]:
        ids = LocalIds()
        limit = max(3, min(MAX_POINTS, len(chunk.sentences) // 3))
        first = chunk.sentences[0]
        values: dict[str, object] = {
            "title": _data(title),
            "sentences": _render_sentences(chunk.sentences, ids),
            "max_points": limit,
            "example": _example("points", Point(text=first.text, cites=[first.id]), ids),
        }
        items = await self._ask(
            load_prompt("map"), values, Points, ids, _output(limit), limit, f"chunk {chunk.id}"
        )
        return [Point(text=i.text, cites=i.cites) for i in items]

    async def _collapse(self, points: list[Point], budgets: Budgets) -> list[Point]:
        """Merge points in rounds until they fit the reduce budget; each round must shrink."""
        for _ in range(MAX_COLLAPSE_ROUNDS):
            size = _tokens(points)
            if size <= budgets.reduce:
                return points
            groups = _pack(points, budgets.collapse)
            self.collapse_rounds += 1
            log.info(
                "collapse round %d: %d points (%d tokens) in %d groups",
                self.collapse_rounds,
                len(points),
                size,
                len(groups),
            )
            merged = await asyncio.gather(*(self._collapse_group(g) for g in groups))
            new = [p for group in merged for p in group]
            if len(new) >= len(points) or _tokens(new) >= size:
                raise BackendError(
                    f"collapsing {len(points)} key points did not shrink them "
                    f"({size} -> {_tokens(new)} tokens); raise --context-window"
                )
            points = new
        if _tokens(points) <= budgets.reduce:
            return points
        raise BackendError(
            f"key points still exceed the reduce budget ({_tokens(points)} > {budgets.reduce} "
            f"tokens) after {MAX_COLLAPSE_ROUNDS} collapse rounds; raise --context-window"
        )

    async def _collapse_group(self, group: list[Point]) -> list[Point]:
        if len(group) < 2:
            return group
        limit = min(len(group) // 2, MAX_MERGED)
        ids = LocalIds()
        values: dict[str, object] = {
            "points": _render_points(group, ids),
            "max_points": limit,
            "example": _example("points", group[0], ids),
        }
        items = await self._ask(
            load_prompt("collapse"), values, Points, ids, _output(limit), limit, "collapse"
        )
        if not items:
            raise UnusableAnswerError(
                "the model gave no usable merged points: " + self.problems[-1]
            )
        return [Point(text=i.text, cites=i.cites) for i in items[:limit]]

    async def _final_reduce(
        self, points: list[Point], title: str, max_words: int, budgets: Budgets
    ) -> list[Item]:
        ids = LocalIds()
        values: dict[str, object] = {
            "title": _data(title),
            "points": _render_points(points, ids),
            "max_words": max_words,
            "example": _example("claims", points[0], ids),
        }
        limit = max(2, max_words // WORDS_PER_CLAIM)
        items = await self._ask(
            load_prompt("reduce"), values, Claims, ids, budgets.final_output, limit, "reduce"
        )
        if not items:
            raise UnusableAnswerError(
                "the model gave no usable briefing claims: " + self.problems[-1]
            )
        return self._within_words(items, max_words, "reduce")

    async def _final_blurb(
        self,
        points: list[Point],
        title: str,
        sentences: int | None,
        max_words: int | None,
        budgets: Budgets,
    ) -> list[Item]:
        n = sentences or 3
        length = f"Exactly {n} claims" if max_words is None else f"At most {max_words} words"
        ids = LocalIds()
        values: dict[str, object] = {
            "title": _data(title),
            "items": _render_points(points, ids),
            "length": length,
            "example": _example("claims", points[0], ids),
        }
        limit = n if max_words is None else None
        items = await self._ask(
            load_prompt("blurb"), values, Claims, ids, budgets.final_output, limit, "blurb"
        )
        if not items:
            raise UnusableAnswerError(
                "the model gave no usable summary claims: " + self.problems[-1]
            )
        items = items[:n] if max_words is None else self._within_words(items, max_words, "blurb")
        return items

    def _within_words(self, items: list[Item], max_words: int, what: str) -> list[Item]:
        """The claims that fit the word budget (``_within_words``); when none does, a problem
        says so, as the embedded engine's "no sentence fits" does."""
        kept = _within_words(items, max_words)
        if items and not kept:
            shortest = min(word_count(i.text) for i in items)
            self.problems.append(
                f"{what}: no claim fits in {max_words} words (the shortest has {shortest}); "
                "raise --max-words"
            )
        return kept

    # -- asking, validating, re-asking ------------------------------------------------------------

    async def _ask(
        self,
        prompt: Prompt,
        values: dict[str, object],
        shape: type[Points] | type[Claims],
        ids: LocalIds,
        max_tokens: int,
        limit: int | None,
        what: str,
    ) -> list[Item]:
        """Ask once, re-ask once with the error stated, then salvage what is valid (or nothing).

        The DATA shows ``ids``' short ids; the items returned cite the sentence ids again.
        """
        allowed = set(ids.real)
        # every item is held to the words of the sentences it cites (``_unfit``): claims, the
        # text shown, and the key points that feed them, which a looping map or collapse
        # answer made thousands of words long, filling the reduce call's budget with a loop
        sizes = {
            short: word_count(self._sentences[real].text)
            for short, real in ids.real.items()
            if real in self._sentences
        }
        messages = prompt.render(**values)
        schema = answer_schema(shape, max_items=limit)

        def read(answer: Completion) -> list[Item]:
            return _parse(
                answer, shape, allowed, limit, instructions=messages[0].content, sizes=sizes
            )

        try:
            items = await ask_with_reask(
                self.client,
                lambda sent: self._complete(sent, schema, max_tokens, prompt.label),
                messages,
                read,
                what=what,
                followup=lambda answer, reason: _reask(answer, reason, allowed),
            )
        except Invalid as bad:
            self.partial = True
            kept = "kept the valid part" if bad.usable else "skipped"
            why = bad.reason
            if why == REASONING_SPENT:  # the user's to fix, by a setting the model never sees
                why += (
                    f" ({max_tokens + self.reasoning_tokens} tokens; reasoning_tokens in the "
                    f"config file, now {self.reasoning_tokens}, adds more to every call)"
                )
            self.problems.append(f"{what}: {why} (after one re-ask; {kept})")
            return ids.back(bad.usable)
        return ids.back(items)

    async def _complete(
        self, messages: list[Message], schema: dict[str, Any], max_tokens: int, label: str
    ) -> Completion:
        answer = await self.client.complete(
            messages,
            schema=schema,
            max_tokens=max_tokens + self.reasoning_tokens,
            temperature=0.0,
            prompt=label,
        )
        self._count(answer)
        return answer

    def _count(self, answer: Completion) -> None:
        count_answer(self.usage, self.client.model, answer, self.prices)


# -- helpers -------------------------------------------------------------------------------------


PREPARE, VERIFY = 0, 1  # CPU gate priorities: a story's call waits for its preparation


def smallest_first(sizes: Sequence[int]) -> list[int]:
    """The order a graph prepares its stories in: smallest first, so the server has work at
    once and the slow preparations of big stories overlap the calls of the small ones."""
    return sorted(range(len(sizes)), key=lambda n: sizes[n])


def _point(sentence: Sentence) -> Point:
    """A sentence as a point a reduce call reads directly (it cites itself)."""
    return Point(text=sentence.text, cites=[sentence.id])


def _gated(gate: CpuGate | None, priority: int, fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` run behind the graph's CPU gate (as is outside a graph)."""
    if gate is None:
        return fn

    def run(*args: Any) -> T:
        with gate.hold(priority):
            return fn(*args)

    return run


def _select(articles: list[Article], tokens: int) -> list[Point]:
    """The story's most central sentences (the embedded engine's choice), in reading order,
    at most ``tokens`` long as the reduce renders them.

    One selection for a generous word budget, then the longest prefix of its pick order
    (most important first) that fits: no re-running the engine with smaller budgets.
    """
    from .extractive import select_sentences

    words = max(40, int(tokens * 0.75))  # rendered ids and sub-word tokens take the rest
    leads = [a.model_copy(update={"sentences": a.sentences[:SELECT_FROM_FIRST]}) for a in articles]
    picked = select_sentences(leads, max_words=words)
    kept: list[Sentence] = []
    used = 0
    for s in picked:
        n = count_tokens(_render_sentences([s])) + 1  # + the newline that joins the lines
        if kept and used + n > tokens:
            break
        kept.append(s)
        used += n
    # reading order: articles by their first pick, each article's sentences in order
    first: dict[str, int] = {}
    for n, s in enumerate(kept):
        first.setdefault(s.article_id, n)
    kept.sort(key=lambda s: (first[s.article_id], s.index))
    return [_point(s) for s in kept]


def _data(text: str) -> str:
    """Neutralise anything in article text that looks like our data delimiters."""
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


class LocalIds:
    """Short ids for one call's DATA ("1", "2", ... in order of appearance), mapped back to
    the sentence ids after parsing: an id such as ``ac935ad274.s5dc7babd`` costs about 12
    tokens in every line of every prompt, a number one or two."""

    def __init__(self) -> None:
        self.real: dict[str, str] = {}  # short id -> sentence id
        self._short: dict[str, str] = {}

    def __call__(self, sentence_id: str) -> str:
        short = self._short.get(sentence_id)
        if short is None:
            short = self._short[sentence_id] = str(len(self._short) + 1)
            self.real[short] = sentence_id
        return short

    def back(self, items: list[Item]) -> list[Item]:
        """The items citing sentence ids (every cite was checked to be a short id shown)."""
        return [Item(text=i.text, cites=[self.real[c] for c in i.cites]) for i in items]


def _render_sentences(sentences: list[Sentence], ids: LocalIds | None = None) -> str:
    ids = LocalIds() if ids is None else ids
    return "\n".join(f"[{ids(s.id)}] {_data(s.text)}" for s in sentences)


def _render_points(points: list[Point], ids: LocalIds | None = None) -> str:
    ids = LocalIds() if ids is None else ids
    return "\n".join(f"[{', '.join(ids(c) for c in p.cites)}] {_data(p.text)}" for p in points)


def _tokens(points: list[Point]) -> int:
    return count_tokens(_render_points(points))


def _fits(points: list[Point], budget: int) -> bool:
    """``_tokens(points) <= budget``, without tokenizing a text far too long to fit (English
    averages about 4 characters a token; more than 8 per token over a whole text is unheard of)."""
    text = _render_points(points)
    if len(text) > 8 * budget:
        return False
    # every token covers at least one byte of UTF-8: a text of at most ``budget`` bytes fits
    return len(text.encode("utf-8")) <= budget or count_tokens(text) <= budget


def _overhead(prompt: Prompt) -> int:
    """Tokens of the prompt without its data, plus room for a schema stated in the prompt."""
    return _overhead_of(prompt.system, prompt.user)


@functools.cache
def _overhead_of(system: str, user: str) -> int:
    """Prompts are few and fixed: count each once per process, not once per story."""
    return count_tokens(system) + count_tokens(user) + 300


def _output(limit: int) -> int:
    """Tokens to reserve for an answer of at most ``limit`` items."""
    return ANSWER_BASE + ITEM_TOKENS * limit


def _pack(points: list[Point], budget: int) -> list[list[Point]]:
    """Consecutive groups that fit ``budget`` tokens and merge into at most MAX_MERGED points,
    at least two points each (so that every group can shrink); a lone last point joins its
    neighbour."""
    groups: list[list[Point]] = []
    current: list[Point] = []
    for p in points:
        full = len(current) >= 2 * MAX_MERGED
        if len(current) >= 2 and (full or _tokens([*current, p]) > budget):
            groups.append(current)
            current = []
        current.append(p)
    if current:
        groups.append(current)
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2].extend(groups.pop())
    return groups


def _within_words(items: list[Item], max_words: int) -> list[Item]:
    """Whole claims in order, as many as fit the word budget (``text.fit_words``). The first
    one was always kept, however long: a looping model's 1,756-word claim was a 40-word
    blurb."""
    fits = fit_words((i.text for i in items), max_words)
    return [item for item, fit in zip(items, fits, strict=True) if fit]


def _repeats(text: str) -> bool:
    """Whether the same REPEAT_RUN words in a row occur twice in ``text`` (a model's loop)."""
    tokens = words(text)
    seen: set[tuple[str, ...]] = set()
    for i in range(len(tokens) - REPEAT_RUN + 1):
        run = tuple(tokens[i : i + REPEAT_RUN])
        if run in seen:
            return True
        seen.add(run)
    return False


def _unfit(item: Item, sizes: dict[str, int]) -> str | None:
    """Why an item is no sentence of a summary (it loops, or is far longer than what it
    cites), or None. ``sizes``: words of each id's sentence; ids without one are not held."""
    if _repeats(item.text):
        return f"repeats itself (the same {REPEAT_RUN} words in a row come again)"
    cited = [sizes[c] for c in item.cites if c in sizes]
    if not cited:
        return None
    most = int(LONG_RATIO * sum(cited)) + LONG_SLACK
    words = word_count(item.text)
    if words > most:
        return (
            f"is too long: {words} words, where the sentences it cites have {sum(cited)} "
            f"together (at most {most})"
        )
    return None


def _parse(
    answer: Completion,
    shape: type[Points] | type[Claims],
    allowed: set[str],
    limit: int | None,
    *,
    instructions: str = "",
    sizes: dict[str, int] | None = None,
) -> list[Item]:
    """Validate an answer; raise Invalid with a reason the model can act on.

    ``sizes`` (words of each id's sentence) holds every item, point or claim, to a length and
    rejects loops (``_unfit``)."""
    if answer.finish_reason == "length":
        # thinking to the limit: no answer at all (``content: null`` beside the reasoning, or
        # an unclosed <think> as the whole content), not a long one to shorten
        if answer.no_text == REASONING_SPENT or (answer.text.strip() and not answer_part(answer)):
            raise Invalid(REASONING_SPENT)
        raise Invalid("the answer was cut off at the token limit; give fewer, shorter items")
    if answer.no_text:  # a refusal, a tool call, nothing, or a filter cut the text short
        raise Invalid(answer.no_text)
    try:
        data = extract_json(answer.text)
    except ValueError as exc:
        raise Invalid(str(exc)) from None
    try:
        parsed = shape.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise Invalid(f"the JSON does not match the shape: {where}: {first['msg']}") from None
    items = parsed.points if isinstance(parsed, Points) else parsed.claims
    for item in items:
        cites = dict.fromkeys(c.strip().strip("[]").strip() for c in item.cites)
        item.cites = list(cites)[:MAX_CITES]
    if not items:
        raise Invalid("the answer has no items")
    echoes = [i for i in items if _echoes(i.text, instructions)]
    bad = sorted({c for i in items for c in i.cites if c not in allowed})
    unfit: dict[int, str] = {}
    if sizes is not None:
        unfit = {n: why for n, i in enumerate(items, 1) if (why := _unfit(i, sizes))}
    usable = [
        Item(text=i.text, cites=[c for c in i.cites if c in allowed])
        for n, i in enumerate(items, 1)
        if any(c in allowed for c in i.cites) and i not in echoes and n not in unfit
    ]
    if echoes:  # small models copy the example shape's text instead of writing their own
        raise Invalid(
            f"it copies the instructions instead of stating facts from the DATA: "
            f"{echoes[0].text!r}",
            usable,
        )
    if bad:
        raise Invalid(f"it cites ids that are not in the DATA: {', '.join(bad[:5])}", usable)
    if unfit:  # no summary's sentence: a loop, or far longer than all it cites
        n, why = next(iter(unfit.items()))
        more = f" ({len(unfit)} items are unfit)" if len(unfit) > 1 else ""
        raise Invalid(f"item {n} {why}{more}", usable)
    if len(usable) < len(items):
        raise Invalid("every item must cite at least one id from the DATA", usable)
    if limit is not None and len(items) > limit:
        raise Invalid(f"it has {len(items)} items; at most {limit} are allowed", items[:limit])
    return items


def answer_part(answer: Completion) -> str:
    """The answer's text without a reasoning model's thinking in it."""
    return strip_reasoning(answer.text).strip()


def _example(key: str, first: Point, ids: LocalIds) -> str:
    """The answer shape shown to the model, filled with the DATA's first item.

    A small model copies its example; copying a real item with its own ids is a supported
    claim, where copying a made-up placeholder is noise. The text is JSON-quoted (data, not
    instructions) and its delimiters are neutralised like all article text.
    """
    item = {"text": _data(first.text), "cites": [ids(c) for c in first.cites[:MAX_CITES]]}
    return json.dumps({key: [item]}, ensure_ascii=False)


def _echoes(text: str, instructions: str) -> bool:
    """Whether an item's text is a piece of the instructions (e.g. the example's text)."""
    norm = " ".join(text.lower().split()).strip(" .")
    return len(norm) >= 12 and norm in " ".join(instructions.lower().split())


def _reask(answer: Completion, reason: str, allowed: set[str]) -> list[Message]:
    """The follow-up messages of the one re-ask, with the ids the answer may cite."""
    ids = ", ".join(sorted(allowed, key=lambda c: (len(c), c))[:40])
    return reask_messages(answer, reason, f"The ids you may cite are: {ids}.")


def _claim(item: Item, index: dict[str, Sentence]) -> Claim:
    """A Claim whose citation texts are the exact source sentences, looked up by id."""
    return Claim(
        text=item.text.strip(),
        citations=[
            Citation(sentence_id=i, article_id=index[i].article_id, text=index[i].text)
            for i in item.cites
        ],
    )


__all__ = ["Budgets", "LLMWriter", "Prepared", "StoryJob", "run_sync", "smallest_first"]
