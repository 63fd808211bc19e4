"""Request-reader faults found at stop 37 on the tuning part of the real requests.

Each test is one family of over-splitting (or one named fault), written from the shape of the tuning requests that
showed it: the reader made a question of what an FOI officer would not answer as one."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.request import split_request


def _texts(text: str) -> list[str]:
    return [q.text for q in split_request(text).questions]


# --- asks about handling the request, not about the records (S7) ---------------------------------------------------
# Seen at the University of Aberdeen and Oxford Brookes (receipt), East Staffordshire, Dumfries and Galloway NHS,
# London Metropolitan University (offers to clarify), Barnet and Orkney (the reply's medium), Caerphilly and the DfE
# (as soon as possible), and WhatDoTheyKnow's "Response to this request is long overdue." kept with the page.

REPLY_ASKS = [
    "I would be grateful if you could confirm in writing/by email that you have received this request.",
    "Any queries, please let me know.",
    "If you anticipate any resolvable issues with this request, please let me know in case I can reword it.",
    "Should you need any clarification or have issues with managing this request within the legal limits, "
    "please let me know as soon as possible.",
    "Please can I have the response electronically.",
    "I would like this information sent as electronic copies.",
    "Should this be the case, I request that you release information as soon as possible.",
    "Response to this request is long overdue.",
]


@pytest.mark.parametrize("aside", REPLY_ASKS)
def test_an_ask_about_the_reply_is_no_question(aside):
    text = (
        "Dear Council,\n\nPlease provide the number of pothole claims paid in 2023.\n\n"
        f"{aside}\n\nYours faithfully,\n\nA Requester\n"
    )
    assert _texts(text) == ["Please provide the number of pothole claims paid in 2023."]


def test_a_further_grateful_ask_is_still_a_question():
    """'I would be further grateful if you would confirm that ...' asks a second thing (seen at DfI Northern Ireland,
    whose count was right only because the WhatDoTheyKnow note stood in for it)."""
    text = (
        "Dear DfI,\n\nI would be grateful if you could provide a copy of the template letter used by DfI Roads.\n\n"
        "I would be further grateful if you would confirm that this template letter forms part of DfI's suite of "
        "standard template documents.\n\nThank you.\nYours faithfully,\n\nA Requester\n"
    )
    texts = _texts(text)
    assert len(texts) == 2
    assert texts[1].startswith("I would be further grateful if you would confirm")


def test_receipt_asked_of_the_records_is_still_a_question():
    """Only the receipt of the request is about the reply: the date a record was received is information held."""
    text = "Please confirm the date on which you received the planning application for 12 High Street."
    assert _texts(text) == [text]


# --- stop 36's two named faults ---------------------------------------------------------------------------------

SECTION_LABELS = (
    "This is a freedom of information request. Section A (A1) Does your organisation commission Adult ADHD "
    "Assessments? If yes, please list: (A1-i) the organisation or organisations in receipt of commission from you "
    "alongside the contract value for the last financial year. (A2)Does your organisation commission Child ADHD "
    "Assessments? If yes, please list: (A2-i) the organisation or organisations in receipt of commission from you "
    "alongside the contract value for the last financial year. Section B Please could you provide the information "
    "for the last public sector year. (B1). The number of Adult ADHD Assessments undertaken in that period (B2). The "
    "number of Adults waiting for an ADHD Assessment at the end of that period."
)


def test_section_letter_labels_on_one_line_are_items_and_their_numerals_sub_items():
    """Gloucestershire Health and Care's '(A1)' / '(A1-i)' / '(B1).' on one line (S1, S4e, S3c): each a question,
    the '-i' item under its parent."""
    questions = split_request(SECTION_LABELS).questions
    assert [q.own_text.split()[:4] for q in questions] == [
        ["Does", "your", "organisation", "commission"],
        ["the", "organisation", "or", "organisations"],
        ["Does", "your", "organisation", "commission"],
        ["the", "organisation", "or", "organisations"],
        ["The", "number", "of", "Adult"],
        ["The", "number", "of", "Adults"],
    ]
    assert [q.sub_of is not None for q in questions] == [False, True, False, True, False, False]
    assert "Child" in questions[2].own_text


def test_one_bracketed_section_label_in_prose_splits_nothing():
    text = "Please provide the number of fines issued under rule (A1) of the byelaws in 2023 and 2024."
    assert _texts(text) == [text]


FLATTENED = """Please provide the following information.

5.2. The duration for which footage is typically retained on computer

5.3. The process by which footage is deleted e.g. by a manual process or by specialist software The process by \
which footage is tagged for deletion The process by which footage is tagged for retention The decision maker as to \
whether footage is to be deleted or retained

5.4. The number of complaints about footage
"""


def test_lines_the_page_ran_together_in_one_item_are_each_a_question():
    """West Midlands Police's '5.3.': four lines run together with no stop, each naming another process (S5b)."""
    questions = split_request(FLATTENED).questions
    assert [q.own_text for q in questions] == [
        "The duration for which footage is typically retained on computer",
        "The process by which footage is deleted e.g. by a manual process or by specialist software",
        "The process by which footage is tagged for deletion",
        "The process by which footage is tagged for retention",
        "The decision maker as to whether footage is to be deleted or retained",
        "The number of complaints about footage",
    ]
    assert [q.sub_of for q in questions][2:5] == [questions[1].label] * 3


def test_a_capital_the_inside_one_ask_is_no_run_on_line():
    """Without the item's own opening words again, 'The' after a word is read as part of the sentence."""
    text = "1. The number of copies of The Times bought by the department The Guardian and The Telegraph in 2023\n"
    assert len(split_request(text).questions) == 1


# --- a marked item that only breaks down the figure above (S2a, S2e) ---------------------------------------------
# Maidstone and Tunbridge Wells NHS Trust ('a. Please list a breakdown of the reasons why' under each count),
# Shropshire Fire and Rescue ('2. Please include a break down of types of vehicle in the data'), Ofcom ('2) Please
# break down how these were dealt with.').


def test_a_nested_breakdown_of_reasons_stays_in_its_count():
    text = (
        "I would like to request the following information for each of the last five years:\n"
        "1. How many patients have been physically restrained by hospital security staff\n"
        "a. Please list a breakdown of the reasons why\n"
        "2. How many times have the police been called because of the behaviour of a patient\n"
        "a. Please list a breakdown of the reasons why\n"
        "b. Please outline what action was taken by the police\n"
    )
    questions = split_request(text).questions
    assert len(questions) == 3
    assert "breakdown of the reasons" in questions[0].text
    assert questions[2].own_text == "Please outline what action was taken by the police"


@pytest.mark.parametrize(
    "breakdown",
    [
        "2. Please include a break down of types of vehicle in the data (car, bus/coach, e-bike/e-scooter, etc)",
        "2. Please break down how these were dealt with.",
    ],
)
def test_a_top_level_item_that_breaks_down_the_one_above_folds_into_it(breakdown):
    text = (
        "Please provide the following:\n"
        "1. Number of EV battery fires that have been tackled from June 2019 - June 2023\n"
        f"{breakdown}\n"
        "3. Please explain if you have a process for quality assuring your responses.\n"
    )
    questions = split_request(text).questions
    assert len(questions) == 2
    assert breakdown[3:] in questions[0].text


def test_a_top_level_item_asking_a_breakdown_of_something_else_stays_a_question():
    text = (
        "Please provide the following:\n"
        "1. Number of EV battery fires that have been tackled from June 2019 - June 2023\n"
        "2. Please provide a breakdown of your fire safety budget by station for 2023.\n"
    )
    assert len(split_request(text).questions) == 2


# --- a fallback for what cannot be had is no question (S8a, S4c) ---------------------------------------------------
# Transport for Greater Manchester ('Should the request exceed cost/time limits, then please focus ...'), University
# Hospitals of North Midlands ('For example, if you only have figures ... please provide these.'), Suffolk County
# Council ('If information ... is not available then please provide meaningful alternative information').


@pytest.mark.parametrize(
    "fallback",
    [
        "Should the request exceed cost/time limits, then please focus your efforts on JPA 12 (Beal Valley).",
        "For example, if you only have figures pertaining to the last year, please provide these.",
        "If information for any site is not available then please provide meaningful alternative information.",
    ],
)
def test_a_fallback_for_the_question_is_no_question(fallback):
    text = (
        "Dear Sir or Madam,\n\nPlease provide the number of neonatal deaths for the last ten years. "
        f"{fallback}\n\nYours faithfully,\n\nA Requester\n"
    )
    assert len(split_request(text).questions) == 1


def test_a_conditional_ask_for_more_is_still_a_question():
    text = (
        "Please provide the number of neonatal deaths for the last ten years.\n\n"
        "If you hold the minutes of the review panel, please also supply them.\n"
    )
    assert len(split_request(text).questions) == 2


# --- a request page's title and status above the greeting are no question (S7) -----------------------------------
# WhatDoTheyKnow pages: De Montfort University ('Gwrthodwyd y cais gan ...'), the British Transport Police and the
# University of Manchester ('Roedd y cais yn rhannol lwyddiannus.'), Merseyside Police ('... did not have the
# information requested.'), the University of Edinburgh ("Mae'r ymateb i'r cais hwn yn hwyr iawn ..."); University
# Hospitals of North Midlands and Cardiff University (a title of nine or more words, no status).


@pytest.mark.parametrize(
    "status",
    [
        "Gwrthodwyd y cais gan De Montfort University.",
        "Roedd y cais yn rhannol lwyddiannus.",
        "Merseyside Police did not have the information requested.",
        "Mae'r ymateb i'r cais hwn yn hwyr iawn.",
        "",
    ],
)
def test_a_page_title_over_the_greeting_is_no_question(status):
    text = (
        "Number of neonatal deaths and serious incidents and complaints\n\n"
        f"{status}\n\nDear University Hospital of North Midlands NHS Trust,\n\n"
        "Please provide details of the number of neonatal deaths for the last ten years.\n\n"
        "Please also provide the number of complaints related to the neonatal department.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    texts = _texts(text)
    assert len(texts) == 2
    assert texts[0].startswith("Please provide details")


def test_an_ask_above_the_greeting_is_kept():
    text = (
        "Please provide the number of neonatal deaths in 2023 and 2024 at each of your hospitals.\n\n"
        "Dear Trust,\n\nPlease also provide the number of complaints related to the neonatal department.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    assert len(_texts(text)) == 2


def test_any_email_correspondence_asks():
    """'Any email correspondence between ... and ...' (the Department for Education's asbestos request) names what is
    asked for, as 'Any correspondence ...' does."""
    text = (
        "Dear Department,\n\nUnder the Freedom of Information Act 2000, please provide me with the following "
        "information:\n\nAny email correspondence between the Department for Education and the Health and Safety "
        "Executive on the subject of asbestos. Please also provide an itemised list of any such correspondence.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    texts = _texts(text)
    assert len(texts) == 2
    assert texts[0].startswith("Any email correspondence")


# --- a date alone on its line is when the page was dated, no question (S7) ----------------------------------------
# University of Salford ('- 19 January 2010' over the greeting, which made the numbered questions its sub-items),
# Transport for Wales ('17 March 2021', 'Date issued: 06 September 2019').


@pytest.mark.parametrize(
    "date_line", ["- 19 January 2010", "17 March 2021", "Date issued: 06 September 2019"]
)
def test_a_date_line_is_no_question(date_line):
    text = (
        "University of Salford - Suspension of Staff\nFreedom of Information Request\n"
        f"{date_line}\nDear University of Salford,\n"
        "1. How many employees have been suspended in each of the last three years?\n"
        "2. Please state how long each suspension lasted.\n"
        "Yours faithfully,\nA Requester\n"
    )
    questions = split_request(text).questions
    assert [q.own_text for q in questions] == [
        "How many employees have been suspended in each of the last three years?",
        "Please state how long each suspension lasted.",
    ]
    assert all(q.sub_of is None for q in questions)


def test_a_date_inside_an_ask_stays():
    text = "Please provide the minutes of the meeting held on\n19 January 2010 by the planning committee.\n"
    assert "19 January 2010" in _texts(text)[0]


# --- the same ask again for a period, pointed back to, is no new question (S2a) -----------------------------------
# Home Office ('Please supply the above-requested information for each quarter from Q1 of 2010 ...'), University of
# Manchester ('Could you please provide all such communications for the last 5 years ...?').


@pytest.mark.parametrize(
    "period",
    [
        "Please supply the above-requested information for each quarter from Q1 of 2010 to Q4 of 2020 inclusive.",
        "Could you please provide all such communications for the last 5 years or as long as you have recorded?",
    ],
)
def test_the_ask_above_for_a_period_is_no_new_question(period):
    text = (
        "Dear Sir or Madam,\n\nI am writing to request copies of periodic communications between the "
        f"Vice-Chancellor and all staff. {period}\n\nYours faithfully,\n\nA Requester\n"
    )
    assert len(split_request(text).questions) == 1


def test_such_records_asked_of_something_else_is_a_question():
    text = (
        "Please provide the number of complaints received in 2023.\n\n"
        "Please also provide all such communications about the complaints policy.\n"
    )
    assert len(split_request(text).questions) == 2


# --- the request's subject named before its asks is no question (S3) ----------------------------------------------
# Department of Health and Social Care ('I would like to receive information regarding the fulfilment of PPE
# contracts ...'), Student Loans Company ('I am looking for information regarding the change in ...'); Argyll and
# Bute, Charnwood, the CQC and Translink one fewer extra each.


@pytest.mark.parametrize(
    "intro",
    [
        "I would like to receive information regarding the fulfilment of PPE contracts awarded by the Department.",
        "I am looking for information regarding the change in the number of students receiving the allowance.",
    ],
)
def test_a_topic_named_before_the_asks_is_no_question(intro):
    text = (
        f"Dear Sir or Madam,\n\n{intro}\n\n"
        "How many contracts were fulfilled in full in 2021?\n\n"
        "What quality checks are carried out on the products ordered?\n\nYours faithfully,\n\nA Requester\n"
    )
    assert _texts(text) == [
        "How many contracts were fulfilled in full in 2021?",
        "What quality checks are carried out on the products ordered?",
    ]


def test_a_topic_asked_alone_is_the_question():
    text = (
        "Dear Sir or Madam,\n\nI am seeking information about the remuneration of the Mayor.\n\nThank you.\n"
    )
    assert len(split_request(text).questions) == 1


# --- that the request is made under an Act is no question (S7); letters glued to their words are labels (S1) -------
# Argyll and Bute ('I am seeking this information under freedom of information legislation.'), the HCPC ('I am
# requesting information from your organisation under the provisions of the Freedom Of Information Act 2000.'),
# Barnet ('I would like to make an Environmental Information Request under The Environmental Information Regulations
# 2004.', whose count was right only because that sentence stood in for its glued 'a.any report ... b.any reports').


@pytest.mark.parametrize(
    "preamble",
    [
        "I am seeking this information under freedom of information legislation.",
        "I am requesting information from your organisation under the provisions of the Freedom Of Information Act "
        "2000.",
        "I would like to make an Environmental Information Request under The Environmental Information Regulations "
        "2004.",
    ],
)
def test_a_request_made_under_an_act_is_no_question(preamble):
    text = f"Dear Council,\n\n{preamble}\n\nHow many social workers did you employ in 2023?\n\nYours faithfully,\nA B\n"
    assert _texts(text) == ["How many social workers did you employ in 2023?"]


def test_an_ask_under_an_act_is_still_a_question():
    text = "I request the minutes of the meeting under the Freedom of Information Act 2000."
    assert _texts(text) == [text]


def test_letter_labels_glued_to_their_words_are_items():
    text = (
        "Sustrans defines a low traffic neighbourhood as a scheme where traffic is greatly reduced. With this in mind "
        "1. please list the name of every LTN in operation within your council boundary since January 2020. 2. "
        "Please, for each scheme, would you disclose: a.any report that provides the meeting minutes where schemes "
        "were discussed and agreed. b.any reports on the efficacy of such schemes."
    )
    texts = _texts(text)
    assert texts[-2:] == [
        "any report that provides the meeting minutes where schemes were discussed and agreed.",
        "any reports on the efficacy of such schemes.",
    ]
    assert len(texts) == 3


def test_e_g_is_no_glued_label():
    text = "Please provide the number of vehicles, e.g.cars and vans, that you own. Please also list their makes."
    assert len(_texts(text)) == 2


# --- the groups of a count listed under it are breakdown values (S2d) ----------------------------------------------
# HCPC ('(2) Of these concerns, how many were received via the following referrals:' / '(2a) From members of the
# public' ...), Royal Museums Greenwich ('4. Of these requests, how many were:' / 'a. Approved in full ...' ...).


def test_items_numbered_under_a_count_with_its_number_and_a_letter_are_its_groups():
    text = (
        "(1) How many concerns were received by the HCPC regarding NEAS paramedics?\n"
        "(2) Of these concerns, how many were received via the following referrals:\n"
        "(2a) From members of the public\n(2b) From their employer (NEAS)\n(2c) From the Police\n"
        "(3) How many went forward to a final hearing?\n"
    )
    questions = split_request(text).questions
    assert len(questions) == 3
    assert "From the Police" in questions[1].text


def test_the_outcomes_a_count_is_split_into_stay_in_it():
    text = (
        "3. How many requests for repatriation have you had since 2004?\n"
        "4. Of these requests, how many were:\n"
        "a. Approved in full, with all of the requested remains being returned to the communities in question.\n"
        "b. Approved in part.\nc. Not approved.\nd. Still awaiting a decision.\n"
        "5. For those requests which were not approved please provide a copy of the final decision letter.\n"
    )
    assert len(split_request(text).questions) == 3


def test_lettered_items_that_ask_their_own_figures_stay_questions():
    text = "(2) Of these concerns:\n(2a) How many were upheld?\n(2b) Please provide the minutes of each hearing.\n"
    assert len(split_request(text).questions) >= 2


# --- a breakdown asked with its dimension first, or in prose as 'request this broken down' (S2a, S4d) --------------
# Wokingham ('8. A breakdown by gender of residents in council-funded placements, if held.' under 7.), Northumbria
# Police ('3) What is the gender and ethnic breakdown of the children held overnight.', two items below the count),
# Public Health Scotland ('Can I request this broken down by month for both health board ...').


def test_a_breakdown_by_a_dimension_of_the_item_above_folds_into_it():
    text = (
        "7. The number or proportion of residents in council-funded placements whose primary support reason is "
        "dementia.\n8. A breakdown by gender of residents in council-funded placements, if held.\n"
    )
    questions = split_request(text).questions
    assert len(questions) == 1
    assert "breakdown by gender" in questions[0].text


def test_a_breakdown_of_a_figure_further_up_has_no_entry():
    text = (
        "1) The number of under 18s held overnight in police custody in 2014-15 and 2015-16.\n"
        "2) The age of the youngest child held overnight in custody in 2015-16.\n"
        "3) What is the gender and ethnic breakdown of the children held overnight.\n"
        "4) What is the longest period a child was held in custody?\n"
    )
    assert len(split_request(text).questions) == 3


def test_a_breakdown_by_a_dimension_of_a_figure_of_its_own_stays_a_question():
    text = (
        "1. The numbers of regulated procedures carried out by the University, in each year.\n"
        "2. A breakdown by species of the numbers of animals used in these procedures, in each year.\n"
    )
    assert len(split_request(text).questions) == 2


def test_requesting_the_figure_broken_down_is_part_of_it():
    text = (
        "I am looking for the number of people waiting in A&E over 24 hours in each week of 2023. "
        "Can I request this broken down by month for both health board, and if possible by hospital."
    )
    assert len(split_request(text).questions) == 1
