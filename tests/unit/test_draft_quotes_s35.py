"""What a draft quotes of a precedent, and what the checker reads of a draft (stop 35).

A real letter read whole is one answer from its letterhead on; quoted from its start, the officer saw "Our Ref:
... Tel: 101 ..." under "REASONS NEEDED". And the draft's quotes are other letters' words: their dates and
citations are not the draft's."""

from __future__ import annotations

from foi_precedent.consistency.quotes import LIMIT, quote_answer
from foi_precedent.drafting.letter import PARTLY_UNDECIDED_LETTER
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_draft
from tests.builders import question_plan

LETTERHEAD = (
    "Our Ref: 003253/15 Freedom of Information Section Nottinghamshire Police HQ Sherwood Lodge, Arnold "
    "Nottingham NG5 8PP Tel: 101 Ext 800 2507 11 June 2015 Request under the Freedom of Information Act 2000 "
    "(FOIA) I write in connection with your request for information, which was received by Nottinghamshire "
    "Police on 15/05/2015. Following receipt of your request searches were conducted with the relevant "
    "departments. "
)
NCND = (
    "Nottinghamshire Police can neither confirm nor deny that it holds any information pertinent to this request "
    "as the duty in Section 1(1)(a) does not apply by virtue of the following exemptions: Section 40(5) Personal "
    "Information, Section 30(3) Investigations. "
)


def test_a_long_answer_is_quoted_from_the_sentence_citing_a_planned_exemption():
    """Since stop 37 the draft quotes as the checker does (``quotes.quote_answer``, tests/unit/test_quotes_s37.py):
    the one sentence citing a planned exemption, not 400 characters from it."""
    answer = LETTERHEAD + NCND + "Harm in confirming or denying. " * 20
    quote = quote_answer(answer, (Treatment.NCND,), exemptions=("s30(3)", "s40(5)"))
    assert quote == NCND.strip()


def test_a_citation_of_another_number_is_not_the_planned_one():
    answer = LETTERHEAD + "Section 3 of the Act defines a public authority. " + NCND * 3
    assert quote_answer(answer, (), exemptions=("s30(3)",)).startswith("Nottinghamshire Police can neither")
    assert quote_answer(answer, (), exemptions=("s3",)).startswith("Section 3 of the Act")


def test_a_short_answer_or_one_citing_nothing_planned_is_quoted_from_its_start():
    assert (
        quote_answer("  We hold no   such records. ", (), exemptions=("s40(2)",))
        == "We hold no such records."
    )
    quote = quote_answer(LETTERHEAD * 3, (), exemptions=("s43(2)",))
    assert quote.startswith("Our Ref: 003253/15") and quote.endswith("…") and len(quote) <= LIMIT + 1


DRAFT = """Freedom of information request reference no: [REFERENCE]

Dear Requester,

I note you seek access to the following information:
Q1 - How many de-arrests were made last year?

I have today decided not to disclose the requested information.

Reason for decision
[REASONS NEEDED for Q1: the officer must say why Section 30(3) applies to this information, with the test the Act requires for it.]
[Precedent (003253/15 Q2) answered: "Our Ref: 003253/15 11 June 2015 your request for information, which was received on 4 February 2014. This information is exempt under Section 43(2) and Section 21."]

Disclosure
Q1 - How many de-arrests were made last year?
The force can neither confirm nor deny that it holds the information by virtue of Section 30(3).
"""


def test_the_checker_does_not_read_a_quoted_precedent_as_the_drafts_own_words():
    letter = parse_draft(DRAFT, source="precedent-only draft")
    assert letter.date is None and letter.received is None  # the quote's dates
    assert "s43(2)" not in letter.exemptions and "s21" not in letter.exemptions  # the quote's citations
    assert "s30(3)" in letter.exemptions
    # the same text with the quote as the draft's own words: read as the letter's (what the checker saw before)
    own = parse_draft(DRAFT.replace('[Precedent (003253/15 Q2) answered: "', "").replace('"]', ""), "draft")
    assert own.date is not None or "s43(2)" in own.exemptions


def test_a_cost_or_vexatious_refusal_is_listed_once_in_the_refusal_notice():
    """Real letters read s12 and s14(1) as a precedent's exemptions: the notice listed "Section 12" and then its own
    "Section 12 Exemption where cost of compliance ..." line (a real request's draft, stop 35)."""
    from foi_precedent.drafting.letter import decision_lines
    from foi_precedent.drafting.plan import Plan
    from foi_precedent.letters.model import Treatment

    qs = (
        question_plan("Q1", (Treatment.COST_LIMIT,), ("s12",)),
        question_plan("Q2", (Treatment.VEXATIOUS,), ("s14(1)",)),
        question_plan("Q3", (Treatment.WITHHELD,), ("s40(2)",)),
    )
    for regime in ("FOIA", "FOISA"):
        lines = decision_lines(Plan(qs, regime=regime))
        assert sum(line.startswith("Section 12") for line in lines) == 1, lines
        assert sum(line.startswith("Section 14") for line in lines) == 1, lines
        assert any(line.startswith("Section 40(2)") for line in lines)


def test_the_complaint_route_in_the_authoritys_own_voice_agrees():
    """A draft with no authority named speaks as "us": the FOISA text read "the way in which us has dealt"."""
    from foi_precedent.drafting.letter import EIR_FORM, FOIA_FORM, FOISA_FORM, complaint_rights

    assert "in which we have dealt with your request" in complaint_rights(None, FOISA_FORM)
    assert "in which Police Scotland has dealt" in complaint_rights("Police Scotland", FOISA_FORM)
    assert "require us to review our decision" in complaint_rights(None, FOIA_FORM)
    assert "require the Home Office to review their decision" in complaint_rights("Home Office", FOIA_FORM)
    assert "you may ask us for a reconsideration" in complaint_rights(None, EIR_FORM)
    for form in (FOIA_FORM, FOISA_FORM, EIR_FORM):
        assert "{" not in complaint_rights(None, form) and " us has " not in complaint_rights(None, form)


def test_a_question_left_to_the_officer_gets_no_reasons_and_no_refusal():
    """A split precedent is the officer's to decide: the letter says it discloses what it answers, so a "Reason for
    decision" for the undecided question's exemptions contradicted it (a real Scottish request's draft, stop 35)."""
    from dataclasses import replace

    from foi_precedent.drafting.letter import decision_lines, reasons_block
    from foi_precedent.drafting.plan import Plan
    from foi_precedent.letters.model import Treatment

    split = replace(
        question_plan("Q1", (Treatment.WITHHELD,), ("s38(1)(b)",)), needs_decision=True, status="split"
    )
    shown = question_plan("Q2", (Treatment.DISCLOSED,), ())
    plan = Plan((split, shown), regime="FOISA")
    assert reasons_block(plan, index=None) == []
    assert decision_lines(plan) == [
        "I have today decided to disclose the information held, as set out below.",
        PARTLY_UNDECIDED_LETTER,  # the decision covers only the answer written in
    ]
    thin = replace(split, status="thin")  # one precedent's answer, offered to confirm: it is in the letter
    assert any("REASONS NEEDED for Q1" in line for line in reasons_block(Plan((thin, shown)), index=None))


def test_a_model_answer_without_the_officers_slot_has_invented_what_goes_there():
    from foi_precedent.drafting.compose import dropped_slots
    from foi_precedent.drafting.letter import OFFICER_INFO

    required = [f"The information requested is as follows: {OFFICER_INFO}"]
    assert dropped_slots(["The force owns 6 drones."], required) == [OFFICER_INFO]
    assert (
        dropped_slots(
            [f"The information requested is as follows: {OFFICER_INFO}", "We hope this helps."], required
        )
        == []
    )
    assert dropped_slots(["This information is not held."], ["This information is not held."]) == []


def test_a_model_that_writes_its_prompt_back_has_written_nothing():
    """SmolLM2 answered a real request's Q1 with "SECTION TO WRITE: Q1 / PLAN (decided from precedent; follow it
    exactly):", which the letter took as the answer (stop 35)."""
    from foi_precedent.drafting.draft import draft_reply
    from foi_precedent.drafting.prompts import load_prompt
    from foi_precedent.models.fake import FakeChatModel
    from tests.fakes import MemoryIndex
    from tests.unit.test_drafting_draft import FIVE, MPS, SEED

    echoes = load_prompt("draft_reply/v4").echoes
    assert "SECTION TO WRITE:" in echoes and "PLAN (decided from precedent; follow it exactly):" in echoes
    echo = FakeChatModel(
        "SECTION TO WRITE: Q2\n\nPLAN (decided from precedent; follow it exactly):\nQ2 - disclosed"
    )
    result = draft_reply(FIVE, MemoryIndex([SEED]), chat_model=echo, authority=MPS, audit=False)
    said = str(result.composition.answers if result.composition is not None else result.fallback_reason)
    assert "its prompt back" in said, said
    assert "SECTION TO WRITE" not in result.draft and "PLAN (decided" not in result.draft
