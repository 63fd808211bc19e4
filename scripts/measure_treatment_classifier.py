"""Does the learned treatment reader catch the phrase rules' misreadings? Measured on letters neither had seen.

Rules measured on the letters they were written from say little: the tuning part agrees with them because they
were fitted to it. So each blind batch (collected and labelled by someone who never ran the reader) is read with
the reader **of the day it was measured blind** (a git worktree at that commit), and the learned reader is
trained only on the batches labelled **before** it (and the shipped corpus, as the shipped model is); on that
batch's tuning part (never a held-back letter):

* treatment agreement of the rules (exact set, over labelled answered questions);
* the rules' confident readings (confidence 0.75 or more: what a flag may rest on) and how many agree with the
  labels, before and after the learned reader's second opinion (``answers._second_opinion``: a confident reading
  it reads otherwise is marked for review, below the flag line);
* what taking the learned reading instead would give (where it is sure and differs), for the record;
* what taking it only where the rules read nothing but ``other`` would give ("filled"), for the record.

Stop 24 (fresh10 to fresh12 added, read with the readers they were measured with): over all nine batches the
rules agree 0.439, taken 0.480, filled 0.465; on the three newest readers (fresh10 to fresh12, 274 questions)
filled gains 2 questions and taken 3: the rules of today rarely read ``other`` where the model is sure.

    .venv/bin/python scripts/measure_treatment_classifier.py [--keep]

Needs the repository's git history (the commits below) and about a minute.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The batches in the order they were labelled, and for each blind one the commit of the reader it was measured
# with (its "moved in and measured once" commit message names it).
ORDER = [
    "police",
    "council",
    "government",
    "health-edu-reg",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh3-validation",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
]
BLIND = {
    "fresh4": "66b5050",
    "fresh5": "75e985e",
    "fresh6": "c2b7c22",
    "fresh7": "933c158",
    "fresh8": "586f553",
    "fresh9": "f0b5047",
    "fresh10": "9c5bc5a",
    "fresh11": "9c5bc5a",
    "fresh12": "ec18279",
}


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_batch(worktree: Path, batch: str, model_path: Path) -> dict:
    """In a process whose ``foi_precedent`` is the worktree's: the batch's tuning part, read by the old rules alone
    and with today's learned step on top. Counts of labelled answered questions, found, and agreeing."""
    import dataclasses

    import yaml

    sys.path.insert(0, str(worktree))
    import foi_precedent
    from foi_precedent.errors import PrecedentError
    from foi_precedent.letters import decision, parser
    from foi_precedent.letters.model import Treatment

    assert foi_precedent.__file__.startswith(str(worktree)), foi_precedent.__file__
    from foi_precedent.consistency import consensus

    if not hasattr(consensus, "FLAG_CONFIDENCE"):  # the oldest reader had no shared name for the flag line
        consensus.FLAG_CONFIDENCE = 0.75  # type: ignore[attr-defined]
    learned = _module("current_learned", ROOT / "foi_precedent" / "letters" / "learned.py")
    suite = _module("current_suite", ROOT / "evals" / "real_letters" / "suite.py")
    holdout = _module("current_holdout", ROOT / "evals" / "holdout.py")
    model = learned.TreatmentModel.load(model_path)
    original = parser._classify
    mode = "rules"

    def classify(
        label, text, answer, reason, letter_exemptions, previous_pointers, accessible="s21", shared=False
    ):
        q = original(label, text, answer, reason, letter_exemptions, previous_pointers, accessible, shared)
        passage = decision.relied_on_lines(q.answer) if q.answer else ""
        if mode == "rules" or shared or not passage.strip():
            return q
        reading = model.read(passage)
        if set(reading) == {t.value for t in q.treatments}:
            return q
        if mode == "disputed":
            if q.confidence >= 0.75:
                return dataclasses.replace(q, confidence=0.5, review="disputed")
            return q
        if min(reading.values()) <= 0.5:  # "taken": the model's reading where it is sure of it
            return q
        if mode == "filled" and {t.value for t in q.treatments} - {"other"}:
            return q  # "filled": only where the rules read nothing but `other`
        order = list(Treatment)
        return dataclasses.replace(
            q, treatments=tuple(sorted((Treatment(t) for t in reading), key=order.index))
        )

    parser._classify = classify
    labels = yaml.safe_load((ROOT / "evals" / "real_letters" / "labels" / f"{batch}.yaml").read_text("utf-8"))
    out = {}
    for mode in ("rules", "disputed", "taken", "filled"):
        asked = found = agree = confident = confident_agree = disputed = disputed_agree = 0
        for label in labels:
            if holdout.is_held_back(label["id"]):
                continue
            try:
                letter = parser.parse_file(ROOT / label["file"])
            except PrecedentError:
                letter = None
            got = [
                {"label": q.label, "text": q.text, "treatments": {t.value for t in q.treatments}, "q": q}
                for q in (letter.questions if letter else ())
            ]
            expected = label.get("questions") or []
            for e, j in zip(expected, suite.align(expected, got), strict=True):
                if not e.get("treatments"):
                    continue
                asked += 1
                if j is None:
                    continue
                found += 1
                ok = got[j]["treatments"] == set(e["treatments"])
                agree += ok
                q = got[j]["q"]
                confident += q.confidence >= 0.75
                confident_agree += q.confidence >= 0.75 and ok
                disputed += q.review == "disputed"
                disputed_agree += q.review == "disputed" and ok
        out[mode] = {
            "asked": asked,
            "found": found,
            "agree": agree,
            "confident": confident,
            "confident_agree": confident_agree,
            "disputed": disputed,
            "disputed_agree": disputed_agree,
        }
    return out


def _line(name: str, result: dict) -> None:
    r, t, d, f = result["rules"], result["taken"], result["disputed"], result["filled"]
    print(
        f"{name:10} {r['asked']:6} {r['agree'] / r['asked']:6.3f} {t['agree'] / t['asked']:6.3f} "
        f"{f['agree'] / f['asked']:6.3f} {r['confident']:10} "
        f"{r['confident_agree'] / r['confident']:8.3f} {d['disputed']:9} {d['confident_agree'] / d['confident']:6.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", action="store_true", help="keep the worktrees and models (printed)")
    ap.add_argument(
        "--read-in", nargs=4, metavar=("WORKTREE", "BATCH", "MODEL", "OUT"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.read_in:
        worktree, batch, model_path, out = args.read_in
        Path(out).write_text(json.dumps(read_batch(Path(worktree), batch, Path(model_path))))
        return

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_treatment_model import examples, shipped_examples, train

    work = Path(tempfile.mkdtemp(prefix="measure-learned-"))
    corpus = shipped_examples()
    totals: dict[str, dict[str, int]] = {}
    print(
        f"{'batch':10} {'asked':>6} {'rules':>6} {'taken':>6} {'filled':>6} {'confident':>10} {'precise':>8} {'disputed':>9} {'after':>6}"
    )
    for batch, commit in BLIND.items():
        later = frozenset(ORDER[ORDER.index(batch) :])
        model_path = work / f"{batch}.npz"
        train(examples(exclude=later) + corpus).save(model_path, {"trained_on_batches_before": batch})
        worktree = work / commit
        if not worktree.exists():
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(worktree), commit],
                check=True,
                capture_output=True,
            )
        out = work / f"{batch}.json"
        subprocess.run(
            [sys.executable, __file__, "--read-in", str(worktree), batch, str(model_path), str(out)],
            check=True,
            cwd=worktree,
        )
        result = json.loads(out.read_text())
        for mode, row in result.items():
            totals[mode] = {k: totals.get(mode, {}).get(k, 0) + v for k, v in row.items()}
        _line(batch, result)
    _line("all", totals)
    r, d = totals["rules"], totals["disputed"]
    print(
        f"confident readings: {r['confident']}, agreeing {r['confident_agree'] / r['confident']:.3f}; the learned reader "
        f"disputes {d['disputed']}, of which {d['disputed'] - d['disputed_agree']} misread; the {d['confident']} left "
        f"agree {d['confident_agree'] / d['confident']:.3f}"
    )
    if args.keep:
        print(f"kept in {work}")
    else:
        for commit in set(BLIND.values()):
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / commit)], check=False
            )


if __name__ == "__main__":
    main()
