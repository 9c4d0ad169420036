"""Writing results: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO, cast

from .errors import InputError, OutputError
from .sources import input_files, written_by_summarizer

NEW_FILE_MODE = 0o666  # before the umask, as open() would create it


def check_output(
    path: Path | None, *, force: bool = False, inputs: Iterable[str | Path] = ()
) -> None:
    """Refuse an output path before any work is done: it exists (without ``force``), is a
    directory, its directory is missing, or it is one of the ``inputs`` named (even with
    ``force``: ``blurb story.txt -o story.txt --force`` replaced the article by its blurb). A
    device or pipe (``/dev/null``, ``/dev/stdout``) is not a file to overwrite: it is written
    to as a stream.

    Raises:
        OutputError: the path cannot be written.
    """
    if path is None or str(path) == "-" or _descriptor(path) in (1, 2):
        name, std = _standard_stream(path)
        if std is None:  # started with it closed (`>&-`): Python has None, not a stream
            raise OutputError(f"{name}: is closed; redirect it or choose an -o path")
        return
    if _descriptor(path) is not None or _is_stream(path):
        return
    target = _link_target(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    if path.exists() and any(_same_file(path, given) for given in inputs):
        raise OutputError(f"{path}: is one of the inputs; write the output to another file")
    folder = next((given for given in inputs if _read_from_folder(path, given)), None)
    if folder is not None:
        raise OutputError(
            f"{path}: is one of the inputs (an article of {folder}); write the output to "
            "another file"
        )
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")


def write_output(text: str, path: Path | None, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` (or stdout when None) via a temp file and an atomic rename.

    Raises:
        OutputError: the file exists and ``force`` is false, its directory is missing, or
            the system refuses the write (read-only directory, disk full).
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
        OutputError: the file exists and ``force`` is false, its directory is missing, or
            the system refuses the write (read-only directory, disk full).
    """
    if path is None or str(path) == "-" or _descriptor(path) in (1, 2):
        check_output(path, force=force)
        name, std = _standard_stream(path)
        assert std is not None  # check_output refused a closed one
        guarded = _guarded(std, name)
        yield guarded
        guarded.flush()
        return
    check_output(path, force=force)
    fd = _descriptor(path)
    if fd is not None or _is_stream(path):
        yield from _stream(path, fd)
        return
    target = _link_target(path)
    mode = _mode_for(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:  # a read-only directory, a filesystem that takes no new files
        raise _cannot_write(path, exc) from None
    fh = os.fdopen(fd, "w", encoding="utf-8")
    try:
        yield _guarded(fh, str(path))
        try:
            fh.flush()
            os.chmod(tmp, mode)
            os.fsync(fh.fileno())
            fh.close()
            os.replace(tmp, target)
        except OSError as exc:  # the disk is full, a quota is reached
            raise _cannot_write(path, exc) from None
    except BaseException:
        with suppress(OSError):  # closing flushes again, and would fail the same way
            fh.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def is_stream_output(path: Path) -> bool:
    """``-o`` names a stream, not a file to write: ``-``, a standard stream or open file
    descriptor (``/dev/stdout``, ``/dev/fd/3``), a device or a FIFO (``out.fifo``)."""
    return str(path) == "-" or _descriptor(path) is not None or _is_stream(path)


def _standard_stream(path: Path | None) -> tuple[str, TextIO | None]:
    """The standard stream an output of None, ``-``, ``/dev/stdout`` or ``/dev/stderr`` is
    written to, by name; None when the process was started with it closed."""
    if path is not None and _descriptor(path) == 2:
        return "stderr", sys.stderr
    return "stdout", sys.stdout


def _link_target(path: Path) -> Path:
    """What the symlink ``path`` leads to (``path`` itself when it is no link).

    Raises:
        OutputError: the link is a loop (``-o loop`` was a RuntimeError traceback).
    """
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # RuntimeError before Python 3.13, OSError since
        raise OutputError(f"{path}: a symlink that cannot be followed ({exc})") from None


def _same_file(path: Path, given: str | Path) -> bool:
    """Whether the input ``given`` (a path, or ``-`` or a URL, which are not) is ``path``."""
    try:
        return Path(given).is_file() and os.path.samefile(path, given)
    except (OSError, ValueError):
        return False


def _read_from_folder(path: Path, given: str | Path) -> bool:
    """Whether the existing file ``path`` is read as an article of the input folder ``given``
    (through a link too): ``briefing feed/ -o feed/story.txt --force`` replaced an article by
    the briefing. A file this tool wrote there is not read, and may be replaced."""
    try:
        if not Path(given).is_dir():
            return False
        info = path.stat()
        files = input_files(str(given))
    except (OSError, ValueError, InputError):
        return False
    same = any(_same_inode(info, f) for f in files)
    return same and not written_by_summarizer(path)


def _same_inode(info: os.stat_result, other: Path) -> bool:
    try:
        found = other.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (info.st_dev, info.st_ino)


def _is_stream(path: Path) -> bool:
    """``path`` (or what its symlinks lead to) is a device, FIFO or socket: replacing it by
    a renamed temp file would put a regular file in place of ``/dev/null`` (as root)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


# A name for one of this process's open file descriptors: `-o /dev/stdout >> log.txt` replaced
# log.txt (with --force; without, "already exists"), what it held before lost.
_DESCRIPTOR = re.compile(r"/dev/std(out|err)|/dev/fd/(\d+)|/proc/self/fd/(\d+)")


def _descriptor(path: Path) -> int | None:
    """The file descriptor ``path`` names (``/dev/stdout``, ``/dev/fd/3``), else None: it is
    written to as it was opened (appending, for ``>>``), never replaced nor truncated."""
    match = _DESCRIPTOR.fullmatch(os.path.abspath(path))
    if match is None:
        return None
    std, fd, proc_fd = match.groups()
    return {"out": 1, "err": 2}[std] if std else int(fd or proc_fd)


def _stream(path: Path, fd: int | None = None) -> Iterator[TextIO]:
    """Write to a device or pipe directly, as a shell redirection would; to an open file
    descriptor ``fd`` as it is."""
    try:
        if fd is None:
            fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
        else:
            fh = os.fdopen(os.dup(fd), "w", encoding="utf-8")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        yield _guarded(fh, str(path))
        try:
            fh.flush()
        except OSError as exc:
            raise _cannot_write(path, exc) from None
    finally:
        with suppress(OSError):  # a failed flush fails again on close
            fh.close()


class _Guarded(io.TextIOBase):
    """The stream results are written to, whose write errors (a full disk, ``> /dev/full``)
    are one "cannot write" line, not an OSError traceback from the caller's ``write``. A
    closed pipe (``| head``) is left to the CLI, which exits quietly."""

    def __init__(self, inner: TextIO, name: str) -> None:
        super().__init__()
        self._inner, self._name = inner, name

    def write(self, text: str) -> int:
        try:
            return self._inner.write(text)
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        try:
            self._inner.flush()
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OSError | OutputError:
        if exc.errno == errno.EPIPE:
            return exc
        if self._inner in (sys.stdout, sys.stderr):
            drop_buffered(self._inner)
        return _cannot_write(Path(self._name), exc)


def _guarded(inner: TextIO, name: str) -> TextIO:
    return cast(TextIO, _Guarded(inner, name))  # a TextIOBase, which typeshed's TextIO is not


def drop_buffered(stream: TextIO) -> None:
    """Forget what a failed standard stream still holds (a full disk, a reader gone), so that
    the interpreter's flush at exit does not fail again with "Exception ignored ... OSError"."""
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def lock_left_behind(lock: object, host: str) -> bool:
    """Whether a run lock (``{"host", "pid"}``, as the batch and blurbs-job runs write it) was
    left by a run that is gone: unreadable or half-written, or its process on this host is not
    alive. A lock of another host, or of a live process here (another user's too), is held."""
    if not isinstance(lock, dict) or not isinstance(lock.get("pid"), int):
        return True
    if lock.get("host") != host:
        return False
    try:
        os.kill(lock["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    """One line naming the output and the system's reason; the existing file is untouched."""
    return OutputError(f"{path}: cannot write ({exc.strerror or exc}); choose another -o path")


def _mode_for(target: Path) -> int:
    """The existing file's permission bits, else the default for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask
