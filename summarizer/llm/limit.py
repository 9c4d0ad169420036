"""One concurrency limit for every LLM call of a run, whichever thread or stage makes it.

The briefing runs as one graph on one event loop: every story's map, collapse and reduce
calls, and the judge's calls, share ``--concurrency``. The judge is called from the verifier,
which is synchronous and runs in a worker thread (with its own short-lived event loop); while
a graph is running (``bind``), calls from such a thread are handed to the graph's loop, so they
wait for the same limit and use the same connections.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..errors import CancelledRun
from .base import Completion, LLMClient, Message, WrappingClient, aclose

# While a graph runs, a thread waiting for the GIL gets it after at most this many seconds
# (Python's default is 5 ms). The event loop gives the GIL up at every socket and cache
# operation, and while other threads prepare and verify stories it must wait for it again each
# time: at 5 ms a wait, answered slots stayed idle for tens of milliseconds per call.
SWITCH_INTERVAL = 0.001
_switch_lock = threading.Lock()
_switch_users = 0
_switch_saved = 0.0


@contextmanager
def quick_handoff() -> Iterator[None]:
    """Lower the interpreter's switch interval to SWITCH_INTERVAL while the block runs (the
    setting is process-wide: overlapping blocks restore it when the last one ends)."""
    global _switch_users, _switch_saved
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_saved, SWITCH_INTERVAL))
        _switch_users += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_saved)


class CpuGate:
    """Lets one thread at a time run a graph's CPU work (preparing and verifying stories).

    The event loop that sends and receives the calls needs the interpreter lock after every
    socket operation; with several CPU-bound threads waiting for it too (verifications of a
    wave of answers that arrive together, the next stories' preparation), it waited its turn
    behind each of them and freed slots stayed idle for tens of milliseconds per call. Behind
    the gate, the loop competes with one thread only. Lower ``priority`` numbers go first:
    preparing a story (its call waits for it) before verifying another. A thread waiting for
    an LLM answer (the judge, from a verification) lets go of the gate meanwhile
    (``paused``), so waits overlap as before.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._busy = False
        self._waiting: dict[int, int] = {}  # priority -> threads waiting
        self._local = threading.local()  # this thread's held priority and pause depth

    @contextmanager
    def hold(self, priority: int) -> Iterator[None]:
        """Run the block as the one thread doing CPU work (waits for the gate first)."""
        self._acquire(priority)
        self._local.priority = priority
        self._local.paused = 0
        outer = getattr(_holding, "gate", None)
        _holding.gate = self
        try:
            yield
        finally:
            _holding.gate = outer
            self._local.priority = None
            self._release()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Let go of the gate while the block waits (a no-op in a thread not holding it)."""
        priority = getattr(self._local, "priority", None)
        if priority is None:
            yield
            return
        self._local.paused += 1
        if self._local.paused == 1:  # the first of this thread's concurrent waits
            self._release()
        try:
            yield
        finally:
            self._local.paused -= 1
            if self._local.paused == 0:
                self._acquire(priority)

    def _acquire(self, priority: int) -> None:
        with self._cond:
            self._waiting[priority] = self._waiting.get(priority, 0) + 1
            while self._busy or any(n for p, n in self._waiting.items() if p < priority):
                self._cond.wait()
            self._waiting[priority] -= 1
            self._busy = True

    def _release(self) -> None:
        with self._cond:
            self._busy = False
            self._cond.notify_all()


_holding = threading.local()  # .gate: the CpuGate this thread holds, if any


@contextmanager
def waiting() -> Iterator[None]:
    """Let go of the CPU gate this thread holds (if any) while the block waits for something
    other than the interpreter (e.g. a forked child's result), so another thread's CPU work
    runs meanwhile."""
    gate: CpuGate | None = getattr(_holding, "gate", None)
    if gate is None:
        yield
        return
    with gate.paused():
        yield


# Set by the async functions (``summarizer.ablurb`` ...) in their worker thread's context: the
# event is set when the caller's await is cancelled. asyncio copies the context into the tasks
# and threads (``to_thread``) of that run, so every request of the run sees it.
CANCELLED: ContextVar[threading.Event | None] = ContextVar("summarizer_cancelled", default=None)


def stop_if_cancelled() -> None:
    """Raise CancelledRun when this run's caller has stopped waiting for it.

    Raises:
        CancelledRun: the caller's await was cancelled (``asyncio.wait_for``, a closed request).
    """
    event = CANCELLED.get()
    if event is not None and event.is_set():
        raise CancelledRun("the caller cancelled the run; no further LLM request is sent")


class LimitedClient(WrappingClient):
    """Wraps a client so that at most ``limit`` of its requests are in flight at once."""

    def __init__(self, inner: LLMClient, limit: int) -> None:
        super().__init__(inner)
        self.limit = limit
        self.in_flight = 0  # requests waiting on the server right now
        self.peak = 0  # the most that ever were
        self._home: asyncio.AbstractEventLoop | None = None  # the bound graph's loop
        self.gate: CpuGate | None = None  # the bound graph's CPU gate
        self._sem: asyncio.Semaphore | None = None
        self._sem_loop: asyncio.AbstractEventLoop | None = None

    def bind(self, gate: CpuGate | None = None) -> None:
        """Make the running loop the home of every call until ``unbind`` (a graph's run);
        a worker thread holding ``gate`` lets go of it while it waits for an answer."""
        self._home = asyncio.get_running_loop()
        self.gate = gate

    def unbind(self) -> None:
        self._home = None
        self.gate = None

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._sem is None or self._sem_loop is not loop:
            self._sem = asyncio.Semaphore(self.limit)
            self._sem_loop = loop
        return self._sem

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        prompt: str | None = None,
    ) -> Completion:
        home = self._home
        if home is not None and home is not asyncio.get_running_loop():
            future = asyncio.run_coroutine_threadsafe(
                self.complete(
                    messages,
                    schema=schema,
                    max_tokens=max_tokens,
                    temperature=temperature,
                    prompt=prompt,
                ),
                home,
            )
            if self.gate is None:
                return await asyncio.wrap_future(future)
            with self.gate.paused():
                return await asyncio.wrap_future(future)
        async with self._semaphore():
            stop_if_cancelled()  # (checked once the slot is free: calls wait for it in turn)
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            try:
                answer = await self.inner.complete(
                    messages,
                    schema=schema,
                    max_tokens=max_tokens,
                    temperature=temperature,
                    prompt=prompt,
                )
            finally:
                self.in_flight -= 1
        # The slot is free: a call waiting for it sends its request before this answer is
        # parsed, validated and cached (the answers of calls sent together arrive together,
        # and the server would otherwise idle while the loop works through all of them).
        await asyncio.sleep(0)
        return answer

    async def aclose(self) -> None:
        """Close the connections, unless a graph still runs (it closes them when done)."""
        if self._home is None:
            await aclose(self.inner)
