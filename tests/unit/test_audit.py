"""The audit log: migrations (legacy SQLite and Alembic) and its entries, on SQLite and a real PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from foi_precedent.audit.log import MIGRATIONS, AuditLog
from foi_precedent.errors import PrecedentError

SCHEMA = (
    len(MIGRATIONS) + 2
)  # the legacy list (audit_0001 is its first four, audit_0002 the fifth), then audit_0003 and audit_0004


def test_migrations_run_once_and_are_numbered(tmp_path):
    log = AuditLog(tmp_path / "a.sqlite3")
    assert log.migrate() == SCHEMA
    AuditLog(tmp_path / "a.sqlite3")  # reopening does not re-run them
    with sqlite3.connect(tmp_path / "a.sqlite3") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = conn.execute("SELECT version_num FROM alembic_version_audit").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert {"checks", "drafts", "overrides", "corrections"} <= tables and "_migrations" not in tables
    assert (revision, user_version) == ("audit_0004", SCHEMA)


def test_override_needs_a_reason_and_is_recorded(tmp_path, database_url):
    log = AuditLog(tmp_path / "a.sqlite3", database_url=database_url)
    with pytest.raises(PrecedentError):
        log.record_override(label="Q3", kind="treatment_divergence", reason="  ")
    log.record_override(label="Q3", kind="treatment_divergence", reason="Grid withdrawn in 2025")
    rows = log.rows("overrides")
    assert rows[0]["reason"] == "Grid withdrawn in 2025" and rows[0]["created_at"]


def test_every_entry_names_its_user(tmp_path, database_url):
    from types import SimpleNamespace

    from foi_precedent.identity import os_user
    from foi_precedent.letters.parser import parse_text

    log = AuditLog(tmp_path / "a.sqlite3", database_url=database_url)
    assert log.user == os_user()  # the CLI's and the embedded app's user
    alice = log.as_user("alice")
    letter = parse_text("Q1. How many?\nA1. Two.", source="t")
    alice.record_check(SimpleNamespace(letter=letter, flags=(), questions=()), source="t")
    alice.record_draft(
        request_text="r",
        mode="precedent",
        model=None,
        prompt_version=None,
        consensus=(),
        flags=(),
        tokens=None,
    )
    alice.record_override(label="Q1", kind="k", reason="because")
    log.record_supersession(reference="A", superseded_by="B")
    assert [r["user_name"] for t in ("checks", "drafts", "overrides") for r in log.rows(t)] == ["alice"] * 3
    assert log.rows("overrides")[0]["reviewer"] == "alice"
    assert log.rows("supersessions")[0]["user_name"] == os_user()


def test_the_user_migration_keeps_earlier_entries(tmp_path):
    """A log written before migration 4 gains the column; its old rows name nobody (nobody was recorded)."""
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        for number, migration in enumerate(MIGRATIONS[:3], start=1):
            conn.executescript(f"{migration.sql}\nPRAGMA user_version = {number};")
        conn.execute(
            "INSERT INTO overrides (created_at, label, kind, reason) VALUES ('2026-01-01', 'Q1', 'k', 'r')"
        )
    log = AuditLog(path, user="bob")
    assert log.migrate() == SCHEMA and len(MIGRATIONS) >= 4
    log.record_override(label="Q2", kind="k", reason="r2")
    assert [(r["label"], r["user_name"]) for r in log.rows("overrides")] == [("Q1", None), ("Q2", "bob")]


@pytest.mark.parametrize("applied", [4, 5])
def test_a_log_written_before_alembic_opens_with_every_entry_kept(tmp_path, applied):
    """The legacy format exactly (named migrations by the old code path): a log of the last release before the
    case versions (4 applied) gets the fifth, then both are stamped at the Alembic revision it equals."""
    from foi_precedent.migrations import applied as applied_names
    from foi_precedent.migrations import migrate

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:applied], what="audit log")
    conn.execute(
        "INSERT INTO drafts (created_at, request_hash, mode, precedents, flags, user_name) "
        "VALUES ('2026-01-01', 'h', 'precedent', '[]', '[]', 'ann')"
    )
    conn.execute(
        "INSERT INTO overrides (created_at, draft_id, label, kind, reason, user_name) "
        "VALUES ('2026-01-01', 1, 'Q1', 'k', 'old reason', 'ann')"
    )
    conn.execute(
        "INSERT INTO supersessions (created_at, action, reference, superseded_by, user_name) "
        "VALUES ('2026-01-02', 'supersede', 'A', 'B', 'ann')"
    )
    conn.close()
    log = AuditLog(path, user="bob")
    assert log.migrate() == SCHEMA
    assert [m.name for m in MIGRATIONS] == [n for n, _ in applied_names(sqlite3.connect(path))]
    assert [(r["reason"], r["user_name"], r["version_id"]) for r in log.rows("overrides")] == [
        ("old reason", "ann", None)
    ]
    assert (
        log.rows("drafts")[0]["mode"] == "precedent" and log.rows("supersessions")[0]["superseded_by"] == "B"
    )
    log.record_override(label="Q1", kind="k", reason="new", version_id=3, draft_id=1)
    assert [o["reason"] for o in log.overrides_for_version(3)] == ["new"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version_audit").fetchone()[0] == "audit_0004"


def test_a_log_from_a_newer_precedent_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 3}")
    with pytest.raises(PrecedentError, match="newer version of Precedent"):
        AuditLog(path)


def test_overrides_are_appended_per_version_and_the_later_is_in_force(tmp_path, database_url):
    log = AuditLog(tmp_path / "a.sqlite3", user="ann", database_url=database_url)
    first = log.record_override(label="Q1", kind="k", reason="first", version_id=7, flag_key="k-1")
    log.as_user("ben").record_override(label="Q1", kind="k", reason="second", version_id=7, flag_key="k-1")
    log.record_override(label="Q2", kind="k", reason="other version", version_id=8)
    got = log.overrides_for_version(7)
    assert [(o["reason"], o["user_name"], o["flag_key"]) for o in got] == [
        ("first", "ann", "k-1"),
        ("second", "ben", "k-1"),
    ]
    assert got[0]["id"] == first and got[0]["created_at"] and got[0]["label"] == "Q1"
    assert log.overrides_for_version(99) == []


def _correction(label="Q2", treatments="withheld", reason="the letter withholds locations under s31"):
    from foi_precedent.corrections import make_correction

    made = make_correction(
        "FOI-1",
        label,
        treatments=treatments,
        exemptions="s31(1)(a)",
        officer="alice",
        at="2026-12-06T08:00:00+00:00",
        reason=reason,
    )
    return dataclasses.replace(made, id=7)  # as the index's store returns it


def _question():
    from foi_precedent.letters.model import Pointer, Question, Treatment

    return Question(
        "Q2",
        "Where flown?",
        "Locations are not given.",
        (Treatment.OTHER,),
        pointers=(Pointer("Flight log"),),
        review="no answer found",
    )


def test_a_correction_is_recorded_with_the_reading_it_replaced(tmp_path, database_url):
    """Who corrected which letter's question, when, from what reading to what, and why; the store's row id."""
    log = AuditLog(tmp_path / "a.sqlite3", database_url=database_url).as_user("alice")
    entry = log.record_correction(_correction(), previous=_question())
    (row,) = log.rows("corrections")
    assert row["id"] == entry and row["created_at"] and row["user_name"] == "alice"
    assert (row["reference"], row["label"], row["correction_id"]) == ("FOI-1", "Q2", 7)
    assert row["reason"] == "the letter withholds locations under s31"
    previous, now = json.loads(row["previous"]), json.loads(row["reading"])
    assert (previous["treatments"], previous["exemptions"], previous["review"]) == (
        ["other"],
        [],
        "no answer found",
    )
    assert (now["treatments"], now["exemptions"], now["review"]) == (["withheld"], ["s31(1)(a)"], None)
    assert (
        previous["pointers"] == now["pointers"] == ["Flight log"]
    )  # the correction left the pointers standing


def test_the_corrections_revision_upgrades_a_log_at_the_one_before_with_its_entries_kept(
    tmp_path, database_url
):
    """A log the release before left (at audit_0002, an override in it) gains the corrections table."""
    from foi_precedent.db import Database, database_url_for
    from foi_precedent.db.engine import _run_alembic

    path = tmp_path / "a.sqlite3"
    db = Database(
        "audit", database_url_for(path, database_url), what="audit log", legacy=MIGRATIONS, baseline=4
    )
    with db.write() as conn:
        if not db.sqlite:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{db.schema}"')
        _run_alembic("audit", conn, db.version_table, "upgrade", "audit_0002")
        conn.exec_driver_sql(
            "INSERT INTO overrides (created_at, label, kind, reason, user_name, version_id) "
            "VALUES ('2026-01-01', 'Q1', 'k', 'old reason', 'ann', 3)"
        )
    db.dispose()
    log = AuditLog(path, user="bob", database_url=database_url)
    assert log.migrate() == SCHEMA
    assert [o["reason"] for o in log.overrides_for_version(3)] == ["old reason"]
    assert log.rows("corrections") == []
    log.record_correction(_correction(), previous=_question())
    assert [r["user_name"] for r in log.rows("corrections")] == ["bob"]
