"""``precedent eval real_plans``: how far the plan's precedent foretells how a real authority answered.

Each labelled question of a real letter (``evals/real_letters/labels``, with its text as the shipped corpus takes it:
``shipped.reviewed_entry``) is planned as a drafter's question would be (``plan_request``, with the letter's own
authority named), against the index the command opens (``make index``: the shipped corpus, the real tuning letters
read as people read them). The letter itself never counts as its own precedent (its reference is left out); the
held-back letters are not in the shipped corpus at all. The plan's treatments are then compared with the letter's
own labelled treatments, as a set:

* planned: share of questions with any precedent (the plan's status is not ``none``);
* plan agrees: share of all questions whose planned treatments equal the letter's;
* by the plan's confidence (high, medium, low) and for the questions a draft answers (``QuestionPlan.drafted``:
  settled, or thin), how many there are and how often they agree: whether "confidence: high" on the Draft page
  means what it says;
* refusals planned: of the questions planned as a refusal (withheld, partly disclosed, NCND, cost, vexatious), the
  share the letter refused alike (the same treatments); and the same for those a draft writes in (``drafted``).

A different answer is not always a wrong plan: authorities hold different information and may weigh the same
exemption differently. The measure is of how far a drafter can lean on a plan, not of the letters. The held-back
part is reported apart and its per-letter details are left out of the results.

``--readings FILE`` plans a team's own letters instead, each from the team's index without itself (the letters must be
indexed, as ``precedent ingest`` indexes them): how far its own precedent foretells its own answers, the measure the
shipped set, with about three letters an authority, cannot give.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evals import datasets
from evals.datasets import OWN, split, split_table
from evals.holdout import is_held_back
from evals.real_letters import shipped
from evals.real_letters.suite import LABELS_DIR, ROOT, labels_from_readings
from evals.scorers import interval_fields
from foi_precedent.drafting.plan import plan_request
from foi_precedent.drafting.request import Request, RequestQuestion
from foi_precedent.errors import LetterError
from foi_precedent.letters.model import REFUSING
from foi_precedent.letters.sources import Document, read_document
from foi_precedent.ports import PrecedentSearch

CONFIDENCES = ("high", "medium", "low")
REFUSALS = frozenset(t.value for t in REFUSING)
NEEDS_INDEX = True  # ``precedent eval`` opens the configured index for this set


def _questions(label: dict) -> tuple[list[dict], Document | None]:
    """The letter's labelled questions that were answered, each with its text; and the letter as read from its file
    (None when it cannot be read). A team's reviewed readings give each question's whole text; the development set's
    labels its first words, found in the letter as the shipped corpus finds them."""
    try:
        doc = read_document(ROOT / label["file"])
    except LetterError:
        return [], None
    if label.get("_batch") == OWN:
        entry = {"questions": [{**q, "text": q["starts"]} for q in label.get("questions") or []]}
    else:
        entry = shipped.reviewed_entry(label, doc.text) or {}
    asked = [q for q in entry.get("questions", []) if q.get("treatments") and q.get("text")]
    return asked, doc


def plan_letter(label: dict, index: PrecedentSearch) -> dict:
    """The scores of one letter: each answered question planned from the index without the letter itself."""
    from foi_precedent.letters.parser import parse_document

    asked, doc = _questions(label)
    if not asked or doc is None:
        return {"questions": [], "error": None if doc is not None else "the letter file cannot be read"}
    letter = parse_document(doc)  # its reference and authority, as the index holds them
    request = Request(
        questions=tuple(
            RequestQuestion(f"Q{i}", q["text"], own_text=q["text"]) for i, q in enumerate(asked, 1)
        ),
        text="",
    )
    plan = plan_request(request, index, authority=letter.authority, exclude_references=[letter.reference])
    out = []
    for q, p in zip(asked, plan.questions, strict=True):
        planned = sorted(t.value for t in p.treatments)
        out.append(
            {
                "text": q["text"][:300],
                "read": sorted(q["treatments"]),
                "planned": planned,
                "status": p.status,
                "confidence": p.confidence,
                "drafted": p.drafted,
                "agrees": planned == sorted(q["treatments"]),
                "precedents": [f"{r.reference} {r.label} ({r.similarity:.2f})" for r in p.precedents[:3]],
            }
        )
    return {"questions": out, "error": None}


def metrics(cases: list[dict]) -> dict:
    qs = [q for c in cases for q in c["scores"]["questions"]]

    def rate(selected: list[dict]) -> float | None:
        return round(sum(q["agrees"] for q in selected) / len(selected), 4) if selected else None

    out: dict = {
        "letters": len(cases),
        "questions": len(qs),
        "planned": round(sum(q["status"] != "none" for q in qs) / len(qs), 4) if qs else None,
        "plan_agrees": rate(qs),
        **interval_fields(
            "plan_agrees",
            [
                (sum(q["agrees"] for q in c["scores"]["questions"]), len(c["scores"]["questions"]))
                for c in cases
            ],
        ),
        "drafted": sum(q["drafted"] for q in qs),
        "drafted_agrees": rate([q for q in qs if q["drafted"]]),
    }
    for level in CONFIDENCES:
        chosen = [q for q in qs if q["confidence"] == level]
        out[f"confidence_{level}"] = len(chosen)
        out[f"confidence_{level}_agrees"] = rate(chosen)
    refusals = [q for q in qs if REFUSALS & set(q["planned"])]
    out["refusals_planned"] = len(refusals)
    out["refusals_agree"] = rate(refusals)
    written = [q for q in refusals if q["drafted"]]
    out["refusals_drafted"] = len(written)
    out["refusals_drafted_agree"] = rate(written)
    return out


def run(
    labels_dir: Path = LABELS_DIR,
    part: str = "all",
    batches: Sequence[str] | None = None,
    index: PrecedentSearch | None = None,
    readings: Path | None = None,
) -> dict:
    """``readings``: a team's own letters and their reviewed readings (``precedent import-readings``' JSON Lines)
    instead of the development set, each planned from ``index`` (the team's, holding those letters) without itself:
    how far the team's own precedent foretells its answers, one part (``own``), every letter shown."""
    if index is None:
        raise ValueError("real_plans plans from an index: pass the one to plan from")
    own = readings is not None
    labels = labels_from_readings(readings) if own else datasets.load_labels(labels_dir, part, batches)
    cases = []
    for label in labels:
        held = not own and is_held_back(label["id"])
        scores = plan_letter(label, index)
        if held:  # only its numbers: nothing of a held-back letter is looked at while tuning
            scores = {
                "questions": [
                    {k: q[k] for k in ("agrees", "status", "confidence", "drafted", "planned")}
                    for q in scores["questions"]
                ],
                "error": scores["error"],
            }
        cases.append({"id": label["id"], "held_back": held, "batch": label["_batch"], "scores": scores})
    out = {
        "suite": "real_plans",
        "metrics": {OWN: metrics(cases)} if own else split(cases, metrics),
        "cases": cases,
    }
    if own:
        out["readings"] = str(readings)
    return out


ROWS = [
    ("letters", "letters"),
    ("questions", "answered questions planned"),
    ("planned", "with any precedent"),
    ("plan_agrees", "plan agrees with the letter's own answer"),
    ("plan_agrees_margin", "  \u00b1 (95% interval, letters resampled)"),
    ("drafted", "questions a draft answers (settled or thin)"),
    ("drafted_agrees", "  their plan agrees"),
    *(
        row
        for level in CONFIDENCES
        for row in (
            (f"confidence_{level}", f"confidence {level}"),
            (f"confidence_{level}_agrees", "  agrees"),
        )
    ),
    ("refusals_planned", "planned as a refusal"),
    ("refusals_agree", "  the letter refused alike"),
    ("refusals_drafted", "  of them written into a draft"),
    ("refusals_drafted_agree", "    the letter refused alike"),
]


def table(results: dict, part: str = "all") -> str:
    return split_table(results, ROWS, part)
