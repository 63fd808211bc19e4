"""Reading corrections: an FOI officer's word on how one question of a stored letter was answered.

The letter reader misreads some letters, and a misread letter is false precedent for every later draft and
check. A ``Correction`` says, for one question (reference + label as the letter writes it), which treatments,
exemptions and NCND provisions (and, optionally, pointers) are right, who said so, when and why.
``apply_corrections`` gives the corrected reading: the latest correction of each question is in force, the
question's ``review`` is cleared, and the letter's ``meta`` keeps who corrected it and the reading it replaced.
A correction whose question no longer exists (a newer reader splits the letter otherwise) is reported in the
letter's ``meta``, never applied to another question.

Pure: the store (``retriever/store.py``) keeps corrections append-only and applies them as it reads letters,
so a correction survives re-ingesting the letter and takes effect without re-embedding anything.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foi_precedent.errors import PrecedentError
from foi_precedent.identity import DRAFTER, REVIEWER
from foi_precedent.letters.exemptions import normalise_exemptions
from foi_precedent.letters.model import Letter, Pointer, Question, Treatment, in_order

#: ``Letter.meta`` keys the corrected reading carries
CORRECTED = "corrected"  # label -> who corrected it, when, why, and the reading it replaced
ORPHANED = "orphaned_corrections"  # corrections in force whose label the letter no longer has


#: the roles that may correct a reading
CORRECTORS = frozenset({DRAFTER, REVIEWER})


class CorrectionError(PrecedentError):
    """A correction that cannot be recorded (a bad treatment or exemption, no reason, an unknown question)."""


@dataclass(frozen=True)
class Correction:
    reference: str
    label: str
    treatments: tuple[Treatment, ...]
    exemptions: tuple[str, ...] = ()
    ncnd: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] | None = None  # None: the reading's pointers stand
    officer: str = ""
    at: str = ""  # ISO timestamp, UTC
    reason: str = ""
    id: int | None = None  # the store's row id (its order breaks ties between equal timestamps)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "reference": self.reference,
            "label": self.label,
            "treatments": [t.value for t in self.treatments],
            "exemptions": list(self.exemptions),
            "ncnd": list(self.ncnd),
            "pointers": None if self.pointers is None else [dataclasses.asdict(p) for p in self.pointers],
            "officer": self.officer,
            "at": self.at,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Correction:
        pointers = d.get("pointers")
        return cls(
            reference=d["reference"],
            label=d["label"],
            treatments=tuple(Treatment(t) for t in d["treatments"]),
            exemptions=tuple(d.get("exemptions") or ()),
            ncnd=tuple(d.get("ncnd") or ()),
            pointers=None if pointers is None else tuple(Pointer(**p) for p in pointers),
            officer=d.get("officer") or "",
            at=d.get("at") or "",
            reason=d.get("reason") or "",
            id=d.get("id"),
        )


def _items(values: str | Iterable[str] | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = values.split(",")
    return [v.strip() for v in values if v and v.strip()]


def parse_treatments(values: str | Iterable[str] | None) -> tuple[Treatment, ...]:
    """'withheld, partly disclosed' -> (PARTLY_DISCLOSED, WITHHELD), in the order a letter lists them."""
    out = []
    for raw in _items(values):
        value = re.sub(r"[\s-]+", "_", raw.lower())
        try:
            out.append(Treatment(value))
        except ValueError:
            known = ", ".join(t.value for t in Treatment)
            raise CorrectionError(f"{raw!r} is not a treatment (use one or more of: {known}).") from None
    if not out:
        raise CorrectionError("A correction needs at least one treatment.")
    return tuple(in_order(out))


def parse_provisions(values: str | Iterable[str] | None, what: str = "exemption") -> tuple[str, ...]:
    """Citations normalised as the reader normalises them ('Section 31(1)(a)&(b)' -> s31(1)(a), s31(1)(b))."""
    out: dict[str, None] = {}
    for raw in _items(values):
        found = normalise_exemptions(raw if re.match(r"(?i)\s*(s|sec|section|reg)", raw) else "s" + raw)
        if not found:
            raise CorrectionError(
                f"{raw!r} is not an {what} this product knows (write it as s31(1)(a), s40(2) or reg12(4)(a))."
            )
        out.update(dict.fromkeys(found))
    return tuple(out)


def make_correction(
    reference: str,
    label: str,
    *,
    treatments: str | Iterable[str],
    exemptions: str | Iterable[str] | None = None,
    ncnd: str | Iterable[str] | None = None,
    pointers: Sequence[Pointer] | None = None,
    officer: str,
    at: str,
    reason: str,
) -> Correction:
    """A validated correction, or a ``CorrectionError`` saying what is wrong (the CLI and the app both use this)."""
    if not (reason or "").strip():
        raise CorrectionError("A correction needs a reason (what the letter says that the reader missed).")
    if not (officer or "").strip():
        raise CorrectionError("A correction needs the name of the officer making it.")
    return Correction(
        reference=reference,
        label=label,
        treatments=parse_treatments(treatments),
        exemptions=parse_provisions(exemptions),
        ncnd=parse_provisions(ncnd, "NCND provision"),
        pointers=tuple(pointers) if pointers is not None else None,
        officer=officer.strip(),
        at=at,
        reason=reason.strip(),
    )


def may_correct(officer: str, roles: Iterable[str]) -> None:
    """Drafters and reviewers correct readings; anyone else is refused (the app hides the form, the store
    refuses the write)."""
    if not CORRECTORS & set(roles):
        raise CorrectionError(
            f"{officer or 'This user'} may not correct a reading: only a drafter or a reviewer may "
            "(PRECEDENT_DRAFTERS, PRECEDENT_REVIEWERS)."
        )


def in_force(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """The latest correction of each (reference, label): by time, then by the order stored."""
    ordered = sorted(
        enumerate(corrections), key=lambda ic: (ic[1].at, ic[1].id if ic[1].id is not None else -1, ic[0])
    )
    return {(c.reference, c.label): c for _, c in ordered}


def reading(q: Question) -> dict:
    """How a question was read, as a correction's note and the audit log keep it."""
    return {
        "treatments": [t.value for t in q.treatments],
        "exemptions": list(q.exemptions),
        "ncnd": list(q.ncnd),
        "pointers": [p.name for p in q.pointers],
        "review": q.review,
        "confidence": q.confidence,
    }


def corrected(q: Question, c: Correction) -> Question:
    """The question as the correction reads it: an officer's word, so nothing is left to review."""
    return dataclasses.replace(
        q,
        treatments=c.treatments,
        exemptions=c.exemptions,
        ncnd=c.ncnd,
        pointers=q.pointers if c.pointers is None else c.pointers,
        confidence=1.0,
        review=None,
    )


def apply_corrections(letter: Letter, corrections: Iterable[Correction]) -> Letter:
    """The letter as its officers corrected it (the letter itself when no correction is about it). Only the
    corrections given decide its notes: a file's front matter cannot say it was corrected."""
    mine = {label: c for (ref, label), c in in_force(corrections).items() if ref == letter.reference}
    if not mine and not {CORRECTED, ORPHANED} & set(letter.meta or {}):
        return letter
    labels = {q.label for q in letter.questions}
    questions = []
    notes: dict[str, dict] = {}
    for q in letter.questions:
        c = mine.get(q.label)
        if c is None:
            questions.append(q)
            continue
        notes[q.label] = {
            "officer": c.officer,
            "at": c.at,
            "reason": c.reason,
            "id": c.id,
            "original": reading(q),
        }
        questions.append(corrected(q, c))
    meta = dict(letter.meta or {})
    meta.pop(CORRECTED, None)
    meta.pop(ORPHANED, None)
    if notes:
        meta[CORRECTED] = notes
    orphans = [c.to_dict() for label, c in sorted(mine.items()) if label not in labels]
    if orphans:
        meta[ORPHANED] = orphans
    return dataclasses.replace(letter, questions=tuple(questions), meta=meta)


def correction_note(letter: Letter, label: str) -> dict | None:
    """Who corrected this question, when, why, and the reading it replaced (None: not corrected)."""
    return ((letter.meta or {}).get(CORRECTED) or {}).get(label)


def orphaned(letter: Letter) -> list[Correction]:
    """Corrections in force on this letter whose question it no longer has (reported, not applied)."""
    return [Correction.from_dict(d) for d in (letter.meta or {}).get(ORPHANED) or []]
