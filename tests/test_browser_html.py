"""The HTML outputs in a real headless Chromium (issue 11): citation tooltips on hover and on
keyboard focus, source links, a hostile article, scoped blurb styles, phone width, print.

Skips with the reason when /usr/bin/chromium or /usr/bin/chromedriver is missing
(``apt-get install chromium chromium-driver``; .ci/run installs them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import Blurb, Briefing, Claim, load_articles, render_blurb, render_briefing
from summarizer.pipeline import blurb, briefing

from .browser import browser_missing, chromium, save_screenshots
from .conftest import ARTICLES
from .html_cases import bidi_articles, day_articles, hostile_articles, long_word_articles
from .localweb import serve_folder

pytestmark = pytest.mark.skipif(
    browser_missing() is not None, reason=f"browser tests skipped: {browser_missing()}"
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """One browser for the module: starting Chromium takes seconds on a shared machine."""
    with chromium() as d:
        yield d


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on 127.0.0.1 and its base URL."""
    with serve_folder(tmp_path) as base:
        yield tmp_path, base


def _fresh(driver: Any, url: str) -> None:
    """Load ``url`` with the pointer parked in a corner and nothing focused."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    driver.set_window_size(1000, 800)
    driver.get(url)
    park = ActionBuilder(driver)
    park.pointer_action.move_to_location(1, 1)
    park.perform()


def _day(site: tuple[Path, str]) -> tuple[Briefing, str]:
    folder, base = site
    result = briefing(day_articles(folder, base))
    (folder / "briefing.html").write_text(render_briefing(result, "html"), encoding="utf-8")
    return result, f"{base}/briefing.html"


def test_hovering_a_citation_shows_the_cited_sentence_outlet_and_title(
    driver: Any, site: tuple[Path, str]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    result, url = _day(site)
    _fresh(driver, url)
    cite = driver.find_elements(By.CSS_SELECTOR, ".smz-claims .smz-cite")[0]
    tip = cite.find_element(By.CSS_SELECTOR, ".smz-tip")
    assert not tip.is_displayed()
    ActionChains(driver).move_to_element(cite.find_element(By.CSS_SELECTOR, ".smz-mark")).perform()
    assert tip.is_displayed()
    claim = next(c for c in result.claims if c.shown)
    number = int(cite.find_element(By.CSS_SELECTOR, ".smz-mark").text.strip("[]"))
    source = next(s for s in result.sources if s.number == number)
    cited = next(c.text for c in claim.citations if c.article_id == source.article_id)
    assert cited in tip.text
    assert source.outlets[0].name in tip.text and source.title in tip.text


def test_a_citation_shows_its_sentence_on_keyboard_focus(
    driver: Any, site: tuple[Path, str]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _, url = _day(site)
    _fresh(driver, url)
    tips = driver.find_elements(By.CSS_SELECTOR, ".smz-claims .smz-tip")
    assert tips and not any(t.is_displayed() for t in tips)
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(30):  # Tab past the outlet links to the first citation marker
        body.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if "smz-mark" in (active.get_attribute("class") or ""):
            break
    else:
        pytest.fail("Tab never reached a citation marker")
    tip_id = active.get_attribute("aria-describedby")
    tip = driver.find_element(By.ID, tip_id)
    assert tip.is_displayed() and tip.text
    assert [t for t in tips if t.is_displayed()] == [tip]


def test_following_a_source_link_opens_the_article(driver: Any, site: tuple[Path, str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    result, url = _day(site)
    _fresh(driver, url)
    link = driver.find_element(By.CSS_SELECTOR, ".smz-sources .smz-source a.smz-link")
    target = link.get_attribute("href")
    assert target == result.sources[0].outlets[0].url
    link.click()
    WebDriverWait(driver, 10).until(ec.url_to_be(target))
    assert driver.find_element(By.TAG_NAME, "h1").text == result.sources[0].title


def _no_script_ran(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - reading it raises when no dialog is open


def _hover_everything(driver: Any) -> None:
    """Move over and click every marker and link, as a curious reader would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    for el in driver.find_elements(By.CSS_SELECTOR, ".smz-mark, .smz-text, .smz-claims li"):
        if el.is_displayed():
            ActionChains(driver).move_to_element(el).perform()


def test_a_hostile_article_runs_no_script(driver: Any, site: tuple[Path, str]) -> None:
    from selenium.webdriver.common.by import By

    folder, base = site
    articles = hostile_articles(folder)
    (folder / "briefing.html").write_text(render_briefing(briefing(articles), "html"))
    host = "<!DOCTYPE html><title>Host</title><p>Article page</p>" + render_blurb(
        blurb(articles[0]), "html"
    )
    (folder / "host.html").write_text(host, encoding="utf-8")

    _fresh(driver, f"{base}/briefing.html")
    _hover_everything(driver)
    _no_script_ran(driver)
    assert "<script>" in driver.find_element(By.CSS_SELECTOR, ".smz-h2").text

    # the blurb block has no Content-Security-Policy of its own: escaping alone must hold
    _fresh(driver, f"{base}/host.html")
    driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
    _hover_everything(driver)
    _no_script_ran(driver)
    text = driver.find_element(By.CSS_SELECTOR, ".smz-text").text
    assert '<img src=x onerror="window.__pwned = 1">' in text
    assert not driver.find_elements(By.CSS_SELECTOR, ".smz-blurb img, .smz-blurb script")
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a")]
    assert all(h.startswith(f"{base}/host.html#") for h in hrefs), hrefs


def _rect(driver: Any, el: Any) -> dict[str, float]:
    return driver.execute_script(  # type: ignore[no-any-return]
        "const r = arguments[0].getBoundingClientRect(); "
        "return {left: r.left, right: r.right, center: (r.left + r.right) / 2};",
        el,
    )


def test_right_to_left_text_reads_right_to_left_and_reverses_nothing_else(
    driver: Any, site: tuple[Path, str]
) -> None:
    """An Arabic claim was laid out left to right: its period and citation marker at the
    start of the sentence for its reader, and in the blurb sentences in the wrong order. An
    outlet named "Spoof\u202e Gazette" reversed the next outlet's name ("semiT ediW")."""
    from selenium.webdriver.common.by import By

    folder, base = site
    articles = bidi_articles(folder)
    result = briefing(articles, title="موجز الصباح")  # "Morning briefing"
    (folder / "briefing.html").write_text(render_briefing(result, "html"))
    host = "<!DOCTYPE html><meta charset=utf-8><title>Host</title>" + render_blurb(
        blurb(articles[0]), "html"
    )
    (folder / "host.html").write_text(host, encoding="utf-8")

    _fresh(driver, f"{base}/briefing.html")
    direction = "return getComputedStyle(arguments[0]).direction"
    arabic = [
        li
        for li in driver.find_elements(By.CSS_SELECTOR, ".smz-claims li")
        if "مجلس" in li.text or "البناء" in li.text
    ]
    assert len(arabic) == 2
    for li in arabic:
        assert driver.execute_script(direction, li) == "rtl"
        mark = li.find_element(By.CSS_SELECTOR, ".smz-mark")  # at the sentence's end: the left
        assert _rect(driver, mark)["right"] < _rect(driver, li)["center"]
    h2 = [h for h in driver.find_elements(By.CSS_SELECTOR, ".smz-h2") if "مجلس" in h.text]
    assert h2 and driver.execute_script(direction, h2[0]) == "rtl"
    h1 = driver.find_element(By.CSS_SELECTOR, ".smz-h1")
    assert h1.text == "موجز الصباح" and driver.execute_script(direction, h1) == "rtl"
    for byline in driver.find_elements(By.CSS_SELECTOR, ".smz-outlets"):
        links = byline.find_elements(By.CSS_SELECTOR, "bdi")
        if any("Spoof" in link.text for link in links):
            assert [link.text for link in links] == ["Spoof\u202e Gazette", "Wide Times"]
            assert _rect(driver, links[0])["right"] <= _rect(driver, links[1])["left"]
            break
    else:
        raise AssertionError("no byline lists the spoofing outlet")

    _fresh(driver, f"{base}/host.html")
    driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
    text = driver.find_element(By.CSS_SELECTOR, ".smz-text")
    assert driver.execute_script(direction, text) == "rtl"
    marks = text.find_elements(By.CSS_SELECTOR, ".smz-mark")
    assert marks and _rect(driver, marks[-1])["right"] < _rect(driver, text)["center"]


HOST_PAGE = """<!DOCTYPE html><html><head><title>Host</title></head><body>
<h1>Host headline</h1>
<p id="para">A paragraph of the host page with <a id="link" href="#x">a link</a>
and <q id="q">a quote</q>.</p><details id="det"><summary id="sum">Host details</summary>
<ol id="list"><li>one</li></ol></details>{blurb}</body></html>"""
HOST_IDS = ("para", "link", "q", "det", "sum", "list")
PROPS = ("color", "font-size", "font-family", "display", "margin-top", "padding-left", "position")


def _host_styles(driver: Any) -> dict[str, dict[str, str]]:
    return driver.execute_script(  # type: ignore[no-any-return]
        "const out = {}; for (const id of arguments[0]) { const s = getComputedStyle("
        "document.getElementById(id)); out[id] = Object.fromEntries(arguments[1].map("
        "p => [p, s.getPropertyValue(p)])); } return out;",
        list(HOST_IDS),
        list(PROPS),
    )


def test_the_blurb_block_does_not_restyle_its_host_page(
    driver: Any, site: tuple[Path, str]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    folder, base = site
    result = blurb(day_articles(folder, base)[0])
    (folder / "plain.html").write_text(HOST_PAGE.format(blurb=""), encoding="utf-8")
    (folder / "with.html").write_text(HOST_PAGE.format(blurb=render_blurb(result, "html")))
    _fresh(driver, f"{base}/plain.html")
    before = _host_styles(driver)
    _fresh(driver, f"{base}/with.html")
    assert _host_styles(driver) == before
    # and the block works without JavaScript: <details> opens, citations show on hover
    block = driver.find_element(By.CSS_SELECTOR, ".smz-blurb")
    assert not block.find_element(By.CSS_SELECTOR, ".smz-text").is_displayed()
    block.find_element(By.CSS_SELECTOR, ".smz-summary").click()
    mark = block.find_element(By.CSS_SELECTOR, ".smz-mark")
    ActionChains(driver).move_to_element(mark).perform()
    tip = block.find_element(By.CSS_SELECTOR, ".smz-tip")
    assert tip.is_displayed() and _first_shown(result).citations[0].text in tip.text


def test_the_blurb_block_keeps_its_sizes_on_a_page_with_a_small_root_font(
    driver: Any, site: tuple[Path, str]
) -> None:
    """``html{font-size:62.5%}`` (a common theme trick: 1rem = 10px) shrank the block's
    rem-sized parts: sources 8.2px, the note 7.5px, the tooltip 8.6px, the block 400px wide."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    folder, base = site
    block = render_blurb(blurb(day_articles(folder, base)[0]), "html")
    small_root = "<style>html{font-size:62.5%}body{font-size:1.8rem}</style>"
    for name, head in (("plain.html", ""), ("small.html", small_root)):
        page = f'<!DOCTYPE html><meta charset="utf-8">{head}<body><h1>Host</h1>{block}'
        (folder / name).write_text(page, encoding="utf-8")
    seen = []
    for name in ("plain.html", "small.html"):
        _fresh(driver, f"{base}/{name}")
        driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
        mark = driver.find_element(By.CSS_SELECTOR, ".smz-mark")
        ActionChains(driver).move_to_element(mark).perform()
        sizes = {}
        for sel in (".smz-blurb", ".smz-text", ".smz-source", ".smz-note", ".smz-tip"):
            el = driver.find_element(By.CSS_SELECTOR, sel)
            sizes[sel] = driver.execute_script(
                "const s = getComputedStyle(arguments[0]);"
                "return [s.fontSize, arguments[0].getBoundingClientRect().width];",
                el,
            )
        seen.append(sizes)
    assert seen[1] == seen[0]
    assert float(seen[1][".smz-note"][0].removesuffix("px")) >= 12


def test_readable_on_a_phone_and_in_print(driver: Any, site: tuple[Path, str]) -> None:
    from selenium.webdriver.common.by import By

    _, url = _day(site)
    _fresh(driver, url)
    driver.set_window_size(390, 844)
    width = driver.execute_script("return window.innerWidth")
    assert width < 500  # really a phone-sized viewport
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        tips = driver.find_elements(By.CSS_SELECTOR, ".smz-claims .smz-tip")
        assert tips and all(t.is_displayed() for t in tips)  # citations inline on paper
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_word_longer_than_a_phone_is_wide_is_broken(driver: Any, site: tuple[Path, str]) -> None:
    """A 200-letter word in a headline, an outlet's name or a claim made the briefing page and
    the blurb block scroll sideways on a phone (1,559 px of page in a 360 px screen)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    folder, base = site
    articles = long_word_articles(folder)
    (folder / "briefing.html").write_text(render_briefing(briefing(articles), "html"))
    page = HOST_PAGE.format(blurb=render_blurb(blurb(articles[0]), "html"))
    (folder / "host.html").write_text(
        page.replace(
            "<head>", '<head><meta name="viewport" content="width=device-width, initial-scale=1">'
        ),
        encoding="utf-8",
    )
    for name in ("briefing.html", "host.html"):
        _fresh(driver, f"{base}/{name}")
        driver.set_window_size(390, 844)
        width = driver.execute_script("return window.innerWidth")
        assert width < 500  # really a phone-sized viewport
        if name == "host.html":
            driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        mark = driver.find_element(By.CSS_SELECTOR, ".smz-mark")
        ActionChains(driver).move_to_element(mark).perform()
        tip = driver.find_element(By.CSS_SELECTOR, ".smz-tip")
        assert tip.is_displayed() and 0 <= _rect(driver, tip)["right"] <= width
        assert driver.execute_script("return arguments[0].scrollWidth", tip) <= tip.size["width"]


def test_no_tooltip_is_cut_off_by_the_window_edge(driver: Any, site: tuple[Path, str]) -> None:
    """Centred on its marker and 22rem wide, a tooltip was cut off by the window's edge for a
    marker near either side: 3 of the fixtures' 10 at 800 px, and a blurb block set against
    the page's left edge lost the start of every quote whose marker began a line."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    folder, base = site
    articles = load_articles([ARTICLES])
    (folder / "briefing.html").write_text(render_briefing(briefing(articles), "html"))
    flush_left = '<!DOCTYPE html><meta charset="utf-8"><body style="margin:0">'
    (folder / "host.html").write_text(flush_left + render_blurb(blurb(articles[1]), "html"))
    for name in ("briefing.html", "host.html"):
        _fresh(driver, f"{base}/{name}")
        driver.set_window_size(800, 800)
        width = driver.execute_script("return window.innerWidth")
        assert width > 768  # wider than a phone: the tooltips are not the bottom bar
        for details in driver.find_elements(By.CSS_SELECTOR, "details"):
            driver.execute_script("arguments[0].open = true", details)
        marks = driver.find_elements(By.CSS_SELECTOR, ".smz-mark")
        assert len(marks) >= 3
        for mark in marks:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
            ActionChains(driver).move_to_element(mark).perform()
            tip = driver.find_element(By.ID, mark.get_attribute("aria-describedby"))
            box = _rect(driver, tip)
            assert tip.is_displayed() and box["left"] >= 0 and box["right"] <= width, (name, box)


def test_screenshots_are_written(tmp_path: Path) -> None:
    paths = save_screenshots(tmp_path)
    assert [p.name for p in paths] == ["briefing.png", "blurb.png"]
    for path in paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_the_blurb_block_works_with_javascript_switched_off(site: tuple[Path, str]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    folder, base = site
    result = blurb(day_articles(folder, base)[0])
    page = (
        "<!DOCTYPE html><title>Host</title><noscript><p id='off'>scripts are off</p></noscript>"
        "<script>document.title = 'scripts ran'</script>" + render_blurb(result, "html")
    )
    (folder / "nojs.html").write_text(page, encoding="utf-8")
    with chromium(javascript=False) as driver:
        driver.get(f"{base}/nojs.html")
        assert driver.title == "Host" and driver.find_element(By.ID, "off").is_displayed()
        text = driver.find_element(By.CSS_SELECTOR, ".smz-text")
        assert not text.is_displayed()
        driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
        assert text.is_displayed() and _first_shown(result).text in text.text
        ActionChains(driver).move_to_element(
            driver.find_element(By.CSS_SELECTOR, ".smz-mark")
        ).perform()
        assert driver.find_element(By.CSS_SELECTOR, ".smz-tip").is_displayed()


def _first_shown(result: Blurb) -> Claim:
    return next(c for c in result.claims if c.shown)
