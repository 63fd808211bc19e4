"""Precedent consensus is a pure function over retrieved precedents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from foi_precedent.consistency.consensus import FLAG_CONFIDENCE, GUESSED_WEIGHT, build_consensus
from foi_precedent.letters.model import Pointer, Treatment
from foi_precedent.letters.precedent import Precedent

PD, WH, NCND, NH = Treatment.PUBLIC_DOMAIN, Treatment.WITHHELD, Treatment.NCND, Treatment.NOT_HELD


def p(
    ref,
    treatments,
    year=2023,
    sim=0.9,
    authority="Metropolitan Police Service",
    label="Q1",
    exemptions=(),
    pointers=(),
    confidence=1.0,
):
    return Precedent(
        reference=ref,
        label=label,
        authority=authority,
        date=date(year, 6, 1),
        year=year,
        question="q",
        answer="a",
        treatments=tuple(treatments),
        exemptions=tuple(exemptions),
        pointers=tuple(Pointer(n) for n in pointers),
        similarity=sim,
        confidence=confidence,
    )


def test_majority_treatment_exemptions_and_pointers():
    hits = [
        p("A", [WH], exemptions=["s31(1)(a)"]),
        p("B", [WH], exemptions=["s31(1)(a)", "s40(2)"]),
        p("C", [PD], pointers=["Grid"]),
    ]
    c = build_consensus("Q1", "q", hits, authority="Metropolitan Police Service")
    assert c.treatments == (WH,)
    assert c.exemptions == ("s31(1)(a)",)  # s40(2) is relied on by only half the refusals
    assert [x.reference for x in c.dissenting] == ["C"]
    assert c.status == "settled" and c.support == 3
    assert c.pointers == ()  # only C pointed, and C answered otherwise: a refusal is not told to point there
    pd = build_consensus(
        "Q1",
        "q",
        [
            p("D", [PD], pointers=["Grid"]),
            p("E", [PD], pointers=["Grid", "Policy"]),
            p("F", [WH], pointers=["Other"]),
        ],
        authority="Metropolitan Police Service",
    )
    assert pd.pointers == (Pointer("Grid"),)


def test_pointers_come_from_the_authority_s_own_precedents():
    # two other forces point to their own pages; the MPS's one precedent points to its grid
    hits = [
        p("GMP", [PD], authority="Greater Manchester Police", pointers=["Use of Force Data"]),
        p("WMP", [PD], authority="West Midlands Police", pointers=["Use of Force Data"]),
        p("MPS", [PD], pointers=["Use of Force Dashboard"], sim=0.85),
    ]
    c = build_consensus("Q1", "q", hits, authority="Metropolitan Police Service")
    assert c.pointers == (Pointer("Use of Force Dashboard"),)
    assert c.other_pointers == (Pointer("Use of Force Data"),)
    assert c.to_dict()["other_authorities_pointers"] == ["Use of Force Data"]
    # an authority with no pointing precedent of its own gets no pointer to another force's page
    assert build_consensus("Q1", "q", hits[:2], authority="South Wales Police").pointers == ()
    # no authority known: every precedent counts
    assert build_consensus("Q1", "q", hits).pointers == (Pointer("Use of Force Data"),)


def test_foisa_section_numbers_are_not_compared_with_foia_ones():
    foisa = [
        replace(p(f"S{i}", [WH], authority="Police Scotland", exemptions=["s38(1)(b)"]), regime="FOISA")
        for i in range(2)
    ]
    foia = [p("F", [WH], exemptions=["s40(2)"])]
    assert build_consensus("Q1", "q", foisa + foia, regime="FOIA").exemptions == ("s40(2)",)
    assert build_consensus("Q1", "q", foisa + foia, regime="FOISA").exemptions == ("s38(1)(b)",)
    assert build_consensus("Q1", "q", foisa, regime="FOIA").exemptions == ()


def test_the_letter_itself_never_counts_and_one_letter_counts_once():
    hits = [p("SELF", [NCND], sim=1.0), p("A", [PD], label="Q1", sim=0.9), p("A", [WH], label="Q2", sim=0.8)]
    c = build_consensus("Q1", "q", hits, exclude_references={"SELF"})
    assert [(w.precedent.reference, w.precedent.label) for w in c.counted] == [("A", "Q1")]
    assert c.status == "thin"


def test_recent_and_same_authority_weigh_more():
    old = [p("OLD1", [PD], year=2019), p("OLD2", [PD], year=2019)]
    new = [p("NEW", [WH], year=2025)]
    c = build_consensus("Q1", "q", old + new)
    assert c.treatments == (WH,)  # 0.85**6 * 2 < 1
    other = [p(f"X{i}", [PD], authority="Other Police") for i in range(2)]
    mine = [p("M", [WH], authority="Metropolitan Police Service")]
    assert build_consensus("Q1", "q", other + mine, authority="Metropolitan Police Service").treatments == (
        WH,
    )
    assert build_consensus("Q1", "q", other + mine, authority="Other Police").treatments == (PD,)


def test_dissimilar_hits_are_not_precedent():
    c = build_consensus("Q1", "q", [p("A", [PD], sim=0.3), p("B", [WH], sim=0.45)])
    assert c.status == "none" and c.treatments == () and c.confidence == "none"
    c = build_consensus("Q1", "q", [p("A", [PD], sim=0.95), p("B", [WH], sim=0.6)])
    assert [w.precedent.reference for w in c.counted] == ["A"]  # B is far below the best match


def test_split_precedent_and_exemptions_only_when_the_majority_refused():
    c = build_consensus(
        "Q1", "q", [p("A", [PD], sim=0.95), p("B", [WH], exemptions=["s31(1)(a)"]), p("C", [NH])]
    )
    assert c.status == "split" and c.confidence == "low"
    assert c.exemptions == ()


def test_strong_single_precedent():
    c = build_consensus("Q1", "q", [p("A", [PD], sim=0.95)], authority="Metropolitan Police Service")
    assert c.strong_single and c.confidence == "high"
    assert not build_consensus("Q1", "q", [p("A", [PD], sim=0.95)]).strong_single


def test_a_hit_becomes_a_precedent_the_same_way_for_search_and_recheck():
    from foi_precedent.letters.parser import parse_file
    from foi_precedent.letters.precedent import clamp_similarity
    from tests.conftest import SEED_036325

    letter = parse_file(SEED_036325)
    label = letter.questions[0].label
    common = {"score": 0.03, "text": "chunk", "chunk_id": "c1", "dense_rank": 1, "lexical_rank": None}
    by_question = Precedent.from_hit(letter, label, chunk_similarity=0.4, question_similarity=0.9, **common)
    assert (by_question.similarity, by_question.meta["chunk_similarity"]) == (0.9, 0.4)
    by_chunk = Precedent.from_hit(letter, label, chunk_similarity=1.2, question_similarity=None, **common)
    assert by_chunk.similarity == 1.0  # clamped; the question's own vector was unknown
    assert by_chunk.treatments == letter.questions[0].treatments
    assert Precedent.from_hit(letter, "Q99", chunk_similarity=0.5, question_similarity=0.5, **common) is None
    assert clamp_similarity(float("nan")) == 0.0 and clamp_similarity(-0.2) == 0.0


def test_a_past_question_with_no_visible_answer_is_not_precedent():
    cut_off = replace(p("CUT", [Treatment.OTHER], sim=0.95), answer="")
    c = build_consensus("Q1", "q", [cut_off, p("A", [PD], sim=0.9)])
    assert [w.precedent.reference for w in c.counted] == ["A"]
    # an answer read as "other" (a clarification asked, a request redirected) is still how it was treated
    redirected = replace(p("RED", [Treatment.OTHER], sim=0.95), answer="Please contact the Home Office.")
    assert "RED" in [w.precedent.reference for w in build_consensus("Q1", "q", [redirected]).counted]


GUESS = 0.4  # how the reader marks a guessed treatment (below FLAG_CONFIDENCE: marked for review)


def test_a_guessed_reading_weighs_less_and_confident_precedents_decide():
    confident = [p(f"W{i}", [WH], exemptions=["s31(1)(a)"]) for i in range(2)]
    guessed = [p(f"G{i}", [PD], confidence=GUESS) for i in range(3)]
    c = build_consensus("Q1", "q", confident + guessed)
    assert c.treatments == (WH,) and c.exemptions == ("s31(1)(a)",)  # 2 x 1 outweighs 3 x GUESSED_WEIGHT
    weights = {w.precedent.reference: w.weight for w in c.counted}
    assert weights["G0"] == weights["W0"] * GUESSED_WEIGHT
    assert [x.reference for x in c.guessed] == ["G0", "G1", "G2"] and not c.rests_on_guesses
    # a reading at the flag threshold is not a guess
    assert build_consensus("Q1", "q", [p("A", [PD], confidence=FLAG_CONFIDENCE)]).guessed == []


def test_guesses_that_agree_are_still_guesses():
    c = build_consensus("Q1", "q", [p(f"G{i}", [PD], confidence=GUESS) for i in range(3)])
    assert c.treatments == (PD,) and c.status == "settled"
    assert c.rests_on_guesses and c.confidence == "low"  # three confident readings would be "high"
