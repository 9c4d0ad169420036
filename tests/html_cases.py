"""Articles for the HTML tests: a hostile one (markup and script in every field) and a small
day of two outlets' reports whose URLs point at a local test server."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer import Article, load_articles

PWN = "window.__pwned = 1"
HOSTILE = {
    "title": f"<script>{PWN}</script>Council <b>votes</b> on budget",
    "source": f'<img src=x onerror="{PWN}">Evil Gazette',
    "url": f"javascript:{PWN}",
    "text": (
        f"The city council approved a budget of 40 million dollars on Monday <script>{PWN}"
        "</script> after a long debate.\n\n"
        f'Mayor Ana Ruiz said the plan <img src=x onerror="{PWN}"> funds 12 new bus lines '
        "across the city.\n\n"
        f'Residents can read the full plan at <a href="javascript:{PWN}">the city website</a> '
        'and comment <span onmouseover="window.__pwned = 1">until Friday</span>.'
    ),
}


def hostile_articles(folder: Path) -> list[Article]:
    """The hostile article, loaded through the normal JSON input."""
    path = folder / "hostile.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    return load_articles([path])


DAY = [
    {
        "title": "Harbour bridge reopens after repairs",
        "source": "Coast Herald",
        "text": "The harbour bridge reopened to traffic on Tuesday after eight months of repairs. "
        "Engineers replaced 40 steel cables and resurfaced the deck. "
        "The works cost 18 million euros, the transport office said. "
        "Commuters had faced detours of up to 30 minutes while the bridge was closed.",
    },
    {
        "title": "Bridge open again, detours end",
        "source": "Daily Pilot",
        "text": "Traffic returned to the harbour bridge on Tuesday after eight months of repairs. "
        "The transport office said the works cost 18 million euros. "
        "Engineers replaced 40 steel cables, and the deck was resurfaced. "
        "Local shops near the detour route reported fewer customers during the closure.",
    },
]


def day_articles(folder: Path, base_url: str) -> list[Article]:
    """Two reports of one story; each article's URL is a page under ``base_url``."""
    for i, record in enumerate(DAY, 1):
        page = folder / f"article-{i}.html"
        page.write_text(
            f"<!DOCTYPE html><title>{record['title']}</title><h1>{record['title']}</h1>",
            encoding="utf-8",
        )
    records = [{**r, "url": f"{base_url}/article-{i}.html"} for i, r in enumerate(DAY, 1)]
    path = folder / "day.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return load_articles([path])


# An Arabic report, and two English reports of one story whose first outlet's name ends in an
# unclosed U+202E (right-to-left override), as a hostile or broken feed may send it.
BIDI = [
    {
        "title": "مجلس المدينة يوافق على بناء جسر جديد",
        "source": "الجزيرة",
        "text": "صوت مجلس المدينة يوم الثلاثاء بأغلبية 7 مقابل 2 على بناء جسر جديد فوق نهر إلم. "
        "سيبدأ البناء في مايو وسيتكلف 40 مليون دولار، وفقا لرئيسة البلدية آنا رويز.",
    },
    {**DAY[0], "source": "Spoof\u202e Gazette"},
    {**DAY[1], "source": "Wide Times"},
]


def bidi_articles(folder: Path) -> list[Article]:
    path = folder / "bidi.json"
    path.write_text(json.dumps(BIDI, ensure_ascii=False), encoding="utf-8")
    return load_articles([path])


# A word no line can break: a German compound, a hashtag run together, a URL without hyphens.
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenversicherung" * 3
LONG = {
    "title": f"Headline {LONG_WORD}",
    "source": f"Outlet{LONG_WORD}",
    "url": "https://example.com/a",
    "text": f"The council voted 7-2 on Tuesday to name the new bridge {LONG_WORD} after a "
    "long debate. Construction starts in May and will cost 40 million dollars, Mayor Ana "
    "Ruiz said.",
}


def long_word_articles(folder: Path) -> list[Article]:
    path = folder / "long.json"
    path.write_text(json.dumps(LONG), encoding="utf-8")
    return load_articles([path])
