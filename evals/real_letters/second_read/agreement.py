"""Agreement between the first reading of the real letters (``labels/*.yaml``) and the independent second
reading of a sample of them (``second_read/labels.yaml``): how far two careful readers of the same guide agree.

Run: ``.venv/bin/python -m evals.real_letters.second_read.agreement`` (or by path). Prints a table and the list
of disagreements; ``--markdown`` prints the disagreement list as Markdown tables (as used in RESULTS.md).

What is measured (the first reading is the reference for precision/recall):

* question count: letters where both readings list the same number of questions;
* treatment agreement: exact equality of the treatment sets of two questions, over pairs where both readings
  show an answer (treatments non-empty):
  - *count agrees*: questions paired by position, in letters where the counts agree;
  - *overall*: every letter, questions paired in order (by position when the counts agree, else by label and
    opening words); a question with an answer in either reading that has no partner counts as a disagreement;
  - *visibility*: pairs where one reading shows an answer and the other marks it not visible (``[]``);
  - *suite-style*: as ``precedent eval real_letters`` scores the reader: one reading's questions with an answer,
    and the share of them the other reading has (paired) with the same set; both directions;
* Cohen's kappa for treatment, the treatment set taken as one category, over the count-agrees pairs;
* exemptions: letter-level sets, over letters where neither reading says null: micro precision/recall of the
  second reading against the first, the mean of the per-letter precision and recall, exact-set share; also at
  question level over the paired questions (ncnd provisions are listed in exemptions too, per the guide);
* letter flags (refusal notice, public interest test, harm statement, complaint rights): agreement over letters
  where both readings give true/false, plus the number where only one does (the other says null);
* secondary: other_reason where both say ``other``, question labels of paired questions, and the letter fields
  regime, authority_kind, truncated, decision_visible, layout.

Only letters in the second reading are read from the first; none of them is held back (checked).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FIRST_DIR = HERE.parent / "labels"
SECOND = HERE / "labels.yaml"
FLAGS = ("refusal_notice", "public_interest_test", "harm_statement", "complaint_rights")
FIELDS = ("regime", "authority_kind", "truncated", "decision_visible", "layout")


# --- loading --------------------------------------------------------------------------------------


def load_second(path: Path = SECOND) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def load_first(ids: set[str], directory: Path = FIRST_DIR) -> dict[str, dict]:
    """The first reading of the given letters only (the first label of an id wins, as in evals.datasets)."""
    out: dict[str, dict] = {}
    for path in sorted(directory.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if entry["id"] in ids and entry["id"] not in out:
                out[entry["id"]] = entry
    return out


# --- small pieces ---------------------------------------------------------------------------------


def tset(q: dict | None) -> tuple[str, ...]:
    return tuple(sorted((q or {}).get("treatments") or []))


def tname(t: tuple[str, ...] | None) -> str:
    if t is None:
        return "(no question)"
    return "+".join(t) if t else "[] (not visible)"


def norm_provision(p: str) -> str:
    return re.sub(r"\s+", "", str(p).strip().lower())


def label_key(label: str | None) -> str | None:
    """'Q2.', '2)', 'Question 2' -> '2'; 'a.' -> 'a'; None stays None."""
    if label is None:
        return None
    s = str(label).strip().lower().rstrip(".:)")
    m = re.search(r"(\d{1,2})\s*\(?([a-z])?\)?$", s)
    if m:
        return m.group(1) + (m.group(2) or "")
    return re.sub(r"^(question|q|part)\s*", "", s).strip("() ")


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def starts_overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter opening's words found among the other's first words."""
    wa, wb = _words(a)[:8], _words(b)[:8]
    if not wa or not wb:
        return 0.0
    short, other = (wa, set(wb)) if len(wa) <= len(wb) else (wb, set(wa))
    return sum(1 for w in short if w in other) / len(short)


def align(first: list[dict], second: list[dict]) -> list[tuple[int | None, int | None]]:
    """Pairs of question indexes (first, second), in order; None on one side for an unpaired question.

    Same count: by position. Otherwise in order, each first question takes the next unused second question
    (not before the last one taken) whose label key matches or whose opening words overlap by half or more."""
    if len(first) == len(second):
        return [(i, i) for i in range(len(first))]
    pairs: list[tuple[int | None, int | None]] = []
    j0 = 0
    for i, q in enumerate(first):
        best, best_score = None, 0.0
        for j in range(j0, len(second)):
            score = starts_overlap(q.get("starts"), second[j].get("starts"))
            kq, ks = label_key(q.get("label")), label_key(second[j].get("label"))
            if kq is not None and kq == ks:
                score += 1.0
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= 0.5:
            pairs.extend((None, k) for k in range(j0, best))
            pairs.append((i, best))
            j0 = best + 1
        else:
            pairs.append((i, None))
    pairs.extend((None, k) for k in range(j0, len(second)))
    return pairs


def cohen_kappa(a: list, b: list) -> float | None:
    """Cohen's kappa of two raters' categories over the same items; None when undefined (no items, or chance
    agreement is already 1)."""
    if len(a) != len(b):
        raise ValueError("kappa needs two equally long ratings")
    n = len(a)
    if not n:
        return None
    po = sum(1 for x, y in zip(a, b, strict=True) if x == y) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


# --- the comparison -------------------------------------------------------------------------------


def compare(first: dict[str, dict], second: list[dict]) -> dict:
    """Every count the report needs, and the lists of disagreements, for letters present in both readings."""
    r: dict = {
        "letters": 0,
        "count_agree": 0,
        "questions_first": 0,
        "questions_second": 0,
        "pos_pairs_visible": 0,
        "pos_agree": 0,
        "kappa_a": [],
        "kappa_b": [],
        "all_items": 0,
        "all_agree": 0,
        "visibility_mismatch": 0,
        "first_answered": 0,
        "first_matched": 0,
        "second_answered": 0,
        "second_matched": 0,
        "ex_letters": 0,
        "ex_tp": 0,
        "ex_fp": 0,
        "ex_fn": 0,
        "ex_exact": 0,
        "ex_one_null": 0,
        "ex_p": [],
        "ex_r": [],
        "qex_tp": 0,
        "qex_fp": 0,
        "qex_fn": 0,
        "other_both": 0,
        "other_agree": 0,
        "label_pairs": 0,
        "label_agree": 0,
        "fields": {k: 0 for k in FIELDS},
        "flags": {f: {"both": 0, "agree": 0, "one_null": 0} for f in FLAGS},
        "missing": [],
        "count_diffs": [],
        "treatment_diffs": [],
        "exemption_diffs": [],
        "q_exemption_diffs": [],
        "flag_diffs": [],
        "secondary_diffs": [],
    }
    for s in second:
        f = first.get(s["id"])
        if f is None:
            r["missing"].append(s["id"])
            continue
        lid = s["id"]
        r["letters"] += 1
        fq, sq = f.get("questions") or [], s.get("questions") or []
        r["questions_first"] += len(fq)
        r["questions_second"] += len(sq)
        same = len(fq) == len(sq)
        if same:
            r["count_agree"] += 1
        else:
            r["count_diffs"].append(
                {
                    "id": lid,
                    "first": len(fq),
                    "second": len(sq),
                    "first_labels": [q.get("label") for q in fq],
                    "second_labels": [q.get("label") for q in sq],
                }
            )
        for i, j in align(fq, sq):
            a = tset(fq[i]) if i is not None else None
            b = tset(sq[j]) if j is not None else None
            where = _qname(fq, sq, i, j)
            if i is not None and j is not None:
                r["label_pairs"] += 1
                r["label_agree"] += fq[i].get("label") == sq[j].get("label")
                if fq[i].get("label") != sq[j].get("label"):
                    r["secondary_diffs"].append(
                        {
                            "id": lid,
                            "what": f"label {where}",
                            "first": fq[i].get("label"),
                            "second": sq[j].get("label"),
                        }
                    )
            if not a and not b:  # neither shows an answer (or an empty side with no partner)
                continue
            r["all_items"] += 1
            agree = a == b
            if a:
                r["first_answered"] += 1
                r["first_matched"] += agree
            if b:
                r["second_answered"] += 1
                r["second_matched"] += agree
            r["all_agree"] += agree
            if a is not None and b is not None and (not a or not b):
                r["visibility_mismatch"] += 1
            if same and a and b:
                r["pos_pairs_visible"] += 1
                r["pos_agree"] += agree
                r["kappa_a"].append(tname(a))
                r["kappa_b"].append(tname(b))
            if i is not None and j is not None:
                qa, qb = fq[i], sq[j]
                ea = {norm_provision(x) for x in qa.get("exemptions") or []}
                eb = {norm_provision(x) for x in qb.get("exemptions") or []}
                r["qex_tp"] += len(ea & eb)
                r["qex_fp"] += len(eb - ea)
                r["qex_fn"] += len(ea - eb)
                if ea != eb:
                    r["q_exemption_diffs"].append(
                        {"id": lid, "question": where, "first": sorted(ea), "second": sorted(eb)}
                    )
                if "other" in a and "other" in b:  # type: ignore[operator]
                    r["other_both"] += 1
                    r["other_agree"] += qa.get("other_reason") == qb.get("other_reason")
                    if qa.get("other_reason") != qb.get("other_reason"):
                        r["secondary_diffs"].append(
                            {
                                "id": lid,
                                "what": f"other_reason {where}",
                                "first": qa.get("other_reason"),
                                "second": qb.get("other_reason"),
                            }
                        )
            if not agree:
                r["treatment_diffs"].append(
                    {
                        "id": lid,
                        "question": where,
                        "first": tname(a),
                        "second": tname(b),
                        "count_agrees": same,
                    }
                )
        fl, sl = f.get("letter") or {}, s.get("letter") or {}
        xa, xb = fl.get("exemptions"), sl.get("exemptions")
        if xa is None or xb is None:
            if (xa is None) != (xb is None):
                r["ex_one_null"] += 1
                r["exemption_diffs"].append(
                    {"id": lid, "first": _sorted_or_none(xa), "second": _sorted_or_none(xb)}
                )
        else:
            ea = {norm_provision(x) for x in xa}
            eb = {norm_provision(x) for x in xb}
            r["ex_letters"] += 1
            r["ex_tp"] += len(ea & eb)
            r["ex_fp"] += len(eb - ea)
            r["ex_fn"] += len(ea - eb)
            r["ex_exact"] += ea == eb
            r["ex_p"].append(len(ea & eb) / len(eb) if eb else (1.0 if not ea else 0.0))
            r["ex_r"].append(len(ea & eb) / len(ea) if ea else (1.0 if not eb else 0.0))
            if ea != eb:
                r["exemption_diffs"].append({"id": lid, "first": sorted(ea), "second": sorted(eb)})
        for k in FIELDS:
            r["fields"][k] += f.get(k) == s.get(k)
            if f.get(k) != s.get(k):
                r["secondary_diffs"].append({"id": lid, "what": k, "first": f.get(k), "second": s.get(k)})
        for flag in FLAGS:
            x, y = fl.get(flag), sl.get(flag)
            c = r["flags"][flag]
            if x is not None and y is not None:
                c["both"] += 1
                c["agree"] += x == y
            elif (x is None) != (y is None):
                c["one_null"] += 1
            if x != y:
                r["flag_diffs"].append({"id": lid, "flag": flag, "first": x, "second": y})
    r["kappa"] = cohen_kappa(r.pop("kappa_a"), r.pop("kappa_b"))
    r["count_agreement"] = ratio(r["count_agree"], r["letters"])
    r["treatment_agreement_count_agrees"] = ratio(r["pos_agree"], r["pos_pairs_visible"])
    r["treatment_agreement_overall"] = ratio(r["all_agree"], r["all_items"])
    r["exemption_precision"] = ratio(r["ex_tp"], r["ex_tp"] + r["ex_fp"])
    r["exemption_recall"] = ratio(r["ex_tp"], r["ex_tp"] + r["ex_fn"])
    r["exemption_exact_share"] = ratio(r["ex_exact"], r["ex_letters"])
    ps, rs = r.pop("ex_p"), r.pop("ex_r")
    r["exemption_precision_mean"] = ratio(sum(ps), len(ps))
    r["exemption_recall_mean"] = ratio(sum(rs), len(rs))
    r["q_exemption_precision"] = ratio(r["qex_tp"], r["qex_tp"] + r["qex_fp"])
    r["q_exemption_recall"] = ratio(r["qex_tp"], r["qex_tp"] + r["qex_fn"])
    for c in r["flags"].values():
        c["agreement"] = ratio(c["agree"], c["both"])
    return r


def _sorted_or_none(x: list | None) -> list | None:
    return None if x is None else sorted(norm_provision(p) for p in x)


def _qname(fq: list[dict], sq: list[dict], i: int | None, j: int | None) -> str:
    q = fq[i] if i is not None else sq[j]  # type: ignore[index]
    pos = f"#{(i if i is not None else j) + 1}"  # type: ignore[operator]
    label = q.get("label")
    words = " ".join(str(q.get("starts") or "").split()[:5])
    return f"{pos} {label + ' ' if label else ''}\u201c{words}\u201d"


# --- output ---------------------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def table(r: dict) -> str:
    rows = [
        ("letters compared", f"{r['letters']}"),
        ("questions (first / second)", f"{r['questions_first']} / {r['questions_second']}"),
        ("question count agrees", f"{r['count_agree']}/{r['letters']} = {_pct(r['count_agreement'])}"),
        (
            "treatment agrees, count-agreeing letters, both visible",
            f"{r['pos_agree']}/{r['pos_pairs_visible']} = {_pct(r['treatment_agreement_count_agrees'])}",
        ),
        ("Cohen's kappa (treatment set), same pairs", "n/a" if r["kappa"] is None else f"{r['kappa']:.3f}"),
        (
            "treatment agrees, overall (aligned; unpaired or [] vs answer = disagree)",
            f"{r['all_agree']}/{r['all_items']} = {_pct(r['treatment_agreement_overall'])}",
        ),
        ("  of which one reading [] (not visible), the other an answer", f"{r['visibility_mismatch']}"),
        (
            "suite-style: first's answered questions the second matches",
            f"{r['first_matched']}/{r['first_answered']} = {_pct(ratio(r['first_matched'], r['first_answered']))}",
        ),
        (
            "suite-style: second's answered questions the first matches",
            f"{r['second_matched']}/{r['second_answered']} = {_pct(ratio(r['second_matched'], r['second_answered']))}",
        ),
        (
            "letter exemptions: precision / recall of second vs first",
            f"{_pct(r['exemption_precision'])} / {_pct(r['exemption_recall'])} "
            f"(tp {r['ex_tp']}, fp {r['ex_fp']}, fn {r['ex_fn']})",
        ),
        (
            "letter exemptions: mean per-letter precision / recall",
            f"{_pct(r['exemption_precision_mean'])} / {_pct(r['exemption_recall_mean'])}",
        ),
        (
            "letter exemption sets identical (neither null)",
            f"{r['ex_exact']}/{r['ex_letters']} = {_pct(r['exemption_exact_share'])}; one null: {r['ex_one_null']}",
        ),
        (
            "question exemptions (paired questions): P / R",
            f"{_pct(r['q_exemption_precision'])} / {_pct(r['q_exemption_recall'])} "
            f"(tp {r['qex_tp']}, fp {r['qex_fp']}, fn {r['qex_fn']})",
        ),
    ]
    for flag, c in r["flags"].items():
        rows.append(
            (
                f"{flag}: agree where both true/false",
                f"{c['agree']}/{c['both']} = {_pct(c['agreement'])}; one null: {c['one_null']}",
            )
        )
    rows.append(
        (
            "secondary: other_reason agrees (both other)",
            f"{r['other_agree']}/{r['other_both']} = {_pct(ratio(r['other_agree'], r['other_both']))}",
        )
    )
    rows.append(
        (
            "secondary: question label agrees (paired)",
            f"{r['label_agree']}/{r['label_pairs']} = {_pct(ratio(r['label_agree'], r['label_pairs']))}",
        )
    )
    for k, v in r["fields"].items():
        rows.append((f"secondary: {k} agrees", f"{v}/{r['letters']} = {_pct(ratio(v, r['letters']))}"))
    w = max(len(a) for a, _ in rows)
    return "\n".join(f"{a.ljust(w)}  {b}" for a, b in rows)


def disagreements(r: dict, markdown: bool = False) -> str:
    out: list[str] = []
    if markdown:
        out += ["### Question count", "", "| letter | first | second |", "|---|---|---|"]
        out += [
            f"| {d['id']} | {d['first']} {_labels(d['first_labels'])} | {d['second']} {_labels(d['second_labels'])} |"
            for d in r["count_diffs"]
        ]
        out += ["", "### Treatment", "", "| letter | question | first | second |", "|---|---|---|---|"]
        out += [
            f"| {d['id']} | {d['question']} | {d['first']} | {d['second']} |" for d in r["treatment_diffs"]
        ]
        out += ["", "### Letter exemptions", "", "| letter | first | second |", "|---|---|---|"]
        out += [f"| {d['id']} | {_list(d['first'])} | {_list(d['second'])} |" for d in r["exemption_diffs"]]
        out += [
            "",
            "### Question exemptions",
            "",
            "| letter | question | first | second |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {d['id']} | {d['question']} | {_list(d['first'])} | {_list(d['second'])} |"
            for d in r["q_exemption_diffs"]
        ]
        out += ["", "### Letter flags", "", "| letter | flag | first | second |", "|---|---|---|---|"]
        out += [
            f"| {d['id']} | {d['flag']} | {_b(d['first'])} | {_b(d['second'])} |" for d in r["flag_diffs"]
        ]
        out += ["", "### Secondary fields", "", "| letter | field | first | second |", "|---|---|---|---|"]
        out += [
            f"| {d['id']} | {d['what']} | {_b(d['first'])} | {_b(d['second'])} |"
            for d in r["secondary_diffs"]
        ]
        return "\n".join(out)
    out.append("question count:")
    out += [
        f"  {d['id']}: first {d['first']} {_labels(d['first_labels'])}, second {d['second']} "
        f"{_labels(d['second_labels'])}"
        for d in r["count_diffs"]
    ]
    out.append("treatment:")
    out += [
        f"  {d['id']} {d['question']}: first {d['first']} | second {d['second']}"
        for d in r["treatment_diffs"]
    ]
    out.append("letter exemptions:")
    out += [
        f"  {d['id']}: first {_list(d['first'])} | second {_list(d['second'])}" for d in r["exemption_diffs"]
    ]
    out.append("question exemptions:")
    out += [
        f"  {d['id']} {d['question']}: first {_list(d['first'])} | second {_list(d['second'])}"
        for d in r["q_exemption_diffs"]
    ]
    out.append("letter flags:")
    out += [
        f"  {d['id']} {d['flag']}: first {_b(d['first'])} | second {_b(d['second'])}" for d in r["flag_diffs"]
    ]
    out.append("secondary fields:")
    out += [
        f"  {d['id']} {d['what']}: first {_b(d['first'])} | second {_b(d['second'])}"
        for d in r["secondary_diffs"]
    ]
    return "\n".join(out)


def _labels(labels: list) -> str:
    return "(" + ", ".join("-" if x is None else str(x) for x in labels) + ")"


def _b(x: object) -> str:
    if isinstance(x, bool) or x is None:
        return "null" if x is None else str(x).lower()
    return str(x)


def _list(x: list | None) -> str:
    return "null" if x is None else (", ".join(x) or "-")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--markdown", action="store_true", help="print the disagreements as Markdown tables")
    ap.add_argument(
        "--second",
        type=Path,
        default=SECOND,
        help="the second reading to compare (default: labels.yaml, guide version 1; labels-v2.yaml: version 2)",
    )
    args = ap.parse_args(argv)
    from evals.holdout import is_held_back  # the project root is on sys.path when run with -m

    second = load_second(args.second)
    held = [s["id"] for s in second if is_held_back(s["id"])]
    if held:
        print(f"held-back letters in the second reading (not compared): {held}", file=sys.stderr)
        second = [s for s in second if not is_held_back(s["id"])]
    r = compare(load_first({s["id"] for s in second}), second)
    print(table(r))
    if r["missing"]:
        print(f"\nnot in the first reading: {r['missing']}")
    print()
    print(disagreements(r, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    if __package__ in (None, ""):  # run by path: make `evals` importable
        sys.path.insert(0, str(HERE.parents[2]))
    sys.exit(main())
