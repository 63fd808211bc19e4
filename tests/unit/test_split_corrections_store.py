"""Split corrections in the index's store and the audit log, on SQLite and a real PostgreSQL (the ``database_url``
fixture): append-only, the latest of a letter in force, recorded with the letter read with it in one transaction,
refused without a role, and each one in the audit log with the split before and after."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from foi_precedent.audit.log import AuditLog
from foi_precedent.corrections import CorrectionError
from foi_precedent.errors import IndexError_
from foi_precedent.identity import DRAFTER, REVIEWER
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from foi_precedent.splits import RESPLIT, make_split, make_undo, split_note, with_note
from retriever.chunking import chunks_for_letter
from retriever.store import Store


def _letter(*questions: tuple[str, str]) -> Letter:
    return Letter(
        reference="FOI-1",
        authority="Exampleshire Police",
        date=date(2023, 5, 4),
        regime=Regime.FOIA,
        questions=tuple(Question(label, text, "Four.", (Treatment.DISCLOSED,)) for label, text in questions),
        text="Q1 How many drones and pilots? Four.",
    )


READER = _letter(("Q1", "How many drones and pilots?"))
SPLIT = (("Q1", "How many drones?"), ("Q1b", "How many pilots?"))


def _split(at="2026-12-06T08:00:00+00:00", officer="alice"):
    return make_split("FOI-1", SPLIT, officer=officer, at=at, reason="two asks read as one")


def _resplit(store, split, roles=frozenset({DRAFTER})):
    letter = READER if split.undo else with_note(_letter(*split.questions), split, READER)
    return store.save_split(split, roles, letter, chunks_for_letter(letter))


def test_a_split_is_kept_with_the_letter_read_with_it_and_the_latest_is_in_force(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    store.save_letters([(READER, "/letters/foi-1.md", chunks_for_letter(READER))])
    generation = store.generation
    first = _resplit(store, _split())
    assert first.id is not None and store.generation > generation
    letter = store.letter("FOI-1")
    assert [(q.label, q.text) for q in letter.questions] == list(SPLIT)
    assert split_note(letter)["id"] == first.id  # the note names the stored row
    assert store.chunk_ids("FOI-1") == ["FOI-1::Q1::0", "FOI-1::Q1b::0"]
    assert store.letter_info("FOI-1").source_path == "/letters/foi-1.md" and store.history("FOI-1") == []
    assert store.split_in_force("FOI-1") == first and store.splits_in_force() == {"FOI-1": first}
    undo = _resplit(
        store, make_undo("FOI-1", officer="carol", at="2026-12-06T09:00:00+00:00", reason="wrong")
    )
    assert [s.id for s in store.splits()] == [first.id, undo.id]  # append-only: both kept
    assert store.split_in_force("FOI-1") is None and store.splits("FOI-2") == []
    assert [q.label for q in store.letter("FOI-1").questions] == ["Q1"]
    assert RESPLIT not in store.letter("FOI-1").meta


def test_a_split_is_refused_without_a_role_or_when_the_letter_changed_and_nothing_is_written(
    tmp_path, database_url
):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    store.save_letters([(READER, None, chunks_for_letter(READER))])
    with pytest.raises(CorrectionError, match="only a drafter or a reviewer"):
        _resplit(store, _split(officer="eve"), roles=frozenset())
    changed = with_note(dataclasses.replace(_letter(*SPLIT), text="another text"), _split(), READER)
    with pytest.raises(IndexError_, match="changed in the index"):
        store.save_split(_split(), {REVIEWER}, changed, chunks_for_letter(changed))
    assert store.splits() == [] and store.chunk_ids("FOI-1") == ["FOI-1::Q1::0"]


def test_each_split_correction_is_in_the_audit_log_with_the_split_before_and_after(tmp_path, database_url):
    log = AuditLog(tmp_path / "a.sqlite3", user="alice", database_url=database_url)
    made = dataclasses.replace(_split(), id=7)
    log.record_split(made, previous=READER, now=_letter(*SPLIT))
    log.record_split(
        make_undo("FOI-1", officer="alice", at="t", reason="back"), previous=_letter(*SPLIT), now=READER
    )
    rows = log.rows("split_corrections")
    assert [(r["reference"], r["undo"], r["split_id"], r["user_name"]) for r in rows] == [
        ("FOI-1", 0, 7, "alice"),
        ("FOI-1", 1, None, "alice"),
    ]
    assert json.loads(rows[0]["previous"]) == [{"label": "Q1", "text": "How many drones and pilots?"}]
    assert json.loads(rows[0]["questions"]) == [{"label": label, "text": text} for label, text in SPLIT]
    assert rows[0]["reason"] == "two asks read as one" and rows[0]["created_at"]


def test_a_split_correction_starts_a_new_re_check_run():
    # the letter's text (and content hash) stays the same: the run id must still change, or a re-check resumes
    # results read with the old split
    from foi_precedent.recheck.engine import RecheckOptions, run_id_for

    before = run_id_for([READER], RecheckOptions())
    resplit = with_note(READER, _split(), READER)
    assert run_id_for([resplit], RecheckOptions()) != before
