"""Two outlets telling one fact in their own words give one bullet, not two: a paraphrase
shares the shorter sentence's figures and key terms, not the longer one's. Own texts only."""

from __future__ import annotations

import pytest

from summarizer import extractive, make_article
from summarizer.models import Article


def _story(*paragraphs: str, file: str) -> Article:
    return make_article("\n\n".join(paragraphs), file=file)


POST = _story(
    "Brandt Glass to close Harwick works with loss of 380 jobs",
    "Brandt Glass is to close its Harwick bottle works by the end of the year with the loss of "
    "380 jobs, the company announced on Wednesday.",
    "The firm blamed soaring gas prices and falling demand from drinks makers for the decision.",
    "Production will move to its plant in Sunderland, where 40 new posts will be created.",
    "The local MP, Joan Carter, called the news a devastating blow for the town.",
    file="post.txt",
)
LEDGER = _story(
    "Harwick glassworks to shut",
    "More than 370 glassworkers will lose their jobs after Brandt Glass confirmed it would shut "
    "its bottle works in Harwick by December.",
    "The company said the site had lost £21 million over three years as energy bills soared.",
    "Union officials said members would be balloted on strike action next month.",
    file="ledger.txt",
)
GAZETTE = _story(
    "Gales close coast",
    "Gusts of up to 81mph battered the coast at Selby Bay on Thursday morning, forcing the "
    "cancellation of all ferry sailings to the Skerry Isles and closing the seafront.",
    "A fishing boat broke free of its mooring in the harbour and sank.",
    "Coastguards urged people to stay away from the cliffs until the wind drops.",
    file="gazette.txt",
)
MAIL = _story(
    "Storm hits Selby Bay",
    "A fishing boat sank in Selby Bay harbour and hundreds of homes lost power as gales swept "
    "the coast on Thursday.",
    "Ferry crossings to the Skerry Isles were cancelled.",
    "Forecasters said the wind would ease by the evening.",
    file="mail.txt",
)


def _texts(articles: list[Article], words: int) -> list[str]:
    return [c.text for c in extractive.summarize(articles, max_words=words)]


def _candidate(articles: list[Article], start: str) -> extractive._Candidate:
    cands = extractive._candidates(articles)
    return next(c for c in cands if c.sentence.text.startswith(start))


@pytest.mark.parametrize("words", [60, 90, 120])
def test_two_outlets_leads_of_one_fact_give_one_bullet(words: int) -> None:
    """Before: "... with the loss of 380 jobs ..." and "More than 370 glassworkers will lose
    their jobs ..." were both bullets of the story."""
    texts = _texts([POST, LEDGER], words)
    jobs = [t for t in texts if "380 jobs" in t or "370 glassworkers" in t]
    assert len(jobs) == 1, texts


@pytest.mark.parametrize("words", [60, 90, 120])
def test_a_short_sentence_told_inside_another_outlets_is_not_repeated(words: int) -> None:
    """Before: "Ferry crossings to the Skerry Isles were cancelled." beside the lead that says
    all ferry sailings to the Skerry Isles were cancelled."""
    texts = _texts([GAZETTE, MAIL], words)
    ferries = [t for t in texts if "ferry" in t.lower()]
    assert len(ferries) <= 1, texts


def test_restates_measures_figures_and_key_terms() -> None:
    pair = [POST, LEDGER]
    lead = _candidate(pair, "Brandt Glass is to close")
    other = _candidate(pair, "More than 370 glassworkers")
    assert extractive._redundant(other, lead) and extractive._redundant(lead, other)
    # another fact of the same story is kept: a new figure, another subject
    loss = _candidate(pair, "The company said the site had lost")
    moved = _candidate(pair, "Production will move")
    assert not extractive._redundant(loss, lead)
    assert not extractive._redundant(moved, other)


def test_a_figure_one_lacks_or_a_negation_is_another_fact() -> None:
    a = _story("X", "The council approved the new bridge over the river on 4 March.", file="a.txt")
    b = _story("Y", "Councillors approved the new river bridge on Tuesday evening.", file="b.txt")
    c = _story("Z", "The council has not approved the new bridge over the river.", file="c.txt")
    story = [a, b, c]
    first = _candidate(story, "The council approved")
    second = _candidate(story, "Councillors approved")
    never = _candidate(story, "The council has not")
    assert extractive._restates(second, first)  # nothing the first lacks
    assert not extractive._restates(first, second)  # "4 March": a figure the second lacks
    assert not extractive._restates(never, first) and not extractive._restates(first, never)
