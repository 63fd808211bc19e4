"""Export a finished letter: Word (python-docx) and Markdown. Pure: text and metadata in, bytes out.

Every export says whether the letter was approved (``approval``): in the Word header of each page and its
properties, and in the Markdown front matter.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

import yaml

_LABEL_LINE = re.compile(r"^\s*(question|q|answer|response)\s*\d{1,2}[a-z]?\b.{0,200}$", re.I)
_HEADING = re.compile(
    r"^\s*(our decision|reason for decision|reasons? for (the )?decision|public interest test|"
    r"harm statement|your right(s)? to (complain|request an internal review)|"
    r"internal review|complaints?|section \d+[^.]{0,60})\s*:?\s*$",
    re.I,
)


@dataclass(frozen=True)
class ExportInfo:
    """What the exported file says about where the letter came from."""

    title: str = "FOI response"
    reference: str | None = None
    authority: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    drafted: date = field(default_factory=date.today)
    reviewed: bool = False
    approval: str = "NOT APPROVED"  # foi_precedent.cases.review.approval_line: who signed it off, and when


def paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated blocks, each a list of its lines (line breaks inside a block are kept)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text.strip())
    return [[line.rstrip() for line in block.split("\n")] for block in blocks if block.strip()]


def to_docx(text: str, info: ExportInfo | None = None) -> bytes:
    """A Word document of the letter: one paragraph per block, section headings and question labels in bold."""
    from docx import Document
    from docx.shared import Pt

    info = info or ExportInfo()
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    props = doc.core_properties
    props.title = info.title
    props.author = info.authority or "Precedent"
    props.subject = info.reference or ""
    props.comments = _provenance(info)
    # on every page, outside the letter's own paragraphs (reading the file back as a letter does not see it)
    doc.sections[0].header.paragraphs[0].text = info.approval
    for block in paragraphs(text):
        para = doc.add_paragraph()
        for i, line in enumerate(block):
            run = para.add_run(line)
            if _HEADING.match(line) or (_LABEL_LINE.match(line) and len(line) < 40):
                run.bold = True
            if i < len(block) - 1:
                run.add_break()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def to_markdown(text: str, info: ExportInfo | None = None) -> str:
    """The letter as Markdown with front matter in the corpus's format, so a sent letter can be ingested.

    The wording is kept exactly as the officer left it (no escaping): this is the record of what was sent.
    """
    info = info or ExportInfo()
    front = {
        "title": info.title,
        "reference": info.reference,
        "authority": info.authority,
        "date": info.drafted.isoformat(),
        "source": _provenance(info),
        "approval": info.approval,
    }
    front = {k: v for k, v in front.items() if v}
    body = "\n\n".join("\n".join(block) for block in paragraphs(text))
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n" + body + "\n"


def _provenance(info: ExportInfo) -> str:
    who = f"drafted with {info.model}" if info.model else "drafted from precedent"
    if info.prompt_version:
        who += f" (prompt {info.prompt_version})"
    state = "reviewed by an officer" if info.reviewed else "NOT YET REVIEWED"
    return f"Precedent: {who} on {info.drafted.isoformat()}; {state}; {info.approval}."


def file_stem(reference: str | None, fallback: str = "foi-response") -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", reference or "").strip("-.")
    return stem or fallback
