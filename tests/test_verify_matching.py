"""Word matching on maintained libraries: regressions of the old prefix rule, hand stemmer,
number-word parser and month handling (issue 8)."""

from __future__ import annotations

import pytest

from summarizer import lexicon
from summarizer.checks import Evidence, quantities, run_checks, support
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
