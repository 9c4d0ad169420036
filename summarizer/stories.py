"""Story clustering: group a day's articles by the events they cover.

Articles become TF-IDF vectors of their content terms (``text.content_terms``: stemmed, no
stopwords; sublinear tf, smoothed idf, unit length). Stories are the clusters of average-linkage
agglomerative clustering cut at a cosine similarity threshold. To scale without an n x n matrix,
similarities are computed sparsely in row blocks and only pairs at or above the threshold are
kept; average-linkage clusters at threshold t always lie inside the connected components of that
graph (single linkage at t), so clustering each component on its own gives the exact result.
A component too large for a dense matrix falls back to greedy centroid assignment.

An article similar to no other stays a story of its own. Deterministic: input order breaks ties.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

from .dedup import distinct_outlets
from .models import Article, Story
from .progress import ProgressFn
from .text import content_terms

DEFAULT_STORY_THRESHOLD = 0.1  # cosine of TF-IDF vectors; see bench/cluster_bench.py
BLOCK_ROWS = 256  # rows per sparse similarity block: bounds memory at BLOCK_ROWS x n
MAX_DENSE = 2000  # largest component clustered with a dense average-linkage matrix


def cluster_stories(
    articles: list[Article],
    *,
    threshold: float = DEFAULT_STORY_THRESHOLD,
    progress: ProgressFn | None = None,
) -> list[Story]:
    """Group articles into stories, ordered by distinct outlets (most first).

    Args:
        articles: the day's (deduplicated) articles; their order breaks ties.
        threshold: cosine similarity at or above which articles may share a story.

    Returns:
        Stories ``story-1``, ``story-2``, ... each titled after its most central article.
    """
    if not articles:
        return []
    x = tfidf_matrix(articles)
    labels = cluster_matrix(x, threshold, progress=progress)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    made = [(_story(articles, members, x), members[0]) for members in groups.values()]
    made.sort(key=lambda p: (-len(p[0].outlets), -len(p[0].article_ids), p[1]))
    stories = [story for story, _ in made]
    for n, story in enumerate(stories, 1):
        story.id = f"story-{n}"
    return stories


def select_stories(
    stories: list[Story], *, max_stories: int | None = None, min_sources: int = 1
) -> tuple[list[Story], list[str]]:
    """Keep stories with at least ``min_sources`` outlets, at most ``max_stories`` of them.

    Returns:
        The kept stories (order unchanged) and notes saying what was left out.
    """
    kept = [s for s in stories if len(s.outlets) >= min_sources]
    notes: list[str] = []
    if len(kept) < len(stories):
        n = len(stories) - len(kept)
        notes.append(
            f"{n} stor{'y' if n == 1 else 'ies'} with fewer than {min_sources} sources left out"
        )
    if max_stories is not None and len(kept) > max_stories:
        n = len(kept) - max_stories
        notes.append(f"{n} smaller stor{'y' if n == 1 else 'ies'} left out (--max-stories)")
        kept = kept[:max_stories]
    return kept, notes


def tfidf_matrix(articles: list[Article]) -> csr_matrix:
    """Unit-length TF-IDF rows (sublinear tf, smoothed idf) of title plus body content terms."""
    vocab: dict[str, int] = {}
    indptr, indices, counts = [0], [], []
    for a in articles:
        tf = Counter(content_terms(f"{a.title or ''}\n{a.text}"))
        for term, n in sorted(tf.items()):
            indices.append(vocab.setdefault(term, len(vocab)))
            counts.append(1.0 + math.log(n))
        indptr.append(len(indices))
    x = csr_matrix(
        (np.array(counts, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
        shape=(len(articles), max(len(vocab), 1)),
    )
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log((1 + x.shape[0]) / (1 + df)) + 1.0
    x = x.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms.reshape(-1, 1)))


def cluster_matrix(
    x: csr_matrix, threshold: float, *, progress: ProgressFn | None = None
) -> np.ndarray:
    """Average-linkage cluster labels of the rows of ``x`` (unit vectors), cut at ``threshold``."""
    n = x.shape[0]
    rows, cols = [], []
    xt = x.T.tocsc()
    for start in range(0, n, BLOCK_ROWS):
        if progress is not None:
            progress("stories", start, n)
        block = (x[start : start + BLOCK_ROWS] @ xt).tocoo()
        keep = (block.data >= threshold) & (block.col > block.row + start)
        rows.append(block.row[keep] + start)
        cols.append(block.col[keep])
    if progress is not None:
        progress("stories", n, n)
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    graph = csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=np.int64)
    members_of: dict[int, list[int]] = {}
    for i, k in enumerate(comp):
        members_of.setdefault(int(k), []).append(i)
    next_label = 0
    for members in sorted(members_of.values()):
        sub = _cluster_component(x[members], threshold)
        for i, s in zip(members, sub, strict=True):
            labels[i] = next_label + s
        next_label += int(sub.max()) + 1
    return labels


def _cluster_component(x: csr_matrix, threshold: float) -> np.ndarray:
    """Labels 0..k-1 for one component, numbered by first member."""
    n = x.shape[0]
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    if n > MAX_DENSE:
        return _greedy_centroids(x, threshold)
    sims = (x @ x.T).toarray()
    dist = np.clip(1.0 - sims[np.triu_indices(n, 1)], 0.0, 2.0)
    raw = fcluster(linkage(dist, method="average"), t=1.0 - threshold, criterion="distance")
    return _renumber(raw)


def _greedy_centroids(x: csr_matrix, threshold: float) -> np.ndarray:
    """Assign rows in order to the most similar centroid at or above threshold, else a new one."""
    cols = np.unique(x.indices)  # only the component's own terms: bounded width
    x = x[:, cols].astype(np.float32)
    labels = np.zeros(x.shape[0], dtype=np.int64)
    sums: list[np.ndarray] = []
    for i in range(x.shape[0]):
        v = x[i].toarray().ravel()
        best, best_sim = -1, threshold
        for k, s in enumerate(sums):
            sim = float(v @ s) / (float(np.linalg.norm(s)) or 1.0)
            if sim >= best_sim:
                best, best_sim = k, sim
        if best < 0:
            sums.append(v.copy())
            best = len(sums) - 1
        else:
            sums[best] += v
        labels[i] = best
    return labels


def _renumber(raw: np.ndarray) -> np.ndarray:
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(v), len(order)) for v in raw], dtype=np.int64)


def _story(articles: list[Article], members: list[int], x: csr_matrix) -> Story:
    """A story of these articles, titled after the most central one that has a title."""
    sub = x[members]
    centroid = np.asarray(sub.sum(axis=0)).ravel()
    centrality = sub @ centroid
    ranked = sorted(range(len(members)), key=lambda k: (-round(float(centrality[k]), 9), k))
    chosen = [articles[members[k]] for k in ranked]
    title = next((a.title for a in chosen if a.title), None)
    return Story(
        id="",
        title=title,
        article_ids=[articles[i].id for i in members],
        outlets=distinct_outlets([o for i in members for o in articles[i].outlets]),
    )
