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
from foi_precedent.letters.exemptions import section_of
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
    # sections they apply ("the bodies listed in Section 23(3)" beside s23(5)).
    planned_sections = {section_of(e) for e in planned_all}
    extra = [
        e
        for e in letter.exemptions
        if e not in seen and not _covered(e, planned_all) and section_of(e) not in planned_sections
    ]
    if extra and plan.questions:
        first = plan.questions[0]
        flags.append(
            Flag(
                "beyond_plan",
                "high",
                first.label,
                f"The letter cites {', '.join(extra)}, which no question of the precedent plan relies on.",
                one_line(letter.text)[:400],
                _plan_evidence(first),
            )
        )
    return flags
