"""What the Corpus, Re-check, Draft and Check pages say about uploads and a clean check (stop 37's browser QA)."""

from __future__ import annotations

from types import SimpleNamespace

from foi_precedent.letters.model import Regime
from foi_precedent.ui.corpus import already_indexed, unread_uploads
from foi_precedent.ui.widgets import flag_counts


def test_a_clean_check_names_the_act_the_letter_was_checked_under():
    assert flag_counts((), {}) == (
        "No flags: the draft follows precedent and has what the Freedom of Information Act 2000 requires."
    )
    assert flag_counts((), {}, Regime.FOISA).endswith(
        "has what the Freedom of Information (Scotland) Act 2002 requires."
    )
    assert flag_counts((), {}, Regime.EIR).endswith(
        "has what the Environmental Information Regulations 2004 require."
    )
    # a Moray Council reply under the Scottish EIRs was told it had "what FOIA requires"
    eisr = flag_counts((), {}, "EISR")
    assert "FOIA" not in eisr
    assert eisr.endswith("has what the Environmental Information (Scotland) Regulations 2004 require.")


def test_a_duplicate_is_told_apart_from_a_file_that_could_not_be_read():
    assert already_indexed("duplicate of 2018-660 (same content as /corpus/real/bolton-2018-660.txt)")
    assert not already_indexed("the file is empty")
    assert not already_indexed("the PDF is broken and cannot be read (PdfiumError)")


def test_unread_uploads_are_named_as_uploaded_in_the_name_and_the_reason(tmp_path):
    folder = tmp_path / "recheck" / "uploads-0123456789ab"
    report = SimpleNamespace(
        skipped=[
            (str(folder / "0002" / "broken.pdf"), "the PDF is broken and cannot be read (PdfiumError)"),
            (str(folder / "0003" / "empty.txt"), "the file is empty"),
            (
                str(folder / "0004" / "bolton copy.txt"),
                f"duplicate of 2018-660 (same content as {folder / '0001' / 'bolton 2018-660.txt'}, read in this batch)",
            ),
        ],
        not_read=[(str(folder / "0005" / "README.md"), "a folder's README, not a letter")],
    )
    assert unread_uploads(report) == [
        ("broken.pdf", "the PDF is broken and cannot be read (PdfiumError)"),
        ("empty.txt", "the file is empty"),
        (
            "bolton copy.txt",
            "duplicate of 2018-660 (same content as bolton 2018-660.txt, read in this batch)",
        ),
        ("README.md", "a folder's README, not a letter"),
    ]
    assert unread_uploads(SimpleNamespace(skipped=[], not_read=[])) == []


def test_a_duplicate_names_the_file_it_repeats_not_its_path_on_the_server():
    from foi_precedent.ui.corpus import _file_names

    reason = "duplicate of FOI-1 (same content as /srv/precedent/corpus/real/moray-potholes-2020.txt)"
    assert _file_names(reason) == "duplicate of FOI-1 (same content as moray-potholes-2020.txt)"
    batch = "duplicate of FOI-2 (same content as a.txt, read in this batch)"
    assert _file_names(batch) == batch
    assert (
        _file_names(r"duplicate of X (same content as C:\\letters\\b.md)")
        == "duplicate of X (same content as b.md)"
    )
