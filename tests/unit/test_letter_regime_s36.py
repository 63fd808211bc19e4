"""A letter naming no Act of its own answers under its authority's: a Scottish authority's under FOISA (QA at stop 36
on moray-planning-enforcement-breaches; rules/scottish_authorities.yaml, foi_precedent/letters/header.py)."""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.regimes import scottish

SHORT_REPLY = """1) How many planning applications were lodged with the authority over the last 3 years?
Response 12-12-2013
1. 2639
"""


@pytest.mark.parametrize(
    ("authority", "regime"),
    [
        ("Moray Council", "FOISA"),  # moray-planning-enforcement-breaches: a published reply naming no Act
        ("NHS Grampian", "FOISA"),
        ("Police Scotland", "FOISA"),
        ("Scottish Ambulance Service", "FOISA"),
        ("Dundee and Angus College", "FOISA"),
        ("Scotland Office", "FOIA"),  # a UK department named after Scotland
        ("Wokingham Borough Council", "FOIA"),
        (None, "FOIA"),
    ],
)
def test_a_letter_naming_no_act_answers_under_its_authoritys(authority, regime):
    meta = {"authority": authority} if authority else {}
    assert parse_text(SHORT_REPLY, source="letter.txt", front_matter=meta).regime.value == regime


def test_a_scottish_authority_answers_under_foisa_whatever_act_the_request_named_and_eisr_for_the_environment():
    named_foia = (
        "This is a request for information under the Freedom of Information Act 2000.\n" + SHORT_REPLY
    )
    meta = {"authority": "Moray Council"}
    assert parse_text(named_foia, source="letter.txt", front_matter=meta).regime.value == "FOISA"
    eir = (
        SHORT_REPLY
        + "Regulation 10(4)(a) of the Environmental Information (Scotland) Regulations 2004 applies.\n"
    )
    assert parse_text(eir, source="letter.txt", front_matter=meta).regime.value == "EISR"  # Scotland's own EIRs
    english = SHORT_REPLY + "Regulation 12(4)(a) of the Environmental Information Regulations 2004 applies.\n"
    assert parse_text(english, source="letter.txt", front_matter=meta).regime.value == "EISR"  # a Scottish body's
    meta_english = {"authority": "Wokingham Borough Council"}
    assert parse_text(english, source="letter.txt", front_matter=meta_english).regime.value == "EIR"
    # (the Scottish Regulations named as what the authority is subject to, none cited: not an EIR reply)
    subject = SHORT_REPLY + (
        "As a Scottish public authority, NHS Shetland is subject to the Freedom of Information (Scotland) Act 2002 and"
        " the Environmental Information (Scotland) Regulations 2004 (EISR).\n"
    )
    assert parse_text(subject, source="letter.txt").regime.value == "FOISA"
    # the authority the reader finds in the letter's own words counts as one given with it
    assert parse_text("Moray Council\n" + SHORT_REPLY, source="letter.txt").regime.value == "FOISA"


def test_the_names_are_data_and_uk_bodies_named_after_scotland_are_not_scottish():
    assert scottish("The Highland Council") and scottish("NHS 24") and scottish("VisitScotland")
    assert not scottish("Office of the Advocate General for Scotland")
    assert not scottish("Hertfordshire County Council") and not scottish(None)
