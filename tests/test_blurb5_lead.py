"""Blurb round 5: an article's lead is its most important sentence. "US" in it ("developed by US
start-up Marlow Foods") was read as the first-person "us" and the lead held back as a writer's
aside, so the blurb opened on "The agency's panel said ...", never saying which agency or what
it decided; "US officials said ..." was read as a sentence leaning on an earlier one; and a
lead over 55 words was never quoted. A sentence that opens on a name's head ("The agency's",
after "The Food Standards Agency") leans on the sentence that named it. Hand-written texts; no
relative imports, so the file runs on its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import summarizer

LEAD = (
    "The Food Standards Agency on Tuesday approved the sale of cultivated salmon made by US "
    "start-up Marlow Foods, the first lab-grown fish cleared for British shops."
)
ARTICLE = (
    "Watchdog clears Marlow's lab-grown salmon\n\n"
    f"{LEAD}\n\n"
    "The agency's novel foods panel said the salmon was safe to eat and as nutritious as farmed "
    "fish, after reviewing two years of safety data submitted by the company.\n\n"
    "Cultivated salmon is grown from fish cells in steel tanks, without catching or farming any "
    "fish.\n\n"
    "Marlow said the product would reach supermarkets in London and Manchester by the spring, at "
    "about twice the price of farmed salmon.\n\n"
    "Some fishing groups said labels should make clear that the fish was grown in a tank.\n"
)


def _cli_blurb(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(path), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.split("\n\nSources:")[0]


@pytest.mark.parametrize("n", ["2", "3", "5"])
def test_a_lead_naming_a_us_company_opens_the_blurb(tmp_path: Path, n: str) -> None:
    """Before: the blurb opened "The agency's novel foods panel said ..." and never quoted
    the lead, at every length."""
    shown = _cli_blurb(tmp_path, ARTICLE, "--sentences", n)
    assert shown.startswith(LEAD), shown


def test_a_lead_of_us_officials_is_quoted() -> None:
    lead = (
        "US officials said on Thursday that the Harbor Line ferry would resume service next "
        "month after a two-year closure for repairs to its piers."
    )
    text = (
        f"{lead} The ferry carried about 4,000 passengers a day before it was closed in 2023. "
        "Repairs to the three piers cost $48 million, paid for by the state and the city. "
        "Tickets will cost $3.50, the same as before the closure."
    )
    shown = [c.text for c in summarizer.blurb(text, sentences=2).claims if c.shown]
    assert shown[0] == lead, shown


def test_a_long_lead_is_quoted_before_what_refers_back_to_it() -> None:
    """Before: a lead of more than 55 words was never a candidate, and the blurb opened on
    "The agency's novel foods panel said ...", which leans on it."""
    long_lead = (
        "The Food Standards Agency on Tuesday approved the sale of cultivated salmon made by the "
        "start-up Marlow Foods, the first lab-grown fish cleared for British shops, after a "
        "two-year review in which it consulted fishing groups, retailers, chefs and scientists "
        "from six universities on how the product should be labelled, priced and sold to "
        "shoppers across England, Wales and Northern Ireland."
    )
    text = ARTICLE.replace(LEAD, long_lead)
    shown = [c.text for c in summarizer.blurb(text, sentences=2).claims if c.shown]
    assert shown[0] == long_lead, shown
