"""Blurb round 3: a column or an analysis is labelled as one (``Article.kind``, ``Blurb.kind``,
shown before the blurb in every format), its section label and its writer's byline are neither
its title nor its sentences, and a news story stays unlabelled. Each text is made up for the
test; no relative imports, so the file runs on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarizer
from summarizer import make_article

COLUMN = (
    "Opinion | Transport\n"
    "\n"
    "The council's bus cuts will strand the people who need buses most\n"
    "\n"
    "Helen Marsh\n"
    "Columnist\n"
    "\n"
    "When Harlow Borough Council voted last week to withdraw its support for eleven evening "
    'bus routes, it called the decision a "difficult but necessary" saving of £2.4m a year. '
    "Difficult it may be. Necessary it is not.\n"
    "\n"
    "The routes in question run after 7pm, mostly from the town centre to the estates on its "
    "eastern edge. According to the council's own survey, four in ten of the people who use "
    "them have no car, and a third are travelling to or from a shift at the hospital, the "
    "distribution warehouses at Templefields or the supermarkets that stay open late.\n"
    "\n"
    "These are not people who can switch to working from home. They are the cleaners, "
    "porters, care workers and shelf-stackers who keep the town running after everyone else "
    "has gone home, and they are being told to find a taxi, a lift or another job.\n"
    "\n"
    "The council says the routes carry too few passengers to justify the subsidy, which works"
    " out at about £4.10 per journey. That figure deserves scrutiny. Ridership fell during "
    "the pandemic and has been recovering by around 8% a year since 2022, and the operator, "
    "Arriva, cut the frequency of three of the routes in 2023, which is hardly a way to win "
    "passengers back.\n"
    "\n"
    "There are alternatives. Essex County Council has set aside £6m from the government's bus"
    " improvement fund for exactly this kind of service, and Harlow has not yet applied for a"
    " share. A demand-responsive minibus, of the kind that Braintree introduced in 2021, "
    "would cost less than half as much per passenger.\n"
    "\n"
    "Councillors should pause the cuts until they have looked at both. Withdrawing a bus "
    "route takes a single vote; bringing one back takes years, and the people who lose it are"
    " the least able to complain.\n"
    "\n"
    "The cuts are due to take effect on 1 June. There is still time to think again.\n"
)

ANALYSIS = (
    "ANALYSIS: Why the Fed's pause leaves markets guessing about June\n"
    "\n"
    "By Daniel Okafor\n"
    "Chief Economics Correspondent\n"
    "\n"
    "WASHINGTON — The Federal Reserve held its benchmark interest rate steady at 4.25% to "
    "4.5% on Wednesday, as expected, but the statement that came with the decision left "
    "investors little wiser about when the next cut might come.\n"
    "\n"
    "The central bank said uncertainty about the economic outlook had increased, a phrase it "
    "added for the first time this year, and officials' median forecast still pointed to two "
    "quarter-point cuts before December.\n"
    "\n"
    "That combination looks deliberately noncommittal. It lets the Fed argue that it is "
    "reacting to data rather than to pressure from the White House, where President Trump has"
    " repeatedly demanded lower rates, while keeping a June move on the table if unemployment"
    " rises.\n"
    "\n"
    "Markets took the hint. Futures traders raised the probability of a June cut to about 60%"
    " from 45% before the announcement, according to CME Group data, and the yield on the "
    "two-year Treasury note fell 6 basis points to 3.91%.\n"
    "\n"
    "The harder question is what the Fed would need to see. Inflation has drifted down to "
    "2.8%, still above the 2% target, and tariffs announced since January are likely to push "
    "some prices up again over the summer.\n"
    "\n"
    'Fed chair Jerome Powell told reporters that the committee was "well positioned to wait '
    'for greater clarity" and that the tariffs\' effect on prices might prove "transitory", a '
    "word the Fed used and came to regret in 2021.\n"
    "\n"
    "For now, the message seems to be that the Fed is in no hurry, and that investors should "
    "not read too much into any single month of data. Whether that patience survives a weak "
    "jobs report is another matter.\n"
)

HEADLINE = "The council's bus cuts will strand the people who need buses most"


def test_a_column_is_labelled_opinion_and_its_section_and_byline_are_no_text() -> None:
    """Before: the title was "Opinion | Transport", the headline, "Helen Marsh" and
    "Columnist" were sentences, the headline led the blurb, and nothing said it was a column."""
    article = make_article(COLUMN)
    assert article.kind == "opinion"
    assert article.title == HEADLINE
    texts = [s.text for s in article.sentences]
    assert texts[0].startswith("When Harlow Borough Council voted")
    assert not any(t in ("Helen Marsh", "Columnist", HEADLINE) for t in texts)
    blurb = summarizer.blurb(COLUMN)
    assert blurb.kind == "opinion"
    shown = [c.text for c in blurb.claims if c.shown]
    assert shown and HEADLINE not in shown


def test_the_label_is_shown_in_every_format() -> None:
    blurb = summarizer.blurb(COLUMN, sentences=2)
    first = next(c.text for c in blurb.claims if c.shown)
    assert summarizer.render_blurb(blurb, "text").startswith(f"Opinion: {first}")
    assert summarizer.render_blurb(blurb, "md").startswith(f"*Opinion*\n\n**{HEADLINE}**")
    assert json.loads(summarizer.render_blurb(blurb, "json"))["kind"] == "opinion"
    html = summarizer.render_blurb(blurb, "html")
    assert '<p class="smz-kind">Opinion</p>' in html
    assert html.index("smz-kind") < html.index('class="smz-title"')


def test_an_analysis_is_labelled_analysis() -> None:
    """Before: "ANALYSIS:" was cut from the headline and nothing else said so."""
    blurb = summarizer.blurb(ANALYSIS)
    assert blurb.kind == "analysis"
    assert summarizer.render_blurb(blurb, "text").startswith("Analysis: The Federal Reserve")


LEAD = (
    "Harlow Borough Council voted last week to withdraw its support for eleven evening bus "
    "routes, a saving of £2.4m a year.\n\nFour in ten of the people who use them have no car, "
    "according to the council's own survey of passengers last autumn.\n"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"Comment: The bus cuts will strand those who need buses most\n\n{LEAD}", "opinion"),
        (f"OPINION | Council must keep the evening buses\n\n{LEAD}", "opinion"),
        (
            f"Bus cuts will strand those who need buses most\n\nBy Jo Lee, Guest columnist\n\n"
            f"{LEAD}",
            "opinion",
        ),
        (
            f"Bus cuts will strand those who need buses most\n\nJo Lee | Opinion contributor\n\n"
            f"{LEAD}",
            "opinion",
        ),
        (f"EDITORIAL\n\nBus cuts will strand those who need buses most\n\n{LEAD}", "opinion"),
        (f"Bus cuts leave evening workers stranded\n\nHARLOW — Analysis: {LEAD}", "analysis"),
    ],
)
def test_each_mark_of_a_column_or_an_analysis(text: str, kind: str) -> None:
    article = make_article(text)
    assert article.kind == kind
    assert not any(
        "Jo Lee" in s.text or s.text in ("EDITORIAL", "Columnist") for s in article.sentences
    )


def test_a_page_in_the_opinion_section_is_labelled(tmp_path: Path) -> None:
    """A page's section (its article:section metadata): trafilatura takes the byline out of
    the text, so the page says it only there."""
    paragraphs = "".join(f"<p>{p}</p>" for p in LEAD.split("\n\n"))
    page = tmp_path / "column.html"
    page.write_text(
        '<html><head><title>Bus cuts | The Gazette</title><meta property="article:section" '
        f'content="Opinion"></head><body><article><h1>Bus cuts will strand those who need '
        f"buses most</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    assert summarizer.blurb(page).kind == "opinion"


@pytest.mark.parametrize(
    "text",
    [
        f"Council cuts eleven evening bus routes\n\n{LEAD}",
        f"Council cuts eleven evening bus routes\n\nBy Jo Lee, Transport Correspondent\n\n{LEAD}",
        "Analysis of the data shows that bus use in Harlow has recovered by 8% a year since 2022, "
        "the council said.\n\nThe council still plans to cut eleven evening routes in June.\n",
    ],
)
def test_a_news_story_is_not_labelled(text: str) -> None:
    blurb = summarizer.blurb(text)
    assert blurb.kind is None
    assert not summarizer.render_blurb(blurb, "text").startswith(("Opinion", "Analysis:"))
