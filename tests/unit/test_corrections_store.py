"""Reading corrections in the index's store, on SQLite and a real PostgreSQL (the ``database_url`` fixture):
append-only, applied as letters are read, surviving a re-ingest, refused without a role."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from foi_precedent.corrections import CorrectionError, correction_note, make_correction
from foi_precedent.identity import DRAFTER, REVIEWER
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from retriever.chunking import chunks_for_letter
from retriever.store import Store


def _letter(answer="Locations are not given.") -> Letter:
    return Letter(
        reference="FOI-1",
        authority="Exampleshire Police",
        date=date(2023, 5, 4),
        regime=Regime.FOIA,
        questions=(
            Question("Q1", "How many drones?", "Four.", (Treatment.DISCLOSED,)),
            Question("Q2", "Where flown?", answer, (Treatment.OTHER,), review="no answer found"),
        ),
        text=f"Q1 How many drones? Four. Q2 Where flown? {answer}",
    )


def _save(store: Store, letter: Letter) -> None:
    store.save_letters([(letter, "/letters/foi-1.md", chunks_for_letter(letter))])


def _correction(treatments="withheld", at="2026-12-06T08:00:00+00:00", officer="alice"):
    return make_correction(
        "FOI-1",
        "Q2",
        treatments=treatments,
        exemptions="s31(1)(a)",
        officer=officer,
        at=at,
        reason="the letter withholds locations under s31",
    )


def test_corrections_are_kept_applied_and_survive_a_reingest(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    _save(store, _letter())
    generation = store.generation
    first = store.add_correction(_correction(), {DRAFTER})
    assert first.id is not None and store.generation > generation  # cached letters are read again
    later = store.add_correction(
        _correction("ncnd", at="2026-12-06T09:00:00+00:00", officer="carol"), {REVIEWER}
    )
    assert [c.id for c in store.corrections()] == [first.id, later.id]  # append-only: both kept
    assert [c.officer for c in store.corrections("FOI-1")] == ["alice", "carol"]
    assert store.corrections("FOI-2") == []

    for letter in (store.letter("FOI-1"), store.letters()[0]):
        q = letter.question("Q2")
        assert q.treatments == (Treatment.NCND,) and q.review is None
        assert correction_note(letter, "Q2")["officer"] == "carol"
    data = store.letters_data(["FOI-1"])["FOI-1"]
    assert data["questions"][1]["treatments"] == ["ncnd"]
    assert store.stored_data("FOI-1")["questions"][1]["treatments"] == ["other"]  # the reading as ingested

    # the letter's file changes and is ingested again: the correction is still in force
    _save(store, _letter("We cannot give locations."))
    assert store.letter("FOI-1").question("Q2").treatments == (Treatment.NCND,)
    assert store.letter("FOI-1").question("Q2").answer == "We cannot give locations."
    store.close()


def test_a_correction_whose_question_is_gone_is_reported(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    _save(store, _letter())
    store.add_correction(_correction(), {DRAFTER})
    renamed = dataclasses.replace(
        _letter("Changed."),
        questions=tuple(
            dataclasses.replace(q, label=q.label.replace("Q", "Question ")) for q in _letter().questions
        ),
    )
    _save(store, renamed)
    letter = store.letter("FOI-1")
    assert letter.question("Question 2").treatments == (Treatment.OTHER,)
    assert [o["label"] for o in letter.meta["orphaned_corrections"]] == ["Q2"]
    store.close()


def test_the_store_refuses_a_user_with_no_role(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    _save(store, _letter())
    with pytest.raises(CorrectionError, match="only a drafter or a reviewer"):
        store.add_correction(_correction(officer="mallory"), frozenset())
    assert store.corrections() == []
    store.close()


def test_another_instance_sees_a_correction_at_once(tmp_path, database_url):
    """Two stores on one database (two app instances, or the app and a CLI job): a correction made through one is
    what the other reads next, with no restart (its letter cache follows the store's generation)."""
    path = tmp_path / "s.sqlite3"
    one, two = Store(path, database_url=database_url), Store(path, database_url=database_url)
    _save(one, _letter())
    assert two.letter("FOI-1").question("Q2").treatments == (Treatment.OTHER,)
    seen = two.generation
    one.add_correction(_correction(), {DRAFTER})
    assert two.generation > seen
    assert two.letter("FOI-1").question("Q2").treatments == (Treatment.WITHHELD,)
    chunk = next(c for c in two.chunks() if c.label == "Q2")
    assert chunk.metadata["treatments"] == ["withheld"] and chunk.metadata.get("tr_withheld") is True
    assert "tr_other" not in chunk.metadata and "tr_other" not in chunk.metadata["flags"]
    one.close()
    two.close()


def test_a_letters_own_front_matter_cannot_say_it_was_corrected(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    claimed = {"officer": "mallory", "at": "2026-01-01", "reason": "trust me", "original": {}}
    letter = dataclasses.replace(_letter(), meta={"corrected": {"Q2": claimed}})
    _save(store, letter)
    read = store.letter("FOI-1")
    assert correction_note(read, "Q2") is None and "corrected" not in read.meta
    assert read.question("Q2").review == "no answer found"
    store.close()


def test_corrected_chunks_read_the_corrections_once(tmp_path, database_url):
    """``chunks()`` reads the corrections of its letters once and hands them on to ``letters_data``, which would
    otherwise read the same rows again; the chunks are the same."""
    from sqlalchemy import event

    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    _save(store, _letter())
    store.add_correction(_correction(), {DRAFTER})
    reads: list[str] = []

    def seen(conn, cursor, statement, *args):
        if "FROM corrections" in statement:
            reads.append(statement)

    event.listen(store.db.engine, "before_cursor_execute", seen)
    chunk = next(c for c in store.chunks() if c.label == "Q2")
    event.remove(store.db.engine, "before_cursor_execute", seen)
    assert len(reads) == 1, reads
    assert chunk.metadata["treatments"] == ["withheld"] and chunk.metadata.get("ex_s31_1_a") is True
    store.close()
