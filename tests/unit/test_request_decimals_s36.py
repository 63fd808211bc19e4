"""Requests numbered with decimals under section headings ('3. Policy and training' / '3.1 The force policy ...').

Drafting QA found a West Midlands Police request typed '1.1.Does your Force ...' (no space after the stop) read as
'Q1 - 1.Does ...', with the heading '6. Complaints' read as a question of its own ('Q6-2'). The same layout came
from Herefordshire Council ('1. Staffing:' / '1.1: Number of ...'), British Transport Police and Avon and Somerset
Police ('1.0 How many officers ...' / '1.1 ...'). A heading of a few words that asks nothing is no question (S3,
S7); the decimals under it are the questions, one level up (S3a)."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request

BODY_WORN_VIDEO = """Under the Freedom of Information Act 2000, please provide the following information.


1.1.Does your Force make use of BWV?

1.2.When did your Force begin to use BWV


2.1.The number of BWVs owned

3.Policy and training

3.1.The specific Force policy for BWVs. Please provide the necessary policy document.

3.2.Details of the training given to officers on BWVs.

4.Technical information

4.1.Manufacturer details/ model of BWVs owned

4.2.The software used to transfer and view footage from BWVs to a computer

6. Complaints

For the period 1 January 2010 to 18 November 2016:

6.1. The number of complaints made to your force from members of the public concerning the use of BWVs

6.2. If applicable
"""


def test_decimals_typed_without_a_space_are_the_questions_and_headings_are_not():
    request = split_request(BODY_WORN_VIDEO)
    texts = [q.text for q in request.questions]
    assert texts == [
        "Does your Force make use of BWV?",
        "When did your Force begin to use BWV",
        "The number of BWVs owned",
        "The specific Force policy for BWVs. Please provide the necessary policy document.",
        "Details of the training given to officers on BWVs.",
        "Manufacturer details/ model of BWVs owned",
        "The software used to transfer and view footage from BWVs to a computer",
        "The number of complaints made to your force from members of the public concerning the use of BWVs",
        "If applicable",
    ]
    # one label each, in turn: no 'Q6-2' for a heading read again under its own number
    assert [q.label for q in request.questions] == [f"Q{n}" for n in range(1, 10)]
    assert all(q.sub_of is None for q in request.questions)


def test_decimals_with_a_colon_under_headings_that_end_in_one():
    request = split_request(
        "The information requested is as follows:\n"
        "1. Staffing:\n"
        "1.1: Number of full-time equivalent (FTE) staff in your environmental health team in 2019/20.\n"
        "1.2: Number of vacant posts in your environmental health team in 2019/20.\n"
        "2. Businesses:\n"
        "2.1: Number of food businesses registered in the local authority in 2019/20.\n"
        "2.2: Number of food businesses inspected in 2019/20.\n"
    )
    assert [q.text.split()[:3] for q in request.questions] == [
        ["Number", "of", "full-time"],
        ["Number", "of", "vacant"],
        ["Number", "of", "food"],
        ["Number", "of", "food"],
    ]
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q3", "Q4"]


def test_a_point_nought_item_is_the_parent_of_its_decimals():
    request = split_request(
        "Please can you tell me the following:\n\n"
        "1.0 During the Grand National meeting, what procedures take place at the station to:\n"
        "1.1 Prevent Anti Social Behaviour\n"
        "1.2 Prevent overcrowding\n"
        "1.3 Allow passengers to purchase railway tickets.\n\n"
        "2.0 Who authorised the use of riot gear at the station?\n\n"
        "3.0 How much did it cost the taxpayer to police this meeting?\n"
    )
    assert [q.text for q in request.questions] == [
        "Prevent Anti Social Behaviour",
        "Prevent overcrowding",
        "Allow passengers to purchase railway tickets.",
        "Who authorised the use of riot gear at the station?",
        "How much did it cost the taxpayer to police this meeting?",
    ]
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q3", "Q4", "Q5"]


def test_a_point_nought_question_keeps_its_own_number_and_a_breakdown_under_it():
    request = split_request(
        "1.0 How many officers were in attendance at this operation, in the following rank bands.\n\n"
        "1.1 PC's\n1.2 PS's\n1.3 Inspectors\n\n"
        "2.0 Who authorised the use of riot gear?\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2"]
    assert request.questions[0].text.startswith("How many officers were in attendance")
    assert request.questions[1].text == "Who authorised the use of riot gear?"


def test_decimal_sub_questions_under_a_numbered_question_stay_its_parts():
    request = split_request(
        "1. How many placements have ended early?\n\n"
        "1.1 Please state the top three reasons for guests wanting to leave a placement.\n\n"
        "2. How many guests have been rematched with a new host?\n"
    )
    assert [(q.label, q.sub_of) for q in request.questions] == [("Q1", None), ("Q1a", "Q1"), ("Q2", None)]
