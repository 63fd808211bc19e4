"""A case's dates and the team's case list (pure: the store's plain dicts and versions in, rows out).

A case is one request: when it was received, under which Act and nation's calendar, with which extension, what
stopped or restarted its clock (a fees notice, a clarification) and which time limit applies (the Time for
Compliance Regulations' categories), and so when its reply is due (``clock.due_date``). The list shows every case with the state of its latest version, its due
date, the working days left, and who holds it now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from foi_precedent.cases.clock import (
    Compliance,
    DueDate,
    Extension,
    Nation,
    default_nation,
    due_date,
    parse_compliance,
    parse_extension,
    parse_nation,
    parse_regime,
    working_days_left,
)
from foi_precedent.cases.review import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFTING,
    IN_REVIEW,
    SENT,
    STATE_WORDS,
    Version,
)
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Regime

NATION_WORDS = {
    Nation.ENGLAND: "England",
    Nation.WALES: "Wales",
    Nation.SCOTLAND: "Scotland",
    Nation.NORTHERN_IRELAND: "Northern Ireland",
}
NO_EXTENSION = "none"
EXTENSION_WORDS = {
    NO_EXTENSION: "none",
    Extension.PIT.value: "public interest (FOIA s10(3))",
    Extension.EIR_COMPLEX.value: "complex and voluminous (EIR reg 7)",
}
#: the extensions each Act has, as the page offers them (``clock.due_date`` refuses the others)
EXTENSIONS_FOR = {
    Regime.FOIA.value: (NO_EXTENSION, Extension.PIT.value),
    Regime.EIR.value: (NO_EXTENSION, Extension.EIR_COMPLEX.value),
    Regime.FOISA.value: (NO_EXTENSION,),
    Regime.EISR.value: (NO_EXTENSION, Extension.EIR_COMPLEX.value),
}
COMPLIANCE_WORDS = {
    Compliance.STANDARD.value: "standard (20 working days)",
    Compliance.SCHOOL.value: "a school or academy (reg 3: 20 school days, at most 60 working days)",
    Compliance.ARCHIVE.value: "an archive's transferred public records (reg 4: 30 working days)",
    Compliance.ARMED_FORCES.value: "armed forces operations (reg 5: the day the Commissioner sets, at most 60)",
}
#: the time limits each Act has, as the page offers them (the Time for Compliance Regulations vary FOIA only)
COMPLIANCE_FOR = {
    Regime.FOIA.value: tuple(c.value for c in Compliance),
    Regime.EIR.value: (Compliance.STANDARD.value,),
    Regime.FOISA.value: (Compliance.STANDARD.value,),
    Regime.EISR.value: (Compliance.STANDARD.value,),
}
STOPS = ("fees_notice", "fee_received", "clarification_sought", "clarification_received")


def _day(value) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class CaseDates:
    """What the drafter says about a request's clock: received when, under which Act, in which nation, extended how,
    stopped for a fee or restarted by a clarification when, under which time limit."""

    received: date
    regime: Regime = Regime.FOIA
    nation: Nation = Nation.ENGLAND
    extension: Extension | None = None
    fees_notice: date | None = None
    fee_received: date | None = None
    clarification_sought: date | None = None
    clarification_received: date | None = None
    compliance: Compliance = Compliance.STANDARD

    @classmethod
    def of(
        cls,
        received,
        regime="FOIA",
        nation=None,
        extension=None,
        *,
        fees_notice=None,
        fee_received=None,
        clarification_sought=None,
        clarification_received=None,
        compliance=None,
    ) -> CaseDates:
        regime = parse_regime(regime or "FOIA")
        extension = None if extension == NO_EXTENSION else extension
        day = _day(received)
        if day is None:
            raise ValueError("a case's dates need the date the request was received")
        return cls(
            day,
            regime,
            parse_nation(nation) if nation else default_nation(regime),
            parse_extension(extension),
            fees_notice=_day(fees_notice),
            fee_received=_day(fee_received),
            clarification_sought=_day(clarification_sought),
            clarification_received=_day(clarification_received),
            compliance=parse_compliance(compliance),
        )

    @classmethod
    def from_case(cls, case: Mapping) -> CaseDates | None:
        """The dates a stored case holds, or None for a case started before it had any."""
        if not case.get("received"):
            return None
        return cls.of(
            case["received"],
            case.get("regime"),
            case.get("nation"),
            case.get("extension"),
            compliance=case.get("compliance"),
            **{name: case.get(name) for name in STOPS},
        )

    def due(self, today: date | None = None) -> DueDate:
        """``PrecedentError`` for a combination the law does not have (FOISA outside Scotland, ...) or dates in an
        impossible order; ``today`` stands in for a fee or clarification still awaited."""
        return due_date(
            self.received,
            self.regime,
            self.nation,
            self.extension,
            fees_notice=self.fees_notice,
            fee_received=self.fee_received,
            clarification_sought=self.clarification_sought,
            clarification_received=self.clarification_received,
            compliance=self.compliance,
            today=today,
        )

    def store_fields(self) -> dict:
        """The keyword arguments of ``ReviewStore.set_case_dates``."""
        return {
            "received": self.received.isoformat(),
            "regime": self.regime.value,
            "nation": self.nation.value,
            "extension": self.extension.value if self.extension else None,
            "due": self.due().due.isoformat(),
            **{name: day.isoformat() if (day := getattr(self, name)) else None for name in STOPS},
            "compliance": self.compliance.value,
        }


def days_left_words(days: int | None) -> str:
    if days is None:
        return "no due date"
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} working day{'s' if days != -1 else ''} overdue"
    return f"{days} working day{'s' if days != 1 else ''} left"


def days_left_colour(days: int | None) -> str:
    """Red once overdue, orange in the last three working days, green before."""
    if days is None:
        return "gray"
    return "red" if days < 0 else "orange" if days <= 3 else "green"


def holder(version: Version | None) -> str:
    """Who has the case now: who must act next on its latest version."""
    if version is None:
        return "nobody yet"
    drafter = version.submitted_by or version.drafted_by or "the drafter"
    return {
        DRAFTING: f"{version.drafted_by or 'the drafter'} (drafting)",
        IN_REVIEW: f"a reviewer (submitted by {drafter})",
        CHANGES_REQUESTED: f"{drafter} (to revise)",
        APPROVED: f"{drafter} (to send)",
        SENT: "nobody: sent",
    }.get(version.state, version.state)


@dataclass(frozen=True)
class CaseRow:
    id: int
    title: str
    version_id: int | None
    number: int | None
    state: str
    received: date | None
    due: date | None
    days_left: int | None
    holder: str
    awaiting: str | None = None  # "fee" or "clarification": the clock is stopped, the days left stand still

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0 and self.state != SENT

    @property
    def state_words(self) -> str:
        return STATE_WORDS.get(self.state, self.state)


def saved_words(version: Version) -> str:
    """Who last saved a version's text and when, as the Draft page names another officer's edits."""
    who = version.edited_by or version.drafted_by or "another officer"
    if not version.edited_at:
        return who
    try:
        at = datetime.fromisoformat(version.edited_at)
    except ValueError:
        return f"{who} at {version.edited_at}"
    zone = " UTC" if at.utcoffset() is not None and not at.utcoffset() else ""
    return f"{who} at {at:%H:%M:%S}{zone} on {at.day} {at:%B %Y}"


def case_id_from_param(value: str | None) -> int | None:
    """The case a URL's ``?case=`` names (the Draft page puts it there), or None for anything but a case number."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and int(value) > 0 else None


def latest_version_id(case: Mapping) -> int | None:
    """The id of a stored case's latest version (``ReviewStore.cases`` / ``case``)."""
    return int(case["version_id"]) if case.get("version_id") is not None else None


def case_row(case: Mapping, version: Version | None, today: date) -> CaseRow:
    dates, due = CaseDates.from_case(case), None
    if dates is not None:
        try:
            due = dates.due(today)
        except PrecedentError:
            due = None
    state = version.state if version is not None else (case.get("version_state") or DRAFTING)
    return CaseRow(
        id=int(case["id"]),
        title=case.get("title") or "",
        version_id=version.id if version else latest_version_id(case),
        number=version.number if version else case.get("version_number"),
        state=state,
        received=dates.received if dates else None,
        due=due.due if due else _day(case.get("due")),
        days_left=working_days_left(due, today) if due else None,
        holder=holder(version),
        awaiting=due.awaiting if due else None,
    )


def case_rows(cases: list[Mapping], versions: Mapping[int, Version], today: date) -> list[CaseRow]:
    """Every case, open ones first by due date (so the overdue come first), then those with no date, then the sent."""
    rows = [case_row(c, versions.get(latest_version_id(c) or -1), today) for c in cases]
    return sorted(rows, key=lambda r: (r.state == SENT, r.due is None, r.due or date.max, r.id))
