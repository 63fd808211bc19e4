"""A PDF letter read from pdfium's characters and their boxes (foi_precedent/letters/sources.py): the lines, table
cells, tab stops and blank lines that pypdf's layout mode printed, about eight times faster; what cannot be read is
one clear LetterError."""

from __future__ import annotations

import io
import threading
import zlib

import pytest

from foi_precedent.errors import LetterError
from foi_precedent.letters.sources import _pdf_text, read_document
from tests.conftest import FIXTURES

DOCUMENTS = FIXTURES / "documents"


def pdf(*pages: list[str]) -> bytes:
    """A PDF of pages drawn by the given content-stream operators (Helvetica as /F1, Courier as /F2, A4 pages)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for ops in pages:
        stream = zlib.compress("\n".join(ops).encode("latin-1"))
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_at(x: float, y: float, text: str, size: float = 11, scaled: bool = False) -> str:
    """One text object: a cell, a list label or a line of prose, as a word processor writes each apart."""
    if (
        scaled
    ):  # 'Tf 1' and the size in the text matrix, as Illustrator, InDesign and some converters write it
        return f"BT /F1 1 Tf {size} 0 0 {size} {x} {y} Tm ({text}) Tj ET"
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def lines_of(data: bytes) -> list[str]:
    return _pdf_text(data, "letter.pdf").split("\n")


@pytest.mark.parametrize("scaled", [False, True])
def test_cells_printed_apart_read_as_table_rows_and_a_cell_running_on_joins_its_cell(scaled):
    page = [
        text_at(72, 760, "Our response:", scaled=scaled),
        text_at(72, 746, "1", scaled=scaled),
        text_at(300, 746, "Enroly Limited", scaled=scaled),
        text_at(72, 732, "3", scaled=scaled),
        text_at(300, 732, "Information not held - s.1(1)(a), Freedom of", scaled=scaled),
        text_at(300, 718, "Information Act.", scaled=scaled),
        text_at(72, 704, "4", scaled=scaled),
        text_at(300, 704, "Exempt s.43(2)", scaled=scaled),
    ]
    assert lines_of(pdf(page)) == [
        "Our response:",
        "| 1 | Enroly Limited",
        "| 3 | Information not held - s.1(1)(a), Freedom of Information Act.",
        "| 4 | Exempt s.43(2)",
    ]


def test_spaces_typed_in_a_sentence_are_no_table_but_a_tab_to_the_same_gap_is():
    typed = "BT /F1 11 Tf 72 760 Td (The appropriate limit is 450 pounds.   The cost of one person.) Tj ET"
    # the same words, the second sentence in a text object of its own where the typed spaces ended
    tabbed = [
        text_at(72, 760, "The appropriate limit is 450 pounds."),
        text_at(290, 760, "The cost of one person."),
    ]
    assert lines_of(pdf([typed])) == ["The appropriate limit is 450 pounds.   The cost of one person."]
    assert lines_of(pdf(tabbed)) == ["| The appropriate limit is 450 pounds. | The cost of one person."]


def test_a_list_label_and_its_text_apart_by_a_tab_and_its_wrapped_lines_read_as_one_item():
    width = "The number of new and renewed taxi driver licences you have"  # the page's right margin
    page = [
        text_at(72, 760, "We hold the information you asked for and it is given below in the order of"),
        text_at(72, 746, "your request, with the figures for the last three financial years in each of"),
        text_at(72, 732, "the parts of it that ask for figures, as we said when we wrote to you."),
        text_at(90, 704, "1."),
        text_at(108, 704, width),
        text_at(108, 690, "granted."),
        text_at(90, 676, "2."),
        text_at(108, 676, "The number refused."),
    ]
    lines = [" ".join(line.split()) for line in lines_of(pdf(page))]
    assert lines[-3:] == ["", f"1. {width} granted.", "2. The number refused."]
    assert lines[0].endswith(
        "in the order of your request, with the figures for the last three financial years "
        "in each of the parts of it that ask for figures, as we said when we wrote to you."
    )


def ocr_words(x: float, y: float, text: str, gap: float = 11) -> list[str]:
    """A line as an OCR text layer writes it: each word a text object of its own, placed over its image, the gaps
    between words (here a font size) wider than the font's space (Courier 11: 6.6 points a character)."""
    ops = []
    for word in text.split():
        ops.append(f"BT /F2 11 Tf {x} {y} Td ({word}) Tj ET")
        x += 6.6 * len(word) + gap
    return ops


def test_a_page_whose_every_word_is_a_text_object_reads_as_prose_and_its_wide_gaps_as_cells():
    page = [
        *ocr_words(72, 760, "The register should display all the existing contracts"),
        *ocr_words(72, 746, "1"),
        *ocr_words(300, 746, "Enroly Limited"),
        *ocr_words(72, 732, "3"),
        *ocr_words(300, 732, "Information not held"),
    ]
    assert lines_of(pdf(page)) == [
        "The register should display all the existing contracts",
        "| 1 | Enroly Limited",
        "| 3 | Information not held",
    ]


def test_a_page_left_empty_for_two_lines_or_more_reads_as_a_blank_line():
    page = [
        text_at(72, 760, "Dear Sir"),
        text_at(72, 746, "Thank you."),
        text_at(72, 704, "Yours faithfully"),
    ]
    assert lines_of(pdf(page)) == ["Dear Sir", "Thank you.", "", "", "Yours faithfully"]


def test_a_raised_footnote_mark_stands_on_its_line():
    page = [
        text_at(72, 760, "The figures are given in the table below"),  # ends at 264 points
        text_at(264, 764, "1", size=7),
        text_at(268, 760, " and the notes after it."),
        text_at(72, 746, "Yours sincerely"),
    ]
    assert lines_of(pdf(page)) == [
        "The figures are given in the table below1 and the notes after it.",
        "Yours sincerely",
    ]


def test_text_turned_on_its_side_is_no_line_of_the_letter():
    letter = [text_at(72, 760, "1. How many?"), text_at(72, 746, "Information not held.")]
    sideways = [
        "BT /F1 9 Tf 0 1 -1 0 40 300 Tm (Ref ABC 123 printed up the margin) Tj ET",
        "BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 150 500 Tm (OFFICIAL SENSITIVE) Tj ET",
    ]
    assert (
        lines_of(pdf(letter + sideways)) == lines_of(pdf(letter)) == ["1. How many?", "Information not held."]
    )


def test_a_pdf_needing_a_password_is_one_clear_error_and_one_only_restricted_is_read():
    from pypdf import PdfReader, PdfWriter

    letter = pdf([text_at(72, 760, "1. How many?"), text_at(72, 746, "Information not held.")])

    def encrypted(user: str) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(letter)))
        writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    with pytest.raises(LetterError, match="encrypted; save an unprotected copy"):
        _pdf_text(encrypted("secret"), "letter.pdf")
    # printing or copying restricted, opened without a password: a reader opens it, and so do we
    assert lines_of(encrypted("")) == ["1. How many?", "Information not held."]


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4 this is not really a pdf",
        (DOCUMENTS / "thurrock-litter-dog-fouling-2019.pdf").read_bytes()[:20000],  # cut short
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
    ],
)
def test_a_broken_pdf_is_one_clear_error(data):
    with pytest.raises(LetterError, match="the PDF is broken and cannot be read"):
        _pdf_text(data, "letter.pdf")


@pytest.mark.parametrize(
    "odd",
    [
        "BT /F1 99999999999999999999 Tf 72 700 Td (Hello) Tj ET",  # a font past any page
        "BT /F1 0 Tf 72 700 Td (Hello) Tj ET",
        "BT /F1 -11 Tf 72 700 Td (Hello) Tj ET",
        "BT /F1 11 Tf 0 0 0 0 72 700 Tm (Hello) Tj ET",
        "BT /F1 11 Tf 0 Tz 72 700 Td (Hello) Tj ET",
        "BT /F1 11 Tf 99999999999999999999 700 Td (Hello) Tj ET",
        "BT 72 700 Td (Hello) Tj ET",  # no font
        "BT /F1 11 Tf 72 700 Td (Hello) Tj",  # no ET
    ],
)
def test_odd_text_drawing_reads_the_rest_or_is_one_clear_error(odd):
    try:
        text = _pdf_text(pdf([text_at(72, 760, "Dear Sir"), odd]), "letter.pdf")
    except LetterError as exc:
        assert "letter.pdf" in str(exc)
    else:
        assert text.split("\n")[0] == "Dear Sir"


def test_a_pdf_without_text_is_one_clear_error():
    drawn = pdf(["0 0 1 rg 72 600 200 100 re f"], [])
    with pytest.raises(LetterError, match="no text layer"):
        _pdf_text(drawn, "letter.pdf")


def test_pdfs_read_from_several_threads_at_once_read_as_one_at_a_time():
    # the app serves each session from its own thread; pdfium must be called from one at a time
    paths = sorted(DOCUMENTS.glob("*.pdf"))
    alone = {path: read_document(path).text for path in paths}
    read: dict[tuple[int, str], str] = {}

    def reader(n: int) -> None:
        for _ in range(2):
            for path in paths:
                read[n, path.name] = read_document(path).text

    # without the lock this crashed the interpreter (a segmentation fault in pdfium) about one run in three
    threads = [threading.Thread(target=reader, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(read) == 6 * len(paths)
    assert all(text == alone[DOCUMENTS / name] for (_, name), text in read.items())
