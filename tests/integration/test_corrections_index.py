"""Reading corrections against a real index (the offline MiniLM, Chroma on disk): an officer's correction turns a
precedent's treatment around, and the consensus, a check's flags and the batch re-check follow, without
re-embedding, and after the letter is ingested again."""

from __future__ import annotations

import dataclasses

import pytest

from foi_precedent.consistency.checker import check_letter
from foi_precedent.identity import DRAFTER
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_text
from foi_precedent.recheck.engine import RecheckOptions, recheck_index, separate_settings
from foi_precedent.recheck.report import build_report, render_html
from foi_precedent.settings import Settings

pytestmark = pytest.mark.integration

LETTER = """Reference: {ref}
Date: 1 March {year}

Dear Requester,

Freedom of Information Act 2000 request

Question 1: How many drones does the force own and operate?
Answer: The force owns {n} drones.

Question 2: Please provide the date and location of each drone flight in {year}.
Answer: {answer2}

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""
# what the reader reads as a disclosure, though the locations were in fact withheld (the officer's correction)
MISREAD = "We have decided to release this information. Please find it attached."
WITHHOLDS = (
    "The dates and locations of drone flights are exempt under Section 31(1)(a) of the Act, as releasing them "
    "would prejudice the prevention or detection of crime. We have considered the public interest."
)


@pytest.fixture
def index(corpus_settings, tmp_path):
    from retriever.index import PrecedentIndex

    settings = separate_settings(corpus_settings, tmp_path / "home")
    folder = tmp_path / "letters"
    folder.mkdir()
    for i in range(5):
        (folder / f"dr-{i}.md").write_text(
            LETTER.format(ref=f"DR-{i:02d}", year=2019 + i, n=3 + i, answer2=MISREAD), encoding="utf-8"
        )
    index = PrecedentIndex.open(settings)
    assert index.ingest_paths([folder]).exit_code == 0
    index.folder = folder
    yield index
    index.close()


def _draft():
    return parse_text(LETTER.format(ref="DRAFT-1", year=2025, n=9, answer2=WITHHOLDS), source="draft")


def _withheld(index, reference, label, reason):
    """alice (a drafter) corrects one question to withheld under s31(1)(a)."""
    return index.correct(
        reference,
        label,
        treatments="withheld",
        exemptions="s31(1)(a)",
        reason=reason,
        officer="alice",
        roles={DRAFTER},
    )


def _flags(result, label="Question 2"):
    return {(f.label, f.kind) for f in result.flags if f.label == label}


def test_a_correction_turns_the_consensus_and_the_flags_around(index):
    before = check_letter(_draft(), index)
    assert before.questions[1].treatments == (Treatment.DISCLOSED,)
    assert ("Question 2", "treatment_divergence") in _flags(before)
    vectors = index.collection.count()

    for i in range(4):  # an officer corrects four of the five misread precedents
        _withheld(
            index,
            f"DR-{i:02d}",
            "Q2",
            "the locations were withheld under s31(1)(a); the attachment was the count",
        )
    assert index.collection.count() == vectors  # nothing embedded again
    after = check_letter(_draft(), index)
    consensus = after.questions[1]
    assert consensus.treatments == (Treatment.WITHHELD,) and "s31(1)(a)" in consensus.exemptions
    assert ("Question 2", "treatment_divergence") not in _flags(after)
    # the one letter left as read now departs from corrected precedent
    left = check_letter(index.letter("DR-04"), index)
    assert ("Question 2", "treatment_divergence") in _flags(left)

    # filters follow, in bm25 and in Chroma's own metadata (its filtered fallback query)
    hits = index.search("date and location of each drone flight", k=10, treatment="withheld")
    assert {h.reference for h in hits if h.label == "Question 2"} == {f"DR-{i:02d}" for i in range(4)}
    got = index.collection.get(ids=["DR-00::Question 2::0"], include=["metadatas"])["metadatas"][0]
    assert got["tr_withheld"] is True and "tr_disclosed" not in got and got["treatments"] == "withheld"


def test_corrections_survive_a_reingest_and_reach_the_batch_recheck(index, corpus_settings, tmp_path):
    _withheld(index, "DR-00", "Question 2", "misread")
    path = index.folder / "dr-0.md"
    path.write_text(path.read_text(encoding="utf-8").replace("owns 3 drones", "owns three drones"), "utf-8")
    report = index.ingest_paths([path])
    assert report.replaced == 1
    letter = index.letter("DR-00")
    assert "three drones" in letter.question("Q1").answer
    assert letter.question("Q2").treatments == (Treatment.WITHHELD,)
    got = index.collection.get(ids=["DR-00::Question 2::0"], include=["metadatas"])["metadatas"][0]
    assert got["tr_withheld"] is True and "tr_disclosed" not in got

    settings = dataclasses.replace(index.settings, home=tmp_path / "recheck-home")
    run = recheck_index(index, settings, RecheckOptions(workers=1))
    record = next(r for r in run.records if r["reference"] == "DR-00")
    q2 = record["questions"][1]
    assert q2["treatments"] == ["withheld"] and q2["corrected"]["officer"] == "alice"
    assert q2["corrected"]["original"]["treatments"] == ["disclosed"]
    # corrected, it now departs from the four still read as disclosed, and the report says it was corrected
    assert ("Question 2", "treatment_divergence") in {(f["label"], f["kind"]) for f in record["flags"]}
    built = build_report(run.records)
    assert built["summary"]["corrected_readings"] == 1
    on_corrected = {(f["reference"], f["label"]) for f in built["flags"] if f["corrected_reading"]}
    assert on_corrected == {("DR-00", "Question 2")}
    assert "Corrected readings" in render_html(built)
    # a later correction starts a new run rather than resuming the old one's results
    _withheld(index, "DR-01", "Q2", "misread")
    assert recheck_index(index, settings, RecheckOptions(workers=1)).run_id != run.run_id


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    from tests.chroma_support import chroma_server, find_chroma

    if not find_chroma():
        pytest.skip("the `chroma` executable is not installed next to this Python (pip install chromadb)")
    with chroma_server(tmp_path_factory.mktemp("chroma_server")) as url:
        yield url


def test_a_team_on_postgresql_and_a_chroma_server_sees_a_correction_at_once(chroma_url, pg_url, tmp_path):
    """Two instances on one PostgreSQL and one `chroma run`: a correction made through one is what the other's
    next search and check count, and the server's filter metadata follows it."""
    from retriever.fake_embedding import FakeEmbeddingFunction
    from retriever.index import PrecedentIndex

    def instance(name):
        settings = dataclasses.replace(
            separate_settings(Settings(home=tmp_path / name), tmp_path / name),
            chroma_url=chroma_url,
            database_url=pg_url,
        )
        return PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())

    folder = tmp_path / "letters"
    folder.mkdir()
    for i in range(3):
        (folder / f"dr-{i}.md").write_text(
            LETTER.format(ref=f"DR-{i:02d}", year=2019 + i, n=3 + i, answer2=MISREAD), encoding="utf-8"
        )
    one, two = instance("one"), instance("two")
    assert one.ingest_paths([folder]).exit_code == 0
    assert ("Question 2", "treatment_divergence") in _flags(check_letter(_draft(), two))
    for i in range(3):
        _withheld(one, f"DR-{i:02d}", "Q2", "misread")
    after = check_letter(_draft(), two)
    assert after.questions[1].treatments == (Treatment.WITHHELD,)
    assert ("Question 2", "treatment_divergence") not in _flags(after)
    got = two.collection.get(ids=["DR-00::Question 2::0"], include=["metadatas"])["metadatas"][0]
    assert got["tr_withheld"] is True and "tr_disclosed" not in got
    one.close()
    two.close()
