"""The reader reads a letter with the questions an officer gives (a split correction): ``parse_text(questions=...)``.
Each question's answer is found by its label where the reply labels its answers; otherwise the reply is read as a
whole for every question."""

from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_text

LABELLED = """Our ref: FOI-123
Dear Sir

Your request:
Q1. How many drones does the force own and how many pilots are trained?
Q2. What was spent on drones in 2023?

Response:
Q1. The force owns 12 drones. 30 pilots are trained.
Q2. This information is not held.

Yours sincerely
"""

PROSE = """Our ref: FOI-9
Dear Sir
You asked for the number of drones and the money spent on them.
The information is exempt under section 31(1)(a) as disclosure would be likely to prejudice law enforcement.
Yours sincerely
"""


def _read(letter):
    return [(q.label, q.text, q.treatments) for q in letter.questions]


def test_without_questions_the_reader_splits_the_letter_itself():
    assert [q.label for q in parse_text(LABELLED).questions] == ["Q1", "Q2"]
    assert [q.label for q in parse_text(LABELLED, questions=None).questions] == ["Q1", "Q2"]


def test_the_given_questions_are_the_letters_questions_in_order_with_their_labels_and_texts():
    letter = parse_text(
        LABELLED,
        questions=[
            ("Q2", "What was spent on drones in 2023?"),
            ("Q1", "How many drones does the force own?"),
        ],
    )
    assert _read(letter) == [
        ("Q2", "What was spent on drones in 2023?", (Treatment.NOT_HELD,)),
        ("Q1", "How many drones does the force own?", (Treatment.DISCLOSED,)),
    ]
    assert letter.question("Q1").answer == "The force owns 12 drones. 30 pilots are trained."


def test_an_answer_is_found_by_its_label_as_the_reader_matches_labels():
    # 'Question 2' is answered by the reply's 'Q2.' (the reader matches a label on its number)
    letter = parse_text(LABELLED, questions=[("Question 1", "Drones owned"), ("Question 2", "Drone spend")])
    assert _read(letter) == [
        ("Question 1", "Drones owned", (Treatment.DISCLOSED,)),
        ("Question 2", "Drone spend", (Treatment.NOT_HELD,)),
    ]


def test_a_question_the_reply_does_not_label_is_left_unanswered_when_others_are_labelled():
    letter = parse_text(
        LABELLED,
        questions=[("Q1", "Drones owned"), ("Q3", "Pilots trained"), ("Q2", "Drone spend")],
    )
    assert [q.label for q in letter.questions] == ["Q1", "Q3", "Q2"]
    assert letter.question("Q3").answer == ""
    assert letter.question("Q2").treatments == (Treatment.NOT_HELD,)


def test_an_item_the_reply_answers_whole_answers_the_parts_the_officer_split_it_into():
    for given in (
        [("Q1a", "Drones owned"), ("Q1b", "Pilots trained"), ("Q2", "Drone spend")],
        [("Q1", "Drones owned"), ("Q1b", "Pilots trained"), ("Q2", "Drone spend")],
    ):
        letter = parse_text(LABELLED, questions=given)
        assert [q.treatments for q in letter.questions] == [
            (Treatment.DISCLOSED,),
            (Treatment.DISCLOSED,),
            (Treatment.NOT_HELD,),
        ]
        assert letter.questions[1].answer == "The force owns 12 drones. 30 pilots are trained."
    # parts numbered as the reply numbers its answers, whatever the labels' style ('2a' for 'Q2.')
    letter = parse_text(LABELLED, questions=[("2a", "Spend in 2023"), ("2b", "Spend by supplier")])
    assert {q.answer for q in letter.questions} == {"This information is not held."}


def test_labels_the_reply_never_uses_read_the_reply_as_a_whole_for_every_question():
    letter = parse_text(LABELLED, questions=[("A", "Drones owned"), ("B", "Drone spend")])
    assert [q.label for q in letter.questions] == ["A", "B"]
    assert letter.question("A").answer == letter.question("B").answer
    assert "12 drones" in letter.question("A").answer


def test_a_prose_reply_answers_every_given_question():
    assert [q.label for q in parse_text(PROSE).questions] == ["Request"]
    letter = parse_text(PROSE, questions=[("1", "Number of drones"), ("2", "Money spent on drones")])
    assert [(q.label, q.treatments, q.exemptions) for q in letter.questions] == [
        ("1", (Treatment.WITHHELD,), ("s31(1)(a)",)),
        ("2", (Treatment.WITHHELD,), ("s31(1)(a)",)),
    ]
    assert letter.exemptions == ("s31(1)(a)",)


def test_the_officers_text_stands_even_where_a_question_asks_two_things():
    # the reader splits a further ask into a question of its own; the officer's question is kept whole
    text = "What criteria do you use? Could you supply copies of them?"
    letter = parse_text(LABELLED, questions=[("Q1", text)])
    assert _read(letter) == [("Q1", text, (Treatment.DISCLOSED,))]


def test_the_letter_itself_is_read_the_same_whatever_the_questions():
    plain, given = parse_text(LABELLED), parse_text(LABELLED, questions=[("Q1", "Drones owned")])
    assert (given.reference, given.text, given.content_hash) == (
        plain.reference,
        plain.text,
        plain.content_hash,
    )
