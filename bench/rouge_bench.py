"""ROUGE of the embedded extractive engine against human multi-document summaries, vs Lead.

Usage::

    python bench/rouge_bench.py ../shared/eval/clusters-dev/multiling2011_en_clusters.jsonl \
        [--words 250 100] [-v] [--loco [--grid NAME=v1,v2 ...] [--save F] [--against F]]

Also reads DUC 2003 task 2 (``duc2003_clusters.jsonl``: 28 clusters of about 10 news
articles, 4 human summaries of ~100 words each), never used for tuning the engine.

For each topic cluster (10 WikiNews articles, 3 human summaries of ~250 words) it builds
Articles with ``summarizer.make_article(text, file=doc_id)`` and runs, in the same process:

- engine: ``summarizer.extractive.summarize(articles, max_words=W)`` on the whole cluster.
  The engine is called directly, not through ``summarizer.briefing()``, because story
  clustering would be free to split a topic into several stories (each with a share of the
  budget) and the verifier may hide claims; this benchmark measures the engine's selection
  alone. ``--via-briefing`` runs the full pipeline instead and reports how many stories it made.
- lead: the first sentence of each article, then the second of each, ... (round robin, in
  cluster order) until W words. Sentences under ``extractive.MIN_WORDS`` words (datelines such
  as "Saturday, January 8, 2005") are skipped, as the engine skips them, so that Lead is not
  handicapped by furniture the engine never sees.

Both outputs are truncated to exactly W words before scoring. Scores come from ``rouge-score``
(ROUGE-1 and ROUGE-2, ``use_stemmer=True``); with 3 references per cluster each score is the
AVERAGE over the references (not the max), then the mean over clusters is printed.
Seconds per cluster time the summarising call only (articles are built beforehand).

Each table ends with a paired comparison of the clusters' ROUGE-2 recall (mean difference,
wins/ties/losses, exact two-sided sign-flip p-value). With 10 clusters a mean difference needs
to be consistent across clusters to mean anything; p < 0.05 is out of reach for small gains.

``--loco`` adds leave-one-cluster-out parameter selection (see ``loco()``): for each cluster,
the grid setting best on the other nine is scored on it. That is the honest number to compare
engine versions by; the defaults' own score is fitted to the very clusters it is scored on.

Results when written (2 cores), mean over the 10 clusters, engine defaults:

    words  system  R1-R    R1-F    R2-R    R2-F    s/cluster  R2-R wins vs lead
    250    engine  0.5114  0.5091  0.2258  0.2248  0.03       6/10
    250    lead    0.5034  0.5010  0.2169  0.2159  0.00
    100    engine  0.2428  0.3475  0.1083  0.1553  0.03       4/10
    100    lead    0.2419  0.3446  0.1061  0.1514  0.00

Held-out R2-R under ``--loco`` (default grid, 27 settings), selecting on 250+100 words:
0.2229 (250), 0.1049 (100); selecting on 50 100 150 200 250 400 words, where every fold picks
POSITION_BONUS 6, LENGTH_EXPONENT 0.6, LEAD_CONCEPT_BONUS 0: 0.0575 0.1074 0.1611 0.1925
0.2288 0.2776 (lead: 0.0605 0.1061 0.1459 0.1821 0.2169 0.2655). Lead is strong on this set (the
human summaries lean on the articles' first sentences); the engine before this benchmark scored
R2-R 0.175 (250) and 0.087 (100).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

import summarizer
from summarizer import extractive
from summarizer.models import Article
from summarizer.text import word_count

METRICS = ("rouge1", "rouge2")
Scores = dict[str, float]
Params = dict[str, float]

# The engine's parameters searched by --loco, a few values each around the defaults. Kept small:
# with 10 clusters a big grid would only find noise. Override with --grid NAME=v1,v2,...
DEFAULT_GRID: dict[str, list[float]] = {
    "POSITION_BONUS": [1.5, 3.0, 6.0],
    "LENGTH_EXPONENT": [0.4, 0.6, 0.8],
    "LEAD_CONCEPT_BONUS": [0.0, 1.0, 2.0],
}


@dataclass
class Cluster:
    topic: str
    articles: list[Article]
    refs: list[str]


def load(path: Path) -> list[Cluster]:
    out = []
    for line in path.read_text().splitlines():
        if line.strip():
            raw = json.loads(line)
            # MultiLing 2011 (topic_id, doc_id) or DUC 2003 task 2 (cluster_id, docno)
            articles = [
                summarizer.make_article(d["text"], file=d.get("doc_id") or d["docno"])
                for d in raw["docs"]
            ]
            name = raw.get("topic_id") or raw["cluster_id"]
            out.append(Cluster(name, articles, [r["text"] for r in raw["references"]]))
    return out


def lead(articles: list[Article], max_words: int) -> str:
    """Round-robin lead sentences until the budget is reached."""
    queues = [
        [s.text for s in a.sentences if word_count(s.text) >= extractive.MIN_WORDS]
        for a in articles
    ]
    out: list[str] = []
    used = 0
    depth = 0
    while used < max_words and any(depth < len(q) for q in queues):
        for q in queues:
            if depth < len(q) and used < max_words:
                out.append(q[depth])
                used += word_count(q[depth])
        depth += 1
    return " ".join(out)


def engine(articles: list[Article], max_words: int, via_briefing: bool) -> tuple[str, int]:
    """The engine's summary text and the number of stories it was written as."""
    if via_briefing:
        result = summarizer.briefing(articles, max_words=max_words, backend="extractive")
        texts = [c.text for c in result.claims if c.shown]
        return " ".join(texts), len(result.stories)
    claims = extractive.summarize(articles, max_words=max_words)
    return " ".join(c.text for c in claims), 1


@contextmanager
def engine_params(params: Params) -> Iterator[None]:
    """Set the engine's module-level parameters for the duration of a run."""
    old = {name: getattr(extractive, name) for name in params}
    for name, value in params.items():
        setattr(extractive, name, type(old[name])(value))
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(extractive, name, value)


def truncate(text: str, max_words: int) -> str:
    return " ".join(text.split()[:max_words])


def score(scorer: rouge_scorer.RougeScorer, summary: str, refs: list[str]) -> Scores:
    """Recall and F1 of ROUGE-1/2, averaged over the references."""
    per_ref = [scorer.score(ref, summary) for ref in refs]
    out: Scores = {}
    for m in METRICS:
        out[f"{m}_r"] = statistics.mean(s[m].recall for s in per_ref)
        out[f"{m}_f"] = statistics.mean(s[m].fmeasure for s in per_ref)
    return out


EXACT_FLIPS = 16  # clusters up to which every sign flip is listed


def paired(a: list[float], b: list[float]) -> str:
    """Mean difference a - b over clusters, wins/ties/losses and a sign-flip p-value.

    The p-value is two-sided: the share of the 2**n ways of flipping the signs of the per-cluster
    differences whose mean is at least as far from 0 as the observed one; exact up to 16
    clusters, else from 100,000 random flips (seeded): DUC's 28 clusters listed 2**28 sign
    tuples and the bench was killed for memory after printing its table.
    """
    diffs = np.array([x - y for x, y in zip(a, b, strict=True)])
    observed = abs(diffs.mean())
    if len(diffs) <= EXACT_FLIPS:
        signs = np.array(list(itertools.product((1, -1), repeat=len(diffs))))
        how = "exact"
    else:
        signs = np.random.default_rng(0).choice((1, -1), size=(100_000, len(diffs)))
        how = "100,000 random flips"
    means = np.abs((signs * diffs).mean(axis=1))
    p = float((means >= observed - 1e-12).mean())
    wins = int((diffs > 0).sum())
    losses = int((diffs < 0).sum())
    return (
        f"mean diff {diffs.mean():+.4f}, wins/ties/losses "
        f"{wins}/{len(diffs) - wins - losses}/{losses}, sign-flip p={p:.3f} ({how})"
    )


def print_table(title: str, rows: dict[str, list[Scores]], seconds: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"{'system':<12} {'R1-R':>7} {'R1-F':>7} {'R2-R':>7} {'R2-F':>7} {'s/cluster':>10}")
    for name, scores in rows.items():
        means = {k: statistics.mean(s[k] for s in scores) for k in scores[0]}
        secs = f"{statistics.mean(seconds[name]):>10.3f}" if name in seconds else f"{'':>10}"
        print(
            f"{name:<12} {means['rouge1_r']:>7.4f} {means['rouge1_f']:>7.4f} "
            f"{means['rouge2_r']:>7.4f} {means['rouge2_f']:>7.4f} {secs}"
        )


def run(clusters: list[Cluster], budgets: list[int], via_briefing: bool, verbose: bool) -> None:
    """The engine with its current parameters vs Lead, on every cluster."""
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    for words in budgets:
        rows: dict[str, list[Scores]] = {"engine": [], "lead": []}
        seconds: dict[str, list[float]] = {"engine": [], "lead": []}
        stories: list[int] = []
        for cluster in clusters:
            t0 = time.perf_counter()
            text, n_stories = engine(cluster.articles, words, via_briefing)
            t1 = time.perf_counter()
            lead_text = lead(cluster.articles, words)
            t2 = time.perf_counter()
            stories.append(n_stories)
            seconds["engine"].append(t1 - t0)
            seconds["lead"].append(t2 - t1)
            for name, summary in (("engine", text), ("lead", lead_text)):
                rows[name].append(score(scorer, truncate(summary, words), cluster.refs))
            if verbose:
                e, ld = rows["engine"][-1], rows["lead"][-1]
                print(
                    f"  {cluster.topic}  engine R2-R {e['rouge2_r']:.4f}  "
                    f"lead R2-R {ld['rouge2_r']:.4f}"
                )
        mode = "briefing()" if via_briefing else "extractive.summarize()"
        print_table(
            f"{len(clusters)} clusters, {words} words, engine via {mode}, avg over refs",
            rows,
            seconds,
        )
        if via_briefing:
            print(f"stories per cluster: {stories}")
        r2 = {name: [s["rouge2_r"] for s in scores] for name, scores in rows.items()}
        wins = sum(e > ld for e, ld in zip(r2["engine"], r2["lead"], strict=True))
        print(f"engine beats lead on R2-R in {wins}/{len(clusters)} clusters")
        print(f"R2-R engine vs lead: {paired(r2['engine'], r2['lead'])}")


def loco(
    clusters: list[Cluster],
    budgets: list[int],
    grid: dict[str, list[float]],
    save: Path | None = None,
    against: Path | None = None,
) -> None:
    """Leave-one-cluster-out: score each cluster with the parameters best on the other ones.

    Every parameter setting in the grid is run on every cluster at every budget. For each held-out
    cluster, the setting with the highest mean ROUGE-2 recall on the other clusters (averaged over
    the budgets, since the engine has one set of parameters for all budgets) is chosen and scored
    on the held-out cluster only. The mean of those held-out scores estimates how well the engine
    does on unseen topics once tuned, without scoring parameters on the clusters they were fitted
    to. The in-sample best setting is printed too: the gap between the two is the over-fit.
    ``save`` writes the held-out ROUGE-2 recalls to a JSON file; ``against`` compares them, cluster
    by cluster, with such a file written by another version of the engine.
    """
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    names = list(grid)
    settings = [
        dict(zip(names, values, strict=True)) for values in itertools.product(*grid.values())
    ]
    print(f"\nleave-one-cluster-out over {len(settings)} settings of {', '.join(names)}")
    # table[setting][budget][cluster]
    table: list[dict[int, list[Scores]]] = []
    for params in settings:
        with engine_params(params):
            table.append(
                {
                    w: [
                        score(scorer, truncate(engine(c.articles, w, False)[0], w), c.refs)
                        for c in clusters
                    ]
                    for w in budgets
                }
            )
    leads = {
        w: [score(scorer, truncate(lead(c.articles, w), w), c.refs) for c in clusters]
        for w in budgets
    }

    def fit(idx: list[int]) -> int:
        def mean_r2(s: int) -> float:
            return statistics.mean(table[s][w][i]["rouge2_r"] for w in budgets for i in idx)

        return max(range(len(settings)), key=lambda s: (mean_r2(s), -s))

    saved: dict[str, list[float]] = {}
    previous = json.loads(against.read_text()) if against else {}
    everyone = list(range(len(clusters)))
    best_all = fit(everyone)
    chosen = [fit([j for j in everyone if j != i]) for i in everyone]
    print(f"in-sample best: {settings[best_all]}")
    for i, c in enumerate(clusters):
        print(f"  {c.topic} held out: {settings[chosen[i]]}")
    for w in budgets:
        held_out = [table[chosen[i]][w][i] for i in everyone]
        rows = {"engine-loco": held_out, "engine-best": table[best_all][w], "lead": leads[w]}
        print_table(f"{len(clusters)} clusters, {w} words, leave-one-cluster-out", rows, {})
        r2 = {name: [s["rouge2_r"] for s in scores] for name, scores in rows.items()}
        for i, c in enumerate(clusters):
            print(
                f"  {c.topic}  loco R2-R {r2['engine-loco'][i]:.4f}  lead R2-R {r2['lead'][i]:.4f}"
            )
        print(f"R2-R loco vs lead: {paired(r2['engine-loco'], r2['lead'])}")
        saved[str(w)] = r2["engine-loco"]
        if str(w) in previous:
            print(f"R2-R loco vs {against}: {paired(r2['engine-loco'], previous[str(w)])}")
    if save:
        save.write_text(json.dumps(saved, indent=1))


def parse_grid(specs: list[str]) -> dict[str, list[float]]:
    grid: dict[str, list[float]] = {}
    for spec in specs:
        name, _, values = spec.partition("=")
        if not hasattr(extractive, name) or not values:
            raise SystemExit(f"Error: --grid {spec}: expected NAME=v1,v2 with an engine parameter")
        grid[name] = [float(v) for v in values.split(",")]
    return grid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "clusters", type=Path, help="multiling2011_en_clusters.jsonl or duc2003_clusters.jsonl"
    )
    parser.add_argument("--words", type=int, nargs="+", default=[250], help="word budgets")
    parser.add_argument("--via-briefing", action="store_true", help="run the whole pipeline")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-cluster ROUGE-2")
    parser.add_argument(
        "--loco", action="store_true", help="also run leave-one-cluster-out parameter selection"
    )
    parser.add_argument(
        "--grid", nargs="+", default=[], metavar="NAME=v1,v2", help="--loco grid (replaces default)"
    )
    parser.add_argument("--save", type=Path, help="--loco: write held-out R2-R to this JSON")
    parser.add_argument("--against", type=Path, help="--loco: compare with a --save file")
    args = parser.parse_args(argv)
    if not args.clusters.is_file():
        print(f"Error: {args.clusters}: no such file", file=sys.stderr)
        return 2
    clusters = load(args.clusters)
    run(clusters, args.words, args.via_briefing, args.verbose)
    if args.loco:
        grid = parse_grid(args.grid) if args.grid else DEFAULT_GRID
        loco(clusters, args.words, grid, args.save, args.against)
    return 0


if __name__ == "__main__":
    sys.exit(main())
