"""Write corpus/real: the real letters of the development set's tuning part and their reviewed readings.

    .venv/bin/python scripts/build_real_corpus.py          # write it
    .venv/bin/python scripts/build_real_corpus.py --check  # exit 1 when corpus/real is not what it would write

See ``evals/real_letters/shipped.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.real_letters import shipped  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.check:
        diffs = shipped.check()
        for d in diffs:
            print(d)
        return 1 if diffs else 0
    n = shipped.write()
    print(f"corpus/real: {n} letters and reviewed.jsonl written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
