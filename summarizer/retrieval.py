"""Evidence retrieval for editors' drafts: BM25 (bm25s) over the sources' sentences.

Tokens are the shared content terms of summarizer/text.py, so retrieval and the checks agree
on what "the same word" means.
"""

from __future__ import annotations

import logging

import bm25s
import numpy as np

from .checks import quantities
from .models import Sentence
from .text import content_terms

# Sentences added to the best ``k`` for figures of the claim that none of them states.
MAX_FIGURE_HITS = 2

# bm25s sets its own logger to DEBUG, which would print index-building chatter on stderr.
logging.getLogger("bm25s").setLevel(logging.WARNING)
# bm25s draws hidden progress bars (show_progress=False), and even a hidden tqdm bar starts
# tqdm's monitor thread, which then lives as long as the process: a library user who verified a
# draft would have every later briefing's dedup run on one core (dedup never forks a process
# that has another thread). The bars bm25s draws need no monitor.
if isinstance(getattr(bm25s, "tqdm", None), type):
    bm25s.tqdm.monitor_interval = 0


class SentenceIndex:
    """A BM25 index over source sentences; ``search`` returns the best ones for a claim."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._bm25 = bm25s.BM25()
        corpus = [content_terms(s.text) or ["<empty>"] for s in sentences]
        self._bm25.index(corpus, show_progress=False)

    def search(self, text: str, k: int) -> list[tuple[Sentence, float]]:
        """The ``k`` highest-scoring sentences with a positive score, best first, then for
        each figure of ``text`` that none of them states, the best sentence that does (at
        most MAX_FIGURE_HITS): a claim that joins a lead's figures to a later sentence's
        ("... during which 866 developed dementia") lost that sentence to ones repeating the
        lead's many words, and its figure was then "not in the cited text"."""
        query = content_terms(text)
        if not query or not self.sentences:
            return []
        scores = np.asarray(self._bm25.get_scores(query))
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]
        found = {t for i in order for t in content_terms(self.sentences[i].text)}
        for term in dict.fromkeys(t for t in query if t not in found and quantities(t)):
            if len(order) >= k + MAX_FIGURE_HITS:
                break
            stating = np.asarray(self._bm25.get_scores([term])) > 0
            best = int(np.argmax(np.where(stating, scores, -np.inf)))
            if stating[best] and best not in order:
                order.append(best)
                found.update(content_terms(self.sentences[best].text))
        return [(self.sentences[i], float(scores[i])) for i in order]
