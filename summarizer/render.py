"""Render results as plain text, Markdown, JSON or HTML (``html.py``). Only accepted and repaired
claims are shown; JSON carries every claim with its verdict."""

from __future__ import annotations

import json
import re
from datetime import UTC
from html import escape as html_escape
from pathlib import Path
from typing import Literal, get_args

from .draft import VerifyReport
from .errors import InputError
from .models import NO_SENTENCE_FITS, Blurb, Briefing, Claim, Outlet, Source, Story, web_url
from .sentences import cut_mark
from .sources import OUTPUT_MARKER
from .text import counted, word_count

Format = Literal["text", "md", "json", "html"]
BriefingFormat = Literal["md", "json", "html"]  # no plain text: a briefing is Markdown
VerifyFormat = Literal["text", "md", "json", "html"]
MAX_LISTED = 10  # outlet names or files shown per line; a wire story can have hundreds


def render_blurb(result: Blurb, fmt: Format, *, instance: str | None = None) -> str:
    """One blurb as text (sentences then sources), Markdown, one JSON object or an HTML block.

    ``instance``: for a page that embeds the same article's block more than once, a name
    (letters, digits, ``-``, ``_``) added to the block's HTML ids, ``smz-<article id>-<instance>``,
    so each id is unique on the page and each block still renders the same every time;
    None (the default) keeps the ids as they always were. Other formats have no ids.
    """
    _check_result(result, Blurb, "summarizer.blurb()")
    _check_format(fmt, Format)
    prefix = block_id(result.article_id, instance)  # checked in every format: a bad one is a bug
    if fmt == "json":
        return result.model_dump_json(indent=None) + "\n"
    if fmt == "html":
        if not any(c.shown for c in result.claims):
            # a CMS pastes this block into a live page: no explanation where the blurb goes,
            # only an empty, hidden root that says so to a script (the reason: ``problems``)
            return (
                f'<div class="smz-blurb" id="{html_escape(prefix)}" '
                'data-smz-empty="no-blurb" hidden></div>\n'
            )
        from .html import render_blurb_html  # html.py imports helpers from this module

        return render_blurb_html(result, prefix=prefix)
    numbers = {s.article_id: s.number for s in result.sources}
    md = fmt == "md"
    body = " ".join(_with_marks(c, numbers, md=md) for c in result.claims if c.shown)
    label = kind_label(result) if body else None  # an empty blurb's message is no column's
    if not body:
        body = empty_blurb(result)
    if md:
        head = f"**{md_text(result.title)}**\n\n" if result.title else ""
        head = f"*{label}*\n\n{head}" if label else head
        return f"{head}{body}\n\n{_sources_md(result.sources)}\n{OUTPUT_MARKER}\n"
    if label:
        body = f"{label}: {body}"
    return f"{body}\n\n{_sources_text(result.sources)}"


def kind_label(result: Blurb) -> str | None:
    """The label a blurb of a column or an analysis is shown under ("Opinion", "Analysis"), so
    its sentences read as the writer's argument, not the outlet's report; None for others."""
    return result.kind.capitalize() if result.kind else None


_INSTANCE = re.compile(r"[A-Za-z0-9_-]+")


def block_id(article_id: str, instance: str | None = None) -> str:
    """A blurb block's root id, the prefix of its other ids: derived from the article (so the
    block is byte-identical from one render to the next: editors diff it, caches key on it)
    and, for a second block of the same article on one page, its ``instance``.

    The ids are distinct by construction: an article id is hex (``ingest.content_id``) and
    the instance is written without ``-`` (``_`` as ``__``, ``-`` as ``_h``: "sidebar" and
    "2" as they are), so an id's ``-``-separated parts tell what it is: 2 the root of a
    block without instance, 3 an instanced root, 4 (``-tip-N``, ``-src-N``) an element of a
    block without instance, 5 one of an instanced block. Instance "tip-1" made the root id
    ``smz-<article>-tip-1``, the id of the first tooltip of the block without instance.

    Raises:
        InputError: ``instance`` is empty or holds other characters than letters, digits,
            ``-`` and ``_`` (a space would make two ids of one).
    """
    if instance is None:
        return f"smz-{article_id}"
    if not isinstance(instance, str) or not _INSTANCE.fullmatch(instance):
        raise InputError(
            f"instance must be letters, digits, '-' or '_' (it becomes part of HTML ids), "
            f"not {instance!r}"
        )
    return f"smz-{article_id}-{instance.replace('_', '__').replace('-', '_h')}"


class BlockInstances:
    """The ``instance`` of each blurb block written to one output: None for an article's first
    block, then "2", "3", ...: ``blurb a.txt a.txt -f html`` gave two blocks with the same
    ids (root, tooltips, sources), so a citation's tooltip in the second one showed the
    first one's. Deterministic: the same inputs give the same ids every run."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def next(self, article_id: str) -> str | None:
        """The instance for the next block of ``article_id`` in this output."""
        n = self._seen[article_id] = self._seen.get(article_id, 0) + 1
        return None if n == 1 else str(n)

    def render(self, result: Blurb, fmt: Format) -> str:
        """``render_blurb`` of the next block of this output (only HTML has ids)."""
        instance = self.next(result.article_id) if fmt == "html" else None
        return render_blurb(result, fmt, instance=instance)


NOT_VERIFIED = "no claim passed verification"
# a briefing's stories have budgets of their own: its note names none
NO_CLAIM_FITS = (
    "no claim fits in the word budget once repaired to quote its source; raise --max-words"
)


def over_budget(claim: Claim) -> bool:
    """Whether the verifier rejected ``claim`` for the word budget (its repair, quoting the
    cited sentence, did not fit --max-words), not for what it says."""
    return any(c.name == "length" and not c.passed for c in claim.checks)


def no_claim_fits(claims: list[Claim], max_words: int) -> str | None:
    """The note for a blurb that shows nothing because its claims were rejected for the word
    budget (``over_budget``), else None: "no claim passed verification" sent an editor
    looking for a wrong claim, where raising --max-words gives the blurb."""
    if any(c.shown for c in claims):
        return None
    too_long = [word_count(c.text) for c in claims if over_budget(c)]
    if not too_long:
        return None
    return (
        f"no claim fits in {max_words} words (the shortest, repaired to quote its source, "
        f"has {min(too_long)}); raise --max-words"
    )


def empty_blurb(result: Blurb) -> str:
    """What a blurb with no shown claim says in text and Markdown: why nothing was written
    (e.g. a word budget no sentence or claim fits), else that no claim passed verification."""
    why = no_blurb_reason(result) or NOT_VERIFIED
    return f"({why})" if why == NOT_VERIFIED else f"(no blurb: {why})"


def no_blurb_reason(result: Blurb) -> str | None:
    """Why a blurb shows no claim (the CLI's error line, serve's ``problems``), else None.

    Claims made but none shown failed verification, unless one was rejected only for the word
    budget: then the budget's note (``no_claim_fits``, the last problem ``blurb`` adds)."""
    if any(c.shown for c in result.claims):
        return None
    if result.claims and result.problems and any(over_budget(c) for c in result.claims):
        return result.problems[-1]
    if result.claims or not result.problems:
        return NOT_VERIFIED
    return result.problems[-1]


def empty_briefing(result: Briefing) -> str:
    """What a briefing with no shown claim says: no claim passed verification only when a
    story was written and claims were made; else why nothing was (a word budget no sentence
    fits, every article outside --since/--until, every story under --min-sources), which it
    said was a verification failure."""
    written = [s for s in result.stories if s.written]
    if written and not any(s.claims for s in written):  # none made, none rejected either
        if result.partial and result.problems:
            return f"(no claim written: {result.problems[-1]})"
        return f"(no claim written: {NO_SENTENCE_FITS})"
    if any(over_budget(c) for s in written for c in s.claims):  # true, but not why
        return f"(no claim written: {NO_CLAIM_FITS})"
    if written or not (result.stories or result.problems):
        return "(no claim passed verification)"
    if any(p.endswith(NO_SENTENCE_FITS) for p in result.problems):
        return f"(no claim written: {NO_SENTENCE_FITS})"
    if result.stories:
        return "(no story written: every story is only listed below)"
    return f"(no story: {result.problems[-1]})"


def render_briefing(result: Briefing, fmt: BriefingFormat, *, one_line: bool = False) -> str:
    """The briefing as Markdown (story sections, numbered citations, Sources), JSON or HTML.

    ``one_line``: JSON on one line, as a JSON Lines file holds it (indented, the next run over
    its folder read it as malformed lines); the other formats ignore it.
    """
    _check_result(result, Briefing, "summarizer.briefing()")
    _check_format(fmt, BriefingFormat)
    if fmt == "json":
        dumped = result.model_dump(mode="json")
        return json.dumps(dumped, indent=None if one_line else 2, ensure_ascii=False) + "\n"
    if fmt == "html":
        from .html import render_briefing_html  # html.py imports helpers from this module

        return render_briefing_html(result)
    numbers = {s.article_id: s.number for s in result.sources}
    lines = [f"# {md_text(result.title)}", ""]
    if any(c.shown for story in result.stories for c in story.claims):  # else said in its place
        lines += [f"*{md_text(p)}*\n" for p in result.date_notes]
    shown_any = False
    listed: list[Story] = []
    for story in result.stories:
        shown = [c for c in story.claims if c.shown]
        if not shown:
            listed.append(story)
            continue
        shown_any = True
        if len(result.stories) > 1 or story.title:
            names = [md_text(_outlet_name(o)) for o in story.reporting_outlets]
            distinct = list(dict.fromkeys(names))
            count = source_count(story, len(distinct))
            extra = [md_text(c) for c in (copies_run_by(story), _time_span(story)) if c]
            lines += [
                f"## {_title_md(story.title or 'Story', derived=story.title_derived)}",
                "",
                f"*{' · '.join([f'{count}: {_listing(distinct)}', *extra])}*",
                "",
            ]
        lines += [f"- {_with_marks(c, numbers, md=True)}" for c in shown]
        lines.append("")
    if not shown_any:
        lines += [empty_briefing(result), ""]
    lines.append(_sources_md(result.sources))
    if listed and (len(result.stories) > 1 or not listed[0].written):
        for heading, part in listings(listed):
            lines += [f"## {heading}", ""]
            lines += [f"- {_listed_line(s)}" for s in part]
            lines.append("")
    lines.append(f"\n{OUTPUT_MARKER}\n")  # so the next run does not read this as an article
    return "\n".join(lines)


_RENDERERS: dict[type, str] = {
    Blurb: "render_blurb",
    Briefing: "render_briefing",
    VerifyReport: "render_verify",
}


def _check_result(result: object, kind: type, made_by: str) -> None:
    """Refuse another result than the renderer's: a Briefing given to render_blurb() came out
    as a wrong blurb in Markdown and JSON, and as an AttributeError in HTML.

    Raises:
        InputError: ``result`` is not a ``kind``; the message names the renderer it needs.
    """
    if isinstance(result, kind):
        return
    name = type(result).__name__
    fix = f"use summarizer.{_RENDERERS[type(result)]}()" if type(result) in _RENDERERS else ""
    if isinstance(result, (dict, str, bytes)):
        fix = f"rebuild it with summarizer.{kind.__name__}.model_validate(...) first"
    raise InputError(
        f"{_RENDERERS[kind]}() takes a {kind.__name__} (from {made_by}), not {name}"
        + (f"; {fix}" if fix else "")
    )


def _check_format(fmt: object, allowed: object) -> None:
    """Refuse an unknown format instead of falling back to Markdown (issue 11)."""
    if fmt not in get_args(allowed):
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(get_args(allowed))}")


# The headings of a briefing's listings of stories not written: those with no room (the word
# budget, --max-stories) or nothing to show, and those --min-sources left out. draft.py knows
# both (a briefing fed back as a draft skips its listings).
NOT_FIT = "Stories that did not fit"
TOO_FEW_SOURCES = "Stories with too few sources"
# what a listed story's line adds when the heading does not say why it is only listed
_LISTED_NOTES = {
    "no_claim": "no claim was made",
    "not_verified": "no claim passed verification",
    "failed": "writing it failed",
}


def listings(listed: list[Story]) -> list[tuple[str, list[Story]]]:
    """The stories not written, under the heading that says why (Markdown and HTML): those
    left out by --min-sources apart, so an editor can tell "too few sources" from "no room"."""
    few = [s for s in listed if s.listed_because == "min_sources"]
    other = [s for s in listed if s.listed_because != "min_sources"]
    return [(h, part) for h, part in ((NOT_FIT, other), (TOO_FEW_SOURCES, few)) if part]


def listed_note(story: Story) -> str | None:
    """Why a listed story shows nothing, when its heading does not say it."""
    if story.listed_because is None:  # a Story made before the field (or by hand)
        return "no claim passed verification" if story.written else None
    return _LISTED_NOTES.get(story.listed_because)


def copies_run_by(story: Story) -> str | None:
    """ "copy run by Gazette": the outlets that only re-ran another's report (a wire story),
    said beside the sources, which do not count them; None when there are none."""
    names = list(dict.fromkeys(_outlet_name(o) for o in story.copy_outlets))
    if not names:
        return None
    return f"{'copy' if len(names) == 1 else 'copies'} run by {_listing(names)}"


def _listed_line(story: Story) -> str:
    """A story that is not written: headline, source count, copies, time span."""
    parts = [source_count(story, len(story.reporting_outlets))]
    parts += [md_text(c) for c in (copies_run_by(story), _time_span(story)) if c]
    if note := listed_note(story):
        parts.append(note)
    title = _title_md(story.title or "(untitled story)", derived=story.title_derived)
    return f"{title} ({', '.join(parts)})"


def source_count(story: Story, listed: int) -> str:
    """ "3 sources"; with more articles than outlets, "1 source, 6 articles": a day's feed in
    one JSON Lines file, its records naming no outlet, is one source, and every story said
    "1 source" whether it held one article or six.

    ``listed`` is the number of outlet names the line lists; the count said is the story's
    ``source_count`` when lower, "1 source (2 inputs)": a file copied under a second name is
    listed (every input is) but is no second source."""
    count = min(listed, story.source_count)
    said = counted(count, "source")
    n = story.articles_given
    said = f"{said}, {n} articles" if n > count else said
    return f"{said} ({listed} inputs)" if listed > count else said


def _title_md(title: str, *, derived: bool) -> str:
    """A headline for Markdown; one we made from the lead (the article has none) in italics,
    so an editor can tell it from a headline the outlet wrote."""
    return f"*{md_text(title)}*" if derived else md_text(title)


def _time_span(story: Story) -> str:
    """When its articles were published: one date, or first to last (UTC)."""
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return ""
    a, b = first.astimezone(UTC), last.astimezone(UTC)
    if a.date() == b.date():
        return f"{a:%Y-%m-%d}"
    return f"{a:%Y-%m-%d} to {b:%Y-%m-%d}"


def _outlet_name(outlet: Outlet) -> str:
    """An outlet's name, else its URL, else "file " and its file name (without the directory):
    a plain .txt names no outlet, and its bare file name read as one ("2 sources: a.txt")."""
    if outlet.name or outlet.url:
        return outlet.name or outlet.url or ""
    return f"file {Path(outlet.file).name}" if outlet.file else "unknown"


def _with_marks(claim: Claim, numbers: dict[str, int], *, md: bool = False) -> str:
    """A claim with its source numbers; a quoted piece of a run with no sentence break (see
    ``is_cut_piece``) ends in "…", so a reader does not take it for a whole sentence."""
    marks = dict.fromkeys(numbers[c.article_id] for c in claim.citations if c.article_id in numbers)
    text = (md_text(claim.text) if md else claim.text) + cut_mark(claim.text)
    return text + "".join(f"[{n}]" for n in marks)


# Characters Markdown would read as markup: emphasis, links, code, raw HTML ("_" inside a
# word, as in a file name, is not emphasis).
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>]|(?<!\w)_|_(?!\w)|&(?=#?\w+;))")
# What makes a line a heading, a list item or a thematic break where it starts (a claim starts
# the blurb's paragraph or a briefing's "- " item): "# ", "- ", "+ ", "1. ", "2) ".
# Every use of md_text is one line (a heading, an item, a byline): a line break in a title or
# an outlet's name would end the heading and start a paragraph of its own.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+\s*")
_MD_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def md_text(text: str) -> str:
    """Article text for a Markdown output, shown as written: ``*``, ``_``, ``[…]``, backticks,
    ``<tags>``, ``&entities;`` and a line's leading ``#``, ``-``, ``+`` or ``1.`` from an
    untrusted article are escaped, so a renderer neither formats them (as a heading or a list
    inside the blurb or a story's item) nor lets them through as HTML or links. Line breaks
    become spaces, so a title stays one heading."""
    text = _MD_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", text))
    return _MD_BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match[str]) -> str:
    """``# `` -> ``\\# ``, ``- `` -> ``\\- ``, ``1. `` -> ``1\\. ``: shown as written."""
    space, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{space}{marker}\\"  # the "." or ")" after the number is what gets escaped
    return f"{space}\\{marker}"


def _code(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds, on one line: a file
    named "a\n# b.txt" ended its Sources entry and made "# b.txt`" a heading."""
    text = _LINE_BREAK.sub(" ", text)
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _source_line(source: Source, *, md: bool = True) -> str:
    """A Sources entry: title (an untitled article's lead), outlets, and where to read it: its
    URL (the title's link in Markdown, as in HTML), else its files (code in Markdown). A feed's
    file named on every entry ("file `day.jsonl`") told a reader nothing the link does not."""
    esc = md_text if md else str
    outlets = source.outlets
    url = next((u for o in outlets if (u := web_url(o.url))), None)
    names = [esc(n) for o in outlets if (n := o.name or (None if o.url == url else o.url))]
    files = [f for o in outlets if (f := o.file)] if url is None else []
    title = source.title or "(untitled article)"
    shown_title = _title_md(title, derived=source.title_derived) if md else title
    if md and url is not None:
        shown_title = f"[{shown_title}](<{_md_destination(url)}>)"
    parts = [shown_title]
    if names:
        parts.append(_listing(list(dict.fromkeys(names))))
    if url is not None and not md:
        parts.append(url)
    if files:  # labelled: a file is where the article was read, not who published it
        shown = [_code(f) if md else f for f in dict.fromkeys(files)]
        parts.append(("files " if len(shown) > 1 else "file ") + _listing(shown))
    if when := published_label(source):
        parts.append(when)
    return " — ".join(parts)


def published_label(source: Source) -> str:
    """When a source was published (UTC): "2026-03-17 12:40 UTC", or the date alone when
    that is all the article gave; "" when unknown."""
    if source.published is None:
        return ""
    at = source.published.astimezone(UTC)
    return f"{at:%Y-%m-%d}" if source.published_day else f"{at:%Y-%m-%d %H:%M} UTC"


def _md_destination(url: str) -> str:
    """A web URL (``models.web_url``: no spaces or controls) as a Markdown link's ``<...>``
    destination, which may not hold ``<`` or ``>``."""
    return url.replace("<", "%3C").replace(">", "%3E")


def _listing(items: list[str], limit: int = MAX_LISTED) -> str:
    """Comma-separated, cut to ``limit`` items with "and N more" (JSON keeps them all)."""
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit} more"


def _sources_md(sources: list[Source]) -> str:
    if not sources:
        return ""
    return "## Sources\n\n" + "\n".join(f"{s.number}. {_source_line(s)}" for s in sources) + "\n"


def _sources_text(sources: list[Source]) -> str:
    if not sources:
        return ""
    lines = ["Sources:"] + [f"[{s.number}] {_source_line(s, md=False)}" for s in sources]
    return "\n".join(lines) + "\n"


def render_verify(report: VerifyReport, fmt: VerifyFormat, *, one_line: bool = False) -> str:
    """A draft's verification: each claim supported or not, with evidence and reasons
    (``one_line``: JSON on one line, as in ``render_briefing``)."""
    _check_result(report, VerifyReport, "summarizer.verify()")
    _check_format(fmt, VerifyFormat)
    if fmt == "json":
        return report.model_dump_json(indent=None if one_line else 2) + "\n"
    if fmt == "html":
        from .html import render_verify_html  # html.py imports helpers from this module

        return render_verify_html(report)
    md = fmt == "md"
    esc = md_text if md else str  # source sentences are untrusted text, the draft too
    head = f"Verification of {esc(report.draft)}: {report.supported} supported, "
    head += f"{report.unsupported} unsupported ({counted(len(report.claims), 'claim')})"
    lines = [f"# {head}" if md else head, ""]
    if report.skipped:  # not checked, so said: a draft's sentence is never dropped unseen
        lines.append(f"Skipped, not checked: {len(report.skipped)}")
        lines.extend(f"- {esc(p.text)} ({p.reason})" for p in report.skipped)
        lines.append("")
    for c in report.claims:
        mark = "Supported" if c.supported else f"NOT SUPPORTED ({c.verdict})"  # as counted
        lines.append(f"{c.index}. **{mark}**: {esc(c.text)}" if md else f"[{mark}] {c.text}")
        for reason in c.reasons:
            lines.append(f"   - why: {esc(reason)}")
        for cite in c.evidence:
            quote = f"   > {esc(cite.text)} ({cite.sentence_id})"
            lines.append(quote if md else f"   evidence {cite.sentence_id}: {cite.text}")
        lines.append("")
    if md:  # so that a report saved among the articles is not read as one
        lines.append(f"{OUTPUT_MARKER}\n")
    return "\n".join(lines)
