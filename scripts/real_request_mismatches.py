"""Print the request reader's mismatches on the TUNING part of evals/real_requests (never the held-back part).

    .venv/bin/python scripts/real_request_mismatches.py            # count mismatches, misses, extras, leaks
    .venv/bin/python scripts/real_request_mismatches.py ID [ID ...] # one tuning request: its labels and reading
    .venv/bin/python scripts/real_request_mismatches.py --variants  # each tuning request flattened onto one line
                                                                    # and sent as <br> HTML: where its question
                                                                    # count differs from its reading on lines

A held-back request (``evals.holdout.is_held_back``) is skipped before its file or labels are read.
"""

from __future__ import annotations

import sys

from evals.holdout import is_held_back
from evals.real_requests import suite


def _tuning_labels() -> list[dict]:
    return [label for label in suite.load_labels() if not is_held_back(label["id"])]


def show(label: dict) -> None:
    request, error = suite.read_case(label)
    print(f"=== {label['id']} ({label.get('layout')})")
    print(suite.request_text(suite.ROOT / label["file"]))
    print("--- labelled")
    for q in label.get("questions") or []:
        print(f"  [{q.get('label')}] sub_of={q.get('sub_of')} {q['text']}")
    print("--- found", error or "")
    for q in request.questions if request else []:
        print(f"  {q.label} sub_of={q.sub_of} {q.wording}")
    if request:
        print("--- sent text\n" + request.text)


def summary() -> None:
    bad = 0
    labels = _tuning_labels()
    for label in labels:
        request, error = suite.read_case(label)
        s = suite.score_request(label, request, error)
        if s["count_exact"] and not s["missed"] and not s["leaked"] and not s["dropped"]:
            continue
        bad += not s["count_exact"]
        print(f"=== {label['id']} ({label.get('layout')}): expected {s['expected']} found {s['found']}")
        for t in s["missed"]:
            print(f"  MISSED {t[:160]!r}")
        for t in s["extra"]:
            print(f"  EXTRA  {t[:160]!r}")
        for t in s["leaked"]:
            print(f"  LEAKED {t}")
        for t in s["dropped"]:
            print(f"  DROPPED {t}")
    print(f"\n{bad} of {len(labels)} tuning requests with the wrong question count")


def variants() -> None:
    """The same request as a web form sends it (on one line) and as an HTML mail sends it (<br> lines): a reading
    that changes with the layout shows a layout rule missing. Needs no labels beyond the tuning ids."""
    import re

    from foi_precedent.drafting.request import split_request

    forms = {
        "one line": lambda t: re.sub(r"\s*\n\s*", " ", t.strip()),
        "html": lambda t: "<html><body>" + "<br>\n".join(t.split("\n")) + "</body></html>",
    }
    labels = _tuning_labels()
    for name, form in forms.items():
        differ = 0
        tried = 0
        for label in labels:
            text = suite.request_text(suite.ROOT / label["file"])
            if "\n" not in text.strip():
                continue
            tried += 1
            base = len(split_request(text).questions)
            try:
                found = len(split_request(form(text)).questions)
            except Exception as exc:  # noqa: BLE001 (a variant that fails is a finding too)
                found = f"error: {exc}"
            if found != base:
                differ += 1
                print(f"{name}: {label['id']}: on lines {base}, as {name} {found}")
        print(f"{name}: {differ} of {tried} tuning requests read differently\n")


if __name__ == "__main__":
    ids = sys.argv[1:]
    if ids == ["--variants"]:
        variants()
        sys.exit(0)
    if not ids:
        summary()
    for cid in ids:
        if is_held_back(cid):
            print(f"{cid}: held back, not shown")
            continue
        label = next((lab for lab in _tuning_labels() if lab["id"] == cid), None)
        if label is None:
            print(f"{cid}: no such tuning request")
        else:
            show(label)
