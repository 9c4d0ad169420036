"""A briefing through the Batch API against the FAKE server (tests/fake_batch_server.py).

The fake "model" below writes HAND-WRITTEN answers: each claim copies the first words of one
DATA line and adds an unsupported tail, so the offline checks leave it to the judge; the judge
answer supports every claim with a verbatim span of its cited sentence. A briefing of the test
day (four stories) therefore takes two stages: every story's reduce, then every story's judge.
Failures are injected on purpose.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import mapreduce
from summarizer.cli import app
from summarizer.llm.batch import collect, submit
from summarizer.models import Briefing
from summarizer.settings import Settings

from .conftest import ARTICLES
from .fake_batch_server import serve
from .fakeserver import _stage as fake_stage
from .synthetic import COMET, CUP_A, CUP_B, FLOOD_A, FLOOD_B
from .test_batch import LINE

runner = CliRunner()
CLAIM = re.compile(r"^Claim (\d+): ")
TAIL = " while critics questioned the timing and wider motives"  # not in any source


def paraphrasing_model(body: dict[str, Any]) -> dict[str, Any]:
    """HAND-WRITTEN answers: claims are a DATA line's first words plus TAIL; verdicts support,
    quoting the whole first cited sentence (a span with all the claim's names and numbers)."""
    schema = body["response_format"]["json_schema"]["schema"]
    key = next(iter(schema["properties"]))
    text = "\n".join(m["content"] for m in body["messages"])
    if key == "verdicts":
        verdicts: list[dict[str, Any]] = []
        current: int | None = None
        for line in text.splitlines():
            m = CLAIM.match(line)
            if m:
                current = int(m.group(1))
            elif current is not None and line.strip().startswith("- "):
                span = line.strip()[2:]
                verdicts.append({"id": current, "supported": True, "evidence": span})
                current = None
        return {"content": json.dumps({"verdicts": verdicts})}
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    data = user.split("<data>", 1)[1].split("</data>", 1)[0]
    limit = schema["properties"][key].get("maxItems", 3)
    items = []
    for line in data.strip().splitlines():
        m = LINE.match(line.strip())
        if m:
            words = " ".join(m.group(2).split()[:12])
            cites = [c.strip() for c in m.group(1).split(",")]
            items.append({"text": words + (TAIL if key == "claims" else ""), "cites": cites})
    return {"content": json.dumps({key: items[:limit]})}


@pytest.fixture
def day(tmp_path: Path) -> Path:
    """Four stories: the fixtures' one (five articles), a flood, a cup final, a comet."""
    folder = tmp_path / "day"
    folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for n, text in enumerate([FLOOD_A, FLOOD_B, CUP_A, CUP_B, COMET]):
        (folder / f"synthetic-{n}.txt").write_text(text, encoding="utf-8")
    return folder


def settings(base_url: str, cache: Path) -> Settings:
    return Settings(backend="openai", base_url=base_url, model="gpt-4o-mini", cache_dir=cache)


def comparable(b: Briefing) -> dict[str, Any]:
    return b.model_dump(include={"stories", "sources", "engine", "counts", "partial"})


def round_lines(state_dir: Path, n: int) -> list[dict[str, Any]]:
    text = (state_dir / f"round-{n}.batch.jsonl").read_text(encoding="utf-8")
    return [json.loads(x) for x in text.splitlines()]


def stage(body: dict[str, Any]) -> str:
    """map, collapse, reduce, blurb or judge, from the request's system prompt."""
    return fake_stage(body)


def about(body: dict[str, Any], word: str) -> bool:
    return word in body["messages"][1]["content"]


def test_briefing_takes_one_batch_per_stage_then_is_written_from_the_cache(
    tmp_path: Path, day: Path
) -> None:
    state_dir = tmp_path / "b"
    with serve(paraphrasing_model) as server:
        config = settings(server.base_url, tmp_path / "cache")
        state = submit([str(day)], state_dir, config, kind="briefing")
        first = round_lines(state_dir, 1)
        assert state.rounds[0].requests == len(first) == 4  # one reduce per story, one batch
        assert [stage(x["body"]) for x in first] == ["reduce"] * 4 and server.chat_calls == 0

        waiting = collect(state_dir)
        assert (waiting.status, waiting.answers, waiting.errors) == ("completed", 4, [])
        assert waiting.briefing is None and waiting.follow_up == "batch_2"
        second = [stage(x["body"]) for x in round_lines(state_dir, 2)]
        assert waiting.waiting == 4 and second == ["judge"] * 4

        final = collect(state_dir)
        assert final.follow_up is None and final.briefing is not None
        result = final.briefing
        assert final.done == 4 and all(s.written for s in result.stories)
        assert not result.partial and result.usage.calls == 0  # written from the cache
        judged = [c for s in result.stories for c in s.claims if c.checks[-1].name == "judge"]
        assert judged and all(c.verdict == "accepted" for c in judged)
        assert server.chat_calls == 0  # everything went through batches

        # the same briefing as online, and online on the same cache now makes zero calls
        again = summarizer.briefing([day], settings=config)
        assert server.chat_calls == 0 and again.usage.cache_hits == 8
        assert comparable(again) == comparable(result)
        fresh = summarizer.briefing([day], settings=settings(server.base_url, tmp_path / "o"))
        assert server.chat_calls == 8
        assert comparable(fresh) == comparable(result)


def test_a_story_too_big_for_the_reduce_takes_map_collapse_reduce_judge_rounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reduce budget of 60 tokens (``reduce_tokens``), with the writer reading every
    sentence (``select=False``: no central sentences picked to fit one reduce call), makes the
    fixtures' story go through the map stage, then collapse rounds, each stage one batch after
    the other."""
    init = mapreduce.LLMWriter.__init__
    monkeypatch.setattr(
        mapreduce.LLMWriter, "__init__", functools.partialmethod(init, select=False)
    )
    state_dir = tmp_path / "b"
    with serve(paraphrasing_model) as server:
        config = settings(server.base_url, tmp_path / "cache").model_copy(
            update={"reduce_tokens": 60}
        )
        submit([str(ARTICLES)], state_dir, config, kind="briefing")
        stages = [{stage(x["body"]) for x in round_lines(state_dir, 1)}]
        assert len(round_lines(state_dir, 1)) == 5  # a map call per chunk, all in one batch
        report = collect(state_dir)
        while report.briefing is None:
            assert report.follow_up is not None
            stages.append({stage(x["body"]) for x in round_lines(state_dir, len(stages) + 1)})
            report = collect(state_dir)
        assert stages[0] == {"map"} and stages[-2:] == [{"reduce"}, {"judge"}]
        assert all(s == {"collapse"} for s in stages[1:-2]) and len(stages) >= 4
        assert report.done == 1 and not report.briefing.partial and server.chat_calls == 0
        online = summarizer.briefing(
            [ARTICLES], settings=config.model_copy(update={"cache_dir": tmp_path / "o"})
        )
        sent = sum(len(round_lines(state_dir, n)) for n in range(1, len(stages) + 1))
        assert server.chat_calls == online.usage.calls == sent  # online asks what the batches did
        assert comparable(online) == comparable(report.briefing)


def test_partly_failed_round_retries_its_stories_while_the_others_go_on(
    tmp_path: Path, day: Path
) -> None:
    """Round 1: the comet's reduce fails (HTTP 500), the flood's answer is not JSON. Round 2
    asks the comet again and re-asks the flood, with the two other stories' judge calls."""

    def flood_chatters_first(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the flood story's first reduce answer is chatter; its re-ask is fine."""
        if len(body["messages"]) == 2 and about(body, "Brennick") and stage(body) == "reduce":
            return {"content": "Here is a lovely briefing about the flood."}
        return paraphrasing_model(body)

    state_dir = tmp_path / "b"
    with serve(flood_chatters_first) as server:
        submit(
            [str(day)], state_dir, settings(server.base_url, tmp_path / "cache"), kind="briefing"
        )
        [comet] = [x["custom_id"] for x in round_lines(state_dir, 1) if about(x["body"], "comet")]
        server.fail = lambda cid: cid == comet  # in the first batch only
        report = collect(state_dir)
        server.fail = lambda cid: False
        assert report.answers == 3 and len(report.errors) == 1 and "HTTP 500" in report.errors[0]
        assert report.briefing is None and report.follow_up == "batch_2"
        second = round_lines(state_dir, 2)
        assert sorted(stage(x["body"]) for x in second) == ["judge", "judge", "reduce", "reduce"]
        assert any(x["custom_id"] == comet for x in second)  # failed: asked again
        [reask] = [x for x in second if len(x["body"]["messages"]) == 4]
        assert (
            about(reask["body"], "Brennick")
            and "could not be used" in (reask["body"]["messages"][3]["content"])
        )

        third = collect(state_dir)
        assert third.follow_up == "batch_3" and third.waiting == 2
        assert [stage(x["body"]) for x in round_lines(state_dir, 3)] == ["judge", "judge"]
        final = collect(state_dir)
        assert final.briefing is not None and final.follow_up is None
        assert final.done == 4 and not final.briefing.partial
        assert server.chat_calls == 0
        online = summarizer.briefing([day], settings=settings(server.base_url, tmp_path / "o"))
        assert comparable(online) == comparable(final.briefing)


def test_a_story_without_a_usable_answer_is_left_out_alone(tmp_path: Path, day: Path) -> None:
    def never_json_about_the_comet(body: dict[str, Any]) -> dict[str, Any]:
        """HAND-WRITTEN: the comet story never gets JSON, not even after the re-ask."""
        if about(body, "comet") and stage(body) == "reduce":
            return {"content": "I cannot help with that."}
        return paraphrasing_model(body)

    state_dir = tmp_path / "b"
    with serve(never_json_about_the_comet) as server:
        submit(
            [str(day)], state_dir, settings(server.base_url, tmp_path / "cache"), kind="briefing"
        )
        for _ in range(3):  # reduce; judge + the comet's re-ask; then nothing is missing
            report = collect(state_dir)
            if report.briefing is not None:
                break
        result = report.briefing
        assert result is not None and report.follow_up is None
        assert result.partial and report.done == 3
        [left_out] = [s for s in result.stories if not s.written]
        assert "comet" in (left_out.title or "").lower()
        assert any("left out" in p and "no usable briefing claims" in p for p in result.problems)


def test_expired_round_is_finished_online(tmp_path: Path, day: Path) -> None:
    state_dir = tmp_path / "b"
    with serve(paraphrasing_model) as server:
        submit(
            [str(day)], state_dir, settings(server.base_url, tmp_path / "cache"), kind="briefing"
        )
        server.expire_after = 1
        report = collect(state_dir, online=True)
        assert report.status == "expired" and report.answers == 1 and len(report.errors) == 3
        assert report.briefing is not None and report.follow_up is None
        assert server.chat_calls == 3 + 4  # the 3 unanswered reduces, then the 4 judge calls
        online = summarizer.briefing([day], settings=settings(server.base_url, tmp_path / "o"))
        assert comparable(online) == comparable(report.briefing)


def test_cli_submit_briefing_and_collect(
    tmp_path: Path, day: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state_dir = str(tmp_path / "b")
    with serve(paraphrasing_model) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        cache = str(tmp_path / "cache")
        sub = runner.invoke(
            app,
            ["batch", "submit", "--briefing", str(day), "--dir", state_dir, "--cache-dir", cache]
            + ["--title", "Night desk"],
        )
        assert sub.exit_code == 0, sub.output
        assert "batch batch_1 started: 4 requests" in sub.stderr
        out = tmp_path / "briefing.md"
        first = runner.invoke(app, ["batch", "collect", state_dir, "-o", str(out)])
        assert first.exit_code == 0, first.output
        assert "the briefing needs 4 more answers" in first.stderr
        assert "follow-up batch batch_2 started" in first.stderr and not out.exists()
        second = runner.invoke(app, ["batch", "collect", state_dir, "-o", str(out)])
        assert second.exit_code == 0, second.output
        assert "the briefing is done: 4 stories written" in second.stderr
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# Night desk") and "Brennick" in text
        again = runner.invoke(app, ["batch", "collect", state_dir, "-o", str(out)])
        assert again.exit_code == 2 and "already exists" in again.stderr  # refused first
        assert "batch completed" not in again.stderr and out.read_text(encoding="utf-8") == text
        cli = runner.invoke(
            app,
            ["briefing", str(day), "--title", "Night desk", "--cache-dir", cache, "-q"]
            + ["--model", "gpt-4o-mini"],
        )
        assert cli.exit_code == 0, cli.output
        assert cli.stdout == text  # from the cache, the same briefing
        # before: -o briefing.json held Markdown (the -o extension was not read)
        as_json = runner.invoke(app, ["batch", "collect", state_dir, "-o", f"{out}.json"])
        assert as_json.exit_code == 0, as_json.output
        brief = Briefing.model_validate_json(Path(f"{out}.json").read_text(encoding="utf-8"))
        assert brief.title == "Night desk" and len(brief.stories) >= 4
        # before: indented JSON in a .jsonl file, which the next run over its folder refused
        lines = runner.invoke(app, ["batch", "collect", state_dir, "-o", f"{out}.jsonl"])
        assert lines.exit_code == 0, lines.output
        [line] = Path(f"{out}.jsonl").read_text(encoding="utf-8").splitlines()
        assert Briefing.model_validate_json(line).stories == brief.stories
        done = runner.invoke(
            app,
            ["batch", "submit", "--briefing", str(day), "--dir", str(tmp_path / "c")]
            + ["--cache-dir", cache, "--title", "Night desk"],
        )
        assert done.exit_code == 2 and "run `summarizer briefing` instead" in done.stderr


def test_blurbs_wait_for_the_judge_round_too(tmp_path: Path) -> None:
    """A waiting judge call must not pass for a failed judge (claims failed closed)."""
    files = [str(p) for p in sorted(ARTICLES.glob("*.txt"))[:2]]
    with serve(paraphrasing_model) as server:
        config = settings(server.base_url, tmp_path / "cache")
        submit(files, tmp_path / "b", config)
        first = collect(tmp_path / "b")
        assert first.done == 0 and first.pending == 2 and first.follow_up == "batch_2"
        assert [stage(x["body"]) for x in round_lines(tmp_path / "b", 2)] == ["judge"] * 2
        final = collect(tmp_path / "b")
        assert final.done == 2 and final.follow_up is None
        judged = [c for b in final.blurbs for c in b.claims if c.checks[-1].name == "judge"]
        # the judge answered for every claim: accepted, or overruled where a claim is its whole
        # span plus TAIL (the judge's span backs no word of TAIL); never failed closed
        assert judged and any(c.verdict == "accepted" for c in judged)
        assert all(
            c.verdict == "accepted" or "the claim repeats its evidence" in c.checks[-1].detail
            for c in judged
        )
        online = [
            summarizer.blurb(a, settings=settings(server.base_url, tmp_path / "o"))
            for a in summarizer.load_articles(files)
        ]
        keep = {"article_id", "claims", "sources", "counts"}
        assert [b.model_dump(include=keep) for b in final.blurbs] == [
            b.model_dump(include=keep) for b in online
        ]


def test_a_window_holding_no_article_says_so_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `submit --briefing --since` past every article's date said "every answer is in
    the cache already: run `summarizer briefing` instead" (nothing had been asked or cached),
    and left articles.jsonl behind in --dir."""
    dated = tmp_path / "dated.jsonl"
    dated.write_text(
        "".join(
            json.dumps({"text": text, "published": "2001-01-01"}) + "\n"
            for text in (FLOOD_A, CUP_A)
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # never reached
    state_dir = tmp_path / "b"
    result = runner.invoke(
        app,
        ["batch", "submit", "--briefing", str(dated), "--dir", str(state_dir)]
        + ["--since", "2100-01-01", "--cache-dir", str(tmp_path / "cache")],
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: none of the 2 articles was published in the --since/--until window\n"
    )
    assert not state_dir.exists()
