"""A big folder's second half is read by a forked child (``forked``): the articles, their
order, the warnings and the errors are those of reading it here, file by file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer import forked
from summarizer.errors import InputError
from summarizer.ingest import load_articles

STORY = (
    "Firefighters rescued {n} people from flooded homes in Dunmore on Tuesday night. "
    "The river rose two metres in six hours after heavy rain, the council said."
)


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "feed"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(STORY.format(n=i + 3), encoding="utf-8")
    return folder


def _read(folder: Path) -> list[tuple[str, str, str | None]]:
    return [(a.id, a.text, a.outlets[0].file) for a in load_articles([folder])]


def _alone(folder: Path) -> list[tuple[str, str, str | None]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "may_fork", lambda *_, **__: False)
        return _read(folder)


def test_the_forked_read_gives_the_same_articles_in_the_same_order(
    tmp_path: Path, forking: Callable[[], list[int]]
) -> None:
    folder = _folder(tmp_path, 12)
    (folder / "b.jsonl").write_text(  # streamed here, never read whole by the child
        '{"text": "A second feed says the bridge on Market Street was closed all day."}\n',
        encoding="utf-8",
    )
    alone = _alone(folder)
    forks = forking()
    assert _read(folder) == alone
    assert len(alone) == 13 and forks  # the child ran


def test_a_warning_in_the_childs_half_is_logged_once_here(
    tmp_path: Path, forking: Callable[[], list[int]], caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path, 12)
    (folder / "a11.md").write_text(  # a file this tool wrote: skipped, with a warning
        "# Briefing\n\n<!-- written by summarizer -->\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        alone = _alone(folder)
    said = [r.getMessage() for r in caplog.records]
    caplog.clear()
    forks = forking()
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        assert _read(folder) == alone
    assert said and forks and [r.getMessage() for r in caplog.records] == said


def test_an_unreadable_file_in_the_childs_half_stops_the_read_with_its_own_error(
    tmp_path: Path, forking: Callable[[], list[int]]
) -> None:
    folder = _folder(tmp_path, 12)
    (folder / "a10.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    with pytest.raises(InputError) as alone:
        _alone(folder)
    forks = forking()
    with pytest.raises(InputError) as split:
        _read(folder)
    assert forks and str(split.value) == str(alone.value)
