"""A repair that cuts a clause must leave a sentence a reader can read: no reporting verb left
without what was reported ("…, stating."), no full stop after a quote's own ("end.".")."""

from __future__ import annotations

from summarizer.models import Citation, Claim, Sentence
from summarizer.verify import verify_claims

TALKS = "Officials held talks in Geneva on Tuesday."
MAYOR = 'The mayor told reporters, "We will rebuild the bridge before winter."'
ASKED = 'The minister asked, "Can the ferry run again by March?"'
SOURCES = {
    f"city.s{i}": Sentence(id=f"city.s{i}", text=t, index=i)
    for i, t in enumerate([TALKS, MAYOR, ASKED])
}


def _claim(text: str, cited: str) -> Claim:
    sid = next(k for k, s in SOURCES.items() if s.text == cited)
    return Claim(text=text, citations=[Citation(sentence_id=sid, article_id="city", text=cited)])


def _repaired(text: str, cited: str) -> Claim:
    out = verify_claims([_claim(text, cited)], SOURCES)[0]
    assert out.verdict == "repaired" and out.original_text == text
    return out


def test_cut_quote_does_not_leave_its_reporting_verb_dangling():
    claim = _repaired(
        "Officials held talks in Geneva on Tuesday, "
        'stating, "We want to see if we can end the war."',
        TALKS,
    )
    assert claim.text == TALKS
    assert "stating" not in claim.text


def test_cut_clause_after_a_closing_quote_keeps_one_full_stop():
    claim = _repaired(MAYOR.rstrip('"').rstrip(".") + '.", a move critics called reckless.', MAYOR)
    assert claim.text == MAYOR
    assert not claim.text.endswith('.".')


def test_cut_clause_after_a_quoted_question_keeps_its_question_mark():
    claim = _repaired(ASKED + ", a move critics called reckless and illegal.", ASKED)
    assert claim.text == ASKED
    assert not claim.text.endswith('?".')
