"""Ingest: read files, strip web boilerplate, detect the title, split into citable sentences.

Every article gets a stable id (a hash of its cleaned text) and every sentence a stable id
``<article id>.s<n>``, so the same text always yields the same citations.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from .errors import InputError
from .models import Article, Outlet, Sentence

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # RSS/Atom, read by summarizer.fetch
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

# Ingest runs on all cores (up to this many) once an input holds this many articles: below
# that, starting the worker processes costs more than it saves.
PARALLEL_MIN_ITEMS = 200
MAX_INGEST_WORKERS = 8

# A first line this short, not ending like a sentence, followed by more text, is a headline.
MAX_TITLE_CHARS = 200

# Lines that are pure web furniture: dropped wherever they stand.
_DROP_LINE = re.compile(
    r"^\s*(no time to read\??|get a summary|check out this related article:.*|"
    r"share (this|on).{0,40}|advertisement|read more:?.{0,120}|click here to .{0,120})\s*$",
    re.IGNORECASE,
)
# Lines followed by a headline that belongs to another article: drop both.
_DROP_WITH_NEXT = re.compile(r"^\s*(previous|next) (article|post|story)\s*$", re.IGNORECASE)
# Lines after which nothing belongs to the article any more.
_CUT_FROM = re.compile(
    r"^\s*(related posts?|related articles?|you may also like|more from .{0,40}|"
    r"leave a (reply|comment).*|source link.*|comments?)\s*$",
    re.IGNORECASE,
)


def load_articles(paths: str | Path | Iterable[str | Path]) -> list[Article]:
    """Read articles from files, directories (recursively), URLs, feeds or ``-`` for stdin.

    Args:
        paths: one path or several; ``.txt``, ``.md``, ``.html``, ``.json``, ``.jsonl``,
            RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``), ``http(s)://`` page or feed URLs.

    Returns:
        The cleaned articles, in the order given (directories sorted by name).

    Raises:
        InputError: a path is missing, empty, binary, not UTF-8, malformed, or has no articles.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    articles: list[Article] = []
    for raw in paths:
        articles.extend(_load_path(str(raw)))
    return articles


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    file: str | None = None,
    markdown: bool = False,
) -> Article:
    """Build an Article from raw text: clean it, find the title, split sentences.

    Raises:
        InputError: nothing is left after cleaning.
    """
    lines = clean_lines(text, markdown=markdown)
    if title is None:
        title, lines = _split_title(lines)
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        raise InputError(f"{file or 'input'}: no article text found (empty after cleaning)")
    body = "\n\n".join(paragraphs)
    article_id = content_id(body)
    sentences: list[Sentence] = []
    for p_index, para in enumerate(paragraphs):
        for text_ in split_sentences(para):
            n = len(sentences) + 1
            sentences.append(
                Sentence(id=f"{article_id}.s{n}", text=text_, index=n - 1, paragraph=p_index)
            )
    outlet = Outlet(name=source, url=url, file=file)
    return Article(
        id=article_id, title=title, outlets=[outlet], published=published, sentences=sentences
    )


def content_id(text: str) -> str:
    """A short, stable hash of normalised text."""
    norm = " ".join(text.split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences with pysbd, keeping the text exactly.

    A fragment with no letters or digits (a stray closing quote) joins the sentence before it.
    """
    out: list[str] = []
    for piece in _segmenter().segment(paragraph):
        piece = piece.strip()
        if not piece:
            continue
        if out and not any(ch.isalnum() for ch in piece):
            out[-1] = f"{out[-1]}{piece}"
        else:
            out.append(piece)
    return out


def clean_lines(text: str, *, markdown: bool = False) -> list[str]:
    """Remove web boilerplate line by line; blank lines are kept as paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    out: list[str] = []
    skip_next_headline = False
    for line in text.split("\n"):
        stripped = line.strip()
        if markdown:
            stripped = _strip_markdown(stripped)
        if skip_next_headline and stripped:
            skip_next_headline = False
            continue
        if _CUT_FROM.match(stripped):
            break
        if _DROP_WITH_NEXT.match(stripped):
            skip_next_headline = True
            continue
        if _DROP_LINE.match(stripped):
            continue
        # "Source link" is sometimes glued to the tag list that follows it.
        if stripped.lower().startswith("source link"):
            break
        out.append(stripped)
    return out


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _strip_markdown(line: str) -> str:
    """Reduce a Markdown line to its text (headings, emphasis, links, list markers)."""
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^>\s?", "", line)
    line = re.sub(r"^([-*+]|\d+[.)])\s+", "", line)
    line = _MD_LINK.sub(r"\1", line)
    line = re.sub(r"(\*\*|__|\*|`)", "", line)
    return line.strip()


def _split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the first line as the title if it reads like a headline."""
    for i, line in enumerate(lines):
        if not line:
            continue
        rest = [x for x in lines[i + 1 :] if x]
        if len(line) <= MAX_TITLE_CHARS and not re.search(r"[.!?:;,\"”’)]$", line) and rest:
            return line, lines[i + 1 :]
        return None, lines[i:]
    return None, lines


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    With blank lines present, blank lines separate paragraphs and wrapped lines are joined;
    without any, each line is a paragraph (as in text copied from many sites).
    """
    has_blank = any(not x for x in lines) and sum(1 for x in lines if x) > 1
    if not has_blank:
        return [x for x in lines if x]
    paras: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


# -- reading files -----------------------------------------------------------------------------


def _load_path(raw: str) -> list[Article]:
    if raw == "-":
        return _parse(_decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>", suffix=None)
    if re.match(r"(?i)(https?|file)://", raw):
        from .fetch import load_url

        return load_url(raw)
    path = Path(raw)
    if not path.exists():
        raise InputError(f"{raw}: no such file or directory")
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUPPORTED
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            raise InputError(
                f"{raw}: directory has no articles (looked for {', '.join(sorted(SUPPORTED))})"
            )
        return [a for found in _parallel_map(_load_file, files) for a in found]
    return _load_file(path)


def _load_file(path: Path) -> list[Article]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    return _parse(_decode(data, str(path)), str(path), suffix=path.suffix.lower())


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}); convert it with iconv first"
        ) from exc
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


def _parse(text: str, name: str, suffix: str | None) -> list[Article]:
    from .fetch import looks_like_feed, parse_feed

    if suffix in FEED_SUFFIXES or looks_like_feed(text):
        return parse_feed(text, name)
    if suffix is None:  # stdin: sniff the format
        head = text.lstrip()[:1]
        if head in "{[":
            suffix = ".jsonl" if _looks_like_jsonl(text) else ".json"
        elif head == "<":
            suffix = ".html"
        else:
            suffix = ".txt"
    if suffix in JSON_SUFFIXES:
        records = list(enumerate(_json_records(text, name)))
        return _parallel_map(partial(_from_indexed_record, name), records)
    if suffix in JSONL_SUFFIXES:
        records = list(enumerate(_jsonl_records(text, name)))
        return _parallel_map(partial(_from_indexed_record, name), records)
    if suffix in HTML_SUFFIXES:
        return [_from_html(text, name)]
    return [make_article(text, file=name, markdown=suffix in {".md", ".markdown"})]


def _looks_like_jsonl(text: str) -> bool:
    lines = [x for x in text.splitlines() if x.strip()]
    return len(lines) > 1 and all(x.lstrip().startswith("{") for x in lines)


def _json_records(text: str, name: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: malformed JSON at line {exc.lineno}: {exc.msg}") from exc
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{name}: JSON list is empty")
    return records


def _jsonl_records(text: str, name: str) -> Iterator[Any]:
    found = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: malformed JSON on line {lineno}: {exc.msg}") from exc
        found = True
    if not found:
        raise InputError(f"{name}: no JSON lines")


def _from_indexed_record(name: str, item: tuple[int, Any]) -> Article:
    index, record = item
    return _from_record(record, name, index)


def _parallel_map(fn: Callable[[T], R], items: list[T]) -> list[R]:
    """``[fn(x) for x in items]``, in order, on all cores when there are many items.

    Sentence splitting (pysbd) costs about 9 ms an article, the bulk of a large day's run, and
    each article is independent. Errors raised in a worker (InputError) reach the caller as is.
    """
    workers = min(os.cpu_count() or 1, MAX_INGEST_WORKERS)
    if len(items) < PARALLEL_MIN_ITEMS or workers < 2:
        return [fn(x) for x in items]
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))


def _from_record(record: Any, name: str, index: int) -> Article:
    where = f"{name} (record {index + 1})"
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing or empty 'text' field")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return make_article(
        text,
        title=opt("title"),
        url=opt("url"),
        source=opt("source"),
        published=opt("published"),
        file=name,
    )


def _from_html(html: str, name: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    body = _field(doc, "text") if doc is not None else None
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    title = _field(doc, "title")
    first, _, rest = body.strip().partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        body = rest  # the page's <h1> repeats the title: not a sentence of the article
    return make_article(
        body,
        title=title,
        url=_field(doc, "url"),
        source=_field(doc, "sitename"),
        published=_field(doc, "date"),
        file=name,
    )


def _field(doc: Any, key: str) -> str | None:
    """Read a field of trafilatura's result (a dict in old versions, a Document in new ones)."""
    value = doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)
    return str(value) if value else None
