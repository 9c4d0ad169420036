"""HTML output (issue 11): a self-contained briefing page, an embeddable "Get a summary" block, and
a verify report page.

Templates are package resources (``summarizer/templates``) rendered by jinja2 with autoescaping
on, because every title, outlet name, URL and sentence comes from an untrusted article: markup in
them must reach the page as text. Only http(s) URLs ever become links.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import count

import jinja2

from .draft import VerifyReport
from .models import Blurb, Briefing, Claim, Outlet, Source, Story, web_url
from .render import (
    MAX_LISTED,
    NOT_FIT,
    TOO_FEW_SOURCES,
    _outlet_name,
    _time_span,
    block_id,
    copies_run_by,
    empty_blurb,
    empty_briefing,
    kind_label,
    listed_note,
    listings,
    published_label,
    source_count,
)
from .sentences import cut_mark


@dataclass
class Mark:
    """A citation marker [n]: the source's number and the sentences of it that the claim cites."""

    number: int
    tip_id: str
    outlet: str
    title: str | None
    quotes: list[str] = field(default_factory=list)  # cited sentences, exactly as in the source


@dataclass
class ClaimView:
    """A shown claim and its markers."""

    text: str
    marks: list[Mark]
    dir: str = "auto"  # "rtl" for an Arabic or Hebrew claim: its period and markers at its end


@dataclass
class Link:
    """An outlet or title, linked only when its URL is http(s)."""

    label: str
    url: str | None


@dataclass
class StoryView:
    """A story as the page shows it: headline, "N sources" badge, outlets, claims."""

    title: str
    derived: bool  # the title is the start of a lead: no article of the story has a headline
    badge: str
    outlets: list[Link]
    more_outlets: int
    claims: list[ClaimView]
    span: str
    note: str | None  # why a listed story shows nothing, when its heading does not say it
    copies: str | None  # "copy run by Gazette": outlets that re-ran another's report
    dir: str = "auto"  # the headline's direction


@dataclass
class SourceView:
    """An entry of the numbered Sources list."""

    number: int
    anchor: str
    title: str
    derived: bool  # the title is the start of the article's lead: it has no headline
    url: str | None
    outlets: list[Link]
    more_outlets: int
    published: str  # "2026-03-17 12:40 UTC"; "" when unknown


def direction(text: str | None) -> str:
    """``rtl`` or ``ltr`` by the first strongly directional character (as ``dir="auto"``
    judges it), else ``auto``. A block holding article text gets it explicitly: ``dir="auto"``
    skips the ``<bdi>`` isolates inside it and would call an Arabic claim left-to-right."""
    for ch in text or "":
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "auto"


def safe_url(url: str | None) -> str | None:
    """The URL if a link may be made of it (``models.web_url``: the rule every Outlet keeps)."""
    return web_url(url)


def render_blurb_html(result: Blurb, *, prefix: str | None = None) -> str:
    """The embeddable block: ``<details>`` with a "Get a summary" summary, styles scoped to it.

    ``prefix``: the block's root id and its other ids' prefix (``render.block_id``); by
    default ``smz-<article id>``."""
    prefix = prefix or block_id(result.article_id)
    sources = {s.article_id: s for s in result.sources}
    ids = count(1)
    claims = [_claim_view(c, sources, prefix, ids) for c in result.claims if c.shown]
    empty = empty_blurb(result)
    return _template("blurb.html.j2").render(
        root_id=prefix,
        title=result.title,
        kind=kind_label(result),
        text_dir=direction(claims[0].text if claims else empty),
        claims=claims,
        sources=[_source_view(s, prefix) for s in result.sources],
        partial=result.partial,
        empty=empty,
    )


# the page's words for the Markdown's listing headings
_LISTING_HEADINGS = {NOT_FIT: "Also reported", TOO_FEW_SOURCES: "Too few sources"}


def render_briefing_html(result: Briefing) -> str:
    """One self-contained page: no external assets, no script, readable on a phone and in print."""
    prefix = "smz"
    sources = {s.article_id: s for s in result.sources}
    written: list[StoryView] = []
    listed: list[Story] = []
    ids = count(1)
    for story in result.stories:
        claims = [_claim_view(c, sources, prefix, ids) for c in story.claims if c.shown]
        if claims:
            written.append(_story_view(story, claims))
        else:  # as in Markdown: no shown claim, listed under the heading that says why
            listed.append(story)
    return _template("briefing.html.j2").render(
        title=result.title,
        stories=written,
        empty=empty_briefing(result),  # as Markdown says it: why nothing was written
        listed=len(listed),
        listings=[
            (_LISTING_HEADINGS[heading], [_story_view(s, []) for s in part])
            for heading, part in listings(listed)
        ],
        sources=[_source_view(s, prefix) for s in result.sources],
        engine=result.engine,
        counts=result.counts,
        partial=result.partial,
        problems=result.problems,
    )


def render_verify_html(report: VerifyReport) -> str:
    """One self-contained page, as the briefing's: each sentence of the draft with its verdict,
    the failed checks that say why, and the source sentences found as its evidence."""
    return _template("verify.html.j2").render(
        draft=report.draft,
        claims=report.claims,
        supported=report.supported,
        contradicted=report.contradicted,
        unverifiable=report.unverifiable,
        sources=report.sources,
        skipped=report.skipped,
    )


@cache
def _environment() -> jinja2.Environment:
    """Templates from the installed package; autoescape on for every template, whatever its name."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def _claim_view(
    claim: Claim, sources: dict[str, Source], prefix: str, ids: Iterator[int]
) -> ClaimView:
    """A shown claim with one marker per cited source, each carrying the cited sentences."""
    marks: dict[int, Mark] = {}
    for cite in claim.citations:
        source = sources.get(cite.article_id)
        if source is None:
            continue
        mark = marks.get(source.number)
        if mark is None:
            mark = Mark(
                number=source.number,
                tip_id=f"{prefix}-tip-{next(ids)}",
                outlet=_outlets_label(source.outlets),
                title=source.title,
            )
            marks[source.number] = mark
        if cite.text not in mark.quotes:
            mark.quotes.append(cite.text)
    text = claim.text + cut_mark(claim.text)  # as text and Markdown show it
    return ClaimView(text=text, marks=list(marks.values()), dir=direction(claim.text))


def _story_view(story: Story, claims: list[ClaimView]) -> StoryView:
    distinct: dict[str, Link] = {}
    for outlet in story.reporting_outlets:
        distinct.setdefault(_outlet_name(outlet), _link(outlet))
    links = list(distinct.values())
    n = len(links)
    return StoryView(
        title=story.title or "Story",
        derived=story.title_derived,
        badge=source_count(story, n),
        outlets=links[:MAX_LISTED],
        more_outlets=max(0, n - MAX_LISTED),
        claims=claims,
        span=_time_span(story),
        note=None if claims else listed_note(story),
        copies=copies_run_by(story),
        dir=direction(story.title),
    )


def _source_view(source: Source, prefix: str) -> SourceView:
    links = list({_outlet_name(o): _link(o) for o in source.outlets}.values())
    url = next((u for o in source.outlets if (u := safe_url(o.url))), None)
    return SourceView(
        number=source.number,
        anchor=f"{prefix}-src-{source.number}",
        title=source.title or "(untitled article)",
        derived=source.title_derived,
        url=url,
        outlets=links[:MAX_LISTED],
        more_outlets=max(0, len(links) - MAX_LISTED),
        published=published_label(source),
    )


def _link(outlet: Outlet) -> Link:
    return Link(label=_outlet_name(outlet), url=safe_url(outlet.url))


def _outlets_label(outlets: list[Outlet]) -> str:
    names = list(dict.fromkeys(_outlet_name(o) for o in outlets))
    if not names:
        return "unknown source"
    more = len(names) - 1
    return names[0] + (f" and {more} more" if more else "")
