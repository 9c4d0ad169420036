"""Prompt files: load, check and render the prompts (map, collapse, reduce, blurb, judge).

Prompts live as text files so they can be read and reviewed without reading code. Each file
has a front matter with its ``version``; the version is part of every cache and recording key,
so editing a prompt and bumping its version never serves a stale answer.

File layout::

    ---
    name: map
    version: 1
    ---
    [system]
    ... $variables ...
    [user]
    ... $variables ...
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from .errors import ConfigError
from .llm.base import Message

PROMPT_NAMES = ("map", "collapse", "reduce", "blurb", "judge")
_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)


def prompts_dir() -> Path:
    """Where the prompt files are: inside the wheel, else the repository's ``prompts/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_prompts", here.parent / "prompts"):
        if (candidate / "map.md").is_file():
            return candidate
    raise ConfigError(f"prompt files not found (looked in {here / '_prompts'} and ../prompts)")


class Prompt(BaseModel):
    """One prompt file: a system and a user template with ``$variables``."""

    name: str
    version: str
    system: str
    user: str

    @property
    def label(self) -> str:
        """``name@version``: what cache and recording keys use to name the prompt."""
        return f"{self.name}@{self.version}"

    def variables(self) -> set[str]:
        """Every ``$variable`` the templates use."""
        found: set[str] = set()
        for text in (self.system, self.user):
            for _, named, braced, _ in string.Template.pattern.findall(text):
                if named or braced:
                    found.add(named or braced)
        return found

    def missing(self, values: dict[str, object]) -> list[str]:
        """The variables the templates need that ``values`` does not give, sorted."""
        return sorted(self.variables() - set(values))

    def render(self, **values: object) -> list[Message]:
        """The system and user messages, with every variable filled in.

        Raises:
            ConfigError: a variable is missing (all missing names are listed).
        """
        missing = self.missing(values)
        if missing:
            raise ConfigError(f"prompt {self.label}: missing variables {', '.join(missing)}")
        text = {k: str(v) for k, v in values.items()}
        return [
            Message(role="system", content=string.Template(self.system).substitute(text)),
            Message(role="user", content=string.Template(self.user).substitute(text)),
        ]


def parse_prompt(text: str, *, source: str = "<prompt>") -> Prompt:
    """Parse a prompt file's text (front matter, then [system] and [user] sections)."""
    if not text.startswith("---"):
        raise ConfigError(f"{source}: prompt file must start with a '---' front matter")
    try:
        _, front, body = text.split("---", 2)
    except ValueError as exc:
        raise ConfigError(f"{source}: unterminated front matter") from exc
    meta: dict[str, str] = {}
    for line in front.strip().splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    if not meta.get("name") or not meta.get("version"):
        raise ConfigError(f"{source}: front matter needs 'name' and 'version'")
    parts = _SECTION.split(body)
    sections = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    if set(sections) != {"system", "user"}:
        raise ConfigError(f"{source}: needs exactly one [system] and one [user] section")
    return Prompt(
        name=meta["name"], version=meta["version"], system=sections["system"], user=sections["user"]
    )


@cache
def load_prompt(name: str) -> Prompt:
    """Load ``prompts/<name>.md``."""
    path = prompts_dir() / f"{name}.md"
    if not path.is_file():
        raise ConfigError(f"prompt file {path} not found")
    return parse_prompt(path.read_text(encoding="utf-8"), source=str(path))
