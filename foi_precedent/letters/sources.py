"""Turn a file (text, Markdown, HTML, PDF, DOCX) into plain text lines plus front matter.

This is the only module of ``letters`` that touches file formats; everything after it works on text.
Every failure is a ``LetterError`` naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import io
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

import yaml

from foi_precedent.errors import LetterError

MAX_BYTES = 10 * 1024 * 1024  # a response letter is a few pages; 10 MB is far past any real one


@dataclass
class Document:
    """A letter's text as read from its file, before it is parsed."""

    text: str
    source: str
    front_matter: dict = field(default_factory=dict)


def read_document(path: str | Path) -> Document:
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise LetterError(name, "not a file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LetterError(
            name, f"unsupported file type '{suffix or 'none'}' (use {', '.join(sorted(SUPPORTED))})"
        )
    size = path.stat().st_size
    if size == 0:
        raise LetterError(name, "the file is empty")
    if size > MAX_BYTES:
        raise LetterError(
            name, f"the file is {size / 1e6:.0f} MB; letters over {MAX_BYTES // 2**20} MB are refused"
        )
    return document_from_bytes(path.read_bytes(), name, suffix)


def document_from_bytes(data: bytes, source: str, suffix: str) -> Document:
    """Also used by the app for uploads, which never touch the disk."""
    suffix = suffix.lower() if suffix.startswith(".") else "." + suffix.lower()
    if not data.strip():
        raise LetterError(source, "the file is empty")
    if len(data) > MAX_BYTES:
        raise LetterError(
            source, f"the file is {len(data) / 1e6:.0f} MB; letters over {MAX_BYTES // 2**20} MB are refused"
        )
    text = READERS.get(suffix, _plain_text)(data, source)
    front, body = split_front_matter(text, source)
    body = normalise_text(body)
    if not body.strip():
        raise LetterError(source, "no text could be read from the file")
    return Document(text=body, source=source, front_matter=front)


def _decode(data: bytes, source: str) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _decode_as(data, enc, source, "with a byte-order mark")
    if b"\x00" in data[:4096]:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise LetterError(source, "this is a binary file, not a letter")
        return _decode_as(data, guessed, source, "without a byte-order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Windows-1252 is what Word and older CMSs save; accept it only if the bytes are plausible text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise LetterError(source, f"not valid UTF-8 text (bad byte at position {exc.start})") from None
        if not _plausible(text):
            raise LetterError(source, f"not valid UTF-8 text (bad byte at position {exc.start})") from None
        return text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the zero bytes fall as UTF-16 puts them in mostly-Latin text (every
    other byte of an ASCII character is zero; Notepad and some exports write it without a byte-order mark);
    None for anything else with zero bytes in it (a binary file)."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.3 and zero_even <= 0.05:
        return "utf-16-le"
    if zero_even >= 0.3 and zero_odd <= 0.05:
        return "utf-16-be"
    return None


def _decode_as(data: bytes, encoding: str, source: str, how: str) -> str:
    name = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LetterError(
            source, f"looks like {name} text {how}, but is not valid {name}; save it again as UTF-8"
        ) from None
    if name == "UTF-16" and not _plausible(text):
        raise LetterError(
            source,
            f"looks like {name} text {how}, but does not decode to readable text; save it again as UTF-8",
        )
    return text


def _plausible(text: str) -> bool:
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text) / max(len(text), 1)
    return printable >= 0.97


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


#: pdfium may not be called from two threads at once, and the app serves each session from its own thread
_PDFIUM = threading.Lock()


def _pdf_text(data: bytes, source: str) -> str:
    if not data.startswith(b"%PDF"):
        raise LetterError(source, "not a PDF file (no %PDF header)")
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                raise LetterError(source, "the PDF is encrypted; save an unprotected copy") from None
            raise LetterError(source, "the PDF is broken and cannot be read (PdfiumError)") from None
        try:
            pages = [_printed_page(document, n) for n in range(len(document))]
        except (pdfium.PdfiumError, ValueError, OverflowError, ZeroDivisionError) as exc:
            # (a page pdfium cannot load, or boxes and sizes past reason: a font of size 1e300)
            raise LetterError(
                source, f"the PDF is broken and cannot be read ({type(exc).__name__})"
            ) from None
        finally:
            document.close()
    text = "\n".join(_laid_out(_without_running_lines(pages)))
    if not text.strip():
        raise LetterError(source, "the PDF has no text layer (a scan?); run OCR first")
    return text


class _Glyph(NamedTuple):
    """A character as printed on a PDF page: its box (points from the page's foot and left) and font size."""

    bottom: float
    left: float
    right: float  # where the next character would start: the box is the character's advance, not its ink
    size: float
    char: str
    #: its number on pdfium's text page, to ask for its text object and baseline where they are needed
    number: int


#: a glyph this far right of the last (in font sizes) starts a new word
_WORD_GAP = 0.12
#: a gap this wide (in spaces) between two text objects is a tab or a table's column, not typed spaces
_TAB_SPACES = 1.5
#: where each word is a text object of its own (an OCR text layer), a gap this many times the page's usual gap
#: between words is a tab or a table's column; the gaps between words it sampled for that
_TAB_WORDS = 2.5
_WORD_SAMPLE = 60
#: a character's width in the printed columns is its mean advance over this (pypdf's layout mode: 1.25); text then
#: takes fewer columns than its place on the page, so a cell or a tab stop further right stands apart by spaces
_COLUMN_SCALE = 1.25


def _printed_page(document, n: int) -> list[str]:
    """A page's lines as printed, from pdfium's characters and their boxes."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    page = document[n]
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        glyphs, space = _page_glyphs(raw)
        x, y = ctypes.c_double(), ctypes.c_double()

        def baseline(index: int) -> float:
            pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
            return y.value

        def apart(a: int, b: int) -> bool:
            def handle(index: int) -> int | None:
                return ctypes.cast(pdfium_c.FPDFText_GetTextObject(raw, index), ctypes.c_void_p).value

            return handle(a) != handle(b)

        return _printed_lines(glyphs, space, apart, baseline)
    finally:
        textpage.close()
        page.close()


def _page_glyphs(raw) -> tuple[list[_Glyph], float]:
    """The page's printed characters (spaces and text turned on its side left out) and a space's width in font
    sizes. pdfium is asked only what is needed: every call is a few microseconds and a page has thousands."""
    import pypdfium2.raw as pdfium_c

    unicode, box, font_size = (
        pdfium_c.FPDFText_GetUnicode,
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetFontSize,
    )
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    glyphs: list[_Glyph] = []
    spaces: list[float] = []  # the widths of the first spaces printed, in font sizes
    # a font's printed size (its size times the text's scale: a PDF may set 'Tf 1' and scale the text by 11), or
    # None for text turned on its side (a margin note, a watermark: no line of the letter); asked once for each font
    # size and box height, which the characters of one font at one size share
    printed_size: dict[tuple[float, float], float | None] = {}

    def size_of(i: int) -> float | None:
        key = (font_size(raw, i), round(rect.top - rect.bottom, 2))
        if key not in printed_size:
            angle = pdfium_c.FPDFText_GetCharAngle(raw, i)  # radians, -1 where pdfium cannot tell
            pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
            upright = not 0.01 < angle < 2 * math.pi - 0.01
            printed_size[key] = (abs(key[0]) * math.hypot(matrix.c, matrix.d) or 1.0) if upright else None
        return printed_size[key]

    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = unicode(raw, i)
        if code <= 32 or code == 0xA0 or 0xD800 <= code <= 0xDFFF:
            if code in (32, 0xA0) and len(spaces) < 50 and box(raw, i, rect):
                size = size_of(i)
                if size and rect.right > rect.left:  # a space pdfium put in between words has no width
                    spaces.append((rect.right - rect.left) / size)
            continue
        if not box(raw, i, rect):  # the box size_of reads; pdfium has none for a character it cannot place
            continue
        size = size_of(i)
        if size:
            glyphs.append(_Glyph(rect.bottom, rect.left, rect.right, size, chr(code), i))
    return glyphs, (sorted(spaces)[len(spaces) // 2] if spaces else 0.25)


def _printed_lines(
    glyphs: list[_Glyph],
    space: float,
    apart: Callable[[int, int], bool],
    baseline: Callable[[int], float],
) -> list[str]:
    """A page's characters as the lines pypdf's layout mode prints (what ``_laid_out`` reads): one line for the
    characters standing on one line, top to bottom; a word's place in columns of a fixed width (a table's cells and
    a wrapped line's indent line up); blank lines where the page leaves a line or more empty. Within a run of text a
    gap is as many spaces as would fill it; after a tab or a cell's gap, the text stands at its column."""
    if not glyphs:
        return []
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.bottom):
        if rows and rows[-1][0].bottom - glyph.bottom <= max(rows[-1][0].size, glyph.size) / 2:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    for row in rows:
        row.sort(key=lambda g: g.left)
    word_gap = _words_apart(rows, apart)
    printed: list[list[tuple[float, str]]] = []  # each line's runs: where it starts and its text
    width = chars = 0.0
    for row in rows:
        runs = [[row[0]]]
        for glyph in row[1:]:
            last = runs[-1][-1]
            gap = glyph.left - last.right
            if gap >= _TAB_SPACES * space * glyph.size and (
                gap >= _TAB_WORDS * word_gap * glyph.size if word_gap else apart(last.number, glyph.number)
            ):
                runs.append([glyph])
            else:
                runs[-1].append(glyph)
        line = []
        for run in runs:
            text = run[0].char
            for a, b in zip(run, run[1:], strict=False):
                gap = b.left - a.right
                if gap > _WORD_GAP * b.size:
                    text += " " if word_gap else " " * max(1, round(gap / (space * b.size)))
                text += b.char
            line.append((run[0].left, text))
            width += run[-1].right - run[0].left
            chars += len(text)
        printed.append(line)
    column = width / (_COLUMN_SCALE * chars) or 1.0
    left_edge = min(g.left for g in glyphs)
    out: list[str] = []
    last_y = None
    for row, line in zip(rows, printed, strict=True):
        y = int(baseline(row[0].number))
        if last_y is not None:
            out.extend([""] * (int(abs(last_y - y) / row[0].size) - 1))
        last_y = y
        words = ""
        for left, text in line:
            at = int((left - left_edge) / column)
            words += " " * (at if not words else max(1, at - len(words))) + text
        out.append(words.rstrip())
    return out


def _words_apart(rows: list[list[_Glyph]], apart: Callable[[int, int], bool]) -> float:
    """The page's usual gap between words (in font sizes) where each word is a text object of its own, as OCR
    writes a scanned page's words (each placed over its image); else 0. Where a line is one text object, as a word
    processor writes it, a tab or a table's cell starts a text object of its own and that tells it from spaces
    typed in a sentence; where each word is one, only a gap much wider than the page's gaps between words does."""
    sample = []  # gaps between words: how wide, and whether a new text object starts there
    for row in rows:
        for a, b in zip(row, row[1:], strict=False):
            gap = (b.left - a.right) / b.size
            if _WORD_GAP < gap < 1.5:  # wider than a font size and a half is no gap between words
                sample.append((gap, apart(a.number, b.number)))
        if len(sample) >= _WORD_SAMPLE:
            break
    if not sample or sum(new for _, new in sample) <= len(sample) / 2:
        return 0.0
    return sorted(gap for gap, _ in sample)[len(sample) // 2]


#: the words of one cell of a printed line: three spaces or more between words part two cells
_CELL_GAP = re.compile(r"\S+(?: {1,2}\S+)*")
#: a printed line's indent and list label ("    1.   ", "  \u2022 "), if it has one
_PRINTED_LABEL = re.compile(
    r"^(\s*)((?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|[-*\u2022\u25aa\u25cf\uf0b7\uf0a7])\s+)?"
)
#: how a line ends that a sentence or heading cannot end with ("... under the Freedom of")
_OPEN_END = re.compile(
    r"(?:[,(&/-]|\b(?:a|an|the|of|to|in|on|for|from|by|with|and|or|under|that|which|this|these|our|your|its|is|are|"
    r"was|were|be|been|has|have|not|no|as|at|per|than|any|all|each|such|if|we|you|it))$",
    re.I,
)


def _laid_out(lines: list[str]) -> list[str]:
    """Printed lines (as ``_printed_lines`` gives them) back into the text's lines. A line with cells apart on it
    is a table row, written as an HTML page's row is ("| 1 | Enroly Limited"), and the lines below it whose words
    stand under its cells are the rest of those cells. A line the page wrapped goes on with the next: the next
    line's first word would not have fitted on it and the next line starts where its text starts."""
    cells_of = [[(m.start(), m.group()) for m in _CELL_GAP.finditer(line)] for line in lines]
    for n, cells in enumerate(cells_of):
        if len(cells) >= 2 and _PRINTED_LABEL.match(cells[0][1] + " ").group(2):  # type: ignore[union-attr]
            cells[0:2] = [(cells[0][0], f"{cells[0][1]} {cells[1][1]}")]  # "1." and its text apart by a tab
        gaps = [b[0] - a[0] - len(a[1]) for a, b in zip(cells, cells[1:], strict=False)]
        if len(cells) == 2 and max(gaps) < 5:
            # two words apart by a few spaces typed in a sentence ("limit'.   The"), not two cells
            cells_of[n] = [(cells[0][0], lines[n].strip())]
    prose_ends = [len(line.rstrip()) for line, cells in zip(lines, cells_of, strict=True) if len(cells) == 1]
    right = max(prose_ends, default=0)
    # a right margin the text runs to (three lines or more end near it); otherwise no line was wrapped
    if sum(end >= right - 8 for end in prose_ends) < 3:
        right = 0
    out: list[str] = []
    row: list[tuple[int, str]] = []  # the table row being read: each cell's column and text
    last = None  # the prose line last read: where its text starts and where it ends
    for line, cells in zip(lines, cells_of, strict=True):
        if (
            row
            and cells
            and cells[0][0] > 0
            and all(any(abs(c - col) <= 2 for col, _ in row) for c, _ in cells)
        ):
            for c, words in cells:
                distances = [abs(col - c) for col, _ in row]
                i = distances.index(min(distances))  # the cell it stands under
                row[i] = (row[i][0], f"{row[i][1]} {words}")
            continue
        if row:
            out.append("| " + " | ".join(words for _, words in row))
            row = []
        if len(cells) >= 2:
            row, last = list(cells), None
            continue
        if not cells:
            out.append("")
            last = None
            continue
        m = _PRINTED_LABEL.match(line)
        indent, starts = len(m.group(1)), m.end()  # type: ignore[union-attr]
        words = line.strip()
        if (
            last is not None
            and right
            and m.group(2) is None  # type: ignore[union-attr]
            and abs(indent - last[0]) <= 1
            and last[1] >= right * 0.75
            # (a printed line's length in characters is its width only roughly: letters are not all as wide)
            and last[1] + 1 + len(words.split()[0]) >= right * 0.9
            # a line starting with a capital may be the next paragraph or a heading ("Information requested"):
            # joined only where the line before cannot end there ("the Freedom of" / "Information Act")
            and (not words[0].isupper() or _OPEN_END.search(out[-1]) is not None)
        ):
            joint = "" if re.search(r"\w-$", out[-1]) else " "  # a hyphen at the line's end is the word's
            out[-1] = f"{out[-1]}{joint}{words}"
            last = (last[0], len(line.rstrip()))
            continue
        out.append(words)
        last = (starts, len(line.rstrip()))
    if row:
        out.append("| " + " | ".join(words for _, words in row))
    return out


#: how many lines at the top and at the foot of a page may be its running header or footer
_EDGE_LINES = 6
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*(\d+)(?:\s*(?:of|/)\s*\d+)?|-?\s*(\d+)\s*-?|(\d+)\s*(?:of|/)\s*\d+)$", re.I
)


def _running_key(line: str) -> str:
    """A line as it repeats from page to page: its numbers (the page's own) and spacing not counted."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().casefold()


def _is_page_number(line: str, page: int) -> bool:
    """'Page 2', 'Page 2 of 3', '2 of 3', '- 2 -'; a bare number only where it is this page's own."""
    m = _PAGE_NUMBER.match(line.strip())
    if not m:
        return False
    if m.group(1):
        return True
    return int(m.group(2) or m.group(3)) == page


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """The pages' lines without what the page layout adds to each page: the running header and footer (a line at
    the top or foot of most pages: letterhead, 'OFFICIAL', 'Page 2 of 3') and page numbers. A PDF's text has them among
    the text, so they landed in the middle of an answer that ran on to the next page."""
    many = max(2, (len(pages) + 1) // 2)
    counts: dict[tuple[str, str], int] = {}
    for lines in pages:
        nonblank = [x for x in lines if x.strip()]
        for zone, edge in (("top", nonblank[:_EDGE_LINES]), ("foot", nonblank[-_EDGE_LINES:])):
            for key in {_running_key(x) for x in edge}:
                counts[zone, key] = counts.get((zone, key), 0) + 1
    out: list[str] = []
    for number, lines in enumerate(pages, start=1):
        start, end = 0, len(lines)

        def running(line: str, zone: str, number: int = number) -> bool:
            if not line.strip() or _is_page_number(line, number):
                return True
            # a line of figures alone ('7', '2023') is an answer unless it is the page's number
            key = _running_key(line)
            return any(ch.isalpha() for ch in key) and counts.get((zone, key), 0) >= many

        while start < end and start < _EDGE_LINES * 2 and running(lines[start], "top"):
            start += 1
        while end > start and len(lines) - end < _EDGE_LINES * 2 and running(lines[end - 1], "foot"):
            end -= 1
        out.extend(lines[start:end])
    return out


def _docx_text(data: bytes, source: str) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise LetterError(
            source, f"the DOCX file is broken and cannot be read ({type(exc).__name__})"
        ) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise LetterError(
            source, f"the DOCX file is broken and cannot be read ({type(exc).__name__})"
        ) from None
    lists = _WordLists(
        _part_element(lambda: document.part.numbering_part), _part_element(lambda: document.styles)
    )
    # the body only, in its order: the page header and footer (letterhead, "Page 2 of 3") are not the letter
    return "\n".join(_docx_lines(document.element.body, lists))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: what holds no text of the paragraph's own: its properties, text deleted or moved away in tracked changes, a
#: drawing's second copy for old readers, and a text box's paragraphs
_DOCX_SKIP = {
    _W + "pPr",
    _W + "rPr",
    _W + "del",
    _W + "moveFrom",
    _W + "txbxContent",
    _W + "sdtPr",
    _MC_FALLBACK,
}


def _part_element(part: Callable):
    """The XML root of the document's numbering or styles part; None when it cannot be had."""
    try:
        return part().element
    except (KeyError, NotImplementedError, ValueError, AttributeError):
        return None


def _docx_children(element, *tags: str):
    """The children of `element` with one of `tags`, looking inside content controls and custom XML around them."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _docx_children(child, *tags)


def _docx_lines(container, lists: _WordLists):
    """Each paragraph and table row of a body, table cell or content control, in the order Word shows them."""
    for child in _docx_children(container, _W + "p", _W + "tbl"):
        if child.tag == _W + "p":
            yield lists.label(child) + _docx_paragraph_text(child)
        else:
            # a row as an HTML page's row reads ("| 1 | Enroly Limited"): the reader knows a table by it
            for row in _docx_children(child, _W + "tr"):
                yield "| " + " | ".join(_docx_cells(row, lists))


def _docx_cells(row, lists: _WordLists) -> list[str]:
    """A row's cells, each once: a cell merged across columns is one cell, and the rows a merged cell runs down
    into show it empty (python-docx gives the merged cell again for every column and row it covers)."""
    cells = []
    for cell in _docx_children(row, _W + "tc"):
        merge = cell.find(f"{_W}tcPr/{_W}vMerge")
        if merge is not None and merge.get(_W + "val", "continue") == "continue":
            cells.append("")
        else:
            cells.append("\n".join(_docx_lines(cell, lists)).strip())
    return cells


def _docx_paragraph_text(paragraph) -> str:
    """The paragraph's text as Word shows it, with what python-docx's ``Paragraph.text`` leaves out: text in
    fields (a date), content controls (a template's 'Our ref' box), smart tags and tracked insertions."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _DOCX_SKIP:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                parts.append("\t")
            elif tag == _W + "br":
                parts.append("\n" if child.get(_W + "type", "textWrapping") == "textWrapping" else "")
            elif tag == _W + "cr":
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


def _list_number(n: int, fmt: str) -> str:
    """A list item's number as Word writes it in the format the list's level names (numFmt)."""
    if fmt in ("lowerLetter", "upperLetter"):
        # Word's letters after z: aa, bb, ... zz, aaa
        letter = chr(ord("a") + (max(n, 1) - 1) % 26) * ((max(n, 1) - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", max(n, 1)
        for value, numeral in _ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out if fmt == "lowerRoman" else out.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _ListLevel:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


def _list_level(lvl) -> _ListLevel:
    def val(name: str) -> str | None:
        found = lvl.find(_W + name)
        return None if found is None else found.get(_W + "val")

    start = val("start")
    return _ListLevel(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
    )


def _ilvl(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) < 9 else None


class _WordLists:
    """The number or bullet Word shows before a list paragraph, which is not in its text: worked out from the
    paragraph's list (numPr numId and ilvl, its own or its style's) and the numbering part's levels (numFmt,
    lvlText, start), counting the list's items as Word does."""

    def __init__(self, numbering, styles) -> None:
        self.abstract: dict[str, dict[int, _ListLevel]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _ListLevel]]] = {}
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        self.counters: dict[object, dict[int, int]] = {}
        if numbering is not None:
            for abstract in numbering.iter(_W + "abstractNum"):
                self.abstract[abstract.get(_W + "abstractNumId", "")] = {
                    level: _list_level(lvl)
                    for lvl in abstract.iter(_W + "lvl")
                    if (level := _ilvl(lvl.get(_W + "ilvl"))) is not None
                }
            for num in numbering.iter(_W + "num"):
                ref = num.find(_W + "abstractNumId")
                starts: dict[int, int] = {}
                levels: dict[int, _ListLevel] = {}
                for override in num.iter(_W + "lvlOverride"):
                    if (level := _ilvl(override.get(_W + "ilvl"))) is None:
                        continue
                    start = override.find(_W + "startOverride")
                    if start is not None and (value := start.get(_W + "val", "")).isdigit():
                        starts[level] = int(value)
                    if (lvl := override.find(_W + "lvl")) is not None:
                        levels[level] = _list_level(lvl)
                abstract_id = "" if ref is None else ref.get(_W + "val", "")
                self.nums[num.get(_W + "numId", "")] = (abstract_id, starts, levels)
        if styles is not None:
            for style in styles.iter(_W + "style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                based = style.find(_W + "basedOn")
                num_id = ilvl = None
                if num_pr is not None:
                    num_id = _child_val(num_pr, "numId")
                    ilvl = _ilvl(_child_val(num_pr, "ilvl"))
                self.styles[style.get(_W + "styleId", "")] = (
                    num_id,
                    ilvl,
                    None if based is None else based.get(_W + "val"),
                )

    def _style_list(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, paragraph) -> str:
        """'1. ', 'b) ', 'iv. ', '• ' or '' (not a list paragraph, or a list Word shows no number for)."""
        p_pr = paragraph.find(_W + "pPr")
        if p_pr is None or not self.nums:
            return ""
        num_pr = p_pr.find(_W + "numPr")
        style = p_pr.find(_W + "pStyle")
        num_id, ilvl = self._style_list(None if style is None else style.get(_W + "val"))
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId") or num_id
            ilvl = _ilvl(_child_val(num_pr, "ilvl")) if num_pr.find(_W + "ilvl") is not None else ilvl
        if not num_id or num_id not in self.nums:
            return ""  # numId 0: the numbering taken off
        level = ilvl or 0
        abstract_id, starts, overrides = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overrides}
        if level not in levels:
            return ""
        # lists of one abstract definition continue each other's numbers unless one restarts them (startOverride)
        counters = self.counters.setdefault(num_id if starts else ("abstract", abstract_id), {})
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        counters[level] = counters[level] + 1 if level in counters else starts.get(level, levels[level].start)
        if levels[level].fmt == "bullet":
            return "\u2022 "

        def number(m: re.Match) -> str:
            at = int(m.group(1)) - 1
            if at > level:
                return ""  # a level below this one has no number yet
            shown = levels.get(at, _ListLevel())
            return _list_number(counters.get(at, starts.get(at, shown.start)), shown.fmt)

        text = re.sub(r"%([1-9])", number, levels[level].text).strip()
        return f"{text} " if text else ""


def _child_val(element, name: str) -> str | None:
    found = element.find(_W + name)
    return None if found is None else found.get(_W + "val")


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "template", "svg", "button", "form"}
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "blockquote",
        "pre",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        # the 'mailto:' links open: where each one's text starts, and its address
        self.mailto: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (address := _mailto(dict(attrs).get("href") or "")):
            self.mailto.append((len(self.parts), address))
        if "@" in tag and not attrs:
            # an e-mail address in angle brackets, as a mail header writes it ('From: Jane Smith
            # <jane.smith@leeds.gov.uk>'), is text, not a tag: kept as written, as plain text keeps it
            if not self.skip_depth:
                self.parts.append(self.get_starttag_text() or "")
        elif tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            # a link left open ends with its line ('<p>From: <a href="mailto:...">Jane Smith<br>Sent: ...')
            while self.mailto and "".join(self.parts[self.mailto[-1][0] :]).strip():
                self._close_mailto()
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag):
        if tag == "a" and self.mailto:
            self._close_mailto()
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            while self.mailto:
                self._close_mailto()
            self.parts.append("\n")

    def _close_mailto(self) -> None:
        """An address only in a link ('From: <a href="mailto:jane@x.org">Jane Smith</a>') is written after the
        link's text, as plain text writes it ('From: Jane Smith <jane@x.org>'): an e-mail's header keeps whose
        address it is."""
        start, address = self.mailto.pop()
        shown = "".join(self.parts[start:])
        if not self.skip_depth and address.casefold() not in shown.casefold():
            self.parts.append(f"{_ADDED} <{address}>{_ADDED}" if shown.strip() else address)

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def _mailto(href: str) -> str:
    """The address(es) of a 'mailto:' link ('mailto:jane%40x.org?subject=FOI' -> 'jane@x.org'); '' for any other."""
    if not href.strip().lower().startswith("mailto:"):
        return ""
    addresses = unquote(href.strip()[len("mailto:") :].split("?", 1)[0])
    return ", ".join(a.strip() for a in addresses.split(",") if "@" in a)


_ADDED = "\ufdd0"  # (a noncharacter) around an address written after a link's text
# ... not written where the page gives it itself just after ('Jane Smith <jane@x.org>', both parts links)
_ADDED_AGAIN = re.compile(rf"{_ADDED} <([^>{_ADDED}]+)>{_ADDED}(?=[ \t]*[<(\[]?[ \t]*(?:mailto:)?\1)", re.I)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return _ADDED_AGAIN.sub("", "".join(parser.parts)).replace(_ADDED, "")


def _plain_text(data: bytes, source: str) -> str:
    """Text or Markdown; an HTML page saved under another name is still read as HTML."""
    text = _decode(data, source)
    return html_to_text(text) if _looks_like_html(text) else text


def _html_text(data: bytes, source: str) -> str:
    return html_to_text(_decode(data, source))


#: The letter file types, each with how its bytes become text (front matter still in it). The one list:
#: ``read_document`` refuses any other type, and folder ingest (``retriever/index.py``) reads only these.
READERS: dict[str, Callable[[bytes, str], str]] = {
    ".md": _plain_text,
    ".markdown": _plain_text,
    ".txt": _plain_text,
    ".html": _html_text,
    ".htm": _html_text,
    ".pdf": _pdf_text,
    ".docx": _docx_text,
}
SUPPORTED = tuple(READERS)


_FRONT = re.compile(r"\A\ufeff?---\s*\n(.*?)\n---\s*\n", re.S)
#: libyaml's safe loader where PyYAML was built with it (same results, ~10x faster: it was a third of
#: the non-model time of an ingest)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str, source: str = "") -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2023-13-01
        detail = f" ({exc})" if isinstance(exc, ValueError) else ""
        raise LetterError(
            source, f"the front matter (between the --- lines) is not valid YAML{detail}"
        ) from None
    if not isinstance(meta, dict):
        raise LetterError(source, "the front matter must be a mapping of keys to values")
    return meta, text[m.end() :]


_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


#: Word's bullets in its Symbol and Wingdings fonts, which a PDF made from Word (and text copied from one) carries as
#: private-use characters ('\uf0b7 The number of new cases'): the bullets they show
_SYMBOL_BULLETS = str.maketrans(
    {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf06c": "\u25cf", "\uf0d8": "\u2022"}
)


_MARKED_CELL = re.compile(r"[^\s|*]\s?\*\s*(?:\||$)")


def _marks_cells(lines: list[str]) -> bool:
    """The lines end with a table (rows a line, opening or ending with '|', as a page's or a Word table is read) one
    of whose cells carries a note's mark ('<5* |')."""
    table = []
    for line in reversed(lines):
        if not (line.endswith("|") or line.startswith("|")):
            break
        table.append(line)
    return any(_MARKED_CELL.search(row) for row in table)


def normalise_text(text: str) -> str:
    """Plain lines: Markdown markup removed (links kept as 'name url'), whitespace tidied."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    text = text.translate(_SYMBOL_BULLETS)
    out: list[str] = []
    for line in text.split("\n"):
        line = _MD_PREFIX.sub("", line)
        line = _MD_EMPH.sub(r"\2", line)
        line = _MD_LINK.sub(r"\1 \2", line)
        if _marks_cells(out):
            # under a table whose cells carry a note's mark ("<5*"), the note's mark ("* The low numbers ...") is kept,
            # as "*The ...", not taken for a bullet's
            line = re.sub(r"^\s*\*\s+", "*", line)
        line = re.sub(r"^\s*[*+]\s+", "", line)  # bullet markers (numbers are kept: they are labels)
        line = re.sub(r"[ \t]+", " ", line).strip()
        out.append(line)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
