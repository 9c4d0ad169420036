"""Per-item CPU work split with a forked child process: the child computes the second half of a
list while this process does the first, so dedup and clustering (which every LLM call of a
briefing waits for) use both cores of a small machine.

Used by ``dedup`` (fingerprints) and ``stories`` (term counts). A child runs only where that is
safe and pays: on Linux, with two CPUs or more, for ``PARALLEL_MIN`` items or more, and when
this process has no other Python thread (forking a process that has one is unsafe). Otherwise,
or when the child fails, every result is computed here: the results never depend on it.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items from which the second half goes to a child: below this, a second process costs more
# than it saves (fork and pickling are about 10 ms).
PARALLEL_MIN = 200


class Halves(Generic[T, R]):
    """``result(n)``: ``fn(items[n])``, from the child for the second half when it ran."""

    def __init__(self, items: Sequence[T], fn: Callable[[T], R], start: int) -> None:
        self.items, self.fn, self.start = items, fn, start
        self.pid, self._reader = _fork(items, fn, start)
        self._done: list[R] | None = None

    def result(self, n: int) -> R:
        if n >= self.start and self._reader is not None:
            if self._done is None:
                self._done = _collect(self.pid, self._reader, len(self.items) - self.start)
                self.pid = 0
            if self._done:
                return self._done[n - self.start]
        return self.fn(self.items[n])

    def close(self) -> None:
        if self.pid:  # left early (an error, Ctrl-C): stop and reap the child
            _stop(self.pid)
            self.pid = 0
        if self._reader is not None:
            self._reader.close()


@contextmanager
def second_half_elsewhere(
    items: Sequence[T], fn: Callable[[T], R], *, meanwhile: Callable[[], None] | None = None
) -> Iterator[Halves[T, R]]:
    """Start ``fn`` over the second half of ``items`` in a forked child (when it may run);
    ask the yielded ``Halves`` for each result in turn, the first half's computed here.

    ``meanwhile``: other work this process needs done anyway (an LLM client's set-up), run
    here first, with no thread (a thread would forbid the fork). It fits in time this process
    would otherwise wait: the child, which also pays for the fork and for copying the pages it
    touches, ends 20-50 ms after this process (dedup of 1,000 articles). It runs whether or
    not a child does.
    """
    halves = Halves(items, fn, len(items) // 2)
    try:
        if meanwhile is not None:
            meanwhile()
        yield halves
    finally:
        halves.close()


def map_halves(items: Sequence[T], fn: Callable[[T], R]) -> list[R]:
    """``[fn(x) for x in items]``, the second half computed in a forked child when it may."""
    with second_half_elsewhere(items, fn) as halves:
        return [halves.result(n) for n in range(len(items))]


def may_fork(n_items: int) -> bool:
    """Whether a child would run for this many items here and now."""
    return (
        n_items >= PARALLEL_MIN
        and sys.platform.startswith("linux")
        and len(os.sched_getaffinity(0)) >= 2
        and threading.active_count() == 1
    )


def _fork(items: Sequence[T], fn: Callable[[T], R], start: int) -> tuple[int, Any]:
    """Fork a child that pickles ``fn`` of ``items[start:]`` into a pipe: (its pid, the pipe's
    read end), or (0, None) when this run should not fork."""
    if not may_fork(len(items)):
        return 0, None
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns when the process has other OS threads, counting a BLAS library's
        # idle pool; the child only computes (no BLAS, no locks) and leaves with os._exit
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read_fd)
            data = pickle.dumps([fn(x) for x in items[start:]], protocol=5)
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, "rb")


def _collect(pid: int, reader: Any, expected: int) -> list[Any]:
    """The child's results, or [] if it failed (the caller computes them instead)."""
    try:
        data = reader.read()
        _, status = os.waitpid(pid, 0)
        found: list[Any] = pickle.loads(data) if data and status == 0 else []
    except (OSError, EOFError, pickle.UnpicklingError):
        return []
    return found if len(found) == expected else []


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
