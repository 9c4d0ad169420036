"""The run-wide circuit breaker of the OpenAI-compatible backend.

Each request retries transient failures for its own time budget; with nothing above it, a
server that failed every request (every POST a 500, or a 429 asking to wait) made a
briefing of 14 stories retry each story for its full budget (380 s for 112 POSTs, 477 s for
840), and a day of 300 stories would have taken hours to end in the same error. The breaker
sees every call of one client (one run): once ``BREAKER_CALLS`` calls in a row have each
used up their retries, or nothing has succeeded for a whole retry budget since the first
failure and at least one call gave up, it opens and every later call fails at once with one
line saying so. Any success closes it again, so a slow server or an occasional failure never
trips it. A call waiting to retry (a 429's ``Retry-After`` of 30 s) waits in ``wait``, which
the opening ends at once: it slept its whole wait out before it noticed. A light module (no
``openai`` import): the pipeline reads its error class.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Awaitable, Callable

from ..errors import BackendError

BREAKER_CALLS = 3  # calls in a row that used up their retries: the server is down


class ServerDownError(BackendError):
    """The run stopped sending requests: the LLM server failed every request (exit 3)."""


class Breaker:
    """Counts the calls that gave up since the last success; opens when the server is down."""

    def __init__(
        self,
        where: str,
        *,
        calls: int = BREAKER_CALLS,
        window: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``window``: seconds without any success (after a first failure) after which one
        call that gave up is enough (the per-request retry budget)."""
        self.where = where
        self.calls = calls
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self.gave_up = 0  # calls that used up their retries since the last success
        self.failing_since: float | None = None  # the first failed attempt since then
        self.last = ""  # what the server did on the last failed attempt
        self.succeeded = False  # whether any request of this client ever succeeded
        self.message: str | None = None  # set while open: every call fails with it
        # the calls waiting to retry, each woken (on its own event loop) when the breaker opens
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()

    def success(self) -> None:
        """An answer came: the server works; close the breaker and forget the failures."""
        with self._lock:
            self.gave_up = 0
            self.failing_since = None
            self.succeeded = True
            self.message = None

    def failure(self, what: str) -> None:
        """One attempt failed transiently (``what`` the server did); it may be retried."""
        with self._lock:
            self.last = what
            if self.failing_since is None:
                self.failing_since = self._clock()
            self._maybe_open()

    def given_up(self, what: str) -> None:
        """One call used up its retries on transient failures."""
        with self._lock:
            self.last = what
            self.gave_up += 1
            if self.failing_since is None:
                self.failing_since = self._clock()
            self._maybe_open()

    def _maybe_open(self) -> None:
        if self.message is not None or not self.gave_up:
            return
        since = self.failing_since
        too_long = since is not None and self._clock() - since >= self.window
        if self.gave_up < self.calls and not too_long:
            return
        every = "every request" if not self.succeeded else "every request since its last answer"
        calls = "call" if self.gave_up == 1 else "calls"
        self.message = (
            f"{self.where} failed {every}: {self.last}; stopped after {self.gave_up} {calls} "
            "used up their retries (the rest are not sent)"
        )
        for loop, opened in self._waiters:
            with contextlib.suppress(RuntimeError):  # its loop closed: nobody waits there
                loop.call_soon_threadsafe(_wake, opened)

    async def wait(self, seconds: float, sleep: Callable[[float], Awaitable[None]]) -> None:
        """Wait ``seconds`` before a retry (with ``sleep``, the client's), or less: until the
        breaker opens, when the retry would fail at once anyway (``check``)."""
        loop = asyncio.get_running_loop()
        opened: asyncio.Future[None] = loop.create_future()
        waiter = (loop, opened)
        with self._lock:
            if self.message is not None:
                return
            self._waiters.add(waiter)
        sleeping = asyncio.ensure_future(sleep(seconds))
        try:
            await asyncio.wait({sleeping, opened}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            with self._lock:
                self._waiters.discard(waiter)
            sleeping.cancel()
            opened.cancel()
        if sleeping.done() and not sleeping.cancelled():
            sleeping.result()  # the sleep's own error, if it raised one

    def check(self) -> None:
        """Raise when open, before a request is sent or retried.

        Raises:
            ServerDownError: the server failed every request (see the module's docstring).
        """
        message = self.message
        if message is not None:
            raise ServerDownError(message)

    @property
    def open(self) -> bool:
        return self.message is not None


def _wake(opened: asyncio.Future[None]) -> None:
    """End a ``Breaker.wait`` (on its loop): the breaker opened."""
    if not opened.done():
        opened.set_result(None)
