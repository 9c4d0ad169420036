"""Ingest: read files, strip web boilerplate, detect the title, split into citable sentences.

Every article gets a stable id (a hash of its cleaned text) and every sentence a stable id
``<article id>.s<hash of its text>`` (see sentences.py), so the same text always yields the same
citations, whatever the splitter does to the sentences around it.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from . import forked
from .dates import (
    coerce_datetime,
    in_window,
    lenient_published,
    names_a_day,
    parse_datetime,
    window_text,
)
from .errors import InputError
from .lexicon import cue_words
from .models import OUTSIDE_DATES, Article, Kind, Outlet, Sentence, web_url
from .sentences import sentence_ids, split_sentences
from .sources import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    Limits,
    decode,
    html_kind,
    input_files,
    is_own_output,
    json_records,
    jsonl_records,
    printable_line,
    read_file,
    read_stdin,
    skipped_note,
    sniff_format,
    stream_lines,
    strip_controls,
)
from .text import (
    BODIES,
    DAY_NAMES,
    MONTH_NAMES,
    STOPWORDS,
    bigrams,
    content_terms,
    counted,
    is_interviewer_turn,
    split_glued_dateline,
    stem,
    strip_dateline,
    strip_kicker,
)

log = logging.getLogger(__name__)

# A press release's header ("FOR IMMEDIATE RELEASE", "Press release", "EMBARGOED UNTIL 00:01
# GMT 4 March 2025") and its end mark ("###", "-ends-", "- ENDS -", "-30-"; a bare "ends" is
# a word): dropped and cut from, and either one marks the text as a release (_RELEASE_SIGN).
_RELEASE_HEAD = (
    r"for immediate release|(?:press|news|media) release|embargoed (?:until|till|to|for)\b"
    r".{0,60}|for release (?:on|at|after)\b.{0,60}"
)
_RELEASE_END = r"(?:#\s*){3}|-+\s*ends\s*-*|-*\s*ends\s*-+|-30-"

# A first line this short, not ending like a sentence, followed by more text, is a headline.
MAX_TITLE_CHARS = 200

# Lines that are pure web furniture: dropped wherever they stand.
_DROP_LINE = re.compile(
    r"^\s*(no time to read\??|get a summary|check out this related article:.*|update:?|"
    r"share (this|on).{0,40}|advertisement|read more:?.{0,120}|click here to .{0,120}|"
    # a link to another story: "Related: Beavers return to river in Dorset", "See also: ..."
    r"(?:related|see also|more on this story|most read|recommended)\s*:.{0,160}|"
    # a feed item's link to the rest: "Continue reading...", "Continue reading Title →"
    r"continue reading(?: [^.!?]{0,120}?)?\s*(?:\.{3}|…|→|»|›)?|"
    # newsletter and subscription prompts: "Sign up for our newsletter to get ... delivered
    # to your inbox.", "Subscribe now for unlimited access to council news."
    r"(?:sign up|subscribe|register|join)\b.{0,160}"
    r"\b(?:newsletters?|inbox|unlimited access|subscribers?|subscription)\b.{0,80}|"
    r"subscribe(?: now| today| here)?[.!]?|"
    # a page's sign-off: "Thanks for reading!", "Thank you for reading The Daily Ledger."
    r"(?:thanks|thank you)(?: so much)? for (?:reading|watching|listening|following)\b"
    r"[^.!?]{0,60}[.!]*|"
    # a press release's header: "FOR IMMEDIATE RELEASE", "Press release", "EMBARGOED UNTIL
    # 00:01 GMT 4 March 2025": what the sender tells editors, not news (it was the title)
    rf"(?:{_RELEASE_HEAD})[.:]?|"
    # wire sign-offs: "Associated Press writer Mary Lee contributed to this report."
    r"[^.!?]{0,200}\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b"
    r"(?: (?:from|in) [^.!?]{0,80})?\.?)\s*$",
    re.IGNORECASE,
)
# A byline on its own line: "By JOHN SMITH, Associated Press Writer" (names, no sentence),
# "By Jane Doe | Staff Writer" (a role or desk after a bar).
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w.'’-]*,?(?:\s+(?:[A-Z][\w.'’-]*,?|and|&|de|van|von|la|,)){0,12}"
    r"(?:\s*[|•·]\s*[A-Z][\w.'’&/ -]{0,60})?\s*$"
)
# A wire story's credits: "(Reporting by Nikos Pappas in Athens; Editing by Jane Merriman)",
# "Additional reporting by A. Lee; Writing by B. Cole", in brackets or not, a line of their own
# or after the line's last sentence. Each credit names people (capitalised words), so
# "Reporting by the Guardian found ..." is a sentence, not a credit.
_CREDIT_NAMES = r"[A-Z][\w.'’-]*(?:,? (?:[A-Z][\w.'’-]*|and|&|in|de|van|von|la)){0,12}"
_WIRE_CREDIT = (
    r"(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Gg]raphics|"
    rf"[Pp]roduction) by {_CREDIT_NAMES}"
)
_WIRE_CREDITS = re.compile(
    rf"(?:^|(?<=[.!?”\"'])\s+)(?P<open>\()?{_WIRE_CREDIT}(?:\s*[;,]\s*{_WIRE_CREDIT})*\.?"
    r"(?(open)\))\.?\s*$"
)
# A photo credit ending a line: "... at the Capitol.CreditJoshua Roberts/Reuters", "Residents
# are rescued by boat. Photograph: Jane Smith/Courier", or a line that is one: "Photo: John
# Smith/Daily Post". A short such line is a caption (dropped: a photo essay's captions were
# quoted as its news); from a long one only the credit is cut.
_CREDIT = re.compile(
    r"(?:(?<=[a-z.)])Credit|\b(?:Photo|Image) credit:?|^(?:Photo|Photograph|Image)(?::| by)"
    r"|(?<=[.!?”\"’] )(?:Photo|Photograph|Picture|Image):)"
    r"\s?[A-Z][^.!?]{0,60}$"
)
CAPTION_MAX_CHARS = 300
# A caption on a line of its own, labelled as one: "Image caption: One of the chicks in its
# nest ...", "Pictured: The bridge after the flood.", "Media caption, Watch: ...". It describes
# a picture the reader of a blurb never sees, and a page saved as text puts it before the lead,
# where the engine's position prior made it the blurb's first sentence.
_CAPTION_LINE = re.compile(
    r"(?i)^(?:(?:image|photo|picture|video|media|graphic)\s+caption|caption|pictured|"
    r"(?:photo|image|picture|video)\s*\(?(?:above|below|top|left|right)\)?)\s*[:,]\s*\S"
)
# A line of share buttons: "Facebook Twitter WhatsApp Email", "Share: X | Facebook | Copy link".
_SHARE_LINE = re.compile(
    r"(?i)^(?:share(?: this(?: article| story)?)?\s*:?\s*)?"
    r"(?:(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|reddit|pinterest|messenger|telegram|"
    r"copy link|print)\s*[|/·•,]?\s*){2,}$"
)
# A credit in brackets where a sentence starts, or after a caption's last sentence: "(Photo:
# John Doe/Springfield Gazette) The old bridge ...", "... in 2019. (AP Photo/Evan Vucci)".
_BRACKET_CREDIT = re.compile(
    r"\((?:[A-Z][A-Za-z]{1,12} )?(?:Photo|Photograph|Image|Picture|Video|Illustration|Graphic)s?"
    r"(?: credit)?(?:\s*[:/]\s*|\s+by\s+)[^()\n]{1,80}\)\s*"
    r"|\((?:Photo )?Credit:\s*[^()\n]{1,80}\)\s*"
)
# A rights notice: a line made only of its sentences, or such a run after the last sentence of
# a line ("... in the spring. © 2025 The Associated Press. All rights reserved. This material
# may not be published, broadcast, rewritten or redistributed."). A copyright sentence starts
# with "©", or "Copyright"/"(c)" and a year; reporting that mentions "all rights reserved"
# inside a sentence of its own is not one.
_RIGHTS_SENTENCE = (
    r"(?:©|copyright\s*©|(?:copyright|\(c\))\s*\d{4}\b)[^\n]{0,100}?"
    r"|all rights reserved"
    r"|(?:this|the) (?:material|article|story|content|report)s? may not be "
    r"(?:published|reproduced|broadcast|rewritten|redistributed|copied|distributed)[^\n]{0,120}?"
)
_RIGHTS_LINE = re.compile(rf"(?i)^(?:{_RIGHTS_SENTENCE})(?:[.;|]?\s+(?:{_RIGHTS_SENTENCE}))*[.;]?$")
# A call for tips or contact with an e-mail address, a question perhaps before it: "Have a
# news tip? Email us at tips@example.com.", "Contact reporter Jane Smith at js@x.com or
# 555-0100." A line of its own only, starting with the call (or the question).
_CONTACT_LINE = re.compile(
    r"^(?:[^.!?\n]{1,60}\?\s+)?(?i:e-?mail|contact|send|write(?: to)?|reach|tell|message) "
    r"(?:(?i:us|me|him|her|them|it|your|(?:news |story )?(?:tips?|ideas?)|(?:the )?(?:reporter|"
    r"writer|author|editor|newsroom|desk))\b|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3} at )"
    r"[^.!?\n]{0,100}?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[^.!?\n]{0,80}[.!]?$"
)
# A feed's link to the rest run on after its teaser's last sentence: "... in the spring.
# Continue reading...".
_CONTINUE_AFTER = re.compile(r"(?<=[.!?…”\"’])\s+Continue reading\s*(?:\.{3}|…|→|»|›)?$")
# The footer WordPress adds to every feed item, the text's last line: "The post Council
# approves bridge appeared first on Springfield Gazette." (its site's name is capitalised: "The
# post office appeared first on the list" is a sentence).
_FEED_FOOTER = re.compile(r"^The post .{1,300}? appeared first on [A-Z0-9\"“‘'].{0,120}$")
# A closing line saying where the story first ran, as a republisher adds it: "This article
# was originally published on The Conversation.", "This story originally appeared in The
# Texas Tribune.", "A version of this story was first published by ProPublica." Only as the
# text's last line (like the feed footer), and the place capitalised: "This article was
# originally published in plans" inside a story is a sentence.
_REPUBLISHED = re.compile(
    r"^(?:This|A version of this) (?:article|story|piece|post|report|column|essay|interview)"
    r"(?: was| has been)? (?:originally|first) (?:published|appeared|posted|ran)"
    r"(?: (?:on|in|by|at|with))? (?:the )?[A-Z0-9\"“‘'].{0,150}$"
)
# A line that is only a call to follow an account: "Follow us @GazetteNews on Twitter.",
# "Follow Jane Smith on X: @jsmith", "Follow the Gazette on Facebook, Instagram and X." Who
# is followed (us, a capitalised name, a handle), then only handles, platforms and the words
# between them: "Follow the money, investigators said." names none and stays.
_PLATFORM = (
    r"(?:@\w{1,30}|(?i:twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|youtube|"
    r"mastodon|snapchat|whatsapp|telegram|flipboard|google news))"
)
_FOLLOW_LINE = re.compile(
    r"^Follow (?:us|me|him|her|them|@\w{1,30}|(?:the |our )?[A-Z][\w'’.&-]*"
    r"(?: (?:[A-Z][\w'’.&-]*|of|de|the)){0,5})"
    r"(?:\s*(?:,|:|/|and|or|&|on|at|via|for (?:more|the latest|updates|news|breaking)"
    rf"[^.!?@\n]{{0,40}}?)?\s*(?<=[\s:,/]){_PLATFORM}\b)+"
    r"(?: for (?:more|the latest|updates|news|breaking)[^.!?@\n]{0,40})?\s*[.!…]*$"
)
# A correction, clarification or editor's note: the newsroom speaking about its own article,
# not the story. Read as a fact it cited the figure it retracts ("Correction: An earlier version
# of this article misstated the cost as 15 million." backed a draft's "will cost 15 million").
# It starts its line: a label ("Correction:", "Clarification (March 3):", "Editor's note:", or
# the label alone or with a date on a line before the note), an earlier version of this article
# saying something, or this article having been updated or corrected. A story about a
# correction ("The minister issued a correction on Tuesday.", "Corrections officers said ...")
# has no label and no "this article": it stays. "This report" is left out: a story may be about
# an earlier version of a report. A note may be set in emphasis or brackets ("*Correction: ...*",
# "[Clarification: ...]") and its label dated ("CORRECTION, 14 March: This story previously
# stated ..."): at the top of a story such a note led its blurb, the figure it retracts quoted.
_ARTICLE_WORD = (
    r"(?:article|story|post|blog post|piece|column|item|headline|caption|photo caption|"
    r"graphic|video|newsletter|interview)"
)
_NOTE_START = re.compile(
    r"(?i)^[*_\[(]{0,3}\s*(?:"
    r"(?:corrections?|clarifications?|editor['’]?s['’]? notes?)[*_]{0,2}"
    # its date in brackets or after a comma or dash: "(March 3)", ", 14 March", " - 3/14/2025"
    r"(?:\s*\([^()]{0,40}\)|\s*[,—–-]\s*(?=[^:\n]{0,30}?\d)[\w ,./-]{1,30}?(?=\s*[*_]{0,2}\s*:))?"
    r"[*_]{0,2}(?:\s*[:—–]\s*(?=\S)|\s*:?$)"
    r"|(?:(?:because of|due to) an? [\w -]{1,30}errors?,?\s+)?an? (?:earlier|previous|prior) "
    rf"version of this {_ARTICLE_WORD},? (?:(?:also|incorrectly|mistakenly|wrongly) )?"
    r"(?:misstated|misspelled|misidentified|misquoted|misattributed|misreported|mischaracterized|"
    r"said|stated|reported|gave|described|referred|included|omitted|quoted|identified|"
    r"attributed|contained|was|had|incorrectly|mistakenly|wrongly)\b"
    rf"|this {_ARTICLE_WORD} (?:has been|was|is being) (?:updated|corrected|amended|revised|"
    r"changed|edited|clarified|refiled)\b"
    rf"|this {_ARTICLE_WORD} (?:originally|previously|incorrectly|mistakenly|wrongly) "
    r"(?:said|stated|misstated|reported|gave|identified|described|referred)\b"
    r")"
)
# The print edition's note closing a web story (The New York Times): "A version of this article
# appears in print on March 3, 2025, Section A, Page 1 of the New York edition with the
# headline: ...". Where the story ran, not what happened: dropped wherever it stands.
_IN_PRINT = re.compile(
    r"^A version of this (?:[a-z]+ )?[a-z]+ (?:appears|appeared) in print on\b.{0,400}$"
)
# A live blog: entries that open with the time they were posted ("09:05 Good morning ...",
# "9.05am BST", "15:50 BREAKING: ..."), or whose time stands on a line of its own. With at
# least LIVE_BLOG_MIN_ENTRIES lines so (one "2:16pm: ..." update is no blog) the times are cut:
# a blurb quoted "09:05 Good morning and welcome to our live coverage ...".
LIVE_BLOG_MIN_ENTRIES = 3
_ENTRY_TIME = re.compile(
    r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?i:[ap]\.?m\.?))?"
    r"(?:\s?(?:GMT|BST|CET|CEST|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|AEST|AEDT|IST))?"
    r"(?:\s*(?:--|[:|—–-])\s*|\s+|$)(?=[\"“‘'A-Z0-9]|$)"
)
# A flash label before an entry or a paragraph ("BREAKING: Mendes says ...", "UPDATE: 9 p.m. --
# The White House said ..."), and a time after it: the news is what follows.
_NEWS_LABEL = re.compile(
    r"^(?:BREAKING(?: NEWS)?|Breaking(?: [Nn]ews)?|UPDATED?|Update[d]?|JUST IN|Just in|LATEST)"
    r"\s*(?:--|[:|—–-])\s+(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2},? )?"  # "UPDATE - May 30, 10 p.m.:"
    r"\d{1,2}(?:[:.]\d\d)?\s?(?i:[ap]\.?m\.?)(?:\s?[A-Z]{2,4})?"
    r"\s*(?:--|[:—–-])\s*)?(?=\S)"
)
# A live blog's greeting and sign-off ("Good morning and welcome to our live coverage of the
# talks ...", "Welcome to our live blog.", "This live blog is now closed."): the blog speaking
# of itself, not the news. Its sentence is cut where a line starts with it.
_LIVE_META = re.compile(
    r"(?i)^(?:(?:(?:good (?:morning|afternoon|evening)|hello|hi)(?: (?:everyone|all))?[,!.]?"
    r"\s+(?:and\s+)?)?welcome (?:back )?to (?:our|the|this|today['’]s)\b[^.!?]{0,40}?"
    r"\blive(?: ?blog|\b)[^.!?]{0,200}"
    r"|(?:this|our|the) live (?:blog|coverage|page|updates?)\b[^.!?]{0,40}?\b(?:is (?:now )?"
    r"(?:closed|over|paused|ending|finished)|has (?:now )?(?:ended|closed|finished)|"
    r"(?:will )?(?:ends?|closes?) (?:here|now))\b[^.!?]{0,120}"
    r"|we(?:['’]re| are| will be| have)? (?:now )?(?:pausing|closing|ending|wrapping up|paused|"
    r"closed|ended) (?:our|this|the) live (?:blog|coverage|updates)\b[^.!?]{0,120}"
    r")[.!…]*\s*"
)
# The sign-off's other sentences, before or after the one naming the blog: "That's it from us
# (for today).", "Thanks for following along.", "Goodbye for now." Cut only beside a
# ``_LIVE_META`` sentence of the same line, or when nothing else is left on it.
_SIGN_OFF_WORDS = re.compile(
    r"(?i)^(?:that['’]s (?:it|all) (?:from (?:us|me)|for (?:today|now|tonight))\b[^.!?]{0,60}"
    r"|(?:thanks|thank you)(?: (?:so|very) much)? for (?:following|reading|joining us|"
    r"being with us)\b[^.!?]{0,60}"
    r"|(?:good ?bye|bye) for now\b[^.!?]{0,40}"
    r")[.!…]*\s*"
)
_RIGHTS_HINT = re.compile(r"©|opyright|eserved|\([cC]\)|ay not be")  # one is in each
_RIGHTS_AFTER = re.compile(r"(?i)(?<=[.!?”\"’])\s+(?=©|copyright\s*(?:©|\(c\)|\d{4}\b))")
# Lines followed by a headline that belongs to another article: drop both.
_DROP_WITH_NEXT = re.compile(r"^\s*(previous|next) (article|post|story)\s*$", re.IGNORECASE)
# Lines after which nothing belongs to the article any more.
# A press release's end ("###", "-ends-", "- ENDS -", "-30-") and what follows it ("Notes to
# editors", the "About Northwind Energy" profile of the sender, a company's boilerplate with
# figures the engine took for news) are the sender's, not the story.
_CUT_FROM = re.compile(
    r"^\s*(related posts?|related articles?|you may also like|more from .{0,40}|"
    r"leave a (reply|comment).*|source link.*|comments?|"
    rf"{_RELEASE_END})\s*$",
    re.IGNORECASE,
)
# Cut from only in a press release (a text with its header, end mark or contact block): a
# feature's "About the author" or a news story's subheading "About Ukraine" ends nothing.
_RELEASE_CUT_FROM = re.compile(
    r"^\s*(notes? (?:to|for) editors:?|"
    r"(?-i:About (?:the )?[A-Z][\w&'’-]*(?: (?:[A-Z&][\w.&'’-]*|of|and|for|the)){0,5}):?)\s*$",
    re.IGNORECASE,
)
_RELEASE_SIGN = re.compile(rf"(?i)^\s*(?:{_RELEASE_HEAD}|(?:{_RELEASE_END})\s*$)")
# A press release's contact block: its label ("Media contact:", "Press enquiries: Jane Doe,
# 0113 496 0123", "For more information, contact:") and the lines of its paragraph after it.
_CONTACT_LABEL = re.compile(
    r"(?i)^(?:(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries|relations)"
    r"|contacts?|for (?:further|more) information(?:,? (?:please )?contact)?)\s*:"
)
# A line that only gives a way to reach someone: a phone number, an e-mail or web address and
# their labels ("Tel: +44 (0)113 496 0123", "press@northwind.example.com").
_REACH_LINE = re.compile(
    r"(?i)^(?:(?:tel|telephone|phone|mobile|mob|cell|fax|email|e-mail|web|[tmefw])\s*[:.]?\s*"
    r"|[\s|/,;]+)*(?:\+?\(?\d[\d ()./-]{6,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+)(?:(?:\s*[|/,;]\s*|\s+)(?:(?:tel|phone|mobile|email|e-mail|web|"
    r"[tmefw])\s*[:.]?\s*)?(?:\+?\(?\d[\d ()./-]{6,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+))*\s*$"
)


def load_articles(
    paths: str | Path | Iterable[str | Path], *, limits: Limits | None = None
) -> list[Article]:
    """Read articles from files, directories (recursively), URLs, feeds or ``-`` for stdin.

    Args:
        paths: one path or several; ``.txt``, ``.md``, ``.html``, ``.json``, ``.jsonl``,
            RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``), ``http(s)://`` page or feed URLs.
        limits: the size limits (default: ``Limits()``, 50 MB per file, 20,000 articles).

    Returns:
        The cleaned articles, in the order given (directories sorted by name). Files this tool
        wrote (a briefing saved among the articles) are skipped.

    Raises:
        InputError: a path is missing, not a regular file, empty, binary, undecodable,
            malformed, past a size limit, or has no articles; or no path is given (``[]``),
            as ``briefing([])`` refuses it: a caller loads articles to summarise them, and an
            empty list would only fail later, further from its cause. ``iter_articles``
            streams what there is and yields nothing for ``[]``.
    """
    if isinstance(paths, Iterable) and not isinstance(paths, (str, Path, bytes, dict)):
        paths = list(paths)  # read once: a generator is empty after iter_articles
        if not paths:
            raise InputError("no paths given; pass article files, directories or URLs")
    articles = list(iter_articles(paths, limits=limits))
    if not articles:  # the only files given were ones this tool wrote
        shown = paths if isinstance(paths, (str, Path)) else ", ".join(map(str, paths))
        raise InputError(
            f"{printable_line(str(shown))}: no articles (files this tool wrote are skipped)"
        )
    return articles


OnBadRecord = Callable[[InputError], None]


def _not_a_path(value: object) -> str:
    return (
        f"expected a path or URL (str or pathlib.Path), or a list of them, not "
        f"{type(value).__name__}"
    )


def iter_articles(
    paths: str | Path | Iterable[str | Path],
    *,
    limits: Limits | None = None,
    on_bad_record: OnBadRecord | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Article]:
    """``load_articles`` one article at a time (JSON Lines are streamed, never read whole).

    Args:
        on_bad_record: when given, an unusable record of a ``.json`` list or ``.jsonl`` file
            (a malformed line, no 'text'), or an unusable file of a directory, is passed to it
            and skipped, and reading goes on with the next one: a run that writes each result
            as it is ready (``blurb``) keeps every good record. Without it, such a record is
            raised.
        skipped: when given, gets the files of the directories read that are not articles
            (``sources.input_files``), for the caller to say once for its whole run; without
            it they are said here, one warning once every path is read.
    """
    limits = limits or Limits()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    elif not isinstance(paths, Iterable) or isinstance(paths, (bytes, dict)):
        raise InputError(_not_a_path(paths))
    count = 0
    not_articles: list[str] = [] if skipped is None else skipped
    for raw in paths:
        if not isinstance(raw, (str, Path)):  # str(5) was read as a file named "5"
            raise InputError(_not_a_path(raw))
        for article in _load_path(str(raw), limits, on_bad_record, not_articles):
            count += 1
            if count > limits.max_articles:
                raise limits.too_many()
            yield article
    if skipped is None and not_articles:
        log.warning("%s", skipped_note(not_articles))


def filter_by_date(
    articles: list[Article], *, since: datetime | None, until: datetime | None
) -> tuple[list[Article], list[str]]:
    """Keep the articles published in ``[since, until)``; undated ones are kept too, and one
    dated by a day alone (``Article.published_day``) when any part of that day is in it.

    Returns:
        The kept articles, and notes for the result's ``problems`` (how many were left out,
        how many were kept without a date).
    """
    if since is None and until is None:
        return articles, []
    kept = [
        a
        for a in articles
        if a.published is None or in_window(a.published, since, until, day=a.published_day)
    ]
    notes = []
    if len(kept) < len(articles):
        left_out = counted(len(articles) - len(kept), "article")
        notes.append(f"{left_out} {OUTSIDE_DATES} (kept: published {window_text(since, until)})")
    undated = sum(1 for a in kept if a.published is None)
    if undated:
        notes.append(f"{counted(undated, 'article')} with no publication date kept")
    return kept, notes


def _sentence(sid: str, text: str, index: int, paragraph: int, speaker: str | None) -> Sentence:
    """A sentence, its ``speaker`` given only when it has one (None is the default). Pydantic
    keeps a set of the fields given to each model: five names take a 728-byte set, four a
    216-byte one, and the answer's speaker made that 130 MiB more over the sentences of
    10,000 articles. The model's fields and every output are the same either way."""
    if speaker is None:
        return Sentence(id=sid, text=text, index=index, paragraph=paragraph)
    return Sentence(id=sid, text=text, index=index, paragraph=paragraph, speaker=speaker)


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: datetime | str | None = None,
    file: str | None = None,
    markdown: bool = False,
) -> Article:
    """Build an Article from raw text: clean it, find the title, split sentences.

    An HTML body (a CMS's "<p>...</p><p>...</p>") is read as its text, not its tags, as
    ``blurb()`` reads a str.

    A ``url`` that is not an absolute http(s) URL (``javascript:``, ``data:``, a front
    matter's relative ``/about/``) is left out with a logged warning, as a file's unreadable
    date is: the article is still read (one bad field of a CMS export should not cost its
    blurb), and no output carries a link that a CMS plugin could turn into a script.

    Raises:
        InputError: ``text`` is not a str, is HTML with no text, or nothing is left after
        cleaning; ``title``, ``url`` or ``source`` is not a str, or ``published`` not a date.
    """
    if not isinstance(text, str):
        raise InputError(f"make_article takes the article's text (str), not {type(text).__name__}")
    for name, value in (("title", title), ("url", url), ("source", source), ("file", file)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"make_article: {name} must be a str, not {type(value).__name__}")
    day = names_a_day(published)  # "2025-03-18": the whole day to a date window
    try:
        when = coerce_datetime(published)
    except (ValueError, OverflowError, OSError) as exc:
        raise InputError(f"make_article: published: {exc}") from None
    if when is not None and not isinstance(when, datetime):
        raise InputError(f"make_article: published must be a date, not {type(when).__name__}")
    if not markdown:
        text, title = article_body(text, file or "the article text", title)
    kind = _byline_kind(text)  # before cleaning drops the byline ("By Jo Lee, Columnist")
    lines = clean_lines(text, markdown=markdown, title=title)
    section, lines = _without_kind_marks(lines)
    signed, lines = _without_author_note(lines)
    if title is None:
        title, lines = _split_title(lines)
    else:
        title = " ".join(clean_characters(title).split()) or None
    # a page saved as text repeats its headline (the <title>, then the <h1>) or gives a second
    # one: either was the story's first "sentence", a bullet that echoed the story's heading
    lines = _drop_repeated_title(lines, title)
    paragraphs = _paragraphs(lines)
    shown = printable_line(file or "input")
    if not paragraphs:
        raise InputError(f"{shown}: no article text found (empty after cleaning)")
    if not any(ch.isalnum() for para in paragraphs for ch in para):
        # "---" (an empty front matter), "#", "...": a blurb of it was "(no claim passed
        # verification)" with exit 0, as if the verifier had refused an article
        raise InputError(f"{shown}: no article text found (not one word in it)")
    body = "\n\n".join(paragraphs)
    if title and (label := _LABEL_KICKER.match(title)):  # "Opinion | Why ...", "ANALYSIS-..."
        kind, title = kind or _KINDS[_label_of(label.group(1))], title[label.end() :]
    title = strip_kicker(title) if title else title  # "OPINION | Why ...", "UPDATE 2-Oil ..."
    recased = bool(title and is_shouting(title))
    if title and recased:
        title = recase_title(title, body)
    article_id = content_id(body)
    asks = {str(x) for x in lines if isinstance(x, _Ask)}
    units = [(p, unit) for p, para in enumerate(paragraphs) for unit in para.split("\n")]
    speakers = _turn_speakers([u for _, u in units], asks)
    pieces = [
        (p, t, who)
        for (p, unit), who in zip(units, speakers, strict=True)  # a line: a unit (_paragraphs)
        for t in _unit_sentences(unit, ask=unit in asks)
    ]
    split = [
        (pieces[i][0], text, pieces[i][2]) for i, text in join_quotations([t for _, t, _ in pieces])
    ]
    ids = sentence_ids(article_id, [t for _, t, _ in split])
    sentences = [
        _sentence(sid, text_, n, p, who)
        for n, (sid, (p, text_, who)) in enumerate(zip(ids, split, strict=True))
    ]
    # untrusted as the text; a blank outlet name or URL (a CMS's empty field, "  ") is none:
    # it was listed as "—    —"
    link = strip_controls(url or "").strip() or None
    if link is not None and web_url(link) is None:
        log.warning("%s: ignoring the url: not an http:// or https:// URL", shown)
    outlet = Outlet(
        name=" ".join(strip_controls(source or "").split()) or None,
        url=link,  # Outlet keeps only a web link (models.web_url)
        file=printable_line(file) if file is not None else None,
    )
    return Article.model_validate(
        {
            "id": article_id,
            "title": title,
            "title_recased": recased,
            "kind": kind or section or signed or _lead_kind(sentences),
            "outlets": [outlet],
            "published": when,
            "published_day": day and when is not None,
            "sentences": sentences,
        }
    )


# What an outlet calls a piece that argues or interprets rather than reports (cues.json):
# its section's labels ("Opinion", "Comment", "Editorial", "Analysis") and its writers' roles
# ("Columnist", "Opinion contributor"). Matched as whole words, any case.
_KINDS: dict[str, Kind] = {
    **{label: "opinion" for label in cue_words("opinion_labels")},
    **{label: "analysis" for label in cue_words("analysis_labels")},
}


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, longest first, any run of spaces between words."""
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )


def _label_of(found: str) -> str:
    """A matched label as ``_KINDS`` keys it: "NEWS  Analysis" -> "news analysis"."""
    return " ".join(found.lower().split())


_LABELS = _alternation(_KINDS)
# A section label on a line of its own, before the headline: "Opinion", "OPINION | Transport",
# "Comment › Politics", "Analysis". A blurb's title was "Opinion | Transport", the headline
# under it quoted as the story's first sentence.
# A section's name after the label is a word or three: "Opinion | Council must build the
# bridge" is a headline with its kicker (``_LABEL_KICKER``).
_SECTION_LINE = re.compile(
    rf"(?i)^({_LABELS})(?:\s*[|/:>›»·•–—-]\s*[^\W\d][\w&'’-]*(?:\s+[\w&'’-]+){{0,2}})?:?$"
)
# The label as a headline's kicker: "Opinion | Why ...", "Comment: ...", "ANALYSIS-Fed ...".
_LABEL_KICKER = re.compile(
    rf"(?i)^({_LABELS})(?:\s*[|:]\s*|\s+[–—-]\s+|(?-i:(?<=[A-Z])-))(?=[\"“‘'\w])"
)
_ROLES = _alternation(cue_words("opinion_roles"))
# A byline naming an opinion writer's role: "Columnist", "Helen Marsh, Columnist", "By Jo Lee |
# Opinion contributor", "Guest columnist". Its name line before a role alone goes with it.
_ROLE_LINE = re.compile(
    rf"(?i)^(?:by\s+)?(?:[^\W\d][\w.'’-]*,?\s+){{0,5}}(?:[|•·—–-]\s*)?"
    rf"(?:(?:guest|contributing|senior|associate|political|chief|staff|regular)\s+)?"
    rf"(?:{_ROLES})s?(?:\s*[|•·,]\s*[^.!?]{{0,40}})?$"
)
_NAME_LINE = re.compile(r"^(?:By\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
KIND_HEAD_LINES = 8  # a section label or a byline stands among a text's first lines


def _byline_kind(text: str) -> Kind | None:
    """Opinion, when a byline among the text's first lines names an opinion writer's role
    ("By Helen Marsh, Columnist"): cleaning drops such a byline, so it is read first."""
    head = [line.strip(" *_") for line in text[:2000].split("\n") if line.strip()]
    for line in head[:KIND_HEAD_LINES]:
        if len(line) <= BYLINE_MAX_CHARS and _ROLE_LINE.match(line):
            return "opinion"
    return None


def _without_kind_marks(lines: list[str]) -> tuple[Kind | None, list[str]]:
    """The kind a section label or a writer's role among the first lines marks (see
    ``_SECTION_LINE``, ``_ROLE_LINE``), and the lines without those marks: a label is no
    headline and a role no sentence."""
    kind: Kind | None = None
    drop: set[int] = set()
    seen = 0
    for k, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > KIND_HEAD_LINES or len(line) > BYLINE_MAX_CHARS:
            break
        if isinstance(line, _Item):
            continue
        if label := _SECTION_LINE.match(line):
            kind = kind or _KINDS[_label_of(label.group(1))]
            drop.add(k)
        elif _ROLE_LINE.match(line):
            kind = "opinion"
            drop.add(k)
            before = max((j for j in range(k) if lines[j] and j not in drop), default=None)
            if before is not None and _NAME_LINE.match(lines[before]):
                drop.add(before)  # "Helen Marsh" over "Columnist"
    if not drop:
        return None, lines
    return kind, [line for k, line in enumerate(lines) if k not in drop]


# A columnist's or a guest writer's note at the article's end (its last lines only): "Jane Doe
# is a columnist for the Example Times. Her views are her own.", "— John Roe writes about
# housing.", "The writer is a professor of economics at Leeds." It says who wrote the piece,
# not what happened: quoted, it was a blurb's last sentence. One that names an opinion role,
# says the views are the writer's own or presents "the writer" is the outlet marking a column.
_NOTE_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|la|del|da|di)){1,4}"
_WRITER_ROLES = _alternation(
    [
        *cue_words("opinion_roles"),
        "contributor",
        "contributing writer",
        "contributing editor",
        "freelance writer",
        "freelance journalist",
        "writer",
        "author",
    ]
)
_VIEWS_OWN = (
    r"(?:[Tt]he |(?:[Hh]is|[Hh]er|[Tt]heir) )?(?:opinions|views)(?: expressed)?"
    r"(?: (?:here|in this \w+))? (?:are|is) (?:(?:his|her|their|the (?:author|writer)['’]s) own"
    r"|solely|those of)\b"
)
_AUTHOR_NOTE = re.compile(
    rf"^[*_]*(?:(?P<dash>[—–]|--?)\s*{_NOTE_NAME}\b"
    rf"|(?P<writer>(?:The|This) (?:writer|author|columnist)),? (?:is|was|has|teaches|works)\b"
    rf"|{_NOTE_NAME},? (?:is|was) (?:a|an|the) (?:[\w-]+ ){{0,3}}?(?P<role>(?i:{_WRITER_ROLES}))s?"
    rf" (?:for|at|with|of|on)\b"
    rf"|{_NOTE_NAME} (?:writes|reports|blogs) (?:about|on|for|from|a (?:weekly|monthly|regular))\b"
    rf"|(?P<views>{_VIEWS_OWN}))"
)
_VIEWS_LINE = re.compile(rf"(?:^|[.!?]\s+){_VIEWS_OWN}")
AUTHOR_NOTE_MAX_CHARS = 300
AUTHOR_NOTE_LINES = 3  # the note's lines at the end: "Jane Doe is ..." / "Her views are ..."


def _without_author_note(lines: list[str]) -> tuple[Kind | None, list[str]]:
    """The kind a writer's note at the end of the text marks (``_AUTHOR_NOTE``: an opinion
    role, "views are her own", "The writer is ..."; else None: "John Roe writes about housing"
    could close a report too), and the lines without that note."""
    kind: Kind | None = None
    end = len(lines)
    for _ in range(AUTHOR_NOTE_LINES):
        while end and not lines[end - 1]:
            end -= 1
        line = lines[end - 1] if end > 1 else ""  # never the text's only line
        note = _AUTHOR_NOTE.match(line) if len(line) <= AUTHOR_NOTE_MAX_CHARS else None
        if note is None or isinstance(line, _Item):
            break
        role = (note.group("role") or "").lower()
        explicit = role in cue_words("opinion_roles") or _VIEWS_LINE.search(line)
        if explicit or note.group("writer") or note.group("views"):
            kind = "opinion"
        end -= 1
    if end == len(lines) or not any(lines[:end]):
        return None, lines
    return kind, lines[:end]


# A kicker before the lead, after its dateline: "WASHINGTON — Analysis: The Senate ...".
_LEAD_KICKER = re.compile(rf"(?i)(?:^|[\s—–-])({_LABELS})\s*(?:[|:]|-)\s*$")


def _lead_kind(sentences: list[Sentence]) -> Kind | None:
    """The kind the first sentence's kicker names (``text.strip_dateline`` hides it)."""
    if not sentences:
        return None
    first = sentences[0].text
    kicker = first[: len(first) - len(strip_dateline(first))]
    found = _LEAD_KICKER.search(kicker) if kicker else None
    return _KINDS[_label_of(found.group(1))] if found else None


def _unit_sentences(unit: str, *, ask: bool = False) -> list[str]:
    """A unit's sentences; an interviewer's turn (``ask``) is one, whatever it holds (up to
    ``QUOTE_MAX_CHARS``), so the engine reads it whole as a question."""
    if len(unit) <= QUOTE_MAX_CHARS and (ask or is_interviewer_turn(unit)):
        return [unit]
    return join_fragments(unit, split_sentences(unit))


# A title before a name, never the end of a sentence: the splitter's cut after "former Sens."
# or "the mission commander, Lt." is undone ("Jr.", "St.", "No." can end one: not here).
_TITLE_END = re.compile(
    r"(?:^|[\s(])(?:Sens?|Reps?|Govs?|Gen|Lt|Col|Cmdr|Maj|Capt|Sgt|Adm|Cpl|Pvt|Rev|Msgr|Dr|Drs|"
    r"Mr|Mrs|Ms|Messrs|Prof|Atty|Supt|Insp|Det)\.$"
)
# An abbreviation with a dot or a hyphen inside ("N.C.A.A.", "F.W.", "R-Ind."): a cut after it
# is undone when the next piece starts in lower case ("... the N.C.A.A." / "men's tournament").
_INNER_ABBREVIATION = re.compile(r"(?:^|\s)\(?[\w’'-]*\w[.-][\w.-]*\.$")


_DOMAIN_END = re.compile(r"(?:com|org|net|gov|edu)\b")
# A quoted question or exclamation ends "?”" or "!”" without ending the sentence when its
# attribution follows: "“How about the mayor starts?” Mr. Trump was quoted as saying, ..." was
# cut in two, and the second half, a claim of its own, quoted nobody. The attribution is a
# name (up to four capitalised words) and a verb of saying with at most two words before a
# comma or a stop, so "“Why?” Officials said the talks failed." stays two sentences.
_QUOTED_ASK = re.compile(r"[?!][”\"’']$")
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|asked|asks|added|adds|wrote|writes|replied|"
    r"recalled|tweeted|told\s+\w+|(?:was|is)\s+quoted\s+as\s+saying)(?:\s+[\w.’'-]+){0,2}\s*[,.;:]"
)


def join_fragments(paragraph: str, sentences: list[str]) -> list[str]:
    """A paragraph's sentences with the splitter's cuts inside one undone: after a title
    ("Lt." / "Col. Curtis Brown"), inside a party label ("Sen. Rand Paul (R-Ky." / "), who
    ..."), after an abbreviation before a lower-case word, inside a word ("TMZ." / "com").
    Joined exactly as in the text."""
    out: list[str] = []
    pos, prev_end = 0, -1
    for text in sentences:
        at = paragraph.find(text, pos)
        gap = paragraph[prev_end:at] if at >= 0 and prev_end >= 0 else " "
        gap = gap if not gap.strip() else " "
        if out and _continues(out[-1], text, inside_word=not gap):
            out[-1] = f"{out[-1]}{gap}{text}"
        else:
            out.append(text)
        prev_end = at + len(text) if at >= 0 else -1
        pos = max(pos, prev_end)
    return out


def _continues(before: str, text: str, *, inside_word: bool) -> bool:
    """``text`` is the rest of the sentence ``before``, cut by the splitter (``inside_word``:
    with no space between them, as in "TMZ.com")."""
    if text[:1] in ")],;" or (inside_word and (text[:1].islower() or text[:1].isdigit())):
        return True
    if _DOMAIN_END.match(text):  # "TMZ. com", a web address in text rebuilt from tokens
        return True
    if _QUOTED_ASK.search(before) and (text[:1].islower() or _ATTRIBUTION.match(text)):
        return True
    if text[:1].isupper():
        return bool(_TITLE_END.search(before))
    return text[:1].islower() and bool(_INNER_ABBREVIATION.search(before))


# A quotation longer than one sentence is one citable unit, up to this much.
QUOTE_MAX_SENTENCES = 6
QUOTE_MAX_CHARS = 800


def join_quotations(sentences: list[str]) -> list[tuple[int, str]]:
    """An article's sentences, with a quotation that runs over several sentences (or
    paragraphs) joined into one, each with the index of its first sentence: a claim then
    never opens a quote it does not close ("“I think outcomes could be better.") nor starts
    inside one ("... seconds,” said Ammon."). Joined only when the quote closes within
    ``QUOTE_MAX_SENTENCES`` sentences and ``QUOTE_MAX_CHARS``."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(sentences):
        unit, end = sentences[i], i
        if _open_quote(unit):
            joined = unit
            for k in range(i + 1, min(len(sentences), i + QUOTE_MAX_SENTENCES)):
                joined = f"{joined} {sentences[k]}"
                if len(joined) > QUOTE_MAX_CHARS:
                    break
                if not _open_quote(joined):
                    unit, end = joined, k
                    break
        out.append((i, unit))
        i = end + 1
    return out


def _open_quote(text: str) -> bool:
    """A quotation is still open at the end of ``text``. A closing mark of either kind closes
    the innermost open quotation (web pages mix them: “will not cave"); an opening mark of
    the kind already open continues it (a quotation over several paragraphs reopens each
    one: "“A. “B. C.” she said." is one quotation), one of the other kind nests. A straight
    mark opens after a space or a bracket and closes anywhere else."""
    if '"' not in text and "“" not in text and "”" not in text:
        return False
    stack: list[str] = []
    for match in _QUOTE_MARK.finditer(text):
        mark, at = match.group(0), match.start()
        if mark == '"':
            before = text[at - 1] if at else " "
            after = text[at + 1 : at + 2]
            opens = (before.isspace() or before in "([{—–-") and not (after.isspace() or not after)
        else:
            opens = mark == "“"
        if not opens:
            if stack:
                stack.pop()
        elif not stack or stack[-1] != mark:
            stack.append(mark)
    return bool(stack)


_QUOTE_MARK = re.compile(r'["“”]')


def content_id(text: str) -> str:
    """A short, stable hash of normalised text."""
    norm = " ".join(text.split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:10]


def clean_lines(text: str, *, markdown: bool = False, title: str | None = None) -> list[str]:
    """Remove web boilerplate line by line; blank lines are kept as paragraph breaks.
    ``title``: the article's headline when given apart from its text (a page's, a record's),
    which a live blog's entries are matched against (``_order_entries``)."""
    text = clean_characters(text, markdown=markdown)
    out: list[str] = []
    skip_next_headline = False
    contact = False  # inside a press release's contact block (``_CONTACT_LABEL``)
    # any run of (Unicode) whitespace is one space
    collapsed = [" ".join(line.split()) for line in text.split("\n")]
    in_list = False  # the line before opened a list ("... items:") or was an item of one
    bold_asks = sum(1 for x in collapsed if _BOLD_ASK.match(x)) >= QA_MIN_TURNS
    _, interviewer = transcript_speakers(collapsed)
    interview = bold_asks or interviewer is not None or any(map(is_interviewer_turn, collapsed))
    release = any(  # a press release's header, end mark or contact block, anywhere
        _RELEASE_SIGN.match(x) or (":" in x and _CONTACT_LABEL.match(x)) for x in collapsed
    )
    live = (
        sum(1 for x in collapsed if _ENTRY_TIME.match(x) and not is_timestamp(x))
        >= LIVE_BLOG_MIN_ENTRIES
    )
    entries: list[tuple[str, int]] = []  # a live blog's entries: first line, minute posted
    posted: int | None = None  # the minute of the entry whose first line is still to come
    for at, stripped in enumerate(collapsed):
        sibling = at + 1 < len(collapsed) and collapsed[at + 1][:2] == stripped[:2] == "- "
        alone = _stands_alone(stripped, markdown=markdown, in_list=in_list or sibling)
        item = alone and _MD_LIST_MARKER.match(stripped) is not None
        in_list = item or (
            stripped.endswith(":") or (in_list and not stripped[:1].isupper())
        )  # an item's wrapped line, or a blank between items, keeps the list open
        bold = _BOLD_ASK.match(stripped) if bold_asks else None
        if alone and stripped.startswith("|"):
            # a table's row ("| Sunday | 65 | 50 | Rain likely |") or the rule under its
            # header: cells, not sentences; a blurb quoted "Sunday | 65 | 50 | Rain likely"
            continue
        if markdown:
            image = "![" in stripped
            stripped = strip_markdown(stripped)
            if image and not stripped:
                continue  # a line of images: nothing, not a paragraph break
        else:
            stripped = _BULLET.sub("", _LIST_MARKER.sub("", stripped) if alone else stripped)
        if live and (entry := _ENTRY_TIME.match(stripped)) and not is_timestamp(stripped):
            posted = _minute_of(entry.group())
        if stripped and (stripped := _live_entry(stripped, live=live)) == "":
            continue
        ask = interview and (
            is_interviewer_turn(stripped) or _asked_by(stripped, interviewer) or bool(bold)
        )
        if bold:
            stripped = bold.group("ask")  # "**Is attendance improving?**": the question
        if interview and not ask and (answer := _ANSWER_LABEL.match(stripped)):
            stripped = stripped[answer.end() :]  # the answer is what she said, not "A: No."
        if skip_next_headline and stripped:
            skip_next_headline = False
            continue
        if _CUT_FROM.match(stripped) or (release and _RELEASE_CUT_FROM.match(stripped)):
            break
        if _DROP_WITH_NEXT.match(stripped):
            skip_next_headline = True
            continue
        if _DROP_LINE.match(stripped) or is_timestamp(stripped):
            continue
        if contact and stripped:
            continue  # the block's name, role, phone and address lines
        contact = ":" in stripped and _CONTACT_LABEL.match(stripped) is not None
        if contact:
            continue
        if _reach_only(stripped):
            continue
        if stripped.startswith("A version") and _IN_PRINT.match(stripped):
            continue
        if "@" in stripped and _CONTACT_LINE.match(stripped):
            continue
        if stripped.startswith("Follow ") and _FOLLOW_LINE.match(stripped):
            continue
        if stripped.endswith(("reading", ".", "…", "→", "»", "›")) and "Continue" in stripped:
            stripped = _CONTINUE_AFTER.sub("", stripped)
        if _RIGHTS_HINT.search(stripped) and (stripped := _cut_rights(stripped)) == "":
            continue
        if " by " in stripped and (stripped := _WIRE_CREDITS.sub("", stripped)) == "":
            continue
        if "By " in stripped and _dated_byline(stripped):
            continue
        if "(" in stripped and (stripped := _cut_credits(stripped)) == "":
            continue
        if len(stripped) <= CAPTION_MAX_CHARS and (
            _CAPTION_LINE.match(stripped) or _SHARE_LINE.match(stripped)
        ):
            continue
        if ("redit" in stripped or stripped[:1] in "PI" or ": " in stripped) and (
            credit := _CREDIT.search(stripped)
        ):
            if len(stripped) <= CAPTION_MAX_CHARS:
                continue
            stripped = stripped[: credit.start()].rstrip()
        # "Source link" is sometimes glued to the tag list that follows it.
        if stripped.lower().startswith("source link"):
            break
        stripped = _DATE_PREFIX.sub("", stripped)
        if stripped[-1:].isalpha() or stripped.endswith(")"):
            stripped = _SIGN_OFF.sub("", stripped)
        # a headline run into its story's dateline ("... telescope CAPE CANAVERAL, Fla. (AP) --")
        pieces = split_glued_dateline(stripped)
        unit = _Item if item else _Alone
        first = len(out)
        if ask:  # a unit of its own, never run on into the answer after it
            out.append(_Ask(stripped))
        else:
            out.extend(unit(x) if alone and x else x for x in pieces)
        if posted is not None and (opening := next((x for x in out[first:] if x), None)):
            entries.append((opening, posted))
            posted = None
    return _order_entries(_without_feed_footer(_without_notes(out)), entries, title)


def _reach_only(line: str) -> bool:
    """The line only gives a phone number, an e-mail or a web address (``_REACH_LINE``)."""
    return (
        ("@" in line or "www." in line or "://" in line or line[-1:].isdigit())
        and len(line) <= CAPTION_MAX_CHARS
        and _REACH_LINE.match(line) is not None
    )


def _minute_of(time: str) -> int:
    """The minute of the day an entry time (``_ENTRY_TIME``) says: "9.05pm BST" -> 1265."""
    found = re.match(r"(\d{1,2})[:.](\d\d)\s?([apAP])?", time)
    assert found is not None  # _ENTRY_TIME matched it
    hour, minute, half = int(found.group(1)), int(found.group(2)), (found.group(3) or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


# A live blog's headline says its news ("Reeves freezes fuel duty and cuts national insurance by
# 2p – live"): the entry that shares at least this many of its word pairs (content terms, as the
# engine's concepts), more than any other entry does, is read first. Its newest entry is often a
# reaction to the news (a think tank's verdict), which led the blurb; pairs, not single words,
# so that a topic the headline shares with every entry ("Harbour City", "count") picks none.
HEADLINE_ENTRY_MIN_PAIRS = 2


def _order_entries(
    lines: list[str], entries: list[tuple[str, int]], title: str | None
) -> list[str]:
    """A live blog's entries newest first, as most sites list them, when its times mostly go
    forward: a blurb quotes what a reader meets first, and the extractive engine's position
    prior prefers it, so an oldest-first blog was summed up by its opening entries ("Early
    tallies show Hill ahead") and not its result. Then the entry its headline tells
    (``_headline_entry``), if one does, first of all. ``entries``: each entry's first line
    (the object in ``lines``) and the minute it was posted; ``title``: the headline given
    apart from the text, else the blog's first line is read as one. What stands before the
    first entry (the headline) stays first; an entry's lines keep their order."""
    firsts = {id(line) for line, _ in entries}
    starts = [k for k, line in enumerate(lines) if id(line) in firsts]
    if len(starts) < LIVE_BLOG_MIN_ENTRIES:
        return lines
    minutes = [minute for _, minute in entries]
    forward = sum(b > a for a, b in zip(minutes, minutes[1:], strict=False))
    # newest first already, or no order (a day's wrap): kept as listed
    turn = forward * 2 > len(minutes) - 1
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    head, preamble = _split_preamble(lines[: starts[0]])
    if turn:
        blocks.reverse()
    else:
        head, preamble = lines[: starts[0]], []
    headline = title or next((line for line in head if line), None)
    top = _headline_entry(blocks, headline) if headline else None
    if top is not None:
        blocks.insert(0, blocks.pop(top))
    elif not turn:
        return lines
    out = list(head)
    for block in blocks:
        out.extend([*block, ""] if block[-1] else block)  # each its own paragraph
    if any(preamble):
        out.extend(preamble)
    return out


def _headline_entry(blocks: list[list[str]], headline: str) -> int | None:
    """The index of the entry whose text tells what ``headline`` says (it shares
    ``HEADLINE_ENTRY_MIN_PAIRS`` of its word pairs, more than any other entry), when that is
    not the first entry already; None otherwise."""
    wanted = set(bigrams(content_terms(headline)))
    if len(wanted) < HEADLINE_ENTRY_MIN_PAIRS:
        return None
    shared = [len(wanted.intersection(bigrams(content_terms(" ".join(b))))) for b in blocks]
    best = max(range(len(blocks)), key=shared.__getitem__)
    runner_up = max(n for k, n in enumerate(shared) if k != best)
    if best == 0 or shared[best] < HEADLINE_ENTRY_MIN_PAIRS or shared[best] <= runner_up:
        return None
    return best


def _split_preamble(lines: list[str]) -> tuple[list[str], list[str]]:
    """What stands before a live blog's first entry: its headline (a first line shaped as one,
    kept first) and the preamble after it, older than every entry. A preamble looks ahead
    ("The chancellor will deliver her statement at 12.30pm"): once the entries say what
    happened it is the stalest text of the blog, and kept first it led the blurb."""
    first = next((k for k, line in enumerate(lines) if line), None)
    if first is None:
        return lines, []
    end = first + 1
    if not (end == len(lines) or not lines[end]) or not headline_shaped(lines[first]):
        return [], lines  # no headline of its own line: all of it is preamble
    return lines[:end], lines[end:]


def _live_entry(line: str, *, live: bool) -> str:
    """The line without what a live blog or a flash puts before the news: the entry's time
    (``live``: the text is a live blog), a "BREAKING:" or "UPDATE:" label, the blog's greeting
    or sign-off sentence. "" when nothing is left."""
    if live and (entry := _ENTRY_TIME.match(line)) and not is_timestamp(line):
        line = line[entry.end() :]
    if line[:1] in "BUJL" and (label := _NEWS_LABEL.match(line)):
        line = line[label.end() :]
        line = line[:1].upper() + line[1:]  # "Breaking: man charged ...": a headline's case
    rest = line
    while (words := _SIGN_OFF_WORDS.match(rest)) is not None:
        rest = rest[words.end() :]
    if "live" in rest.lower() and (meta := _LIVE_META.match(rest)):
        line = rest[meta.end() :]
        while (words := _SIGN_OFF_WORDS.match(line)) is not None:
            line = line[words.end() :]
    elif not rest:
        return ""
    return line


def _without_notes(lines: list[str]) -> list[str]:
    """The lines without the newsroom's notes on the article (corrections, clarifications,
    editor's notes: see ``_NOTE_START``), each with all its sentences ("Correction: An earlier
    version ... misstated the cost as 15 million. It is 9.5 million.") and the lines that go on
    from it: while the note's last line ends no sentence (a label or a date alone, "Correction:
    March 3, 2025", or a line wrapped mid-sentence), the next line is the note's too."""
    if not any(_NOTE_START.match(line) for line in lines):
        return lines
    out: list[str] = []
    note, before = False, ""
    for line in lines:
        if note and line and not isinstance(line, _Alone) and not _ends_sentence(before):
            before = line
            continue
        note = bool(line) and _NOTE_START.match(line) is not None
        if note:
            before = line
            continue
        out.append(line)
    return out


def _without_feed_footer(lines: list[str]) -> list[str]:
    """The lines without the footers a feed or a republisher puts at their end ("The post ...
    appeared first on ...", "This article was originally published on ..."): only there, where
    they say nothing of the story."""
    end = cut = len(lines)
    while True:
        while end and not lines[end - 1]:
            end -= 1
        if not end or not (
            _FEED_FOOTER.match(lines[end - 1]) or _REPUBLISHED.match(lines[end - 1])
        ):
            return lines[:cut]
        end = cut = end - 1


# Where a byline and its date meet: "By Jane Smith, Staff Writer | March 18, 2025 at 8:12
# a.m.", "By Jane Smith, March 19, 2025 8:12 p.m.", "May 2, 2013 — By Jane Smith".
_BYLINE_JOINT = re.compile(r"\s*[|•·,—–-]\s*|\s+")
BYLINE_MAX_CHARS = 160


def _dated_byline(line: str) -> bool:
    """The line is a byline on its own, or a byline and a publication stamp (either first)."""
    if line.startswith("By ") and _BYLINE.match(line):
        return True
    if len(line) > BYLINE_MAX_CHARS or not any(ch.isdigit() for ch in line):
        return False
    for joint in _BYLINE_JOINT.finditer(line):
        head, tail = line[: joint.start()], line[joint.end() :]
        if not head or not tail:
            continue
        if head.startswith("By ") and is_timestamp(tail) and _BYLINE.match(head):
            return True
        if tail.startswith("By ") and is_timestamp(head) and _BYLINE.match(tail):
            return True
    return False


def _cut_credits(line: str) -> str:
    """The line without the credits in brackets that stand where a sentence starts or ends."""
    out, at = [], 0
    for credit in _BRACKET_CREDIT.finditer(line):
        start = credit.start()
        if start and not (start >= 2 and line[start - 1] == " " and line[start - 2] in '.!?”"’'):
            continue  # "the bridge (Photo: ...)" ends no sentence: not a credit line's shape
        out.append(line[at:start])
        at = credit.end()
    return ("".join(out) + line[at:]).strip() if out else line


def _cut_rights(line: str) -> str:
    """The line without a rights notice: "" when it is one, its text before one it ends with."""
    if len(line) <= 2 * CAPTION_MAX_CHARS and _RIGHTS_LINE.match(line):
        return ""
    for after in _RIGHTS_AFTER.finditer(line):
        if _RIGHTS_LINE.match(line[after.end() :]):
            return line[: after.start()]
    return line


class _Alone(str):
    """A cleaned line that is a unit of its own whatever its punctuation (a list item, a table
    row, a heading, its marker gone): never joined to the lines around it."""

    __slots__ = ()


class _Ask(_Alone):
    """An interviewer's turn in a Q&A (``text.is_interviewer_turn``): one unit, its sentences
    never split (a question's premise cut from "Do you agree?" read as a claim)."""

    __slots__ = ()


# The interviewee's label in a Q&A ("A: ", "A. ", "Answer: "), cut in an article that has
# interviewer turns: without them "A. 38-caliber revolver was found" is a (mistyped) sentence.
_ANSWER_LABEL = re.compile(r"^(?:A[:.]|Answer:)\s+(?=\S)")

# A Q&A whose questions are bold lines of their own ("**Is attendance improving?**"), at least
# this many of them; or a transcript, its turns labelled with their speakers' names ("RUIZ:
# ...", "Tom Hale: ..."), each of two or more speakers this many times. A transcript's
# interviewer is the one speaker whose turns' sentences are mostly questions (``_mostly_asks``).
QA_MIN_TURNS = 2
_BOLD_ASK = re.compile(r"^(\*\*|__)(?P<ask>[^*_]{3,300}\?[\"”’]?)\1$")
_SPEAKER_LABEL = re.compile(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}): (?=\S)")
_QA_LABELS = frozenset({"Q", "A", "Question", "Answer"})  # the Q&A's own (``_ANSWER_LABEL``)
TRANSCRIPT_MIN_SHARE = 0.4  # of the lines from its first turn on: a transcript is mostly turns


def transcript_speakers(lines: Iterable[str]) -> tuple[frozenset[str], str | None]:
    """A transcript's answering speakers (their labels as written) and its interviewer (None
    when no one speaker mostly asks); no speakers when the text is no transcript (fewer than
    two speakers with ``QA_MIN_TURNS`` turns, or turns a small share of its lines)."""
    turns: dict[str, list[str]] = {}
    lines = [x for x in lines if x]
    first = None
    for k, line in enumerate(lines):
        label = _SPEAKER_LABEL.match(line)
        if label and label.group(1) not in _QA_LABELS:
            turns.setdefault(label.group(1), []).append(line)
            first = k if first is None else first
    speakers = {name for name, said in turns.items() if len(said) >= QA_MIN_TURNS}
    if first is None or len(speakers) < 2:
        return frozenset(), None
    if sum(map(len, turns.values())) < TRANSCRIPT_MIN_SHARE * (len(lines) - first):
        return frozenset(), None
    askers = [name for name in speakers if _mostly_asks(turns[name])]
    interviewer = askers[0] if len(askers) == 1 else None
    return frozenset(name for name in speakers if name != interviewer), interviewer


def _mostly_asks(turns: list[str]) -> bool:
    """At least half of the sentences of a speaker's turns are questions: an interviewer's
    ("Why did the union walk out?", a premise and its question). A sales agent who asks one
    question after each offer ("We offer plans for auto and home insurance. Do you have any
    insurance now?") states more than he asks: his turns are what he said, not questions; read
    as questions, they were no evidence for a summary of the call."""
    said = [s for turn in turns for s in split_sentences(_SPEAKER_LABEL.sub("", turn, count=1))]
    return 2 * sum(s.rstrip('"”’ ').endswith("?") for s in said) >= len(said) > 0


def _asked_by(line: str, interviewer: str | None) -> bool:
    """``line`` is a turn of a transcript's ``interviewer``."""
    label = _SPEAKER_LABEL.match(line) if interviewer else None
    return label is not None and label.group(1) == interviewer


def _turn_speakers(units: list[str], asks: set[str]) -> list[str | None]:
    """Who says each unit of a Q&A or a transcript: an answer's speaker (``Sentence.
    speaker``), None for a question (an ask: an interviewer's turn) and for what stands before
    the first question (the introduction, the outlet's own words). A transcript's answer is
    its label's speaker's until another label; a Q&A's (unlabelled answers after "Q:" or a
    bold question) the interviewee's, whom its introduction names (``_interviewee``); no one's
    when it names no one (the engine then never quotes it)."""
    first = next((k for k, u in enumerate(units) if u in asks), None)
    if first is None:
        return [None] * len(units)
    labels, _ = transcript_speakers(units)
    interviewee = None if labels else _interviewee(units[:first])
    out: list[str | None] = [None] * first
    current: str | None = None
    for unit in units[first:]:
        label = _SPEAKER_LABEL.match(unit)
        if unit in asks:
            current = None if labels else interviewee
            out.append(None)
            continue
        if labels and label:
            current = label.group(1) if label.group(1) in labels else None
        out.append(current or "")  # "": an answer, its speaker unknown
    return out


# A person's name in an interview's introduction: two to four capitalised words ("Sarah
# Whitfield", "Health Secretary Maria Lopes"), none a body (``text.BODIES``), a place's kind
# or a time.
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z’'-]+(?: (?:[A-Z][a-z’'-]+|[A-Z]\.)){1,3}(?![\w’'-])")
_NOT_PERSON = (
    BODIES
    | frozenset(
        """
        academy commission club trust bank city county state street road house centre center
        station port airport north south east west new the a an in on at of and for
        """.split()
    )
    | {w.lower() for w in (*MONTH_NAMES, *DAY_NAMES)}
)


def _interviewee(intro: list[str]) -> str | None:
    """The surname of the person an interview's introduction names first (``_NAME_RUN``), as
    the Q&A's answers are theirs; None when it names no one."""
    for unit in intro:
        for run in _NAME_RUN.finditer(unit):
            names = run.group().split()
            if not any(w.lower().strip("’'") in _NOT_PERSON for w in names):
                return names[-1]
    return None


class _Item(_Alone):
    """A list item, its marker gone: never a headline, whatever its case ("Mayor: Ana Ruiz (D)
    54%, Tom Hill (R) 46%")."""

    __slots__ = ()


# A list item's marker in plain text ("- ", "1. ", "2) "; "•" and a lone "*" are _BULLET's).
_LIST_MARKER = re.compile(r"^(?:[-+]|\d{1,2}[.)])\s+(?=\S)")
_MD_LIST_MARKER = re.compile(r"^(?:[-*+•·▪]|\d{1,2}[.)])\s+\S")


def _stands_alone(line: str, *, markdown: bool, in_list: bool = False) -> bool:
    """The line (whitespace collapsed, markers still on) is a list item, a table row or a
    Markdown heading: one unit, not part of a sentence run over lines. "- and then" is a dash
    in a wrapped sentence, unless a list is open ("items:" or an item before it)."""
    if _MD_LIST_MARKER.match(line):
        return in_list or line[:1] != "-" or not line[2:3].islower()
    if line.startswith("|") and line.count("|") >= 2:  # "| a | b |", "|---|:--:|", "| a | b"
        return True
    return markdown and re.match(r"#{1,6}\s", line) is not None


# -- characters: entities, wire-service conventions, whitespace ----------------------------------

# "&amp;", "&#8217;", "&AMP;" and TIPSTER typesetting codes ("&QL;", "&UR;", "&LR;").
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Wire editors' notes, not the story: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)".
_EDITOR_NOTE = re.compile(
    r"\((?:STORY CAN END HERE|(?:BEGIN|END) OPTIONAL|OPTIONAL (?:MATERIAL|ADD|TRIM))[^()]{0,60}\)"
)
# Wire editors' initials and slugs closing a story: "... last year. tt-ggl", "(vz/rr)".
_SIGN_OFF = re.compile(
    r"(?<=[.!?”\"'])[ \t]+"
    r"(?:\([a-z]{1,5}(?:[-/][a-z]{1,5}){0,3}\)|[a-z]{1,5}(?:[-/][a-z]{1,5}){1,3})[ \t]*$",
)
# Two apostrophes opening a quote (after a space or a bracket, before a word): ''goofed''.
# Each pattern here starts with a literal where it can, so the regex engine jumps to it.
_OPENING_APOSTROPHES = re.compile(r"''(?=[\w$£€(\[]| '\d)")
# Two backticks closing a quote, a typo the wire makes: "… welfare state,`` said White".
_CLOSING_BACKTICKS = re.compile(r"(?<=[\w.,!?;:])``(?=\s|$)")
# A quote inside a quote, both closing ("Why?' ''"), not two quotes side by side ("a.'' ''B").
_NESTED_CLOSING = re.compile(r"(?<!')' ''")
# Spaces inside curly quotes and around a possessive's "’" (text rebuilt from tokens).
_SPACED_OPENING = re.compile(r"“[ \t]+(?=\w)")
_SPACED_CLOSING = re.compile(r"([\w.,!?])[ \t]+”")
_SPACED_POSSESSIVE = re.compile(r"(\w)(?:[ \t]*’[ \t]+|[ \t]+’)(?=s\b)")
# Runs of spaces (tabs and Unicode spaces are made single spaces line by line, by str.split);
# zero-width spaces and BOMs.
_SPACES = re.compile("  +")
_INVISIBLE = re.compile(r"[\u200b\ufeff]")
# A bullet before a plain-text line ("* ", "• "); a "*" that pairs with another is emphasis.
_BULLET = re.compile(r"^(?:[•·▪]|\*(?![^\n]*\*))\s*")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?"
# The words a publication stamp is made of: "Published: Thursday, May 2, 2013, 1:32 PM EDT",
# "Updated 4:08 p.m. ET", "May 2, 2013 | 5:03pm", "14 June 2013".
_STAMP_WORD = re.compile(
    rf"(?i)^(?:{_MONTH}|{_WEEKDAY}|first|last|originally|article|story|published|updated|posted|"
    r"modified|"
    r"on|at|st|nd|rd|th|[ap]m|[ap]\.m|[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|jst|aest)$"
)
_DATE_SHAPE = re.compile(
    rf"(?i)\b{_MONTH}\b\.?|\b\d{{1,4}} ?[-/.] ?\d{{1,2}} ?[-/.] ?\d{{2,4}}\b"
)  # a month's name, or 2013-05-02, 08.07.2012, 11 / 28 / 05
# A date before the lead on the same line: "Saturday, March 26, 2005 Up to four times as many".
_DATE_PREFIX = re.compile(
    rf"^(?:(?i:{_WEEKDAY},?\s+{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}})|\d{{4}}/\d{{2}}/\d{{2}})"
    r"\s*(?=[A-Z][a-z]|[A-Z]\s)"
)


def clean_characters(text: str, *, markdown: bool = False) -> str:
    """Normalise an article's characters so sentences read as typeset: decode HTML entities
    (and drop the all-caps SGML codes of wire archives, which are typesetting, not text),
    turn the wire's ``quotes'' and `` _ `` dash into “quotes” and —, drop wire editors'
    notes, and collapse runs of spaces. Done at ingest, so every sentence a claim quotes is
    already clean and the exact-quote check compares like with like."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(text)
    # each pattern runs only when its text can be there: most articles need none of them
    if "&" in text:
        text = _ENTITY.sub(_decode_entity, text)
    if "\u200b" in text or "\ufeff" in text:
        text = _INVISIBLE.sub("", text)
    straight = '"' in text and "``" not in text  # quotes typed '"', with a stray '' among them
    if not markdown and "`" in text:  # in Markdown, `` opens code
        text = _CLOSING_BACKTICKS.sub("”", text)  # "state,`` said": a typo for ''
        text = text.replace("``", "“").replace("`", "'")
    if "''" in text:
        opening, closing = ('"', '"') if straight else ("“", "”")
        text = _NESTED_CLOSING.sub(f"'{closing}", text)  # a quote inside a quote, both closing
        text = _OPENING_APOSTROPHES.sub(lambda m: _opening_quote(m, opening), text)
        text = text.replace("''", closing)
    text = text.replace(" _ ", " — ")
    if "“ " in text or "“\t" in text:  # "“ Mean Girls ”": text rebuilt from tokens
        text = _SPACED_OPENING.sub("“", text)
    if " ”" in text or "\t”" in text:
        text = _SPACED_CLOSING.sub(r"\1”", text)
    if "’ s" in text or " ’s" in text:  # "She ’ s"
        text = _SPACED_POSSESSIVE.sub(r"\1’", text)
    if "(" in text:
        text = _EDITOR_NOTE.sub(" ", text)
    return _SPACES.sub(" ", text) if "  " in text else text


def _opening_quote(match: re.Match[str], opening: str) -> str:
    """'' opens a quote after a space, a bracket or a dash (or at the start); else it closes."""
    at = match.start()
    return opening if at == 0 or match.string[at - 1] in " \t\n([{—–-" else "''"


def _decode_entity(match: re.Match[str]) -> str:
    raw = match.group(0)
    decoded = html.unescape(raw)
    if decoded != raw:
        return decoded
    name = match.group(1)
    return " " if name.isalpha() and name.isupper() else raw


def is_timestamp(line: str) -> bool:
    """The line is only a publication date or time ("May 2, 2013, 1:12 PM", "Updated 4:08
    p.m. ET"): page furniture, neither a headline nor a sentence of the story."""
    if not line or len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    tokens = re.findall(r"[A-Za-z]+(?:\.[A-Za-z])?", line)
    if not all(_STAMP_WORD.match(t) for t in tokens):
        return False
    return bool(_DATE_SHAPE.search(line)) or bool(re.search(r"\d:\d\d", line))


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# An image, inline or by reference: its alt text describes a picture, it is not the story.
_MD_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")


def strip_markdown(line: str) -> str:
    """Reduce a Markdown line to its text (headings, quotes, emphasis, links, list markers;
    images are dropped, alt text and all); used for articles and editors' drafts alike."""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # "#MeToo" is a word, not a heading
    line = re.sub(r"^\s*>\s?", "", line)
    line = re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line)
    if "![" in line:
        line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = re.sub(r"(\*\*|__|\*|`)", "", line)
    return line.strip()


def _split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the first line as the title if it reads like a headline."""
    for i, line in enumerate(lines):
        if not line:
            continue
        rest = [x for x in lines[i + 1 :] if x]
        shaped = headline_shaped(line) or (
            i + 1 < len(lines) and not lines[i + 1] and _question_headline(line)
        )
        if shaped and rest and not isinstance(line, _Item):
            return line, lines[i + 1 :]
        return None, lines[i:]
    return None, lines


# A headline that asks ("Is the city's tap water safe to drink?"): one question, short, alone
# on the text's first line with a blank line after it (a lead's question runs on in its
# paragraph). Not an interviewer's turn ("Q: ..."). A question headline was the first sentence,
# the briefing headed the story by a derived title, and a lead repeating it showed it twice.
QUESTION_TITLE_MAX_CHARS = 150
_ONE_QUESTION = re.compile(r"^[^.!?]+\?[\"”’]?$")


def _question_headline(line: str) -> bool:
    return (
        len(line) <= QUESTION_TITLE_MAX_CHARS
        and _ONE_QUESTION.match(line) is not None
        and not _TURN.match(line)
    )


# A headline may end in an initialism's stop ("... Bloomberg Tells U.S."); a sentence then
# would read like one, so it counts only in a line in Title Case (see _title_case).
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


def headline_shaped(line: str) -> bool:
    """Short, and ending as a headline does: with no stop, or an initialism's in Title Case."""
    if len(line) > MAX_TITLE_CHARS:
        return False
    if not re.search(r"[.!?:;,\"”’)]$", line):
        return True
    return bool(_INITIALISM_END.search(line)) and _title_case(line)


def _title_case(line: str) -> bool:
    """Three or more words of four letters or more, each capitalised."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def _drop_repeated_title(lines: list[str], title: str | None) -> list[str]:
    """The body without its first line when that line is the title given with it (a page's
    <h1>, a record whose text starts with its headline): a headline is not a sentence."""
    i = next((k for k, line in enumerate(lines) if line), None)
    if title is None or i is None or not any(lines[i + 1 :]):
        return lines
    if " ".join(lines[i].split()).casefold() == title.casefold():
        return lines[i + 1 :]
    if isinstance(lines[i], _Item):  # an item repeating the title goes (above); no other
        return lines
    if _second_headline(lines[i], next(line for line in lines[i + 1 :] if line)):
        return lines[i + 1 :]
    return lines


def _second_headline(line: str, after: str) -> bool:
    """A line before the story that is another headline of it (the print edition's, when the
    record's title is the web's): shaped like a headline, and in Title Case or followed by the
    story's dateline ("Report Sees Guns as Path to Safety in Schools" / "WASHINGTON — ...")."""
    if not headline_shaped(line):
        return False
    if strip_dateline(after) != after and not after.startswith(line):
        return True
    return _title_case(line)


SHOUTING_MIN_LETTERS = 8  # fewer is kept as written at ingest: "UK VOTES" may be a brand


def is_shouting(title: str, min_letters: int = SHOUTING_MIN_LETTERS) -> bool:
    """An all-capitals headline of two words or more ("COLTS TOP CHIEFS, REACH PLAYOFFS")."""
    letters = [ch for ch in title if ch.isalpha()]
    return (
        len(letters) >= min_letters
        and len(title.split()) >= 2
        and all(ch.isupper() for ch in letters)
    )


_TITLE_WORD = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")
_BODY_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’&-]*")
ACRONYM_CHARS = 3  # an all-capitals word this short that the text never writes is kept: "DUI"


def recase_title(title: str, body: str) -> str:
    """An all-capitals headline in sentence case, each word written as the article writes it
    ("WLADIMIR KLITSCHKO RETAINS WORLD HEAVYWEIGHT BELTS" -> "Wladimir Klitschko retains
    world heavyweight belts"): a briefing's headings read as headlines, not as shouting.

    A word the text does not use is cased like the text's words of the same stem
    ("RETAINS" like "retained"); failing that, a short word or one without vowels is kept
    ("DUI", "RCMP") and any other is lower-cased (most such words are common ones)."""
    forms: dict[str, dict[str, int]] = {}
    by_stem: dict[str, dict[bool, int]] = {}
    for word in _body_words(body):
        counts = forms.setdefault(word.lower(), {})
        counts[word] = counts.get(word, 0) + 1
        lower = by_stem.setdefault(stem(word), {})
        lower[word.islower()] = lower.get(word.islower(), 0) + 1
    out: list[str] = []
    for n, token in enumerate(title.split()):
        lead, core, tail = _TITLE_WORD.match(token).groups()  # type: ignore[union-attr]
        if core.lower() in forms or "-" not in core:
            word = _recase_word(core, forms, by_stem)
        else:
            word = "-".join(_recase_word(part, forms, by_stem) for part in core.split("-"))
        if (n == 0 or out[-1].endswith(":")) and word[:1].islower():
            word = word[:1].upper() + word[1:]
        out.append(f"{lead}{word}{tail}")
    return " ".join(out)


def _body_words(body: str) -> Iterator[str]:
    """The body's words that show how the article writes them: not a sentence's first word
    (capitalised whatever it is) and not the words of a line in capitals (a dateline, a
    shouted kicker)."""
    for line in body.splitlines():
        letters = [ch for ch in line if ch.isalpha()]
        if sum(ch.isupper() for ch in letters) > len(letters) // 2:
            continue
        start = True
        for match in _BODY_WORD.finditer(line):
            before = line[max(0, match.start() - 3) : match.start()]
            if not start and not re.search(r"[.!?:]\W*$", before):
                yield match.group(0)
            start = False


def _recase_word(
    word: str, forms: dict[str, dict[str, int]], by_stem: dict[str, dict[bool, int]]
) -> str:
    seen = forms.get(word.lower())
    if seen:
        return max(seen.items(), key=lambda kv: (kv[1], kv[0].islower()))[0]
    if not word or not word.replace("'", "").replace("’", "").isalpha():
        return word  # "20-13", "'S" and the like stay as they are
    low = word.lower()
    if low in STOPWORDS:
        return low
    cased = by_stem.get(stem(low))
    if cased:
        return low if cased.get(True, 0) >= cased.get(False, 0) else low.capitalize()
    if len(word) <= ACRONYM_CHARS or not re.search(r"[AEIOUY]", word):
        return word
    return low


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    With blank lines present, blank lines separate paragraphs and the lines of one are joined;
    without any, each line is a paragraph (as in text copied from many sites), save a line
    wrapped mid-sentence, which joins the one before (never a speaker's turn, "Name: ...").
    Within a paragraph a line that ends without punctuation and is not wrapped (a headline, a
    byline, a list item, a table row) is a unit of its own: it is joined to the next line by a
    line break, at which ``make_article`` always cuts, so it is never glued into a sentence.
    """
    has_blank = any(not x for x in lines) and sum(1 for x in lines if x) > 1
    width = _wrap_width(lines)
    paras: list[str] = []
    current, before = "", ""
    for line in lines:
        if not line:
            if has_blank and current:
                paras.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif _wrapped(before, line, width):
            current = f"{current} {line}"
        elif not has_blank:
            paras.append(current)
            current = line
        elif _runs_on(before, line) and not (
            isinstance(before, _Alone) or isinstance(line, _Alone) or _TURN.match(line)
        ):
            current = f"{current} {line}"  # the splitter finds the sentence end
        else:
            current = f"{current}\n{line}"
        before = line
    if current:
        paras.append(current)
    return paras


# Plain text hard-wrapped at 60 to 80 columns: a line at least this long counts towards the
# column it is wrapped at, and a text with more than one such line in ten longer than
# HARD_WRAP_MAX_CHARS is not hard-wrapped (its paragraphs are lines).
WRAP_MIN_CHARS = 45
HARD_WRAP_MAX_CHARS = 100
# A speaker's turn in a transcript or an interview ("Project Manager: ...", "Q: ..."): it starts
# a unit of its own even when the turn before it broke off mid-clause ("... is uh").
_TURN = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}: ")
_SENTENCE_END = re.compile(r"[.!?:…][\"”’)\]]*$")


def _runs_on(line: str, after: str) -> bool:
    """The text may run on from ``line`` to ``after`` on one line (the splitter then finds
    the sentence end), ``line`` not wrapped: it ends a sentence or a clause (";", ","). Not
    after a bracket or a quote without a stop ("Carver United 1, Bayside 1 (Bayside won 4-2
    on penalties)" / "Westbrook 0, Lakeside Rovers 5" were one "sentence", whose stray
    figures backed a claim), nor after a colon before a line that ends no sentence: it
    introduces a list ("Other results on Saturday:" / "Eastfield 2, Milltown 0"), each line a
    unit; before a sentence ("The mayor said:" / "“We will build it.”") it runs on."""
    if line.endswith(":"):
        return _ends_sentence(after)
    return _ends_sentence(line) or line.endswith((";", ","))


def _ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text is broken at, or None when its lines are not wrapped
    (a page copied from a site: paragraphs are long lines, captions and labels short ones)."""
    long = [len(x) for x in lines if len(x) >= WRAP_MIN_CHARS]
    fitting = [n for n in long if n <= HARD_WRAP_MAX_CHARS]
    if len(fitting) < 2 or 10 * (len(long) - len(fitting)) > len(long):
        return None
    return max(fitting)


def _wrapped(line: str, after: str, width: int | None) -> bool:
    """``after`` goes on the sentence that ``line`` leaves unfinished, the line broken only
    to wrap it: ``after`` is no unit of its own and starts in lower case (or with a comma or a
    closing bracket), or ``line`` ends mid-clause, is no headline, and ``after``'s first word
    would not have fitted on it in a text hard-wrapped at ``width`` (a caption without a full
    stop over a body line is not wrapped: its next word would have fitted)."""
    if isinstance(after, _Alone) or _ends_sentence(line) or _TURN.match(after):
        return False
    if after[:1].islower() or after[:1] in ",;:)]" or line[-1:] in ",;(—–-":
        return True
    if after[:2] in ("- ", "– ", "— ") and after[2:3].islower():  # "- and then ...": a dash
        return True
    if isinstance(line, _Alone) or width is None or len(line) < WRAP_MIN_CHARS:
        return False
    if len(line) + 1 + len(after.split(maxsplit=1)[0]) <= width:
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return not (len(long_words) >= 3 and all(w[0].isupper() for w in long_words))


# -- reading files -----------------------------------------------------------------------------


def refuse_empty_path(raw: str) -> None:
    """An empty or blank path (``"$DIR"`` with DIR unset) is an error, not the current
    directory.

    Raises:
        InputError: ``raw`` is empty or blank.
    """
    if not raw.strip():
        raise InputError(
            "an empty path was given (an unset shell variable?); pass . for the current directory"
        )


def check_path_argument(raw: str) -> None:
    """An empty path is an error, not the current directory: ``summarizer briefing "$DIR"``
    with DIR unset must not read everything under the working directory; so is a URL of
    another scheme than http(s) and file, not "no such file".

    Raises:
        InputError: ``raw`` is empty or blank, or a URL this tool does not fetch.
    """
    refuse_empty_path(raw)
    scheme = re.match(r"([a-zA-Z][\w+.-]*)://", raw)
    other = scheme is not None and scheme.group(1).lower() not in ("http", "https", "file")
    if scheme and other and not Path(raw).exists():  # `ftp://h/a.txt`: "no such file"
        raise InputError(
            f"{printable_line(raw)}: {scheme.group(1)}:// URLs are not read; only http://, "
            "https:// and file://"
        )


def _load_path(
    raw: str, limits: Limits, on_bad: OnBadRecord | None, skipped: list[str]
) -> Iterator[Article]:
    check_path_argument(raw)
    if raw == "-":
        text = decode(read_stdin(limits), "<stdin>")
        yield from _parse(text, "<stdin>", suffix=None, on_bad=on_bad)
        return
    if re.match(r"(?i)(https?|file)://", raw):
        from .fetch import load_url

        yield from load_url(raw, on_bad=on_bad)
        return
    files = input_files(raw, skipped)
    found = False
    in_folder = on_bad is not None and Path(raw).is_dir()
    with forked.second_half_elsewhere(files, partial(_read_quietly, limits=limits)) as read:
        for n, path in enumerate(files):
            try:
                done = read.result(n) if n >= read.start and read.forked else None
                for article in _load_file(path, limits, on_bad) if done is None else done:
                    found = True
                    yield article
            except InputError as exc:
                if not in_folder or on_bad is None:
                    raise
                on_bad(exc)  # an empty file in a folder stopped `blurb folder/` there
                found = True  # not "only files this tool wrote": that one was reported
    if not found and Path(raw).is_dir():  # one file or many, all of them our outputs
        raise InputError(
            f"{printable_line(raw)}: directory has no articles (only files this tool wrote)"
        )


def _read_quietly(path: Path, limits: Limits) -> list[Article] | None:
    """A folder's file read whole by a forked child (``forked``: ingest of a big folder is a
    large day's biggest stage, and a small machine's second core reads half of it), or None
    where this process must read it itself, as it would have: a JSON Lines file (streamed,
    never whole), a file with an error, or one whose reading warns (the error or warning is
    then reported here, in order, once)."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        return None
    ours = logging.getLogger(__package__ or "summarizer")
    warned = _Warned()
    ours.addHandler(warned)
    propagate, ours.propagate = ours.propagate, False
    try:
        articles = list(_load_file(path, limits, None))
    except InputError:
        return None
    finally:
        ours.removeHandler(warned)
        ours.propagate = propagate
    return None if warned.seen else articles


class _Warned(logging.Handler):
    """Notes that something was logged, and shows nothing (``_read_quietly``)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = self.seen or record.levelno >= logging.WARNING


def _load_file(path: Path, limits: Limits, on_bad: OnBadRecord | None) -> Iterator[Article]:
    suffix = path.suffix.lower()
    name = printable_line(str(path))  # for messages and the outlet; the file is read by path
    if suffix in JSONL_SUFFIXES:
        lines = stream_lines(path, limits)
        head: list[str] = []
        for line in lines:
            head.append(line)
            if line.strip():
                break
        if not head or not head[-1].strip():
            raise InputError(f"{name}: file is empty")
        if not head[-1].lstrip().startswith("{"):  # not JSON Lines: maybe one of our outputs
            head.extend(lines)  # in another format (`-f md -o x.jsonl`): look at all of it
        if is_own_output("".join(line.rstrip("\r\n") + "\n" for line in head)):
            log.warning("%s: skipped, it was written by summarizer", name)
            return
        records = jsonl_records(itertools.chain(head, lines), name, on_bad)
        yield from _from_records(((f"line {n}", r) for n, r in records), name, on_bad)
        return
    text = decode(read_file(path, limits), name)
    yield from _parse(text, name, suffix=suffix, on_bad=on_bad)


def _parse(
    text: str, name: str, suffix: str | None, on_bad: OnBadRecord | None = None
) -> Iterator[Article]:
    from .fetch import looks_like_feed, parse_feed

    if is_own_output(text):  # before the suffix is believed: `-f html -o x.md` is ours too
        log.warning("%s: skipped, it was written by summarizer", name)
        return
    if suffix in FEED_SUFFIXES or looks_like_feed(text):
        yield from parse_feed(text, name, on_bad=on_bad)
        return
    fmt = sniff_format(text, suffix)
    if fmt in JSON_SUFFIXES:
        numbered = enumerate(json_records(text, name), 1)
        yield from _from_records(((f"record {i}", r) for i, r in numbered), name, on_bad)
    elif fmt in JSONL_SUFFIXES:
        records = jsonl_records(iter(text.splitlines()), name, on_bad)
        yield from _from_records(((f"line {n}", r) for n, r in records), name, on_bad)
    elif fmt in HTML_SUFFIXES:
        yield from html_articles(text, name)
    else:
        yield _from_text(text, name, markdown=fmt in {".md", ".markdown"})


def _from_text(text: str, name: str, *, markdown: bool) -> Article:
    """A text or Markdown article; a Markdown file's front matter (Jekyll, Hugo, Astro) gives
    its title, date, source and URL, and is not read as the article's first sentence."""
    fields, body = front_matter(text) if markdown else ({}, text)
    return make_article(
        body,
        title=fields.get("title"),
        url=fields.get("url"),
        source=fields.get("source"),
        published=lenient_published(fields.get("published") or fields.get("date"), name),
        file=name,
        markdown=markdown,
    )


# A front matter block: "---" (YAML) or "+++" (TOML) alone on the first line, up to the same
# line (or YAML's "...") within this many lines.
FRONT_MATTER_MAX_LINES = 200
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's top-level ``key: value`` (or ``key = value``) fields, unquoted and
    lower-cased keys, and the text after it; ``({}, text)`` when there is none."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fence = lines[0].strip() if lines else ""
    if fence not in ("---", "+++"):
        return {}, text
    closing = {"---", "..."} if fence == "---" else {"+++"}
    end = next(
        (i for i, line in enumerate(lines[1:FRONT_MATTER_MAX_LINES], 1) if line.strip() in closing),
        None,
    )
    if end is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        match = _FRONT_FIELD.match(line)
        if match and match.group(2) not in (">", "|", ">-", "|-"):  # a block scalar: skipped
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields.setdefault(match.group(1).lower(), value)
    if not fields:  # a rule ("---") above ordinary text, not front matter
        return {}, text
    return {k: v for k, v in fields.items() if v}, "\n".join(lines[end + 1 :])


def _from_records(
    records: Iterable[tuple[str, Any]], name: str, on_bad: OnBadRecord | None
) -> Iterator[Article]:
    """The articles of a file's records, each with where it stands ("line 7" of a JSON Lines
    file, as its malformed lines are named; "record 2" of a JSON list); an unusable one goes
    to ``on_bad`` when given."""
    for at, record in records:
        try:
            article = record_article(record, name, f"{name} ({at})")
        except InputError as exc:
            if on_bad is None:
                raise
            on_bad(exc)
            continue
        article.origin = at
        yield article


_JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", list: "a list"}

# The names common exports give a record's fields (NewsAPI, CMS and scraper dumps), first
# present first: a record with "outlet", "headline" or NewsAPI's {"source": {"name": ...}}
# keeps what it says instead of silently losing it (an outlet lost made every story "1 source").
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher", "site_name"),
    "published": ("published", "published_at", "publishedAt", "date", "pubDate", "datePublished"),
}


def record_value(record: Mapping[str, Any], key: str) -> object:
    """A record's field ``key`` under the first of its names (``RECORD_FIELDS``) that holds a
    value: None, "" and NaN (a Parquet null) hold none; an object holds its ``name``."""
    for name in RECORD_FIELDS.get(key, (key,)):
        value = record.get(name)
        if isinstance(value, Mapping):  # NewsAPI: "source": {"id": "bbc-news", "name": "BBC News"}
            value = value.get("name")
        if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
            continue
        return value
    return None


def record_field(record: Any, key: str) -> str | None:
    """A record's text field (title, url, source, id) as a string; None when it has none or
    it is no plain value (a list or a flag is not a title)."""
    if not isinstance(record, Mapping):
        return None
    value = record_value(record, key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def record_article(record: Any, file: str | None, where: str | None = None) -> Article:
    """An Article from a JSON record or a table row (``text`` and the fields of
    ``RECORD_FIELDS``), the one reading shared by files, JSON Lines and blurbs jobs; errors
    start with ``where`` when given."""
    at = f"{where}: " if where else ""
    if not isinstance(record, Mapping):
        raise InputError(f"{at}expected an object with a 'text' field")
    text = record.get("text")
    if text is not None and not isinstance(text, str):  # {"text": 123} is no missing text
        kind = _JSON_TYPES.get(type(text), "an object")
        raise InputError(f"{at}the 'text' field is not a string (it is {kind})")
    if not isinstance(text, str) or not text.strip():
        fields = ", ".join(sorted(map(str, record))[:8]) or "none"  # e.g. {"articles": [...]}
        raise InputError(f"{at}missing or empty 'text' field (its fields: {fields})")
    body, title = article_body(text, f"{at}the 'text' field", record_field(record, "title"))
    article = make_article(
        body,
        title=title,
        url=record_field(record, "url"),
        source=record_field(record, "source"),
        published=lenient_published(record_value(record, "published"), where or file or "record"),
        file=file,
    )
    if (own_id := record_field(record, "id")) is not None:
        article.outlets[0].record = own_id  # as given: the caller matches it exactly
    return article


def article_body(text: str, what: str, title: str | None = None) -> tuple[str, str | None]:
    """An article body as given by a CMS (a JSON record, a library or serve caller), and its
    title: HTML (by ``sources.html_kind``, the rule files are sniffed by too) as its text,
    paragraphs kept, not its tags; a whole page as its main text and, unless ``title`` is
    given, its own title, as an ``.html`` file (a page given as text lost its <title>);
    other text as is.

    Raises:
        InputError: the HTML holds no text.
    """
    kind = html_kind(text)
    if kind is None:
        return text, title
    if kind == "page":
        # a whole page is read as one article even when it holds several <article>s (which
        # ``html_articles`` splits for a file or a fetched URL): the caller gave one record,
        # one article, and its title, URL and date are the record's
        plain, doc = _page_text(text)
        if title is None and doc is not None:
            title = _field(doc, "title")
    else:
        plain = _fragment_text(text)
    if not plain or not plain.strip():
        raise InputError(f"{printable_line(what)} is HTML with no article text in it")
    return plain, title


# htmldate (trafilatura's date finder) as trafilatura calls it, but giving the time and the zone
# when the page has them (its default, "%Y-%m-%d", cut "2025-03-18T15:00:00Z" to the day, so a
# page published that afternoon fell outside ``--since 2025-03-18T12:00Z``)
_DATE_PARAMS = {
    "original_date": True,  # the publication date, not the last modification
    "extensive_search": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
# what htmldate gives a page dated by a day alone ("2025-03-18", "March 18, 2025"): midnight,
# with no zone
_DAY_ALONE = "T00:00:00"


# The page's own statement of when it was published, in the tags publishers fill in.
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:published_time' or @itemprop='datePublished'"
    " or @name='date' or @name='pubdate' or @name='publish-date']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //time[@datetime]/@datetime"
)


def _page_date(doc: Any, tree: Any = None) -> str | None:
    """The page's publication date as found by htmldate: an instant with its zone
    ("2025-03-18T09:00:00-0400"), or a day alone ("2025-03-18") when the page gives no time.
    When htmldate gives a day alone, the time the page states in its publication tags on that
    day is taken (``_stated_instant``): htmldate reads a dated URL ("/2026/11/23/...") before
    ``article:published_time``, so a page published at 08:30 counted as midnight and passed
    ``--since 12:00``."""
    found = _field(doc, "date") if doc is not None else None
    if found and found.endswith(_DAY_ALONE):
        day = found[: -len(_DAY_ALONE)]
        return _stated_instant(tree, day) or day
    return found


def _stated_instant(tree: Any, day: str) -> str | None:
    """The first instant (a date with a time of day) in the page's publication tags that
    falls on ``day`` in its own zone, as written; None when there is none."""
    if tree is None:
        return None
    for value in tree.xpath(_PUBLISHED_XPATH):
        text = str(value).strip()
        if not text.startswith(day) or names_a_day(text):
            continue
        try:
            parse_datetime(text)
        except ValueError:
            continue
        return text
    return None


def _page_tree(html: str) -> Any:
    """The page parsed as trafilatura parses it, without embeds (``fetch.EMBEDS``, whose
    text a browser shows only when it cannot show them); None when it is no HTML trafilatura
    reads. trafilatura drops embeds too, but after a noscript its reading of a short page fell
    back to one line: the headline ran into the lead ("Council approves bridge The city
    council voted ...") and the noscript's "Please enable JavaScript" was quoted."""
    from lxml import etree
    from trafilatura.utils import load_html

    from .fetch import EMBEDS

    try:
        tree = load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    if tree is not None:
        etree.strip_elements(tree, *EMBEDS, with_tail=False)
    return tree


def _page_text(html: str, tree: Any = None) -> tuple[str | None, Any]:
    """A page's main text by trafilatura, and its metadata (None when it has none); a page
    too small for trafilatura to find an article in (one paragraph) gives its whole text.
    ``tree``: the page as ``_page_tree`` gave it, when already parsed."""
    import trafilatura

    from .fetch import html_to_text

    tree = tree if tree is not None else _page_tree(html)
    marked = tree is not None and len(_bold_asks(tree)) >= QA_MIN_TURNS
    if marked:
        import copy

        tree = copy.deepcopy(tree)  # the caller's tree is read again, for its date and articles
        _mark_bold_asks(tree)
    doc = trafilatura.bare_extraction(
        tree if tree is not None else html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    body = _field(doc, "text") if doc is not None else None
    if marked and body:
        body = _unmark_lone_asks(body)
    if (
        body
        and len(body) < CHROME_CHECK_CHARS
        and not html_to_text(_without_chrome(html, tree)).strip()
    ):
        return "", doc  # trafilatura's fallback read the menu and the cookie banner: no article
    if body and body.strip():
        return body, doc
    whole = html_to_text(_without_chrome(html, tree))
    return _unmark_lone_asks(whole) if marked else whole, doc


CHROME_CHECK_CHARS = 1000  # a page's text this short may be only its furniture: checked


# An HTML Q&A's questions are bold paragraphs of their own (``<p><strong>Why did the union walk
# out?</strong></p>``, or ``<b>``). trafilatura's text drops the bold, and each question was
# read as the outlet's own sentence: its premise ("Critics say a third of lessons were poorly
# taught.") cited as fact. They are written as the Markdown bold line ``clean_lines`` already
# reads as a question (``_BOLD_ASK``) before trafilatura reads the page.
_BOLD_TAGS = frozenset({"b", "strong"})


def _bold_asks(tree: Any) -> list[tuple[Any, str]]:
    """The page's paragraphs that are a question all in bold, each with its text (whitespace
    collapsed). Bold words inside a paragraph, a bold byline or a bold section heading that
    asks nothing are not: such pages are read as before."""
    found = []
    for block in tree.iter("p"):
        if not len(block):
            continue  # no element in it, so no bold: most paragraphs, passed over cheaply
        said = " ".join("".join(block.xpath(".//text()")).split())
        if said and _BOLD_ASK.match(f"**{said}**") and _all_bold(block):
            found.append((block, said))
    return found


def _all_bold(element: Any) -> bool:
    """Every word of ``element`` (its own text, not its tail) is inside a <b> or <strong>."""
    if (element.text or "").strip():
        return False
    for child in element:
        if (child.tail or "").strip():
            return False
        if isinstance(child.tag, str) and child.tag not in _BOLD_TAGS and not _all_bold(child):
            return False
    return True


def _mark_bold_asks(tree: Any) -> None:
    """Write each bold question paragraph's text as "**question?**", in place: trafilatura
    keeps the asterisks as text, and the line reaches ``clean_lines`` as a Markdown one does."""
    for block, said in _bold_asks(tree):
        for child in list(block):
            block.remove(child)
        block.text = f"**{said}**"


def _unmark_lone_asks(body: str) -> str:
    """``body`` without the marks of its bold questions when trafilatura kept fewer than
    ``QA_MIN_TURNS`` of them (the others were in a part of the page it left out): fewer are no
    Q&A to ``clean_lines``, and the asterisks would be read as the question's text."""
    lines = body.split("\n")
    if sum(1 for x in lines if _BOLD_ASK.match(" ".join(x.split()))) >= QA_MIN_TURNS:
        return body
    return "\n".join(
        ask.group("ask") if (ask := _BOLD_ASK.match(" ".join(x.split()))) else x for x in lines
    )


_BOLD_OPEN = re.compile(r"(?i)<(?:b|strong)[\s>]")


def _fragment_text(html: str) -> str:
    """``fetch.html_to_text`` of an HTML body (a CMS record's, one of a page's several
    articles), its bold question paragraphs marked as ``_page_text`` marks a page's: a CMS
    sends an interview's body with its questions in <strong> as often as a page shows it."""
    from .fetch import html_to_text

    if "?" not in html or not _BOLD_OPEN.search(html):
        return html_to_text(html)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, etree.ParserError):
        return html_to_text(html)
    if len(_bold_asks(root)) < QA_MIN_TURNS:
        return html_to_text(html)
    _mark_bold_asks(root)  # parsed here for this, so marked in place
    return _unmark_lone_asks(html_to_text(lxml.html.tostring(root, encoding="unicode")))


# A page's furniture, not its story: menus, headers and footers, side panels, forms, and the
# banners asking for consent to cookies. Read from the tags and their class or id names.
# Names only a consent banner has: "share" or "menu" may name a story's wrapper too.
_CHROME_TAGS = ("nav", "footer", "aside", "form", "button", "menu", "dialog")
_CHROME_NAME = re.compile(r"(?i)cookie|consent|gdpr")


def _without_chrome(html: str, tree: Any) -> str:
    """The page without its furniture (``_CHROME_TAGS``, ``_CHROME_NAME``), for the whole-page
    reading when trafilatura finds no article: a page of only a menu, a cookie banner and a
    footer ("Home / News / We use cookies. Accept all") gave a blurb of them, not "nothing to
    summarise". ``html`` as it is when there is no ``tree``."""
    if tree is None:
        return html
    import copy

    from lxml import etree

    page = copy.deepcopy(tree)
    for element in list(page.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        named = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in _CHROME_TAGS or (named.strip() and _CHROME_NAME.search(named)):
            element.drop_tree()
    return str(etree.tostring(page, encoding="unicode", method="html"))


# A page holds several articles (a home page, a section front) when it has at least this many
# ``<article>`` elements side by side, of comparable length, holding most of the page's text;
# a story with "related" teasers in <article>s beside it is one article (its own is longest).
PAGE_ARTICLES_MIN = 2
PAGE_ARTICLE_MIN_CHARS = 60
PAGE_ARTICLE_DOMINANT = 3  # the longest this many times the next: the page's one article
_NOT_AN_ARTICLE = re.compile(r"(?i)comment|related|teaser|promo|sidebar")
_OUTSIDE_ARTICLES = {"article", "aside", "nav", "footer", "header"}


def _page_articles(tree: Any) -> list[Any]:
    """The ``<article>`` elements of a page that holds several articles (see
    ``PAGE_ARTICLES_MIN``), in page order; [] for a page of one article."""
    found = []
    for el in tree.iter("article"):
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if _NOT_AN_ARTICLE.search(marks) or any(
            a.tag in _OUTSIDE_ARTICLES for a in el.iterancestors()
        ):
            continue
        size = len(" ".join("".join(el.itertext()).split()))
        if size >= PAGE_ARTICLE_MIN_CHARS:
            found.append((el, size))
    if len(found) < PAGE_ARTICLES_MIN:
        return []
    sizes = sorted((n for _, n in found), reverse=True)
    body = tree.find("body")
    page = len(" ".join("".join((body if body is not None else tree).itertext()).split()))
    if sizes[0] >= PAGE_ARTICLE_DOMINANT * sizes[1] or 2 * sum(sizes) < page:
        return []
    return [el for el, _ in found]


def html_articles(html: str, name: str, *, base_url: str | None = None) -> Iterator[Article]:
    """The article of an HTML page, an ``.html`` file or a page fetched by URL (``fetch``);
    each of its articles, in page order, when it holds several (a home page saved whole or
    fetched: one blurb of three stories mixed them, under the site's name). Each is told apart
    in messages as "article N" of ``name``. ``base_url``: the URL the page was fetched from,
    against which a heading's relative link ("/bridge") is read. HTML given as a record's
    text is not split (``article_body``): a record is one article."""
    tree = _page_tree(html)
    parts = _page_articles(tree) if tree is not None else []
    if not parts:
        yield _from_html(html, name, tree)
        return
    import lxml.html

    log.warning(
        "%s: the page holds %d articles; each is read as an article of its own", name, len(parts)
    )
    _, doc = _page_text(html, tree)
    site = _field(doc, "sitename") if doc is not None else None
    page_url = _field(doc, "url") if doc is not None else None
    for n, part in enumerate(parts, 1):
        heading = next(part.iter("h1", "h2", "h3", "h4"), None)
        title = " ".join(heading.text_content().split()) if heading is not None else None
        link = next(
            (a.get("href") for a in (heading.iter("a") if heading is not None else [])), None
        )
        if link and base_url:
            link = urljoin(base_url, link)
        when = next((t.get("datetime") for t in part.iter("time") if t.get("datetime")), None)
        where = f"{name} (article {n})"
        try:
            article = make_article(
                _fragment_text(lxml.html.tostring(part, encoding="unicode", with_tail=False)),
                title=title or None,
                url=link if web_url(link) else page_url,
                source=site,
                published=lenient_published(when, where),
                file=name,
            )
        except InputError as exc:
            log.warning("%s: skipped: %s", where, exc)
            continue
        article.origin = f"article {n}"
        yield article


def _from_html(html: str, name: str, tree: Any = None) -> Article:
    tree = tree if tree is not None else _page_tree(html)
    body, doc = _page_text(html, tree)
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    article = make_article(
        body,
        title=_field(doc, "title") if doc is not None else None,
        url=_field(doc, "url") if doc is not None else None,
        source=_field(doc, "sitename") if doc is not None else None,
        published=lenient_published(_page_date(doc, tree), name),
        file=name,
    )
    if article.kind is None and doc is not None:
        article.kind = _page_kind(doc)
    return article


def _page_kind(doc: Any) -> Kind | None:
    """The kind a page's metadata marks (trafilatura reads them out of the text, byline and
    all): its section (``<meta property="article:section" content="Opinion">``) or its
    author's role ("Helen Marsh; Columnist")."""
    sections = doc.get("categories") if isinstance(doc, dict) else getattr(doc, "categories", None)
    for section in sections or []:
        if isinstance(section, str) and (label := _SECTION_LINE.match(section.strip())):
            return _KINDS[_label_of(label.group(1))]
    author = _field(doc, "author") or ""
    if any(_ROLE_LINE.match(part.strip()) for part in author.split(";")):
        return "opinion"
    return None


def _field(doc: Any, key: str) -> str | None:
    """Read a field of trafilatura's result (a dict in old versions, a Document in new ones)."""
    value = doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)
    return str(value) if value else None
