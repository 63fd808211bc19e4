"""Faults found drafting twelve real requests of the development set's tuning part precedent-only (stop 36).

A Scottish council's reply went under FOIA with the ICO as its complaint route; "require University of Cambridge
to review"; a thin answer resting on one reading marked for review was written in (with its refusal notice); a
letter none of whose answers was decided said it had "decided to disclose the information held"; and an EIR
refusal notice listed FOIA sections as its exceptions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from foi_precedent.consistency.consensus import build_consensus
from foi_precedent.drafting.letter import (
    PARTLY_UNDECIDED_LETTER,
    answer_lines,
    decision_lines,
    precedent_letter,
    the_name,
)
from foi_precedent.drafting.plan import Plan, authority_regime, plan_from_consensus, plan_request
from foi_precedent.drafting.request import split_request
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import PRECEDENT_QUOTE, parse_draft
from foi_precedent.letters.precedent import Precedent
from tests.builders import question_plan
from tests.fakes import MemoryIndex


def _precedent(reference: str, regime: str, authority: str, label: str = "1", **more) -> Precedent:
    fields: dict = {
        "date": None,
        "year": None,
        "question": "How much was spent on school taxis?",
        "answer": "The information requested is as follows: £1,000.",
        "treatments": (Treatment.DISCLOSED,),
        "exemptions": (),
        "pointers": (),
        "similarity": 0.7,
    }
    fields.update(more)
    return Precedent(reference=reference, label=label, authority=authority, regime=regime, **fields)


def test_a_scottish_council_whose_short_replies_name_no_act_answers_under_foisa():
    """Moray Council's published replies mostly name no Act, so the reader reads them as FOIA: a request to it
    found 9 such letters (27 passages) and 4 that name FOISA (10 passages), and the reply was drafted under FOIA
    with the ICO as the complaint route."""
    moray = [
        _precedent(f"moray-{i}", "FOIA", "Moray Council", label=str(n)) for i in range(9) for n in range(3)
    ] + [
        _precedent(f"moray-s{i}", "FOISA", "Moray Council", label=str(n)) for i in range(4) for n in range(2)
    ]
    moray += [_precedent("english-1", "FOIA", "Other Council")] * 5
    assert authority_regime(moray, "Moray Council") == "FOISA"
    # an English council one of whose replies quotes a round-robin request naming both Acts stays under FOIA
    hastings = [_precedent(f"hastings-{i}", "FOIA", "Hastings Borough Council") for i in range(5)]
    hastings.append(_precedent("hastings-robin", "FOISA", "Hastings Borough Council"))
    assert authority_regime(hastings, "Hastings Borough Council") == "FOIA"
    # as is one that has only a single reply of its own, under whichever Act it names
    assert authority_regime(hastings[-1:], "Hastings Borough Council") == "FOISA"
    assert authority_regime(hastings, "A Council With No Letters") is None


@pytest.mark.parametrize(
    "name, named",
    [
        ("University of Cambridge", "the University of Cambridge"),
        (
            "Historic Buildings and Monuments Commission for England",
            "the Historic Buildings and Monuments Commission for England",
        ),
        ("Police Service of Northern Ireland", "the Police Service of Northern Ireland"),
        ("Scottish Government", "the Scottish Government"),
        ("Care Quality Commission", "the Care Quality Commission"),
        ("The National Archives", "the National Archives"),
        (
            "London Fire Commissioner (London Fire Brigade)",
            "the London Fire Commissioner (London Fire Brigade)",
        ),
        ("Moray Council", "Moray Council"),
        ("Heriot-Watt University", "Heriot-Watt University"),
        ("NHS Greater Glasgow and Clyde", "NHS Greater Glasgow and Clyde"),
        ("Transport for London", "Transport for London"),
    ],
)
def test_an_authority_is_named_as_a_sentence_names_it(name, named):
    """The complaint route read "require University of Cambridge to review their decision" and "the way in which
    University of Glasgow has dealt with your request"."""
    assert the_name(name) == named


def _one_guess(treatment: Treatment, exemptions: tuple[str, ...]):
    guess = _precedent(
        "27802",
        "FOIA",
        "Home Office",
        label="3",
        treatments=(treatment,),
        exemptions=exemptions,
        confidence=0.3,
        similarity=0.62,
    )
    return plan_from_consensus(
        "Q6",
        "How many applicants waited longer than six months?",
        build_consensus("Q6", "How many applicants waited longer than six months?", [guess]),
    )


def test_a_thin_answer_resting_on_one_reading_marked_for_review_is_not_written_in():
    """East Hertfordshire's draft: its only cost refusal came from one guessed reading, which the plan's note said
    to decide, yet the draft wrote the cost refusal in under "confirm that its answer below applies" and opened
    with a Section 17 refusal notice for it."""
    q6 = _one_guess(Treatment.COST_LIMIT, ("s12",))
    assert q6.status == "thin" and q6.needs_decision and "marked for review" in q6.decision_note
    assert not q6.drafted
    lines = answer_lines(q6, "East Hertfordshire District Council")
    assert len(lines) == 1 and "readings marked for review" in lines[0] and "[ESTIMATE]" not in lines[0]
    shown = question_plan("Q1")
    assert decision_lines(Plan((shown, q6))) == [
        "I have today decided to disclose the information held, as set out below.",
        PARTLY_UNDECIDED_LETTER,  # the decision covers only the answer written in
    ]
    # one confident precedent is still offered to confirm, its answer written in
    confident = plan_from_consensus(
        "Q6",
        q6.text,
        build_consensus(
            q6.label, q6.text, [replace(c.precedent, confidence=1.0) for c in q6.consensus.counted]
        ),
    )
    assert confident.status == "thin" and confident.drafted
    assert any("[ESTIMATE]" in line for line in answer_lines(confident, None))


def test_a_letter_with_no_answer_decided_does_not_say_it_has_decided_to_disclose():
    """Historic England's EIR draft: its one question had no precedent, yet the letter opened "I have today
    decided to disclose the information held"."""
    undecided = replace(question_plan("Q1", ()), status="none", needs_decision=True)
    split = replace(question_plan("Q2"), status="split", needs_decision=True)
    request = split_request("1. All communication you hold on 47 Hawley Square.\n2. All minutes about it.")
    text = precedent_letter(request, Plan((undecided, split), regime="EIR"), index=None)
    assert "decided to disclose" not in text

    from foi_precedent.drafting.letter import UNDECIDED_LETTER

    assert decision_lines(Plan((undecided, split))) == [UNDECIDED_LETTER] and UNDECIDED_LETTER in text
    assert not parse_draft(text, source="draft").refusal_notice


def test_an_eir_reply_does_not_give_a_foia_letters_sections_as_its_exceptions():
    """Scottish Forestry's EIR draft listed "by virtue of the following exceptions: Section 40(2) Section 43", from
    a police force's FOIA letter; the officer names the regulation instead."""
    from tests.unit.test_drafting_draft import REQUEST_Q, _misconduct_letters

    foia, _ = _misconduct_letters()
    index = MemoryIndex(foia)
    request = split_request("Under the Environmental Information Regulations 2004:\n" + REQUEST_Q)
    plan = plan_request(request, index, authority="Force 1")
    assert plan.regime == "EIR"
    names, procedure = plan.questions
    assert names.treatments == (Treatment.WITHHELD,) and names.exemptions == ()
    assert procedure.treatments == (Treatment.PUBLIC_DOMAIN,) and procedure.exemptions == ()
    text = precedent_letter(request, plan, index, "Force 1")
    own_words = PRECEDENT_QUOTE.sub("", text)  # the precedent quoted to the officer keeps its own citations
    assert "Section 40" not in own_words and "Section 21" not in own_words
    assert "exempt from disclosure under [EXEMPTION NEEDED]" in text
    assert "the test the Regulations require" in text and "the test the Act requires" not in text
    assert "regulation 6(1)(b) of the Regulations" in text  # the published answer keeps its regulation
    # under FOIA the same precedents still give their sections
    foia_plan = plan_request(split_request(REQUEST_Q), index, authority="Force 1")
    assert foia_plan.questions[0].exemptions == ("s40(2)",)
