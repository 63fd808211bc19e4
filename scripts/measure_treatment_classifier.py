"""Would a learned step read treatments better than the phrase rules? Measured on the tuning part only.

For every labelled question of the tuning part with a visible answer and an evidence span (the passage the
labeller read its treatment from), both readers see the same span:

* rules: the reader's own classification of that span as the question's answer;
* kNN: the treatment set of the nearest labelled spans (MiniLM embeddings, cosine, k neighbours voting per
  treatment), leaving out every span of the same letter (so a letter never teaches itself).

Exact-set agreement is reported for each. The held-back part is not read.

    .venv/bin/python scripts/measure_treatment_classifier.py [--k 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.holdout import is_held_back  # noqa: E402
from evals.real_letters.suite import load_labels  # noqa: E402
from foi_precedent.assets import embedding_function  # noqa: E402
from foi_precedent.letters.answers import _classify  # noqa: E402
from foi_precedent.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, default=5)
    args = ap.parse_args()
    rows = []
    for label in load_labels():
        if is_held_back(label["id"]):
            continue
        for q in label.get("questions") or []:
            if q.get("treatments") and q.get("evidence"):
                rows.append((label["id"], q["evidence"], frozenset(q["treatments"])))
    ef = embedding_function(Settings.from_env())
    vectors = np.asarray(ef([r[1] for r in rows]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = vectors @ vectors.T
    rules_ok = knn_ok = 0
    for i, (letter, span, want) in enumerate(rows):
        got = {t.value for t in _classify("1", "", span, None, [], ()).treatments}
        rules_ok += got == want
        others = [j for j in np.argsort(-sims[i]) if rows[j][0] != letter][: args.k]
        votes: dict[str, int] = {}
        for j in others:
            for t in rows[j][2]:
                votes[t] = votes.get(t, 0) + 1
        predicted = {t for t, v in votes.items() if v > args.k / 2} or {max(votes, key=votes.get)}
        knn_ok += predicted == want
    n = len(rows)
    print(f"labelled spans (tuning part): {n}")
    print(f"rules on the span:            {rules_ok / n:.3f}")
    print(f"kNN (k={args.k}, leave-letter-out): {knn_ok / n:.3f}")


if __name__ == "__main__":
    main()
