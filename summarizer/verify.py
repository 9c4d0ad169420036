"""Verification: every claim is checked against the sentences it cites before it is shown.

The layers decide in order of certainty: (1) structure (at least one citation, every cited id
exists, quoted exactly) and (2) the deterministic checks (summarizer/checks.py) give each claim
a three-way ``support``: *contradicted* (a number, date, name, quote, negation or antonym that
the cited text does not carry) is repaired or rejected at once; *supported* is accepted; the
*unverifiable* middle (no contradiction, but the evidence does not clearly carry the claim) goes
to (3) the LLM judge (summarizer/judge.py) when one is configured, as the model wrote it, and
the judge accepts or rejects it. With no judge it is repaired (an unsupported clause dropped, or
the best cited sentence quoted) or rejected.

Rejected claims stay in the list, marked, with the failed checks, so reports can say what was
dropped. Editors' drafts are checked by summarizer/draft.py with the same layers.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from .checks import (
    REPORTING_BASES,
    Evidence,
    held_coverage,
    load_word_lexicons,
    names_in_sources,
    quantities,
    run_checks,
    source_corpus,
    support,
    word_readings,
)
from .errors import BackendError, DeadlineError, InputError
from .judge import JUDGE_UNAVAILABLE, Judge, JudgeItem
from .llm.base import run_sync
from .models import Check, Citation, Claim, Sentence
from .text import content_terms, fit_words, strip_dateline, word_count, words

# A replacement must be about the same thing: the cited sentence holds this share of the
# claim's content terms.
REPLACE_MIN = 0.5
# A clause-drop repair keeps at least this share of the claim's content terms and words.
REPAIR_KEEP_MIN = 0.4
REPAIR_MIN_WORDS = 5
# The word checks (``checks.check_words``): a failed one found words of the claim that its cited
# text lacks, which a judge's evidence span must then carry.
WORD_CHECKS = frozenset({"verbs", "adjectives", "nouns"})
# A cited sentence that says "he" or "they" may name its subject this many sentences earlier.
NAME_LOOKBACK = 2

log = logging.getLogger(__name__)
T = TypeVar("T")


class SourceContext:
    """What the checks need from the whole source set, each part built on first use, once.

    Exact quotes (all the embedded engine writes) never need it, and a briefing shares one
    across its stories, so it is not rebuilt per story. Threads share it: a part that one
    thread is building, another waits for instead of building it again.
    """

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._sentences = list(sentences)
        self._texts = [s.text for s in self._sentences]
        self._lock = threading.RLock()  # one part at a time; a part may read another
        self._parts: dict[str, Any] = {}

    def _part(self, name: str, make: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._parts:
                self._parts[name] = make()
            return cast(T, self._parts[name])

    @property
    def known_names(self) -> set[str]:
        return self._part("known_names", lambda: names_in_sources(self._texts))

    @property
    def corpus(self) -> str:
        return self._part("corpus", lambda: source_corpus(self._texts))

    @property
    def quantities(self) -> set[str]:
        """Every number, month and currency the sources state (for "numbers-elsewhere")."""
        return self._part("quantities", lambda: {q for t in self._texts for q in quantities(t)})

    def quantities_in(self, articles: AbstractSet[str]) -> set[str]:
        """Every number, month and currency that the given articles state: a figure of an
        unrelated article in the same folder is no figure "stated elsewhere" for a claim."""
        by_article: dict[str, set[str]] = self._part("quantities_by_article", dict)
        with self._lock:
            for a in articles - by_article.keys():
                by_article[a] = {q for t in self._article_texts.get(a, []) for q in quantities(t)}
        return set().union(*(by_article[a] for a in articles))

    def corpus_of(self, articles: AbstractSet[str]) -> str:
        """The corpus (``source_corpus``) of the given articles only, each built once: what a
        check reads that concerns the cited article, not the whole day (a scan of 10,000
        articles' corpus took 70 ms per claim word)."""
        by_article: dict[str, str] = self._part("corpus_by_article", dict)
        with self._lock:
            for a in articles - by_article.keys():
                by_article[a] = source_corpus(self._article_texts.get(a, []))
        return "".join(by_article[a] for a in sorted(articles))

    @property
    def _article_texts(self) -> dict[str, list[str]]:
        """Each article's sentence texts, in order (what the per-article parts are built of)."""

        def group() -> dict[str, list[str]]:
            out: dict[str, list[str]] = {}
            for s in self._sentences:
                out.setdefault(s.article_id, []).append(s.text)
            return out

        return self._part("article_texts", group)

    @property
    def by_position(self) -> dict[tuple[str, int], str]:
        return self._part(
            "by_position", lambda: {(s.article_id, s.index): s.text for s in self._sentences}
        )

    def build(self) -> None:
        """Build now what checking a claim that is not an exact quote reads: this context
        and the word check's lexicons (about 0.1 s, once per process), e.g. while a briefing's
        first LLM calls are out rather than when their answers are due."""
        _ = self.by_position, self.known_names, self.corpus
        load_word_lexicons()


# When the run in this thread must end (a ``time.monotonic()`` instant), set by ``run_within``
# (serve's time limit); None, as in the library and the CLI: no limit.
_DEADLINE: ContextVar[float | None] = ContextVar("summarizer_deadline", default=None)


def run_within(deadline: float, work: Callable[[], T]) -> T:
    """Run ``work`` with ``deadline`` for its ``check_deadline`` calls. Call it in the thread
    that does the work: a thread pool's ``submit`` does not carry a context over."""
    token = _DEADLINE.set(deadline)
    try:
        return work()
    finally:
        _DEADLINE.reset(token)


def check_deadline() -> None:
    """Stop the offline work of a run past its deadline, between claims and stories: a thread
    cannot be killed, and one whose request had its 504 went on checking a large draft's
    claims for minutes, holding a CPU that other requests needed.

    Raises:
        DeadlineError: the deadline set by ``run_within`` has passed.
    """
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise DeadlineError("the run's time limit passed; its remaining checks were not run")


def verify_claims(
    claims: list[Claim],
    sentences: dict[str, Sentence],
    *,
    judge: Judge | None = None,
    repair: bool = True,
    context: SourceContext | None = None,
    max_words: int | None = None,
) -> list[Claim]:
    """Give every claim a verdict; rejected claims stay in the list, marked, for reporting.

    Args:
        claims: unverified claims with citations.
        sentences: every citable sentence by id.
        judge: an LLM judge for layer 3; None runs the offline layers only.
        repair: try to repair failing claims instead of rejecting them outright.
        context: a SourceContext of ``sentences`` to share across calls (else one is made).
        max_words: the word budget the claims were written to (``--max-words``); a repair
            that would take the shown claims over it is rejected (``_within_budget``).

    Raises:
        InputError: ``claims`` is not a list of Claims or ``sentences`` not a dict of
        Sentences by id (a script's None or list failed as an AttributeError deep inside).
    """
    if not isinstance(claims, (list, tuple)) or not all(isinstance(c, Claim) for c in claims):
        raise InputError("verify_claims: claims must be a list of summarizer.Claim")
    first = next(iter(sentences.values()), None) if isinstance(sentences, dict) else None
    if not isinstance(sentences, dict) or not isinstance(first, Sentence | None):
        raise InputError(
            "verify_claims: sentences must be a dict of summarizer.Sentence by id "
            "(e.g. {s.id: s for a in articles for s in a.sentences})"
        )
    ctx = context or SourceContext(sentences.values())
    defer = judge is not None
    out = [verify_claim(c, sentences, ctx=ctx, repair=repair, defer=defer) for c in claims]
    if judge is not None:
        out = judge_unverifiable(out, sentences, judge, ctx, repair=repair)
    out = _drop_repeats(out)
    return out if max_words is None else _within_budget(out, max_words)


def verify_claim(
    claim: Claim,
    sentences: dict[str, Sentence],
    *,
    ctx: SourceContext | None = None,
    repair: bool = True,
    defer: bool = False,
    cited_words: bool = True,
    scope: AbstractSet[str] | None = None,
) -> Claim:
    """Check one claim (layers 1 and 2) and return a copy with its verdict, support and checks.

    ``defer``: an unverifiable claim is left "unverified", as written, for the judge to decide
    (``judge_unverifiable``) instead of being repaired or rejected here. ``cited_words``: the
    claim's verbs and adjectives must be in its cited text (``checks.check_words``); editors'
    drafts are not held to that (draft.py). ``scope``: the article ids whose figures count
    as stated elsewhere in the sources (None: every source's); a draft's claim is checked
    against the articles its evidence came from, not a whole folder of unrelated ones.

    Raises:
        DeadlineError: the run's deadline has passed (see ``run_within``).
    """
    check_deadline()
    structure = _check_structure(claim.citations, sentences)
    if not structure.passed:
        return claim.model_copy(
            update={"verdict": "rejected", "checks": [structure], "support": "contradicted"}
        )
    empty = asserts_nothing(claim.text)
    if empty is not None:  # nothing to check is nothing verified: never shown as a fact
        content = Check(name="content", passed=False, detail=empty)
        return claim.model_copy(
            update={
                "verdict": "rejected",
                "checks": [structure, content],
                "support": "unverifiable",
            }
        )
    if _is_exact_quote(claim):  # verbatim cited text is supported by definition
        quote = Check(name="quote", passed=True, detail="exact quote of a cited sentence")
        return claim.model_copy(
            update={
                "verdict": "accepted",
                "checks": [structure, quote],
                "support": "supported",
                "score": 1.0,
            }
        )
    ctx = ctx or SourceContext(sentences.values())
    evidence = _evidence(claim.citations, sentences, ctx, scope)
    checks = [structure, *run_checks(claim.text, evidence, cited_words=cited_words)]
    verdict = support(checks)
    # a bound the cited text's figure entails ("more than 200" on "250") is no missing word
    score = held_coverage(claim.text, evidence)[0]
    graded = {"checks": checks, "support": verdict, "score": score}
    if verdict == "supported":
        return claim.model_copy(update={"verdict": "accepted", **graded})
    if verdict == "unverifiable" and defer:
        return claim.model_copy(update={"verdict": "unverified", **graded})
    failed = [c for c in checks if not c.passed]
    fixed = _repair(claim, failed, evidence, sentences, ctx) if repair else None
    if fixed is not None:
        return fixed.model_copy(update={"support": verdict, "score": graded["score"]})
    return claim.model_copy(update={"verdict": "rejected", **graded})


# Words that may follow an attribution's reporting verb without adding a fact of their own
# ("officials told reporters on Tuesday").
_ATTRIBUTION_TAIL = frozenset(
    "reporters journalists media press the a an in on at to statement interview conference "
    "briefing news also earlier later today yesterday monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_NOUN_BEFORE = frozenset("the a an this that these those his her its their our my your".split())
# An attribution is a speaker and its verb: a few words, no clause break, no figure.
ATTRIBUTION_MAX_WORDS = 8


def asserts_nothing(text: str) -> str | None:
    """Why ``text`` states nothing that could be checked, or None when it states something.

    A claim with no content word (".", "N/A", "It is.") or one that only says who spoke
    ("The national emergency office said.", "According to officials.") would pass every check
    (nothing in it can be missing from the cited text), so it would be shown as a verified fact.
    """
    if not content_terms(text):
        return "no content words: the claim states nothing to check"
    if _attribution_only(text):
        return "only an attribution (who said it), not what was said"
    return None


def _attribution_only(text: str) -> bool:
    """``text`` is a reporting frame alone: "X said.", "officials told reporters",
    "according to the ministry"."""
    if re.search(r"[,;:\d]|\s[—–-]\s", text):
        return False
    ws = words(text)
    if not ws or len(ws) > ATTRIBUTION_MAX_WORDS:
        return False
    if ws[:2] == ["according", "to"]:
        return True
    while len(ws) > 1 and ws[-1] in _ATTRIBUTION_TAIL:
        ws.pop()
    if len(ws) < 2 or ws[-2] in _NOUN_BEFORE or ws[-2].endswith("'s"):
        return False  # "welcomed the talks": a noun, not a reporting verb
    return _reporting_verb(ws[-1:])


def _check_structure(citations: list[Citation], sentences: dict[str, Sentence]) -> Check:
    if not citations:
        return Check(name="structure", passed=False, detail="no citation")
    for cite in citations:
        source = sentences.get(cite.sentence_id)
        if source is None:
            return Check(name="structure", passed=False, detail=f"unknown id {cite.sentence_id}")
        if source.text != cite.text:
            return Check(name="structure", passed=False, detail=f"{cite.sentence_id} misquoted")
    return Check(name="structure", passed=True)


def _evidence(
    citations: list[Citation],
    sentences: dict[str, Sentence],
    ctx: SourceContext,
    scope: AbstractSet[str] | None = None,
) -> Evidence:
    cited = [sentences[c.sentence_id] for c in citations]
    preceding = {
        s.text: [
            ctx.by_position[(s.article_id, s.index - back)]
            for back in range(1, NAME_LOOKBACK + 1)
            if (s.article_id, s.index - back) in ctx.by_position
        ]
        for s in cited
    }
    return Evidence(
        [s.text for s in cited],
        known_names=ctx.known_names,
        corpus=ctx.corpus,
        preceding=preceding,
        source_quantities=lambda: ctx.quantities if scope is None else ctx.quantities_in(scope),
        cited_corpus=lambda: ctx.corpus_of({s.article_id for s in cited}),
    )


# -- repair ------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|as|which|who|although|though|with|after|before|amid|despite)?\s*"
    r"|;\s+|\s+[—–]\s+|\s+-\s+|:\s+"
)


def _repair(
    claim: Claim,
    failed: list[Check],
    evidence: Evidence,
    sentences: dict[str, Sentence],
    ctx: SourceContext,
) -> Claim | None:
    """Drop an unsupported clause, else quote the best supporting cited sentence, else None."""
    why = "; ".join(f"{c.name}: {c.detail}" for c in failed)
    structure = Check(name="structure", passed=True)
    for text in _clause_variants(claim.text):
        checks = [structure, *run_checks(text, evidence)]
        if all(c.passed for c in checks):
            note = Check(name="repair", passed=True, detail=f"dropped an unsupported part ({why})")
            return claim.model_copy(
                update={
                    "text": text,
                    "verdict": "repaired",
                    "checks": [*checks, note],
                    "original_text": claim.text,
                }
            )
    return _replace_by_source(claim, why, sentences, ctx)


_DANGLING = {"it", "he", "she", "they", "this", "that", "these", "his", "her", "its", "their"}


def _clause_variants(text: str) -> list[str]:
    """The claim with a leading or trailing clause dropped, longest first, if enough remains."""
    terms = set(content_terms(text))
    words_total = word_count(text)
    out: list[str] = []
    for m in _CLAUSE_BREAK.finditer(text):
        head = _end_sentence(text[: m.start()])
        tail = text[m.end() :].strip()
        if not _reporting_verb(words(head)[-1:]):  # "…, stating." lost what was stated
            out.append(head)
        # "it"/"he" would point at the dropped part; "Stating, ..." has lost its subject
        if not _DANGLING & set(words(tail)[:4]) and not _reporting_verb(words(tail)[:1]):
            out.append(tail[:1].upper() + tail[1:])
    keep: list[str] = []
    for cand in out:
        kept = set(content_terms(cand)) & terms
        if (
            word_count(cand) >= max(REPAIR_MIN_WORDS, REPAIR_KEEP_MIN * words_total)
            and len(kept) >= REPAIR_KEEP_MIN * len(terms)
            and cand.rstrip(".") != text.rstrip(".")
            and asserts_nothing(cand) is None  # "X said." is no repair of "Y, X said."
        ):
            keep.append(cand)
    return sorted(dict.fromkeys(keep), key=len, reverse=True)


_CLOSING_QUOTES = "\"'”’"


def _end_sentence(text: str) -> str:
    """``text`` (a claim cut before a clause) ended as a sentence: its trailing comma or
    colon gives way to a full stop, but an end mark already there, inside a closing quote or
    not, is kept (`an end."` not `an end.".`); a quote cut at its comma ends with a stop
    inside it (`"we will win,"` -> `"we will win."`)."""
    text = text.rstrip(" ,;:")
    inner = text.rstrip(_CLOSING_QUOTES)
    if inner.endswith((".", "!", "?")):
        return text
    if inner != text and inner.endswith((",", ";", ":")):
        return inner[:-1] + "." + text[len(inner) :]
    return text + "."


def _reporting_verb(ws: list[str]) -> bool:
    """The one word in ``ws`` is a reporting verb ("said", "stating", "adding")."""
    return len(ws) == 1 and is_reporting(ws[0])


def is_reporting(word: str, also: frozenset[str] = frozenset()) -> bool:
    """``word`` is a form of a reporting verb ("said", "announced"; ``also``: more bases)."""
    bases = word_readings(word).get("VERB", ())
    return any(base in REPORTING_BASES or base in also for base in bases)


def judge_unavailable(checks: Iterable[Check]) -> str | None:
    """The detail of a judge check that failed because the judge gave no verdict to read: its
    LLM did not answer, or every answer was unreadable (``judge.JUDGE_UNAVAILABLE``)."""
    return next(
        (c.detail for c in checks if c.name == "judge" and c.detail.startswith(JUDGE_UNAVAILABLE)),
        None,
    )


def _replace_by_source(
    claim: Claim, why: str, sentences: dict[str, Sentence], ctx: SourceContext
) -> Claim | None:
    """Quote the cited sentence that covers most of the claim, if it covers enough (as the
    claim's score counts it: a bound the sentence's figure entails is no missing word)."""
    best: tuple[float, Citation] | None = None
    for cite in claim.citations:
        score, _ = held_coverage(claim.text, Evidence([cite.text]))
        if best is None or score > best[0]:
            best = (score, cite)
    if best is None or best[0] < REPLACE_MIN or asserts_nothing(best[1].text) is not None:
        return None
    cite = best[1]
    evidence = _evidence([cite], sentences, ctx)
    checks = [Check(name="structure", passed=True), *run_checks(cite.text, evidence)]
    note = Check(
        name="repair",
        passed=True,
        detail=f"replaced by the cited sentence {cite.sentence_id}, quoted exactly ({why})",
    )
    return claim.model_copy(
        update={
            "text": cite.text,
            "citations": [cite],
            "verdict": "repaired",
            "checks": [*checks, note],
            "original_text": claim.text,
        }
    )


def _drop_repeats(claims: list[Claim]) -> list[Claim]:
    """A repair must not show the same sentence twice: a repeat is rejected instead."""
    seen: set[str] = set()
    out: list[Claim] = []
    for claim in claims:
        key = " ".join(claim.text.split()).lower()
        if claim.shown and key in seen:
            note = Check(name="repeat", passed=False, detail="repeats a claim already shown")
            claim = claim.model_copy(
                update={"verdict": "rejected", "checks": [*claim.checks, note]}
            )
        elif claim.shown:
            seen.add(key)
        out.append(claim)
    return out


def _within_budget(claims: list[Claim], max_words: int) -> list[Claim]:
    """The claims with each repair that does not fit ``max_words`` rejected, as the chain
    leaves out a claim that does not fit (``text.fit_words``): a repair quoting the cited
    sentence can be longer than the claim it replaces, and took a blurb over --max-words.
    The claims shown as written fit already; the repairs share what they leave, in order."""
    kept = sum(word_count(c.text) for c in claims if c.shown and c.verdict != "repaired")
    repaired = [n for n, c in enumerate(claims) if c.verdict == "repaired"]
    left = max(0, max_words - kept)
    fits = fit_words((claims[n].text for n in repaired), left)
    out = list(claims)
    for n, fit in zip(repaired, fits, strict=True):
        if not fit:
            note = Check(
                name="length",
                passed=False,
                detail=f"the repair has {word_count(out[n].text)} words, more than fit in the "
                f"{max_words}-word budget (--max-words) beside the other claims",
            )
            out[n] = out[n].model_copy(
                update={"verdict": "rejected", "checks": [*out[n].checks, note]}
            )
    return out


# -- layer 3: the LLM judge --------------------------------------------------------------------


def _is_exact_quote(claim: Claim) -> bool:
    """The claim is a cited sentence word for word, or that sentence less its wire dateline
    (which says where the copy was filed; the embedded engine leaves it out)."""
    text = claim.text.strip()
    return any(text in (c.text.strip(), strip_dateline(c.text.strip())) for c in claim.citations)


def judge_unverifiable(
    claims: list[Claim],
    sentences: dict[str, Sentence],
    judge: Judge,
    ctx: SourceContext,
    *,
    repair: bool,
) -> list[Claim]:
    """Let the judge decide the uncertain middle: claims left "unverified" by the offline
    layers, sent as written. A claim the judge supports (with a verbatim evidence span that
    carries the words the word checks found missing, see ``judge.evidence_gap``) is accepted;
    one it does not is repaired by quoting the cited sentence when possible, else rejected.
    Supported and contradicted claims never reach it."""
    todo = [i for i, c in enumerate(claims) if c.verdict == "unverified" and c.citations]
    names = ctx.known_names if todo else frozenset()
    items = [
        JudgeItem(
            claims[i].text,
            [c.text for c in claims[i].citations],
            names,
            unmatched=frozenset(
                c.name for c in claims[i].checks if c.name in WORD_CHECKS and not c.passed
            ),
        )
        for i in todo
    ]
    try:
        verdicts = run_sync(lambda: judge.judge(items)) if items else []
    except BackendError as exc:  # no answer is no support: the claims fail closed
        log.warning("the judge could not answer (%s); its claims fail closed", exc)
        failed = Check(name="judge", passed=False, detail=f"{JUDGE_UNAVAILABLE}: {exc}")
        verdicts = [failed] * len(items)
    out = list(claims)
    for i, check in zip(todo, verdicts, strict=True):
        claim = out[i]
        if check.passed:
            out[i] = claim.model_copy(
                update={"verdict": "accepted", "checks": [*claim.checks, check]}
            )
            continue
        fixed = None
        if repair:
            fixed = _replace_by_source(claim, f"judge: {check.detail}", sentences, ctx)
        if fixed is not None:
            out[i] = fixed.model_copy(
                update={
                    "checks": [*fixed.checks, check],
                    "support": claim.support,
                    "score": claim.score,
                }
            )
        else:
            out[i] = claim.model_copy(
                update={"verdict": "rejected", "checks": [*claim.checks, check]}
            )
    return out
