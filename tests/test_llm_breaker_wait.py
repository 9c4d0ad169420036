"""``Breaker.wait`` across threads: a call sleeping out a Retry-After on its own event loop (a
notebook's worker thread, the batch's and the serve's loops) while another thread opens the
breaker. Nothing here is timed: the sleeps never end by themselves, threads signal with events,
and the joins' timeouts only keep a broken breaker from hanging the suite."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field

from summarizer.llm.breaker import Breaker, ServerDownError

HANG_GUARD = 60.0  # seconds: only reached when the breaker fails to wake the waiting call


@dataclass
class Waiter:
    """A thread whose own event loop waits ``seconds`` in ``breaker.wait`` with a sleep that
    never ends unless cancelled, then checks the breaker as the backend does before a retry."""

    breaker: Breaker
    seconds: float = 60.0
    sleeping: threading.Event = field(default_factory=threading.Event)
    events: list[str] = field(default_factory=list)  # what happened to the sleep, in order
    outcome: BaseException | str | None = None
    loop: asyncio.AbstractEventLoop | None = None
    task: asyncio.Future[None] | None = None

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self._run, daemon=True)

    async def _sleep(self, seconds: float) -> None:
        self.events.append(f"sleep {seconds:g}")
        self.sleeping.set()
        try:
            await asyncio.Event().wait()  # a Retry-After that only ends when cut short
        except asyncio.CancelledError:
            self.events.append("cut short")
            raise

    async def _call(self) -> None:
        await self.breaker.wait(self.seconds, self._sleep)
        self.breaker.check()  # what the backend does before it sends again

    def _run(self) -> None:
        async def main() -> None:
            self.loop = asyncio.get_running_loop()
            self.task = asyncio.ensure_future(self._call())
            await self.task

        try:
            asyncio.run(main())
            self.outcome = "returned"
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            self.outcome = exc

    def stop(self) -> None:
        """Hang guard's clean-up: cancel a call that was never woken."""
        if self.thread.is_alive() and self.loop is not None and self.task is not None:
            self.loop.call_soon_threadsafe(self.task.cancel)
            self.thread.join(HANG_GUARD)


async def _turns(n: int) -> None:
    """Yield to the loop ``n`` times (callbacks scheduled before run first)."""
    for _ in range(n):
        await asyncio.sleep(0)


def test_opening_from_another_thread_ends_a_wait_at_once() -> None:
    """The breaker opens in this thread while the call sleeps on its loop in another: the
    sleep is cut short and the call fails with the breaker's error instead of retrying."""
    breaker = Breaker("the LLM server at http://llm.test/v1", calls=1)
    waiter = Waiter(breaker)
    waiter.thread.start()
    try:
        assert waiter.sleeping.wait(HANG_GUARD), "the call never started its wait"
        breaker.given_up("HTTP 500")  # another call used up its retries: open (calls=1)
        assert breaker.open
        waiter.thread.join(HANG_GUARD)
        assert not waiter.thread.is_alive(), "the call slept on after the breaker opened"
    finally:
        waiter.stop()
    assert waiter.events == ["sleep 60", "cut short"]
    assert isinstance(waiter.outcome, ServerDownError)
    assert "failed every request: HTTP 500" in str(waiter.outcome)
    assert not breaker._waiters  # the woken call is no longer registered


def test_every_waiting_loop_is_woken() -> None:
    """Two calls, each on its own thread's loop, wait at once; one opening wakes both."""
    breaker = Breaker("the LLM server", calls=1)
    waiters = [Waiter(breaker), Waiter(breaker, seconds=30.0)]
    for waiter in waiters:
        waiter.thread.start()
    try:
        for waiter in waiters:
            assert waiter.sleeping.wait(HANG_GUARD), "a call never started its wait"
        breaker.given_up("HTTP 429")
        for waiter in waiters:
            waiter.thread.join(HANG_GUARD)
            assert not waiter.thread.is_alive(), "a call slept on after the breaker opened"
    finally:
        for waiter in waiters:
            waiter.stop()
    assert [w.events[-1] for w in waiters] == ["cut short", "cut short"]
    assert all(isinstance(w.outcome, ServerDownError) for w in waiters)


def test_a_failure_that_does_not_open_it_leaves_the_wait_alone() -> None:
    """Below the threshold the breaker stays closed: the sleep is not cut short (it ends only
    when this test cancels it), so a slow server's Retry-After is honoured."""
    breaker = Breaker("the LLM server", calls=3)
    waiter = Waiter(breaker)
    waiter.thread.start()
    try:
        assert waiter.sleeping.wait(HANG_GUARD)
        breaker.given_up("HTTP 500")  # 1 of 3: still closed
        breaker.failure("HTTP 500")
        assert not breaker.open
        assert waiter.loop is not None
        # let the waiting loop run a few turns: a wake it had been sent would have ended the wait
        asyncio.run_coroutine_threadsafe(_turns(10), waiter.loop).result(HANG_GUARD)
        assert waiter.thread.is_alive() and waiter.events == ["sleep 60"]
    finally:
        assert waiter.loop is not None and waiter.task is not None
        waiter.loop.call_soon_threadsafe(waiter.task.cancel)
        waiter.thread.join(HANG_GUARD)
    assert not waiter.thread.is_alive()
    assert waiter.events == ["sleep 60", "cut short"]
    assert isinstance(waiter.outcome, asyncio.CancelledError)


def test_a_breaker_already_open_does_not_sleep() -> None:
    """A call that reaches its wait after the opening returns without sleeping at all."""
    breaker = Breaker("the LLM server", calls=1)
    breaker.given_up("HTTP 500")
    waiter = Waiter(breaker)
    waiter.thread.start()
    waiter.thread.join(HANG_GUARD)
    waiter.stop()
    assert not waiter.thread.is_alive()
    assert waiter.events == []
    assert isinstance(waiter.outcome, ServerDownError)


def test_a_success_after_the_opening_lets_later_calls_wait_again() -> None:
    """The opening is not sticky for later waits once an answer came (``success``)."""
    breaker = Breaker("the LLM server", calls=1)
    breaker.given_up("HTTP 500")
    breaker.success()
    waiter = Waiter(breaker)
    waiter.thread.start()
    try:
        assert waiter.sleeping.wait(HANG_GUARD)
        assert waiter.events == ["sleep 60"]
        breaker.given_up("HTTP 500")  # opens again: this wait is cut short too
        waiter.thread.join(HANG_GUARD)
        assert not waiter.thread.is_alive()
    finally:
        waiter.stop()
    assert isinstance(waiter.outcome, ServerDownError)
