"""Print the request reader's mismatches on the TUNING part of evals/real_requests (never the held-back part).

    .venv/bin/python scripts/real_request_mismatches.py            # count mismatches, misses, extras, leaks
    .venv/bin/python scripts/real_request_mismatches.py ID [ID ...] # one tuning request: its labels and reading
    .venv/bin/python scripts/real_request_mismatches.py --variants  # each tuning request on one line, as <br>
                                                                    # HTML, hard-wrapped, with a reply quoted:
                                                                    # where its question count differs from its
                                                                    # reading on lines, and identity leaks

A held-back request (``evals.holdout.is_held_back``) is skipped before its file or labels are read, and so is
a request of a validation batch (``VALIDATION_BATCHES``), whose numbers alone may be seen.
"""

from __future__ import annotations

import sys

from evals.holdout import is_held_back
from evals.real_requests import suite

# measured by their numbers only (`precedent eval --batch fresh3`), never read (fresh14: stop 26's validation batch)
VALIDATION_BATCHES = ("fresh3", "fresh14")


def _tuning_labels() -> list[dict]:
    """Tuning requests outside the validation batches, whose label files are not even opened."""
    batches = [p.stem for p in sorted(suite.LABELS_DIR.glob("*.yaml")) if p.stem not in VALIDATION_BATCHES]
    return [
        label
        for label in suite.load_labels(batches=batches)
        if not is_held_back(label["id"]) and label["_batch"] not in VALIDATION_BATCHES
    ]


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
    """The same request as a web form sends it (on one line), as an HTML mail sends it (<br> lines), hard-wrapped
    at 72 columns, and with the authority's reply quoted under it: a question count that changes with the layout,
    or identity that leaks in one, shows a layout rule missing. Tuning requests only."""
    import re
    import textwrap

    from foi_precedent.drafting.request import split_request

    reply = (
        "\n\nOn 1 March 2024, at 10:00, FOI Team <foi@example.gov.uk> wrote:\n> Dear Sir,\n"
        "> 1. We hold 40 records.\n> 2. Please see attached.\n"
    )
    forms = {
        "one line": lambda t: re.sub(r"\s*\n\s*", " ", t.strip()),
        "html": lambda t: "<html><body>" + "<br>\n".join(t.split("\n")) + "</body></html>",
        "wrapped": lambda t: "\n".join(textwrap.fill(ln, 72) if len(ln) > 72 else ln for ln in t.split("\n")),
        "reply quoted": lambda t: t + reply,
    }
    labels = _tuning_labels()
    for name, form in forms.items():
        differ = tried = leaked = items = 0
        for label in labels:
            text = suite.request_text(suite.ROOT / label["file"])
            if "\n" not in text.strip():
                continue
            tried += 1
            base = len(split_request(text).questions)
            try:
                request = split_request(form(text))
            except Exception as exc:  # noqa: BLE001 (a variant that fails is a finding too)
                print(f"{name}: {label['id']}: error: {exc}")
                differ += 1
                continue
            if len(request.questions) != base:
                differ += 1
                print(f"{name}: {label['id']}: on lines {base}, as {name} {len(request.questions)}")
            s = suite.score_request(label, request)
            items += s["pii_items"]
            leaked += len(s["leaked"])
            for leak in s["leaked"] + [f"third party dropped: {t}" for t in s["dropped"]]:
                print(f"{name}: {label['id']}: {leak}")
        print(
            f"{name}: {differ} of {tried} tuning requests read differently; {leaked} of {items} identity items leak\n"
        )


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
