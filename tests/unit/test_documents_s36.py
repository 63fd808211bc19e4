"""A letter read from a Word or PDF file reads as its text does: the body in order, Word's list numbers, each
merged cell once, no page header, footer or page number (foi_precedent/letters/sources.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from foi_precedent.errors import LetterError
from foi_precedent.letters.parser import parse_file
from foi_precedent.letters.sources import document_from_bytes, read_document
from tests.conftest import FIXTURES

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENTS = FIXTURES / "documents"


def text_of(document) -> str:
    buf = io.BytesIO()
    document.save(buf)
    return document_from_bytes(buf.getvalue(), "letter.docx", ".docx").text


def add_list(document, levels: str, num_id: int, start_override: int | None = None) -> None:
    """An abstract list definition with the given <w:lvl> elements and one w:num using it."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{num_id}">{levels}</w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
        if start_override is not None
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>{override}</w:num>'
        )
    )


def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def item(document, text: str, num_id: int, ilvl: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


# --- DOCX -----------------------------------------------------------------------------------------------------


def test_a_table_reads_where_it_stands_in_the_letter_not_after_the_sign_off():
    document = docx.Document()
    document.add_paragraph("Response")
    table = document.add_table(rows=2, cols=2)
    for r, (q, a) in enumerate([("1. How many officers?", "12"), ("2. Their names?", "Exempt under s40(2)")]):
        table.cell(r, 0).text, table.cell(r, 1).text = q, a
    document.add_paragraph("Yours sincerely")
    lines = text_of(document).splitlines()
    assert lines == [
        "Response",
        "| 1. How many officers? | 12",
        "| 2. Their names? | Exempt under s40(2)",
        "Yours sincerely",
    ]


def test_word_list_numbers_are_read_as_the_labels_word_shows():
    document = docx.Document()
    add_list(document, lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2)"), 11)
    add_list(document, lvl(0, "lowerRoman", "(%1)") + lvl(1, "upperLetter", "%1.%2"), 12)
    add_list(document, lvl(0, "bullet", "\uf0b7"), 13)
    add_list(document, lvl(0, "decimal", "Q%1", start=5), 14)
    item(document, "How many officers?", 11)
    item(document, "For 2022", 11, 1)
    item(document, "For 2023", 11, 1)
    document.add_paragraph("A note between the items does not restart the list.")
    item(document, "Their names?", 11)
    item(document, "For 2023", 11, 1)  # a new item of the level above restarts the letters
    for _ in range(4):
        item(document, "roman", 12)
    item(document, "nested under iv", 12, 1)
    item(document, "a bullet", 13)
    item(document, "starts at five", 14)
    assert text_of(document).splitlines() == [
        "1. How many officers?",
        "a) For 2022",
        "b) For 2023",
        "A note between the items does not restart the list.",
        "2. Their names?",
        "a) For 2023",
        "(i) roman",
        "(ii) roman",
        "(iii) roman",
        "(iv) roman",
        "iv.A nested under iv",
        "\u2022 a bullet",
        "Q5 starts at five",
    ]


def test_a_list_restarted_by_a_start_override_counts_again_and_one_without_continues():
    document = docx.Document()
    levels = lvl(0, "decimal", "%1.")
    add_list(document, levels, 21)
    numbering = document.part.numbering_part.element
    # two more lists of the same definition: one restarted at 1 (the reply's answers), one that continues
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="22"><w:abstractNumId w:val="21"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="23"><w:abstractNumId w:val="21"/></w:num>'))
    item(document, "asked", 21)
    item(document, "asked", 21)
    document.add_paragraph("Response")
    item(document, "answered", 22)
    item(document, "answered", 22)
    item(document, "asked again", 23)
    assert text_of(document).splitlines() == [
        "1. asked",
        "2. asked",
        "Response",
        "1. answered",
        "2. answered",
        "3. asked again",
    ]


def test_the_list_number_style_numbers_its_paragraphs():
    # Word's built-in "List Number" style carries its list (numPr) in the style, not the paragraph
    document = docx.Document()
    for text in ("First question", "Second question"):
        document.add_paragraph(text, style="List Number")
    assert text_of(document).splitlines() == ["1. First question", "2. Second question"]


def test_a_merged_cell_is_read_once_and_a_cell_merged_down_is_empty_below():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    band = table.cell(0, 0).merge(table.cell(0, 2))
    band.text = "Enroly Limited - Reference SAE 152"
    down = table.cell(1, 0).merge(table.cell(2, 0))
    down.text = "Question 3"
    table.cell(1, 1).text, table.cell(1, 2).text = "a)", "12"
    table.cell(2, 1).text, table.cell(2, 2).text = "b)", "Not held"
    assert text_of(document).splitlines() == [
        "| Enroly Limited - Reference SAE 152",
        "| Question 3 | a) | 12",
        "| | b) | Not held",
    ]


def test_the_page_header_and_footer_are_not_read_into_the_letter():
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Thurrock Council | Information Governance"
    section.footer.paragraphs[0].text = "Page 1 of 2"
    document.add_paragraph("1. Environment and Highways")
    assert text_of(document) == "1. Environment and Highways"


def test_text_in_fields_content_controls_and_tracked_insertions_is_read_and_deleted_text_is_not():
    document = docx.Document()
    p = document.add_paragraph("Our reference: ")
    p._p.append(
        parse_xml(
            f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:alias w:val="Reference"/></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>FOI-2023-0142</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    p = document.add_paragraph("Date: ")
    p._p.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{W}" w:instr=" DATE "><w:r><w:t>6 March 2020</w:t></w:r></w:fldSimple>'
        )
    )
    p = document.add_paragraph("The information is ")
    p._p.append(parse_xml(f'<w:del xmlns:w="{W}"><w:r><w:delText>not </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W}"><w:r><w:t>exempt under section 43(2).</w:t></w:r></w:ins>'))
    assert text_of(document).splitlines() == [
        "Our reference: FOI-2023-0142",
        "Date: 6 March 2020",
        "The information is exempt under section 43(2).",
    ]


def test_a_list_definition_with_odd_values_does_not_stop_the_letter_being_read():
    document = docx.Document()
    add_list(document, '<w:lvl w:ilvl="x"><w:start w:val="one"/></w:lvl>' + lvl(0, "ordinal", "%1%9."), 31)
    item(document, "odd list", 31)
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="32"><w:abstractNumId w:val="99"/></w:num>'))
    item(document, "no such definition", 32)
    item(document, "no such list", 77)
    assert text_of(document).splitlines() == ["1. odd list", "no such definition", "no such list"]


def test_a_broken_docx_is_still_one_clear_error():
    with pytest.raises(LetterError, match="DOCX file is broken"):
        document_from_bytes(b"PK\x03\x04 not really a zip", "broken.docx", ".docx")


# --- PDF ------------------------------------------------------------------------------------------------------


def test_the_running_header_footer_and_page_numbers_of_a_pdf_are_left_out():
    text = read_document(DOCUMENTS / "thurrock-litter-dog-fouling-2019.pdf").text
    for running in (
        "Thurrock Council",
        "Information Governance Team | Freedom of Information",
        "Page 1 of 2",
    ):
        assert running not in text.splitlines()
    assert "OFFICIAL" not in text and "Page 2 of 2" not in text
    # the letter's own first and last lines are kept
    assert text.splitlines()[0] == "Freedom of information response" and text.endswith(
        "Information Governance Team"
    )


def test_only_lines_at_the_edge_of_most_pages_are_running_lines():
    from foi_precedent.letters.sources import _without_running_lines

    pages = [
        ["Letterhead", "1. How many? ", "7", "Page 1 of 3"],
        ["Letterhead", "Letterhead", "2. Their names?", "2"],
        ["Letterhead", "3. Exempt", "4", "Page 3 of 3"],
    ]
    # '7' ends page 1's text above its footer and '4' is not page 3's number: answers, kept; '2' is page 2's own
    assert _without_running_lines(pages) == ["1. How many? ", "7", "2. Their names?", "3. Exempt", "4"]
    # one page: nothing repeats, only a page number goes
    assert _without_running_lines([["Letterhead", "Answer", "Page 1 of 1"]]) == ["Letterhead", "Answer"]


def test_a_pdf_made_from_a_word_letter_reads_word_for_word_as_the_word_file():
    # numbered lists, a wrapped question, a page break mid-answer: nothing of the page layout is left
    stem = DOCUMENTS / "thurrock-litter-dog-fouling-2019"
    assert read_document(stem.with_suffix(".pdf")).text == read_document(stem.with_suffix(".docx")).text


def test_word_symbol_font_bullets_in_a_pdf_read_as_bullets():
    text = read_document(DOCUMENTS / "dover-planning-enforcement-report-eir.pdf").text
    assert "\uf0b7" not in text and "\u2022 117." in text.splitlines()


def test_printed_table_rows_keep_their_cells_and_a_cell_running_on_joins_its_cell():
    from foi_precedent.letters.sources import _laid_out

    lines = [
        "Enroly Limited - Reference SAE 152",
        "1                    Enroly Limited",
        "3                    Information not held - s.1(1)(a), Freedom of",
        "                     Information Act. The contract was a single",
        "                     action tender.",
        "4                    Exempt s.43(2) prejudice to commercial interests",
        "Yours sincerely",
    ]
    assert _laid_out(lines) == [
        "Enroly Limited - Reference SAE 152",
        "| 1 | Enroly Limited",
        "| 3 | Information not held - s.1(1)(a), Freedom of Information Act. The contract was a single action tender.",
        "| 4 | Exempt s.43(2) prejudice to commercial interests",
        "Yours sincerely",
    ]


def test_a_line_the_page_wrapped_goes_on_with_the_next_and_a_new_paragraph_does_not():
    from foi_precedent.letters.sources import _laid_out

    lines = [
        "Information request and response under the Freedom of Information (Scotland) Act 2002",
        "Information requested",
        "    1.   The number of new and renewed taxi (Hackney Carriage) driver licenses you have",
        "         granted.",
        "    2.   The number of PHV licences granted to drivers with criminal convictions in 2022-",
        "         2023, by month.",
        "However, although excess cost removes the force's obligations under the Freedom of",
        "Information Act, as a gesture of goodwill I have supplied the figures for 2017 below.",
        "The appropriate limit is £450.   The cost of one person spending 18 hours on the request.",
        "Response",
    ]
    assert _laid_out(lines) == [
        "Information request and response under the Freedom of Information (Scotland) Act 2002",
        "Information requested",
        "1.   The number of new and renewed taxi (Hackney Carriage) driver licenses you have granted.",
        "2.   The number of PHV licences granted to drivers with criminal convictions in 2022-2023, by month.",
        "However, although excess cost removes the force's obligations under the Freedom of Information Act, as a "
        "gesture of goodwill I have supplied the figures for 2017 below.",
        "The appropriate limit is £450.   The cost of one person spending 18 hours on the request.",
        "Response",
    ]


# --- the fixture letters against their text ---------------------------------------------------------------------


def reading(path: Path, wording: bool = True) -> list:
    letter = parse_file(path)
    return [
        (
            q.label,
            sorted(t.value for t in q.treatments),
            sorted(q.exemptions),
            " ".join(q.text.replace("|", " ").split()) if wording else "",
        )
        for q in letter.questions
    ] + [letter.regime.value, sorted(letter.exemptions)]


@pytest.mark.parametrize(
    "stem",
    [
        "thurrock-litter-dog-fouling-2019",
        "uea-admissions-software-foi-24-299",
        "dover-planning-enforcement-report-eir",
        "moray-pothole-compensation-claims-2025",  # a table whose rows start with a bar ("| Question 3a) | ...")
    ],
)
def test_a_word_letter_reads_as_its_text(stem):
    assert reading(DOCUMENTS / f"{stem}.docx") == reading(DOCUMENTS / f"{stem}.txt")


@pytest.mark.parametrize(
    "stem",
    [
        "thurrock-litter-dog-fouling-2019",
        "uea-admissions-software-foi-24-299",  # answers in a table, one cell running on to the next page
        "dover-planning-enforcement-report-eir",
        "moray-pothole-compensation-claims-2025",  # a table whose rows start with a bar ("| Question 3a) | ...")
    ],
)
def test_a_pdf_letter_reads_as_its_text_in_questions_treatments_and_exemptions(stem):
    assert reading(DOCUMENTS / f"{stem}.pdf", wording=False) == reading(
        DOCUMENTS / f"{stem}.txt", wording=False
    )
