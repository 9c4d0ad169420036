"""Command line: thin wrappers over the library functions of the same names."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from . import pipeline
from .errors import SummarizerError
from .ingest import load_articles
from .models import Blurb, Briefing, Claim, Counts, Usage
from .output import write_output
from .progress import terminal_progress
from .render import render_blurb, render_briefing, render_verify
from .settings import Backend, Settings, config_path
from .verify import verify as verify_draft


class _Commands(TyperGroup):
    """Turns library errors from any command into one line on stderr and an exit code."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except SummarizerError as exc:
            if os.environ.get("SUMMARIZER_RAISE_ERRORS"):
                raise
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    name="summarizer",
    cls=_Commands,
    help="Short, cited, verified summaries of news articles. Works offline by default.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# -- shared options, defined once --------------------------------------------------------------
OutOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here instead of stdout.", dir_okay=False),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
BackendOpt = Annotated[
    str,
    typer.Option(
        "--backend",
        "-b",
        help="auto (an LLM if configured, else the embedded engine), extractive, openai, "
        "local, replay.",
    ),
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="LLM model name.")]
MaxWordsOpt = Annotated[int | None, typer.Option("--max-words", min=1, help="Word budget.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No notes or summary on stderr.")]
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v info, -vv debug.")]
ShowRejectedOpt = Annotated[
    bool,
    typer.Option("--show-rejected", help="List rejected claims and why on stderr."),
]

BACKENDS = ("auto", "extractive", "openai", "local", "replay")

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
    files: Annotated[list[str], typer.Argument(help="Article files, or - for stdin.")],
    sentences: Annotated[
        int | None, typer.Option("--sentences", "-n", min=1, help="Sentences (default 3).")
    ] = None,
    max_words: MaxWordsOpt = None,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="text, md or json (JSON Lines for several).")
    ] = "text",
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
) -> None:
    """Write the "Get a summary" blurb: 2-4 cited sentences per article.

    Example:

        summarizer blurb fixtures/articles/001_f0f5015643b5d02c.txt

        summarizer blurb story.html --sentences 2 --format json -o blurb.json
    """
    _setup_logging(verbose)
    fmt = _choice(format_, ("text", "md", "json"), "--format")
    settings = _make_settings(
        backend,
        model,
        max_words=max_words,
        sentences=sentences,
        **_llm_options(base_url, concurrency, context_window, cache_dir, no_cache, no_judge, gguf),
    )
    articles = load_articles(files)
    _note_engine(settings, quiet)
    results = [pipeline.blurb(a, settings=settings) for a in articles]
    sep = "" if fmt == "json" else "\n"
    text = sep.join(render_blurb(r, fmt) for r in results)  # type: ignore[arg-type]
    write_output(text, output, force=force)
    if show_rejected:
        _show_rejected([c for r in results for c in r.claims])
    _summary(results, quiet)


@app.command()
def briefing(
    paths: Annotated[list[str], typer.Argument(help="Files or directories of articles, or -.")],
    max_words: MaxWordsOpt = None,
    title: Annotated[str | None, typer.Option("--title", "-t", help="Briefing title.")] = None,
    format_: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    max_stories: Annotated[
        int | None, typer.Option("--max-stories", min=1, help="Keep only the N biggest stories.")
    ] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Leave out stories with fewer outlets.")
    ] = 1,
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
) -> None:
    """Write one cited briefing of a day's articles, story by story.

    Example:

        summarizer briefing fixtures/articles

        summarizer briefing feed/ --max-words 300 --title "Morning briefing" -o brief.md

        summarizer briefing feed.jsonl --min-sources 2 --max-stories 5
    """
    _setup_logging(verbose)
    fmt = _choice(format_, ("md", "json"), "--format")
    settings = _make_settings(
        backend,
        model,
        max_words=max_words,
        title=title,
        quiet=quiet,
        max_stories=max_stories,
        min_sources=min_sources,
        **_llm_options(base_url, concurrency, context_window, cache_dir, no_cache, no_judge, gguf),
    )
    _note_engine(settings, quiet)
    with terminal_progress(quiet=quiet) as progress:
        result = pipeline.briefing(paths, settings=settings, progress=progress)
    write_output(render_briefing(result, fmt), output, force=force)  # type: ignore[arg-type]
    if show_rejected:
        _show_rejected(result.claims)
    _summary([result], quiet)


@app.command()
def verify(
    draft: Annotated[str, typer.Argument(help="The draft to check (text or Markdown), or -.")],
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
    format_: Annotated[str, typer.Option("--format", "-f", help="text, md or json.")] = "text",
    output: OutOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Check every sentence of a draft against source articles; exit 1 if any is unsupported.

    Example:

        summarizer verify draft.md --sources fixtures/articles

        summarizer verify draft.txt --sources a.txt b.html --format json -o report.json
    """
    _setup_logging(verbose)
    fmt = _choice(format_, ("text", "md", "json"), "--format")
    text: str | Path = sys.stdin.read() if draft == "-" else Path(draft)
    report = verify_draft(text, [*sources, *(more_sources or [])])
    write_output(render_verify(report, fmt), output, force=force)  # type: ignore[arg-type]
    if not quiet:
        typer.echo(
            f"claims: {report.supported} supported, {report.unsupported} unsupported · "
            f"{report.seconds:.2f}s",
            err=True,
        )
    if not report.ok:
        raise typer.Exit(1)


config_app = typer.Typer(
    help="""The config file: TOML with any setting, e.g. `model = "gpt-4o-mini"`.

    Example:

        summarizer config path
    """,
    no_args_is_help=True,
)
app.add_typer(config_app, name="config")


@config_app.command("path")
def config_path_command() -> None:
    """Print where the config file is read from (SUMMARIZER_HOME moves it).

    Example:

        $EDITOR "$(summarizer config path)"
    """
    typer.echo(str(config_path()))


# -- helpers -----------------------------------------------------------------------------------


def _choice(value: str, allowed: tuple[str, ...], flag: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=flag)
    return value


def _make_settings(backend: str, model: str | None, **options: object) -> Settings:
    _choice(backend, BACKENDS, "--backend")
    chosen: Backend = backend  # type: ignore[assignment]
    overrides: dict[str, object] = {"model": model, **options}
    if chosen != "auto":
        overrides["backend"] = chosen
    return Settings.from_env(**overrides)


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
            f"Using the LLM at {settings.base_url or 'api.openai.com'} (OPENAI_BASE_URL/"
            "OPENAI_API_KEY is set). Pass --backend extractive for the embedded engine.",
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
    cost = f" · ${usage.cost_usd:.4f}" if usage.cost_usd else ""
    typer.echo(
        f"claims: {counts.accepted} accepted, {counts.repaired} repaired, "
        f"{counts.rejected} rejected · engine {engine} · {usage.calls} LLM calls "
        f"({usage.cache_hits} cached), {usage.prompt_tokens}+{usage.completion_tokens} tokens"
        f"{cost} · {usage.seconds:.2f}s",
        err=True,
    )


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


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
