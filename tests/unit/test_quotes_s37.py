"""A draft quotes a precedent's answer as the checker does (stop 37): one function, ``quotes.quote_answer``.

Drafting quoted 400 characters from the sentence citing a planned exemption, and from the answer's start when none
did: for a letter read whole as one answer, its letterhead and greeting ("Dear ATISN ... Thank you for your
request"). It now quotes the sentence citing the planned exemption (however the precedent writes the citation),
else the sentence carrying the precedent's treatment, with the chrome left out, as the checker quotes it."""

from __future__ import annotations

from types import SimpleNamespace

from foi_precedent.consistency import quotes
from foi_precedent.consistency.quotes import LIMIT, quote_answer
from foi_precedent.drafting import letter as drafting_letter
from foi_precedent.drafting.letter import reasons_block
from foi_precedent.drafting.plan import Plan
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_draft
from foi_precedent.letters.precedent import Precedent
from tests.builders import question_plan

WH, NCND = Treatment.WITHHELD, Treatment.NCND

# a letter read whole as one answer: its letterhead, greeting and the request quoted back before the reply
WHOLE = (
    "Information Rights Unit\nCathays Park\nCardiff\n12 March 2024\n"
    "Dear Requester\n"
    "ATISN 16387\n"
    "Thank you for your request which I received on 14 February 2024.\n"
    "You asked: Could you please provide the names of the officials who attended the meeting?\n"
    "I have considered your request and the names of junior officials are withheld. This information is exempt "
    "under section 40(2) of the Freedom of Information Act 2000 because disclosing it would breach the data "
    "protection principles.\n"
    "Yours sincerely\n"
)
NOTTS = (
    "Our Ref: 003253/15 Freedom of Information Section Nottinghamshire Police HQ Sherwood Lodge, Arnold "
    "Nottingham NG5 8PP Tel: 101 Ext 800 2507 11 June 2015 Request under the Freedom of Information Act 2000 "
    "(FOIA) I write in connection with your request for information, which was received by Nottinghamshire "
    "Police on 15/05/2015. "
)
NCND_SENTENCE = (
    "Nottinghamshire Police can neither confirm nor deny that it holds any information pertinent to this request "
    "as the duty in Section 1(1)(a) does not apply by virtue of the following exemptions: Section 40(5) Personal "
    "Information, Section 30(3) Investigations."
)


def test_the_sentence_citing_the_planned_exemption_is_quoted_without_the_letterhead():
    quote = quote_answer(WHOLE, [WH], exemptions=("s40(2)",))
    assert quote.startswith("This information is exempt under section 40(2)")
    for chrome in ("Cardiff", "Dear", "ATISN", "Thank you", "Could you please", "Yours"):
        assert chrome not in quote
    # the old drafting quote began with the letterhead: "Information Rights Unit Cathays Park Cardiff ..."


def test_a_citation_is_found_however_the_precedent_writes_it_and_not_by_a_number_it_begins_with():
    answer = NOTTS + "Section 3 of the Act defines a public authority. " + NCND_SENTENCE + " Harm. " * 60
    assert quote_answer(answer, [NCND], exemptions=("s30(3)",)) == NCND_SENTENCE
    assert quote_answer(answer, [NCND], exemptions=("s3",)).startswith("Section 3 of the Act")
    written = (
        "Some names were removed. They are exempt under s.40 (2) of the FOIA. " + "More words here. " * 30
    )
    assert (
        quote_answer(written, [WH], exemptions=("s40(2)",)) == "They are exempt under s.40 (2) of the FOIA."
    )
    eir = "The report is attached. Two pages are excepted under Regulation 12(5)(e) of the EIR. " * 5
    assert quote_answer(eir, [WH], exemptions=("reg12(5)(e)",)).startswith("Two pages are excepted")


def test_without_a_planned_citation_the_sentence_carrying_the_treatment_is_quoted():
    answer = WHOLE.replace("section 40(2)", "the data protection exemption")
    quote = quote_answer(answer, [WH], exemptions=("s40(2)",))
    assert quote.startswith("I have considered your request and the names of junior officials are withheld")
    assert "Dear" not in quote and "Cardiff" not in quote


def test_a_sentence_wrapped_over_lines_is_quoted_whole():
    """FOI-1530259 (DHSC): a PDF's lines cut the sentence citing s36 at "under section 36 of"."""
    answer = (
        "Dear Mr Wheatley,\nThank you for your request dated 3 September to the Department of Health and Social\n"
        "Care (DHSC).\nDHSC holds information relevant to your request.\n"
        "However, we believe that this information is exempt from disclosure under section 36 of\n"
        "the FOIA which provides an exemption for information whose disclosure would, or would\n"
        "be likely to, prejudice the effective conduct of public affairs.\n"
        "We can confirm that in this case, a qualified person has provided such an opinion.\n" * 3
    )
    assert quote_answer(answer, [WH], exemptions=("s36(2)(b)(i)",)) == (
        "However, we believe that this information is exempt from disclosure under section 36 of the FOIA which "
        "provides an exemption for information whose disclosure would, or would be likely to, prejudice the "
        "effective conduct of public affairs."
    )
    # a list's items are not run together: "a) ..." and "s30(b)(ii) - ..." begin items, not a wrapped sentence
    listed = quotes.passages(
        "We hold:\na) the policy\nb) the minutes\ns30(b)(i) - advice\ns30(b)(ii) - views"
    )
    assert listed == [
        "We hold:",
        "a) the policy",
        "b) the minutes",
        "s30(b)(i) - advice",
        "s30(b)(ii) - views",
    ]


def test_an_item_of_a_list_is_quoted_with_the_sentence_introducing_it():
    # hastings-bc-cyber-attacks-s31-foi220446 5: the bullet alone does not say what it lists
    hastings = (
        "Request Refused\nNotice of Refusal\nDisclosure of information relating to ICT security constitutes a "
        "security risk as it would leave the Council's computer assets more vulnerable to a malicious hacking "
        "attack.\nThis means that disclosure would:\n• Make the Council more vulnerable to crime (Section 31)\n"
        "• Risk harming the systems on which the day-to-day business of the Council relies (Section 43)"
    )
    assert quote_answer(hastings, [WH], exemptions=("s31",)) == (
        "This means that disclosure would: • Make the Council more vulnerable to crime (Section 31)"
    )
    assert quote_answer(hastings, [WH], exemptions=("s43",)) == (
        "This means that disclosure would: • Risk harming the systems on which the day-to-day business of the "
        "Council relies (Section 43)"
    )
    # sg-visitscotland-meeting-minutes-202400406729: exemptions listed by citation under their heading
    scotgov = (
        "I enclose a copy of the information you requested.\n"
        "Exemptions under the following sections of FOISA applies to some of the information you have requested:\n"
        "s30(b)(i) - Substantial inhibition to free and frank provision of advice\n"
        "s30(b)(ii) - Substantial inhibition to free and frank exchange of views\n"
        "These exemptions are subject to the 'public interest test'. " + "We have weighed it. " * 20
    )
    assert quote_answer(scotgov, [Treatment.PARTLY_DISCLOSED], exemptions=("s30(b)(i)",)) == (
        "Exemptions under the following sections of FOISA applies to some of the information you have requested: "
        "s30(b)(i) - Substantial inhibition to free and frank provision of advice"
    )


def test_a_heading_citing_the_exemption_is_quoted_with_what_introduces_it_and_what_it_introduces():
    """uhb-cyber-attacks-4024 Q4: the first passage citing s31 is a heading, "Section 31 (1) (a) Law enforcement -
    the prevention or detection of crime:", which alone says neither how the question was answered nor why."""
    uhb = (
        "The Trust can neither confirm nor deny whether we hold the information you have requested for the "
        "following reasons:\nSection 31 (1) (a) Law enforcement - the prevention or detection of crime:\n"
        "Disclosure of this information would be likely to prejudice the prevention or detection of crime.\n"
        "Section 31(3) of the Act recognises the need to exclude the duty to confirm or deny. " * 3
    )
    assert quote_answer(uhb, [NCND], exemptions=("s31(3)", "s31(1)(a)")) == (
        "The Trust can neither confirm nor deny whether we hold the information you have requested for the "
        "following reasons: Section 31 (1) (a) Law enforcement - the prevention or detection of crime: Disclosure "
        "of this information would be likely to prejudice the prevention or detection of crime."
    )


def test_a_long_sentence_is_cut_between_words():
    sentence = "The information is exempt under section 43(2) " + "because of commercial harm " * 30 + "."
    quote = quote_answer("Dear Sir\n" + sentence + " Thanks.", [WH], exemptions=("s43(2)",))
    assert quote.endswith("…") and len(quote) <= LIMIT + 1
    assert sentence.startswith(quote[:-1]) and sentence[len(quote) - 1] == " "  # not inside a word
    assert quote_answer("We hold no   such records. ", [Treatment.NOT_HELD]) == "We hold no such records."


def _plan_quoting(answer: str, exemptions: tuple[str, ...]) -> list[str]:
    """``reasons_block`` for one withheld question whose precedent's letter the index no longer holds, so the draft
    asks for the reasons and quotes the precedent's answer."""
    source = Precedent(
        reference="ATISN 16387",
        label="Q2",
        authority="Welsh Government",
        date=None,
        year=None,
        question="Who attended?",
        answer=answer,
        treatments=(WH,),
        exemptions=exemptions,
        pointers=(),
    )
    q = question_plan("Q1", (WH,), exemptions, consensus=SimpleNamespace(agreeing=[source], dissenting=[]))

    class NoLetters:
        def letter(self, reference):
            raise KeyError(reference)

    return reasons_block(Plan((q,)), NoLetters())  # type: ignore[arg-type]


def test_a_draft_quotes_the_precedent_as_the_checker_does():
    lines = _plan_quoting(WHOLE, ("s40(2)",))
    assert lines[0].startswith("[REASONS NEEDED for Q1")
    (quoted,) = [line for line in lines if line.startswith("[Precedent (ATISN 16387 Q2) answered:")]
    assert '"This information is exempt under section 40(2) of the Freedom of Information Act 2000' in quoted
    assert "Cardiff" not in quoted and "Dear" not in quoted
    # the quote is the precedent's, not the draft's: the checker does not read its citation as the draft's own
    draft = "Dear Requester,\n\n" + quoted + "\n\nQ1 - Who attended?\nThe information is not held.\n"
    assert "s40(2)" not in parse_draft(draft, source="draft").exemptions
    # one function: drafting's own 400-character quote is gone
    assert drafting_letter.quote_answer is quotes.quote_answer
    assert not hasattr(drafting_letter, "quoted_answer")
