"""The re-check report: summary, clusters of disagreeing answers, ground truth; as HTML, CSV and JSON.

Pure functions over the per-letter records of a run (see :func:`foi_precedent.recheck.engine.record_for`).
The HTML is one self-contained file (inline CSS, a few lines of inline JS, inline SVG charts; no external
asset), so it opens offline. It is rendered from ``templates/report.html.j2`` with autoescape, so every piece of
letter text in it is HTML-escaped.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from pathlib import Path

import jinja2

from foi_precedent.consistency.flags import DIVERGENCE_KINDS, SEVERITIES
from foi_precedent.letters.model import TREATMENT_ORDER as TREATMENTS_IN_ORDER

TREATMENT_ORDER = [t.value for t in TREATMENTS_IN_ORDER]
DEFECT_FLAG = {
    "missing_complaint_rights": "missing_complaint_rights",
    "qualified_without_pit": "missing_public_interest_test",
    "prejudice_without_harm": "missing_harm_statement",
    "s21_without_location": "s21_without_location",
    "s12_without_figures": "s12_without_figures",
    "s30_and_s31": "s30_and_s31",
    "unanswered_question": "unanswered_question",
}


def default_ground_truth_path() -> Path | None:
    """The shipped ground truth (evals/ground_truth.yaml beside the package), if present."""
    path = Path(__file__).resolve().parents[2] / "evals" / "ground_truth.yaml"
    return path if path.exists() else None


def load_ground_truth(path: str | Path | None = None) -> dict | None:
    import yaml

    path = Path(path) if path else default_ground_truth_path()
    if path is None or not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- flags ----------------------------------------------------------------------------------------


def all_flags(records: list[dict]) -> list[dict]:
    """Every flag of the run, each with its letter's reference."""
    return [{"reference": r["reference"], **f} for r in records for f in r["flags"]]


def summary(records: list[dict]) -> dict:
    flags = all_flags(records)
    by_kind = Counter(f["kind"] for f in flags)
    by_sev = Counter(f["severity"] for f in flags)
    return {
        "letters": len(records),
        "questions": sum(len(r["questions"]) for r in records),
        "flags": len(flags),
        "letters_flagged": sum(1 for r in records if r["flags"]),
        "divergence_flags": sum(1 for f in flags if f["kind"] in DIVERGENCE_KINDS),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES},
    }


# --- clusters -------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _question_index(records: list[dict]) -> dict[tuple[str, str], dict]:
    out = {}
    for r in records:
        for q in r["questions"]:
            out[(r["reference"], q["label"])] = {
                **q,
                "reference": r["reference"],
                "date": r.get("date"),
                "authority": r.get("authority"),
                "title": r.get("title"),
            }
    return out


def clusters(records: list[dict]) -> list[dict]:
    """Question-nodes joined by divergence flags and their evidence (union-find): each group is a kind of
    question the corpus answers in more than one way. Letters in date order, treatments side by side."""
    qs = _question_index(records)
    uf = _UnionFind()
    flags_of: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in records:
        for f in r["flags"]:
            if f["kind"] not in DIVERGENCE_KINDS:
                continue
            node = (r["reference"], f["label"])
            uf.find(node)
            flags_of[node].append(f)
            for e in f["evidence"]:
                other = (e["reference"], e["label"])
                if other in qs:
                    uf.union(node, other)
    groups: dict = defaultdict(set)
    for node in list(uf.parent):
        groups[uf.find(node)].add(node)
    out = []
    for nodes in groups.values():
        members = []
        for ref, label in nodes:
            q = qs.get(
                (ref, label),
                {
                    "reference": ref,
                    "label": label,
                    "text": "",
                    "treatments": [],
                    "exemptions": [],
                    "pointers": [],
                    "date": None,
                    "authority": None,
                },
            )
            members.append(
                {
                    "reference": ref,
                    "label": label,
                    "date": q.get("date"),
                    "authority": q.get("authority"),
                    "question": q.get("text", ""),
                    "answer": q.get("answer", ""),
                    "treatments": q.get("treatments", []),
                    "exemptions": q.get("exemptions", []),
                    "pointers": q.get("pointers", []),
                    "flags": [f["kind"] for f in flags_of.get((ref, label), [])],
                }
            )
        members.sort(key=lambda m: (m["date"] or "9999", m["reference"], m["label"]))
        kinds = Counter(k for m in members for k in m["flags"])
        treatments = sorted({"+".join(m["treatments"]) or "none" for m in members})
        out.append(
            {
                "id": "",
                "title": _title(members),
                "letters": members,
                "kinds": dict(kinds),
                "treatments": treatments,
                "flags": sum(kinds.values()),
            }
        )
    out.sort(key=lambda c: (-c["flags"], -len(c["letters"]), c["letters"][0]["reference"]))
    for i, c in enumerate(out, 1):
        c["id"] = f"c{i}"
    return out


def _title(members: list[dict]) -> str:
    flagged = [m for m in members if m["flags"]] or members
    text = (flagged[0]["question"] or "").strip().replace("\n", " ")
    return text if len(text) <= 120 else text[:117].rstrip() + "…"


# --- ground truth ---------------------------------------------------------------------------------


def _label_eq(a: str, b: str) -> bool:
    from foi_precedent.letters.model import label_key

    return a.lower() == b.lower() or label_key(a) == label_key(b)


def _flag_links(flag: dict, other_ref: str, question: dict | None) -> bool:
    if any(e["reference"] == other_ref for e in flag["evidence"]):
        return True
    precedents = ((question or {}).get("consensus") or {}).get("precedents", [])
    return any(p["reference"] == other_ref for p in precedents)


def ground_truth_report(records: list[dict], truth: dict | None) -> dict | None:
    """Which deliberate inconsistencies and defects the run found, and how many of its flags are not in the
    ground truth (None when none of the ground truth's letters is in the run)."""
    if not truth:
        return None
    by_ref = {r["reference"]: r for r in records}
    qs = _question_index(records)
    # only the inconsistencies whose two letters are both in the run can be found by it
    applicable = [
        e for e in truth.get("inconsistencies", []) if all(s["reference"] in by_ref for s in e["letters"])
    ]
    if not applicable:
        return None
    found, missing, matched_flags = [], [], set()
    for entry in applicable:
        a, b = entry["letters"]
        hit = None
        for this, other in ((a, b), (b, a)):
            rec = by_ref.get(this["reference"])
            if rec is None:
                continue
            question = next(
                (
                    q
                    for (ref, lab), q in qs.items()
                    if ref == this["reference"] and _label_eq(lab, str(this["label"]))
                ),
                None,
            )
            for i, f in enumerate(rec["flags"]):
                if (
                    f["kind"] in DIVERGENCE_KINDS
                    and _label_eq(f["label"], str(this["label"]))
                    and _flag_links(f, other["reference"], question)
                ):
                    matched_flags.add((this["reference"], i))
                    hit = hit or {
                        "id": entry["id"],
                        "kind": entry["kind"],
                        "flag": f["kind"],
                        "on": f"{this['reference']} {f['label']}",
                        "against": other["reference"],
                    }
        (found if hit else missing).append(
            hit
            or {
                "id": entry["id"],
                "kind": entry["kind"],
                "letters": [f"{s['reference']} {s['label']}" for s in (a, b)],
            }
        )
    defects = {
        (d["reference"], DEFECT_FLAG.get(d["kind"], d["kind"]))
        for d in truth.get("defects", [])
        if d["reference"] in by_ref
    }
    defects_found = set()
    outside_div, outside_stat = [], []
    for r in records:
        for i, f in enumerate(r["flags"]):
            if f["kind"] in DIVERGENCE_KINDS:
                if (r["reference"], i) not in matched_flags:
                    outside_div.append(f"{r['reference']} {f['label']} {f['kind']}")
            elif (r["reference"], f["kind"]) in defects:
                defects_found.add((r["reference"], f["kind"]))
            else:
                outside_stat.append(f"{r['reference']} {f['label']} {f['kind']}")
    total = len(applicable)
    return {
        "inconsistencies": total,
        "not_applicable": len(truth.get("inconsistencies", [])) - total,
        "found": len(found),
        "recall": round(len(found) / total, 4) if total else None,
        "found_ids": [h["id"] for h in found],
        "missing": missing,
        "matches": found,
        "defects": len(defects),
        "defects_found": len(defects_found),
        "flags_matching_ground_truth": len(matched_flags) + len(defects_found),
        "flags_outside_ground_truth": len(outside_div) + len(outside_stat),
        "divergence_flags_outside_ground_truth": len(outside_div),
        "statutory_flags_outside_ground_truth": len(outside_stat),
        "outside": outside_div + outside_stat,
    }


# --- the report -----------------------------------------------------------------------------------


def readings_to_check(records: list[dict]) -> list[dict]:
    """Answers the reader read with low confidence, with why and the passage read: a flag on one of them may be
    a misreading rather than an inconsistency."""
    return [
        {
            "reference": r["reference"],
            "label": q["label"],
            "review": q["review"],
            "evidence": q.get("evidence", ""),
        }
        for r in records
        for q in r["questions"]
        if q.get("review")
    ]


def corrected_readings(records: list[dict]) -> list[dict]:
    """Answers an officer corrected (``foi_precedent.corrections``): what they now say, what the reader had read,
    and who corrected it, when and why. The re-check counted the corrected reading."""
    out = []
    for r in records:
        for q in r["questions"]:
            note = q.get("corrected")
            if not note:
                continue
            original = note.get("original") or {}
            out.append(
                {
                    "reference": r["reference"],
                    "label": q["label"],
                    "treatments": q["treatments"],
                    "exemptions": q["exemptions"],
                    "was_treatments": original.get("treatments", []),
                    "was_exemptions": original.get("exemptions", []),
                    "officer": note.get("officer"),
                    "at": note.get("at"),
                    "reason": note.get("reason"),
                }
            )
    return out


def build_report(records: list[dict], truth: dict | None = None, meta: dict | None = None) -> dict:
    """The JSON report: {"summary", "flags", "clusters", "ground_truth", "readings_to_check", "meta"}."""
    to_check = readings_to_check(records)
    unsure = {(x["reference"], x["label"]) for x in to_check}
    corrected = corrected_readings(records)
    fixed = {(x["reference"], x["label"]) for x in corrected}
    flags = [
        {
            **f,
            "reading_to_check": (f["reference"], f["label"]) in unsure,
            "corrected_reading": (f["reference"], f["label"]) in fixed,
        }
        for f in all_flags(records)
    ]
    return {
        "summary": {
            **summary(records),
            "readings_to_check": len(to_check),
            "flags_on_readings_to_check": sum(1 for f in flags if f["reading_to_check"]),
            "corrected_readings": len(corrected),
        },
        "flags": flags,
        "readings_to_check": to_check,
        "corrected_readings": corrected,
        "clusters": clusters(records),
        "ground_truth": ground_truth_report(records, truth),
        "meta": meta or {},
    }


def flags_csv(report: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        [
            "reference",
            "label",
            "kind",
            "severity",
            "message",
            "draft_text",
            "evidence_references",
            "evidence_quotes",
        ]
    )
    for f in report["flags"]:
        w.writerow(
            [
                f["reference"],
                f["label"],
                f["kind"],
                f["severity"],
                f["message"],
                f["draft_text"],
                "; ".join(f"{e['reference']} {e['label']}" for e in f["evidence"]),
                " || ".join(e["quote"] for e in f["evidence"]),
            ]
        )
    return buf.getvalue()


def report_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, default=str)


# --- HTML -----------------------------------------------------------------------------------------

_COLOURS = {
    "public_domain": "#2b8a3e",
    "disclosed": "#37b24d",
    "partly_disclosed": "#f59f00",
    "withheld": "#e8590c",
    "ncnd": "#862e9c",
    "not_held": "#1c7ed6",
    "cost_limit": "#868e96",
    "vexatious": "#495057",
    "other": "#adb5bd",
}


@cache
def _templates() -> jinja2.Environment:
    """Autoescaping: a letter's text or a flag's message can hold markup, and must show as text."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("foi_precedent.recheck", "templates"),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        finalize=lambda value: "" if value is None else value,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _primary(treatments: list[str]) -> str:
    for t in (
        "ncnd",
        "withheld",
        "partly_disclosed",
        "not_held",
        "public_domain",
        "disclosed",
        "cost_limit",
        "vexatious",
        "other",
    ):
        if t in treatments:
            return t
    return "other"


def _row_label(m: dict) -> str:
    t = "+".join(m["treatments"]) or "none"
    ex = ", ".join(m["exemptions"])
    return t + (f" ({ex})" if ex else "")


def timeline(cluster: dict, width: int = 640) -> dict | None:
    """The chart of a cluster, x = date, y = the treatment given (with exemptions): how the answer to this kind
    of question changed. Coordinates for the template's SVG; None when no letter is dated."""
    members = [m for m in cluster["letters"] if m.get("date")]
    if not members:
        return None
    rows = []
    for m in members:
        label = _row_label(m)
        if label not in rows:
            rows.append(label)
    rows.sort(
        key=lambda r: (
            TREATMENT_ORDER.index(r.split(" ")[0].split("+")[0])
            if r.split(" ")[0].split("+")[0] in TREATMENT_ORDER
            else 99,
            r,
        )
    )
    left, top, row_h = 230, 14, 26
    height = top + row_h * len(rows) + 30
    dates = [date.fromisoformat(m["date"]) for m in members]
    lo, hi = min(dates).toordinal(), max(dates).toordinal()
    span = max(hi - lo, 1)

    def x(d: date) -> float:
        return left + 10 + (d.toordinal() - lo) / span * (width - left - 30)

    years = sorted({d.year for d in dates})
    points = []
    for m, d in sorted(zip(members, dates, strict=True), key=lambda md: md[1]):
        y = top + row_h * rows.index(_row_label(m)) + row_h / 2
        points.append(
            {
                "x": f"{x(d):.1f}",
                "y": f"{y:.1f}",
                "colour": _COLOURS.get(_primary(m["treatments"]), "#adb5bd"),
                "flagged": bool(m["flags"]),
                "reference": m["reference"],
                "label": m["label"],
                "date": d.isoformat(),
                "row": _row_label(m),
            }
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - 10,
        "rows": [{"label": r, "y": top + row_h * i + row_h / 2} for i, r in enumerate(rows)],
        "axis_y": top + row_h * len(rows) + 4,
        "years": [
            {
                "year": yv,
                "x": f"{x(max(date(yv, 1, 1), min(dates)) if yv == years[0] else date(yv, 1, 1)):.1f}",
            }
            for yv in years
        ],
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
    }


def render_html(report: dict, title: str = "Precedent re-check") -> str:
    """The report as one HTML file, from ``templates/report.html.j2``."""
    sections = []
    for c in report["clusters"]:
        members = {(m["reference"], m["label"]) for m in c["letters"]}
        sections.append(
            {
                "cluster": c,
                "timeline": timeline(c),
                "flags": [
                    f
                    for f in report["flags"]
                    if f["kind"] in DIVERGENCE_KINDS and (f["reference"], f["label"]) in members
                ],
            }
        )
    return (
        _templates()
        .get_template("report.html.j2")
        .render(
            title=title,
            s=report["summary"],
            gt=report.get("ground_truth"),
            meta=report.get("meta") or {},
            clusters=report["clusters"],
            sections=sections,
            flags=report["flags"],
            severities=SEVERITIES,
            to_check=report.get("readings_to_check") or [],
            corrected=report.get("corrected_readings") or [],
        )
    )
