"""The blurbs job at archive scale (not a test; run on demand): articles/s on 1 and 2 workers.

Builds N articles (default 10,000) from the eval clusters' texts: each is an original with one
paragraph dropped at random and a paragraph order swap, so no two share a text, written as
JSON Lines. Then runs ``summarizer.jobs.run_job`` with the embedded engine on a Dask local
cluster of 1 and of 2 worker processes (cluster start-up timed apart), and a single-process
baseline (``summarizer.blurb`` in a loop) on a sample. Also prints the per-article figures that
docs/scale.md extrapolates from: input tokens per article and sentences per article.

    python bench/jobs_bench.py ../shared/eval/clusters-dev
    python bench/jobs_bench.py ../shared/eval/clusters-dev --articles 2000 --workers 1,2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer import blurb
from summarizer.jobs import open_client, record_article, run_job
from summarizer.llm.batch import Deferred, DeferringClient
from summarizer.models import Article
from summarizer.settings import Settings
from summarizer.tokens import count_tokens


def originals(folder: Path) -> list[str]:
    """Article texts of every clusters-dev file (docs lists and one-article-per-line files)."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            docs = row.get("docs") or [row]
            texts.extend(d["text"] for d in docs if len(d.get("text", "").split()) >= 80)
    return texts


def generate(texts: list[str], n: int, seed: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        if len(paras) > 3:
            paras.pop(rng.randrange(1, len(paras)))
            j = rng.randrange(1, len(paras) - 1)
            paras[j], paras[j + 1] = paras[j + 1], paras[j]
        text = "\n\n".join(paras) if len(paras) > 1 else paras[0] + f" (copy {i})"
        records.append({"id": f"bench-{i:06d}", "text": text, "source": f"outlet-{i % 37}"})
    return records


def first_call_tokens(articles: list[Article], model: str = "gpt-4o-mini") -> list[int]:
    """Prompt tokens (cl100k) of each article's first LLM blurb request, as the chain builds it.

    The chain's own request, captured by the Batch API's deferring client: messages plus the
    answer schema. Short articles (nearly all news) need this one call and no more.
    """
    settings = Settings(backend="openai", model=model, judge=False)
    sizes = []
    for a in articles:
        client = DeferringClient(model)
        with contextlib.suppress(Deferred):
            blurb(a, settings=settings, client=client)
        for req in client.pending.values():
            text = "".join(m.content for m in req.messages) + json.dumps(req.schema_)
            sizes.append(count_tokens(text))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clusters_dev", type=Path, help="../shared/eval/clusters-dev")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--baseline", type=int, default=300, help="articles in the 1-process loop")
    parser.add_argument("--no-job", action="store_true", help="per-article figures only")
    args = parser.parse_args()

    texts = originals(args.clusters_dev)
    records = generate(texts, args.articles)
    settings = Settings(backend="extractive")
    print(f"{len(texts)} originals -> {len(records)} articles")

    sample = records[: args.baseline]
    started = time.perf_counter()
    articles = [record_article(r) for r in sample]
    ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    for a in articles:
        blurb(a, settings=settings)
    write_s = time.perf_counter() - started
    tokens = [count_tokens(a.text) for a in articles]
    sents = [len(a.sentences) for a in articles]
    per = (ingest_s + write_s) / len(sample)
    print(
        f"baseline, 1 process, {len(sample)} articles: {1 / per:.1f} articles/s "
        f"(ingest {1000 * ingest_s / len(sample):.1f} ms + blurb {1000 * write_s / len(sample):.1f}"
        f" ms per article)"
    )
    print(
        f"per article: {statistics.mean(tokens):.0f} input tokens (median "
        f"{statistics.median(tokens):.0f}), {statistics.mean(sents):.1f} sentences"
    )

    calls = first_call_tokens(articles)
    print(
        f"LLM blurb request (gpt-4o-mini window, cl100k tokens): {len(calls)} requests for "
        f"{len(articles)} articles, mean {statistics.mean(calls):.0f} prompt tokens "
        f"(median {statistics.median(calls):.0f}, max {max(calls)})"
    )
    if args.no_job:
        return
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "archive.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        size_mb = src.stat().st_size / 1e6
        for workers in [int(w) for w in args.workers.split(",")]:
            started = time.perf_counter()
            client = open_client(workers=workers)
            startup = time.perf_counter() - started
            try:
                report = run_job(str(src), f"{tmp}/out-{workers}", settings=settings, client=client)
            finally:
                client.close()
            rates[workers] = report.computed / report.seconds
            print(
                f"{workers} worker(s): {report.computed} articles ({size_mb:.1f} MB, "
                f"{report.tasks} tasks, {report.parts} part files, {report.failed} failed) in "
                f"{report.seconds:.1f} s = {rates[workers]:.1f} articles/s "
                f"(cluster start-up {startup:.1f} s, not included)"
            )
    if 1 in rates and len(rates) > 1:
        for w, r in rates.items():
            if w != 1:
                print(f"scaling {w} vs 1 worker: {r / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
