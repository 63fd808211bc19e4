"""``precedent eval``: run the eval suites, save and print the results, or compare two runs."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from foi_precedent.cli import EXIT_OK, _print_json, _progress_bar, register_command
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT

EXIT_REGRESSION = 1


def cmd_eval(args) -> int:
    from evals import runner
    from evals.schema import load_suite, resolve_suites
    from foi_precedent.errors import PrecedentError

    if args.compare:
        from evals import compare_datasets

        # the suites' results, or two runs of the real development sets (never one of each)
        kind, old, new = compare_datasets.load_pair(*args.compare)
        if kind == "datasets":
            diff = compare_datasets.compare(old, new, args.threshold)
            table = compare_datasets.compare_table
        else:
            diff = runner.compare(old, new, args.threshold)
            table = runner.compare_table
        if args.json:
            _print_json(diff)
        else:
            print(table(diff))
        return EXIT_REGRESSION if diff["regressed"] else EXIT_OK
    if args.threshold is not None and args.threshold < 0:
        raise PrecedentError("--threshold must be >= 0")
    from evals.datasets import DATASETS

    if args.suites and all(name in DATASETS for name in args.suites):
        return _run_datasets(args)
    suites = [load_suite(p) for p in resolve_suites(args.suites)]
    from foi_precedent.cli import _services

    services = _services()
    ctx = runner.EvalContext(
        index=services.index,
        mode=args.mode,
        settings=services.settings,
        prompt=args.prompt,
        chat_model=services.chat_model if args.mode == "model" else None,
    )
    progress = None if (args.json or args.quiet or not sys.stderr.isatty()) else _progress_bar("eval")
    results = runner.run_suites(suites, ctx, progress=progress)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    saved = runner.save_results(results, Path(services.settings.evals_dir) / f"{stamp}-{args.mode}.json")
    if args.out:
        runner.save_results(results, args.out)
    if args.junit:
        Path(args.junit).parent.mkdir(parents=True, exist_ok=True)
        Path(args.junit).write_text(runner.junit_xml(results), encoding="utf-8")
    if args.json:
        _print_json(results)
        return EXIT_OK
    print(runner.metrics_table(results, markdown=args.markdown))
    fails = runner.failures(results)
    if fails:
        print(f"\n{len(fails)} case(s) failed:")
        for c in fails:
            print(f"  {c['suite']}/{c['id']}")
    print(f"\nResults: {saved}" + (f" and {args.out}" if args.out else ""), file=sys.stderr)
    return EXIT_OK


def _run_datasets(args) -> int:
    """The real development sets: read by the product's reader, scored against hand labels (no index, no model)."""
    from evals import runner
    from evals.datasets import needs_index
    from evals.datasets import runner as dataset_runner
    from foi_precedent.errors import PrecedentError

    results = {}
    model = None
    if args.readings is not None:
        if args.suites not in (["real_letters"], ["real_plans"]):
            raise PrecedentError(
                "--readings measures real_letters or real_plans (your own letters), one at a time"
            )
        if args.part != "all" or args.batch:
            raise PrecedentError(
                "--part and --batch choose from the shipped development set; --readings reads your own letters"
            )
    if args.mode == "model":
        if args.suites != ["real_letters"]:
            raise PrecedentError(
                "--mode model reads real_letters only (the extraction pass); run it on its own"
            )
        from foi_precedent.cli import _services

        model = _services().chat_model
    for name in args.suites:
        run, table = dataset_runner(name)
        options: dict = {}
        if needs_index(name):
            from foi_precedent.cli import _services

            services = _services()
            if not services.index.store.chunk_count():  # (every indexed letter has chunks)
                raise PrecedentError(
                    f"{name} plans from the index, and the index in {services.settings.home} holds no letters: run "
                    "`make index` (the shipped corpus) or `precedent ingest` your letters first"
                )
            options["index"] = services.index
        if name == "real_letters" and args.limit is not None:
            options["limit"] = args.limit
        if args.readings is not None:
            options["readings"] = Path(args.readings)
        if model is not None:
            options["model"] = model
            options["progress"] = (
                None if (args.json or args.quiet or not sys.stderr.isatty()) else _progress_bar("eval")
            )
        results[name] = run(part=args.part, batches=args.batch, **options)
        if not args.json:
            source = f" (your letters: {args.readings})" if args.readings is not None else ""
            print(f"{name}{source}\n{table(results[name], args.part)}\n")
    if args.out:
        runner.save_results(results, args.out)
    if args.json:
        _print_json(results)
    return EXIT_OK


@register_command
def add_eval_command(sub) -> None:
    s = sub.add_parser("eval", help="run the eval suites (retrieval, drafting, flags) and report metrics")
    s.add_argument(
        "suites",
        nargs="*",
        help="suite files or names in evals/suites (default: all shipped), or a real development set: "
        "real_letters, real_requests, real_plans (each real letter's questions planned from the index without it)",
    )
    s.add_argument(
        "--mode",
        choices=["model", "precedent"],
        default="precedent",
        help="draft request cases with the chat model or precedent-only (default precedent); for real_letters, "
        "model reads each letter with the configured model's extraction pass, checked by the rules",
    )
    s.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="real_letters: read only the first N letters of the selection (a slow model; the same N without "
        "--mode model reads the same letters by the rules)",
    )
    s.add_argument("--out", help="also save the results JSON here")
    s.add_argument(
        "--prompt",
        help="the drafting prompt in model mode: NAME or NAME/vN (default: "
        f"$PRECEDENT_DRAFT_PROMPT, else {DEFAULT_DRAFT_PROMPT})",
    )
    s.add_argument("--junit", help="write JUnit XML here (one testcase per case)")
    s.add_argument("--json", action="store_true", help="print the results as JSON (metrics and cases)")
    s.add_argument("--markdown", action="store_true", help="print the metrics as a Markdown table")
    s.add_argument(
        "--compare",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="compare two results files (of the suites, or of real_letters/real_requests saved with --out); exit 1 "
        "when a metric regresses beyond --threshold",
    )
    s.add_argument("--threshold", type=float, default=0.02, help="allowed drop of a metric (default 0.02)")
    s.add_argument("--quiet", action="store_true")
    s.add_argument(
        "--part",
        choices=["all", "tuning", "held-back"],
        default="all",
        help="real development sets: read only the tuning part (held-back cases are never read) or only the "
        "held-back part (default all, with both reported apart)",
    )
    s.add_argument(
        "--readings",
        metavar="FILE",
        help="real_letters: measure the reader on your own letters instead of the shipped set: FILE is their "
        "reviewed readings (JSON Lines, as import-readings takes; letter files relative to it), and every letter is "
        "scored and shown; real_plans: plan each of those letters from your index without it",
    )
    s.add_argument(
        "--batch",
        action="append",
        metavar="NAME",
        help="real development sets: read only this batch (labels/NAME.yaml); repeatable",
    )
    s.set_defaults(func=cmd_eval)
