"""Ingest: a list of short lines without stops (results, scores) after a line that introduces
it is one unit a line, never glued into "sentences" whose stray figures back a claim; prose
hard-wrapped at a fixed width still joins across its lines."""

from __future__ import annotations

from pathlib import Path

import summarizer
from summarizer import make_article

STORY = (
    "Rovers win derby at the Dell\n\n"
    "Rovers beat Albion 2-0 at the Dell on Sunday, with both goals from the striker Ama Kofi "
    "in the second half.\n\n"
    "Albion had a goal ruled out for offside just before half-time.\n\n"
)
RESULTS = [
    "Elsewhere in the league on Sunday:",
    "Hillcrest 3, Dunmore 1",
    "Kingsway 0, Portland Athletic 0 (Portland Athletic won 5-4 on penalties)",
    "Southgate 2, Bridgend Town 4",
]


def test_each_result_line_is_a_unit(tmp_path: Path) -> None:
    """Before: "Elsewhere in the league on Sunday: Hillcrest 3, Dunmore 1" and "Kingsway 0,
    Portland Athletic 0 (...) Southgate 2, Bridgend Town 4" were two sentences, and the second
    backed "Kingsway beat Southgate 2-0" with Kingsway's 0 and Southgate's 2."""
    path = tmp_path / "derby.txt"
    path.write_text(STORY + "\n".join(RESULTS) + "\n", encoding="utf-8")
    texts = [s.text for a in summarizer.load_articles(path) for s in a.sentences]
    assert texts[-4:] == RESULTS
    assert not summarizer.verify("Kingsway beat Southgate 2-0.\n", path).claims[0].supported
    assert summarizer.verify("Bridgend Town beat Southgate 4-2.\n", path).claims[0].supported


def test_a_colon_before_a_sentence_still_runs_on_and_wrapped_prose_joins() -> None:
    """A list's lines are units; a colon before a quoted sentence, and prose hard-wrapped at
    68 columns (a line ending mid-clause in a bracket), still run on as before."""
    wrapped = (
        "The league's chief executive, Dana Whitlock, said the disciplinary\n"
        "panel (three former referees chosen by the clubs in March last year)\n"
        "Tuesday rejected the appeal by Albion against the red card shown to\n"
        "its goalkeeper in the first half of the derby.\n"
    )
    text = (
        f"Derby day\n\n{wrapped}\nThe chairman said:\n“We will appeal against the ban.”\n\n"
        + "\n".join(RESULTS[:2])
    )
    assert [s.text for s in make_article(text).sentences] == [
        " ".join(wrapped.split()),
        "The chairman said: “We will appeal against the ban.”",
        *RESULTS[:2],
    ]
