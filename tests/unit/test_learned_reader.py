"""The learned treatment reader: its model is data trained on no held-back letter; its second opinion marks a
confident reading it reads otherwise for review without changing the reading; where the rules find no treatment
wording in a question's own answer, its sure reading fills in, below the flag line; a draft is read without it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from evals.holdout import is_held_back
from evals.real_letters.suite import load_labels
from foi_precedent.letters import learned
from foi_precedent.letters.answers import TAKEN_FROM_LEARNED
from foi_precedent.letters.model import CONFIDENT
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


def test_a_passage_read_alone_or_among_others_reads_as_the_features_times_the_weights():
    from train_treatment_model import examples

    m = learned.model()
    texts = [r["text"] for r in examples(only=frozenset({"council"}))][:80] + ["", "N/A"]
    x = learned.features(learned.counts(texts), list(m.kept), list(m.idfs))
    want = 1 / (1 + np.exp(-(np.asarray(x @ m.coef.T) + m.intercept)))
    assert np.allclose(m.probabilities(texts), want, atol=1e-5)
    assert np.allclose(np.vstack([m.probabilities([t]) for t in texts]), want, atol=1e-5)
    # each family l2-normalised: a row's squared norm is the number of families with a kept feature in it
    norms = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    assert np.allclose(norms, np.round(norms), atol=1e-4) and norms.max() == pytest.approx(
        len(m.kept), abs=1e-4
    )
    assert norms[-2] == 0  # (the empty passage)


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
    reads(
        {"disclosed": 0.9}
    )  # a guess from the answer's wording: a reading for review already, left as it is
    q = parse_text(
        "Request\n1. Do you charge for replacement bins?\nResponse\n1. The council does not charge for replacement "
        "bins.\n"
    ).questions[0]
    assert q.review == "read as a factual answer: check it"


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


# --- below the flag line: where the rules find no treatment wording, a sure learned reading fills in -------------

NO_WORDING = "Request\n1. How many depots do you run?\nResponse\n1. Blue\n"


def test_where_the_rules_find_no_wording_a_sure_learned_reading_is_taken_for_review(reads):
    reads({"not_held": 0.9})
    q = parse_text(NO_WORDING).questions[0]
    assert only(q) == {"not_held"}
    assert q.review == f"{TAKEN_FROM_LEARNED} (the rules read other: no treatment wording found): check it"
    assert q.confidence < CONFIDENT  # still below the flag line: no flag rests on it
    assert q.evidence == "Blue"
    with learned.off():
        q = parse_text(NO_WORDING).questions[0]
    assert only(q) == {"other"} and q.review == "other: no treatment wording found"


def test_a_learned_reading_it_is_not_sure_of_or_of_other_alone_leaves_the_rules_reading(reads):
    reads({"not_held": 0.45})  # (the likeliest, under one half)
    assert only(parse_text(NO_WORDING).questions[0]) == {"other"}
    reads({"other": 0.9})
    assert parse_text(NO_WORDING).questions[0].review == "other: no treatment wording found"


def test_an_other_the_rules_give_a_reason_for_is_not_filled_in(reads):
    reads({"cost_limit": 0.9})
    q = parse_text(
        "You asked for:\nHow many Freedom of Information requests your department received in 2012.\nResponse\n"
        "I am writing to seek clarification of your request. Could you please confirm that you are asking for the "
        "number of requests received by the department alone?\n"
    ).questions[0]
    assert only(q) == {"other"} and q.review == "other: clarification"


def test_a_reading_the_rules_find_wording_for_is_not_replaced(reads):
    reads({"disclosed": 0.9})  # below the line, a guess from the answer's wording: the rules' reading stands
    q = parse_text(
        "Request\n1. Do you charge for replacement bins?\nResponse\n1. The council does not charge for replacement "
        "bins.\n"
    ).questions[0]
    assert not (q.review or "").startswith(TAKEN_FROM_LEARNED)


def test_one_response_read_for_several_questions_is_not_filled_in(reads):
    reads({"disclosed": 0.9})
    letter = parse_text(
        "Request\n1. How many depots do you run?\n2. How many vans do you run?\nResponse\nBlue and green.\n"
    )
    assert all(not (q.review or "").startswith(TAKEN_FROM_LEARNED) for q in letter.questions)


def test_a_withholding_the_learned_reader_reads_takes_no_provision_the_answer_does_not_cite(reads):
    reads({"withheld": 0.9})  # the rules verify: a provision must be cited in the answer
    q = parse_text(NO_WORDING).questions[0]
    assert only(q) == {"withheld"} and q.exemptions == () and q.ncnd == ()


def test_a_real_letter_whose_answers_point_below_reads_as_labelled_with_the_shipped_model():
    path = ROOT / "evals/real_letters/letters/fresh18/herefordshire-public-health-funerals.txt"
    labelled = next(label for label in load_labels() if label["id"] == path.stem)
    assert not is_held_back(path.stem)
    q = parse_file(path).questions[0]
    assert only(q) == set(labelled["questions"][0]["treatments"]) == {"disclosed"}
    assert q.review.startswith(TAKEN_FROM_LEARNED) and q.confidence < CONFIDENT
    with learned.off():
        assert only(parse_file(path).questions[0]) == {"other"}


# --- a question the reader tied no answer to: the words the letter writes beside it -------------------------------


@pytest.mark.parametrize(
    "lines, question, others, beside",
    [
        # the answer after the question on its line
        (
            ["What is the full price of a Littering Fixed Penalty Notice (FPN)? \u00a380"],
            "What is the full price of a Littering Fixed Penalty Notice (FPN)?",
            [],
            "\u00a380",
        ),
        (["d) Date installed \u2013 N/A"], "Date installed", [], "N/A"),
        (["d) Date \u2013 N/A"], "Date", [], ""),  # (too few words to find it safely)
        # on the line the question ends on, the question over two lines
        (
            ["How many Fixed Penalty Notices for littering", "were issued in 2018? 1,204"],
            "How many Fixed Penalty Notices for littering were issued in 2018?",
            [],
            "1,204",
        ),
        # never the next line: mostly a heading or the letter's decision (the seed 025506's unanswered REQUEST 2)
        (
            ["How many Fixed Penalty Notices for littering", "were issued in 2018?", "", "Our response:"],
            "How many Fixed Penalty Notices for littering were issued in 2018?",
            [],
            "",
        ),
        # not another question on its line, not the next question, not a question, not the sign-off
        (
            ["Will the free market principle apply to funds? Will providers be checked by each CCG."],
            "Will the free market principle apply to funds?",
            ["Will providers be checked by each CCG."],
            "",
        ),
        (
            ["How many depots do you run in the county?", "How many vans do you run?"],
            "How many depots do you run in the county?",
            [],
            "",
        ),
        (
            ["What is the conclusion of the review of the CCGs?", "", "Yours faithfully,"],
            "What is the conclusion of the review of the CCGs?",
            [],
            "",
        ),
        (["Something else entirely"], "How many depots do you run in the county?", [], ""),
        # an answer the reader ran into the question's words, not more of the request nor a form's prompt
        ([], "What is the full price of a Littering Fixed Penalty Notice (FPN)? \u00a380", [], "\u00a380"),
        ([], "How many FPNs issued for Littering in 2018 were paid? 23", [], "23"),
        ([], "How many FPNs were issued? Please break this down by year", [], ""),
        ([], "How many FPNs were issued? (a) in 2019", [], ""),
        ([], "Did you issue any FPNs in 2019? Yes/No", [], ""),
        ([], "How many FPNs were issued in 2019? \u201d", [], ""),
    ],
)
def test_the_words_beside_a_question(lines, question, others, beside):
    from foi_precedent.letters.parser import _answer_beside

    assert _answer_beside(lines, question, others) == beside


def test_a_question_the_reader_tied_as_the_answer_is_not_read(reads):
    reads({"disclosed": 0.9})  # (the rules tie a sub-question as the answer: it answers nothing)
    q = parse_text(
        "Request\n1. Have you suffered a ransomware attack?\nResponse\n1. a. If yes, how much did you pay?\n"
    ).questions[0]
    assert not (q.review or "").startswith(TAKEN_FROM_LEARNED)


def test_the_seed_letters_unanswered_request_stays_unanswered():
    q = parse_file(ROOT / "corpus/seeds/mps-2022-lfr-watchlists-025506.md").question("REQUEST 2")
    assert only(q) == {"other"} and q.answer == "" and q.review == "other: no answer found for this question"


def test_a_question_with_no_answer_tied_is_filled_in_from_the_words_beside_it(reads):
    reads({"disclosed": 0.9})
    text = (
        "Request\n1. What is the full price of a Littering Fixed Penalty Notice (FPN)? \u00a380\n"
        "2. How many FPNs issued for Littering in 2018 were paid?\nResponse\n2. We do not hold this.\n"
    )
    with learned.off():
        assert parse_text(text).questions[0].review == "other: no answer found for this question"
    q = parse_text(text).questions
    assert only(q[0]) == {"disclosed"} and q[0].answer == "\u00a380"
    assert q[0].review == (
        f"{TAKEN_FROM_LEARNED} (the rules read other: no answer found for this question): check it"
    )
    # (a confident reading of its own is disputed, as before, never replaced)
    assert only(q[1]) == {"not_held"} and q[1].review == "the learned reader reads disclosed: check it"


def test_the_words_beside_a_question_are_looked_for_only_where_a_question_wants_them(monkeypatch):
    from foi_precedent.letters import parser

    looked = []
    monkeypatch.setattr(parser, "_answer_beside", lambda *args: looked.append(args[1]) or "")
    text = "Request\n1. How many depots do you run?\n2. How many vans do you run?\nResponse\n1. Three.\n"
    with learned.off():
        parse_text(text)
    assert looked == []  # (the learned reader off: nothing to fill in)
    parse_text(text)
    assert looked == ["How many vans do you run?"]  # (question 1 has an answer of its own)
