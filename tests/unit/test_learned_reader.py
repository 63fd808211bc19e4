"""The learned treatment reader: its model is data trained on no held-back letter, and its second opinion marks a
confident reading it reads otherwise for review without changing the reading; a draft is read without it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from evals.holdout import is_held_back
from evals.real_letters.suite import load_labels
from foi_precedent.letters import learned
from foi_precedent.letters.parser import parse_draft, parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

LETTER = "Request\n1. How many depots do you run?\nResponse\n1. We do not hold this information.\n"


def only(q) -> set[str]:
    return {t.value for t in q.treatments}


@pytest.fixture
def reads(monkeypatch):
    """The learned reader stubbed to read every passage as ``reading``."""

    def use(reading: dict[str, float]):
        monkeypatch.setattr(learned, "reading", lambda text: reading if learned.enabled() else None)

    return use


def test_the_shipped_model_was_trained_on_no_held_back_letter_and_on_every_tuning_one():
    meta = json.loads(learned.MODEL_PATH.with_suffix(".json").read_text("utf-8"))
    trained = {i for i in meta["trained_on"] if not i.startswith("corpus:")}
    tuning = {
        label["id"]
        for label in load_labels()
        if not is_held_back(label["id"])
        and any(q.get("evidence") and q.get("treatments") for q in label["questions"])
    }
    assert not any(is_held_back(i) for i in trained)
    # retrain (scripts/train_treatment_model.py) when labels are added: the model is trained on the tuning part now
    assert trained == tuning


def test_training_is_deterministic_and_the_model_round_trips(tmp_path):
    from train_treatment_model import examples, train

    rows = examples(only=frozenset({"police"}))
    a, b = train(rows), train(rows)
    a.save(tmp_path / "m.npz", {"trained_on": []})
    loaded = learned.TreatmentModel.load(tmp_path / "m.npz")
    texts = [r["text"] for r in rows[:20]]
    assert np.allclose(a.probabilities(texts), b.probabilities(texts))
    assert np.allclose(a.probabilities(texts), loaded.probabilities(texts), atol=1e-5)
    assert loaded.classes == a.classes


def test_the_shipped_model_reads_plain_wording_of_each_kind():
    m = learned.model()
    assert set(m.read("We do not hold this information.")) == {"not_held"}
    assert set(
        m.read("To comply with this request would exceed the appropriate cost limit under section 12.")
    ) == {"cost_limit"}
    assert "ncnd" in m.read(
        "The force can neither confirm nor deny that it holds this information by virtue of s23(5)."
    )


def test_the_shipped_corpus_reads_with_no_reading_disputed():
    # the shipped corpus (the seeds are real letters) is trained on: its readings are the ground truth's
    disputed = [
        (path.name, q.label)
        for path in sorted((ROOT / "corpus").glob("*/*.md"))
        if path.parent.name in ("letters", "seeds")
        for q in parse_file(path).questions
        if (q.review or "").startswith("the learned reader")
    ]
    assert disputed == []


def test_a_confident_reading_the_learned_reader_reads_otherwise_is_marked_for_review_and_stands(reads):
    reads({"disclosed": 0.8})
    q = parse_text(LETTER).questions[0]
    assert only(q) == {"not_held"}
    assert q.confidence < 0.75 and q.review == "the learned reader reads disclosed: check it"


def test_a_reading_the_learned_reader_shares_keeps_its_confidence(reads):
    reads({"not_held": 0.9})
    q = parse_text(LETTER).questions[0]
    assert only(q) == {"not_held"} and q.confidence == 0.9 and q.review is None


def test_a_reading_already_below_the_flag_line_is_not_disputed(reads):
    reads({"not_held": 0.9})  # the rules found no wording: a reading for review already, left as it is
    q = parse_text("Request\n1. How many depots do you run?\nResponse\n1. Blue\n").questions[0]
    assert q.review and not q.review.startswith("the learned reader")


def test_off_and_the_setting_read_with_the_rules_alone(reads, monkeypatch):
    reads({"disclosed": 0.8})
    with learned.off():
        assert parse_text(LETTER).questions[0].review is None
    assert parse_text(LETTER).questions[0].review  # (back on outside)
    monkeypatch.setenv("PRECEDENT_LEARNED_READER", "0")
    assert parse_text(LETTER).questions[0].review is None


def test_a_draft_the_product_wrote_is_read_without_the_learned_reader(monkeypatch):
    def refuse(text):
        raise AssertionError("a draft was read by the learned reader")

    monkeypatch.setattr(learned, "_read", lambda model, text: refuse(text))
    q = parse_draft(LETTER, source="model draft").questions[0]
    assert only(q) == {"not_held"} and q.confidence == 0.9
    with pytest.raises(AssertionError):
        parse_text(LETTER)
