"""`batch collect -o x.html` of one article given twice: two blocks, each with ids of its own
(the second gets ``-2``), as `blurb a.txt a.txt -f html` has them. Against the FAKE batch
server (tests/fake_batch_server.py), with the HAND-WRITTEN answers of tests/test_batch.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from .conftest import ARTICLES
from .fake_batch_server import serve
from .test_batch import fake_model

runner = CliRunner()


def test_collect_writes_two_blocks_of_one_article_with_ids_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = sorted(ARTICLES.glob("*.txt"))[0]
    again = tmp_path / "again.txt"  # the same text under a second name: the same article id
    again.write_bytes(article.read_bytes())
    with serve(fake_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        args = ["batch", "submit", str(article), str(again), "--dir", str(tmp_path / "b")]
        sub = runner.invoke(app, [*args, "--cache-dir", str(tmp_path / "cache")])
        assert sub.exit_code == 0, sub.output
        out = tmp_path / "blurbs.html"
        col = runner.invoke(app, ["batch", "collect", str(tmp_path / "b"), "-o", str(out)])
        assert col.exit_code == 0, col.output
    page = lxml.html.fromstring(f"<body>{out.read_text(encoding='utf-8')}</body>")
    first, second = page.find_class("smz-blurb")
    root = first.get("id")
    assert root.startswith("smz-") and second.get("id") == f"{root}-2"
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert len(ids) > 4  # roots, tooltips and sources
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for block in (first, second):  # each citation's tooltip is in its own block
        inside = {e.get("id") for e in block.iter() if e.get("id")}
        refs = [e.get("aria-describedby") for e in block.iter() if e.get("aria-describedby")]
        assert refs and all(r in inside for r in refs)
