"""An opening "The club said ..." means the body the sentence before it named, when no name of
the article gave the noun: a blind tester's briefing quoted "The club said the fee would be
reinvested in the squad" (the seller's words) right after the buyer's signing, so it read as
the buyer's. Own text only."""

from __future__ import annotations

from summarizer import extractive, make_article

TRANSFER = [
    "Kingsbridge sign Reyna for record fee",
    "Kingsbridge Rovers have signed midfielder Tomas Reyna from league rivals Ashford City for "
    "48 million pounds, a club record, the Premier Division side said on Tuesday.",
    "Reyna, 24, signed a contract until 2031.",
    "He came through the Ashford academy and has played 132 league games for the club, scoring "
    "27 goals.",
    "Kingsbridge, currently third in the Premier Division, have been looking for a midfielder "
    "since captain Ollie Grant suffered a knee injury in January.",
    '"We have wanted Tomas for two years," Kingsbridge chairman Victor Hale said in a statement.',
    "Reyna's departure is a blow to Ashford, who are seventh and still hoping to qualify for "
    "Europe.",
    "The club said the fee would be reinvested in the squad.",
    "The transfer was possible because the league's emergency registration window for injured "
    "squads remains open until Friday.",
    "Reyna is expected to be in the squad for Saturday's match against Northfield.",
]


def test_the_club_is_quoted_only_after_the_sentence_that_names_it() -> None:
    """Before: at 40, 55 and 95 words "The club said ..." was chosen without "Reyna's departure
    is a blow to Ashford ...", after the buyer's sentences."""
    article = make_article("\n\n".join(TRANSFER), file="transfer.txt")
    shown = 0
    budgets = [{"max_words": w} for w in range(20, 200, 5)]
    budgets += [{"sentences": n} for n in range(1, 9)]
    for budget in budgets:
        texts = [s.text for s in extractive.summarize([article], **budget)]  # type: ignore[arg-type]
        for i, text in enumerate(texts):
            if text.startswith("The club said"):
                shown += 1
                assert i > 0 and texts[i - 1].startswith("Reyna's departure"), (budget, texts)
    assert shown  # the sentence is still chosen, with its antecedent
