"""`python -m summarizer` puts its Ctrl-C handler in place before it loads anything else:
``summarizer/__init__`` imported ``logging`` (re, threading, traceback, tokenize: some 10 ms)
and the entry module imported ``signal`` (enum) first, and a Ctrl-C in that time was a
KeyboardInterrupt traceback (exit -2 to a parent), or a Ctrl-C swallowed ("Exception
ignored") and a run that went on to exit 0. Failed on the code before its fix."""

from __future__ import annotations

import ast
import subprocess
import sys

# What Python does for `python -m summarizer --version` up to the package's import (argv[0]
# is "-m" while the module is found), with a finder that notes each module loaded while
# Ctrl-C is still Python's KeyboardInterrupt. _signal: `import signal` would load enum here.
PROBE = r"""
import _signal, sys
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
print(repr((early, _signal.getsignal(_signal.SIGINT).__name__)))
"""

# the package itself, and the two small modules that put the handler in place
NEEDED = {"summarizer", "__future__", "summarizer._main_ctrl_c", "_summarizer_entry"}


def test_python_m_summarizer_handles_ctrl_c_before_loading_anything_else() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    early, handler = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    assert handler == "_interrupted_while_loading"  # in place while the library loads
    assert set(early) <= NEEDED, early  # and nothing else loaded before it
