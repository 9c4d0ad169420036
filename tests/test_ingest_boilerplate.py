"""Ingest: page and feed boilerplate that reached blurbs as claims, and the real sentences
that look like it and stay (each case was a confirmed repro before its fix)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from summarizer import make_article
from summarizer.cli import app

from .sentence_texts import file_texts
from .sentence_texts import texts as _texts

HEADLINE = "Council approves bridge"
VOTE = "The city council voted 7-2 on Tuesday to approve a new bridge over the Elm River."
START = "Construction is expected to begin in the spring."
STORY = f"{VOTE} {START}"


def _file_texts(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    return file_texts(path)


def _blurb(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["blurb", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout


# -- rights notices -----------------------------------------------------------------------------

AP_RIGHTS = (
    "© 2025 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed."
)


def test_an_ap_rights_line_is_no_claim(tmp_path: Path) -> None:
    """Before: the blurb's third sentence was "This material may not be published, broadcast,
    rewritten or redistributed.[1]"."""
    out = _blurb(tmp_path / "a.txt", f"{HEADLINE}\n\n{STORY}\n\n{AP_RIGHTS}\n")
    assert "redistributed" not in out and "Associated Press" not in out
    assert f"{VOTE}[1]" in out


def test_rights_notices_in_their_shapes_are_dropped() -> None:
    for notice in (
        AP_RIGHTS,
        "Copyright 2025 The Springfield Gazette. All rights reserved.",
        "Copyright © 2024-2025 Gazette Media Co., all rights reserved",
        "All rights reserved.",
        "(c) 2025 Reuters",
    ):
        assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{notice}\n") == [VOTE, START], notice
    # run on after the story's last sentence, on its line
    assert _texts(f"{HEADLINE}\n\n{STORY} {AP_RIGHTS}\n") == [VOTE, START]


def test_reporting_about_rights_is_kept() -> None:
    kept = [
        "The publisher said all rights reserved under the old contract would lapse.",
        "All rights reserved to the tribe under the 1855 treaty were restored, the court ruled.",
        "Copyright lawyers for the band said the song was theirs.",
        "The film, © 1984 on its poster, was restored in 2020.",
    ]
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n" + "\n\n".join(kept)) == [VOTE, START, *kept]


# -- calls for tips -----------------------------------------------------------------------------


def test_a_call_for_tips_is_no_claim(tmp_path: Path) -> None:
    """Before: "Email us at tips@example.com." was kept (its question was not)."""
    out = _blurb(
        tmp_path / "a.txt",
        f"{HEADLINE}\n\n{STORY}\n\nHave a news tip? Email us at tips@example.com.\n",
    )
    assert "tips@example.com" not in out and "news tip" not in out
    for call in (
        "Email us at tips@example.com.",
        "Got a story idea? Send it to news@gazette.example.org",
        "Contact reporter Jane Smith at jsmith@gazette.example.com or 555-0100.",
    ):
        assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{call}\n") == [VOTE, START], call


def test_sentences_with_an_address_are_kept() -> None:
    kept = [
        "Residents can email their comments to bridge@springfield.example.gov until May 1.",
        "The ransom note, sent from a Gmail address, asked for 40 bitcoin.",
        "Send-off parties were held across the state, organisers said in an email to staff@x.org.",
    ]
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n" + "\n\n".join(kept)) == [VOTE, START, *kept]
    assert _texts(
        f"{HEADLINE}\n\nEmail records show the mayor wrote to ann@x.example.com daily."
    ) == ["Email records show the mayor wrote to ann@x.example.com daily."]


# -- feed footers -------------------------------------------------------------------------------

WP_FOOTER = f"The post {HEADLINE} appeared first on Springfield Gazette."


def test_a_wordpress_feed_footer_and_continue_reading_are_no_claims(tmp_path: Path) -> None:
    """Before: "Continue reading..." and "The post Council approves bridge appeared first on
    Gazette." were sentences of a feed item's text."""
    for text in (
        f"{STORY}\n\nContinue reading...\n\n{WP_FOOTER}\n",
        f"{STORY} Continue reading...\n\n{WP_FOOTER}\n",
        f"{STORY}\n\nContinue reading {HEADLINE} →\n\nThe post {HEADLINE} appeared first on NBC.",
        f"{STORY} Continue reading…",
    ):
        assert _texts(text) == [VOTE, START], text
    out = _blurb(
        tmp_path / "a.txt", f"{HEADLINE}\n\n{STORY}\n\nContinue reading...\n\n{WP_FOOTER}\n"
    )
    assert "appeared first" not in out and "Continue" not in out


def test_sentences_like_feed_footers_are_kept() -> None:
    kept = [
        "The post office appeared first on the list of buildings to close.",
        "Readers will continue reading the paper online, the editor said.",
        "Continue reading, the teacher told the class.",
    ]
    assert _texts(f"{HEADLINE}\n\n" + "\n\n".join(kept)) == kept
    # the footer's shape is dropped only as the text's last line
    last = "The post office appeared first on Main Street."
    assert _texts(f"{HEADLINE}\n\n{last}\n\n{STORY}") == [last, VOTE, START]
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\nThe post office appeared first on the list.") == [
        VOTE,
        START,
        "The post office appeared first on the list.",
    ]


# -- bylines with a date ------------------------------------------------------------------------


def test_a_byline_with_its_time_is_no_claim(tmp_path: Path) -> None:
    """Before: "By Jane Smith, Staff Writer | March 18, 2025 at 8:12 a.m." was the blurb's
    first claim (a byline alone, or a stamp alone, was dropped)."""
    byline = "By Jane Smith, Staff Writer | March 18, 2025 at 8:12 a.m."
    out = _blurb(tmp_path / "a.txt", f"{HEADLINE}\n\n{byline}\n\n{STORY}\n")
    assert "Jane Smith" not in out and out.startswith(f"{VOTE}[1]")
    for line in (
        byline,
        "By Jane Smith, March 19, 2025 8:12 p.m.",
        "By JANE SMITH and TOM HILL, Associated Press | Updated 4:08 p.m. ET",
        "By Jane Smith • May 2, 2013",
        "March 19, 2025 — By Jane Smith",
    ):
        assert _texts(f"{HEADLINE}\n\n{line}\n\n{STORY}") == [VOTE, START], line


def test_sentences_starting_by_a_date_are_kept() -> None:
    kept = [
        "By March 19, 2025, the council had voted twice.",
        "By Tuesday at 8 p.m., Jane Smith had conceded the race.",
        "By 2030 the bridge will carry 40,000 cars a day.",
    ]
    assert _texts(f"{HEADLINE}\n\n" + "\n\n".join(kept)) == kept


# -- Markdown images ----------------------------------------------------------------------------

ALT = "Photo of the old Elm River bridge, which was closed in 2021"


def test_a_markdown_images_alt_text_is_no_claim(tmp_path: Path) -> None:
    """Before: a .md file's blurb opened with the image's alt text."""
    text = f"# {HEADLINE}\n\n![{ALT}](bridge.jpg)\n\n{STORY}\n"
    out = _blurb(tmp_path / "a.md", text)
    assert "Photo of" not in out and out.startswith(f"{VOTE}[1]")
    for image in (
        f"![{ALT}](bridge.jpg)",
        f'![{ALT}](https://example.com/bridge.jpg "The bridge")',
        f"[![{ALT}](bridge.jpg)](https://example.com/gallery)",
        f"![{ALT}][bridge]",
    ):
        assert _file_texts(tmp_path / "b.md", f"# {HEADLINE}\n\n{image}\n\n{STORY}\n") == [
            VOTE,
            START,
        ], image
    # an image inside a paragraph neither splits it nor leaves its alt text in a sentence
    inline = f"# {HEADLINE}\n\nThe city council voted 7-2 on Tuesday ![{ALT}](b.jpg)\nto build it."
    assert _file_texts(tmp_path / "c.md", inline) == [
        "The city council voted 7-2 on Tuesday to build it."
    ]


def test_markdown_links_keep_their_text(tmp_path: Path) -> None:
    text = (
        f"# {HEADLINE}\n\nThe [city council](https://example.com/council) voted 7-2 on Tuesday.\n"
    )
    assert _file_texts(tmp_path / "a.md", text) == ["The city council voted 7-2 on Tuesday."]


# -- photo credits in brackets ------------------------------------------------------------------

OLD_BRIDGE = "The old bridge, seen here in 2019, was closed in 2021."


def test_a_photo_credit_in_brackets_is_cut_from_its_sentence(tmp_path: Path) -> None:
    """Before: "(Photo: John Doe/Springfield Gazette) The old bridge, ..." was one sentence,
    credit and all."""
    credit = "(Photo: John Doe/Springfield Gazette)"
    text = f"{HEADLINE}\n\n{STORY}\n\n{credit} {OLD_BRIDGE}\n"
    assert _file_texts(tmp_path / "a.txt", text) == [VOTE, START, OLD_BRIDGE]
    assert _file_texts(tmp_path / "a.md", f"# {text}") == [VOTE, START, OLD_BRIDGE]
    for line in (
        f"{OLD_BRIDGE} (AP Photo/Evan Vucci)",
        f"(Credit: Jane Roe/Reuters) {OLD_BRIDGE}",
        f"(Photo by Jane Roe) {OLD_BRIDGE}",
    ):
        assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{line}") == [VOTE, START, OLD_BRIDGE], line
    assert _texts(f"{HEADLINE}\n\n{STORY} (AP Photo/Evan Vucci) {OLD_BRIDGE}") == [
        VOTE,
        START,
        OLD_BRIDGE,
    ]
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n(AP Photo/Evan Vucci)\n\n{OLD_BRIDGE}") == [
        VOTE,
        START,
        OLD_BRIDGE,
    ]


def test_brackets_that_are_not_a_credit_are_kept() -> None:
    kept = [
        "The council published a report (Photo: page 4) on the bridge's cracks.",
        "(Reuters) The council voted 7-2 on Tuesday.",
        "The agency released an image (Image 3/7 of the set) showing the cracks.",
        "(Video games were banned at the library in 2019.)",
    ]
    assert _texts(f"{HEADLINE}\n\n" + "\n\n".join(kept)) == kept


# -- list items are never headlines -------------------------------------------------------------

RACES = [
    "Mayor: Ana Ruiz (D) 54%, Tom Hill (R) 46%",
    "Sheriff: Dave Ortiz (R) 61%, Kim Lo (D) 39%",
    "School board: Amy Chan 40%, Bo Lee 35%, Cy Diaz 25%",
]


def test_a_list_item_after_the_headline_is_kept(tmp_path: Path) -> None:
    """Before: the Mayor line, Title Case with no full stop, was taken for a second headline
    and silently dropped."""
    for marker in ("- ", "* ", "1. "):
        items = "\n".join(f"{marker}{r}" for r in RACES)
        text = f"Election results: county races\n\n{items}\n"
        assert _file_texts(tmp_path / "a.txt", text) == RACES, marker
        assert _file_texts(tmp_path / "a.md", f"# {text}") == RACES, marker
        # a record's title, its text starting with the list
        assert [s.text for s in make_article(items, title="County races").sentences] == RACES
    # a list as the text's first line is no title either
    article = make_article("\n".join(f"- {r}" for r in RACES))
    assert article.title is None and [s.text for s in article.sentences] == RACES


def test_a_second_headline_still_goes_and_an_item_repeating_the_title_too() -> None:
    second = "Report Sees Guns as Path to Safety in Schools"
    assert [s.text for s in make_article(f"{second}\n\n{STORY}", title="Guns").sentences] == [
        VOTE,
        START,
    ]
    item = make_article(f"- {HEADLINE}\n- {VOTE}\n- {START}", title=HEADLINE)
    assert [s.text for s in item.sentences] == [VOTE, START]


# -- tables -------------------------------------------------------------------------------------

FORECAST = (
    "| Day | High | Low | Forecast |\n|---|---|---|---|\n"
    "| Saturday | 70 | 55 | Sunny |\n| Sunday | 65 | 50 | Rain likely |\n"
)


def test_a_table_only_article_has_nothing_to_summarise(tmp_path: Path) -> None:
    """Before: the blurb was "Sunday | 65 | 50 | Rain likely[1]", exit 0. Now it says there is
    nothing to summarise, as for an article that is only its headline."""
    for name, text in (
        ("a.md", f"# Weekend forecast\n\n{FORECAST}"),
        ("a.txt", f"Weekend forecast\n\n{FORECAST}"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["blurb", str(path), "-q"])
        assert result.exit_code == 2, result.output
        assert result.stdout == "" and "|" not in result.stderr
        assert "nothing to summarise" in result.stderr


def test_a_tables_rows_are_no_sentences_and_the_text_around_it_stays(tmp_path: Path) -> None:
    text = (
        f"# Weekend forecast\n\nRain is expected on Sunday.\n\n{FORECAST}\nSkies clear on Monday.\n"
    )
    assert _file_texts(tmp_path / "a.md", text) == [
        "Rain is expected on Sunday.",
        "Skies clear on Monday.",
    ]
    assert _file_texts(tmp_path / "a.txt", text[2:]) == [
        "Rain is expected on Sunday.",
        "Skies clear on Monday.",
    ]
    # rows without a closing bar are rows too; a sentence with bars inside it stays
    ragged = "Weekend forecast\n\n| Day | High\n|---|---\n| Sunday | 65\n\n"
    ragged += "The mayor | who spoke last | agreed.\n"
    assert _file_texts(tmp_path / "b.txt", ragged) == ["The mayor | who spoke last | agreed."]
