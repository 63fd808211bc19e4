"""The checker on a draft that refuses (withholds, NCND, 'not held') where precedent gave the information (stop 37's
measurement, ``scripts/measure_refusal_flags.py``: evals/real_letters/REFUSALS.md); a precedent of unknown authority
as the authority's own, one rule; the EISR cost exception from the regime profile.

The inputs are cut from tuning letters of the shipped corpus (``corpus/real``), each named where it is used. Each test
of a severity or a note fails on the checker before stop 37.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from foi_precedent.consistency import flags as flags_module
from foi_precedent.consistency.consensus import build_consensus, has_own
from foi_precedent.consistency.flags import (
    ELSEWHERE_NOTE,
    OWN_ANSWER_NOTE,
    divergence_flags,
    statutory_flags,
)
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.regimes import profile, profiles

DIS, WH, NCND, NH = Treatment.DISCLOSED, Treatment.WITHHELD, Treatment.NCND, Treatment.NOT_HELD
COST = Treatment.COST_LIMIT


def prec(ref, treatments, answer, authority, sim, exemptions=(), question="How many?", label="1"):
    return Precedent(
        reference=ref,
        label=label,
        authority=authority,
        date=date(2024, 6, 1),
        year=2024,
        question=question,
        answer=answer,
        treatments=tuple(treatments),
        exemptions=tuple(exemptions),
        pointers=(),
        regime="FOIA",
        similarity=sim,
    )


def question(answer, treatments, exemptions=(), text="How many?"):
    return Question(
        label="1", text=text, answer=answer, treatments=tuple(treatments), exemptions=tuple(exemptions)
    )


def divergences(q, hits, authority, regime="FOIA"):
    c = build_consensus(q.label, q.text, hits, authority=authority, regime=regime, min_similarity=0.7)
    return [f for f in divergence_flags(q, c) if f.kind in ("treatment_divergence", "ncnd_divergence")]


# --- 1. a refusal against other bodies' answers to a related question ----------------------------------------------

# wmp-sickness-restricted-289a-21 question 5 (West Midlands Police)
RESTRICTED = question(
    "I can confirm that this information is held by West Midlands Police. However, I am withholding that information "
    "since it is exempt by virtue of Section 31(1)(a) (Law enforcement).",
    [WH],
    ["s31(1)(a)"],
    text="How many officers are currently on restricted duties?",
)
# 2020020000961 Q3 and 01.FOI.25.045724 Q3 (Metropolitan Police Service): another question, another body
SUSPENDED = [
    prec(
        "2020020000961", [DIS], "As at 31 December 2019, 39 officers were suspended from duty.", "MPS", 0.724
    ),
    prec(
        "01.FOI.25.045724",
        [DIS],
        "As at 31 December 2024, 103 officers were suspended from duty.",
        "MPS",
        0.718,
    ),
]


def test_a_refusal_against_another_body_s_answer_to_a_related_question_is_low_with_a_note():
    """Officers on restricted duties (withheld) against the MPS's officers suspended from duty (given), at 0.72: two
    questions, two bodies. The checker said high."""
    flags = divergences(RESTRICTED, SUSPENDED, "West Midlands Police")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "low")]
    assert flags[0].message.endswith(OWN_ANSWER_NOTE)
    assert [e.reference for e in flags[0].evidence] == ["2020020000961", "01.FOI.25.045724"]  # still shown


# psni-body-worn-video-supplier-2024-04156 Request 2 (Police Service of Northern Ireland)
BWV = question(
    "Section 31(1)(a)(b) Law Enforcement Information which would be likely to prejudice (a) the prevention or "
    "detection of crime (b) apprehension or prosecution of offenders.",
    [WH],
    ["s31(1)(a)", "s31(1)(b)"],
    text="Approximately How Many Body Worn Cameras does your force use?",
)
BWV_GIVEN = [
    prec(
        "GMP-FOI-2021-00767", [DIS], "GMP currently has 18,005 body worn video devices issued.", "GMP", 0.947
    ),
    prec(
        "GMP-FOI-2024-00314", [DIS], "GMP currently has 3,873 body worn video devices issued.", "GMP", 0.947
    ),
    prec("2020010000754", [DIS], "The MPS currently has 4,678 body worn video devices issued.", "MPS", 0.788),
    prec(
        "2022-01025", [DIS], "West Midlands Police currently has 6,962 body worn video devices.", "WMP", 0.788
    ),
]


def test_a_refusal_of_what_other_bodies_gave_to_the_same_question_is_still_high():
    """Four forces gave their count of body-worn cameras; PSNI's s31 refusal of the same count is what the flag is
    for (the ICO weighs other bodies' disclosure against a harm claim)."""
    flags = divergences(BWV, BWV_GIVEN, "Police Service of Northern Ireland")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "high")]
    assert OWN_ANSWER_NOTE not in flags[0].message


def test_a_refusal_against_the_authority_s_own_answer_is_unchanged():
    """clch-thornbury-agency-shifts question 5 (withheld under s43(2), 2024) against the trust's own FOI/25/344, which
    listed its off-framework agencies (0.71): its own letter binds, however distant the wording."""
    q = question(
        "The Trust would not be able to provide details for Q2-Q5 under section 43 (2) (commercial Interests).",
        [WH],
        ["s43(2)"],
        text="Which off Framework suppliers are currently supplying your Trust with agency nurses?",
    )
    own = [prec("FOI/25/344", [DIS], "A list of all Off Framework agencies utilised: ...", "CLCH", 0.712)]
    flags = divergences(q, own, "CLCH")
    assert [(f.kind, f.severity) for f in flags] == [
        ("treatment_divergence", "medium")
    ]  # thin: high, one down
    assert OWN_ANSWER_NOTE not in flags[0].message


def test_an_ncnd_against_another_body_s_answer_to_a_related_question_is_low_with_a_note():
    """psni-operation-angle-arrests-15610 Request 2 (NCND of prior domestic abuse reports against those arrested)
    against Police Scotland's domestic abuse crimes by division (IM-FOI-2023-1613, 0.71). The checker said medium."""
    q = question(
        "The Police Service of Northern Ireland can neither confirm nor deny that it holds the information you have "
        "requested.",
        [NCND],
        ["s30", "s40"],
        text="How many of that number had reports of domestic abuse made against them previously?",
    )
    scotland = [prec("IM-FOI-2023-1613", [DIS], "Please see the table below.", "Police Scotland", 0.711)]
    flags = divergences(q, scotland, "Police Service of Northern Ireland")
    assert [(f.kind, f.severity) for f in flags] == [("ncnd_divergence", "low")]
    assert flags[0].message.endswith(OWN_ANSWER_NOTE)


# --- 2. 'not held' against figures other bodies gave ---------------------------------------------------------------

# moray-pothole-compensation-claims-2025 c) (Moray Council, FOISA)
LEGAL_COSTS = question(
    "Not held. We do not hold info re legal costs.",
    [NH],
    text="The total legal costs incurred by the council each financial year in relation to pothole compensation "
    "claims.",
)
DEVON = prec(
    "devon-cc-pothole-compensation-claims",
    [DIS],
    "2021/22 £12,480 ...",
    "Devon County Council",
    0.892,
    label="c)",
)
# moray-pothole-complaints-compensation-101003602692 question 3: Moray's own table of amounts paid, another figure
MORAY_PAID = prec("moray-pothole-complaints-compensation", [DIS], "| £1,200 | £800 |", "Moray Council", 0.714)


def test_not_held_against_other_bodies_figures_and_a_related_own_answer_is_low_with_a_note():
    """Whether Moray holds its legal costs apart is a fact about its own records: Devon giving its own says nothing
    of them, and Moray's own table answered another question (amounts paid). The checker said medium."""
    flags = divergences(LEGAL_COSTS, [DEVON, MORAY_PAID], "Moray Council", regime="FOISA")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "low")]
    assert flags[0].message.endswith(OWN_ANSWER_NOTE) and ELSEWHERE_NOTE not in flags[0].message


def test_not_held_against_other_bodies_figures_alone_is_no_flag():
    """(as before: an authority fact with no precedent of its own is not comparable)"""
    assert divergences(LEGAL_COSTS, [DEVON], "Moray Council", regime="FOISA") == []


def test_not_held_against_the_authority_s_own_figures_for_the_same_question_is_unchanged():
    """Moray giving its legal costs last year and saying 'not held' now is the inconsistency the flag is for."""
    own = replace(MORAY_PAID, similarity=0.9, answer="Legal costs: 2023/24 £3,100")
    flags = divergences(LEGAL_COSTS, [DEVON, own], "Moray Council", regime="FOISA")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "medium")]
    assert OWN_ANSWER_NOTE not in flags[0].message


def test_a_cost_refusal_needs_the_authority_s_own_near_identical_letter_as_before():
    q = question("This would exceed the appropriate limit (s12).", [COST], ["s12"])
    other = [prec("A", [DIS], "12", "Devon County Council", 0.95), prec("B", [DIS], "7", "Kent", 0.95)]
    assert divergences(q, other, "Moray Council") == []
    own = [*other, prec("M", [DIS], "40", "Moray Council", 0.9)]
    (flag,) = divergences(q, own, "Moray Council")  # settled, its own at 0.9
    assert flag.severity == "medium" and OWN_ANSWER_NOTE not in flag.message


# --- 3. a precedent of unknown authority: the authority's own, one rule ----------------------------------------------


def test_a_precedent_of_unknown_authority_counts_as_the_authority_s_own_in_every_rule():
    """has_own, the s22 rule and the authority-fact rule agree: an unnamed precedent is (like its weight and its
    pointers) the authority's own. Before, has_own said no and the other two yes."""
    unnamed = prec("TEAM-1", [WH], "Withheld under s31(1)(a).", None, 0.9, exemptions=["s31(1)(a)"])
    assert has_own([unnamed], "Wokingham Borough Council") and not has_own([unnamed], None)
    # a refusal given only by unnamed letters is not 'answered elsewhere' (the plan drafts it; no note)
    c = build_consensus("1", "q", [unnamed, replace(unnamed, reference="TEAM-2")], authority="Wokingham")
    assert c.status == "settled" and not c.answered_elsewhere and c.confidence != "low"
    q = question("12 were recorded.", [DIS])
    flags = divergences(q, [unnamed, replace(unnamed, reference="TEAM-2")], "Wokingham")
    assert [(f.kind, f.severity) for f in flags] == [("treatment_divergence", "high")]
    assert ELSEWHERE_NOTE not in flags[0].message
    # 'not held' against unnamed letters' figures is comparable, as it was (its own)
    given = [prec(ref, [DIS], "12 were recorded.", None, 0.9) for ref in ("TEAM-3", "TEAM-4")]
    (flag,) = divergences(question("Not held.", [NH]), given, "Wokingham")
    assert flag.severity == "medium" and OWN_ANSWER_NOTE not in flag.message


def test_an_unnamed_precedent_s_future_publication_is_compared_as_the_authority_s_own():
    s22 = prec("TEAM-4", [WH], "To be published next month (s22).", None, 0.9, exemptions=["s22"])
    flags = divergences(question("12 were recorded.", [DIS]), [s22], "Wokingham")
    assert [f.kind for f in flags] == ["treatment_divergence"]
    other = replace(s22, authority="North Devon Council")
    assert divergences(question("12 were recorded.", [DIS]), [other], "Wokingham") == []


# --- 4. the EISR's cost exception from the regime profile ------------------------------------------------------------


def _costly(regime: Regime) -> Letter:
    q = Question(
        label="1",
        text="Every fly-tipping report since 2010?",
        answer="Answering would cost more than the limit.",
        treatments=(COST,),
        exemptions=(),
    )
    return Letter(
        reference="R1",
        authority="Moray Council",
        date=None,
        regime=regime,
        questions=(q,),
        refusal_notice=True,
        complaint_rights=True,
    )


@pytest.mark.parametrize(("regime", "cited"), [(Regime.EISR, "reg10(4)(b)"), (Regime.EIR, "reg12(4)(b)")])
def test_a_cost_refusal_under_the_environmental_regulations_names_the_profile_s_exception(regime, cited):
    (flag,) = [f for f in statutory_flags(_costly(regime)) if f.kind == "missing_public_interest_test"]
    assert f"manifestly unreasonable under {cited}," in flag.message
    assert profile(regime).manifestly_unreasonable == cited


def test_the_exception_is_read_from_the_profile(monkeypatch):
    renumbered = replace(profile(Regime.EISR), manifestly_unreasonable="reg99(9)(z)")
    monkeypatch.setattr(flags_module, "profile", lambda regime: renumbered)
    (flag,) = [f for f in statutory_flags(_costly(Regime.EISR)) if f.kind == "missing_public_interest_test"]
    assert "under reg99(9)(z)," in flag.message


def test_every_regime_has_a_cost_limit_or_an_exception_for_costly_requests():
    for p in profiles().values():
        assert bool(p.cost_limit) != bool(p.manifestly_unreasonable), p.regime


def test_a_section_number_is_not_found_inside_a_longer_one():
    from foi_precedent.consistency.flags import _excerpt
    from foi_precedent.consistency.quotes import mentions, quote_answer

    assert mentions("exempt under Section 31(1)(a) of the Act", "Section 31(1)")
    assert not mentions("exempt under Section 30 of the Act", "Section 3")
    assert mentions("see Section 3.", "Section 3") and mentions("the Reading Room", "reading room")
    answer = (
        "We hold the information. It is exempt under Section 30 of the Act (investigations). "
        "Some of it is also exempt under Section 3 of the Regulations as a transfer. "
        + "More words here. "
        * 30
    )
    assert "Section 3 of" in _excerpt(answer, ["Section 3"], limit=120)
    quoted = quote_answer(answer, (Treatment.WITHHELD,), ["Section 3"])
    assert quoted and "Section 3 of" in quoted and "Section 30" not in quoted


def test_small_numbers_its_own_letter_to_a_related_question_does_not_make_comparable():
    """The Moray 2025 pothole claims table (cells under five suppressed, s38(1)(b)) against Devon's claim counts, with
    Moray's own letter of pothole enquiry counts (all released, a related question at 0.7x) among the precedents:
    high at stop 37's re-check, judged no inconsistency. Its own letter to a near-identical question still counts
    (ground truth gt-10)."""
    from tests.unit.test_checker_false_flags_s36 import DIS, WH, kinds, prec, question

    moray = (
        "| 30 | 20 | 51 | 20 | <5* |\n*The low numbers associated with this response may result in the identification "
        "of individuals. Therefore numbers between 1 and 5 have been redacted. This response is exempt under Section "
        "38(1)(b) of the Freedom of Information (Scotland) Act 2002."
    )
    counts = "2021/22 1,012 2022/23 966 2023/24 1,838"
    devon = [prec(f"devon-{i}", [DIS], counts, "Devon County Council", 0.85) for i in range(2)]
    related = prec("moray-enquiries", [DIS], "2020 572 2021 861 2022 609", "Moray Council", 0.74)
    draft = question(moray, [WH], ["s38(1)(b)"])
    assert "treatment_divergence" not in {
        f.kind for f in kinds(draft, [*devon, related], "Moray Council", "FOISA")
    }
    same = prec("moray-claims-2024", [DIS], counts, "Moray Council", 0.9)
    assert "treatment_divergence" in {f.kind for f in kinds(draft, [*devon, same], "Moray Council", "FOISA")}
