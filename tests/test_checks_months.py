"""A month's short name ("Dec", "Sept", "Jan.") was read as a name in role reading, as a day's
("Sat") was: in "United in Dec beat Rovers" the doer was "Dec", and the claim that reverses
the sides passed. Its period ("Dec. 5") broke the clause, so no role was read at all.

The sentences are hand-written for this behaviour; no model is involved.
"""

from __future__ import annotations

import pytest

from summarizer.checks import Evidence, roles, run_checks, support

KNOWN = {"united", "rovers"}


def _verdict(claim: str, cited: str) -> tuple[str, list[str]]:
    found = run_checks(claim, Evidence([cited], known_names=KNOWN))
    return support(found), [c.name for c in found if not c.passed]


@pytest.mark.parametrize(
    "when",
    ["in Dec", "in Dec.", "in Sept", "in Sept.", "in Jan.", "in Oct", "on Dec. 5", "on Sept 12"],
)
def test_a_short_month_name_is_no_doer(when: str) -> None:
    cited = f"United {when} defeated Rovers at home."
    assert _verdict(f"Rovers {when} defeated United at home.", cited) == ("contradicted", ["roles"])
    assert _verdict(cited, cited)[0] == "supported"
    read = [(r.doer, r.verb, r.done_to) for r in roles(cited, KNOWN)]
    assert read == [("united", "defeat", "rovers")]


def test_a_capitalised_short_month_name_is_no_verb() -> None:
    """ "Mar" can be a verb ("mar"); capitalised mid-sentence it is March."""
    assert [r.doer for r in roles("United in Mar beat Rovers.", KNOWN)] == ["united"]
