"""What a letter says about itself: its reference, authority, date and regime (the Act it answers under).

Pure: text in, facts out.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from foi_precedent.letters.model import (
    Regime,
)
from foi_precedent.letters.regimes import scottish

# --- header facts ---------------------------------------------------------------------------------

_REFERENCE = re.compile(
    r"(?:reference\s*(?:no|number)?\.?\s*[:.]?|our ref(?:erence)?\s*[:.]?|ref\s*[:.]|foi\s+request\s+(?:no|number)\s*[:.]?)"
    r"\s*(?P<ref>[A-Z0-9][A-Z0-9./_\- ]{3,30}[A-Z0-9])",
    re.I,
)


def _reference(text: str) -> str | None:
    for m in _REFERENCE.finditer(text[:3000]):
        ref = _reference_token(m.group("ref"))
        if ref:  # "Enquiries to Information Governance", "Our Ref:" alone are no reference
            return ref
    found = re.search(
        r"\b(?:[A-Z]{2,4}-)?FOI[A-Z]?[-/]\d[\w/.-]{2,24}", text[:3000]
    )  # IM-FOI-2018-1421, FOIR-104834967
    if found:
        return found.group(0).rstrip(".")
    found = re.search(r"\b\d{2}\.FOI\.\d{2}\.\d{6}\b", text)
    return found.group(0) if found else None


def _reference_token(raw: str) -> str | None:
    """'FOI 4530 Dear Sir' -> 'FOI 4530'; 'F16458 and I would' -> 'F16458'; 'FOI-GOOD' -> itself; words -> None."""
    tokens = raw.split()
    if tokens and re.fullmatch(r"[A-Z]{2,}(?:[-/.][A-Z0-9]+)+", tokens[0]):
        return tokens[0]  # an identifier without a number ("FOI-GOOD")
    for i, tok in enumerate(tokens):
        if re.search(r"\d", tok):
            head = tokens[i - 1] + " " if i and re.fullmatch(r"[A-Z]{2,5}", tokens[i - 1]) else ""
            tail = (
                " ".join(tokens[i + 1 : i + 3])
                if re.fullmatch(r"/ \d+", " ".join(tokens[i + 1 : i + 3]))
                else ""
            )
            return (head + tok + (" " + tail if tail else "")).rstrip(".,;:")
    return None


def _fallback_reference(source: str, text: str) -> str:
    import hashlib

    return f"{Path(source).stem}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


_KNOWN_AUTHORITY = [
    (
        re.compile(r"\b01\.FOI\.\d|\bmetropolitan police|\bMPS\b|met\.police\.uk"),
        "Metropolitan Police Service",
    ),
]
_AUTHORITY = re.compile(
    r"\b((?:[A-Z][a-z]+ ){1,3}(?:Police(?: Service)?|Constabulary|City Council|Borough Council|County Council|Council))\b"
)


def _authority(text: str) -> str | None:
    for pattern, name in _KNOWN_AUTHORITY:
        if pattern.search(text):
            return name
    m = _AUTHORITY.search(text)
    return m.group(1) if m else None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_WORDS = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\s+(\d{{4}})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _date(text: str) -> date | None:
    head = text[:1500]
    m = re.search(r"^date\s*[:.]?\s*(.+)$", head, re.I | re.M)
    candidates = [m.group(1)] if m else []
    candidates.append(head)
    for cand in candidates:
        for rx, build in (
            (_DATE_ISO, lambda g: date(int(g[0]), int(g[1]), int(g[2]))),
            (_DATE_WORDS, lambda g: datetime.strptime(f"{g[0]} {g[1]} {g[2]}", "%d %B %Y").date()),
            (_DATE_SLASH, lambda g: date(int(g[2]), int(g[1]), int(g[0]))),
        ):
            mm = rx.search(cand)
            if mm:
                try:
                    return build(mm.groups())
                except ValueError:
                    continue
    return None


_RECEIVED = re.compile(
    rf"(?:received|dated|submitted)(?: by (?:us|the \w+(?: \w+)?))?(?: on)?\s*[:\-\u2013]?\s*(?:\w+day,? )?"
    rf"(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})",
    re.I,
)
_EXTENSION = re.compile(
    r"section 10\(3\)|\bs\.?\s?10\(3\)|regulation 7\b|extend(?:ed|ing)? the (?:time|deadline|"
    r"response (?:time|date)|date for (?:a )?response)|(?:need|require)s? (?:more|further|additional) "
    r"time to consider the public interest|further 20 working days|section 17\(2\)",
    re.I,
)


# a request's own record of when it came, on a line of its head: "Received: 6 November 2025", "Date received -
# 30/09/2020", an e-mail's "Sent: Thursday, 6 November 2025 10:12" or "Date: 6 November 2025". Only a line that
# opens so: "How many complaints were received on 1 January 2024?" is a question, not the request's date.
_REQUEST_RECEIVED = re.compile(
    r"^\s*(?:date\s+)?(?:received|sent|date(?:\s+(?:received|sent|of\s+request))?)\s*[:\-\u2013]\s*(.+)$",
    re.I | re.M,
)


def request_received(text: str, head_lines: int = 15) -> date | None:
    """When a pasted request says it came, from a record line among its first ``head_lines`` lines (see
    ``_REQUEST_RECEIVED``); None when it says nothing so. The Draft page takes it for the received date instead of
    today, for the officer to check."""
    head = "\n".join(text.splitlines()[:head_lines])
    for m in _REQUEST_RECEIVED.finditer(head):
        found = _date(m.group(1))  # the line's date, read as a letter's is
        if found is not None:
            return found
    return None


def _received(text: str) -> date | None:
    """When the request was received: "your request for information received on 14 March 2019", "Date received
    - 30 September 2020"."""
    m = _RECEIVED.search(text[:4000])
    return _date(m.group(1)) if m else None


def _extension_notice(text: str) -> bool:
    return bool(_EXTENSION.search(text))


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


_EISR = re.compile(r"environmental information \(scotland\) regulations|\bEISRs?\b", re.I)
_EIR = re.compile(r"environmental information regulations|\bEIRs?\b", re.I)
_FOISA = re.compile(r"\(scotland\) act|\bFOISA\b|scottish information commissioner", re.I)
_FOIA = re.compile(r"freedom of information act(?! \(scotland\))|\bFOIA\b", re.I)
# two regimes named together, as the requester or the page names the kinds of request ("under the Freedom of
# Information Act 2000/Environmental Information Regulations 2004", "a freedom of information (FOI) or environmental
# information regulations (EIR) request", "our FOI/EIR Disclosure Log", "the Freedom of Information Act 2000 and
# Freedom of Information (Scotland) Act 2002"): a pair says which Acts might apply, not which one the reply is under
_FOI_TERM = (
    r"(?:the\s+)?(?:freedom\s+of\s+information(?:\s+\(scotland\))?(?:\s+act)?(?:\s+\d{4})?(?:\s*\((?:FOIS?A?|FOI)\))?"
    r"|FOIS?A|FOI)"
)
_EIR_TERM = (
    r"(?:the\s+)?(?:environmental\s+information(?:\s+\(scotland\))?\s+regulations?(?:\s+\d{4})?(?:\s*\((?:EIRs?|EISRs?)\))?"
    r"|EIRs?|EISRs?)"
)
_JOIN = r"\s*(?:and/or|and|or|/|&)\s*"
_PAIRED = re.compile(
    rf"\b{_FOI_TERM}{_JOIN}{_EIR_TERM}(?!\w)|\b{_EIR_TERM}{_JOIN}{_FOI_TERM}(?!\w)"
    rf"|\bfreedom\s+of\s+information\s+act(?:\s+\d{{4}})?{_JOIN}(?:the\s+)?freedom\s+of\s+information\s+\(scotland\)"
    r"\s+act(?:\s+\d{4})?",
    re.I,
)


def _unpaired(text: str) -> str:
    """``text`` without the places it names two regimes together (``_PAIRED``). A Scottish pair ("FOISA and the
    EISRs") still says the reply is Scottish: it is kept as "FOISA"; "the Freedom of Information Act 2000 and Freedom
    of Information (Scotland) Act 2002" names both jurisdictions and so neither."""

    def keep(m: re.Match[str]) -> str:
        pair = m.group(0)
        both_acts = re.search(r"act", pair, re.I) and not re.search(r"environmental|\bEIS?Rs?\b", pair, re.I)
        if not both_acts and re.search(r"scotland|\bFOISA\b|\bEISRs?\b", pair, re.I):
            return " FOISA "
        return " "

    return _PAIRED.sub(keep, text)


REGIME_NAMES = {
    Regime.EISR: _EISR,
    Regime.EIR: _EIR,
    Regime.FOISA: _FOISA,
    Regime.FOIA: _FOIA,
}  # how a text names each regime, first match wins


def named_regime(text: str) -> Regime | None:
    """The regime a text names, if it names one: 'the Environmental Information (Scotland) Regulations' (EISR),
    'the Environmental Information Regulations' (EIR), 'the Freedom of Information (Scotland) Act' (FOISA), 'the
    Freedom of Information Act' (FOIA). A request's own words."""
    alone = _unpaired(text)
    return next((regime for regime, pattern in REGIME_NAMES.items() if pattern.search(alone)), None)


# what a letter relies on: a section of an Act other than s39 (which sends a request to the EIRs), or a regulation
_SECTION_RELIED = re.compile(r"\bsection\s+(?!39\b)\d+", re.I)
_REGULATION_CITED = re.compile(r"\breg(?:ulation)?s?\.?\s*\d+", re.I)


_FOISA_ACT = re.compile(r"freedom of information \(scotland\) act|\bFOISA\b", re.I)
# a regulation cited by its number ("regulation 16", "reg 10(4)(a)"), not the Regulations' year ("Regulations 2004")
_REGULATION_PROVISION = re.compile(r"\breg(?:ulation)?s?\.?\s*\d{1,2}\b", re.I)
_SCOTTISH_EXCEPTION = re.compile(r"\breg(?:ulation)?s?\.?\s*10\s?\((?:4|5|8)\)", re.I)


_EIR_REFERENCE = re.compile(r"\bEIR\s?[-/]?\s?\d")
_FOISA_PART = re.compile(
    r"\bsection\s+39\s*\(2\)[^.]{0,80}?\b(?:applied|applies|apply)\s+to\s+(?:items?|questions?|parts?|points?)\s+\d",
    re.I,
)
_FOISA_AND_REGULATION = re.compile(
    r"\bsection\s+(?!39\b)\d+(?:\(\w+\))*\s+of\s+(?:the\s+)?(?:FOISA|freedom\s+of\s+information\s+\(scotland\)\s+act"
    r"(?:\s+2002)?(?:\s*\([^)]{0,12}\))?)\s+and\s+(?:under\s+)?reg(?:ulation)?s?\.?\s*\d",
    re.I,
)


def _scottish_eir(text: str) -> bool:
    """An EIR reply from a Scottish authority: it names the Scottish Act or Commissioner, or cites a reg 10(4)/(5)
    exception, and not the English Regulations' own exception (reg 12(4)/(5))."""
    return bool(_FOISA.search(text) or _SCOTTISH_EXCEPTION.search(text)) and not re.search(
        r"\breg(?:ulation)?s?\.?\s*12\s?\((?:4|5)\)", text, re.I
    )


def _regime(text: str, meta: dict, authority: str | None = None) -> Regime:
    """The Act a letter answers under: the one it names, else its authority's. A Scottish authority answers under
    FOISA whatever Act it names or its requester named ("This is a request ... under the Freedom of Information Act
    2000"), and many of its short published replies name none: 40 of the 128 tuning letters labelled FOISA read as
    FOIA so; its environmental replies are under the Scottish Regulations (EISR), whichever EIRs they name."""
    if meta.get("regime") in {r.value for r in Regime}:
        return Regime(meta["regime"])
    # a regime named only beside another ("FOI/EIR request", "the Freedom of Information Act 2000/Environmental
    # Information Regulations 2004") names neither: the reply's own words, its citations and its authority decide
    paired_eir = bool(_EIR.search(text) or _EISR.search(text))
    text = _unpaired(text)
    named_eir = (
        _EISR.search(text)
        or _EIR.search(text)
        or re.search(r"regulation 12\(", text, re.I)
        # named only beside FOI, but a regulation is cited: the reply relies on the Regulations
        or (paired_eir and _REGULATION_PROVISION.search(text))
        # the case logged as an EIR request ("Case reference EIR2024/01849", "EIR 1716", "EIR-16-1587")
        or _EIR_REFERENCE.search(text)
    )
    # 'FOI and EIRs statistics' named in passing does not make a reply that relies only on sections an EIR reply
    if named_eir and not (_SECTION_RELIED.search(text) and not _REGULATION_CITED.search(text)):
        # a Scottish authority answers under its own Regulations: named, or the EIRs with the Scottish Act or
        # Commissioner, or their exceptions (reg 10; the EIR 2004's reg 10 is a transfer, never cited in a refusal)
        if not (_EISR.search(text) or _scottish_eir(text) or scottish(authority)):
            return Regime.EIR
        # "subject to FOISA and the EISR" in a reply that cites no regulation, and does not apply FOISA s39(2) to
        # answer under the Regulations instead, is a FOISA reply naming both
        if (
            _FOISA_ACT.search(text)
            and not _REGULATION_PROVISION.search(text)
            and not re.search(r"\b(?:section|s\.?)\s*39\b", text, re.I)
        ):
            return Regime.FOISA
        # the Regulations for part of the request only ("section 39(2) of the FOISA is being applied to items 11 and
        # 12"), or "not held" under both at once ("section 17 of FOISA and under Regulation 10(4)(a) of the EISRs"):
        # a FOISA reply that covers the environmental part too
        if _FOISA_PART.search(text) or _FOISA_AND_REGULATION.search(text):
            return Regime.FOISA
        return Regime.EISR
    if _FOISA.search(text) or scottish(authority):
        return Regime.FOISA
    return Regime.FOIA
