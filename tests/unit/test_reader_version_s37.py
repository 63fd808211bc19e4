"""Which reader read the index's letters: after an upgrade, letters indexed before it keep the old reader's readings
(an unchanged file is not read again on ingest) until ``precedent reread``. The index records the reader that read
all its letters and says when it is not this one; ``make run`` re-reads only then (``reread --if-stale``)."""

from __future__ import annotations

import json

import pytest

from foi_precedent.letters import reader_version as rv
from foi_precedent.letters.reader_version import fingerprint, reader_files
from tests.unit.test_retriever_index import DOGS, corpus, embed, index, settings, write_letter  # noqa: F401 (fixtures)


def test_the_fingerprint_moves_with_any_file_or_setting_it_covers(tmp_path):
    a, b = tmp_path / "a.py", tmp_path / "b.yaml"
    a.write_text("x = 1\n")
    b.write_text("phrases: [not held]\n")
    first = fingerprint([a, b], {"PRECEDENT_LEARNED_READER": ""}, root=tmp_path)
    assert first == fingerprint([a, b], {"PRECEDENT_LEARNED_READER": ""}, root=tmp_path)
    b.write_text("phrases: [not held, no records]\n")
    second = fingerprint([a, b], {"PRECEDENT_LEARNED_READER": ""}, root=tmp_path)
    assert second != first
    assert fingerprint([a, b], {"PRECEDENT_LEARNED_READER": "0"}, root=tmp_path) != second


def test_the_reader_s_files_are_its_code_rules_and_models():
    names = {p.name for p in reader_files()}
    assert {"parser.py", "layout.py", "reading_phrases.yaml", "regimes.yaml", "treatment_model.npz"} <= names
    assert len(rv.reader_version()) == 16


def test_an_index_knows_when_another_reader_read_its_letters(index, corpus, tmp_path, monkeypatch):  # noqa: F811
    assert index.read_by is None and index.readings_stale() == 0  # empty: nothing to read again
    index.ingest_paths([corpus])
    assert index.read_by == rv.reader_version() and index.readings_stale() == 0

    # an upgrade: this process's reader is another one
    monkeypatch.setattr("retriever.index.reader_version", lambda: "0123456789abcdef")
    assert index.readings_stale() == 4
    # letters added now are the new reader's, the old ones still the old one's: the mark stays
    index.ingest_paths([write_letter(tmp_path / "more", "dogs2.md", "FOI-2025-0009", DOGS)])
    assert index.readings_stale() == 5 and index.read_by != "0123456789abcdef"
    assert index.reread(dry_run=True) and index.readings_stale() == 5  # a dry run changes nothing
    index.reread()
    assert index.read_by == "0123456789abcdef" and index.readings_stale() == 0


@pytest.fixture
def cli(run_cli, tmp_path):
    folder = tmp_path / "letters"
    write_letter(folder, "dogs.md", "FOI-2024-0003", DOGS, authority="Northshire Constabulary")
    return run_cli, folder


def test_ingest_says_so_and_reread_if_stale_reads_only_then(cli, monkeypatch):
    run, folder = cli
    code, out, err = run("ingest", folder, "--json")
    assert code == 0 and json.loads(out)["readings_stale"] == 0 and "reread" not in err
    code, out, _ = run("reread", "--if-stale")
    assert code == 0 and "nothing to read again" in out

    monkeypatch.setattr("retriever.index.reader_version", lambda: "fedcba9876543210")
    code, out, err = run("ingest", folder, "--json")
    assert json.loads(out)["readings_stale"] == 1
    assert "1 letter in the index were read by another version of the reader" in err
    assert "`precedent reread`" in err
    code, out, _ = run("reread", "--if-stale", "--json")
    report = json.loads(out)
    assert code == 0 and report["stale"] is True and report["letters"] == 1
    code, out, _ = run("reread", "--if-stale", "--json")
    assert json.loads(out)["stale"] is False and json.loads(out)["letters"] == 0
