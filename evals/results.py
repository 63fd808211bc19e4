"""Eval results: the metrics over a run's cases, their table, saving and loading runs, comparing two runs
(what regressed), and JUnit XML. Pure over the results JSON; the running is in :mod:`evals.runner`.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from evals import scorers

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
    ex_f1 = (
        2 * ex_p * ex_r / (ex_p + ex_r)
        if ex_p and ex_r
        else (0.0 if ex_p is not None and ex_r is not None else None)
    )
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
    ("retrieval_recall_at_k", "Retrieval recall@k"),
    ("retrieval_mrr", "Retrieval MRR"),
    ("treatment_accuracy", "Treatment accuracy"),
    ("exemption_precision", "Exemption precision"),
    ("exemption_recall", "Exemption recall"),
    ("exemption_f1", "Exemption F1"),
    ("pointer_precision", "Pointer precision"),
    ("pointer_recall", "Pointer recall"),
    ("invented_pointers", "Invented pointers"),
    ("flag_precision", "Flag precision"),
    ("flag_recall", "Flag recall"),
    ("flag_recall_ground_truth", "Flag recall (ground truth)"),
    ("model_answer_share", "Answers in the model's words"),
    ("high_flags_per_draft", "High flags per draft"),
    ("pass_rate", "Cases passed"),
    ("seconds_per_case", "Seconds per case"),
]


_fmt = scorers.fmt


def metrics_table(results: dict, markdown: bool = False) -> str:
    m = results["metrics"]
    rows = [(name, _fmt(m.get(key))) for key, name in _ROWS]
    rows[-2] = ("Cases passed", f"{m['passed']}/{m['cases']} ({_fmt(m['pass_rate'])})")
    head = (
        f"mode: {results['mode']}   model: {results['model']}   cases: {m['cases']} "
        f"(retrieval {m['retrieval_cases']}, request {m['request_cases']}, flags {m['flag_cases']})"
    )
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
        rows.append(
            {
                "metric": key,
                "old": a,
                "new": b,
                "delta": round(b - a, 4) if a is not None and b is not None else None,
                "regressed": bad,
            }
        )
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
        changes.append(
            {
                "suite": key[0],
                "id": key[1],
                "change": change,
                "old_passed": a["passed"] if a else None,
                "new_passed": b["passed"] if b else None,
                "old": (a or {}).get("details"),
                "new": (b or {}).get("details"),
            }
        )
    runs = {
        side: {k: run.get(k) for k in ("created", "mode", "model", "prompt")}
        for side, run in (("old", old), ("new", new))
    }
    return {
        "metrics": rows,
        "cases": changes,
        "regressed": any(r["regressed"] for r in rows),
        "threshold": threshold,
        "runs": runs,
    }


def compare_table(diff: dict) -> str:
    lines = []
    for side, run in diff.get("runs", {}).items():
        lines.append(
            f"{side}: {run.get('created') or '?'}, mode {run.get('mode') or '?'}, model {run.get('model') or '?'}"
            + (f", prompt {run['prompt']}" if run.get("prompt") else "")
        )
    lines += (
        ["", f"{'metric':<26} {'old':>8} {'new':>8} {'delta':>8}"]
        if lines
        else [f"{'metric':<26} {'old':>8} {'new':>8} {'delta':>8}"]
    )
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
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="precedent-eval" tests="{len(results["cases"])}" '
        f'failures="{sum(1 for c in results["cases"] if not c["passed"])}">',
    ]
    for name, cases in by_suite.items():
        fails = sum(1 for c in cases if not c["passed"])
        secs = sum(c["seconds"] for c in cases)
        out.append(
            f'  <testsuite name={quoteattr(name)} tests="{len(cases)}" failures="{fails}" time="{secs:.3f}">'
        )
        for c in cases:
            out.append(
                f"    <testcase classname={quoteattr(name)} name={quoteattr(c['id'])} "
                f'time="{c["seconds"]:.3f}">'
            )
            if not c["passed"]:
                detail = json.dumps(c.get("details"), ensure_ascii=False, default=str)
                out.append(
                    f"      <failure message={quoteattr(c['kind'] + ' case failed its expectation')}>"
                    f"{escape(detail)}</failure>"
                )
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
        out.append(
            {
                "path": str(p),
                "name": p.stem,
                "created": data.get("created"),
                "mode": data.get("mode"),
                "model": data.get("model"),
                "prompt": data.get("prompt"),
                **data["metrics"],
            }
        )
    return out
