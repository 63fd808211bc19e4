"""Generate the data-driven flag suites from the shipped corpus (run once; the output is committed data).

    .venv/bin/python evals/make_perturbations.py --recheck PRECEDENT_HOME/recheck/<run>/results.jsonl

Writes three suites into evals/suites/:

* ``perturbations.yaml`` - corpus letters with one answer changed in a known way (disclosed -> withheld,
  withheld -> disclosed, public domain -> figures without the pointer, NCND -> not held, not held -> NCND,
  one exemption swapped for another). Each perturbed letter gets a new reference (``EVAL-...``) and its
  original is excluded from precedent, so the check must rely on the *other* letters. The expected flag
  kind follows from the operation, never from what the checker says; a perturbation is kept only if the
  parser reads the changed answer as intended.
* ``ground_truth_flags.yaml`` - the deliberate inconsistencies of evals/ground_truth.yaml as ``pair`` cases.
* ``sound.yaml`` - corpus letters that must raise no divergence flag.

Which letters are eligible comes from a re-check of the corpus (``precedent recheck``; ``--mode exact`` gives
the same query vectors when the index keeps question vectors): only letters with no divergence flag there
(consistent with the rest of the corpus) and not part of a ground-truth inconsistency, and only
questions whose precedent consensus is settled and agrees with the letter, are perturbed or used as sound.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.consistency.flags import DIVERGENCE_KINDS  # noqa: E402
from foi_precedent.letters.parser import parse_document  # noqa: E402
from foi_precedent.letters.sources import document_from_bytes  # noqa: E402

SUITES = ROOT / "evals" / "suites"
CORPUS = ROOT / "corpus" / "letters"

# op -> (required treatment of the original, new answer, treatment the parser must then read, expected kinds)
OPS = {
    "disclosed_to_withheld": (
        "disclosed",
        "The information is held, but it is withheld under Section 43(2) of the Act (commercial interests).",
        "withheld",
        ["treatment_divergence"],
    ),
    "withheld_to_disclosed": (
        "withheld",
        "We have decided to release this information. Please find the information "
        "requested in the attached spreadsheet.",
        "disclosed",
        ["treatment_divergence"],
    ),
    "pointer_dropped": (
        "public_domain",
        "We hold this information. A total of 412 records were found.",
        "disclosed",
        ["pointer_dropped", "treatment_divergence"],
    ),
    "ncnd_to_not_held": (
        "ncnd",
        "Following a thorough search, no information is held in relation to this question.",
        "not_held",
        ["ncnd_divergence"],
    ),
    "not_held_to_ncnd": (
        "not_held",
        "The force can neither confirm nor deny whether it holds this information, by "
        "virtue of Section 31(3) of the Act.",
        "ncnd",
        ["ncnd_divergence"],
    ),
    "swap_exemption": (
        "withheld",
        "This information is exempt and is withheld under Section 38(1)(b) of the Act (health and safety).",
        "withheld",
        ["exemption_divergence"],
    ),
}


def _parse(text: str, name: str):
    return parse_document(document_from_bytes(text.encode("utf-8"), name + ".md", ".md"))


def _replace_answer(text: str, answer: str, new: str) -> str | None:
    """Replace the lines that hold ``answer`` (its first words locate it) with ``new``."""
    answer = re.sub(r"\s+", " ", answer).strip()
    if not answer:
        return None
    lines = text.split("\n")
    head = answer[:50]
    for i, line in enumerate(lines):
        flat = re.sub(r"\s+", " ", line).strip()
        if head and head in flat:
            prefix = flat[: flat.index(head)]
            # remove following lines that continue the same answer
            j = i + 1
            rest = answer[len(flat) - len(prefix) :].strip()
            while rest and j < len(lines) and lines[j].strip() and rest.startswith(lines[j].strip()[:30]):
                rest = rest[len(lines[j].strip()) :].strip()
                j += 1
            lines[i:j] = [prefix + new]
            return "\n".join(lines)
    return None


def perturb(path: Path, reference: str, label: str, op: str, original) -> dict | None:
    need, new_answer, want, kinds = OPS[op]
    q = original.question(label)
    if need not in {t.value for t in q.treatments}:
        return None
    text = path.read_text(encoding="utf-8")
    changed = _replace_answer(text, q.answer, new_answer)
    if changed is None:
        return None
    new_ref = f"EVAL-{re.sub(r'[^A-Za-z0-9.]+', '-', reference)}-{op}"
    changed = changed.replace(reference, new_ref)
    try:
        letter = _parse(changed, new_ref)
        pq = letter.question(label)
    except Exception:  # noqa: BLE001 - a perturbation the parser cannot read is skipped
        return None
    if letter.reference != new_ref or {t.value for t in pq.treatments} != {want}:
        return None
    if op == "swap_exemption" and not any(e.startswith("s38") for e in pq.exemptions):
        return None
    if op == "pointer_dropped" and pq.pointers:
        return None
    # the other questions must read as before
    for a, b in zip(original.questions, letter.questions, strict=False):
        if a.label != label and (a.treatments != b.treatments):
            return None
    return {
        "id": f"perturb-{re.sub(r'[^A-Za-z0-9]+', '-', reference).strip('-').lower()}-{label_slug(label)}-{op}",
        "draft": changed,
        "expected": [{"label": label, "kinds": kinds}],
        "exclude": [reference],
        "derived_from": {"reference": reference, "label": label, "op": op},
    }


def label_slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", label.lower())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--recheck", required=True, help="results.jsonl of an exact-mode re-check of the corpus")
    p.add_argument("--max-per-op", type=int, default=5)
    p.add_argument("--sound", type=int, default=12)
    args = p.parse_args(argv)

    records = [
        json.loads(line) for line in Path(args.recheck).read_text(encoding="utf-8").splitlines() if line
    ]
    truth = yaml.safe_load((ROOT / "evals" / "ground_truth.yaml").read_text(encoding="utf-8"))
    in_truth = {str(s["reference"]) for e in truth["inconsistencies"] for s in e["letters"]}
    # consistent letters that are not part of a deliberate inconsistency
    sound = [
        r
        for r in records
        if not any(f["kind"] in DIVERGENCE_KINDS for f in r["flags"]) and r["reference"] not in in_truth
    ]
    files = {}
    for f in sorted(CORPUS.glob("*.md")):
        letter = parse_document(document_from_bytes(f.read_bytes(), str(f), ".md"))
        files[letter.reference] = (f, letter)

    cases, per_op, used = [], dict.fromkeys(OPS, 0), set()
    for op in OPS:
        for r in sound:
            if per_op[op] >= args.max_per_op or r["reference"] not in files:
                continue
            for q in r["questions"]:
                c = q["consensus"]
                if c["status"] != "settled" or set(c["treatments"]) != set(q["treatments"]):
                    continue
                if (r["reference"], q["label"]) in used:
                    continue
                path, letter = files[r["reference"]]
                case = perturb(path, r["reference"], q["label"], op, letter)
                if case:
                    cases.append(case)
                    used.add((r["reference"], q["label"]))
                    per_op[op] += 1
                    break
    write(
        SUITES / "perturbations.yaml",
        {
            "version": 1,
            "name": "perturbations",
            "kind": "flags",
            "description": "Corpus letters with one answer changed in a known way (generated by "
            "evals/make_perturbations.py; stored as data). The original letter is excluded from "
            "precedent; the expected flag kind follows from the change.",
            "cases": cases,
        },
    )

    pairs = [
        {
            "id": e["id"],
            "pair": [{"reference": str(s["reference"]), "label": str(s["label"])} for s in e["letters"]],
            "note": e["description"],
        }
        for e in truth["inconsistencies"]
    ]
    write(
        SUITES / "ground_truth_flags.yaml",
        {
            "version": 1,
            "name": "ground-truth",
            "kind": "flags",
            "description": "The deliberate inconsistencies of evals/ground_truth.yaml: checked leave-one-out, either "
            "letter must raise a divergence flag on its question with the other as precedent.",
            "cases": pairs,
        },
    )

    chosen = [r for r in sound if r["reference"] in files][: args.sound]
    write(
        SUITES / "sound.yaml",
        {
            "version": 1,
            "name": "sound",
            "kind": "flags",
            "description": "Corpus letters consistent with the rest of the corpus: checked leave-one-out they must "
            "raise no divergence flag.",
            "cases": [
                {
                    "id": f"sound-{re.sub(r'[^A-Za-z0-9]+', '-', r['reference']).strip('-').lower()}",
                    "letter": r["reference"],
                    "expected": [],
                }
                for r in chosen
            ],
        },
    )
    print(f"perturbations: {len(cases)} ({per_op}); ground truth: {len(pairs)}; sound: {len(chosen)}")
    return 0


class _Literal(str):
    pass


def _literal(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")


def write(path: Path, suite: dict) -> None:
    yaml.add_representer(_Literal, _literal, Dumper=yaml.SafeDumper)
    for case in suite["cases"]:
        if "draft" in case:
            case["draft"] = _Literal(case["draft"].rstrip() + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Generated by evals/make_perturbations.py - edit the generator, not this file.\n"
        + yaml.safe_dump(suite, sort_keys=False, allow_unicode=True, width=110),
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
