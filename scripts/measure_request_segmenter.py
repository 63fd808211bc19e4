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
  whole tuning part, the validation batches (``--validation``, measured, never opened). ``--held-back`` also
  scores the held-back part (numbers only; run once, by the lead, at the end of a round).

Variants: the tagger alone (``--no-rules``) or with the rules' tag as a feature; logistic regression at ``--C`` or
gradient boosting (``--model hgb``); ``--override P``, a verifier that keeps the rules' tag unless the model gives
another at least P (a verifier that changes no tag of a request keeps the rules' own questions for it, so it
differs from the rules only where it acts); ``--merge-only`` with ``--override P``, which only turns a rules
question start inside an open question into its continuation at P (the rules over-split about 2.5x as often as
they under-split); ``--embeddings``, the shipped MiniLM embedding of the atom and of the previous atom, and the
cosines with both neighbours, as features (``scripts/minilm.py``; ``--cache`` keeps the vectors). ``--table``
runs every variant of ``TABLE`` on one load; ``--timing`` gives the ms a request of the rules and of embedding.

    PRECEDENT_HOME=.precedent .venv/bin/python scripts/measure_request_segmenter.py --validation fresh17,fresh18 \
        [--table [NAME|NAME]] [--embeddings] [--C 0.5] [--no-rules] [--override 0.9 [--merge-only]] [--timing]

Measured (stop 31), ``--table`` with ``--validation fresh17,fresh18``: 487 tuning requests by 8-fold grouped
cross-validation, 63 validation requests by a model trained on all 487. Each cell: count exact, boundary recall /
precision; the last column: validation requests read differently from the rules, count exact gained / lost.
Logistic regression at C = 0.5 unless named; "emb": with the MiniLM features; verifiers and merge-only with the
rules' tag as a feature unless "no rules tag". Gradient boosting with the rules' tag was not run (the one without
it took 53 minutes here).

    | reader | tuning CV | validation | vs rules |
    |---|---|---|---|
    | ceiling | 0.977 0.980/0.987 | 1.000 0.975/0.975 | |
    | rules | 0.811 0.873/0.810 | 0.508 0.807/0.664 | |
    | tagger alone | 0.468 0.701/0.674 | 0.444 0.782/0.731 | 49, +10, -14 |
    | tagger + rules tag | 0.678 0.842/0.772 | 0.492 0.823/0.714 | 29, +3, -4 |
    | verifier 0.85 | 0.803 0.872/0.807 | 0.476 0.811/0.661 | 3, +0, -2 |
    | verifier 0.9 | 0.807 0.872/0.808 | 0.492 0.811/0.663 | 2, +0, -1 |
    | merge-only 0.9 | 0.811 0.873/0.810 | 0.508 0.807/0.664 | 0, +0, -0 |
    | emb alone C=0.1 | 0.464 0.732/0.693 | 0.476 0.807/0.748 | 47, +10, -12 |
    | emb alone C=0.5 | 0.450 0.724/0.675 | 0.556 0.827/0.742 | 48, +13, -10 |
    | emb alone C=2.0 | 0.433 0.705/0.657 | 0.460 0.786/0.685 | 51, +12, -15 |
    | emb + rules tag C=0.1 | 0.733 0.862/0.799 | 0.508 0.819/0.724 | 32, +6, -6 |
    | emb + rules tag C=0.5 | 0.696 0.845/0.783 | 0.476 0.811/0.714 | 36, +6, -8 |
    | emb + rules tag C=2.0 | 0.614 0.819/0.760 | 0.429 0.811/0.691 | 38, +6, -11 |
    | emb verifier 0.8 | 0.789 0.875/0.802 | 0.508 0.811/0.670 | 12, +3, -3 |
    | emb verifier 0.85 | 0.795 0.876/0.805 | 0.508 0.815/0.671 | 11, +3, -3 |
    | emb verifier 0.9 | 0.809 0.875/0.808 | 0.476 0.811/0.659 | 6, +1, -3 |
    | emb verifier 0.95 | 0.809 0.874/0.809 | 0.492 0.811/0.661 | 5, +1, -2 |
    | emb merge-only 0.8 | 0.809 0.873/0.810 | 0.508 0.807/0.664 | 0, +0, -0 |
    | emb merge-only 0.9 | 0.811 0.873/0.810 | 0.508 0.807/0.664 | 0, +0, -0 |
    | emb merge-only 0.95 | 0.811 0.873/0.810 | 0.508 0.807/0.664 | 0, +0, -0 |
    | emb + rules tag C=0.03 | 0.747 0.868/0.795 | 0.476 0.819/0.679 | 30, +4, -6 |
    | emb verifier 0.8, C=0.1 | 0.807 0.875/0.809 | 0.476 0.811/0.659 | 7, +1, -3 |
    | emb verifier 0.9, C=0.1 | 0.815 0.873/0.809 | 0.508 0.807/0.660 | 1, +0, -0 |
    | emb merge-only 0.6, no rules tag | 0.764 0.831/0.804 | 0.492 0.798/0.693 | 7, +0, -1 |
    | emb merge-only 0.7, no rules tag | 0.789 0.846/0.801 | 0.508 0.807/0.676 | 3, +0, -0 |
    | emb merge-only 0.8, no rules tag | 0.801 0.862/0.806 | 0.508 0.807/0.667 | 1, +0, -0 |
    | emb merge-only 0.9, no rules tag | 0.807 0.869/0.808 | 0.508 0.807/0.667 | 1, +0, -0 |
    | emb alone, boosting | 0.456 0.754/0.681 | 0.508 0.802/0.709 | 47, +12, -12 |

Nothing beats the rules on requests not tuned on. The best by tuning CV, the embedding verifier at 0.9 (C = 0.1;
0.815 against 0.811, two requests of 487), changes one validation request, neither gained nor lost. The embedding
taggers read boundaries more precisely (0.68 to 0.75 against 0.664) but count worse on tuning (0.43 to 0.75
against 0.811); one of them, alone at C = 0.5, counts 0.556 on validation (net three of 63, 13 gained and 10
lost, 48 of 63 requests changed), but it is the worst but one on tuning, so picking it would be picking on
validation. Merge-only seldom acts: with the rules' tag as a feature the model agrees with the rules' starts;
without it, at 0.7 to 0.9 it merges one to three validation requests with no count changed. Embedding a
request's atoms (10.5 on average, one batched call, nothing cached) costs 198 ms mean, 166 median, 368 at the 90th
percentile, against 15.5 ms mean for the rules' whole reading (``--timing``, first 200 tuning requests). Not
adopted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
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
    out = np.hstack([base, prev, nxt, same_mark_prev])
    if EMBED is None:
        return out
    return np.hstack([out, embedding_features(atoms)])


EMBED = None  # a minilm.Embedder when ``--embeddings``: the atom's and its neighbours' sentence embeddings
EMBED_WEIGHT = 1.0  # the embedding columns' scale (unit-length vectors: small entries beside 0/1 features)


def embedding_features(atoms: list[Atom]) -> np.ndarray:
    """The atom's MiniLM embedding, the previous atom's (zeros for the first), and the cosines with both
    neighbours (0 at the ends)."""
    assert EMBED is not None
    e = EMBED([a.own for a in atoms]).astype(np.float64)
    zeros = np.zeros((1, e.shape[1]))
    prev = np.vstack([zeros, e[:-1]])
    nxt = np.vstack([e[1:], zeros])
    cos_prev = (e * prev).sum(1, keepdims=True)
    cos_next = (e * nxt).sum(1, keepdims=True)
    return np.hstack([EMBED_WEIGHT * e, EMBED_WEIGHT * prev, cos_prev, cos_next])


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
MERGE = (
    False  # with OVERRIDE: only ever turn a rules ``B`` inside an open question into ``I`` (merge it back)
)
_X: dict[tuple, np.ndarray] = {}


def _x(atoms: list[Atom], rules: list[str]) -> np.ndarray:
    key = (id(atoms), USE_RULES, EMBED is not None, EMBED_WEIGHT)
    if key not in _X:
        _X[key] = features(atoms, rules)
    return _X[key]


def tags_of(model, atoms: list[Atom], rules: list[str]) -> list[str]:
    x = _x(atoms, rules)
    if not OVERRIDE:
        return list(model.predict(x))
    probs = model.predict_proba(x)
    classes = list(model.classes_)
    out = list(rules)
    if MERGE:
        inside = classes.index("I")
        for k, p in enumerate(probs):
            if out[k] == "B" and k > 0 and out[k - 1] in ("B", "I") and p[inside] >= OVERRIDE:
                out[k] = "I"
        return out
    for k, (rule, p) in enumerate(zip(rules, probs, strict=True)):
        best = classes[int(p.argmax())]
        out[k] = best if best != rule and p.max() >= OVERRIDE else rule
    return out


def predict(model, atoms: list[Atom], rules: list[str], found: list[str]) -> list[str]:
    """The questions read. A verifier (``OVERRIDE``) that changes no tag keeps the rules' own questions, so it
    differs from the rules only on the requests it changes."""
    if not atoms:
        return list(found) if OVERRIDE else []
    tags = tags_of(model, atoms, rules)
    if OVERRIDE and tags == list(rules):
        return list(found)
    return read_back(atoms, tags)


def _fit(cases, c: float):
    train = [case for case in cases if case[1]]
    x = np.vstack([_x(a, r) for _, a, _, r, _ in train])
    y = np.concatenate([g for _, _, g, _, _ in train])
    return _model(c).fit(x, y)


def cross_validated(tuning, c: float, folds: int) -> list[list[str]]:
    """Grouped by request: each request read by a model trained on the other folds' requests."""
    predicted: list[list[str]] = [[] for _ in tuning]
    for k in range(folds):
        model = _fit([case for i, case in enumerate(tuning) if i % folds != k], c)
        for i, (_, a, _, r, f) in enumerate(tuning):
            if i % folds == k:
                predicted[i] = predict(model, a, r, f)
    return predicted


def against_rules(cases, predicted) -> dict:
    """How many requests read differently from the rules, and of them, count exact gained and lost."""
    changed = gained = lost = 0
    for (label, *_, found), mine in zip(cases, predicted, strict=True):
        want = len(label.get("questions") or [])
        if [suite.normalise(q) for q in mine] != [suite.normalise(q) for q in found]:
            changed += 1
            gained += len(mine) == want and len(found) != want
            lost += len(mine) != want and len(found) == want
    return {"changed": changed, "gained": gained, "lost": lost}


# (name, embeddings, rules' tag as a feature, model, C, override, merge only)
TABLE: list[tuple[str, bool, bool, str, float, float, bool]] = [
    ("tagger alone", False, False, "logistic", 0.5, 0.0, False),
    ("tagger + rules tag", False, True, "logistic", 0.5, 0.0, False),
    ("verifier 0.85", False, True, "logistic", 0.5, 0.85, False),
    ("verifier 0.9", False, True, "logistic", 0.5, 0.9, False),
    ("merge-only 0.9", False, True, "logistic", 0.5, 0.9, True),
    *[(f"emb alone C={c}", True, False, "logistic", c, 0.0, False) for c in (0.1, 0.5, 2.0)],
    *[(f"emb + rules tag C={c}", True, True, "logistic", c, 0.0, False) for c in (0.1, 0.5, 2.0)],
    *[(f"emb verifier {t}", True, True, "logistic", 0.5, t, False) for t in (0.8, 0.85, 0.9, 0.95)],
    *[(f"emb merge-only {t}", True, True, "logistic", 0.5, t, True) for t in (0.8, 0.9, 0.95)],
    ("emb + rules tag C=0.03", True, True, "logistic", 0.03, 0.0, False),
    *[(f"emb verifier {t}, C=0.1", True, True, "logistic", 0.1, t, False) for t in (0.8, 0.9)],
    *[
        (f"emb merge-only {t}, no rules tag", True, False, "logistic", 0.5, t, True)
        for t in (0.6, 0.7, 0.8, 0.9)
    ],
    ("emb alone, boosting", True, False, "hgb", 0.0, 0.0, False),
    ("emb + rules tag, boosting", True, True, "hgb", 0.0, 0.0, False),
]


def _cell(s: dict) -> str:
    return f"{s['count_exact']:.3f} {s['recall']:.3f}/{s['precision']:.3f}"


def table(tuning, validation, folds: int, embed, only: str = "") -> None:
    """Every variant of ``TABLE`` on one load, as markdown rows: count exact and boundary recall/precision,
    tuning by cross-validation and validation (trained on all of tuning), and on validation how many requests read
    differently from the rules (count exact gained / lost). ``only``: the variants whose name contains it or one of
    its ``|``-separated parts; ``-name``: all but those."""
    global USE_RULES, MODEL, OVERRIDE, MERGE, EMBED
    print("| reader | tuning CV: exact, recall/precision | validation | validation vs rules: changed, +, - |")
    print("|---|---|---|---|")
    for cases_name, reading in (
        ("ceiling", lambda cs: [read_back(a, g) for _, a, g, _, _ in cs]),
        ("rules", lambda cs: [f for *_, f in cs]),
    ):
        cells = _cell(score(tuning, reading(tuning))), _cell(score(validation, reading(validation)))
        print(f"| {cases_name} | {cells[0]} | {cells[1]} | |")
    for name, emb, rules, model, c, override, merge in TABLE:
        if only and (
            only[1:] in name if only.startswith("-") else not any(o in name for o in only.split("|"))
        ):
            continue
        started = time.perf_counter()
        USE_RULES, MODEL, OVERRIDE, MERGE, EMBED = rules, model, override, merge, embed if emb else None
        cv = cross_validated(tuning, c, folds)
        fitted = _fit(tuning, c)
        val = [predict(fitted, a, r, f) for _, a, _, r, f in validation]
        vs = against_rules(validation, val)
        print(
            f"| {name} | {_cell(score(tuning, cv))} | {_cell(score(validation, val))} | "
            f"{vs['changed']}, +{vs['gained']}, -{vs['lost']} |  ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )


def timing(cases, n: int = 200) -> None:
    """Per request (the first ``n`` tuning requests, one at a time): the rules' reading and the MiniLM embedding
    of its atoms with nothing cached (one batched call per request), in ms."""
    from minilm import Embedder

    fresh = Embedder()
    fresh(["warm up"])
    rules_ms, embed_ms = [], []
    for label, atoms, *_ in cases[:n]:
        text = suite.request_text(ROOT / label["file"])
        t0 = time.perf_counter()
        rq.split_request(text)
        t1 = time.perf_counter()
        if atoms:
            fresh([a.own for a in atoms])
        t2 = time.perf_counter()
        fresh.cache.clear()
        rules_ms.append(1000 * (t1 - t0))
        embed_ms.append(1000 * (t2 - t1))
    for name, ms in (("rules", rules_ms), ("embedding", embed_ms)):
        print(
            f"{name}: mean {np.mean(ms):.1f} ms, median {np.median(ms):.1f} ms, "
            f"90th percentile {np.percentile(ms, 90):.1f} ms a request ({len(ms)} requests, "
            f"{np.mean([len(c[1]) for c in cases[:n]]):.1f} atoms on average)"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--held-back", action="store_true")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--folds", type=int, default=8)
    ap.add_argument("--no-rules", action="store_true")
    ap.add_argument("--model", default="logistic")
    ap.add_argument("--override", type=float, default=0.0)
    ap.add_argument(
        "--merge-only", action="store_true", help="with --override: only merge a rules question back"
    )
    ap.add_argument("--embeddings", action="store_true", help="the atoms' MiniLM embeddings as features")
    ap.add_argument("--embed-weight", type=float, default=1.0)
    ap.add_argument("--cache", default="", help="folder keeping the embeddings between runs")
    ap.add_argument("--table", nargs="?", const="", default=None, help="every variant (or those named so)")
    ap.add_argument("--timing", action="store_true", help="ms a request: the rules, the embedding")
    ap.add_argument(
        "--validation",
        default=VALIDATION,
        help="batches (comma-separated) measured as validation: never trained on (default %(default)s)",
    )
    args = ap.parse_args()
    global USE_RULES, MODEL, OVERRIDE, MERGE, EMBED, EMBED_WEIGHT
    USE_RULES, MODEL, OVERRIDE, MERGE = not args.no_rules, args.model, args.override, args.merge_only
    EMBED_WEIGHT = args.embed_weight
    held_out = set(args.validation.split(","))
    tuning_all = load("tuning")
    tuning = [c for c in tuning_all if c[0]["_batch"] not in held_out]
    validation = [c for c in tuning_all if c[0]["_batch"] in held_out]
    print("tuning", len(tuning), "validation", len(validation))
    if args.timing:
        timing(tuning)
        return
    embed = None
    if args.embeddings or args.table is not None:
        sys.path.insert(0, str(ROOT / "scripts"))
        from minilm import Embedder

        embed = Embedder(args.cache or None)
        embed([a.own for c in tuning_all for a in c[1]])  # all at once: batched, then cached
        embed.save()
        EMBED = embed if args.embeddings else None
    if args.table is not None:
        table(tuning, validation, args.folds, embed, args.table)
        return
    for name, cases in (("tuning", tuning), ("validation", validation)):
        print(name, "ceiling", score(cases, [read_back(a, g) for _, a, g, _, _ in cases]))
        print(name, "rules  ", score(cases, [f for *_, f in cases]))
        print(name, "rules as atoms", score(cases, [read_back(a, r) for _, a, _, r, _ in cases]))
    print("tuning learned (cv)", score(tuning, cross_validated(tuning, args.C, args.folds)))
    model = _fit(tuning, args.C)
    predicted = [predict(model, a, r, f) for _, a, _, r, f in validation]
    print("validation learned", score(validation, predicted), against_rules(validation, predicted))
    if args.held_back:
        held = [c for c in load("held-back")]
        print("held back rules  ", score(held, [f for *_, f in held]))
        print("held back learned", score(held, [predict(model, a, r, f) for _, a, _, r, f in held]))


if __name__ == "__main__":
    main()
