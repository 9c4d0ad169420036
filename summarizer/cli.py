"""Command line: thin wrappers over the library functions of the same names."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import Annotated, Literal, TypeVar, get_args

import typer
from typer.core import TyperCommand, TyperGroup

from . import pipeline
from .dates import shown_bound, window_bound
from .draft import TOP_K, read_draft
from .draft import verify as verify_draft
from .errors import BackendError, ConfigError, InputError, SummarizerError, UnusableAnswerError
from .fetch import is_url
from .ingest import check_path_argument, iter_articles, load_articles
from .llm.breaker import BREAKER_CALLS
from .models import Article, Blurb, Briefing, Claim, Counts, Usage
from .output import check_output, drop_buffered, is_stream_output, open_output, write_output
from .progress import STAGE_LABELS, ProgressFn, terminal_progress
from .render import (
    BlockInstances,
    Format,
    VerifyFormat,
    no_blurb_reason,
    render_briefing,
    render_verify,
)
from .settings import (
    DEFAULT_BRIEFING_WORDS,
    Backend,
    Settings,
    config_path,
    layered_values,
    shown_url,
)
from .sources import Limits, printable_line, read_stdin, skipped_note
from .text import counted
from .verify import judge_unavailable

# click's UsageError (a bad option value, a missing argument, an unknown command), from the
# click that typer runs on: recent typer vendors its own
_UsageError: type[Exception] = typer.BadParameter.__mro__[1]


class _Commands(TyperGroup):
    """Turns library errors from any command into one line on stderr and an exit code."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            with _logging_kept():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo(_interrupted_note(), err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # the reader went away (`| head`): it has all it wanted, so no error and exit 0,
            # whichever command and however much was written (click's own handling exits 1,
            # which `blurb` documents as "an input was skipped")
            drop_buffered(sys.stdout)
            raise typer.Exit(0) from None
        except _UsageError as exc:
            # click's plain form (usage, a hint, one "Error: ..." line), not rich's box, whose
            # lines cut the message at the terminal's width (`-n 0`, `--since 'last tuesday'`);
            # without the "Value error, " typer's pydantic check put before a choice's message
            # ("-f pdf": "Invalid value for '--format' / '-f': Value error, 'pdf' is not ...")
            exc.message = exc.message.removeprefix("Value error, ")  # type: ignore[attr-defined]
            exc.show()  # type: ignore[attr-defined]
            raise typer.Exit(getattr(exc, "exit_code", 2)) from None
        except SummarizerError as exc:
            if os.environ.get("SUMMARIZER_RAISE_ERRORS"):
                raise
            say_error(str(exc))
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    name="summarizer",
    cls=_Commands,
    help="Short, cited, verified summaries of news articles. Works offline by default.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


# -- shared options, defined once --------------------------------------------------------------
def _output_path(value: str) -> Path:
    """``-o``'s value: ``-o "$OUT"`` with OUT unset said "file '' is a directory"; ``-o out/``
    (a folder that does not exist yet) wrote a file named ``out``: Path drops the slash."""
    if not value.strip():
        raise typer.BadParameter("an empty path was given (an unset shell variable?)")
    if value.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{value}: names a directory (it ends with /); give a file name")
    return Path(value)


OutOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here instead of stdout.", parser=_output_path),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
BackendOpt = Annotated[
    Backend,
    typer.Option(
        "--backend",
        "-b",
        help="auto (an LLM if configured, else the embedded engine), extractive, openai, "
        "local, replay.",
    ),
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="LLM model name.")]
MaxWordsOpt = Annotated[int | None, typer.Option("--max-words", min=1, help="Word budget.")]
DayWordsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-words",
        min=1,
        help="Words for the written stories; every other story is still listed. Default adapts "
        f"to the day: {pipeline.WORDS_PER_STORY} per story, at least "
        f"{DEFAULT_BRIEFING_WORDS}, at most {pipeline.MAX_DEFAULT_WORDS}.",
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No notes, warnings or summary on stderr (errors still)."),
]
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v info, -vv debug.")]
ShowRejectedOpt = Annotated[
    bool,
    typer.Option("--show-rejected", help="List rejected claims and why on stderr."),
]

# -- LLM options (summarizer.mapreduce); None means "from the environment or the default" -------
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (OPENAI_BASE_URL).")
]
ConcurrencyOpt = Annotated[
    int | None, typer.Option("--concurrency", min=1, help="LLM requests at once (default 4).")
]
ContextOpt = Annotated[
    int | None,
    typer.Option("--context-window", min=512, help="Model context in tokens (else known table)."),
]
CacheDirOpt = Annotated[
    Path | None, typer.Option("--cache-dir", help="LLM response cache directory.", file_okay=False)
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Bypass the LLM response cache.")]
NoJudgeOpt = Annotated[
    bool,
    typer.Option(
        "--no-judge", help="With an LLM: skip its entailment judge (offline checks only)."
    ),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.001,
        help="Seconds to wait for one LLM answer (default 120). Failures are retried for up to "
        f"120 s per request; once {BREAKER_CALLS} requests in a row have used up their retries, "
        "the server is taken as down and the run stops (exit 3).",
    ),
]
DeadlineOpt = Annotated[
    float | None,
    typer.Option(
        "--deadline",
        min=0.001,
        help="Seconds for all LLM work; stories not written by then are left out.",
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Keep articles published at or after this time (ISO 8601, UTC if no zone; or back "
        "from now: 24h, 2d, yesterday; undated articles are kept).",
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="Keep articles published before this time; a date alone includes that day.",
    ),
]
MaxFileOpt = Annotated[
    float | None,
    typer.Option("--max-file-mb", min=0.001, help="Largest input file or stdin (default 50 MB)."),
]
MaxArticlesOpt = Annotated[
    int | None,
    typer.Option("--max-articles", min=1, help="Most articles read in one run (default 20000)."),
]
GgufOpt = Annotated[
    Path | None, typer.Option("--gguf", help="GGUF model file for --backend local.", dir_okay=False)
]


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Short, cited, verified summaries of news articles. Works offline by default."""
    if version:
        from importlib.metadata import version as package_version

        typer.echo(f"summarizer {package_version('summarizer')}")
        raise typer.Exit()


@app.command()
def blurb(
    ctx: typer.Context,
    files: Annotated[
        list[str], typer.Argument(help="Article files, http(s) URLs, feeds, or - for stdin.")
    ],
    sentences: Annotated[
        int | None,
        typer.Option(
            "--sentences",
            "-n",
            min=1,
            help="Sentences (default 3; 2-4 suit an article page, more are written when asked; "
            "fewer when the article gives no more, said in a note on stderr).",
        ),
    ] = None,
    max_words: MaxWordsOpt = None,
    format_: Annotated[
        Literal["text", "md", "json", "html"] | None,
        typer.Option(
            "--format",
            "-f",
            help="JSON Lines (one object a line) for several. Default: from the -o file's "
            "extension (.json, .jsonl, .md, .html), else text.",
        ),
    ] = None,
    output: OutOpt = None,
    force: ForceOpt = False,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
    show_rejected: ShowRejectedOpt = False,
    base_url: BaseUrlOpt = None,
    concurrency: ConcurrencyOpt = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    no_judge: NoJudgeOpt = False,
    gguf: GgufOpt = None,
    timeout: TimeoutOpt = None,
    deadline: DeadlineOpt = None,
    max_file_mb: MaxFileOpt = None,
    max_articles: MaxArticlesOpt = None,
) -> None:
    """Write the "Get a summary" blurb: 2-4 cited sentences per article.

    Each blurb is written as soon as it is ready, in input order (with an LLM,
    --concurrency articles are written at once). An input that cannot be read, whose
    model answers stay unusable after a re-ask, or that gives no blurb (no claim passed
    verification, no sentence fits --max-words, the article has only its headline), is
    reported and skipped (exit 1 at the end). When no blurb at all is written: exit 3 if
    the model's answers for any article stayed unusable (the LLM failed), else exit 2.
    When the LLM server itself fails, the run stops and keeps the blurbs already written
    (exit 3).

    Example:

        summarizer blurb fixtures/articles/001_f0f5015643b5d02c.txt

        summarizer blurb story.html --sentences 2 --format json -o blurb.json

        summarizer blurb https://example.com/news/story.html
    """
    ctx.with_resource(_sigterm_interrupts())  # restored when the command ends
    check_output(output, force=force, inputs=files)
    _check_stdin_once(files)
    fmt = format_ or _format_of(output, get_args(Format)) or "text"
    settings = _make_settings(
        backend,
        model,
        max_words=max_words,
        sentences=sentences,
        max_file_mb=max_file_mb,
        max_articles=max_articles,
        **_llm_options(base_url, concurrency, context_window, cache_dir, no_cache, no_judge, gguf),
        timeout=timeout,
        deadline=deadline,
    )
    # both given: refused before any work, in the CLI's words
    pipeline.blurb_length(settings, sentences, max_words, flags="--sentences, --max-words")
    quiet = quiet or settings.quiet  # `quiet = true` in the config file was ignored
    _setup_logging(verbose, quiet)
    _note_engine(settings, quiet)
    results: list[Blurb] = []
    failed: list[SummarizerError] = []
    bad_records: list[InputError] = []  # of those, a folder's file or a JSON (Lines) record
    stopped: BackendError | None = None  # the backend failed: the blurbs so far are kept
    no_blurb_count = unusable = 0  # per article, not per input: counted as articles
    unshown: list[Blurb] = []  # articles that gave no blurb: their claims and calls count too
    interrupted = False  # Ctrl-C or SIGTERM: so are they
    instances = BlockInstances()  # an article's second HTML block in this output: its own ids
    with open_output(output, force=force) as out:
        # an LLM writes --concurrency articles at once; each is written here in input order
        blurbs = pipeline.each_blurb(
            _each_article(files, failed, settings, bad_records, quiet=quiet),
            settings=settings,
            sentences=sentences,
            max_words=max_words,
        )
        try:
            for article, blurb_of in blurbs:
                where = _place(article)
                try:
                    result = blurb_of()
                except UnusableAnswerError as exc:  # this article's answers, not the server
                    say_error(f"{where}: {exc}")
                    failed.append(exc)
                    unusable += 1
                    continue
                except BackendError as exc:
                    if not results:
                        raise
                    stopped = exc
                    break
                why = no_blurb_reason(result)
                if why is not None:  # nothing to show: an error, as an unusable input is
                    if show_rejected:  # never an explanation written where the blurb goes
                        _show_rejected(result.claims)
                    no_blurb = InputError(f"{where}: no blurb: {why}")
                    say_error(str(no_blurb))
                    failed.append(no_blurb)
                    no_blurb_count += 1
                    unshown.append(result)
                    continue
                sep = "\n" if results and fmt not in ("json", "html") else ""
                out.write(sep + instances.render(result, fmt))
                results.append(result)
                out.flush()
                if result.partial and not quiet:  # said only in JSON's partial/problems before
                    said = "; ".join(result.problems[-3:])
                    typer.echo(printable_line(f"Warning: {where}: partial: {said}"), err=True)
                for note in result.problems if not quiet else []:
                    if pipeline.FEWER_THAN_ASKED in note:  # "--sentences 50" gave 8, unsaid
                        typer.echo(printable_line(f"Note: {where}: {note}"), err=True)
        except KeyboardInterrupt:
            if not results:  # nothing to keep: an -o file is left as it was
                raise
            interrupted = True
        finally:
            blurbs.close()  # left early: the articles still being written are abandoned
        if failed and not results:  # each failure was reported as it happened; an -o file
            # is left as it was, not made empty; the LLM's failure, whichever input came last
            raise typer.Exit(3 if unusable else 2)
        if not results:
            raise InputError("no article to summarise: the inputs are files this tool wrote")
    if interrupted:
        typer.echo(
            f"{_interrupted_note()} The {len(results)} blurb(s) done before it are written.",
            err=True,
        )
        raise typer.Exit(130)
    if show_rejected:
        _show_rejected([c for r in results for c in r.claims])
    _summary([*results, *unshown], quiet)  # the LLM calls and rejections of every article
    if stopped is not None:
        say_error(f"{stopped} (stopped; the {len(results)} blurb(s) before it are written)")
        raise typer.Exit(stopped.exit_code)
    if failed:
        articles = len(results) + no_blurb_count + unusable
        line = _failed_line(
            len(failed) - no_blurb_count - unusable,
            len(files),
            len(bad_records),
            articles=articles,
            unusable=unusable,
            no_blurb=no_blurb_count,
        )
        typer.echo(line, err=True)
        raise typer.Exit(1)


def _failed_line(
    failed: int,
    inputs: int,
    records: int,
    *,
    articles: int = 0,
    unusable: int = 0,
    no_blurb: int = 0,
) -> str:
    """How many inputs, and files of folders or records of JSON lists or JSON Lines files,
    were skipped (``failed`` counts both), and how many of the articles read could not be
    summarised or gave no blurb: a bad line of a feed whose other lines were summarised said
    "1 of 1 inputs failed", and so did one record of three that gave no blurb."""
    parts = []
    if others := failed - records:
        parts.append(f"{others} of {inputs} inputs" if others <= inputs else f"{others} inputs")
    if records:
        parts.append(
            f"{records} file{'s' * (records != 1)} or record{'s' * (records != 1)} in them"
        )
    said = [f"{' and '.join(parts)} failed"] if parts else []
    if unusable:
        said.append(f"{unusable} of {counted(articles, 'article')} could not be summarised")
    if no_blurb:
        said.append(f"{no_blurb} of {counted(articles, 'article')} gave no blurb")
    return f"{'; '.join(said)} (see above)"


def _place(article: Article) -> str:
    """An article as its error line names it, as ingest names its file's bad records
    ("m.jsonl (line 2)"): its file (and where in it), else its URL, else its label. A record
    of a JSON Lines file that gave no blurb was named as the whole file, and an article with a
    headline by its headline."""
    outlet = article.outlets[0] if article.outlets else None
    if outlet is None or outlet.file is None:
        return (outlet.url if outlet else None) or article.label()
    return f"{outlet.file} ({article.origin})" if article.origin else outlet.file


def say_error(message: str) -> None:
    """One ``Error:`` line on stderr, made printable: an error names files, titles and URLs,
    which are as untrusted as an article's text (a name's "ESC [31m" recoloured the terminal)."""
    typer.echo(f"Error: {printable_line(message)}", err=True)


def _each_article(
    inputs: list[str],
    failed: list[SummarizerError],
    settings: Settings,
    bad_records: list[InputError],
    *,
    skip_inputs: bool = True,
    quiet: bool = False,
) -> Iterator[Article]:
    """Articles of each input in turn, streamed; an unusable input or record (a bad line of
    a JSON Lines file) is reported on stderr, added to ``failed`` (a record also to
    ``bad_records``) and skipped, so one bad file or line does not lose the others. The
    folders' files that are not articles (a photo, a PDF) are said in one warning, unless
    ``quiet``.

    Without ``skip_inputs`` (a briefing) only a folder's files and a file's records are
    skipped: an input named on the command line that is unusable stops the run.

    Raises:
        InputError: without ``skip_inputs``, an unusable input, or no usable article at all
            (every file or record was skipped): as before the skipping, exit 2.
    """

    def skip(exc: InputError) -> None:
        say_error(str(exc))
        failed.append(exc)

    def skip_record(exc: InputError) -> None:
        skip(exc)
        bad_records.append(exc)

    # --max-articles is for the run, as in a briefing: counted per input, `blurb a b c
    # --max-articles 1` summarised all three, and a folder past it was one skipped input
    limit = settings.limits.max_articles
    each = dataclasses.replace(settings.limits, max_articles=sys.maxsize)
    total = 0
    not_articles: list[str] = []  # the folders' images, PDFs ...: said once for the run
    for raw in inputs:
        try:
            for article in iter_articles(
                raw, limits=each, on_bad_record=skip_record, skipped=not_articles
            ):
                total += 1
                if total > limit:
                    break
                yield article
        except InputError as exc:
            if not skip_inputs:
                raise
            skip(exc)
        if total > limit:
            raise settings.limits.too_many()
    if not_articles and not quiet:
        typer.echo(f"Warning: {skipped_note(not_articles)}", err=True)
    if not total and failed and not skip_inputs:  # blurb says it by its exit code
        raise InputError(
            f"no usable article: the {len(failed)} file(s) or record(s) read were all "
            "unusable (see above)"
        )


@app.command()
def briefing(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or directories of articles, feeds, http(s) URLs, or -."),
    ],
    max_words: DayWordsOpt = None,
    title: Annotated[str | None, typer.Option("--title", "-t", help="Briefing title.")] = None,
    format_: Annotated[
        Literal["md", "json", "html"] | None,
        typer.Option(
            "--format", "-f", help="Default: from the -o file's extension (.json, .html), else md."
        ),
    ] = None,
    max_stories: Annotated[
        int | None, typer.Option("--max-stories", min=1, help="Keep only the N biggest stories.")
    ] = None,
    min_sources: Annotated[  # None: the config file's (a default of 1 here overrode it)
        int | None,
        typer.Option(
            "--min-sources",
            min=1,
            help="Only list stories with fewer sources, under 'Stories with too few sources' "
            "(a copy of another outlet's report, a re-run wire story, is no source of its own).",
        ),
    ] = None,
    output: OutOpt = None,
    force: ForceOpt = False,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
    show_rejected: ShowRejectedOpt = False,
    base_url: BaseUrlOpt = None,
    concurrency: ConcurrencyOpt = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    no_judge: NoJudgeOpt = False,
    gguf: GgufOpt = None,
    timeout: TimeoutOpt = None,
    deadline: DeadlineOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    max_file_mb: MaxFileOpt = None,
    max_articles: MaxArticlesOpt = None,
) -> None:
    """Write one cited briefing of a day's articles, story by story.

    A file of a folder given that cannot be read, or a bad record of a JSON Lines file, is
    reported on stderr and skipped; the briefing of the rest is written.

    Exit codes: 0 written; 1 written, but files or records were skipped (each named on
    stderr); 2 bad input or usage, an input named here that cannot be read, or nothing
    usable at all (nothing written); 3 the LLM server failed (no story written); 130 Ctrl-C.

    Example:

        summarizer briefing fixtures/articles

        summarizer briefing feed/ --max-words 300 --title "Morning briefing" -o brief.md

        summarizer briefing feed.jsonl --min-sources 2 --max-stories 5

        summarizer briefing feed/ --since 24h -o today.md

        summarizer briefing https://example.com/news/rss.xml
    """
    ctx.with_resource(_sigterm_interrupts())  # restored when the command ends
    check_output(output, force=force, inputs=paths)
    _check_stdin_once(paths)
    settings = _make_settings(
        backend,
        model,
        max_words=max_words,
        title=title,
        quiet=quiet or None,  # None: the config file's `quiet`, which was ignored
        max_stories=max_stories,
        min_sources=min_sources,
        since=_date_option(since, "--since", end=False),
        until=_date_option(until, "--until", end=True),
        max_file_mb=max_file_mb,
        max_articles=max_articles,
        **_llm_options(base_url, concurrency, context_window, cache_dir, no_cache, no_judge, gguf),
        timeout=timeout,
        deadline=deadline,
    )
    fmt = format_ or _format_of(output, BRIEFING_FORMATS) or "md"  # refused before any work
    quiet = settings.quiet
    _setup_logging(verbose, quiet)
    _note_engine(settings, quiet)
    failed: list[SummarizerError] = []
    bad_records: list[InputError] = []  # a folder's unusable files, a JSON Lines file's lines
    articles = _each_article(paths, failed, settings, bad_records, skip_inputs=False, quiet=quiet)
    with terminal_progress(quiet=quiet) as progress:
        result = pipeline.briefing(articles, settings=settings, progress=_tracked(progress))
    if result.partial and not quiet:
        typer.echo("Warning: the briefing is partial: " + "; ".join(result.problems[-3:]), err=True)
    if not result.stories and (since or until) and not quiet:  # not "no claim passed"
        left_out = "; ".join(p for p in result.problems if "outside the dates" in p)
        typer.echo(
            "Warning: the briefing is empty: every article was published outside "
            f"--since/--until ({left_out})",
            err=True,
        )
    write_output(render_briefing(result, fmt, one_line=_json_lines(output)), output, force=force)
    if show_rejected:
        _show_rejected(result.claims)
    _summary([result], quiet)
    if failed:
        typer.echo(_failed_line(len(failed), len(paths), len(bad_records)), err=True)
        raise typer.Exit(1)


class _VerifyCommand(TyperCommand):
    """Keeps the command line's words in order: `verify --sources a.txt b.txt draft.md` reads
    b.txt as the draft, and only their order tells that from `verify b.txt -s a.txt draft.md`."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        ctx.meta[_ARGV] = list(args)
        return super().parse_args(ctx, args)


_ARGV = "summarizer.argv"


def _check_draft_first(ctx: typer.Context, draft: str, more_sources: list[str]) -> None:
    """Refuse a draft that came after ``--sources`` with more sources after it: `verify
    --sources a.txt b.txt draft.md` checked b.txt (a source) against a.txt and the draft.

    Raises:
        InputError: the positional draft was preceded by ``--sources`` and followed by sources.
    """
    words: list[str] = ctx.meta.get(_ARGV, [])
    first = next((n for n, w in enumerate(words) if w in ("-s", "--sources")), None)
    if not more_sources or first is None or draft in words[:first]:
        return
    raise InputError(
        f"{draft} was taken as the draft (the files after it as more sources), though it "
        "comes after --sources: put the draft first (summarizer verify DRAFT --sources A B "
        "...) or give each source with -s"
    )


@app.command(cls=_VerifyCommand)
def verify(
    ctx: typer.Context,
    draft: Annotated[str, typer.Argument(help="The draft: text, Markdown or HTML, or -.")],
    sources: Annotated[
        list[str],
        typer.Option("--sources", "-s", help="Source article files or directories."),
    ],
    more_sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="More sources: `--sources a.txt b.txt` works like `-s a.txt -s b.txt`."
        ),
    ] = None,
    format_: Annotated[
        Literal["text", "md", "json", "html"] | None,
        typer.Option(
            "--format",
            "-f",
            help="html: one self-contained page. Default: from the -o file's extension "
            "(.json, .md, .html), else text.",
        ),
    ] = None,
    top_k: Annotated[
        int, typer.Option("--top-k", min=1, help="Source sentences tried as each claim's evidence.")
    ] = TOP_K,
    output: OutOpt = None,
    force: ForceOpt = False,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    no_judge: NoJudgeOpt = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Hold each sentence to a briefing's standard: its verbs, nouns and "
            "adjectives must be in its evidence, and a negation it adds must be (catches a "
            "changed fact among kept names; flags loose paraphrases too).",
        ),
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
    timeout: TimeoutOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check every sentence of a draft against source articles; exit 1 if any is not supported.

    Each sentence is supported, contradicted or unverifiable. With an LLM configured (or
    --backend openai/local/replay), its judge decides the unverifiable ones. When the judge
    cannot answer (its server down or failing, or every answer it gave unreadable: not JSON
    of the expected shape), the sentences it was asked about fail closed (not supported), the
    report is written, and the exit code is 3, not 1.

    A heading that states something (a verb or a figure) is checked like a sentence; one
    that only labels a section ("# Tuesday's politics and money") is listed as not checked.

    Exit codes: 0 every sentence supported; 1 some sentence not supported; 2 bad input or
    usage; 3 the LLM judge was unavailable (its server failed, or its answers could not be
    read), the report written with those sentences not supported; 130 Ctrl-C.

    Example:

        summarizer verify draft.md --sources fixtures/articles

        summarizer verify draft.md -s fixtures/articles --strict

        summarizer verify draft.txt --sources a.txt b.html --format json -o report.json

        summarizer verify draft.txt -s fixtures/articles -o report.html
    """
    ctx.with_resource(_sigterm_interrupts())  # restored when the command ends
    _check_draft_first(ctx, draft, more_sources or [])
    check_output(output, force=force, inputs=[draft, *sources, *(more_sources or [])])
    fmt = format_ or _format_of(output, get_args(VerifyFormat)) or "text"
    settings = _make_settings(
        backend,
        model,
        **_llm_options(base_url, None, None, None, no_cache, no_judge, None),
        timeout=timeout,
    )
    quiet = quiet or settings.quiet  # `quiet = true` in the config file was ignored
    _setup_logging(verbose, quiet)
    check_path_argument(draft)
    _check_stdin_once([draft, *sources, *(more_sources or [])])
    given_draft = read_stdin(Limits()) if draft == "-" else Path(draft)
    text = read_draft(given_draft, "stdin")[1]
    sources_ = _inputs([*sources, *(more_sources or [])])
    # as a Path, so that the draft file is not its own source when a source folder holds it
    given = text if draft == "-" else Path(draft)
    report = verify_draft(given, sources_, top_k=top_k, strict=strict, settings=settings)
    if draft != "-":
        report = report.model_copy(update={"draft": draft})
    write_output(render_verify(report, fmt, one_line=_json_lines(output)), output, force=force)
    for note in report.notes:
        typer.echo(f"Note: {note}", err=True)
    if not quiet:
        typer.echo(
            f"claims: {report.supported} supported, {report.contradicted} contradicted, "
            f"{report.unverifiable} unverifiable"
            + (f", {len(report.skipped)} skipped (not claims)" if report.skipped else "")
            + f" · {report.seconds:.2f}s",
            err=True,
        )
    outage = judge_unavailable(c for claim in report.claims for c in claim.checks)
    if outage is not None:  # fail closed, but say the LLM failed: a CI gate must tell that
        # from a wrong draft
        raise BackendError(
            f"the LLM judge was unavailable ({outage}); the sentences it was asked about fail "
            "closed (not supported)"
        )
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", envvar="SUMMARIZER_TOKEN", help="Require 'Authorization: Bearer TOKEN'."
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body in bytes (else 413).")
    ] = 2_000_000,
    max_articles: Annotated[
        int,
        typer.Option(
            "--max-articles", min=1, max=10_000, help="Most articles per request (else 422)."
        ),
    ] = 200,
    run_timeout: Annotated[
        float,
        typer.Option("--run-timeout", min=0.1, help="Seconds a request's run may take (else 504)."),
    ] = 120.0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Runs at once; more get 503 (default 16).")
    ] = 16,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Let callers' URLs reach file:// and private networks."
        ),
    ] = False,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    concurrency: ConcurrencyOpt = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    no_judge: NoJudgeOpt = False,
    gguf: GgufOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Serve POST /blurb, /briefing and /verify as an HTTP JSON API (OpenAPI at /openapi.json).

    The engine options apply to every request; callers send texts or URLs and the content
    options (sentences, max_words, title, ...).

    Example:

        summarizer serve --port 8000 --token "$SUMMARIZER_TOKEN"
    """
    _setup_logging(verbose)
    try:
        from .serve import ServeConfig, run
    except ImportError as exc:  # fastapi/uvicorn are the optional extra "serve"
        raise ConfigError(
            f"summarizer serve needs the 'serve' extra ({exc.name} is missing): "
            "pip install 'summarizer[serve]'"
        ) from None
    from .fetch import CLI_POLICY, SERVE_POLICY

    if token is None and "SUMMARIZER_TOKEN" in os.environ:
        # click reads a variable set to "" as unset: SUMMARIZER_TOKEN="" served everyone,
        # while --token "" was refused; create_app refuses both the same way
        token = os.environ["SUMMARIZER_TOKEN"]
    settings = _make_settings(
        backend,
        model,
        **_llm_options(base_url, concurrency, context_window, cache_dir, no_cache, no_judge, gguf),
    )
    config = ServeConfig(
        settings=settings,
        token=token,
        max_body_bytes=max_body,
        max_articles=max_articles,
        timeout=run_timeout,
        workers=workers,
        fetch=CLI_POLICY if allow_private else SERVE_POLICY,
    )
    run(config, host=host, port=port)


config_app = typer.Typer(
    help="""The config file: TOML with any setting, e.g. `model = "gpt-4o-mini"`.

    Examples:

        summarizer config path

        summarizer config show
    """,
    no_args_is_help=True,
)
app.add_typer(config_app, name="config")


@config_app.command("path")
def config_path_command() -> None:
    """Print where the config file is read from (SUMMARIZER_HOME moves it); its folder is
    made if missing, so that an editor can save the file there.

    Example:

        $EDITOR "$(summarizer config path)"
    """
    path = config_path()
    try:  # on a fresh machine the example's editor could not save: no ~/.config/summarizer
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a printed path the editor cannot save to would fail later
        exists = isinstance(exc, FileExistsError)
        reason = "a file, not a folder" if exists else exc.strerror or type(exc).__name__
        raise ConfigError(
            f"cannot make the config file's folder {path.parent} ({reason}); "
            "set SUMMARIZER_HOME to a folder you can write"
        ) from None
    typer.echo(str(path))


@config_app.command("show")
def config_show_command() -> None:
    """Print the settings a run uses, each with where it comes from (default, config file
    or environment variable), as TOML lines; an API key is never shown. A since/until is
    shown as given ("24h"), with the date it resolves to now beside it. A config file with
    a typo or a bad value is an error here, as in every run.

    Example:

        summarizer config show
    """
    values, origin = layered_values({})  # what Settings.from_env() validates, read once
    settings = Settings(**values)
    path = config_path()
    typer.echo(f"# {path}{'' if path.exists() else ' (no such file: defaults and environment)'}")
    typer.echo(f"# engine: {pipeline.resolve_backend(settings)}")
    for name in Settings.model_fields:
        value = getattr(settings, name)
        where = origin.get(name, "default")
        if value is None:
            typer.echo(f"# {name} = (not set)")
        elif name == "api_key":
            typer.echo(f"# {name} = (set, hidden)  # {where}")
        elif name in ("since", "until") and isinstance(given := values.get(name), (str, date)):
            # as given, so that the config shown is the one reused: "24h" resolved to a date
            # was a frozen window once copied; what it resolves to now, beside it
            given = given if isinstance(given, str) else given.isoformat()
            now = shown_bound(value, end=name == "until")
            typer.echo(f"{name} = {_toml_value(given)}  # {where}; resolves to {now}")
        else:
            typer.echo(f"{name} = {_toml_value(value)}  # {where}")


def _toml_value(value: object) -> str:
    """A setting's value as TOML writes it (a path or a date as a string)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "inf" if value == float("inf") else repr(value)
    if isinstance(value, datetime):
        return json.dumps(value.isoformat())
    return json.dumps(str(value), ensure_ascii=False)


# -- helpers -----------------------------------------------------------------------------------


def _inputs(args: list[str]) -> list[Path | Article]:
    """Command-line inputs for the library, where a str is article text: local paths become
    Paths; stdin (-) and URLs are read here."""
    out: list[Path | Article] = []
    for raw in args:
        check_path_argument(raw)  # Path("") would be the current directory
        if raw == "-" or is_url(raw):
            out.extend(load_articles(raw))
        else:
            out.append(Path(raw))
    return out


BRIEFING_FORMATS: tuple[Literal["md", "json", "html"], ...] = ("md", "json", "html")
# An output file's extension, as the format it names.
_FORMAT_OF_SUFFIX = {
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


_F = TypeVar("_F", bound=str)


def _format_of(output: Path | None, allowed: tuple[_F, ...]) -> _F | None:
    """The format the ``-o`` file's extension names, when the command writes it: without
    ``--format``, ``-o today.json`` wrote Markdown into a .json file, which the next run over
    that folder could not read. A file with no extension (or a device) takes the default.

    Raises:
        InputError: the extension names no format (``-o x.pdf`` wrote Markdown into it).
    """
    if output is None or is_stream_output(output):  # /dev/stdout, a FIFO: no extension
        return None
    suffix = output.suffix.lower()
    if suffix and suffix not in _FORMAT_OF_SUFFIX:
        known = ", ".join(_FORMAT_OF_SUFFIX)
        raise InputError(
            f"{output}: the extension {output.suffix} names no output format (known: "
            f"{known}); rename the file, or pass --format to write it anyway"
        )
    fmt = _FORMAT_OF_SUFFIX.get(suffix)
    return next((f for f in allowed if f == fmt), None)


def _json_lines(output: Path | None) -> bool:
    """Whether ``-o`` names a JSON Lines file, whose JSON must be one line: indented, a
    briefing saved as ``feed/today.jsonl`` stopped the next run over ``feed/`` with exit 2
    ("today.jsonl (line 1): malformed JSON")."""
    return output is not None and output.suffix.lower() in (".jsonl", ".ndjson")


def _check_stdin_once(args: list[str]) -> None:
    """``-`` may stand for stdin once: given twice (``blurb - -``, ``verify - -s -``), the
    second read found it already consumed and reported "<stdin>: file is empty".

    Raises:
        InputError: ``-`` is among ``args`` more than once.
    """
    if args.count("-") > 1:
        raise InputError("- (stdin) is given more than once; it can be read only once")


def _date_option(value: str | None, flag: str, *, end: bool) -> datetime | None:
    """A --since/--until value; a date alone as ``--until`` means the end of that day."""
    if value is None:
        return None
    try:
        return window_bound(value, end=end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=flag) from None


def _make_settings(backend: Backend, model: str | None, **options: object) -> Settings:
    """The one mapping of CLI flags to Settings fields (None keeps env/config/default)."""
    overrides: dict[str, object] = {"model": model, **options}
    if backend != "auto":
        overrides["backend"] = backend
    settings = Settings.from_env(**overrides)
    _RUN["settings"] = settings
    return settings


# what the Ctrl-C note reports: this run's settings and the last progress it made
_RUN: dict[str, object] = {}


def _tracked(progress: ProgressFn | None) -> ProgressFn:
    """Remember the run's progress for the Ctrl-C note, and draw it when there is a bar."""

    def update(stage: str, done: int, total: int) -> None:
        of = f" of {total}" if total else ""  # 0: not known yet (reading a folder or feed)
        _RUN["stage"] = f"{STAGE_LABELS.get(stage, stage).lower()}: {done}{of} done"
        if progress is not None:
            progress(stage, done, total)

    return update


def _interrupted_note() -> str:
    """What an interrupted run did and where its LLM answers are kept, so the rerun is cheap."""
    from .llm.cache import CachedClient
    from .llm.factory import cache_path

    parts = ["Interrupted"]
    if "stage" in _RUN:
        parts.append(f" ({_RUN['stage']})")
    settings = _RUN.get("settings")
    if isinstance(settings, Settings) and pipeline.resolve_backend(settings) != "extractive":
        if settings.no_cache:
            parts.append("; the LLM answers were not cached (--no-cache)")
        else:
            parts.append(
                f"; {CachedClient.stored} LLM answers of this run are cached in "
                f"{cache_path(settings)}: run the same command again to resume without "
                "paying for them twice"
            )
    return "".join(parts) + "."


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (a scheduler, ``timeout`` or ``kill`` stopping the run) ends it as Ctrl-C does:
    the same note and exit 130, no temporary output file left (``blurb -o`` left a hidden
    ``.out.tmp`` and lost the blurbs done), and for a blurbs job the cluster closed and the
    rerun going on from the part files."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _llm_options(
    base_url: str | None,
    concurrency: int | None,
    context_window: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    no_judge: bool,
    gguf: Path | None,
) -> dict[str, object]:
    """The LLM flags both commands share, as Settings fields (None: keep env/default)."""
    return {
        "base_url": base_url,
        "concurrency": concurrency,
        "context_window": context_window,
        "cache_dir": cache_dir,
        "no_cache": no_cache or None,
        "judge": False if no_judge else None,
        "gguf": gguf,
    }


def _note_engine(settings: Settings, quiet: bool) -> None:
    """Say which engine runs and how to switch, when the user did not choose one."""
    if quiet or settings.backend != "auto":
        return
    if pipeline.resolve_backend(settings) == "extractive":
        typer.echo(
            "Using the embedded extractive engine (no LLM configured). To use an LLM, set "
            "OPENAI_BASE_URL and/or OPENAI_API_KEY, or pass --backend openai.",
            err=True,
        )
    else:
        typer.echo(
            f"Using the LLM at {shown_url(settings.base_url)} (set by --base-url, "
            "OPENAI_BASE_URL/OPENAI_API_KEY or the config file). Pass --backend extractive for "
            "the embedded engine.",
            err=True,
        )


def _show_rejected(claims: list[Claim]) -> None:
    rejected = [c for c in claims if c.verdict == "rejected"]
    typer.echo(f"rejected claims: {len(rejected)}", err=True)
    for claim in rejected:
        typer.echo(f"- {claim.text}", err=True)
        for check in claim.checks:
            if not check.passed:
                typer.echo(f"    {check.name}: {check.detail}", err=True)


def _summary(results: list[Blurb] | list[Briefing], quiet: bool) -> None:
    if quiet:
        return
    counts = Counts.of([c for r in results for c in r.claims])
    usage = Usage()
    for r in results:
        usage.add(r.usage)
        usage.seconds += r.usage.seconds
    engine = results[0].engine if results else "-"
    for r in results:
        if isinstance(r, Briefing):
            typer.echo(_day_line(r), err=True)
            for note in r.date_notes:  # which dates it covers
                typer.echo(note, err=True)
    typer.echo(
        f"claims: {counts.accepted} accepted, {counts.repaired} repaired, "
        f"{counts.rejected} rejected · engine {engine} · {usage.calls} LLM calls "
        f"({usage.cache_hits} cached), {usage.spent()} · {usage.seconds:.2f}s",
        err=True,
    )


def _day_line(result: Briefing) -> str:
    """How much of the day the briefing holds: written stories and those only listed."""
    written = [s for s in result.stories if s.written]
    listed = [s for s in result.stories if not s.written]
    n_written, n_listed = (sum(s.articles_given for s in part) for part in (written, listed))
    copies = sum(len(s.copy_ids) for s in result.stories)
    whose = "its original" if copies == 1 else "their originals"
    merged = f"; {counted(copies, 'copy')} listed with {whose}" if copies else ""
    few = sum(1 for s in result.stories if s.listed_because == "min_sources")
    few_said = f", {few} of them with too few sources" if few else ""
    return (
        f"stories: {len(result.stories)} in output ({len(written)} written, "
        f"{len(listed)} only listed{few_said}) · articles: {n_written + n_listed} in output "
        f"({n_written} in written stories, {n_listed} only listed{merged})"
    )


def _setup_logging(verbose: int, quiet: bool = False) -> None:
    """-v/-vv show info and debug lines; -q (or ``quiet`` in the config) hides the warnings
    too, which are notes (a feed item's own text used, a date ignored), never the errors."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    # set each time, not by basicConfig (once per process): one process may run many commands.
    # Other libraries' warnings only with -v: trafilatura's "WARNING trafilatura.core:
    # discarding data: None" came before the one-line error of an HTML file with no text.
    logging.getLogger().setLevel(level if verbose else logging.ERROR)
    ours = logging.ERROR if quiet else logging.WARNING
    logging.getLogger(__package__ or "summarizer").setLevel(logging.NOTSET if verbose else ours)


# the loggers whose levels a command sets (_setup_logging; blurbs-job's Dask): "" is the root
_SET_LOGGERS = ("", __package__ or "summarizer", "distributed")


@contextmanager
def _logging_kept() -> Iterator[None]:
    """Give back the logging state a command changed when it returns, however it ends: one run
    in a process (typer's CliRunner, ``app([...])`` in a notebook) with ``-q`` left the
    library's warnings hidden for every later call, and ``-v`` left every library chatty."""
    root = logging.getLogger()
    handlers = list(root.handlers)  # basicConfig's, bound to the stderr of that run
    levels = {name: logging.getLogger(name).level for name in _SET_LOGGERS}
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def main() -> None:
    """Entry point for the console script and ``python -m summarizer``."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)


# -- archives (cli_scale.py): registered last, as that module reuses the options above ---------
from .cli_scale import batch_app, blurbs_job  # noqa: E402

app.command("blurbs-job")(blurbs_job)
app.add_typer(batch_app, name="batch")
