"""How the reader reads a letter's DOCX and PDF copies against its text: one markdown row per letter and format.

    .venv/bin/python scripts/build_document_letters.py /tmp/documents
    .venv/bin/python scripts/measure_document_letters.py /tmp/documents

For each STEM.txt in the folder, STEM.docx and STEM.pdf are parsed as ``precedent parse`` parses them and compared
with the text's reading: the regime, the letter's exemptions, the questions' count and labels, and each question's
treatments, exemptions and wording (whitespace and table bars ignored). Any difference is a fault of extraction:
the copies carry the same letter. Exit 1 when there is one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.errors import LetterError  # noqa: E402
from foi_precedent.letters.parser import parse_file  # noqa: E402


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("|", " ")).strip().casefold()


def reading(path: Path) -> dict:
    letter = parse_file(path)
    return {
        "regime": letter.regime.value,
        "exemptions": sorted(letter.exemptions),
        "labels": [q.label for q in letter.questions],
        "treatments": [sorted(t.value for t in q.treatments) for q in letter.questions],
        "question_exemptions": [sorted(q.exemptions) for q in letter.questions],
        "wording": [_words(q.text) for q in letter.questions],
    }


def differences(text: dict, copy: dict) -> list[str]:
    out = []
    for key in ("regime", "exemptions"):
        if text[key] != copy[key]:
            out.append(f"{key} {copy[key]} (text: {text[key]})")
    if text["labels"] != copy["labels"]:
        out.append(
            f"{len(copy['labels'])} questions {copy['labels']} (text: {len(text['labels'])} {text['labels']})"
        )
        return out
    for key in ("treatments", "question_exemptions", "wording"):
        wrong = [label for label, a, b in zip(text["labels"], text[key], copy[key], strict=True) if a != b]
        if wrong:
            out.append(f"{key} of {', '.join(wrong)}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    faults = 0
    print("| letter | text: questions | DOCX | PDF |")
    print("|---|---|---|---|")
    for twin in sorted(args.folder.glob("*.txt")):
        text = reading(twin)
        cells = []
        for suffix in (".docx", ".pdf"):
            copy_path = twin.with_suffix(suffix)
            if not copy_path.exists():
                cells.append("(none)")
                continue
            try:
                found = differences(text, reading(copy_path))
            except LetterError as exc:
                found = [f"error: {exc}"]
            faults += bool(found)
            cells.append("; ".join(found) or "same")
        print(f"| {twin.stem} | {len(text['labels'])} ({text['regime']}) | {cells[0]} | {cells[1]} |")
    return 1 if faults else 0


if __name__ == "__main__":
    raise SystemExit(main())
