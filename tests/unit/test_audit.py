from __future__ import annotations

import sqlite3

import pytest

from foi_precedent.audit.log import MIGRATIONS, AuditLog
from foi_precedent.errors import PrecedentError


def test_migrations_run_once_and_are_numbered(tmp_path):
    log = AuditLog(tmp_path / "a.sqlite3")
    assert log.migrate() == len(MIGRATIONS)
    AuditLog(tmp_path / "a.sqlite3")  # reopening does not re-run them
    with sqlite3.connect(tmp_path / "a.sqlite3") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"checks", "drafts", "overrides"} <= tables


def test_override_needs_a_reason_and_is_recorded(tmp_path):
    log = AuditLog(tmp_path / "a.sqlite3")
    with pytest.raises(PrecedentError):
        log.record_override(label="Q3", kind="treatment_divergence", reason="  ")
    log.record_override(label="Q3", kind="treatment_divergence", reason="Grid withdrawn in 2025")
    rows = log.rows("overrides")
    assert rows[0]["reason"] == "Grid withdrawn in 2025" and rows[0]["created_at"]
