"""False flags found by checking each real tuning letter against the rest of the shipped corpus (stop 36, round 2).

Each input is cut from a tuning letter of ``corpus/real``, named where it is used; each test fails on the checker
before this round.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from foi_precedent.consistency.checker import check_letter
from foi_precedent.consistency.consensus import build_consensus
from foi_precedent.consistency.flags import ELSEWHERE_NOTE, divergence_flags, statutory_flags
from foi_precedent.consistency.quotes import quote_answer
from foi_precedent.letters.model import Question, Treatment
from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.precedent import Precedent
from tests.fakes import MemoryIndex

DIS, PART, WH, NCND, NH, PD = (
    Treatment.DISCLOSED,
    Treatment.PARTLY_DISCLOSED,
    Treatment.WITHHELD,
    Treatment.NCND,
    Treatment.NOT_HELD,
    Treatment.PUBLIC_DOMAIN,
)


def prec(ref, treatments, answer, authority, sim=0.9, exemptions=(), ncnd=(), regime="FOIA", label="1"):
    return Precedent(
        reference=ref,
        label=label,
        authority=authority,
        date=date(2024, 6, 1),
        year=2024,
        question="How many?",
        answer=answer,
        treatments=tuple(treatments),
        exemptions=tuple(exemptions),
        pointers=(),
        ncnd=tuple(ncnd),
        regime=regime,
        similarity=sim,
    )


def question(answer, treatments, exemptions=(), ncnd=(), label="1"):
    return Question(
        label=label,
        text="How many?",
        answer=answer,
        treatments=tuple(treatments),
        exemptions=tuple(exemptions),
        ncnd=tuple(ncnd),
    )


def kinds(q, hits, authority, regime="FOIA"):
    c = build_consensus(q.label, q.text, hits, authority=authority, regime=regime, min_similarity=0.7)
    return divergence_flags(q, c)


# --- 1. an NCND of other information -----------------------------------------------------------------

# avon-somerset-uavs-drones (Avon and Somerset Constabulary), questions 1 and 2
AVON = (
    "In relation to questions 1 and 2, no information is held in respect of this request. In regard to any "
    "information relating to the covert use of UAVs, we can neither confirm nor deny that we hold any other "
    "information relevant to the request by virtue of the following exemptions:"
)
DRONES = [
    prec("GMP-FOI-2021-02525", [DIS], "GMP currently operates 48 remotely piloted aircraft (drones).", "GMP"),
    prec("IM-FOI-2021-2042", [DIS], "Police Scotland currently operates 37 drones.", "Police Scotland"),
    prec("2020050000251", [DIS], "The MPS currently operates 17 remotely piloted aircraft (drones).", "MPS"),
]


def test_a_draft_ncnd_of_other_information_is_not_an_ncnd_divergence():
    q = question(AVON, [NH, NCND], ["s23(5)", "s24(2)", "s31(3)"], ["s23(5)", "s24(2)", "s31(3)"])
    flags = kinds(q, DRONES, "Avon and Somerset Constabulary")
    assert [
        f.kind for f in flags
    ] == []  # 'not held' is Avon's own fact; its covert NCND is about other things


def test_an_ncnd_of_the_information_asked_for_is_still_an_ncnd_divergence():
    same = (
        "We can neither confirm nor deny that we hold information relevant to the request (s23(5), s31(3))."
    )
    q = question(same, [NCND], ["s23(5)", "s31(3)"], ["s23(5)", "s31(3)"])
    flags = kinds(q, DRONES, "Avon and Somerset Constabulary")
    assert [f.kind for f in flags] == ["ncnd_divergence"]


def test_a_precedent_ncnd_of_other_information_is_not_an_ncnd_divergence():
    """northumbria-crimes-investigated-641-12 pointed to the published figures (s21); South Yorkshire gave its figures
    and NCNDed any other information."""
    syp = (
        "The figures are attached. South Yorkshire Police can neither confirm nor deny that it holds any other "
        "information relevant to this request by virtue of Section 23(5)."
    )
    hits = [
        prec(
            f"2017196{i}", [DIS, NCND], syp, "South Yorkshire Police", exemptions=["s23(5)"], ncnd=["s23(5)"]
        )
        for i in range(3)
    ]
    q = question("This information is published on our website (Section 21).", [PD], ["s21"])
    flags = kinds(q, hits, "Northumbria Police")
    assert "ncnd_divergence" not in {f.kind for f in flags}


# --- 2. small-number suppression -----------------------------------------------------------------------

# moray-pothole-compensation-claims-2025 (Moray Council, FOISA) as precedent; devon-cc-pothole-compensation-claims
MORAY = [
    prec(
        "moray-2025",
        [PART],
        "| 30 | 20 | 51 | 20 | <5* |",
        "Moray Council",
        0.93,
        ["s38(1)(b)"],
        regime="FOISA",
    ),
    prec("moray-2024", [PART], "| <5* | <5* | <5* |", "Moray Council", 0.84, ["s38(1)(b)"], regime="FOISA"),
]
DEVON = "2021/22 1,012\n2022/23 966\n2023/24 1,838\n2024/25 1,351\n2025/26 (to date) 179"


def test_another_body_s_small_number_suppression_is_no_precedent_for_withholding_large_counts():
    flags = kinds(question(DEVON, [DIS]), MORAY, "Devon County Council")
    assert "treatment_divergence" not in {f.kind for f in flags}


def test_the_authority_s_own_suppression_is_still_compared():
    """Its own cells suppressed before and given now is for the officer to see (ground truth gt-10: the MPS's officer
    numbers by rank and ethnicity)."""
    own = kinds(question(DEVON, [DIS]), MORAY, "Moray Council", regime="FOISA")
    assert "treatment_divergence" in {f.kind for f in own}
    unnamed = kinds(question(DEVON, [DIS]), MORAY, None, regime="FOISA")  # nothing tells theirs from its own
    assert "treatment_divergence" in {f.kind for f in unnamed}


def test_a_draft_suppressing_small_numbers_is_no_divergence_from_figures_given():
    """moray-pothole-complaints-compensation-101003602692 question 3, against Devon's figures."""
    moray = (
        "| £1,067.79 | £85.50 | £648.59 |\n*Due to the low numbers involved (between 1 and 5), a breakdown of the "
        "number of people who received a payout each year could lead to the identification of individuals. This "
        "information is therefore exempt under section 38(1)(b) of the Freedom of Information (Scotland) Act 2002."
    )
    devon = [prec(f"devon-{i}", [DIS], DEVON, "Devon County Council") for i in range(3)]
    flags = kinds(question(moray, [WH], ["s38(1)(b)"]), devon, "Moray Council", regime="FOISA")
    assert "treatment_divergence" not in {f.kind for f in flags}


def test_a_personal_data_refusal_that_is_not_about_small_numbers_is_still_compared():
    names = [
        prec(
            f"own-{i}",
            [WH],
            "The names are exempt under Section 40(2).",
            "Devon County Council",
            0.9,
            ["s40(2)"],
        )
        for i in range(3)
    ]
    flags = kinds(question("The names are: A Smith, B Jones.", [DIS]), names, "Devon County Council")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "high")]


# --- 3. the sentence quoted from a precedent ---------------------------------------------------------------

# welsh-gov-atisn-16387 (a): the page's letterhead read as the answer
WELSH = (
    "Gwybodaeth am effaith Covid-19 ar ymatebolrwydd Rhyddid Gwybodaeth .\nManylion\n22 June 2022\nDear\nATISN 16387\n"
    "Thank you for your request which I received on 9 June 2022. It is important to note that the Freedom of "
    "Information Act 2000 gives individuals a right of access to recorded information held by a public authority. "
    "This is confirmed by the Information Commissioner's guidance 'The Guide to Freedom of Information', page 7:\n"
    "Also, public authorities are statutorily required to respond to freedom of information requests within 20 "
    "working days.\nWith this in mind, your questions and our responses are set out below:\n1.\n"
    "(a) How many responses to FOI requests were issued within 20 working days of receipt by your organisation?\n21"
)
# clch-offframework-agency-foi25-344 (CLCH's disclosure log): the page record and the request above the answer
CLCH = (
    "Read more about this page below\n\nReference FOI/25/344\nDescription Agency Spend for Nursing & Midwifery Staff\n"
    "Date requested 24/01/2025\nAttachments N/A\n\nFor the 3-month period ending 24th January 2025, can you please "
    "provide:\n\n- Total Off Framework Agency Spend for Nursing and Midwifery staff\n\n- Total hours filled by Off "
    "Framework agencies\n\n  • 0 off-framework within the last 3 months\n\nList of agency suppliers\n"
    "Section 43(2) exempts information whose disclosure would, or would be likely to, prejudice the commercial "
    "interests of any person."
)
# nia-commission-health-committee-correspondence-foi-54-21: the request's part (b) above the reply
NIA = (
    "(b)We respectfully request we are included in any further correspondence moving forward.\n"
    "Please see the list below of documentation that is relevant to your request. The Assembly Commission considers "
    "this information to be exempt from disclosure under Section 21 of the FOIA 2000, as it is published on the "
    "Assembly website."
)


def test_a_letterhead_is_not_quoted():
    quote = quote_answer(WELSH, [DIS])
    assert quote == "21"


def test_a_disclosure_log_page_record_and_the_request_are_not_quoted():
    quote = quote_answer(CLCH, [DIS])
    assert quote == "• 0 off-framework within the last 3 months"
    withheld = quote_answer(CLCH, [WH], focus=["Section 43"])
    assert withheld.startswith("Section 43(2) exempts")


def test_the_request_quoted_back_is_not_quoted():
    quote = quote_answer(NIA, [PD, PART])
    assert "Section 21" in quote and "respectfully request" not in quote


def test_a_short_plain_answer_is_quoted_whole():
    assert quote_answer("810", [DIS]) == "810"
    assert quote_answer("No information held.", [NH]) == "No information held."
    answer = "Refused under Section 31, please see below."
    assert quote_answer(answer, [WH]) == answer
    # wmp-dangerous-dogs-790a-22 Q4: only the question stored as its answer, which shows as it is
    misread = "• Q4: What is the annual cost to your force of kennels? (From 2017 to 2022)."
    assert quote_answer(misread, [Treatment.COST_LIMIT]) == misread


def test_a_flag_quotes_the_precedent_s_answer_not_its_letterhead():
    """avon-somerset-foi-requests-received-307-23 Q4 was shown the Welsh Government's letterhead."""
    hits = [prec(f"welsh-{i}", [DIS], WELSH, "Welsh Government", label="(a)") for i in range(3)]
    flags = kinds(question("This is exempt under Section 31(1)(a).", [WH], ["s31(1)(a)"]), hits, None)
    assert flags and flags[0].kind == "treatment_divergence"
    assert {e.quote for e in flags[0].evidence} == {"21"}


# --- 4. a letter-level defect once per letter -----------------------------------------------------------------

# wokingham-council-housing-repairs-s12: one cost refusal for every question, with no estimate and no advice
WOKINGHAM = """Request
1. What is the total number of council housing tenant households in the local authority area?
2. How many council housing tenant households are currently awaiting repair work?
3. Of the figure in question 2, how many are logged as emergency repairs?
Response
1. We do not hold this information in a reportable manner, this would exceed the cost of compliance (section 12).
2. We do not hold this information in a reportable manner, this would exceed the cost of compliance (section 12).
3. We do not hold this information in a reportable manner, this would exceed the cost of compliance (section 12).
"""


def test_a_cost_refusal_without_figures_or_advice_is_flagged_once_naming_the_questions():
    letter = parse_text(WOKINGHAM)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]  # the reading the flags saw
    assert all(Treatment.COST_LIMIT in q.treatments for q in letter.questions)
    result = check_letter(letter, MemoryIndex([]))
    s12 = [f for f in result.flags if f.kind.startswith("s12_")]
    assert sorted(f.kind for f in s12) == ["s12_without_advice", "s12_without_figures"]
    for f in s12:
        assert f.label == "1" and f.labels == ("1", "2", "3")
        assert f.message.endswith("(questions 1, 2 and 3).")
        assert f.to_dict()["labels"] == ["1", "2", "3"] and f.to_dict()["label"] == "1"


def test_a_flag_on_one_question_keeps_its_shape():
    one = "\n".join(line for line in WOKINGHAM.splitlines() if not line.startswith(("2.", "3.")))
    letter = parse_text(one)
    assert [q.label for q in letter.questions] == ["1"]
    flags = [f for f in statutory_flags(letter) if f.kind == "s12_without_figures"]
    assert len(flags) == 1 and flags[0].labels == ()
    assert flags[0].to_dict()["labels"] == ["1"] and "(questions" not in flags[0].message


# --- 5. an answer only other bodies gave ------------------------------------------------------------------------

# scottish-borders-unspent-free-school-meals against another body's personal-data exception
REFUSED = [
    prec(
        f"other-{i}",
        [WH],
        "This is exempt under Section 31(1)(a).",
        "Kent County Council",
        exemptions=["s31(1)(a)"],
    )
    for i in range(3)
]


def test_a_refusal_only_other_authorities_gave_is_a_low_flag_with_a_note():
    flags = kinds(question("There were 96 cameras.", [DIS]), REFUSED, "North Tyneside Council")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "low")]
    assert flags[0].message.endswith(ELSEWHERE_NOTE)


def test_the_authority_s_own_refusal_or_no_authority_named_keeps_the_flag_high():
    own = [replace(p, authority="North Tyneside Council") for p in REFUSED]
    flags = kinds(question("There were 96 cameras.", [DIS]), own, "North Tyneside Council")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "high")]
    unnamed = kinds(question("There were 96 cameras.", [DIS]), REFUSED, None)
    assert [(f.kind, f.severity) for f in unnamed] == [("treatment_divergence", "high")]
    assert ELSEWHERE_NOTE not in unnamed[0].message
