"""Request layouts read as real requests write them: synthetic texts in the general forms (none copied from a
real request), one test a form."""

from __future__ import annotations

import itertools

import pytest

from foi_precedent.drafting.request import split_request


def _own(text: str) -> list[str]:
    return [q.own_text for q in split_request(text).questions]


def test_bulleted_entries_that_only_ask_how_to_reply_are_not_questions():
    # the format of the reply, and advice and assistance, set out as bullets like the questions above them
    assert _own(
        "Dear Council,\n"
        "I would like to know the number of parking fines issued in each year from 2019 to 2023.\n"
        "I would like to know the income from parking fines in each of those years.\n"
        "- I would like to receive this data in CSV format.\n"
        "- I would appreciate your advice and assistance with this request if it is too broad.\n"
        "Yours faithfully,\nA Requester\n"
    ) == [
        "I would like to know the number of parking fines issued in each year from 2019 to 2023.",
        "I would like to know the income from parking fines in each of those years.",
    ]


def test_a_numbered_entry_that_only_asks_for_a_format_is_no_question():
    assert _own(
        "Dear Trust,\n1. How many agency nurses did you employ in 2024?\n2. What did they cost?\n"
        "3. Please provide these figures in an Excel spreadsheet.\nThank you.\n"
    ) == ["How many agency nurses did you employ in 2024?", "What did they cost?"]


def test_a_lead_ask_with_an_aside_above_a_numbered_list_introduces_the_list():
    # 'request, in the form of a spreadsheet, information on ...': the list below says what that information is
    assert _own(
        "Dear Fire Service,\n"
        "Could I please request, in the form of a CSV file, information on road traffic collisions you attended.\n"
        "1. The number of collisions attended in each year from 2020 to 2024.\n"
        "2. The number of people rescued from vehicles in each of those years.\n"
        "Yours faithfully,\nA Requester\n"
    ) == [
        "The number of collisions attended in each year from 2020 to 2024.",
        "The number of people rescued from vehicles in each of those years.",
    ]


def test_the_fields_a_record_is_to_include_stay_in_their_question():
    # the columns of the data asked for, one a line, some reading like asks ('Total number of ...')
    r = split_request(
        "Dear Council,\n"
        "1. The number of fly-tipping incidents reported in 2023.\n"
        "2. A list of each prosecution for fly-tipping in 2023. Please include:\n"
        "- Date of offence\n- Ward\n- Total number of items dumped\n- Total fine imposed\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q2"]
    assert "Total fine imposed" in r.questions[1].own_text


def test_a_list_of_formats_the_reply_may_come_in_is_no_list_of_questions():
    assert _own(
        "Dear Council,\n\nPlease provide a copy of your register of public trees.\n\n"
        "Please send this information in one of the following file formats:\n\n"
        "1. CSV file;\n2. GeoJSON;\n3. Excel file.\n\n"
        "* If the register is published, please send me a link to it.\n\nThank you.\n"
    ) == [
        "Please provide a copy of your register of public trees.",
    ]  # a link to what is published is how to reply, no question (guide v2, S7)


def test_i_am_writing_to_request_a_named_thing_asks_for_it():
    # 'I am writing [under the Act] to request a copy of ...' asks; 'I am writing to request information' alone
    # only says that this is a request
    assert _own(
        "Dear Ministry,\n\nI'm writing under the Freedom of Information Act to request a copy of the final "
        "evaluation report of the cyber skills programme.\n\nI would also like the total cost of the evaluation.\n"
    ) == [
        "I'm writing under the Freedom of Information Act to request a copy of the final evaluation report of the "
        "cyber skills programme.",
        "I would also like the total cost of the evaluation.",
    ]


def test_compound_labels_are_sub_items_of_the_item_they_name():
    r = split_request(
        "Dear Council,\n1. How many fines were issued in 2023?\n2. Appeals\n2.a. How many were appealed?\n"
        "2.b. Of those appealed:\n2.b.i. how many succeeded?\n2.b.ii. how many failed?\n"
    )
    assert [(q.label, q.sub_of, q.own_text) for q in r.questions] == [
        ("Q1", None, "How many fines were issued in 2023?"),
        ("Q2", None, "Appeals"),
        ("Q2a", "Q2", "How many were appealed?"),
        # 'Of those appealed:' only introduces its items: no question, they move up a level (guide v2, S3)
        ("Q2(i)", "Q2", "how many succeeded?"),
        ("Q2(ii)", "Q2", "how many failed?"),
    ]


def test_numbers_in_brackets_inside_one_sentence_list_its_questions():
    # a web form's one sentence: '(1) ..., (2) ... and (3) ...'; the 'please provide' before them asks nothing
    r = split_request(
        "Dear Council, please provide (1) the number of potholes repaired in 2023, (2) the cost of those "
        "repairs and (3) the number of damage claims paid. Thanks, Ann Lee"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q2", "Q3"]
    assert r.questions[1].own_text.startswith("the cost of those repairs")
    assert "Ann" not in r.text


def test_an_html_list_inside_a_list_item_is_a_level_of_its_own():
    r = split_request(
        "<p>Dear Council,</p><ol><li>How many potholes were repaired in 2023?<ol><li>How many were on A roads?"
        "</li><li>How many on B roads?</li></ol></li><li>What did the repairs cost?</li></ol><p>Thanks</p>"
    )
    assert [(q.label, q.sub_of) for q in r.questions] == [
        ("Q1", None),
        ("Q1a", "Q1"),
        ("Q1b", "Q1"),
        ("Q2", None),
    ]


def test_a_numbered_list_run_together_with_no_spaces_is_still_read():
    # a form that lost every space and break: 'Dear Council,1.How ...?2.What ...?Thanks'
    assert _own(
        "Dear Council,1.How many potholes were repaired in 2023?2.What did the repairs cost?"
        "3.How many claims were paid?Thanks"
    ) == [
        "How many potholes were repaired in 2023?",
        "What did the repairs cost?",
        "How many claims were paid?",
    ]


def test_a_whole_letter_on_one_line_leaves_its_heading_out_of_the_question_and_the_sender_out_of_the_index():
    r = split_request(
        "Ann Lee 12 Mill Lane Anytown AN1 2BD ann.lee@example.org 07700 900123 3 March 2024 FOI Officer "
        "Anytown Council Dear Sir or Madam, Please tell me how many potholes were repaired in 2023 and what "
        "the repairs cost. Yours faithfully, Ann Lee"
    )
    assert [q.own_text for q in r.questions] == [
        "Please tell me how many potholes were repaired in 2023 and what the repairs cost."
    ]
    assert not any(v in r.text for v in ("Ann", "Lee", "12 Mill Lane", "AN1 2BD", "ann.lee@", "07700"))


def test_a_letter_heading_above_the_greeting_is_no_part_of_a_question():
    assert _own(
        "FOI Officer\nAnytown Council\nTown Hall\n\nRequest for information: potholes\n\nDear Sir or Madam,\n"
        "Please tell me how many potholes were repaired in 2023.\n"
    ) == ["Please tell me how many potholes were repaired in 2023."]


def test_a_forwarded_message_s_header_above_the_request_is_no_part_of_it():
    r = split_request(
        "---------- Forwarded message ---------\nFrom: Ann Lee <ann@example.org>\nDate: Mon, 4 Mar 2024\n"
        "Subject: FOI\nTo: <foi@anytown.gov.uk>\n\nDear Council,\nPlease tell me how many fines were issued in "
        "2023.\nThanks\nAnn\n"
    )
    assert [q.own_text for q in r.questions] == ["Please tell me how many fines were issued in 2023."]
    assert "Ann" not in r.text and "ann@example.org" not in r.text


def test_please_also_provide_with_a_list_under_a_numbered_list_asks_for_each_thing_listed():
    assert _own(
        "Dear Council,\n1. How many fines were issued in 2023?\n2. How many were cancelled?\n"
        "Please also provide:\n- your enforcement policy\n- your CCTV code of practice\n"
    ) == [
        "How many fines were issued in 2023?",
        "How many were cancelled?",
        "your enforcement policy",
        "your CCTV code of practice",
    ]


def test_lettered_categories_under_a_question_asking_for_a_figure_fold_into_it():
    # guide v2, S2b: categories of a count are breakdown values, lettered or not, as a list of years is
    r = split_request(
        "Dear Council,\n1. How many flood defence schemes do you run?\n"
        "2. For each year, how much was spent on:\na. new flood defences\nb. maintenance of flood defences\n"
    )
    assert [(q.label, q.sub_of) for q in r.questions] == [("Q1", None), ("Q2", None)]
    assert r.questions[1].own_text.endswith("b. maintenance of flood defences")
    r = split_request(
        "Dear Council,\n1. How many flood defence schemes do you run?\n"
        "2. How much was spent on flood defences in each of the following years:\na. 2022\nb. 2023\n"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q2"]


def test_a_breakdown_under_a_bulleted_list_applies_to_the_list_and_its_periods_are_no_questions():
    assert _own(
        "Dear Academy,\n(1) Total number of pupils excluded\n(2) Of this total:\n- Number of boys\n- Number of girls\n"
        "For each of the following periods:\n- September 2022 to July 2023\n- September 2023 to July 2024\n"
    ) == [
        # the groups 'Of this total:' split the count above: breakdown values of it (guide v2, S2d)
        "Total number of pupils excluded (2) Of this total: - Number of boys - Number of girls",
    ]


def test_the_numbered_questions_of_an_earlier_request_recalled_are_not_asked_again():
    assert _own(
        "Dear Trust,\nI would be grateful if you could provide the information redacted from the reply to an "
        "earlier request.\nContext\nA resident made a Freedom of Information request to the Trust on 1 May "
        "2023 for:\n1. The minutes of the board meeting of March 2023.\n2. The report on car parking charges.\n"
        "Thank you.\n"
    ) == [
        "I would be grateful if you could provide the information redacted from the reply to an earlier request."
    ]


def test_my_previous_request_asked_quotes_it():
    assert _own(
        "Dear Council,\nMy previous request asked:\n1. How many fines were issued in 2023?\n"
        "2. How many were cancelled?\n\nPlease tell me how many fines were issued in 2024.\n"
    ) == ["Please tell me how many fines were issued in 2024."]


def test_the_options_of_a_multiple_choice_question_stay_in_it_on_one_line():
    r = split_request(
        "Dear Council, I would like answers to the questions below:1) How many floods have you had since "
        "2015?2) What did the last one cost?3) Which of the following have you invested in? Select all that "
        "apply. Options:i. Drainage systemsii. Tree plantingiii. Flood wallsiv. Nonev. Other4) Has any flood "
        "led to sewer flooding? Thanks"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q2", "Q3", "Q4"]
    assert "Tree planting" in r.questions[2].own_text
    assert r.questions[3].own_text == "Has any flood led to sewer flooding?"


def test_a_list_without_bullets_a_blank_line_under_its_lead_in_is_still_a_list():
    assert _own(
        "Dear Trust,\n\nPlease can you give me the following information for 2023:\n\n"
        "Number of ambulance calls\nAverage response time\nNumber of handover delays\nbroken down by hospital.\n\n"
        "Yours faithfully,\nA Requester\n"
    ) == [
        "Number of ambulance calls",
        "Average response time",
        "Number of handover delays broken down by hospital.",
    ]


def test_a_request_made_by_someone_else_recalled_with_its_list_and_the_ask_run_on_under_it():
    r = split_request(
        "Dear Council,\nI refer to the request made by Peter Black on 1 May 2023 for:\n1. the minutes\n"
        "2. the report\nPlease provide the same for 2024.\nAnn Lee\n"
    )
    assert [q.own_text for q in r.questions] == ["Please provide the same for 2024."]
    assert "Peter Black" in r.text and "Ann" not in r.text  # the earlier requester is a third party


def test_a_one_line_list_whose_item_lost_its_stop_still_splits_at_the_next_number():
    assert _own(
        "Please can you tell me: 1. The number of referrals accepted, broken down by year 2. The number of "
        "referrals rejected, broken down by year. 3. The average waiting time, broken down by year. Thanks"
    ) == [
        "The number of referrals accepted, broken down by year",
        "The number of referrals rejected, broken down by year.",
        "The average waiting time, broken down by year.",
    ]


def test_a_bulleted_list_flattened_onto_one_line_from_its_start_is_split():
    assert _own(
        "- How many fires did you attend on 5 November 2023? - How many were caused by fireworks? "
        "- How many people were injured?"
    ) == [
        "How many fires did you attend on 5 November 2023?",
        "How many were caused by fireworks?",
        "How many people were injured?",
    ]
    assert (
        len(_own("I request the following: ::The number of incidents in 2023. ::The outcome of each one."))
        == 2
    )


def test_a_one_line_list_after_a_colon_whose_items_lost_their_stops():
    assert _own(
        "Please could I request the following: 1. The cost of clearing fly-tipping in 2023 2. Numbers of "
        "recorded fly-tipping cases in 2023 3. Any other figures on fly-tipping since 2020"
    ) == [
        "The cost of clearing fly-tipping in 2023",
        "Numbers of recorded fly-tipping cases in 2023",
        "Any other figures on fly-tipping since 2020",
    ]


def test_an_html_mail_with_br_line_breaks_reads_as_its_lines():
    text = (
        "Dear Council,\nPlease tell me:\n- How many potholes were repaired in 2023?\n- What did the repairs cost?\n"
        "Thanks\nAnn Lee"
    )
    html = "<html><body>" + "<br>\n".join(text.split("\n")) + "</body></html>"
    assert (
        _own(html) == _own(text) == ["How many potholes were repaired in 2023?", "What did the repairs cost?"]
    )


def test_thanks_for_an_earlier_reply_at_the_top_does_not_end_the_request():
    # a follow-up opening with thanks, hard-wrapped by a mail client, its one ask a bullet
    assert _own(
        "Thank you for your reply to my request of 6 August\n2024. I would now like the following information:\n\n"
        "  \u2022 how many trains from Crewe to Cardiff on Sunday 4 August\nran with only two carriages\n"
    ) == ["how many trains from Crewe to Cardiff on Sunday 4 August ran with only two carriages"]


def test_a_request_read_whole_is_not_traded_for_the_authority_s_reply_quoted_under_it():
    r = split_request(
        "Dear Trust,\n\nI am looking to obtain information on the cost of parking per hour at your main hospital "
        "over the past five years, or as far back as the data is available.\n\nYours faithfully,\nAnn Lee\n\n"
        "On 1 March 2024, at 10:00, FOI Team <foi@example.nhs.uk> wrote:\n> Dear Ms Lee,\n"
        "> 1. We hold 40 records.\n> 2. Please see attached.\n"
    )
    assert "parking" in r.questions[0].own_text and len(r.questions) == 1
    # a few words above the quotation still hand the request to what is quoted
    r = split_request(
        "Dear Trust,\nPlease see my request below, still unanswered.\nAnn\n\n"
        "On 1 March 2024, at 10:00, Ann Lee <ann@example.org> wrote:\n> Dear Trust,\n"
        "> 1. How many parking fines did you issue in 2023?\n> 2. What income did they raise?\n"
    )
    assert [q.own_text for q in r.questions] == [
        "How many parking fines did you issue in 2023?",
        "What income did they raise?",
    ]


def test_a_hard_wrapped_request_keeps_a_number_then_bracketed_letter_label_on_its_own_line():
    import textwrap

    text = (
        textwrap.fill(
            "(1) How many police officers and staff joined your force between 2020 and 2023 who had convictions "
            "prior to joining?",
            72,
        )
        + "\n"
        + textwrap.fill("1(a) If possible please state how many of them had more than one conviction.", 72)
    )
    text += "\n" + textwrap.fill(
        "1(b) Please also state how many of these officers were dismissed before, during or after conviction.",
        72,
    )
    assert [q.label for q in split_request(text).questions] == ["Q1", "Q1a", "Q1b"]


def test_one_line_number_then_bracketed_letter_sub_labels():
    r = split_request(
        "(1) How many officers joined your force in 2023 with convictions? 1(a) Can you tell me how many had more "
        "than one conviction? (2) How many officers were convicted after joining? 2(a) How many were dismissed?"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q1a", "Q2", "Q2a"]


def test_one_line_list_whose_lead_in_has_no_colon():
    assert _own(
        "Please could you answer the following questions about agency nursing in 2022-23 1. How much did the "
        "trust spend on agency nurses? 2. How much of it was spent with off-framework agencies? 3. Who reports "
        "on off-framework use?"
    ) == [
        "How much did the trust spend on agency nurses?",
        "How much of it was spent with off-framework agencies?",
        "Who reports on off-framework use?",
    ]


def test_one_line_bullets_each_after_a_sentence_end():
    assert _own(
        "Dear University, I would like to know your budget for student counselling in 2023. :: I would like to "
        "know the number of students who used counselling in 2023. :: I would like to receive these data in "
        "Excel format."
    ) == [
        "I would like to know your budget for student counselling in 2023.",
        "I would like to know the number of students who used counselling in 2023.",
    ]


def test_please_also_inside_a_numbered_item_asks_a_question_of_its_own():
    r = split_request(
        "Dear Council,\n1. How many fines were issued in 2023?\n"
        "2. How many were cancelled? Please also provide your policy on cancelling fines.\n"
        "3. How many were paid late? Please also break this down by month.\n"
    )
    assert [(q.label, q.sub_of, q.own_text) for q in r.questions] == [
        ("Q1", None, "How many fines were issued in 2023?"),
        ("Q2", None, "How many were cancelled?"),
        ("Q2a", "Q2", "Please also provide your policy on cancelling fines."),
        ("Q3", None, "How many were paid late? Please also break this down by month."),
    ]


def test_the_same_bullet_indented_further_is_a_level_of_its_own():
    r = split_request(
        "Dear Council,\n- How many fines were issued in 2023?\n    - How many were issued by camera?\n"
        "    - How many by civil enforcement officers?\n- How many were cancelled?\n"
    )
    assert [(q.label, q.sub_of) for q in r.questions] == [
        ("Q1", None),
        ("Q1a", "Q1"),
        ("Q1b", "Q1"),
        ("Q2", None),
    ]


def test_short_lines_under_the_following_with_no_colon_are_a_list():
    assert _own(
        "Dear Council\nI am requesting the following under FOI\n\nNumber of parking permits issued in 2023\n"
        "Income from parking permits in 2023\nNumber of permit zones\n"
    ) == [
        "Number of parking permits issued in 2023",
        "Income from parking permits in 2023",
        "Number of permit zones",
    ]


def test_capital_roman_numerals_with_stops_label_questions_on_one_line():
    assert _own(
        "Dear Council, I. How many fines were issued in 2023? II. How many were cancelled? III. What income did "
        "they raise? Thanks"
    ) == ["How many fines were issued in 2023?", "How many were cancelled?", "What income did they raise?"]


def test_numbers_written_with_commas_label_questions_on_one_line():
    assert _own(
        "Dear Council, 1, How many fines were issued in 2023? 2, How many were cancelled? 3, What income did they "
        "raise? Thanks"
    ) == ["How many fines were issued in 2023?", "How many were cancelled?", "What income did they raise?"]
    assert _own("Dear Council, please tell me what sections 1, 2 and 3 of your parking policy say.") == [
        "please tell me what sections 1, 2 and 3 of your parking policy say."
    ]


def test_asks_about_the_handling_of_the_request_are_not_questions():
    for closing in (
        "If you decide to withhold any information, please explain which exemption applies.",
        "Where information is redacted, please state the exemption relied upon.",
        "If you can identify any ways that my request could be refined, please let me know.",
        "If some parts of this request are easier to answer than others, please release the available "
        "information as soon as possible.",
    ):
        assert _own(
            f"Dear Council,\n1. How many fines were issued in 2023?\n2. How many were cancelled?\n\n{closing}\n"
        ) == ["How many fines were issued in 2023?", "How many were cancelled?"]
    # which exemptions an authority applied to an earlier reply is information asked for
    assert (
        len(_own("Dear Council,\nPlease tell me which exemptions the council applied to request 123.\n")) == 1
    )


def test_a_rule_above_the_request_is_no_signature_and_ends_nothing():
    # a request pasted with the rule a web form or a forwarded mail puts above it: it was read as a signature's
    # rule, everything under it cut, and the request refused as holding no question
    text = (
        "----------\n"
        "I would like you to provide me with the number of callouts the service has attended relating to grass "
        "fires during the financial years 2020/21 and 2021/22 respectively.\n\n-- \nJane Smith\n"
    )
    request = split_request(text)
    assert [q.wording for q in request.questions] == [
        "I would like you to provide me with the number of callouts the service has attended relating to grass "
        "fires during the financial years 2020/21 and 2021/22 respectively."
    ]
    assert "Jane Smith" not in request.text


def test_the_same_figure_asked_again_for_another_year_is_a_breakdown_of_its_question():
    # S2a as the guide's last pass confirmed it: items that only ask for the same figure for another period fold
    # into the first, their periods kept in its words; a different figure (opened, not closed) is a question
    request = split_request(
        "I wish to request that you supply me with:\n"
        "1. The number of libraries closed by the council in 2017.\n"
        "2. The number of libraries closed by the council in 2018.\n"
        "3. The number of libraries closed by the council in 2019/20.\n"
        "4. The number of new libraries opened by the council in 2017.\n"
        "5. The number of new libraries opened by the council in 2018.\n"
    )
    assert [(q.label, q.text) for q in request.questions] == [
        ("Q1", "The number of libraries closed by the council in 2017. (also 2018, 2019/20)"),
        ("Q4", "The number of new libraries opened by the council in 2017. (also 2018)"),
    ]


def test_items_that_differ_in_more_than_their_period_stay_questions():
    request = split_request(
        "Please provide:\n1. The number of fires in 2018.\n2. The number of false alarms in 2018.\n"
        "3. The number of fires attended in March 2019.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q3"]


def test_a_disclosure_log_s_fields_above_the_request_are_no_question():
    request = split_request(
        "Avon and Somerset Estates 2010-2020\n\nDate of request: April 28, 2021\nReference: 575/21\n\nRequest\n\n"
        "How many force police stations in operation at the start of 2010 are no longer operational?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How many force police stations in operation at the start of 2010 are no longer operational?"
    ]


def test_a_disclosure_log_s_fields_as_bullets_or_with_a_release_date_are_no_question():
    # the log lists its record as bullets, whose values are numbers or dates; then the numbered request
    request = split_request(
        "Bus shelter repairs\n\n  • Reference Number: 4821\n  • Date released: 12 March 2019\n\nRequest\n\n"
        "  1. The number of bus shelters repaired in 2018.\n  2. The cost of those repairs in 2018.\n"
    )
    assert [(q.label, q.sub_of) for q in request.questions] == [("Q1", None), ("Q2", None)]
    request = split_request(
        "FOI 1234: Street lighting\n\nDate raised: 2 June 2020\n\nPublication date: 9 June 2020\n\n"
        "Text of FOI Request:\nDear sir/madam\n\nplease could you supply the number of street lights switched off "
        "at night in 2019\n"
    )
    assert [q.own_text for q in request.questions] == [
        "please could you supply the number of street lights switched off at night in 2019"
    ]
    # a bulleted field the request asks for, with no number or date in it, stays in the request
    request = split_request(
        "Please provide a list of all contracts awarded in 2023 with:\n• Reference: the contract's own reference\n"
        "• Value\n"
    )
    assert "the contract's own reference" in " ".join(q.text for q in request.questions)


def test_a_request_page_s_title_above_its_request_heading_is_no_question():
    # the page's title names the records asked for, as an ask would; the heading says where the request starts
    titles = (
        "Correspondence concerning the Northfield depot closure",
        "Minutes of meetings on the closure: review",
    )
    for title, heading in itertools.product(
        titles, ("Information requested", "Request", "Text of FOI Request:", "Your request")
    ):
        request = split_request(
            f"{title}\n\n"
            "Information request and response under the Freedom of Information (Scotland) Act 2002\n\n"
            f"{heading}\n\n"
            "All minutes and notes of meetings since 1 January 2022 between council officers and the operator "
            "concerning the closure of the Northfield depot.\n"
        )
        assert [q.own_text for q in request.questions] == [
            "All minutes and notes of meetings since 1 January 2022 between council officers and the operator "
            "concerning the closure of the Northfield depot."
        ], (title, heading)
    # a question above the heading is the request's own: kept
    request = split_request(
        "How many depots closed in 2023?\n\nRequest\n\nPlease provide the minutes of the meetings that decided it.\n"
    )
    assert len(request.questions) == 2


def test_fields_of_each_record_written_as_clauses_stay_in_their_question():
    # S2c: under 'For each ... say:', 'when it was installed' is a field of each camera, not a question
    request = split_request(
        "1. Please provide the total number of speed cameras.\n\n"
        "2. For each of the speed cameras please say:\n(i) the location\n(ii) when it was installed or how long it "
        "has been there\n\n"
        "3. Please provide the income from fines in 2023.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q3"]
    assert "when it was installed" in request.questions[1].text
    # a figure under the same lead is a question of its own (S2b)
    request = split_request(
        "1. For each of the speed cameras please say:\n(i) the location\n(ii) how many fines it issued in 2023\n"
    )
    assert len(request.questions) == 2


def test_fields_under_a_sentence_that_says_what_the_data_holds_are_no_questions():
    # S2: the fields of the register asked for, listed under a statement of what it holds, whatever marks they carry
    request = split_request(
        "Please provide a copy of your register of grants awarded since 2020.\n\n"
        "Such registers are usually kept in a spreadsheet with the following field categories:\n"
        "• Date awarded\n• Recipient’s name (organisation or person)\n• Whether it was repaid\n• Amount paid\n"
    )
    assert len(request.questions) == 1
    # the fields come first; an entry after them that counts is a question of its own (S2b)
    request = split_request(
        "Please provide a copy of your register of grants awarded since 2020. "
        "The register should include the following information:\n"
        "1. Date awarded\n2. Which department awarded it\n3. How many grants were repaid in full\n"
    )
    texts = [q.text for q in request.questions]
    assert not any(t.startswith(("Date awarded", "Which department")) for t in texts), texts
    assert any(t.startswith("How many grants were repaid") for t in texts), texts


def test_a_sentence_saying_what_the_data_asked_for_holds_is_part_of_its_question():
    # S2, S8: 'I would like this data to include ...' under the ask says what that data holds, not a further ask
    request = split_request(
        "Please could you tell me how many grants the council awarded in 2023. I would like this data to include the "
        "following information:\n1. Date awarded\n2. Which department awarded it\n3. How many were repaid in full\n"
    )
    assert len(request.questions) == 2
    assert "Date awarded" in request.questions[0].text and "how many grants" in request.questions[0].text
    request = split_request(
        "Please provide the list of road closures in 2023. The list should show the road and the reason for each "
        "closure.\n"
    )
    assert len(request.questions) == 1


def test_asking_the_body_to_confirm_receipt_is_no_question():
    # S7: the handling of the request, asked as a question
    for ask in (
        "Could you also confirm receipt of my email.",
        "Can you please acknowledge this request, quoting my reference on your reply?",
        "Would you kindly confirm the receipt of this letter?",
        "Please also confirm receipt of this FOI request.",
    ):
        request = split_request(
            f"Please could I have the minutes of the parks committee of 3 May 2022. {ask}\n"
        )
        assert [q.own_text for q in request.questions] == [
            "Please could I have the minutes of the parks committee of 3 May 2022."
        ], ask
    # whether a record was received is asked of the records: a question
    request = split_request(
        "Please could I have the minutes of the parks committee of 3 May 2022. Can you confirm whether the committee "
        "received the petition?\n"
    )
    assert len(request.questions) == 2


def test_the_same_figures_in_the_body_s_own_terms_are_a_fallback_not_a_question():
    # 'If you do not use X, please provide the equivalent ...': how to answer the questions, not one more
    request = split_request(
        "Please provide the following regarding planning appeals.\n"
        "If you do not classify appeals as major and minor, please could you provide the equivalent figures for the "
        "categories you use.\n"
        "1) The number of major planning appeals lodged in 2022.\n"
        "2) The number of minor planning appeals lodged in 2022.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2"]
    # a conditional that asks for something else is still a question (S4a)
    request = split_request(
        "1) The number of major planning appeals lodged in 2022.\n\n"
        "If you do not classify appeals, please provide your appeals handling policy.\n"
    )
    assert len(request.questions) == 2


def test_the_fields_of_each_thing_counted_named_bare_are_a_question_of_their_own():
    # S5d: 'How many ...? Please provide date and location of each.' asks for the records, not the count
    request = split_request(
        "1. How many complaints about noise did the council receive in 2023. Please provide date and location "
        "complained about.\n\n2. How many of them were upheld?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How many complaints about noise did the council receive in 2023.",
        "Please provide date and location complained about.",
        "How many of them were upheld?",
    ]


def test_asking_for_an_answer_before_the_deadline_is_no_question():
    # S7: the response deadline is how the reply is to be made
    request = split_request(
        "This is urgent, so if you could please provide me with the information before the 20 working days that "
        "would be appreciated.\n\n1. The cost of the council's website contract in 2023.\n"
        "2. The name of the website supplier.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2"]
    # records asked for, with a deadline, are still asked for
    request = split_request(
        "Please provide the minutes of the May 2023 cabinet meeting within 20 working days.\n"
    )
    assert len(request.questions) == 1


def test_more_records_named_after_plus_are_a_further_question():
    # S5: 'Plus all documentation ...?' asks for other records, without repeating the verb
    request = split_request(
        "1. How much was spent on street lighting in 2023?\n\n"
        "2. Could you supply the latest update on the bridge repairs. Plus all documentation held about the repairs "
        "from the last six months?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How much was spent on street lighting in 2023?",
        "Could you supply the latest update on the bridge repairs.",
        "Plus all documentation held about the repairs from the last six months?",
    ]


def test_a_question_written_in_lower_case_after_a_question_mark_is_a_sentence_of_its_own():
    request = split_request(
        "Dear Council,\n\nHow does the council decide which roads are gritted in winter?\n"
        "what budget was set aside for gritting in 2023?\n\nYours faithfully,\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How does the council decide which roads are gritted in winter?",
        "what budget was set aside for gritting in 2023?",
    ]
    # 'or' after a '?' goes on with the same question
    request = split_request("Is the depot to close in 2024? or in 2025?\n")
    assert len(request.questions) == 1


def test_what_a_definition_for_the_whole_request_takes_in_is_no_question():
    # S8h: 'For the purposes of this request ... Please include ...' scopes every question below
    request = split_request(
        "For the purposes of this request “records” includes letters, e-mails and notes of meetings. Please include "
        "all records relating to the decision.\n\n1. The number of bus routes withdrawn in 2023.\n"
        "2. The number of bus routes added in 2023.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2"]
    # 'Please include ...' under a question still goes with that question
    request = split_request(
        "Please provide the minutes of the May 2023 cabinet. Please include the appendices.\n"
    )
    assert len(request.questions) == 1 and "appendices" in request.questions[0].text


def test_the_last_label_of_a_flattened_list_after_a_year_starts_its_item():
    # a request on one line whose item lost its stop at a year: '... 2021-22 and 2022-23 3. Please state ...'
    request = split_request(
        "Please could you provide the following information:1.Does the council employ wardens? If yes, please "
        "provide their number.2.Please provide the number of parking fines issued in each of the following years: "
        "2020-21, 2021-22 and 2022-23 3. Please state the income from parking fines in each of the following years: "
        "2020-21, 2021-22 and 2022-23\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q3"]
    assert request.questions[2].own_text.startswith("Please state the income")
    # only the next number of the list is its label
    request = split_request(
        "Please could you provide the following information:1.How many wardens did you employ in 2020? 2.Please "
        "provide the number of fines issued in 2021 5. Please state the income from those fines.\n"
    )
    assert len(request.questions) == 2


def test_word_s_letter_o_bullets_pasted_into_one_line_are_bullets():
    # a list pasted from Word keeps its second-level bullet as the letter 'o', glued to the item
    request = split_request(
        "Please provide data for 2021/22 and 2022/23.1.Street lighting: The total spent on street lighting repairs. "
        "If possible, please also provide:oThe number of lights repaired.oThe number of lights replaced.2.Complaints: "
        "The number of complaints about faulty street lights.\n"
    )
    texts = [q.own_text for q in request.questions]
    assert "The number of lights repaired." in texts and "The number of lights replaced." in texts, texts
    assert len(texts) == 4, texts
    # an 'o' in a word is no bullet
    request = split_request("Please provide the Solo Cycle Audit.Also the Oxford report.\n")
    assert "Solo" in request.questions[0].text


def test_a_generic_ask_above_a_list_of_one_item_is_its_introduction():
    request = split_request(
        "I would like some information about the council's parks and how the council maintains them.\n\n"
        "1. Contracts: Copies of the contracts that govern the maintenance of the parks since 2020.\n"
    )
    assert [q.label for q in request.questions] == ["Q1"]
    assert request.questions[0].own_text.startswith("Contracts: Copies of the contracts")


def test_notes_under_the_formats_list_are_no_questions():
    # how to reply: the formats, and a note on them under the list, none asking
    request = split_request(
        "I am writing to request a complete dataset of the council's public benches, with their locations.\n\n"
        "Please release this information in one of the following file formats in order of preference:\n\n"
        "1. CSV file;\n2. Excel file.\n\n"
        "* We have checked and a downloadable version of the dataset is not published in these formats.\n"
    )
    assert len(request.questions) == 1 and request.questions[0].own_text.startswith("I am writing to request")
    # things asked for listed under the formats are still questions
    request = split_request(
        "Please release this information in one of the following file formats:\n\n1. CSV file;\n2. Excel file.\n\n"
        "* The number of public benches in 2023.\n* The cost of repairing them in 2023.\n"
    )
    assert len(request.questions) == 2


def test_a_numbered_remark_to_the_authority_is_no_question():
    # S7: 'Please, note ...' remarks numbered among the asks ask for nothing
    request = split_request(
        "1. Please, provide the list of names of all doctors who died following referral.\n\n"
        "2. Please, note Data Protection Act 1998 applies to living individuals.\n\n"
        "3. Please, note that you have misapplied Section 31(1)(g) in your refusal to another applicant. You "
        "cannot investigate dead doctors\n\n"
        "4. Please, state if you are aware of any ongoing investigation into those deaths.\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q4"]


def test_values_listed_under_a_short_lead_below_the_ask_stay_in_it():
    # S2: 'the following: / All members of: / 1. The University Executive 2. ...' are values of one ask
    request = split_request(
        "I am asking for academic credentials of the following, including degrees and where they were awarded:\n\n"
        "All members of:\n1. The University Executive\n2. The University Court\n3. The University Senate\n"
    )
    assert len(request.questions) == 1
    assert "The University Senate" in request.questions[0].text


@pytest.mark.parametrize(
    "request_text",
    [
        # a breakdown asked in a sentence of its own stays in the question before it (S2a, S5)
        "Please could you provide me with the number of students who accessed counselling in each of the last three "
        "years. If possible, please provide a breakdown by the type of issue the students are seeking help for.",
        "Please can you tell me how many crimes were reported to your force from 20th December 2016 to 3rd January "
        "2017? Could I have this broken down by crime type? Please could you provide the same information for the "
        "equivalent periods in the two previous years.",
        # a fallback if the data cannot be had is no question (S8a); a field added to the figures stays in them
        "Please could I request the times of day that fire deaths have occurred in each year since 2004. If there is "
        "a problem with obtaining data back that far, please could I have it as far as it goes. If possible, could "
        "you include the corresponding categorisation of the place of fire death.",
    ],
)
def test_prose_that_only_breaks_down_or_falls_back_asks_no_question_of_its_own(request_text):
    assert len(split_request(request_text).questions) == 1


def test_the_fields_asked_for_each_record_stay_in_the_ask_however_long():
    # S2c: lines under 'For each incident please disclose:' name fields of each record, not questions
    request = split_request(
        "Please disclose a full log of all the incidents reported to your force on December 25 2018. For each "
        "incident please disclose:\nThe time\nThe postcode it was reported\nThe nature of the incident, as reported "
        "to the force. For example: 'A male has claimed his partner has been abusive.'\nThe outcome (NFA, charged, "
        "out of court disposal etc)\n"
    )
    assert len(request.questions) == 1 and "The postcode it was reported" in request.questions[0].text


def test_a_field_of_each_record_asked_after_a_list_stays_with_it_but_after_a_count_is_asked_apart():
    # S2c: the name of each project's lead officer is a field of the list asked for; after a count, the records (S5d)
    listed = split_request(
        "Please provide a list of the projects the council funds with the police. Please also provide the name of "
        "the lead officer for each project."
    )
    counted = split_request(
        "How many properties did the council buy in 2023? Please also provide the name of the seller for each property."
    )
    assert (len(listed.questions), len(counted.questions)) == (1, 2)


def test_the_fields_of_each_record_under_a_numbered_item_s_lead_stay_in_that_item():
    # S2c: '(1) ... For each, I would like the following information: - The name ... - The date ...' is one question;
    # a listed entry that asks of its own ('Please provide ...', 'How many ...') is not a field
    fields = split_request(
        "(1) For the years 2019/20 and 2020/21, I would like details of the grants the university accepted from "
        "energy companies. For each, I would like the following information:\n\n"
        "- The name of the company that gave the grant\n- The date the university accepted the grant\n"
        "- A description of what the grant was used for\n\n"
        "(2) Also, for the same years, I would like details of the grants the university rejected.\n"
    )
    asked = split_request(
        "(1) I would like details of the grants the university accepted. For each, I would like the following:\n\n"
        "- Please provide the grant agreement\n- How many students did it fund\n"
    )
    assert len(fields.questions) == 2 and "The date the university accepted" in fields.questions[0].text
    assert len(asked.questions) == 3


def test_a_numbered_list_indented_under_an_item_and_starting_again_at_one_is_that_item_s():
    request = split_request(
        "  1. Number of car parking spaces across your Trust, broken down by:\n"
        "    1. General or staff bays\n"
        "    2. Patient and visitor bays\n"
        "    3. Total number of parking spaces\n"
        "  2. What staff parking charging structure does your Trust apply?\n"
        "  3. Does your Trust grant any relaxation of parking rules?\n"
        "    1. If so, what rules do you apply?\n"
    )
    texts = [q.text for q in request.questions]
    assert len(texts) == 4 and "Patient and visitor bays" in texts[0]
    assert texts[1] == "What staff parking charging structure does your Trust apply?"
    assert request.questions[3].sub_of == request.questions[2].label


def test_a_sub_question_of_an_item_whose_number_came_twice_belongs_to_the_later_item():
    request = split_request(
        "1. How many parking spaces does the Trust have?\n\n"
        "1. Does the Trust apply eligibility criteria to staff permits?\n"
        "    a. And if so what are they?\n"
    )
    assert [(q.label, q.sub_of) for q in request.questions] == [
        ("Q1", None),
        ("Q1-2", None),
        ("Q1-2a", "Q1-2"),
    ]


def test_one_figure_asked_again_for_each_category_in_prose_is_one_question():
    # S2a / S2d: the same sentences with only the category number changed, four or more in a row
    lines = [
        f"The total number of Category {n} calls {how}."
        for n in (1, 2, 3)
        for how in (
            "attended within the allocated time",
            "that took longer than the allocated time to attend",
        )
    ]
    request = split_request(
        "Specifically, I would like the following data:\n\n"
        + "\n\n".join(lines)
        + "\n\nThe total number of times crews requested HART attendance.\n"
    )
    assert len(request.questions) == 2
    assert "Category 3 calls that took longer" in request.questions[0].text


def test_a_page_heading_a_format_wish_and_a_reason_asked_for_in_case_of_refusal_are_no_questions():
    request = split_request(
        "Information requested\n\n"
        "1. How many cases of contract cheating were investigated in 2022?\n"
        "2. How many students were expelled for it?\n\n"
        "I would request this data in either Excel or CSV format or searchable PDF.\n\n"
        "If you do not intend to release this information then please give a full explanation of why.\n"
    )
    assert [q.text for q in request.questions] == [
        "How many cases of contract cheating were investigated in 2022?",
        "How many students were expelled for it?",
    ]


def test_values_numbered_on_under_an_item_asking_about_the_following_are_its_values():
    request = split_request(
        "Details of enquiry\n\n"
        "  1. Are the following entitled to free parking at your hospital car parks \u2013 indicate Y or N\n"
        "  2. -disabled people\n"
        "  3. frequent outpatient attenders\n"
        "  4. Who manages your hospital car parks?\n"
    )
    assert len(request.questions) == 2 and "frequent outpatient attenders" in request.questions[0].text
    assert request.questions[1].text == "Who manages your hospital car parks?"


def test_sentences_run_together_without_spaces_are_still_read():
    # a web page that lost its line breaks and the spaces after its full stops: never "no question found"
    request = split_request(
        "Dear Sir/Madam,This is a request for information under the Freedom of Information Act 2000.Please provide "
        "the following information relating to temporary accommodation used by the council:The current number of "
        "households in temporary accommodation.Whether the council currently uses hotels or B&Bs for temporary "
        "accommodation placements.The names of organisations currently supplying temporary accommodation to the "
        "council.I look forward to your response within the statutory 20 working days."
    )
    texts = [q.text for q in request.questions]
    assert len(texts) >= 2 and any(t.startswith("The names of organisations") for t in texts)
    assert not any(t.startswith("Dear") for t in texts)


def test_things_asked_for_as_the_kind_of_record_of_something_under_the_following_are_questions():
    # each entry names a record or a figure asked for ('The projected dates of ...', 'Any briefing notes ...'): questions of
    # their own, not values of the lead; values under an ask still fold into it
    assert _own(
        "Dear Trust,\n\nPlease provide the following information:\n\n"
        "1) The projected dates of next year's committee meetings\n"
        "2) Any briefing notes given to the committee at its March 2024 meeting.\n\nYours faithfully,\nA Requester\n"
    ) == [
        "The projected dates of next year's committee meetings",
        "Any briefing notes given to the committee at its March 2024 meeting.",
    ]
    values = split_request(
        "Dear Trust,\n\nHow many complaints did you receive in 2023 about the following wards:\n\n"
        "1) The children's ward\n2) The maternity ward\n\nYours faithfully,\nA Requester\n"
    )
    assert len(values.questions) == 1


def test_a_title_of_a_few_words_over_the_greeting_is_no_question():
    # a published request's page, or a letter, headed by its subject ('Total cost of street lighting'): the request
    # starts at the greeting; a question above the greeting still counts
    assert _own(
        "Total cost of street lighting\n\nDear Borough Council,\n\nPlease provide the following information:\n"
        "1: The yearly total spent on street lighting repairs in the last 10 years\n"
        "2: The yearly total spent on new street lights in the last 10 years\n\nYours faithfully,\nA Requester\n"
    ) == [
        "The yearly total spent on street lighting repairs in the last 10 years",
        "The yearly total spent on new street lights in the last 10 years",
    ]
    asked = _own("How much was spent on street lighting in 2023?\n\nDear Council,\n\nThank you.\n")
    assert asked == ["How much was spent on street lighting in 2023?"]


def test_a_question_cut_off_after_its_subject_as_the_first_bullet_leads_the_bullets_level_with_it():
    # '- In the last two years has your council:' then '- Had any ...?': the verbs are in the bullets (S3); a first
    # bullet that names a thing asked for ('- The total spend by the council on:') still counts
    assert _own(
        "Dear Council,\n\nPlease answer the following.\n\n- In the last two years has your council:\n"
        "- Had any flooding incidents at its depots?\n- If yes, how many?\n- Closed any roads due to flooding?\n\n"
        "Thanks,\nA Requester\n"
    ) == [
        "Had any flooding incidents at its depots?",
        "If yes, how many?",
        "Closed any roads due to flooding?",
    ]
    spend = _own(
        "Dear Council,\n\nPlease provide the following for 2023:\n- The total spend by the council on:\n"
        "- Road repairs\n- Street lighting\n- The names of the contractors used.\n\nThanks,\nA Requester\n"
    )
    assert spend[0].startswith("The total spend by the council on:")


def test_a_numbered_item_opening_with_a_quote_mark_is_an_item():
    """A request quoted item by item may put the quote mark before the first number ('\u201c1. Confirmation ...\u201d'):
    the number still marks the item."""
    from foi_precedent.drafting.request import split_request

    request = split_request(
        "Request\n\n"
        "\u201c1. Confirmation as to whether emergency hip surgery is covered by the waiting time guarantee.\u201d\n\n"
        "2.\u201cConfirmation as to whether your waiting list figures include patients waiting for emergency "
        "surgery.\u201d\n"
    )
    assert [q.label for q in request.questions] == ["Q1", "Q2"]
    assert request.questions[0].own_text.startswith("Confirmation as to whether emergency hip surgery")


def test_a_bullet_pasted_twice_is_one_question():
    """The same bullet again right under itself, differing only in how a range is written ('2015 to 2020' / '2015-2020'),
    is one question pasted twice, not two."""
    from foi_precedent.drafting.request import split_request

    request = split_request(
        "Dear Council,\n\nThe information that I require is as follows:\n\n"
        "\u2022 How many people were in temporary accommodation in each of the years from 2015-2020?\n"
        "\u2022 How many of those people were children in each of the years from 2015 to 2020?\n"
        "\u2022 How many of those people were children in each of the years from 2015-2020?\n"
        "\u2022 What was the average cost per night of temporary accommodation in each of the years from 2015-2020?\n"
    )
    assert len(request.questions) == 3
    assert request.questions[1].own_text.endswith("from 2015 to 2020?")


def test_three_or_more_entries_opening_with_a_glued_asterisk_are_a_bulleted_list():
    """'*A weekly figure for ...' / '*A monthly figure of ...' / '*At what value ...?', an asterisk glued to each
    entry's first word: bullets whose space was lost; one such line alone is a footnote."""
    from foi_precedent.drafting.request import split_request

    request = split_request(
        "Dear Trust,\n\nPlease can you provide the following information:\n\n"
        "*A weekly figure for deaths in hospital from the virus since March 2020.\n\n"
        "*A monthly figure of tests undertaken by staff members at the trust.\n\n"
        "*At what threshold is the test result read as positive?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "A weekly figure for deaths in hospital from the virus since March 2020.",
        "A monthly figure of tests undertaken by staff members at the trust.",
        "At what threshold is the test result read as positive?",
    ]


def test_roman_numerals_with_a_slash_mark_items():
    """'i/', 'ii/', 'iii/' at the start of lines mark items as 'i)' does."""
    from foi_precedent.drafting.request import split_request

    request = split_request(
        "Dear Commissioner,\n\n"
        "1. All policies adopted by the Commissioner's office.\n\n"
        "2. The Commissioner's past and future diaries ie. :\n"
        "i/ Those events attended in the past year.\n"
        "ii/ Those events the office has accepted an invitation to.\n"
        "iii/ Any periods the Commissioner is unavailable, for example holidays.\n"
    )
    assert [q.own_text for q in request.questions][1:] == [
        "Those events attended in the past year.",
        "Those events the office has accepted an invitation to.",
        "Any periods the Commissioner is unavailable, for example holidays.",
    ]


def test_a_lead_saying_what_the_requester_requires_introduces_the_list_under_it():
    """'For the year 2023-24, we require disclosure of: -' over numbered things asked for, with a question about
    something else below: the lead introduces the list (S3), which is not context."""
    request = split_request(
        "For the year 2023-24, we require disclosure of: -\n\n"
        "1. The water used by your offices & the amount spent on it.\n\n"
        "2. The fuel used by your fleet & the amount spent on it.\n\n"
        "Can you also tell me how many of your offices have solar panels?\n"
    )
    assert [q.own_text for q in request.questions][:2] == [
        "The water used by your offices & the amount spent on it.",
        "The fuel used by your fleet & the amount spent on it.",
    ]


def test_please_just_show_those_narrows_the_questions_and_asks_nothing_more():
    """'..., so please just show those you run yourselves?' narrows what the list asks for (S7): no question."""
    request = split_request(
        "Please provide the following:\n\n"
        "1. The number of depots you run.\n\n"
        "2. The number of vans kept at each depot.\n\n"
        "We know some councils share depots with their neighbours, so please just show those you run yourselves?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "The number of depots you run.",
        "The number of vans kept at each depot.",
    ]


def test_a_whatdotheyknow_page_title_above_its_status_line_asks_nothing():
    """A request's page: its title, however long and however it reads ('Information on the reasons for and the
    costs of closing the town's public toilets'), then 'The request was partially successful.', then the request."""
    request = split_request(
        "Information on the reasons for and the costs of closing the town's public toilets in the last two years\n\n"
        "The request was partially successful.\n\n"
        "Dear Borough Council,\n\n"
        "1. How many public toilets did you close in 2023?\n\n"
        "2. How much did you save by closing them?\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How many public toilets did you close in 2023?",
        "How much did you save by closing them?",
    ]


def test_a_lead_in_whose_clause_on_the_records_asked_for_goes_on_after_a_comma_is_no_question():
    """'Please provide copies of all reports held by the Council, or its contractors, that contain information on the
    following topics:' is one lead-in (S3): what follows its last comma still says which records."""
    request = split_request(
        "Dear Council,\n\n"
        "Please provide copies of all reports held by the Council, or by its waste contractors, that contain "
        "information on the following topics:\n\n"
        "1. The reasons for the change to fortnightly bin collections.\n"
        "2. The expected savings from the change to fortnightly collections.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    assert [q.own_text for q in request.questions] == [
        "The reasons for the change to fortnightly bin collections.",
        "The expected savings from the change to fortnightly collections.",
    ]


def test_the_title_under_the_kind_of_page_on_the_first_line_asks_nothing():
    """'FOI release' / 'Number of parks, staff and spending from 2018-2024' / the request: the page's title is on
    its second line, under the kind of page it is, and names the subject of the list."""
    request = split_request(
        "FOI release\n\n"
        "Number of parks, staff and spending from 2018-2024\n\n"
        "Published 3 March 2024\n\n"
        "I am writing to request the following information. Please may you provide me with:\n\n"
        "1. How many parks did you manage at the end of 2018?\n\n"
        "2. How many gardeners did you employ in your parks service in 2024?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How many parks did you manage at the end of 2018?",
        "How many gardeners did you employ in your parks service in 2024?",
    ]


def test_a_letter_or_roman_numeral_with_a_stop_inside_brackets_marks_an_item():
    """'(I.)Ann Lee and the Council regarding ...' / '(II.) Bob Roe and ...': '(I.)' marks items as '(i)' does."""
    request = split_request(
        "Dear Council,\n\nCould you please send me all correspondence between:-\n\n"
        "(I.)Ann Lee, MSP and the Council regarding a new bus station in the town.\n\n"
        "(II.) Bob Roe, MSP and the Council regarding a new bus station in the town.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    assert [q.own_text for q in request.questions] == [
        "Ann Lee, MSP and the Council regarding a new bus station in the town.",
        "Bob Roe, MSP and the Council regarding a new bus station in the town.",
    ]


def test_a_sentence_under_a_list_giving_only_its_period_asks_nothing():
    """'Dates from March 01, 2019 through to May 01, 2019 please.' under the list: the period of the items (S2a)."""
    request = split_request(
        "Dear Council,\n\nPlease provide the following:\n\n"
        "1. All minutes of the planning committee about the new bus station.\n\n"
        "2. All e-mails between the leader and the bus operator about the station.\n\n"
        "Dates from March 01, 2019 through to May 01, 2019 please.\n\n"
        "Yours faithfully,\n\nA Requester\n"
    )
    assert [q.own_text for q in request.questions] == [
        "All minutes of the planning committee about the new bus station.",
        "All e-mails between the leader and the bus operator about the station.",
    ]


def test_a_sentence_asking_for_each_of_the_things_listed_below_is_the_lead_in_to_the_list():
    """'... please confirm the total spend in each of the categories listed below.' then a short heading and the
    numbered categories: the sentence introduces the list (S3), as 'the following' does; each category is asked."""
    request = split_request(
        "For the period 1 April 2021 to the present date, please confirm the total spend by the council in each of "
        "the categories listed below.\n"
        "A single figure for the whole period is enough.\n"
        "Spending categories\n"
        "1. Catering: All spend on food and drink for meetings and events.\n"
        "2. Travel: All spend on rail, air and taxi fares for staff.\n"
    )
    assert [q.own_text for q in request.questions] == [
        "Catering: All spend on food and drink for meetings and events.",
        "Travel: All spend on rail, air and taxi fares for staff.",
    ]


def test_lettered_headings_over_bulleted_entries_are_groups_of_things_asked_not_values():
    """'Please provide the following for 2019 to 2024:' / 'A. Fines (annual):' / '• Fines issued: counts by ward.' /
    ... : short entries under headings that end in a colon are things asked for, not values of the lead's figure."""
    request = split_request(
        "Please provide the following recorded information for the years 2019 to 2024:\n\n"
        "A. Fines (annual):\n"
        "\u2022 Fines issued: counts by ward.\n"
        "\u2022 Fines paid: counts by ward.\n\n"
        "B. Policy:\n"
        "\u2022 Current guidance on issuing fines.\n"
        "\u2022 Wardens employed, by ward.\n"
    )
    assert [q.own_text for q in request.questions] == [
        "Fines issued: counts by ward.",
        "Fines paid: counts by ward.",
        "Current guidance on issuing fines.",
        "Wardens employed, by ward.",
    ]


def test_asking_that_the_request_be_refined_is_no_question_even_with_a_question_mark():
    """'- Would it be possible to refine the request as you suggested please?' among the entries: the handling of the
    request (S7), not a question about the records; the lead-in above it still introduces the entries."""
    request = split_request(
        "Thank you for your request in which you asked for the following information from the Department:\n"
        "- Would it be possible to refine the request as you suggested please?\n"
        "- Could you please tell me the number of bicycles stolen from your car parks in each year since 2020?\n"
        "- Are you able to list the car parks within the cost limit?\n"
    )
    assert [q.own_text for q in request.questions] == [
        "Could you please tell me the number of bicycles stolen from your car parks in each year since 2020?",
        "Are you able to list the car parks within the cost limit?",
    ]


def test_the_columns_a_register_is_to_display_are_its_fields_not_questions():
    """'I would like the register to display the following columns/headings:' over short numbered entries: the
    fields of the register asked for (S2c), one question; a question under them ('Can you also ...?') is its own."""
    request = split_request(
        "Please send me your grants register. I would like the register to display the following "
        "columns/headings:\n\n"
        "1. Grant Reference\n\n"
        "2. Grant Title\n\n"
        "3. Recipient Name\n\n"
        "4. Grant Value\n\n"
        "5. Can you also provide me with the name of the officer who keeps the register?\n"
    )
    assert [q.own_text for q in request.questions][-2:] == [
        "I would like the register to display the following columns/headings: 1. Grant Reference 2. Grant Title "
        "3. Recipient Name 4. Grant Value",
        "Can you also provide me with the name of the officer who keeps the register?",
    ]


def test_a_heading_in_capitals_between_the_items_asks_nothing():
    """'NUMBER OF PARKING FINES' over '1. How many ...?', 'COST OF ENFORCEMENT' over '2. ...': section headings."""
    request = split_request(
        "NUMBER OF PARKING FINES\n"
        "1. How many parking fines did you issue in 2019 and 2024?\n\n"
        "COST OF ENFORCEMENT\n"
        "2. Please provide the total cost of parking enforcement in 2019 and 2024.\n"
    )
    assert [q.own_text for q in request.questions] == [
        "How many parking fines did you issue in 2019 and 2024?",
        "Please provide the total cost of parking enforcement in 2019 and 2024.",
    ]


def test_short_entries_after_an_entry_ending_at_a_preposition_and_colon_are_its_values():
    """'- The total spend by the Council on:' / '- Hotel stays' / '- Taxi fares': the values that end the entry,
    their indent lost, no questions of their own."""
    request = split_request(
        "Please provide the following information for 2023/24:\n"
        "- The total spend by the Council on:\n"
        "- Hotel stays\n"
        "- Taxi fares\n"
        "- The names of the firms the Council used for travel booking.\n"
    )
    assert [q.own_text for q in request.questions] == [
        "The total spend by the Council on: - Hotel stays - Taxi fares",
        "The names of the firms the Council used for travel booking.",
    ]


def test_an_entry_asking_for_a_breakdown_of_the_figures_above_by_a_dimension_is_part_of_the_question_above():
    """'2. A breakdown of these placements by gender and age group.' after '1. The number of children placed ...':
    the figures above broken down (S2a), one question."""
    request = split_request(
        "Please provide:\n\n"
        "1. The number of children placed in foster care outside the council area in each of the past five years.\n\n"
        "2. A breakdown of these placements by gender and age group for the past five years.\n\n"
        "3. The total cost of these placements in each of the past five years.\n"
    )
    assert len(request.questions) == 2
    assert request.questions[0].own_text.endswith("by gender and age group for the past five years.")


def test_numbers_glued_to_the_word_they_open_are_labels_wherever_they_stand():
    """A list pasted without its line breaks or the spaces after its stops ('1.How many ... in 2024 2.How many ...',
    '... (reduced, extended, etc.) 4.Plans: ...'): a number glued to the capitalised word it
    opens, counting up from 1, is a label even where no stop ends the item before it."""
    questions = split_request(
        "Dear University,\n\n1.How many students were offered places in 2024 entry 2.How many overseas students were "
        "offered places in 2024 entry\n"
    ).questions
    assert [q.own_text for q in questions] == [
        "How many students were offered places in 2024 entry",
        "How many overseas students were offered places in 2024 entry",
    ]
    flat = split_request(
        "Library Services\n\n1.Closures: a list of all libraries closed since 2019, with the date of each closure. "
        "2.Staffing: the number of library staff employed in each of the last five years. 3.Opening hours: any "
        "changes to opening hours since 2019 (reduced, extended, etc.) 4.Plans: the libraries planned to close in "
        "the next 12 months.\n"
    ).questions
    assert len(flat) == 4
    assert flat[3].own_text.startswith("Plans: the libraries planned to close")
