"""``precedent eval real_requests``: the request reader on real requests, against hand labels.

Each labelled request (``labels/*.yaml``, format in ``README.md``) is read from its file (the text after
the front matter, as found) by ``split_request`` and compared with its labels:

* no question found: the reader raised an error, or found nothing (it should never);
* read as one whole question: the reader found no question structure and fell back to the whole request
  (``Request.note``); reported apart, since a one-question request read whole is not wrong;
* question count exact: share of requests where the reader found exactly as many questions as are
  labelled (sub-questions count, each labelled with ``sub_of``);
* question-boundary agreement (recall): share of labelled questions, pooled over requests, whose verbatim
  text is matched by a question the reader found with character-overlap F1 >= 0.8. Both texts are first
  normalised (whitespace runs to one space, case folded, stripped); the overlap is the number of characters
  in the matching blocks of ``difflib.SequenceMatcher`` (no junk heuristic); precision = overlap / length of
  the found text, recall = overlap / length of the labelled text. Found questions are compared by their own
  wording (``RequestQuestion.wording``: without their label or a parent question's words). Matching is one
  to one, best pairs first. Boundary precision is the same the other way: found questions matched by a label;
* PII removed: share of the requester's labelled items (names, e-mails, phones, postal addresses) absent
  from what is sent on (``Request.text`` and every question's text: what reaches the index and a model).
  A name is present if the whole name or any part of it longer than two letters is there as a word (labelled
  third parties, who may share a first name with the requester, are taken out first); an
  address is present if any comma- or line-separated part of it holding a digit is there (a town alone does
  not identify), or, for an address without digits, the whole address;
* PII out of the questions: share of the same items absent from the questions' texts alone, all that the adopted
  drafting prompt (``draft_reply/v4``) sends a model and all that precedent search embeds (the request text around
  them is kept on the case and shown on the Draft page, not sent);
* third parties kept: share of labelled third parties (people the request is about) still in ``Request.text``;
* authority kept: of the requests that name their authority as the label does ("Dear Transport for Greater
  Manchester,"), the share that still name it once the requester's identity is removed from the request as found
  (``redact_identity``; identity removal must not take a body's name for a person's).

The held-back part (``evals.holdout``) is reported apart and its per-request details are left out of the
results: only its scores are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path

from evals import datasets
from evals.datasets import split, split_table
from evals.holdout import is_held_back
from evals.scorers import interval_fields
from foi_precedent.drafting.identity import redact_identity
from foi_precedent.drafting.request import Request, split_request
from foi_precedent.errors import PrecedentError

ROOT = Path(__file__).resolve().parents[2]
LABELS_DIR = Path(__file__).resolve().parent / "labels"
MATCH_F1 = 0.8
PII_KINDS = ("names", "emails", "phones", "addresses")
_FRONT = re.compile(r"\A\ufeff?---\s*\n.*?\n---[ \t]*\n", re.S)


def load_labels(
    directory: Path = LABELS_DIR, part: str = "all", batches: Sequence[str] | None = None
) -> list[dict]:
    return datasets.load_labels(directory, part, batches)


def request_text(path: Path) -> str:
    """The request as found: the file without its front matter, nothing else changed."""
    return _FRONT.sub("", path.read_text(encoding="utf-8"), count=1)


# --- scorers (pure) -------------------------------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def char_f1(found: str, labelled: str) -> float:
    """Character-overlap F1 of two texts after normalisation (see the module docstring)."""
    a, b = normalise(found), normalise(labelled)
    if not a or not b:
        return 0.0
    overlap = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    if not overlap:
        return 0.0
    precision, recall = overlap / len(a), overlap / len(b)
    return 2 * precision * recall / (precision + recall)


def match_questions(found: list[str], labelled: list[str], threshold: float = MATCH_F1) -> list[int | None]:
    """For each labelled question, the index of the found question matching it (F1 >= threshold), one to one."""
    pairs = sorted(
        ((char_f1(f, lab), i, j) for i, lab in enumerate(labelled) for j, f in enumerate(found)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    out: list[int | None] = [None] * len(labelled)
    used: set[int] = set()
    for score, i, j in pairs:
        if score < threshold:
            break
        if out[i] is None and j not in used:
            out[i] = j
            used.add(j)
    return out


def _present_as_words(value: str, text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text))


def pii_present(kind: str, value: str, outgoing: str) -> bool:
    """Whether a labelled identity item is still in the outgoing text (see the module docstring)."""
    flat, value = " ".join(outgoing.split()), " ".join(str(value).split())
    if not value:
        return False
    if kind == "names":
        parts = [value] + [p for p in re.split(r"[\s,]+", value) if len(p.strip(".")) > 2]
        return any(_present_as_words(p, flat) for p in parts)
    if kind == "addresses":
        parts = [p.strip() for p in re.split(r"[,\n]", value) if re.search(r"\d", p)]
        return any(_present_as_words(p, flat) for p in parts) if parts else _present_as_words(value, flat)
    return value.casefold() in flat.casefold()


def outgoing_text(request: Request) -> str:
    """What is sent on: the request text and every question's text."""
    return "\n".join([request.text, *(q.text for q in request.questions)])


def score_request(
    label: dict, request: Request | None, error: str | None = None, found_text: str | None = None
) -> dict:
    """The scores of one request (numbers and lists of what failed). ``found_text``: the request as found (to tell
    whether the authority it names is still named once identity is removed)."""
    labelled = [q["text"] for q in label.get("questions") or []]
    found = [q.wording for q in request.questions] if request else []
    matches = match_questions(found, labelled)
    matched_found = {j for j in matches if j is not None}
    outgoing = outgoing_text(request) if request else ""
    asked = "\n".join(q.text for q in request.questions) if request else ""
    requester = label.get("requester") or {}
    pii = [(kind, v) for kind in PII_KINDS for v in requester.get(kind) or []]
    third = [t for t in label.get("third_parties") or [] if t]
    for person in third:  # a third party who shares the requester's first name is not a leak
        outgoing, asked = outgoing.replace(person, " "), asked.replace(person, " ")
    leaked = [f"{kind}: {v}" for kind, v in pii if request is not None and pii_present(kind, v, outgoing)]
    in_questions = sum(request is not None and pii_present(kind, v, asked) for kind, v in pii)
    dropped = [t for t in third if request is None or normalise(t) not in normalise(request.text)]
    # the authority the request is made to, where the request names it as its label does ('Dear Transport for Greater
    # Manchester,'): removing it as a person's name damages the request
    authority = normalise(label.get("authority") or "")
    named = bool(authority and found_text and authority in normalise(found_text))
    authority_kept = named and authority in normalise(redact_identity(found_text or "")[0])
    return {
        "error": error,
        "no_question": request is None or not request.questions,
        "whole_request": bool(request and request.note),
        "expected": len(labelled),
        "found": len(found),
        "count_exact": request is not None and len(found) == len(labelled),
        "labelled_matched": sum(m is not None for m in matches),
        "found_matched": len(matched_found),
        "pii_items": len(pii) if request is not None else 0,
        "pii_removed": len(pii) - len(leaked) if request is not None else 0,
        "pii_out_of_questions": len(pii) - in_questions if request is not None else 0,
        # by kind (numbers only, kept for held-back requests too): {kind: [items, removed]}
        "pii_by_kind": {
            kind: [n, n - sum(item.startswith(f"{kind}: ") for item in leaked)]
            for kind in PII_KINDS
            if (n := sum(k == kind for k, _ in pii)) and request is not None
        },
        "third_parties": len(third),
        "third_parties_kept": len(third) - len(dropped),
        "authority_named": int(named),
        "authority_kept": int(authority_kept),
        # details (dropped from held-back cases)
        "missed": [t for t, m in zip(labelled, matches, strict=True) if m is None],
        "extra": [f for j, f in enumerate(found) if j not in matched_found],
        "leaked": leaked,
        "dropped": dropped,
    }


DETAILS = ("error", "missed", "extra", "leaked", "dropped")


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def metrics(cases: list[dict]) -> dict:
    s = [c["scores"] for c in cases]
    return {
        "requests": len(s),
        "no_question": sum(x["no_question"] for x in s),
        "whole_request": sum(x["whole_request"] for x in s),
        "count_exact": _share(sum(x["count_exact"] for x in s), len(s)),
        # how far it could move on other requests like these: a 95% interval, requests resampled
        **interval_fields("count_exact", [(int(x["count_exact"]), 1) for x in s]),
        "labelled_questions": sum(x["expected"] for x in s),
        "boundary_recall": _share(sum(x["labelled_matched"] for x in s), sum(x["expected"] for x in s)),
        "boundary_precision": _share(sum(x["found_matched"] for x in s), sum(x["found"] for x in s)),
        "pii_items": sum(x["pii_items"] for x in s),
        "pii_removed": _share(sum(x["pii_removed"] for x in s), sum(x["pii_items"] for x in s)),
        **{
            f"pii_removed_{kind}": _share(
                sum(x.get("pii_by_kind", {}).get(kind, [0, 0])[1] for x in s),
                sum(x.get("pii_by_kind", {}).get(kind, [0, 0])[0] for x in s),
            )
            for kind in PII_KINDS
        },
        "pii_out_of_questions": _share(
            sum(x.get("pii_out_of_questions", 0) for x in s), sum(x["pii_items"] for x in s)
        ),
        "third_parties": sum(x["third_parties"] for x in s),
        "third_parties_kept": _share(
            sum(x["third_parties_kept"] for x in s), sum(x["third_parties"] for x in s)
        ),
        "authority_named": sum(x.get("authority_named", 0) for x in s),
        "authority_kept": _share(
            sum(x.get("authority_kept", 0) for x in s), sum(x.get("authority_named", 0) for x in s)
        ),
    }


def _read(label: dict) -> tuple[str | None, Request | None, str | None]:
    """The request as found (None if its file cannot be read), the reader's reading of it, and why there is none."""
    try:
        text = request_text(ROOT / label["file"])
    except OSError as exc:
        return None, None, str(exc)
    try:
        return text, split_request(text, source=label["id"]), None
    except PrecedentError as exc:
        return text, None, str(exc)


def read_case(label: dict) -> tuple[Request | None, str | None]:
    """The reader's reading of a labelled request, or None and why."""
    _, request, error = _read(label)
    return request, error


def run(labels_dir: Path = LABELS_DIR, part: str = "all", batches: Sequence[str] | None = None) -> dict:
    cases = []
    for label in load_labels(labels_dir, part, batches):
        found_text, request, error = _read(label)  # the file read once
        scores = score_request(label, request, error, found_text)
        held = is_held_back(label["id"])
        case = {
            "id": label["id"],
            "held_back": held,
            "batch": label["_batch"],
            "layout": label.get("layout"),
            "truncated": bool(label.get("truncated")),
        }
        if held:  # only its numbers: nothing of a held-back request is looked at while tuning
            scores = {k: v for k, v in scores.items() if k not in DETAILS}
        case["scores"] = scores
        cases.append(case)
    return {"suite": "real_requests", "metrics": split(cases, metrics), "cases": cases}


ROWS = [
    ("requests", "requests"),
    ("no_question", "no question found"),
    ("whole_request", "read as one whole question"),
    ("count_exact", "question count exact"),
    ("count_exact_margin", "  \u00b1 (95% interval, requests resampled)"),
    ("labelled_questions", "labelled questions"),
    ("boundary_recall", "question boundaries (labelled found, F1>=0.8)"),
    ("boundary_precision", "question boundaries (found labelled)"),
    ("pii_items", "requester identity items"),
    ("pii_removed", "identity removed before the index"),
    *((f"pii_removed_{kind}", f"  {kind} removed") for kind in PII_KINDS),
    ("pii_out_of_questions", "identity out of the questions (what a model is sent)"),
    ("third_parties", "third parties named"),
    ("third_parties_kept", "third parties kept"),
    ("authority_named", "requests naming their authority"),
    ("authority_kept", "  its name kept (not removed as a person's)"),
]


def table(results: dict, part: str = "all") -> str:
    return split_table(results, ROWS, part)
