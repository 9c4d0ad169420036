"""LLM blurbs and briefings through the OpenAI Batch API: half the price, answers within 24 hours.

No second copy of the chain: ``summarizer.blurb`` (or ``summarizer.briefing``) itself runs, with
a client that answers from the response cache and, on a miss, notes the request and stops that
article or story (``Deferred``).

- ``submit``: run every article's blurb; the requests the chain reaches (the same messages,
  schema and parameters as online, so the same cache keys) go into a JSON Lines file that is
  uploaded (``/v1/files``) and started as a batch (``/v1/batches``).
  The articles are kept in ``<dir>/articles.jsonl``: ``collect`` works on exactly what was
  submitted, from any directory, even if a feed changed or a relative path means another file.
- ``collect``: download the batch's output, put every answer in the cache (exactly as the
  online path caches it: an invalid answer too, because its re-ask is a different request),
  then run every article's blurb again. The chain validates each answer and the verifier checks
  each claim exactly as online; what is still missing (failed or expired requests, the re-ask of
  an invalid answer, the next stage of a long article or the judge) is asked online
  (``online=True``) or sent as a follow-up batch. Once nothing is missing, the blurbs are final
  and an online run over the same inputs makes zero calls. A batch that ``failed`` or was
  ``cancelled`` is not sent again by itself (it may fail again, or someone meant to stop it):
  its answers are cached and what is missing waits for ``resubmit=True`` or ``online=True``.

A blurb takes one batch per stage it needs: the blurb call (map first for long articles), then
the judge; re-asks add a round. A briefing (``kind="briefing"``) works the same way for all its
stories at once: the pipeline writes every story as one graph, and ``Deferred`` is a
BackendError, so a waiting story is left out like a failed one while the others go on. Each
round gathers what every story needs next (map, then collapse, then reduce, then the judge; a
story that fits one reduce call starts there); its briefing is thrown away. Once a run defers
nothing, that run's briefing is the result: written from the cache, with zero new calls.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..errors import BackendError, ConfigError, InputError, OutputError
from ..ingest import OnBadRecord, filter_by_date, iter_articles, load_articles
from ..models import Article, Blurb, Briefing
from ..output import lock_left_behind, write_output
from ..settings import Settings, hide_secrets, shown_url
from .base import Completion, LLMClient, Request, RequestClient, usage_of, why_no_text
from .cache import CachedClient, ResponseCache
from .catalog import context_window as known_context_window
from .factory import cache_path, make_client

ENDPOINT = "/v1/chat/completions"
WINDOW = "24h"
RUNNING = ("validating", "in_progress", "finalizing", "cancelling")
STOPPED = ("failed", "cancelled")  # ended before its time: no follow-up without being asked
STATE = "state.json"
# OpenAI's limits for one batch (checked for api.openai.com only: other servers set their own)
MAX_REQUESTS = 50_000
MAX_BYTES = 200 * 1024 * 1024
ARTICLES = "articles.jsonl"  # the inputs as submitted: collect reads these, not the inputs
LOCK = "running.lock"  # the submit or collect running in the directory (see _locked)


Kind = Literal["blurbs", "briefing"]


class Deferred(BackendError):
    """The chain needs an answer the cache does not have yet.

    A BackendError so that the briefing's per-story isolation leaves the waiting story out and
    carries on with the others (and the judge's layer fails its claims closed, not the run).
    Whether a run waited is read from ``DeferringClient.deferred``, not from what was raised.
    """


class DeferringClient(RequestClient):
    """An LLMClient that never calls a server: it notes each request and raises Deferred."""

    def __init__(self, model: str, context_window: int | None = None) -> None:
        self.model = model
        self.name = f"openai:{model.rsplit('/', 1)[-1]}"  # as the online client names itself
        self.context_window = known_context_window(model, context_window)
        self.pending: dict[str, Request] = {}
        self.deferred = 0  # requests deferred so far (two equal requests count twice)

    async def answer(self, request: Request) -> Completion:
        self.pending[request.key()] = request
        self.deferred += 1
        raise Deferred(
            f"waiting for the batch ({request.prompt or 'request'} {request.key()[:12]})"
        )


class Round(BaseModel):
    """One submitted batch."""

    batch_id: str
    input_file_id: str
    requests: int
    status: str = "submitted"


# The settings a batch keeps as submitted: they decide its requests and stories, so every
# round (and an --online finish) must use the same ones.
KEPT_SETTINGS = (
    "base_url", "sentences", "max_words", "context_window", "chunk_tokens", "reduce_tokens",
    "judge", "concurrency", "title", "max_stories", "min_sources", "since", "until",
    "dedup_threshold", "story_threshold",
)  # fmt: skip


class BatchState(BaseModel):
    """What ``collect`` needs, kept in ``<dir>/state.json`` (never an API key)."""

    inputs: list[str]
    kind: Kind = "blurbs"
    model: str
    base_url: str | None = None
    sentences: int | None = None
    max_words: int | None = None
    context_window: int | None = None
    chunk_tokens: int | None = None  # the budgets decide the requests: kept as submitted
    reduce_tokens: int | None = None
    judge: bool = True
    concurrency: int = 4  # for the requests asked online (--online)
    cache_dir: str
    # a briefing's options: they decide its stories, so every round must use the same ones
    title: str | None = None
    max_stories: int | None = None
    min_sources: int = 1
    since: datetime | None = None
    until: datetime | None = None
    dedup_threshold: float = 0.7
    story_threshold: float = 0.6
    rounds: list[Round] = Field(default_factory=list)


class CollectReport(BaseModel):
    """What one ``collect`` did."""

    status: str  # the batch's status
    kind: Kind = "blurbs"
    answers: int = 0  # answers cached from the batch
    errors: list[str] = Field(default_factory=list)  # requests the batch did not answer
    done: int = 0  # articles with a final blurb
    pending: int = 0  # articles waiting for the follow-up batch
    failed: list[str] = Field(default_factory=list)  # articles the chain gave up on, and why
    follow_up: str | None = None  # its batch id
    waiting: int = 0  # requests in the follow-up batch
    blurbs: list[Blurb] = Field(default_factory=list)
    briefing: Briefing | None = None  # a briefing batch's result, once nothing is missing


def chat_body(request: Request) -> dict[str, Any]:
    """The chat completion body the online client sends for ``request`` (json_schema mode)."""
    from .openai_backend import chat_body as openai_chat_body  # imports the SDK: only when used

    return openai_chat_body(
        request.model,
        request.messages,
        request.schema_,
        "json_schema",
        request.max_tokens,
        request.temperature,
    )


def completion_from_body(body: dict[str, Any], model: str) -> Completion:
    """A chat completion response body as the online client turns it into a Completion."""
    choices = body.get("choices") or []
    if not choices:
        raise ValueError("no choices")
    choice = choices[0]
    prompt_tokens, completion_tokens = usage_of(body)
    return Completion(
        text=(choice.get("message") or {}).get("content") or "",
        no_text=why_no_text(choice.get("message") or {}, choice.get("finish_reason")),
        finish_reason=choice.get("finish_reason"),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        model=body.get("model") or model,
    )


def submit(
    inputs: list[str],
    state_dir: Path,
    settings: Settings,
    *,
    kind: Kind = "blurbs",
    on_bad_record: OnBadRecord | None = None,
) -> BatchState:
    """Write, upload and start the first batch for the blurbs of ``inputs`` (or, with
    ``kind="briefing"``, for one briefing of them, with the briefing options of ``settings``).
    ``on_bad_record``, as for ``iter_articles``: an unusable file of a folder or record of a
    feed is passed to it and skipped, as ``summarizer briefing`` does.

    Raises:
        InputError: the state directory is in use or an input is unusable. OutputError: the
        state directory is a file or holds other files. ConfigError: no endpoint or key.
    """
    _check_state_dir(state_dir)
    _check_outside_inputs(state_dir, inputs)
    _check_endpoint(settings.base_url, settings.api_key)  # before the work, not after it
    model = settings.model or _default_model()
    # absolute: collect may run from another directory (a relative cache there would miss
    # every answer and send them all again)
    cache_dir = (settings.cache_dir or _default_cache_dir()).expanduser().resolve()
    state = BatchState(
        inputs=list(inputs),
        kind=kind,
        model=model,
        cache_dir=str(cache_dir),
        **settings.model_dump(include=set(KEPT_SETTINGS)),
    )
    articles = list(iter_articles(inputs, on_bad_record=on_bad_record))
    if not articles:  # every file of the folders was skipped
        raise InputError("no usable article in the inputs (see above)")
    if kind == "briefing" and not filter_by_date(articles, since=state.since, until=state.until)[0]:
        # (else "every answer is in the cache already": nothing was asked, nothing cached)
        raise InputError(
            f"none of the {len(articles)} articles was published in the --since/--until window"
        )
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # under a file, a read-only place
        raise OutputError(f"{state_dir}: cannot make the batch directory ({exc})") from None
    with _locked(state_dir):  # two submits into one new --dir: one batch, not two
        _check_state_dir(state_dir)
        _save_articles(articles, state_dir)
        if kind == "briefing":
            _, pending = _run_briefing(articles, state, settings.api_key, online=False)
        else:
            _, pending, _ = _run_all(articles, state, settings.api_key, online=False)
        if not pending:
            command = "briefing" if kind == "briefing" else "blurb"
            raise InputError(
                f"every answer is in the cache already: run `summarizer {command}` instead"
            )
        state.rounds.append(_start_round(state, pending, state_dir, settings.api_key))
        _save(state, state_dir)
    return state


def collect(
    state_dir: Path, *, api_key: str | None = None, online: bool = False, resubmit: bool = False
) -> CollectReport:
    """Cache the last batch's answers, then finish the blurbs (or the briefing) or start a
    follow-up batch for what is still missing; after a ``failed`` or ``cancelled`` batch only
    when ``resubmit`` (or ``online``) says so. One collect at a time per directory.

    Raises:
        InputError: no batch state in ``state_dir``. BackendError: the server failed, no story
        of a briefing could be written, or the batch failed or was cancelled and answers are
        missing (without ``resubmit``). OutputError: another collect of ``state_dir`` runs.
    """
    _load(state_dir)  # "no batch here" before a lock file is made there
    with _locked(state_dir):
        return _collect(state_dir, api_key=api_key, online=online, resubmit=resubmit)


def _collect(
    state_dir: Path, *, api_key: str | None, online: bool, resubmit: bool
) -> CollectReport:
    state = _load(state_dir)
    last = state.rounds[-1]
    sdk = _sdk(state, api_key)
    try:
        batch = sdk.batches.retrieve(last.batch_id)
    except Exception as exc:
        raise BackendError(
            f"cannot read batch {last.batch_id} at {shown_url(state.base_url)}: "
            f"{hide_secrets(str(exc), api_key)}"
        ) from None
    report = CollectReport(status=batch.status, kind=state.kind)
    if batch.status in RUNNING:
        return report  # not ready: nothing to do yet
    if last.status != "collected":
        requests = _read_requests(state_dir, len(state.rounds))
        cache = ResponseCache(cache_path(_settings(state, api_key)))
        try:
            report.answers, report.errors = _cache_answers(sdk, batch, requests, cache, state)
        finally:
            cache.close()
        last.status = "collected"
        _save(state, state_dir)
    articles = _load_articles(state, state_dir)
    if state.kind == "briefing":
        result, pending = _run_briefing(articles, state, api_key, online=online)
        if result is not None:
            report.briefing = result
            report.done = sum(1 for story in result.stories if story.written)
    else:
        blurbs, pending, report.failed = _run_all(articles, state, api_key, online=online)
        report.done = len(blurbs)
        report.pending = len(articles) - len(blurbs) - len(report.failed)
        if not pending:
            report.blurbs = blurbs
    if pending and batch.status in STOPPED and not resubmit:
        why = _batch_errors(batch)
        raise BackendError(
            f"batch {last.batch_id} {batch.status}{why}: {len(pending)} requests have no answer "
            f"and no new batch was started; run `summarizer batch collect {state_dir} "
            "--resubmit` to send them in a new batch, or --online to ask them now"
        )
    if pending:
        state.rounds.append(_start_round(state, pending, state_dir, api_key))
        report.follow_up = state.rounds[-1].batch_id
        report.waiting = len(pending)
        _save(state, state_dir)
    return report


# -- helpers -------------------------------------------------------------------------------------


def _settings(state: BatchState, api_key: str | None, *, online: bool = False) -> Settings:
    kept = state.model_dump(include=set(KEPT_SETTINGS) - {"concurrency"})
    return Settings(
        backend="openai",
        model=state.model,
        api_key=api_key,
        cache_dir=Path(state.cache_dir),
        # deferring: every chunk's and story's request is noted before a Deferred stops it
        concurrency=state.concurrency if online else 10_000,
        **kept,
    )


class _QuietDeferred(logging.Filter):
    """Drops the verifier's "the judge could not answer" warning when the judge only waits."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(a, Deferred) for a in args)


@contextmanager
def _clients(
    state: BatchState, api_key: str | None, *, online: bool
) -> Iterator[tuple[Settings, CachedClient, DeferringClient]]:
    """The run's settings; the client that answers from the cache, else defers (or, when
    ``online``, asks the server); the deferring client, to read what was deferred."""
    settings = _settings(state, api_key, online=online)
    cache = ResponseCache(cache_path(settings))
    deferring = DeferringClient(state.model, state.context_window)
    inner: LLMClient = deferring
    if online:  # the online client, without its own cache: this one wraps it
        inner = make_client(settings.model_copy(update={"no_cache": True}), "openai")
    quiet = _QuietDeferred()
    verify_log = logging.getLogger("summarizer.verify")
    verify_log.addFilter(quiet)
    try:
        yield settings, CachedClient(inner, cache), deferring
    finally:
        verify_log.removeFilter(quiet)
        cache.close()


def _run_all(
    articles: list[Article], state: BatchState, api_key: str | None, *, online: bool
) -> tuple[list[Blurb], dict[str, Request], list[str]]:
    """Every article's blurb from the cache; the requests still missing (none when online);
    the articles the chain gave up on (e.g. no usable answer after the re-ask), with why."""
    from ..pipeline import blurb

    blurbs: list[Blurb] = []
    failed: list[str] = []
    # as submitted: settings.max_words alone would not make a blurb's length (a briefing's)
    words = state.max_words
    # a state from before blurb_length may hold both: the chain's prompt then asked for words
    sentences = state.sentences if words is None else None
    with _clients(state, api_key, online=online) as (settings, client, deferring):
        for article in articles:
            before = deferring.deferred
            try:
                result = blurb(
                    article,
                    settings=settings,
                    client=client,
                    sentences=sentences,
                    max_words=words,
                )
            except BackendError as exc:  # one article's failure must not stop the others
                if deferring.deferred == before:
                    failed.append(f"{article.id} ({article.label()}): {exc}")
                continue
            if deferring.deferred == before:  # else e.g. the judge waits: not final yet
                blurbs.append(result)
    return blurbs, deferring.pending, failed


def _run_briefing(
    articles: list[Article], state: BatchState, api_key: str | None, *, online: bool
) -> tuple[Briefing | None, dict[str, Request]]:
    """The briefing from the cache when nothing was missing, else None and the requests
    every story needs next (its stories run as one graph, so all of them are reached).

    Raises:
        BackendError: no story could be written and none is waiting.
    """
    from ..pipeline import briefing

    with _clients(state, api_key, online=online) as (settings, client, deferring):
        try:
            result = briefing(articles, settings=settings, client=client)
        except BackendError:
            if not deferring.deferred:
                raise
            return None, deferring.pending
    if deferring.deferred:
        return None, deferring.pending
    return result, {}


def _start_round(
    state: BatchState, pending: dict[str, Request], state_dir: Path, api_key: str | None
) -> Round:
    n = len(state.rounds) + 1
    lines = [
        json.dumps(
            {"custom_id": key, "method": "POST", "url": ENDPOINT, "body": chat_body(req)},
            ensure_ascii=False,
        )
        for key, req in pending.items()
    ]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    openai_com = not state.base_url or "api.openai.com" in state.base_url
    if openai_com and (len(lines) > MAX_REQUESTS or len(payload) > MAX_BYTES):
        raise InputError(
            f"{len(lines)} requests ({len(payload) / 2**20:.0f} MB): more than one batch of "
            f"the OpenAI Batch API takes ({MAX_REQUESTS} requests, {MAX_BYTES // 2**20} MB); "
            "submit the inputs in parts, each with its own --dir"
        )
    requests = "".join(r.model_dump_json(by_alias=True) + "\n" for r in pending.values())
    try:
        (state_dir / f"round-{n}.batch.jsonl").write_bytes(payload)
        (state_dir / f"round-{n}.requests.jsonl").write_text(requests, encoding="utf-8")
    except OSError as exc:  # a full disk: nothing was uploaded yet
        raise OutputError(f"{state_dir}: cannot write round {n}'s files ({exc})") from None
    sdk = _sdk(state, api_key)
    try:
        upload = sdk.files.create(file=(f"round-{n}.jsonl", payload), purpose="batch")
        batch = sdk.batches.create(
            input_file_id=upload.id, endpoint=ENDPOINT, completion_window=WINDOW
        )
    except Exception as exc:
        raise BackendError(
            f"could not start the batch at {shown_url(state.base_url)}: "
            f"{hide_secrets(str(exc), api_key)}"
        ) from None
    return Round(batch_id=batch.id, input_file_id=upload.id, requests=len(pending))


def _cache_answers(
    sdk: Any, batch: Any, requests: dict[str, Request], cache: ResponseCache, state: BatchState
) -> tuple[int, list[str]]:
    """Cache every answered request of the batch; list the ones it did not answer, and why."""
    answered: set[str] = set()
    errors: list[str] = []
    cached = 0
    for file_id in (batch.output_file_id, batch.error_file_id):
        if not file_id:
            continue
        try:
            text = sdk.files.content(file_id).text
        except Exception as exc:  # gone, or the server failed: collect again later
            why = hide_secrets(str(exc), getattr(sdk, "api_key", None))
            raise BackendError(
                f"cannot download file {file_id} of batch {batch.id} from "
                f"{shown_url(state.base_url)}: {why}; nothing was collected, run collect again"
            ) from None
        for line in text.splitlines():
            try:
                row = json.loads(line) if line.strip() else None
            except ValueError:  # a garbled line: its request counts as unanswered below
                row = None
            if not isinstance(row, dict) or row.get("custom_id") not in requests:
                continue
            key = row["custom_id"]
            answered.add(key)
            response = row.get("response")
            response = response if isinstance(response, dict) else {}
            error = row.get("error")
            if error or response.get("status_code") != 200:
                why = (error.get("message") if isinstance(error, dict) else error) or (
                    f"HTTP {response.get('status_code')}"
                )
                errors.append(f"{key[:12]}: {why}")
                continue
            try:
                completion = completion_from_body(response.get("body") or {}, state.model)
            except (ValueError, TypeError, AttributeError) as exc:
                errors.append(f"{key[:12]}: unreadable response ({exc})")
                continue
            cache.put(key, requests[key], completion)
            cached += 1
    missing = [k for k in requests if k not in answered]
    errors.extend(f"{k[:12]}: no answer (batch {batch.status})" for k in missing)
    return cached, errors


def _batch_errors(batch: Any) -> str:
    """Why the server failed a batch (its ``errors.data`` messages), as ' (...)' or ''."""
    data = getattr(getattr(batch, "errors", None), "data", None) or []
    messages = [str(getattr(e, "message", "") or "") for e in data]
    return f" ({'; '.join(m for m in messages[:3] if m)})" if any(messages) else ""


def _read_requests(state_dir: Path, n: int) -> dict[str, Request]:
    path = state_dir / f"round-{n}.requests.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        requests = [Request.model_validate_json(line) for line in lines]
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: missing or unreadable ({type(exc).__name__}); the batch directory is "
            "incomplete: submit the batch again in a new directory"
        ) from None
    return {r.key(): r for r in requests}


def _check_endpoint(base_url: str | None, api_key: str | None) -> None:
    if not base_url and not api_key:
        raise ConfigError("the Batch API needs OPENAI_API_KEY (or OPENAI_BASE_URL)")


def _sdk(state: BatchState, api_key: str | None) -> Any:
    import openai

    _check_endpoint(state.base_url, api_key)
    return openai.OpenAI(api_key=api_key or "not-needed", base_url=state.base_url, max_retries=2)


@contextmanager
def _locked(state_dir: Path) -> Iterator[None]:
    """One submit or collect at a time in ``state_dir`` (``LOCK`` names it): two overlapping
    collects (a cron job and a person) each started a follow-up batch, one of them paid for
    and never collected. A lock left by a run that died on this machine is taken over; in a
    directory that cannot be written (a finished batch kept read-only) there is no lock.

    Raises:
        OutputError: another live run holds the lock.
    """
    path = state_dir / LOCK
    host = socket.gethostname()
    tmp = state_dir / f".{LOCK}.{os.getpid()}.tmp"
    held = False
    for _ in range(2):
        try:
            tmp.write_text(json.dumps({"host": host, "pid": os.getpid()}), encoding="utf-8")
            try:
                os.link(tmp, path)  # made whole, or not at all if another run has it
                held = True
            finally:
                tmp.unlink(missing_ok=True)
            break
        except FileExistsError:
            try:
                other = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                other = {}
            if not lock_left_behind(other, host):
                raise OutputError(
                    f"{state_dir}: another batch submit or collect (pid {other.get('pid')} on "
                    f"{other.get('host')}) is running there; wait for it, or delete {path} if "
                    "it is not running"
                ) from None
            path.unlink(missing_ok=True)  # left by a run that is gone
        except OSError as exc:  # read-only: what needs writing later says so itself
            logging.getLogger(__name__).debug("no lock in %s: %s", state_dir, exc)
            break
    else:
        raise OutputError(f"{state_dir}: another batch submit or collect keeps starting there")
    try:
        yield
    finally:
        if held:
            path.unlink(missing_ok=True)


def _is_own_file(name: str) -> bool:
    """A file a batch directory holds: its state (and its temporary copy) and round files."""
    if name in (STATE, ARTICLES, LOCK):
        return True
    if name.startswith((f".{STATE}.", f".{ARTICLES}.", f".{LOCK}.")) and name.endswith(".tmp"):
        return True
    return name.startswith("round-") and name.endswith((".batch.jsonl", ".requests.jsonl"))


def _check_state_dir(state_dir: Path) -> None:
    """Refuse a state directory that is a file, holds a batch, or holds other files (round
    files of a submit that failed to start are the batch's own and are written over)."""
    if state_dir.exists() and not state_dir.is_dir():
        raise OutputError(f"{state_dir}: is a file; --dir takes a new directory")
    if (state_dir / STATE).exists():
        raise InputError(f"{state_dir}: holds a batch already; collect it or use a new directory")
    if state_dir.is_dir():
        other = sorted(p.name for p in state_dir.iterdir() if not _is_own_file(p.name))
        if other:
            raise OutputError(
                f"{state_dir}: holds other files ({', '.join(other[:3])}); --dir takes a new "
                "or empty directory"
            )


def _check_outside_inputs(state_dir: Path, inputs: list[str]) -> None:
    """Refuse a state directory inside an input folder: its files (articles.jsonl, the round
    files, state.json) are JSON records without 'text', so the next ``summarizer briefing``
    of that folder (or the next day's submit) failed on them."""
    from ..fetch import is_url

    target = state_dir.expanduser().resolve()
    for raw in inputs:
        if not raw or raw == "-" or is_url(raw):
            continue
        folder = Path(raw).expanduser().resolve()
        if folder.is_dir() and (target == folder or folder in target.parents):
            raise OutputError(
                f"{state_dir}: lies in the input folder {raw}, whose next reading would take "
                "the batch's files for articles; give a --dir outside it"
            )


def _save_articles(articles: list[Article], state_dir: Path) -> None:
    text = "".join(a.model_dump_json() + "\n" for a in articles)
    write_output(text, state_dir / ARTICLES, force=True)


def _load_articles(state: BatchState, state_dir: Path) -> list[Article]:
    """The articles as submitted; a batch from before they were kept reads its inputs again."""
    path = state_dir / ARTICLES
    if not path.is_file():
        return load_articles(state.inputs)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [Article.model_validate_json(line) for line in lines if line]
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable ({type(exc).__name__}); submit again") from None


def _save(state: BatchState, state_dir: Path) -> None:
    write_output(state.model_dump_json(indent=2), state_dir / STATE, force=True)


def _load(state_dir: Path) -> BatchState:
    path = state_dir / STATE
    if not path.is_file():
        raise InputError(f"{state_dir}: no batch here (no {STATE}); start one with batch submit")
    try:
        return BatchState.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        why = str(exc).splitlines()[1].strip() if "\n" in str(exc) else str(exc)
        raise InputError(f"{path}: not a readable batch state ({why})") from None


def _default_model() -> str:
    from .openai_backend import DEFAULT_MODEL

    return DEFAULT_MODEL


def _default_cache_dir() -> Path:
    from ..settings import user_dir

    return user_dir() / "cache"
