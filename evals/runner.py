"""Run eval suites against an index; aggregate metrics; compare two runs; JUnit XML.

The runner only gathers what the system produced; the scoring is in :mod:`evals.scorers`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from evals import scorers
from evals.schema import FlagCase, RequestCase, RetrievalCase, Suite
from foi_precedent.consistency.flags import DIVERGENCE_KINDS, STATUTORY_KINDS
from foi_precedent.letters.model import label_key
from foi_precedent.ports import IndexWrapper, pointer_keys
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT

RESULTS_VERSION = 1
# metric -> higher is better (for --compare)
METRICS = {
    "retrieval_recall_at_k": True,
    "retrieval_mrr": True,
    "treatment_accuracy": True,
    "exemption_precision": True,
    "exemption_recall": True,
    "exemption_f1": True,
    "pointer_precision": True,
    "pointer_recall": True,
    "invented_pointers": False,
    "flag_precision": True,
    "flag_recall": True,
    "flag_recall_ground_truth": True,
    "model_answer_share": True,
    "high_flags_per_draft": False,
    "pass_rate": True,
    "seconds_per_case": False,
}
NOT_REGRESSIONS = {"seconds_per_case"}  # reported, never gates (machines differ)


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
        return self.search_many([query], k=k, authority=authority, exclude_references=exclude_references, **kw)[0]

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
    prompt: str | None = None  # NAME or NAME/vN; None: the settings' (PRECEDENT_DRAFT_PROMPT), else the latest
    prompts_used: set[str] = field(default_factory=set)

    def __post_init__(self):
        if not isinstance(self.index, EvalIndex):
            self.index = EvalIndex(self.index)


# --- cases ----------------------------------------------------------------------------------------


def run_retrieval(case: RetrievalCase, ctx: EvalContext) -> dict:
    hits = ctx.index.search_many([case.question], k=max(case.k, 10), authority=case.authority)[0]
    got = [(h.reference, h.label) for h in hits]
    s = scorers.retrieval_scores([(p.reference, p.label) for p in case.expected], got, case.k)
    return {"passed": s["passed"], "scores": {"recall": s["recall"], "rr": s["rr"], "k": case.k},
            "details": {"got": [f"{r} {lab}" for r, lab in got[: case.k]]}}


def _answers_from_plan(result) -> list[dict]:
    return [{"label": q.label, "treatments": [t.value for t in q.treatments], "exemptions": list(q.exemptions),
             "pointers": [p.name for p in q.pointers]} for q in result.plan.questions]


def _answers_from_letter(letter) -> list[dict]:
    return [{"label": q.label, "treatments": [t.value for t in q.treatments], "exemptions": list(q.exemptions),
             "pointers": [p.name for p in q.pointers]} for q in letter.questions]


def run_request(case: RequestCase, ctx: EvalContext) -> dict:
    from foi_precedent.drafting.draft import draft_reply

    index = ctx.index.with_exclude(case.exclude)
    result = draft_reply(case.request, index, chat_model=ctx.chat_model, mode=ctx.mode, authority=case.authority,
                         audit=False, settings=ctx.settings, source=case.id,
                         prompt=ctx.prompt or getattr(ctx.settings, "draft_prompt", None) or DEFAULT_DRAFT_PROMPT)
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
        per_q.append({"label": exp.label or str(i + 1), "expected": exp.model_dump(exclude={"label"}),
                      "got": {k: got.get(k, []) for k in ("treatments", "exemptions", "pointers")}, **s})
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
            "exemption_tp": sum(x["tp"] for x in ex), "exemption_fp": sum(x["fp"] for x in ex),
            "exemption_fn": sum(x["fn"] for x in ex),
            "pointer_tp": sum(x["tp"] for x in pt), "pointer_fp": sum(x["fp"] for x in pt),
            "pointer_fn": sum(x["fn"] for x in pt),
            "invented_pointers": len(invented),
            # model mode with a sections prompt: how many answers are in the model's words (the rest fell back
            # to the precedent wording because the model's answer did not read as the plan)
            "model_answers": sum(how == "model" for how in result.composition.answers.values())
            if result.composition is not None else 0,
            "model_answer_slots": len(result.plan.questions) if ctx.mode == "model" else 0,
            # the checker's high-severity flags on the draft as the officer would see it
            "high_flags": len(high_flags),
        },
        "details": {"model": result.model, "questions_found": len(answers), "answers": per_q, "plan": plan_answers,
                    "draft": draft_answers,
                    "invented": invented, "fallback": result.fallback_reason,
                    "high_flags": [f"{f.label} {f.kind}" for f in high_flags],
                    "sections": result.composition.answers if result.composition is not None else None},
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
                if f.kind in considered and label_key(f.label) == label_key(this.label) \
                        and _links(f, other.reference, cons.get(f.label)):
                    hits.append(f"{this.reference} {f.label} {f.kind} (against {other.reference})")
        s = {"tp": 1 if hits else 0, "fp": 0, "fn": 0 if hits else 1, "passed": bool(hits)}
        return {"passed": s["passed"], "scores": {**s, "ground_truth": 1}, "details": {"flags": hits}}
    letter = ctx.index.letter(case.letter) if case.letter else _parse_draft(case.draft, case.id)
    result = check_letter(letter, index, authority=case.authority)
    got = [(f.label, f.kind) for f in result.flags if f.kind in considered]
    s = scorers.flag_scores([(e.label, e.kinds) for e in case.expected], got)
    return {"passed": s["passed"], "scores": {**{k: s[k] for k in ("tp", "fp", "fn")}, "ground_truth": 0},
            "details": {"flags": [f"{lab} {kind}" for lab, kind in got], "reference": letter.reference}}


RUNNERS: dict[str, Callable] = {"retrieval": run_retrieval, "request": run_request, "flags": run_flags}


# --- suites and metrics ---------------------------------------------------------------------------


def run_suites(suites: Sequence[Suite], ctx: EvalContext, progress: Callable[[int, int, str], None] | None = None,
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
            out = {"suite": suite.name, "id": case.id, "kind": suite.kind, **out,
                   "seconds": round(time.monotonic() - t0, 4)}
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


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def metrics(cases: list[dict]) -> dict:
    def rnd(x):
        return round(x, 4) if isinstance(x, float) else x

    ret = [c for c in cases if c["kind"] == "retrieval" and c["scores"]]
    req = [c for c in cases if c["kind"] == "request" and c["scores"]]
    flg = [c for c in cases if c["kind"] == "flags" and c["scores"]]

    def total(items, key):
        return sum(c["scores"].get(key, 0) for c in items)

    ex_tp, ex_fp, ex_fn = total(req, "exemption_tp"), total(req, "exemption_fp"), total(req, "exemption_fn")
    ex_p = scorers.ratio(ex_tp, ex_tp + ex_fp)
    ex_r = scorers.ratio(ex_tp, ex_tp + ex_fn)
    ex_f1 = (2 * ex_p * ex_r / (ex_p + ex_r) if ex_p and ex_r else (0.0 if ex_p is not None and ex_r is not None
                                                                    else None))
    pt_tp, pt_fp, pt_fn = total(req, "pointer_tp"), total(req, "pointer_fp"), total(req, "pointer_fn")
    fl_tp, fl_fp, fl_fn = total(flg, "tp"), total(flg, "fp"), total(flg, "fn")
    gt = [c for c in flg if c["scores"].get("ground_truth")]
    out = {
        "cases": len(cases),
        "passed": sum(1 for c in cases if c["passed"]),
        "pass_rate": scorers.ratio(sum(1 for c in cases if c["passed"]), len(cases)),
        "retrieval_cases": len(ret),
        "retrieval_recall_at_k": _mean(c["scores"]["recall"] for c in ret),
        "retrieval_mrr": _mean(c["scores"]["rr"] for c in ret),
        "request_cases": len(req),
        "questions": total(req, "questions"),
        "treatment_accuracy": scorers.ratio(total(req, "treatments_correct"), total(req, "questions")),
        "exemption_precision": ex_p,
        "exemption_recall": ex_r,
        "exemption_f1": ex_f1,
        "pointer_precision": scorers.ratio(pt_tp, pt_tp + pt_fp),
        "pointer_recall": scorers.ratio(pt_tp, pt_tp + pt_fn),
        "invented_pointers": total(req, "invented_pointers") if req else None,
        "flag_cases": len(flg),
        "flag_precision": scorers.ratio(fl_tp, fl_tp + fl_fp),
        "flag_recall": scorers.ratio(fl_tp, fl_tp + fl_fn),
        "flag_recall_ground_truth": scorers.ratio(sum(c["scores"]["tp"] for c in gt), len(gt)),
        "model_answer_share": scorers.ratio(total(req, "model_answers"), total(req, "model_answer_slots")),
        "high_flags_per_draft": _mean(c["scores"].get("high_flags", 0) for c in req),
        "seconds_per_case": _mean(c["seconds"] for c in cases),
    }
    return {k: rnd(v) for k, v in out.items()}


# --- output ---------------------------------------------------------------------------------------

_ROWS = [
    ("retrieval_recall_at_k", "Retrieval recall@k"), ("retrieval_mrr", "Retrieval MRR"),
    ("treatment_accuracy", "Treatment accuracy"), ("exemption_precision", "Exemption precision"),
    ("exemption_recall", "Exemption recall"), ("exemption_f1", "Exemption F1"),
    ("pointer_precision", "Pointer precision"), ("pointer_recall", "Pointer recall"),
    ("invented_pointers", "Invented pointers"), ("flag_precision", "Flag precision"),
    ("flag_recall", "Flag recall"), ("flag_recall_ground_truth", "Flag recall (ground truth)"),
    ("model_answer_share", "Answers in the model's words"), ("high_flags_per_draft", "High flags per draft"),
    ("pass_rate", "Cases passed"),
    ("seconds_per_case", "Seconds per case"),
]


_fmt = scorers.fmt


def metrics_table(results: dict, markdown: bool = False) -> str:
    m = results["metrics"]
    rows = [(name, _fmt(m.get(key))) for key, name in _ROWS]
    rows[-2] = ("Cases passed", f"{m['passed']}/{m['cases']} ({_fmt(m['pass_rate'])})")
    head = f"mode: {results['mode']}   model: {results['model']}   cases: {m['cases']} " \
           f"(retrieval {m['retrieval_cases']}, request {m['request_cases']}, flags {m['flag_cases']})"
    if markdown:
        return head + "\n\n| Metric | Value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    width = max(len(a) for a, _ in rows)
    return head + "\n" + "\n".join(f"  {a:<{width}}  {b}" for a, b in rows)


def failures(results: dict) -> list[dict]:
    return [c for c in results["cases"] if not c["passed"]]


def save_results(results: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def load_results(path: str | Path) -> dict:
    from foi_precedent.errors import PrecedentError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PrecedentError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except ValueError:
        raise PrecedentError(f"{path}: not an eval results file (invalid JSON)") from None
    if not isinstance(data, dict) or "metrics" not in data or "cases" not in data:
        raise PrecedentError(f"{path}: not an eval results file (no metrics and cases)")
    return data


def compare(old: dict, new: dict, threshold: float = 0.02) -> dict:
    """Metric by metric and case by case; ``regressed`` when a metric worsens by more than ``threshold``."""
    rows = []
    for key, higher in METRICS.items():
        a, b = old["metrics"].get(key), new["metrics"].get(key)
        thr = threshold if key != "invented_pointers" else 0  # any new invented pointer is a regression
        bad = key not in NOT_REGRESSIONS and scorers.regression(a, b, thr, higher)
        rows.append({"metric": key, "old": a, "new": b,
                     "delta": round(b - a, 4) if a is not None and b is not None else None, "regressed": bad})
    old_cases = {(c["suite"], c["id"]): c for c in old["cases"]}
    new_cases = {(c["suite"], c["id"]): c for c in new["cases"]}
    changes = []
    for key in sorted(set(old_cases) | set(new_cases)):
        a, b = old_cases.get(key), new_cases.get(key)
        if a is None or b is None:
            change = "added" if a is None else "removed"
        elif a["passed"] != b["passed"]:
            change = "fixed" if b["passed"] else "broken"
        elif a.get("details") != b.get("details"):
            change = "changed"
        else:
            continue
        changes.append({"suite": key[0], "id": key[1], "change": change,
                        "old_passed": a["passed"] if a else None, "new_passed": b["passed"] if b else None,
                        "old": (a or {}).get("details"), "new": (b or {}).get("details")})
    runs = {side: {k: run.get(k) for k in ("created", "mode", "model", "prompt")}
            for side, run in (("old", old), ("new", new))}
    return {"metrics": rows, "cases": changes, "regressed": any(r["regressed"] for r in rows),
            "threshold": threshold, "runs": runs}


def compare_table(diff: dict) -> str:
    lines = []
    for side, run in diff.get("runs", {}).items():
        lines.append(f"{side}: {run.get('created') or '?'}, mode {run.get('mode') or '?'}, model {run.get('model') or '?'}"
                     + (f", prompt {run['prompt']}" if run.get("prompt") else ""))
    lines += ["", f"{'metric':<26} {'old':>8} {'new':>8} {'delta':>8}"] if lines else \
        [f"{'metric':<26} {'old':>8} {'new':>8} {'delta':>8}"]
    for r in diff["metrics"]:
        mark = "  REGRESSION" if r["regressed"] else ""
        lines.append(f"{r['metric']:<26} {_fmt(r['old']):>8} {_fmt(r['new']):>8} {_fmt(r['delta']):>8}{mark}")
    lines.append("")
    if not diff["cases"]:
        lines.append("No case changed.")
    for c in diff["cases"]:
        lines.append(f"{c['change']:>8}  {c['suite']}/{c['id']}")
    lines.append("")
    lines.append(f"Regression beyond {diff['threshold']}: {'yes' if diff['regressed'] else 'no'}")
    return "\n".join(lines)


def junit_xml(results: dict) -> str:
    """One <testsuite> per suite, one <testcase> per case (a <failure> when it fails its expectation)."""
    by_suite: dict[str, list[dict]] = {}
    for c in results["cases"]:
        by_suite.setdefault(c["suite"], []).append(c)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="precedent-eval" tests="{len(results["cases"])}" '
           f'failures="{sum(1 for c in results["cases"] if not c["passed"])}">']
    for name, cases in by_suite.items():
        fails = sum(1 for c in cases if not c["passed"])
        secs = sum(c["seconds"] for c in cases)
        out.append(f'  <testsuite name={quoteattr(name)} tests="{len(cases)}" failures="{fails}" '
                   f'time="{secs:.3f}">')
        for c in cases:
            out.append(f'    <testcase classname={quoteattr(name)} name={quoteattr(c["id"])} '
                       f'time="{c["seconds"]:.3f}">')
            if not c["passed"]:
                detail = json.dumps(c.get("details"), ensure_ascii=False, default=str)
                out.append(f'      <failure message={quoteattr(c["kind"] + " case failed its expectation")}>'
                           f'{escape(detail)}</failure>')
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def list_runs(folder: str | Path) -> list[dict]:
    """Saved runs (newest first) with their metrics, for the Evals page."""
    out = []
    for p in sorted(Path(folder).glob("*.json"), reverse=True):
        try:
            data = load_results(p)
        except Exception:  # noqa: BLE001 - a stray file in the folder is skipped
            continue
        out.append({"path": str(p), "name": p.stem, "created": data.get("created"), "mode": data.get("mode"),
                    "model": data.get("model"), "prompt": data.get("prompt"), **data["metrics"]})
    return out
