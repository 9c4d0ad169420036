"""``python -m summarizer``: the console script's entry point (_summarizer_entry.py), so a Ctrl-C
while the CLI loads is one line here too (the package itself is imported before this runs)."""

from _summarizer_entry import main

main()
