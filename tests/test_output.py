"""Writing results: a write the system refuses is one line and exit 2, the old file intact."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import OutputError
from summarizer.output import write_output

runner = CliRunner()


def _refuse_new_files(*args: Any, **kwargs: Any) -> tuple[int, str]:
    """What a non-root user gets in a read-only directory (the tests may run as root)."""
    raise PermissionError(errno.EACCES, "Permission denied")


def test_read_only_directory_is_one_line_exit_2(
    tmp_path: Path, seed_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _refuse_new_files)
    out = tmp_path / "blurb.txt"
    for command in (["blurb", str(seed_files[0])], ["briefing", str(seed_files[0])]):
        res = runner.invoke(app, [*command, "-o", str(out), "-q"])
        assert res.exit_code == 2, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit)
        assert res.stderr.strip() == f"Error: {out}: cannot write (Permission denied); " + (
            "choose another -o path"
        )
    assert not out.exists()


def test_disk_full_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "briefing.md"
    out.write_text("yesterday's briefing\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="cannot write \\(No space left on device\\)"):
        write_output("today's briefing\n", out, force=True)
    assert out.read_text() == "yesterday's briefing\n"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.md"]


def test_blurb_that_writes_nothing_leaves_the_output_as_it_was(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """`blurb empty.txt -o old.txt --force` failed (exit 2) and still replaced old.txt with
    an empty file; without --force it left a new empty file that the rerun then refused."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    old = tmp_path / "old.txt"
    old.write_text("yesterday's blurb\n")
    res = runner.invoke(app, ["blurb", str(empty), "-o", str(old), "--force", "-q"])
    assert res.exit_code == 2 and "file is empty" in res.stderr
    assert old.read_text() == "yesterday's blurb\n"
    new = tmp_path / "new.txt"
    res = runner.invoke(app, ["blurb", str(empty), "-o", str(new), "-q"])
    assert res.exit_code == 2 and not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "old.txt"]
    res = runner.invoke(app, ["blurb", str(seed_files[0]), "-o", str(new), "-q"])
    assert res.exit_code == 0 and "[1]" in new.read_text()


def test_a_device_is_written_to_not_replaced(tmp_path: Path, seed_files: list[Path]) -> None:
    """`-o /dev/null --force` (needed, as it "already exists") renamed a temp file over the
    device: run as root, it put a regular file in place of /dev/null. A device or pipe is now
    written to as a stream, as a shell redirection would, and needs no --force."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    res = runner.invoke(app, ["blurb", str(seed_files[0]), "-o", str(fifo), "-q"])
    reader.join(timeout=60)
    assert res.exit_code == 0, res.output
    assert b"[1]" in received[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a regular file
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]
