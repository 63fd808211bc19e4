"""Split corrections against a real index (the offline MiniLM, Chroma on disk): an officer re-splits a letter the
reader split wrongly; that letter alone is read again and re-indexed (chunks, vectors, question vectors), a search
finds the new question by its words and no longer the old wrong one, the split survives a re-ingest, treatment
corrections keep applying where their label stays, and an undo returns to the reader's split."""

from __future__ import annotations

import pytest

from foi_precedent.corrections import CorrectionError
from foi_precedent.identity import DRAFTER, REVIEWER
from foi_precedent.letters.model import Treatment
from foi_precedent.recheck.engine import separate_settings
from foi_precedent.splits import SplitError, split_note

pytestmark = pytest.mark.integration

# The reader reads the request's preamble as a question of its own and the two asks of item 1 as one.
LETTER = """Reference: KS-{n:02d}
Date: 1 March 2024

Dear Requester,

Freedom of Information Act 2000 request

Your request:
1. I am writing as a resident concerned about the parish newsletter and its printing contract.
2. How many kestrel nest boxes has the council installed, and how many badger setts are on council land?
3. What did the council spend on hedgerow surveys in 2023?

Our response:
1. Noted.
2. The council has installed 14 kestrel nest boxes. There are 3 badger setts on council land.
3. This information is not held.

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""

SPLIT = [
    ("2", "How many kestrel nest boxes has the council installed?"),
    ("2b", "How many badger setts are on council land?"),
    ("3", "What did the council spend on hedgerow surveys in 2023?"),
]


@pytest.fixture
def index(corpus_settings, tmp_path):
    from retriever.index import PrecedentIndex

    settings = separate_settings(corpus_settings, tmp_path / "home")
    folder = tmp_path / "letters"
    folder.mkdir()
    for n in range(3):
        (folder / f"ks-{n}.md").write_text(LETTER.format(n=n), encoding="utf-8")
    index = PrecedentIndex.open(settings)
    assert index.ingest_paths([folder]).exit_code == 0
    index.folder = folder
    yield index
    index.close()


def _labels(index, reference="KS-00"):
    return [q.label for q in index.letter(reference).questions]


def _found(index, query, reference="KS-00"):
    return {h.label for h in index.search(query, k=20) if h.reference == reference}


def _resplit(index, questions=SPLIT, reference="KS-00", undo=False):
    return index.resplit(
        reference,
        None if undo else questions,
        reason="item 1 is a preamble; item 2 asks two things",
        officer="alice",
        roles={DRAFTER},
    )


def test_a_resplit_reindexes_that_letter_only_and_search_follows(index):
    assert _labels(index) == ["1", "2", "3"]
    other_chunks = index.store.chunk_ids("KS-01")
    made, before, after = _resplit(index)
    assert made.id is not None and made.officer == "alice" and not made.undo
    assert [q.label for q in before.questions] == ["1", "2", "3"]
    assert [(q.label, q.text) for q in after.questions] == SPLIT
    assert after.question("2").treatments == after.question("2b").treatments == (Treatment.DISCLOSED,)
    assert "3 badger setts" in after.question("2b").answer  # the part has the item's answer
    assert after.question("3").treatments == (Treatment.NOT_HELD,)
    note = split_note(after)
    assert (note["officer"], note["id"], note["reason"]) == ("alice", made.id, made.reason)
    assert [label for label, _ in note["reader"]] == ["1", "2", "3"]
    # that letter's chunks and question vectors are made again; the others are untouched
    assert {cid.split("::")[1] for cid in index.store.chunk_ids("KS-00")} == {"2", "2b", "3"}
    assert index.store.chunk_ids("KS-01") == other_chunks
    assert set(index.store.question_vectors([("KS-00", label) for label in ("1", "2", "2b", "3")])) == {
        ("KS-00", "2"),
        ("KS-00", "2b"),
        ("KS-00", "3"),
    }
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert not index.dirty
    # a search for the new question's words finds it; the old wrong question (the preamble) is gone
    assert "2b" in _found(index, "badger setts on council land")
    assert "1" not in _found(index, "resident concerned about the parish newsletter printing contract")
    assert "1" in _found(index, "resident concerned about the parish newsletter printing contract", "KS-01")
    # the content and the key stay: nothing is kept as history, the letter's text is the same
    assert index.store.history("KS-00") == [] and after.text == before.text


def test_the_split_survives_a_reingest_and_undo_returns_to_the_readers_split(index):
    made, *_ = _resplit(index)
    report = index.ingest_paths([index.folder])
    assert report.exit_code == 0 and report.unchanged == 3  # read again with the split: the same reading
    assert _labels(index) == ["2", "2b", "3"]
    # the file changed (a typo fixed): the letter is replaced, and still read with the officer's questions
    path = index.folder / "ks-0.md"
    path.write_text(path.read_text().replace("Noted.", "Noted, thank you."), encoding="utf-8")
    report = index.ingest_paths([path])
    assert report.replaced == 1
    assert _labels(index) == ["2", "2b", "3"] and split_note(index.letter("KS-00"))["id"] == made.id
    undo, before, after = _resplit(index, undo=True)
    assert undo.undo and [q.label for q in before.questions] == ["2", "2b", "3"]
    assert [q.label for q in after.questions] == ["1", "2", "3"] and split_note(after) is None
    assert "2b" not in _found(index, "badger setts on council land")
    assert index.ingest_paths([path]).unchanged == 1 and _labels(index) == ["1", "2", "3"]
    states = [(s["undo"], s["state"]) for s in index.split_corrections("KS-00")]
    assert states == [(False, "replaced"), (True, "in force")]


def test_treatment_corrections_keep_applying_where_their_label_stays_and_are_orphaned_otherwise(index):
    index.correct(
        "KS-00",
        "3",
        treatments="withheld",
        exemptions="s43(2)",
        reason="read wrongly",
        officer="bob",
        roles={REVIEWER},
    )
    index.correct("KS-00", "1", treatments="not_held", reason="preamble", officer="bob", roles={REVIEWER})
    _resplit(index)
    letter = index.letter("KS-00")
    assert letter.question("3").treatments == (Treatment.WITHHELD,)
    states = {c["label"]: c["state"] for c in index.corrections("KS-00")}
    assert states == {"3": "in force", "1": "orphaned"}
    assert [h.label for h in index.search("hedgerow surveys", k=20, treatment="withheld")] == ["3"]


def test_bad_splits_are_refused_and_nothing_is_written(index):
    generation = index.store.generation
    for questions, match in [
        ([], "at least one question"),
        ([("2", "a"), ("2", "b")], "given twice"),
    ]:
        with pytest.raises(SplitError, match=match):
            _resplit(index, questions)
    with pytest.raises(SplitError, match="No letter"):
        _resplit(index, reference="KS-99")
    with pytest.raises(SplitError, match="reason"):
        index.resplit("KS-00", SPLIT, reason=" ", officer="alice", roles={DRAFTER})
    with pytest.raises(CorrectionError, match="only a drafter or a reviewer"):
        index.resplit("KS-00", SPLIT, reason="x", officer="eve", roles=set())
    assert index.store.generation == generation and index.store.splits() == []
    assert _labels(index) == ["1", "2", "3"]


def test_reread_keeps_an_officers_split_from_the_kept_text(index):
    """After an upgrade, ``reread`` reads every letter again; a letter an officer re-split keeps that split, even
    with its file gone (read from the text the index keeps), and only a letter read differently is re-indexed."""
    import json

    _resplit(index)
    for path in index.folder.iterdir():
        path.unlink()
    data = index.store.stored_data("KS-00")
    data["questions"][-1]["treatments"] = ["other"]  # as an older reader read it
    index.store.conn.execute("UPDATE letters SET data=? WHERE reference=?", (json.dumps(data), "KS-00"))
    others = index.store.chunk_ids("KS-01")

    report = index.reread()
    assert (report.changed, report.unchanged, report.kept) == (["KS-00"], 2, [])
    after = index.letter("KS-00")
    assert [(q.label, q.text) for q in after.questions] == SPLIT
    assert after.question("3").treatments == (Treatment.NOT_HELD,)
    assert split_note(after)["officer"] == "alice"
    assert index.store.chunk_ids("KS-01") == others
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    assert not index.dirty
