"""The ``summarizer`` console script's entry point, outside the package on purpose.

Importing any module of ``summarizer`` first runs the package's ``__init__``, which imports
the whole library (about 0.3 s), and the console script imports its entry point before it
calls it: a Ctrl-C in that time printed a KeyboardInterrupt traceback. This module imports
nothing of the library when it is loaded, so the handler below is in place before those
imports; the CLI itself reports a Ctrl-C once it runs.
"""

from __future__ import annotations

import os
import signal
from types import FrameType

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a Ctrl-C


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> None:
    """Nothing is read or written yet: one line, and exit at once (no traceback, no cleanup
    to do; os._exit, because a KeyboardInterrupt raised inside an import is the traceback)."""
    os.write(2, b"Interrupted.\n")
    os._exit(INTERRUPTED)


# a run started with Ctrl-C ignored (SIG_IGN: `nohup`, a background job of a script) keeps it so
_LOADING = signal.getsignal(signal.SIGINT) is signal.default_int_handler
if _LOADING:
    signal.signal(signal.SIGINT, _interrupted_while_loading)


def main() -> None:
    """Load the CLI with Ctrl-C handled as above, then run it with Python's own handler back
    (a KeyboardInterrupt, which the CLI turns into its "Interrupted (...)" note). A Ctrl-C
    between the handler's return and the CLI's own ``try`` is the same one line: it was a
    KeyboardInterrupt traceback (one in 20 Ctrl-Cs landing just as the CLI had loaded)."""
    try:
        try:
            from summarizer.cli import main as cli_main
        finally:
            if _LOADING:
                signal.signal(signal.SIGINT, signal.default_int_handler)
        cli_main()
    except KeyboardInterrupt:
        os.write(2, b"Interrupted.\n")
        raise SystemExit(INTERRUPTED) from None
