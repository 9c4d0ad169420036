"""Ctrl-C while ``python -m summarizer`` loads: imported first by the package's ``__init__``.

Python imports the package, the whole library (about 0.3 s), before its ``__main__`` runs: a
Ctrl-C in that time was a KeyboardInterrupt traceback. For that command only, the console
script's entry module is imported here, which handles Ctrl-C while the CLI loads (one line,
exit 130); ``__main__`` hands Ctrl-C back to Python once the CLI is loaded. A program that
imports the library keeps its own Ctrl-C.
"""

from __future__ import annotations

import sys


def run_as_main() -> bool:
    """Whether Python is importing the package to run ``python -m summarizer``: it sets
    argv[0] to "-m" while it finds the module, and ``orig_argv`` names the module."""
    if sys.argv[:1] != ["-m"]:
        return False
    given = sys.orig_argv[: len(sys.orig_argv) - len(sys.argv) + 1]
    return given[-2:] == ["-m", "summarizer"] or given[-1:] == ["-msummarizer"]


if run_as_main():
    import _summarizer_entry  # noqa: F401 - its import puts the handler in place
