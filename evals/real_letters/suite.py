"""``precedent eval real_letters``: the letter reader on published replies, against hand labels.

Each labelled letter (``labels/*.yaml``, format in ``README.md``) is read from its file by the
product's reader and compared with its labels:

* refused: a letter whose visible text holds a decision (``decision_visible``) that the reader refused;
* read with no decision found: a reply about a request whose decision the reader did not recognise, read as its
  questions, each ``other`` and marked for review (``Letter.undecided``) instead of refused; counted apart,
  since such a letter is not refused but is not read either;
* question count exact: the reader found as many questions as are labelled;
* treatment agreement: labelled questions (with a visible answer) whose treatment set the reader got
  exactly, over all such questions (a question the reader did not find counts as a miss); split in two, to tell
  finding from reading: answered questions found (paired with a question the reader found) and treatment agreement
  on the found ones;
* exemption precision and recall at question level (over aligned questions; the exemptions of a
  labelled question the reader missed count as missed) and at letter level;
* pointer recall: labelled pointers found (loosely, by resource name) on the aligned question;
* letter flags: agreement of refusal notice, public interest test, harm statement and complaint rights
  with the labels, over letters where the label is not null (a cut-off letter may not show them);
* readings a flag may rest on: the found questions read with the checker's confidence
  (``FLAG_CONFIDENCE``), and their treatment agreement (a flag resting on a misreading is a false flag).

Questions are aligned in order: by label where both sides have one, else by the words the labelled
question starts with, else by position. The held-back part (``evals.holdout``) is reported apart and
its per-letter details are left out of the results: only its scores are kept.

``--readings FILE`` measures the reader on a team's own letters instead: a reviewed-readings file (the JSON Lines
``precedent import-readings`` takes) is their labels, and every letter is one part, "your letters", shown letter by
letter (``labels_from_readings``). It is the honest measure for that team: the reader never saw those letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evals import datasets
from evals.datasets import OWN, split, split_table
from evals.holdout import is_held_back
from evals.scorers import exemption_scores, interval_fields, pointer_scores, ratio
from foi_precedent.consistency.consensus import FLAG_CONFIDENCE
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Letter, Treatment, label_key, opening_share

ROOT = Path(__file__).resolve().parents[2]
LABELS_DIR = Path(__file__).resolve().parent / "labels"
FLAGS = ("refusal_notice", "public_interest_test", "harm_statement", "complaint_rights")
TREATMENTS = tuple(t.value for t in Treatment)


def load_labels(
    directory: Path = LABELS_DIR, part: str = "all", batches: Sequence[str] | None = None
) -> list[dict]:
    return datasets.load_labels(directory, part, batches)


# --- alignment ------------------------------------------------------------------------------------


def align(expected: list[dict], got: list[dict]) -> list[int | None]:
    """For each labelled question, the index of the found question it is, or None. In order, one to one."""
    out: list[int | None] = [None] * len(expected)
    used: set[int] = set()
    for i, e in enumerate(expected):
        best, best_score = None, 0.0
        for j, g in enumerate(got):
            if j in used:
                continue
            score = opening_share(e.get("starts") or "", g.get("text") or "")
            if e.get("label") and g.get("label") and label_key(str(e["label"])) == label_key(g["label"]):
                score += 1.0
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= 0.5:
            out[i] = best
            used.add(best)
    if len(expected) == len(got):  # the same count: what is still unpaired pairs up by position
        for i, j in enumerate(out):
            if j is None and i not in used:
                out[i] = i
                used.add(i)
    return out


# --- one letter -----------------------------------------------------------------------------------


def score_letter(label: dict, letter: Letter | None, error: str | None = None) -> dict:
    """Counts for one letter; ``letter`` None when the reader refused it (``error`` says why)."""
    expected = label.get("questions") or []
    got = [
        {
            "label": q.label,
            "text": q.text,
            "treatments": [t.value for t in q.treatments],
            "exemptions": list(q.exemptions),
            # a labelled pointer is a resource's name as written, or its URL when only a URL is given
            "pointers": [p.name for p in q.pointers] + [p.url for p in q.pointers if p.url],
            "review": getattr(q, "review", None),
            "confident": q.confidence >= FLAG_CONFIDENCE,
        }
        for q in (letter.questions if letter else ())
    ]
    pairs = align(expected, got)
    s = {
        "refused": letter is None and bool(label.get("decision_visible", True)),
        # read, but with no decision found: every question `other`, marked for a person to read (not refused)
        "no_decision": letter is not None and letter.undecided,
        "questions_expected": len(expected),
        "questions_found": len(got),
        "count_exact": len(expected) == len(got),
        "treatment_questions": 0,
        "treatment_found": 0,
        "treatment_agree": 0,
        "by_treatment": {},  # labelled treatment -> [questions labelled with it, of those read with it]
        "ex_tp": 0,
        "ex_fp": 0,
        "ex_fn": 0,
        # the same, on the labelled questions with a visible answer only (those treatment agreement is scored on)
        "exa_tp": 0,
        "exa_fp": 0,
        "exa_fn": 0,
        "pointers_expected": 0,
        "pointers_found": 0,
        "marked_for_review": sum(1 for g in got if g["review"]),
        "confident": 0,  # labelled answered questions found and read with the confidence a flag may rest on
        "confident_agree": 0,
    }
    misses = []
    for e, j in zip(expected, pairs, strict=True):
        g = got[j] if j is not None else None
        if e.get("treatments"):
            s["treatment_questions"] += 1
            s["treatment_found"] += g is not None
            for t in e["treatments"]:  # each labelled treatment: was it read on the question (found or not)?
                seen = s["by_treatment"].setdefault(t, [0, 0])
                seen[0] += 1
                seen[1] += g is not None and t in g["treatments"]
            ok = g is not None and set(g["treatments"]) == set(e["treatments"])
            s["treatment_agree"] += ok
            if g is not None and g["confident"]:
                s["confident"] += 1
                s["confident_agree"] += ok
            if not ok:
                misses.append(
                    {
                        "label": e.get("label"),
                        "starts": e.get("starts"),
                        "expected": e["treatments"],
                        "got": g["treatments"] if g else None,
                    }
                )
        ex = exemption_scores(e.get("exemptions") or [], g["exemptions"] if g else [])
        s["ex_tp"] += ex["tp"]
        s["ex_fp"] += ex["fp"]
        s["ex_fn"] += ex["fn"]
        if e.get("treatments"):
            s["exa_tp"] += ex["tp"]
            s["exa_fp"] += ex["fp"]
            s["exa_fn"] += ex["fn"]
        if ex["fp"] or ex["fn"]:
            misses.append(
                {
                    "label": e.get("label"),
                    "starts": e.get("starts"),
                    "exemptions_expected": e.get("exemptions") or [],
                    "exemptions_got": g["exemptions"] if g else None,
                }
            )
        want = e.get("pointers") or []
        if want:
            pt = pointer_scores(want, g["pointers"] if g else [])
            s["pointers_expected"] += len(want)
            s["pointers_found"] += pt["tp"]
    for j, g in enumerate(got):  # exemptions on questions the labels do not have are false positives
        if j not in pairs:
            s["ex_fp"] += len(g["exemptions"])
    lab_letter = label.get("letter") or {}
    lx = exemption_scores(lab_letter.get("exemptions") or [], letter.exemptions if letter else [])
    s.update({"lx_tp": lx["tp"], "lx_fp": lx["fp"], "lx_fn": lx["fn"]})
    flags = {}
    for flag in FLAGS:
        want = lab_letter.get(flag)
        if want is None or letter is None:
            continue
        flags[flag] = bool(getattr(letter, flag)) == bool(want)
    s["flags"] = flags
    # the regime the reply is made under (FOIA, FOISA, EIR, EISR): the Act the checker and drafting hold it to
    if label.get("regime") and letter is not None:
        s["regime_agree"] = letter.regime.value == label["regime"]
    details = {"error": error, "misses": misses, "flag_misses": [f for f, ok in flags.items() if not ok]}
    if s.get("regime_agree") is False:
        details["regime"] = {"expected": label["regime"], "got": letter.regime.value if letter else None}
    return {"scores": s, "details": details}


# --- the suite ------------------------------------------------------------------------------------


def read_letter(path: Path, model=None) -> tuple[Letter, list[str]]:
    """The letter read by the rules, or with ``model``'s extraction pass checked by the rules (and its notes)."""
    from foi_precedent.letters.parser import parse_file

    if model is None:
        return parse_file(path), []
    from foi_precedent.letters.extraction import read_letter as read_with_model
    from foi_precedent.letters.sources import read_document

    return read_with_model(read_document(path), model)


def labels_from_readings(path: Path) -> list[dict]:
    """A team's own letters as labels: a reviewed-readings file (``foi_precedent.reviewed``, the JSON Lines
    ``precedent import-readings`` takes), each letter's questions as its officers split and read them. Its letter
    flags are not in that file, so they are not scored; a letter's exemptions are its answered questions'. The whole
    file is checked first, and a letter file that is not there is an error naming it, before anything is read."""
    from foi_precedent import reviewed

    letters = reviewed.load(path)
    missing = [str(r.file) for r in letters if not r.file.is_file()]
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise PrecedentError(
            f"{len(missing)} letter file(s) named in {Path(path).name} are not there: {shown} "
            "(a file is named relative to the readings file's folder)."
        )
    out: list[dict] = []
    seen: set[str] = set()
    for r in letters:
        case_id = r.id if r.id not in seen else str(r.file)  # two folders' "reply.txt": told apart by path
        seen.add(case_id)
        answered = [q for q in r.questions if q.treatments]
        out.append(
            {
                "id": case_id,
                "file": str(r.file),
                "decision_visible": bool(answered),
                "questions": [
                    {
                        "label": q.label,
                        "starts": q.text,  # its first words pair it with the question the reader found
                        "treatments": list(q.treatments),
                        "exemptions": list(q.exemptions),
                        "ncnd": list(q.ncnd),
                        "pointers": list(q.pointers),
                    }
                    for q in r.questions
                ],
                "letter": {"exemptions": sorted({e for q in answered for e in q.exemptions})},
                "_batch": OWN,
            }
        )
    return out


def run(
    labels_dir: Path = LABELS_DIR,
    part: str = "all",
    batches: Sequence[str] | None = None,
    model=None,
    limit: int | None = None,
    progress=None,
    readings: Path | None = None,
) -> dict:
    """``model``: a chat model, to read each letter with the extraction pass (``letters.extraction``); ``limit``:
    the first letters only (a slow model); ``progress(done, total)``; ``readings``: a team's own letters and their
    reviewed readings instead of the development set (``labels_from_readings``), scored as one part (``own``),
    every letter shown, since the reader was never tuned on them."""
    own = readings is not None
    labels = (labels_from_readings(readings) if own else load_labels(labels_dir, part, batches))[:limit]
    cases = []
    for n, label in enumerate(labels, 1):
        letter, error, notes = None, None, []
        try:
            letter, notes = read_letter(ROOT / label["file"], model)
        except PrecedentError as exc:
            error = str(exc)
        scored = score_letter(label, letter, error)
        held = not own and is_held_back(label["id"])
        case = {"id": label["id"], "held_back": held, "batch": label["_batch"], "scores": scored["scores"]}
        if model is not None:  # whether the model's reading was used at all
            from foi_precedent.letters.extraction import RULES_ALONE

            case["scores"]["model_unused"] = bool(notes) and notes[0].startswith(RULES_ALONE)
        if not held:  # the held-back part is never looked at letter by letter
            case["details"] = scored["details"]
            case["authority"] = label.get("authority")
            if notes:
                case["notes"] = notes
        if own:
            case["file"] = label["file"]
        cases.append(case)
        if progress:
            progress(n, len(labels))
    out = {
        "name": "real_letters",
        "metrics": {OWN: metrics(cases)} if own else split(cases, metrics),
        "cases": cases,
    }
    if own:
        out["readings"] = str(readings)
    if model is not None:
        out["model"] = getattr(model, "name", str(model))
    return out


def metrics(cases: list[dict]) -> dict:
    sc = [c["scores"] for c in cases]

    def total(key):
        return sum(s[key] for s in sc)

    out = {
        "letters": len(sc),
        "letters_refused": sum(1 for s in sc if s["refused"]),
        "letters_no_decision": sum(1 for s in sc if s.get("no_decision")),
        # read with a model's extraction pass (``--mode model``): letters whose model reading was not used at all
        **(
            {"letters_model_unused": sum(1 for s in sc if s["model_unused"])}
            if sc and all("model_unused" in s for s in sc)
            else {}
        ),
        "question_count_exact": ratio(sum(1 for s in sc if s["count_exact"]), len(sc)),
        "questions_labelled": total("questions_expected"),
        "treatment_agreement": ratio(total("treatment_agree"), total("treatment_questions")),
        # how far each rate could move on other letters like these: a 95% interval, letters resampled
        **interval_fields("question_count_exact", [(int(s["count_exact"]), 1) for s in sc]),
        **interval_fields(
            "treatment_agreement", [(s["treatment_agree"], s["treatment_questions"]) for s in sc]
        ),
        "answered_questions_found": ratio(total("treatment_found"), total("treatment_questions")),
        "treatment_agreement_found": ratio(total("treatment_agree"), total("treatment_found")),
        "exemption_precision": ratio(total("ex_tp"), total("ex_tp") + total("ex_fp")),
        "exemption_recall": ratio(total("ex_tp"), total("ex_tp") + total("ex_fn")),
        # (results saved before stop 34 have no answered-question counts: 0 of 0, no ratio)
        "exemption_precision_answered": ratio(
            sum(s.get("exa_tp", 0) for s in sc), sum(s.get("exa_tp", 0) + s.get("exa_fp", 0) for s in sc)
        ),
        "exemption_recall_answered": ratio(
            sum(s.get("exa_tp", 0) for s in sc), sum(s.get("exa_tp", 0) + s.get("exa_fn", 0) for s in sc)
        ),
        "letter_exemption_precision": ratio(total("lx_tp"), total("lx_tp") + total("lx_fp")),
        "letter_exemption_recall": ratio(total("lx_tp"), total("lx_tp") + total("lx_fn")),
        "pointer_recall": ratio(total("pointers_found"), total("pointers_expected")),
        "questions_marked_for_review": total("marked_for_review"),
        # what a flag may rest on: the readings at or above the checker's line, and how often they are right
        "confident_readings": sum(s.get("confident", 0) for s in sc),
        "confident_agreement": ratio(
            sum(s.get("confident_agree", 0) for s in sc), sum(s.get("confident", 0) for s in sc)
        ),
    }
    for t in TREATMENTS:  # recall of each treatment: the labelled questions with it that the reader gave it
        pairs = [s.get("by_treatment", {}).get(t, [0, 0]) for s in sc]
        out[f"recall_{t}"] = ratio(sum(p[1] for p in pairs), sum(p[0] for p in pairs))
    for flag in FLAGS:
        judged = [s["flags"][flag] for s in sc if flag in s["flags"]]
        out[f"{flag}_agreement"] = ratio(sum(judged), len(judged))
    regimes = [s["regime_agree"] for s in sc if "regime_agree" in s]
    out["regime_agreement"] = ratio(sum(regimes), len(regimes))
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}


ROWS = [
    ("letters", "Letters"),
    ("letters_refused", "Letters with a decision refused"),
    ("letters_no_decision", "  read with no decision found (for review)"),
    ("letters_model_unused", "  the model's reading not used (--mode model)"),
    ("question_count_exact", "Question count exact"),
    ("question_count_exact_margin", "  \u00b1 (95% interval, letters resampled)"),
    ("questions_labelled", "Questions labelled"),
    ("treatment_agreement", "Treatment agreement"),
    ("treatment_agreement_margin", "  \u00b1 (95% interval, letters resampled)"),
    ("answered_questions_found", "  answered questions found"),
    ("treatment_agreement_found", "  treatment agreement on those found"),
    *((f"recall_{t}", f"  recall: {t}") for t in TREATMENTS),
    ("exemption_precision", "Exemption precision (question)"),
    ("exemption_recall", "Exemption recall (question)"),
    ("exemption_precision_answered", "  precision on answered questions"),
    ("exemption_recall_answered", "  recall on answered questions"),
    ("letter_exemption_precision", "Exemption precision (letter)"),
    ("letter_exemption_recall", "Exemption recall (letter)"),
    ("pointer_recall", "Pointer recall"),
    ("refusal_notice_agreement", "Refusal notice agreement"),
    ("public_interest_test_agreement", "Public interest test agreement"),
    ("harm_statement_agreement", "Harm statement agreement"),
    ("complaint_rights_agreement", "Complaint rights agreement"),
    ("regime_agreement", "Regime agreement (FOIA / FOISA / EIR / EISR)"),
    ("questions_marked_for_review", "Questions marked for review"),
    ("confident_readings", "Readings a flag may rest on (confident)"),
    ("confident_agreement", "  treatment agreement of those"),
]


def table(results: dict, part: str = "all") -> str:
    return split_table(results, ROWS, part)
