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
