"""Headless Chromium for the browser tests and the docs screenshots (issue 11).

Uses the system browser (Debian ``chromium`` + ``chromium-driver``) through selenium and the
system chromedriver; never downloads a browser or a driver. ``browser_missing()`` says why the
browser tests must skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .localweb import serve_folder

CHROMIUM = os.environ.get("SUMMARIZER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SUMMARIZER_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    # a loaded machine must not make Chromium put the page's work off: a getComputedStyle
    # script timed out (30 s) once in a full test run beside other suites
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
)
# waits for a page or a script: far past what any takes, for a machine under load (Selenium's
# defaults are 300 s for a page and 30 s for a script)
BROWSER_WAIT_SECONDS = 300


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return (
                f"no {path}: install the Debian packages chromium and chromium-driver ({package})"
            )
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


@contextmanager
def chromium(
    width: int = 1000, height: int = 800, scale: float = 1.0, javascript: bool = True
) -> Iterator[Any]:
    """A fresh headless Chromium (its own profile dir) driven by the system chromedriver;
    ``javascript=False`` blocks page scripts (the driver still works through DevTools)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must never download anything
    profile = tempfile.mkdtemp(prefix="summarizer-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--force-device-scale-factor={scale}")
    # An alert left open must stay open so the test can see it, not be dismissed silently.
    options.set_capability("unhandledPromptBehavior", "ignore")
    if not javascript:
        prefs = {"profile.managed_default_content_settings.javascript": 2}
        options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.set_script_timeout(BROWSER_WAIT_SECONDS)
        driver.set_page_load_timeout(BROWSER_WAIT_SECONDS)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
ARTICLE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>body{{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fff}}
header{{background:#7a1f1f;color:#fff;padding:.6rem 1.5rem;font:700 1.3rem system-ui,sans-serif}}
main{{max-width:40rem;margin:0 auto;padding:1rem 1.5rem}} h1{{line-height:1.2}}
p{{color:#333}}</style></head><body><header>The Example Times</header><main>
<h1>{title}</h1>{blurb}<p>{lead}</p></main></body></html>"""


def save_screenshots(out_dir: Path) -> list[Path]:
    """docs/briefing.png (the fixtures' briefing, a citation hovered) and docs/blurb.png (the
    "Get a summary" block opened on an article page, a citation hovered)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from summarizer import load_articles, render_blurb, render_briefing
    from summarizer.pipeline import blurb, briefing

    articles = load_articles([ROOT / "fixtures" / "articles"])
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as site:
        folder = Path(site)
        result = briefing(articles)
        (folder / "briefing.html").write_text(render_briefing(result, "html"), encoding="utf-8")
        one = next(a for a in articles if a.id == blurb(articles[1]).article_id)
        page = ARTICLE_PAGE.format(
            title=one.title or "Trump to talk with Putin about the war in Ukraine",
            blurb=render_blurb(blurb(one, sentences=2), "html"),
            lead=one.sentences[0].text,
        )
        (folder / "article.html").write_text(page, encoding="utf-8")
        paths = [out_dir / "briefing.png", out_dir / "blurb.png"]
        with serve_folder(folder) as base, chromium(1000, 860) as driver:
            driver.get(f"{base}/briefing.html")
            marks = driver.find_elements(By.CSS_SELECTOR, ".smz-claims .smz-mark")
            ActionChains(driver).move_to_element(marks[min(1, len(marks) - 1)]).perform()
            driver.save_screenshot(str(paths[0]))
            driver.set_window_size(900, 700)
            driver.get(f"{base}/article.html")
            driver.find_element(By.CSS_SELECTOR, ".smz-summary").click()
            mark = driver.find_elements(By.CSS_SELECTOR, ".smz-mark")[-1]
            ActionChains(driver).move_to_element(mark).perform()
            driver.save_screenshot(str(paths[1]))
    return paths
