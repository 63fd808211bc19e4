"""Real development sets (letters and requests read as published), scored without an index or a model.

A dataset suite is a name (``real_letters``, ``real_requests``) whose runner reads its labelled cases,
runs the product's reader on each, and returns metrics for the whole set, for the tuning part and for
the held-back part (``evals.holdout``) apart. ``precedent eval NAME`` prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import yaml

# name -> module whose ``run() -> dict`` and ``table(results) -> str`` serve it
_MODULES = {"real_letters": "evals.real_letters.suite", "real_requests": "evals.real_requests.suite"}
DATASETS = tuple(_MODULES)


def runner(name: str) -> tuple[Callable[[], dict], Callable[[dict], str]]:
    module = import_module(_MODULES[name])
    return module.run, module.table


def load_labels(directory: Path) -> list[dict]:
    """Every labelled case of a set (``labels/*.yaml``, in file order), each with its ``_batch``; a case found by
    two labellers keeps the first label."""
    out: list[dict] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if entry["id"] in seen:
                continue
            seen.add(entry["id"])
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


def split_table(results: dict, rows: list[tuple[str, str]]) -> str:
    """One row a metric, one column each for the whole set, the tuning part and the held-back part."""
    from evals.scorers import fmt

    parts = results["metrics"]
    width = max(len(label) for _, label in rows)
    lines = [f"{'':<{width}}  {'all':>9}  {'tuning':>9}  {'held back':>9}"]
    for key, label in rows:
        lines.append(
            f"{label:<{width}}  "
            + "  ".join(f"{fmt(parts[p].get(key), '-'):>9}" for p in ("all", "dev", "held_back"))
        )
    return "\n".join(lines)
