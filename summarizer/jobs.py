"""Blurbs for a whole archive on Dask: the same ``pipeline.blurb`` per article, on a cluster.

Why Dask (see README "Archives"): a pip-only install, a local cluster in the same process tree
with no daemon (``LocalCluster``), the same code on a real cluster given its address, and
fsspec for paths and object-store URLs (``s3://``, ``gs://``, ...).

The job reads JSON Lines or Parquet records (``text`` and optional ``id``, ``title``, ``url``,
``source``, ``published``), one task per input block; each task writes its articles in batches,
one part file per batch (JSON Lines or Parquet, written under a temporary name and renamed),
one row per article, failures included with their reason. A rerun first reads the ids already
in the output's part files and skips them, so an interrupted run only computes what is missing.
A failed row counts as done too (its reason is the answer), unless the rerun is asked to
``retry_failed``: then the failed rows are taken out of their part files first
(``drop_failed``) and computed again like missing ones.

The output directory keeps ``_summarizer-job.json`` (the format and the settings that decide a
blurb): a rerun with other ones is refused rather than mixing blurbs made two ways, and a
directory holding other files than the job's is refused rather than written into.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from . import ingest
from .errors import (
    BackendError,
    ConfigError,
    InputError,
    MissingRecordingError,
    OutputError,
    SummarizerError,
    UnusableAnswerError,
)
from .ingest import record_field, refuse_empty_path
from .models import Article, Blurb
from .output import lock_left_behind
from .pipeline import blurb, blurb_length, resolve_backend
from .render import no_blurb_reason, render_blurb
from .settings import Settings, user_dir

log = logging.getLogger(__name__)

Format = Literal["jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "parquet")
DEFAULT_BATCH = 100  # articles per part file: a lost batch costs little to redo
DEFAULT_BLOCKSIZE = 1_000_000  # bytes of JSON Lines per task (about 300 articles)
COLUMNS = ("id", "status", "article_id", "title", "url", "source", "blurb", "result", "error")
INSTALL_HINT = "the blurbs job needs Dask: pip install 'summarizer[jobs]'"
MANIFEST = "_summarizer-job.json"  # the output's format and settings (see _claim_output)
TMP_PREFIX = "_tmp-"
LOCK = "_summarizer-job.lock"
OUTAGE = 5  # articles in a row failed by the LLM server itself: the job stops (see _run_task)
WORKER_WAIT = 30.0  # seconds to wait for a scheduler's first worker
PARQUET_SLICE = 300  # rows of a Parquet row group per task, at least: about a JSON Lines block
PARQUET_SLICES = 32  # a row group is cut into at most this many tasks


class Row(BaseModel):
    """One output row: the article's blurb (rendered and as Blurb JSON) or why it failed."""

    id: str
    status: Literal["ok", "failed"]
    article_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    blurb: str = ""  # the text rendering, as ``summarizer blurb`` prints it
    result: str | None = None  # the full Blurb as JSON (claims, verdicts, citations, usage)
    error: str | None = None


@dataclass
class JobReport:
    """What a run did: articles computed now, skipped as already done, and failures."""

    computed: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0  # records whose id came earlier in the same block: skipped
    repeated: int = 0  # ids computed in two blocks at once (another file): two rows each
    retried: int = 0  # failed rows taken out to be computed again (retry_failed)
    earlier_ok: int = 0  # blurbs (ok rows) already in the output before this run
    parts: int = 0
    tasks: int = 0
    tasks_done: int = 0
    seconds: float = 0.0
    workers: int = 0
    problems: list[str] = field(default_factory=list)
    first_error: str | None = None  # a failed row's reason, to name when every article failed

    _ids: list[Any] = field(default_factory=list, repr=False)  # id hashes of computed rows

    @property
    def all_failed(self) -> bool:
        """The input had articles and the output holds no blurb for any of them: every one
        failed, in this run or (as a row it skipped) an earlier one."""
        return bool(self.computed + self.skipped) and not self.ok and not self.earlier_ok

    def add(self, other: dict[str, Any]) -> None:
        for key in ("computed", "ok", "failed", "skipped", "duplicates", "parts"):
            setattr(self, key, getattr(self, key) + other.get(key, 0))
        if self.first_error is None and other.get("error"):
            self.first_error = str(other["error"])
        self.tasks_done += 1
        if other.get("ids"):
            import numpy as np

            self._ids.append(np.frombuffer(other["ids"], dtype=np.uint64))

    def count_repeated(self) -> None:
        """Blocks run apart, so an id in two blocks is computed twice: count those here, from
        8-byte hashes of the ids (80 MB for 10M articles), to warn about them."""
        import numpy as np

        if self._ids:
            ids = np.concatenate(self._ids)
            self.repeated = int(len(ids) - len(np.unique(ids)))
        self._ids = []


def run_job(
    input_url: str,
    output_url: str,
    *,
    settings: Settings | None = None,
    out_format: Format = "jsonl",
    batch_size: int = DEFAULT_BATCH,
    blocksize: int | None = None,
    address: str | None = None,
    workers: int | None = None,
    client: Any = None,
    storage_options: dict[str, Any] | None = None,
    retry_failed: bool = False,
    progress: Callable[[JobReport], None] | None = None,
) -> JobReport:
    """Write the blurb of every article of ``input_url`` into part files under ``output_url``.

    Args:
        input_url: a ``.jsonl``/``.parquet`` file, a glob or directory of them; any fsspec URL.
        output_url: a directory (created if missing); part files already there count as done.
        retry_failed: compute the articles whose rows there failed again (``drop_failed``).
        client: a ``distributed.Client`` to reuse; else one for ``address`` (a scheduler) or a
            local cluster of ``workers`` processes, closed at the end.
        progress: called with the report so far each time an input block is done.

    Raises:
        InputError: the input is missing, empty, or not JSON Lines / Parquet. OutputError: the
        output is a file, holds other files, lies in the input, or a part file cannot be
        written. ConfigError: bad options, or options other than the output was made with.
    """
    input_url, output_url = _url(input_url, "input"), _url(output_url, "output")
    if out_format not in FORMATS:
        raise ConfigError(f"output format {out_format!r} is not one of {', '.join(FORMATS)}")
    for name, count in (("batch_size", batch_size), ("workers", workers)):
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise ConfigError(f"{name} must be a whole number, not {count!r}")
    if batch_size < 1:
        raise ConfigError("batch size must be at least 1")
    if settings is not None and not isinstance(settings, Settings):
        raise ConfigError(f"settings must be a summarizer.Settings, not {type(settings).__name__}")
    settings = _shareable(settings or Settings.from_env())
    started = time.perf_counter()
    fs, out_dir = _filesystem(output_url, storage_options)
    blocksize = blocksize or DEFAULT_BLOCKSIZE
    parts = _input_partitions(input_url, blocksize, storage_options, out_dir=(fs, out_dir))
    _claim_output(fs, out_dir, output_url, job_manifest(settings, out_format))
    with _locked(fs, out_dir, output_url):
        retried = drop_failed(output_url, storage_options=storage_options) if retry_failed else 0
        done, done_ok = _done(output_url, storage_options)
        report = JobReport(tasks=len(parts), retried=retried, earlier_ok=done_ok)
        _run_parts(
            client, address, workers, parts, done, report, progress,
            output_url, settings, out_format, batch_size, storage_options,
        )  # fmt: skip
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _run_parts(
    client: Any,
    address: str | None,
    workers: int | None,
    parts: list[Any],
    done: set[str],
    report: JobReport,
    progress: Callable[[JobReport], None] | None,
    output_url: str,
    settings: Settings,
    out_format: Format,
    batch_size: int,
    storage_options: dict[str, Any] | None,
) -> None:
    """Run one task per input block on the cluster (``client``, else one opened and closed
    here), adding each task's counts to ``report`` as it ends."""
    own = client is None
    if own:
        client = open_client(address, workers)
    try:
        from distributed import as_completed

        try:  # a scheduler whose workers are not up (yet): say so, not a scatter traceback
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError:
            raise ConfigError(
                f"the Dask scheduler at {client.scheduler.address} has no workers (waited "
                f"{WORKER_WAIT:.0f} s): start some (dask worker ADDRESS), or leave out "
                "--address for a local cluster"
            ) from None
        report.workers = len(client.scheduler_info().get("workers", {}))
        # a key of this run's own (hash=False): with content-hashed keys, two runs scattering
        # the same set share one key, and the release of the first run's copy can cancel
        # the second run's tasks ("lost dependencies") on a long-lived cluster
        [done_ref] = client.scatter([frozenset(done)], broadcast=True, hash=False)
        futures = [
            client.submit(
                _run_task,
                part,
                done_ref,
                output_url,
                settings,
                out_format,
                batch_size,
                storage_options,
                pure=False,
            )
            for part in parts
        ]
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]
            try:
                stats = fut.result()
                if "failure" in stats:  # see _run_task
                    raise stats["failure"]
                report.add(stats)
            except SummarizerError:  # an LLM server outage (_run_task): stop them all
                client.cancel(futures)
                raise
            except OSError as exc:  # e.g. disk full: every next part file would fail too
                client.cancel(futures)
                raise OutputError(
                    f"{output_url}: cannot write a part file ({exc}); the part files written "
                    "are kept: free space or fix the permissions, then run again to go on"
                ) from None
            if progress is not None:
                progress(report)
    finally:
        if own:
            client.close()
    report.count_repeated()


def open_client(address: str | None = None, workers: int | None = None) -> Any:
    """A Dask client: the scheduler at ``address``, else a local cluster (no daemon needed)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - the extra is installed in tests
        raise ConfigError(INSTALL_HINT) from None
    if address:
        try:
            return Client(address, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:  # unreachable, or not a scheduler address
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=":0"
    )  # (":0": any free port; None still tried 8787 and warned when it was taken)
    return Client(cluster)  # type: ignore[no-untyped-call]


def job_manifest(settings: Settings, out_format: Format) -> dict[str, Any]:
    """What decides the rows of an output: the part format and the blurb's settings."""
    engine = resolve_backend(settings)
    kept: dict[str, Any] = {"format": out_format, "engine": engine}
    kept["sentences"], kept["max_words"] = blurb_length(settings)  # as each blurb takes it
    if engine != "extractive":
        for key in ("model", "base_url", "context_window", "chunk_tokens", "judge"):
            kept[key] = getattr(settings, key)
    return kept


def _claim_output(fs: Any, out_dir: str, output_url: str, manifest: dict[str, Any]) -> None:
    """Make ``out_dir`` this job's output, or refuse: it is a file, holds files that are not
    the job's (nothing of the user's is written over or read as a part file), or was made
    with another format or other settings (a rerun must not mix two kinds of blurbs).

    Leftover temporary part files of an interrupted run are removed.
    """
    if fs.exists(out_dir) and not fs.isdir(out_dir):
        raise OutputError(f"{output_url}: is a file; give a directory for the part files")
    names = [
        p.rstrip("/").rsplit("/", 1)[-1]
        for p in (fs.ls(out_dir, detail=False) if fs.exists(out_dir) else [])
    ]
    foreign = [n for n in names if not _is_job_file(n) and not n.startswith(".")]
    if foreign:
        raise OutputError(
            f"{output_url}: holds files that are not part files of a blurbs job "
            f"({', '.join(sorted(foreign)[:3])}); give a new or empty directory"
        )
    path = f"{out_dir}/{MANIFEST}"
    if MANIFEST in names:
        try:
            with fs.open(path, "rb") as fh:
                before = json.loads(fh.read().decode("utf-8"))
        except (ValueError, OSError) as exc:
            raise OutputError(f"{path}: unreadable ({exc}); give a new directory") from None
        changed = [
            k for k in sorted(set(before) | set(manifest)) if before.get(k) != manifest.get(k)
        ]
        if changed:  # (an engine's own keys, e.g. the model, go without saying)
            changed = [k for k in changed if k in before and k in manifest] or changed
            was = ", ".join(f"{k}={before.get(k)!r}" for k in changed)
            now = ", ".join(f"{k}={manifest.get(k)!r}" for k in changed)
            raise ConfigError(
                f"{output_url}: was made with {was}, this run has {now}; rerun with the same "
                "options, or give a new directory (one output, one kind of blurb)"
            )
    else:
        other = {n.rsplit(".", 1)[-1] for n in names if n.startswith("part-")} - {
            manifest["format"]
        }
        if other:  # an output from before the manifest: at least the format must match
            raise ConfigError(
                f"{output_url}: holds {', '.join(sorted(other))} part files, this run writes "
                f"{manifest['format']}; use the same --format or a new directory"
            )
        try:
            fs.makedirs(out_dir, exist_ok=True)
            _put(fs, out_dir, MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"{output_url}: cannot write there ({exc})") from None


@contextlib.contextmanager
def _locked(fs: Any, out_dir: str, output_url: str) -> Iterator[None]:
    """One run at a time per output (two overlapping nightly runs would compute the same
    articles twice): ``_summarizer-job.lock`` names the running one. A lock left by a run
    that died on this machine is taken over; then the temporary part files of interrupted
    runs are removed (with the lock held, never another live run's)."""
    path = f"{out_dir}/{LOCK}"
    host = socket.gethostname()
    me = {"host": host, "pid": os.getpid(), "started": time.time()}
    if fs.exists(path):
        try:
            with fs.open(path, "rb") as fh:
                other = json.loads(fh.read().decode("utf-8"))
        except (OSError, ValueError):
            other = {}
        if not lock_left_behind(other, host):
            since = time.strftime("%Y-%m-%d %H:%M", time.localtime(other.get("started") or 0))
            raise OutputError(
                f"{output_url}: another run (pid {other.get('pid')} on {other.get('host')}, "
                f"since {since}) is writing here; wait for it, or delete {path} if it is "
                "not running"
            )
        log.warning("taking over the lock of a run that is gone: %s", other)
    try:
        _put(fs, out_dir, LOCK, json.dumps(me).encode("utf-8"))
    except OSError as exc:  # a full disk, a read-only output: the rerun could write nothing
        raise OutputError(f"{output_url}: cannot write there ({exc})") from None
    try:
        for name in fs.ls(out_dir, detail=False):
            if name.rstrip("/").rsplit("/", 1)[-1].startswith(TMP_PREFIX):
                fs.rm(name)  # a part file an interrupted run did not finish
        yield
    finally:
        with contextlib.suppress(OSError):
            fs.rm(path)


def _is_job_file(name: str) -> bool:
    if name in (MANIFEST, LOCK):
        return True
    if name.startswith(TMP_PREFIX):
        name = name[len(TMP_PREFIX) :]
    return name.startswith("part-") and name.endswith(tuple(f".{f}" for f in FORMATS))


def done_ids(output_url: str, *, storage_options: dict[str, Any] | None = None) -> set[str]:
    """The article ids already in the output's part files (failures included)."""
    return _done(output_url, storage_options)[0]


def _done(output_url: str, storage_options: dict[str, Any] | None) -> tuple[set[str], int]:
    """``done_ids``, and how many of those rows are blurbs (status ``ok``)."""
    fs, out_dir = _filesystem(output_url, storage_options)
    if not fs.exists(out_dir):
        return set(), 0
    done: set[str] = set()
    ok = 0
    for path in sorted(fs.glob(f"{out_dir}/part-*")):
        rows = _part_rows(fs, path, columns=["id", "status"])
        done.update(str(row["id"]) for row in rows)
        ok += sum(row.get("status") == "ok" for row in rows)
    return done, ok


def _part_rows(fs: Any, path: str, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """A part file's rows, each with an ``id``.

    Raises:
        OutputError: the file is not a readable part file (cut short, another program's).
    """
    try:
        rows = _read_part(fs, path, columns=columns)
        for row in rows:
            row["id"]  # noqa: B018 - every row has one
    except (KeyError, TypeError, ValueError) as exc:
        raise OutputError(
            f"{path}: not a part file of a blurbs job ({type(exc).__name__}: {exc}); "
            "move it out of the output directory"
        ) from None
    return rows


def drop_failed(output_url: str, *, storage_options: dict[str, Any] | None = None) -> int:
    """Take the failed rows out of the output's part files, so that the next run computes
    those articles again; returns how many were taken out.

    A part file with failures is rewritten without them under a temporary name and moved over
    itself (same name), or deleted when it held only failures. An interrupted retry therefore
    never leaves an article twice: at worst a failure is gone and the next run computes it.
    """
    fs, out_dir = _filesystem(output_url, storage_options)
    if not fs.exists(out_dir):
        return 0
    dropped = 0
    for path in sorted(fs.glob(f"{out_dir}/part-*")):
        rows = _part_rows(fs, path)
        kept = [Row.model_validate(r) for r in rows if r.get("status") != "failed"]
        if len(kept) == len(rows):
            continue
        dropped += len(rows) - len(kept)
        name = path.rsplit("/", 1)[-1]
        out_format: Format = "parquet" if name.endswith(".parquet") else "jsonl"
        try:
            if kept:
                _put(fs, out_dir, name, _encode(kept, out_format))
            else:
                fs.rm(path)
        except OSError as exc:  # the part file is as it was (written under a temporary name)
            raise OutputError(
                f"{path}: cannot take its failed rows out ({exc}); free space or fix the "
                "permissions, then run again"
            ) from None
    return dropped


def read_output(output_url: str, *, storage_options: dict[str, Any] | None = None) -> list[Row]:
    """Every row of a job's output, sorted by id (for tests and small outputs).

    Raises:
        InputError: there is no such directory (a misspelt path read as "no rows").
    """
    fs, out_dir = _filesystem(output_url, storage_options)
    if not fs.isdir(out_dir):
        raise InputError(f"{output_url}: no such directory (not a job's output)")
    rows = [
        Row.model_validate(r)
        for path in sorted(fs.glob(f"{out_dir}/part-*"))
        for r in _read_part(fs, path)
    ]
    return sorted(rows, key=lambda r: r.id)


# -- the task that runs on a worker --------------------------------------------------------------


def _run_task(*args: Any) -> dict[str, Any]:
    """``_blurb_block(*args)``; an error that stops the job (an LLM outage, a full disk) is
    returned as ``failure`` for the client to raise, not raised here: a worker logs a task
    that raises as "Compute Failed" with its traceback, on the job's stderr above the one-line
    error."""
    try:
        return _blurb_block(*args)
    except (SummarizerError, OSError) as exc:
        return {"failure": exc}


def _blurb_block(
    part: Any,
    done: frozenset[str],
    output_url: str,
    settings: Settings,
    out_format: Format,
    batch_size: int,
    storage_options: dict[str, Any] | None,
) -> dict[str, Any]:
    """Blurb one input block's new articles, writing a part file per batch; the counts, and
    the hashes of the ids computed (``ids``: uint64 bytes, see ``JobReport.count_repeated``)."""
    fs, out_dir = _filesystem(output_url, storage_options)
    stats: dict[str, Any] = dict.fromkeys(("computed", "ok", "failed", "skipped", "duplicates"), 0)
    stats["parts"] = 0
    todo: list[tuple[str, Any]] = []
    seen: set[str] = set()
    for record in _records(part):
        rid = record_id(record)
        if rid in done or rid in seen:
            stats["skipped" if rid in done else "duplicates"] += 1
            continue
        seen.add(rid)
        todo.append((rid, record))
    streak = 0  # articles in a row the server failed: an outage stops the job, rather than
    # writing every article of the archive as a failed row (each after its retries)
    for start in range(0, len(todo), batch_size):
        rows = []
        for rid, record in todo[start : start + batch_size]:
            row, error = _blurb_or_error(rid, record, settings, part[1])
            streak = streak + 1 if _server_fault(error) else 0
            if streak >= OUTAGE:
                raise BackendError(
                    f"the LLM server failed {OUTAGE} articles in a row (last: {error}); the "
                    "job stopped, the part files written are kept: run it again with "
                    "--retry-failed to go on"
                )
            rows.append(row)
        _write_part(fs, out_dir, rows, out_format, part)
        stats["parts"] += 1
        stats["computed"] += len(rows)
        stats["ok"] += sum(r.status == "ok" for r in rows)
        stats["failed"] += sum(r.status == "failed" for r in rows)
        if stats.get("error") is None:  # one reason, for the line when every article failed
            stats["error"] = next((r.error for r in rows if r.status == "failed"), None)
    stats["ids"] = b"".join(
        hashlib.blake2b(rid.encode("utf-8"), digest_size=8).digest() for rid, _ in todo
    )
    return stats


def blurb_row(rid: str, record: Any, settings: Settings, file: str | None = None) -> Row:
    """The output row of one record: ``summarizer.blurb`` of it, or the reason it failed."""
    return _blurb_or_error(rid, record, settings, file)[0]


def _server_fault(error: Exception | None) -> bool:
    """The LLM server failed (down, refusing, timing out), not this article's answer."""
    unusable = (UnusableAnswerError, MissingRecordingError)
    return isinstance(error, BackendError) and not isinstance(error, unusable)


def _blurb_or_error(
    rid: str, record: Any, settings: Settings, file: str | None
) -> tuple[Row, Exception | None]:
    """``blurb_row`` and the error that failed the row, if one did."""
    title, url, source = (record_field(record, k) for k in ("title", "url", "source"))
    try:
        article = record_article(record, file)
        result: Blurb = blurb(article, settings=settings)
    except SummarizerError as exc:
        row = Row(id=rid, status="failed", error=str(exc), title=title, url=url, source=source)
        return row, exc
    except Exception as exc:  # one bad article must not stop an archive; say what happened
        log.exception("article %s failed", rid)
        error = f"internal error: {type(exc).__name__}: {exc}"
        row = Row(id=rid, status="failed", error=error, title=title, url=url, source=source)
        return row, exc
    why = no_blurb_reason(result)
    if why is not None:  # as the blurb command: no blurb is a failed article, not a message row
        empty = InputError(f"no blurb: {why}")
        row = Row(id=rid, status="failed", error=str(empty), title=title, url=url, source=source)
        return row, empty
    ok = Row(
        id=rid,
        status="ok",
        article_id=result.article_id,
        blurb=render_blurb(result, "text"),
        result=result.model_dump_json(),
        title=result.title,
        url=url,
        source=source,
    )
    return ok, None


def record_article(record: Any, file: str | None = None) -> Article:
    """An Article from an input record, exactly as ingest builds it from a JSON record."""
    if isinstance(record, dict) and "_error" in record:  # a line that did not parse (_records)
        raise InputError(str(record["_error"]))
    return ingest.record_article(record, file)


def record_id(record: Any) -> str:
    """The record's ``id``, else its ``url``, else a hash of the record."""
    if isinstance(record, dict):
        for key in ("id", "url"):
            value = record_field(record, key)
            if value:
                return value
    blob = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# -- input and output ----------------------------------------------------------------------------


def _shareable(settings: Settings) -> Settings:
    """Settings for the workers: an LLM cache path fixed here, so every worker shares it;
    for an OpenAI-compatible endpoint, its key checked and its model found here, once (else
    a missing key made every article a failed row, and each asked the server for its model).

    Raises:
        NeedsKeyError: no endpoint or key. ConfigError: the endpoint's model cannot be told.
    """
    backend = resolve_backend(settings)
    if backend == "openai":
        from .llm.factory import make_client

        client = make_client(
            settings.model_copy(update={"no_cache": True, "record_to": None}), backend
        )
        if settings.model is None:
            settings = settings.model_copy(update={"model": getattr(client, "model", None)})
    if backend != "extractive" and not settings.no_cache:
        cache_dir = (settings.cache_dir or user_dir() / "cache").expanduser()
        settings = settings.model_copy(update={"cache_dir": cache_dir.absolute()})
    return settings


def _url(value: object, what: str) -> str:
    """A path or URL as a str: a ``pathlib.Path`` is taken as its path (it failed as an
    AttributeError deep inside), anything else but a str is refused.

    Raises:
        InputError: ``value`` is neither a str nor a path (None, bytes, a list).
    """
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise InputError(
            f"the {what} must be a path or URL (str or pathlib.Path), not {type(value).__name__}"
        )
    return value


def _filesystem(url: str, storage_options: dict[str, Any] | None) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and its path there.

    Raises:
        InputError: an empty URL (``"$OUT"`` unset: not the working directory), or one of an
        unknown protocol. ConfigError: the protocol's package is not installed (s3fs, ...).
    """
    import fsspec

    url = _url(url, "directory")
    refuse_empty_path(url)
    try:
        fs, path = fsspec.core.url_to_fs(url, **(storage_options or {}))
    except ImportError as exc:  # e.g. "Install s3fs to access S3"
        raise ConfigError(f"{url}: {exc}") from None
    except ValueError as exc:  # "Protocol not known: foo"
        raise InputError(f"{url}: {exc}") from None
    return fs, str(path).rstrip("/")


def _input_partitions(
    url: str,
    blocksize: int,
    storage_options: dict[str, Any] | None,
    *,
    out_dir: tuple[Any, str] | None = None,
) -> list[Any]:
    """The input as blocks (delayed-free: plain descriptions a worker reads itself).

    Raises:
        InputError: no such input, no articles in it. OutputError: the output directory
        ``out_dir`` (its filesystem and path) is the input or lies in it, or holds input.
    """
    fs, path = _filesystem(url, storage_options)
    is_dir = fs.isdir(path)
    if is_dir:
        files = sorted(p for p in fs.find(path) if p.endswith((".jsonl", ".ndjson", ".parquet")))
    else:
        files = sorted(fs.glob(path)) if any(c in path for c in "*?[") else [path]
    if not files or not all(fs.exists(f) for f in files):
        raise InputError(f"{url}: no such file, or no .jsonl/.parquet files in it")
    _refuse_job_output(fs, url, path if is_dir else None, files)
    if out_dir is not None and _same_fs(fs, out_dir[0]):
        # on a local disk, through links too: an output reached by a link into the input
        # folder was written there, and the rerun read its part files as articles
        local = _is_local(fs)

        def real(p: str) -> str:
            return os.path.realpath(p) if local else p

        out, where = real(out_dir[1]), real(path)
        inside = [f for f in map(real, files) if f == out or f.startswith(out + "/")]
        if inside or (is_dir and (out == where or out.startswith(where + "/"))):
            raise OutputError(
                f"{url}: the output directory must not be the input, nor lie in it or hold it "
                "(a rerun would read the part files as articles); give another directory"
            )
    proto = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    blocks: list[Any] = []
    rows = 0
    for f in files:
        full = f if proto in ("file", "local") else f"{proto}://{f}"
        if f.endswith(".parquet"):
            slices, n = _row_groups(fs, f)
            rows += n
            blocks.extend(("parquet", full, where, storage_options) for where in slices)
        elif f.endswith((".jsonl", ".ndjson")):
            size = fs.size(f) or 0
            _check_utf8(fs, f)
            rows += size
            for start in range(0, max(size, 1), blocksize):
                blocks.append(("jsonl", full, (start, blocksize), storage_options))
        else:
            raise InputError(f"{f}: the job reads .jsonl or .parquet files")
    if not rows:
        raise InputError(f"{url}: no articles (the input files are empty)")
    return blocks


def _refuse_job_output(fs: Any, url: str, folder: str | None, files: list[str]) -> None:
    """Refuse a job's output (its folder holds the MANIFEST) given as the input: each of its
    rows was a "failed: no 'text' field" row of a new output, and the run exited 0.

    Raises:
        InputError: ``folder``, or the folder of a part file of ``files``, is a job's output.
    """
    folders = {folder} if folder is not None else set()
    folders.update(f.rsplit("/", 1)[0] for f in files if _is_job_file(f.rsplit("/", 1)[-1]))
    for where in sorted(folders):
        if fs.exists(f"{where}/{MANIFEST}"):
            what = "this is" if where == folder else f"{where} is"
            raise InputError(
                f"{url}: {what} the output of a blurbs-job (it holds {MANIFEST}), not "
                "articles; give the .jsonl/.parquet files of the articles"
            )


def _check_utf8(fs: Any, path: str) -> None:
    """Refuse JSON Lines in UTF-16 or UTF-32 (a Windows export, with its byte order mark):
    every line of it was a failed row ("not valid UTF-8"), and their ids, places in the
    file, stayed in the output after the converted file was run.

    Raises:
        InputError: the file starts with a UTF-16 or UTF-32 byte order mark.
    """
    with fs.open(path, "rb") as fh:
        head = fh.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        kind = "UTF-32" if head in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else "UTF-16"
        raise InputError(
            f"{path}: {kind} text; the job reads UTF-8 JSON Lines: convert it first, e.g. "
            f"iconv -f {kind} -t UTF-8"
        )


def _is_local(fs: Any) -> bool:
    protocols = (fs.protocol,) if isinstance(fs.protocol, str) else tuple(fs.protocol)
    return bool({"file", "local"} & set(protocols))


def _same_fs(a: Any, b: Any) -> bool:
    return bool(a.protocol == b.protocol)


def _row_groups(fs: Any, path: str) -> tuple[list[tuple[int, int, int]], int]:
    """A Parquet file's blocks, ``(row group, first row, end row)``, and its number of rows.

    A row group of more than ``PARQUET_SLICE`` rows is cut into up to ``PARQUET_SLICES``
    blocks: pandas and pyarrow write up to a million rows in one group, which was one task
    (one worker busy, the others idle, the whole group in its memory).

    Raises:
        InputError: not Parquet, or no column of article texts (every row would fail alike:
        refused before any work, not written as a failed row each).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with fs.open(path, "rb") as fh:
            parquet = pq.ParquetFile(fh)
            meta, schema = parquet.metadata, parquet.schema_arrow
    except Exception as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    if "text" not in schema.names:
        columns = ", ".join(schema.names[:8]) or "none"
        raise InputError(f"{path}: no 'text' column (its columns: {columns})")
    kind = schema.field("text").type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise InputError(
            f"{path}: the 'text' column holds {schema.field('text').type}, not strings; "
            "store the article texts as a string column"
        )
    slices: list[tuple[int, int, int]] = []
    for group in range(meta.num_row_groups):
        n = meta.row_group(group).num_rows
        size = max(PARQUET_SLICE, -(-n // PARQUET_SLICES))
        slices.extend((group, start, min(start + size, n)) for start in range(0, n, size))
    return slices, int(meta.num_rows)


def _records(block: Any) -> Iterator[Any]:
    """The records of one block; a JSON Lines block holds the lines that start in it."""
    kind, url, where, storage_options = block
    fs, path = _filesystem(url, storage_options)
    if kind == "parquet":  # rows start to end of one row group, streamed up to the end
        import pyarrow.parquet as pq

        group, first, end = where
        seen = 0
        with fs.open(path, "rb") as fh:
            for batch in pq.ParquetFile(fh).iter_batches(batch_size=1024, row_groups=[group]):
                low, high = max(first, seen), min(end, seen + batch.num_rows)
                if high > low:
                    yield from batch.slice(low - seen, high - low).to_pylist()
                seen += batch.num_rows
                if seen >= end:
                    break
        return
    start, length = where
    from fsspec.utils import read_block

    with fs.open(path, "rb") as fh:
        data = read_block(fh, start, length, delimiter=b"\n")
    # split the bytes on line ends only: str.splitlines would also split a JSON string at
    # U+2028 and the like, which JSON allows unescaped; decode each line alone, so one line
    # that is not UTF-8 fails as its own row and the rest of the block goes on
    for n, raw in enumerate(data.splitlines()):
        if not raw.strip():
            continue
        where = f"{path}@{start}+{n}"
        try:
            yield json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            error = f"not valid UTF-8 (byte {exc.start}); convert the file with iconv first"
            yield {"id": where, "_error": error}
        except json.JSONDecodeError as exc:
            yield {"id": where, "_error": f"not valid JSON: {exc.msg}"}


def _write_part(
    fs: Any, out_dir: str, rows: list[Row], out_format: Format, block: Any = None
) -> str:
    """One batch's part file, written under a temporary name; named by a hash of its input
    ``block`` (file and place) and its ids: the same ids in two files (a copy of a file) are
    two part files, not one written over the other (at once, by two workers)."""
    where = json.dumps(block[:3] if isinstance(block, tuple) else None, default=str)
    names = "\n".join([where, *sorted(r.id for r in rows)])
    digest = hashlib.sha256(names.encode()).hexdigest()[:20]
    name = f"part-{digest}.{out_format}"
    _put(fs, out_dir, name, _encode(rows, out_format))
    return name


def _encode(rows: list[Row], out_format: Format) -> bytes:
    data = [r.model_dump() for r in rows]
    if out_format == "jsonl":
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data).encode("utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(data, schema=schema), buf)
    return buf.getvalue()


def _put(fs: Any, out_dir: str, name: str, body: bytes) -> None:
    """Write ``name`` under a temporary name, then move it into place (replacing it); on an
    error (a full disk) the temporary file is removed, not left half-written."""
    tmp = f"{out_dir}/{TMP_PREFIX}{name}"
    try:
        with fs.open(tmp, "wb") as fh:
            fh.write(body)
        fs.mv(tmp, f"{out_dir}/{name}")
    except BaseException:
        with contextlib.suppress(OSError, ValueError):  # never written, or the fs is gone
            fs.rm(tmp)
        raise


def _read_part(fs: Any, path: str, columns: list[str] | None = None) -> list[dict[str, Any]]:
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq

        with fs.open(path, "rb") as fh:
            rows: list[dict[str, Any]] = pq.read_table(fh, columns=columns).to_pylist()
            return rows
    with fs.open(path, "rb") as fh:
        return [json.loads(line) for line in fh.read().decode("utf-8").splitlines() if line]
