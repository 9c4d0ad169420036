"""Deterministic checks of a claim against the text it cites (the verifier's layer 2).

Each check compares the claim with the union of its cited sentences and returns a ``Check``
whose detail says what was not found, so a rejected claim always carries its reason. No model
is involved: numbers are parsed and normalised, names are found with a capitalised-span
heuristic (no offline NER model ships with a pip package we can use), negation is scoped to the
few content words after a cue, and coverage is the share of the claim's content terms present
in the evidence. Words are matched by their Snowball stems (no prefix rules), number words by
text2num, dates by dateutil, and aliases, synonyms and antonyms come from data files
(summarizer/lexicon.py).

Checks come in two kinds. A failed *contradiction* check (numbers, names, quotes, negation,
antonyms, reversed roles) means the evidence says otherwise; a failed *support* check (coverage,
relations, or a name or number found elsewhere in the sources but not in the cited text) only
means the evidence does not clearly carry the claim: ``support()`` turns a list of checks into
the three verdicts.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from dateutil import parser as date_parser
from text_to_num import alpha2digit

from . import lexicon
from .models import Check, Support
from .text import DAY_NAMES, MONTH_NAMES, STOPWORDS, bigrams, content_terms, stem, term_words, words

# Share of the claim's content terms that must occur in the cited text. Tuned on the
# verifier-dev data (bench/verify_bench.py) and the paraphrase suite in tests/test_verify.py.
COVERAGE_MIN = 0.7
# Share of the claim's adjacent content-term pairs, both found in the evidence, that must stand
# within RELATION_WINDOW content terms of each other there (tuned on verifier-dev).
RELATION_MIN = 0.5
RELATION_WINDOW = 3
# Content words after a negation cue that fall in its scope.
NEGATION_SCOPE = 3

# -- shared tokenising -------------------------------------------------------------------------

_SCALES = r"(?:thousand|million|billion|trillion|bn|mn|m|k)"
_TOKEN = re.compile(
    # a figure and its unit ("8.5p", "8.5kg", "50p") but not its scale ("8.5m", "1.91bn")
    r"\d+(?:,\d{3})*\.\d+(?=[^\W\d_])(?!(?:st|nd|rd|th|s)?" + _SCALES + r"?(?!\w))"
    r"|\d+(?=p(?!\w))"
    r"|\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th|s)?" + _SCALES + r"?(?!\w)"
    r"|\d[^\W_]*|[^\W\d_][^\W_]*(?:['’][^\W\d_]+)*|[$£€%#]|[.,;:!?]"
)
_FRACTION_WORD = re.compile(r"half|third|quarter|fifth|tenth", re.IGNORECASE)
_ABBREV = (("U.S.", "US"), ("U.K.", "UK"), ("U.N.", "UN"), ("E.U.", "EU"))


# A share said as a fraction in words ("about a third", "two-thirds of", "nearly half"), read
# as the percent it is, so "about a third" holds for "34 percent" and is not the number 3: one
# after an approximation, or before "of" or what it is compared with ("a premium of about a third
# over Monday's price"). A third is no whole percent: one said without a bound reads "about".
_FRACTION_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Only approximations: "more than a quarter" for "about 27 percent" is fair, but the ranges
# of a bound and of "about 27" overlap without one holding the other, so such a bound is left
# as words, as before.
_SHARE_BOUNDS = "about|around|roughly|approximately|some|an estimated|close to|nearly|almost"
_FRACTION = re.compile(
    r"\b(?<!than )(?<!over )(?<!above )(?<!under )(?<!below )(?<!least )(?<!most )(?<!to )"
    r"(?:(" + _SHARE_BOUNDS + r")\s+)?"
    r"(?:(a|one|two|three|four)[\s-]+(half|thirds?|quarters?|fifths?|tenths?)"
    r"|(?<!the )(?<!first )(?<!second )(?<!this )(?<!that )(?<!last )(?<!next )"
    r"(?<!\dst )(?<!\dnd )(?<!\drd )(?<!\dth )(half))\b"
    r"(?=(\s+(?:of|over|above|below|to|than)\b|\s*[,;.)]|\s*$))",
    re.IGNORECASE,
)


def _share(match: re.Match[str]) -> str:
    bound, count, part, half, after = match.groups()
    if not bound and not after.strip(" ").lower().startswith("of"):
        return match.group(0)  # "a third time", "half a mile": no share
    if half and not bound and not after.strip():
        return match.group(0)
    n = _FRACTION_COUNT[count.lower()] if count else 1
    parts = _FRACTION_PARTS[(part or half).lower().rstrip("s")]
    value = 100 * n / parts
    shown = f"{value:.15g}" if value.is_integer() else f"{value:.1f}"
    bound = bound or ("" if value.is_integer() else "about")
    return f"{bound} {shown} percent".strip()


def _norm(text: str, *, shares: bool = True) -> str:
    """Unify quotes, dashes and common dotted abbreviations so both sides compare alike, and
    read a fraction in words as the share it is (``_FRACTION``). ``shares=False`` leaves
    fractions as words: the sources' names and corpus (built over every source sentence of a
    day) have no use for them, and ``_FRACTION`` tried at each word of 10,000 articles took
    seconds."""
    for a, b in _ABBREV:
        text = text.replace(a, b)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\u2010-\u2015\u2011]", "-", text).replace("\u00a0", " ")
    if shares and _FRACTION_WORD.search(text):
        return _FRACTION.sub(_share, text)
    return text


def _tokens(text: str, *, shares: bool = True) -> list[str]:
    return _TOKEN.findall(_norm(text, shares=shares))


class TermSet:
    """A set of stems. Kept as a class so the checks share one notion of "the same term":
    equal Snowball stems, nothing looser ("investment" is not "investigation")."""

    def __init__(self, terms: list[str]) -> None:
        self.terms = set(terms)

    def __contains__(self, term: object) -> bool:
        return term in self.terms


# A failed check of these names means the evidence says otherwise.
CONTRADICTION_CHECKS = frozenset(
    {
        "structure",
        "numbers",
        "names",
        "quotes",
        "negation",
        "qualifiers",
        "antonyms",
        "roles",
        "attribution",
        "disowned",
    }
)


def support(checks: list[Check]) -> Support:
    """The three-way verdict of a claim's checks: any failed contradiction check contradicts;
    any other failure (coverage, relations, a name found only elsewhere) leaves it
    unverifiable; no failure supports it."""
    failed = {c.name for c in checks if not c.passed}
    if failed & CONTRADICTION_CHECKS:
        return "contradicted"
    return "unverifiable" if failed else "supported"


@dataclass
class Evidence:
    """The cited text a claim is checked against, and what the sources say about names."""

    sentences: list[str]
    known_names: set[str] = field(default_factory=set)  # capitalised mid-sentence in sources
    corpus: str = ""  # all source text, normalised, for name completion
    # each cited sentence's sentences before it, nearest first: whom its "he" or "she" means
    preceding: dict[str, list[str]] = field(default_factory=dict)
    # quantities of all sources, computed on demand (None: unknown)
    source_quantities: Callable[[], set[str]] | None = None
    # the cited articles' whole text as ``corpus`` gives it, on demand (None: use ``corpus``)
    cited_corpus: Callable[[], str] | None = None
    # bound_verdict's answers: three checks ask about each bound of a claim
    verdicts: dict[Bound, BoundVerdict | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # goal_places' answers, by claim: the roles and the relations checks both ask
    placed: dict[str, list[GoalPlaces]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        return _norm(" ".join(self.sentences))

    @cached_property
    def before(self) -> list[str]:
        """The sentences just before the cited ones, in reading order."""
        return [t for s in self.sentences for t in reversed(self.preceding.get(s, []))]

    @cached_property
    def terms(self) -> TermSet:
        return TermSet(content_terms(self.text) + [stem(w) for w in words(self.text)])

    @cached_property
    def quantities(self) -> set[str]:
        return quantities(self.text)

    @cached_property
    def figures(self) -> list[_Figure]:
        """The cited text's numbers, exact and bounded (``bound_verdict``)."""
        return figures(self.text)

    @cached_property
    def base_terms(self) -> set[str]:
        """Stems of the base forms of the cited text's verbs and adjectives ("begun" ->
        "begin", "broader" -> "broad"): a claim's may be another form of an irregular one."""
        out: set[str] = set()
        for word in set(words(self.text)):
            readings = word_readings(word)
            out.update(stem(b) for kind in ("VERB", "ADJ") for b in readings.get(kind, ()))
        return out

    @cached_property
    def term_lists(self) -> list[list[str]]:
        """Each cited sentence's content terms, in order."""
        return [content_terms(_norm(s)) for s in self.sentences]

    @cached_property
    def negation_scopes(self) -> list[list[str]]:
        """The stems each negation cue of the cited text scopes over."""
        return [scope for scope, _ in self.scoped_negations]

    @cached_property
    def scoped_negations(self) -> list[tuple[list[str], set[str]]]:
        """Each negation scope of the cited text with the stems its own sentence states
        outside any scope: a word another cited sentence states ("helped by price increases")
        is still negated in this one ("did not plan further increases")."""
        return [(scope, free) for scoped, free in self._sentence_negations for scope in scoped]

    @cached_property
    def _sentence_negations(self) -> list[tuple[list[list[str]], set[str]]]:
        """Each cited sentence's negation scopes and its stems outside them, read once."""
        return [_negation_scopes(sentence) for sentence in self.sentences]

    @cached_property
    def denied_clauses(self) -> list[tuple[list[str], set[str]]]:
        """Each clause the cited text says is not shown or proved (``_denied_clauses``), with
        the stems of its sentence outside that clause."""
        return [found for sentence in self.sentences for found in _denied_clauses(sentence)]

    @cached_property
    def negated(self) -> tuple[set[str], set[str]]:
        """Stems inside a negation scope, and stems that also occur outside one."""
        inside: set[str] = set()
        outside: set[str] = set()
        for scoped, free in self._sentence_negations:
            inside.update(t for scope in scoped for t in scope)
            outside.update(free)
        return inside, outside


_POSSESSIVE = re.compile(r"'s(?= )")
CORPUS_BLOCK = 256  # sentences per regex call in source_corpus


def source_corpus(texts: list[str]) -> str:
    """All source text as spaced lower-case words without possessives (as ``_bare`` gives
    them), for looking up a name's fuller form. One pass over the joined texts, block by
    block: no word spans a line break, and this is built once per briefing over every source
    sentence (one regex call over all of it held the interpreter lock for 0.2 s, stalling the
    LLM calls' event loop; blocks of CORPUS_BLOCK sentences give the same words). Each block's
    words are joined at once: a list of every word of 10,000 articles took 300 MiB, the
    briefing's peak memory."""
    blocks: list[str] = []
    for start in range(0, len(texts), CORPUS_BLOCK):
        if found := words(_norm("\n".join(texts[start : start + CORPUS_BLOCK]), shares=False)):
            blocks.append(" ".join(found))
    return _POSSESSIVE.sub("", " " + " ".join(blocks) + " ")


def names_in_sources(texts: list[str]) -> set[str]:
    """Lower-cased words the sources capitalise mid-sentence: proper names they mention.

    Read CORPUS_BLOCK sentences per regex call, joined by " . " so that each sentence's first
    word follows a full stop, as it does when each is read alone (a third faster: built once
    per briefing over every source sentence, while the LLM calls are out)."""
    found: set[str] = set()
    texts = [t for t in texts if not title_case(t)]  # capitals there say nothing of names
    for start in range(0, len(texts), CORPUS_BLOCK):
        toks = _tokens(" . ".join(texts[start : start + CORPUS_BLOCK]), shares=False)
        found.update(
            _bare(tok.lower())
            for before, tok in zip(toks, toks[1:], strict=False)
            if tok[:1].isupper() and before not in _SENTENCE_END and tok.lower() not in STOPWORDS
        )
    return found


_SENTENCE_END = frozenset(".!?:")
_LOWER_WORD = re.compile(r"(?<![\w'’])[^\W\d_A-Z][^\W_]*")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’])[A-Z][^\W_]*")
TITLE_WORDS_MIN = 3


def title_case(text: str) -> bool:
    """A headline in Title Case ("Putin Invites Trump to Moscow After Alaska Summit"): every
    word but the function words is capitalised, so its capitals do not tell a name ("Trump")
    from a verb ("Invites"). At least TITLE_WORDS_MIN capitalised words, none lower-case."""
    if any(m.group().lower() not in STOPWORDS for m in _LOWER_WORD.finditer(text)):
        return False
    capitalised = _CAPITALISED_WORD.findall(text)
    return sum(w.lower() not in STOPWORDS for w in capitalised) >= TITLE_WORDS_MIN


def run_checks(claim: str, evidence: Evidence, *, cited_words: bool = True) -> list[Check]:
    """All deterministic checks, cheapest first; every one runs so the report is complete.

    ``cited_words``: check that the claim's verbs and adjectives are in the cited text
    (``check_words``): for a claim that paraphrases the sentences it cites, not for an
    editor's draft (see draft.py), which is held only to its verdicts and outcomes
    (``check_outcomes``).
    """
    plain = without_held_bounds(claim, evidence)
    return [
        check_quantities(claim, evidence),
        check_names(claim, evidence),
        check_quotes(claim, evidence),
        check_negation(claim, evidence),
        check_qualifiers(claim, evidence),
        check_antonyms(claim, evidence),
        check_roles(claim, evidence),
        check_attribution(claim, evidence),
        check_disowned(claim, evidence),
        check_coverage(plain, evidence),
        check_relations(plain, evidence),
        *(check_words(plain, evidence) if cited_words else [check_outcomes(plain, evidence)]),
    ]


def without_held_bounds(claim: str, evidence: Evidence) -> str:
    """The claim without its bounded numbers that a figure of the cited text entails and
    whose words the cited text lacks ("killed more than 200 people" on "killed 250 people" ->
    "killed  people"): the number check has judged them, so coverage, relations, the word
    checks and the score do not count "least" or "fewer" or "two hundred" as words the cited
    text lacks. A bound the cited text states in the same words stays: its words are found."""
    text = _norm(claim)
    held = [
        b.span
        for b in bounds(claim)
        if bound_held(b, evidence) and coverage(text[slice(*b.span)], evidence)[1]
    ]
    return _without_spans(text, held) if held else claim


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` less the characters of ``spans`` (in order, not overlapping)."""
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def held_coverage(claim: str, evidence: Evidence) -> tuple[float, list[str]]:
    """``coverage`` of the claim less its held bounds (``without_held_bounds``): a claim's
    score and a repair's choice of the cited sentence to quote count the same words, so
    "upwards of two hundred" held by the cited "250" is missing from neither."""
    return coverage(without_held_bounds(claim, evidence), evidence)


# -- numbers, dates, percentages, amounts ------------------------------------------------------

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}  # fmt: skip
_SCALE_WORD = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9,
               "trillion": 1e12, "dozen": 12}  # fmt: skip
_MONTH_WORD = "|".join([*MONTH_NAMES, *(m[:3] for m in MONTH_NAMES), "sept"])
# A date as people write it: "May 5", "5 May", "March 17, 2025", "Aug. 31st", "June 2024".
_DATE = re.compile(
    rf"\b(?:({_MONTH_WORD})\.?\s+(\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\d{{4}}\b)"
    rf"|(\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:of\s+)?({_MONTH_WORD})\b\.?(?:,?\s+\d{{4}})?)",
    re.IGNORECASE,
)
# A month name alone is a month unless it is also an everyday word ("may", "march").
_BARE_MONTH = re.compile(
    r"\b(January|February|April|June|July|August|September|October|November|December)\b"
)
# ... and those two are months after a word that only a time follows: "shipping in May",
# "by March", "until late May" (the verb is never "in may", the march never "by March").
_EVERYDAY_MONTH = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Dd]uring|[Ee]arly|[Ll]ate"
    r"|[Mm]id|[Ll]ast|[Nn]ext|[Tt]his|[Ee]nd\s+of|[Ss]tart\s+of)-?\s*(March|May)\b"
)
_CURRENCY = {"$": "usd", "dollar": "usd", "dollars": "usd", "£": "gbp", "pound": "gbp",
             "pounds": "gbp", "€": "eur", "euro": "eur", "euros": "eur", "pence": "gbx",
             "penny": "gbx"}  # fmt: skip
_PENCE = "p"  # pence, as a figure's own unit ("8.5p"): not a currency word on its own ("p.m.")
# A range of figures with one scale, "£400-430 million": the scale is each end's
# ("400 million to 430 million"), not the upper end's alone.
_SCALED_RANGE = re.compile(
    r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m|k)\b"
)
_NUM = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th|s)?"
    r"(thousand|million|billion|trillion|bn|mn|m|k)?$"
)
_SCALED = re.compile(r"(\d)\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
# An ordinal before one of these is a position, kept apart from plain numbers: "the third
# quarter" and "Q3" are "quarter:3", which "Tier 3" does not match. "H1" is the first half.
_PERIOD = re.compile(r"[qh]([1-4])")
_PERIODS = {"quarter", "half", "round", "term", "period", "season", "stage", "phase", "leg",
            "place", "century", "inning", "set", "game", "week", "month", "year"}  # fmt: skip
# Codes that mix letters and digits name one thing: "49ers", "G7", "F-35", "A320".
_CODE = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]+")
_CLOCK = re.compile(r"\d{1,2}(?:am|pm)")
# A score or tally, "3-1", "7-2": its order is the fact (2-7 is not 7-2), so it is kept whole
# ("tally:7-2") besides its numbers. Years and ranges of more digits are not tallies.
_TALLY = re.compile(r"(?<![\w.,-])(\d{1,3})-(\d{1,3})(?![\w-]|[.,]\d)")
# How many times something happened is a count of its own kind ("times:2"): "scored three
# times" is not carried by a "3" in "won 3-1", and "twice" is not any other 2.
_MULTIPLICATIVE = {"twice": 2, "thrice": 3}
# "once" counts as one time unless it means "formerly" or "as soon as": after a form of "be"
# or "have" or at a clause's start ("was once mayor", "Once the deal closes"), before a
# clause or "more"/"again", or in "at once"/"for once".
_NOT_ONCE_BEFORE = frozenset("at for was were is are be been had has have all".split())
_NOT_ONCE_AFTER = frozenset(
    "more again upon and the it he she they we you i this that there his her their its".split()
)


_SOURCE_WORDS = lexicon.cue_words("framing")


# Nouns after an ordinal that rank a name (bindings.json): "second place" is "second".
_RANK_NOUN_WORDS = lexicon.rank_nouns()


def _of_the_source(toks: list[str], i: int) -> bool:
    """toks[i] begins "<ordinal> <part> of the <document|episode|...>"."""
    return toks[i + 2 : i + 3] == ["of"] and any(t in _SOURCE_WORDS for t in toks[i + 3 : i + 5])


def _months(text: str) -> set[str]:
    """Months named in dates, parsed by dateutil, and unambiguous month names on their own.

    "May" counts only inside a date ("May 5", "5 May 2024") or after a word of time ("in May",
    "by March": ``_EVERYDAY_MONTH``), so "talks may resume" has none.
    """
    found: set[str] = set()
    for m in _DATE.finditer(text):
        try:
            when = date_parser.parse(m.group(0).replace("of ", ""), fuzzy=True)
        except (ValueError, OverflowError):
            continue
        found.add(f"month:{when.month}")
    for m in (*_BARE_MONTH.finditer(text), *_EVERYDAY_MONTH.finditer(text)):
        found.add(f"month:{MONTH_NAMES.index(m.group(1).lower()) + 1}")
    return found


def quantities(text: str) -> set[str]:
    """Normalised numbers, months and currencies: "30-day" ~ "30 days", "three" ~ "3",
    "a hundred and twenty" ~ "120", "$2 billion" ~ "2 billion dollars", "March 17" ~
    "17 March". Number words go through text2num (one and two stay words: "one of them")."""
    text = _norm(text)
    found = _months(text)
    found.update(f"tally:{int(a)}-{int(b)}" for a, b in _TALLY.findall(text))
    found.update(f"tally:{t.first:.15g}-{t.second:.15g}" for t in tallies_to(_tokens(text)))
    found.update(q.key for q in _read_quantities(text))
    return found


_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# Words before a figure that make "N to M" a change or a range, not two sides' shares.
_NOT_SIDES = frozenset("from between rose fell up down".split())
TALLY_GAP = 3  # tokens between "to" and the other side's figure: "to the Republicans' 48"


def _plain_number(tok: str) -> float | None:
    return float(tok.replace(",", "")) if _PLAIN_NUMBER.fullmatch(tok) else None


@dataclass(frozen=True)
class Tally:
    """Two sides' figures, the first the subject's: "won 15,210 votes to Jones's 11,004"."""

    first: float
    second: float
    at: int  # the token index of the first figure
    side: int  # the token index of the second side's first word (or of its figure)


def tallies_to(toks: list[str]) -> list[Tally]:
    """Two sides' figures told as "N [thing] to M" in ``toks``: "won 15,210 votes to
    Jones's 11,004", "took 52 seats to the Republicans' 48". The order is the fact, as in
    "7-2". Read only after a verb of winning (``win_verbs``) or with a named or possessive
    side before M: "rose from 150 to 200" is a change, no tally."""
    out: list[Tally] = []
    for i, tok in enumerate(toks):
        first = _plain_number(tok)
        if first is None or (i and toks[i - 1].lower() in _NOT_SIDES):
            continue
        to = i + 1 if toks[i + 1 : i + 2] == ["to"] else i + 2
        if toks[to : to + 1] != ["to"] or (to == i + 2 and not toks[i + 1].isalpha()):
            continue
        side = range(to + 1, min(to + 2 + TALLY_GAP, len(toks)))
        at = next((j for j in side if _plain_number(toks[j]) is not None), None)
        if at is None or any(not toks[j][:1].isalpha() for j in range(to + 1, at)):
            continue
        owned = at > to + 1 and (toks[at - 1][:1].isupper() or _bare(toks[at - 1]) != toks[at - 1])
        won = any(
            stem(verb_base(w.lower()) or w.lower()) in _WIN_STEMS
            for w in toks[max(i - ROLE_GAP, 0) : i]
        )
        if (owned or (won and at == to + 1)) and (second := _plain_number(toks[at])) is not None:
            out.append(Tally(first, second, i, to + 1))
    return out


@dataclass(frozen=True)
class _Read:
    """One quantity as ``_read_quantities`` reads it: its key ("number:250"), what a number
    counts (its currency and the stem of the word after it: ("usd", "") for "$2 billion",
    ("", "peopl") for "250 people"), its token's place in the text, and the words after a
    number that may name what it counts (``counted_words``: ("new", "homes") for "200 new
    homes were"), the qualifier of a pair it is bound to (``qualifier_before``)."""

    key: str
    unit: tuple[str, str]
    at: int
    counts: tuple[str, ...] = ()
    measure: str = ""  # what the number is in (``measure_at``): "percent" for "3%"
    qualifier: str = ""  # the qualifier it is bound to (``qualifier_before``): "earlier"


# What a figure is measured in, by the tokens after its number (measures.json), longest first.
_MEASURES = sorted(
    ((phrase, name) for name, phrases in lexicon.measures().items() for phrase in phrases),
    key=lambda item: -len(item[0]),
)
_MEASURE_WORDS = frozenset(w for phrase, _ in _MEASURES for w in phrase if w.isalpha())


def measure_at(toks: list[str], after: int) -> tuple[str, int]:
    """The measure a number's following tokens ``toks[after:]`` put it in ("percent" for "%"
    or "per cent", "percentage points" for "points" or "pp"), and how many tokens say it; ("",
    0) for none. A change of 3% and one of 3 percentage points are different quantities."""
    for phrase, name in _MEASURES:
        if tuple(toks[after : after + len(phrase)]) == phrase:
            return name, len(phrase)
    return "", 0


# Words after a number read for the noun it counts: "200 new family homes".
COUNTED_WORDS = 3
# A four-digit number in this range, written without a comma, is taken for a year: it counts
# nothing ("in 2020 police arrested ..."). So is a day after a month ("March 17 Trump said").
_YEARS = range(1800, 2101)
_MONTH_WORDS = frozenset(_MONTH_WORD.split("|"))


# Qualifiers that set one figure against another ("its earlier forecast of $4.4bn", "now
# expects $4.1bn"), as token phrases, longest first, each with its sides: (pair, side) of
# bindings.json's qualifier_pairs.
_QUALIFIER_SIDES: dict[tuple[str, ...], frozenset[tuple[int, int]]] = {}
for _k, _pair in enumerate(lexicon.qualifier_pairs()):
    for _side, _said in enumerate(_pair):
        for _q in _said:
            _QUALIFIER_SIDES[_q] = _QUALIFIER_SIDES.get(_q, frozenset()) | {(_k, _side)}
_QUALIFIERS = sorted(_QUALIFIER_SIDES, key=len, reverse=True)
# Tokens before a number in its clause in which its qualifier stands: "its earlier forecast of
# $4.4bn to $4.6bn" binds both to "earlier"; the nearest one wins.
QUALIFIER_REACH = 10


def qualifier_before(toks: list[str], i: int) -> str:
    """The qualifier of a pair (``_QUALIFIER_SIDES``) nearest before ``toks[i]`` (lower
    case) in its clause, at most QUALIFIER_REACH tokens back, as written ("earlier", "pre
    tax"); "" for none."""
    for j in range(i - 1, max(i - QUALIFIER_REACH, 0) - 1, -1):
        if toks[j] in _CLAUSE_END:
            return ""
        for phrase in _QUALIFIERS:
            if tuple(toks[j : j + len(phrase)]) == phrase and j + len(phrase) <= i:
                return " ".join(phrase)
    return ""


NAME_BEFORE_NOUN = 4  # tokens of a name between a figure and what it counts


def _past_name(cased: list[str], after: int) -> int:
    """Where the noun after a name that follows a figure stands, or ``after`` for none: "2,400
    Port of Halden dockworkers" may count dockworkers, not the port, as "300 Ford workers"
    counts workers. A name is capitalised words (with "of" or "the" inside it) followed by a
    lower-case word that is no stopword; a name that ends the phrase ("10 Downing Street.")
    has none. The noun is one more word the figure may count (``same_thing``): the same text
    lower-cased reads only the name."""
    k = after
    while k < len(cased) and k - after < NAME_BEFORE_NOUN:
        capitalised = cased[k].istitle() and cased[k].isalpha()  # "Port", not "MPs"
        if not capitalised and not (k > after and cased[k] in ("of", "the")):
            break
        k += 1
    if k == after or k >= len(cased) or not cased[k - 1][:1].isupper():
        return after
    noun = cased[k]
    return k if noun.isalpha() and noun.islower() and noun not in STOPWORDS else after


def counted_words(toks: list[str], i: int, after: int) -> tuple[str, ...]:
    """The words after the number ``toks[i]`` (from ``after``, past a scale word) that may
    name what it counts: up to COUNTED_WORDS words in a row, none a stopword or a currency
    ("200 homes were" -> ("homes",), "12 people died" -> ("people", "died")); which of them
    are nouns is ``_counted_nouns``' business (it needs the word lexicon, this does not). None
    for a year, a day of a month, or a number that is part of a code or tally."""
    tok = toks[i]
    if (tok.isdigit() and len(tok) == 4 and int(tok) in _YEARS) or (
        i and toks[i - 1].rstrip(".") in _MONTH_WORDS
    ):
        return ()
    out: list[str] = []
    for word in toks[after : after + COUNTED_WORDS]:
        if not word.isalpha() or word in STOPWORDS or word in _CURRENCY:
            break
        out.append(word)
    return tuple(out)


def _read_quantities(text: str) -> list[_Read]:
    """The quantities of ``quantities`` but months and tallies, in order: numbers with what
    they count, times, positions, codes and currencies (``text`` normalised)."""
    found: list[_Read] = []
    # "2 billion" is joined first: text2num would turn the lone "billion" into 1000000000
    text = _SCALED_RANGE.sub(_scaled_range, text)
    text = _SCALED.sub(r"\1\2", text.replace("-", " "))
    spelled = alpha2digit(text, "en", threshold=2)
    cased = _tokens(spelled)
    toks = [t.lower() for t in cased]

    def add(
        key: str,
        i: int,
        unit: tuple[str, str] = ("", ""),
        counts: tuple[str, ...] = (),
        measure: str = "",
    ) -> None:
        qualifier = qualifier_before(toks, i) if key.startswith("number:") else ""
        found.append(_Read(key, unit, i, counts, measure, qualifier))

    for i, tok in enumerate(toks):
        value: float | None = None
        m = _NUM.match(tok)
        if m:
            value = float(m.group(1).replace(",", "") or 0)
            if m.group(2):
                value *= _SCALE[m.group(2)]
        elif tok in _MULTIPLICATIVE or (tok == "once" and _counts_once(toks, i)):
            add(f"times:{_MULTIPLICATIVE.get(tok, 1)}", i)
            continue
        elif tok == "dozen" and (i == 0 or not toks[i - 1][:1].isdigit()):
            value = 12.0
        elif _PERIOD.fullmatch(tok):
            add(f"{'quarter' if tok[0] == 'q' else 'half'}:{tok[1]}", i)
        elif _CODE.fullmatch(tok) and not _CLOCK.fullmatch(tok):
            add(f"code:{tok}", i)
        elif tok in _CURRENCY:
            add(f"currency:{_CURRENCY[tok]}", i)
        part = toks[i + 1] if i + 1 < len(toks) and toks[i + 1] in _PERIODS else None
        if part in _RANK_NOUN_WORDS:
            part = None  # "second place" is a rank, as "came second" is (``ranks``)
        ordinal = tok == "first" or bool(m and tok[-2:] in ("st", "nd", "rd", "th"))
        if part and ordinal:
            # "the 3rd quarter" is a position, not the number 3; "the second half of the
            # episode" only places the claim in its source
            if not _of_the_source(toks, i):
                add(f"{part}:{1.0 if value is None else value:.15g}", i)
            continue
        if value is None:
            continue
        if m and not m.group(2) and toks[i + 1 : i + 2] == ["times"]:
            add(f"times:{value:.15g}", i)  # "3 times": a count of times, and the number 3
        after = i + 1
        if after < len(toks) and toks[after] in _SCALE_WORD and not (m and m.group(2)):
            value *= _SCALE_WORD[toks[after]]
            after += 1
        word = toks[after] if after < len(toks) else ""
        pence = ""
        if word == _PENCE and after == i + 1 and toks[after + 1 : after + 3] != [".", "m"]:
            pence = _CURRENCY["pence"]  # "8.5p", not "5 p.m."
        currency = _CURRENCY.get(toks[i - 1] if i else "") or _CURRENCY.get(word, "") or pence
        counted = word.isalpha() and word not in STOPWORDS and word not in _CURRENCY and not pence
        unit = (currency, stem(word) if counted else "")
        measure = measure_at(toks, after)[0]
        counts = counted_words(toks, i, after)
        if counts and (noun := _past_name(cased, after)) != after and toks[noun] not in counts:
            counts += (toks[noun],)  # "2,400 Port of Halden dockworkers": the port's workers
        add(f"number:{value:.15g}", i, unit, counts, measure)
    return found


def _scaled_range(match: re.Match[str]) -> str:
    """A range with one scale, each end scaled ("400-430 million" -> "400 million-430
    million"); a pair whose first figure is not the lower is left as written (a score)."""
    low, high, scale = match.groups()
    if float(low) >= float(high):
        return match.group(0)
    return f"{low} {scale}-{high} {scale}"


def _counts_once(toks: list[str], i: int) -> bool:
    """``toks[i]`` ("once") says how many times, as in "he scored once" or "once a week"."""
    before = toks[i - 1] if i else "."
    after = toks[i + 1] if i + 1 < len(toks) else "."
    if before in _SENTENCE_END or before in (",", ";") or before in _NOT_ONCE_BEFORE:
        return False
    return after not in _NOT_ONCE_AFTER


def _compared(quantity: str, evidence: Evidence) -> bool:
    """Whether a quantity the cited text lacks counts as missing. A tally counts only when
    the cited text states it the other way round ("voted 2-7" where it says "7-2"); a count
    of times only when it states another count of times ("three times" where it says
    "twice"). Otherwise each is a fact of its numbers, checked as those ("10 times faster"
    against "a tenfold speed-up")."""
    kind = quantity.split(":", 1)[0]
    if kind == "tally":
        return _reversed_tally(quantity) in evidence.quantities
    if kind == "times":
        return any(q.startswith("times:") for q in evidence.quantities)
    # "2 times" is also the number 2, which the cited text states as "twice"
    return not (kind == "number" and f"times:{quantity[7:]}" in evidence.quantities)


# A number phrased as a bound: "more than 200", "nearly 260", "fewer than 300". Each kind
# names the phrases that say it; the qualifier classes below (check_qualifiers) are built from
# the same lists. A claim's bound is held against the figures of its cited text, exact or
# bounded (``bound_verdict``): "more than 150" holds for "250" and for "more than 200". A
# number the cited text only bounds is not exact: a claim that states it without the bound
# ("200" for "more than 200") says more than its source (``dropped_bounds``).
BOUND_PHRASES = {
    "more than": ("more than", "over", "above", "upwards of", "in excess of", "greater than"),
    "at least": ("at least",),
    "less than": ("less than", "fewer than", "under", "below", "lower than"),
    "at most": (
        "at most",
        "up to",
        "no more than",
        "as many as",
        "as much as",
        "as long as",
        "as high as",
    ),
    "nearly": ("nearly", "almost", "just under", "just short of"),
    "about": ("about", "around", "roughly", "approximately", "close to", "some", "an estimated"),
}
# "about 200" and "nearly 200" allow a number within this share of 200 ("nearly": below it).
BOUND_TOLERANCE = 0.1
# A bound is held against the cited text's figures within this factor of it, in the same
# currency or none: "more than 200" against 250, not against 12 or 2,500 ("more than 20" on
# 250 is true, but not what the source says; it stays a number the cited text lacks). A figure
# past it that counts what the bound counts still excludes it or leaves it open
# (``bound_verdict``): "fewer than 1000 people" on "more than 200 people" may be true.
BOUND_SLACK = 2.0
_BOUND_KIND = {phrase: kind for kind, phrases in BOUND_PHRASES.items() for phrase in phrases}
EXACT = ""  # the kind of a figure stated without a bound


@dataclass(frozen=True)
class Bound:
    """A bounded number of a text: its kind ("more than"), its phrase ("over") and words
    ("over 200") as written, its value, what it counts (as ``_Read.unit``), and where its
    phrase and number are in the normalised text."""

    kind: str
    phrase: str
    words: str
    value: float
    unit: tuple[str, str]
    span: tuple[int, int]
    counts: tuple[str, ...] = ()  # as ``_Read.counts``
    measure: str = ""  # as ``_Read.measure``
    qualifier: str = ""  # as ``_Read.qualifier``


# What the cited text's figures say of a claim's bound, and the figure that says it, as
# written: "held" (a figure entails it), "excluded" (a figure rules it out) or "open" (a
# figure of what it counts overlaps it without entailing it: "more than 300" on "more than
# 200" says more than the source, not the contrary).
BoundVerdict = tuple[Literal["held", "excluded", "open"], str]


def _bound_at(text: str, cased: str, match: re.Match[str]) -> Bound | None:
    """The bound whose phrase ``match`` found in ``text`` (lower case; ``cased`` is it as
    written, for what the figure may count: ``_past_name``): the number just after it."""
    rest = cased[match.end() : match.end() + 60]
    first = next((r for r in _read_quantities(rest) if r.key.startswith("number:")), None)
    # the number must follow the phrase ("nearly half of the 200 staff" bounds no number)
    if first is None or first.at > 1:
        return None
    number = re.match(r"\S+(?:\s+(?:hundred|thousand|million|billion|trillion))?", rest)
    figure = number.group(0).rstrip(".,;:") if number else ""
    said = f"{match.group(1)} {figure}".strip()
    value = float(first.key.removeprefix("number:"))
    span = (match.start(), match.end() + len(figure))
    kind = _BOUND_KIND[match.group(1)]
    before = [t.lower() for t in _tokens(text[max(match.start() - 200, 0) : match.start()])]
    qualifier = qualifier_before(before, len(before))
    return Bound(
        kind, match.group(1), said, value, first.unit, span, first.counts, first.measure, qualifier
    )


@lru_cache(maxsize=4096)
def bounds(text: str) -> tuple[Bound, ...]:
    """The bounded numbers of ``text``, in order (the phrases of ``BOUND_PHRASES``); spans
    are in ``_norm(text)``."""
    normed = _norm(text)
    plain = normed.lower()
    cased = normed if len(normed) == len(plain) else plain  # what a figure counts reads case
    found = (_bound_at(plain, cased, m) for m in _BOUND.finditer(plain))
    return tuple(b for b in found if b is not None)


def exact_numbers(text: str) -> list[_Read]:
    """The numbers of ``text`` that no bound phrase qualifies ("250", not the 200 of "more
    than 200"), each read with what it counts."""
    numbers = [r for r in _read_quantities(_norm(text)) if r.key.startswith("number:")]
    for bound in bounds(text):
        same = [n for n in numbers if float(n.key[7:]) == bound.value]
        if same:  # one reading of its value, of what it counts if one is
            numbers.remove(next((n for n in same if n.unit == bound.unit), same[0]))
    return numbers


# The values a figure allows: (low, high, low included, high included).
_Range = tuple[float, float, bool, bool]
_INF = float("inf")


def _allowed(kind: str, value: float) -> _Range:
    """The values a figure of ``kind`` on ``value`` allows; "about" and "nearly" read with
    BOUND_TOLERANCE, on either side of a comparison."""
    near = BOUND_TOLERANCE * abs(value)
    return {
        EXACT: (value, value, True, True),
        "more than": (value, _INF, False, False),
        "at least": (value, _INF, True, False),
        "less than": (-_INF, value, False, False),
        "at most": (-_INF, value, False, True),
        "nearly": (value - near, value, True, False),
        "about": (value - near, value + near, True, True),
    }[kind]


def _within(inner: _Range, outer: _Range) -> bool:
    """Every value ``inner`` allows, ``outer`` allows: a figure that entails another."""
    low = inner[0] > outer[0] or (inner[0] == outer[0] and (outer[2] or not inner[2]))
    high = inner[1] < outer[1] or (inner[1] == outer[1] and (outer[3] or not inner[3]))
    return low and high


def _apart(a: _Range, b: _Range) -> bool:
    """No value is allowed by both: one figure contradicts the other."""

    def below(x: _Range, y: _Range) -> bool:
        return x[1] < y[0] or (x[1] == y[0] and not (x[3] and y[2]))

    return below(a, b) or below(b, a)


def bound_verdict(bound: Bound, evidence: Evidence) -> BoundVerdict | None:
    """What the cited text's figures say of a claim's bound: ("held", a figure that entails
    it: "250" or "more than 200" for "more than 150"), ("excluded", the nearest figure that
    rules it out), ("open", the nearest figure that overlaps it: "more than 200" for "more
    than 300"), or None when no figure of the cited text within BOUND_SLACK of it, in its
    currency, of what it counts (``same_thing``), decides it. When the cited text counts
    what the bound counts ("people"), only those figures are held against it, and one of
    them past BOUND_SLACK excludes the bound or leaves it open too ("more than 200 people"
    for "fewer than 1000 people"), but never holds it. Kept on ``evidence``: three checks
    ask."""
    if bound not in evidence.verdicts:
        evidence.verdicts[bound] = _bound_verdict(bound, evidence)
    return evidence.verdicts[bound]


@dataclass(frozen=True)
class _Figure:
    """A number as a text states it: exact (kind EXACT) or bounded, what it counts (as
    ``_Read.unit`` and ``_Read.counts``), as a reader is shown it ("250", "'more than
    200'"), and its bound's phrase ("more than")."""

    kind: str
    value: float
    unit: tuple[str, str]
    shown: str
    phrase: str = ""
    counts: tuple[str, ...] = ()
    measure: str = ""  # as ``_Read.measure``
    qualifier: str = ""  # as ``_Read.qualifier``

    @property
    def allowed(self) -> _Range:
        return _allowed(self.kind, self.value)

    @property
    def said(self) -> str:
        """As the reader is told it, with the words it counts: "200 (homes)"."""
        nouns = _counted_nouns(self.counts)
        return f"{self.shown} ({' '.join(nouns)})" if nouns else self.shown


def figures(text: str) -> list[_Figure]:
    """The numbers of ``text`` as figures: its exact numbers, then its bounds."""
    exact = [
        _Figure(EXACT, float(r.key[7:]), r.unit, r.key[7:], "", r.counts, r.measure, r.qualifier)
        for r in exact_numbers(text)
    ]
    return exact + [
        _Figure(b.kind, b.value, b.unit, f"'{b.words}'", b.phrase, b.counts, b.measure, b.qualifier)
        for b in bounds(text)
    ]


@lru_cache(maxsize=4096)
def _counted_nouns(counts: tuple[str, ...]) -> tuple[str, ...]:
    """The words of ``counts`` that can be nouns (LemmInflect's lexicon; a word it does not
    know counts too, a name often): "new homes" -> ("homes",), "people died" ->
    ("people",), "killed" -> ()."""
    load_word_lexicons()
    return tuple(w for w in counts if not word_readings(w) or "NOUN" in word_readings(w))


@lru_cache(maxsize=4096)
def _noun_forms(word: str) -> frozenset[str]:
    """Stems that name what the noun ``word`` names: its own, its singular's, their listed
    synonyms' and its WordNet relatives' (as ``check_words`` matches a noun)."""
    return _word_forms(word, noun_base(word) or word, "nouns")


# Nouns that count any persons (bindings.json): "31 people" may be the "31 residents".
_GENERAL_NOUNS = lexicon.general_nouns()
# Steps through WordNet's more specific nouns, each in its first sense (lexicon.related rank
# 1), from a general noun to the persons it counts: two reach "resident" (person >
# inhabitant > resident), "passenger", "worker", "victim", never "home" or "job" (three
# reach "house").
PERSON_STEPS = 2


@lru_cache(maxsize=1)
def _persons() -> frozenset[str]:
    """Nouns of persons that a general noun ("people") counts too (``PERSON_STEPS``)."""
    found, front = set(_GENERAL_NOUNS), set(_GENERAL_NOUNS)
    for _ in range(PERSON_STEPS):
        front = {w for noun in front for w in lexicon.related("nouns", noun, 1)} - found
        found |= front
    return frozenset(found)


def _counts_persons(general: str, noun: str) -> bool:
    """``general`` is a general noun and ``noun`` names persons it counts: a noun of persons,
    or the people of a place its aliases name ("Americans": aliases.json)."""
    if general not in _GENERAL_NOUNS:
        return False
    base = noun_base(noun) or noun
    if base in _persons():
        return True
    # a plural of a place's alias ("americans" of "american"): its people, not the place
    return noun.endswith("s") and noun in _ALIASES and noun[:-1] in _ALIASES


_ALIASES = lexicon.aliases()
_WORK_NOUNS, _WORK_KINDS = lexicon.work_nouns()


def _counts_works(general: str, noun: str) -> bool:
    """``general`` is a noun of works of any kind ("titles") and ``noun`` names a kind of
    work ("films", "movies"): "20 titles in competition" may be "20 films"."""
    if (noun_base(general) or general) not in _WORK_NOUNS:
        return False
    forms = _noun_forms(noun)
    return any(stem(kind) in forms for kind in _WORK_KINDS)


def same_thing(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool | None:
    """Whether two figures count the same thing, by the nouns after them (``_Read.counts``):
    None when either names nothing ("killed 200", "3%"); True when the first noun of one
    (what it counts: "day" in "30 day ceasefire") is a noun of the other, as itself, another
    form, a synonym or a related word ("200 homes" / "200 family homes", "homes" /
    "houses"); else False ("200 homes" and "200 people", "30 day" and "30 attack")."""
    a, b = _counted_nouns(mine), _counted_nouns(theirs)
    if not a or not b:
        return None
    if _counts_persons(a[0], b[0]) or _counts_persons(b[0], a[0]):
        return True  # "31 people" may be the "31 residents": a general noun counts them too
    if _counts_works(a[0], b[0]) or _counts_works(b[0], a[0]):
        return True  # "20 titles" may be the "20 films"
    return _names_one_of(a[0], b) or _names_one_of(b[0], a)


def _names_one_of(noun: str, nouns: tuple[str, ...]) -> bool:
    """``noun`` is one of ``nouns``, another form of one, a synonym or a related word."""
    forms = _noun_forms(noun)
    return any(stem(w) in forms or stem(noun) in _noun_forms(w) for w in nouns)


def _bound_verdict(bound: Bound, evidence: Evidence) -> BoundVerdict | None:
    mine = [f for f in evidence.figures if f.unit[0] == bound.unit[0]]
    counted = [(f, same_thing(bound.counts, f.counts)) for f in mine]
    same = [f for f, alike in counted if alike]
    low, high = bound.value / BOUND_SLACK, bound.value * BOUND_SLACK
    # figures of what the bound counts, else those that name nothing: never another thing's
    near = [
        f for f in same or [f for f, alike in counted if alike is None] if low <= f.value <= high
    ]
    claimed = _allowed(bound.kind, bound.value)
    held = [f for f in near if _within(f.allowed, claimed)]
    if held:
        return "held", held[0].shown
    # past the slack, a figure of what the bound counts still says whether the ranges meet:
    # "fewer than 1000 people" on "more than 200 people" is open, "fewer than 50" excluded.
    # One that entails the bound does not hold it there ("more than 20" on "250").
    far = [f for f in same if f not in near and not _within(f.allowed, claimed)]
    nearest = sorted(near + far, key=lambda f: abs(f.value - bound.value))
    apart = [f for f in nearest if _apart(f.allowed, claimed)]
    if apart:
        return "excluded", apart[0].shown
    return ("open", nearest[0].shown) if nearest else None


def bound_held(bound: Bound, evidence: Evidence) -> bool:
    """A figure of the cited text entails the claim's bound: its words are the number
    check's business, not the qualifier check's, coverage's or the score's."""
    verdict = bound_verdict(bound, evidence)
    return verdict is not None and verdict[0] == "held"


def _stated(mine: _Figure, evidence: Evidence) -> list[_Figure]:
    """The cited text's figures of ``mine``'s value and currency that may count what it
    counts (``same_thing`` not False)."""
    return [
        f
        for f in evidence.figures
        if (f.value, f.unit[0]) == (mine.value, mine.unit[0])
        and same_thing(mine.counts, f.counts) is not False
    ]


def dropped_bounds(claim: str, evidence: Evidence) -> tuple[list[str], list[str]]:
    """The claim's figures whose number the cited text states only with a bound, in its
    currency, that the bound does not entail: "200" or "more than 200" on "at least 200
    people were killed" says more than the source. Two lists of reasons. Contradicted: a
    limit the claim drops or tightens ("200" on "more than", "at least", "up to" or "nearly
    200": the source says the count is not known to be 200, or is not 200). Unsupported: an
    approximate figure stated as exact ("200" on "about 200"), or a limit stated as an
    approximate figure ("about 200" on "up to 200"): not wrong, but not what the source says.
    Only figures that may count the same thing are compared (``_stated``)."""
    contradicted: list[str] = []
    unsupported: list[str] = []
    for mine in figures(claim):
        stated = _stated(mine, evidence)
        if not stated or any(f.kind == EXACT for f in stated):
            continue
        theirs = stated[0]
        if _within(theirs.allowed, mine.allowed) or _a_span_over(mine, theirs):
            continue
        reason = f"the claim says {mine.shown} where the cited text says {theirs.shown}"
        if mine.kind == EXACT:
            reason += f" (it drops '{theirs.phrase}')"
        rounded = "about" in (mine.kind, theirs.kind) and not _apart(mine.allowed, theirs.allowed)
        (unsupported if rounded else contradicted).append(reason)
    return list(dict.fromkeys(contradicted)), list(dict.fromkeys(unsupported))


# Units of time: "over 31 days" is as often the span something took ("shot over 31 days",
# "rose 4% over 12 months") as a bound ("over 30 years of service").
_TIME_UNITS = frozenset(
    stem(w) for w in "second minute hour day night week month year decade season".split()
)


def _a_span_over(mine: _Figure, theirs: _Figure) -> bool:
    """The claim states exactly the number of a span of time the cited text says "over":
    "shot in 31 days" on "shot over 31 days" drops no bound, since "over" may say the span
    ("during 31 days"), not a number beyond it."""
    return mine.kind == EXACT and theirs.phrase == "over" and theirs.unit[1] in _TIME_UNITS


def other_things(claim: str, evidence: Evidence) -> tuple[list[str], list[str]]:
    """The claim's figures that count something (a noun after the number: "200 people")
    whose number the cited text gives only for something else ("200 homes"): the figure is
    found, what it counts is not. Two lists of reasons. Contradicted: the cited text gives
    what the claim counts another figure that rules the claim's out ("12 people died"):
    the source says how many, and it is not this. Unsupported otherwise: the source does not
    say how many people, so the claim says more than it, as a number it lacks would. A bound
    that a figure of its own thing entails ("more than 200 people" on "250 people") is
    held, whatever else the cited text's 200 counts."""
    contradicted: list[str] = []
    unsupported: list[str] = []
    found, claimed = figures(claim), bounds(claim)
    exact = len(found) - len(claimed)  # figures() gives the exact numbers, then the bounds
    for k, mine in enumerate(found):
        if not _counted_nouns(mine.counts):
            continue
        if k >= exact and bound_held(claimed[k - exact], evidence):
            continue
        same_value = [
            f for f in evidence.figures if (f.value, f.unit[0]) == (mine.value, mine.unit[0])
        ]
        if not same_value or _stated(mine, evidence):
            continue  # not stated at all (check_quantities' missing), or stated of it
        reason = f"the claim's {mine.said} counts another thing than the cited text's "
        reason += ", ".join(f.said for f in same_value)
        rivals = [
            f
            for f in evidence.figures
            if f.unit[0] == mine.unit[0]
            and same_thing(mine.counts, f.counts)
            and _apart(f.allowed, mine.allowed)
        ]
        if rivals:
            contradicted.append(f"{reason}, which gives {rivals[0].said}")
        else:
            unsupported.append(reason)
    return list(dict.fromkeys(contradicted)), list(dict.fromkeys(unsupported))


def _noun_stem(word: str) -> str:
    """The stem of a noun's singular, as written: "warnings" -> "warn"."""
    return stem(noun_base(word) or word)


def swapped_things(claim: str, evidence: Evidence) -> list[str]:
    """The claim's figures whose number the cited text gives to what another figure of the
    claim counts: "14 flood warnings and three flood alerts" on "14 flood alerts and three
    flood warnings". The claim tells its two things apart by the words it does not share
    ("warnings", "alerts"; not "flood"), so these are compared as written, not through
    ``same_thing``'s relatives (WordNet makes an alert a warning). Contradicted: the cited
    figure counts the other thing of the claim and none of this one's own words."""
    out: list[str] = []
    found = [(f, {_noun_stem(w) for w in _counted_nouns(f.counts)}) for f in figures(claim)]
    found = [(f, nouns) for f, nouns in found if nouns]
    if len(found) < 2:
        return out
    for mine, nouns in found:
        for other, other_nouns in found:
            own, theirs = nouns - other_nouns, other_nouns - nouns
            if other.value == mine.value or not own or not theirs:
                continue
            stated = [
                (f, {_noun_stem(w) for w in _counted_nouns(f.counts)})
                for f in evidence.figures
                if (f.value, f.unit[0]) == (mine.value, mine.unit[0])
            ]
            if any(counted & own for _, counted in stated):
                continue
            # "31 people" counts the claim's "31 residents" as well as its "14 people"
            stated = [(f, c) for f, c in stated if not _persons_of(f, mine)]
            swapped = [f for f, counted in stated if counted & theirs]
            if swapped:
                out.append(
                    f"the claim's {mine.said} is the cited text's {swapped[0].said}, "
                    f"what the claim's {other.said} counts"
                )
    return list(dict.fromkeys(out))


# A clause of a text, as a figure's context: a count is bound to what its own clause says.
_FIGURE_CLAUSE = re.compile(r"[,;:]\s+|\s+(?:and|but|while|whereas)\s+|(?<=[.!?])\s+")
# Content words a figure's clause must share with the claim's to be read as its place in the
# cited text, more than the clause of the figure that has its number shares.
BINDING_MIN = 2


def _figure_clauses(text: str) -> list[tuple[set[str], list[_Figure]]]:
    """Each clause of ``text`` with a figure: its content terms less numbers, and its
    figures."""
    out = []
    for clause in _FIGURE_CLAUSE.split(text):
        found = figures(clause)
        if found:
            terms = {t for t in content_terms(clause) if not t[:1].isdigit()}
            out.append((terms, found))
    return out


def _noun_stems(figure: _Figure) -> set[str]:
    return {_noun_stem(w) for w in _counted_nouns(figure.counts)}


def unbound_counts(claim: str, evidence: Evidence) -> list[str]:
    """The claim's counts of persons whose number the cited text gives in a clause about
    something else, while the clause that says what the claim's clause says gives the
    claim's noun another number: "Crews rescued 23 people from the ferry" on "Crews rescued
    9 people from the ferry. 23 residents spent the night in the hall". A general noun counts
    any persons ("23 people" may be the "23 residents", ``_counts_persons``), so the number is
    found and counts a thing it may count; what it is said of is what binds it."""
    out: list[str] = []
    theirs = [
        (terms, f)
        for s in evidence.sentences
        for terms, fs in _figure_clauses(_norm(s))
        for f in fs
    ]
    for terms, found in _figure_clauses(_norm(claim)):
        for mine in found:
            nouns = _counted_nouns(mine.counts)
            if not nouns or not (
                _counts_persons(nouns[0], nouns[0]) or (noun_base(nouns[0]) or "") in _persons()
            ):
                continue
            context = terms - _noun_stems(mine)
            same = [
                (len(context & t), f)
                for t, f in theirs
                if (f.value, f.unit[0]) == (mine.value, mine.unit[0])
                and same_thing(mine.counts, f.counts) is not False
            ]
            rivals = [
                (len(context & t), f)
                for t, f in theirs
                if f.unit[0] == mine.unit[0]
                and _apart(f.allowed, mine.allowed)
                and same_thing(mine.counts, f.counts)
            ]
            if not same or not rivals:
                continue
            near, rival = max(rivals, key=lambda pair: pair[0])
            if near >= BINDING_MIN and near > max(n for n, _ in same):
                out.append(
                    f"the claim's {mine.said} are those the cited text counts as "
                    f"{rival.said}; its {same[0][1].said} are said of another thing"
                )
    return list(dict.fromkeys(out))


def _persons_of(general: _Figure, figure: _Figure) -> bool:
    """``general`` counts a general noun that counts the persons ``figure`` counts ("31
    people" and "31 residents")."""
    a, b = _counted_nouns(general.counts), _counted_nouns(figure.counts)
    return bool(a and b) and _counts_persons(a[0], b[0])


def _sides(figure: _Figure) -> frozenset[tuple[int, int]]:
    """The sides of qualifier pairs that ``figure``'s qualifier stands on."""
    return _QUALIFIER_SIDES.get(tuple(figure.qualifier.split()), frozenset())


def other_qualifiers(claim: str, evidence: Evidence) -> list[str]:
    """The claim's figures bound to one side of a qualifier pair (``qualifier_before``: "now
    expects $4.4bn") whose number the cited text binds only to the other side ("its earlier
    forecast of $4.4bn") while it binds another figure to the claim's side ("now expects
    $4.1bn"): the old figure given as the new one. Contradicted: the source says what the
    figure now is, and it is not this. A figure the cited text leaves unqualified, or states
    on both sides, may be the claim's."""
    out: list[str] = []
    for mine in figures(claim):
        sides = _sides(mine)
        opposite = {(pair, 1 - side) for pair, side in sides}
        stated = [f for f in evidence.figures if (f.value, f.unit[0]) == (mine.value, mine.unit[0])]
        if not stated or not all(_sides(f) & opposite and not _sides(f) & sides for f in stated):
            continue
        rivals = [
            f
            for f in evidence.figures
            if f.unit[0] == mine.unit[0] and f.value != mine.value and _sides(f) & sides
        ]
        if rivals:
            out.append(
                f"the claim's {mine.shown} is '{mine.qualifier}' where the cited text's is "
                f"'{stated[0].qualifier}' (its '{rivals[0].qualifier}' figure is "
                f"{rivals[0].shown})"
            )
    return list(dict.fromkeys(out))


def other_measures(claim: str, evidence: Evidence) -> list[str]:
    """The claim's figures in one measure whose number the cited text gives only in another:
    "narrowed by 3.3%" on "narrowed by 3.3 percentage points" (``measure_at``). The number is
    found, the quantity is not: a change in percent is not a change in percentage points.
    Unsupported, not contradicted: the source does not say how many percent. A figure of the
    cited text with no measure, or with the claim's, states it."""
    out: list[str] = []
    for mine in figures(claim):
        if not mine.measure:
            continue
        same_value = [
            f for f in evidence.figures if (f.value, f.unit[0]) == (mine.value, mine.unit[0])
        ]
        if not same_value or any(f.measure in ("", mine.measure) for f in same_value):
            continue
        theirs = same_value[0]
        out.append(
            f"the claim's {mine.shown} is in {mine.measure} where the cited text's "
            f"{theirs.shown} is in {theirs.measure}"
        )
    return list(dict.fromkeys(out))


# A figure's slot: the content words before it in its sentence (SLOT_BEFORE of them) and those
# after what it is measured in, in its clause (SLOT_AFTER). A claim's figure that sits in the
# slot of another figure of the cited text ("the initial offer of a 4 percent rise" where it
# says "the initial offer of a 3 percent rise", its 4 "a further 4 percent rise next year")
# is bound to the wrong thing: it shares at least SLOT_MIN words with that slot and
# SLOT_MARGIN more than with any slot of its own value there.
SLOT_BEFORE = 4
SLOT_AFTER = 2
SLOT_MIN = 3
SLOT_MARGIN = 2
SLOT_CLOSE = 0.1  # figures within this share of each other are one figure, rounded
_SLOT_STOP = frozenset(".!?;")


@dataclass(frozen=True)
class _Slot:
    value: float
    unit: str  # the measure or currency: "percent", "usd", ""
    before: frozenset[str]
    after: frozenset[str]
    shown: str
    near: frozenset[str] = frozenset()  # lemmas of the SLOT_NEAR content words before it


SLOT_PAIRED = 2  # tokens between the two figures of a range or pair: "400 to 430"
SLOT_NEAR = 2  # content words just before a figure that say which way it went: "had risen by"


def _slot_word(tok: str) -> bool:
    return tok.isalpha() and tok not in STOPWORDS and tok not in _CURRENCY and tok not in _SCALE


@lru_cache(maxsize=8192)
def figure_slots(text: str) -> tuple[_Slot, ...]:
    """The plain figures of ``text`` (digits: "3", "1.2m", "$41 million") with their slots."""
    toks = [t.lower() for t in _tokens(_norm(text))]
    out: list[_Slot] = []
    for i, tok in enumerate(toks):
        m = _NUM.match(tok)
        if m is None or tok[-2:] in ("st", "nd", "rd", "th"):
            continue
        if (len(tok) == 4 and tok.isdigit() and int(tok) in _YEARS) or (
            i and toks[i - 1].rstrip(".") in _MONTH_WORDS
        ):
            continue  # a year or a day of a month places, it does not count
        if i + 1 < len(toks) and toks[i + 1] in _MONTH_WORDS:
            continue  # "3 March"
        if any(
            _NUM.match(t) for t in toks[max(i - SLOT_PAIRED, 0) : i + SLOT_PAIRED + 1] if t != tok
        ):
            continue  # one end of a range or a pair ("£400-430 million", "4 to 3"): no slot
        value = float(m.group(1).replace(",", ""))
        value *= _SCALE[m.group(2)] if m.group(2) else 1.0
        after = i + 1
        if after < len(toks) and toks[after] in _SCALE_WORD and not m.group(2):
            value *= _SCALE_WORD[toks[after]]
            after += 1
        currency = _CURRENCY.get(toks[i - 1] if i else "") or _CURRENCY.get(
            toks[after] if after < len(toks) else "", ""
        )
        measure, said = measure_at(toks, after)
        if currency and after < len(toks) and toks[after] in _CURRENCY:
            said = 1
        before: list[str] = []
        near: list[str] = []
        for j in range(i - 1, -1, -1):
            if toks[j] in _SLOT_STOP or len(before) >= SLOT_BEFORE:
                break
            if _slot_word(toks[j]) and toks[j] not in _MEASURE_WORDS:
                before.append(stem(toks[j]))
                if len(near) < SLOT_NEAR and toks[j] not in _CLAUSE_END:
                    near.append(_lemma(toks[j]))
        behind: list[str] = []
        for tok2 in toks[after + said :]:
            if tok2 in _CLAUSE_END or len(behind) >= SLOT_AFTER or tok2[:1].isdigit():
                break
            if _slot_word(tok2):
                behind.append(stem(tok2))
        out.append(
            _Slot(
                value,
                measure or currency,
                frozenset(before),
                frozenset(behind),
                tok,
                frozenset(near),
            )
        )
    return tuple(out)


def _slot_overlap(a: _Slot, b: _Slot) -> int:
    return len(a.before & b.before) + len(a.after & b.after)


def _turned(mine: _Slot, same: list[_Slot]) -> str | None:
    """The claim's figure said to go the opposite way of the cited text's same figure: "fell
    by about 15 percent" where it says "had risen by about 15 percent" (and "were likely to
    fall back", of no figure). None when one of the cited text's such figures goes the claim's
    way too."""
    for a in mine.near:
        if a not in _ANTONYMS or any(a in t.near for t in same):
            continue
        for t in same:
            opposed = _ANTONYMS[a] & t.near
            if opposed:
                return (
                    f"the claim's {mine.shown} goes the opposite way of the cited text's "
                    f"({a} / {min(opposed)})"
                )
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SLOT_CLOSE * max(abs(a), abs(b))


def figures_in_other_slots(claim: str, evidence: Evidence) -> list[str]:
    """The claim's figures that the cited text states, but in another slot than its figure
    of another value whose slot the claim's is (see SLOT_MIN): "the claim's 4 (percent) stands
    where the cited text gives 3"."""
    out: list[str] = []
    theirs = [t for sentence in evidence.sentences for t in figure_slots(sentence)]
    bounded = {b.value for b in bounds(claim)}
    said = {stem(w) for w in words(_norm(claim).lower())}
    for mine in figure_slots(claim):
        same = [t for t in theirs if t.unit == mine.unit]
        own_slots = [t for t in same if _close(t.value, mine.value)]
        if not own_slots:
            continue  # a figure the cited text lacks is the numbers check's (maybe elsewhere)
        turned = _turned(mine, own_slots)
        if turned is not None:
            out.append(turned)
            continue
        if mine.value in bounded:
            continue  # a bound is held or not by bound_verdict
        if not all((t.before | t.after) - said for t in own_slots):
            continue  # the cited text binds the figure to nothing else: "it will spend £12m"
        owns = [_slot_overlap(mine, t) for t in own_slots]
        own = max(owns)
        other = max(
            (t for t in same if not _close(t.value, mine.value)),
            key=lambda t: _slot_overlap(mine, t),
            default=None,
        )
        if other is None or not mine.before & other.before or not mine.after & other.after:
            continue  # a slot is told by words on both sides of its figure
        n = _slot_overlap(mine, other)
        if n >= SLOT_MIN and n >= own + SLOT_MARGIN:
            unit = f" ({mine.unit})" if mine.unit else ""
            out.append(
                f"the claim's {mine.shown}{unit} stands where the cited text gives {other.shown}"
            )
    return out


# A span said as one unit ("in the past year") where the cited text counts several ("in the
# past two years"): the claim's span has no figure for the numbers check to miss.
_ONE_SPAN = re.compile(
    r"\b(past|last|previous|next|coming|first|final|latest)\s+"
    r"(year|month|week|day|decade|quarter|season|hour)\b"
)
_SPAN_COUNT = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|few|several|many)"
)


_MANY_SPAN = re.compile(
    r"\b(past|last|previous|next|coming|first|final|latest)\s+" + _SPAN_COUNT + r"\s+"
    r"(year|month|week|day|decade|quarter|season|hour)s\b"
)


def spans_shortened(claim: str, evidence: Evidence) -> list[str]:
    """The claim's one-unit spans that the cited text gives as several, and nowhere as one:
    "in the past year" where it says "in the past two years"."""
    out: list[str] = []
    cited = evidence.text.lower()
    ones = {m.group(0) for m in _ONE_SPAN.finditer(cited)}
    many = {m.groups(): m.group(0) for m in _MANY_SPAN.finditer(cited)}
    for m in _ONE_SPAN.finditer(_norm(claim).lower()):
        if m.group(0) not in ones and m.groups() in many:
            out.append(
                f"the claim says '{m.group(0)}' where the cited text says '{many[m.groups()]}'"
            )
    return out


def shown_quantity(quantity: str) -> str:
    """A quantity as a reader is told it: "number:30" -> "30", "month:5" -> "5 (month)"."""
    kind, _, value = quantity.partition(":")
    return value + {"month": " (month)", "times": " times"}.get(kind, "")


def _reversed_tally(quantity: str) -> str:
    """ "tally:2-7" -> "tally:7-2"."""
    a, _, b = quantity.removeprefix("tally:").partition("-")
    return f"tally:{b}-{a}"


# Quantity kinds that place a fact in time: one the claim replaces is a changed date.
_DATE_KINDS = ("month", "quarter", "half")


def dates_replaced(claim: str, sentence: str) -> list[str]:
    """Months, quarters and halves of the claim that ``sentence`` does not state while it
    states another of the same kind ("set for May 5" where the sentence says June 5)."""
    mine, theirs = quantities(claim), quantities(sentence)
    out: list[str] = []
    for kind in _DATE_KINDS:
        said = {q for q in mine if q.startswith(kind + ":")}
        stated = {q for q in theirs if q.startswith(kind + ":")}
        if said - stated and stated - said:
            out.extend(sorted(said - stated))
    return out


def check_quantities(claim: str, evidence: Evidence) -> Check:
    """Numbers, months and currencies of the claim must be in the cited text. One that the
    sources state elsewhere only leaves the claim unverifiable ("numbers-elsewhere").

    A number the claim bounds ("more than 200") may instead be entailed by a figure of the
    cited text ("250", "more than 250": ``bound_verdict``); one a figure excludes is named with
    that figure, and one a figure only overlaps ("more than 300" on "more than 200") says more
    than the source without contradicting it ("numbers-bound-dropped"). A number the cited
    text only bounds is not exact: "250" on "more than 200" stays a number the cited text
    lacks, and "200" on it drops the bound (``dropped_bounds``: contradicted, or unsupported
    for "about 200", "numbers-bound-dropped"). A number found, but counting another thing
    ("200 people" on "200 homes"), is not what the source says (``other_things``: contradicted
    when the cited text gives that thing another figure, else unsupported, "numbers-unit"), nor
    is one in another measure ("3.3%" on "3.3 percentage points": ``other_measures``). One
    the cited text gives to what another figure of the claim counts is contradicted
    (``swapped_things``: "14 warnings and 3 alerts" on "14 alerts and 3 warnings"), and so is
    one it binds to the other qualifier of a pair (``other_qualifiers``: "now expects $4.4bn"
    on "now expects $4.1bn, down from its earlier forecast of $4.4bn")."""
    missing = sorted(q for q in quantities(claim) - evidence.quantities if _compared(q, evidence))
    failed: list[str] = []
    looser: list[str] = []
    for bound in bounds(claim):
        key = f"number:{bound.value:.15g}"
        verdict = bound_verdict(bound, evidence) if key in missing else None
        if verdict is None:
            continue
        said = f"the claim says '{bound.words}' where the cited text says {verdict[1]}"
        if verdict[0] != "excluded":
            missing.remove(key)
        if verdict[0] == "excluded":
            failed.append(said)
        elif verdict[0] == "open":
            looser.append(said)
    excluded, allowed = dropped_bounds(claim, evidence)
    other, unstated = other_things(claim, evidence)
    excluded += other + [r for r in swapped_things(claim, evidence) if r not in other]
    excluded += [r for r in unbound_counts(claim, evidence) if not excluded]
    excluded += other_qualifiers(claim, evidence)
    excluded += [r for r in figures_in_other_slots(claim, evidence) if not excluded]
    excluded += spans_shortened(claim, evidence)
    unstated += other_measures(claim, evidence)
    allowed = looser + allowed
    if not missing and not excluded:
        if unstated:
            return Check(name="numbers-unit", passed=False, detail="; ".join(unstated + allowed))
        if allowed:
            return Check(name="numbers-bound-dropped", passed=False, detail="; ".join(allowed))
        return Check(name="numbers", passed=True)
    shown = ", ".join(shown_quantity(m) for m in missing)
    known = evidence.source_quantities() if evidence.source_quantities else set()
    if not excluded and known and all(m in known for m in missing):
        detail = "; ".join([f"in the sources but not the cited text: {shown}", *unstated, *allowed])
        return Check(name="numbers-elsewhere", passed=False, detail=detail)
    lacked = [f"not in the cited text: {shown}"] if missing else []
    detail = "; ".join([*lacked, *failed, *excluded, *unstated, *allowed])
    return Check(name="numbers", passed=False, detail=detail)


# -- named people, places, organisations -------------------------------------------------------

# Capitalised words that are titles or roles, not names: a claim may add or drop them.
_TITLES = lexicon.cue_words("titles")
_MONTH_SET = frozenset(MONTH_NAMES)


def name_spans(claim: str, known_names: AbstractSet[str]) -> list[list[str]]:
    """Runs of capitalised words. A sentence-initial word counts only when the sources use it
    as a name elsewhere or the next word is capitalised too ("Marco Rubio said"). In an
    all-lower-case claim, the words the sources capitalise mid-sentence are taken as names."""
    toks = _tokens(claim)
    return [toks[r.start : r.stop] for r in _name_runs(toks, known_names, _lowercased(claim))]


def _lowercased(text: str) -> bool:
    return not any(ch.isupper() for ch in text)  # e.g. tokenised, lower-cased data


def _name_runs(toks: list[str], known_names: AbstractSet[str], lowercased: bool) -> list[range]:
    """Where ``name_spans`` finds its runs: token ranges."""
    flags: list[bool] = []
    for i, tok in enumerate(toks):
        low = _bare(tok.lower())
        is_cap = tok[:1].isupper() and low not in STOPWORDS and tok not in ("I",)
        if lowercased:
            is_cap = low in known_names and low not in STOPWORDS
        elif is_cap and (i == 0 or toks[i - 1] in ".!?:"):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            is_cap = low in known_names or (nxt[:1].isupper() and nxt.lower() not in STOPWORDS)
        flags.append(is_cap and low not in _MONTH_SET)
    return _runs(flags)


def _runs(flags: list[bool]) -> list[range]:
    """The ranges of consecutive true flags: the token runs that make names."""
    runs: list[range] = []
    start: int | None = None
    for i, flag in enumerate(flags):
        if flag:
            start = i if start is None else start
        elif start is not None:
            runs.append(range(start, i))
            start = None
    if start is not None:
        runs.append(range(start, len(flags)))
    return runs


def check_names(claim: str, evidence: Evidence) -> Check:
    """Every name in the claim must be in the cited text; "Donald Trump" may stand for "Trump"
    when the sources say "Donald Trump" somewhere."""
    ev_text = _spaced(evidence.text)
    ev_terms = evidence.terms
    missing: list[str] = []
    for core, phrase in _owner_split(_names(claim, evidence.known_names)):
        if _name_in(core, phrase, ev_text, ev_terms):
            continue
        if all(
            _word_in(_bare(t.lower()), ev_text, ev_terms) or _spelled_out(t, evidence.text)
            for t in core
        ):
            continue  # "the FDA" where the cited text says "the Food and Drug Administration"
        found = [t for t in core if _word_in(_bare(t.lower()), ev_text, ev_terms)]
        if found and f" {phrase} " in evidence.corpus and not _other_fuller(phrase, evidence):
            continue  # a fuller form of a name the cited text uses, as the sources spell it
        if _pronoun_referent(phrase, evidence):
            continue
        missing.append(" ".join(core))
    if not missing:
        return Check(name="names", passed=True)
    detail = "not in the cited text: " + ", ".join(missing)
    if evidence.corpus and all(_named_in(m, evidence.corpus) for m in missing):
        detail = "in the sources but not the cited text: " + ", ".join(missing)
        return Check(name="names-elsewhere", passed=False, detail=detail)
    return Check(name="names", passed=False, detail=detail)


def _owner_split(names: list[tuple[list[str], str]]) -> list[tuple[list[str], str]]:
    """Names split after a possessive: "Kestrel Aerospace's Vela" is the company and its
    rocket, each looked up on its own (the cited text need not say them together)."""
    out: list[tuple[list[str], str]] = []
    for core, phrase in names:
        cut = [k + 1 for k, t in enumerate(core[:-1]) if re.search(r"['’]s$", t)]
        if not cut:
            out.append((core, phrase))
            continue
        for lo, hi in zip([0, *cut], [*cut, len(core)], strict=True):
            part = core[lo:hi]
            out.append((part, _phrase(" ".join(part))))
    return out


_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Words a name's acronym leaves out: "Food and Drug Administration" is the FDA.
_ACRONYM_SKIPS = frozenset("of and for the on in to &".split())


def _spelled_out(word: str, cased_text: str) -> bool:
    """``word`` is an acronym ("FDA", "FDA's") whose words stand in the text, capitalised and
    in order: the initials of a run of capitalised words, less its small words ("the Food and
    Drug Administration"). An acronym names what its words do."""
    acronym = re.sub(r"'s$", "", word)
    if not _ACRONYM.fullmatch(acronym):
        return False
    cased = _CASED_WORD.findall(cased_text)
    for start, first in enumerate(cased):
        if first[:1] != acronym[0]:
            continue
        initials = ""
        for w in cased[start:]:
            if w[:1].isupper():
                initials += w[0]
            elif w not in _ACRONYM_SKIPS:
                break
            if initials == acronym:
                return True
            if not acronym.startswith(initials):
                break
    return False


def _other_fuller(phrase: str, evidence: Evidence) -> str | None:
    """A name of the cited text that shares a word with the claim's name ``phrase`` (bare,
    lower-case) but has another where the claim's has its own: "Rajesh Nair" for the claim's
    "Priya Nair", "Southwark Crown Court" for "Leeds Crown Court". The claim's name is then
    no fuller form of the cited one: it names another person or place. None when none does."""
    mine = set(phrase.split())
    for core, theirs in _names(evidence.text, evidence.known_names):
        said = set(theirs.split())
        if said & mine and said - mine and mine - said:
            return " ".join(core)
    return None


def _name_in(core: list[str], phrase: str, ev_text: str, ev_terms: TermSet) -> bool:
    """The name (its words ``core``, bare lower-case ``phrase``) is in the spaced text: as a
    phrase, as an alias, or word by word."""
    if f" {phrase} " in ev_text or _alias_found(phrase, ev_text):
        return True
    return all(_word_in(_bare(t.lower()), ev_text, ev_terms) for t in core)


def facts_left_out(
    claim: str, sentence: str, part: str, known_names: AbstractSet[str] = frozenset()
) -> list[str]:
    """The claim's names and numbers that ``sentence`` states but ``part`` of it does not.

    A judge's evidence span must carry them: a span without the claim's "Rovers" or "30" is
    not the evidence for it, however verbatim. Names are found as ``check_names`` finds them
    (the sentence's own mid-sentence capitals count as known names too), numbers as
    ``quantities``; each is given in the claim's words ("Ukraine", "30")."""
    known = set(known_names) | names_in_sources([sentence])
    whole, span = Evidence([sentence], known_names=known), Evidence([part], known_names=known)
    whole_text, span_text = _spaced(whole.text), _spaced(span.text)
    out = [
        " ".join(core)
        for core, phrase in _names(claim, known)
        if _name_in(core, phrase, whole_text, whole.terms)
        and not _name_in(core, phrase, span_text, span.terms)
    ]
    left = quantities(claim) & whole.quantities - span.quantities
    return out + [shown_quantity(q) for q in sorted(left)]


def _names(text: str, known_names: AbstractSet[str]) -> list[tuple[list[str], str]]:
    """Each name of ``text`` without its titles: its words, and as one bare lower-case
    phrase ("Secretary John Kerry" -> ["John", "Kerry"], "john kerry")."""
    out: list[tuple[list[str], str]] = []
    for span in name_spans(text, known_names):
        core = [t for t in span if t.lower() not in _TITLES]
        if core:
            out.append((core, _phrase(" ".join(core))))
    return out


def _phrase(text: str) -> str:
    """Bare lower-case words joined by spaces ("Kerry's aides" -> "kerry aides")."""
    return " ".join(_bare(w) for w in words(text))


def _spaced(text: str) -> str:
    """``_phrase`` with a space at each end, for looking a phrase up in it."""
    return f" {_phrase(text)} "


def names_dropped(claim: str, sentence: str, known_names: set[str]) -> list[str]:
    """Names of ``sentence`` of which the claim says no word ("Kerry said" where the claim
    has "Netanyahu said"; "Donald Trump" is kept by a claim that says "Trump"), or only words
    of a name of its own that the sentence lacks ("Southwark Crown Court" where the claim has
    "Leeds Crown Court"): those first."""
    said = _spaced(claim)
    text = _spaced(sentence)
    # words of the claim's names the sentence does not name: "Leeds Crown Court" keeps no
    # "Southwark Crown Court" by its "Crown Court", which is the swapped name's own
    swapped = {
        w
        for _, phrase in _names(claim, known_names)
        if f" {phrase} " not in text
        for w in phrase.split()
    }
    modifiers = {" ".join(span) for span in _modifier_names(sentence, known_names)}
    dropped = [
        (bool(swapped & set(phrase.split())), " ".join(core))
        for core, phrase in _names(sentence, known_names)
        if not any(f" {w} " in said and w not in swapped for w in phrase.split())
        and " ".join(core) not in modifiers
    ]
    # a name the claim's own replaces first: it is the one the reader is to be told of
    return [name for _, name in sorted(dropped, key=lambda pair: not pair[0])]


# Words before a name that make it a modifier of the noun after it: "a Conservative majority".
_MODIFIER_BEFORE = frozenset("a an the this that these those its their his her our".split())


def _modifier_names(text: str, known_names: AbstractSet[str]) -> list[list[str]]:
    """Names of ``text`` used as adjectives: after a determiner and before a lower-case noun
    that is no verb form ("overturning a Conservative majority", "the Tamsworth South
    by-election"). Such a name qualifies a thing and names no one who acts, so a claim that
    leaves it out has swapped no one for it."""
    toks = _tokens(text)
    if _lowercased(text):
        return []
    out: list[list[str]] = []
    for run in _name_runs(toks, known_names, False):
        before = toks[run.start - 1].lower() if run.start else ""
        after = toks[run.stop] if run.stop < len(toks) else ""
        if before not in _MODIFIER_BEFORE or not after[:1].islower():
            continue
        readings = word_readings(after.lower())
        if "NOUN" in readings and "VERB" not in readings:
            out.append(toks[run.start : run.stop])
    return out


def _named_in(name: str, corpus: str) -> bool:
    """The name (or an alias of it) occurs in the spaced, lower-cased source corpus."""
    phrase = _phrase(name)
    return f" {phrase} " in corpus or _alias_found(phrase, corpus)


# "Its" too: "Its shares fell 7.4 percent" after a sentence naming the company is its. Not
# "it", so often no one's ("It was here that ...", "It is expected that ...").
_PRONOUNS = {"he", "she", "his", "her", "him", "they", "their", "them", "its"}


def _pronoun_referent(phrase: str, evidence: Evidence) -> bool:
    """A name the cited text refers to by a leading pronoun ("He stressed ..."), named in
    the sentences just before."""
    starts = {(words(s) or [""])[0] for s in evidence.sentences}
    if not _PRONOUNS & starts or not evidence.before:
        return False
    before = _spaced(_norm(" ".join(evidence.before)))
    return f" {phrase} " in before or f" {phrase.split()[-1]} " in before


_SUBJECT_PRONOUNS = frozenset({"he", "she"})


def referent(sentence: str, evidence: Evidence) -> str | None:
    """The name (bare, lower-case) a cited sentence opening with "he" or "she" stands for:
    the first name of the nearest sentence before it that names one ("Mark Cole, 29, also
    appeared. He pleaded not guilty to burglary" is Cole's plea). None for another
    sentence, or when the sentences before it are not known."""
    if (words(sentence) or [""])[0].lower() not in _SUBJECT_PRONOUNS:
        return None
    for before in evidence.preceding.get(sentence, []):
        found = _names(before, evidence.known_names)
        if found:
            return found[0][1]
    return None


def _bare(word: str) -> str:
    """A word without its possessive: "Kyiv's" -> "kyiv"."""
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _alias_found(phrase: str, ev_text: str) -> bool:
    group = lexicon.aliases().get(phrase) or frozenset()
    return any(f" {alias} " in ev_text for alias in group)


def _word_in(word: str, ev_text: str, ev_terms: TermSet) -> bool:
    if f" {word} " in ev_text or _alias_found(word, ev_text):
        return True
    # the same name inflected: "Ukraine's" ~ "Ukraine", "Rubio" ~ "Rubios"
    return stem(word) in ev_terms


# -- quoted text -------------------------------------------------------------------------------

_QUOTE = re.compile(r'"([^"]{2,400})"')


def _squash(text: str) -> str:
    return " ".join(text.lower().split()).strip(" ,.;:!?")


def check_quotes(claim: str, evidence: Evidence) -> Check:
    """Text in double quotes must occur verbatim (ignoring case, spacing and quote style).

    A single quoted word is a term set off, not a quotation (rated a "one" or "two"): the word
    checks handle it."""
    ev = _squash(evidence.text)
    quoted = [q for q in _QUOTE.findall(_norm(claim)) if len(q.split()) > 1]
    missing = [q for q in quoted if _squash(q) not in ev]
    if missing:
        detail = "quote not found verbatim: " + "; ".join(f'"{q}"' for q in missing)
        return Check(name="quotes", passed=False, detail=detail)
    return Check(name="quotes", passed=True)


# -- negation and polarity ---------------------------------------------------------------------

_NEG_WORDS = lexicon.cue_words("negation")
_NEG_STEMS = {stem(w) for w in lexicon.cue_words("negating_verbs")}
_CLAUSE_END = {".", ",", ";", ":", "!", "?", "but", "while", "although", "though", "whereas"}


# Phrasal verbs of refusal ("turned down the offer" says what "rejected the offer" does):
# (the verb's stem, its particle).
_NEG_PHRASAL = frozenset(
    (stem(verb), particle)
    for verb, particle in (p.split() for p in lexicon.cue_words("negating_phrasal_verbs"))
)
# Words before a verb of refusal or failure that make it a modifier, not a cue: "a failed
# valve" is a broken valve, "the rejected bid" a bid; neither negates the words after it.
_MODIFIER_OPENERS = frozenset("a an the its their his her this that these those".split())


def _is_cue(tok: str) -> bool:
    return _is_negation_word(tok) or stem(tok) in _NEG_STEMS


def _is_negation_word(tok: str) -> bool:
    """A cue that is no verb ("not", "never", "didn't"): it has no passive, no modifier use."""
    return tok in _NEG_WORDS or tok.endswith("n't")


def _cue_at(toks: list[str], i: int) -> int:
    """How many tokens the negation cue at ``toks[i]`` spans (0: none). A verb of refusal
    or failure after a determiner is a modifier ("a failed fuel valve"); a phrasal verb of
    refusal ("turned down") is a cue of two tokens, as "rejected" is one of one."""
    tok = toks[i]
    if (stem(tok), toks[i + 1] if i + 1 < len(toks) else "") in _NEG_PHRASAL:
        return 2
    if not _is_cue(tok):
        return 0
    modifier = i and toks[i - 1] in _MODIFIER_OPENERS and not _is_negation_word(tok)
    return 0 if modifier else 1


def _negation_scopes(text: str) -> tuple[list[list[str]], set[str]]:
    """Content stems scoped by each negation cue (up to NEGATION_SCOPE, within the clause),
    and the stems that occur outside any scope. A verb of refusal in the passive ("a bid of
    45 million euros rejected by Benfica") negates what stands before it in its clause, the
    nearest NEGATION_SCOPE words; the agent after "by" is stated."""
    toks = [t.lower().replace("’", "'") for t in _tokens(text)]
    scopes: list[list[str]] = []
    free: list[str] = []  # in order, to take a passive's scope back out of them
    clause_start = 0  # index in ``free`` where the current clause's free stems begin
    current: list[str] | None = None
    skip = 0
    for i, tok in enumerate(toks):
        if skip:
            skip -= 1
            continue
        if tok in _CLAUSE_END:
            current = None
            clause_start = len(free)
            continue
        if cue := _cue_at(toks, i):
            skip = cue - 1
            if toks[i + cue : i + cue + 1] == ["by"] and not _is_negation_word(tok):
                taken = free[max(clause_start, len(free) - NEGATION_SCOPE) :]
                del free[len(free) - len(taken) :]
                scopes.append(taken)
                current = None
                continue
            current = []
            scopes.append(current)
            continue
        if tok in STOPWORDS or not tok[:1].isalnum():
            continue
        term = stem(tok)
        if current is not None and len(current) < NEGATION_SCOPE:
            current.append(term)
        else:
            current = None
            free.append(term)
    return [s for s in scopes if s], set(free)


_PROOF_VERBS = lexicon.cue_words("proof_verbs")
PROOF_GAP = 2  # words between a negation cue and its verb of proof: "does not necessarily show"
DENIED_CLAUSE_MAX = 8  # content words of a denied clause read


def _denied_clauses(text: str) -> list[tuple[list[str], set[str]]]:
    """The content stems of each clause a negated verb of proof introduces ("it does not show
    that coffee itself is protective": [coffe, protect]), with the stems of the sentence outside
    it. A negation's usual scope (NEGATION_SCOPE words) stops at "show that coffee", so the
    clause's own predicate was read as stated: the clause is what the sentence denies is
    established, whatever its length."""
    toks = [t.lower().replace("’", "'") for t in _tokens(text)]
    out: list[tuple[list[str], set[str]]] = []
    for i, tok in enumerate(toks):
        if not _is_cue(tok):
            continue
        verb = next(
            (j for j in range(i + 1, min(i + 2 + PROOF_GAP, len(toks))) if toks[j] in _PROOF_VERBS),
            None,
        )
        if verb is None or toks[verb + 1 : verb + 2] not in (["that"], ["whether"]):
            continue
        clause: list[str] = []
        end = verb + 2
        while end < len(toks) and toks[end] not in _CLAUSE_END and len(clause) < DENIED_CLAUSE_MAX:
            if toks[end] not in STOPWORDS and toks[end][:1].isalnum():
                clause.append(stem(toks[end]))
            end += 1
        rest = {stem(t) for t in toks[:i] + toks[end:] if t not in STOPWORDS and t[:1].isalnum()}
        if clause:
            out.append((clause, rest))
    return out


def _states_denied_clause(claim_free: set[str], evidence: Evidence) -> str | None:
    """Why the claim states a clause the cited text says is not shown (``_denied_clauses``):
    at least half of its words, two at least (or its only one), free in the claim, one of them
    found nowhere else in its sentence ("coffee protects" on "does not show that coffee is
    protective", where "coffee" is the study's subject too). None when it does not."""
    for clause, rest in evidence.denied_clauses:
        stated = [t for t in clause if t in claim_free]
        own = [t for t in stated if t not in rest]
        if own and len(stated) >= max(min(2, len(clause)), len(clause) / 2):
            return (
                f"the cited text denies it is shown that '{' '.join(clause)}'; the claim states it"
            )
    return None


# Light nouns of necessity: "without any requirement to pay tax" negates having to pay it, and
# a claim states that with any word of the class ("need to pay tax", "must pay tax", "are
# required to pay tax"), not with the noun itself. A claim that only says "pay tax" is not
# contradicted: one may pay what one need not.
_NECESSITY = frozenset(
    stem(w) for w in "requirement require need obligation oblige obligate must necessary".split()
)


# Words a negation may deny and the words that state them (negatable.json): "found not guilty
# of fraud" denies what "convicted of fraud" states. Stems.
_STATED_BY = {
    stem(head): frozenset(stem(w) for w in said) for head, said in lexicon.negatable().items()
}


def _mentioned(term: str, terms: TermSet) -> bool:
    """The cited text has ``term``, or the verb an irregular form of it inflects: "will not be
    built" negates the "build" of "voted to build a bridge" (the stems differ)."""
    return term in terms or any(stem(b) in terms for b in word_readings(term).get("VERB", ()))


NEGATED_KIN_RANK = 2  # rank of the WordNet verb relatives a negated word may be told by


def _kin(term: str, said: dict[str, str]) -> set[str]:
    """Stems that may say what the claim's ``term`` does: its synonyms and, for a verb, its
    WordNet relatives ("resolve": "settle"). A claim's "did not resolve the dispute" is the
    cited text's "failed to settle the dispute": both negate, in other words."""
    out = set(_SYNONYM_OF.get(term, ()))
    word = said.get(term, term)
    for base in word_readings(word).get("VERB", ()):
        out.update(stem(w) for w in lexicon.related("verbs", base, NEGATED_KIN_RANK))
    return out


KIN_SHARED = (
    2  # content words a claim shares with a sentence whose negation it states in other words
)


def _negated_kin(term: str, said: dict[str, str], negated: str) -> bool:
    """The claim's ``term`` says the ``negated`` stem in other words (``_kin``), and is no verb
    of saying or a light one ("told" for a "did not say")."""
    word = said.get(term, term)
    bases = word_readings(word).get("VERB", ())
    if any(b in REPORTING_BASES or _lemma(b) in _LIGHT_VERB_LEMMAS for b in bases):
        return False
    return negated in _kin(term, said)


def check_negation(claim: str, evidence: Evidence) -> Check:
    """A negation of what the cited text states, or a negation of the cited text the claim
    drops. A claim negating something the cited text does not mention at all is not
    contradicted, only unsupported ("negation-unsupported"). A claim's negation is matched
    by one of the cited text's that scopes over a word of its scope or a word of like
    meaning (``_kin``): the two negate the same thing."""
    claim_scopes, claim_free = _negation_scopes(claim)
    ev_inside, ev_outside = evidence.negated
    inside_set = TermSet(list(ev_inside))
    unsupported: list[str] = []
    said = term_words(_norm(claim))
    for scope in claim_scopes:
        if not any(t in inside_set or _kin(t, said) & ev_inside for t in scope):
            detail = f"the claim negates '{' '.join(scope)}'; the cited text does not"
            if any(_mentioned(t, evidence.terms) for t in scope):
                return Check(name="negation", passed=False, detail=detail)
            unsupported.append(detail)
    claim_inside = TermSet([t for s in claim_scopes for t in s])
    only_negated = ev_inside - ev_outside
    says_necessity = any(stem(w) in _NECESSITY for w in words(claim))
    for scope, free in evidence.scoped_negations:
        # the claim states what the cited text negates: at least two of the scope's terms (or
        # its only one) free in the claim, so one shared word ("office" in "not holding office"
        # vs "police officers") is no contradiction; a term is negated when its own sentence
        # states it nowhere else, so long as no cited sentence states the negated word itself
        negated = only_negated if scope[0] in ev_outside else {t for t in scope if t not in free}
        stated = [t for t in scope if t in negated and t in claim_free]
        stated = [t for t in stated if t not in claim_inside]
        # the negated word itself (the first after the cue) must be stated: "did not use voice
        # recognition" is not contradicted by "the voice recognition feature"; a light noun of
        # necessity by any word of its class
        head = scope[0] in stated or (scope[0] in _NECESSITY and says_necessity)
        if not head and scope[0] in negated and len(claim_free & free) >= KIN_SHARED:
            # the negated word in other words: "settles the dispute" where the cited text
            # says the dispute "has not been resolved" (``_kin``), about the same thing
            kin = next(
                (t for t in claim_free - claim_inside.terms if _negated_kin(t, said, scope[0])),
                None,
            )
            if kin is not None:
                stated = [scope[0], *stated]
                head = len(stated) >= min(2, len(scope))
        if stated and head and len(stated) >= min(2, len(scope)):
            return Check(
                name="negation",
                passed=False,
                detail=f"the cited text negates '{' '.join(stated)}'; the claim does not",
            )
    denied = _denied_in_other_words(claim, claim_free - claim_inside.terms, evidence)
    own_denied = {t for clause, _ in _denied_clauses(claim) for t in clause}
    denied = denied or _states_denied_clause(claim_free - claim_inside.terms - own_denied, evidence)
    if denied is not None:
        return Check(name="negation", passed=False, detail=denied)
    if unsupported:
        return Check(name="negation-unsupported", passed=False, detail=unsupported[0])
    return Check(name="negation", passed=True)


# Words that deny a negatable word as a negation of it does ("cleared of fraud" is "not
# guilty of fraud"), as written, with the word each denies (negatable.json's denied_by).
_DENIALS = lexicon.denials()
_DENIAL = re.compile(r"\b(?:" + "|".join(map(re.escape, _DENIALS)) + r")\b", re.IGNORECASE)
# Phrases read as words of a negatable class first (negatable.json's read_as): a plea is the
# admission or the denial it makes, so "pleaded not guilty" is "denied" and stands against
# "admitted", while "pleaded guilty" both admits and states guilt. Longest first.
_READINGS = lexicon.negatable_readings()
_READING = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_READINGS, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)
# Words that stand for whatever a negatable word is said of ("denies the charge"), by the
# head's stem; and every word that states some head, which a bare statement says no more than.
_ANY_OF = {
    stem(head): frozenset(stem(w) for w in said) for head, said in lexicon.negatable_any().items()
}
_STATING = frozenset().union(*_STATED_BY.values())


def _as_negations(text: str) -> str:
    """``text`` with each plea read as what it says and each denying word read as the
    negation it is: "was cleared of fraud" -> "was not guilty of fraud", "pleaded not guilty
    to arson" -> "not admit to arson"."""
    read = _READING.sub(lambda m: _READINGS[" ".join(m.group().lower().split())], text)
    return _DENIAL.sub(lambda m: "not " + _DENIALS[m.group().lower()], read)


def _stated_against(
    scopes: list[list[str]], free: set[str], stater_free: set[str], *, bare: bool = False
) -> list[str] | None:
    """The terms of a scope of the denying side (``scopes``, ``free``) that the other side
    states outside a negation (``stater_free``), its negated word in other words of its
    class (``_STATED_BY``): the negated word and at least one more of its scope (its only
    one), the denying side stating neither outside a negation. None when no scope is.

    ``bare``: the stating side says the negated word of nothing ("Tom Bell pleaded guilty"),
    so a scope's word that stands for anything it may be said of ("denies the charge",
    ``_ANY_OF``) counts as stated; a side that names what it admits ("admitted arson") is
    not so read, as "the charge" denied may be another one."""
    for scope in scopes:
        said = _STATED_BY.get(scope[0], frozenset()) & stater_free
        if not said or scope[0] in free or said & free:
            continue
        general = _ANY_OF.get(scope[0], frozenset()) if bare else frozenset()
        stated = [
            scope[0],
            *(t for t in scope[1:] if (t in stater_free or t in general) and t not in free),
        ]
        if len(stated) >= min(2, len(scope)):
            return stated
    return None


def _says_no_more(free: set[str], names: list[tuple[list[str], str]]) -> bool:
    """The terms ``free`` are only names and words that state a negatable word: "Tom Bell
    pleaded guilty" says what was admitted of nothing."""
    named = {stem(w) for _, phrase in names for w in phrase.split()}
    return not free - named - _STATING


def _denied_in_other_words(claim: str, claim_free: set[str], evidence: Evidence) -> str | None:
    """A cited sentence that negates a word the claim states in other words (``_STATED_BY``):
    "Sean Doyle was convicted of fraud" on "Sean Doyle was found not guilty of fraud" or on
    "Sean Doyle was cleared of fraud" (a denying word, ``_as_negations``); and back, a claim
    that so denies what the sentence states ("was acquitted" on "was convicted"). A plea is
    read as what it says (``_READINGS``): "pleaded guilty" on "denies the charge".

    Read one sentence at a time, and only one that names every name of the claim: the cited
    text may convict another defendant of fraud in the next sentence ("a jury convicted Forde
    of fraud"), which says nothing of Doyle (``_stated_against`` says what must be stated).
    A sentence's "he" or "she" names whom it stands for (``referent``): "He pleaded not
    guilty to burglary" after "Mark Cole also appeared" is Cole's plea."""
    names = _names(claim, evidence.known_names)
    if not names:
        return None
    claim_scopes, claim_as_free = _negation_scopes(_as_negations(claim))
    if _READING.search(claim):
        # the claim's plea read as what it says; ``claim_free`` is of its words as written
        claim_free = claim_as_free - {t for scope in claim_scopes for t in scope}
    bare = _says_no_more(claim_free, names)
    for sentence in evidence.sentences:
        scopes, free = _negation_scopes(_as_negations(sentence))
        stated = _stated_against(scopes, free, claim_free, bare=bare)
        denied = None if stated else _stated_against(claim_scopes, claim_as_free, free)
        if not stated and not denied:
            continue
        one = Evidence([sentence], known_names=evidence.known_names)
        text = _spaced(f"{one.text} {referent(sentence, evidence) or ''}")
        if all(_name_in(core, phrase, text, one.terms) for core, phrase in names):
            read = claim if denied else sentence
            shown = term_words(_norm(_as_negations(read)))
            negated = " ".join(shown.get(t, t) for t in denied or stated or [])
            if denied:
                return f"the claim negates '{negated}'; the cited text states it"
            return f"the cited text negates '{negated}'; the claim states it"
    return None


# -- qualifiers: words that change a fact without changing its content words -------------------

# A claim can keep every content word of its evidence and still change the fact with one
# function word: "voted against building" (to build), "nearly voted", "may vote", "will vote"
# (voted), "unanimously" (7-2), "all of" (most of), "more than three" (three). Coverage and the
# word check never see these words (they are stopwords), so each closed class below is held
# against its cited text as a negation cue is (check_negation): a claim's cue that no word of
# its class licenses in the cited text fails, as a contradiction when the words it qualifies
# are there ("the cited text states it without the qualifier") and as unsupported otherwise.
# Classes are closed lists, not thresholds: each names its cue, the words that say the same
# qualification in a cited text (licence), and, where there is one, the contrary qualification
# that contradicts it outright (opposite).
_NUMBER = (
    r"(?:(?:an? |the )?(?:[$£€] ?)?\d|(?:a |an )?(?:three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|dozen|half|two|one)\b)"
)
_NUMBER_AHEAD = "(?=" + _NUMBER + ")"


def _phrases(*kinds: str) -> str:
    return "|".join(p for kind in kinds for p in BOUND_PHRASES[kind])


_UP = r"(?<!no )(?:" + _phrases("more than", "at least") + r")\s+"
_DOWN = r"(?:" + _phrases("less than", "at most") + r")\s+"
_APPROX = r"(?:nearly|almost|" + _phrases("about") + r")\s+"
# Any bound phrase before a number; the longest phrase that ends before it wins ("no more
# than", "just under").
_BOUND = re.compile(
    r"\b(?<!no )(" + "|".join(sorted(_BOUND_KIND, key=len, reverse=True)) + r")\s+" + _NUMBER_AHEAD
)
_HEDGES = (
    r"may|might|could|can|would|will|should|possibl\w*|perhaps|probabl\w*|likely|unlikely|"
    r"potential\w*|expect\w*|if|whether|risk\w*|fear\w*|threat\w*|warn\w*|plan\w*|propos\w*|"
    r"consider\w*|hope\w*|aim\w*|intend\w*|estimat\w*|predict\w*|forecast\w*|chance\w*|"
    r"alleg\w*|suspect\w*|report\w*|apparent\w*|seem\w*|appear\w*|believ\w*|claim\w*|"
    r"uncertain\w*|unclear|question\w*|doubt\w*|suggest\w*"
)


# Words that say something is reported: they license a claim's "reportedly" and keep the
# cited text's.
_REPORTED = re.compile(r"\b(?:report\w*|said|say\w*|told|according|claim\w*|alleg\w*|sources?)\b")


# Words of a claim that keep an open question: deciding, weighing, a chance.
_OPEN_KEPT = re.compile(
    r"\b(?:whether|decid\w*|decision|consider\w*|weigh\w*|mull\w*|option\w*|"
    r"may|might|could|possibl\w*|if)\b"
)


@dataclass(frozen=True)
class _Qualifier:
    """One closed class of qualifying words (see above)."""

    kind: str
    cue: re.Pattern[str]
    licence: re.Pattern[str]
    opposite: re.Pattern[str] | None = None
    # a hedge: words of the claim that keep it when the cited text hedges what the claim
    # states ("allegedly took bribes" -> "took bribes"); None for a class a claim may drop
    kept: re.Pattern[str] | None = None
    said: bool = True  # the claim's cue is checked (False: only the cited text's, if kept)


QUALIFIERS = (
    # opposition: "against" after a verb of deciding or a form of "be" (not "the case
    # against", "the match against"): the cited text must say so some way
    _Qualifier(
        "opposition",
        re.compile(
            r"\b(?:vot\w*|rul\w*|decid\w*|argu\w*|campaign\w*|lobb\w*|spoke|speak\w*|"
            r"testif\w*|came out|comes? out|is|are|was|were|be|been)\s+(?:\S+\s+){0,3}against\b"
        ),
        re.compile(
            r"\b(?:against|oppos\w*|reject\w*|veto\w*|versus|vs|anti|object\w*|resist\w*)\b"
        ),
    ),
    # a near miss: the event did not happen ("nearly voted", "almost died"). Said of an
    # amount ("nearly all", "nearly doubled", "nearly 200") it is an approximation, which any
    # approximator of the cited text licenses
    _Qualifier(
        "near miss",
        re.compile(
            r"\b(?:nearly|almost|narrowly)\s+(?!doubled|tripled|halved|quadrupled)"
            r"(?=[a-z]+ed\b|(?:missed|failed|avoided|escaped|won|lost|died|fell|hit|ran)\b)"
        ),
        re.compile(
            r"\b(?:nearly|almost|narrowly|close to|just short|fell short|barely|near|about|"
            r"roughly|approximately|around)\b"
        ),
    ),
    # a hedge the claim adds or drops: "allegedly", "reportedly" (either way round), "may",
    # "might", "could have", "is expected/likely to", "is said to" (dropped: a claim's own
    # modal is _FUTURE's business). A claim keeps a hedge with any word of its class, or, for
    # what is reported or alleged, by saying who reports or alleges it ("according to reports,
    # the mayor ordered ..."), not by a plain "will". A cited "police said he may have fled" is
    # not kept by "police said he fled": the police hedged
    _Qualifier(
        "allegation",
        re.compile(r"\b(?:allegedly|purportedly|supposedly)\b"),
        re.compile(r"\b(?:alleg\w*|accus\w*|suspect\w*|charg\w*|claim\w*|purport\w*|suppos\w*)\b"),
        kept=re.compile(
            r"\b(?:alleg\w*|accus\w*|suspect\w*|charg\w*|claim\w*|purport\w*|suppos\w*|"
            r"report\w*|said|say\w*|according)\b"
        ),
    ),
    _Qualifier(
        "report",
        re.compile(r"\breportedly\b"),
        _REPORTED,
        kept=_REPORTED,  # either way round: the cited text's words of reporting keep it too
    ),
    _Qualifier(
        "hearsay",
        re.compile(r"\b(?:is|are|was|were) (?:widely |also )?(?:said|reported|rumou?red) to\b"),
        re.compile(r"(?!)"),
        kept=_REPORTED,
        said=False,
    ),
    # "may"/"might" before a verb ("may delay", "might have fled"), not the month ("in May
    # the council", "May 5", "since May last year"); "could" only as "could have" (a bare
    # "could" is often ability: "could not reach", "could swim")
    _Qualifier(
        "possibility",
        re.compile(
            r"\b(?:(?<!\bin )(?<!\bof )(?<!\bon )(?<!\bby )(?<!since )(?<!until )(?<!early )"
            r"(?<!late )(?<!mid )(?<!mid-)(?:may|might)(?: well)?(?! not\b| never\b)"
            r"(?= [a-z]+\b)(?! (?:the|a|an|and|or|but|of|in|on|at|to|for|by|from|with|this|"
            r"that|last|next|is|was|will|when|as|after|before|until|through|during|\d))"
            r"|could(?: well)? have\b(?! not\b| never\b)"
            r"|(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bwhich it )"
            r"could(?: well| also| still| soon| eventually)?(?= [a-z]+\b)"
            r"(?! (?:not|never|only|hardly|barely|see|hear|feel|do|get|find|swim|afford)\b))"
        ),
        re.compile(r"(?!)"),
        kept=re.compile(
            r"\b(?:may|might|could|possibl\w*|perhaps|probabl\w*|likely|believ\w*|thought|"
            r"suspect\w*|fear\w*|apparent\w*|seem\w*|appear\w*|alleg\w*|reportedly|rumou?r\w*|"
            r"unclear|uncertain|whether)\b"
        ),
        said=False,
    ),
    _Qualifier(
        "expectation",
        re.compile(
            r"\b(?:is|are|was|were|be|been|being) (?:widely |also |now |very |highly |most )?"
            r"(?:expected|predicted|projected|forecast|likely) to\b"
        ),
        re.compile(r"(?!)"),
        kept=re.compile(
            r"\b(?:expect\w*|likely|predict\w*|project\w*|forecast\w*|anticipat\w*|plan\w*|"
            r"aim\w*|intend\w*|propos\w*|may|might|could|probabl\w*|possibl\w*)\b"
        ),
        said=False,
    ),
    # a plan or an aim ("plans to build", "intends to", "hopes to", "wants to"): a claim that
    # says it will happen or happened drops it; "is planning to", "aims to", "is set to",
    # "is expected to" keep it
    _Qualifier(
        "plan",
        re.compile(
            r"\b(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|"
            r"hopes?|hoped|hoping|proposes?|proposed|proposing|wants?|wanted|seeks?|sought|"
            r"seeking) to\b(?! (?:the|a|an|its|their|his|her|this|that)\b)"
        ),
        re.compile(r"(?!)"),
        kept=re.compile(
            r"\b(?:plan\w*|intend\w*|intention\w*|aim\w*|hope\w*|propos\w*|want\w*|seek\w*|"
            r"sought|goal|expect\w*|likely|set to|may|might|could|would|possibl\w*|"
            r"promis\w*|pledg\w*|vow\w*|commit\w*)\b"
        ),
        said=False,
    ),
    # an open question: "has 30 days to decide whether to seek a rehearing or to ask the
    # court": neither is decided, so a claim that states either ("would ask the court") drops
    # it; one that keeps a word of deciding or a chance keeps it. The second cue reads the
    # other choice ("or to ask"), which the first one's scope does not reach
    _Qualifier(
        "open question",
        re.compile(r"\bwhether (?:or not )?to\b"),
        re.compile(r"(?!)"),
        kept=_OPEN_KEPT,
        said=False,
    ),
    _Qualifier(
        "open question",
        re.compile(r"\bwhether (?:or not )?to\b[^.;:!?]{1,80}?\b(?:or|and) to\b"),
        re.compile(r"(?!)"),
        kept=_OPEN_KEPT,
        said=False,
    ),
    # the future ("said the government would ask the EU for assistance"): a claim that states
    # it as done ("has received assistance", ``_done_verb``) drops it; one in the present or
    # with a word of the future or a plan is left alone (a plan is often stated in the present)
    _Qualifier(
        "future",
        re.compile(
            r"\b(?:will|would|shall|(?:is|are|was|were) (?:going|due|set|about) to)\b"
            r"(?! not\b| never\b| have\b)"
        ),
        re.compile(r"(?!)"),
        kept=re.compile(
            r"\b(?:will|would|shall|going to|set to|due to|about to|expect\w*|plan\w*|may|might|"
            r"could|likely|intend\w*|aim\w*|hope\w*|propos\w*|promis\w*|pledg\w*|vow\w*|"
            r"whether|schedul\w*|next|soon|later|upcoming|future|seek\w*|want\w*|ask\w*)\b"
        ),
        said=False,
    ),
    # all, every, unanimously: a cited text that says "most of" or gives a split vote says
    # otherwise. Where it says neither, only "unanimously" fails: "all 200,000 homes" where
    # it says "200,000 homes" is implied, and a summary's "all the staff" generalises
    _Qualifier(
        "universal",
        re.compile(
            r"\b(?:unanimous(?:ly)?|every|(?<!at )(?<!after )(?<!above )(?<!for )"
            r"all(?= of | the |\s*\d| his | her | its | their | these | those ))\b"
        ),
        re.compile(
            r"\b(?:all|every\w*|each|entire\w*|whole|unanimous\w*|complete\w*|total\w*|"
            r"fully|both|none|any)\b"
        ),
        re.compile(
            r"\b(?:most|some|many|several|half|part|majority|minority) of\b|\bmajority\b"
            r"|(?<![\w.,-])\d{1,3}-(?:[1-9]\d{0,2})(?![\w-])"
        ),
    ),
    # comparatives before a number: "more than three" where the cited text says "three"
    _Qualifier(
        "more than",
        re.compile(r"\b" + _UP + _NUMBER_AHEAD),
        re.compile(r"\b" + _UP + _NUMBER_AHEAD),
        re.compile(r"\b(?:" + _DOWN + "|nearly |almost )" + _NUMBER_AHEAD),
    ),
    _Qualifier(
        "less than",
        re.compile(r"\b" + _DOWN + _NUMBER_AHEAD),
        re.compile(r"\b(?:" + _DOWN + "|" + _APPROX + ")" + _NUMBER_AHEAD),
        re.compile(r"\b" + _UP + _NUMBER_AHEAD),
    ),
    _Qualifier(
        "nearly",
        re.compile(r"\b(?:" + _phrases("nearly") + r")\s+" + _NUMBER_AHEAD),
        re.compile(r"\b(?:" + _DOWN + "|" + _APPROX + ")" + _NUMBER_AHEAD),
        re.compile(r"\b" + _UP + _NUMBER_AHEAD),
    ),
)
# A modal or the future ("will vote", "may vote", "planned to vote") is wrong where the cited
# text says it already happened ("voted") and says nothing of a plan or a chance; elsewhere
# it is left alone: a plan is often stated in the present ("construction starts in May"),
# and a summary may hedge what a speaker asserts.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|going to|may|might|could|planned to|plans to|planning to|"
    r"expected to|set to)\s+(?:(?:not|also|now|then|soon|still|\w+ly|be|have|been)\s+)*([a-z]+)"
)
_FUTURE_LICENCE = re.compile(
    r"\b(?:will|would|shall|going to|'ll|is to|are to|was to|were to|set to|due to|"
    r"schedul\w*|next|upcoming|tomorrow|later|soon|future|" + _HEDGES + r")\b"
)


def _scope(
    text: str, start: int = 0, form: Callable[[str], str] = stem, reach: int = NEGATION_SCOPE
) -> tuple[list[str], int]:
    """Up to ``reach`` (NEGATION_SCOPE) content words of ``text`` (normalised, lower case) from
    ``start`` within the clause, as a negation cue's scope, each as ``form`` gives it (a stem,
    or a lemma for a hedge's scope), and where they end."""
    out: list[str] = []
    end = start
    for tok in _TOKEN.finditer(text, start):
        low = tok.group(0).lower()
        if low in _CLAUSE_END or len(out) >= reach:
            break
        end = tok.end()
        if low not in STOPWORDS and low[:1].isalnum():
            out.append(form(low))
    return out, end


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # between the cited sentences of Evidence.text
# A claim's word of certainty: what a hedge of the cited text qualifies, it says will happen.
_CERTAIN = re.compile(r"\b(?:will|shall|(?:is|are) (?:going|due|certain|sure) to)\b(?! not\b)")
# Content words of a hedged clause read when the claim swaps its verb for another ("is expected
# to be available for Saturday's match" -> "will play in Saturday's match"): of them, at least
# SWAPPED_MIN past the verb must be stated, so the claim restates that clause.
SWAPPED_SCOPE = 6
SWAPPED_MIN = 2


# How a dropped hedge's detail reads (draft._carrier_conflict tells it from a qualifier the
# claim adds, which another sentence may carry).
DROPS_HEDGE = "the claim drops the cited text's"
ONLY_HEDGES = "only says"


def dropped_hedge(check: Check) -> bool:
    """``check`` failed on a hedge of the cited text the claim drops (``_dropped_hedge``)."""
    return check.name == "qualifiers" and (
        check.detail.startswith(DROPS_HEDGE) or f"the cited text {ONLY_HEDGES} '" in check.detail
    )


def _dropped_hedge(said: str, evidence: Evidence, shown: str) -> str | None:
    """Why the claim (``said``: normalised, lower case; ``shown``: the same before lower-casing)
    drops a hedge of the cited text: it states the words a hedge of a ``kept`` class qualifies
    there ("reportedly ordered the closure" -> "ordered the closure"), with no word of that
    class, while the cited text does not state them unhedged anywhere else. As a negation the
    claim drops (check_negation): the first word after the cue, and two of its scope (or its
    only one), must be stated."""
    cited = evidence.text.lower()
    said_words = words(said)
    # each word's lemma, and a verb's base form's ("built": "build")
    mine = {_lemma(w) for w in said_words}
    mine |= {_lemma(b) for w in said_words for b in word_readings(w).get("VERB", ())[:1]}
    certain = _CERTAIN.search(said)
    done = _done_verb(said_words)
    hedged: list[tuple[_Qualifier, re.Match[str], list[str], int]] = []
    for q in QUALIFIERS:
        if q.kept is None or _keeps(q, said, shown) or (q.kind == "future" and done is None):
            continue
        for match in q.cue.finditer(cited):
            scope, end = _scope(cited, match.end(), _lemma)
            if scope and scope[0] in _relation_verbs() and scope[0] not in mine:
                scope, end = _related_scope(cited, match.end())
            if not scope or _capitalised_within(evidence.text, cited, match.start()):
                continue
            if match.group(0) == "may" and _not_a_modal(cited, match.end()):
                continue  # "theresa may said": a name, not a hedge
            if q.kind != "open question" and _EMBEDDED.search(
                cited[max(0, match.start() - 60) : match.start()]
            ):
                continue  # "a dispute over how much water states may release": no assertion
            hedged.append((q, match, scope, end))
    # what the cited text states unhedged: its words outside every hedge's scope (a headline's
    # "may be linked to lower risk" is not stated by the body's "may have a lower risk")
    unhedged = list(cited)
    for _, match, _, end in hedged:
        unhedged[match.start() : end] = " " * (end - match.start())
    outside = "".join(unhedged)
    free_anywhere = {_lemma(w) for w in words(outside)}
    for q, match, scope, end in hedged:
        # as for a negation: a word its own sentence states nowhere unhedged is hedged there,
        # whatever another cited sentence says of it ("reach the final"), unless the cited text
        # states the hedged word itself unhedged
        free = free_anywhere
        if scope[0] not in free_anywhere:
            starts = [m.end() for m in _SENTENCE_BREAK.finditer(cited, 0, match.start())]
            stop = _SENTENCE_BREAK.search(cited, end)
            own = outside[starts[-1] if starts else 0 : stop.start() if stop else None]
            free = {_lemma(w) for w in words(own)}
        stated = [t for t in scope if t in mine and t not in free]
        words_hedged = cited[match.start() : end].strip(" ,.;:")
        cue = match.group(0)
        if scope[0] in stated and len(stated) >= min(2, len(scope)):
            return f"{DROPS_HEDGE} '{cue}' ({q.kind}): '{words_hedged}'"
        sure = certain.group(0) if certain is not None else None
        if sure is None and q.kind in _DONE_SWAPS:
            sure = done
        if sure is not None and scope[0] not in mine:
            # another verb for the hedged one, said with certainty or as done: "will play"
            # where the cited text "is expected to be available for Saturday's match", "has
            # received assistance" where the government "would ask" for it
            wide, _ = _scope(cited, match.end(), _lemma, reach=SWAPPED_SCOPE)
            if len([t for t in wide[1:] if t in mine and t not in free]) >= SWAPPED_MIN:
                return (
                    f"the claim says '{sure}' where the cited text {ONLY_HEDGES} "
                    f"'{words_hedged}' ({q.kind})"
                )
    return None


# A hedge in an embedded question ("a dispute over how much water upstream states may
# release", "asked whether it would ...") asserts nothing a claim could drop. Not "who",
# "which", "when": a relative clause asserts ("adults who walk may get better sleep").
_EMBEDDED = re.compile(r"\b(?:how|what|whether|why)\b(?:\s+(?!(?:said|says)\b)[\w'’-]+){0,4}\s*$")


# Hedges of what is yet to happen, which a claim that says it happened, in another verb,
# drops: not a report or an allegation ("reportedly centered on" -> "covered" is fair).
_DONE_SWAPS = frozenset({"future", "expectation", "plan", "open question"})


def _done_verb(said_words: list[str]) -> str | None:
    """The first verb of the claim (its words, lower case) said as done: a past form ("received",
    "won") that is not its base, or a participle after "has"/"have"/"had"; not a verb of saying
    or announcing ("said it would", "announced plans to"), nor a light one. None for a claim
    in the present or the future."""
    for k, word in enumerate(said_words):
        if word in STOPWORDS or word.endswith(("ing", "s")):
            continue
        readings = word_readings(word)
        bases = readings.get("VERB", ())
        if not bases or "AUX" in readings or word in bases:
            continue
        base = bases[0]
        if (
            base in REPORTING_BASES
            or base in _LIGHT_VERB_LEMMAS
            or _lemma(base) in _LIGHT_VERB_LEMMAS
        ):
            continue
        if word.endswith("ed") or (k and said_words[k - 1] in ("has", "have", "had")):
            return word
        if "NOUN" not in readings and "ADJ" not in readings:
            return word  # an irregular past: "won", "sold"
    return None


HEDGE_BEFORE = 3  # words before a verb of the sources in which a hedge of it stands


def _hedged_elsewhere(said: str, evidence: Evidence, shown: str) -> str | None:
    """A verb of the claim the cited text lacks that the cited articles (``cited_corpus``, else
    all sources) state only under a hedge the claim drops ("will miss the final" cited to
    "Ortega has a hamstring injury" while the article says "Ortega may miss the final"): the
    claim states as fact what the sources only hedge, which the cited text cannot settle."""
    corpus = evidence.cited_corpus() if evidence.cited_corpus is not None else evidence.corpus
    if not corpus:
        return None
    kept = [q for q in QUALIFIERS if q.kept is not None and not _keeps(q, said, shown)]
    for word in words(said):
        readings = word_readings(word)
        if word in STOPWORDS or "VERB" not in readings or "AUX" in readings:
            continue
        base = readings["VERB"][0]
        if stem(base) in evidence.terms or stem(word) in evidence.terms:
            continue
        hedges: list[str] = []
        for m in re.finditer(r" " + re.escape(stem(base)) + r"[a-z]* ", corpus):
            window = corpus[max(0, m.start() - 200) : m.end()]  # not all of it
            near = " ".join(window.split()[-HEDGE_BEFORE - 1 :])
            hit = next((q.cue.search(near) for q in kept if q.cue.search(near)), None)
            if hit is None:
                break  # stated unhedged somewhere
            hedges.append(f"{hit.group(0)} ... {m.group(0).strip()}")
        else:
            if hedges:
                return (
                    f"the claim states '{word}' as fact; the sources only hedge it: '{hedges[0]}'"
                )
    return None


# Verbs that only relate two things (lemmas): "may be linked to lower risk" hedges the lower
# risk, which a claim states as "have a lower risk" without the verb.
@lru_cache(maxsize=1)
def _relation_verbs() -> frozenset[str]:
    return frozenset(_lemma(w) for w in lexicon.cue_words("relation_verbs"))


def _related_scope(cited: str, start: int) -> tuple[list[str], int]:
    """A hedge's scope past the verb of relation it opens with ("may be linked to lower risk":
    [lower, risk]): the words related, which a claim may state without the verb. A headline
    hedges so ("Coffee may be linked to lower risk"), and the first word of a hedge's scope must
    be stated for the claim to drop it, so a claim stating the risk itself was let through."""
    for tok in _TOKEN.finditer(cited, start):
        if _lemma(tok.group(0)) in _relation_verbs():
            return _scope(cited, tok.end(), _lemma)
    return [], start


def _keeps(q: _Qualifier, said: str, shown: str) -> bool:
    """A word of the claim keeps the hedge class of ``q``; a "may" only as a hedge is read in
    a cited text (``q.cue``, not a month or a name: "will open in May" keeps no "may open")."""
    for match in q.kept.finditer(said) if q.kept is not None else ():
        if match.group(0) != "may":
            return True
        if q.cue.match(said, match.start()) and not _capitalised_within(shown, said, match.start()):
            return True
    return False


def _capitalised_within(text: str, lowered: str, at: int) -> bool:
    """The word at ``at`` of ``lowered`` (``text`` lower-cased) is capitalised in ``text``
    mid-sentence: a name or a month ("Theresa May said", "in May"), not a hedge. A text whose
    length lower-casing changed cannot tell."""
    if len(text) != len(lowered) or not text[at : at + 1].isupper():
        return False
    before = text[:at].rstrip(" \"'(")
    return bool(before) and before[-1] not in ".!?:"


def _not_a_modal(lowered: str, end: int) -> bool:
    """The "may" that ends at ``end`` of ``lowered`` is followed by a verb
    form that is not a base form ("may said", "may has", "may announced"): a modal takes a
    base form ("may fail", "may have said"), so this "may" is a name, as lower-cased text
    writes "theresa may said" (SummEdits and factcc are lower-cased, and
    ``_capitalised_within`` cannot tell there)."""
    found = re.match(r"\s+([a-z]+)\b", lowered[end:])
    if found is None:
        return False
    word = found.group(1)
    bases = word_readings(word).get("VERB", ()) + word_readings(word).get("AUX", ())
    return bool(bases) and word not in bases


def _past_form(word: str, evidence: Evidence) -> str | None:
    """A word of the cited text that is a past form of the verb ``word`` ("voted" for
    "vote"), or None. A past form equal to its base ("cost", "put") cannot tell and is not
    counted."""
    base = word_readings(word).get("VERB", (None,))[0]
    if base is None:
        return None
    for other in set(words(evidence.text)):
        if other == base or other.endswith(("ing", "s")):
            continue
        if base in word_readings(other).get("VERB", ()):
            return other
    return None


def check_qualifiers(claim: str, evidence: Evidence) -> Check:
    """A qualifying word of the claim (``QUALIFIERS``) that no word of its class licenses in
    the cited text: contradicted when the cited text has the contrary qualification or states
    the qualified words without it, else unsupported ("qualifiers-unsupported"). A bound is
    compared as a range (``bound_verdict``): one a figure of the cited text overlaps ("fewer
    than 300" on "more than 200") is unsupported, whatever the phrases."""
    said = _norm(claim).lower()
    cited = evidence.text.lower()
    unsupported: list[str] = []
    verdicts = [(b, bound_verdict(b, evidence)) for b in bounds(claim)]
    for q in QUALIFIERS:
        if not q.said or q.licence.search(cited):
            continue  # the cited text qualifies it the same way somewhere
        for match in q.cue.finditer(said):
            bound, verdict = next(
                ((b, v) for b, v in verdicts if b.span[0] <= match.start() < b.span[1]),
                (None, None),
            )
            if verdict is not None and verdict[0] == "held":
                continue  # a bound the cited text's number satisfies (check_quantities)
            if bound is not None and verdict is not None and verdict[0] == "open":
                # the ranges overlap ("fewer than 300" on "more than 200"): the claim says
                # more than the source, not the contrary, whatever the phrases
                unsupported.append(
                    f"the claim says '{bound.words}' where the cited text says {verdict[1]}"
                )
                continue
            cue = match.group(0).strip()
            if q.opposite is not None and (opp := q.opposite.search(cited)):
                detail = f"the claim says '{cue}' where the cited text says '{opp.group(0)}'"
                return Check(name="qualifiers", passed=False, detail=detail)
            scope, _ = _scope(said, match.end())
            if q.kind == "universal" and scope and scope[0][:1].isdigit():
                continue  # "all 200,000 homes": the number implies it
            detail = f"the claim says '{cue}' ({q.kind}); the cited text does not"
            if bound is not None and verdict is not None:
                detail = f"the claim says '{bound.words}' where the cited text says {verdict[1]}"
            if scope and any(t in evidence.terms for t in scope):
                return Check(name="qualifiers", passed=False, detail=detail)
            unsupported.append(detail)
    dropped = _dropped_hedge(said, evidence, _norm(claim))
    if dropped is not None:
        return Check(name="qualifiers", passed=False, detail=dropped)
    hedged = _hedged_elsewhere(said, evidence, _norm(claim))
    if hedged is not None:
        return Check(name="qualifiers-elsewhere", passed=False, detail=hedged)
    for match in () if _FUTURE_LICENCE.search(cited) else _FUTURE.finditer(said):
        if match.group(0).startswith("may ") and _not_a_modal(said, match.start() + 3):
            continue  # "theresa may said": a name, not a modal
        past = _past_form(match.group(1), evidence)
        if past is not None:
            detail = f"the claim says '{match.group(0)}'; the cited text says '{past}'"
            return Check(name="qualifiers", passed=False, detail=detail)
    if unsupported:
        return Check(name="qualifiers-unsupported", passed=False, detail=unsupported[0])
    return Check(name="qualifiers", passed=True)


_IRREGULAR = lexicon.irregular_forms()


def _lemma(word: str) -> str:
    """The stem of a word's base form: "won" -> "win", "opposed" -> "oppos"."""
    return stem(_IRREGULAR.get(word, word))


# Spatial opposites the data files lack (they list above/below, before/after,
# inside/outside): "a bridge under the river" where the cited text has it over the river.
_SPATIAL = (("over", "under"),)
_ANTONYMS: dict[str, set[str]] = {}
for _a, _b in ((_lemma(a), _lemma(b)) for a, b in (*lexicon.antonym_pairs(), *_SPATIAL)):
    _ANTONYMS.setdefault(_a, set()).add(_b)
    _ANTONYMS.setdefault(_b, set()).add(_a)
# The words each antonym lemma was listed as: a stem shared by words of another sense is no
# opposite ("employer" and "employs" share "employ"; "employees" is not opposed to "employs").
_ANTONYM_WORDS: dict[str, set[str]] = {}
for _listed_a, _listed_b in (*lexicon.antonym_pairs(), *_SPATIAL):
    for _w in (_listed_a, _listed_b):
        _ANTONYM_WORDS.setdefault(_lemma(_w), set()).add(_w)


def _form_of_listed(word: str, lemma: str) -> bool:
    """``word`` is a form of a word its antonym lemma was listed as (or cannot be told: a
    word the readings lexicon does not know). "employs" (employ) is not "employer"."""
    listed = _ANTONYM_WORDS.get(lemma)
    readings = word_readings(word)
    if not listed or not readings or word in listed:
        return True
    return any(base in listed for bases in readings.values() for base in bases)


# Verbs too light to carry a meaning of their own ("give way", "take part"): two of them are
# opposites only when said with the same word after them ("gave the money back" and "took the
# money back"); "gave way" and "taken to hospital" are not opposed.
_LIGHT_VERB_LEMMAS = frozenset(_lemma(w) for w in lexicon.cue_words("light"))
# Words that order two events: "A after B" is "B before A", so they are opposites only when
# the two sides stand the same way round (``_order_swapped``).
_ORDER_WORDS = frozenset({"before", "after"})

# Opposites only of the listed things ("beat" / "missed" an estimate): each lemma's opposite,
# with the stems of the things it must be said of.
_ANTONYMS_OF: dict[str, dict[str, frozenset[str]]] = {}
for _a, _b, _of in lexicon.antonym_pairs_of():
    _things = frozenset(stem(w) for w in _of)
    _ANTONYMS_OF.setdefault(_lemma(_a), {})[_lemma(_b)] = _things
    _ANTONYMS_OF.setdefault(_lemma(_b), {})[_lemma(_a)] = _things


# Words either side of an antonym that show what it is said of; an opposite in the cited text
# conflicts only when it is said of the same thing ("the advanced functions may be difficult"
# is not contradicted by "everybody can use it, so it is easy to use").
ANTONYM_WINDOW = 6


def _measure_words(ws: list[str]) -> set[int]:
    """Places of the words that say a figure's measure ("percentage points" after "4.1"):
    they say what unit a number is in, not what it is about."""
    out: set[int] = set()
    for k, w in enumerate(ws):
        if w[:1].isdigit():
            out.update(range(k + 1, k + 1 + measure_at(ws, k + 1)[1]))
    return out


# Words that open another clause: an opposite past one is said of another thing ("helped by
# price increases, but sales volumes fell 4 percent" says nothing rose of sales volumes).
_ANTONYM_BREAKS = frozenset({"but", "while", "whereas", "although", "though", "yet"})
# Words before a noun ("a sharp rise in cocoa prices"): that noun is said of what follows
# "in"/"of", not of the words around it ("operating profit fell after a sharp rise in ...").
_NOUN_OPENERS = frozenset("a an the its their his her this that another further".split())


SAID_OF_WORDS = 3  # words after "in"/"of" that name what a noun of change is said of


def _said_of_after(ws: list[str], i: int) -> bool:
    """ws[i] is a noun of change followed by the thing it is said of: "a sharp rise in
    cocoa prices", "the increase of fares" (a verb, "sales rose in Europe", is not)."""
    if ws[i + 1 : i + 2] not in (["in"], ["of"]) or "NOUN" not in word_readings(ws[i]):
        return False
    k = i - 1  # back over its adjectives ("a sharp rise") to the determiner
    while k >= max(0, i - 3) and ws[k] not in _NOUN_OPENERS and "ADJ" in word_readings(ws[k]):
        k -= 1
    return k >= 0 and ws[k] in _NOUN_OPENERS


def _context(
    ws: list[str], i: int, *, bound: bool = False, kept: AbstractSet[int] = frozenset()
) -> set[str]:
    """Content stems (and their synonyms) within ANTONYM_WINDOW words of ws[i], less the
    words of a figure's measure: "turnout rose 4.1 percentage points" and "their share fell
    by 12 percentage points" are not said of the same thing. ``bound`` (an opposite of the
    cited text): only in its clause (``_ANTONYM_BREAKS``) and, for a noun of change, only what
    it is said of (``_said_of_after``); a claim's word keeps its whole window, since a claim
    that adds "but Russia rejected it" to what the source says still states it. ``kept``:
    places of words that count though they are stopwords (the month "May", ``_months_at``)."""
    out: set[str] = set()
    measured = _measure_words(ws) if _MEASURE_WORDS.intersection(ws) else set()
    lo, hi = max(0, i - ANTONYM_WINDOW), min(len(ws), i + ANTONYM_WINDOW + 1)
    if bound:
        if _said_of_after(ws, i):
            lo, hi = i + 2, min(hi, i + 2 + SAID_OF_WORDS)
        lo = max([lo, *(k + 1 for k in range(lo, i) if ws[k] in _ANTONYM_BREAKS)])
        hi = min([hi, *(k for k in range(i + 1, hi) if ws[k] in _ANTONYM_BREAKS)])
    for k in range(lo, hi):
        w = ws[k]
        if k != i and k not in measured and (w not in STOPWORDS or k in kept) and w[:1].isalnum():
            term = stem(w)
            out.add(term)
            out.update(_SYNONYM_OF.get(term, ()))
    return out


def _opposites(word: str, seen: set[str], ev: set[str], lemma: str) -> set[str]:
    """Lemmas of the cited text opposite to ``word`` (read as ``lemma``, ``_opposite_lemmas``):
    listed antonyms among ``seen``, and (among ``ev``, what the claim does not say too) their
    synonyms and un-/in-/dis- forms ("unsafe" where the text says "safe", and back)."""
    found = _ANTONYMS.get(lemma, set()) & seen
    found |= {
        _lemma(syn)
        for a in _ANTONYMS.get(lemma, ())
        for syn in _synonyms(a)
        if _lemma(syn) in ev and _lemma(syn) not in _SYNONYM_LEMMAS.get(lemma, ())
    }
    for prefix in ("un", "in", "im", "il", "ir", "dis", "non"):
        base = word[len(prefix) :]  # "into" is not in + "to"
        if word.startswith(prefix) and len(base) >= 3 and _lemma(base) in ev:
            found.add(_lemma(base))
        elif len(word) >= 4 and _lemma(prefix + word) in ev:
            found.add(_lemma(prefix + word))
    return found


_CASED_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")  # text.words, its case kept


@lru_cache(maxsize=8192)
def _degree_base(word: str) -> str | None:
    """The adjective a comparative or superlative says ("smaller" -> "small", "earliest" ->
    "early"), when that adjective has a listed opposite and the word itself has none: so
    "smaller" is opposed to "larger" and "large" without a pair per degree. A word that can
    be a noun or a verb ("number", "closer", "lower") is left as it is."""
    if not word.endswith(("er", "est")) or _lemma(word) in _ANTONYMS:
        return None
    readings = word_readings(word)
    if "NOUN" in readings or "VERB" in readings or "ADJ" not in readings:
        return None
    base = readings["ADJ"][0]
    return base if base != word and _lemma(base) in _ANTONYMS else None


# Phrasal verbs read as one word of an antonym class ("brought forward": "bring_forward"),
# by the lemma of their verb; the particle may stand PARTICLE_REACH words on ("brought the
# launch forward").
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrasal, _as in lexicon.antonym_phrases().items():
    _PHRASES.setdefault(_lemma(_phrasal[0]), []).append((_phrasal[1:], _lemma(_as)))
PARTICLE_REACH = 3


def _opposite_lemmas(ws: list[str]) -> list[str]:
    """Each word's lemma as opposites are listed: a comparative's or superlative's adjective
    (``_degree_base``), and a phrasal verb of antonyms.json read as one word at its verb, its
    particle then read as nothing ("")."""
    lemmas = [_lemma(w) for w in ws]
    for i, w in enumerate(ws):
        if (base := _degree_base(w)) is not None:
            lemmas[i] = _lemma(base)
        for rest, read_as in _PHRASES.get(lemmas[i], ()):
            for k in range(i + 1, min(len(ws), i + 1 + PARTICLE_REACH + len(rest))):
                if ws[k] in _CLAUSE_END or ws[k] in _ANTONYM_BREAKS:
                    break
                if tuple(ws[k : k + len(rest)]) == rest:
                    lemmas[i] = read_as
                    lemmas[k : k + len(rest)] = [""] * len(rest)
                    break
    return lemmas


def _shown(ws: list[str], lemmas: list[str], i: int) -> str:
    """The words read as ``lemmas[i]``: a phrasal verb up to its particle ("brought the launch
    forward"), else the word."""
    ends = [k for k in range(i + 1, min(len(ws), i + 2 + PARTICLE_REACH)) if not lemmas[k]]
    return " ".join(ws[i : ends[-1] + 1]) if ends else ws[i]


def _months_at(text: str, ws: list[str]) -> frozenset[int]:
    """Places of ``ws`` (the words of ``text``) where "May" is capitalised after the first
    word: the month (or a name), a content word though "may" the modal is a stopword ("May
    is too early" and "May was too late" are said of the same month)."""
    if "May" not in text:
        return frozenset()
    cased = _CASED_WORD.findall(_norm(text))
    if len(cased) != len(ws):
        return frozenset()
    return frozenset(k for k, w in enumerate(cased) if k and w == "May")


def _name_words(text: str, ws: list[str]) -> dict[int, frozenset[str]]:
    """Indexes of ``ws`` (the words of ``text``) capitalised after its first word, each with
    the other words of its run of capitals: words of a name ("the Liberal Democrats",
    "Conservative Richard Hale"). None in a Title Case headline, whose capitals tell nothing."""
    if title_case(text):
        return {}
    cased = _CASED_WORD.findall(_norm(text))
    if len(cased) != len(ws):
        return {}  # lower-casing changed the words: cannot tell
    flags = [bool(i) and w[:1].isupper() for i, w in enumerate(cased)]
    out: dict[int, frozenset[str]] = {}
    for run in _runs(flags):
        for i in run:
            out[i] = frozenset(ws[j] for j in run if j != i)
    return out


def _other_names(mine: frozenset[str] | None, theirs: frozenset[str] | None) -> bool:
    """Two words of names, opposite in meaning, that belong to names of different things: a
    party ("Liberal Democrats") and a candidate it is said of ("Conservative Richard Hale")
    state no opposite fact. Names that share another word ("Liberal Party", "Conservative
    Party") name two of one kind, told apart by the opposite words: those stay opposites."""
    return mine is not None and theirs is not None and not mine & theirs


def find_opposite(
    claim: str, sentences: list[str], *, counting_stated: bool = True
) -> tuple[str, str] | None:
    """The first claim word whose opposite a sentence says of the same thing (a content word
    near both), while the word itself is not there: (the word, its opposite).

    ``counting_stated=False``: an opposite the claim states too, or a word of its direction
    (one that shares an opposite with it: "raised" for "rose"), does not count, as when one
    sentence is held against a claim that fuses several ("sales fell while costs rose" against
    "sales fell" alone, or "costs rose as suppliers raised prices")."""
    said_words = words(_norm(claim))
    said_lemmas = _opposite_lemmas(said_words)
    cited = [words(_norm(s)) for s in sentences]
    cited_lemmas = [_opposite_lemmas(ws) for ws in cited]  # each word's lemma, once
    said_months = _months_at(claim, said_words)
    cited_months = [_months_at(s, ws) for s, ws in zip(sentences, cited, strict=True)]
    seen = {lemma for lemmas in cited_lemmas for lemma in lemmas}
    # an opposite's synonym the claim states too is no conflict ("welcomed by some; critics")
    ev = seen - set(said_lemmas)
    opposed = {o for lemma in said_lemmas for o in _ANTONYMS.get(lemma, ())}
    unstated = {lemma for lemma in ev if not _ANTONYMS.get(lemma, set()) & opposed}
    said_low = [w.lower() for w in said_words]
    said_named = _name_words(claim, said_words)
    claim_terms_by_sentence = [_stems_with_synonyms(ws) for ws in cited]
    cited_named = [_name_words(s, ws) for s, ws in zip(sentences, cited, strict=True)]
    for i, word in enumerate(said_words):
        if not said_lemmas[i] or said_lemmas[i] in seen or _ranks_at(said_low, i):
            continue  # a rank ("Lind came first") is bound to its name by other_ranks
        opposites = _opposites(word, seen if counting_stated else unstated, ev, said_lemmas[i])
        # an opposite only of some things must be said of one of them: "missed the estimate"
        # where the cited text "beat the estimate", not "missed a penalty" where "beat Rovers"
        of = {
            o: things
            for o, things in _ANTONYMS_OF.get(said_lemmas[i], {}).items()
            if o in (seen if counting_stated else unstated)
        }
        if not opposites and not of:
            continue
        mine = _context(said_words, i, kept=said_months)
        for ws, lemmas, named, months in zip(
            cited, cited_lemmas, cited_named, cited_months, strict=True
        ):
            for j, lemma in enumerate(lemmas):
                if _ranks_at([w.lower() for w in ws], j):
                    continue
                if _other_names(said_named.get(i), named.get(j)):
                    continue
                if _negated_at(ws, j) and not _negated_at(said_low, i):
                    continue  # "unused" where it says "not used": the same, not the opposite
                theirs = _context(ws, j, bound=True, kept=months)
                hit = mine & theirs if lemma in opposites else set()
                if hit and _not_opposed(said_low, i, ws, j, claim_terms_by_sentence):
                    continue
                if hit and not _said_same_way(ws, lemmas, said_lemmas[i], mine, len(hit)):
                    return _shown(said_words, said_lemmas, i), _shown(ws, lemmas, j)
                if lemma in of and mine & theirs & of[lemma]:
                    return _shown(said_words, said_lemmas, i), _shown(ws, lemmas, j)
    return None


def _stems_with_synonyms(ws: list[str]) -> set[str]:
    out: set[str] = set()
    for w in ws:
        if w not in STOPWORDS and w[:1].isalnum():
            out.add(stem(w))
            out.update(_SYNONYM_OF.get(stem(w), ()))
    return out


def _next_content(ws: list[str], i: int) -> str | None:
    """The stem of the first content word after ``ws[i]`` ("gave way" -> "way")."""
    return next((stem(w) for w in ws[i + 1 :] if w not in STOPWORDS and w[:1].isalnum()), None)


def _order_swapped(said: list[str], i: int, ws: list[str], j: int) -> bool:
    """The claim's "after" against the cited text's "before" (or back), with the two events
    on opposite sides: "the team returned with a better offer after its bid was rejected" is
    "its bid was rejected before it returned with a better offer". The claim's words before
    the word share more with the cited words after it, and back, than the same sides do."""
    lo_c, hi_c = max(0, i - 2 * ANTONYM_WINDOW), min(len(said), i + 2 * ANTONYM_WINDOW + 1)
    lo_e, hi_e = max(0, j - 2 * ANTONYM_WINDOW), min(len(ws), j + 2 * ANTONYM_WINDOW + 1)
    c_left, c_right = _stems_with_synonyms(said[lo_c:i]), _stems_with_synonyms(said[i + 1 : hi_c])
    e_left, e_right = _stems_with_synonyms(ws[lo_e:j]), _stems_with_synonyms(ws[j + 1 : hi_e])
    crossed = len(c_left & e_right) + len(c_right & e_left)
    return crossed > len(c_left & e_left) + len(c_right & e_right)


def _not_opposed(
    said: list[str], i: int, ws: list[str], j: int, sentence_terms: list[set[str]]
) -> bool:
    """A listed opposite that is none here: a stem shared with a word of another sense
    (``_form_of_listed``), light verbs said with different words ("gave way" against
    "taken to hospital"), events ordered the other way round (``_order_swapped``), or an
    opposite in a cited sentence that shares fewer of the claim word's neighbours than
    another cited sentence does: the claim's "all 23 recommendations" is carried by the
    sentence about the 23 recommendations, not by one that disputes "some" findings."""
    if not (_form_of_listed(said[i], _lemma(said[i])) and _form_of_listed(ws[j], _lemma(ws[j]))):
        return True
    if _lemma(said[i]) in _LIGHT_VERB_LEMMAS and _next_content(said, i) != _next_content(ws, j):
        return True
    if said[i] in _ORDER_WORDS and ws[j].lower() in _ORDER_WORDS and _order_swapped(said, i, ws, j):
        return True
    if len(sentence_terms) > 1:
        mine = _context(said, i)
        own = len(mine & _stems_with_synonyms(ws))
        return any(len(mine & terms) > own for terms in sentence_terms)
    return False


def _negated_at(ws: list[str], j: int) -> bool:
    """A negation cue stands at most NEGATION_SCOPE words before ``ws[j]`` in its clause
    ("tickets that were not used"): a denied opposite does not state the opposite, and is
    what a claim's un-/in- word says ("unused"). Both denied ("without implicit
    supervision" on "without explicit supervision"), the opposites stay opposed."""
    for k in range(j - 1, max(j - NEGATION_SCOPE, 0) - 1, -1):
        if ws[k] in _CLAUSE_END or ws[k] in _ANTONYM_BREAKS:
            return False
        if _is_cue(ws[k]):
            return True
    return False


def _said_same_way(
    ws: list[str], lemmas: list[str], said: str, mine: set[str], against: int
) -> bool:
    """The sentence also has a word of the claim word's direction (one sharing an opposite
    with it) said of more of the claim's things than the opposite is: "would raise the top
    tax rate from 45 to 48 percent ... and cut the rate for the lowest bracket" says "lift the
    top rate to 48%", whatever it cuts."""
    opposed = _ANTONYMS.get(said, set())
    return any(
        _ANTONYMS.get(lemma, set()) & opposed and len(mine & _context(ws, k, bound=True)) > against
        for k, lemma in enumerate(lemmas)
    )


def check_antonyms(claim: str, evidence: Evidence) -> Check:
    """A claim word whose opposite is in the cited text, said of the same thing, while the
    word itself is not (``find_opposite``). The phrase of a bound a figure of the cited text
    decides ("fewer than 300" on "more than 200": ``bound_verdict``) is left out: the ranges
    are compared there, "fewer" and "more" are not opposites here."""
    judged = [
        (b.span[0], b.span[0] + len(b.phrase))
        for b in bounds(claim)
        if (verdict := bound_verdict(b, evidence)) is not None and verdict[0] != "excluded"
    ]
    found = find_opposite(_without_spans(_norm(claim), judged), evidence.sentences)
    if found is None:
        side = other_vote_side(claim, evidence)
        return Check(name="antonyms", passed=side is None, detail=side or "")
    detail = f"'{found[0]}' where the cited text has its opposite '{found[1]}'"
    return Check(name="antonyms", passed=False, detail=detail)


# The side a vote takes, by the words that follow "vote" ("voted 7-4 to approve the plan"):
# no single word of them is the opposite of another ("in favour of" / "against", "to approve"
# / "against"), so ``find_opposite`` cannot see a vote told the other way round.
_VOTE_SIDES = {
    tuple(phrase.split()): side
    for side, phrases in (
        ("for", ("for", "in favour of", "in favor of", "to approve", "to back", "to support",
                 "to pass", "to adopt", "to accept", "to endorse", "yes")),
        ("against", ("against", "to reject", "to block", "to oppose", "to scrap", "to refuse",
                     "down", "no")),
    )
    for phrase in phrases
}  # fmt: skip
VOTE_GAP = 6  # tokens between "voted" and its side: "voted 7-4 on Monday night to approve"
VOTE_OBJECT = 6  # tokens after the side that name what the vote was on


@dataclass(frozen=True)
class VoteSide:
    """A vote's side ("for" or "against"), the stems of what it was on, and its words."""

    side: str
    on: frozenset[str]
    words: str


def vote_sides(text: str) -> list[VoteSide]:
    """Each vote of ``text`` whose side is said, unless negated ("did not vote against"); a
    vote to do something ("voted 7-2 to build a bridge") is for it."""
    toks = [t.lower() for t in _tokens(text)]
    out: list[VoteSide] = []
    for i, tok in enumerate(toks):
        if stem(tok) != "vote" or any(_is_cue(t) for t in toks[max(i - NEGATION_SCOPE, 0) : i]):
            continue
        for j in range(i + 1, min(i + 2 + VOTE_GAP, len(toks))):
            if toks[j] in _CLAUSE_END:
                break
            phrase = next((p for p in _VOTE_SIDES if tuple(toks[j : j + len(p)]) == p), None)
            side = _VOTE_SIDES.get(phrase or ())
            after = toks[j + 1] if j + 1 < len(toks) else ""
            if phrase is None and toks[j] == "to" and verb_base(after, "to") is not None:
                phrase, side = ("to", after), "for"  # "voted 7-2 to build a bridge"
            if phrase is None or side is None:
                continue
            rest = toks[j + len(phrase) : j + len(phrase) + VOTE_OBJECT]
            rest = rest[: next((k for k, t in enumerate(rest) if t in _CLAUSE_END), len(rest))]
            on = frozenset(stem(t) for t in rest if t not in STOPWORDS and t[:1].isalpha())
            said = " ".join(toks[i : j + len(phrase)] + rest)
            out.append(VoteSide(side, on, said))
            break
    return out


def other_vote_side(claim: str, evidence: Evidence) -> str | None:
    """Why the claim's vote takes the side opposite to the cited text's vote on the same thing
    (a content word of what it was on in common), or None: "voted against the plan" where it
    says "voted 7-4 to approve a plan". A cited vote of the claim's side on it is no conflict
    (two parties may vote either way)."""
    theirs = [v for sentence in evidence.sentences for v in vote_sides(sentence)]
    for vote in vote_sides(claim):
        same_thing = [v for v in theirs if v.on & vote.on]
        if same_thing and all(v.side != vote.side for v in same_thing):
            return f"vote reversed: '{vote.words}' where the cited text has '{same_thing[0].words}'"
    return None


# -- who did what to whom ----------------------------------------------------------------------

# Verbs whose two sides may swap without changing the fact: "Trump met Putin" is "Putin met
# Trump". Base forms.
_SYMMETRIC = frozenset(
    "meet talk speak marry wed play face draw tie trade negotiate compete clash fight battle "
    "debate merge ally partner join collaborate cooperate share split divorce date match "
    "rival resemble border neighbour neighbor equal".split()
)
# Tokens allowed between a name and its verb ("United narrowly beat the Rovers").
ROLE_GAP = 3
_ROLE_BREAK = _CLAUSE_END | {"and", "or", "that", "who", "whom", "which", "after", "before"}
# A parenthesis, a token of role reading (``_read_for_roles``), sets a phrase off as a pair of
# commas does: "Smith (backed by Jones) defeated Brown", "Ozil (right) took to Instagram".
_OPENS = {",": ",", ")": "("}
_ROLE_BREAK |= set(_OPENS.values()) | set(_OPENS)
_BE_FORMS = frozenset("is are was were be been being 's".split())
# An appositive between a name and its verb, set off by commas, opens with one of these
# ("Putin, the Russian president, invited Trump") and is at most APPOSITIVE_MAX tokens long.
_APPOSITIVE_START = frozenset("the a an".split())
# ... or a relative clause set off the same way ("Smith, who is backed by Jones, beat Brown"),
# or a possessive ("Smith, Jones's ally, beat Brown"); a parenthesis holds anything.
_RELATIVE_START = frozenset("who whom whose which".split())
APPOSITIVE_MAX = 6
# tokens joined back: "Putin, who", not "Putin , who"; "Smith (AP) beat", not "Smith ( AP )"
_PUNCT_SPACE = re.compile(r" ([,;:)])|(?<=\() ")
# Capitalised words that say when, not who: "United on Saturday beat Rovers" is United's win,
# "Today United beat Rovers" too, and "United on Sat. beat Rovers" or "United in Dec. beat
# Rovers" (a day's or a month's short name, whose period ``_read_for_roles`` drops inside a
# sentence). Full month names are no name runs already (``_name_runs``); their short names
# are those the date reader takes (``_MONTH_WORDS``: "Jan", "Sept").
_DAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
_SHORT_WHEN = _DAY_ABBREVIATIONS | (_MONTH_WORDS - _MONTH_SET)
_WHEN_WORDS = frozenset([*DAY_NAMES, "today", "tonight", "yesterday", "tomorrow"]) | _SHORT_WHEN


@dataclass(frozen=True)
class Role:
    """One name, a verb, another name: "United beat Rovers" is (united, beat, rovers); a
    passive with "by" is read as its active ("Rovers were beaten by United" is the same)."""

    doer: str
    verb: str
    done_to: str
    words: str  # as the text says it, for the reader
    # names of a modifier between the doer and the verb, which the doer's reading skipped:
    # Jones in "Smith, backed by Jones, defeated Brown" (``check_roles``' other doer)
    aside: tuple[str, ...] = ()


def roles(text: str, known_names: AbstractSet[str]) -> list[Role]:
    """Each verb of ``text`` with a name at most ROLE_GAP tokens before it and one after it,
    in one clause. Verbs whose sides may swap (``_SYMMETRIC``) are left out, and so is a
    passive with no "by" (``_agent``): "Trump was invited to Moscow" names no one who did
    it. A day of the week ("on Saturday") or "Today" is no name (``_WHEN_WORDS``). A reduced
    relative is read as its active: "Smith, backed by Jones, won" is (jones, back, smith)
    (``_reduced_relative``). A gerund after "after", "by", ... is its clause subject's deed:
    "United reached the final after beating Rovers" is (united, beat, rovers)
    (``_gerund_doer``)."""
    toks, runs = _read_for_roles(text, known_names)
    if len(runs) < 2:
        return []
    named = {i for run in runs for i in run}
    low = [t.lower() for t in toks]
    out: list[Role] = []
    for i in range(len(low)):
        base = _verb_at(toks, low, named, i)
        if base is None or base in _SYMMETRIC:
            continue
        found = _doer(low, runs, i)
        gerund = found is None and _gerund_doer(toks, low, runs, named, i)
        if gerund:
            found = (gerund, [])  # "United reached the final after beating Rovers"
        after = [r for r in runs if r.start > i and r.start - i - 1 <= ROLE_GAP]
        if found is None or not after:
            continue
        (doer, gap_before), done_to = found, after[0]
        passive = bool(_BE_FORMS & set(gap_before))
        if passive:
            agent = _agent(low, runs, i)
            if agent is None:
                continue  # "Trump was invited to Moscow": the doer is not said
            done_to = agent
        gap_after = low[i + 1 : done_to.start]
        if _ROLE_BREAK & set(gap_after):
            continue
        names = [_phrase(" ".join(toks[r.start : r.stop])) for r in (doer, done_to)]
        if passive and "by" in gap_after:
            names.reverse()  # a passive: the name after "by" did it
        said = _PUNCT_SPACE.sub(r"\1", " ".join(toks[doer.start : done_to.stop]))
        aside = tuple(
            _phrase(" ".join(toks[r.start : r.stop]))
            for r in runs
            if not gerund and _aside(low, doer, r, i)
        )
        out.append(Role(names[0], stem(base), names[1], said, aside))
    for run in runs:
        relative = _reduced_relative(low, runs, run)
        if relative is not None and relative[0] not in _SYMMETRIC:
            base, agent = relative
            said = _PUNCT_SPACE.sub(r"\1", " ".join(toks[run.start : agent.stop]))
            names = [_phrase(" ".join(toks[r.start : r.stop])) for r in (agent, run)]
            out.append(Role(names[0], stem(base), names[1], said))
    return out


def _verb_at(toks: list[str], low: list[str], named: set[int], i: int) -> str | None:
    """The base form of the verb at ``i``, or None: a verb as the word check reads one
    ("defeated", "will beat"), or a word that can be one standing between a subject and an
    object ("United beat Rovers") or a gerund after one of ``_GERUND_OPENERS`` ("after
    beating"); never a name, nor a day ("on Sat" is no "sit")."""
    word = low[i]
    if i in named or (word in _WHEN_WORDS and toks[i][:1].isupper()):
        return None
    base = verb_base(word, low[i - 1] if i else "")
    gerund = word.endswith("ing") and i > 0 and low[i - 1] in _GERUND_OPENERS
    if base is None and (gerund or _acts_as_verb(toks, i)) and "AUX" not in word_readings(word):
        base = word_readings(word).get("VERB", (None,))[0]  # "after beating" too
    return base


# Words that open a gerund whose doer is its clause's subject: "United reached the final
# after beating Rovers", "won by beating", "before facing".
_GERUND_OPENERS = frozenset("after before by while since when".split())
# Where scanning back from such a gerund for its clause's verb stops: another clause.
_GERUND_BREAK = (_CLAUSE_END - {","}) | {"and", "or", "that", "who", "whom", "which", "("}


def _gerund_doer(
    toks: list[str], low: list[str], runs: list[range], named: set[int], i: int
) -> range | None:
    """The doer of a gerund at ``i`` after one of ``_GERUND_OPENERS``: the subject of its
    clause, the doer ``_doer`` finds for the nearest verb before it ("United" in "United
    reached the final of the Cup on Saturday after beating Rovers"). None when another
    clause or a verb with no doer comes first: the gerund's doer is then not read."""
    if not low[i].endswith("ing") or not i or low[i - 1] not in _GERUND_OPENERS:
        return None
    for j in range(i - 2, -1, -1):
        if low[j] in _GERUND_BREAK:
            return None
        if _verb_at(toks, low, named, j) is not None:
            found = _doer(low, runs, j)
            return None if found is None else found[0]
    return None


def _aside(low: list[str], doer: range, name: range, i: int) -> bool:
    """``name`` stands in a modifier between ``doer`` and its verb at ``i`` as another
    entity than the doer: after a preposition ("an ally of Jones", "backed by Jones"), as a
    possessive or a modifier ("Jones's ally", "the Jones ally"), in a relative clause. Not
    the name a modifier ends on after a word that is no preposition, nor a name a possessive
    opens: those may be the doer's own ("Walmart's chief, the billionaire Doug McMillon,
    called"; "Smith (R-Texas)"; "Gaughran, Amnesty's Director of Global Issues, told")."""
    if not doer.stop <= name.start or name.stop > i:
        return False
    if any(_bare(w) != w for w in low[name.start : name.stop - 1]):
        return False
    before = low[name.start - 1]
    return low[name.stop] not in _OPENS or (before in STOPWORDS and before not in _DETERMINERS)


def _reduced_relative(low: list[str], runs: list[range], name: range) -> tuple[str, range] | None:
    """The verb (its base form) and the name that does it of a reduced relative set off by
    commas after ``name``, which opens its clause: "Smith, backed by Jones, won" is ("back",
    Jones), Jones backing Smith. None for any other structure: a name that does not open its
    clause ("Brown beat Smith, backed by Jones," may be Brown's backing), an agent that is not
    one name closed by a comma, a verb form that is not a past one."""
    if name.start and low[name.start - 1] not in _CLAUSE_END:
        return None
    i = name.stop + 1  # the participle, after the comma or the parenthesis
    opening = low[name.stop] if name.stop < len(low) else ""
    if opening not in ("(", ",") or low[i + 1 : i + 2] != ["by"]:
        return None
    agent = next((r for r in runs if r.start == i + 2), None)
    closing = low[agent.stop] if agent is not None and agent.stop < len(low) else ""
    if agent is None or _OPENS.get(closing) != opening:
        return None
    base = verb_base(low[i])
    if base is None or base == low[i] or low[i].endswith(("s", "ing")):
        return None
    return base, agent


def _without_when_words(runs: list[range], low: list[str]) -> list[range]:
    """``runs`` less their words in ``_WHEN_WORDS``, a run split where one stood: "Saturday
    United" is United, "Saturday" alone no run."""
    return [
        range(run.start + part.start, run.start + part.stop)
        for run in runs
        for part in _runs([low[j] not in _WHEN_WORDS for j in run])
    ]


def _agent(low: list[str], runs: list[range], i: int) -> range | None:
    """The name after "by" of the passive verb at ``i``, at most ROLE_GAP tokens of its
    clause after it: "Putin was invited to Moscow by Trump" is Trump's invitation."""
    for r in runs:
        if r.start > i + 1 and low[r.start - 1] == "by" and r.start - i - 2 <= ROLE_GAP:
            return None if _ROLE_BREAK & set(low[i + 1 : r.start]) else r
    return None


def _title_runs(toks: list[str], known_names: AbstractSet[str]) -> list[range]:
    """Name runs of a Title Case headline, where every word is capitalised: a capitalised word
    is a name when the sources capitalise it mid-sentence (``names_in_sources`` leaves Title
    Case out) or it cannot be a verb, so "Putin Invites Trump" is two names and a verb."""
    lows = [_bare(tok.lower()) for tok in toks]
    return _runs(
        [
            tok[:1].isupper()
            and low not in STOPWORDS
            and low not in _MONTH_SET
            and (low in known_names or "VERB" not in word_readings(low))
            for tok, low in zip(toks, lows, strict=True)
        ]
    )


def _doer(low: list[str], runs: list[range], i: int) -> tuple[range, list[str]] | None:
    """The name that does the verb at ``i``, and the words between them (the verb's own:
    an auxiliary, an adverb). The nearest name before the verb, at most ROLE_GAP tokens
    before it in its clause; or the name a relative "who", an appositive or a reduced
    relative describes: "from Putin, who publicly invited Trump", "Putin, the Russian
    president, invited Trump", "Smith, backed by Jones, beat Brown"; or one a modifier set
    off by commas (a relative clause, a possessive) or a parenthesis separates from the verb:
    "Smith, who is backed by Jones, beat Brown", "Smith (right) beat Brown". The names of such
    a modifier are the role's ``aside``."""
    before = [r for r in runs if r.stop <= i]
    if not before:
        return None
    gap = low[before[-1].stop : i]
    if not _ROLE_BREAK & set(gap) and len(gap) <= ROLE_GAP:
        return before[-1], gap
    relative = gap[2:] if gap[:2] == [",", "who"] else gap[1:] if gap[:1] == ["who"] else None
    if relative is not None and not _ROLE_BREAK & set(relative) and len(relative) <= ROLE_GAP:
        return before[-1], relative
    # an appositive: "NAME , the ... , [adverbs] VERB", or "NAME ( ... ) [adverbs] VERB"
    closing = max((j for j in range(max(i - ROLE_GAP - 1, 0), i) if low[j] in _OPENS), default=-1)
    if closing < 0 or _ROLE_BREAK & set(low[closing + 1 : i]):
        return None
    for opening in range(closing - 2, max(closing - APPOSITIVE_MAX - 2, -1), -1):
        if low[opening] != _OPENS[low[closing]]:
            continue
        inside = low[opening + 1 : closing]
        named = [r for r in before if r.stop == opening]
        reduced = _reduced_relative(low, runs, named[0]) if named else None
        if reduced is not None and reduced[1].stop == closing:
            return named[0], low[closing + 1 : i]  # "Smith, backed by Jones, beat Brown"
        if low[opening] == "(":  # a parenthesis sets off whatever it holds
            return (named[0], low[closing + 1 : i]) if named else None
        clause = inside[0] in _RELATIVE_START  # "Smith, who is backed by Jones, beat"
        possessive = _bare(inside[0]) != inside[0]  # "Smith, Jones's ally, beat"
        if not (clause or possessive or inside[0] in _APPOSITIVE_START):
            return None
        if _ROLE_BREAK & set(inside[1:] if clause else inside):
            return None
        return (named[0], low[closing + 1 : i]) if named else None
    return None


def _same_name(a: str, b: str) -> bool:
    """One name's words are all in the other's ("united" and "manchester united")."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


# Verbs of going, sending or inviting somewhere (base forms); their nouns too ("invitation",
# "deportation", "return"): the name after their "to" is where to.
_GOAL_VERBS = frozenset(
    "invite travel go fly move send return deport relocate extradite transfer summon bring "
    "come flee evacuate sail".split()
)
_GOAL_STEMS = frozenset(stem(v) for v in _GOAL_VERBS)
GOAL_GAP = 4  # tokens between such a verb and its "to": its object ("invited the president to")
GOAL_REACH = 10  # tokens of its clause after a cited verb in which the place it names stands
GOAL_BEFORE = 3  # or before it: "a Moscow invitation", "Moscow, Putin invited"


@dataclass(frozen=True)
class Goal:
    """Where a verb of going or inviting sends someone: "invited Trump to Moscow" is
    (invit, moscow)."""

    verb: str  # the stem its verb and its noun share ("invit" for "invites", "invitation")
    place: str
    words: str  # as the text says it, for the reader


def _goal_verb(low: list[str], i: int) -> str | None:
    """The stem of ``low[i]`` when it is one of ``_GOAL_VERBS`` or their nouns, else None."""
    word = low[i]
    if not word.isalpha():
        return None
    found = stem(verb_base(word, low[i - 1] if i else "") or word)
    return found if found in _GOAL_STEMS else None


def _may_have_goal(text: str) -> bool:
    """A cheap test before ``goals``: a "to" after one of its verbs."""
    low = [t.lower() for t in _tokens(text)]
    return "to" in low and any(_goal_verb(low, i) for i in range(len(low)))


def _read_for_roles(text: str, known_names: AbstractSet[str]) -> tuple[list[str], list[range]]:
    """``text``'s tokens and its name runs as the role readers take them; a parenthesis is
    a token here (``_OPENS``)."""
    pieces = re.split(r"([()])", text)
    toks = [t for p in pieces for t in ([p] if p in ("(", ")") else _tokens(p))]
    toks = _without_short_when_stops(toks)
    if title_case(text):
        runs = _title_runs(toks, known_names)
    else:
        runs = _name_runs(toks, known_names, _lowercased(text))
    return toks, _without_when_words(runs, [_bare(t.lower()) for t in toks])


def _without_short_when_stops(toks: list[str]) -> list[str]:
    """``toks`` less the period of a day's or a month's short name (``_SHORT_WHEN``) followed
    by a lower-case word ("on Sat. beat", "in Dec. beat"), or a month's followed by a number
    ("on Dec. 5 beat"): it ends the abbreviation, not the clause, and the role readers break
    clauses at a period. Capitalised only: in lower-cased text "sat." may be a verb ending a
    clause."""
    return [
        tok
        for i, tok in enumerate(toks)
        if not (
            tok == "."
            and 0 < i < len(toks) - 1
            and toks[i - 1][:1].isupper()
            and toks[i - 1].lower() in _SHORT_WHEN
            and (
                toks[i + 1][:1].islower()
                or (toks[i + 1][:1].isdigit() and toks[i - 1].lower() in _MONTH_WORDS)
            )
        )
    ]


def goals(text: str, known_names: AbstractSet[str]) -> list[Goal]:
    """Each verb of going or inviting (``_GOAL_VERBS``) with "to" and a name at most
    GOAL_GAP tokens after it, in its clause: "Putin invited Trump to Washington"."""
    toks, runs = _read_for_roles(text, known_names)
    low = [t.lower() for t in toks]
    starts = {r.start: r for r in runs}
    out: list[Goal] = []
    for i in range(len(low)):
        verb = _goal_verb(low, i)
        if verb is None:
            continue
        for j in range(i + 1, min(i + GOAL_GAP + 2, len(low) - 1)):
            if low[j] in _ROLE_BREAK:
                break
            if low[j] == "to" and j + 1 in starts:
                place = starts[j + 1]
                said = _PUNCT_SPACE.sub(r"\1", " ".join(toks[i : place.stop]))
                out.append(Goal(verb, _phrase(" ".join(toks[place.start : place.stop])), said))
                break
    return out


def _places(
    goal: Goal, sentences: list[str], known_names: AbstractSet[str]
) -> tuple[bool, list[str]]:
    """Whether a sentence names ``goal``'s place in the clause of a verb of its stem (after
    it, or just before it: "a Moscow invitation"), and the other places that such a verb
    goes "to" in them, as said ("Invites Trump to Moscow")."""
    others: list[str] = []
    for sentence in sentences:
        toks, runs = _read_for_roles(sentence, known_names)
        low = [t.lower() for t in toks]
        for i in range(len(low)):
            if _goal_verb(low, i) != goal.verb:
                continue
            end = next((j for j in range(i + 1, len(low)) if low[j] in _CLAUSE_END), len(low))
            start = max(
                (j + 1 for j in range(max(i - GOAL_BEFORE, 0), i) if low[j] in _CLAUSE_END),
                default=max(i - GOAL_BEFORE, 0),
            )
            for r in runs:
                name = _phrase(" ".join(toks[r.start : r.stop]))
                if (i < r.start <= min(end - 1, i + GOAL_REACH)) or (start <= r.start < i):
                    if _same_name(name, goal.place):
                        return True, []
                    if r.start > i and low[r.start - 1] == "to":
                        others.append(_PUNCT_SPACE.sub(r"\1", " ".join(toks[i : r.stop])))
    return False, others


def _names_known(claim: str, evidence: Evidence) -> AbstractSet[str]:
    """The sources' known names, and those the claim and its cited text capitalise
    mid-sentence."""
    known = evidence.known_names
    extra = names_in_sources([claim, *evidence.sentences]) - known
    return known | extra if extra else known


# A claim's goal, whether the cited text places it as the claim does, and the other places
# the cited text's verbs of that kind go to (``_places``).
GoalPlaces = tuple[Goal, bool, list[str]]


def goal_places(claim: str, evidence: Evidence) -> list[GoalPlaces]:
    """Each goal of the claim (``goals``) with what the cited text says of its place
    (``_places``); kept on ``evidence``: the roles and the relations checks both ask."""
    if claim not in evidence.placed:
        known = _names_known(claim, evidence)
        found = goals(claim, known) if _may_have_goal(claim) else []
        evidence.placed[claim] = [(g, *_places(g, evidence.sentences, known)) for g in found]
    return evidence.placed[claim]


# Ordinals that rank a name ("Berg came second"), longest phrase first, and the nouns a rank
# may stand before ("second place"): before any other noun an ordinal is that noun's ("the
# second quarter", "her first goal") and ranks no one (bindings.json).
_RANKS = sorted(lexicon.ranks().items(), key=lambda item: -len(item[0]))
_RANK_WORDS = frozenset(phrase[0] for phrase in lexicon.ranks())
_RANK_NOUNS = lexicon.rank_nouns()


@dataclass(frozen=True)
class Rank:
    """A name and the place an ordinal gives it: "Holm came third" is (holm, "3")."""

    name: str
    place: str  # its key in bindings.json: "2" for "second", "2nd" and "runner-up"
    words: str  # as the text says it, for the reader


def _rank_at(low: list[str], i: int) -> tuple[str, int] | None:
    """The place of the rank phrase at ``low[i]`` and its length in tokens, when it ranks
    (no noun but a rank noun after it), else None."""
    for phrase, place in _RANKS:
        end = i + len(phrase)
        if tuple(low[i:end]) != phrase:
            continue
        after = low[end] if end < len(low) else "."
        owned = after[:1].isalpha() and after not in STOPWORDS and after not in _RANK_NOUNS
        return None if owned or _listed(low, i, end) else (place, len(phrase))
    return None


_LIST_JOINS = frozenset({"and", "or", ",", "&"})


def _ranks_at(low: list[str], i: int) -> bool:
    """``low[i]`` begins an ordinal that ranks someone ("came first"), not one a noun owns
    ("the first verification"): ordinals of ranks are not opposites of each other."""
    return low[i] in _RANK_WORDS and _rank_at(low, i) is not None


def _listed(low: list[str], start: int, end: int) -> bool:
    """The rank at ``low[start:end]`` is one of a list of ranks ("came second and third"):
    which name holds which is the list's order, not the nearest name."""
    after, before = low[end : end + 2], low[max(start - 2, 0) : start]
    return (len(after) == 2 and after[0] in _LIST_JOINS and after[1] in _RANK_WORDS) or (
        len(before) == 2 and before[1] in _LIST_JOINS and before[0] in _RANK_WORDS
    )


def ranks(text: str, known_names: AbstractSet[str]) -> list[Rank]:
    """Each ordinal of ``text`` that ranks a name (``_rank_at``) with the name that holds it:
    the doer the role reader finds for a verb at its place (``_doer``: the nearest name
    before it in its clause, or the one a relative clause or an appositive describes).
    "Berg came second with 27.5% and Holm third" is (berg, "2") and (holm, "3")."""
    if _RANK_WORDS.isdisjoint(w.lower() for w in _tokens(text)):
        return []
    toks, runs = _read_for_roles(text, known_names)
    low = [t.lower() for t in toks]
    out: list[Rank] = []
    for i in range(len(low)):
        found = _rank_at(low, i) if low[i] in _RANK_WORDS else None
        holder = _doer(low, runs, i) if found is not None else None
        if found is None or holder is None:
            continue
        run, length = holder[0], found[1]
        said = _PUNCT_SPACE.sub(r"\1", " ".join(toks[run.start : i + length]))
        out.append(Rank(_phrase(" ".join(toks[run.start : run.stop])), found[0], said))
    return out


def other_ranks(claim: str, evidence: Evidence, known: AbstractSet[str]) -> str | None:
    """A rank of the claim that the cited text binds otherwise, and not as the claim does:
    it ranks the claim's name at another place, or gives the claim's place to another name
    ("Holm came second" on "Berg came second with 27.5% and Holm third"). Every word and
    number is there, so no other check sees it. The reason names both bindings."""
    mine = ranks(claim, known)
    theirs = [r for sentence in evidence.sentences for r in ranks(sentence, known)] if mine else []
    for rank in mine:
        holds = [(r, _same_name(r.name, rank.name)) for r in theirs]
        if any(same and r.place == rank.place for r, same in holds):
            continue
        other = [r.words for r, same in holds if same or r.place == rank.place]
        if other:
            said = " and ".join(f"'{w}'" for w in dict.fromkeys(other))
            return f"another rank: '{rank.words}' where the cited text has {said}"
    return None


_WIN_STEMS = frozenset(stem(v) for v in lexicon.cue_words("win_verbs"))
_LOSE_STEMS = frozenset(stem(v) for v in lexicon.cue_words("lose_verbs"))
_LOST_TO = re.compile(r"\blos[a-z]*\s+to\b", re.IGNORECASE)
# Nouns of an outcome, each with the words that name the other side after it: the name before
# "victory over" won, the name before "defeat to" lost (``_noun_results``).
_WIN_NOUNS = frozenset({"victory", "win", "triumph"})
_RESULT_NOUNS = {
    **{noun: ("over", "against") for noun in _WIN_NOUNS},
    **{noun: ("to", "against", "by") for noun in ("defeat", "loss")},
}


@dataclass(frozen=True)
class Result:
    """Who won a contest and who lost it, as one sentence tells it."""

    winner: str
    loser: str
    words: str


def _number(tok: str) -> int | None:
    return int(tok) if tok.isdigit() and len(tok) <= 3 else None


def results(text: str, known_names: AbstractSet[str]) -> list[Result]:
    """The contests ``text`` tells the outcome of: "X beat Y", "Y was defeated by X", "X won
    against Y" (a verb of winning, ``win_verbs``), "Y lost to X", and a score line, where the
    side with more points won: "X 24-18 Y", "X 24, Y 18", "X 24 Y 18". A draw tells none."""
    out: list[Result] = []
    for role in roles(text, known_names):
        if role.verb in _WIN_STEMS:
            out.append(Result(role.doer, role.done_to, role.words))
        elif role.verb in _LOSE_STEMS and _LOST_TO.search(role.words):
            out.append(Result(role.done_to, role.doer, role.words))
    toks, runs = _read_for_roles(text, known_names)
    out.extend(_noun_results(toks, runs))
    for a, b in zip(runs, runs[1:], strict=False):
        between = toks[a.stop : b.start]
        after = _number(toks[b.stop]) if b.stop < len(toks) else None
        if len(between) == 2 and None not in (scores := [_number(t) for t in between]):
            first, second = scores[0], scores[1]  # "X 24-18 Y"
        elif len(between) in (1, 2) and between[1:] in ([], [","]) and after is not None:
            first, second = _number(between[0]), after  # "X 24, Y 18", "X 24 Y 18"
        else:
            continue
        if first is None or second is None or first == second:
            continue
        sides = [_phrase(" ".join(toks[r.start : r.stop])) for r in (a, b)]
        shown = [" ".join(toks[r.start : r.stop]) for r in (a, b)]
        said = f"{shown[0]} {first}-{second} {shown[1]}"
        winner, loser = sides if first > second else sides[::-1]
        out.append(Result(winner, loser, said))
    return out


def _noun_results(toks: list[str], runs: list[range]) -> list[Result]:
    """Outcomes told by a noun (``_RESULT_NOUNS``) between two names: "gave Rovers a 3-2
    victory over United" and "United's defeat to Rovers" both say Rovers won. No verb of
    winning is there, so ``roles`` reads none, and a claim saying "United beat Rovers" would
    pass on the same names and score."""
    low = [t.lower() for t in toks]
    out: list[Result] = []
    for k in range(1, len(low) - 1):
        if low[k + 1] not in _RESULT_NOUNS.get(low[k], ()):
            continue
        before = [r for r in runs if r.stop <= k and k - r.stop <= ROLE_GAP]
        after = [
            r for r in runs if r.start in (k + 2, k + 3) and low[k + 2 : r.start] in ([], ["the"])
        ]
        if not before or not after or _ROLE_BREAK & set(low[before[-1].stop : k]):
            continue
        first, second = (_phrase(" ".join(toks[r.start : r.stop])) for r in (before[-1], after[0]))
        said = " ".join(toks[before[-1].start : after[0].stop])
        won = low[k] in _WIN_NOUNS
        out.append(Result(first, second, said) if won else Result(second, first, said))
    return out


def reversed_result(claim: str, evidence: Evidence, known: AbstractSet[str]) -> str | None:
    """Why the claim's outcome of a contest is the cited text's the other way round ("Sharks
    beat Rhinos" where it says "Rhinos beat Sharks", "Sharks lost to Rhinos" or has the score
    line "Rhinos 24-18 Sharks"), or None: a winner and a loser are roles no other check reads
    when they are told by a score or by "lost to"."""
    mine = results(claim, known)
    if not mine:
        return None
    theirs = [r for sentence in evidence.sentences for r in results(sentence, known)]
    for result in mine:
        if _same_name(result.winner, result.loser):
            continue
        if any(
            _same_name(r.winner, result.winner) and _same_name(r.loser, result.loser)
            for r in theirs
        ):
            continue
        for r in theirs:
            if _same_name(r.winner, result.loser) and _same_name(r.loser, result.winner):
                return f"result reversed: '{result.words}' where the cited text has '{r.words}'"
    return None


def tally_sides(text: str, known_names: AbstractSet[str]) -> list[tuple[str, float, str]]:
    """Each name a tally (``tallies_to``) gives a figure, with that figure and the words:
    "Smith won 15,210 votes to Jones's 11,004" gives Smith 15,210 (the name doing the verb
    before the first figure: Smith in "Smith beat Jones by 15,210 votes to 11,004") and
    Jones 11,004 (the name before the second)."""
    toks, runs = _read_for_roles(text, known_names)
    low = [t.lower() for t in toks]
    out: list[tuple[str, float, str]] = []
    for tally in tallies_to(toks):
        said = " ".join(toks[max(tally.at - ROLE_GAP - 2, 0) : tally.side + TALLY_GAP])
        named = {i for run in runs for i in run}
        verb = next(
            (
                j
                for j in range(tally.at - 1, max(tally.at - ROLE_GAP - 2, -1), -1)
                if _verb_at(toks, low, named, j) is not None
            ),
            None,
        )
        doer = None
        if verb is not None and not _ROLE_BREAK & set(low[verb + 1 : tally.at]):
            doer = _doer(low, runs, verb)
        if doer is not None:
            name = _phrase(" ".join(toks[doer[0].start : doer[0].stop]))
            out.append((name, tally.first, said))
        other = next((r for r in runs if tally.side <= r.start and r.stop < tally.side + 3), None)
        if other is not None:
            out.append((_phrase(" ".join(toks[other.start : other.stop])), tally.second, said))
    return out


def other_side(claim: str, evidence: Evidence, known: AbstractSet[str]) -> str | None:
    """Why the claim gives a name the figure the cited text gives another side of a tally
    ("Jones won 15,210 votes" where it says "Smith won 15,210 votes to Jones's 11,004"),
    or None. Only a name the cited text gives another figure is read: a side it does not
    name may be a fuller or another form of the one it does."""
    theirs = [side for sentence in evidence.sentences for side in tally_sides(sentence, known)]
    for name, value, said in tally_sides(claim, known):
        holders = [t for t in theirs if t[1] == value]
        if not holders or any(_same_name(t[0], name) for t in holders):
            continue
        if any(_same_name(t[0], name) and t[1] != value for t in theirs):
            return f"another side's figure: '{said}' where the cited text has '{holders[0][2]}'"
    return None


# A sentence's doer as a noun phrase (``agent_clause``): at most this many words before the
# verb, and this many words of its object after it.
AGENT_WORDS = 4
OBJECT_WORDS = 4
_AUXILIARIES = frozenset(
    "will would shall should can could may might must has have had did does do is are was were "
    "be been being also".split()
)
_SUBJECT_STOPS = _CLAUSE_END | frozenset(
    "after before when if as because since that who which".split()
)
_NOT_AGENTS = frozenset(
    "he she it they we who which i you one some many most all both others someone".split()
)


@dataclass(frozen=True)
class Agent:
    """The doer of a sentence's main verb as a noun phrase, the verb and its object's words:
    "Coastguards rescued nine people" is (coastguards, rescu, {nine, peopl})."""

    doer: tuple[str, ...]  # lower-case words, no determiner
    named: bool  # the doer is a name ("Marlow Freight"), not a common noun ("the union")
    verb: str  # stem
    done_to: frozenset[str]  # stems of the object's content words
    words: str


def agent_clause(text: str, known_names: AbstractSet[str] = frozenset()) -> Agent | None:
    """The doer, verb and object of ``text`` when it opens with a short subject and its verb
    (active, or passive with "by" and the doer after it): "Police rescued nine people",
    "The union improved its pay offer", "Nine people were rescued by coastguards". None for
    another structure, a pronoun subject, or a reporting verb (a speaker is no doer here)."""
    toks = [t for t in _tokens(text) if t not in ("(", ")")]
    low = [t.lower() for t in toks]
    for v in range(1, min(len(low), AGENT_WORDS + 3)):
        if low[v] in _SUBJECT_STOPS or low[v - 1] in _SUBJECT_STOPS:
            return None
        if low[v] in _AUXILIARIES or (v > 1 and toks[v][:1].isupper()):
            continue
        base = verb_base(low[v], low[v - 1])
        if base is None or base in ("be", "have", "do") or is_reporting_word(base):
            continue
        before = [w for w in low[:v] if w not in _AUXILIARIES and w not in _DETERMINERS]
        passive = any(w in _BE_FORMS for w in low[:v]) and low[v] != base
        passive = passive and not low[v].endswith("ing")  # "were brought", not "were bringing"
        rest = low[v + 1 :]
        end = next((j for j, w in enumerate(rest) if w in _CLAUSE_END), len(rest))
        rest = rest[:end]
        if passive:
            if "by" not in rest:
                return None
            at = v + 1 + rest.index("by") + 1
            doer_toks = [t for t in toks[at : v + 1 + end] if t.lower() not in _DETERMINERS]
            stop = next((j for j, t in enumerate(doer_toks) if t.lower() in STOPWORDS), None)
            doer_toks = doer_toks[:stop][:AGENT_WORDS]
            obj = before
        else:
            doer_toks = [t for t in toks[:v] if t.lower() not in _AUXILIARIES | _DETERMINERS]
            obj = rest[:OBJECT_WORDS]
        doer = tuple(t.lower() for t in doer_toks)
        if not doer or len(doer) > AGENT_WORDS or doer[0] in _NOT_AGENTS:
            return None
        # a name: capitalised where a common noun is not (the sources capitalise it mid-sentence)
        named = any(
            t[:1].isupper() and (t is not toks[0] or _bare(t.lower()) in known_names)
            for t in doer_toks
        )
        done_to = frozenset(stem(w) for w in obj if w not in STOPWORDS and w.isalpha())
        if not done_to:
            return None
        return Agent(
            doer, named, stem(base), done_to, " ".join(toks[: v + 1 + min(end, OBJECT_WORDS)])
        )
    return None


def is_reporting_word(base: str) -> bool:
    """A verb of saying: its subject is a speaker, which ``check_attribution`` reads."""
    return base in REPORTING_BASES


# the bases of verbs of saying: the one set ``verify.is_reporting`` reads too
REPORTING_BASES = lexicon.cue_words("reporting") | frozenset({"say", "tell"})


_GENERAL_AGENTS = lexicon.cue_words("general_agents")


def _same_doer(mine: Agent, theirs: Agent) -> bool:
    """The two doers may be one: a word in common, synonyms or WordNet relatives of one
    another, or one a name and the other a common noun (a description of it) unless the
    sources set the two apart (``_set_apart``)."""
    if set(mine.doer) & set(theirs.doer):
        return True
    a, b = mine.doer[-1], theirs.doer[-1]
    if a in _GENERAL_AGENTS or b in _GENERAL_AGENTS:
        return True  # "the authorities" may be the police: too general to be another doer
    if {stem(a)} & ({stem(b)} | _synonyms(stem(b))):
        return True
    related = lexicon.relatives("nouns")
    for x, y in ((a, b), (b, a)):
        base = noun_base(x) or x
        other = noun_base(y) or y
        if other in related.get(base, "").replace("|", " ").split():
            return True
    return False


def _set_apart(name: tuple[str, ...], noun: tuple[str, ...], corpus: str) -> bool:
    """The sources join ``name`` and the common noun ``noun`` as two parties ("talks between
    the union and Marlow Freight", "Marlow Freight and the union"): they are not one."""
    n, c = " ".join(_bare(w) for w in name), " ".join(_bare(w) for w in noun)
    joined = r"(?:and|or|with|against|versus|v|vs)"
    pattern = rf" {re.escape(n)} {joined} (?:the |a |an |its |their )?{re.escape(c)} "
    reverse = rf" {re.escape(c)} {joined} {re.escape(n)} "
    return bool(re.search(pattern, corpus) or re.search(reverse, corpus))


def other_agent(claim: str, evidence: Evidence) -> str | None:
    """Why the cited text gives the claim's deed to another doer: the same verb on the same
    object by a doer that is not the claim's ("Police rescued nine people" on "Coastguards
    rescued nine people"; "the union improved its pay offer" where the sources say Marlow
    Freight did, and speak of the union and Marlow Freight as two parties). Names on both
    sides are ``roles``' to read. None when no cited sentence does."""
    mine = agent_clause(claim, evidence.known_names)
    if mine is None:
        return None
    found: list[Agent] = []
    for sentence in evidence.sentences:
        theirs = agent_clause(sentence, evidence.known_names)
        if theirs is None or theirs.verb != mine.verb:
            continue
        if len(mine.done_to & theirs.done_to) < min(2, len(mine.done_to)):
            continue
        if _same_doer(mine, theirs):
            return None
        found.append(theirs)
    for theirs in found:
        if mine.named and theirs.named:
            continue
        if mine.named != theirs.named:
            name, noun = (mine, theirs) if mine.named else (theirs, mine)
            if not _set_apart(name.doer, noun.doer, evidence.corpus):
                continue
        return f"another doer: '{mine.words}' where the cited text has '{theirs.words}'"
    return None


OWNED_REACH = 3  # tokens from a possessive to the noun it owns: "the employer's 4% pay offer"


@dataclass(frozen=True)
class Owned:
    """A thing and whose it is: "the union's claim", "the door of Mr Pike"."""

    owner: str  # the owner's last word, bare and lower-case: "pike", "employer"
    named: bool  # the owner is a name, not a common noun
    thing: str  # the stem of the owned noun's singular
    words: str


def _head_noun(toks: list[str], start: int) -> int | None:
    """The index of the noun a phrase at ``start`` ends on, skipping figures and the words
    before it ("4 % pay offer" -> "offer"), within OWNED_REACH tokens; None if none."""
    for j in range(start, min(start + OWNED_REACH + 1, len(toks))):
        word = toks[j].lower()
        if not word.isalpha():
            if _plain_number(word) is None and word != "%":
                return None
            continue
        readings = word_readings(word)
        if "NOUN" not in readings or word in STOPWORDS:
            if word in STOPWORDS:
                return None
            continue
        after = toks[j + 1].lower() if j + 1 < len(toks) else ""
        if not (after.isalpha() and "NOUN" in word_readings(after) and after not in STOPWORDS):
            return j
    return None


def owned(text: str, known_names: AbstractSet[str]) -> list[Owned]:
    """The things ``text`` says are someone's: a possessive ("Mr Hargreaves's door", "the
    employer's offer of a 4% rise") or a name right after "of" ("the door of Mr Pike"). Not
    "from": "faces from the series", "a strike from Pelle" name a source, not an owner."""
    toks, runs = _read_for_roles(text, known_names)
    named = {i for run in runs for i in run}
    low = [t.lower() for t in toks]
    out: list[Owned] = []
    for i, tok in enumerate(low):
        if _bare(tok) != tok and tok[:1].isalpha():
            head = _head_noun(toks, i + 1)
            if head is not None and _bare(tok) not in _PRONOUNS:
                said = " ".join(toks[max(i - 1, 0) : head + 1])
                out.append(Owned(_bare(tok), i in named, _noun_stem(low[head]), said))
        elif tok == "of" and i:
            at = i + 1
            while at < len(low) and _bare(low[at]) in _TITLES and at not in named:
                at += 1  # "the door of Mr Pike"
            run = next((r for r in runs if r.start == at), None)
            if run is not None and _title_alone(run, low):  # "of Dr. Samuel Orrin"
                run = next((r for r in runs if r.start == run.stop + 1), None)
            noun = i - 1
            if run is None or low[noun] in STOPWORDS or "NOUN" not in word_readings(low[noun]):
                continue
            said = " ".join(toks[noun : run.stop])
            out.append(Owned(_bare(low[run.stop - 1]), True, _noun_stem(low[noun]), said))
    return out


def _title_alone(run: range, low: list[str]) -> bool:
    """A name run that is only a title ended by its full stop ("Dr" of "Dr. Samuel Orrin")."""
    return (
        run.stop < len(low) and low[run.stop] == "." and all(_bare(low[k]) in _TITLES for k in run)
    )


def _as_agent(owner: Owned) -> Agent:
    return Agent((owner.owner,), owner.named, "", frozenset(), owner.words)


def other_owner(claim: str, evidence: Evidence, known: AbstractSet[str]) -> str | None:
    """Why the claim gives a thing to another owner than the cited text does: "the union's
    4% offer" where it says "the employer's offer of a 4% rise", "Mr Hargreaves went to Mr
    Pike's door" where Mr Pike went to Mr Hargreaves's. Only an owner the cited text names
    as another party is read, as ``other_agent`` reads a doer: "the company's offer" may be
    the employer's."""
    theirs = [o for sentence in evidence.sentences for o in owned(sentence, known)]
    text = _spaced(evidence.text)
    for mine in owned(claim, known):
        same = [o for o in theirs if o.thing == mine.thing]
        if not same or f" {mine.owner} " not in text:
            continue
        if any(
            _same_name(o.owner, mine.owner) or _same_doer(_as_agent(mine), _as_agent(o))
            for o in same
        ):
            continue
        for o in same:
            if mine.named != o.named:
                name, noun = (mine, o) if mine.named else (o, mine)
                if not _set_apart((name.owner,), (noun.owner,), evidence.corpus):
                    continue
            return f"another owner: '{mine.words}' where the cited text has '{o.words}'"
    return None


def check_roles(claim: str, evidence: Evidence) -> Check:
    """The claim's doer and done-to of a verb are swapped in the cited text, which does not
    say it the claim's way round anywhere: "United beat Rovers" on "Rovers beat United". Every
    word and name is there, so no other check sees it. So is a doer the cited text names only
    in a modifier of the one who does it (``Role.aside``): "Jones defeated Brown" on "Smith,
    backed by Jones, defeated Brown" gives Smith's deed to Jones. So is a place a verb of going or
    inviting sends someone to (``goals``) that the cited text gives as another: "invited Trump
    to Washington" on "Invites Trump to Moscow". So is a rank bound to another name
    (``other_ranks``): "Holm came second" on "Berg came second and Holm third". So is a
    contest's outcome told the other way round (``reversed_result``): "Sharks lost to Rhinos"
    or the score line "Rhinos 24-18 Sharks" against "Sharks beat Rhinos", and so is a
    tally's figure given to the other side (``other_side``): "Jones won 15,210 votes to
    11,004" on "Smith won 15,210 votes to Jones's 11,004"."""
    for goal, placed, others in goal_places(claim, evidence):
        if not placed and others:
            detail = f"another place: '{goal.words}' where the cited text has '{others[0]}'"
            return Check(name="roles", passed=False, detail=detail)
    known = _names_known(claim, evidence)
    ranked = other_ranks(claim, evidence, known)
    if ranked is not None:
        return Check(name="roles", passed=False, detail=ranked)
    reversed_outcome = (
        reversed_result(claim, evidence, known)
        or other_side(claim, evidence, known)
        or other_owner(claim, evidence, known)
        or other_agent(claim, evidence)
    )
    mine = roles(claim, known)
    if not mine:
        return Check(name="roles", passed=reversed_outcome is None, detail=reversed_outcome or "")
    theirs = [r for sentence in evidence.sentences for r in roles(sentence, known)]
    for role in mine:
        if _same_name(role.doer, role.done_to):
            continue
        same = [r for r in theirs if r.verb == role.verb]
        if any(_same_name(r.doer, role.doer) and _same_name(r.done_to, role.done_to) for r in same):
            continue
        for r in same:
            if _same_name(r.doer, role.done_to) and _same_name(r.done_to, role.doer):
                detail = f"roles reversed: '{role.words}' where the cited text has '{r.words}'"
                return Check(name="roles", passed=False, detail=detail)
        for r in same:
            if _same_name(r.done_to, role.done_to) and any(
                _same_name(a, role.doer) for a in r.aside
            ):
                detail = f"another doer: '{role.words}' where the cited text has '{r.words}'"
                return Check(name="roles", passed=False, detail=detail)
    return Check(name="roles", passed=reversed_outcome is None, detail=reversed_outcome or "")


# -- content coverage --------------------------------------------------------------------------


# Words paraphrases swap freely; a claim term is covered when any word of its group is.
_SYNONYM_OF: dict[str, set[str]] = {}
for _group in lexicon.synonym_groups():
    _stems = {stem(w) for w in _group}
    for _s in _stems:
        _SYNONYM_OF.setdefault(_s, set()).update(_stems)


def _synonyms(lemma: str) -> set[str]:
    return _SYNONYM_OF.get(lemma, set())


_SYNONYM_LEMMAS = {_lemma(k): {_lemma(v) for v in vs} for k, vs in _SYNONYM_OF.items()}
# Verbs too light to carry a fact of their own ("came as a surprise", "make sure").
# Reporting verbs ("noted", "stressed") and words for the source itself ("the document",
# "the speakers") frame a summary's claim; the source need not contain them.
_LIGHT = {stem(w) for kind in ("light", "reporting", "framing") for w in lexicon.cue_words(kind)}


def claim_terms(claim: str) -> list[str]:
    """The claim's content terms, once each, less light, reporting and framing words
    ("made", "said", "the report"): the terms that state its fact, which coverage counts."""
    return [t for t in dict.fromkeys(content_terms(_norm(claim))) if t not in _LIGHT]


def coverage(claim: str, evidence: Evidence) -> tuple[float, list[str]]:
    """Share of the claim's content terms found in the evidence (a term counts as found
    when a synonym from a small list is), and the ones missing.

    A name the cited text refers to by a leading pronoun counts as found in the sentences
    before it; no other word does: "He has pleaded guilty to manslaughter" after "Hargreaves
    denies murder" does not carry the "murder" of "Hargreaves pleaded guilty to murder"."""
    terms = claim_terms(claim)
    if not terms:
        return 1.0, []
    named = {stem(w) for _, phrase in _names(claim, evidence.known_names) for w in phrase.split()}
    missing = [
        t
        for t in terms
        if t not in evidence.terms
        and not any(syn in evidence.terms for syn in _SYNONYM_OF.get(t, ()))
        and not (t in named and _pronoun_referent(t, evidence))
    ]
    return 1 - len(missing) / len(terms), missing


def check_coverage(claim: str, evidence: Evidence) -> Check:
    score, missing = coverage(claim, evidence)
    detail = f"coverage {score:.2f} (min {COVERAGE_MIN})"
    if missing:
        said = term_words(_norm(claim))  # the claim's words, not stems ("pari", "polic")
        detail += "; not in the cited text: " + ", ".join(said.get(t, t) for t in missing[:8])
    return Check(name="coverage", passed=score >= COVERAGE_MIN, detail=detail)


# -- relations ---------------------------------------------------------------------------------


def check_relations(claim: str, evidence: Evidence) -> Check:
    """Words the claim puts together must stand together in the evidence: catches claims that
    reuse the source's words but join them differently ("the family is creating" -> "the
    family is")."""
    # each sentence's terms, spaced apart so that no window spans two sentences
    ev_terms: list[str] = []
    for terms in evidence.term_lists:
        ev_terms += terms + [""] * (RELATION_WINDOW + 1)

    def positions(term: str) -> list[int]:
        forms = _SYNONYM_OF.get(term, set()) | {term}
        return [i for i, e in enumerate(ev_terms) if e in forms]

    pairs = bigrams(content_terms(_norm(claim)))
    said = term_words(_norm(claim))  # the claim's words for the reason, not stems ("agre")
    found = near = 0
    apart: list[str] = []
    for a, b in pairs:
        pa, pb = positions(a), positions(b)
        if not (pa and pb):
            continue  # a missing term is the coverage check's business
        found += 1
        if any(abs(i - j) <= RELATION_WINDOW for i in pa for j in pb):
            near += 1
        else:
            apart.append(f"{said.get(a, a)}/{said.get(b, b)}")
    score = near / found if found else 1.0
    detail = f"related pairs {score:.2f} (min {RELATION_MIN})"
    if apart:
        detail += "; apart in the cited text: " + ", ".join(apart[:5])
    unplaced = _unplaced(claim, evidence)
    if unplaced:
        detail += f"; where to: the cited text does not say '{unplaced}'"
    undated = _undated(claim, evidence)
    if undated:
        detail += f"; when: no cited sentence about it says '{undated}'"
    passed = score >= RELATION_MIN and not unplaced and not undated
    return Check(name="relations", passed=passed, detail=detail)


# Content terms (one: "voted on Tuesday to lower the rate" is the rate cut's day), besides the
# day, that a cited sentence naming the claim's day of the week
# must share with the claim for the day to be the claim's event's.
DAY_BINDING_MIN = 1
_DAY_SET = frozenset(DAY_NAMES)


def _undated(claim: str, evidence: Evidence) -> str | None:
    """A day of the week the claim gives its event that the cited text names only in a
    sentence about something else: "The Bank cut rates on Monday" on "The Bank cut rates"
    joined to "A fire destroyed the market on Monday". A day is said of an event in the
    sentence that tells it; two sentences joined do not move it from one event to another.
    A day no cited sentence names is as unplaced: the lenient reading of a draft's joined
    evidence must not take "on Monday" from nowhere. None when every day of the claim is in
    a sentence that carries the claim."""
    days = [w for w in dict.fromkeys(words(claim)) if w in _DAY_SET]
    if not days:
        return None
    terms = set(claim_terms(claim)) - {stem(d) for d in days}
    for day in days:
        naming = [set(content_terms(_norm(s))) for s in evidence.sentences if day in words(s)]
        if all(len(terms & t) < min(DAY_BINDING_MIN, len(terms)) for t in naming):
            return day.capitalize()
    return None


def _unplaced(claim: str, evidence: Evidence) -> str | None:
    """A place the claim sends someone to (``goals``) that the cited text names, and whose
    verb it has, but not as that verb's place: "invited Trump to Washington" on "Putin's
    invitation ... underscored his desire for dialogue with Washington"."""
    for goal, placed, _ in goal_places(claim, evidence):
        if placed or not _named_in(goal.place, _spaced(evidence.text)):
            continue
        has_verb = any(
            _goal_verb(low, i) == goal.verb
            for low in ([t.lower() for t in _tokens(s)] for s in evidence.sentences)
            for i in range(len(low))
        )
        if has_verb:
            return goal.words
    return None


# -- who said it -------------------------------------------------------------------------------

# A quote or a view moved from one speaker to another keeps every content word of what was
# said: "Mayor Ana Ruiz said the money should go to schools" on "Critics said the money should
# go to schools" (and, joined to it, "Mayor Ana Ruiz said work would begin in May"). The
# speaker is read from a closed set of attribution frames: "X said ...", "..., X said",
# "..., said X", "according to X". Pronouns ("he said") name no one and are left alone.
# Verbs that frame what a speaker said; "accused" too: in "Critics accused her of creating a
# stage set" the critics say it, not whoever a claim puts it in the mouth of.
_SAY = r"(?:said|says|told|added|stated|warned|argued|claimed|insisted|accused|accuses)"
_WHO = r"(?P<who>[^,;:\"]{1,60}?)"  # a speaker has no quotation mark in it
_ATTRIBUTION = (
    re.compile(r"^(?P<what>.+),\s*" + _WHO + r"\s+" + _SAY + r"\W*$"),
    re.compile(r"^(?P<what>.+),\s*" + _SAY + r"\s+" + _WHO + r"\W*$"),
    re.compile(r"^according to " + _WHO + r",\s*(?P<what>.+)$"),
    re.compile(r"^(?P<what>.+),\s*according to " + _WHO + r"\W*$"),
    re.compile(r"^" + _WHO + r"\s+" + _SAY + r"\s+(?:that\s+)?(?P<what>.+)$"),
    # a speaker and an appositive: "The operator, Halden Port Holdings, said that ..."
    re.compile(
        r"^" + _WHO + r",\s*(?P<also>[^,;:\"]{1,60}?),\s+" + _SAY + r"\s+(?:that\s+)?(?P<what>.+)$"
    ),
)
_NO_ONE = frozenset("he she they it we i you who this that there".split())
ATTRIBUTION_WORDS = 6  # longer, the words before "said" are a clause, not a speaker
_GENERAL_SPEAKERS = {stem(w) for w in lexicon.cue_words("general_agents")}


@dataclass(frozen=True)
class Said:
    """Who a sentence says said something, and what: the speaker's stems, the stem of the
    word that names them (the last of the phrase: "ministri" in "the finance ministry"),
    and what they said."""

    speaker: set[str]
    head: str
    what: str


def attribution(text: str) -> Said | None:
    """The speaker of ``text`` and what they said; None when no frame above names someone.
    A speaker with an appositive ("Its spokesperson, Ingrid Holm, said") is both phrases."""
    plain = _norm(text).strip()
    plain = plain[:1].lower() + plain[1:]
    for frame in _ATTRIBUTION:
        found = frame.match(plain)
        if found is None:
            continue
        parts = [words(found.group("who"))]
        if "also" in frame.groupindex:
            parts.append(words(found.group("also")))
        if any(not who or len(who) > ATTRIBUTION_WORDS or who[0] in _NO_ONE for who in parts):
            return None
        named = [w for w in parts[0] if w not in STOPWORDS]
        speaker = {stem(w) for who in parts for w in who if w not in STOPWORDS}
        return Said(speaker, stem(named[-1]), found.group("what")) if named else None
    return None


# A quotation given to "he" or "she" after it ("'... impossible to refuse,' he told Benfica
# TV"): its speaker is the one the sentences before it name (``referent``), so a claim that
# gives the quotation to someone else is held against that name.
_PRONOUN_SAID = re.compile(
    r'^(?P<what>.+?)[,.!?]?"?\s*(?:,\s*)?(?:he|she)\s+(?:said|says|told|added|stated|'
    r'warned|argued|insisted)\b[^"]{0,60}$',
    re.IGNORECASE,
)


def _pronoun_attribution(sentence: str, evidence: Evidence) -> Said | None:
    """The speaker of a sentence that gives what was said to "he" or "she" (``_PRONOUN_SAID``),
    as the nearest sentence before it that names someone names them (its own speaker first:
    "Benfica president Rui Santos said ..."); None when no such sentence is known."""
    if " he " not in sentence.lower() and " she " not in sentence.lower():
        return None
    found = _PRONOUN_SAID.match(_norm(sentence).strip())
    if found is None:
        return None
    for before in evidence.preceding.get(sentence, []):
        if (spoke := attribution(before)) is not None:  # the speaker before goes on
            return Said(spoke.speaker, spoke.head, found.group("what"))
        names = _names(before, evidence.known_names)
        if names:
            who = [w for w in words(names[0][1]) if w not in STOPWORDS]
            if who:
                return Said({stem(w) for w in who}, stem(who[-1]), found.group("what"))
    return None


def _same_speaker(mine: Said, theirs: Said) -> bool:
    """The cited speaker may be the claim's: the word that names the claim's is among theirs
    ("the minister" for "Finance Minister Ingrid Holm"), or, when that word is a general one
    ("officials", "the company"), any word is shared. A shared modifier alone is not enough:
    "the finance ministry" is not "its finance spokesperson"."""
    if mine.head in _GENERAL_SPEAKERS:
        return bool(mine.speaker & theirs.speaker)
    return mine.head in theirs.speaker


_FINDING = lexicon.cue_words("finding_verbs")
_ALLEGING = lexicon.cue_words("allegation_verbs")
_FRAME_WORDS = 6  # a frame's speaker: at most this many words after any opening phrase
_FRAME_TOLD = 2  # words of whom it was told between the verb and "that": "told jurors that"
_FRAME_WORD = re.compile(r"[^\W_][\w'-]*|[,;:]")


def finding(text: str, verbs: frozenset[str]) -> tuple[set[str], str, str] | None:
    """The speaker of ``text`` (stems of their words), its verb and what it introduces, when a
    verb of ``verbs`` introduces its first "that" clause: "The jury found that Price ...",
    "[Opening the case,] prosecutor Kate Marston KC told jurors that Price ...". None
    otherwise."""
    plain = _norm(text).strip()
    toks = list(_FRAME_WORD.finditer(plain))
    low = [t.group(0).lower() for t in toks]
    if "that" not in low:
        return None
    that = low.index("that")
    for verb in range(that - 1, max(that - 2 - _FRAME_TOLD, 0), -1):
        if low[verb] not in verbs:
            continue
        if any(w in ",;:" for w in low[verb + 1 : that]):
            return None
        start = max((j + 1 for j in range(verb) if low[j] in ",;:"), default=0)
        who = [w for w in low[start:verb] if w not in ("had", "has", "have")]
        if not who or len(who) > _FRAME_WORDS or who[0] in _NO_ONE:
            return None
        speaker = {stem(w) for w in who if w not in STOPWORDS}
        what = plain[toks[that].end() :].strip()
        return (speaker, low[verb], what) if speaker and what else None
    return None


def _alleged_by_another(claim: str, evidence: Evidence) -> str | None:
    """The claim gives a finding or ruling to one party ("the jury found that P") which a
    cited sentence carries only as another party's allegation ("the prosecutor told jurors that
    P"): what one side asserts is not what the court found. None when the claim states no
    finding, or a cited sentence gives P to the claim's party."""
    mine = finding(claim, _FINDING)
    if mine is None:
        return None
    speaker, _, what = mine
    terms = claim_terms(what)
    if not terms:
        return None
    others: list[str] = []
    for sentence in evidence.sentences:
        theirs = finding(sentence, _FINDING | _ALLEGING)
        if theirs is None:
            continue
        carried = set(content_terms(_norm(theirs[2])))
        if sum(t in carried for t in terms) < COVERAGE_MIN * len(terms):
            continue
        if theirs[0] & speaker or theirs[1] in _FINDING:
            return None
        others.append(sentence)
    if not others:
        return None
    why = "the claim states a finding the cited text gives only as another's allegation"
    return f"{why}: {others[0]!r}"


_RETRACTION = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(lexicon.cue_words("retraction")))) + r")\b"
)
_HEARSAY = lexicon.cue_words("hearsay")
_CORRECTING = lexicon.cue_words("correcting")  # a claim with one tells the correction itself
_REBUTTAL = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(lexicon.cue_words("rebuttal")))) + r")\b"
)
HEARSAY_REACH = (
    8  # words between a hearsay noun and its "that": "the posts, which began ..., say that"
)


# Where a correction's retracted statement ends and its right one may begin.
_CORRECTED_END = re.compile(r";|\s[—–-]+\s|\.\s")


def _hearsay_noun(ws: list[str], k: int) -> bool:
    """``ws[k]`` is a hearsay word used as a noun: opening the sentence, after a determiner or
    before a participle ("Posts claiming that", "the posts say that"), not a verb ("Grushko
    claims that" is a named speaker's statement, which check_attribution reads)."""
    if ws[k] not in _HEARSAY:
        return False
    after = ws[k + 1] if k + 1 < len(ws) else ""
    return k == 0 or ws[k - 1] in _DETERMINERS or after.endswith("ing")


def _disowned_parts(sentence: str) -> list[tuple[str, str]]:
    """The parts of ``sentence`` it does not state as its own, each with why: what a
    correction says was stated wrongly ("This story previously stated that ..."), and what
    posts, claims or rumours say ("Posts claiming that the council will ban ..."). The
    words are the source's, the statement is not."""
    plain = _norm(sentence).lower()
    cased = _CASED_WORD.findall(_norm(sentence))
    out: list[tuple[str, str]] = []
    retracted = _RETRACTION.search(plain)
    if retracted is not None:
        # to the end of its clause: "...said £21m; the council will spend £12m" states the last
        end = _CORRECTED_END.search(plain, retracted.end())
        out.append((plain[retracted.end() : end.start() if end else None], "correction"))
    for that in re.finditer(r"\bthat\b", plain):
        before = words(plain[: that.start()])
        start = max(len(before) - HEARSAY_REACH, 0)
        # a capitalised one is a name, no hearsay: "The Post reports that"
        named = {k for k in range(1, len(before)) if k < len(cased) and cased[k][:1].isupper()}
        if any(_hearsay_noun(before, k) and k not in named for k in range(start, len(before))):
            out.append((plain[that.end() :], "hearsay"))
            break
    for that in re.finditer(r"\bthat\b", plain):
        if _denied_that(plain[: that.start()]):
            out.append((plain[that.end() :], "denial"))
            break
    return out


DENIAL_REACH = 3  # words between a denying verb and its "that": "denied union claims that"


def _denied_that(before: str) -> bool:
    """The text before a "that" ends in a denying verb (cues' negating_verbs: "deny",
    "reject") and at most DENIAL_REACH words of what it denies, in one clause: "He denied that",
    "denied union claims that", "rejected suggestions that". Its clause is what someone
    denies, not what the source states."""
    tail = re.split(r"[,;:()]", before)[-1]
    ws = words(tail)[-DENIAL_REACH - 1 :]
    return any(stem(w) in _NEG_STEMS for w in ws)


def _retracted_figures(claim: str, evidence: Evidence) -> str | None:
    """The cited sentence whose correction retracts a figure of the claim that no other part
    of the cited text states ("The council will spend £21m" where the only £21m is in
    "Clarification: An earlier version of this article said the council would spend £21m"):
    the figure is the one the source says it got wrong, whatever words it shares. None when
    there is none."""
    said = quantities(claim)
    found: list[tuple[str, set[str]]] = []
    kept: list[str] = []
    for sentence in evidence.sentences:
        own = _norm(sentence).lower()
        for part, why in _disowned_parts(sentence):
            if why == "correction":
                found.append((sentence, quantities(part) & said))
                own = own.replace(part, " ")
        kept.append(own)
    stated = quantities(" ".join(kept))
    return next((sentence for sentence, qs in found if qs - stated), None)


def check_disowned(claim: str, evidence: Evidence) -> Check:
    """A claim carried only by what a cited sentence disowns (``_disowned_parts``) is not
    the source's statement: contradicted when the source says so (a correction's figure the
    claim repeats; talk the sources call false), else unsupported ("disowned-unsupported").
    A claim that keeps the frame ("posts claimed that ...") is what the source says."""
    said = _norm(claim).lower()
    if _RETRACTION.search(said) or any(w in _HEARSAY for w in words(said)):
        return Check(name="disowned", passed=True)
    # "corrected its estimate to 4.2 billion from 4.8 billion": the claim tells the correction,
    # so the retracted figure in it is named as the wrong one
    retracting = not _CORRECTING & set(words(said)) and _retracted_figures(claim, evidence)
    if retracting:
        detail = f"a correction says the source stated this wrongly: {retracting!r}"
        return Check(name="disowned", passed=False, detail=detail)
    terms = claim_terms(claim)
    if not terms:
        return Check(name="disowned", passed=True)
    found: tuple[str, str, str] | None = None
    said_figures = quantities(claim)
    denies = any(stem(w) in _NEG_STEMS for w in words(said))  # keeps a denial's frame
    for sentence in evidence.sentences:
        own = _norm(sentence).lower()
        for part, why in _disowned_parts(sentence):
            if why == "denial" and denies:
                continue
            rest = own.replace(part, " ")
            carried = set(content_terms(part))
            if sum(t in carried for t in terms) < COVERAGE_MIN * len(terms):
                continue
            if sum(t in set(content_terms(rest)) for t in terms) >= COVERAGE_MIN * len(terms):
                continue  # the sentence states it outside the disowned part too
            if said_figures and said_figures <= quantities(rest):
                continue  # the right figure after the wrong one: "...£21m; it will spend £12m"
            found = found or (sentence, part, why)
    # another cited sentence that states it, its figures too, is the source's own statement
    others = Evidence([s for s in evidence.sentences if not _disowned_parts(s)])
    stated = others.sentences and quantities(claim) <= others.quantities
    if found is None or (stated and coverage(claim, others)[0] >= COVERAGE_MIN):
        return Check(name="disowned", passed=True)
    sentence, part, why = found
    if why == "correction":
        if quantities(part) & said_figures:
            detail = f"a correction says the source stated this wrongly: {sentence!r}"
            return Check(name="disowned", passed=False, detail=detail)
    elif why == "denial":
        detail = f"the cited text denies what the claim states: {sentence!r}"
        return Check(name="disowned", passed=False, detail=detail)
    elif _REBUTTAL.search(evidence.corpus):
        detail = f"the sources call false what the claim states as fact: {sentence!r}"
        return Check(name="disowned", passed=False, detail=detail)
    detail = f"only said by {'a correction' if why == 'correction' else 'others'}: {sentence!r}"
    return Check(name="disowned-unsupported", passed=False, detail=detail)


def check_attribution(claim: str, evidence: Evidence) -> Check:
    """The claim's speaker must be the one a cited sentence gives for what the claim says: a
    cited sentence that carries it (COVERAGE_MIN of its content terms) under another speaker,
    while none carries it under the claim's, is a misattribution. So is a finding the cited
    text gives only as another party's allegation (``_alleged_by_another``)."""
    alleged = _alleged_by_another(claim, evidence)
    if alleged is not None:
        return Check(name="attribution", passed=False, detail=alleged)
    said = attribution(claim)
    if said is None:
        return Check(name="attribution", passed=True)
    terms = claim_terms(said.what)
    if not terms:
        return Check(name="attribution", passed=True)
    others: list[str] = []
    for sentence in evidence.sentences:
        theirs = attribution(sentence)
        resolved = theirs is None and (theirs := _pronoun_attribution(sentence, evidence))
        if theirs is None:
            continue
        carried = set(content_terms(_norm(theirs.what)))
        if sum(t in carried for t in terms) < COVERAGE_MIN * len(terms):
            continue
        if _same_speaker(said, theirs) or (resolved and theirs.head in said.speaker):
            # a speaker found through "she" is the claim's when the claim names them anywhere
            # in its frame ("Council leader Margaret Dunlop apologised and said")
            return Check(name="attribution", passed=True)
        others.append(sentence)
    if not others:
        return Check(name="attribution", passed=True)
    detail = f"the cited text gives another speaker for what the claim says: {others[0]!r}"
    return Check(name="attribution", passed=False, detail=detail)


# -- verbs, nouns and adjectives ----------------------------------------------------------------

_VERB_LIKE = lexicon.cue_words("verb_like")
# A WordNet relative counts when it is one of this rank at most: both words in one of their
# first senses (lexicon.relatives). Further ones ("raise" is "draw" in draw's 30th sense)
# let changed words through. Per kind, the smallest rank that keeps the 36 tuning paraphrases
# of tests/verify_cases.py and the hand-written cases of tests/test_verify.py: verbs 7 ("sent"
# for "communicated, expressing"), nouns all 9 ("stance" for "position" is position's 12th
# sense); no case needs an adjective's, and below 3 the seed fixtures' WordNet adjective
# synonyms lose fair ones ("considerable" for "significant"). See bench/words_bench.py.
RELATIVE_RANK = {"verbs": 7, "nouns": 9, "adjectives": 3}
# Words LemmInflect's lexicon also reads as nouns ("another", "his"): never a claim's noun.
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your another other each every "
    "such some any no".split()
)

# Words before which a noun-or-verb word is a verb: "to attack", "will cut", "had banned".
VERB_MARKERS = frozenset(
    "to will would could can may might should must shall did does do not never has have had "
    "is are was were be been being".split()
)


@lru_cache(maxsize=65536)
def word_readings(word: str) -> dict[str, tuple[str, ...]]:
    """The base forms of ``word`` by part of speech ({"VERB": ("invite",)}), from
    LemmInflect's lexicon (``lexicon.readings``); {} for a word it does not know."""
    found = lexicon.readings().get(word)
    if not found:
        return {}
    return {pos: tuple(bases.split("|")) for pos, bases in (r.split(":", 1) for r in found.split())}


def verb_base(word: str, before: str = "") -> str | None:
    """The base form of ``word`` used as a verb ("invited" -> "invite", "fled" -> "flee"), or
    None. A word that can also be a noun ("attack", "plans", "talks") counts as a verb in a
    past form ("attacked") or after an auxiliary, a modal or "to" (``before``: the word
    before it); an auxiliary never does."""
    readings = word_readings(word)
    if "VERB" not in readings or "AUX" in readings:
        return None
    base = readings["VERB"][0]
    if not {"NOUN", "PROPN"} & set(readings):
        return base
    if word != base and word.endswith("ed"):
        return base
    return base if before in VERB_MARKERS and not word.endswith("s") else None


def adjective_base(word: str, after: str = "") -> str | None:
    """The base form of ``word`` used as an adjective ("broader" -> "broad"), or None. A word
    that can also be a noun ("secret", "illegal") counts as an adjective before a noun
    (``after``: the word after it); one that can be a verb is left to ``verb_base``."""
    readings = word_readings(word)
    if "ADJ" not in readings or {"VERB", "AUX", "PROPN"} & set(readings):
        return None
    if "NOUN" in readings and "NOUN" not in word_readings(after):
        return None
    return readings["ADJ"][0]


_WORD_LEXICONS = threading.Lock()  # held while they load: two threads never load them twice


def load_word_lexicons() -> None:
    """Load what ``check_words`` reads (the word readings and the WordNet relatives, about
    0.1 s), once per process; a thread that asks while another loads them waits."""
    with _WORD_LEXICONS:
        lexicon.readings()
        for kind in ("verbs", "adjectives", "nouns"):
            lexicon.relatives(kind)


def noun_base(word: str) -> str | None:
    """The singular of ``word`` as a noun ("talks" -> "talk"), or None: a word that can be a
    noun and is not a determiner. ``check_words`` asks only of a word it did not take for a
    verb or an adjective."""
    readings = word_readings(word)
    if "NOUN" not in readings or word in _DETERMINERS:
        return None
    return readings["NOUN"][0]


@lru_cache(maxsize=4096)
def _word_forms(word: str, base: str, kind: str) -> frozenset[str]:
    """Stems that say what ``word`` (read as ``kind``: "verbs", "nouns" or "adjectives") says:
    its own, its base form's, their listed synonyms', and its WordNet relatives' (see
    scripts/build_lexicon.py)."""
    forms = {stem(word), stem(base), _lemma(word)}
    for term in list(forms):
        forms |= _SYNONYM_OF.get(term, set())
    forms.update(stem(w) for w in lexicon.related(kind, base, RELATIVE_RANK[kind]))
    return frozenset(forms)


# Words before a noun-or-verb word that make it a noun ("the cuts", "three attacks"); and
# words after one that begin its object when a subject stands before it ("the council cuts the
# budget", "they support him").
_OBJECT_STARTS = _DETERMINERS - {"no"} | frozenset("him them us me it her all both".split())
_SUBJECTS = frozenset("he she it they we who which".split())


def _acts_as_verb(toks: list[str], i: int) -> bool:
    """``toks[i]`` (a word that can be a noun or a verb) stands between a subject and its
    object: a name, a pronoun or a noun before it (not one a determiner or an adjective
    makes a noun phrase of), and a determiner, an object pronoun, a number or a name after.
    "The council cuts the budget" is a verb; in "budget cuts hit schools", "the cuts" and
    "cuts to the budget" it is not."""
    if not 0 < i < len(toks) - 1:
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    subject = prev.lower() in _SUBJECTS or (
        prev.isalpha()
        and prev.lower() not in STOPWORDS | _DETERMINERS
        and (prev[:1].isupper() or bool({"NOUN", "PROPN"} & set(word_readings(prev.lower()))))
    )
    after = nxt.lower() in _OBJECT_STARTS or nxt[:1].isdigit() or nxt[:1].isupper()
    return subject and after


def _after_determiner(toks: list[str], i: int) -> bool:
    """``toks[i]`` follows a determiner, a possessive, a number or an adjective-only word: a
    noun ("the judge", "Trump's outreach", "three attacks", "new cuts")."""
    if not i:
        return False
    prev = toks[i - 1].lower()
    return (
        prev in _DETERMINERS
        or prev.endswith("'s")
        or prev[:1].isdigit()
        or set(word_readings(prev)) == {"ADJ"}
    )


def _noun_or_verb(
    toks: list[str], i: int, readings: dict[str, tuple[str, ...]]
) -> tuple[str, dict[str, str]]:
    """The kind and bases of a word that can be a noun (and maybe a verb or an adjective),
    read from the words around it: a verb between a subject and an object, a noun after a
    determiner; where neither shows, any of what it can be (matched as any of them)."""
    verb, adjective = readings.get("VERB", ("",))[0], readings.get("ADJ", ("",))[0]
    noun = readings["NOUN"][0]
    if verb and _acts_as_verb(toks, i):
        return "verbs", {"verbs": verb}
    if _after_determiner(toks, i):
        return "nouns", {"nouns": noun, "adjectives": adjective}
    return "nouns", {"nouns": noun, "verbs": verb, "adjectives": adjective}


def word_role(toks: list[str], i: int) -> tuple[str, dict[str, str]] | None:
    """What ``toks[i]`` is to the word check: its kind ("verbs", "nouns" or "adjectives")
    and the base forms it may match as, by kind; None for a word the check leaves out (a
    name capitalised inside the claim, a stopword, a title, a reporting or light verb, a
    verb form used as a preposition). The words around it decide between readings."""
    tok = toks[i]
    word = tok.lower()
    if (i and tok[:1].isupper()) or not word.isalpha() or len(word) < 3:
        return None
    if word in STOPWORDS or word in _VERB_LIKE or word in _TITLES:
        return None
    if stem(word) in _LIGHT or _lemma(word) in _LIGHT:
        return None
    readings = word_readings(word)
    verb = verb_base(word, toks[i - 1].lower() if i else "")
    after = toks[i + 1].lower() if i + 1 < len(toks) else ""
    adjective = None if verb else adjective_base(word, after)
    if verb is not None:  # a participle that is an adjective too may be either
        kind, bases = "verbs", {"verbs": verb, "adjectives": readings.get("ADJ", ("",))[0]}
    elif adjective is not None:
        kind, bases = "adjectives", {"adjectives": adjective}
    elif noun_base(word) is not None:
        kind, bases = _noun_or_verb(toks, i, readings)
    else:
        return None
    bases = {k: base for k, base in bases.items() if base}
    if any(stem(base) in _LIGHT for base in bases.values()):
        return None
    return kind, bases


def check_words(claim: str, evidence: Evidence) -> list[Check]:
    """Every verb, noun and adjective of the claim is in the cited text, as itself, another
    form, a synonym or a related word ("intended" / "intention", "drug" for "anesthetic",
    "deadly" / "fatal"): what happened, to what or whom, and what it was like are the claim.
    Coverage alone passes "Trump invited Putin to Washington" on a sentence where Trump,
    flying back to Washington, meant to call Putin, "the storm said" on "the spokesman said"
    and "the deadly treatment" on "the treatment" (every word but one is there). One check
    per word class, each unverifiable when it fails. Names (capitalised inside the claim),
    titles, reporting and light verbs ("said", "noted", "made") and verb forms used as
    prepositions ("including") are left out."""
    load_word_lexicons()
    toks = _tokens(claim)
    missing: dict[str, list[str]] = {"verbs": [], "adjectives": [], "nouns": []}
    for i in range(len(toks)):
        role = word_role(toks, i)
        if role is None:
            continue
        word, kind, bases = toks[i].lower(), *role
        forms = frozenset().union(*(_word_forms(word, b, k) for k, b in bases.items()))
        found = any(f in evidence.terms or f in evidence.base_terms for f in forms)
        if not found and word not in missing[kind]:
            missing[kind].append(word)
    return [
        Check(name=kind, passed=not words, detail=_not_cited(words))
        for kind, words in missing.items()
    ]


_OUTCOMES = lexicon.outcomes()
# Outcomes a vote decides, by the side it takes (``vote_sides``).
_DECIDED_BY_VOTE = {"approve": "for", "reject": "against"}


def _outcome_at(toks: list[str], i: int) -> str | None:
    """The outcome (``lexicon.outcomes``) the verb at ``toks[i]`` states, or None: "acquitted"
    -> "acquit", "went ahead" -> "go ahead"."""
    base = verb_base(toks[i].lower(), toks[i - 1].lower() if i else "")
    if base is None:
        return None
    phrasal = f"{base} {toks[i + 1].lower()}" if i + 1 < len(toks) else ""
    if phrasal in _OUTCOMES:
        return phrasal
    return base if base in _OUTCOMES else None


def _phrase_carried(phrase: tuple[str, ...], evidence: Evidence) -> bool:
    """One carrier of an outcome is in the cited text: a word in any form or relative (as the
    word check finds one), a phrasal verb as any form of its verb and its particle."""
    if len(phrase) == 1:
        forms = _word_forms(phrase[0], phrase[0], "verbs") | {stem(phrase[0])}
        return any(f in evidence.terms or f in evidence.base_terms for f in forms)
    toks = [t.lower() for t in _tokens(evidence.text)]
    return any(
        toks[j + 1 : j + len(phrase)] == list(phrase[1:])
        and verb_base(toks[j], toks[j - 1] if j else "") == phrase[0]
        for j in range(len(toks) - len(phrase) + 1)
    )


def check_outcomes(claim: str, evidence: Evidence) -> Check:
    """A verdict or outcome the claim states ("was acquitted", "went ahead", "won") is in the
    cited text, as one of the words that carry it (``lexicon.outcomes``), or as the denial a
    cited negation states ("acquitted" on "found not guilty"). An editor's draft is not held
    to its every verb (``check_words``), but these are its news: "the strike went ahead" on
    "workers voted to strike from Thursday" shares every other word. Unverifiable when one is
    missing; the lenient draft rule does not overlook it (draft.NOT_LENIENT)."""
    load_word_lexicons()
    toks = _tokens(claim)
    missing: list[str] = []
    for i in range(len(toks)):
        outcome = _outcome_at(toks, i)
        if outcome is None or any(_phrase_carried(p, evidence) for p in _OUTCOMES[outcome]):
            continue
        side = _DECIDED_BY_VOTE.get(outcome)
        if side is not None and any(
            v.side == side for s in evidence.sentences for v in vote_sides(s)
        ):
            continue  # "approved the bridge" where the council "voted 7-2 to build" it
        denied = _DENIALS.get(toks[i].lower())
        if denied is not None and stem(denied) in evidence.negated[0]:
            continue  # "acquitted" where the cited text says "not guilty"
        missing.append(" ".join(toks[i : i + len(outcome.split())]).lower())
    return Check(name="outcomes", passed=not missing, detail=_not_cited(missing))


def _not_cited(words: list[str]) -> str:
    return "not in the cited text: " + ", ".join(words[:5]) if words else ""
