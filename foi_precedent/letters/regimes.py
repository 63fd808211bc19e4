"""One profile per regime (FOIA, FOISA, the EIR): the facts the reader, the checker and drafting share.

Data in ``rules/regimes.yaml``; pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

REGIMES_FILE = Path(__file__).resolve().parent.parent / "rules" / "regimes.yaml"
SCOTTISH_FILE = REGIMES_FILE.with_name("scottish_authorities.yaml")


@dataclass(frozen=True)
class RegimeProfile:
    regime: str
    act: str  # "the Freedom of Information Act 2000"
    otherwise_accessible: str  # s21, s25, reg6(1)(b)
    refusal_notice: str  # "Section 17", "section 16", "regulation 14"
    ncnd_provision: str | None  # one NCND provision for the whole Act (FOISA s18(1), EIR reg12(6)), else None
    not_held_provision: str | None
    cost_limit: str | None  # None: the regime has no cost limit (EIR: reg 12(4)(b))
    cost_rate: int | None  # £ an hour
    cost_limit_name: str | None  # "the appropriate limit"
    duty_to_assist: str
    review: str  # "internal review"
    regulator: str
    exemption_table: str  # file name under rules/
    exemption_sections: tuple[int, int] = (21, 44)  # the Act's exemptions, first and last section
    # the exception a request too costly to answer falls under where the Act has no cost limit (EIR reg12(4)(b))
    manifestly_unreasonable: str | None = None

    def applies(self, section: str) -> bool:
        """Whether a cited section ('s31', 's22A', 'reg12') is one of this Act's refusals: an exemption, s12
        (cost) or s14 (vexatious); every regulation (the EIR's exceptions are filtered by the citation)."""
        if not section.startswith("s"):
            return True
        numbered = re.match(r"s(\d+)", section)
        if numbered is None:  # no section number: nothing this Act refuses under
            return False
        number = int(numbered.group(1))
        low, high = self.exemption_sections
        return number in (12, 14) or low <= number <= high

    @property
    def accessible_section(self) -> str:
        """'s21', 's25', 'reg6': what a citation's section is compared with."""
        return self.otherwise_accessible.split("(")[0]

    def is_accessible(self, exemption: str) -> bool:
        return (
            exemption == self.otherwise_accessible
            or exemption.startswith(self.accessible_section + "(")
            or (exemption == self.accessible_section)
        )


@cache
def profiles() -> dict[str, RegimeProfile]:
    data = yaml.safe_load(REGIMES_FILE.read_text(encoding="utf-8"))
    return {
        name: RegimeProfile(
            regime=name, **{**facts, "exemption_sections": tuple(facts["exemption_sections"])}
        )
        for name, facts in data.items()
    }


def by_accessible(section: str) -> RegimeProfile:
    """The profile whose otherwise-accessible section is ``section`` ('s25' -> FOISA); FOIA's otherwise."""
    return next((p for p in profiles().values() if p.accessible_section == section), profiles()["FOIA"])


def profile(regime) -> RegimeProfile:
    """The regime's profile (a ``Regime``, its name, or None for FOIA)."""
    return profiles().get(str(getattr(regime, "value", regime) or "FOIA"), profiles()["FOIA"])


@cache
def _scottish_names(kind: str) -> re.Pattern[str]:
    """The ``patterns`` (or the UK bodies ``not``) of ``rules/scottish_authorities.yaml`` as one expression."""
    data = yaml.safe_load(SCOTTISH_FILE.read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data[kind]), re.I)


def scottish(authority: str | None) -> bool:
    """Whether an authority, by its name, answers under FOISA ('Moray Council', 'NHS Grampian', 'Police Scotland';
    not the Scotland Office, a UK department)."""
    if not authority:
        return False
    return bool(_scottish_names("patterns").search(authority)) and not _scottish_names("not").search(
        authority
    )
