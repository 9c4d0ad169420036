"""`python -m summarizer` puts its Ctrl-C handler in place before it loads anything else:
``summarizer/__init__`` imported ``logging`` (re, threading, traceback, tokenize: some 10 ms)
and the entry module imported ``signal`` (enum) first, and a Ctrl-C in that time was a
KeyboardInterrupt traceback (exit -2 to a parent), or a Ctrl-C swallowed ("Exception
ignored") and a run that went on to exit 0. Failed on the code before its fix.

The probe's Ctrl-C starts as Python's own (``default_int_handler``) whatever this test run
inherited: a pytest started with SIGINT ignored (a background job of a script, ``nohup``, some
load generators) gave the child SIG_IGN, which the package rightly keeps, so the probe found
no handler and failed. Nothing here is timed; the subprocess timeout is a hang guard."""

from __future__ import annotations

import ast
import signal
import subprocess
import sys

# What Python does for `python -m summarizer --version` up to the package's import (argv[0]
# is "-m" while the module is found), with a finder that notes each module loaded while
# Ctrl-C is still Python's KeyboardInterrupt. _signal: `import signal` would load enum here.
PROBE = r"""
import _signal, sys
# as Python itself sets it at start when SIGINT is not ignored (START: replaced per test)
_signal.signal(_signal.SIGINT, START)
sys.orig_argv = [sys.executable, "-m", "summarizer", "--version"]
sys.argv = ["-m", "--version"]
early = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            if name not in sys.modules:
                early.append(name)
        return None

sys.meta_path.insert(0, Watch())
import summarizer
handler = _signal.getsignal(_signal.SIGINT)
print(repr((early, getattr(handler, "__name__", repr(handler)))))
"""

# the package itself, and the two small modules that put the handler in place
NEEDED = {"summarizer", "__future__", "summarizer._main_ctrl_c", "_summarizer_entry"}


def _probe(start: str) -> tuple[list[str], str]:
    """The modules loaded before the package's handler, and the handler once it is loaded,
    for ``python -m summarizer`` started with SIGINT set to ``start``."""
    code = PROBE.replace("START", start)
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False
    )
    assert run.returncode == 0, run.stderr
    early, handler = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    return early, handler


def test_python_m_summarizer_handles_ctrl_c_before_loading_anything_else() -> None:
    early, handler = _probe("_signal.default_int_handler")
    assert handler == "_interrupted_while_loading"  # in place while the library loads
    assert set(early) <= NEEDED, early  # and nothing else loaded before it


def test_a_run_started_with_ctrl_c_ignored_keeps_it_ignored() -> None:
    """``nohup``, a script's background job: the package puts no handler in place."""
    early, handler = _probe("_signal.SIG_IGN")
    assert handler == repr(signal.SIG_IGN.value) and early == []
