"""A learned reading of an answer's treatments: a linear model over the answer's words and characters.

Officers write the same decision in many ways; phrase rules written from the letters one has read miss the ways
of letters one has not. On the labelled passages of blind batches, the phrase rules of the day agreed with the
labels 0.678 of the time and this model, trained only on the letters labelled before each batch, 0.826. Taken in
place of the rules' reading it gained little over today's rules and lost readings they get right, so it is a second
opinion (``answers._second_opinion``): a confident reading it reads otherwise is marked for review
(``scripts/measure_treatment_classifier.py`` measures that). The rules read everything else (exemptions, pointers,
NCND provisions).

The model is data, like the phrase lists: ``rules/treatment_model.npz`` (weights) and ``treatment_model.json``
(what it was trained on, never a held-back letter), written by ``scripts/train_treatment_model.py`` from the
labelled development set. The reader never reads labels.

Features: word unigrams and bigrams and character 3-5-grams (within words), each hashed into a fixed space
(scikit-learn's ``HashingVectorizer``, stateless), only the features seen in two training passages or more kept,
sublinear tf-idf, each family normalised on its own. One logistic regression per treatment; a treatment is read
when its probability is over one half, else the likeliest one alone.

Pure given the model file; ``PRECEDENT_LEARNED_READER=0`` reads with the phrase rules alone (to compare).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeGuard

import numpy as np

MODEL_PATH = Path(
    os.environ.get("PRECEDENT_TREATMENT_MODEL")
    or Path(__file__).resolve().parent.parent / "rules" / "treatment_model.npz"
)
N_FEATURES = 2**16
# (analyzer, n-gram range) of each feature family, in the order their columns are stacked
FAMILIES = (("word", (1, 2)), ("char_wb", (3, 5)))
MIN_DF = 2


@cache
def _vectorizers() -> tuple:
    from sklearn.feature_extraction.text import HashingVectorizer

    return tuple(
        HashingVectorizer(analyzer=a, ngram_range=r, alternate_sign=False, norm=None, n_features=N_FEATURES)
        for a, r in FAMILIES
    )


def counts(texts: Sequence[str]) -> list:
    """Each feature family's raw counts of ``texts`` (sparse, one row per text)."""
    return [h.transform(texts) for h in _vectorizers()]


def fit_vocabulary(family_counts: list) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The features kept (seen in ``MIN_DF`` texts or more) of each family, and their smoothed idf."""
    kept, idfs = [], []
    n = family_counts[0].shape[0]
    for x in family_counts:
        df = np.asarray((x > 0).sum(axis=0)).ravel()
        keep = np.flatnonzero(df >= MIN_DF)
        kept.append(keep.astype(np.int32))
        idfs.append((np.log((1 + n) / (1 + df[keep])) + 1).astype(np.float32))
    return kept, idfs


def _entries(x, keep: np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One family's features as entries (row, kept column, value): the kept counts, sublinear tf times idf,
    l2-normalised per row. Each hashed column's place among the kept ones is looked up, not sliced (scipy's column
    slicing cost most of a single passage's reading)."""
    x = x.tocsr()
    n = x.shape[0]
    place = np.full(x.shape[1], -1, dtype=np.int64)
    place[keep] = np.arange(len(keep))
    rows = np.repeat(np.arange(n), np.diff(x.indptr))
    cols = place[x.indices]
    kept_here = cols >= 0
    rows, cols = rows[kept_here], cols[kept_here]
    data = (1 + np.log(x.data[kept_here].astype(np.float32))) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=data.astype(np.float64) ** 2, minlength=n)).astype(np.float32)
    norms[norms == 0] = 1
    return rows, cols, data / norms[rows]


def features(family_counts: list, kept: list[np.ndarray], idfs: list[np.ndarray]):
    """The model's input: each family's kept counts, sublinear tf times idf, l2-normalised, side by side."""
    from scipy.sparse import csr_matrix, hstack

    parts = []
    for x, keep, idf in zip(family_counts, kept, idfs, strict=True):
        rows, cols, data = _entries(x, keep, idf)
        parts.append(csr_matrix((data, (rows, cols)), shape=(x.shape[0], len(keep)), dtype=np.float32))
    return hstack(parts).tocsr()


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per process
class TreatmentModel:
    classes: tuple[str, ...]
    kept: tuple[np.ndarray, ...]
    idfs: tuple[np.ndarray, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(texts, classes): each treatment's probability for each text."""
        # (the features' product with the weights, entry by entry: as ``features(...) @ coef.T``, without building
        # the sparse matrices, whose construction cost more than the arithmetic for one passage)
        z = np.tile(self.intercept.astype(np.float64), (len(texts), 1))
        offset = 0
        for x, keep, idf in zip(counts(texts), self.kept, self.idfs, strict=True):
            rows, cols, data = _entries(x, keep, idf)
            np.add.at(z, rows, (self.coef[:, offset + cols] * data).T)
            offset += len(keep)
        return 1 / (1 + np.exp(-z))

    def read(self, text: str) -> dict[str, float]:
        """The treatments read in ``text``, each with its probability (over one half, or the likeliest one)."""
        return dict(_read(self, text))

    def save(self, path: Path, meta: dict) -> None:
        arrays: dict[str, np.ndarray] = {
            "classes": np.array(self.classes),
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float32),
        }
        for i, (keep, idf) in enumerate(zip(self.kept, self.idfs, strict=True)):
            arrays[f"kept{i}"] = keep
            arrays[f"idf{i}"] = idf
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
        path.with_suffix(".json").write_text(
            json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> TreatmentModel:
        with np.load(path) as data:
            n = len(FAMILIES)
            return cls(
                classes=tuple(str(c) for c in data["classes"]),
                kept=tuple(data[f"kept{i}"] for i in range(n)),
                idfs=tuple(data[f"idf{i}"] for i in range(n)),
                coef=data["coef"],
                intercept=data["intercept"],
            )


def chosen(classes: Sequence[str], p: np.ndarray) -> dict[str, float]:
    """The reading of one text's probabilities ``p`` (one per class): every treatment over one half, likeliest
    first, else the likeliest one alone."""
    order = [i for i in np.argsort(-p) if p[i] > 0.5] or [int(p.argmax())]
    return {classes[i]: float(p[i]) for i in order}


@lru_cache(maxsize=4096)
def _read(model: TreatmentModel, text: str) -> tuple[tuple[str, float], ...]:
    return tuple(chosen(model.classes, model.probabilities([text])[0]).items())


_OFF: ContextVar[bool] = ContextVar("learned_reader_off", default=False)


@contextmanager
def off() -> Iterator[None]:
    """Read with the phrase rules alone inside: a draft the product wrote is read as written (its words are the
    plan's; a dispute there would only hide a flag the drafter should see)."""
    token = _OFF.set(True)
    try:
        yield
    finally:
        _OFF.reset(token)


@cache
def _shipped() -> bool:
    return MODEL_PATH.exists()


def enabled() -> bool:
    return not _OFF.get() and os.environ.get("PRECEDENT_LEARNED_READER", "1") != "0" and _shipped()


@cache
def model() -> TreatmentModel:
    return TreatmentModel.load(MODEL_PATH)


def sure(found: dict[str, float] | None) -> TypeGuard[dict[str, float]]:
    """Whether the learned reader is sure of a reading (``reading``'s): every treatment it reads is over one half,
    and it is not ``other`` alone (no treatment to give). The one rule every use of the model applies."""
    return found is not None and bool(found) and min(found.values()) > 0.5 and set(found) != {"other"}


def reading(text: str) -> dict[str, float] | None:
    """The learned treatments of an answer, or None when the learned reader is off or there is nothing to read."""
    if not text.strip() or not enabled():
        return None
    return model().read(text)
