"""Five surface faults a blind tester found, each exercised as a newsroom user meets it: the
stories --min-sources left out were listed as "did not fit", a syndicated copy counted as a
second source, images in a feed folder were skipped without a word, an undated .txt showed its
file name as the outlet, and "--sentences 50" gave fewer without saying so."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import blurb
from summarizer.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
ONE = ARTICLES / "001_f0f5015643b5d02c.txt"

BRIDGE = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said. "
    "Critics said the money should go to schools instead. The bridge will have four lanes "
    "and a cycle path. The old ferry service will stop running when the bridge opens in 2027, "
    "officials said."
)
# the wire story as a second outlet re-ran it: two words changed, a near copy dedup folds in
BRIDGE_COPY = BRIDGE.replace("Critics said", "Some critics said").replace(
    " officials said", " city officials said"
)
FIRE = (
    "Firefighters in Milltown put out a blaze at a paper mill on Wednesday night. No one was "
    "hurt, the fire chief said. The mill's owner said production would resume next week. "
    "Investigators are looking into the cause of the fire, which started in a storage shed."
)
FIRE_2 = (
    "A fire at the Milltown paper mill was brought under control late on Wednesday, officials "
    "said. The blaze began in a storage shed and spread to the roof of the main building. "
    "Nobody was injured. Police have closed the road beside the mill for the night."
)
ZOO = (
    "The Milltown zoo welcomed a baby giraffe on Thursday, its keepers said. The calf, a "
    "female, stood within an hour of her birth. Visitors will be able to see her from next "
    "month, the zoo's director said."
)


def _record(title: str, source: str, text: str, hour: int) -> str:
    return json.dumps(
        {"title": title, "source": source, "text": text, "published": f"2025-03-18T{hour:02}:00Z"}
    )


def _day(tmp_path: Path) -> Path:
    """A day of four records: a wire story and another outlet's copy of it, and a fire two
    outlets reported each in their own words."""
    day = tmp_path / "day.jsonl"
    rows = [
        _record("Council approves Elm River bridge", "AP", BRIDGE, 9),
        _record("Council approves Elm River bridge", "Gazette", BRIDGE_COPY, 11),
        _record("Paper mill fire in Milltown", "Courier", FIRE, 8),
        _record("Mill blaze under control", "Herald", FIRE_2, 10),
    ]
    day.write_text("\n".join(rows) + "\n")
    return day


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- 5. fewer sentences than --sentences asked for are said -----------------------------------


def test_cli_blurb_says_when_fewer_sentences_than_asked(tmp_path: Path) -> None:
    """Before: "--sentences 50" printed every sentence it could and said nothing."""
    code, out, err = _run("blurb", str(ONE), "--sentences", "50")
    assert code == 0, err
    shown = out.split("\n\nSources:")[0].count("[1]")
    assert 0 < shown < 50
    notes = [line for line in err.splitlines() if line.startswith("Note:")]
    assert notes == [
        f"Note: {ONE}: {shown} of the 50 sentences asked for: no more could be written from "
        "this article and verified"
    ]
    # as many as asked: no note; --quiet: none either
    assert "Note:" not in _run("blurb", str(ONE), "--sentences", "2")[2]
    assert "Note:" not in _run("blurb", str(ONE), "--sentences", "50", "-q")[2]


def test_library_blurb_carries_the_fewer_sentences_note() -> None:
    result = blurb(ONE, sentences=50)
    shown = sum(1 for c in result.claims if c.shown)
    assert f"{shown} of the 50 sentences asked for" in " ".join(result.problems)
    assert not any("asked for" in p for p in blurb(ONE, sentences=2).problems)


# -- 3. a folder's files that are not articles are said, once per run ---------------------------


def test_cli_says_once_which_files_of_a_folder_are_not_articles(tmp_path: Path) -> None:
    """Before: a photo and a PDF beside the articles were skipped without a word."""
    feed = tmp_path / "feed"
    (feed / "pics").mkdir(parents=True)
    (feed / "bridge.txt").write_text(f"Council approves bridge\n\n{BRIDGE}\n")
    (feed / "pics" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    (feed / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    (feed / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: not the editor's, not said
    other = tmp_path / "other"
    other.mkdir()
    (other / "fire.txt").write_text(f"Paper mill fire\n\n{FIRE}\n")
    (other / "report.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    note = (
        "skipped 3 files that are not articles (not text, Markdown, HTML, JSON or a feed): "
        "chart.png, pics/photo.jpg, report.pdf"
    )
    for command in ("briefing", "blurb"):
        code, out, err = _run(command, str(feed), str(other))
        assert code == 0, err  # the run still succeeds
        said = [line for line in err.splitlines() if "not articles" in line]
        assert len(said) == 1 and said[0].endswith(note), err
        assert "Council approves" in out or "city council" in out
    assert "not articles" not in _run("briefing", str(feed), "-q")[2]


def test_cli_named_image_is_still_a_one_line_error(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    code, out, err = _run("blurb", str(photo), "-q")
    assert code == 2 and out == ""
    assert err.strip() == f"Error: {photo}: looks like a binary file, not an article"


# -- 4. a plain .txt names no outlet: its file is labelled as a file ------------------------------


def test_undated_txt_file_name_is_no_outlet(tmp_path: Path) -> None:
    """Before: "*2 sources: bridge.txt, fire.txt*" and "Title — feed/bridge.txt", as if the file
    names were outlets."""
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "bridge.txt").write_text(f"Council approves bridge\n\n{BRIDGE}\n")
    (feed / "zoo.txt").write_text(f"Baby giraffe at the zoo\n\n{ZOO}\n")
    code, md, err = _run("briefing", str(feed), "-q")
    assert code == 0, err
    bylines = [line for line in md.splitlines() if line.startswith("*1 source")]
    assert sorted(bylines) == ["*1 source: file bridge.txt*", "*1 source: file zoo.txt*"], md
    assert f"Council approves bridge — file `{feed / 'bridge.txt'}`" in md
    code, js, err = _run("briefing", str(feed), "-q", "-f", "json")
    outlets = [o for s in json.loads(js)["stories"] for o in s["outlets"]]
    assert {o["name"] for o in outlets} == {None}
    assert {Path(o["file"]).name for o in outlets} == {"bridge.txt", "zoo.txt"}
    code, text, err = _run("blurb", str(feed / "bridge.txt"), "-q")
    assert text.rstrip().endswith(f"[1] Council approves bridge — file {feed / 'bridge.txt'}")
    code, html, err = _run("briefing", str(feed), "-q", "-f", "html")
    assert ">file bridge.txt<" in html


# -- 1. stories --min-sources left out are listed apart from those that did not fit -------------


def test_min_sources_listing_is_apart_from_stories_that_did_not_fit(tmp_path: Path) -> None:
    """Before: the story --min-sources left out and those no word was left for were all under
    "Stories that did not fit", and the JSON said only "written": false."""
    day = _day(tmp_path)
    zoo = _record("Baby giraffe born at Milltown zoo", "Courier", ZOO, 12)
    day.write_text(day.read_text() + zoo + "\n")
    args = ("briefing", str(day), "--min-sources", "2", "--max-words", "1")
    code, md, err = _run(*args)
    assert code == 0, err
    not_fit = md.split("## Stories that did not fit\n\n")[1].split("\n\n")[0]
    few = md.split("## Stories with too few sources\n\n")[1].split("\n\n")[0]
    assert "Paper mill fire in Milltown" in not_fit
    assert "giraffe" in few and "giraffe" not in not_fit
    assert "of them with too few sources" in err  # the run's summary line
    code, js, err = _run(*args, "-f", "json")
    why = {s["title"]: s["listed_because"] for s in json.loads(js)["stories"]}
    assert why["Baby giraffe born at Milltown zoo"] == "min_sources"
    assert why["Paper mill fire in Milltown"] == "word_budget"
    code, html, err = _run(*args, "-f", "html")
    assert "Too few sources (listed, not written)" in html
    assert "Also reported (listed, not written)" in html
    # fed back as a draft, the briefing's listings are not claims to check
    from summarizer.draft import draft_claims

    claims = " ".join(draft_claims(md))
    assert "giraffe" not in claims and "too few sources" not in claims.lower()


def test_json_says_why_a_story_had_no_room(tmp_path: Path) -> None:
    code, js, err = _run("briefing", str(_day(tmp_path)), "--max-words", "1", "-f", "json", "-q")
    assert code == 0, err
    assert {s["listed_because"] for s in json.loads(js)["stories"]} == {"word_budget"}


# -- 2. a syndicated copy is no second source ---------------------------------------------------


def test_syndicated_copy_counts_once_and_its_outlet_is_said(tmp_path: Path) -> None:
    """Before: "*2 sources: AP, Gazette*" for AP's wire story and the Gazette's re-run of it,
    which also met --min-sources 2."""
    day = _day(tmp_path)
    code, md, err = _run("briefing", str(day), "-q")
    assert code == 0, err
    assert "*1 source, 2 articles: AP · copy run by Gazette · 2025-03-18*" in md
    assert "*2 sources: Courier, Herald · 2025-03-18*" in md  # two reports of their own
    code, js, err = _run("briefing", str(day), "-q", "-f", "json")
    bridge = next(s for s in json.loads(js)["stories"] if "bridge" in s["title"])
    assert bridge["source_count"] == 1
    assert [o["name"] for o in bridge["copy_outlets"]] == ["Gazette"]
    assert {o["name"] for o in bridge["outlets"]} == {"AP", "Gazette"}  # every input kept
    code, md, err = _run("briefing", str(day), "-q", "--min-sources", "2")
    few = md.split("## Stories with too few sources\n\n")[1]
    assert "Council approves Elm River bridge (1 source, 2 articles, copy run by Gazette" in few
    code, html, err = _run("briefing", str(day), "-q", "-f", "html")
    assert "copy run by Gazette" in html


def test_byte_identical_rerun_by_another_outlet_counts_once(tmp_path: Path) -> None:
    day = tmp_path / "day.jsonl"
    rows = [
        _record("Council approves Elm River bridge", "AP", BRIDGE, 9),
        _record("Council approves Elm River bridge", "Gazette", BRIDGE, 11),
        _record("Elm River bridge gets go-ahead", "Courier", BRIDGE_COPY, 12),
    ]
    day.write_text("\n".join(rows) + "\n")
    code, md, err = _run("briefing", str(day), "-q")
    assert code == 0, err
    assert "*1 source, 2 articles: AP · copies run by Gazette, Courier · 2025-03-18*" in md
