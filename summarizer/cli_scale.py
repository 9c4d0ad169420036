"""Command line for archives: ``blurbs-job`` (Dask) and ``batch submit``/``batch collect``.

Kept out of cli.py so the two features stay separate; cli.py registers them in two lines.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .cli import (
    BackendOpt,
    CacheDirOpt,
    ContextOpt,
    ModelOpt,
    QuietOpt,
    VerboseOpt,
    _choice,
    _make_settings,
    _setup_logging,
)


def blurbs_job(
    input_url: Annotated[str, typer.Argument(help="JSON Lines or Parquet of articles (path/URL).")],
    output_url: Annotated[str, typer.Argument(help="Output directory of part files (path/URL).")],
    format_: Annotated[
        str, typer.Option("--format", "-f", help="Part file format: jsonl or parquet.")
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
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint.")
    ] = None,
    context_window: ContextOpt = None,
    cache_dir: CacheDirOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Blurb every article of an archive on Dask; a rerun skips articles already done.

    Example:

        summarizer blurbs-job archive.jsonl out/ --workers 2

        summarizer blurbs-job s3://bucket/archive/ s3://bucket/blurbs/ --address tcp://sched:8786
    """
    from .jobs import run_job

    _setup_logging(verbose)
    fmt = _choice(format_, ("jsonl", "parquet"), "--format")
    settings = _make_settings(
        backend,
        model,
        sentences=sentences,
        base_url=base_url,
        context_window=context_window,
        cache_dir=cache_dir,
    )
    report = run_job(
        input_url,
        output_url,
        settings=settings,
        out_format=fmt,  # type: ignore[arg-type]
        batch_size=batch_size,
        address=address,
        workers=workers,
    )
    if not quiet:
        rate = report.computed / report.seconds if report.seconds else 0.0
        typer.echo(
            f"articles: {report.computed} computed ({report.ok} ok, {report.failed} failed), "
            f"{report.skipped} already done · {report.parts} part files · {report.workers} "
            f"workers · {report.seconds:.1f}s ({rate:.1f} articles/s)",
            err=True,
        )
