"""``precedent recheck``: re-check every letter of the index (or of given files) against all the others."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from foi_precedent import cli as core_cli
from foi_precedent.cli import EXIT_OK, _print_json, _progress_bar, register_command


def cmd_recheck(args) -> int:
    from foi_precedent.recheck.engine import RecheckOptions
    from foi_precedent.recheck.service import run_recheck

    services = core_cli._services()  # looked up at call time (tests replace it)
    options = RecheckOptions(k=args.k, mode=args.mode, workers=args.workers, fresh=args.fresh)
    progress = None if args.quiet else _progress_bar("recheck")
    ingest_progress = _progress_bar("ingest") if (args.paths and not args.quiet) else None
    outcome = run_recheck(
        services.settings,
        index=None if args.paths else services.index,
        paths=args.paths,
        options=options,
        progress=progress,
        ground_truth=args.ground_truth,
        ingest_progress=ingest_progress,
    )
    if outcome.ingest is not None:
        for path, reason in outcome.ingest.skipped:
            print(f"skipped {path}: {reason}", file=sys.stderr)
    for target, source in ((args.out, outcome.html_path), (args.csv, outcome.csv_path)):
        if target:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    if args.json:
        _print_json(outcome.report)
        return EXIT_OK
    s = outcome.report["summary"]
    run = outcome.run
    print(
        f"Re-checked {s['letters']} letters ({run.checked} now, {run.resumed} from the previous run; "
        f"{run.mode} mode, {run.workers} worker(s), {run.rate:.1f} letters/s)."
    )
    print(
        f"{s['flags']} flags on {s['letters_flagged']} letters: "
        + ", ".join(f"{v} {k}" for k, v in s["by_severity"].items())
        + f"; {len(outcome.report['clusters'])} clusters of questions answered differently."
    )
    for kind, n in s["by_kind"].items():
        print(f"  {n:5d}  {kind}")
    s = outcome.report["summary"]
    if s.get("readings_to_check"):
        print(
            f"Readings to check: {s['readings_to_check']} answer(s) read with low confidence; "
            f"{s['flags_on_readings_to_check']} flag(s) rest on one of them (listed in the report)."
        )
    gt = outcome.report.get("ground_truth")
    if gt:
        print(
            f"Ground truth: {gt['found']} of {gt['inconsistencies']} deliberate inconsistencies found, "
            f"{gt['defects_found']} of {gt['defects']} defects; {gt['flags_outside_ground_truth']} flags are not "
            f"in the ground truth (for a reviewer to judge)."
        )
        for m in gt["missing"]:
            print(f"  missed {m['id']}: {'; '.join(m['letters'])}")
    print(f"Report: {args.out or outcome.html_path}")
    print(f"Flags CSV: {args.csv or outcome.csv_path}   JSON: {outcome.json_path}")
    return EXIT_OK


@register_command
def add_recheck_command(sub) -> None:
    s = sub.add_parser(
        "recheck", help="re-check every letter against all the others and report disagreements"
    )
    s.add_argument(
        "paths", nargs="*", help="letters to re-check in their own index (default: the whole index)"
    )
    s.add_argument("--out", help="write the HTML report here (it is always written in the run folder too)")
    s.add_argument("--csv", help="write the flags as CSV here")
    s.add_argument("--json", action="store_true", help="print the report as JSON")
    s.add_argument("--workers", type=int, default=None, help="parallel workers (default: all cores)")
    group = s.add_mutually_exclusive_group()
    group.add_argument("--resume", dest="fresh", action="store_false", help="resume a stopped run (default)")
    group.add_argument("--fresh", dest="fresh", action="store_true", help="start over")
    s.add_argument(
        "--mode",
        choices=["fast", "exact"],
        default="fast",
        help="fast: reuse the stored vectors (default); exact: re-embed every question (slow)",
    )
    s.add_argument("-k", type=int, default=8, help="precedents per question (as the checker)")
    s.add_argument(
        "--ground-truth", help="a ground-truth YAML (default: evals/ground_truth.yaml when present)"
    )
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_recheck, fresh=False)
