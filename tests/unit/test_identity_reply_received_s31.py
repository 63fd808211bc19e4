"""A request read from the reply that quotes it: a reply thanks the requester for an e-mail "which we received" or
"which was received by" the authority, or says "your request has been handled": its salutation names the requester
(fresh20's ppo-asylum-accommodation-fatal-incidents-foi-349 and glasgow-uni-principal-directorate-pay-foi-2010-32,
invented names here). A requester thanking an officer for an e-mail is still no reply."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.request import split_request

QUOTED = (
    "1. How many fatal incident notifications did you receive in 2020-21?\n"
    "2. How many of them concerned persons in asylum accommodation?\n"
)


@pytest.mark.parametrize(
    "opening",
    [
        "Thank you for your email, which we received on 9 September 2021. Your request has been handled under the "
        "Freedom of Information Act 2000.",
        "Thank you for your email which was received by the University on 6 February, requesting the following:",
        "Your request has been considered under the Freedom of Information Act 2000.",
    ],
)
def test_a_reply_s_salutation_names_the_requester(opening):
    request = split_request(f"27 September 2021\nDear Priya Ramaswamy,\n{opening}\nYou asked us:\n{QUOTED}")
    assert request.requester.name == "Priya Ramaswamy"
    assert "Ramaswamy" not in request.text
    assert len(request.questions) == 2


def test_a_requester_thanking_an_officer_for_an_email_names_no_requester_in_the_greeting():
    request = split_request(
        "Dear Priya Ramaswamy,\nThank you for your email of 3 May about my earlier request.\n"
        f"{QUOTED}Yours sincerely,\nTom Okafor\n"
    )
    assert request.requester.name == "Tom Okafor"
    assert "Ramaswamy" not in request.text  # (an addressee's name is removed all the same)
