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

from summarizer import extractive, pipeline, render_blurb, render_briefing, stories
from summarizer.cli import app
from summarizer.errors import DeadlineError, InputError
from summarizer.ingest import load_articles, make_article
from summarizer.render import no_blurb_reason
from summarizer.settings import Settings
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


# -- 1. an article that is only its headline gives no blurb ---------------------------------------


def test_cli_headline_only_article_is_no_blurb(tmp_path: Path) -> None:
    """Before: "Storm Hits Coast[1]" as the blurb, exit 0. Now an error line as any article
    with no blurb, exit 2 alone and 1 beside an article that gives one."""
    only = tmp_path / "h.txt"
    only.write_text(f"{HEADLINE}\n")
    result = CliRunner().invoke(app, ["blurb", str(only), "-q"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == f"Error: {only}: no blurb: {REASON}"
    full = tmp_path / "full.txt"
    full.write_text(f"{HEADLINE}\n\n{STORM}\n")
    sentence = tmp_path / "s.txt"  # one real sentence is an article, not a headline
    sentence.write_text("Mayor Ana Ruiz resigned on Monday.\n")
    teaser = tmp_path / "t.txt"  # nor is a teaser cut short
    teaser.write_text("The mayor resigned on Monday after a long dispute with the council over…\n")
    inputs = [str(p) for p in (only, full, sentence, teaser)]
    result = CliRunner().invoke(app, ["blurb", *inputs, "-q"])
    assert result.exit_code == 1, result.output
    assert "A storm hit the coast on Monday" in result.stdout
    assert "Mayor Ana Ruiz resigned on Monday.[1]" in result.stdout
    assert "with the council over…[1]" in result.stdout
    assert f"{HEADLINE}[1]" not in result.stdout
    assert "1 of 4 articles gave no blurb" in result.stderr
    assert "Traceback" not in result.output


def test_library_headline_only_article_is_no_blurb() -> None:
    """The library says it as it says the other no-blurb cases: no claim, the reason last in
    ``problems`` (``no_blurb_reason``), the HTML block empty and hidden. A record whose text
    only repeats its title is the same."""
    for art in (
        make_article(HEADLINE),
        make_article("Storm hits coast.", title=HEADLINE),
    ):
        result = pipeline.blurb(art, backend="extractive")
        assert result.claims == [] and no_blurb_reason(result) == REASON
        assert 'data-smz-empty="no-blurb" hidden' in render_blurb(result, "html")
    assert no_blurb_reason(pipeline.blurb(f"{HEADLINE}\n\n{STORM}", backend="extractive")) is None


def test_headline_only_article_is_never_sent_to_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an LLM engine (replay: no recording of it, so a call would fail) the same, with no
    call made."""
    from summarizer.mapreduce import LLMWriter

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a headline-only article was sent to the model")

    monkeypatch.setattr(LLMWriter, "write", refuse)
    settings = Settings(backend="replay", recordings=RECORDINGS, cache_dir=tmp_path)
    result = pipeline.blurb(HEADLINE, settings=settings)
    assert result.claims == [] and no_blurb_reason(result) == REASON
    assert result.usage.calls == 0 and result.engine.startswith("replay")


def test_serve_headline_only_article_is_a_200_saying_why(serve_client: Any) -> None:
    """As a blurb with no claim to show: 200, ``claims`` empty, ``problems`` saying why."""
    res = serve_client.post("/blurb", json={"text": HEADLINE})
    assert res.status_code == 200, res.text
    assert res.json()["claims"] == [] and res.json()["problems"][-1] == REASON


def test_briefing_lists_a_headline_only_story_unwritten() -> None:
    """In a briefing the article still counts and is listed with its story; the story is not
    written from its headline (before: its one "claim" was the headline)."""
    other = make_article(STORM, source="Coast Daily")
    only = make_article(
        "Parliament Passes Budget After Long Night", source="Capital News", title=None
    )
    result = pipeline.briefing([other, only], backend="extractive")
    story = next(s for s in result.stories if only.id in s.article_ids)
    assert not story.written and not any(c.shown for c in story.claims)
    assert any(s.written for s in result.stories if other.id in s.article_ids)
    assert all("Parliament Passes Budget" not in c.text for c in result.claims)
    assert "Parliament Passes Budget After Long Night" in render_briefing(result, "md")


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
