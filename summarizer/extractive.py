"""The embedded engine: extractive selection by concept coverage, offline and deterministic.

Concepts are content-word bigrams and unigrams (stemmed). In a multi-article story a concept
weighs as much as the number of articles that mention it (cross-source corroboration, as in
ICSISumm); in one article, as often as its sentences repeat it. Sentences are picked greedily
by new-concept gain per word (budgeted submodular maximisation, Lin & Bilmes 2010) with a lead
bonus, so redundancy is removed by construction: a concept already covered adds nothing.
Each chosen sentence is quoted exactly and cites itself plus every sentence in other articles
that says the same thing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .models import Article, Citation, Claim, Sentence
from .text import bigrams, content_terms, word_count

# Calibrated on the MultiLing 2011 dev clusters (bench/rouge_bench.py): see README.
MIN_WORDS = 8  # shorter sentences are captions, datelines or fragments
MAX_WORDS = 55  # longer ones blow the budget for one idea
UNIGRAM_WEIGHT = 0.35  # a shared word is weaker evidence of a shared fact than a shared bigram
LENGTH_EXPONENT = 0.6  # gain / words**r: r < 1 lets informative long sentences compete
LEAD_BONUS = 0.6  # extra weight for a sentence near the top of its article
REDUNDANCY_MAX = 0.5  # skip a sentence this similar (cosine of terms) to one already chosen
CORROBORATION_MIN = 0.5  # cite another article's sentence when this similar


@dataclass
class _Candidate:
    sentence: Sentence
    article_pos: int
    rel_pos: float
    words: int
    terms: Counter[str]
    concepts: set[object]


def summarize(
    articles: list[Article], *, max_words: int | None = None, sentences: int | None = None
) -> list[Claim]:
    """Select the sentences that best cover the articles, each cited to its sources.

    Args:
        articles: one article (a blurb) or a story's articles (a briefing section).
        max_words: word budget; used when ``sentences`` is not given.
        sentences: exact number of sentences wanted.

    Returns:
        Claims in reading order, unverified (the verifier decides).
    """
    candidates = _candidates(articles)
    if not candidates:
        return []
    weights = _concept_weights(candidates, multi=len(articles) > 1)
    chosen = _greedy(candidates, weights, max_words=max_words, n_sentences=sentences)
    chosen.sort(key=lambda c: (c.rel_pos, c.article_pos, c.sentence.index))
    return [_claim(c, candidates) for c in chosen]


def _candidates(articles: list[Article]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for pos, article in enumerate(articles):
        n = max(len(article.sentences), 1)
        for s in article.sentences:
            wc = word_count(s.text)
            terms = content_terms(s.text)
            if not terms:
                continue
            concepts: set[object] = set(terms)
            concepts.update(bigrams(terms))
            out.append(_Candidate(s, pos, s.index / n, wc, Counter(terms), concepts))
    usable = [c for c in out if _usable(c)]
    return usable or out


def _usable(c: _Candidate) -> bool:
    text = c.sentence.text
    return MIN_WORDS <= c.words <= MAX_WORDS and not text.rstrip().endswith("?")


def _concept_weights(cands: list[_Candidate], *, multi: bool) -> dict[object, float]:
    """Weight each concept by how many articles (multi) or sentences (single) contain it."""
    seen: dict[object, set[int]] = {}
    for c in cands:
        key = c.article_pos if multi else c.sentence.index
        for concept in c.concepts:
            seen.setdefault(concept, set()).add(key)
    weights: dict[object, float] = {}
    for concept, keys in seen.items():
        df = len(keys)
        if multi and df < 2:
            continue  # mentioned by one source only: not corroborated
        scale = 1.0 if isinstance(concept, tuple) else UNIGRAM_WEIGHT
        weights[concept] = scale * df
    if not weights:  # nothing shared at all: fall back to raw frequency
        for concept, keys in seen.items():
            scale = 1.0 if isinstance(concept, tuple) else UNIGRAM_WEIGHT
            weights[concept] = scale * len(keys)
    return weights


def _greedy(
    cands: list[_Candidate],
    weights: dict[object, float],
    *,
    max_words: int | None,
    n_sentences: int | None,
) -> list[_Candidate]:
    covered: set[object] = set()
    chosen: list[_Candidate] = []
    used_words = 0
    remaining = list(cands)
    while remaining:
        if n_sentences is not None and len(chosen) >= n_sentences:
            break
        best: _Candidate | None = None
        best_score = 0.0
        for c in remaining:
            if max_words is not None and n_sentences is None and used_words + c.words > max_words:
                continue
            gain = sum(weights.get(x, 0.0) for x in c.concepts - covered)
            if gain <= 0:
                continue
            score = gain * (1 + LEAD_BONUS * (1 - c.rel_pos) ** 2) / (c.words**LENGTH_EXPONENT)
            if score > best_score + 1e-12:  # strict: ties keep the earlier sentence
                best, best_score = c, score
        if best is None:
            break
        remaining.remove(best)
        if any(_cosine(best.terms, x.terms) > REDUNDANCY_MAX for x in chosen):
            continue
        chosen.append(best)
        covered |= best.concepts
        used_words += best.words
    if not chosen and cands:  # budget smaller than any sentence: still say something
        chosen.append(min(cands, key=lambda c: (c.rel_pos, c.article_pos)))
    return chosen


def _claim(chosen: _Candidate, cands: list[_Candidate]) -> Claim:
    cites = [chosen.sentence]
    by_article: dict[int, tuple[float, Sentence]] = {}
    for c in cands:
        if c.article_pos == chosen.article_pos:
            continue
        sim = _cosine(chosen.terms, c.terms)
        if sim >= CORROBORATION_MIN and sim > by_article.get(c.article_pos, (0.0, c.sentence))[0]:
            by_article[c.article_pos] = (sim, c.sentence)
    cites.extend(s for _, (_, s) in sorted(by_article.items()))
    return Claim(
        text=chosen.sentence.text,
        citations=[Citation(sentence_id=s.id, article_id=s.article_id, text=s.text) for s in cites],
    )


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)
