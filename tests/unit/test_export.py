"""Export of the final letter (Word and Markdown), and the text helpers the app shows letters with."""

from __future__ import annotations

import io
from datetime import date

import yaml
from docx import Document

from foi_precedent.letters.parser import parse_document
from foi_precedent.letters.sources import document_from_bytes
from foi_precedent.ui.export import ExportInfo, file_stem, paragraphs, to_docx, to_markdown
from foi_precedent.ui.text import escape_markdown, quote_block

LETTER = """Freedom of Information request reference no: 01.FOI.25.000001

Dear Requester,

Question 1: How many drones does the force own?
Answer 1: The force owns 12 drones.

Question 2: Please provide the flight logs.
Answer 2: This information is withheld under Section 31(1)(a).
Some lines carry <b>markup</b> & ampersands.

Yours sincerely,
FOI Team"""

INFO = ExportInfo(
    title="Drones",
    reference="01.FOI.25.000001",
    authority="Greater Manchester Police",
    model="fake",
    prompt_version="draft-v1",
    drafted=date(2026, 1, 2),
)


def test_paragraphs_keep_line_breaks_inside_blocks():
    blocks = paragraphs(LETTER)
    assert blocks[2] == [
        "Question 1: How many drones does the force own?",
        "Answer 1: The force owns 12 drones.",
    ]
    assert len(blocks) == 5


def test_docx_has_every_line_and_the_provenance():
    doc = Document(io.BytesIO(to_docx(LETTER, INFO)))
    text = "\n".join(p.text for p in doc.paragraphs)
    for line in LETTER.splitlines():
        assert line in text
    assert "<b>markup</b> & ampersands" in text  # shown as written, not interpreted
    assert doc.core_properties.title == "Drones"
    assert "fake" in doc.core_properties.comments and "NOT YET REVIEWED" in doc.core_properties.comments
    assert (
        doc.sections[0].header.paragraphs[0].text == "NOT APPROVED"
        and "NOT APPROVED" in doc.core_properties.comments
    )
    assert "NOT APPROVED" not in text
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Question 1: How many drones does the force own?" not in bold  # long label lines stay plain
    assert "Yours sincerely," not in bold


def test_docx_reads_back_as_the_same_letter():
    original = parse_document(document_from_bytes(LETTER.encode(), "draft.txt", ".txt"))
    exported = parse_document(document_from_bytes(to_docx(LETTER, INFO), "draft.docx", ".docx"))
    assert [q.label for q in exported.questions] == [q.label for q in original.questions]
    assert [q.treatments for q in exported.questions] == [q.treatments for q in original.questions]


def test_markdown_has_corpus_front_matter_and_the_exact_wording():
    md = to_markdown(
        LETTER,
        ExportInfo(**{**INFO.__dict__, "reviewed": True, "approval": "Approved by rita on 2026-01-03"}),
    )
    head, body = md.split("---\n", 2)[1:]
    front = yaml.safe_load(head)
    assert front["reference"] == "01.FOI.25.000001"
    assert front["authority"] == "Greater Manchester Police"
    assert front["date"] == "2026-01-02"
    assert "reviewed by an officer" in front["source"]
    assert front["approval"] == "Approved by rita on 2026-01-03" and "Approved by rita" in front["source"]
    assert body.strip() == LETTER.strip()
    letter = parse_document(document_from_bytes(md.encode(), "sent.md", ".md"))
    assert letter.reference == "01.FOI.25.000001"
    assert len(letter.questions) == 2


def test_markdown_without_a_model_says_drafted_from_precedent():
    md = to_markdown("Question 1: x\nAnswer 1: y", ExportInfo(drafted=date(2026, 1, 2)))
    assert "drafted from precedent" in md and "NOT YET REVIEWED" in md and "approval: NOT APPROVED" in md


def test_file_stem_is_safe():
    assert file_stem("01.FOI.24/036325 ../x") == "01.FOI.24-036325-..-x"
    assert file_stem(None) == "foi-response"
    assert file_stem("../..") == "foi-response"


def test_escape_markdown_neutralises_html_links_and_streamlit_syntax():
    raw = "<script>alert('x')</script> [click](http://evil) **bold** :red[alarm] $x$ # heading"
    out = escape_markdown(raw)
    for token in ("<script>", "[click]", "**bold**", ":red[", "$x$"):
        assert token not in out
    assert "\\# heading" in out
    # every escaped character is a backslash escape, so the rendered text is the raw text
    assert out.replace("\\", "") == raw.replace("\\", "")
    assert escape_markdown(None) == ""


def test_quote_block_keeps_lines():
    assert quote_block("a\nb.") == "> a  \n> b\\.  "
