"""Real letters as an officer's Word file and its PDF, ingested into a real index (the offline MiniLM, Chroma on
disk), read in the index as their text copies are: the same questions, treatments and exemptions, and found by a
search on a question's own words. The files are tests/fixtures/documents (scripts/build_document_letters.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foi_precedent.letters.parser import parse_file
from foi_precedent.recheck.engine import separate_settings
from tests.conftest import FIXTURES

pytestmark = pytest.mark.integration

DOCUMENTS = FIXTURES / "documents"
#: what each format reads as its text does (tests/unit/test_documents_s36.py says why the others do not yet)
SAME = {
    ".docx": [
        "thurrock-litter-dog-fouling-2019",
        "uea-admissions-software-foi-24-299",
        "dover-planning-enforcement-report-eir",
    ],
    ".pdf": [
        "thurrock-litter-dog-fouling-2019",
        "uea-admissions-software-foi-24-299",
        "dover-planning-enforcement-report-eir",
    ],
}


def reading(letter) -> list:
    return [
        (q.label, sorted(t.value for t in q.treatments), sorted(q.exemptions)) for q in letter.questions
    ] + [letter.regime.value]


def test_word_and_pdf_letters_in_the_index_read_as_their_text(corpus_settings, tmp_path):
    from retriever.index import PrecedentIndex

    # one index for each format: the copies are one letter, and one index keeps one copy of a letter
    read: dict[str, dict[str, list]] = {}
    for suffix in (".txt", ".docx", ".pdf"):
        folder = tmp_path / suffix.lstrip(".")
        folder.mkdir()
        for path in DOCUMENTS.glob(f"*{suffix}"):
            shutil.copy(path, folder / path.name)
        index = PrecedentIndex.open(separate_settings(corpus_settings, tmp_path / f"home{suffix}"))
        try:
            report = index.ingest_paths([folder])
            assert report.exit_code == 0, report.skipped
            keys = {
                Path(s.source_path).stem: s.reference for s in index.store.stored_letters() if s.source_path
            }
            assert len(keys) == len(list(DOCUMENTS.glob("*.txt")))
            read[suffix] = {stem: reading(index.letter(key)) for stem, key in keys.items()}
            # a question asked in the letter finds it
            question = index.letter(keys["thurrock-litter-dog-fouling-2019"]).questions[5].text
            assert any(
                h.reference == keys["thurrock-litter-dog-fouling-2019"] for h in index.search(question, k=10)
            )
        finally:
            index.close()
    for stem, text_reading in read[".txt"].items():
        assert text_reading == reading(parse_file(DOCUMENTS / f"{stem}.txt")), stem
    for suffix, stems in SAME.items():
        for stem in stems:
            assert read[suffix][stem] == read[".txt"][stem], (stem, suffix)
