"""The one re-ask an unusable answer gets: the rule the map/reduce chain and the judge share.

A model's first answer is sometimes unusable (not JSON, the wrong shape, cut off, citing ids it
was not given) where the same model answers well when told what was wrong. So every caller
asks once, re-asks once with the error stated, and only then gives up; a response that was not
a chat completion at all (``BadResponseError``: an HTML page with status 200) is asked again
unchanged, once. One mechanism, so the judge and the chain cannot drift apart (the judge once
gave up after one unreadable answer and counted itself unavailable).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from ..errors import BadResponseError
from .base import Completion, Message, accept

log = logging.getLogger(__name__)

T = TypeVar("T")


class Invalid(Exception):
    """An answer the caller cannot use: ``reason`` is said to the model in the re-ask, and
    ``usable`` holds what survives of the answer (the caller's items; empty when nothing)."""

    def __init__(self, reason: str, usable: list[Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.usable: list[Any] = usable or []


def reask_messages(answer: Completion, reason: str, rules: str = "") -> list[Message]:
    """The follow-up messages of the one re-ask: what was wrong and what to do instead
    (``rules``: a sentence more, e.g. the ids the answer may cite)."""
    fix = (
        f"Your answer could not be used: {reason}. Answer again with JSON only, in the same "
        f"shape, following every rule.{' ' + rules if rules else ''}"
    )
    if answer.finish_reason == "length":  # a cut-off answer is long and useless to repeat
        return [Message(role="user", content=fix)]
    return [Message(role="assistant", content=answer.text), Message(role="user", content=fix)]


async def ask_with_reask(
    client: object,
    complete: Callable[[list[Message]], Awaitable[Completion]],
    messages: list[Message],
    read: Callable[[Completion], T],
    *,
    what: str,
    followup: Callable[[Completion, str], list[Message]] = reask_messages,
) -> T:
    """What ``read`` makes of the first usable answer to ``messages``, asking at most twice.

    ``complete`` sends messages (and counts the answer's usage); ``read`` raises ``Invalid``
    for an unusable answer, which gets one re-ask (``followup``'s messages appended). Only a
    usable answer is accepted into ``client``'s cache, also as the answer to the request it
    fixed, so a rerun makes neither call again.

    Raises:
        Invalid: the re-ask's answer was unusable too (its reason and usable part).
        BadResponseError: the second response was not a chat completion either.
    """
    rejected: Completion | None = None  # the invalid first answer a re-ask may fix
    for attempt in (1, 2):
        try:
            answer = await complete(messages)
        except BadResponseError as exc:  # e.g. an HTML page with status 200: ask again
            if attempt == 2:
                raise
            log.info("%s: asking again: %s", what, exc)
            continue
        try:
            value = read(answer)
        except Invalid as bad:
            if attempt == 2:
                raise
            rejected = answer
            log.info("%s: re-asking: %s", what, bad.reason)
            messages = [*messages, *followup(answer, bad.reason)]
            continue
        accept(client, answer, replaces=rejected)
        return value
    raise AssertionError("unreachable: the second attempt returns or raises")  # pragma: no cover
