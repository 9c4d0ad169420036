"""text.words: lower-casing the whole text first must give exactly the per-word result."""

from __future__ import annotations

import re
import sys

import pytest

from summarizer.text import _WORD, word_count, words


def reference(text: str) -> list[str]:
    """The definition: each token found in the text as written, then lower-cased."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor’s office said: ‘We’re fine.’ Costs rose 5.2% to $3,400.",
        "İstanbul and ISTANBUL",  # "İ" lower-cases to two characters
        "ΟΔΥΣΣΕΥΣ. Σ ΑΣ.Β",  # final sigma depends on what follows the word
        "naïve café RÉSUMÉ Straße ǅemal ﬁnal",
        "don't DON’T o'neill 2024's",
        "",
    ],
)
def test_words_match_the_per_word_definition(text: str) -> None:
    assert words(text) == reference(text)


def test_every_code_point_keeps_its_token_class_when_lower_cased() -> None:
    """What makes the fast path exact: a character whose lower case is one character is a
    letter, digit or apostrophe exactly when that lower case is."""
    letter_or_digit = re.compile(r"[^\W_]")
    letter = re.compile(r"[^\W\d_]")
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            continue
        assert bool(letter_or_digit.match(c)) == bool(letter_or_digit.match(low)), hex(cp)
        assert bool(letter.match(c)) == bool(letter.match(low)), hex(cp)
        assert (c in "'’") == (low in "'’"), hex(cp)


def test_content_terms_are_the_stems_of_the_content_words_even_as_the_cache_fills(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dict of known words gives what stemming each kept word gives, before and after it
    is full and forgotten."""
    from summarizer import text

    monkeypatch.setattr(text, "MAX_TERMS", 20)
    monkeypatch.setattr(text, "_TERMS", text.WordMap(text._content_term, text.MAX_TERMS))
    samples = [
        "The Senate's 2 votes: talks agreed, a 5-4 ruling in the news; I'd say x y z 7.",
        "Investment and investigation differ; Mr Smith's dogs ran, running, runs.",
        "Ünïcode wörds, ÉCOLE ﬁnance and the ΣΟΦΙΑ; also a the of 1 b 22.",
    ] * 3
    for sample in samples:
        expected = [
            text.stem(w)
            for w in words(sample)
            if w not in text.STOPWORDS and (len(w) > 1 or w.isdigit())
        ]
        assert text.content_terms(sample) == expected
    assert 0 < len(text._TERMS) <= 2 * text.MAX_TERMS


def test_word_count_counts_chinese_and_japanese_characters() -> None:
    """Each sentence of a Chinese article was one "word", so --max-words never cut a blurb."""
    assert word_count("The council met on Monday.") == 5
    assert word_count("Café au lait — très bon") == 6  # accents and a dash as before
    assert word_count("市议会周二以七比二的投票结果决定。") == 16  # the full stop is no word
    assert word_count("東京は2025年に晴れ。") == 8  # 7 characters and one number
    assert word_count("서울은 맑다") == 2  # Korean writes spaces between words
