"""An answer only the answering body can give (a refusal, not held, a pointer), given only by other authorities, is
not this authority's precedent: the plan leaves it to the officer.

Measured on the real letters (``precedent eval real_plans``): planned from other bodies' letters alone, refusals were
what the letter itself did on 0.19 of questions, 0.05 at similarity 0.9 and over (one request sent to many bodies)."""

from __future__ import annotations

from foi_precedent.consistency.consensus import build_consensus
from foi_precedent.drafting.plan import plan_from_consensus
from foi_precedent.letters.model import Treatment
from tests.unit.test_consensus import p

OURS, THEIRS = "Hastings Borough Council", "Devon County Council"
WH, NCND, COST, DIS = Treatment.WITHHELD, Treatment.NCND, Treatment.COST_LIMIT, Treatment.DISCLOSED


def _plan(hits, authority=OURS):
    return plan_from_consensus(
        "Q1", "How many cyber-attacks?", build_consensus("Q1", "q", hits, authority=authority)
    )


def test_a_refusal_only_other_authorities_gave_is_left_to_the_officer():
    hits = [
        p("DV1", [NCND], sim=0.95, authority=THEIRS, exemptions=["s31(3)"]),
        p("UHB", [NCND], sim=0.93, authority="University Hospitals Birmingham", exemptions=["s31(3)"]),
        p("KC", [NCND], sim=0.91, authority="Kent County Council", exemptions=["s31(3)"]),
    ]
    plan = _plan(hits)
    c = plan.consensus
    assert c.status == "settled" and c.treatments == (NCND,)  # what precedent says is still shown
    assert c.answered_elsewhere and plan.answered_elsewhere
    assert c.confidence == "low"  # three bodies agreeing is not high confidence for a fourth
    assert plan.needs_decision and not plan.drafted
    assert "Only other authorities' letters" in plan.decision_note and THEIRS in plan.decision_note


def test_a_thin_refusal_from_another_body_is_not_drafted_either():
    plan = _plan([p("DV1", [COST], sim=0.99, authority=THEIRS, exemptions=["s12"])])
    assert plan.status == "thin" and plan.needs_decision and not plan.drafted


def test_the_authoritys_own_refusal_still_decides():
    hits = [
        p("H1", [WH], sim=0.92, authority=OURS, exemptions=["s31(1)(a)"]),
        p("DV1", [WH], sim=0.95, authority=THEIRS, exemptions=["s31(1)(a)"]),
        p("KC", [WH], sim=0.91, authority="Kent County Council", exemptions=["s31(1)(a)"]),
    ]
    plan = _plan(hits)
    assert not plan.answered_elsewhere and plan.drafted and not plan.needs_decision
    assert plan.confidence == "high"


def test_other_bodies_disclosures_and_an_unnamed_authority_are_unchanged():
    disclosed = [p(r, [DIS], sim=0.9, authority=THEIRS) for r in ("A", "B", "C")]
    assert not _plan(disclosed).answered_elsewhere and _plan(disclosed).drafted
    refused = [p(r, [WH], sim=0.9, authority=THEIRS, exemptions=["s40(2)"]) for r in ("A", "B", "C")]
    unnamed = _plan(refused, authority=None)  # no authority named: nothing tells theirs from ours
    assert not unnamed.answered_elsewhere and unnamed.drafted and unnamed.confidence == "high"


def test_not_held_or_a_pointer_from_other_bodies_only_is_left_to_the_officer_too():
    nh = _plan([p(r, [Treatment.NOT_HELD], sim=0.9, authority=THEIRS) for r in ("A", "B", "C")])
    assert nh.answered_elsewhere and not nh.drafted and nh.confidence == "low"
    assert "holds, publishes or must withhold" in nh.decision_note
    pd = [p(r, [Treatment.PUBLIC_DOMAIN], sim=0.9, authority=THEIRS, pointers=["Their grid"]) for r in "AB"]
    pointed = _plan(
        [*pd, p("H1", [Treatment.PUBLIC_DOMAIN], sim=0.85, authority=OURS, pointers=["Our grid"])]
    )
    assert not pointed.answered_elsewhere and pointed.drafted  # one of ours pointed too: ours decides


def test_the_drafts_marker_says_why_and_reads_as_the_other_markers_do():
    from foi_precedent.drafting.letter import decision_marker
    from foi_precedent.letters.parser import parse_draft

    plan = _plan([p(r, [Treatment.NOT_HELD], sim=0.9, authority=THEIRS) for r in ("A", "B", "C")])
    marker = decision_marker(plan)
    assert marker.startswith("[DECISION NEEDED: only other authorities' letters")
    none = decision_marker(_plan([]))

    def read(line: str) -> list[str]:
        letter = parse_draft(
            f"Dear Requester,\n\nQ1 - How many cyber-attacks?\n{line}\n\nYours sincerely\n", "d"
        )
        return [t.value for t in letter.questions[0].treatments]

    assert read(marker) == read(none)  # no word in it reads as a treatment the other markers do not have


def test_a_partly_decided_letter_says_its_decision_covers_only_the_answers_written_in():
    from foi_precedent.drafting.letter import PARTLY_UNDECIDED_LETTER, UNDECIDED_LETTER, decision_lines
    from foi_precedent.drafting.plan import Plan
    from tests.builders import question_plan

    decided = question_plan("Q1")
    left = question_plan("Q2", (), status="none", needs_decision=True, confidence="none")
    assert decision_lines(Plan((decided,)))[-1] != PARTLY_UNDECIDED_LETTER
    assert decision_lines(Plan((decided, left))) == [
        "I have today decided to disclose the information held, as set out below.",
        PARTLY_UNDECIDED_LETTER,
    ]
    assert decision_lines(Plan((left,))) == [UNDECIDED_LETTER]
