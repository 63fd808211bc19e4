"""One profile per regime, read alike by the reader, the checker and drafting; the checker's statutory rules
follow the letter's own Act (FOISA and EIR letters get their own checks, not none)."""

from __future__ import annotations

from foi_precedent.consistency.flags import statutory_flags
from foi_precedent.drafting.letter import FORMS
from foi_precedent.letters.exemptions import rule_table_for
from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.regimes import profile, profiles

CLOSE = (
    "Complaint rights\nIf you are dissatisfied you may ask for a review, then apply to the Commissioner.\n"
)


def kinds(text: str) -> dict[str, str]:
    return {f.kind: f.message for f in statutory_flags(parse_text(text))}


def test_every_regime_has_a_profile_and_an_exemption_table():
    assert set(profiles()) == {"FOIA", "FOISA", "EIR", "EISR"}  # EISR: the Scottish EIRs (stop 36)
    for name, p in profiles().items():
        assert rule_table_for(name).exemptions, name
        assert FORMS[name].accessible == p.otherwise_accessible  # drafting reads the same fact
    assert profile(None).regime == "FOIA"
    assert profile("EIR").cost_limit is None  # reg 12(4)(b) instead


def test_foisa_letter_is_checked_with_the_foisa_table_and_told_of_section_16():
    text = (
        "Freedom of Information (Scotland) Act 2002 request\nRequest\n1. Copies of the review.\nResponse\n"
        "1. This information is exempt under section 30(b)(i) of the Act.\n" + CLOSE
    )
    flags = kinds(text)
    # s30 of FOISA (prejudice to the conduct of public affairs) is qualified: a public interest test is needed
    assert "missing_public_interest_test" in flags
    assert (
        "missing_refusal_notice" not in flags
    )  # it refuses and names its exemption: a notice by what it does


def test_foisa_refusal_notice_message_names_section_16():
    text = (
        "Freedom of Information (Scotland) Act 2002\nRequest\n1. Copies of the review.\nResponse\n"
        "1. This is withheld.\n" + CLOSE
    )
    assert "section 16 refusal notice" in kinds(text)["missing_refusal_notice"]


def test_eir_exception_without_a_public_interest_test_is_flagged():
    text = (
        "Environmental Information Regulations 2004 request\nRequest\n1. Enforcement correspondence.\nResponse\n"
        "1. The information is exempt under regulation 12(5)(b), the course of justice.\n" + CLOSE
    )
    flags = kinds(text)
    assert "missing_public_interest_test" in flags and "reg12(5)(b)" in flags["missing_public_interest_test"]


def test_s30_and_s31_is_a_foia_rule_only():
    body = (
        "Request\n1. Copies of the report.\nResponse\n1. Withheld under section 30(1)(a) and section 31(1)(a); "
        "disclosure would be likely to prejudice law enforcement. The public interest balance favours withholding.\n"
        + CLOSE
    )
    assert "s30_and_s31" in kinds("Freedom of Information Act 2000\n" + body)
    assert "s30_and_s31" not in kinds("Freedom of Information (Scotland) Act 2002\n" + body)


def test_reader_treats_each_regime_s_published_information_section_as_a_pointer():
    foisa = parse_text(
        "Freedom of Information (Scotland) Act 2002\nRequest\n1. Your policy.\nResponse\n"
        "1. This is exempt under section 25(1) as it is published at https://example.scot/policy.\n"
    )
    assert {t.value for t in foisa.questions[0].treatments} == {"public_domain"}


def test_a_foisa_letter_citing_its_review_section_applies_no_exemption():
    """FOISA s21 is the authority's review, s17 the notice that information is not held: neither is an exemption
    (FOIA's s21 is one)."""
    text = (
        "Freedom of Information (Scotland) Act 2002\nRequest\n1. All legal advice on the case.\nResponse\n"
        "1. In accordance with section 21(4) of FOISA, I have reached a decision on your request. Answering it "
        "would exceed the upper cost limit of £600 under section 12.\n"
    )
    letter = parse_text(text)
    assert letter.exemptions == ("s12",)
    assert letter.questions[0].exemptions == ("s12",)
    assert profile("FOISA").applies("s38") and not profile("FOISA").applies("s21")
    assert profile("FOIA").applies("s21") and profile("FOIA").applies("s22A")


LATE = (
    "Date: {sent}\nThank you for your request for information received on {received}.\nRequest\n1. How many "
    "drones does the force own?\nResponse\n1. The force owns 4 drones.{extra}\n" + CLOSE
)


def test_a_reply_dated_after_its_due_date_is_flagged():
    # received Tue 2 January 2024: the 20th working day after it is Tue 30 January 2024 (no bank holidays between)
    late = parse_text(LATE.format(sent="31 January 2024", received="2 January 2024", extra=""))
    assert late.received.isoformat() == "2024-01-02" and not late.extension_notice
    message = {f.kind: f.message for f in statutory_flags(late)}["past_due_date"]
    assert "30 January 2024" in message and "no notice of an extension" in message
    on_time = parse_text(LATE.format(sent="30 January 2024", received="2 January 2024", extra=""))
    assert "past_due_date" not in {f.kind for f in statutory_flags(on_time)}


def test_a_notified_public_interest_extension_moves_the_due_date():
    extended = parse_text(
        LATE.format(
            sent="20 February 2024",
            received="2 January 2024",
            extra=" We extended the time to consider the public interest under section 10(3).",
        )
    )
    assert extended.extension_notice
    assert "past_due_date" not in {
        f.kind for f in statutory_flags(extended)
    }  # due 27 February 2024 with 20 more


def test_a_reply_relying_on_sections_is_not_an_eir_reply_for_naming_the_eirs_in_passing():
    from foi_precedent.letters.model import Regime

    foisa = (
        "Dear Requester,\n\nYour request: how many FOI requests did you receive?\n\n"
        "The costs of locating the information would exceed the upper cost limit of £600. Under section 12 of "
        "FOISA we are not required to comply. You may find the Commissioner's 'Tips for requesting information "
        "under FOI and the EIRs' helpful.\n\nYours sincerely,\nFOI Unit"
    )
    assert parse_text(foisa).regime is Regime.FOISA
    eir = (
        "Dear Requester,\n\nYour request: the flood defence reports.\n\nWe have dealt with your request under "
        "the EIRs, so it is exempt under section 39(2) of FOISA. The information is withheld under regulation "
        "10(4)(e).\n\nYours sincerely,\nFOI Unit"
    )
    assert parse_text(eir).regime is Regime.EISR  # the Scottish EIRs (FOISA s39(2), reg 10(4)(e)): stop 36
