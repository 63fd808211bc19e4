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
