"""Writing results: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import OutputError

NEW_FILE_MODE = 0o666  # before the umask, as open() would create it


def check_output(path: Path | None, *, force: bool = False) -> None:
    """Refuse an output path before any work is done: it exists (without ``force``), is a
    directory, or its directory is missing.

    Raises:
        OutputError: the path cannot be written.
    """
    if path is None or str(path) == "-":
        return
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")


def write_output(text: str, path: Path | None, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` (or stdout when None) via a temp file and an atomic rename.

    Raises:
        OutputError: the file exists and ``force`` is false, or its directory is missing.
    """
    with open_output(path, force=force) as out:
        out.write(text)


@contextmanager
def open_output(path: Path | None, *, force: bool = False) -> Iterator[TextIO]:
    """A stream to write results to as they are ready: stdout (flushed by the caller), or a
    temp file renamed over ``path`` when the block ends without an exception.

    A symlink is written through (its target is replaced, the link stays) and an existing
    file keeps its permission bits; a new file gets the usual mode (0666 less the umask), not
    the temp file's 0600.

    Raises:
        OutputError: the file exists and ``force`` is false, or its directory is missing.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    check_output(path, force=force)
    target = path.resolve() if path.is_symlink() else path
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.chmod(tmp, mode)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permission bits, else the default for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask
