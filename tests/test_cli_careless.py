"""The commands as a careless newsroom user runs them: each case was a bug found by trying."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import pipeline
from summarizer.cli import app
from summarizer.errors import InputError

from .conftest import ctrl_c_as_in_a_terminal
from .fakeserver import FakeServer

runner = CliRunner()

DRAFT = "Trump said he would speak with Putin about the war in Ukraine.\n"


def feed_and_draft(articles_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A feed folder holding copies of the seed articles, and a one-sentence draft beside it."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for path in sorted(articles_dir.glob("*.txt")):
        (feed / path.name).write_bytes(path.read_bytes())
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    return feed, draft


def test_ctrl_c_while_reading_does_not_say_of_0(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted while a folder was read (its size not known yet), the note said
    "reading articles: 600 of 0 done"."""

    def interrupted(*args: object, progress: pipeline.ProgressFn, **kwargs: object) -> None:
        progress("ingest", 600, 0)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "briefing", interrupted)
    result = runner.invoke(app, ["briefing", str(articles_dir), "-q"])
    assert result.exit_code == 130
    assert "Interrupted (reading articles: 600 done)." in result.stderr


def _started(
    *args: str, ignore_ctrl_c: bool = False, as_module: bool = False, stdin: int = subprocess.PIPE
) -> subprocess.Popen[str]:
    """The installed console script (or ``python -m summarizer``), once its entry module is
    loaded (with PYTHONPROFILEIMPORTTIME, Python names each module on stderr once it is
    imported): from there on, whatever it is doing, a Ctrl-C must be handled; before, Python
    itself is still starting. `briefing -` with stdin left open waits there once the imports
    are done. Ctrl-C is the child's default unless ``ignore_ctrl_c``, whatever the test run's."""
    script = Path(sys.executable).with_name("summarizer")
    if as_module:
        command = [sys.executable, "-m", "summarizer", *args]
    elif script.exists():
        command = [str(script), *args]
    else:
        pytest.skip("the console script is not installed next to this Python")
    proc = subprocess.Popen(
        command,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
        if ignore_ctrl_c
        else ctrl_c_as_in_a_terminal,
    )
    entry = _said_on_stderr(
        proc,
        lambda line: _imported(line) == "_summarizer_entry",
        before=lambda line: _imported(line).startswith("summarizer"),  # the old entry point
    )
    if entry:
        return proc
    proc.kill()
    raise AssertionError(f"the library was imported before the entry module (exit {proc.wait()})")


def _imported(line: str) -> str:
    """The module a PYTHONPROFILEIMPORTTIME line names ("import time: 318 | 318 | name")."""
    return line.rsplit("|", 1)[-1].strip() if line.startswith("import time:") else ""


def _said_on_stderr(
    proc: subprocess.Popen[str],
    wanted: Callable[[str], bool],
    before: Callable[[str], bool] = lambda line: False,
) -> bool:
    """Read the child's stderr up to the first line ``wanted`` accepts (True), or to the end
    of stderr or a line ``before`` accepts (False): a real condition to wait on, however
    loaded the machine, not a time."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if wanted(line):
            return True
        if before(line):
            return False
    return False


def _said(err: str) -> list[str]:
    return [x for x in err.splitlines() if not x.startswith("import time:")]


# where the Ctrl-C lands: while the library loads (just after the entry module), once the CLI's
# module is loaded (its handler is being handed back), and once the command runs (its note on
# the engine is out; it then waits on stdin)
CTRL_C_MOMENTS: dict[str, Callable[[str], bool] | None] = {
    "loading": None,
    "cli-loaded": lambda line: _imported(line) == "summarizer.cli",
    "running": lambda line: line.startswith("Using the embedded extractive engine"),
}


@pytest.mark.parametrize("as_module", [False, True], ids=["script", "python-m"])
@pytest.mark.parametrize("moment", list(CTRL_C_MOMENTS))
def test_ctrl_c_while_the_cli_loads_is_one_line_and_exit_130(moment: str, as_module: bool) -> None:
    """A Ctrl-C in the first ~0.3 s of any command (the library's imports, before the CLI's
    handler) printed a KeyboardInterrupt traceback. The moments land it in those imports or
    later, while stdin is read; each is one line, exit 130. Under `python -m summarizer` Python
    imports the package (the whole library) before its __main__ runs: the entry module's
    handler is in place before the library's first module loads. Stdin stays open until the
    child has ended: it must end by the Ctrl-C, never by reading an empty stdin."""
    [script] = [e for e in entry_points(group="console_scripts") if e.name == "summarizer"]
    assert script.value == "_summarizer_entry:main"  # outside the package: loads nothing
    wanted = CTRL_C_MOMENTS[moment]
    read_end, write_end = os.pipe()
    try:
        try:
            proc = _started("briefing", "-", as_module=as_module, stdin=read_end)
        finally:
            os.close(read_end)  # the child's now
        assert wanted is None or _said_on_stderr(proc, wanted), f"never reached: {moment}"
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise AssertionError(f"the Ctrl-C ({moment}) did not end the run") from None
    finally:
        os.close(write_end)
    said = _said(err)
    # -SIGINT: Python ended itself by the signal after the CLI's exit 130, which a shell shows
    # as 130 too; CPython does so when the KeyboardInterrupt went through an eval() (typer's
    # reading of the commands' annotations, as the CLI starts) before the CLI caught it
    assert proc.returncode in (130, -signal.SIGINT), err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert len(said) == 1 and said[0].startswith("Interrupted"), said


def test_python_m_summarizer_interrupted_in_its_own_import_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl-C while __main__ imports the entry module (before its handler) was a
    KeyboardInterrupt traceback: it is the CLI's "Interrupted." line and exit 130."""
    import builtins
    import runpy

    real_import = builtins.__import__

    def interrupted(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "_summarizer_entry":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    try:
        runpy.run_module("summarizer", run_name="__main__")
    except KeyboardInterrupt:  # a failure of this test, not the end of the test run
        pytest.fail("the KeyboardInterrupt left __main__: a traceback")
    except SystemExit as exc:
        assert exc.code == 130
    else:
        pytest.fail("__main__ went on after the KeyboardInterrupt")
    assert capsys.readouterr().err == "Interrupted.\n"


def test_ctrl_c_just_before_the_cli_runs_is_one_line(tmp_path: Path) -> None:
    """A Ctrl-C after the entry module gave Python's handler back and before the CLI's own
    ``try`` (as ``cli.main`` is entered) was a KeyboardInterrupt traceback: it is the same one
    line and exit 130. Here ``cli.main`` raises it as it starts; no signal, no timing."""
    code = (
        "import summarizer.cli as cli\n"
        "def interrupted():\n"
        "    raise KeyboardInterrupt\n"
        "cli.main = interrupted\n"
        "import _summarizer_entry\n"
        "_summarizer_entry.main()\n"
    )
    tree = Path(pipeline.__file__).resolve().parent.parent  # its entry module, not a copy
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    assert (done.returncode, done.stderr) == (130, "Interrupted.\n"), done.stderr


def test_importing_the_library_leaves_ctrl_c_alone(tmp_path: Path) -> None:
    """The handler is for `python -m summarizer` only: a program importing the library keeps
    Python's own Ctrl-C, a package run with -m whose __init__ imports it too."""
    code = "import signal, summarizer; print(signal.getsignal(signal.SIGINT).__name__)"
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "__init__.py").write_text(code + "\n", encoding="utf-8")
    (tmp_path / "other" / "__main__.py").write_text("", encoding="utf-8")
    for command in ([sys.executable, "-c", code], [sys.executable, "-m", "other"]):
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            preexec_fn=ctrl_c_as_in_a_terminal,  # "keeps" Python's own: not an inherited SIG_IGN
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "default_int_handler\n", done.stdout


@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_sigterm_ends_a_run_as_ctrl_c_does_and_leaves_no_temp_file(
    command: str, seed_files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`timeout -s TERM 3 summarizer blurb feed.jsonl -o t.jsonl` left a hidden
    ".t.jsonl.XXXX.tmp" and no t.jsonl: the blurbs done were lost. SIGTERM is now Ctrl-C:
    exit 130 with its note, the blurbs done written, no temp file."""
    import summarizer.cli as cli

    def terminated(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal's handler runs first
        raise AssertionError("SIGTERM did not stop the run")

    real_blurb, calls = pipeline.blurb, []

    def blurb_then_terminated(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real_blurb(*args, **kwargs) if len(calls) == 1 else terminated()

    monkeypatch.setattr(pipeline, "blurb", blurb_then_terminated)
    monkeypatch.setattr(pipeline, "briefing", terminated)
    monkeypatch.setattr(cli, "verify_draft", terminated)

    def not_handled(signum: int, frame: object) -> None:  # the default would end pytest
        raise RuntimeError("SIGTERM was not handled by the command")

    previous = signal.signal(signal.SIGTERM, not_handled)
    try:
        draft = tmp_path / "draft.txt"
        draft.write_text(DRAFT)
        out = tmp_path / "out" / "t.jsonl"
        out.parent.mkdir()
        args = {
            "blurb": ["blurb", *map(str, seed_files[:3])],
            "briefing": ["briefing", str(seed_files[1])],
            "verify": ["verify", str(draft), "-s", str(seed_files[1])],
        }[command]
        result = runner.invoke(app, [*args, "-f", "json", "-o", str(out), "-q"])
        assert signal.getsignal(signal.SIGTERM) is not_handled  # restored after the command
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert result.exit_code == 130, result.output
    assert result.stderr.startswith("Interrupted")
    if command == "blurb":  # the blurb done is kept, as a backend failure keeps it
        assert len(out.read_text().splitlines()) == 1
        assert "The 1 blurb(s) done before it are written." in result.stderr
    else:
        assert not out.exists()
    assert [p.name for p in out.parent.iterdir()] == ([out.name] if command == "blurb" else [])


def test_a_run_started_with_ctrl_c_ignored_keeps_ignoring_it() -> None:
    """`nohup summarizer ...` (or a background job of a script) starts with SIGINT ignored:
    the handler for the loading time must not make such a run interruptible."""
    proc = _started("briefing", "-", "-q", ignore_ctrl_c=True)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(input="", timeout=60)  # then an empty stdin: its own error
    assert proc.returncode == 2 and _said(err) == ["Error: <stdin>: file is empty"], err


def test_a_briefing_with_no_story_written_says_why_not_verification(
    articles_dir: Path, tmp_path: Path
) -> None:
    """The fixtures are one story of 5 outlets: with --min-sources 6 it is only listed. The
    Markdown said "(no claim passed verification)" and did not list it (JSON and HTML did);
    every article outside --since/--until, and --max-words 1, said the same."""
    md = runner.invoke(app, ["briefing", str(articles_dir), "--min-sources", "6", "-q"])
    assert md.exit_code == 0
    assert "no claim passed verification" not in md.stdout
    assert "(no story written: every story is only listed below)" in md.stdout
    listed = md.stdout.split("## Stories with too few sources", 1)[1]  # its own heading
    assert "- US-Russia Talks on Ukraine Peace and Putin Invite (5 sources)" in listed

    page = runner.invoke(
        app, ["briefing", str(articles_dir), "--min-sources", "6", "-q", "-f", "html"]
    )
    assert page.exit_code == 0
    assert "no claim passed verification" not in page.stdout
    assert "<p>(no story written: every story is only listed below)</p>" in page.stdout
    assert (
        "US-Russia Talks on Ukraine Peace and Putin Invite"
        in page.stdout.split('<section class="smz-listed">')[1]
    )

    tiny = runner.invoke(app, ["briefing", str(articles_dir), "--max-words", "1", "-q"])
    assert tiny.exit_code == 0
    assert "(no claim written: no sentence fits in the word budget; raise --max-words)" in (
        tiny.stdout
    )
    tiny_page = runner.invoke(
        app, ["briefing", str(articles_dir), "--max-words", "1", "-q", "--format", "html"]
    )
    assert "<p>(no claim written: no sentence fits in the word budget; raise --max-words)</p>" in (
        tiny_page.stdout
    )

    dated = tmp_path / "dated.json"
    dated.write_text(
        '{"text": "The council voted 7-2 on Tuesday to build a bridge. Work starts in May.", '
        '"published": "2025-03-18"}',
        encoding="utf-8",
    )
    empty = runner.invoke(app, ["briefing", str(dated), "--since", "2026-01-01", "-q"])
    assert empty.exit_code == 0
    assert "no claim passed verification" not in empty.stdout
    assert (
        "(no story: 1 article left out: published outside the dates asked for "
        "(kept: published from 2026-01-01))" in empty.stdout
    )


def _claims(stdout: str) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = json.loads(stdout)["claims"]
    return claims


def test_a_config_files_max_words_does_not_make_blurbs_long(seed_files: list[Path]) -> None:
    """The README's config example sets ``max_words = 300`` (for briefings): every blurb then
    had 14 sentences instead of 3. ``-n 3 --max-words 20`` wrote 45 words (the budget was
    ignored): now a usage error. A --max-words flag still beats a config's sentences."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.toml"
    config.write_text("max_words = 300\n", encoding="utf-8")
    blurb = runner.invoke(app, ["blurb", str(seed_files[1]), "-f", "json", "-q"])
    assert blurb.exit_code == 0, blurb.output
    assert len(_claims(blurb.stdout)) == 3

    both = runner.invoke(app, ["blurb", str(seed_files[1]), "-n", "3", "--max-words", "20"])
    assert both.exit_code == 2 and both.stdout == ""
    assert "Error: sentences and max_words both given (--sentences, --max-words)" in both.stderr

    config.write_text("sentences = 4\n", encoding="utf-8")
    words = runner.invoke(app, ["blurb", str(seed_files[1]), "--max-words", "30", "-f", "json"])
    assert words.exit_code == 0, words.output
    claims = _claims(words.stdout)
    assert sum(len(str(c["text"]).split()) for c in claims) <= 30 and len(claims) < 4


def test_a_config_files_max_words_does_not_make_blurbs_long_anywhere(
    seed_files: list[Path],
) -> None:
    """The library, serve's /blurb and blurbs-job took the config's ``max_words = 300`` (a
    briefing's budget) as the blurb's length: 14 sentences, not 3. Only a ``max_words`` given
    for the blurb makes a word limit."""
    from summarizer.jobs import job_manifest
    from summarizer.serve import BlurbText, ServeConfig, _blurb
    from summarizer.settings import Settings

    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("max_words = 300\n", encoding="utf-8")
    configured = Settings.from_env()
    assert configured.max_words == 300  # the config file is read

    assert len(pipeline.blurb(seed_files[1]).claims) == 3  # library, config from the file
    assert len(pipeline.blurb(seed_files[1], settings=configured).claims) == 3
    short = pipeline.blurb(seed_files[1], max_words=30)
    assert sum(len(c.text.split()) for c in short.claims) <= 30
    with pytest.raises(pipeline.ConfigError, match="both given"):
        pipeline.blurb(seed_files[1], sentences=2, max_words=30)

    text = seed_files[1].read_text(encoding="utf-8")
    served = _blurb(BlurbText(text=text), ServeConfig(settings=configured))
    assert len(served.claims) == 3
    manifest = job_manifest(configured, "json")
    assert (manifest["sentences"], manifest["max_words"]) == (3, None)


@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_force_never_writes_the_output_over_an_input(
    command: str, seed_files: list[Path], tmp_path: Path
) -> None:
    """``blurb story.txt -o story.txt --force`` replaced the article by its own blurb (and a
    link to it, and verify's draft, the same)."""
    story = tmp_path / "story.txt"
    story.write_text(seed_files[1].read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    before = story.read_bytes()
    for out in (story, link):
        args = {
            "blurb": ["blurb", str(story)],
            "briefing": ["briefing", str(story)],
            "verify": ["verify", str(story), "-s", str(seed_files[1])],
        }[command]
        result = runner.invoke(app, [*args, "-o", str(out), "--force"])
        assert result.exit_code == 2, result.output
        assert (
            result.stderr
            == f"Error: {out}: is one of the inputs; write the output to another file\n"
        )
    assert story.read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_force_never_writes_the_output_over_an_article_of_an_input_folder(
    command: str, articles_dir: Path, tmp_path: Path
) -> None:
    """``briefing feed/ -o feed/000_….txt --force`` replaced that article by the briefing (and
    blurb and verify -s feed/ the same); so did an output reached through a link in the
    folder. A previous output saved in the folder may still be replaced."""
    feed, draft = feed_and_draft(articles_dir, tmp_path)
    story = sorted(feed.glob("*.txt"))[0]
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "a.txt").symlink_to(story)
    before = story.read_bytes()
    for folder in (feed, linked):
        args = {
            "blurb": ["blurb", str(folder)],
            "briefing": ["briefing", str(folder)],
            "verify": ["verify", str(draft), "-s", str(folder)],
        }[command]
        result = runner.invoke(app, [*args, "-o", str(story), "--force", "-q"])
        assert result.exit_code == 2, result.output
        assert result.stderr == (
            f"Error: {story}: is one of the inputs (an article of {folder}); write the output "
            "to another file\n"
        )
    assert story.read_bytes() == before
    previous = feed / "previous.md"
    args = {
        "blurb": ["blurb", str(feed)],
        "briefing": ["briefing", str(feed)],
        "verify": ["verify", str(draft), "-s", str(feed)],
    }[command]
    for force in ([], ["--force"]):
        result = runner.invoke(app, [*args, "-o", str(previous), "-q", *force])
        assert result.exit_code in (0, 1), result.output  # verify: 1 if a claim is unsupported
        assert previous.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty-front-matter.md", "---\n---\n"), ("hash.md", "# \n"), ("dots.txt", "...\n!!!\n")],
)
def test_a_file_without_one_word_is_an_error_not_an_empty_blurb(
    name: str, content: str, tmp_path: Path
) -> None:
    """Such a file was an article: its blurb said "(no claim passed verification)", exit 0."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for command in ("blurb", "briefing"):
        result = runner.invoke(app, [command, str(path), "-q"])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr == f"Error: {path}: no article text found (not one word in it)\n"


def test_the_failure_count_tells_inputs_from_records(tmp_path: Path) -> None:
    """A feed whose one bad line was skipped and whose other lines were summarised said
    "1 of 1 inputs failed"."""
    feed = tmp_path / "feed.jsonl"
    good = "The council voted 7-2 on Tuesday to build a bridge. Work starts in May."
    feed.write_text(json.dumps({"text": good}) + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(app, ["blurb", str(feed), "-q"])
    assert result.exit_code == 1 and "The council voted 7-2" in result.stdout
    assert result.stderr.splitlines()[-1] == "1 file or record in them failed (see above)"

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    both = runner.invoke(app, ["blurb", str(feed), str(empty), "-q"])
    assert both.exit_code == 1
    last = both.stderr.splitlines()[-1]
    assert last == "1 of 2 inputs and 1 file or record in them failed (see above)"


def test_a_verify_report_saved_among_the_articles_is_not_read_as_one(
    articles_dir: Path, tmp_path: Path
) -> None:
    """`verify draft.txt -s feed -o feed/report.json`, then `briefing feed`: exit 2, "report.json
    (record 1): missing or empty 'text' field"; a Markdown report was read as an article."""
    feed, draft = feed_and_draft(articles_dir, tmp_path)
    for report in ("report.json", "report.md"):
        made = runner.invoke(app, ["verify", str(draft), "-s", str(feed), "-o", str(feed / report)])
        assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    files = {
        Path(o["file"]).name for s in json.loads(result.stdout)["stories"] for o in s["outlets"]
    }
    assert files == {p.name for p in articles_dir.glob("*.txt")}


def test_a_bad_file_in_a_folder_loses_only_itself(articles_dir: Path, tmp_path: Path) -> None:
    """`blurb feed/` stopped at the first unreadable file of the folder (an empty one): the
    articles after it were never summarised, though a bad input among several is skipped."""
    feed = tmp_path / "feed"
    feed.mkdir()
    names = sorted(p.name for p in articles_dir.glob("*.txt"))
    for name in names:
        (feed / name).write_bytes((articles_dir / name).read_bytes())
    (feed / "000a-empty.txt").write_text("", encoding="utf-8")
    (feed / "000b-latin1.txt").write_bytes("Caf\xe9 owners said prices rose.\n".encode("latin-1"))
    result = runner.invoke(app, ["blurb", str(feed), "-f", "json", "-q"])
    assert result.exit_code == 1, result.output
    files = [
        json.loads(line)["sources"][0]["outlets"][0]["file"] for line in result.stdout.splitlines()
    ]
    assert [Path(f).name for f in files] == names
    assert result.stderr.splitlines() == [
        f"Error: {feed / '000a-empty.txt'}: file is empty",
        f"Error: {feed / '000b-latin1.txt'}: not valid UTF-8 (byte 3); convert it with iconv first",
        "2 files or records in them failed (see above)",
    ]


def test_output_to_an_open_descriptor_appends_and_replaces_nothing(
    seed_files: list[Path], tmp_path: Path
) -> None:
    """`blurb story.txt -o /dev/stdout >> log.txt`: "already exists; pass --force"; with
    --force, log.txt was replaced by a new file and what it held before was lost."""
    to_stdout = runner.invoke(app, ["blurb", str(seed_files[1]), "-o", "/dev/stdout", "-q"])
    assert to_stdout.exit_code == 0, to_stdout.output
    assert "[1]" in to_stdout.stdout and "Sources:" in to_stdout.stdout

    log = tmp_path / "log.txt"
    log.write_text("earlier entry\n", encoding="utf-8")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)  # as the shell opens `>> log.txt`
    try:
        for force in ([], ["--force"]):
            args = ["blurb", str(seed_files[1]), "-o", f"/dev/fd/{fd}", "-q", *force]
            result = runner.invoke(app, args)
            assert result.exit_code == 0, result.output
    finally:
        os.close(fd)
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier entry\n") and text.count("Sources:") == 2


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["blurb", "x.txt", "-n", "0"], "Error: Invalid value for '--sentences' / '-n': Input "),
        (["briefing", "x", "--since", "last tuesday"], "Error: Invalid value for --since: not a "),
        (["verify", "draft.txt"], "Error: Missing option '--sources' / '-s'."),
        (["config", "edit"], "Error: No such command 'edit'."),
    ],
)
def test_a_usage_error_is_one_error_line_not_a_box(args: list[str], line: str) -> None:
    """Usage errors came in rich's box, the message cut into lines at the terminal's width
    ("... greater than or" / "equal to 1"): no one "Error:" line to read or grep."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    errors = [x for x in result.stderr.splitlines() if x.startswith("Error: ")]
    assert len(errors) == 1 and errors[0].startswith(line), result.stderr
    assert "╭" not in result.stderr and errors[0].rstrip().endswith(("1", "yesterday)", "."))


def test_plain_text_outputs_saved_among_the_articles_are_not_read_as_ones(
    articles_dir: Path, tmp_path: Path
) -> None:
    """`blurb a.txt b.txt -o feed/blurbs.txt` then `briefing feed/`: the blurbs were one more
    outlet of the story ("6 sources"), quoting its sentences; a text verify report too."""
    feed, draft = feed_and_draft(articles_dir, tmp_path)
    stories = sorted(articles_dir.glob("*.txt"))
    made = [
        ["blurb", str(stories[0]), str(stories[1]), "-o", str(feed / "blurbs.txt")],
        ["verify", str(draft), "-s", str(feed), "-o", str(feed / "report.txt")],
    ]
    for args in made:
        assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    files = {
        Path(o["file"]).name for s in json.loads(result.stdout)["stories"] for o in s["outlets"]
    }
    assert files == {p.name for p in stories}


def test_a_tilde_in_a_configured_path_is_the_home_directory(
    seed_files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cache_dir = "~/.cache/news"` in the config (TOML, where no shell expands ~), or
    SUMMARIZER_HOME=~/summarizer from a unit file: a directory named "~" was made in the working
    directory, the LLM cache inside it."""
    home, work = tmp_path / "home-dir", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    monkeypatch.setenv("SUMMARIZER_HOME", "~/summarizer")
    shown = runner.invoke(app, ["config", "path"])
    assert shown.stdout.strip() == str(home / "summarizer" / "config.toml")
    assert (home / "summarizer").is_dir()  # made by `config path`
    (home / "summarizer" / "config.toml").write_text('cache_dir = "~/.cache/news"\n')
    with FakeServer(lifetime=30) as server:
        args = ["blurb", str(seed_files[1]), "--backend", "openai", "--base-url", server.url]
        result = runner.invoke(app, [*args, "--model", "fake-llm", "-q"])
    assert result.exit_code == 0, result.output
    assert list((home / ".cache" / "news").iterdir()) and list(work.iterdir()) == []


def test_json_saved_as_json_lines_is_one_line_and_not_read_back(
    articles_dir: Path, tmp_path: Path
) -> None:
    """`briefing feed -o feed/today.jsonl` wrote indented JSON: the next `briefing feed` stopped
    with exit 2, "today.jsonl (line 1): malformed JSON" (verify's report the same)."""
    feed, draft = feed_and_draft(articles_dir, tmp_path)
    first = runner.invoke(app, ["briefing", str(feed), "-o", str(feed / "today.jsonl"), "-q"])
    assert first.exit_code == 0, first.output
    report = runner.invoke(
        app, ["verify", str(draft), "-s", str(feed), "-o", str(feed / "v.ndjson")]
    )
    assert report.exit_code == 0, report.output
    for name in ("today.jsonl", "v.ndjson"):
        lines = (feed / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and isinstance(json.loads(lines[0]), dict)
    again = runner.invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert again.exit_code == 0, again.output
    kept = json.loads((feed / "today.jsonl").read_text(encoding="utf-8"))
    assert [s["article_ids"] for s in json.loads(again.stdout)["stories"]] == [
        s["article_ids"] for s in kept["stories"]
    ]


def test_an_output_symlink_loop_is_one_error_line(seed_files: list[Path], tmp_path: Path) -> None:
    """`-o loop` (a link to a link to it) was a RuntimeError traceback, exit 1."""
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.symlink_to(two)
    two.symlink_to(one)
    for force in ([], ["--force"]):
        result = runner.invoke(app, ["blurb", str(seed_files[1]), "-o", str(one), *force])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {one}: a symlink that cannot be followed")
        assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("limit", ["1000000", "1e12", "inf"])
def test_a_generous_file_limit_reads_a_small_file(seed_files: list[Path], limit: str) -> None:
    """`--max-file-mb 1000000` (raising the limit generously) was a MemoryError traceback on a
    2 KB file, the whole limit allocated for one read; `inf` an OverflowError."""
    text = seed_files[1].read_text(encoding="utf-8")
    for args, given in (([str(seed_files[1])], None), (["-"], text)):
        result = runner.invoke(app, ["blurb", *args, "--max-file-mb", limit, "-q"], input=given)
        assert result.exit_code == 0, result.output
        assert "Sources:" in result.stdout


def test_the_file_limit_still_holds_across_read_chunks(tmp_path: Path) -> None:
    from summarizer.sources import READ_CHUNK, Limits, read_file

    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (READ_CHUNK // 2))  # 2.5 chunks
    mb = path.stat().st_size / 1024 / 1024
    assert read_file(path, Limits(max_file_mb=mb)) == path.read_bytes()
    with pytest.raises(InputError, match="larger than the limit"):
        read_file(path, Limits(max_file_mb=mb - 1 / 1024 / 1024))


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
        ("memo.txt", b"{\\rtf1\\ansi The council voted.}", "an RTF file"),
    ],
)
def test_a_pdf_or_rtf_is_named_as_such(name: str, data: bytes, kind: str, tmp_path: Path) -> None:
    """A PDF was "not valid UTF-8 (byte 10); convert it with iconv first", which iconv cannot
    do; an RTF file was read as an article, its markup quoted."""
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["blurb", str(path), "-q"])
    assert result.exit_code == 2
    assert (
        result.stderr == f"Error: {path}: {kind}, not an article; export it as plain text first\n"
    )


def test_verify_refuses_a_draft_taken_from_after_sources(
    seed_files: list[Path], tmp_path: Path
) -> None:
    """`verify --sources a.txt b.txt draft.md` (the README shows `--sources a.txt b.html` after
    the draft) checked b.txt, a source, against a.txt and the draft: 3 of 23 "supported"."""
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT)
    a, b = map(str, seed_files[:2])
    for flag in ("--sources", "-s"):
        wrong = runner.invoke(app, ["verify", flag, a, b, str(draft)])
        assert wrong.exit_code == 2 and wrong.stdout == ""
        assert wrong.stderr.startswith(f"Error: {b} was taken as the draft")
    for args in (
        [str(draft), "--sources", a, b],
        ["-s", a, "-s", b, str(draft)],
        ["-s", a, str(draft)],
        [f"--sources={a}", str(draft), b],
    ):
        right = runner.invoke(app, ["verify", *args, "-f", "json", "-q"])
        assert right.exit_code in (0, 1), (args, right.output)  # 1: a claim unsupported
        assert json.loads(right.stdout)["draft"] == str(draft)


@pytest.mark.parametrize(
    "args",
    [
        ["blurb", "ftp://example.com/story.txt"],
        ["briefing", "s3://news/today/"],
        ["verify", "{draft}", "-s", "sftp://example.com/feed/"],
    ],
)
def test_a_url_of_another_scheme_is_named_not_a_missing_file(
    args: list[str], tmp_path: Path
) -> None:
    """`blurb ftp://host/story.txt` said "no such file or directory", and briefing and verify
    named "s3:/news/today" (one slash: read as a local path)."""
    draft = tmp_path / "draft.md"
    draft.write_text("The council voted on Tuesday.\n", encoding="utf-8")
    args = [a.format(draft=draft) for a in args]
    url = next(a for a in args if "://" in a)
    result = runner.invoke(app, [*args, "-q"])
    assert result.exit_code == 2
    scheme = url.split(":", 1)[0]
    assert result.stderr == (
        f"Error: {url}: {scheme}:// URLs are not read; only http://, https:// and file://\n"
    )


def test_an_empty_output_path_says_so(seed_files: list[Path], tmp_path: Path) -> None:
    """`-o "$OUT"` with OUT unset said "file '' is a directory"."""
    result = runner.invoke(app, ["blurb", str(seed_files[1]), "-o", "", "-q"])
    assert result.exit_code == 2
    errors = [x for x in result.stderr.splitlines() if x.startswith("Error: ")]
    assert errors == [
        "Error: Invalid value for '--output' / '-o': an empty path was given "
        "(an unset shell variable?)"
    ]
    folder = runner.invoke(app, ["blurb", str(seed_files[1]), "-o", str(tmp_path), "-q"])
    assert folder.exit_code == 2 and folder.stderr == f"Error: {tmp_path}: is a directory\n"


def test_the_config_files_quiet_and_min_sources_are_used(
    articles_dir: Path, seed_files: list[Path], tmp_path: Path
) -> None:
    """`quiet = true` and `min_sources = 2` in the config file were accepted and ignored: the
    commands still wrote their notes, and --min-sources' default of 1 overrode the file."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.toml"
    config.write_text("quiet = true\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    for args in (
        ["blurb", str(seed_files[1])],
        ["briefing", str(articles_dir)],
        ["verify", str(draft), "-s", str(articles_dir)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stdout and result.stderr == "", args

    config.write_text("min_sources = 6\n", encoding="utf-8")  # the fixtures: 1 story, 5 outlets
    listed = runner.invoke(app, ["briefing", str(articles_dir), "-f", "json", "-q"])
    assert [s["written"] for s in json.loads(listed.stdout)["stories"]] == [False]
    flag = runner.invoke(app, ["briefing", str(articles_dir), "-f", "json", "--min-sources", "1"])
    assert [s["written"] for s in json.loads(flag.stdout)["stories"]] == [True]


def test_config_path_makes_its_folder_so_the_help_example_works() -> None:
    """`$EDITOR "$(summarizer config path)"`, the command's example: on a fresh machine the
    editor could not save, the folder (~/.config/summarizer) did not exist."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    assert not home.exists()
    result = runner.invoke(app, ["config", "path"])
    assert result.exit_code == 0 and result.stdout == f"{home / 'config.toml'}\n"
    assert home.is_dir()
    (home / "config.toml").write_text('model = "gpt-4o-mini"\n', encoding="utf-8")  # the editor


def test_a_file_name_with_a_line_break_stays_in_its_sources_entry(
    seed_files: list[Path], tmp_path: Path
) -> None:
    """A file named "evil\\n# Heading.txt" broke its Markdown Sources entry in two, the second
    line a heading."""
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "evil\n# Heading.txt").write_bytes(seed_files[1].read_bytes())
    for command in ("briefing", "blurb"):
        result = runner.invoke(app, [command, str(feed), "-f", "md", "-q"])
        assert result.exit_code == 0, result.output
        assert not any(
            line.startswith("#") and "Heading" in line for line in result.stdout.splitlines()
        )
        assert f"`{feed}/evil # Heading.txt`" in result.stdout


def _command_args(
    command: str, seed_files: list[Path], tmp_path: Path
) -> tuple[list[str], dict[str, str]]:
    """The arguments of ``command`` on one seed article (a draft of it for verify), and the
    environment of a ``python -m summarizer`` subprocess that imports this checkout."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    args = {
        "blurb": ["blurb", str(seed_files[1])],
        "briefing": ["briefing", str(seed_files[1])],
        "verify": ["verify", str(draft), "-s", str(seed_files[1])],
    }[command]
    return args, {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_a_full_disk_is_one_error_line_not_a_traceback(
    command: str, seed_files: list[Path], tmp_path: Path
) -> None:
    """`summarizer briefing feed/ > out.md` on a full disk (here /dev/full) was an OSError
    traceback, and so was `blurb story.txt -o /dev/full`."""
    import subprocess
    import sys

    args, env = _command_args(command, seed_files, tmp_path)
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "summarizer", *args, "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert proc.returncode == 2
    assert proc.stderr == (
        "Error: stdout: cannot write (No space left on device); choose another -o path\n"
    )
    result = runner.invoke(app, [*args, "-o", "/dev/full", "-q"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: /dev/full: cannot write (No space left on device); choose another -o path\n"
    )


@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_a_closed_stdout_is_one_error_line_not_a_traceback(
    command: str, seed_files: list[Path], tmp_path: Path
) -> None:
    """`summarizer blurb feed/ >&-` (stdout closed) was an AttributeError traceback, exit 1:
    Python's sys.stdout is None then."""
    args, env = _command_args(command, seed_files, tmp_path)
    for out in ([], ["-o", "-"], ["-o", "/dev/stdout"]):
        proc = subprocess.run(
            [sys.executable, "-m", "summarizer", *args, *out, "-q"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            preexec_fn=lambda: os.close(1),
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == "Error: stdout: is closed; redirect it or choose an -o path\n"


@pytest.mark.parametrize("command", ["blurb", "briefing", "verify"])
def test_a_reader_that_goes_away_ends_the_run_quietly_with_exit_0(
    command: str, seed_files: list[Path]
) -> None:
    """`blurb feed.jsonl | head -c 10` exited 1 ("an input was skipped"), `briefing` 0 (its
    one write fit in the pipe before head left). The reader here is gone before anything is
    written: no message, exit 0, for each command."""
    args = {
        "blurb": ["blurb", "-"],
        "briefing": ["briefing", "-"],
        "verify": ["verify", "-", "-s", str(seed_files[1])],
    }[command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args, "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(seed_files[1].read_bytes(), timeout=120)
    assert (proc.returncode, err) == (0, b"")


def test_a_chinese_article_is_split_into_its_sentences(tmp_path: Path) -> None:
    """Chinese has no space after "。": a long article was 2,000-character "sentences" cut
    mid-sentence, and its 3-sentence blurb 6,000 characters."""
    lead = (
        "市议会周二投票决定修建一座新桥。市长说，工程将于五月开工。批评者认为这笔钱应该用于学校。"
    )
    story = tmp_path / "zh.txt"
    story.write_text("新桥计划\n\n" + lead * 50 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["blurb", str(story), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    claims = [c["text"] for c in _claims(result.stdout)]
    assert len(claims) == 3 and all(c.endswith("。") and len(c) < 40 for c in claims)


def test_a_quotation_inside_a_japanese_sentence_is_not_cut() -> None:
    from summarizer.sentences import split_sentences

    text = "市長は「工事は五月に始まる。」と述べた。批判もある！"
    assert split_sentences(text) == ["市長は「工事は五月に始まる。」と述べた。", "批判もある！"]


def test_blurbs_max_articles_is_for_the_run(seed_files: list[Path], tmp_path: Path) -> None:
    """`blurb a b c --max-articles 1` summarised all three (the limit was counted per input),
    and a folder past the limit was "1 of 1 inputs failed", exit 1, not the documented stop
    with exit 2."""
    files = list(map(str, seed_files[:3]))
    result = runner.invoke(app, ["blurb", *files, "--max-articles", "1", "-f", "json", "-q"])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 1  # the first blurb, written as it was ready
    assert result.stderr == (
        "Error: more than 1 articles (raise the limit with --max-articles or max_articles "
        "in the config)\n"
    )
    out = tmp_path / "blurbs.jsonl"
    folder = runner.invoke(
        app, ["blurb", str(seed_files[0].parent), "--max-articles", "2", "-o", str(out)]
    )
    assert folder.exit_code == 2 and not out.exists()


def test_terminal_escapes_in_an_article_never_reach_the_output(tmp_path: Path) -> None:
    """An article's "ESC ]0;pwned BEL" (retitle the terminal) or "ESC [31m" (recolour it), in
    its text, title or outlet, was printed as is: `summarizer blurb story.txt` on a terminal
    ran them."""
    story = tmp_path / "story.txt"
    story.write_text(
        "Evil \x1b[31mred\x1b[0m title\n\nThe council voted \x1b]0;pwned\x07 on Tuesday to "
        "build a new bridge over the river. Work starts in May, the mayor said.\n",
        encoding="utf-8",
    )
    feed = tmp_path / "feed.json"
    feed.write_text(
        json.dumps(
            {"text": "The council voted on Tuesday to build a bridge.", "source": "Ev\x1b[2Jil"}
        )
    )
    for args in (["blurb", str(story)], ["briefing", str(story), str(feed)]):
        for fmt in ("md", "json", "html") if args[0] == "briefing" else ("text", "md", "json"):
            result = runner.invoke(app, [*args, "-f", fmt, "-q"])
            assert result.exit_code == 0, result.output
            assert "\x1b" not in result.stdout and "\\u001b" not in result.stdout
            assert "\x07" not in result.stdout and "\\u0007" not in result.stdout
    text = runner.invoke(app, ["blurb", str(story), "-q"]).stdout
    assert "The council voted on Tuesday" in text and "Evil red title" in text


def test_terminal_escapes_in_a_file_name_never_reach_the_output(
    seed_files: list[Path], tmp_path: Path
) -> None:
    """A file named "evil ESC ]0;pwned BEL ESC [31m red LF x.txt" in a folder was printed as
    is in the outlet line and the Sources list of every format (and in `blurb` text), and in
    the error naming it: `summarizer briefing feed/` on a terminal ran them."""
    from summarizer import load_articles

    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "evil\x1b]0;pwned\x07\x1b[31mred\nx.txt").write_bytes(seed_files[0].read_bytes())
    (feed / "bad\x1b]0;pwned\x07.txt").write_bytes(b"")
    for command, formats in (
        ("briefing", ("md", "json", "html")),
        ("blurb", ("text", "md", "json")),
    ):
        for fmt in formats:
            result = runner.invoke(app, [command, str(feed), "-f", fmt, "-q"])
            assert result.exit_code == 1, result.output  # the empty file is skipped
            for out in (result.stdout, result.stderr):
                assert "\x1b" not in out and "\\u001b" not in out
                assert "\x07" not in out and "\\u0007" not in out
            assert "evilred x.txt" in result.stdout
            assert f"Error: {feed}/bad.txt: file is empty" in result.stderr
    [article] = load_articles(feed / "evil\x1b]0;pwned\x07\x1b[31mred\nx.txt")
    assert article.outlets[0].file == f"{feed}/evilred x.txt"
    # verify still knows that draft, saved among its sources, is not one of them
    draft = feed / "evil\x1b]0;pwned\x07\x1b[31mred\nx.txt"
    (feed / "bad\x1b]0;pwned\x07.txt").unlink()
    result = runner.invoke(app, ["verify", str(draft), "-s", str(feed), "-q"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {feed}/evilred x.txt: the sources hold only the draft itself; pass the articles\n"
    )


def test_errors_naming_a_file_never_carry_its_terminal_escapes(tmp_path: Path) -> None:
    """A bad file's name reached the library's errors as is ("ESC [31m" and all): only the
    CLI's top-level handler cleaned it, so a Python caller printing the error, or any other
    line quoting it, recoloured the terminal."""
    from summarizer import load_articles
    from summarizer.sources import Limits, read_file

    evil = "r\x1b[31med\x1b]0;pwned\x07"
    (tmp_path / f"{evil}.txt").write_bytes(b"")
    (tmp_path / f"{evil}.bin.txt").write_bytes(b"a\x00b")
    (tmp_path / f"{evil}.json").write_text("{", encoding="utf-8")
    (tmp_path / f"{evil}.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / f"{evil}-dir").mkdir()
    for name in (
        f"{evil}.txt",
        f"{evil}.bin.txt",
        f"{evil}.json",
        f"{evil}.jsonl",
        f"{evil}-dir",
        f"{evil}-missing.txt",
    ):
        with pytest.raises(InputError) as caught:
            load_articles(tmp_path / name)
        message = str(caught.value)
        assert "\x1b" not in message and "\x07" not in message, message
        assert "red" in message
    os.mkfifo(tmp_path / f"{evil}.fifo")  # read_file refuses it, naming it
    with pytest.raises(InputError, match="not a regular file") as caught:
        read_file(tmp_path / f"{evil}.fifo", Limits())
    assert "\x1b" not in str(caught.value)


def test_blurbs_per_article_error_line_is_made_printable(
    seed_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """blurb's "Error: <article>: <why>" line for an article the model gave no usable answer
    for was printed as is, while every other error line was cleaned of terminal escapes."""
    from summarizer.errors import UnusableAnswerError

    def unusable(*args: object, **kwargs: object) -> object:
        raise UnusableAnswerError("the model answered \x1b[31mred\x1b]0;pwned\x07")

    monkeypatch.setattr(pipeline, "blurb", unusable)
    result = runner.invoke(app, ["blurb", str(seed_files[0]), "-q"])
    assert result.exit_code == 3, result.output
    assert "the model answered red" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_batch_collects_failed_lines_are_made_printable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`batch collect` printed each failed article's reason (its title, the model's words)
    as is, in its "Error:" and "failed:" lines."""
    from summarizer.llm import batch

    reason = "art-1 (\x1b[31mRed\x1b]0;pwned\x07 title): no usable answer"
    for follow_up in (None, "batch_2"):
        report = batch.CollectReport(
            status="completed", failed=[reason], done=1, follow_up=follow_up
        )
        monkeypatch.setattr(batch, "collect", lambda *a, _r=report, **k: _r)
        result = runner.invoke(app, ["batch", "collect", str(tmp_path), "-o", str(tmp_path / "o")])
        assert "Red title" in result.stderr, result.output
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr


@pytest.mark.parametrize("until", ['"2025-03-18"', "2025-03-18"])
def test_a_config_files_until_date_includes_that_day_as_the_flag_does(
    until: str, tmp_path: Path
) -> None:
    """``--until 2025-03-18`` keeps that day's articles; ``until = "2025-03-18"`` (a string or
    a TOML date) in the config file left them out."""
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"until = {until}\n", encoding="utf-8")
    day = tmp_path / "day.jsonl"
    day.write_text(
        json.dumps(
            {
                "text": "The council voted 7-2 on Tuesday to build a bridge. Work starts in May.",
                "published": "2025-03-18T15:00:00Z",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["briefing", str(day), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["sources"]) == 1
