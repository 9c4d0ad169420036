"""Blurb round 3: a press release's chrome is cut at ingest: its "FOR IMMEDIATE RELEASE" header
(it was the title), its end mark ("-ends-", "###") and what follows it (notes to editors, the
"About <Company>" profile, the media contact), a contact block wherever it stands, and lines
that only give a phone number or an address. Hand-written releases; no relative imports."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import make_article

RELEASE = (
    "FOR IMMEDIATE RELEASE\n"
    "\n"
    "Northwind Energy to build 200MW battery storage site at former Ferrybridge power station\n"
    "\n"
    "LEEDS, 3 March 2025 – Northwind Energy today announced that it will build a 200-megawatt"
    " battery storage facility on the site of the former Ferrybridge C power station in West "
    "Yorkshire, at a cost of £140m.\n"
    "\n"
    "Construction is due to begin in June and the site is expected to start operating in late"
    " 2026. It will be able to store enough electricity to supply around 300,000 homes for "
    "two hours, and will create 45 permanent jobs and up to 250 during construction.\n"
    "\n"
    "The project was granted planning permission by Wakefield Council in January. Northwind "
    "said it had signed a 15-year agreement with National Grid to provide balancing services "
    "from the site.\n"
    "\n"
    '"Ferrybridge powered the region for sixty years, and we are proud to give it a new role '
    'in a cleaner grid," said Amelia Grant, chief executive of Northwind Energy.\n'
    "\n"
    "-ends-\n"
    "\n"
    "Notes to editors\n"
    "\n"
    "About Northwind Energy\n"
    "Northwind Energy is one of the UK's leading independent developers of renewable energy "
    "and storage, with 1.2GW of projects in operation across 14 sites. Founded in 2009, it "
    "employs 320 people and is headquartered in Leeds.\n"
    "\n"
    "Media contact:\n"
    "Tom Avery, Head of Communications\n"
    "+44 (0)113 496 0123\n"
    "press@northwind-energy.example.com\n"
    "www.northwind-energy.example.com\n"
    "\n"
    "###\n"
)

HEADLINE = (
    "Northwind Energy to build 200MW battery storage site at former Ferrybridge power station"
)
CHROME = (
    "immediate",
    "ends",
    "editors",
    "About Northwind",
    "one of the UK's leading",
    "Founded in 2009",
    "Media contact",
    "Tom Avery",
    "+44",
    "press@",
    "www.",
    "###",
)


def _texts(text: str) -> list[str]:
    return [s.text for s in make_article(text).sentences]


def test_a_press_releases_header_and_closing_chrome_are_cut() -> None:
    """Before: the title was "For immediate release", and "-ends-", "Notes to editors", the
    company profile, the contact's name, phone and e-mail and "###" were sentences."""
    article = make_article(RELEASE)
    assert article.title == HEADLINE
    texts = [s.text for s in article.sentences]
    assert texts[-1].startswith('"Ferrybridge powered the region')
    assert not any(word in t for t in texts for word in CHROME)


BODY = RELEASE.split("\n\n-ends-")[0].replace("FOR IMMEDIATE RELEASE\n\n", "")
PROFILE = (
    "About Northwind Energy\nNorthwind Energy is one of the UK's leading independent developers "
    "of renewable energy and storage. Founded in 2009, it employs 320 people.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # the profile and the contact before the end mark
        f"{BODY}\n\n{PROFILE}\nPress enquiries: Tom Avery\nTel: +44 (0)113 496 0123\n\n###\n",
        # the contact at the top, under an embargo line
        "EMBARGOED UNTIL 00:01 GMT 3 March 2025\n\nMedia contact: Tom Avery, Head of "
        f"Communications\npress@northwind-energy.example.com | +44 (0)113 496 0123\n\n{BODY}\n\n"
        "- ENDS -\n\nNotes to Editors:\nNorthwind Energy was founded in 2009.\n",
        # no end mark: the profile is the text's last part
        f"Press release\n\n{BODY}\n\n{PROFILE}",
    ],
)
def test_release_chrome_in_other_places(text: str) -> None:
    article = make_article(text)
    assert article.title == HEADLINE
    texts = [s.text for s in article.sentences]
    assert texts[0].startswith("LEEDS, 3 March 2025")
    assert texts[-1].startswith('"Ferrybridge powered the region')
    assert not any(word in t for t in texts for word in CHROME)


def test_a_release_blurb_says_the_news() -> None:
    shown = [c.text for c in summarizer.blurb(RELEASE, sentences=4).claims if c.shown]
    assert shown[0].startswith("Northwind Energy today announced")
    assert not any(word in t for t in shown for word in CHROME)


def test_a_news_story_about_a_company_keeps_its_lines() -> None:
    """A line that starts "About" and says something, an e-mail inside a sentence and a figure
    are the story's."""
    text = (
        "Battery site approved at Ferrybridge\n\n"
        "About 300 people attended the meeting at which Wakefield Council approved the plan.\n\n"
        "Residents can send comments to planning@wakefield.example.gov.uk until 14 March, "
        "the council said.\n"
    )
    assert len(_texts(text)) == 2


def test_an_about_heading_or_ends_line_in_a_news_story_cuts_nothing() -> None:
    """Only a press release ends at "About <Company>": a feature's subheading "About the
    Study" and a line reading "ends" are the article's own (review of blurb3)."""
    text = (
        "Walking linked to lower dementia risk\n\n"
        "Adults who walked every day had a lower risk of dementia, researchers said on Monday.\n\n"
        "About the Study\n\n"
        "The team followed 78,000 adults in Denmark for an average of seven years.\n\n"
        "ends\n\n"
        "Of them, 866 developed dementia during the study period, the researchers reported."
    )
    texts = _texts(text)
    assert texts[-1].startswith("Of them, 866 developed dementia")
    assert any(t.startswith("The team followed 78,000") for t in texts)
