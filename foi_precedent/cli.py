"""The ``precedent`` command line. Commands, options and JSON keys are a public interface."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from foi_precedent.errors import PrecedentError
from foi_precedent.letters.reader_version import STALE_READINGS

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


def _print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _services():
    from foi_precedent.services import Services

    return Services()


# --- commands -------------------------------------------------------------------------------------


def cmd_setup(args) -> int:
    from foi_precedent import assets
    from foi_precedent.settings import Settings

    models = tuple(m for m in args.models.split(",") if m) if args.models else ()
    summary = assets.setup_all(
        Settings.from_env(), models=models, progress=lambda m: print(m, file=sys.stderr)
    )
    if args.json:
        _print_json(summary)
    return EXIT_OK


def cmd_parse(args) -> int:
    from foi_precedent.letters.parser import parse_file

    notes: list[str] = []
    if args.extract:
        from foi_precedent.letters.extraction import read_letter
        from foi_precedent.letters.sources import read_document

        letter, notes = read_letter(read_document(args.file), _services().chat_model)
    else:
        letter = parse_file(args.file)
    if args.json:
        _print_json({**letter.to_dict(), **({"extraction_notes": notes} if args.extract else {})})
        return EXIT_OK
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    d = letter.to_dict()
    print(f"{d['reference']}  {d['authority'] or '?'}  {d['date'] or 'no date'}  {d['regime']}")
    print(
        f"exemptions: {', '.join(d['exemptions']) or '-'}   refusal notice: {d['refusal_notice']}   "
        f"complaint rights: {d['complaint_rights']}"
    )
    for q in d["questions"]:
        print(f"\n{q['label']}: {q['text']}")
        print(f"  treatments: {', '.join(q['treatments'])}   exemptions: {', '.join(q['exemptions']) or '-'}")
        if q["pointers"]:
            print(f"  pointers: {'; '.join(q['pointers'])}")
        if q["review"]:
            print(
                f"  CHECK: {q['review']}" + (f"  (read from: {q['evidence'][:120]})" if q["evidence"] else "")
            )
    if d["needs_review"]:
        print(f"\n{sum(1 for q in d['questions'] if q['review'])} reading(s) marked for a person to check.")
    return EXIT_OK


def cmd_ingest(args) -> int:
    if args.reason and not args.readings:
        raise PrecedentError("--reason goes with --readings FILE (why the reviewed readings read as they do)")
    if args.readings:
        return _ingest_with_readings(args)
    services = _services()
    progress = None
    if sys.stderr.isatty() and not args.json:
        progress = _progress_bar("ingest")
    report = services.index.ingest_paths([Path(p) for p in args.paths], progress=progress)
    for line in report.lines():  # one line for each entry not simply added, replaced or unchanged
        print(line, file=sys.stderr)
    stale = _say_stale(services.index)
    if args.json:
        _print_json({**report.to_dict(), "readings_stale": stale})
    else:
        print(report.summary())
    return report.exit_code


def _say_stale(index) -> int:
    """Tell the user (on stderr) when the index's letters were read by an earlier version of the reader; how many."""
    stale = index.readings_stale()
    if stale:
        print(STALE_READINGS.format(n=stale, s="s" if stale != 1 else ""), file=sys.stderr)
    return stale


def _ingest_with_readings(args) -> int:
    """``ingest --readings FILE``: ``ingest`` then ``import-readings FILE`` in one, each letter embedded once (read
    with its reviewed questions and readings as it is ingested: ``reviewed.ingest``)."""
    from foi_precedent import reviewed
    from foi_precedent.identity import ROLES, os_user

    path = Path(args.readings)
    letters = reviewed.load(path)  # checked whole before anything is written
    services = _services()
    progress = None
    if sys.stderr.isatty() and not args.json:
        progress = _progress_bar("ingest")
    report, imported = reviewed.ingest(
        services.index,
        [Path(p) for p in args.paths],
        letters,
        officer=os_user(),
        roles=ROLES,
        reason=args.reason or f"reviewed reading imported from {path.name}",
        audit=services.audit,
        progress=progress,
    )
    code = report.exit_code if not imported.not_indexed and not imported.problems else EXIT_ERROR
    for line in report.lines():
        print(line, file=sys.stderr)
    stale = _say_stale(services.index)
    if args.json:
        _print_json(
            {**report.to_dict(), "exit_code": code, "readings": imported.to_dict(), "readings_stale": stale}
        )
    else:
        print(report.summary())
        _print_import(imported)
    return code


def _print_import(report) -> None:
    print(report.summary())
    for file in report.not_indexed:
        print(f"  not in the index: {file}")
    for file, why in report.problems:
        print(f"  left as read: {file}: {why}")


def cmd_reread(args) -> int:
    services = _services()
    stale = services.index.readings_stale()
    if args.if_stale and not stale:
        from retriever.index import RereadReport

        message = "The index's letters were all read by this version of the reader: nothing to read again."
        if args.json:
            _print_json({**RereadReport(dry_run=args.dry_run).to_dict(), "stale": False})
        else:
            print(message)
        return EXIT_OK
    progress = None
    if sys.stderr.isatty() and not args.json:
        progress = _progress_bar("reread")
    report = services.index.reread(progress=progress, dry_run=args.dry_run)
    for line in report.lines():
        print(line, file=sys.stderr)
    if args.json:
        _print_json({**report.to_dict(), "stale": bool(stale)})
    else:
        print(report.summary())
    return EXIT_OK


def cmd_supersede(args) -> int:
    services = _services()
    if args.undo:
        if args.new:
            raise PrecedentError("--undo takes one letter: `precedent supersede --undo OLD`")
        removed = services.index.unsupersede(args.old)
        if removed:
            services.audit.record_supersession(
                reference=args.old, superseded_by=None, reason=args.reason, action="undo", previous=removed
            )
        out = {"reference": args.old, "superseded_by": None, "undone": removed}
        message = (
            f"{args.old} is no longer marked superseded by {removed['superseded_by']}."
            if removed
            else f"{args.old} was not marked superseded; nothing changed."
        )
    else:
        if not args.new:
            raise PrecedentError(
                "say which letter supersedes it: `precedent supersede OLD NEW [--reason ...]`"
            )
        out = services.index.supersede(args.old, args.new, args.reason)
        services.audit.record_supersession(
            reference=args.old, superseded_by=args.new, reason=out["reason"], previous=out["replaced"]
        )
        message = (
            f"{args.old} is marked superseded by {args.new}: both stay in the index, and {args.old} counts "
            "less as precedent."
        )
        if out["replaced"] and out["replaced"]["superseded_by"] != args.new:
            message += f" (It was marked superseded by {out['replaced']['superseded_by']}.)"
    if args.json:
        _print_json(out)
    else:
        print(message)
    return EXIT_OK


def cmd_history(args) -> int:
    index = _services().index
    letters = index.versions(args.reference)
    earlier = index.history(args.reference)
    if not letters and not earlier:
        raise PrecedentError(f"No letter {args.reference!r} in the index.")
    if args.json:
        _print_json({"reference": args.reference, "letters": letters, "history": earlier})
        return EXIT_OK
    print(f"Letters written with reference {letters[0]['written_reference'] if letters else args.reference}:")
    for v in letters:
        mark = (
            f"  superseded by {v['superseded_by']}" + (f" ({v['reason']})" if v["reason"] else "")
            if v["superseded_by"]
            else ""
        )
        print(f"  {v['reference']}  {v['source_path'] or 'no file'}  ingested {v['ingested_at']}{mark}")
    if earlier:
        print(f"Earlier texts of {args.reference}, replaced when its file changed:")
        for h in earlier:
            print(
                f"  {h['content_hash'][:12]}  {h['source_path'] or 'no file'}  ingested {h['ingested_at']}, "
                f"{h['why']} {h['removed_at']}"
            )
    return EXIT_OK


def _reading_words(treatments, exemptions=(), ncnd=()) -> str:
    provisions = list(exemptions) + [n for n in ncnd if n not in exemptions]
    return ", ".join(treatments) + (f" ({', '.join(provisions)})" if provisions else "")


def cmd_correct(args) -> int:
    from foi_precedent.corrections import correction_note
    from foi_precedent.identity import ROLES, os_user

    services = _services()
    index = services.index
    before = index.store.letter(args.reference)  # None: index.correct says why it cannot correct it
    # the CLI acts as the OS user, with both roles, as it does for every other command
    made = index.correct(
        args.reference,
        args.label,
        treatments=args.treatments,
        exemptions=args.exemptions,
        ncnd=args.ncnd,
        reason=args.reason or "",
        officer=os_user(),
        roles=ROLES,
    )
    services.audit.record_correction(made, previous=before.question(made.label))
    if args.json:
        _print_json(made.to_dict())
        return EXIT_OK
    note = correction_note(index.letter(made.reference), made.label) or {}
    was = note.get("original") or {}
    print(
        f"{made.reference} {made.label} is now read as "
        f"{_reading_words([t.value for t in made.treatments], made.exemptions, made.ncnd)}, corrected by "
        f"{made.officer}: {made.reason}"
    )
    if was:
        print(
            f"  it was read as {_reading_words(was['treatments'], was['exemptions'], was['ncnd'])}"
            + (f" (marked for review: {was['review']})" if was.get("review") else "")
        )
    earlier = correction_note(before, made.label) if before is not None else None
    if earlier:  # the reading this correction replaces is an officer's, not the reader's
        q = before.question(made.label)
        print(
            f"  this replaces the correction to "
            f"{_reading_words([t.value for t in q.treatments], q.exemptions, q.ncnd)} by {earlier['officer']} "
            f"({earlier['at']}): {earlier['reason']}"
        )
    return EXIT_OK


def cmd_corrections(args) -> int:
    index = _services().index
    made = [{**c, "kind": "reading"} for c in index.corrections(args.reference)]
    # split corrections too, with the keys a reading correction has (no label, no reading) and their questions
    splits = [
        {
            "label": None,
            "treatments": [],
            "exemptions": [],
            "ncnd": [],
            "pointers": None,
            **s,
            "kind": "split",
        }
        for s in index.split_corrections(args.reference)
    ]
    if splits:  # by time, stable: each kind stays in the order made
        made = sorted(made + splits, key=lambda c: c["at"])
    if args.reference and not made and index.store.letter_info(args.reference) is None:
        raise PrecedentError(f"No letter {args.reference!r} in the index, and no correction of one.")
    if args.json:
        _print_json(made)
        return EXIT_OK
    if not made:
        print("No reading has been corrected" + (f" in {args.reference}." if args.reference else "."))
        return EXIT_OK
    for c in made:
        if c["kind"] == "split":
            what = (
                "back to the reader's split"
                if c["undo"]
                else f"split into {', '.join(q['label'] for q in c['questions'])}"
            )
            print(f"{c['at']}  {c['reference']}: {what}  by {c['officer']}  [{c['state']}]\n  {c['reason']}")
            continue
        print(
            f"{c['at']}  {c['reference']} {c['label']}: "
            f"{_reading_words(c['treatments'], c['exemptions'], c['ncnd'])}  by {c['officer']}  "
            f"[{c['state']}]\n  {c['reason']}"
        )
    return EXIT_OK


def cmd_import_readings(args) -> int:
    from foi_precedent import reviewed
    from foi_precedent.identity import ROLES, os_user

    path = Path(args.file)
    letters = reviewed.load(path)  # checked whole before anything is written
    services = _services()
    report = reviewed.apply(
        services.index,
        letters,
        officer=os_user(),
        roles=ROLES,
        reason=args.reason or f"reviewed reading imported from {path.name}",
        dry_run=args.dry_run,
        audit=None if args.dry_run else services.audit,
    )
    if args.json:
        _print_json(report.to_dict())
    else:
        _print_import(report)
    return EXIT_OK if not report.not_indexed and not report.problems else EXIT_ERROR


def cmd_resplit(args) -> int:
    from foi_precedent.corrections import orphaned
    from foi_precedent.identity import ROLES, os_user
    from foi_precedent.splits import SplitError, parse_split, split_note

    if args.undo == bool(args.questions):
        raise SplitError("Give either the questions (--questions FILE, or - for standard input) or --undo.")
    services = _services()
    index = services.index
    current = index.store.letter(args.reference)
    if current is None:
        raise SplitError(
            f"No letter {args.reference!r} in the index (keys are as `precedent search` and the Corpus page show them)."
        )
    questions = None
    if args.questions:
        try:
            text = (
                sys.stdin.read()
                if args.questions == "-"
                else Path(args.questions).read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise SplitError(f"Cannot read the questions from {args.questions} ({exc}).") from None
        questions = parse_split(text, labels=[q.label for q in current.questions])
    # the CLI acts as the OS user, with both roles, as it does for every other command
    made, before, after = index.resplit(
        args.reference, questions, reason=args.reason or "", officer=os_user(), roles=ROLES
    )
    services.audit.record_split(made, previous=before, now=after)
    lost = [{"label": c.label, "officer": c.officer, "reason": c.reason} for c in orphaned(after)]
    if args.json:
        _print_json(
            {
                **made.to_dict(),
                "previous": [{"label": q.label, "text": q.text} for q in before.questions],
                "read_as": [
                    {
                        "label": q.label,
                        "text": q.text,
                        "treatments": [t.value for t in q.treatments],
                        "exemptions": list(q.exemptions),
                        "ncnd": list(q.ncnd),
                        "review": q.review,
                    }
                    for q in after.questions
                ],
                "orphaned_corrections": lost,
            }
        )
        return EXIT_OK
    how = (
        "as the reader splits it"
        if made.undo
        else f"with {len(after.questions)} questions set by {made.officer}"
    )
    print(f"{made.reference} is now read {how}: {made.reason}")
    for q in after.questions:
        print(
            f"  {q.label}  {textwrap.shorten(q.text, 70)}  -> "
            f"{_reading_words([t.value for t in q.treatments], q.exemptions, q.ncnd)}"
        )
    earlier = split_note(before)
    print(
        f"  it was read with {', '.join(q.label for q in before.questions)}"
        + (
            f" (the split {earlier['officer']} set on {earlier['at']})"
            if earlier
            else " (the reader's split)"
        )
    )
    for c in lost:
        print(
            f"  the correction of {c['label']} by {c['officer']} is not applied: the letter has no {c['label']} now"
        )
    return EXIT_OK


def cmd_search(args) -> int:
    from foi_precedent.letters.versions import superseded_by

    services = _services()
    hits = services.index.search(
        args.query,
        k=args.k,
        authority=args.authority,
        exemption=args.exemption,
        treatment=args.treatment,
        date_from=_date(args.date_from),
        date_to=_date(args.date_to),
    )
    corrected = {(h.reference, h.label): services.index.correction_note(h.reference, h.label) for h in hits}
    # an officer's split of the letter into questions in force (None: the reader's split)
    resplit = {ref: services.index.split_note(ref) for ref in {h.reference for h in hits}}
    if args.json:
        hit_dicts = []
        for h in hits:  # "corrected": who corrected the reading, when and why (null: as the reader read it)
            note = corrected[(h.reference, h.label)]
            split = resplit[h.reference]
            hit_dicts.append(
                {
                    **h.to_dict(),
                    "corrected": {k: note[k] for k in ("officer", "at", "reason")} if note else None,
                    # "resplit": who split the letter into its questions, when and why (null: the reader's split)
                    "resplit": {k: split.get(k) for k in ("officer", "at", "reason")} if split else None,
                }
            )
        _print_json({"query": args.query, "hits": hit_dicts})
        return EXIT_OK
    if not hits:
        print("No precedent found.")
    for i, h in enumerate(hits, 1):
        note = corrected[(h.reference, h.label)]
        print(
            f"{i}. {h.reference} {h.label}  ({h.authority or '?'}, {h.date or '?'})  sim {h.similarity:.2f}"
            + (f"  superseded by {newer}" if (newer := superseded_by(h.meta)) else "")
            + (f"  reading corrected by {note['officer']}" if note else "")
            + (f"  questions set by {split['officer']}" if (split := resplit[h.reference]) else "")
        )
        print(
            f"   {', '.join(t.value for t in h.treatments)}"
            f"{'  ' + ', '.join(h.exemptions) if h.exemptions else ''}"
            f"{'  -> ' + '; '.join(p.name for p in h.pointers) if h.pointers else ''}"
        )
        print(textwrap.indent(textwrap.fill(h.question, 100), "   Q: "))
    return EXIT_OK


def cmd_check(args) -> int:
    from foi_precedent.consistency.checker import check_letter
    from foi_precedent.services import load_letter_file

    draft = load_letter_file(args.draft)
    request = load_letter_file(args.request) if args.request else None
    services = _services()
    result = check_letter(draft, services.index, authority=args.authority, request=request)
    services.audit.record_check(result, source=str(args.draft))
    if args.json:
        _print_json(result.to_dict())
    else:
        print(render_check_report(result))
    if args.fail_on and result.has(args.fail_on):
        return EXIT_FLAGGED
    return EXIT_OK


def render_check_report(result, width: int | None = None) -> str:
    """Each flag with the draft sentence and the precedent quote side by side."""
    from foi_precedent.consistency.flags import RULE_SOURCES

    width = width or min(shutil.get_terminal_size((120, 40)).columns, 140)
    col = (width - 3) // 2
    out = []
    s = result.summary()
    out.append(
        f"{result.letter.reference}: {s['flags']} flag(s) - {s['high']} high, {s['medium']} medium, "
        f"{s['low']} low"
    )
    for f in result.flags:
        out.append("")
        out.append(f"[{f.severity.upper()}] {', '.join(f.questions) or f.label} {f.kind}: {f.message}")
        ev = f.evidence[0] if f.evidence else None
        left = textwrap.wrap("DRAFT: " + (f.draft_text or "(empty)"), col) or [""]
        right = (
            textwrap.wrap(
                (
                    f"PRECEDENT {ev.reference} {ev.label} ({ev.date or 'undated'}): "
                    if ev and ev.label and ev.reference not in RULE_SOURCES
                    else "RULE: "
                )
                + (ev.quote if ev else ""),
                col,
            )
            if ev
            else [""]
        )
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            out.append(f"{a:<{col}} | {b}")
        for extra in f.evidence[1:]:
            out.append(f"{'':<{col}} | also {extra.reference} {extra.label} ({extra.date or 'undated'})")
    if not result.flags:
        out.append("No flags: the draft is consistent with precedent and the statutory checks.")
    return "\n".join(out)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PrecedentError(f"'{value}' is not a date (use YYYY-MM-DD)") from None


def _progress_bar(label: str):
    import time

    start = time.monotonic()

    def progress(done: int, total: int, current: str = "") -> None:
        frac = done / total if total else 1.0
        bar = "#" * int(frac * 30)
        rate = done / max(time.monotonic() - start, 1e-6)
        left = (total - done) / rate if rate else 0
        sys.stderr.write(f"\r{label} [{bar:<30}] {done}/{total}  {rate:.1f}/s  {left:.0f}s left  ")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress


def cmd_model(args) -> int:
    from foi_precedent.models.local_server import recorded_server, stop_recorded_server
    from foi_precedent.settings import Settings

    settings = Settings.from_env()
    state = stop_recorded_server(settings) if args.action == "stop" else recorded_server(settings)
    if args.json:
        print(
            json.dumps(
                {
                    "action": args.action,
                    "running": state is not None and args.action == "status",
                    "server": state,
                },
                indent=2,
                default=str,
            )
        )
        return 0
    if state is None:
        print(f"No embedded model server is running for {settings.home}.")
    elif args.action == "stop":
        print(f"Stopped the embedded model server (pid {state['pid']}, {Path(state['model_path']).name}).")
    else:
        up = time.time() - float(state.get("started_at") or time.time())
        print(
            f"Embedded model server: pid {state['pid']}, {state['base_url']}, {Path(state['model_path']).name}, "
            f"up {up / 60:.0f} min, {'answering' if state['answers'] else 'NOT answering'}. "
            "Stop it with `precedent model stop`."
        )
    return 0


# --- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="precedent", description="Drafting and consistency checking for FOI teams."
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("setup", help="install the offline assets (embedding model, encodings, GGUF models)")
    s.add_argument("--models", default="smollm2", help="comma-separated: smollm2, qwen (default smollm2)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_setup)

    s = sub.add_parser("parse", help="parse a response letter and print its structure")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--extract",
        action="store_true",
        help="also read it with the configured chat model's extraction pass, checked by the rules (sends the "
        "letter, its requester's identity removed, to the model)",
    )
    s.set_defaults(func=cmd_parse)

    s = sub.add_parser("ingest", help="add letters (files or folders) to the precedent index")
    s.add_argument("paths", nargs="+")
    s.add_argument(
        "--readings",
        metavar="FILE",
        help="a reviewed-readings file (as import-readings takes): its letters are read with their reviewed "
        "questions and readings as they are ingested (the corrections import-readings would record), so each is "
        "embedded once",
    )
    s.add_argument("--reason", help="with --readings: why, kept with each correction (as import-readings)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser(
        "reread",
        help="read every indexed letter again with this version of the reader (after an upgrade): the letters read "
        "differently are indexed again, officers' splits and corrections kept",
    )
    s.add_argument(
        "--dry-run", action="store_true", help="only count the letters that would read differently"
    )
    s.add_argument(
        "--if-stale",
        action="store_true",
        help="only when the index's letters were read by another version of the reader (make run uses this)",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_reread)

    s = sub.add_parser(
        "supersede",
        help="mark an indexed letter superseded by another (a re-issue, an internal "
        "review's outcome): both stay, the old one counts less as precedent",
    )
    s.add_argument("old", help="the superseded letter (its key as the ingest lines and search print it)")
    s.add_argument("new", nargs="?", help="the letter that supersedes it")
    s.add_argument("--reason", help="why, for the audit log")
    s.add_argument("--undo", action="store_true", help="remove the mark from OLD")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_supersede)

    s = sub.add_parser(
        "history",
        help="the letters written with a reference, and the earlier texts of one that a re-ingest replaced",
    )
    s.add_argument("reference")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_history)

    s = sub.add_parser(
        "correct",
        help="correct how one question of an indexed letter was read (its treatments, exemptions, NCND): "
        "the corrected reading is precedent from then on",
    )
    s.add_argument("reference", help="the letter (its key as search and the Corpus page show it)")
    s.add_argument("label", help="the question's label, e.g. Q2 or 'Question 2'")
    s.add_argument("--treatments", required=True, help="comma-separated, e.g. withheld or disclosed,not_held")
    s.add_argument("--exemptions", help="comma-separated, e.g. s31(1)(a),s40(2)")
    s.add_argument("--ncnd", help="NCND provisions, comma-separated, e.g. s31(3)")
    s.add_argument("--reason", help="why (required): what the letter says that the reader missed")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_correct)

    s = sub.add_parser(
        "corrections", help="list the corrections of readings (of one letter), who made them, when and why"
    )
    s.add_argument("reference", nargs="?")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_corrections)

    s = sub.add_parser(
        "resplit",
        help="set the questions of an indexed letter the reader split wrongly (one a line, 'label - text'): the "
        "letter is read again with them and is precedent so from then on; --undo returns to the reader's split",
    )
    s.add_argument("reference", help="the letter (its key as search and the Corpus page show it)")
    s.add_argument(
        "--questions",
        metavar="FILE",
        help="the questions, one a line, 'Q1 - How many ...' (the Draft page editor's format); - reads standard input",
    )
    s.add_argument("--undo", action="store_true", help="return the letter to the reader's own split")
    s.add_argument("--reason", help="why (required): how the reader split the letter wrongly")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_resplit)

    s = sub.add_parser(
        "import-readings",
        help="bring reviewed readings (JSON Lines: each letter's questions and how each was answered, as people "
        "read them) into the index as officers' corrections: only what differs from how it reads them now",
    )
    s.add_argument(
        "file",
        help="the reviewed-readings file (e.g. corpus/real/reviewed.jsonl); letter files are "
        "named relative to it and must be indexed first",
    )
    s.add_argument("--reason", help="why, kept with each correction (default: where the readings come from)")
    s.add_argument("--dry-run", action="store_true", help="count what would change; write nothing")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_import_readings)

    s = sub.add_parser("search", help="find past answers to a question")
    s.add_argument("query")
    s.add_argument("-k", type=int, default=10)
    s.add_argument("--authority")
    s.add_argument("--exemption", help="e.g. s31 or s40(2)")
    s.add_argument("--treatment", help="e.g. withheld, ncnd, public_domain")
    s.add_argument("--date-from")
    s.add_argument("--date-to")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("check", help="flag where a draft reply differs from precedent or from FOIA")
    s.add_argument("draft")
    s.add_argument("--request", help="the request the draft answers (its wording is used to find precedent)")
    s.add_argument("--authority", help="the authority answering (default: the draft's)")
    s.add_argument(
        "--fail-on", choices=["high", "medium", "low"], help="exit 1 when a flag this severe exists"
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser(
        "model",
        help="show or stop the embedded model server (it outlives the command that "
        "started it, so the next draft starts at once)",
    )
    s.add_argument("action", choices=["status", "stop"])
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_model)

    for register in _EXTRA_COMMANDS:
        register(sub)
    return p


_EXTRA_COMMANDS: list = []


def register_command(fn):
    """Other modules (drafting, recheck, evals) add their sub-commands here."""
    _EXTRA_COMMANDS.append(fn)
    return fn


def _load_extra_commands() -> None:
    import importlib

    for name in (
        "foi_precedent.drafting.cli",
        "foi_precedent.recheck.cli",
        "foi_precedent.cases.cli",
        "evals.cli",
    ):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if not (exc.name and name.startswith(exc.name)):
                raise


def main(argv: list[str] | None = None) -> int:
    _load_extra_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PrecedentError as exc:
        print(f"precedent: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("precedent: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
