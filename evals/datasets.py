"""Real development sets (letters and requests read as published), scored without an index or a model.

A dataset suite is a name (``real_letters``, ``real_requests``) whose runner reads its labelled cases,
runs the product's reader on each, and returns metrics for the whole set, for the tuning part and for
the held-back part (``evals.holdout``) apart. ``precedent eval NAME`` prints them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

import yaml

from foi_precedent.errors import PrecedentError

# name -> module whose ``run() -> dict`` and ``table(results) -> str`` serve it
_MODULES = {
    "real_letters": "evals.real_letters.suite",
    "real_requests": "evals.real_requests.suite",
    "real_plans": "evals.real_plans.suite",
}
DATASETS = tuple(_MODULES)


def runner(name: str) -> tuple[Callable[..., dict], Callable[..., str]]:
    module = import_module(_MODULES[name])
    return module.run, module.table


def needs_index(name: str) -> bool:
    """Whether the set plans from an index (``real_plans``) rather than only reading its cases."""
    return bool(getattr(import_module(_MODULES[name]), "NEEDS_INDEX", False))


def metrics_of(name: str) -> Callable[[list[dict]], dict] | None:
    """The set's own metrics over a list of its cases (``run``'s ``metrics``), or None for a name no set has."""
    return import_module(_MODULES[name]).metrics if name in _MODULES else None


# which part of a set to read: ``tuning`` never reads a held-back case (its file or its label), so a tuner can run
# the eval without seeing the held-back part even in the totals
PARTS = ("all", "tuning", "held-back")
_COLUMNS = {
    "all": ("all", "dev", "held_back"),
    "tuning": ("dev",),
    "held-back": ("held_back",),
    "own": ("own",),
}
#: the parts a run's metrics are split into (``split``), and each one's heading
METRIC_PARTS = _COLUMNS["all"]
#: a team's own letters (``real_letters --readings``): one part, all of them, never tuned on
OWN = "own"
HEADINGS = {"all": "all", "dev": "tuning", "held_back": "held back", OWN: "your letters"}


def load_labels(directory: Path, part: str = "all", batches: Sequence[str] | None = None) -> list[dict]:
    """Every labelled case of a set (``labels/*.yaml``, in file order), each with its ``_batch``; a case found by
    two labellers keeps the first label. ``part`` keeps the tuning or the held-back cases only; ``batches`` keeps
    the cases of those label files (``fresh2`` is ``labels/fresh2.yaml``)."""
    from evals.holdout import is_held_back

    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}")
    paths = sorted(directory.glob("*.yaml"))
    if batches:
        unknown = sorted(set(batches) - {p.stem for p in paths})
        if unknown:
            raise PrecedentError(
                f"no batch {', '.join(unknown)} in {directory} (batches: {', '.join(p.stem for p in paths)})"
            )
        paths = [p for p in paths if p.stem in batches]
    out: list[dict] = []
    seen: set[str] = set()
    for path in paths:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if entry["id"] in seen:
                continue
            seen.add(entry["id"])
            if part != "all" and is_held_back(entry["id"]) != (part == "held-back"):
                continue
            entry["_batch"] = path.stem
            out.append(entry)
    return out


def split(cases: list[dict], metrics: Callable[[list[dict]], dict]) -> dict:
    """Metrics over all cases, over the tuning part and over the held-back part (never tuned on)."""
    return {
        "all": metrics(cases),
        "dev": metrics([c for c in cases if not c["held_back"]]),
        "held_back": metrics([c for c in cases if c["held_back"]]),
    }


def split_table(results: dict, rows: list[tuple[str, str]], part: str = "all") -> str:
    """One row a metric, one column each for the whole set, the tuning part and the held-back part (or the one
    column of the part read)."""
    from evals.scorers import fmt

    parts = results["metrics"]
    columns = _COLUMNS[OWN] if OWN in parts else _COLUMNS[part]
    width = max(len(label) for _, label in rows)
    cells = {p: max(9, len(HEADINGS[p])) for p in columns}
    lines = [f"{'':<{width}}  " + "  ".join(f"{HEADINGS[p]:>{cells[p]}}" for p in columns)]
    for key, label in rows:
        if not any(key in parts.get(p, {}) for p in columns):
            continue  # a metric this run does not count (the model's unused readings, without --mode model)
        if OWN in parts and parts[OWN].get(key) is None:
            continue  # not in a team's readings (the letter flags): not measured, so not shown
        lines.append(
            f"{label:<{width}}  " + "  ".join(f"{fmt(parts[p].get(key), '-'):>{cells[p]}}" for p in columns)
        )
    return "\n".join(lines)
