"""Sentence splitting and sentence ids.

The splitter is nupunkt (Punkt with a bundled English model, pure Python): on pysbd's English
golden rules it gets 35/48 cases right to pysbd's 47/48, mostly losing on numbered list items,
which news text rarely has, while being about 40 times faster, which at a newsroom's scale
decides the run time (see bench/splitter_bench.py and the README).

Work per call is bounded whatever the input: a paragraph is cut into windows of at most
``WINDOW_CHARS`` at whitespace before it reaches the splitter, and a sentence longer than
``MAX_SENTENCE_CHARS`` (a line with no sentence breaks) is hard-split at whitespace.

A sentence id is ``<article id>.s<hash of the normalised sentence text>`` (``-2``, ``-3`` for
repeats within the article), so ids survive a change of splitter or of other sentences.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# A sentence longer than this is cut at whitespace: no real sentence is, and every later stage
# (dedup, verification, the LLM prompts) then works on bounded pieces.
MAX_SENTENCE_CHARS = 2000
# The splitter sees at most this much text at once.
WINDOW_CHARS = 20_000
SENTENCE_HASH_CHARS = 8


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import nupunkt

    return nupunkt


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping the text exactly; a paragraph splits the
    same in any article (see ``_missed_breaks``).

    A fragment with no letters or digits (a stray closing quote) joins the sentence before it.
    """
    out: list[str] = []
    splitter = _tokenizer()
    for window in _windows(paragraph, WINDOW_CHARS):
        pieces = (p for t in splitter.sent_tokenize(window) for p in _cjk_split(t))
        for piece in (p for t in pieces for p in _missed_breaks(t)):
            for part in _hard_split(piece.strip(), MAX_SENTENCE_CHARS):
                if out and not any(ch.isalnum() for ch in part):
                    out[-1] = f"{out[-1]}{part}"
                elif part:
                    out.append(part)
    return out


# Chinese and Japanese end a sentence with a full-width mark and no space, which the English
# model does not split at: a Chinese article was 2,000-character "sentences", its 3-sentence
# blurb 6,000 characters cut mid-sentence. A mark before a closing quote or bracket ends a
# quotation, not always the sentence (「…始まる。」と述べた。): no cut there.
_CJK_END = re.compile(r"[。！？]")  # searched in C: a Python loop over each character cost 12%
_CJK_SENTENCE = re.compile(r".+?(?:[。！？]+(?![」』”’）》])|$)", re.S)


def _cjk_split(piece: str) -> list[str]:
    if not _CJK_END.search(piece):
        return [piece]
    return [m for m in _CJK_SENTENCE.findall(piece) if m.strip()]


# nupunkt's model, learnt from legal text, takes 2,400 ordinary words for abbreviations ("wall",
# "scandal", "cancer", "month"; run ``load_default_model()._params.abbrev_types``), so "They
# built the wall. Democrats said no." stayed one sentence (about 1 in 400 news sentences). A
# lower-case word before a period and a capital is a sentence end unless the word is one of
# these lower-case abbreviations; a word with a period inside ("p.m.", "e.g.") is left alone.
# A capital after a curly opening quote counts too: the model cuts before a straight quote
# ('the wall. "No," he said.') but not before a curly one ("the wall. “No,” he said.").
_LOWER_ABBREVIATIONS = frozenset(
    "al approx assn ca cf co corp dept eds esp est etc fig figs ft govt hr hrs inc incl intl "
    "jr lb lbs ltd max min mins misc mo mos mt natl no nos oz pp pt resp sec secs sq sr st "
    "viz vol vols vs wk wks yr yrs".split()
)
# Found in C: cheap per piece.
_PERIOD_BEFORE_CAPITAL = re.compile(r"\.([\"'”’)\]]*)\s+(?=[“‘]?[A-Z])")
_LOWER_WORD_AT_END = re.compile(r"(?<![.\w])[a-z]{2,}$")

# The model's abbreviations also include about 3,000 capitalised names and words ("bentsen",
# "buchanan", "kerry", "zemin", "york", "west", "iowa"), so "Joe Biden knew Lloyd Bentsen.
# Mr. Quayle said nothing." and "Sanctions were imposed by the West. Adding to the pressure,
# ..." were one sentence each. The model is not trusted there: a capitalised word of 4 or more
# letters before a period and a capital ends a sentence unless it is one of the real
# capitalised abbreviations of news style below. Words of 1-3 letters are never cut ("Sen",
# "Gov", "Inc", "Gen", "No", "St", "Ala", "Fla", "Jan", initials: too many abbreviations), nor
# a token after a hyphen ("D-Mass.") or with a period inside ("D.C."). An abbreviation that
# does end a sentence ("in Concord, Calif. Dukes is the owner") stays joined: it cannot be
# told from a dateline or an address that runs on ("Concord, Calif. Police said"). Cuts after a
# title before a name ("former Sens. Dole") are undone in ingest (``join_fragments``).
_CAPITAL_WORD_AT_END = re.compile(r"(?<![\w.'’-])[A-Z][A-Za-z]{3,}$")
# The capitalised abbreviations of 4 or more letters (shorter ones are never cut), modelled on
# AP style and looked up in title case ("CALIF." in an upper-case dateline too): titles and
# ranks ("former Cong. Rob Simmons"), US states and Canadian provinces, months and days,
# company and institution forms, a city in a headline ("NE Phila. Kraft Plant"), addresses,
# old forms of first names ("Chas.", "Thos."). Never a sentence end by the rule above.
_CAPITAL_ABBREVIATIONS = frozenset(
    # titles and ranks
    "Adms Asst Assoc Atty Attys Brig Capt Capts Chmn Cmdr Cols Comdr Commr Cong Const Cpls Dist "
    "Gens Govs Insp Lieut Majs Messrs Mlle Mmes Msgr Pres Prof Profs Revs Reps Secy Sens Sgts "
    "Spec Supt Treas "
    # US states (AP and older forms) and Canadian provinces
    "Alta Ariz Calif Colo Conn Kans Mass Mich Minn Miss Mont Nebr Okla Oreg Sask Tenn Wash "
    "Wisc Wyom "
    # months and days
    "Sept Tues Thur Thurs "
    # companies, institutions, bodies
    "Admin Assn Bros Corp Dept Govt Hldgs Inst Intl Ltda Mgmt Natl Univ "
    # cities (headline style) and addresses
    "Phila Bldg Blvd Pkwy Terr "
    # first names
    "Benj Chas Thos".split()
)


# An answer "No." opening a piece before a capitalised word ("No. Fares are frozen until
# 2026."): the model reads "No." as "number" only when a word it knows well follows ("No. The
# council ..." is cut); before a figure ("No. 10 Downing Street") it is the abbreviation.
_ANSWER_NO = re.compile(r"No\.\s+(?=[“\"‘]?[A-Z][a-z])")


def _missed_breaks(piece: str) -> list[str]:
    """``piece`` cut after each word that ends a sentence but that the model took for an
    abbreviation: a lower-case word not in ``_LOWER_ABBREVIATIONS``, or a capitalised word
    of 4 or more letters not in ``_CAPITAL_ABBREVIATIONS``; and after an answer's "No." that
    opens it."""
    out: list[str] = []
    start = 0
    if piece[:3] == "No." and (no := _ANSWER_NO.match(piece)):
        out.append(piece[:3])
        start = no.end()
    for match in _PERIOD_BEFORE_CAPITAL.finditer(piece):
        lo = max(start, match.start() - 40)
        word = _LOWER_WORD_AT_END.search(piece, lo, match.start())
        if word is not None:
            if word.group() in _LOWER_ABBREVIATIONS:
                continue
        else:
            word = _CAPITAL_WORD_AT_END.search(piece, lo, match.start())
            if word is None or word.group().capitalize() in _CAPITAL_ABBREVIATIONS:
                continue
        out.append(piece[start : match.end(1)])
        start = match.end()
    out.append(piece[start:])
    return out


def _windows(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters, cut after a sentence end if one is
    near the limit, else at whitespace, else anywhere."""
    start = 0
    while len(text) - start > size:
        cut = _cut_point(text, start, start + size)
        yield text[start:cut]
        start = cut
    yield text[start:]


def _hard_split(sentence: str, size: int) -> list[str]:
    if len(sentence) <= size:
        return [sentence]
    return [p.strip() for p in _windows(sentence, size) if p.strip()]


_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")


# A run this long with no sentence end is no sentence (a blurb's longest is about 350).
CUT_PIECE_MIN_CHARS = 400


def is_cut_piece(text: str) -> bool:
    """True for what is likely a piece of a run with no sentence break (``_hard_split`` cuts
    it): it does not end as a sentence does and is long, or starts mid-sentence in lower case
    (a run's last piece can be short). A blurb should not present such a piece as a cited
    sentence without saying so."""
    text = text.strip()
    if not text or _ENDS_SENTENCE.search(text):
        return False
    return len(text) >= CUT_PIECE_MIN_CHARS or text[0].islower()


CUT_MARK = " …"


def cut_mark(text: str) -> str:
    """What every output (text, Markdown, HTML) shows after a claim quoting a cut piece (see
    ``is_cut_piece``), so that no reader takes it for a whole sentence: ``" …"`` or ``""``."""
    return CUT_MARK if is_cut_piece(text) else ""


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to cut ``text[start:end]``: after the last ``. `` in its second half, else after
    the last whitespace in its second half, else at ``end``."""
    half = start + (end - start) // 2
    for marker in (". ", "? ", "! ", "。", " ", "\n"):
        i = text.rfind(marker, half, end)
        if i != -1:
            return i + len(marker)
    return end


def sentence_ids(article_id: str, texts: list[str]) -> list[str]:
    """Stable ids for an article's sentences: a hash of each normalised text; repeats within
    the article get ``-2``, ``-3``, … in order."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for text in texts:
        norm = " ".join(text.split()).lower()
        digest = hashlib.sha256(norm.encode("utf-8")).hexdigest()[:SENTENCE_HASH_CHARS]
        n = seen.get(digest, 0) + 1
        seen[digest] = n
        ids.append(f"{article_id}.s{digest}" if n == 1 else f"{article_id}.s{digest}-{n}")
    return ids
