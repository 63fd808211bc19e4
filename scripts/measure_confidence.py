"""How far a reading's confidence can be trusted: treatment agreement of the tuning part's labelled questions, split
by the reader's confidence at the line the checker uses (``FLAG_CONFIDENCE``: divergences rest only on readings at
or above it). Questions the reader did not find (no aligned reading) are counted apart. The held-back part is not
read.

    .venv/bin/python scripts/measure_confidence.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.holdout import is_held_back  # noqa: E402
from evals.real_letters.suite import align, load_labels, read_letter  # noqa: E402
from foi_precedent.consistency.consensus import FLAG_CONFIDENCE  # noqa: E402
from foi_precedent.errors import LetterError  # noqa: E402


def main() -> None:
    counts = {"confident": [0, 0], "guessed": [0, 0]}
    unaligned = 0
    for label in load_labels(part="tuning"):
        if is_held_back(label["id"]):
            continue
        try:
            letter, _ = read_letter(ROOT / label["file"])
        except LetterError:
            continue
        got = [{"label": q.label, "text": q.text} for q in letter.questions]
        expected = label.get("questions") or []
        for e, j in zip(expected, align(expected, got), strict=True):
            if not e.get("treatments"):
                continue
            if j is None:
                unaligned += 1
                continue
            q = letter.questions[j]
            kind = "confident" if q.confidence >= FLAG_CONFIDENCE else "guessed"
            counts[kind][0] += 1
            counts[kind][1] += {t.value for t in q.treatments} == set(e["treatments"])
    for kind, (n, ok) in counts.items():
        print(f"{kind} (confidence {'>=' if kind == 'confident' else '<'} {FLAG_CONFIDENCE}): {ok}/{n} = {ok / n:.3f}")
    print(f"labelled questions with no aligned reading: {unaligned}")


if __name__ == "__main__":
    main()
