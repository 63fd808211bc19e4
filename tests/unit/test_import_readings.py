"""``precedent import-readings``: reviewed readings (each letter's questions and how each was answered, as people
read them) brought into the index as officers' split and reading corrections, only where the index reads them
otherwise; run again, nothing is left to do. A bad file is one clear line and exit 2, with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foi_precedent import reviewed
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from tests.unit.test_resplit_cli import (
    LETTER,
)  # the letter the reader splits wrongly (a preamble, two asks as one)


def _q(label, text, treatments, exemptions=()):
    return {"label": label, "text": text, "treatments": treatments, "exemptions": list(exemptions)}


# the reader reads item 1 (a preamble) as a question and item 2's two asks as one: a person splits it otherwise
SPLIT = [
    _q("2", "How many kestrel nest boxes has the council installed?", ["disclosed"]),
    _q("2b", "How many badger setts are on council land?", ["withheld"], ["s38(1)(b)"]),
    _q("3", "What did the council spend on hedgerow surveys in 2023?", ["not_held"]),
]
# the reader's own split, with a reading a person reads otherwise (item 3)
SAME = [
    _q("1", "I am writing as a resident concerned about the parish newsletter", ["other"]),
    _q(
        "2",
        "How many kestrel nest boxes has the council installed, and how many badger setts",
        ["disclosed"],
    ),
    _q("3", "What did the council spend on hedgerow surveys in 2023?", ["withheld"], ["s43(2)"]),
]


@pytest.fixture
def cli(run_cli, tmp_path):
    run = run_cli
    (tmp_path / "ks.md").write_text(LETTER, encoding="utf-8")
    assert run("ingest", tmp_path / "ks.md")[0] == 0
    run.folder = tmp_path
    return run


def _file(folder, *letters, name="reviewed.jsonl"):
    path = folder / name
    path.write_text("\n".join(json.dumps(x) for x in letters) + "\n", encoding="utf-8")
    return path


def _read(cli):
    code, out, _ = cli("parse", cli.folder / "ks.md", "--json")
    return out


def test_a_split_and_its_readings_are_imported_once_audited_and_listed(cli):
    from foi_precedent.audit.log import AuditLog
    from foi_precedent.settings import Settings

    path = _file(cli.folder, {"file": "ks.md", "questions": SPLIT})
    code, out, err = cli("import-readings", path, "--dry-run", "--json")
    assert code == 0 and json.loads(out)["splits"] == 1 and json.loads(out)["dry_run"] is True
    assert json.loads(cli("corrections", "--json")[1]) == []  # a dry run writes nothing

    code, out, err = cli("import-readings", path, "--reason", "reviewed by the FOI team, 2024", "--json")
    report = json.loads(out)
    assert code == 0 and err == "" and (report["letters"], report["splits"], report["unchanged"]) == (1, 1, 0)
    made = json.loads(cli("corrections", "KS-2024-001", "--json")[1])
    (split,) = [c for c in made if c["kind"] == "split"]
    assert [q["label"] for q in split["questions"]] == ["2", "2b", "3"]
    assert all(c["reason"] == "reviewed by the FOI team, 2024" for c in made)
    code, out, _ = cli("search", "badger setts on council land", "--json")
    hit = next(h for h in json.loads(out)["hits"] if h["reference"] == "KS-2024-001" and h["label"] == "2b")
    assert hit["treatments"] == ["withheld"] and hit["exemptions"] == ["s38(1)(b)"]

    rows = AuditLog(Settings.from_env().audit_db)
    assert len(rows.rows("split_corrections")) == 1
    assert len(rows.rows("corrections")) == report["corrections"] >= 1

    code, out, _ = cli("import-readings", path, "--json")  # again: nothing left to do
    again = json.loads(out)
    assert code == 0 and (again["splits"], again["corrections"], again["unchanged"]) == (0, 0, 1)


def test_the_reader_s_split_stands_where_it_finds_the_same_questions(cli):
    path = _file(cli.folder, {"file": "ks.md", "questions": SAME})
    code, out, _ = cli("import-readings", path, "--json")
    report = json.loads(out)
    assert code == 0 and report["splits"] == 0
    made = json.loads(cli("corrections", "KS-2024-001", "--json")[1])
    assert made and all(c["kind"] == "reading" for c in made) and len(made) == report["corrections"]
    assert "3" in {c["label"] for c in made} and {c["label"] for c in made} <= {"1", "2", "3"}


def test_a_letter_not_in_the_index_is_listed_and_the_rest_imported(cli):
    path = _file(
        cli.folder,
        {"file": "ks.md", "questions": SAME},
        {"file": "missing.md", "questions": SAME},
    )
    code, out, _ = cli("import-readings", path)
    assert code == 2 and "1 not in the index (ingest them first)" in out and "missing.md" in out


@pytest.mark.parametrize(
    "content, says",
    [
        ("", "holds no reviewed letter"),
        ("{not json\n", "line 1 is not JSON"),
        ('{"questions": []}\n', "naming its letter's file"),
        ('{"file": "ks.md", "questions": []}\n', "needs its questions"),
        ('{"file": "ks.md", "questions": [{"text": "x", "treatments": ["maybe"]}]}\n', "is not a treatment"),
        (
            '{"file": "ks.md", "questions": [{"text": "x", "treatments": ["withheld"], "exemptions": ["s99"]}]}\n',
            "is not an exemption",
        ),
        ('{"file": "ks.md", "questions": [{"treatments": ["disclosed"]}]}\n', "needs its text"),
        (
            '{"file": "ks.md", "questions": [{"text": "x", "treatments": ["disclosed"]}]}\n' * 2,
            "reviewed twice",
        ),
    ],
)
def test_a_bad_file_is_one_line_and_nothing_is_written(cli, content, says):
    path = cli.folder / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    code, out, err = cli("import-readings", path)
    assert code == 2 and says in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert json.loads(cli("corrections", "--json")[1]) == []


def test_a_file_that_is_not_utf8_or_missing(cli):
    path = cli.folder / "latin1.jsonl"
    path.write_bytes('{"file": "caf\xe9.md"}'.encode("latin-1"))
    assert "is not UTF-8" in cli("import-readings", path)[2]
    assert "Cannot read" in cli("import-readings", cli.folder / "nowhere.jsonl")[2]


# --- the plan, pure -----------------------------------------------------------------------------------


def _letter(*questions):
    return Letter(
        reference="R1",
        authority=None,
        date=None,
        regime=Regime.FOIA,
        questions=tuple(
            Question(label=label, text=text, answer="", treatments=tuple(ts)) for label, text, ts in questions
        ),
    )


def _reviewed(*questions):
    return reviewed.ReviewedLetter(
        file=Path("/x"),
        id="x",
        questions=tuple(
            reviewed.ReviewedQuestion(label=label, text=text, treatments=tuple(ts))
            for label, text, ts in questions
        ),
    )


def test_plan_corrects_only_the_readings_that_differ():
    letter = _letter(
        ("1", "How many drones?", [Treatment.DISCLOSED]), ("2", "What policy?", [Treatment.DISCLOSED])
    )
    plan = reviewed.plan(
        letter, _reviewed(("1.", "How many drones?", ["disclosed"]), (None, "What policy?", ["withheld"]))
    )
    assert plan.split is None and [i for i, _ in plan.corrections] == [1]


def test_plan_splits_where_the_questions_differ_and_numbers_unlabelled_ones():
    letter = _letter(("1", "How many drones and what policy?", [Treatment.DISCLOSED]))
    plan = reviewed.plan(
        letter,
        _reviewed((None, "How many drones?", ["disclosed"]), (None, "What is the policy?", ["withheld"])),
    )
    assert plan.split == [("Q1", "How many drones?"), ("Q2", "What is the policy?")] and not plan.corrections


def test_a_question_reviewed_with_no_treatment_keeps_the_reader_s_reading():
    letter = _letter(("1", "How many drones?", [Treatment.OTHER]))
    assert not reviewed.plan(letter, _reviewed(("1", "How many drones?", []))).corrections
