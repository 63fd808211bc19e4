"""Turn a file (text, Markdown, HTML, PDF, DOCX) into plain text lines plus front matter.

This is the only module of ``letters`` that touches file formats; everything after it works on text.
Every failure is a ``LetterError`` naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
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


def _pdf_text(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise LetterError(source, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LetterError(source, "the PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LetterError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise LetterError(source, f"the PDF is broken and cannot be read ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise LetterError(source, "the PDF has no text layer (a scan?); run OCR first")
    return text


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
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


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


def normalise_text(text: str) -> str:
    """Plain lines: Markdown markup removed (links kept as 'name url'), whitespace tidied."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    out = []
    for line in text.split("\n"):
        line = _MD_PREFIX.sub("", line)
        line = _MD_EMPH.sub(r"\2", line)
        line = _MD_LINK.sub(r"\1 \2", line)
        line = re.sub(r"^\s*[*+]\s+", "", line)  # bullet markers (numbers are kept: they are labels)
        line = re.sub(r"[ \t]+", " ", line).strip()
        out.append(line)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
