"""HTML output (issue 11): escaping of untrusted text, scoped blurb styles, the page's parts."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from summarizer import (
    Blurb,
    Briefing,
    Check,
    Citation,
    Claim,
    DraftClaim,
    Outlet,
    Source,
    Story,
    VerifyReport,
    render_blurb,
    render_briefing,
    render_verify,
)
from summarizer.cli import app
from summarizer.draft import SkippedPart
from summarizer.html import safe_url
from summarizer.ingest import load_articles
from summarizer.pipeline import blurb, briefing

from .html_cases import HOSTILE, PWN, day_articles, hostile_articles

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p",
    "span", "a", "q", "cite", "ul", "ol", "li", "article", "section", "footer", "div", "details",
    "summary", "strong", "button", "bdi", "blockquote",
}  # fmt: skip
ALLOWED_ATTRS = {
    "class", "id", "href", "rel", "role", "aria-describedby", "value", "lang", "charset", "name",
    "content", "http-equiv", "type", "dir",
}  # fmt: skip


class _Tags(HTMLParser):
    """Every start tag and attribute, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _assert_inert(html: str) -> None:
    """Only our tags and attributes; links are in-page anchors or http(s); no script anywhere."""
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRS, (tag, name)
            if name == "href":
                assert value and (value.startswith("#") or re.match(r"https?://", value)), value
    assert "<script" not in html.lower()
    assert "javascript:" not in " ".join(v or "" for _, a in parsed.tags for _, v in a)


def _hostile_models() -> tuple[Blurb, Briefing]:
    """A blurb and a briefing built by hand, markup in every field the renderer shows."""
    outlet = Outlet(name=HOSTILE["source"], url=HOSTILE["url"], file="<b>x</b>.json")
    source = Source(number=1, article_id="a1", title=HOSTILE["title"], outlets=[outlet])
    sentence = HOSTILE["text"].split("\n\n")[1]
    cite = Citation(sentence_id="a1.s1", article_id="a1", text=sentence)
    claim = Claim(text=sentence, citations=[cite], verdict="accepted")
    story = Story(
        id="s1", title=HOSTILE["title"], article_ids=["a1"], outlets=[outlet], written=True
    )
    story.claims = [claim]
    listed = Story(id="s2", title=f"<script>{PWN}</script>", outlets=[outlet], written=False)
    b = Blurb(article_id="a1", title=HOSTILE["title"], claims=[claim], sources=[source])
    brief = Briefing(title=f"<script>{PWN}</script>", stories=[story, listed], sources=[source])
    return b, brief


def test_untrusted_text_is_inert_in_both_outputs() -> None:
    b, brief = _hostile_models()
    for html in (render_blurb(b, "html"), render_briefing(brief, "html")):
        _assert_inert(html)
        text = "".join(_parse(html).text)
        # the markup is still there to read, as text
        assert "<script>window.__pwned = 1</script>Council <b>votes</b>" in text
        assert '<img src=x onerror="window.__pwned = 1">' in text


def test_hostile_article_through_the_pipeline_is_inert(tmp_path: Path) -> None:
    articles = hostile_articles(tmp_path)
    _assert_inert(render_blurb(blurb(articles[0]), "html"))
    _assert_inert(render_briefing(briefing(articles), "html"))


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a?b=1#c", True),
        ("http://127.0.0.1:8000/x.html", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("/relative/path", False),
        ("http://", False),
        ("https://ok.example/a b", False),
        (None, False),
        ("", False),
    ],
)
def test_only_absolute_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) == url) if ok else safe_url(url) is None


def _selectors(css: str) -> list[str]:
    """Every selector of every rule, including rules inside @media blocks."""
    return [
        sel.strip()
        for rule in re.findall(r"([^{}]+)\{[^{}]*\}", css)
        for sel in rule.split(",")
        if sel.strip()
    ]


def test_blurb_styles_are_scoped_to_its_root_class(tmp_path: Path) -> None:
    html = render_blurb(blurb(hostile_articles(tmp_path)[0]), "html")
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert len(styles) == 1
    selectors = _selectors(styles[0])
    assert len(selectors) > 10
    for selector in selectors:
        assert selector == ".smz-blurb" or selector.startswith(".smz-blurb "), selector
    assert html.lstrip().startswith('<div class="smz-blurb"')
    assert "<details" in html and '<summary class="smz-summary">Get a summary</summary>' in html


def test_briefing_page_is_self_contained_with_badges_tips_and_links(tmp_path: Path) -> None:
    result = briefing(day_articles(tmp_path, "https://news.example"))
    html = render_briefing(result, "html")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@media print" in html and "@media (max-width:48rem)" in html
    for external in ("<link", "<img", "<script", "@import", "url("):
        assert external not in html
    assert "2 sources" in html and "Coast Herald" in html and "Daily Pilot" in html
    assert 'href="https://news.example/article-1.html"' in html
    shown = [c for c in result.claims if c.shown]
    assert shown
    text = "".join(_parse(html).text)
    for claim in shown:
        assert claim.text in text
        for cite in claim.citations:  # every cited sentence is in a tooltip
            assert cite.text in text
    assert len(re.findall(r'class="smz-tip" role="tooltip"', html)) >= len(shown)


def test_stories_listed_but_not_written_appear_in_their_own_section() -> None:
    story = Story(id="s9", title="Ferry strike", outlets=[Outlet(name="A"), Outlet(name="B")])
    assert not story.written
    html = render_briefing(Briefing(title="Day", stories=[story]), "html")
    listed = html.split("Also reported", 1)[1]
    assert "Ferry strike" in listed and "2 sources" in listed


def test_templates_are_package_resources() -> None:
    folder = resources.files("summarizer") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"briefing.html.j2", "blurb.html.j2", "verify.html.j2", "_parts.html.j2"} <= names


def test_cli_writes_html(tmp_path: Path) -> None:
    articles = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    out = tmp_path / "b.html"
    result = CliRunner().invoke(
        app, ["briefing", str(articles), "-f", "html", "-q", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")
    one = str(sorted(articles.glob("*.txt"))[0])
    result = CliRunner().invoke(app, ["blurb", one, "--format", "html", "-q"])
    assert result.exit_code == 0 and "Get a summary" in result.stdout
    result = CliRunner().invoke(app, ["blurb", one, "--format", "xml", "-q"])
    assert result.exit_code == 2


def test_a_story_time_span_is_shown_when_known() -> None:
    start = datetime(2026, 11, 21, 6, 5, tzinfo=UTC)
    story = Story(id="s1", title="Storm", written=True, first_published=start)
    story.last_published = start.replace(day=22)
    story.claims = [Claim(text="A storm hit.", verdict="accepted")]
    html = render_briefing(Briefing(stories=[story]), "html")
    assert '<span class="smz-span">· 2026-11-21 to 2026-11-22</span>' in html
    assert 'class="smz-span"' not in render_briefing(Briefing(stories=[Story(id="s2")]), "html")


def test_a_written_story_whose_claims_all_failed_is_listed_and_says_so() -> None:
    story = Story(id="s1", title="Rumour", written=True, outlets=[Outlet(name="A")])
    story.claims = [Claim(text="Unsupported.", verdict="rejected")]
    html = render_briefing(Briefing(stories=[story]), "html")
    listed = html.split("Also reported", 1)[1]
    assert "Rumour" in listed and "no claim passed verification" in listed
    assert "Unsupported." not in html


def test_rejected_claims_are_not_shown_and_long_outlet_lists_are_cut() -> None:
    outlets = [Outlet(name=f"Outlet {i}", url=f"https://o{i}.example/a") for i in range(25)]
    source = Source(number=1, article_id="a1", title="Wire story", outlets=outlets)
    cite = Citation(sentence_id="a1.s1", article_id="a1", text="Prices rose 3%.")
    story = Story(id="s1", title="Prices", article_ids=["a1"], outlets=outlets, written=True)
    story.claims = [
        Claim(text="Prices rose 3%.", citations=[cite], verdict="accepted"),
        Claim(text="Prices rose 30%.", citations=[cite], verdict="rejected"),
    ]
    result = Briefing(stories=[story], sources=[source])
    result.counts.accepted, result.counts.rejected = 1, 1
    html = render_briefing(result, "html")
    assert "Prices rose 3%." in html and "Prices rose 30%." not in html
    assert "1 rejected and not shown" in html
    assert "25 sources" in html and html.count("and 15 more") == 2  # story byline, Sources
    assert "Outlet 9<" in html and "Outlet 10<" not in html


def test_the_readme_html_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(__file__).resolve().parent.parent
    section = (root / "README.md").read_text().split("### HTML", 1)[1]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].split() for line in block.strip().splitlines()]
    assert [c[:3] for c in commands] == [["summarizer", "briefing", "fixtures/articles"]] + [
        ["summarizer", "blurb", "fixtures/articles/001_f0f5015643b5d02c.txt"]
    ]
    (tmp_path / "fixtures").symlink_to(root / "fixtures")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        result = CliRunner().invoke(app, command[1:])
        assert result.exit_code == 0, (command, result.output)
    assert "<!DOCTYPE html>" in (tmp_path / "briefing.html").read_text()
    assert "Get a summary" in (tmp_path / "blurb.html").read_text()


def _verdicts(page: str) -> list[tuple[str, str, list[str], list[str]]]:
    """Each sentence of a verify page as a reader sees it: its verdict label, its text, the
    reasons and the evidence quotes."""
    doc = lxml.html.fromstring(page)
    return [
        (
            "".join(li.xpath('.//span[@class="smz-label"]/text()')),
            "".join(li.xpath('.//span[@class="smz-text"]//text()')),
            [r.text_content() for r in li.xpath('.//li[@class="smz-reason"]')],
            [q.text_content() for q in li.xpath('.//bdi[@class="smz-quote"]')],
        )
        for li in doc.xpath('//li[contains(@class, "smz-verdict")]')
    ]


def test_verify_report_page_shows_each_verdict_its_reason_and_evidence_as_text() -> None:
    """`verify -o report.html` wrote the plain-text report into the .html file: now a page
    like the briefing's, every piece of the draft and the sources escaped."""
    hostile = f"<script>{PWN}</script>Council <b>votes</b>"
    cite = Citation(sentence_id="a1.s1", article_id="a1", text=f"{hostile} on Monday.")
    why = Check(
        name="numbers", passed=False, detail=f'not in the cited text: <img src=x onerror="{PWN}">'
    )
    monday, tuesday = f"{hostile} on Monday.", f"{hostile} on Tuesday."
    claims = [
        DraftClaim(index=1, text=monday, supported=True, support="supported", evidence=[cite]),
        DraftClaim(index=2, text=tuesday, supported=False, support="contradicted", evidence=[cite]),
        DraftClaim(index=3, text="Nobody said this.", supported=False),
    ]
    claims[1].checks = [why]
    report = VerifyReport(
        draft=f"<b>{hostile}</b>.md",
        sources=[HOSTILE["title"], "feed/b.txt"],
        claims=claims,
        supported=1,
        unsupported=2,
        contradicted=1,
        unverifiable=1,
        skipped=[SkippedPart(text=f"Related {hostile}", reason="a label, not a sentence")],
    )
    page = render_verify(report, "html")
    assert (
        page.startswith("<!DOCTYPE html>")
        and '<meta name="generator" content="summarizer">' in page
    )
    _assert_inert(page)
    for external in ("<link", "<img", "<script", "@import", "url("):
        assert external not in page
    assert _verdicts(page) == [
        ("Supported", monday, [], [cite.text]),
        ("Contradicted", tuesday, [f"numbers: {why.detail}"], [cite.text]),
        ("Unverifiable", "Nobody said this.", [], []),
    ]
    doc = lxml.html.fromstring(page)
    assert doc.xpath("string(//title)") == f"Verification of {report.draft}"
    assert "1 supported, 1 contradicted, 1 unverifiable" in doc.xpath("string(//header)")
    assert [x.text_content() for x in doc.xpath('//li[@class="smz-source"]')] == report.sources
    skipped = doc.xpath('//section[@class="smz-skipped"]')[0]  # said, never dropped unseen
    assert "Skipped, not checked: 1" in skipped.text_content()
    assert f"Related {hostile} (a label, not a sentence)" in skipped.text_content()


def test_cli_verify_writes_the_html_report_for_an_html_output(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """The -o file's extension names the format (.html), as --format html does; the page is
    not read back as an article when it is saved among the sources."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for path in seed_files:
        (feed / path.name).write_bytes(path.read_bytes())
    sentence = load_articles(seed_files[1])[0].sentences[0].text
    draft = tmp_path / "draft.txt"
    draft.write_text(
        f"{sentence}\nThe mayor of Springfield resigned on Friday.\n", encoding="utf-8"
    )
    args = ["verify", str(draft), "-s", str(feed), "-q"]
    as_json = json.loads(CliRunner().invoke(app, [*args, "-f", "json"]).stdout)
    out = feed / "report.html"
    result = CliRunner().invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 1, result.output  # the second sentence is not supported
    page = out.read_text(encoding="utf-8")
    verdicts = _verdicts(page)
    assert [(v[0].lower(), v[1]) for v in verdicts] == [
        ("supported" if c["supported"] else c["support"] or "unverifiable", c["text"])
        for c in as_json["claims"]
    ]
    assert verdicts[0][1] == sentence and verdicts[0][3]  # its evidence is shown
    assert verdicts[1][0] != "Supported"
    stdout = CliRunner().invoke(app, [*args, "--format", "html"])
    assert _verdicts(stdout.stdout) == verdicts
    again = json.loads(CliRunner().invoke(app, [*args, "-f", "json"]).stdout)
    assert again["sources"] == as_json["sources"]  # report.html is not a source
    shown = " ".join(CliRunner().invoke(app, ["verify", "--help"]).stdout.split())
    assert "-o report.html" in shown
