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
    ".pdf": ["thurrock-litter-dog-fouling-2019", "dover-planning-enforcement-report-eir"],
}


def reading(letter) -> list:
    return [
        (q.label, sorted(t.value for t in q.treatments), sorted(q.exemptions)) for q in letter.questions
    ] + [letter.regime.value]


def test_word_and_pdf_letters_in_the_index_read_as_their_text(corpus_settings, tmp_path):
    from retriever.index import PrecedentIndex

    folders = {}
    for suffix in (".txt", ".docx", ".pdf"):
        folders[suffix] = tmp_path / suffix.lstrip(".")
        folders[suffix].mkdir()
        for path in DOCUMENTS.glob(f"*{suffix}"):
            shutil.copy(path, folders[suffix] / path.name)
    index = PrecedentIndex.open(separate_settings(corpus_settings, tmp_path / "home"))
    try:
        report = index.ingest_paths(list(folders.values()))
        assert report.exit_code == 0, report.skipped
        keys = {
            Path(s.source_path).resolve(): s.reference for s in index.store.stored_letters() if s.source_path
        }
        assert len(keys) == 3 * len(list(DOCUMENTS.glob("*.txt")))
        for suffix, stems in SAME.items():
            for stem in stems:
                indexed = index.letter(keys[(folders[suffix] / f"{stem}{suffix}").resolve()])
                assert reading(indexed) == reading(parse_file(DOCUMENTS / f"{stem}.txt")), (stem, suffix)
        # a question asked in the Word letter finds it
        docx_key = keys[(folders[".docx"] / "thurrock-litter-dog-fouling-2019.docx").resolve()]
        question = index.letter(docx_key).questions[5].text
        assert any(h.reference == docx_key for h in index.search(question, k=10))
    finally:
        index.close()
