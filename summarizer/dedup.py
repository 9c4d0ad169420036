"""Deduplication at two levels, so repeated wire copy is summarised (and paid for) once.

Articles: an exact pass (hash of the normalised words) and a near-duplicate pass (word 3-shingles;
candidates are the earlier articles that share enough of the article's bottom-k sketch, each
confirmed by its exact Jaccard similarity) collapse syndicated copies with small edits into the
first copy seen, which keeps every outlet. A copy that cuts sentences (a shorter copy, far from
its original by Jaccard) is found by containment: candidates share whole sentences, confirmed
when nearly all of the shorter one's shingles are in the longer; the longer text is kept.

Sentences: near-identical sentences in different articles of a story (Jaccard of their word sets,
found exactly with prefix filtering) collapse into the first one; the others become its aliases.
The writer sees only the reduced articles; afterwards ``expand_citations`` cites every alias too,
so a corroborated sentence cites all its sources.

Everything is deterministic: fixed hash functions and seeds, input order decides ties.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import lru_cache
from itertools import chain, repeat

import numpy as np

from . import forked
from .models import Article, Citation, Claim, Outlet, Sentence
from .progress import ProgressFn
from .text import WordMap, words
from .timeline import as_datetime

DEFAULT_DOC_THRESHOLD = 0.7  # Jaccard of word 3-shingles: copies with small edits are ~0.9
DEFAULT_SENTENCE_THRESHOLD = 0.8  # Jaccard of word sets: one word changed in 20 is ~0.9
SHINGLE_WORDS = 3
# The bottom-k sketch: an article's SKETCH_KEYS smallest shingle hashes. Of the k smallest hashes
# of two articles' union, each is in both with probability J (their Jaccard), and any of them in
# both is in both sketches: so copies share at least Binomial(k, J) keys. An earlier article is a
# candidate when it shares at least ``min_shared()`` keys: fewer than 1 copy at the threshold in
# MISS_RATE is left out (then confirmed, like every candidate, by its exact Jaccard).
SKETCH_KEYS = 32
MISS_RATE = 1e-6
# A sketch key held by this many kept articles is boilerplate ("The Associated Press contributed
# to this report"), no sign of copying: it indexes no more articles and counts for no candidate
# (the keys left then need their own Binomial share). Without this, a feed whose articles all
# end alike costs quadratic time: 8,000 such articles took 11 s.
COMMON_KEY = 64
# Sentences kept per prefix word in merge_sentences: bounds the candidates each sentence is
# compared with (a word that is the rarest of more sentences than this selects nothing), so a
# huge repetitive article costs linear time, not quadratic.
MAX_POSTINGS = 64
# A copy that only cuts sentences and lightly rewords others (a wire story trimmed by a
# republisher) is far from its original by Jaccard: it is found by containment. A candidate
# shares at least CONTAINED_SENTENCES sentences word for word (a sentence held by COMMON_KEY
# kept articles is boilerplate and counts for none); it is a copy when the longer text holds
# CONTAINED_SHARE of the shorter's sentences, each with CONTAINMENT of its word 3-shingles.
# Measured on the synthetic day of bench/cluster_bench.py: see the README's dedup paragraph.
CONTAINED_SENTENCES = 2
CONTAINED_SHARE = 0.8
CONTAINMENT = 0.8
CONTAINED_CANDIDATES = 3  # candidates checked per article, those sharing most sentences first

Aliases = dict[str, list[str]]
# exact hash, sorted unique shingle hashes, the hashes of its sentences' words (unique), and
# the figures it states (``_figures``)
Fingerprint = tuple[str, np.ndarray, frozenset[int], frozenset[str]]
# each sentence's shingle hashes tagged by sentence: hashes, their sentence, the count of each
# sentence's (``_sentence_shingles``)
SentenceShingles = tuple[np.ndarray, np.ndarray, np.ndarray]
HELD_CACHE = 64  # articles whose SentenceShingles are kept: one may meet 3 candidates


# -- article level ------------------------------------------------------------------------------


def dedupe_articles(
    articles: list[Article],
    *,
    threshold: float = DEFAULT_DOC_THRESHOLD,
    progress: ProgressFn | None = None,
    meanwhile: Callable[[], None] | None = None,
    copies: dict[str, list[str]] | None = None,
) -> list[Article]:
    """Collapse exact and near-duplicate articles into the first copy (the earliest published,
    when the copies are dated), keeping every outlet.

    A shorter copy (sentences cut, some lightly reworded) is found by containment
    (``_sentences_held``); when it came first, its original's fuller text takes its place, so
    the cut sentences can still be cited. A near-copy that changes a figure is no copy.

    Args:
        articles: articles in input order (the order decides which copy is kept, unless a
            later one was published earlier: a feed lists a wire story after its reprints).
        threshold: word 3-shingle Jaccard similarity at or above which two articles are copies
            (above CONTAINMENT, also the bar of a copy by containment).
        meanwhile: other work to do while a forked child fingerprints (see ``forked``); the
            briefing sets its LLM client up there. Runs in any case.
        copies: when given, filled with each kept article's id -> the ids of the articles
            collapsed into it (each once; an article given twice has its own id): a copy from
            the same outlet adds no outlet, and the briefing must still list every input.

    Returns:
        The kept articles in input order; each holds the outlets of all its copies, first
        seen first.
    """
    kept: list[Article] = []
    by_exact: dict[str, int] = {}
    shingles: list[np.ndarray] = []  # of kept articles, same positions as ``kept``
    figures: list[frozenset[str]] = []  # of kept articles, same positions as ``kept``
    by_sentences: dict[str, SentenceShingles] = {}  # a few articles', by id (HELD_CACHE)
    by_key: dict[int, list[int]] = {}  # sketch key -> kept articles whose sketch holds it
    by_sentence: dict[int, list[int]] = {}  # sentence hash -> kept articles holding it
    short: dict[int, int] = {}  # kept articles with fewer than SKETCH_KEYS keys: how many
    held: list[set[tuple[str | None, ...]]] = []  # each kept article's outlets, as Outlet.key
    listed: set[str] = set()  # the ids ``copies`` holds, and the kept articles' own
    needs = needs_by_keys(threshold)

    def index(at: int, exact: str, sh: np.ndarray, sentences: frozenset[int]) -> None:
        """Make the kept article at ``at`` findable by its fingerprint."""
        by_exact.setdefault(exact, at)
        keys = sh[:SKETCH_KEYS].tolist()
        for key in keys:
            _hold(by_key, key, at)
        for h in sentences:
            _hold(by_sentence, h, at)
        short.pop(at, None)
        if len(keys) < SKETCH_KEYS:
            short[at] = len(keys)

    # 3/4 of the CPU is per-article hashing, which every LLM call waits for: a forked child
    # fingerprints the second half meanwhile (see forked)
    with forked.second_half_elsewhere(articles, fingerprint, meanwhile=meanwhile) as prints:
        for n, article in enumerate(articles):
            if progress is not None and n % 200 == 0:
                progress("dedup", n, len(articles))
            exact, sh, sentences, figs = prints.result(n)
            target = by_exact.get(exact)
            keys = sh[:SKETCH_KEYS].tolist()
            contained = False  # found by containment, not by Jaccard
            if target is None and keys:
                found = _candidates(keys, by_key, short, needs)
                target = _best_match(sh, found, shingles, threshold)
                if target is None:
                    target = _contained_match(
                        article,
                        sh,
                        sentences,
                        (by_sentence, kept, shingles, by_sentences),
                        threshold,
                    )
                    contained = target is not None
                if target is not None and _figures_conflict(figures[target], figs):
                    target = None  # another version of the facts, not a copy: see below
            fuller = contained and target is not None and len(sh) > len(shingles[target])
            earlier = not contained and target is not None and _before(article, kept[target])
            if target is not None and (fuller or earlier):
                # the original of a shorter copy kept before it: its fuller text is kept; or
                # an original listed after its copy: its text is kept, its outlet credited first
                former = kept[target]
                kept[target] = (_fuller if fuller else _earlier)(article, former, held[target])
                shingles[target], figures[target] = sh, figs
                index(target, exact, sh, sentences)
                if copies is not None:
                    listed.add(article.id)
                    copies[article.id] = [former.id, *copies.pop(former.id, [])]
                continue
            if target is not None:
                _merge_into(kept[target], held[target], article)
                if copies is not None and article.id not in listed:  # a set: no list scan
                    listed.add(article.id)
                    copies.setdefault(kept[target].id, []).append(article.id)
                by_exact.setdefault(exact, target)
                continue
            listed.add(article.id)
            index(len(kept), exact, sh, sentences)
            shingles.append(sh)
            figures.append(figs)
            # a shallow copy with its own outlet list: merging never touches the input article
            kept.append(article.model_copy(update={"outlets": list(article.outlets)}))
            held.append({o.key() for o in article.outlets})
    if progress is not None:
        progress("dedup", len(articles), len(articles))
    return kept


def fingerprint(article: Article) -> Fingerprint:
    """What dedup compares: the hash of the normalised words, the sorted word 3-shingle hashes,
    the hashes of its sentences' words and its figures (the same wherever they are computed:
    a forked child computes half of them)."""
    each = [words(s.text) for s in article.sentences]  # joined, the words of article.text
    body = list(chain.from_iterable(each))
    exact = hashlib.sha256(" ".join(body).encode("utf-8")).hexdigest()
    sentences = frozenset(_crc32(" ".join(ws)) for ws in each if ws)
    return exact, shingle_hashes(body), sentences, _figures(body)


def _hold(index: dict[int, list[int]], key: int, at: int) -> None:
    """Index the kept article ``at`` under ``key``, unless the key is common (COMMON_KEY)."""
    holders = index.setdefault(key, [])
    if len(holders) < COMMON_KEY and at not in holders:
        holders.append(at)


@lru_cache(maxsize=16)
def needs_by_keys(threshold: float) -> tuple[int, ...]:
    """``min_shared(threshold, m)`` for m = 0 .. SKETCH_KEYS informative keys."""
    return tuple(min_shared(threshold, m) for m in range(SKETCH_KEYS + 1))


def min_shared(threshold: float, keys: int = SKETCH_KEYS, miss_rate: float = MISS_RATE) -> int:
    """The most sketch keys a candidate must share such that a copy at ``threshold`` shares
    fewer with probability at most ``miss_rate`` (the Binomial(keys, threshold) lower tail)."""
    below = 0.0  # P(shared < m)
    for m in range(keys + 1):
        below += math.comb(keys, m) * threshold**m * (1 - threshold) ** (keys - m)
        if below > miss_rate:
            return max(m, 1)
    return keys


def _candidates(
    keys: list[int], by_key: dict[int, list[int]], short: dict[int, int], needs: Sequence[int]
) -> list[int]:
    """Kept articles sharing enough of these sketch keys: ``needs[m]`` of the m that are not
    common (see COMMON_KEY). A kept article with a short sketch (a few words; ``short``
    holds their lengths) needs as many as its own length allows."""
    rare = [held for held in map(by_key.get, keys, repeat(())) if len(held) < COMMON_KEY]
    if not rare:
        return []
    shared = Counter(chain.from_iterable(rare))
    need = needs[len(rare)]
    if not short:
        return [c for c, n in shared.items() if n >= need]
    return [
        c
        for c, n in shared.items()
        if n >= (needs[min(len(rare), short[c])] if c in short else need)
    ]


def shingle_hashes(tokens: list[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-shingles (the whole text if shorter than k)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter(map(_WORD_HASHES.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    if len(h) < k:
        k = len(h)
    mixed = np.zeros(len(h) - k + 1, dtype=np.uint64)
    for i in range(k):  # polynomial rolling combination, modulo 2**64 by overflow
        mixed = mixed * np.uint64(1_000_003) + h[i : len(h) - k + 1 + i]
    return np.unique((mixed ^ (mixed >> np.uint64(32))).astype(np.uint32))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def _crc32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


_WORD_HASHES = WordMap(_crc32, 262144)  # each word's hash, computed once


def _best_match(
    sh: np.ndarray, candidates: list[int], shingles: list[np.ndarray], threshold: float
) -> int | None:
    """The most similar earlier kept article at or above the threshold (earliest on ties)."""
    best, best_sim = None, threshold
    for c in sorted(candidates):
        sim = jaccard(sh, shingles[c])
        if sim > best_sim or (best is None and sim >= threshold):
            best, best_sim = c, sim
    return best


def _contained_match(
    article: Article,
    sh: np.ndarray,
    sentences: frozenset[int],
    found: tuple[
        dict[int, list[int]], list[Article], list[np.ndarray], dict[str, SentenceShingles]
    ],
    threshold: float,
) -> int | None:
    """The kept article that holds this one, or is held by it, as a copy with sentences cut:
    candidates share CONTAINED_SENTENCES sentences word for word; the first (input order)
    that holds nearly every sentence of the shorter one (``_sentences_held``) is it.
    ``found``: the sentence index, the kept articles, their shingle hashes, and the
    ``_sentence_shingles`` of the last few articles read as the shorter (HELD_CACHE)."""
    by_sentence, kept, shingles, cache = found
    rare = [held for held in map(by_sentence.get, sentences, repeat(())) if len(held) < COMMON_KEY]
    shared = Counter(chain.from_iterable(rare))
    held_by = [c for c, n in shared.items() if n >= CONTAINED_SENTENCES]

    def of(shorter: Article) -> SentenceShingles:
        if shorter.id not in cache:
            if len(cache) >= HELD_CACHE:
                del cache[next(iter(cache))]  # the oldest
            cache[shorter.id] = _sentence_shingles(shorter)
        return cache[shorter.id]

    # most shared sentences first (then input order), and only a few: rewrites of one event
    # share sentences with many articles, and each check reads a whole article (10,000
    # articles took 60 s in dedup with every candidate checked)
    for c in sorted(held_by, key=lambda c: (-shared[c], c))[:CONTAINED_CANDIDATES]:
        if len(sh) <= len(shingles[c]):
            if _sentences_held(of(article), shingles[c], threshold):
                return c
        elif _sentences_held(of(kept[c]), sh, threshold):
            return c
    return None


def _sentences_held(shorter: SentenceShingles, longer: np.ndarray, threshold: float) -> bool:
    """Whether the longer text (its shingle hashes) holds CONTAINED_SHARE of the shorter's
    sentences (its ``_sentence_shingles``), each word for word or lightly edited (CONTAINMENT
    of its word 3-shingles: a word changed in a 30-word sentence breaks 3 of 28), and
    CONTAINED_SENTENCES at least. Two reports of one event quoting the same statement hold
    each other's quotes, not the rest. A dedup ``threshold`` above them is the bar for both:
    a stricter dedup is stricter here."""
    held, sentences = _held_counts(shorter, longer, max(CONTAINMENT, threshold))
    return held >= CONTAINED_SENTENCES and held >= max(CONTAINED_SHARE, threshold) * sentences


def _sentence_shingles(article: Article) -> SentenceShingles:
    """The word 3-shingle hashes of each sentence of SHINGLE_WORDS words or more, unique per
    sentence: (the hashes, the sentence of each, how many each sentence has).

    One array pass for the whole article, not one per sentence: the shingles are those of
    ``shingle_hashes`` over the article's words, kept where a shingle lies inside one
    sentence, and made unique per sentence by tagging each with its sentence's number (the
    per-sentence numpy calls were most of dedup's containment time at 10,000 articles)."""
    each = [ws for s in article.sentences if len(ws := words(s.text)) >= SHINGLE_WORDS]
    if not each:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint32), empty, empty
    k = SHINGLE_WORDS
    body = list(chain.from_iterable(each))
    h = np.fromiter(map(_WORD_HASHES.__getitem__, body), dtype=np.uint64, count=len(body))
    mixed = np.zeros(len(h) - k + 1, dtype=np.uint64)
    for i in range(k):  # as shingle_hashes: the same hash for the same three words
        mixed = mixed * np.uint64(1_000_003) + h[i : len(h) - k + 1 + i]
    label = np.repeat(np.arange(len(each), dtype=np.uint64), [len(ws) for ws in each])
    inside = label[: len(mixed)] == label[k - 1 :]  # the shingle starts and ends in one sentence
    hashes = (mixed ^ (mixed >> np.uint64(32))).astype(np.uint32)[inside]
    tagged = np.unique((label[: len(mixed)][inside] << np.uint64(32)) | hashes)
    owner = (tagged >> np.uint64(32)).astype(np.int64)
    unique = (tagged & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return unique, owner, np.bincount(owner, minlength=len(each))


def _held_counts(shorter: SentenceShingles, longer: np.ndarray, bar: float) -> tuple[int, int]:
    """How many of the shorter's sentences (its ``_sentence_shingles``) the longer holds at
    ``bar`` (the share of each sentence's own shingles it holds), and how many there are."""
    hashes, owner, total = shorter
    if not len(total) or not len(longer):
        return 0, len(total)
    hits = np.bincount(owner, weights=np.isin(hashes, longer), minlength=len(total))
    share = hits / np.maximum(np.minimum(total, len(longer)), 1)
    return int(np.count_nonzero((share >= bar) & (total > 0))), len(total)


def _fuller(original: Article, former: Article, held: set[tuple[str | None, ...]]) -> Article:
    """The original of a shorter copy kept before it, in its place: the original's fuller text
    with the outlets so far, first seen first (``held``: their keys), and its own after them."""
    kept = original.model_copy(update={"outlets": former.outlets})  # ``former`` is ours
    _merge_into(kept, held, original)
    _fill_missing(kept, former)
    return kept


def _earlier(original: Article, former: Article, held: set[tuple[str | None, ...]]) -> Article:
    """An original published before the copy kept in its place, instead of it: its text and
    headline, its outlets first, then those so far (``held``: their keys, updated)."""
    kept = original.model_copy(update={"outlets": list(original.outlets)})
    own = {o.key() for o in original.outlets}
    _merge_into(kept, own, former)  # the former's other outlets after, its missing fields
    held |= own
    return kept


def _before(a: Article, b: Article) -> bool:
    """Both are dated and ``a`` was published first (a date alone is its whole day: no
    earlier than an instant within it)."""
    first, second = as_datetime(a.published), as_datetime(b.published)
    if first is None or second is None:
        return False
    return first + timedelta(days=1) <= second if a.published_day else first < second


# Words that state a figure, besides numerals ("one" is left out: "one of them" is no count).
_FIGURE_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion".split()
)


def _figures(tokens: Sequence[str] | frozenset[str]) -> frozenset[str]:
    """The figures among word tokens: numerals and number words."""
    return frozenset(w for w in tokens if w[0].isdigit() or w in _FIGURE_WORDS)


def _figures_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each text states a figure the other lacks: a changed figure ("voting 6-3" in one,
    "voting 7-2" in the other), not an added or cut passage. Such near-copies are two versions
    of the facts: folded into one, the first one's figures were cited as both outlets' (the
    second said otherwise), so they stay two articles and two sentences."""
    return bool(a - b) and bool(b - a)


def _merge_into(kept: Article, held: set[tuple[str | None, ...]], copy: Article) -> None:
    """Add the copy's new outlets to the kept article (``held``: the keys of those it has; a
    scan of its list made 10,000 copies of one article quadratic, 110 s)."""
    for outlet in copy.outlets:
        key = outlet.key()
        if key not in held:
            held.add(key)
            kept.outlets.append(outlet)
    _fill_missing(kept, copy)


def _fill_missing(kept: Article, copy: Article) -> None:
    """Give the kept article the copy's headline and date where it has none."""
    if kept.title is None and copy.title is not None:
        # the copy's headline comes with what ingest did to it: one written in sentence case
        # from all capitals still says so (``title_recased``), as the copy itself did
        kept.title, kept.title_recased = copy.title, copy.title_recased
    if kept.published is None and copy.published is not None:
        # the copy's date comes with what it is: a day alone stays the whole day to --since
        kept.published, kept.published_day = copy.published, copy.published_day


def distinct_outlets(outlets: list[Outlet]) -> list[Outlet]:
    """One outlet per name (or URL, or file when nameless), first seen first, so first spelled.

    A name is compared without case and surrounding or repeated spaces: "Daily Post" and
    "daily post" are one outlet (two sources, they met --min-sources 2). URLs and file names
    are compared as they are: ``a.txt`` and ``A.txt`` may be two files.
    """
    seen: dict[tuple[str, str], Outlet] = {}
    for outlet in outlets:
        seen.setdefault(outlet.who() or ("file", outlet.label()), outlet)
    return list(seen.values())


# -- sentence level -----------------------------------------------------------------------------


def merge_sentences(
    articles: list[Article], *, threshold: float = DEFAULT_SENTENCE_THRESHOLD
) -> tuple[list[Article], Aliases]:
    """Collapse near-identical sentences of different articles into their first occurrence.

    Args:
        articles: one story's articles, in order (earlier sentences are kept).
        threshold: Jaccard similarity of the sentences' word sets at or above which they match.

    Returns:
        The reduced articles (duplicates removed, ids unchanged; an article may end up empty)
        and the alias map ``{kept sentence id: [ids of the removed equivalents]}``.
    """
    sets = [[frozenset(words(s.text)) for s in a.sentences] for a in articles]
    df: Counter[str] = Counter(w for per in sets for ws in per for w in ws)
    rank = {w: (n, w) for w, n in df.items()}  # rarest first: short, selective prefixes
    index: dict[str, list[tuple[int, int]]] = {}  # prefix word -> kept (article, sentence)
    first_seen: dict[frozenset[str], tuple[int, int]] = {}  # exact word set -> first kept
    aliases: Aliases = {}
    for ai, article in enumerate(articles):
        for si, sentence in enumerate(article.sentences):
            ws = sets[ai][si]
            if not ws:
                continue
            same = first_seen.get(ws)
            if same is not None and same[0] != ai:  # an exact copy: no search needed
                match: tuple[int, int] | None = same
            elif same is not None:
                continue  # repeated within its article: indexed once, so work stays linear
            else:
                ordered = sorted(ws, key=rank.__getitem__)
                prefix = ordered[: len(ws) - math.ceil(threshold * len(ws)) + 1]
                match = _sentence_match(ai, ws, prefix, index, sets, threshold)
            if match is None:
                first_seen[ws] = (ai, si)
                for w in prefix:
                    postings = index.setdefault(w, [])
                    if len(postings) < MAX_POSTINGS:
                        postings.append((ai, si))
                continue
            canonical = articles[match[0]].sentences[match[1]].id
            aliases.setdefault(canonical, []).append(sentence.id)
    return without_aliases(articles, aliases), aliases


def without_aliases(articles: list[Article], aliases: Aliases) -> list[Article]:
    """The articles less every sentence ``aliases`` lists as a removed equivalent (what
    ``merge_sentences`` returns, rebuilt from its aliases alone: ids unchanged, an article may
    end up empty)."""
    removed = {i for ids in aliases.values() for i in ids}
    return [
        a.model_copy(update={"sentences": [s for s in a.sentences if s.id not in removed]})
        for a in articles
    ]


def _sentence_match(
    ai: int,
    ws: frozenset[str],
    prefix: list[str],
    index: dict[str, list[tuple[int, int]]],
    sets: list[list[frozenset[str]]],
    threshold: float,
) -> tuple[int, int] | None:
    """The most similar kept sentence of another article (earliest on ties), if any."""
    candidates = sorted({c for w in prefix for c in index.get(w, ()) if c[0] != ai})
    best, best_sim = None, 0.0
    for c in candidates:
        other = sets[c[0]][c[1]]
        if not threshold * len(ws) <= len(other) <= len(ws) / threshold:
            continue
        inter = len(ws & other)
        sim = inter / (len(ws) + len(other) - inter)
        if (
            sim >= threshold
            and sim > best_sim
            and not _figures_conflict(_figures(ws), _figures(other))
        ):
            best, best_sim = c, sim
    return best


def expand_citations(
    claims: list[Claim], aliases: Aliases, sentences: dict[str, Sentence]
) -> list[Claim]:
    """Add every alias of a cited sentence as a citation of its own, quoting its exact text."""
    if not aliases:
        return claims
    out: list[Claim] = []
    for claim in claims:
        cites = list(claim.citations)
        seen = {c.sentence_id for c in cites}
        for cite in claim.citations:
            for alias in aliases.get(cite.sentence_id, []):
                if alias in seen or alias not in sentences:
                    continue
                seen.add(alias)
                s = sentences[alias]
                cites.append(Citation(sentence_id=s.id, article_id=s.article_id, text=s.text))
        changed = len(cites) > len(claim.citations)
        out.append(claim.model_copy(update={"citations": cites}) if changed else claim)
    return out
