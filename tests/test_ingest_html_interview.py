"""An interview published as HTML, a page or a CMS body, whose questions are bold paragraphs
of their own (``<p><strong>Why ...?</strong></p>``, or ``<b>``) is read as a Q&A, as the same
interview in Markdown is: its questions are interviewer turns, never claims, and its answers
are the interviewee's. trafilatura's text drops the bold, and the questions were read as the
outlet's sentences, a question's premise quoted as fact. An ordinary page's bold (words inside
a paragraph, a byline, a section heading, one bold question) is read as before.

All pages here are hand-written, not real news; no relative imports, so the file runs alone."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import summarizer
from summarizer import load_articles, make_article
from summarizer.sentences import split_sentences

INTRO = (
    "Priya Nair became head of Castle Hill Academy in September, after the school was rated "
    "inadequate by Ofsted."
)
PREMISE = "Critics say a third of lessons were poorly taught."
TURNS = [
    (
        f"{PREMISE} What did the inspectors find?",
        "Attendance had fallen to 86% by last summer. The school has since hired eleven new "
        "teachers.",
    ),
    (
        "Is attendance improving?",
        "Attendance reached 93% this term, the highest since 2019. Persistent absence has halved.",
    ),
    (
        "Will the school stay open?",
        "The trust has committed to keep the school open until at least 2030, and the council "
        "has agreed to fund a new science block.",
    ),
]
TITLE = "Ten minutes with the new head teacher"


def _page(body: str, title: str = TITLE) -> str:
    """A hand-written page: the article inside <article>, as a CMS template puts it."""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )


def _interview(tag: str = "strong") -> str:
    """The interview, each question a paragraph all in ``tag``."""
    turns = "".join(f"<p><{tag}>{q}</{tag}></p><p>{a}</p>" for q, a in TURNS)
    return _page(f"<p>{INTRO}</p>{turns}")


@pytest.mark.parametrize("tag", ["strong", "b"])
def test_bold_questions_are_interviewer_turns_and_answers_are_attributed(tag: str) -> None:
    """Before: "Critics say a third of lessons were poorly taught." was a sentence of its own
    and every answer had no speaker, as if the outlet said it."""
    article = make_article(_interview(tag))
    said = [(s.text, s.speaker) for s in article.sentences]
    assert said == [
        (INTRO, None),
        *[
            (text, None if text in {q for q, _ in TURNS} else "Nair")
            for q, a in TURNS
            for text in [q, *split_sentences(a)]
        ],
    ]
    assert article.title == TITLE


def test_an_html_file_of_the_interview_is_read_as_the_markdown_one(tmp_path: Path) -> None:
    """The page read from a file (trafilatura's path for ``.html``) gives the sentences, ids
    and speakers of the same interview written in Markdown."""
    page = tmp_path / "interview.html"
    page.write_text(_interview(), encoding="utf-8")
    markdown = tmp_path / "interview.md"
    turns = "".join(f"**{q}**\n\n{a}\n\n" for q, a in TURNS)
    markdown.write_text(f"---\ntitle: {TITLE}\n---\n\n{INTRO}\n\n{turns}", encoding="utf-8")
    (from_html,) = load_articles([page])
    (from_md,) = load_articles([markdown])
    assert [(s.id, s.text, s.speaker) for s in from_html.sentences] == [
        (s.id, s.text, s.speaker) for s in from_md.sentences
    ]


def test_a_cms_body_with_bold_questions_is_read_as_the_page() -> None:
    """An HTML body as a CMS sends it (a JSON record's text: paragraphs, no page around
    them) is read as the page is."""
    turns = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in TURNS)
    body = make_article(f"<p>{INTRO}</p>{turns}", title=TITLE)
    page = make_article(_interview())
    assert [(s.id, s.text, s.speaker) for s in body.sentences] == [
        (s.id, s.text, s.speaker) for s in page.sentences
    ]
    answers = {s.speaker for s in body.sentences if s.text != INTRO and s.text[-1] != "?"}
    assert answers == {"Nair"}


def test_no_question_or_its_premise_is_quoted_in_a_blurb() -> None:
    """Before: the blurb quoted the interviewer's premise as the outlet's claim."""
    for length in ({"sentences": 4}, {"sentences": 6}, {"max_words": 80}):
        claims = [c for c in summarizer.blurb(_interview(), **length).claims if c.shown]
        assert claims
        for claim in claims:
            cited = [c.text for c in claim.citations]
            assert PREMISE not in claim.text and not any(PREMISE in t for t in cited), claim
            assert "?" not in claim.text and not any(t.endswith("?") for t in cited), claim
            if claim.text != INTRO:
                assert claim.text.startswith("Nair: "), claim.text


def test_no_question_is_cited_in_a_briefing(tmp_path: Path) -> None:
    """The interview beside another outlet's report of the school: no claim of the
    briefing is, or cites, an interviewer's question."""
    (tmp_path / "interview.html").write_text(_interview(), encoding="utf-8")
    report = _page(
        "<p>Attendance at Castle Hill Academy reached 93% this term, the highest since 2019, "
        "head teacher Priya Nair said on Monday.</p><p>The school was rated inadequate by "
        "Ofsted last year. It has since hired eleven new teachers, and the trust has committed"
        " to keep it open until at least 2030.</p>",
        title="Castle Hill Academy attendance rises to 93%",
    )
    (tmp_path / "report.html").write_text(report, encoding="utf-8")
    result = summarizer.briefing([tmp_path / "interview.html", tmp_path / "report.html"])
    claims = [c for story in result.stories for c in story.claims if c.shown]
    assert claims
    for claim in claims:
        cited = [c.text for c in claim.citations]
        assert PREMISE not in claim.text and not any(PREMISE in t for t in cited), claim
        assert not any(t.endswith("?") for t in cited), claim


LEAD = (
    "The council met on Tuesday and voted on the new budget for the coming year after a "
    "long debate in the chamber."
)


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        (  # bold words inside paragraphs, a bold byline, a bold section heading
            "<p><strong>By Jo Lee, City Reporter</strong></p>"
            f"<p>The council passed a <strong>40 million</strong> budget. {LEAD}</p>"
            "<p><b>The vote</b></p>"
            f"<p>Mayor <b>Ana Ruiz</b> said it funds <b>12</b> new bus lines. {LEAD}</p>",
            [
                "The council passed a 40 million budget.",
                LEAD,
                "The vote",
                "Mayor Ana Ruiz said it funds 12 new bus lines.",
                LEAD,
            ],
        ),
        (  # one bold question is no Q&A: read as a plain line, as before
            f"<p>A storm hit the coast on Monday. {LEAD}</p>"
            "<p><strong>Who pays for the damage?</strong></p>"
            f"<p>Insurers will cover most homes. {LEAD}</p>",
            [
                "A storm hit the coast on Monday.",
                LEAD,
                "Who pays for the damage?",
                "Insurers will cover most homes.",
                LEAD,
            ],
        ),
    ],
)
@pytest.mark.parametrize("whole", [True, False], ids=["page", "cms-body"])
def test_an_ordinary_pages_bold_is_read_as_before(body: str, texts: list[str], whole: bool) -> None:
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    title = "Council passes budget"
    article = make_article(_page(body, title=title) if whole else body, title=title)
    assert [s.text for s in article.sentences if "Jo Lee" not in s.text] == texts
    assert {s.speaker for s in article.sentences} == {None}


def test_bold_questions_trafilatura_leaves_out_make_no_qa() -> None:
    """Three bold questions on the page, two of them in a side panel trafilatura leaves out:
    the one left in the story is no Q&A, and it is read without the marks."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    page = _page(
        f"<p>A storm hit the coast on Monday. {LEAD}</p>"
        "<p><strong>Who pays for the damage?</strong></p>"
        f"<p>Insurers will cover most homes. {LEAD}</p></article>"
        '<aside class="related"><p><b>Want our newsletter?</b></p>'
        "<p><b>Read more stories?</b></p></aside><article>",
        title="Storm hits the coast",
    )
    article = make_article(page)
    assert [s.text for s in article.sentences] == [
        "A storm hit the coast on Monday.",
        LEAD,
        "Who pays for the damage?",
        "Insurers will cover most homes.",
        LEAD,
    ]
    assert {s.speaker for s in article.sentences} == {None}
