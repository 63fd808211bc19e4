"""Precedent consensus: how past letters treated one kind of question.

A pure function over retrieved precedents, shared by checking, drafting, re-checking and evals.
Precedents from the same authority and more recent ones weigh more, superseded ones and readings marked for review
less; the letter being checked never counts as its own precedent; one letter counts once (its best-matching
question).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from foi_precedent.letters.model import CONFIDENT, REFUSING, WITHHOLDING, Pointer, Treatment
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.versions import superseded_by

MIN_SIMILARITY = (
    0.5  # cosine similarity of MiniLM question embeddings below which a past answer is not a precedent
)
# An inconsistency is claimed only against past answers at least this similar (the checker's floor; drafting
# plans from MIN_SIMILARITY up, where a related question is still a useful guide). On the shipped corpus every
# deliberate inconsistency rests on precedent at 0.73-0.96, and every flag that rested only on precedent below
# 0.7 compared different questions on one topic ("stop and searches of children" against "officer numbers").
FLAG_SIMILARITY = 0.7
# ... and only against answers the reader read from the question's own answer (confidence 0.9, or 0.75 with
# several treatments): a decision read from the response as a whole and given to every question (0.6), a guess
# (0.4) or no treatment found (0.2) is marked for review, and a flag resting on it would be the reader's mistake
# as often as the letter's (the real letters' re-check: an MPS NCND about drones seized in terrorism cases, read
# from the whole reply onto every question, made six of nine false flags). The same holds for the checked letter's
# own answers, save one only the learned reader disputes (``checker.check_letter``). An officer's correction makes a
# reading certain (1.0).
FLAG_CONFIDENCE = CONFIDENT
# A plan still learns from a reading marked for review, at this fraction of its weight (weights multiply): where
# confident readings and guessed ones disagree, the confident ones decide. The checker counts no such reading.
GUESSED_WEIGHT = 0.5
RELATIVE_WINDOW = 0.2  # ... and those further than this below the best match are not counted either
SIMILARITY_SCALE = 0.05
OTHER_AUTHORITY_WEIGHT = 0.5
RECENCY_DECAY = 0.85  # weight multiplier per year older than the newest counted precedent
MAJORITY = 0.5
# A letter the user marked superseded (a re-issue or an internal review replaced it) is kept and still counts,
# at this fraction of its weight: the answer that replaced it is the authority's position.
SUPERSEDED_WEIGHT = 0.25
STRONG_SIMILARITY = 0.8

REFUSALS = WITHHOLDING
CITING = REFUSING  # treatments that rest on a cited section


@dataclass(frozen=True)
class Weighted:
    precedent: Precedent
    weight: float


@dataclass(frozen=True)
class Consensus:
    label: str
    question: str
    counted: tuple[Weighted, ...] = ()
    treatments: tuple[Treatment, ...] = ()  # the majority treatment set
    treatment_shares: dict = field(default_factory=dict)  # treatment value -> weighted share
    exemptions: tuple[str, ...] = ()  # relied on by the majority of refusing precedents
    exemption_shares: dict = field(default_factory=dict)
    ncnd: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] = ()  # given by the majority of precedents that point anywhere
    pointer_shares: dict = field(default_factory=dict)  # pointer key -> weighted share
    other_pointers: tuple[
        Pointer, ...
    ] = ()  # what other authorities' precedents pointed to (their publications)
    agreement: float = 0.0  # weighted share of counted precedents with the majority treatment set
    confidence: str = "none"  # high | medium | low | none
    authority: str | None = None  # the authority the question is asked of (its precedents weigh more)
    regime: str | None = None  # the checked letter's or the reply's regime (section numbers follow it)

    @property
    def precedents(self) -> list[Precedent]:
        return [w.precedent for w in self.counted]

    @property
    def support(self) -> int:
        return len(self.counted)

    @property
    def agreeing(self) -> list[Precedent]:
        """The precedents that gave the majority answer; those numbering sections as this letter does first (a
        Scottish reply quotes a FOISA letter before an English one)."""
        same = [p for p in self.precedents if frozenset(p.treatments) == frozenset(self.treatments)]
        return sorted(same, key=lambda p: not same_numbering(p.regime, self.regime))

    @property
    def dissenting(self) -> list[Precedent]:
        return [p for p in self.precedents if frozenset(p.treatments) != frozenset(self.treatments)]

    @property
    def status(self) -> str:
        """'none' (no precedent), 'thin' (one), 'split' (no clear majority) or 'settled'."""
        if not self.counted:
            return "none"
        if self.support < 2:
            return "thin"
        if self.agreement < 0.6:
            return "split"
        return "settled"

    @property
    def guessed(self) -> list[Precedent]:
        """The counted precedents whose reading is marked for review (see ``is_guess``)."""
        return [p for p in self.precedents if is_guess(p)]

    @property
    def rests_on_guesses(self) -> bool:
        """Every precedent that gave the majority answer is a reading marked for review: the answer is a guess."""
        agreeing = self.agreeing
        return bool(agreeing) and all(is_guess(p) for p in agreeing)

    @property
    def strong_single(self) -> bool:
        """One precedent, but the same authority answering a near-identical question: that still binds."""
        return self.support == 1 and _strong(self.counted[0].precedent, self.authority)

    @property
    def answered_elsewhere(self) -> bool:
        """The answer is one only the answering body can give (``OWN_FACTS``) and, with the authority named, only other
        bodies gave it (``answered_elsewhere``)."""
        return answered_elsewhere(self.treatments, self.agreeing, self.authority)

    @property
    def latest(self):
        dates = [p.date for p in self.precedents if p.date]
        return max(dates) if dates else None

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "question": self.question,
            "status": self.status,
            "confidence": self.confidence,
            "support": self.support,
            "agreement": round(self.agreement, 3),
            "treatments": [t.value for t in self.treatments],
            "treatment_shares": {k: round(v, 3) for k, v in self.treatment_shares.items()},
            "exemptions": list(self.exemptions),
            "ncnd": list(self.ncnd),
            "pointers": [p.name for p in self.pointers],
            "other_authorities_pointers": [p.name for p in self.other_pointers],
            "latest": self.latest.isoformat() if self.latest else None,
            "precedents": [
                {
                    "reference": w.precedent.reference,
                    "label": w.precedent.label,
                    "authority": w.precedent.authority,
                    "date": w.precedent.date.isoformat() if w.precedent.date else None,
                    "similarity": round(w.precedent.similarity, 3),
                    "weight": round(w.weight, 3),
                    "treatments": [t.value for t in w.precedent.treatments],
                    "exemptions": list(w.precedent.exemptions),
                    "pointers": [p.name for p in w.precedent.pointers],
                    "agrees": frozenset(w.precedent.treatments) == frozenset(self.treatments),
                    "superseded_by": superseded_by(w.precedent.meta),
                }
                for w in self.counted
            ],
            "dissenting": [p.reference for p in self.dissenting],
        }


def answered(p: Precedent) -> bool:
    """Whether a past question shows an answer to learn from. One with no answer text that was read as nothing
    else (a stored copy cut off before its answer, a question the letter never answered) says nothing about how
    the question is treated: counted, it would be a precedent for "other". Nor does one that only says the question
    does not apply to its authority (``inapplicable``)."""
    if inapplicable(p.answer):
        return False
    return bool(p.answer.strip()) or not set(p.treatments) <= {Treatment.OTHER}


# "N/A", "2. - 7. N/A", "Not applicable.", "N/A - no robotics used within Trust at this time": the question does not
# apply to this authority (it has no cameras, runs no such service), which labels and reader read as the answer given
_INAPPLICABLE = re.compile(
    r"^[\s\-\u2013\u2014:.()\d]*(?:n\s?/\s?a|not\s+applicable)\b[^\d]{0,80}$", re.I | re.S
)


def inapplicable(answer: str) -> bool:
    """Whether an answer only says the question does not apply to the authority (its labels and list numbers aside,
    with at most a short reason and no figure): a fact about that authority, like "not held", which says nothing of
    how another authority that has the thing should treat it."""
    return bool(_INAPPLICABLE.match(answer.strip()))


# Answers that rest on the answering body's own records, publications or judgement: what it holds ("not held"),
# what it has published (a pointer), the harm, public interest or cost of compliance it weighs (a refusal). On the
# real letters, each planned from the rest of the shipped corpus (``precedent eval real_plans``), such an answer
# drafted from other authorities' letters alone was the letter's own answer on few questions: withheld 0.14, cost
# 0.09, NCND 0.08, partly disclosed 0.05, 'not held' 0.09, a pointer 0.05 (refusals 0.05 even at similarity 0.9 and
# over: one request sent to many bodies, refused by some, answered by others); refusals from the authority's own
# letters 0.50 to 0.58 (61 questions). "Disclosed" was 0.54 from either.
OWN_FACTS = REFUSING | {Treatment.NOT_HELD, Treatment.PUBLIC_DOMAIN}


def answered_elsewhere(treatments, agreeing: list[Precedent], authority: str | None) -> bool:
    """Whether an answer only the answering body can give (``OWN_FACTS``) was given, of the precedents that agree on
    it, only by other bodies than the named ``authority`` (never true with no authority named: nothing tells them
    apart; see ``has_own`` for a precedent of unknown authority)."""
    if not authority or not OWN_FACTS & set(treatments):
        return False
    return not has_own(agreeing, authority)


def has_own(precedents, authority: str | None) -> bool:
    """Whether any of ``precedents`` is the named ``authority``'s own. One whose authority is unknown counts as its own,
    as it does everywhere else (``same_authority``: its weight, its pointers): every letter of the shipped corpus
    names its authority, so such a precedent is a team's own letter the reader found no name in, and "only other
    authorities answered so" cannot be said of it. The one rule for the checker's twins (an s22 refusal, small-number
    suppression, an authority fact) and for drafting's ``answered_elsewhere``."""
    return bool(authority) and any(same_authority(p, authority) for p in precedents)


def is_guess(p: Precedent) -> bool:
    """Whether a past answer was read with less confidence than a flag needs (marked for review)."""
    return p.confidence < FLAG_CONFIDENCE


def select_precedents(
    hits: list[Precedent],
    authority: str | None = None,
    exclude_references: frozenset[str] | set[str] = frozenset(),
    min_similarity: float = MIN_SIMILARITY,
) -> list[Weighted]:
    """Keep the hits similar enough to count, one per letter, and weigh them."""
    best_per_letter: dict[str, Precedent] = {}
    for p in hits:
        if p.reference in exclude_references or not answered(p):
            continue
        cur = best_per_letter.get(p.reference)
        if cur is None or (p.similarity, -_label_order(p)) > (cur.similarity, -_label_order(cur)):
            best_per_letter[p.reference] = p
    candidates = sorted(best_per_letter.values(), key=lambda p: (-p.similarity, p.reference, p.label))
    if not candidates:
        return []
    floor = max(min_similarity, candidates[0].similarity - RELATIVE_WINDOW)
    kept = [p for p in candidates if p.similarity >= floor]
    if not kept:
        return []
    newest = max((p.year or 0) for p in kept)
    best = kept[0].similarity
    out = []
    for p in kept:
        # The closest past questions count most: a step of SIMILARITY_SCALE below the best match costs a factor e.
        w = math.exp((p.similarity - best) / SIMILARITY_SCALE)
        if not same_authority(p, authority):
            w *= OTHER_AUTHORITY_WEIGHT
        if p.year and newest:
            w *= RECENCY_DECAY ** max(0, newest - p.year)
        if superseded_by(p.meta):
            w *= SUPERSEDED_WEIGHT
        if is_guess(p):
            w *= GUESSED_WEIGHT
        out.append(Weighted(p, w))
    return out


#: how each regime numbers its provisions: the EIR with FOIA (a FOIA/EIR difference shows as a different citation,
#: which it is); FOISA its own sections; the Scottish EIRs their own regulations (reg10(4)(a) is not the EIR's
#: reg12(4)(a), and the EIR's reg 10 is a transfer), so an EISR letter is compared only with EISR letters
_NUMBERING = {"FOIA": "FOIA", "EIR": "FOIA", "FOISA": "FOISA", "EISR": "EISR"}


def same_numbering(a: str | None, b: str | None) -> bool:
    """Whether two letters' section numbers mean the same exemptions: FOISA's do not match FOIA's, nor the
    Scottish EIRs' regulations the EIR's."""
    return not a or not b or _NUMBERING.get(a, a) == _NUMBERING.get(b, b)


def same_authority(p: Precedent, authority: str | None) -> bool:
    """True when ``p`` is from ``authority``, or either is unknown (then nothing tells them apart)."""
    return not authority or not p.authority or p.authority.lower() == authority.lower()


def _strong(p: Precedent, authority: str | None) -> bool:
    if not authority:
        return False
    return (p.authority or "").lower() == authority.lower() and p.similarity >= STRONG_SIMILARITY


def _label_order(p: Precedent) -> int:
    return len(p.label)


def build_consensus(
    label: str,
    question: str,
    hits: list[Precedent],
    authority: str | None = None,
    exclude_references: frozenset[str] | set[str] = frozenset(),
    min_similarity: float = MIN_SIMILARITY,
    regime: str | None = None,
) -> Consensus:
    """``regime`` is the checked letter's (FOIA, EIR, FOISA): section numbers are compared only between letters
    that number them the same way (FOISA's s38 is personal data, FOIA's s38 health and safety)."""
    counted = select_precedents(hits, authority, exclude_references, min_similarity)
    return weigh_consensus(label, question, counted, authority=authority, regime=regime)


def weigh_consensus(
    label: str,
    question: str,
    counted: Sequence[Weighted],
    authority: str | None = None,
    regime: str | None = None,
) -> Consensus:
    """The consensus of precedents already chosen and weighed (``select_precedents``): the checker weighs them
    again when it reads one of their answers otherwise (an NCND of 'any other information' set aside)."""
    if not counted:
        return Consensus(label=label, question=question, authority=authority)
    total = sum(w.weight for w in counted)

    by_set: dict[frozenset, float] = defaultdict(float)
    shares: dict[str, float] = defaultdict(float)
    for w in counted:
        by_set[frozenset(w.precedent.treatments)] += w.weight
        for t in w.precedent.treatments:
            shares[t.value] += w.weight / total
    # Majority treatment set; ties go to the set held by the most recent precedent, then by name.
    newest_of = {
        s: max(
            (w.precedent.date.toordinal() if w.precedent.date else 0)
            for w in counted
            if frozenset(w.precedent.treatments) == s
        )
        for s in by_set
    }
    majority_set = max(by_set, key=lambda s: (round(by_set[s], 9), newest_of[s], sorted(t.value for t in s)))
    agreement = by_set[majority_set] / total
    order = [t for t in Treatment if t in majority_set]

    # The sections relied on by the precedents that gave the majority answer (s31 limbs for a refusal, s21 for
    # a public-domain answer, reg12(4)(a) for an EIR "not held"): a minority's citations are not precedent.
    majority = [w for w in counted if frozenset(w.precedent.treatments) == majority_set]
    agreeing = [w for w in majority if same_numbering(w.precedent.regime, regime)]
    ex_total = sum(w.weight for w in agreeing)
    ex_shares: dict[str, float] = defaultdict(float)
    for w in agreeing:
        for e in w.precedent.exemptions:
            ex_shares[e] += w.weight / ex_total
    exemptions = tuple(
        sorted((e for e, s in ex_shares.items() if s > MAJORITY), key=lambda e: (-ex_shares[e], e))
    )

    from foi_precedent.letters.exemptions import rule_table

    table = rule_table()
    ncnd = tuple(e for e in exemptions if table.is_ncnd_subsection(e))

    # A pointer names a publication, usually the authority's own ("LFR Deployment Grid" is the MPS's page): only
    # the authority's own precedents that gave the majority answer say what it should point to (a refusal is not
    # told to point where a minority pointed). Other authorities' pointers are kept apart.
    pointing = [w for w in majority if w.precedent.pointers and same_authority(w.precedent, authority)]
    elsewhere = [w for w in majority if w.precedent.pointers and not same_authority(w.precedent, authority)]
    other_pointers = tuple(
        dict.fromkeys(p for w in sorted(elsewhere, key=lambda w: -w.weight) for p in w.precedent.pointers)
    )
    pt_total = sum(w.weight for w in pointing)
    pt_shares: dict[str, float] = defaultdict(float)
    names: dict[str, Pointer] = {}
    for w in pointing:
        for p in w.precedent.pointers:
            pt_shares[p.key] += w.weight / pt_total
            names.setdefault(p.key, p)
    pointers = tuple(
        names[k] for k in sorted(pt_shares, key=lambda k: (-pt_shares[k], k)) if pt_shares[k] > MAJORITY
    )

    support = len(counted)
    if all(is_guess(w.precedent) for w in majority):  # however many guesses agree, they remain guesses
        confidence = "low"
    elif answered_elsewhere(majority_set, [w.precedent for w in majority], authority):
        confidence = "low"  # another body's records, publications or judgement are not this one's
    elif (support >= 3 and agreement >= 0.75) or (support == 1 and _strong(counted[0].precedent, authority)):
        confidence = "high"
    elif support >= 2 and agreement >= 0.6:
        confidence = "medium"
    else:
        confidence = "low"
    return Consensus(
        label=label,
        question=question,
        counted=tuple(counted),
        treatments=tuple(order),
        treatment_shares=dict(shares),
        exemptions=exemptions,
        exemption_shares=dict(ex_shares),
        ncnd=ncnd,
        pointers=pointers,
        pointer_shares=dict(pt_shares),
        other_pointers=other_pointers,
        agreement=agreement,
        confidence=confidence,
        authority=authority,
        regime=regime,
    )
