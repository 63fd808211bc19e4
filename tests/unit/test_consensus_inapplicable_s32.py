"""An answer that only says the question does not apply ("N/A", "2. - 7. N/A": the council uses no body-worn cameras)
is a fact about its authority, like "not held": it is no precedent for how an authority that has the thing treats
it, and a letter that says it is not compared with one that withheld a count (stop 32's re-check: Moray's "N/A"
flagged against PSNI's s31 refusal, both ways)."""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.consistency.consensus import answered, build_consensus, inapplicable
from foi_precedent.consistency.flags import divergence_flags
from foi_precedent.letters.model import Question, Treatment
from foi_precedent.letters.precedent import Precedent


@pytest.mark.parametrize(
    "answer",
    ["N/A", "2. - 7. N/A", "- 7. N/A", "Not applicable.", "N/A - no robotics used within the Trust."],
)
def test_answers_that_say_the_question_does_not_apply(answer):
    assert inapplicable(answer)


@pytest.mark.parametrize(
    "answer",
    ["N/A 2019: 5", "The figure is 12; N/A for 2018", "We hold no such information.", "NA", "Nil", ""],
)
def test_answers_that_say_something_else(answer):
    assert not inapplicable(answer)


def precedent(ref, authority, answer, treatments, exemptions=()):
    return Precedent(
        reference=ref,
        label="2",
        authority=authority,
        date=date(2024, 1, 1),
        year=2024,
        question="How many body worn cameras does your force use?",
        answer=answer,
        treatments=treatments,
        exemptions=exemptions,
        pointers=(),
        similarity=0.9,
    )


def test_an_inapplicable_answer_is_no_precedent():
    na = precedent("MORAY-1", "Moray Council", "2. - 7. N/A", (Treatment.DISCLOSED,))
    assert not answered(na)
    withheld = precedent("PSNI-1", "PSNI", "Exempt under s31.", (Treatment.WITHHELD,), ("s31(1)(a)",))
    c = build_consensus("2", "How many body worn cameras?", [na, withheld], authority="Police Scotland")
    assert [w.precedent.reference for w in c.counted] == ["PSNI-1"]


def test_a_letter_that_says_the_question_does_not_apply_is_not_compared():
    withheld = precedent("PSNI-1", "PSNI", "Exempt under s31.", (Treatment.WITHHELD,), ("s31(1)(a)",))
    c = build_consensus("2", "How many body worn cameras?", [withheld], authority="Moray Council")
    na = Question(
        label="2", text="How many body worn cameras?", answer="N/A", treatments=(Treatment.DISCLOSED,)
    )
    assert divergence_flags(na, c) == []
    # the same count given is compared, and flagged
    given = Question(
        label="2", text="How many body worn cameras?", answer="We use 40.", treatments=(Treatment.DISCLOSED,)
    )
    assert [f.kind for f in divergence_flags(given, c)] == ["treatment_divergence"]
