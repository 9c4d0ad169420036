"""The ``summarizer`` console script's entry point, outside the package on purpose.

Importing any module of ``summarizer`` first runs the package's ``__init__``, which imports
the whole library (about 0.3 s), and the console script imports its entry point before it
calls it: a Ctrl-C in that time printed a KeyboardInterrupt traceback. This module imports
nothing of the library when it is loaded, so the handler below is in place before those
imports; the CLI itself reports a Ctrl-C once it runs.
"""

# ``_signal``, the C module: ``signal`` imports ``enum``, some 5 ms in ``python -m summarizer``
# before the handler below was in place (and ``types``, for an annotation, one more)
import _signal  # type: ignore[import-not-found]  # no stub: the functions of signal
import os

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a Ctrl-C


def _interrupted_while_loading(signum: int, frame: object) -> None:
    """Nothing is read or written yet: one line, and exit at once (no traceback, no cleanup
    to do; os._exit, because a KeyboardInterrupt raised inside an import is the traceback)."""
    os.write(2, b"Interrupted.\n")
    os._exit(INTERRUPTED)


# a run started with Ctrl-C ignored (SIG_IGN: `nohup`, a background job of a script) keeps it so
_LOADING = _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler
if _LOADING:
    _signal.signal(_signal.SIGINT, _interrupted_while_loading)


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
                _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        cli_main()
    except KeyboardInterrupt:
        os.write(2, b"Interrupted.\n")
        raise SystemExit(INTERRUPTED) from None
