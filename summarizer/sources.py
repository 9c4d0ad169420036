"""Reading input files safely: regular files only, size limits, encodings, format sniffing.

Every way a careless input could hang or exhaust the machine ends here with an InputError
(exit 2): a FIFO or device (``/dev/zero``) is refused before it is opened, a file or stdin larger
than ``max_file_mb`` is refused after reading at most one byte past the limit, JSON nested
deeper than Python's recursion limit is an error, and JSON Lines are read one line at a time.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # RSS/Atom, read by summarizer.fetch
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

DEFAULT_MAX_FILE_MB = 50.0
DEFAULT_MAX_ARTICLES = 20_000

# Written at the end of every Markdown output (an HTML comment: invisible when rendered), so a
# briefing saved into the folder it summarises is not read back as an article the next day.
OUTPUT_MARKER = "<!-- written by summarizer -->"
_OUTPUT_JSON_KEYS = {"engine", "usage", "counts"}
# verify's report (draft.VerifyReport): `verify -o feed/report.json` then `briefing feed/`
# stopped with "report.json (record 1): missing or empty 'text' field"
_VERIFY_JSON_KEYS = {"draft", "claims", "supported", "unsupported", "ok"}
# The HTML outputs (templates/): the briefing page names its generator in its head, and a
# blurb file starts with the block's root (a page with a blurb pasted in starts otherwise).
_HTML_GENERATOR = '<meta name="generator" content="summarizer">'
_HTML_BLURB_ROOT = '<div class="smz-blurb"'

# The plain-text outputs, which can hold no marker: a blurb ends with its numbered Sources
# (`blurb story.txt -o feed/story.blurb.txt` was read back as one more outlet of the story,
# quoting its sentences), a verify report starts with its count line.
_TEXT_BLURB_END = re.compile(
    r"(?:\[\d+\]|\(no [^\n]*\))\n\nSources:\n(?:\[\d+\] [^\n]* — [^\n]*\n)+\Z"
)  # "(no claim passed verification)": a blurb with no claim shown
_TEXT_VERIFY_HEAD = re.compile(
    r"\AVerification of [^\n]*: \d+ supported, \d+ unsupported \(\d+ claims?\)\n\n"
)

# The tool's own stderr lines, found around a plain-text output saved with ``2>&1`` (`blurb
# a.txt > feed/blurb.txt 2>&1` was read back as an article): the engine note, the run's count
# lines, warnings, errors, log records, and --show-rejected's list.
_OWN_MESSAGE = re.compile(
    r"Using the (?:embedded extractive engine|LLM at) .*|"
    r"claims: \d+ accepted, \d+ repaired, \d+ rejected · engine .*|"
    r"stories: \d+ in output \(.*|"
    r"(?:Warning|Error|Note): .*|"
    r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: .*|"
    r"\d+ (?:of \d+ |files? )?\w+\b.* \(see above\)"  # "1 of 3 articles gave no blurb (see above)"
)
_REJECTED_HEAD = re.compile(r"rejected claims: \d+")
_REJECTED_ITEM = ("- ", "    ")  # a rejected claim, then its failed checks, indented
OWN_MESSAGES_CHARS = 20_000  # how much of each end is looked at


def _without_own_messages(text: str) -> str:
    """``text`` less the tool's own stderr lines before and after it, its blank lines kept:
    what the tool wrote to stdout when the file holds both streams."""
    lines = text.split("\n")
    start, end = 0, len(lines)
    while True:  # from the end: messages, and rejected lists under their count line
        while end > start and not lines[end - 1].strip():
            end -= 1
        if end > start and _OWN_MESSAGE.fullmatch(lines[end - 1]):
            end -= 1
            continue
        k = end
        while k > start and lines[k - 1].startswith(_REJECTED_ITEM):
            k -= 1
        if k > start and _REJECTED_HEAD.fullmatch(lines[k - 1]):
            end = k - 1
            continue
        break
    while start < end:  # from the start, the same
        if _OWN_MESSAGE.fullmatch(lines[start]):
            start += 1
        elif _REJECTED_HEAD.fullmatch(lines[start]):
            start += 1
            while start < end and lines[start].startswith(_REJECTED_ITEM):
                start += 1
        else:
            break
    return "\n".join(lines[start:end]) + "\n"


_HTML_HEAD = re.compile(r"^\s*(<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
# Tags only a whole page has: text opening with a tag and holding one of these is a page.
_PAGE_TAG = re.compile(r"<(?:head|body|meta|title)\b[^<>]*>", re.IGNORECASE)
# Paragraph markup: text with two of these is an HTML body, not text that quotes a tag.
_HTML_BLOCK = re.compile(r"(?i)</(?:p|div|li|h[1-6]|blockquote)\s*>|<br\s*/?>")
# Elements a CMS body is made of: one that opens the text and is closed in it ("<p>...</p>",
# '<div class="entry">...</div>') makes it HTML; prose that mentions "<b>" never closes it.
_ELEMENTS = (
    r"p|div|span|article|section|main|header|footer|aside|figure|figcaption|blockquote|ul|ol|"
    r"li|h[1-6]|a|b|i|em|strong|u|small|table|tr|td|body|head|title|script|style|noscript"
)
_HTML_OPEN = re.compile(rf"\A\s*<(?:{_ELEMENTS})(?:\s[^<>]*)?>", re.IGNORECASE)
_HTML_CLOSE = re.compile(rf"</(?:{_ELEMENTS})\s*>", re.IGNORECASE)
HTML_SNIFF_CHARS = 20_000  # how much of a text is looked at


# Terminal control sequences (ANSI CSI "ESC [ ... m", OSC "ESC ] ... BEL", other ESC pairs) and
# the other C0/C1 control characters: article text printed to a terminal could recolour it,
# clear it or retitle its window ("ESC ]0;pwned BEL" passed into every output).
_ANSI_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PAGE_BREAK = re.compile(r"[\x0b\x0c]")


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences and control characters; a vertical tab or
    form feed (old wire archives) is a line break. Tabs and line breaks are kept."""
    if not (_CONTROL.search(text) or _PAGE_BREAK.search(text)):
        return text
    return _CONTROL.sub("", _ANSI_SEQUENCE.sub("", _PAGE_BREAK.sub("\n", text)))


_NAME_BREAK = re.compile(r"[\t\n\r]")


def printable_line(text: str) -> str:
    """A file's name (or an error naming one) as every output and message shows it: a name
    is as untrusted as an article's text (``evil ESC ]0;pwned BEL.txt`` retitled the terminal
    from the Sources list), and one line (a line break cut a Sources entry in two)."""
    return _NAME_BREAK.sub(" ", strip_controls(text))


@dataclass(frozen=True)
class Limits:
    """How much input one run accepts (settings ``max_file_mb``, ``max_articles``)."""

    max_file_mb: float = DEFAULT_MAX_FILE_MB
    max_articles: int = DEFAULT_MAX_ARTICLES

    @property
    def max_file_bytes(self) -> int:
        """The limit in bytes; ``--max-file-mb inf`` (or 1e308) is no limit, not an
        OverflowError traceback."""
        return int(min(self.max_file_mb * 1024 * 1024, sys.maxsize - 1))

    def too_big(self, name: str) -> InputError:
        return InputError(
            f"{printable_line(name)}: larger than the limit of {self.max_file_mb:g} MB per file "
            "(raise it with --max-file-mb or max_file_mb in the config)"
        )

    def too_many(self) -> InputError:
        return InputError(
            f"more than {self.max_articles} articles (raise the limit with --max-articles or "
            "max_articles in the config)"
        )


# A missing "path" that reads like prose is article text given where a path belongs
# (``load_articles("The council voted ...")``, ``summarizer blurb "The council ..."``): say so,
# and show its start, not a paragraph, in the one-line error.
_PROSE = re.compile(r"\w[\w,;:'’\"“”()-]*\s+\w+\s+\w+.*[.!?\"”’]$", re.S)
_SHOWN_CHARS = 60


def _missing(name: str, raw: str) -> str:
    """The error for a path that names nothing; a path is shown whole, prose by its start."""
    if not _PROSE.match(raw.strip()):
        return f"{name}: no such file or directory"
    shown = name if len(name) <= _SHOWN_CHARS else f"{name[:_SHOWN_CHARS]}…"
    return (
        f"{shown}: no such file or directory (this looks like article text, not a path: save "
        "it to a file, give '-' to read it from stdin, or in Python pass it to "
        "summarizer.blurb() or summarizer.make_article())"
    )


def input_files(raw: str, skipped: list[str] | None = None) -> list[Path]:
    """The files a path argument stands for: itself, or a directory's supported regular files
    (recursively, sorted, hidden ones skipped).

    ``skipped``, when given, gets the directory's other files that are not hidden (an image, a
    PDF), as paths relative to it: an editor told nothing wondered where the photo went
    (``skipped_note`` says it).

    Raises:
        InputError: the path is missing, not a regular file, or a directory with no articles.
    """
    path = Path(raw)
    name = printable_line(raw)  # for messages: the path is read as given
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(_missing(name, raw)) from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        shown = sorted(
            p
            for p in _walk(path)
            if not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        files = [p for p in shown if p.suffix.lower() in SUPPORTED and _is_regular(p)]
        if skipped is not None:
            other = (p for p in shown if p.suffix.lower() not in SUPPORTED)
            skipped += [str(p.relative_to(path)) for p in other]
        if not files:
            raise InputError(
                f"{name}: directory has no articles (looked for {', '.join(sorted(SUPPORTED))})"
            )
        return files
    if not stat.S_ISREG(mode):
        raise InputError(f"{name}: not a regular file (a pipe, device or socket is not read)")
    return [path]


SKIPPED_SHOWN = 5  # names a skipped-files note lists; a photo folder can hold hundreds


def skipped_note(names: list[str]) -> str:
    """The one note of a run for the files of its folders that are not articles (see
    ``input_files``): how many, why, and which."""
    listed = ", ".join(printable_line(n) for n in names[:SKIPPED_SHOWN])
    if len(names) > SKIPPED_SHOWN:
        listed += f" and {len(names) - SKIPPED_SHOWN} more"
    return (
        f"skipped {len(names)} "
        f"{'file that is not an article' if len(names) == 1 else 'files that are not articles'} "
        f"(not text, Markdown, HTML, JSON or a feed): {listed}"
    )


def _walk(root: Path) -> Iterator[Path]:
    """Every file under ``root``, through links to directories too (``rglob`` skipped them, so a
    day's folder linked into the feed folder was silently left out), never twice round a loop."""
    seen: set[tuple[int, int]] = set()
    for top, dirs, names in os.walk(root, followlinks=True):
        try:
            info = os.stat(top)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:  # a link back to a folder already read
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        yield from (Path(top, name) for name in names)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def read_file(path: Path, limits: Limits) -> bytes:
    """A regular file's bytes, refused past the size limit."""
    name = printable_line(str(path))
    try:
        # O_NONBLOCK: should the path have become a FIFO since it was checked, never block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise InputError(f"{name}: not a regular file (a pipe, device or socket is not read)")
        return _read_limited(fh, limits, name)


def read_stdin(limits: Limits) -> bytes:
    """Standard input's bytes, refused past the size limit."""
    return _read_limited(sys.stdin.buffer, limits, "<stdin>")


READ_CHUNK = 1 << 20


def _read_limited(fh: IO[bytes], limits: Limits, name: str) -> bytes:
    """At most one byte past the limit, in chunks: one ``read(limit + 1)`` allocated the
    whole limit first, so ``--max-file-mb 1000000`` was a MemoryError on a 2 KB file."""
    limit = limits.max_file_bytes
    name = printable_line(name)
    chunks: list[bytes] = []
    read = 0
    try:
        while read <= limit and (chunk := fh.read(min(READ_CHUNK, limit + 1 - read))):
            chunks.append(chunk)
            read += len(chunk)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if read > limit:
        raise limits.too_big(name)
    return b"".join(chunks)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# Files a newsroom has at hand that are not text: a PDF has no NUL byte near its start and was
# "not valid UTF-8 (byte 10); convert it with iconv first", which iconv cannot do.
_DOCUMENT_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (such as a .docx, .odt or .epub file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97-2003 file (such as a .doc)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip file"),
)


def decode(data: bytes, name: str, what: str = "an article") -> str:
    """Bytes to text: UTF-8, or UTF-16/32 when a byte order mark says so (``what`` the
    bytes should be, for the message: an article, a draft).

    Raises:
        InputError: the data is binary, not valid in its encoding, or empty.
    """
    name = printable_line(name)  # a file's name or a URL, as untrusted as the text
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {encoding.upper()} (byte {exc.start})"
                ) from None
            break
    else:
        for magic, kind in _DOCUMENT_MAGIC:
            if data.startswith(magic):
                raise InputError(f"{name}: {kind}, not {what}; export it as plain text first")
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like a binary file, not {what}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            declared = _decode_declared(data)
            if declared is None:
                raise InputError(
                    f"{name}: not valid UTF-8 (byte {exc.start}); convert it with iconv first"
                ) from None
            text = declared
    if "\x00" in text[:8192]:
        raise InputError(f"{name}: looks like a binary file, not {what}")
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


# The encoding a page or feed declares in its head: <meta charset="windows-1252">, the
# http-equiv Content-Type's charset=..., or <?xml ... encoding="ISO-8859-1"?>.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)


def _decode_declared(data: bytes) -> str | None:
    """A saved page or feed that is not UTF-8, decoded in the encoding its head declares (as
    a browser reads it); None when it declares none, or one that does not decode it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    charset = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def sniff_format(text: str, suffix: str | None) -> str:
    """The format to parse ``text`` as: the suffix's, except that stdin is sniffed, a
    ``.txt`` file holding an HTML page is read as HTML (its markup would leak otherwise) and
    a ``.json`` file holding JSON Lines as JSON Lines. An HTML body (``html_kind`` says
    "fragment") stays ``.txt``: the article's text is taken from it as from any text given
    (``ingest.article_body``), not by a page extractor that may find no article in a paragraph."""
    if suffix is None:  # stdin
        head = text.lstrip()[:1]
        if head in ("{", "["):
            return ".jsonl" if _looks_like_jsonl(text) else ".json"
        return ".html" if html_kind(text) == "page" else ".txt"
    if suffix in {".txt", ".text"} and html_kind(text) == "page":
        return ".html"
    if suffix in JSON_SUFFIXES and _looks_like_jsonl(text) and not _is_json(text):
        return ".jsonl"  # JSON Lines saved as .json, as many exporters name them
    return suffix


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def html_kind(text: str) -> Literal["page", "fragment"] | None:
    """What HTML ``text`` is, by the one rule every input path uses (a file, stdin, a str
    given to the library, a JSON record's or an HTTP request's text), so that the same body
    is read the same way whichever way it came.

    ``"page"``: a whole page (a doctype or ``<html>`` first, or a tag first and a page's own
    tags, ``<head>``, ``<body>``...). ``"fragment"``: a CMS body (an element opening the text
    and closed in it, or two paragraph tags anywhere). ``None``: text, even text that
    mentions a tag ("the <b> tag") or compares ("a < b")."""
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_HEAD.match(head):
        return "page"
    if head.lstrip().startswith("<") and _PAGE_TAG.search(head, 0, 8192):
        return "page"  # a page saved without its <html>: "<head><title>..."
    if _HTML_OPEN.match(head) and _HTML_CLOSE.search(head):
        return "fragment"
    if len(_HTML_BLOCK.findall(head)) >= 2:
        return "fragment"
    return None


def looks_like_html(text: str) -> bool:
    """``text`` is HTML, a whole page or a body (see ``html_kind``)."""
    return html_kind(text) is not None


def _looks_like_jsonl(text: str) -> bool:
    lines = (x for x in text.splitlines() if x.strip())
    first, second = next(lines, ""), next(lines, "")
    return bool(second) and first.lstrip().startswith("{") and second.lstrip().startswith("{")


def is_own_output(text: str) -> bool:
    """True for a file this tool wrote (a briefing, blurb or verify report saved next to the
    articles) in any of its formats, whatever its name says: each format's mark is looked
    for in every file, as ``-f text -o feed/b.md`` or ``-f html -o x.md`` was read back as
    an article. ``text`` may be a JSON Lines file's first line only."""
    stripped = text.lstrip()
    if stripped[:1] == "{":
        return any(_is_output_json(part) for part in (stripped, stripped.split("\n", 1)[0]))
    if _HTML_GENERATOR in text[:2048] or stripped.startswith(_HTML_BLURB_ROOT):
        return True
    if OUTPUT_MARKER in text[-512:] or OUTPUT_MARKER in text[:512]:
        return True
    head = _without_own_messages(text[:OWN_MESSAGES_CHARS])
    tail = _without_own_messages(text[-OWN_MESSAGES_CHARS:])
    return bool(_TEXT_VERIFY_HEAD.match(head)) or bool(_TEXT_BLURB_END.search(tail))


def written_by_summarizer(path: Path) -> bool:
    """Whether the file ``path`` is one this tool wrote, judged as reading its folder judges
    it: such a file is skipped there, so replacing it (``briefing feed/ -o feed/today.md
    --force``, every day) loses no input. A file that cannot be read is the user's."""
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            first = next((line for line in stream_lines(path, Limits()) if line.strip()), "")
            if first.lstrip().startswith("{"):  # JSON Lines: ours by its first line
                return is_own_output(first)
        text = decode(read_file(path, Limits()), str(path))
    except InputError:
        return False
    return is_own_output(text)


def _is_output_json(text: str | None) -> bool:
    """``text`` is one of our JSON results (a briefing, a blurb, a verify report)."""
    if text is None:
        return False
    try:
        obj = loads(text, "output check")
    except InputError:
        return False
    return isinstance(obj, dict) and (
        obj.keys() >= _OUTPUT_JSON_KEYS or obj.keys() >= _VERIFY_JSON_KEYS
    )


def loads(text: str, name: str, line: int | None = None) -> Any:
    """``json.loads`` whose every failure, nesting too deep included, is an InputError."""
    name = printable_line(name)
    where = f"{name}: " if line is None else f"{name} (line {line}): "
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # json's message expects the place after it ("Invalid control character at"): a JSON
        # Lines record was told "malformed JSON: Invalid control character at", cut off
        place = (
            f"column {exc.colno}" if line is not None else f"line {exc.lineno} column {exc.colno}"
        )
        said = exc.msg if exc.msg.endswith(" at") else f"{exc.msg} at"
        raise InputError(f"{where}malformed JSON: {said} {place}") from None
    except RecursionError:
        raise InputError(f"{where}JSON nested too deeply") from None


def json_records(text: str, name: str) -> list[Any]:
    """The objects of a ``.json`` file: one object or a list of them."""
    data = loads(text, name)
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{printable_line(name)}: JSON list is empty")
    return records


def jsonl_records(
    lines: Iterator[str], name: str, on_bad: Callable[[InputError], None] | None = None
) -> Iterator[tuple[int, Any]]:
    """``(line number, object)`` for each non-blank line, parsed one at a time. A malformed
    line is passed to ``on_bad`` and skipped when it is given (else it is raised), so one
    bad line does not lose the records around it."""
    found = False
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        found = True
        try:
            record = loads(line, name, lineno)
        except InputError as exc:
            if on_bad is None:
                raise
            on_bad(exc)
            continue
        yield lineno, record
    if not found:
        raise InputError(f"{printable_line(name)}: no JSON lines")


def stream_lines(path: Path, limits: Limits) -> Iterator[str]:
    """A UTF-8 file's lines, read as they are needed (for big JSON Lines files).

    A file in UTF-16/32 (with a byte order mark) is decoded whole instead.
    """
    name = printable_line(str(path))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file (a pipe, device or socket is not read)")
        if info.st_size > limits.max_file_bytes:
            raise limits.too_big(name)
        head = fh.read(4)
        if any(head.startswith(b) for b, enc in _BOMS if enc != "utf-8"):
            fh.seek(0)
            yield from decode(_read_limited(fh, limits, name), name).splitlines()
            return
        fh.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        read = 0
        for lineno, raw in enumerate(fh, 1):
            read += len(raw)
            if read > limits.max_file_bytes:
                raise limits.too_big(name)
            if b"\x00" in raw:
                raise InputError(f"{name}: looks like a binary file, not an article")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid UTF-8 (line {lineno}, byte {exc.start}); "
                    "convert it with iconv first"
                ) from None
