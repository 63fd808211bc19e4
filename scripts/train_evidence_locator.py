"""Train the evidence locator (``foi_precedent/letters/locator.py``) on the tuning part of the real letters.

For each labelled answered question of a tuning letter (never a held-back one, ``evals.holdout``) that today's
rules find (``learned.off()``: the questions as the rules split them, aligned with the labels), every sentence of
the letter but the questions' own words is one example: positive where it holds the labelled evidence (its first
60 normalised characters, or its opening for a shorter sentence). A sentence's features (``locator.FEATURES``) take
the learned reader's probabilities from a treatment model trained only on the batches labelled before the letter's
own (``measure_treatment_classifier.ORDER``) and the shipped corpus: the locator learns how far to trust the
learned reader on words it has not read, as it meets them at run time. One logistic regression (balanced classes)
over the standardised features. Writes ``foi_precedent/rules/evidence_locator.json``: the weights and what it was
trained on, so a test can check no held-back letter taught it.

    .venv/bin/python scripts/train_evidence_locator.py [--exclude fresh19 ...] [--out PATH] [--cache FILE]

A few minutes (the rules read every tuning letter once; ``--cache`` keeps that reading).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from foi_precedent.letters import locator  # noqa: E402

EVIDENCE_CHARS = 60


def holds_evidence(sentence: str, evidence: str) -> bool:
    """Whether a sentence holds the labelled evidence (its opening, or all of a shorter sentence)."""
    ev, s = locator._norm(evidence), locator._norm(sentence)
    if not ev or not s:
        return False
    return ev[:EVIDENCE_CHARS] in s or (len(s) >= 15 and ev.startswith(s))


def today_letters(cache: Path | None = None) -> dict[str, dict]:
    """Every tuning letter (never a held-back one) as today's rules read it: its questions (label, words) aligned
    with its labelled questions (treatments, evidence)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from evals.holdout import is_held_back
    from evals.real_letters import suite
    from foi_precedent.errors import PrecedentError
    from foi_precedent.letters import learned
    from foi_precedent.letters.parser import parse_file

    out = {}
    with learned.off():
        for label in suite.load_labels():
            if is_held_back(label["id"]):
                continue
            try:
                letter = parse_file(ROOT / label["file"])
            except PrecedentError:
                continue
            got = [{"label": q.label, "text": q.text} for q in letter.questions]
            expected = label.get("questions") or []
            for e, j in zip(expected, suite.align(expected, got), strict=True):
                if j is not None and e.get("treatments") and e.get("evidence"):
                    got[j]["want"] = sorted(e["treatments"])
                    got[j]["evidence"] = e["evidence"]
            out[label["id"]] = {"batch": label["_batch"], "file": label["file"], "questions": got}
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


class Letters:
    """Each letter's lines (once) and, for each set of its questions and each treatment model, the reader's own
    ``locator.Letter`` (its sentences and their learned readings worked out once)."""

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {}
        self.letters: dict[tuple, locator.Letter] = {}

    def get(self, file: str, questions: list[dict], model) -> locator.Letter:
        from foi_precedent.letters import parser
        from foi_precedent.letters.sources import read_document

        if file not in self.lines:
            self.lines[file] = parser.clean_lines(read_document(ROOT / file).text)
        qs = tuple((q["label"], q["text"]) for q in questions)
        key = (file, qs, id(model))
        if key not in self.letters:
            self.letters[key] = locator.Letter(self.lines[file], qs)
        return self.letters[key]

    def pairs(
        self, file: str, questions: list[dict], index: int, model
    ) -> tuple[list[tuple[int, str]], np.ndarray]:
        """The candidate sentences of question ``index`` of ``questions`` ({label, text}) and their features."""
        return self.get(file, questions, model).features(index, model)


def training_pairs(
    today: dict[str, dict], letter_ids: Iterable[str], model_of: Callable[[str], object], letters: Letters
) -> tuple[np.ndarray, np.ndarray]:
    """The examples of the letters ``letter_ids`` of ``today``: features and whether each holds the evidence."""
    xs, ys = [], []
    for letter_id in letter_ids:
        entry = today[letter_id]
        for i, q in enumerate(entry["questions"]):
            if not q.get("evidence"):
                continue
            cands, x = letters.pairs(entry["file"], entry["questions"], i, model_of(entry["batch"]))
            y = np.array([holds_evidence(s, q["evidence"]) for _, s in cands])
            if cands and y.any():
                xs.append(x)
                ys.append(y)
    return np.vstack(xs), np.concatenate(ys)


def fit(x: np.ndarray, y: np.ndarray) -> locator.Locator:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    z = (x - scaler.mean_) / scale
    regression = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(z, y)
    return locator.Locator(
        mean=scaler.mean_, scale=scale, coef=regression.coef_[0], intercept=float(regression.intercept_[0])
    )


def treatment_models() -> Callable[[str], object]:
    """For each batch, the learned reader trained on the batches labelled before it and the shipped corpus."""
    from measure_treatment_classifier import ORDER
    from train_treatment_model import examples, shipped_examples, train

    corpus = shipped_examples()
    models: dict[str, object] = {}

    def model_of(batch: str):
        if batch not in models:
            later = frozenset(ORDER[ORDER.index(batch) :]) if batch in ORDER else frozenset([batch])
            models[batch] = train(examples(exclude=later) + corpus)
        return models[batch]

    return model_of


def main() -> None:
    import sklearn

    ap = argparse.ArgumentParser()
    ap.add_argument("--exclude", nargs="*", default=[], help="batches not to train on")
    ap.add_argument("--out", type=Path, default=locator.LOCATOR_PATH)
    ap.add_argument("--cache", type=Path, help="keep today's rules' reading of the letters here")
    args = ap.parse_args()
    from measure_treatment_classifier import ORDER

    today = today_letters(args.cache)
    ids = [i for i, e in today.items() if e["batch"] not in args.exclude]
    unknown = sorted({today[i]["batch"] for i in ids} - set(ORDER))
    if unknown:
        raise SystemExit(f"batches not in measure_treatment_classifier.ORDER: {unknown}")
    x, y = training_pairs(today, ids, treatment_models(), Letters())
    found = fit(x, y)
    meta = {
        "trained_on": sorted(ids),
        "examples": int(len(y)),
        "positives": int(y.sum()),
        "excluded_batches": sorted(args.exclude),
        "scikit_learn": sklearn.__version__,
    }
    found.save(args.out, meta)
    print(f"trained on {len(y)} sentences ({int(y.sum())} evidence) of {len(ids)} letters -> {args.out}")


if __name__ == "__main__":
    main()
