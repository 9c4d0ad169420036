"""Which report tells a developing story's latest state, as a blind tester's day showed it
going wrong: a toll that "climbs to seven" in a headline only, cancellations that "reach 170",
an outage "restored" with "210 flights cancelled in total", a minister "expected to be named"
after the evening's report named him, and an attack "that has halted online sales" read as
overtaking the morning's report of the breach. Own texts only."""

from __future__ import annotations

from datetime import datetime

from summarizer import extractive, make_article, stories, timeline
from summarizer.models import Article


def _article(lines: list[str], published: str, name: str) -> Article:
    """The first line is the headline, as a file's first line is."""
    return make_article("\n\n".join(lines), published=published, file=name)


STORM = [
    (
        [
            "Storm Wenna batters Hollin coast: three dead",
            "Storm Wenna swept across the Hollin coast overnight, killing three people and "
            "leaving about 40,000 homes without electricity, emergency services said on Tuesday.",
            "Gusts of up to 140 km/h were recorded at the Marrick lighthouse.",
        ],
        "2026-02-03T05:50:00Z",
    ),
    (
        [
            "Hollin storm death toll rises to four",
            "The death toll from Storm Wenna rose to four on Tuesday after a man was found dead "
            "beneath the collapsed roof of a barn near Marrick, police said.",
            "About 35,000 homes were still without power, the grid operator said.",
        ],
        "2026-02-03T09:30:00Z",
    ),
    (
        [
            "Storm Wenna death toll climbs to seven as it moves out to sea",
            "Seven people have now died on the Hollin coast as a result of Storm Wenna, which "
            "moved away over the open sea on Tuesday evening.",
            "The latest victim was a man who suffered a heart attack while clearing debris from "
            "his garden, police said.",
            "About 20,000 homes were still without power on Tuesday night.",
        ],
        "2026-02-03T21:00:00Z",
    ),
]


def _headed(story: list[Article]) -> tuple[datetime | None, str, str]:
    """The story's clock, the title clustering gives it (one story) and its first sentence."""
    (found,) = stories.cluster_stories(story, threshold=0.0)
    return (
        timeline.story_clock(story),
        found.title,
        extractive.summarize(story, sentences=2)[0].text,
    )


def _storm() -> list[Article]:
    return [_article(lines, when, f"storm{n}.txt") for n, (lines, when) in enumerate(STORM)]


def test_a_headline_that_says_the_toll_moved_makes_its_report_the_latest() -> None:
    """Before: only the first sentences were read for a figure that moved, so the 09:30 report
    ("rose to four") told the latest state and led, under the evening's headline."""
    clock, title, first = _headed(_storm())
    assert clock is not None and clock.hour == 21
    assert title == "Storm Wenna death toll climbs to seven as it moves out to sea"
    assert first.startswith("Seven people have now died"), first


OUTAGE = [
    (
        [
            "Brisa Air grounds flights after overnight IT failure",
            "Brisa Air halted all departures early on Tuesday after a failure in its computer "
            "systems left staff unable to check in passengers, the airline said.",
            "Long queues formed at Corla airport from about 4 a.m.",
            "Brisa operates about 300 flights a day.",
        ],
        "2026-02-03T05:30:00Z",
    ),
    (
        [
            "Brisa Air cancels 80 flights as system outage drags on",
            "Brisa Air had cancelled 80 flights by mid-morning on Tuesday as an outage of its "
            "check-in systems entered a sixth hour, the airline said.",
            "The airline said the failure was caused by a faulty software update at its IT "
            "supplier and was not a cyberattack.",
            "Tens of thousands of passengers were affected at Corla and Vesk airports.",
        ],
        "2026-02-03T09:45:00Z",
    ),
    (
        [
            "Stranded Brisa passengers camp at Corla airport as cancellations reach 130",
            "Hundreds of Brisa Air passengers were sitting on the floor of Corla airport's "
            "departure hall at midday on Tuesday as the airline's computer outage continued.",
            "By noon Brisa had cancelled about 130 flights, the airport operator said.",
            "The airport opened a quiet area with camp beds for families.",
        ],
        "2026-02-03T12:10:00Z",
    ),
    (
        [
            "Brisa systems restored after outage; 160 flights cancelled in total",
            "Brisa Air said its computer systems were fully working again by 2 p.m. on Tuesday, "
            "after an outage that forced the carrier to cancel 160 flights.",
            "Chief executive Ana Lutz apologised in a video message.",
            "The failure was caused by a faulty software update installed overnight by the "
            "airline's IT supplier.",
        ],
        "2026-02-03T15:50:00Z",
    ),
]


def test_the_report_that_tells_the_change_heads_the_story() -> None:
    """Before: "reach 130", "restored" and "in total" told no change, so the story had no
    clock and the most central report headed it ("cancels 80 flights"); and with a clock, the
    most central of the later half headed it, the midday report, not the one that tells the
    outcome."""
    story = [_article(lines, when, f"outage{n}.txt") for n, (lines, when) in enumerate(OUTAGE)]
    clock, title, first = _headed(story)
    assert clock is not None and (clock.hour, clock.minute) == (15, 50)
    assert title == "Brisa systems restored after outage; 160 flights cancelled in total"
    assert first.startswith("Brisa Air said its computer systems were fully working again"), first


RESIGNED = [
    "Health minister Vera Kostic resigns over hospital contracts",
    "Velaria's health minister, Vera Kostic, resigned on Tuesday morning over contracts for "
    "hospital ventilators awarded to a company linked to a former aide.",
    "The anti-corruption prosecutor has opened a preliminary investigation.",
    "Prime Minister Tomas Brand is expected to name a new health minister later on Tuesday.",
]
NAMED = [
    "Brand names Ivo Sorel health minister after Kostic exit",
    "Prime Minister Tomas Brand on Tuesday appointed Ivo Sorel, a hospital administrator and "
    "former deputy health minister, to replace Vera Kostic.",
    "Sorel, 58, ran the city's university hospital for six years.",
    "He will be sworn in on Wednesday.",
]


def test_a_forecast_a_later_lead_says_came_about_is_left_out() -> None:
    """Before: "is expected to name a new health minister later on Tuesday" was written beside
    (or instead of) the evening's report that he was named."""
    story = [
        _article(RESIGNED, "2026-02-03T08:40:00Z", "resigned.txt"),
        _article(NAMED, "2026-02-03T16:30:00Z", "named.txt"),
    ]
    stale = timeline.superseded(story)
    texts = {s.id: s.text for a in story for s in a.sentences}
    assert [texts[i] for i in stale] == [RESIGNED[3]]
    clock = timeline.story_clock(story)
    assert clock is not None and clock.hour == 16
    claims = [s.text for s in extractive.summarize(story, sentences=3)]
    assert claims[0].startswith("Prime Minister Tomas Brand on Tuesday appointed Ivo Sorel")
    assert not any("expected to name" in c for c in claims), claims


def test_a_later_lead_that_only_mentions_the_verb_overtakes_no_forecast() -> None:
    """The twin: "joining the ministry fulfils a dream" states nothing came about (a gerund),
    so the morning's forecast stays."""
    interview = [
        "Sorel: 'Joining the health ministry fulfils a promise to my father'",
        "Ivo Sorel says joining the health ministry would fulfil a promise to his late father, "
        "a hospital porter, if Tomas Brand offers him the job.",
        "Sorel ran the city's university hospital for six years.",
    ]
    story = [
        _article(RESIGNED, "2026-02-03T08:40:00Z", "resigned.txt"),
        _article(interview, "2026-02-03T16:30:00Z", "interview.txt"),
    ]
    assert timeline.superseded(story) == set()


BREACH = [
    "Retailer Harbury says hackers stole data of 2 million customers",
    "Department store chain Harbury said on Monday that hackers had stolen personal data "
    "belonging to about 2 million customers, including names, addresses and order histories.",
    "The retailer said it had temporarily suspended online orders while it rebuilt its systems.",
    "Payment card details were not taken, it said.",
]
SHARES = [
    "Harbury shares slide 9% as cyber attack hits Christmas trading",
    "Shares in Harbury fell 9% on Monday after the department store group disclosed a cyber "
    "attack that has halted online sales weeks before Christmas.",
    "Online ordering has been suspended since Friday.",
    "Analysts said each week without online orders could cost the company 10 million pounds.",
]


def test_a_stop_the_earlier_report_also_told_overtakes_nothing_of_it() -> None:
    """Before: "has halted online sales" was read as a passive, so what it stopped was taken
    from the words before it ("shares", "fell"), and "Online ordering has been suspended"
    overtook the morning's report, whose lead names "order histories" and which had said
    itself that orders were suspended: its report of the breach was left out."""
    story = [
        _article(BREACH, "2026-02-02T08:20:00Z", "breach.txt"),
        _article(SHARES, "2026-02-02T16:45:00Z", "shares.txt"),
    ]
    assert timeline.superseded(story) == set()
    claims = [s.text for s in extractive.summarize(story, sentences=3)]
    assert any("hackers had stolen personal data" in c for c in claims), claims


def test_the_days_first_report_of_a_figure_tells_no_change() -> None:
    """A results report's "net profit rose to 1.8 billion" is no update when it is the story's
    first report: before, it set the story's clock and led the story with its lead."""
    first = [
        "Orsa Bank beats forecasts as lending margins hold up",
        "Orsa Bank reported a stronger-than-expected quarterly profit on Tuesday.",
        "Net profit rose to 1.8 billion euros from 1.6 billion a year earlier.",
        "Analysts had expected 1.7 billion euros.",
    ]
    later = [
        "Orsa Bank quarterly profit rises 12%, lifts targets",
        "Orsa Bank said on Tuesday that its quarterly net profit rose 12 percent to 1.8 billion "
        "euros, beating market expectations.",
        "The lender also raised its full-year target and announced a share buyback.",
    ]
    shares = [
        "Orsa shares rise 4% on profit beat",
        "Shares in Orsa Bank rose 4 percent on Tuesday after the lender reported a 12 percent "
        "rise in quarterly profit.",
        "It was the biggest gain among the country's banks.",
    ]
    story = [
        _article(first, "2026-02-03T06:30:00Z", "first.txt"),
        _article(later, "2026-02-03T07:00:00Z", "later.txt"),
        _article(shares, "2026-02-03T11:45:00Z", "shares.txt"),
    ]
    assert timeline.story_clock(story) is None


# -- a strike "is over"; an offer the later report says "had" been made ------------------------

MILL = [
    (
        [
            "Paper mill workers walk out at Dunmore",
            "Around 600 workers at the Dunmore paper mill walked out at 7 a.m. on Monday after "
            "pay talks broke down.",
            "The Dunmore Paper Company has offered 3 percent.",
            "The union is demanding 8 percent.",
        ],
        "2026-05-04T07:30:00Z",
    ),
    (
        [
            "Dunmore mill strike costs town dearly",
            "The strike at the Dunmore paper mill is costing local suppliers about 2 million "
            "euros for each day it lasts, the chamber of commerce said on Monday.",
            "The mill supplies most of the region's packaging.",
        ],
        "2026-05-04T11:00:00Z",
    ),
    (
        [
            "Dunmore mill strike ends with 6 percent deal",
            "The strike at the Dunmore paper mill is over.",
            "Workers accepted a 6 percent rise, well above the 3 percent the company had offered "
            "on Monday morning.",
        ],
        "2026-05-04T19:00:00Z",
    ),
]


def _mill() -> list[Article]:
    return [_article(lines, when, f"mill{n}.txt") for n, (lines, when) in enumerate(MILL)]


def _left_out(story: list[Article]) -> set[str]:
    """The texts of the sentences later reports overtook."""
    gone = timeline.superseded(story)
    return {s.text for a in story for s in a.sentences if s.id in gone}


def test_a_strike_that_is_over_overtakes_what_it_was_costing() -> None:
    """Before: "is over" was no stop, so "is costing ... for each day it lasts" was still
    shown after the strike ended."""
    left_out = _left_out(_mill())
    assert any(t.startswith("The strike at the Dunmore paper mill is costing") for t in left_out)
    assert "The strike at the Dunmore paper mill is over." not in left_out
    assert "The mill supplies most of the region's packaging." not in left_out


def test_an_offer_a_later_report_says_had_been_made_is_overtaken() -> None:
    """Before: "the 3 percent the company had offered" was a past perfect whose figure comes
    before it, so "has offered 3 percent" was still shown as the offer on the table."""
    left_out = _left_out(_mill())
    assert "The Dunmore Paper Company has offered 3 percent." in left_out
    assert "The union is demanding 8 percent." not in left_out  # no later report says it
