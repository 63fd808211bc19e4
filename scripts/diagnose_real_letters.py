"""Where the letter reader loses treatment agreement on real letters: the tuning part only, bucketed.

Every labelled question of the tuning part with a visible answer whose treatment set the reader did not get
exactly falls in one bucket:

* (a) segmentation: the reader found another number of questions than are labelled (or refused the letter);
* (b) wrong answer: the count is right but the answer the reader tied to the question does not hold the labelled
  evidence (the answer belongs to another question, or none was found);
* (c) misread: the answer holds the labelled evidence but the treatment was read wrong (split into answers read
  on their own and responses read as a whole for every question).

Apart from these, (d) exemptions: aligned or missed questions whose provisions are cited but not relied on
(false positives, by where they came from) or relied on but missed (false negatives, by why).

The held-back part (``evals.holdout``) and the validation batch (``fresh3-validation``, measured only by
``precedent eval real_letters --batch fresh3-validation --part tuning``) are skipped before their letters are read:
nothing of them is printed.

    .venv/bin/python scripts/diagnose_real_letters.py [--show a,b,c,d] [--id ID]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.holdout import is_held_back  # noqa: E402
from evals.real_letters.suite import align, load_labels  # noqa: E402
from foi_precedent.errors import PrecedentError  # noqa: E402
from foi_precedent.letters.answers import _cited  # noqa: E402
from foi_precedent.letters.parser import parse_file  # noqa: E402

# measured, never studied (fresh15: stop 26's validation batch)
VALIDATION_BATCHES = {"fresh3-validation", "fresh15"}


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _holds(answer: str, evidence: str) -> bool:
    """The labelled evidence is in the answer (whole, or most of its words in order of appearance)."""
    a, e = _norm(answer), _norm(evidence)
    if not e:
        return False
    if e in a or e[:60] in a:
        return True
    words = re.findall(r"\w+", e)
    got = set(re.findall(r"\w+", a))
    return bool(words) and sum(w in got for w in words) / len(words) >= 0.9


def _source(q, provision: str) -> str:
    """Where a question's provision came from: its own answer cites it ('own'), the whole response read for every
    question ('shared'), or the letter's provisions lent to an answer that cites none ('lent')."""
    if q.confidence <= 0.6 and len(q.answer) > 400:
        return "shared"
    own = {c.text for c in _cited(q.answer)}
    return (
        "own"
        if any(o == provision or o.startswith(provision + "(") or provision.startswith(o + "(") for o in own)
        else "lent"
    )


def _missed(q, provision: str) -> str:
    """Why a question's provision was missed: no question was aligned ('unaligned'), its answer cites the section but the
    reader dropped it or took another limb ('limb'), its answer does not cite it at all ('absent')."""
    if q is None:
        return "unaligned"
    section = re.match(r"(?:s|reg)\d+A?", provision)
    own = {c.text for c in _cited(q.answer)}
    if section and any(re.match(re.escape(section.group(0)) + r"(?!\d)", o) for o in own):
        return "limb"
    return "absent"


def diagnose(only_id: str | None = None) -> tuple[Counter, list[dict]]:
    counts: Counter = Counter()
    rows: list[dict] = []
    for label in load_labels():
        if is_held_back(label["id"]) or label["_batch"] in VALIDATION_BATCHES:
            continue  # never read, never printed
        if only_id and label["id"] != only_id:
            continue
        expected = label.get("questions") or []
        try:
            letter = parse_file(ROOT / label["file"])
            found = list(letter.questions)
        except PrecedentError:
            letter, found = None, []
        got = [{"label": q.label, "text": q.text} for q in found]
        pairs = align(expected, got)
        count_ok = letter is not None and len(found) == len(expected)
        for e, j in zip(expected, pairs, strict=True):
            q = found[j] if j is not None else None
            want = set(e.get("treatments") or [])
            row = {
                "id": label["id"],
                "layout": label.get("layout"),
                "label": e.get("label"),
                "starts": e.get("starts"),
                "expected": sorted(want),
                "got": sorted(t.value for t in q.treatments) if q else None,
                "evidence": e.get("evidence") or "",
                "answer": q.answer if q else "",
                "found": len(found),
                "labelled": len(expected),
                "ex_expected": sorted(e.get("exemptions") or []),
                "ex_got": sorted(q.exemptions) if q else [],
            }
            if want:
                counts["questions"] += 1
                if row["got"] is not None and set(row["got"]) == want:
                    counts["agree"] += 1
                else:
                    if not count_ok:
                        bucket = "a"
                    elif q is None or not _holds(q.answer, row["evidence"]):
                        bucket = "b"
                    else:
                        bucket = (
                            "c-shared" if q.confidence <= 0.6 and q.answer and len(q.answer) > 400 else "c"
                        )
                    counts[bucket] += 1
                    rows.append({**row, "bucket": bucket})
            fp = set(row["ex_got"]) - set(row["ex_expected"])
            fn = set(row["ex_expected"]) - set(row["ex_got"])
            for x in fp:  # where a provision not relied on came from
                counts[f"d-fp-{_source(q, x)}"] += 1
            for x in fn:  # why a provision relied on was missed
                counts[f"d-fn-{_missed(q, x)}"] += 1
            if fp or fn:
                counts["d-fp"] += len(fp)
                counts["d-fn"] += len(fn)
                counts["d-questions"] += 1
                rows.append({**row, "bucket": "d", "fp": sorted(fp), "fn": sorted(fn)})
        for j, g in enumerate(found):  # exemptions on questions the labels do not have
            if j not in pairs and g.exemptions:
                counts["d-fp"] += len(g.exemptions)
                counts["d-unlabelled-fp"] += len(g.exemptions)
                rows.append(
                    {
                        "bucket": "d-unlabelled",
                        "id": label["id"],
                        "layout": label.get("layout"),
                        "label": g.label,
                        "starts": (g.text or "")[:60],
                        "found": len(found),
                        "labelled": len(expected),
                        "ex_got": sorted(g.exemptions),
                        "answer": g.answer or "",
                    }
                )
    return counts, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", default="", help="buckets to list item by item: a,b,c,c-shared,d,d-unlabelled")
    ap.add_argument("--id", default=None, help="one tuning letter only")
    ap.add_argument(
        "--dump", default=None, help="write the tuning misses to this JSON file (to compare two runs)"
    )
    args = ap.parse_args()
    counts, rows = diagnose(args.id)
    if args.dump:
        Path(args.dump).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    n = counts["questions"]
    print(
        f"tuning questions with a visible answer: {n}, agreed: {counts['agree']} ({counts['agree'] / max(n, 1):.3f})"
    )
    for key, name in (
        ("a", "(a) question count wrong (segmentation)"),
        ("b", "(b) count right, answer tied to the wrong question / none"),
        ("c", "(c) evidence right, treatment misread (own answer)"),
        ("c-shared", "(c) evidence right, treatment misread (whole response)"),
    ):
        print(f"  {name:58s} {counts[key]:4d}")
    print(
        f"  (d) exemptions: {counts['d-questions']} questions, {counts['d-fp']} cited not relied on "
        f"(of which {counts['d-unlabelled-fp']} on unlabelled questions), {counts['d-fn']} missed"
    )
    print(
        f"      not relied on, on labelled questions, by source: own answer {counts['d-fp-own']}, whole response "
        f"{counts['d-fp-shared']}, lent from the letter {counts['d-fp-lent']}"
    )
    print(
        f"      missed, by reason: no question aligned {counts['d-fn-unaligned']}, the answer cites the section (dropped, "
        f"or another limb) {counts['d-fn-limb']}, the answer does not cite it {counts['d-fn-absent']}"
    )
    show = {s for s in args.show.split(",") if s}
    for r in rows:
        if r["bucket"] not in show:
            continue
        print(
            f"\n[{r['bucket']}] {r['id']} ({r['layout']}, {r['found']}/{r['labelled']}) {r['label']!r} "
            f"{r['starts']!r}"
        )
        if r["bucket"] == "d-unlabelled":  # a question the labels do not have: all its exemptions are extra
            print(f"    exemptions got {r['ex_got']}")
            print(f"    answer:   {r['answer'][:300]!r}")
            continue
        if r["bucket"] == "d":
            print(f"    exemptions want {r['ex_expected']} got {r['ex_got']}  fp {r['fp']} fn {r['fn']}")
        else:
            print(f"    want {r['expected']} got {r['got']}")
        print(f"    evidence: {r['evidence'][:200]!r}")
        print(f"    answer:   {r['answer'][:300]!r}")


if __name__ == "__main__":
    main()
