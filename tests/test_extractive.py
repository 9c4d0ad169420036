"""The embedded extractive engine: exact quotes, precise citations, budgets, determinism."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import summarizer
from summarizer import extractive
from summarizer.ingest import make_article
from summarizer.models import Article, Claim

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def fixtures() -> list[Article]:
    return summarizer.load_articles(ARTICLES)


def _article(text: str, name: str) -> Article:
    return summarizer.make_article(text, file=name)


def _cited_articles(claim: Claim) -> set[str]:
    return {c.article_id for c in claim.citations}


def _words(claims: list[Claim]) -> int:
    return sum(len(c.text.split()) for c in claims)


# Three reports of the same rate decision, worded differently, each with unrelated context.
RATE_A = (
    "The Central Bank of Freedonia raised its benchmark interest rate to 4.5 percent on "
    "Tuesday, citing stubborn inflation."
)
RATE_B = (
    "On Tuesday the Central Bank of Freedonia raised its benchmark interest rate to 4.5 percent."
)
RATE_C = (
    "Freedonia's central bank raised the benchmark interest rate to 4.5 percent on Tuesday "
    "amid stubborn inflation."
)


def _rate_story() -> list[Article]:
    return [
        _article(
            f"{RATE_A} Economists had expected a smaller increase after a weak quarter for "
            "exporters. Mortgage lenders said they would pass the increase on to borrowers "
            "within weeks.",
            "a.txt",
        ),
        _article(
            f"{RATE_B} The governor told reporters that further increases remained possible "
            "this year. Shares of Freedonian banks rose sharply in afternoon trading after "
            "the announcement.",
            "b.txt",
        ),
        _article(
            f"{RATE_C} The opposition criticised the decision as a blow to small businesses "
            "and farmers. Farm groups plan protests in the capital next month over credit "
            "costs and fuel prices.",
            "c.txt",
        ),
    ]


def test_same_input_same_output(fixtures: list[Article]) -> None:
    first = extractive.summarize(fixtures, max_words=250)
    again = extractive.summarize(summarizer.load_articles(ARTICLES), max_words=250)
    assert [c.model_dump() for c in first] == [c.model_dump() for c in again]
    assert first


@pytest.mark.parametrize("budget", [30, 60, 120, 250, 400])
def test_word_budget_is_never_exceeded(fixtures: list[Article], budget: int) -> None:
    claims = extractive.summarize(fixtures, max_words=budget)
    # the best sentence has 32 words and no clause to cut: at 30, nothing, not a lesser one
    assert claims or budget < 32
    assert _words(claims) <= budget


def test_word_budget_is_mostly_used(fixtures: list[Article]) -> None:
    # Filling the budget is what the reader asked for; a few words may be left over.
    assert _words(extractive.summarize(fixtures, max_words=250)) >= 200


@pytest.mark.parametrize("n", [1, 2, 3, 6])
def test_sentence_count_is_exact(fixtures: list[Article], n: int) -> None:
    assert len(extractive.summarize(fixtures, sentences=n)) == n
    assert len(extractive.summarize(fixtures[:1], sentences=n)) == n


def test_each_claim_quotes_a_cited_sentence_exactly(fixtures: list[Article]) -> None:
    by_id = {s.id: s for a in fixtures for s in a.sentences}
    for claim in extractive.summarize(fixtures, max_words=250):
        assert claim.citations[0].text == claim.text
        assert by_id[claim.citations[0].sentence_id].text == claim.text
        for cite in claim.citations:
            assert by_id[cite.sentence_id].text == cite.text
            assert cite.article_id == by_id[cite.sentence_id].article_id


def test_a_fact_repeated_across_articles_cites_all_of_them() -> None:
    story = _rate_story()
    claims = extractive.summarize(story, max_words=60)
    rate = [c for c in claims if c.text in (RATE_A, RATE_B, RATE_C)]
    assert len(rate) == 1, "the repeated fact is said once"
    assert _cited_articles(rate[0]) == {a.id for a in story}
    assert {c.text for c in rate[0].citations} == {RATE_A, RATE_B, RATE_C}


def test_an_unrelated_sentence_sharing_names_is_not_cited() -> None:
    call = (
        "On March 16, 2025, President Donald Trump said he would speak with Russian "
        "President Vladimir Putin about ending the war in Ukraine."
    )
    summit = (
        "The summit in Anchorage between Russian President Vladimir Putin and President "
        "Donald Trump on the war in Ukraine ended without a formal agreement."
    )
    story = [
        _article(f"{call} Aides expected the call to last about an hour.", "call.txt"),
        _article(f"{summit} Both leaders called the talks productive.", "summit.txt"),
    ]
    claims = extractive.summarize(story, max_words=200)
    assert {c.text for c in claims} >= {call, summit}
    for claim in claims:
        assert len(_cited_articles(claim)) == 1, claim.text


def test_fixture_claim_about_the_march_16_call_cites_only_its_article(
    fixtures: list[Article],
) -> None:
    claims = extractive.summarize(fixtures, max_words=250)
    march = [c for c in claims if c.text.startswith("On March 16, 2025")]
    assert march, "the March 16 call is in the briefing"
    assert len(_cited_articles(march[0])) == 1  # the Alaska-summit article says something else


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        (
            "The government agreed to the ceasefire proposal put forward by the mediators.",
            "The government did not agree to the ceasefire proposal put forward by the mediators.",
        ),
        (
            "The flooding in the northern province killed 12 people and destroyed 300 homes.",
            "The flooding in the northern province killed 40 people and destroyed 300 homes.",
        ),
        (
            "Officials said the oil tanker was seized by the navy inside Iraqi waters on Friday.",
            "Officials said the oil tanker was seized by the navy inside Iranian waters on Friday.",
        ),
    ],
)
def test_a_contradicting_sentence_is_not_cited(claim: str, other: str) -> None:
    story = [_article(claim, "one.txt"), _article(other, "two.txt")]
    claims = extractive.summarize(story, max_words=100)
    assert claims
    for c in claims:
        assert len(c.citations) == 1, c.text


def test_single_article_blurb_keeps_article_order(fixtures: list[Article]) -> None:
    article = fixtures[2]
    claims = extractive.summarize([article], sentences=3)
    assert len(claims) == 3
    order = [
        article.sentences.index(next(s for s in article.sentences if s.text == c.text))
        for c in claims
    ]
    assert order == sorted(order)
    assert all(_cited_articles(c) == {article.id} for c in claims)


def test_empty_and_one_sentence_inputs() -> None:
    assert extractive.summarize([], max_words=100) == []
    assert extractive.summarize([Article(id="empty")], sentences=3) == []
    one = _article("Short notice.", "one.txt")
    claims = extractive.summarize([one], sentences=3)
    assert [c.text for c in claims] == ["Short notice."]
    assert extractive.summarize([one], max_words=1) == []  # the budget wins
    assert extractive.summarize([one], sentences=0) == []


def test_context_dependent_sentences_come_with_their_predecessor(
    fixtures: list[Article],
) -> None:
    by_text = {s.text: (a.id, s.index) for a in fixtures for s in a.sentences}
    for budget in (100, 250):
        claims = extractive.summarize(fixtures, max_words=budget)
        picked = {by_text[c.text] for c in claims}
        for claim in claims:
            assert not re.fullmatch(r"\(.*\)", claim.text), "attribution fragment"
            if extractive._dependent(claim.text):
                article_id, index = by_text[claim.text]
                assert (article_id, index - 1) in picked, claim.text


def test_a_self_contained_sentence_beats_a_pronoun_led_one() -> None:
    # Without the penalty the "This closure ..." sentence wins: it covers the most shared words.
    story = [
        _article(
            "This closure cost local fishermen in Port Elm an estimated two million dollars in "
            "lost catches and boat repairs.",
            "a.txt",
        ),
        _article(
            "Local fishermen lost an estimated two million dollars during the storms.", "b.txt"
        ),
        _article(
            "Officials in Port Elm said boat repairs and lost catches would take months to "
            "recover.",
            "c.txt",
        ),
    ]
    texts = [c.text for c in extractive.summarize(story, max_words=20)]
    assert len(texts) == 1
    assert not texts[0].startswith("This")


def test_articles_stay_grouped_in_reading_order(fixtures: list[Article]) -> None:
    claims = extractive.summarize(fixtures, max_words=250)
    index = {s.id: s.index for a in fixtures for s in a.sentences}
    seen: list[str] = []
    for claim in claims:
        article_id = claim.citations[0].article_id
        if not seen or seen[-1] != article_id:
            assert article_id not in seen, "an article's sentences are kept together"
            seen.append(article_id)
    for article_id in seen:
        own = [
            index[c.citations[0].sentence_id]
            for c in claims
            if c.citations[0].article_id == article_id
        ]
        assert own == sorted(own)


def test_briefing_uses_the_engine_and_all_claims_verify() -> None:
    result = summarizer.briefing(ARTICLES, max_words=150, backend="extractive")
    assert result.claims
    assert all(c.shown for c in result.claims)
    assert sum(len(c.text.split()) for c in result.claims) <= 150


def test_a_wire_dateline_is_not_part_of_the_summary() -> None:
    text = (
        "NEW YORK (AP) -- After vowing to combat fraud, the online auction service eBay finds "
        "itself the subject of a fraud investigation by the city's consumer affairs department. "
        "The department said it had received dozens of complaints from buyers in the city. "
        "EBay said it would cooperate fully with the investigation and review its rules."
    )
    result = summarizer.blurb(text, sentences=3)
    first = next(c for c in result.claims if c.citations[0].text.startswith("NEW YORK"))
    assert first.text.startswith("After vowing to combat fraud")
    assert first.citations[0].text.endswith(first.text)  # the rest of the cited sentence
    assert all(c.verdict == "accepted" for c in result.claims)
    # still a quote for the verifier: no checks, no shared context built (at 10,000 articles
    # that context took 3.7 s and 270 MB when the dateline-less sentence went through them)
    assert [c.name for c in first.checks] == ["structure", "quote"]


def _plain_greedy(
    cands: list[extractive._Candidate], weights: dict[extractive.Concept, float], budget: int
) -> list[extractive._Candidate]:
    """The greedy choice as first written: every candidate rescored at every step (the oracle
    for the lazy version, which gave the same choice but took minutes on long repetitive text)."""
    covered: set[extractive.Concept] = set()
    picked: set[tuple[int, int]] = set()
    chosen: list[extractive._Candidate] = []
    used = 0
    remaining = list(range(len(cands)))
    while remaining:
        remaining = [i for i in remaining if used + cands[i].words <= budget]
        best, best_score = -1, 0.0
        for i in remaining:
            c = cands[i]
            gain = sum(weights.get(x, 0.0) for x in set(c.concepts) - covered)
            score = gain / c.words**extractive.LENGTH_EXPONENT
            score *= 1 + extractive.POSITION_BONUS / (1 + c.rank)
            if c.leans_on is not None and (c.article_pos, c.leans_on) not in picked:
                score *= extractive.DEPENDENT_PENALTY
            if score > best_score + 1e-12:
                best, best_score = i, score
        if best < 0:
            break
        remaining.remove(best)
        pick = cands[best]
        if any(extractive._redundant(pick, x) for x in chosen):
            continue
        chosen.append(pick)
        covered.update(pick.concepts)
        picked.add((pick.article_pos, pick.sentence.index))
        used += pick.words
    return chosen


@pytest.mark.parametrize("budget", [60, 250, 1000])
def test_lazy_greedy_chooses_as_the_plain_greedy(budget: int) -> None:
    """The lazy greedy (a long repetitive article: 11.8 s -> 1.9 s at 10,000 sentences, over
    120 s -> 7.9 s at 40,000) must choose exactly what rescoring everything chose."""
    vocab = "city council vote budget plan school bridge river money mayor".split()
    rng = random.Random(3)
    repetitive = "\n\n".join(
        " ".join(rng.choice(vocab).capitalize() if k == 0 else rng.choice(vocab) for k in range(12))
        + "."
        for _ in range(300)
    )
    for articles in (summarizer.load_articles(ARTICLES), [summarizer.make_article(repetitive)]):
        cands = [c for c in extractive._candidates(articles) if extractive._usable(c)]
        weights = extractive._concept_weights(cands, multi=len(articles) > 1)
        lazy = extractive._greedy(cands, weights, max_words=budget, n_sentences=None)
        assert lazy, "nothing chosen"
        assert [c.sentence.id for c in lazy] == [
            c.sentence.id for c in _plain_greedy(cands, weights, budget)
        ]


def test_a_short_lead_is_quoted_and_short_sentences_fill_what_was_asked() -> None:
    """A short first sentence that is a statement says most ("resigned"); short sentences also
    fill the count asked for when too few long ones exist. Furniture stays out: a dateline or
    byline has no lower-case word."""
    lead = make_article(
        "Mayor Ana Ruiz resigned on Monday.\n\nThe city council will meet on Thursday evening "
        "to choose a successor for the post. The vote could be close. Nobody knows why she left."
    )
    texts = [c.text for c in extractive.summarize([lead], sentences=2)]
    assert texts[0] == "Mayor Ana Ruiz resigned on Monday."
    quake = make_article(
        "A magnitude 6.8 earthquake struck northern Chile on Wednesday, damaging buildings in "
        "the port city of Iquique. No deaths were reported, the national emergency office said. "
        "Officials briefly issued a tsunami warning before lifting it. Power was cut to about "
        "20,000 homes."
    )
    assert len(extractive.summarize([quake], sentences=4)) == 4
    dated = make_article(
        "Saturday, January 8, 2005.\n\nA magnitude 6.8 earthquake struck northern Chile on "
        "Wednesday, damaging buildings in the port city of Iquique. Officials briefly issued a "
        "tsunami warning before lifting it after an hour."
    )
    assert all("2005" not in c.text for c in extractive.summarize([dated], sentences=2))


# Hand-written for this behaviour: the union's sentence ends on "the closures", which only the
# first sentence says ("close 40 shops"); the sentence just before it is about profit.
CLOSURES = (
    "Halden Stores will close 40 shops as part of 900 job cuts announced on Monday, the "
    "retailer said in a statement to the stock exchange. Most of the shops are in market towns "
    "in the north of the country, where rents have risen fastest. Halden said staff at the "
    "shops would be offered jobs in its warehouses where possible. The company reported a 10 "
    "percent fall in annual profit on Monday, blaming weak sales of clothing and homeware. The "
    "shop workers' union said it would fight the closures. Halden's shares rose 3 percent."
)


def test_a_sentence_ending_on_a_bare_the_closures_leans_on_the_one_that_said_them() -> None:
    """A union's "would fight the closures" was shown with no closures before it
    (tester day 4, the Corvane story): a bare definite noun of something done or said, at the
    end, means the sentence that said it, found by the word's first letters ("close 40
    shops"), not the sentence before it (profit). A summary quotes it only after that one."""
    article = make_article(CLOSURES, file="halden")
    cands = {c.sentence.index: c for c in extractive._candidates([article])}
    union = next(i for i, c in cands.items() if "fight the closures" in c.sentence.text)
    assert cands[union].leans_on == 0
    for n in range(1, 7):
        texts = [c.text for c in extractive.summarize([article], sentences=n)]
        fight = [k for k, t in enumerate(texts) if "fight the closures" in t]
        if fight:
            assert any("close 40 shops" in t for t in texts[: fight[0]])


# Hand-written: an interview whose first question states a premise, and another outlet's
# report that states it as the critics' view.
INTERVIEW = (
    "Ten minutes with the new head teacher\n\n"
    "Priya Nair became head of Castle Hill Academy in September, after the school was rated "
    "inadequate by Ofsted.\n\n"
    "**Critics say a third of lessons at the school were poorly taught. What did the "
    "inspectors find?**\n\n"
    "Attendance had fallen to 86% by last summer. The school has since hired eleven new "
    "teachers.\n\n"
    "**Is attendance improving?**\n\n"
    "Attendance reached 93% this term, the highest since 2019.\n"
)
SCHOOL_REPORT = (
    "Castle Hill Academy inspection\n\n"
    "Critics say a third of lessons at the school were poorly taught, inspectors found. The "
    "academy was rated inadequate by Ofsted last year. It has since hired eleven new teachers."
)


def test_an_interviewers_question_is_no_corroboration() -> None:
    """The report's "Critics say a third of lessons ... were poorly taught" cited the
    interview's question that puts the same premise as a second source: a question is what
    the interviewer put to someone, not what either outlet reports as known."""
    interview = make_article(INTERVIEW, file="interview.md")
    report = make_article(SCHOOL_REPORT, file="report.md")
    claims = extractive.summarize([report, interview], sentences=6)
    critics = [c for c in claims if c.text.startswith("Critics say")]
    assert critics
    for claim in claims:
        assert not any(c.text.rstrip().endswith("?") for c in claim.citations), claim
