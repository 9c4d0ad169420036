"""A copy dedup collapses into another article is still in the briefing's output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest import load_articles

FIRE = (
    "A fire destroyed a warehouse on Harbor Street early on Monday, the fire department said. "
    "No one was hurt, but smoke closed the coastal highway for six hours. "
    "Investigators said the blaze began in a storage room at about 3 a.m. "
    "The owner, Lena Ortiz, said the building held furniture worth two million dollars. "
    "Firefighters from three towns fought the flames for most of the morning. "
    "The cause of the fire is still under investigation, officials said."
)
# the same outlet sends it again with one sentence reworded, as feeds do after an edit (a
# changed figure would make it another version, not a copy: see test_dedup)
FIRE_AGAIN = FIRE.replace("smoke closed the coastal highway", "smoke shut the coastal highway")
VOTE = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said. "
    "Opponents said the money should go to repairing the old crossing instead."
)


def test_a_copy_from_the_same_outlet_is_listed_with_its_original(tmp_path: Path) -> None:
    """A record re-sent with one sentence changed, by the same outlet, vanished from the JSON:
    dedup folds a copy into the first one, and a copy from the same outlet adds no outlet,
    so neither its id nor its outlet was anywhere, and stderr counted one article fewer."""
    feed = tmp_path / "day.jsonl"
    records = [
        {"title": "Warehouse fire closes highway", "text": FIRE, "outlet": "Coast News"},
        {"title": "Bridge approved", "text": VOTE, "outlet": "Coast News"},
        {"title": "Warehouse fire closes highway", "text": FIRE_AGAIN, "outlet": "Coast News"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ids = [a.id for a in load_articles([str(feed)])]
    assert len(set(ids)) == 3
    res = CliRunner().invoke(app, ["briefing", str(feed), "-f", "json"])
    assert res.exit_code == 0, res.output
    stories = json.loads(res.stdout)["stories"]
    listed = [i for s in stories for i in (*s["article_ids"], *s["copy_ids"])]
    assert sorted(listed) == sorted(ids)
    fire = next(s for s in stories if ids[0] in s["article_ids"])
    assert fire["copy_ids"] == [ids[2]] and fire["size"] == 1
    assert "articles: 3 in output" in res.stderr
    assert "1 copy listed with its original" in res.stderr


def test_a_record_given_twice_is_said_once_and_a_wire_copy_is_not(tmp_path: Path) -> None:
    """The same record twice in a feed is one article (one id): the output held one article
    fewer than the records given, and nothing said why."""
    feed = tmp_path / "day.jsonl"
    fire = {"title": "Warehouse fire closes highway", "text": FIRE, "outlet": "Coast News"}
    wire = {**fire, "outlet": "Valley Wire"}  # the same text from another outlet: a wire copy
    vote = {"title": "Bridge approved", "text": VOTE, "outlet": "Coast News"}
    feed.write_text("".join(json.dumps(r) + "\n" for r in (fire, vote, fire, wire)))
    res = CliRunner().invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert "1 article given more than once: listed once" in out["problems"]
    fire_story = next(s for s in out["stories"] if len(s["outlets"]) == 2)
    assert [o["name"] for o in fire_story["outlets"]] == ["Coast News", "Valley Wire"]
    feed.write_text("".join(json.dumps(r) + "\n" for r in (fire, vote, wire)))
    res = CliRunner().invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert not any("more than once" in p for p in json.loads(res.stdout)["problems"])
