"""The learned reader's sure reading replaces a reading the rules only inferred (figures read as a release, a link
alone read as a pointer, a statement read as the answer, a release beside a refusal read as a partial one), below
the flag line and named for review; never one the rules read from the answer's own words for it, nor a mixed
answer where one of the rules' treatments is worded (stop 31, pre-registered before fresh23 and fresh24)."""

from __future__ import annotations

import pytest

from foi_precedent.letters import learned
from foi_precedent.letters.answers import TAKEN_FROM_LEARNED
from foi_precedent.letters.model import CONFIDENT
from foi_precedent.letters.parser import parse_text


def only(q) -> set[str]:
    return {t.value for t in q.treatments}


def letter(answer: str, question: str = "How many depots did you run in each year since 2019?") -> str:
    return f"Request\n1. {question}\nResponse\n1. {answer}\n"


@pytest.fixture
def reads(monkeypatch):
    """The learned reader stubbed to read every passage as ``reading``."""

    def use(reading: dict[str, float]):
        monkeypatch.setattr(learned, "reading", lambda text: reading if learned.enabled() else None)

    return use


FIGURES = "2019: 27, 2020: 31, 2021: 12."


def test_figures_read_as_a_release_give_way_to_a_sure_learned_reading_for_review(reads):
    reads({"not_held": 0.9})
    q = parse_text(letter(FIGURES)).questions[0]
    assert only(q) == {"not_held"}
    assert q.review == f"{TAKEN_FROM_LEARNED} (the rules inferred disclosed): check it"
    assert q.confidence < CONFIDENT  # no flag rests on it
    with learned.off():
        q = parse_text(letter(FIGURES)).questions[0]
    assert only(q) == {"disclosed"} and not (q.review or "").startswith(TAKEN_FROM_LEARNED)


def test_a_reading_the_learned_reader_is_not_sure_of_leaves_the_inferred_one(reads):
    reads({"not_held": 0.45, "disclosed": 0.3})
    assert only(parse_text(letter(FIGURES)).questions[0]) == {"disclosed"}
    reads({"other": 0.9})  # (other alone is no reading to take)
    assert only(parse_text(letter(FIGURES)).questions[0]) == {"disclosed"}


def test_a_learned_reading_that_agrees_or_only_adds_changes_nothing(reads):
    reads({"disclosed": 0.9})
    q = parse_text(letter(FIGURES)).questions[0]
    assert only(q) == {"disclosed"} and not (q.review or "").startswith(TAKEN_FROM_LEARNED)
    reads({"disclosed": 0.9, "not_held": 0.8})  # drops nothing the rules read
    q = parse_text(letter(FIGURES)).questions[0]
    assert only(q) == {"disclosed"} and not (q.review or "").startswith(TAKEN_FROM_LEARNED)


@pytest.mark.parametrize(
    "answer, reading",
    [
        ("No such data exists.", {"disclosed": 0.9}),
        ("This information is exempt under section 43(2) of the Act.", {"disclosed": 0.9}),
        ("We do not hold this information.", {"disclosed": 0.9}),
        ("To answer would exceed the appropriate limit under section 12 of the Act.", {"not_held": 0.9}),
        (
            "The information is published on our website at https://www.example.gov.uk/depots",
            {"disclosed": 0.9},
        ),
    ],
)
def test_a_reading_from_the_answer_s_own_words_is_never_replaced(reads, answer, reading):
    reads(reading)
    q = parse_text(letter(answer)).questions[0]
    assert not (q.review or "").startswith(TAKEN_FROM_LEARNED)
    with learned.off():
        assert only(parse_text(letter(answer)).questions[0]) == only(q)


def test_a_mixed_answer_with_one_worded_treatment_keeps_the_rules_reading(reads):
    # figures for the years held (inferred), the rest not held (worded): the model may not drop the figures
    reads({"not_held": 0.95})
    q = parse_text(
        letter("There were 31 depots in 2020 and 12 in 2021. Figures for 2019 are not held.")
    ).questions[0]
    assert only(q) == {"disclosed", "not_held"}
    assert not (q.review or "").startswith(TAKEN_FROM_LEARNED)


def test_a_statement_read_as_the_answer_gives_way(reads):
    reads({"not_held": 0.9})
    q = parse_text(
        letter("We do not have any group of that name.", "Please list the members of your Blue Group.")
    ).questions[0]
    assert only(q) == {"not_held"}
    assert q.review.startswith(f"{TAKEN_FROM_LEARNED} (the rules inferred disclosed)")


def test_an_answer_about_the_authority_s_own_refusals_is_the_rules_to_read(reads):
    reads({"withheld": 0.95})
    q = parse_text(
        letter(
            "In 2023 the following exemptions were applied: section 40(2) = 41, section 31(1)(a) = 12.",
            "Please provide a list of how often each exemption was used in 2023.",
        )
    ).questions[0]
    assert only(q) == {"disclosed"} and q.exemptions == ()


def test_a_draft_is_read_by_the_rules_alone(reads):
    from foi_precedent.letters.parser import parse_draft

    reads({"not_held": 0.9})
    draft = parse_draft(letter(FIGURES), source="a draft")
    assert only(draft.questions[0]) == {"disclosed"}
