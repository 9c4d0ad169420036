"""Inputs a careless user gives: each ends with one line and exit 2, or is read correctly,
and never hangs or eats the machine.

The CLI runs in a subprocess with an address-space limit (a run that tried to hold a device's
endless bytes would die instead of passing) and a generous timeout that only guards against a
hang; neither is a speed assertion.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import InputError, load_articles
from summarizer.dedup import merge_sentences
from summarizer.ingest import iter_articles, make_article
from summarizer.sentences import MAX_SENTENCE_CHARS

MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for the CLI subprocess
HANG_GUARD = 300  # seconds; the runs below take a few seconds


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUMMARIZER_RAISE_ERRORS": ""}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        timeout=HANG_GUARD,
        preexec_fn=_limit_memory,
        env=env,
    )


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    errors = [x for x in result.stderr.splitlines() if x.startswith("Error: ")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert result.stderr.rstrip().endswith(errors[0])  # nothing after it: no traceback
    assert "Traceback" not in result.stderr


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    assert_one_line_exit_2(run_cli("blurb", str(fifo)), "not a regular file")
    # inside a directory it is skipped, the articles beside it are read
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met on Monday. It voted.\n")
    assert [a.title for a in load_articles(tmp_path)] == ["Headline"]


def test_dev_zero_as_path_and_as_stdin() -> None:
    assert_one_line_exit_2(run_cli("blurb", "/dev/zero"), "not a regular file")
    with open("/dev/zero", "rb") as zero:
        result = run_cli("blurb", "-", "--max-file-mb", "5", stdin=zero.fileno())
    assert_one_line_exit_2(result, "larger than the limit of 5 MB")
    with open("/dev/zero", "rb") as zero:  # a briefing of stdin has the same limit
        result = run_cli("briefing", "-", "--max-file-mb", "5", stdin=zero.fileno())
    assert_one_line_exit_2(result, "larger than the limit of 5 MB")


def test_file_past_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "The council met on Monday. " * 50_000)
    assert_one_line_exit_2(run_cli("blurb", str(big), "--max-file-mb", "1"), "--max-file-mb")


def test_deeply_nested_json_cli_and_library(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    assert_one_line_exit_2(run_cli("briefing", str(deep)), "nested too deeply")
    with pytest.raises(InputError, match="nested too deeply"):
        load_articles(deep)
    lines = tmp_path / "deep.jsonl"
    lines.write_text('{"text": "Fine."}\n' + '{"text": ' + "[" * 10_000 + "]" * 10_000 + "}\n")
    with pytest.raises(InputError, match=r"line 2\): JSON nested too deeply"):
        load_articles(lines)


@pytest.mark.parametrize("size", [150_000, 2_000_000])
def test_line_without_sentence_breaks_is_split_into_bounded_pieces(
    tmp_path: Path, size: int
) -> None:
    words = ("alpha beta gamma delta epsilon zeta eta theta " * (size // 48 + 1))[:size]
    article = make_article(f"Headline\n\n{words}")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in article.sentences)
    assert " ".join(s.text for s in article.sentences).split() == words.split()
    path = tmp_path / "line.txt"
    path.write_text(f"Headline\n\n{words}\n")
    result = run_cli("blurb", str(path), "-q")
    assert result.returncode == 0, result.stderr


def test_huge_repetitive_article_merges_in_bounded_work() -> None:
    para = "The council met on Monday and voted to approve the new budget for the city. " * 40
    text = "Budget news\n\n" + "\n\n".join([para] * 1300)  # about 4 MB
    first = make_article(text)
    second = make_article(text.replace("Monday", "Tuesday"))
    reduced, aliases = merge_sentences([first, second])
    # the second article's sentences all repeat the first's: removed, cited as aliases
    assert reduced[1].sentences == []
    assert sum(len(v) for v in aliases.values()) == len(second.sentences)


def test_a_million_small_records_stop_at_the_article_limit(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as fh:
        for n in range(1_000_000):
            fh.write(f'{{"text": "Item {n} was filed today."}}\n')
    result = run_cli("briefing", str(feed), "-q")
    assert_one_line_exit_2(result, "more than 20000 articles")


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    body = " ".join(
        f"<p>The council met on Monday to vote on budget item {n}.</p>" for n in range(5)
    )
    page.write_text(
        "<!DOCTYPE html><html><head><title>Council votes</title>"
        "<script>var x = 1;</script></head>"
        f"<body><article><h1>Council votes</h1>{body}</article></body></html>"
    )
    [article] = load_articles(page)
    assert "<" not in article.text and "var x" not in article.text
    assert "budget item 3" in article.text
    result = run_cli("blurb", str(page), "-q")
    assert result.returncode == 0, result.stderr
    assert "<" not in result.stdout


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    text = "Café talks\n\nThe mayor of Zürich met the council on Monday. They agreed.\n"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.txt"
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        [article] = load_articles(path)
        assert article.title == "Café talks"
        assert "Zürich" in article.text


def test_verify_draft_that_is_a_fifo_or_device_is_refused(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """`verify FIFO -s ...` waited forever and `verify /dev/zero -s ...` read until memory ran
    out (a MemoryError traceback): the draft was read with no check, unlike articles."""
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)
    for draft in (str(fifo), "/dev/zero"):
        result = run_cli("verify", draft, "-s", str(seed_files[0]))
        assert_one_line_exit_2(result, "not a regular file")
    result = run_cli("verify", str(tmp_path), "-s", str(seed_files[0]))
    assert_one_line_exit_2(result, "is a directory")


def test_briefing_does_not_read_its_own_output(tmp_path: Path, articles_dir: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    for p in sorted(articles_dir.glob("*.txt")):
        (feed / p.name).write_bytes(p.read_bytes())
    before = load_articles(feed)
    for fmt, name in (("md", "briefing.md"), ("json", "briefing.json")):
        result = run_cli("briefing", str(feed), "-f", fmt, "-o", str(feed / name), "-q")
        assert result.returncode == 0, result.stderr
    blurbs = run_cli("blurb", *map(str, sorted(feed.glob("*.txt"))), "-f", "json", "-q")
    (feed / "blurbs.jsonl").write_text(blurbs.stdout)
    again = run_cli("briefing", str(feed), "-f", "json", "-o", str(feed / "b2.json"), "-q")
    assert again.returncode == 0, again.stderr
    assert [a.id for a in load_articles(feed)] == [a.id for a in before]
    first = json.loads((feed / "briefing.json").read_text())
    second = json.loads((feed / "b2.json").read_text())
    assert first["stories"] == second["stories"]


def test_briefing_does_not_read_its_own_html_output(tmp_path: Path, articles_dir: Path) -> None:
    """`briefing feed/ -f html -o feed/briefing.html` (or a blurb block saved there) was read
    back the next day as an article titled "Briefing", cited by the new briefing."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for p in sorted(articles_dir.glob("*.txt"))[:3]:
        (feed / p.name).write_bytes(p.read_bytes())
    before = [a.id for a in load_articles(feed)]
    page = run_cli("briefing", str(feed), "-f", "html", "-o", str(feed / "briefing.html"), "-q")
    assert page.returncode == 0, page.stderr
    first = str(sorted(feed.glob("*.txt"))[0])
    block = run_cli("blurb", first, "-f", "html", "-o", str(feed / "blurb.html"), "-q")
    assert block.returncode == 0, block.stderr
    assert [a.id for a in load_articles(feed)] == before
    # an article page with the blurb block pasted in is still an article
    body = "<p>The council voted on Monday to build a new bridge over the river.</p>" * 3
    (feed / "page.html").write_text(
        f"<!DOCTYPE html><html><head><title>Bridge vote</title></head><body><article>"
        f"<h1>Bridge vote</h1>{body}{(feed / 'blurb.html').read_text()}</article></body></html>"
    )
    assert len(load_articles(feed)) == len(before) + 1


def test_only_our_own_output_is_an_error_not_an_empty_result(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """A folder holding only yesterday's briefing gave an empty briefing, exit 0 (two such
    files gave exit 2), and `blurb briefing.md` printed nothing and exited 0."""
    folder = tmp_path / "feed"
    folder.mkdir()
    made = run_cli("briefing", str(seed_files[0]), "-o", str(folder / "briefing.md"), "-q")
    assert made.returncode == 0, made.stderr
    assert_one_line_exit_2(run_cli("briefing", str(folder), "-q"), "only files this tool wrote")
    result = run_cli("blurb", str(folder / "briefing.md"), "-q")
    assert_one_line_exit_2(result, "the inputs are files this tool wrote")
    assert result.stdout == ""


def _day_with_bad_files(tmp_path: Path, articles_dir: Path) -> Path:
    """A day's folder: the fixture articles, a binary file, and a JSON Lines feed whose second
    line is malformed."""
    day = tmp_path / "day"
    day.mkdir()
    for path in sorted(articles_dir.glob("*.txt")):
        (day / path.name).write_bytes(path.read_bytes())
    (day / "bad.txt").write_bytes(bytes(range(256)) * 12)
    record = {"text": "The harbour bridge reopened on Friday. Traffic returned to normal."}
    (day / "wire.jsonl").write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    return day


def test_briefing_skips_a_folders_unusable_files_and_records(
    tmp_path: Path, articles_dir: Path
) -> None:
    """One binary file in a day's folder (or one malformed line of its JSON Lines feed)
    stopped `briefing day/` with exit 2 and no briefing: each is now one line on stderr, the
    briefing of the rest is written, and the run exits 1 as blurb does."""
    day = _day_with_bad_files(tmp_path, articles_dir)
    out = tmp_path / "brief.json"
    result = run_cli("briefing", str(day), "-o", str(out), "-q")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"Error: {day / 'bad.txt'}: looks like a binary file, not an article",
        f"Error: {day / 'wire.jsonl'} (line 2): malformed JSON: Expecting property name "
        "enclosed in double quotes at column 2",
        "2 files or records in them failed (see above)",
    ]
    brief = json.loads(out.read_text(encoding="utf-8"))
    files = {o["file"] for s in brief["sources"] for o in s["outlets"]}
    assert str(day / "wire.jsonl") in files  # its good line is in the briefing
    assert len(files) == len(list(articles_dir.glob("*.txt"))) + 1
    shown = " ".join(run_cli("briefing", "--help").stdout.replace("│", " ").split())
    assert "1 written, but files or records were skipped" in shown  # the exit codes


def test_briefing_of_only_unusable_inputs_is_still_exit_2(
    tmp_path: Path, articles_dir: Path
) -> None:
    """Skipping must not turn a day with nothing usable into an empty briefing (exit 0), nor
    let an unusable file named on the command line pass: both stay exit 2, no output."""
    day = _day_with_bad_files(tmp_path, articles_dir)
    for path in day.glob("0*.txt"):
        path.unlink()
    (day / "wire.jsonl").write_text("{not json\n", encoding="utf-8")
    out = tmp_path / "brief.md"
    result = run_cli("briefing", str(day), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: no usable article: the 2 file")
    assert "Traceback" not in result.stderr and not out.exists()
    named = run_cli("briefing", str(articles_dir), str(day / "bad.txt"), "-o", str(out))
    assert_one_line_exit_2(named, "bad.txt: looks like a binary file")
    assert not out.exists()


OUTPUT_SUFFIXES = (".md", ".txt", ".json", ".jsonl", ".html", ".xml")


def test_outputs_saved_under_another_formats_name_are_not_read(
    tmp_path: Path, articles_dir: Path
) -> None:
    """`blurb A -f text -o feed/b.md` (or `verify ... -f text -o v.md`, `-f html -o x.md`)
    was read back by `briefing feed` as one more article: an output was recognised only
    under its own format's names. Every format is recognised under every name now."""
    import summarizer

    feed = tmp_path / "feed"
    feed.mkdir()
    for p in sorted(articles_dir.glob("*.txt"))[:3]:
        (feed / p.name).write_bytes(p.read_bytes())
    before = [a.id for a in load_articles(feed)]
    first = sorted(feed.glob("*.txt"))[0]
    blurb = summarizer.blurb(first, sentences=2)
    empty = blurb.model_copy(update={"claims": []})  # "(no claim passed verification)"
    report = summarizer.verify(blurb.claims[0].text + " It rained.", [first])
    brief = summarizer.briefing(feed)
    written = {}
    for suffix in OUTPUT_SUFFIXES:
        one_line = suffix == ".jsonl"  # as the CLI writes JSON to a .jsonl name
        for fmt in ("text", "md", "json", "html"):
            written[f"blurb-{fmt}"] = summarizer.render_blurb(blurb, fmt)
            written[f"empty-{fmt}"] = summarizer.render_blurb(empty, fmt)
            written[f"verify-{fmt}"] = summarizer.render_verify(report, fmt, one_line=one_line)
        for fmt in ("md", "json", "html"):
            written[f"brief-{fmt}"] = summarizer.render_briefing(brief, fmt, one_line=one_line)
        for name, text in written.items():
            (feed / f"{name}{suffix}").write_text(text)
    skipped: list[InputError] = []
    read = list(iter_articles(feed, on_bad_record=skipped.append))
    assert [str(e) for e in skipped] == []
    assert [a.id for a in read] == before
