"""Reading corrections, the domain (``foi_precedent.corrections``): validation with the product's vocabulary,
the latest correction in force, the review cleared and the corrector kept, orphans reported and not applied."""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.corrections import (
    CORRECTED,
    Correction,
    CorrectionError,
    apply_corrections,
    correction_note,
    in_force,
    make_correction,
    may_correct,
    orphaned,
)
from foi_precedent.identity import DRAFTER, REVIEWER
from foi_precedent.letters.model import Letter, Pointer, Question, Regime, Treatment


def _letter() -> Letter:
    return Letter(
        reference="FOI-1",
        authority="Exampleshire Police",
        date=date(2023, 5, 4),
        regime=Regime.FOIA,
        questions=(
            Question(
                "Q1",
                "How many drones?",
                "The force owns 4 drones.",
                (Treatment.DISCLOSED,),
                confidence=0.9,
            ),
            Question(
                "Q2",
                "Where were they flown?",
                "Information about deployments is exempt under section 31.",
                (Treatment.OTHER,),
                confidence=0.3,
                review="no answer found",
                pointers=(Pointer("Drone policy"),),
            ),
        ),
        text="...",
    )


def _correction(label="Q2", at="2026-12-06T08:00:00+00:00", treatments="withheld", **kw) -> Correction:
    fields = {"exemptions": "s31(1)(a)", "officer": "alice", "reason": "the letter withholds locations"}
    fields.update(kw)
    return make_correction("FOI-1", label, treatments=treatments, at=at, **fields)


def test_a_correction_replaces_the_reading_and_clears_the_review():
    corrected = apply_corrections(_letter(), [_correction()])
    q = corrected.question("Q2")
    assert q.treatments == (Treatment.WITHHELD,)
    assert q.exemptions == ("s31(1)(a)",)
    assert q.review is None and q.confidence == 1.0
    assert q.pointers == (Pointer("Drone policy"),)  # pointers not given: the reading's stand
    assert not corrected.needs_review
    note = correction_note(corrected, "Q2")
    assert note["officer"] == "alice" and note["reason"] == "the letter withholds locations"
    assert note["original"]["treatments"] == ["other"] and note["original"]["review"] == "no answer found"
    assert correction_note(corrected, "Q1") is None
    assert corrected.question("Q1") == _letter().question("Q1")


def test_the_latest_correction_per_question_is_in_force():
    first = _correction(at="2026-12-06T08:00:00+00:00", treatments="withheld")
    later = _correction(at="2026-12-06T09:00:00+00:00", treatments="ncnd", exemptions="", ncnd="s31(3)")
    for order in ([first, later], [later, first]):
        q = apply_corrections(_letter(), order).question("Q2")
        assert q.treatments == (Treatment.NCND,) and q.ncnd == ("s31(3)",) and q.exemptions == ()
    assert in_force([first, later])[("FOI-1", "Q2")] is later


def test_equal_times_fall_back_to_the_order_stored():
    a = Correction("FOI-1", "Q2", (Treatment.WITHHELD,), officer="a", at="t", reason="r", id=2)
    b = Correction("FOI-1", "Q2", (Treatment.DISCLOSED,), officer="b", at="t", reason="r", id=1)
    assert in_force([a, b])[("FOI-1", "Q2")] is a


def test_an_orphaned_correction_is_reported_not_applied():
    orphan = _correction(label="Q7")
    corrected = apply_corrections(_letter(), [orphan])
    assert corrected.questions == _letter().questions
    assert [c.label for c in orphaned(corrected)] == ["Q7"]
    assert CORRECTED not in corrected.meta


def test_corrections_of_other_letters_change_nothing():
    other = make_correction(
        "FOI-2", "Q2", treatments="withheld", officer="a", at="t", reason="another letter"
    )
    letter = _letter()
    assert apply_corrections(letter, [other]) is letter


def test_treatments_and_exemptions_use_the_products_vocabulary():
    c = _correction(treatments="Withheld, partly disclosed", exemptions="Section 31(1)(a)&(b), 40(2)")
    assert c.treatments == (Treatment.PARTLY_DISCLOSED, Treatment.WITHHELD)
    assert c.exemptions == ("s31(1)(a)", "s31(1)(b)", "s40(2)")
    with pytest.raises(CorrectionError, match="'refused' is not a treatment"):
        _correction(treatments="refused")
    with pytest.raises(CorrectionError, match="at least one treatment"):
        _correction(treatments="")
    with pytest.raises(CorrectionError, match="'secret' is not an exemption"):
        _correction(exemptions="secret")
    with pytest.raises(CorrectionError, match="NCND provision"):
        _correction(ncnd="maybe")
    with pytest.raises(CorrectionError, match="needs a reason"):
        _correction(reason="  ")


def test_a_correction_round_trips_through_its_dict():
    c = _correction(pointers=[Pointer("Drone log", "https://example.org/log")])
    assert Correction.from_dict(c.to_dict()) == c


def test_only_drafters_and_reviewers_may_correct():
    may_correct("alice", {DRAFTER})
    may_correct("carol", {REVIEWER})
    with pytest.raises(CorrectionError, match="only a drafter or a reviewer"):
        may_correct("mallory", set())


def test_front_matter_cannot_claim_a_correction():
    import dataclasses

    claimed = dataclasses.replace(_letter(), meta={CORRECTED: {"Q2": {"officer": "mallory"}}})
    assert correction_note(apply_corrections(claimed, []), "Q2") is None
