"""A draft sentence that joins a lead's figures to a later sentence's figure gets both as
evidence, even when other outlets' leads repeat more of its words."""

from __future__ import annotations

import summarizer

A = (
    "Walking linked to lower dementia risk\n\nResearchers followed more than 78,000 adults for "
    "an average of seven years, a new study of dementia shows. Those who walked about 9,800 "
    "steps a day had half the risk. Over the study period, 866 of the participants in the UK "
    "Biobank cohort, who had worn activity trackers on their wrists for a week, developed "
    "dementia."
)
B = (
    "Steps and dementia\n\nScientists followed over 78,000 adults for an average of seven years "
    "to study dementia. Walking briskly gave extra benefit."
)
C = (
    "More steps, less dementia\n\nA team followed more than 78,000 British adults for an "
    "average of seven years, looking at dementia. The study appeared in JAMA Neurology."
)
CLAIM = (
    "Researchers followed over 78,000 adults for an average of seven years, during which 866 "
    "developed dementia."
)


def test_sentence_with_the_figure_is_retrieved() -> None:
    found = summarizer.verify(CLAIM, [A, B, C], judge=False).claims[0]
    assert any("866" in e.text for e in found.evidence), [e.text for e in found.evidence]
    assert found.supported, found.reasons


def test_figure_found_nowhere_adds_nothing() -> None:
    found = summarizer.verify(CLAIM.replace("866", "912"), [A, B, C], judge=False).claims[0]
    assert not found.supported, found.reasons
