"""``precedent due``: the public JSON keys, and one clear line with exit 2 for a bad date or option."""

from __future__ import annotations

import json

import pytest

from foi_precedent.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_due_json_has_the_public_keys(capsys):
    code, out, _ = run(capsys, "due", "2024-12-20", "--regime", "FOIA", "--nation", "england", "--json")
    d = json.loads(out)
    assert code == 0
    assert {"received", "due", "regime", "nation", "working_days"} <= set(d)
    # worked by hand in test_clock: 25, 26 Dec, 1 Jan and Scotland's 2 Jan are not FOIA working days
    assert (d["received"], d["due"], d["regime"], d["nation"], d["working_days"]) == (
        "2024-12-20",
        "2025-01-23",
        "FOIA",
        "england",
        20,
    )


def test_due_with_pit_extension_drafts_the_s17_2_notice(capsys):
    code, out, _ = run(capsys, "due", "2024-09-02", "--extension", "pit", "--json")
    d = json.loads(out)
    assert (
        code == 0 and d["due"] == "2024-10-28" and d["notice_by"] == "2024-09-30" and d["working_days"] == 40
    )
    assert "section 17(1)" in d["notice"] and "Monday 28 October 2024" in d["notice"]


def test_due_with_a_fee_a_clarification_and_an_archive_limit(capsys):
    # worked by hand in test_clock: received Mon 2 Jun 2025, an archive's 30th working day is Tue 15 Jul (NI's
    # Mon 14 Jul skipped); clarification asked Tue 3, received Fri 6 Jun restarts it: 30 working days after Fri
    # 6 Jun are 9-13, 16-20, 23-27, 30 Jun - 4 Jul, 7-11 (25), Tue 15 - Fri 18 (29), Mon 21 Jul (30); a fees
    # notice Mon 9 Jun and fee Tue 10 Jun stop it two working days: Wed 23 Jul 2025.
    code, out, _ = run(
        capsys,
        "due",
        "2025-06-02",
        "--compliance",
        "archive",
        "--clarification-sought",
        "2025-06-03",
        "--clarification-received",
        "2025-06-06",
        "--fees-notice",
        "2025-06-09",
        "--fee-received",
        "2025-06-10",
        "--json",
    )
    d = json.loads(out)
    assert code == 0
    assert (d["due"], d["working_days"], d["compliance"], d["counted_from"], d["paused_working_days"]) == (
        "2025-07-23",
        30,
        "archive",
        "2025-06-06",
        2,
    )
    assert (d["fees_notice"], d["fee_received"], d["clarification_sought"], d["clarification_received"]) == (
        "2025-06-09",
        "2025-06-10",
        "2025-06-03",
        "2025-06-06",
    )
    code, out, _ = run(capsys, "due", "2025-06-02", "--compliance", "armed_forces")
    assert (
        code == 0 and "due by Monday 30 June 2025" in out and "no later than Thursday 28 August 2025" in out
    )


def test_due_text_is_a_sentence_and_the_holidays(capsys):
    code, out, _ = run(capsys, "due", "2023-11-27", "--regime", "foisa")
    assert code == 0
    assert out.startswith(
        "A FOISA request received on Monday 27 November 2023 is due by Thursday 28 December 2023"
    )
    assert "2023-11-30  Saint Andrew's Day" in out


@pytest.mark.parametrize(
    "args,words",
    [
        (["2024-13-01"], "not a date"),
        (["20/12/2024"], "not a date"),
        ([], "give the date"),
        (["2024-12-20", "--regime", "GDPR"], "unknown regime"),
        (["2024-12-20", "--nation", "cornwall"], "unknown nation"),
        (["2024-12-20", "--regime", "FOISA", "--extension", "pit"], "no public interest extension"),
        (["2025-06-02", "--fees-notice", "2025-06-04", "--fee-received", "2025-06-03"], "cannot be before"),
        (["2025-06-02", "--fee-received", "2025-06-03"], "needs the date the fees notice"),
        (["2025-06-02", "--fees-notice", "2025-05-30"], "before the day the request was received"),
        (
            ["2025-06-02", "--clarification-sought", "2025-06-05", "--clarification-received", "2025-06-04"],
            "cannot be before the day it was asked for",
        ),
        (["2025-06-02", "--clarification-sought", "2025-05-01"], "before the day the request was received"),
        (["2025-06-02", "--clarification-received", "2025-06-04"], "needs the date it was asked for"),
        (["2025-06-02", "--fees-notice", "4/6/2025"], "not a date"),
        (["2025-06-02", "--compliance", "prison"], "unknown compliance"),
        (["2025-06-02", "--regime", "FOISA", "--compliance", "school"], "vary FOIA only"),
    ],
)
def test_bad_date_or_option_is_one_clear_line(capsys, args, words):
    code, out, err = run(capsys, "due", *args, "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
