"""A feed item dated by a day alone (Atom ``<updated>2025-03-18</updated>``, a ``dc:date``
of a day) is that whole day to ``--since``/``--until``, as a file's is; feedparser's
struct_time made it midnight. When a teaser's page is read, ``published_day`` follows the
date kept (the item's when it has one)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from summarizer.fetch import parse_feed
from summarizer.ingest import filter_by_date, load_articles

from .localweb import serve_folder

SENTENCE = "The city council voted on Tuesday to build a new bridge over the Elm River, {} said."
SINCE = datetime(2025, 3, 18, 15, tzinfo=UTC)


def _body(who: str) -> str:
    """Full text, over the teaser limit: the item is read as it is, no page fetched."""
    return " ".join(SENTENCE.format(f"{who} {n}") for n in range(5))


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>
<entry><title>Day story</title><link href="https://news.example/day"/>
<updated>2025-03-18</updated><content type="text">{day}</content></entry>
<entry><title>Morning story</title><link href="https://news.example/morning"/>
<updated>2025-03-18T09:00:00Z</updated><content type="text">{morning}</content></entry>
</feed>"""

RSS_DC = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette</title>
<item><title>Day story</title><link>https://news.example/day</link>
<dc:date>2025-03-18</dc:date><description>{day}</description></item>
<item><title>Dated story</title><link>https://news.example/dated</link>
<pubDate>Tue, 18 Mar 2025</pubDate><description>{dated}</description></item>
<item><title>Morning story</title><link>https://news.example/morning</link>
<pubDate>Tue, 18 Mar 2025 09:00:00 GMT</pubDate><description>{morning}</description></item>
</channel></rss>"""


def _titles_since(path: Path) -> list[str | None]:
    kept, _ = filter_by_date(load_articles(path), since=SINCE, until=None)
    return [a.title for a in kept]


def test_an_atom_item_updated_on_a_day_alone_is_the_whole_day(tmp_path: Path) -> None:
    feed = tmp_path / "today.atom"
    feed.write_text(ATOM.format(day=_body("officials"), morning=_body("aides")), encoding="utf-8")
    articles = load_articles(feed)
    assert [a.published_day for a in articles] == [True, False]
    assert articles[0].published == datetime(2025, 3, 18, tzinfo=UTC)
    assert _titles_since(feed) == ["Day story"]


def test_an_rss_dc_date_or_pub_date_of_a_day_alone_is_the_whole_day(tmp_path: Path) -> None:
    feed = tmp_path / "today.rss"
    text = RSS_DC.format(day=_body("officials"), dated=_body("clerks"), morning=_body("aides"))
    feed.write_text(text, encoding="utf-8")
    assert [a.published_day for a in load_articles(feed)] == [True, True, False]
    assert _titles_since(feed) == ["Day story", "Dated story"]


def _page(date: str) -> str:
    paragraphs = "".join(f"<p>{SENTENCE.format(f'the mayor {n}')}</p>" for n in range(4))
    return (
        '<!doctype html><html><head><title>Bridge</title><meta property="article:published_time"'
        f' content="{date}"></head><body><article><h1>Bridge</h1>{paragraphs}</article>'
        "</body></html>"
    )


def _teaser_feed(link: str, date: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gazette'
        f"</title><item><title>Teaser</title><link>{link}</link><pubDate>{date}</pubDate>"
        "<description>A bridge.</description></item></channel></rss>"
    )


def test_a_teasers_page_keeps_the_items_day_alone(tmp_path: Path) -> None:
    """The item's date is kept over the page's; so is its being a day alone."""
    (tmp_path / "bridge.html").write_text(_page("2025-03-17T09:00:00Z"), encoding="utf-8")
    with serve_folder(tmp_path) as base:
        [art] = parse_feed(_teaser_feed(f"{base}/bridge.html", "Tue, 18 Mar 2025"), "feed")
    assert art.title == "Teaser" and "the mayor 3" in art.text  # the page was read
    assert (art.published, art.published_day) == (datetime(2025, 3, 18, tzinfo=UTC), True)


def test_a_teasers_page_dated_by_a_day_does_not_make_the_items_instant_a_day(
    tmp_path: Path,
) -> None:
    """The page said a day alone; the item's instant is the date kept, and it is no day: an
    afternoon ``since`` drops an item published that morning."""
    (tmp_path / "bridge.html").write_text(_page("2025-03-18"), encoding="utf-8")
    with serve_folder(tmp_path) as base:
        feed = _teaser_feed(f"{base}/bridge.html", "Tue, 18 Mar 2025 09:00:00 GMT")
        [art] = parse_feed(feed, "feed")
    assert "the mayor 3" in art.text
    assert (art.published, art.published_day) == (datetime(2025, 3, 18, 9, tzinfo=UTC), False)
    assert filter_by_date([art], since=SINCE, until=None)[0] == []
