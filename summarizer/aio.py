"""Async variants of the library functions, for callers that already run an event loop.

Each runs its sync function in a worker thread (``asyncio.to_thread``), so the caller's loop
keeps serving while the pipeline works; the pipeline's own LLM calls run on that thread's loop.
Cancelling the await (``asyncio.wait_for``, a closed request) stops the run from sending any
further LLM request; the requests already in flight end first (Python cannot stop a thread),
and CPU work between requests runs to the next one. ``deadline=`` (seconds) bounds the LLM
work of a run nobody cancels.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from .draft import verify
from .llm.limit import CANCELLED
from .pipeline import blurb, briefing

P = ParamSpec("P")
R = TypeVar("R")


def _in_thread(fn: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    """An async function with ``fn``'s exact signature that runs ``fn`` in a thread."""

    @functools.wraps(fn)
    async def run(*args: P.args, **kwargs: P.kwargs) -> R:
        stop = threading.Event()

        def work() -> R:  # in to_thread's copy of the context: only this run sees ``stop``
            CANCELLED.set(stop)
            return fn(*args, **kwargs)

        try:
            return await asyncio.to_thread(work)
        except asyncio.CancelledError:
            stop.set()  # the thread goes on to its next LLM request, and stops there
            raise

    run.__name__ = run.__qualname__ = f"a{fn.__name__}"
    run.__doc__ = (
        f"Async ``{fn.__name__}()``: same arguments, awaited without blocking. Cancelling the "
        "await stops the run before its next LLM request (those in flight end first).\n\n"
    )
    run.__doc__ += fn.__doc__ or ""
    return run


ablurb = _in_thread(blurb)
abriefing = _in_thread(briefing)
averify = _in_thread(verify)
