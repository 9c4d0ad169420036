"""A claim that gives the deed of the cited sentence's subject to a name of a modifier of it:
"Jones defeated Brown" on "Smith, backed by Jones, defeated Brown" was supported, every word
and name being there. The cited sentence says who defeated Brown, Smith, and names Jones
only as Smith's backer: the claim is contradicted (roles, "another doer"), as a reversal of
the sides is.

The sentences are hand-written for this behaviour; no model is involved.
"""

from __future__ import annotations

import pytest

from summarizer.checks import Evidence, roles, run_checks, support

KNOWN = {"smith", "jones", "brown"}  # as the body would capitalise them mid-sentence
MODIFIED = [
    "Smith, backed by Jones, defeated Brown.",  # a reduced relative
    "Smith, an ally of Jones, defeated Brown.",  # an appositive
    "Smith (backed by Jones) defeated Brown.",  # a parenthesis
    "Smith (an ally of Jones) defeated Brown.",
    "Smith, who is backed by Jones, defeated Brown.",  # a relative clause
    "Smith, Jones's ally, defeated Brown.",  # a possessive
]


def _verdict(claim: str, cited: str) -> tuple[str, list[str]]:
    found = run_checks(claim, Evidence([cited], known_names=KNOWN))
    return support(found), [c.name for c in found if not c.passed]


def _detail(claim: str, cited: str) -> str:
    found = run_checks(claim, Evidence([cited], known_names=KNOWN))
    return next(c.detail for c in found if c.name == "roles")


@pytest.mark.parametrize("cited", MODIFIED)
@pytest.mark.parametrize("claim", ["Jones defeated Brown.", "Brown was defeated by Jones."])
def test_a_name_of_a_modifier_is_not_the_doer(claim: str, cited: str) -> None:
    assert _verdict(claim, cited) == ("contradicted", ["roles"])
    assert _detail(claim, cited).startswith(f"another doer: '{claim.rstrip('.')}'")


@pytest.mark.parametrize("cited", MODIFIED)
def test_the_doer_and_the_sentence_itself_stay_supported(cited: str) -> None:
    assert _verdict("Smith defeated Brown.", cited) == ("supported", [])
    assert _verdict(cited, cited) == ("supported", [])
    assert _verdict("Brown defeated Smith.", cited) == ("contradicted", ["roles"])


def test_the_modifier_s_own_fact_stays_supported() -> None:
    for cited in ("Smith, backed by Jones, defeated Brown.", "Smith (backed by Jones) won."):
        assert _verdict("Jones backed Smith.", cited) == ("supported", []), cited


def test_the_detail_quotes_the_parenthesis_as_written() -> None:
    cited = "Smith (backed by Jones) defeated Brown."
    assert _detail("Jones defeated Brown.", cited) == (
        "another doer: 'Jones defeated Brown' where the cited text has "
        "'Smith (backed by Jones) defeated Brown'"
    )


@pytest.mark.parametrize(
    "cited",
    [
        "Smith and Jones defeated Brown.",  # both did it
        "Smith, with Jones, defeated Brown.",  # Jones did it with Smith
        "Smith, backed by Jones, defeated Brown. Jones defeated Brown in May too.",
    ],
)
def test_a_name_that_does_the_deed_too_is_not_flagged(cited: str) -> None:
    assert "roles" not in _verdict("Jones defeated Brown.", cited)[1]


@pytest.mark.parametrize(
    ("cited", "claim"),
    [
        # the modifier's name is the doer's own: an appositive's head, a possessive's title
        (
            "Walmart's chief, the billionaire Doug McMillon, called on Gov. Asa Hutchinson.",
            "Doug McMillon called on Gov. Asa Hutchinson.",
        ),
        (
            "Audrey Gaughran, Amnesty's Director of Global Issues, told CNN.",
            "Amnesty's Director told CNN.",
        ),
    ],
)
def test_a_modifier_that_names_the_doer_is_no_other_doer(cited: str, claim: str) -> None:
    assert "roles" not in _verdict(claim, cited)[1]


@pytest.mark.parametrize(
    "cited",
    ["Ozil (right) took Brown to Instagram.", "Smith (AP) defeated Brown (pictured)."],
)
def test_a_parenthesis_sets_off_what_it_holds(cited: str) -> None:
    """Read as plain words, "(right)" joined the name ("Ozil right") and "(AP)" too."""
    doers = [r.doer for r in roles(cited, KNOWN | {"ozil"})]
    assert doers == [cited.split()[0].lower()]
