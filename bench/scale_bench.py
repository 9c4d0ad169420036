"""Newsroom scale (not a test; run on demand): time and peak memory of ingest, dedup, clustering.

Builds corpora of N articles from the fixtures and the MultiLing articles (105 originals) plus
syndicated copies with small edits (headline tag, two words changed, sometimes a short last
paragraph cut, a credit line; each copy with its own outlet name), then measures each stage.
Time (wall and CPU) is measured without tracing; peak memory in a second run under tracemalloc.

    python bench/scale_bench.py ../shared/eval/clusters-dev/multiling2011_en_clusters.jsonl
    python bench/scale_bench.py ../shared/eval/clusters-dev/multiling2011_en_clusters.jsonl \
        --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from summarizer import dedup, stories
from summarizer.ingest import make_article
from summarizer.models import Article
from summarizer.tokens import count_tokens

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
SWAPS = [("said", "stated"), ("the ", "this "), ("on ", "during "), (" and ", " as well as ")]


def originals(multiling: Path) -> list[str]:
    """Raw texts of the five fixtures and the MultiLing English articles."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/articles").glob("*"))]
    for line in multiling.read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.extend(doc["text"] for doc in json.loads(line)["docs"])
    return texts


def syndicate(text: str, rng: random.Random, outlet: str) -> str:
    """A copy with small edits, as another outlet would run the wire story."""
    paras = text.strip().split("\n\n")
    paras[0] = f"{paras[0]} | {outlet}"
    words = len(text.split())
    if len(paras) > 4 and len(paras[-1].split()) < 0.15 * words and rng.random() < 0.3:
        paras = paras[:-1]  # cut a short last paragraph
    body = "\n\n".join(paras)
    for old, new in rng.sample(SWAPS, 2):
        body = body.replace(old, new, 1)
    return f"{body}\n\nDistributed to {outlet} by the wire."


def corpus(texts: list[str], size: int, seed: int = 7) -> list[tuple[str, str]]:
    """``size`` (text, outlet) records: every original once, then edited copies."""
    rng = random.Random(seed)
    records = [(t, f"Origin {i:03d}") for i, t in enumerate(texts)][:size]
    while len(records) < size:
        outlet = f"Outlet {len(records):05d}"
        records.append((syndicate(rng.choice(texts), rng, outlet), outlet))
    rng.shuffle(records)
    return records


class Took(float):
    """Wall seconds that also carry CPU seconds (the machine may be shared: CPU is steadier)."""

    cpu: float

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} s wall, {self.cpu:{spec}} s CPU"


def timed(fn: Callable[[], T]) -> tuple[T, Took]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    took = Took(time.perf_counter() - wall)
    took.cpu = time.process_time() - cpu
    return out, took


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak Python + numpy allocation (MiB) while ``fn`` runs."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run(texts: list[str], size: int) -> None:
    records = corpus(texts, size)
    articles, t_ingest = timed(lambda: [make_article(t, source=o) for t, o in records])
    print(f"\n== {size} articles ({sum(len(t.split()) for t, _ in records)} words)")
    print(
        f"ingest (clean + pysbd sentences): {t_ingest:7.2f}  "
        f"({t_ingest.cpu / size * 1e3:.1f} ms CPU/article)"
    )
    before = sum(count_tokens(a.text) for a in articles)

    kept, t_dedup = timed(lambda: dedup.dedupe_articles(articles))
    m_dedup = peak_mib(lambda: dedup.dedupe_articles(articles))
    print(
        f"dedup: {len(articles)} -> {len(kept)} articles (originals: {len(texts)})  "
        f"{t_dedup:7.2f}  peak {m_dedup:6.1f} MiB"
    )

    found, t_cluster = timed(lambda: stories.cluster_stories(kept))
    m_cluster = peak_mib(lambda: stories.cluster_stories(kept))
    print(
        f"stories (after dedup): {len(found)} stories  {t_cluster:7.2f}  peak {m_cluster:6.1f} MiB"
    )

    by_id = {a.id: a for a in kept}

    def merge_all() -> list[tuple[list[Article], dedup.Aliases]]:
        return [dedup.merge_sentences([by_id[i] for i in s.article_ids]) for s in found]

    merged, t_merge = timed(merge_all)
    aliases = sum(len(v) for _, al in merged for v in al.values())
    print(f"sentence merge per story: {aliases} aliases  {t_merge:7.2f}")
    after_docs = sum(count_tokens(a.text) for a in kept)
    after = sum(count_tokens(a.text) for members, _ in merged for a in members)
    print(
        f"tokens: before dedup {before}, after article dedup {after_docs}, after sentence "
        f"merge {after} ({100 * (1 - after / before):.1f}% saved)"
    )

    raw, t_raw = timed(lambda: stories.cluster_stories(articles))
    m_raw = peak_mib(lambda: stories.cluster_stories(articles))
    print(
        f"stress: stories on all {size} articles without dedup: {len(raw)} stories  "
        f"{t_raw:7.2f}  peak {m_raw:6.1f} MiB"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS so far: {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="multiling2011_en_clusters.jsonl")
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    texts = originals(args.clusters)
    print(f"originals: {len(texts)}")
    for raw in args.sizes.split(","):
        run(texts, int(raw))


if __name__ == "__main__":
    main()
