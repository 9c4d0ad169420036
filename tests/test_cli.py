"""The CLI as a user runs it: outputs, formats, safe writing, one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ConfigError, InputError
from summarizer.ingest import load_articles
from summarizer.models import Article
from summarizer.settings import Settings

from .test_ingest import BOILERPLATE

runner = CliRunner()


def _sentences(articles_dir: Path) -> dict[str, str]:
    return {s.id: s.text for a in load_articles(articles_dir) for s in a.sentences}


def test_briefing_markdown_is_cited(articles_dir: Path) -> None:
    result = runner.invoke(app, ["briefing", str(articles_dir)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Briefing")
    assert "## Sources" in out
    bullets = [line for line in out.splitlines() if line.startswith("- ")]
    assert bullets and all(line.rstrip().endswith("]") for line in bullets)
    for junk in BOILERPLATE:
        assert junk.lower() not in out.lower(), junk
    assert "embedded extractive engine" in result.stderr
    assert "accepted" in result.stderr


def test_briefing_json_quotes_cited_sentences_exactly(articles_dir: Path) -> None:
    result = runner.invoke(app, ["briefing", str(articles_dir), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sentences = _sentences(articles_dir)
    claims = [c for story in data["stories"] for c in story["claims"]]
    assert claims
    for claim in claims:
        assert claim["verdict"] in ("accepted", "repaired", "rejected")
        assert claim["citations"]
        for cite in claim["citations"]:
            assert sentences[cite["sentence_id"]] == cite["text"]
            assert cite["sentence_id"].startswith(cite["article_id"] + ".s")
    assert data["engine"] == "extractive"
    assert {"calls", "prompt_tokens", "completion_tokens", "cache_hits"} <= set(data["usage"])
    assert result.stderr == ""  # --quiet


def test_briefing_respects_word_budget(articles_dir: Path) -> None:
    result = runner.invoke(app, ["briefing", str(articles_dir), "--max-words", "80", "-f", "json"])
    data = json.loads(result.stdout)
    words = sum(
        len(c["text"].split())
        for s in data["stories"]
        for c in s["claims"]
        if c["verdict"] != "rejected"
    )
    assert 0 < words <= 80


def test_blurb_sentences_and_formats(seed_files: list[Path]) -> None:
    result = runner.invoke(app, ["blurb", str(seed_files[1]), "--sentences", "2"])
    assert result.exit_code == 0, result.output
    body = result.stdout.split("\n\n")[0]
    assert body.count("[1]") == 2
    assert "Sources:" in result.stdout
    many = runner.invoke(app, ["blurb", *map(str, seed_files[:3]), "-f", "json", "-q"])
    lines = many.stdout.strip().splitlines()
    assert len(lines) == 3  # JSON Lines, one blurb per article
    for line in lines:
        blurb = json.loads(line)
        shown = [c for c in blurb["claims"] if c["verdict"] != "rejected"]
        assert len(shown) == 3  # the default blurb length


def test_output_file_written_and_not_overwritten(tmp_path: Path, articles_dir: Path) -> None:
    out = tmp_path / "brief.md"
    first = runner.invoke(app, ["briefing", str(articles_dir), "-o", str(out), "-q"])
    assert first.exit_code == 0
    assert out.read_text().startswith("# Briefing")
    out.write_text("editor's notes")
    again = runner.invoke(app, ["briefing", str(articles_dir), "-o", str(out)])
    assert again.exit_code == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert out.read_text() == "editor's notes"
    forced = runner.invoke(app, ["briefing", str(articles_dir), "-o", str(out), "--force", "-q"])
    assert forced.exit_code == 0
    assert out.read_text().startswith("# Briefing")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temp files left behind


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], capture_output=True, text=True, check=False
    )


def test_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad_json = tmp_path / "x.json"
    bad_json.write_text("[{")
    for args in (
        ["briefing", str(tmp_path / "missing")],
        ["blurb", str(empty)],
        ["briefing", str(bad_json)],
        ["briefing", str(tmp_path), "--format", "pdf"],
        ["briefing", str(tmp_path), "--backend", "nonsense"],
    ):
        proc = _run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert proc.stdout == ""


def test_help_has_examples() -> None:
    for command in ("blurb", "briefing"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.stdout


COMMANDS = ["blurb", "briefing", "verify", "serve", "blurbs-job", "config", "batch submit"]


@pytest.mark.parametrize("command", [*COMMANDS, "batch collect"])
def test_help_text_is_reflowed_to_the_terminal(command: str) -> None:
    """On an 80-column terminal the docstrings' own line breaks (at 95 columns) cut every
    paragraph into a long line and a one-word line ("... skipped, and each input\n whose\n
    model answers ..."): a paragraph's lines are now filled to the width."""
    result = CliRunner().invoke(app, [*command.split(), "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    description = result.stdout.split("╭")[0].splitlines()
    for line, after in zip(description, description[1:], strict=False):
        text, following = line.strip(), after.strip()
        if text and following and not text.startswith("summarizer "):
            assert len(line.rstrip()) > 50, f"{line!r} then {after!r}"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("summarizer ")
    import summarizer  # the library says the same version (a tester missed __version__)

    assert result.stdout.split()[1] == summarizer.__version__


def test_config_file_is_read_and_checked(tmp_path: Path, articles_dir: Path) -> None:
    path = Path(runner.invoke(app, ["config", "path"]).stdout.strip())
    assert path.name == "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("max_words = 60\n")
    result = runner.invoke(app, ["briefing", str(articles_dir), "-f", "json", "-q"])
    data = json.loads(result.stdout)
    shown = [c for s in data["stories"] for c in s["claims"] if c["verdict"] != "rejected"]
    words = sum(len(c["text"].split()) for c in shown)
    assert 0 < words <= 60
    flag = runner.invoke(
        app, ["briefing", str(articles_dir), "-f", "json", "-q", "--max-words", "300"]
    )
    shown = [c for s in json.loads(flag.stdout)["stories"] for c in s["claims"]]
    assert sum(len(c["text"].split()) for c in shown) > 60  # the flag wins over the file
    path.write_text("max_wrods = 60\n")
    typo = runner.invoke(app, ["briefing", str(articles_dir)])
    assert typo.exit_code == 2
    assert "max_wrods" in typo.stderr and "config.toml" in typo.stderr


def test_invalid_env_setting_is_one_line(monkeypatch, articles_dir: Path) -> None:
    monkeypatch.setenv("SUMMARIZER_BACKEND", "nonsense")
    result = runner.invoke(app, ["briefing", str(articles_dir)])
    assert result.exit_code == 2
    # the variable is named: a user may not know a value came from the environment
    assert result.stderr.startswith("Error: SUMMARIZER_BACKEND: invalid setting: backend")
    assert len(result.stderr.splitlines()) == 1


def test_since_after_until_is_an_error_that_echoes_no_secret(
    monkeypatch, articles_dir: Path
) -> None:
    """Swapped --since/--until kept only the undated articles, silently; the check spans two
    settings, so its message must not echo all of them (the API key among them)."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-do-not-print")
    args = ["briefing", str(articles_dir), "--since", "2026-01-01", "--until", "2025-01-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "since (2026-01-01" in result.stderr and "must be before until" in result.stderr
    assert "sk-do-not-print" not in result.output
    with pytest.raises(ConfigError, match="must be before"):
        Settings(since="2026-01-02", until="2026-01-01")


# -- issue 11: URLs and feeds, streaming, typed choices, safe -o ----------------------------


def test_blurb_url_and_briefing_feed_file_and_url(tmp_path: Path, seed_files: list[Path]) -> None:
    from .localweb import page, rss, serve_folder

    site = tmp_path / "site"
    site.mkdir()
    arts = [load_articles(p)[0] for p in seed_files[:3]]
    for n, art in enumerate(arts):
        html = page(art.title or "Story", [s.text for s in art.sentences])
        (site / f"s{n}.html").write_text(html)
    with serve_folder(site) as base:
        res = runner.invoke(app, ["blurb", f"{base}/s0.html", "-f", "json", "-q"])
        assert res.exit_code == 0, res.output
        blurb = json.loads(res.stdout)
        assert blurb["sources"][0]["outlets"][0]["url"] == f"{base}/s0.html"
        cited = {c["text"] for claim in blurb["claims"] for c in claim["citations"]}
        assert cited and cited <= {s.text for s in arts[0].sentences}

        items = [
            {"title": a.title or "t", "link": f"{base}/s{n}.html", "date": "2026-11-22T06:00:00Z"}
            for n, a in enumerate(arts)
        ]
        (site / "feed.xml").write_text(rss(items))
        feed_file = tmp_path / "feed.xml"
        feed_file.write_text(rss(items))
        for source in (str(feed_file), f"{base}/feed.xml"):
            res = runner.invoke(app, ["briefing", source, "-f", "json", "-q"])
            assert res.exit_code == 0, (source, res.output)
            brief = json.loads(res.stdout)
            ids = {i for story in brief["stories"] for i in story["article_ids"]}
            assert len(ids) == 3
            urls = {o["url"] for s in brief["sources"] for o in s["outlets"]}
            assert urls and urls <= {i["link"] for i in items}


def test_blurbs_stream_and_a_bad_input_is_skipped(tmp_path: Path, seed_files: list[Path]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "blurbs.jsonl"
    args = ["blurb", str(seed_files[0]), str(empty), str(seed_files[1]), "-f", "json"]
    res = runner.invoke(app, [*args, "-o", str(out), "-q"])
    assert res.exit_code == 1
    assert "empty.txt: file is empty" in res.stderr and "1 of 3 inputs failed" in res.stderr
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(x)["claims"] for x in lines)


def test_a_bad_line_of_json_lines_loses_only_itself(tmp_path: Path, seed_files: list[Path]) -> None:
    """`blurb feed.jsonl` with one malformed line and one record without text wrote nothing
    and exited 2: every good record around them was lost."""
    good = [
        json.dumps({"text": p.read_text(), "source": f"S{i}"}) for i, p in enumerate(seed_files)
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([good[0], "{not json", good[1], '{"title": "x"}', good[2]]) + "\n")
    out = tmp_path / "blurbs.jsonl"
    res = runner.invoke(app, ["blurb", str(feed), "-f", "json", "-o", str(out), "-q"])
    assert res.exit_code == 1, res.output
    assert "feed.jsonl (line 2): malformed JSON" in res.stderr
    assert "feed.jsonl (line 4): missing or empty 'text'" in res.stderr
    blurbs = [json.loads(x) for x in out.read_text().splitlines()]
    names = [b["sources"][0]["outlets"][0]["name"] for b in blurbs]
    assert names == ["S0", "S1", "S2"]
    # every record bad: nothing written, exit 2
    feed.write_text("{not json\n[1]\n")
    res = runner.invoke(app, ["blurb", str(feed), "-q"])
    assert res.exit_code == 2 and res.stdout == ""
    assert len([x for x in res.stderr.splitlines() if x.startswith("Error: ")]) == 2


def test_blurbs_are_written_as_each_is_ready(seed_files: list[Path]) -> None:
    """The second input is read only after the first blurb is on stdout."""
    from summarizer import cli
    from summarizer import render as rendering

    events: list[str] = []
    real_load, real_render = cli.iter_articles, rendering.render_blurb

    def load(raw: str, **kwargs: object) -> Iterator[Article]:
        events.append(f"read {Path(raw).name}")
        return real_load(raw, **kwargs)  # type: ignore[arg-type]

    def render(result, fmt, **kwargs):  # type: ignore[no-untyped-def]
        events.append("write")
        return real_render(result, fmt, **kwargs)  # instance=: an HTML block's ids

    cli.iter_articles, rendering.render_blurb = load, render  # type: ignore[assignment]
    try:
        res = runner.invoke(app, ["blurb", *map(str, seed_files[:2]), "-f", "json", "-q"])
    finally:
        cli.iter_articles, rendering.render_blurb = real_load, real_render
    assert res.exit_code == 0, res.output
    assert events == [f"read {seed_files[0].name}", "write", f"read {seed_files[1].name}", "write"]
    assert len(res.stdout.splitlines()) == 2


def test_existing_output_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("keep me")
    missing = str(tmp_path / "missing.txt")
    for command in (["blurb", missing], ["briefing", missing], ["verify", missing, "-s", missing]):
        res = runner.invoke(app, [*command, "-o", str(out)])
        assert res.exit_code == 2
        assert "already exists" in res.stderr  # not the missing input: nothing was read
    assert out.read_text() == "keep me"


def test_force_keeps_mode_and_writes_through_a_symlink(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    import os
    import stat

    real = tmp_path / "real.md"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    res = runner.invoke(app, ["blurb", str(seed_files[0]), "-o", str(link), "--force", "-q"])
    assert res.exit_code == 0, res.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().strip() and real.read_text() != "old"
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    new = tmp_path / "new.md"
    res = runner.invoke(app, ["blurb", str(seed_files[0]), "-o", str(new), "-q"])
    assert res.exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


def test_help_lists_choices_and_completion() -> None:
    res = runner.invoke(app, ["blurb", "--help"], env={"COLUMNS": "200"})
    assert "text|md|json" in res.stdout
    assert "auto|extractive|openai|local|replay" in res.stdout
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "--install-completion" in top.stdout
    bad = runner.invoke(app, ["blurb", "x.txt", "--format", "xml"])
    assert bad.exit_code == 2 and "'xml' is not one of" in bad.output


def test_an_empty_path_is_an_error_not_the_working_directory(
    tmp_path: Path, seed_files: list[Path], monkeypatch
) -> None:
    """``summarizer briefing "$DIR"`` with DIR unset passes "": before, every article under
    the working directory was read (and verify checked against them)."""
    day = tmp_path / "day"
    day.mkdir()
    (day / "a.txt").write_text(seed_files[0].read_text())
    monkeypatch.chdir(tmp_path)  # where "" would have read day/a.txt from
    draft = str(seed_files[0])
    for args in (
        ["blurb", ""],
        ["briefing", "", "--format", "json"],
        ["briefing", str(day), " "],
        ["verify", "", "-s", str(day)],
        ["verify", draft, "-s", ""],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "empty path" in result.output
        assert "Traceback" not in result.output
    with pytest.raises(InputError, match="empty path"):
        load_articles("")


def test_an_empty_blurb_says_why(seed_files: list[Path]) -> None:
    """A word budget below every sentence leaves the blurb empty; it says so (on stderr: no
    blurb is written, exit 2), instead of blaming verification."""
    for fmt in ("text", "json", "html"):
        args = ["blurb", str(seed_files[0]), "--max-words", "3", "-f", fmt]
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "no sentence fits in 3 words" in result.stderr
        assert "raise --max-words" in result.stderr
        assert "no claim passed verification" not in result.output


def test_until_the_last_day_there_is_is_a_usage_error(articles_dir: Path) -> None:
    """``--until 9999-12-31`` (a date alone: the end of that day) overflowed: a traceback."""
    result = runner.invoke(app, ["briefing", str(articles_dir), "--until", "9999-12-31"])
    assert result.exit_code == 2 and "past the last day there is" in result.output
    assert not isinstance(result.exception, OverflowError)


@pytest.mark.parametrize("day", ["2025-03-18", "20250318", "March 18, 2025", "18 Mar 2025"])
def test_until_a_day_in_any_accepted_form_includes_that_day(
    tmp_path: Path, seed_files: list[Path], day: str
) -> None:
    """``--until "March 18, 2025"`` (a date form the help accepts) meant midnight at its start:
    the day's articles were left out, unlike ``--until 2025-03-18``."""
    records = [
        {"text": seed_files[0].read_text(), "source": "Tue", "published": "2025-03-18T10:00Z"},
        {"text": seed_files[1].read_text(), "source": "Wed", "published": "2025-03-19T10:00Z"},
    ]
    feed = tmp_path / "day.json"
    feed.write_text(json.dumps(records))
    res = runner.invoke(app, ["briefing", str(feed), "--until", day, "-f", "json", "-q"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [o["name"] for s in data["sources"] for o in s["outlets"]] == ["Tue"]
    assert data["problems"] == [
        "1 article left out: published outside the dates asked for "
        "(kept: published through 2025-03-18)"
    ]


def test_format_follows_the_output_extension(tmp_path: Path, seed_files: list[Path]) -> None:
    """`briefing feed/ -o feed/today.json` wrote Markdown into today.json, and the next run
    over feed/ stopped with "today.json: malformed JSON" (exit 2)."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for p in seed_files[:2]:
        (feed / p.name).write_bytes(p.read_bytes())
    res = runner.invoke(app, ["briefing", str(feed), "-o", str(feed / "today.json"), "-q"])
    assert res.exit_code == 0, res.output
    assert json.loads((feed / "today.json").read_text())["stories"]
    for name, start in (("b.html", "<div"), ("b.md", "On "), ("b.txt", "On "), ("b.jsonl", "{")):
        res = runner.invoke(app, ["blurb", str(seed_files[1]), "-o", str(tmp_path / name), "-q"])
        assert res.exit_code == 0, res.output
        assert (tmp_path / name).read_text().startswith(start), name
    assert (tmp_path / "b.md").read_text().rstrip().endswith("<!-- written by summarizer -->")
    # --format given wins; an output whose name says otherwise is still known as ours
    mismatched = [
        ("-f", "md", "-o", str(feed / "y.json")),
        ("-f", "json", "-o", str(feed / "y.md")),
    ]
    for args in mismatched:
        res = runner.invoke(app, ["briefing", str(feed), *args, "-q"])
        assert res.exit_code == 0, res.output
    assert (feed / "y.json").read_text().startswith("# Briefing")
    again = runner.invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert again.exit_code == 0, again.output
    sources = json.loads(again.stdout)["sources"]
    assert sorted(o["file"] for s in sources for o in s["outlets"]) == sorted(
        str(feed / p.name) for p in seed_files[:2]
    )


def test_stdin_given_twice_is_a_usage_error(seed_files: list[Path]) -> None:
    """`blurb - -` wrote one blurb, then "Error: <stdin>: file is empty" (exit 1); `verify -
    -s -` said the same of the sources: stdin was read for the first `-` only."""
    text = seed_files[0].read_text()
    for args in (["blurb", "-", "-"], ["briefing", "-", "-"], ["verify", "-", "-s", "-"]):
        res = runner.invoke(app, args, input=text)
        assert res.exit_code == 2, (args, res.output)
        assert res.stdout == ""
        assert res.stderr.strip() == (
            "Error: - (stdin) is given more than once; it can be read only once"
        )


def test_briefing_title_is_one_line(seed_files: list[Path]) -> None:
    """`--title $'Morning\\n\\n## Sport'` broke out of the heading (a second heading in the
    Markdown), and `--title "  "` gave an empty "#    " heading instead of the default."""
    for given, shown in (("Morning\n\n## Sport", "Morning ## Sport"), ("  ", "Briefing")):
        res = runner.invoke(app, ["briefing", str(seed_files[0]), "--title", given, "-q"])
        assert res.exit_code == 0, res.output
        assert res.stdout.splitlines()[0] == f"# {shown}"
        assert "\n## Sport" not in res.stdout


def test_a_date_window_that_leaves_out_everything_says_so(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """`briefing feed.json --since 2030-01-01` printed "(no claim passed verification)" and
    nothing on stderr: the reader blamed the verifier, not the dates."""
    feed = tmp_path / "day.json"
    feed.write_text(json.dumps([{"text": seed_files[0].read_text(), "published": "2025-03-18"}]))
    res = runner.invoke(app, ["briefing", str(feed), "--since", "2030-01-01"])
    assert res.exit_code == 0, res.output
    assert (
        "Warning: the briefing is empty: every article was published outside --since/--until "
        "(1 article left out: published outside the dates asked for "
        "(kept: published from 2030-01-01))"
    ) in res.stderr
    quiet = runner.invoke(app, ["briefing", str(feed), "--since", "2025-01-01", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_feed_file_without_outlets_counts_each_storys_articles(
    seed_files: list[Path], tmp_path: Path
) -> None:
    """A day's feed as one JSON Lines file whose records name no outlet: every story said
    "1 source: feed.jsonl", whether it held one article or five."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"text": p.read_text(encoding="utf-8")}) + "\n" for p in seed_files)
    )
    res = runner.invoke(app, ["briefing", str(feed), "-q"])
    assert res.exit_code == 0, res.output
    assert "*1 source, 5 articles: file feed.jsonl*" in res.stdout
    html = runner.invoke(app, ["briefing", str(feed), "-q", "-f", "html"])
    assert "1 source, 5 articles" in html.stdout
    # the byline of a briefing an editor revises is still no claim to check
    draft = tmp_path / "draft.md"
    draft.write_text(res.stdout, encoding="utf-8")
    checked = runner.invoke(app, ["verify", str(draft), "-s", str(feed), "-f", "json", "-q"])
    claims = [c["text"] for c in json.loads(checked.stdout)["claims"]]
    assert claims and not any("articles" in c and "source" in c for c in claims)


def test_no_blurb_is_an_error_not_a_message_in_the_blurb(
    articles_dir: Path, tmp_path: Path
) -> None:
    """`blurb quake.txt --max-words 3 -o nb.html` wrote a "Get a summary" block whose text was
    "(no blurb: no sentence fits in 3 words ...)", exit 0, and `blurb a.txt` printed "(no claim
    passed verification)", exit 0 (now: the text is too short): a CMS would paste the tool's
    message into a live page. Now
    nothing is written, the reason is one error line, and the exit code is an unusable
    input's (2 alone; 1 when other blurbs were written)."""
    story = sorted(articles_dir.glob("*.txt"))[1]
    tiny = tmp_path / "a.txt"
    tiny.write_text("a\n")
    out = tmp_path / "nb.html"
    for args, why in (
        ([str(story), "--max-words", "3", "-o", str(out)], "no sentence fits in 3 words"),
        ([str(tiny)], "nothing to summarise: the text is too short"),
        ([str(tiny), "-f", "json"], "nothing to summarise: the text is too short"),
    ):
        result = runner.invoke(app, ["blurb", *args, "-q"])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert line.startswith(f"Error: {args[0]}: no blurb: {why}")
    assert not out.exists()
    both = runner.invoke(app, ["blurb", str(tiny), str(story), "-n", "1", "-f", "json", "-q"])
    assert both.exit_code == 1, both.output
    [written] = both.stdout.splitlines()
    assert json.loads(written)["claims"]
    assert both.stderr.splitlines()[-1] == "1 of 2 articles gave no blurb (see above)"


def test_an_empty_blurb_renders_no_explanation_as_html(articles_dir: Path) -> None:
    """The library's HTML of a blurb with no claim was the block with "(no claim passed
    verification)" as its text; now an empty, hidden root marked ``data-smz-empty``."""
    import summarizer

    story = sorted(articles_dir.glob("*.txt"))[1]
    empty = summarizer.blurb(story, max_words=3)
    assert empty.problems and not empty.claims
    html = summarizer.render_blurb(empty, "html")
    assert html == (
        f'<div class="smz-blurb" id="smz-{empty.article_id}" data-smz-empty="no-blurb" '
        "hidden></div>\n"
    )
