"""URLs and RSS/Atom feeds as inputs, against a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import ipaddress
import re
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from summarizer import fetch
from summarizer.errors import InputError
from summarizer.fetch import CLI_POLICY, SERVE_POLICY, FetchPolicy, load_url, parse_feed
from summarizer.ingest import load_articles

from .conftest import ARTICLES
from .localweb import page, rss, serve_folder

SEEDS = sorted(ARTICLES.glob("*.txt"))
DATE = "2026-11-22T08:00:00Z"


def _seed_sentences(n: int) -> tuple[str | None, list[str]]:
    art = load_articles(SEEDS[n])[0]
    return art.title, [s.text for s in art.sentences]


def _site(tmp_path: Path) -> Path:
    """Two article pages and a teaser feed linking to them."""
    site = tmp_path / "site"
    site.mkdir()
    for n in (0, 1):
        title, sentences = _seed_sentences(n)
        (site / f"story{n}.html").write_text(page(title or f"Story {n}", sentences))
    return site


def test_page_url_gives_article_with_its_url(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _, sentences = _seed_sentences(0)
    with serve_folder(site) as base:
        [art] = load_articles(f"{base}/story0.html")
    assert art.outlets[0].url == f"{base}/story0.html"
    assert art.outlets[0].file is None
    text = art.text
    assert sentences[0] in text and sentences[-1] in text
    assert "Home | World" not in text  # navigation is not article text


def test_feed_file_items_keep_published_and_link(tmp_path: Path) -> None:
    items = []
    for n in (0, 1):
        title, sentences = _seed_sentences(n)
        items.append(
            {
                "title": title or f"Story {n}",
                "link": f"https://news.example/{n}",
                "date": f"Sun, 22 Nov 2026 0{n}:30:00 GMT",
                "description": "".join(f"<p>{s}</p>" for s in sentences),
            }
        )
    feed = tmp_path / "today.xml"
    feed.write_text(rss(items))
    articles = load_articles(feed)
    assert [a.published for a in articles] == [
        datetime(2026, 11, 22, h, 30, tzinfo=UTC) for h in (0, 1)
    ]
    assert [a.outlets[0].url for a in articles] == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    assert all(a.outlets[0].name == "Loopback News" for a in articles)
    assert articles[0].title == items[0]["title"]
    assert _seed_sentences(0)[1][0] in articles[0].text


def test_feed_url_with_teasers_fetches_each_linked_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    with serve_folder(site) as base:
        items = [
            {"title": f"Teaser {n}", "link": f"{base}/story{n}.html", "date": DATE} for n in (0, 1)
        ]
        (site / "feed.rss").write_text(rss(items))
        articles = load_articles(f"{base}/feed.rss")
    assert len(articles) == 2
    assert [a.title for a in articles] == ["Teaser 0", "Teaser 1"]  # the feed's titles win
    assert all(a.published == datetime(2026, 11, 22, 8, tzinfo=UTC) for a in articles)
    assert _seed_sentences(1)[1][-1] in articles[1].text


def test_serve_policy_refuses_loopback_and_file_urls(tmp_path: Path) -> None:
    site = _site(tmp_path)
    with serve_folder(site) as base:
        with pytest.raises(InputError, match="private-network address"):
            load_url(f"{base}/story0.html", SERVE_POLICY)
        with pytest.raises(InputError, match="private-network address"):
            load_url(f"http://localhost:{base.rsplit(':', 1)[1]}/story0.html", SERVE_POLICY)
        assert load_url(f"{base}/story0.html", CLI_POLICY)  # the CLI may read the user's own
    with pytest.raises(InputError, match="file:// URLs are not allowed"):
        load_url((site / "story0.html").as_uri(), SERVE_POLICY)
    assert load_url((site / "story0.html").as_uri(), CLI_POLICY)
    with pytest.raises(InputError, match="only http"):
        load_url("ftp://example.com/x", CLI_POLICY)


def test_size_limit_and_http_errors_are_input_errors(tmp_path: Path) -> None:
    site = _site(tmp_path)
    with serve_folder(site) as base:
        with pytest.raises(InputError, match="byte limit"):
            load_url(f"{base}/story0.html", FetchPolicy(max_bytes=500))
        with pytest.raises(InputError, match="HTTP 404"):
            load_url(f"{base}/missing.html")
    with pytest.raises(InputError, match="cannot fetch"):
        load_url(base + "/story0.html", FetchPolicy(timeout=2))  # the server is gone


def test_not_a_feed_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.xml"
    bad.write_text("<notes><note>hello</note></notes>")
    with pytest.raises(InputError, match="notes.xml"):
        load_articles(bad)
    with pytest.raises(InputError, match="no items"):
        parse_feed(rss([]), "empty feed")


def test_atom_html_title_is_shown_as_text(tmp_path: Path) -> None:
    """An Atom ``<title type="html">`` kept its markup: the briefing's heading read
    "Bridge \\<b\\>approved\\</b\\>"; a plain-text title keeps its "<" as written."""
    _, sentences = _seed_sentences(0)
    body = " ".join(sentences).replace("&", "&amp;").replace("<", "&lt;")
    entry = (
        '<entry><title type="{kind}">{title}</title><link href="https://example.com/1"/>'
        f"<updated>{DATE}</updated><content>{body}</content></entry>"
    )
    feed = tmp_path / "news.atom"
    html_title = entry.format(kind="html", title="Bridge &lt;b&gt;approved&lt;/b&gt;")
    text_title = entry.format(kind="text", title="Is 3 &lt; 4? Yes")
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>News</title>{html_title}{text_title}</feed>"
    )
    assert [a.title for a in load_articles(feed)] == ["Bridge approved", "Is 3 < 4? Yes"]


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1: ipaddress calls it global
        "64:ff9b::a9fe:a9fe",  # NAT64 of the cloud metadata address 169.254.169.254
        "64:ff9b:1::a00:1",  # NAT64's local-use prefix
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "::10.0.0.1",  # IPv4-compatible
        "::ffff:192.168.1.1",
        "192.0.0.8",  # IANA special purpose; Python 3.11.7's is_global says global
    ],
)
def test_serve_policy_refuses_private_addresses_inside_ipv6(
    address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host resolving to an IPv6 address that carries a private IPv4 one (which a NAT64 or
    6to4 gateway connects to) passed the check; no connection is made here."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    answer = [(family, socket.SOCK_STREAM, 6, "", (address, 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answer)
    shown = re.escape(str(ipaddress.ip_address(address)))
    with pytest.raises(InputError, match=f"private-network address \\({shown}\\)"):
        fetch._check_address("http://news.example/a", SERVE_POLICY)


@pytest.mark.parametrize("address", ["93.184.215.14", "64:ff9b::5db8:d70e", "2606:4700::1111"])
def test_serve_policy_lets_public_addresses_through(
    address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    answer = [(family, socket.SOCK_STREAM, 6, "", (address, 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answer)
    fetch._check_address("http://news.example/a", SERVE_POLICY)


def _budget_feed(tmp_path: Path, base: str, *, teaser: bool) -> Path:
    """A feed of a short item whose page is gone (its own text is used), an empty one whose
    page is gone too (skipped) and, with ``teaser``, a one-word teaser of a page that answers."""
    short = "The school board approved a new budget on Wednesday. Teachers get a raise."
    items = [
        {"title": "Budget", "link": f"{base}/gone.html", "date": DATE, "description": short},
        {"title": "Empty", "link": f"{base}/gone2.html", "date": DATE},
    ]
    if teaser:
        items.append(
            {"title": "Teaser", "link": f"{base}/story0.html", "date": DATE, "description": "x"}
        )
    feed = tmp_path / "today.rss"
    feed.write_text(rss(items))
    return feed


def test_a_short_item_whose_page_cannot_be_fetched_keeps_its_own_text(tmp_path: Path) -> None:
    """An item under MIN_ITEM_WORDS whose link could not be fetched was dropped ("cannot
    fetch"), its sentences lost; a feed of only such items was "no feed item has article
    text". Its own text is used now; only an item with no text at all is skipped."""
    with serve_folder(_site(tmp_path)) as base:
        feed = _budget_feed(tmp_path, base, teaser=True)
        skipped: list[InputError] = []
        articles = parse_feed(feed.read_text(), str(feed), on_bad=skipped.append)
    assert [a.title for a in articles] == ["Budget", "Teaser"]
    assert [s.text for s in articles[0].sentences] == [
        "The school board approved a new budget on Wednesday.",
        "Teachers get a raise.",
    ]
    assert articles[0].outlets[0].url == f"{base}/gone.html"
    assert _seed_sentences(0)[1][-1] in articles[1].text  # a page that answers still wins
    assert len(skipped) == 1 and "(item 2): skipped" in str(skipped[0])
    assert "HTTP 404" in str(skipped[0])


def test_a_briefing_of_a_feed_with_an_item_skipped_exits_1(tmp_path: Path) -> None:
    """A feed item skipped for having no text was only a WARNING, exit 0: it counts now as a
    bad JSON Lines record does (named on stderr, exit 1)."""
    from typer.testing import CliRunner

    from summarizer.cli import app

    _, sentences = _seed_sentences(0)
    items = [
        {"title": "Full", "link": "https://news.example/0", "date": DATE,
         "description": "".join(f"<p>{s}</p>" for s in sentences)},
        {"title": "Nothing", "link": "", "date": DATE},
    ]  # fmt: skip
    feed = tmp_path / "today.rss"
    feed.write_text(rss(items))
    result = CliRunner().invoke(app, ["briefing", str(feed), "-q"])
    assert result.exit_code == 1, result.output
    assert f"Error: {feed} (item 2): skipped: Nothing: no text in the feed item" in result.output


def test_quiet_silences_the_own_text_warning_but_not_the_errors(tmp_path: Path) -> None:
    """`-q` ("no notes on stderr") still printed "WARNING ...: the feed item's own text is
    used" for a teaser whose page could not be fetched; an item skipped is an error and is
    said with -q too. `quiet = true` in the config file silences it as -q does."""
    import os
    import subprocess
    import sys

    with serve_folder(_site(tmp_path)) as base:
        feed = _budget_feed(tmp_path, base, teaser=False)

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, "-m", "summarizer", "briefing", str(feed), *args]
            return subprocess.run(command, capture_output=True, text=True, timeout=120)

        loud = run()
        quiet = run("-q")
        home = Path(os.environ["SUMMARIZER_HOME"])
        home.mkdir(parents=True, exist_ok=True)
        (home / "config.toml").write_text("quiet = true\n", encoding="utf-8")
        configured = run()
    assert loud.returncode == 1, loud.stderr
    assert "own text is used" in loud.stderr
    for result in (quiet, configured):
        assert result.returncode == 1, result.stderr
        assert "own text is used" not in result.stderr
        assert "WARNING" not in result.stderr
        assert "(item 2): skipped" in result.stderr  # the error is still said
        assert "school board approved" in result.stdout


def test_a_feeds_teaser_pages_are_fetched_at_once_and_kept_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Teaser pages were fetched one by one, each up to 20 s on a host that does not answer.
    The fake fetch here waits until two fetches run at once (a barrier of 2), so it only
    passes when they do; the articles, the own-text fallback and the skip keep item order."""
    import threading

    from summarizer.ingest import make_article

    barrier = threading.Barrier(2, timeout=10)
    done: list[str] = []

    def fake_load_url(url: str, policy: FetchPolicy = CLI_POLICY) -> list[Any]:
        if url.endswith(("/a", "/b")):
            barrier.wait()  # BrokenBarrierError if the other one is not fetched meanwhile
        if url.endswith("/a"):
            while "b" not in done:  # /a finishes last: the order is still the feed's
                threading.Event().wait(0.01)
        done.append(url[-1])
        if url.endswith("/gone"):
            raise InputError(f"{url}: HTTP 404 Not Found")
        return [make_article(f"The page {url[-1]} says the council voted on Tuesday.")]

    monkeypatch.setattr(fetch, "load_url", fake_load_url)
    short = "The school board approved a new budget on Wednesday."
    items = [
        {"title": "A", "link": "https://news.example/a", "date": DATE},
        {"title": "Own", "link": "https://news.example/gone", "date": DATE, "description": short},
        {"title": "B", "link": "https://news.example/b", "date": DATE},
        {"title": "None", "link": "https://news.example/gone", "date": DATE},
    ]
    skipped: list[InputError] = []
    articles = parse_feed(rss(items), "feed.rss", on_bad=skipped.append)
    assert [a.title for a in articles] == ["A", "Own", "B"]
    assert "The page a says" in articles[0].text and "The page b says" in articles[2].text
    assert articles[1].text == short
    assert len(skipped) == 1 and "(item 4): skipped" in str(skipped[0])
    assert "HTTP 404" in str(skipped[0])


@pytest.mark.parametrize("style", ["file://localhost{}", "file:{}", "file://{}"])
def test_a_feed_item_link_to_a_local_file_is_never_read(tmp_path: Path, style: str) -> None:
    """A remote feed whose teaser item linked to ``file://localhost/tmp/x/secret.txt`` made
    the CLI read that local file and print it as a claim: the teaser's page was fetched with
    the CLI's policy, which allows file://. A link found in fetched content (or in a local
    feed file: its items are content too) is fetched only when it is http(s)."""
    secret = tmp_path / "secret" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(
        "The launch code of the vault is swordfish and it must never leave this machine. "
        "Nobody outside the building knows the second code, which is marlin."
    )
    site = tmp_path / "site"
    site.mkdir()
    items = [
        {
            "title": "Read this",
            "link": style.format(secret),
            "date": DATE,
            "description": "A short teaser about the council.",
        }
    ]
    (site / "feed.xml").write_text(rss(items))
    local_feed = tmp_path / "local.xml"
    local_feed.write_text(rss(items))
    with serve_folder(site) as base:
        remote = load_articles(f"{base}/feed.xml")
    for articles in (remote, load_articles(local_feed)):
        assert len(articles) == 1
        assert "swordfish" not in articles[0].text
        assert articles[0].text.startswith("A short teaser")  # the item's own text is kept
