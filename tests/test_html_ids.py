"""Two HTML blurbs on one page never share an element id, and each block's references (a
marker's ``aria-describedby``, a ``#`` link) stay inside it: blocks of the same article (a
teaser and the article's own, a duplicate in a blurbs file) shared every id."""

from __future__ import annotations

from collections import Counter

import lxml.html

from summarizer import blurb
from summarizer.html import render_blurb_html

TEXT = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said. "
    "The bridge will carry two lanes of traffic and a cycle path, officials said."
)


def _refs(element: lxml.html.HtmlElement) -> list[str]:
    """The ids an element's descendants refer to."""
    refs = [r for e in element.iter() for r in (e.get("aria-describedby") or "").split()]
    refs += [h[1:] for e in element.iter("a") if (h := e.get("href") or "").startswith("#")]
    return refs


def test_two_blurbs_of_one_article_on_a_page_share_no_id() -> None:
    result = blurb(TEXT, backend="extractive", sentences=2)
    assert result.claims
    page = lxml.html.fromstring(
        "<html><body>" + render_blurb_html(result) + render_blurb_html(result) + "</body></html>"
    )
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert len(ids) > 2  # the blocks, tooltips and source anchors
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    blocks = page.find_class("smz-blurb")
    assert len(blocks) == 2
    for block in blocks:
        own = {e.get("id") for e in block.iter() if e.get("id")}
        refs = _refs(block)
        assert refs and set(refs) <= own, (refs, own)
        assert all(i.startswith(f"smz-{result.article_id}") for i in own)
