"""Reading a model's draft back: its text cleaned, parsed with the letter reader, and what it added beyond the
plan (an exemption, a pointer) flagged ``beyond_plan``.
"""

from __future__ import annotations

import re

from foi_precedent.consistency.flags import Evidence, Flag, pointer_matches
from foi_precedent.drafting.letter import (
    REFERENCE_LINE,
    cite,
    one_line,
)
from foi_precedent.drafting.plan import Plan, QuestionPlan
from foi_precedent.errors import LetterError
from foi_precedent.letters.decision import relied_on
from foi_precedent.letters.exemptions import normalise_exemptions, section_of
from foi_precedent.letters.model import Letter
from foi_precedent.letters.parser import parse_draft

# --- reading the model's letter -------------------------------------------------------------------


def clean_model_output(text: str) -> str:
    """Drop chat preambles and code fences; start at the reference line when there is one."""
    text = re.sub(r"^```[a-z]*\s*$", "", text, flags=re.M).strip()
    m = re.search(r"freedom of information request reference no", text, re.I)
    if m:
        text = text[m.start() :]
    elif text:
        text = REFERENCE_LINE + "\n\n" + text
    return text.strip() + "\n"


def parse_model_letter(text: str, plan: Plan) -> tuple[Letter | None, str | None]:
    """The parsed letter, or why it is not the planned letter (garbage, missing questions)."""
    if len(text.strip()) < 40:
        return None, "the model returned almost nothing"
    try:
        letter = parse_draft(text, source="model draft")
    except LetterError as exc:
        return None, f"the model's text is not a letter ({exc.reason})"
    if letter.undecided:  # read, but with no decision in it: a reply letter would have one
        return None, "the model's text is not a letter (no decision found in it)"
    labels = {q.label.lower() for q in letter.questions}
    missing = [q.label for q in plan.questions if q.label.lower() not in labels]
    if missing:
        return None, f"the model's letter does not answer {', '.join(missing)}"
    unanswered = [q.label for q in plan.questions if not letter.question(q.label).answer.strip()]
    if unanswered:
        return None, f"the model's letter leaves {', '.join(unanswered)} unanswered"
    return letter, None


def _plan_evidence(q: QuestionPlan) -> tuple[Evidence, ...]:
    return tuple(Evidence(p.reference, p.label, p.date, one_line(p.answer)[:320]) for p in q.sources[:3])


def _covered(exemption: str, planned: tuple[str, ...]) -> bool:
    """'s31' is covered by a planned 's31(1)(a)'; 's31(1)(a)' by a planned 's31(1)(a)' or 's31'."""
    return any(
        exemption == p or p.startswith(exemption + "(") or exemption.startswith(p + "(") for p in planned
    )


def beyond_plan_flags(letter: Letter, plan: Plan) -> list[Flag]:
    """An exemption or pointer in the draft that the plan did not have: the model decided it on its own."""
    flags: list[Flag] = []
    planned_all = plan.exemptions
    seen: set[str] = set()
    for q in plan.questions:
        try:
            dq = letter.question(q.label)
        except KeyError:
            continue
        answer = one_line(dq.answer)[:400]
        for e in dq.exemptions:
            seen.add(e)
            if not _covered(e, q.exemptions):
                flags.append(
                    Flag(
                        "beyond_plan",
                        "high",
                        q.label,
                        f"The draft cites {e}, which the precedent plan for {q.label} does not "
                        f"({cite(q.exemptions) or 'no exemption'}): a model may not decide an exemption.",
                        answer,
                        _plan_evidence(q),
                    )
                )
        planned_keys = {p.key for p in q.pointers}
        for p in dq.pointers:
            if not pointer_matches(p.key, planned_keys):
                flags.append(
                    Flag(
                        "beyond_plan",
                        "medium",
                        q.label,
                        f"The draft points to '{p.name}', which the precedent plan for {q.label} does not.",
                        answer,
                        _plan_evidence(q),
                    )
                )
    # In the letter at large (its reasons) only another section counts: reasons name other subsections of the
    # sections they apply ("the bodies listed in Section 23(3)" beside s23(5)). The questions the letter quotes are
    # the requester's words, not the letter's: "if this would exceed the cost limit under Section 12" cites nothing.
    planned_sections = {section_of(e) for e in planned_all}
    said = relied_on(_without_quoted_questions(letter.text, plan))
    cited = {section_of(e) for e in normalise_exemptions(said)}
    extra = [
        e
        for e in letter.exemptions
        if e not in seen
        and not _covered(e, planned_all)
        and section_of(e) not in planned_sections
        and section_of(e) in cited
    ]
    if extra and plan.questions:
        # a flag of the whole letter (no question's label, no one question's precedents as its evidence)
        flags.append(
            Flag(
                "beyond_plan",
                "high",
                "",
                f"The letter cites {', '.join(extra)}, which no question of the precedent plan relies on.",
                _citing(said, extra) or one_line(letter.text)[:400],
            )
        )
    return flags


# 'Q3 - ...', 'Q1b: ...', 'Question 2 - ...': a question quoted in the letter, under its label
_QUOTED = re.compile(
    r"^\s*(?P<label>(?:Q|Question\s*)\d[\w().-]*)\s*[-\u2013\u2014:.]\s+(?P<words>\S.*)$", re.I
)


def _without_quoted_questions(text: str, plan: Plan) -> str:
    """The letter's text without the lines that quote a question of the plan (its label, then the requester's
    words, in full or a part of them: a sub-question quoted without its parent's wording)."""
    asked = {_label_key(q.label): one_line(q.text).lower() for q in plan.questions}
    kept = []
    for line in text.split("\n"):
        m = _QUOTED.match(line)
        if m and one_line(m.group("words")).lower() in asked.get(_label_key(m.group("label")), "\0"):
            continue
        kept.append(line)
    return "\n".join(kept)


def _label_key(label: str) -> str:
    """'Question 2' and 'Q2' alike."""
    return re.sub(r"^(?:question|q)\s*", "q", label.strip().lower())


def _citing(text: str, exemptions: list[str]) -> str:
    """The first sentence of ``text`` that cites one of ``exemptions``' sections."""
    sections = {section_of(e) for e in exemptions}
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if any(section_of(e) in sections for e in normalise_exemptions(sentence)):
            return one_line(sentence)[:400]
    return ""
