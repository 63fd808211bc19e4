"""The shipped MiniLM sentence embedding, for the measuring scripts (``measure_embedding_reader.py``,
``measure_request_segmenter.py --embeddings``). Measure only: nothing shipped imports this."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np


class Embedder:
    """The shipped MiniLM embedding of each text (unit length), computed once per text.

    ``cache``: a folder where the vectors are kept between runs (one ``.npz`` per model; texts by their sha1)."""

    def __init__(self, cache: Path | str | None = None) -> None:
        from foi_precedent.assets.chroma_embedding import embedding_function
        from foi_precedent.settings import Settings

        self.ef = embedding_function(Settings.from_env())
        self.cache: dict[str, np.ndarray] = {}
        self.path = Path(cache) / "minilm.npz" if cache else None
        self._stored: dict[str, np.ndarray] = {}
        if self.path and self.path.is_file():
            with np.load(self.path) as saved:
                self._stored = {k: saved[k] for k in saved.files}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.cache})
        if missing and self._stored:
            for t in [t for t in missing if self._key(t) in self._stored]:
                self.cache[t] = self._stored[self._key(t)]
            missing = [t for t in missing if t not in self.cache]
        if missing:
            for t, v in zip(missing, self.ef(missing), strict=True):
                self.cache[t] = np.asarray(v, dtype=np.float32)
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        """Keep the vectors computed so far in ``cache`` (no-op without one, or when nothing is new)."""
        new = {self._key(t): v for t, v in self.cache.items()}
        if self.path and not new.keys() <= self._stored.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stored.update(new)
            np.savez(self.path, **self._stored)
