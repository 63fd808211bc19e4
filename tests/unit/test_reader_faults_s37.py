"""Letter-reader faults noticed on tuning letters at stop 36 and mended at stop 37 (foi_precedent/letters/): a note
under a table of answers read into the table's last row."""

from __future__ import annotations

from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.sources import normalise_text

REQUEST = """Request
1. The number of claims received each year.
2. The number of claims paid each year.
3. The total amount paid each year.
Response
"""
NOTE = (
    "Due to the low numbers involved (between 1 and 5), a breakdown could lead to the identification of\n"
    "individuals. This information is therefore exempt under section 38(1)(b) of the Freedom of Information\n"
    "(Scotland) Act 2002, personal information.\n"
)
LETTER_NOTE = "Please Note: Payments are reimbursements for damage through insurance\n"


def reading(text: str) -> list[tuple[str, list[str], list[str]]]:
    letter = parse_text(text, source="letter.txt")
    return [(q.label, [t.value for t in q.treatments], list(q.exemptions)) for q in letter.questions]


def table(rows: str, notes: str) -> str:
    return REQUEST + "Question | 2022 | 2023 |\n" + rows + notes + "Yours sincerely\n"


ROWS = "1. | 58 | 20 |\n2. | <5* | <5* |\n3. | \u00a31,067.79 | \u00a385.50 |\n"


def test_a_marked_note_under_a_table_is_the_note_of_the_rows_carrying_its_mark():
    # moray-pothole-complaints-compensation-101003602692: the note's "*" is row 2's ("<5*"), not row 3's, the last
    assert reading(table(ROWS, "*" + NOTE + LETTER_NOTE)) == [
        ("1", ["disclosed"], []),
        ("2", ["partly_disclosed"], ["s38(1)(b)"]),
        ("3", ["disclosed"], []),
    ]


def test_a_note_under_a_table_that_names_no_row_is_the_letters():
    got = parse_text(table(ROWS.replace("*", ""), LETTER_NOTE), source="letter.txt")
    assert [q.answer for q in got.questions] == [
        "| 58 | 20 |",
        "| <5 | <5 |",
        "| \u00a31,067.79 | \u00a385.50 |",
    ]


def test_a_note_under_a_table_that_names_its_question_is_that_questions():
    # (read so before too, the last row's copy dropped as naming another question: kept so)
    got = reading(
        table(ROWS.replace("*", ""), "The figures for question 1 are exempt under section 38(1)(b).\n")
    )
    assert got == [
        ("1", ["partly_disclosed"], ["s38(1)(b)"]),
        ("2", ["disclosed"], []),
        ("3", ["disclosed"], []),
    ]


def test_a_bullets_star_under_a_table_whose_cells_carry_it_is_a_notes_mark():
    # moray-pothole-compensation-claims-2025: "* The low numbers ..." under "<5*" cells, not a bullet to drop
    rows = "Question 1 | 30 | <5* |\nQuestion 2 | 8 | 0 |\n"
    assert normalise_text(rows + "* The low numbers are exempt.") == rows + "*The low numbers are exempt."
    unmarked = "Question 1 | 30 | 5 |\n"
    assert normalise_text(unmarked + "* A bullet") == unmarked + "A bullet"
    assert normalise_text("Some prose\n* A bullet") == "Some prose\nA bullet"


def test_a_star_bullet_note_under_a_table_reads_for_the_marked_rows():
    rows = "Question 1 | 30 | <5* |\nQuestion 2 | <5* | 8 |\nQuestion 3 | \u00a32,484.31 | \u00a385.50 |\n"
    got = reading(
        REQUEST + "Question | 2022 | 2023 |\n" + rows + "* " + NOTE + LETTER_NOTE + "Yours sincerely\n"
    )
    assert got == [
        ("1", ["partly_disclosed"], ["s38(1)(b)"]),
        ("2", ["partly_disclosed"], ["s38(1)(b)"]),
        ("3", ["disclosed"], []),
    ]
