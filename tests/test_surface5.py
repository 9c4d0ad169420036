"""Three faults a user hit: a headline-only article's blurb was its headline, the offline engine
ran on past serve's time limit, and two blurbs of one article on one page shared HTML ids."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from typer.testing import CliRunner

from summarizer import extractive, pipeline, render_blurb, stories
from summarizer.cli import app
from summarizer.errors import DeadlineError, InputError
from summarizer.ingest import load_articles
from summarizer.verify import run_within

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
ONE = ARTICLES / "001_f0f5015643b5d02c.txt"
RECORDINGS = ROOT / "fixtures" / "recordings"
HEADLINE = "Storm Hits Coast"
REASON = "nothing to summarise: the article has only its headline"
STORM = (
    "A storm hit the coast on Monday, flooding dozens of homes near the harbour, officials "
    "said. Fishing boats stayed in port as the winds reached 90 kilometres an hour."
)


# -- 2. the offline engine stops at serve's time limit --------------------------------------------


def _past() -> float:
    return time.monotonic() - 1.0


def test_extractive_writer_stops_past_its_deadline() -> None:
    """Before: the engine selected and cited a story's sentences whatever the deadline."""
    articles = load_articles([ARTICLES])
    with pytest.raises(DeadlineError):
        run_within(_past(), lambda: extractive.summarize(articles, sentences=3))
    writer = pipeline.ExtractiveWriter()
    with pytest.raises(DeadlineError):
        run_within(
            _past(),
            lambda: writer.write(articles[:1], kind="blurb", max_words=60, sentences=None),
        )


def test_extractive_briefing_past_its_deadline_does_no_more_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A briefing of the fixtures past its deadline raises the deadline error before it
    groups stories or selects a sentence (before: it grouped them all first); a blurb before
    it selects (before: it selected, then stopped in verification)."""
    ran: list[str] = []
    cluster, greedy = stories.cluster_stories, extractive._greedy

    def clustering(*args: Any, **kwargs: Any) -> Any:
        ran.append("cluster")
        return cluster(*args, **kwargs)

    def selecting(*args: Any, **kwargs: Any) -> Any:
        ran.append("select")
        return greedy(*args, **kwargs)

    monkeypatch.setattr(stories, "cluster_stories", clustering)
    monkeypatch.setattr(extractive, "_greedy", selecting)
    with pytest.raises(DeadlineError):
        run_within(_past(), lambda: pipeline.briefing([ARTICLES], backend="extractive"))
    with pytest.raises(DeadlineError):
        run_within(_past(), lambda: pipeline.blurb(ONE, backend="extractive"))
    assert ran == []
    assert pipeline.briefing([ARTICLES], backend="extractive").counts.accepted == 10
    assert ran.count("cluster") == 1  # the same run, with no deadline, does all of it


# -- 3. unique, deterministic HTML ids ------------------------------------------------------------

# What main (5f7e814) rendered as the root id of fixtures/articles/001_…'s blurb block: a
# single blurb's block keeps it (and is byte-identical to main's; checked by hand).
MAIN_ROOT_ID = "smz-ffddfecd5e"


def _blocks(html: str) -> list[Any]:
    return lxml.html.fromstring(f"<body>{html}</body>").find_class("smz-blurb")


def _check_references(block: Any) -> list[str]:
    """Every aria-describedby and in-page href of the block names an id of the block."""
    ids = [e.get("id") for e in block.iter() if e.get("id")]  # the root's too
    refs = [e.get("aria-describedby") for e in block.iter() if e.get("aria-describedby")]
    refs += [h[1:] for e in block.iter() if (h := e.get("href") or "").startswith("#")]
    assert refs, "no reference to check"
    assert all(r in ids for r in refs), (refs, ids)
    assert all(re.fullmatch(r"[^\s]+", i) for i in ids)
    return ids


def test_two_blurbs_of_one_article_on_one_page_have_unique_ids() -> None:
    """``blurb a.txt a.txt -f html`` gave two blocks with the same ids (root, tooltips,
    sources): the second block's citation described the first's tooltip."""
    result = CliRunner().invoke(app, ["blurb", str(ONE), str(ONE), "-f", "html", "-q"])
    assert result.exit_code == 0, result.output
    first, second = _blocks(result.stdout)
    ids = _check_references(first) + _check_references(second)
    assert len(ids) == len(set(ids)), sorted(ids)
    assert first.get("id") == MAIN_ROOT_ID and second.get("id") == f"{MAIN_ROOT_ID}-2"
    single = CliRunner().invoke(app, ["blurb", str(ONE), "-f", "html", "-q"]).stdout
    assert result.stdout.startswith(single)  # the first block as a single blurb renders it
    again = CliRunner().invoke(app, ["blurb", str(ONE), str(ONE), "-f", "html", "-q"])
    assert again.stdout == result.stdout  # deterministic


def test_render_blurb_takes_an_instance_for_a_page_that_embeds_it_twice() -> None:
    """A CMS that embeds one article's block twice names each; without it, the ids are
    main's. A name that is no id part (a space) is refused."""
    result = pipeline.blurb(ONE, backend="extractive")
    plain = render_blurb(result, "html")
    assert _blocks(plain)[0].get("id") == MAIN_ROOT_ID
    assert render_blurb(result, "html", instance=None) == plain
    sidebar = render_blurb(result, "html", instance="sidebar")
    (block,) = _blocks(sidebar)
    assert block.get("id") == f"{MAIN_ROOT_ID}-sidebar"
    ids = _check_references(block)
    assert not set(ids) & set(_check_references(_blocks(plain)[0]))
    assert render_blurb(result, "html", instance="sidebar") == sidebar
    assert render_blurb(result, "md", instance="sidebar") == render_blurb(result, "md")
    empty = result.model_copy(update={"claims": [], "sources": []})
    assert f'id="{MAIN_ROOT_ID}-2"' in render_blurb(empty, "html", instance="2")
    for bad in ("a b", "", 'x"y'):
        with pytest.raises(InputError, match="instance"):
            render_blurb(result, "html", instance=bad)
