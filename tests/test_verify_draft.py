"""``summarizer.verify`` on editors' drafts, and the ``summarizer verify`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import InputError, VerifyReport, pipeline
from summarizer.cli import app, main
from summarizer.draft import draft_claims

from . import verify_cases as vc

TRUE_DRAFT = """# Ukraine talks

Ukraine has accepted a 30-day ceasefire that the U.S. proposed [1]. Putin invited Trump to
Moscow for the next round of talks [2].

- Viktor Orbán welcomed the discussions.
- Britain and France have offered to monitor ceasefire agreements.

## Sources
1. Reuters
2. AP
"""

FALSE_DRAFT = (
    "Ukraine has accepted a 30-day ceasefire that the U.S. proposed. "
    "Zelensky said he would travel to Berlin. "
    "The talks in Anchorage lasted five hours."
)


def test_draft_claims_split_markdown():
    claims = draft_claims(TRUE_DRAFT)
    assert claims == [
        "Ukraine has accepted a 30-day ceasefire that the U.S. proposed.",
        "Putin invited Trump to Moscow for the next round of talks.",
        "Viktor Orbán welcomed the discussions.",
        "Britain and France have offered to monitor ceasefire agreements.",
    ]


def test_true_draft_is_supported():
    report = summarizer.verify(TRUE_DRAFT, vc.FIXTURES)
    assert isinstance(report, VerifyReport)
    assert report.ok and report.supported == 4
    assert all(c.evidence for c in report.claims)
    assert report.claims[1].evidence[0].text.startswith("The meeting concluded")


def test_false_draft_reports_reasons():
    report = summarizer.verify(FALSE_DRAFT, [vc.FIXTURES])
    assert [c.supported for c in report.claims] == [True, False, False]
    assert any("Berlin" in r for r in report.claims[1].reasons)
    assert any(r.startswith("numbers") and "5" in r for r in report.claims[2].reasons)
    assert not report.ok and report.unsupported == 2


def test_sources_given_twice_do_not_change_a_verdict(tmp_path):
    """The same folder given twice (or a copy of it) put one sentence twice into a claim's
    top-3 evidence, crowding out a third: "Washington is weighing sanctions on Ukraine",
    unverifiable against the sources, was supported against them twice."""
    claim = "Washington is weighing sanctions on Ukraine."
    once = summarizer.verify(claim, [vc.FIXTURES])
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in sorted(vc.FIXTURES.glob("*.txt")):
        (copy / path.name).write_bytes(path.read_bytes())
    for sources in ([vc.FIXTURES, vc.FIXTURES], [vc.FIXTURES, copy]):
        twice = summarizer.verify(claim, sources)
        assert [c.verdict for c in twice.claims] == [c.verdict for c in once.claims]
        ids = [e.sentence_id for e in twice.claims[0].evidence]
        assert len(set(ids)) == len(ids)
    assert not once.ok


def test_draft_from_path_and_articles(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(TRUE_DRAFT, encoding="utf-8")
    report = summarizer.verify(draft, vc.articles())
    assert report.draft == str(draft) and report.ok


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (Path("/nonexistent/draft.md"), "no such file"),
        ("# Heading\n\nHi there.\n", "no sentences"),
    ],
)
def test_bad_drafts_raise_input_error(draft, message):
    with pytest.raises(InputError, match=message):
        summarizer.verify(draft, vc.FIXTURES)


def test_missing_sources_raise_input_error():
    with pytest.raises(InputError):
        summarizer.verify(FALSE_DRAFT, "/nonexistent/sources")


# -- CLI ---------------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_exit_0_when_all_supported(tmp_path):
    draft = _write(tmp_path, "draft.md", TRUE_DRAFT)
    result = CliRunner().invoke(app, ["verify", draft, "--sources", str(vc.FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "[Supported]" in result.stdout and "NOT SUPPORTED" not in result.stdout


def test_cli_exit_1_when_any_unsupported_and_formats(tmp_path):
    draft = _write(tmp_path, "draft.txt", FALSE_DRAFT)
    runner = CliRunner()
    text = runner.invoke(app, ["verify", draft, "-s", str(vc.FIXTURES)])
    assert text.exit_code == 1
    assert "NOT SUPPORTED" in text.stdout and "Berlin" in text.stdout
    md = runner.invoke(app, ["verify", draft, "-s", str(vc.FIXTURES), "-f", "md"])
    assert md.exit_code == 1 and md.stdout.startswith("# Verification of")
    out = tmp_path / "report.json"
    js = runner.invoke(app, ["verify", draft, "-s", str(vc.FIXTURES), "-f", "json", "-o", str(out)])
    assert js.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["unsupported"] == 2 and len(data["claims"]) == 3
    assert data["claims"][1]["supported"] is False


def _run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["summarizer", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    return int(exc.value.code or 0), capsys.readouterr().err


def test_cli_exit_2_on_bad_input(monkeypatch, capsys, tmp_path):
    code, err = _run_main(
        monkeypatch, capsys, "verify", str(tmp_path / "missing.md"), "-s", str(vc.FIXTURES)
    )
    assert code == 2 and err.startswith("Error: ") and "no such file" in err
    assert "Traceback" not in err
    draft = _write(tmp_path, "draft.md", TRUE_DRAFT)
    code, err = _run_main(monkeypatch, capsys, "verify", draft, "-s", str(tmp_path / "none"))
    assert code == 2 and err.startswith("Error: ")
    code, err = _run_main(monkeypatch, capsys, "verify", draft)  # --sources is required
    assert code == 2


def test_cli_show_rejected(monkeypatch):
    monkeypatch.setattr(pipeline, "get_writer", lambda settings: vc.HandWrittenWriter())
    path = str(vc.FIXTURES / "004_07f99bc872d3bf40.txt")
    result = CliRunner().invoke(app, ["blurb", path, "--show-rejected", "-f", "md"])
    assert result.exit_code == 0, result.output
    assert "Crimea" not in result.stdout
    assert "rejected claims:" in result.stderr and "Crimea" in result.stderr
    assert "coverage" in result.stderr
    brief = CliRunner().invoke(app, ["briefing", str(vc.FIXTURES), "--show-rejected"])
    assert brief.exit_code == 0 and "Crimea" in brief.stderr and "Crimea" not in brief.stdout


def test_cli_reads_the_draft_from_stdin():
    result = CliRunner().invoke(app, ["verify", "-", "-s", str(vc.FIXTURES)], input=FALSE_DRAFT)
    assert result.exit_code == 1
    assert "Berlin" in result.stdout


def test_sources_take_several_paths_after_one_flag(tmp_path: Path) -> None:
    from .conftest import ARTICLES

    files = sorted(ARTICLES.glob("*.txt"))
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Ukraine recently accepted a U.S.-proposed 30-day ceasefire, but tensions remain high.\n"
    )
    result = CliRunner().invoke(
        app, ["verify", str(draft), "--sources", str(files[1]), str(files[0]), "-q"]
    )
    assert result.exit_code == 0, result.output


CARRIER_SOURCE = (
    "Sales of the new phone fell sharply in Europe during the spring quarter. "
    "Costs rose across the company as suppliers raised prices. The board meets again in June."
)


def test_a_fact_swapped_in_from_another_sentence_is_contradicted():
    """Joined evidence lets a draft sentence fuse neighbouring sentences; it must not launder a
    swap: "rose" is in the sources, but the sentence that carries the claim says "fell"."""
    source = summarizer.make_article(CARRIER_SOURCE)
    swapped = summarizer.verify(
        "Sales of the new phone rose sharply in Europe during the spring quarter.", [source]
    ).claims[0]
    assert swapped.support == "contradicted"
    assert any(c.name == "antonyms" and not c.passed for c in swapped.checks)
    # the same words fused as the sources state them are still supported
    for text in (
        "Sales of the new phone fell sharply in Europe during the spring quarter.",
        "Sales of the new phone fell sharply in Europe while costs rose across the company.",
    ):
        assert summarizer.verify(text, [source]).claims[0].support == "supported", text


def test_a_name_swapped_in_for_the_carriers_is_contradicted():
    """Netanyahu is named in the sources, so his name alone is no contradiction; but the
    sentence that carries the claim says Kerry said it, and the claim drops Kerry."""
    source = summarizer.make_article(
        "The nuclear talks in Geneva were productive and would continue next week, Secretary "
        "of State John Kerry said on Monday. In a speech to parliament on Tuesday, Prime "
        "Minister Benjamin Netanyahu criticised the deal. Officials from Iran declined to comment."
    )
    swapped = summarizer.verify(
        "The nuclear talks in Geneva were productive, Netanyahu said on Monday.", [source]
    ).claims[0]
    assert swapped.support == "contradicted"
    names = next(c for c in swapped.checks if c.name == "names")
    assert not names.passed and "John Kerry" in (names.detail or "")
    for text in (  # the carrier's name kept (in part), another added: no swap
        "The nuclear talks in Geneva were productive, Kerry said on Monday.",
        "The nuclear talks in Geneva were productive, John Kerry said on Monday, while "
        "Netanyahu criticised the deal.",
    ):
        assert summarizer.verify(text, [source]).claims[0].support == "supported", text


def test_a_date_swapped_in_from_another_sentence_is_contradicted():
    """ "set for May 5" where the sentence about the vote says June 5 (and May is another
    event's month, a sentence on)."""
    source = summarizer.make_article(
        "The vote is set for June 5, officials said on Monday. A rally is planned for May 20 "
        "in the capital. Turnout is expected to be high."
    )
    swapped = summarizer.verify("The vote is set for May 5, officials said.", [source]).claims[0]
    assert swapped.support == "contradicted"
    assert any(c.name == "numbers" and "another month" in (c.detail or "") for c in swapped.checks)
    for text in (
        "The vote is set for June 5, officials said.",
        "The vote is set for June 5, after a rally on May 20.",
    ):
        assert summarizer.verify(text, [source]).claims[0].support == "supported", text


def test_markdown_report_shows_source_sentences_as_text_not_markup(tmp_path: Path) -> None:
    """`verify -f md` put source sentences into the report as they were: a source's
    "<img onerror=...>" reached a page that renders the report as raw HTML, and one starting
    "# " became a heading inside the evidence quote."""
    from markdown_it import MarkdownIt

    from summarizer import render_verify, verify

    source = (
        "Officials gave no date for the vote.\n\n"
        "# The mayor said <img src=x onerror=alert(1)> taxes would fall next year.\n\n"
        "Residents said the <b>new</b> budget was welcome."
    )
    report = verify(
        "The mayor said taxes would fall next year. Residents said the new budget was welcome.",
        [source],
    )
    md = render_verify(report, "md")
    page = MarkdownIt().render(md)
    assert "<img" not in page and "<b>" not in page and "<h1>" not in page.split("</h1>", 1)[1]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;b&gt;new&lt;/b&gt;" in page
    assert "<blockquote>\n<p># The mayor said" in page
    assert "Residents said the <b>new</b> budget" in render_verify(report, "text")  # as written


def test_an_html_draft_is_checked_as_its_text(tmp_path: Path) -> None:
    """A draft from a CMS editor is HTML, and Markdown may hold inline HTML and comments (a
    briefing ends with one). Before, the tags were words of the claims ("<p>Viktor Orbán ...
    </p>" failed coverage on "p") and "<!-- written by summarizer -->" was a claim of its own:
    a true draft exited 1."""
    page = (
        "<!DOCTYPE html><html><head><title>Draft</title><style>p{margin:0}</style></head>"
        "<body><h1>Ukraine talks</h1><p>Ukraine has accepted a 30-day ceasefire that the "
        "U.S. proposed.</p><p>Putin invited Trump to <b>Moscow</b> for the next round of "
        "talks.</p><ul><li>Viktor Orb&aacute;n welcomed the discussions.</li></ul>"
        "<!-- check the date --></body></html>"
    )
    assert draft_claims(page) == [  # "Ukraine talks": a heading of two words is a label
        "Ukraine has accepted a 30-day ceasefire that the U.S. proposed.",
        "Putin invited Trump to Moscow for the next round of talks.",
        "Viktor Orbán welcomed the discussions.",
    ]
    markdown = (
        "Putin invited Trump to <em>Moscow</em> for the next round of talks.<br>\n"
        "Viktor Orbán welcomed the discussions.\n\n<!-- written by summarizer -->\n"
    )
    report = summarizer.verify(markdown, vc.FIXTURES)
    assert [c.text for c in report.claims] == [
        "Putin invited Trump to Moscow for the next round of talks.",
        "Viktor Orbán welcomed the discussions.",
    ]
    assert report.ok
    path = tmp_path / "draft.html"
    path.write_text(page, encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "-s", str(vc.FIXTURES), "-q"])
    assert result.exit_code == 0, result.stdout
    # a "<" that opens no tag is text
    assert draft_claims("Sales were < 5% and costs > 2% of the total.") == [
        "Sales were < 5% and costs > 2% of the total."
    ]


def test_a_briefing_verifies_as_it_was_written() -> None:
    """An editor revises a briefing and checks it: before, the untouched Markdown briefing
    failed (exit 1) on its own story byline ("*5 sources: ...*", contradicted), its "Stories
    that did not fit" heading and its closing "<!-- written by summarizer -->" line."""
    other = (
        "Springfield council passes budget\n\n"
        "The Springfield city council approved a new budget on Monday after a long debate. "
        "The budget includes funding for schools and roads, officials said. Mayor Jane Smith "
        "said the plan would cut property taxes by five percent next year."
    )
    sources = [vc.FIXTURES, other]
    brief = summarizer.briefing(sources, max_words=60, backend="extractive")
    md = summarizer.render_briefing(brief, "md")
    assert "sources: " in md and "## Stories that did not fit" in md  # what is checked here
    report = summarizer.verify(md, sources)
    shown = [c.text for s in brief.stories for c in s.claims if c.shown]
    assert [c.text for c in report.claims] == [brief.stories[0].title, *shown]
    assert report.ok


def test_a_markdown_table_is_checked_cell_by_cell() -> None:
    """A table in a Markdown draft was one claim, pipes and the "|---|" rule included
    ("| Who | What | |---|---| | Viktor Orbán ..."), so even a true table was unsupported."""
    draft = (
        "Putin invited Trump to Moscow for the next round of talks.\n\n"
        "| Who | Said |\n"
        "|-----|:----:|\n"
        "| Viktor Orbán welcomed the discussions [1] | **Hungary** |\n"
    )
    assert draft_claims(draft) == [
        "Putin invited Trump to Moscow for the next round of talks.",
        "Viktor Orbán welcomed the discussions",
    ]
    assert summarizer.verify(draft, vc.FIXTURES).ok


def test_a_draft_saved_among_its_sources_is_not_its_own_evidence(tmp_path: Path) -> None:
    """`verify folder/draft.md -s folder` read the draft as one of the sources: every false
    sentence was "supported" by itself, exit 0."""
    import shutil

    folder = tmp_path / "day"
    shutil.copytree(vc.FIXTURES, folder)
    draft = folder / "draft.md"
    draft.write_text(FALSE_DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(draft), "-s", str(folder), "-q"])
    assert result.exit_code == 1, result.stdout
    assert "NOT SUPPORTED" in result.stdout and "draft.md" not in result.stdout.split("\n", 1)[1]
    report = summarizer.verify(draft, [folder])
    assert report.unsupported == 2 and str(draft) not in " ".join(report.sources)
    # named as a source itself, it is checked against itself, as asked
    assert summarizer.verify(draft, [draft]).ok
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "draft.md").write_text(FALSE_DRAFT, encoding="utf-8")
    with pytest.raises(InputError, match="only the draft itself"):
        summarizer.verify(alone / "draft.md", alone)


def test_a_utf16_draft_is_read_like_a_utf16_article(tmp_path: Path) -> None:
    """A draft saved as Windows' "Unicode" (UTF-16 with a byte order mark) was refused as
    "looks like a binary file", while the same bytes as an article are read."""
    draft = tmp_path / "draft.md"
    draft.write_bytes(TRUE_DRAFT.encode("utf-16"))
    report = summarizer.verify(draft, vc.FIXTURES)
    assert report.ok and len(report.claims) == 4
    result = CliRunner().invoke(app, ["verify", str(draft), "-s", str(vc.FIXTURES), "-q"])
    assert result.exit_code == 0, result.output
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(InputError, match="not valid UTF-16-LE"):
        summarizer.verify(tmp_path / "bad.md", vc.FIXTURES)


def test_markdown_footnotes_are_citations_not_claims() -> None:
    """A Markdown draft citing with footnotes: the "[^1]" mark stayed in the next sentence,
    and the "[^1]: Reuters, ..." and "[2]: https://..." lines were claims, unsupported."""
    draft = (
        "Putin invited Trump to Moscow for the next round of talks.[^1] Viktor Orbán "
        "welcomed the discussions [^ap].\n\n"
        "[^1]: Reuters, March 16, 2025, https://reuters.com/world/talks\n"
        "[^ap]: AP reporting from Budapest\n"
        '[2]: https://apnews.com/article/orban "AP story"\n'
    )
    assert draft_claims(draft) == [
        "Putin invited Trump to Moscow for the next round of talks.",
        "Viktor Orbán welcomed the discussions.",
    ]
    assert summarizer.verify(draft, vc.FIXTURES).ok


def test_front_matter_is_not_a_claim_its_title_is_a_heading() -> None:
    """A static site's Markdown draft starts with front matter: its fields ("date: ...",
    "author: ...") were joined into one claim, unsupported, so the draft failed (exit 1)."""
    draft = (
        "---\n"
        'title: "Viktor Orbán welcomed the discussions"\n'
        "date: 2025-03-16T10:00:00Z\n"
        "author: Jane Doe\n"
        "tags: [ukraine, russia]\n"
        "---\n\n"
        "Putin invited Trump to Moscow for the next round of talks.\n"
    )
    assert draft_claims(draft) == [
        "Viktor Orbán welcomed the discussions",
        "Putin invited Trump to Moscow for the next round of talks.",
    ]
    assert summarizer.verify(draft, vc.FIXTURES).ok
    # a rule and a paragraph at the top are not front matter
    ruled = "---\n\nViktor Orbán welcomed the discussions.\n\n---\n"
    assert draft_claims(ruled) == ["Viktor Orbán welcomed the discussions."]


def test_a_line_break_tag_does_not_split_a_sentence() -> None:
    """<br> is a line break inside a paragraph: it cut "Putin invited Trump to Moscow" and
    "for the next round of talks." into two claims, neither of them the editor's sentence."""
    draft = "<p>Putin invited Trump to Moscow<br>for the next round of talks.</p>"
    assert draft_claims(draft) == ["Putin invited Trump to Moscow for the next round of talks."]


def test_a_draft_path_given_as_a_str_is_told_to_be_a_path(tmp_path: Path) -> None:
    """``summarizer.verify('/drafts/weather.txt', ...)`` said "no sentences to verify in the
    draft": the path was read as the draft's text. Now it says what to pass instead, as a
    source or ``blurb()`` given a path as a str does."""
    draft = tmp_path / "weather.txt"
    draft.write_text("The council approved the budget on Monday.", encoding="utf-8")
    source = summarizer.make_article(
        "The council approved the budget on Monday after a long debate."
    )
    with pytest.raises(InputError, match=r"pass pathlib\.Path\(") as raised:
        summarizer.verify(str(draft), [source])
    assert "draft" in str(raised.value)
    assert summarizer.verify(draft, [source]).ok  # the Path itself is read


# -- claims written one a line, without full stops ----------------------------------------------


def test_claims_one_a_line_without_full_stops_are_each_checked():
    """Before: the lines were one run-on sentence, checked (and rejected) as a whole."""
    text = "Sales rose 5 percent in March\nThe company hired 200 workers\nProfits fell in April"
    assert draft_claims(text) == [
        "Sales rose 5 percent in March",
        "The company hired 200 workers",
        "Profits fell in April",
    ]
    listed = "- Sales rose 5 percent in March\n- The company hired 200 workers"
    assert draft_claims(listed) == [
        "Sales rose 5 percent in March",
        "The company hired 200 workers",
    ]


def test_wrapped_lines_still_make_one_sentence():
    wrapped = "The council voted on Tuesday to approve the\nbudget for next year, officials said."
    assert draft_claims(wrapped) == [
        "The council voted on Tuesday to approve the budget for next year, officials said."
    ]
    unended = "Sales rose 5 percent in March as the\ncompany hired more workers"
    assert draft_claims(unended) == [
        "Sales rose 5 percent in March as the company hired more workers"
    ]
    item = "- Sales rose 5 percent in March, the\n  company said.\n- It hired 200 workers."
    assert draft_claims(item) == [
        "Sales rose 5 percent in March, the company said.",
        "It hired 200 workers.",
    ]


def test_a_past_form_that_is_also_a_noun_is_a_verb():
    """Before: "spoke" read as a wheel's spoke, so the line was skipped as a label."""
    assert draft_claims("Trump and Putin spoke by phone on Tuesday") == [
        "Trump and Putin spoke by phone on Tuesday"
    ]
    assert draft_claims("Pelham Dairy deal with the Northern Cooperative group") == []


def test_a_source_folders_other_files_are_noted_in_the_report(tmp_path, capsys):
    """Before: only a log line said a source folder's PDF was skipped; the report was silent."""
    src = tmp_path / "src"
    src.mkdir()
    for article in sorted(Path("fixtures/articles").iterdir()):
        (src / article.name).write_bytes(article.read_bytes())
    (src / "report.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    report = summarizer.verify("Putin invited Trump to Moscow.", [src], judge=False)
    note = (
        "skipped 1 file that is not an article (not text, Markdown, HTML, JSON or a feed): "
        "report.pdf"
    )
    assert note in report.notes
    draft = tmp_path / "draft.txt"
    draft.write_text("Putin invited Trump to Moscow.\n")
    result = CliRunner().invoke(app, ["verify", str(draft), "-s", str(src), "--no-judge"])
    assert f"Note: {note}" in result.stderr
