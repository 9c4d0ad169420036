"""``python -m summarizer``: the console script's entry point (_summarizer_entry.py), so a Ctrl-C
while the CLI loads is one line here too. Python imports the package before this runs; its
``__init__`` puts the entry module's Ctrl-C handler in place first for this command."""

import sys

try:
    from _summarizer_entry import main
except KeyboardInterrupt:  # before the handler is in place: the CLI's line and exit code
    sys.stderr.write("Interrupted.\n")
    sys.exit(130)

main()
