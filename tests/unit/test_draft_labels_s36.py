"""A request that restarts its numbering gives labels such as Q6-2 (``request._unique``); the draft writes them and
the checker must read them back as their own questions (it read "Q6-2 - Complaints" as Q6 answered "2 - Complaints",
and flagged a precedent-only draft 'beyond plan')."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request
from foi_precedent.letters.parser import parse_draft

DRAFT = """Dear Requester,

Thank you for your request.

Q6 - Complaints. How many complaints were received?
The information is attached.

Q6-2 - Complaints by type. How many of each type?
We do not hold this information.

Q7 - What is the budget?
We do not hold this information.

Yours sincerely
"""


def test_a_repeated_label_the_draft_wrote_reads_back_as_its_own_question():
    letter = parse_draft(DRAFT, "draft")
    assert [q.label for q in letter.questions] == ["Q6", "Q6-2", "Q7"]
    assert [q.treatments[0].value for q in letter.questions] == ["disclosed", "not_held", "not_held"]
    assert letter.questions[1].text.startswith("Complaints by type")


def test_the_request_reader_gives_such_labels_and_a_range_is_not_one():
    request = split_request(
        "1. How many complaints?\n2. How many appeals?\n\n1. How many staff?\n2. What budget?\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q1-2", "Q2-2"]
    letter = parse_draft(DRAFT.replace("Q6-2 - Complaints", "Question 6-7 - Complaints"), "draft")
    assert "Q6-7" not in [q.label for q in letter.questions]


def test_a_decimal_label_a_drafter_set_reads_back_as_its_own_question():
    # the question editor keeps a drafter's "2.1" as Q2.1 (edited.labelled); the draft writes "Q2.1 - ..."
    draft = DRAFT.replace("Q6 - ", "Q6.1 - ").replace("Q6-2 - ", "Q6.2 - ")
    letter = parse_draft(draft, "draft")
    assert [q.label for q in letter.questions] == ["Q6.1", "Q6.2", "Q7"]
    assert letter.questions[1].text.startswith("Complaints by type")
