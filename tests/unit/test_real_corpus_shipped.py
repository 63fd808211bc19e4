"""corpus/real: the real letters the product ships are the development set's tuning part as found, never a held-back
letter, and their reviewed readings are the labels (``evals/real_letters/shipped.py``), in step with them."""

from __future__ import annotations

import json

from evals.holdout import is_held_back
from evals.real_letters import shipped
from foi_precedent import reviewed
from tests.conftest import CORPUS

REAL = CORPUS / "real"


def test_corpus_real_is_what_the_labels_make_it():
    # a relabel, a batch moved in or a letter added: run scripts/build_real_corpus.py
    assert shipped.check() == []


def test_no_held_back_letter_ships():
    letters = [p for p in REAL.glob("*.txt")]
    assert len(letters) > 400 and not [p.stem for p in letters if is_held_back(p.stem)]


def test_the_reviewed_readings_load_and_name_shipped_letters():
    letters = reviewed.load(REAL / "reviewed.jsonl")
    assert len(letters) > 400 and all(r.file.is_file() and r.file.parent == REAL.resolve() for r in letters)
    assert all(q.text for r in letters for q in r.questions)


def test_a_question_s_text_runs_from_its_first_words_to_the_next_question():
    text = "Your request:\n1. How many drones do you own? 2. What did they cost in 2023?\n\nOur response: ..."
    first = shipped.find_start(text, "How many drones")
    second = shipped.find_start(text, "What did they  cost", first + 1)
    assert shipped.question_text(text, first, second) == "How many drones do you own?"
    assert shipped.question_text(text, second, None) == "What did they cost in 2023?"


def test_provisions_the_product_does_not_know_are_left_out_of_the_reviewed_reading():
    label = {
        "id": "x",
        "questions": [
            {"starts": "How many", "treatments": ["withheld"], "exemptions": ["reg12(3)", "reg13(1)"]}
        ],
    }
    entry = shipped.reviewed_entry(label, "How many complaints were made?")
    assert entry is not None and entry["questions"][0]["exemptions"] == ["reg13(1)"]
    assert json.loads(json.dumps(entry))["questions"][0]["text"] == "How many complaints were made?"
