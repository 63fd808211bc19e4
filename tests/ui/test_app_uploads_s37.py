"""The Re-check and Corpus pages name every uploaded file they did not read, and tell a duplicate (nothing lost)
from a file that could not be read (stop 37's browser QA: six files uploaded to Re-check gave "4 letters" and no
word of the other two; files already in the index were listed in red beside broken ones)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from foi_precedent.letters.model import Regime
from tests.conftest import SEED_025506, SEED_036325
from tests.ui.conftest import AppIndex

PAGE_RECHECK = "app_pages/recheck.py"
PAGE_CORPUS = "app_pages/corpus.py"


@pytest.fixture
def fake_embedding_for_uploads(monkeypatch):
    """Re-check's own index of the uploads, with the fake embedding (the test home has no ONNX model)."""
    from foi_precedent.recheck import engine, service
    from retriever.fake_embedding import FakeEmbeddingFunction

    def index_for_paths(settings, paths, embedding_function=None, progress=None):
        return engine.index_for_paths(settings, paths, FakeEmbeddingFunction(), progress)

    monkeypatch.setattr(service, "index_for_paths", index_for_paths)


def test_recheck_names_the_uploaded_files_it_did_not_read(app_test, fake_embedding_for_uploads):
    seed = SEED_036325.read_bytes()
    at = app_test(PAGE_RECHECK)
    at.radio(key="recheck.source").set_value("Uploaded letters")
    at.run()
    at.file_uploader(key="recheck.files").set_value(
        [
            ("frt.md", seed, "text/markdown"),
            ("drones.md", SEED_025506.read_bytes(), "text/markdown"),
            ("frt copy.md", seed, "text/markdown"),
            ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\ngarbage\n", "application/pdf"),
            ("empty.txt", b"", "text/plain"),
        ]
    )
    at.run()
    at.button(key="recheck.run").click()
    at.run(timeout=180)
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Letters"] == "2"
    (note,) = [w.value for w in at.warning if "not re-checked" in w.value]
    assert note.startswith("3 uploaded files were not re-checked:")
    assert "broken\\.pdf: " in note and "empty\\.txt: the file is empty" in note
    assert (
        "frt copy\\.md: duplicate of 01\\.FOI\\.24\\.036325" in note and "same content as frt\\.md," in note
    )
    assert "uploads-" not in note and "0002-" not in note  # named as uploaded, not as saved


def test_recheck_of_uploads_that_all_read_says_nothing_more(app_test, fake_embedding_for_uploads):
    at = app_test(PAGE_RECHECK)
    at.radio(key="recheck.source").set_value("Uploaded letters")
    at.run()
    at.file_uploader(key="recheck.files").set_value([("frt.md", SEED_036325.read_bytes(), "text/markdown")])
    at.run()
    at.button(key="recheck.run").click()
    at.run(timeout=180)
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Letters"] == "1"
    assert not [w for w in at.warning if "not re-checked" in w.value]


class DuplicateAwareIndex(AppIndex):
    """The real index's way with a file whose content is indexed already: skipped as a duplicate."""

    def ingest_paths(self, paths, progress=None):
        report = super().ingest_paths(paths, progress)
        for i, (path, _reason) in enumerate(report.skipped):
            if path.endswith("copy.md"):
                report.skipped[i] = (
                    path,
                    "duplicate of 01.FOI.22.025506 (same content as /corpus/seeds/x.md)",
                )
        return report


def test_corpus_upload_lists_duplicates_apart_from_files_it_could_not_read(
    app_test, fake_services, seed_letters
):
    fake_services.index = DuplicateAwareIndex(seed_letters)
    at = app_test(PAGE_CORPUS)
    at.file_uploader(key="corpus.upload").set_value(
        [
            (
                "copy.md",
                b"",
                "text/markdown",
            ),  # the fake reads it as empty; the index above calls it a duplicate
            ("empty.txt", b"", "text/plain"),
        ]
    )
    at.run()
    at.button(key="corpus.ingest").click()
    at.run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("empty\\.txt:")
    (known,) = [i.value for i in at.info if "Already in the index" in i.value]
    assert "copy\\.md: duplicate of 01\\.FOI\\.22\\.025506" in known
    assert known.startswith("Already in the index, not added again (1):")


def test_corpus_upload_of_only_duplicates_is_no_warning(app_test, fake_services, seed_letters):
    fake_services.index = DuplicateAwareIndex(seed_letters)
    at = app_test(PAGE_CORPUS)
    at.file_uploader(key="corpus.upload").set_value([("copy.md", b"", "text/markdown")])
    at.run()
    at.button(key="corpus.ingest").click()
    at.run()
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert [s.value for s in at.success] == ["Ingest: 0 letters added, 1 skipped."]


def test_check_page_says_what_the_letters_own_act_requires(app_test, monkeypatch):
    """A clean EIR check names the Regulations, not FOIA."""
    from foi_precedent.consistency.checker import CheckResult
    from foi_precedent.ui import workspace as ws

    checked = ws.check_draft

    def clean(*args, **kwargs) -> CheckResult:  # the check as it is, without its flags
        return replace(checked(*args, **kwargs), flags=())

    monkeypatch.setattr(ws, "check_draft", clean)
    at = app_test("app_pages/check.py")
    at.text_area(key="check.draft_text").input(
        "Environmental Information Regulations 2004 request\n\nDear Sir,\n\nThank you for your request.\n"
    )
    at.button(key="check.run").click()
    at.run()
    assert not at.exception, at.exception
    shown = [m.value for m in at.markdown if m.value.startswith("No flags")]
    regime = at.session_state["check.result"].letter.regime
    assert regime == Regime.EIR, regime
    assert shown == [
        "No flags: the draft follows precedent and has what the Environmental Information Regulations 2004 require."
    ]
