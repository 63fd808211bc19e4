"""Issue 16: a letter is its file and content, not its reference alone. A different file carrying an indexed
reference is kept beside it (never a silent replacement), alike in a batch and alone; a changed file replaces
its letter and the old text is kept as history; one letter can supersede another; every folder entry that is
not read gets a line."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

from foi_precedent.cli import main
from foi_precedent.consistency.consensus import SUPERSEDED_WEIGHT, build_consensus
from foi_precedent.errors import IndexError_
from foi_precedent.letters.versions import SUPERSEDED_BY, WRITTEN_REFERENCE, superseded_by
from foi_precedent.migrations import statements as _statements
from foi_precedent.recheck.engine import RecheckOptions, run_id_for
from foi_precedent.recheck.search import VectorSearcher
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import PrecedentIndex, walk
from retriever.store import MIGRATIONS, SCHEMA_VERSION, Store
from tests.unit.test_retriever_index import DOGS, TASER, letter_text, write_letter

POLICE = "Exampleshire Police"
ISSUED = [
    (
        "How many drones does the force currently own or operate?",
        "The force currently operates 48 remotely piloted aircraft.",
    )
]
REISSUED = [
    (ISSUED[0][0], "The force currently operates 49 remotely piloted aircraft.")
]  # one figure differs


@pytest.fixture
def index():
    idx = PrecedentIndex.open(Settings.from_env(), embedding_function=FakeEmbeddingFunction())
    yield idx
    idx.close()


def two_files(tmp_path):
    """The indexed letter, and a different file (one figure differs) carrying its reference."""
    first = write_letter(
        tmp_path / "corpus", "drones.md", "GMP-FOI-2021-02525", ISSUED, authority=POLICE, when="2021-07-21"
    )
    second = write_letter(
        tmp_path / "other-folder",
        "letter.md",
        "GMP-FOI-2021-02525",
        REISSUED,
        authority=POLICE,
        when="2021-07-21",
    )
    return first, second


def state(index) -> dict:
    """What the store holds, by written reference (keys with a hash differ only by the hash)."""
    out = {}
    for letter in index.letters():
        info = index.store.letter_info(letter.reference)
        out[letter.reference] = (
            info.written_reference,
            letter.questions[0].answer,
            os.path.basename(info.source_path),
        )
    return out


# -- a different file with an indexed reference -----------------------------------------------------


def test_a_different_file_with_an_indexed_reference_is_kept_beside_it(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first])
    report = index.ingest_paths([second])

    assert (report.letters, report.replaced, report.unchanged, report.skipped) == (1, 0, 0, [])
    assert report.exit_code == 0
    ((path, line),) = report.same_reference
    key = report.entries[0].reference
    assert (
        path == str(second)
        and key.startswith("GMP-FOI-2021-02525~")
        and len(key) == len("GMP-FOI-2021-02525~") + 8
    )
    assert line == (
        f"same reference as GMP-FOI-2021-02525 ({first.resolve()}): kept both, this one as {key}; mark one "
        f"superseded with `precedent supersede OLD NEW` (e.g. `precedent supersede GMP-FOI-2021-02525 "
        f"{key}`)"
    )
    assert "1 kept beside another letter with its reference" in report.summary()
    assert report.to_dict()["same_reference"] == [{"path": str(second), "reference": key, "reason": line}]

    # the indexed letter's text is intact, its row still points at its own file, and it is still found
    original = index.letter("GMP-FOI-2021-02525")
    assert original.questions[0].answer == ISSUED[0][1] and "48 remotely" in original.text
    assert index.store.letter_info("GMP-FOI-2021-02525").source_path == str(first.resolve())
    hits = index.search("How many drones does the force own or operate?", k=5)
    assert {h.reference for h in hits} == {"GMP-FOI-2021-02525", key}
    assert "48 remotely" in index.search("48 remotely piloted aircraft", k=1)[0].answer
    # the second keeps its reference as written
    kept = index.letter(key)
    assert kept.meta[WRITTEN_REFERENCE] == "GMP-FOI-2021-02525" and "49 remotely" in kept.text
    assert index.store.letter_info(key).written_reference == "GMP-FOI-2021-02525"
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}

    again = index.ingest_paths([first, second])  # both unchanged, no new line
    assert (again.letters, again.unchanged, again.same_reference, again.skipped) == (0, 2, [], [])


def test_the_batch_and_single_file_paths_give_the_same_result(tmp_path):
    first, second = two_files(tmp_path)
    one_by_one = PrecedentIndex.open(
        Settings(home=tmp_path / "a"), embedding_function=FakeEmbeddingFunction()
    )
    together = PrecedentIndex.open(Settings(home=tmp_path / "b"), embedding_function=FakeEmbeddingFunction())
    alone = [one_by_one.ingest_paths([first]), one_by_one.ingest_paths([second])]
    batch = together.ingest_paths([first, second])
    assert state(one_by_one) == state(together) and len(state(together)) == 2
    assert sum(r.letters for r in alone) == batch.letters == 2
    assert (
        [r.same_reference for r in alone if r.same_reference][0][0][0]
        == batch.same_reference[0][0]
        == str(second)
    )
    # the single-file line names the stored file (resolved); the batch line names it as given
    assert alone[1].same_reference[0][1] == batch.same_reference[0][1].replace(
        str(first), str(first.resolve())
    )
    one_by_one.close()
    together.close()


def test_the_same_file_changed_replaces_its_letter_and_keeps_the_old_text(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first, second])
    key = index.store.versions("GMP-FOI-2021-02525")[1].reference
    write_letter(
        second.parent,
        second.name,
        "GMP-FOI-2021-02525",
        [(ISSUED[0][0], "The force currently operates 50 remotely piloted aircraft.")],
        authority=POLICE,
        when="2021-07-21",
    )
    report = index.ingest_paths([second])
    assert (report.letters, report.replaced, report.same_reference) == (0, 1, [])
    assert "earlier text kept as history" in report.summary()
    assert report.entries[0].reference == key  # the key is kept
    assert "50 remotely" in index.letter(key).text
    assert "48 remotely" in index.letter("GMP-FOI-2021-02525").text  # the other letter is untouched
    (old,) = index.history(key)
    assert old["why"] == "replaced" and old["source_path"] == str(second.resolve())
    assert "49 remotely" in index.store.history(key)[0]["data"]["text"]
    assert index.stats()["history"] == 1 and index.stats()["letters"] == 2
    # a re-read of the same text by a newer parser is not history
    data = index.store.stored_data(key)
    data["questions"][0]["treatments"] = ["other"]
    index.store.conn.execute("UPDATE letters SET data=? WHERE reference=?", (json.dumps(data), key))
    assert index.ingest_paths([second]).replaced == 1 and len(index.history(key)) == 1


def test_a_skipped_duplicate_is_never_named_as_the_file_a_reference_was_read_from(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first])
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(first, batch / "22-dup-a.md")  # a copy of the indexed letter: a duplicate
    shutil.copy(second, batch / "22-dup-b.md")  # its reference, other content: kept
    report = index.ingest_paths([batch])
    assert dict(report.skipped) == {
        str(batch / "22-dup-a.md"): f"duplicate of GMP-FOI-2021-02525 (same content as {first.resolve()})"
    }
    ((path, line),) = report.same_reference
    assert path == str(batch / "22-dup-b.md") and "22-dup-a" not in line and str(first.resolve()) in line


def test_a_third_version_names_both_earlier_ones(index, tmp_path):
    first, second = two_files(tmp_path)
    third = write_letter(tmp_path / "x", "review.md", "GMP-FOI-2021-02525", DOGS, authority=POLICE)
    report = index.ingest_paths([first, second, third])
    assert report.letters == 3 and len(report.same_reference) == 2
    line = report.same_reference[1][1]
    assert (
        line.startswith("same reference as GMP-FOI-2021-02525 (") and line.count("GMP-FOI-2021-02525~") >= 2
    )
    assert len(index.store.versions("GMP-FOI-2021-02525")) == 3


# -- versions are not precedent for each other ------------------------------------------------------


def test_versions_of_a_letter_are_excluded_with_it_and_other_authorities_are_not(index, tmp_path):
    first, second = two_files(tmp_path)
    other = write_letter(
        tmp_path / "y", "other.md", "GMP-FOI-2021-02525", ISSUED + DOGS, authority="Southtown Council"
    )
    index.ingest_paths([first, second, other])
    keys = {v.reference: v for v in index.store.versions("GMP-FOI-2021-02525")}
    assert len(keys) == 3
    council = next(k for k in keys if index.letter(k).authority == "Southtown Council")
    police = set(keys) - {council}
    query = ISSUED[0][0]
    for key in police:
        assert {h.reference for h in index.search(query, k=10, exclude_references=[key])} == {council}
        assert index.with_versions([key]) == police
    assert {h.reference for h in index.search(query, k=10, exclude_references=[council])} == police
    # a reference the index holds under no key of its own (a draft's): every letter written with it
    assert index.with_versions(["GMP-FOI-2021-02525"]) == police  # the key of the first version
    assert index.with_versions(["NOT-INDEXED"]) == {"NOT-INDEXED"}
    # the batch re-check's in-memory search excludes them the same way
    searcher = VectorSearcher(index)
    letter = index.letter(next(iter(police - {"GMP-FOI-2021-02525"})))
    vecs = searcher.query_vectors(letter)
    hits = searcher.search(query, searcher.scores(vecs)[0], 10, exclude_references=(letter.reference,))
    assert {h.reference for h in hits} == {council}


# -- supersession -----------------------------------------------------------------------------------


def test_supersede_is_recorded_shown_and_counts_less(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first, second])
    new = index.store.versions("GMP-FOI-2021-02525")[1].reference
    generation = index.store.generation
    done = index.supersede("GMP-FOI-2021-02525", new, " re-issued with the corrected figure ")
    assert done == {
        "reference": "GMP-FOI-2021-02525",
        "superseded_by": new,
        "reason": "re-issued with the corrected figure",
        "replaced": None,
    }
    assert index.store.generation > generation  # cached letters are read again
    old = index.letter("GMP-FOI-2021-02525")
    assert superseded_by(old.meta) == new and "48 remotely" in old.text  # kept, and shown as superseded
    assert index.letter(new).meta["supersedes"] == ["GMP-FOI-2021-02525"]
    assert index.stats()["superseded"] == 1 and index.stats()["letters"] == 2
    hits = {h.reference: h for h in index.search(ISSUED[0][0], k=5)}
    assert hits["GMP-FOI-2021-02525"].meta[SUPERSEDED_BY] == new
    assert (
        hits["GMP-FOI-2021-02525"].to_dict()["superseded_by"] == new
        and hits[new].to_dict()["superseded_by"] is None
    )
    # re-ingesting either file keeps the mark, and the superseded text is not re-read as a change
    assert index.ingest_paths([first, second]).unchanged == 2
    assert superseded_by(index.letter("GMP-FOI-2021-02525").meta) == new
    assert {v["reference"]: v["superseded_by"] for v in index.versions(new)} == {
        "GMP-FOI-2021-02525": new,
        new: None,
    }

    with pytest.raises(IndexError_, match="already superseded"):
        index.supersede(new, "GMP-FOI-2021-02525")  # a loop
    with pytest.raises(IndexError_, match="No letter 'nope'"):
        index.supersede("nope", new)
    with pytest.raises(IndexError_, match="itself"):
        index.supersede(new, new)
    assert index.unsupersede("GMP-FOI-2021-02525")["superseded_by"] == new
    assert superseded_by(index.letter("GMP-FOI-2021-02525").meta) is None
    assert index.unsupersede("GMP-FOI-2021-02525") is None


def test_a_superseded_precedent_weighs_less(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first, second])
    new = index.store.versions("GMP-FOI-2021-02525")[1].reference
    before = {h.reference: h for h in index.search(ISSUED[0][0], k=5)}
    index.supersede("GMP-FOI-2021-02525", new)
    after = {h.reference: h for h in index.search(ISSUED[0][0], k=5)}
    weight = {}
    for name, hits in (("before", before), ("after", after)):
        c = build_consensus("Q1", ISSUED[0][0], list(hits.values()), authority=POLICE)
        weight[name] = {w.precedent.reference: w.weight for w in c.counted}
        rows = {r["reference"]: r for r in c.to_dict()["precedents"]}
        assert rows["GMP-FOI-2021-02525"]["superseded_by"] == (new if name == "after" else None)
    assert weight["after"]["GMP-FOI-2021-02525"] == pytest.approx(
        weight["before"]["GMP-FOI-2021-02525"] * SUPERSEDED_WEIGHT
    )
    assert weight["after"][new] == pytest.approx(weight["before"][new])


def test_a_supersession_starts_a_new_re_check_run(index, tmp_path):
    first, second = two_files(tmp_path)
    index.ingest_paths([first, second])
    new = index.store.versions("GMP-FOI-2021-02525")[1].reference
    before = run_id_for(index.letters(), RecheckOptions())
    index.supersede("GMP-FOI-2021-02525", new)
    assert run_id_for(index.letters(), RecheckOptions()) != before
    index.unsupersede("GMP-FOI-2021-02525")
    assert run_id_for(index.letters(), RecheckOptions()) == before


def test_front_matter_cannot_mark_a_letter_superseded(index, tmp_path):
    path = tmp_path / "fm.md"
    path.write_text(
        "---\nreference: FM-1\nsuperseded_by: X\n---\n" + letter_text("FM-1", TASER), encoding="utf-8"
    )
    index.ingest_paths([path])
    assert superseded_by(index.letter("FM-1").meta) is None
    assert all(h.to_dict()["superseded_by"] is None for h in index.search("Taser discharges"))


# -- the command line -------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch, capsys):
    from foi_precedent.services import Services

    monkeypatch.setattr(
        "foi_precedent.cli._services", lambda: Services(embedding_function=FakeEmbeddingFunction())
    )

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_ingest_supersede_and_history(cli, tmp_path):
    first, second = two_files(tmp_path)
    code, out, err = cli("ingest", first)
    assert code == 0 and err == ""
    code, out, err = cli("ingest", second)
    assert code == 0 and out.startswith("Ingest: 1 letter added, 0 replaced")
    (line,) = err.splitlines()
    assert line.startswith(f"kept both {second}: same reference as GMP-FOI-2021-02525")
    new = line.split("this one as ")[1].split(";")[0]

    code, out, err = cli("supersede", "GMP-FOI-2021-02525", new, "--reason", "internal review", "--json")
    assert code == 0 and json.loads(out)["superseded_by"] == new
    code, out, _ = cli("search", "How many drones does the force own", "--json")
    hits = {h["reference"]: h for h in json.loads(out)["hits"]}
    assert hits["GMP-FOI-2021-02525"]["superseded_by"] == new and hits[new]["superseded_by"] is None
    code, out, _ = cli("search", "How many drones does the force own")
    assert f"superseded by {new}" in out
    code, out, _ = cli("history", new)
    assert "superseded by" in out and "internal review" in out
    code, out, _ = cli("supersede", "--undo", "GMP-FOI-2021-02525")
    assert code == 0 and "no longer marked superseded" in out
    code, _, err = cli("supersede", "GMP-FOI-2021-02525")
    assert code == 2 and "say which letter supersedes it" in err
    code, _, err = cli("supersede", "GMP-FOI-2021-02525", "NOPE")
    assert code == 2 and err.count("\n") == 1 and "No letter 'NOPE'" in err

    from foi_precedent.audit.log import AuditLog

    rows = AuditLog(Settings.from_env().audit_db).rows("supersessions")
    assert [(r["action"], r["reference"], r["superseded_by"], r["reason"]) for r in rows] == [
        ("supersede", "GMP-FOI-2021-02525", new, "internal review"),
        ("undo", "GMP-FOI-2021-02525", None, None),
    ]
    assert json.loads(rows[1]["previous"])["superseded_by"] == new
    from foi_precedent.identity import os_user

    assert {r["user_name"] for r in rows} == {os_user()}  # the CLI acts as the OS user

    code, out, _ = cli("history", "GMP-FOI-2021-02525", "--json")
    assert [v["reference"] for v in json.loads(out)["letters"]] == ["GMP-FOI-2021-02525", new]
    code, _, err = cli("history", "NOPE")
    assert code == 2 and "No letter" in err


# -- every folder entry that is not read gets a line -------------------------------------------------


def test_every_entry_of_a_folder_that_is_not_read_gets_one_line(index, tmp_path):
    folder = tmp_path / "in"
    good = write_letter(folder, "good.md", "FOI-GOOD", TASER)
    (folder / "data.bin").write_bytes(b"\x00\x01\x02")
    (folder / "x.md").mkdir()  # a folder named like a letter
    loops = folder / "loops"
    loops.mkdir()
    (loops / "a").symlink_to(loops / "b")
    (loops / "b").symlink_to(loops / "a")
    (loops / "self").symlink_to(loops)
    (loops / "up").symlink_to(folder)
    (loops / "gone.md").symlink_to(tmp_path / "missing.md")
    write_letter(folder, "README.md", "R", DOGS)
    (folder / ".DS_Store").write_bytes(b"\x00")
    write_letter(folder / ".git", "c.md", "C", DOGS)
    linked = write_letter(tmp_path / "elsewhere", "linked.md", "FOI-LINKED", DOGS)
    (folder / "link-to-letter.md").symlink_to(linked)

    report = index.ingest_paths([folder])
    assert report.letters == 2 and {e.reference for e in report.entries if e.status == "added"} == {
        "FOI-GOOD",
        "FOI-LINKED",
    }
    lines = {p: r for p, r in report.skipped + report.not_read}
    assert len(lines) == len(report.skipped) + len(report.not_read)  # one line each
    expected_skipped = {
        "loops/a": "a symbolic link loop",
        "loops/b": "a symbolic link loop",
        "loops/self": "a symbolic link back to a folder it is in",
        "loops/up": "a symbolic link back to a folder it is in",
        "loops/gone.md": "a broken symbolic link",
    }
    expected_not_read = {
        "data.bin": "not a letter file type ('.bin'",
        "x.md": "a folder, not a letter file, and empty",
        "README.md": "a folder's README",
        ".DS_Store": "hidden",
        ".git": "hidden",
    }
    assert {os.path.relpath(p, folder) for p, _ in report.skipped} == set(expected_skipped)
    assert {os.path.relpath(p, folder) for p, _ in report.not_read} == set(expected_not_read)
    for rel, start in {**expected_skipped, **expected_not_read}.items():
        assert lines[str(folder / rel)].startswith(start), (rel, lines[str(folder / rel)])
    assert report.exit_code == 2  # links that loop or lead nowhere are bad entries
    assert str(good) not in lines
    summary = report.summary()
    assert "5 skipped" in summary and "5 not letters, not read" in summary
    assert report.lines()[0].startswith("skipped ") and any(x.startswith("not read ") for x in report.lines())


def test_entries_that_are_not_letters_do_not_change_the_exit_code(index, tmp_path):
    folder = tmp_path / "in"
    write_letter(folder, "good.md", "FOI-GOOD", TASER)
    write_letter(folder, "README.md", "R", DOGS)
    (folder / "notes.json").write_text("{}")
    (folder / "empty").mkdir()
    report = index.ingest_paths([folder])
    assert report.exit_code == 0 and report.letters == 1
    assert dict(report.not_read) == {
        str(folder / "README.md"): "a folder's README, not a letter",
        str(folder / "empty"): "an empty folder",
        str(
            folder / "notes.json"
        ): "not a letter file type ('.json'; letters are .md, .markdown, .txt, .html, .htm, .pdf, .docx)",
    }


def test_a_link_to_a_folder_is_followed_once(tmp_path):
    shared = tmp_path / "shared"
    write_letter(shared, "s.md", "S", TASER)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a").symlink_to(shared)
    (folder / "b").symlink_to(shared)
    found = walk([folder])
    assert found.files == [folder / "a" / "s.md"]
    assert found.not_read == [(str(folder / "b"), f"a link to a folder already read ({shared})")]


# -- the store --------------------------------------------------------------------------------------


def test_schema_5_upgrade_keeps_letters_and_gives_them_their_written_reference(tmp_path):
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    for version in range(4):
        for statement in _statements(MIGRATIONS[version].sql):
            conn.execute(statement)
    conn.execute(
        "INSERT INTO letters VALUES ('R', 'h', '/x/r.md', '{\"reference\": \"R\", \"questions\": []}', 'now')"
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 9  # index_0005: period questions embedded in context
    assert store.letter_info("R").written_reference == "R"
    assert [v.reference for v in store.versions("R")] == ["R"]
    assert store.supersessions() == {} and store.history("R") == []
    store.close()


def test_deleting_a_letter_keeps_its_text_in_the_history(index, tmp_path):
    first, _ = two_files(tmp_path)
    index.ingest_paths([first])
    assert index.delete_letter("GMP-FOI-2021-02525")
    (gone,) = index.history("GMP-FOI-2021-02525")
    assert gone["why"] == "deleted" and index.stats()["letters"] == 0


# -- the Corpus page's helpers ----------------------------------------------------------------------


def test_uploads_report_a_second_letter_by_its_upload_name_and_the_page_shows_versions(index, tmp_path):
    from foi_precedent.ui import corpus as cp

    first, second = two_files(tmp_path)
    report = cp.ingest_uploads(
        index, [("issued.md", first.read_bytes()), ("reissued.md", second.read_bytes())]
    )
    ((name, line),) = report.same_reference
    assert name == "reissued.md" and "(issued.md)" in line and "precedent-upload-" not in line
    new = index.store.versions("GMP-FOI-2021-02525")[1].reference
    index.supersede("GMP-FOI-2021-02525", new, "re-issued")
    rows = {r["Reference"]: r for r in cp.table_rows(index.letters())}
    assert rows["GMP-FOI-2021-02525"]["Superseded by"] == new and rows[new]["Superseded by"] == ""
    assert cp.version_notes(index.letter("GMP-FOI-2021-02525")) == [
        f"Superseded by {new} (re-issued): kept, and counts less as precedent."
    ]
    assert cp.version_notes(index.letter(new)) == [
        "Written with reference GMP-FOI-2021-02525: another letter in the index has it too.",
        "Supersedes GMP-FOI-2021-02525.",
    ]
