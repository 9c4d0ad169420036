"""Ingest: formats, boilerplate removal, titles, stable ids, and clear errors on bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer import InputError, load_articles, make_article
from summarizer.sources import jsonl_records

from .sentence_texts import file_texts as _texts

BOILERPLATE = [
    "No time to read?",
    "Get a summary",
    "Previous Article",
    "Next Article",
    "Related Posts",
    "Leave a Reply",
    "Source link",
    "Check out this related article",
    # headlines of other articles that follow "Previous/Next Article" in the seeds
    "Unverified Online Claims About Biden Family",
    "Lokomotiv Clinches Continent Cup",
    "Elderly residents targeted by military prosecutor scam",
    "Chelyabinsk Cyber Police",
    "Greenland, Denmark respond",
    "Ingrown Toenail",
    "Antarctica sees first ice gain",
    "Your email address will not be published",
]


def test_seeds_load_without_boilerplate(articles_dir: Path) -> None:
    articles = load_articles(articles_dir)
    assert len(articles) == 5
    for article in articles:
        assert len(article.sentences) > 10
        for junk in BOILERPLATE:
            assert junk.lower() not in article.text.lower(), (article.id, junk)


def test_titles_detected(articles_dir: Path) -> None:
    titles = [a.title for a in load_articles(articles_dir)]
    assert titles[0] == "US-Russia Talks on Ukraine Peace and Putin Invite"
    assert titles[1] is None  # that article starts straight with its first paragraph
    assert titles[4] == "Putin Invites Trump to Moscow After Alaska Summit"


def test_ids_are_stable_and_sentence_ids_prefixed(articles_dir: Path) -> None:
    first = load_articles(articles_dir)
    second = load_articles(articles_dir)
    assert [a.id for a in first] == [a.id for a in second]
    for article in first:
        assert len({s.id for s in article.sentences}) == len(article.sentences)
        assert all(s.id.startswith(article.id + ".s") for s in article.sentences)
        assert all(s.article_id == article.id for s in article.sentences)


def test_same_text_same_id_regardless_of_whitespace() -> None:
    a = make_article("Title line\n\nOne sentence here. Another one follows.")
    b = make_article("Title line\n\nOne   sentence here.\nAnother one follows.")
    assert a.id == b.id


def test_stray_quote_joins_previous_sentence() -> None:
    art = make_article("He said it would end soon.”\n\nA second paragraph follows here.")
    assert not any(s.text == "”" for s in art.sentences)


def test_json_list_and_jsonl(tmp_path: Path) -> None:
    records = [
        {"title": "A", "text": "Alpha beta gamma delta. Epsilon zeta.", "source": "Wire"},
        {"text": "Second article text here. More text.", "url": "https://example.org/x"},
    ]
    (tmp_path / "a.json").write_text(json.dumps(records))
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    from_json = load_articles(tmp_path / "a.json")
    from_jsonl = load_articles(tmp_path / "b.jsonl")
    assert [a.id for a in from_json] == [a.id for a in from_jsonl]
    assert from_json[0].title == "A"
    assert from_json[0].outlets[0].name == "Wire"
    assert from_json[1].outlets[0].url == "https://example.org/x"


def test_html_main_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Talks resume in Geneva</title></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Talks resume in Geneva</h1>"
        + "".join(
            f"<p>Negotiators met for the {n} time on Tuesday to discuss the ceasefire terms "
            f"and the exchange of prisoners between the two sides.</p>"
            for n in ("first", "second", "third", "fourth")
        )
        + "</article><footer>Copyright 2025 Example News</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    [article] = load_articles(path)
    assert "Negotiators met" in article.text
    assert "Copyright" not in article.text
    assert article.title == "Talks resume in Geneva"


def test_markdown_is_reduced_to_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Big News\n\nThe **council** voted [yes](http://x.org) on Monday. It met.\n")
    [article] = load_articles(path)
    assert article.title == "Big News"
    assert article.sentences[0].text == "The council voted yes on Monday."


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = b"Headline\n\nFirst sentence of the body. Second sentence of the body."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = load_articles("-")
    assert article.title == "Headline"
    assert article.outlets[0].file == "<stdin>"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "UTF-8"),
        ("bad.json", b'{"text": "x",', "malformed JSON"),
        ("notext.json", b'{"title": "x"}', "'text'"),
        ("bad.jsonl", b'{"text": "fine text here."}\nnot json\n', "line 2"),
        ("junk.txt", b"No time to read?\nGet a summary\n", "no article text"),
    ],
)
def test_bad_input_names_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_articles(path)
    assert name in str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_path_and_empty_dir(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_articles(tmp_path / "nope.txt")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="no articles"):
        load_articles(tmp_path / "d")


def test_jsonl_is_streamed_and_record_errors_name_the_record(
    tmp_path: Path, articles_dir: Path
) -> None:
    from summarizer.ingest import iter_articles

    records = [
        {"text": p.read_text(), "source": f"S{i}"}
        for i, p in enumerate(sorted(articles_dir.glob("*.txt")))
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n")
    stream = iter_articles(feed)
    first = next(stream)  # read before the bad line is reached
    assert first.outlets[0].name == "S0"
    with pytest.raises(InputError, match=r"feed.jsonl \(line 6\): malformed JSON"):
        list(stream)
    feed.write_text(json.dumps(records[0]) + "\n" + json.dumps({"title": "no text"}) + "\n")
    with pytest.raises(InputError, match=r"feed.jsonl \(line 2\): missing or empty 'text'"):
        load_articles(feed)


def test_sentence_ids_hash_the_text_and_survive_a_changed_neighbour() -> None:
    a = make_article("Title line\n\nThe vote was close. The mayor resigned. The vote was close.")
    b = make_article("Title line\n\nA new first sentence. The mayor resigned. More follows here.")
    ids = [s.id for s in a.sentences]
    assert len(set(ids)) == 3 and ids[2] == f"{ids[0]}-2"  # a repeat is told apart
    assert ids[1].split(".s", 1)[1] == b.sentences[1].id.split(".s", 1)[1]
    assert [s.index for s in a.sentences] == [0, 1, 2]
    assert all(s.article_id == a.id for s in a.sentences)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-03-18", "2025-03-18T00:00:00+00:00"),
        ("2025-03-18T09:30:00+01:00", "2025-03-18T08:30:00+00:00"),
        ("2025-03-18T09:30:00Z", "2025-03-18T09:30:00+00:00"),
        ("Tue, 18 Mar 2025 09:30:00 GMT", "2025-03-18T09:30:00+00:00"),
        ("March 18, 2025", "2025-03-18T00:00:00+00:00"),
        ("18 March 2025 14:05", "2025-03-18T14:05:00+00:00"),
        ("1742290200", "2025-03-18T09:30:00+00:00"),
        # milliseconds (JavaScript's Date.now() in CMS exports), printed newspaper forms
        ("1742290200000", "2025-03-18T09:30:00+00:00"),
        ("Tuesday, March 18, 2025", "2025-03-18T00:00:00+00:00"),
        ("Mar. 18, 2025", "2025-03-18T00:00:00+00:00"),
        ("Sept. 3, 2024", "2024-09-03T00:00:00+00:00"),
    ],
)
def test_published_is_parsed_from_json_into_utc(tmp_path: Path, raw: str, iso: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The council met. It voted.", "published": raw}))
    [article] = load_articles(path)
    assert article.published is not None and article.published.isoformat() == iso
    # JSON round-trips through the ISO string
    again = type(article).model_validate_json(article.model_dump_json())
    assert again.published == article.published


def test_published_in_unix_milliseconds_as_a_json_number(tmp_path: Path) -> None:
    """1742290200000 (Date.now()) was read as seconds, a year out of range, and ignored."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The council met. It voted.", "published": 1742290200000}))
    [article] = load_articles(path)
    assert article.published == datetime(2025, 3, 18, 9, 30, tzinfo=UTC)


def test_unreadable_date_is_ignored_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The council met. It voted.", "published": "soon"}))
    [article] = load_articles(path)
    assert article.published is None


def test_published_from_html_metadata(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    paras = "".join(
        f"<p>The council met on Monday to vote on budget item {n}.</p>" for n in range(5)
    )
    page.write_text(
        '<html><head><title>Council votes</title><meta property="article:published_time" '
        'content="2025-03-18T09:30:00+00:00"></head>'
        f"<body><article><h1>Council votes</h1>{paras}</article></body></html>"
    )
    [article] = load_articles(page)
    assert article.published is not None and article.published.date().isoformat() == "2025-03-18"


def test_since_until_filter_keeps_undated(tmp_path: Path) -> None:

    from summarizer.ingest import filter_by_date

    feed = tmp_path / "feed.jsonl"
    days = ["2025-03-17T23:00:00Z", "2025-03-18T08:00:00Z", "2025-03-19T00:00:00Z", None]
    feed.write_text(
        "\n".join(
            json.dumps({"text": f"Item {n} was filed. It matters.", "published": d})
            for n, d in enumerate(days)
        )
    )
    articles = load_articles(feed)
    kept, notes = filter_by_date(
        articles,
        since=datetime(2025, 3, 18, tzinfo=UTC),
        until=datetime(2025, 3, 19, tzinfo=UTC),
    )
    assert [a.sentences[0].text for a in kept] == ["Item 1 was filed.", "Item 3 was filed."]
    assert any("2 articles left out: published outside" in n for n in notes)
    assert any("1 article with no publication date kept" in n for n in notes)


def test_a_record_without_text_names_the_fields_it_has(tmp_path) -> None:
    """{"articles": [...]} is a common wrapper: the error shows what the record holds."""
    wrapped = tmp_path / "day.json"
    wrapped.write_text('{"articles": [{"text": "Putin met Trump in Alaska. They talked."}]}')
    with pytest.raises(InputError, match=r"missing or empty 'text' field \(its fields: articles\)"):
        load_articles(wrapped)


def test_page_and_feed_in_their_declared_encoding(tmp_path: Path) -> None:
    """A page saved from a Windows-1252 site (``<meta charset="windows-1252">``) or an
    ISO-8859-1 feed was refused: "not valid UTF-8; convert it with iconv first"."""
    body = (
        "<p>The café owners of Paris protested on Monday against the new rules on terraces. "
        "They said costs rose by “forty percent” this year.</p>"
        "<p>The city said it would review the rules next month after talks with them.</p>"
    )
    page = tmp_path / "page.html"
    page.write_bytes(
        (
            '<html><head><meta charset="windows-1252"><title>Café owners protest</title></head>'
            f"<body><article><h1>Café owners protest</h1>{body}</article></body></html>"
        ).encode("cp1252")
    )
    [article] = load_articles(page)
    assert article.title == "Café owners protest"
    assert "“forty percent”" in article.sentences[1].text
    text = " ".join(["The café owners of Paris protested on Monday against the rules."] * 12)
    feed = tmp_path / "feed.rss"
    feed.write_bytes(
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
            f"<title>Le Café</title><item><title>Café owners protest</title>"
            f"<description>{text}</description></item></channel></rss>"
        ).encode("latin-1")
    )
    [item] = load_articles(feed)
    assert item.outlets[0].name == "Le Café" and item.sentences[0].text.startswith("The café")
    # a declaration that does not decode the bytes, or none at all: still refused
    page.write_bytes(b'<html><head><meta charset="utf-8"></head><body>caf\xe9</body></html>')
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_articles(page)


def test_markdown_front_matter_gives_title_and_date(tmp_path: Path, seed_files: list[Path]) -> None:
    """A Jekyll/Hugo Markdown article's front matter was read as its text: the title was
    "---" and the first sentence of its blurb "title: ... date: ... author: ..."."""
    body = seed_files[0].read_text()
    post = tmp_path / "post.md"
    post.write_text(
        '---\ntitle: "Talks on Ukraine"\ndate: 2025-03-16T10:00:00+01:00\nauthor: Jane Doe\n'
        f"tags: [ukraine, russia]\nsummary: >\n  folded text\n---\n\n{body}"
    )
    [article] = load_articles(post)
    assert article.title == "Talks on Ukraine"
    assert article.published == datetime(2025, 3, 16, 9, tzinfo=UTC)
    assert not any("author:" in s.text or "---" in s.text for s in article.sentences)
    toml = tmp_path / "hugo.md"
    toml.write_text(f'+++\ntitle = "Hugo post"\n+++\n{body}')
    assert load_articles(toml)[0].title == "Hugo post"
    # a rule above ordinary text is not front matter: nothing of it is dropped
    ruled = tmp_path / "ruled.md"
    ruled.write_text(f"---\nThe council met on Monday.\n---\n\n{body}")
    assert load_articles(ruled)[0].sentences[0].text.startswith("The council met on Monday.")


def test_json_lines_saved_as_json_are_read(tmp_path: Path, seed_files: list[Path]) -> None:
    """A JSON Lines export named ``.json`` stopped with "malformed JSON at line 2: Extra
    data"; a real JSON document whose lines start with "{" is still read as one."""
    lines = [
        json.dumps({"text": p.read_text(), "source": f"S{i}"}) for i, p in enumerate(seed_files)
    ]
    export = tmp_path / "export.json"
    export.write_text("\n".join(lines) + "\n")
    assert [a.outlets[0].name for a in load_articles(export)] == ["S0", "S1", "S2", "S3", "S4"]
    nested = tmp_path / "nested.json"
    nested.write_text('{"source": "N", "text":\n{"not": "text"}}\n')
    not_text = r"nested.json \(record 1\): the 'text' field is not a string"
    with pytest.raises(InputError, match=not_text):
        load_articles(nested)


def test_json_record_with_an_html_body_is_read_as_text(tmp_path: Path) -> None:
    """A CMS export whose 'text' is the rendered HTML body (WordPress' content.rendered)
    had its tags, and its script, quoted in the blurb: "<p>The council voted on <b>Monday</b>"."""
    record = {
        "title": "Bridge",
        "text": '<div class="body"><p>The council voted on <b>Monday</b> to build a bridge.</p>'
        '<p>It will cost <a href="/x">40 million dollars</a>, officials said.</p>'
        "<script>track()</script></div>",
    }
    path = tmp_path / "cms.json"
    path.write_text(json.dumps(record))
    [article] = load_articles(path)
    assert [s.text for s in article.sentences] == [
        "The council voted on Monday to build a bridge.",
        "It will cost 40 million dollars, officials said.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 1]
    # plain text that mentions a tag is left as written
    record["text"] = "The page used a <p> tag. Editors said the </p> was missing."
    path.write_text(json.dumps(record))
    assert "<p>" in load_articles(path)[0].sentences[0].text


def test_a_linked_folder_is_read_and_a_link_loop_is_not_followed(
    tmp_path: Path, seed_files: list[Path]
) -> None:
    """A day's folder linked into the feed folder was silently left out (rglob does not follow
    links to directories); a link back up the tree must not be read round and round."""
    elsewhere = tmp_path / "archive" / "2025-03-18"
    elsewhere.mkdir(parents=True)
    (elsewhere / "a.txt").write_text(seed_files[0].read_text(encoding="utf-8"), encoding="utf-8")
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "b.txt").write_text(seed_files[1].read_text(encoding="utf-8"), encoding="utf-8")
    (feed / "today").symlink_to(elsewhere, target_is_directory=True)
    (feed / "loop").symlink_to(feed, target_is_directory=True)
    found = sorted(Path(o.file).name for a in load_articles(feed) for o in a.outlets if o.file)
    assert found == ["a.txt", "b.txt"]


ONE_PARAGRAPH = (
    "<p>The city council voted 7-2 on Tuesday to build a new bridge. "
    "It will cost 40 million dollars.</p>"
)
WHOLE_PAGE = f"<html><head><title>Bridge</title></head><body>{ONE_PARAGRAPH}</body></html>"
BRIDGE_SENTENCES = [
    "The city council voted 7-2 on Tuesday to build a new bridge.",
    "It will cost 40 million dollars.",
]


def _read_every_way(text: str, tmp_path: Path) -> dict[str, list[str]]:
    """The sentences of ``text`` read as a .txt file, a .json record and a str to blurb()."""
    import summarizer

    as_file = tmp_path / "a.txt"
    as_file.write_text(text)
    as_record = tmp_path / "a.json"
    as_record.write_text(json.dumps({"text": text, "source": "Daily Post"}))
    as_str = summarizer.blurb(text, sentences=5)
    return {
        "file": [s.text for s in load_articles(as_file)[0].sentences],
        "record": [s.text for s in load_articles(as_record)[0].sentences],
        "make_article": [s.text for s in make_article(text).sentences],
        "blurb": [c.text for c in as_str.claims if c.shown],
    }


@pytest.mark.parametrize("text", [ONE_PARAGRAPH, WHOLE_PAGE, f"<div>{ONE_PARAGRAPH[3:-4]}</div>"])
def test_html_with_one_block_tag_is_html_on_every_path(text: str, tmp_path: Path) -> None:
    """A body with fewer than two block tags kept its tags when given as text (a record's
    text, blurb(str)): "<p>The city council voted ..." was the claim, while the same page as
    a .txt file was read as HTML. One rule (sources.html_kind) now decides for every path."""
    read = _read_every_way(text, tmp_path)
    claims = read.pop("blurb")
    for path, sentences in read.items():
        assert sentences == BRIDGE_SENTENCES, path
    assert claims and set(claims) <= set(BRIDGE_SENTENCES)


@pytest.mark.parametrize(
    "text",
    [
        "The <b> tag makes text bold. Teachers said a < b is a comparison.",
        "<b> is the bold tag, the teacher said. It has been used since 1993.",
        "Is a < b? The answer, the teacher said, is yes. The class agreed > 90 percent.",
    ],
)
def test_prose_mentioning_a_tag_is_not_html(text: str, tmp_path: Path) -> None:
    """Prose that mentions a tag or compares with "<" stays as written on every path."""
    read = _read_every_way(text, tmp_path)
    claims = read.pop("blurb")
    for path, sentences in read.items():
        assert " ".join(sentences) == text, path
    assert claims and all(claim in text for claim in claims)


def test_a_page_with_only_a_script_is_refused_as_html_not_as_a_path() -> None:
    """blurb("<html><body><script>...</script></body></html>") was refused as "looks like a
    path or URL" (one word with a "/"): it is HTML holding no article text."""
    import summarizer

    with pytest.raises(InputError, match="HTML with no article text"):
        summarizer.blurb("<html><body><script>x()</script></body></html>")


PAGE_WITH_TITLE = """<!doctype html>
<html><head><title>Council approves the Elm River bridge</title></head>
<body><article>
<p>The city council voted 7-2 on Tuesday to build a new bridge over the Elm River.</p>
<p>Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said.</p>
<p>Opponents said the money should go to schools instead of roads and bridges.</p>
</article></body></html>
"""


def test_a_page_given_as_text_keeps_its_title_as_a_file_does(tmp_path: Path) -> None:
    """The same page was titled by its <title> as an .html file, but given as text (to
    ``blurb()``, ``make_article``, a JSON record's "text") it lost it; a title given with it
    still wins."""
    from summarizer import blurb
    from summarizer.jobs import record_article

    page = tmp_path / "page.html"
    page.write_text(PAGE_WITH_TITLE, encoding="utf-8")
    [from_file] = load_articles(page)
    assert from_file.title == "Council approves the Elm River bridge"
    records = tmp_path / "records.jsonl"
    lines = [{"text": PAGE_WITH_TITLE}, {"text": PAGE_WITH_TITLE, "title": "Given"}]
    records.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    from_record, given = load_articles(records)
    assert from_record.title == from_file.title and given.title == "Given"
    assert make_article(PAGE_WITH_TITLE).title == from_file.title
    assert make_article(PAGE_WITH_TITLE, title="Given").title == "Given"
    assert record_article({"text": PAGE_WITH_TITLE}).title == from_file.title
    assert record_article({"text": PAGE_WITH_TITLE, "title": "Given"}).title == "Given"
    assert blurb(PAGE_WITH_TITLE, backend="extractive").title == from_file.title
    assert from_record.text == from_file.text


# -- lines without end punctuation, list items, tables, bylines, credits, prompts, sign-offs --

BOILER_STORY = """Bridge approved after long debate
By Jane Doe | Staff Writer
March 18, 2025 at 4:08 p.m. EDT
The city council voted 7-2 on Tuesday to build a new bridge over the Elm River.
Sign up for our newsletter to get the latest city council news delivered to your inbox.
Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said.
Critics said the money should go to schools instead.
Photo: John Smith/Daily Post
Subscribe now for unlimited access to council news.
Associated Press writer Mary Lee contributed to this report.
Thanks for reading!
"""


def test_bylines_credits_prompts_and_sign_offs_are_dropped_not_glued(tmp_path: Path) -> None:
    """Before: "By Jane Doe | Staff Writer The city council voted ..." and "Photo: John
    Smith/Daily Post Subscribe now ..." were sentences, and the newsletter prompt and the
    contributor line were claims."""
    path = tmp_path / "boiler.txt"
    path.write_text(BOILER_STORY, encoding="utf-8")
    (article,) = load_articles(path)
    assert article.title == "Bridge approved after long debate"
    assert [s.text for s in article.sentences] == [
        "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River.",
        "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said.",
        "Critics said the money should go to schools instead.",
    ]


@pytest.mark.parametrize(
    "content", ["Thanks for reading.\n", "Thank you for reading The Daily Ledger!\n\nSubscribe\n"]
)
def test_a_page_of_only_a_sign_off_is_no_article(content: str, tmp_path: Path) -> None:
    """Before: its blurb was "Thanks for reading.[1]", cited as if it were news (exit 0)."""
    path = tmp_path / "thanks.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"thanks\.txt: no article text found"):
        load_articles(path)


def test_a_line_without_end_punctuation_is_a_unit_of_its_own(tmp_path: Path) -> None:
    """A label or headline line inside a paragraph was glued into the next sentence."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Storm hits the coast\n\nLive updates\nThe storm hit on Monday night.\n", encoding="utf-8"
    )
    assert _texts(path) == ["Live updates", "The storm hit on Monday night."]


def test_markdown_list_table_and_numbered_list_are_units(tmp_path: Path) -> None:
    """Before: the list was one claim ("The storm hit on Monday 200,000 homes lost power 3
    people were injured ..."), the table "|---|---|---| | Ana Ruiz | 12,345 | ...". A table's
    rows are no sentences (tests/test_ingest_boilerplate.py): none is glued to the text."""
    path = tmp_path / "a.md"
    path.write_text(
        "# Storm update\n\nThe storm hit on Monday\n- 200,000 homes lost power\n"
        "- 3 people were injured\n- Schools are closed on Tuesday\n\n"
        "| Candidate | Votes |\n|---|---:|\n| Ana Ruiz | 12,345 |\n| Bo Lin | 10,500 |\n\n"
        "1. Crews worked through the night\n2. Power is back in most homes\n",
        encoding="utf-8",
    )
    assert _texts(path) == [
        "The storm hit on Monday",
        "200,000 homes lost power",
        "3 people were injured",
        "Schools are closed on Tuesday",
        "Crews worked through the night",
        "Power is back in most homes",
    ]


def test_a_numbered_list_in_plain_text_loses_its_markers(tmp_path: Path) -> None:
    """Before: "1. 200,000 homes lost power 2." was one sentence."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Storm update\n\nWhat we know:\n1. 200,000 homes lost power\n2. Crews worked overnight\n",
        encoding="utf-8",
    )
    assert _texts(path) == ["What we know:", "200,000 homes lost power", "Crews worked overnight"]


WRAPPED = """Bridge approved after long debate

The city council voted 7-2 on Tuesday to build a new bridge over
the Elm River, ending a debate that had run for more than three
years. Construction starts in May and will cost 40 million dollars,
Mayor Ana Ruiz said at a news conference after the vote on Tuesday
night. Critics said the money should go to schools instead.
"""


@pytest.mark.parametrize("trailing_newline", [True, False])
def test_hard_wrapped_lines_still_join_into_sentences(
    tmp_path: Path, trailing_newline: bool
) -> None:
    """A line wrapped mid-sentence (the next starts in lower case, or it is long and ends
    mid-clause, before a name) joins the next one, with or without blank lines in the file."""
    path = tmp_path / "a.txt"
    text = WRAPPED if trailing_newline else WRAPPED.replace("\n\n", "\n").rstrip("\n")
    path.write_text(text, encoding="utf-8")
    assert _texts(path) == [
        "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River, "
        "ending a debate that had run for more than three years.",
        "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said at "
        "a news conference after the vote on Tuesday night.",
        "Critics said the money should go to schools instead.",
    ]


TRANSCRIPT = """\
Project Manager: What we did not talk about yet is the price of the remote and um
Marketing: The price is twelve euro fifty .
Industrial Designer: So it is maybe not very easy for the elderly to use , I think that
User Interface: It would not give it more .
"""


@pytest.mark.parametrize("blank_lines", [False, True])
def test_a_speakers_turn_is_never_glued_to_a_turn_that_broke_off(
    tmp_path: Path, blank_lines: bool
) -> None:
    """A transcript's turn that stops mid-clause (long, no end punctuation) is not a wrapped
    line: the next speaker's "Name: ..." starts a unit of its own, so a claim never cites one
    speaker's words as another's."""
    path = tmp_path / "meeting.txt"
    text = TRANSCRIPT.replace("\n", "\n\n") if blank_lines else TRANSCRIPT
    path.write_text("Design meeting\n\n" + text, encoding="utf-8")
    texts = _texts(path)
    assert [t.split(":")[0] for t in texts] == [
        "Project Manager",
        "Marketing",
        "Industrial Designer",
        "User Interface",
    ]
    assert texts[0].endswith("remote and um")


CAPTIONED = """Flood closes the main street

The flooded main street of Elm River on Tuesday morning, seen from the bridge
Residents of the low-lying streets near the river were told to stay at home on Tuesday while \
the water was pumped out, and the council opened the school gym as a shelter for the night.
Officials said the water would be gone by Thursday if the rain stopped.
"""

HARD_WRAPPED_BEFORE_A_NAME = """Bridge approved after long debate

The city council voted 7-2 on Tuesday to build a new bridge over the
Elm River, ending a debate that had run for more than three years.
Construction starts in May and will cost 40 million dollars, said
Mayor Ana Ruiz at a news conference after the vote on Tuesday night.
"""


def test_a_caption_without_a_full_stop_is_not_read_as_hard_wrapped(tmp_path: Path) -> None:
    """Before: a caption of 45+ characters ending without a full stop, over a body line, was
    taken as wrapped and glued into the next sentence; in a text whose paragraphs are long
    lines nothing is hard-wrapped, while a text wrapped at 70 columns still joins before a
    capitalised word that would not have fitted on the line."""
    path = tmp_path / "caption.txt"
    path.write_text(CAPTIONED, encoding="utf-8")
    assert (
        _texts(path)[0]
        == "The flooded main street of Elm River on Tuesday morning, seen from the bridge"
    )
    path.write_text(HARD_WRAPPED_BEFORE_A_NAME, encoding="utf-8")
    assert _texts(path) == [
        "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River, "
        "ending a debate that had run for more than three years.",
        "Construction starts in May and will cost 40 million dollars, said Mayor Ana Ruiz at "
        "a news conference after the vote on Tuesday night.",
    ]


LOWER_CASE_LIST = """Council news

The council approved three items:
- a new bridge over the Elm River
  that will open in May
- a school budget of 4 million dollars

The mayor spoke for an hour on Tuesday night about the cost of the bridge
- and then she left the hall.
"""


def test_list_items_in_lower_case_lose_their_marker_and_a_dash_still_wraps(
    tmp_path: Path,
) -> None:
    """Before: "- a new bridge ..." after "items:" was read as a dash in a wrapped sentence
    and glued on with its marker ("items: - a new bridge ..."); an item's wrapped line and a
    dash that carries a sentence on ("- and then ...") are still joined."""
    path = tmp_path / "list.txt"
    path.write_text(LOWER_CASE_LIST, encoding="utf-8")
    assert _texts(path) == [
        "The council approved three items:",
        "a new bridge over the Elm River that will open in May",
        "a school budget of 4 million dollars",
        "The mayor spoke for an hour on Tuesday night about the cost of the bridge - and then "
        "she left the hall.",
    ]


# -- JSON Lines: where a bad record is ------------------------------------------------------


def test_json_lines_errors_name_the_line_and_a_text_that_is_no_string(tmp_path: Path) -> None:
    """Before: the line after a malformed one was "record 2" (it is line 3), and {"text": 123}
    was "missing or empty 'text' field (its fields: text)"."""
    from summarizer.ingest import iter_articles

    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"text": "Good one. It is fine."}\nnot json\n{"title": "x"}\n\n{"text": 123}\n',
        encoding="utf-8",
    )
    bad: list[InputError] = []
    assert len(list(iter_articles(path, on_bad_record=bad.append))) == 1
    messages = [str(e) for e in bad]
    assert "(line 2): malformed JSON" in messages[0]
    assert "(line 3): missing or empty 'text' field (its fields: title)" in messages[1]
    assert messages[2].endswith("(line 5): the 'text' field is not a string (it is a number)")


# -- the tool's own text output with its stderr saved in the same file -------------------------


def test_own_text_blurb_with_its_stderr_is_skipped(tmp_path: Path) -> None:
    """Before: `blurb a.txt > dir/blurb.txt 2>&1` was read back as an article ("Using the
    embedded extractive engine (no LLM configured)." became a claim)."""
    from typer.testing import CliRunner

    from summarizer.cli import app
    from summarizer.sources import is_own_output

    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "a.txt").write_text(BOILER_STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["blurb", str(folder / "a.txt"), "--show-rejected"])
    assert result.exit_code == 0, result.output
    note = (
        "Using the embedded extractive engine (no LLM configured). To use an LLM, set "
        "OPENAI_BASE_URL and/or OPENAI_API_KEY, or pass --backend openai.\n"
    )
    tail = (
        "rejected claims: 1\n- Some claim.[1]\n    exact_quote: not in the source\n"
        "claims: 3 accepted, 0 repaired, 1 rejected · engine extractive · 0 LLM calls "
        "(0 cached), 0+0 tokens · 0.16s\n"
    )
    saved = note + result.stdout + tail
    assert is_own_output(saved)
    (folder / "blurb.txt").write_text(saved, encoding="utf-8")
    assert [a.outlets[0].file for a in load_articles(folder)] == [str(folder / "a.txt")]
    # an article that merely ends like a log is still an article
    assert not is_own_output("The council met.\n\nIt voted.\nclaims: 3 accepted\n")


def test_own_text_blurb_with_a_failed_records_count_line_is_skipped(tmp_path: Path) -> None:
    """Before: a blurb run where one record gave no blurb ends its stderr with "1 of 2
    articles gave no blurb (see above)", which the own-output check did not know, so the saved
    run was read back as an article (its engine note a story headline)."""
    from typer.testing import CliRunner

    from summarizer.cli import app

    feed = tmp_path / "m.jsonl"
    records = [{"text": BOILER_STORY}, {"text": "x"}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(app, ["blurb", str(feed)])
    assert result.exit_code == 1 and "1 of 2 articles gave no blurb" in result.stderr
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "a.txt").write_text(BOILER_STORY, encoding="utf-8")
    (folder / "blurb.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert [a.outlets[0].file for a in load_articles(folder)] == [str(folder / "a.txt")]


@pytest.mark.parametrize(
    "second",
    [
        "Obama Urges New Limits on Assault Weapons",  # the title again (the <title>, the <h1>)
        "Obama Willing to Use Executive Orders on Guns",  # a second headline of the story
    ],
)
def test_a_text_files_repeated_or_second_headline_is_not_a_sentence(
    tmp_path: Path, second: str
) -> None:
    """A page saved as .txt starts "Title / Title / body" (or a second headline): the repeat
    was the first sentence, and the briefing's first bullet echoed the story's heading."""
    path = tmp_path / "page.txt"
    path.write_text(
        "Obama Urges New Limits on Assault Weapons\n\n"
        f"{second}\n\n"
        "President Obama called Wednesday for a new assault-weapons ban.\n\n"
        "Lawmakers said the plan faces stiff opposition in Congress.\n",
        encoding="utf-8",
    )
    [article] = load_articles([path])
    assert article.title == "Obama Urges New Limits on Assault Weapons"
    assert [s.text for s in article.sentences] == [
        "President Obama called Wednesday for a new assault-weapons ban.",
        "Lawmakers said the plan faces stiff opposition in Congress.",
    ]


def test_a_quoted_question_keeps_its_attribution() -> None:
    """“How about ...?” Mr. Trump was quoted as saying, ... was cut after the question mark: the
    second half, a claim of its own, read "Mr. Trump was quoted as saying, playing peacemaker"
    and quoted nobody. A sentence that only starts after a quoted question stays apart."""
    text = (
        "The two men met on the golf links in 2007.\n\n"
        "“How about the mayor starts it off in honor of the city?” Mr. Trump was quoted as "
        "saying, playing peacemaker.\n\n"
        "“Why?” Officials said the talks failed last week in Geneva.\n\n"
        "“Why now?” asked the mayor."
    )
    assert [s.text for s in make_article(text).sentences] == [
        "The two men met on the golf links in 2007.",
        "“How about the mayor starts it off in honor of the city?” Mr. Trump was quoted as "
        "saying, playing peacemaker.",
        "“Why?”",
        "Officials said the talks failed last week in Geneva.",
        "“Why now?” asked the mayor.",
    ]


def test_a_headline_ending_in_an_initialism_is_the_title(tmp_path: Path) -> None:
    """ "... Bloomberg Tells U.S." ends with a stop, so it was read as the first sentence (a
    bullet in Title Case under another outlet's heading); a sentence ending so stays one."""
    path = tmp_path / "page.txt"
    path.write_text(
        "Clinton Is 'Sane' And 'Competent,' Unlike Trump, Bloomberg Tells U.S.\n\n"
        "Michael Bloomberg endorsed Hillary Clinton at the convention on Wednesday.\n",
        encoding="utf-8",
    )
    [article] = load_articles([path])
    assert article.title == "Clinton Is 'Sane' And 'Competent,' Unlike Trump, Bloomberg Tells U.S."
    assert [s.text for s in article.sentences] == [
        "Michael Bloomberg endorsed Hillary Clinton at the convention on Wednesday."
    ]
    plain = make_article("Prices rose again in the U.S.\n\nInflation was 3 percent in May.")
    assert plain.title is None and plain.sentences[0].text == "Prices rose again in the U.S."


def test_a_malformed_record_says_where_it_broke(tmp_path: Path) -> None:
    """Before: "feed.jsonl (line 2): malformed JSON: Invalid control character at", cut off
    where json's message expects the place."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "fine"}\n{"text": "a raw\ttab"}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(jsonl_records(iter(feed.read_text().splitlines()), str(feed)))
    assert str(caught.value).endswith(
        "feed.jsonl (line 2): malformed JSON: Invalid control character at column 16"
    ), str(caught.value)
