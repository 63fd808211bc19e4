"""``precedent correct`` and ``precedent corrections``: a correction is precedent at once (no re-ingest), listed
with who made it; a user's mistake is one clear line and exit 2, never a traceback."""

from __future__ import annotations

import json

import pytest

LETTER = """Reference: FOI-2024-001
Date: 1 March 2024

Dear Requester,

Freedom of Information Act 2000 request

Question 1: How many drones does the force own and operate?
Answer: The force owns 4 drones.

Question 2: Please provide the date and location of each drone flight in 2023.
Answer: We have decided to release this information. Please find it attached.

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""


@pytest.fixture
def cli(run_cli, tmp_path):
    run = run_cli
    path = tmp_path / "letter.md"
    path.write_text(LETTER, encoding="utf-8")
    assert run("ingest", path)[0] == 0
    run.path = path
    return run


def test_a_correction_is_precedent_at_once_and_listed(cli):
    code, out, err = cli(
        "correct",
        "FOI-2024-001",
        "Q2",  # loose: the letter writes "Question 2"
        "--treatments",
        "withheld",
        "--exemptions",
        "Section 31(1)(a)&(b)",
        "--reason",
        "the locations were withheld under s31; the attachment is the count",
    )
    assert code == 0 and err == ""
    assert out.startswith("FOI-2024-001 Question 2 is now read as withheld (s31(1)(a), s31(1)(b))")
    assert "it was read as disclosed" in out

    code, out, _ = cli("search", "date and location of each drone flight", "--json")
    hits = json.loads(out)["hits"]
    hit = next(h for h in hits if h["label"] == "Question 2")
    assert hit["treatments"] == ["withheld"] and hit["exemptions"] == ["s31(1)(a)", "s31(1)(b)"]
    assert hit["corrected"]["reason"].startswith("the locations were withheld")
    assert all(h["corrected"] is None for h in hits if h["label"] != "Question 2")
    code, out, _ = cli("search", "date and location of each drone flight")
    assert "Question 2" in out and "reading corrected by" in out
    code, out, _ = cli("search", "drone flight locations", "--treatment", "disclosed", "--json")
    assert all(h["label"] != "Question 2" for h in json.loads(out)["hits"])

    code, out, _ = cli("corrections", "FOI-2024-001", "--json")
    (made,) = json.loads(out)
    assert made["label"] == "Question 2" and made["state"] == "in force" and made["officer"]
    code, out, _ = cli("corrections")
    assert "FOI-2024-001 Question 2: withheld (s31(1)(a), s31(1)(b))" in out and "[in force]" in out


@pytest.mark.parametrize(
    "args,expected",
    [
        (("NOPE-1", "Q1", "--treatments", "withheld", "--reason", "r"), "No letter 'NOPE-1' in the index"),
        (("FOI-2024-001", "Q9", "--treatments", "withheld", "--reason", "r"), "has no question 'Q9'"),
        (("FOI-2024-001", "Q1", "--treatments", "refused", "--reason", "r"), "'refused' is not a treatment"),
        (
            ("FOI-2024-001", "Q1", "--treatments", "withheld", "--exemptions", "s999x", "--reason", "r"),
            "not an exemption",
        ),
        (("FOI-2024-001", "Q1", "--treatments", "withheld"), "needs a reason"),
    ],
)
def test_a_mistake_is_one_clear_line(cli, args, expected):
    code, out, err = cli("correct", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err
    assert cli("corrections", "--json")[1].strip() == "[]"


def test_corrections_of_an_unknown_letter_is_an_error(cli):
    code, _, err = cli("corrections", "NOPE-1")
    assert code == 2 and "No letter 'NOPE-1'" in err


def test_a_correction_whose_question_is_gone_is_listed_as_orphaned(cli):
    args = ("--treatments", "withheld", "--exemptions", "s31(1)(a)", "--reason", "misread")
    assert cli("correct", "FOI-2024-001", "Question 2", *args)[0] == 0
    # the letter's file is changed so that its questions are labelled otherwise, and ingested again
    cli.path.write_text(LETTER.replace("Question ", "Request "), encoding="utf-8")
    assert cli("ingest", cli.path)[0] == 0
    code, out, _ = cli("corrections", "FOI-2024-001", "--json")
    assert [c["state"] for c in json.loads(out)] == ["orphaned"]
    code, out, _ = cli("search", "date and location of each drone flight", "--json")
    hit = next(h for h in json.loads(out)["hits"] if h["label"] == "Request 2")
    assert hit["treatments"] == ["disclosed"] and hit["corrected"] is None  # not applied to another question
    # corrected again, the new question's correction is in force and the old one stays listed
    assert cli("correct", "FOI-2024-001", "Request 2", *args)[0] == 0
    code, out, _ = cli("corrections", "FOI-2024-001", "--json")
    assert [(c["label"], c["state"]) for c in json.loads(out)] == [
        ("Question 2", "orphaned"),
        ("Request 2", "in force"),
    ]


def test_a_later_correction_replaces_the_earlier_which_stays_listed(cli):
    assert cli("correct", "FOI-2024-001", "Q1", "--treatments", "not_held", "--reason", "first look")[0] == 0
    assert (
        cli("correct", "FOI-2024-001", "Q1", "--treatments", "disclosed", "--reason", "second look")[0] == 0
    )
    code, out, _ = cli("corrections", "--json")
    assert [(c["reason"], c["state"]) for c in json.loads(out)] == [
        ("first look", "replaced"),
        ("second look", "in force"),
    ]


def test_each_correction_is_in_the_audit_log_with_the_reading_it_replaced(cli):
    """Who, when, which letter and question, the reading before -> the reading after, and why; a second
    correction replaces the first's reading, not the reader's. A refused correction writes nothing."""
    from foi_precedent.audit.log import AuditLog
    from foi_precedent.identity import os_user
    from foi_precedent.settings import Settings

    args = ("--exemptions", "s31(1)(a)", "--reason")
    assert cli("correct", "FOI-2024-001", "Q2", "--treatments", "withheld", *args, "first look")[0] == 0
    assert cli("correct", "FOI-2024-001", "Q2", "--treatments", "ncnd", *args, "second look")[0] == 0
    assert cli("correct", "FOI-2024-001", "Q9", "--treatments", "ncnd", *args, "no such question")[0] == 2
    made = json.loads(cli("corrections", "--json")[1])
    rows = AuditLog(Settings.from_env().audit_db).rows("corrections")
    assert [(r["reference"], r["label"], r["reason"], r["user_name"]) for r in rows] == [
        ("FOI-2024-001", "Question 2", "first look", os_user()),
        ("FOI-2024-001", "Question 2", "second look", os_user()),
    ]
    assert [r["correction_id"] for r in rows] == [c["id"] for c in made] and all(
        r["created_at"] for r in rows
    )
    readings = [
        (json.loads(r["previous"])["treatments"], json.loads(r["reading"])["treatments"]) for r in rows
    ]
    assert readings == [(["disclosed"], ["withheld"]), (["withheld"], ["ncnd"])]


def test_a_second_correction_says_which_correction_it_replaces(cli):
    first = ("correct", "FOI-2024-001", "Q2", "--treatments", "withheld", "--exemptions", "s31(1)(a)")
    assert cli(*first, "--reason", "withheld under s31")[0] == 0
    code, out, _ = cli(
        "correct",
        "FOI-2024-001",
        "Q2",
        "--treatments",
        "partly_disclosed",
        "--exemptions",
        "s40(2)",
        "--reason",
        "only the pilots' names were withheld",
    )
    assert code == 0
    assert "it was read as disclosed" in out  # the reader's own reading
    assert "this replaces the correction to withheld (s31(1)(a)) by " in out and "withheld under s31" in out
