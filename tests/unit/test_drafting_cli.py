"""``precedent draft``: options, JSON shape, bad input as one line and exit 2."""

from __future__ import annotations

import json

import pytest

from foi_precedent import cli
from foi_precedent.audit.log import AuditLog
from foi_precedent.identity import os_user
from foi_precedent.letters.parser import parse_file
from foi_precedent.settings import Settings
from tests.conftest import SEED_025506, SEED_036325
from tests.fakes import MemoryIndex


class FakeServices:
    def __init__(self):
        self.settings = Settings.from_env()
        self.index = MemoryIndex([parse_file(SEED_036325), parse_file(SEED_025506)])
        self.audit = AuditLog(self.settings.audit_db)


@pytest.fixture
def services(monkeypatch):
    fake = FakeServices()
    monkeypatch.setattr(cli, "_services", lambda: fake)
    return fake


def test_draft_json_precedent_mode(services, tmp_path, capsys):
    req = tmp_path / "request.txt"
    asked = parse_file(SEED_036325).question("Q2").text  # the same question: its pointer is precedent
    req.write_text(f"Q1 - {asked}\nYours sincerely,\nJane Example\n", encoding="utf-8")
    out = tmp_path / "draft.md"
    code = cli.main(
        [
            "draft",
            str(req),
            "--mode",
            "precedent",
            "--json",
            "--out",
            str(out),
            "--authority",
            "Metropolitan Police Service",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["model"] == "precedent-only" and data["mode"] == "precedent"
    assert data["questions"][0]["plan"]["pointers"] == ["LFR Deployment Grid"]
    assert out.read_text(encoding="utf-8") == data["draft"]
    assert "Dear Jane Example," in data["draft"]
    drafts = services.audit.rows("drafts")
    assert len(drafts) == 1 and drafts[0]["user_name"] == os_user()  # the CLI acts as the OS user


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("Thanks.\n", "no question"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(services, tmp_path, capsys, content, message):
    req = tmp_path / "request.txt"
    req.write_text(content, encoding="utf-8")
    assert cli.main(["draft", str(req), "--mode", "precedent"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("precedent: error:") and message in err and "\n" not in err


def test_unsupported_file_type(services, tmp_path, capsys):
    req = tmp_path / "request.xlsx"
    req.write_bytes(b"PK")
    assert cli.main(["draft", str(req)]) == 2
    assert "unsupported file type" in capsys.readouterr().err


def test_a_plan_resting_on_guessed_readings_prints_why_a_decision_is_needed(services, tmp_path, capsys):
    from dataclasses import replace

    seed = parse_file(SEED_036325)
    guessed = tuple(replace(q, confidence=0.4) for q in seed.questions)  # every answer marked for review
    services.index = MemoryIndex([replace(seed, reference=f"GUESS-{i}", questions=guessed) for i in range(2)])
    req = tmp_path / "request.txt"
    req.write_text(f"Q1 - {seed.question('Q2').text}\n", encoding="utf-8")
    assert (
        cli.main(["draft", str(req), "--mode", "precedent", "--authority", "Metropolitan Police Service"])
        == 0
    )
    err = capsys.readouterr().err
    assert "Q1: DECISION NEEDED - The 2 precedents that pointed to the public domain" in err
    assert "are all readings marked for review: check how they were read and decide the answer." in err
