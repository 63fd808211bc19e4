"""Train the learned treatment reader (``foi_precedent/letters/learned.py``) on the tuning part of the real letters.

Each labelled question's evidence passage (the words its treatments were read from) and its treatments are one
example; held-back letters are never read (``evals.holdout``), nor any batch named with ``--exclude``. Writes
``foi_precedent/rules/treatment_model.npz`` and, beside it, ``treatment_model.json``: the letters trained on, the
settings and the library versions, so a test can check no held-back letter taught it.

    .venv/bin/python scripts/train_treatment_model.py [--exclude fresh9 ...] [--out PATH]
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
from foi_precedent.letters import learned  # noqa: E402
from foi_precedent.letters.model import CONFIDENT  # noqa: E402

C = 4.0  # inverse regularisation strength of each treatment's logistic regression


def examples(exclude: frozenset[str] = frozenset(), only: frozenset[str] | None = None) -> list[dict]:
    """The tuning part's labelled passages: letter id, batch, passage and its treatments."""
    rows = []
    for label in load_labels():
        if (
            is_held_back(label["id"])
            or label["_batch"] in exclude
            or (only is not None and label["_batch"] not in only)
        ):
            continue
        for q in label.get("questions") or []:
            if q.get("treatments") and q.get("evidence"):
                rows.append(
                    {
                        "id": label["id"],
                        "batch": label["_batch"],
                        "text": q["evidence"],
                        "want": sorted(q["treatments"]),
                    }
                )
    return rows


def shipped_examples() -> list[dict]:
    """The shipped corpus's answers (``corpus/letters``, ``corpus/seeds``; the seeds are real letters), each with
    the treatments its ground truth holds (``tests/unit/test_parser_seeds.py``, ``evals/suites``): the answers the
    rules read with confidence, read with the rules alone."""
    from foi_precedent.letters import decision
    from foi_precedent.letters.parser import parse_file

    rows = []
    with learned.off():
        for path in sorted((ROOT / "corpus").glob("*/*.md")):
            if path.parent.name not in ("letters", "seeds"):
                continue
            for q in parse_file(path).questions:
                passage = decision.relied_on_lines(q.answer)
                if q.confidence >= CONFIDENT and passage.strip():
                    rows.append(
                        {
                            "id": f"corpus:{path.stem}",
                            "batch": "corpus",
                            "text": passage,
                            "want": sorted(q.treatments),
                        }
                    )
    return rows


def train(rows: list[dict], c: float = C) -> learned.TreatmentModel:
    from sklearn.linear_model import LogisticRegression

    texts = [r["text"] for r in rows]
    classes = sorted({t for r in rows for t in r["want"]})
    raw = learned.counts(texts)
    kept, idfs = learned.fit_vocabulary(raw)
    x = learned.features(raw, kept, idfs)
    coef = np.zeros((len(classes), x.shape[1]), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    for k, t in enumerate(classes):
        y = np.array([t in r["want"] for r in rows])
        fit = LogisticRegression(C=c, max_iter=3000).fit(x, y)
        coef[k] = fit.coef_[0]
        intercept[k] = fit.intercept_[0]
    return learned.TreatmentModel(tuple(classes), tuple(kept), tuple(idfs), coef, intercept)


def main() -> None:
    import sklearn

    ap = argparse.ArgumentParser()
    ap.add_argument("--exclude", nargs="*", default=[], help="batches not to train on")
    ap.add_argument("--no-corpus", action="store_true", help="train on the real letters' labels alone")
    ap.add_argument("--C", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    args = ap.parse_args()
    rows = examples(frozenset(args.exclude)) + ([] if args.no_corpus else shipped_examples())
    model = train(rows, args.C)
    meta = {
        "trained_on": sorted({r["id"] for r in rows}),
        "passages": len(rows),
        "excluded_batches": sorted(args.exclude),
        "C": args.C,
        "n_features": learned.N_FEATURES,
        "min_df": learned.MIN_DF,
        "scikit_learn": sklearn.__version__,
    }
    model.save(args.out, meta)
    print(f"trained on {len(rows)} passages of {len(meta['trained_on'])} letters -> {args.out}")


if __name__ == "__main__":
    main()
