"""``precedent due RECEIVED_DATE [--regime FOIA|FOISA|EIR|EISR] [--nation ...] [--extension pit|eir-complex]
[--fees-notice DATE --fee-received DATE] [--clarification-sought DATE --clarification-received DATE]
[--compliance standard|school|archive|armed_forces] [--json]``."""

from __future__ import annotations

from foi_precedent.cli import EXIT_OK, _date, _print_json, register_command
from foi_precedent.errors import PrecedentError

_NATION_HELP = (
    "where the authority is: england (default; scotland for FOISA and EISR), wales, scotland, northern-ireland. "
    "Under FOIA "
    "it changes nothing: s10(6) excludes a bank holiday in any part of the UK everywhere, so Scotland's 2 January "
    "and Northern Ireland's 12 July stop an English authority's clock too (the EIR 2004 use the same definition). "
    "It matters in Scotland: FOISA counts only Scottish bank holidays (s73), and so do the EISR (EIR with scotland "
    "is read as the EISR too; Easter Monday is a working day there)"
)


def cmd_due(args) -> int:
    from foi_precedent.cases.clock import describe, due_date, extension_notice

    received = _date(args.received) if args.received else None
    if received is None:
        raise PrecedentError("give the date the request was received (YYYY-MM-DD)")
    due = due_date(
        received,
        args.regime,
        args.nation,
        args.extension,
        fees_notice=_date(args.fees_notice),
        fee_received=_date(args.fee_received),
        clarification_sought=_date(args.clarification_sought),
        clarification_received=_date(args.clarification_received),
        compliance=args.compliance,
    )
    notice = extension_notice(due) if due.extension else None
    if args.json:
        _print_json({**due.to_dict(), "notice": notice})
        return EXIT_OK
    print(describe(due))
    if due.skipped:
        print("Weekdays not counted:")
        for d in due.skipped:
            print(f"  {d.day:%a} {d.day.isoformat()}  {d.name}")
    if notice and due.notice_by:
        print("\nDraft notice (complete it and send it by " + due.notice_by.isoformat() + "):\n" + notice)
    return EXIT_OK


@register_command
def add_due_command(sub) -> None:
    # Options are plain strings checked by the clock, so a wrong one is one line (PrecedentError), not a usage dump.
    s = sub.add_parser(
        "due",
        help="when a reply is due: 20 working days after receipt (40 with an extension), "
        "UK bank holidays per the regime",
    )
    s.add_argument(
        "received",
        nargs="?",
        metavar="RECEIVED_DATE",
        help="the day the authority received the request, YYYY-MM-DD (day 1 is the next working day)",
    )
    s.add_argument(
        "--regime",
        default="FOIA",
        metavar="FOIA|FOISA|EIR|EISR",
        help="default FOIA; EISR: the Environmental Information (Scotland) Regulations 2004",
    )
    s.add_argument("--nation", metavar="england|wales|scotland|northern-ireland", help=_NATION_HELP)
    s.add_argument(
        "--extension",
        metavar="pit|eir-complex",
        help="pit: FOIA s10(3) time to weigh the public interest, taken as 40 working days in all (the "
        "ICO's normal maximum), with the s17(2) notice drafted; eir-complex: EIR or EISR reg 7, 20 -> 40 "
        "working days for complex and voluminous requests",
    )
    s.add_argument(
        "--fees-notice",
        metavar="DATE",
        help="the day a fees notice was given (FOIA/FOISA s9, EIR reg 8(4)): the clock stops that day, and "
        "stays stopped until --fee-received (or, without it, today); under the EISR recorded but not applied",
    )
    s.add_argument(
        "--fee-received",
        metavar="DATE",
        help="the day the fee arrived (s10(2), reg 8(6): the days between, both included, are not counted)",
    )
    s.add_argument(
        "--clarification-sought",
        metavar="DATE",
        help="the day the authority asked for the further information it needs (FOIA/FOISA s1(3), EIR and EISR "
        "reg 9(2))",
    )
    s.add_argument(
        "--clarification-received",
        metavar="DATE",
        help="the day it arrived: the working days run afresh from then (without it: from today)",
    )
    s.add_argument(
        "--compliance",
        metavar="standard|school|archive|armed_forces",
        help="FOIA only, the Time for Compliance Regulations 2004: archive, 30 working days (reg 4); school (reg 3) "
        "and armed_forces (reg 5) keep the 20th working day and give the 60th as the latest the limit can be",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_due)
