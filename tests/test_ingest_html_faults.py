"""HTML articles as a tester fed them: each case was a fault found by trying."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()

PARAGRAPHS = (
    "The city council voted 7-2 on Tuesday to approve the new harbour bridge.",
    "Construction starts in May and will take two years.",
    "The bridge will cost 40 million dollars, the mayor said.",
    "Opponents said the money should go to schools instead.",
)


def page(head: str = "", body: str = "") -> str:
    """A bridge story's page, ``head`` added to its <head>, ``body`` (paragraphs by default)
    inside its <article>."""
    body = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>Council approves bridge</title>{head}</head>"
        f"<body><article><h1>Council approves bridge</h1>{body}</article></body></html>"
    )


def briefing_json(folder: Path, *options: str) -> dict:
    result = runner.invoke(app, ["briefing", str(folder), "-f", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def published_page(tmp_path: Path, content: str) -> Path:
    folder = tmp_path / "htmldir"
    folder.mkdir()
    meta = f'<meta property="article:published_time" content="{content}">'
    (folder / "bridge.html").write_text(page(head=meta), encoding="utf-8")
    return folder


# -- 1. a page's publication time, not only its day ------------------------------------------


@pytest.mark.parametrize(
    ("content", "utc"),
    [
        ("2025-03-18T15:00:00Z", "2025-03-18T15:00:00Z"),
        ("2025-03-18T09:00:00-04:00", "2025-03-18T13:00:00Z"),
    ],
)
def test_a_page_published_in_the_afternoon_is_in_an_afternoon_window(
    tmp_path: Path, content: str, utc: str
) -> None:
    """The time was cut to midnight UTC: ``--since 2025-03-18T12:00:00Z`` left the page out
    ("the briefing is empty") and the story's first_published said 00:00."""
    folder = published_page(tmp_path, content)
    out = briefing_json(folder, "--since", "2025-03-18T12:00:00Z")
    [story] = out["stories"]
    assert story["first_published"] == utc
    assert not any("outside the dates" in p for p in out["problems"])
    # and the time counts: a window closing before it leaves the page out
    early = briefing_json(folder, "--until", "2025-03-18T12:00:00Z")
    assert early["stories"] == []


@pytest.mark.parametrize(
    ("window", "kept"),
    [
        (["--since", "2025-03-18T12:00:00Z"], True),  # the afternoon of its day
        (["--until", "2025-03-18T12:00:00Z"], True),  # the morning of its day
        (["--since", "2025-03-19"], False),  # the next day
        (["--until", "2025-03-17"], False),  # through the day before
    ],
)
def test_a_page_dated_by_a_day_alone_is_that_whole_day(
    tmp_path: Path, window: list[str], kept: bool
) -> None:
    """A page giving no time of day may have been published at any hour of it: a window
    holding part of that day keeps it (it was midnight UTC, and left out of the afternoon)."""
    folder = published_page(tmp_path, "2025-03-18")
    out = briefing_json(folder, *window)
    assert bool(out["stories"]) is kept


def test_a_record_dated_by_a_day_alone_follows_the_same_rule(tmp_path: Path) -> None:
    """One rule for a day alone, whichever way the article came: a JSON Lines record's
    "published": "2025-03-18" is that whole day as a page's is."""
    feed = tmp_path / "day.jsonl"
    records = [
        {"text": " ".join(PARAGRAPHS), "published": "2025-03-18"},
        {
            "text": "The school board cut the sports budget by 10 percent. Parents protested.",
            "published": "2025-03-18T08:00:00Z",  # an instant before the window: left out
        },
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    out = briefing_json(feed, "--since", "2025-03-18T12:00:00Z")
    assert len(out["stories"]) == 1
    assert "harbour bridge" in json.dumps(out["stories"][0])
    assert any("1 article left out: published outside the dates" in p for p in out["problems"])


# -- 2. an embed's fallback text is no sentence, and blocks never glue -----------------------

EMBEDS = {
    "iframe": "<iframe src=x>Your browser does not support iframes.</iframe>",
    "video": (
        '<video controls><source src="m.mp4" type="video/mp4">'
        "Your browser does not support the video tag.</video>"
    ),
    "audio": "<audio controls src=a.mp3>Your browser does not support the audio element.</audio>",
    "object": '<object data="map.pdf">Your browser cannot show this map.</object>',
}
BODY = "<p>The council voted on Tuesday.</p>{embed}<p>Construction starts in May.</p>"


def _cited(result_stdout: str) -> list[str]:
    """Every source sentence a JSON blurb output cites."""
    out = json.loads(result_stdout)
    blurbs = out if isinstance(out, list) else [out]
    return [c["text"] for b in blurbs for claim in b["claims"] for c in claim["citations"]]


@pytest.mark.parametrize("kind", sorted(EMBEDS))
@pytest.mark.parametrize("via", ["jsonl", "txt"])
def test_an_embeds_fallback_text_is_dropped_from_an_html_body(
    tmp_path: Path, kind: str, via: str
) -> None:
    """A CMS body with an <iframe> (or <video>, ...) between two paragraphs gave the sentence
    "Your browser does not support iframes.Construction starts in May." and cited it."""
    body = BODY.format(embed=EMBEDS[kind])
    if via == "jsonl":
        path = tmp_path / "day.jsonl"
        path.write_text(json.dumps({"title": "Bridge vote", "text": body}) + "\n")
    else:
        path = tmp_path / "bridge.txt"
        path.write_text(body)
    result = runner.invoke(app, ["blurb", str(path), "-f", "json", "-n", "4"])
    assert result.exit_code == 0, result.output
    cited = _cited(result.stdout)
    assert sorted(cited) == ["Construction starts in May.", "The council voted on Tuesday."]


def test_a_library_str_drops_an_embed_and_keeps_paragraphs_apart() -> None:
    from summarizer import make_article

    text = BODY.format(embed=EMBEDS["iframe"] + "<noscript>Please enable JavaScript.</noscript>")
    article = make_article(text)
    assert [s.text for s in article.sentences] == [
        "The council voted on Tuesday.",
        "Construction starts in May.",
    ]
    # blocks are apart even where no closing tag separates them, and a script inside a
    # sentence leaves its words apart
    glued = (
        "<div>The council voted on Tuesday.<section>Construction starts in May.</section>"
        "<p>The cost is 40 million<script>x()</script>dollars.</p></div>"
    )
    assert [s.text for s in make_article(glued).sentences] == [
        "The council voted on Tuesday.",
        "Construction starts in May.",
        "The cost is 40 million dollars.",
    ]


# -- 3. a <noscript> in a page does not run the headline into the lead -----------------------


@pytest.mark.parametrize(
    "fallback",
    [
        "<noscript>Please enable JavaScript to view the comments.</noscript>",
        "<iframe src=x>Please enable JavaScript to view the comments.</iframe>",
    ],
)
def test_a_noscript_in_a_page_is_not_read(tmp_path: Path, fallback: str) -> None:
    """With a <noscript> after the lead, trafilatura's text collapsed onto one line: the blurb
    began "Council approves bridge The city council voted 7-2 ..." and ``-n 4`` quoted
    "Please enable JavaScript to view the comments."."""
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS[:3]]
    paras.insert(1, fallback)
    path = tmp_path / "bridge.html"
    path.write_text(page(body="".join(paras)), encoding="utf-8")
    result = runner.invoke(app, ["blurb", str(path), "-f", "json", "-n", "4"])
    assert result.exit_code == 0, result.output
    [blurb] = [json.loads(result.stdout)]
    assert blurb["title"] == "Council approves bridge"
    cited = _cited(result.stdout)
    assert cited == list(PARAGRAPHS[:3])
    assert not any("JavaScript" in c["text"] for c in blurb["claims"])


# -- 4. a page of several articles ------------------------------------------------------------

HOME = """<!DOCTYPE html><html><head><title>Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav><main>
<article><h2><a href="https://harbourtimes.example/bridge">Council approves bridge</a></h2>
<time datetime="2025-03-18T15:00:00Z">March 18</time>
<p>The city council voted 7-2 on Tuesday to approve the new harbour bridge.</p>
<p>Construction starts in May and will take two years.</p></article>
<article><h2>School budget cut</h2>
<p>The school board cut the sports budget by 10 percent on Monday.</p>
<p>Parents said they would protest at the next meeting.</p></article>
<article><h2>Dog show draws record crowd</h2>
<p>More than 3,000 people came to the county dog show on Sunday.</p>
<p>A border collie named Pip won best in show.</p></article>
</main><footer>(c) Harbour Times</footer></body></html>"""


def test_a_page_of_several_articles_is_read_as_each_of_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A home page with three <article>s gave one blurb mixing the bridge, the school budget
    and the dog show, and a briefing of one story titled with the site's name."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text(HOME, encoding="utf-8")
    result = runner.invoke(app, ["briefing", str(folder), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "index.html: the page holds 3 articles; each is read" in caplog.text  # on stderr
    out = json.loads(result.stdout)
    titles = sorted(s["title"] for s in out["stories"])
    assert titles == ["Council approves bridge", "Dog show draws record crowd", "School budget cut"]
    own = {  # each story quotes its own article only
        "Council approves bridge": ("harbour bridge", "Construction starts"),
        "School budget cut": ("school board", "Parents said"),
        "Dog show draws record crowd": ("dog show", "border collie"),
    }
    for story in out["stories"]:
        quoted = [c["text"] for claim in story["claims"] for c in claim["citations"]]
        assert quoted and all(any(k in q for k in own[story["title"]]) for q in quoted), story
    bridge = next(s for s in out["stories"] if "bridge" in s["title"])
    assert bridge["first_published"] == "2025-03-18T15:00:00Z"  # its own <time>
    source = next(s for s in out["sources"] if s["title"] == "Council approves bridge")
    assert source["outlets"][0]["url"] == "https://harbourtimes.example/bridge"
    # the same page gives the same articles, ids included, run after run
    again = json.loads(runner.invoke(app, ["briefing", str(folder), "-f", "json"]).stdout)
    assert [s["article_id"] for s in again["sources"]] == [s["article_id"] for s in out["sources"]]


def test_a_story_with_related_teasers_in_articles_is_one_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An article page whose "related" stories are <article>s too is still one article."""
    teasers = "".join(
        f"<article><h3>Other story {n}</h3><p>A short teaser for another story number {n}.</p>"
        "</article>"
        for n in range(3)
    )
    long_story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    path = tmp_path / "bridge.html"
    path.write_text(page(body=long_story).replace("</body>", f"{teasers}</body>"))
    result = runner.invoke(app, ["blurb", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "holds" not in caplog.text
    blurb = json.loads(result.stdout)
    assert blurb["title"] == "Council approves bridge"
