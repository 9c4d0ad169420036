"""Story clustering quality on MultiLing 2011 (not a test; run on demand).

Mixes the 100 English articles of the 10 topics, clusters them with ``stories.cluster_stories``
and prints the adjusted Rand index and purity against the topics, for a range of thresholds.

    python bench/cluster_bench.py ../shared/eval/clusters-dev/multiling2011_en_clusters.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from summarizer import dedup, stories
from summarizer.ingest import make_article
from summarizer.models import Article


def load_multiling(path: Path) -> tuple[list[Article], list[str]]:
    """All articles of the file, interleaved across topics, and their topic ids."""
    topics = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    articles: list[Article] = []
    labels: list[str] = []
    for k in range(max(len(t["docs"]) for t in topics)):
        for t in topics:  # interleave so no topic arrives in one block
            if k < len(t["docs"]):
                doc = t["docs"][k]
                articles.append(make_article(doc["text"], source=doc["doc_id"]))
                labels.append(t["topic_id"])
    return articles, labels


def adjusted_rand_index(truth: list[str], pred: list[str]) -> float:
    """Hubert and Arabie's ARI from the contingency table."""
    t_ids = {v: i for i, v in enumerate(dict.fromkeys(truth))}
    p_ids = {v: i for i, v in enumerate(dict.fromkeys(pred))}
    table = np.zeros((len(t_ids), len(p_ids)), dtype=np.int64)
    for a, b in zip(truth, pred, strict=True):
        table[t_ids[a], p_ids[b]] += 1

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    index = pairs(table)
    rows, cols = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = len(truth) * (len(truth) - 1) / 2
    expected = rows * cols / total if total else 0.0
    best = (rows + cols) / 2
    return 1.0 if best == expected else (index - expected) / (best - expected)


def purity(truth: list[str], pred: list[str]) -> float:
    """Share of articles whose cluster's majority topic is their own."""
    by_cluster: dict[str, Counter[str]] = {}
    for a, b in zip(truth, pred, strict=True):
        by_cluster.setdefault(b, Counter())[a] += 1
    return sum(c.most_common(1)[0][1] for c in by_cluster.values()) / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="multiling2011_en_clusters.jsonl")
    parser.add_argument("--thresholds", default="0.05,0.08,0.1,0.12,0.15,0.2")
    args = parser.parse_args()
    articles, labels = load_multiling(args.clusters)
    deduped = dedup.dedupe_articles(articles)
    print(f"articles: {len(articles)}, topics: {len(set(labels))}, after dedup: {len(deduped)}")
    topic_of = {a.id: t for a, t in zip(articles, labels, strict=True)}
    for raw in args.thresholds.split(","):
        t = float(raw)
        started = time.perf_counter()
        found = stories.cluster_stories(articles, threshold=t)
        secs = time.perf_counter() - started
        story_of = {aid: s.id for s in found for aid in s.article_ids}
        pred = [story_of[a.id] for a in articles]
        truth = [topic_of[a.id] for a in articles]
        default = " (default)" if t == stories.DEFAULT_STORY_THRESHOLD else ""
        print(
            f"threshold {t:.2f}{default}: stories {len(found):3d}  "
            f"ARI {adjusted_rand_index(truth, pred):.3f}  purity {purity(truth, pred):.3f}  "
            f"{secs * 1000:.0f} ms"
        )
        if default:
            split = {k: len({p for p, q in zip(pred, truth, strict=True) if q == k}) for k in truth}
            print("  stories per topic:", " ".join(f"{k}:{v}" for k, v in sorted(split.items())))


if __name__ == "__main__":
    main()
