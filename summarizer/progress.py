"""Progress reporting: the library calls a plain callback; the CLI draws it with rich on stderr.

The library never prints. ``pipeline.briefing(..., progress=fn)`` calls ``fn(stage, done,
total)``, with ``total`` 0 while it is not known yet (as when reading a folder);
``terminal_progress`` gives the CLI such a function, or None when stderr is not a terminal or
the user asked for quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

ProgressFn = Callable[[str, int, int], None]

REFRESH_SECONDS = 0.1  # the bar is redrawn at most this often

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
    """A rich progress bar on stderr for the duration of the block, or None when silent.

    The bar is redrawn by the updates themselves, not by rich's refresh thread: dedup forks a
    second process only when no other thread runs (dedup.py), so a thread would make every
    briefing on a terminal deduplicate on one core.
    """
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
        auto_refresh=False,
    )
    tasks: dict[str, TaskID] = {}
    drawn = [0.0]  # when the bar was last redrawn

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=total or None)
        bar.update(tasks[stage], completed=done, total=total or None)  # 0: not known yet
        now = time.monotonic()
        if (total and done >= total) or now - drawn[0] >= REFRESH_SECONDS:
            drawn[0] = now
            bar.refresh()

    with bar:
        yield update
