"""A heading over the answer to one question ("Answer to Q2", "Answer To Question 1:") is the reply's, not the
request's (stop 33): questions answered under such headings are read with their own answers, not as a request
listed before the reply. Layouts from Northampton General Hospital's and Salisbury NHS Foundation Trust's logs."""

from __future__ import annotations

import pytest

from foi_precedent.letters.layout import answers_line
from foi_precedent.letters.parser import parse_text

NGH = """FOI Response 285

Request Ref: FOI 19/20_285

I confirm that the Trust holds the information you requested. Please see the replies, set out against your question, below.

Please provide the following information about the disciplinary cases under MHPS for the financial year 2017/18:

Q1. The number of permanent and locum doctors employed by the Trust (headcount).

Permanent = 566, locum = 2

Q2. The number of concerns raised under MHPS by type of concern.

Answer to Q2
Type of concern No. of concerns raised
Conduct 10

Q3. The outcome of formal investigations.

Answer to Q3
Conduct 5 or fewer

In accordance with the Freedom of Information Act, Exemption section 40 (Personal Information) has been applied. Due to the low numbers involved, 5 or fewer, we have withheld the exact numbers to protect the identities of individuals.
"""


@pytest.mark.parametrize(
    "line", ["Answer to Q2", "Answer To Question 1:", "Response to question 3", "Reply to Q.4"]
)
def test_a_heading_over_one_answer_replies(line: str) -> None:
    assert answers_line(line)


@pytest.mark.parametrize("line", ["Q2. The number of concerns raised.", "I would like an answer to this."])
def test_a_question_is_no_answer_heading(line: str) -> None:
    assert not answers_line(line)


def test_questions_answered_under_answer_headings_keep_their_own_answers() -> None:
    letter = parse_text(NGH, source="test")
    readings = {q.label: [t.value for t in q.treatments] for q in letter.questions}
    assert list(readings) == ["Q1", "Q2", "Q3"]
    # the figures given under Q1 and Q2 are released; only Q3's small counts are withheld
    assert readings["Q1"] == ["disclosed"] and readings["Q2"] == ["disclosed"]
    assert "withheld" in readings["Q3"] or "partly_disclosed" in readings["Q3"]
    assert "566" in letter.questions[0].answer
