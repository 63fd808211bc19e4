"""The statutory clock: when a reply to a request is due, in working days.

The law, as implemented here:

- FOIA s10(1): comply "promptly and in any event not later than the twentieth working day following the date
  of receipt". s10(6): a "working day" is "any day other than a Saturday, a Sunday, Christmas Day, Good Friday
  or a day which is a bank holiday under the Banking and Financial Dealings Act 1971 in any part of the United
  Kingdom". So a bank holiday in *any* nation stops the FOIA clock everywhere: Scotland's 2 January, St
  Andrew's Day and first Monday in August, and Northern Ireland's St Patrick's Day and 12 July, are not FOIA
  working days for an English authority either (ICO line to take LTT47; the Act's explanatory notes, para 52).
  Under FOIA the authority's nation therefore changes nothing.
- EIR 2004 reg 5(2): "as soon as possible and no later than 20 working days after the date of receipt";
  reg 2(1) gives "working day" the meaning of FOIA s10(6), so the same UK-wide calendar. Reg 7(1): the
  authority may extend the 20 working days to 40 where it "reasonably believes that the complexity and volume
  of the information requested means that it is impracticable" to comply or refuse within 20; reg 7(3): it must
  say so as soon as possible and within the first 20 working days.
- FOISA s10(1): 20 working days "after receipt by the authority of the request". s73: a "working day" is "any
  day other than a Saturday, a Sunday, Christmas Day or a day which, under the Banking and Financial Dealings
  Act 1971, is a bank holiday in Scotland" (Good Friday is one). Scottish bank holidays only: Easter Monday is
  a FOISA working day. FOISA has no public interest extension. A Scottish authority's environmental requests
  fall under the Environmental Information (Scotland) Regulations 2004 (regime EISR): reg 5(2)(a), "as soon as
  possible and in any event no later than 20 working days after the date of receipt of the request", and reg 7,
  the extension to 40 for a complex and voluminous request, notified within the 20. They are counted with the
  Scottish calendar, as FOISA's; EIR with nation "scotland" is read as them too. (Their own definition of a
  working day was not checked against the text; the Scottish calendar is never later than the UK-wide one, so a
  team is never told it has more time than it may have.)
- FOIA s10(3): where a qualified exemption is claimed and the public interest is still being weighed, the
  decision may wait "until such time as is reasonable in the circumstances", but the s17(1) refusal notice is
  still due within the 20 working days, and s17(2) requires it to say that no decision has been reached and to
  estimate when it will be. The Act sets no limit; the ICO's guidance on time limits ("Can we have an extension
  to consider the public interest test?") says it should normally take no more than a further 20 working days
  (40 in all), longer only exceptionally. The clock uses that: 40 working days in all, the longest the
  regulator treats as normal, not a right to take it.

Day 1 is the first working day after the day of receipt, whatever day that was (ICO: the date of receipt may
be a weekend or holiday).

Clock stops and special time limits (each optional; the text of each rule is summarised, its source named):

- Fees. FOIA s10(2): where a fees notice was given and the fee paid in accordance with s9(2), "the working days
  in the period beginning with the day on which the fees notice is given ... and ending with the day on which the
  fee is received" are disregarded: both those days included. FOISA s10(2) with s9(4) and the EIR 2004 reg 8(6)
  (advance payment, reg 8(4)) do the same; reg 8(6) also covers the reg 7 extension. Three conditions are
  checked, and where one fails the days are counted (the clock does not stop) and the explanation says why: the
  notice must be given within the time for compliance (FOIA s9(1), FOISA s9(1); the EIR reg 8(4): within 20
  working days after receipt of the request, counted from the request itself); the fee must arrive within three
  months beginning with the day of the notice (FOIA s9(2), FOISA s9(4); where the month has no such day, the
  period ends a day early rather than late) or, under the EIR, within 60 working days (reg 8(5)): otherwise the
  authority need not comply at all. While the fee is awaited the clock is stopped: the due date shown is the one
  if it arrived today, so the working days left stay put until it comes.
- Clarification. FOIA s1(3) with s10(6)(b), FOISA s1(3) with s10(1)(b), EIR reg 9(2) and 9(4): where the authority
  asked for the further information it reasonably required, the time runs afresh from the day it arrived (day 1 is
  the next working day). The EIR require the request for particulars within 20 working days (reg 9(2)(a)); FOIA
  and FOISA set no such limit, but the ICO expects clarification to be sought promptly and within the 20 working
  days. So a clarification asked for after the day the reply was otherwise due does not restart the clock here
  (the earlier date). While the answer is awaited, the due date shown is the one if it arrived today.
- The reg 7(3) notice of an EIR extension is due "no later than 20 working days after the date of receipt of the
  request", a provision reg 8(7) and reg 9(5) do not list, so its date ignores both the pause and the restart.
  FOIA's s17(2) notice is due within the time for compliance, which counts them.
- The EIR (Scotland) 2004 (EISR, or the EIR with nation Scotland). Clarification, reg 9 (its text as
  legislation.gov.uk gives it, SSI 2004/520 reg 9, checked at stop 37): where a request "has been formulated in too
  general a manner" the authority shall "ask the applicant as soon as possible, and in any event no later than 20
  working days after the date of receipt of request, to provide more particulars" (reg 9(2)(a)), and "the date on
  which the further particulars are received by the authority shall be treated as the date of the request for the
  purposes of regulations 5(2)(a), 6(2)(a) and 13(a) and any period within which the authority is required to
  respond to that request by these Regulations shall begin on the day following that date" (reg 9(4)). So the clock
  restarts as under the EIR 2004 reg 9(2), 9(4) and FOISA s1(3) with s10(1)(b), and particulars asked for after
  the 20th working day restart nothing. Reg 9(4) does not list reg 7, so the notice of a reg 7 extension stays due
  20 working days from the request itself, as the EIR's reg 7(3) notice does (the earlier date). Charging, reg 8:
  its text was not found (verify). Councils' published guidance (Dundee City Council, North Ayrshire Council) says
  an authority may require payment in advance by written notice, the applicant has 60 working days to pay, and the
  clock stops meanwhile, as the EIR 2004 reg 8(4)-(6) do; and the Commissioner's decisions cite reg 8(1), (3), (4),
  (6) and (8) (e.g. Decision 126/2026). Until the text is checked a fees notice is recorded and explained but moves
  nothing: the date shown is the earliest the reply can be due, never later than the law allows.
- The Freedom of Information (Time for Compliance with Request) Regulations 2004 (SI 2004/3364, amended 2009 and
  2010), which vary FOIA s10(1) and (2) only (FOISA and the EIR have no such variation: the clock refuses them
  there). ``archive``, reg 4: a request to the appropriate records authority (The National Archives, a place of
  deposit) for information in a transferred public record not designated open information (s66): the 30th working
  day. ``school``, reg 3 (maintained schools and nursery schools, Ministry of Defence schools; the 2009 and 2010
  amending Regulations extend it to more schools, Northern Ireland's and academies among them): the 20th working
  day disregarding days that are not school days, or the 60th working day, whichever comes first. The clock does
  not know a school's term dates, so it keeps the 20th working day (the date when every working day is a school
  day, never later than the real one) and gives the 60th as the latest the limit can be (``latest``): a team whose
  school was closed adds one working day for each closed one, up to that. ``armed_forces``, reg 5: where
  information must come from someone on or preparing for an operation, the authority may apply to the Information
  Commissioner within the 20 working days, who specifies a day no later than the 60th working day. The clock
  cannot know that day, so it keeps the 20th working day and gives the 60th as ``latest``. Reg 6 (information held
  outside the UK, also Commissioner-specified) is not offered. With a public interest extension under any of them,
  the clock allows 40 working days in all, as it does for a standard request (for an archive, 10 more than its
  30), and the s17(2) notice is due by the 20th working day (an archive's 30th; for a school or the armed forces
  the earliest their limit can be).

Bank holidays come from the ``holidays`` package (offline data, pinned in pyproject.toml), England and Wales,
Scotland and Northern Ireland, including days appointed by proclamation under s1(3) of the 1971 Act (the Boyne
holiday, the 2022 State Funeral, the 2023 Coronation). A proclamation for an unusual year should be checked
against the Gazette.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Regime

BASE_WORKING_DAYS = 20
EXTENSION_WORKING_DAYS = 20  # EIR reg 7: 20 -> 40; FOIA s10(3): the ICO's normal maximum, 20 more
IN_FORCE = date(2005, 1, 1)  # FOIA's right of access, FOISA and both EIR 2004 began on 1 January 2005
EXTENDED_WORKING_DAYS = BASE_WORKING_DAYS + EXTENSION_WORKING_DAYS  # in all, an archive's 30 included
CAP_WORKING_DAYS = 60  # Time for Compliance Regulations regs 3 and 5: never later than the 60th working day
# EIR reg 8(5): an advance payment not made within 60 working days of the notice ends the duty to comply
EIR_PAYMENT_WORKING_DAYS = 60
FEE_MONTHS = 3  # FOIA s9(2), FOISA s9(4): the fee must be paid within three months of the notice


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class Extension(StrEnum):
    PIT = "pit"  # FOIA s10(3): time to weigh the public interest, with a s17(2) notice
    EIR_COMPLEX = "eir-complex"  # EIR reg 7(1): complexity and volume, 20 -> 40 working days


class Compliance(StrEnum):
    """The time limit the Time for Compliance Regulations 2004 set for a FOIA request (``standard``: s10(1)'s 20)."""

    STANDARD = "standard"
    SCHOOL = "school"  # reg 3: 20 school days or 60 working days, whichever is first
    ARCHIVE = "archive"  # reg 4: transferred public records not designated open: 30 working days
    ARMED_FORCES = "armed_forces"  # reg 5: the day the Information Commissioner specifies, at most the 60th


#: the working days each limit counts to (school and armed forces: the earliest the day can be; ``latest`` the cap)
BASE_FOR = {
    Compliance.STANDARD: BASE_WORKING_DAYS,
    Compliance.SCHOOL: BASE_WORKING_DAYS,
    Compliance.ARCHIVE: 30,
    Compliance.ARMED_FORCES: BASE_WORKING_DAYS,
}

_SUBDIV = {Nation.ENGLAND: "ENG", Nation.WALES: "WLS", Nation.SCOTLAND: "SCT", Nation.NORTHERN_IRELAND: "NIR"}
_NATION_NAME = {
    Nation.ENGLAND: "England",
    Nation.WALES: "Wales",
    Nation.SCOTLAND: "Scotland",
    Nation.NORTHERN_IRELAND: "Northern Ireland",
}


@dataclass(frozen=True)
class NonWorkingDay:
    """A weekday the clock skipped, with why (weekends are skipped too and not listed)."""

    day: date
    name: str

    def to_dict(self) -> dict:
        return {"date": self.day.isoformat(), "name": self.name}


@dataclass(frozen=True)
class DueDate:
    received: date
    due: date
    regime: Regime
    nation: Nation
    working_days: int
    extension: Extension | None
    skipped: tuple[NonWorkingDay, ...]
    calendar: str  # whose bank holidays counted, in words
    notice_by: date | None = None  # an extension must be notified by the 20th working day
    compliance: Compliance = Compliance.STANDARD
    counted_from: date | None = None  # the day the working days run from: receipt, or the clarification's
    paused: tuple[date, date] | None = None  # the fees notice's day to the fee's, both disregarded
    paused_days: int = 0  # the working days in ``paused``
    latest: date | None = None  # school, armed forces: the latest the limit can be (the 60th working day)
    awaiting: str | None = (
        None  # "fee" or "clarification": the clock waits, the due date is as if it came today
    )
    stops: tuple[
        tuple[str, date | None], ...
    ] = ()  # the dates given: fees_notice, fee_received, clarification_*
    notes: tuple[str, ...] = ()  # what the dates changed, or why one changed nothing, in words

    @property
    def start(self) -> date:
        return self.counted_from or self.received

    def to_dict(self) -> dict:
        return {
            "received": self.received.isoformat(),
            "due": self.due.isoformat(),
            "regime": self.regime.value,
            "nation": self.nation.value,
            "working_days": self.working_days,
            "extension": self.extension.value if self.extension else None,
            "notice_by": self.notice_by.isoformat() if self.notice_by else None,
            "calendar": self.calendar,
            "skipped": [d.to_dict() for d in self.skipped],
            "compliance": self.compliance.value,
            **{name: day.isoformat() if day else None for name, day in self.stops},
            "counted_from": self.start.isoformat(),
            "paused_working_days": self.paused_days,
            "latest": self.latest.isoformat() if self.latest else None,
            "awaiting": self.awaiting,
            "notes": list(self.notes),
        }


def parse_regime(value: str | Regime) -> Regime:
    try:
        return Regime(str(value).upper())
    except ValueError:
        raise PrecedentError(f"unknown regime {value!r}: use FOIA, FOISA, EIR or EISR") from None


def _scottish_eir(regime: Regime, nation: Nation) -> bool:
    """The Environmental Information (Scotland) Regulations 2004: EISR, or the EIR named for a Scottish authority."""
    return regime is Regime.EISR or (regime is Regime.EIR and nation is Nation.SCOTLAND)


def _regulations(regime: Regime) -> bool:
    """Under Regulations (the EIR 2004 or the Scottish EIRs): the reg 7 extension, reg 8 fees, reg 9 clarification."""
    return regime in (Regime.EIR, Regime.EISR)


def parse_nation(value: str | Nation) -> Nation:
    key = str(value).strip().lower().replace(" ", "-").replace("_", "-")
    try:
        return Nation(key)
    except ValueError:
        raise PrecedentError(
            f"unknown nation {value!r}: use england, wales, scotland or northern-ireland"
        ) from None


def parse_extension(value: str | Extension | None) -> Extension | None:
    if value is None or value == "":
        return None
    try:
        return Extension(str(value).strip().lower())
    except ValueError:
        raise PrecedentError(
            f"unknown extension {value!r}: use pit (FOIA s10(3)) or eir-complex (EIR reg 7)"
        ) from None


def parse_compliance(value: str | Compliance | None) -> Compliance:
    if value is None or value == "":
        return Compliance.STANDARD
    try:
        return Compliance(str(value).strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        raise PrecedentError(
            f"unknown compliance {value!r}: use standard, school, archive or armed_forces"
        ) from None


def default_nation(regime: Regime) -> Nation:
    return Nation.SCOTLAND if regime in (Regime.FOISA, Regime.EISR) else Nation.ENGLAND


@lru_cache(maxsize=64)
def _holidays(subdivs: tuple[str, ...], year: int) -> dict[date, str]:
    """The bank holidays of the given parts of the UK in one year, each named, with where when not everywhere."""
    import holidays

    names: dict[date, list[str]] = {}
    where: dict[date, set[str]] = {}
    for sub in subdivs:
        for day, name in holidays.country_holidays("GB", subdiv=sub, years=year).items():
            if name not in names.setdefault(day, []):
                names[day].append(name)
            where.setdefault(day, set()).add(sub)
    nation_of = {v: k for k, v in _SUBDIV.items()}
    out = {}
    for day, labels in names.items():
        label = " / ".join(labels)
        missing = set(subdivs) - where[day]
        if missing == {"SCT"}:
            label += " (not Scotland)"
        elif missing:
            label += f" ({', '.join(sorted(_NATION_NAME[nation_of[s]] for s in where[day]))})"
        out[day] = label
    return out


def _calendar(regime: Regime, nation: Nation) -> tuple[tuple[str, ...], str]:
    if regime is Regime.FOISA or _scottish_eir(regime, nation):
        law = "FOISA s73" if regime is Regime.FOISA else "EIR (Scotland) 2004, FOISA s73"
        return ("SCT",), f"Scottish bank holidays ({law})"
    law = "FOIA s10(6)" if regime is Regime.FOIA else "EIR reg 2(1), FOIA s10(6)"
    return ("ENG", "WLS", "SCT", "NIR"), f"bank holidays in any part of the UK ({law})"


def _check(received: date, regime: Regime, nation: Nation, extension: Extension | None) -> None:
    if received < IN_FORCE:
        raise PrecedentError(
            f"{received.isoformat()} is before 1 January 2005, when FOIA's right of access, FOISA "
            "and the EIR 2004 came into force"
        )
    if regime is Regime.FOISA and nation is not Nation.SCOTLAND:
        raise PrecedentError(
            f"FOISA applies to Scottish public authorities: use --nation scotland, or --regime FOIA "
            f"for an authority in {_NATION_NAME[nation]}"
        )
    if regime is Regime.EISR and nation is not Nation.SCOTLAND:
        raise PrecedentError(
            f"the EISR (the Environmental Information (Scotland) Regulations 2004) apply to Scottish public "
            f"authorities: use --nation scotland, or --regime EIR for an authority in {_NATION_NAME[nation]}"
        )
    if extension is Extension.PIT and regime is not Regime.FOIA:
        raise PrecedentError(
            f"{regime.value} has no public interest extension (it is FOIA s10(3)); "
            + (
                "use eir-complex for EIR reg 7"
                if _regulations(regime)
                else "FOISA allows 20 working days in all"
            )
        )
    if extension is Extension.EIR_COMPLEX and not _regulations(regime):
        raise PrecedentError(
            f"the extension to 40 working days for complex and voluminous requests is EIR reg 7; "
            f"{regime.value} has none" + (" (FOIA's is pit, s10(3))" if regime is Regime.FOIA else "")
        )


def _check_compliance(regime: Regime, compliance: Compliance) -> None:
    if compliance is not Compliance.STANDARD and regime is not Regime.FOIA:
        raise PrecedentError(
            f"the {compliance.value} time limit is the Time for Compliance Regulations 2004, which vary FOIA only; "
            f"{regime.value} has none: use standard"
        )


def _check_stops(
    received: date,
    fees_notice: date | None,
    fee_received: date | None,
    clarification_sought: date | None,
    clarification_received: date | None,
) -> None:
    """One clear line for dates that cannot be so (the law's own conditions are explained, not refused)."""

    def before(what: str, day: date, other_what: str, other: date) -> None:
        if day < other:
            raise PrecedentError(
                f"{what} ({day.isoformat()}) cannot be before {other_what} ({other.isoformat()})"
            )

    if fee_received is not None and fees_notice is None:
        raise PrecedentError("a fee received needs the date the fees notice was given")
    if clarification_received is not None and clarification_sought is None:
        raise PrecedentError("a clarification received needs the date it was asked for")
    if fees_notice is not None:
        before("the fees notice", fees_notice, "the day the request was received", received)
        if fee_received is not None:
            before("the fee received", fee_received, "the fees notice", fees_notice)
    if clarification_sought is not None:
        before("the clarification sought", clarification_sought, "the day the request was received", received)
        if clarification_received is not None:
            before(
                "the clarification received",
                clarification_received,
                "the day it was asked for",
                clarification_sought,
            )


def _count(
    start: date, total: int, subdivs: tuple[str, ...], paused: tuple[date, date] | None = None
) -> tuple[date, list[NonWorkingDay], int]:
    """The ``total``th working day after ``start``, the bank holidays skipped on the way, and the working days
    disregarded because they fell in ``paused`` (both ends included)."""
    day, counted, skipped, paused_days = start, 0, [], 0
    while counted < total:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        holiday = _holidays(subdivs, day.year).get(day)
        if holiday:
            skipped.append(NonWorkingDay(day, holiday))
            continue
        if paused and paused[0] <= day <= paused[1]:
            paused_days += 1
            continue
        counted += 1
    return day, skipped, paused_days


def _months_later(day: date, months: int) -> date:
    """The last day of a period of ``months`` beginning with ``day``: the day before the corresponding date (a
    month without that day: its last day, and the period a day shorter, never longer)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last)) - timedelta(days=1)


def due_date(
    received: date,
    regime: Regime | str = Regime.FOIA,
    nation: Nation | str | None = None,
    extension: Extension | str | None = None,
    *,
    fees_notice: date | None = None,
    fee_received: date | None = None,
    clarification_sought: date | None = None,
    clarification_received: date | None = None,
    compliance: Compliance | str | None = None,
    today: date | None = None,
) -> DueDate:
    """The last day for the reply: the 20th (30th for an archive; 40th with an extension) working day after
    ``received``, or after the clarification received, not counting the working days a fees notice stopped the
    clock. ``today`` (default: the real one) stands in for a fee or clarification still awaited.

    Raises ``PrecedentError`` for a combination the law does not have (FOISA outside Scotland, a public
    interest extension outside FOIA, the complex-request extension outside the EIR, a Time for Compliance
    category outside FOIA, a date before 2005) and for dates in an impossible order (a fee received before its
    notice, a clarification received before it was asked for, either before the request).
    """
    regime = parse_regime(regime)
    nation = parse_nation(nation) if nation is not None else default_nation(regime)
    extension = parse_extension(extension)
    compliance = parse_compliance(compliance)
    _check(received, regime, nation, extension)
    _check_compliance(regime, compliance)
    _check_stops(received, fees_notice, fee_received, clarification_sought, clarification_received)
    subdivs, calendar = _calendar(regime, nation)
    today = today or date.today()
    base = BASE_FOR[compliance]
    scottish_eir = _scottish_eir(regime, nation)
    law = {
        Regime.FOIA: ("s1(3), s10(6)(b)", "s10(2)", "s9(1)", "s9(2)"),
        Regime.FOISA: ("s1(3), s10(1)(b)", "s10(2)", "s9(1)", "s9(4)"),
        Regime.EIR: ("reg 9(2), 9(4)", "reg 8(6)", "reg 8(4)", "reg 8(5)"),
        # EISR reg 9(2)(a), 9(4) (clarification, checked); their reg 8 fees are not applied (below: verify)
        Regime.EISR: ("EIR (Scotland) reg 9(2)(a), 9(4)", "", "", ""),
    }[Regime.EISR if scottish_eir else regime]
    notes: list[str] = []
    awaiting = None

    start = received
    if clarification_sought is not None:
        otherwise, _, _ = _count(received, base, subdivs)
        # the EIR 2004 reg 9(2)(a) and the EISR reg 9(2)(a): particulars asked for within 20 working days; FOIA and
        # FOISA set no limit, and the ICO expects the same (module docstring)
        if clarification_sought > otherwise:
            notes.append(
                f"The clarification was asked for on {_long(clarification_sought)}, after the reply was already "
                f"due on {_long(otherwise)}: it does not restart the clock."
            )
        else:
            start = clarification_received or max(today, clarification_sought)
            if clarification_received is None:
                awaiting = "clarification"
                notes.append(
                    f"Clarification asked for on {_long(clarification_sought)} ({law[0]}) has not arrived: the "
                    "clock waits for it, and the due date shown is the one if it arrived today."
                )
            else:
                notes.append(
                    f"Clarification asked for on {_long(clarification_sought)} arrived on "
                    f"{_long(clarification_received)} ({law[0]}): the working days run from that day."
                )

    paused = None
    if fees_notice is not None:
        # the EIR count the notice's 20 working days from the request itself (reg 9(5) does not list reg 8(4))
        window, _, _ = _count(received if regime is Regime.EIR else start, base, subdivs)
        payable_by = (
            _count(fees_notice, EIR_PAYMENT_WORKING_DAYS, subdivs)[0]
            if regime is Regime.EIR
            else _months_later(fees_notice, FEE_MONTHS)
        )
        if scottish_eir:  # EISR reg 8: its text not checked (verify), so no pause (module docstring)
            notes.append(
                "The fees notice is not counted: the EIR (Scotland) 2004's charging provision (reg 8) is not "
                "applied here, so the date shown is the earliest the reply can be due."
            )
        elif fees_notice > window:
            notes.append(
                f"The fees notice of {_long(fees_notice)} came after {_long(window)}, the last day to give it "
                f"({law[2]}): it does not stop the clock."
            )
        elif fee_received is not None and fee_received > payable_by:
            notes.append(
                f"The fee arrived on {_long(fee_received)}, after {_long(payable_by)}, the last day to pay it "
                f"({law[3]}): the authority need not comply, and the clock is counted without the pause."
            )
        else:
            paused = (fees_notice, fee_received or max(today, fees_notice))
            if fee_received is None:
                awaiting = "fee"
                notes.append(
                    f"The clock has stood still since the fees notice of {_long(fees_notice)} ({law[1]}): the due "
                    f"date shown is the one if the fee arrived today. Unpaid by {_long(payable_by)} ({law[3]}), "
                    "the authority need not comply."
                )

    total = EXTENDED_WORKING_DAYS if extension else base
    day, skipped, paused_days = _count(start, total, subdivs, paused)
    notice_by = None
    if extension is Extension.EIR_COMPLEX:
        notice_by = _count(received, BASE_WORKING_DAYS, subdivs)[0]  # reg 7(3): from the request, no pause
    elif extension is not None:
        notice_by = _count(start, base, subdivs, paused)[0]
    latest = None
    if compliance in (Compliance.SCHOOL, Compliance.ARMED_FORCES):
        latest = _count(start, CAP_WORKING_DAYS, subdivs, paused)[0]
    return DueDate(
        received=received,
        due=day,
        regime=regime,
        nation=nation,
        working_days=total,
        extension=extension,
        skipped=tuple(skipped),
        calendar=calendar,
        notice_by=notice_by,
        compliance=compliance,
        counted_from=start,
        paused=paused,
        paused_days=paused_days,
        latest=latest,
        awaiting=awaiting,
        stops=(
            ("fees_notice", fees_notice),
            ("fee_received", fee_received),
            ("clarification_sought", clarification_sought),
            ("clarification_received", clarification_received),
        ),
        notes=tuple(notes),
    )


def _long(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def extension_notice(due: DueDate, exemptions: Sequence[str] = ()) -> str:
    """A draft of the notice an extension needs, to be completed and sent by ``due.notice_by``.

    FOIA: the s17(1) refusal notice (the exemption and why it applies) with what s17(2) adds: that no decision
    on the public interest has been reached, and an estimate of when it will be. EIR: the reg 7(3) notice that
    the period is extended to 40 working days because of the complexity and volume of the information.
    """
    if due.extension is None:
        raise PrecedentError("no extension: there is no extension notice to draft")
    if due.extension is Extension.EIR_COMPLEX:
        regulations = (
            "Environmental Information (Scotland) Regulations 2004"
            if _scottish_eir(due.regime, due.nation)
            else "Environmental Information Regulations 2004"
        )
        return (
            f"Your request for information, received on {_long(due.received)}, is being dealt with under the "
            f"{regulations}. Because of the complexity and volume of the information "
            "you have asked for, it is impracticable to respond within 20 working days, and under regulation 7(1) "
            f"we are extending the time for our response to 40 working days. We will respond by "
            f"{_long(due.due)} at the latest, and sooner if we can. [DECISION NEEDED: why the complexity and "
            "volume of this information make 20 working days impracticable]"
        )
    named = (
        ", ".join(exemptions) if exemptions else "[DECISION NEEDED: the exemption(s), e.g. section 31(1)(a)]"
    )
    return (
        f"Your request for information, received on {_long(due.received)}, is being dealt with under the "
        "Freedom of Information Act 2000. This letter is a refusal notice under section 17(1) of the Act: we "
        f"consider that the information you have asked for is exempt under {named}. "
        "[DECISION NEEDED: why the exemption applies, unless that is apparent] "
        "This is a qualified exemption, so the information may be withheld only if, in all the circumstances, the "
        "public interest in maintaining the exemption outweighs the public interest in disclosing it. We have not "
        "yet reached a decision on the balance of the public interest, and under section 10(3) of the Act we need "
        "further time to consider it. As section 17(2) requires, we estimate that we will reach a decision by "
        f"{_long(due.due)}, and we will write to you then, or sooner if we can."
    )


def describe(due: DueDate) -> str:
    """What a person reads: when the reply is due and under what rule, then what the clock stops and special time
    limits changed (or why one changed nothing)."""
    rule = {
        Regime.FOIA: "FOIA s10(1)",
        Regime.FOISA: "FOISA s10(1)",
        Regime.EIR: "EIR reg 5(2)",
        Regime.EISR: "EISR reg 5(2)(a)",
    }[due.regime]
    if due.compliance is Compliance.ARCHIVE:
        rule = "FOIA s10(1) as varied by the Time for Compliance Regulations 2004 reg 4: a transferred public record"
    if due.extension is Extension.PIT:
        rule = "FOIA s10(3): 40 working days in all, the most the ICO's guidance treats as normal"
    elif due.extension is Extension.EIR_COMPLEX:
        rule = (
            "EISR reg 7(1)"
            if due.regime is Regime.EISR
            else "EIR reg 7(1)" + (", EIR (Scotland)" if due.nation is Nation.SCOTLAND else "")
        )
    elif due.regime is Regime.EIR and due.nation is Nation.SCOTLAND:
        rule = "EIR (Scotland) reg 5(2)"
    article = "An" if _regulations(due.regime) else "A"
    after = "receipt"
    if due.start != due.received:
        after = f"the clarification of {_long(due.start)}"
        rule += {
            Regime.FOIA: ", s10(6)(b)",
            Regime.FOISA: ", s10(1)(b)",
            Regime.EIR: ", reg 9(4)",
            Regime.EISR: ", reg 9(4)",
        }.get(due.regime, "")
    if due.paused is not None and due.paused_days:
        noticed, paid = due.paused
        paid_words = (
            "today (the fee is awaited)" if due.awaiting == "fee" else f"the fee's arrival on {_long(paid)}"
        )
        after += (
            f", not counting the {due.paused_days} working day{'s' if due.paused_days != 1 else ''} from the "
            f"fees notice of {_long(noticed)} to {paid_words}"
        )
        rule += {Regime.FOIA: ", s10(2)", Regime.FOISA: ", s10(2)", Regime.EIR: ", reg 8(6)"}.get(
            due.regime, ""
        )
    text = (
        f"{article} {due.regime.value} request received on {_long(due.received)} is due by {_long(due.due)}: the "
        f"{due.working_days}th working day after {after} ({rule}; not working days: weekends and "
        f"{due.calendar})."
    )
    if due.notice_by:
        what = (
            "the s17(1) refusal notice saying so (s17(2))"
            if due.extension is Extension.PIT
            else "the notice of the extension (EISR reg 7(2))"  # their own paragraph (verify)
            if due.regime is Regime.EISR
            else "the notice of the extension (reg 7(3))"
        )
        text += f" The extension needs {what} by {_long(due.notice_by)}."
    if due.compliance is Compliance.SCHOOL and due.latest:
        text += (
            " A school (Time for Compliance Regulations 2004 reg 3): the limit is the 20th working day that is a "
            "school day, or the 60th working day if that comes first. The date above is right when every working "
            "day was a school day; add one working day for each one the school was closed, never beyond "
            f"{_long(due.latest)}, the 60th."
        )
    elif due.compliance is Compliance.ARMED_FORCES and due.latest:
        text += (
            " Armed forces operations (Time for Compliance Regulations 2004 reg 5): if the authority applies to the "
            "Information Commissioner within the 20 working days, the reply is due on the day the Commissioner "
            f"specifies, no later than {_long(due.latest)}, the 60th working day. Until a day is specified, the "
            "date above stands."
        )
    for note in due.notes:
        text += " " + note
    return text


def working_days_left(due: DueDate, today: date) -> int:
    """The working days after ``today`` up to and including the due date, on the due date's own calendar and not
    counting days the clock was stopped for a fee: 0 on the due day itself, and below 0 once it has passed (-1 on
    the first working day after it, whatever day today is)."""
    subdivs, _ = _calendar(due.regime, due.nation)
    start, end, sign = (today, due.due, 1) if today <= due.due else (due.due, today, -1)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        paused = due.paused is not None and due.paused[0] <= day <= due.paused[1]
        count += day.weekday() < 5 and day not in _holidays(subdivs, day.year) and not paused
    return sign * count
