"""The batch re-check: leave-one-out, stop and resume, the fast path (stored vectors) against the checker."""

from __future__ import annotations

import json

import numpy as np
import pytest

from foi_precedent.consistency.checker import check_letter
from foi_precedent.letters.parser import parse_text
from foi_precedent.recheck.engine import (
    RESULTS_FILE,
    RecheckOptions,
    RecheckStopped,
    paths_index_home,
    read_results,
    recheck_index,
)
from foi_precedent.recheck.search import VectorSearcher
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from tests.fakes import MemoryIndex

LETTER = """Reference: {ref}
Date: 1 March {year}

Dear Requester,

Freedom of Information Act 2000 request

Question 1: How many drones does the force own and operate?
Question 2: Please provide the date and location of each drone flight in {year}.
Question 3: Please send me the drone policy document.

Our response

Question 1: How many drones does the force own and operate?
Answer: The force owns {n} drones.

Question 2: Please provide the date and location of each drone flight in {year}.
Answer: {answer2}

Question 3: Please send me the drone policy document.
Answer: {answer3}

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""
WITHHELD = "The information is withheld under Section 31(1)(a) of the Act."
DISCLOSED = "We have decided to release this information. Please find it attached."
POINTER = "This is published: see the Drone Operations Policy on our website."


def _letters():
    out = []
    for i in range(8):
        answer2 = DISCLOSED if i == 5 else WITHHELD  # one letter discloses what the others withhold
        answer3 = "We hold this information. A copy is attached." if i == 6 else POINTER
        out.append(
            parse_text(
                LETTER.format(ref=f"DR-{i:02d}", year=2017 + i, n=3 + i, answer2=answer2, answer3=answer3),
                source=f"DR-{i:02d}",
            )
        )
    return out


@pytest.fixture
def settings(precedent_home):
    return Settings.from_env()


@pytest.fixture
def vector_index(settings):
    from retriever.index import PrecedentIndex

    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    index.add_letters(_letters())
    yield index
    index.close()


def _divergent(records):
    return {
        (r["reference"], f["label"], f["kind"])
        for r in records
        for f in r["flags"]
        if f["kind"].endswith("divergence") or f["kind"].startswith("pointer")
    }


def test_memory_index_leave_one_out_and_no_unknown_pointer(settings):
    run = recheck_index(MemoryIndex(_letters()), settings, RecheckOptions())
    assert run.mode == "exact" and run.letters == 8 and run.checked == 8
    flagged = _divergent(run.records)
    assert ("DR-05", "Question 2", "treatment_divergence") in flagged
    assert all(f["kind"] != "unknown_pointer" for r in run.records for f in r["flags"])
    for r in run.records:  # never its own precedent
        for q in r["questions"]:
            assert all(p["reference"] != r["reference"] for p in q["consensus"]["precedents"])


def test_stop_and_resume_checks_each_letter_once(settings, tmp_path):
    index = MemoryIndex(_letters())
    seen = []

    def stop_after_three(done, total, ref):
        seen.append(ref)
        if done >= 3:
            raise RecheckStopped()

    with pytest.raises(RecheckStopped):
        recheck_index(index, settings, RecheckOptions(), progress=stop_after_three)
    second = recheck_index(index, settings, RecheckOptions())
    assert second.resumed == 3 and second.checked == 5
    lines = (second.folder / RESULTS_FILE).read_text().splitlines()
    refs = [json.loads(line)["reference"] for line in lines]
    assert len(refs) == len(set(refs)) == 8
    # a third run has nothing to do
    third = recheck_index(index, settings, RecheckOptions())
    assert third.checked == 0 and third.resumed == 8
    # the same as an uninterrupted run
    other = Settings(home=tmp_path / "other-home")
    full = recheck_index(index, other, RecheckOptions())
    assert sorted(map(json.dumps, full.records)) == sorted(map(json.dumps, second.records))
    # --fresh starts over
    fresh = recheck_index(index, settings, RecheckOptions(fresh=True))
    assert fresh.checked == 8 and fresh.resumed == 0


def test_torn_last_line_is_ignored(tmp_path):
    path = tmp_path / RESULTS_FILE
    path.write_text(
        json.dumps({"reference": "A", "flags": []}) + "\n" + '{"reference": "B", "fl', encoding="utf-8"
    )
    assert list(read_results(path)) == ["A"]


def test_search_by_vectors_is_search_many_given_the_query_vectors(vector_index):
    from foi_precedent.ports import is_stored_vector_index
    from retriever.chunking import question_text

    assert is_stored_vector_index(vector_index)
    queries = [q.text for q in vector_index.letter("DR-05").questions] + ["  "]
    vecs = np.vstack(
        [
            vector_index.embed([question_text(q) for q in queries[:-1]]),
            np.zeros((1, FakeEmbeddingFunction().dims)),
        ]
    )
    by_text = vector_index.search_many(queries, k=8, exclude_references=("DR-05",))
    by_vector = vector_index.search_many_by_vectors(queries, vecs, k=8, exclude_references=("DR-05",))
    assert [[(p.reference, p.label) for p in hits] for hits in by_text] == [
        [(p.reference, p.label) for p in hits] for hits in by_vector
    ]
    assert all(
        abs(a.similarity - b.similarity) < 1e-6
        for ha, hb in zip(by_text, by_vector, strict=True)
        for a, b in zip(ha, hb, strict=True)
    )
    assert by_text[0] and by_text[-1] == by_vector[-1] == []


def test_fast_path_matches_checker_on_stored_vectors(vector_index, settings):
    searcher = VectorSearcher(vector_index)
    assert searcher.size == vector_index.store.chunk_count() and searcher.missing_vectors == 0
    letter = vector_index.letter("DR-05")
    vecs = searcher.query_vectors(letter)
    queries = [q.text for q in letter.questions]
    # the in-memory search and the index's own fusion (Chroma queried by the same vectors) agree
    qrows = searcher.question_scores(vecs)
    mine = [
        searcher.search(
            q, row, 10, exclude_references=("DR-05",), question_scores=qrows[i] if qrows is not None else None
        )
        for i, (q, row) in enumerate(zip(queries, searcher.scores(vecs), strict=True))
    ]
    theirs = vector_index.search_many_by_vectors(queries, vecs, k=10, exclude_references=("DR-05",))
    for a, b in zip(mine, theirs, strict=True):
        sa = {(p.reference, p.label): p.similarity for p in a}
        sb = {(p.reference, p.label): p.similarity for p in b}
        common = set(sa) & set(sb)
        assert len(common) >= 5  # near-identical letters tie; the tie-break may differ from HNSW's order
        assert all(abs(sa[key] - sb[key]) < 1e-4 for key in common)
        assert abs(max(sa.values()) - max(sb.values())) < 1e-4
        assert all(p.reference != "DR-05" for p in a)
    run = recheck_index(vector_index, settings, RecheckOptions(executor="serial", block=3))
    assert run.mode == "fast" and run.checked == 8
    flagged = _divergent(run.records)
    assert ("DR-05", "Question 2", "treatment_divergence") in flagged
    assert any(r == "DR-06" and lab == "Question 3" for r, lab, _ in flagged)


def test_fast_path_in_worker_processes_equals_serial(vector_index, settings, tmp_path):
    serial = recheck_index(vector_index, settings, RecheckOptions(executor="serial", block=2))
    other = Settings(home=tmp_path / "other-home")
    parallel = recheck_index(vector_index, other, RecheckOptions(workers=2, executor="process", block=2))
    assert parallel.workers == 2
    assert sorted(map(json.dumps, parallel.records)) == sorted(map(json.dumps, serial.records))


def test_exact_mode_is_the_checker(vector_index, settings):
    run = recheck_index(vector_index, settings, RecheckOptions(mode="exact"))
    assert run.mode == "exact"

    class View:
        def search_many(self, *a, **kw):
            return vector_index.search_many(*a, **kw)

        def known_pointer_keys(self):
            return set()

    letter = vector_index.letter("DR-05")
    direct = check_letter(letter, View())
    rec = next(r for r in run.records if r["reference"] == "DR-05")
    assert [f["kind"] for f in rec["flags"]] == [f.kind for f in direct.flags if f.kind != "unknown_pointer"]


def test_paths_get_their_own_index_home(settings, tmp_path):
    a = paths_index_home(settings, [tmp_path / "a", tmp_path / "b"])
    b = paths_index_home(settings, [tmp_path / "b", tmp_path / "a"])
    c = paths_index_home(settings, [tmp_path / "c"])
    assert a == b != c and str(a).startswith(str(settings.recheck_dir))
