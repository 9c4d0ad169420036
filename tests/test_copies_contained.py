"""A copy that cuts sentences and lightly rewords others is a copy (containment), while two
outlets' own reports of one event, sharing quotes, stay two articles."""

from __future__ import annotations

from summarizer import dedup, pipeline
from summarizer.ingest import make_article

WIRE = (
    "Strong storm floods harbour town, damages boats\n\n"
    "PORTLAND, May 4 (NPW) - A strong storm flooded the harbour town of Kelby on Sunday, "
    "damaging old boats and sending residents to higher ground, authorities said.\n\n"
    "The river rose by two metres in three hours after a month's rain fell overnight, the "
    "national weather office said.\n\n"
    "It was felt across the county and on the islands off the coast, as well as inland.\n\n"
    '"There are no reports of injuries so far, but some homes near the quay have been '
    'flooded," the county council leader Mary Holt told local radio.\n\n'
    "Schools in the town will stay closed on Monday so that buildings can be inspected, the "
    "council said.\n\n"
    "Several smaller storms followed through the evening, the strongest after midnight.\n\n"
    "The coast is low and is often hit by floods. In 2019 a storm near the town of Arden "
    "damaged hundreds of homes."
)
# the same wire story run by another outlet: the lead lightly reworded, a sentence dropped and
# the last paragraph trimmed, the dateline kept
TRIMMED = (
    "Storm floods Kelby harbour\n\n"
    "PORTLAND, May 4 (NPW) - A strong storm flooded the harbour town of Kelby on Sunday, "
    "damaging boats and sending residents to higher ground, officials said.\n\n"
    "The river rose by two metres in three hours after a month's rain fell overnight, the "
    "national weather office said.\n\n"
    "It was felt across the county and on the islands off the coast, as well as inland.\n\n"
    '"There are no reports of injuries so far, but some homes near the quay have been '
    'flooded," the county council leader Mary Holt told local radio.\n\n'
    "Several smaller storms followed through the evening, the strongest after midnight.\n\n"
    "The coast is low and is often hit by floods."
)
# another outlet's own report of the same storm: its own words, the same two quotes
OWN_REPORT = (
    "Kelby counts the cost after night of floods\n\n"
    "Shopkeepers in Kelby spent Monday pumping water out of their premises after the worst "
    "flooding the harbour has seen in a generation.\n\n"
    '"There are no reports of injuries so far, but some homes near the quay have been '
    'flooded," the county council leader Mary Holt told local radio.\n\n'
    "Fishermen said several boats had broken free of their moorings and sunk in the harbour "
    "overnight.\n\n"
    "Schools in the town will stay closed on Monday so that buildings can be inspected, the "
    "council said.\n\n"
    "The harbour master, Tom Reyes, said the sea wall had held but the river had not.\n\n"
    "Residents have called for new flood defences along the river for years."
)


def test_a_trimmed_copy_seen_first_gives_way_to_its_fuller_original() -> None:
    """Jaccard alone (about 0.65) kept the trimmed copy as its own article, so one wire story
    was two sources backing each other. Now it is a copy; the original's fuller text is kept
    (its dropped sentences stay citable) and the outlets stay first seen first."""
    trimmed = make_article(TRIMMED, source="Metro Digest")
    wire = make_article(WIRE, source="North Press Wire")
    assert dedup.jaccard(dedup.fingerprint(trimmed)[1], dedup.fingerprint(wire)[1]) < 0.7
    copies: dict[str, list[str]] = {}
    [kept] = dedup.dedupe_articles([trimmed, wire], copies=copies)
    assert kept.id == wire.id and kept.text == wire.text
    assert [o.name for o in kept.outlets] == ["Metro Digest", "North Press Wire"]
    assert copies == {wire.id: [trimmed.id]}


def test_a_trimmed_copy_seen_after_its_original_folds_into_it() -> None:
    wire = make_article(WIRE, source="North Press Wire")
    trimmed = make_article(TRIMMED, source="Metro Digest")
    copies: dict[str, list[str]] = {}
    [kept] = dedup.dedupe_articles([wire, trimmed], copies=copies)
    assert kept.text == wire.text
    assert [o.name for o in kept.outlets] == ["North Press Wire", "Metro Digest"]
    assert copies == {wire.id: [trimmed.id]}


def test_a_briefing_lists_the_trimmed_copy_with_its_original() -> None:
    result = pipeline.briefing(
        [make_article(TRIMMED, source="Metro Digest"), make_article(WIRE, source="NPW")]
    )
    [story] = result.stories
    assert len(story.article_ids) == 1 and len(story.copy_ids) == 1
    for claim in story.claims:  # one article: no sentence is cited as two sources' own
        assert len({c.article_id for c in claim.citations}) == 1


def test_reports_of_one_event_by_different_outlets_sharing_quotes_are_not_folded() -> None:
    """Two sentences word for word (a quote, the council's notice) make a candidate, not a
    copy: most of each report is its own."""
    wire = make_article(WIRE, source="North Press Wire")
    own = make_article(OWN_REPORT, source="Kelby Gazette")
    assert len({s.text for s in wire.sentences} & {s.text for s in own.sentences}) == 2
    for order in ([wire, own], [own, wire]):
        assert [a.id for a in dedup.dedupe_articles(order)] == [a.id for a in order]


def test_a_contained_copy_that_changes_a_figure_stays_its_own_article() -> None:
    """The rule on changed figures holds for a copy found by containment too."""
    changed = TRIMMED.replace("rose by two metres", "rose by four metres")
    wire = make_article(WIRE, source="North Press Wire")
    version = make_article(changed, source="Metro Digest")
    assert len(dedup.dedupe_articles([wire, version])) == 2
    assert len(dedup.dedupe_articles([version, wire])) == 2


def test_a_stricter_dedup_threshold_is_stricter_for_containment_too() -> None:
    wire = make_article(WIRE, source="North Press Wire")
    trimmed = make_article(TRIMMED, source="Metro Digest")
    assert len(dedup.dedupe_articles([wire, trimmed], threshold=0.99)) == 2
