"""Lay real letters out as an FOI officer's Word template would, save them as DOCX, and convert them to PDF.

    .venv/bin/python scripts/build_document_letters.py OUT_DIR [STEM ...]     # DOCX, PDF and the .txt twin
    .venv/bin/python scripts/build_document_letters.py OUT_DIR --no-pdf        # DOCX and .txt only

Each letter of ``corpus/real`` (tuning letters only: a held-back id is refused) becomes three files in OUT_DIR:
``STEM.txt`` (its text as stored, front matter removed, with the template's sign-off), ``STEM.docx`` and ``STEM.pdf``.
The DOCX is what a council or NHS template makes of that text: the letterhead in the page header, "Page X of Y"
(PAGE / NUMPAGES fields) and a classification in the footer, numbered lines ("1.", "2)", "a)", nested "1.") as a
real Word list (the numbering part, no number typed), "•" lines as a bulleted list, and " | " rows as a Word table
(a row with one cell filled, or fewer cells than the table, spans the table as merged cells do). LibreOffice
(``soffice``, not in CI) makes the PDF. ``evals/real_letters/DOCUMENTS.md`` records what the reader made of them;
``tests/fixtures/documents/`` holds the few this wrote that the tests read.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.holdout import is_held_back  # noqa: E402
from foi_precedent.letters.sources import split_front_matter  # noqa: E402

#: twelve tuning letters: numbered and lettered lists, nested lists, bullets, tables (one answering question by
#: question in a table), FOISA and EIR replies, cost refusals and exemptions
LETTERS = [
    "thurrock-litter-dog-fouling-2019",
    "moray-pothole-compensation-claims-2025",
    "nhs-shetland-emergency-dental-treatment-2022-799",
    "nhs24-belvidere-asbestos-records-foi-00120",
    "uea-admissions-software-foi-24-299",
    "tavistock-clinical-software-2024",
    "elht-clinical-systems-2025-113695",
    "moray-public-toilets-street-cleaning-101003718449",
    "wmp-missing-children-reports-305a-22",
    "dover-taxi-driver-convictions",
    "transport-scotland-contracts-register-202000018048",
    "dover-planning-enforcement-report-eir",
]

SIGN_OFF = [
    "If you are unhappy with the way your request has been handled, you may ask for an internal review by writing "
    "to the Information Governance Team within 40 working days of this response.",
    "Yours sincerely",
    "Information Governance Team",
]

_NUMBERED = re.compile(r"^(\s*)(\d{1,2})([.)])(?!\d)\s*(.*)$")
_LETTERED = re.compile(r"^(\s*)\(?([a-z])([.)])\s+(.*)$")
_BULLETED = re.compile(r"^(\s*)\u2022\s*(.*)$")
_SEPARATOR = re.compile(r"^[\s|:-]*-{3,}[\s|:-]*$")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class ListRun:
    """One Word list (one w:num): its number format and label text at each level, and where it starts."""

    num_id: int
    formats: dict[int, tuple[str, str]] = field(default_factory=dict)  # level -> (numFmt, lvlText)
    starts: dict[int, int] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)
    indent: int = 0


@dataclass
class Item:
    text: str
    run: ListRun | None = None
    level: int = 0


@dataclass
class Table:
    rows: list[list[str]]


def _letter_index(ch: str) -> int:
    return ord(ch) - ord("a") + 1


def layout(lines: list[str]) -> list[Item | Table]:
    """The letter's lines as paragraphs (some of them list items with their number taken out) and tables."""
    blocks: list[Item | Table] = []
    run: ListRun | None = None
    next_id = [10]

    def new_run(indent: int) -> ListRun:
        next_id[0] += 1
        return ListRun(num_id=next_id[0], indent=indent)

    def place(run_: ListRun, level: int, fmt: tuple[str, str], number: int) -> bool:
        """Put item number `number` at `level` of `run_` if it continues it; False when it does not."""
        if level in run_.formats and run_.formats[level] != fmt:
            return False
        if level not in run_.formats:
            if level > 0 and 0 not in run_.counters:
                return False
            run_.formats[level] = fmt
            run_.starts[level] = number
        elif run_.counters.get(level, run_.starts[level] - 1) + 1 != number:
            return False
        run_.counters[level] = number
        for deeper in [k for k in run_.counters if k > level]:
            del run_.counters[deeper]
            run_.starts[deeper] = 1
        return True

    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line and line.strip():
            rows = []
            while i < len(lines) and "|" in lines[i]:
                if not _SEPARATOR.match(lines[i]):
                    cells = lines[i].strip()
                    cells = cells[1:] if cells.startswith("|") else cells
                    cells = cells[:-1] if cells.endswith("|") else cells
                    rows.append([c.strip() for c in cells.split("|")])
                i += 1
            blocks.append(Table(rows))
            continue
        i += 1
        if m := _NUMBERED.match(line):
            indent, number, fmt = len(m.group(1)), int(m.group(2)), ("decimal", m.group(3))
            text = m.group(4)
            level = 1 if run is not None and indent > run.indent and 0 in run.counters else 0
            if run is None or not place(run, level, fmt, number):
                run, level = new_run(indent), 0
                place(run, 0, fmt, number)
            blocks.append(Item(text, run, level))
        elif m := _LETTERED.match(line):
            number, fmt, text = _letter_index(m.group(2)), ("lowerLetter", m.group(3)), m.group(4)
            if run is not None and place(run, 1, fmt, number):
                blocks.append(Item(text, run, 1))
            elif run is not None and place(run, 0, fmt, number):
                blocks.append(Item(text, run, 0))
            else:
                run = new_run(len(m.group(1)))
                place(run, 0, fmt, number)
                blocks.append(Item(text, run, 0))
        elif m := _BULLETED.match(line):
            bullets = ("bullet", "\u2022")
            if run is None or run.formats.get(0) != bullets:
                run = new_run(len(m.group(1)))
                run.formats[0], run.starts[0] = bullets, 1
            blocks.append(Item(m.group(2), run, 0))
        else:
            blocks.append(Item(line))
    return blocks


def _lvl_xml(level: int, fmt: str, suffix: str, start: int) -> str:
    if fmt == "bullet":
        text, font = "\uf0b7", '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
    else:
        text, font = f"%{level + 1}{suffix}", ""
    left = 720 * (level + 1)
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>{font}</w:lvl>'
    )


def write_docx(blocks: list[Item | Table], authority: str, path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    style.paragraph_format.space_after = Pt(6)
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Cm(3)
    section.left_margin = section.right_margin = Cm(2.5)

    header = section.header
    header.paragraphs[0].text = authority
    header.paragraphs[0].runs[0].bold = True
    header.add_paragraph("Information Governance Team | Freedom of Information")
    header.add_paragraph("Civic Offices, High Street | foi@example.gov.uk | 01234 567890")

    footer = section.footer
    para = footer.paragraphs[0]
    para.add_run("Page ")
    for name in ("PAGE", "NUMPAGES"):
        begin, instr, sep, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"), None, None)
        begin.set(qn("w:fldCharType"), "begin")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {name} "
        sep, end = OxmlElement("w:fldChar"), OxmlElement("w:fldChar")
        sep.set(qn("w:fldCharType"), "separate")
        end.set(qn("w:fldCharType"), "end")
        para.add_run()._r.append(begin)
        para.add_run()._r.append(instr)
        para.add_run()._r.append(sep)
        para.add_run("1")
        para.add_run()._r.append(end)
        if name == "PAGE":
            para.add_run(" of ")
    footer.add_paragraph("OFFICIAL")

    runs: dict[int, ListRun] = {}
    for block in blocks:
        if isinstance(block, Item) and block.run is not None:
            runs[block.run.num_id] = block.run
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for run in runs.values():
        levels = "".join(
            _lvl_xml(level, fmt, suffix, run.starts.get(level, 1))
            for level, (fmt, suffix) in sorted(run.formats.items())
        )
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{run.num_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
        )
        if first_num is not None:
            first_num.addprevious(abstract)  # every w:abstractNum comes before the first w:num
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{run.num_id}"><w:abstractNumId w:val="{run.num_id}"/></w:num>'
            )
        )

    for block in blocks:
        if isinstance(block, Table):
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(block.rows):
                row = table.rows[r]
                filled = [c for c in cells if c]
                if width > 1 and len(filled) == 1 and cells[0]:
                    row.cells[0].merge(row.cells[width - 1])  # a band across the table ("Reference SAE 152")
                    row.cells[0].text = cells[0]
                    continue
                if len(cells) < width:
                    row.cells[len(cells) - 1].merge(row.cells[width - 1])  # the last cell spans the rest
                for c, value in enumerate(cells):
                    row.cells[c].text = value
            continue
        paragraph = document.add_paragraph(block.text.strip())
        if block.run is not None:
            pPr = paragraph._p.get_or_add_pPr()
            pPr.append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{block.level}"/>'
                    f'<w:numId w:val="{block.run.num_id}"/></w:numPr>'
                )
            )
    document.save(path)


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "LibreOffice (soffice) is needed for the PDF copies: apt-get install libreoffice-writer"
        )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return out_dir / (docx_path.stem + ".pdf")


def build(stem: str, out_dir: Path, pdf: bool = True) -> list[Path]:
    if is_held_back(stem):
        raise SystemExit(f"{stem} is held back; use tuning letters only")
    source = ROOT / "corpus" / "real" / f"{stem}.txt"
    front, body = split_front_matter(source.read_text(encoding="utf-8"), str(source))
    lines = [line.rstrip() for line in body.strip("\n").split("\n")]
    lines += [""] + SIGN_OFF
    twin = out_dir / f"{stem}.txt"
    twin.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docx_path = out_dir / f"{stem}.docx"
    write_docx(layout([x for x in lines if x.strip()]), str(front.get("authority") or ""), docx_path)
    made = [twin, docx_path]
    if pdf:
        made.append(to_pdf(docx_path, out_dir))
    return made


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("stems", nargs="*", default=LETTERS)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for stem in args.stems:
        for path in build(stem, args.out_dir, pdf=not args.no_pdf):
            print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
