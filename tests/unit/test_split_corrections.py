"""Split corrections, the pure part (``foi_precedent.splits``): the editor's text read as a split, validation, the
latest in force per letter, and the note a letter read with one carries."""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.sources import Document
from foi_precedent.splits import (
    RESPLIT,
    SplitCorrection,
    SplitError,
    editor_text,
    in_force,
    latest,
    letter_split,
    make_split,
    make_undo,
    parse_split,
    read_with_split,
    split_note,
    with_note,
)

TEXT = """Our ref: FOI-123
Your request:
Q1. How many drones does the force own and how many pilots are trained?
Q2. What was spent on drones in 2023?
Response:
Q1. The force owns 12 drones. 30 pilots are trained.
Q2. This information is not held.
"""


def test_the_editors_lines_are_read_back_to_the_same_labels_and_texts():
    split = (("Question 1", "How many drones?"), ("2", "How many pilots?"), ("Q3a", "What was spent?"))
    assert parse_split(editor_text(split)) == split


def test_a_letters_own_label_is_kept_as_written_and_lines_without_a_label_are_numbered():
    editor = "1 (second list) - What about it?\nHow many pilots?\n\nb) and trained ones?\nQ5 - Cost?\nSpend?"
    assert parse_split(editor, labels=["1 (second list)"]) == (
        ("1 (second list)", "What about it?"),
        ("Q2", "How many pilots?"),
        ("Q2b", "and trained ones?"),
        ("Q5", "Cost?"),
        ("Q6", "Spend?"),
    )
    # a dash inside a question is not a label
    assert parse_split("How many cars - in total?") == (("Q1", "How many cars - in total?"),)


@pytest.mark.parametrize(
    ("editor", "message"),
    [
        ("", "at least one question"),
        ("Q1\n2.\n", "at least one question"),
        ("Q1 - a\nQ1 - b", "'Q1' is given twice"),
    ],
)
def test_a_bad_split_says_what_is_wrong(editor, message):
    with pytest.raises(SplitError, match=message):
        parse_split(editor)


def test_a_split_needs_a_reason_and_an_officer():
    with pytest.raises(SplitError, match="reason"):
        make_split("FOI-1", [("Q1", "x")], officer="alice", at="t", reason="  ")
    with pytest.raises(SplitError, match="officer"):
        make_undo("FOI-1", officer="", at="t", reason="why")
    made = make_split("FOI-1", [(" Q1 ", " How  many? ")], officer=" alice ", at="t", reason=" why ")
    assert (made.questions, made.officer, made.reason, made.undo) == (
        (("Q1", "How many?"),),
        "alice",
        "why",
        False,
    )


def test_the_latest_of_each_letter_is_in_force_and_an_undo_returns_to_the_readers_split():
    a = SplitCorrection("FOI-1", (("Q1", "x"),), "alice", "2026-12-06T08:00:00+00:00", "r", id=1)
    b = SplitCorrection("FOI-1", (("Q1", "y"),), "bob", "2026-12-06T08:00:00+00:00", "r", id=2)  # same second
    c = SplitCorrection("FOI-2", (("Q1", "z"),), "bob", "2026-12-06T07:00:00+00:00", "r", id=3)
    undo = SplitCorrection("FOI-2", None, "carol", "2026-12-06T09:00:00+00:00", "r", id=4)
    assert in_force([b, a, c]) == {"FOI-1": b, "FOI-2": c}
    assert latest([a, b, c, undo])["FOI-2"] is undo and in_force([a, b, c, undo]) == {"FOI-1": b}


def test_a_correction_round_trips_through_its_dict():
    for s in (
        SplitCorrection("FOI-1", (("Q1", "x"), ("Q2", "y")), "a", "t", "r", 5),
        SplitCorrection("F", None),
    ):
        assert SplitCorrection.from_dict(s.to_dict()) == s
    assert SplitCorrection("F", None).to_dict()["undo"] is True


def test_a_letter_read_with_a_split_says_who_set_it_and_how_the_reader_had_split_it():
    reader = parse_text(TEXT)
    split = make_split(
        "FOI-123", [("Q1", "Drones owned"), ("Q1b", "Pilots trained")], officer="a", at="t", reason="r"
    )
    letter = read_with_split(Document(TEXT, "<text>"), split, reader)
    assert letter_split(letter) == (("Q1", "Drones owned"), ("Q1b", "Pilots trained"))
    note = split_note(letter)
    assert (note["officer"], note["reason"]) == ("a", "r")
    assert note["reader"] == [[q.label, q.text] for q in reader.questions]
    # an undo, or a file's front matter claiming a re-split, leaves no note
    assert split_note(with_note(letter, make_undo("FOI-123", officer="a", at="t", reason="r"))) is None
    assert split_note(parse_text(TEXT, front_matter={RESPLIT: {"officer": "x"}})) is not None
    assert split_note(with_note(parse_text(TEXT, front_matter={RESPLIT: {"officer": "x"}}), None)) is None


def test_a_question_the_reader_had_keeps_its_reading_and_a_new_one_is_read_by_its_label():
    reader = parse_text(TEXT)
    split = make_split(
        "FOI-123", [("1", "Drones owned"), ("Q1b", "Pilots trained")], officer="a", at="t", reason="r"
    )
    letter = read_with_split(Document(TEXT, "<text>"), split, reader)
    assert letter_split(letter) == (("1", "Drones owned"), ("Q1b", "Pilots trained"))
    # '1' is the reader's Q1 (loosely), read as the reader read it, under the officer's label and text
    had = reader.question("Q1")
    assert (letter.questions[0].answer, letter.questions[0].treatments) == (had.answer, had.treatments)
    # 'Q1b' is new: the reply's answer to item 1 answers it too
    assert letter.questions[1].answer == had.answer
    assert "Q2" not in {q.label for q in letter.questions}
