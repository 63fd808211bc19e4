"""The plan: for each question of a request, how precedent says to answer it.

The legal decision (treatment, exemptions, NCND subsection, pointers) comes from the precedent
consensus, never from a model. Where precedent is missing, thin or split, or rests only on readings marked for
review (guessed readings weigh less: ``consensus.GUESSED_WEIGHT``), the plan says so and the draft marks the answer
for the officer's decision instead of guessing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from foi_precedent.consistency.consensus import Consensus, build_consensus, is_guess
from foi_precedent.consistency.flags import describe_treatments
from foi_precedent.consistency.search import find_precedents
from foi_precedent.drafting.request import Request
from foi_precedent.letters.model import WITHHOLDING, Pointer, Treatment
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.regimes import scottish
from foi_precedent.ports import PrecedentSearch

DEFAULT_K = 8


@dataclass(frozen=True)
class PrecedentRef:
    reference: str
    label: str
    date: date | None
    similarity: float
    authority: str | None = None
    agrees: bool = True
    guessed: bool = False  # its reading is marked for review (it weighs less: consensus.GUESSED_WEIGHT)

    def to_dict(self) -> dict:
        return {
            "reference": self.reference,
            "label": self.label,
            "date": self.date.isoformat() if self.date else None,
            "similarity": round(self.similarity, 3),
            "authority": self.authority,
            "agrees": self.agrees,
            "guessed": self.guessed,
        }


@dataclass(frozen=True)
class QuestionPlan:
    label: str
    text: str
    treatments: tuple[Treatment, ...]
    exemptions: tuple[str, ...]
    ncnd: tuple[str, ...]
    pointers: tuple[Pointer, ...]
    precedents: tuple[PrecedentRef, ...]
    confidence: str
    status: str  # none | thin | split | settled
    needs_decision: bool
    decision_note: str = ""
    guessed: int = 0  # how many of its precedents are readings marked for review
    consensus: Consensus | None = field(default=None, compare=False, repr=False)

    @property
    def withholds(self) -> bool:
        return bool(WITHHOLDING & set(self.treatments))

    @property
    def rests_on_guesses(self) -> bool:
        """Every precedent behind its answer is a reading marked for review (``Consensus.rests_on_guesses``)."""
        return self.consensus is not None and self.consensus.rests_on_guesses

    @property
    def answered_elsewhere(self) -> bool:
        """Its answer is one only other authorities gave, and only the answering body can give
        (``Consensus.answered_elsewhere``: a refusal, 'not held', a pointer)."""
        return self.consensus is not None and self.consensus.answered_elsewhere

    @property
    def drafted(self) -> bool:
        """Whether the draft gives this question an answer: settled, or thin (the one precedent's answer, for the
        officer to confirm). Otherwise (no precedent, split, only readings marked for review, one or more, or a
        refusal, 'not held' or a pointer only other authorities gave) only a decision marker: nothing is decided for
        it, so it has no place in the refusal notice, the reasons or a model's sections. A single guessed reading is
        no firmer than several: its answer is not written in."""
        return not (
            self.needs_decision
            and (self.status != "thin" or self.rests_on_guesses or self.answered_elsewhere)
        )

    @property
    def sources(self) -> list[Precedent]:
        """The precedents behind the plan: those that agree first, then the rest."""
        if self.consensus is None:
            return []
        return self.consensus.agreeing + self.consensus.dissenting

    def to_dict(self) -> dict:
        return {
            "treatments": [t.value for t in self.treatments],
            "exemptions": list(self.exemptions),
            "ncnd": list(self.ncnd),
            "pointers": [p.name for p in self.pointers],
            "precedents": [r.to_dict() for r in self.precedents],
            "confidence": self.confidence,
            "status": self.status,
            "needs_decision": self.needs_decision,
            "decision_note": self.decision_note,
            "guessed_precedents": self.guessed,
        }


@dataclass(frozen=True)
class Plan:
    questions: tuple[QuestionPlan, ...]
    authority: str | None = None
    regime: str | None = None  # FOIA, EIR or FOISA: the Act the reply is written under (None: FOIA)

    @property
    def exemptions(self) -> tuple[str, ...]:
        """Every exemption the plan relies on, in order of first use."""
        return tuple(dict.fromkeys(e for q in self.questions for e in q.exemptions))

    @property
    def consensus(self) -> list[Consensus]:
        return [q.consensus for q in self.questions if q.consensus is not None]

    def question(self, label: str) -> QuestionPlan:
        for q in self.questions:
            if q.label.lower() == label.lower():
                return q
        raise KeyError(label)


def _decision_note(c: Consensus) -> tuple[bool, str]:
    if c.status == "none" or not c.treatments:
        return True, "No precedent answers a question like this one: decide the answer."
    refs = ", ".join(f"{p.reference} {p.label}" for p in c.precedents[:3])
    if c.rests_on_guesses:  # however many agree, a guess is not precedent enough to answer by
        behind = c.agreeing
        which = ", ".join(f"{p.reference} {p.label}" for p in behind[:3])
        what = describe_treatments(c.treatments, c.pointers)
        if len(behind) == 1:
            return True, (
                f"The one precedent that {what} ({which}) is a reading marked for review: check how it was "
                "read and decide the answer."
            )
        return True, (
            f"The {len(behind)} precedents that {what} ({which}) are all readings marked for review: check "
            "how they were read and decide the answer."
        )
    if c.answered_elsewhere:
        which = "; ".join(f"{p.authority} ({p.reference} {p.label})" for p in c.agreeing[:3])
        return True, (
            f"Only other authorities' letters {describe_treatments(c.treatments, c.pointers)} ({which}): what your "
            "authority holds, publishes or must withhold is its own, so decide the answer."
        )
    if c.status == "thin" and not c.strong_single:
        p = c.precedents[0]
        return True, (
            f"Only one precedent ({p.reference} {p.label}, similarity {p.similarity:.2f}), which "
            f"{describe_treatments(c.treatments, c.pointers)}: confirm it applies."
        )
    if c.status == "split":
        review = f"; {len(c.guessed)} of the {c.support} are readings marked for review" if c.guessed else ""
        # the letters that differ, not the first precedents found (which mostly agree: "1 of 7 letters differ:"
        # before three references, none of them the one that differs)
        dissenting = c.dissenting
        differ = ", ".join(f"{p.reference} {p.label}" for p in dissenting[:3])
        if len(dissenting) > 3:
            differ += f" and {len(dissenting) - 3} more"
        return True, (
            f"Precedent is split ({c.agreement:.0%} of the weight agrees; {len(dissenting)} of "
            f"{c.support} letters differ: {differ}{review}): choose the answer."
        )
    if set(c.treatments) == {Treatment.OTHER}:
        return (
            True,
            f"The precedents ({refs}) answer this in a way that could not be classified: decide the answer.",
        )
    return False, ""


def plan_from_consensus(label: str, text: str, c: Consensus) -> QuestionPlan:
    needs, note = _decision_note(c)
    agreeing = {(p.reference, p.label) for p in c.agreeing}
    refs = tuple(
        PrecedentRef(
            p.reference,
            p.label,
            p.date,
            p.similarity,
            p.authority,
            (p.reference, p.label) in agreeing,
            is_guess(p),
        )
        for p in c.precedents
    )
    return QuestionPlan(
        label=label,
        text=text,
        treatments=c.treatments,
        exemptions=c.exemptions,
        ncnd=c.ncnd,
        pointers=c.pointers,
        precedents=refs,
        confidence=c.confidence,
        status=c.status,
        needs_decision=needs,
        decision_note=note,
        guessed=len(c.guessed),
        consensus=c,
    )


def authority_regime(precedents: list[Precedent], authority: str | None) -> str | None:
    """The regime (FOIA, EIR, FOISA) most of the authority's own precedents were answered under: a Scottish
    authority's plan takes its section numbers from FOISA letters only. None without an authority or one.

    Counted by letter, not by passage found. A letter that names no Act is read as FOISA when its authority is a
    known Scottish one (``rules/scottish_authorities.yaml``), but as FOIA when the reader does not know the body, or
    for letters indexed before stop 36 (until ``precedent reread``): 18 of Moray Council's 35 letters read as FOIA
    that way, and its plan was written under FOIA with the ICO as the complaint route. So FOISA wins with a quarter
    of the letters (and more than one, since a round-robin request quoted in an English council's reply can name
    the Scottish Act too).

    EIR letters are left out (environmental requests say nothing of the authority's other replies), but a letter
    under the Scottish EIRs counts as FOISA: only a Scottish authority answers under them.

    A known Scottish authority (``letters.regimes.scottish``) answers under FOISA whatever its letters found say: the
    Scottish Ambulance Service, with none of its own letters among the precedents, was answered under FOIA with the
    ICO as the complaint route."""
    if not authority:
        return None
    if scottish(authority):
        return "FOISA"
    letters = {
        p.reference: "FOISA" if p.regime == "EISR" else p.regime
        for p in precedents
        if p.regime and p.regime != "EIR" and (p.authority or "").lower() == authority.lower()
    }
    if not letters:
        return None
    counts = Counter(letters.values())
    foisa = counts.get("FOISA", 0)
    if foisa and (foisa == len(letters) or (foisa > 1 and 4 * foisa >= len(letters))):
        return "FOISA"
    return counts.most_common(1)[0][0]


def plan_regime(own: str | None, named: str | None) -> str | None:
    """The regime a reply is written under: what the authority's own letters use, except that a request the
    requester makes under the EIR is answered under the Regulations of the authority's nation: the Scottish EIRs
    (EISR) where its letters are FOISA's, the EIR 2004 elsewhere, whichever of the two the requester named (the
    Scottish Regulations do not bind an English authority, nor the English a Scottish one); with no letters of
    its own, the regime the request names."""
    if named in ("EIR", "EISR"):
        if own == "FOISA":
            return "EISR"
        return "EIR" if own else named
    return own or named


def plan_request(
    request: Request,
    index: PrecedentSearch,
    authority: str | None = None,
    k: int = DEFAULT_K,
    exclude_references=(),
) -> Plan:
    """One batched search for all the questions, then a consensus per question."""
    hits = find_precedents(
        index, [q.text for q in request.questions], k, authority, tuple(exclude_references)
    )
    regime = plan_regime(authority_regime([p for h in hits for p in h], authority), request.regime)
    numbering = regime or "FOIA"  # a reply under no known regime is a FOIA letter: it takes FOIA's numbers
    plans = [
        plan_from_consensus(
            q.label,
            q.text,
            build_consensus(
                q.label,
                q.text,
                h,
                authority=authority,
                exclude_references=set(exclude_references),
                regime=numbering,
            ),
        )
        for q, h in zip(request.questions, hits, strict=True)
    ]
    if regime in ("EIR", "EISR"):
        plans = [under_the_regulations(q) for q in plans]
    return Plan(questions=tuple(plans), authority=authority, regime=regime)


def under_the_regulations(q: QuestionPlan) -> QuestionPlan:
    """A question of a reply under the EIR keeps only the regulations its precedents cited. A FOIA letter's
    sections count as precedent for the treatment (the consensus compares them), but they are not grounds an EIR
    reply can give: a refusal notice "under regulation 14 ... by virtue of the following exceptions: Section 40(2),
    Section 43" cites the wrong law (a Scottish Forestry reply drafted from a council's FOIA tender letter). The
    officer names the exception ("[EXEMPTION NEEDED]"), as in a FOISA reply whose precedents are FOIA letters."""
    exemptions = tuple(e for e in q.exemptions if e.startswith("reg"))
    ncnd = tuple(e for e in q.ncnd if e.startswith("reg"))
    if (exemptions, ncnd) == (q.exemptions, q.ncnd):
        return q
    return replace(q, exemptions=exemptions, ncnd=ncnd)
