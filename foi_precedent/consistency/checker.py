"""The consistency checker: a draft (and optionally its request) against the precedent index.

Uses no model for its verdicts: the same draft and index give the same flags, and instructions
hidden in a request or draft are just text to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from foi_precedent.consistency.consensus import (
    FLAG_CONFIDENCE,
    FLAG_SIMILARITY,
    Consensus,
    build_consensus,
)
from foi_precedent.consistency.flags import (
    SEVERITIES,
    Flag,
    divergence_flags,
    statutory_flags,
    unknown_pointer_flags,
)
from foi_precedent.consistency.search import find_precedents
from foi_precedent.letters.answers import disputed
from foi_precedent.letters.model import Letter
from foi_precedent.ports import PrecedentSearch

DEFAULT_K = 8


@dataclass(frozen=True)
class CheckResult:
    letter: Letter
    flags: tuple[Flag, ...]
    questions: tuple[Consensus, ...]
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON of ``precedent check --json`` (a public interface)."""
        return {
            "reference": self.letter.reference,
            "flags": [f.to_dict() for f in self.flags],
            "questions": [c.to_dict() for c in self.questions],
            "summary": self.summary(),
        }

    def summary(self) -> dict:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.flags:
            counts[f.severity] += 1
        return {"flags": len(self.flags), **counts}

    def has(self, severity: str) -> bool:
        """True if a flag of this severity or worse exists."""
        limit = SEVERITIES.index(severity)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.flags)

    def flags_for(self, label: str) -> list[Flag]:
        return [f for f in self.flags if f.label == label]


def question_queries(letter: Letter, request: Letter | None = None) -> list[str]:
    """The text to look precedent up by: the request's wording when given, else the draft's restated question."""
    asked = {q.label.lower(): q.text for q in request.questions} if request else {}
    ordered = [q.text for q in request.questions] if request else []
    out = []
    for i, q in enumerate(letter.questions):
        text = asked.get(q.label.lower()) or (ordered[i] if i < len(ordered) else "") or q.text or q.answer
        out.append(text)
    return out


def consensus_for(
    letter: Letter,
    index: PrecedentSearch,
    authority: str | None = None,
    request: Letter | None = None,
    k: int = DEFAULT_K,
    exclude_references: set[str] | None = None,
) -> list[Consensus]:
    authority = authority or letter.authority
    exclude = set(exclude_references or ()) | {letter.reference}
    queries = question_queries(letter, request)
    hits = find_precedents(index, queries, k, authority, tuple(exclude))
    hits = [[p for p in h if p.confidence >= FLAG_CONFIDENCE] for h in hits]
    regime = letter.regime.value if letter.regime else None
    return [
        build_consensus(
            q.label,
            text,
            h,
            authority=authority,
            exclude_references=exclude,
            regime=regime,
            min_similarity=FLAG_SIMILARITY,
        )
        for q, text, h in zip(letter.questions, queries, hits, strict=True)
    ]


def check_letter(
    letter: Letter,
    index: PrecedentSearch,
    authority: str | None = None,
    request: Letter | None = None,
    k: int = DEFAULT_K,
    exclude_references: set[str] | None = None,
) -> CheckResult:
    consensus = consensus_for(letter, index, authority, request, k, exclude_references)
    flags: list[Flag] = []
    order = {q.label: i for i, q in enumerate(letter.questions)}
    for q, c in zip(letter.questions, consensus, strict=True):
        # a reading marked for review is no ground for a divergence; one the rules read with confidence and only the
        # learned reader disputes still is, on the letter being checked (a flag there is put to its author, with the
        # question's review note beside it; as precedent it is not used)
        if q.confidence >= FLAG_CONFIDENCE or disputed(q.review):
            flags.extend(divergence_flags(q, c))
    flags.extend(unknown_pointer_flags(letter, index.known_pointer_keys()))
    flags.extend(statutory_flags(letter))
    flags.sort(key=lambda f: (order.get(f.label, len(order)), f.sort_key))
    return CheckResult(letter=letter, flags=tuple(flags), questions=tuple(consensus))
