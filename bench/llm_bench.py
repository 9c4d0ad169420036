"""The LLM path at newsroom scale (not a test; run on demand), against the loopback fake server
(tests/fakeserver.py: ``--latency`` s per call plus ``--per-token`` s per output token, answers
that cite real ids parsed out of the prompt).

For each corpus size: a cold briefing with every story written, a warm rerun on the same cache,
and a naive map-reduce (every chunk of every article, no dedup, no stories, instructions of a
generic framework prompt) in the same run. Reports calls by kind, prompt / completion / schema
tokens, input tokens (schemas included) / unique source tokens, wall time against the lower
bound and their ratio, and requests in flight (mean/max).

Lower bound: max(all calls' modelled service seconds / concurrency, the longest story chain),
where a story's chain is the sum over its stages (map, collapse, reduce, judge) of its longest
call in that stage: what the run would take if every story ran at once with no waiting.

The server runs in a child process (``--server process``, the default), so its own CPU does
not compete with the client's for one interpreter lock; ``--server thread`` runs it in the
benchmark's process as before (its parsing and token counting then slow the client down and
show up as client time).

One untimed call first warms the process up (the HTTP stack's lazy imports, about 0.5 s of
CPU once per process). Corpora come from ../shared/eval/clusters-dev (DUC 2003 first, then
BASIL and MultiLing articles as originals), plus ``--copies`` (default 40%) edited syndicated
copies.

    python bench/llm_bench.py ../shared/eval/clusters-dev --sizes 10,100,1000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_bench import syndicate  # noqa: E402
from summarizer import dedup, pipeline, stories  # noqa: E402
from summarizer.chunking import chunk_articles  # noqa: E402
from summarizer.ingest import make_article  # noqa: E402
from summarizer.llm.base import Message  # noqa: E402
from summarizer.llm.limit import LimitedClient  # noqa: E402
from summarizer.llm.openai_backend import OpenAIClient  # noqa: E402
from summarizer.models import Article  # noqa: E402
from summarizer.settings import Settings  # noqa: E402
from summarizer.tokens import count_tokens  # noqa: E402
from tests.fakeserver import Call, FakeServer, ServerProcess  # noqa: E402

Server = FakeServer | ServerProcess

# A generic framework's map-reduce prompts (the shape of LangChain's defaults), for the naive run
NAIVE_MAP = "Write a concise summary of the following:\n\n{text}\n\nCONCISE SUMMARY:"
NAIVE_REDUCE = (
    "The following is a set of summaries:\n{text}\nTake these and distill it into a final, "
    "consolidated summary of the main themes.\nHelpful Answer:"
)
NAIVE_CHUNK = 1500
NAIVE_REDUCE_BUDGET = 3000


def originals(folder: Path) -> list[tuple[str, str | None]]:
    """(text, title) of the DUC 2003, then BASIL, then MultiLing articles, cluster by cluster."""
    out: list[tuple[str, str | None]] = []
    for line in (folder / "duc2003_clusters.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.extend((d["text"], None) for d in json.loads(line)["docs"])
    for line in (folder / "basil_events.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((row["text"], row.get("title") or None))
    for line in (folder / "multiling2011_en_clusters.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            out.extend((d["text"], None) for d in json.loads(line)["docs"])
    return out


def corpus(pool: list[tuple[str, str | None]], size: int, copies: float) -> list[Article]:
    """``size`` articles: the first originals of the pool, then edited syndicated copies."""
    rng = random.Random(7)
    n_orig = max(1, round(size * (1 - copies)))
    base = pool[:n_orig]
    records = [(t, title, f"Origin {i:04d}") for i, (t, title) in enumerate(base)]
    while len(records) < size:
        text, title = rng.choice(base)
        outlet = f"Outlet {len(records):05d}"
        records.append((syndicate(text, rng, outlet), title, outlet))
    rng.shuffle(records)
    return [make_article(t, title=title, source=o) for t, title, o in records]


def lower_bound(calls: list[Call], concurrency: int, story_of: dict[str, str]) -> float:
    """max(service seconds / concurrency, the longest story's chain of stages)."""
    total = sum(c.service for c in calls)
    longest: dict[tuple[str, str], float] = defaultdict(float)
    for c in calls:
        story = _story(c, story_of)
        longest[(story, c.stage)] = max(longest[(story, c.stage)], c.service)
    chains: dict[str, float] = defaultdict(float)
    for (story, _), seconds in longest.items():
        chains[story] += seconds
    return max(total / concurrency, max(chains.values(), default=0.0))


def _story(call: Call, story_of: dict[str, str]) -> str:
    """The story a call belongs to, from the cited texts its prompt quotes."""
    text = call.text
    for key, story in story_of.items():
        if key in text:
            return story
    return f"call-{call.n}"


def report(
    name: str,
    server: Server,
    wall: float,
    source_tokens: int,
    bound: float | None,
    every: list[Call] | None = None,
) -> dict[str, Any]:
    st = server.stats
    every = server.calls if every is None else every
    calls = [c for c in every if c.end]
    prompt = sum(c.prompt_tokens for c in calls)
    schema = sum(c.schema_tokens for c in calls)
    completion = sum(c.completion_tokens for c in calls)
    row: dict[str, Any] = {
        "run": name,
        "calls": dict(sorted(Counter(c.stage for c in every).items())),
        "prompt_tokens": prompt,
        "schema_tokens": schema,
        "completion_tokens": completion,
        "input_over_source": round((prompt + schema) / source_tokens, 3) if source_tokens else 0,
        "wall_s": round(wall, 2),
        # from the first request's arrival to the last answer: the LLM stage alone
        "llm_span_s": round(max(c.end for c in calls) - min(c.start for c in calls), 2)
        if calls
        else 0.0,
        "in_flight_mean": round(st.mean_in_flight(), 2),
        "in_flight_max": st.peak,
    }
    if bound is not None:
        row["lower_bound_s"] = round(bound, 2)
        row["wall_over_bound"] = round(wall / bound, 2) if bound else None
        row["llm_span_over_bound"] = round(row["llm_span_s"] / bound, 2) if bound else None
    return row


def _timeline(row: dict[str, Any], result: Any, marks: dict[str, float], every: list[Call]) -> None:
    """When the graph and its first and last calls ran, from the briefing's start; CPU used."""
    start = marks["started"]
    row["graph_s"] = result.usage.seconds
    row["graph_start_s"] = round(marks.get("graph", start) - start, 2)
    # what comes before any call can start: dedup, then clustering (and setting up the graph)
    if "stories" in marks:
        row["dedup_s"] = round(marks["stories"] - start, 2)
        row["stories_s"] = round(marks.get("graph", start) - marks["stories"], 2)
    calls = [c for c in every if c.end]
    if calls:
        row["first_call_s"] = round(min(c.start for c in calls) - start, 2)
        row["last_answer_s"] = round(max(c.end for c in calls) - start, 2)
    row["cpu_s"] = round(marks["cpu_s"], 2)


def count_stories(articles: list[Article]) -> int:
    """How many stories the briefing will have (dedup and clustering as the pipeline does)."""
    settings = Settings()
    unique = dedup.dedupe_articles(articles, threshold=settings.dedup_threshold)
    return len(stories.cluster_stories(unique, threshold=settings.story_threshold))


def run_briefing(
    server: Server, articles: list[Article], cache: Path, args: argparse.Namespace, n: int
) -> tuple[Any, float, dict[str, float]]:
    """The briefing with a word budget that writes every one of its ``n`` stories."""
    settings = Settings(
        backend="openai",
        base_url=server.url,
        model="fake-llm",
        concurrency=args.concurrency,
        max_words=args.words_per_story * n,
        cache_dir=cache,
        context_window=args.context_window,
        timeout=60,
    )
    started = time.monotonic()  # the fake server times calls with the same clock
    cpu = time.process_time()
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "dedup" and done == total:  # clustering starts
            marks["stories"] = time.monotonic()
        if stage == "write" and done == 0:
            marks["graph"] = time.monotonic()

    result = pipeline.briefing(articles, settings=settings, progress=progress)
    ended = time.monotonic()
    # the write-and-verify graph alone (dedup and clustering come before it)
    result.usage.seconds = round(ended - marks.get("graph", started), 2)
    # this process's CPU (the server's too when it runs in this process: --server thread)
    marks["cpu_s"] = time.process_time() - cpu
    marks["started"] = started
    return result, ended - started, marks


async def naive(server: Server, articles: list[Article], concurrency: int) -> None:
    """Map every chunk of every article (no dedup), then reduce the summaries in rounds."""
    client = LimitedClient(
        OpenAIClient(model="fake-llm", base_url=server.url, timeout=60), concurrency
    )
    schema = {
        "type": "object",
        "properties": {"points": {"type": "array", "items": {"type": "object"}}},
    }

    async def ask(text: str, template: str) -> str:
        msg = [Message(role="user", content=template.format(text=text))]
        answer = await client.complete(msg, schema=schema, max_tokens=512)
        return answer.text

    chunks = chunk_articles(articles, NAIVE_CHUNK)
    texts = [
        "<data>\n" + "\n".join(f"[{s.id}] {s.text}" for s in c.sentences) + "\n</data>"
        for c in chunks
    ]
    summaries = await asyncio.gather(*(ask(t, NAIVE_MAP) for t in texts))
    lines = [_lines(s) for s in summaries]
    while sum(count_tokens(x) for x in lines) > NAIVE_REDUCE_BUDGET and len(lines) > 1:
        groups: list[list[str]] = [[]]
        for line in lines:
            if groups[-1] and count_tokens("\n".join([*groups[-1], line])) > NAIVE_REDUCE_BUDGET:
                groups.append([])
            groups[-1].append(line)
        merged = await asyncio.gather(
            *(ask("<data>\n" + "\n".join(g) + "\n</data>", NAIVE_REDUCE) for g in groups)
        )
        new = [_lines(m) for m in merged]
        if len(new) >= len(lines):
            break
        lines = new
    await ask("<data>\n" + "\n".join(lines) + "\n</data>", NAIVE_REDUCE)
    await client.aclose()


def _lines(answer: str) -> str:
    try:
        items = json.loads(answer).get("points", [])
    except (ValueError, AttributeError):
        return answer
    return "\n".join(f"[{', '.join(i['cites'])}] {i['text']}" for i in items[:3])


def warm_up() -> None:
    """One call before any timed run: the HTTP stack's lazy imports and first client cost
    about 0.5 s of CPU once per process (as for a long-running service), not per briefing."""

    async def one(url: str) -> None:
        client = OpenAIClient(model="fake-llm", base_url=url, timeout=60)
        await client.complete([Message(role="user", content="<data>\n[1] Warm.\n</data>")])
        await client.aclose()

    with FakeServer() as server:
        asyncio.run(one(server.url))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("clusters", type=Path, help="the clusters-dev folder")
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--copies", type=float, default=0.4)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--per-token", type=float, default=0.002)
    parser.add_argument("--context-window", type=int, default=None)
    parser.add_argument(
        "--words-per-story",
        type=int,
        default=45,
        help="word budget = this x stories (at least 40 each, so every story is written)",
    )
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument(
        "--server",
        choices=("process", "thread"),
        default="process",
        help="run the fake server in a child process (default) or in this process",
    )
    args = parser.parse_args()
    warm_up()
    pool = originals(args.clusters)
    for size in (int(s) for s in args.sizes.split(",")):
        articles = corpus(pool, size, args.copies)
        n_stories = count_stories(articles)
        kind = ServerProcess if args.server == "process" else FakeServer
        with (
            tempfile.TemporaryDirectory() as tmp,
            kind(
                latency=args.latency, per_token=args.per_token, max_concurrent=args.concurrency
            ) as server,
        ):
            result, wall, marks = run_briefing(server, articles, Path(tmp), args, n_stories)
            calls = server.calls
            unique = result.usage.tokens_after_dedup
            # a call's story: the one whose cited sentences its prompt quotes (prompts number
            # their lines and show no sentence ids)
            story_of: dict[str, str] = {}
            for claim in result.claims:
                for cite in claim.citations:
                    story_of.setdefault(cite.text[:60], "")
            for story in result.stories:
                for claim in story.claims:
                    for cite in claim.citations:
                        story_of[cite.text[:60]] = story.id
            bound = lower_bound([c for c in calls if c.end], args.concurrency, story_of)
            print(f"\n== {size} articles ({args.copies:.0%} copies) ==")
            print(
                f"stories written: {len(result.stories)} of {n_stories}; "
                f"partial: {result.partial}; "
                f"source tokens {result.usage.tokens_before_dedup}, unique {unique}; "
                f"problems: {result.problems[:3]}"
            )
            cold = report("cold", server, wall, unique, bound, calls)
            _timeline(cold, result, marks, calls)
            cold["graph_over_bound"] = round(result.usage.seconds / bound, 2) if bound else None
            print(json.dumps(cold))
            server.reset()
            warm, warm_wall, marks = run_briefing(server, articles, Path(tmp), args, n_stories)
            calls = server.calls
            again = report("warm rerun", server, warm_wall, unique, None, calls)
            _timeline(again, warm, marks, calls)
            print(json.dumps(again))
            if not args.no_naive:
                server.reset()
                started = time.perf_counter()
                asyncio.run(naive(server, articles, args.concurrency))
                naive_wall = time.perf_counter() - started
                # throughput bound only (its map -> reduce rounds are not chained here)
                calls = server.calls
                naive_bound = lower_bound(calls, args.concurrency, {})
                row = report("naive", server, naive_wall, unique, naive_bound, calls)
                print(json.dumps(row))


if __name__ == "__main__":
    main()
