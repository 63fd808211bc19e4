"""The shipped real letters with their reviewed readings, in a real index (the offline MiniLM, Chroma on disk): a
sample of corpus/real is indexed as ``make run`` indexes it, the reviewed readings are imported, and every letter
then reads question by question as the labels say, is found by a search on its own words with that reading, and
a second import has nothing to do. (``make run`` does the same for the whole folder; bench/RESULTS-index.md gives its
time.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foi_precedent import reviewed
from foi_precedent.identity import ROLES
from foi_precedent.recheck.engine import separate_settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration

REAL = CORPUS / "real"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """Twelve reviewed letters: six the reader splits otherwise than the labels, six it splits the same."""
    from foi_precedent.letters.parser import parse_file

    letters = reviewed.load(REAL / "reviewed.jsonl")
    split, same = [], []
    for r in letters:
        letter = parse_file(r.file)
        (same if reviewed.same_questions(letter, r) else split).append(r)
    chosen = split[:: max(1, len(split) // 6)][:6] + same[:: max(1, len(same) // 6)][:6]
    assert len(chosen) == 12
    folder = tmp_path_factory.mktemp("real")
    for r in chosen:
        shutil.copy(r.file, folder / r.file.name)
    return folder, [reviewed.ReviewedLetter(folder / r.file.name, r.id, r.questions) for r in chosen]


def test_reviewed_readings_make_the_index_read_real_letters_as_labelled(corpus_settings, tmp_path, sample):
    from retriever.index import PrecedentIndex

    folder, letters = sample
    index = PrecedentIndex.open(separate_settings(corpus_settings, tmp_path / "home"))
    try:
        assert index.ingest_paths([folder]).exit_code == 0
        report = reviewed.apply(index, letters, officer="ann", roles=ROLES, reason="labelled development set")
        assert (
            report.splits >= 6 and report.corrections > 0 and not report.problems and not report.not_indexed
        )
        keys = {
            Path(s.source_path).resolve(): s.reference for s in index.store.stored_letters() if s.source_path
        }
        for r in letters:
            letter = index.letter(keys[r.file.resolve()])
            assert reviewed.same_questions(letter, r), r.id
            for q, want in zip(letter.questions, r.questions, strict=True):
                if want.treatments:
                    assert tuple(t.value for t in q.treatments) == want.treatments, (r.id, q.label)
                    assert tuple(q.exemptions) == want.exemptions, (r.id, q.label)
        r = letters[0]
        q = r.questions[0]
        hits = index.search(q.text, k=5)
        assert any(h.reference == keys[r.file.resolve()] for h in hits)
        again = reviewed.apply(index, letters, officer="ann", roles=ROLES, reason="labelled development set")
        assert (again.splits, again.corrections, again.unchanged) == (0, 0, len(letters))
    finally:
        index.close()


def _state(index, audit) -> dict:
    """What an index and its audit log hold, without the ids and times two builds give differently."""
    import numpy as np

    def plain(rows, drop=("id", "at", "created_at", "correction_id", "split_id", "user_name")):
        return sorted(repr({k: v for k, v in sorted(r.items()) if k not in drop}) for r in rows)

    letters = {}
    for info in index.store.stored_letters():
        data = index.store.stored_data(info.reference)
        note = data["meta"].get("resplit")
        if note:
            data["meta"]["resplit"] = {k: v for k, v in note.items() if k not in ("id", "at")}
        letters[info.reference] = data
    stored = index.store.chunks()
    got = index.collection.get(include=["metadatas", "embeddings"])
    order = np.argsort(got["ids"])
    questions = index.store.question_vectors({(c.reference, c.label) for c in stored})
    return {
        "letters": letters,
        "chunks": sorted((c.id, c.text, repr(sorted(c.metadata.items()))) for c in stored),
        "chroma ids": sorted(got["ids"]),
        "chroma metadata": [repr(sorted(got["metadatas"][i].items())) for i in order],
        "vectors": np.asarray(got["embeddings"])[order],
        "question vectors": np.stack([questions[k] for k in sorted(questions)]),
        "corrections": plain(index.corrections()),
        "split corrections": plain(index.split_corrections()),
        "audited splits": plain(audit.rows("split_corrections")),
        "audited corrections": plain(audit.rows("corrections")),
    }


def test_ingesting_with_the_reviewed_readings_embeds_each_letter_once_and_ends_as_ingest_then_import(
    corpus_settings, tmp_path, sample, monkeypatch
):
    """``make run``'s ``precedent ingest corpus --readings corpus/real/reviewed.jsonl``: the letters the reader
    splits otherwise are read with their reviewed questions as they are ingested and written with their reviewed
    readings, so every chunk is embedded and written once (ingest then import-readings embedded those letters twice
    and rewrote each corrected question's Chroma metadata), and the index ends as it did."""
    from collections import Counter

    import numpy as np

    from foi_precedent.audit.log import AuditLog
    from retriever.index import PrecedentIndex

    folder, letters = sample
    written: Counter = Counter()  # chunk id -> times its vector was written to Chroma
    upsert = PrecedentIndex._upsert

    def counted(self, ids, vectors, metadatas):
        written.update(ids)
        return upsert(self, ids, vectors, metadatas)

    monkeypatch.setattr(PrecedentIndex, "_upsert", counted)
    refreshed: list[tuple[str, str]] = []  # questions whose Chroma metadata was rewritten after a correction
    refresh = PrecedentIndex._refresh_chroma_metadata

    def counted_refresh(self, reference, label):
        refreshed.append((reference, label))
        return refresh(self, reference, label)

    monkeypatch.setattr(PrecedentIndex, "_refresh_chroma_metadata", counted_refresh)
    built, embedded, rewritten = {}, {}, {}
    for name in ("once", "twice"):
        written.clear()
        refreshed.clear()
        home = tmp_path / name
        index = PrecedentIndex.open(separate_settings(corpus_settings, home))
        model, texts = index.embedding_function, []

        def embed(batch, model=model, texts=texts):
            texts.extend(batch)
            return model(batch)

        index.embedding_function = embed
        audit = AuditLog(home / "audit.sqlite3")
        how = {"officer": "ann", "roles": ROLES, "reason": "labelled development set", "audit": audit}
        if name == "once":
            ingested, report = reviewed.ingest(index, [folder], letters, **how)
        else:
            ingested = index.ingest_paths([folder])
            report = reviewed.apply(index, letters, **how)
        assert ingested.exit_code == 0 and ingested.letters == len(letters)
        assert (
            report.splits >= 6 and report.corrections > 0 and not report.problems and not report.not_indexed
        )
        built[name] = (report.to_dict(), _state(index, audit), Counter(written))
        embedded[name] = len(texts)
        rewritten[name] = len(refreshed)
        if name == "once":
            keys = {
                Path(s.source_path).resolve(): s.reference
                for s in index.store.stored_letters()
                if s.source_path
            }
            for r in letters:  # every letter, re-split ones too, reads question by question as labelled
                letter = index.letter(keys[r.file.resolve()])
                assert reviewed.same_questions(letter, r), r.id
                for q, want in zip(letter.questions, r.questions, strict=True):
                    if want.treatments:
                        assert tuple(t.value for t in q.treatments) == want.treatments, (r.id, q.label)
            hits = index.search(letters[0].questions[0].text, k=5)
            assert any(h.reference == keys[letters[0].file.resolve()] for h in hits)
            again = reviewed.ingest(index, [folder], letters, **how)
            assert again[0].unchanged == len(letters) and not again[0].letters and not again[0].replaced
            assert (again[1].splits, again[1].corrections, again[1].unchanged) == (0, 0, len(letters))
            assert written == built[name][2]  # run again, nothing was written (nor embedded)
        index.close()

    (report, once, writes), (report2, twice, writes2) = built["once"], built["twice"]
    assert report == report2  # the same split and reading corrections, counted alike
    assert set(writes.values()) == {1} and sorted(writes) == once["chroma ids"]
    # the re-split letters' chunks written again after the reader's split was indexed (under the id they kept, or a new
    # one: whether any keeps its id depends on which letters the sample holds)
    assert sum(writes2.values()) > sum(writes.values())
    assert embedded["once"] < embedded["twice"]
    # the corrected readings were written with the chunks, not rewritten in Chroma question by question after
    assert rewritten == {"once": 0, "twice": report["corrections"]}
    for key in once:
        if key in ("vectors", "question vectors"):  # the same texts, embedded in other batches
            assert np.allclose(once[key], twice[key], atol=1e-5), key
        else:
            assert once[key] == twice[key], key
