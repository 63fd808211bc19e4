"""Two readings of stop 32, from real letters' shapes.

A reply that holds nothing because another body does the work, and sends the requester to it, is `not_held` and
`other` (redirected): "You may wish to redirect your request to the DfI" (Belfast), "Kent County Council, who should
be able to assist you" (Dover), "comes under the remit of Highways England ... redirect your request" (Thurrock).
The authority's own responsibility, or its own team to contact, is no redirection.

An answer listing periods, some given figures and some said not held ("2021/22 Not tracked. 2022/23 - £49,904"), is
`disclosed` and `not_held` (L10), as "figures held only from 2019" already was."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_precedent.letters.parser import parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "evals" / "real_letters" / "letters"


def only(q) -> set[str]:
    return {t.value for t in q.treatments}


@pytest.mark.parametrize(
    "path, questions",
    [
        ("fresh20/belfast-cc-potholes-claims.txt", 11),
        ("fresh25/dover-home-to-school-transport-fi16330.txt", 5),
        ("fresh18/thurrock-road-maintenance-8527.txt", 6),
    ],
)
def test_a_whole_request_not_held_and_sent_to_the_body_that_holds_it_is_redirected(path, questions):
    letter = parse_file(LETTERS / path)
    read = [q for q in letter.questions if q.treatments]
    assert len(read) >= questions
    for q in read[:questions]:
        assert only(q) == {"not_held", "other"}, (q.label, only(q))


def reply(body: str) -> str:
    return (
        "Dear Ms Smith\n"
        "Your request:\n"
        "1. How many street lights did the council replace in 2023?\n"
        "2. How much did the council spend on street lighting in 2023?\n"
        "Our response:\n" + body + "\n"
        "If you are dissatisfied with the handling of your request, you may ask for an internal review.\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        "The Council does not hold this information. The Department for Infrastructure (DfI) is responsible for "
        "street lights in Northern Ireland.",
        "The Council does not hold this information. Street lighting comes under the remit of the county council.",
        "We do not hold this information. Kent County Council, who should be able to assist you, can be contacted at "
        "foi@kent.gov.uk.",
        "We do not hold this information. You may wish to redirect your request to the Department for Transport.",
    ],
)
def test_the_ways_a_reply_sends_the_request_on(body):
    letter = parse_text(reply(body))
    assert [only(q) for q in letter.questions] == [{"not_held", "other"}] * 2


@pytest.mark.parametrize(
    "body",
    [
        # the authority's own responsibility, however it is said, sends nobody anywhere
        "The Council does not hold this information. The Council is responsible for street lighting but does not "
        "record replacements by year.",
        "We do not hold this information. Our Highways Team are responsible for street lighting.",
        # nor does its own FOI team, or the Commissioner, to contact
        "We do not hold this information. You can contact the Information Governance Team with any questions.",
    ],
)
def test_the_authority_s_own_responsibility_is_no_redirection(body):
    letter = parse_text(reply(body))
    assert [only(q) for q in letter.questions] == [{"not_held"}] * 2


def test_periods_given_figures_beside_periods_not_held_are_both_read():
    # Dover District Council (fresh15), as published
    letter = parse_file(LETTERS / "fresh15" / "dover-damp-mould-complaints.txt")
    first, second = letter.questions[0], letter.questions[1]
    assert only(first) == {"disclosed", "not_held"}
    assert only(second) == {"disclosed", "not_held"}


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("2019/20: 12\n2020/21: not recorded\n2021/22: 15", {"disclosed", "not_held"}),
        ("2020/21 Not tracked. 2021/22 - 348 reports. 2022/23 - 181 reports.", {"disclosed", "not_held"}),
        # every period not held: nothing released
        ("2020/21 Not tracked. 2021/22 Not tracked.", {"not_held"}),
        # not held said of the whole, a figure elsewhere that is no period's: as before
        ("We do not hold this information.", {"not_held"}),
    ],
)
def test_periods_read_one_by_one(answer, expected):
    text = (
        "Dear Mr Jones\n"
        "1. How many damp and mould reports did you receive in each year since 2019?\n"
        "Response\n"
        "1. " + answer + "\n"
    )
    letter = parse_text(text)
    assert only(letter.questions[0]) == expected


@pytest.mark.parametrize(
    "answer",
    [
        # West Midlands Police: "cost" inside the statutory words
        "Our data are not organised in such a way as to allow us to provide this information within the appropriate "
        "(cost) limit.",
        # PSNI: quotation marks round them, and "costs"
        "It is estimated that the cost of complying with your request would exceed the \u201cappropriate costs "
        "limit\u201d under Section 12(1).",
        "Complying would exceed the 'appropriate limit'.",
    ],
)
def test_the_appropriate_limit_with_cost_or_quotation_marks_inside(answer):
    text = "Dear Mr Jones\n1. How many thefts were reported in 2023?\nResponse\n1. " + answer + "\n"
    assert "cost_limit" in only(parse_text(text).questions[0])


def test_a_thread_whose_reply_restates_each_question_reads_the_answer_under_each():
    # the request signed off, then the reply restating each question with its answer under it: the headings are looked
    # for in the reply, not found first in the request's own lines (which left every answer empty: both read `other`)
    text = (
        "Fire safety inspections\n"
        "Dear Sir or Madam,\n"
        "How many fire safety inspections did you carry out in 2023?\n"
        "How many enforcement notices did you issue in 2023?\n"
        "Yours faithfully,\n"
        "Jo Bloggs\n"
        "Thank you for your request for information.\n"
        "How many fire safety inspections did you carry out in 2023?\n"
        "We carried out 412 inspections in 2023.\n"
        "How many enforcement notices did you issue in 2023?\n"
        "The Service does not hold this information.\n"
    )
    first, second = parse_text(text).questions
    assert first.answer == "We carried out 412 inspections in 2023."
    assert only(first) == {"disclosed"}
    assert only(second) == {"not_held"}
