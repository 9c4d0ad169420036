"""The Dask blurbs job in local mode: same blurbs as `summarizer blurb`, failures kept, resumes.

One local cluster (2 worker processes) is shared by every test here: starting one is slow.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.jobs import done_ids, open_client, read_output, run_job
from summarizer.models import Blurb

from . import synthetic
from .conftest import ARTICLES

runner = CliRunner()


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    client = open_client(workers=2)
    yield client
    client.close()


def fixture_records() -> list[dict[str, Any]]:
    return [
        {"id": f"fx-{n}", "text": p.read_text(encoding="utf-8"), "source": "fixture", "url": None}
        for n, p in enumerate(sorted(ARTICLES.glob("*.txt")))
    ]


def generated_records(n: int = 24, seed: int = 7) -> list[dict[str, Any]]:
    """New articles made by mixing the fixtures' and the synthetic texts' paragraphs."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    texts += [synthetic.FLOOD_A, synthetic.FLOOD_B, synthetic.CUP_A]
    paragraphs = [p for t in texts for p in t.split("\n\n")[1:] if len(p.split()) > 12]
    records = []
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, k=rng.randint(2, 5)))
        records.append(
            {"id": f"gen-{i:03d}", "title": f"Generated article {i}", "text": body, "source": "gen"}
        )
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def cli_blurbs(path: Path) -> dict[str, Blurb]:
    """`summarizer blurb FILE --format json`: one Blurb per record, keyed by article id."""
    result = runner.invoke(app, ["blurb", str(path), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    blurbs = [Blurb.model_validate_json(line) for line in result.stdout.splitlines() if line]
    return {b.article_id: b for b in blurbs}


def comparable(b: Blurb) -> dict[str, Any]:
    """A blurb without its timing and input file name (what differs between two runs)."""
    data = b.model_dump(exclude={"usage": {"seconds"}})
    for source in data["sources"]:
        for outlet in source["outlets"]:
            outlet["file"] = None
    return data


def assert_same_as_cli(out: Path, input_path: Path, expected_ids: set[str]) -> None:
    rows = read_output(str(out))
    assert {r.id for r in rows} == expected_ids
    assert all(r.status == "ok" for r in rows), [r.error for r in rows if r.error]
    cli = cli_blurbs(input_path)
    assert len(cli) == len(rows)
    for row in rows:
        assert row.result is not None
        job = Blurb.model_validate_json(row.result)
        assert comparable(job) == comparable(cli[job.article_id])
        assert job.claims, row.id
        assert row.blurb.strip()


def test_job_gives_the_same_blurbs_as_the_cli_on_the_fixtures(
    tmp_path: Path, dask_client: Any
) -> None:
    records = fixture_records()
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    out = tmp_path / "out"
    report = run_job(str(src), str(out), client=dask_client, batch_size=2, blocksize=4096)
    assert (report.computed, report.ok, report.failed, report.skipped) == (len(records),) * 2 + (
        0,
        0,
    )
    assert report.tasks > 1  # small blocks: the work really is spread over tasks
    assert report.parts == len(list(out.glob("part-*.jsonl")))
    assert_same_as_cli(out, src, {r["id"] for r in records})


def test_job_on_a_generated_parquet_set_matches_the_cli(tmp_path: Path, dask_client: Any) -> None:
    records = generated_records()
    src = tmp_path / "archive.parquet"
    pq.write_table(pa.Table.from_pylist(records), src, row_group_size=5)  # 5 tasks
    out = tmp_path / "out"
    report = run_job(str(src), str(out), client=dask_client, out_format="parquet", batch_size=4)
    assert report.tasks == 5 and report.computed == len(records) and report.failed == 0
    assert list(out.glob("part-*.parquet"))
    assert_same_as_cli(
        out, write_jsonl(tmp_path / "same.jsonl", records), {r["id"] for r in records}
    )


def test_rerun_after_an_interrupted_run_computes_only_what_is_missing(
    tmp_path: Path, dask_client: Any
) -> None:
    records = generated_records(20, seed=11)
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    out = tmp_path / "out"
    full = run_job(str(src), str(out), client=dask_client, batch_size=3, blocksize=8192)
    assert full.computed == 20
    before = {r.id: r for r in read_output(str(out))}
    # the interruption: some batches never written, one left half-written under its temp name
    parts = sorted(out.glob("part-*.jsonl"))
    lost = parts[::2]
    lost_ids = {json.loads(line)["id"] for p in lost for line in p.read_text().splitlines()}
    (out / "_tmp-part-crashed.jsonl").write_text(lost[0].read_text()[:50])
    for p in lost:
        p.unlink()
    assert done_ids(str(out)) == set(before) - lost_ids

    again = run_job(str(src), str(out), client=dask_client, batch_size=3, blocksize=8192)
    assert again.computed == len(lost_ids)
    assert again.skipped == 20 - len(lost_ids)
    after = {r.id: r for r in read_output(str(out))}
    assert after.keys() == before.keys()  # one row per article, none twice
    for rid, row in after.items():
        assert comparable(Blurb.model_validate_json(row.result or "")) == comparable(
            Blurb.model_validate_json(before[rid].result or "")
        )

    third = run_job(str(src), str(out), client=dask_client, blocksize=8192)
    assert (third.computed, third.skipped, third.parts) == (0, 20, 0)


def test_failures_are_rows_with_their_reason(tmp_path: Path, dask_client: Any) -> None:
    good = fixture_records()[:2]
    src = tmp_path / "mixed.jsonl"
    lines = [json.dumps(r) for r in good]
    lines += ['{"id": "empty", "text": "  "}', '{"id": "broken", "text": ', '["not", "an object"]']
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    report = run_job(str(src), str(out), client=dask_client)
    assert (report.computed, report.ok, report.failed) == (5, 2, 3)
    rows = {r.id: r for r in read_output(str(out))}
    assert rows["empty"].status == "failed" and "empty 'text'" in (rows["empty"].error or "")
    [broken] = [r for r in rows.values() if "not valid JSON" in (r.error or "")]
    assert broken.status == "failed" and broken.result is None
    [not_object] = [r for r in rows.values() if r.id.startswith("sha256:")]
    assert "expected an object" in (not_object.error or "")


def test_cli_runs_on_a_cluster_address_and_rejects_bad_input(
    tmp_path: Path, dask_client: Any
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    address = dask_client.scheduler.address
    out = tmp_path / "out"
    ok = runner.invoke(app, ["blurbs-job", str(src), str(out), "--address", address])
    assert ok.exit_code == 0, ok.output
    assert "2 computed (2 ok, 0 failed), 0 already done" in ok.stderr
    missing = runner.invoke(app, ["blurbs-job", str(tmp_path / "nope.jsonl"), str(out)])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Error: ") and "no such file" in missing.stderr
    bad = runner.invoke(app, ["blurbs-job", str(src), str(out), "--format", "csv"])
    assert bad.exit_code == 2
    csv = tmp_path / "a.csv"
    csv.write_text("id,text\n1,hello\n")
    wrong = runner.invoke(app, ["blurbs-job", str(csv), str(out)])
    assert wrong.exit_code == 2 and "reads .jsonl or .parquet" in wrong.stderr


def test_llm_job_shares_one_cache_across_workers(
    tmp_path: Path, dask_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recorded LLM answers (replay backend): the workers fill one SQLite cache, and a rerun
    of lost batches is answered from it with zero calls."""
    from summarizer.llm.cache import ResponseCache
    from summarizer.settings import Settings

    records = fixture_records()
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    cache = tmp_path / "cache"
    settings = Settings(
        backend="replay", recordings=ARTICLES.parent / "recordings", cache_dir=cache
    )
    out = tmp_path / "out"
    first = run_job(str(src), str(out), settings=settings, client=dask_client, blocksize=4096)
    # every recorded answer is valid since prompts v4 (numbered DATA lines): all rows written
    assert first.ok == len(records) and first.failed == 0 and first.tasks > 1
    rows = read_output(str(out))
    blurbs = [Blurb.model_validate_json(r.result or "") for r in rows if r.status == "ok"]
    assert {b.engine for b in blurbs} == {"replay:SmolLM2-135M-Instruct"}
    assert sum(b.usage.calls for b in blurbs) >= len(blurbs)
    monkeypatch.chdir(ARTICLES.parent.parent)  # the CLI's replay backend reads fixtures/recordings
    result = runner.invoke(app, ["blurb", str(src), "--backend", "replay", "-f", "json", "-q"])
    cli = {b.article_id: b for b in map(Blurb.model_validate_json, result.stdout.splitlines())}
    for b in blurbs:
        expected = cli[b.article_id]
        assert [c.model_dump() for c in b.claims] == [c.model_dump() for c in expected.claims]
    assert len(ResponseCache(cache / "responses.sqlite3")) >= len(blurbs)

    for part in out.glob("part-*"):
        part.unlink()
    again = run_job(str(src), str(out), settings=settings, client=dask_client, blocksize=4096)
    assert again.computed == len(records)
    rerun = [Blurb.model_validate_json(r.result or "") for r in read_output(str(out)) if r.result]
    assert len(rerun) == len(blurbs)
    assert all(b.usage.calls == 0 and b.usage.cache_hits >= 1 for b in rerun)


def test_retry_failed_recomputes_only_the_failed_rows(tmp_path: Path, dask_client: Any) -> None:
    """A plain rerun keeps a failure (it counts as done); --retry-failed computes it again,
    here after its record was fixed upstream, and leaves one row per article."""
    records = fixture_records()[:3]
    broken = [{"id": "late", "text": "   "}, {"id": "later", "text": ""}]
    src = write_jsonl(tmp_path / "archive.jsonl", [records[0], broken[0], *records[1:], broken[1]])
    out = tmp_path / "out"
    first = run_job(str(src), str(out), client=dask_client, batch_size=2)
    assert (first.computed, first.ok, first.failed) == (5, 3, 2)
    ok_before = {r.id: r for r in read_output(str(out)) if r.status == "ok"}

    fixed = [dict(r, text=synthetic.FLOOD_A if r["id"] == "late" else r["text"]) for r in broken]
    write_jsonl(src, [records[0], fixed[0], *records[1:], fixed[1]])
    plain = run_job(str(src), str(out), client=dask_client, batch_size=2)
    assert (plain.computed, plain.skipped, plain.retried) == (0, 5, 0)

    retry = run_job(str(src), str(out), client=dask_client, batch_size=2, retry_failed=True)
    assert (retry.retried, retry.computed, retry.skipped) == (2, 2, 3)
    assert (retry.ok, retry.failed) == (1, 1)  # "late" is fixed; "later" is still empty
    rows = {r.id: r for r in read_output(str(out))}
    assert len(rows) == len(read_output(str(out))) == 5  # one row per article
    assert rows["late"].status == "ok" and "Brennick" in rows["late"].blurb
    assert rows["later"].status == "failed" and "empty 'text'" in (rows["later"].error or "")
    assert {k: v for k, v in rows.items() if k in ok_before} == ok_before  # untouched
    assert not list(out.glob("_tmp-*"))

    cli = runner.invoke(
        app,
        ["blurbs-job", str(src), str(out), "--retry-failed"]
        + ["--address", dask_client.scheduler.address],
    )
    assert cli.exit_code == 0, cli.output
    assert "1 computed (0 ok, 1 failed), 4 already done (1 failed rows retried)" in cli.stderr
