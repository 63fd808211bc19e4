"""Questions that only refer back take their anchor's words when searched and compared."""

from __future__ import annotations

import pytest

from foi_precedent.letters.referring import in_context, refers_back


@pytest.mark.parametrize(
    "text",
    [
        "Please provide the same information for the two previous years.",
        "Could I have the same breakdown of data for 2019?",
        "And the equivalent figures for each borough?",
        "Please provide similar data for the previous financial year.",
        "The same for 2015 please.",
        "For each of the above, how many were women?",
        "As above, but for the Southern division.",
        "As in question 1, for the year ending March 2023.",
        "Please provide the corresponding numbers for officers.",
    ],
)
def test_a_question_that_refers_back(text):
    assert refers_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many drones does the force own?",
        "Is this information published anywhere?",
        "How many officers were dismissed for the same offence twice?",
        "Please provide a copy of the policy on body-worn video.",
        "",
        None,
    ],
)
def test_a_question_with_a_topic_of_its_own(text):
    assert not refers_back(text)


def test_a_follow_up_is_read_after_its_anchor_and_a_chain_keeps_the_first_anchor():
    texts = [
        "How many crimes were reported over Christmas 2016?",
        "Please provide the same information for 2015.",
        "And the same for 2014.",
        "How many officers were on duty on Christmas Day?",
        "The same figures for Boxing Day?",
    ]
    assert in_context(texts) == [
        texts[0],
        f"{texts[0]} {texts[1]}",
        f"{texts[0]} {texts[2]}",
        texts[3],
        f"{texts[3]} {texts[4]}",
    ]


def test_a_first_question_that_refers_elsewhere_stays_as_written():
    texts = ["Could the same information please be provided for 2021?", "How many staff?"]
    assert in_context(texts) == texts
    assert in_context([None, "The same for 2014."]) == ["", "The same for 2014."]


@pytest.mark.parametrize(
    "text",
    ["2019/20", "2019/20:", "2017/2018", "April 2019 - March 2020", "Q1 2020", "financial year 2019/20"],
)
def test_a_question_that_is_only_a_period_takes_its_topic_from_the_question_before(text):
    """Stop 34's re-check: West Midlands Fire Service's "c) 2019/20" (fire safety audits) and Wokingham's "c)
    2019/20:" (planning appeal costs) were read as precedent for each other on their words alone."""
    assert refers_back(text)
    lead = "How many fire safety audits were undertaken in the financial year:"
    assert in_context([lead, text])[1] == f"{lead} {text}"


@pytest.mark.parametrize(
    "text", ["Cheltenham", "How many audits in 2019/20?", "2019/20: 45 audits", "12 officers"]
)
def test_a_question_with_words_of_its_own_beside_a_period_is_its_own_topic(text):
    assert not refers_back(text)
