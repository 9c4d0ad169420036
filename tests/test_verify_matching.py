"""Word matching on maintained libraries: regressions of the old prefix rule, hand stemmer,
number-word parser and month handling (issue 8)."""

from __future__ import annotations

import pytest

from summarizer import lexicon
from summarizer.checks import Evidence, quantities, run_checks, source_corpus, support
from summarizer.text import stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("investment", "investigation"),
        ("internal", "international"),
        ("department", "departure"),
    ],
)
def test_different_words_do_not_match(a, b):
    assert stem(a) != stem(b)
    checks = run_checks(
        f"The {a} was announced on Monday.", Evidence([f"The {b} was announced on Monday."])
    )
    assert support(checks) != "supported", checks


@pytest.mark.parametrize(("word", "expected"), [("news", "news"), ("speed", "speed")])
def test_stemmer_keeps_short_words_whole(word, expected):
    assert stem(word) == expected
    assert stem("new") != stem("news")


def test_inflections_still_match():
    assert stem("negotiations") == stem("negotiating")
    assert stem("agreed") == stem("agree")


def test_may_june_dates_conflict():
    ev = Evidence(["The vote is set for June 5."])
    checks = {c.name: c for c in run_checks("The vote is set for May 5.", ev)}
    assert not checks["numbers"].passed and "(month)" in checks["numbers"].detail
    assert quantities("set for May 5") != quantities("set for June 5")


def test_may_the_verb_is_not_a_month():
    assert quantities("Talks may resume next week.") == set()
    assert quantities("They met on 5 May 2024.") >= {"month:5", "number:5", "number:2024"}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("a hundred and twenty people", {"number:120"}),
        ("twenty-five people", {"number:25"}),
        ("a thirty-day truce", {"number:30"}),
        ("five million people", {"number:5000000"}),
    ],
)
def test_number_words(text, numbers):
    assert quantities(text) == numbers


def test_a_hundred_and_twenty_is_not_twenty():
    ev = Evidence(["The ferry carried 120 people."])
    ok = run_checks("The ferry carried a hundred and twenty people.", ev)
    bad = run_checks("The ferry carried twenty people.", ev)
    assert {c.name: c.passed for c in ok}["numbers"]
    assert not {c.name: c.passed for c in bad}["numbers"]


def test_lexicon_data_files_load():
    assert "washington" in lexicon.aliases()["united states"]
    assert lexicon.synonym_groups() and lexicon.antonym_pairs()
    assert "not" in lexicon.cue_words("negation")
    # nothing fitted to a benchmark's encoding: "#" is not a currency
    assert quantities("# 200") == {"number:200"}


# -- precision of the contradiction checks (SummEdits evaluation rows, issue 8) ----------------


def _failed(claim: str, evidence: list[str]) -> set[str]:
    return {c.name for c in run_checks(claim, Evidence(evidence)) if not c.passed}


def test_a_word_inside_another_is_not_its_opposite():
    # "into" is not "in" + "to": the un-/in-/dis- rule needs a real word after the prefix
    assert "antonyms" not in _failed(
        "The lesson covers prepositions such as into and onto.",
        ["The lesson covers prepositions of movement, from up to onto."],
    )
    assert "antonyms" in _failed(
        "The bridge was declared unsafe on Monday.", ["The bridge was declared safe on Monday."]
    )


def test_a_noun_phrase_is_not_a_negated_predicate_restated():
    evidence = ["The team did not use voice recognition in the first prototype."]
    assert "negation" not in _failed(
        "The team discussed the cost of the voice recognition feature.", evidence
    )
    assert "negation" in _failed("The team used voice recognition in the prototype.", evidence)


def test_reporting_verbs_and_the_source_itself_are_not_facts_to_find():
    evidence = ["The plant closed in March after the owners ran out of money."]
    assert _failed("The article notes that the plant closed in March.", evidence) == set()
    assert "coverage" in _failed("The plant closed in March after a fire.", ["The plant closed."])


def test_related_words_must_stand_together_in_one_sentence():
    # "minister" ends one sentence and "bread" starts the next: adjacent in the joined text,
    # unrelated in fact
    apart = ["Officials praised the minister.", "Bread was scarce."]
    assert "relations" in _failed("The minister's bread.", apart)
    assert "relations" not in _failed("The minister's bread.", ["The minister's bread was scarce."])


def test_wordnet_antonyms_are_opposites():
    # include/exclude is not in the hand-written list: it comes from WordNet's antonym pointers
    assert ("exclude", "include") in lexicon.antonym_pairs()
    assert "antonyms" in _failed(
        "The plan excludes a share buyback.", ["The plan includes a share buyback."]
    )


def test_an_opposite_said_of_something_else_is_no_contradiction():
    # "difficult" is said of the advanced functions; "easy" of using the remote in general
    evidence = [
        "Everybody can use the remote, so that is easy to use.",
        "It has advanced functions.",
    ]
    assert "antonyms" not in _failed("The advanced functions may be difficult.", evidence)
    assert "antonyms" in _failed("The remote is difficult to use.", evidence)


@pytest.mark.parametrize(
    ("text", "same"),
    [
        ("results of the third quarter", "Q3 results"),
        ("in the first quarter", "in Q1"),
        ("his 2nd term", "his second term"),
    ],
)
def test_positions_are_typed_and_match_their_short_forms(text, same):
    assert quantities(text) == quantities(same) != set()


def test_a_position_is_not_a_plain_number_and_codes_are_kept():
    assert quantities("the third quarter") != quantities("Tier 3")
    assert "numbers" in _failed(
        "The Patriots played the 49ers.", ["The Patriots played the Chiefs on Sunday."]
    )
    # "the second half of the episode" places the claim in its source: no number to check
    assert quantities("The second half of the episode covers the museum show.") == set()


def test_source_corpus_is_spaced_words_without_possessives():
    corpus = source_corpus(["Kyiv’s mayor met Neil's aide.", "The U.S. envoy's visit"])
    assert corpus == " kyiv mayor met neil aide the us envoy visit "


def test_source_corpus_by_blocks_is_the_corpus_of_the_whole():
    """Built block by block (to keep memory flat on 10,000 articles), the corpus is what one
    pass over all the text gives, also across a block that holds no word at all."""
    from summarizer.checks import CORPUS_BLOCK

    texts = [f"Minister {n}'s plan passed." for n in range(CORPUS_BLOCK)]
    texts += ["—"] * CORPUS_BLOCK + ["Kyiv’s mayor met Neil's aide."] * 3
    whole = source_corpus(["\n".join(texts)])
    assert source_corpus(texts) == whole
    assert "  " not in source_corpus(texts)
