"""The statutory clock against due dates worked out by hand from the calendar (never from the code under test).

Day 1 is the first working day after receipt. FOIA and the EIR 2004 skip bank holidays in any part of the UK
(FOIA s10(6)); FOISA skips only Scottish ones (s73).
"""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.cases.clock import Extension, Nation, due_date, extension_notice
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
