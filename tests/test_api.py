"""The library as one typed interface: explicit keyword arguments, text vs paths, refusals."""

from __future__ import annotations

import asyncio
import html
import inspect
import json
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import summarizer
from summarizer import ConfigError, InputError, Settings

from .conftest import ARTICLES

SEED = sorted(ARTICLES.glob("*.txt"))[0]
TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("fn", [summarizer.blurb, summarizer.briefing, summarizer.verify])
def test_no_hidden_options(fn: object) -> None:
    params = inspect.signature(fn).parameters.values()  # type: ignore[arg-type]
    assert not [p for p in params if p.kind is inspect.Parameter.VAR_KEYWORD]


def test_keyword_arguments_are_the_cli_options() -> None:
    params = inspect.signature(summarizer.blurb).parameters
    for name in ("sentences", "max_words", "backend", "model", "base_url", "judge"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY
    verify = inspect.signature(summarizer.verify).parameters
    for name in ("top_k", "backend", "model", "base_url", "judge"):
        assert verify[name].kind is inspect.Parameter.KEYWORD_ONLY
    assert set(inspect.signature(summarizer.briefing).parameters) >= {
        "max_words",
        "title",
        "max_stories",
        "min_sources",
        "progress",
    }


def test_str_is_text_and_path_is_a_file() -> None:
    from_text = summarizer.blurb(TEXT, sentences=2)
    from_path = summarizer.blurb(SEED, sentences=2)
    assert from_text.article_id == from_path.article_id
    assert [c.text for c in from_text.claims] == [c.text for c in from_path.claims]
    brief = summarizer.briefing([TEXT, SEED], max_words=80)  # text and Path mix
    assert brief.stories


def test_a_path_given_as_str_is_refused_not_summarised() -> None:
    with pytest.raises(InputError, match=r"pathlib\.Path"):
        summarizer.blurb(str(SEED))
    with pytest.raises(InputError, match="looks like a path"):
        summarizer.briefing("fixtures/articles")
    with pytest.raises(InputError, match=r"is a URL.*summarizer\.load_articles"):
        summarizer.blurb("https://example.com/story.html")


def test_refusals_are_clear_errors() -> None:
    with pytest.raises(InputError, match="NoneType"):
        summarizer.blurb(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="NoneType"):
        summarizer.verify(None, ARTICLES)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="NoneType"):
        summarizer.briefing(None)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="sentences"):
        summarizer.blurb(TEXT, settings=Settings(), sentences=0)
    with pytest.raises(ConfigError, match="sentences"):
        summarizer.blurb(TEXT, sentences=0)
    with pytest.raises(ConfigError, match="max_words"):
        summarizer.blurb(TEXT, max_words="many")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="not true or false"):  # was a 1-sentence blurb
        summarizer.blurb(TEXT, sentences=True)
    with pytest.raises(ConfigError, match="not true or false"):
        summarizer.briefing([TEXT], max_words=False)
    with pytest.raises(TypeError, match="sentense"):
        summarizer.blurb(TEXT, sentense=2)  # type: ignore[call-arg]
    # one line, ours, as a typo in the config file (was pydantic's multi-line ValidationError)
    with pytest.raises(ConfigError, match=r"^invalid setting: sentense: Extra inputs .*\(got 2\)$"):
        Settings(sentense=2)  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match=r"^invalid setting: concurrency: .*greater than 0"):
        Settings(concurrency=0)
    with pytest.raises(ConfigError, match="backend"):
        summarizer.verify("A claim about something.", [TEXT], backend="nonsense")  # type: ignore[arg-type]
    for top_k in (0, -1, 2.5):  # the CLI refuses these too; 0 found no evidence for any claim
        with pytest.raises(ConfigError, match="top_k"):
            summarizer.verify("A claim about something.", [TEXT], top_k=top_k)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="NoneType"):
        summarizer.make_article(None)  # type: ignore[arg-type]
    # a record or bytes: the message says what to do with them
    with pytest.raises(InputError, match=r"got dict; for a record, summarizer\.make_article\("):
        summarizer.blurb({"text": TEXT, "title": "T"})  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"got bytes; decode it first"):
        summarizer.briefing([TEXT.encode()])  # type: ignore[list-item]
    result = summarizer.blurb(TEXT)
    with pytest.raises(InputError, match="xml"):
        summarizer.render_blurb(result, "xml")  # type: ignore[arg-type]


def test_keyword_arguments_override_settings() -> None:
    base = Settings(sentences=3)
    result = summarizer.blurb(TEXT, settings=base, sentences=1)
    assert len([c for c in result.claims if c.shown]) == 1
    assert base.sentences == 3  # the caller's settings are not changed


def test_async_variants_run_inside_an_event_loop() -> None:
    async def main() -> tuple[int, int]:
        blurb, brief = await asyncio.gather(
            summarizer.ablurb(SEED, sentences=2),
            summarizer.abriefing([ARTICLES], max_words=100),
        )
        return len([c for c in blurb.claims if c.shown]), len(brief.stories)

    shown, stories = asyncio.run(main())
    assert shown == 2 and stories >= 1
    assert inspect.signature(summarizer.ablurb).parameters.keys() == (
        inspect.signature(summarizer.blurb).parameters.keys()
    )


def test_averify_matches_verify() -> None:
    draft = load_first_sentence()
    sync = summarizer.verify(draft, [ARTICLES])
    report = asyncio.run(summarizer.averify(draft, [ARTICLES]))
    assert report.ok and sync.ok
    assert [c.text for c in report.claims] == [c.text for c in sync.claims]


def load_first_sentence() -> str:
    return summarizer.load_articles(SEED)[0].sentences[0].text


def test_verify_sources_may_be_texts(tmp_path: Path) -> None:
    draft = load_first_sentence()
    assert summarizer.verify(draft, [TEXT]).ok


def test_verifying_a_draft_leaves_no_thread_behind() -> None:
    """A thread left running (tqdm's monitor, started by bm25s's hidden bars) would stop every
    later briefing in the process from fingerprinting in a forked second process."""
    before = {t.ident for t in threading.enumerate()}
    summarizer.verify("Putin invited Trump to Moscow.", [ARTICLES])
    assert {t.ident for t in threading.enumerate()} <= before


def test_a_lone_surrogate_is_an_input_error_not_a_unicode_error() -> None:
    """``json.loads('"\\ud800"')`` in a CMS gives a str no encoder takes: blurb(), briefing()
    and verify() raised a bare UnicodeEncodeError from inside the pipeline, which a caller
    catching SummarizerError does not catch."""
    text = "The council approved a new budget \ud800 on Monday. Schools get more funding."
    with pytest.raises(InputError, match="lone surrogate.*character 34"):
        summarizer.blurb(text)
    with pytest.raises(InputError, match="lone surrogate"):
        summarizer.briefing([text])
    with pytest.raises(InputError, match="lone surrogate"):
        summarizer.verify("The council approved a budget.", [text])
    with pytest.raises(InputError, match="the draft holds a lone surrogate"):
        summarizer.verify("The council approved \udc80 a budget.", [text.replace("\ud800", "")])


def test_a_renderer_refuses_another_result() -> None:
    """render_blurb(briefing, "md") wrote a wrong "blurb" of the briefing's first claims,
    and "html" raised AttributeError; each renderer now names the one the result needs."""
    text = "The council approved a new budget on Monday. Schools get more funding from it."
    brief = summarizer.briefing([text])
    blurb = summarizer.blurb(text)
    with pytest.raises(InputError, match=r"takes a Blurb .* not Briefing; use .*render_briefing"):
        summarizer.render_blurb(brief, "md")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"takes a Briefing .* not Blurb; use .*render_blurb"):
        summarizer.render_briefing(blurb, "html")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"not dict; rebuild it with summarizer.Blurb"):
        summarizer.render_blurb(blurb.model_dump(), "json")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"render_verify\(\) takes a VerifyReport"):
        summarizer.render_verify(None, "text")  # type: ignore[arg-type]
    assert summarizer.render_blurb(blurb, "md").startswith("The council approved")


def test_until_a_date_includes_that_day_as_in_the_cli() -> None:
    """``--until 2025-03-16`` (CLI, serve) includes that day; briefing(until="2025-03-16")
    left out the day's articles, and since=until on one day was refused as an empty window."""

    noon = datetime(2025, 3, 16, 12, 0, tzinfo=UTC)
    article = summarizer.make_article(
        "The council approved a new budget on Monday. Schools get more funding from it.",
        published=noon,
    )
    assert len(summarizer.briefing([article], until="2025-03-16").sources) == 1
    one_day = summarizer.briefing([article], since="2025-03-16", until="2025-03-16")
    assert len(one_day.sources) == 1
    assert summarizer.briefing([article], until="2025-03-16T12:00:00Z").sources == []
    assert summarizer.briefing([article], until=noon).sources == []
    with pytest.raises(ConfigError, match="until: not a date"):
        summarizer.briefing([article], until="last tuesday")


def test_since_and_until_may_count_back_from_now_in_the_library_as_in_the_cli() -> None:
    """`briefing(articles, since="24h")` was a ConfigError while `--since 24h` worked."""
    now = datetime.now(UTC)
    fresh = summarizer.make_article(
        "The council approved a new budget on Monday. Schools get more funding from it.",
        published=now - timedelta(hours=2),
    )
    old = summarizer.make_article(
        "The old bridge reopened after repairs. Traffic returned to normal by noon.",
        published=now - timedelta(days=3),
    )
    kept = summarizer.briefing([fresh, old], since="24h").sources
    assert [s.article_id for s in kept] == [fresh.id]
    assert summarizer.briefing([fresh, old], until="2d").sources[0].article_id == old.id


def test_a_briefing_whose_articles_are_all_outside_the_dates_says_so() -> None:
    """Every article filtered out by since/until was reported as "no articles given"."""
    article = summarizer.make_article(
        "The council approved a new budget on Monday. Schools get more funding from it.",
        published="2025-03-16T12:00:00Z",
    )
    result = summarizer.briefing([article], since="2030-01-01")
    assert result.stories == []
    assert result.problems[0] == "no article published within the dates given"
    assert (
        "1 article left out: published outside the dates asked for "
        "(kept: published from 2030-01-01)" in (result.problems)
    )


def test_render_briefing_refuses_text_it_has_no_text_form() -> None:
    """render_briefing(b, "text") returned Markdown, backslash escapes and all, to a caller
    that asked for plain text (the CLI offers md, json and html only)."""
    brief = summarizer.briefing(
        ["The council approved a new budget on Monday. Schools get more funding from it."]
    )
    with pytest.raises(InputError, match="unknown format 'text'; use one of md, json, html"):
        summarizer.render_briefing(brief, "text")  # type: ignore[arg-type]
    assert summarizer.render_briefing(brief, "md").startswith("# Briefing")


def test_json_renders_on_one_line_for_json_lines_files() -> None:
    """A briefing or a verify report saved as .jsonl/.ndjson was rendered indented, then
    parsed and dumped again on one line (a second full JSON pass over a big briefing); the
    renderers write the one-line form themselves, the same data as the indented one."""
    text = "The council approved a new budget on Monday. Schools get more funding from it."
    brief = summarizer.briefing([text])
    report = summarizer.verify(text, [text])
    for one, indented in (
        (
            summarizer.render_briefing(brief, "json", one_line=True),
            summarizer.render_briefing(brief, "json"),
        ),
        (
            summarizer.render_verify(report, "json", one_line=True),
            summarizer.render_verify(report, "json"),
        ),
    ):
        assert one.endswith("\n") and "\n" not in one[:-1]
        assert json.loads(one) == json.loads(indented) and "\n  " in indented
    # the other formats have no one-line form: unchanged
    assert summarizer.render_briefing(brief, "md", one_line=True) == summarizer.render_briefing(
        brief, "md"
    )


def test_briefing_reads_a_generator_as_it_goes_and_a_folders_bad_file_raises(
    tmp_path: Path,
) -> None:
    """The CLI skips a folder's unusable files by passing the articles of
    ingest.iter_articles(on_bad_record=...) as a generator: briefing() listed it whole before
    its "ingest" progress began (no progress while a big day was read). The library itself
    still raises on such a file: it cannot report a skip."""
    from summarizer.ingest import iter_articles

    day = tmp_path / "day"
    day.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:2]:
        (day / path.name).write_bytes(path.read_bytes())
    (day / "bad.txt").write_bytes(bytes(range(256)) * 12)
    with pytest.raises(InputError, match="bad.txt: looks like a binary file"):
        summarizer.briefing(day)
    skipped: list[InputError] = []
    read: list[str] = []
    began: list[list[str]] = []

    def articles() -> Iterator[summarizer.Article]:
        for article in iter_articles(day, on_bad_record=skipped.append):
            read.append(article.id)
            yield article

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "ingest" and not began:
            began.append(list(read))

    result = summarizer.briefing(articles(), progress=progress)
    assert began == [[]] and len(read) == 2  # progress began before the first was read
    assert [str(e) for e in skipped] == [
        f"{day / 'bad.txt'}: looks like a binary file, not an article"
    ]
    assert {i for s in result.stories for i in s.article_ids} == set(read)


def test_an_html_body_given_as_text_is_read_as_its_text() -> None:
    """A CMS hands over its stored body ("<p>...</p>"): blurb() quoted the tags and the
    script inside as claims, as JSON records did before they were reduced to their text."""
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    body += "<script>track('<p>x</p>')</script>"
    result = summarizer.blurb(body)
    shown = [c.text for c in result.claims if c.shown]
    assert shown and not any("<" in c or "track(" in c for c in shown)
    with pytest.raises(InputError, match="HTML with no article text"):
        summarizer.blurb("<p> </p><div><br></div><script>x()</script>")


def test_make_article_reads_an_html_body_as_blurb_does() -> None:
    """A CMS plugin builds its Article with make_article(body, title=..., url=...) to keep its
    metadata: the body's tags were kept as sentences ("<p>The council ...</p><p>It ...") and
    the blurb quoted them, while blurb(body) read the same body as its text."""
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    article = summarizer.make_article(body, title="From the CMS", url="https://example.com/a")
    assert article.sentences and not any("<" in s.text for s in article.sentences)
    by_article = summarizer.blurb(article, sentences=2)
    assert by_article.article_id == summarizer.blurb(body, sentences=2).article_id
    assert not any("<" in c.text for c in by_article.claims)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"published": "yesterday-ish"}, "published: not a date: 'yesterday-ish'"),
        ({"published": [2025]}, "published must be a date, not list"),
        ({"title": 5}, "title must be a str, not int"),
        ({"source": {"name": "AP"}}, "source must be a str, not dict"),
    ],
)
def test_make_article_refuses_bad_fields_with_an_input_error(
    options: dict[str, object], expected: str
) -> None:
    """Before: a bare pydantic ValidationError (published, source) or AttributeError (title),
    not the documented InputError."""
    with pytest.raises(InputError, match=re.escape(expected)):
        summarizer.make_article(TEXT, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("given", [5, None, b"a.txt", [5], {"text": "x"}])
def test_load_articles_refuses_what_is_not_a_path(given: object) -> None:
    """``load_articles(5)`` raised a bare TypeError, and ``[5]`` looked for a file named "5"."""
    with pytest.raises(InputError, match="expected a path or URL"):
        summarizer.load_articles(given)  # type: ignore[arg-type]


def test_article_text_past_the_size_limit_is_refused_as_a_file_would_be(tmp_path: Path) -> None:
    """A str is held to max_file_mb like a file: the library does not spend minutes on a
    text the CLI would refuse; the setting raises the limit for both."""
    big = TEXT * (2 * 1024 * 1024 // len(TEXT.encode("utf-8")) + 1)  # over 2 MB
    with pytest.raises(InputError, match="larger than the limit of 1 MB"):
        summarizer.blurb(big, max_file_mb=1)
    with pytest.raises(InputError, match="larger than the limit of 1 MB"):
        summarizer.briefing([TEXT, big], max_file_mb=1)
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the limit of 1 MB"):
        summarizer.blurb(path, max_file_mb=1)  # the file too, with the caller's limit
    assert summarizer.blurb(TEXT, sentences=1, max_file_mb=1).claims


def test_an_article_built_by_hand_is_checked_not_silently_dropped() -> None:
    """A CMS plugin built Article(id=..., sentences=[Sentence(id="0", ...), ...]) itself:
    before, a briefing listed its story as "no claim passed verification" (a citation's
    article is read from its sentence id, so ids shared by two articles cited the other's
    sentences), and an Article without outlets was "a story with fewer than 1 sources",
    never written. Now wrong ids are an InputError pointing to make_article, and an Article
    without outlets is its own unnamed source."""
    texts = ["The council voted 7-2 on Tuesday to build a bridge.", "It will cost $40 million."]

    def built(article_id: str, ids: list[str]) -> summarizer.Article:
        sentences = [
            summarizer.Sentence(id=i, text=t, index=n)
            for n, (i, t) in enumerate(zip(ids, texts, strict=True))
        ]
        return summarizer.Article(id=article_id, sentences=sentences)

    for article, expected in (
        (built("a1", ["0", "1"]), "sentence id '0' does not start 'a1.s'"),
        (built("a1", ["a1.s0", "a1.s0"]), "sentence id 'a1.s0' is given twice"),
        (summarizer.Article(id="a1"), "Article 'a1' has no sentences"),
    ):
        for call in (summarizer.blurb, summarizer.briefing):
            with pytest.raises(InputError, match=re.escape(expected)) as caught:
                call(article)
            assert "summarizer.make_article(" in str(caught.value)
    brief = summarizer.briefing([built("a1", ["a1.s0", "a1.s1"])])  # no outlets
    assert [s.written for s in brief.stories] == [True] and not brief.problems
    shown = [c.text for c in brief.claims if c.shown]
    assert shown and set(shown) <= set(texts)
    assert {c.article_id for claim in brief.claims for c in claim.citations} == {"a1"}


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ({"sentences": "2"}, "sentences: must be a number, not the string '2'"),
        ({"max_words": "30"}, "max_words: must be a number"),
        ({"judge": "no"}, "judge: must be true or false, not 'no'"),
        ({"no_cache": 1}, "no_cache: must be true or false, not 1"),
    ],
)
def test_a_string_for_a_number_or_a_non_bool_flag_is_a_config_error(
    option: dict[str, object], says: str
) -> None:
    """``blurb(text, sentences="2")`` was read as 2 and ``judge="no"`` as False by luck
    (``no_cache="false"`` is not so lucky elsewhere); as ``sentences=True`` is, they are a
    ConfigError naming the option."""
    text = "The council approved a new budget on Monday. Schools get more funding from it."
    with pytest.raises(summarizer.ConfigError, match=re.escape(says)):
        summarizer.blurb(text, **option)  # type: ignore[arg-type]


# -- careless user, round 7 ----------------------------------------------------------------------


def test_two_different_articles_under_one_id_are_refused_not_mixed_up() -> None:
    """Two Articles a CMS built with one id of its own: the comet's story showed the flood's
    claim (a citation names its article by id), and nothing said so. A copy of one text under
    one id is fine (dedup makes it one article)."""
    comet = summarizer.Article(
        id="a",
        title="Comet",
        sentences=[
            summarizer.Sentence(
                id="a.s1",
                text="The comet was found by an amateur astronomer in Ostvik on Monday night.",
                index=0,
            )
        ],
    )
    flood = comet.model_copy(
        update={
            "title": "Flood",
            "sentences": [
                summarizer.Sentence(
                    id="a.s1",
                    text="The river flooded the old town of Brennick after heavy rain.",
                    index=0,
                )
            ],
        }
    )
    for run in (
        lambda: summarizer.briefing([comet, flood], backend="extractive"),
        lambda: summarizer.verify("The comet was found.", [comet, flood], backend="extractive"),
    ):
        with pytest.raises(InputError, match="two different articles have the id 'a'"):
            run()
    same = summarizer.briefing([comet, comet.model_copy()], backend="extractive")
    assert [s.title for s in same.stories] == ["Comet"]


@pytest.mark.parametrize("progress", [True, 3, "bar", lambda stage: None])
def test_a_progress_that_cannot_be_called_so_is_a_config_error(progress: object) -> None:
    """``progress=True`` (meaning "show progress") or a one-argument callback failed as a bare
    TypeError from inside the ingest loop."""
    with pytest.raises(ConfigError, match=r"progress\(stage, done, total\)"):
        summarizer.briefing([TEXT], progress=progress, backend="extractive")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"progress\(stage, done, total\)"):
        asyncio.run(summarizer.abriefing([TEXT], progress=progress, backend="extractive"))  # type: ignore[arg-type]
    seen: list[str] = []
    summarizer.briefing([TEXT], progress=lambda *a: seen.append(a[0]), backend="extractive")
    assert "ingest" in seen


@pytest.mark.parametrize(
    ("claims", "sentences", "match"),
    [
        (None, None, "claims must be a list"),
        ("A claim.", {}, "claims must be a list"),
        ([], None, "sentences must be a dict"),
        ([], [], "sentences must be a dict"),
        ([], {"s1": "The storm hit."}, "sentences must be a dict"),
    ],
)
def test_verify_claims_refuses_wrong_types_with_one_line(
    claims: object, sentences: object, match: str
) -> None:
    """Before: an AttributeError ('NoneType' object has no attribute 'values') from inside."""
    with pytest.raises(InputError, match=match):
        summarizer.verify_claims(claims, sentences)  # type: ignore[arg-type]
