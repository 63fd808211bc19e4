"""``precedent eval --compare`` for the real development sets: two saved runs of ``precedent eval real_letters
real_requests --out F`` (``{set name: {"metrics": {"all"|"dev"|"held_back": {...}}, "cases": [...]}}``), set by
set and part by part, each metric old/new/delta with a verdict, and the tuning cases whose scores changed.

The held-back part is compared by its totals only: no held-back case is named, in the table or in the JSON. When the
two runs read different cases (another ``--batch``, ``--limit``, a part left out), a part's metrics are worked out
again over the cases both runs read (with the set's own ``metrics``), so like is compared with like.
"""

from __future__ import annotations

import json
from pathlib import Path

from evals import scorers
from evals.datasets import HEADINGS, METRIC_PARTS, OWN, metrics_of
from evals.real_letters.suite import FLAGS, TREATMENTS
from evals.real_requests.suite import PII_KINDS
from foi_precedent.errors import PrecedentError

# metric -> higher is better; a rate regresses when it drops by more than the threshold, a count that should be
# low (refused letters, no question found, ...) when it rises at all. A metric in neither is shown without a
# verdict (how many questions are labelled, how many readings are confident: more is neither better nor worse).
HIGHER = True
LOWER = False
DIRECTIONS: dict[str, bool] = {
    # real_letters
    "letters_refused": LOWER,
    "letters_no_decision": LOWER,
    "letters_model_unused": LOWER,
    "question_count_exact": HIGHER,
    "treatment_agreement": HIGHER,
    "answered_questions_found": HIGHER,
    "treatment_agreement_found": HIGHER,
    **{f"recall_{t}": HIGHER for t in TREATMENTS},
    "exemption_precision": HIGHER,
    "exemption_recall": HIGHER,
    "exemption_precision_answered": HIGHER,
    "exemption_recall_answered": HIGHER,
    "letter_exemption_precision": HIGHER,
    "letter_exemption_recall": HIGHER,
    "pointer_recall": HIGHER,
    **{f"{flag}_agreement": HIGHER for flag in FLAGS},
    "confident_agreement": HIGHER,
    "regime_agreement": HIGHER,
    # real_requests
    "no_question": LOWER,
    "count_exact": HIGHER,
    "boundary_recall": HIGHER,
    "boundary_precision": HIGHER,
    "pii_removed": HIGHER,
    **{f"pii_removed_{kind}": HIGHER for kind in PII_KINDS},
    "pii_out_of_questions": HIGHER,
    "third_parties_kept": HIGHER,
    "authority_kept": HIGHER,
}
# shown without a verdict: sizes of the set, and counts whose rise is not a fault (a question marked for review
# is one a person reads rather than one misread; a request read whole is not wrong when it asks one thing)
NEUTRAL = {
    "letters",
    "questions_labelled",
    "questions_marked_for_review",
    "confident_readings",
    "requests",
    "whole_request",
    "labelled_questions",
    "pii_items",
    "third_parties",
    "authority_named",
    # a rate's own interval and margin: how sure the rate is, not how good
    "question_count_exact_interval",
    "question_count_exact_margin",
    "treatment_agreement_interval",
    "treatment_agreement_margin",
    "count_exact_interval",
    "count_exact_margin",
}
# the rates whose change between two runs is given a paired interval: set -> metric -> (the case's score counted,
# the case's score it is a share of; None: each case counts once)
PAIRED: dict[str, dict[str, tuple[str, str | None]]] = {
    "real_letters": {
        "question_count_exact": ("count_exact", None),
        "treatment_agreement": ("treatment_agree", "treatment_questions"),
    },
    "real_requests": {
        "count_exact": ("count_exact", None),
        "boundary_recall": ("labelled_matched", "expected"),
    },
}

PARTS = (*METRIC_PARTS, OWN)  # (a run of a team's own letters has the one part ``own``)


# --- which kind of results file -------------------------------------------------------------------


def is_dataset_results(data: object) -> bool:
    """A saved run of the real development sets: each value one set's results, its metrics split by part."""
    return (
        isinstance(data, dict)
        and bool(data)
        and all(
            isinstance(v, dict)
            and isinstance(v.get("cases"), list)
            and isinstance(v.get("metrics"), dict)
            and (
                all(isinstance(v["metrics"].get(p), dict) for p in METRIC_PARTS)
                or isinstance(v["metrics"].get(OWN), dict)  # a team's own letters (``--readings``)
            )
            and all(isinstance(c, dict) and "id" in c for c in v["cases"])
            for v in data.values()
        )
    )


def read_results(path: str | Path) -> tuple[str, dict]:
    """A results file and its kind: ``"suites"`` (``precedent eval [SUITE...]``) or ``"datasets"``."""
    from evals.results import load_results

    try:
        return "suites", load_results(path)
    except PrecedentError as exc:
        error = exc
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None  # load_results has said why, in the user's words
    if is_dataset_results(data):
        return "datasets", data
    raise error


KIND_NAMES = {"suites": "the suites' results", "datasets": "the real development sets' results"}


def load_pair(old_path: str | Path, new_path: str | Path) -> tuple[str, dict, dict]:
    (old_kind, old), (new_kind, new) = read_results(old_path), read_results(new_path)
    if old_kind != new_kind:
        raise PrecedentError(
            f"cannot compare {old_path} ({KIND_NAMES[old_kind]}) with {new_path} ({KIND_NAMES[new_kind]}): "
            "compare two runs of the same kind"
        )
    return old_kind, old, new


# --- comparing ------------------------------------------------------------------------------------


def _in_part(case: dict, part: str) -> bool:
    return part in ("all", OWN) or bool(case.get("held_back")) == (part == "held_back")


def _direction(key: str) -> str | None:
    if key in NEUTRAL or key not in DIRECTIONS:
        return None
    return "higher" if DIRECTIONS[key] else "lower"


def metric_rows(old: dict, new: dict, threshold: float) -> list[dict]:
    """One row a metric in either run: old, new, delta, which way is better and whether it regressed."""
    rows = []
    for key in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(key), new.get(key)
        # rounded as the metrics are, so a drop of exactly the threshold is not "more than" it
        delta = round(b - a, 4) if isinstance(a, int | float) and isinstance(b, int | float) else None
        better = _direction(key)
        if better is None or delta is None:
            bad = False
        elif better == "higher":
            bad = delta < -threshold
        else:  # a count that should be low: any rise
            bad = delta > 0
        rows.append(
            {
                "metric": key,
                "old": a,
                "new": b,
                "delta": delta,
                "better": better,
                "regressed": bad,
            }
        )
    return rows


def _recomputed(name: str, cases: list[dict]) -> dict | None:
    metrics = metrics_of(name)
    if metrics is None:
        return None
    try:
        return metrics(cases)
    except (KeyError, TypeError, ValueError):  # cases saved by an older reader without a score it now counts
        return None


def _changed_scores(a: dict, b: dict) -> dict:
    """The scores both runs have that differ (a score only one run has, such as whether a model's reading was
    used, is not a change of the case)."""
    return {k: {"old": a[k], "new": b[k]} for k in a if k in b and a[k] != b[k]}


def _paired_intervals(name: str, rows: list[dict], pairs: list[tuple[dict, dict]]) -> None:
    """Each headline rate's change on the cases both runs read, with its 95% interval, the cases resampled in pairs
    (``delta_interval``), and whether that interval holds 0 (``within_chance``: these cases cannot tell the change
    from chance). Set on the rows, in place."""
    for row in rows:
        keys = PAIRED.get(name, {}).get(row["metric"])
        if keys is None or row["delta"] is None:
            continue
        num, den = keys
        try:
            cases = [
                (
                    float(a["scores"][num]),
                    float(a["scores"][den]) if den else 1.0,
                    float(b["scores"][num]),
                    float(b["scores"][den]) if den else 1.0,
                )
                for a, b in pairs
            ]
        except (KeyError, TypeError, ValueError):  # a case saved without the score: no interval
            continue
        interval = scorers.paired_delta_interval(cases)
        if interval is not None:
            row["delta_interval"] = list(interval)
            row["within_chance"] = interval[0] <= 0 <= interval[1]


def compare_set(name: str, old: dict, new: dict, threshold: float) -> dict:
    """One set: its parts' metrics and, for the tuning part only, the cases whose scores changed."""
    old_cases = {c["id"]: c for c in old["cases"]}
    new_cases = {c["id"]: c for c in new["cases"]}
    runs = {
        side: {
            "reading": run.get("model") or "rules",
            "cases": len(run["cases"]),
            "dev": sum(1 for c in run["cases"] if not c.get("held_back")),
            "held_back": sum(1 for c in run["cases"] if c.get("held_back")),
            **({"readings": run["readings"]} if run.get("readings") else {}),
        }
        for side, run in (("old", old), ("new", new))
    }
    parts: dict[str, dict] = {}
    notes: list[str] = []
    for part in PARTS:
        have = [side for side, run in (("old", old), ("new", new)) if part in run["metrics"]]
        if len(have) < 2:
            if have:  # a team's own letters against the development set: not the same letters
                notes.append(f"{HEADINGS[part]}: not compared (only the {have[0]} run has this part)")
            continue
        if part == "all":
            read = {side: {p for p in ("dev", "held_back") if runs[side][p]} for side in ("old", "new")}
            if read["old"] != read["new"]:  # one run read a part the other did not: not the same letters
                notes.append(
                    f"{HEADINGS[part]}: not compared (the runs did not read the same parts; see each part)"
                )
                continue
            if len(read["old"]) < 2:  # both read one part only: "all" is that part, shown once
                continue
        ids_old = {i for i, c in old_cases.items() if _in_part(c, part)}
        ids_new = {i for i, c in new_cases.items() if _in_part(c, part)}
        if not ids_old or not ids_new:
            side = (
                "either run" if not ids_old and not ids_new else f"the {'old' if not ids_old else 'new'} run"
            )
            notes.append(f"{HEADINGS[part]}: not compared (not read in {side})")
            continue
        common = ids_old & ids_new
        entry: dict = {"cases": {"old": len(ids_old), "new": len(ids_new)}, "compared_on": len(ids_old)}
        m_old, m_new = old["metrics"][part], new["metrics"][part]
        if ids_old != ids_new:
            if not common:
                notes.append(f"{HEADINGS[part]}: not compared (no case read in both runs)")
                continue
            # the cases both runs read, scored again by the set's own metrics
            r_old = _recomputed(name, [c for i, c in old_cases.items() if i in common])
            r_new = _recomputed(name, [c for i, c in new_cases.items() if i in common])
            if r_old is None or r_new is None:
                notes.append(
                    f"{HEADINGS[part]}: the runs read different cases ({len(ids_old)} and {len(ids_new)}); "
                    "compared as saved (their scores could not be counted again)"
                )
                entry["compared_on"] = None
            else:
                m_old, m_new = r_old, r_new
                entry["compared_on"] = len(common)
        entry["metrics"] = metric_rows(m_old, m_new, threshold)
        _paired_intervals(name, entry["metrics"], [(old_cases[i], new_cases[i]) for i in sorted(common)])
        parts[part] = entry
    # the tuning part case by case (a held-back case is never named, even as added or removed)
    changes = []
    if bool(old.get("readings")) != bool(new.get("readings")):
        old_cases, new_cases = {}, {}  # a team's own letters against the set: no letter is paired
    for cid in sorted(set(old_cases) & set(new_cases)):
        a, b = old_cases[cid], new_cases[cid]
        if a.get("held_back") or b.get("held_back"):
            continue
        changed = _changed_scores(a.get("scores") or {}, b.get("scores") or {})
        if changed:
            changes.append({"id": cid, "scores": changed})
    tuning_only = {
        side: sorted(i for i, c in mine.items() if i not in other and not c.get("held_back"))
        for side, mine, other in (("old", old_cases, new_cases), ("new", new_cases, old_cases))
    }
    return {
        "runs": runs,
        "parts": parts,
        "notes": notes,
        "cases": changes,
        "tuning_only_in_old": tuning_only["old"],
        "tuning_only_in_new": tuning_only["new"],
        "regressed": any(r["regressed"] for p in parts.values() for r in p["metrics"]),
    }


def compare(old: dict, new: dict, threshold: float = 0.02) -> dict:
    """Every set in both runs; ``regressed`` when a metric of any part of any set regressed."""
    names = [n for n in old if n in new]
    if not names:
        raise PrecedentError(
            f"no development set in both runs (old: {', '.join(old)}; new: {', '.join(new)})"
        )
    sets = {name: compare_set(name, old[name], new[name], threshold) for name in names}
    return {
        "kind": "datasets",
        "sets": sets,
        "only_in_old": [n for n in old if n not in new],
        "only_in_new": [n for n in new if n not in old],
        "regressed": any(s["regressed"] for s in sets.values()),
        "threshold": threshold,
    }


# --- the table ------------------------------------------------------------------------------------


def _short(value, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 3] + "..."


def _signed(delta) -> str:
    if delta is None:
        return ""
    text = scorers.fmt(delta)
    return text if text.startswith("-") or delta == 0 else "+" + text


def compare_table(diff: dict) -> str:
    fmt = scorers.fmt
    lines: list[str] = []
    for name, s in diff["sets"].items():
        lines.append(name)
        # a team's own letters are all shown letter by letter; the development set's tuning part only
        kind = "letter" if all(r.get("readings") for r in s["runs"].values()) else "tuning case"
        for side, run in s["runs"].items():
            parts = (
                f"your letters, {run['readings']}"
                if run.get("readings")
                else f"tuning {run['dev']}, held back {run['held_back']}"
            )
            lines.append(f"  {side}: read by {run['reading']}, {run['cases']} cases ({parts})")
        for part, entry in s["parts"].items():
            on = entry["compared_on"]
            scope = (
                f"{on} cases"
                if entry["cases"]["old"] == entry["cases"]["new"] == on
                else f"the {on} cases both runs read (old {entry['cases']['old']}, new {entry['cases']['new']})"
                if on is not None
                else f"old {entry['cases']['old']}, new {entry['cases']['new']} cases, as saved"
            )
            lines += ["", f"  {HEADINGS[part]}: {scope}"]
            width = max(26, *(len(r["metric"]) for r in entry["metrics"]))
            lines.append(f"    {'metric':<{width}} {'old':>8} {'new':>8} {'delta':>8}")
            for r in entry["metrics"]:
                if isinstance(r["old"], list) or isinstance(r["new"], list):
                    continue  # an interval: its margin is the row shown
                mark = "  REGRESSION" if r["regressed"] else ""
                lines.append(
                    f"    {r['metric']:<{width}} {fmt(r['old'], '-'):>8} {fmt(r['new'], '-'):>8} "
                    f"{_signed(r['delta']):>8}{mark}"
                )
                if "delta_interval" in r:  # on a line of its own: the row above reads as it always has
                    low, high = r["delta_interval"]
                    chance = "; within chance" if r["within_chance"] else ""
                    lines.append(
                        f"      95% interval of the change: {_signed(low)} to {_signed(high)} "
                        f"(cases resampled in pairs{chance})"
                    )
        for note in s["notes"]:
            lines.append(f"  {note}")
        lines.append("")
        if not s["parts"]:
            pass  # nothing compared (the notes say why): no case either
        elif not s["cases"]:
            lines.append(f"  No {kind} changed.")
        else:
            apart = "; the held-back part only in its totals" if kind == "tuning case" else ""
            lines.append(f"  {kind.capitalize()}s changed ({len(s['cases'])}{apart}):")
        for c in s["cases"]:
            what = "; ".join(
                f"{k} {_short(v['old'], 30)} -> {_short(v['new'], 30)}" for k, v in c["scores"].items()
            )
            lines.append(f"    {c['id']}: {what}")
        for side in ("old", "new"):
            ids = s[f"tuning_only_in_{side}"]
            if ids:
                shown = ", ".join(ids[:10]) + (
                    f", ... ({len(ids) - 10} more in --json)" if len(ids) > 10 else ""
                )
                lines.append(f"  {kind.capitalize()}s only in the {side} run ({len(ids)}): {shown}")
        lines.append("")
    for side in ("old", "new"):
        if diff[f"only_in_{side}"]:
            lines.append(f"Only in the {side} run (not compared): {', '.join(diff[f'only_in_{side}'])}")
    lines.append(f"Regression beyond {diff['threshold']}: {'yes' if diff['regressed'] else 'no'}")
    return "\n".join(lines)
