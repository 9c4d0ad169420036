"""The verifier's word lists, read from data files in summarizer/data/ (packaged with the wheel).

Aliases (names of the same entity), synonyms, antonyms and closed word classes are data, not
code, so they can be reviewed and extended without touching the checks. Story clustering uses
``aliases()`` too, so that "the U.S." and "Washington" count as one named entity everywhere.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> Any:
    return json.loads(resources.files("summarizer").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def alias_groups() -> tuple[frozenset[str], ...]:
    """Groups of lower-cased names for one entity ("us", "united states", "washington")."""
    return tuple(frozenset(g) for g in _load("aliases.json")["groups"])


@lru_cache(maxsize=1)
def aliases() -> dict[str, frozenset[str]]:
    """Each lower-cased name mapped to every name of its entity, itself included."""
    out: dict[str, frozenset[str]] = {}
    for group in alias_groups():
        for name in group:
            out[name] = out.get(name, frozenset()) | group
    return out


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of words that paraphrases swap freely (unstemmed)."""
    return tuple(tuple(g) for g in _load("synonyms.json")["groups"])


@lru_cache(maxsize=1)
def antonym_pairs() -> tuple[tuple[str, str], ...]:
    """Pairs of words of opposite meaning (unstemmed): the hand-written pairs of antonyms.json
    (news usage WordNet lacks, such as "rise"/"fall"), every pair across the two sides of
    each of its direction classes ("jump"/"slump"), and WordNet's antonyms, less those not
    opposed in news ("on"/"off"). Ordinals stay ("the first verification" against "the
    second"); one that ranks a name is left to ``checks.ranks`` (see ``find_opposite``)."""
    data = _load("antonyms.json")
    crossed = [[a, b] for up, down in data["classes"] for a in up for b in down]
    pairs = data["pairs"] + crossed + _load("wordnet_antonyms.json")["pairs"]
    dropped = {frozenset(pair) for pair in data["not_opposed"]}
    return tuple(dict.fromkeys((a, b) for a, b in pairs if frozenset((a, b)) not in dropped))


@lru_cache(maxsize=3)
def relatives(kind: str) -> dict[str, str]:
    """``kind`` ("verbs", "adjectives", "nouns") in base form, each mapped to the words that may
    say the same in a cited text, by rank: split on "|", item k holds, joined by spaces, those
    of rank k + 1. They are its WordNet synonyms and their derived forms, with the more
    specific verbs and nouns ("intend": "aim intention ...") and the similar adjectives
    ("deadly": "fatal lethal ..."); a relative's rank is the larger of the two words' sense
    numbers on the way (1: both in their most frequent sense). See scripts/build_lexicon.py."""
    return dict(_load(f"wordnet_{kind}.json")[kind])


def related(kind: str, word: str, max_rank: int) -> list[str]:
    """The relatives of ``word`` (a ``kind`` in base form) of rank ``max_rank`` at most."""
    return " ".join(relatives(kind).get(word, "").split("|")[:max_rank]).split()


@lru_cache(maxsize=1)
def readings() -> dict[str, str]:
    """What each word can be, with its base forms, from LemmInflect's lexicon: "invited" ->
    "VERB:invite", "attack" -> "NOUN:attack VERB:attack" (see scripts/build_lexicon.py)."""
    return dict(_load("word_readings.json")["readings"])


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, str]:
    """Irregular inflections mapped to their base form ("won" -> "win")."""
    return dict(_load("antonyms.json")["irregular"])


@lru_cache(maxsize=4)
def cue_words(kind: str) -> frozenset[str]:
    """A closed word class from cues.json: titles, negation, negating_verbs, light."""
    return frozenset(_load("cues.json")[kind])


@lru_cache(maxsize=1)
def antonym_phrases() -> dict[tuple[str, ...], str]:
    """Phrasal verbs read as one word of an antonym class (antonyms.json "phrases"): the
    phrase's words, its verb in base form, mapped to that word ("bring", "forward") ->
    "bring_forward"."""
    return {tuple(k.split()): v for k, v in _load("antonyms.json")["phrases"].items()}


@lru_cache(maxsize=1)
def antonym_pairs_of() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Pairs of words opposite only when said of one of the listed things (unstemmed), from
    antonyms.json: ("beat", "miss", {"estimate", "forecast", ...}). "Beat the estimate" and
    "missed the estimate" conflict; "beat Rovers" and "missed a penalty" do not."""
    return tuple(
        (entry["pair"][0], entry["pair"][1], frozenset(entry["of"]))
        for entry in _load("antonyms.json")["pairs_of"]
    )


@lru_cache(maxsize=1)
def measures() -> dict[str, tuple[tuple[str, ...], ...]]:
    """What a figure is measured in, each with the token phrases that say it (measures.json):
    "percent": (("%",), ("per", "cent"), ...). A change of 3 percent is not one of 3
    percentage points."""
    return {
        name: tuple(tuple(phrase.split()) for phrase in phrases)
        for name, phrases in _load("measures.json")["measures"].items()
    }


@lru_cache(maxsize=1)
def negatable() -> dict[str, frozenset[str]]:
    """Words a cited text's negation may deny, each with the words that state it
    (negatable.json): "guilty" is stated by "convicted", so "found not guilty" denies it."""
    return {head: frozenset(words) for head, words in _load("negatable.json")["stated_by"].items()}


@lru_cache(maxsize=1)
def denials() -> dict[str, str]:
    """Words that deny a negatable word as a negation of it does (negatable.json), as
    written, each mapped to the word it denies: "acquitted" -> "guilty"."""
    return {
        word: head for head, said in _load("negatable.json")["denied_by"].items() for word in said
    }


@lru_cache(maxsize=1)
def negatable_readings() -> dict[str, str]:
    """Phrases read as words of a negatable class (negatable.json's read_as), each mapped to
    its reading: "pleaded not guilty" -> "denied", "pleaded guilty" -> "admitted guilty"."""
    return {
        phrase: reading
        for reading, phrases in _load("negatable.json")["read_as"].items()
        for phrase in phrases
    }


@lru_cache(maxsize=1)
def negatable_any() -> dict[str, frozenset[str]]:
    """Words that stand for whatever a negatable word is said of (negatable.json's any_of):
    "denies the charge" denies any admission the claim does not pin to something else."""
    return {head: frozenset(said) for head, said in _load("negatable.json")["any_of"].items()}


@lru_cache(maxsize=1)
def ranks() -> dict[tuple[str, ...], str]:
    """Each token phrase of an ordinal that ranks a name (bindings.json), mapped to its
    place: ("second",), ("2nd",) and ("runner", "up") -> "2"."""
    return {
        tuple(phrase.split()): place
        for place, phrases in _load("bindings.json")["ranks"].items()
        for phrase in phrases
    }


@lru_cache(maxsize=1)
def rank_nouns() -> frozenset[str]:
    """Nouns that may follow a rank ("second place"): any other noun owns the ordinal."""
    return frozenset(_load("bindings.json")["rank_nouns"])


@lru_cache(maxsize=1)
def general_nouns() -> frozenset[str]:
    """Nouns that count any persons (bindings.json): "31 people" may be "31 residents"."""
    return frozenset(_load("bindings.json")["general_nouns"])


@lru_cache(maxsize=1)
def work_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns that count works of any kind, and the kinds they count (bindings.json): "20
    titles" may be "20 films"."""
    data = _load("bindings.json")
    return frozenset(data["work_nouns"]), frozenset(data["work_kinds"])


@lru_cache(maxsize=1)
def qualifier_pairs() -> tuple[tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]], ...]:
    """Pairs of qualifier sides that set one figure against another (bindings.json), each
    side's words as token phrases: ({("earlier",), ...}, {("now",), ...})."""
    return tuple(
        (
            frozenset(tuple(w.split()) for w in then),
            frozenset(tuple(w.split()) for w in now),
        )
        for then, now in _load("bindings.json")["qualifier_pairs"]
    )


@lru_cache(maxsize=1)
def outcomes() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Verdicts and outcomes a draft's evidence must carry (cues.json's outcomes), in base
    form, each with the token phrases that carry it: "win" -> (("win",), ("beat",), ...)."""
    return {
        outcome: tuple(tuple(phrase.split()) for phrase in phrases)
        for outcome, phrases in _load("cues.json")["outcomes"].items()
    }
