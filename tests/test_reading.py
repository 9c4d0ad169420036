"""What an editor reads: clean sentences, recognisable sources and headings.

Every article here is hand-made in the test, in the styles of wire archives (TIPSTER SGML codes,
``LaTeX quotes'', "_" dashes, a headline glued to its dateline) and of web pages (publication
stamps, photo credits, a headline repeated in the body).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import summarizer
from summarizer import make_article, render_blurb, render_briefing
from summarizer.ingest import clean_characters, is_timestamp, load_articles
from summarizer.stories import lead_headline
from summarizer.text import strip_dateline

WIRE = (
    "&UR; &LR; At least two law enforcement agencies are looking into the ``missing'' "
    "shipments, officials said Tuesday. &QL; The shipments left AT&AMP;T's depot in Newark "
    "on Friday _ two days before the audit _ and never arrived. An FBI lawyer ''goofed'' in "
    "not passing on the report, a former senator said. (STORY CAN END HERE. OPTIONAL "
    "MATERIAL FOLLOWS) Investigators expect to  finish their review by the end of the month."
)


def _texts(text: str, **kw: object) -> list[str]:
    return [s.text for s in make_article(text, **kw).sentences]  # type: ignore[arg-type]


def test_wire_markup_never_reaches_a_sentence() -> None:
    sentences = _texts(WIRE)
    assert sentences == [
        "At least two law enforcement agencies are looking into the “missing” shipments, "
        "officials said Tuesday.",
        "The shipments left AT&T's depot in Newark on Friday — two days before the audit — "
        "and never arrived.",
        "An FBI lawyer “goofed” in not passing on the report, a former senator said.",
        "Investigators expect to finish their review by the end of the month.",
    ]


def test_entities_are_decoded_once_and_unknown_lower_case_ones_kept() -> None:
    assert clean_characters("Q&amp;A &amp;lt;b&amp;gt; caf&eacute; &#8217; &#x2014;") == (
        "Q&A &lt;b&gt; café ’ —"
    )
    # only all-caps unknown names are typesetting codes; R&D and "&foo;" are text
    assert clean_characters("R&D &foo; AT&T &QR;x") == "R&D &foo; AT&T x"
    # Markdown keeps `` (code), plain text reads it as an opening quote
    assert clean_characters("``a''", markdown=True) == "``a”"
    assert clean_characters("``a''") == "“a”"
    assert clean_characters("5' 10'' tall") == "5' 10” tall"
    # a quote opening on a bracket; a quote inside a quote, both closing
    assert clean_characters("''(MSF) has treated us,'' he said. ``Why?' '' she asked.") == (
        "“(MSF) has treated us,” he said. “Why?'” she asked."
    )
    # text rebuilt from tokens: spaces inside curly quotes and around a possessive
    assert clean_characters("“ The “ Mean Girls ” star, Lohan ’ s lawyer") == (
        "“The “Mean Girls” star, Lohan’s lawyer"
    )
    assert clean_characters("the boys’ toys, “Yes,” he said") == "the boys’ toys, “Yes,” he said"


def test_wire_sign_offs_are_dropped() -> None:
    text = (
        "Gravity pulls it down at some point. &UR; (tz-et-cd)\n\n"
        "The union met in Seoul, South Korea. &UR; str-tt-lm\n\n"
        "He said (in part) that it was a see-saw"
    )
    assert _texts(text) == [
        "Gravity pulls it down at some point.",
        "The union met in Seoul, South Korea.",
        "He said (in part) that it was a see-saw",
    ]


def test_claims_from_wire_text_are_clean_exact_quotes() -> None:
    result = summarizer.blurb(WIRE, sentences=3, backend="extractive")
    shown = [c for c in result.claims if c.shown]
    assert shown
    for claim in shown:
        assert "&" not in claim.text.replace("AT&T", "")
        assert "``" not in claim.text and "''" not in claim.text and " _ " not in claim.text
        assert claim.verdict == "accepted"
        assert any(c.name == "quote" and c.passed for c in claim.checks)


def test_a_headline_glued_to_its_dateline_becomes_the_title() -> None:
    text = (
        "*NASA to launch emergency repair trip to telescope CAPE CANAVERAL, Fla. (AP) -- NASA "
        "will launch an emergency repair mission this fall to the Hubble Space Telescope. "
        "NASA decided Wednesday to move up the next visit to October."
    )
    article = make_article(text)
    assert article.title == "NASA to launch emergency repair trip to telescope"
    first = article.sentences[0].text
    assert first.startswith("CAPE CANAVERAL, Fla. (AP) -- NASA will launch")
    assert strip_dateline(first).startswith("NASA will launch an emergency repair mission")
    result = summarizer.blurb(article, sentences=2, backend="extractive")
    assert all(not c.text.startswith(("CAPE", "*NASA")) for c in result.claims)
    # in the middle of a line, a dateline needs its agency to be taken as one
    plain = make_article("He moved to NEW YORK -- the city he loved. It was 1990. He stayed.")
    assert plain.title is None and plain.sentences[0].text.startswith("He moved to NEW YORK")


def test_datelines_in_ordinary_case_and_other_dashes() -> None:
    assert strip_dateline("Nairobi, February 9 (Xinhua) -- U.S. envoy Jesse Jackson urged") == (
        "U.S. envoy Jesse Jackson urged"
    )
    assert strip_dateline("Washington (CNN) -- The Senate voted.") == "The Senate voted."
    assert strip_dateline("Meadow Lake, Saskatchewan – The council said it erred.") == (
        "The council said it erred."
    )
    assert strip_dateline("WASHINGTON ― President Trump spoke.") == "President Trump spoke."
    assert strip_dateline("NEW DELHI, December 1 (Xinhua)-- India agreed.") == "India agreed."
    # an en dash and a hyphen typed together: the blurb opened "DANVILLE, Ky. –- Joe Biden ..."
    assert strip_dateline("DANVILLE, Ky. –- Joe Biden did.") == "Joe Biden did."
    for kept in (
        "NATO - the alliance said it would meet again.",
        "However, Congress — The vote failed.",
        "Paris is lovely - Most people agree.",
        "The report (PDF) showed a rise.",
    ):
        assert strip_dateline(kept) == kept


def test_publication_stamps_are_not_titles_or_sentences() -> None:
    for stamp in (
        "May 2, 2013, 1:12 PM",
        "Updated 4:08 p.m. ET",
        "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM",
        "First Published: June 13, 2013 4:59 PM EDT",
        "14 June 2013",
        "May 2, 2013 | 5:03pm",
        "Fri., May. 3, 2013 11:45 AM PDT",
        "Saturday, January 8, 2005",
        "November 28th, 2005, 09:11 GMT",
        "Article posted on 08.07.2012",
        "11 / 28 / 05",
    ):
        assert is_timestamp(stamp), stamp
    for text in (
        "May the force be with you, 2 times.",
        "At 5 pm we met.",
        "Flight 447 lost",
        "Colts beat Chiefs 20-13",
        "Posted in 2013",
    ):
        assert not is_timestamp(text), text
    page = (
        "May 2, 2013, 1:12 PM\n"
        "Lawyer: Lindsay Lohan checks into rehab facility\n"
        "Updated 4:08 p.m. ET\n"
        "Lindsay Lohan's attorney said Thursday the actress checked into a rehab facility.\n"
        "Mark Jay Heller told a judge that Lohan was settling in."
    )
    article = make_article(page)
    assert article.title == "Lawyer: Lindsay Lohan checks into rehab facility"
    assert make_article("By JOHN SMITH\n\n" + page).title == article.title
    assert [s.text[:20] for s in article.sentences] == [
        "Lindsay Lohan's atto",
        "Mark Jay Heller told",
    ]
    glued = _texts(
        "Quake toll rises\n\nSaturday, March 26, 2005 Up to four times as many women died."
    )
    assert glued == ["Up to four times as many women died."]
    glued = _texts("Telethon\n\nTuesday, January 18, 2005Through a telethon, Romanians gave.")
    assert glued == ["Through a telethon, Romanians gave."]


def test_a_record_whose_text_repeats_its_title_does_not_quote_the_headline(
    tmp_path: Path,
) -> None:
    record = {
        "title": "Texas Rep. Blake Farenthold resigns from Congress",
        "text": "Texas Rep. Blake Farenthold resigns from Congress\n\n"
        "Representative Blake Farenthold resigned from Congress on Friday.\n\n"
        "He had said he would not seek re-election.",
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = load_articles(path)
    assert article.title == record["title"]
    assert article.sentences[0].text.startswith("Representative Blake Farenthold resigned")
    # a body that is only the title keeps it: there is nothing else to summarise
    only = make_article("Storm hits the coast", title="Storm hits the coast")
    assert [s.text for s in only.sentences] == ["Storm hits the coast"]


def test_photo_credits_bylines_and_bullets_are_dropped() -> None:
    text = (
        "By KEVIN SACK, Associated Press Writer\n"
        "By Monday, the council had voted on it.\n"
        "Mr. Farenthold in December at the Capitol.CreditJoshua Roberts/Reuters\n"
        "* Representative Blake Farenthold resigned on Friday.\n"
        "• He had said he would not run again.\n"
        "*Exclusive* interviews followed."
    )
    long_line = "The mayor spoke for an hour on Monday about the budget and the roads. " * 5
    assert _texts(long_line + "Photo credit: John Smith") == _texts(long_line)
    assert _texts(text) == [
        "By Monday, the council had voted on it.",
        "Representative Blake Farenthold resigned on Friday.",
        "He had said he would not run again.",
        "*Exclusive* interviews followed.",
    ]


LEAD_A = (
    "WASHINGTON (AP) _ At least six children in northeast Ohio have been infected by E. coli "
    "bacteria, the state health department said Monday. The county fair is a possible source. "
    "Doctors treated the children at a Cleveland hospital."
)
LEAD_B = (
    "CLEVELAND _ Health officials said Monday that six children in northeast Ohio were infected "
    "by E. coli bacteria at the county fair. The fair closed its petting zoo on Tuesday. "
    "Doctors treated the children at a Cleveland hospital."
)


def test_untitled_sources_are_listed_by_their_lead_with_their_file(tmp_path: Path) -> None:
    for name, text in (("a.txt", LEAD_A), ("b.txt", LEAD_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = summarizer.briefing(tmp_path, backend="extractive")
    assert result.sources
    md = render_briefing(result, "md")
    html = render_briefing(result, "html")
    data = json.loads(render_briefing(result, "json"))
    assert "(untitled article)" not in md and "(untitled article)" not in html
    # the page's summary line counts the articles cited, not all the articles read
    n = len(result.sources)
    assert f"· {n} article{'s' * (n != 1)} cited ·" in html
    for source in result.sources:
        assert source.title and source.title.endswith("…")
        assert not source.title.startswith(("WASHINGTON", "CLEVELAND"))
        # a title made from the lead is flagged: in italics, and "title_derived" in JSON
        assert source.title_derived
        assert f"{source.number}. *{source.title}* — file `" in md  # labelled (surfaces4)
        assert (
            f'<i class="smz-derived" title="No headline: the start of the lead">{source.title}</i>'
            in html
        )
        file = source.outlets[0].file
        assert file and f"`{file}`" in md
    assert {s["title"] for s in data["sources"]} == {s.title for s in result.sources}
    assert all(s["title_derived"] is True for s in data["sources"])
    assert all(s["title_derived"] is True for s in data["stories"])
    assert "\n## *At least six children" in md
    # an outlet's own headline is shown as written, not flagged
    titled = summarizer.briefing([tmp_path / "a.txt"], backend="extractive")
    titled.sources[0].title, titled.sources[0].title_derived = "Children fall ill", False
    assert "1. Children fall ill — file `" in render_briefing(titled, "md")
    assert ">Children fall ill</li>" not in render_briefing(titled, "html")  # outlets follow
    assert '<li class="smz-source" id="smz-src-1" value="1">Children fall ill <span' in (
        render_briefing(titled, "html")
    )
    # the heading stops on a word that carries meaning, not on "by E."
    article = make_article(LEAD_A)
    assert lead_headline(article) == ("At least six children in northeast Ohio have been infected…")
    blurb = summarizer.blurb(article, sentences=2, backend="extractive")
    text = render_blurb(blurb, "text")
    assert "[1] At least six children in northeast Ohio have been infected…" in text


def test_markdown_shows_article_text_as_written_not_as_markup() -> None:
    from summarizer import Blurb, Briefing, Citation, Claim, Outlet, Source, Story

    text = (
        "Fans of *Peanuts* met at [the club](javascript:x) <img src=x onerror=y> "
        "in snake_case _here_."
    )
    cite = Citation(sentence_id="a1.s1", article_id="a1", text=text)
    claim = Claim(text=text, citations=[cite], verdict="accepted")
    source = Source(
        number=1,
        article_id="a1",
        title="*Exclusive*: <b>fans</b>",
        outlets=[Outlet(name="The [Daily] Star", file="odd`name.txt")],
    )
    story = Story(id="s1", title="A <i>story</i>", article_ids=["a1"], claims=[claim])
    md = render_briefing(Briefing(title="_Brief_ing", stories=[story], sources=[source]), "md")
    escaped = (
        r"Fans of \*Peanuts\* met at \[the club\](javascript:x) \<img src=x onerror=y\> "
        r"in snake_case \_here\_.[1]"
    )
    assert f"- {escaped}" in md
    assert "# \\_Brief_ing" in md and "## A \\<i\\>story\\</i\\>" in md
    assert r"1. \*Exclusive\*: \<b\>fans\</b\> — The \[Daily\] Star — file ``odd`name.txt``" in md
    assert re.search(r"(?<!\\)<(?!!-- written by summarizer)", md) is None  # no raw tag
    blurb = Blurb(article_id="a1", title="*T*", claims=[claim], sources=[source])
    assert render_blurb(blurb, "md").startswith(f"**\\*T\\***\n\n{escaped}")
    # plain text stays as written
    plain = render_blurb(blurb, "text")
    assert plain.startswith(text + "[1]")
    assert "[1] *Exclusive*: <b>fans</b> — The [Daily] Star — file odd`name.txt" in plain


def test_an_all_capitals_headline_is_written_as_the_article_writes_its_words() -> None:
    body = (
        "\n\nWladimir Klitschko retained three heavyweight title belts on Saturday in Berlin. "
        "The Ukrainian beat his challenger after a DUI arrest of his sparring partner last week. "
        "Police of the RCMP were not involved. The WBA and the world champion said he would fight "
        "again."
    )
    shouting = "WLADIMIR KLITSCHKO RETAINS WORLD BELTS IN BERLIN: RCMP, DUI, WBO AND TITLE-HOLDER"
    article = make_article(shouting + body)
    # found in the text: as written there; same stem ("RETAINS"/"retained"): lower case;
    # unknown and short or vowel-less: kept (an acronym); a word after a colon starts upper case
    assert article.title == (
        "Wladimir Klitschko retains world belts in Berlin: RCMP, DUI, WBO and title-holder"
    )
    given = make_article(body.strip(), title="KLITSCHKO WINS")
    assert given.title == "Klitschko wins"
    for kept in ("NASA to launch repair trip", "UK VOTES"):  # not all capitals; too short
        assert make_article(kept + body).title == kept
    assert make_article("AT&T BOARD MEETS" + body).title == "AT&T board meets"


def test_a_quotation_over_several_sentences_is_one_citable_sentence() -> None:
    text = (
        "Schizophrenia care lags behind research, a study found.\n\n"
        "“Most patients don't get an adequate treatment package,” said Dr. Anthony Lehman. "
        "“I think that outcomes could be better. There's plenty of room for improvement.”\n\n"
        '"Normally, a small earthquake might last less than a second.\n\n'
        'This one lasted ten minutes," said Charles Ammon of Penn State University. '
        "He spoke on Monday.\n\n"
        "“This quote is never closed. Neither here. Nor here. Nor here. Nor here."
    )
    article = make_article(text)
    texts = [s.text for s in article.sentences]
    assert texts[:5] == [
        "Schizophrenia care lags behind research, a study found.",
        "“Most patients don't get an adequate treatment package,” said Dr. Anthony Lehman.",
        "“I think that outcomes could be better. There's plenty of room for improvement.”",
        '"Normally, a small earthquake might last less than a second. This one lasted ten '
        'minutes," said Charles Ammon of Penn State University.',
        "He spoke on Monday.",
    ]
    assert [s.paragraph for s in article.sentences[:5]] == [0, 1, 1, 2, 3]
    # a quote that does not close within six sentences is left as the splitter cut it
    assert texts[5:] == [
        "“This quote is never closed.",
        "Neither here.",
        "Nor here.",
        "Nor here.",
        "Nor here.",
    ]
    result = summarizer.blurb(article, sentences=4, backend="extractive")
    for claim in (c for c in result.claims if c.shown and "never closed" not in c.text):
        assert claim.text.count("“") == claim.text.count("”") and claim.text.count('"') % 2 == 0


def test_wire_quotation_typos_and_reopened_paragraphs_stay_balanced() -> None:
    # two quotes side by side are two quotes, not a quote inside a quote; a closing `` (a
    # typo) closes; '' among straight quotes is a straight quote
    assert clean_characters("a ``landmark paper.'' ''It may well be,'' he said.") == (
        "a “landmark paper.” “It may well be,” he said."
    )
    assert clean_characters("(''Lou Grant,'' ''Mary Tyler Moore Show'')") == (
        "(“Lou Grant,” “Mary Tyler Moore Show”)"
    )
    assert clean_characters("``Who ordered that?`` the physicist asked.") == (
        "“Who ordered that?” the physicist asked."
    )
    assert clean_characters('He said "yes," and the "only chance\'\' to vote.') == (
        'He said "yes," and the "only chance" to vote.'
    )
    # the wire reopens a quotation at each paragraph without closing the one before; a
    # quotation of five sentences is still one citable unit
    text = (
        "Coach Cooper spoke on Monday. ``I can say that we are happy to be ranked. ``We've been "
        "the No. 1 team all season. Winning takes care of everything.'' The team flies today. "
        "Says end Tony Bryant: ``They lost one game. We lost one game. They won their bowl. "
        "It is not up to us. We can just hope.'' The game is on Monday. "
        "\"They have nine pilots in Haiti. Martin hopes to fly. ``I went to Honduras,'' he said."
    )
    texts = _texts(text)
    assert texts[1] == (
        "“I can say that we are happy to be ranked. “We've been the No. 1 team all season. "
        "Winning takes care of everything.”"
    )
    assert texts[3] == (
        "Says end Tony Bryant: “They lost one game. We lost one game. They won their bowl. "
        "It is not up to us. We can just hope.”"
    )
    # a straight quote the source never closes is not closed by a curly one further on
    assert texts[-3:] == [
        '"They have nine pilots in Haiti.',
        "Martin hopes to fly.",
        "“I went to Honduras,” he said.",
    ]
    # web pages mix the two kinds within one quotation
    mixed = _texts(
        '“It’s always been bipartisan. We need to keep it that way," he said. Then he left.'
    )
    assert mixed == [
        '“It’s always been bipartisan. We need to keep it that way," he said.',
        "Then he left.",
    ]


def test_a_story_is_titled_by_a_headline_in_normal_case_when_it_has_one() -> None:
    from summarizer.stories import story_title

    body = (
        "\n\nThe city council voted on Tuesday to build a new bridge over the Elm River. "
        "Construction starts in May, Mayor Ana Ruiz said."
    )
    shouted = make_article("COUNCIL BACKS NEW ELM RIVER BRIDGE" + body)
    assert shouted.title == "Council backs new Elm River bridge" and shouted.title_recased
    normal = make_article("Council approves the Elm River bridge" + body)
    short = make_article("UK VOTES" + body)  # too short for ingest to recase
    assert not normal.title_recased and short.title == "UK VOTES"
    untitled = make_article(body.strip())
    # the most central article comes first: its headline is passed over for one in normal case
    assert story_title([shouted, normal]) == "Council approves the Elm River bridge"
    assert story_title([untitled, shouted]) == "Council backs new Elm River bridge"
    assert story_title([short, untitled]) == "UK votes"
    assert story_title([untitled]) is None


def test_a_kicker_before_the_lead_or_the_headline_is_dropped() -> None:
    for text, lead in (
        ("WASHINGTON — Analysis: The Senate voted on Monday.", "The Senate voted on Monday."),
        ("WASHINGTON (AP) -- EXCLUSIVE: Talks ended.", "Talks ended."),
        ("BUSINESS The Dow rose 2 percent.", "The Dow rose 2 percent."),
        ("OPINION | Why we vote", "Why we vote"),
        ("UPDATE 2-Oil prices rise", "Oil prices rise"),
        ("RPT-UPDATE 1-Oil rises", "Oil rises"),
        ("Breaking News: Fire at the depot", "Fire at the depot"),
        ("SPORTS - Colts win", "Colts win"),
        ("UPDATE: 9 p.m. -- The Post now reports.", "The Post now reports."),
        ("Update 7:19 p.m. ET: The Post said.", "The Post said."),
    ):
        assert strip_dateline(text) == lead, text
    for kept in (  # a real first word stays
        "Analysis of the data showed a rise.",
        "Opinion polls show a lead.",
        "Update your software.",
        "Business leaders met.",
        "US Senators voted.",
        "WORLD Leaders met.",
        "BUSINESS leaders met on Monday.",
        "Watch: the video",
        "NATO - the alliance said it would meet again.",
    ):
        assert strip_dateline(kept) == kept
    article = make_article(
        "OPINION | COUNCIL MUST BUILD THE BRIDGE\n\nLONDON — Analysis: The city council voted "
        "on Tuesday to build a new bridge over the Elm River. Construction starts in May."
    )
    assert article.title == "Council must build the bridge"
    result = summarizer.blurb(article, sentences=1, backend="extractive")
    [claim] = [c for c in result.claims if c.shown]
    assert claim.text.startswith("The city council voted") and claim.verdict == "accepted"
    # a label on a line of its own is page furniture
    assert _texts("The vote failed.\n\nUPDATE:\n\nThe council will vote again.") == [
        "The vote failed.",
        "The council will vote again.",
    ]
    untitled = make_article("UPDATE 2-The city council voted on Tuesday to build a new bridge.")
    assert lead_headline(untitled) == "The city council voted on Tuesday to build a new bridge"


def test_the_splitters_cuts_inside_a_sentence_are_undone() -> None:
    text = (
        "The statement came from Missouri Sen. Roy Blunt and former Sens. John Ashcroft and "
        "Kit Bond. The mission commander, Lt. Col. Curtis Brown, spoke. It is on E. 52nd St. "
        "She left. Sen. Rand Paul (R-Ky.), who was at the practice, spoke. It was reported by "
        "TMZ.com and by CNN. com on Monday. The N.C.A.A. men's tournament starts. F.W. de Klerk "
        "won. He said it to Bob. eBay fell."
    )
    assert _texts(text) == [
        "The statement came from Missouri Sen. Roy Blunt and former Sens. John Ashcroft and "
        "Kit Bond.",
        "The mission commander, Lt. Col. Curtis Brown, spoke.",
        "It is on E. 52nd St.",
        "She left.",
        "Sen. Rand Paul (R-Ky.), who was at the practice, spoke.",
        "It was reported by TMZ.com and by CNN. com on Monday.",
        "The N.C.A.A. men's tournament starts.",
        "F.W. de Klerk won.",
        "He said it to Bob.",
        "eBay fell.",
    ]


def test_a_second_headline_before_the_story_is_not_a_sentence() -> None:
    body = "WASHINGTON — A task force released a report on Tuesday.\n\nIt calls for more guards."
    given = "NRA report recommends arming teachers"
    for second in ("Report Sees Guns as Path to Safety in Schools", "Guards for every school"):
        article = make_article(f"{second}\n\n{body}", title=given)
        assert article.title == given
        assert article.sentences[0].text.startswith("WASHINGTON — A task force")
    # a line in ordinary case, not followed by a dateline, is the article's own text
    kept = make_article("The storm hit the coast\n\nIt flooded the town.", title="Storm")
    assert [s.text for s in kept.sentences] == ["The storm hit the coast", "It flooded the town."]


def test_markdown_keeps_a_sentence_that_starts_like_markup_a_sentence() -> None:
    """A claim starting "# ", "+ " or "1. " rendered as a heading or a list inside the blurb's
    paragraph and the briefing's items, and "&amp;" as "&": the renderer must show them as
    the article wrote them."""
    from markdown_it import MarkdownIt

    from summarizer import Blurb, Briefing, Citation, Claim, Source, Story

    texts = [
        "# Breaking: the mayor said taxes would fall next year.",
        "+ The vote came after a long debate about funding.",
        "1. Officials said the budget would be spent on roads.",
        "- The council voted 7-2 for the plan &amp; its cuts.",
    ]
    claims = [
        Claim(
            text=t,
            citations=[Citation(sentence_id=f"a1.s{n}", article_id="a1", text=t)],
            verdict="accepted",
        )
        for n, t in enumerate(texts)
    ]
    source = Source(number=1, article_id="a1", title="# Breaking")
    story = Story(id="s1", title="1. Story", article_ids=["a1"], claims=claims)
    page = MarkdownIt().render(
        render_briefing(Briefing(title="x", stories=[story], sources=[source]), "md")
    )
    assert page.count("<ul>") == 1 and "<ol>\n<li>" not in page.split("Sources")[0]
    assert "<h1>x</h1>" in page and page.count("<h1>") == 1
    assert "<h2>1. Story</h2>" in page
    for text in texts:
        assert f"<li>{text.replace('&', '&amp;')}[1]</li>" in page
    blurb = Blurb(article_id="a1", claims=claims[:1], sources=[source])
    assert MarkdownIt().render(render_blurb(blurb, "md")).startswith(f"<p>{texts[0]}[1]</p>")


def test_a_line_break_in_a_title_keeps_the_heading_whole() -> None:
    """A briefing title with a line break (serve's "title": "Budget\\n# day") ended the
    Markdown heading: "# Budget" then "# day" as a paragraph of its own."""
    from markdown_it import MarkdownIt

    article = make_article(
        "The council approved a new budget on Monday. Schools get more funding from it.",
        title="Budget\npasses",
        source="Daily\nNews",
    )
    brief = summarizer.briefing([article], title="Budget\n# day", backend="extractive")
    page = MarkdownIt().render(render_briefing(brief, "md"))
    assert "<h1>Budget # day</h1>" in page and "<h2>Budget passes</h2>" in page
    assert "<em>1 source: Daily News</em>" in page
