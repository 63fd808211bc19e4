"""The statutory clock against due dates worked out by hand from the calendar (never from the code under test).

Day 1 is the first working day after receipt. FOIA and the EIR 2004 skip bank holidays in any part of the UK
(FOIA s10(6)); FOISA skips only Scottish ones (s73).
"""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.cases.clock import (
    Compliance,
    Extension,
    Nation,
    _months_later,
    describe,
    due_date,
    extension_notice,
    working_days_left,
)
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Regime


def skipped(due):
    return [d.day for d in due.skipped]


def test_foia_before_christmas_skips_christmas_boxing_day_new_year_and_scotlands_2_january():
    # Received Fri 20 Dec 2024. Day 1 Mon 23, 2 Tue 24; Wed 25 Christmas, Thu 26 Boxing Day; 3 Fri 27,
    # 4 Mon 30, 5 Tue 31; Wed 1 Jan New Year's Day; Thu 2 Jan is a Scottish bank holiday, so not a FOIA working
    # day even in England; 6 Fri 3, 7-11 Mon 6 - Fri 10, 12-16 Mon 13 - Fri 17, 17 Mon 20, 18 Tue 21,
    # 19 Wed 22, 20 Thu 23 Jan 2025.
    due = due_date(date(2024, 12, 20), Regime.FOIA, Nation.ENGLAND)
    assert due.due == date(2025, 1, 23)
    assert skipped(due) == [date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1), date(2025, 1, 2)]
    assert due.working_days == 20 and due.extension is None and due.notice_by is None


@pytest.mark.parametrize("nation", list(Nation))
def test_foia_due_date_is_the_same_in_every_nation(nation):
    # s10(6) "in any part of the United Kingdom": the authority's nation does not move a FOIA date (FOIA also
    # covers UK-wide authorities working in Scotland).
    assert due_date(date(2024, 12, 20), "FOIA", nation).due == date(2025, 1, 23)


def test_easter_foia_skips_good_friday_and_easter_monday():
    # Received Thu 17 Apr 2025. Fri 18 Good Friday, Mon 21 Easter Monday; 1-4 Tue 22 - Fri 25, 5-9 Mon 28 -
    # Fri 2 May; Mon 5 May Early May bank holiday; 10-13 Tue 6 - Fri 9, 14-18 Mon 12 - Fri 16, 19 Mon 19,
    # 20 Tue 20 May 2025.
    due = due_date(date(2025, 4, 17), "FOIA", "england")
    assert due.due == date(2025, 5, 20)
    assert skipped(due) == [date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5)]


def test_easter_monday_is_a_working_day_under_foisa():
    # Same receipt, Scottish calendar: Fri 18 Good Friday is a Scottish bank holiday, Easter Monday is not.
    # 1 Mon 21, 2-5 Tue 22 - Fri 25, 6-10 Mon 28 - Fri 2 May; Mon 5 May bank holiday; 11-14 Tue 6 - Fri 9,
    # 15-19 Mon 12 - Fri 16, 20 Mon 19 May 2025: one day earlier than FOIA.
    due = due_date(date(2025, 4, 17), "FOISA", "scotland")
    assert due.due == date(2025, 5, 19)
    assert skipped(due) == [date(2025, 4, 18), date(2025, 5, 5)]
    assert due.nation is Nation.SCOTLAND


def test_foisa_defaults_to_scotland():
    assert due_date(date(2025, 4, 17), "FOISA").nation is Nation.SCOTLAND


def test_st_andrews_day_on_a_thursday():
    # Received Mon 27 Nov 2023. 1 Tue 28, 2 Wed 29; Thu 30 Nov St Andrew's Day; 3 Fri 1 Dec, 4-8 Mon 4 - Fri 8,
    # 9-13 Mon 11 - Fri 15, 14-18 Mon 18 - Fri 22; Mon 25 Christmas, Tue 26 Boxing Day; 19 Wed 27,
    # 20 Thu 28 Dec 2023.
    due = due_date(date(2023, 11, 27), "FOISA")
    assert due.due == date(2023, 12, 28)
    assert date(2023, 11, 30) in skipped(due)


def test_st_andrews_day_on_a_saturday_moves_to_the_monday():
    # 30 Nov 2024 is a Saturday, so the bank holiday is Mon 2 Dec. Received Fri 22 Nov 2024: 1-5 Mon 25 -
    # Fri 29; Mon 2 Dec holiday; 6-9 Tue 3 - Fri 6, 10-14 Mon 9 - Fri 13, 15-19 Mon 16 - Fri 20, 20 Mon 23 Dec.
    due = due_date(date(2024, 11, 22), "FOISA", "scotland")
    assert due.due == date(2024, 12, 23)
    assert skipped(due) == [date(2024, 12, 2)]
    # and the Scottish holiday stops the FOIA clock in England too
    assert due_date(date(2024, 11, 22), "FOIA", "england").due == date(2024, 12, 23)


def test_northern_irelands_12_july_and_scotlands_august_holiday_stop_the_foia_clock():
    # Received Fri 5 Jul 2024. 1-4 Mon 8 - Thu 11; Fri 12 Jul Battle of the Boyne (NI); 5-9 Mon 15 - Fri 19,
    # 10-14 Mon 22 - Fri 26, 15-19 Mon 29 - Fri 2 Aug; Mon 5 Aug Scottish summer bank holiday; 20 Tue 6 Aug.
    for nation in ("northern-ireland", "england"):
        due = due_date(date(2024, 7, 5), "FOIA", nation)
        assert due.due == date(2024, 8, 6)
        assert skipped(due) == [date(2024, 7, 12), date(2024, 8, 5)]


def test_12_july_on_a_saturday_is_observed_on_the_monday():
    # 12 Jul 2025 is a Saturday; the NI holiday is Mon 14 Jul. Received Fri 4 Jul 2025: 1-5 Mon 7 - Fri 11;
    # Mon 14 holiday; 6-9 Tue 15 - Fri 18, 10-14 Mon 21 - Fri 25, 15-19 Mon 28 - Fri 1 Aug; Mon 4 Aug Scottish
    # holiday; 20 Tue 5 Aug 2025.
    due = due_date(date(2025, 7, 4), "FOIA", "northern-ireland")
    assert due.due == date(2025, 8, 5)
    assert skipped(due) == [date(2025, 7, 14), date(2025, 8, 4)]


def test_eir_complex_extension_to_40_working_days():
    # Received Mon 2 Sep 2024, no UK bank holiday until 30 Nov. 1-4 Tue 3 - Fri 6, 5-9, 10-14, 15-19 the next
    # three weeks (to Fri 27), 20 Mon 30 Sep (the reg 7(3) notice is due by then); 21-24 Tue 1 - Fri 4 Oct,
    # 25-29, 30-34, 35-39 the next three weeks (to Fri 25 Oct), 40 Mon 28 Oct 2024.
    due = due_date(date(2024, 9, 2), "EIR", "england", "eir-complex")
    assert due.due == date(2024, 10, 28)
    assert due.notice_by == date(2024, 9, 30)
    assert due.working_days == 40 and due.extension is Extension.EIR_COMPLEX
    assert due_date(date(2024, 9, 2), "EIR", "england").due == date(2024, 9, 30)


def test_foia_public_interest_extension_is_20_more_working_days_with_the_notice_by_day_20():
    # Received Wed 18 Dec 2024. 1 Thu 19, 2 Fri 20, 3 Mon 23, 4 Tue 24; 25, 26 Dec; 5 Fri 27, 6 Mon 30,
    # 7 Tue 31; 1 Jan, 2 Jan (Scotland); 8 Fri 3, 9-13 Mon 6 - Fri 10, 14-18 Mon 13 - Fri 17, 19 Mon 20,
    # 20 Tue 21 Jan (the s17(1)/(2) notice by then); 21-23 Wed 22 - Fri 24, 24-28 Mon 27 - Fri 31,
    # 29-33 Mon 3 - Fri 7 Feb, 34-38 Mon 10 - Fri 14, 39 Mon 17, 40 Tue 18 Feb 2025.
    due = due_date(date(2024, 12, 18), "FOIA", "wales", "pit")
    assert due.notice_by == date(2025, 1, 21)
    assert due.due == date(2025, 2, 18)
    notice = extension_notice(due, ["section 31(1)(a)"])
    assert "section 17(1)" in notice and "section 31(1)(a)" in notice
    assert "not yet reached a decision" in notice and "Tuesday 18 February 2025" in notice


def test_received_on_a_saturday_day_1_is_the_monday():
    # Received Sat 7 Sep 2024: 1-5 Mon 9 - Fri 13, 6-10, 11-15 (to Fri 27), 16 Mon 30, 17-20 Tue 1 - Fri 4 Oct.
    assert due_date(date(2024, 9, 7), "FOIA").due == date(2024, 10, 4)


def test_eir_in_scotland_counts_scottish_bank_holidays_only():
    # EIR (Scotland) 2004: Easter Monday is a working day, as under FOISA (see the FOISA Easter case).
    assert due_date(date(2025, 4, 17), "EIR", "scotland").due == date(2025, 5, 19)
    assert due_date(date(2025, 4, 17), "EIR", "england").due == date(2025, 5, 20)


@pytest.mark.parametrize(
    "regime,nation,extension,words",
    [
        ("FOISA", "england", None, "Scottish public authorities"),
        ("FOISA", None, "pit", "no public interest extension"),
        ("EIR", None, "pit", "no public interest extension"),
        ("FOIA", None, "eir-complex", "EIR reg 7"),
        ("FOISA", None, "eir-complex", "EIR reg 7"),
        ("GDPR", None, None, "unknown regime"),
        ("FOIA", "mars", None, "unknown nation"),
        ("FOIA", None, "forever", "unknown extension"),
    ],
)
def test_combinations_the_law_does_not_have_are_refused(regime, nation, extension, words):
    with pytest.raises(PrecedentError, match=words):
        due_date(date(2024, 9, 2), regime, nation, extension)


def test_dates_before_the_acts_came_into_force_are_refused():
    with pytest.raises(PrecedentError, match="1 January 2005"):
        due_date(date(2004, 12, 31), "FOIA")


def test_to_dict_is_json_ready():
    d = due_date(date(2024, 12, 20), "FOIA").to_dict()
    assert d["received"] == "2024-12-20" and d["due"] == "2025-01-23"
    assert d["regime"] == "FOIA" and d["nation"] == "england" and d["working_days"] == 20
    assert d["skipped"][3] == {"date": "2025-01-02", "name": "New Year Holiday (Scotland)"}


# --- clock stops and special time limits -----------------------------------------------------------------
# A plain FOIA request received Mon 2 Jun 2025 (no UK bank holiday until NI's Mon 14 Jul): 1-4 Tue 3 - Fri 6,
# 5-9 Mon 9 - Fri 13, 10-14 Mon 16 - Fri 20, 15-19 Mon 23 - Fri 27, 20 Mon 30 Jun 2025.
JUNE = date(2025, 6, 2)


def test_a_fees_notice_stops_the_foia_clock_until_the_fee_arrives_across_easter_and_may_bank_holidays():
    # Received Thu 17 Apr 2025 (Fri 18 Good Friday, Mon 21 Easter Monday). 1 Tue 22. Fees notice Wed 23 Apr, fee
    # received Wed 7 May: s10(2) disregards the working days from the notice's day to the fee's, both included:
    # Wed 23, Thu 24, Fri 25, Mon 28, Tue 29, Wed 30, Thu 1 May, Fri 2, (Mon 5 May bank holiday), Tue 6, Wed 7 =
    # 10. Then 2 Thu 8 May, 3 Fri 9, 4-8 Mon 12 - Fri 16, 9-13 Mon 19 - Fri 23; Mon 26 Spring bank holiday;
    # 14-17 Tue 27 - Fri 30, 18 Mon 2 Jun, 19 Tue 3, 20 Wed 4 Jun 2025 (without the notice: Tue 20 May).
    due = due_date(date(2025, 4, 17), "FOIA", fees_notice=date(2025, 4, 23), fee_received=date(2025, 5, 7))
    assert due.due == date(2025, 6, 4)
    assert due.paused == (date(2025, 4, 23), date(2025, 5, 7)) and due.paused_days == 10
    assert skipped(due) == [date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5), date(2025, 5, 26)]
    text = describe(due)
    assert "due by Wednesday 4 June 2025" in text and "not counting the 10 working days" in text
    assert "s10(2)" in text
    # in the pause, the working days left stay what they were on the notice's day: only Tue 22 Apr had run, 19
    # left (after Wed 30 Apr: 8, 9 May; 12-16; 19-23; 27-30; 2-4 Jun = 2 + 5 + 5 + 4 + 3)
    assert working_days_left(due, date(2025, 4, 30)) == 19


def test_the_pause_includes_both_the_notices_day_and_the_fees_day():
    # JUNE is due Mon 30 Jun. Notice and fee both Wed 4 Jun: one working day disregarded, due Tue 1 Jul;
    # notice Wed 4, fee Thu 5 Jun: two, due Wed 2 Jul 2025.
    assert due_date(JUNE, fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 4)).due == date(2025, 7, 1)
    assert due_date(JUNE, fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 5)).due == date(2025, 7, 2)


def test_while_the_fee_is_awaited_the_due_date_is_as_if_it_came_today_and_the_days_left_stand_still():
    # Notice Wed 4 Jun, no fee by Fri 13 Jun: Wed 4 - Fri 13 is 8 working days (4, 5, 6, 9-13), so 30 Jun + 8:
    # Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8, Wed 9, Thu 10 Jul 2025. Days left after Fri 13 Jun: 16-20, 23-27,
    # 30, 1-4 Jul, 7-10 Jul = 5 + 5 + 1 + 4 + 4 = 19, as on Tue 3 Jun (day 1 run, 19 to go).
    today = date(2025, 6, 13)
    due = due_date(JUNE, "FOIA", fees_notice=date(2025, 6, 4), today=today)
    assert due.due == date(2025, 7, 10) and due.awaiting == "fee"
    assert working_days_left(due, today) == 19
    assert working_days_left(due_date(JUNE), date(2025, 6, 3)) == 19
    # three months beginning with Wed 4 Jun end on Wed 3 Sep (s9(2))
    assert "Unpaid by Wednesday 3 September 2025 (s9(2))" in describe(due)


def test_a_fee_paid_after_three_months_or_a_notice_after_the_time_limit_stops_nothing():
    late_fee = due_date(JUNE, fees_notice=date(2025, 6, 4), fee_received=date(2025, 9, 4))
    assert late_fee.due == date(2025, 6, 30) and late_fee.paused is None
    assert "need not comply" in describe(late_fee)
    in_time = due_date(JUNE, fees_notice=date(2025, 6, 4), fee_received=date(2025, 9, 3))
    assert in_time.paused == (date(2025, 6, 4), date(2025, 9, 3))
    late_notice = due_date(JUNE, fees_notice=date(2025, 7, 1), fee_received=date(2025, 7, 2))
    assert late_notice.due == date(2025, 6, 30) and "does not stop the clock" in describe(late_notice)


def test_three_months_beginning_with_a_day_end_the_day_before_its_date_three_months_on():
    assert _months_later(date(2025, 6, 4), 3) == date(2025, 9, 3)
    assert _months_later(date(2025, 11, 15), 3) == date(2026, 2, 14)  # across the year end
    # 30 Nov: there is no 30 Feb, so the end of February stands for it and the period ends a day earlier
    assert _months_later(date(2025, 11, 30), 3) == date(2026, 2, 27)


def test_eir_advance_payment_stops_the_extended_clock_but_not_the_reg_7_notice():
    # EIR, reg 7 extension, received Mon 2 Jun 2025: 20 Mon 30 Jun; 21-24 Tue 1 - Fri 4 Jul, 25-29 Mon 7 -
    # Fri 11; Mon 14 Jul NI's Battle of the Boyne (12 Jul is a Saturday); 30-33 Tue 15 - Fri 18, 34-38 Mon 21 -
    # Fri 25, 39 Mon 28, 40 Tue 29 Jul. Advance payment asked Wed 4 Jun, paid Thu 5 Jun: 2 days more (reg 8(6)
    # covers the reg 7(1) extension): 41 Wed 30, 42 Thu 31 Jul 2025. The reg 7(3) notice: 20 working days after
    # receipt of the request, no pause (reg 8(7) does not list it): Mon 30 Jun.
    plain = due_date(JUNE, "EIR", extension="eir-complex")
    assert plain.due == date(2025, 7, 29) and date(2025, 7, 14) in skipped(plain)
    due = due_date(
        JUNE, "EIR", extension="eir-complex", fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 5)
    )
    assert due.due == date(2025, 7, 31) and due.notice_by == date(2025, 6, 30)
    assert "reg 8(6)" in describe(due)
    # reg 8(5): payment within 60 working days of the notice, else no duty to comply
    late = due_date(JUNE, "EIR", fees_notice=date(2025, 6, 4), fee_received=date(2025, 12, 1))
    assert late.paused is None and "(reg 8(5))" in describe(late)


def test_clarification_restarts_the_clock_from_the_day_it_arrives():
    # Received Mon 14 Apr 2025: without clarification 1 Tue 15, 2 Wed 16, 3 Thu 17; Fri 18, Mon 21 Easter; 4-7
    # Tue 22 - Fri 25, 8-12 Mon 28 - Fri 2 May; Mon 5 May; 13-16 Tue 6 - Fri 9, 17-20 Mon 12 - Thu 15 May.
    # Clarification asked Tue 15, received Thu 17 Apr: 20 working days after Thu 17 Apr (see the Easter test)
    # are to Tue 20 May under FOIA and Mon 19 May under FOISA (Easter Monday is a Scottish working day).
    assert due_date(date(2025, 4, 14), "FOIA").due == date(2025, 5, 15)
    stops = {"clarification_sought": date(2025, 4, 15), "clarification_received": date(2025, 4, 17)}
    foia = due_date(date(2025, 4, 14), "FOIA", **stops)
    assert foia.due == date(2025, 5, 20) and foia.start == date(2025, 4, 17)
    assert "after the clarification of Thursday 17 April 2025" in describe(foia) and "s10(6)(b)" in describe(
        foia
    )
    assert due_date(date(2025, 4, 14), "FOISA", **stops).due == date(2025, 5, 19)
    assert due_date(date(2025, 4, 14), "EIR", **stops).due == date(2025, 5, 20)


def test_clarification_awaited_counts_from_today_and_one_asked_for_too_late_restarts_nothing():
    # Asked Tue 15 Apr, not answered by Wed 23 Apr 2025: 1 Thu 24, 2 Fri 25, 3-7 Mon 28 - Fri 2 May; Mon 5 May;
    # 8-11 Tue 6 - Fri 9, 12-16 Mon 12 - Fri 16, 17-20 Mon 19 - Thu 22 May 2025.
    due = due_date(date(2025, 4, 14), clarification_sought=date(2025, 4, 15), today=date(2025, 4, 23))
    assert due.due == date(2025, 5, 22) and due.awaiting == "clarification"
    # JUNE is due Mon 30 Jun; clarification asked Tue 1 Jul is too late to restart it (EIR reg 9(2)(a); ICO)
    late = due_date(JUNE, clarification_sought=date(2025, 7, 1), clarification_received=date(2025, 7, 2))
    assert late.due == date(2025, 6, 30) and "does not restart the clock" in describe(late)


def test_clarification_then_a_fees_notice():
    # Received Thu 17 Apr 2025, clarification asked Fri 18, received Tue 22 Apr; fees notice Wed 23 Apr, fee Wed
    # 7 May (10 working days, as above): 1 Thu 8 May, 2 Fri 9, 3-7 Mon 12 - Fri 16, 8-12 Mon 19 - Fri 23; Mon 26;
    # 13-16 Tue 27 - Fri 30, 17 Mon 2 Jun, 18 Tue 3, 19 Wed 4, 20 Thu 5 Jun 2025.
    due = due_date(
        date(2025, 4, 17),
        clarification_sought=date(2025, 4, 18),
        clarification_received=date(2025, 4, 22),
        fees_notice=date(2025, 4, 23),
        fee_received=date(2025, 5, 7),
    )
    assert due.due == date(2025, 6, 5) and due.paused_days == 10


def test_an_archive_has_30_working_days_and_40_in_all_with_a_public_interest_extension():
    # Time for Compliance Regulations reg 4. JUNE: 20 Mon 30 Jun, 21-24 Tue 1 - Fri 4 Jul, 25-29 Mon 7 - Fri 11;
    # Mon 14 Jul NI holiday; 30 Tue 15 Jul 2025. With pit: 31-33 Wed 16 - Fri 18, 34-38 Mon 21 - Fri 25, 39 Mon
    # 28, 40 Tue 29 Jul; the s17(2) notice by the 30th, Tue 15 Jul.
    due = due_date(JUNE, "FOIA", compliance="archive")
    assert due.due == date(2025, 7, 15) and due.working_days == 30 and due.compliance is Compliance.ARCHIVE
    assert skipped(due) == [date(2025, 7, 14)] and "reg 4" in describe(due)
    pit = due_date(JUNE, "FOIA", extension="pit", compliance="archive")
    assert (pit.due, pit.notice_by, pit.working_days) == (date(2025, 7, 29), date(2025, 7, 15), 40)


@pytest.mark.parametrize("compliance", ["school", "armed_forces"])
def test_school_and_armed_forces_keep_the_20th_working_day_and_give_the_60th_as_the_latest(compliance):
    # JUNE: 20 Mon 30 Jun, 40 Tue 29 Jul (above); 41-43 Wed 30 Jul - Fri 1 Aug; Mon 4 Aug Scottish holiday;
    # 44-47 Tue 5 - Fri 8, 48-52 Mon 11 - Fri 15, 53-57 Mon 18 - Fri 22; Mon 25 Aug summer bank holiday;
    # 58-60 Tue 26 - Thu 28 Aug 2025.
    due = due_date(JUNE, "FOIA", compliance=compliance)
    assert due.due == date(2025, 6, 30) and due.latest == date(2025, 8, 28)
    assert "Thursday 28 August 2025, the 60th" in describe(due)
    assert due_date(JUNE, "FOIA").latest is None


def test_eir_in_scotland_records_a_fees_notice_but_it_moves_nothing():
    """The EIR (Scotland) reg 8 text was not checked: a fee does not pause the clock (the earliest date). Their
    reg 9 clarification restarts it (tests/unit/test_clock_eisr_s37.py)."""
    due = due_date(JUNE, "EIR", "scotland", fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 20))
    assert due.due == date(2025, 6, 30) and due.paused is None and due.start == JUNE
    assert "charging provision (reg 8) is not applied here" in describe(due)


@pytest.mark.parametrize(
    "kwargs,words",
    [
        ({"regime": "FOISA", "compliance": "archive"}, "vary FOIA only"),
        ({"regime": "EIR", "compliance": "school"}, "vary FOIA only"),
        ({"compliance": "prison"}, "unknown compliance"),
        ({"fees_notice": date(2025, 6, 4), "fee_received": date(2025, 6, 3)}, "the fee received .* before"),
        ({"fee_received": date(2025, 6, 3)}, "needs the date the fees notice"),
        ({"fees_notice": date(2025, 6, 1)}, "the fees notice .* before the day the request"),
        ({"clarification_sought": date(2025, 5, 30)}, "the clarification sought .* before"),
        ({"clarification_received": date(2025, 6, 5)}, "needs the date it was asked for"),
        (
            {"clarification_sought": date(2025, 6, 5), "clarification_received": date(2025, 6, 4)},
            "the clarification received .* before the day it was asked for",
        ),
    ],
)
def test_impossible_stops_and_limits_outside_foia_are_refused(kwargs, words):
    with pytest.raises(PrecedentError, match=words):
        due_date(JUNE, **kwargs)


def test_to_dict_names_the_stops_and_the_limit():
    # Two working days paused (Wed 4, Thu 5 Jun): due Wed 2 Jul (above); the 60th, Thu 28 Aug, moves two working
    # days too: Fri 29 Aug, Mon 1 Sep 2025.
    d = due_date(
        JUNE, fees_notice=date(2025, 6, 4), fee_received=date(2025, 6, 5), compliance="school"
    ).to_dict()
    assert (d["fees_notice"], d["fee_received"], d["clarification_sought"]) == (
        "2025-06-04",
        "2025-06-05",
        None,
    )
    assert (d["compliance"], d["paused_working_days"], d["latest"], d["due"]) == (
        "school",
        2,
        "2025-09-01",
        "2025-07-02",
    )
