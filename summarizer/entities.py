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
from .text import DAY_NAMES, MONTH_NAMES, STOPWORDS, stem, strip_dateline

_CAPITALISED_RUN = re.compile(
    r"(?<![A-Za-z0-9'’])[A-Z][A-Za-z0-9'’.-]*(?:[ \t]+[A-Z][A-Za-z0-9'’.-]*)*"
)
_LETTER = re.compile(r"[A-Za-z0-9]")
_POSSESSIVE = re.compile(r"['’]s?$")  # "Wednesday's" is still a weekday
# capitalised words that are not names even in mid-sentence
_NOT_NAMES = frozenset(["i", *DAY_NAMES, *MONTH_NAMES, "mr", "mrs", "ms", "dr"])


STOPWORDS_CASED = frozenset(w.capitalize() for w in STOPWORDS)

# Read the names the rules above miss, where news most often puts them: a company that only
# ever starts a sentence ("Nordlys Semiconductors reported ...") and the capitalised parts of a
# hyphenated name ("Aoraki-Mount Cook", "Oslo-based"). Bench round 21 (False: as before it).
FULLER_NAMES = True
# A wire dateline ("VELGRAD, Dec 9 (CPA) - Nurses walked out ...") says where and by whom the copy
# was filed, not who or what it is about: with True, names are read from the first sentence
# without it, so "Dec", "CPA" and "Nurses" are no names and every report of one wire does not
# share them. Bench round 22 (False: as before it).
SKIP_DATELINES = False
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9'’-])[a-z][a-z'’]*")


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    """Every alias (lower-cased) mapped to one name of its group."""
    return {name: min(group) for group in lexicon.alias_groups() for name in group}


def names(article: Article) -> list[str]:
    """The article's names (title and body), one feature per word, with aliases folded."""
    fuller = FULLER_NAMES
    texts = [s.text for s in article.sentences]
    if SKIP_DATELINES and texts:
        texts[0] = strip_dateline(texts[0])
    body = [_capitalised_runs(t, hyphens=fuller) for t in texts]
    inside = {
        t for runs in body for first, toks in runs for t in (toks[1:] if first else toks)
    } - STOPWORDS_CASED
    if fuller:
        inside |= _leading_names(article, body, inside)
    # a headline capitalises every word: only words the body also capitalises are names there
    head = [
        (False, [t for t in toks if t in inside])
        for _, toks in _capitalised_runs(article.title or "", hyphens=fuller)
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


def _capitalised_runs(text: str, *, hyphens: bool = False) -> list[tuple[bool, list[str]]]:
    """Runs of capitalised words, each flagged when it starts the sentence; with ``hyphens``,
    a hyphenated word counts as its capitalised parts ("Oslo-based" is "Oslo")."""
    letter = _LETTER.search(text)
    start = letter.start() if letter else -1
    runs = [
        (m.start() == start, [t.rstrip(".'’-") for t in m.group().split()])
        for m in _CAPITALISED_RUN.finditer(text)
    ]
    if not hyphens:
        return runs
    return [
        (first, [p for t in toks for p in t.split("-") if p[:1].isupper()]) for first, toks in runs
    ]


def _leading_names(
    article: Article, body: list[list[tuple[bool, list[str]]]], inside: set[str]
) -> set[str]:
    """Sentence-first words that begin a name of two or more words ("Nordlys Semiconductors
    reported ...") and that the article never writes in lower case: a company named only at
    the start of its sentences is still a name, while "Police Chief Ann Lee" (police) is not."""
    candidates = {
        toks[0]
        for runs in body
        for first, toks in runs
        if first and len(toks) > 1 and toks[0] not in inside and _named(toks[0]) and _named(toks[1])
    }
    if not candidates:  # no sentence starts with such a run: the text is not scanned
        return set()
    text = " ".join([article.title or "", *(s.text for s in article.sentences)])
    lower = {w.replace("’", "'") for w in _LOWER_WORD.findall(text)}
    return {t for t in candidates if t.lower().replace("’", "'") not in lower}


def _named(tok: str) -> bool:
    """A capitalised word that may be (part of) a name: no function word, weekday or title."""
    low = tok.lower()
    return low not in STOPWORDS and _POSSESSIVE.sub("", low) not in _NOT_NAMES
