"""Dump the parse of the shipped corpus (corpus/letters, corpus/seeds) to JSON, to check a reader change leaves it
unchanged.

    .venv/bin/python scripts/dump_corpus_parse.py OUT.json [--compare OLD.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.letters.parser import parse_file  # noqa: E402


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def dump() -> dict:
    out = {}
    for folder in ("corpus/letters", "corpus/seeds"):
        for path in sorted((ROOT / folder).iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.name.lower() != "readme.md":
                try:
                    out[f"{folder}/{path.name}"] = _plain(parse_file(path))
                except Exception as exc:  # a file the reader refuses is recorded as refused
                    out[f"{folder}/{path.name}"] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--compare", default=None)
    args = ap.parse_args()
    data = dump()
    Path(args.out).write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    if args.compare:
        old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        changed = sorted(k for k in set(old) | set(data) if old.get(k) != data.get(k))
        print(f"{len(data)} files; changed: {len(changed)}")
        for k in changed:
            print("  ", k)
        sys.exit(1 if changed else 0)
    print(f"{len(data)} files written")


if __name__ == "__main__":
    main()
