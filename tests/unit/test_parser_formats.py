"""The same letter read from HTML, DOCX, PDF and Markdown parses to the same structure."""

from __future__ import annotations

import io
import zlib

import pytest

from foi_precedent.errors import LetterError
from foi_precedent.letters.parser import parse_document, parse_file
from foi_precedent.letters.sources import document_from_bytes
from tests.conftest import ROOT, SEED_025506

SEED_TEXT = SEED_025506.read_text(encoding="utf-8")
LINES = SEED_TEXT.splitlines()


def summary(letter):
    return [
        (q.label, sorted(t.value for t in q.treatments), list(q.exemptions), [p.name for p in q.pointers])
        for q in letter.questions
    ]


EXPECTED = summary(parse_file(SEED_025506))


def test_html_page_with_site_chrome():
    body = "".join(f"<p>{line}</p>" for line in LINES)
    html = (
        f"<!DOCTYPE html><html><head><title>FOI</title><style>p {{color: red}}</style>"
        f"<script>alert('x')</script></head><body><nav>Home | News</nav>"
        f"<div class='cookie'>We use some essential cookies to make our website work.</div>{body}"
        f"<footer>Accessibility statement</footer></body></html>"
    )
    letter = parse_document(document_from_bytes(html.encode(), "page.html", ".html"))
    assert summary(letter) == EXPECTED
    assert "alert" not in letter.text and "Home | News" not in letter.text and "cookies" not in letter.text


def test_docx():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    letter = parse_document(document_from_bytes(buf.getvalue(), "letter.docx", ".docx"))
    assert summary(letter) == EXPECTED


def _pdf(lines: list[str]) -> bytes:
    """A minimal text PDF (Helvetica, one line per text row, several pages)."""
    pages, per_page = [], 45
    for start in range(0, len(lines), per_page):
        ops = ["BT", "/F1 9 Tf", "11 TL", "40 800 Td"]
        for line in lines[start : start + per_page]:
            safe = line.encode("latin-1", "replace").decode("latin-1")
            safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({safe}) Tj T*")
        ops.append("ET")
        pages.append(zlib.compress("\n".join(ops).encode("latin-1")))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for stream in pages:
        content_id = len(objects) + 1
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>".encode()
            + b"\nstream\n"
            + stream
            + b"\nendstream"
        )
        page_id = len(objects) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{page_id} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        data = obj if isinstance(obj, bytes) else obj.encode("latin-1")
        out.write(f"{n} 0 obj\n".encode() + data + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf():
    letter = parse_document(document_from_bytes(_pdf(LINES), "letter.pdf", ".pdf"))
    assert [(label, t, e) for label, t, e, _ in summary(letter)] == [
        (label, t, e) for label, t, e, _ in EXPECTED
    ]


def test_markdown_front_matter_wins_over_guesses():
    text = "---\nauthority: Test Police\nreference: TP-1\ndate: 2023-02-01\n---\n" + SEED_TEXT
    letter = parse_document(document_from_bytes(text.encode(), "l.md", ".md"))
    assert (letter.reference, letter.authority, letter.date.isoformat()) == (
        "TP-1",
        "Test Police",
        "2023-02-01",
    )


@pytest.mark.parametrize(
    "data,name,reason",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n", "blank.txt", "empty"),
        (b"\x00\x01\x02binary" * 50, "bin.txt", "binary"),
        (b"%PDF-1.4 this is not really a pdf", "broken.pdf", "PDF"),
        (b"not a zip at all", "broken.docx", "DOCX"),
        (b"Annwyl Syr, diolch am eich cais. Nid oes gennym y wybodaeth.", "welsh.txt", "no recognisable"),
        (b"Q1 - text \x81\x8d\x8f\x90 " * 40, "garbled.txt", "UTF-8"),
    ],
)
def test_bad_files_get_one_clear_reason(data, name, reason):
    with pytest.raises(LetterError) as exc:
        parse_document(document_from_bytes(data, name, "." + name.rsplit(".", 1)[1]))
    assert reason.lower() in str(exc.value).lower() and name in str(exc.value)


def test_windows_1252_text_is_read():
    text = (
        SEED_TEXT.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-")
    )
    letter = parse_document(document_from_bytes(text.encode("cp1252"), "old.txt", ".txt"))
    assert summary(letter) == EXPECTED


@pytest.mark.parametrize(
    "sentence, names",
    [
        # what Qwen wrote after the required answer: the same resource, not a second one
        ("Please refer to the LFR Deployment Grid for the relevant data.", ["LFR Deployment Grid"]),
        ("Please see the Stop and Search Dashboard which is updated monthly.", ["Stop and Search Dashboard"]),
        (
            "Please see the College of Policing APP for Live Facial Recognition.",
            ["College of Policing APP for Live Facial Recognition"],
        ),  # "for" inside a title stays
    ],
)
def test_a_pointer_name_ends_where_the_sentence_says_what_it_is_for(sentence, names):
    from foi_precedent.letters.parser import extract_pointers

    assert [p.name for p in extract_pointers(sentence)] == names


def test_foisa_section_25_is_a_pointer_not_a_refusal():
    """FOISA's 'information otherwise accessible' is s25 (FOIA's s21): a public-domain answer, not withheld."""
    letter = parse_file(ROOT / "corpus" / "letters" / "police-scotland-2022-stop-search.md")
    assert letter.regime.value == "FOISA"
    q1 = letter.questions[0]
    assert [t.value for t in q1.treatments] == ["public_domain"]
    assert list(q1.exemptions) == ["s25(1)"] and [x.name for x in q1.pointers] == [
        "Stop and Search Data Publication"
    ]


def test_an_ampersand_in_a_name_starts_no_pointer():
    from foi_precedent.letters.pointers import extract_pointers

    # 'Fire & Rescue Service': an '&' only joins a second resource to one already named ('see the X & Y')
    assert (
        extract_pointers("Cheshire Fire & Rescue Service (CFRS) do not currently have an operational drone.")
        == []
    )
    names = [p.name for p in extract_pointers("Please see the Crime Statistics & Annual Report for this.")]
    assert names[:1] == ["Crime Statistics"] and len(names) == 2


def test_what_goes_with_the_reply_is_no_published_resource():
    from foi_precedent.letters.pointers import extract_pointers

    for answer in (
        "Please see the Annex for the information requested.",
        "Please see the Appendix below.",
        "Please refer to the Attachment for the figures.",
    ):
        assert extract_pointers(answer) == [], answer


def test_request_detail_and_response_detail_are_the_request_and_the_response():
    # a fire service's log: the questions under "Request detail:", restated with their answers under "Response
    # detail:"; the reply's opening line belonged to no question but was read into the last one's answer
    from foi_precedent.letters.parser import parse_text

    letter = parse_text(
        "Reference: ABC-1\nRequest detail:\nI am writing to request the following information.\n"
        "1) How many drones do you have?\n2) Who is in charge of the drone programme?\n"
        "Response detail:\nThank you for your Freedom of Information request. Please see the responses below.\n"
        "1) How many drones do you have?\nN/A\n2) Who is in charge of the drone programme?\n"
        "The Operations department co-ordinates drone capability for the whole service.\n"
        "If you are unhappy with the way your request has been handled, you can request an internal review.\n",
        source="log.txt",
    )
    answers = {q.label: q for q in letter.questions}
    assert (
        answers["2"].answer
        == "The Operations department co-ordinates drone capability for the whole service."
    )
    assert [t.value for t in answers["2"].treatments] == ["disclosed"]
    assert [t.value for t in answers["1"].treatments] == ["disclosed"]  # "N/A": answered, it does not apply


def test_bulleted_questions_each_answered_after_its_question_mark():
    # a reply that restates each question as a bullet and answers it on the same line, after the question mark
    from foi_precedent.letters.parser import parse_text

    letter = parse_text(
        "Request\nDear Sir/madam,\nPlease find attached the FOI request for information.\nKind regards.\n"
        "Response\nDear X\nThank you for your request, considered under the Freedom of Information Act 2000.\n"
        "Please may you provide me with:\n"
        "- Do you use your own UAVs or subcontract UAV services? If so which company? We utilise our own drones "
        "for every incident we attend\n"
        "- How many staff do you have trained to deploy a UAV? We have 25 pilots trained at a cost of £250 each.\n"
        "- What has been the cost internally? Our UAVs are integral to our response assets and therefore we are "
        "unable to separate costs.\n",
        source="log.txt",
    )
    assert [q.text for q in letter.questions] == [
        "Do you use your own UAVs or subcontract UAV services? If so which company?",
        "How many staff do you have trained to deploy a UAV?",
        "What has been the cost internally?",
    ]
    assert letter.questions[0].answer == "We utilise our own drones for every incident we attend"
    # a statement with its full stop left off is still a factual answer
    assert [t.value for t in letter.questions[0].treatments] == ["disclosed"]
    assert [t.value for t in letter.questions[1].treatments] == ["disclosed"]


def test_a_department_s_name_is_no_published_resource():
    # Dundee: "Which department is responsible?" answered "Community Safety and Protection, Neighbourhood Services."
    from foi_precedent.letters.pointers import extract_pointers

    assert extract_pointers("Community Safety and Protection, Neighbourhood Services.") == []
    assert (
        extract_pointers(
            "Partners adhere to the Joint Emergency Services Interoperability Principles (JESIP)."
        )
        == []
    )
