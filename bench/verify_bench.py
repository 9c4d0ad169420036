"""Benchmark the verifier on SummaC-style data: balanced accuracy and runtime per document.

Not a test: run on demand with the path of the verifier-dev folder (never copied into the repo):

    python bench/verify_bench.py ../shared/eval/verifier-dev
    python bench/verify_bench.py ../shared/eval/verifier-dev --grid      # threshold sweep
    python bench/verify_bench.py ../shared/eval/verifier-dev --judge     # with an LLM judge

Each row is (document, summary, label). The summary is verified as an editor's draft against
the document with ``summarizer.verify``; it is predicted consistent when every sentence is
supported. Balanced accuracy is the mean of the recall on each class, as on the SummaC and
LLM-AggreFact leaderboards.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarizer import checks, make_article, verify
from summarizer.errors import InputError
from summarizer.verify import TOP_K


def balanced_accuracy(labels: list[bool], preds: list[bool]) -> float:
    pos = [p for y, p in zip(labels, preds, strict=True) if y]
    neg = [not p for y, p in zip(labels, preds, strict=True) if not y]
    recalls = [sum(x) / len(x) for x in (pos, neg) if x]
    return sum(recalls) / len(recalls)


def _rate(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):7.3f}" if hits else "    n/a"


def load(path: Path, limit: int | None) -> list[dict]:
    rows = list(json.loads(path.read_text(encoding="utf-8")).values())
    if not limit:
        return rows
    # half of each label, in file order, so balanced accuracy stays defined on a small sample
    pos = [r for r in rows if str(r["label"]) == "1"][: (limit + 1) // 2]
    neg = [r for r in rows if str(r["label"]) != "1"][: limit // 2]
    return pos + neg


def run(
    rows: list[dict], *, top_k: int, judge: object | None
) -> tuple[list[bool], list[bool], float]:
    labels, preds = [], []
    started = time.perf_counter()
    for row in rows:
        labels.append(str(row["label"]) == "1")
        try:
            # the summaries are lower-cased and tokenised, sentences joined by " . ", which the
            # sentence splitter does not see as a boundary before a lower-case word
            draft = row["claim"].replace(" . ", " .\n\n")
            report = verify(draft, [make_article(row["document"])], judge=judge, top_k=top_k)
            preds.append(report.ok)
        except InputError:
            preds.append(True)  # nothing checkable in the summary
    return labels, preds, (time.perf_counter() - started) / max(len(rows), 1)


def _make_judge() -> object | None:
    """An LLM judge when an endpoint is configured (OPENAI_BASE_URL / OPENAI_API_KEY)."""
    from summarizer.judge import Judge
    from summarizer.llm.factory import make_client
    from summarizer.settings import Settings

    settings = Settings.from_env()
    if not (settings.base_url or settings.api_key):
        print("LLM judge: no OPENAI_BASE_URL/OPENAI_API_KEY set; offline layers only")
        return None
    client = make_client(settings, "openai")
    print(f"LLM judge: {client.name}")
    return Judge(client)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the verifier-dev folder (summeval/factcc.json)")
    parser.add_argument("--top-k", type=int, default=TOP_K)
    parser.add_argument("--coverage-min", type=float, default=checks.COVERAGE_MIN)
    parser.add_argument("--relation-min", type=float, default=checks.RELATION_MIN)
    parser.add_argument(
        "--limit", type=int, default=None, help="rows per dataset, half of each label"
    )
    parser.add_argument("--grid", action="store_true", help="sweep coverage-min and top-k")
    parser.add_argument("--judge", action="store_true", help="add the LLM judge if configured")
    args = parser.parse_args()

    judge = _make_judge() if args.judge else None
    datasets = {name: args.data / f"{name}.json" for name in ("summeval", "factcc")}
    missing = [str(p) for p in datasets.values() if not p.is_file()]
    if missing:
        sys.exit(f"not found: {', '.join(missing)}")
    data = {name: load(path, args.limit) for name, path in datasets.items()}

    settings = [(args.coverage_min, args.relation_min, args.top_k)]
    if args.grid:
        settings = [
            (c, r, k) for k in (1, 3) for r in (0.0, 0.5, 0.7) for c in (0.6, 0.7, 0.8, 0.85, 0.9)
        ]
    print("dataset   rows  cov_min rel_min top_k  bal_acc  recall+  recall-  s/doc")
    for cov, rel, k in settings:
        checks.COVERAGE_MIN, checks.RELATION_MIN = cov, rel
        scores = []
        for name, rows in data.items():
            labels, preds, per_doc = run(rows, top_k=k, judge=judge)
            ba = balanced_accuracy(labels, preds)
            scores.append(ba)
            pos = [p for y, p in zip(labels, preds, strict=True) if y]
            neg = [not p for y, p in zip(labels, preds, strict=True) if not y]
            print(
                f"{name:9} {len(rows):4}  {cov:7.2f} {rel:7.2f} {k:5}  {ba:7.3f}  "
                f"{_rate(pos)}  {_rate(neg)}  {per_doc:5.3f}"
            )
        print(f"{'mean':9} {'':4}  {cov:7.2f} {rel:7.2f} {k:5}  {sum(scores) / len(scores):7.3f}")
    print("reference (shared/eval/README.md): SummaC-ZS ~0.68-0.79; GPT-4-class judges ~0.75")


if __name__ == "__main__":
    main()
