"""Citation finding and normalisation, section families and the exemption table."""

from __future__ import annotations

import pytest

from foi_precedent.consistency.checker import check_letter
from foi_precedent.letters.exemptions import find_citations, normalise_exemptions, rule_table, section_of
from foi_precedent.letters.parser import parse_text
from tests.fakes import MemoryIndex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 31(1)(a)&(b) Law Enforcement", ["s31(1)(a)", "s31(1)(b)"]),
        ("Section 40(2)&(3) Personal Information", ["s40(2)", "s40(3)"]),
        ("exempt by virtue of 40(2)&(3)", ["s40(2)", "s40(3)"]),
        ("Sections 30 and 31 apply", ["s30", "s31"]),
        ("Section 40(5B)(a)(i)", ["s40(5B)(a)(i)"]),
        ("Regulation 12(5)(b) applies", ["reg12(5)(b)"]),
        # s22A (research) is another exemption than s22 (future publication)
        ("Section 22A(1)(a) of the Act", ["s22A(1)(a)"]),
        ("section 22a applies", ["s22A"]),
        ("Sections 22 and 22A", ["s22", "s22A"]),
        ("exempt under 22A(1) and 31(1)(a)", ["s22A(1)", "s31(1)(a)"]),
        ("Section 31 And further", ["s31"]),
        ("Section 12 applies", ["s12"]),  # cost limit: a refusal the checker counts
        ("Section 16 duty to assist", []),  # not an exemption
        ("page 31(2)", []),
        # a subsection typed without its brackets before a bracketed paragraph
        ("An exemption under section 33 1(b) of FOISA applies", ["s33(1)(b)"]),
        ("section 40 2 of the Act", ["s40"]),
        # a bracket left unclosed before the next one
        ("exempt under Regulation 12(5(b) of the EIR", ["reg12(5)(b)"]),
    ],
)
def test_citations_are_normalised(text, expected):
    assert normalise_exemptions(text) == expected


def test_section_families():
    assert section_of("s31(1)(a)") == "s31"
    assert section_of("s22A(1)(b)") == "s22A"
    assert section_of("reg12(5)(b)") == "reg12"


def test_rule_table_knows_s22a_apart_from_s22():
    table = rule_table()
    assert table.rule_for("s22A(1)(b)").name == "Research"
    assert table.rule_for("s22(1)").name == "Information intended for future publication"
    assert table.is_ncnd_subsection("s22A(2)") and not table.is_ncnd_subsection("s22A(1)")


def _refusal(ref: str, citation: str) -> str:
    return (
        f"Reference: {ref}\n\nI note you seek access to the following information:\n\n"
        "Q1 - Please provide the interim findings of the body worn video research study.\n"
        "I have today decided not to disclose it. Refusal Notice under Section 17. "
        f"{citation}. Disclosure before publication would be likely to prejudice the study.\n"
        "Public interest test: factors for and against were weighed; the balance favours withholding.\n"
        "Disclosure\nQ1 - Please provide the interim findings of the body worn video research study.\n"
        f"This is exempt under {citation}.\n\nComplaint rights\nYou have the right to request an internal "
        "review within 40 working days. If you remain dissatisfied you may complain to the Information Commissioner.\n"
    )


def test_s22a_where_precedent_relied_on_s22_is_an_exemption_divergence():
    precedent = parse_text(_refusal("PREC-1", "Section 22(1)"))
    index = MemoryIndex([precedent])
    draft = parse_text(_refusal("DRAFT-1", "Section 22A(1)(b)"))
    assert list(draft.questions[0].exemptions) == ["s22A(1)(b)"]
    flags = [f for f in check_letter(draft, index).flags if f.kind == "exemption_divergence"]
    # another section, not another limb of s22 (one precedent is thin consensus, so high is downgraded)
    assert flags and "relies on s22A(1)(b) where precedent relied on s22(1)" in flags[0].message
    same = parse_text(_refusal("DRAFT-2", "Section 22(1)"))
    assert not [f for f in check_letter(same, index).flags if f.kind.startswith("exemption_")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FOISA exemptions sections 36(2) and 38(1)(b) are also still applicable", ["s36(2)", "s38(1)(b)"]),
        (
            "exempt from disclosure by way of sections 21, 22 and 31(1)(a) of the FOIA",
            ["s21", "s22", "s31(1)(a)"],
        ),
        ("Sections 30 and 31 apply", ["s30", "s31"]),
        ("sections 23 and 24 hours later", ["s23"]),
    ],
)
def test_a_list_of_sections_keeps_the_subsections_of_each(text, expected):
    assert normalise_exemptions(text) == expected


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (
            "An exemption under section 38(1)(b) of FOISA applies because disclosure would contravene the data protection "
            "principles in section 34(1) of the Data Protection Act 2018.",
            ("s38(1)(b)",),
        ),
        (
            "This information is exempt under section 35(1)(a) and (b) of the Act (Law enforcement) and section 39(1) of "
            "the Act (Health, safety and the environment).",
            ("s35(1)(a)", "s35(1)(b)", "s39(1)"),
        ),
        (
            "The names are withheld under Section 40(2) of the FOI Act. Contact us on +44 (0)23927 25139.",
            ("s40(2)",),
        ),
    ],
)
def test_provisions_of_other_enactments_and_phone_numbers_are_not_exemptions(reason, expected):
    letter = parse_text(f"Request\n1. The names of the staff involved.\nResponse\n1. {reason}\n")
    assert letter.exemptions == expected
    assert letter.questions[0].exemptions == expected


def test_exemptions_a_letter_says_a_future_request_might_meet_are_not_applied():
    from foi_precedent.letters.parser import parse_text

    text = (
        "Information requested\nAll documents held on the investigation.\nResponse\n"
        "In this instance the costs of locating, retrieving and providing the information requested would exceed "
        "the upper cost limit of \u00a3600.\nYou may wish to reduce the scope of your request. While we cannot "
        "prejudge the application of exemptions to any future requests, much of this information would likely be "
        "exempt information in terms of section 36(1) of FOISA.\n"
    )
    letter = parse_text(text)
    assert "s36(1)" not in letter.exemptions
    assert [t.value for t in letter.questions[0].treatments] == ["cost_limit"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Under 10(4)(b) of EI(S)R 2004 the council considers the request manifestly unreasonable.",
            ["reg10(4)(b)"],
        ),
        ("The exception at 12(5)(e) of the Environmental Information Regulations applies.", ["reg12(5)(e)"]),
        ("We rely on 12(4)(b) and (5)(a) of the EIRs.", ["reg12(4)(b)", "reg12(5)(a)"]),
        ("as set out in paragraph 3(2) of the EIRs", []),
    ],
)
def test_a_regulation_cited_by_its_number_before_the_regulations_name_is_a_regulation(text, expected):
    assert [c.text for c in find_citations(text) if c.text.startswith("reg")] == expected
