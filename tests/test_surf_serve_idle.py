"""`summarizer serve` (``serve.run``, as the command runs it) closes a connection on which no
request's line and headers arrive within ``header_seconds``: an idle client that sent nothing,
or half a request, held its connection (a file descriptor) for ever, and some hundreds of them
made the server refuse every other client. Raw sockets on 127.0.0.1; every wait is bounded."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")

from .conftest import ctrl_c_as_in_a_terminal  # noqa: E402

WAIT = 30.0  # seconds a test waits for the server at most (the deadline here is 0.5 s)
SERVER = """
import sys
from summarizer import serve
from summarizer.settings import Settings
config = serve.ServeConfig(settings=Settings(backend="extractive"))
config.header_seconds = 0.5
serve.run(config, host="127.0.0.1", port=int(sys.argv[1]))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving() -> Iterator[int]:
    """``serve.run`` in a process of its own, with a 0.5 s header deadline; yields its port."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)
        yield port
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with serving() as port:
        yield port


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=WAIT)


def _read_to_close(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (within ``WAIT``)."""
    got = b""
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except TimeoutError:
        pytest.fail(f"the connection was still open after {WAIT:g} s (read: {got[:80]!r})")
    return got


def _post(port: int) -> bytes:
    body = json.dumps({"text": "The city council on Tuesday approved a budget for the parks."})
    head = (
        "POST /blurb HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    with _connect(port) as sock:
        sock.sendall(head.encode() + body.encode())
        return _read_to_close(sock)


def test_a_client_that_sends_nothing_is_let_go(port: int) -> None:
    with _connect(port) as idle:
        assert _read_to_close(idle) == b""  # closed, no answer
        assert _post(port).startswith(b"HTTP/1.1 200 ")  # the server serves on


def test_half_a_request_is_let_go(port: int) -> None:
    for half in (b"GET /openapi.json HTT", b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n"):
        with _connect(port) as sock:
            sock.sendall(half)
            assert _read_to_close(sock) == b""


def test_a_request_sent_a_byte_now_and_then_is_let_go(port: int) -> None:
    """The deadline is for the whole of the headers, not between two bytes of them."""
    request = b"GET /openapi.json HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"x" * 250
    sent = 0
    with _connect(port) as sock:
        try:
            for byte in request:  # 0.1 s apart: 30 s for all of them
                sock.sendall(bytes([byte]))
                sent += 1
                time.sleep(0.1)
        except OSError:  # the server has closed the connection: a send fails
            pass
    assert sent < len(request)


def test_half_a_next_request_on_a_kept_alive_connection_is_let_go(port: int) -> None:
    with _connect(port) as sock:
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n")
        first = b""
        while b"\r\n\r\n" not in first:  # the answer's head; openapi.json is larger
            first += sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200 ")
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\n")  # uvicorn's keep-alive timer ends here
        _read_to_close(sock)  # the rest of the first answer, then the close


def test_a_request_whose_headers_are_in_is_not_cut_by_the_deadline(port: int) -> None:
    """Past the headers, the body has its own limit (``body_seconds``, 30 s): a body sent
    after the header deadline has passed is answered."""
    body = json.dumps({"text": "The city council on Tuesday approved a budget for the parks."})
    head = (
        "POST /blurb HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    with _connect(port) as sock:
        sock.sendall(head.encode())
        time.sleep(2)  # four times the header deadline
        sock.sendall(body.encode())
        assert _read_to_close(sock).startswith(b"HTTP/1.1 200 ")
