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
  fall under the EIR (Scotland) 2004, which keep 20 days and the reg 7 extension to 40; EIR with nation
  "scotland" is read as those regulations and counted with the Scottish calendar, as FOISA's. (Their own
  definition of a working day was not checked against the text; the Scottish calendar is never later than the
  UK-wide one, so a team is never told it has more time than it may have.)
- FOIA s10(3): where a qualified exemption is claimed and the public interest is still being weighed, the
  decision may wait "until such time as is reasonable in the circumstances", but the s17(1) refusal notice is
  still due within the 20 working days, and s17(2) requires it to say that no decision has been reached and to
  estimate when it will be. The Act sets no limit; the ICO's guidance on time limits ("Can we have an extension
  to consider the public interest test?") says it should normally take no more than a further 20 working days
  (40 in all), longer only exceptionally. The clock uses that: 20 more working days, the longest the regulator
  treats as normal, not a right to take it.

Day 1 is the first working day after the day of receipt, whatever day that was (ICO: the date of receipt may
be a weekend or holiday). Not handled: days a fees notice stops the clock (s10(2)), clarification under s1(3)
(the clock restarts on the answer), and the Time for Compliance Regulations (schools, archives, armed forces:
up to 60 working days).

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


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class Extension(StrEnum):
    PIT = "pit"  # FOIA s10(3): time to weigh the public interest, with a s17(2) notice
    EIR_COMPLEX = "eir-complex"  # EIR reg 7(1): complexity and volume, 20 -> 40 working days


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
        }


def parse_regime(value: str | Regime) -> Regime:
    try:
        return Regime(str(value).upper())
    except ValueError:
        raise PrecedentError(f"unknown regime {value!r}: use FOIA, FOISA or EIR") from None


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


def default_nation(regime: Regime) -> Nation:
    return Nation.SCOTLAND if regime is Regime.FOISA else Nation.ENGLAND


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
    if regime is Regime.FOISA or (regime is Regime.EIR and nation is Nation.SCOTLAND):
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
    if extension is Extension.PIT and regime is not Regime.FOIA:
        raise PrecedentError(
            f"{regime.value} has no public interest extension (it is FOIA s10(3)); "
            + (
                "use eir-complex for EIR reg 7"
                if regime is Regime.EIR
                else "FOISA allows 20 working days in all"
            )
        )
    if extension is Extension.EIR_COMPLEX and regime is not Regime.EIR:
        raise PrecedentError(
            f"the extension to 40 working days for complex and voluminous requests is EIR reg 7; "
            f"{regime.value} has none" + (" (FOIA's is pit, s10(3))" if regime is Regime.FOIA else "")
        )


def due_date(
    received: date,
    regime: Regime | str = Regime.FOIA,
    nation: Nation | str | None = None,
    extension: Extension | str | None = None,
) -> DueDate:
    """The last day for the reply: the 20th (40th with an extension) working day after ``received``.

    Raises ``PrecedentError`` for a combination the law does not have (FOISA outside Scotland, a public
    interest extension outside FOIA, the complex-request extension outside the EIR, a date before 2005).
    """
    regime = parse_regime(regime)
    nation = parse_nation(nation) if nation is not None else default_nation(regime)
    extension = parse_extension(extension)
    _check(received, regime, nation, extension)
    subdivs, calendar = _calendar(regime, nation)
    total = BASE_WORKING_DAYS + (EXTENSION_WORKING_DAYS if extension else 0)
    day, counted, skipped, notice_by = received, 0, [], None
    while counted < total:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        holiday = _holidays(subdivs, day.year).get(day)
        if holiday:
            skipped.append(NonWorkingDay(day, holiday))
            continue
        counted += 1
        if counted == BASE_WORKING_DAYS and extension:
            notice_by = day
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
        return (
            f"Your request for information, received on {_long(due.received)}, is being dealt with under the "
            "Environmental Information Regulations 2004. Because of the complexity and volume of the information "
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
    """One sentence a person reads: when the reply is due and under what rule."""
    rule = {Regime.FOIA: "FOIA s10(1)", Regime.FOISA: "FOISA s10(1)", Regime.EIR: "EIR reg 5(2)"}[due.regime]
    if due.extension is Extension.PIT:
        rule = "FOIA s10(3): 20 more working days, the most the ICO's guidance treats as normal"
    elif due.extension is Extension.EIR_COMPLEX:
        rule = "EIR reg 7(1)" + (", EIR (Scotland)" if due.nation is Nation.SCOTLAND else "")
    elif due.regime is Regime.EIR and due.nation is Nation.SCOTLAND:
        rule = "EIR (Scotland) reg 5(2)"
    article = "An" if due.regime is Regime.EIR else "A"
    text = (
        f"{article} {due.regime.value} request received on {_long(due.received)} is due by {_long(due.due)}: the "
        f"{due.working_days}th working day after receipt ({rule}; not working days: weekends and "
        f"{due.calendar})."
    )
    if due.notice_by:
        what = (
            "the s17(1) refusal notice saying so (s17(2))"
            if due.extension is Extension.PIT
            else "the notice of the extension (reg 7(3))"
        )
        text += f" The extension needs {what} by {_long(due.notice_by)}."
    return text


def working_days_left(due: DueDate, today: date) -> int:
    """The working days after ``today`` up to and including the due date, on the due date's own calendar: 0 on the
    due day itself, and below 0 once it has passed (-1 on the first working day after it, whatever day today is)."""
    subdivs, _ = _calendar(due.regime, due.nation)
    start, end, sign = (today, due.due, 1) if today <= due.due else (due.due, today, -1)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += day.weekday() < 5 and day not in _holidays(subdivs, day.year)
    return sign * count
