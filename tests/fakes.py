"""Fakes for fast unit tests: an in-memory precedent index with bag-of-words similarity."""

from __future__ import annotations

import math
import re
from collections import Counter

from foi_precedent.letters.model import Letter
from foi_precedent.letters.precedent import Precedent

_STOP = set(["the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "is", "are", "be", "by", "your", "you", "have", "has", "how", "many", "what", "which", "with", "this", "that", "please", "can", "tell", "me", "do", "does", "any"])


def _vec(text: str) -> Counter:
    return Counter(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP)


def _cos(a: Counter, b: Counter) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


class MemoryIndex:
    """Implements the checker's PrecedentSearch over a list of letters."""

    def __init__(self, letters: list[Letter]):
        self.letters = {letter.reference: letter for letter in letters}
        self.queries: list[str] = []

    def search_many(self, queries, k=10, authority=None, exclude_references=()):
        return [self.search(q, k=k, authority=authority, exclude_references=exclude_references) for q in queries]

    def search(self, query, k=10, authority=None, exclude_references=()):
        self.queries.append(query)
        qv = _vec(query)
        hits = []
        for letter in self.letters.values():
            if letter.reference in exclude_references:
                continue
            if authority and (letter.authority or "").lower() != authority.lower():
                continue
            for q in letter.questions:
                sim = _cos(qv, _vec(q.text))
                hits.append(Precedent.from_question(letter, q, similarity=sim, score=sim, text=q.text))
        hits.sort(key=lambda p: (-p.similarity, p.reference, p.label))
        return hits[:k]

    def known_pointer_keys(self):
        return {p.key for letter in self.letters.values() for q in letter.questions for p in q.pointers}
