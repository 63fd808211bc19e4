"""What counts as evidence of an inconsistency: the same question asked before, not a neighbour on the topic.

Thresholds are MiniLM question similarities (the real index's); the stub index below returns precedents with
the similarity each test sets, so each rule is tested on both sides of its line.
"""

from __future__ import annotations

from datetime import date

from foi_precedent.consistency.checker import check_letter
from foi_precedent.consistency.consensus import FLAG_SIMILARITY, STRONG_SIMILARITY, build_consensus
from foi_precedent.consistency.flags import divergence_flags
from foi_precedent.letters.model import Letter, Pointer, Question, Regime, Treatment
from foi_precedent.letters.precedent import Precedent

MPS = "Metropolitan Police Service"
DIS, PD, WH, COST, VEX = (
    Treatment.DISCLOSED,
    Treatment.PUBLIC_DOMAIN,
    Treatment.WITHHELD,
    Treatment.COST_LIMIT,
    Treatment.VEXATIOUS,
)


def prec(ref, treatments, sim, authority=MPS, exemptions=(), pointers=()):
    return Precedent(
        reference=ref,
        label="Q1",
        authority=authority,
        date=date(2023, 6, 1),
        year=2023,
        question="an earlier question",
        answer="an earlier answer",
        treatments=tuple(treatments),
        exemptions=tuple(exemptions),
        pointers=tuple(Pointer(n) for n in pointers),
        similarity=sim,
    )


def question(treatments, exemptions=(), pointers=(), answer="The answer."):
    return Question(
        "Q1", "How many?", answer, tuple(treatments), tuple(exemptions), tuple(Pointer(n) for n in pointers)
    )


class StubIndex:
    def __init__(self, hits):
        self.hits = hits

    def search_many(self, queries, k=10, authority=None, exclude_references=()):
        return [[h for h in self.hits if not authority or h.authority == authority] for _ in queries]

    def known_pointer_keys(self):
        return {p.key for h in self.hits for p in h.pointers}


def checked(q: Question, hits) -> set[str]:
    letter = Letter(
        reference="NEW-1",
        authority=MPS,
        date=None,
        regime=Regime.FOIA,
        questions=(q,),
        text="Complaint rights: internal review; Information Commissioner.",
        complaint_rights=True,
    )
    return {f.kind for f in check_letter(letter, StubIndex(hits)).flags}


def test_a_refusal_is_flagged_only_against_answers_to_a_similar_enough_question():
    withheld = question([WH], ["s31(1)(a)"], answer="This information is exempt under Section 31(1)(a).")
    near = FLAG_SIMILARITY + 0.05
    assert "treatment_divergence" in checked(withheld, [prec("A", [DIS], near), prec("B", [DIS], near)])
    far = FLAG_SIMILARITY - 0.05  # a neighbour on the topic, which drafting may still learn from
    assert "treatment_divergence" not in checked(withheld, [prec("A", [DIS], far), prec("B", [DIS], far)])
    assert build_consensus("Q1", "q", [prec("A", [DIS], far)]).treatments == (
        DIS,
    )  # drafting's floor is lower


def test_a_cost_or_vexatious_refusal_diverges_only_from_the_authority_s_own_answer_to_the_same_question():
    for refusal in (COST, VEX):
        q = question([refusal], ["s12(1)" if refusal is COST else "s14(1)"])
        related = [prec("A", [DIS], STRONG_SIMILARITY - 0.05), prec("B", [DIS], STRONG_SIMILARITY - 0.06)]
        c = build_consensus("Q1", q.text, related, authority=MPS)
        assert divergence_flags(q, c) == [], refusal  # another request of the kind was answered: says nothing
        same = [prec("A", [DIS], STRONG_SIMILARITY + 0.05), prec("B", [DIS], STRONG_SIMILARITY + 0.04)]
        c = build_consensus("Q1", q.text, same, authority=MPS)
        assert [f.kind for f in divergence_flags(q, c)] == ["treatment_divergence"], refusal
        other = [replace_authority(h, "Kent Police") for h in same]  # another force answered: its own facts
        c = build_consensus("Q1", q.text, other, authority=MPS)
        assert divergence_flags(q, c) == [], refusal


def replace_authority(p: Precedent, authority: str) -> Precedent:
    from dataclasses import replace

    return replace(p, authority=authority)


def test_a_cost_refusal_is_not_told_to_point_where_a_related_answer_pointed():
    q = question([COST], ["s12(1)"])
    related = [
        prec("A", [PD], STRONG_SIMILARITY - 0.05, pointers=["Crime Data Dashboard"]),
        prec("B", [PD], STRONG_SIMILARITY - 0.06, pointers=["Crime Data Dashboard"]),
    ]
    c = build_consensus("Q1", q.text, related, authority=MPS)
    assert c.pointers == (Pointer("Crime Data Dashboard"),)  # what a drafter of a related question would use
    assert divergence_flags(q, c) == []


def test_an_unanswered_question_is_not_compared_with_precedent():
    c = build_consensus(
        "Q1", "q", [prec("A", [PD], 0.95, pointers=["Grid"]), prec("B", [PD], 0.95)], authority=MPS
    )
    assert divergence_flags(question([Treatment.OTHER], answer=""), c) == []
    assert divergence_flags(question([Treatment.OTHER], answer="We will reply shortly."), c)


def test_publishing_what_another_authority_sends_out_is_no_inconsistency():
    published = question(
        [PD], pointers=["Officer Numbers"], answer="This information is published: see Officer Numbers."
    )
    elsewhere = [replace_authority(prec(r, [DIS], 0.9), "Kent Police") for r in ("A", "B")]
    assert divergence_flags(published, build_consensus("Q1", "q", elsewhere, authority=MPS)) == []
    own = [prec(r, [DIS], 0.9) for r in ("A", "B")]  # the authority itself gave the figures before
    assert [f.kind for f in divergence_flags(published, build_consensus("Q1", "q", own, authority=MPS))] == [
        "treatment_divergence"
    ]


def test_a_precedent_with_no_answer_of_its_own_is_quoted_by_the_passage_that_matched():
    # the letter answered on the question's line ('j) Total value of contract - N/A'): the flag still quotes it
    from dataclasses import replace

    from foi_precedent.consistency.flags import _evidence

    bare = replace(prec("L9", [DIS], 0.9), answer="", text="j) Total value of contract (£) – N/A")
    assert _evidence([bare])[0].quote == "j) Total value of contract (£) – N/A"
    assert _evidence([prec("L8", [DIS], 0.9)])[0].quote == "an earlier answer"
