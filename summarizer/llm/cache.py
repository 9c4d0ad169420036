"""A persistent SQLite response cache in front of any backend.

Keyed by :meth:`Request.key` (model, prompt name@version, messages, schema and parameters), so a
rerun on the same input costs zero calls. WAL mode and a busy timeout let several runs share
one cache file; each write is one short transaction, so a crash never leaves it half-written.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from pydantic import ValidationError

from ..errors import ConfigError
from .base import Completion, LLMClient, Request, RequestClient, WrappingClient, ask

BUSY_TIMEOUT_MS = 30_000
WHAT_TO_DO = "run with --no-cache or another --cache-dir"


class ResponseCache:
    """The cache file: ``get``/``put`` completions by request key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self._set_up()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"cannot open the response cache {path}: {exc}; {WHAT_TO_DO}"
            ) from None
        self._lock = threading.Lock()

    def _set_up(self) -> None:
        """WAL mode and the table, retried while another process sets up the same new file:
        switching the journal mode needs the file to itself, and SQLite reports "database is
        locked" at once, without waiting out the busy timeout (seen with several Dask workers
        opening one shared cache)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._db.execute("PRAGMA journal_mode = WAL")
                # no fsync per answer (2-3 ms each, on the event loop that sends the calls): in
                # WAL mode the file never corrupts; a power cut may lose the last answers (a
                # process kill does not), which a rerun asks again
                self._db.execute("PRAGMA synchronous = NORMAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, "
                    "prompt TEXT, created REAL, completion TEXT NOT NULL)"
                )
                self._db.commit()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                self._db.rollback()
                time.sleep(0.02)

    def get(self, key: str) -> Completion | None:
        """The stored answer, or None; an entry that no longer reads as a Completion (edited,
        or written by another version) is a miss, so the request is asked again and the
        fresh answer replaces it.

        Raises:
            ConfigError: the file is damaged or not this cache's database.
        """
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT completion FROM responses WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error as exc:
            raise self._damaged(exc) from None
        if not row:
            return None
        try:
            return Completion.model_validate_json(row[0])
        except (ValidationError, TypeError):
            return None

    def put(self, key: str, request: Request, completion: Completion) -> None:
        """Store an accepted answer.

        Raises:
            ConfigError: the file is damaged or not this cache's database.
        """
        blob = completion.model_dump_json(exclude={"raw", "cached"})
        try:
            with self._lock, self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
                    (key, request.model, request.prompt, time.time(), blob),
                )
        except sqlite3.Error as exc:
            raise self._damaged(exc) from None

    def _damaged(self, exc: sqlite3.Error) -> ConfigError:
        """The one-line error for a cache file SQLite cannot use: what to do about it."""
        return ConfigError(
            f"the response cache {self.path} is unusable ({exc}); delete it, or {WHAT_TO_DO}"
        )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()


class CachedClient(RequestClient, WrappingClient):
    """Wraps a backend: answers from the cache when it can, else asks.

    A fresh answer is stored only once the caller ``accept``s it (it parsed and validated), so
    an invalid answer is never replayed: a rerun against a now-healthy server asks again.
    Acceptance happens as soon as each answer arrives, so an interrupted run keeps every
    usable answer it received and the rerun pays for none of them twice.
    """

    stored = 0  # answers stored by any CachedClient of this process (for the Ctrl-C note)

    def __init__(self, inner: LLMClient, cache: ResponseCache) -> None:
        super().__init__(inner)
        self.cache = cache
        self._pending: dict[int, tuple[str, Request, Completion]] = {}

    async def answer(self, request: Request) -> Completion:
        key = request.key()
        hit = self.cache.get(key)
        if hit is not None:
            return hit.model_copy(update={"cached": True})
        answer = await ask(self.inner, request)
        self._pending[id(answer)] = (key, request, answer)
        return answer

    def accept(self, answer: Completion, *, replaces: Completion | None = None) -> None:
        """Store ``answer`` (a fresh one this client returned) now that it is known valid,
        and as the answer to the request of ``replaces`` (an invalid one it fixed)."""
        for which in (answer, replaces):
            pending = self._pending.pop(id(which), None) if which is not None else None
            if pending is not None and pending[2] is which:
                key, request, _ = pending
                self.cache.put(key, request, answer)
                CachedClient.stored += which is answer
        super().accept(answer, replaces=replaces)
