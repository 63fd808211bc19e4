"""Measure the checker on the opposite case: a letter that REFUSES a question (withheld, partly disclosed, NCND, cost,
vexatious, not held) checked as a draft against precedent that gave the information.

Every shipped real letter (``corpus/real``: the tuning part only, each id checked with ``evals.holdout``) is checked
against the configured index without itself (``recheck_index``: leave-one-out, as ``precedent recheck`` does), and
for each question the letter refuses the script records the consensus it was checked against and the flags raised on
it. It prints the counts (refusing questions; those whose precedent released the information; the flags raised on
them by kind and severity) and, with ``--list``, every refusing question whose precedent released, with both sides,
for judging by hand.

    PRECEDENT_HOME=... .venv/bin/python scripts/measure_refusal_flags.py [--list] [--json OUT]

The index is the one ``make index`` builds (the shipped corpus, the real letters as people read them); copy it
first: the run writes its re-check results under ``$PRECEDENT_HOME/recheck``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.holdout import is_held_back  # noqa: E402
from foi_precedent.consistency.consensus import FLAG_CONFIDENCE  # noqa: E402
from foi_precedent.letters.model import REFUSING, RELEASING, Treatment  # noqa: E402

REFUSED = frozenset(t.value for t in REFUSING | {Treatment.NOT_HELD})
RELEASED = frozenset(t.value for t in RELEASING)
REAL = ROOT / "corpus" / "real"


def real_references() -> dict[str, str]:
    """Each shipped real letter's reference (as the index reads it) -> its id; held-back ids are never opened."""
    from foi_precedent.letters.parser import parse_document
    from foi_precedent.letters.sources import read_document

    out: dict[str, str] = {}
    for path in sorted(REAL.glob("*.txt")):
        if path.name == "README.md" or is_held_back(path.stem):
            continue
        out.setdefault(parse_document(read_document(path)).reference, path.stem)
    return out


def rows(records: list[dict], refs: dict[str, str], confidence: dict[tuple[str, str], float]) -> list[dict]:
    """One row per refused question of a real letter: its treatment, the consensus, the flags on it. ``confidence``:
    (reference, label) -> how surely the question's answer was read (below ``FLAG_CONFIDENCE`` it raises no
    divergence)."""
    out = []
    for rec in records:
        if rec["reference"] not in refs:
            continue
        for q in rec["questions"]:
            treatments = set(q["treatments"])
            if not treatments & REFUSED:
                continue
            c = q["consensus"]
            flags = [f for f in rec["flags"] if q["label"] in (f.get("labels") or [f["label"]])]
            out.append(
                {
                    "id": refs[rec["reference"]],
                    "reference": rec["reference"],
                    "authority": rec["authority"],
                    "label": q["label"],
                    "text": q["text"],
                    "answer": q["answer"],
                    "treatments": sorted(treatments),
                    "exemptions": q["exemptions"],
                    "review": q["review"],
                    "confidence": confidence.get((rec["reference"], q["label"])),
                    "consensus": c,
                    # precedent gave the information (disclosed or pointed to it) and refused none of it
                    "precedent_released": bool(set(c["treatments"]) & RELEASED)
                    and not set(c["treatments"]) & REFUSED,
                    "divergence": [
                        {"kind": f["kind"], "severity": f["severity"], "message": f["message"]}
                        for f in flags
                        if f["kind"].endswith(("_divergence", "_omitted", "_dropped"))
                    ],
                }
            )
    return out


def summary(table: list[dict]) -> dict:
    opposite = [r for r in table if r["precedent_released"]]
    unsure = [r for r in opposite if (r["confidence"] or 0) < FLAG_CONFIDENCE]
    flagged = [r for r in opposite if r["divergence"]]
    by_kind = Counter((f["kind"], f["severity"]) for r in table for f in r["divergence"])
    by_kind_opposite = Counter((f["kind"], f["severity"]) for r in opposite for f in r["divergence"])
    by_draft = Counter(
        "+".join(r["treatments"]) + (" (flagged)" if r["divergence"] else "") for r in opposite
    )
    return {
        "letters": len({r["id"] for r in table}),
        "refused_questions": len(table),
        "with_precedent": sum(r["consensus"]["status"] != "none" for r in table),
        "precedent_released": len(opposite),
        "precedent_released_read_unsure": len(unsure),
        "precedent_released_flagged": len(flagged),
        "flags_on_refused": {f"{k} {s}": n for (k, s), n in sorted(by_kind.items())},
        "flags_when_precedent_released": {f"{k} {s}": n for (k, s), n in sorted(by_kind_opposite.items())},
        "draft_treatments_when_precedent_released": dict(sorted(by_draft.items())),
    }


def main() -> int:
    from foi_precedent.recheck.engine import RecheckOptions, recheck_index
    from foi_precedent.services import Services

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--list", action="store_true", help="print every refused question whose precedent released"
    )
    ap.add_argument("--json", help="write the rows and the summary here")
    args = ap.parse_args()
    services = Services()
    refs = real_references()
    run = recheck_index(services.index, services.settings, RecheckOptions(fresh=True))
    confidence = {
        (letter.reference, q.label): q.confidence
        for letter in services.index.letters()
        if letter.reference in refs
        for q in letter.questions
    }
    table = rows(run.records, refs, confidence)
    result = summary(table)
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": result, "rows": table}, indent=1), encoding="utf-8")
    if args.list:
        for r in table:
            if not r["precedent_released"]:
                continue
            c = r["consensus"]
            print(
                f"\n== {r['id']} {r['label']} ({r['authority']}): {'+'.join(r['treatments'])} {r['exemptions']}"
                f" read {r['confidence']}"
            )
            print(f"   asked: {(r['text'] or '')[:200]}")
            print(f"   answer: {(r['answer'] or '')[:300]}")
            print(
                f"   consensus: {c['treatments']} {c['status']} {c['confidence']} agreement {c['agreement']}"
            )
            for p in c["precedents"][:3]:
                print(f"   precedent {p['reference']} {p['label']} {p['similarity']} {p['treatments']}")
            for f in r["divergence"]:
                print(f"   FLAG {f['kind']} {f['severity']}: {f['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
