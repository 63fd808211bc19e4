"""The re-check report: summary, clusters of disagreeing answers, ground truth; as HTML, CSV and JSON.

Pure functions over the per-letter records of a run (see :func:`foi_precedent.recheck.engine.record_for`).
The HTML is one self-contained file (inline CSS, a few lines of inline JS, inline SVG charts; no external
asset), so it opens offline; every piece of letter text in it is HTML-escaped.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from foi_precedent.consistency.flags import DIVERGENCE_KINDS, SEVERITIES

TREATMENT_ORDER = ["public_domain", "disclosed", "partly_disclosed", "withheld", "ncnd", "not_held", "cost_limit",
                   "vexatious", "other"]
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
            out[(r["reference"], q["label"])] = {**q, "reference": r["reference"], "date": r.get("date"),
                                                 "authority": r.get("authority"), "title": r.get("title")}
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
            q = qs.get((ref, label), {"reference": ref, "label": label, "text": "", "treatments": [],
                                       "exemptions": [], "pointers": [], "date": None, "authority": None})
            members.append({
                "reference": ref, "label": label, "date": q.get("date"), "authority": q.get("authority"),
                "question": q.get("text", ""), "answer": q.get("answer", ""),
                "treatments": q.get("treatments", []), "exemptions": q.get("exemptions", []),
                "pointers": q.get("pointers", []),
                "flags": [f["kind"] for f in flags_of.get((ref, label), [])],
            })
        members.sort(key=lambda m: (m["date"] or "9999", m["reference"], m["label"]))
        kinds = Counter(k for m in members for k in m["flags"])
        treatments = sorted({"+".join(m["treatments"]) or "none" for m in members})
        out.append({
            "id": "",
            "title": _title(members),
            "letters": members,
            "kinds": dict(kinds),
            "treatments": treatments,
            "flags": sum(kinds.values()),
        })
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
    applicable = [e for e in truth.get("inconsistencies", [])
                  if all(s["reference"] in by_ref for s in e["letters"])]
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
            question = next((q for (ref, lab), q in qs.items()
                             if ref == this["reference"] and _label_eq(lab, str(this["label"]))), None)
            for i, f in enumerate(rec["flags"]):
                if f["kind"] in DIVERGENCE_KINDS and _label_eq(f["label"], str(this["label"])) \
                        and _flag_links(f, other["reference"], question):
                    matched_flags.add((this["reference"], i))
                    hit = hit or {"id": entry["id"], "kind": entry["kind"], "flag": f["kind"],
                                  "on": f"{this['reference']} {f['label']}", "against": other["reference"]}
        (found if hit else missing).append(hit or {"id": entry["id"], "kind": entry["kind"],
                                                   "letters": [f"{s['reference']} {s['label']}" for s in (a, b)]})
    defects = {(d["reference"], DEFECT_FLAG.get(d["kind"], d["kind"])) for d in truth.get("defects", [])
               if d["reference"] in by_ref}
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


def build_report(records: list[dict], truth: dict | None = None, meta: dict | None = None) -> dict:
    """The JSON report: {"summary", "flags", "clusters", "ground_truth", "meta"}."""
    return {
        "summary": summary(records),
        "flags": all_flags(records),
        "clusters": clusters(records),
        "ground_truth": ground_truth_report(records, truth),
        "meta": meta or {},
    }


def flags_csv(report: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["reference", "label", "kind", "severity", "message", "draft_text", "evidence_references",
                "evidence_quotes"])
    for f in report["flags"]:
        w.writerow([f["reference"], f["label"], f["kind"], f["severity"], f["message"], f["draft_text"],
                    "; ".join(f"{e['reference']} {e['label']}" for e in f["evidence"]),
                    " || ".join(e["quote"] for e in f["evidence"])])
    return buf.getvalue()


def report_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, default=str)


# --- HTML -----------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:4px}
h3{font-size:1.05rem;margin:.3rem 0}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #dde;border-radius:8px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:1.4rem}.muted{color:#667}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0}th,td{border:1px solid #dde;padding:6px 8px;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#eef0f4}.sev-high{color:#b00020;font-weight:600}.sev-medium{color:#a85d00;font-weight:600}.sev-low{color:#466}
.cluster{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;margin:14px 0}
details{margin:4px 0}summary{cursor:pointer}.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:6px 0 10px}
.pair div{background:#f3f4f7;border-radius:6px;padding:8px;font-size:.88rem;white-space:pre-wrap}
.tag{display:inline-block;border-radius:10px;padding:1px 8px;font-size:.8rem;background:#e5e8ef;margin:1px}
.ok{color:#1b7a3a}.bad{color:#b00020}input[type=search]{padding:6px;width:320px;margin:6px 0}
svg text{font-size:11px;fill:#334}
"""

_JS = """
function filterFlags(v){v=v.toLowerCase();document.querySelectorAll('#flags tbody tr').forEach(function(r){
r.style.display=r.textContent.toLowerCase().indexOf(v)>=0?'':'none';});}
"""

_COLOURS = {"public_domain": "#2b8a3e", "disclosed": "#37b24d", "partly_disclosed": "#f59f00", "withheld": "#e8590c",
            "ncnd": "#862e9c", "not_held": "#1c7ed6", "cost_limit": "#868e96", "vexatious": "#495057",
            "other": "#adb5bd"}


def _e(value) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


def _primary(treatments: list[str]) -> str:
    for t in ("ncnd", "withheld", "partly_disclosed", "not_held", "public_domain", "disclosed", "cost_limit",
              "vexatious", "other"):
        if t in treatments:
            return t
    return "other"


def _row_label(m: dict) -> str:
    t = "+".join(m["treatments"]) or "none"
    ex = ", ".join(m["exemptions"])
    return t + (f" ({ex})" if ex else "")


def timeline_svg(cluster: dict, width: int = 640) -> str:
    """x = date, y = the treatment given (with exemptions): how the answer to this kind of question changed."""
    members = [m for m in cluster["letters"] if m.get("date")]
    if not members:
        return '<p class="muted">No dated letters to chart.</p>'
    rows = []
    for m in members:
        label = _row_label(m)
        if label not in rows:
            rows.append(label)
    rows.sort(key=lambda r: (TREATMENT_ORDER.index(r.split(" ")[0].split("+")[0])
                             if r.split(" ")[0].split("+")[0] in TREATMENT_ORDER else 99, r))
    left, top, row_h = 230, 14, 26
    height = top + row_h * len(rows) + 30
    dates = [date.fromisoformat(m["date"]) for m in members]
    lo, hi = min(dates).toordinal(), max(dates).toordinal()
    span = max(hi - lo, 1)

    def x(d: date) -> float:
        return left + 10 + (d.toordinal() - lo) / span * (width - left - 30)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="Treatment over time">']
    for i, r in enumerate(rows):
        y = top + row_h * i + row_h / 2
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="#e3e6ec"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4}" text-anchor="end">{_e(r[:38])}</text>')
    axis_y = top + row_h * len(rows) + 4
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - 10}" y2="{axis_y}" stroke="#99a"/>')
    years = sorted({d.year for d in dates})
    for yv in years:
        d = max(date(yv, 1, 1), min(dates)) if yv == years[0] else date(yv, 1, 1)
        parts.append(f'<text x="{x(d):.1f}" y="{axis_y + 16}" text-anchor="middle">{yv}</text>')
    points = []
    for m, d in sorted(zip(members, dates, strict=True), key=lambda md: md[1]):
        y = top + row_h * rows.index(_row_label(m)) + row_h / 2
        points.append((x(d), y, m, d))
    if len(points) > 1:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#99a" stroke-dasharray="3,3"/>')
    for px, py, m, d in points:
        colour = _COLOURS.get(_primary(m["treatments"]), "#adb5bd")
        ring = ' stroke="#b00020" stroke-width="2"' if m["flags"] else ""
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6" fill="{colour}"{ring}>'
                     f'<title>{_e(m["reference"])} {_e(m["label"])} ({d.isoformat()}): {_e(_row_label(m))}'
                     f'</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def _flag_details(f: dict) -> str:
    ev = "".join(
        f'<div><b>Precedent {_e(e["reference"])} {_e(e["label"])}'
        f'{" (" + _e(e["date"]) + ")" if e.get("date") else ""}:</b>\n{_e(e["quote"])}</div>'
        for e in f["evidence"]) or "<div class='muted'>No precedent passage.</div>"
    return (f'<details><summary><span class="sev-{_e(f["severity"])}">[{_e(f["severity"]).upper()}]</span> '
            f'{_e(f["reference"])} {_e(f["label"])} <code>{_e(f["kind"])}</code>: {_e(f["message"])}</summary>'
            f'<div class="pair"><div><b>This letter ({_e(f["reference"])} {_e(f["label"])}):</b>\n'
            f'{_e(f["draft_text"])}</div>{ev}</div></details>')


def render_html(report: dict, title: str = "Precedent re-check") -> str:
    s = report["summary"]
    gt = report.get("ground_truth")
    meta = report.get("meta") or {}
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>{_e(title)}</title><style>{_CSS}</style><script>{_JS}</script></head><body><main>",
           f"<h1>{_e(title)}</h1>",
           f"<p class='muted'>{_e(meta.get('label', ''))} · run {_e(meta.get('run_id', ''))} · "
           f"{_e(meta.get('generated', ''))} · mode {_e(meta.get('mode', ''))}</p>",
           "<div class='cards'>",
           f"<div class='card'><b>{s['letters']}</b>letters</div>",
           f"<div class='card'><b>{s['questions']}</b>questions</div>",
           f"<div class='card'><b>{s['flags']}</b>flags</div>",
           f"<div class='card'><b>{s['letters_flagged']}</b>letters flagged</div>",
           f"<div class='card'><b>{len(report['clusters'])}</b>clusters that disagree</div>",
           "</div>"]
    out.append("<h2>Flags by kind and severity</h2><table><tr><th>Kind</th><th>Flags</th></tr>")
    out += [f"<tr><td><code>{_e(k)}</code></td><td>{v}</td></tr>" for k, v in s["by_kind"].items()]
    out.append("</table><table><tr>" + "".join(f"<th class='sev-{x}'>{x}</th>" for x in SEVERITIES) + "</tr><tr>"
               + "".join(f"<td>{s['by_severity'][x]}</td>" for x in SEVERITIES) + "</tr></table>")
    if gt:
        out.append("<h2>Ground truth</h2>")
        out.append(f"<p>Deliberate inconsistencies found: <b class='{'ok' if gt['found'] == gt['inconsistencies'] else 'bad'}'>"
                   f"{gt['found']} of {gt['inconsistencies']}</b>. Statutory defects found: {gt['defects_found']} of "
                   f"{gt['defects']}. <b>{gt['flags_outside_ground_truth']}</b> flags are not in the ground truth "
                   f"({gt['divergence_flags_outside_ground_truth']} divergence, "
                   f"{gt['statutory_flags_outside_ground_truth']} statutory): a reviewer should judge them.</p>")
        if gt["missing"]:
            out.append("<p class='bad'>Missed: " + ", ".join(
                _e(f"{m['id']} ({'; '.join(m['letters'])})") for m in gt["missing"]) + "</p>")
    out.append("<h2>Clusters of similar questions whose answers disagree</h2>")
    if not report["clusters"]:
        out.append("<p>No divergence: every letter agrees with its precedent.</p>")
    for c in report["clusters"]:
        out.append(f"<section class='cluster' id='{_e(c['id'])}'><h3>{_e(c['id'])}. {_e(c['title'])}</h3>")
        out.append(f"<p class='muted'>{len(c['letters'])} answers · {c['flags']} flag(s) · treatments: "
                   + ", ".join(f"<span class='tag'>{_e(t)}</span>" for t in c["treatments"]) + "</p>")
        out.append(timeline_svg(c))
        out.append("<table><tr><th>Date</th><th>Letter</th><th>Authority</th><th>Question</th><th>Treatment</th>"
                   "<th>Exemptions</th><th>Pointers</th><th>Flags</th></tr>")
        for m in c["letters"]:
            out.append(f"<tr><td>{_e(m['date'] or '')}</td><td>{_e(m['reference'])} {_e(m['label'])}</td>"
                       f"<td>{_e(m['authority'] or '')}</td><td>{_e(m['question'])}</td>"
                       f"<td>{_e(', '.join(m['treatments']))}</td><td>{_e(', '.join(m['exemptions']))}</td>"
                       f"<td>{_e('; '.join(m['pointers']))}</td><td>{_e(', '.join(m['flags']))}</td></tr>")
        out.append("</table>")
        members = {(m["reference"], m["label"]) for m in c["letters"]}
        for f in report["flags"]:
            if f["kind"] in DIVERGENCE_KINDS and (f["reference"], f["label"]) in members:
                out.append(_flag_details(f))
        out.append("</section>")
    out.append("<h2>All flags</h2><input type='search' placeholder='Filter flags (reference, kind, words)' "
               "oninput='filterFlags(this.value)'>")
    out.append("<table id='flags'><thead><tr><th>Flag</th></tr></thead><tbody>")
    out += [f"<tr><td>{_flag_details(f)}</td></tr>" for f in report["flags"]]
    out.append("</tbody></table>")
    if gt and gt["outside"]:
        out.append("<h2>Flags not in the ground truth</h2><details><summary>"
                   f"{len(gt['outside'])} flags</summary><ul>"
                   + "".join(f"<li>{_e(x)}</li>" for x in gt["outside"]) + "</ul></details>")
    out.append("</main></body></html>")
    return "\n".join(out)
