"""A draft checked against a folder of unrelated articles: evidence for one claim is not
assembled from other stories, so their figures and words do not fill its gaps."""

from __future__ import annotations

import pytest

import summarizer
from tests.verdicts import checked

ARTICLES = {
    "court.txt": "Orrin jailed for fraud\n\nA former bank manager, Paul Orrin, was jailed on "
    "Tuesday for stealing from elderly customers. He was sentenced to seven years in prison. "
    "The judge said Orrin had abused the trust of vulnerable people.",
    "election.txt": "Mendes wins presidential runoff\n\nCarla Mendes won the presidential "
    "runoff on Sunday with 54 percent of the vote. Mendes will be sworn in on Jan. 2. Her "
    "opponent conceded defeat late on Sunday night.",
    "museum.txt": "Museum unveils royal collection\n\nThe city museum unveiled a collection of "
    "royal jewellery on Friday. The display includes 12 crowns and dozens of necklaces. "
    "Curators spent five months restoring the pieces.",
    "fire.txt": "Apartment fire kills several\n\nA fire swept through an apartment block in "
    "the capital overnight. Three people were killed, officials said. Firefighters rescued 20 "
    "residents from the upper floors.",
    "weather.txt": "Storm brings flooding\n\nHeavy rain flooded roads across the region on "
    "Monday. Children were sent home early from several schools. Ten schools were closed "
    "because of the rain.",
}


FOLDER = list(ARTICLES.values())


@pytest.mark.parametrize(
    "claim",
    [
        "Mendes will be sworn in on Jan. 12.",
        "Orrin was sentenced to ten years in prison.",
        "Five of the dead were children, officials said.",
    ],
)
def test_other_articles_figures_are_no_support(claim: str) -> None:
    verdict, why = checked(claim, FOLDER)
    assert verdict != "supported", why


def test_wrong_date_contradicted_in_folder_as_alone() -> None:
    """A figure found only in an unrelated article is not "stated elsewhere in the sources"."""
    alone = checked("Mendes will be sworn in on Jan. 12.", [ARTICLES["election.txt"]])
    among = checked("Mendes will be sworn in on Jan. 12.", FOLDER)
    assert alone[0] == among[0] == "contradicted", (alone, among)


def test_facts_of_one_story_still_join() -> None:
    verdict, why = checked(
        "Carla Mendes won the runoff with 54 percent of the vote, and her opponent conceded "
        "defeat.",
        FOLDER,
    )
    assert verdict == "supported", why


def test_one_shared_word_is_no_shared_subject() -> None:
    """'people' alone does not make the fire story's sentence evidence for a court story."""
    report = summarizer.verify(
        "Orrin, who abused the trust of vulnerable people, was sentenced to seven years in prison.",
        FOLDER,
        judge=False,
    )
    found = report.claims[0]
    assert found.supported, found.reasons
    assert all("killed" not in e.text for e in found.evidence), found.evidence
