"""Reading speed by file format: the same real letters as text, Word and PDF files (tests/fixtures/documents, made by
scripts/build_document_letters.py), decoded and read, one process. A team's disclosure log is mostly Word and PDF
files, so the format's own cost counts against ingest's rate as the reader's does (bench_reading.py).

    .venv/bin/python bench/bench_documents.py [--repeat 5] [--out bench/RESULTS-documents.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.letters.parser import parse_text  # noqa: E402
from foi_precedent.letters.sources import read_document  # noqa: E402

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    rows = []
    for suffix in FORMATS:
        files = sorted(FIXTURES.glob(f"*{suffix}"))
        decode, both = _seconds(files, args.repeat)
        rows.append(
            f"| {suffix[1:]} | {len(files)} | {decode * 1000:.0f} ms | {both * 1000:.0f} ms | {1 / both:.1f} |"
        )
    load = os.getloadavg()[0]
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
        ]
    )
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
