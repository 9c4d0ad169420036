"""Story clustering, story selection, budget sharing, and the briefing's outlet counts."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from summarizer import pipeline, stories
from summarizer.cli import app
from summarizer.ingest import load_articles, make_article
from summarizer.models import Article, Outlet, Story
from summarizer.progress import terminal_progress
from summarizer.render import render_briefing
from tests.synthetic import COMET, CUP_A, CUP_B, FLOOD_A, FLOOD_B, syndicated_copy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
runner = CliRunner()


@pytest.fixture(scope="module")
def fixtures() -> list[Article]:
    return load_articles(FIXTURES)


@pytest.fixture(scope="module")
def mixed(fixtures: list[Article]) -> list[Article]:
    """The five fixtures (one story) interleaved with synthetic articles of three others."""
    synth = {
        n: make_article(t, source=n)
        for n, t in [
            ("flood-a", FLOOD_A),
            ("cup-a", CUP_A),
            ("comet", COMET),
            ("flood-b", FLOOD_B),
            ("cup-b", CUP_B),
        ]
    }
    f = fixtures
    order = [synth["flood-a"], f[0], synth["cup-a"], f[1], synth["comet"], f[2]]
    return order + [synth["flood-b"], f[3], synth["cup-b"], f[4]]


def _names(story: Story) -> list[str]:
    return [o.label() for o in story.outlets]


def test_distinct_articles_on_the_same_story_cluster_together(fixtures: list[Article]) -> None:
    found = stories.cluster_stories(fixtures)
    assert len(found) == 1
    assert found[0].article_ids == [a.id for a in fixtures]
    assert len(found[0].outlets) == 5


def test_unrelated_stories_form_separate_stories(
    mixed: list[Article], fixtures: list[Article]
) -> None:
    found = stories.cluster_stories(mixed)
    assert [s.id for s in found] == ["story-1", "story-2", "story-3", "story-4"]
    assert found[0].article_ids == [a.id for a in fixtures]  # 5 outlets: first
    assert _names(found[1]) == ["flood-a", "flood-b"]  # 2 outlets, seen before the cup
    assert _names(found[2]) == ["cup-a", "cup-b"]
    assert _names(found[3]) == ["comet"]  # fits no story: a story of its own


def test_story_title_is_the_title_of_its_most_central_article(mixed: list[Article]) -> None:
    found = stories.cluster_stories(mixed)
    titles = {a.title for a in mixed}
    assert all(s.title in titles for s in found)
    assert found[3].title == "Amateur astronomer spots new comet from a backyard telescope"


def test_clustering_is_deterministic(mixed: list[Article]) -> None:
    first = [s.model_dump() for s in stories.cluster_stories(mixed)]
    assert first == [s.model_dump() for s in stories.cluster_stories(mixed)]


def test_empty_and_single_inputs() -> None:
    assert stories.cluster_stories([]) == []
    one = make_article(COMET, source="Sky News Weekly")
    [story] = stories.cluster_stories([one])
    assert story.article_ids == [one.id] and story.title == one.title


def test_outlets_are_counted_once_per_name() -> None:
    a = make_article(FLOOD_A, source="Same Paper", file="a.txt")
    b = make_article(FLOOD_B, source="Same Paper", file="b.txt")
    [story] = stories.cluster_stories([a, b])
    assert _names(story) == ["Same Paper"]


def test_select_stories_by_sources_and_count(mixed: list[Article]) -> None:
    found = stories.cluster_stories(mixed)
    kept, notes = stories.select_stories(found, min_sources=2)
    assert [s.id for s in kept] == ["story-1", "story-2", "story-3"]
    assert notes == ["1 story with fewer than 2 sources left out"]
    kept, notes = stories.select_stories(found, max_stories=2)
    assert [s.id for s in kept] == ["story-1", "story-2"]
    assert len(notes) == 1


def test_split_budget_shares_the_words_and_drops_what_cannot_fit() -> None:
    groups = [
        Story(id=str(i), outlets=[Outlet(name=str(k)) for k in range(n)])
        for i, n in enumerate([9, 4, 1, 1])
    ]
    budgets = pipeline._split_budget(groups, 250)
    assert sum(budgets) <= 250 and sum(budgets) >= 246
    assert budgets[0] > budgets[1] > budgets[2] == budgets[3] >= pipeline.MIN_STORY_WORDS
    assert len(pipeline._split_budget(groups, 100)) == 2  # room for two stories of 40+ words
    assert pipeline._split_budget(groups[:1], 20) == [20]
    assert pipeline._split_budget([], 250) == []


def test_empty_input_yields_an_empty_briefing() -> None:
    result = pipeline.briefing([], backend="extractive")
    assert result.stories == [] and result.problems == ["no articles given"]
    assert render_briefing(result, "md").startswith("# Briefing")


def test_one_article_yields_a_briefing(fixtures: list[Article]) -> None:
    result = pipeline.briefing([fixtures[1]], backend="extractive", max_words=80)
    assert len(result.stories) == 1
    assert result.counts.accepted >= 1
    assert [s.article_id for s in result.sources] == [fixtures[1].id]


def test_progress_callback_sees_every_stage(mixed: list[Article]) -> None:
    calls: list[tuple[str, int, int]] = []
    pipeline.briefing(mixed, backend="extractive", progress=lambda *a: calls.append(a))
    stages = list(dict.fromkeys(c[0] for c in calls))
    assert stages == ["ingest", "dedup", "stories", "write"]
    assert ("write", 4, 4) in calls


def _feed(tmp_path: Path) -> Path:
    """JSON Lines of syndicated copies of two fixtures, each with its own outlet name."""
    records = []
    for name in ["Wire Daily", "Metro Post", "Evening Star"]:
        raw = (FIXTURES / "000_96302851af1a2cb0.txt").read_text(encoding="utf-8")
        records.append({"text": syndicated_copy(raw, name), "source": name})
    raw = (FIXTURES / "002_9c9b3ef40a139b62.txt").read_text(encoding="utf-8")
    records.append({"text": syndicated_copy(raw, "Harbour Herald"), "source": "Harbour Herald"})
    records.append({"text": COMET, "source": "Sky Weekly"})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_briefing_of_fixtures_and_syndicated_copies_reports_outlet_counts(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    args = ["briefing", str(FIXTURES), str(feed), "--backend", "extractive", "--quiet"]
    res = runner.invoke(app, [*args, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [len(s["outlets"]) for s in data["stories"]] == [9, 1]  # 5 files + 4 copies; comet
    ukraine = data["stories"][0]
    assert len(ukraine["article_ids"]) == 5  # the copies collapsed into their originals
    assert {"Wire Daily", "Metro Post", "Evening Star", "Harbour Herald"} <= {
        o["name"] for o in ukraine["outlets"]
    }
    assert data["usage"]["tokens_after_dedup"] < data["usage"]["tokens_before_dedup"]

    res = runner.invoke(app, [*args, "--format", "md"])
    assert res.exit_code == 0, res.output
    header = re.search(r"^\*(\d+) sources?: (.*)\*$", res.stdout, re.M)
    assert header is not None
    assert header.group(1) == "9"
    names = header.group(2).split(", ")
    assert names[0] == "000_96302851af1a2cb0.txt"  # nameless outlets fall back to file names
    assert "Wire Daily" in names and len(names) == 9
    assert "*1 source: Sky Weekly*" in res.stdout


def test_cli_min_sources_and_max_stories(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    base = ["briefing", str(FIXTURES), str(feed), "--backend", "extractive", "-q", "-f", "json"]
    res = runner.invoke(app, [*base, "--min-sources", "2"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data["stories"]) == 1
    assert data["problems"] == ["1 story with fewer than 2 sources left out"]
    res = runner.invoke(app, [*base, "--max-stories", "1"])
    assert len(json.loads(res.stdout)["stories"]) == 1
    res = runner.invoke(app, [*base, "--max-stories", "0"])
    assert res.exit_code == 2


def test_progress_is_silent_when_quiet_or_not_a_terminal() -> None:
    with terminal_progress(quiet=True) as progress:
        assert progress is None
    with terminal_progress(console=Console(file=io.StringIO(), force_terminal=False)) as progress:
        assert progress is None
    res = runner.invoke(app, ["briefing", str(FIXTURES), "--backend", "extractive"])
    assert res.exit_code == 0
    assert "Grouping stories" not in res.stderr


def test_progress_draws_on_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    with terminal_progress(console=console) as progress:
        assert progress is not None
        progress("stories", 1, 2)
        progress("stories", 2, 2)
    assert "Grouping stories" in out.getvalue()


def test_oversized_components_fall_back_to_centroids(
    mixed: list[Article], fixtures: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stories, "MAX_DENSE", 2)
    found = stories.cluster_stories(mixed)
    assert found[0].article_ids == [a.id for a in fixtures]
    assert sorted(len(s.article_ids) for s in found) == [1, 2, 2, 5]


def test_a_small_word_budget_keeps_the_biggest_stories_and_says_so(mixed: list[Article]) -> None:
    result = pipeline.briefing(mixed, backend="extractive", max_words=80)
    assert [len(s.outlets) for s in result.stories] == [5, 2]
    assert result.problems == ["2 smaller stories left out: the word budget is too small for them"]
    full = pipeline.briefing(mixed, backend="extractive", max_words=400)
    assert len(full.stories) == 4 and full.problems == []
    assert result.usage.tokens_after_dedup == full.usage.tokens_after_dedup


def test_markdown_lists_many_outlets_briefly() -> None:
    """A story carried by hundreds of outlets names a few and counts the rest."""
    from summarizer import Outlet, briefing, render_briefing
    from summarizer.ingest import make_article

    text = (
        "Officials in the capital announced a new water treatment plant on Monday. "
        "The plant will serve 200,000 residents and open in 2027. "
        "Engineers said construction would start in the spring."
    )
    articles = []
    for i in range(30):
        art = make_article(text, title="Water plant announced", source=f"Paper {i}")
        articles.append(art)
    result = briefing(articles)
    assert len(result.stories[0].outlets) == 30  # the JSON model keeps every outlet
    md = render_briefing(result, "md")
    assert "*30 sources: Paper 0, Paper 1," in md
    assert "Paper 9 and 20 more*" in md
    assert Outlet(name="Paper 29") in result.stories[0].outlets
