"""Faithful claims two new checks (verify5) rejected on a blind tester's news set: a claim that
itself tells a correction, naming the wrong figure as the old one; and an owner read across
"of Dr. <Name>" as the title alone. Short passages written for these tests."""

from __future__ import annotations

from tests.verdicts import checked

BUDGET = (
    "The finance ministry said on Tuesday the levy would raise 4.2 billion crowns in its first "
    "year. An earlier version of the document, released Monday, had put the figure at 4.8 "
    "billion; the ministry said the earlier number was a calculation error."
)
APPEAL = (
    "A state appeals court on Thursday threw out the 2022 fraud conviction of Dr. Samuel Orrin "
    "and ordered a new trial. The judges split 2-1."
)


def test_a_claim_telling_the_correction_may_name_the_wrong_figure() -> None:
    claim = "The ministry corrected its estimate to 4.2 billion crowns from 4.8 billion."
    assert checked(claim, [BUDGET])[0] == "supported"
    assert checked("The levy will raise 4.8 billion crowns.", [BUDGET])[0] == "contradicted"


def test_an_owner_after_of_a_title_and_its_full_stop_is_the_name() -> None:
    claim = "An appeals court threw out Dr. Samuel Orrin's 2022 fraud conviction."
    assert checked(claim, [APPEAL]) == ("supported", "")
