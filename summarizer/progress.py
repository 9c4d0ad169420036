"""Progress reporting: the library calls a plain callback; the CLI draws it with rich on stderr.

The library never prints. ``pipeline.briefing(..., progress=fn)`` calls ``fn(stage, done,
total)``; ``terminal_progress`` gives the CLI such a function, or None when stderr is not a
terminal or the user asked for quiet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

ProgressFn = Callable[[str, int, int], None]

STAGE_LABELS = {
    "ingest": "Reading articles",
    "dedup": "Removing duplicates",
    "stories": "Grouping stories",
    "write": "Writing stories",
}


@contextmanager
def terminal_progress(
    *, quiet: bool = False, console: Console | None = None
) -> Iterator[ProgressFn | None]:
    """A rich progress bar on stderr for the duration of the block, or None when silent."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    console = console or Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update
