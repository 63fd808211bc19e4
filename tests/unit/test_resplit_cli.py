"""``precedent resplit``: an officer sets the questions of a letter the reader split wrongly; the letter is read
again with them at once, listed by ``precedent corrections``, in the audit log, and undone with ``--undo``. A
user's mistake is one clear line and exit 2, with nothing written."""

from __future__ import annotations

import json

import pytest

LETTER = """Reference: KS-2024-001
Date: 1 March 2024

Dear Requester,

Your request:
1. I am writing as a resident concerned about the parish newsletter and its printing contract.
2. How many kestrel nest boxes has the council installed, and how many badger setts are on council land?
3. What did the council spend on hedgerow surveys in 2023?

Our response:
1. Noted.
2. The council has installed 14 kestrel nest boxes. There are 3 badger setts on council land.
3. This information is not held.

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""

QUESTIONS = """2 - How many kestrel nest boxes has the council installed?
2b - How many badger setts are on council land?

3 - What did the council spend on hedgerow surveys in 2023?
"""
REASON = "item 1 is the requester's preamble; item 2 asks two things"


@pytest.fixture
def cli(run_cli, tmp_path):
    run = run_cli
    path = tmp_path / "letter.md"
    path.write_text(LETTER, encoding="utf-8")
    assert run("ingest", path)[0] == 0
    questions = tmp_path / "questions.txt"
    questions.write_text(QUESTIONS, encoding="utf-8")
    run.path, run.questions = path, questions
    return run


def _search_labels(cli, query):
    code, out, _ = cli("search", query, "--json")
    return [h["label"] for h in json.loads(out)["hits"] if h["reference"] == "KS-2024-001"]


def test_a_resplit_is_read_at_once_listed_audited_and_undone(cli):
    from foi_precedent.audit.log import AuditLog
    from foi_precedent.identity import os_user
    from foi_precedent.settings import Settings

    assert "1" in _search_labels(cli, "resident concerned about the parish newsletter printing contract")
    code, out, err = cli("resplit", "KS-2024-001", "--questions", cli.questions, "--reason", REASON)
    assert code == 0 and err == ""
    assert out.startswith(f"KS-2024-001 is now read with 3 questions set by {os_user()}: {REASON}")
    assert "  2b  How many badger setts are on council land?" in out
    assert "it was read with 1, 2, 3 (the reader's split)" in out
    assert "2b" in _search_labels(cli, "badger setts on council land")
    assert "1" not in _search_labels(cli, "resident concerned about the parish newsletter printing contract")

    code, out, _ = cli("corrections", "KS-2024-001", "--json")
    (made,) = json.loads(out)
    assert (made["kind"], made["state"], made["undo"], made["reason"]) == ("split", "in force", False, REASON)
    assert [q["label"] for q in made["questions"]] == ["2", "2b", "3"] and made["label"] is None
    assert "split into 2, 2b, 3" in cli("corrections")[1]

    code, out, _ = cli(
        "resplit", "KS-2024-001", "--undo", "--reason", "the reader was right after all", "--json"
    )
    undone = json.loads(out)
    assert code == 0 and undone["undo"] is True
    assert [q["label"] for q in undone["previous"]] == ["2", "2b", "3"]
    assert [q["label"] for q in undone["read_as"]] == ["1", "2", "3"]
    code, out, _ = cli("corrections", "--json")
    assert [(c["kind"], c["undo"], c["state"]) for c in json.loads(out)] == [
        ("split", False, "replaced"),
        ("split", True, "in force"),
    ]
    rows = AuditLog(Settings.from_env().audit_db).rows("split_corrections")
    assert [(r["reference"], r["undo"], r["user_name"]) for r in rows] == [
        ("KS-2024-001", 0, os_user()),
        ("KS-2024-001", 1, os_user()),
    ]
    assert [q["label"] for q in json.loads(rows[0]["previous"])] == ["1", "2", "3"]
    assert [q["label"] for q in json.loads(rows[0]["questions"])] == ["2", "2b", "3"]
    assert [r["split_id"] for r in rows] == [c["id"] for c in json.loads(out)]


def test_questions_are_read_from_standard_input_and_survive_a_reingest(cli):
    code, out, _ = cli(
        "resplit", "KS-2024-001", "--questions", "-", "--reason", REASON, "--json", stdin=QUESTIONS
    )
    assert code == 0 and [q["label"] for q in json.loads(out)["read_as"]] == ["2", "2b", "3"]
    code, out, _ = cli("ingest", cli.path, "--json")
    assert json.loads(out)["unchanged"] == 1
    assert "2b" in _search_labels(cli, "badger setts on council land")


def test_a_treatment_correction_of_a_label_the_new_split_lacks_is_reported(cli):
    assert cli("correct", "KS-2024-001", "1", "--treatments", "not_held", "--reason", "preamble")[0] == 0
    code, out, _ = cli("resplit", "KS-2024-001", "--questions", cli.questions, "--reason", REASON)
    assert code == 0 and "the correction of 1 by" in out and "is not applied" in out
    code, out, _ = cli("corrections", "KS-2024-001", "--json")
    assert [(c["kind"], c["state"]) for c in json.loads(out)] == [
        ("reading", "orphaned"),
        ("split", "in force"),
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (("NOPE-1", "--questions", "-", "--reason", "r"), QUESTIONS, "No letter 'NOPE-1'"),
        (("KS-2024-001", "--questions", "-", "--reason", "r"), "\n\n", "at least one question"),
        (("KS-2024-001", "--questions", "-"), QUESTIONS, "needs a reason"),
        (("KS-2024-001", "--questions", "-", "--reason", "r"), "2 - a\n2 - b\n", "'2' is given twice"),
        (("KS-2024-001", "--reason", "r"), None, "either the questions"),
        (("KS-2024-001", "--undo", "--questions", "-", "--reason", "r"), QUESTIONS, "either the questions"),
        (("KS-2024-001", "--questions", "/no/such/file", "--reason", "r"), None, "Cannot read the questions"),
        (("KS-2024-001", "--undo"), None, "needs a reason"),
    ],
)
def test_a_mistake_is_one_clear_line_and_nothing_is_written(cli, args, stdin, expected):
    code, out, err = cli("resplit", *args, stdin=stdin)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err
    assert cli("corrections", "--json")[1].strip() == "[]"


def test_search_says_which_precedents_come_from_a_letter_an_officer_re_split(cli):
    from foi_precedent.identity import os_user

    def hits(*extra):
        code, out, _ = cli("search", "badger setts on council land", *extra)
        assert code == 0
        return out

    before = json.loads(hits("--json"))["hits"]
    assert before and all(h["resplit"] is None for h in before)
    assert cli("resplit", "KS-2024-001", "--questions", cli.questions, "--reason", REASON)[0] == 0
    after = [h for h in json.loads(hits("--json"))["hits"] if h["reference"] == "KS-2024-001"]
    assert after and all(
        h["resplit"] == {"officer": os_user(), "at": h["resplit"]["at"], "reason": REASON} for h in after
    )
    assert f"questions set by {os_user()}" in hits()


def test_reread_after_an_upgrade_prints_what_it_did(cli):
    """``precedent reread``: nothing to do right after an ingest (a dry run and a real run both say so, as JSON and
    as a line); the resplit letter keeps its questions."""
    assert cli("resplit", "KS-2024-001", "--questions", cli.questions, "--reason", REASON)[0] == 0
    code, out, _ = cli("reread", "--dry-run", "--json")
    assert code == 0
    assert json.loads(out) == {
        "dry_run": True,
        "letters": 1,
        "changed": [],
        "unchanged": 1,
        "kept": [],
        "stale": False,  # read by this reader: nothing was stale
    }
    code, out, _ = cli("reread")
    assert code == 0
    assert out.strip() == (
        "Re-read: 1 letter read again, 0 read differently (indexed again), 1 unchanged, 0 could not be read "
        "(their reading kept)."
    )
