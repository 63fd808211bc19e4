"""A divergence is claimed only between answers to the same kind of ask: a count against a count, records
against records, documents against documents."""

from __future__ import annotations

import pytest

from foi_precedent.consistency.asks import COUNT, DOCUMENTS, RECORDS, ask_kind, same_ask
from foi_precedent.consistency.checker import check_letter
from foi_precedent.letters.parser import parse_text
from tests.fakes import MemoryIndex


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("How many incidents involving drones were reported in 2018?", COUNT),
        ("What was the total number of arrests at the match?", COUNT),
        ("Please provide figures for each year since 2015.", COUNT),
        (
            "Could you please disclose a list of all the incidents police have investigated involving drones?",
            RECORDS,
        ),
        ("Please send me a copy of the minutes of the board meeting.", DOCUMENTS),
        ("What are the titles of your policies or procedures on the use of drones?", DOCUMENTS),
        ("Please provide all correspondence between the force and the supplier.", DOCUMENTS),
        ("The date, time and location of every deployment.", RECORDS),
        ("What are your plans for drones?", None),
        ("A list of the number of officers in each station.", None),  # both: no clear kind
        ("", None),
    ],
)
def test_ask_kind(text, kind):
    assert ask_kind(text) == kind


def test_same_ask_matches_a_question_of_no_clear_kind():
    assert same_ask("How many drones?", "How many drones do you own?")
    assert not same_ask("How many drone incidents?", "A list of all drone incidents")
    assert same_ask("What are your plans for drones?", "A list of all drone incidents")
    assert not same_ask("The titles of your drone policies", "A list of all drone incidents")
    assert not same_ask("A copy of your drone policy", "How many drones do you own?")


def _letter(ref: str, question: str, answer: str) -> str:
    return (
        f"Freedom of information request reference no: {ref}\n\nI note you seek access to the following "
        f"information:\n\nQ1 - {question}\n\nDisclosure\n\nQ1 - {question}\n{answer}\n"
    )


WITHHELD = (
    "This information is exempt under Section 30(1)(a) as it relates to an ongoing investigation. This letter "
    "serves as a Refusal Notice under Section 17 of the Freedom of Information Act 2000."
)


def test_a_count_given_in_full_is_no_divergence_from_records_withheld():
    past = parse_text(
        _letter(
            "FOI-2016-068",
            "Please disclose a list of all the incidents involving drones reported in 2015.",
            WITHHELD,
        )
    )
    draft = parse_text(
        _letter(
            "FOI-2018-330", "How many incidents involving drones were reported in 2015?", "There were 41."
        )
    )
    result = check_letter(draft, MemoryIndex([past]))
    assert "treatment_divergence" not in {f.kind for f in result.flags}
    same_kind = parse_text(
        _letter("FOI-2017-101", "How many incidents involving drones were reported in 2014?", WITHHELD)
    )
    result = check_letter(draft, MemoryIndex([past, same_kind]))
    assert "treatment_divergence" in {f.kind for f in result.flags}


def test_a_plan_for_a_count_does_not_learn_withholding_from_a_list_of_the_records():
    from foi_precedent.drafting.plan import plan_request
    from foi_precedent.drafting.request import split_request

    past = parse_text(
        _letter(
            "FOI-2016-068",
            "Please disclose a list of all the incidents involving drones reported in 2015.",
            WITHHELD,
        )
    )
    request = split_request("1. How many incidents involving drones were reported in 2015?")
    plan = plan_request(request, MemoryIndex([past]))
    assert not plan.questions[0].withholds
    assert plan.questions[0].consensus.precedents == []
    same_kind = parse_text(
        _letter("FOI-2017-101", "How many incidents involving drones were reported in 2014?", WITHHELD)
    )
    plan = plan_request(request, MemoryIndex([past, same_kind]))
    assert [p.reference for p in plan.questions[0].consensus.precedents] == ["FOI-2017-101"]
