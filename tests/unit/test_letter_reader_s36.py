"""Letter-reader faults QA found on tuning letters at stop 36 (foi_precedent/letters/layout.py, parser.py): a table
row's label behind its bar, a range that is a note on the request above its list, a figure given after a colon."""

from __future__ import annotations

import pytest

from foi_precedent.letters.layout import _label_of
from foi_precedent.letters.parser import parse_text

PARTS_REQUEST = """Your request:
1. How many claims were received?
2. For the same period, please provide:
a) The total paid out
b) The highest payout
Response
"""
NOT_HELD = "We do not hold this information."


def reading(text: str) -> list[tuple[str, str, list[str]]]:
    letter = parse_text(text, source="letter.txt")
    return [(q.label, q.answer, [t.value for t in q.treatments]) for q in letter.questions]


def test_a_table_row_with_a_leading_bar_keeps_its_label():
    # an HTML or Word table is read one row a line, each opening with a bar (moray-pothole-compensation-claims-2025)
    assert _label_of("| Question 3a) | \u00a32,484.31 | \u00a385.50") == (
        "Question 3a",
        ("q", "3a"),
        "| \u00a32,484.31 | \u00a385.50",
    )
    assert _label_of("Question 3a) | \u00a32,484.31 | \u00a385.50") == _label_of(
        "| Question 3a) | \u00a32,484.31 | \u00a385.50"
    )
    assert _label_of("| 2021/22 | 2022/23") is None


@pytest.mark.parametrize(
    "rows",
    [
        "| Question 1 | 30\n| Question 2a) | \u00a32,484\n| Question 2b) | {nh}\n",  # as HTML and Word tables read
        "Question 1 | 30\nQuestion 2a) | \u00a32,484\nQuestion 2b) | {nh}\n",  # as a page saved as text reads
        "Question 1 - 30\nQuestion 2a - \u00a32,484\nQuestion 2b - {nh}\n",
    ],
)
def test_the_replys_question_labels_answer_the_lettered_parts_of_a_numbered_item(rows):
    # "Question 2a" answers part a) of the request's "2.", as "2a)" does: no question of its own
    got = reading(PARTS_REQUEST + rows.format(nh=NOT_HELD) + "Yours sincerely\n")
    assert [(label, answer.strip("| ")) for label, answer, _ in got] == [
        ("1", "30"),
        ("a)", "\u00a32,484"),
        ("b)", NOT_HELD),
    ]
    assert [treatments for _, _, treatments in got] == [["disclosed"], ["disclosed"], ["not_held"]]


NOTE_ABOVE_THE_LIST = """I am requesting the following information under the Freedom of Information Act.
Questions 2-3 do not include scheduled routine maintenance work, unless that work has been delayed.
1. What is the total number of council housing tenant households in the area?
2. How many households are currently awaiting repair work on their council homes?
3. Of the figure in question 2, how many are logged as emergency repairs?
We do not hold this information in a reportable manner, this would exceed the cost of compliance (section 12).
"""


def test_a_range_above_the_list_it_names_is_a_note_on_the_request_not_their_answer():
    # wokingham-council-housing-repairs-s12: "Questions 2-8 do not include ..." gave Q2-Q8 its words, Q1 came last
    letter = parse_text(NOTE_ABOVE_THE_LIST, source="letter.txt")
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert [q.text.split()[:2] for q in letter.questions] == [["What", "is"], ["How", "many"], ["Of", "the"]]
    assert all(q.treatments[0].value == "cost_limit" for q in letter.questions)


def test_a_range_after_the_questions_still_answers_them():
    text = """Your request:
1. What is the total number of council housing tenant households in the area?
2. How many households are currently awaiting repair work on their council homes?
3. Of the figure in question 2, how many are logged as emergency repairs?
Response
1. 5,000
Questions 2-3: To answer would exceed the cost limit (section 12).
"""
    got = reading(text)
    assert [label for label, _, _ in got] == ["1", "2", "3"]
    assert [treatments for _, _, treatments in got] == [["disclosed"], ["cost_limit"], ["cost_limit"]]


def test_a_part_the_request_did_not_label_answered_with_a_figure_after_a_colon_is_an_answer():
    # devon-complaints-annual-totals-3022: "2a) ... LGSCO complaints : 654" was read as a question and given the
    # request's "D) Internally ..." as its answer
    text = """1) How many complaints were registered?
Total complaints received: 12,501

2a) Local Government and Social Care Ombudsman LGSCO complaints : 654
2b) We do not hold this information.
"""
    got = reading(text)
    assert got[1][0] == "2a"
    assert "LGSCO complaints : 654" in got[1][1]
    assert got[1][2] == ["disclosed"]
    assert got[2][0] == "2b" and got[2][2] == ["not_held"]


def test_an_answer_that_is_only_not_held_reads_not_held():
    from foi_precedent.letters.parser import parse_text

    letter = parse_text("Request\n1. How many staff?\n2. What was paid?\nResponse\n1. 30\n2. Not held.\n")
    assert [[t.value for t in q.treatments] for q in letter.questions] == [["disclosed"], ["not_held"]]
    assert letter.questions[1].confidence >= 0.75
