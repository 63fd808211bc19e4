"""The two real seed letters must parse exactly: questions, answers, treatments, exemptions, pointers."""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_file
from tests.conftest import SEED_025506, SEED_036325

PD, NH, WH, OT = "public_domain", "not_held", "withheld", "other"


@pytest.fixture(scope="module")
def letter_036325():
    return parse_file(SEED_036325)


@pytest.fixture(scope="module")
def letter_025506():
    return parse_file(SEED_025506)


def treatments(letter, label):
    return {t.value for t in letter.question(label).treatments}


def pointers(letter, label):
    return [p.name for p in letter.question(label).pointers]


def test_036325_header(letter_036325):
    d = letter_036325.to_dict()
    assert d["reference"] == "01.FOI.24.036325"
    assert d["authority"] == "Metropolitan Police Service"
    assert d["regime"] == "FOIA"
    assert d["exemptions"] == ["s31(1)(a)", "s31(1)(b)"]
    assert d["refusal_notice"] is True
    assert d["harm_statement"] is True
    assert d["ncnd"] == []
    assert d["complaint_rights"] is False  # the saved web page has no complaint-rights block
    assert letter_036325.year == 2024


def test_036325_noise_is_stripped(letter_036325):
    for noise in ("cookie", "Leave this site", "beta", "technical problem"):
        assert noise.lower() not in letter_036325.text.lower()


def test_036325_questions_in_order(letter_036325):
    labels = [q.label for q in letter_036325.questions]
    assert labels == ["Q1", "Q1a", "Q1b", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11"]


@pytest.mark.parametrize(
    "label,expected",
    [
        ("Q1", {PD}),
        ("Q1a", {PD}),
        ("Q1b", {PD}),
        ("Q2", {PD}),
        ("Q3", {PD, NH}),
        ("Q4", {PD, NH}),
        ("Q5", {PD, NH}),
        ("Q6", {PD, WH}),
        ("Q7", {NH}),
        ("Q8", {PD}),
        ("Q9", {PD}),
        ("Q10", {PD}),
        ("Q11", {PD}),
    ],
)
def test_036325_treatments(letter_036325, label, expected):
    assert treatments(letter_036325, label) == expected


@pytest.mark.parametrize(
    "label,expected",
    [
        ("Q1", ["Live Facial Recognition"]),
        ("Q1a", ["Live Facial Recognition"]),  # "Please visit above link."
        ("Q1b", ["Live Facial Recognition"]),
        ("Q2", ["LFR Deployment Grid"]),
        ("Q3", ["LFR Deployment Grid"]),
        ("Q6", ["LFR Deployment Grid"]),
        ("Q7", ["MPS Overt LFR Policy Document"]),
        ("Q8", ["MPS Overt LFR Policy Document"]),
        ("Q9", ["MPS Overt LFR Policy Document"]),
        ("Q10", ["MPS Overt LFR Policy Document"]),
        (
            "Q11",
            [
                "Directorate of Legal Services",
                "Operational Testing of Facial Recognition Technology",
                "Equality Impact Assessment",
                "Facial Recognition Technology",
            ],
        ),
    ],
)
def test_036325_pointers(letter_036325, label, expected):
    assert pointers(letter_036325, label) == expected


def test_036325_exemptions_per_question(letter_036325):
    assert list(letter_036325.question("Q6").exemptions) == ["s31(1)(a)", "s31(1)(b)"]
    for q in letter_036325.questions:
        if q.label != "Q6":
            assert q.exemptions == (), q.label


def test_036325_answers_belong_to_their_question(letter_036325):
    q = letter_036325.question
    assert q("Q1a").answer == "Please visit above link."
    assert q("Q1a").text.endswith("Please specify the type of FRT tool(s) used")
    assert "Part 2 engages Sec 31" in q("Q6").answer
    assert q("Q7").answer.startswith("There is no information held for this question")
    assert "Operational Testing" in q("Q11").answer and "Operational Testing" not in q("Q10").answer
    assert q("Q3").text.endswith("(Link Removed)")


def test_036325_letter_pointers(letter_036325):
    assert [p.name for p in letter_036325.pointers] == [
        "Live Facial Recognition",
        "LFR Deployment Grid",
        "MPS Overt LFR Policy Document",
        "Directorate of Legal Services",
        "Operational Testing of Facial Recognition Technology",
        "Equality Impact Assessment",
        "Facial Recognition Technology",
    ]


def test_025506_questions(letter_025506):
    d = letter_025506.to_dict()
    assert d["reference"] == "01.FOI.22.025506"
    assert d["exemptions"] == ["s31(1)(a)", "s31(1)(b)"]
    assert d["refusal_notice"] is True
    # Labels as written: "For question 2" / "REQUEST 1"; "For Question 1" in the answers matches REQUEST 1.
    assert [q["label"] for q in d["questions"]] == ["Question 2", "Question 3", "REQUEST 1", "REQUEST 2"]


def test_025506_treatments(letter_025506):
    q2 = letter_025506.question("Question 2")
    assert treatments(letter_025506, "Question 2") == {WH}
    assert list(q2.exemptions) == ["s31(1)(a)", "s31(1)(b)"]
    assert "distances LFR cameras" in q2.answer  # the reason paragraph that names the redefined Q2
    assert treatments(letter_025506, "Question 3") == {NH}
    assert "do not record deployment costs" in letter_025506.question("Question 3").answer
    assert treatments(letter_025506, "REQUEST 1") == {PD}
    assert pointers(letter_025506, "REQUEST 1") == [
        "College of Policing APP for Live Facial Recognition",
        "Standard Operating Procedure for LFR",
    ]
    # REQUEST 2 is never answered in the letter: it must not borrow Q2's answer.
    assert letter_025506.question("REQUEST 2").answer == ""
    assert treatments(letter_025506, "REQUEST 2") == {OT}
    assert letter_025506.question("REQUEST 2").exemptions == ()
