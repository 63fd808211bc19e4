"""Check the hand labels of the real sets against their guides, without running any reader.

    .venv/bin/python -m evals.check_labels [real_letters|real_requests ...]

Each problem is printed as ``<set> <id>: <what>`` and the exit status is 1 when there is any. It checks the
shape (the fields the guide requires, the vocabularies of treatments, other reasons and authority kinds), that
a letter question's ``starts`` and a request question's ``text`` are in the file as written (whitespace and
case aside), that ``sub_of`` names a label of the same request, and the version 2 rules that can be checked
mechanically: ``letter.exemptions`` is a list (L1) and no question carries s39 (L1). It never reads a reader's
output, so a labeller can run it on any item, held back or not.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from evals import schema

ROOT = Path(__file__).resolve().parent.parent
TREATMENTS = set(schema.TREATMENTS)  # the product's vocabulary, as the eval suites' schema lists it
OTHER_REASONS = {
    "invalid_request",
    "clarification",
    "not_foi",
    "redirected",
    "advice_only",
    "withdrawn",
    "unclear",
}
KINDS = {"police", "council", "nhs", "government", "devolved", "university", "regulator", "other"}
FLAGS = ("refusal_notice", "public_interest_test", "harm_statement", "complaint_rights")
_FRONT = re.compile(r"\A\ufeff?---\s*\n.*?\n---[ \t]*\n", re.S)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _body(path: Path) -> str:
    return _FRONT.sub("", path.read_text(encoding="utf-8"), count=1)


def _entries(directory: Path):
    for path in sorted(directory.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield path.stem, entry


def check_letter(entry: dict) -> list[str]:
    out = []
    path = ROOT / str(entry.get("file", ""))
    if not path.is_file():
        return [f"no file {entry.get('file')}"]
    body = _flat(_body(path))
    if entry.get("authority_kind") not in KINDS:
        out.append(f"authority_kind {entry.get('authority_kind')!r}")
    if entry.get("regime") not in {"FOIA", "FOISA", "EIR", "EISR"}:
        out.append(f"regime {entry.get('regime')!r}")
    for n, q in enumerate(entry.get("questions") or [], 1):
        starts = q.get("starts") or ""
        if not starts or _flat(starts) not in body:
            out.append(f"question {n}: starts {starts[:40]!r} is not in the file as written")
        treatments = q.get("treatments")
        if not isinstance(treatments, list) or not set(treatments) <= TREATMENTS:
            out.append(f"question {n}: treatments {treatments!r}")
        elif "other" in treatments and q.get("other_reason") not in OTHER_REASONS:
            out.append(f"question {n}: other without an other_reason ({q.get('other_reason')!r})")
        for key in ("exemptions", "ncnd", "pointers"):
            if not isinstance(q.get(key, []), list):
                out.append(f"question {n}: {key} is not a list")
        if any(str(x).startswith("s39") for x in q.get("exemptions") or []):
            out.append(f"question {n}: s39 labelled as applied (rule L1)")
    letter = entry.get("letter")
    if not isinstance(letter, dict):
        out.append("no letter block")
        return out
    if not isinstance(letter.get("exemptions"), list):
        out.append("letter.exemptions is not a list (rule L1)")
    elif any(str(x).startswith("s39") for x in letter["exemptions"]):
        out.append("letter.exemptions holds s39 (rule L1)")
    for flag in FLAGS:
        if letter.get(flag) not in (True, False, None):
            out.append(f"letter.{flag} {letter.get(flag)!r}")
    return out


def check_request(entry: dict) -> list[str]:
    out = []
    path = ROOT / str(entry.get("file", ""))
    if not path.is_file():
        return [f"no file {entry.get('file')}"]
    body = _flat(_body(path))
    questions = entry.get("questions") or []
    if not questions:
        out.append("no questions")
    labels = {str(q.get("label")) for q in questions if q.get("label") is not None}
    for n, q in enumerate(questions, 1):
        text = q.get("text") or ""
        if not text or _flat(text) not in body:
            out.append(f"question {n}: text {text[:40]!r} is not in the request as written")
        if q.get("sub_of") is not None and str(q["sub_of"]) not in labels:
            out.append(f"question {n}: sub_of {q['sub_of']!r} is no label of this request")
    requester = entry.get("requester") or {}
    for kind in ("names", "emails", "phones", "addresses"):
        for item in requester.get(kind) or []:
            if _flat(str(item)) not in body:
                out.append(f"requester {kind} {str(item)[:30]!r} is not in the request as written")
    return out


SETS = {
    "real_letters": (ROOT / "evals" / "real_letters" / "labels", check_letter),
    "real_requests": (ROOT / "evals" / "real_requests" / "labels", check_request),
}


def problems(names: list[str] | None = None) -> list[str]:
    out = []
    for name in names or list(SETS):
        directory, check = SETS[name]
        seen: set[str] = set()
        for batch, entry in _entries(directory):
            if entry["id"] in seen:
                continue
            seen.add(entry["id"])
            out += [f"{name} {batch}/{entry['id']}: {p}" for p in check(entry)]
    return out


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or None
    unknown = set(names or ()) - set(SETS)
    if unknown:
        print(f"no set {', '.join(sorted(unknown))} (sets: {', '.join(SETS)})", file=sys.stderr)
        return 2
    found = problems(names)
    print("\n".join(found) if found else "labels: no problems")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
