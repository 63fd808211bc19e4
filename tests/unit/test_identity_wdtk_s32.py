"""WhatDoTheyKnow forms seen in stop 32's blind requests: the reply address cut off after its number in a stored copy
('SENT BY EMAIL TO: ... request-491181- Email', NHS Greater Glasgow and Clyde, fresh22), and the requester's display
name under a status line the site writes in Welsh on its /cy/ pages ('Gwrthodwyd y cais gan NHS England.', 'Roedd y
cais yn llwyddiannus.') or as "... did not have the information requested."."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.identity import redact_identity


def test_a_reply_address_cut_off_after_its_number_goes():
    text = (
        "Ms Elizabeth Thomson Date 22 February 2019 Your Ref Our Ref FOI /14296 SENT BY EMAIL TO: request-491181- "
        "Email\n\nDear Ms Thomson\n1. How many restraints were recorded in 2018?"
    )
    clean, requester = redact_identity(text)
    assert "491181" not in clean
    assert "How many restraints were recorded in 2018?" in clean
    assert any("request-491181" in e for e in requester.emails)


def test_a_request_reference_like_the_address_stays():
    # an FOI reference with a year and a number after it is no reply address
    clean, _ = redact_identity(
        "Our reference request-2023-1234.\n1. How many parking fines were issued in 2023?"
    )
    assert "request-2023-1234" in clean


@pytest.mark.parametrize(
    "status",
    [
        "Gwrthodwyd y cais gan NHS England.",
        "Roedd y cais yn llwyddiannus.",
        "Roedd y cais yn rhannol lwyddiannus.",
        "Belfast City Council did not have the information requested.",
    ],
)
def test_the_display_name_under_a_status_line_goes(status):
    text = (
        "Street lighting\n\n" + status + "\n\nMegan Ashworth-Jones\n\nDear Belfast City Council,\n\n"
        "1. How many street lights were replaced in 2023?\n"
    )
    clean, requester = redact_identity(text)
    assert "ashworth" not in clean.lower()
    assert "How many street lights were replaced in 2023?" in clean
    assert status in clean  # the status itself names the authority, not the requester
