"""The Draft page's Regime selector and clock under the Environmental Information (Scotland) Regulations (stop 36):
a Scottish authority's environmental request is counted on Scotland's calendar, with the reg 7 extension."""

from __future__ import annotations

from tests.ui.test_app_draft import _with_precedents
from tests.ui.test_cases import LONG_AGO, _run


def test_the_draft_page_offers_the_eisr_with_scotlands_calendar_and_the_reg_7_extension(app_test):
    at = _with_precedents(app_test)
    assert "EISR" in at.selectbox(key="draft.regime").options
    at.date_input(key="draft.received").set_value(LONG_AGO)
    at.selectbox(key="draft.regime").set_value("EISR")
    _run(at)
    assert at.selectbox(key="draft.nation").value == "scotland"
    assert at.selectbox(key="draft.extension").options == ["none", "complex and voluminous (EIR reg 7)"]
    at.selectbox(key="draft.extension").set_value("eir-complex")
    _run(at)
    notice = next(c.value for c in at.code if "regulation 7(1)" in c.value)
    assert "Environmental Information (Scotland) Regulations 2004" in notice
    at.selectbox(key="draft.nation").set_value("england")
    _run(at)
    assert any("apply to Scottish public authorities" in e.value for e in at.error)
