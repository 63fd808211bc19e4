"""Small builders shared by unit tests: a two-question letter the eval suites score, and a question's plan."""

from __future__ import annotations

from foi_precedent.drafting.plan import QuestionPlan
from foi_precedent.letters.model import Treatment

# Two questions, answered by number: the first disclosed, the second withheld under Section 40(2).
DISMISSALS = """Request
1. How many officers were dismissed in 2023?
2. Names of the officers dismissed.
Response
1. 12 officers were dismissed.
2. This information is exempt under Section 40(2).
"""
# the same letter read worse: its first answer says the information is not held, where a label says disclosed
DISMISSALS_MISREAD = DISMISSALS.replace("12 officers were dismissed.", "We do not hold this information.")


def question_plan(
    label: str = "Q1",
    treatments: tuple[Treatment, ...] = (Treatment.DISCLOSED,),
    exemptions: tuple[str, ...] = (),
    *,
    text: str = "?",
    **more,
) -> QuestionPlan:
    """A settled plan for one question (no precedents); ``more`` sets any other field."""
    fields: dict = {
        "ncnd": (),
        "pointers": (),
        "precedents": (),
        "confidence": "high",
        "status": "settled",
        "needs_decision": False,
    }
    fields.update(more)
    return QuestionPlan(label=label, text=text, treatments=treatments, exemptions=exemptions, **fields)
