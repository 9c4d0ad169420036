"""The full chains on real recorded answers (SmolLM2-135M-Instruct via llama-cpp-python's
OpenAI-compatible server; recorded by scripts/record_fixtures.py). No network.

The tiny model's claims are often vague or wrong: these tests check the chain, not the facts
(that is the verifier's job): citations resolve to real sentences, collapse happens when the
points exceed the budget, and a rerun is served from the cache with zero calls.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest import load_articles
from summarizer.llm.factory import make_client
from summarizer.mapreduce import LLMWriter
from summarizer.models import Article, Claim
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
RECORDINGS = ROOT / "fixtures" / "recordings"
ARTICLES = ROOT / "fixtures" / "articles"
INJECTION = ROOT / "fixtures" / "adversarial" / "injection.txt"
COLLAPSE_REDUCE_TOKENS = 120  # as in scripts/record_fixtures.py
# below the fixture articles' size: the map stage runs (a story that fits one reduce call skips
# it, which the recordings predate) and above their key points' size: no collapse
MAP_REDUCE_TOKENS = 2000
# With prompts v3 SmolLM2 garbled one article's hex sentence id ("7090410ca2.s36b8f5d") in its
# blurb and again after the re-ask; since v4 the DATA numbers its lines (1, 2, ...) and the
# recorded answers cite only shown numbers. Invented ids are covered by test_mapreduce.py and
# the fault matrix (tests/test_llm_faults.py, the fake server's "invent" fault).


def replay_writer(cache_dir: Path, **kw: object) -> LLMWriter:
    """The chain on recorded answers; ``select=False``: the map stage reads every sentence,
    as when the recordings were made (tests/test_mapreduce.py covers the selection)."""
    settings = Settings(backend="replay", recordings=RECORDINGS, cache_dir=cache_dir)
    kw.setdefault("select", False)
    return LLMWriter(make_client(settings, "replay"), concurrency=2, **kw)  # type: ignore[arg-type]


def assert_cited(claims: list[Claim], articles: list[Article]) -> None:
    sentences = {s.id: s.text for a in articles for s in a.sentences}
    assert claims
    for claim in claims:
        assert claim.text.strip()
        assert claim.citations
        for cite in claim.citations:
            assert sentences[cite.sentence_id] == cite.text
            assert cite.sentence_id.startswith(cite.article_id + ".s")


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_blurb_chain_on_recordings(path: Path, tmp_path: Path) -> None:
    art = load_articles(path)[0]
    writer = replay_writer(tmp_path)
    claims = writer.write([art], kind="blurb", max_words=None, sentences=3)
    assert_cited(claims, [art])
    assert 1 <= len(claims) <= 3
    assert writer.usage.calls >= 1 and writer.usage.prompt_tokens > 0
    assert writer.usage.cost_usd == 0.0  # a local model: priced at zero


def test_briefing_chain_on_recordings_and_a_rerun_costs_nothing(tmp_path: Path) -> None:
    articles = load_articles(ARTICLES)
    first = replay_writer(tmp_path, reduce_tokens=MAP_REDUCE_TOKENS)
    claims = first.write(articles, kind="briefing", max_words=250, sentences=None)
    assert_cited(claims, articles)
    assert first.usage.calls >= len(articles) + 1  # a map call per chunk, then the reduce
    assert first.collapse_rounds == 0

    again = replay_writer(tmp_path, reduce_tokens=MAP_REDUCE_TOKENS)  # a new run, same cache
    assert again.write(articles, kind="briefing", max_words=250, sentences=None) == claims
    # every recorded answer was valid, so every one was cached: the rerun makes no call
    assert not first.problems
    assert again.usage.calls == 0
    assert again.usage.cache_hits == first.usage.calls


def test_collapse_happens_when_points_exceed_the_reduce_budget(tmp_path: Path) -> None:
    articles = load_articles(ARTICLES)
    writer = replay_writer(tmp_path, reduce_tokens=COLLAPSE_REDUCE_TOKENS)
    claims = writer.write(articles, kind="briefing", max_words=250, sentences=None)
    assert writer.collapse_rounds >= 1
    assert_cited(claims, articles)


def test_injection_recorded_answer_can_only_cite_real_sentences(tmp_path: Path) -> None:
    """What the real tiny model did with fixtures/adversarial/injection.txt: it obeyed the
    injected order and wrote "HACKED: ...". The chain still could not make it uncited or cite
    an invented sentence (only numbers shown in the DATA validate, mapped back to sentence
    ids): the claim cites a real sentence that does not say it, so the verifier can reject it
    (test below)."""
    art = load_articles(INJECTION)[0]
    claims = replay_writer(tmp_path).write([art], kind="blurb", max_words=None, sentences=3)
    assert_cited(claims, [art])
    hacked = [c for c in claims if "HACKED" in c.text]
    assert all("HACKED" not in cite.text for c in hacked for cite in c.citations)


def test_injected_claim_is_not_shown_after_verification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer import pipeline

    monkeypatch.setenv("SUMMARIZER_HOME", str(tmp_path))
    settings = Settings(backend="replay", recordings=RECORDINGS, cache_dir=tmp_path)
    result = pipeline.blurb(INJECTION, settings=settings)
    assert not any("HACKED" in c.text for c in result.claims if c.shown)


def test_cli_blurb_on_replay_prints_cited_claims_and_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_HOME", str(tmp_path))
    monkeypatch.chdir(ROOT)  # the replay backend's default recordings directory
    art = "fixtures/articles/001_f0f5015643b5d02c.txt"
    result = CliRunner().invoke(app, ["blurb", art, "--backend", "replay", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"engine":"replay:SmolLM2-135M-Instruct"' in result.stdout.replace(" ", "")
    assert "LLM calls" in result.stderr


def test_recorded_judge_never_passes_a_fabrication(tmp_path: Path) -> None:
    """The verifier's judge on a real recording: SmolLM2 calls every claim supported, with
    evidence it invented, and runs out of tokens; the verifier must fail closed."""
    import json

    from summarizer.judge import Judge, JudgeItem
    from summarizer.llm.base import run_sync

    cases = json.loads((ROOT / "fixtures" / "judge_cases.json").read_text())["cases"]
    items = [JudgeItem(c["claim"], [c["cited"]]) for c in cases]
    settings = Settings(backend="replay", recordings=RECORDINGS, cache_dir=tmp_path)
    judge = Judge(make_client(settings, "replay"))
    checks = run_sync(lambda: judge.judge(items))
    assert len(checks) == len(cases)
    assert judge.usage.calls == 1  # one batch
    for case, check in zip(cases, checks, strict=True):
        assert check.name == "judge"
        if case["label"] == "fabricated":
            assert not check.passed, case["claim"]
        if check.passed:  # a pass must quote the cited text
            assert (
                check.detail.removeprefix("evidence: ").strip(" .").lower() in case["cited"].lower()
            )
