"""The letter model: what an FOI response letter says, question by question.

Pure data. No I/O, no third-party imports: the parser builds these, everything else reads them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum


class Treatment(StrEnum):
    DISCLOSED = "disclosed"
    PARTLY_DISCLOSED = "partly_disclosed"
    WITHHELD = "withheld"
    NCND = "ncnd"
    NOT_HELD = "not_held"
    PUBLIC_DOMAIN = "public_domain"
    COST_LIMIT = "cost_limit"
    VEXATIOUS = "vexatious"
    OTHER = "other"


# The treatment vocabulary, defined once: the order a letter lists treatments in, and their families.
TREATMENT_ORDER = (
    Treatment.PUBLIC_DOMAIN,
    Treatment.DISCLOSED,
    Treatment.PARTLY_DISCLOSED,
    Treatment.WITHHELD,
    Treatment.NCND,
    Treatment.NOT_HELD,
    Treatment.COST_LIMIT,
    Treatment.VEXATIOUS,
    Treatment.OTHER,
)
# The confidence of a reading the rules read from the question's own answer (0.9, or 0.75 with several treatments):
# what a divergence flag may rest on (``consistency.consensus.FLAG_CONFIDENCE``). Below it: a decision read from the
# response as a whole (0.6), a reading disputed by the learned reader (0.5), a guess (0.4), no treatment found (0.2).
CONFIDENT = 0.75
WITHHOLDING = frozenset(
    {Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED, Treatment.NCND}
)  # rest on an exemption
REFUSING = WITHHOLDING | {
    Treatment.COST_LIMIT,
    Treatment.VEXATIOUS,
}  # need a refusal notice and a cited section
RELEASING = frozenset({Treatment.DISCLOSED, Treatment.PUBLIC_DOMAIN})  # the requester gets the information


def in_order(treatments) -> list[Treatment]:
    """Treatments in the order a letter lists them (public domain first, other last)."""
    present = set(treatments)
    return [t for t in TREATMENT_ORDER if t in present]


class Regime(StrEnum):
    FOIA = "FOIA"
    EIR = "EIR"
    FOISA = "FOISA"
    EISR = "EISR"  # the Environmental Information (Scotland) Regulations 2004: a Scottish authority's EIR


_DOMAIN_SUFFIX = re.compile(r"\s*\((?:[\w-]+\.)+[a-z]{2,}\)\s*$", re.I)
_SITE_SUFFIX = re.compile(r"\s*\|\s*[^|]+$")


def pointer_key(name: str) -> str:
    """Comparable form of a resource name: 'MPS Overt LFR Policy Document.pdf(met.police.uk)'
    and 'MPS overt LFR policy document' are the same resource."""
    text = _DOMAIN_SUFFIX.sub("", name.strip())
    text = _SITE_SUFFIX.sub("", text)
    text = re.sub(r"\.(pdf|docx?|xlsx?|csv|html?)\b", "", text, flags=re.I)
    text = re.sub(r"\(\s*[A-Z]{2,6}\s*\)", "", text)  # "(EIA )"
    text = re.sub(r"[^\w]+", " ", text.lower())
    text = re.sub(r"^(the|our|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def label_key(label: str) -> str:
    """'Question 3', 'Q3', '3.' -> '3'; 'Q1a' -> '1a' (the family word is dropped)."""
    m = re.search(r"(\d{1,2})\s*\(?([a-z])?\)?\s*$", label.strip().rstrip(".:)").lower())
    return (m.group(1) + (m.group(2) or "")) if m else label.strip().lower()


def plain_words(text: str) -> list[str]:
    """A text's words, lower case, letters and digits only: what texts are compared by, whatever their punctuation."""
    return re.findall(r"[a-z0-9]+", text.lower())


def opening_share(opening: str, text: str) -> float:
    """How much of ``opening`` (a question's first words, as a person wrote them down) opens ``text``: the share of
    its first eight words found among the first words of ``text`` (a few more, for words the reader keeps or drops
    around them). Used to tell a question the reader found from a labelled or reviewed one."""
    want = plain_words(opening)[:8]
    if not want:
        return 0.0
    got = set(plain_words(text)[: len(want) + 6])
    return sum(1 for w in want if w in got) / len(want)


@dataclass(frozen=True)
class Pointer:
    """A published resource the letter points the requester to (Section 16 / Section 21)."""

    name: str
    url: str | None = None
    link_removed: bool = False

    @property
    def key(self) -> str:
        return pointer_key(self.name)


@dataclass(frozen=True)
class Question:
    label: str
    text: str
    answer: str
    treatments: tuple[Treatment, ...] = ()
    exemptions: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] = ()
    ncnd: tuple[str, ...] = ()
    # How the treatments were read: the passage they rest on, how sure the reader is (0-1), and, when a
    # person should check the reading, why (``other`` always says why). Not compared: a reading, not a fact.
    evidence: str = field(default="", compare=False)
    confidence: float = field(default=1.0, compare=False)
    review: str | None = field(default=None, compare=False)
    # whether they were read from an answer of the question's own, not from a response read for several questions
    own_answer: bool = field(default=False, compare=False, repr=False)

    @property
    def pointer_keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.pointers)


@dataclass(frozen=True)
class Letter:
    reference: str
    authority: str | None
    date: date | None
    regime: Regime
    questions: tuple[Question, ...]
    exemptions: tuple[str, ...] = ()
    ncnd: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] = ()
    refusal_notice: bool = False
    harm_statement: bool = False
    public_interest_test: bool = False
    complaint_rights: bool = False
    received: dt.date | None = None  # when the request was received, where the letter says
    extension_notice: bool = False  # the letter says the deadline was extended (FOIA s10(3), EIR reg 7)
    title: str | None = None
    source: str | None = None
    licence: str | None = None
    text: str = field(default="", repr=False)
    meta: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def needs_review(self) -> bool:
        """Some question was read with low confidence: a person should check it before it counts."""
        return any(q.review for q in self.questions)

    @property
    def undecided(self) -> bool:
        """Read with no decision found in it: every question `other`, marked so for a person to read
        (``decision.NO_DECISION``); a reply the reader could not read rather than refused."""
        from foi_precedent.letters.decision import NO_DECISION  # (decision reads this module)

        return bool(self.questions) and all(q.review == f"other: {NO_DECISION}" for q in self.questions)

    @property
    def year(self) -> int | None:
        """The letter's year: its date, else the year in an MPS-style reference (01.FOI.24.x)."""
        if self.date:
            return self.date.year
        m = re.search(r"\bFOI[./](\d{2})[./]", self.reference or "")
        return 2000 + int(m.group(1)) if m else None

    def question(self, label: str) -> Question:
        """By label as written ('Question 3'), or loosely ('Q3', '3') when that is unambiguous."""
        for q in self.questions:
            if q.label.lower() == label.lower():
                return q
        loose = [q for q in self.questions if label_key(q.label) == label_key(label)]
        if len(loose) == 1:
            return loose[0]
        raise KeyError(label)

    def to_dict(self) -> dict:
        """The JSON shape printed by ``precedent parse --json`` (a public interface)."""
        return {
            "reference": self.reference,
            "authority": self.authority,
            "date": self.date.isoformat() if self.date else None,
            "regime": self.regime.value,
            "title": self.title,
            "source": self.source,
            "licence": self.licence,
            "exemptions": list(self.exemptions),
            "ncnd": list(self.ncnd),
            "pointers": [p.name for p in self.pointers],
            "pointer_details": [asdict(p) for p in self.pointers],
            "refusal_notice": self.refusal_notice,
            "harm_statement": self.harm_statement,
            "public_interest_test": self.public_interest_test,
            "complaint_rights": self.complaint_rights,
            "needs_review": self.needs_review,
            "no_decision": self.undecided,
            "received": self.received.isoformat() if self.received else None,
            "extension_notice": self.extension_notice,
            "questions": [
                {
                    "label": q.label,
                    "text": q.text,
                    "answer": q.answer,
                    "treatments": [t.value for t in q.treatments],
                    "exemptions": list(q.exemptions),
                    "ncnd": list(q.ncnd),
                    "pointers": [p.name for p in q.pointers],
                    "pointer_details": [asdict(p) for p in q.pointers],
                    "evidence": q.evidence,
                    "confidence": q.confidence,
                    "review": q.review,
                }
                for q in self.questions
            ],
            "content_hash": self.content_hash,
        }


def letter_from_dict(d: dict) -> Letter:
    """Inverse of ``Letter.to_dict`` (plus ``text``): how the index stores letters."""

    def pointers(items):
        return tuple(Pointer(**p) for p in items)

    return Letter(
        reference=d["reference"],
        authority=d.get("authority"),
        date=date.fromisoformat(d["date"]) if d.get("date") else None,
        regime=Regime(d.get("regime") or "FOIA"),
        questions=tuple(
            Question(
                label=q["label"],
                text=q["text"],
                answer=q["answer"],
                treatments=tuple(Treatment(t) for t in q["treatments"]),
                exemptions=tuple(q["exemptions"]),
                pointers=pointers(q.get("pointer_details", [])),
                ncnd=tuple(q.get("ncnd", [])),
                evidence=q.get("evidence", ""),
                confidence=q.get("confidence", 1.0),
                review=q.get("review"),
            )
            for q in d["questions"]
        ),
        exemptions=tuple(d.get("exemptions", [])),
        ncnd=tuple(d.get("ncnd", [])),
        pointers=pointers(d.get("pointer_details", [])),
        refusal_notice=d.get("refusal_notice", False),
        harm_statement=d.get("harm_statement", False),
        public_interest_test=d.get("public_interest_test", False),
        complaint_rights=d.get("complaint_rights", False),
        received=date.fromisoformat(d["received"]) if d.get("received") else None,
        extension_notice=d.get("extension_notice", False),
        title=d.get("title"),
        source=d.get("source"),
        licence=d.get("licence"),
        text=d.get("text", ""),
        meta=d.get("meta", {}),
    )
