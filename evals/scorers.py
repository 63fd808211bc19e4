"""Scorers: pure functions from (expected, got) to numbers and a pass/fail. No I/O, no index.

Each scorer can fail: tests in tests/unit/test_eval_scorers.py show a case that does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from foi_precedent.letters.model import label_key, pointer_key


def _ref_key(reference: str, label: str) -> tuple[str, str]:
    return (reference.strip().lower(), label_key(label))


# --- retrieval ------------------------------------------------------------------------------------


def retrieval_scores(expected: Sequence[tuple[str, str]], got: Sequence[tuple[str, str]], k: int) -> dict:
    """recall@k (share of expected precedents in the top k), reciprocal rank of the first expected hit,
    and pass (every expected precedent in the top k)."""
    want = {_ref_key(r, lab) for r, lab in expected}
    ranked = [_ref_key(r, lab) for r, lab in got]
    top = ranked[:k]
    found = want & set(top)
    rr = 0.0
    for i, key in enumerate(ranked, start=1):
        if key in want:
            rr = 1.0 / i
            break
    recall = len(found) / len(want) if want else 1.0
    return {"recall": recall, "rr": rr, "passed": bool(want) and found == want}


# --- treatments, exemptions, pointers -------------------------------------------------------------


def _section(e: str) -> str:
    return re.sub(r"\s+", "", e.strip().lower())


def set_scores(expected: Iterable[str], got: Iterable[str]) -> dict:
    """Precision, recall and F1 of two sets (both empty counts as perfect)."""
    e, g = set(expected), set(got)
    tp = len(e & g)
    precision = tp / len(g) if g else (1.0 if not e else 0.0)
    recall = tp / len(e) if e else (1.0 if not g else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": len(g - e), "fn": len(e - g), "precision": precision, "recall": recall, "f1": f1}


def treatment_correct(expected: Iterable[str], got: Iterable[str]) -> bool:
    """The same set of treatments."""
    return set(expected) == set(got)


def exemption_scores(expected: Iterable[str], got: Iterable[str]) -> dict:
    return set_scores({_section(e) for e in expected}, {_section(e) for e in got})


def _pointer_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if (len(a) > 6 and a in b) or (len(b) > 6 and b in a):
        return True
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.75


def pointer_scores(expected: Iterable[str], got: Iterable[str]) -> dict:
    """Precision and recall of pointers, matched loosely by resource name (pointer_key, containment)."""
    e = [pointer_key(x) for x in expected]
    g = [pointer_key(x) for x in got]
    tp_g = sum(1 for x in g if any(_pointer_match(x, y) for y in e))
    tp_e = sum(1 for y in e if any(_pointer_match(x, y) for x in g))
    precision = tp_g / len(g) if g else (1.0 if not e else 0.0)
    recall = tp_e / len(e) if e else (1.0 if not g else 0.0)
    return {"tp": tp_e, "fp": len(g) - tp_g, "fn": len(e) - tp_e, "precision": precision, "recall": recall}


def invented_pointers(got: Iterable[str], known_keys: Iterable[str]) -> list[str]:
    """Pointers a draft gives that no corpus letter names (a model may have made them up)."""
    known = [k for k in known_keys if k]
    return [name for name in got if not any(_pointer_match(pointer_key(name), k) for k in known)]


def answer_scores(expected: dict, got: dict) -> dict:
    """One question: expected/got = {"treatments", "exemptions", "pointers"}."""
    ok = treatment_correct(expected["treatments"], got.get("treatments", []))
    ex = exemption_scores(expected.get("exemptions", []), got.get("exemptions", []))
    pt = pointer_scores(expected.get("pointers", []), got.get("pointers", []))
    passed = ok and ex["fp"] == 0 and ex["fn"] == 0 and pt["fn"] == 0 and pt["fp"] == 0
    return {"treatment_correct": ok, "exemptions": ex, "pointers": pt, "passed": passed}


# --- flags ----------------------------------------------------------------------------------------


def flag_scores(expected: Sequence[tuple[str, Sequence[str]]], got: Sequence[tuple[str, str]]) -> dict:
    """expected = [(label, kinds any-of)], got = [(label, kind)] (only the kinds the case considers).

    A true positive is an expected (label, kinds) matched by a raised flag on that label of one of the
    kinds; a false negative one that is not; a false positive a label flagged that nothing expected
    (counted once per label). A sound draft (expected empty) passes only when nothing is raised."""
    raised: dict[str, set[str]] = {}
    for label, kind in got:
        raised.setdefault(label_key(label), set()).add(kind)
    tp = fn = 0
    expected_labels = set()
    for label, kinds in expected:
        key = label_key(label)
        expected_labels.add(key)
        if raised.get(key, set()) & set(kinds):
            tp += 1
        else:
            fn += 1
    fp = sum(1 for key in raised if key not in expected_labels)
    return {"tp": tp, "fp": fp, "fn": fn, "passed": fn == 0 and fp == 0}


def fmt(value, missing: str = "n/a") -> str:
    """A metric as the tables print it: three decimals, or ``missing`` where there is no value."""
    if value is None:
        return missing
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def regression(old: float | None, new: float | None, threshold: float, higher_is_better: bool = True) -> bool:
    """True when ``new`` is worse than ``old`` by more than ``threshold`` (absolute)."""
    if old is None or new is None:
        return False
    delta = (new - old) if higher_is_better else (old - new)
    return delta < -threshold


# --- how far a rate may be from chance ----------------------------------------------------------------------


# bootstrap resamples: enough for a 95% interval to move by less than about 0.005 between seeds
RESAMPLES = 2000


def _bootstrap(rows, rates, level: float, resamples: int, seed: int) -> tuple[float, float]:
    """The percentile interval of ``rates`` (the column sums of each resample -> its values) over ``rows`` (one row of
    counts a case) resampled with replacement, a case at a time. Deterministic for a seed."""
    import numpy as np

    draws = np.random.default_rng(seed).integers(0, len(rows), size=(resamples, len(rows)))
    low, high = np.quantile(rates(rows[draws].sum(axis=1)), [(1 - level) / 2, (1 + level) / 2])
    return round(float(low), 4), round(float(high), 4)


def ratio_interval(
    cases: Sequence[tuple[float, float]], level: float = 0.95, resamples: int = RESAMPLES, seed: int = 0
) -> tuple[float, float] | None:
    """The percentile bootstrap interval of a rate summed over cases (``sum(num) / sum(den)``), the cases resampled
    with replacement: a letter's questions move together (they share a layout and a reader's misstep), so the
    letter, not the question, is what is drawn. None when no case counts (every ``den`` 0). Deterministic."""
    import numpy as np

    rows = np.array(cases, dtype=float).reshape(-1, 2)
    if not len(rows) or rows[:, 1].sum() == 0:
        return None

    def rates(sums):
        counted = sums[:, 1] > 0
        return sums[counted, 0] / sums[counted, 1]

    return _bootstrap(rows, rates, level, resamples, seed)


def paired_delta_interval(
    cases: Sequence[tuple[float, float, float, float]],
    level: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> tuple[float, float] | None:
    """The bootstrap interval of ``new - old`` for a rate read twice on the same cases (``(num_old, den_old,
    num_new, den_new)`` each), the cases resampled in pairs: how large a change the letters themselves could make
    of a reader that changed nothing. An interval that holds 0 is a change these cases cannot tell from chance."""
    import numpy as np

    rows = np.array(cases, dtype=float).reshape(-1, 4)
    if not len(rows) or rows[:, 1].sum() == 0 or rows[:, 3].sum() == 0:
        return None

    def deltas(sums):
        counted = (sums[:, 1] > 0) & (sums[:, 3] > 0)
        return sums[counted, 2] / sums[counted, 3] - sums[counted, 0] / sums[counted, 1]

    return _bootstrap(rows, deltas, level, resamples, seed)


def interval_fields(key: str, cases: Sequence[tuple[float, float]]) -> dict:
    """A rate's 95% interval over its cases (``KEY_interval``: ``[low, high]``) and its margin (``KEY_margin``: half
    the width), as the real-set metrics save them beside the rate."""
    interval = ratio_interval(cases)
    return {f"{key}_interval": list(interval) if interval else None, f"{key}_margin": margin(interval)}


def margin(interval: tuple[float, float] | None) -> float | None:
    """Half the width of an interval: the '±' a table prints beside its rate."""
    return None if interval is None else round((interval[1] - interval[0]) / 2, 4)
