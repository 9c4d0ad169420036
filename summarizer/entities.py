"""Who and where an article is about: capitalised names, cheaply, for story clustering.

No NER model: a name is a run of capitalised words that does not start a sentence (or does, when
the same word is capitalised elsewhere in the article), plus all-caps acronyms. Each name counts
as its words, so "Tara Reid" and "Reid" share a feature; the verifier's alias groups map
"Kremlin", "Moscow" and "Russia" to one name. Lower-cased and stemmed like ``text.content_terms``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .models import Article
from .text import STOPWORDS, stem

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z]")
# capitalised words that are not names even in mid-sentence
_NOT_NAMES = frozenset(
    """
    i monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december mr mrs ms dr
    """.split()
)


def alias_groups() -> list[set[str]]:
    """The verifier's alias groups (one list for the whole project; moving to ``lexicon``)."""
    from .checks import _ALIASES

    return _ALIASES


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    """Every alias (lower-cased) mapped to one name of its group."""
    return {name: min(group) for group in alias_groups() for name in group}


def names(article: Article) -> list[str]:
    """The article's names (title and body), one feature per word, with aliases folded."""
    body = [_TOKEN.findall(s.text) for s in article.sentences]
    capitalised_inside = {
        t for toks in body for t in toks[1:] if t[0].isupper() and t.lower() not in STOPWORDS
    }
    # a headline capitalises every word: only words the body also capitalises are names there
    head = _TOKEN.findall(article.title or "")
    tokenised = [[t for t in head if t in capitalised_inside], *body]
    canonical = _canonical()
    out: list[str] = []
    for toks in tokenised:
        run: list[str] = []
        for i, tok in enumerate([*toks, ""]):
            is_name = (
                bool(tok)
                and tok[0].isupper()
                and tok.lower() not in STOPWORDS
                and tok.lower() not in _NOT_NAMES
                and (i > 0 or tok in capitalised_inside)
            )
            if is_name:
                run.append(tok.lower().replace("’", "'"))
                continue
            if run:
                phrase = " ".join(run)
                if phrase in canonical:
                    out.append(canonical[phrase])
                else:
                    out.extend(canonical.get(w, stem(w)) for w in run)
                run = []
    return out
