"""An editor's planted errors that keep every word and number of the source but bind one to
the wrong thing: an ordinal rank given to another name ("Holm came second" where Berg came
second and Holm third), and a figure given to the other qualifier of a pair ("now expects"
the range the source calls its earlier forecast). Both are contradicted, with a reason that
names the swap; the draft that binds them as the source does stays supported.

Hand-written sentences, not real news; no relative imports, so the file runs on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import make_article, verify
from summarizer.checks import Evidence, check_quantities, check_roles, names_in_sources, ranks
from summarizer.cli import app

POLL = "Lind won with 41.2%, Berg came second with 27.5% and Holm third with 19.6%."
POLL_SOURCE = "Election results were announced on Monday. " + POLL
OUTLOOK = (
    "The company now expects revenue of $4.1bn to $4.3bn, down from its earlier forecast of "
    "$4.4bn to $4.6bn."
)
OUTLOOK_SOURCE = "The company cut its outlook on Tuesday. " + OUTLOOK


def _verdict(draft: str, source: str) -> tuple[str, list[str]]:
    """The one claim's support and the details of its failed checks, through ``verify``."""
    claim = verify(draft, [make_article(source)]).claims[0]
    return claim.support, [c.detail for c in claim.checks if not c.passed]


# -- ranks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "detail"),
    [
        (
            "Holm came second with 19.6%.",
            "another rank: 'Holm came second' where the cited text has 'Berg came second' and "
            "'Holm third'",
        ),
        (
            "Berg came third.",
            "another rank: 'Berg came third' where the cited text has 'Berg came second' and "
            "'Holm third'",
        ),
        (  # "runner-up" is second place
            "Holm was the runner-up.",
            "another rank: 'Holm was the runner up' where the cited text has 'Berg came second' "
            "and 'Holm third'",
        ),
        ("Holm came last.", "another rank: 'Holm came last' where the cited text has 'Holm third'"),
    ],
)
def test_a_rank_bound_to_another_name_is_contradicted(draft: str, detail: str) -> None:
    support, details = _verdict(draft, POLL_SOURCE)
    assert support == "contradicted"
    assert detail in details


@pytest.mark.parametrize(
    "draft",
    [
        "Holm came third with 19.6%.",
        "Holm was third.",
        "Berg came 2nd.",
        "Berg was the runner-up.",
        "Berg, who came second, won 27.5%.",
    ],
)
def test_a_rank_bound_as_the_source_binds_it_is_supported(draft: str) -> None:
    assert _verdict(draft, POLL_SOURCE) == ("supported", [])


def test_ranks_read_the_name_each_ordinal_binds() -> None:
    known = names_in_sources([POLL])
    assert [(r.name, r.place) for r in ranks(POLL, known)] == [("berg", "2"), ("holm", "3")]


@pytest.mark.parametrize(
    "text",
    [
        "Smith scored the first goal in the second half.",  # ordinals of a noun rank no one
        "Smith last week said he would stay.",
        "Berg and Holm came second and third.",  # a list of ranks: the list's order binds
    ],
)
def test_an_ordinal_that_ranks_no_one_name_is_not_read(text: str) -> None:
    known = {"smith", "berg", "holm"}
    assert ranks(text, known) == []


def test_a_rank_of_a_list_is_not_held_against_the_nearest_name() -> None:
    check = check_roles("Berg and Holm came second and third.", Evidence([POLL]))
    assert check.passed


# -- a figure and its qualifier ----------------------------------------------------------------


def test_the_earlier_range_given_as_the_new_one_is_contradicted() -> None:
    support, details = _verdict(
        "The company now expects revenue of $4.4bn to $4.6bn.", OUTLOOK_SOURCE
    )
    assert support == "contradicted"
    assert (
        "the claim's 4400000000 is 'now' where the cited text's is 'earlier' (its 'now' figure "
        "is 4100000000)" in details[0]
    )


def test_the_new_range_given_as_the_earlier_one_is_contradicted() -> None:
    support, details = _verdict("Its earlier forecast was $4.1bn to $4.3bn.", OUTLOOK_SOURCE)
    assert support == "contradicted"
    assert "the claim's 4100000000 is 'earlier' where the cited text's is 'now'" in details[0]


@pytest.mark.parametrize(
    "draft",
    [
        "The company now expects revenue of $4.1bn to $4.3bn.",
        "Its earlier forecast was $4.4bn to $4.6bn.",
    ],
)
def test_a_figure_bound_to_its_own_qualifier_is_supported(draft: str) -> None:
    assert _verdict(draft, OUTLOOK_SOURCE) == ("supported", [])


PROFIT = "Pre-tax profit rose to £2.1bn, while net profit was £1.5bn."
CUT = "It cut its forecast to $4.1bn from an earlier $4.4bn. It now expects more than $4bn."
EARLIER_SAID = "The company earlier said it expects revenue of $4.1bn."


@pytest.mark.parametrize(
    ("claim", "cited", "passed"),
    [
        ("Net profit rose to £2.1bn.", PROFIT, False),  # another pair: before and after tax
        ("Net profit was £1.5bn.", PROFIT, True),
        ("It now expects $4.4bn.", CUT, False),  # the claim's side holds a bound
        # the cited text binds no figure to the claim's side: "earlier said" is no earlier figure
        ("The company now expects revenue of $4.1bn.", EARLIER_SAID, True),
    ],
)
def test_a_qualifier_pair_binds_figures_only_when_the_cited_text_sets_them_apart(
    claim: str, cited: str, passed: bool
) -> None:
    assert check_quantities(claim, Evidence([cited])).passed is passed


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
