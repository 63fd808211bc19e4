"""Requester identity, from the blind request batch fresh30 (stop 35; found after its measurement): a reply that
quotes the request opens "I refer to your Freedom of Information (FOI) request received ...", in the authority's
voice, so its salutation and the name above it are the requester's, even run on after a masked e-mail address."""

from __future__ import annotations

from foi_precedent.drafting.identity import redact_identity

REPLY = (
    "Public Liaison Services\nAnyshire Health and Social Care Trust\n1st Floor, Nore Villa\nAnytown AB1 2CD\n"
    "21 July 2021\nOur ref: FOI/25042\nHelen Hamill\nEmail\n: xxxxxxxx@xxxxxx.xxx Dear Ms Hamill\n"
    "RE: Hospital admissions\nI refer to your Freedom of Information (FOI) request received 9 July 2021.\n"
    "Please find below Trust response.\n"
    "Enquiry: Can you please provide me with the number of patients admitted to each hospital in 2018?\n"
)


def test_a_reply_referring_to_your_request_names_the_requester_in_its_salutation_and_head() -> None:
    clean, _ = redact_identity(REPLY)
    assert "Hamill" not in clean
    assert "Anyshire Health and Social Care Trust" in clean and "Our ref: FOI/25042" in clean


def test_a_requester_referring_to_their_own_request_names_no_one() -> None:
    """'I refer to my request' is the requester's voice: the officer greeted is not the requester."""
    text = (
        "Dear Ms Hamill,\nI refer to my request of 9 July 2021 about hospital admissions.\n"
        "1. How many patients were admitted in 2018?\n\nYours sincerely,\nJohn Brown\n"
    )
    clean, requester = redact_identity(text)
    assert requester.name == "John Brown" and "John Brown" not in clean
