"""The reader reads a letter with the questions an officer gives (a split correction): ``parse_text(questions=...)``.
Each question's answer is found by its label where the reply labels its answers; otherwise the reply is read as a
whole for every question."""

from foi_precedent.letters import learned
from foi_precedent.letters.answers import LOCATED_BY_LEARNED
from foi_precedent.letters.model import CONFIDENT, Question, Treatment
from foi_precedent.letters.parser import _own_readings_kept, parse_text

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
    given = [("Q1", "Drones owned"), ("Q3", "Pilots trained"), ("Q2", "Drone spend")]
    with learned.off():
        letter = parse_text(LABELLED, questions=given)
    assert [q.label for q in letter.questions] == ["Q1", "Q3", "Q2"]
    assert letter.question("Q3").answer == ""
    assert letter.question("Q3").treatments == (Treatment.OTHER,)
    assert letter.question("Q2").treatments == (Treatment.NOT_HELD,)
    # the learned reader reads it from the sentence the evidence locator finds (Q1's answer, which names the pilots
    # trained), below the flag line and marked so; the rules' reading of the others stands
    letter = parse_text(LABELLED, questions=given)
    q3 = letter.question("Q3")
    assert q3.answer == "The force owns 12 drones. 30 pilots are trained."
    assert q3.review.startswith(LOCATED_BY_LEARNED) and q3.confidence < CONFIDENT
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


def test_a_question_the_reader_found_too_keeps_the_readers_reading_of_its_answer():
    # the officer renames the questions (labels the reply never uses) but keeps their words: each keeps its own answer
    # as the reader tied it, instead of the reply read as a whole
    letter = parse_text(
        LABELLED,
        questions=[
            ("A", "How many drones does the force own and how many pilots are trained?"),
            ("B", "What was spent on drones in 2023?"),
        ],
    )
    assert _read(letter) == [
        ("A", "How many drones does the force own and how many pilots are trained?", (Treatment.DISCLOSED,)),
        ("B", "What was spent on drones in 2023?", (Treatment.NOT_HELD,)),
    ]
    assert letter.question("B").answer == "This information is not held."


UNDER_EACH = """Our ref: FOI-77
Dear Sir

Thank you for your request for information about speed cameras, which we received on 2 May.

1. How many fixed speed cameras are there in the county?
There are 14 fixed speed cameras in the county.
2. How much did the cameras raise in fines in 2023?
This information is not held by the council.

Yours sincerely
"""


def test_correcting_one_question_leaves_the_others_read_as_before():
    own = parse_text(UNDER_EACH)
    assert [q.treatments for q in own.questions] == [(Treatment.DISCLOSED,), (Treatment.NOT_HELD,)]
    # the officer splits the second question in two; the first keeps its reading, evidence and confidence
    letter = parse_text(
        UNDER_EACH,
        questions=[
            ("1", "How many fixed speed cameras are there in the county?"),
            ("2a", "How much did the cameras raise in fines in 2023?"),
            ("2b", "How much did the cameras raise in fines in 2022?"),
        ],
    )
    first = letter.questions[0]
    assert (first.answer, first.treatments, first.evidence, first.confidence) == (
        own.questions[0].answer,
        own.questions[0].treatments,
        own.questions[0].evidence,
        own.questions[0].confidence,
    )
    assert [q.treatments for q in letter.questions[1:]] == [(Treatment.NOT_HELD,), (Treatment.NOT_HELD,)]


def test_a_reading_that_runs_over_the_officers_next_question_is_not_kept():
    def q(label, text, answer, treatment):
        return Question(label, text, answer, (treatment,))

    given = [
        q("1", "What criteria do you use to approve drone flights", "whole reply", Treatment.WITHHELD),
        q("1b", "How many flights were approved in 2023?", "whole reply", Treatment.WITHHELD),
    ]
    # the reader read the officer's two questions as one: its reading answers both, so neither keeps it
    merged = [
        q(
            "1",
            "What criteria do you use to approve drone flights and how many flights were approved in 2023?",
            "Our criteria are attached.",
            Treatment.DISCLOSED,
        )
    ]
    assert _own_readings_kept(given, merged) == given
    # the officer merged two of the reader's questions into one: the reader's first is not all of it
    whole = [
        q(
            "A",
            "What criteria do you use to approve drone flights and how many flights were approved?",
            "",
            Treatment.WITHHELD,
        )
    ]
    split = [
        q("1", "What criteria do you use to approve drone flights", "Attached.", Treatment.DISCLOSED),
        q("2", "How many flights were approved?", "Not held.", Treatment.NOT_HELD),
    ]
    assert _own_readings_kept(whole, split) == whole
    # the same questions: each keeps the reader's reading, under the officer's label and text
    asked = "What criteria do you use to approve drone flights?"
    kept = _own_readings_kept([q("A", asked, "", Treatment.WITHHELD)], split[:1])
    assert [(x.label, x.text, x.answer, x.treatments) for x in kept] == [
        ("A", asked, "Attached.", (Treatment.DISCLOSED,))
    ]
