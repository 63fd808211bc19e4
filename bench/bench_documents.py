"""Reading speed by file format: the same real letters as text, Word and PDF files (tests/fixtures/documents, made by
scripts/build_document_letters.py), decoded and read, one process. A team's disclosure log is mostly Word and PDF
files, so the format's own cost counts against ingest's rate as the reader's does (bench_reading.py).

    .venv/bin/python bench/bench_documents.py [--repeat 5] [--out bench/RESULTS-documents.md]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.letters.parser import parse_text  # noqa: E402
from foi_precedent.letters.sources import _pdf_text, read_document  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
FORMATS = (".txt", ".docx", ".pdf")


def _seconds(files: list[Path], repeat: int) -> tuple[float, float]:
    """Median seconds per letter to decode, and to decode and read."""
    decode, both = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        docs = [read_document(f) for f in files]
        decoded = time.perf_counter()
        for d in docs:
            parse_text(d.text, source=d.source)
        done = time.perf_counter()
        decode.append((decoded - started) / len(files))
        both.append((done - started) / len(files))
    return statistics.median(decode), statistics.median(both)


def _pypdf(mode: str) -> Callable[[bytes], object]:
    def extract(data: bytes) -> object:
        import logging

        from pypdf import PdfReader

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # 'Rotated text discovered', once a page
        return [page.extract_text(extraction_mode=mode) for page in PdfReader(io.BytesIO(data)).pages]

    return extract


def _pdfium_text(data: bytes) -> object:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


#: ways to take a PDF's text, decoding alone: what this reader used (pypdf's layout mode), the options measured for
#: a faster one, and what it uses now (pdfium's characters and boxes, laid out as pypdf's layout mode laid them out)
PDF_ENGINES: dict[str, Callable[[bytes], object]] = {
    "pypdf, layout mode (the reader before stop 36's speed-up)": _pypdf("layout"),
    "pypdf, plain mode (no columns, no indents)": _pypdf("plain"),
    "pdfium, plain text alone (no positions)": _pdfium_text,
    "**this reader**: pdfium characters and boxes, printed lines, tables, running lines": lambda data: (
        _pdf_text(data, "bench.pdf")
    ),
}


def _engine_rows(files: list[Path], repeat: int) -> list[str]:
    datas = [f.read_bytes() for f in files]
    rows = []
    for name, extract in PDF_ENGINES.items():
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            for data in datas:
                extract(data)
            times.append((time.perf_counter() - started) / len(datas))
        rows.append(f"| {name} | {statistics.median(times) * 1000:.0f} ms |")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    load = os.getloadavg()[0]
    rows = []
    for suffix in FORMATS:
        files = sorted(FIXTURES.glob(f"*{suffix}"))
        decode, both = _seconds(files, args.repeat)
        rows.append(
            f"| {suffix[1:]} | {len(files)} | {decode * 1000:.0f} ms | {both * 1000:.0f} ms | {1 / both:.1f} |"
        )
    engines = _engine_rows(sorted(FIXTURES.glob("*.pdf")), args.repeat)
    text = "\n".join(
        [
            "# Reading benchmark by file format",
            "",
            f"Run {datetime.now():%Y-%m-%dT%H:%M} with `.venv/bin/python bench/bench_documents.py "
            f"--repeat {args.repeat}`.",
            "",
            f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}. Load average "
            f"at start: {load:.1f}. One process. The same letters in each format (two pages each as Word and PDF).",
            "",
            "| format | letters | decoding, per letter | decoding and reading, per letter | letters/s |",
            "|---|---|---|---|---|",
            *rows,
            "",
            "PDF text engines on the same PDF letters, decoding alone (median of the runs):",
            "",
            "| engine | per letter |",
            "|---|---|",
            *engines,
            "",
        ]
    )
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
