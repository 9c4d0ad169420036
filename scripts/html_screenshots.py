"""Write docs/briefing.png and docs/blurb.png: the HTML outputs in headless Chromium.

Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian: chromium, chromium-driver) and the
test extra (selenium). Run from the repository root:

    python scripts/html_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser_missing, save_screenshots  # noqa: E402

if __name__ == "__main__":
    reason = browser_missing()
    if reason:
        sys.exit(f"Error: {reason}")
    for path in save_screenshots(ROOT / "docs"):
        print(path.relative_to(ROOT))
