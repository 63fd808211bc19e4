"""The second-reading agreement script computes what it says, on a tiny synthetic pair of readings."""

from __future__ import annotations

import pytest

from evals.real_letters.second_read.agreement import align, cohen_kappa, compare, label_key, table


def q(
    starts: str, treatments: list[str], exemptions: list[str] | None = None, label: str | None = None
) -> dict:
    return {
        "label": label,
        "starts": starts,
        "treatments": treatments,
        "exemptions": exemptions or [],
        "ncnd": [],
        "pointers": [],
        "other_reason": None,
        "evidence": None,
    }


def letter(lid: str, questions: list[dict], exemptions: list[str] | None, **flags: bool | None) -> dict:
    base = {
        "refusal_notice": None,
        "public_interest_test": None,
        "harm_statement": None,
        "complaint_rights": None,
    }
    return {"id": lid, "questions": questions, "letter": {"exemptions": exemptions, **base, **flags}}


FIRST = {
    "a": letter(
        "a",
        [
            q("How many officers", ["disclosed"], label="1."),
            q("Names of officers", ["withheld"], ["s40(2)"], label="2."),
        ],
        ["s40(2)"],
        refusal_notice=True,
        public_interest_test=True,
    ),
    "b": letter("b", [q("How many drones were bought", ["not_held"])], [], refusal_notice=False),
}
SECOND = [
    letter(
        "a",
        [
            q("How many officers", ["disclosed"], label="1."),
            q("Names of officers", ["partly_disclosed"], ["s40(2)", "s31(1)(a)"], label="2."),
        ],
        ["s40(2)", "s31(1)(a)"],
        refusal_notice=True,
        public_interest_test=None,
    ),
    letter(
        "b",
        [q("How many drones were bought", ["not_held"]), q("What did they cost", ["disclosed"])],
        [],
        refusal_notice=False,
    ),
]


def test_counts_treatments_exemptions_flags():
    r = compare(FIRST, SECOND)
    assert r["letters"] == 2 and r["missing"] == []
    assert r["count_agree"] == 1 and r["count_agreement"] == 0.5
    # count-agreeing letter a: two pairs with answers, one agrees
    assert (r["pos_agree"], r["pos_pairs_visible"]) == (1, 2)
    # overall: a's two pairs, b's paired not_held (agrees) and b's extra second question (no partner: disagrees)
    assert (r["all_agree"], r["all_items"]) == (2, 4)
    assert [d["second"] for d in r["treatment_diffs"]] == ["partly_disclosed", "disclosed"]
    assert r["treatment_diffs"][1]["first"] == "(no question)"
    # letter exemptions: second adds s31(1)(a) to a: tp 1, fp 1, fn 0; b identical (both empty)
    assert (r["ex_tp"], r["ex_fp"], r["ex_fn"]) == (1, 1, 0)
    assert r["exemption_precision"] == 0.5 and r["exemption_recall"] == 1.0
    assert r["exemption_precision_mean"] == 0.75 and r["exemption_recall_mean"] == 1.0
    assert r["ex_exact"] == 1
    # flags: refusal notice compared on both letters; the PIT only one-sided (second says null)
    assert r["flags"]["refusal_notice"] == {"both": 2, "agree": 2, "one_null": 0, "agreement": 1.0}
    assert r["flags"]["public_interest_test"]["both"] == 0
    assert r["flags"]["public_interest_test"]["one_null"] == 1
    # kappa over a's pairs: observed 1/2, chance (1*1)/4 -> (0.5 - 0.25) / 0.75
    assert r["kappa"] == pytest.approx(1 / 3)
    assert "question count agrees" in table(r) and "1/2 = 50.0%" in table(r)


def test_null_letter_exemptions_are_not_scored_but_listed():
    first = {"c": letter("c", [q("Copies of the report", ["withheld"], ["s22"])], None)}
    second = [letter("c", [q("Copies of the report", ["withheld"], ["s22"])], ["s22"])]
    r = compare(first, second)
    assert r["ex_letters"] == 0 and r["ex_one_null"] == 1
    assert r["exemption_diffs"] == [{"id": "c", "first": None, "second": ["s22"]}]
    assert r["treatment_agreement_count_agrees"] == 1.0


def test_cohen_kappa_textbook():
    assert cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"]) == pytest.approx(0.5)
    assert cohen_kappa(["x", "x"], ["x", "x"]) is None  # chance agreement 1: undefined
    assert cohen_kappa([], []) is None


def test_align_in_order_by_label_or_opening_words():
    first = [
        q("Lead question about totals", []),
        q("The number of women", [], label="1)"),
        q("The total cost", [], label="2)"),
    ]
    second = [q("The number of women", [], label="1)"), q("The total cost", [], label="2)")]
    assert align(first, second) == [(0, None), (1, 0), (2, 1)]
    assert label_key("Q2.") == "2" and label_key("a.") == "a" and label_key("Part One") == "one"
