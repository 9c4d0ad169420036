"""Async variants of the library functions, for callers that already run an event loop.

Each runs its sync function in a worker thread (``asyncio.to_thread``), so the caller's loop
keeps serving while the pipeline works; the pipeline's own LLM calls run on that thread's loop.
Cancelling the await does not stop the thread (Python cannot): the run goes on to its end, LLM
calls included, so bound the LLM work of a blurb or briefing with ``deadline=`` (seconds).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from inspect import signature
from typing import Any, ParamSpec, TypeVar

from .draft import verify
from .pipeline import blurb, briefing

P = ParamSpec("P")
R = TypeVar("R")


def _in_thread(fn: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    """An async function with ``fn``'s exact signature that runs ``fn`` in a thread."""

    @functools.wraps(fn)
    async def run(*args: P.args, **kwargs: P.kwargs) -> R:
        return await asyncio.to_thread(fn, *args, **kwargs)

    run.__name__ = run.__qualname__ = f"a{fn.__name__}"
    bound = "."
    if "deadline" in signature(fn).parameters:
        bound = "; pass ``deadline=`` to bound its LLM work."
    run.__doc__ = (
        f"Async ``{fn.__name__}()``: same arguments, awaited without blocking. Cancelling the "
        f"await does not stop the run (a thread cannot be stopped){bound}\n\n"
    )
    run.__doc__ += fn.__doc__ or ""
    return run


ablurb = _in_thread(blurb)
abriefing = _in_thread(briefing)
averify = _in_thread(verify)
