"""A FAKE OpenAI server on 127.0.0.1 for the Batch API tests: /v1/files, /v1/batches and
/v1/chat/completions, in memory, in a thread.

Its "model" is a test function (``responder``) that writes HAND-WRITTEN answers: no LLM runs.
A batch runs when it is first retrieved after ``polls_before_done`` polls. Failure modes, set
per server: ``fail``(custom_id) -> answer that request with HTTP 500; ``expire_after`` -> only the
first N requests are answered and the batch ends ``expired``, the rest as ``batch_expired``
errors (as OpenAI reports them); with ``end_as="cancelled"`` too, the batch ends ``cancelled``
and the rest are ``batch_cancelled`` errors; ``end_as="failed"`` fails the batch in validation
(no output file, ``errors.data`` says why).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], dict[str, Any]]


class FakeBatchServer:
    """In-memory state of the fake server; ``base_url`` ends in ``/v1``."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls: dict[str, int] = {}
        self.polls_before_done = 0
        self.expire_after: int | None = None
        self.end_as: str | None = None  # "cancelled" (with expire_after) or "failed"
        self.fail: Callable[[str], bool] = lambda custom_id: False
        self.chat_calls = 0
        self.chat_bodies: list[dict[str, Any]] = []  # what /v1/chat/completions received
        self.batch_requests = 0
        self.lock = threading.Lock()
        self.base_url = ""

    # -- the fake model and the batch runner -------------------------------------------------

    def chat(self, body: dict[str, Any]) -> dict[str, Any]:
        answer = self.responder(body)
        return {
            "id": f"chatcmpl-{time.time_ns()}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer["content"]},
                    "finish_reason": answer.get("finish_reason", "stop"),
                }
            ],
            "usage": {
                "prompt_tokens": answer.get("prompt_tokens", 100),
                "completion_tokens": answer.get("completion_tokens", 30),
                "total_tokens": 130,
            },
        }

    def run_batch(self, batch: dict[str, Any]) -> None:
        lines = self.files[batch["input_file_id"]][1].decode("utf-8").splitlines()
        if self.end_as == "failed":  # validation failed: nothing runs
            batch["status"] = "failed"
            message = "Enqueued token limit reached for gpt-4o-mini in organization org-x."
            batch["errors"] = {
                "object": "list",
                "data": [{"code": "token_limit_exceeded", "message": message, "line": None}],
            }
            return
        cut = "batch_cancelled" if self.end_as == "cancelled" else "batch_expired"
        out: list[str] = []
        err: list[str] = []
        for n, line in enumerate(x for x in lines if x.strip()):
            req = json.loads(line)
            cid = req["custom_id"]
            self.batch_requests += 1
            if self.expire_after is not None and n >= self.expire_after:
                err.append(
                    json.dumps(
                        {
                            "id": f"batch_req_{n}",
                            "custom_id": cid,
                            "response": None,
                            "error": {
                                "code": cut,
                                "message": "This request could not be executed before the "
                                "completion window expired.",
                            },
                        }
                    )
                )
                continue
            if self.fail(cid):
                body = {"error": {"message": "The server had an error", "type": "server_error"}}
                err.append(
                    json.dumps(
                        {
                            "id": f"batch_req_{n}",
                            "custom_id": cid,
                            "response": {"status_code": 500, "body": body},
                            "error": None,
                        }
                    )
                )
                continue
            response = {
                "status_code": 200,
                "request_id": f"req_{n}",
                "body": self.chat(req["body"]),
            }
            out.append(json.dumps({"id": f"batch_req_{n}", "custom_id": cid, "response": response}))
        batch["status"] = self.end_as or (
            "expired" if self.expire_after is not None else "completed"
        )
        if out:
            batch["output_file_id"] = self.add_file("output.jsonl", "\n".join(out).encode())
        if err:
            batch["error_file_id"] = self.add_file("errors.jsonl", "\n".join(err).encode())
        batch["request_counts"] = {"total": len(lines), "completed": len(out), "failed": len(err)}

    def add_file(self, name: str, data: bytes) -> str:
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = (name, data)
        return file_id


def _handler(server: FakeBatchServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, payload: Any, raw: bytes | None = None) -> None:
            data = raw if raw is not None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            with server.lock:
                if self.path == "/v1/chat/completions":
                    server.chat_calls += 1
                    body = json.loads(self._body())
                    server.chat_bodies.append(body)
                    return self._send(200, server.chat(body))
                if self.path == "/v1/files":
                    head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
                    msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(
                        head + self._body()
                    )
                    fields = {
                        p.get_param("name", header="content-disposition"): p
                        for p in msg.iter_parts()
                    }
                    part = fields["file"]
                    data = part.get_payload(decode=True)
                    file_id = server.add_file(part.get_filename() or "upload.jsonl", data)
                    purpose = fields["purpose"].get_content().strip()
                    return self._send(
                        200,
                        {
                            "id": file_id,
                            "object": "file",
                            "bytes": len(data),
                            "created_at": int(time.time()),
                            "filename": part.get_filename(),
                            "purpose": purpose,
                            "status": "processed",
                        },
                    )
                if self.path == "/v1/batches":
                    req = json.loads(self._body())
                    if req["input_file_id"] not in server.files:
                        return self._send(404, {"error": {"message": "no such file"}})
                    batch_id = f"batch_{len(server.batches) + 1}"
                    server.batches[batch_id] = {
                        "id": batch_id,
                        "object": "batch",
                        "endpoint": req["endpoint"],
                        "input_file_id": req["input_file_id"],
                        "completion_window": req["completion_window"],
                        "status": "validating",
                        "created_at": int(time.time()),
                        "output_file_id": None,
                        "error_file_id": None,
                    }
                    server.polls[batch_id] = 0
                    return self._send(200, server.batches[batch_id])
            self._send(404, {"error": {"message": f"no route {self.path}"}})

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            with server.lock:
                parts = self.path.strip("/").split("/")
                if parts[:2] == ["v1", "batches"] and len(parts) == 3:
                    batch = server.batches.get(parts[2])
                    if batch is None:
                        return self._send(404, {"error": {"message": "no such batch"}})
                    if batch["status"] in ("validating", "in_progress"):
                        server.polls[batch["id"]] += 1
                        if server.polls[batch["id"]] > server.polls_before_done:
                            server.run_batch(batch)
                        else:
                            batch["status"] = "in_progress"
                    return self._send(200, batch)
                if parts[:2] == ["v1", "files"] and len(parts) == 4 and parts[3] == "content":
                    found = server.files.get(parts[2])
                    if found is None:
                        return self._send(404, {"error": {"message": "no such file"}})
                    return self._send(200, None, raw=found[1])
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    return Handler


@contextmanager
def serve(responder: Responder) -> Iterator[FakeBatchServer]:
    """Run a fake server on a free 127.0.0.1 port for the duration of the block."""
    state = FakeBatchServer(responder)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
