"""Role reversal (checks.check_roles): "United beat Rovers" citing "Rovers beat United" has
every word and name of its source, so no other check sees that the source says the opposite.

The sentences are hand-written for these behaviours; no model is involved.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import pytest

from summarizer import make_article, verify
from summarizer.checks import Evidence, check_roles, run_checks, support

KNOWN = {"united", "rovers"}  # as the sources would capitalise them mid-sentence


def roles_detail(claim: str, cited: str, known: AbstractSet[str] = KNOWN) -> str:
    """The roles check's detail, "" when it passes (``known``: the sources' names)."""
    check = check_roles(claim, Evidence([cited], known_names=known))
    assert check.name == "roles"
    return "" if check.passed else check.detail


@pytest.mark.parametrize(
    ("claim", "cited", "detail"),
    [
        (
            "United beat Rovers on Saturday.",
            "Rovers beat United 2-1 on Saturday.",
            "roles reversed: 'United beat Rovers' where the cited text has 'Rovers beat United'",
        ),
        (  # a passive claim against an active source
            "Rovers were beaten by United.",
            "Rovers beat United 2-1 on Saturday.",
            "roles reversed: 'Rovers were beaten by United' where the cited text has "
            "'Rovers beat United'",
        ),
        (  # an active claim against a passive source
            "United beat Rovers.",
            "United were beaten by Rovers on Saturday.",
            "roles reversed: 'United beat Rovers' where the cited text has "
            "'United were beaten by Rovers'",
        ),
        (  # a fuller form of a name is the same name
            "Manchester United narrowly defeated Blackburn Rovers.",
            "Blackburn Rovers defeated United at Ewood Park.",
            "roles reversed: 'Manchester United narrowly defeated Blackburn Rovers' where the "
            "cited text has 'Blackburn Rovers defeated United'",
        ),
    ],
)
def test_reversed_roles_are_flagged(claim, cited, detail):
    assert roles_detail(claim, cited) == detail


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        ("United beat Rovers.", "United beat Rovers 2-1 on Saturday."),
        ("Rovers were beaten by United.", "United beat Rovers 2-1 on Saturday."),  # passive
        ("United beat Rovers.", "Rovers were beaten by United on Saturday."),  # passive
        ("Trump met Putin in Alaska.", "Putin met Trump in Alaska."),  # either way round
        ("United beat Rovers.", "Rovers beat United in May, and United beat Rovers in June."),
        ("United fans cheered Rovers.", "Rovers beat United."),  # another verb
        ("United, who Rovers beat, lost again.", "Rovers beat United."),  # no object
    ],
)
def test_same_roles_passive_and_symmetric_verbs_are_not_flagged(claim, cited):
    assert roles_detail(claim, cited) == ""


def test_a_reversal_is_a_contradiction():
    evidence = Evidence(["Rovers beat United 2-1 on Saturday."], known_names=KNOWN)
    checks = run_checks("United beat Rovers 2-1 on Saturday.", evidence)
    assert [c.name for c in checks if not c.passed] == ["roles"]
    assert support(checks) == "contradicted"


def test_verify_rejects_a_draft_that_reverses_its_source():
    """The public path: the draft's sentence is matched to the article's and contradicted."""
    doc = (
        "Blackburn Rovers beat United 2-1 on Saturday at Ewood Park. The match was played in "
        "heavy rain. United manager John Smith said his side deserved more."
    )
    report = verify("United beat Rovers 2-1 on Saturday.", [make_article(doc)], judge=False)
    assert not report.ok
    [claim] = report.claims
    assert claim.support == "contradicted"
    assert any(c.name == "roles" and "roles reversed" in c.detail for c in claim.checks)
    faithful = verify("Rovers beat United 2-1 on Saturday.", [make_article(doc)], judge=False)
    assert faithful.ok
