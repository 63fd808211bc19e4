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


# --- ingest --readings: the reviewed readings brought in as the letters are ingested, each embedded once ----------

OTHER = LETTER.replace("KS-2024-001", "KS-2024-002").replace("hedgerow surveys", "verge cutting")
REVIEWED_SPLIT_ROWS = ("previous", "questions", "undo", "reason")
REVIEWED_CORRECTION_ROWS = ("reference", "label", "previous", "reading", "reason")


def _folder(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "ks.md").write_text(LETTER, encoding="utf-8")
    (folder / "other.md").write_text(OTHER, encoding="utf-8")
    other = [dict(q, text=q["text"].replace("hedgerow surveys", "verge cutting")) for q in SAME]
    return folder, _file(
        folder, {"file": "ks.md", "questions": SPLIT}, {"file": "other.md", "questions": other}
    )


def _state(cli) -> dict:
    """What the index and the audit log hold, without the ids and times that differ between two builds."""
    from foi_precedent.audit.log import AuditLog
    from foi_precedent.settings import Settings
    from retriever.index import PrecedentIndex

    def plain(rows, keep):
        return sorted(json.dumps({k: r[k] for k in keep}, sort_keys=True) for r in rows)

    made = json.loads(cli("corrections", "--json")[1])
    audit = AuditLog(Settings.from_env().audit_db)
    index = PrecedentIndex.open(Settings.from_env())
    try:
        letters = {}
        for info in index.store.stored_letters():
            data = index.store.stored_data(info.reference)
            note = data["meta"].get("resplit")
            if note:
                data["meta"]["resplit"] = {k: v for k, v in note.items() if k not in ("id", "at")}
            letters[info.reference] = data
        chunks = {c.id: (c.text, c.metadata) for c in index.store.chunks()}
        got = index.collection.get(include=["metadatas", "embeddings"])
        vectors = {
            i: (m, [round(float(x), 5) for x in e])
            for i, m, e in zip(got["ids"], got["metadatas"], got["embeddings"], strict=True)
        }
        keys = {(c.reference, c.label) for c in index.store.chunks()}
        questions = {
            k: [round(float(x), 5) for x in v] for k, v in index.store.question_vectors(keys).items()
        }
    finally:
        index.close()
    hits = json.loads(cli("search", "badger setts on council land", "--json")[1])["hits"]
    return {
        "corrections": sorted(
            json.dumps({k: v for k, v in c.items() if k not in ("id", "at")}, sort_keys=True) for c in made
        ),
        "letters": letters,
        "chunks": chunks,
        "chroma": vectors,
        "question_vectors": questions,
        "search": [(h["reference"], h["label"], h["treatments"], h["score"]) for h in hits],
        "audit_splits": plain(audit.rows("split_corrections"), REVIEWED_SPLIT_ROWS),
        "audit_corrections": plain(audit.rows("corrections"), REVIEWED_CORRECTION_ROWS),
    }


def _counting(monkeypatch):
    """Count the chunk vectors written to Chroma, by chunk id."""
    from collections import Counter

    from retriever.index import PrecedentIndex

    written: Counter = Counter()
    upsert = PrecedentIndex._upsert

    def counted(self, ids, vectors, metadatas):
        written.update(ids)
        return upsert(self, ids, vectors, metadatas)

    monkeypatch.setattr(PrecedentIndex, "_upsert", counted)
    return written


def test_ingest_with_readings_embeds_each_letter_once_and_ends_as_ingest_then_import(
    run_cli, tmp_path, monkeypatch
):
    written = _counting(monkeypatch)
    folder, path = _folder(tmp_path, "one")
    reason = "reviewed by the FOI team, 2024"
    code, out, err = run_cli("ingest", folder, "--readings", path, "--reason", reason, "--json")
    report = json.loads(out)
    assert code == 0 and report["letters"] == 2 and report["exit_code"] == 0
    imported = report["readings"]
    assert (imported["letters"], imported["splits"], imported["unchanged"]) == (2, 1, 0)
    assert imported["corrections"] >= 2 and not imported["not_indexed"] and not imported["problems"]
    assert set(written.values()) == {1}  # every chunk written (so embedded) once
    once = _state(run_cli)
    assert sorted(written) == sorted(once["chunks"])

    # the same as ingest, then import-readings, in a home of its own
    monkeypatch.setenv("PRECEDENT_HOME", str(tmp_path / "two-steps"))
    written.clear()
    folder, path = _folder(tmp_path, "two")
    assert run_cli("ingest", folder)[0] == 0
    code, out, _ = run_cli("import-readings", path, "--reason", reason, "--json")
    assert code == 0 and json.loads(out) == imported
    assert max(written.values()) == 2  # the re-split letter's questions were embedded twice
    twice = _state(run_cli)
    for state in (once, twice):  # the files' folders differ: so do their paths
        for data in state["letters"].values():
            data["source"] = None
    assert once == twice
    (split,) = [
        c for c in json.loads(run_cli("corrections", "KS-2024-001", "--json")[1]) if c["kind"] == "split"
    ]
    assert [q["label"] for q in split["questions"]] == ["2", "2b", "3"] and split["reason"] == reason


def test_ingest_with_readings_again_changes_nothing(run_cli, tmp_path, monkeypatch):
    folder, path = _folder(tmp_path, "letters")
    assert run_cli("ingest", folder, "--readings", path)[0] == 0
    made = json.loads(run_cli("corrections", "--json")[1])
    assert made and all(c["reason"] == "reviewed reading imported from reviewed.jsonl" for c in made)
    written = _counting(monkeypatch)
    code, out, _ = run_cli("ingest", folder, "--readings", path, "--json")
    report = json.loads(out)
    assert code == 0 and report["unchanged"] == 2 and report["letters"] == report["replaced"] == 0
    assert (
        report["readings"]["splits"],
        report["readings"]["corrections"],
        report["readings"]["unchanged"],
    ) == (
        0,
        0,
        2,
    )
    assert not written and json.loads(run_cli("corrections", "--json")[1]) == made
    assert "2 reviewed letters: made 0 split corrections" in run_cli("ingest", folder, "--readings", path)[1]


def test_ingest_with_readings_lists_a_reviewed_letter_it_did_not_index(run_cli, tmp_path):
    folder, path = _folder(tmp_path, "letters")
    (folder / "other.md").unlink()
    code, out, _ = run_cli("ingest", folder, "--readings", path)
    assert code == 2 and "1 not in the index" in out and "other.md" in out
    assert run_cli("ingest", folder, "--reason", "why")[0] == 2  # --reason alone: one line, exit 2


def test_a_changed_letter_ingested_with_readings_keeps_its_corrections_and_adds_none(run_cli, tmp_path):
    folder, path = _folder(tmp_path, "letters")
    assert run_cli("ingest", folder, "--readings", path)[0] == 0
    made = json.loads(run_cli("corrections", "--json")[1])
    for name in (
        "ks.md",
        "other.md",
    ):  # the same letters, changed: read again with the split and readings in force
        letter = folder / name
        letter.write_text(
            letter.read_text(encoding="utf-8") + "\nYours sincerely,\nFOI Team\n", encoding="utf-8"
        )
    code, out, _ = run_cli("ingest", folder, "--readings", path, "--json")
    report = json.loads(out)
    assert code == 0 and report["replaced"] == 2
    assert (
        report["readings"]["splits"],
        report["readings"]["corrections"],
        report["readings"]["unchanged"],
    ) == (
        0,
        0,
        2,
    )
    assert json.loads(run_cli("corrections", "--json")[1]) == made
    code, out, _ = run_cli("search", "badger setts on council land", "--json")
    hit = next(h for h in json.loads(out)["hits"] if h["reference"] == "KS-2024-001" and h["label"] == "2b")
    assert hit["treatments"] == ["withheld"] and hit["exemptions"] == ["s38(1)(b)"]
