"""A local HTTP server on 127.0.0.1 (random free port) serving a folder, for URL and feed tests.

Only loopback traffic: the pages and feeds are written by the test into its own tmp folder.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".rss": "application/rss+xml",
        ".xml": "application/xml",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on 127.0.0.1; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


PAGE = """<!doctype html>
<html><head><title>{title}</title><meta property="og:site_name" content="Loopback News"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>Share this article. Related posts: nothing to see here.</footer></body></html>
"""


def page(title: str, sentences: list[str]) -> str:
    """A small news page: navigation, an article of one paragraph per sentence, a footer."""
    paragraphs = "\n".join(f"<p>{s}</p>" for s in sentences)
    return PAGE.format(title=title, paragraphs=paragraphs)


def rss(items: list[dict[str, str]], title: str = "Loopback News") -> str:
    """An RSS 2.0 feed; each item has title, link, pubDate and description (HTML, escaped)."""
    from xml.sax.saxutils import escape

    body = "".join(
        "<item>"
        f"<title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<pubDate>{i['date']}</pubDate>"
        f"<description>{escape(i.get('description', ''))}</description>"
        "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<rss version="2.0"><channel><title>{escape(title)}</title>{body}</channel></rss>'
    )
