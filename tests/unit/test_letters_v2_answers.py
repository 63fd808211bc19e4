"""How the letter reader reads a reply's treatment where it gives some of the information and withholds the rest.

Short synthetic replies in the general form; none is copied from a real letter.
"""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text


@pytest.mark.parametrize(
    "refusal",
    [
        "However, we are withholding some of the information for the reasons given below.",
        "We have applied the following exemption to part of your request: Section 40(2) - Personal information.",
        "Any other information held is exempt from release under Section 30(c).",
    ],
)
def test_a_response_that_withholds_part_of_what_it_gives_is_a_partial_disclosure(refusal):
    text = (
        "Your request:\nPlease provide the minutes of the parking board for 2023.\nResponse\n"
        f"The minutes are attached. {refusal}\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"partly_disclosed"}


def test_a_whole_refusal_is_still_withheld():
    text = (
        "Your request:\nPlease provide the minutes of the parking board for 2023.\nResponse\n"
        "The information is exempt under Section 43(2) of the Act and is withheld.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"withheld"}


def test_confirming_the_information_is_held_before_withholding_it_is_no_release():
    text = (
        "Your request:\n1. How many officers are on restricted duties?\n2. How many are on sick leave?\n"
        "Our response:\n"
        "1. I can confirm that this information is held by Anyshire Police. However, I am withholding that "
        "information since it is exempt by virtue of Section 31(1)(a) (Law enforcement).\n"
        "2. I can confirm that the force holds this information. 12 officers are on sick leave. Their names are "
        "withheld under Section 40(2).\n"
    )
    first, second = parse_text(text).questions
    assert {t.value for t in first.treatments} == {"withheld"}
    assert {t.value for t in second.treatments} == {"partly_disclosed"}  # a figure given beside it: a release


def test_not_held_here_and_sent_to_the_bodies_that_may_hold_it_is_not_held_and_redirected():
    text = (
        "Your request:\nHow many patients are treated for gout in the region?\nResponse\n"
        "The Board does not hold this information. This information may be held by individual GP practices.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"not_held", "other"}
    assert q.review == "other: redirected"
    text = (
        "Your request:\nHow many patients are treated for gout in the region?\nResponse\n"
        "The Board does not hold this information.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"not_held"}


def test_figures_held_only_from_a_date_are_disclosed_and_not_held_for_the_rest():
    # L10: part of the period not held
    text = (
        "Your request:\n1. How many pupils were excluded in each year since 2015?\nResponse\n"
        "1. Records have only been kept since September 2019. 2019/20: 41; 2020/21: 38.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"disclosed", "not_held"}


def test_the_replys_closing_is_not_part_of_the_last_answer():
    text = (
        "Your request:\n1. How many bins were replaced in 2023?\n2. Do you charge for replacement bins?\n"
        "Response\n1. 1,204 bins were replaced.\n2. The council does not charge for replacement bins.\n"
        "Should you have any further queries concerning this request, please contact the Freedom of Information "
        "team quoting the reference above.\n"
    )
    letter = parse_text(text)
    assert "further queries" not in letter.questions[1].answer
    assert {t.value for t in letter.questions[1].treatments} == {"disclosed"}


def test_a_number_joined_to_a_word_by_a_hyphen_is_no_figure_given():
    text = (
        "Your request:\n1. How many Covid-19 deaths were there in the region last winter?\nResponse\n"
        "1. This is published by the national statistics office at https://example.org/deaths\n"
        "Covid-19 - winter 2020\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"public_domain"}


def test_a_reply_in_prose_after_the_last_question_starts_where_a_figure_is_stated():
    # answers after the questions (L7b) with no reply cue: a line stating a figure after the last question is the
    # reply, and a paragraph naming requests '2' and '3' answers those only
    text = (
        "Thank you for your request. You asked for information on:\n"
        "1. The number of parish councils in the county.\n"
        "2. In how many of these councils do co-opted members hold most seats.\n"
        "3. The number of parish council seats still vacant.\n"
        "According to the published statistics, there are 212 parish councils in the county.\n"
        "With regards to requests \u20182\u2019 and \u20183\u2019, I can confirm that the council does not hold "
        "this information.\n"
    )
    letter = parse_text(text)
    assert [q.text[:22] for q in letter.questions] == [
        "The number of parish c",
        "In how many of these c",
        "The number of parish c",
    ]
    assert {t.value for t in letter.questions[1].treatments} == {"not_held"}
    assert "not_held" not in {t.value for t in letter.questions[0].treatments}


def test_a_page_number_in_a_saved_pdf_is_no_figure_given():
    text = (
        "Your request:\n1. How many vehicles are licensed in the county?\nResponse\n"
        "1. This information is exempt under section 21 as it is reasonably accessible to you on our website.\n"
        "Page 1 of 3\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"public_domain"}


def test_a_decision_for_the_whole_request_answers_the_questions_left_without_their_own():
    # (the answers cut off, or given in an attachment: the decision says it covers the request in full)
    text = (
        "I note you seek access to the following information:\n1) How many officers were investigated for misconduct\n"
        "2) How many were investigated for gross misconduct\n3) How many of the investigations were appealed\n"
        "I have today decided to disclose the located information to you in full.\n"
        "Please find below information pursuant to your request above.\n"
        "Q1 - How many officers were investigated for misconduct\n"
    )
    letter = parse_text(text)
    assert [{t.value for t in q.treatments} for q in letter.questions] == [{"disclosed"}] * 3
    assert all(q.review and "overall decision" in q.review and q.confidence < 0.75 for q in letter.questions)


def test_figures_for_the_years_held_and_the_rest_no_longer_held_said_for_every_question():
    # (L10, in a response that answers every question at once)
    text = (
        "Your request:\n1. The number of 999 calls received each year from 2010 to 2014.\n"
        "2. The number of those calls where officers were deployed, each year from 2010 to 2014.\n"
        "Response:\nPlease find the requested information below for the full calendar years for which it is held. "
        "We no longer hold figures for the full 2010 calendar year. The earliest date available is December 2010.\n"
    )
    for q in parse_text(text).questions:
        assert {t.value for t in q.treatments} == {"disclosed", "not_held"}
        assert not q.review  # said in words: no guess


def test_information_supplied_as_a_goodwill_gesture_beside_a_cost_refusal_is_also_disclosed():
    text = (
        "Your request:\n1. The number of shotgun certificate applications in each year since 2015.\n"
        "2. The number refused in each year.\nResponse:\nOur data are not organised in such a way as to allow us "
        "to provide this information within the appropriate (cost) limit.\nAlthough excess cost removes the force's "
        "obligations under the Freedom of Information Act, as a gesture of goodwill I have supplied information, "
        "relative to your request, retrieved before it was realised that the fees limit would be exceeded (see "
        "attached). This does not affect our right to rely on the fees regulations for the remainder of the request.\n"
    )
    for q in parse_text(text).questions:
        assert {t.value for t in q.treatments} == {"cost_limit", "disclosed"}


@pytest.mark.parametrize(
    "framing",
    [
        "Your request for information has been considered and our response is as follows:",
        "Your request has been refused, the exemptions applied are as follows:",
        "Please find below your original request and our response.",
    ],
)
def test_a_sentence_that_frames_the_reply_is_no_release(framing):
    text = (
        "Your request:\nHow much commission does the university pay to overseas agents?\nResponse:\n"
        f"{framing}\nThis financial information has not been released as the exemption under section 43(2) applies. "
        "If disclosed, this information could prejudice the university's commercial interests.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"withheld"}


def test_the_reply_published_in_the_disclosure_log_is_no_pointer():
    text = (
        "Your request:\n1. Confirmation that the agency will be the competent authority for the scheme.\n"
        "Our response:\nThe information that you have requested is provided in Annex A to this letter. "
        "Your request and our response will be published on the agency website in due course.\n"
    )
    (q,) = parse_text(text).questions
    assert {t.value for t in q.treatments} == {"disclosed"}


def test_a_document_named_in_passing_is_no_pointer_to_published_material():
    text = (
        "Your request:\n1. Which mobile device management solution does the service use?\n"
        "2. Which code do officers follow when challenging behaviour?\nOur response:\n"
        "1. Google Device Management.\n"
        "2. The force operates under the Police Code of Ethics and Standards of Professional Behaviour.\n"
    )
    for q in parse_text(text).questions:
        assert {t.value for t in q.treatments} == {"disclosed"}
