"""A loopback OpenAI-compatible server for the fault matrix (tests) and the LLM benchmark.

It listens on 127.0.0.1 only, on a free port, in a background thread, and stops by itself
(``with FakeServer(...) as server`` or after ``lifetime`` seconds). It is not a model: its
answers are made mechanically from the request, labelled as such, and cite real sentence ids
parsed out of the prompt, so that the chain's validation and the verifier accept them (every
answer it gives is hand-made by this file; none comes from a model):

- map/collapse (schema key ``points``) and reduce/blurb (``claims``): one item per ``[ids] text``
  line of the DATA, up to the schema's ``maxItems``, the text copied from the line;
- judge (``verdicts``): every claim supported, with a verbatim span of its first cited sentence.

What it simulates: latency (``latency`` seconds per call plus ``per_token`` seconds per output
token), a limit on requests served at once (``max_concurrent``; more wait in line), and faults
chosen per request by ``fault(call) -> str | None``: ``"429"`` (with ``retry_after``), ``"500"``,
``"hang"`` (never answers until the server stops or ``hang`` seconds pass), ``"drop"`` (closes
the connection without an answer), ``"nonjson"`` (a 200 with an HTML body), ``"garbled"`` (a
chat completion whose answer is prose, not the JSON asked for), ``"truncated"`` (cut off at the
token limit), ``"invent"`` (cites ids that are not in the prompt).

``ServerProcess`` runs the same server in a child process (no faults): the benchmark's server,
so that its own CPU (parsing requests, counting tokens, writing answers) does not compete with
the client for one interpreter lock and inflate the service times it models.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

MODEL = "fake-llm"
_LINE = re.compile(r"^\[([^\]]+)\]\s+(.*)$")
_CLAIM = re.compile(r"^Claim (\d+): ")


@dataclass
class Call:
    """One request as the server saw it."""

    n: int  # 0-based arrival order
    kind: str  # points, claims, verdicts or plain
    body: dict[str, Any]
    stage: str = "other"  # map, collapse, reduce, blurb, judge (from the system prompt)
    prompt_tokens: int = 0  # the messages' tokens
    schema_tokens: int = 0  # the response_format schema's tokens (also input)
    completion_tokens: int = 0
    service: float = 0.0  # modelled seconds: latency + per_token x completion tokens
    start: float = 0.0  # monotonic, when the server began answering (after its queue)
    end: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


def _words(text: str) -> int:
    return len(text.split())


def approx_tokens(text: str) -> int:
    """Tokens as the project counts them (its tokenizer), so ratios to the source are fair."""
    from summarizer.tokens import count_tokens

    return count_tokens(text)


STAGES = {
    "You extract key facts": "map",
    "You merge overlapping key points": "collapse",
    "You write a news briefing section": "reduce",
    "You write a short summary": "blurb",
    "You check news summaries": "judge",
}


def _stage(body: dict[str, Any]) -> str:
    system = next((m for m in body.get("messages", []) if m.get("role") == "system"), None)
    text = str(system.get("content", "")) if system else ""
    return next((v for k, v in STAGES.items() if text.startswith(k)), "other")


@dataclass
class Stats:
    """What the server served: calls by kind, tokens, concurrency."""

    calls: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    schema_tokens: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    peak: int = 0
    busy_seconds: float = 0.0  # integral of in-flight requests over time
    first: float | None = None
    last: float | None = None

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    def mean_in_flight(self) -> float:
        if self.first is None or self.last is None or self.last <= self.first:
            return 0.0
        return self.busy_seconds / (self.last - self.first)


class FakeServer:
    """The server; use as a context manager. ``url`` is its OpenAI base URL."""

    def __init__(
        self,
        *,
        latency: float = 0.0,
        per_token: float = 0.0,
        max_concurrent: int = 64,
        fault: Callable[[Call], str | None] | None = None,
        retry_after: str = "0",
        hang: float = 30.0,
        lifetime: float = 600.0,
        models: list[str] | None = None,
    ) -> None:
        self.latency = latency
        self.per_token = per_token
        self.fault = fault
        self.retry_after = retry_after
        self.hang = hang
        self.lifetime = lifetime
        self.models = models if models is not None else [MODEL]
        self.stats = Stats()
        self.calls: list[Call] = []
        self._slots = threading.Semaphore(max_concurrent)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _handler(self))
        self.port = int(self._httpd.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    def __enter__(self) -> FakeServer:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        """Stop serving and release every hanging request (idempotent)."""
        self._stop.set()
        self._timer.cancel()
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self.stats = Stats()
            self.calls = []

    # -- answering ------------------------------------------------------------------------------

    def _register(self, body: dict[str, Any]) -> Call:
        fmt = body.get("response_format") or {}
        schema = fmt.get("json_schema", {}).get("schema") or fmt.get("schema") or {}
        keys = list(schema.get("properties", {}))
        kind = keys[0] if keys else "plain"
        schema_tokens = approx_tokens(json.dumps(schema)) if schema else 0
        with self._lock:
            call = Call(n=len(self.calls), kind=kind, body=body, stage=_stage(body))
            call.schema_tokens = schema_tokens
            self.calls.append(call)
            self.stats.calls[call.stage] += 1
            self.stats.schema_tokens += schema_tokens
        return call

    def _enter(self) -> float:
        with self._lock:
            now = time.monotonic()
            self._account(now)
            self.stats.in_flight += 1
            self.stats.peak = max(self.stats.peak, self.stats.in_flight)
            if self.stats.first is None:
                self.stats.first = now
            return now

    def _leave(self) -> None:
        with self._lock:
            now = time.monotonic()
            self._account(now)
            self.stats.in_flight -= 1
            self.stats.last = now

    def _account(self, now: float) -> None:
        if self.stats.last is not None or self.stats.first is not None:
            since = self.stats.last if self.stats.last is not None else self.stats.first
            assert since is not None
            self.stats.busy_seconds += self.stats.in_flight * max(0.0, now - since)
            self.stats.last = now

    def answer(self, call: Call, fault: str | None) -> tuple[str, str, int]:
        """The content, finish reason and output token count for a call."""
        lines = _data_lines(call)
        limit = _max_items(call.body)
        if call.kind == "verdicts":
            content = json.dumps({"verdicts": _verdicts(call)})
        elif call.kind in ("points", "claims"):
            # a point or claim is the line's first words, as a model condenses what it reads
            items = [{"text": _first_words(text), "cites": ids} for ids, text in lines[:limit]]
            if not items:
                items = [{"text": "nothing", "cites": ["none"]}]
            if fault == "invent":
                items = [{"text": i["text"], "cites": ["zz.s999"]} for i in items]
            content = json.dumps({call.kind: items})
        else:
            content = "ok"
        if fault == "garbled":  # a chat completion, but no JSON in it
            content = "I think the claims look fine to me."
        tokens = approx_tokens(content)
        if fault == "truncated":
            cap = max(1, int(call.body.get("max_tokens", 16)))
            content = content[: max(1, min(len(content) // 2, cap * 4))]
            return content, "length", approx_tokens(content)
        return content, "stop", tokens


class ServerProcess:
    """A FakeServer (latency, tokens/s, concurrency limit; no faults) in a child process.

    ``calls`` and ``stats`` are fetched from the child on each access; its clock
    (``time.monotonic``) is the system's, so call times compare with the parent's.
    """

    def __init__(
        self, *, latency: float = 0.0, per_token: float = 0.0, max_concurrent: int = 64
    ) -> None:
        self._options = {
            "latency": latency,
            "per_token": per_token,
            "max_concurrent": max_concurrent,
        }
        self._child: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.url = ""

    def __enter__(self) -> ServerProcess:
        root = str(Path(__file__).resolve().parent.parent)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
        }
        code = "from tests.fakeserver import _serve_in_child; _serve_in_child()"
        self._child = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self.port = int(self._ask(self._options))
        self.url = f"http://127.0.0.1:{self.port}/v1"
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _ask(self, command: object) -> Any:
        assert self._child is not None and self._child.stdin and self._child.stdout
        pickle.dump(command, self._child.stdin)
        self._child.stdin.flush()
        return pickle.load(self._child.stdout)

    @property
    def calls(self) -> list[Call]:
        calls: list[Call] = self._ask("calls")
        return calls

    @property
    def stats(self) -> Stats:
        stats: Stats = self._ask("stats")
        return stats

    def reset(self) -> None:
        self._ask("reset")

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        if child.stdin:
            child.stdin.close()  # the child stops at the end of its input
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(5)


def _serve_in_child() -> None:
    """The child's side of ServerProcess: options, then commands, pickled on stdin; answers
    pickled on stdout. It stops at the end of its input."""
    read, write = sys.stdin.buffer, sys.stdout.buffer

    def send(obj: object) -> None:
        pickle.dump(obj, write)
        write.flush()

    options = pickle.load(read)
    approx_tokens("warm up")  # the tokenizer loads once, before any timed call
    with FakeServer(**options) as server:
        send(server.port)
        while True:
            try:
                command = pickle.load(read)
            except EOFError:
                break
            with server._lock:
                if command == "calls":
                    send(list(server.calls))
                elif command == "stats":
                    send(server.stats)
            if command == "reset":
                server.reset()
                send(None)


def _first_words(text: str, n: int = 16) -> str:
    words = text.split()
    return text if len(words) <= n else " ".join(words[:n])


def _max_items(body: dict[str, Any]) -> int:
    fmt = body.get("response_format") or {}
    schema = fmt.get("json_schema", {}).get("schema") or fmt.get("schema") or {}
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict) and "maxItems" in prop:
            return int(prop["maxItems"])
    return 8


def _data_lines(call: Call) -> list[tuple[list[str], str]]:
    """The ``[ids] text`` lines inside the last user message's <data> block."""
    user = [m for m in call.body.get("messages", []) if m.get("role") == "user"]
    if not user:
        return []
    text = str(user[0].get("content", ""))
    start, end = text.find("<data>"), text.find("</data>")
    block = text[start + 6 : end] if 0 <= start < end else text
    out: list[tuple[list[str], str]] = []
    for line in block.splitlines():
        m = _LINE.match(line.strip())
        if m:
            ids = [i.strip() for i in m.group(1).split(",") if i.strip()]
            out.append((ids, m.group(2)))
    return out


def _verdicts(call: Call) -> list[dict[str, Any]]:
    """Every claim supported, quoting the first five words of its first cited sentence."""
    out: list[dict[str, Any]] = []
    current: int | None = None
    for line in call.text.splitlines():
        m = _CLAIM.match(line)
        if m:
            current = int(m.group(1))
            continue
        stripped = line.strip()
        if current is not None and stripped.startswith("- "):
            words = stripped[2:].split()[:5]
            out.append({"id": current, "supported": True, "evidence": " ".join(words)})
            current = None
    return out


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    clients_gone = 0  # answers the client hung up on before they were written

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Count a client that hung up mid-answer instead of printing a traceback.

        A run that abandons a request (an article already failed, an interrupt) closes its
        socket; socketserver's default prints that to ``sys.stderr``, which in-process CLI
        tests capture as if the CLI had printed it.
        """
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            self.clients_gone += 1
            return
        super().handle_error(request, client_address)


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in two writes: with Nagle's algorithm on, the body waited
        # for the client's delayed ACK of the headers, about 40 ms per answer on loopback,
        # time that no modelled service accounts for (real servers send with TCP_NODELAY)
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            return

        def _send(self, status: int, payload: bytes, ctype: str, headers: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(payload)

        def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(data).encode(), "application/json", headers or {})

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path.rstrip("/").endswith("/models"):
                data = [{"id": m, "object": "model", "owned_by": "fake"} for m in server.models]
                self._json(200, {"object": "list", "data": data})
            else:
                self._json(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            call = server._register(body)
            fault = server.fault(call) if server.fault else None
            if fault:
                with server._lock:
                    server.stats.faults[fault] += 1
            if fault == "429":
                self._json(
                    429, {"error": {"message": "slow down"}}, {"Retry-After": server.retry_after}
                )
                return
            if fault == "500":
                self._json(
                    500, {"error": {"message": "overloaded"}}, {"Retry-After": server.retry_after}
                )
                return
            if fault == "drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault == "hang":
                server._stop.wait(server.hang)
                self.close_connection = True
                return
            with server._slots:
                call.start = server._enter()
                try:
                    content, finish, tokens = server.answer(call, fault)
                    call.service = server.latency + server.per_token * tokens
                    time.sleep(call.service)
                finally:
                    server._leave()
                    call.end = time.monotonic()
            if fault == "nonjson":
                self._send(200, b"<html><body>Bad gateway</body></html>", "text/html", {})
                return
            prompt_tokens = approx_tokens(call.text)
            call.prompt_tokens, call.completion_tokens = prompt_tokens, tokens
            with server._lock:
                server.stats.prompt_tokens += prompt_tokens
                server.stats.completion_tokens += tokens
            self._json(
                200,
                {
                    "id": f"fake-{call.n}",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", MODEL),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": finish,
                        }
                    ],
                    "usage": {
                        "prompt_tokens": prompt_tokens,
                        "completion_tokens": tokens,
                        "total_tokens": prompt_tokens + tokens,
                    },
                },
            )

    return Handler
