"""A known Scottish authority is answered under FOISA (or the Scottish EIRs) even with none of its own letters among
the precedents found: the browser QA pass drafted a request to the Scottish Ambulance Service under FOIA, with the
ICO as the complaint route, from other bodies' letters."""

from __future__ import annotations

import pytest

from foi_precedent.drafting.plan import authority_regime, plan_regime
from tests.unit.test_draft_qa_s36 import _precedent


@pytest.mark.parametrize(
    "authority", ["Scottish Ambulance Service", "Scottish Qualifications Authority", "Police Scotland"]
)
def test_a_scottish_authority_with_no_letters_found_answers_under_foisa(authority):
    others = [_precedent(f"english-{i}", "FOIA", "Other Council") for i in range(5)]
    assert authority_regime(others, authority) == "FOISA"
    assert plan_regime(authority_regime(others, authority), None) == "FOISA"
    assert plan_regime(authority_regime(others, authority), "EIR") == "EISR"  # its environmental replies


def test_its_own_letters_misread_as_foia_do_not_make_it_english():
    misread = [_precedent(f"sas-{i}", "FOIA", "Scottish Ambulance Service") for i in range(6)]
    assert authority_regime(misread, "Scottish Ambulance Service") == "FOISA"


def test_an_authority_not_known_to_be_scottish_is_unchanged():
    others = [_precedent(f"english-{i}", "FOIA", "Other Council") for i in range(5)]
    assert authority_regime(others, "Barnet Council") is None
    assert authority_regime(others, "Scotland Office") is None  # a UK department
