"""Splitting a request into its questions, and removing the requester's identity."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.request import redact_identity, split_request
from foi_precedent.errors import LetterError

IDENTIFIED = """Dear Sir,

My name is Jane Example, jane@example.com, 07700 900123, 10 Downing Street, SW1A 2AA.

Please provide the following information:
1. How many drones does your force own?
2. What was the total cost of drones in 2023?
(a) broken down by month
(b) by supplier
3) Please provide your drone policy.

Thank you.

Yours sincerely,
Jane Example
10 Downing Street
London
SW1A 2AA
"""
IDENTITY = ["Jane", "Example", "jane@example.com", "07700 900123", "10 Downing Street", "SW1A 2AA"]


def test_numbered_request_keeps_wording_and_sub_items():
    r = split_request(IDENTIFIED)
    assert [q.label for q in r.questions] == ["Q1", "Q2", "Q2a", "Q2b", "Q3"]
    assert r.questions[0].text == "How many drones does your force own?"
    assert r.questions[2].text == "What was the total cost of drones in 2023? broken down by month"
    assert r.questions[4].text == "Please provide your drone policy."


def test_identity_is_removed_everywhere_and_kept_for_the_salutation():
    r = split_request(IDENTIFIED)
    everything = r.text + "".join(q.text for q in r.questions)
    for value in IDENTITY:
        assert value not in everything
    assert "[EMAIL]" in r.text and "[PHONE]" in r.text and "[NAME]" in r.text and "[POSTCODE]" in r.text
    assert r.requester.name == "Jane Example"
    assert r.requester.salutation == "Dear Jane Example,"
    assert "jane@example.com" in r.requester.emails and "07700 900123" in r.requester.phones


@pytest.mark.parametrize("labels", [
    ["Q1 - ", "Q2 - "], ["1. ", "2. "], ["Question 1: ", "Question 2: "], ["REQUEST 1: ", "REQUEST 2: "],
    ["- ", "- "], ["(a) ", "(b) "], ["1) ", "2) "],
])
def test_label_styles(labels):
    text = f"{labels[0]}How many drones do you own?\n{labels[1]}What is your drone policy?\n"
    r = split_request(text)
    assert [q.label for q in r.questions] == ["Q1", "Q2"]
    assert [q.text for q in r.questions] == ["How many drones do you own?", "What is your drone policy?"]


def test_unnumbered_request_splits_into_asking_sentences():
    text = ("Hello,\nI am researching policing. I would like to know how many body worn video cameras the force "
            "has. Please provide a breakdown by borough. I understand this may take time.\n"
            "What is the retention period for footage? Please confirm whether footage is shared with councils.\n"
            "Kind regards, Bob Smith\n")
    r = split_request(text)
    assert [q.text for q in r.questions] == [
        "I would like to know how many body worn video cameras the force has. Please provide a breakdown by borough.",
        "What is the retention period for footage?",
        "Please confirm whether footage is shared with councils.",
    ]
    assert r.requester.name == "Bob Smith" and "Bob" not in r.text


def test_place_names_in_questions_survive_redaction():
    r = split_request("1. How many crimes were recorded in London in 2023?\nYours sincerely,\nAnn Other\n"
                      "1 High Street\nLondon\n")
    assert r.questions[0].text == "How many crimes were recorded in London in 2023?"
    assert "Ann" not in r.text and "1 High Street" not in r.text


def test_phone_and_postcode_patterns():
    clean, who = redact_identity("Call +44 (0)20 7946 0958 or 0161-496-0000; post to M1 1AE.")
    assert clean == "Call [PHONE] or [PHONE]; post to [POSTCODE]."
    assert who.postcodes == ("M1 1AE",)


def test_reference_numbers_and_years_are_not_phones():
    r = split_request("1. What did request 01.FOI.24.036325 cost between 2019 and 2024?")
    assert r.questions[0].text == "What did request 01.FOI.24.036325 cost between 2019 and 2024?"


@pytest.mark.parametrize("text, reason", [
    ("", "empty"), ("   \n\n", "empty"), ("Thank you for your help.\nRegards", "no question"),
])
def test_bad_requests(text, reason):
    with pytest.raises(LetterError, match=reason):
        split_request(text)


def test_oversized_request():
    with pytest.raises(LetterError, match="MB"):
        split_request("How many? " * 120_000)


def test_the_addressee_of_a_request_is_not_the_requester():
    r = split_request("Dear Birmingham City Council,\n1. How many Clean Air Zone fines did the City Council issue?\n"
                      "Thank you\n")
    assert r.requester.name is None and r.requester.salutation == "Dear Requester,"
    assert "City Council issue" in r.questions[0].text  # an organisation's name is not redacted
    person = split_request("Dear Alex Morgan,\n1. How many drones does the force own?\nYours sincerely\nJane Example\n")
    assert person.requester.salutation == "Dear Jane Example,"
    assert "Alex Morgan" not in person.text and "Jane Example" not in person.text
