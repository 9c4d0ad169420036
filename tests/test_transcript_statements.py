"""A transcript's speaker who asks a question after each statement is no interviewer: his
turns are what he said, and a summary of the call may rest on them. Own text."""

from __future__ import annotations

import summarizer

CALL = "\n".join(
    [
        "Agent: Good morning, this is Dana from Northfield Energy. Am I speaking with Ms. Ortiz?",
        "Client: Yes, speaking. What is this about?",
        "Agent: We are offering a fixed tariff at 21 pence per unit for two years. "
        "There is no exit fee. Would you like to hear more?",
        "Client: Maybe. Is the standing charge included?",
        "Agent: The standing charge is 45 pence a day and stays fixed too. "
        "Shall I send you the details?",
        "Client: Yes, please send them by email.",
        "Agent: Great. You will receive them within the hour. "
        "Is there anything else I can help with?",
        "Client: No, that's all, thank you.",
    ]
)


def test_the_agents_statements_are_evidence_not_questions() -> None:
    """Before: the agent's turns end in questions, so the agent was read as the interviewer
    and each whole turn became one question unit: a summary's claim was checked against
    whole turns (an offer and what followed it), and on SummEdits' sales calls consistent
    summaries were rejected (tuning rows 0.697 -> 0.683)."""
    article = summarizer.make_article(CALL)
    texts = [s.text for s in article.sentences]
    assert "There is no exit fee." in texts, texts
    summary = (
        "The agent offered a fixed tariff at 21 pence per unit for two years with no exit fee."
    )
    report = summarizer.verify(summary, [CALL], judge=False)
    assert report.claims[0].supported, report.claims[0]


def test_an_interviewers_questions_stay_questions() -> None:
    interview = """HALE: Why did the union call the strike?
RUIZ: Pay has fallen behind prices for three years. Our members voted 88% to walk out.
HALE: Critics say the timing hurts holiday travellers. Is that fair?
RUIZ: We gave the company six weeks to make an offer and it made none.
HALE: Will the strike go ahead on Friday?
RUIZ: Unless a new offer arrives, yes."""
    article = summarizer.make_article(interview)
    asked = [s.text for s in article.sentences if s.speaker is None]
    assert "HALE: Critics say the timing hurts holiday travellers. Is that fair?" in asked
