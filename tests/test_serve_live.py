"""``summarizer serve`` really running, against what the network does to it: pages that are not
HTML, redirects to nowhere or to a private address, servers that answer a byte at a time,
clients that hang up, several routes at once, and the command's own start-up errors and
token. Local servers on 127.0.0.1 only; every wait is bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")

from summarizer import fetch  # noqa: E402
from summarizer.errors import ConfigError  # noqa: E402
from summarizer.fetch import CLI_POLICY  # noqa: E402
from summarizer.ingest import load_articles  # noqa: E402
from summarizer.serve import ServeConfig, create_app, listen  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

from .conftest import ARTICLES  # noqa: E402
from .localweb import page  # noqa: E402
from .test_serve import running  # noqa: E402

SEEDS = sorted(ARTICLES.glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
PAGE = page("Bridge vote", [s.text for s in load_articles(SEEDS[1])[0].sentences]).encode()


class Web:
    """A loopback web server with the routes a careless world offers; ``stopped`` is set when
    a slow response ends (the client went away, or its own 60 s cap)."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.trickling = threading.Semaphore(0)  # released as each slow response starts
        self.url = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        web = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:
                if self.path == "/page.html":
                    self._send(200, "text/html; charset=utf-8", PAGE)
                elif self.path == "/image.png":
                    self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
                elif self.path == "/broken-redirect":
                    self._send(302, "text/plain", b"", location="http://[::1")
                elif self.path == "/to-localhost":
                    port = web.url.rsplit(":", 1)[1]
                    self._send(302, "text/plain", b"", location=f"http://localhost:{port}/")
                elif self.path == "/trickle":
                    self._trickle()
                else:
                    self._send(404, "text/plain", b"no such page")

            def _send(self, status: int, kind: str, body: bytes, location: str = "") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(body)

            def _trickle(self) -> None:
                """A page that never ends: one byte every 0.05 s, for up to 60 s."""
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                web.trickling.release()
                try:
                    self.wfile.write(b"<html><body><p>")
                    end = time.monotonic() + 60
                    while time.monotonic() < end:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.05)
                except OSError:
                    pass
                finally:
                    web.stopped.set()

        return Handler


@contextmanager
def web_server() -> Iterator[Web]:
    web = Web()
    server = ThreadingHTTPServer(("127.0.0.1", 0), web.handler())
    server.daemon_threads = True
    web.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _config(**kwargs: Any) -> ServeConfig:
    return ServeConfig(settings=Settings(backend="extractive"), **kwargs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_pages_the_server_cannot_use_are_422() -> None:
    """With --allow-private no DNS check runs before httpx, and a host httpx cannot encode was
    a 500 (httpx.InvalidURL, or the idna codec's UnicodeError)."""
    with web_server() as web, running(_config(fetch=CLI_POLICY)) as url:
        ok = httpx.post(f"{url}/blurb", json={"url": f"{web.url}/page.html"}, timeout=60)
        assert ok.status_code == 200, ok.text
        for path, says in [
            ("/broken-redirect", "Invalid URL in location header"),
            ("/image.png", "image.png"),
            ("/missing", "HTTP 404"),
        ]:
            res = httpx.post(f"{url}/blurb", json={"url": f"{web.url}{path}"}, timeout=60)
            assert res.status_code == 422 and says in res.json()["detail"], res.text
        for bad in ("http://xn--ab/", "http://a\x01b/", f"http://{'a' * 70}.example/"):
            res = httpx.post(f"{url}/blurb", json={"url": bad}, timeout=60)
            assert res.status_code == 422 and "cannot fetch" in res.json()["detail"], res.text
        closed = f"http://127.0.0.1:{_free_port()}/"  # nothing listens there
        res = httpx.post(f"{url}/verify", json={"draft": "It met.", "sources": [closed]})
        assert res.status_code == 422 and "cannot fetch" in res.json()["detail"], res.text


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each hop is checked. 127.0.0.1 stands in for a public host here (the check is told to
    let it pass, as it would a public address); its redirect to localhost is refused."""
    real = fetch._check_address

    def public_loopback(url: str, policy: fetch.FetchPolicy) -> None:
        if not url.startswith("http://127.0.0.1:"):
            real(url, policy)

    monkeypatch.setattr(fetch, "_check_address", public_loopback)
    with web_server() as web, running(_config()) as url:
        res = httpx.post(f"{url}/blurb", json={"url": f"{web.url}/to-localhost"}, timeout=60)
    assert res.status_code == 422, res.text
    assert "localhost is a private-network address" in res.json()["detail"]


def test_a_slow_page_ends_in_504_and_its_fetch_stops_too() -> None:
    """A server sending a byte every 0.05 s never trips the 20 s read timeout. Before, the 504
    came at the limit but the worker thread went on reading (up to the 5 MB size limit: days),
    holding one of the few worker threads; the run's limit is now its fetches' deadline."""
    with web_server() as web, running(_config(fetch=CLI_POLICY, timeout=1.0)) as url:
        res = httpx.post(f"{url}/blurb", json={"url": f"{web.url}/trickle"}, timeout=60)
        assert res.status_code == 504 and "longer than 1 s" in res.json()["detail"]
        assert web.stopped.wait(30), "the fetch went on after the 504"


def test_a_client_that_hangs_up_leaves_the_server_serving() -> None:
    """The client gives up after 0.3 s on a slow URL; the server answers the next requests,
    and the abandoned run's fetch stops at the run's limit rather than reading on."""
    with web_server() as web, running(_config(fetch=CLI_POLICY, timeout=2.0)) as url:
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{url}/blurb", json={"url": f"{web.url}/trickle"}, timeout=0.3)
        res = httpx.post(f"{url}/blurb", json={"text": TEXTS[0]}, timeout=60)
        assert res.status_code == 200, res.text
        assert web.stopped.wait(30), "the abandoned fetch went on"


def test_blurb_briefing_and_verify_at_once_answer_as_one_at_a_time() -> None:
    articles = [{"text": t, "source": f"Outlet {n}"} for n, t in enumerate(TEXTS[:3])]
    draft = "The city council voted on Tuesday. The moon is made of cheese, officials said."
    calls = [
        ("/blurb", {"text": TEXTS[1], "sentences": 2}),
        ("/briefing", {"articles": articles, "max_words": 120}),
        ("/verify", {"draft": draft, "sources": articles}),
        ("/blurb", {"article": articles[2]}),
    ]
    volatile = {"usage", "seconds"}

    def stable(answer: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in answer.items() if k not in volatile}

    with running(_config()) as url:

        def post(call: tuple[str, dict[str, Any]]) -> httpx.Response:
            return httpx.post(f"{url}{call[0]}", json=call[1], timeout=120)

        alone = [post(c) for c in calls]
        with ThreadPoolExecutor(len(calls) * 2) as pool:
            together = list(pool.map(post, calls * 2))
    assert [r.status_code for r in alone + together] == [200] * len(calls) * 3
    for n, res in enumerate(together):
        assert stable(res.json()) == stable(alone[n % len(calls)].json())


def test_listen_gives_one_line_errors() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1:{port}: "):
            listen("127.0.0.1", port)
    with pytest.raises(ConfigError, match="--host nosuch.invalid: not a usable address"):
        listen("nosuch.invalid", 0)
    with listen("127.0.0.1", 0) as sock:
        assert sock.getsockname()[0] == "127.0.0.1"


def _cli(*args: str, env: dict[str, str] | None = None, code: str = "") -> list[str]:
    """Run ``summarizer serve ...`` (after ``code``); exit 2 with one line is asserted."""
    script = (
        f"{code}\nimport sys\nfrom summarizer.cli import main\nsys.argv[0] = 'summarizer'\nmain()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    return [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]


def test_serve_start_up_errors_are_one_line_and_exit_2() -> None:
    """Before: uvicorn's 'ERROR: [Errno 98] ...' between its start-up and shut-down log lines,
    and exit 3."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        [line] = _cli("--port", port, "--backend", "extractive")
        assert line == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"
    [line] = _cli("--host", "nosuch.invalid", "--port", "0", "--backend", "extractive")
    assert line.startswith("Error: --host nosuch.invalid: not a usable address")
    for missing in ("fastapi", "uvicorn"):  # uvicorn alone was a traceback at run()
        without = f"import sys\nsys.modules['{missing}'] = None  # not installed"
        [line] = _cli("--port", "0", "--backend", "extractive", code=without)
        assert line == (
            f"Error: summarizer serve needs the 'serve' extra ({missing} is missing): "
            "pip install 'summarizer[serve]'"
        )


def test_the_token_is_required_and_never_logged(tmp_path: Path) -> None:
    """The real command with the most verbose logging, a token from the environment and an API
    key set: right, wrong and missing tokens; neither secret appears in any output."""
    token, key = "tok-4b1d7e9c-secret", "sk-key-8f2a6c-secret"
    port = _free_port()
    env = {
        **os.environ,
        "SUMMARIZER_TOKEN": token,
        "OPENAI_API_KEY": key,
        "SUMMARIZER_HOME": str(tmp_path / "home"),
    }
    bin_dir = Path(sys.executable).parent
    cmd = [str(bin_dir / "summarizer"), "serve", "--port", str(port), "--backend", "extractive"]
    proc = subprocess.Popen(
        [*cmd, "-vv"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                spec = httpx.get(f"{base}/openapi.json", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert spec.status_code == 200
        body = {"text": TEXTS[0], "sentences": 1}
        answers = [
            httpx.post(f"{base}/blurb", json=body, headers=headers, timeout=60)
            for headers in (
                {},
                {"Authorization": "Bearer wrong"},
                {"Authorization": f"Basic {token}"},
                {"Authorization": f"Bearer {token}x"},
                {"Authorization": f"Bearer {token}"},
            )
        ]
        query = httpx.post(f"{base}/blurb?token={token}", json=body, timeout=60)
        bad = httpx.post(
            f"{base}/blurb",
            content=b"{",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert [a.status_code for a in answers] == [401, 401, 401, 401, 200]
    assert answers[0].json() == {"detail": "missing or wrong bearer token"}
    assert bad.status_code == 400 and query.status_code == 401
    assert '"POST /blurb?token=[redacted] HTTP/1.1" 401' in out + err  # was the token itself
    assert f"summarizer serve on http://127.0.0.1:{port}" in err and "reachable" not in err
    assert '"POST /blurb HTTP/1.1" 401' in out + err  # the access log, without headers
    for secret in (token, key):
        assert secret not in out + err
        assert all(secret not in a.text for a in answers)


def test_an_empty_token_is_refused_not_read_as_no_token() -> None:
    """``--token "$SUMMARIZER_TOKEN"`` (the README's example) with the variable unset passed
    an empty token, which served everyone without a word."""
    [line] = _cli("--token", "", "--backend", "extractive", "--port", "0")
    assert line.startswith("Error: the token is empty (is SUMMARIZER_TOKEN set?)")
    with pytest.raises(ConfigError, match="the token is empty"):
        create_app(ServeConfig(token=" "))


def test_an_empty_token_variable_is_refused_too() -> None:
    """``SUMMARIZER_TOKEN=""`` (set, but empty) started a server that answered everyone: click
    reads an empty variable as unset, while ``--token ""`` and ``SUMMARIZER_TOKEN=" "`` were
    refused."""
    [line] = _cli("--backend", "extractive", "--port", "0", env={"SUMMARIZER_TOKEN": ""})
    assert line.startswith("Error: the token is empty (is SUMMARIZER_TOKEN set?)")


@pytest.mark.parametrize("token", ["tökén-7f3a9c", "tok-7f3a9c\n", " tok-7f3a9c"])
def test_a_token_no_client_can_send_is_refused_at_start(token: str) -> None:
    """A non-ASCII token (the server reads header bytes as Latin-1; httpx will not send it) or
    one with a line break or a space at an end (a header value cannot carry them) answered
    401 to every client, with nothing said. The error does not show the token."""
    [line] = _cli("--backend", "extractive", "--port", "0", env={"SUMMARIZER_TOKEN": token})
    assert line.startswith("Error: the token has a leading or trailing space, a line break")
    assert "7f3a9c" not in line


def test_serving_other_machines_without_a_token_warns(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The socket is bound (never listened on: uvicorn's run is replaced)."""
    import uvicorn

    from summarizer import serve

    ran: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: ran.append(sockets))
    serve.run(_config(), host="0.0.0.0", port=0)
    serve.run(_config(token="t"), host="0.0.0.0", port=0)
    serve.run(_config(), host="127.0.0.1", port=0)
    err = capfd.readouterr().err
    assert len(ran) == 3 and err.count("summarizer serve on http://") == 3
    assert err.count("is reachable from other machines and needs no --token") == 1


def test_a_body_that_never_arrives_in_full_is_408() -> None:
    """A client declaring 500 bytes and sending 30 kept its connection waiting for ever."""
    with running(_config(body_seconds=0.5)) as url:
        port = int(url.rsplit(":", 1)[1])
        head = b"POST /blurb HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(head + b'Content-Length: 500\r\n\r\n{"text": "A council voted."}')
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert b'{"detail": "the request body did not arrive in full within 0.5 s"}' in answer


@contextmanager
def quoting_llm(status: int) -> Iterator[str]:
    """An 'LLM server' that refuses every request with ``status`` and an error message
    quoting the Authorization header it was sent, as some proxies do. Yields its /v1 URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            said = self.headers.get("authorization", "")
            body = f'{{"error": {{"message": "not allowed for {said}"}}}}'.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_an_llm_error_quoting_the_key_is_redacted() -> None:
    """Before: 502 'LLM server ... answered HTTP 403: ... not allowed for Bearer sk-...', the
    server's own API key sent to any caller; with a password in the base URL, the password
    and its Basic credentials."""
    key = "sk-quoted-9c1e4f-secret"
    with quoting_llm(403) as llm:
        for base_url, secrets in [
            (f"http://{llm}", [key]),
            (f"http://editor:pw-77ab31@{llm}", ["pw-77ab31", "ZWRpdG9yOnB3LTc3YWIzMQ=="]),
        ]:
            settings = Settings(
                backend="openai", base_url=base_url, api_key=key, model="m", no_cache=True
            )
            with running(ServeConfig(settings=settings, timeout=30)) as url:
                res = httpx.post(f"{url}/blurb", json={"text": TEXTS[0]}, timeout=60)
            assert res.status_code == 502, res.text
            assert "answered HTTP 403: " in res.json()["detail"]
            assert "[redacted]" in res.json()["detail"]
            assert not any(secret in res.text for secret in secrets), res.text


def test_the_log_does_not_show_a_quoted_key(tmp_path: Path) -> None:
    """The retries of an LLM server's 500s are logged with its message, which quotes the key."""
    key = "sk-logged-5d2b8a-secret"
    port = _free_port()
    with quoting_llm(500) as llm:
        env = {**os.environ, "OPENAI_API_KEY": key, "SUMMARIZER_HOME": str(tmp_path / "home")}
        bin_dir = Path(sys.executable).parent
        proc = subprocess.Popen(
            [
                *(str(bin_dir / "summarizer"), "serve", "--port", str(port), "-vv"),
                *("--backend", "openai", "--base-url", f"http://{llm}", "--model", "m"),
                *("--run-timeout", "4", "--no-cache"),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(200):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            res = httpx.post(f"http://127.0.0.1:{port}/blurb", json={"text": TEXTS[0]}, timeout=60)
        finally:
            proc.terminate()
            out, err = proc.communicate(timeout=30)
    assert res.status_code in (502, 504), res.text
    assert "not allowed for Bearer [redacted]" in out + err  # the retries were logged
    assert key not in out + err + res.text


def test_a_request_finding_every_worker_busy_gets_503_at_once() -> None:
    """Ten slow-URL requests used to fill the six threads asyncio gives a two-core machine, and
    a one-article blurb queued behind them got a 504 after the whole limit, unstarted."""
    with web_server() as web, running(_config(fetch=CLI_POLICY, timeout=3.0, workers=2)) as url:
        with ThreadPoolExecutor(2) as pool:
            slow = [
                pool.submit(
                    httpx.post, f"{url}/blurb", json={"url": f"{web.url}/trickle"}, timeout=60
                )
                for _ in range(2)
            ]
            assert web.trickling.acquire(timeout=30) and web.trickling.acquire(timeout=30)
            busy = httpx.post(f"{url}/blurb", json={"text": TEXTS[0]}, timeout=60)
            answers = [f.result() for f in slow]
        assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
        assert "busy (2 runs at once)" in busy.json()["detail"]
        assert [a.status_code for a in answers] == [504, 504]
        for _ in range(100):  # the slots come back when the runs' threads end
            res = httpx.post(f"{url}/blurb", json={"text": TEXTS[0]}, timeout=60)
            if res.status_code != 503:
                break
            time.sleep(0.1)
        assert res.status_code == 200, res.text
