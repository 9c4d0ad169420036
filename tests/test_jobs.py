"""The Dask blurbs job in local mode: same blurbs as `summarizer blurb`, failures kept, resumes.

One local cluster (2 worker processes) is shared by every test here: starting one is slow.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ConfigError, InputError
from summarizer.jobs import (
    MANIFEST,
    blurb_row,
    done_ids,
    open_client,
    read_output,
    record_article,
    run_job,
)
from summarizer.models import Blurb
from summarizer.settings import Settings

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
    assert not list(out.glob("_tmp-*"))  # the half-written file of the crash is gone
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


def test_an_article_with_no_blurb_is_a_failed_row_not_a_message(
    tmp_path: Path, dask_client: Any
) -> None:
    """A row's blurb was "(no claim passed verification)" with status ok: pasted into a page,
    the tool's message would read as the summary. As the blurb command: failed, with why."""
    src = write_jsonl(tmp_path / "a.jsonl", [*fixture_records()[:1], {"id": "tiny", "text": "a"}])
    out = tmp_path / "out"
    report = run_job(str(src), str(out), client=dask_client)
    assert (report.computed, report.ok, report.failed) == (2, 1, 1)
    rows = {r.id: r for r in read_output(str(out))}
    assert rows["tiny"].status == "failed" and rows["tiny"].blurb in (None, "")
    assert rows["tiny"].error.startswith("no blurb: nothing to summarise")


def test_cli_runs_on_a_cluster_address_and_rejects_bad_input(
    tmp_path: Path, dask_client: Any
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    address = dask_client.scheduler.address
    out = tmp_path / "out"
    ok = runner.invoke(app, ["blurbs-job", str(src), str(out), "--address", address])
    assert ok.exit_code == 0, ok.output
    assert "2 computed (2 ok, 0 failed), 0 already done" in ok.stderr
    home = Path(os.environ["SUMMARIZER_HOME"])  # `quiet = true` in the config was ignored here
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("quiet = true\n", encoding="utf-8")
    rerun = runner.invoke(app, ["blurbs-job", str(src), str(out), "--address", address])
    assert rerun.exit_code == 0 and rerun.stderr == "", rerun.output
    (home / "config.toml").unlink()
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
    from summarizer.render import no_blurb_reason
    from summarizer.settings import Settings

    records = fixture_records()
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    cache = tmp_path / "cache"
    settings = Settings(
        backend="replay", recordings=ARTICLES.parent / "recordings", cache_dir=cache
    )
    out = tmp_path / "out"
    first = run_job(str(src), str(out), settings=settings, client=dask_client, blocksize=4096)
    # every recorded answer is valid JSON since prompts v4 (numbered DATA lines), but the small
    # recorded model's claims can all fail verification: that article is a failed row, "no
    # blurb", as the blurb command makes it an error line
    assert first.ok + first.failed == len(records) and first.ok > 0 and first.tasks > 1
    rows = read_output(str(out))
    blurbs = [Blurb.model_validate_json(r.result or "") for r in rows if r.status == "ok"]
    empty = [r.error or "" for r in rows if r.status == "failed"]
    assert all(error.startswith("no blurb: ") for error in empty) and len(empty) == first.failed
    assert {b.engine for b in blurbs} == {"replay:SmolLM2-135M-Instruct"}
    assert all(no_blurb_reason(b) is None for b in blurbs)
    assert sum(b.usage.calls for b in blurbs) >= len(blurbs)
    monkeypatch.chdir(ARTICLES.parent.parent)  # the CLI's replay backend reads fixtures/recordings
    result = runner.invoke(app, ["blurb", str(src), "--backend", "replay", "-f", "json", "-q"])
    cli = {b.article_id: b for b in map(Blurb.model_validate_json, result.stdout.splitlines())}
    assert cli.keys() == {b.article_id for b in blurbs}  # the same articles get no blurb
    lines = result.stderr.splitlines()
    said = [line[line.index("no blurb: ") :] for line in lines if "no blurb: " in line]
    assert sorted(empty) == sorted(said)
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


# -- what a careless user does (round 6 QA) ------------------------------------------------------


def test_bad_lines_fail_alone_and_odd_but_valid_lines_are_read(
    tmp_path: Path, dask_client: Any
) -> None:
    """A Latin-1 line in the middle, a UTF-8 byte order mark, a text with U+2028 (valid
    unescaped in JSON), and an id given twice: before, the Latin-1 line crashed the whole job
    with a traceback and U+2028 split its line into two broken JSON rows."""
    good = fixture_records()[:2]
    latin = '{"id": "latin", "text": "Caf\xe9 owners said the caf\xe9 reopens in May."}'
    sep = dict(good[1], id="sep", text=good[1]["text"].replace(". ", ".\u2028 ", 1))
    twice = dict(good[1], id=good[0]["id"])  # another article under an id already used
    body = b"\xef\xbb\xbf" + json.dumps(good[0]).encode() + b"\n" + latin.encode("latin-1")
    body += b"\n" + json.dumps(sep, ensure_ascii=False).encode() + b"\n"
    body += json.dumps(twice).encode() + b"\n" + json.dumps(good[1]).encode() + b"\n"
    src = tmp_path / "archive.jsonl"
    src.write_bytes(body)
    out = tmp_path / "out"
    report = run_job(str(src), str(out), client=dask_client)
    assert (report.computed, report.ok, report.failed, report.duplicates) == (4, 3, 1, 1)
    rows = {r.id: r for r in read_output(str(out))}
    assert rows.keys() == {good[0]["id"], good[1]["id"], "sep", f"{src}@0+1"}
    assert "not valid UTF-8 (byte" in (rows[f"{src}@0+1"].error or "")
    assert rows["sep"].status == "ok" and rows[good[0]["id"]].status == "ok"
    # the first record with an id is the one kept; the CLI warns about the other
    assert rows[good[0]["id"]].article_id == record_article(good[0]).id

    cli = runner.invoke(
        app, ["blurbs-job", str(src), str(tmp_path / "cli"), "--address", address(dask_client)]
    )
    assert cli.exit_code == 0, cli.output
    assert "Warning: skipped 1 record(s) whose id came earlier" in cli.stderr


def address(client: Any) -> str:
    return str(client.scheduler.address)


def test_unusable_inputs_and_outputs_are_refused_before_any_work(tmp_path: Path) -> None:
    """One-line errors, exit 2, and nothing of the user's written over or read as output.
    Before: an output path that is a file (or the input file itself) gave a traceback, an
    output directory inside the input directory was filled with part files that the rerun
    then read as articles, and an empty archive 'succeeded' with nothing done."""
    indir = tmp_path / "in"
    indir.mkdir()
    src = write_jsonl(indir / "a.jsonl", fixture_records()[:1])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "report.docx").write_text("theirs")
    (indir / "out").mkdir()  # an empty folder in the input, reached through a link
    (tmp_path / "link").symlink_to(indir / "out")
    cases = {
        "must not be the input, nor lie in it or hold it": [str(indir), str(tmp_path / "link")],
        "is a file": [str(src), str(afile)],
        "must not be the input": [str(src), str(src)],
        "must not be the input, nor lie in it": [str(indir), str(indir / "out")],
        "nor lie in it or hold it": [f"{indir}/*.jsonl", str(indir)],
        "holds files that are not part files of a blurbs job (report.docx)": [
            str(src),
            str(theirs),
        ],
        "no articles (the input files are empty)": [str(empty), str(tmp_path / "o")],
    }
    for expected, args in cases.items():
        result = runner.invoke(app, ["blurbs-job", *args])
        assert result.exit_code == 2, (expected, result.output)
        assert result.stderr.startswith("Error: ") and expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert afile.read_text() == "mine" and src.read_text().startswith("{")
    assert sorted(p.name for p in indir.iterdir()) == ["a.jsonl", "out"]
    assert not list((indir / "out").iterdir())  # before: part files written there
    assert sorted(p.name for p in theirs.iterdir()) == ["report.docx"]
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("out_format", ["jsonl", "parquet"])
def test_a_part_file_cut_short_is_one_line_with_retry_failed_too(
    tmp_path: Path, dask_client: Any, out_format: str
) -> None:
    """Before: a rerun named the unreadable part file, but --retry-failed (which reads every
    part file to take its failures out) gave a JSONDecodeError or ArrowInvalid traceback."""
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    out = tmp_path / "out"
    run_job(str(src), str(out), client=dask_client, out_format=out_format)  # type: ignore[arg-type]
    [part] = out.glob("part-*")
    part.write_bytes(part.read_bytes()[:50])
    for extra in ([], ["--retry-failed"]):
        result = runner.invoke(app, ["blurbs-job", str(src), str(out), "-f", out_format, *extra])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {part}: not a part file of a blurbs job")
        assert len(result.stderr.strip().splitlines()) == 1
    assert part.stat().st_size == 50 and not (out / "_summarizer-job.lock").exists()


def test_a_scheduler_without_workers_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: --address of a scheduler whose workers were not up waited 30 s, then gave the
    scatter's "TimeoutError: No valid workers found" traceback, exit 1."""
    from distributed import LocalCluster

    import summarizer.jobs as jobs

    monkeypatch.setattr(jobs, "WORKER_WAIT", 0.5)
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:1])
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        address_ = cluster.scheduler_address
        args = ["blurbs-job", str(src), str(tmp_path / "out"), "--address", address_]
        result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: the Dask scheduler at {address_} has no workers (waited 0 s): start some "
        "(dask worker ADDRESS), or leave out --address for a local cluster\n"
    )
    assert not list((tmp_path / "out").glob("part-*"))


def test_an_empty_path_or_a_url_it_cannot_open_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: an object-store URL without its package (the README's s3:// without s3fs) or
    an unknown protocol was a bare ImportError or ValueError traceback (exit 1), and an empty
    output ("$OUT" unset) was the working directory (refused, if at all, as "the input")."""
    from fsspec.registry import known_implementations

    monkeypatch.setitem(
        known_implementations,
        "zzfs",
        {"class": "no_such_package.ZzFileSystem", "err": "Install zzfs to access ZZ"},
    )
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:1])
    out = str(tmp_path / "out")
    cases = {
        "zzfs://bucket/a.jsonl: Install zzfs to access ZZ": ["zzfs://bucket/a.jsonl", out],
        "zzfs://bucket/out: Install zzfs to access ZZ": [str(src), "zzfs://bucket/out"],
        "nosuchproto://x: Protocol not known: nosuchproto": [str(src), "nosuchproto://x"],
        "an empty path was given": [str(src), ""],
        "an empty path was given (an unset": [" ", out],
    }
    for expected, args in cases.items():
        result = runner.invoke(app, ["blurbs-job", *args])
        assert result.exit_code == 2, (expected, result.output)
        assert result.stderr.startswith("Error: ") and expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_a_rerun_with_other_options_is_refused_not_mixed(tmp_path: Path, dask_client: Any) -> None:
    """Before: a rerun with -f parquet or -n 1 silently skipped every article done before,
    so the output held no parquet file / blurbs of mixed lengths without a word."""
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    out = tmp_path / "out"
    base = ["blurbs-job", str(src), str(out), "--address", address(dask_client)]
    assert runner.invoke(app, base).exit_code == 0
    for extra, expected in (
        (["-f", "parquet"], "format='jsonl', this run has format='parquet'"),
        (["-n", "1"], "sentences=3, this run has sentences=1"),
        (["--backend", "replay"], "engine='extractive', this run has engine='replay'"),
    ):
        result = runner.invoke(app, [*base, *extra])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("Error: ") and expected in result.stderr
    same = runner.invoke(app, [*base, "-n", "3", "--batch-size", "1"])  # same blurbs: fine
    assert same.exit_code == 0 and "0 computed" in same.stderr and "2 already done" in same.stderr
    assert json.loads((out / "_summarizer-job.json").read_text())["format"] == "jsonl"

    old = tmp_path / "old"  # an output from before the manifest: the format must still match
    old.mkdir()
    for part in out.glob("part-*"):
        pq.write_table(
            pa.Table.from_pylist([json.loads(x) for x in part.read_text().split("\n") if x]),
            old / f"{part.stem}.parquet",
        )
    with pytest.raises(ConfigError, match="holds parquet part files, this run writes jsonl"):
        run_job(str(src), str(old), client=dask_client)
    assert run_job(str(src), str(old), client=dask_client, out_format="parquet").skipped == 2


def test_a_rerun_on_a_full_disk_is_one_line_and_changes_nothing(
    tmp_path: Path, dask_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIMULATED full disk on a rerun. Before: the lock file (every rerun) and the rewrite of
    a part file without its failed rows (--retry-failed) raised a bare OSError traceback."""
    import summarizer.jobs as jobs

    records = [*fixture_records()[:1], {"id": "empty", "text": ""}]  # one ok, one failed
    src = write_jsonl(tmp_path / "a.jsonl", records)
    out = tmp_path / "out"
    run_job(str(src), str(out), client=dask_client)
    [part] = out.glob("part-*")
    before = part.read_bytes()
    real = jobs._filesystem
    for disk, extra, expected in (
        (_FullDisk, ["--retry-failed"], f"Error: {part}: cannot take its failed rows out"),
        (_NothingWritable, [], f"Error: {out}: cannot write there ([Errno 28] No space"),
    ):

        def on_disk(url: str, so: Any, disk: Any = disk) -> tuple[Any, str]:
            fs, path = real(url, so)
            return disk(fs), path

        monkeypatch.setattr(jobs, "_filesystem", on_disk)
        result = runner.invoke(app, ["blurbs-job", str(src), str(out), *extra])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(expected), result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert sorted(p.name for p in out.iterdir()) == [MANIFEST, part.name]
        assert part.read_bytes() == before


class _NothingWritable:
    """A local file system where no file can be written (SIMULATED full disk)."""

    def __init__(self, fs: Any) -> None:
        self.fs = fs

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fs, name)

    def open(self, path: str, mode: str = "rb", **kw: Any) -> Any:
        if "w" in mode:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.fs.open(path, mode, **kw)


class _FullDisk:
    """A local file system whose part files fail half-way, as on a full disk (SIMULATED)."""

    def __init__(self, fs: Any) -> None:
        self.fs = fs

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fs, name)

    def open(self, path: str, mode: str = "rb", **kw: Any) -> Any:
        handle = self.fs.open(path, mode, **kw)
        if "w" in mode and "part-" in path:

            def write(data: bytes) -> int:
                handle.f.write(data[:10])
                raise OSError(errno.ENOSPC, "No space left on device")

            handle.write = write
        return handle


def test_a_full_disk_stops_the_job_with_one_line_and_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers in this process (threads), so the simulated full disk reaches them. Before:
    a traceback, and the temporary part file stayed half-written."""
    from distributed import Client

    import summarizer.jobs as jobs

    real = jobs._filesystem
    monkeypatch.setattr(
        jobs, "_filesystem", lambda url, so: (lambda fs, p: (_FullDisk(fs), p))(*real(url, so))
    )
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    out = tmp_path / "out"
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as c:
        result = runner.invoke(app, ["blurbs-job", str(src), str(out), "--address", address(c)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ") and "No space left on device" in result.stderr
    assert "run again to go on" in result.stderr and "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == ["_summarizer-job.json"]  # no _tmp-, no part


def test_interrupt_and_sigterm_say_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.jobs as jobs
    from summarizer.cli import _sigterm_interrupts

    with pytest.raises(KeyboardInterrupt), _sigterm_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives before this ends
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs, "run_job", interrupted)
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:1])
    result = runner.invoke(app, ["blurbs-job", str(src), str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "Interrupted: the part files written so far are kept" in result.stderr


def test_long_runs_show_progress_without_dask_chatter(
    tmp_path: Path, dask_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.cli_scale as cli_scale
    import summarizer.jobs as jobs

    monkeypatch.setattr(cli_scale, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(jobs, "DEFAULT_BLOCKSIZE", 4096)  # several blocks
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records())
    result = runner.invoke(
        app, ["blurbs-job", str(src), str(tmp_path / "out"), "--address", address(dask_client)]
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("blocks 1/") and lines[-1].startswith("articles: ")
    assert not [x for x in lines if "distributed" in x]


def test_an_id_in_two_files_is_reported(tmp_path: Path, dask_client: Any) -> None:
    """Two daily dumps holding the same article: the blocks run apart, so it gets a row from
    each; before, silently, now counted and warned about (and a rerun skips both)."""
    records = fixture_records()[:3]
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "day1.jsonl", records[:2])
    write_jsonl(tmp_path / "in" / "day2.jsonl", records[1:])
    out = tmp_path / "out"
    report = run_job(str(tmp_path / "in"), str(out), client=dask_client)
    assert (report.computed, report.repeated, report.duplicates) == (4, 1, 0)
    assert [r.id for r in read_output(str(out))].count(records[1]["id"]) == 2
    cli = runner.invoke(
        app,
        [
            "blurbs-job",
            str(tmp_path / "in"),
            str(tmp_path / "o2"),
            "--address",
            address(dask_client),
        ],
    )
    assert cli.exit_code == 0 and "Warning: 1 id(s) are in two input blocks" in cli.stderr
    again = run_job(str(tmp_path / "in"), str(out), client=dask_client)
    assert (again.computed, again.skipped, again.repeated) == (0, 4, 0)


def test_a_copy_of_a_file_gives_the_rows_the_warning_counts(
    tmp_path: Path, dask_client: Any
) -> None:
    """Before: the part files were named by their ids alone, so a copy of a file (same ids,
    same batches) wrote the same part files over the first ones, at once from two workers:
    one row per id was left while the warning said "two rows each", and an article under a
    reused id was lost without a word."""
    records = fixture_records()[:4]
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "day1.jsonl", records)
    write_jsonl(tmp_path / "in" / "copy.jsonl", records)
    out = tmp_path / "out"
    report = run_job(str(tmp_path / "in"), str(out), client=dask_client, batch_size=2)
    assert (report.computed, report.repeated, report.parts) == (8, 4, 4)
    rows = read_output(str(out))
    assert len(list(out.glob("part-*"))) == 4 and len(rows) == 8
    assert sorted(r.id for r in rows) == sorted(2 * [r["id"] for r in records])


def test_a_job_that_cannot_run_says_so_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: --backend openai without a key ran the whole archive and wrote every article as
    a failed row ("needs OPENAI_API_KEY"), and a bad --address was a traceback."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    for extra, expected in (
        (["--backend", "openai"], "Error: --backend openai needs OPENAI_API_KEY"),
        (["--address", "nonsense"], "Error: cannot reach the Dask scheduler at nonsense"),
    ):
        result = runner.invoke(app, ["blurbs-job", str(src), str(tmp_path / "out"), *extra])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(expected) and len(result.stderr.splitlines()) == 1
    assert not list((tmp_path / "out").glob("part-*"))


def test_a_record_without_text_names_its_fields() -> None:
    row = blurb_row("n1", {"id": "n1", "body": "words"}, Settings())
    assert row.status == "failed"
    assert row.error == "missing or empty 'text' field (its fields: body, id)"


def test_a_record_is_read_as_the_cli_reads_it(tmp_path: Path) -> None:
    """Before: an HTML body (a CMS export) was blurbed with its tags ("<p>The council ...")
    where `summarizer blurb` reads its text; an unreadable 'published' failed the row as an
    "internal error: ValidationError" where the CLI ignores the date with a warning; a list
    given as the title was kept as its Python repr ("['a', 'b']")."""
    body = synthetic.FLOOD_A.split("\n\n")[1:]
    record = {
        "id": "cms-1",
        "text": "".join(f"<p>{p}</p>" for p in body),
        "published": "yesterday-ish",
        "title": ["a", "b"],
        "source": {"name": "Daily"},
    }
    row = blurb_row("cms-1", record, Settings())
    assert row.status == "ok", row.error
    assert "<p>" not in row.blurb and "['a'" not in (row.title or "")
    assert row.source == "Daily"  # NewsAPI's outlet object, by its name (ingest.RECORD_FIELDS)
    cli = cli_blurbs(write_jsonl(tmp_path / "cms.jsonl", [record]))
    assert row.result is not None and row.article_id in cli
    assert comparable(Blurb.model_validate_json(row.result)) == comparable(cli[row.article_id])


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ({"body": ["words"]}, "no 'text' column (its columns: id, body)"),
        ({"text": pa.array([b"words"], pa.binary())}, "the 'text' column holds binary"),
        ({"text": pa.array([7], pa.int64())}, "the 'text' column holds int64"),
    ],
)
def test_a_parquet_file_without_article_texts_is_refused_before_any_work(
    tmp_path: Path, column: dict[str, Any], expected: str
) -> None:
    """Before: every row became a failed row ("missing or empty 'text' field": misleading for
    a binary column), the job exited 0, and a rerun counted them all as done."""
    src = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["a1"], **column}), src)
    result = runner.invoke(app, ["blurbs-job", str(src), str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ") and expected in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()
    as_dictionary = pa.array(["a text"]).dictionary_encode()  # strings all the same
    pq.write_table(pa.table({"id": ["a1"], "text": as_dictionary}), src)
    assert len(jobs_input_partitions(str(src))) == 1


def test_a_parquet_row_group_is_shared_among_the_workers(
    tmp_path: Path, dask_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: one task per row group, and pandas or pyarrow write up to a million rows in
    one group: the whole archive was one task on one worker (the others idle) holding every
    row in memory. Now a big row group is cut into blocks of rows, each read as a stream."""
    import summarizer.jobs as jobs

    monkeypatch.setattr(jobs, "PARQUET_SLICE", 2)
    records = generated_records(7, seed=5)
    src = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(records), src, row_group_size=5)  # groups of 5 and 2
    blocks = jobs_input_partitions(str(src))
    assert [b[2] for b in blocks] == [(0, 0, 2), (0, 2, 4), (0, 4, 5), (1, 0, 2)]
    read = [r["id"] for b in blocks for r in jobs._records(b)]
    assert read == [r["id"] for r in records]
    report = run_job(str(src), str(tmp_path / "out"), client=dask_client)
    assert (report.tasks, report.computed, report.repeated) == (4, 7, 0)
    assert sorted(r.id for r in read_output(str(tmp_path / "out"))) == sorted(read)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_json_lines_in_utf16_or_utf32_are_refused_before_any_work(
    tmp_path: Path, encoding: str
) -> None:
    """Before: every line was a failed row ("not valid UTF-8"), exit 0, and those rows (ids
    made of their places in the file) stayed in the output after the converted file ran;
    `summarizer blurb` reads such a file."""
    src = tmp_path / "windows.jsonl"
    src.write_bytes(json.dumps(fixture_records()[0]).encode(encoding) + "\n".encode(encoding))
    result = runner.invoke(app, ["blurbs-job", str(src), str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    kind = encoding.upper().replace("UTF", "UTF-").replace("--", "-")
    assert result.stderr == (
        f"Error: {src}: {kind} text; the job reads UTF-8 JSON Lines: convert it first, e.g. "
        f"iconv -f {kind} -t UTF-8\n"
    )
    assert not (tmp_path / "out").exists()


def jobs_input_partitions(url: str) -> list[Any]:
    import summarizer.jobs as jobs

    return jobs._input_partitions(url, jobs.DEFAULT_BLOCKSIZE, None)


def test_an_llm_outage_stops_the_job_instead_of_failing_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIMULATED outage (workers in this process, so the patch reaches them): after two good
    articles the server refuses everything. Before, each of the archive's articles became a
    failed row (after its retries); now the job stops after OUTAGE in a row, exit 3, and
    --retry-failed goes on once the server is back. An article whose answer is unusable
    (UnusableAnswerError) is not an outage."""
    from distributed import Client

    import summarizer.jobs as jobs
    from summarizer.errors import BackendError, UnusableAnswerError

    real = jobs.blurb
    calls = {"n": 0}
    state = {"down": True}

    def flaky(article: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if state["down"] and calls["n"] > 2:
            raise BackendError("LLM server unreachable (APIConnectionError)")
        return real(article, **kw)

    monkeypatch.setattr(jobs, "blurb", flaky)
    records = generated_records(12, seed=3)
    src = write_jsonl(tmp_path / "a.jsonl", records)
    out = tmp_path / "out"
    import logging

    worker_log: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = worker_log.append  # type: ignore[method-assign]
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as c:
        args = ["blurbs-job", str(src), str(out), "--address", address(c), "--batch-size", "3"]
        logging.getLogger("distributed.worker").addHandler(handler)
        try:
            down = runner.invoke(app, args)
        finally:
            logging.getLogger("distributed.worker").removeHandler(handler)
        assert down.exit_code == 3, down.output
        # before: the worker also logged "Compute Failed" and the traceback on stderr
        assert not [r.getMessage() for r in worker_log], worker_log
        assert "failed 5 articles in a row (last: LLM server unreachable" in down.stderr
        assert "--retry-failed" in down.stderr
        rows = read_output(str(out))
        assert len(rows) == 6 and calls["n"] == 2 + 5  # two parts written; 5 never asked
        state["down"] = False
        back = runner.invoke(app, [*args, "--retry-failed"])
        assert back.exit_code == 0, back.output
        assert {r.id for r in read_output(str(out))} == {r["id"] for r in records}
        assert all(r.status == "ok" for r in read_output(str(out)))

    def unusable(article: Any, **kw: Any) -> Any:
        raise UnusableAnswerError("no usable summary claims")

    monkeypatch.setattr(jobs, "blurb", unusable)
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as c:
        report = run_job(str(src), str(tmp_path / "o2"), client=c)
    assert (report.computed, report.failed) == (12, 12)


def test_two_runs_on_one_output_do_not_overlap(tmp_path: Path, dask_client: Any) -> None:
    """Two overlapping nightly runs would compute the same articles twice (two rows each).
    A lock of a live run refuses the second; one left by a run that died is taken over."""
    import socket
    import subprocess
    import sys

    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:2])
    out = tmp_path / "out"
    assert run_job(str(src), str(out), client=dask_client).computed == 2
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("part-")) == [
        "_summarizer-job.json"  # the lock went with its run
    ]
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = {"host": socket.gethostname(), "pid": live.pid, "started": time.time()}
        (out / "_summarizer-job.lock").write_text(json.dumps(lock))
        result = runner.invoke(app, ["blurbs-job", str(src), str(out)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {out}: another run (pid {live.pid} on ")
    finally:
        live.kill()
        live.wait()
    (out / "_tmp-part-of-the-dead-run.jsonl").write_text('{"id": "x"')
    again = run_job(str(src), str(out), client=dask_client)  # its process is gone now
    assert (again.computed, again.skipped) == (0, 2)
    assert not (out / "_summarizer-job.lock").exists()
    assert not list(out.glob("_tmp-*"))


# -- careless user, round 7 ----------------------------------------------------------------------


def test_a_job_where_every_article_failed_exits_2_not_0(tmp_path: Path, dask_client: Any) -> None:
    """Every row failed (no text, no blurb, not JSON) and the job said "done" with exit 0: a
    script running it nightly never learnt that the archive gave no blurb at all. As `blurb`
    and `briefing` when nothing could be summarised: one Error line and exit 2 (with --quiet
    too), the failed rows still written; one blurb among the failures is exit 0."""
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "a", "text": " "}\n{"id": "b", "text": "a"}\nnot json\n', "utf-8")
    out = tmp_path / "out"
    args = ["blurbs-job", str(src), str(out), "--address", address(dask_client)]
    result = runner.invoke(app, [*args, "-q"])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: every article failed: none of the 3 gave a blurb (e.g. ")
    assert str(out) in line
    assert {r.status for r in read_output(str(out))} == {"failed"}
    # a rerun, plain (computes nothing) or with --retry-failed: still no blurb, still exit 2
    for extra in ([], ["--retry-failed"]):
        again = runner.invoke(app, [*args, *extra])
        assert again.exit_code == 2, again.output
        assert "Error: every article failed: none of the 3 gave a blurb" in again.stderr

    mixed = write_jsonl(tmp_path / "mixed.jsonl", [*fixture_records()[:1], {"id": "t", "text": ""}])
    some_args = ["blurbs-job", str(mixed), str(tmp_path / "o2"), "--address", address(dask_client)]
    some = runner.invoke(app, some_args)
    assert some.exit_code == 0 and "(1 ok, 1 failed)" in some.stderr, some.output


def test_run_job_takes_paths_and_refuses_wrong_types_with_one_line(
    tmp_path: Path, dask_client: Any
) -> None:
    """From a notebook: ``run_job(Path(...), Path(...))`` failed with an AttributeError from
    ingest, ``settings={...}`` and ``batch_size="100"`` with an AttributeError or TypeError
    from inside, and ``read_output`` of a misspelt directory gave no rows, silently."""
    src = write_jsonl(tmp_path / "a.jsonl", fixture_records()[:1])
    report = run_job(src, tmp_path / "out", client=dask_client)  # type: ignore[arg-type]
    assert (report.computed, report.ok) == (1, 1)
    assert len(read_output(tmp_path / "out")) == 1  # type: ignore[arg-type]
    refused: list[tuple[Any, type[Exception], str]] = [
        (lambda: run_job(None, str(tmp_path / "o")), InputError, "the input must be a path"),  # type: ignore[arg-type]
        (lambda: run_job(str(src), None), InputError, "the output must be a path"),  # type: ignore[arg-type]
        (lambda: run_job(str(src), str(tmp_path / "o"), settings={"sentences": 2}), ConfigError,
         "settings must be a summarizer.Settings, not dict"),  # type: ignore[arg-type]
        (lambda: run_job(str(src), str(tmp_path / "o"), batch_size="100"), ConfigError,
         "batch_size must be a whole number"),  # type: ignore[arg-type]
        (lambda: read_output(str(tmp_path / "outt")), InputError, "no such directory"),
    ]  # fmt: skip
    for call, error, message in refused:
        with pytest.raises(error, match=message):
            call()
    assert not (tmp_path / "o").exists()
