"""Who and where an article is about: capitalised names, cheaply, for story clustering.

No NER model: a name is a run of capitalised words that does not start a sentence (or does, when
the same word is capitalised elsewhere in the article), plus all-caps acronyms. Each name counts
as its words, so "Tara Reid" and "Reid" share a feature; the verifier's alias groups map
"Kremlin", "Moscow" and "Russia" to one name. Lower-cased and stemmed like ``text.content_terms``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .models import Article
from .text import DAY_NAMES, MONTH_NAMES, STOPWORDS, stem

_CAPITALISED_RUN = re.compile(
    r"(?<![A-Za-z0-9'’])[A-Z][A-Za-z0-9'’.-]*(?:[ \t]+[A-Z][A-Za-z0-9'’.-]*)*"
)
_LETTER = re.compile(r"[A-Za-z0-9]")
_POSSESSIVE = re.compile(r"['’]s?$")  # "Wednesday's" is still a weekday
# capitalised words that are not names even in mid-sentence
_NOT_NAMES = frozenset(["i", *DAY_NAMES, *MONTH_NAMES, "mr", "mrs", "ms", "dr"])


STOPWORDS_CASED = frozenset(w.capitalize() for w in STOPWORDS)


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    """Every alias (lower-cased) mapped to one name of its group."""
    return {name: min(group) for group in lexicon.alias_groups() for name in group}


def names(article: Article) -> list[str]:
    """The article's names (title and body), one feature per word, with aliases folded."""
    body = [_capitalised_runs(s.text) for s in article.sentences]
    inside = {
        t for runs in body for first, toks in runs for t in (toks[1:] if first else toks)
    } - STOPWORDS_CASED
    # a headline capitalises every word: only words the body also capitalises are names there
    head = [
        (False, [t for t in toks if t in inside])
        for _, toks in _capitalised_runs(article.title or "")
    ]
    canonical = _canonical()
    out: list[str] = []
    for runs in [head, *body]:
        for first, toks in runs:
            run: list[str] = []
            for i, tok in enumerate([*toks, ""]):
                low = tok.lower()
                if (
                    tok
                    and low not in STOPWORDS
                    and _POSSESSIVE.sub("", low) not in _NOT_NAMES
                    and (i > 0 or not first or tok in inside)
                ):
                    run.append(low.replace("’", "'"))
                    continue
                if run:
                    phrase = " ".join(run)
                    if phrase in canonical:
                        out.append(canonical[phrase])
                    else:
                        out.extend(canonical.get(w, stem(w)) for w in run)
                    run = []
    return out


def _capitalised_runs(text: str) -> list[tuple[bool, list[str]]]:
    """Runs of capitalised words, each flagged when it starts the sentence."""
    letter = _LETTER.search(text)
    start = letter.start() if letter else -1
    return [
        (m.start() == start, [t.rstrip(".'’-") for t in m.group().split()])
        for m in _CAPITALISED_RUN.finditer(text)
    ]
