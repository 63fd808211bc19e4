"""The checker on real reply letters used as drafts (stop 36 QA): what a FOISA or EIR letter is told, and an NCND
given beside an answer about other information.

The inputs are cut from tuning letters of the shipped corpus (``corpus/real``), each named where it is used.
"""

from __future__ import annotations

from dataclasses import replace

from foi_precedent.consistency.checker import check_letter
from foi_precedent.consistency.flags import RULE_SOURCES, statutory_flags
from foi_precedent.letters.parser import parse_text
from tests.fakes import MemoryIndex

# moray-pothole-compensation-claims-2025 (Moray Council, FOISA), its refusal without complaint rights
FOISA_REFUSAL = """Request
1. How many pothole compensation claims were made to the council in each of the last five years?
2. How many of those claims were paid?
Response
1. 30, 20, 51, 20 and <5.
2. Where the number is 5 or fewer the figure has been redacted and marked with <5 instead. This response is exempt
under Section 38(1)(b) of the Freedom of Information (Scotland) Act 2002 - personal information.
"""

# wmp-drones-1748a-21 (West Midlands Police, FOIA): the answer attached, NCND for any other information
NCND_OTHER = """Request
1. The number of drones currently used by the Force.
Response
1. Please find attached our response with regard to the OVERT use of Drones. In addition to the attached response
West Midlands Police can neither confirm nor deny that it holds any other information relevant to this request as
the duty in Section 1(1)(a) of the Freedom of Information Act 2000 does not apply by virtue of Section 23(5).
"""

# devon-roadworks-2019-2021-eir (Devon County Council, EIR): a FOIA-style cost refusal under the EIR
EIR_COST = """Request
1. I would also like to know the longest-running works that took place in both of these periods.
Response
1. From our preliminary assessment, we estimate that compliance with this request would exceed the appropriate
costs limit under Regulation 12 (4) of the Environmental Information Regulations. This is currently £450 or 18
hours of officer time. To do the calculation for just one of the incidents takes approximately 10 minutes, and
this would need to be done 4635 times.
"""


def flags_of(text: str):
    return check_letter(parse_text(text), MemoryIndex([])).flags


def test_a_foisa_letter_is_quoted_foisa_not_foia():
    """The rule beside a FOISA letter's flag is FOISA's: review under s20 and the Scottish Information
    Commissioner (s47), not FOIA s17(7) and s50."""
    complaint = [f for f in flags_of(FOISA_REFUSAL) if f.kind == "missing_complaint_rights"]
    assert len(complaint) == 1
    rule = complaint[0].evidence[0]
    assert rule.reference == "FOISA 2002" and rule.reference in RULE_SOURCES
    assert "Scottish Information Commissioner" in rule.quote and "s47" in rule.quote
    assert "FOIA" not in rule.quote.replace("FOISA", "") and "s50" not in rule.quote


def test_a_foisa_cost_refusal_is_quoted_the_scottish_limit():
    text = FOISA_REFUSAL.replace(
        "Where the number is 5 or fewer the figure has been redacted and marked with <5 instead. This response is "
        "exempt\nunder Section 38(1)(b) of the Freedom of Information (Scotland) Act 2002 - personal information.",
        "We are unable to answer without checking each individual file, which would exceed the cost limit under "
        "section 12 of the Freedom of Information (Scotland) Act 2002.",
    )
    s12 = [f for f in flags_of(text) if f.kind == "s12_without_figures"]
    assert s12, [f.kind for f in flags_of(text)]
    quote = s12[0].evidence[0].quote
    assert "£15" in quote and "£600" in quote and "s15" in quote
    assert "£25" not in quote and "s16" not in quote


def test_an_eir_letter_is_quoted_the_eir():
    flags = flags_of(EIR_COST)
    complaint = [f for f in flags if f.kind == "missing_complaint_rights"][0].evidence[0]
    assert complaint.reference == "EIR 2004"
    assert "reg11" in complaint.quote and "s17(7)" not in complaint.quote


def test_a_foia_letter_keeps_the_foia_rule():
    text = FOISA_REFUSAL.replace(" (Scotland) Act 2002", " Act 2000").replace(
        "Section 38(1)(b)", "Section 40(2)"
    )
    complaint = [f for f in flags_of(text) if f.kind == "missing_complaint_rights"][0].evidence[0]
    assert complaint.reference == "FOIA 2000" and "s50" in complaint.quote


def test_ncnd_of_any_other_information_beside_an_answer_is_no_contradiction():
    """'Please find attached ... In addition ... neither confirm nor deny that it holds any other information' gives
    one thing and NCNDs another: not the 'not held and NCND about the same item' the ICO warns of."""
    letter = parse_text(NCND_OTHER)
    assert {t.value for t in letter.questions[0].treatments} >= {
        "ncnd",
        "disclosed",
    }  # the reading the flag saw
    assert "ncnd_with_not_held" not in {f.kind for f in statutory_flags(letter)}


def test_ncnd_of_the_same_information_as_not_held_is_still_flagged():
    text = NCND_OTHER.replace(
        "Please find attached our response with regard to the OVERT use of Drones. In addition to the attached "
        "response\nWest Midlands Police can neither confirm nor deny that it holds any other information",
        "This information is not held. West Midlands Police can neither confirm nor deny that it holds information",
    )
    assert "ncnd_with_not_held" in {f.kind for f in statutory_flags(parse_text(text))}


def test_a_cost_refusal_under_the_eir_needs_the_public_interest_test():
    """The EIR have no cost limit: a request too costly to answer is manifestly unreasonable (reg12(4)(b)), a
    qualified exception, so the letter needs a public interest test."""
    flags = [f for f in flags_of(EIR_COST) if f.kind == "missing_public_interest_test"]
    assert len(flags) == 1
    assert "reg12(4)(b)" in flags[0].message and "no cost limit" in flags[0].message
    assert flags[0].evidence[0].reference == "EIR 2004"
    with_pit = EIR_COST + (
        "\nPublic interest test: we have weighed the public interest in disclosure against the burden of "
        "compliance and the balance favours maintaining the exception.\n"
    )
    assert "missing_public_interest_test" not in {f.kind for f in flags_of(with_pit)}


def test_another_authority_s_future_publication_is_no_inconsistency():
    """s22 (to be published later) is the authority's own plan: North Devon holding back its 2021 fly-tipping
    figures (north-devon-littering-fly-tipping) against Rushcliffe's 2015-20 figures (rushcliffe-littering-fly-tipping-
    a1345103) was flagged high both ways. The authority's own earlier figures still count."""

    def reply(ref: str, authority: str, answer: str):
        text = (
            f"Reference: {ref}\n\nRequest\n1. How many fixed penalty notices for fly-tipping were issued each year?\n"
            f"Response\n1. {answer}\n"
        )
        # read for certain, as an officer's correction makes it (the learned reader disputes the s22 reading, and a
        # disputed reading is no precedent)
        letter = parse_text(text)
        questions = tuple(replace(q, confidence=1.0) for q in letter.questions)
        return replace(letter, authority=authority, questions=questions)

    s22 = "In accordance with Section 22 of the Act, the data will be published in early 2022, once it has been gathered."
    figures = "2015 - 2, 2016 - 2, 2017 - 1, 2018 - 3, 2019 - 2, 2020 - 13"
    assert reply("X", "Y", s22).questions[0].exemptions == ("s22",)  # the reading the flag saw
    past = [reply(f"PAST-{i}", "Rushcliffe Borough Council", figures) for i in range(2)]
    index = MemoryIndex(past)
    elsewhere = check_letter(reply("NEW-1", "North Devon Council", s22), index)
    assert "treatment_divergence" not in {f.kind for f in elsewhere.flags}
    own = check_letter(reply("NEW-2", "Rushcliffe Borough Council", s22), index)
    assert "treatment_divergence" in {f.kind for f in own.flags}
    # and the other way round: another body's s22 is no reason this one should not give its figures
    withheld = [reply(f"OLD-{i}", "North Devon Council", s22) for i in range(2)]
    given = check_letter(reply("NEW-3", "Rushcliffe Borough Council", figures), MemoryIndex(withheld))
    assert "treatment_divergence" not in {f.kind for f in given.flags}
    also_own = check_letter(reply("NEW-4", "North Devon Council", figures), MemoryIndex(withheld))
    assert "treatment_divergence" in {f.kind for f in also_own.flags}
