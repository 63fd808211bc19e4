"""The officer corrects how a request was split: their questions, labelled, with the requester's identity removed."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.edited import (
    EDITED_NOTE,
    editor_text,
    question_texts,
    request_with_questions,
)
from foi_precedent.drafting.request import split_request
from foi_precedent.errors import LetterError

REQUEST = """Dear FOI team,

My name is Jane Example. Please tell me:
1. How many drones does your force own?
2. What was the total cost of drones in 2023? Please break this down by month.
3. Please provide your drone policy.

Yours sincerely,
Jane Example
jane@example.com
07700 900123
10 Downing Street
London
SW1A 2AA
"""
IDENTITY = ["Jane", "Example", "jane@example.com", "07700", "900123", "Downing", "SW1A", "sw1a"]


@pytest.fixture
def request_() -> object:
    read = split_request(REQUEST, source="the pasted request")
    assert [q.label for q in read.questions] == ["Q1", "Q2", "Q3"]
    return read


def _pairs(request) -> list[tuple[str, str]]:
    return [(q.label, q.text) for q in request.questions]


def test_questions_replace_the_reader_s_and_the_request_stays(request_):
    edited = request_with_questions(
        request_,
        ["How many drones does your force own, and what did they cost in 2023?", "Your drone policy."],
    )
    assert _pairs(edited) == [
        ("Q1", "How many drones does your force own, and what did they cost in 2023?"),
        ("Q2", "Your drone policy."),
    ]
    assert edited.text == request_.text and edited.requester == request_.requester
    assert edited.source == request_.source
    assert edited.note == EDITED_NOTE and "officer" in edited.note


def test_labels_the_officer_writes_are_kept(request_):
    edited = request_with_questions(
        request_,
        [
            "Q1 - How many drones?",
            "a) bought in 2022",
            "b) bought in 2023",
            "3. Their cost.",
            "Which models?",  # no label: the next number
            "Question 7: Your policy.",
            "(ii) its review date",
        ],
    )
    assert [(q.label, q.original_label) for q in edited.questions] == [
        ("Q1", "Q1"),
        ("Q1a", "a"),
        ("Q1b", "b"),
        ("Q3", "3"),
        ("Q4", ""),
        ("Q7", "7"),
        ("Q7(ii)", "ii"),
    ]
    assert [q.text for q in edited.questions][:3] == ["How many drones?", "bought in 2022", "bought in 2023"]
    assert [q.sub_of for q in edited.questions][:3] == [None, "Q1", "Q1"]


def test_a_list_lettered_from_the_top_is_numbered_and_a_repeated_label_is_told_apart(request_):
    # 'Q2' is one of the app's labels (the editor is prefilled with them): renumbered, not 'Q2-2' (stop 37)
    edited = request_with_questions(
        request_, ["a) Drones owned.", "b) Their cost.", "Q2 - Policy.", "- Models."]
    )
    assert [(q.label, q.original_label) for q in edited.questions] == [
        ("Q1", "a"),
        ("Q2", "b"),
        ("Q3", "Q2"),
        ("Q4", ""),
    ]
    assert edited.questions[-1].text == "Models."  # a bullet is not part of the question
    # the officer's own labels are kept, and one repeated is told apart
    edited = request_with_questions(request_, ["1. Drones owned.", "2. Their cost.", "2. Policy."])
    assert [q.label for q in edited.questions] == ["Q1", "Q2", "Q2-2"]


def test_the_editor_shows_the_questions_and_reads_them_back_unchanged(request_):
    text = editor_text(request_)
    assert text.splitlines()[0] == "Q1 - How many drones does your force own?"
    assert len(text.splitlines()) == 3
    again = request_with_questions(request_, question_texts(text))
    assert _pairs(again) == [(q.label, " ".join(q.text.split())) for q in request_.questions]


def test_sub_question_labels_the_reader_gives_survive_the_editor():
    read = split_request("1. How many staff?\n(a) full time\n(b) part time\n2. Your rota policy.")
    edited = request_with_questions(read, question_texts(editor_text(read)))
    assert [q.label for q in edited.questions] == [q.label for q in read.questions]


def test_the_requester_s_identity_is_removed_from_the_officer_s_text(request_):
    edited = request_with_questions(
        request_,
        [
            "How many drones has Jane Example seen? Reply to jane@example.com or 07700900123.",
            "Q2 - Drones over 10 Downing Street, sw1a 2aa, by month.",
            "What did Ms Example ask about @janeexample before?",
        ],
    )
    texts = [q.text for q in edited.questions]
    for value in IDENTITY:
        assert not any(value in t for t in texts), value
    assert texts[0] == "How many drones has [NAME] seen? Reply to [EMAIL] or [PHONE]."
    assert texts[1] == "Drones over [ADDRESS], [POSTCODE], by month."
    assert "[NAME]" in texts[2] and "[HANDLE]" in texts[2]


def test_another_person_and_a_town_are_not_the_requester(request_):
    edited = request_with_questions(request_, ["How many complaints about Chief Constable Smith in London?"])
    assert edited.questions[0].text == "How many complaints about Chief Constable Smith in London?"


def test_one_question_a_line_and_blank_lines_dropped():
    assert question_texts("Q1 - One?\n\n   \n  Q2 - Two?  \n") == ["Q1 - One?", "Q2 - Two?"]
    assert question_texts("") == []


def test_blank_texts_are_dropped(request_):
    edited = request_with_questions(request_, ["", "  ", "How many drones?", "\n"])
    assert _pairs(edited) == [("Q1", "How many drones?")]


@pytest.mark.parametrize("texts", [[], ["", "   "], ["Q1", "2."]])
def test_no_question_is_a_clear_error(request_, texts):
    with pytest.raises(LetterError, match="the pasted request: no question given"):
        request_with_questions(request_, texts)
