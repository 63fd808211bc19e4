"""The Environmental Information (Scotland) Regulations 2004 (EISR) as a regime of their own (stop 36).

Two QA passes found Scottish environmental replies answered as the English EIR: a Scottish Forestry draft had a
"regulation 14" refusal notice, a "regulation 11" review and the ICO at Wilmslow; the checker told Moray Council's
fly-tipping reply (moray-rural-fly-tipping-eir) of "reconsideration under regulation 11 and the Information
Commissioner". Each test fails on the code before the EISR profile."""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.cases.clock import describe, due_date, extension_notice
from foi_precedent.consistency.consensus import build_consensus, same_numbering
from foi_precedent.consistency.flags import statutory_flags
from foi_precedent.drafting.compose import wrong_act
from foi_precedent.drafting.letter import EISR_FORM, answer_lines, letter_form, precedent_letter
from foi_precedent.drafting.plan import Plan, authority_regime, plan_regime, plan_request
from foi_precedent.drafting.request import split_request
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.exemptions import rule_table_for
from foi_precedent.letters.model import Regime, Treatment
from foi_precedent.letters.parser import named_regime, parse_draft, parse_text
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.regimes import profile
from tests.builders import question_plan
from tests.fakes import MemoryIndex

# A reply in the words of Moray Council's published EIR replies (no complaint-rights block).
MORAY = """EIR Request - Rural Fly-tipping
Request 101002939734
1. The cost of cleaning up rural fly-tipping in total from 1 April 2020 to 29 November 2021
2. Numbers of recorded cases of rural fly-tipping across the council area
Response
1. We do not record the costs for cleaning up fly tipping separately. This information therefore falls under \
Regulation 10(4)(a) of the Environmental Information (Scotland) Regulations 2004 - information not held.
2. Of 529 reports of fly tipping, a total of 171 are classed as rural fly tipping incidents.
"""


# --- the reader: which letters are under the EISR --------------------------------------------------


def test_a_reply_under_the_scottish_regulations_reads_as_eisr():
    assert parse_text(MORAY, front_matter={"authority": "Moray Council"}).regime is Regime.EISR


@pytest.mark.parametrize(
    "text",
    [
        # the EIRs with the Scottish Commissioner: a Scottish authority's reply (read as the English EIR before)
        "EIR reference 123\n1. How many trees were felled?\nResponse\n1. 40 trees were felled.\nYou may apply to "
        "the Scottish Information Commissioner if you remain dissatisfied after a review.",
        # FOISA s39(2) sends the request to the Regulations, which it names as the EIRs
        "Because the information is environmental, we are required to deal with your request under the "
        "Environmental Information (Scotland) Regulations 2004 (EIRs). We are applying the exemption at section "
        "39(2) of the Freedom of Information (Scotland) Act 2002 (FOISA).\n1. Sewage spills?\nResponse\n1. 12.",
        # a Scottish exception cited with the EIRs' short name
        "Our ref EIR/24/1\n1. Flood reports?\nResponse\n1. Not held: regulation 10(4)(a) of the EIRs applies.",
    ],
)
def test_a_scottish_eir_reply_reads_as_eisr(text):
    assert parse_text(text).regime is Regime.EISR


def test_english_and_foisa_replies_keep_their_regime():
    english = (
        "EIR ref 9\n1. Potholes?\nResponse\n1. Not held under regulation 12(4)(a) of the Environmental "
        "Information Regulations 2004. You may complain to the Information Commissioner."
    )
    assert parse_text(english).regime is Regime.EIR
    # a FOISA reply naming both Scottish regimes in its notes, relying on no regulation (NHS Shetland's)
    foisa = (
        "As a Scottish public authority, NHS Shetland is subject to the Freedom of Information (Scotland) Act 2002 "
        "(FOISA) and the Environmental Information (Scotland) Regulations 2004 (EISR).\n1. How many FOI requests?"
        "\nResponse\n1. 810"
    )
    assert parse_text(foisa).regime is Regime.FOISA


def test_a_request_naming_the_scottish_regulations_names_eisr():
    assert (
        named_regime("Under the Environmental Information (Scotland) Regulations 2004 please") is Regime.EISR
    )
    assert named_regime("I make this request under the EISR") is Regime.EISR
    assert named_regime("Under the Environmental Information Regulations 2004") is Regime.EIR
    assert split_request("Under the EISR:\n1. Flood maps?\n2. Drain surveys?\n").regime == "EISR"


# --- the profile and the exception table ------------------------------------------------------------


def test_the_eisr_profile_is_the_scottish_regulations():
    eisr = profile("EISR")
    assert eisr.act == "the Environmental Information (Scotland) Regulations 2004"
    assert (eisr.refusal_notice, eisr.review) == ("regulation 13", "review under regulation 16")
    assert eisr.regulator == "the Scottish Information Commissioner"
    assert (eisr.not_held_provision, eisr.otherwise_accessible, eisr.cost_limit) == (
        "reg10(4)(a)",
        "reg6(1)(b)",
        None,
    )
    table = rule_table_for("EISR")
    commercial = table.rule_for("reg10(5)(e)")
    assert commercial and commercial.qualified and commercial.prejudice_based
    assert table.rule_for("reg10(4)(e)").name == "Internal communications"
    personal = table.rule_for("reg11(2)")
    assert personal and not personal.qualified
    assert table.rule_for("reg12(4)(a)") is None  # the EIR 2004's not-held exception is not the Scottish one


# --- the checker -------------------------------------------------------------------------------------


def test_the_checker_tells_a_scottish_eir_reply_of_its_own_review_and_commissioner():
    letter = parse_text(MORAY, front_matter={"authority": "Moray Council"})
    flag = next(f for f in statutory_flags(letter) if f.kind == "missing_complaint_rights")
    assert "review under regulation 16 and the Scottish Information Commissioner" in flag.message
    assert "regulation 11" not in flag.message
    (rule,) = flag.evidence
    assert (
        rule.reference == "EISR 2004"
        and "reg16" in rule.quote
        and "Scottish Information Commissioner" in rule.quote
    )


def test_an_eisr_refusal_is_held_to_the_scottish_tests():
    withheld = parse_text(
        "Reference: SF-1\n1. The grant applications?\nResponse\n1. This information is withheld under regulation "
        "10(5)(e) of the Environmental Information (Scotland) Regulations 2004.\n"
    )
    assert withheld.regime is Regime.EISR
    flags = {f.kind: f for f in statutory_flags(withheld)}
    assert "review under regulation 16" in flags["missing_complaint_rights"].message
    assert flags["missing_harm_statement"].evidence[0].quote.startswith("A reg10(5) exception")
    assert "prejudice substantially" in flags["missing_harm_statement"].evidence[0].quote
    assert flags["missing_public_interest_test"].evidence[0].reference == "EISR 2004"


def test_eisr_numbers_its_regulations_its_own_way():
    assert same_numbering("EISR", "EISR") and same_numbering("EIR", "FOIA") and same_numbering(None, "EISR")
    assert not same_numbering("EISR", "EIR") and not same_numbering("EISR", "FOISA")
    assert not same_numbering("EISR", "FOIA")

    def eir(n: int, regime: str, exemption: str) -> Precedent:
        return Precedent(
            reference=f"{regime}-{n}",
            label="1",
            date=None,
            year=None,
            question="How many fly-tipping incidents?",
            answer="Not held.",
            treatments=(Treatment.NOT_HELD,),
            exemptions=(exemption,),
            pointers=(),
            similarity=0.9,
            authority=f"Body {n}",
            regime=regime,
        )

    hits = [eir(n, "EIR", "reg12(4)(a)") for n in range(3)] + [eir(9, "EISR", "reg10(4)(a)")]
    scottish = build_consensus("1", "How many fly-tipping incidents?", hits, regime="EISR")
    assert scottish.treatments == (Treatment.NOT_HELD,) and scottish.exemptions == ("reg10(4)(a)",)
    english = build_consensus("1", "How many fly-tipping incidents?", hits, regime="EIR")
    assert english.exemptions == ("reg12(4)(a)",)


# --- drafting ----------------------------------------------------------------------------------------


def test_a_scottish_authoritys_eir_request_is_answered_under_the_eisr():
    assert plan_regime("FOISA", "EIR") == "EISR" and plan_regime("FOISA", "EISR") == "EISR"
    assert plan_regime(None, "EISR") == "EISR" and plan_regime(None, "EIR") == "EIR"
    assert plan_regime("FOIA", "EISR") == "EIR"  # the Scottish Regulations do not bind an English authority
    assert plan_regime("FOISA", None) == "FOISA"
    forestry = [
        Precedent(
            reference=f"sf-{i}",
            label="1",
            date=None,
            year=None,
            question="Grant applications?",
            answer="Disclosed.",
            treatments=(Treatment.DISCLOSED,),
            exemptions=(),
            pointers=(),
            similarity=0.8,
            authority="Scottish Forestry",
            regime="EISR",
        )
        for i in range(3)
    ]
    assert authority_regime(forestry, "Scottish Forestry") == "FOISA"  # only a Scottish authority answers so


def _eisr_index():
    """Two Scottish bodies' replies under the EISR and an English council's under the EIR 2004, to one request."""

    def reply(ref: str, regulations: str, not_held: str, withheld: str, route: str) -> str:
        return (
            f"Reference: {ref}\n\nYour request under the {regulations}:\n\n1. The cost of clearing fly-tipping.\n"
            "2. The names of the landowners reported.\nResponse\n1. The cost of clearing fly-tipping.\n"
            f"This information is not held: {not_held} applies.\n2. The names of the landowners reported.\nThe "
            f"names are withheld under {withheld}.\n{route}\n"
        )

    scottish = [
        parse_text(
            reply(
                f"S-{i}",
                "Environmental Information (Scotland) Regulations 2004",
                "regulation 10(4)(a)",
                "regulation 11(2)",
                "You may require a review and then apply to the Scottish Information Commissioner.",
            ),
            front_matter={"authority": f"Scottish Body {i}"},
        )
        for i in range(2)
    ]
    english = [
        parse_text(
            reply(
                "E-1",
                "Environmental Information Regulations 2004",
                "regulation 12(4)(a)",
                "regulation 13",
                "You may complain to the Information Commissioner.",
            ),
            front_matter={"authority": "English Council"},
        )
    ]
    return scottish, english


REQUEST = "1. The cost of clearing fly-tipping.\n2. The names of the landowners reported.\n"


def test_an_eisr_plan_is_written_and_read_back_under_the_scottish_regulations():
    scottish, english = _eisr_index()
    assert {letter.regime for letter in scottish} == {Regime.EISR}
    index = MemoryIndex([*scottish, *english])
    request = split_request("Under the Environmental Information Regulations:\n" + REQUEST)
    plan = plan_request(request, index, authority="Scottish Body 1")
    assert plan.regime == "EISR" and letter_form(plan) is EISR_FORM
    cost, names = plan.questions
    assert cost.exemptions == ("reg10(4)(a)",) and names.exemptions == ("reg11(2)",)
    text = precedent_letter(request, plan, index, "Scottish Body 1")
    assert (
        "refusal notice under regulation 13 of the Environmental Information (Scotland) Regulations 2004"
        in text
    )
    assert "Regulation 10(4)(a) of the Environmental Information (Scotland) Regulations 2004" in text
    assert "regulation 16 of the Environmental Information (Scotland) Regulations 2004" in text
    assert "Scottish Information Commissioner" in text
    for english_words in ("regulation 14", "regulation 11 ", "Wilmslow", "ico.org.uk", "Regulation 12"):
        assert english_words not in text
    draft = parse_draft(text, source="draft")
    assert draft.regime is Regime.EISR
    assert [q.exemptions for q in draft.questions] == [("reg10(4)(a)",), ("reg11(2)",)]
    assert not [
        f for f in statutory_flags(draft) if f.kind in ("missing_complaint_rights", "missing_refusal_notice")
    ]


def test_an_eisr_reply_that_refuses_nothing_still_reads_back_as_eisr():
    """Its only Scottish words are in the complaint rights, which also name FOISA (s47)."""
    request = split_request("1. How many trees were felled?\n2. Where were they?\n")
    text = precedent_letter(
        request, Plan((question_plan("1"), question_plan("2")), regime="EISR"), index=None
    )
    assert parse_draft(text, source="draft").regime is Regime.EISR


def test_an_eisr_cost_refusal_is_the_scottish_manifestly_unreasonable_exception():
    line = " ".join(
        answer_lines(question_plan("Q1", (Treatment.COST_LIMIT,), ("s12",)), "Scottish Forestry", EISR_FORM)
    )
    assert "regulation 10(4)(b)" in line and "12(4)(b)" not in line and "£" not in line


def test_a_model_section_may_name_the_scottish_commissioner_in_an_eisr_reply():
    plan = Plan((question_plan("Q1"),), regime="EISR")
    assert (
        wrong_act("You may apply to the Scottish Information Commissioner under section 47 of FOISA.", plan)
        is None
    )
    assert wrong_act("The information is environmental (the EIRs).", plan) is None
    assert wrong_act("under the Environmental Information Regulations 2004", plan) is not None
    assert wrong_act("under the Freedom of Information Act 2000", plan) is not None
    english = Plan((question_plan("Q1"),), regime="EIR")
    assert wrong_act("under the Environmental Information (Scotland) Regulations 2004", english) is not None


# --- the clock ---------------------------------------------------------------------------------------


def test_the_eisr_clock_is_scottish_with_the_reg_7_extension():
    received = date(2024, 3, 28)  # Easter 2024: Good Friday 29 March, Easter Monday 1 April
    due = due_date(received, "EISR")
    assert due.nation.value == "scotland" and due.working_days == 20
    assert date(2024, 4, 1) not in {d.day for d in due.skipped}  # Easter Monday is a Scottish working day
    assert due.due == due_date(received, "FOISA").due
    assert "EISR reg 5(2)(a)" in describe(due)
    extended = due_date(received, "EISR", extension="eir-complex")
    assert extended.working_days == 40 and extended.notice_by == due.due
    notice = extension_notice(extended)
    assert "Environmental Information (Scotland) Regulations 2004" in notice and "regulation 7(1)" in notice
    with pytest.raises(PrecedentError, match="Scottish public authorities"):
        due_date(received, "EISR", "england")
    with pytest.raises(PrecedentError, match="no public interest extension"):
        due_date(received, "EISR", extension="pit")


def test_a_late_eisr_letter_is_told_of_reg_5():
    letter = parse_text(
        "Reference: SF-2\nYour request received on 1 March 2023.\nDate: 30 June 2023\n1. Felling licences?\n"
        "Response\n1. 12 licences, under the Environmental Information (Scotland) Regulations 2004.\n"
    )
    assert letter.regime is Regime.EISR and (letter.received, letter.date) == (
        date(2023, 3, 1),
        date(2023, 6, 30),
    )
    (late,) = [f for f in statutory_flags(letter) if f.kind == "past_due_date"]
    assert late.evidence[0].reference == "EISR 2004" and late.evidence[0].quote.startswith("EISR reg5(2)(a)")
