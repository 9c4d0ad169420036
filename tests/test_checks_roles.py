"""Roles reversed where the doer is not simply the name before the verb: a Title Case headline
("Putin Invites Trump"), a relative clause ("Putin, who publicly invited Trump"), an
appositive ("Putin, the Russian president, invited Trump") and a passive whose agent comes
after a phrase ("was invited to Moscow by Trump").

The sentences are hand-written for these behaviours (the first two after the seed fixture
004's headline and sentence); no model is involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import checks, load_articles, make_article, verify
from summarizer.checks import Evidence, names_in_sources, roles

from .test_verify_roles import roles_detail

KNOWN = {"putin", "trump", "moscow", "washington", "alaska"}  # as the body would capitalise them
HEADLINE = "Putin Invites Trump to Moscow After Alaska Summit"
RELATIVE = (
    "The meeting concluded with a symbolic gesture from Putin, who publicly invited Trump to "
    "Moscow for the next round of talks."
)


def _roles(claim: str, cited: str, known: set[str] = KNOWN) -> str:
    """The roles check's detail with this module's names, "" when it passes."""
    return roles_detail(claim, cited, known)


@pytest.mark.parametrize(
    ("claim", "cited", "detail"),
    [
        (
            "Trump invited Putin to Moscow.",
            HEADLINE,
            "roles reversed: 'Trump invited Putin' where the cited text has 'Putin Invites Trump'",
        ),
        (
            "Trump publicly invited Putin to Moscow for the next round of talks.",
            RELATIVE,
            "roles reversed: 'Trump publicly invited Putin' where the cited text has "
            "'Putin, who publicly invited Trump'",
        ),
        (
            "Trump invited Putin to Moscow.",
            "Putin, the Russian president, invited Trump to Moscow.",
            "roles reversed: 'Trump invited Putin' where the cited text has "
            "'Putin, the Russian president, invited Trump'",
        ),
        (  # a passive's agent after a phrase: "by Trump" past "to Moscow"
            "Putin was invited to Moscow by Trump.",
            HEADLINE,
            "roles reversed: 'Putin was invited to Moscow by Trump' where the cited text has "
            "'Putin Invites Trump'",
        ),
        (
            "Trump invited Putin.",
            "Trump was invited to Moscow by Putin on Friday.",
            "roles reversed: 'Trump invited Putin' where the cited text has "
            "'Trump was invited to Moscow by Putin'",
        ),
    ],
)
def test_reversed_roles_past_a_headline_clause_or_phrase_are_flagged(
    claim: str, cited: str, detail: str
) -> None:
    assert _roles(claim, cited) == detail


@pytest.mark.parametrize(
    ("claim", "cited", "known"),
    [
        ("Putin invited Trump to Moscow.", HEADLINE, KNOWN),
        ("Trump was invited to Moscow by Putin.", HEADLINE, KNOWN),
        ("Putin publicly invited Trump to Moscow.", RELATIVE, KNOWN),
        ("Putin invited Trump.", "Putin, the Russian president, invited Trump to Moscow.", KNOWN),
        # said the claim's way round elsewhere in the evidence
        ("Trump invited Putin.", f"{HEADLINE} Trump, who once invited Putin, hosted him.", KNOWN),
        ("Trump met Putin in Alaska.", "Putin Meets Trump in Alaska", KNOWN),  # symmetric
        # "which" may stand for the whole clause, not the name before it
        ("Rovers delighted Smith.", "United beat Rovers, which delighted Smith.", {"rovers"}),
        # an appositive opens with a determiner: a list is not one
        ("Trump invited Putin.", "Putin, Trump, Xi, invited Biden.", KNOWN | {"xi", "biden"}),
    ],
)
def test_same_roles_symmetric_verbs_and_unclear_doers_are_not_flagged(
    claim: str, cited: str, known: set[str]
) -> None:
    assert _roles(claim, cited, known) == ""


def test_title_case_is_a_headline_whose_capitals_name_nothing() -> None:
    assert checks.title_case(HEADLINE)
    assert checks.title_case("Trump Faces Crucial US-Russia Talks on Ukraine Conflict")
    assert not checks.title_case(RELATIVE)
    assert not checks.title_case("Russia and the United States press for Ukraine peace talks")
    assert not checks.title_case("Putin Meets")  # too short to tell
    # the sources' known names come from their sentences, not a Title Case headline's words
    assert names_in_sources([HEADLINE, RELATIVE]) == {"putin", "trump", "moscow"}
    # a Title Case word no text capitalises mid-sentence and that can be a verb is no name:
    # "Trump" may be the verb here, so no role is read
    assert roles("Trump Invites Putin", {"putin"}) == []
    assert [(r.doer, r.verb, r.done_to) for r in roles("Trump Invites Putin", KNOWN)] == [
        ("trump", "invit", "putin")
    ]


def test_verify_contradicts_a_draft_that_reverses_the_headline_or_the_relative_clause() -> None:
    """The public path, on the seed fixture 004's headline and sentence."""
    src = make_article(
        f"{HEADLINE}\n\n{RELATIVE} Putin’s invitation was unexpected but underscored his desire "
        "to continue dialogue with Washington."
    )
    for wrong in (
        "Trump invited Putin to Moscow.",
        "Trump publicly invited Putin to Moscow for the next round of talks.",
    ):
        [claim] = verify(wrong, [src], judge=False).claims
        assert claim.verdict == "contradicted", (wrong, claim.reasons)
        assert any(r.startswith("roles: roles reversed") for r in claim.reasons)
    for right in (
        "Putin invited Trump to Moscow.",
        "Putin publicly invited Trump to Moscow for the next round of talks.",
        "Trump was invited to Moscow by Putin.",
    ):
        assert verify(right, [src], judge=False).ok, right


TEAMS = {"united", "rovers"}


@pytest.mark.parametrize(
    "claim",
    [
        "United on Saturday beat Rovers 2-1.",  # a day between the name and its verb
        "On Saturday United beat Rovers 2-1.",  # a day run into the name before it
        "Today United beat Rovers 2-1.",
    ],
)
def test_a_day_is_no_doer_the_name_before_it_is(claim: str) -> None:
    """A capitalised day says when: "Saturday" was read as the doer, "saturday beat rovers",
    and a reversal past it went unseen."""
    cited = "Rovers beat United 2-1 on Saturday."
    assert _roles(claim, cited, TEAMS).startswith("roles reversed: ")
    assert [(r.doer, r.verb, r.done_to) for r in roles(claim, TEAMS)] == [
        ("united", "beat", "rovers")
    ]


@pytest.mark.parametrize(
    "faithful", ["Rovers on Saturday beat United 2-1.", "On Saturday Rovers beat United 2-1."]
)
def test_a_day_before_the_verb_keeps_a_faithful_claim(faithful: str) -> None:
    assert _roles(faithful, "Rovers beat United 2-1 on Saturday.", TEAMS) == ""
    assert verify(faithful, [make_article("Rovers beat United 2-1 on Saturday.")], judge=False).ok


def test_a_passive_with_no_agent_names_no_doer() -> None:
    """The agentless "Trump was invited to Moscow" was read (trump, invite, moscow): Trump who
    invited, Moscow the one invited. The passive does not say who invited; the name after the
    verb is where to. So no role is read, and nothing is reversed against it."""
    assert roles("Trump was invited to Moscow.", KNOWN) == []
    assert roles("Trump, who was invited to Moscow, accepted.", KNOWN) == []
    # "Moscow invited Trump" is another claim, but not the reverse of an agentless passive
    assert _roles("Moscow invited Trump.", "Trump was invited to Moscow on Friday.") == ""
    assert _roles("Trump was invited to Moscow.", "Moscow invited Trump on Friday.") == ""
    # with its agent, a passive is still read as its active
    assert [(r.doer, r.verb, r.done_to) for r in roles("Trump was invited by Putin.", KNOWN)] == [
        ("putin", "invit", "trump")
    ]


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
INVITATION = (
    "Putin’s invitation was unexpected but underscored his desire to continue dialogue with "
    "Washington through Trump, despite Trump not currently holding office."
)  # fixture 004's sentence: every word of "Putin invited Trump to Washington", joined otherwise


def test_a_changed_destination_is_contradicted_against_the_fixture_articles() -> None:
    """The draft kept every name and verb and changed where Trump was invited to. The
    fixtures' sentence INVITATION holds all its words ("invitation" is "invit"), so it
    supported the draft alone; its Washington is where dialogue goes, not the invitation."""
    arts = load_articles(FIXTURES)
    [claim] = verify("Putin invited Trump to Washington.", arts, judge=False).claims
    assert claim.verdict == "contradicted", claim.reasons
    assert (
        "roles: another place: 'invited Trump to Washington' where the cited text has "
        "'Invites Trump to Moscow'" in claim.reasons
    )
    for faithful in (
        "Putin invited Trump to Moscow.",
        "Trump was invited to Moscow by Putin.",
        "Trump was invited to Moscow.",
        "Zelensky plans to travel to Washington.",
        "Putin extended an invitation to Moscow.",
    ):
        assert verify(faithful, arts, judge=False).ok, faithful


def test_the_place_a_verb_sends_someone_to_is_read_and_compared() -> None:
    assert [
        (g.verb, g.place) for g in checks.goals("Putin invited Trump to Washington.", KNOWN)
    ] == [("invit", "washington")]
    assert checks.goals("Putin invited Trump.", KNOWN) == []
    assert checks.goals("Putin wants Trump to see Moscow.", KNOWN) == []  # no verb of going
    # another place for the same verb is a contradiction
    assert _roles("Putin invited Trump to Washington.", HEADLINE) == (
        "another place: 'invited Trump to Washington' where the cited text has "
        "'Invites Trump to Moscow'"
    )
    # the place named, but not as the verb's: not supported, not contradicted
    relations = checks.check_relations(
        "Putin invited Trump to Washington.", Evidence([INVITATION], known_names=KNOWN)
    )
    assert not relations.passed
    assert "where to: the cited text does not say 'invited Trump to Washington'" in (
        relations.detail
    )


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        ("Putin invited Trump to Moscow.", "Putin invited Trump for talks in Moscow."),
        ("Putin invited Trump to Moscow.", "Putin, who invited Trump to Moscow, smiled."),
        ("Putin invited Trump to Moscow.", "Trump accepted a Moscow invitation from Putin."),
        ("Zelensky flew to Washington.", "Zelensky flew from Kyiv to Washington on Monday."),
        ("Zelensky flew to Washington.", "Zelensky flew to London and then to Washington."),
        (
            "Zelensky flew to Washington.",
            "Zelensky flew home; Washington welcomed him.",
        ),  # no place
    ],
)
def test_the_same_place_said_otherwise_passes(claim: str, cited: str) -> None:
    known = KNOWN | {"zelensky", "kyiv", "london"}
    evidence = Evidence([cited], known_names=known)
    assert checks.check_roles(claim, evidence).passed
    if "home" not in cited:
        assert checks.check_relations(claim, evidence).passed, cited
