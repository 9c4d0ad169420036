"""Inputs from the web: article pages by URL, and RSS/Atom feeds (files or URLs).

Pages are fetched with httpx (timeouts, a size limit, redirects followed one hop at a time so
each hop is checked) and their main text extracted with trafilatura, as for ``.html`` files.
Feeds are parsed with feedparser; each item becomes an Article keeping its ``published`` date.
An item whose feed carries only a teaser is fetched from its link when fetching is allowed
and the link is http(s): a feed's items are untrusted content, and a ``file://`` link in one
(a remote feed's, or a local feed file's) must not make the tool read and publish a local file.

``summarizer serve`` fetches on behalf of remote callers, so it refuses ``file://`` and
private-network addresses (loopback, RFC 1918, link-local, ...) unless told otherwise.
"""

from __future__ import annotations

import calendar
import contextlib
import ipaddress
import logging
import re
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from html import escape
from typing import Any
from urllib.parse import urljoin, urlsplit

from .dates import lenient_datetime, lenient_published, names_a_day
from .errors import InputError
from .ingest import html_articles, make_article
from .models import Article, Outlet
from .sources import decode

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 20.0  # connect/read timeout per request
MAX_BYTES = 5_000_000  # a news page is rarely over 1 MB; a feed of 100 full items ~2 MB
MAX_REDIRECTS = 5
MAX_FEED_ITEMS = 200
# A feed item with fewer words than this is a teaser: its linked page is fetched instead.
MIN_ITEM_WORDS = 40
# Teaser pages fetched at once: each can wait TIMEOUT_SECONDS on a host that does not answer,
# one by one a feed of such teasers took minutes; a few at a time spare the site.
FEED_FETCHERS = 6
USER_AGENT = "summarizer/0.1 (+https://github.com/; news summaries)"

_FEED_HEAD = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


OnBadItem = Callable[[InputError], None]


class FetchDeadlineError(InputError):
    """The policy's deadline passed before the fetch was done."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may reach. The CLI allows everything the user can; serve does not."""

    allow_private: bool = True
    allow_file: bool = True
    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_BYTES
    fetch_items: bool = True  # fetch a teaser feed item's linked page
    deadline: float | None = None  # time.monotonic() past which no fetch goes on (serve's 504)


CLI_POLICY = FetchPolicy()
SERVE_POLICY = FetchPolicy(allow_private=False, allow_file=False)


def is_web_url(value: str) -> bool:
    """True for ``http://`` and ``https://`` URLs: the only links taken from fetched content."""
    return urlsplit(value).scheme.lower() in ("http", "https")


def is_url(value: str) -> bool:
    """True for ``http://``, ``https://`` and ``file://`` URLs."""
    return urlsplit(value).scheme.lower() in ("http", "https", "file")


def looks_like_feed(text: str) -> bool:
    """An RSS or Atom document, judged by its root element."""
    return bool(_FEED_HEAD.match(text[:4096]))


def load_url(
    url: str, policy: FetchPolicy = CLI_POLICY, on_bad: OnBadItem | None = None
) -> list[Article]:
    """Fetch a URL: a page gives one Article (each of its articles when it holds several, as
    an ``.html`` file: ``ingest.html_articles``), a feed one Article per item (``on_bad``: as
    for ``parse_feed``).

    Raises:
        InputError: the URL is refused, unreachable, too large, or has no article text.
    """
    text, final_url, content_type = fetch_text(url, policy)
    if "rss" in content_type or "atom" in content_type or looks_like_feed(text):
        return parse_feed(text, final_url, policy, on_bad)
    if "html" in content_type or text.lstrip()[:1] == "<":
        return _page_articles(text, final_url)
    return [make_article(text, url=final_url, file=None)]


def parse_feed(
    text: str, name: str, policy: FetchPolicy = CLI_POLICY, on_bad: OnBadItem | None = None
) -> list[Article]:
    """Parse an RSS/Atom document into Articles, one per item with text.

    An item with no text (neither its own nor its page's) is skipped: passed to ``on_bad``
    when given, so that a run counts it as it counts a bad record of a JSON Lines file (a
    briefing's exit 1), else only logged.

    Raises:
        InputError: the document is not a feed or no item has article text.
    """
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        if feed.bozo:
            raise InputError(f"{name}: not a valid RSS/Atom feed ({feed.bozo_exception})")
        raise InputError(f"{name}: the feed has no items")
    outlet = str(feed.feed.get("title") or "") or None
    items = [_FeedItem.of(entry, policy, text) for entry in feed.entries[:MAX_FEED_ITEMS]]
    # the teasers' pages are fetched together, and each item is then made in order, as one
    # by one: the same articles, skips, warnings and errors, in the same order
    pages = _start_all([item.fetch_page for item in items if item.teaser], FEED_FETCHERS)
    waiting = iter(pages)
    articles: list[Article] = []
    problems: list[str] = []
    try:
        for n, item in enumerate(items, 1):
            try:
                articles.append(item.article(outlet, next(waiting) if item.teaser else None))
            except FetchDeadlineError:
                raise  # serve's time limit: the whole request is late (504), not one item
            except InputError as exc:
                problems.append(f"item {n}: {exc}")
                if on_bad is not None:
                    on_bad(InputError(f"{name} (item {n}): skipped: {exc}"))
                else:
                    log.warning("%s: item %d skipped: %s", name, n, exc)
    finally:  # stopped (the deadline, Ctrl-C): the pages not yet asked for never are
        for page in pages:
            page.cancel()
    if not articles:
        # each skip was handed to on_bad (the CLI has printed it): said again, every line of
        # a feed of teasers came twice; unsaid (logged only), the first few are the error's
        why = (
            f"its {len(problems)} item(s) skipped, see above"
            if on_bad is not None
            else "; ".join(problems[:3])
        )
        raise InputError(f"{name}: no feed item has article text ({why})")
    return articles


def fetch_text(url: str, policy: FetchPolicy = CLI_POLICY) -> tuple[str, str, str]:
    """The decoded body, final URL and content type of ``url``, within the policy's limits.

    Raises:
        InputError: refused scheme or address, network error, HTTP error, too large, binary.
    """
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # 'http://[::1': an unclosed bracket
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not policy.allow_file:
            raise InputError(f"{url}: file:// URLs are not allowed here")
        from urllib.request import url2pathname

        path = url2pathname(parts.path)
        try:
            with open(path, "rb") as fh:
                data = fh.read(policy.max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{url}: cannot read ({exc.strerror})") from exc
        _check_size(url, len(data), policy)
        return decode(data, url), url, ""
    if scheme not in ("http", "https"):
        raise InputError(f"{url}: only http(s) URLs can be fetched")
    return _fetch_http(url, policy)


def _fetch_http(url: str, policy: FetchPolicy) -> tuple[str, str, str]:
    import httpx

    timeout = httpx.Timeout(policy.timeout)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, */*"}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            _check_address(url, policy)
            try:
                with client.stream("GET", url, timeout=_timeout(url, policy)) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                    data = _read_limited(resp, url, policy)
                    content_type = resp.headers.get("content-type", "").lower()
                    charset = resp.charset_encoding
            # InvalidURL, idna's UnicodeError (a ValueError): a host httpx cannot encode
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
                raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
            return _decode_body(data, url, charset), url, content_type
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _timeout(url: str, policy: FetchPolicy) -> float:
    """Seconds one request may wait: the policy's, or less when its deadline is nearer.

    Raises:
        FetchDeadlineError: the deadline has passed.
    """
    if policy.deadline is None:
        return policy.timeout
    left = policy.deadline - time.monotonic()
    if left <= 0:
        raise FetchDeadlineError(f"{url}: not fetched: the time limit has passed")
    return min(policy.timeout, left)


def _read_limited(resp: Any, url: str, policy: FetchPolicy) -> bytes:
    """The body, stopping as soon as it passes the size limit."""
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit():
        _check_size(url, int(declared), policy)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        _check_size(url, size, policy)
        _timeout(url, policy)  # a server sending a byte at a time stops at the deadline
        chunks.append(chunk)
    return b"".join(chunks)


def _check_size(url: str, size: int, policy: FetchPolicy) -> None:
    if size > policy.max_bytes:
        raise InputError(f"{url}: larger than the {policy.max_bytes:,}-byte limit")


def _decode_body(data: bytes, url: str, charset: str | None) -> str:
    if charset and charset.lower().replace("-", "") not in ("utf8", "ascii", "usascii"):
        with contextlib.suppress(LookupError, UnicodeDecodeError):  # else UTF-8's clear error
            data = data.decode(charset).encode("utf-8")
    return decode(data, url)


def _check_address(url: str, policy: FetchPolicy) -> None:
    """Refuse hosts that resolve to a private, loopback, link-local or reserved address.

    Checked before every hop; a DNS answer that changes between this check and the connection
    is not caught (run serve behind an egress proxy where that matters).
    """
    host = urlsplit(url).hostname
    if not host:
        raise InputError(f"{url}: no host in the URL")
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve {host}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not _public(address):
            raise InputError(f"{url}: {host} is a private-network address ({address}); refused")


# IPv6 prefixes that carry an IPv4 address a gateway connects to (NAT64, RFC 6052; the
# deprecated IPv4-compatible ::a.b.c.d): ipaddress calls 64:ff9b::a00:1 global, yet behind a
# NAT64 gateway it reaches 10.0.0.1. Such an address (and a 6to4, Teredo or IPv4-mapped one)
# is judged by the IPv4 address it holds.
_EMBEDS_IPV4 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("::/96"))
# Special-purpose blocks IANA lists as not globally reachable that older Pythons' is_global
# misses (3.11.7 calls 192.0.0.8 global), and NAT64's local-use prefix (RFC 8215).
_NOT_GLOBAL = (ipaddress.ip_network("192.0.0.0/24"), ipaddress.ip_network("64:ff9b:1::/48"))


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A globally reachable unicast address, also through any IPv4 address it embeds."""
    if not address.is_global or address.is_multicast:
        return False
    if any(address.version == net.version and address in net for net in _NOT_GLOBAL):
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return True
    embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
    if embedded is None and any(address in net for net in _EMBEDS_IPV4):
        embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return embedded is None or _public(embedded)


def _page_articles(html: str, url: str) -> list[Article]:
    """A fetched page's articles, read as an ``.html`` file's, each keeping a URL: its own
    (a heading's link), the page's canonical one, else the one fetched. None names a file."""
    found = []
    for art in html_articles(html, url, base_url=url):
        outlets = [o.model_copy(update={"url": o.url or url, "file": None}) for o in art.outlets]
        found.append(art.model_copy(update={"outlets": outlets or [Outlet(url=url)]}))
    if not found:  # every <article> of a page of several was skipped (each logged)
        raise InputError(f"{url}: no article text found in the HTML")
    return found


_SCHEME_SLASHES = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)", re.DOTALL)


def _as_written(link: str, feed_text: str) -> str:
    """A feed item's non-web link as the feed wrote it: feedparser drops the slashes after
    "://", and a warning named ``file:///etc/passwd`` as ``file://etc/passwd`` (another
    file). An http(s) link is kept as feedparser gives it ("http:///x" is "http://x" to a
    browser too), and so is one not found in the feed's text."""
    match = _SCHEME_SLASHES.fullmatch(link)
    if match is None or is_web_url(link):
        return link
    scheme, rest = match.groups()
    for written in dict.fromkeys((rest, escape(rest, quote=False), escape(rest))):
        pattern = re.escape(scheme) + "://(/*)" + re.escape(written) + "(?=[\"'<\\s]|]]>)"
        if found := re.search(pattern, feed_text):
            return f"{scheme}://{found.group(1)}{rest}"
    return link


@dataclass(frozen=True)
class _FeedItem:
    """One feed item's text and link, and whether it is a teaser whose page is fetched."""

    entry: Any
    link: str | None
    body: str
    teaser: bool
    policy: FetchPolicy

    @classmethod
    def of(cls, entry: Any, policy: FetchPolicy, feed_text: str = "") -> _FeedItem:
        """Its full content, else its summary; a teaser is under MIN_ITEM_WORDS."""
        link = _as_written(str(entry.get("link") or ""), feed_text) or None
        contents = entry.get("content") or []
        html = str(contents[0].get("value", "")) if contents else str(entry.get("summary") or "")
        body = html_to_text(html)
        short = len(body.split()) < MIN_ITEM_WORDS
        teaser = bool(short and link and policy.fetch_items and is_web_url(link))
        if short and link and policy.fetch_items and not teaser:
            log.warning("%s: the feed item's link is not http(s); its page is not read", link)
        return cls(entry, link, body, teaser, policy)

    def fetch_page(self) -> Article:
        """The teaser's linked page (run on a fetcher thread), never a local file: the link
        is the feed's, not the user's. A page of several articles (a home page) is none of
        them: the item keeps its own text."""
        link = self.link or ""
        found = load_url(link, replace(self.policy, allow_file=False))
        if len(found) != 1:
            raise InputError(f"{link}: the page holds {len(found)} articles, not the item's one")
        return found[0]

    def article(self, outlet: str | None, page: Future[Article] | None) -> Article:
        """The item's article: a teaser is replaced by its ``page`` when that could be
        fetched, and otherwise kept: a short item whose page is offline or gone still has
        sentences worth citing.

        Raises:
            InputError: the item has no text, and no page that could be fetched.
            FetchDeadlineError: the policy's deadline passed while fetching its page.
        """
        link, body = self.link, self.body
        published = lenient_published(_published(self.entry), outlet or "feed")
        title = _item_title(self.entry)
        if page is not None:
            try:
                fetched = page.result()
            except FetchDeadlineError:
                raise
            except InputError as exc:
                if not body.strip():
                    raise InputError(
                        f"{title or link}: no text in the feed item, and its page: {exc}"
                    ) from None
                log.warning("%s: the feed item's own text is used: %s", title or link, exc)
            else:
                update: dict[str, object] = {
                    "title": title or fetched.title,
                    "title_recased": fetched.title_recased and not title,
                }
                if published is not None:  # the item's date wins, and with it its day-ness
                    update["published"] = lenient_datetime(published, outlet or "feed")
                    update["published_day"] = names_a_day(published)
                return fetched.model_copy(update=update)
        if not body.strip():
            raise InputError(f"{title or link or 'item'}: no text in the feed item")
        return make_article(body, title=title, url=link, source=outlet, published=published)


def _start_all(calls: list[Callable[[], Article]], workers: int) -> list[Future[Article]]:
    """Run ``calls`` on at most ``workers`` threads, started now; a future for each, in
    order. Daemon threads, not a ThreadPoolExecutor: its exit waits for every fetch running
    (up to TIMEOUT_SECONDS), so Ctrl-C during a feed would hang before it ended."""
    futures: list[Future[Article]] = [Future() for _ in calls]
    queue = iter(list(zip(calls, futures, strict=True)))
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                job = next(queue, None)
            if job is None:
                return
            call, future = job
            if not future.set_running_or_notify_cancel():  # cancelled: the feed was left
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the caller, as if it had called it
                future.set_exception(exc)

    for _ in range(min(workers, len(calls))):
        threading.Thread(target=work, name="summarizer-fetch", daemon=True).start()
    return futures


def _item_title(entry: Any) -> str | None:
    """The item's title as text: an Atom ``<title type="html">`` (or xhtml) carries markup,
    which would otherwise be shown as written ("Bridge <b>approved</b>")."""
    title = str(entry.get("title") or "")
    kind = str((entry.get("title_detail") or {}).get("type") or "")
    if "html" in kind and "<" in title:
        title = " ".join(html_to_text(title).split())
    return title or None


def _published(entry: Any) -> str | None:
    """The item's date as ISO 8601 UTC when feedparser understood it, else as written; a day
    alone (Atom's ``<updated>2025-03-18</updated>``, a ``dc:date`` or ``pubDate`` with no
    time) as written too: feedparser's struct_time makes it midnight, and ``make_article``
    must know it for the whole day to a date window (``dates.names_a_day``)."""
    for key in ("published", "updated"):
        parsed, raw = entry.get(f"{key}_parsed"), entry.get(key)
        if not parsed:
            continue
        if isinstance(raw, str) and names_a_day(raw):
            return raw
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))
    raw = entry.get("published") or entry.get("updated")
    return str(raw) if raw else None


_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/blockquote)\s*>")


# An embed's elements, whose text is only a fallback for browsers that cannot show it ("Your
# browser does not support iframes.", "Please enable JavaScript"): never the article's (ingest
# takes them out of a whole page too).
EMBEDS = ("noscript", "iframe", "video", "audio", "object", "embed", "template")
# Elements whose text is never the article's: code, embeds, controls.
_NOT_SHOWN = (
    "script", "style", "head", "title", *EMBEDS, "canvas", "svg", "picture", "button", "select",
)  # fmt: skip
# Elements that start and end a block of text: their text is never run into the text beside them.
_BLOCKS = (
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
    "figcaption", "table", "tr", "td", "th", "pre", "hr", "address", "details", "summary",
)  # fmt: skip


def html_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's body), paragraphs kept as blank lines."""
    if "<" not in html:
        return html
    import lxml.html

    marked = _BLOCK_END.sub("\n\n", html)
    try:
        root = lxml.html.fromstring(f"<div>{marked}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.iter(*_NOT_SHOWN):
        bad.tail = " " + (bad.tail or "")  # a word on either side of it is not glued
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):  # "...Tuesday.</iframe><p>Construction": two paragraphs
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    return str(root.text_content())
