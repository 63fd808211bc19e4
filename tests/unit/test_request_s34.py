"""The request reader (stop 34): "I would be grateful if you would provide ..." asks, as "... if you could provide
..." does, so the values listed under it stay in its question (guide S2); asking the body to confirm it received the
request is about the reply, not a question (S7). From the DVSA's and the Royal Armouries' requests."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.request import split_request


def _asked(text: str) -> list[str]:
    return [q.text for q in split_request(text).questions]


def test_values_listed_under_a_would_provide_lead_are_one_question() -> None:
    asked = _asked(
        "Dear Driver and Vehicle Standards Agency,\n\n"
        "I would be grateful if you would provide statistics on the average pass rates of practical tests in the "
        "following areas:\n\n(1) Cheltenham\n(2) Swindon\n(3) Chippenham\n\n"
        "The most recent statistics would be preferable.\n\nYours faithfully,\n\nJo Bloggs"
    )
    assert len(asked) == 1
    assert asked[0].startswith("I would be grateful if you would provide statistics")
    assert all(place in asked[0] for place in ("Cheltenham", "Swindon", "Chippenham"))


def test_two_would_provide_asks_are_two_questions() -> None:
    asked = _asked(
        "I would be grateful if you would provide the number of fire stations open in 2019.\n\n"
        "I would be grateful if you would also provide a copy of your station closure policy."
    )
    assert len(asked) == 2


@pytest.mark.parametrize(
    "process",
    [
        "I would be grateful if you would confirm in writing that you have received this request.",
        "Please can you confirm that you have received this request and I'd like to remind you of the 20 days.",
        "Please confirm in writing that you have received this request, I look forward to hearing from you.",
        "Please acknowledge receipt of this request.",
    ],
)
def test_asking_the_body_to_confirm_the_request_arrived_is_no_question(process: str) -> None:
    asked = _asked(
        f"How many fire safety audits did you carry out in 2019/20?\n\n{process}\n\nThanks,\nJo Bloggs"
    )
    assert asked == ["How many fire safety audits did you carry out in 2019/20?"]
