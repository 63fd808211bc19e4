"""Run eval suites against an index (metrics, comparison and JUnit XML of the results are in ``evals.results``).

The runner only gathers what the system produced; the scoring is in :mod:`evals.scorers`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from evals import scorers
from evals.results import (  # the results side, kept importable from here
    METRICS,
    NOT_REGRESSIONS,
    compare,
    compare_table,
    failures,
    junit_xml,
    list_runs,
    load_results,
    metrics,
    metrics_table,
    save_results,
)
from evals.schema import FlagCase, RequestCase, RetrievalCase, Suite
from foi_precedent.consistency.flags import DIVERGENCE_KINDS, STATUTORY_KINDS
from foi_precedent.letters.model import label_key
from foi_precedent.ports import IndexWrapper, pointer_keys
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT

__all__ = [
    "EvalContext",
    "EvalIndex",
    "RESULTS_VERSION",
    "RUNNERS",
    "run_flags",
    "run_request",
    "run_retrieval",
    "run_suites",
    "METRICS",
    "NOT_REGRESSIONS",
    "compare",
    "compare_table",
    "failures",
    "junit_xml",
    "list_runs",
    "load_results",
    "metrics",
    "metrics_table",
    "save_results",
]

RESULTS_VERSION = 1


class EvalIndex(IndexWrapper):
    """The index as the cases see it: some references barred from being precedent, and the corpus's pointer
    names (for the checker's unknown_pointer flags and the invented-pointer metric)."""

    def __init__(self, index, exclude: Sequence[str] = (), pointer_keys: set[str] | None = None):
        super().__init__(index)
        self._exclude = set(exclude)
        self._pointer_keys = pointer_keys

    def search_many(self, queries, k=10, authority=None, exclude_references=(), **kw):
        ex = tuple(sorted(set(exclude_references or ()) | self._exclude))
        return self._index.search_many(queries, k=k, authority=authority, exclude_references=ex, **kw)

    def search(self, query, k=10, authority=None, exclude_references=(), **kw):
        return self.search_many(
            [query], k=k, authority=authority, exclude_references=exclude_references, **kw
        )[0]

    def known_pointer_keys(self) -> set[str]:
        if self._pointer_keys is None:
            self._pointer_keys = corpus_pointer_keys(self._index)
        return self._pointer_keys

    def with_exclude(self, exclude: Sequence[str]) -> EvalIndex:
        return EvalIndex(self._index, exclude, self.known_pointer_keys())


def corpus_pointer_keys(index) -> set[str]:
    """The pointers of the corpus's letters as parsed (the index's own ``known_pointer_keys`` reads them from
    its store)."""
    return pointer_keys(index.letters())


@dataclass
class EvalContext:
    index: object
    mode: str = "precedent"  # precedent | model
    chat_model: object | None = None
    settings: object | None = None
    models_used: set[str] = field(default_factory=set)
    prompt: str | None = (
        None  # NAME or NAME/vN; None: the settings' (PRECEDENT_DRAFT_PROMPT), else the latest
    )
    prompts_used: set[str] = field(default_factory=set)

    def __post_init__(self):
        if not isinstance(self.index, EvalIndex):
            self.index = EvalIndex(self.index)


# --- cases ----------------------------------------------------------------------------------------


def run_retrieval(case: RetrievalCase, ctx: EvalContext) -> dict:
    hits = ctx.index.search_many([case.question], k=max(case.k, 10), authority=case.authority)[0]
    got = [(h.reference, h.label) for h in hits]
    s = scorers.retrieval_scores([(p.reference, p.label) for p in case.expected], got, case.k)
    return {
        "passed": s["passed"],
        "scores": {"recall": s["recall"], "rr": s["rr"], "k": case.k},
        "details": {"got": [f"{r} {lab}" for r, lab in got[: case.k]]},
    }


def _answers_from_plan(result) -> list[dict]:
    return [
        {
            "label": q.label,
            "treatments": [t.value for t in q.treatments],
            "exemptions": list(q.exemptions),
            "pointers": [p.name for p in q.pointers],
        }
        for q in result.plan.questions
    ]


def _answers_from_letter(letter) -> list[dict]:
    return [
        {
            "label": q.label,
            "treatments": [t.value for t in q.treatments],
            "exemptions": list(q.exemptions),
            "pointers": [p.name for p in q.pointers],
        }
        for q in letter.questions
    ]


def run_request(case: RequestCase, ctx: EvalContext) -> dict:
    from foi_precedent.drafting.draft import draft_reply

    index = ctx.index.with_exclude(case.exclude)
    result = draft_reply(
        case.request,
        index,
        chat_model=ctx.chat_model,
        mode=ctx.mode,
        authority=case.authority,
        audit=False,
        settings=ctx.settings,
        source=case.id,
        prompt=ctx.prompt or getattr(ctx.settings, "draft_prompt", None) or DEFAULT_DRAFT_PROMPT,
    )
    ctx.models_used.add(str(result.model))
    if result.prompt_version:
        ctx.prompts_used.add(result.prompt_version)
    # precedent mode: the plan (what precedent says); model mode: the model's draft as parsed back. The other
    # view is kept in the details.
    plan_answers = _answers_from_plan(result)
    draft_answers = _answers_from_letter(result.letter) if result.letter is not None else []
    from_model = ctx.mode == "model" and not result.fallback_reason and result.letter is not None
    answers = draft_answers if from_model else plan_answers
    per_q = []
    for i, exp in enumerate(case.expected):
        got = answers[i] if i < len(answers) else {"treatments": [], "exemptions": [], "pointers": []}
        s = scorers.answer_scores(exp.model_dump(), got)
        per_q.append(
            {
                "label": exp.label or str(i + 1),
                "expected": exp.model_dump(exclude={"label"}),
                "got": {k: got.get(k, []) for k in ("treatments", "exemptions", "pointers")},
                **s,
            }
        )
    draft_pointers = [p.name for q in (result.letter.questions if result.letter else ()) for p in q.pointers]
    invented = scorers.invented_pointers(draft_pointers, ctx.index.known_pointer_keys())
    count_ok = len(answers) == len(case.expected)
    high_flags = [f for f in result.flags if f.severity == "high"]
    passed = count_ok and all(q["passed"] for q in per_q) and not invented and not high_flags
    ex = [q["exemptions"] for q in per_q]
    pt = [q["pointers"] for q in per_q]
    return {
        "passed": passed,
        "scores": {
            "questions": len(per_q),
            "treatments_correct": sum(q["treatment_correct"] for q in per_q),
            "exemption_tp": sum(x["tp"] for x in ex),
            "exemption_fp": sum(x["fp"] for x in ex),
            "exemption_fn": sum(x["fn"] for x in ex),
            "pointer_tp": sum(x["tp"] for x in pt),
            "pointer_fp": sum(x["fp"] for x in pt),
            "pointer_fn": sum(x["fn"] for x in pt),
            "invented_pointers": len(invented),
            # model mode with a sections prompt: how many answers are in the model's words (the rest fell back
            # to the precedent wording because the model's answer did not read as the plan)
            "model_answers": sum(how == "model" for how in result.composition.answers.values())
            if result.composition is not None
            else 0,
            "model_answer_slots": len(result.plan.questions) if ctx.mode == "model" else 0,
            # the checker's high-severity flags on the draft as the officer would see it
            "high_flags": len(high_flags),
        },
        "details": {
            "model": result.model,
            "questions_found": len(answers),
            "answers": per_q,
            "plan": plan_answers,
            "draft": draft_answers,
            "invented": invented,
            "fallback": result.fallback_reason,
            "high_flags": [f"{f.label} {f.kind}" for f in high_flags],
            "sections": result.composition.answers if result.composition is not None else None,
        },
    }


def _considered(kinds: str) -> tuple[str, ...]:
    if kinds == "divergence":
        return DIVERGENCE_KINDS
    if kinds == "statutory":
        return STATUTORY_KINDS
    return DIVERGENCE_KINDS + STATUTORY_KINDS + ("unknown_pointer",)


def _parse_draft(text: str, name: str):
    from foi_precedent.letters.parser import parse_document
    from foi_precedent.letters.sources import document_from_bytes

    return parse_document(document_from_bytes(text.encode("utf-8"), name + ".md", ".md"))


def _links(flag, other_ref: str, consensus) -> bool:
    if any(e.reference == other_ref for e in flag.evidence):
        return True
    return consensus is not None and any(p.reference == other_ref for p in consensus.precedents)


def run_flags(case: FlagCase, ctx: EvalContext) -> dict:
    from foi_precedent.consistency.checker import check_letter

    index = ctx.index.with_exclude(case.exclude)
    considered = _considered(case.kinds)
    if case.pair is not None:
        a, b = case.pair
        hits = []
        for this, other in ((a, b), (b, a)):
            letter = ctx.index.letter(this.reference)
            result = check_letter(letter, index, authority=case.authority)
            cons = {c.label: c for c in result.questions}
            for f in result.flags:
                if (
                    f.kind in considered
                    and label_key(f.label) == label_key(this.label)
                    and _links(f, other.reference, cons.get(f.label))
                ):
                    hits.append(f"{this.reference} {f.label} {f.kind} (against {other.reference})")
        s = {"tp": 1 if hits else 0, "fp": 0, "fn": 0 if hits else 1, "passed": bool(hits)}
        return {"passed": s["passed"], "scores": {**s, "ground_truth": 1}, "details": {"flags": hits}}
    letter = ctx.index.letter(case.letter) if case.letter else _parse_draft(case.draft, case.id)
    result = check_letter(letter, index, authority=case.authority)
    got = [(f.label, f.kind) for f in result.flags if f.kind in considered]
    s = scorers.flag_scores([(e.label, e.kinds) for e in case.expected], got)
    return {
        "passed": s["passed"],
        "scores": {**{k: s[k] for k in ("tp", "fp", "fn")}, "ground_truth": 0},
        "details": {"flags": [f"{lab} {kind}" for lab, kind in got], "reference": letter.reference},
    }


RUNNERS: dict[str, Callable] = {"retrieval": run_retrieval, "request": run_request, "flags": run_flags}


# --- suites and metrics ---------------------------------------------------------------------------


def run_suites(
    suites: Sequence[Suite],
    ctx: EvalContext,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict:
    cases = []
    total = sum(len(s.cases) for s in suites)
    n = 0
    for suite in suites:
        for case in suite.cases:
            t0 = time.monotonic()
            try:
                out = RUNNERS[suite.kind](case, ctx)
            except KeyError as exc:
                out = {"passed": False, "scores": {}, "details": {"error": f"unknown letter or label {exc}"}}
            out = {
                "suite": suite.name,
                "id": case.id,
                "kind": suite.kind,
                **out,
                "seconds": round(time.monotonic() - t0, 4),
            }
            cases.append(out)
            n += 1
            if progress:
                progress(n, total, case.id)
    model = "precedent-only" if ctx.mode == "precedent" else (", ".join(sorted(ctx.models_used)) or "none")
    return {
        "version": RESULTS_VERSION,
        "created": datetime.now().isoformat(timespec="seconds"),
        "mode": ctx.mode,
        "model": model,
        "prompt": ", ".join(sorted(ctx.prompts_used)) or None,
        "suites": [{"name": s.name, "kind": s.kind, "path": s.path, "cases": len(s.cases)} for s in suites],
        "metrics": metrics(cases),
        "cases": cases,
    }
