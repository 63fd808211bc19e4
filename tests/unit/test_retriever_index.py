"""PrecedentIndex with a fake embedding: ingest (idempotence, replacement, duplicates, bad input, crash and
resume), hybrid search (filters, exclusions, fusion, similarity) and the empty index."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from foi_precedent.letters.model import Treatment
from foi_precedent.settings import Settings
from retriever.chunking import expand_acronyms
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import FLUSH_CHUNKS, PrecedentIndex, collect_files, reciprocal_rank_fusion
from tests.conftest import SEED_025506, SEED_036325, SEEDS


def letter_text(
    reference: str, qas: list[tuple[str, str]], authority: str | None = None, when: str | None = None
) -> str:
    front = ""
    if authority or when:
        front = (
            "---\n"
            + (f"authority: {authority}\n" if authority else "")
            + (f"date: {when}\n" if when else "")
            + "---\n"
        )
    asked = "\n\n".join(f"Q{i} - {q}" for i, (q, _) in enumerate(qas, start=1))
    answered = "\n\n".join(f"Q{i} - {q}\n{a}" for i, (q, a) in enumerate(qas, start=1))
    return (
        f"{front}Freedom of information request reference no: {reference}\n\n"
        f"I note you seek access to the following information:\n\n{asked}\n\nDisclosure\n\n{answered}\n"
    )


def write_letter(folder: Path, name: str, reference: str, qas, **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(letter_text(reference, qas, **kw), encoding="utf-8")
    return path


TASER = [
    ("How many Taser discharges were there in 2022?", "We can confirm that 412 discharges were recorded.")
]
NAMES = [
    (
        "Please give the names of the officers who discharged a Taser.",
        "This information is withheld under section 40(2) as it is personal data.",
    )
]
DOGS = [("How many police dogs does the force have?", "The force has 31 general purpose police dogs.")]
CCTV = [
    (
        "How many CCTV cameras does the council operate in the town centre?",
        "Information about camera locations is withheld under section 31(1)(a) as disclosure would prejudice "
        "the prevention and detection of crime.",
    )
]


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture
def embed() -> FakeEmbeddingFunction:
    return FakeEmbeddingFunction()


@pytest.fixture
def index(settings, embed):
    idx = PrecedentIndex.open(settings, embedding_function=embed)
    yield idx
    idx.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "letters"
    write_letter(
        folder, "taser.md", "FOI-2023-0001", TASER, authority="Exampleshire Police", when="2023-02-01"
    )
    write_letter(
        folder, "names.md", "FOI-2023-0002", NAMES, authority="Exampleshire Police", when="2023-09-15"
    )
    write_letter(
        folder, "dogs.md", "FOI-2024-0003", DOGS, authority="Northshire Constabulary", when="2024-03-10"
    )
    write_letter(folder, "cctv.md", "FOI-2024-0004", CCTV, authority="Southtown Council", when="2024-06-30")
    return folder


def ids_everywhere(index: PrecedentIndex) -> tuple[set[str], set[str]]:
    chroma = set(index.collection.get(include=[])["ids"])
    return chroma, set(index.store.chunk_ids())


# -- basics -----------------------------------------------------------------------------------------


def test_empty_index_search_returns_nothing(index):
    assert index.search("anything at all") == []
    assert index.search_many(["a", "b"]) == [[], []]
    assert index.stats()["letters"] == 0 and index.letters() == []


def test_ingest_seeds_and_search(index):
    report = index.ingest_paths([SEEDS])
    assert (report.letters, report.replaced, report.unchanged, report.skipped) == (2, 0, 0, [])
    assert report.questions == 17 and report.exit_code == 0
    assert "2 letters added" in report.summary()
    stats = index.stats()
    assert stats["letters"] == 2 and stats["chunks"] == 17 and stats["vectors"] == 17
    assert stats["authorities"] == {"Metropolitan Police Service": 2}
    hits = index.search("How many individuals have your police force incorrectly identified with FRT?", k=5)
    assert (hits[0].reference, hits[0].label) == ("01.FOI.24.036325", "Q5")
    assert len({(h.reference, h.label) for h in hits}) == len(hits) == 5
    top = hits[0]
    assert top.question.startswith("How many individuals have your police force incorrectly")
    assert {t.value for t in top.treatments} == {"public_domain", "not_held"}
    assert top.chunk_id == "01.FOI.24.036325::Q5::0" and top.text.startswith("Question: ")
    assert 0 < top.similarity <= 1 and top.score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(index.letter("01.FOI.22.025506").questions) == 4
    assert [letter.reference for letter in index.letters()] == ["01.FOI.22.025506", "01.FOI.24.036325"]
    with pytest.raises(KeyError):
        index.letter("nope")


def test_lexical_side_finds_resource_names_and_section_numbers(index):
    index.ingest_paths([SEEDS])
    hits = index.search("LFR Deployment Grid", k=10)
    assert all("LFR Deployment Grid" in [p.name for p in h.pointers] for h in hits[:4])
    hits = index.search("31(1)(a)", k=2)  # the two questions withheld under s31(1)(a)
    assert all("s31(1)(a)" in h.exemptions for h in hits) and len(hits) == 2
    assert ("01.FOI.24.036325", "Q6") in {(h.reference, h.label) for h in hits}


def test_search_is_deterministic_and_search_many_matches_search(index, embed):
    index.ingest_paths([SEEDS])
    queries = ["facial recognition images retained", "cost of a deployment", "watch list categories"]
    single = [index.search(q, k=4) for q in queries]
    assert single == [index.search(q, k=4) for q in queries]
    embed.calls.clear()
    index.__dict__.pop("_query_cache", None)
    many = index.search_many(queries, k=4)
    assert embed.calls == [3]  # all queries embedded in one call
    index.search_many(queries, k=4, authority="Metropolitan Police Service")
    assert embed.calls == [3]  # and remembered for the same-authority pass
    assert [[(h.reference, h.label, h.score) for h in r] for r in many] == [
        [(h.reference, h.label, h.score) for h in r] for r in single
    ]
    assert index.search("   ") == []


# -- idempotence, replacement, duplicates -----------------------------------------------------------


def test_reingesting_the_same_files_changes_nothing(index, corpus, embed):
    first = index.ingest_paths([corpus])
    assert first.letters == 4 and first.questions == 4
    before = ids_everywhere(index)
    embed.calls.clear()
    second = index.ingest_paths([corpus])
    assert (second.letters, second.replaced, second.unchanged, second.questions) == (0, 0, 4, 0)
    assert second.exit_code == 0 and embed.calls == []
    assert ids_everywhere(index) == before and index.stats()["chunks"] == 4


def test_a_letter_the_parser_now_reads_differently_is_indexed_again(index, corpus, embed):
    """Same text, but an older parser stored another reading of it (here: another answer to Q1): a re-ingest
    re-parses, re-chunks and re-embeds that letter only; the others stay unchanged."""
    index.ingest_paths([corpus])
    data = index.store.letter_data("FOI-2023-0001")
    data["questions"][0]["treatments"] = ["other"]
    index.store.conn.execute(
        "UPDATE letters SET data=? WHERE reference=?", (json.dumps(data), "FOI-2023-0001")
    )
    assert index.letter("FOI-2023-0001").questions[0].treatments == (Treatment.OTHER,)
    embed.calls.clear()
    report = index.ingest_paths([corpus])
    assert (report.letters, report.replaced, report.unchanged, report.skipped) == (0, 1, 3, [])
    assert embed.calls  # its chunk was embedded again
    assert index.letter("FOI-2023-0001").questions[0].treatments != (Treatment.OTHER,)
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    again = index.ingest_paths([corpus])
    assert (again.replaced, again.unchanged) == (0, 4)


def _read_as_an_older_reader_did(index, reference: str) -> None:
    data = index.store.letter_data(reference)
    data["questions"][0]["treatments"] = ["other"]
    index.store.conn.execute("UPDATE letters SET data=? WHERE reference=?", (json.dumps(data), reference))


def test_reread_refreshes_stale_readings_from_the_file_or_the_kept_text(index, corpus, embed):
    """A letter an older reader read differently is read again by this one: from its file when it is still there,
    else (the folder gone) from the text the index keeps; the others are not re-embedded, and a dry run only
    counts."""
    index.ingest_paths([corpus])
    _read_as_an_older_reader_did(index, "FOI-2023-0001")
    _read_as_an_older_reader_did(index, "FOI-2024-0003")
    (corpus / "dogs.md").unlink()  # this letter's file is gone: only its kept text is left

    dry = index.reread(dry_run=True)
    assert (dry.letters, sorted(dry.changed), dry.unchanged, dry.kept) == (
        4,
        ["FOI-2023-0001", "FOI-2024-0003"],
        2,
        [],
    )
    assert index.letter("FOI-2023-0001").questions[0].treatments == (Treatment.OTHER,)  # nothing changed

    embed.calls.clear()
    report = index.reread()
    assert sorted(report.changed) == ["FOI-2023-0001", "FOI-2024-0003"] and report.unchanged == 2
    assert "2 read differently (indexed again), 2 unchanged" in report.summary()
    assert index.letter("FOI-2023-0001").questions[0].treatments == (Treatment.DISCLOSED,)
    assert index.letter("FOI-2024-0003").questions[0].treatments == (Treatment.DISCLOSED,)
    assert index.letter("FOI-2024-0003").authority == "Northshire Constabulary"  # front matter kept
    assert (
        sum(embed.calls) == 4
    )  # the two re-read letters' one chunk and question each; the others left alone
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert index.reread().changed == []  # read as this reader reads it: nothing more to do


def test_reread_keeps_a_reading_it_cannot_make_now(index, corpus, monkeypatch):
    index.ingest_paths([corpus])
    _read_as_an_older_reader_did(index, "FOI-2023-0001")

    def broken(*_a, **_k):
        raise RuntimeError("reader bug")

    monkeypatch.setattr("foi_precedent.letters.parser.parse_text", broken)
    report = index.reread()
    assert report.changed == [] and len(report.kept) == 4
    assert all("could not be read (RuntimeError: reader bug)" in reason for _, reason in report.kept)
    assert index.letter("FOI-2023-0001").questions[0].treatments == (Treatment.OTHER,)  # left as it was


def test_editing_a_letter_replaces_its_chunks(index, tmp_path):
    folder = tmp_path / "l"
    path = write_letter(folder, "a.md", "FOI-9", TASER + NAMES + DOGS)
    index.ingest_paths([path])
    assert index.stats()["chunks"] == 3
    old_text = index.store.chunks(["FOI-9::Q1::0"])[0].text

    write_letter(
        folder, "a.md", "FOI-9", [(TASER[0][0], "We can confirm that 977 discharges were recorded.")] + NAMES
    )
    report = index.ingest_paths([path])
    assert (report.letters, report.replaced, report.questions) == (0, 1, 2)
    chroma, stored = ids_everywhere(index)
    assert chroma == stored == {"FOI-9::Q1::0", "FOI-9::Q2::0"}  # Q3 gone from both stores
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert "977" in index.store.chunks(["FOI-9::Q1::0"])[0].text != old_text
    assert index.letter("FOI-9").questions[0].answer.endswith("977 discharges were recorded.")
    hits = index.search("977 discharges", k=1)
    assert hits[0].answer.endswith("977 discharges were recorded.")
    assert index.search("police dogs", k=5, exclude_references=()) and all(
        h.label != "Q3" for h in index.search("police dogs")
    )


def test_same_content_under_another_filename_is_a_duplicate(index, corpus, tmp_path):
    index.ingest_paths([corpus])
    copy = tmp_path / "elsewhere" / "copy-of-taser.md"
    copy.parent.mkdir()
    shutil.copy(corpus / "taser.md", copy)
    report = index.ingest_paths([copy])
    assert report.skipped == [
        (str(copy), f"duplicate of FOI-2023-0001 (same content as {(corpus / 'taser.md').resolve()})")
    ]
    assert report.exit_code == 2 and index.stats()["letters"] == 4


def test_duplicates_within_one_batch(index, tmp_path):
    folder = tmp_path / "b"
    write_letter(folder, "1.md", "FOI-1", TASER)
    write_letter(folder, "2.md", "FOI-1", DOGS)  # same reference, other content: a letter of its own
    shutil.copy(folder / "1.md", folder / "3.md")  # same content
    report = index.ingest_paths([folder])
    assert report.letters == 2
    assert dict(report.skipped) == {
        str(folder / "3.md"): f"duplicate of FOI-1 (same content as {folder / '1.md'}, read in this batch)"
    }
    ((path, line),) = report.same_reference
    assert path == str(folder / "2.md") and line.startswith(
        f"same reference as FOI-1 ({folder / '1.md'}): kept both"
    )


def test_a_reply_with_no_decision_found_is_indexed_and_reported_to_read(index, tmp_path):
    (tmp_path / "covering.txt").write_text(
        "Dear Ms Example\nThank you for your Freedom of Information request about the council's fleet.\n"
        "We will respond within 20 working days.\nYours sincerely\n",
        encoding="utf-8",
    )
    report = index.ingest_paths([tmp_path])
    assert (report.letters, report.skipped) == (1, [])
    assert report.no_decision == [str(tmp_path / "covering.txt")]
    assert "1 with no decision found, to read" in report.summary()
    assert any(line.startswith("to read ") for line in report.lines())
    assert report.to_dict()["no_decision"] == report.no_decision
    (stored,) = index.letters()
    assert index.letter(stored.reference).undecided


def test_a_moved_file_is_unchanged_not_a_duplicate(index, corpus, tmp_path):
    index.ingest_paths([corpus])
    moved = tmp_path / "moved"
    corpus.rename(moved)
    report = index.ingest_paths([moved])
    assert report.unchanged == 4 and report.skipped == []
    assert index.store.letter_info("FOI-2023-0001").source_path == str((moved / "taser.md").resolve())


def test_folder_walk_skips_readme_hidden_and_unsupported(tmp_path):
    folder = tmp_path / "w"
    write_letter(folder, "a.md", "A", TASER)
    write_letter(folder / "sub", "b.txt", "B", DOGS)
    write_letter(folder, "README.md", "R", DOGS)
    write_letter(folder, ".hidden.md", "H", DOGS)
    write_letter(folder / ".git", "c.md", "C", DOGS)
    (folder / "notes.json").write_text("{}")
    files, missing = collect_files([folder, folder / "a.md", tmp_path / "nope"])
    assert files == [folder / "a.md", folder / "sub" / "b.txt"]
    assert missing == [(str(tmp_path / "nope"), "no such file or folder")]


def test_a_markdown_file_in_a_folder_is_ingested(index, tmp_path):
    """`.markdown` parses, so folder ingest reads it too (its own list of suffixes used to leave it out)."""
    folder = tmp_path / "in"
    write_letter(folder, "dogs.markdown", "FOI-2024-0003", DOGS)
    report = index.ingest_paths([folder])
    assert (report.letters, report.questions, report.not_read, report.skipped) == (1, 1, [], [])
    assert index.search("police dogs", k=1)[0].question == DOGS[0][0]


def test_folder_ingest_reads_the_file_types_the_parser_reads():
    """One table of readers: folder ingest takes its suffixes from the parser's, so the two cannot drift."""
    import retriever.index
    from foi_precedent.letters import sources

    assert retriever.index.SUPPORTED is sources.SUPPORTED
    assert (
        set(sources.SUPPORTED)
        == set(sources.READERS)
        >= {".md", ".markdown", ".txt", ".html", ".pdf", ".docx"}
    )


def test_embedding_is_batched(index, tmp_path, embed):
    folder = tmp_path / "many"
    for i in range(30):
        write_letter(
            folder,
            f"{i:03}.md",
            f"FOI-{i:03}",
            [(f"Question {j} about item {i}?", f"Answer {j} {i}.") for j in range(1, 6)],
        )
    embed.calls.clear()
    report = index.ingest_paths([folder])
    assert report.letters == 30 and report.questions == 150
    # 150 chunks and 150 question-only texts
    assert max(embed.calls) <= 64 and sum(embed.calls) == 300
    assert len(embed.calls) <= 300 // 64 + 3  # a few full batches, not one call per letter
    assert FLUSH_CHUNKS >= 64


def test_progress_callback(index, corpus):
    seen = []
    index.ingest_paths([corpus], progress=lambda done, total, path: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


# -- crash safety -----------------------------------------------------------------------------------


class Boom(RuntimeError):
    pass


def test_crash_after_chroma_upsert_is_repaired_on_next_ingest(index, corpus, settings, embed, monkeypatch):
    index.ingest_paths([corpus / "taser.md"])

    def crash(self, pending, *args):
        raise Boom("simulated crash between the Chroma upsert and the SQLite commit")

    monkeypatch.setattr(PrecedentIndex, "_commit", crash)
    with pytest.raises(Boom):
        index.ingest_paths([corpus])
    assert index.dirty
    chroma, stored = ids_everywhere(index)
    assert stored == {"FOI-2023-0001::Q1::0"} and len(chroma) == 4  # vectors SQLite does not know
    # search ignores vectors that SQLite does not know
    assert {h.reference for h in index.search("police dogs CCTV cameras Taser names", k=10)} == {
        "FOI-2023-0001"
    }
    monkeypatch.undo()

    again = index.ingest_paths([corpus])
    assert (again.letters, again.unchanged, again.skipped) == (3, 1, [])
    assert not index.dirty
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert index.stats()["chunks"] == index.stats()["vectors"] == 4


def test_crash_is_reconciled_on_open(index, corpus, settings, embed, monkeypatch, tmp_path):
    index.ingest_paths([corpus])
    # crash while *replacing* a letter: Chroma gets the new text under the old id, SQLite keeps the old one
    write_letter(
        corpus,
        "taser.md",
        "FOI-2023-0001",
        [(TASER[0][0], "We recorded 5 discharges.")],
        authority="Exampleshire Police",
        when="2023-02-01",
    )
    monkeypatch.setattr(PrecedentIndex, "_commit", lambda self, pending, *a: (_ for _ in ()).throw(Boom()))
    with pytest.raises(Boom):
        index.ingest_paths([corpus / "taser.md"])
    monkeypatch.undo()
    assert index.consistency()["mismatched"] == ["FOI-2023-0001::Q1::0"]
    index.close()

    reopened = PrecedentIndex.open(settings, embedding_function=embed)
    assert not reopened.dirty
    assert reopened.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert reopened.letter("FOI-2023-0001").questions[0].answer == TASER[0][1]  # SQLite decided
    report = reopened.ingest_paths([corpus / "taser.md"])
    assert report.replaced == 1
    assert reopened.letter("FOI-2023-0001").questions[0].answer == "We recorded 5 discharges."
    reopened.close()


def test_reconcile_restores_vectors_missing_from_chroma(index, corpus):
    index.ingest_paths([corpus])
    index.collection.delete(ids=["FOI-2024-0003::Q1::0"])
    index._mark_dirty()
    assert index.reconcile() == {"deleted": 0, "upserted": 1}
    assert index.consistency()["store_only"] == []
    assert index.search("police dogs", k=1)[0].reference == "FOI-2024-0003"


# -- filters ----------------------------------------------------------------------------------------


QUERY = "police force information withheld discharges dogs cameras officers names"


def refs(hits) -> set[str]:
    return {h.reference for h in hits}


def test_authority_filter(index, corpus):
    index.ingest_paths([corpus])
    assert refs(index.search(QUERY, authority="Exampleshire Police")) == {"FOI-2023-0001", "FOI-2023-0002"}
    assert refs(index.search(QUERY, authority="exampleshire police ")) == {"FOI-2023-0001", "FOI-2023-0002"}
    assert index.search(QUERY, authority="Nowhere Council") == []


def test_treatment_filter(index, corpus):
    index.ingest_paths([corpus])
    assert refs(index.search(QUERY, treatment="withheld")) == {"FOI-2023-0002", "FOI-2024-0004"}
    assert refs(index.search(QUERY, treatment="disclosed")) == {"FOI-2023-0001", "FOI-2024-0003"}
    assert refs(index.search(QUERY, treatment=["ncnd", "withheld"])) == {"FOI-2023-0002", "FOI-2024-0004"}


def test_exemption_filter_matches_by_section_prefix(index, corpus):
    index.ingest_paths([corpus])
    assert refs(index.search(QUERY, exemption="s31")) == {"FOI-2024-0004"}  # cites s31(1)(a)
    assert refs(index.search(QUERY, exemption="section 31(1)")) == {"FOI-2024-0004"}
    assert refs(index.search(QUERY, exemption="s31(1)(b)")) == set()
    assert refs(index.search(QUERY, exemption="40")) == {"FOI-2023-0002"}
    # a lexical-only match must also respect the filter: "dogs" only occurs in an unexempted letter
    assert index.search("police dogs", exemption="s40") == [] or refs(
        index.search("police dogs", exemption="s40")
    ) == {"FOI-2023-0002"}


def test_date_range_filter(index, corpus):
    index.ingest_paths([corpus, SEED_036325])  # the seed is undated: never matches a date filter
    assert refs(index.search(QUERY, date_from="2024-01-01")) == {"FOI-2024-0003", "FOI-2024-0004"}
    assert refs(index.search(QUERY, date_to=date(2023, 12, 31))) == {"FOI-2023-0001", "FOI-2023-0002"}
    assert refs(index.search(QUERY, date_from="2023-09-01", date_to="2024-03-31")) == {
        "FOI-2023-0002",
        "FOI-2024-0003",
    }
    assert refs(index.search(QUERY, date_from="2024-03-10", date_to="2024-03-10")) == {"FOI-2024-0003"}
    assert "01.FOI.24.036325" in refs(index.search("facial recognition", k=20))


def test_exclude_references(index, corpus):
    index.ingest_paths([corpus, SEEDS])
    hits = index.search(
        "How many individuals have your police force correctly identified with FRT?",
        k=20,
        exclude_references=["01.FOI.24.036325"],
    )
    assert hits and "01.FOI.24.036325" not in refs(hits)
    assert refs(index.search(QUERY, k=50, exclude_references={"FOI-2023-0001", "FOI-2023-0002"})).isdisjoint(
        {"FOI-2023-0001", "FOI-2023-0002"}
    )


def test_combined_filters_agree_between_dense_and_lexical(index, corpus):
    index.ingest_paths([corpus, SEEDS])
    hits = index.search(
        "withheld law enforcement section 31 camera distance",
        k=20,
        exemption="s31",
        treatment="withheld",
        exclude_references=["01.FOI.22.025506"],
    )
    assert hits
    for h in hits:
        assert any(e.startswith("s31") for e in h.exemptions)
        assert "withheld" in {t.value for t in h.treatments}
        assert h.reference != "01.FOI.22.025506"


# -- fusion and similarity --------------------------------------------------------------------------


def test_reciprocal_rank_fusion():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a", "d"]], k=60)
    scores = dict(fused)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["c"] == pytest.approx(1 / 63 + 1 / 61)
    assert scores["b"] == pytest.approx(1 / 62)
    assert scores["d"] == pytest.approx(1 / 63)
    assert [i for i, _ in fused] == ["a", "c", "b", "d"]
    # ties are broken by id, whatever the input order
    assert reciprocal_rank_fusion([["y"], ["x"]]) == [("x", 1 / 61), ("y", 1 / 61)]
    assert reciprocal_rank_fusion([[], []]) == []


def test_similarity_is_the_cosine_for_dense_and_lexical_only_hits(index, corpus, embed):
    from retriever.filters import Filters

    index.ingest_paths([corpus])
    query = "names of officers"
    q = index.embed([query])[0]
    chunk = index.store.chunks(["FOI-2023-0002::Q1::0"])[0]
    expected_chunk = float(np.dot(q, np.asarray(embed([chunk.text])[0])))
    question = index.letter("FOI-2023-0002").question("Q1").text
    expected = float(np.dot(q, np.asarray(embed([expand_acronyms(question)])[0])))
    # a lexical-only hit: its vector comes from Chroma
    (hit,) = index._fuse(q, [], {}, ["FOI-2023-0002::Q1::0"], 5, Filters())
    assert hit.similarity == pytest.approx(max(0.0, expected), abs=1e-5)  # question to question
    assert hit.meta["chunk_similarity"] == pytest.approx(max(0.0, expected_chunk), abs=1e-4)
    assert (hit.meta["dense_rank"], hit.meta["lexical_rank"]) == (None, 1)
    # the same hit through a real search (dense and lexical)
    found = {h.chunk_id: h for h in index.search(query, k=10)}
    assert found["FOI-2023-0002::Q1::0"].similarity == pytest.approx(max(0.0, expected), abs=1e-5)


def test_one_result_per_question_even_with_several_chunks(index, tmp_path):
    long_answer = " ".join(
        f"Paragraph {i}: the force recorded Taser discharges in borough {i}." for i in range(40)
    )
    write_letter(tmp_path / "l", "a.md", "FOI-L", [("Taser discharges by borough?", long_answer)] + DOGS)
    index.ingest_paths([tmp_path / "l"])
    assert index.stats()["chunks"] > 3
    hits = index.search("Taser discharges by borough", k=10)
    assert [(h.reference, h.label) for h in hits] == [("FOI-L", "Q1"), ("FOI-L", "Q2")]


def test_lexical_index_is_persisted_and_rebuilt_when_stale(index, corpus, settings, embed):
    index.ingest_paths([corpus])
    index.search("dogs")
    stamp = (settings.index_dir / "bm25" / "stamp.json").read_text()
    index.close()
    reopened = PrecedentIndex.open(settings, embedding_function=embed)
    assert reopened.lexical().stamp == index._lexical.stamp  # loaded from disk
    reopened.ingest_paths([SEED_025506])
    assert reopened.search("spent convictions watchlists", k=1)[0].reference == "01.FOI.22.025506"
    assert (settings.index_dir / "bm25" / "stamp.json").read_text() != stamp
    reopened.close()


# -- bad input --------------------------------------------------------------------------------------


def test_bad_files_are_skipped_with_a_reason_and_the_batch_goes_on(index, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    rnd = random.Random(7)
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as fh:  # 50 MB, sparse
        fh.truncate(50 * 1024 * 1024)
    (folder / "binary.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00" * 64)
    (folder / "latin.txt").write_bytes(b"Q1 - caf\xe9?\n" + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(rnd.randrange(256) for _ in range(2048)))
    (folder / "random.docx").write_bytes(bytes(rnd.randrange(256) for _ in range(2048)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    (folder / "notdocx.docx").write_bytes(buf.getvalue())
    (folder / "chat.txt").write_text(
        "Dear Sir,\n\nThank you for your letter. We will reply soon.\n\nRegards\n"
    )
    good = write_letter(folder, "good.md", "FOI-GOOD", TASER)

    report = index.ingest_paths([folder])
    assert report.letters == 1 and report.questions == 1 and report.exit_code == 2
    skipped = dict(report.skipped)
    expected = {
        "empty.txt",
        "huge.txt",
        "binary.txt",
        "latin.txt",
        "broken.pdf",
        "random.docx",
        "notdocx.docx",
        "chat.txt",
    }
    assert {Path(p).name for p in skipped} == expected
    assert str(good) not in skipped
    for path, reason in report.skipped:
        assert os.path.exists(path) and reason and "Traceback" not in reason
    assert "empty" in skipped[str(folder / "empty.txt")]
    assert "MB" in skipped[str(folder / "huge.txt")]
    assert "binary" in skipped[str(folder / "binary.txt")]
    assert "UTF-8" in skipped[str(folder / "latin.txt")]
    assert "PDF" in skipped[str(folder / "broken.pdf")]
    assert "DOCX" in skipped[str(folder / "random.docx")] and "DOCX" in skipped[str(folder / "notdocx.docx")]
    assert "question" in skipped[str(folder / "chat.txt")]
    assert "8 skipped" in report.summary()
    assert index.search("Taser discharges", k=1)[0].reference == "FOI-GOOD"
    assert not index.dirty


def test_missing_path_is_skipped(index, tmp_path):
    report = index.ingest_paths([tmp_path / "nope.md"])
    assert report.skipped == [(str(tmp_path / "nope.md"), "no such file or folder")] and report.exit_code == 2


def test_known_pointer_keys_follow_the_store(tmp_path):
    from foi_precedent.settings import Settings
    from retriever.fake_embedding import FakeEmbeddingFunction
    from retriever.index import PrecedentIndex
    from tests.conftest import SEED_036325

    idx = PrecedentIndex.open(Settings(home=tmp_path / "h"), embedding_function=FakeEmbeddingFunction())
    assert idx.known_pointer_keys() == set()
    idx.ingest_paths([SEED_036325])
    assert "lfr deployment grid" in idx.known_pointer_keys()
    idx.delete_letter("01.FOI.24.036325")
    assert idx.known_pointer_keys() == set()


def test_known_pointer_keys_follow_corrections(tmp_path):
    """A pointer an officer's correction (or a reviewed reading) names is known, and one it drops is not: a draft
    pointing to it, from that precedent, was flagged as a pointer "no letter in the corpus names" (stop 35, the
    shipped index's St Andrews letter, whose stored copy lost its link)."""
    from foi_precedent.letters.model import Pointer
    from foi_precedent.settings import Settings
    from retriever.fake_embedding import FakeEmbeddingFunction
    from retriever.index import PrecedentIndex
    from tests.conftest import SEED_036325

    idx = PrecedentIndex.open(Settings(home=tmp_path / "h"), embedding_function=FakeEmbeddingFunction())
    idx.ingest_paths([SEED_036325])
    letter = idx.letter("01.FOI.24.036325")
    q = next(q for q in letter.questions if any(p.key == "lfr deployment grid" for p in q.pointers))
    idx.correct(
        letter.reference,
        q.label,
        treatments=q.treatments,
        exemptions=q.exemptions,
        ncnd=q.ncnd,
        pointers=[Pointer("Financial Statements")],
        reason="the link the letter names",
        officer="ann",
        roles=["drafter"],
    )
    keys = idx.known_pointer_keys()
    assert "financial statements" in keys
    assert "lfr deployment grid" not in keys or any(
        p.key == "lfr deployment grid"
        for other in letter.questions
        if other.label != q.label
        for p in other.pointers
    )


def test_filtered_search_post_filters_or_falls_back_to_chroma_where(index, tmp_path, monkeypatch):
    folder = tmp_path / "auth"
    for i in range(70):
        write_letter(
            folder,
            f"a{i}.md",
            f"FORCEA-{i:03}",
            [(f"How many Taser discharges in year {i}?", f"{i} discharges.")],
            authority="Force A",
            when="2022-01-01",
        )
    for i in range(2):
        write_letter(
            folder,
            f"b{i}.md",
            f"FORCEB-{i:03}",
            [(f"How many Taser discharges in year {i}?", f"{i} discharges.")],
            authority="Force B",
            when="2022-01-01",
        )
    index.ingest_paths([folder])
    monkeypatch.setattr(
        "retriever.index.POST_FILTER_FACTOR", 1
    )  # the wide query (50) covers less than all 72
    calls = []
    real_query = index.collection.query

    def spy(**kw):
        calls.append(kw.get("where"))
        return real_query(**kw)

    monkeypatch.setattr(index.collection, "query", spy)
    hits = index.search("Taser discharges", k=3, authority="Force A")
    assert len(hits) == 3 and {h.authority for h in hits} == {"Force A"}
    assert calls == [None]  # enough matches in the wider unfiltered query
    calls.clear()
    hits = index.search("Taser discharges", k=3, authority="Force B")
    assert {h.reference for h in hits} == {"FORCEB-000", "FORCEB-001"}
    assert calls[0] is None and calls[1] is not None  # too few matches: Chroma's where clause


def test_a_re_read_letter_leaves_no_old_filter_keys_in_chroma(index, tmp_path):
    """Chroma merges an upsert's metadata into the old: a question no longer withheld must lose tr_withheld and its
    exemption keys, or a filtered search that falls back to Chroma's where clause would still find it."""
    folder = tmp_path / "letters"
    write_letter(folder, "cctv.md", "FOI-2024-0004", CCTV)
    index.ingest_paths([folder])
    before = index.collection.get(ids=["FOI-2024-0004::Q1::0"], include=["metadatas"])["metadatas"][0]
    assert before["tr_withheld"] and before["ex_s31_1_a"]
    write_letter(
        folder,
        "cctv.md",
        "FOI-2024-0004",
        [(CCTV[0][0], "The council operates 41 cameras in the town centre.")],
    )
    assert index.ingest_paths([folder]).replaced == 1
    after = index.collection.get(ids=["FOI-2024-0004::Q1::0"], include=["metadatas"])["metadatas"][0]
    assert after["tr_disclosed"] and after["treatments"] == "disclosed"
    assert not {k for k in after if k.startswith(("ex_", "tr_withheld"))}
