"""The verifier: layers 1-2 on the seed fixtures, perturbations, paraphrases, repair, pipeline."""

from __future__ import annotations

import pytest

from summarizer import Blurb, Citation, Claim, blurb, briefing, pipeline, render_blurb
from summarizer.checks import (
    Evidence,
    names_in_sources,
    quantities,
    run_checks,
    source_corpus,
)
from summarizer.render import render_briefing
from summarizer.verify import verify_claim, verify_claims

from . import verify_cases as vc


@pytest.fixture(scope="module")
def arts():
    return vc.articles()


@pytest.fixture(scope="module")
def index(arts):
    return vc.sentence_index(arts)


def _failed(claim: Claim) -> list[str]:
    return [f"{c.name}: {c.detail}" for c in claim.checks if not c.passed]


# -- layer 1: structure ------------------------------------------------------------------------


def test_structure_failures_are_rejected(arts, index):
    good = vc.make_claim("Trump has moved U.S. policy closer to Russia.", ["shifted U.S."], arts)
    no_cite = good.model_copy(update={"citations": []})
    unknown = good.model_copy(
        update={"citations": [Citation(sentence_id="nope.s1", article_id="nope", text="x")]}
    )
    cite = good.citations[0]
    misquoted = good.model_copy(
        update={"citations": [cite.model_copy(update={"text": cite.text + " Really."})]}
    )
    out = verify_claims([good, no_cite, unknown, misquoted], index)
    assert [c.verdict for c in out] == ["accepted", "rejected", "rejected", "rejected"]
    assert [c.checks[0].detail for c in out[1:]] == [
        "no citation",
        "unknown id nope.s1",
        f"{cite.sentence_id} misquoted",
    ]


# -- layer 2: the checks one by one ------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("a 30-day ceasefire", "a ceasefire of 30 days"),
        ("on March 17", "on 17 March"),
        ("three years", "3 years"),
        ("$2 billion", "2 billion dollars"),
        ("2.5bn euros", "€2.5 billion"),
        ("1,200 troops", "1200 troops"),
        ("the £200million deal", "the 200 million pounds deal"),
        ("a hundred and twenty", "120"),
    ],
)
def test_quantities_normalise(claim, source):
    assert quantities(claim) == quantities(source)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("a 31-day ceasefire", "a 30-day ceasefire"),
        ("on March 18", "on March 17"),
        ("on April 17", "on March 17"),
        ("$2 million", "$2 billion"),
        ("£2 billion", "$2 billion"),
        ("four years", "three years"),
    ],
)
def test_quantities_differ(claim, source):
    check = run_checks(claim, Evidence([source]))[0]
    assert check.name == "numbers" and not check.passed


def test_names_sentence_initial_handling():
    ev = Evidence(["Officials in Moscow said Vladimir Putin would attend."], known_names={"putin"})
    by_name = {c.name: c for c in run_checks("Officials said Putin would attend.", ev)}
    assert by_name["names"].passed  # "Officials" opens the sentence and is no name
    swapped = {c.name: c for c in run_checks("Lavrov said Putin would attend.", ev)}
    assert swapped["names"].passed  # unknown sentence-initial word: left to coverage
    assert not swapped["coverage"].passed or "lavrov" in swapped["coverage"].detail
    known = Evidence(ev.sentences, known_names={"putin", "lavrov"})
    assert not {c.name: c for c in run_checks("Lavrov said Putin would attend.", known)}[
        "names"
    ].passed


def test_fuller_name_form_from_sources_is_allowed():
    ev = Evidence(["Trump said talks went well."], corpus=" president donald trump said ")
    assert {c.name: c for c in run_checks("Donald Trump said talks went well.", ev)}["names"].passed
    other = Evidence(["Trump said talks went well."], corpus=" president donald trump said ")
    assert not {c.name: c for c in run_checks("Melania Trump said talks went well.", other)}[
        "names"
    ].passed


def test_quotes_must_be_verbatim():
    ev = Evidence(["Both leaders described the discussions as “productive”."])
    ok = {c.name: c for c in run_checks('Both leaders called the talks "productive".', ev)}
    bad = {c.name: c for c in run_checks('Both leaders called the talks "very productive".', ev)}
    assert ok["quotes"].passed
    assert not bad["quotes"].passed and "very productive" in bad["quotes"].detail


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Russia did not oppose foreign troops.", "Russia opposed foreign troops."),
        ("The talks produced a ceasefire.", "The talks did not produce a ceasefire."),
        ("He wants to discuss the idea.", "He did not want to discuss the idea."),
        ("Trump is in office.", "Trump is not in office."),
    ],
)
def test_negation_flips(claim, source):
    check = {c.name: c for c in run_checks(claim, Evidence([source]))}["negation"]
    assert not check.passed, check


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Ukraine rejected the ceasefire.", "Ukraine accepted the ceasefire."),
        ("Prices fell sharply.", "Prices rose sharply."),
        ("The invitation was expected.", "The invitation was unexpected."),
        ("Orbán condemned the talks.", "Orbán applauded the talks."),
    ],
)
def test_antonyms(claim, source):
    check = {c.name: c for c in run_checks(claim, Evidence([source]))}["antonyms"]
    assert not check.passed, check


def test_coverage_rejects_unrelated_claim():
    ev = Evidence(["Ukraine recently accepted a U.S.-proposed 30-day ceasefire."])
    check = {c.name: c for c in run_checks("Oil prices jumped on Monday in Asia.", ev)}["coverage"]
    assert not check.passed and "coverage 0.00" in check.detail


def test_names_read_in_blocks_are_those_read_sentence_by_sentence(arts):
    """A sentence's first word is never a mid-sentence capital, even when the sentence
    before it has no full stop (a headline, a byline) or ends in an abbreviation."""
    from summarizer.checks import STOPWORDS, _bare, _tokens

    def one_by_one(texts: list[str]) -> set[str]:
        found = set()
        for text in texts:
            toks = _tokens(text)
            for i, tok in enumerate(toks[1:], 1):
                if tok[:1].isupper() and toks[i - 1] not in ".!?:" and tok.lower() not in STOPWORDS:
                    found.add(_bare(tok.lower()))
        return found

    texts = [s.text for a in arts for s in a.sentences] * 3 + [
        "Storm hits Brennick overnight",
        "Residents fled as water rose in the U.S.",
        "Officials in Kyiv's centre said the Alder peaked on Sunday",
        "Meanwhile the mayor spoke",
    ]
    assert names_in_sources(texts) == one_by_one(texts)
    assert "meanwhile" not in names_in_sources(texts) and "kyiv" in names_in_sources(texts)


def test_every_sentence_supports_itself(arts):
    """The checks never fail a sentence against itself: tokenisers of both sides agree."""
    texts = [s.text for a in arts for s in a.sentences] + [
        "A U.S. RC-135U met a Russian SU-27 near the O2 Arena, 3AW radio said.",
        "Air France Flight AF447, an Airbus A330, carried 216 passengers and 12 crew.",
        "The £200million deal, signed on 17 March 2015, is 'not' what Kyiv's No 10 wanted.",
        "He didn't say it wasn't true; she never denied it.",
    ]
    names = names_in_sources(texts)
    corpus = source_corpus(texts)
    for text in texts:
        failed = [
            c
            for c in run_checks(text, Evidence([text], known_names=names, corpus=corpus))
            if not c.passed
        ]
        assert not failed, (text, failed)


# -- paraphrases and perturbations on the seed fixtures ----------------------------------------


def _false_rejects(cases, arts, index) -> list[Claim]:
    claims = [vc.make_claim(text, subs, arts) for text, subs in cases]
    return [c for c in verify_claims(claims, index, repair=False) if c.verdict != "accepted"]


def test_faithful_paraphrases_are_accepted(arts, index):
    tuned = _false_rejects(vc.PARAPHRASES, arts, index)
    held_out = _false_rejects(vc.HELD_OUT, arts, index)
    rate_tuned = len(tuned) / len(vc.PARAPHRASES)
    rate_held = len(held_out) / len(vc.HELD_OUT)
    print(
        f"\nfalse-reject rate on faithful paraphrases: {rate_tuned:.1%} "
        f"({len(tuned)}/{len(vc.PARAPHRASES)}, used for tuning), held out {rate_held:.1%} "
        f"({len(held_out)}/{len(vc.HELD_OUT)})"
    )
    for claim in held_out:
        print(f"  held-out false reject: {claim.text} -> {_failed(claim)}")
    assert not tuned, [(c.text, _failed(c)) for c in tuned]
    assert rate_held <= 0.15


# Claims that keep every name of the sentence they cite and change what happened: coverage
# alone accepted each (one word missing of eight); the verb check makes them unverifiable.
CHANGED_VERBS = [
    (
        "Russian President Vladimir Putin was invited to Washington by Donald Trump.",
        ["while flying back to Washington"],
    ),
    (
        "Ukraine's president Zelensky welcomed the plan, officials said.",
        ["Zelensky also announced plans", "would inform Ukraine’s president"],
    ),
    ("The three-hour talks collapsed without a formal agreement.", ["three-hour talks ended"]),
]
# The same facts with the verb in another form, a derived word, a WordNet synonym or a more
# specific verb (a troponym), or a verb form the sentence gives irregularly: all accepted.
SAME_VERBS = [
    (
        "Trump intended to speak with Russian President Vladimir Putin about the war in Ukraine.",
        ["while flying back to Washington"],  # "shared his intention to speak"
    ),
    (
        "The diplomatic teams had already started negotiating, Trump stressed.",
        ["Trump stressed in a Real Social post"],  # "had already begun negotiating"
    ),
    (
        "Zelensky announced a plan to travel to Washington to meet U.S. officials.",
        ["Zelensky also announced plans"],
    ),
]


def test_a_claim_that_changes_what_happened_is_not_accepted(arts, index):
    claims = [vc.make_claim(text, subs, arts) for text, subs in CHANGED_VERBS]
    for claim in verify_claims(claims, index, repair=False):
        assert claim.verdict == "rejected" and claim.support == "unverifiable", claim.text
        assert [c.name for c in claim.checks if not c.passed] == ["verbs"], _failed(claim)
    shown = verify_claims(claims[:1], index)[0]  # repaired: the cited sentence, quoted
    assert shown.verdict == "repaired" and shown.text == claims[0].citations[0].text


def test_a_verb_said_another_way_is_accepted(arts, index):
    claims = [vc.make_claim(text, subs, arts) for text, subs in SAME_VERBS]
    for claim in verify_claims(claims, index, repair=False):
        assert claim.verdict == "accepted", (claim.text, _failed(claim))


def _missing(claim: str, evidence: Evidence) -> dict[str, str]:
    from summarizer.checks import check_words

    return {c.name: c.detail for c in check_words(claim, evidence) if not c.passed}


def test_a_noun_that_can_be_a_verb_is_a_verb_only_where_it_acts_as_one() -> None:
    ev = Evidence(["Troops attacked the town on Monday."])
    assert not _missing("Troops attacked the town.", ev)
    assert "verbs" in _missing("Troops shelled the town.", ev)  # a verb-only word
    assert "verbs" in _missing("Troops bombed the town.", ev)  # a noun too, but "-ed"
    assert "verbs" in _missing("Troops will bomb the town.", ev)  # after a modal
    assert not _missing("The attack on the town came on Monday.", ev)  # nouns
    assert not _missing("Officials said troops attacked the town.", ev)  # reporting


def test_a_bare_or_s_verb_between_subject_and_object_is_a_verb() -> None:
    """A word that can be a noun or a verb, with no auxiliary before it, is read from its
    neighbours: after a subject and before an object it is a verb, matched only as one (the
    noun's relatives do not let "cuts" pass); after a determiner it is a noun."""
    raised = Evidence(["The council raised the budget for schools on Monday."])
    assert _missing("The council cuts the budget for schools.", raised) == {
        "verbs": "not in the cited text: cuts"
    }
    assert "verbs" in _missing("They support the plan.", Evidence(["They oppose the plan."]))
    assert not _missing("The council raises the budget for schools.", raised)  # another form
    assert not _missing("They back the plan.", Evidence(["They support the plan."]))  # synonym
    assert not _missing("Israel attacks Gaza.", Evidence(["Israel bombs Gaza."]))  # troponym
    # a noun where a determiner or another noun stands before it, or no object follows
    assert not _missing("Russia's attacks on the town.", Evidence(["Russia attacked the town."]))
    assert not _missing("Budget cuts hit schools.", Evidence(["Cuts to the budget hit schools."]))
    tested = Evidence(["The test of the talks stressed patience."])
    assert _missing("The judge of the talks stressed patience.", tested) == {
        "nouns": "not in the cited text: judge"  # not the verb "judge", whose relatives "test"
    }


def test_a_word_related_only_through_a_rare_sense_is_not_the_same_word() -> None:
    """WordNet relatives count only through the two words' first senses: "draw" is a
    relative of "raise" and "give" of "resign" only through a sense of ninth rank or later,
    and an adjective's only through the first three ("arduous" shares a synset with heavy's
    24th sense)."""
    assert "verbs" in _missing(
        "Officials raised the prices.", Evidence(["Officials drew the prices."])
    )
    assert "verbs" in _missing(
        "The minister resigned his post.", Evidence(["The minister gave his post."])
    )
    assert "adjectives" in _missing(
        "Troops faced arduous fighting.", Evidence(["Troops faced heavy fighting."])
    )
    # relatives through frequent senses still count
    assert not _missing(
        "Trump intended to speak with Putin.", Evidence(["Trump shared his intention to speak."])
    )
    assert not _missing(
        "Troops faced hard fighting.", Evidence(["Troops faced difficult fighting."])
    )


def test_an_adjective_the_cited_text_does_not_give_is_caught() -> None:
    ev = Evidence(["The treatment, a larger trial of the old drug, ended in an error."])
    assert _missing("The deadly treatment ended in an error.", ev) == {
        "adjectives": "not in the cited text: deadly"
    }
    assert _missing("A secret trial of the drug ended in an error.", ev)  # noun or adjective
    assert not _missing("A large trial of the drug ended in an error.", ev)  # larger: large
    fatal = Evidence(["The trial of the old drug ended in a fatal error."])
    assert not _missing("The trial ended in a deadly error.", fatal)  # WordNet: deadly/fatal
    assert not _missing("The trial kept its secret.", Evidence(["The trial kept a secret."]))


def test_a_thing_or_person_the_cited_text_does_not_name_is_caught() -> None:
    ev = Evidence(["The spokesman said the treatment of the drug's position was a failure."])
    assert _missing("The storm said the treatment was a failure.", ev) == {
        "nouns": "not in the cited text: storm"  # a verb too, but after "the"
    }
    assert "nouns" in _missing("The vaccine was a failure.", ev)
    assert not _missing("The drug's stance was a failure.", ev)  # WordNet: stance/position
    assert not _missing("Treatments of the drugs were failures.", ev)  # other forms
    specific = Evidence(["Doctors gave an anesthetic to the children."])
    assert not _missing("Doctors gave a drug to the children.", specific)  # more general
    general = Evidence(["Doctors gave a drug to the children."])
    assert "nouns" in _missing("Doctors gave an anesthetic to the children.", general)


def test_editors_drafts_are_not_held_to_the_cited_words(arts, index):
    """An editor's draft is checked by coverage with the lenient rule (see draft.py): its
    verbs and adjectives are not required in one cited sentence; a briefing's claims are."""
    claim = vc.make_claim(*CHANGED_VERBS[0], arts)
    cited = verify_claim(claim, index, repair=False, cited_words=False)
    assert not {"verbs", "adjectives"} & {c.name for c in cited.checks}


def test_perturbations_are_all_rejected(arts, index):
    cases = vc.perturbed(arts)
    counts: dict[str, int] = {}
    escaped = []
    for kind, _, bad in cases:
        counts[kind] = counts.get(kind, 0) + 1
        result = verify_claim(bad, index, repair=False)
        if result.verdict != "rejected":
            escaped.append((kind, bad.text))
    print("\nperturbations rejected: " + ", ".join(f"{k} {n}/{n}" for k, n in counts.items()))
    assert set(counts) == set(vc.PERTURBATIONS)
    assert all(n >= 5 for n in counts.values()), counts
    assert not escaped


def test_repair_never_shows_the_perturbed_content(arts, index):
    """With repair on, a perturbed claim is either rejected, or repaired into text that
    passes the checks again and no longer carries the perturbation."""
    repaired = 0
    for _kind, good, bad in vc.perturbed(arts):
        result = verify_claim(bad, index, repair=True)
        if not result.shown:
            assert result.verdict == "rejected"
            continue
        repaired += 1
        assert result.verdict == "repaired" and result.original_text == bad.text
        again = verify_claim(result.model_copy(update={"checks": []}), index, repair=False)
        assert again.verdict == "accepted", (result.text, _failed(again))
        exact = result.text in {c.text for c in good.citations}
        assert exact or result.text.rstrip(".").lower() in bad.text.lower(), result.text
        # whatever changed between good and bad must not survive in the repaired text
        changed = set(bad.text.split()) - set(good.text.split())
        if not exact:
            assert not changed & set(result.text.rstrip(".").split()), (bad.text, result.text)
    print(f"\nperturbed claims repaired (the perturbation dropped): {repaired}")
    assert repaired > 0


def test_repair_drops_an_unsupported_clause(arts, index):
    claim = vc.make_claim(
        "Ukraine recently accepted a U.S.-proposed 30-day ceasefire, but Russia rejected it.",
        ["30-day ceasefire"],
        arts,
    )
    out = verify_claim(claim, index)
    assert out.verdict == "repaired"
    assert out.text == "Ukraine recently accepted a U.S.-proposed 30-day ceasefire."
    assert out.original_text == claim.text
    assert out.checks[-1].name == "repair" and "antonyms" in out.checks[-1].detail


def test_repair_quotes_the_cited_sentence(arts, index):
    claim = vc.make_claim("Ukraine accepted a 45-day ceasefire.", ["30-day ceasefire"], arts)
    out = verify_claim(claim, index)
    assert out.verdict == "repaired"
    assert out.text == claim.citations[0].text
    assert "replaced by the cited sentence" in out.checks[-1].detail


def test_unrelated_fabrication_is_rejected_not_repaired(arts, index):
    claim = vc.make_claim(
        "Oil prices jumped 12% after Beijing announced new tariffs.", ["30-day ceasefire"], arts
    )
    out = verify_claim(claim, index)
    assert out.verdict == "rejected"
    assert out.support == "contradicted"
    assert {"names", "coverage"} <= {c.name for c in out.checks if not c.passed}


def test_repairs_do_not_repeat_a_shown_claim(arts, index):
    exact = vc.make_claim("", ["30-day ceasefire"], arts)
    exact = exact.model_copy(update={"text": exact.citations[0].text})
    wrong = vc.make_claim("Ukraine accepted a 45-day ceasefire.", ["30-day ceasefire"], arts)
    out = verify_claims([exact, wrong], index)
    assert [c.verdict for c in out] == ["accepted", "rejected"]


# -- no claim reaches Markdown without passing the verifier ------------------------------------


HandWrittenWriter = vc.HandWrittenWriter
FABRICATED = ("nine hours", "Crimea", "40 billion", "secretly")


def test_fabricated_llm_claims_never_reach_markdown(monkeypatch):
    monkeypatch.setattr(pipeline, "get_writer", lambda settings: HandWrittenWriter())
    result = blurb(vc.FIXTURES / "004_07f99bc872d3bf40.txt")
    md = render_blurb(result, "md")
    assert "Putin publicly invited Trump to Moscow" in md
    for bad in FABRICATED:
        assert bad not in md
    assert result.counts.accepted == 1
    assert result.counts.accepted + result.counts.repaired + result.counts.rejected == 3
    rejected = [c for c in result.claims if c.verdict == "rejected"]
    assert any("Crimea" in c.text for c in rejected)

    brief = briefing(vc.FIXTURES)
    md = render_briefing(brief, "md")
    for bad in FABRICATED:
        assert bad not in md
    assert brief.counts.rejected >= 1


def test_extractive_engine_claims_all_pass():
    brief = briefing(vc.FIXTURES, backend="extractive")
    assert brief.claims and all(c.verdict == "accepted" for c in brief.claims)
    for path in sorted(vc.FIXTURES.iterdir()):
        result: Blurb = blurb(path, backend="extractive")
        assert result.claims and all(c.verdict == "accepted" for c in result.claims)


def test_a_coverage_reason_names_the_claims_words_not_their_stems() -> None:
    """Editors read "not in the cited text: pari, polic" as typos; it names the words."""
    evidence = Evidence(sentences=["Putin's invitation was unexpected, officials said."])
    checks = {c.name: c for c in run_checks("Putin was arrested by French police.", evidence)}
    detail = checks["coverage"].detail
    assert not checks["coverage"].passed
    assert "not in the cited text: arrested, french, police" in detail, detail


def test_a_sentence_not_supported_reads_as_it_is_counted() -> None:
    """A sentence that failed while its support field said "supported" (e.g. rejected for its
    citations) was printed "NOT SUPPORTED (supported)"; it is counted as unverifiable."""
    from summarizer.draft import DraftClaim, VerifyReport
    from summarizer.render import render_verify

    claim = DraftClaim(index=1, text="Talks resumed.", supported=False, support="supported")
    report = VerifyReport(draft="d.txt", claims=[claim], unsupported=1)
    for fmt in ("text", "md"):
        assert "NOT SUPPORTED (unverifiable)" in render_verify(report, fmt)  # type: ignore[arg-type]
