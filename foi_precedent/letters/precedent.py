"""A precedent: one past answer to one question, as the index returns it.

Pure data shared by the retriever (which produces it) and the consistency checker, drafting,
re-checking and evals (which read it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from foi_precedent.letters.model import Letter, Pointer, Question, Treatment
from foi_precedent.letters.versions import SUPERSEDED_BY, superseded_by


def clamp_similarity(value: float) -> float:
    """A cosine as a similarity in [0, 1]; NaN (a zero vector) counts as 0."""
    return 0.0 if math.isnan(value) else min(1.0, max(0.0, value))


@dataclass(frozen=True)
class Precedent:
    reference: str
    label: str
    authority: str | None
    date: date | None
    year: int | None
    question: str
    answer: str
    treatments: tuple[Treatment, ...]
    exemptions: tuple[str, ...]
    pointers: tuple[Pointer, ...]
    ncnd: tuple[str, ...] = ()
    regime: str | None = None  # FOIA | EIR | FOISA: FOISA numbers its sections differently
    confidence: float = (
        1.0  # how surely the reader read this answer (Question.confidence; 1.0 once corrected)
    )
    score: float = 0.0  # fused retrieval score (rank-based; only comparable within one search)
    similarity: float = 0.0  # cosine similarity of the question embeddings, 0..1 (comparable across searches)
    text: str = ""  # the chunk text that matched
    chunk_id: str = ""
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def pointer_keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.pointers)

    @classmethod
    def from_question(cls, letter: Letter, q: Question, **kw) -> Precedent:
        newer = superseded_by(letter.meta)
        if newer:  # the letter that supersedes this one (see letters.versions): it counts less as precedent
            kw["meta"] = {**kw.get("meta", {}), SUPERSEDED_BY: newer}
        return cls(
            reference=letter.reference,
            label=q.label,
            authority=letter.authority,
            date=letter.date,
            year=letter.year,
            question=q.text,
            answer=q.answer,
            treatments=q.treatments,
            exemptions=q.exemptions,
            pointers=q.pointers,
            ncnd=q.ncnd,
            regime=letter.regime.value if letter.regime else None,
            confidence=q.confidence,
            **kw,
        )

    @classmethod
    def from_hit(
        cls,
        letter: Letter,
        label: str,
        *,
        score: float,
        chunk_similarity: float,
        question_similarity: float | None,
        text: str,
        chunk_id: str,
        dense_rank: int | None,
        lexical_rank: int | None,
    ) -> Precedent | None:
        """A retrieved chunk as a precedent, the same way for a live search and the batch re-check (None when
        the letter no longer has that question). ``similarity`` is question to question where the past
        question's own vector is known, else the chunk's cosine."""
        try:
            question = letter.question(label)
        except KeyError:
            return None
        chunk_sim = clamp_similarity(chunk_similarity)
        sim = chunk_sim if question_similarity is None else clamp_similarity(question_similarity)
        return cls.from_question(
            letter,
            question,
            score=score,
            similarity=sim,
            text=text,
            chunk_id=chunk_id,
            meta={
                "dense_rank": dense_rank,
                "lexical_rank": lexical_rank,
                "chunk_similarity": round(chunk_sim, 4),
            },
        )

    def to_dict(self) -> dict:
        """The hit shape of ``precedent search --json`` (a public interface)."""
        return {
            "reference": self.reference,
            "label": self.label,
            "score": round(self.score, 6),
            "similarity": round(self.similarity, 4),
            "authority": self.authority,
            "date": self.date.isoformat() if self.date else None,
            "treatments": [t.value for t in self.treatments],
            "exemptions": list(self.exemptions),
            "ncnd": list(self.ncnd),
            "pointers": [p.name for p in self.pointers],
            "confidence": self.confidence,
            "question": self.question,
            "answer": self.answer,
            "text": self.text,
            "superseded_by": superseded_by(self.meta),
        }
