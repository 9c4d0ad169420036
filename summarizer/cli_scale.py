"""Command line for archives: ``blurbs-job`` (Dask) and ``batch submit``/``batch collect``.

Kept out of cli.py so the two features stay separate; cli.py registers them in two lines.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from .cli import (
    BackendOpt,
    BaseUrlOpt,
    CacheDirOpt,
    ContextOpt,
    ForceOpt,
    ModelOpt,
    NoJudgeOpt,
    OutOpt,
    QuietOpt,
    SinceOpt,
    UntilOpt,
    VerboseOpt,
    _date_option,
    _format_of,
    _json_lines,
    _make_settings,
    _setup_logging,
    _sigterm_interrupts,
    say_error,
)
from .errors import ConfigError, InputError
from .output import check_output, write_output
from .render import BlockInstances, no_blurb_reason, render_briefing
from .sources import printable_line
from .text import counted

if TYPE_CHECKING:
    from .jobs import JobReport

PROGRESS_EVERY = 10.0  # seconds between two progress lines of a long job


def blurbs_job(
    input_url: Annotated[str, typer.Argument(help="JSON Lines or Parquet of articles (path/URL).")],
    output_url: Annotated[str, typer.Argument(help="Output directory of part files (path/URL).")],
    format_: Annotated[
        Literal["jsonl", "parquet"], typer.Option("--format", "-f", help="Part file format.")
    ] = "jsonl",
    address: Annotated[
        str | None,
        typer.Option("--address", help="Dask scheduler address; default: a local cluster."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Local cluster worker processes.")
    ] = 2,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per part file.")
    ] = 100,
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-n", min=1, help="Sentences (default 3).")
    ] = None,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed", help="Compute the articles whose rows failed again (else done)."
        ),
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Blurb every article of an archive on Dask; a rerun skips articles already done (failed
    ones too, unless --retry-failed).

    The output directory must be new, empty or this job's own; a rerun must use the same
    --format and blurb options (the directory remembers them). Progress goes to stderr.

    Exit codes: 0 done, the output holds at least one blurb (failed articles are rows with
    their reason); 2 bad input, output or options, or every article of the input failed (no
    blurb at all: the rows say why); 3 the LLM server failed 5 articles in a row (rerun with
    --retry-failed); 130 interrupted (Ctrl-C or SIGTERM: run the same command again to go on).

    Example:

        summarizer blurbs-job archive.jsonl out/ --workers 2

        summarizer blurbs-job archive.jsonl out/ --retry-failed

        summarizer blurbs-job s3://bucket/archive/ s3://bucket/blurbs/ --address tcp://sched:8786
    """
    from .jobs import run_job

    _setup_logging(verbose, quiet)  # again below, once the config file's `quiet` is known
    if verbose < 2:  # Dask's scheduler and nannies log every start and stop at INFO
        with contextlib.suppress(ImportError):  # (its import sets its loggers' levels)
            import distributed  # noqa: F401
        logging.getLogger("distributed").setLevel(logging.WARNING)
    settings = _make_settings(
        backend,
        model,
        sentences=sentences,
        base_url=base_url,
        context_window=context_window,
        cache_dir=cache_dir,
    )
    quiet = quiet or settings.quiet  # `quiet = true` in the config file was ignored here
    _setup_logging(verbose, quiet)
    with _sigterm_interrupts():
        report = _run_or_note_interrupt(
            run_job,
            input_url,
            output_url,
            settings=settings,
            out_format=format_,
            batch_size=batch_size,
            address=address,
            workers=workers,
            retry_failed=retry_failed,
            progress=None if quiet else _job_progress(),
        )
    if not quiet:
        rate = report.computed / report.seconds if report.seconds else 0.0
        retried = f" ({report.retried} failed rows retried)" if retry_failed else ""
        typer.echo(
            f"articles: {report.computed} computed ({report.ok} ok, {report.failed} failed), "
            f"{report.skipped} already done{retried} · {report.parts} part files · "
            f"{report.workers} workers · {report.seconds:.1f}s ({rate:.1f} articles/s)",
            err=True,
        )
        if report.repeated:
            typer.echo(
                f"Warning: {report.repeated} id(s) are in two input blocks (e.g. two files) and "
                "have two rows each: give each article its own 'id'",
                err=True,
            )
        if report.duplicates:
            typer.echo(
                f"Warning: skipped {report.duplicates} record(s) whose id came earlier in the "
                "same block (one row per id): give each article its own 'id'",
                err=True,
            )
    if report.all_failed:  # as `blurb` and `briefing` when nothing could be summarised
        reason = f" (e.g. {report.first_error})" if report.first_error else ""
        say_error(
            f"every article failed: none of the {report.computed + report.skipped} gave a "
            f"blurb{reason}; each is a failed row in {output_url} with its reason "
            "(--retry-failed computes them again)"
        )
        raise typer.Exit(2)


def _run_or_note_interrupt(run: Callable[..., JobReport], *args: Any, **kwargs: Any) -> JobReport:
    """``run(...)``; on Ctrl-C or SIGTERM, say that the rerun goes on from what was written."""
    try:
        return run(*args, **kwargs)
    except KeyboardInterrupt:
        typer.echo(
            "Interrupted: the part files written so far are kept (none half-written); run the "
            "same command again to go on",
            err=True,
        )
        raise typer.Exit(130) from None


def _job_progress() -> Callable[[JobReport], None]:
    """A progress line on stderr at most every PROGRESS_EVERY seconds (and for the last block)."""
    last = [time.monotonic()]

    def show(report: JobReport) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY or report.tasks_done >= report.tasks:
            return  # the last block: the summary line says it all
        last[0] = now
        typer.echo(
            f"blocks {report.tasks_done}/{report.tasks} · {report.computed} articles computed "
            f"({report.failed} failed), {report.skipped} already done",
            err=True,
        )

    return show


batch_app = typer.Typer(
    help="""LLM blurbs or a briefing through the OpenAI Batch API (half the price, within 24 h).

    Exit codes: 0 done (or the batch is still running), 2 bad input or options (no endpoint
    or key: set OPENAI_API_KEY or OPENAI_BASE_URL), 3 the server failed, or the batch failed
    or was cancelled (collect --resubmit or --online). The key is never written to disk.

    Example:

        summarizer batch submit feed/ --dir batch1/ && summarizer batch collect batch1/

        summarizer batch submit --briefing feed/ --dir day1/ && summarizer batch collect day1/
    """,
    no_args_is_help=True,
)


@batch_app.command("submit")
def batch_submit(
    inputs: Annotated[list[str], typer.Argument(help="Article files or directories.")],
    state_dir: Annotated[
        Path, typer.Option("--dir", "-d", help="New directory for the batch's files and state.")
    ],
    briefing: Annotated[
        bool,
        typer.Option("--briefing", help="One briefing of all the inputs, not a blurb each."),
    ] = False,
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-n", min=1, help="Sentences (default 3).")
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option(
            "--max-words",
            min=1,
            help="The briefing's word budget (default as `summarizer briefing`), or a blurb's "
            "word limit instead of --sentences.",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", "-t", help="Briefing title (--briefing).")
    ] = None,
    max_stories: Annotated[
        int | None,
        typer.Option("--max-stories", min=1, help="Keep only the N biggest stories (--briefing)."),
    ] = None,
    min_sources: Annotated[
        int | None,
        typer.Option("--min-sources", min=1, help="Leave out stories with fewer outlets."),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    no_judge: NoJudgeOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Write the LLM requests as JSON Lines, upload them and start a batch.

    A blurb or a briefing takes one batch per stage (the briefing's stories all in the same
    batch: its reduce, then its judge); ``batch collect`` starts each next one by itself.

    An option of the other kind is refused (--since, --until, --title, --max-stories or
    --min-sources without --briefing; -n with it): the paid requests would be made without
    it. Set in the config file, the same keys are defaults for every command, and the kind
    they do not apply to leaves them unused, as `summarizer blurb` does.

    Exit codes: 0 started, 1 started, but unusable files of a folder or records of a feed
    were skipped (each named on stderr), 2 bad input or options (--dir not new or empty, no
    OPENAI_API_KEY nor OPENAI_BASE_URL), 3 the server refused the batch.

    Example:

        summarizer batch submit feed/ --dir batch1/ --model gpt-4o-mini

        summarizer batch submit --briefing feed/ --dir day1/ --max-words 400 -t "Morning"
    """
    from .llm.batch import submit
    from .pipeline import blurb_length

    _setup_logging(verbose, quiet)
    _refuse_other_kinds_options(
        briefing,
        {
            "--sentences": sentences,
            "--title": title,
            "--max-stories": max_stories,
            "--min-sources": min_sources,
            "--since": since,
            "--until": until,
        },
    )
    settings = _make_settings(
        "openai",
        model,
        sentences=sentences,
        max_words=max_words,
        title=title,
        max_stories=max_stories,
        min_sources=min_sources,
        since=_date_option(since, "--since", end=False),
        until=_date_option(until, "--until", end=True),
        base_url=base_url,
        context_window=context_window,
        cache_dir=cache_dir,
        judge=False if no_judge else None,
    )
    quiet = quiet or settings.quiet  # `quiet = true` in the config file was ignored here
    _setup_logging(verbose, quiet)
    if not briefing:  # a blurb's length as `summarizer blurb` takes it, not the config's max_words
        n, words = blurb_length(settings, sentences, max_words)
        settings = settings.model_copy(update={"sentences": n, "max_words": words})
    skipped: list[InputError] = []

    def skip(exc: InputError) -> None:  # one bad file of a folder does not stop the batch
        say_error(str(exc))
        skipped.append(exc)

    kind: Literal["blurbs", "briefing"] = "briefing" if briefing else "blurbs"
    state = submit(inputs, state_dir, settings, kind=kind, on_bad_record=skip)
    if not quiet:
        last = state.rounds[-1]
        typer.echo(
            f"batch {last.batch_id} started: {last.requests} requests; "
            f"run `summarizer batch collect {state_dir}` when it is done (within 24 hours)",
            err=True,
        )
    if skipped:
        n = len(skipped)
        typer.echo(
            f"Warning: {n} file{'s' * (n != 1)} or record{'s' * (n != 1)} skipped (see above)",
            err=True,
        )
        raise typer.Exit(1)


# The options of `summarizer briefing` that `summarizer blurb` has not (it blurbs every
# article given), and the one `summarizer blurb` option a briefing has not.
_BRIEFING_ONLY = ("--title", "--max-stories", "--min-sources", "--since", "--until")
_BLURBS_ONLY = ("--sentences",)


def _refuse_other_kinds_options(briefing: bool, given: dict[str, object]) -> None:
    """Refuse, before anything is uploaded, an option the chosen kind would ignore: paid
    requests made without the --since or --max-stories the user asked for are money lost.

    Raises:
        ConfigError: such an option is given (named, with the kind it belongs to).
    """
    wrong = _BLURBS_ONLY if briefing else _BRIEFING_ONLY
    named = [flag for flag in wrong if given.get(flag) is not None]
    if not named:
        return
    verb, it = ("applies", "it") if len(named) == 1 else ("apply", "them")
    if briefing:
        hint = "blurbs (no --briefing); a briefing's length is --max-words"
    else:
        hint = f"a briefing: add --briefing, or leave {it} out (every article gets a blurb)"
    raise ConfigError(f"{', '.join(named)} {verb} only to {hint}")


@batch_app.command("collect")
def batch_collect(
    state_dir: Annotated[Path, typer.Argument(help="The directory given to batch submit.")],
    online: Annotated[
        bool,
        typer.Option("--online", help="Ask what the batch left missing online, not in a batch."),
    ] = False,
    resubmit: Annotated[
        bool,
        typer.Option(
            "--resubmit",
            help="After a failed or cancelled batch, send what it left missing in a new batch "
            "(else nothing is sent again by itself).",
        ),
    ] = False,
    format_: Annotated[
        Literal["json", "text", "md", "html"] | None,
        typer.Option(
            "--format",
            "-f",
            help="Default: the -o file's extension, else json (JSON Lines) for blurbs, md for "
            "a briefing.",
        ),
    ] = None,
    output: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Cache the batch's answers; write the blurbs or the briefing, or start a follow-up batch
    for what is missing (failed or expired requests, re-asks, the next stage).

    Exit codes: 0 written, a follow-up batch started, or still running; 1 the blurbs are
    written but some articles failed (each named on stderr; the model gave no usable answer
    even after a re-ask); 2 not a batch directory, -o exists (--force); 3 the server failed,
    or the batch failed or was cancelled with answers missing (rerun with --resubmit or
    --online).

    Example:

        summarizer batch collect batch1/ -o blurbs.jsonl

        summarizer batch collect day1/ -o briefing.md

        summarizer batch collect batch1/ --online

        summarizer batch collect batch1/ --resubmit
    """
    from .llm.batch import collect
    from .settings import Settings

    _setup_logging(verbose, quiet)
    check_output(output, force=force)  # refused before the batch is collected, not after
    # without --format, the -o file's extension names it (as for blurb and briefing): else
    # -o briefing.json held Markdown and -o blurbs.html JSON Lines
    format_ = format_ or _format_of(output, ("json", "text", "md", "html"))
    settings = Settings.from_env()
    quiet = quiet or settings.quiet  # `quiet = true` in the config file was ignored here
    _setup_logging(verbose, quiet)
    report = collect(state_dir, api_key=settings.api_key, online=online, resubmit=resubmit)

    def say(text: str) -> None:
        if not quiet:
            typer.echo(text, err=True)

    if report.status in ("validating", "in_progress", "finalizing", "cancelling"):
        say(f"the batch is {report.status}; run collect again later")
        return
    cached = (
        f"batch {report.status}: {report.answers} answers cached, {len(report.errors)} unanswered"
    )
    if report.kind == "blurbs":
        say(
            f"{cached}; {report.done} blurbs done, {len(report.failed)} failed, "
            f"{report.pending} waiting"
        )
    elif report.briefing is not None:
        say(f"{cached}; the briefing is done: {counted(report.done, 'story')} written")
    else:
        say(f"{cached}; the briefing needs {report.waiting} more answers")
    if report.follow_up is not None:
        for reason in report.failed:  # final, but reported as errors once the rest is done
            say(f"failed: {printable_line(reason)}")
        say(f"follow-up batch {report.follow_up} started; run collect again when it is done")
        return
    if report.briefing is not None:
        result = report.briefing
        if result.partial:
            say("Warning: the briefing is partial: " + "; ".join(result.problems[-3:]))
        # a briefing has no plain-text form: -f text writes its Markdown, as it always has
        fmt_ = "md" if format_ is None or format_ == "text" else format_
        write_output(
            render_briefing(result, fmt_, one_line=_json_lines(output)), output, force=force
        )
        return
    fmt = format_ or "json"
    sep = "" if fmt == "json" else "\n"
    # as the blurb command: an article with no blurb is failed, never a message in its place
    blurbs = [b for b in report.blurbs if no_blurb_reason(b) is None]
    failed = [
        *report.failed,
        *(f"{b.article_id}: no blurb: {why}" for b in report.blurbs if (why := no_blurb_reason(b))),
    ]
    if blurbs or not failed:  # none written: an -o file is left as it was
        instances = BlockInstances()  # as blurb: two blocks of one article, their own ids
        text = sep.join(instances.render(b, fmt) for b in blurbs)
        write_output(text, output, force=force)
    if failed:  # as blurb: each on stderr, with --quiet too, then exit 1
        for reason in failed:
            say_error(reason)
        total = report.done + len(report.failed)  # done counts the empty blurbs too
        typer.echo(f"{len(failed)} of {counted(total, 'article')} failed (see above)", err=True)
        raise typer.Exit(1)
