"""HTML blocks of one article on one page, each with its own ``instance``, never share an id,
whatever instances a CMS chooses: instance "tip-1" made a block's root id the id of another
block's first tooltip. Failed on the code before its fix."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import lxml.html
import pytest

from summarizer import pipeline
from summarizer.models import Blurb
from summarizer.render import render_blurb

from .synthetic import FLOOD_A


@pytest.fixture(scope="module")
def blurb() -> Blurb:
    result = pipeline.blurb(FLOOD_A, backend="extractive")
    assert result.article_id and re.fullmatch(r"[0-9a-f]+", result.article_id)
    return result


def _ids(html: str) -> list[str]:
    page = lxml.html.fromstring(f"<body>{html}</body>")
    return [e.get("id") for e in page.iter() if e.get("id")]


def _repeated(ids: list[str]) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


def test_an_instance_named_after_a_tooltip_gets_ids_of_its_own(blurb: Blurb) -> None:
    blocks = [render_blurb(blurb, "html", instance=i) for i in (None, "tip-1", "src-1")]
    blocks += [render_blurb(blurb, "html", instance=i) for i in ("x", "x-tip-1", "2", "2-src-1")]
    ids = _ids("".join(blocks))
    assert len(ids) > 3 * len(blocks)  # roots, tooltips and sources: all checked
    assert _repeated(ids) == []


def test_no_two_instances_share_an_id(blurb: Blurb) -> None:
    """Every instance of up to 4 pieces that spell the ids' own parts and the escapes
    ("tip-1", "1-tip-1", "_h", "tip_h1", ...), and the block without instance: all their ids
    distinct."""
    pieces = ["tip", "1", "-", "_", "h"]
    names = ["".join(p) for n in (1, 2, 3, 4) for p in itertools.product(pieces, repeat=n)]
    ids = _ids(render_blurb(blurb, "html"))
    for name in names:
        ids += _ids(render_blurb(blurb, "html", instance=name))
    assert len(set(ids)) == len(ids), _repeated(ids)[:5]


def test_the_ids_a_user_sees_are_kept(blurb: Blurb) -> None:
    """Without an instance, the ids of before; a plain instance ("sidebar", "2") as before."""
    root = f"smz-{blurb.article_id}"
    plain = _ids(render_blurb(blurb, "html"))
    assert plain[0] == root
    assert all(re.fullmatch(rf"{root}-(tip|src)-\d+", i) for i in plain[1:])
    assert _ids(render_blurb(blurb, "html", instance="sidebar"))[0] == f"{root}-sidebar"
    assert _ids(render_blurb(blurb, "html", instance="2"))[0] == f"{root}-2"
