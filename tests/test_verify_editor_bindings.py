"""An editor's planted errors that keep every word and number of the source but bind one to
the wrong thing: an ordinal rank given to another name ("Holm came second" where Berg came
second and Holm third), and a figure given to the other qualifier of a pair ("now expects"
the range the source calls its earlier forecast). Both are contradicted, with a reason that
names the swap; the same draft bound as the source binds it stays supported.

Hand-written sentences, not real news; no relative imports, so the file runs on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import checks, make_article, verify
from summarizer.checks import Evidence, check_quantities, names_in_sources
from summarizer.cli import app

POLL = "Lind won with 41.2%, Berg came second with 27.5% and Holm third with 19.6%."
POLL_SOURCE = "Election results were announced on Monday. " + POLL
OUTLOOK = (
    "The company now expects revenue of $4.1bn to $4.3bn, down from its earlier forecast of "
    "$4.4bn to $4.6bn."
)
OUTLOOK_SOURCE = "The company cut its outlook on Tuesday. " + OUTLOOK
CITED_POLL = "where the cited text has 'Berg came second' and 'Holm third'"


def _verdict(draft: str, source: str) -> tuple[str, list[str]]:
    """The one claim's support and the details of its failed checks, through ``verify``."""
    claim = verify(draft, [make_article(source)]).claims[0]
    return claim.support, [c.detail for c in claim.checks if not c.passed]


# -- ranks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "wrong", "detail"),
    [
        (
            "Holm came third with 19.6%.",
            "Holm came second with 19.6%.",
            f"another rank: 'Holm came second' {CITED_POLL}",
        ),
        ("Berg came second.", "Berg came third.", f"another rank: 'Berg came third' {CITED_POLL}"),
        ("Berg came 2nd.", "Berg came 3rd.", f"another rank: 'Berg came 3rd' {CITED_POLL}"),
        (  # "runner-up" is second place
            "Berg was the runner-up.",
            "Holm was the runner-up.",
            f"another rank: 'Holm was the runner up' {CITED_POLL}",
        ),
        (  # a relative clause's rank is its name's
            "Berg, who came second, won 27.5%.",
            "Holm, who came second, won 19.6%.",
            f"another rank: 'Holm, who came second' {CITED_POLL}",
        ),
        (
            "Holm was third.",
            "Holm came last.",
            "another rank: 'Holm came last' where the cited text has 'Holm third'",
        ),
    ],
)
def test_a_rank_bound_to_another_name_is_contradicted(right: str, wrong: str, detail: str) -> None:
    assert _verdict(right, POLL_SOURCE) == ("supported", [])
    support, details = _verdict(wrong, POLL_SOURCE)
    assert support == "contradicted"
    assert detail in details


def test_ranks_read_the_name_each_ordinal_binds() -> None:
    known = names_in_sources([POLL])
    assert [(r.name, r.place) for r in checks.ranks(POLL, known)] == [
        ("berg", "2"),
        ("holm", "3"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Smith scored the first goal in the second half.",  # ordinals of a noun rank no one
        "Smith last week said he would stay.",
        "Berg and Holm came second and third.",  # a list of ranks: the list's order binds
    ],
)
def test_an_ordinal_that_ranks_no_one_name_is_not_read(text: str) -> None:
    assert checks.ranks(text, {"smith", "berg", "holm"}) == []
    assert checks.check_roles(text, Evidence([POLL, "Smith scored the second goal."])).passed


# -- a figure and its qualifier ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "wrong", "detail"),
    [
        (
            "The company now expects revenue of $4.1bn to $4.3bn.",
            "The company now expects revenue of $4.4bn to $4.6bn.",
            "the claim's 4400000000 is 'now' where the cited text's is 'earlier' (its 'now' "
            "figure is 4100000000)",
        ),
        (
            "Its earlier forecast was $4.4bn to $4.6bn.",
            "Its earlier forecast was $4.1bn to $4.3bn.",
            "the claim's 4100000000 is 'earlier' where the cited text's is 'now' (its 'earlier' "
            "figure is 4400000000)",
        ),
    ],
)
def test_a_figure_bound_to_the_other_qualifier_is_contradicted(
    right: str, wrong: str, detail: str
) -> None:
    assert _verdict(right, OUTLOOK_SOURCE) == ("supported", [])
    support, details = _verdict(wrong, OUTLOOK_SOURCE)
    assert support == "contradicted"
    assert detail in details[0]


PROFIT = "Pre-tax profit rose to £2.1bn, while net profit was £1.5bn."
CUT = "It cut its forecast to $4.1bn from an earlier $4.4bn. It now expects more than $4bn."
EARLIER_SAID = "The company earlier said it expects revenue of $4.1bn."


@pytest.mark.parametrize(
    ("right", "wrong", "cited"),
    [
        ("Net profit was £1.5bn.", "Net profit rose to £2.1bn.", PROFIT),  # before/after tax
        ("It now expects more than $4bn.", "It now expects $4.4bn.", CUT),  # a bound's side
    ],
)
def test_any_pair_of_qualifiers_binds_figures(right: str, wrong: str, cited: str) -> None:
    assert check_quantities(right, Evidence([cited])).passed
    failed = check_quantities(wrong, Evidence([cited]))
    assert not failed.passed and "where the cited text's is" in failed.detail
    # a figure the cited text binds to no side of a pair: "earlier said" is no earlier figure
    assert check_quantities("It now expects revenue of $4.1bn.", Evidence([EARLIER_SAID])).passed
    assert (
        checks.other_qualifiers("It now expects revenue of $4.1bn.", Evidence([EARLIER_SAID])) == []
    )


# -- through the CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "source", "said"),
    [
        ("Holm came second with 19.6%.", POLL_SOURCE, "another rank: 'Holm came second'"),
        (
            "The company now expects revenue of $4.4bn to $4.6bn.",
            OUTLOOK_SOURCE,
            "is 'now' where the cited text's is 'earlier'",
        ),
    ],
)
def test_summarizer_verify_exits_1_on_a_swapped_binding(
    tmp_path: Path, draft: str, source: str, said: str
) -> None:
    (tmp_path / "draft.txt").write_text(draft + "\n")
    (tmp_path / "source.txt").write_text(source + "\n")
    args = ["verify", str(tmp_path / "draft.txt"), "-s", str(tmp_path / "source.txt")]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    assert said in result.stdout
