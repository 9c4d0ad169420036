"""Blurb round 3: a live blog's blurb leads with the entry its headline tells, not with whichever
entry is newest (a think tank's reaction) or oldest. Hand-written blog; no relative imports."""

from __future__ import annotations

import summarizer
from summarizer import make_article

LIVE = (
    "Spring budget 2025: Reeves freezes fuel duty and cuts national insurance by 2p – live\n"
    "\n"
    "14:52 The Resolution Foundation, a think tank, said the measures announced today would "
    "leave the poorest fifth of households about £90 a year better off, against £540 for the "
    "richest fifth.\n"
    'Its chief executive said the package was "tilted towards those who need help least".\n'
    "\n"
    "14:10 Labour's opposition spokesperson said the statement did nothing for renters, and "
    "that the party would force a vote on a rent freeze next week.\n"
    "\n"
    "13:35 Rachel Reeves told MPs that fuel duty would be frozen for another year and that "
    "the main rate of employee national insurance would be cut by 2p from April, at a cost of"
    " £10bn a year.\n"
    "She said the cut would save an average worker on £35,000 about £450 a year.\n"
    "\n"
    "13:05 The chancellor has left Downing Street with the red box and is on her way to the "
    "Commons.\n"
    "\n"
    "12:40 Sterling was little changed against the dollar ahead of the statement, at $1.27.\n"
    "\n"
    "12:15 Good afternoon and welcome to our live coverage of the spring budget.\n"
)

NEWS = "Rachel Reeves told MPs that fuel duty would be frozen for another year"


def _oldest_first(blog: str) -> str:
    head, _, rest = blog.partition("\n\n")
    return head + "\n\n" + "\n\n".join(rest.strip().split("\n\n")[::-1]) + "\n"


def test_the_blurb_of_a_live_blog_leads_with_the_entry_its_headline_tells() -> None:
    """Before: the newest entry, the Resolution Foundation's reaction, led the blurb, and the
    chancellor's statement the headline reports was not in a 2-sentence blurb at all."""
    for blog in (LIVE, _oldest_first(LIVE)):
        assert make_article(blog).sentences[0].text.startswith(NEWS)
        for length in ({"sentences": 2}, {"sentences": 3}, {"max_words": 45}):
            shown = [c.text for c in summarizer.blurb(blog, **length).claims if c.shown]
            assert shown[0].startswith(NEWS), length


def test_the_other_entries_keep_their_order() -> None:
    texts = [s.text for s in make_article(LIVE).sentences]
    assert texts[1].startswith("She said the cut would save")  # the entry's own next line
    assert texts[2].startswith("The Resolution Foundation")  # then newest first
    assert texts[-1].startswith("Sterling was little changed")


def test_a_headline_given_apart_from_the_text_is_read_too() -> None:
    headline, _, body = LIVE.partition("\n\n")
    article = make_article(body, title=headline)
    assert article.title == headline
    assert article.sentences[0].text.startswith(NEWS)


def test_no_entry_moves_when_the_headline_tells_none_of_them_more() -> None:
    """A headline that only names the blog's topic ("Spring budget 2025 – live") picks no
    entry: the newest stays first."""
    blog = LIVE.replace(LIVE.split("\n", 1)[0], "Spring budget 2025: all the reaction – live")
    assert make_article(blog).sentences[0].text.startswith("The Resolution Foundation")
