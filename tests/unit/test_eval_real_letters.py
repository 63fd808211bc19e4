"""The real-letters suite's scoring: alignment and per-letter counts can fail, and held-back letters keep no
details."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.holdout import is_held_back
from evals.real_letters import suite
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.parser import parse_text
from tests.builders import DISMISSALS

LETTER = DISMISSALS


def label(**over):
    base = {
        "id": "x",
        "file": "x.txt",
        "decision_visible": True,
        "questions": [
            {
                "label": "1.",
                "starts": "How many officers were dismissed",
                "treatments": ["disclosed"],
                "exemptions": [],
            },
            {
                "label": "2.",
                "starts": "Names of the officers dismissed",
                "treatments": ["withheld"],
                "exemptions": ["s40(2)"],
            },
        ],
        "letter": {
            "exemptions": ["s40(2)"],
            "refusal_notice": True,
            "public_interest_test": None,
            "harm_statement": False,
            "complaint_rights": None,
        },
    }
    base.update(over)
    return base


def test_a_letter_read_as_labelled_scores_full_marks():
    s = suite.score_letter(label(), parse_text(LETTER))["scores"]
    assert s["count_exact"] and not s["refused"]
    assert (s["treatment_agree"], s["treatment_questions"]) == (2, 2)
    assert (s["ex_tp"], s["ex_fp"], s["ex_fn"]) == (1, 0, 0)
    assert s["flags"] == {"refusal_notice": True, "harm_statement": True}  # null labels are not judged


def test_a_wrong_treatment_and_a_missed_exemption_count_against():
    wrong = label(
        questions=[
            {
                "label": "1.",
                "starts": "How many officers were dismissed",
                "treatments": ["not_held"],
                "exemptions": [],
            },
            {
                "label": "2.",
                "starts": "Names of the officers dismissed",
                "treatments": ["withheld"],
                "exemptions": ["s40(2)", "s31(1)(a)"],
            },
        ]
    )
    s = suite.score_letter(wrong, parse_text(LETTER))["scores"]
    assert (s["treatment_agree"], s["treatment_questions"]) == (1, 2)
    assert s["treatment_found"] == 2  # both found, one read wrong: a reading miss, not a finding miss
    # per treatment: the labelled questions with it, and those the reader read with it
    assert s["by_treatment"]["not_held"][0] == 1 and s["by_treatment"]["withheld"][0] == 1
    m = suite.metrics([{"scores": s}])
    assert m["recall_not_held"] + m["recall_withheld"] == 1.0 and m["recall_ncnd"] is None
    assert s["ex_fn"] == 1


def test_a_refused_letter_with_a_decision_counts_as_refused():
    s = suite.score_letter(label(), None, "no recognisable questions")["scores"]
    assert s["refused"] and s["treatment_agree"] == 0 and not s["count_exact"]
    assert s["treatment_found"] == 0
    assert not suite.score_letter(label(decision_visible=False), None, "x")["scores"]["refused"]


def test_a_letter_read_with_no_decision_is_counted_apart_not_as_refused():
    covering = parse_text(
        "Dear Sir\nThank you for your Freedom of Information request about officers dismissed in 2023.\n"
        "Our reply is in the document that comes with this message.\nYours faithfully\n"
    )
    s = suite.score_letter(label(), covering)["scores"]
    assert not s["refused"] and s["no_decision"]
    assert s["treatment_agree"] == 0  # read `other`: counted against, as a refusal is
    m = suite.metrics([{"scores": s}, {"scores": suite.score_letter(label(), parse_text(LETTER))["scores"]}])
    assert (m["letters_refused"], m["letters_no_decision"]) == (0, 1)


def test_alignment_by_label_then_opening_words():
    expected = [{"label": None, "starts": "Names of the officers"}, {"label": "1.", "starts": "How many"}]
    got = [
        {"label": "1", "text": "How many officers were dismissed?"},
        {"label": "2", "text": "Names of the officers."},
    ]
    assert suite.align(expected, got) == [1, 0]
    assert suite.align([{"label": None, "starts": "Something else entirely"}], got[:1] + got[1:]) == [None]


def test_held_back_letters_keep_only_their_scores(tmp_path: Path, monkeypatch):
    ids = ["letter-a", "letter-b", "letter-c", "letter-d", "letter-e", "letter-f", "letter-g", "letter-h"]
    held = [i for i in ids if is_held_back(i)]
    assert held and len(held) < len(ids)  # the rule holds some back, not all
    (tmp_path / "x.txt").write_text(LETTER, encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "t.yaml").write_text(yaml.safe_dump([label(id=i, file="x.txt") for i in ids]), encoding="utf-8")
    monkeypatch.setattr(suite, "ROOT", tmp_path)
    results = suite.run(labels)
    for case in results["cases"]:
        assert ("details" in case) != case["held_back"]
    assert results["metrics"]["held_back"]["letters"] == len(held)
    assert results["metrics"]["all"]["treatment_agreement"] == 1.0


def test_a_pointer_labelled_by_its_url_is_found_by_its_url():
    text = (
        "Request\n1. Where are your FOI statistics?\nResponse\n1. They are published on our website: "
        "https://example.gov.uk/foi-statistics\n"
    )
    lab = label(
        questions=[
            {
                "label": "1.",
                "starts": "Where are your FOI statistics",
                "treatments": ["public_domain"],
                "pointers": ["https://example.gov.uk/foi-statistics"],
            }
        ],
        letter={},
    )
    s = suite.score_letter(lab, parse_text(text))["scores"]
    assert (s["pointers_found"], s["pointers_expected"]) == (1, 1)
    missing = {**lab, "questions": [{**lab["questions"][0], "pointers": ["https://example.gov.uk/other"]}]}
    assert suite.score_letter(missing, parse_text(text))["scores"]["pointers_found"] == 0


def test_the_tuning_part_never_reads_a_held_back_letter(tmp_path: Path, monkeypatch):
    ids = ["letter-a", "letter-b", "letter-c", "letter-d", "letter-e", "letter-f", "letter-g", "letter-h"]
    labels = tmp_path / "labels"
    labels.mkdir()
    for i in ids:
        (tmp_path / f"{i}.txt").write_text(LETTER, encoding="utf-8")
    (labels / "first.yaml").write_text(
        yaml.safe_dump([label(id=i, file=f"{i}.txt") for i in ids[:6]]), encoding="utf-8"
    )
    (labels / "second.yaml").write_text(
        yaml.safe_dump([label(id=i, file=f"{i}.txt") for i in ids[6:]]), encoding="utf-8"
    )
    monkeypatch.setattr(suite, "ROOT", tmp_path)
    read: list[str] = []
    real_read = suite.read_letter
    monkeypatch.setattr(
        suite, "read_letter", lambda path, model=None: read.append(path.stem) or real_read(path, model)
    )

    tuning = suite.run(labels, part="tuning")
    assert read and not any(is_held_back(i) for i in read)
    assert sorted(c["id"] for c in tuning["cases"]) == sorted(i for i in ids if not is_held_back(i))
    assert suite.table(tuning, "tuning").splitlines()[0].split() == ["tuning"]

    held = suite.run(labels, part="held-back")
    assert held["cases"] and all(c["held_back"] for c in held["cases"])
    assert "held back" in suite.table(held, "held-back").splitlines()[0]

    second = suite.run(labels, batches=["second"])
    assert sorted(c["id"] for c in second["cases"]) == ids[6:]
    with pytest.raises(PrecedentError, match="no batch third"):
        suite.run(labels, batches=["third"])


def test_treatment_agreement_splits_into_finding_and_reading():
    def scores(questions, found, agree):
        return {
            "scores": {
                "refused": False,
                "count_exact": True,
                "questions_expected": questions,
                "treatment_questions": questions,
                "treatment_found": found,
                "treatment_agree": agree,
                "ex_tp": 0,
                "ex_fp": 0,
                "ex_fn": 0,
                "lx_tp": 0,
                "lx_fp": 0,
                "lx_fn": 0,
                "pointers_expected": 0,
                "pointers_found": 0,
                "marked_for_review": 0,
                "flags": {},
            }
        }

    m = suite.metrics([scores(4, 4, 3), scores(4, 2, 1)])
    assert m["treatment_agreement"] == 0.5
    assert m["answered_questions_found"] == 0.75
    assert m["treatment_agreement_found"] == round(4 / 6, 4)


def test_confident_readings_and_their_agreement_are_counted_apart():
    from foi_precedent.letters import learned

    with learned.off():
        letter = parse_text(LETTER)
    wrong = label(questions=[dict(label()["questions"][0], treatments=["not_held"]), label()["questions"][1]])
    s = suite.score_letter(wrong, letter)["scores"]
    assert (s["confident"], s["confident_agree"]) == (2, 1)
    m = suite.metrics([{"scores": s}])
    assert m["confident_readings"] == 2 and m["confident_agreement"] == 0.5


def test_exemptions_on_a_question_whose_answer_is_not_visible_count_apart():
    # the second question's answer is cut off in the stored copy (no labelled treatment): the s40(2) the reader finds
    # there counts against question-level precision, but not against precision on answered questions
    unseen = label()
    unseen["questions"][1] = {**unseen["questions"][1], "treatments": [], "exemptions": []}
    s = suite.score_letter(unseen, parse_text(LETTER))["scores"]
    assert (s["ex_tp"], s["ex_fp"]) == (0, 1)
    assert (s["exa_tp"], s["exa_fp"], s["exa_fn"]) == (0, 0, 0)
    seen = suite.score_letter(label(), parse_text(LETTER))["scores"]
    assert (seen["exa_tp"], seen["exa_fp"], seen["exa_fn"]) == (1, 0, 0)
    m = suite.metrics([{"scores": s}, {"scores": seen}])
    assert m["exemption_precision"] == 0.5 and m["exemption_precision_answered"] == 1.0
    # results saved before the answered counts existed still load: no ratio for them
    old = {k: v for k, v in s.items() if not k.startswith("exa_")}
    assert suite.metrics([{"scores": old}])["exemption_precision_answered"] is None


def test_the_headline_rates_carry_their_interval():
    right = suite.score_letter(label(), parse_text(LETTER))["scores"]
    wrong = suite.score_letter(
        label(), parse_text(LETTER.replace("12 officers were dismissed.", "We do not hold this information."))
    )
    m = suite.metrics([{"scores": right}] * 6 + [{"scores": wrong["scores"]}] * 2)
    low, high = m["treatment_agreement_interval"]
    assert low < m["treatment_agreement"] < high and m["treatment_agreement"] == 14 / 16
    assert m["treatment_agreement_margin"] == round((high - low) / 2, 4) > 0
    assert m["question_count_exact_interval"] == [1.0, 1.0]  # every letter's count exact: no width


def test_the_regime_read_is_scored_against_the_labelled_one():
    letter = parse_text(LETTER)
    right = suite.score_letter(label(regime=letter.regime.value), letter)
    wrong = suite.score_letter(label(regime="EISR"), letter)
    unlabelled = suite.score_letter(label(), letter)["scores"]
    assert right["scores"]["regime_agree"] and "regime" not in right["details"]
    assert wrong["scores"]["regime_agree"] is False
    assert wrong["details"]["regime"] == {"expected": "EISR", "got": letter.regime.value}
    assert "regime_agree" not in unlabelled  # a reading's own labels may hold no regime: not scored
    m = suite.metrics([{"scores": right["scores"]}, {"scores": wrong["scores"]}, {"scores": unlabelled}])
    assert m["regime_agreement"] == 0.5
