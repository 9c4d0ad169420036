"""Per-item CPU work done by a forked child process, so that a small machine's second core helps:
the child computes the second half of a list while this process does the first (dedup and
clustering, which every LLM call of a briefing waits for), or all of it while this process
sends and receives the calls (an LLM briefing's story preparation).

Used by ``dedup`` (fingerprints), ``stories`` (term counts, as one block per half: a block's
matrix and vocabulary pickle far smaller than a result per article) and ``pipeline`` (stories
prepared ahead of their calls). A child runs only where that is safe and pays: on Linux, with
two CPUs or more, for enough items, and when this process has no other Python thread (forking
a process that has one is unsafe). The child sends each result as soon as it has it; when it
cannot run, or fails part way, every result it did not send is computed here: results never
depend on it.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items from which the second half goes to a child: below this, a second process costs more
# than it saves (fork and pickling are about 10 ms).
PARALLEL_MIN = 200


class Halves(Generic[T, R]):
    """``result(n)``: ``fn(items[n])``, from the child for ``items[start:]`` when it ran (read
    as it sends them, in order: asking for a late item waits for the ones before it)."""

    def __init__(
        self,
        items: Sequence[T],
        fn: Callable[[T], R],
        start: int,
        minimum: int | None = None,
        *,
        size: int | None = None,
    ) -> None:
        """``size``: how many items ``may_fork`` weighs (default ``len(items)``; a block of
        articles counts as its articles)."""
        self.items, self.fn, self.start = items, fn, start
        self.pid: int = 0
        self._reader: Any = None  # the pipe from the child, while it sends
        if may_fork(len(items) if size is None else size, minimum):
            self.pid, self._reader = _fork(items, fn, start)
        self._got: list[R] = []  # the child's results so far

    @property
    def forked(self) -> bool:
        """Whether a child is (or was) computing ``items[start:]``."""
        return self._reader is not None or bool(self._got)

    def result(self, n: int) -> R:
        k = n - self.start
        while k >= len(self._got) and self._reader is not None:
            self._receive()
        if 0 <= k < len(self._got):
            return self._got[k]
        return self.fn(self.items[n])

    def _receive(self) -> None:
        """Read the child's next result; at its end, or on any failure, stop reading (what
        it did not send is computed here)."""
        try:
            self._got.append(pickle.load(self._reader))
        except Exception:  # noqa: BLE001 - a truncated or failed stream: compute the rest here
            self.close()
            return
        if len(self._got) == len(self.items) - self.start:
            self.close()

    def close(self) -> None:
        if self.pid:  # stop (if left early: an error, Ctrl-C) and reap the child
            _stop(self.pid)
            self.pid = 0
        if self._reader is not None:
            self._reader.close()
            self._reader = None


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


@contextmanager
def all_elsewhere(items: Sequence[T], fn: Callable[[T], R], minimum: int) -> Iterator[Halves[T, R]]:
    """Start ``fn`` over every item in a forked child (when it may run, from ``minimum``
    items), in order; the yielded ``Halves`` gives each result as the child sends it."""
    halves = Halves(items, fn, 0, minimum)
    try:
        yield halves
    finally:
        halves.close()


def on_halves(items: Sequence[T], fn: Callable[[Sequence[T]], R]) -> tuple[R, R]:
    """``(fn(first half), fn(second half))``, the second computed in a forked child when it
    may run (weighed by ``len(items)``): one result each, where a result per item would cost
    more to send than to compute."""
    half = len(items) // 2
    halves = Halves([items[:half], items[half:]], fn, 1, size=len(items))
    try:
        return halves.result(0), halves.result(1)
    finally:
        halves.close()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Leave the objects that exist now (a day's articles, the modules) out of garbage
    collection while the block runs; objects made inside are collected as usual.

    Two costs go: a full collection walking every long-lived object (0.1-0.2 s each time for
    1,000 articles, in the middle of dedup or of the LLM calls), and a forked child's
    collections touching those objects, which copies every memory page they live on (the
    ``gc.freeze`` documentation's advice before ``fork``). Nothing is done when the caller
    has frozen objects itself, or disabled collection."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def may_fork(n_items: int, minimum: int | None = None) -> bool:
    """Whether a child would run for this many items here and now (from ``minimum`` items,
    default ``PARALLEL_MIN``)."""
    return (
        n_items >= (PARALLEL_MIN if minimum is None else minimum)
        and sys.platform.startswith("linux")
        and len(os.sched_getaffinity(0)) >= 2
        and threading.active_count() == 1
    )


def _fork(items: Sequence[T], fn: Callable[[T], R], start: int) -> tuple[int, Any]:
    """Fork a child that pickles ``fn`` of each of ``items[start:]`` into a pipe as soon as it
    has it: (its pid, the pipe's read end)."""
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
            _send_each(write_fd, (fn(x) for x in items[start:]))
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, "rb")


def _send_each(fd: int, results: Iterator[Any]) -> None:
    """Pickle each result into the pipe as soon as it is computed, without ever waiting for
    the parent to read (it may be busy with its own half): what the pipe cannot take yet
    waits in memory, and the last of it is written once every result is computed."""
    pending: deque[memoryview] = deque()

    def write(block: bool) -> None:
        while pending:
            try:
                n = os.write(fd, pending[0])
            except BlockingIOError:
                if not block:
                    return
                os.set_blocking(fd, True)
                continue
            pending[0] = pending[0][n:]
            if not pending[0]:
                pending.popleft()

    os.set_blocking(fd, False)
    for result in results:
        pending.append(memoryview(pickle.dumps(result, protocol=5)))
        write(block=False)
    write(block=True)
    os.close(fd)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
