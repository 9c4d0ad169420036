"""The LLM entailment judge (the verifier's layer 3), written against ``LLMClient`` only.

Claims that passed the deterministic checks are sent in batches; each verdict must quote a
verbatim span of the claim's cited text, so a judge that invents evidence fails the claim
instead of passing it. The span must also be about the claim (``evidence_gap``): any verbatim
span ("the", an unrelated clause) would otherwise pass whatever the judge says; and when the
offline word checks found words of the claim missing from the cited text (``JudgeItem.
unmatched``), a span the claim repeats in full, adding those words, backs none of them: a judge
that agrees with anything would otherwise accept an invented clause. An answer that cannot be
read gets one re-ask stating the error, as the map/reduce chain's do (``llm.reask``, one rule
for both); one still unreadable fails its claims (fail closed) as a judge that did not answer
does (``JUDGE_UNAVAILABLE``): those claims were not judged, so ``verify`` exits 3, not 1 as for
a draft found wrong.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from .checks import (
    Evidence,
    check_words,
    claim_terms,
    coverage,
    facts_left_out,
    without_held_bounds,
)
from .llm.base import Completion, LLMClient, Message, aclose
from .llm.catalog import KNOWN_MODELS, ModelInfo, count_answer
from .llm.reask import Invalid, ask_with_reask
from .models import Check, Usage
from .prompts import load_prompt
from .structured import answer_schema, extract_json

BATCH_SIZE = 8  # claims per call: enough to amortise the instructions, small enough to stay sharp
CONCURRENCY = 4
MAX_TOKENS = 1500
# Content terms of the claim (or all it has, when fewer) that the evidence span must share: one
# word ("30", "Ukraine") is no evidence for a claim, two already tie something to something.
EVIDENCE_MIN_TERMS = 2
# A judge check's detail when the judge gave no verdict to read (its LLM did not answer, or its
# answer was not JSON of the expected shape) and its claims fail closed:
# ``verify.judge_unavailable`` finds it, so that ``verify`` can tell an outage from a wrong draft
JUDGE_UNAVAILABLE = "the judge could not answer"
UNREADABLE = (
    f"{JUDGE_UNAVAILABLE}: its answers were not JSON of the expected shape and could not be read"
)


class JudgeVerdict(BaseModel):
    """One verdict as the judge must give it."""

    id: int
    supported: bool
    evidence: str = ""
    reason: str = ""


class JudgeAnswer(BaseModel):
    verdicts: list[JudgeVerdict]


SCHEMA = answer_schema(JudgeAnswer)


@dataclass
class JudgeItem:
    """A claim to judge and the exact text of the sentences it cites."""

    claim: str
    cited: list[str]
    # words the sources capitalise mid-sentence (``SourceContext.known_names``): names of the
    # claim its evidence must mention, as the name check reads them
    known_names: AbstractSet[str] = frozenset()
    # the word checks ("verbs", "adjectives", "nouns") the claim failed offline: words of the
    # claim its cited text lacks, which the evidence span must then back (``evidence_gap``)
    unmatched: AbstractSet[str] = frozenset()


class Judge:
    """Batched entailment verdicts from any LLMClient."""

    def __init__(
        self,
        client: LLMClient,
        *,
        batch_size: int = BATCH_SIZE,
        prices: dict[str, ModelInfo] | None = None,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self.client = client
        self.concurrency = concurrency  # the writer's --concurrency (its client shares it)
        self.prices = prices if prices is not None else KNOWN_MODELS
        self.batch_size = batch_size
        self.prompt = load_prompt("judge")
        self.usage = Usage()

    async def judge(self, items: list[JudgeItem]) -> list[Check]:
        """One ``judge`` Check per item, in order."""
        semaphore = asyncio.Semaphore(self.concurrency)

        async def run(batch: list[JudgeItem]) -> list[Check]:
            async with semaphore:
                return await self._batch(batch)

        batches = [items[i : i + self.batch_size] for i in range(0, len(items), self.batch_size)]
        try:
            results = await asyncio.gather(*(run(b) for b in batches))
        finally:
            await aclose(self.client)  # connections belong to this event loop
        return [check for result in results for check in result]

    async def _batch(self, batch: list[JudgeItem]) -> list[Check]:
        blocks = []
        for n, item in enumerate(batch, 1):
            cited = "\n".join(f"  - {t}" for t in item.cited)
            blocks.append(f"Claim {n}: {item.claim}\nCited sentences:\n{cited}")
        messages = self.prompt.render(count=len(batch), items="\n\n".join(blocks))
        try:
            verdicts = await ask_with_reask(
                self.client, self._complete, messages, _read, what=f"judge ({len(batch)} claims)"
            )
        except Invalid as bad:  # unreadable twice: these claims were not judged
            return [_fail(bad.reason if isinstance(bad, NoText) else UNREADABLE)] * len(batch)
        by_id = {v.id: v for v in verdicts}
        return [_check(by_id.get(n), item) for n, item in enumerate(batch, 1)]

    async def _complete(self, messages: list[Message]) -> Completion:
        done = await self.client.complete(
            messages,
            schema=SCHEMA,
            max_tokens=MAX_TOKENS,
            temperature=0.0,
            prompt=self.prompt.label,
        )
        count_answer(self.usage, self.client.model, done, self.prices)
        return done


class NoText(Invalid):
    """An answer without text (a refusal, the content filter): its claims fail with that
    reason, not as unreadable."""


def _read(done: Completion) -> list[JudgeVerdict]:
    """The verdicts of an answer, or ``Invalid`` with why it cannot be read (said to the
    model in the re-ask)."""
    if done.no_text:
        raise NoText(done.no_text)
    try:
        data = extract_json(done.text)
    except ValueError as exc:
        raise Invalid(str(exc)) from None
    try:
        return JudgeAnswer.model_validate(data).verdicts
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise Invalid(f"the JSON does not match the shape: {where}: {first['msg']}") from None


def _squash(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).strip(" .,;:").lower()


def _check(verdict: JudgeVerdict | None, item: JudgeItem) -> Check:
    if verdict is None:
        return _fail("the judge gave no verdict for this claim")
    if not verdict.supported:
        return _fail(f"judge: not supported ({verdict.reason or 'no reason given'})")
    span = _squash(verdict.evidence)
    sources = [t for t in item.cited if span and span in _squash(t)]
    if not sources:
        return _fail(f"judge's evidence span is not in the cited text: {verdict.evidence!r}")
    gap = evidence_gap(verdict.evidence, item, sources)
    if gap is not None:
        return _fail(gap)
    return Check(name="judge", passed=True, detail=f"evidence: {verdict.evidence}")


def evidence_gap(evidence: str, item: JudgeItem, sources: list[str]) -> str | None:
    """Why a verbatim evidence span (found in the cited ``sources``) does not back the claim,
    or None when it does. The span must share EVIDENCE_MIN_TERMS of the claim's content terms
    (as coverage counts them: stems and listed synonyms, light words left out), and state
    every name and number of the claim that its cited sentence states. When the offline word
    checks found words of the claim missing from the cited text (``item.unmatched``), the
    span must not be one the claim repeats word for word (as those checks match words:
    forms, synonyms, related words) with the missing words added (``_words_uncovered``)."""
    span = Evidence([evidence])
    claim = without_held_bounds(item.claim, span)  # "more than 200" on "250": no missing word
    terms = claim_terms(claim)
    if not terms:
        return "the claim has no content words for the judge's evidence to match"
    _, missing = coverage(claim, span)
    shared, need = len(terms) - len(missing), min(EVIDENCE_MIN_TERMS, len(terms))
    if shared < need:
        return (
            f"judge's evidence is not about the claim: {evidence!r} shares {shared} of its "
            f"content words ({need} needed)"
        )
    # the span may be in several cited sentences: it must carry what one of them states
    left_out = min(
        (facts_left_out(item.claim, s, evidence, item.known_names) for s in sources), key=len
    )
    if left_out:
        return "judge's evidence does not mention " + ", ".join(f"'{f}'" for f in left_out)
    return _words_uncovered(evidence, item)


def _words_uncovered(evidence: str, item: JudgeItem) -> str | None:
    """Why the span does not back the words the offline word checks found missing from the
    cited text (the checks of ``item.unmatched``, run again on the span), or None.

    A span is cited text, so it lacks those words too; what it can have is words the claim
    says only in them ("accepted a ceasefire" for "agreed to a truce"): whether they restate
    it is the judge's to say. When the rest of the claim still says every word of the span
    (the word check run from span to claim), the missing words restate nothing in it: the
    claim repeats its evidence and adds them ("…, a move critics called reckless"), and a
    judge that calls that supported is overruled.
    """
    if not item.unmatched:
        return None
    span = Evidence([evidence])
    missing = [
        word
        for c in check_words(without_held_bounds(item.claim, span), span)
        if c.name in item.unmatched and not c.passed
        for word in c.detail.removeprefix("not in the cited text: ").split(", ")
    ]
    if not missing:
        return None
    rest = item.claim
    for word in missing:
        rest = re.sub(rf"\b{re.escape(word)}\b", " ", rest, flags=re.IGNORECASE)
    if not all(c.passed for c in check_words(evidence, Evidence([rest]))):
        return None  # the missing words say something of the span's in other words
    return (
        "judge's evidence does not cover the claim's words missing from the cited text: "
        f"{', '.join(missing)} (the claim repeats its evidence and adds them)"
    )


def _fail(detail: str) -> Check:
    return Check(name="judge", passed=False, detail=detail)
