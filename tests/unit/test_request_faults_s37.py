"""Request-reader faults found at stop 37 on the tuning part of the real requests.

Each test is one family of over-splitting (or one named fault), written from the shape of the tuning requests that
showed it: the reader made a question of what an FOI officer would not answer as one."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.request import split_request


def _texts(text: str) -> list[str]:
    return [q.text for q in split_request(text).questions]


# --- asks about handling the request, not about the records (S7) ---------------------------------------------------
# Seen at the University of Aberdeen and Oxford Brookes (receipt), East Staffordshire, Dumfries and Galloway NHS,
# London Metropolitan University (offers to clarify), Barnet and Orkney (the reply's medium), Caerphilly and the DfE
# (as soon as possible), and WhatDoTheyKnow's "Response to this request is long overdue." kept with the page.

REPLY_ASKS = [
    "I would be grateful if you could confirm in writing/by email that you have received this request.",
    "Any queries, please let me know.",
    "If you anticipate any resolvable issues with this request, please let me know in case I can reword it.",
    "Should you need any clarification or have issues with managing this request within the legal limits, "
    "please let me know as soon as possible.",
    "Please can I have the response electronically.",
    "I would like this information sent as electronic copies.",
    "Should this be the case, I request that you release information as soon as possible.",
    "Response to this request is long overdue.",
]


@pytest.mark.parametrize("aside", REPLY_ASKS)
def test_an_ask_about_the_reply_is_no_question(aside):
    text = (
        "Dear Council,\n\nPlease provide the number of pothole claims paid in 2023.\n\n"
        f"{aside}\n\nYours faithfully,\n\nA Requester\n"
    )
    assert _texts(text) == ["Please provide the number of pothole claims paid in 2023."]


def test_a_further_grateful_ask_is_still_a_question():
    """'I would be further grateful if you would confirm that ...' asks a second thing (seen at DfI Northern Ireland,
    whose count was right only because the WhatDoTheyKnow note stood in for it)."""
    text = (
        "Dear DfI,\n\nI would be grateful if you could provide a copy of the template letter used by DfI Roads.\n\n"
        "I would be further grateful if you would confirm that this template letter forms part of DfI's suite of "
        "standard template documents.\n\nThank you.\nYours faithfully,\n\nA Requester\n"
    )
    texts = _texts(text)
    assert len(texts) == 2
    assert texts[1].startswith("I would be further grateful if you would confirm")


def test_receipt_asked_of_the_records_is_still_a_question():
    """Only the receipt of the request is about the reply: the date a record was received is information held."""
    text = "Please confirm the date on which you received the planning application for 12 High Street."
    assert _texts(text) == [text]
