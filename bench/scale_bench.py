"""Newsroom scale (not a test; run on demand): a whole extractive briefing of 1,000 and 10,000
articles, with seconds per stage and peak RSS.

The corpus is built from the articles of ../shared/eval/clusters-dev (BASIL, ECB+, DUC 2003,
MultiLing 2011; 1,681 articles): each original shorter than 550 words is extended with
paragraphs of another article of the same event, so articles are about 600 words. A corpus of N
takes the originals first (shuffled), then, past them, 30% syndicated copies (small edits: a
headline tag, two words changed, a credit line; they collapse in dedup) and 70% rewrites
(paragraphs of two or three articles of one event, shuffled: distinct text that dedup keeps).
Every article is written as a ``.txt`` file, as a newsroom's feed folder would hold them.

Each size runs in a fresh subprocess: ``pipeline.briefing`` on the folder, as the CLI calls it,
with timers wrapped around each stage's function (ingest, dedup, stories, sentence merge, write,
verify; the rest is "other"), then peak RSS of that process. Then the same folder through the
real CLI (``summarizer briefing DIR --format json``) for the end-to-end wall time and peak RSS.

    python bench/scale_bench.py ../shared/eval/clusters-dev --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

SWAPS = [("said", "stated"), ("the ", "this "), ("on ", "during "), (" and ", " as well as ")]
TARGET_WORDS = 550


def events(data: Path) -> list[list[str]]:
    """The texts of each event (or cluster) of the dev sets."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in ("basil_events.jsonl", "ecbplus_events.jsonl"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                text = f"{doc['title']}\n\n{doc['text']}" if doc.get("title") else doc["text"]
                groups[f"{name}:{doc['event_id']}"].append(text)
    for name in ("duc2003_clusters.jsonl", "multiling2011_en_clusters.jsonl"):
        for n, line in enumerate((data / name).read_text(encoding="utf-8").splitlines()):
            if line.strip():
                groups[f"{name}:{n}"] = [d["text"] for d in json.loads(line)["docs"]]
    return [texts for texts in groups.values() if texts]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def extend(text: str, others: list[str]) -> str:
    """``text`` with paragraphs of the same event's other articles until ~600 words."""
    paras = paragraphs(text)
    words = sum(len(p.split()) for p in paras)
    for other in others:
        for p in paragraphs(other)[1:]:
            if words >= TARGET_WORDS:
                return "\n\n".join(paras)
            paras.append(p)
            words += len(p.split())
    return "\n\n".join(paras)


def syndicate(text: str, rng: random.Random, outlet: str) -> str:
    """A copy with small edits, as another outlet would run the wire story."""
    paras = paragraphs(text)
    paras[0] = f"{paras[0]} | {outlet}"
    body = "\n\n".join(paras)
    for old, new in rng.sample(SWAPS, 2):
        body = body.replace(old, new, 1)
    return f"{body}\n\nDistributed to {outlet} by the wire."


def rewrite(event: list[str], rng: random.Random) -> str:
    """Paragraphs of two or three articles of one event, shuffled: a distinct article."""
    picked = rng.sample(event, min(len(event), rng.choice((2, 3))))
    paras = [p for t in picked for p in paragraphs(t)[1:]]
    rng.shuffle(paras)
    head = paragraphs(picked[0])[0]
    out, words = [f"Update: {head}"], 0
    for p in paras:
        if words >= TARGET_WORDS + 50:
            break
        out.append(p)
        words += len(p.split())
    return "\n\n".join(out)


def corpus(data: Path, size: int, seed: int = 7) -> list[str]:
    return [text for text, _ in labelled_corpus(data, size, seed)]


def labelled_corpus(data: Path, size: int, seed: int = 7) -> list[tuple[str, int]]:
    """``size`` texts, each with its event's number: the originals, then 30% syndicated copies
    and 70% rewrites (paragraphs of two or three articles of one event)."""
    rng = random.Random(seed)
    groups = events(data)
    originals = [
        (extend(t, [o for o in texts if o is not t]), gi)
        for gi, texts in enumerate(groups)
        for t in texts
    ]
    rng.shuffle(originals)
    out = list(originals[:size])
    while len(out) < size:
        if rng.random() < 0.3:
            text, gi = rng.choice(originals)
            out.append((syndicate(text, rng, f"Outlet {len(out):05d}"), gi))
        else:
            _, gi = rng.choice(originals)
            out.append((rewrite([t for t, g in originals if g == gi], rng), gi))
    return out


def write_folder(texts: list[str], folder: Path) -> None:
    for n, text in enumerate(texts):
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")


def staged_run(folder: Path) -> dict[str, Any]:
    """One in-process briefing of ``folder`` with a timer around each stage's function."""
    from summarizer import dedup, pipeline, stories

    seconds: dict[str, float] = defaultdict(float)
    cpu_seconds: dict[str, float] = defaultdict(float)

    def timer(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - start
                cpu_seconds[stage] += time.process_time() - cpu

        return wrapped

    pipeline._many_articles = timer("ingest", pipeline._many_articles)  # type: ignore[assignment]
    dedup.dedupe_articles = timer("dedup", dedup.dedupe_articles)  # type: ignore[assignment]
    dedup.merge_sentences = timer("sentence merge", dedup.merge_sentences)  # type: ignore[assignment]
    stories.cluster_stories = timer("stories", stories.cluster_stories)  # type: ignore[assignment]
    pipeline.verify_claims = timer("verify", pipeline.verify_claims)  # type: ignore[assignment]
    real_writer = pipeline.get_writer

    def get_writer(settings: Any) -> Any:
        writer = real_writer(settings)
        writer.write = timer("write", writer.write)
        return writer

    pipeline.get_writer = get_writer  # type: ignore[assignment]
    start, cpu = time.perf_counter(), time.process_time()
    result = pipeline.briefing(
        [folder], backend="extractive"
    )  # the default budget: every story it reaches is written
    total = time.perf_counter() - start
    return {
        "seconds": dict(seconds),
        "cpu_seconds": dict(cpu_seconds),
        "total": total,
        "cpu": time.process_time() - cpu,
        "stories": len(result.stories),
        "claims": len(result.claims),
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cli_run(folder: Path) -> tuple[float, float, int]:
    """The real CLI on ``folder``: wall seconds, peak RSS (MiB) of that process, exit code."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "summarizer", "briefing", str(folder), "--format", "json"]
        cmd += ["-q", "--backend", "extractive", "-o", str(Path(out) / "b.json")]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        print(err.decode(errors="replace").strip()[-400:])
    return wall, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="../shared/eval/clusters-dev")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--staged", type=Path, help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    if args.staged:
        print(json.dumps(staged_run(args.staged)))
        return
    print(f"cores: {os.cpu_count()}")
    for raw in args.sizes.split(","):
        size = int(raw)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            texts = corpus(args.data, size)
            write_folder(texts, folder)
            words = sum(len(t.split()) for t in texts)
            print(f"\n== {size} articles, {words / size:.0f} words each on average")
            child = subprocess.run(
                [sys.executable, __file__, str(args.data), "--staged", str(folder)],
                capture_output=True,
                text=True,
            )
            if child.returncode:
                print(child.stderr[-2000:])
                continue
            stats = json.loads(child.stdout.strip().splitlines()[-1])
            staged = sum(stats["seconds"].values())
            staged_cpu = sum(stats["cpu_seconds"].values())
            print(f"  {'stage':<15} {'wall s':>7} {'CPU s':>7}")
            for stage, sec in sorted(stats["seconds"].items(), key=lambda kv: -kv[1]):
                print(f"  {stage:<15} {sec:7.2f} {stats['cpu_seconds'][stage]:7.2f}")
            other_cpu = stats["cpu"] - staged_cpu
            print(f"  {'other':<15} {stats['total'] - staged:7.2f} {other_cpu:7.2f}")
            print(
                f"  in-process total {stats['total']:.2f} s wall, {stats['cpu']:.2f} s CPU; "
                f"{stats['stories']} stories, {stats['claims']} claims; "
                f"peak RSS {stats['max_rss_mib']:.0f} MiB"
            )
            wall, rss, code = cli_run(folder)
            print(
                f"  CLI `summarizer briefing DIR --format json`: {wall:.2f} s wall, "
                f"peak RSS {rss:.0f} MiB, exit {code}"
            )


if __name__ == "__main__":
    main()
