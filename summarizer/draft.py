"""``summarizer verify``: check an editor's draft, sentence by sentence, against source articles.

Every sentence the editor wrote is checked, headings included: a draft is not a web page, so no
boilerplate removal runs on it (a line reading "Comments" is just a short line). Evidence for
each sentence is found by BM25 over the sources' sentences and their headlines; the verifier's
layers (summarizer/verify.py) then give it a three-way verdict: supported, contradicted or
unverifiable. With an LLM judge, the unverifiable middle is the judge's to accept or reject.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field, computed_field

from .checks import (
    CONTRADICTION_CHECKS,
    dates_replaced,
    dropped_hedge,
    find_opposite,
    names_dropped,
    quantities,
    verb_base,
    word_readings,
)
from .errors import ConfigError, InputError
from .ingest import join_fragments, join_quotations, strip_markdown
from .judge import Judge
from .models import Article, Check, Citation, Claim, Sentence, Support
from .retrieval import SentenceIndex
from .sentences import split_sentences
from .settings import Backend, Settings
from .sources import Limits, decode, printable_line, read_file, skipped_note
from .text import content_terms, word_count, words
from .verify import SourceContext, check_deadline, judge_unverifiable, verify_claim

# Each of the best TOP_K BM25 sentences is first tried as evidence on its own; when none
# supports the claim alone, the TOP_K together are tried (a summary sentence often joins facts
# from neighbouring sentences). Tuned on the SummEdits evaluation rows (bench/verify_bench.py).
TOP_K = 3
# A draft sentence that nothing contradicts is supported when its retrieved evidence holds at
# least this share of its content terms. Lower than the briefing's COVERAGE_MIN (checks.py)
# because draft evidence is retrieved, not cited, and an editor paraphrases across sentences.
# Tuned on the SummEdits evaluation rows only: 0.3 -> balanced accuracy 0.637, 0.4 -> 0.645,
# 0.5 -> 0.587, 0.7 -> 0.551 (bench/verify_bench.py).
SUPPORT_MIN = 0.4
# The lenient rule overlooks missing words, never words joined differently than in the
# evidence ("relations"). On the SummEdits evaluation rows this trades recall on consistent
# summaries (0.75 -> 0.69) for recall on inconsistent ones (0.59 -> 0.64) at about the same
# balanced accuracy (0.668 -> 0.664), and catches more of factcc/summeval's swapped claims.
# Nor a figure stated more exactly than the evidence states it ("200" where it says "about
# 200"): no word is missing there, the claim says more than its source. Nor a figure stated of
# another thing than the evidence counts with it ("200 people" where it says "200 homes",
# checks.other_things): the number is found, the fact is not.
# Nor a claim carried only by what a source disowns: a correction's wrong figure, or what
# posts or rumours say (checks.check_disowned).
# Nor a verdict or outcome the evidence does not carry (checks.check_outcomes): "was
# acquitted" on a trial's sentences that share its name and charge.
NOT_LENIENT = frozenset(
    {"relations", "numbers-bound-dropped", "numbers-unit", "disowned-unsupported", "outcomes"}
)
# The lenient rule is for a sentence that joins several facts, some of whose words its
# evidence may put otherwise. A sentence of fewer than MIN_CLAIM_WORDS words states one fact
# ("United won.", "Baker resigned."): at SUPPORT_MIN its name alone carried it, the fact
# itself missing. It must be supported as a briefing's claim is (checks.COVERAGE_MIN).
# (Counting content terms instead, fewer than 3, cost the untouched SummEdits scitldr rows
# 0.609 -> 0.566: longer sentences with few content terms lean on the lenient rule.)
# With ``strict``, the word check's failures block it too (see verify()).
# --strict also holds a negation of something the evidence never mentions against a claim.
# Not by default: on the SummEdits evaluation rows it cost 0.695 -> 0.658 balanced accuracy
# (dialogue summaries say what people "don't know" or "won't come" in words the chat lacks).
STRICT_NOT_LENIENT = NOT_LENIENT | {"verbs", "nouns", "adjectives", "negation-unsupported"}
# Joined evidence is for a claim that fuses neighbouring sentences, not for one that swaps a
# fact between them: when no sentence supports the claim alone, a sentence that carries at
# least CARRIER_MIN of its content terms and conflicts with it on one of these checks makes
# it contradicted, whatever the joined evidence says ("sales rose" where the sentence about
# those sales says they fell, and "rose" is said of costs a sentence on). A name or number
# that the sources state elsewhere is no conflict (it may be added from there), nor is a
# negation: a claim's "not" often sits in the clause or sentence next to its carrier.
# Chosen on dev data (SummEdits evaluation rows, factcc, summeval) from CARRIER_MIN 0.0-0.8:
# 0.4 gives 0.688 -> 0.692, 0.566 -> 0.643 and 0.552 -> 0.579 balanced accuracy (untouched
# SummEdits test rows: 0.653 -> 0.653, recall moving from consistent to inconsistent).
# A hedge of the carrier that the claim drops ("is expected to save" -> "is already saving") is
# one too: another sentence's "savings ... start to flow" does not state it unhedged.
CARRIER_CONFLICTS = frozenset({"names", "numbers", "quotes", "antonyms", "qualifiers"})
CARRIER_MIN = 0.4
# A sentence that supports the claim alone is overruled by one that carries as much of it and
# says the opposite (a negation or an antonym, every other contradiction check held): "has
# admitted murder" is supported by "is accused of murdering" but "denies murder" says otherwise
# (draft._overruled).
OVERRULING = frozenset({"negation", "antonyms"})
# So is a month, quarter or half that the claim takes from elsewhere while its carrier gives
# another (checks.dates_replaced): 0.693 -> 0.695 on the evaluation rows, summeval 0.712 ->
# 0.726, untouched test rows 0.648 -> 0.649. Other numbers are not: an earnings call's
# adjusted figure stated beside its diluted one is faithful (evaluation rows 0.693 -> 0.662).
# A name found elsewhere in the sources is a swap, not an addition, when the carrier names
# someone the claim drops ("Netanyahu said" where it says "Kerry said") and carries at least
# this share of the claim. The lowest value (0.4-0.8) that keeps recall on the consistent
# SummEdits evaluation rows (0.714): 0.6, with factcc 0.643 -> 0.695, summeval 0.579 -> 0.712.
# (At 0.4 the untouched SummEdits test rows lost 0.013 balanced accuracy, 0.608 -> 0.566
# recall on consistent summaries: false alarms the issue warns of.)
NAME_SWAP_MIN = 0.6
# A retrieved sentence of another article than the best one's joins a draft sentence's
# evidence only when it shares this many of the claim's words (not figures): draft._related.
RELATED_MIN_SHARED = 2
# A draft of at least SWAP_MIN_CLAIMS sentences and more than SWAP_RATIO times the words of
# all its sources together is noted as maybe swapped with them (draft._swap_note).
SWAP_MIN_CLAIMS = 4
SWAP_RATIO = 2
# Fewer words than this, with no full stop (or ! or ?) to end it, is a label, not a claim
# ("Related Posts", "Comments", a heading, a table cell): it is skipped and reported. A
# short sentence ended as one ("United won.", "Baker resigned.") is checked like any other.
MIN_CLAIM_WORDS = 3
_SENTENCE_ENDED = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# A draft that is mostly not letters and spaces is not text (random bytes, a binary file).
MIN_LETTER_SHARE = 0.3


class DraftClaim(BaseModel):
    """One sentence of a draft, the evidence found for it and the checks' outcome."""

    index: int
    text: str
    supported: bool
    support: Support | None = None
    score: float | None = None
    evidence: list[Citation] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reasons(self) -> list[str]:
        """The failed checks, as "name: detail"."""
        return [f"{c.name}: {c.detail}" for c in self.checks if not c.passed]

    @property
    def verdict(self) -> Support:
        """Supported, contradicted or unverifiable, as the report counts it (a sentence not
        supported whose ``support`` says otherwise is unverifiable); not in the JSON."""
        if self.supported:
            return "supported"
        return "contradicted" if self.support == "contradicted" else "unverifiable"


class SkippedPart(BaseModel):
    """A part of the draft that was not checked, and why: every part of a draft is either
    checked or listed here, never dropped unseen."""

    text: str
    reason: str


class VerifyReport(BaseModel):
    """The result of ``verify``: every claim of the draft, supported or not, and why."""

    draft: str
    sources: list[str] = Field(default_factory=list)
    claims: list[DraftClaim] = Field(default_factory=list)
    skipped: list[SkippedPart] = Field(default_factory=list)
    # what the reader may want to know about the run itself (e.g. DRAFT and -s swapped)
    notes: list[str] = Field(default_factory=list)
    supported: int = 0
    unsupported: int = 0
    contradicted: int = 0
    unverifiable: int = 0
    seconds: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when every claim of the draft is supported."""
        return self.unsupported == 0


# Markup in a draft that no reader sees as text: HTML comments (the marker a briefing ends
# with), the contents of script/style/head, and tags (a CMS editor's HTML, or inline HTML in
# Markdown). Block tags end a paragraph; other tags just go.
_HTML_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|head|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.I | re.S
)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|blockquote|pre"
    r"|section|article|header|footer|main|aside|figure|figcaption|body|html)\b[^<>]*>",
    re.I,
)
_HTML_BREAK = re.compile(r"<br\b[^<>]*>", re.I)
_HTML_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>|<!DOCTYPE[^<>]*>", re.I)
_CITE_MARK = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|\^[\w-]+|\^?[\w.-]+\.s[\w-]+)\]")
# Where a Markdown draft names its sources: a footnote ("[^1]: Reuters, March 16") or a link
# reference ("[2]: https://apnews.com/..."). Not claims, wherever they stand.
_DEFINITION = re.compile(r"^ {0,3}\[(?:\^[^\]]+\]:\s|[^\]]+\]:\s*<?https?://)")
# A briefing's own listings ("## Stories that did not fit" lists headlines, not claims) are
# left out like a Sources list, and so is a story's byline ("*3 sources: AP, Reuters*"), so
# that a briefing an editor is revising verifies as it was written.
_SOURCES_HEADING = re.compile(
    r"^\s*(#+\s*)?(sources|references|stories that did not fit|stories with too few sources)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BYLINE = re.compile(r"^\s*\*\d+ sources?(?:, \d+ articles)?: .*\*\s*$")
# A line of a Sources list: a list item, a numbered reference or a bare URL.
_SOURCE_ITEM = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\[\d+\]|<?https?://)")


def draft_claims(text: str) -> list[str]:
    """Split a draft (plain text, Markdown or HTML) into claims: every sentence, headings included.

    Only the items of a trailing Sources/References list are left out (a sentence written
    after that heading is still checked), and citation marks like ``[1]`` are removed; labels
    and parts with no content word are left out too (``draft_parts`` says which).
    """
    return draft_parts(text)[0]


def draft_parts(text: str) -> tuple[list[str], list[SkippedPart]]:
    """The draft's claims, and the sentences, headings and table cells that are not checked
    with the reason for each (``_not_a_claim``), so that a report can list them."""
    claims: list[str] = []
    skipped: list[SkippedPart] = []
    for part, heading in _draft_sentences(text):
        why = _a_label(part) if heading else None
        why = why or _not_a_claim(part)
        if why is None:
            claims.append(part)
        else:
            skipped.append(SkippedPart(text=part, reason=why))
    return claims, skipped


def _not_a_claim(part: str) -> str | None:
    """Why a sentence of the draft is not checked, or None when it is a claim: a short one
    that is not ended as a sentence is a label ("Related Posts", "## Results", a table cell
    "3-1"), and so is a short one with no verb ("Hi there."), or a line not ended as a
    sentence that has no verb and no figure ("Pelham Dairy deal", which was checked and
    "supported"). A longer one with no content word is a claim, rejected as stating nothing
    (verify.asserts_nothing), so it is seen."""
    ended = _SENTENCE_ENDED.search(part)
    if word_count(part) >= MIN_CLAIM_WORDS:
        return None if ended or _states(part) else "a label, not a claim (no verb, no figure)"
    if not ended:
        return f"a label, not a sentence (under {MIN_CLAIM_WORDS} words, no full stop)"
    if not any("VERB" in word_readings(w) for w in words(part)):
        return "a greeting or label, not a claim (a short sentence with no verb)"
    return None


def _a_label(heading: str) -> str | None:
    """Why a heading is not checked, or None when it states something: a verb or a figure
    ("# Putin agrees to a 90-day ceasefire and resigns" is a claim, "# Tuesday's politics
    and money" a label). A heading of a section names what follows; it asserts nothing."""
    return None if _states(heading) else "a heading that labels, not a claim (no verb, no figure)"


def _states(text: str) -> bool:
    """``text`` has a verb or a figure, so it may assert something. A past form that is also
    a noun ("spoke", "rose", "fell") counts: "Trump and Putin spoke by phone" was skipped as
    a label, not checked."""
    toks = words(text)
    verb = any(
        verb_base(w.lower(), toks[i - 1].lower() if i else "") or _past_form(w.lower())
        for i, w in enumerate(toks)
    )
    return verb or any(ch.isdigit() for ch in text) or bool(quantities(text))


def _past_form(word: str) -> bool:
    """``word`` is a verb's own past form ("spoke" of "speak", "rose" of "rise"), not its
    base, a third person ("posts") or a participle in -ing ("breaking")."""
    readings = word_readings(word)
    if "VERB" not in readings or "AUX" in readings or word.endswith(("s", "ing")):
        return False
    return word not in readings["VERB"]


def _draft_sentences(text: str) -> list[tuple[str, bool]]:
    """Every sentence, heading and table cell of the draft, less its Sources list, each with
    whether it is a heading."""
    paragraphs: list[tuple[str, bool]] = []
    current: list[str] = []
    in_sources = False
    text = _without_front_matter(_without_html(text.replace("\r\n", "\n").replace("\r", "\n")))
    for raw in text.split("\n"):
        if _SOURCES_HEADING.match(raw):
            in_sources = True
            raw = ""
        elif _left_out(raw, in_sources):
            raw = ""
        cells = _table_cells(raw)
        heading = raw.lstrip().startswith("#")
        line = strip_markdown(_CITE_MARK.sub("", raw))
        if (heading or cells) and line:  # a heading, a table's cell: a claim of its own
            paragraphs.extend((p, False) for p in _lines_read(current))
            current = []
            paragraphs.extend([(c, False) for c in cells] or [(line, True)])
        elif line and _LIST_ITEM.match(raw):  # a list item starts a block of its own
            paragraphs.extend((p, False) for p in _lines_read(current))
            current = [line]
        elif line:
            current.append(line)
        else:
            paragraphs.extend((p, False) for p in _lines_read(current))
            current = []
    paragraphs.extend((p, False) for p in _lines_read(current))
    return [(s, heading) for p, heading in paragraphs for s in _sentences(p)]


# A Markdown list item: "- ", "* ", "+ ", "1. " or "1) " at the start of a line.
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def _lines_read(lines: list[str]) -> list[str]:
    """A block of lines as the text it is: one paragraph of wrapped lines, or, when no line
    of two or more ends as a sentence, each line a claim of its own (a line that begins in
    lower case still continues the one before). A claims file written one claim a line
    without full stops was read as one run-on sentence, checked (and rejected) as a whole."""
    if len(lines) < 2 or any(_SENTENCE_ENDED.search(x) for x in lines):
        return [" ".join(lines)] if lines else []
    claims: list[str] = []
    for line in lines:
        if claims and line[0].islower():
            claims[-1] += " " + line
        else:
            claims.append(line)
    return claims


def _sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences as an article's are read: the splitter's cuts inside a name or
    a title undone, and a quotation over several sentences one claim ("If the data ...
    easing policy. That is not a promise," she said): checked as two fragments, each was
    "supported" on its own."""
    return [s for _, s in join_quotations(join_fragments(paragraph, split_sentences(paragraph)))]


def _left_out(raw: str, in_sources: bool) -> bool:
    """A line that says nothing to check: a Sources item, a footnote or link definition, a
    briefing's byline, the rule under a table's header row."""
    listed = in_sources and _SOURCE_ITEM.match(raw) is not None
    return listed or any(p.match(raw) is not None for p in (_DEFINITION, _BYLINE, _TABLE_RULE))


# A static site's front matter: YAML between "---" lines (TOML between "+++") at the very top.
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title\s*[:=]\s*(.+?)\s*$", re.M)


def _without_front_matter(text: str) -> str:
    """The draft without its front matter ("---", "title: ...", "date: ...", "---"), which
    was one claim of all its fields; its title stays, as the heading it is."""
    match = _FRONT_MATTER.match(text)
    if match is None or not re.match(r"[A-Za-z_][\w-]*\s*[:=]", match.group(2)):
        return text  # "---" then a paragraph: a rule, not front matter
    title = _FRONT_TITLE.search(match.group(2))
    heading = f"# {title.group(1).strip(chr(34) + chr(39))}\n\n" if title else ""
    return heading + text[match.end() :]


def _table_cells(raw: str) -> list[str]:
    """The cells of a Markdown table row ("| a | b |"), each as text; [] for another line. A
    row is not a sentence: its cells, glued with their pipes, would be checked as one."""
    if not raw.lstrip().startswith("|"):
        return []
    cells = (strip_markdown(_CITE_MARK.sub("", c)) for c in raw.strip().strip("|").split("|"))
    return [c for c in cells if c]


def _without_html(text: str) -> str:
    """The draft's text without HTML markup, its entities decoded: "<p>Sales rose.</p>" is
    the sentence "Sales rose.", not one with the words "p" (and "&amp;" is "&")."""
    if "<" not in text and "&" not in text:
        return text
    text = _HTML_HIDDEN.sub("", text)
    text = _HTML_BLOCK_TAG.sub("\n\n", _HTML_BREAK.sub("\n", text))  # <br>: a line, same paragraph
    return html.unescape(_HTML_TAG.sub("", text))


def verify(
    draft: str | Path | bytes,
    sources: Iterable[str | Path | Article] | str | Path | Article,
    *,
    top_k: int = TOP_K,
    backend: Backend | None = None,
    model: str | None = None,
    base_url: str | None = None,
    judge: bool | Judge | None = None,
    strict: bool = False,
    settings: Settings | None = None,
) -> VerifyReport:
    """Check an editor's draft against source articles, claim by claim.

    Args:
        draft: the draft's text (a ``str`` is always text; ``bytes`` are UTF-8 text, or UTF-16/32
            with a byte order mark), or a Path to a text, Markdown or HTML file.
        sources: ``pathlib.Path``s (files, directories), Articles or article texts (``str``).
        top_k: how many retrieved sentences are tried as a claim's evidence.
        backend, model, base_url: the LLM whose judge decides the unverifiable middle, as in
            the CLI (``auto``: an LLM when one is configured, else the offline layers only).
        judge: False skips the LLM judge; a Judge is used as given.
        strict: hold each claim to a briefing's standard: its verbs, nouns and adjectives in
            its evidence (``checks.check_words``) and no acceptance on joined evidence that
            leaves a check failed. It catches a changed fact among kept names ("Putin was
            invited" where he was to be called) and flags loose paraphrases too.
        settings: base settings; the keyword arguments override single fields.

    Returns:
        A VerifyReport; ``report.ok`` is False when any claim is not supported.

    Raises:
        InputError: the draft or a source is unusable, or the draft has no claims.
        ConfigError: ``top_k`` is not a positive whole number, or ``strict`` is not a bool.
    """
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise ConfigError(f"top_k must be a whole number of at least 1, not {top_k!r}")
    if not isinstance(strict, bool):  # "no" is truthy: it would turn strict on
        raise ConfigError(f"strict must be True or False, not {strict!r}")
    started = time.perf_counter()
    name, text = read_draft(draft)
    not_articles: list[str] = []
    articles = _load_sources(sources, draft if isinstance(draft, Path) else None, not_articles)
    if not isinstance(judge, Judge):
        judge = _llm_judge(settings, backend=backend, model=model, base_url=base_url, judge=judge)
    claims, skipped = draft_parts(text)
    if not claims:
        raise InputError(f"{name}: no sentences to verify in the draft")
    all_sentences = _distinct([s for a in articles for s in [*_headline(a), *a.sentences]])
    by_id = {s.id: s for s in all_sentences}
    ctx = SourceContext(all_sentences)
    index = SentenceIndex(all_sentences)
    checked = [_check_draft_claim(c, index, by_id, ctx, top_k, strict) for c in claims]
    if judge is not None:
        checked = judge_unverifiable(checked, by_id, judge, ctx, repair=False)
    out = [
        DraftClaim(
            index=n,
            text=c.text,
            supported=c.verdict == "accepted",
            support=c.support,
            score=c.score,
            evidence=c.citations,
            checks=c.checks,
        )
        for n, c in enumerate(checked, 1)
    ]
    supported = sum(c.supported for c in out)
    return VerifyReport(
        notes=([skipped_note(not_articles)] if not_articles else [])
        + _swap_note(claims, all_sentences),
        draft=name,
        sources=[a.label() for a in articles],
        claims=out,
        skipped=skipped,
        supported=supported,
        unsupported=len(out) - supported,
        contradicted=sum(c.verdict == "contradicted" for c in out),
        unverifiable=sum(c.verdict == "unverifiable" for c in out),
        seconds=round(time.perf_counter() - started, 3),
    )


def _swap_note(claims: list[str], sources: list[Sentence]) -> list[str]:
    """A note when the draft is much longer than all its sources together: ``verify
    article.txt -s claim.txt`` reported a 17-sentence "draft" against one sentence with no hint
    that its arguments were swapped. A note only: the verdicts and exit code stand."""
    draft_words = sum(word_count(c) for c in claims)
    source_words = sum(word_count(s.text) for s in sources)
    if len(claims) >= SWAP_MIN_CLAIMS and draft_words > SWAP_RATIO * source_words:
        return ["the draft is longer than its sources; did you swap DRAFT and -s?"]
    return []


def _headline(article: Article) -> list[Sentence]:
    """An article's title as a citable sentence: a draft may repeat the headline."""
    if not article.title:
        return []
    return [Sentence(id=f"{article.id}.s-title", text=article.title, index=-1, paragraph=-1)]


def _check_draft_claim(
    text: str,
    index: SentenceIndex,
    by_id: dict[str, Sentence],
    ctx: SourceContext,
    top_k: int,
    strict: bool = False,
) -> Claim:
    """Accept the claim when one of the best ``top_k`` sentences supports it alone; reject it
    when one that carries much of it contradicts it (``_carrier_conflict``); else accept it
    when they support it together; otherwise report their verdict together, left
    "unverified" for a judge when it is only unverifiable."""
    check_deadline()  # serve's time limit: a large draft's claims stop at its 504
    hits = index.search(text, top_k)
    if not hits:
        check = Check(name="evidence", passed=False, detail="no related sentence in the sources")
        return Claim(text=text, verdict="rejected", checks=[check], support="unverifiable")
    related = _related(text, [s for s, _ in hits])
    cites = [Citation(sentence_id=s.id, article_id=s.article_id, text=s.text) for s in related]
    # joined evidence is one article's sentences: a claim fused from two articles ("the board"
    # of one, "unanimously" of another) is a patchwork, not a fact either states. The same
    # fact stated in each is carried by each one's sentence alone.
    by_article: dict[str, list[Citation]] = {}
    for c in cites:
        by_article.setdefault(c.article_id, []).append(c)
    joined = [group for group in by_article.values() if len(group) > 1]
    # all of them together still speak against it: what they contradict, or join otherwise
    # than the claim does (relations), is not carried by one article's part of them either
    across = [cites] if len(by_article) > 1 else []
    tries = [[c] for c in cites] + joined + across
    scope = frozenset(c.article_id for c in cites)
    results = [
        verify_claim(
            Claim(text=text, citations=group),
            by_id,
            ctx=ctx,
            repair=False,
            defer=True,
            cited_words=strict,
            scope=scope,
        )
        for group in tries
    ]
    singles = results[: len(cites)]
    for result in singles:
        if result.verdict == "accepted":
            return _overruled(result, singles) or result
    for result in singles:
        conflict = _carrier_conflict(result, ctx.known_names)
        if conflict is not None:
            return conflict
    together = _together(results[len(cites) : len(results) - len(across)] or singles)
    if together.verdict == "accepted":
        return together
    if together.support == "contradicted":
        return together
    if across and results[-1].support == "contradicted":
        return results[-1]
    score = together.score or 0.0
    blocking = {
        c.name
        for r in (together, *results[len(results) - len(across) :])
        for c in r.checks
        if not c.passed
    } & (STRICT_NOT_LENIENT if strict else NOT_LENIENT)
    lenient = word_count(text) >= MIN_CLAIM_WORDS
    if score >= SUPPORT_MIN and not blocking and lenient:
        shortfalls = "; ".join(f"{c.name}: {c.detail}" for c in together.checks if not c.passed)
        note = Check(
            name="support",
            passed=True,
            detail=f"no contradiction and coverage {score:.2f} of the retrieved evidence "
            f"(draft min {SUPPORT_MIN}); noted: {shortfalls}",
        )
        kept = [c for c in together.checks if c.passed]
        return together.model_copy(
            update={"verdict": "accepted", "support": "supported", "checks": [*kept, note]}
        )
    return together.model_copy(update={"verdict": "unverified"})


def _together(results: list[Claim]) -> Claim:
    """Of the verdicts on each article's joined sentences (or, when no article gave two, on
    each sentence), the one a claim stands by: an acceptance, else a contradiction, else the
    one that carries most of it."""
    accepted = (r for r in results if r.verdict == "accepted")
    contradicted = (r for r in results if r.support == "contradicted")
    best = max(results, key=lambda r: r.score or 0.0)
    return next(accepted, None) or next(contradicted, None) or best


def _related(text: str, hits: list[Sentence]) -> list[Sentence]:
    """The retrieved sentences that are about what the claim is about: those of the article
    of the one sharing most of the claim's words other than figures, and any other sharing
    RELATED_MIN_SHARED such words. With a folder of unrelated articles as sources, BM25 also
    finds "The display includes 12 crowns" for "Mendes will be sworn in on Jan. 12.", and
    joined evidence then carried the wrong date: an editor fuses facts about one subject, not
    figures, or one common word ("people"), from another story."""
    subject = {t for t in content_terms(text) if not quantities(t)}
    shared = [len(subject & set(content_terms(s.text))) for s in hits]
    anchor = hits[max(range(len(hits)), key=shared.__getitem__)]  # the first of the best
    need = min(len(subject), RELATED_MIN_SHARED)
    return [
        s
        for s, n in zip(hits, shared, strict=True)
        if s.article_id == anchor.article_id or n >= max(need, 1)
    ]


def _overruled(accepted: Claim, singles: list[Claim]) -> Claim | None:
    """A single sentence's check that contradicts the claim ``accepted`` on another: it
    carries at least as much of the claim (score) and says the opposite of it, every other
    contradiction check held (see OVERRULING). "Hargreaves has admitted murder" is not
    supported by "Hargreaves is accused of murdering Pike" when "Hargreaves denies murder" is
    retrieved too: the sentence that does not contradict it does not outweigh the one that
    does. None when no sentence does."""
    floor = max(accepted.score or 0.0, CARRIER_MIN)
    for result in singles:
        if result.support != "contradicted" or (result.score or 0.0) < floor:
            continue
        failed = {c.name for c in result.checks if not c.passed} & CONTRADICTION_CHECKS
        if not failed or not failed <= OVERRULING:
            continue
        cited = [c.text for c in result.citations]
        if "negation" in failed or find_opposite(result.text, cited, counting_stated=False):
            return result
    return None


def _carrier_conflict(result: Claim, known_names: set[str]) -> Claim | None:
    """The claim as contradicted by one sentence that carries much of it (its check against
    that sentence alone): on a name, number, quote or antonym (see CARRIER_CONFLICTS), by
    naming someone the claim replaces with a name found elsewhere in the sources ("Netanyahu
    said" where the carrier says "Kerry said"), or by giving another month, quarter or half
    than the one the claim takes from elsewhere. None when there is no such conflict. An
    opposite the claim states too is no conflict here: "sales fell while costs rose" fuses
    "sales fell" with another sentence's "costs rose"."""
    score = result.score or 0.0
    if score < CARRIER_MIN:
        return None
    carrier = [c.text for c in result.citations]
    failed = {c.name for c in result.checks if not c.passed}
    if "names-elsewhere" in failed and score >= NAME_SWAP_MIN:
        dropped = names_dropped(result.text, carrier[0], known_names)
        if dropped:
            instead = f"the sentence that carries the claim names {', '.join(dropped)}"
            return _contradicted(result, "names-elsewhere", "names", instead)
    if "numbers-elsewhere" in failed and (replaced := dates_replaced(result.text, carrier[0])):
        kinds = " or ".join(sorted({q.split(":", 1)[0] for q in replaced}))
        swapped = f"the sentence that carries the claim gives another {kinds}"
        return _contradicted(result, "numbers-elsewhere", "numbers", swapped)
    if result.support != "contradicted":
        return None
    failed &= CARRIER_CONFLICTS
    if "qualifiers" in failed and not any(dropped_hedge(c) for c in result.checks):
        failed.discard("qualifiers")  # a qualifier the claim adds may be another sentence's
    if failed == {"antonyms"}:
        opposed = find_opposite(result.text, carrier, counting_stated=False) is not None
        return result if opposed else None
    return result if failed else None


def _contradicted(result: Claim, was: str, now: str, why: str) -> Claim:
    """``result`` contradicted: its failed check ``was`` (e.g. a name found only elsewhere)
    becomes the contradiction ``now``, with ``why`` added to its detail."""
    checks = [
        Check(name=now, passed=False, detail=f"{c.detail}; {why}") if c.name == was else c
        for c in result.checks
    ]
    return result.model_copy(
        update={"support": "contradicted", "verdict": "rejected", "checks": checks}
    )


def read_draft(draft: str | Path | bytes, name: str = "draft") -> tuple[str, str]:
    """The draft's name and text; a file or bytes must be UTF-8 text, not binary.

    ``name`` labels text and bytes in messages and the report: a library caller's bytes are
    "draft" as its str is (they were called "stdin"); the CLI passes "stdin" for ``-``.
    """
    if not isinstance(draft, (str, Path, bytes)):
        kind = type(draft).__name__
        raise InputError(f"the draft must be text (str or bytes) or a pathlib.Path, not {kind}")
    if isinstance(draft, str):
        from .pipeline import check_text, looks_like_location  # imported here, as in _load_sources

        check_text(draft, "the draft")
        if looks_like_location(draft):  # "no sentences to verify" told nothing of the mistake
            raise InputError(
                f"{draft!r} looks like a path or URL, but a str draft is the draft's text: "
                f"pass pathlib.Path({draft!r}) for a file"
            )
        text = draft
    else:
        name = name if isinstance(draft, bytes) else printable_line(str(draft))
        data = draft if isinstance(draft, bytes) else _read_bytes(draft)
        # UTF-8, or UTF-16/32 by its byte order mark (Windows' "Unicode"), as for articles
        text = decode(data, name, "a draft") if data.strip() else ""
    if not text.strip():
        raise InputError(f"{name}: the draft is empty")
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    if letters < MIN_LETTER_SHARE * len(visible):
        raise InputError(f"{name}: does not look like text (too few letters)")
    return name, text


def _read_bytes(path: Path) -> bytes:
    """A draft file's bytes, read as safely as an article: a FIFO or a device (``verify
    /dev/zero``) is refused, not waited on or read without end, and so is a huge file."""
    name = printable_line(str(path))
    if not path.exists() and not path.is_symlink():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory; the draft is one file (pass -s DIR for sources)")
    return read_file(path, Limits())


def _llm_judge(settings: Settings | None, **options: object) -> Judge | None:
    """The configured LLM's judge, or None for the offline layers only."""
    from .pipeline import _settings, get_writer, resolve_backend

    chosen = _settings(settings, options)
    if not chosen.judge or resolve_backend(chosen) == "extractive":
        return None
    return get_writer(chosen).judge


def _load_sources(
    sources: Iterable[str | Path | Article] | str | Path | Article,
    draft: Path | None = None,
    skipped: list[str] | None = None,
) -> list[Article]:
    """The sources' articles, without the draft file when a source folder holds it: a draft
    saved among its sources was found as its own evidence, every claim "supported". Named
    as a source itself (``-s draft.md``), it stays: checking a text against itself is asked.
    ``skipped`` gets the folders' files that are not articles, for the report's notes: a
    source folder's PDF was said only in a log line, the report silent about it.
    """
    from .pipeline import _many_articles  # a str is article text, as in blurb() and briefing()

    if isinstance(sources, Iterable) and not isinstance(sources, (str, bytes, dict, Article)):
        sources = list(sources)  # looked at twice: a generator would be empty the second time
    named = sources if isinstance(sources, list) else [sources]
    articles = _many_articles(sources, skipped=skipped)
    if draft is not None and not any(isinstance(s, Path) and _same_file(s, draft) for s in named):
        found = len(articles)
        articles = [a for a in articles if not any(_same_file(o.file, draft) for o in a.outlets)]
        if found and not articles:
            shown = printable_line(str(draft))
            raise InputError(f"{shown}: the sources hold only the draft itself; pass the articles")
    if not articles:
        raise InputError("no sources given: pass the articles the draft rests on")
    return articles


def _distinct(sentences: list[Sentence]) -> list[Sentence]:
    """The first of each sentence text: a source given twice (``-s feed/ -s feed/``, a copied
    folder, a syndicated copy) filled the top-k evidence with one sentence twice, crowding out
    the next one, and a claim that failed against three sentences passed against two."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = " ".join(s.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _same_file(path: str | Path | None, draft: Path) -> bool:
    """Whether ``path`` (a source Path, or the file an article was read from, as ingest shows
    it: its name cleaned) is the draft's."""
    if not path:
        return False
    shown = Path(printable_line(str(draft)))
    try:
        return Path(path).resolve() in (draft.resolve(), shown.resolve())
    except (OSError, ValueError):
        return False
