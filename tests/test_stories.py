"""Story clustering, story selection, budget sharing, and the briefing's outlet counts."""

from __future__ import annotations

import io
import json
import math
import random
import re
import threading
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
from typer.testing import CliRunner

from summarizer import entities, pipeline, stories, timeline
from summarizer.cli import app
from summarizer.errors import InputError
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
    assert notes == ["1 story with fewer than 2 sources only listed"]
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


def test_no_articles_is_an_input_error_as_in_the_cli() -> None:
    """``summarizer.briefing([])`` returned an empty Briefing, where the CLI exits 2 and serve
    answers 422 for no articles; the library raises InputError, its async form too."""
    import asyncio

    import summarizer

    with pytest.raises(InputError, match="no articles given"):
        pipeline.briefing([], backend="extractive")
    with pytest.raises(InputError, match="no articles given"):
        summarizer.briefing(iter(()))
    with pytest.raises(InputError, match="no articles given"):
        asyncio.run(summarizer.abriefing([]))


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


def test_reading_a_folder_counts_its_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder is one input: the progress counts the articles read from it (their number is
    not known before the end, so ``total`` is 0 until then), not 0 of 1 inputs."""
    monkeypatch.setattr(pipeline, "INGEST_EVERY", 2)
    calls: list[tuple[str, int, int]] = []
    pipeline.briefing([FIXTURES], backend="extractive", progress=lambda *a: calls.append(a))
    reading = [c[1:] for c in calls if c[0] == "ingest"]
    assert reading == [(0, 0), (2, 0), (4, 0), (5, 5)]


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
    # the copies re-ran the files' reports: said beside the sources, not counted (surfaces4)
    header = re.search(
        r"^\*(\d+) sources?, 9 articles: (.*) · copies run by (.*)\*$", res.stdout, re.M
    )
    assert header is not None, res.stdout
    assert header.group(1) == "5"
    names = header.group(2).split(", ")
    assert names[0] == "file 000_96302851af1a2cb0.txt"  # nameless outlets: their files, labelled
    assert len(names) == 5
    assert header.group(3) == "Wire Daily, Metro Post, Evening Star, Harbour Herald"
    assert "*1 source: Sky Weekly*" in res.stdout


def test_cli_min_sources_and_max_stories(tmp_path: Path) -> None:
    """Stories left out by --min-sources/--max-stories are listed, not written."""
    feed = _feed(tmp_path)
    base = ["briefing", str(FIXTURES), str(feed), "--backend", "extractive", "-q", "-f", "json"]
    res = runner.invoke(app, [*base, "--min-sources", "2"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [(s["written"], s["outlet_count"]) for s in data["stories"]] == [(True, 9), (False, 1)]
    assert data["stories"][1]["claims"] == []
    assert data["problems"] == ["1 story with fewer than 2 sources only listed"]
    res = runner.invoke(app, [*base, "--max-stories", "1"])
    assert [s["written"] for s in json.loads(res.stdout)["stories"]] == [True, False]
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
    before = set(threading.enumerate())
    with terminal_progress(console=console) as progress:
        assert progress is not None
        progress("stories", 1, 2)
        progress("stories", 2, 2)
        # no refresh thread: dedup forks its second process only when no other thread runs
        assert set(threading.enumerate()) <= before
    assert "Grouping stories" in out.getvalue()


def test_oversized_components_fall_back_to_centroids(
    mixed: list[Article], fixtures: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stories, "MAX_DENSE", 2)
    found = stories.cluster_stories(mixed)
    assert found[0].article_ids == [a.id for a in fixtures]
    assert sorted(len(s.article_ids) for s in found) == [1, 2, 2, 5]


def _centroids_one_by_one(x: csr_matrix, threshold: float, scale: np.ndarray) -> list[int]:
    """The centroid assignment written plainly, one centroid at a time (the oracle)."""
    dense = x.toarray().astype(np.float64)
    sums: list[np.ndarray] = []
    scales: list[list[float]] = []
    labels = []
    for i, v in enumerate(dense):
        best, best_sim = -1, threshold
        for k, total in enumerate(sums):
            sim = float(v @ total) / (float(np.linalg.norm(total)) or 1.0)
            sim /= float(np.sqrt(scale[i] * np.mean(scales[k])))
            if sim >= best_sim:
                best, best_sim = k, sim
        if best < 0:
            sums.append(v.copy())
            scales.append([float(scale[i])])
            best = len(sums) - 1
        else:
            sums[best] += v
            scales[best].append(float(scale[i]))
        labels.append(best)
    return labels


def test_centroid_blocks_assign_as_one_centroid_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The blocked, vectorised fallback gives the plain loop's labels, across many blocks."""
    monkeypatch.setattr(stories, "CENTROID_BLOCK", 4)
    rng = np.random.default_rng(3)
    rows = []
    for _ in range(400):  # short random "articles": a few of 60 terms, some sharing
        cols = rng.choice(60, size=int(rng.integers(2, 7)), replace=False)
        row = np.zeros(60)
        row[cols] = rng.uniform(0.5, 2.0, size=len(cols))
        rows.append(row / np.linalg.norm(row))
    x = csr_matrix(np.array(rows, dtype=np.float32))
    scale = rng.uniform(0.15, 0.6, size=400)
    got = stories._greedy_centroids(x, 0.55, scale).tolist()
    assert got == _centroids_one_by_one(x, 0.55, scale)
    assert len(set(got)) > 3 * 4  # several blocks were used


def test_a_small_word_budget_writes_the_biggest_stories_and_lists_the_rest(
    mixed: list[Article],
) -> None:
    result = pipeline.briefing(mixed, backend="extractive", max_words=80)
    assert [len(s.outlets) for s in result.stories] == [5, 2, 2, 1]  # the whole day
    assert [s.written for s in result.stories] == [True, True, False, False]
    assert all(s.claims == [] for s in result.stories[2:])
    assert result.problems == [
        "2 smaller stories only listed: the word budget is too small for them"
    ]
    full = pipeline.briefing(mixed, backend="extractive", max_words=400)
    assert [s.written for s in full.stories] == [True] * 4 and full.problems == []
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
    # one text carried by 30 papers is one report: its re-runs are named, not counted
    assert "*1 source: Paper 0 · copies run by Paper 1, Paper 2," in md
    assert "Paper 10 and 19 more*" in md
    assert Outlet(name="Paper 29") in result.stories[0].outlets


def test_every_input_article_is_in_exactly_one_story_of_the_json(tmp_path: Path) -> None:
    """Distinct articles by id, syndicated copies by their outlet, written or only listed."""
    feed = _feed(tmp_path)
    synth = tmp_path / "synth"
    synth.mkdir()
    for name, text in [("flood-a", FLOOD_A), ("cup-a", CUP_A), ("flood-b", FLOOD_B)]:
        (synth / f"{name}.txt").write_text(text, encoding="utf-8")
    inputs = [str(FIXTURES), str(feed), str(synth)]
    res = runner.invoke(app, ["briefing", *inputs, "-b", "extractive", "-q", "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert not all(s["written"] for s in data["stories"]) or len(data["stories"]) > 1
    ids = [i for s in data["stories"] for i in s["article_ids"]]
    assert len(ids) == len(set(ids))
    assert all(s["size"] == len(s["article_ids"]) for s in data["stories"])
    # each input: its file (or feed record outlet name) appears in exactly one story
    expected = [str(p) for p in sorted(FIXTURES.iterdir())] + [
        str(p) for p in sorted(synth.iterdir())
    ]
    files = [[o["file"] for o in s["outlets"]] for s in data["stories"]]
    for path in expected:
        assert sum(any(f and f.endswith(Path(path).name) for f in fs) for fs in files) == 1, path
    feed_names = ["Wire Daily", "Metro Post", "Evening Star", "Harbour Herald", "Sky Weekly"]
    names = [[o["name"] for o in s["outlets"]] for s in data["stories"]]
    for name in feed_names:
        assert sum(name in ns for ns in names) == 1, name


def test_an_unwritten_story_is_listed_in_json_and_at_the_end_of_markdown(
    mixed: list[Article],
) -> None:
    result = pipeline.briefing(mixed, backend="extractive", max_words=80)
    data = json.loads(render_briefing(result, "json"))
    assert len(data["stories"]) == 4
    listed = data["stories"][3]
    assert listed["written"] is False and listed["size"] == 1 and listed["outlet_count"] == 1
    assert listed["outlets"][0]["name"] == "comet"
    md = render_briefing(result, "md")
    tail = md[md.index("## Stories that did not fit") :]
    assert md.index("## Sources") < md.index("## Stories that did not fit")
    assert "- Amateur astronomer spots new comet from a backyard telescope (1 source)" in tail
    assert tail.count("\n- ") == 2 and "(2 sources)" in tail


def test_default_word_budget_grows_with_the_day() -> None:
    assert pipeline.default_word_budget(1) == 250
    assert pipeline.default_word_budget(50) == 50 * pipeline.WORDS_PER_STORY
    assert pipeline.default_word_budget(500) == pipeline.MAX_DEFAULT_WORDS
    many = [Story(id=str(i), outlets=[Outlet(name="x")]) for i in range(50)]
    assert len(pipeline._split_budget(many, pipeline.default_word_budget(50))) == 50


def _made_up_article(seed: int) -> str:
    """A short article of made-up words of its own: similar to no other article."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    sentences = [
        " ".join([word().capitalize(), *(word() for _ in range(rng.randint(8, 14)))]) + "."
        for _ in range(4)
    ]
    return f"{word().capitalize()} {word()} {word()}\n\n" + " ".join(sentences)


def test_a_day_of_many_events_is_written_whole_by_default() -> None:
    """20 unrelated one-article events: the default budget writes all of them (not 6)."""
    arts = [make_article(_made_up_article(i), source=f"Paper{i}") for i in range(20)]
    result = pipeline.briefing(arts, backend="extractive")
    assert len(result.stories) == 20
    assert all(s.written for s in result.stories) and result.problems == []
    capped = pipeline.briefing(arts, backend="extractive", max_words=200)
    assert [s.written for s in capped.stories] == [True] * 5 + [False] * 15


def test_stories_show_their_time_span() -> None:
    a = make_article(FLOOD_A, source="A", published="2026-11-20T08:00:00Z")
    b = make_article(FLOOD_B, source="B", published="2026-11-21T09:30:00+00:00")
    c = make_article(COMET, source="C", published="2026-11-21")
    found = stories.cluster_stories([a, b, c])
    flood = next(s for s in found if s.size == 2)
    assert flood.first_published is not None and flood.last_published is not None
    assert flood.first_published.isoformat() == "2026-11-20T08:00:00+00:00"
    assert flood.last_published.isoformat() == "2026-11-21T09:30:00+00:00"
    result = pipeline.briefing([a, b, c], backend="extractive", max_words=400)
    md = render_briefing(result, "md")
    assert "2026-11-20 to 2026-11-21*" in md
    data = json.loads(render_briefing(result, "json"))
    assert data["stories"][0]["first_published"].startswith("2026-11-20T08:00:00")


def test_articles_far_apart_in_time_are_less_similar(mixed: list[Article]) -> None:
    x = stories.article_matrix(mixed[:2])
    times = np.array([0.0, 30.0])
    same = stories.cluster_matrix(x, 0.0001, times=np.array([0.0, 1.0]))
    assert same.tolist() == [0, 0]
    factor = stories._time_factor(times[:, None], times[None, :])
    assert factor[0, 1] == 0.5 and factor[0, 0] == 1.0
    assert stories._time_factor(np.array([np.nan]), np.array([5.0])).tolist() == [1.0]


def test_names_are_who_and_where_with_aliases_folded() -> None:
    art = make_article(
        "Talks in Geneva\n\nThe talks in Geneva were led by Anna Berg. "
        "The Kremlin said Moscow would attend. Officials from the United Nations agreed.",
        source="X",
    )
    found = entities.names(art)
    assert {"geneva", "anna", "berg", "un"} <= set(found)
    kremlin = next(n for n in found if n not in {"geneva", "anna", "berg", "un"})
    assert found.count(kremlin) == 2  # "Kremlin" and "Moscow": one name
    assert "officials" not in found and "the" not in found


def test_a_weekday_in_the_possessive_is_not_a_name() -> None:
    art = make_article(
        "The vote at Wednesday's session in Ohio was delayed, said Smith. "
        "Friday’s meeting was called off, and Smith's aide agreed.",
        source="X",
    )
    found = entities.names(art)
    assert "ohio" in found and "smith" in found
    assert not {"wednesday", "friday"} & set(found)


def test_sibling_events_with_different_names_are_separate_stories() -> None:
    """Two storms on the same day: shared vocabulary, different places and people."""
    storm = (
        "Storm {n} hits {place}\n\n"
        "A powerful storm named {n} struck {place} on Monday, flooding streets and cutting power "
        "to thousands of homes. Emergency services in {place} evacuated residents from low-lying "
        "areas as the storm brought heavy rain and strong winds. {mayor}, the mayor of {place}, "
        "said the damage was severe and that shelters had been opened across the region."
    )
    arts = []
    for k, (n, place, mayor) in enumerate(
        [("Ada", "Porto Velho", "Rita Lanz"), ("Boris", "Kandersee", "Otto Wirz")]
    ):
        for outlet in range(3):
            text = storm.format(n=n, place=place, mayor=mayor)
            text += f" Reporter {outlet} of desk {k} contributed."
            arts.append(make_article(text, source=f"Outlet {k}-{outlet}"))
    found = stories.cluster_stories(stories_input := [arts[i] for i in (0, 3, 1, 4, 2, 5)])
    assert len(stories_input) == 6
    assert sorted(s.size for s in found) == [3, 3]
    for s in found:
        assert len({a.outlets[0].name[7] for a in arts if a.id in s.article_ids}) == 1  # type: ignore[index]


def test_stderr_summary_counts_written_and_listed_stories_and_articles(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    args = ["briefing", str(FIXTURES), str(feed), "-b", "extractive", "--max-stories", "1"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert (
        "stories: 2 in output (1 written, 1 only listed) · articles: 10 in output "
        "(9 in written stories, 1 only listed; 4 copies listed with their originals)"
    ) in res.stderr  # the feed's 4 copies of fixture articles, under other outlets


def test_publication_dates_are_read_defensively() -> None:
    assert timeline.as_datetime("2026-11-21T10:00:00Z").isoformat() == "2026-11-21T10:00:00+00:00"  # type: ignore[union-attr]
    assert timeline.as_datetime("yesterday") is None and timeline.as_datetime(None) is None
    undated = make_article(COMET, source="C")
    [story] = stories.cluster_stories([undated])
    assert story.first_published is None and story.last_published is None


def _two_tight_pairs_loosely_linked() -> np.ndarray:
    """Rows 0-1 and 2-3 are tight pairs (0.9); across the pairs everything is 0.5."""
    sims = np.full((4, 4), 0.5)
    sims[0, 1] = sims[1, 0] = sims[2, 3] = sims[3, 2] = 0.9
    np.fill_diagonal(sims, 1.0)
    return sims


def test_two_tight_groups_loosely_linked_stay_apart() -> None:
    sims = _two_tight_pairs_loosely_linked()
    # plain average linkage joins all four at 0.5 >= 0.4; the cohesion check refuses it
    plain = stories.cohesive_average_linkage(sims, 0.4, 0.0)
    checked = stories.cohesive_average_linkage(sims, 0.4, 0.6)
    assert len(set(plain.tolist())) == 1
    assert checked[0] == checked[1] != checked[2] == checked[3]
    # a loose relation close to the groups' own cohesion is still one story
    assert len(set(stories.cohesive_average_linkage(sims, 0.4, 0.5).tolist())) == 1


def test_the_cohesion_check_never_keeps_a_single_article_out() -> None:
    sims = _two_tight_pairs_loosely_linked()[:3, :3]  # one tight pair and an article at 0.5
    labels = stories.cohesive_average_linkage(sims, 0.4, 0.9)
    assert len(set(labels.tolist())) == 1
    assert len(set(stories.cohesive_average_linkage(sims, 0.6, 0.9).tolist())) == 2


_WAGE_BACKGROUND = (
    "The bill would raise the national minimum wage in three steps over four years and tie "
    "later increases to inflation. Business groups have lobbied against the measure for months, "
    "warning that small employers in rural counties would cut jobs."
)
_WAGE_LEADS = {
    "passed": "Senate passes minimum wage bill\n\nThe Senate passed the minimum wage bill by 52 "
    "votes to 47 on Tuesday after a marathon session of amendments and speeches.",
    "veto": "President vetoes minimum wage bill\n\nThe president vetoed the minimum wage bill on "
    "Friday, calling it reckless and promising a narrower proposal of his own.",
}


def _wage_articles(background: str) -> list[Article]:
    """Two stages of one saga, three outlets each: different leads, the same background."""
    return [
        make_article(f"{lead} {background} Reporter {k} filed this report.", source=f"{ev} {k}")
        for k in range(3)
        for ev, lead in _WAGE_LEADS.items()
    ]


def test_the_lead_sets_sibling_events_further_apart() -> None:
    arts = _wage_articles(" ".join([_WAGE_BACKGROUND] * 3))
    plain = stories.article_matrix(arts, 0.0, 0.0)
    led = stories.article_matrix(arts, 0.0, 0.4)
    sibling = (plain[0] @ plain[1].T).toarray()[0, 0], (led[0] @ led[1].T).toarray()[0, 0]
    same = (plain[0] @ plain[2].T).toarray()[0, 0], (led[0] @ led[2].T).toarray()[0, 0]
    assert sibling[1] < sibling[0] - 0.02
    assert same[1] >= same[0] - 0.01


def test_stages_of_one_saga_with_a_shared_background_are_separate_stories() -> None:
    found = stories.cluster_stories(_wage_articles(_WAGE_BACKGROUND))
    assert sorted(s.size for s in found) == [3, 3]
    for s in found:
        outlets = {o.name.split()[0] for o in s.outlets}
        assert len(outlets) == 1


def test_dates_within_one_day_change_nothing(mixed: list[Article]) -> None:
    undated = stories.cluster_stories(mixed)
    dated = [
        a.model_copy(update={"published": f"2026-11-21T{(7 * i) % 24:02d}:15:00Z"})
        for i, a in enumerate(mixed)
    ]
    assert [s.article_ids for s in stories.cluster_stories(dated)] == [
        s.article_ids for s in undated
    ]


def test_the_same_coverage_a_month_apart_is_two_stories() -> None:
    """Words cannot tell two stages of a saga apart when they repeat each other; dates can."""
    texts = [FLOOD_A, syndicated_copy(FLOOD_A, "Wire X"), syndicated_copy(FLOOD_A, "Wire Y")]

    def day(first: str | None, second: str | None) -> list[Article]:
        early = [make_article(t, source=f"A{i}", published=first) for i, t in enumerate(texts)]
        late = [make_article(t, source=f"B{i}", published=second) for i, t in enumerate(texts)]
        return [*early, *late, make_article(COMET, source="C"), make_article(CUP_A, source="D")]

    assert sorted(s.size for s in stories.cluster_stories(day(None, None))) == [1, 1, 6]
    same_day = stories.cluster_stories(day("2026-11-01", "2026-11-01T18:00:00Z"))
    assert sorted(s.size for s in same_day) == [1, 1, 6]
    apart = stories.cluster_stories(day("2026-11-01", "2026-12-01"))
    assert sorted(s.size for s in apart) == [1, 1, 3, 3]
    for s in apart:
        if s.size == 3:
            assert len({o.name[0] for o in s.outlets}) == 1  # all early or all late


# Hand-written SYNTHETIC articles (invented port and earthquake) for the chain split.
_PORT_SAGA = (
    "The dispute over the port budget has divided the harbour council for a year. Dock workers "
    "and shipping firms have followed every vote on the budget closely. The port employs four "
    "thousand people and handles most of the grain exports of the region. Its budget has been "
    "cut twice since the new council took office, and fees for shipping firms have risen."
)
_PORT_STAGES = {
    "strike": [
        "Dock workers walk out at Kestrel port",
        "Crane drivers and dock workers at Kestrel port began a strike on Monday over pay cuts.",
        "The union said pickets would stay at the gates until the cuts are withdrawn.",
        "Ships queued outside the harbour as cranes stood idle.",
    ],
    "vote": [
        "Harbour council approves port budget",
        "The harbour council approved the port budget by nine votes to four on Wednesday.",
        "Councillor Mira Osei said the vote ended a year of delay.",
        "The budget includes new funds for dredging the channel.",
    ],
    "audit": [
        "Auditors question port accounts",
        "Auditors from the regional office found missing invoices in last year's port accounts.",
        "The audit report names two former finance officers.",
        "Prosecutors said they would read the report before deciding on charges.",
    ],
}
_CREDITS = [
    "Reporter {k} wrote this for the morning edition.",
    "Additional reporting by desk {k}.",
    "This story was filed by correspondent {k}.",
    "Updated with comments from officials, report {k}.",
]
_QUAKE_FACTS = [
    "A magnitude 6.1 earthquake struck the hill town of Varenna before dawn on Sunday.",
    "At least 14 people died when houses collapsed in the old quarter of Varenna.",
    "Rescue teams from three provinces searched the rubble through the night.",
    "The quake was centred 10 kilometres below Varenna, the geological institute said.",
    "Aftershocks shook the town for hours and residents slept in cars.",
    "The regional governor declared an emergency and opened two field hospitals.",
    "The bell tower of the cathedral of Varenna fell into the main square.",
    "Power and water were cut across the valley around Varenna.",
    "Volunteers handed out blankets at the sports hall, which became a shelter.",
    "The prime minister promised funds to rebuild Varenna during a visit on Sunday.",
    "Engineers began checking bridges on the road into Varenna.",
    "Survivors described a deep roar seconds before the shaking began.",
]


def _port_chain() -> list[Article]:
    """Three stages of one saga, four outlets each: own leads, one long shared background."""
    arts = []
    for k in range(4):
        for stage, (head, *lines) in _PORT_STAGES.items():
            body = lines[:]
            random.Random(f"{stage}{k}").shuffle(body)
            text = f"{head}\n\n{body[0]} {body[1]} {_PORT_SAGA} {body[2]} {_CREDITS[k]}"
            arts.append(make_article(text.format(k=k), source=f"{stage} {k}"))
    return arts


def _quake_event() -> list[Article]:
    """One event told by twelve outlets, each with its own choice of the facts."""
    arts = []
    for k in range(12):
        facts = [_QUAKE_FACTS[0], *random.Random(k).sample(_QUAKE_FACTS[1:], 6)]
        text = f"Earthquake in Varenna\n\n{' '.join(facts)} {_CREDITS[k % 4].format(k=k)}"
        arts.append(make_article(text, source=f"outlet {k}"))
    return arts


def test_a_story_that_chains_sub_events_is_split_into_them() -> None:
    arts = _port_chain()
    # a loose cut with plain average linkage (no cohesion, name or lead check) chains the three
    # stages into one story
    plain = {"threshold": 0.3, "cohesion_ratio": 0.0, "name_band": None, "lead_cohesion": None}
    [merged] = stories.cluster_stories(arts, **plain, split_z=None)
    assert merged.size == 12
    # the lead check (bench round 19, on by default) keeps the stages apart at that cut too:
    # their leads say what happened, their bodies share the background
    with_lead = stories.cluster_stories(arts, **{**plain, "lead_cohesion": 0.5}, split_z=None)
    assert sorted(s.size for s in with_lead) == [4, 4, 4]
    # the chain split finds them again: three stories of four, each one stage
    assert stories.SPLIT_Z is None  # off by default
    z = stories.SPLIT_Z_TUNED
    found = stories.cluster_stories(arts, **plain, split_z=z)
    assert sorted(s.size for s in found) == [4, 4, 4]
    for s in found:
        assert len({o.name.split()[0] for o in s.outlets}) == 1
    labels = stories.split_chain(stories.article_matrix(arts, 0.0, stories.SPLIT_LEAD_WEIGHT), z)
    assert len(set(labels.tolist())) == 3


def test_one_real_event_of_twelve_articles_is_kept_whole() -> None:
    arts = _quake_event()
    for ratio in (0.0, stories.COHESION_RATIO):
        [story] = stories.cluster_stories(
            arts, threshold=0.3, cohesion_ratio=ratio, split_z=stories.SPLIT_Z_TUNED
        )
        assert story.size == 12
    x = stories.article_matrix(arts, 0.0, stories.SPLIT_LEAD_WEIGHT)
    assert set(stories.split_chain(x, 2.0).tolist()) == {0}  # even a lax z finds no chain


def test_greedy_modularity_finds_two_linked_triangles() -> None:
    graph = np.zeros((6, 6))
    for i, j in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (2, 3)]:
        graph[i, j] = graph[j, i] = 1.0
    labels, q = stories._greedy_modularity(graph)
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4] == labels[5]
    assert q == pytest.approx(5 / 14)  # 2 x (3/7 - (7/14)^2)


def test_a_merge_check_sees_whole_input_rows_and_can_refuse() -> None:
    """``cluster_matrix``'s check is asked with rows of the input, not of one component."""
    x = csr_matrix(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]))
    asked: list[tuple[list[int], list[int]]] = []

    def keep_all(a: list[int], b: list[int], sim: float) -> bool:
        asked.append((a, b))
        return True

    labels = stories.cluster_matrix(x, 0.9, check=keep_all)
    assert labels[1] == labels[2] and len(set(labels.tolist())) == 3
    assert [sorted(a + b) for a, b in asked] == [[1, 2]]  # rows 0 and 3 have no neighbour
    refused = stories.cluster_matrix(x, 0.9, check=lambda a, b, sim: False)
    assert len(set(refused.tolist())) == 4


def test_a_story_of_untitled_articles_is_headed_by_its_lead_without_the_dateline() -> None:
    lead = (
        "WASHINGTON (AP) -- Storm Ana flooded the streets of the capital on Monday and cut the "
        "power to forty thousand homes, officials said."
    )
    rest = " Crews worked through the night. Schools stayed closed on Tuesday."
    untitled = [
        make_article(lead + rest, source="AP"),
        make_article("* " + lead.replace("(AP) --", "_") + rest, source="NYT"),
    ]
    [story] = stories.cluster_stories(untitled)
    assert story.title == "Storm Ana flooded the streets of the capital on Monday and cut…"
    short = make_article("BEIJING _ Talks ended. They will resume.", source="X")
    assert stories.lead_headline(short) == "Talks ended"
    byline = make_article("By JOHN SMITH. " + lead + rest, source="X")
    assert stories.lead_headline(byline).startswith("Storm Ana flooded")  # type: ignore[union-attr]
    # a real headline always wins over a lead
    titled = [*untitled, make_article("Storm Ana floods the capital\n\n" + lead + rest, source="Z")]
    [story] = stories.cluster_stories(titled)
    assert story.title == "Storm Ana floods the capital"
    # a lead that merely starts with a capitalised word and a dash keeps it
    nato = make_article("NATO - the alliance said it would meet again.", source="X")
    assert stories.lead_headline(nato) == "NATO - the alliance said it would meet again"


def test_count_matrix_numbers_terms_by_first_use() -> None:
    """Columns in order of each term's first use; values 1 + log(count)."""
    docs = [{"b": 2, "a": 1}, {}, {"c": 1, "b": 3}, {"a": 5}]
    x = stories.count_matrix(docs).toarray()
    assert x.shape == (4, 3)  # columns b, a, c
    expected = np.array(
        [
            [1 + np.log(2), 1.0, 0.0],
            [0.0, 0.0, 0.0],
            [1 + np.log(3), 0.0, 1.0],
            [0, 1 + np.log(5), 0],
        ]
    )
    assert np.allclose(x, expected)


# -- careless user, round 7: a copy under a second name is no second source ----------------------


def test_a_file_copied_under_a_second_name_is_no_second_source(tmp_path: Path) -> None:
    """`cp comet.txt comet-copy.txt` made the comet "2 sources" and let it pass
    --min-sources 2, in Markdown and JSON. Now the reader's count (``source_count``) takes the
    copy once, while ``outlets`` still lists every input file (the accounting of the inputs)."""
    day = tmp_path / "day"
    day.mkdir()
    (day / "comet.txt").write_text(COMET, encoding="utf-8")
    (day / "comet-copy.txt").write_text(COMET, encoding="utf-8")
    (day / "flood.txt").write_text(FLOOD_A, encoding="utf-8")
    args = ["briefing", str(day), "--backend", "extractive", "-q"]
    md = runner.invoke(app, [*args, "-f", "md"])
    assert md.exit_code == 0, md.output
    assert "*1 source (2 inputs): file comet-copy.txt, file comet.txt*" in md.stdout, md.stdout
    # --min-sources 2: the copied comet is no story of two sources
    two = runner.invoke(app, [*args, "-f", "json", "--min-sources", "2"])
    assert not any(s["written"] for s in json.loads(two.stdout)["stories"]), two.stdout
    res = runner.invoke(app, [*args, "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    [comet] = [s for s in data["stories"] if "comet" in (s["title"] or "").lower()]
    assert sorted(Path(o["file"]).name for o in comet["outlets"]) == [
        "comet-copy.txt",
        "comet.txt",
    ]  # every input is still accounted for
    assert comet["source_count"] == 1 and comet["size"] == 1


def test_a_copy_of_a_named_article_or_one_url_twice_is_one_source() -> None:
    """A CMS export's record (named) and the same text saved as a file; one page under two
    outlet names (its site name and its owner's): one source each. A syndicated copy with
    edits, under its own outlet name, is no second source either (surfaces4): it is named as a
    copy's outlet."""
    named = make_article(COMET, source="Sky Weekly", url="https://sky.example/comet")
    copy = make_article(COMET, file="saved/comet.txt")
    same_page = make_article(COMET, source="Sky Weekly Online", url="https://sky.example/comet")
    result = pipeline.briefing([named, copy, same_page], backend="extractive")
    md = render_briefing(result, "md")
    assert "*1 source (3 inputs): Sky Weekly, file comet.txt, Sky Weekly Online*" in md, md
    assert ">1 source (3 inputs)<" in render_briefing(result, "html")
    [story] = result.stories
    assert story.source_count == 1 and len(story.outlets) == 3
    other = make_article(syndicated_copy(COMET, "Star Daily"), source="Star Daily")
    result = pipeline.briefing([named, copy, other], backend="extractive")
    said = "*1 source, 2 articles (2 inputs): Sky Weekly, file comet.txt · copy run by Star Daily*"
    assert said in render_briefing(result, "md")
    assert [s.source_count for s in result.stories] == [1]
    assert json.loads(result.model_dump_json())["stories"][0]["source_count"] == 1


def test_stories_are_ordered_by_the_sources_the_reader_is_told() -> None:
    """Two copies of one nameless text outranked a story two outlets carried."""
    copies = [make_article(COMET, file=f"comet-{n}.txt") for n in range(3)]
    flood = [
        make_article(FLOOD_A, source="River Times"),
        make_article(FLOOD_B, source="Valley News"),
    ]
    result = pipeline.briefing([*copies, *flood], backend="extractive")
    assert "comet" not in (result.stories[0].title or "") and result.stories[0].id == "story-1"
    assert [s.source_count for s in result.stories] == [2, 1]


def test_pages_of_one_site_without_an_outlet_name_are_one_source() -> None:
    """A CMS export with a ``url`` and no ``source``: two pages of one site were "2 sources"
    (each URL its own outlet), so one site's follow-up met --min-sources 2 and outranked a
    story two outlets carried. Now an outlet known only by its URL is one source per site;
    pages of two sites are still two, and named outlets sharing a portal stay apart."""
    one_site = [
        make_article(FLOOD_A, url="https://www.river-times.example/flood"),
        make_article(FLOOD_B, url="https://RIVER-TIMES.example/flood-cost"),
    ]
    result = pipeline.briefing(one_site, backend="extractive")
    assert [s.source_count for s in result.stories] == [1]
    assert len(result.stories[0].outlets) == 2  # both pages are still listed
    assert not pipeline.briefing(one_site, backend="extractive", min_sources=2).stories[0].written
    two_sites = [one_site[0], make_article(FLOOD_B, url="https://valley-news.example/flood")]
    assert [s.source_count for s in pipeline.briefing(two_sites).stories] == [2]
    portal = [
        make_article(FLOOD_A, source="River Times", url="https://portal.example/a"),
        make_article(FLOOD_B, source="Valley News", url="https://portal.example/b"),
    ]
    assert [s.source_count for s in pipeline.briefing(portal).stories] == [2]


# -- a weak link needs a name in common (bench rounds 13-14) ------------------------------------

EARNINGS = """Nordel Systems profit falls as chip costs rise

Nordel Systems said on Thursday that quarterly profit fell 12 percent as the cost of memory chips
rose, and it cut its forecast for the year. Revenue rose 3 percent to 2.9 billion dollars,
beating the average estimate of analysts. The company said prices would rise in the second half
of the year."""
MAYOR = """Greens win Riverton mayoral race

Sofia Lind of the Green Party was elected mayor of Riverton on Sunday, winning 41 percent of the
vote. Turnout rose 4 percent to 58 percent, the highest in a local election for a decade. Lind
said she would cut the cost of bus fares from March."""


def test_a_weak_link_between_reports_that_name_no_one_in_common_is_no_story() -> None:
    """A small day: an earnings report and a mayoral election share only generic words (raw
    cosine 0.086), but each is the other's only neighbour, so the local scale rests on the
    floor and lifts the link to 0.57, past the threshold: one story of "2 sources". Now a link
    that weak needs a name in common; the same link with a shared name still merges."""
    earnings, mayor = make_article(EARNINGS), make_article(MAYOR)
    before = stories.cluster_stories([earnings, mayor], name_band=None, subject_band=None)
    assert len(before) == 1  # as before
    assert len(stories.cluster_stories([earnings, mayor])) == 2
    named = make_article(MAYOR.replace("of the Green Party", "of Nordel Systems"))  # a name
    assert len(stories.cluster_stories([earnings, named])) == 1
    check = stories.shared_name_check([earnings, mayor, named], upper=0.65)
    assert check([0], [1], 0.6) is False  # weak, no name in common
    assert check([0], [1], 0.7) is True  # strong enough without
    assert check([0], [2], 0.6) is True  # "Systems" in both leads


BANK = """Central bank holds rates at 4.5 percent

The central bank held its main interest rate at 4.5 percent on Thursday, saying inflation had
fallen to 3.1 percent but remained above its 2 percent target. Governor Anna Kessler said the
bank expected to cut rates later in the year if prices kept easing. Markets had expected the
decision, and the currency rose 0.3 percent against the dollar."""


def test_a_link_only_the_floor_lifts_needs_a_name_in_common() -> None:
    """An earnings report and a central bank's decision share "percent", "Thursday" and
    "rose" (raw cosine 0.136); on a small day both local scales rest on the floor, which
    lifts the link to 0.91, past the name check's band, so they were one story. A raw link
    that weak now needs a name in common (bench round 15); with one, it still merges."""
    earnings, bank = make_article(EARNINGS), make_article(BANK)
    x = stories.article_matrix([earnings, bank], stories.NAME_WEIGHT, stories.LEAD_WEIGHT)
    raw = float((x @ x.T).toarray()[0, 1])
    assert raw < stories.NAME_RAW_LINK
    assert stories.shared_name_check([earnings, bank], upper=0.65)([0], [1], 0.91)  # scaled only
    assert not stories.shared_name_check([earnings, bank], upper=0.65, x=x)([0], [1], 0.91)
    assert len(stories.cluster_stories([earnings, bank])) == 2
    named = make_article(BANK.replace("Governor Anna Kessler", "Nordel Systems' Anna Kessler"))
    assert len(stories.cluster_stories([earnings, named])) == 1


STRIKE_CALLED = """Rail staff at Northline to strike for 48 hours from Thursday

Northline Rail workers will strike for 48 hours from Thursday after talks on pay broke down,
the RMT union said on Tuesday. The union said members had rejected a pay offer of 3.5 percent.
Only one in five Northline trains is expected to run during the strike, the company said."""
STRIKE_CALLED_2 = """Northline strike set to halt most trains

Most Northline Rail trains will not run on Thursday and Friday after the RMT union called a
48-hour strike over pay, rejecting an offer of 3.5 percent. Northline said one in five trains
would run and urged passengers to travel only if they must."""
STRIKE_OFF = """Northline rail strike called off after new pay offer

The RMT union has called off this week's 48-hour strike at Northline Rail after the company
improved its pay offer to 4.8 percent, the union said on Tuesday evening. Members will vote on
the new offer, and Northline trains will run as normal on Thursday and Friday."""


def test_a_story_that_moved_on_during_the_day_is_titled_by_its_latest_reports() -> None:
    """A strike announced in the morning and called off in the evening is one story; it was
    headed by the most central report, the morning's "to strike for 48 hours", its stale
    state. When its dated reports span three hours or more, its latest half heads it."""
    morning = [
        make_article(STRIKE_CALLED, source="Post", published="2025-06-10T08:10:00Z"),
        make_article(STRIKE_CALLED_2, source="Times", published="2025-06-10T08:40:00Z"),
    ]
    evening = make_article(STRIKE_OFF, source="Wire", published="2025-06-10T18:45:00Z")
    found = stories.cluster_stories([*morning, evening])
    assert len(found) == 1
    assert found[0].title == "Northline rail strike called off after new pay offer"
    soon = evening.model_copy(update={"published": "2025-06-10T09:30:00Z"})
    within = stories.cluster_stories([*morning, soon])  # an hour later: still the central one
    assert within[0].title != "Northline rail strike called off after new pay offer"
    undated = [a.model_copy(update={"published": None}) for a in (*morning, evening)]
    assert stories.cluster_stories(undated)[0].title == within[0].title


CHIP_SECTOR = (
    "Chipmakers have ridden a wave of spending on artificial intelligence data centres this "
    "year, while demand for personal computer chips has stayed weak. Analysts said the "
    "results would show whether the semiconductor cycle had turned. Analysts expect chip "
    "sales to grow again next year as spending on AI data centres rises. Spending on AI data "
    "centres is expected to rise again next year, lifting chip sales, analysts said. Chip "
    "sales should grow again next year, analysts said, as AI data centre spending rises."
)
NORDLYS_BODY = (
    " Nordlys, based in Trondheim, said its new fab would start production next spring and "
    "that its chief executive, Ingrid Solberg, expected record margins."
)
VELTRIX_BODY = (
    " Veltrix, based in Austin, said it would close a plant in Penang and its chief "
    "executive, Mark Delaney, warned that inventories at PC makers remained high."
)
NORDLYS = [
    "Nordlys Semiconductors beats forecasts as AI chip demand lifts revenue\n\n"
    "Nordlys Semiconductors reported third-quarter revenue of $4.1 billion on Tuesday, above "
    "analysts' forecasts, as orders for its data centre chips doubled. ",
    "Nordlys shares jump after upbeat third quarter\n\n"
    "Shares in Nordlys Semiconductors rose 7 percent on Tuesday after the company's quarterly "
    "revenue and guidance beat expectations on strong data centre chip orders. ",
    "Nordlys raises outlook on data centre orders\n\n"
    "Nordlys Semiconductors raised its fourth-quarter revenue outlook on Tuesday after "
    "third-quarter sales beat forecasts, driven by chips for data centres. ",
]
VELTRIX = [
    "Veltrix Microdevices cuts outlook as PC chip sales slump\n\n"
    "Veltrix Microdevices cut its fourth-quarter revenue outlook on Tuesday after "
    "third-quarter sales of its personal computer chips fell short of forecasts. ",
    "Veltrix shares tumble after weak third quarter\n\n"
    "Shares in Veltrix Microdevices fell 11 percent on Tuesday after the company's quarterly "
    "revenue missed expectations and it cut its guidance on weak PC chip demand. ",
    "Veltrix misses forecasts as personal computer demand stays weak\n\n"
    "Veltrix Microdevices reported third-quarter revenue of $2.3 billion on Tuesday, below "
    "analysts' forecasts, as sales of chips for personal computers fell. ",
]
TAKEOVER = (
    " The deal values Kestrel Labs at $2 billion. Nordlys Semiconductors will pay cash, and "
    "Kestrel's founder Maria Lind, who owns a third of the startup, will join the Nordlys "
    "board. Kestrel makes photonic chips that link servers in data centres."
)
TAKEOVER_REPORTS = [  # one event, three leads: the buyer, the startup, its founder
    "Nordlys agrees to buy photonics startup for $2 billion\n\n"
    "Nordlys Semiconductors agreed on Wednesday to buy Kestrel Labs, a photonic chip startup, "
    "for $2 billion in cash." + TAKEOVER,
    "Kestrel Labs sold in $2 billion chip deal\n\n"
    "Kestrel Labs, the photonic chip startup, has agreed to be sold for $2 billion in cash, "
    "the company said on Wednesday." + TAKEOVER,
    "Maria Lind becomes a billionaire as her startup is sold\n\n"
    "Maria Lind, who founded a photonic chip startup in her garage six years ago, will make "
    "about $700 million from its $2 billion sale announced on Wednesday." + TAKEOVER,
]


def test_two_companies_results_in_one_sector_are_two_stories() -> None:
    """Two chipmakers' results on one day share the sector's words (their link, 0.72 after
    scaling, passes the threshold, the cohesion check and the name check's band); each
    report leads with its own company, which the other's reports never name (bench round
    17). A takeover told by its buyer, its target and its founder stays one story: every
    subject one lead names is named somewhere in the other reports."""
    chips = [
        make_article(t + CHIP_SECTOR + NORDLYS_BODY, source=f"n{i}") for i, t in enumerate(NORDLYS)
    ]
    chips += [
        make_article(t + CHIP_SECTOR + VELTRIX_BODY, source=f"v{i}") for i, t in enumerate(VELTRIX)
    ]
    found = stories.cluster_stories(chips)
    assert sorted(len(s.article_ids) for s in found) == [3, 3]
    assert len(stories.cluster_stories(chips, subject_band=None)) == 1  # without the check
    takeover = [make_article(t, source=f"t{i}") for i, t in enumerate(TAKEOVER_REPORTS)]
    assert len(stories.cluster_stories(takeover)) == 1
    assert len(stories.cluster_stories(takeover + chips)) == 3


def test_a_rival_named_in_passing_counts_only_under_the_named_share() -> None:
    """One Veltrix report names Nordlys in passing (as on the tester's day 3): by round 17's
    rule (``SUBJECT_NAMED`` 0, any one article) the Veltrix reports then name Nordlys and the
    two results merge. With ``subject_named`` 0.5 a subject is named only by half or more of
    a group's articles, and they part (bench round 20; the default since round 21, at 0.34,
    once names that only start sentences and hyphenated names were read)."""
    passing = " Rival Nordlys Semiconductors reported strong results earlier in the day."
    chips = [
        make_article(t + CHIP_SECTOR + NORDLYS_BODY, source=f"n{i}") for i, t in enumerate(NORDLYS)
    ]
    chips += [
        make_article(t + CHIP_SECTOR + VELTRIX_BODY + (passing if i == 0 else ""), source=f"v{i}")
        for i, t in enumerate(VELTRIX)
    ]
    assert len(stories.cluster_stories(chips, subject_named=0.0)) == 1
    parted = stories.cluster_stories(chips, subject_named=0.5)
    assert sorted(len(s.article_ids) for s in parted) == [3, 3]
    by_default = stories.cluster_stories(chips)
    assert sorted(len(s.article_ids) for s in by_default) == [3, 3]


def test_a_company_named_only_at_the_start_of_sentences_is_a_name() -> None:
    """News leads start with the company ("Nordlys Semiconductors reported ..."); a report
    that never names it mid-sentence still names it (bench round 21), and a hyphenated
    name counts as its capitalised parts, so "Aoraki-Mt Cook" meets "Aoraki"."""
    art = make_article(
        "Nordlys Semiconductors beats forecasts\n\n"
        "Nordlys Semiconductors reported an 18% rise in revenue on Monday. "
        "The Oslo-based company said orders doubled. Two climbers died at Aoraki-Mt Cook.",
        source="X",
    )
    found = set(entities.names(art))
    assert {entities.stem("nordlys"), "oslo", "aoraki", "cook"} <= found
    assert not any("-" in n for n in found)  # no "oslo-bas", no "aoraki-mt"


def test_a_common_word_at_the_start_of_a_sentence_is_no_name() -> None:
    """The first word of a capitalised run is a name only if the article never writes it in
    lower case, and only before another name: "Police Chief Ann Lee" in an article that
    says "the police" does not make police a name, nor does "Last Tuesday" make last one."""
    art = make_article(
        "Police Chief Ann Lee said the police were ready. Last Tuesday the march was calm.",
        source="X",
    )
    found = set(entities.names(art))
    assert {"ann", "lee"} <= found
    assert not {"police", "last", "tuesday"} & found


def test_the_lead_cohesion_check_looks_only_at_small_groups_under_a_cap() -> None:
    """Two pairs whose leads share nothing are refused by the lead cohesion check (lead link
    0 against each pair's own cohesion 1); with a cap (bench round 18) the same merge is still
    refused while both groups are within it, and allowed once a group holds more articles
    than the cap: big events and long topics, whose merges join larger groups, are let be."""
    leads = csr_matrix(np.array([[1.0, 0.0]] * 2 + [[0.0, 1.0]] * 3))
    plain = stories.lead_cohesion_check(leads, upper=10.0, ratio=0.5)
    capped = stories.lead_cohesion_check(leads, upper=10.0, ratio=0.5, cap=2)
    assert plain([0, 1], [2, 3], 0.6) is False
    assert capped([0, 1], [2, 3], 0.6) is False  # both groups of 2: within the cap
    assert plain([0, 1], [2, 3, 4], 0.6) is False
    assert capped([0, 1], [2, 3, 4], 0.6) is True  # a group of 3 exceeds the cap
    assert capped([0], [2, 3], 0.6) is True  # a single article: never checked without singletons


def _election(year: int, extra: str = "") -> Article:
    text = (
        f"Turkmenistan held its parliamentary election on Sunday, the first since {year - 5}. "
        f"Officials said turnout in the {year} vote was high. {extra}"
    )
    return make_article(text, source=f"Paper {year}")


def test_undated_groups_whose_years_do_not_overlap_are_kept_apart_when_uncertain() -> None:
    old = [_election(2008), _election(2008, "Results are due in 2008.")]
    new = [_election(2013), _election(2013)]
    check = stories.year_check([*old, *new], upper=0.65, gap=4, least=1)
    assert check is not None
    assert check([0, 1], [2, 3], 0.6) is False  # 2008 at most against 2013 at least
    assert check([0, 1], [2, 3], 0.7) is True  # a sure link is not asked about
    assert check([0], [1], 0.6) is True  # one event, one year


def test_years_that_overlap_or_sit_close_do_not_refuse_a_merge() -> None:
    close = [_election(2011), _election(2013)]
    near = stories.year_check(close, upper=0.65, gap=4, least=1)
    assert near is not None
    assert near([0], [1], 0.6) is True
    # one report of the later group names only a background year close to the other's
    mixed = [_election(2008), _election(2013), _election(2010)]
    check = stories.year_check(mixed, upper=0.65, gap=4, least=1)
    assert check is not None
    assert check([0], [1, 2], 0.6) is True
    assert check([0], [1], 0.6) is False


def test_the_year_check_asks_for_enough_articles_that_name_a_year() -> None:
    arts = [_election(2008), _election(2013), _election(2013)]
    check = stories.year_check(arts, upper=0.65, gap=4, least=2)
    assert check is not None
    assert check([0], [1, 2], 0.6) is True  # one article names a year on the left


def test_dated_articles_are_left_to_their_dates_not_their_years() -> None:
    arts = [
        make_article(_election(y).text, source=f"P{y}", published=f"{y}-03-01T10:00:00Z")
        for y in (2008, 2013)
    ]
    assert stories.latest_years(arts) == [None, None]
    assert stories.year_check(arts, upper=0.65) is None


def test_only_a_number_that_reads_as_a_year_is_one() -> None:
    arts = [
        make_article("The fund paid $2019 million, up 2030% on the 1,999 claims.", source="A"),
        make_article("The plan, first drafted in 1998, was revised in 2004.", source="B"),
    ]
    assert stories.latest_years(arts) == [None, 2004]


def test_cluster_stories_asks_the_year_check(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [_election(2008), _election(2008, "Polls closed at 8pm."), _election(2013)]
    arts.append(_election(2013, "Polls closed at 8pm."))
    monkeypatch.setattr(stories, "YEAR_BAND", None)
    assert [len(s.article_ids) for s in stories.cluster_stories(arts)] == [4]
    monkeypatch.setattr(stories, "YEAR_BAND", 10.0)  # every link counts as uncertain
    assert sorted(len(s.article_ids) for s in stories.cluster_stories(arts)) == [2, 2]


AIRLINE_GENRE = (
    " Third-quarter net profit, revenue and passenger numbers were all compared with a year "
    "earlier, and analysts said fuel costs, fares and the summer season drove the results. "
    "The shares moved sharply on the Veshtun Stock Exchange."
)
CALDAIR = [
    "Caldair profit jumps on summer travel\n\nThe flag carrier Caldair reported an 18% rise in "
    "third-quarter profit on Tuesday. Record summer passenger numbers helped Caldair, which "
    "raised its guidance, said Caldair's finance chief." + AIRLINE_GENRE,
    "Caldair shares climb after results\n\nShares in Caldair rose 6% after the flag carrier "
    "beat forecasts. Analysts said Caldair had the strongest summer in its history, and the "
    "chief executive of Caldair promised new routes." + AIRLINE_GENRE,
]
SKYVESTA = [
    "SkyVesta swings to a loss\n\nThe low-cost airline SkyVesta swung to a third-quarter loss "
    "on Tuesday. Engine inspections grounded jets at SkyVesta, which cut its forecast, said "
    "SkyVesta's chief executive, unlike rival Caldair." + AIRLINE_GENRE,
    "SkyVesta shares slump after warning\n\nShares in SkyVesta fell 14% after the low-cost "
    "airline's profit warning. A fare war hurt SkyVesta, and the board of SkyVesta expects a "
    "weaker winter." + AIRLINE_GENRE,
]


def test_reports_about_different_subjects_conflict_and_one_subject_does_not() -> None:
    """Round 24's salient check: an article's subject is the name it repeats most (three or
    more times by default); two results reports conflict when neither names the other's
    subject. One SkyVesta report names Caldair in passing: that pair does not conflict, the
    other three cross pairs do, so the merge is refused at share 0.5 and allowed at 0.8."""
    arts = [make_article(t, source=f"s{i}") for i, t in enumerate(CALDAIR + SKYVESTA)]
    check = stories.salient_check(arts, upper=math.inf, share=0.5)
    assert check([0], [1], 0.9) is True  # one company's two reports
    assert check([2], [3], 0.9) is True
    assert check([0, 1], [2, 3], 0.9) is False  # 3 of 4 pairs conflict
    assert check([0], [2], 0.9) is True  # the report that names Caldair
    assert check([1], [3], 0.9) is False
    assert stories.salient_check(arts, upper=math.inf, share=0.8)([0, 1], [2, 3], 0.9) is True
    assert stories.salient_check(arts, upper=0.5)([0, 1], [2, 3], 0.9) is True  # above band


def test_a_name_repeated_too_few_times_is_no_subject() -> None:
    """With ``least`` above any name's count no article has a subject, so no pair counts
    and nothing is refused; with ``mention`` 2 the passing mention of Caldair no longer
    names it, and all four cross pairs conflict."""
    arts = [make_article(t, source=f"s{i}") for i, t in enumerate(CALDAIR + SKYVESTA)]
    assert stories.salient_check(arts, upper=math.inf, least=9)([0, 1], [2, 3], 0.9) is True
    strict = stories.salient_check(arts, upper=math.inf, share=1.0, mention=2)
    assert strict([0, 1], [2, 3], 0.9) is False
    assert stories.salient_check(arts, upper=math.inf, share=1.0)([0, 1], [2, 3], 0.9) is True


def test_cluster_stories_asks_the_salient_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two airlines' results of one day share the genre's words; without the check (and
    without the name, subject and lead checks of earlier rounds, to see this one alone) they
    are one story, and with it (the default since round 25) two. Undated, the same reports
    stay one story: the library counts only pairs published close in time."""
    undated = [make_article(t, source=f"s{i}") for i, t in enumerate(CALDAIR + SKYVESTA)]
    dated = [
        a.model_copy(update={"published": f"2028-10-17T0{i}:30:00Z"}) for i, a in enumerate(undated)
    ]
    others_off = {"name_band": None, "subject_band": None, "lead_cohesion": None}
    parted = stories.cluster_stories(dated, **others_off)
    assert sorted(len(s.article_ids) for s in parted) == [2, 2]
    assert [len(s.article_ids) for s in stories.cluster_stories(undated, **others_off)] == [4]
    monkeypatch.setattr(stories, "SALIENT_BAND", None)
    assert [len(s.article_ids) for s in stories.cluster_stories(dated, **others_off)] == [4]
    monkeypatch.setattr(stories, "SALIENT_BAND", math.inf)
    monkeypatch.setattr(stories, "SALIENT_DATED", False)  # round 24: every pair counts
    found = stories.cluster_stories(undated, **others_off)
    assert sorted(len(s.article_ids) for s in found) == [2, 2]


def test_the_salient_check_can_count_only_reports_close_in_time() -> None:
    """Round 25: a topic's reports move between subjects over weeks, so with ``times`` only
    pairs of dated articles published within ``TIME_WINDOW_DAYS`` count: the two airlines'
    reports of one day are refused, the same reports a week apart or undated are not asked
    about (no pair counts)."""
    arts = [make_article(t, source=f"s{i}") for i, t in enumerate(CALDAIR + SKYVESTA)]
    day = np.array([20000.0, 20000.1, 20000.2, 20000.3])
    week = np.array([20000.0, 20000.1, 20007.0, 20007.1])
    undated = np.full(4, np.nan)
    assert stories.salient_check(arts, math.inf, times=day)([0, 1], [2, 3], 0.9) is False
    assert stories.salient_check(arts, math.inf, times=week)([0, 1], [2, 3], 0.9) is True
    assert stories.salient_check(arts, math.inf, times=undated)([0, 1], [2, 3], 0.9) is True
