"""Re-check the tuning part of the real letters as a team would re-check its disclosure log, and list every
divergence flag with both sides, to judge whether the letters really disagree.

The held-back part is never read (``load_labels(part="tuning")``). The letters are copied to a work folder, ingested
into a fresh Precedent home there (the offline MiniLM, an embedded Chroma store) and re-checked with
``precedent recheck``; the report JSON is kept in the work folder.

    .venv/bin/python scripts/recheck_real_letters.py [--work /tmp/real-recheck] [--json] [--reviewed]

``--reviewed`` re-checks the shipped real letters (``corpus/real``) with their reviewed readings imported
(``precedent ingest --readings``), as ``make run`` indexes them: every divergence flag is then between two letters
as people read them, so what it shows is how the authorities themselves answered alike questions.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.real_letters.suite import load_labels  # noqa: E402

DIVERGENCE = {"treatment_divergence", "ncnd_divergence", "exemption_divergence", "pointer_divergence"}


def _precedent(*args: str, env: dict) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("precedent")
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default="/tmp/real-recheck", help="work folder (emptied first)")
    ap.add_argument("--json", action="store_true", help="print the divergence flags as JSON")
    ap.add_argument(
        "--reviewed",
        action="store_true",
        help="corpus/real with its reviewed readings, instead of the reader's",
    )
    args = ap.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    letters = work / "letters"
    letters.mkdir(parents=True)
    steps: list[tuple[str, ...]] = [("setup", "--models", "smollm2")]
    if args.reviewed:
        for source in (ROOT / "corpus" / "real").iterdir():
            shutil.copy(source, letters / source.name)
        steps.append(("ingest", str(letters), "--readings", str(letters / "reviewed.jsonl")))
    else:
        for label in load_labels(part="tuning"):
            source = ROOT / label["file"]
            shutil.copy(source, letters / f"{label['id']}{source.suffix}")
        steps.append(("ingest", str(letters)))
    env = {**os.environ, "PRECEDENT_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
    for step in steps:
        done = _precedent(*step, env=env)
        if done.returncode not in (0, 2):
            print(done.stderr, file=sys.stderr)
            return done.returncode
    done = _precedent("recheck", "--json", "--quiet", "--fresh", "--ground-truth", os.devnull, env=env)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    (work / "report.json").write_text(done.stdout, encoding="utf-8")
    report = json.loads(done.stdout)
    flags = [f for f in report["flags"] if f["kind"] in DIVERGENCE]
    if args.json:
        print(json.dumps(flags, indent=1, ensure_ascii=False))
        return 0
    summary = report["summary"]
    print(
        f"{summary['letters']} letters, {summary['questions']} questions, {summary['flags']} flags, "
        f"{len(flags)} divergence flags, {summary.get('readings_to_check', 0)} readings to check"
    )
    print("by kind:", ", ".join(f"{k} {v}" for k, v in summary["by_kind"].items()))
    for f in flags:
        print(f"\n== {f['kind']} ({f['severity']}) {f['reference']} {f['label']}")
        print(f"   {f['message']}")
        print(f"   draft: {f['draft_text'][:300]}")
        for e in f["evidence"]:
            print(f"   precedent {e['reference']} {e['label']}: {e['quote'][:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
