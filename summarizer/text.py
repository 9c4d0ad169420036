"""Shared text normalisation: words, stems, stopwords, content terms.

Used by the embedded engine, dedup, story clustering and the verifier, so that "the same
words" means the same thing at every stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import Stemmer

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each either few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own per
    same shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up upon us very via was wasn't we we'd we'll we're we've
    were weren't what what's when when's where where's which while who who's whom why why's
    will with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves said says say saying told according would could may might must shall one two
    also however since yet still mr mrs ms
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, with inner apostrophes)."""
    low = text.lower()
    # Lower-casing the whole text first gives the same words, faster, unless a character
    # changes length ("İ") or its case depends on the next word (final sigma); the
    # tokenizer's classes are otherwise the same for every character and its lower case
    # (tests/test_text.py checks every code point).
    if len(low) == len(text) and "Σ" not in text:
        return _WORD.findall(low.replace("’", "'"))
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def words_keeping_acronyms(text: str) -> list[str]:
    """``words``, but a word of two or more capitals ("US", "IT") kept as written: lower-cased it
    reads as a pronoun ("us", "it"), and "developed by US biotech company Caldera" was taken
    for a first-person sentence and held back, an article's lead with it."""
    return [
        w if len(w) > 1 and w.isupper() else w.lower()
        for w in _WORD.findall(text.replace("’", "'"))
    ]


_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) English stem via PyStemmer: "talks"/"talk", "agreed"/"agree",
    while "news" stays "news" and "investment"/"investigation" stay apart."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 2 or w.isdigit():
        return w
    return str(_STEMMER.stemWord(w))


# Bodies a he/she cannot be: institutions and collectives, singular in form ("the university
# said he died": he is someone else), and plural people a capital may hide ("Officials said").
# The blurb's pronoun reading and an interview's interviewee (a name of none of them) share it.
BODIES = frozenset(
    """
    police government ministry department agency office university college school hospital
    company firm group council committee commission board court army military navy embassy
    administration authority authorities officials witnesses investigators prosecutors doctors
    relatives residents sources reports family statement newspaper network union party team
    """.split()
)

# A figure as written: "$4.62bn", "4.62 billion", "31%", "17 per cent", "2,300"; not one inside
# a word ("Q3", "FY25", "F-16") or a date's parts after a colon or dot ("10.30").
_FIGURE = re.compile(
    r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s*(%|per ?cent\b|percent\b)|\s*(bn|tn|mn|m|k)\b"
    r"|\s+(billion|trillion|million|thousand)\b)?"
    r"(?![\w.]\d)"
)
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
SCALE_TERMS = frozenset(stem(w) for w in (*_SCALES, "percent", "cent"))  # a figure's, no fact


def figure_values(text: str) -> frozenset[tuple[str, float]]:
    """The figures ``text`` states, each a kind ("%" or "") and a value with its scale applied:
    "$4.62bn" and "$4.62 billion" are one figure, ("", 4.62e9); "9%" and "9 per cent" are
    ("%", 9.0), not 9. Cheap (one regex), for the engine's every sentence; the verifier's
    reader (``checks.exact_numbers``) also knows what a figure counts."""
    out: set[tuple[str, float]] = set()
    for m in _FIGURE.finditer(text):
        whole, decimals, percent, short, long = m.groups()
        value = float(whole.replace(",", "") + (decimals or ""))
        scale = _SCALES[(short or long or "").lower()] if (short or long) else 1.0
        out.add(("%" if percent else "", round(value * scale, 6)))
    return frozenset(out)


class WordMap(dict[str, T]):
    """``fn(word)`` for each word, computed once and then read from a plain dict: by a C-level
    ``map(words.__getitem__, tokens)`` that costs a third of a cached call per word (dedup and
    story clustering, which every LLM call waits for, read every word). Emptied at once past
    ``limit`` words: a server runs for days."""

    def __init__(self, fn: Callable[[str], T], limit: int) -> None:
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, word: str) -> T:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value


def _content_term(word: str) -> str | None:
    """The word's stem, or None when it is no content term (a stopword, a lone letter)."""
    return stem(word) if word not in STOPWORDS and (len(word) > 1 or word.isdigit()) else None


MAX_TERMS = 262144  # words remembered
_TERMS: WordMap[str | None] = WordMap(_content_term, MAX_TERMS)


def content_terms(text: str) -> list[str]:
    """Stems of the non-stopword tokens, in order (numbers kept)."""
    return terms_of(words(text))


def terms_of(tokens: list[str]) -> list[str]:
    """``content_terms`` of a text's ``words`` already read: the engine reads each sentence's
    words once for its terms, numbers and bigrams."""
    return [term for term in map(_TERMS.__getitem__, tokens) if term is not None]


def term_words(text: str) -> dict[str, str]:
    """Each content term of ``text`` and the first word that gave it ("polic": "police"), to
    name a term to a person in the text's own words, not as a stem."""
    found: dict[str, str] = {}
    for word in words(text):
        term = _TERMS[word]
        if term is not None:
            found.setdefault(term, word)
    return found


def bigrams(terms: list[str]) -> list[tuple[str, str]]:
    """Adjacent pairs of content terms."""
    return list(zip(terms, terms[1:], strict=False))


# A wire dateline before the lead: "WASHINGTON (AP) --", "NEW HAVEN, Conn. (AP) -",
# "BEIJING _", "LONDON, March 3 (Reuters) -". Upper-case place words, then an optional state or
# date, an optional agency in brackets, a dash or an underscore, and a capital (the lead).
# A place written in ordinary case is a dateline only with an agency ("Nairobi, February 9
# (Xinhua) --", "Washington (CNN) --") or a region after a comma ("Meadow Lake, Saskatchewan
# -- "); its first word is not a sentence opener ("However, Congress -- The ...").
_UPPER_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# "March 3", "Conn.", and a press release's "3 March 2025" / "March 3, 2025"
_STATE_OR_DATE = (
    r",\s+(?:\d{1,2}\s+)?[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
)
# "(AP)", and a press-release wire between slashes: "/PRNewswire/", "/PRNewswire-UKDisclose/"
_AGENCY = r"\s*(?:\([A-Za-z ]{2,20}\)|/[A-Za-z][\w -]{1,30}/)"
_DASH = r"\s*(?:--|[-_–—―]-?)\s+(?=[A-Z0-9\"“‘'`])"
_DATELINE = re.compile(
    rf"^(?:{_UPPER_PLACE}(?:{_STATE_OR_DATE})?(?:{_AGENCY})?"
    rf"|(?P<place>{_PLACE})(?:(?:{_STATE_OR_DATE})?{_AGENCY}|{_STATE_OR_DATE}(?=\s+[–—―-]-?\s)))"
    rf"{_DASH}"
)
# The same with an agency, inside a line: a headline glued to the dateline of its story.
# Found from its agency, "(AP) --" (a literal "(" the regex engine jumps to), then the place.
_AGENCY_DASH = re.compile(rf"\([A-Za-z ]{{2,20}}\){_DASH}")
_PLACE_BEFORE = re.compile(rf"(?<=[a-z0-9’'\")])\s+({_UPPER_PLACE}(?:{_STATE_OR_DATE})?)\s*$")


def strip_dateline(text: str) -> str:
    """The sentence without a leading wire dateline and kicker: what a summary or a heading
    shows (the dateline is where the copy was filed and the kicker its section, not what
    happened): "WASHINGTON (AP) -- Analysis: The Senate ..." -> "The Senate ..."."""
    match = _DATELINE.match(text)
    if match is not None:
        place = match.group("place")
        if not (place and place.split()[0].lower() in STOPWORDS):
            text = text[match.end() :]
    return strip_kicker(text)


# A kicker: the section or label a page or a wire puts before a headline or a lead. Only known
# shapes, so a real first word stays ("Analysis of the data", "Business leaders met"):
# a label and a colon ("Analysis: ", "EXCLUSIVE: "); a section in capitals and a bar or a
# dash ("OPINION | ", "BUSINESS - "); Reuters' slugs ("UPDATE 2-", "RPT-UPDATE 1-",
# "EXCLUSIVE-"); a section in capitals before a capitalised word ("BUSINESS The Dow ...").
_LABEL = (
    r"(?:news\s+)?analysis|commentary|opinion|editorial|exclusive|breaking(?:\s+news)?|update|"
    r"factbox|fact\s+check|explainer|insight|preview|review|watch|video|live|column|"
    r"op-ed|perspective|interview|q\s*&\s*a"
)
_SECTION = (
    r"OPINION|BUSINESS|SPORTS?|ENTERTAINMENT|POLITICS|WORLD|NATIONAL|LOCAL|TECH(?:NOLOGY)?|"
    r"SCIENCE|HEALTH|MARKETS|MONEY|TRAVEL|LIFESTYLE|CULTURE|ARTS|EDITORIAL|ANALYSIS|"
    r"COMMENTARY|EXCLUSIVE|BREAKING(?: NEWS)?|UPDATE|WATCH|VIDEO|LIVE"
)
_WIRE_SLUG = (
    r"(?:UPDATE|WRAPUP|RPT|REFILE|CORRECTED|EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|PREVIEW|"
    r"BREAKINGVIEWS|COLUMN|SPECIAL REPORT)(?:\s+\d{1,2})?-(?=\S)"
)
# "UPDATE: 9 p.m. -- ", "Update 7:19 p.m. ET: ": when the update was posted, not what it says.
_UPDATE_TIME = (
    r"(?i:update)\s*:?\s*\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?\s*(?:--|[-–—:])\s*"
)
_KICKER = re.compile(
    rf"^(?:{_UPDATE_TIME}(?=[A-Z0-9\"“‘'])"
    rf"|(?i:{_LABEL})\s*:\s+(?=[A-Z0-9\"“‘'])"
    rf"|(?:{_SECTION})(?:\s*[|:]\s*|\s+[-–—]\s+)(?=[A-Z0-9\"“‘'])"
    rf"|(?:{_WIRE_SLUG})+"
    rf"|(?:OPINION|BUSINESS|SPORTS|ENTERTAINMENT|EDITORIAL|ANALYSIS|COMMENTARY|EXCLUSIVE)"
    rf"\s+(?=[A-Z][a-z]))"
)


# An interviewer's turn in a Q&A ("Q: What is your first priority?", "Question: ...", "Q. Will
# fares go up?": a "Q." only before a question, not an initial). Ingest keeps a turn, label and
# all, as one unit; it is never a claim, even when its premise reads as one ("Q: Cyclists say
# the lanes are dangerous. Do you agree?").
_INTERVIEWER = re.compile(r"^(?:Q:|Question:|Q\.(?=[^\n]*\?))\s+\S")


def is_interviewer_turn(text: str) -> bool:
    """The text is an interviewer's turn in a Q&A, its label first (see ``_INTERVIEWER``)."""
    return text[:1] == "Q" and _INTERVIEWER.match(text) is not None


def strip_kicker(text: str) -> str:
    """The headline or lead without a kicker before it ("OPINION | Why ...", "UPDATE 2-Oil
    rises", "Analysis: The Senate ..."); any other text as it is."""
    if not text[:1].isalpha():
        return text
    match = _KICKER.match(text)
    return text[match.end() :] if match else text


def split_glued_dateline(line: str) -> list[str]:
    """A line cut before an inner wire dateline that follows text not ended like a sentence:
    "NASA to launch repair trip CAPE CANAVERAL, Fla. (AP) -- NASA will ..." is a headline and
    its story. A dateline inside a line needs its agency to count as one."""
    if "(" not in line:
        return [line]
    for agency in _AGENCY_DASH.finditer(line):
        start = max(0, agency.start() - 80)
        place = _PLACE_BEFORE.search(line, start, agency.start())
        if place is not None:
            head = line[: place.start()].rstrip()
            return [head, *split_glued_dateline(line[place.start(1) :])]
    return [line]


# The calendar's words, lower case: not names, though capitalised (one list for every reader).
MONTH_NAMES = tuple(
    "january february march april may june july august september october november december".split()
)
DAY_NAMES = tuple("monday tuesday wednesday thursday friday saturday sunday".split())


# Chinese and Japanese write no spaces between words: each character counts as a word there,
# as word processors count them, and their punctuation as none
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01\uff0c\uff1a\uff1b\uff1f\u00b7\u30fb]")


_PLURAL = {"story": "stories", "copy": "copies"}


def counted(n: int, noun: str) -> str:
    """A count as a reader says it: "1 article", "2 articles", "1 story", "3 smaller stories"
    (the last word of ``noun`` takes the plural)."""
    if n == 1:
        return f"{n} {noun}"
    head, _, last = noun.rpartition(" ")
    return f"{n} {head}{' ' if head else ''}{_PLURAL.get(last, last + 's')}"


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated, and each Chinese or Japanese
    character (a 121-character Chinese blurb was 3 words, so --max-words never cut it)."""
    if text.isascii():
        return len(text.split())
    cjk = len(_CJK_CHAR.findall(text))
    if not cjk:
        return len(text.split())
    return cjk + len(_CJK_PUNCT.sub(" ", _CJK_CHAR.sub(" ", text)).split())


def fit_words(texts: Iterable[str], max_words: int) -> list[bool]:
    """Which of ``texts``, in order, fit ``max_words`` together: one that does not fit is
    left out and the next ones are tried, so the budget is never exceeded (as the embedded
    engine's). The rule for the LLM's claims (``mapreduce``) and their repairs (``verify``)."""
    fits: list[bool] = []
    used = 0
    for text in texts:
        n = word_count(text)
        fits.append(used + n <= max_words)
        used += n if fits[-1] else 0
    return fits
