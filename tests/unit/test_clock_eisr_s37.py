"""The EIR (Scotland) 2004 clock: reg 9 clarification restarts it; reg 8 fees are recorded but move nothing (stop 37).

Reg 9(2)(a): particulars are asked for "as soon as possible, and in any event no later than 20 working days after
the date of receipt of request"; reg 9(4): the day they are received is the date of the request for reg 5(2)(a),
and every period to respond begins the next day (legislation.gov.uk, SSI 2004/520 reg 9). Dates worked out by hand
on the Scottish calendar (2025: Good Friday 18 Apr, 5 May, 26 May, 4 Aug; 14 Jul is Northern Ireland's only).
"""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.cases.clock import describe, due_date, working_days_left

JUNE = date(2025, 6, 2)  # Mon: the 20th working day is Mon 30 Jun (no Scottish holiday in June)
ASKED, ANSWERED = date(2025, 6, 3), date(2025, 6, 10)


@pytest.mark.parametrize("regime,nation", [("EISR", None), ("EIR", "scotland")])
def test_particulars_received_restart_the_scottish_eir_clock(regime, nation):
    # From Tue 10 Jun: 1-3 Wed 11 - Fri 13, 4-8 Mon 16 - Fri 20, 9-13 Mon 23 - Fri 27, 14-18 Mon 30 - Fri 4 Jul,
    # 19 Mon 7, 20 Tue 8 Jul 2025
    due = due_date(JUNE, regime, nation, clarification_sought=ASKED, clarification_received=ANSWERED)
    assert due.due == date(2025, 7, 8) and due.start == ANSWERED and due.awaiting is None
    text = describe(due)
    assert "after the clarification of Tuesday 10 June 2025" in text and "reg 9(4)" in text
    assert "(EIR (Scotland) reg 9(2)(a), 9(4))" in text
    assert "not applied here" not in text  # before stop 37: "the clarification is not counted"
    # as FOISA s1(3), s10(1)(b) restarts it, on the same calendar
    foisa = due_date(JUNE, "FOISA", clarification_sought=ASKED, clarification_received=ANSWERED)
    assert foisa.due == due.due


def test_particulars_asked_for_on_the_20th_working_day_still_restart_it_on_the_scottish_calendar():
    # Asked Mon 30 Jun (the 20th, "no later than 20 working days after"), received Tue 1 Jul: 1-3 Wed 2 - Fri 4,
    # 4-8 Mon 7 - Fri 11, 9-13 Mon 14 - Fri 18 (14 Jul is no Scottish holiday), 14-18 Mon 21 - Fri 25, 19 Mon 28,
    # 20 Tue 29 Jul 2025. The EIR 2004 in England skip Northern Ireland's 14 Jul: Wed 30 Jul.
    stops = {"clarification_sought": date(2025, 6, 30), "clarification_received": date(2025, 7, 1)}
    assert due_date(JUNE, "EISR", **stops).due == date(2025, 7, 29)
    assert due_date(JUNE, "EIR", **stops).due == date(2025, 7, 30)


def test_particulars_asked_for_after_the_20th_working_day_restart_nothing():
    late = due_date(
        JUNE, "EISR", clarification_sought=date(2025, 7, 1), clarification_received=date(2025, 7, 2)
    )
    assert late.due == date(2025, 6, 30) and late.start == JUNE
    assert "does not restart the clock" in describe(late)


def test_particulars_awaited_count_from_today():
    # Not received by Fri 13 Jun: 1-5 Mon 16 - Fri 20, 6-10 Mon 23 - Fri 27, 11-15 Mon 30 - Fri 4 Jul, 16-20 Mon 7 -
    # Fri 11 Jul 2025; 20 working days left on Fri 13 Jun
    today = date(2025, 6, 13)
    due = due_date(JUNE, "EISR", clarification_sought=ASKED, today=today)
    assert due.due == date(2025, 7, 11) and due.awaiting == "clarification"
    assert working_days_left(due, today) == 20
    assert "has not arrived" in describe(due)


def test_the_reg_7_extension_runs_from_the_particulars_and_its_notice_from_the_request():
    # 40 working days from Tue 10 Jun: 20 Tue 8 Jul; 21-24 Wed 9 - Mon 14, 25-28 Tue 15 - Fri 18, 29-33 Mon 21 -
    # Fri 25, 34-38 Mon 28 - Fri 1 Aug; Mon 4 Aug Scottish holiday; 39 Tue 5, 40 Wed 6 Aug 2025. Reg 9(4) does not
    # list reg 7: the notice stays due on the 20th working day after the request itself, Mon 30 Jun (the earlier
    # date).
    due = due_date(
        JUNE, "EISR", extension="eir-complex", clarification_sought=ASKED, clarification_received=ANSWERED
    )
    assert (due.due, due.notice_by, due.working_days) == (date(2025, 8, 6), date(2025, 6, 30), 40)
    assert date(2025, 8, 4) in {d.day for d in due.skipped}


@pytest.mark.parametrize("fee_received", [date(2025, 6, 20), None])
def test_an_eisr_fees_notice_is_recorded_and_explained_but_moves_nothing(fee_received):
    """Reg 8's text was not checked (verify): no pause, so the date shown is never later than the law allows."""
    due = due_date(
        JUNE, "EISR", fees_notice=date(2025, 6, 4), fee_received=fee_received, today=date(2025, 6, 25)
    )
    assert due.due == date(2025, 6, 30) and due.paused is None and due.paused_days == 0
    assert due.awaiting is None  # nothing waits on a fee the clock does not count
    assert "charging provision (reg 8) is not applied here" in describe(due)
    assert due.to_dict()["fees_notice"] == "2025-06-04"
    # the EIR 2004 in England do pause (reg 8(6)): 13 working days from Wed 4 to Fri 20 Jun
    england = due_date(JUNE, "EIR", fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 20))
    assert england.paused_days == 13 and england.due > due.due
