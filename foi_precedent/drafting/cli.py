"""``precedent draft REQUEST_FILE [--mode model|precedent] [--out draft.md] [--json] [--authority A]``."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from foi_precedent import cli as core_cli
from foi_precedent.cli import EXIT_OK, _print_json, register_command
from foi_precedent.errors import LetterError
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT


def read_request(path: str | Path) -> str:
    """The request's text, with the same bad-input rules as letters (type, size, empty, unreadable)."""
    from foi_precedent.drafting.request import MAX_REQUEST_BYTES
    from foi_precedent.letters.sources import read_document

    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_REQUEST_BYTES:
        raise LetterError(
            str(path),
            f"the file is {path.stat().st_size / 2**20:.1f} MB; a request over "
            f"{MAX_REQUEST_BYTES // 2**20} MB is not a request",
        )
    return read_document(path).text


def cmd_draft(args) -> int:
    from foi_precedent.drafting.draft import draft_reply
    from foi_precedent.drafting.request import split_request

    text = read_request(args.request_file)
    request = split_request(text, source=str(args.request_file))  # bad input fails before anything starts
    services = core_cli._services()  # looked up at call time (tests replace it)
    on_token = None
    if args.mode == "model" and sys.stderr.isatty():

        def on_token(piece: str) -> None:
            sys.stderr.write(piece)
            sys.stderr.flush()

    cancel = threading.Event()
    try:
        chat_model = services.chat_model if args.mode == "model" else None  # built (started) on first use
        result = draft_reply(
            request,
            services.index,
            chat_model,
            mode=args.mode,
            authority=args.authority,
            cancel=cancel,
            on_token=on_token,
            audit=services.audit,
            settings=services.settings,
            source=str(args.request_file),
            prompt=args.prompt or services.settings.draft_prompt,
        )
    except KeyboardInterrupt:
        cancel.set()
        raise
    if on_token is not None:
        sys.stderr.write("\n")
    if args.out:
        Path(args.out).write_text(result.draft, encoding="utf-8")
    if result.fallback_reason:
        print(f"precedent: note: {result.fallback_reason}", file=sys.stderr)
    if result.model_note:
        print(f"precedent: note: {result.model_note}", file=sys.stderr)
    if result.composition is not None:
        print(f"precedent: note: {result.composition.summary()}", file=sys.stderr)
    if args.json:
        _print_json(result.to_dict())
        return EXIT_OK
    if not args.out:
        print(result.draft)
    print(
        f"Written by: {result.model}{' with prompt ' + result.prompt_version if result.prompt_version else ''}. "
        "This is a draft: review it before sending.",
        file=sys.stderr,
    )
    for q in result.questions:
        if q.needs_decision:
            print(f"  {q.label}: DECISION NEEDED - {q.decision_note}", file=sys.stderr)
    for f in result.flags:
        print(
            f"  [{f.severity.upper()}] {', '.join(f.questions) or 'letter'} {f.kind}: {f.message}",
            file=sys.stderr,
        )
    if args.out:
        print(f"Draft written to {args.out}", file=sys.stderr)
    return EXIT_OK


@register_command
def add_draft_command(sub) -> None:
    s = sub.add_parser("draft", help="draft a reply to a request from precedent (checked before it is shown)")
    s.add_argument("request_file", help="the request (.txt, .md, .docx or .pdf)")
    s.add_argument(
        "--mode",
        choices=["model", "precedent"],
        default="model",
        help="model: a language model writes the prose (default); precedent: no model at all",
    )
    s.add_argument("--out", help="write the draft letter to this file")
    s.add_argument("--authority", help="the authority answering (its own precedents weigh more)")
    s.add_argument(
        "--prompt",
        help="prompt NAME or NAME/vN under prompts/ (default: $PRECEDENT_DRAFT_PROMPT, "
        f"else {DEFAULT_DRAFT_PROMPT}, the adopted version)",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_draft)
