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
    word_rows = (
        "| Question 1 | 30 | <5*\n| Question 2 | 8 | 0\n"  # a Word table's rows, read opening with a bar
    )
    assert normalise_text(word_rows + "* The low numbers") == word_rows + "*The low numbers"
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


# --- answers read from the page's fields or the request, not the reply ---------------------------------------------

LOG_PAGE = """Read more about this page below

Reference FOI/25/344
Description Agency Spend for Nursing Staff
Date requested 24/01/2025
Attachments N/A

For the 3-month period ending 24th January 2025, can you please provide:

- Total Off Framework Agency Spend for Nursing staff

- Total hours filled by Off Framework agencies

- A list of Agency suppliers with a day charge rate of over \u00a340

\u2022 0 off-framework within the last 3 months

List of agency suppliers

Section 43 \u2013 Commercial Interest

Section 43(2) exempts information whose disclosure would, or would be likely to, prejudice the commercial interests
of any person.
"""


def test_a_log_pages_request_list_then_reply_reads_the_reply_alone():
    # clch-offframework-agency-foi25-344: the page's fields and the request were read as the answer of every item
    letter = parse_text(LOG_PAGE, source="letter.txt")
    assert [q.text for q in letter.questions] == [
        "Total Off Framework Agency Spend for Nursing staff",
        "Total hours filled by Off Framework agencies",
        "A list of Agency suppliers with a day charge rate of over \u00a340",
    ]
    for q in letter.questions:
        assert q.answer.startswith("\u2022 0 off-framework within the last 3 months")
        assert "Reference FOI/25/344" not in q.answer and "can you please provide" not in q.answer


QUOTED = """Our Ref: FOI 54-21

14 February 2022

I am writing to confirm that the Commission has processed your request dated 17 November 2021. In your request, you asked:

\u201cI would like to submit the below as an FOI.

1. (a) We would like to request a copy of all correspondence between the Committee and the Department.

(b) We respectfully request we are included in any further correspondence moving forward.

2. On 04th August 2021, we submitted concerns regarding the Inquiry.

(a) What action was taken?

(b) Please provide a copy of all documentation, including correspondence.\u201d

Please see the list below of documentation that is relevant to your request. The documents can be found in Appendix A.

Following receipt of your letter dated 4th August 2021, the Committee agreed to note your response.

Some of the information is exempt from disclosure under Section 21 of the FOIA 2000, as it is accessible to you by
other means.
"""


def test_a_request_quoted_whole_ends_at_its_closing_mark():
    # nia-commission-health-committee-correspondence-foi-54-21: each question's answer was the request's next line
    letter = parse_text(QUOTED, source="letter.txt")
    assert [q.label for q in letter.questions] == ["1", "(b)", "(a)", "(b) (second list)"]
    for q in letter.questions:
        assert q.answer.startswith("Please see the list below of documentation")
    assert letter.exemptions == ("s21",)
    assert letter.refusal_notice


def test_a_numbered_statement_over_lettered_asks_is_their_lead_in():
    # "2. On 04th August 2021, we submitted concerns ..." asks nothing itself (S3): its parts are the questions
    from foi_precedent.letters.layout import item_asks

    asks = item_asks(
        [
            "2. On 04th August 2021, we submitted concerns regarding the Inquiry.",
            "(a) What action was taken?",
            "(b) Please provide a copy of all documentation.",
        ]
    )
    assert asks == [("(a)", "What action was taken?"), ("(b)", "Please provide a copy of all documentation.")]
    # a head that asks stays a question of its own
    assert item_asks(["2. Please provide the policy.", "(a) What action was taken?", "(b) Who decided?"])[
        0
    ] == (
        None,
        "2. Please provide the policy.",
    )


# --- a doubled label ----------------------------------------------------------------------------------------------

DOUBLED = """Complaints \u2013 annual totals

1)For the years 2012 to 2018 \u2013 how many complaints against the council have been registered?

Total complaints received from April 2012 to August 2018: 12,501

2)1)In relation to the above questions, how many ended up being dealt with the following:
A) The Local Government Ombudsmen
B) The Police
C) Solicitors and/or the courts

2a) Local Government and Social Care Ombudsman LGSCO complaints : 654
2b) We do not hold this information.
2c) We do not hold this information.
"""


def test_a_doubled_label_is_the_items_number():
    # devon-complaints-annual-totals-3022: "2)1)" is item 2 (a Word list's restarted number typed after it)
    from foi_precedent.letters.layout import _label_of

    assert _label_of("2)1)In relation to the above questions") == (
        "2",
        ("n", "2"),
        "In relation to the above questions",
    )
    assert _label_of("2.1) The number of staff") != _label_of("2) The number of staff")


def test_lettered_parts_answered_below_by_number_are_the_questions():
    # the item's parts A)-C) are the questions 2a)-2c) answer, not the answer of item 2 (nor of item 1, above them)
    letter = parse_text(DOUBLED, source="letter.txt")
    got = [(q.label, q.text, [t.value for t in q.treatments]) for q in letter.questions]
    assert got[1:] == [
        ("2a", "The Local Government Ombudsmen", ["disclosed"]),
        ("2b", "The Police", ["not_held"]),
        ("2c", "Solicitors and/or the courts", ["not_held"]),
    ]
    assert got[0][0] == "1" and "In relation to the above" not in letter.questions[0].answer


# --- a flattened reply run on into the request's last item ----------------------------------------------------------


def test_a_flattened_requests_last_item_runs_on_into_the_reply():
    # welsh-gov-t3-bus-route-atisn-11754: a PDF's text on one line; the reply was read as part of item 5, and no
    # question had an answer
    from foi_precedent.letters.layout import unflatten

    line = (
        "Dear Dr Smith Request for Information \u2013 ATISN 11754 I wrote to you on 27 November regarding your request. "
        "You asked: 1. On what date(s) in 2014 was routing the T3 from Wrexham to Aberystwyth discussed as stated in "
        "the Cabinet Secretary's letter. 2. The name/job title of the Welsh Government official(s) who were involved "
        "in discussions regarding routing the T3. 3. The conclusions that resulted from discussions regarding routing "
        "the T3 from Wrexham to Aberystwyth. I confirm we hold some information captured by your request. For your "
        "first question, we do not hold on record all of the dates in 2014 on which routing the T3 was discussed. "
        "Officials and local authorities are in regular and frequent discussions."
    )
    parts = unflatten(line)
    assert (
        parts[-2]
        == "3. The conclusions that resulted from discussions regarding routing the T3 from Wrexham to Aberystwyth."
    )
    assert parts[-1].startswith("I confirm we hold some information captured by your request.")
    letter = parse_text(line, source="letter.txt")
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert all(q.answer.startswith("I confirm we hold some information") for q in letter.questions)


# --- a letterhead read as the request; an EIR exception called a section ---------------------------------------------

LETTERHEAD = """Tŷ’r Afon, Heol Bedwas, Ty’r Afon, Bedwas Road, Caerffili. CF83 8WT Caerphilly. CF83 8WT www.cadw.llyw.cymru www.cadw.gov.wales

Eich cyfeirnod ATISN 14957 By email only to: Your reference Ein cyfeirnod Our reference Dyddiad 26 March 2021 Date Llinell uniongyrchol EbostDirect line Email:

Dear

ATISN 14957 – Delisting Casework

Thank you for your request which was received on 26 February, asking how many delisting requests have been made in the last five years, and how many of these resulted in delisting.

I can advise you that from 2016/17 – 2020/21 we considered 57 buildings for delisting. 32 buildings were delisted in this time. I have attached a table at Annex A which details the buildings and the reason for delisting.

You have also asked if we can provide copies of any successful delisting requests. I consider that the release of the information would constitute unfair processing of the personal information (the first data protection principle being fairness), so I have decided that this information is an exception under section 12(5)(f) and section 13 of the Environmental Information Regulations 2004 and is therefore withheld. I considered whether I could redact the personal information from the delisting requests but doing so would give you no more information about the reason behind the request other than what I have provided in Annex A. The reasons for applying this exception are set out in full at Annex B to this letter.

However, advice on asking for a building to be delisted is provided in Planning Policy - Technical Advice Note 24: The Historic Environment and our good practice guidance Understanding Listing in Wales, published here.
"""


def test_a_letterhead_is_not_the_request_and_an_eir_exception_called_a_section_is_a_regulation():
    # cadw-delisting-atisn-14957: the question read as the letterhead's address, refused on cost under "s12(5)(f)"
    letter = parse_text(LETTERHEAD, source="letter.txt")
    assert letter.exemptions == ("reg12(5)(f)", "reg13")
    [q] = letter.questions
    assert q.text.startswith("ATISN 14957 \u2013 Delisting Casework Thank you for your request")
    assert "cost_limit" not in [t.value for t in q.treatments]


def test_a_section_of_the_eirs_is_a_regulation_and_foias_sections_stay_sections():
    from foi_precedent.letters.exemptions import normalise_exemptions

    assert normalise_exemptions(
        "section 12(5)(f) and section 13 of the Environmental Information Regulations"
    ) == [
        "reg12(5)(f)",
        "reg13",
    ]
    assert normalise_exemptions("section 40(2) of the Freedom of Information Act") == ["s40(2)"]
    assert normalise_exemptions("withheld under section 43(2) of the Act") == ["s43(2)"]


# --- a bulleted request's labels ------------------------------------------------------------------------------------

BULLETED = """Dangerous Dogs (790A/22)

Please can you tell me:

\u2022 Q1: The numbers of dogs seized by your police force from 2017 to 2022?
\u2022 Q2: How many dogs have been put down/destroyed in your force area from 2017 to 2022?
\u2022 Q3: What is the annual cost to your force of kennels and veterinary treatment?

Our data are not organised in such a way as to allow us to provide this information within the appropriate (cost)
limit within the Freedom of Information (FOI) Act.

For Question 2 every record would need to be checked to see if the dog had been put down.

(Name of police force) 2017 2018 2019 2020 2021 2022
Q1 the numbers of dogs seized 629 671 773 786 975 316
"""


def test_a_bulleted_questions_label_is_the_questions():
    # wmp-dangerous-dogs-790a-22: "\u2022 Q1: ..." was no label; Q1's answer was read from the request's own line
    from foi_precedent.letters.layout import _label_of

    assert _label_of("\u2022 Q1: The numbers of dogs seized?") == (
        "Q1",
        ("q", "1"),
        "The numbers of dogs seized?",
    )
    assert _label_of("\u2022 2012-13 \u2013 1203") is None
    letter = parse_text(BULLETED, source="letter.txt")
    got = {q.label: q for q in letter.questions}
    assert list(got) == ["Q1", "Q2", "Q3"]
    assert got["Q1"].text.startswith("The numbers of dogs seized by your police force")
    assert "Q1:" not in got["Q1"].answer and got["Q1"].answer.startswith("the numbers of dogs seized 629")
    assert got["Q3"].treatments[0].value == "cost_limit"


def test_a_marked_note_wrapped_after_a_sentence_runs_on_to_its_exemption():
    # the Moray letter as its PDF reads: the note's first line ends a sentence, the exemption is on the lines after it
    note = (
        "*The low numbers may result in the identification of individuals.\n"
        "Therefore numbers between 1 and 5 have been redacted. This response is exempt under Section 38(1)(b) of\n"
        "the Freedom of Information (Scotland) Act 2002.\n"
        "Please Note: Payments are reimbursements \u2013 not\ncompensation\n"
    )
    assert reading(table(ROWS, note)) == [
        ("1", ["disclosed"], []),
        ("2", ["partly_disclosed"], ["s38(1)(b)"]),
        ("3", ["disclosed"], []),
    ]
