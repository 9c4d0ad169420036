"""Dedup: syndicated copies collapse and keep every outlet; near-identical sentences alias."""

from __future__ import annotations

import json
import math
import random
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from summarizer import dedup, forked, pipeline, stories
from summarizer.ingest import load_articles, make_article
from summarizer.llm.base import Completion, Message
from summarizer.models import Article, Citation, Claim, Outlet, Usage
from tests.synthetic import COMET, CUP_A, FLOOD_A, FLOOD_B, syndicated_copy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def fixtures() -> list[Article]:
    return load_articles(FIXTURES)


def _copies(original: Article, names: list[str]) -> list[Article]:
    raw = (FIXTURES / Path(original.outlets[0].file or "").name).read_text(encoding="utf-8")
    return [make_article(syndicated_copy(raw, n), source=n) for n in names]


def test_syndicated_copies_with_small_edits_collapse_and_keep_all_outlets(
    fixtures: list[Article],
) -> None:
    copies = _copies(fixtures[0], ["Wire Daily", "Metro Post", "Evening Star"])
    assert len({c.id for c in copies} | {fixtures[0].id}) == 4  # really different texts
    assert all(c.text != fixtures[0].text for c in copies)
    kept = dedup.dedupe_articles([fixtures[0], copies[0], fixtures[1], copies[1], copies[2]])
    assert [a.id for a in kept] == [fixtures[0].id, fixtures[1].id]
    names = [o.label() for o in kept[0].outlets]
    assert names == [fixtures[0].outlets[0].label(), "Wire Daily", "Metro Post", "Evening Star"]
    assert kept[0].title == fixtures[0].title  # the first copy seen is the one kept


def test_distinct_articles_on_the_same_story_do_not_collapse(fixtures: list[Article]) -> None:
    assert [a.id for a in dedup.dedupe_articles(fixtures)] == [a.id for a in fixtures]


def test_exact_copies_differing_only_in_spacing_and_punctuation_collapse() -> None:
    a = make_article(FLOOD_A, source="A")
    b = make_article(FLOOD_A.replace(",", "").replace("  ", " ").upper(), source="B")
    kept = dedup.dedupe_articles([a, b])
    assert len(kept) == 1
    assert [o.name for o in kept[0].outlets] == ["A", "B"]


def test_threshold_is_configurable(fixtures: list[Article]) -> None:
    copy = _copies(fixtures[0], ["Wire Daily"])[0]
    assert len(dedup.dedupe_articles([fixtures[0], copy])) == 1
    assert len(dedup.dedupe_articles([fixtures[0], copy], threshold=0.99)) == 2


def test_dedup_is_deterministic_and_does_not_mutate_inputs(fixtures: list[Article]) -> None:
    copies = _copies(fixtures[2], ["X", "Y"])
    items = [*fixtures, *copies]
    first = dedup.dedupe_articles(items)
    again = dedup.dedupe_articles(items)
    assert [a.model_dump() for a in first] == [a.model_dump() for a in again]
    assert len(fixtures[2].outlets) == 1


def test_jaccard_of_shingles() -> None:
    a = dedup.shingle_hashes("the cat sat on the mat".split())
    assert dedup.jaccard(a, a) == 1.0
    assert dedup.jaccard(a, dedup.shingle_hashes("a dog ran in the park".split())) == 0.0
    assert dedup.jaccard(a, dedup.shingle_hashes([])) == 0.0


QUOTE = "The council has asked the regional government for emergency funds to repair the drains."


def test_near_identical_sentences_in_different_articles_become_aliases() -> None:
    a = make_article(f"{FLOOD_A}\n\n{QUOTE}", source="A")
    edited = QUOTE.replace("has asked", "asked")  # a small edit
    b = make_article(f"{FLOOD_B}\n\n{edited} {QUOTE}", source="B")
    reduced, aliases = dedup.merge_sentences([a, b])
    kept = next(s for s in a.sentences if s.text == QUOTE)
    dup_ids = [s.id for s in b.sentences if s.text in (QUOTE, edited)]
    assert len(dup_ids) == 2
    assert aliases[kept.id] == dup_ids
    assert reduced[0].sentences == a.sentences
    assert [s.id for s in reduced[1].sentences] == [
        s.id for s in b.sentences if s.id not in dup_ids
    ]
    assert len(reduced[1].text) < len(b.text)


def test_sentences_repeated_within_one_article_are_not_merged() -> None:
    a = make_article(f"{QUOTE}\n\n{CUP_A}\n\n{QUOTE}", source="A")
    reduced, aliases = dedup.merge_sentences([a])
    assert aliases == {}
    assert reduced[0].sentences == a.sentences


def test_different_sentences_are_not_merged() -> None:
    a = make_article(FLOOD_A, source="A")
    b = make_article(FLOOD_B, source="B")
    reduced, aliases = dedup.merge_sentences([a, b])
    assert aliases == {}
    assert [len(r.sentences) for r in reduced] == [len(a.sentences), len(b.sentences)]


def test_expand_citations_quotes_each_alias_exactly() -> None:
    a = make_article(f"{FLOOD_A}\n\n{QUOTE}", source="A")
    b = make_article(f"{FLOOD_B}\n\n{QUOTE}", source="B")
    _, aliases = dedup.merge_sentences([a, b])
    kept = next(s for s in a.sentences if s.text == QUOTE)
    alias = next(s for s in b.sentences if s.text == QUOTE)
    claim = Claim(
        text=QUOTE, citations=[Citation(sentence_id=kept.id, article_id=a.id, text=kept.text)]
    )
    index = {s.id: s for art in (a, b) for s in art.sentences}
    [out] = dedup.expand_citations([claim], aliases, index)
    assert [(c.sentence_id, c.article_id, c.text) for c in out.citations] == [
        (kept.id, a.id, QUOTE),
        (alias.id, b.id, QUOTE),
    ]


class QuoteEveryFirstSentenceWriter:
    """Hand-written stub writer for this test only: claims the first sentence of each article
    it is given, and records what it saw, to show the alias step is engine-agnostic."""

    name = "stub"

    def __init__(self) -> None:
        self.usage = Usage()
        self.judge = None
        self.partial = False
        self.problems: list[str] = []
        self.seen: list[Article] = []

    def write(
        self,
        articles: list[Article],
        *,
        kind: pipeline.Kind,
        max_words: int | None,
        sentences: int | None,
    ) -> list[Claim]:
        self.seen.extend(articles)
        return [
            Claim(
                text=a.sentences[0].text,
                citations=[
                    Citation(
                        sentence_id=a.sentences[0].id, article_id=a.id, text=a.sentences[0].text
                    )
                ],
            )
            for a in articles
        ]


def test_briefing_cites_a_corroborated_sentence_to_all_its_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lead = "Heavy rain flooded the old town of Brennick and forced 400 residents to leave."
    a = make_article(f"{lead}\n\n{FLOOD_A}", title="Flood A", source="Outlet A")
    b = make_article(f"{FLOOD_B}\n\n{lead}", title="Flood B", source="Outlet B")
    c = make_article(
        f"Rescue teams worked through the night in Brennick. {lead} Volunteers handed out "
        "blankets at the sports hall, which the town opened as a shelter for flood victims.",
        title="Flood C",
        source="Outlet C",
    )
    stub = QuoteEveryFirstSentenceWriter()
    monkeypatch.setattr(pipeline, "get_writer", lambda settings: stub)
    result = pipeline.briefing([a, b, c], backend="extractive")
    seen_texts = [s.text for art in stub.seen for s in art.sentences]
    assert seen_texts.count(lead) == 1  # only unique content reached the writer
    claim = next(cl for cl in result.claims if cl.text == lead)
    assert claim.shown
    assert sorted(cite.article_id for cite in claim.citations) == sorted([a.id, b.id, c.id])
    assert all(cite.text == lead for cite in claim.citations)
    assert result.usage.tokens_after_dedup < result.usage.tokens_before_dedup


def _mixed_day(fixtures: list[Article]) -> list[Article]:
    """Originals and copies of two of them, with copies in both halves of the list."""
    copies = _copies(fixtures[0], ["P", "Q", "R"]) + _copies(fixtures[3], ["S", "T"])
    return [copies[0], *fixtures[:3], copies[3], copies[1], *fixtures[3:], copies[2], copies[4]]


def test_a_forked_child_fingerprinting_half_the_articles_gives_the_same_result(
    fixtures: list[Article], forking: Callable[[], list[int]]
) -> None:
    items = _mixed_day(fixtures)
    alone = dedup.dedupe_articles(items)
    forks = forking()
    together = dedup.dedupe_articles(items)
    assert len(forks) == 1
    assert [a.model_dump() for a in together] == [a.model_dump() for a in alone]
    assert len(alone) == len(fixtures)


def test_a_child_that_fails_is_replaced_by_fingerprinting_here(
    fixtures: list[Article], forking: Callable[[], list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _mixed_day(fixtures)
    alone = dedup.dedupe_articles(items)
    forks = forking()

    real = forked.pickle.dumps
    sent = [0]

    def broken(obj: object, **kwargs: Any) -> bytes:
        if sent[0] == 1:  # the child sends one result, then fails (exits 1)
            raise RuntimeError("the child cannot pickle")
        sent[0] += 1
        return real(obj, **kwargs)

    monkeypatch.setattr(forked.pickle, "dumps", broken)
    together = dedup.dedupe_articles(items)
    assert len(forks) == 1
    assert [a.model_dump() for a in together] == [a.model_dump() for a in alone]


class _Quoting:
    """A hand-written fake model (in this process, no thread): each claim quotes the first two
    lines of its data, citing them."""

    name = model = "quoting"
    context_window = 8192

    async def complete(self, messages: list[Message], **_: Any) -> Completion:
        data = messages[1].content.split("<data>")[1].split("</data>")[0].strip().splitlines()
        items = [
            {"text": line.split("] ", 1)[1], "cites": line[1:].split("]")[0].split(", ")}
            for line in data[:2]
        ]
        return Completion(text=json.dumps({"claims": items}))


@pytest.mark.parametrize("child_fails", [False, True])
def test_an_llm_graph_s_stories_prepared_ahead_by_a_forked_child_give_the_same_briefing(
    fixtures: list[Article],
    forking: Callable[[], list[int]],
    monkeypatch: pytest.MonkeyPatch,
    child_fails: bool,
) -> None:
    """With more stories than two waves of calls, a forked child merges each story's
    sentences and picks what its reduce call reads, ahead of the graph (pipeline.briefing);
    the briefing is the one this process writes alone, also when the child fails after its
    first story (the rest is prepared here)."""
    day = [*fixtures, *(make_article(t, source=s) for s, t in [("a", FLOOD_A), ("b", CUP_A),
           ("c", FLOOD_B), ("d", COMET)])]  # fmt: skip

    def write() -> list[dict[str, Any]]:
        result = pipeline.briefing(
            day, client=_Quoting(), backend="openai", model="quoting", no_cache=True,
            concurrency=1, judge=False, max_words=400,
        )  # fmt: skip
        assert len(result.stories) >= 3 and all(s.written for s in result.stories)
        return [s.model_dump() for s in result.stories]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "may_fork", lambda *_, **__: False)
        alone = write()
    forking()
    halves: list[forked.Halves[Any, Any]] = []
    real = forked.all_elsewhere

    @contextmanager
    def spy(*args: Any, **kwargs: Any) -> Iterator[forked.Halves[Any, Any]]:
        with real(*args, **kwargs) as ahead:
            halves.append(ahead)
            yield ahead

    monkeypatch.setattr(forked, "all_elsewhere", spy)
    if child_fails:
        dumps, sent = forked.pickle.dumps, [0]

        def broken(obj: object, **kwargs: Any) -> bytes:
            if sent[0] == 1:
                raise RuntimeError("the child cannot pickle")
            sent[0] += 1
            return dumps(obj, **kwargs)

        monkeypatch.setattr(forked.pickle, "dumps", broken)
    together = write()
    assert halves and halves[0].forked  # a child prepared the stories (or began to)
    assert together == alone


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.9])
def test_candidates_need_as_many_shared_sketch_keys_as_a_copy_almost_surely_has(
    threshold: float,
) -> None:
    """min_shared is the Binomial(k, J) lower tail: needing one key more would miss copies at
    the threshold more often than MISS_RATE."""
    k = dedup.SKETCH_KEYS
    need = dedup.min_shared(threshold)

    def below(m: int) -> float:
        return sum(math.comb(k, i) * threshold**i * (1 - threshold) ** (k - i) for i in range(m))

    assert below(need) <= dedup.MISS_RATE < below(need + 1)


def test_a_copy_at_the_threshold_is_a_candidate_however_the_words_fall() -> None:
    """Sketches of random texts whose shingle sets have Jaccard 0.7: every copy shares enough
    keys to be found (500 trials; at the threshold a miss has probability below 1e-6)."""
    rng = random.Random(7)
    need = dedup.min_shared(0.7)
    for _ in range(500):
        common = rng.sample(range(1, 2**32), 700)
        a = sorted(common + rng.sample(range(1, 2**32), 150))
        b = sorted(common + rng.sample(range(1, 2**32), 150))  # Jaccard 700/1000
        shared = set(a[: dedup.SKETCH_KEYS]) & set(b[: dedup.SKETCH_KEYS])
        assert len(shared) >= need


def test_unrelated_articles_sharing_a_few_common_phrases_are_not_candidates() -> None:
    """Two different stories that share stock phrases ('said in a statement') share a key or
    two of their sketches at most: not enough to be compared."""
    a = make_article(FLOOD_A + " The minister said in a statement on Tuesday.", source="a")
    b = make_article(COMET + " The minister said in a statement on Tuesday.", source="b")
    sa, sb = dedup.fingerprint(a)[1], dedup.fingerprint(b)[1]
    keys_b = sb[: dedup.SKETCH_KEYS].tolist()
    by_key = {k: [0] for k in sa[: dedup.SKETCH_KEYS].tolist()}
    needs = dedup.needs_by_keys(0.7)
    assert dedup._candidates(keys_b, by_key, {}, needs) == []
    assert len(dedup.dedupe_articles([a, b])) == 2


def test_a_key_held_by_many_articles_is_boilerplate_and_counts_for_no_candidate() -> None:
    """A sketch key that COMMON_KEY kept articles hold is left out of the count, and the keys
    left need their own share: a feed whose articles all end alike stays linear."""
    needs = dedup.needs_by_keys(0.7)
    keys = list(range(100, 132))
    common = {k: list(range(dedup.COMMON_KEY)) for k in keys[:20]}  # 20 boilerplate keys
    one_copy = {k: [99] for k in keys[20:]}  # article 99 holds the other 12: a copy
    assert dedup._candidates(keys, {**common, **one_copy}, {}, needs) == [99]
    # articles 0-63 share 20 keys with this one (more than the 9 a full sketch needs), all
    # of them boilerplate: none is a candidate
    assert dedup._candidates(keys, common, {}, needs) == []
    below = {k: list(range(dedup.COMMON_KEY - 1)) for k in keys[:20]}  # not common yet
    assert len(dedup._candidates(keys, below, {}, needs)) == dedup.COMMON_KEY - 1


def test_copies_are_found_in_a_feed_whose_articles_all_end_alike() -> None:
    rng = random.Random(3)
    vocab = [f"word{i}" for i in range(3000)]
    credit = " The Associated Press contributed to this report, officials said on Tuesday." * 3
    texts = [" ".join(rng.choice(vocab) for _ in range(120)) + "." + credit for _ in range(150)]
    day = [make_article(t, source=f"o{n}") for n, t in enumerate(texts)]
    copies = [make_article(texts[n].replace("word", "Word", 1), source=f"c{n}") for n in (5, 90)]
    kept = dedup.dedupe_articles(day + copies)
    assert len(kept) == 150
    assert [o.label() for o in kept[5].outlets][-1] == "c5"
    assert [o.label() for o in kept[90].outlets][-1] == "c90"


def test_a_forked_child_reading_half_the_articles_gives_the_same_stories(
    fixtures: list[Article], forking: Callable[[], list[int]]
) -> None:
    """Clustering reads the second half's words in a forked child too (stories.term_counts);
    here, before any test starts a server thread, so that the child may run."""
    items = [*fixtures, *(make_article(t, source=s) for s, t in [("a", FLOOD_A), ("b", CUP_A),
             ("c", FLOOD_B)])]  # fmt: skip
    alone = stories.cluster_stories(items)
    forks = forking()
    together = stories.cluster_stories(items)
    assert len(forks) == 1  # the term counts of the second half came from the child
    assert [s.model_dump() for s in together] == [s.model_dump() for s in alone]
    assert len(alone) >= 3


def test_shingle_hashes_are_the_sorted_unique_rolling_hashes_of_word_triples() -> None:
    """Checked against the hash written out in plain Python (modulo 2**64, folded to 32 bits)."""
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(40)] + ["naïve", "don't", "2024"]
    for n in (1, 2, 3, 4, 50, 400):
        tokens = [rng.choice(vocab) for _ in range(n)]
        k = min(3, n)
        expected = set()
        for i in range(n - k + 1):
            m = 0
            for w in tokens[i : i + k]:
                m = (m * 1_000_003 + zlib.crc32(w.encode("utf-8"))) % 2**64
            expected.add((m ^ (m >> 32)) & 0xFFFFFFFF)
        assert dedup.shingle_hashes(tokens).tolist() == sorted(expected)


def test_an_llm_briefing_sets_its_client_up_during_dedup_and_leaves_no_worker_thread(
    fixtures: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SDK client is made while dedup's child fingerprints (not when the first call is
    due), and the graph's preparing thread has ended when the briefing returns, so a second
    briefing in the same process may fork again."""
    from summarizer.llm.openai_backend import OpenAIClient
    from tests.fakeserver import FakeServer

    events: list[str] = []
    real = OpenAIClient.prepare

    def prepare(self: OpenAIClient) -> None:
        events.append("prepare")
        real(self)

    def progress(stage: str, done: int, total: int) -> None:
        events.append(stage)

    monkeypatch.setattr(OpenAIClient, "prepare", prepare)
    with FakeServer(lifetime=60) as server:
        result = pipeline.briefing(
            fixtures,
            backend="openai",
            base_url=server.url,
            model="fake-llm",
            no_cache=True,
            progress=progress,
        )
        assert len(server.calls) >= 1
    assert any(story.written for story in result.stories)
    assert events.count("prepare") == 1
    assert events.index("prepare") < events.index("stories") < events.index("write")
    assert not [t.name for t in threading.enumerate() if t.name.startswith("prepare")]


def test_other_work_runs_once_while_the_child_works_without_changing_results(
    forking: Callable[[], list[int]],
) -> None:
    items = list(range(30))
    alone = [str(x) for x in items]
    forks = forking()
    done: list[int] = []
    with forked.second_half_elsewhere(items, str, meanwhile=lambda: done.append(1)) as halves:
        assert [halves.result(n) for n in range(len(items))] == alone
    assert done == [1] and len(forks) == 1


def test_halves_computed_as_blocks_give_each_half_s_result(
    forking: Callable[[], list[int]],
) -> None:
    items = list(range(31))
    forks = forking()
    assert forked.on_halves(items, sum) == (sum(range(15)), sum(range(15, 31)))
    assert len(forks) == 1
    assert forked.on_halves([], len) == (0, 0)


def test_a_briefing_leaves_its_articles_out_of_garbage_collection_and_restores_it(
    fixtures: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While dedup and clustering run, the articles that existed before are frozen (a forked
    child's collections would copy their pages); afterwards nothing stays frozen, and a
    caller's own freeze or disabled collector is left as it was."""
    import gc

    seen: list[int] = []
    real = dedup.dedupe_articles

    def spy(*args: Any, **kwargs: Any) -> list[Article]:
        seen.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(dedup, "dedupe_articles", spy)
    pipeline.briefing(fixtures, max_words=60)
    assert seen[0] > 0 and gc.get_freeze_count() == 0
    gc.disable()
    try:
        with forked.heap_frozen():
            assert gc.get_freeze_count() == 0  # collection is off: nothing to spare
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with forked.heap_frozen():
            pass
        assert gc.get_freeze_count() == frozen  # the caller's freeze is the caller's
    finally:
        gc.unfreeze()


def test_outlet_names_differing_only_in_case_or_spaces_are_one_source() -> None:
    """Before: "Daily Post" and "daily post" were two sources (a story met --min-sources 2)."""
    text = "The council approved a new budget on Monday. Schools get more funding from it."
    first = make_article(text, source="Daily Post")
    second = make_article(f"{text} A second paper added a line.", source="daily  POST")
    result = pipeline.briefing([first, second])
    assert [s.outlets for s in result.stories] == [[Outlet(name="Daily Post")]]
    assert pipeline.briefing([first, second], min_sources=2).stories[0].written is False
    files = [Outlet(file="a.txt"), Outlet(file="A.txt"), Outlet(name=" Daily Post")]
    assert dedup.distinct_outlets([*files, Outlet(name="DAILY POST")]) == files  # files as they are


def test_copies_add_each_new_outlet_once_in_first_seen_order() -> None:
    """Many copies of one article: every distinct outlet once, first seen first, the input
    articles untouched (the outlets are tracked by key, not by a scan of the list)."""
    text = "The city council voted on Tuesday to build a new bridge over the Elm River."
    arts = [make_article(text, source=f"Outlet {i % 3}") for i in range(9)]
    arts.append(make_article(text, source="Outlet 1"))
    arts[4].outlets.append(Outlet(url="https://example.com/a"))
    kept = dedup.dedupe_articles(arts)
    assert len(kept) == 1
    assert [o.label() for o in kept[0].outlets] == [
        "Outlet 0",
        "Outlet 1",
        "Outlet 2",
        "https://example.com/a",
    ]
    assert [o.label() for o in arts[0].outlets] == ["Outlet 0"]


# -- a near-copy that changes a figure is another version of the facts, not a copy -------------

RATES = (
    "Bank holds rates as inflation stays high\n\n"
    "The central bank kept its main interest rate at 4.5% on Thursday, with policymakers voting "
    "6-3 to hold, as inflation stayed well above its 2% target. Three members voted for a cut. "
    "The bank said it would watch wage growth closely before moving. Markets had expected the "
    "decision, and the currency barely moved after the announcement. Economists now expect the "
    "first cut in the autumn, once price growth has slowed further."
)


def test_a_near_copy_that_changes_a_figure_stays_its_own_article() -> None:
    """A wire copy saying "voting 7-2" and "Two members" was folded into the original as a
    copy, so the original's "voting 6-3" sentence was cited as both outlets'. Now the two
    versions are two articles, and their differing sentences are no aliases: the claim cites
    only the outlet that says it. A copy that only cuts a passage (its figures with it), or
    adds a credit line, is still a copy."""
    changed = RATES.replace("voting 6-3", "voting 7-2").replace("Three members", "Two members")
    original = make_article(RATES, source="Daily Ledger")
    version = make_article(changed, source="Wire Service")
    assert len(dedup.dedupe_articles([original, version])) == 2
    cut = make_article(RATES.replace(" Three members voted for a cut.", ""), source="Cut Copy")
    credited = make_article(syndicated_copy(RATES, "Credit Copy"), source="Credit Copy")
    [kept] = dedup.dedupe_articles([original, cut, credited])
    assert [o.name for o in kept.outlets] == ["Daily Ledger", "Cut Copy", "Credit Copy"]
    # in a briefing: one story, and the 6-3 sentence cites the Daily Ledger only
    result = pipeline.briefing([original, version], backend="extractive")
    [story] = result.stories
    assert any("6-3" in claim.text for claim in story.claims)
    for claim in story.claims:
        cited = {c.article_id for c in claim.citations}
        if "6-3" in claim.text:
            assert cited == {original.id}, claim
        if "7-2" in claim.text:
            assert cited == {version.id}, claim
    reduced, aliases = dedup.merge_sentences([original, version])
    merged = {i for ids in aliases.values() for i in ids}
    assert not any(
        "7-2" in s.text or "Two members" in s.text for s in version.sentences if s.id in merged
    )
    assert any(s.id in merged for s in version.sentences)  # the unchanged sentences are aliases
