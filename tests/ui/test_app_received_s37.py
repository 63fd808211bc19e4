"""The Draft page takes the received date from the request's own record line ("Received: ...", an e-mail's
"Sent: ..."), for the officer to check, instead of today (browser QA, stop 37); a date in a question is not it."""

from __future__ import annotations

from datetime import date

from tests.ui.conftest import REQUEST
from tests.ui.test_app_draft import _with_precedents


def test_the_request_s_own_received_line_sets_the_received_date(app_test):
    at = _with_precedents(app_test, request="Received: 6 November 2025\n\n" + REQUEST)
    assert at.date_input(key="draft.received").value == date(2025, 11, 6)


def test_an_email_s_sent_line_sets_it_and_a_date_asked_about_does_not(app_test):
    sent = "From: [EMAIL]\nSent: Thursday, 6 November 2025 10:12\nTo: FOI\n\n" + REQUEST
    assert _with_precedents(app_test, request=sent).date_input(key="draft.received").value == date(
        2025, 11, 6
    )
    asked = REQUEST.replace(
        "Please can you tell me:", "Please tell me how many were received on 1 January 2024:"
    )
    assert _with_precedents(app_test, request=asked).date_input(key="draft.received").value == date.today()


def test_a_date_to_come_is_not_taken(app_test):
    at = _with_precedents(app_test, request="Received: 6 November 2999\n\n" + REQUEST)
    assert at.date_input(key="draft.received").value == date.today()
