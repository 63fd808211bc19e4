"""A deterministic stand-in for the embedding model, for fast unit tests only.

Hashed bag of words (crc32, so stable across processes), ``dims`` dimensions, L2-normalised. Texts that share
words get similar vectors; nothing else about meaning is captured. Never used by the application.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "this",
        "to",
        "was",
        "we",
        "what",
        "which",
        "with",
        "you",
        "your",
        "question",
        "answer",
    ]
)


class FakeEmbeddingFunction:
    def __init__(self, dims: int = 64):
        self.dims = dims
        self.calls: list[int] = []  # batch sizes, so tests can check batching

    def __call__(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002 - chromadb's parameter name
        self.calls.append(len(input))
        out = []
        for text in input:
            v = np.zeros(self.dims, dtype=np.float32)
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                if word in _STOP:
                    continue
                h = zlib.crc32(word.encode("utf-8"))
                v[h % self.dims] += 1.0 if (h >> 16) & 1 else -1.0
            norm = float(np.linalg.norm(v))
            if norm == 0:
                v[0] = 1.0
                norm = 1.0
            out.append(v / norm)
        return out

    @staticmethod
    def name() -> str:
        return "precedent-fake-hashed-bow"
