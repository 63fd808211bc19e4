"""Fakes for fast unit tests: an in-memory precedent index with bag-of-words similarity."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from foi_precedent.errors import LetterError
from foi_precedent.letters.model import Letter, Treatment
from foi_precedent.letters.precedent import Precedent
from foi_precedent.ports import pointer_keys

_STOP = set(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "is",
        "are",
        "be",
        "by",
        "your",
        "you",
        "have",
        "has",
        "how",
        "many",
        "what",
        "which",
        "with",
        "this",
        "that",
        "please",
        "can",
        "tell",
        "me",
        "do",
        "does",
        "any",
    ]
)


def _vec(text: str) -> Counter:
    return Counter(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP)


def _cos(a: Counter, b: Counter) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


class MemoryIndex:
    """A ``foi_precedent.ports.PrecedentIndex`` over letters in memory: every question of every letter is a hit,
    ranked by bag-of-words cosine. The filters take one value each (an exemption as written, a treatment, a
    date range); the real index also takes lists and matches an exemption by its flag key."""

    def __init__(self, letters: list[Letter]):
        self._letters = {letter.reference: letter for letter in letters}
        self.queries: list[str] = []
        self.ingested: list[str] = []

    def search_many(
        self,
        queries,
        k=10,
        authority=None,
        date_from=None,
        date_to=None,
        exemption=None,
        treatment=None,
        exclude_references=(),
    ):
        filters = {"date_from": date_from, "date_to": date_to, "exemption": exemption, "treatment": treatment}
        filters = {key: value for key, value in filters.items() if value}
        return [
            self.search(q, k=k, authority=authority, exclude_references=exclude_references, **filters)
            for q in queries
        ]

    def search(
        self,
        query,
        k=10,
        authority=None,
        date_from=None,
        date_to=None,
        exemption=None,
        treatment=None,
        exclude_references=(),
    ):
        self.queries.append(query)
        qv = _vec(query)
        hits = []
        for letter in self._letters.values():
            if letter.reference in exclude_references:
                continue
            if authority and (letter.authority or "").lower() != authority.lower():
                continue
            for q in letter.questions:
                sim = _cos(qv, _vec(q.text))
                hits.append(Precedent.from_question(letter, q, similarity=sim, score=sim, text=q.text))
        if exemption:
            hits = [h for h in hits if exemption in h.exemptions]
        if treatment:
            hits = [h for h in hits if Treatment(treatment) in h.treatments]
        if date_from:
            hits = [h for h in hits if h.date and h.date >= _date(date_from)]
        if date_to:
            hits = [h for h in hits if h.date and h.date <= _date(date_to)]
        hits.sort(key=lambda p: (-p.similarity, p.reference, p.label))
        return hits[:k]

    def known_pointer_keys(self):
        return pointer_keys(self._letters.values())

    def letter(self, reference: str) -> Letter:
        return self._letters[reference]

    def letters(self) -> list[Letter]:
        return list(self._letters.values())

    def readings_stale(self) -> int:
        return 0  # a fake's letters are read as they are added

    def stats(self) -> dict:
        return {"letters": len(self._letters)}

    def ingest_paths(self, paths, progress=None) -> IngestReport:
        from foi_precedent.letters.parser import parse_document
        from foi_precedent.letters.sources import read_document

        report = IngestReport()
        paths = [Path(p) for p in paths]
        for n, path in enumerate(paths, 1):
            try:
                letter = parse_document(read_document(path))
            except LetterError as exc:
                report.skipped.append((str(path), exc.reason))
            else:
                self._letters[letter.reference] = letter
                self.ingested.append(letter.reference)
                report.letters += 1
            if progress:
                progress(n, len(paths), str(path))
        return report


@dataclass
class IngestReport:
    """What ``MemoryIndex.ingest_paths`` reports: the fields and lines the app reads of the real report."""

    letters: int = 0
    skipped: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    same_reference: list = field(default_factory=list)
    not_read: list = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"skipped {p}: {r}" for p, r in self.skipped]

    def summary(self) -> str:
        return f"Ingest: {self.letters} letters added, {len(self.skipped)} skipped."
