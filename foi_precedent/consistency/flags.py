"""Flags: where a draft differs from precedent or from what FOIA requires. Pure and deterministic."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from foi_precedent.cases.clock import DueDate, due_date
from foi_precedent.consistency.consensus import (
    OWN_FACTS,
    REFUSALS,
    STRONG_SIMILARITY,
    Consensus,
    Weighted,
    has_own,
    inapplicable,
    same_authority,
    weigh_consensus,
)
from foi_precedent.consistency.quotes import mentions, quote_answer
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.answers import located
from foi_precedent.letters.exemptions import rule_table_for, section_of
from foi_precedent.letters.model import REFUSING, RELEASING, Letter, Question, Regime, Treatment, in_order
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.regimes import profile

SEVERITIES = ("high", "medium", "low")

# Flag kinds (a public interface: evals and pipelines match on them).
DIVERGENCE_KINDS = (
    "treatment_divergence",
    "ncnd_divergence",
    "exemption_divergence",
    "exemption_omitted",
    "pointer_dropped",
    "pointer_divergence",
)
POINTER_KINDS = ("unknown_pointer",)
STATUTORY_KINDS = (
    "missing_refusal_notice",
    "refusal_names_no_exemption",
    "missing_public_interest_test",
    "missing_harm_statement",
    "pit_for_absolute_exemption",
    "ncnd_with_not_held",
    "s21_without_location",
    "s12_without_figures",
    "s12_without_advice",
    "missing_complaint_rights",
    "s30_and_s31",
    "unanswered_question",
    "past_due_date",
)
ALL_KINDS = DIVERGENCE_KINDS + POINTER_KINDS + STATUTORY_KINDS


@dataclass(frozen=True)
class Evidence:
    reference: str
    label: str
    date: date | None
    quote: str

    def to_dict(self) -> dict:
        return {
            "reference": self.reference,
            "label": self.label,
            "date": self.date.isoformat() if self.date else None,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Flag:
    kind: str
    severity: str
    label: str
    message: str
    draft_text: str
    evidence: tuple[Evidence, ...] = ()
    # every question a letter-level defect concerns (one s12 flag for a letter refusing eight questions on cost),
    # ``label`` the first of them; empty for a flag about one question
    labels: tuple[str, ...] = ()

    @property
    def questions(self) -> tuple[str, ...]:
        """The labels of the questions the flag concerns."""
        return self.labels or ((self.label,) if self.label else ())

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "label": self.label,
            "labels": list(self.questions),
            "message": self.message,
            "draft_text": self.draft_text,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @property
    def sort_key(self):
        return (SEVERITIES.index(self.severity), self.kind)


def _as_written(exemption: str) -> str:
    """How a letter writes a citation, to find it in a precedent's answer: 's31(1)' -> 'Section 31(1)',
    'reg12(5)(b)' -> 'Regulation 12(5)(b)'."""
    if exemption.startswith("reg"):
        return "Regulation " + exemption[3:]
    return "Section " + exemption[1:] if exemption.startswith("s") else exemption


def _excerpt(text: str, focus: list[str] | None = None, limit: int = 320) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    for word in focus or []:
        for s in sentences:
            if mentions(s, word):
                return s[:limit].rstrip() + ("…" if len(s) > limit else "")
    return text[:limit].rstrip() + "…"


def _evidence(
    precedents: list[Precedent], focus: list[str] | None = None, most: int = 5
) -> tuple[Evidence, ...]:
    """The precedents quoted beside a flag: the sentence of each one's answer that carries its treatment
    (``quotes.quote_answer``: no letterhead or page record), or, where the letter gives its answer on the question's
    own line ('j) Total value of contract - N/A') and so no answer of its own, the passage that was matched."""
    return tuple(
        Evidence(
            p.reference,
            p.label,
            p.date,
            quote_answer(p.answer, p.treatments, focus) or _excerpt(p.text or p.question, focus),
        )
        for p in precedents[:most]
    )


def describe_treatments(treatments, pointers=()) -> str:
    words = {
        Treatment.DISCLOSED: "disclosed it",
        Treatment.PARTLY_DISCLOSED: "partly disclosed it",
        Treatment.WITHHELD: "withheld it",
        Treatment.NCND: "neither confirmed nor denied",
        Treatment.NOT_HELD: "said it was not held",
        Treatment.PUBLIC_DOMAIN: "pointed to the public domain",
        Treatment.COST_LIMIT: "refused it on cost (s12)",
        Treatment.VEXATIOUS: "refused it as vexatious (s14)",
        Treatment.OTHER: "answered it otherwise",
    }
    treatments = in_order(treatments)
    items = [words[t] for t in treatments] or ["gave no answer"]
    if pointers and Treatment.PUBLIC_DOMAIN in treatments:
        items[0] += " (" + ", ".join(p.name for p in pointers) + ")"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _downgrade(severity: str, consensus: Consensus) -> str:
    weak = consensus.status == "split" or (consensus.status == "thin" and not consensus.strong_single)
    if weak and severity != "low":
        return SEVERITIES[SEVERITIES.index(severity) + 1]
    return severity


def _sections(exemptions) -> set[str]:
    return {section_of(e) for e in exemptions if re.match(r"(s|reg)\d", e)}


def pointer_matches(key: str, keys) -> bool:
    """Same resource: equal keys, or one name contained in the other, or most words shared."""
    words = set(key.split())
    for k in keys:
        if key == k or (len(key) > 6 and key in k) or (len(k) > 6 and k in key):
            return True
        other = set(k.split())
        if words and other and len(words & other) / len(words | other) >= 0.75:
            return True
    return False


def _weight(c: Consensus, p: Precedent) -> float:
    return next((w.weight for w in c.counted if w.precedent is p), 0.0)


# Whether information is held, what finding it would cost and whether a request is vexatious are facts about
# the authority (its records, its systems, its requesters), not a legal judgement another authority can set; so is
# an answer of none of the treatments ('other'): another body holds it (a Scottish council sends prosecutions to
# the Procurator Fiscal, an English one prosecutes), the request needs clarifying, it is not an FOI request.
AUTHORITY_FACTS = frozenset({Treatment.NOT_HELD, Treatment.COST_LIMIT, Treatment.VEXATIOUS, Treatment.OTHER})


# A cost or vexatious refusal also turns on the request itself: its scope (every record since 2015, all
# correspondence) or its history (the requester's campaign). Another request of the same kind being answered
# says nothing about it; the authority's own answer to the same question does.
REQUEST_FACTS = frozenset({Treatment.COST_LIMIT, Treatment.VEXATIOUS})


# Giving the figures and pointing to where they are published both release the information: which one a
# letter does depends on what the authority itself publishes.
RELEASES = RELEASING


def _not_comparable(difference: set[Treatment], c: Consensus) -> bool:
    """True when the draft differs from precedent only in a way precedent cannot judge: on an authority fact
    with no precedent of the authority's own (one force not holding what another published is no
    inconsistency; one force publishing what another sends out is none either), or on a cost or vexatious
    refusal with no precedent of its own asking the same question."""
    if not c.authority or not (difference & AUTHORITY_FACTS or (difference and difference <= RELEASES)):
        return False
    own = [p for p in c.agreeing if has_own([p], c.authority)]
    if difference & REQUEST_FACTS:
        return not any(p.similarity >= STRONG_SIMILARITY for p in own)
    return not own


# An NCND of "any other information" beside an answer given (or said not to be held) is two statements about two
# things, not the contradiction the ICO warns of: police forces give the overt figures and neither confirm nor deny
# anything covert ("In addition to the attached response West Midlands Police can neither confirm nor deny that it
# holds any other information"; all ten such flags on the real letters were of this kind).
_NCND_OF_OTHER = re.compile(
    r"neither\s+confirms?\s+nor\s+den(?:y|ies)\b[^.]{0,80}?\b(?:any\s+)?(?:other|further|additional)\s+"
    r"(?:information|data|records?)\b",
    re.I,
)


def ncnd_of_other(treatments, answer: str) -> bool:
    """Whether an answer's NCND is about *other* information, beside another answer to the question asked
    ("no information is held ... In regard to the covert use of UAVs, we can neither confirm nor deny that we hold
    any other information")."""
    return (
        Treatment.NCND in treatments
        and len(set(treatments)) > 1
        and bool(_NCND_OF_OTHER.search(answer or ""))
    )


def _without_ncnd(item):
    """A question or precedent read without its NCND of other information (and the NCND provisions it cites)."""
    ncnd = set(item.ncnd)
    return replace(
        item,
        treatments=tuple(t for t in item.treatments if t != Treatment.NCND),
        exemptions=tuple(e for e in item.exemptions if e not in ncnd),
        ncnd=(),
    )


def _as_compared(q: Question, c: Consensus) -> tuple[Question, Consensus]:
    """The draft's answer and the consensus as compared: an NCND of other information, on either side, says nothing
    of how the information asked for was treated (avon-somerset-uavs-drones said overt use is not held and NCNDed
    covert use: two high ``ncnd_divergence`` flags against the drone figures GMP gave)."""
    if ncnd_of_other(q.treatments, q.answer):
        q = _without_ncnd(q)
    if any(ncnd_of_other(w.precedent.treatments, w.precedent.answer) for w in c.counted):
        counted = tuple(
            Weighted(_without_ncnd(w.precedent), w.weight)
            if ncnd_of_other(w.precedent.treatments, w.precedent.answer)
            else w
            for w in c.counted
        )
        c = weigh_consensus(c.label, c.question, counted, authority=c.authority, regime=c.regime)
    return q, c


# A precedent answer only the answering body can give (a refusal, 'not held', a pointer: ``consensus.OWN_FACTS``) that
# only other authorities gave is no inconsistency of this one's: of the divergence flags resting on such answers in
# stop 36's sweep of the real letters (each checked against the rest), 7 of 8 were false (another body's small-number
# suppression, NCND of other information, a misread answer, another topic); the officer still sees them, low.
ELSEWHERE_NOTE = (
    "Only other authorities answered so, and that answer rests on their own records and judgement: weigh it, it is "
    "not this authority's precedent."
)


# The other way round: the draft gives an answer only this authority can give (a refusal, 'not held', a pointer) where
# precedent answered otherwise. Whether it holds the information, or can point to it, only its own letters say:
# Moray's "not held" of its legal costs on pothole claims was a medium flag against the costs Devon gave, beside its own
# table of amounts paid (similarity 0.71, another figure). A refusal weighs its own harm, but another body giving the
# very thing asked (four forces' counts of body-worn cameras against PSNI's s31 refusal) still tells against it. Of the
# twelve such flags in stop 37's measurement (evals/real_letters/REFUSALS.md), the three resting only on other bodies'
# answers to a related question (0.71-0.72: officers on restricted duties against officers suspended, a CCTV system's
# hosting against camera counts) were false, one high and two medium; those resting on another body's near-identical
# question (0.80 and over: body-worn camera counts, consultancy firms' names) or on the authority's own letter (a
# trust's off-framework agencies, a force's strip searches) were mostly wanted. Those are kept; the others are low, with
# a note.
OWN_ANSWER_NOTE = (
    "The draft's answer rests on this authority's own records or judgement, and no letter of its own answered a "
    "near-identical question otherwise (only other authorities, or its own letters to a less similar question): "
    "weigh it."
)


def _own_answer_unmatched(q: Question, c: Consensus) -> bool:
    """Whether the draft gives an answer only its authority can give (``OWN_FACTS``) that precedent did not, with no
    precedent of the authority's own near-identical question (``STRONG_SIMILARITY``) answering otherwise; and, for a
    refusal, no other body's either (for 'not held', cost or vexatious another body's answer never counts:
    ``AUTHORITY_FACTS``)."""
    own_answer = (set(q.treatments) - set(c.treatments)) & OWN_FACTS
    if not c.authority or not own_answer:
        return False
    agreeing = c.agreeing
    own = [p for p in agreeing if has_own([p], c.authority)]
    if any(p.similarity >= STRONG_SIMILARITY for p in own):
        return False
    if own_answer & AUTHORITY_FACTS:
        return True
    return not own and not any(p.similarity >= STRONG_SIMILARITY for p in agreeing)


def divergence_flags(q: Question, c: Consensus) -> list[Flag]:
    """How the draft's answer to one question differs from the precedent consensus: NCND first (it settles the
    question alone), then the treatment, the exemptions where both refuse, and the pointers, each decided by its
    own function below."""
    if c.status == "none" or not c.treatments or not q.answer.strip():
        return []  # an answer that is not there is flagged as unanswered, not compared with precedent
    if inapplicable(q.answer):
        return []  # "N/A": the question does not apply to this authority, a fact about it no precedent can judge
    q, c = _as_compared(q, c)
    flags: list[Flag] = []
    agreeing = c.agreeing or c.precedents
    # Evidence: the precedents behind the consensus, then the closest others that also differ from the draft.
    others = [
        w.precedent
        for w in sorted(c.counted, key=lambda w: -w.weight)
        if w.precedent not in agreeing and frozenset(w.precedent.treatments) != frozenset(q.treatments)
    ]
    agreeing = sorted(agreeing, key=lambda p: -_weight(c, p))[:3] + others[:2]
    answer = _excerpt(q.answer, limit=400)
    elsewhere = c.answered_elsewhere
    own_answer = _own_answer_unmatched(q, c)

    def flag(kind, severity, message, focus=None, evidence=None):
        severity = _downgrade(severity, c)
        if elsewhere:  # see ELSEWHERE_NOTE
            severity, message = "low", f"{message} {ELSEWHERE_NOTE}"
        elif own_answer and kind in ("treatment_divergence", "ncnd_divergence"):  # see OWN_ANSWER_NOTE
            severity, message = "low", f"{message} {OWN_ANSWER_NOTE}"
        flags.append(
            Flag(
                kind,
                severity,
                q.label,
                message,
                answer,
                evidence if evidence is not None else _evidence(agreeing, focus),
            )
        )

    if _ncnd_divergence(q, c, flag):
        return flags
    compared = _treatment_divergence(q, c, flag)
    _exemption_divergence(q, c, flag)
    if compared:
        _pointer_divergence(q, c, flag)
    return flags


def _ncnd_divergence(q: Question, c: Consensus, flag) -> bool:
    """NCND on one side only (the ICO expects NCND to be used consistently for a class of information)."""
    if (Treatment.NCND in q.treatments) == (Treatment.NCND in c.treatments):
        return False
    if Treatment.NCND in q.treatments:
        flag(
            "ncnd_divergence",
            "high",
            f"The draft neither confirms nor denies, but precedent {describe_treatments(c.treatments)} for this kind of "
            f"request ({len(c.agreeing)} of {c.support} letters).",
        )
    else:
        ncnd = ", ".join(c.ncnd) or "NCND"
        flag(
            "ncnd_divergence",
            "high",
            f"Precedent neither confirmed nor denied for this kind of request ({ncnd}); the draft "
            f"{describe_treatments(q.treatments)}, which confirms whether the information is held.",
            focus=["neither"],
        )
    return True


# FOIA s22 and s22A (information intended for future publication, research to be published): a fact about the
# authority's own publication plans, as 'not held' is about its records. North Devon holding back its 2021
# fly-tipping figures until it publishes them says nothing about whether Rushcliffe should give its 2015-20 ones (two
# false high flags, each way, in stop 36's QA on the real letters).
_FUTURE_PUBLICATION = frozenset({"s22", "s22A"})


def _future_publication_only(exemptions, regime: str | None) -> bool:
    sections = _sections(exemptions)
    # (FOISA numbers future publication s27; an EISR letter's sections are FOISA's)
    return (
        regime not in (Regime.FOISA.value, Regime.EISR.value)
        and bool(sections)
        and sections <= _FUTURE_PUBLICATION
    )


def _publication_plans_differ(q: Question, c: Consensus) -> bool:
    """One side refuses only because the information is to be published (s22, s22A), with no precedent of the
    authority's own: not comparable."""
    if not c.authority or has_own(c.agreeing, c.authority):
        return False
    draft_s22 = bool(set(q.treatments) & REFUSALS) and _future_publication_only(q.exemptions, c.regime)
    prec_s22 = bool(set(c.treatments) & REFUSALS) and _future_publication_only(c.exemptions, c.regime)
    return draft_s22 or prec_s22


# Small-number suppression: a table given with its cells under a threshold redacted ("<5", "fewer than 10") so that
# no one can be identified (personal data: FOIA s40, FOISA s38, EIR reg13) is a disclosure with some cells withheld.
# Moray's "<5" cells under s38(1)(b) said nothing about Devon's counts of over a thousand pothole claims (four false
# flags, two high, in stop 36's QA on the real letters): the counts, and so the cells to suppress, are each body's own.
_SMALL_NUMBERS = re.compile(
    r"<\s?(?:[1-9]|10)\b|\b(?:fewer|less)\s+than\s+(?:[1-9]|10|five|ten)\b"
    r"|\bbetween\s+(?:1|one)\s+and\s+(?:[1-9]|10|five|ten)\b|\b(?:low|small)\s+numbers?\b"
    r"|\bnumbers?\s+(?:is|are|were)\s+(?:too\s+)?(?:low|small)\b",
    re.I,
)
# FOISA numbers personal data s38, the EISR reg11 (beside FOISA's s38); FOIA s40, the EIR reg13
_PERSONAL_DATA = {"FOISA": {"s38"}, "EISR": {"reg11", "s38"}}
_SUPPRESSING = frozenset({Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED})


def suppresses_small_numbers(treatments, exemptions, text: str, regime: str | None) -> bool:
    """Whether an answer's refusal is only small-number suppression: withheld or partly disclosed, on personal data
    alone (or no section named), saying the numbers are small ('<5', 'between 1 and 5', 'low numbers')."""
    refused = set(treatments) & REFUSALS
    personal = _PERSONAL_DATA.get(regime or "", {"s40", "reg13"})
    return (
        bool(refused)
        and refused <= _SUPPRESSING
        and not set(treatments) & {Treatment.COST_LIMIT, Treatment.VEXATIOUS}
        and _sections(exemptions) <= personal
        and bool(_SMALL_NUMBERS.search(text or ""))
    )


def _small_numbers_differ(q: Question, c: Consensus) -> bool:
    """A refusal that is only small-number suppression, against an answer that gives the figures, with no precedent of
    the authority's own: not a divergence. The authority's own precedent still counts (the MPS suppressing its 2022
    officer numbers by rank and ethnicity and giving them in full in 2023 is ground truth gt-10)."""
    draft, prec = set(q.treatments), set(c.treatments)
    agreeing = c.agreeing
    if not c.authority:
        return False
    # the authority's own letter to a near-identical question (gt-10: the same table a year later); its own letter
    # to a related one (Moray's pothole enquiry counts, all in the hundreds, against its claims table with cells
    # under five suppressed, 0.7x) has no small cell to compare: stop 37's re-check, judged no inconsistency twice
    if has_own([p for p in agreeing if p.similarity >= STRONG_SIMILARITY], c.authority):
        return False
    if draft & REFUSALS and not prec & REFUSALS:
        return suppresses_small_numbers(q.treatments, q.exemptions, q.answer, c.regime)
    if not (prec & REFUSALS and draft & RELEASES and not draft & REFUSALS):
        return False
    return bool(agreeing) and all(
        suppresses_small_numbers(p.treatments, p.exemptions, p.answer + "\n" + p.text, p.regime)
        for p in agreeing
    )


def _treatment_divergence(q: Question, c: Consensus, flag) -> bool:
    """Withheld against released (high), or any other comparable difference (medium). True when the answers are
    alike enough for their pointers to be compared (no treatment flag, and comparable)."""
    draft, prec = set(q.treatments), set(c.treatments)
    if draft != prec and (_publication_plans_differ(q, c) or _small_numbers_differ(q, c)):
        return False
    refuses_d, refuses_p = bool(draft & REFUSALS), bool(prec & REFUSALS)
    if refuses_d and not refuses_p and prec & RELEASES:
        flag(
            "treatment_divergence",
            "high",
            f"Precedent {describe_treatments(c.treatments, c.pointers)}; the draft withholds it"
            f"{' under ' + ', '.join(q.exemptions) if q.exemptions else ''}.",
            focus=[p.name for p in c.pointers],
        )
        return False
    if refuses_p and not refuses_d and draft & RELEASES:
        flag(
            "treatment_divergence",
            "high",
            f"Precedent withheld this{' under ' + ', '.join(c.exemptions) if c.exemptions else ''}; the draft "
            f"{describe_treatments(q.treatments)}.",
            focus=[_as_written(e) for e in c.exemptions] + ["exempt"],
        )
        return False
    if draft == prec:
        return True
    if _not_comparable(draft ^ prec, c):
        return False
    flag(
        "treatment_divergence",
        "medium",
        f"Precedent {describe_treatments(c.treatments, c.pointers)}; the draft {describe_treatments(q.treatments, q.pointers)}.",
    )
    return False


def _exemption_divergence(q: Question, c: Consensus, flag) -> None:
    """Where both refuse: another section (high), another limb (medium), or one omitted (medium)."""
    if not (set(q.treatments) & REFUSALS and set(c.treatments) & REFUSALS and c.exemptions and q.exemptions):
        return
    ds, ps = _sections(q.exemptions), _sections(c.exemptions)
    new = sorted(ds - ps)
    missing = sorted(ps - ds)
    if new:
        cited = [e for e in q.exemptions if _sections([e]) & set(new)]
        flag(
            "exemption_divergence",
            "high",
            f"The draft relies on {', '.join(cited)} where precedent relied on {', '.join(c.exemptions)}.",
            focus=[_as_written(s) for s in ps],
        )
    elif missing:
        flag(
            "exemption_omitted",
            "medium",
            f"Precedent also relied on {', '.join(e for e in c.exemptions if _sections([e]) & set(missing))}, "
            f"which the draft omits.",
            focus=[_as_written(s) for s in missing],
        )
    else:
        d_limbs, p_limbs = set(q.exemptions), set(c.exemptions)
        if d_limbs != p_limbs and (d_limbs - p_limbs):
            flag(
                "exemption_divergence",
                "medium",
                f"The draft cites {', '.join(sorted(d_limbs))} where precedent cited {', '.join(c.exemptions)} "
                f"(a different limb).",
                focus=[_as_written(s) for s in ps],
            )
        elif p_limbs - d_limbs:
            flag(
                "exemption_omitted",
                "medium",
                f"Precedent also relied on {', '.join(sorted(p_limbs - d_limbs))}, which the draft omits.",
                focus=[_as_written(s) for s in ps],
            )


def _pointer_divergence(q: Question, c: Consensus, flag) -> None:
    """Public-domain pointers precedent gave that the draft drops or replaces (only where the treatments agree or
    differ comparably: a cost refusal points nowhere, whatever a related answer pointed to)."""
    if not c.pointers:
        return
    draft_keys = q.pointer_keys
    dropped = [p for p in c.pointers if not pointer_matches(p.key, draft_keys)]
    if not dropped:
        return
    names = ", ".join(f"'{p.name}'" for p in dropped)
    # evidence: the authority's own precedents that name what the draft leaves out
    dropped_keys = {d.key for d in dropped}
    naming = [
        p
        for p in sorted(c.precedents, key=lambda p: -_weight(c, p))
        if same_authority(p, c.authority) and any(pointer_matches(x.key, dropped_keys) for x in p.pointers)
    ]
    evidence = _evidence(naming, [p.name for p in dropped])
    extra = [p.name for p in q.pointers if not pointer_matches(p.key, {x.key for x in c.pointers})]
    if not draft_keys:
        flag(
            "pointer_dropped",
            "medium",
            f"Precedent pointed to {names}; the draft gives no pointer.",
            evidence=evidence,
        )
    elif extra:
        flag(
            "pointer_divergence",
            "medium",
            f"The draft points to {', '.join(repr(x) for x in extra)} where precedent pointed to {names}.",
            evidence=evidence,
        )
    else:
        flag(
            "pointer_dropped",
            "low",
            f"Precedent also pointed to {names}, which the draft omits.",
            evidence=evidence,
        )


def unknown_pointer_flags(letter: Letter, known_keys: set[str]) -> list[Flag]:
    flags = []
    for q in letter.questions:
        for p in q.pointers:
            if p.link_removed and p.name.lower() == "link removed":
                continue
            if not pointer_matches(p.key, known_keys):
                flags.append(
                    Flag(
                        "unknown_pointer",
                        "medium",
                        q.label,
                        f"The draft points to '{p.name}', which no letter in the corpus names; check it "
                        f"exists (a model may have invented it).",
                        _excerpt(q.answer, [p.name], 400),
                    )
                )
    return flags


# --- statutory completeness ----------------------------------------------------------------------

# The rule quoted beside a statutory flag, in the words of the letter's own Act: a Scottish council is told of a
# review under FOISA s20 and the Scottish Information Commissioner, not of FOIA s17(7) and s50 (stop 36's QA on the
# real letters: every flag on a FOISA or EIR letter quoted FOIA). A key an Act has no rule of its own for (s30_31:
# FOIA's numbering) falls back to FOIA's.
_RULES = {
    "s17": "FOIA s17(1): a refusal must say the information is refused, name the exemption and say why it applies.",
    "s17_3": "FOIA s17(3): withholding under a qualified exemption needs a public interest test (factors for and "
    "against, and the balance).",
    "harm": "A prejudice-based exemption (e.g. s31, s43(2)) needs a harm statement: how disclosure would, or would "
    "be likely to, prejudice the named interest.",
    "absolute": "Absolute exemptions (e.g. s21, s23, s32, s40(2), s41, s44) need no public interest test.",
    "ncnd": "ICO guidance: 'not held' and NCND must never both be said about the same item.",
    "s10": "FOIA s10(1): reply promptly and in any event within 20 working days of receipt (FOISA s10, EIR reg 5(2)); "
    "longer only with an extension notified in time (FOIA s10(3) with a s17(2) notice, EIR reg 7).",
    "s21": "s21 (reasonably accessible): the letter must say precisely where the information is (a title or URL).",
    "s12": "s12 cost limit: give the estimate (hours at £25 per hour against the £450/£600 limit) and s16 advice on "
    "how to narrow the request.",
    "s17_7": "FOIA s17(7): the letter must give the internal review route and the right to complain to the "
    "Information Commissioner under s50.",
    "s30_31": "s31 covers only information not exempt under s30: s30 and s31 on the same information contradict.",
    "s1": "FOIA s1: every part of the request must be answered (confirm or deny, then disclose or refuse).",
}
_REGIME_RULES = {
    Regime.FOISA: {
        "s17": "FOISA s16(1): a refusal notice must say the information is withheld, name the exemption and say why "
        "it applies.",
        "s17_3": "FOISA s2(1)(b) and s16(2): withholding under a non-absolute exemption needs the public interest "
        "test, with the reasons the balance favours withholding.",
        "harm": "A FOISA exemption that turns on harm (e.g. s30, s33(1)(b), s35) applies only where disclosure "
        "would, or would be likely to, prejudice substantially the named interest: say how.",
        "absolute": "FOISA s2(2): the absolute exemptions (e.g. s25, s26, s36(2), s37, s38) need no public interest "
        "test.",
        "ncnd": "FOISA: a notice that the information is not held (s17) and a refusal to confirm or deny that it "
        "exists (s18(1)) must never both be given about the same item.",
        "s10": "FOISA s10(1): reply promptly and in any event within 20 working days of receipt (FOISA has no "
        "extension for the public interest test).",
        "s21": "FOISA s25 (information otherwise accessible): the letter must say where the information can be "
        "found (a title or URL).",
        "s12": "FOISA s12 and the Fees Regulations (Scotland) 2004: give the estimate (staff time at no more than £15 "
        "an hour against the £600 upper limit) and s15 advice on how to narrow the request.",
        "s17_7": "FOISA s19: the notice must give the right to a review under s20 and then to apply to the Scottish "
        "Information Commissioner under s47.",
        "s1": "FOISA s1: every part of the request must be answered (give the information, or a notice under s16, "
        "s17 or s18).",
    },
    Regime.EIR: {
        "s17": "EIR reg14: a refusal must be in writing, name the exception and say why it applies (reg14(3)).",
        "s17_3": "EIR reg12(1)(b): every exception is subject to the public interest test, with a presumption in "
        "favour of disclosure (reg12(2)); the refusal gives the matters weighed (reg14(3)(b)).",
        "harm": "A reg12(5) exception applies only where disclosure would adversely affect the named interest: "
        "say how.",
        "absolute": "Personal data (reg13) is not weighed in the reg12 public interest balance.",
        "ncnd": "EIR: 'not held' (reg12(4)(a)) and neither confirm nor deny (reg12(6)) must never both be said "
        "about the same item.",
        "s10": "EIR reg5(2): reply as soon as possible and within 20 working days of receipt; 40 only for a complex "
        "and voluminous request, notified in time (reg7).",
        "s21": "EIR reg6(1)(b): information already publicly available and easily accessible: say where (a title or "
        "URL).",
        "s12": "The EIR have no cost limit: a request too costly to answer is manifestly unreasonable (reg12(4)(b)), "
        "subject to the public interest test, with advice and assistance under reg9.",
        "s17_7": "EIR reg14(5): the refusal must give the right to ask for reconsideration under reg11 and then to "
        "complain to the Information Commissioner (reg18, applying FOIA s50).",
        "s1": "EIR reg5(1): environmental information must be made available on request unless an exception "
        "applies (every part of the request answered).",
    },
}
# The Scottish EIRs (rules/regimes.yaml, EISR): their own numbers, the authority's own review and the Scottish
# Information Commissioner (moray-rural-fly-tipping-eir was told of "reconsideration under regulation 11 and the
# Information Commissioner").
_REGIME_RULES[Regime.EISR] = {
    "s17": "EISR reg13: a refusal must be in writing, name the exception and say why it applies.",
    "s17_3": "EISR reg10(1)(b): every reg10 exception is subject to the public interest test, with a presumption in "
    "favour of disclosure (reg10(2)); the refusal says how the public interest was weighed (reg13).",
    "harm": "A reg10(5) exception applies only where disclosure would, or would be likely to, prejudice "
    "substantially the named interest: say how.",
    "absolute": "Personal data (reg11) is not weighed in the reg10 public interest balance.",
    "ncnd": "EISR: 'not held' (reg10(4)(a)) and neither confirm nor deny (reg10(8)) must never both be said about "
    "the same item.",
    "s10": "EISR reg5(2)(a): reply as soon as possible and within 20 working days of receipt; 40 only for a complex "
    "and voluminous request, notified within the 20 (reg7).",
    "s21": "EISR reg6(1)(b): information already publicly available and easily accessible: say where (a title or "
    "URL).",
    "s12": "The EISR have no cost limit: a request too costly to answer is manifestly unreasonable (reg10(4)(b)), "
    "subject to the public interest test, with advice and assistance under reg9.",
    "s17_7": "EISR reg13: the refusal must give the right to a review by the authority under reg16 and then to "
    "apply to the Scottish Information Commissioner (reg17, applying FOISA s47).",
    "s1": "EISR reg5(1): environmental information must be made available on request unless an exception applies "
    "(every part of the request answered).",
}
_RULE_SOURCE = {
    Regime.FOIA: "FOIA 2000",
    Regime.FOISA: "FOISA 2002",
    Regime.EIR: "EIR 2004",
    Regime.EISR: "EISR 2004",
}
RULE_SOURCES = frozenset(_RULE_SOURCE.values())  # the Evidence.reference of a quoted rule (not a precedent)


def _rule_evidence(key: str, regime: Regime | None = None) -> tuple[Evidence, ...]:
    """The rule ``key`` in the words of ``regime``'s Act (FOIA's when it has none of its own, or no regime)."""
    if regime is not None and key in (own := _REGIME_RULES.get(regime, {})):
        return (Evidence(_RULE_SOURCE[regime], key, None, own[key]),)
    return (Evidence(_RULE_SOURCE[Regime.FOIA], key, None, _RULES[key]),)


_HOURS = re.compile(r"\d+(\.\d+)?\s*hours?|£\s?\d", re.I)
_NARROW = re.compile(
    r"narrow|refine|reduc(e|ing) the (scope|time)|smaller|shorter (time|period)|advice|assist you", re.I
)


def _letter_reasons(letter: Letter) -> str:
    """The letter's own words: its text without the questions the requester asked."""
    text = letter.text
    for q in letter.questions:
        if q.text:
            text = text.replace(q.text, " ")
    return text


def _past_due(letter: Letter) -> Flag | None:
    """The reply is dated after its statutory due date (20 working days from receipt; 40 with a notified
    extension: FOIA s10(3), EIR reg 7) -- the flag, or None when it is on time or the dates are unknown."""
    if not (letter.date and letter.received) or letter.date < letter.received:
        return None
    extension = (
        {Regime.FOIA: "pit", Regime.EIR: "eir-complex", Regime.EISR: "eir-complex"}.get(letter.regime)
        if letter.extension_notice
        else None
    )
    try:
        due = due_date(letter.received, letter.regime, extension=extension)
    except PrecedentError:
        return None  # a date the clock does not cover (before 2005)
    return past_due_flag(letter, letter.date, due, noticed=bool(extension))


def _past_due_message(sent: date, due: DueDate, noticed: bool) -> str | None:
    """Why a reply dated ``sent`` is late against ``due`` (the case's clock, with any fees notice, clarification
    or special time limit in it), or None when it is on time. ``noticed``: an extension was notified."""
    if sent <= due.due:
        return None
    counted = (
        f"the clarification received on {due.start:%d %B %Y}"
        if due.start != due.received
        else f"receipt on {due.received:%d %B %Y}"
    )
    paused = (
        f", not counting {due.paused_days} working day{'s' if due.paused_days != 1 else ''} a fees notice stopped "
        "the clock"
        if due.paused_days
        else ""
    )
    return (
        f"The letter is dated {sent:%d %B %Y}, after its due date of {due.due:%d %B %Y} "
        f"({due.working_days} working days from {counted}{paused})"
        + ("" if noticed or due.extension else ", and gives no notice of an extension")
        + "."
    )


def past_due_flag(letter: Letter, sent: date, due: DueDate, noticed: bool) -> Flag | None:
    """The ``past_due_date`` flag for ``letter`` sent on ``sent`` against ``due``: the letter's own dates, or
    a case's due date (the Draft page)."""
    message = _past_due_message(sent, due, noticed)
    if message is None or not letter.questions:
        return None
    return Flag(
        "past_due_date",
        "medium",
        letter.questions[0].label,
        message,
        _excerpt(letter.text[:400], limit=400),
        _rule_evidence("s10", letter.regime),
    )


def _provision(citation: str) -> str:
    """'s21' -> 'Section 21'; 'reg6(1)(b)' -> 'Regulation 6(1)(b)'."""
    return re.sub(r"^s(?=\d)", "Section ", re.sub(r"^reg(?=\d)", "Regulation ", citation))


# Defects of the letter, not of one answer: the cost estimate and the advice to narrow the request are given once for
# every question refused on cost, and an exemption is named in the letter or nowhere. Raised once, naming the
# questions (wokingham-council-housing-repairs-s12 had sixteen identical flags, two for each of eight questions).
LETTER_KINDS = frozenset({"s12_without_figures", "s12_without_advice", "refusal_names_no_exemption"})


def _one_per_letter(flags: list[Flag]) -> list[Flag]:
    """Each ``LETTER_KINDS`` flag once, at its first question, with the labels of all the questions it was raised on."""
    by_kind: dict[str, list[Flag]] = {}
    for f in flags:
        if f.kind in LETTER_KINDS:
            by_kind.setdefault(f.kind, []).append(f)
    out = []
    for f in flags:
        same = by_kind.get(f.kind)
        if same is None or len(same) == 1:
            out.append(f)
        elif f is same[0]:
            labels = tuple(dict.fromkeys(x.label for x in same))
            joined = ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else labels[0]
            message = f"{f.message.rstrip('.')} (questions {joined})."
            out.append(replace(f, message=message, labels=labels))
    return out


def statutory_flags(letter: Letter) -> list[Flag]:
    """What the letter's own Act requires of it (``rules/regimes.yaml`` and the regime's exemption table)."""
    regime = profile(letter.regime)
    table = rule_table_for(letter.regime)
    flags: list[Flag] = []

    def flag(kind, severity, label, message, draft_text, rule):
        flags.append(
            Flag(
                kind,
                severity,
                label,
                message,
                _excerpt(draft_text, limit=400),
                _rule_evidence(rule, letter.regime),
            )
        )

    refusing = [q for q in letter.questions if set(q.treatments) & REFUSING]
    if refusing and not letter.refusal_notice:
        q = refusing[0]
        flag(
            "missing_refusal_notice",
            "high",
            q.label,
            f"Information is refused but the letter has no {regime.refusal_notice} refusal notice.",
            q.answer,
            "s17",
        )
    withholding = [q for q in letter.questions if set(q.treatments) & REFUSALS]
    for q in withholding:
        if not q.exemptions and not letter.exemptions:
            flag(
                "refusal_names_no_exemption",
                "high",
                q.label,
                "The answer withholds information but no exemption is named.",
                q.answer,
                "s17",
            )
    cited = list(dict.fromkeys(e for q in withholding for e in q.exemptions)) or (
        list(letter.exemptions) if withholding else []
    )
    # Each regime's own table: FOISA and the EIR number and qualify their exemptions differently.
    rules = [(e, table.rule_for(e)) for e in cited]
    qualified = [e for e, r in rules if r and r.qualified]
    if qualified and not letter.public_interest_test:
        q = withholding[0]
        flag(
            "missing_public_interest_test",
            "high",
            q.label,
            f"{', '.join(qualified)} is a qualified exemption but the letter has no public interest test.",
            q.answer,
            "s17_3",
        )
    prejudice = [e for e, r in rules if r and r.prejudice_based and not table.is_ncnd_subsection(e)]
    if prejudice and not letter.harm_statement:
        q = withholding[0]
        flag(
            "missing_harm_statement",
            "high",
            q.label,
            f"{', '.join(prejudice)} is prejudice-based but the letter does not say how disclosure would cause harm.",
            q.answer,
            "harm",
        )
    if (
        rules
        and all(r and not r.qualified for _, r in rules)
        and re.search(r"public interest test", letter.text, re.I)
    ):
        q = withholding[0]
        flag(
            "pit_for_absolute_exemption",
            "low",
            q.label,
            f"The letter weighs the public interest for {', '.join(cited)}, which is absolute: no test is needed.",
            q.answer,
            "absolute",
        )
    # The EIR have no cost limit: a request too costly to answer is manifestly unreasonable (reg12(4)(b), the EISR's
    # reg10(4)(b): ``manifestly_unreasonable`` in rules/regimes.yaml), a qualified exception, whatever the letter calls
    # it (Devon's roadworks reply quotes a FOIA-style "£450 or 18 hours" limit).
    costly = [q for q in letter.questions if Treatment.COST_LIMIT in q.treatments]
    if costly and not regime.cost_limit and not qualified and not letter.public_interest_test:
        q = costly[0]
        flag(
            "missing_public_interest_test",
            "high",
            q.label,
            f"The answer is refused on cost, but {regime.act} have no cost limit: a request too costly to answer is "
            f"manifestly unreasonable under {regime.manifestly_unreasonable}, a qualified exception, and the letter "
            "has no public interest test.",
            q.answer,
            "s12",
        )
    for q in letter.questions:
        t = set(q.treatments)
        if (
            Treatment.NCND in t
            and (t & {Treatment.NOT_HELD, Treatment.DISCLOSED})
            and not ncnd_of_other(t, q.answer)
        ):
            flag(
                "ncnd_with_not_held",
                "high",
                q.label,
                "The answer neither confirms nor denies and also says the information is not held or gives it.",
                q.answer,
                "ncnd",
            )
        if any(regime.is_accessible(e) for e in q.exemptions) and not q.pointers:
            flag(
                "s21_without_location",
                "medium",
                q.label,
                f"{_provision(regime.otherwise_accessible)} is cited but the answer does not say where the information "
                "is published.",
                q.answer,
                "s21",
            )
        if Treatment.COST_LIMIT in t and regime.cost_limit:  # the EIR have none (reg 12(4)(b) instead)
            # The estimate and the advice may be in the answer or in the letter's reasons ("see above").
            reasons = q.answer + "\n" + _letter_reasons(letter)
            if not _HOURS.search(reasons):
                flag(
                    "s12_without_figures",
                    "medium",
                    q.label,
                    f"Section 12 is applied without the cost estimate (hours, £{regime.cost_rate} an hour, "
                    f"{regime.cost_limit_name}).",
                    q.answer,
                    "s12",
                )
            if not _NARROW.search(reasons):
                flag(
                    "s12_without_advice",
                    "medium",
                    q.label,
                    f"Section 12 is applied without advice on how to narrow the request ({regime.duty_to_assist}).",
                    q.answer,
                    "s12",
                )
        refusing_cites = [e for e in q.exemptions if not table.is_ncnd_subsection(e)]
        if letter.regime == Regime.FOIA and _sections(refusing_cites) >= {"s30", "s31"}:  # FOIA's numbering
            flag(
                "s30_and_s31",
                "medium",
                q.label,
                "s30 and s31 are both applied to the same information; s31 only covers what s30 does not.",
                q.answer,
                "s30_31",
            )
        if not q.answer.strip():
            flag(
                "unanswered_question",
                "medium",
                q.label,
                "This question is not answered anywhere in the letter.",
                q.text,
                "s1",
            )
        elif located(q.review):
            # (the letter ties it no answer: the sentence the learned reader located is a guess, not the letter's
            # answer, so the defect still shows, lower, with the guess quoted)
            flag(
                "unanswered_question",
                "low",
                q.label,
                "No answer stands with this question in the letter; the learned reader located this sentence "
                "elsewhere in it as its answer: check that it answers the question.",
                q.answer,
                "s1",
            )
    if late := _past_due(letter):
        flags.append(late)
    if not letter.complaint_rights:
        last = letter.questions[-1]
        flag(
            "missing_complaint_rights",
            "medium",
            last.label,
            f"The letter has no complaint-rights block ({regime.review} and {regime.regulator}).",
            letter.text[-400:],
            "s17_7",
        )
    return _one_per_letter(flags)
