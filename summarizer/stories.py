"""Story clustering: group a day's articles by the events they cover.

An article is TF-IDF vectors (sublinear tf, smoothed idf, unit length) of its content terms
(``text.content_terms``: stemmed, no stopwords; the headline counted twice), of its lead alone
(headline and first ``LEAD_SENTENCES`` sentences: what happened, where sibling events differ
while sharing their background) and, optionally, of its names (``entities.names``: who and
where, aliases folded; ``NAME_WEIGHT``, 0 by default: on the tuning set the names already in the
content terms were enough). The similarity is the weighted sum of the cosines, computed as the
cosine of the concatenated, weighted vectors; two articles published more than
``TIME_WINDOW_DAYS`` apart (when both dates are known) count half as similar. Each similarity
is then divided by the local scales of both articles (see ``cluster_matrix``), so the cut is
relative to how close the day's articles are.

Stories are the clusters of average-linkage agglomerative clustering cut at a threshold, with a
cohesion check (``cohesive_average_linkage``): two groups merge only when their link is at least
``COHESION_RATIO`` of their own cohesion, so stages of one saga or two storms stay apart even when
loosely related. Average linkage does not chain distinct events together as single linkage does. An
uncertain merge of two groups of at most ``LEAD_CAP`` articles also needs their leads alone to link
(``lead_cohesion_check``): stages of one saga share their background paragraphs, and differ in what
happened, which news says first (bench rounds 16, 18-19, tuned on ECB+ odd topics and BASIL's odd
half). Reports published within ``TIME_WINDOW_DAYS`` of each other that each repeat a different
subject, neither naming the other's, do not merge at any link (``salient_check``: one sector's
results on one day share the genre's words; bench rounds 24-25). To scale without an n x n
matrix, similarities are computed sparsely in row blocks and only pairs at or above the
threshold are kept; every merge needs an average at or above the threshold, so
clusters always lie inside the connected components of that graph (single linkage at t), and
clustering each component on its own gives the exact result. A component too large for a dense
matrix falls back to greedy centroid assignment. Parameters: ``bench/cluster_bench.py --tune`` (a
grid on ECB+ odd topics, best by ARI).

A second stage (``split_chain``) looks inside each story of ``SPLIT_MIN`` to ``SPLIT_MAX``
articles, with the story's own IDF: when its nearest-neighbour graph falls into groups far more
clearly than chance allows (modularity ``SPLIT_Z`` standard deviations above that of random
similarities), the story is a chain of sub-events and is split into them. Parameters:
``bench/cluster_bench.py --tune-split`` (ECB+ odd topics, the first stage fixed). Off by default
(``split_z`` None): at the tuned z (``SPLIT_Z_TUNED``) it undoes the ECB+ odd merges but no
untouched one, and on large single events told by many rewrites (bench/scale_bench.py's corpus,
4,000 articles) it cuts true stories apart (pair recall 0.80 -> 0.45): chance is the wrong
baseline for a big story, whose rewrites and updates form families of their own.

An article similar to no other stays a story of its own. Deterministic: input order breaks ties.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache, partial
from itertools import chain
from urllib.parse import urlsplit

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

from . import forked, timeline
from .dedup import distinct_outlets
from .entities import names
from .ingest import is_shouting, recase_title
from .models import Article, Outlet, Story
from .progress import ProgressFn
from .text import STOPWORDS, content_terms, counted, strip_dateline
from .timeline import as_datetime

DEFAULT_STORY_THRESHOLD = 0.55  # locally scaled similarity; tuned on ECB+ odd topics (bench)
NAME_WEIGHT = 0.0  # share of the similarity that comes from names (who and where)
LEAD_WEIGHT = 0.2  # share of the words' similarity that comes from the lead alone
LEAD_SENTENCES = 2  # the lead: headline and first sentences, where news says what happened
TIME_WINDOW_DAYS = 3.0  # articles further apart than this are half as similar
LOCAL_K = 2  # neighbour whose similarity sets an article's local scale (0: no scaling)
SCALE_FLOOR = 0.15  # least local scale: an article near nothing is not pulled into a story
COHESION_RATIO = 0.6  # a merge of two groups needs this share of their own cohesion
# An uncertain merge (link below threshold + NAME_BAND) needs a name in common when both groups
# name someone or somewhere (``shared_name_check``; bench round 14; None: no check)
NAME_BAND: float | None = 0.1
# ... and so does a merge whose raw link (unscaled mean cosine) is below this, however the local
# scales lift it: on a small day they rest on the floor (bench round 15)
NAME_RAW_LINK = 0.15
# A merge whose link is below threshold + SUBJECT_BAND is refused when each group leads with a
# subject (a name in SUBJECT_SHARE of its leads) the other group's articles never name
# (``subject_check``; bench round 17: two chipmakers' results; None: no check)
SUBJECT_BAND: float | None = 0.25
SUBJECT_SHARE = 1.0
# ... and, when True, the other group names a subject only in its leads, not in its background
# paragraphs (bench round 23: two grocers of one country on one day, each report leading with its
# own company and some naming the rival further down; False: the whole articles, as before it)
SUBJECT_LEADS_ONLY = False
# ... and the other group names a subject when at least this share of its articles do (0: any
# one of them; bench rounds 20-21: a rival named in passing by one report of three is not named)
SUBJECT_NAMED = 0.34
# ... and, when True, groups that lead with a subject in common are never refused by it (bench
# round 21, not adopted: on small days it merged events whose reports lead with one country)
SUBJECT_COMMON = False
# A merge of two groups needs a mean lead-only link (headline and first sentences, the day's
# lead IDF) of this share of the smaller group's own lead cohesion (``lead_cohesion_check``;
# bench rounds 16, 18-19: stages of one saga; None: no check), when its scaled link is below
# threshold + LEAD_BAND
LEAD_COHESION: float | None = 0.5
LEAD_BAND = 0.5
LEAD_SINGLETONS = False  # also check an article joining a group (against the group's cohesion)
# ... only when neither group holds more than LEAD_CAP articles (None: any size): a big event
# told by many rewrites has families of leads of its own, and the check cut them apart
LEAD_CAP: int | None = 12
# A merge of undated articles whose link is below threshold + YEAR_BAND is refused when each
# group has YEAR_LEAST or more articles that name a year and every such article of one group
# names a latest year YEAR_GAP or more after the latest any article of the other names
# (``year_check``: a year an article names is a floor of its date; None: no check). Bench
# round 22: sibling events years apart (two Turkmen elections, two Indonesian quakes).
YEAR_BAND: float | None = 0.1
YEAR_GAP = 4
YEAR_LEAST = 1
# A merge whose link is below threshold + SALIENT_BAND (any link) is refused when half or more of
# the groups' dated article pairs published within TIME_WINDOW_DAYS are about different
# subjects: each repeats a name the other never writes (``salient_check``; None: no check).
# Bench rounds 24-25: one sector's results on one day (two airlines, a bank, a grocer).
SALIENT_BAND: float | None = math.inf
SALIENT_SHARE = 0.5  # share of the groups' article pairs whose subjects conflict
SALIENT_MIN = 3  # least count of an article's most frequent name for it to be its subject
SALIENT_MENTION = 1  # an article names a subject when it writes it this many times
SALIENT_SAMPLE = 16  # members of each group compared (the first by input order)
SALIENT_DATED = True  # only pairs published within TIME_WINDOW_DAYS count (round 25)
BLOCK_ROWS = 256  # rows per sparse similarity block: bounds memory at BLOCK_ROWS x n
MAX_DENSE = 2000  # largest component clustered with a dense average-linkage matrix
CENTROID_BLOCK = 64  # centroids per dense block in a larger component (see _greedy_centroids)
SPLIT_Z: float | None = None  # chain split off by default: see the module docstring
SPLIT_MIN = 6  # smallest story examined for a chain of sub-events
SPLIT_MAX = 200  # largest story examined (the test is cubic in the story's size)
SPLIT_Z_TUNED = 4.5  # what --tune-split picks on ECB+ odd (with the three values below)
SPLIT_LEAD_WEIGHT = 0.2  # within a story, the lead's share of the words (as for the cut)
SPLIT_NAME_WEIGHT = 0.0  # within a story, the names' share (who and where; 0: words only)
SPLIT_NEIGHBOURS = 3  # each article links to its nearest neighbours within the story
SPLIT_NULLS = 20  # shuffled copies of the story's similarities that set the chance level
SPLIT_MIN_PART = 3  # a smaller sub-group rejoins the part it links to most
HEADLINE_WORDS = 12  # a story of untitled articles is headed by this much of its lead sentence
LEAD_MIN_WORDS = 8  # shorter first sentences are bylines or kickers ("By JOHN SMITH"), not leads


def cluster_stories(
    articles: list[Article],
    *,
    threshold: float = DEFAULT_STORY_THRESHOLD,
    name_weight: float = NAME_WEIGHT,
    lead_weight: float = LEAD_WEIGHT,
    cohesion_ratio: float = COHESION_RATIO,
    split_z: float | None = SPLIT_Z,
    name_band: float | None = NAME_BAND,
    subject_band: float | None = SUBJECT_BAND,
    subject_named: float | None = None,
    lead_cohesion: float | None = LEAD_COHESION,
    lead_band: float = LEAD_BAND,
    lead_cap: int | None = LEAD_CAP,
    progress: ProgressFn | None = None,
) -> list[Story]:
    """Group articles into stories, ordered by distinct outlets (most first).

    Args:
        articles: the day's (deduplicated) articles; their order breaks ties.
        threshold: similarity at or above which articles may share a story.
        name_weight: share of the similarity that comes from names (0: words only).
        lead_weight: share of the words' similarity that comes from the lead (headline and
            first ``LEAD_SENTENCES`` sentences) on its own.
        cohesion_ratio: share of their own cohesion two groups need to merge (0: plain
            average linkage; see ``cohesive_average_linkage``).
        split_z: split a story that is a chain of tight sub-events when its sub-groups stand
            out this many standard deviations above chance (None: never; see ``split_chain``).
        name_band: a merge whose link is below ``threshold`` + this needs a name in common
            (None: no such check; see ``shared_name_check``).
        subject_band: a merge whose link is below ``threshold`` + this is refused when each
            group leads with a subject the other never names (None: no such check; see
            ``subject_check``).
        subject_named: the share of a group's articles that must name a subject for the
            group to name it (None: ``SUBJECT_NAMED``; 0: any one article).
        lead_cohesion: a merge whose link is below ``threshold`` + ``lead_band`` needs a
            lead-only link of this share of the groups' own lead cohesion (None: no such
            check; see ``lead_cohesion_check``).
        lead_band: the lead cohesion check looks only at merges whose link is below
            ``threshold`` + this.
        lead_cap: the lead cohesion check looks only at merges of groups of at most this
            many articles (None: any size).

    Returns:
        Stories ``story-1``, ``story-2``, ... each titled after its most central article.
    """
    if not articles:
        return []
    leads = lead_weight > 0 or split_z is not None or lead_cohesion is not None
    counts = term_counts(articles, leads=leads)
    x = article_matrix(articles, name_weight, lead_weight, counts=counts)
    named = NameReader(articles)
    check = (
        None
        if name_band is None
        else shared_name_check(articles, threshold + name_band, x, named=named)
    )
    if subject_band is not None:
        subject = subject_check(
            articles, threshold + subject_band, named=named, named_share=subject_named
        )
        check = subject if check is None else both_checks(check, subject)
    if lead_cohesion is not None:
        lead = lead_cohesion_check(
            idf_weighted(counts[1]), threshold + lead_band, lead_cohesion, cap=lead_cap
        )
        check = lead if check is None else both_checks(lead, check)
    times = _timestamps(articles)
    if SALIENT_BAND is not None and (not SALIENT_DATED or np.isfinite(times).sum() > 1):
        salient = salient_check(
            articles,
            threshold + SALIENT_BAND,
            times=times if SALIENT_DATED else None,
            named=named,
        )
        check = salient if check is None else both_checks(check, salient)
    if YEAR_BAND is not None:
        years = year_check(articles, threshold + YEAR_BAND)
        if years is not None:
            check = years if check is None else both_checks(check, years)
    labels = cluster_matrix(
        x,
        threshold,
        progress=progress,
        times=times,
        ratio=cohesion_ratio,
        check=check,
    )
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    if split_z is not None:
        groups = {
            k: part
            for k, part in enumerate(
                part
                for members in groups.values()
                for part in _split(articles, counts, members, split_z)
            )
        }
    made = [(_story(articles, members, x), members[0]) for members in groups.values()]
    made.sort(key=lambda p: (-len(p[0].outlets), -len(p[0].article_ids), p[1]))
    stories = [story for story, _ in made]
    for n, story in enumerate(stories, 1):
        story.id = f"story-{n}"
    return stories


def select_stories(
    stories: list[Story], *, max_stories: int | None = None, min_sources: int = 1
) -> tuple[list[Story], list[str]]:
    """The stories to write: at least ``min_sources`` outlets, at most ``max_stories`` of them.

    The others are still listed in the briefing, not written.

    Returns:
        The kept stories (order unchanged) and notes saying what was only listed.
    """
    kept = [s for s in stories if s.source_count >= min_sources]
    notes: list[str] = []
    if len(kept) < len(stories):
        n = len(stories) - len(kept)
        notes.append(f"{counted(n, 'story')} with fewer than {min_sources} sources only listed")
        for story in stories:
            if story.source_count < min_sources:
                story.listed_because = "min_sources"
    if max_stories is not None and len(kept) > max_stories:
        n = len(kept) - max_stories
        notes.append(f"{counted(n, 'smaller story')} only listed (--max-stories)")
        for story in kept[max_stories:]:
            story.listed_because = "max_stories"
        kept = kept[:max_stories]
    return kept, notes


def article_matrix(
    articles: list[Article],
    name_weight: float | None = None,
    lead_weight: float | None = None,
    *,
    counts: TermCounts | None = None,
) -> csr_matrix:
    """Unit rows whose dot product is the weighted sum of term, lead and name cosines.

    The lead is its own vector because sibling events (two stages of one saga, two rulings on
    one case) share their background paragraphs but not what happened, which news puts first.
    ``counts`` (from ``term_counts``, rows of these articles) saves reading the words again;
    the IDF is always that of ``articles``.
    """
    w = NAME_WEIGHT if name_weight is None else name_weight
    lw = LEAD_WEIGHT if lead_weight is None else lead_weight
    body, leads = counts if counts is not None else term_counts(articles, leads=lw > 0)
    parts = [(idf_weighted(body), (1.0 - w) * (1.0 - lw))]
    if lw > 0:
        parts.append((idf_weighted(leads), (1.0 - w) * lw))
    if w > 0:
        parts.append((tfidf_matrix([names(a) for a in articles]), w))
    if len(parts) == 1:
        return parts[0][0]
    return _unit_rows(hstack([m * math.sqrt(share) for m, share in parts]).tocsr())


TermCounts = tuple[csr_matrix, csr_matrix]


def term_counts(articles: list[Article], *, leads: bool = True) -> TermCounts:
    """Sublinear term counts of each article (headline counted twice) and of its lead (empty
    rows when ``leads`` is false). Reading the words is most of clustering's CPU, which every
    LLM call waits for: a forked child counts the second half meanwhile (see ``forked``)."""
    first, second = forked.on_halves(articles, partial(_block_counts, leads=leads))
    return _stack(first[0], second[0]), _stack(first[1], second[1])


Block = tuple[list[str], csr_matrix]  # a block of articles' vocabulary and count rows


def _block_counts(articles: Sequence[Article], *, leads: bool) -> tuple[Block, Block]:
    pairs = [_article_terms(a, leads=leads) for a in articles]
    return _counts([body for body, _ in pairs]), _counts([lead for _, lead in pairs])


def _article_terms(article: Article, *, leads: bool) -> tuple[Counter[str], Counter[str]]:
    """How often each content term occurs in the article (headline twice) and in its lead."""
    title = article.title or ""
    body = Counter(content_terms(f"{title}\n{title}\n{article.text}"))
    if not leads:
        return body, Counter()
    lead = " ".join([title, *(s.text for s in article.sentences[:LEAD_SENTENCES])])
    return body, Counter(content_terms(lead))


def _stack(first: Block, second: Block) -> csr_matrix:
    """The two blocks' rows over one vocabulary in order of first use: the matrix
    ``count_matrix`` gives for all the articles at once."""
    vocab = {term: n for n, term in enumerate(dict.fromkeys(first[0] + second[0]))}
    width = max(len(vocab), 1)
    columns = np.fromiter(map(vocab.__getitem__, second[0]), dtype=np.int64, count=len(second[0]))
    x, y = first[1], second[1]
    y = csr_matrix((y.data, columns[y.indices], y.indptr), shape=(y.shape[0], width))
    y.sort_indices()
    x = csr_matrix((x.data, x.indices, x.indptr), shape=(x.shape[0], width))
    return csr_matrix(vstack([x, y], format="csr"))


def tfidf_matrix(docs: list[list[str]]) -> csr_matrix:
    """Unit-length TF-IDF rows (sublinear tf, smoothed idf) of each document's terms."""
    return idf_weighted(count_matrix([Counter(doc) for doc in docs]))


def count_matrix(docs: Sequence[Mapping[str, int]]) -> csr_matrix:
    """Sublinear term frequencies (1 + log n) of each document's term counts."""
    return _counts(docs)[1]


def _counts(docs: Sequence[Mapping[str, int]]) -> Block:
    """The vocabulary in order of first use, and each document's sublinear term frequencies
    (1 + log n) in its columns."""
    terms = list(chain.from_iterable(docs))  # every document's terms, in order
    # the vocabulary in order of first use, each term's column looked up by C-level iteration
    vocab = {term: n for n, term in enumerate(dict.fromkeys(terms))}
    indices = np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))
    counts = np.fromiter(
        chain.from_iterable(tf.values() for tf in docs), dtype=np.float64, count=len(terms)
    )
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(tf) for tf in docs], out=indptr[1:])
    x = csr_matrix((1.0 + np.log(counts), indices, indptr), shape=(len(docs), max(len(vocab), 1)))
    x.sort_indices()
    return list(vocab), x


def idf_weighted(x: csr_matrix) -> csr_matrix:
    """Unit rows of counts times the smoothed IDF of these rows (a subset gets its own IDF)."""
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log((1 + x.shape[0]) / (1 + df)) + 1.0
    return _unit_rows(x.multiply(idf.reshape(1, -1)).tocsr())


def _unit_rows(x: csr_matrix) -> csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms.reshape(-1, 1)))


def _timestamps(articles: list[Article]) -> np.ndarray:
    """Publication times in days (NaN when unknown)."""
    out = np.full(len(articles), np.nan)
    for i, a in enumerate(articles):
        when = as_datetime(a.published)
        if when is not None:
            out[i] = when.timestamp() / 86400.0
    return out


def _time_factor(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 for pairs within the time window or of unknown date, 0.5 for pairs further apart."""
    far = np.abs(a - b) > TIME_WINDOW_DAYS  # NaN compares False: unknown dates are not far
    return np.where(far, 0.5, 1.0)


def cluster_matrix(
    x: csr_matrix,
    threshold: float,
    *,
    progress: ProgressFn | None = None,
    times: np.ndarray | None = None,
    ratio: float = COHESION_RATIO,
    check: MergeCheck | None = None,
) -> np.ndarray:
    """Average-linkage cluster labels of the rows of ``x`` (unit vectors), cut at ``threshold``.

    A pair's similarity is scaled by the local scales of both articles: each article's
    similarity to its ``LOCAL_K``-th nearest neighbour, clipped to [``SCALE_FLOOR``, 1], and
    the pair's similarity divided by the geometric mean of both. The threshold is thus relative
    to how close the day's articles are: long topical coverage (low similarities throughout)
    and tight sibling events (high similarities) are cut alike. ``times`` (days, NaN when
    unknown) lowers the similarity of pairs far apart in time. One pass over row blocks finds
    the scales and every pair that could pass (raw similarity at least threshold x floor).
    """
    n = x.shape[0]
    x = csr_matrix(x, dtype=np.float32)  # half the memory traffic of float64; same clusters
    t = np.full(n, np.nan) if times is None else times
    k = min(LOCAL_K, n - 1)  # a small day has fewer neighbours: the furthest one it has
    cut = threshold * SCALE_FLOOR if k > 0 else threshold
    kth = np.ones(n)
    dated = bool(np.isfinite(t).any())
    xt = x.T.tocsr()
    rows, cols, vals = [], [], []
    for start in range(0, n, BLOCK_ROWS):
        if progress is not None:
            progress("stories", start, n)
        stop = min(start + BLOCK_ROWS, n)
        block = (x[start:stop] @ xt).tocoo()
        r = block.row + start
        data = block.data * _time_factor(t[r], t[block.col]) if dated else block.data
        if k > 0:
            dense = np.zeros((stop - start, n), dtype=np.float32)
            dense[block.row, block.col] = data
            dense[np.arange(stop - start), np.arange(start, stop)] = -1.0  # not its own
            kth[start:stop] = -np.partition(-dense, k - 1, axis=1)[:, k - 1]
        keep = (data >= cut) & (block.col > r)
        rows.append(r[keep])
        cols.append(block.col[keep])
        vals.append(data[keep])
    if progress is not None:
        progress("stories", n, n)
    scale = np.clip(kth, SCALE_FLOOR, 1.0) if k > 0 else kth
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    keep = np.concatenate(vals) / np.sqrt(scale[r] * scale[c]) >= threshold
    r, c = r[keep], c[keep]
    graph = csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=np.int64)
    members_of: dict[int, list[int]] = {}
    for i, component in enumerate(comp):
        members_of.setdefault(int(component), []).append(i)
    next_label = 0
    for members in sorted(members_of.values()):
        sub = _cluster_component(
            x[members], threshold, t[members], scale[members], ratio, _global(check, members)
        )
        for i, s in zip(members, sub, strict=True):
            labels[i] = next_label + s
        next_label += int(sub.max()) + 1
    return labels


def _cluster_component(
    x: csr_matrix,
    threshold: float,
    times: np.ndarray,
    scale: np.ndarray,
    ratio: float,
    check: MergeCheck | None = None,
) -> np.ndarray:
    """Labels 0..k-1 for one component, numbered by first member."""
    n = x.shape[0]
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    if n > MAX_DENSE:
        return _greedy_centroids(x, threshold, scale)
    sims = (x @ x.T).toarray() * _time_factor(times[:, None], times[None, :])
    sims /= np.sqrt(scale[:, None] * scale[None, :])
    return _renumber(cohesive_average_linkage(sims, threshold, ratio, check))


MergeCheck = Callable[[list[int], list[int], float], bool]
"""Asked before two groups merge (their rows, their link): False refuses the merge."""


class NameReader:
    """Each article's names (``entities.names``, aliases folded) in its lead (headline and
    first ``LEAD_SENTENCES`` sentences) and in the whole article, read when first asked."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self._lead: dict[int, frozenset[str]] = {}
        self._counts: dict[int, Counter[str]] = {}

    def lead(self, i: int) -> frozenset[str]:
        if i not in self._lead:
            art = self.articles[i]
            cut = art.model_copy(update={"sentences": art.sentences[:LEAD_SENTENCES]})
            self._lead[i] = frozenset(names(cut))
        return self._lead[i]

    def whole(self, i: int) -> frozenset[str]:
        return frozenset(self.counts(i))

    def counts(self, i: int) -> Counter[str]:
        """How many times the whole article writes each of its names."""
        if i not in self._counts:
            self._counts[i] = Counter(names(self.articles[i]))
        return self._counts[i]


def subject_check(
    articles: Sequence[Article],
    upper: float,
    share: float | None = None,
    *,
    named: NameReader | None = None,
    named_share: float | None = None,
    common: bool | None = None,
    leads_only: bool | None = None,
) -> MergeCheck:
    """Refuse a merge whose link is below ``upper`` when each group leads with a subject that
    the other group's articles name nowhere (with ``named_share``, default ``SUBJECT_NAMED``:
    that fewer than this share of them name). A group's subjects are the names in at least
    ``share`` (default ``SUBJECT_SHARE``) of its leads (headline and first
    ``LEAD_SENTENCES`` sentences; a single article: every name of its lead); the other
    group's names are read from its whole articles, so a rival named in the background counts
    as named, or with ``leads_only`` (default ``SUBJECT_LEADS_ONLY``) from its leads alone.

    Why: two chipmakers' quarterly results (one sector, one day) merged as one story: their
    words are the sector's, and each report leads with its own company. Only in a band: at
    any link the check splits events whose reports lead with different people (bench round
    17: ECB+ odd's objective 0.866 -> 0.876 at band 0.25, tiny days 0.882 -> 0.920, full set
    0.896 -> 0.894; at any link 0.68). It costs tiny days of long topics (MultiLing 0.929 ->
    0.756), whose reports weeks apart lead with different people. A report that names the
    rival in passing (as on the tester's day that motivated it) no longer defeats it since
    round 21: a third of a group's articles must name a subject. With
    ``common`` (default ``SUBJECT_COMMON``), groups whose subjects meet are never refused.
    A group is named by its first member and size: groups only grow, so that pair is unique."""
    reader = named if named is not None else NameReader(articles)
    lead_share = SUBJECT_SHARE if share is None else share
    q = SUBJECT_NAMED if named_share is None else named_share
    meet = SUBJECT_COMMON if common is None else common
    read = (
        reader.lead if (SUBJECT_LEADS_ONLY if leads_only is None else leads_only) else reader.whole
    )
    subjects: dict[tuple[int, int], frozenset[str]] = {}  # (first member, size) names a group
    seen: dict[tuple[int, int], frozenset[str]] = {}

    def subjects_of(g: list[int]) -> frozenset[str]:
        key = (min(g), len(g))
        if key not in subjects:
            counts = Counter(n for i in g for n in reader.lead(i))
            subjects[key] = frozenset(n for n, k in counts.items() if k >= lead_share * len(g))
        return subjects[key]

    def named_in(g: list[int]) -> frozenset[str]:
        key = (min(g), len(g))
        if key not in seen:
            counts = Counter(n for i in g for n in read(i))
            seen[key] = frozenset(n for n, k in counts.items() if k >= max(1.0, q * len(g)))
        return seen[key]

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        first, second = subjects_of(a), subjects_of(b)
        if not first or not second or (meet and first & second):
            return True
        return not (first - named_in(b) and second - named_in(a))

    return check


def shared_name_check(
    articles: Sequence[Article],
    upper: float,
    x: csr_matrix | None = None,
    raw: float = NAME_RAW_LINK,
    *,
    named: NameReader | None = None,
) -> MergeCheck:
    """Refuse a weak merge when both groups name someone or somewhere in their leads
    (headline and first ``LEAD_SENTENCES`` sentences; ``entities.names``, aliases folded)
    and no name of one is named by the other. A merge is weak when its scaled link is below
    ``upper`` or, given the articles' vectors ``x``, its raw link (the mean unscaled cosine
    between the groups' articles) is below ``raw``.

    Why: on a small day every article's local scale rests on ``SCALE_FLOOR``, so two
    unrelated reports with a raw cosine of 0.083 merged (an earnings report, a central bank's
    rate decision and a mayoral election were one story of "3 sources"). Reports of one event
    name its people or places in their leads; such a pair names none in common. The scaled
    band (bench rounds 13-14: ECB+ odd tiny days' ARI 0.781 -> 0.855) missed the pairs the
    floor lifts furthest (raw 0.136 scaled to 0.91); the raw link catches them (round 15:
    tiny days 0.855 -> 0.882, the full set unchanged). Names are read only for the articles of
    merges the check is asked about."""
    lead_names = (named if named is not None else NameReader(articles)).lead

    def weak(a: list[int], b: list[int], sim: float) -> bool:
        if sim < upper:
            return True
        if x is None:
            return False
        # the pairs' block, sparse: two dense sums over the vocabulary cost twice as much
        return float((x[a] @ x[b].T).sum()) / (len(a) * len(b)) < raw

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper and x is None:
            return True
        first = frozenset().union(*map(lead_names, a))
        if not first:
            return True
        second = frozenset().union(*map(lead_names, b))
        if not second or not first.isdisjoint(second):
            return True
        return not weak(a, b, sim)  # the raw link only when no name is shared: it sums rows

    return check


def lead_cohesion_check(
    leads: csr_matrix,
    upper: float,
    ratio: float,
    singletons: bool | None = None,
    *,
    cap: int | None = None,
) -> MergeCheck:
    """Refuse a merge whose scaled link is below ``upper`` when the mean lead-only cosine
    between the two groups (``leads``: unit TF-IDF rows of each article's headline and first
    ``LEAD_SENTENCES`` sentences, the day's lead IDF) is below ``ratio`` times the smaller of
    the groups' own lead cohesions (the mean lead cosine of a group's own pairs). A single
    article has no cohesion: a merge is checked only when both groups have two or more
    articles, or with ``singletons`` (default ``LEAD_SINGLETONS``) when one has, against its
    cohesion. Two single articles are never refused. With ``cap``, a merge is checked only
    when neither group holds more than ``cap`` articles.

    Why: stages of one saga (a shutdown warned of, ended, blamed) share their background
    paragraphs, so their bodies link as well as their own reports do; what happened differs,
    and news says that first. Bench round 16. The cap (round 18): unchecked, the check also
    cut long topics and big events told by many rewrites, whose reports lead with different
    turns and whose merges join larger groups, while a saga's stages are told by a few."""
    single = LEAD_SINGLETONS if singletons is None else singletons
    cached: dict[tuple[int, int], float] = {}  # (first member, size) names one group

    def cohesion(g: list[int]) -> float | None:
        n = len(g)
        if n < 2:
            return None
        key = (min(g), n)
        if key not in cached:
            v = leads[g]
            total = float((v @ v.T).sum()) - float(v.multiply(v).sum())
            cached[key] = total / (n * (n - 1))
        return cached[key]

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper or (cap is not None and max(len(a), len(b)) > cap):
            return True
        own = [c for c in (cohesion(a), cohesion(b)) if c is not None]
        if len(own) < (1 if single else 2):
            return True
        link = float((leads[a] @ leads[b].T).sum()) / (len(a) * len(b))
        return link >= ratio * min(own)

    return check


_YEAR = re.compile(r"(?<![\d$£€.,])(?:19[5-9]\d|20[0-4]\d)(?![\d%])")


def latest_years(articles: Sequence[Article]) -> list[int | None]:
    """The latest year (1950-2049) each undated article names in its headline or text: a
    floor of its date. None for a dated article (its date is known: see ``_time_factor``)
    or one that names no year."""
    out: list[int | None] = []
    for a in articles:
        if as_datetime(a.published) is not None:
            out.append(None)
            continue
        text = f"{a.title or ''}\n{a.text}"
        out.append(max((int(y) for y in _YEAR.findall(text)), default=None))
    return out


def year_check(
    articles: Sequence[Article],
    upper: float,
    gap: int | None = None,
    least: int | None = None,
) -> MergeCheck | None:
    """Refuse a merge whose link is below ``upper`` when each group has ``least`` (default
    ``YEAR_LEAST``) or more undated articles that name a year and every such article of one
    group names a latest year at least ``gap`` (default ``YEAR_GAP``) after the latest any
    article of the other group names. None when no article names a year undated.

    Why: sibling events of one kind at one place years apart (two Turkmen elections, two
    Indonesian quakes) share their words and names; an undated article's years are the one
    clue to when it was written. A year named is only a floor (background years vary inside
    one event: 2005 and 2007), so the test asks for groups that do not overlap at all, not for
    medians that differ (round 6's ``--veto years``, not adopted)."""
    latest = latest_years(articles)
    if all(y is None for y in latest):
        return None
    g = YEAR_GAP if gap is None else gap
    m = YEAR_LEAST if least is None else least

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        ya = [y for i in a if (y := latest[i]) is not None]
        yb = [y for i in b if (y := latest[i]) is not None]
        if len(ya) < m or len(yb) < m:
            return True
        return min(yb) - max(ya) < g and min(ya) - max(yb) < g

    return check


def salient_check(
    articles: Sequence[Article],
    upper: float,
    share: float | None = None,
    least: int | None = None,
    mention: int | None = None,
    *,
    times: np.ndarray | None = None,
    named: NameReader | None = None,
) -> MergeCheck:
    """Refuse a merge whose link is below ``upper`` when at least ``share`` (default
    ``SALIENT_SHARE``) of the article pairs across the two groups (of those where both
    articles have a subject; at most ``SALIENT_SAMPLE`` articles of each group) conflict. An
    article's subject is the name it repeats most (``least``, default ``SALIENT_MIN``, or more
    times; ties: all of them), and a pair conflicts when neither article names the other's
    subject ``mention`` (default ``SALIENT_MENTION``) or more times. Given ``times`` (days,
    NaN when unknown: ``_timestamps``), only pairs of dated articles published within
    ``TIME_WINDOW_DAYS`` of each other count.

    Why: different companies' quarterly results on one day (two airlines, a bank, a retailer)
    share a genre's words, so their bodies link as well as one company's reports do; each
    report is about the name it repeats, and mentions a rival once if at all. Lead names
    (``subject_check``) are too many and too noisy to tell this at high links. Only within a
    short time: a topic followed for weeks moves from one subject to another (a tsunami's
    toll, then a charity, then a tax bill), and counting undated pairs split DUC and MultiLing
    topics (bench round 24: pair-F1 0.958 -> 0.859 and 0.940 -> 0.871), so the library counts
    dated pairs only (``SALIENT_DATED``, round 25: tester days 0.911 -> 0.957)."""
    q = SALIENT_SHARE if share is None else share
    m = SALIENT_MIN if least is None else least
    times_named = SALIENT_MENTION if mention is None else mention
    reader = named if named is not None else NameReader(articles)
    tops: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def subject(i: int) -> tuple[frozenset[str], frozenset[str]]:
        if i not in tops:
            counts = reader.counts(i)
            most = max(counts.values(), default=0)
            top = frozenset(n for n, k in counts.items() if k == most and k >= m)
            tops[i] = (top, frozenset(n for n, k in counts.items() if k >= times_named))
        return tops[i]

    def close(i: int, j: int) -> bool:
        return times is None or bool(abs(times[i] - times[j]) <= TIME_WINDOW_DAYS)  # NaN: no

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        pairs = conflicts = 0
        others = sorted(b)[:SALIENT_SAMPLE]
        for i in sorted(a)[:SALIENT_SAMPLE]:
            ti, mi = subject(i)
            if not ti:
                continue
            for j in others:
                if not close(i, j):
                    continue
                tj, mj = subject(j)
                if not tj:
                    continue
                pairs += 1
                conflicts += ti.isdisjoint(mj) and tj.isdisjoint(mi)
        return pairs == 0 or conflicts < q * pairs

    return check


def both_checks(first: MergeCheck, second: MergeCheck) -> MergeCheck:
    """A merge both checks allow (``second`` is asked only when ``first`` allows it)."""

    def check(a: list[int], b: list[int], sim: float) -> bool:
        return first(a, b, sim) and second(a, b, sim)

    return check


def _global(check: MergeCheck | None, members: list[int]) -> MergeCheck | None:
    """``check`` asked with rows of the whole input rather than of one component."""
    if check is None:
        return None
    inner = check

    def mapped(a: list[int], b: list[int], sim: float) -> bool:
        return inner([members[i] for i in a], [members[i] for i in b], sim)

    return mapped


def cohesive_average_linkage(
    sims: np.ndarray, threshold: float, ratio: float, check: MergeCheck | None = None
) -> np.ndarray:
    """Average linkage on a similarity matrix, where a merge must also fit both clusters.

    Pairs of clusters merge in order of their average similarity, down to ``threshold``, as in
    plain average linkage. A merge of two clusters that each have two or more members is refused
    when their average similarity is below ``ratio`` times the smaller of their cohesions (the
    mean similarity of a cluster's own pairs): two tight groups that are only loosely related
    (two stages of one saga, two storms) stay apart even when that loose relation passes the
    cut. The ratio is scale-free, so it holds for dense and sparse days alike. ``ratio`` 0 is
    plain average linkage.

    Returns:
        A cluster label per row (the index of one member).
    """
    n = sims.shape[0]
    avg = np.array(sims, dtype=np.float64)  # average similarity between live clusters
    np.fill_diagonal(avg, -np.inf)
    free = avg.copy()  # as avg, with refused pairs at -inf
    best = free.argmax(axis=1)
    best_sim = free[np.arange(n), best]
    size = np.ones(n)
    inner = np.zeros(n)  # sum of the similarities of a cluster's own pairs
    label = np.arange(n)
    while True:
        a = int(best_sim.argmax())
        b = int(best[a])
        sim = float(best_sim[a])
        if sim < threshold:
            break
        pairs = [inner[c] / (size[c] * (size[c] - 1) / 2) for c in (a, b) if size[c] > 1]
        refused = len(pairs) == 2 and sim < ratio * min(pairs)
        if not refused and check is not None:
            rows = [np.flatnonzero(label == c).tolist() for c in (a, b)]
            refused = not check(rows[0], rows[1], sim)
        if refused:
            free[a, b] = free[b, a] = -np.inf
            stale = np.array([a, b])
        else:
            na, nb = size[a], size[b]
            inner[a] += inner[b] + sim * na * nb
            size[a] = na + nb
            avg[a] = (na * avg[a] + nb * avg[b]) / (na + nb)
            avg[:, a] = avg[a]
            avg[a, a] = -np.inf
            avg[b] = avg[:, b] = -np.inf
            free[a] = free[:, a] = avg[a]
            free[b] = free[:, b] = -np.inf
            label[label == b] = a
            best_sim[b] = -np.inf
            stale = np.flatnonzero((best == a) | (best == b))
            stale = np.union1d(stale[stale != b], [a])
            better = free[:, a] > best_sim
            better[stale] = False
            best[better] = a
            best_sim[better] = free[better, a]
        best[stale] = free[stale].argmax(axis=1)
        best_sim[stale] = free[stale, best[stale]]
    return label


def _greedy_centroids(x: csr_matrix, threshold: float, scale: np.ndarray) -> np.ndarray:
    """Assign rows in order to the most similar centroid at or above threshold, else a new one.

    Similarities are scaled as in ``cluster_matrix``, by the row's and the cluster's mean scale.
    Ties go to the latest centroid. The centroid sums are dense rows in blocks of
    ``CENTROID_BLOCK``, and a row is compared with a whole block at once, over its own terms
    only: one centroid at a time, 20,000 short articles took 7 minutes.
    """
    cols = np.unique(x.indices)  # only the component's own terms: bounded width
    x = x[:, cols].astype(np.float32)
    labels = np.zeros(x.shape[0], dtype=np.int64)
    blocks: list[np.ndarray] = []  # centroid sums, CENTROID_BLOCK rows each (the last partly)
    norms = np.zeros(0, dtype=np.float64)  # each centroid sum's length
    scale_sums = np.zeros(0, dtype=np.float64)  # each centroid's members' scales, summed
    sizes = np.zeros(0, dtype=np.float64)  # each centroid's members
    count = 0
    for i in range(x.shape[0]):
        row = x.getrow(i)
        idx, data = row.indices, row.data
        best = -1
        if count:
            dots = np.concatenate([b[:, idx] @ data for b in blocks])[:count]
            sims = dots / np.where(norms[:count] > 0, norms[:count], 1.0)
            sims /= np.sqrt(float(scale[i]) * (scale_sums[:count] / sizes[:count]))
            top = float(sims.max())
            if top >= threshold:
                best = int(np.flatnonzero(sims == top)[-1])
        if best < 0:
            best = count
            count += 1
            if best % CENTROID_BLOCK == 0:
                blocks.append(np.zeros((CENTROID_BLOCK, x.shape[1]), dtype=np.float32))
                grow = np.zeros(CENTROID_BLOCK)
                norms, scale_sums, sizes = (
                    np.concatenate([a, grow]) for a in (norms, scale_sums, sizes)
                )
        block = blocks[best // CENTROID_BLOCK]
        block[best % CENTROID_BLOCK, idx] += data
        norms[best] = float(np.linalg.norm(block[best % CENTROID_BLOCK]))
        scale_sums[best] += float(scale[i])
        sizes[best] += 1
        labels[i] = best
    return labels


def _split(
    articles: list[Article], counts: TermCounts, members: list[int], z_min: float
) -> list[list[int]]:
    """The story's members as one group, or as its sub-events when ``split_chain`` finds them."""
    if not SPLIT_MIN <= len(members) <= SPLIT_MAX:
        return [members]
    own = (counts[0][members], counts[1][members])
    x = article_matrix(
        [articles[i] for i in members], SPLIT_NAME_WEIGHT, SPLIT_LEAD_WEIGHT, counts=own
    )
    parts: dict[int, list[int]] = {}
    for i, label in zip(members, split_chain(x, z_min), strict=True):
        parts.setdefault(int(label), []).append(i)
    return list(parts.values())


def split_chain(x: csr_matrix, z_min: float) -> np.ndarray:
    """Labels of one story's sub-events: all 0 when the story is one event.

    A saga (a shutdown warned of, ended, blamed, followed by an emergency) can chain into one
    story: each stage is tight, and the stages are close enough to pass the cut. Within the
    story, with its own IDF (``x``: rows of the story's articles only, so the saga's shared
    vocabulary weighs little), each article links to its ``SPLIT_NEIGHBOURS`` nearest; greedy
    modularity groups that graph. Any set of articles yields some groups, so the split is kept
    only when its modularity is ``z_min`` standard deviations above chance: the modularity the
    same procedure finds when the similarities are random (``_chance_modularity``). Groups
    under ``SPLIT_MIN_PART`` articles rejoin their best-linked group.
    """
    n = x.shape[0]
    none = np.zeros(n, dtype=np.int64)
    if n < 2 * SPLIT_MIN_PART:
        return none
    graph = _knn_graph(np.asarray((x @ x.T).toarray(), dtype=np.float64))
    labels, q = _greedy_modularity(graph)
    mean, sd = _chance_modularity(n)
    if len(set(labels.tolist())) < 2 or (q - mean) / sd < z_min:
        return none
    return _renumber(_absorb_small(labels, graph))


@cache
def _chance_modularity(n: int) -> tuple[float, float]:
    """Mean and standard deviation of the modularity ``split_chain`` finds on ``SPLIT_NULLS``
    random similarity matrices of size ``n`` (seeded: deterministic).

    A nearest-neighbour graph depends only on the order of the similarities, and shuffling a
    story's similarities makes every order equally likely, as random values do: chance depends
    on the story's size alone, so it is computed once per size.
    """
    rng = np.random.default_rng(n)
    found = []
    for _ in range(SPLIT_NULLS):
        sims = np.triu(rng.random((n, n)), 1)
        found.append(_greedy_modularity(_knn_graph(sims + sims.T))[1])
    return float(np.mean(found)), max(float(np.std(found)), 1e-6)


def _knn_graph(sims: np.ndarray) -> np.ndarray:
    """Symmetric 0/1 adjacency: each row linked to its ``SPLIT_NEIGHBOURS`` most similar rows."""
    n = sims.shape[0]
    others = np.array(sims, dtype=np.float64)
    np.fill_diagonal(others, -np.inf)
    nearest = np.argsort(-others, axis=1, kind="stable")[:, : min(SPLIT_NEIGHBOURS, n - 1)]
    graph = np.zeros((n, n))
    graph[np.repeat(np.arange(n), nearest.shape[1]), nearest.ravel()] = 1.0
    return np.maximum(graph, graph.T)


def _greedy_modularity(graph: np.ndarray) -> tuple[np.ndarray, float]:
    """Greedy agglomerative modularity (Clauset, Newman and Moore 2004): labels, modularity.

    Joins, while it raises the modularity, the two linked groups whose join raises it most
    (ties: lowest indexes). A heap of candidate joins, re-pushed when a group grows, keeps it
    near linear in the number of links.
    """
    n = graph.shape[0]
    ends = float(graph.sum())
    share = [float(v) for v in graph.sum(axis=1) / ends]  # a_i: share of link ends
    links: list[dict[int, float]] = [{} for _ in range(n)]  # e_ij: share of links between
    for i, j in zip(*np.nonzero(np.triu(graph, 1)), strict=True):
        links[int(i)][int(j)] = links[int(j)][int(i)] = float(graph[i, j]) / ends
    q = -sum(v * v for v in share)
    heap = [(-2 * (e - share[i] * share[j]), i, j) for i in range(n) for j, e in links[i].items()]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        neg, i, j = heapq.heappop(heap)
        if j not in links[i]:
            continue
        gain = 2 * (links[i][j] - share[i] * share[j])
        if abs(gain + neg) > 1e-12:
            continue  # stale: a newer entry holds this pair's gain
        if gain <= 1e-12:
            break
        q += gain
        del links[i][j], links[j][i]
        for k, e in links[j].items():
            links[i][k] = links[k][i] = links[i].get(k, 0.0) + e
            del links[k][j]
        links[j] = {}
        share[i] += share[j]
        share[j] = 0.0
        parent[j] = i
        for k, e in links[i].items():
            heapq.heappush(heap, (-2 * (e - share[i] * share[k]), min(i, k), max(i, k)))
    label = np.arange(n)
    for v in range(n):
        root = v
        while parent[root] != root:
            root = parent[root]
        label[v] = root
    return label, q


def _absorb_small(labels: np.ndarray, graph: np.ndarray) -> np.ndarray:
    """Groups under ``SPLIT_MIN_PART`` merged, smallest first, into their best-linked group."""
    labels = labels.copy()
    while True:
        groups, sizes = np.unique(labels, return_counts=True)
        if len(groups) < 2 or sizes.min() >= SPLIT_MIN_PART:
            return labels
        small = groups[int(sizes.argmin())]
        inside = labels == small
        links = [
            (graph[np.ix_(inside, labels == g)].sum(), -k)
            for k, g in enumerate(groups)
            if g != small
        ]
        best = groups[-max(links)[1]]
        labels[inside] = best


def _renumber(raw: np.ndarray) -> np.ndarray:
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(v), len(order)) for v in raw], dtype=np.int64)


def _story(articles: list[Article], members: list[int], x: csr_matrix) -> Story:
    """A story of these articles, titled after the most central one that has a title (when
    none has, headed by the start of the most central one's lead: see ``lead_headline``). A
    stub comes after every fuller report: a feed's teaser headed the story its full report
    led (``Article.is_stub``). A story that moved on (see ``_latest``) is titled after its
    latest reports."""
    sub = x[members]
    centroid = np.asarray(sub.sum(axis=0)).ravel()
    centrality = sub @ centroid
    latest, told = _latest([articles[i] for i in members])
    ranked = sorted(
        range(len(members)),
        key=lambda k: (
            k not in latest and bool(latest),
            articles[members[k]].is_stub,
            k not in told,
            -round(float(centrality[k]), 9),
            k,
        ),
    )
    chosen = [articles[members[k]] for k in ranked]
    title = story_title(chosen)
    dates = sorted(d for i in members if (d := as_datetime(articles[i].published)) is not None)
    return Story(
        id="",
        title=title or lead_headline(chosen[0]),
        title_derived=title is None,
        article_ids=[articles[i].id for i in members],
        outlets=distinct_outlets([o for i in members for o in articles[i].outlets]),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _latest(chosen: Sequence[Article]) -> tuple[set[int], set[int]]:
    """Indexes of a story's latest reports when it moved on during the day and a later report
    says it changed (``timeline.story_clock``): those from the middle of the time up to that
    report, and after it; and of the reports that tell that change (published at the clock),
    which head it. Why: a strike announced at 08:10 and called off at 18:45 was headed "staff
    to strike for 48 hours", its stale state; the most central report is the one most reports
    agree with, often the earliest, and among the later ones it was the midday "cancellations
    reach 170" where the evening said "systems restored; 210 cancelled in total"."""
    span, clock = timeline.moved_on(list(chosen)), timeline.story_clock(list(chosen))
    if span is None or clock is None:
        return set(), set()
    middle = span[0] + (clock - span[0]) / 2
    times = [timeline.instant(a) for a in chosen]
    return {k for k, t in enumerate(times) if t and t >= middle}, {
        k for k, t in enumerate(times) if t == clock
    }


def story_title(chosen: list[Article]) -> str | None:
    """The headline of the most central article (``chosen`` is in that order) that an outlet
    wrote in normal case; failing that, the most central headline in sentence case (see
    ``ingest.recase_title``); None when no article has one."""
    titled = [(a, t) for a in chosen if (t := a.title)]
    normal = (t for a, t in titled if not a.title_recased and not is_shouting(t, min_letters=1))
    title = next(normal, None)
    if title is not None or not titled:
        return title
    first, title = titled[0]
    # an all-capitals headline too short for ingest to recase ("UK VOTES")
    return recase_title(title, first.text) if is_shouting(title, min_letters=1) else title


def lead_headline(article: Article) -> str | None:
    """A heading for an untitled article: its lead (the first sentence of ``LEAD_MIN_WORDS`` words
    or more, so not a byline or a kicker) without the wire dateline, cut to ``HEADLINE_WORDS``
    words; an editor scanning the briefing sees what the story is about instead of "Story"."""

    def words_of(text: str) -> list[str]:
        return strip_dateline(text.strip(" *•-–—\t")).split()

    leads = (words_of(s.text) for s in article.sentences)
    words = next((w for w in leads if len(w) >= LEAD_MIN_WORDS), None)
    if words is None and article.sentences:  # no sentence that long: the first one
        words = words_of(article.sentences[0].text)
    if not words:
        return None
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words).rstrip(".")
    cut = words[:HEADLINE_WORDS]
    # end on a word that carries meaning: not "…hope to an…" or "…infected by E.…"
    while len(cut) > LEAD_MIN_WORDS // 2 and (
        cut[-1].lower().strip(",;:") in STOPWORDS or re.fullmatch(r"[A-Za-z]\.?", cut[-1])
    ):
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"


# -- the copies dedup folded in -------------------------------------------------------------------

Span = tuple[datetime, datetime]


def published_spans(articles: Sequence[Article]) -> dict[str, Span]:
    """Before dedup: each article id's earliest and latest publication date over every input
    with that id (the same text from two outlets is one id, on two dates). Undated: absent."""
    spans: dict[str, Span] = {}
    for article in articles:
        when = as_datetime(article.published)
        if when is None:
            continue
        first, last = spans.get(article.id, (when, when))
        spans[article.id] = (min(first, when), max(last, when))
    return spans


def add_copies(
    found: Sequence[Story], copies: Mapping[str, list[str]], spans: Mapping[str, Span]
) -> None:
    """Give each story the inputs dedup folded into its articles (``copies``, from
    ``dedup.dedupe_articles``) and a time span over all its inputs, copies included
    (``spans``, from ``published_spans`` of the articles before dedup): a copy published
    before or after its original is inside the span the story shows."""
    for story in found:
        story.copy_ids = [c for i in story.article_ids for c in copies.get(i, [])]
        known = [s for i in (*story.article_ids, *story.copy_ids) if (s := spans.get(i))]
        if known:
            story.first_published = min(first for first, _ in known)
            story.last_published = max(last for _, last in known)


# -- the sources a reader is told -----------------------------------------------------------------

OutletKey = tuple[str | None, ...]


def outlet_texts(articles: Sequence[Article]) -> dict[OutletKey, set[str]]:
    """Before dedup: the texts each outlet (all its fields) carried, as article ids (a hash of
    the cleaned text, so byte-identical copies share one). ``count_sources`` reads it."""
    texts: dict[OutletKey, set[str]] = {}
    for article in articles:
        for outlet in article.outlets:
            texts.setdefault(outlet.key(), set()).add(article.id)
    return texts


def count_sources(outlets: Sequence[Outlet], texts: Mapping[OutletKey, set[str]]) -> int:
    """How many sources a story's ``outlets`` are for its reader: the outlets list is also the
    account of every input, where a file copied under a second name, or a page given twice
    under two names, was "2 sources" for one text.

    Outlets with a name or a URL are one source per name (without case and spacing, as
    ``distinct_outlets``) and per URL: two names at one URL are one source. An outlet known
    only by its URL (a record with a ``url`` and no ``source``) is one source per site: ten
    pages of one site are one outlet's ten articles, not ten sources. A named outlet's URL does
    not make it one with its site's other names (a portal carries several agencies). A
    nameless outlet (a file; the records of one file are one source) is one with every other
    nameless file holding the same text, and is no source of its own when each text it holds
    is also carried by a named outlet (a byte-identical copy of a named article). A near-copy
    with edits (a syndicated version) still counts: only identical text is known to be a copy.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(keys: list[tuple[str, str]]) -> None:
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])

    told_texts: set[str] = set()
    firsts: dict[tuple[str, str], set[str]] = {}  # each outlet's first key: the texts it holds
    for outlet in outlets:
        held = texts.get(outlet.key(), set())
        who = outlet.who()  # a name without case and spacing, as ``distinct_outlets``
        if outlet.name and who is not None:
            keys = [who, *([("url", outlet.url)] if outlet.url else [])]
            told_texts |= held
        elif outlet.url:
            keys = [("site", _site(outlet.url)), ("url", outlet.url)]
            told_texts |= held
        else:  # the records of one file are one source, and so are the copies of one text
            keys = [("file", outlet.label()), *(("text", t) for t in sorted(held))]
        union(keys)
        firsts.setdefault(keys[0], set()).update(held)
    named = {find(first) for first in firsts if first[0] != "file"}
    nameless: dict[tuple[str, str], set[str]] = {}  # (named and nameless keys never meet)
    for first, held in firsts.items():
        if first[0] == "file":
            nameless.setdefault(find(first), set()).update(held)
    # a nameless group each of whose texts a named outlet carries too is a copy of it
    return len(named) + sum(1 for held in nameless.values() if not held or not held <= told_texts)


def _site(url: str) -> str:
    """The site of a web URL (``Outlet.url`` is one): its host without case or a leading
    ``www.``, so ``https://WWW.example.com/a`` and ``https://example.com/b`` are one site."""
    host = (urlsplit(url).hostname or url).lower()
    return host.removeprefix("www.")


def mark_copy_outlets(found: Sequence[Story], kept: Mapping[str, Article]) -> None:
    """Set each story's ``copy_outlets``: the named outlets that only ran a copy of another
    outlet's report (``kept``: the articles after dedup, by id, each with its outlets credited
    first first). A wire story re-run by a second outlet is one report, not two sources; an
    outlet that also credits a report of its own in the story is no copy's, nor is a second
    name at a credited outlet's URL (one page, as ``count_sources`` counts it). Files are left
    to ``count_sources``: a file names no outlet."""
    for story in found:
        articles = [a for i in story.article_ids if (a := kept.get(i)) is not None and a.outlets]
        credited = {key for a in articles for key in _identities(a.outlets[0])}
        copies: dict[tuple[str, str], Outlet] = {}
        for article in articles:
            for outlet in article.outlets[1:]:
                who = outlet.who()
                if who is not None and not _identities(outlet) & credited:
                    copies.setdefault(who, outlet)
        story.copy_outlets = list(copies.values())


def _identities(outlet: Outlet) -> set[tuple[str, str]]:
    """The name and the URL an outlet is known by (either makes two outlets one)."""
    found = {who} if (who := outlet.who()) is not None else set()
    return found | ({("url", outlet.url)} if outlet.url else set())


def rank_by_sources(found: list[Story], texts: Mapping[OutletKey, set[str]]) -> list[Story]:
    """Set each story's ``source_count`` and order the stories by it (most first; ties keep
    ``cluster_stories``' order), numbered again ``story-1``, ``story-2``, ...; an outlet that
    only ran a copy (``mark_copy_outlets``) is no source."""
    for story in found:
        story.source_count = count_sources(story.reporting_outlets, texts)
    ranked = sorted(found, key=lambda s: -s.source_count)
    for n, story in enumerate(ranked, 1):
        story.id = f"story-{n}"
    return ranked
