"""Forms of the requester's identity the request reader removes, each general (text written for the test)."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.identity import redact_identity

ASK = "Please tell me how many drones the force owns."


@pytest.mark.parametrize(
    "text",
    [
        f"Jane Hargreaves wrote:\n{ASK}\n",
        f"On 3 May 2024, Jane Hargreaves wrote:\n{ASK}\n",
        f"On Fri, 3 May 2024 at 10:12, Jane Hargreaves <jane.h@example.org> wrote:\n{ASK}\n",
        f"{ASK}\n\n> On 3 May 2024 Jane Hargreaves wrote:\n> Thanks\n",
    ],
)
def test_the_name_in_a_quoted_correspondence_header_is_removed(text):
    clean, who = redact_identity(text)
    assert "Hargreaves" not in clean and who.name == "Jane Hargreaves"


@pytest.mark.parametrize("who", ["You", "The Council", "Someone"])
def test_a_wrote_line_that_names_nobody_removes_nothing(who):
    clean, asker = redact_identity(f"{who} wrote:\n{ASK}\n")
    assert clean.startswith(f"{who} wrote:") and asker.name is None


def test_an_officer_writing_from_a_public_body_s_address_is_not_the_requester():
    clean, who = redact_identity(f"On 3 May 2024, Sam Patel <sam.patel@leeds.gov.uk> wrote:\n{ASK}\n")
    assert who.name != "Sam Patel"


@pytest.mark.parametrize("cue", ["Requestor:", "Sent by:"])
def test_a_form_field_naming_who_asked(cue):
    clean, who = redact_identity(f"{cue} Jane Hargreaves\n{ASK}\n")
    assert "Hargreaves" not in clean


@pytest.mark.parametrize("line", ["Mrs J. Hargreaves", "Jane Hargreaves (Ms)", "Dr Jane Hargreaves"])
def test_a_titled_name_alone_on_the_first_line_is_the_sender(line):
    clean, _ = redact_identity(f"{line}\n{ASK}\n")
    assert "Hargreaves" not in clean


def test_titled_names_listed_under_a_question_are_the_people_asked_about():
    text = "Please provide the expenses claimed in 2023 by:\nDr Jane Doe\nMr John Smith\n"
    clean, who = redact_identity(text)
    assert "Dr Jane Doe" in clean and "Mr John Smith" in clean and who.name is None


@pytest.mark.parametrize(
    "status", ["The request was successful.", "The request was partially successful.", "Long overdue."]
)
def test_the_name_under_a_whatdotheyknow_status_line_above_the_greeting_is_the_requester_s(status):
    text = (
        f"Bus services and subsidies\n\n{status}\n\nJane Hargreaves\n\nDear Anyshire County Council,\n{ASK}\n"
    )
    clean, who = redact_identity(text)
    assert "Hargreaves" not in clean and who.name == "Jane Hargreaves"


def test_a_heading_under_a_status_line_is_no_name():
    text = "The request was successful.\n\nBus Services Data\n\nDear Anyshire County Council,\n" + ASK
    clean, who = redact_identity(text)
    assert "Bus Services Data" in clean and who.name is None


def test_a_reply_restating_the_request_names_the_requester_in_its_salutation_and_its_head():
    text = (
        "Anyshire Prison Service\nClive House\nJane Hargreaves\n1 Any Street\nAnytown\n\nOur Reference: 1234\n"
        "Dear Ms Hargreaves\nThank you for your email of 31 August 2016, in which you asked for the following "
        "information:\nHow many items were seized from visitors in 2015?\n"
    )
    clean, asker = redact_identity(text)
    assert "Hargreaves" not in clean and "Jane" not in clean
