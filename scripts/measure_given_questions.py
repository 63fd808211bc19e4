"""How well would the letters read if their questions were found perfectly? The labelled questions given.

Each labelled letter is read with its labelled questions given, as an officer's split correction gives them
(``parse_document(questions=...)``): the label as written (or its place) and the question's words from the letter
(its labelled opening words, found in the text and read to the end of their sentence). Scored by
``precedent eval real_letters``'s scorer, so the count is exact by construction and treatment agreement shows what is
left to reading the answers: the ceiling a better question finder (learned, or a model's extraction pass) could
reach with today's reading of answers. The held-back part is reported by its scores only.

    .venv/bin/python scripts/measure_given_questions.py [--batch NAME ...]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.datasets import split  # noqa: E402
from evals.holdout import is_held_back  # noqa: E402
from evals.real_letters import suite  # noqa: E402
from foi_precedent.errors import PrecedentError  # noqa: E402
from foi_precedent.letters.parser import parse_document  # noqa: E402
from foi_precedent.letters.sources import read_document  # noqa: E402

SHOWN = (
    "letters",
    "treatment_agreement",
    "exemption_precision",
    "exemption_recall",
    "confident_readings",
    "confident_agreement",
)


def question_text(text: str, starts: str) -> str:
    """The labelled question's words in the letter: from its opening words to the end of their sentence."""
    if not starts:
        return ""
    flat = re.sub(r"\s+", " ", text)
    at = flat.lower().find(starts.lower()[:40])
    if at < 0:
        return starts
    rest = flat[at : at + 400]
    end = re.search(r"(?<=[?.])\s", rest)
    return rest[: end.start()] if end and end.start() > len(starts) else rest[: max(len(starts), 200)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batch", action="append", help="one label file (repeatable)")
    args = ap.parse_args()
    cases = []
    for label in suite.load_labels(suite.LABELS_DIR, "all", args.batch):
        doc = read_document(ROOT / label["file"])
        labelled = label.get("questions") or []
        given = [
            (str(q.get("label") or n + 1), question_text(doc.text, q.get("starts") or ""))
            for n, q in enumerate(labelled)
        ]
        letter, error = None, None
        try:
            letter = parse_document(doc, questions=given or None)
        except PrecedentError as exc:
            error = str(exc)
        scores = suite.score_letter(label, letter, error)["scores"]
        cases.append({"id": label["id"], "held_back": is_held_back(label["id"]), "scores": scores})
    for part, m in split(cases, suite.metrics).items():
        print(part.ljust(10), "  ".join(f"{k} {m[k]}" for k in SHOWN))


if __name__ == "__main__":
    main()
