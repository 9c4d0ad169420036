"""A page fetched by URL that holds several ``<article>``s of like length (a home page) is
read as each of them, with a warning, as an ``.html`` file is (``ingest.html_articles``):
one blurb of it mixed three stories under the site's name."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer.fetch import load_url, parse_feed
from summarizer.ingest import load_articles

from .localweb import rss, serve_folder
from .test_ingest_html_faults import HOME as FILE_HOME

# the home page of the HTML file tests, its second headline a relative link (resolved
# against the fetched URL)
HOME = FILE_HOME.replace(
    "<h2>School budget cut</h2>", '<h2><a href="/school">School budget cut</a></h2>'
)


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(HOME, encoding="utf-8")
    return site


def test_a_fetched_page_of_several_articles_is_read_as_each_of_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    with serve_folder(_site(tmp_path)) as base:
        articles = load_articles(f"{base}/index.html")
    assert f"{base}/index.html: the page holds 3 articles; each is read" in caplog.text
    assert [a.title for a in articles] == [
        "Council approves bridge",
        "School budget cut",
        "Dog show draws record crowd",
    ]
    assert "harbour bridge" in articles[0].text and "school board" not in articles[0].text
    assert "border collie" in articles[2].text and "harbour" not in articles[2].text
    assert [a.outlets[0].url for a in articles] == [
        "https://harbourtimes.example/bridge",
        f"{base}/school",  # a heading's relative link, read against the page's URL
        f"{base}/index.html",  # no link of its own: the page's
    ]
    assert all(a.outlets[0].file is None for a in articles)
    assert all(a.outlets[0].name == "Harbour Times" for a in articles)
    assert articles[0].published == datetime(2025, 3, 18, 15, tzinfo=UTC)  # its own <time>


def test_a_fetched_page_of_one_article_is_still_one(tmp_path: Path) -> None:
    one = HOME.split("<article>")
    site = _site(tmp_path)
    (site / "story.html").write_text("<article>".join(one[:2]) + "</main></body></html>")
    with serve_folder(site) as base:
        [art] = load_url(f"{base}/story.html")
    assert art.outlets[0].url == f"{base}/story.html" and art.outlets[0].file is None
    assert "harbour bridge" in art.text


def test_a_teaser_linking_to_a_page_of_several_articles_keeps_its_own_text(
    tmp_path: Path,
) -> None:
    """Which of the page's articles is the item's is not known: none is taken for it."""
    with serve_folder(_site(tmp_path)) as base:
        feed = rss(
            [
                {
                    "title": "Bridge",
                    "link": f"{base}/index.html",
                    "date": "Tue, 18 Mar 2025 09:00:00 GMT",
                    "description": "The council approved the harbour bridge on Tuesday.",
                }
            ]
        )
        [art] = parse_feed(feed, "feed")
    assert [s.text for s in art.sentences] == [
        "The council approved the harbour bridge on Tuesday."
    ]
