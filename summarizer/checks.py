"""Deterministic checks of a claim against the text it cites (the verifier's layer 2).

Each check compares the claim with the union of its cited sentences and returns a ``Check``
whose detail says what was not found, so a rejected claim always carries its reason. No model
is involved: numbers are parsed and normalised, names are found with a capitalised-span
heuristic (no offline NER model ships with a pip package we can use), negation is scoped to the
few content words after a cue, and coverage is the share of the claim's content terms present
in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .models import Check
from .text import STOPWORDS, bigrams, content_terms, stem, words

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

_TOKEN = re.compile(
    r"\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th|s)?(?:million|billion|trillion|bn|mn|m|k)?(?!\w)"
    r"|\d[A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)*|[$£€%#]|[.,;:!?]"
)
_ABBREV = (("U.S.", "US"), ("U.K.", "UK"), ("U.N.", "UN"), ("E.U.", "EU"))


def _norm(text: str) -> str:
    """Unify quotes, dashes and common dotted abbreviations so both sides compare alike."""
    for a, b in _ABBREV:
        text = text.replace(a, b)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[\u2010-\u2015\u2011]", "-", text).replace("\u00a0", " ")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_norm(text))


class TermSet:
    """Stems with loose matching: equal, a shared 6-letter prefix, or one a prefix of the other.

    Loose enough for "negotiations"/"negotiating", "Russia"/"Russian", strict enough that
    "Austria" does not match "Australia".
    """

    def __init__(self, terms: list[str]) -> None:
        self.terms = set(terms)
        self.prefix6 = {t[:6] for t in self.terms if len(t) >= 6}
        self.prefixes = {t[:n] for t in self.terms for n in range(4, len(t) + 1)}

    def __contains__(self, term: object) -> bool:
        if not isinstance(term, str):
            return False
        if term in self.terms or (len(term) >= 4 and term in self.prefixes):
            return True
        if len(term) >= 6 and term[:6] in self.prefix6:
            return True
        return len(term) >= 4 and any(len(t) >= 4 and term.startswith(t) for t in self.terms)


@dataclass
class Evidence:
    """The cited text a claim is checked against, and what the sources say about names."""

    sentences: list[str]
    known_names: set[str] = field(default_factory=set)  # capitalised mid-sentence in sources
    corpus: str = ""  # all source text, normalised, for name completion
    before: list[str] = field(default_factory=list)  # sentences just before the cited ones

    @cached_property
    def text(self) -> str:
        return _norm(" ".join(self.sentences))

    @cached_property
    def terms(self) -> TermSet:
        return TermSet(content_terms(self.text) + [stem(w) for w in words(self.text)])

    @cached_property
    def quantities(self) -> set[str]:
        return quantities(self.text)

    @cached_property
    def negated(self) -> tuple[set[str], set[str]]:
        """Stems inside a negation scope, and stems that also occur outside one."""
        inside: set[str] = set()
        outside: set[str] = set()
        for sentence in self.sentences:
            scoped, free = _negation_scopes(sentence)
            inside.update(t for scope in scoped for t in scope)
            outside.update(free)
        return inside, outside


def source_corpus(texts: list[str]) -> str:
    """All source text as spaced lower-case words, for looking up a name's fuller form."""
    return " " + " ".join(_bare(w) for t in texts for w in words(_norm(t))) + " "


def names_in_sources(texts: list[str]) -> set[str]:
    """Lower-cased words the sources capitalise mid-sentence: proper names they mention."""
    found: set[str] = set()
    for text in texts:
        toks = _tokens(text)
        for i, tok in enumerate(toks[1:], 1):
            if tok[:1].isupper() and toks[i - 1] not in ".!?:" and tok.lower() not in STOPWORDS:
                found.add(_bare(tok.lower()))
    return found


def run_checks(claim: str, evidence: Evidence) -> list[Check]:
    """All deterministic checks, cheapest first; every one runs so the report is complete."""
    return [
        check_quantities(claim, evidence),
        check_names(claim, evidence),
        check_quotes(claim, evidence),
        check_negation(claim, evidence),
        check_antonyms(claim, evidence),
        check_coverage(claim, evidence),
        check_relations(claim, evidence),
    ]


# -- numbers, dates, percentages, amounts ------------------------------------------------------

_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}  # fmt: skip
_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}  # fmt: skip
_SCALE_WORD = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9,
               "trillion": 1e12}  # fmt: skip
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_MONTHS.pop("may")  # far more often the verb; "May 5" is still caught by the day number
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_CURRENCY = {"$": "usd", "dollar": "usd", "dollars": "usd", "£": "gbp", "pound": "gbp",
             "pounds": "gbp", "€": "eur", "euro": "eur", "euros": "eur", "#": "gbp"}  # fmt: skip
_NUM = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th|s)?(million|billion|trillion|bn|mn|m|k)?$"
)


def quantities(text: str) -> set[str]:
    """Normalised numbers, months and currencies: "30-day" ~ "30 days", "three" ~ "3",
    "$2 billion" ~ "2 billion dollars", "March 17" ~ "17 March"."""
    toks = [t.lower() for t in _tokens(text)]
    found: set[str] = set()
    for i, tok in enumerate(toks):
        value: float | None = None
        m = _NUM.match(tok)
        if m:
            value = float(m.group(1).replace(",", "") or 0)
            if m.group(2):
                value *= _SCALE[m.group(2)]
        elif tok in _SMALL:
            value = float(_SMALL[tok])
            if i + 1 < len(toks) and toks[i + 1] in _SMALL and _SMALL[toks[i + 1]] < 10:
                value += _SMALL[toks[i + 1]]  # "twenty five" (hyphen already split)
        elif tok in _MONTHS:
            found.add(f"month:{_MONTHS[tok]}")
        elif tok in _MONTH_ABBR and i + 1 < len(toks) and toks[i + 1][:1].isdigit():
            found.add(f"month:{_MONTH_ABBR[tok]}")
        elif tok in _CURRENCY and (tok != "#" or (i + 1 < len(toks) and toks[i + 1][:1].isdigit())):
            # "#" is the benchmark data's "£": a currency only before a number
            found.add(f"currency:{_CURRENCY[tok]}")
        if value is None:
            continue
        if i + 1 < len(toks) and toks[i + 1] in _SCALE_WORD and not (m and m.group(2)):
            value *= _SCALE_WORD[toks[i + 1]]
        found.add(f"number:{value:.10g}")
    return found


def check_quantities(claim: str, evidence: Evidence) -> Check:
    missing = sorted(quantities(claim) - evidence.quantities)
    if missing:
        shown = ", ".join(m.split(":", 1)[1] + (" (month)" if m[:5] == "month" else "")
                          for m in missing)  # fmt: skip
        return Check(name="numbers", passed=False, detail=f"not in the cited text: {shown}")
    return Check(name="numbers", passed=True)


# -- named people, places, organisations -------------------------------------------------------

# Capitalised words that are titles or roles, not names: a claim may add or drop them.
_TITLES = set(
    """president prime minister secretary deputy foreign state national security adviser advisor
    general chief senator governor king queen pope dr sir lord press spokesman spokeswoman
    spokesperson envoy official officials leader leaders minister's president's former
    """.split()
)
_ALIASES = [
    {"us", "united states", "america", "american", "americans", "washington"},
    {"uk", "britain", "british", "united kingdom"},
    {"un", "united nations"},
    {"eu", "european union"},
    {"france", "french"},
    {"russia", "russian", "russians", "kremlin", "moscow"},
    {"ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"},
]
_ALIAS_OF = {name: group for group in _ALIASES for name in group}


def name_spans(claim: str, known_names: set[str]) -> list[list[str]]:
    """Runs of capitalised words. A sentence-initial word counts only when the sources use it
    as a name elsewhere or the next word is capitalised too ("Marco Rubio said"). In an
    all-lower-case claim, the words the sources capitalise mid-sentence are taken as names."""
    toks = _tokens(claim)
    lowercased = not any(ch.isupper() for ch in claim)  # e.g. tokenised, lower-cased data
    spans: list[list[str]] = []
    current: list[str] = []
    for i, tok in enumerate(toks):
        low = _bare(tok.lower())
        is_cap = tok[:1].isupper() and low not in STOPWORDS and tok not in ("I",)
        if lowercased:
            is_cap = low in known_names and low not in STOPWORDS
        elif is_cap and (i == 0 or toks[i - 1] in ".!?:"):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            is_cap = low in known_names or (nxt[:1].isupper() and nxt.lower() not in STOPWORDS)
        if is_cap and low not in _MONTHS:
            current.append(tok)
        elif current:
            spans.append(current)
            current = []
    if current:
        spans.append(current)
    return spans


def check_names(claim: str, evidence: Evidence) -> Check:
    """Every name in the claim must be in the cited text; "Donald Trump" may stand for "Trump"
    when the sources say "Donald Trump" somewhere."""
    ev_text = " " + " ".join(_bare(w) for w in words(evidence.text)) + " "
    ev_terms = evidence.terms
    missing: list[str] = []
    for span in name_spans(claim, evidence.known_names):
        core = [t for t in span if t.lower() not in _TITLES]
        if not core:
            continue
        phrase = " ".join(_bare(w) for w in words(" ".join(core)))
        if f" {phrase} " in ev_text or _alias_found(phrase, ev_text):
            continue
        found = [t for t in core if _word_in(_bare(t.lower()), ev_text, ev_terms)]
        if len(found) == len(core):
            continue
        if found and f" {phrase} " in evidence.corpus:
            continue  # a fuller form of a name the cited text uses, as the sources spell it
        if _pronoun_referent(phrase, evidence):
            continue
        missing.append(" ".join(core))
    if missing:
        return Check(
            name="names", passed=False, detail="not in the cited text: " + ", ".join(missing)
        )
    return Check(name="names", passed=True)


_PRONOUNS = {"he", "she", "his", "her", "him", "they", "their", "them"}


def _pronoun_referent(phrase: str, evidence: Evidence) -> bool:
    """A name the cited text refers to by a leading pronoun ("He stressed ..."), named in
    the sentences just before."""
    starts = {(words(s) or [""])[0] for s in evidence.sentences}
    if not _PRONOUNS & starts or not evidence.before:
        return False
    before = " " + " ".join(_bare(w) for w in words(_norm(" ".join(evidence.before)))) + " "
    return f" {phrase} " in before or f" {phrase.split()[-1]} " in before


def _bare(word: str) -> str:
    """A word without its possessive: "Kyiv's" -> "kyiv"."""
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _alias_found(phrase: str, ev_text: str) -> bool:
    group = _ALIAS_OF.get(phrase) or set()
    return any(f" {alias} " in ev_text for alias in group)


def _word_in(word: str, ev_text: str, ev_terms: TermSet) -> bool:
    if f" {word} " in ev_text or _alias_found(word, ev_text):
        return True
    # demonyms and possessives: "Russian" ~ "Russia", "Ukraine's" ~ "Ukrainian"
    w = stem(word)
    return len(w) >= 5 and any(
        len(_common_prefix(w, t)) >= max(5, min(len(w), len(t)) - 1) for t in ev_terms.terms
    )


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# -- quoted text -------------------------------------------------------------------------------

_QUOTE = re.compile(r'"([^"]{2,400})"')


def _squash(text: str) -> str:
    return " ".join(text.lower().split()).strip(" ,.;:!?")


def check_quotes(claim: str, evidence: Evidence) -> Check:
    """Text in double quotes must occur verbatim (ignoring case, spacing and quote style)."""
    ev = _squash(evidence.text)
    missing = [q for q in _QUOTE.findall(_norm(claim)) if _squash(q) not in ev]
    if missing:
        detail = "quote not found verbatim: " + "; ".join(f'"{q}"' for q in missing)
        return Check(name="quotes", passed=False, detail=detail)
    return Check(name="quotes", passed=True)


# -- negation and polarity ---------------------------------------------------------------------

_NEG_WORDS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
              "cannot", "non", "nowhere"}  # fmt: skip
_NEG_STEMS = {"declin", "refus", "deny", "fail", "unabl", "reject", "halt"}
_CLAUSE_END = {".", ",", ";", ":", "!", "?", "but", "while", "although", "though", "whereas"}


def _is_cue(tok: str) -> bool:
    return tok in _NEG_WORDS or tok.endswith("n't") or stem(tok) in _NEG_STEMS


def _negation_scopes(text: str) -> tuple[list[list[str]], set[str]]:
    """Content stems scoped by each negation cue (up to NEGATION_SCOPE, within the clause),
    and the stems that occur outside any scope."""
    toks = [t.lower().replace("’", "'") for t in _tokens(text)]
    scopes: list[list[str]] = []
    free: set[str] = set()
    current: list[str] | None = None
    for tok in toks:
        if tok in _CLAUSE_END:
            current = None
            continue
        if _is_cue(tok):
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
            free.add(term)
    return [s for s in scopes if s], free


def check_negation(claim: str, evidence: Evidence) -> Check:
    """A negation the cited text lacks, or a negation of the cited text the claim drops."""
    claim_scopes, claim_free = _negation_scopes(claim)
    ev_inside, ev_outside = evidence.negated
    inside_set = TermSet(list(ev_inside))
    for scope in claim_scopes:
        if not any(t in inside_set for t in scope):
            return Check(
                name="negation",
                passed=False,
                detail=f"the claim negates '{' '.join(scope)}'; the cited text does not",
            )
    claim_inside = TermSet([t for s in claim_scopes for t in s])
    only_negated = ev_inside - ev_outside
    for term in sorted(only_negated):
        if term in claim_free and term not in claim_inside:
            return Check(
                name="negation",
                passed=False,
                detail=f"the cited text negates '{term}'; the claim does not",
            )
    return Check(name="negation", passed=True)


_ANTONYM_PAIRS = """
increase decrease; increase cut; rise fall; rise drop; raise lower; grow shrink; gain loss;
gain lose; win lose; victory defeat; accept reject; approve reject; allow ban; allow forbid;
support oppose; agree disagree; confirm deny; include exclude; open close; begin end; start end;
start stop; extend end; extend shorten; revive end; before after; more less; more fewer;
additional fewer; further fewer; higher lower; high low; strong weak; strengthen weaken;
improve worsen; good bad; optimism pessimism; optimistic pessimistic; positive negative;
success failure; succeed fail; easy difficult; easy hard; legal illegal; guilty innocent;
alive dead; largest smallest; biggest smallest; maximum minimum; majority minority;
expand reduce; expand restrict; ease tighten; lift impose; withdraw deploy; arrive leave;
buy sell; import export; rich poor; old young; early late; friend enemy; ally enemy; love hate;
praise criticise; praise criticize; welcome condemn; welcome reject; emphasize downplay;
stress downplay; unexpected expected; likely unlikely; possible impossible;
productive unproductive; formal informal; public private; publicly privately; north south;
east west; western eastern; northern southern
"""
_IRREGULAR = {
    "won": "win", "lost": "lose", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "began": "begin", "begun": "begin",
    "sold": "sell", "bought": "buy", "left": "leave", "shrank": "shrink", "better": "good",
    "worse": "bad", "criticised": "criticise", "criticized": "criticize",
}  # fmt: skip


def _lemma(word: str) -> str:
    """Stem, then drop a final "e" so "oppose" and "opposed" meet."""
    lemma = stem(_IRREGULAR.get(word, word))
    return lemma[:-1] if len(lemma) >= 5 and lemma.endswith("e") else lemma


_ANTONYMS: dict[str, set[str]] = {}
for _pair in _ANTONYM_PAIRS.split(";"):
    _a, _b = (_lemma(w) for w in _pair.split())
    _ANTONYMS.setdefault(_a, set()).add(_b)
    _ANTONYMS.setdefault(_b, set()).add(_a)


def check_antonyms(claim: str, evidence: Evidence) -> Check:
    """A claim word whose opposite (small list) is in the cited text while it is not."""
    ev = {_lemma(w) for w in words(evidence.text)}
    for word in words(_norm(claim)):
        lemma = _lemma(word)
        if lemma in ev:
            continue
        opposite = next((a for a in sorted(_ANTONYMS.get(lemma, ())) if a in ev), None)
        if opposite is None:  # an opposite's synonym: "condemned" where the text has "applaud"
            opposite = next(
                (
                    syn
                    for a in sorted(_ANTONYMS.get(lemma, ()))
                    for syn in sorted(_synonyms(a))
                    if _lemma(syn) in ev and _lemma(syn) not in _SYNONYM_LEMMAS.get(lemma, ())
                ),
                None,
            )
        if opposite is None:
            for prefix in ("un", "in", "im", "il", "ir", "dis", "non"):
                if lemma.startswith(prefix) and lemma[len(prefix) :] in ev:
                    opposite = lemma[len(prefix) :]
                elif prefix + lemma in ev and len(lemma) >= 4:
                    opposite = prefix + lemma
                if opposite:
                    break
        if opposite:
            return Check(
                name="antonyms",
                passed=False,
                detail=f"'{word}' where the cited text has its opposite '{opposite}'",
            )
    return Check(name="antonyms", passed=True)


# -- content coverage --------------------------------------------------------------------------


# Words news paraphrases swap freely; a claim term is covered when any word of its group is.
_SYNONYM_GROUPS = """
want aim seek intend plan hope; troop force soldier; insist stress emphasize emphasise
underline say; worry fear concern; weaken undermine hurt; welcome applaud praise hail;
surprise unexpected; ensure guarantee secure; stay remain; back support endorse; essential vital
crucial key necessary; durable lasting long-lasting enduring; move shift change; involve
include; participate involve part; talk discussion negotiation dialogue conversation meeting;
president leader; country nation state; war conflict fighting hostility; deal agreement accord;
end conclude finish stop; start begin launch; call urge; help aid assist; attack strike;
kill slay; big large major; small minor; fast quick rapid speedy; official authority;
announce declare; reach achieve; say tell state add note; think believe; show reveal; get
receive obtain; use employ; try attempt; need require; expect anticipate; promise pledge vow;
criticise criticize condemn; warn caution; increase rise grow; decrease fall drop decline;
buy purchase; sell; meet meeting summit; vote ballot; law legislation; tension strain;
"""
_SYNONYM_OF: dict[str, set[str]] = {}
for _group in _SYNONYM_GROUPS.split(";"):
    _stems = {stem(w) for w in _group.split()}
    for _s in _stems:
        _SYNONYM_OF.setdefault(_s, set()).update(_stems)


def _synonyms(lemma: str) -> set[str]:
    return _SYNONYM_OF.get(lemma, set()) | _SYNONYM_OF.get(lemma + "e", set())


_SYNONYM_LEMMAS = {_lemma(k): {_lemma(v) for v in vs} for k, vs in _SYNONYM_OF.items()}
# Verbs too light to carry a fact of their own ("came as a surprise", "make sure").
_LIGHT = {stem(w) for w in "come came make made take took get got go went put give gave keep kept"
          " seem become became sure well part way".split()}  # fmt: skip


def coverage(claim: str, evidence: Evidence) -> tuple[float, list[str]]:
    """Share of the claim's content terms found in the evidence (a term counts as found
    when a synonym from a small list is), and the ones missing."""
    terms = [t for t in dict.fromkeys(content_terms(_norm(claim))) if t not in _LIGHT]
    if not terms:
        return 1.0, []
    missing = [
        t
        for t in terms
        if t not in evidence.terms
        and not any(syn in evidence.terms for syn in _SYNONYM_OF.get(t, ()))
        and not _pronoun_referent(t, evidence)
    ]
    return 1 - len(missing) / len(terms), missing


def check_coverage(claim: str, evidence: Evidence) -> Check:
    score, missing = coverage(claim, evidence)
    detail = f"coverage {score:.2f} (min {COVERAGE_MIN})"
    if missing:
        detail += "; not in the cited text: " + ", ".join(missing[:8])
    return Check(name="coverage", passed=score >= COVERAGE_MIN, detail=detail)


# -- relations ---------------------------------------------------------------------------------


def _same_term(a: str, b: str) -> bool:
    """TermSet's loose match for two single stems."""
    if a == b:
        return True
    n = len(_common_prefix(a, b))
    return n >= 6 or (n >= 4 and n == min(len(a), len(b)))


def check_relations(claim: str, evidence: Evidence) -> Check:
    """Words the claim puts together must stand together in the evidence: catches claims that
    reuse the source's words but join them differently ("the family is creating" -> "the
    family is")."""
    ev_terms = content_terms(evidence.text)

    def positions(term: str) -> list[int]:
        forms = _SYNONYM_OF.get(term, set()) | {term}
        return [i for i, e in enumerate(ev_terms) if any(_same_term(f, e) for f in forms)]

    pairs = bigrams(content_terms(_norm(claim)))
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
            apart.append(f"{a}/{b}")
    score = near / found if found else 1.0
    detail = f"related pairs {score:.2f} (min {RELATION_MIN})"
    if apart:
        detail += "; apart in the cited text: " + ", ".join(apart[:5])
    return Check(name="relations", passed=score >= RELATION_MIN, detail=detail)
