"""The evidence locator: for a question the rules tie no answer and the letter writes nothing beside, the sentence
of the letter likeliest to be its evidence, read by the learned reader below the flag line. Its weights are data
trained on no held-back letter; it never reaches a question with an answer of its own, a withholding it does not
name, a sentence naming only other questions, or a heading."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from evals.holdout import is_held_back
from evals.real_letters.suite import load_labels
from foi_precedent.letters import learned, locator, parser
from foi_precedent.letters.answers import LOCATED_BY_LEARNED, TAKEN_FROM_LEARNED
from foi_precedent.letters.model import CONFIDENT
from foi_precedent.letters.parser import parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

# Question 2 is answered in a paragraph after the numbered answers, which the rules tie to no question of its own.
LETTER = (
    "Your request\n"
    "1. How many body worn cameras does the council own?\n"
    "2. How much did the council spend on footage storage in 2023?\n"
    "3. Which supplier provides the cameras?\n"
    "Our response\n"
    "1. The council owns 40 body worn cameras.\n"
    "3. Reveal Media.\n"
    "The council does not hold information about footage storage costs, as storage is included in the supplier's "
    "contract.\n"
)
DRONES = (
    "Request\n1. How many drones does the force own?\n2. Where are the drones stored?\n"
    "Response\n1. The force owns 12 drones.\n"
)
WITHHELD = "the information is withheld under section 31(1)(a) as disclosure would prejudice law enforcement."


def only(q) -> set[str]:
    return {t.value for t in q.treatments}


def test_the_shipped_locator_was_trained_on_no_held_back_letter():
    meta = json.loads(locator.LOCATOR_PATH.read_text("utf-8"))["meta"]
    assert meta["trained_on"] and not any(is_held_back(i) for i in meta["trained_on"])
    labelled = {label["id"] for label in load_labels()}
    assert (
        set(meta["trained_on"]) <= labelled
    )  # (labels only of the development set, never a blind batch unmeasured)


def test_the_locator_round_trips_and_refuses_weights_for_other_features(tmp_path):
    found = locator.locator()
    assert found is not None
    found.save(tmp_path / "l.json", {"trained_on": []})
    loaded = locator.Locator.load(tmp_path / "l.json")
    x = np.random.default_rng(0).random((5, len(locator.FEATURES)))
    assert np.allclose(found.likelihood(x), loaded.likelihood(x))
    data = json.loads((tmp_path / "l.json").read_text())
    data["features"] = data["features"][:-1]
    (tmp_path / "l.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match="other features"):
        locator.Locator.load(tmp_path / "l.json")


def test_a_question_tied_no_answer_is_read_from_the_sentence_that_answers_it():
    with learned.off():
        q2 = parse_text(LETTER).question("2")
    assert (
        only(q2) == {"other"} and q2.answer == "" and q2.review == "other: no answer found for this question"
    )
    letter = parse_text(LETTER)
    q1, q2 = letter.question("1"), letter.question("2")
    assert q2.answer.startswith("The council does not hold information about footage storage costs")
    assert only(q2) == {"not_held"}
    assert (
        q2.review
        == f"{LOCATED_BY_LEARNED} (the rules read other: no answer found for this question): check it"
    )
    assert q2.confidence < CONFIDENT  # (below the flag line: no flag rests on it)
    assert only(q1) == {"disclosed"} and not (q1.review or "").startswith(TAKEN_FROM_LEARNED)


def test_the_named_numbers_of_a_sentence():
    assert locator.named_numbers("Regarding questions 2 to 4, we do not hold this.") == {2, 3, 4}
    assert locator.named_numbers("Q3 - Not held") == {3}
    assert locator.named_numbers("3. The council holds no such record.") == {3}
    assert locator.named_numbers("In 2023 the council spent \u00a34,000.") == set()


def test_a_sentence_naming_only_another_question_or_a_heading_is_never_located():
    text = "Request\n1. How many parking fines were issued?\n2. How many were cancelled?\nResponse\n1. 1,204 fines.\n"
    q2 = parse_text(text).question("2")
    assert only(q2) == {"other"} and q2.answer == ""
    assert locator._heading("Response") and locator._heading("Our response:") and locator._heading("Yes/No")
    assert not locator._heading("We do not hold this information.")


def test_a_withholding_reaches_only_a_question_it_names():
    # (as the rules read a letter's overall decision: a question a partial refusal leaves out stays unanswered)
    questions = [("1", "How many drones does the force own?"), ("2", "Where are the drones stored?")]
    named = locator.Letter(parser.clean_lines(f"{DRONES}For question 2, {WITHHELD}\n"), questions)
    assert named.locate(1) == f"For question 2, {WITHHELD}"
    unnamed = locator.Letter(parser.clean_lines(f"{DRONES}Some of {WITHHELD}\n"), questions)
    assert "withheld" not in unnamed.locate(1)
    q2 = parse_text(f"{DRONES}Some of {WITHHELD}\n").question("2")
    assert only(q2) == {"other"} and q2.answer == ""


def test_off_the_learned_reader_or_with_no_locator_nothing_is_located(monkeypatch):
    with learned.off():
        assert locator.Letter(["Request", "1. How many?"], [("1", "How many?")]).locate(0) == ""
    monkeypatch.setattr(locator, "locator", lambda: None)
    assert only(parse_text(LETTER).question("2")) == {"other"}


def test_the_letters_sentences_are_read_once_for_all_its_questions(monkeypatch):
    calls = []
    model = learned.model()
    real = model.probabilities

    def counted(texts):
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(
        learned,
        "model",
        lambda: type(
            "M", (), {"probabilities": staticmethod(counted), "classes": model.classes, "read": model.read}
        )(),
    )
    text = LETTER.replace("3. Which supplier", "4. How many were lost?\n3. Which supplier")
    located = parse_text(text).questions
    assert [q.label for q in located if q.review and q.review.startswith(LOCATED_BY_LEARNED)] == ["2", "4"]
    assert len(calls) == 1  # (two questions located, the letter's sentences read once)


def test_questions_read_together_with_no_response_at_all_are_located_too():
    # (a real tuning letter: its items share one reading, and the rules tie that reading no response; a response
    # shared by several questions is the rules' to read, but no response is no one's)
    path = ROOT / "evals/real_letters/letters/fresh19/wmp-roads-policing-officers-speeding-2483-17.txt"
    assert not is_held_back(path.stem)
    with learned.off():
        before = parse_file(path)
    assert [only(before.question(n)) for n in ("3", "4")] == [{"other"}, {"other"}]
    assert before.question("3").answer == "" and not before.question("3").own_answer
    after = parse_file(path)
    q3, q4 = after.question("3"), after.question("4")
    assert q3.answer == "We do not have a central database that records what is being asked in questions 2 or 3."
    assert only(q3) == only(q4) == {"cost_limit"}
    assert q3.review.startswith(LOCATED_BY_LEARNED) and q4.review.startswith(LOCATED_BY_LEARNED)
