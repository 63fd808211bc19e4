"""Forms of wording that many authorities share, read by the letter reader (stop 26).

Short synthetic replies in the general form; none is copied from a real letter.
"""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text


def _treatments(text: str) -> list[set[str]]:
    return [{t.value for t in q.treatments} for q in parse_text(text).questions]


@pytest.mark.parametrize(
    "pointer",
    [
        "The register of street works can be seen at Street works register.",
        "If you would like the list of grants awarded in earlier years, you can find this here.",
        "You will find them on our website under Transparency.",
    ],
)
def test_where_the_requester_can_see_it_is_a_pointer_to_published_material(pointer):
    text = (
        "Your request:\n1. Please provide the list of grants awarded in 2022.\nOur response:\n"
        f"1. Please find attached the list of grants awarded in 2022. {pointer}\n"
    )
    assert _treatments(text) == [{"disclosed", "public_domain"}]


def test_the_replys_own_annex_that_can_be_seen_is_no_published_material():
    text = (
        "Your request:\n1. Please provide the list of grants awarded in 2022.\nOur response:\n"
        "1. The information is withheld under Section 43(2). Full reasoning can be seen at Annex A below.\n"
    )
    assert _treatments(text) == [{"withheld"}]


@pytest.mark.parametrize(
    ("refusal", "limb"),
    [
        (
            "We estimate that answering your request would exceed the appropriate limit under Section 12 of the Act. "
            "Section 12(1) of the Act states that a public authority is not obliged to comply with a request for "
            "information if it estimates that the cost of complying would exceed the appropriate limit.",
            "s12(1)",
        ),
        (
            "Your request has been refused as vexatious under Section 14 of the Act. Section 14 (1) of the Act does not oblige a public "
            "authority to comply with a request for information if the request is vexatious.",
            "s14(1)",
        ),
    ],
)
def test_a_refusal_that_quotes_the_limb_of_its_section_rests_on_that_limb(refusal, limb):
    text = (
        "Your request:\n1. How many complaints were received in 2021?\n2. How many were upheld?\n"
        f"Our response:\n{refusal}\n"
    )
    questions = parse_text(text).questions
    assert questions and all(q.exemptions == (limb,) for q in questions)


@pytest.mark.parametrize(
    "question",
    [
        "From what company do you lease your pool cars?",
        "Awarded contractor",
        "Local authority name",
    ],
)
def test_a_name_given_to_a_question_a_name_answers_is_the_information(question):
    text = f"Your request:\n1. {question}\n2. How many pool cars do you have?\nOur response:\n1. Acme Leasing\n2. 12\n"
    assert _treatments(text) == [{"disclosed"}, {"disclosed"}]


def test_requests_aggregated_under_section_12_4_rest_on_section_12_as_well():
    text = (
        "Your request:\n1. How many residents were admitted in 2020?\n2. How many complaints were made in 2020?\n"
        "Our response:\nYour requests have been aggregated under Section 12(4) of the Act. The cost of answering "
        "them would exceed the appropriate limit and they are refused under Section 12 of the Act.\n"
    )
    questions = parse_text(text).questions
    assert questions and all(set(q.exemptions) == {"s12", "s12(4)"} for q in questions)


@pytest.mark.parametrize(
    "ask",
    [
        "In order to take your request forward we need to know what specific information you are seeking.",
        "We will not be able to answer your request without further clarification of the 2019 figures.",
        "To enable us to meet your request, could you please provide\nthis office with further information.",
    ],
)
def test_a_reply_that_asks_the_requester_to_clarify_releases_nothing(ask):
    text = (
        "Dear Mr Smith\n\nThank you for your request of 3 May 2019 for all records about the 2019 figures and the "
        f"15 incidents on 23 June 2019.\n\n{ask}\n\nYours sincerely\nInformation Team\n"
    )
    questions = parse_text(text).questions
    assert questions and all({t.value for t in q.treatments} == {"other"} for q in questions)


@pytest.mark.parametrize(
    "reply",
    [
        "We have enclosed some of the information you have requested. We consider the rest exempt under Section "
        "43(2) of the Act.",
        "The Council held the information requested and provided a list of contracts. Some information was withheld "
        "under sections 31 and 43 of the Act.",
        "Having considered your request, the Council considers that some of the information held within the scope of "
        "your request is exempt under Section 40(2).",
    ],
)
def test_some_of_the_information_given_or_withheld_is_a_partial_disclosure(reply):
    text = (
        "Dear Ms Jones\n\nThank you for your request for copies of the council's contracts with cleaning firms.\n\n"
        f"{reply}\n\nYours sincerely\nInformation Team\n"
    )
    questions = parse_text(text).questions
    assert questions and all({t.value for t in q.treatments} == {"partly_disclosed"} for q in questions)


def test_work_estimated_at_the_limits_hours_or_more_is_a_cost_refusal():
    text = (
        "Your request:\n1. How many dog bites were recorded by breed?\n2. How many dogs were seized?\n"
        "Our response:\n"
        "1. Breeds are not searchable. To allow 2 minutes to read each of the 4,000 records would take 133 hours to "
        "complete this work.\n"
        "2. To read each seizure record would take about 5 hours, so the figure is 312.\n"
    )
    first, second = parse_text(text).questions
    assert {t.value for t in first.treatments} == {"cost_limit"}
    assert first.exemptions == ("s12",)
    assert "cost_limit" not in {t.value for t in second.treatments}  # under the limit: no refusal


def test_an_earlier_response_recounted_by_its_author_is_no_refusal_now():
    text = (
        "Dear Mr Smith\n\nThank you for your email about the speed camera logs.\n\n"
        "I explained in my response that to find the location of each unit would take approximately 90 hours.\n\n"
        "The Constabulary does not hold any further information about the camera logs.\n\n"
        "Yours sincerely\nInformation Team\n"
    )
    questions = parse_text(text).questions
    assert questions and all({t.value for t in q.treatments} == {"not_held"} for q in questions)
