"""The reader on layouts published replies use: no labels, bullets, prose decisions, runs of answers.

Each rule is shown on a real letter of the tuning part of the development set (never a held-back one) or on
a short text in the same shape.
"""

from __future__ import annotations

import pytest

from evals.holdout import is_held_back
from foi_precedent.errors import LetterError
from foi_precedent.letters import learned
from foi_precedent.letters.answers import TAKEN_FROM_LEARNED
from foi_precedent.letters.model import CONFIDENT, Treatment
from foi_precedent.letters.parser import parse_file, parse_text
from tests.conftest import ROOT

REAL = ROOT / "evals" / "real_letters" / "letters"


def real(path: str):
    file = REAL / path
    assert not is_held_back(file.stem), "tests use only the tuning part of the real set"
    return parse_file(file)


def treatments(q) -> set[str]:
    return {t.value for t in q.treatments}


def test_whole_request_refused_on_cost_gives_every_question_the_cost_refusal():
    letter = real("police/swp-taser-spray-65625.txt")
    assert [q.label for q in letter.questions] == ["1a", "1b", "2a"]
    for q in letter.questions:
        assert treatments(q) == {"cost_limit"}
        assert q.exemptions == ("s12",)
        assert "Section 12" in q.evidence
        assert 0 < q.confidence < 1  # read from the response as a whole, not from its own answer
    assert letter.refusal_notice


def test_questions_listed_before_the_response_heading_are_the_request():
    letter = real("council/hastings-empty-council-properties.txt")
    got = {q.label: (treatments(q), q.exemptions) for q in letter.questions}
    assert got["1a"] == ({"disclosed"}, ())
    assert got["1b"] == ({"withheld"}, ("s43",))
    assert got["3b"] == ({"not_held"}, ())
    assert "How many residential properties" in letter.question("1a").text


def test_unlabelled_request_with_a_prose_decision_is_one_question_not_refused():
    text = """Freedom of Information request FOI-123
You asked for:
Copies of all invoices paid to Acme Ltd in 2023.
Response
Unfortunately, on this occasion I find that complying with your request would exceed the appropriate limit.
The cost of locating and extracting the information is estimated at 40 hours.
"""
    letter = parse_text(text)
    assert len(letter.questions) == 1
    q = letter.questions[0]
    assert treatments(q) == {"cost_limit"}
    assert q.exemptions == ("s12",)  # no section named: the cost refusal still rests on s12
    assert "appropriate limit" in q.evidence


def test_bullets_of_a_request_are_its_questions():
    text = """Your request:
- How many fixed penalty notices were issued in 2022?
- How many were paid?
Our response
Please find attached a spreadsheet giving the figures requested.
"""
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "How many fixed penalty notices were issued in 2022?",
        "How many were paid?",
    ]
    assert all(treatments(q) == {"disclosed"} for q in letter.questions)


def test_one_answer_to_a_run_of_questions():
    text = """Request:
1) Full name of the officer
2) The date of the hearing
Response 1 - 2 :
We are withholding this information under Section 40(2) - Personal information.
"""
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert all(treatments(q) == {"withheld"} for q in letter.questions)
    assert all(q.exemptions == ("s40(2)",) for q in letter.questions)


def test_complaint_rights_boilerplate_is_not_an_exemption_the_letter_applied():
    text = """Request
1. How many drones does the council own?
Response
1. The council owns 3 drones.
If you are dissatisfied you may ask for an internal review. If we are relying on a claim that section 12 or
section 14 applies, you may complain to the Information Commissioner.
"""
    letter = parse_text(text)
    assert letter.exemptions == ()
    assert not letter.refusal_notice
    assert treatments(letter.questions[0]) == {"disclosed"}


def test_a_refusal_notice_is_known_by_what_it_does():
    text = """Request
1. Names of the officers dismissed in 2023.
Response
1. This information is exempt under Section 40(2) of the Act as it is personal data.
"""
    assert parse_text(text).refusal_notice  # no "Section 17", but it refuses and names the provision


def test_other_always_says_why_and_is_marked_for_review():
    text = """Request
1. How many parking fines were issued?
2. How many were cancelled?
Response
1. 1,204 fines were issued in the period.
"""
    letter = parse_text(text)
    q2 = letter.question("2")
    assert q2.treatments == (Treatment.OTHER,)
    assert q2.review and "no answer found" in q2.review
    assert letter.needs_review
    assert letter.to_dict()["questions"][1]["review"] == q2.review


def test_whole_response_that_only_says_it_holds_is_not_a_disclosure():
    text = """You asked for the number of complaints about noise in 2021.
Response
I can confirm that the council holds this information. However it is exempt under Section 31(1)(a).
"""
    q = parse_text(text).questions[0]
    assert treatments(q) == {"withheld"}


def test_a_reply_whose_decision_is_not_recognised_is_read_for_review_not_refused():
    # a covering e-mail (the decision is in an attachment), or a decision worded as no rule knows: the letter is
    # about an information request, so it is read, as one question, `other`, marked for a person to read
    letter = parse_text(
        "Dear Ms Example\n"
        "Thank you for your Freedom of Information request of 3 May about the council's fleet.\n"
        "Our reply is in the document that comes with this message.\n"
        "Yours sincerely\nInformation Governance Team\n"
    )
    (q,) = letter.questions
    assert q.treatments == (Treatment.OTHER,)
    assert q.review and "no decision found" in q.review and q.confidence < 0.75
    assert letter.needs_review and not letter.exemptions


def test_text_with_no_question_and_no_decision_is_still_refused():
    with pytest.raises(LetterError, match="no recognisable questions and no decision"):
        parse_text("Minutes of the parish council meeting held in the village hall. Apologies were received.")


@pytest.mark.parametrize(
    ("path", "reference"),
    [
        ("council/hastings-empty-council-properties.txt", "FOIR-467384728"),  # "FOI request (FOIR-467384728)"
        (
            "government/police-scotland-immigration-detainees-2018.txt",
            "IM-FOI-2018-1421",
        ),  # "Our Ref: Date: IM-FOI-..."
        (
            "health-edu-reg/eeast-clinical-capacity-review-f16458.txt",
            "F16458",
        ),  # "reference F16458 and I would ..."
        ("police/avon-somerset-estates-575-21.txt", "575/21"),
    ],
)
def test_reference_is_the_token_with_a_number(path, reference):
    assert real(path).reference == reference


def test_a_reference_line_with_no_number_is_no_reference():
    letter = parse_text(
        "Our Ref:\nEnquiries to Information Governance\nRequest\n1. How many?\nResponse\n1. 12."
    )
    assert "Enquiries" not in letter.reference


def test_compressed_and_eir_citations():
    from foi_precedent.letters.exemptions import find_citations

    assert [c.text for c in find_citations("Section 31 (1)(g)(2)(a)(b)")] == [
        "s31(1)(g)",
        "s31(2)(a)",
        "s31(2)(b)",
    ]
    assert [c.text for c in find_citations("exempt under Exception 12(5)(b)")] == ["reg12(5)(b)"]
    assert [c.text for c in find_citations("Regulation 10(4)(a) of the EI(S)R") if c.is_exemption] == [
        "reg10(4)(a)"
    ]


def test_cost_refusal_rests_on_s12_even_unnamed():
    text = "Request\n1. All emails about parking.\nResponse\n1. Answering this would exceed the appropriate limit."
    q = parse_text(text).questions[0]
    assert treatments(q) == {"cost_limit"} and q.exemptions == ("s12",)


def test_a_cost_refusal_called_an_exemption_withholds_nothing_else():
    text = (
        "Request\n1. Details of every Taser use.\nResponse\n1. I am not obliged to supply the information. "
        "The following exemption applies: Section 12 - cost of compliance exceeds the appropriate limit."
    )
    q = parse_text(text).questions[0]
    assert treatments(q) == {"cost_limit"}


def test_lettered_request_items_in_a_letter_with_no_headings():
    text = (
        "This is a Freedom of Information request. I am requesting the following:\n"
        "a) Copies of all correspondence with the Inquiry in 2019.\n"
        "b) Have you received any notice about retaining documents?\n"
        "We can confirm that no correspondence is held. We have received one notice, which is attached.\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "Copies of all correspondence with the Inquiry in 2019.",
        "Have you received any notice about retaining documents?",
    ]


def test_a_street_number_range_in_a_letterhead_is_no_run_of_answers():
    text = (
        "DWP Central Freedom of Information Team\nCaxton House\n6-12 Tothill Street\nLondon\n"
        "You wrote:\nMay I request figures for the last 24 months of appeals?\nDWP Response\n"
        "We estimate that the cost of meeting your request would exceed the cost limit of £600.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1 and {t.value for t in letter.questions[0].treatments} == {"cost_limit"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 31(1)(a)(b)", ["s31(1)(a)", "s31(1)(b)"]),  # paragraphs in order are each cited
        ("Section 27(1)(a)(b)(c)(d)", ["s27(1)(a)", "s27(1)(b)", "s27(1)(c)", "s27(1)(d)"]),
        ("s31(2)(b)(i)", ["s31(2)(b)(i)"]),  # a sub-paragraph stays nested
        (
            "section 36(2)(b)(i) and (ii) and (c)",
            ["s36(2)(b)(i)", "s36(2)(b)(ii)", "s36(2)(c)"],
        ),  # each at its own level
    ],
)
def test_citation_paragraphs_and_levels(text, expected):
    from foi_precedent.letters.exemptions import find_citations

    assert [c.text for c in find_citations(text)] == expected


@pytest.mark.parametrize(
    "wording",
    [
        "exceeds the 'appropriate level' as stated in the Fees Regulations",
        "would exceed the 18-hour time limit",
        "it would exceed the fees limit",
    ],
)
def test_cost_refusals_in_other_words(wording):
    q = parse_text(
        f"Request\n1. Every email about the depot.\nResponse\n1. Answering this {wording}."
    ).questions[0]
    assert treatments(q) == {"cost_limit"}


def test_a_reply_that_lost_its_line_breaks_is_read_item_by_item():
    flat = (
        "OFFICIAL Our Ref: IM-FOI-2018-1421 Dear Sir, I refer to your recent request for information which has "
        "been handled in accordance with the Freedom of Information (Scotland) Act 2002. For ease of reference, your "
        "request is replicated below together with the response. 1. How many people were kept in police cells in "
        "2016/17? Having considered your request I am unable to provide a response as it would exceed the upper "
        "cost limit of £600 under section 12(1) of the Act. 2. What police stations were people held at? As above, "
        "finding this would exceed the upper cost limit of £600 under section 12(1) of the Act, so this is refused."
    )
    letter = parse_text(flat)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert letter.questions[0].text == "How many people were kept in police cells in 2016/17?"
    assert all(treatments(q) == {"cost_limit"} for q in letter.questions)


def test_request_numbers_without_a_stop_count_up_from_one():
    text = (
        "You asked for the following:\n1 How many people are wanted on arrest warrants?\n"
        "2 What is the longest time a suspect has been wanted?\nResponse\n"
        "To retrieve this information would exceed the cost limit of £450.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert all(treatments(q) == {"cost_limit"} for q in letter.questions)


def test_a_thread_s_request_is_what_the_requester_wrote_after_the_greeting():
    text = (
        "Dear NHS England,\nAre CCGs free to set their own salaries?\nWhat is the conclusion of the merger?\n"
        "Yours faithfully,\nA Requester\nDear Requester,\nThank you for your request. We would be grateful if "
        "you could clarify what recorded information you are seeking.\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "Are CCGs free to set their own salaries?",
        "What is the conclusion of the merger?",
    ]
    assert all(q.treatments == (Treatment.OTHER,) and "clarification" in q.review for q in letter.questions)


# --- questions listed, then one reply -------------------------------------------------------------


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("Please see attached for your response.", {"disclosed"}),
        (
            "Please see below for the exemption applied:\nSection 12 - Excess cost\nAnswering would exceed the 18-hour "
            "time limit, so Section 12(1) applies.",
            {"cost_limit"},
        ),
    ],
)
def test_a_reply_after_the_last_listed_question_answers_them_all(reply, expected):
    text = (
        "Children in care - disclosure log\n\n1. In the last 12 months\n How many children were in care?\n"
        " Foster care\n2. What was the average cost of a placement?\n3. How much were the five dearest "
        f"placements?\n\n{reply}\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert "How many children were in care?" in letter.questions[0].text
    assert all(treatments(q) == expected for q in letter.questions)


def test_a_question_with_its_own_answer_is_not_read_as_a_list_of_questions():
    text = (
        "Please can you send me:\n1) A copy of your road maintenance policy.\nThis can be viewed online at our "
        "Highway Safety Policy\n2) The repair history of the road, including:\n- dates of inspections\n"
        "We can confirm the following information: the inspections are listed in the attached table.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert "viewed online" in letter.questions[0].answer
    assert "attached table" not in letter.questions[0].answer


def test_a_we_answered_heading_starts_the_response():
    text = (
        "You asked\n\nDear TfL, please send me 1) the tender documents for route 240 and 2) the tender documents "
        "for route 292.\n\nWe answered\n\nI can confirm that we hold the information. However, providing it "
        "would exceed the appropriate limit of £450 under section 12 of the Act.\n"
    )
    letter = parse_text(text)
    assert treatments(letter.questions[0]) == {"cost_limit"}
    assert letter.questions[0].exemptions == ("s12",)


def test_a_decision_given_before_the_questions_it_answers():
    text = (
        "Request Number: FOI/1234\nRequest and Answer:\nWe can confirm that we hold the information you have "
        "requested, however the cost of complying with your request would exceed the appropriate costs limit "
        "under Section 12(2) of the Act.\nQuestion 1\nHow many SIM cards were lost?\nQuestion 2\nHow many SIM "
        "trays were broken?\nAnswer\nSection 17(5) of the Act requires the Service, when refusing a request,\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["Question 1", "Question 2"]
    assert all(treatments(q) == {"cost_limit"} and q.exemptions == ("s12(2)",) for q in letter.questions)


def test_part_headings_answer_the_parts_of_a_request():
    text = (
        "Request\n1) Who made the decision not to appeal?\n2) All communications about the case.\n"
        "3) All legal advice about the case.\nResponse\nPart 1\nThe decision was taken by the First Minister, "
        "as the attached note shows.\nPart 2 and Part 3\nLocating this would exceed the upper cost limit of "
        "£600 under section 12(1) of FOISA.\n"
    )
    letter = parse_text(text)
    got = {q.label: treatments(q) for q in letter.questions}
    assert got == {"1": {"disclosed"}, "2": {"cost_limit"}, "3": {"cost_limit"}}


def test_section_21_of_foisa_is_its_review_section_not_a_pointer():
    text = (
        "Request\n1. All legal advice on the case.\nResponse\n1. In accordance with section 21(4) of the Freedom "
        "of Information (Scotland) Act 2002, I have reviewed the handling of your request. Finding the advice "
        "would exceed the upper cost limit of £600.\n"
    )
    assert treatments(parse_text(text).questions[0]) == {"cost_limit"}


# --- treatment wording ----------------------------------------------------------------------------


def one_answer(answer: str, question: str = "How many depots do you run?"):
    return parse_text(f"Request\n1. {question}\nResponse\n1. {answer}\n").questions[0]


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("We don\u2019t hold that information.", {"not_held"}),
        ("The Council doesn't record this information.", {"not_held"}),
        (
            "We do not record these costs separately, so Regulation 10(4)(a) of the Environmental Information (Scotland) "
            "Regulations 2004 applies: information not held.",
            {"not_held"},
        ),
        ("Response (all information to be supplied) - application/pdf - Download", {"disclosed"}),
        ("In order to locate the information I require some further information from you.", {"other"}),
        ("We have no records of this.", {"not_held"}),
        ("No such data exists.", {"not_held"}),
        ("The information requested does not exist.", {"not_held"}),
        ("We do not collect this data.", {"not_held"}),
        ("There are no such documents.", {"not_held"}),
        ("Nil return.", {"disclosed"}),  # a count of none: the information (as labelled), not "not held"
        ("The Trust has not received any correspondence from the Inquiry to date.", {"not_held"}),
        ("I have enclosed a copy of the policy.", {"disclosed"}),
    ],
)
def test_treatment_wording_published_replies_use(answer, expected):
    assert treatments(one_answer(answer)) == expected


@pytest.mark.parametrize(
    "decision",
    [
        "Parts of this request are exempt by virtue of Section 40(2) Personal information.",
        "Please see Annex A for the manual. An exemption under section 40(2) applies to some of the information "
        "requested because it is personal data.",
    ],
)
def test_a_whole_response_that_refuses_some_of_it_is_a_partial_disclosure(decision):
    text = f"You asked for:\nAll emails between the press office and the newspaper.\nResponse\n{decision}\n"
    q = parse_text(text).questions[0]
    assert treatments(q) == {"partly_disclosed"}
    assert q.exemptions == ("s40(2)",)


@pytest.mark.parametrize(
    "answer",
    [
        "The Trust does not issue parking fines. It works with an enforcement company "
        "that is paid for each notice.",
        "The decision not to appeal was taken by the First Minister.",
    ],
)
def test_an_answer_that_states_a_fact_is_the_information(answer):
    q = one_answer(answer, "Who decided?")
    assert treatments(q) == {"disclosed"}
    assert q.review and "factual" in q.review  # a guess: a person checks it


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Do you use a real time reporting tool?", "A) Yes"),
        ("When does the contract end?", "A) 30th April 2020"),
        ("Who provides your Friends & Family Test, or is it done in-house?", "A) Healthcare Communications"),
        (
            "What capital expenditure has been utilised on drone technology?",
            "Approx 10k per annum cumulatively",
        ),
        ("Do you use your own UAVs or subcontract UAV services?", "We utilise our own Drones"),
        ("How many defibrillators are under the supervision of the council?", "Three."),
        ("Number of empty domestic properties the council is responsible for", "\u2022 Zero"),
        ("Does the council own a property company", "\u2022 No"),
        ("Are you planning to purchase a surgical robot in the next 18 months?", "Not at this time"),
        (
            "Please list the manufacturer and model of all surgical robots used in your trust?",
            "Intuitive/ Da Vinci X",
        ),
    ],
)
def test_a_short_answer_of_its_own_is_the_information(question, answer):
    q = one_answer(answer, question)
    assert treatments(q) == {"disclosed"}
    assert q.review and "factual" in q.review  # a guess: a person checks it


def test_the_information_in_an_annex_sent_with_the_reply_is_disclosed():
    q = one_answer(
        "Please see the Annex for the information requested.", "How many inspectors do you employ?"
    )
    assert treatments(q) == {"disclosed"} and not q.pointers


def test_an_appendix_giving_the_reasons_is_not_the_information():
    q = one_answer(
        "We are unable to provide you with the information requested as this is exempt by virtue of Section 40(2). "
        "Please see Appendix A, for the full legislative explanation.",
        "Please state the badge number of the officer.",
    )
    assert treatments(q) == {"withheld"}


def test_answers_after_the_question_mark_on_the_questions_own_line():
    letter = parse_text(
        "The information which I can provide is as follows:\n"
        "1. Which department is responsible for enforcing against Littering?\n"
        "Community Safety and Protection, Neighbourhood Services.\n"
        "2. Do you use a private company to enforce against Littering? No\n"
        "3. What is the full price of a Littering Fixed Penalty Notice (FPN)? \u00a380\n"
        "4. How many FPNs issued for Littering in 2018 were for smoking-related materials? This information is "
        "not recorded.\n"
    )
    got = [(q.text, q.answer, treatments(q)) for q in letter.questions]
    assert got[1:] == [
        ("Do you use a private company to enforce against Littering?", "No", {"disclosed"}),
        ("What is the full price of a Littering Fixed Penalty Notice (FPN)?", "\u00a380", {"disclosed"}),
        (
            "How many FPNs issued for Littering in 2018 were for smoking-related materials?",
            "This information is not recorded.",
            {"not_held"},
        ),
    ]


def test_a_forms_choices_after_the_question_mark_are_not_an_answer():
    letter = parse_text(
        "I would like to request the following information:\n"
        "1. Do you have a full-time officer dedicated to the climate emergency? Yes/No\n"
        "2. Do you have a professional tree officer? Yes/No\n"
        "The Freedom of Information Act is based on recorded information held by a local authority, it is not a "
        "tool to ask questions.\n"
    )
    assert [q.text.endswith("Yes/No") for q in letter.questions] == [True, True]
    assert all("disclosed" not in treatments(q) for q in letter.questions)


def test_a_request_restated_item_by_item_then_one_decision_answers_every_item():
    letter = parse_text(
        "Request\n"
        "1. A copy of your records retention schedule\n"
        "2. Confirmation of how many years you retain student transcripts\n"
        "Response\n"
        "Dear Ms Example,\n"
        "You requested details of:\n"
        "1. A copy of your records retention schedule\n"
        "2. Confirmation of how many years you retain student transcripts\n"
        "Your request is refused in accordance with s.21 FOIA, as the information is reasonably accessible by other "
        "means. The information is available on the university website.\n"
    )
    assert [treatments(q) for q in letter.questions] == [{"public_domain"}, {"public_domain"}]


def read_by_the_rules_as_other(answer: str, question: str = "How many depots do you run?") -> None:
    """The rules read the answer `other`; where the learned reader reads it otherwise in their place, the reading is
    marked for a person and stays below the flag line (``answers.below_the_line``)."""
    with learned.off():
        assert treatments(one_answer(answer, question)) == {"other"}
    q = one_answer(answer, question)
    if treatments(q) != {"other"}:
        assert q.review.startswith(TAKEN_FROM_LEARNED) and q.confidence < CONFIDENT


def test_an_answer_that_only_repeats_the_question_is_not_the_information():
    read_by_the_rules_as_other(
        "A copy of your records retention schedule", "A copy of your records retention schedule"
    )


def test_a_response_asking_the_requester_to_clarify_releases_nothing():
    q = parse_text(
        "You asked for:\nHow many Freedom of Information requests your department received in 2012.\nResponse\n"
        "I am writing to seek clarification of your request. Could you please confirm that you are asking for the "
        "number of requests received by the department alone? We can confirm that your request is being handled "
        "under the Act.\n"
    ).questions[0]
    assert treatments(q) == {"other"}
    assert q.review == "other: clarification"


def test_a_lead_that_asks_then_its_list_is_the_request_with_no_heading_to_say_so():
    letter = parse_text(
        "Reference FOI/25/344\nDescription Agency spend\n\n"
        "For the 3-month period ending 24th January 2025, can you please provide:\n\n"
        "- Total off-framework agency spend for nursing staff\n\n"
        "- Total hours filled by off-framework agencies\n\n"
        "- A list of agency suppliers with a day charge rate of over \u00a340\n\n"
        "  \u2022 0 off-framework within the last 3 months\n\n"
        "List of agency suppliers\nSection 43 \u2013 Commercial Interest\n"
        "Section 43(2) exempts information whose disclosure would, or would be likely to, prejudice the commercial "
        "interests of any person.\n"
    )
    assert [q.text for q in letter.questions] == [
        "Total off-framework agency spend for nursing staff",
        "Total hours filled by off-framework agencies",
        "A list of agency suppliers with a day charge rate of over \u00a340",
    ]


def test_headings_saved_as_list_entries_still_part_the_request_from_the_response():
    letter = parse_text(
        "- Reference\n- FOI 25-217\n- Information Requested\n"
        "Specifically, we are seeking information on the following types of incidents:\n"
        "- Miscommunication regarding the location of emergencies\n- Downgrading of calls\n"
        "- Response\n"
        "We have applied section 17 of the Act to your request, as information not held.\n"
    )
    assert [q.text for q in letter.questions] == [
        "Miscommunication regarding the location of emergencies",
        "Downgrading of calls",
    ]


def test_a_quoted_request_item_wrapped_over_lines_runs_on_to_its_closing_quotation_mark():
    letter = parse_text(
        "Your requests were as follows:\n"
        "1. \u201cI would like to know the national average time taken\n"
        "to respond to informal parking challenges?\n"
        "Also, what is the longest recorded response time?\u201d\n"
        "2. \u201cWhat is the total number of parking charge appeals over the last 12 months vs\n"
        "the total number of tickets issued?\n"
        "appeals were made and how many were successful?\u201d\n"
        "I can confirm that the Department does not hold this information.\n"
    )
    texts = [q.text for q in letter.questions]
    # (its "Also, what is ...?" asks something more: a question of its own, S5)
    assert texts[0].endswith("informal parking challenges?")
    assert texts[1] == "Also, what is the longest recorded response time?\u201d"
    # a wrapped line that starts "appeals ..." is the request going on, not the complaint-rights text starting
    assert any("appeals were made and how many were successful" in t for t in texts)


def test_bulleted_questions_above_the_response_are_answered_by_number():
    letter = parse_text(
        "FOI request (FOI-1)\nCCTV\nI would like the following questions answered. My questions are the following:\n"
        "- How many CCTV cameras are operated by the council\n"
        "- I'd like a list of their locations.\n"
        "Response\n"
        "Q1 - 96\n"
        "Q2 - I consider the locations to be exempt information under S31(1)(a) of the Act.\n"
    )
    got = [(q.text, treatments(q)) for q in letter.questions]
    assert got == [
        ("How many CCTV cameras are operated by the council", {"disclosed"}),
        ("I'd like a list of their locations.", {"withheld"}),
    ]


def test_a_list_whose_first_item_starts_inside_the_line_above_and_a_nil_return():
    letter = parse_text(
        "Initial Request:\n"
        "Can you please provide me with the following information in an excel file? 1) the number of fire dogs you "
        "had in service for each of the last five years\n"
        "2) The number of fire dogs injured in the line of duty for each of the last five years.\n"
        "Final Response:\n"
        "Essex Fire Service has never had any Fire Dogs.\n"
    )
    got = [(q.label, q.text[:22], treatments(q)) for q in letter.questions]
    assert got == [
        ("1", "the number of fire dog", {"disclosed"}),
        ("2", "The number of fire dog", {"disclosed"}),
    ]


def test_questions_hard_wrapped_over_lines_then_one_refusal_under_a_provision_heading():
    letter = parse_text(
        "Your information request and our response are set out below.\n"
        "1. How many healthy dogs reported on the lab form to have come from\n"
        "Romania have had a sample processed by yourself using\n"
        "at least the SAT and iELISA?\n"
        "2. Of these dogs how many tested positive on the SAT, how many tested positive on the\n"
        "iELISA, and how many tested positive on both?\n"
        "Section 12 \u2013 Cost\n"
        "The information you have requested is being withheld under Section 12 of the Freedom\n"
        "of Information Act 2000, as it would exceed the appropriate limit.\n"
    )
    assert [treatments(q) for q in letter.questions] == [{"cost_limit"}, {"cost_limit"}]
    assert letter.questions[0].text.endswith(
        "have had a sample processed by yourself using at least the SAT and iELISA?"
    )
    assert letter.questions[1].text.endswith("and how many tested positive on both?")


def test_a_reply_after_the_last_question_thanking_for_the_request_answers_every_question():
    letter = parse_text(
        "I would like to request the following information.\n\n"
        " 1. How many electric vehicle charging points did your council install?\n\n"
        " 2. What was the total cost of installing these charging points?\n\n"
        "Thank you for your Freedom of Information request detailed below. We have no electric vehicles and have "
        "not installed any charging points in the Borough, therefore the questions below are not applicable.\n"
    )
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"disclosed"}]
    assert letter.questions[1].text == "What was the total cost of installing these charging points?"


def test_requests_for_information_by_number_then_answered_under_the_same_labels_and_a_listed_run():
    letter = parse_text(
        "Information requested\n"
        "Request for information 1:\nThe number of complaints received about visits to premises.\n"
        "Request for information 2:\nThe total number of visits to premises since 2019.\n"
        "Request for information 3:\nThe number of visits made without prior notice.\n"
        "Request for information 4:\nThe number of times surveillance was authorised since 2019.\n"
        "Request for information 1:\nZero complaints have been received about visits to premises.\n"
        "Request for information 2, 3 and 4:\n"
        "An exemption under section 35(1)(a) of FOISA applies to the information you have requested.\n"
    )
    got = [(q.label, treatments(q)) for q in letter.questions]
    assert got == [
        ("Request 1", {"disclosed"}),
        ("Request 2", {"withheld"}),
        ("Request 3", {"withheld"}),
        ("Request 4", {"withheld"}),
    ]


def test_the_figures_of_a_cost_estimate_are_not_a_disclosure():
    q = one_answer(
        "In this instance the costs of locating and retrieving the information requested would exceed the upper cost "
        "limit of \u00a3600. This would require manual interrogation of over 1,300 decisions.",
        "How many requests has the agency made for statements of reasons?",
    )
    assert treatments(q) == {"cost_limit"}


def test_see_above_is_the_answer_above_and_not_held_in_other_words():
    letter = parse_text(
        "Request\n1. How many bonfires did you attend in 2009?\n2. Breakdown by area of the above.\n"
        "3. How much did you contribute to bonfire schemes?\n4. How many staff hours are spent on gritting?\n"
        "Response\n1. We attended 80 bonfires in 2009.\n2. See above.\n"
        "3. No record of these is held at headquarters.\n4. This is not measured.\n"
    )
    got = [(treatments(q), q.review) for q in letter.questions]
    assert got[0][0] == got[1][0] == {"disclosed"} and got[1][1] == "read as the answer above it: check it"
    assert got[2][0] == got[3][0] == {"not_held"}


def test_unanswered_is_no_answer_or_no_wording_not_every_other_reason_starting_no():
    from foi_precedent.letters import decision

    assert decision.unanswered("other: no answer found for this question")
    assert decision.unanswered("other: no treatment wording found")
    # (the passage answering "all other questions" once took "other: not_foi" for unanswered, by its prefix)
    assert not decision.unanswered("other: not_foi") and not decision.unanswered(None)


def test_a_name_answers_only_a_question_asking_for_one():
    read_by_the_rules_as_other("Healthcare Communications", "How many depots do you run?")


@pytest.mark.parametrize(
    "answer",
    [
        "We cannot answer on behalf of the Police and Crime Commissioner.",
        "The Freedom of Information Act is based on recorded information, it is not a tool to ask questions.",
        "Foster care",
    ],
)
def test_an_answer_that_declines_explains_the_act_or_states_nothing_is_not_a_disclosure(answer):
    read_by_the_rules_as_other(answer)


# --- a refusal that names the questions it refuses --------------------------------------------------


def test_a_refusal_that_names_its_question_applies_to_that_question_only():
    text = (
        "Request\n1. How many drones does the force own?\n2. What are the force's plans for drones in covert "
        "surveillance?\n3. What policies cover drones?\nResponse\nPlease find our response attached.\n\nREASONS "
        "FOR DECISION\nThis letter represents a Refusal Notice for question 2. We neither confirm nor deny that "
        "any relevant data are held by virtue of the following exemptions:\nSection 24(2) National Security\n"
        "Section 31(3) Law Enforcement\nThese exemptions are explained here:\nhttps://example.org/exemptions\n"
        "Section 24 is a prejudice based qualified exemption and the public interest test is attached.\n"
    )
    got = {q.label: (treatments(q), q.exemptions) for q in parse_text(text).questions}
    assert got["2"] == ({"ncnd"}, ("s24(2)", "s31(3)"))
    assert got["1"] == got["3"] == ({"disclosed"}, ())


def test_a_refusal_naming_a_list_of_questions_leaves_the_others_alone():
    text = (
        "Request\nQuestion 1. How many cases were recorded?\nQuestion 2. How many were proven?\nQuestion 3. Is "
        "there a policy on it?\nOur response:\nPlease find our policy attached.\nThe information on cases and "
        "outcomes (Questions 1 and 2) is withheld under Section 40(2) as it is personal information.\n"
    )
    got = {q.label: (treatments(q), q.exemptions) for q in parse_text(text).questions}
    assert got["Question 1"] == got["Question 2"]
    assert got["Question 1"][1] == ("s40(2)",)
    assert got["Question 3"] == ({"disclosed"}, ())


def test_the_last_entry_of_a_breakdown_that_closes_the_question_stays_with_it():
    text = (
        "Request\n- How many times was a Taser fired in the periods:\na) 2018/19\nb) 2019/20\nc) 2020/21?\n"
        "- In what number or percentage of those discharges, as a separate figure for each year, did the person "
        "have:\na) mental health problems\nb) a weapon?\nResponse\n"
        "Providing this would exceed the appropriate limit, so Section 12 applies.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 2
    assert "How many times was a Taser fired" in letter.questions[0].text
    assert letter.questions[0].text.endswith("c) 2020/21?")
    assert letter.questions[1].text.endswith("b) a weapon?")


def test_an_answer_labelled_for_a_question_the_request_did_not_label_is_an_answer():
    text = (
        "Requested 24 October 2019. Do you have figures for the number of trees you manage?\n"
        "2. How many trees were felled?\nResponse\nQ1 - Information not held\nQ2 -\n2016 - 2017 = 316\n"
    )
    letter = parse_text(text)
    q1 = next(q for q in letter.questions if q.label == "Q1")
    assert treatments(q1) == {"not_held"}
    assert q1.answer == "Information not held"
    assert treatments(letter.question("2")) == {"disclosed"}


@pytest.mark.parametrize(
    "release",
    [
        "Please refer to the attached document.",
        "I attach the figures requested.",
        "The salaries have been released in £10,000 bands.",
    ],
)
def test_a_whole_response_that_releases_and_withholds_is_a_partial_disclosure(release):
    text = (
        f"Your request:\nThe salaries of the senior team.\nResponse\n{release}\nThe names of junior staff are "
        "withheld under section 40(2) as personal data.\n"
    )
    assert treatments(parse_text(text).questions[0]) == {"partly_disclosed"}


def test_answers_given_as_bullets_before_the_first_numbered_one_answer_the_questions_in_order():
    text = (
        "Your request\n1. The number of requests received;\n2. The number answered on time;\n3. The number "
        "answered late.\nOur response\n- During this period we received a total of 6508 requests\n- Performance "
        "is reported to committee; the minutes are on our website.\n3. Answering this would exceed the cost "
        "limit under s12 FOIA.\n12. \u2014 (1) Section 1(1) does not oblige a public authority to comply with a "
        "request if the cost would exceed the appropriate limit.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]  # the Act quoted is no question 12
    assert "6508" in letter.question("1").answer
    assert treatments(letter.question("1")) == {"disclosed"}
    assert treatments(letter.question("3")) == {"cost_limit"}


def test_the_numbers_in_a_link_are_not_figures_given():
    q = one_answer(
        "Performance is reported to committee twice yearly; the reports are already in the public "
        "domain.\nhttps://moderngov.example.gov.uk/ieListMeetings.aspx?CommitteeId=115"
    )
    assert treatments(q) == {"public_domain"}


def test_closing_text_that_points_to_the_act_is_no_pointer():
    q = one_answer(
        "The force does ask complainants for consent.\nA full copy of the Freedom of Information Act (2000) "
        "can be viewed on the Office of Public Sector Information web-site; http://www.opsi.gov.uk/\n"
        "The force is not responsible for the content of the website referenced.",
        "Do you ask for consent?",
    )
    assert q.pointers == ()
    assert "public_domain" not in treatments(q)


def test_a_number_alone_on_its_line_labels_the_answer_below_it():
    text = (
        "Request\n1. The cost of clearing fly-tipping.\n2. The number of fly-tipping cases.\nResponse\n1.\n"
        "We do not record these costs separately: information not held.\n2.\n171 cases were reported.\n"
    )
    letter = parse_text(text)
    assert treatments(letter.question("1")) == {"not_held"}
    assert treatments(letter.question("2")) == {"disclosed"}
    assert "171" in letter.question("2").answer


def test_a_response_to_your_request_heading_after_questions_numbered_without_stops():
    text = (
        "I write in connection with your request, in which you sought access to the following information:\n\n"
        "1 How many people are wanted on arrest warrants?\n\n2 What is the longest time a suspect has been wanted?"
        "\n\nResponse to your Request\n\nTo retrieve all the information you have requested would exceed the cost "
        "limit of £450.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert all(treatments(q) == {"cost_limit"} and q.exemptions == ("s12",) for q in letter.questions)


@pytest.mark.parametrize(
    "heading",
    [
        "Response 15-07-2024",
        "I can now respond as follows:",
        "The University\u2019s response was as follows:",
        "Outcome",
    ],
)
def test_response_headings_published_replies_use(heading):
    text = (
        f"FOI request - fly-tipping\n1. The cost of clearing fly-tipping.\n2. The number of cases.\n{heading}\n"
        "1. We do not record these costs: information not held.\n2. 171 cases were reported.\n"
    )
    letter = parse_text(text)
    assert treatments(letter.question("1")) == {"not_held"}
    assert treatments(letter.question("2")) == {"disclosed"}
    assert "fly-tipping" in letter.question("1").text


def test_a_question_that_lists_what_it_asks_for_answered_item_by_item():
    text = (
        "Request\n1. A copy of the latest enforcement report.\n2. If the report is exempt, please provide at "
        "minimum:\n- The total number of live cases\n- The number of new cases\n- Any policy updates in the "
        "report\nResponse\n1. The report is exempt under Regulation 12(5)(b) of the Environmental Information "
        "Regulations.\n2. As follows:\n- 117.\n- 58.\n- The Council does not hold this information.\n"
    )
    letter = parse_text(text)
    got = [(q.text, treatments(q)) for q in letter.questions]
    assert got == [
        ("A copy of the latest enforcement report.", {"withheld"}),
        ("The total number of live cases", {"disclosed"}),
        ("The number of new cases", {"disclosed"}),
        ("Any policy updates in the report", {"not_held"}),
    ]


def test_a_list_under_a_question_answered_as_a_whole_stays_one_question():
    text = (
        "Request\n1. Please provide, for 2022:\n- the number of stops\n- the number of arrests\nResponse\n"
        "1. Please see the attached spreadsheet.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1"]
    assert treatments(letter.questions[0]) == {"disclosed"}


def test_an_answer_that_only_refers_to_another_reads_as_that_answer():
    text = (
        "Request\n1. The number of requests received.\n2. The number of requests answered late.\nResponse\n"
        "1. See answer and table in Q2 below\n2. 1,204 requests were received and 37 were answered late.\n"
        "The annual figures are publicly available at https://www.example.gov.uk/foi-statistics\n"
    )
    letter = parse_text(text)
    assert (
        treatments(letter.question("1")) == treatments(letter.question("2")) == {"disclosed", "public_domain"}
    )


def test_section_39_cited_to_answer_under_the_eir_is_no_refusal():
    text = (
        "Request\n1. A full list of all rail track locations.\nResponse\n1. Please find attached a spreadsheet "
        "that contains the information you have requested. Section 39 of the Freedom of Information Act "
        "exempts environmental information from the Act, so we have answered under the EIR.\n"
    )
    q = parse_text(text).questions[0]
    assert treatments(q) == {"disclosed"}
    assert q.exemptions == ()


def test_questions_asked_and_answered_in_turn_without_labels():
    text = (
        "FOI reference 123/23\nThe force arrested a girl at her home last week.\n"
        "Please state the exact reason for the arrest.\nPlease note that this information is readily available "
        "in the public domain via a press release from the force.\nPleases state what police station she was "
        "taken to.\nThe force is unable to provide the information requested as this is exempt by virtue of "
        "Section 30(1)(a).\nPlease see Appendix A for the full explanation.\nPlease state the badge number of the "
        "officer.\nThe force is unable to provide the information requested as this is exempt by virtue of "
        "Section 40(2) - Personal Information.\nPlease can you state the law and sect\n"
    )
    letter = parse_text(text)
    got = [(q.text[:30], treatments(q), q.exemptions) for q in letter.questions]
    assert got[:3] == [
        ("Please state the exact reason ", {"public_domain"}, ()),
        ("Pleases state what police stat", {"withheld"}, ("s30(1)(a)",)),
        ("Please state the badge number ", {"withheld"}, ("s40(2)",)),
    ]
    assert len(letter.questions) == 4  # the last, cut off, has no answer


def test_a_table_of_answers_whose_header_names_the_questions():
    text = (
        "Request:\n1) Name of the officer\n2) Date of the hearing\n3) Outcome of the hearing\nResponse 1 - 3:\n"
        "We hold the information. However, some of it is withheld under Section 40(2) - Personal information.\n"
        "|\nName (Q1) |\nHearing date (Q2) |\nOutcome (Q3) |\n|\nS40(2) applies |\n12/03/2023 |\n"
        "Final Written Warning |\n|\nS40(2) applies |\n04/05/2023 |\nDismissal |\n"
    )
    letter = parse_text(text)
    got = {q.label: (treatments(q), q.exemptions) for q in letter.questions}
    assert got == {"1": ({"withheld"}, ("s40(2)",)), "2": ({"disclosed"}, ()), "3": ({"disclosed"}, ())}
    assert letter.question("3").answer == "Final Written Warning\nDismissal"


def test_a_refusal_in_a_whole_response_that_names_an_item_by_its_words_applies_to_that_item_only():
    text = (
        "Freedom of Information Request 22/01/123\nI write in response to your request for information under the "
        "Freedom of Information Act 2000\n(FOIA) received on 3 May 2022:\n"
        "Where can a stolen bicycle be reported to in the county .\n"
        "How many bicycles have been reported stolen from railway stations in\nthe county since 2015.\n"
        "Do you have a bicycle marking scheme.\nResponse\n"
        "Stolen bicycles can be reported online via the force website or by calling 101.\n"
        "The force runs a bicycle marking scheme at events across the county.\n"
        "The question concerning how many bicycles have been reported stolen from railway stations has\n"
        "engaged an exemption under Section 12(1)\nof the FOIA.\n"
        "Section 12 provides an exemption where the cost of compliance exceeds the appropriate limit. The\n"
        "Fees Regulations set the limit at 18 hours.\n"
    )
    letter = parse_text(text)
    got = [(treatments(q), q.exemptions) for q in letter.questions]
    assert len(got) == 3
    assert got[1] == ({"cost_limit"}, ("s12(1)",))
    assert "cost_limit" not in got[0][0] | got[2][0]
    assert got[0][1] == got[2][1] == ()


def test_a_refusal_that_names_a_question_the_reader_did_not_find_is_not_every_items():
    text = (
        "Reference: 101/22\nRequest\n"
        "How many libraries were open at the start of 2012? Please provide the name of each.\n"
        "  \u2022 How many libraries have closed since 2012? Please provide the name of each.\n"
        "How many libraries are planned for closure? Please provide the name of each.\nResponse\n"
        "Please find attached our list of libraries as at the date of your request.\n"
        "With regards to question 2c, we have provided the opening hours of each building. I am not obliged to "
        "provide a further breakdown by virtue of the following exemptions:\n"
        "  \u2022 Section 38(1) \u2013 Health and safety\n  \u2022 Section 31(1) \u2013 Law enforcement\n"
        "Sections 38 and 31 are qualified exemptions and a public interest test is required.\nHarm\n"
        "Some buildings hold sensitive equipment that is not in the public domain.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 6  # each count and the list of what it counts (guide v2, S5d)
    for q in letter.questions:
        assert treatments(q) == {"disclosed"}
        assert q.exemptions == ()
    assert set(letter.exemptions) == {"s38(1)", "s31(1)"}  # still the letter's exemptions


def test_a_refusal_naming_its_questions_takes_its_explanation_with_it():
    text = (
        "Our ref FOI 24-001\nWe have considered your request for the following information:\n"
        "Question 1. How many complaints were made in each of the last three years?\n"
        "Question 2. How many complaints were upheld?\n"
        "Question 3. Do you publish a complaints policy?\nOur response:\n"
        "We regret that on this occasion it is not possible to provide the requested information.\n"
        "We can confirm that we hold information relating to the number of complaints made and upheld "
        "(Questions 1 and 2).\n"
        "We have determined that the cost of finding and assembling it would exceed the appropriate limit as "
        "defined by the Fees Regulations.\n"
    )
    letter = parse_text(text)
    assert [(treatments(q), q.exemptions) for q in letter.questions[:2]] == [({"cost_limit"}, ("s12",))] * 2
    assert letter.question("Question 3").exemptions == ()
    assert "cost_limit" not in treatments(letter.question("Question 3"))


def test_section_39_that_routes_the_request_to_the_eir_is_no_question_s_exemption():
    text = (
        "Information request and response under the Freedom of Information (Scotland) Act 2002\n"
        "Information requested\n- All documentation held on the ferry timetable review.\n"
        "- All documentation held on the harbour dredging programme.\nResponse\n"
        "As the information you have requested is 'environmental information' for the purposes of the "
        "Environmental Information (Scotland) Regulations 2004 (EIRs), we are required to deal with your request "
        "under those Regulations. We are applying the exemption at section 39(2) of the Freedom of Information "
        "(Scotland) Act 2002 (FOISA), so that we do not also have to deal with your request under FOISA.\n"
        "This exemption is subject to the 'public interest test'. The public interest lies in favour of "
        "upholding the exemption.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 2
    assert all(q.exemptions == () for q in letter.questions)


def test_the_cost_regulations_quoted_as_a_list_are_not_questions():
    text = (
        "Our Ref: FOI 1234\nDear Requester,\nThank you for your information request received 7 May 2023.\n"
        "Unfortunately, on this occasion I find the request to be exempt by virtue of Section 12 of\n"
        "the FOIA; the cost of compliance exceeds the appropriate limit.\n"
        "In estimating the cost of complying with a request for information, the council can take into\n"
        "account any reasonable costs incurred in:\n\u201c(a) determining whether it holds the information,\n"
        "(b) locating the information, or a document which may contain the information,\n"
        "(c) retrieving the information, or a document which may contain the information,\nand\n"
        "(d) extracting the information from a document containing it\u201d.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert treatments(letter.questions[0]) == {"cost_limit"}
    assert letter.questions[0].exemptions == ("s12",)


def test_lines_of_a_wrapped_reply_that_start_with_an_asking_word_are_not_questions():
    text = (
        "Our Reference: FOI2023/01234\nDear Requester,\n"
        "Thank you for your emails of 3 May, in which you ask for information regarding vehicle inspections\n"
        "across the fleet. Your request has been handled under the Freedom of Information Act 2000 (FOIA).\n"
        "Section 12 of the FOIA makes provision for public authorities to refuse requests for information where\n"
        "the cost of dealing with them would exceed the appropriate limit, which for central government is set\n"
        "at \u00a3600. This represents the estimated cost of one person spending 3.5 working days in determining\n"
        "whether the department holds the information, locating, retrieving and extracting the information.\n"
        "You may wish to refine your request. Please note that a refined request will be treated as a new one and\n"
        "any refinement will be considered afresh.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert treatments(letter.questions[0]) == {"cost_limit"}


def test_a_request_named_in_a_sentence_that_runs_over_the_line_is_one_question():
    text = (
        "Our ref: RFI 2001\nDear Mr Jones\n"
        "Thank you for your request for all documents relating to the inspection and repair of\n"
        "the harbour wall, together with all records of that inspection, which we received on\n"
        "15 October 2022. Your request has been considered under the Environmental Information Regulations 2004.\n"
        "Please find all information we hold in scope of your request in the attached file.\n"
        "Names and contact details have been withheld under regulation 13 which relates to personal\n"
        "information.\nThe following questions should be taken into account:\n"
        "Would the disclosure cause unnecessary or unjustified distress to the person concerned?\n"
        "Would the third party expect that their information might be disclosed to others?\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert "all documents relating to the inspection" in letter.questions[0].text


def test_a_question_about_the_authority_s_own_refusals_is_answered_not_refused():
    text = (
        "Request\n1. How many requests did you classify as vexatious in each year since 2018?\n"
        "2. Please provide a list of how often each exemption was used in 2023.\nResponse\n"
        "1. In 2019: 3 requests were considered vexatious. No further details of these are held.\n"
        "2. In 2023 the following exemptions were applied: section 40(2) = 41, section 31(1)(a) = 12, "
        "section 43(2) = 5.\n"
    )
    letter = parse_text(text)
    q1, q2 = letter.questions
    assert "vexatious" not in treatments(q1) and q1.exemptions == ()
    assert treatments(q2) == {"disclosed"}
    assert q2.exemptions == ()


def test_the_act_s_conditions_quoted_as_a_numbered_list_are_not_questions():
    text = (
        "Reference Number: 2040\nRequest\nI am writing to request a copy of the inspection report on the "
        "custody suite.\nResponse\nPlease see the attached redacted report.\n"
        "Some information has been redacted as it is personal data, Section 40(2).\n"
        "Section 40(2) Any information to which a request for information relates is also exempt information if -\n"
        "(a) it constitutes personal data which does not fall within subsection (1), and\n"
        "(b) either the first or the second condition below is satisfied\n"
        "(3) The first condition is:-\n(a) that the disclosure would contravene any of the data protection "
        "principles\n(4) The second condition is that the data subject would not be entitled to it\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    q = letter.questions[0]
    assert treatments(q) == {"partly_disclosed"}
    assert q.exemptions == ("s40(2)",)


def test_a_general_exemptions_block_after_the_answers_applies_to_the_refused_answers_only():
    text = (
        "Request\n1. How many officers were assaulted in 2022?\n2. Please provide the names of the officers "
        "assaulted.\n3. How many of them were injured?\nResponse\n1. 345 officers were assaulted in 2022.\n"
        "2. This information is withheld.\n3. We can confirm that 120 of the officers assaulted were injured "
        "during the year.\nExemptions applied\nSection 40(2) - Personal information\n"
        "Section 31(1)(a) - Law enforcement\n"
    )
    got = {q.label: (treatments(q), q.exemptions) for q in parse_text(text).questions}
    assert got == {
        "1": ({"disclosed"}, ()),
        "2": ({"withheld"}, ("s40(2)", "s31(1)(a)")),
        "3": ({"disclosed"}, ()),
    }


def test_a_whole_response_that_refuses_part_and_releases_the_rest_reads_as_both():
    text = (
        "Request\n- How many times was a baton drawn in each year since 2015?\n"
        "- In how many of those was the baton used?\nResponse\n"
        "Our data are not organised in a way that allows us to provide all of this information within the "
        "cost limit, as data for 2015/16 would need a manual review.\n"
        "We can provide the information requested for the remaining years. Please see attached document.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 2
    for q in letter.questions:
        assert treatments(q) == {"cost_limit", "disclosed"}
        assert q.exemptions == ("s12",)


def test_a_whole_response_that_confirms_nothing_more_than_it_releases_reads_as_both():
    text = (
        "Request\n- Please tell me how many burglaries were reported on 25 December 2022.\n"
        "- Please provide the same figures for 25 December 2021.\nResponse\n"
        "Our analyst provided the enclosed spreadsheet in response to your request.\n"
        "The force can neither confirm nor deny that it holds any other information relevant to your request "
        "by virtue of Section 31(3).\n"
    )
    for q in parse_text(text).questions:
        assert treatments(q) == {"disclosed", "ncnd"}


def test_a_whole_response_that_refuses_on_cost_and_describes_what_it_holds_is_a_refusal_only():
    text = (
        "Request\n- How many fines were issued in each ward?\n- How many were paid?\nResponse\n"
        "We can confirm that the information is held. However, to provide it would exceed the appropriate limit "
        "under Section 12. Please find below some advice on narrowing your request.\n"
    )
    for q in parse_text(text).questions:
        assert treatments(q) == {"cost_limit"}


def test_a_pointer_for_a_part_the_reader_did_not_find_is_not_dropped_like_a_scoped_refusal():
    text = (
        "Request\n- How many times was a baton drawn in each year since 2015?\n"
        "- In how many of those was the baton used?\nResponse\n"
        "Our data are not organised in a way that allows us to provide all of this information within the "
        "cost limit, as data for 2015/16 would need a manual review.\n"
        "Use of force statistics for question 1a) - c) are published on the Home Office website at "
        "https://www.gov.uk/government/collections/police-use-of-force-statistics\n"
    )
    letter = parse_text(text)
    assert any(p.url and "police-use-of-force" in p.url for p in letter.questions[0].pointers)


def test_a_question_restated_as_the_heading_of_its_answer_keeps_its_refusal_to_itself():
    # A whole response that repeats each question above its answer, without the number the request gave it: the
    # exemption under one restated question is not every question's.
    text = (
        "Reference: 24/0911\nRequest\n"
        "1. How many parking fines were issued at the hospital car park in 2023?\n"
        "2. How many parking fines were cancelled on appeal in 2023?\n"
        "3. Please provide the contract signed with the parking enforcement company.\n"
        "Response\n"
        "Parking fines issued at the hospital car park in 2023, and cancelled on appeal\n"
        "Issued - 4,210\nCancelled - 388\n"
        "Contract signed with the parking enforcement company\n"
        "Section 43(2) Commercial interests\n"
        "Disclosure of the contract would be likely to prejudice the commercial interests of the company.\n"
    )
    letter = parse_text(text)
    got = [(treatments(q), q.exemptions) for q in letter.questions]
    assert len(got) == 3
    assert got[2] == ({"withheld"}, ("s43(2)",))
    assert got[0][1] == got[1][1] == ()


def test_questions_restated_one_under_another_share_the_answer_below_them():
    text = (
        "Reference: 24/0912\nRequest\n"
        "a. The dates on which the council sought legal advice on the bridge closure,\n"
        "b. The questions put to counsel about the bridge closure,\n"
        "c. The advice counsel gave on the bridge closure.\n"
        "Response\n"
        "a. The dates on which the council sought legal advice on the bridge closure\n"
        "Advice was sought on 3 March and 9 April 2024.\n"
        "b. The questions put to counsel about the bridge closure\n"
        "c. The advice counsel gave on the bridge closure\n"
        "This information is exempt under section 42(1) as it is subject to legal professional privilege.\n"
    )
    letter = parse_text(text)
    got = [(treatments(q), q.exemptions) for q in letter.questions]
    assert len(got) == 3
    assert got[1][1] == got[2][1] == ("s42(1)",)
    assert got[0][1] == ()


@pytest.mark.parametrize(
    "words",
    [
        "The Trust neither confirms nor denies that it holds the information you have asked for",
        "We are neither confirming nor denying that any such reports are held",
    ],
)
def test_neither_confirms_nor_denies_is_a_refusal_to_confirm_or_deny(words):
    text = (
        "Reference: 24/0913\nRequest\n"
        "Please provide any reports of covert surveillance carried out at the hospital in 2023.\n"
        "Response\n"
        f"{words}, by virtue of section 31(3) of the Freedom of Information Act 2000.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"ncnd"}]


def test_foisa_s39_applied_to_answer_under_the_eirs_withholds_nothing():
    text = (
        "Freedom of Information (Scotland) Act 2002\nOur ref: 2024-0914\nRequest\n"
        "Please provide the noise assessments for the proposed wind farm at Moss Hill.\n"
        "Response\n"
        "As the information you have requested is environmental information for the purposes of the "
        "Environmental Information (Scotland) Regulations 2004 (EIRs), we are required to deal with your request "
        "under those Regulations. We are applying the exemption at section 39(2) of FOISA, so that we do not also "
        "have to deal with your request under FOISA. This exemption is subject to the public interest test.\n"
        "The noise assessments are available online at https://www.example.gov.scot/moss-hill-noise.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"public_domain"}]
    assert letter.refusal_notice  # an exemption was applied, so the letter is a refusal notice


def test_a_question_about_the_authoritys_request_statistics_is_answered_by_its_figures():
    # the refusals an answer counts ("neither confirm nor deny", "section 40(2)") are what was asked for
    text = (
        "Reference: 24/0915\nRequest\n"
        "1. How many FOI requests did the council receive in 2023?\n"
        "2. How many FOI requests were refused in 2023, and under which sections?\n"
        "Response\n"
        "1. The council received 812 requests in 2023.\n"
        "2. 41 requests were refused under section 40(2), 9 under section 43(2), and for 12 requests we "
        "chose to neither confirm nor deny that the information was held.\n"
    )
    letter = parse_text(text)
    got = [(treatments(q), q.exemptions) for q in letter.questions]
    assert got == [({"disclosed"}, ()), ({"disclosed"}, ())]


def test_a_table_counting_the_provisions_used_is_not_a_citation():
    # a statistics table ("38(1)(b) Personal data = 9") counts how often each provision was used: the letter
    # relies only on the section its own answer cites, as written (a bare "section 25", not the table's 25(1))
    text = (
        "Freedom of Information (Scotland) Act 2002\nOur ref: 2025-0311\nRequest\n"
        "1. How many FOI requests did the council receive last year?\n"
        "2. How often was each exemption applied?\n"
        "Response\n"
        "The figures for last year are published on our website, so section 25 of the Freedom of Information "
        "(Scotland) Act 2002 applies. The figures for this month are below.\n"
        "1. This month we received 214 requests.\n"
        "2. This month the following exemptions were applied:\n"
        "S17 Information is not held = 12\n"
        "25(1) Otherwise accessible = 3\n"
        "Section 30(b)(i) - Free and frank provision of advice: 2\n"
        "| s33(1)(b) | Commercial interests | 4 |\n"
        "38(1)(b) Third party personal data = 9\n"
        "27(1) Future publication: 12 weeks = 1\n"
    )
    letter = parse_text(text)
    assert letter.exemptions == ("s25",)
    assert all(set(q.exemptions) <= {"s25"} for q in letter.questions)


def test_a_provision_goes_only_to_an_answer_whose_treatment_rests_on_it():
    # a request for clarification that mentions a provision in passing relies on none
    text = (
        "Reference: 25/0413\nRequest\n1. How many potholes were repaired in 2024?\n"
        "2. Please provide all correspondence about road maintenance.\nResponse\n"
        "1. 1,204 potholes were repaired in 2024.\n"
        "2. Could you please clarify which roads you mean? Some of the correspondence is already published, which "
        "would be exempt under section 21.\n"
    )
    letter = parse_text(text)
    assert [(treatments(q), q.exemptions) for q in letter.questions] == [({"disclosed"}, ()), ({"other"}, ())]


def test_foisa_provisions_are_read_with_the_foisa_table():
    # FOISA s38(2)(a)(i) is a condition of the personal data exemption, not FOIA's s38(2) neither confirm nor deny
    text = (
        "Freedom of Information (Scotland) Act 2002\nOur ref: 2025-0412\nRequest\n"
        "1. How many staff are in the senior management group?\n2. Please provide the salary of each of them.\n"
        "Response\n1. There are 9 members of the senior management group.\n"
        "2. The salaries are personal data and are withheld under section 38(1)(b) of FOISA, as the condition in "
        "section 38(2)(a)(i) is met.\n"
    )
    q2 = parse_text(text).questions[1]
    assert treatments(q2) == {"withheld"}
    assert q2.exemptions == ("s38(1)(b)", "s38(2)(a)(i)")
    assert q2.ncnd == ()


def test_a_refusal_naming_the_information_requested_by_its_words_applies_to_that_question_only():
    text = (
        "Reference: 25/0520\nRequest\n"
        "1. How many electric vehicle charging points does the council operate?\n"
        "2. Please provide all correspondence with suppliers concerning the faulty charging points at the leisure "
        "centre.\n"
        "Response\n"
        "The council operates 46 charging points, as shown in the attached table.\n"
        "The information you requested regarding correspondence with suppliers concerning the faulty charging points "
        "is exempt under section 43(2) of the Freedom of Information Act, as its release would prejudice the "
        "commercial interests of the council.\n"
    )
    q1, q2 = parse_text(text).questions
    assert (treatments(q1), q1.exemptions) == ({"disclosed"}, ())
    assert q2.exemptions == ("s43(2)",)


def test_notices_of_refusal_after_the_answers_are_not_part_of_the_last_answer():
    text = (
        "Reference: 25/0601\nRequest\n"
        "1. How many council homes are empty?\n"
        "2. What is the value of each empty council home?\n"
        "3. Please provide the address of each empty council home.\n"
        "Response\n"
        "1. 31\n"
        "2. Refused under Section 43, please see below.\n"
        "3. Refused under Section 31, please see below.\n"
        "NOTICE OF REFUSAL - SECTION 43\n"
        "The values are commercially sensitive and fall under Section 43 of the Freedom of Information Act.\n"
        "NOTICE OF REFUSAL - SECTION 31\n"
        "Publishing the addresses of empty homes would be likely to prejudice the prevention of crime, so Section 31 "
        "applies.\n"
    )
    assert [q.exemptions for q in parse_text(text).questions] == [(), ("s43",), ("s31",)]


def test_reasons_after_the_answers_go_to_the_refusals_they_name():
    # a decision, the answers under their questions' labels, then each provision's reasons under its heading: the
    # reasons are no part of the last answer, and each refusal that cites nothing takes the provision whose reasons
    # name it
    text = (
        "Our ref: 01/FOI/25/004567\nDear Sir\nFreedom of Information Request\nYou asked:\n"
        "1. How many officers were disciplined in 2024?\n2. The names of the officers disciplined.\n"
        "3. The cost of the misconduct hearings.\n4. The locations of the covert cameras used in the investigation.\n"
        "Decision\nI have today decided to disclose some of the requested information. Some information is exempt, "
        "and this letter is a refusal notice under section 17.\n"
        "Q1. 14 officers were disciplined in 2024.\nQ2. The names are withheld, see below.\n"
        "Q3. This information is not held.\nQ4. Withheld, see below.\n"
        "Section 40(2) - Personal Information\nThe names requested at question 2 are personal data. Disclosure would "
        "breach the data protection principles.\n"
        "Section 31(1)(a) - Law Enforcement\nThe camera locations requested at question 4 would be likely to "
        "prejudice the prevention of crime.\n"
        "Complaint rights\nIf you are dissatisfied you may ask for an internal review.\n"
    )
    got = [(treatments(q), q.exemptions) for q in parse_text(text).questions]
    assert got == [
        ({"disclosed"}, ()),
        ({"withheld"}, ("s40(2)",)),
        ({"not_held"}, ()),
        ({"withheld"}, ("s31(1)(a)",)),
    ]


def test_a_provision_announced_at_the_end_of_an_answer_stays_with_it():
    text = (
        "Reference: 25/0702\nRequest\n1. How many drones does the force own?\n2. Every email sent about drones.\n"
        "Response\n1. The force owns 6 drones.\n"
        "2. I am not obliged to supply the information you have requested. The following exemption applies:\n"
        "Section 14(1) - Vexatious requests\n"
    )
    q2 = parse_text(text).questions[1]
    assert q2.exemptions == ("s14(1)",)


@pytest.mark.parametrize(
    "aside",
    [
        "Please note that section 40(2) would apply to the names of junior staff in any future request.",
        "If you submit a narrowed request, the names of junior staff would be exempt under section 40(2).",
        "Even if the information were held, it would be exempt under section 40(2).",
    ],
)
def test_a_provision_said_of_another_request_or_of_information_not_held_is_not_applied(aside):
    text = (
        "Reference: 2025-0099\nRequest\n1. How many staff are employed in the legal team?\n"
        "2. Copies of the rota of the legal team for 2019.\n"
        "Response\n1. There are 12 staff in the legal team.\n"
        f"2. The rota for 2019 is not held, as rotas are kept for three years. {aside}\n"
    )
    letter = parse_text(text)
    assert letter.exemptions == ()
    assert [(treatments(q), q.exemptions) for q in letter.questions] == [
        ({"disclosed"}, ()),
        ({"not_held"}, ()),
    ]


@pytest.mark.parametrize(
    "considered",
    [
        "Section 43 does not apply to the contract values, which are disclosed in full.",
        "We do not consider that the exemption at section 43 is engaged.",
        "The exemption in section 43(2) is not engaged, as the contract has ended.",
    ],
)
def test_a_provision_considered_and_not_applied_is_not_applied(considered):
    text = (
        "Reference: 2025-0731\nRequest\n1. The value of the cleaning contract.\n2. The names of the cleaning staff.\n"
        "Response\n1. The contract was worth £412,000 a year. "
        f"{considered}\n"
        "2. The names of staff are withheld under section 40(2), as they are personal data.\n"
    )
    letter = parse_text(text)
    assert letter.exemptions == ("s40(2)",)
    assert [q.exemptions for q in letter.questions] == [(), ("s40(2)",)]


def test_an_answer_citing_only_the_otherwise_accessible_section_withholds_nothing_else():
    # its "exempt" and "exemption" are that section's: a pointer, not a withholding
    text = (
        "Reference: 25/0810\nRequest\nPlease tell me the salary of your chief executive.\nResponse\n"
        "The salary of the chief executive is published in our annual report, so it is reasonably accessible to you "
        "and exempt from disclosure under section 21 of the Act. This exemption is absolute. The annual report is at "
        "https://www.example.gov.uk/annual-report.\n"
    )
    (q,) = parse_text(text).questions
    assert (treatments(q), q.exemptions) == ({"public_domain"}, ("s21",))


def test_the_cost_exemption_named_as_such_is_a_cost_refusal():
    text = (
        "Reference: 25/0811\nRequest\n1. How many people were held in custody in each year since 2015?\n"
        "2. At which stations were they held?\nResponse\n"
        "1. Finding the figures before 2018 would exceed the cost limit under section 12(1).\n"
        "2. I refer you to the cost exemption explained above.\n"
    )
    q2 = parse_text(text).questions[1]
    assert (treatments(q2), q2.exemptions) == ({"cost_limit"}, ("s12(1)",))


def test_the_acts_duties_explained_in_general_are_no_withholding():
    from foi_precedent.letters import decision

    general = (
        "Section 1 of the Freedom of Information Act 2000 places two duties on public authorities. Unless exemptions "
        "apply, the first duty is to confirm or deny whether the information is held. Where exemptions are relied "
        "upon, section 17 requires that we provide a notice."
    )
    applied = (
        "The force can neither confirm nor deny that it holds the information, by virtue of section 31(3)."
    )
    assert decision.relied_on(general + "\n" + applied) == applied


def test_questions_restated_under_a_number_that_restarts_answer_the_question_in_their_words():
    # a web page whose lists each restart at one: "1. <question 1> ... 1. <question 2> ... 1. <question 3>"
    text = (
        "Staff parking\nReference: 24-1101\nDetails of enquiry\n"
        "1. How many parking permits did the trust issue to staff in 2023?\n"
        "2. What was the total income from staff parking permits in 2023?\n"
        "3. How many staff are on the waiting list for a parking permit?\n"
        "Response sent\n"
        "1. How many parking permits did the trust issue to staff in 2023?\n1,240 permits were issued.\n"
        "1. What was the total income from staff parking permits in 2023?\nThe income was £186,000.\n"
        "1. How many staff are on the waiting list for a parking permit?\nNone\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert [q.answer for q in letter.questions] == [
        "1,240 permits were issued.",
        "The income was £186,000.",
        "None",
    ]


@pytest.mark.parametrize("figure", ["None", "Nil", "Zero."])
def test_an_answer_that_is_only_none_is_a_figure_given(figure):
    text = (
        "Reference: 24-1102\nRequest\n1. How many parking fines did the trust issue in 2023?\n"
        "2. How many were appealed?\nResponse\n"
        f"1. {figure}\n2. Not applicable. See response to Question 1 above.\n"
    )
    assert [treatments(q) for q in parse_text(text).questions] == [{"disclosed"}, {"disclosed"}]


def test_applying_the_otherwise_accessible_exemption_is_a_refusal_notice():
    text = (
        "Reference: 25/0813\nRequest\nPlease tell me the salary of your chief executive.\nResponse\n"
        "The salary is published in our annual report, so it is exempt under section 21 of the Act as it is "
        "reasonably accessible to you: https://www.example.gov.uk/annual-report.\n"
    )
    assert parse_text(text).refusal_notice


def test_a_cost_refusal_that_says_why_is_a_refusal_notice():
    text = (
        "Reference: 25/0814\nRequest\nPlease provide every email sent by the planning team in 2023.\nResponse\n"
        "We estimate that locating and extracting this information would exceed the appropriate limit of 18 hours, "
        "so we are not obliged to comply with your request.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"cost_limit"}]
    assert letter.refusal_notice


def test_the_requesters_own_cost_condition_is_no_refusal():
    # a request's usual condition, quoted in a thread before the reply: no refusal by the authority
    from foi_precedent.letters import decision

    condition = (
        "If the required information would exceed the cost limit, please supply as much information as possible "
        "while remaining under the cost limit."
    )
    reply = "To enable the council to meet your request could you please provide further information."
    assert decision.relied_on(condition + "\n" + reply) == reply
    exempt_condition = (
        "If any of this information is exempt under section 40, please redact it and send the rest."
    )
    assert decision.relied_on(exempt_condition + "\n" + reply) == reply
    ncnd_on_cost = "To determine if it is held would exceed the appropriate limit, so section 12(2) applies."
    assert decision.relied_on(ncnd_on_cost) == ncnd_on_cost


def test_eir_regulation_6_1_b_is_cited_for_published_information():
    # also beside FOISA s39(2), which routes the request to the EIRs and withholds nothing itself
    text = (
        "Information request and response under the Environmental Information (Scotland) Regulations 2004\n"
        "Information requested\nPlease provide the noise assessments for the Moss Hill wind farm.\nResponse\n"
        "As the information you have requested is environmental information, we are required to deal with your "
        "request under the EIRs. We are applying the exemption at section 39(2) of FOISA, so that we do not also have "
        "to deal with your request under FOISA.\n"
        "The assessments are available online at https://www.example.gov.scot/moss-hill. Under regulation 6(1)(b) of "
        "the EIRs, we do not have to give you information which is already publicly available.\n"
    )
    (q,) = parse_text(text).questions
    assert (treatments(q), q.exemptions) == ({"public_domain"}, ("reg6(1)(b)",))


def test_a_refusal_naming_questions_by_number_is_their_reason_wherever_it_stands():
    text = (
        "Reference: 25/0815\nRequest\n1. The name of each person given a council-funded funeral in 2024.\n"
        "2. The date of death of each person.\n3. How many such funerals were held in 2024?\nResponse\n"
        "1. We only share this information with the Government Legal Department.\n"
        "2. We confirm that the council holds this information. However, the information requested in questions 1 "
        "and 2 is exempt from disclosure under Section 31(1)(a) of the Freedom of Information Act 2000, as its "
        "release would help those intending to commit fraud.\n"
        "3. 27 funerals were held in 2024.\n"
    )
    got = [(treatments(q), q.exemptions) for q in parse_text(text).questions]
    assert got == [({"withheld"}, ("s31(1)(a)",)), ({"withheld"}, ("s31(1)(a)",)), ({"disclosed"}, ())]


def test_a_reviews_account_of_the_first_response_is_not_a_citation():
    released = (
        "Reference: IR-25-0816\nRequest\nYou asked for the tender scores for the parks maintenance contract.\n"
        "Response\nYour original request was refused under section 43(2) of the Act. Having reviewed the request, I "
        "have decided that section 43(2) was not correctly applied, and the tender scores are attached.\n"
    )
    letter = parse_text(released)
    assert letter.exemptions == ()
    assert [q.exemptions for q in letter.questions] == [()]
    upheld = (
        "Reference: IR-25-0817\nRequest\nYou asked for the salary of the chief executive.\nResponse\n"
        "Your original request was refused under section 21 because the salary is published. I am satisfied that the "
        "salary is reasonably accessible to you and exempt under section 21; it is in the annual report at "
        "https://www.example.gov.uk/annual-report.\n"
    )
    assert parse_text(upheld).exemptions == ("s21",)


def test_exemptions_given_as_examples_are_not_applied():
    from foi_precedent.letters import decision

    example = (
        "The Act contains exemptions that allow authorities to withhold some information, for example section 40 "
        "for personal data."
    )
    applied = "The names of junior staff are withheld under section 40(2)."
    assert decision.relied_on(example + "\n" + applied) == applied


def test_answers_written_under_each_question_of_the_request_are_read():
    text = (
        "Our Ref FOIR 2025/0818\nDear Mr Smith\nI am writing in response to your request.\nYou asked the following:\n"
        "1)  Any documents about the closure of the Northgate depot in\n1998.\n"
        "The agency does not hold this information.\n"
        "2)  How many staff work at the agency's head office?\n"
        "The information is reasonably accessible to you, so it is exempt by virtue of Section 21 of the FOIA. It is "
        "published at https://www.example.gov.uk/staff-numbers.\n"
    )
    got = [(treatments(q), q.exemptions) for q in parse_text(text).questions]
    assert got == [({"not_held"}, ()), ({"public_domain"}, ("s21",))]


def test_each_sentence_of_an_answer_carries_its_own_treatment():
    # figures given in one sentence and the rest refused or not held in the next, on the same line
    text = (
        "Reference: 25/0819\nRequest\n1. How many requests were refused as vexatious, and what were they about?\n"
        "2. How many people were held in custody in each year since 2016?\nResponse\n"
        "1. In 2016-17, 2 requests were refused as vexatious. Further details of them are not held, as they are past "
        "our retention period.\n"
        "2. For 2017/18 there were 537 people held in custody. Finding the figures for earlier years would exceed the "
        "cost limit under section 12(1).\n"
    )
    got = [treatments(q) for q in parse_text(text).questions]
    assert got == [{"disclosed", "not_held"}, {"disclosed", "cost_limit"}]


def test_the_eirs_manifestly_unreasonable_exception_is_their_cost_refusal():
    text = (
        "Reference: EIR-25-0820\nRequest\n1. How many miles of road were resurfaced in the last 3 years?\n"
        "2. How much was spent on resurfacing in 2024?\nResponse\n"
        "1. To review the last 3 years of works records and measure each one by hand would take well over 100 "
        "hours. The council therefore refuses this part of your request as manifestly unreasonable under regulation "
        "12(4)(b) of the Environmental Information Regulations 2004.\n"
        "2. £4.2 million was spent on resurfacing in 2024.\n"
    )
    got = [(treatments(q), q.exemptions) for q in parse_text(text).questions]
    assert got == [({"cost_limit"}, ("reg12(4)(b)",)), ({"disclosed"}, ())]


def test_a_manifestly_unreasonable_request_refused_as_vexatious_is_vexatious():
    text = (
        "Reference: EIR-25-0821\nRequest\nPlease provide every email about the bypass since 2010.\nResponse\n"
        "This is your fortieth request about the bypass this year. We consider it vexatious, and refuse it as "
        "manifestly unreasonable under regulation 12(4)(b) of the Environmental Information Regulations 2004.\n"
    )
    (q,) = parse_text(text).questions
    assert (treatments(q), q.exemptions) == ({"vexatious"}, ("reg12(4)(b)",))


@pytest.mark.parametrize(
    "words", ["Excessive cost of compliance", "Manifestly unreasonable", "Cost of compliance"]
)
def test_the_cost_phrases_match_at_the_start_of_a_sentence(words):
    from foi_precedent.letters import decision

    assert decision.cost().match(words)


def test_a_question_counting_the_uses_of_a_provision_is_answered_by_its_figure():
    text = (
        "Reference: 25/0902\nRequest\n1. How many times did the force rely on section 40(2) in 2023?\n"
        "2. How many times did the force neither confirm nor deny under section 23(5)?\nResponse\n"
        "1. Section 40(2) was relied on 212 times in 2023.\n"
        "2. The force neither confirmed nor denied under section 23(5) on 4 occasions.\n"
    )
    letter = parse_text(text)
    assert [(treatments(q), q.exemptions) for q in letter.questions] == [
        ({"disclosed"}, ()),
        ({"disclosed"}, ()),
    ]


def test_a_refusal_inside_one_answer_that_names_another_question_is_that_ones():
    text = (
        "Reference: 25/0904\nRequest\n1. How many misconduct hearings were held in 2024?\n"
        "2. How many officers were dismissed?\n3. What did the hearings cost?\n4. The names of the officers dismissed.\n"
        "Response\n1. 18 hearings were held in 2024.\n"
        "2. 5 officers were dismissed. The names requested at question 4 are withheld under section 40(2), as "
        "they are personal data.\n"
        "3. This information is not held.\n4. See our answer to question 2.\n"
    )
    got = [(treatments(q), q.exemptions) for q in parse_text(text).questions]
    assert got == [({"disclosed"}, ()), ({"disclosed"}, ()), ({"not_held"}, ()), ({"withheld"}, ("s40(2)",))]


def test_a_cost_refusal_naming_no_section_rests_on_s12_in_the_letter_too():
    text = (
        "Reference: 25/0905\nRequest\nPlease provide every email sent by the planning team in 2023.\nResponse\n"
        "We estimate that locating and extracting this information would exceed the appropriate limit of 18 hours.\n"
    )
    letter = parse_text(text)
    assert [q.exemptions for q in letter.questions] == [("s12",)]
    assert letter.exemptions == ("s12",)


def test_an_eir_cost_refusal_naming_no_exception_rests_on_no_section():
    # the EIRs have no s12: a reply refusing on cost cites reg 12(4)(b) when it relies on it
    text = (
        "Environmental Information Regulations 2004\nReference: EIR-25-0906\nRequest\n"
        "Please provide every inspection record for the county's bridges since 1990.\nResponse\n"
        "We estimate that locating and extracting this information would exceed the appropriate limit of 18 hours.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"cost_limit"}]
    assert letter.exemptions == ()


def test_a_request_to_clarify_that_warns_of_the_cost_limit_is_no_cost_refusal():
    text = (
        "Reference: 25/0907\nRequest\n1. How many potholes were repaired in 2024?\n"
        "2. The number of road works carried out over the past 10 years.\nResponse\n"
        "1. 4,210 potholes were repaired in 2024.\n"
        "2. To enable us to answer this question, could you please clarify what you would wish to be included in "
        "road works? As it stands, it is unlikely that we would be able to supply this information under Section 12 "
        "of the Act.\n"
    )
    q2 = parse_text(text).questions[1]
    assert (treatments(q2), q2.exemptions) == ({"other"}, ())


def test_prose_that_ends_by_announcing_the_request_starts_it():
    text = (
        "Our Ref 2025/0908\nDear Ms Jones\nFreedom of Information (Scotland) Act 2002\n"
        "I refer to your e-mail dated 4 March 2025, requesting:\n"
        "The number of patients referred to the memory clinic in 2024.\n"
        "Could you also tell me how many of these patients waited more than 18 weeks?\n"
        "I can now respond as follows:\n"
        "The board does not hold this information, as referrals are not recorded by clinic.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 2
    assert [treatments(q) for q in letter.questions] == [{"not_held"}, {"not_held"}]


def test_a_count_of_the_authoritys_cost_and_vexatious_refusals_is_a_figure_given():
    text = (
        "Reference: 25/0901\nRequest\n1. How many requests did the council refuse under section 14 in 2023?\n"
        "2. How many requests did the council refuse under section 12 in 2023?\nResponse\n"
        "1. 12 requests were refused under section 14 in 2023.\n2. 31 requests were refused under section 12 in 2023.\n"
    )
    letter = parse_text(text)
    got = [(treatments(q), q.exemptions) for q in letter.questions]
    assert got == [({"disclosed"}, ()), ({"disclosed"}, ())]
    assert letter.exemptions == ()  # the provisions counted are no provisions the letter applies


def test_what_a_request_is_to_include_stays_with_it():
    text = (
        "Reference: 25/0909\n"
        "Thank you for your request for information received on 3 March 2025, in which you asked:\n"
        "Please provide information on the Westshore fish farm since 1 November 2021.\n"
        "Please include emails, letters, complaints and any other documents about the farm since then.\n"
        "Please include any mortality data received about the farm.\n"
        "Response\nThe council holds no information about the Westshore fish farm.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert "mortality data" in letter.questions[0].text


def test_the_fields_asked_for_each_record_stay_with_the_request():
    text = (
        "Reference: 25/0910\nYou asked:\n\n"
        "Please disclose a log of all the incidents reported to the force on 1 January 2024.\n\n"
        "For each incident please disclose:\n\n"
        "  \u2022 The time\n"
        "  \u2022 The nature of the incident, as reported to the force. For example: 'A man reports that his "
        "neighbour has damaged his car and threatened him.'\n"
        "  \u2022 The outcome (no further action, charged, out of court disposal)\n\n"
        "In Response:\n\nTo extract this information would take over 60 hours, so Section 12(1) of the Act applies.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert [(treatments(q), q.exemptions) for q in letter.questions] == [({"cost_limit"}, ("s12(1)",))]


def test_a_request_that_goes_on_under_its_question_is_no_answer():
    # only the request is visible (a cut-off copy): what follows each question is more of the request
    text = (
        "Our Ref FOIR 2025/0911\nDear Mr Smith\nYou asked the following:\n"
        "1)  Copies of all contracts with the catering supplier.\n"
        "If any of this information is exempt under section 43, please provide the rest.\n"
        "2)  The value of each contract.\n"
        "Please also include any variations agreed since 2020.\n"
    )
    letter = parse_text(text)
    assert all(not q.exemptions for q in letter.questions)
    assert letter.exemptions == ()


def test_a_table_of_figures_under_a_heading_is_disclosed_not_a_pointer():
    text = (
        "Reference: 25/0912\nRequest\nHow many nurse and doctor shifts were filled by agency staff each year?\n"
        "Response\nWe can only provide figures from June 2021.\n"
        "Nursing & Midwifery Total Agency Shifts\nJun - Dec 2021 - 14,855\nJan - Dec 2022 - 27,379\n"
        "Jan - Dec 2023 - 25,999\nMedical & Dental Total Agency Shifts\nJun - Dec 2021 - 502\nJan - Dec 2022 - 1,741\n"
    )
    (q,) = parse_text(text).questions
    assert treatments(q) == {"disclosed"}


def test_a_numbered_question_typed_without_its_space_is_still_a_question():
    text = (
        "Reference: 25/0913\nRequest\n1) The number of patients transferred by ambulance in 2023.\n"
        "2)The total number of ambulances used.\n3)The total cost of the transfers.\n"
        "Response\n1) 412 patients were transferred.\n2)This information is not held.\n3)The cost was £1.2 million.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}, {"disclosed"}]


def test_a_sentence_saying_no_public_interest_test_applies_is_no_public_interest_test():
    text = (
        "Reference: 25/0914\nRequest\nPlease provide the names of the officers who attended the meeting.\n"
        "Response\nThe names are withheld under section 40(2) of the Freedom of Information Act. This is an absolute "
        "exemption and is not subject to the \u2018public interest test\u2019. On balance of probabilities the "
        "individuals would not expect disclosure.\n"
    )
    assert not parse_text(text).public_interest_test
    weighed = text.replace(
        "On balance of probabilities",
        "Section 31 also applies: the public interest in maintaining it outweighs that in disclosure. On balance",
    )
    assert parse_text(weighed).public_interest_test


def test_one_answer_labelled_with_two_questions_joined_by_a_plus_answers_both():
    text = (
        "Reference: 25/0915\nYou asked:\n1. How many interpreters were booked in 2023?\n"
        "2. What was the total cost of interpreters?\n3. Which languages were requested?\nOur response:\n"
        "1+2. The total cost was \u00a312,000 for 340 bookings.\n3. This information is not held.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"disclosed"}, {"not_held"}]
    assert letter.questions[0].answer == letter.questions[1].answer


def test_questions_joined_by_and_in_an_answer_label_are_those_two_not_the_run_between():
    text = (
        "Reference: 25/0916\nYou asked:\n1. How many buses were bought in 2023?\n2. Which routes were cut?\n"
        "3. What did the buses cost?\nOur response:\n1 & 3. 14 buses were bought for \u00a34.2 million.\n"
        "2. This information is not held.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}, {"disclosed"}]


@pytest.mark.parametrize("heading", ["Answer 1", "Answer", "Response:", "Our reply"])
def test_each_question_under_its_label_with_its_answer_under_an_answer_heading(heading):
    text = (
        "Reference: 25/0917\nDear Sir\nYour request has now been considered.\n"
        f"Request 1\nHow many staff were employed in 2023?\n{heading}\n412 staff were employed.\n"
        "Request 2\nWhat was the cost of agency staff?\nAnswer\nThis information is not held.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["Request 1", "Request 2"]
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]
    assert letter.questions[0].answer.startswith("412 staff")


@pytest.mark.parametrize(
    "asked, answer",
    [("Q: ", "A: "), ("Q) ", "A) "), ("\u2022 ", "A) "), ("Question: ", "Answer: ")],
)
def test_unnumbered_questions_each_with_an_answer_marked_under_it(asked, answer):
    text = (
        "Reference: 25/0918\nDear Sir\nThank you for your request. Our response is below.\n"
        f"{asked}How many staff were employed in 2023?\n{answer}412 staff were employed.\n"
        f"{asked}What was the cost of agency staff?\n{answer}This information is not held.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]
    assert letter.questions[1].answer.startswith("This information")


def test_requests_listed_in_the_reply_then_one_reason_for_all_of_them():
    text = (
        "Our Ref: FOI 25/101 & FOI 25/102\nDear Sir\nYour requests for information have been considered and will not "
        "be processed. This applies to the following requests:\n1. FOI 25/101 \u2013 Oak Lodge Care Home, High Street\n"
        "2. FOI 25/102 \u2013 Elm House Care Home, Mill Lane\nThis is because the aggregated cost of providing the "
        "information would exceed the appropriate limit of \u00a3450.\nConsequently the Trust is not obliged, under "
        "Section 12 of the Freedom of Information Act 2000, to respond to your requests.\nYours faithfully\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2"]
    assert all(treatments(q) == {"cost_limit"} for q in letter.questions)


@pytest.mark.parametrize("verb", ["produce", "compile"])
def test_we_do_not_produce_the_figures_asked_for_is_not_held(verb):
    text = (
        "Reference: 25/0919\nRequest\nHow many electric buses used the M8 in 2023?\nResponse\n"
        f"We do not {verb} statistics on which vehicles use particular roads.\n"
    )
    (q,) = parse_text(text).questions
    assert treatments(q) == {"not_held"}


def test_a_question_and_its_answer_marked_a_on_one_line():
    text = (
        "Reference: 25/0920\nDear Sir\nOur response is below.\n"
        "1. How many staff were employed in 2023? A) 412 staff were employed.\n"
        "2. What was the cost of agency staff? A) This information is not held.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions][0].endswith("2023?")
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


def test_appeals_as_the_subject_of_an_answer_are_no_complaint_rights_text():
    text = (
        "Reference: 25/0921\nRequest\n1. How many school admission appeals were heard in 2023, with the panel papers?\n"
        "Response\n1. 48 appeals were heard. The papers relating to the appeals contain personal data and are exempt "
        "from disclosure under section 40(2) of the Freedom of Information Act 2000.\n"
        "If you wish to appeal against this decision, please write to the FOI team.\n"
    )
    (q,) = parse_text(text).questions
    assert q.exemptions == ("s40(2)",)
    assert treatments(q) == {"partly_disclosed"}


def test_complaints_as_the_subject_of_an_answer_are_no_complaint_rights_text():
    text = (
        "Reference: 25/0922\nRequest\n1. Please provide the complaints made about councillors in 2023.\nResponse\n"
        "1. The complaints made about councillors contain personal data and are exempt under section 40(2) of the "
        "Freedom of Information Act 2000.\nIf you are unhappy with this response you may make a complaint to the "
        "Information Commissioner.\n"
    )
    (q,) = parse_text(text).questions
    assert q.exemptions == ("s40(2)",)
    assert treatments(q) == {"withheld"}


def test_the_time_limit_for_a_response_extended_is_no_cost_refusal():
    text = (
        "Our ref: 25/0923\nDear Sir\nFurther to your request for information, I am writing to let you know that the "
        "time limit for response needs to be extended.\nWe will need a further 10 working days to consider the public "
        "interest in section 30.\nYours faithfully\n"
    )
    letter = parse_text(text)
    assert all("s12" not in q.exemptions and "cost_limit" not in treatments(q) for q in letter.questions)
    assert "s12" not in letter.exemptions


@pytest.mark.parametrize(
    "reply",
    [
        "The Council has no records of agency staff costs.",
        "We do not have this data.",
        "We did not have such figures.",
    ],
)
def test_the_authority_has_no_records_or_does_not_have_the_data_is_not_held(reply):
    text = (
        "Reference: 25/0924\nYour request\n1. How many staff were employed in 2023?\n2. What was the cost of agency "
        f"staff?\nOur response\n1. 412 staff were employed.\n2. {reply}\n"
    )
    letter = parse_text(text)
    assert treatments(letter.questions[1]) == {"not_held"}


@pytest.mark.parametrize(
    "reply",
    [
        "We estimate that it would cost more than \u00a3450 to locate and extract this information.",
        "Answering this part would take more than 18 hours, so we are not required to answer it.",
    ],
)
def test_the_cost_limit_given_in_its_own_figures_is_a_cost_refusal(reply):
    text = (
        "Reference: 25/0925\nYour request\n1. How many staff were employed in 2023?\n2. What was the cost of agency "
        f"staff?\nOur response\n1. 412 staff were employed.\n2. {reply}\n"
    )
    letter = parse_text(text)
    assert treatments(letter.questions[1]) == {"cost_limit"}
    assert treatments(letter.questions[0]) == {"disclosed"}


def test_each_numbered_question_answered_on_the_lines_under_it_without_a_marker():
    text = (
        "Reference: FOI 25/0926\nDear Ms Smith\nThank you for your request for information received on 3 May 2025.\n"
        "1. How many staff were employed in 2023?\n412 staff were employed.\n"
        "2. What was the cost of agency staff in 2023?\nThis information is not held.\n"
        "3. Please provide a copy of the overtime policy.\nThe policy is attached.\n"
        "If you are unhappy with this response you may ask for an internal review.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions][0] == "How many staff were employed in 2023?"
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}, {"disclosed"}]


@pytest.mark.parametrize(
    "asked, answer",
    [("Request:\n", "Response:\n"), ("You asked: ", "Our answer: "), ("Your request:\n", "Our response:\n")],
)
def test_unnumbered_request_and_response_headings_repeated_for_each_question(asked, answer):
    text = (
        "Reference: FOI 25/0927\nDear Ms Smith\nThank you for your request.\n"
        f"{asked}How many staff were employed in 2023?\n{answer}412 staff were employed.\n"
        f"{asked}What was the cost of agency staff in 2023?\n{answer}This information is not held.\n"
        "Yours sincerely\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


def test_information_provided_heads_the_answers():
    text = (
        "Reference: FOI 25/0928\nInformation requested\n1. How many staff were employed in 2023?\n"
        "2. What was the cost of agency staff in 2023?\nInformation provided\n1. 412 staff were employed.\n"
        "2. This information is not held.\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


def test_a_question_then_a_dash_then_its_answer_on_one_line():
    text = (
        "Reference: FOI 25/0929\nDear Sir\nOur response is below.\nQ1. How many staff were employed in 2023? - 412 "
        "staff were employed.\nQ2. What was the cost of agency staff in 2023? - This information is not held.\n"
        "Yours sincerely\n"
    )
    letter = parse_text(text)
    assert letter.questions[0].text == "How many staff were employed in 2023?"
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


@pytest.mark.parametrize("marks", [("a) ", "b) "), ("\u2022 ", "\u2022 ")])
def test_unnumbered_items_asked_then_answered_by_as_many_items_in_order(marks):
    text = (
        "Reference: FOI 25/0931\nDear Ms Smith\nYour request:\n"
        f"{marks[0]}How many staff were employed in 2023?\n{marks[1]}What was the cost of agency staff in 2023?\n"
        f"Response:\n{marks[0]}412 staff were employed.\n{marks[1]}This information is not held.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


@pytest.mark.parametrize("heading", ["", "Your request:\n"])
def test_unmarked_questions_each_followed_by_an_answer_marked_a(heading):
    text = (
        "Reference: FOI 25/0932\nDear Sir\nThank you for your request. Our response is below.\n"
        f"{heading}How many staff were employed in 2023?\nA) 412 staff were employed.\n"
        "What was the cost of agency staff?\nA) This information is not held.\nYours sincerely\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "How many staff were employed in 2023?",
        "What was the cost of agency staff?",
    ]
    assert [treatments(q) for q in letter.questions] == [{"disclosed"}, {"not_held"}]


@pytest.mark.parametrize(
    "closing",
    [
        "Right of Review\nIf you are dissatisfied, you may require the Board to review its decision.",
        "Review Procedure\nShould you wish to, you may apply for a review of our decision within 40 working days.",
        "The Service has in place a procedure by which a review of the way we handle requests may be sought.",
    ],
)
def test_a_review_the_requester_may_ask_for_is_complaint_rights(closing):
    text = (
        "Reference: FOI 25/0933\nRequest\nHow many fire engines does the service own?\nResponse\n"
        f"The service owns 42 fire engines.\n{closing}\n"
    )
    assert parse_text(text).complaint_rights


def test_foisa_section_17_notice_that_information_is_not_held_is_no_refusal_notice():
    text = (
        "Freedom of Information (Scotland) Act 2002\nRequest\nPlease provide the minutes of the March board meeting.\n"
        "Response\nIn terms of section 17(1) of the Freedom of Information (Scotland) Act 2002 we must advise you that "
        "we do not hold the information that you have requested.\n"
    )
    letter = parse_text(text)
    assert treatments(letter.questions[0]) == {"not_held"}
    assert not letter.refusal_notice


@pytest.mark.parametrize(
    "harm",
    [
        "its  disclosure  would  be  likely  to  weaken  the  company's  position.",
        "Release of this information would adversely affect the company's position in future tenders.",
        "Release of this information would be detrimental to the company in future tenders.",
    ],
)
def test_harm_in_other_words_or_spacing_is_a_harm_statement(harm):
    text = (
        "Reference: FOI 25/0934\nRequest\nPlease provide the commission rates paid to agents.\nResponse\n"
        f"The rates are withheld under section 43(2) of the Freedom of Information Act 2000. {harm}\n"
    )
    assert parse_text(text).harm_statement


@pytest.mark.parametrize(
    "weighing",
    [
        "The factors the Council considered when deciding where the public interest lies are listed below.",
        "Section 36 is subject to the public interest test: whether the public interest is better served by "
        "non-disclosure than by disclosure.",
        "We maintain that it is not in the public interest for confidential papers to be published.",
    ],
)
def test_the_public_interest_weighed_in_other_words_is_a_public_interest_test(weighing):
    text = (
        "Reference: FOI 25/0935\nRequest\nPlease provide the board papers on the restructure.\nResponse\n"
        f"The papers are withheld under section 36(2) of the Freedom of Information Act 2000. {weighing}\n"
    )
    assert parse_text(text).public_interest_test


def test_an_exemption_still_being_considered_is_not_applied():
    text = (
        "Our ref: 25/0936\nDear Sir\nFurther to your request for information, I am writing to let you know that we "
        "need a further 10 working days to respond.\nThe particular exemption we are considering is Section 30 "
        "(Investigations).\nYours faithfully\n"
    )
    letter = parse_text(text)
    assert letter.exemptions == ()
    assert all(not q.exemptions for q in letter.questions)
    assert not letter.refusal_notice


def test_a_cost_refusal_in_other_words_than_the_limit_is_a_cost_refusal():
    # Conwy: "the remaining Q2 & Q3 would require a large amount of time spent in identifying which country ..."
    text = (
        "Request\n1. The number of second homes registered to owners in each country.\nResponse\n1. This would "
        "require a large amount of time spent in identifying which country each owner resided in."
    )
    assert treatments(parse_text(text).questions[0]) == {"cost_limit"}


def test_a_pointer_to_the_disclosure_log_is_to_published_answers():
    # Blackpool: "the information we can provide will be from our disclosure log, see below"
    text = (
        "Request\n1. Figures on parking charges and fines for the past 10 years.\nResponse\n1. Within the time frame "
        "you have given, the information we can provide will be from our disclosure log, see below."
    )
    assert treatments(parse_text(text).questions[0]) == {"public_domain"}


def test_whatdotheyknow_s_status_line_is_no_decision():
    # the requester sets "The request was partially successful." on the page: it is not what the authority decided
    text = (
        "This request has been closed to new correspondence. Contact us if you think it should be reopened.\n\n"
        "The request was partially successful.\n\nDear Ombudsman,\n\n"
        "1) How many applicants have had their forms sent to the other side?\n\nYours faithfully,\nmicky mouse\n\n"
        "Dear Sir/Madam,\n\nA request for information is not valid if it does not, in accordance with s.8(1)(b) "
        "Freedom of Information Act 2000, state the name of the applicant. As your request uses a pseudonym it is "
        "not a valid request.\n"
    )
    q = parse_text(text).questions[0]
    assert "partially successful" not in (q.evidence or "")
    assert treatments(q) != {"partly_disclosed"}


def test_a_prose_request_quoted_is_split_by_the_request_reader():
    # Humberside: two questions asked in one paragraph, answered as a whole; the letter reader read one question
    text = (
        "Request\nHow many burglaries in North East Lincolnshire have resulted in a prosecution over the last year? "
        "How many burglaries have been reported and how many people have been arrested?\n"
        "Response\nThe information requested is not held by Humberside Police.\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "How many burglaries in North East Lincolnshire have resulted in a prosecution over the last year?",
        "How many burglaries have been reported and how many people have been arrested?",
    ]
    assert all(treatments(q) == {"not_held"} for q in letter.questions)


def test_one_answer_for_all_other_questions_answers_each_of_them():
    # Blackpool: "1. ... 8453" then "With regards to all other questions ... exempt under Section 24 and Section 31"
    text = (
        "1. How many employees work in your NHS Trust?\n\n2. What is your annual cybersecurity budget?\n\n"
        "3. Has your NHS Trust paid any ransom demands in the last five years?\n\n"
        "1. How many employees work in your NHS Trust? - 8453\n\n"
        "With regards to all other questions, the requested information relating to our ICT systems is exempt from "
        "disclosure under Section 24 (Safeguarding National Security) and Section 31 (Prevention and Detection of "
        "Crime).\n\nIf you are dissatisfied with this response you may ask for an internal review.\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["2"]) == {"withheld"} and by_label["2"].exemptions == ("s24", "s31")
    assert treatments(by_label["3"]) == {"withheld"}


def test_lines_that_only_name_the_fields_of_a_list_asked_for_are_not_questions():
    # WMP: a prose request for a list of incidents, then each record's fields on lines of their own ("The location
    # (city, town etc)"); the request reader splits them, and a line that asks nothing is no question
    letter = real("fresh2/wmp-use-of-drones-68-16.txt")
    assert len(letter.questions) == 1


def test_an_html_list_saved_with_every_item_numbered_1_is_numbered_in_order_in_a_reply_too():
    text = (
        "FOI 5830 Locked Rehabilitation Placements\n\n"
        "  1. Please provide the total number of adults funded by the Trust in locked rehabilitation.\n\n"
        "  1. Please provide the number that are male and the number that are female.\n\n"
        "  1. Please provide the Trust's total expenditure on locked rehabilitation placements.\n\n"
        "We do not hold this information as the Trust does not commission these placements.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3"]
    assert all(treatments(q) == {"not_held"} for q in letter.questions)


def test_a_title_about_complaints_is_not_the_complaint_rights_heading():
    # a disclosure-log page titled for its subject ("Complaints – yearly totals"): the whole reply was read as the
    # closing and refused; "Complaints" or "Complaint:" alone as a heading still starts the closing
    text = (
        "Complaints \u2013 yearly totals and outcomes\n\n"
        "1)How many complaints about street lighting did the council receive in 2022?\n\n"
        "The council received 214 complaints about street lighting in 2022.\n\n"
        "2)How many of these complaints were upheld?\n\n"
        "We do not hold this information.\n"
    )
    letter = parse_text(text)
    assert [(q.label, treatments(q)) for q in letter.questions] == [("1", {"disclosed"}), ("2", {"not_held"})]
    closing = (
        "1. How many complaints were upheld in 2022?\n\n1. 12 complaints were upheld.\n\n"
        "Complaints\n\nIf you are dissatisfied with this response you may ask for an internal review.\n"
    )
    assert "internal review" not in parse_text(closing).questions[0].answer


def test_a_labelled_line_that_only_replies_is_an_answer_where_no_request_is_labelled():
    # the request's categories lettered A) to C), the reply's answers numbered 1a) to 1c) under the reply alone: a
    # line that is a reply ("1b) We do not hold this information.") answers, it asks nothing
    text = (
        "Pothole repairs\n\n"
        "1)How many potholes did the council repair in 2023, and how many of them were:\n"
        "A) Repaired within 24 hours\nB) Repaired within a week\nC) Repaired later\n\n"
        "1a) Potholes repaired within 24 hours: 1,204\n"
        "1b) We do not hold this information.\n"
        "1c) To answer this would exceed the appropriate limit under section 12 of the Freedom of Information Act.\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["1b"]) == {"not_held"}
    assert by_label["1b"].answer == "We do not hold this information."
    assert treatments(by_label["1c"]) == {"cost_limit"} and by_label["1c"].exemptions == ("s12",)


def test_a_request_written_out_then_its_reply_under_one_heading_is_read_as_question_and_answer():
    # a disclosure-log page with the requester's paragraphs and the reply one after the other under "Information
    # provided": the request ends at the paragraph that asks ("If ..., I ask that you ..."), the reply follows it
    text = (
        "Bus shelters\n\nRequested on\nMon 6th March, 2023\nFOI 2045\nInformation provided\n\n"
        "Last year the council consulted on removing some of the bus shelters in the town centre.\n\n"
        "I understand that a few of them have since been replaced with new ones.\n\n"
        "If any are still to be removed, I ask that you let me have a list of them by street.\n\n"
        "The shelters on Mill Road and Church Street are to be removed\n"
    )
    (q,) = parse_text(text).questions
    assert "I ask that you let me have a list" in q.text
    assert q.answer == "The shelters on Mill Road and Church Street are to be removed"
    assert treatments(q) == {"disclosed"} and q.review  # a fact stated, no decision words: a guess to check
    # an answer heading between them: the reply starts there, and the request is not read as part of it
    text = (
        "Parking permits\n\nInformation provided\n\n"
        "I wrote to the council last month about resident permits.\n\n"
        "Please provide the number of resident parking permits issued in 2023.\n\n"
        "Response:\n\nThe council issued 3,412 resident parking permits in 2023.\n"
    )
    (q,) = parse_text(text).questions
    assert "Please provide the number" in q.text and "Please provide" not in q.answer
    assert treatments(q) == {"disclosed"}


def test_a_reply_table_numbered_by_the_requests_rows_answers_each_row():
    # S10b: the request's table is not in the copy; the reply's rows are numbered as its items, each naming a kind of
    # system and answering for it
    text = (
        "Details of enquiry\nPlease tell me which suppliers provide the systems listed in the attached table.\n"
        "Response sent\n"
        "| Row | System | Supplier | Contract end |\n"
        "| 1 | Patient record system | Acme Health | 31/03/2027 |\n"
        "| 2 | Pharmacy system | No system in use | |\n"
        "| 3 | Network security services | Withheld | |\n"
    )
    letter = parse_text(text)
    assert [(q.label, q.text, treatments(q)) for q in letter.questions] == [
        ("1", "Patient record system", {"disclosed"}),
        ("2", "Pharmacy system", {"disclosed"}),
        ("3", "Network security services", {"withheld"}),
    ]
    # rows of records (a date first) are what was asked for, not questions
    records = (
        "Details of enquiry\nPlease list the incidents of theft in 2023.\nResponse sent\n"
        "| 1 | 03/02/2023 | Theft from vehicle |\n| 2 | 14/05/2023 | Theft of cycle |\n"
    )
    assert len(parse_text(records).questions) == 1


def test_request_items_numbered_with_a_dash_are_questions():
    # "1 - The number of ...": a number and a dash, no stop, counting up from 1 in the request
    text = (
        "Request\n"
        "1 - The number of direct award contracts issued since April 2019\n"
        "2 - The number of challenges received to procurement processes\n"
        "Response\n"
        "1. There have been 24 direct award contracts.\n"
        "2. We do not hold this information.\n"
    )
    letter = parse_text(text)
    assert [(q.label, treatments(q)) for q in letter.questions] == [("1", {"disclosed"}), ("2", {"not_held"})]


def test_a_bulleted_question_answered_by_a_bare_figure_on_its_line_is_answered_inline():
    # "- ... social funeral? <2%": a figure with its bound, or a bare figure, is an answer of one word
    text = (
        "Mortuary figures\n\n"
        "- Do you expect any capacity issues this winter? Additional temporary storage has been installed.\n"
        "- Can you estimate what percentage of cases are referred for a public health funeral? <2%\n"
        "- How many bodies were stored for over 28 days in 2023? 14\n"
    )
    letter = parse_text(text)
    assert [(q.answer, treatments(q)) for q in letter.questions[1:]] == [
        ("<2%", {"disclosed"}),
        ("14", {"disclosed"}),
    ]
    assert len(letter.questions) == 3


def test_a_number_of_the_list_again_with_no_heading_starts_the_reply():
    # "1) ... 4) ..." then "2) Our camera locations are published ...": the reply answers by the request's numbers
    # (here leaving its first answer unmarked), with no "Response" heading between
    text = (
        "CCTV cameras\n\n"
        "To set out my query clearly, I am requesting:\n\n"
        "1) The current total number of CCTV cameras in your district\n\n"
        "2) The names of the streets covered by these cameras\n\n"
        "3) How many days a week these cameras are monitored\n\n"
        "4) How many hours a day these cameras are monitored\n\n"
        "Request Date 3 May 2016\nReleased Date\n\n 12 May 2016\n\n"
        "We do not know the number of private cameras in the district.\n\n"
        "The council runs a network of 36 public space cameras.\n\n"
        "2) The camera locations are published on our website\n\n"
        "3) monitored 7 days a week throughout the year\n\n"
        "4) as above\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert list(by_label) == ["1", "2", "3", "4"]
    assert treatments(by_label["2"]) == {"public_domain"}
    assert by_label["3"].answer == "monitored 7 days a week throughout the year"
    assert by_label["4"].answer == "as above"


def test_a_list_of_examples_the_reply_gives_after_please_note_is_not_the_request():
    # "However, please bear in mind that ... for example:" then bullets: the reply's caveat, not a lead that asks
    text = (
        "Station running costs\n\n"
        "Please can I see an itemised breakdown of the cost of running this station.\n\n"
        "Please find attached the direct costs of running the station in 2022/23, which came to \u00a3141,000.\n\n"
        "However, please bear in mind that these are direct costs only and exclude costs controlled centrally, "
        "for example:\n"
        "- uniforms and protective equipment\n"
        "- fleet management\n"
        "- IT costs\n"
    )
    (q,) = parse_text(text).questions
    assert "Please can I see an itemised breakdown" in q.text and "uniforms" not in q.text
    assert treatments(q) == {"disclosed"}


def test_the_act_quoted_with_its_numbered_conditions_gives_no_questions():
    # "(2) Any information ... is also exempt information if—" and "(3A) ... otherwise than under this Act—", each
    # over the Act's numbered conditions: the Act quoted, not labelled answers
    text = (
        "You asked for\n\nPlease can you provide me with the inspection reports for the building named below.\n\n"
        "Our Response\n\nPlease find attached the report. Some of it is exempt under section 40(2) of the Freedom of "
        "Information Act 2000.\n\n"
        "(2) Any information to which a request for information relates is also exempt information if\u2014\n"
        "1. it constitutes personal data which does not fall within subsection (1), and\n"
        "2. the first, second or third condition below is satisfied.\n"
        "(3A) The first condition is that the disclosure of the information to a member of the public otherwise "
        "than under this Act\u2014\n"
        "1. would contravene any of the data protection principles, or\n"
        "2. would do so if the exemptions in section 24(1) of the Data Protection Act 2018 were disregarded.\n"
    )
    (q,) = parse_text(text).questions
    assert "inspection reports" in q.text
    assert treatments(q) == {"partly_disclosed"} and q.exemptions == ("s40(2)",)


def test_a_page_title_that_ends_in_response_is_not_the_response_heading():
    # "Freedom of information response" over the page, then "Request:" and "Response:": the title says what the page
    # is; the request starts at its heading, and the reply at its own
    text = (
        "Freedom of information response\n\nStreet lighting\n\nPublication date:\nMonday 3 July 2023\n"
        "Request:\n\n- The number of street lights converted to LED in 2022\n\n"
        "- The cost of converting these street lights\n\n"
        "Response:\n\nWe converted 1,240 street lights to LED in 2022. The cost was \u00a3312,000.\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "The number of street lights converted to LED in 2022",
        "The cost of converting these street lights",
    ]


@pytest.mark.parametrize(
    "outcome",
    [
        "The Water Board provided the detailed operational and financial information requested.",
        "The department released all of the information it held.",
        "The information requested was supplied in a spreadsheet.",
    ],
)
def test_a_published_summary_of_the_reply_in_the_third_person_reads_as_a_release(outcome):
    # a disclosure-log page that only summarises the exchange ("A request for information was made about ... The
    # Board provided the information requested."): the release is told in the third person
    text = (
        "Reservoir inspections and maintenance costs\n"
        "Response to a request for information made under the Freedom of Information Act about reservoir "
        "inspections and maintenance costs.\n"
        f"A request for information was made about reservoir inspections and maintenance costs. {outcome}\n"
    )
    (q,) = parse_text(text).questions
    assert treatments(q) == {"disclosed"}


def test_a_summary_that_the_information_was_not_provided_is_no_release():
    text = (
        "Reservoir inspections\n"
        "A request for information was made about reservoir inspections. The Board did not hold the information "
        "requested, so no information was provided.\n"
    )
    (q,) = parse_text(text).questions
    assert treatments(q) == {"not_held"}


@pytest.mark.parametrize(
    "reply",
    [
        "The Academy Trust would hold this information as it runs the school from day 6.",
        "This information would be held by the school, which keeps its own attendance records.",
    ],
)
def test_an_answer_that_names_another_body_as_holding_the_information_is_redirected(reply):
    # "[another body] would hold this information": the requester is sent elsewhere (other: redirected), though the
    # answer names a figure ("day 6") or states a fact
    text = (
        "1. How many pupils were excluded in 2023?\n12\n\n"
        f"2. How many of them were not in full-time education from the sixth day?\n{reply}\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["1"]) == {"disclosed"}
    assert treatments(by_label["2"]) == {"other"} and by_label["2"].review == "other: redirected"


def test_the_authority_saying_it_would_hold_the_information_is_no_redirection():
    text = (
        "1. How many pupils were excluded in 2023?\n12\n\n"
        "2. How many of them were not in full-time education from the sixth day?\n"
        "We would hold this information on our case system; the figure for 2023 is 4.\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["2"]) == {"disclosed"}


def test_see_above_under_an_answer_read_as_other_for_a_reason_takes_that_reading():
    # "See above" under an answer that sends the requester elsewhere: the same answer, `other` for the same reason
    text = (
        "1. How many pupils were excluded in 2023?\n12\n\n"
        "2. How many of them were not in full-time education from the sixth day?\n"
        "The Academy Trust would hold this information as it runs the school.\n\n"
        "3. What was the longest wait for a place?\nSee above\n\n"
        "4. What was the average wait?\nAs above\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert [treatments(by_label[n]) for n in "234"] == [{"other"}] * 3
    assert by_label["3"].review == "read as the answer above it: check it"


def test_a_reply_table_with_a_row_numbered_for_each_question_answers_them_in_turn():
    # the reply a table saved one row a line, its first cell the question's number ("1 | ... |"), the same table
    # again for a second contract: each row answers its question
    text = (
        "Please provide the following for the cleaning contract:\n"
        "1. Supplier name\n2. Contract value\n3. Tender documents\n"
        "Our response:\n"
        "Contract A \u2013 Reference C101 | |\n---|---|\n"
        "1 | Brightclean Ltd |\n"
        "2 | Exempt s.43(2) prejudice to commercial interests. |\n"
        "3 | Information not held - we confirm that the University does not hold the information requested. |\n"
        "Contract B \u2013 Reference C102 | |\n"
        "1 | Brightclean Ltd |\n"
        "2 | Exempt s.43(2) prejudice to commercial interests. |\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert list(by_label) == ["1", "2", "3"]
    assert treatments(by_label["2"]) == {"withheld"} and by_label["2"].exemptions == ("s43(2)",)
    assert treatments(by_label["3"]) == {"not_held"}


def test_ranked_rows_of_a_table_of_figures_are_not_answers_by_number():
    # rows numbered 1-2 under three questions: a ranking in the reply, not one row for each question
    text = (
        "1. Which wards had the most complaints?\n2. How many complaints were there in total?\n"
        "3. How many were upheld?\n"
        "Response\n"
        "Please find below the figures. In total there were 41 complaints, of which 9 were upheld.\n"
        "1 | North ward | 20 |\n"
        "2 | South ward | 21 |\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert all(not q.answer.startswith(("North", "South")) for q in questions)


def test_a_nil_return_is_the_answer_that_there_are_none():
    # "Nil return" answers a count with none: the information given (a count of zero), not information not held
    text = (
        "1. How many fixed penalty notices for littering were issued in 2022?\n"
        "Nil return from the Council.\n\n"
        "2. How many staff are authorised to issue them?\n"
        "Four officers.\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["1"]) == {"disclosed"}


def test_questions_quoted_and_answered_in_turn_each_read_their_own_answer():
    # the request's questions quoted one by one (“How many ...?”, "For how many of those ...?"), each followed by its
    # answer, the first a count given on its own ("412 referrals ...")
    text = (
        "Referrals and assessments\n\n"
        "\u201cHow many referrals were made to children's services between April 2022 and March 2023?\n\n"
        "412 referrals relating to 300 children (from our annual return).\n\n"
        "For how many of those referrals was an assessment started within ten days?\n\n"
        "This information is not held centrally.\n\n"
        "For how many of those referrals was an assessment completed in the same period?\u201d\n\n"
        "198 assessments were completed in the period requested.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["Item 1", "Item 2", "Item 3"]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"not_held"}, {"disclosed"}]


def test_a_question_quoted_again_in_the_reply_is_no_new_question():
    text = (
        "How many parking fines were issued in the city centre in 2023?\n\n"
        "\u201cHow many parking fines were issued in the city centre in 2023?\u201d The Council issued 1,240.\n\n"
        "How many of those fines were cancelled on appeal in the same year?\n\n"
        "86 fines were cancelled on appeal.\n"
    )
    questions = parse_text(text).questions
    assert len(questions) == 2


def test_please_find_a_link_to_published_information_is_no_release():
    # "please find a link to the web page" beside "has been published": a pointer to what is published, not the
    # information sent with the reply
    text = (
        "1. How much did the council spend on festive lighting in 2022?\n"
        "This information has already been published and is therefore exempt under section 21. For ease of "
        "reference please find a link to the web page: https://www.example.gov.uk/lighting-costs\n\n"
        "2. How many lights were installed?\n"
        "Please find attached the list of installations.\n"
    )
    by_label = {q.label: q for q in parse_text(text).questions}
    assert treatments(by_label["1"]) == {"public_domain"}
    assert treatments(by_label["2"]) == {"disclosed"}


def test_a_threads_status_line_above_it_is_not_the_authoritys_decision():
    # "<Authority> did not have the information requested." above a WhatDoTheyKnow thread: the requester's status of
    # the request, not the reply, which here asks to clarify
    text = (
        "Library fines\n\n"
        "Anytown University did not have the information requested.\n\n"
        "Dear Anytown University,\n\n"
        "1. Please tell me the number of library fines issued in each of the last five years.\n\n"
        "2. Please tell me the total value of those fines.\n\n"
        "Yours faithfully,\n\nA Requester\n\n"
        "Dear A Requester\n\n"
        "We would like to request some clarification regarding your request. Please could you specify which "
        "libraries you mean?\n"
    )
    questions = parse_text(text).questions
    assert [treatments(q) for q in questions] == [{"other"}, {"other"}]


def test_questions_answered_in_turn_under_the_request_heading_each_read_their_own_reply():
    # a disclosure page with only a "Request:" heading: each bulleted question followed by its reply (a bare figure,
    # a statement, a refusal), and no heading for the response
    text = (
        "Request:\n"
        "- Please provide the total number of parking wardens employed by the council\n"
        "38\n"
        "- Please indicate the year the current enforcement contract was awarded?\n"
        "This information is not held.\n"
        "- Please provide the names of the wardens\n"
        "This information is exempt from disclosure under section 40(2) of the FOI Act.\n"
    )
    questions = parse_text(text).questions
    assert len(questions) == 3
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"not_held"}, {"withheld"}]
    assert questions[0].answer == "38"


def test_numbered_items_typed_without_a_space_after_the_stop_are_items():
    # "1.How many ...": a list saved from a PDF or a web page that lost the space after its numbers
    text = (
        "Information requested\n"
        "1.How many potholes were reported to the council in 2023?\n"
        "2.How many compensation claims for pothole damage were paid in 2023?\n"
        "3.What was the total value of those claims?\n"
        "Response\n"
        "1. 4,120 potholes were reported.\n"
        "2. 61 claims were paid.\n"
        "3. We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"disclosed"}, {"not_held"}]


def test_the_provisions_a_reply_lists_under_the_last_question_are_no_items_asked():
    # the reply ran into the last question, its exemptions bulleted; they are not the question's items
    text = (
        "You requested:\n"
        "1. Copies of the fire risk assessments for the headquarters building.\n"
        "2. Copies of the building's security plans.\n"
        "The information is withheld under the following exemptions:\n"
        "\u2022 section 24(1) FOIA - safeguarding national security;\n"
        "\u2022 section 38(1) FOIA - health and safety.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2"]


def test_a_reply_naming_the_authority_as_not_holding_it_answers_every_question_above():
    # the questions listed, then the reply as prose after the last, opening "The <authority> does not hold ..."
    text = (
        "Information Requested\n"
        "1. How many hours were lost to vehicle breakdowns in 2022?\n"
        "2. What was the cost of those breakdowns?\n"
        "3. Which depot had the most breakdowns?\n"
        "The Transport Authority does not hold information on breakdowns. We hold data on vehicle servicing only.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert all(treatments(q) == {"not_held"} for q in questions)


def test_a_question_label_with_a_stop_before_its_letter_is_a_part_of_its_own():
    # "Q.5.a" (or "Q5.a"): the part a of question 5, asked and answered apart from it
    text = (
        "Question and Response:\n"
        "Q.1 How many fire engines does the service have?\n"
        "A.1 42\n"
        "Q.2 How many pagers does the service use?\n"
        "A.2 0 pagers. On-call staff use alerters.\n"
        "Q.2.a Could you provide a breakdown by type of pager?\n"
        "A.2.a We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["Q1", "Q2", "Q2a"]
    assert treatments(questions[2]) == {"not_held"}


def test_a_further_ask_in_a_question_asked_where_it_is_answered_is_a_question_too():
    # S5: "In addition, how many ...?" asks something more; in a question-and-answer page the question's answer
    # answers both
    text = (
        "Question and Response:\n"
        "Q.1 How many fire engines does the service have?\n"
        "A.1 42\n"
        "Q.2 Could you provide the number of station managers, as in the table below. In addition, how many "
        "managers use a mobile application to be mobilised?\n"
        "A.2 Please see the attached document.\n"
    )
    questions = parse_text(text).questions
    assert len(questions) == 3
    assert questions[2].text.startswith("In addition, how many managers")
    assert questions[2].answer == questions[1].answer


def test_the_provisions_a_reply_lists_are_no_items_of_the_request():
    # a reply quoting the request in prose, then listing the limbs of the exemption it relies on as bullets
    text = (
        "Thank you for your email in which you requested the following:\n"
        "\u201cCould you confirm the date on which Acme Energy Ltd submitted its redundancy notice?\u201d\n"
        "I can neither confirm nor deny whether we hold the information you have requested, under section 31(3) of "
        "the FOIA. Confirming or denying would be likely to prejudice:\n"
        "\u2022 31(1)(a) - the prevention or detection of crime\n"
        "\u2022 31(1)(b) - the apprehension or prosecution of offenders\n"
        "\u2022 31(1)(g) - the exercise by any public authority of its functions\n"
    )
    questions = parse_text(text).questions
    assert len(questions) == 1
    assert treatments(questions[0]) == {"ncnd"}


def test_a_request_quoted_from_its_first_item_keeps_that_item():
    # the opening quotation mark before the first number ('"1) How many ...'): item 1 is an item as the others are;
    # the Act quoted from a subsection ('"(2) Information is exempt ...') is not
    text = (
        "My request was as follows:\n"
        '"1) How many allotment sites does the council manage?\n'
        "2) How many people are on the waiting lists?\n"
        '3) Are any of the waiting lists closed?"\n'
        "Response\n"
        "1) 11\n"
        "2) 240\n"
        "3) No\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert questions[0].answer == "11"


def test_request_and_reply_marks_over_each_numbered_question_pair_them():
    # "Request." over each numbered question and "Reply" over its answer: each question reads the reply under it
    text = (
        "Please find below a summary of our findings.\n"
        "Request.\n"
        "1) Does the service use electric fire engines?\n"
        "Reply\n"
        "Not at the moment.\n"
        "Request.\n"
        "2) If so, how many does it have?\n"
        "Reply\n"
        "We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Does the service use electric fire engines?",
        "If so, how many does it have?",
    ]
    assert [q.answer for q in questions] == ["Not at the moment.", "We do not hold this information."]


def test_a_request_written_out_above_the_reply_counts_its_listed_items():
    # no headings: the request's paragraphs and lists, then the reply; the request is what comes before the reply,
    # its bulleted items questions, not only the lines that plainly ask
    text = (
        "Reference 2020-12\n"
        "Please can you provide financial information relating to the:\n"
        "- Total cost of agency nurses in the last 2 years\n"
        "- Total cost of bank nurses in the last 2 years\n"
        "- Total cost of locum doctors in the last 2 years\n"
        "How many agency shifts were filled last year?\n"
        "Can you please provide details of your current agency provider?\n"
        "Section 21 \u2013 information already reasonably accessible\n"
        "This information is already published on the Trust's website.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:24] for q in questions] == [
        "Total cost of agency nur",
        "Total cost of bank nurse",
        "Total cost of locum doct",
        "How many agency shifts w",
        "Can you please provide d",
    ]
    assert all(treatments(q) == {"public_domain"} for q in questions)


def test_a_request_quoted_item_by_item_then_one_decision_answers_every_item():
    # "Your requests were as follows: 1. “...? Also, what ...?” 2. “...?”" then "Your request has been handled under
    # the Act ... does not hold this information": the decision after the last item answers each item, and a
    # sentence that says it asks something more is a question of its own (S5)
    text = (
        "Your requests were as follows:\n"
        "1. \u201cHow many parking challenges did councils receive in the past 12 months? Also, what was the "
        "longest response time to a challenge?\u201d\n"
        "2. \u201cHow many appeals were referred to the tribunal?\u201d\n"
        "Your request has been handled under the Freedom of Information Act 2000 and I can confirm that the "
        "Department does not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "\u201cHow many parking challenges did councils receive in the past 12 months?",
        "Also, what was the longest response time to a challenge?\u201d",
        "\u201cHow many appeals were referred to the tribunal?\u201d",
    ]
    assert all(treatments(q) == {"not_held"} for q in questions)


def test_a_refusal_naming_its_questions_in_a_list_with_slashes_answers_each_of_them():
    # "In relation to Question 2 / 3 and 4, ...": a list of the questions a paragraph answers may run on with
    # slashes, as it does with commas and 'and'; each question it names takes it as its answer
    text = (
        "Request\n"
        "1. The number of horses kept by the force.\n"
        "2. The number of stables owned by the force.\n"
        "3. The cost of feed for each year since 2018.\n"
        "4. The cost of veterinary care for each year since 2018.\n"
        "Response\n"
        "In relation to Question 2 / 3 and 4, this information cannot be located and retrieved within the cost "
        "limit under Section 12 of the Act.\n"
        "Question 1 - The force keeps 12 horses.\n"
    )
    questions = parse_text(text).questions
    assert [treatments(q) for q in questions] == [
        {"disclosed"},
        {"cost_limit"},
        {"cost_limit"},
        {"cost_limit"},
    ]
    assert all(q.answer.startswith("In relation to Question 2 / 3 and 4") for q in questions[1:])
    assert all(q.exemptions == ("s12",) for q in questions[1:])


def test_a_reply_after_the_last_question_with_no_cue_answers_every_question():
    # questions listed with nothing under them, then the reply as prose after the last, opening with its harm
    # ("If disclosed, this information could ...") before the exemption: the prose answers every question, not the
    # last one alone
    text = (
        "1. How many phishing attacks has the council suffered in the last 3 years?\n"
        "\n"
        "2. How many staff hours were lost as a result?\n"
        "\n"
        "3. Which security software does the council use?\n"
        "\n"
        "If disclosed, this information could be used by criminals to find weaknesses in the council's network "
        "defences, putting the data of residents and staff at greater risk of attack.\n"
        "\n"
        "The disclosure of information which would make the council more vulnerable to crime is exempt under "
        "Section 31 of the Act.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:20] for q in questions] == [
        "How many phishing at",
        "How many staff hours",
        "Which security softw",
    ]
    assert all(treatments(q) == {"withheld"} for q in questions)
    assert all(q.answer.startswith("If disclosed, this information") for q in questions)


def test_a_quoted_request_then_paragraphs_naming_their_questions_answer_each_question():
    # "You requested: "1. ... 5. ..."" then "In respect of question 2 of your request, ...": the paragraphs after the
    # closed quotation are the reply, each answering the questions it names, not the last question's answer
    text = (
        "You requested:\n"
        "\u201cPlease provide copies of the following documents\n"
        "1. Fire risk assessments since 2015.\n"
        "2. Asbestos surveys since 2015.\n"
        "3. Floor plans of the headquarters building.\u201d\n"
        "\n"
        "In respect of question 2 of your request, I have established that the information you requested is not "
        "held by the Agency.\n"
        "In respect of questions 1 and 3 your request has been assessed. This information is withheld under "
        "section 38(1) of the Act.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Fire risk assessments since 2015.",
        "Asbestos surveys since 2015.",
        "Floor plans of the headquarters building.\u201d",
    ]
    assert [treatments(q) for q in questions] == [{"withheld"}, {"not_held"}, {"withheld"}]


def test_a_reply_headed_response_after_the_requesters_sign_off_answers_the_request():
    # a disclosure log's page: the request as sent, signed off by the requester ("Yours sincerely,"), then the
    # reply under "Response": the reply, not more of the request's closing
    text = (
        "Request\n"
        "Dear Council,\n"
        "Please can you provide the following:\n"
        "1. How many potholes were reported in 2023?\n"
        "2. How many pothole compensation claims were paid in 2023?\n"
        "Yours sincerely,\n"
        "Response\n"
        "Hi\n"
        "The Council can confirm that the information you have requested is held and the information is attached.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2"]
    assert all(treatments(q) == {"disclosed"} for q in questions)


def test_an_answer_numbered_with_a_space_before_its_stop_answers_that_question():
    # "6 .In the ..." in a list of answers numbered "1.", "2." ...: the number typed with its space before the stop
    # still numbers the answer, not a line of the answer before it
    text = (
        "Request\n"
        "1. Number of parks in the borough\n"
        "2. Number of park wardens employed\n"
        "Response\n"
        "1. 14\n"
        "2 .There are three park wardens employed by the Council.\n"
    )
    questions = parse_text(text).questions
    assert [q.answer for q in questions] == ["14", "There are three park wardens employed by the Council."]
    assert all(treatments(q) == {"disclosed"} for q in questions)


def test_please_find_information_attached_after_the_last_question_answers_every_question():
    # "Please find information attached." after the last of the numbered questions opens the reply, as "Please find
    # attached ..." does: it answers every question, not the last one alone
    text = (
        "Subject: Agency staff spend\n"
        "1. The spending per financial year on agency nurses for the last 3 financial years.\n"
        "2. The total pay budget for each of those 3 financial years.\n"
        "Please find information attached.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2"]
    assert all(q.answer.startswith("Please find information attached.") for q in questions)
    assert all(treatments(q) == {"disclosed"} for q in questions)


def test_a_question_restated_without_its_number_takes_the_answer_after_it_on_its_line():
    # "Please see responses below." then the question's words again, unnumbered, and its answer on the same line,
    # while the other answers are numbered: the rest of that line answers it
    text = (
        "Request\n"
        "1) The number of chimney fires attended in the district in the last three years.\n"
        "2) The number of those fires in thatched properties.\n"
        "Response\n"
        "Please see responses below.\n"
        "The number of chimney fires attended in the district in the last three years.  We attended 212 chimney "
        "fires in that period.\n"
        "2) We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert questions[0].answer == "We attended 212 chimney fires in that period."
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"not_held"}]


def test_a_number_and_letter_with_a_stop_between_them_mark_a_part_of_the_item():
    # "2.a The number ..." / "2.b of those ...": the parts a and b of item 2, questions of their own, as "2a)" is
    text = (
        "Request\n"
        "1. The number of patients prescribed drug X in 2022.\n"
        "2.a The number of patients prescribed both drug X and drug Y in 2022.\n"
        "2.b of those patients from 2.a how many were prescribed both again in 2023.\n"
        "Response\n"
        "A copy of the information is attached.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2a", "2b"]
    assert questions[2].text == "of those patients from 2.a how many were prescribed both again in 2023."
    assert all(treatments(q) == {"disclosed"} for q in questions)


def test_a_reply_numbering_its_answers_from_two_answers_the_first_in_the_prose_before():
    # the request's items "1) ... 4) ...", the page's dates, then the reply's prose and "2) ...", "3) ...": the
    # reply left its first answer unnumbered, the prose after the request's last item and the page's fields
    text = (
        "Speed cameras\n"
        "Request Description\n"
        "To set out my query as clearly as possible, I am requesting:\n"
        "1) The current total number of speed cameras in your county\n"
        "2) The names of the roads covered by these cameras\n"
        "3) How many days a week these cameras are in operation\n"
        "Request Date 18 March 2015\n"
        "Released Date\n"
        "We do not know the number of private cameras in the county as many are owned by businesses and the council "
        "holds no data on those.\n"
        "The council does run a speed camera network with the police. There are 42 cameras in this network.\n"
        "2) The camera locations are published on our website.\n"
        "3) Operated 7 days a week throughout the year\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert questions[0].text == "The current total number of speed cameras in your county"
    assert questions[0].answer.startswith("We do not know the number of private cameras")
    assert "There are 42 cameras" in questions[0].answer
    assert "not_held" in treatments(questions[0])


def test_a_lone_lettered_part_under_an_item_restated_where_it_is_answered_is_a_question():
    # "2. How many ...?" / "a) If any were upheld, please provide ..." / the answer: a one-item sub-list's marker makes
    # the part a question of its own, a conditional follow-up too (S1, S4e); the answer under them answers both
    text = (
        "Damp in council homes\n"
        "1. How many council homes do you own?\n"
        "We own 1,200 homes.\n"
        "2. How many complaints about damp did you receive in 2023?\n"
        "a) If any of these were upheld, please provide the number upheld.\n"
        "We received 14 complaints, of which 5 were upheld.\n"
        "3. How many homes were inspected for damp in 2023?\n"
        "We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2", "a)", "3"]
    assert questions[2].text == "If any of these were upheld, please provide the number upheld."
    assert questions[1].answer == questions[2].answer == "We received 14 complaints, of which 5 were upheld."
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"disclosed"}, {"disclosed"}, {"not_held"}]


def test_a_lone_lettered_part_that_only_breaks_its_item_down_stays_in_it():
    # "a) Please break this down by year.": a breakdown of the item (S2a), however it is marked
    text = (
        "Damp in council homes\n"
        "1. How many council homes do you own?\n"
        "We own 1,200 homes.\n"
        "2. How many complaints about damp did you receive in the last three years?\n"
        "a) Please break this down by year.\n"
        "2021: 4, 2022: 6, 2023: 14.\n"
    )
    assert [q.label for q in parse_text(text).questions] == ["1", "2"]


def test_questions_typed_with_a_full_stop_are_questions_of_their_own():
    # "How many times ... airport." / "Also how many times ... on board.": each opens as a question does and is typed
    # with a stop; the second asks something else (S6), as it would with its question mark
    text = (
        "Dear Example Ambulance Service,\n\n"
        "How many times since January 2019 have you sent hazardous response teams to the city airport.\n\n"
        "Also how many times since January 2019 have you sent crews to aircraft that reported smoke on board.\n\n"
        "Yours faithfully,\n\nA Requester\n\n"
        "Dear A Requester\n\n"
        "Hazardous response teams attended the airport 12 times. Crews attended 4 aircraft reporting smoke.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "How many times since January 2019 have you sent hazardous response teams to the city airport.",
        "Also how many times since January 2019 have you sent crews to aircraft that reported smoke on board.",
    ]


def test_a_numbered_item_asking_a_question_typed_with_a_stop_then_another_is_two_questions():
    # "1. Are trusts free to set salaries. Has staff moved between trusts ...?" (S5): the first typed with a stop
    text = (
        "1. Are trusts free to set their own salary structures. Has any staff moved between trusts because of pay?\n"
        "We do not hold this information.\n"
        "2. How many staff left in 2023? Where a reason was recorded, please give it.\n"
        "We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Are trusts free to set their own salary structures.",
        "Has any staff moved between trusts because of pay?",
        "How many staff left in 2023? Where a reason was recorded, please give it.",
    ]
    assert all(treatments(q) == {"not_held"} for q in questions)


def test_asking_after_a_count_what_holds_for_each_thing_counted_is_a_question_of_its_own():
    # "How many ...? In each case, please could you state whether ...", "The number of ... Please state which ...":
    # details of the things counted, records and not the count (S5d), however the sentence opens
    text = (
        "1. How many members of staff have faced disciplinary investigations since 2020? In each case, please could "
        "you state whether any misconduct was found.\n"
        "Twelve members of staff. Misconduct was found in five cases.\n"
        "2. The number of closed wards at each of the board's hospitals. Please state which hospital each ward is "
        "in.\n"
        "There are two closed wards, both at the General Hospital.\n"
        "3. How many complaints were made in 2023? For each month, please give the number received.\n"
        "Forty complaints; the monthly figures are in the table attached.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "How many members of staff have faced disciplinary investigations since 2020?",
        "In each case, please could you state whether any misconduct was found.",
        "The number of closed wards at each of the board's hospitals.",
        "Please state which hospital each ward is in.",
        "How many complaints were made in 2023? For each month, please give the number received.",
    ]


def test_a_lettered_part_typed_without_its_space_is_a_part_of_the_item():
    # "a.If yes, how much ...?", "(b)We request ...": the marker typed against the part's first word (S1, S4e)
    text = (
        "1. Has the Trust paid any ransom demands in the last five years?\n"
        "a.If yes, how much did you pay in total?\n"
        "This information is withheld under section 31(1)(a) of the Act.\n"
        "2. (a) We would like a copy of all correspondence between the committee and the minister.\n"
        "(b)We also request that we are sent any further correspondence on the matter.\n"
        "A copy of the correspondence is attached.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Has the Trust paid any ransom demands in the last five years?",
        "If yes, how much did you pay in total?",
        "(a) We would like a copy of all correspondence between the committee and the minister.",
        "We also request that we are sent any further correspondence on the matter.",
    ]
    assert [treatments(q) for q in questions[:2]] == [{"withheld"}, {"withheld"}]


def test_lettered_parts_asking_alike_for_groups_of_one_figure_stay_in_the_item():
    # "a.What percentage goes towards training?" / "b.What percentage goes towards technology?": shares of the one
    # budget the item asks about, values of its breakdown (S2d), not questions of their own
    text = (
        "1. How is your annual security budget spent:\n"
        "a.What percentage goes towards training for employees?\n"
        "b.What percentage goes towards technology investments?\n"
        "c.What percentage goes towards staff of the security team?\n"
        "This information is withheld under section 31(1)(a) of the Act.\n"
        "2. How many employees work in the Trust?\n"
        "8,453.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "2"]
    assert treatments(questions[0]) == {"withheld"}


def test_a_question_opened_by_a_phrase_that_scopes_it_is_a_question_of_its_own():
    # "Of that number, how many ...?", "During the same period, how many ...?": a question of its own after a
    # question (S5), its interrogative after a short phrase and a comma; the last one still in the item's quotation
    text = (
        "Your requests were as follows:\n"
        "1. How many children are awaiting an assessment? Of that number, how many have no school place?\n"
        '2. "How many appeals were made last year? During the same period, how many went to the tribunal?"\n'
        "3. Did the council run a consultation? If so, how many people responded?\n"
        "The council does not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "How many children are awaiting an assessment?",
        "Of that number, how many have no school place?",
        '"How many appeals were made last year?',
        'During the same period, how many went to the tribunal?"',
        "Did the council run a consultation? If so, how many people responded?",
    ]


def test_a_log_page_of_several_requests_reads_each_under_its_heading():
    # "Information requested" / ... / "Response" / ..., again for the next request: each request read on its own,
    # the page's questions all of theirs in order (the first request's own, then the second's list)
    text = (
        "Disclosure log, November\n\n"
        "Reference\nFOI/001 - Board catering\n\n"
        "Information requested\n\n"
        "How much was spent on catering for board meetings in 2024/25?\n\n"
        "Response\n\n"
        "The Board spent £1,200 on catering in 2024/25. This is a full release.\n\n"
        "Reference\nFOI/002 - Senior staff\n\n"
        "Information requested\n\n"
        "Please provide the following information:\n\n"
        "1. The number of senior managers.\n"
        "2. The total salary cost of senior managers.\n\n"
        "Response\n\n"
        "The information you requested is attached in full.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "How much was spent on catering for board meetings in 2024/25?",
        "The number of senior managers.",
        "The total salary cost of senior managers.",
    ]
    assert all(treatments(q) == {"disclosed"} for q in questions)


def test_a_log_page_dated_by_request_received_reads_each_request():
    # "1. Request received 10 January 2014" / ... / "Response sent 15 January 2014" / ...: the same page, dated
    text = (
        "1. Request received 10 January 2014\n\n"
        "Please can you release the Commissioner's list of expenses claims for 2013.\n\n"
        "Response sent 15 January 2014\n\n"
        "The list is published on our website at www.example.gov.uk/expenses.\n\n"
        "2. Request received 8 February 2014\n\n"
        "I would like the minutes of the last meeting the Commissioner had with the Chief Constable.\n\n"
        "Response sent 14 February 2014\n\n"
        "We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Please can you release the Commissioner's list of expenses claims for 2013.",
        "I would like the minutes of the last meeting the Commissioner had with the Chief Constable.",
    ]
    assert treatments(questions[1]) == {"not_held"}


def test_numbered_parts_that_only_break_their_item_down_stay_in_it():
    # "How many ...?" / "1a) If possible, please break down by age." / "2. ...?" / "2a) ...": the parts ask only for a
    # breakdown of their item (S2a), whatever marks they carry; the item left unnumbered above "1a)" is item 1
    text = (
        "Information requested\n\n"
        "How many patients waited more than an hour for an ambulance in each of the last three years?\n\n"
        "1a) If possible, please break down by age of patient.\n\n"
        "1b) If possible, please provide the name of the station that sent each ambulance.\n\n"
        "2. What was the average waiting time in each of those years?\n\n"
        "2a) If possible, please break down by severity of harm.\n\n"
        "Response\n\n"
        "Please see the attached spreadsheet.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1", "1b", "2"]
    assert questions[0].text.startswith("How many patients waited more than an hour")
    assert "break down by age" in questions[0].text


def test_a_sentence_for_several_questions_asking_nothing_new_is_no_question():
    # "Would you have figures for questions 1, 2 and 3 for ...?", "Please provide your response as simple figures to
    # answer each question": a period or form for them all, which belongs to none of them (S5a, S2a, S7)
    numbered = (
        "1. How many recycling bins were rejected in the past 12 months?\n"
        "2. How many fines were given out in the past 12 months?\n"
        "3. How much did rejected bins cost the council? Would you have figures for questions 1, 2 and 3 for the "
        "years from 2015 to 2019?\n"
        "Our response\n"
        "1. This information is not recorded.\n"
        "2. None.\n"
        "3. Nil.\n"
    )
    assert [q.label for q in parse_text(numbered).questions] == ["1", "2", "3"]
    prose = (
        "Request\n"
        "How many fire engines did the service have in each of the last five years?\n"
        "How many road accidents did those fire engines have in each of the last five years?\n"
        "Please provide your response as simple figures to answer each question, if possible.\n"
        "Response\n"
        "The information is published on our website at www.example.gov.uk/fleet.\n"
    )
    assert [q.text for q in parse_text(prose).questions] == [
        "How many fire engines did the service have in each of the last five years?",
        "How many road accidents did those fire engines have in each of the last five years?",
    ]


def test_a_sentence_for_several_questions_asking_for_something_new_is_a_question():
    # "In addition, please provide the names of the schools for both questions": names, something new (S5a covers
    # breakdowns and periods only)
    text = (
        "Request\n"
        "How many times did crews attend false alarms at schools in 2023?\n"
        "How many times did crews attend fires at schools in 2023?\n"
        "In addition, please provide the names of the schools for both questions.\n"
        "Response\n"
        "The figures and the names are in the attached spreadsheet.\n"
    )
    assert len(parse_text(text).questions) == 3


def test_a_numbered_item_only_asking_for_a_breakdown_is_part_of_the_question_before_it():
    # "Question 2. A breakdown of these figures by: ...", answered with the rest as a whole: the breakdown of question
    # 1's figures (S2a, S2e), no question of its own
    text = (
        "Request\n"
        "Question 1. Total number of staff who left the council under voluntary severance in each year.\n"
        "Question 2. A breakdown of these figures by:\n"
        "- Staff grade\n"
        "- Age range\n"
        "Question 3. Any documents setting out who was eligible for the scheme.\n"
        "Response\n"
        "Please see the attached spreadsheet and documents.\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["Question 1", "Question 3"]
    assert "A breakdown of these figures by:" in questions[0].text


def test_a_breakdown_item_the_reply_answers_on_its_own_stays_a_question():
    # the reply answers "2." under its own number: its split wins (S10)
    text = (
        "Request\n"
        "1. The total number of sickness days in 2024.\n"
        "2. A breakdown of sickness days by reason for absence.\n"
        "Response\n"
        "1. 4,210 days.\n"
        "2. Mental ill-health 1,200; musculoskeletal 900; other 2,110.\n"
    )
    assert [q.label for q in parse_text(text).questions] == ["1", "2"]


def test_a_paragraph_whose_ask_follows_what_scopes_it_is_an_item_of_the_request():
    # "From the same dates. Separated by year. What is the cost of ...", "I am unsure when ... however please provide
    # ...": the ask comes after a scope sentence or clause, a paragraph of its own all the same (S6)
    text = (
        "Request\n"
        "How many reports of assaults on staff have you received since 2019, separated by year?\n"
        "From the same dates. Separated by year. What is the cost of litigation brought by staff after an assault?\n"
        "I am unsure whether you record this however please provide the number of days staff were absent after one.\n"
        "Could this information please be separated by physical and verbal assault.\n"
        "Response\n"
        "We do not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:40] for q in questions] == [
        "How many reports of assaults on staff ha",
        "From the same dates. Separated by year. ",
        "I am unsure whether you record this howe",
    ]
    assert all(treatments(q) == {"not_held"} for q in questions)


def test_a_lead_asking_for_more_starts_the_request_s_own_items_again():
    # "I would also be grateful if you could provide information that includes:" after the items of a first list: its
    # short entries are items of the request (S1), not values of a breakdown of the item before it, and it asks nothing
    text = (
        "Request\n"
        "Please can you provide financial information relating to the:\n"
        "- Total cost of interpreting services in the last 2 years\n"
        "- Total cost of translation services in the last 2 years\n"
        "I would also be grateful if you could provide us with information that includes:\n"
        "- Hourly cost of face to face interpreting\n"
        "- Cost per minute of telephone interpreting\n"
        "Response\n"
        "This information is published on our website at www.example.nhs.uk/spend.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Total cost of interpreting services in the last 2 years",
        "Total cost of translation services in the last 2 years",
        "Hourly cost of face to face interpreting",
        "Cost per minute of telephone interpreting",
    ]
