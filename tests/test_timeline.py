"""A story that moved on during the day is told by its latest state: the latest article's lead
first, and no earlier article's forecast beside the later article's outcome. Own texts only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarizer
from summarizer import extractive, make_article
from summarizer.models import Article

MORNING = [
    "Tram drivers to strike for 24 hours on Friday",
    "Commuters in Westford face a day of disruption after tram drivers announced a 24-hour "
    "strike on Westford Metro from Friday in a row over rosters.",
    "The Tramworkers' Guild said on Wednesday morning that 600 drivers would walk out from "
    "04:00 on Friday until 04:00 on Saturday.",
    "Only one tram in four is expected to run on the airport line, the operator said.",
    "Members rejected the new rosters by 88 per cent on a turnout of 70 per cent.",
    "Westford Metro said it was disappointed and urged the guild to return to talks.",
]
MIDDAY = [
    "Westford tram strike: what you need to know",
    "Westford commuters are being told to work from home on Friday after tram drivers "
    "announced a 24-hour strike on Westford Metro.",
    "Park-and-ride buses will run extra services on the day, the city council said.",
    "It is the first tram strike in the city since 2019.",
]
EVENING = [
    "Westford tram strike called off after new roster deal",
    "A 24-hour strike on Westford Metro planned for Friday has been called off after the "
    "operator agreed to rewrite the drivers' rosters, the Tramworkers' Guild said on "
    "Wednesday evening.",
    "The new rosters cap drivers' shifts at nine hours and restore a paid meal break.",
    "Westford Metro said all trams would run normally on Friday.",
]


def _article(lines: list[str], published: str | None, file: str) -> Article:
    return make_article("\n\n".join(lines), published=published, file=file)


def _story(*, timed: bool = True) -> list[Article]:
    return [
        _article(MORNING, "2025-06-11T06:30:00Z" if timed else None, "morning.txt"),
        _article(MIDDAY, "2025-06-11T11:10:00Z" if timed else None, "midday.txt"),
        _article(EVENING, "2025-06-11T19:30:00Z" if timed else None, "evening.txt"),
    ]


STALE = ("face a day of disruption", "expected to run", "work from home", "would walk out")


@pytest.mark.parametrize("words", [None, 40, 60, 100])
def test_the_latest_state_leads_and_no_overtaken_forecast_beside_it(words: int | None) -> None:
    """Before: "Commuters in Westford face a day of disruption ..." led the story, beside or
    without "... has been called off ..."."""
    claims = extractive.summarize(_story(), max_words=words, sentences=None if words else 3)
    texts = [c.text for c in claims]
    assert texts[0].startswith("A 24-hour strike on Westford Metro planned for Friday has been")
    assert not any(s in t for t in texts for s in STALE), texts


def test_what_was_not_overtaken_stays() -> None:
    from summarizer import timeline  # new: imported here so the behaviour tests run on old code

    ids = timeline.superseded(_story())
    kept = [s.text for a in _story()[:2] for s in a.sentences if s.id not in ids]
    assert any(t.startswith("Members rejected the new rosters") for t in kept)
    gone = [s.text for a in _story() for s in a.sentences if s.id in ids]
    assert any("expected to run" in t for t in gone) and any("face a day" in t for t in gone)
    assert not any("called off" in t or "all trams would run" in t for t in gone)


def test_an_untimed_story_or_one_told_within_hours_is_left_as_it_is() -> None:
    from summarizer import timeline

    assert timeline.story_clock(_story(timed=False)) is None
    assert timeline.superseded(_story(timed=False)) == set()
    close = [
        _article(MORNING, "2025-06-11T06:30:00Z", "a.txt"),
        _article(EVENING, "2025-06-11T07:30:00Z", "b.txt"),
    ]
    assert timeline.story_clock(close) is None


def test_a_briefing_of_the_day_leads_with_the_outcome(tmp_path: Path) -> None:
    """Through the whole pipeline, from a JSON Lines feed with publication times."""
    feed = tmp_path / "day.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for lines, when, outlet in [
            (MORNING, "2025-06-11T06:30:00Z", "Morning Post"),
            (MIDDAY, "2025-06-11T11:10:00Z", "City Times"),
            (EVENING, "2025-06-11T19:30:00Z", "Evening Wire"),
        ]:
            record = {"title": lines[0], "text": "\n\n".join(lines[1:]), "source": outlet}
            out.write(json.dumps({**record, "published": when}) + "\n")
    result = summarizer.briefing(feed, max_words=250)
    (story,) = [s for s in result.stories if s.claims]
    texts = [c.text for c in story.claims if c.shown]
    assert "called off" in texts[0], texts
    assert not any(s in t for t in texts for s in STALE), texts


MONDAY = [
    "Harbour pilots set Thursday walkout over pay",
    "Harbour pilots at the Port of Karrow will walk out on Thursday, their association said on "
    "Monday, in a dispute over pay and night shifts.",
    "The Harbour Pilots' Association is demanding a 9% pay rise over two years.",
    "About 140 pilots guide ships in and out of the port.",
]
WEDNESDAY = [
    "Karrow pilots accept pay offer, ending dispute",
    "Harbour pilots at the Port of Karrow have accepted a pay offer, ending a dispute over pay "
    "and night shifts, the port authority said on Wednesday.",
    "The association had been demanding 9% but settled for 6.5% over two years, with a cap on "
    "consecutive night shifts.",
    "Ships will move normally on Thursday, the port authority said.",
]


def test_a_demand_a_later_report_tells_in_the_past_perfect_is_overtaken() -> None:
    """Before: "The Harbour Pilots' Association is demanding a 9% pay rise" was told as current
    beside Wednesday's settlement, which says the association *had been* demanding 9%."""
    from summarizer import timeline

    story = [
        _article(MONDAY, "2025-06-09T08:00:00Z", "monday.txt"),
        _article(WEDNESDAY, "2025-06-11T17:00:00Z", "wednesday.txt"),
    ]
    ids = timeline.superseded(story)
    gone = [s.text for a in story for s in a.sentences if s.id in ids]
    assert any("is demanding a 9% pay rise" in t for t in gone), gone
    assert not any("About 140 pilots" in t or "settled for 6.5%" in t for t in gone), gone
    texts = [c.text for c in extractive.summarize(story, max_words=1000)]
    assert not any("is demanding" in t for t in texts), texts
    assert any("About 140 pilots" in t for t in texts), texts


NEWS = [
    "Dam bursts above Orvik, flooding 300 homes",
    "A dam above the mining town of Orvik burst early on Tuesday, flooding about 300 homes "
    "and forcing 1,200 people to leave, the regional government said.",
    "No one was reported killed, but two people were taken to hospital with cold injuries.",
    "Emergency shelters were opened in two schools and the sports hall, officials said.",
    "The mining company that owns the dam said it was working with rescuers and would pay "
    "for temporary housing.",
]
FOLLOW = [
    "Orvik dam burst: what we know so far",
    "The dam was built in 1962 to hold back waste water from the Orvik copper mine.",
    "Inspectors had raised concerns about cracks in its wall in a 2021 report.",
    "Residents say they were given less than an hour's warning.",
]


def _dam_story(late: list[str]) -> list[Article]:
    return [
        _article(NEWS, "2025-03-04T06:00:00Z", "news.txt"),
        _article(NEWS[:2] + NEWS[3:], "2025-03-04T06:20:00Z", "wire.txt"),
        _article(late, "2025-03-04T15:00:00Z", "later.txt"),
    ]


def test_a_later_explainer_that_changes_nothing_does_not_head_or_lead_the_story() -> None:
    """Before: any story whose timed reports spanned 3 hours was headed and led by its latest
    report, here an explainer ("what we know so far") that tells nothing new of the event."""
    from summarizer import stories, timeline

    story = _dam_story(FOLLOW)
    assert timeline.story_clock(story) is None
    found = stories.cluster_stories(story, threshold=0.0)
    assert [s.title for s in found] == ["Dam bursts above Orvik, flooding 300 homes"]
    first = extractive.summarize(story, sentences=2)[0].text
    assert first.startswith("A dam above the mining town of Orvik burst"), first


def test_a_later_report_whose_lead_says_a_figure_moved_still_leads() -> None:
    from summarizer import stories, timeline

    update = [
        "Orvik dam burst: number forced from homes rises to 3,000",
        "The number of people forced from their homes by Tuesday's dam burst above Orvik has "
        "risen to 3,000, the regional government said on Tuesday evening.",
        "Water reached the town's hospital in the afternoon, and its patients were moved.",
        "Engineers said the water level behind the broken wall was now falling slowly.",
        "The regional governor said an inquiry into the dam's upkeep would begin next week.",
    ]
    story = _dam_story(update)
    assert timeline.story_clock(story) is not None
    found = stories.cluster_stories(story, threshold=0.0)
    assert found[0].title.startswith("Orvik dam burst: number forced from homes rises")
    first = extractive.summarize(story, sentences=2)[0].text
    assert first.startswith("The number of people forced from their homes"), first
