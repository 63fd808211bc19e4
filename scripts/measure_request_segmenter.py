"""Would a learned segmenter find a request's questions better than the rules? Measured, not assumed.

A request is cut into atoms: its body lines (as the request reader finds them: identity removed, greeting and
sign-off off) and, within a line, its sentences. Each atom of a labelled request gets a gold tag from the labels:
``B`` (a labelled question starts in it), ``I`` (inside a labelled question), ``O`` (context, lead-in, pleasantry).
A classifier tags atoms from features of the atom and its neighbours (list marks, asking words, question marks,
what the rules reader made of it), and questions are read back from the tags: a ``B`` and the ``I`` atoms after it.

Reported on the same scorers as ``precedent eval real_requests`` (count exact, boundaries at F1 >= 0.8):

* ceiling: the gold tags read back (what atoms can express at all);
* rules: the reader as it is;
* learned: grouped cross-validation over the tuning part (a request never teaches itself), and, trained on the
  whole tuning part, the validation batch (``fresh3``, measured, never opened). ``--held-back`` also scores the
  held-back part (numbers only; run once, by the lead, at the end of a round).

    .venv/bin/python scripts/measure_request_segmenter.py [--held-back]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.real_requests import suite  # noqa: E402
from foi_precedent.drafting import request as rq  # noqa: E402

VALIDATION = "fresh3"
USE_RULES = True


@dataclass
class Atom:
    text: str  # as written, with its list mark
    own: str  # without its list mark
    mark: str  # kind of list mark ('' when none)
    line: int
    first_in_line: bool
    blank_before: bool


def _mark_kind(m: re.Match | None) -> str:
    if not m:
        return ""
    for kind in ("kw", "sq", "dec", "cmp", "num", "paren", "roman", "letter", "bullet"):
        if m.groupdict().get(kind):
            return kind
    return "other"


def atoms_of(text: str) -> tuple[list[Atom], list[rq.RequestQuestion]]:
    body = rq.request_body(text)
    clean, _ = rq.redact_identity(rq.unfold(body))
    lines = rq._lost_bullets(rq._bare_numbers(rq._body_lines(clean)))
    out: list[Atom] = []
    blank = False
    for n, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        m = rq._LABEL.match(line)
        rest = line[m.end() :] if m else line
        for k, sentence in enumerate(rq._sentences(rest) or [rest.strip()]):
            own = sentence.strip()
            whole = (line[: m.end()].strip() + " " + own) if (m and k == 0) else own
            out.append(Atom(whole, own, _mark_kind(m) if k == 0 else "", n, k == 0, blank and k == 0))
        blank = False
    questions = list(rq.split_request(text).questions)
    return out, questions


def _spans(atoms: list[Atom]) -> tuple[str, list[tuple[int, int]]]:
    flat, spans, pos = [], [], 0
    for a in atoms:
        t = suite.normalise(a.own)
        spans.append((pos, pos + len(t)))
        flat.append(t)
        pos += len(t) + 1
    return " ".join(flat), spans


def _locate(flat: str, text: str, after: int) -> tuple[int, int] | None:
    t = suite.normalise(text)
    if not t:
        return None
    i = flat.find(t, after)
    if i < 0:
        i = flat.find(t)
    if i >= 0:
        return i, i + len(t)
    head, tail = t[:30], t[-30:]
    i = flat.find(head, after)
    if i < 0:
        return None
    j = flat.find(tail, i)
    return (i, j + len(tail)) if j >= 0 else (i, i + len(t))


def tags_from(atoms: list[Atom], texts: list[str]) -> list[str]:
    """B / I / O for each atom from question texts (labelled or found)."""
    flat, spans = _spans(atoms)
    tags = ["O"] * len(atoms)
    after = 0
    for text in texts:
        where = _locate(flat, text, after)
        if not where:
            continue
        s, e = where
        after = s + 1
        for k, (a, b) in enumerate(spans):
            if a <= s < b + 1 and tags[k] != "B":
                tags[k] = "B"
            elif s < b and a < e and tags[k] == "O":
                tags[k] = "I"
    return tags


def read_back(atoms: list[Atom], tags: list[str]) -> list[str]:
    out: list[list[str]] = []
    open_ = False
    for a, t in zip(atoms, tags, strict=True):
        if t == "B":
            out.append([a.own])
            open_ = True
        elif t == "I" and open_:
            out[-1].append(a.own)
        elif t == "I":  # an I with no B before it starts a question
            out.append([a.own])
            open_ = True
        else:
            open_ = False
    return [" ".join(q) for q in out]


_ASK = re.compile(
    r"\b(?:please|provide|supply|send|disclose|how many|how much|what|which|when|where|who|whether|why|"
    r"do you|does|did|have you|has|is there|are there|can you|could you|would you|i would like|i request|"
    r"copy|copies|details|number|list|total|breakdown|information|data|figures|records?|statistics)\b",
    re.I,
)
_CONT = re.compile(
    r"^(?:and|or|including|broken down|for each|per|by|split|if so|if yes|if not|if this|if the|in each|"
    r"within|with|where|that is|i\.e\.|e\.g\.|for example|from|between|during|over|since|as well)\b",
    re.I,
)
_LEAD = re.compile(r"(?:following|below|as follows|:)\s*$", re.I)
WORDS = [
    "please",
    "provide",
    "how",
    "many",
    "what",
    "which",
    "copy",
    "number",
    "list",
    "details",
    "if",
    "and",
    "for",
    "each",
    "broken",
    "by",
    "the",
    "i",
    "would",
    "like",
    "can",
    "could",
    "do",
    "does",
    "is",
    "are",
    "total",
    "also",
    "further",
    "in",
    "addition",
    "all",
    "any",
    "whether",
    "when",
    "who",
    "where",
    "why",
    "under",
    "freedom",
    "information",
    "act",
    "request",
    "dear",
    "thank",
    "regards",
    "yours",
    "note",
    "this",
]


def features(atoms: list[Atom], rule_tags: list[str]) -> np.ndarray:
    rows = []
    marks = ["", "kw", "sq", "dec", "cmp", "num", "paren", "roman", "letter", "bullet"]
    n = len(atoms)
    for i, a in enumerate(atoms):
        low = a.own.casefold()
        words = re.findall(r"[a-z]+", low)
        first2 = set(words[:2])
        f = [
            1.0,
            *[float(a.mark == m) for m in marks],
            float(a.first_in_line),
            float(a.blank_before),
            float(a.own.rstrip().endswith("?")),
            float("?" in a.own),
            float(bool(_ASK.search(a.own))),
            float(bool(_CONT.match(a.own))),
            float(bool(_LEAD.search(a.own))),
            float(a.own[:1].islower()),
            min(len(words), 60) / 60,
            float(i == 0),
            float(i == n - 1),
            i / max(n - 1, 1),
            *[float(w in first2) for w in WORDS],
            *([float(rule_tags[i] == t) for t in ("B", "I", "O")] if USE_RULES else []),
        ]
        rows.append(f)
    base = np.asarray(rows, dtype=np.float64)
    zeros = np.zeros((1, base.shape[1]))
    prev = np.vstack([zeros, base[:-1]])
    nxt = np.vstack([base[1:], zeros])
    same_mark_prev = np.asarray(
        [[float(i > 0 and a.mark != "" and a.mark == atoms[i - 1].mark)] for i, a in enumerate(atoms)]
    )
    return np.hstack([base, prev, nxt, same_mark_prev])


def load(part: str, batches=None) -> list[tuple[dict, list[Atom], list[str], list[str], list[str]]]:
    cases = []
    for label in suite.load_labels(part=part, batches=batches):
        text = suite.request_text(ROOT / label["file"])
        atoms, found = atoms_of(text)
        labelled = [q["text"] for q in label.get("questions") or []]
        gold = tags_from(atoms, labelled)
        rules = tags_from(atoms, [q.wording for q in found])
        cases.append((label, atoms, gold, rules, [q.wording for q in found]))
    return cases


def score(cases, predicted_texts) -> dict:
    exact = matched = expected = found_n = found_matched = 0
    for (label, *_), found in zip(cases, predicted_texts, strict=True):
        labelled = [q["text"] for q in label.get("questions") or []]
        m = suite.match_questions(found, labelled)
        exact += len(found) == len(labelled)
        matched += sum(x is not None for x in m)
        expected += len(labelled)
        found_n += len(found)
        found_matched += len({x for x in m if x is not None})
    return {
        "n": len(cases),
        "count_exact": round(exact / len(cases), 3),
        "recall": round(matched / expected, 3),
        "precision": round(found_matched / max(found_n, 1), 3),
    }


MODEL = "logistic"


def _model(c: float):
    if MODEL == "hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, l2_regularization=c
        )
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000)


OVERRIDE = 0.0  # > 0: keep the rules' tag unless the model gives another tag at least this probability


def predict(model, atoms, rules) -> list[str]:
    if not atoms:
        return []
    if not OVERRIDE:
        return list(model.predict(features(atoms, rules)))
    probs = model.predict_proba(features(atoms, rules))
    classes = list(model.classes_)
    out = []
    for rule, p in zip(rules, probs, strict=True):
        best = classes[int(p.argmax())]
        out.append(best if best != rule and p.max() >= OVERRIDE else rule)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--held-back", action="store_true")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--folds", type=int, default=8)
    ap.add_argument("--no-rules", action="store_true")
    ap.add_argument("--model", default="logistic")
    ap.add_argument("--override", type=float, default=0.0)
    ap.add_argument(
        "--validation",
        default=VALIDATION,
        help="batches (comma-separated) measured as validation: never trained on (default %(default)s)",
    )
    args = ap.parse_args()
    global USE_RULES, MODEL, OVERRIDE
    USE_RULES, MODEL, OVERRIDE = not args.no_rules, args.model, args.override
    held_out = set(args.validation.split(","))
    tuning_all = load("tuning")
    tuning = [c for c in tuning_all if c[0]["_batch"] not in held_out]
    validation = [c for c in tuning_all if c[0]["_batch"] in held_out]
    print("tuning", len(tuning), "validation", len(validation))
    for name, cases in (("tuning", tuning), ("validation", validation)):
        print(name, "ceiling", score(cases, [read_back(a, g) for _, a, g, _, _ in cases]))
        print(name, "rules  ", score(cases, [f for *_, f in cases]))
        print(name, "rules as atoms", score(cases, [read_back(a, r) for _, a, _, r, _ in cases]))
    # grouped cross-validation on tuning
    folds = args.folds
    predicted: list[list[str]] = [[] for _ in tuning]
    for k in range(folds):
        train = [c for i, c in enumerate(tuning) if i % folds != k and c[1]]
        x = np.vstack([features(a, r) for _, a, _, r, _ in train])
        y = np.concatenate([g for _, _, g, _, _ in train])
        model = _model(args.C).fit(x, y)
        for i, (_, a, _, r, _) in enumerate(tuning):
            if i % folds == k:
                predicted[i] = read_back(a, predict(model, a, r))
    print("tuning learned (cv)", score(tuning, predicted))
    train = [c for c in tuning if c[1]]
    model = _model(args.C).fit(
        np.vstack([features(a, r) for _, a, _, r, _ in train]), np.concatenate([g for _, _, g, _, _ in train])
    )
    print(
        "validation learned",
        score(validation, [read_back(a, predict(model, a, r)) for _, a, _, r, _ in validation]),
    )
    if args.held_back:
        held = [c for c in load("held-back")]
        print("held back rules  ", score(held, [f for *_, f in held]))
        print(
            "held back learned", score(held, [read_back(a, predict(model, a, r)) for _, a, _, r, _ in held])
        )


if __name__ == "__main__":
    main()
