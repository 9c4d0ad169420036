"""Dedup's containment count, done in one array pass per article, counts what its definition
says: each sentence of 3 words or more whose own word 3-shingles the other text holds at the
bar. The reference below is that definition, sentence by sentence."""

from __future__ import annotations

import random

import numpy as np
import pytest

from summarizer import dedup
from summarizer.ingest import make_article
from summarizer.text import words

BASE = (
    "Firefighters rescued fourteen people from flooded homes in Dunmore on Tuesday night. "
    "The river rose two metres in six hours after a month of rain fell in a day. "
    "Residents of Market Street were moved to the community hall. "
    "Oh no. "  # under three words: not counted
    "The council said the clean-up would take weeks and cost at least two million pounds. "
    "A spokesman for the fire service said crews worked through the night. "
    "Forecasters expect more rain on Thursday, with a flood warning in place until Friday."
)


def _reference(shorter: str, longer: str, bar: float) -> tuple[int, int]:
    each = [ws for s in make_article(shorter).sentences if len(ws := words(s.text)) >= 3]
    other = dedup.fingerprint(make_article(longer))[1]
    held = 0
    for ws in each:
        own = dedup.shingle_hashes(ws)
        share = len(np.intersect1d(own, other)) / min(len(own), len(other))
        held += share >= bar
    return held, len(each)


def _edited(text: str, rng: random.Random, changes: int) -> str:
    tokens = text.split(" ")
    for _ in range(changes):
        tokens[rng.randrange(len(tokens))] = f"word{rng.randrange(1000)}"
    return " ".join(tokens)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("bar", [0.5, 0.8, 0.95])
def test_the_one_pass_count_is_the_per_sentence_count(seed: int, bar: float) -> None:
    rng = random.Random(seed)
    longer = _edited(BASE, rng, seed)  # 0 to 11 words changed: from a copy to a rewrite
    held = dedup._held_counts(
        dedup._sentence_shingles(make_article(BASE)),
        dedup.fingerprint(make_article(longer))[1],
        bar,
    )
    assert held == _reference(BASE, longer, bar)


def test_repeated_shingles_in_one_sentence_count_once() -> None:
    text = "The flood the flood the flood reached the town hall. The town hall was shut all day."
    held = dedup._held_counts(
        dedup._sentence_shingles(make_article(text)), dedup.fingerprint(make_article(text))[1], 0.8
    )
    assert held == _reference(text, text, 0.8) == (2, 2)
