"""How far two labellers agree on the same real requests: the existing labels against a blind second reading.

The second reading (``second_read/labels.yaml``, same schema as ``labels/<batch>.yaml``) was written from the
request text and the guide alone. For every request it labels, the first reading is the entry of the same id in
``labels/*.yaml``; held-back requests (``evals.holdout``) are skipped before their labels are looked at.

Per request:

* question count: both readings give the same number of questions (sub-questions count); also the number of
  top-level questions (``sub_of`` null), to tell nesting disagreements from splitting ones;
* boundaries: the questions of one reading matched by a question of the other with the eval's own matching
  (``suite.match_questions``: character-overlap F1 >= 0.8 after ``suite.normalise``, one to one, best pairs first),
  both ways; pooled over requests like the eval pools them;
* identity items: the requester's names, e-mails, phones and addresses (compared after ``suite.normalise``);
  agreement is the items both readings give over the items either gives; third parties the same way.

Run: ``python -m evals.real_requests.second_read.agreement`` (or by path).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run by path: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from evals.holdout import is_held_back
from evals.real_requests.suite import LABELS_DIR, PII_KINDS, match_questions, normalise

HERE = Path(__file__).resolve().parent
SECOND = HERE / "labels.yaml"


def load_entries(path: Path) -> list[dict]:
    return [e for e in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if not is_held_back(e["id"])]


def first_readings(ids: set[str], directory: Path = LABELS_DIR) -> dict[str, dict]:
    """The existing label of each id asked for (first one found, as the eval does), held-back ids never kept."""
    out: dict[str, dict] = {}
    for path in sorted(directory.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case_id = entry["id"]
            if case_id in ids and case_id not in out and not is_held_back(case_id):
                entry["_batch"] = path.stem
                out[case_id] = entry
    return out


def _texts(label: dict) -> list[str]:
    return [q["text"] for q in label.get("questions") or []]


def _top_level(label: dict) -> int:
    return sum(q.get("sub_of") is None for q in label.get("questions") or [])


def _items(label: dict) -> set[tuple[str, str]]:
    requester = label.get("requester") or {}
    return {
        (kind, normalise(str(v)))
        for kind in PII_KINDS
        for v in requester.get(kind) or []
        if normalise(str(v))
    }


def _people(label: dict) -> set[str]:
    return {normalise(t) for t in label.get("third_parties") or [] if normalise(t)}


def compare(first: dict, second: dict) -> dict:
    """The agreement of two readings of one request."""
    a, b = _texts(first), _texts(second)
    a_in_b = match_questions(b, a)  # for each first-reading question, the second-reading one matching it
    b_in_a = match_questions(a, b)
    ia, ib = _items(first), _items(second)
    pa, pb = _people(first), _people(second)
    return {
        "id": first["id"],
        "count_first": len(a),
        "count_second": len(b),
        "count_exact": len(a) == len(b),
        "top_first": _top_level(first),
        "top_second": _top_level(second),
        "top_exact": _top_level(first) == _top_level(second),
        "first_matched": sum(m is not None for m in a_in_b),
        "second_matched": sum(m is not None for m in b_in_a),
        "only_first": [t for t, m in zip(a, a_in_b, strict=True) if m is None],
        "only_second": [t for t, m in zip(b, b_in_a, strict=True) if m is None],
        "identity_both": len(ia & ib),
        "identity_either": len(ia | ib),
        "identity_only_first": sorted(f"{k}: {v}" for k, v in ia - ib),
        "identity_only_second": sorted(f"{k}: {v}" for k, v in ib - ia),
        "third_both": len(pa & pb),
        "third_either": len(pa | pb),
        "third_only_first": sorted(pa - pb),
        "third_only_second": sorted(pb - pa),
    }


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {
        "requests": n,
        "count_exact": _share(sum(r["count_exact"] for r in rows), n),
        "top_exact": _share(sum(r["top_exact"] for r in rows), n),
        "questions_first": sum(r["count_first"] for r in rows),
        "questions_second": sum(r["count_second"] for r in rows),
        "first_in_second": _share(sum(r["first_matched"] for r in rows), sum(r["count_first"] for r in rows)),
        "second_in_first": _share(
            sum(r["second_matched"] for r in rows), sum(r["count_second"] for r in rows)
        ),
        "identity_exact": _share(sum(r["identity_both"] == r["identity_either"] for r in rows), n),
        "identity_items_both": sum(r["identity_both"] for r in rows),
        "identity_items_either": sum(r["identity_either"] for r in rows),
        "identity_agreement": _share(
            sum(r["identity_both"] for r in rows), sum(r["identity_either"] for r in rows)
        ),
        "third_both": sum(r["third_both"] for r in rows),
        "third_either": sum(r["third_either"] for r in rows),
        "third_agreement": _share(sum(r["third_both"] for r in rows), sum(r["third_either"] for r in rows)),
    }


def run(second_path: Path = SECOND, labels_dir: Path = LABELS_DIR) -> tuple[list[dict], dict]:
    second = load_entries(second_path)
    first = first_readings({e["id"] for e in second}, labels_dir)
    rows = []
    for entry in second:
        if entry["id"] not in first:
            continue
        row = compare(first[entry["id"]], entry)
        row["batch"] = first[entry["id"]]["_batch"]
        rows.append(row)
    return rows, summary(rows)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _cut(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def report(rows: list[dict], totals: dict) -> str:
    out = [
        "| id | batch | questions (first / second) | top-level | first matched | second matched | identity |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "" if r["count_exact"] else " **x**"
        out.append(
            f"| {r['id']} | {r['batch']} | {r['count_first']} / {r['count_second']}{mark} | "
            f"{r['top_first']} / {r['top_second']} | {r['first_matched']}/{r['count_first']} | "
            f"{r['second_matched']}/{r['count_second']} | {r['identity_both']}/{r['identity_either']} |"
        )
    t = totals
    out += [
        "",
        "| | agreement |",
        "|---|---|",
        f"| requests | {t['requests']} |",
        f"| question count exact | {_fmt(t['count_exact'])} |",
        f"| top-level question count exact | {_fmt(t['top_exact'])} |",
        f"| questions (first / second reading) | {t['questions_first']} / {t['questions_second']} |",
        f"| boundaries: first-reading questions matched in second (F1 >= 0.8) | {_fmt(t['first_in_second'])} |",
        f"| boundaries: second-reading questions matched in first | {_fmt(t['second_in_first'])} |",
        f"| identity items in both / in either | {t['identity_items_both']} / {t['identity_items_either']}"
        f" ({_fmt(t['identity_agreement'])}) |",
        f"| requests whose identity items agree exactly | {_fmt(t['identity_exact'])} |",
        f"| third parties in both / in either | {t['third_both']} / {t['third_either']}"
        f" ({_fmt(t['third_agreement'])}) |",
        "",
        "Disagreements:",
    ]
    for r in rows:
        lines = [f"  only in first: {_cut(x)}" for x in r["only_first"]]
        lines += [f"  only in second: {_cut(x)}" for x in r["only_second"]]
        lines += [f"  identity only in first: {x}" for x in r["identity_only_first"]]
        lines += [f"  identity only in second: {x}" for x in r["identity_only_second"]]
        lines += [f"  third party only in first: {x}" for x in r["third_only_first"]]
        lines += [f"  third party only in second: {x}" for x in r["third_only_second"]]
        if lines or not r["count_exact"]:
            out.append(f"- {r['id']} ({r['count_first']} / {r['count_second']} questions)")
            out += lines
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--second",
        type=Path,
        default=SECOND,
        help="the second reading to compare (default: labels.yaml, guide version 1; labels-v2.yaml: version 2)",
    )
    args = ap.parse_args(argv)
    rows, totals = run(args.second)
    print(report(rows, totals))


if __name__ == "__main__":
    main()
