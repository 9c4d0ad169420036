"""``summarizer verify article.txt -s claim.txt``: a hint that DRAFT and -s may be swapped."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

ARTICLE = (
    "Council approves new bus lanes\n\nThe city council approved three new bus lanes on Monday. "
    "The lanes will run along the harbour road and the ring road. Work will start in March. "
    "The council said journeys would be up to ten minutes faster. Shop owners on the harbour "
    "road opposed the plan. They said losing parking would hurt trade. The mayor said the "
    "council had listened to their concerns. The lanes will cost 4 million pounds.\n"
)
CLAIM = "The city council approved three new bus lanes on Monday.\n"


def _run(tmp_path: Path, draft: str, source: str) -> tuple[int, str]:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claim.txt").write_text(CLAIM, encoding="utf-8")
    args = ["verify", str(tmp_path / draft), "-s", str(tmp_path / source), "--no-judge"]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stderr


def test_swapped_arguments_noted(tmp_path: Path) -> None:
    code, err = _run(tmp_path, "article.txt", "claim.txt")
    assert "did you swap DRAFT and -s?" in err
    assert code == 1


def test_no_note_the_right_way_round(tmp_path: Path) -> None:
    code, err = _run(tmp_path, "claim.txt", "article.txt")
    assert "swap" not in err
    assert code == 0
