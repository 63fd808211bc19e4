"""Questions split as guide version 2 splits them (evals/SPLITTING.md): synthetic requests in the general forms,
none copied from a real request, one test a rule."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request


def _own(text: str) -> list[str]:
    return [q.own_text for q in split_request(text).questions]


def test_s2a_sub_items_that_only_ask_for_a_breakdown_stay_in_their_question():
    own = _own(
        "Dear Trust,\n"
        "1. How many patients waited over 12 hours in A&E in 2024?\n"
        "1a) If possible, please break this down by age.\n"
        "1b) If possible please break down by month.\n"
        "2. How many ambulances were delayed at handover in 2024?\n"
        "2a) Are you able to break these numbers down into hospital site?\n"
        "2b) Please also state how many handovers took over four hours.\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert len(own) == 3
    assert own[0].startswith("How many patients waited") and "break down by month" in own[0]
    assert own[1].startswith("How many ambulances") and "hospital site" in own[1]
    assert own[2] == "Please also state how many handovers took over four hours."


def test_s2a_a_breakdown_item_not_next_to_its_question_has_no_entry():
    own = _own(
        "Dear Council,\n"
        "Q1. How many fines were issued in 2023? Please also provide:\n"
        "Q1a. The number of fines that were appealed\n"
        "Q1b. A breakdown by ward\n"
        "Q1c. A breakdown of the fines by the amount charged\n"
        "Q2. How much income did the fines raise?\n"
    )
    assert own[1:] == ["The number of fines that were appealed", "How much income did the fines raise?"]


def test_s4_a_prose_follow_up_that_depends_on_the_answer_is_part_of_its_question():
    own = _own(
        "Dear Council,\n\n"
        "Does the council keep a register of its street trees in electronic form?\n\n"
        "If so, please may I have a copy of the register as it stands today.\n\n"
        "How many street trees were felled in 2024? If not recorded, could you tell me the cost of felling instead.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own[0] == (
        "Does the council keep a register of its street trees in electronic form? "
        "If so, please may I have a copy of the register as it stands today."
    )
    assert len(own) == 2


def test_s4a_a_condition_on_holding_something_else_is_a_question_of_its_own():
    own = _own(
        "Dear Council,\n\nHow many complaints about noise did you receive in 2024?\n\n"
        "If you hold records of complaints about odour, please also supply the number of those.\n"
    )
    assert len(own) == 2


def test_s5_a_further_question_in_a_numbered_item_is_a_question_of_its_own():
    r = split_request(
        "Dear Authority,\n"
        "1. How many permits were applied for in 2024?\n"
        "2. How many permits were granted after review by the panel? How many were refused after review?\n"
        "3. Are records kept when a permit is issued. Is a record kept of the officer who approved it.\n"
        "4. What does a permit cost? Especially, how much of the fee covers the inspection?\n"
        "5. How many permits were revoked? If possible please break this down by year.\n"
    )
    assert [(q.label, q.sub_of, q.own_text) for q in r.questions] == [
        ("Q1", None, "How many permits were applied for in 2024?"),
        ("Q2", None, "How many permits were granted after review by the panel?"),
        ("Q2a", "Q2", "How many were refused after review?"),
        ("Q3", None, "Are records kept when a permit is issued."),
        ("Q3a", "Q3", "Is a record kept of the officer who approved it."),
        ("Q4", None, "What does a permit cost? Especially, how much of the fee covers the inspection?"),
        ("Q5", None, "How many permits were revoked? If possible please break this down by year."),
    ]


def test_s2b_categories_of_a_count_fold_into_their_question_at_every_depth():
    r = split_request(
        "Dear Council,\n"
        "1. The number of planning appeals lodged each year, broken down as follows:\n"
        "a) the number of appeals which were:\n"
        "i. allowed by the inspector\n"
        "ii. dismissed by the inspector\n"
        "2. For the appeals allowed, please specify how many resulted in the following:\n"
        "a) An award of costs\n"
        "b) No award of costs\n"
        "3. Please provide a copy of your appeals procedure.\n"
    )
    assert [(q.label, q.sub_of) for q in r.questions] == [("Q1", None), ("Q2", None), ("Q3", None)]
    assert r.questions[0].own_text.endswith("ii. dismissed by the inspector")
    assert r.questions[1].own_text.endswith("b) No award of costs")


def test_s3_items_that_ask_their_own_question_under_a_lead_are_the_questions():
    r = split_request(
        "Dear Council,\n1. Total number of appeals, broken down as follows:\n"
        "a) How many were allowed?\nb) How many were dismissed?\n"
    )
    assert [q.own_text for q in r.questions] == ["How many were allowed?", "How many were dismissed?"]


def test_s2e_a_top_level_item_that_only_splits_the_figure_above_folds_into_it():
    own = _own(
        "Dear Trust,\n"
        "1. How much in total did the trust spend on locum doctors in 2024?\n"
        "2. How was that total split between medicine and surgery?\n"
        "3. Please state the number of locums engaged in each of the following years.\n"
        "i) 2022\nii) 2023\n"
        "4. Please break these numbers down by grade for each of the following years.\n"
        "i) 2022\nii) 2023\n"
        "5. Who in the trust approves locum bookings?\n"
    )
    assert len(own) == 3
    assert own[0].endswith("2. How was that total split between medicine and surgery?")
    assert "4. Please break these numbers down by grade" in own[1]
    assert own[2] == "Who in the trust approves locum bookings?"


def test_s5c_parts_marked_inside_one_sentence_are_one_question():
    own = _own(
        "Dear University,\nPlease tell me how students are told of a) the appeals procedure and b) the "
        "student advice service.\n"
    )
    assert own == [
        "Please tell me how students are told of a) the appeals procedure and b) the student advice service."
    ]


def test_s7_an_ask_for_where_published_information_is_found_is_no_question():
    own = _own(
        "Dear Council,\n\nHow many parking permits did you issue in 2024?\n\n"
        "If any of this information is already in the public domain, please direct me to it with URLs.\n\n"
        "If the data is published as open data, could you supply the location where it can be found?\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == ["How many parking permits did you issue in 2024?"]


def test_s5e_fragments_joined_by_a_dash_in_an_item_count_as_sentences():
    r = split_request(
        "Dear Council,\n"
        "1. How many flood defence schemes are you responsible for- please provide details of their location.\n"
        "2. How many complaints led to action - and please specify what action was taken?\n"
        "3. Does your force use body cameras (for example: during searches - please specify)?\n"
    )
    assert [(q.label, q.own_text) for q in r.questions] == [
        ("Q1", "How many flood defence schemes are you responsible for"),
        ("Q1a", "please provide details of their location."),
        ("Q2", "How many complaints led to action"),
        ("Q2a", "please specify what action was taken?"),
        ("Q3", "Does your force use body cameras (for example: during searches - please specify)?"),
    ]


def test_s5a_a_bracketed_clause_that_asks_for_more_counts_as_a_sentence():
    r = split_request(
        "Dear Force,\n"
        "1. How many panel members are under 30? (could you also tell me the total number of panel members).\n"
        "2. How many nurses did you recruit in 2024? [Please also detail separately any agency nurses]\n"
        "3. How many stops were made (excluding vehicle stops)?\n"
    )
    assert [(q.label, q.own_text) for q in r.questions] == [
        ("Q1", "How many panel members are under 30?"),
        ("Q1a", "could you also tell me the total number of panel members"),
        ("Q2", "How many nurses did you recruit in 2024?"),
        ("Q2a", "Please also detail separately any agency nurses"),
        ("Q3", "How many stops were made (excluding vehicle stops)?"),
    ]


def test_s8_a_definition_after_the_ask_is_part_of_its_question():
    own = _own(
        "Dear Force,\n\nI would like copies of correspondence between senior officers and the Home Office "
        "about budget cuts since 2023. By senior officers, I mean the Chief Constable and Deputy Chief "
        "Constable.\n\nYours faithfully,\nA Requester\n"
    )
    assert own == [
        "I would like copies of correspondence between senior officers and the Home Office about budget cuts "
        "since 2023. By senior officers, I mean the Chief Constable and Deputy Chief Constable."
    ]


def test_s8h_a_definition_for_several_questions_belongs_to_none():
    own = _own(
        "Dear Council,\n\nHow many bins were collected late in 2024? "
        "For the purposes of this request, my questions cover domestic bins only.\n\n"
        "How many bins were missed in 2024?\n"
    )
    assert own == ["How many bins were collected late in 2024?", "How many bins were missed in 2024?"]


def test_s3_an_item_that_only_introduces_its_items_is_no_question():
    r = split_request(
        "Dear Council,\n"
        "1. How many households are in temporary accommodation?\n"
        "2. For households on your waiting list:\n"
        "- How many include a disabled member?\n"
        "- How many have waited over a year?\n"
        "3. Please supply\n"
        "a) the number of bed and breakfast placements\n"
        "b) the cost of those placements\n"
    )
    assert [(q.label, q.own_text) for q in r.questions] == [
        ("Q1", "How many households are in temporary accommodation?"),
        ("Q2", "How many include a disabled member?"),
        ("Q3", "How many have waited over a year?"),
        ("Q4", "the number of bed and breakfast placements"),
        ("Q5", "the cost of those placements"),
    ]


def test_s3b_a_lead_that_asks_its_own_figure_stays_a_question():
    r = split_request(
        "Dear Council,\n1. How many fines were issued in 2024? As well as the total, please also provide:\n"
        "a) The number of fines appealed\nb) The number of fines cancelled on appeal\n"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q1a", "Q1b"]


def test_s2a_an_item_asking_the_same_figures_for_another_period_is_a_breakdown_value():
    own = _own(
        "Dear Force,\n"
        "- How many requests were made under the disclosure scheme in 2024?\n"
        "- Can you give me the same information for 2023?\n"
        "- How many requests led to a disclosure?\n"
    )
    assert len(own) == 2
    assert own[0].endswith("- Can you give me the same information for 2023?")
    # after a lead whose items are the questions, it qualifies several of them: no entry (S2a, S4d)
    own = _own(
        "Dear Council,\n1. Please supply\na) the number of pupils entitled to free transport in Ward A\n"
        "b) the number of school buses serving Ward A\n2. Please supply the same information for Ward B.\n"
    )
    assert own == [
        "the number of pupils entitled to free transport in Ward A",
        "the number of school buses serving Ward A",
    ]


def test_s2d_a_lead_that_splits_the_count_above_folds_into_it_with_its_groups():
    own = _own(
        "Dear Academy,\n\n(1) Total number of pupils excluded in 2024\n\n(2) Of this total:\n\n- Number of boys\n\n"
        "- Number of girls\n\n- Number of pupils with an EHC plan\n\n(3) Total number of exclusion appeals\n"
    )
    assert len(own) == 2
    assert own[0].startswith("Total number of pupils excluded") and own[0].endswith("with an EHC plan")
    own = _own(
        "Dear Council,\n1. How many children are in temporary accommodation?\n"
        "2. The breakdown of these children by age group:\n- How many are under 5?\n- How many are 5 to 11?\n"
        "3. How much was spent on temporary accommodation?\n"
    )
    assert len(own) == 2 and own[0].endswith("- How many are 5 to 11?")


def test_s2a_an_item_that_only_scopes_several_questions_belongs_to_none():
    own = _own(
        "Dear Department,\n1) The names of the officials who drafted the policy.\n"
        "2) Copies of the minutes of the meetings at which it was discussed.\n"
        "3) The above questions apply also to the year before the policy was published.\n"
    )
    assert own == [
        "The names of the officials who drafted the policy.",
        "Copies of the minutes of the meetings at which it was discussed.",
    ]


def test_s5d_a_sentence_asking_for_the_records_a_count_counts_is_a_question():
    r = split_request(
        "Dear Council,\n"
        "1. How many times in 2024 did you consult the Environment Agency on planning applications? In each "
        "case please provide the response from the Agency.\n"
        "2. How many empty properties do you own? Please give the addresses of these properties.\n"
        "3. How many properties were sold in 2024? Please break this down by ward.\n"
    )
    assert [(q.label, q.own_text) for q in r.questions] == [
        ("Q1", "How many times in 2024 did you consult the Environment Agency on planning applications?"),
        ("Q1a", "In each case please provide the response from the Agency."),
        ("Q2", "How many empty properties do you own?"),
        ("Q2a", "Please give the addresses of these properties."),
        ("Q3", "How many properties were sold in 2024? Please break this down by ward."),
    ]


def test_s2c_the_fields_to_include_in_each_record_stay_in_their_question():
    r = split_request(
        "Dear Council,\n1) How many homes do you own?\n"
        "2) Please supply a summary of the first five complaints about damp received in 2024.\n\n"
        "Please include in each of the complaint summaries:\n\n"
        "a) The street name of the property\n\n"
        "b) The wording of the complaint as received from the tenant or, where that is not held, a brief summary "
        "of what the tenant reported\n"
    )
    assert [q.label for q in r.questions] == ["Q1", "Q2"]
    assert r.questions[1].own_text.endswith("a brief summary of what the tenant reported")


def test_s7_an_ask_about_how_redactions_were_applied_is_no_question():
    own = _own(
        "Dear Trust,\n\nI would like to know the number of ambulance call-outs to each postcode district in 2024.\n\n"
        "I understand you may need to redact small numbers. Please indicate if and how you have done that.\n\n"
        "Please also explain how any redactions were applied to the data.\n"
    )
    assert own == [
        "I would like to know the number of ambulance call-outs to each postcode district in 2024."
    ]


def test_s7_a_list_entry_asking_for_a_link_to_published_data_is_no_question():
    own = _own(
        "Dear Council,\n\nPlease provide your register of street trees.\n\n"
        "* If this register is available publicly on your website, please send us a link to it.\n"
        "* Please provide the number of street trees planted in 2024.\n"
    )
    assert own == [
        "Please provide your register of street trees.",
        "Please provide the number of street trees planted in 2024.",
    ]


def test_s4_if_there_are_none_depends_on_the_answer_before_it():
    own = _own(
        "Dear Trust,\n\nDo your hospitals have free drop-off bays?\n\n"
        "If there are no free drop-off bays, what does it cost to park for 15 minutes?\n"
    )
    assert own == [
        "Do your hospitals have free drop-off bays? "
        "If there are no free drop-off bays, what does it cost to park for 15 minutes?"
    ]


def test_an_elliptical_follow_up_stays_with_its_question():
    """S4: 'Which ones?' and 'How many?' ask on about the answer before, with the 'if so' left unsaid; a further
    question in its own words ('How many were refused?') is still a question of its own (S5)."""
    from foi_precedent.drafting.request import split_request

    request = split_request(
        "Q1 - Has the force used facial recognition tools before now? Which ones?\n"
        "Q2 - Does the force keep images of the people it scans? How many images?\n"
        "Q3 - How many applications were received? How many were refused after review?"
    )
    assert [q.label for q in request.questions][:2] == ["Q1", "Q2"]
    assert len(request.questions) == 4
    assert "Which ones?" in request.questions[0].text


def test_s2a_a_sentence_asking_for_the_data_above_for_a_period_scopes_it():
    """'Please provide a copy of this data for ...' and 'I should like this information for ...' only ask for what
    is asked above over a period: no question of their own, whether in the question's paragraph or under it."""
    own = _own(
        "Dear Council,\n\nI should like to know the number of parking permits issued to businesses. "
        "I should like this information for the last six years to the present time. "
        "I should also like to see the names of the streets with the most permits.\n"
    )
    assert len(own) == 2
    assert own[0].endswith("for the last six years to the present time.")
    own = _own(
        "Dear Council,\n\nPlease provide your register of declared interests for councillors.\n\n"
        "Please provide a copy of this data for the past three years from and including 2021.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == ["Please provide your register of declared interests for councillors."]


def test_s8_a_paragraph_saying_what_the_records_asked_for_should_include_stays_in_their_question():
    """'This should include ...' under a request for records says what they cover (S8), and 'Please include ...'
    under that goes on with the same question."""
    own = _own(
        "Dear Council,\n\nPlease provide all minutes and notes of meetings with the harbour trust since 2019.\n\n"
        "This should include any informal meetings at which a council officer was present.\n\n"
        "Please include all papers circulated at these meetings.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert len(own) == 1
    assert own[0].endswith("Please include all papers circulated at these meetings.")


def test_s2a_these_details_or_a_figure_asked_again_for_a_breakdown_or_period_stay_in_their_question():
    """'I would like these details to be broken down ...' and 'Please also provide a figure for ...' ask for what
    the question above asks, broken down or for another period (S2a): no question of their own."""
    own = _own(
        "Dear Fire Service,\n\nPart 1\n\n"
        "I would like details of the fire engines that have been out of service over the last 12 months.\n\n"
        "I would like these details to be broken down into the number of days per month each was unavailable.\n\n"
        "Part 2\n\nThe number of firefighters who also hold a second contract.\n"
    )
    assert own[1] == "The number of firefighters who also hold a second contract."
    assert len(own) == 2
    own = _own(
        "Dear Council,\n"
        "1. How much did the council spend on road gritting in 2022 and 2023? "
        "Please also provide a figure for the first quarter of 2024.\n"
        "2. Please provide the cost of repairing potholes in 2022 and in 2023. "
        "Please also provide a figure for the first quarter of 2024.\n"
    )
    assert len(own) == 2
    assert own[1].endswith("Please also provide a figure for the first quarter of 2024.")


def test_s5c_a_question_run_on_through_its_lettered_items_is_one_question():
    """'how many ... were made by:' finished by its items in lower case ('a) residents? b) and how many by
    councillors?') is one sentence, so one question (S5c)."""
    own = _own(
        "Dear Council,\n\n"
        "1) In each of the last five years, how many complaints about noise were made by:\n\n"
        "a) residents?\n\n"
        "b) and how many complaints about noise were made by local businesses?\n\n"
        "2) How many noise abatement notices were served in each of those years?\n"
    )
    assert len(own) == 2
    assert own[0].startswith("In each of the last five years, how many complaints")
    assert own[0].endswith("made by local businesses?")


def test_s3_a_numbered_item_that_only_gives_context_for_its_lettered_questions_is_no_question():
    """'3) In a previous reply, the council stated that ...' over 'a) How ...?' / 'b) Is ...?': the item tells, its
    items ask; they are the questions, top-level (S3, S3a, S8)."""
    r = split_request(
        "Dear Council,\n\n"
        "1) How many enforcement notices were served in 2024?\n\n"
        "2) In a previous reply, the council stated that it has no dedicated budget for enforcement work.\n\n"
        "a) How is enforcement action funded when it is taken?\n\n"
        "b) Is the lack of a budget delaying enforcement action?\n"
    )
    assert [q.own_text for q in r.questions][1:] == [
        "How is enforcement action funded when it is taken?",
        "Is the lack of a budget delaying enforcement action?",
    ]
    assert all(q.sub_of is None for q in r.questions)


def test_s2_entries_under_a_lead_broken_down_as_follows_are_values_of_its_breakdown():
    """'..., broken down as follows:' over bullets that each name a category: the categories of one figure (S2),
    however the lead is worded ('You asked for ...' in a published reply)."""
    own = _own(
        "Information requested\n\n"
        "You asked for information relating to hospital discharges delayed in 2023, broken down as follows:\n\n"
        "  \u2022 Delays related to waiting for a care package\n"
        "  \u2022 Delays related to waiting for patient transport\n"
        "  \u2022 Delays in arranging a care home placement\n"
    )
    assert len(own) == 1
    assert own[0].endswith("Delays in arranging a care home placement")


def test_s8_definitions_listed_under_an_items_closing_statement_are_not_questions():
    """An item that explains itself ('Waiting patients are now coded by priority. The priority codes are:') over
    bullets that define each code: the definitions belong to its question, none a question of its own."""
    own = _own(
        "Dear Trust,\n"
        "1. Please provide your waiting list data for patients waiting over a year for surgery at the end of March "
        "2024, in weekly bands. Trusts now code waiting patients by clinical priority.\n"
        "The clinical priority codes are:\n"
        "\u2022 Priority 1 surgery needed within three days.\n"
        "\u2022 Priority 2 surgery that can wait up to a month.\n"
        "\u2022 Priority 3 patients who have asked to stay on the waiting list but to put off their surgery for now.\n"
    )
    assert len(own) == 1
    assert own[0].startswith("Please provide your waiting list data")


def test_s7_a_pages_title_over_a_numbered_list_is_no_question():
    """A published request's title on its first line ('Information about parking fines - March 2024'), a few words
    with no stop, names the subject of the list below it."""
    own = _own(
        "Information about parking fines - March 2024\n\n"
        "Reference: FOI1234\n\n"
        "  1. Can you provide the number of parking fines issued in 2023?\n"
        "  2. Can you provide the number of those fines that were appealed?\n"
    )
    assert own == [
        "Can you provide the number of parking fines issued in 2023?",
        "Can you provide the number of those fines that were appealed?",
    ]


def test_s3_a_lead_in_ending_in_a_semicolon_above_its_list_is_no_question():
    """'Please could I have, for each of the years 2021 to 2023;' over a numbered list: its lead-in, the semicolon
    typed for a colon (S3)."""
    own = _own(
        "Dear University,\n"
        "Please could I have, for each of the academic years 2021/22, 2022/23 and 2023/24;\n"
        "1. The number of students found to have cheated in exams.\n"
        "2. The number of students found to have plagiarised coursework.\n"
    )
    assert own == [
        "The number of students found to have cheated in exams.",
        "The number of students found to have plagiarised coursework.",
    ]


def test_s7_writing_under_the_act_to_request_the_information_below_is_preamble():
    """'I am writing to you under the Freedom of Information Act 2000 to request the information detailed below.'
    says what the letter is, not what it asks for (S7)."""
    own = _own(
        "Dear Council,\n"
        "I am writing to you under the Freedom of Information Act 2000 to request the information detailed below.\n\n"
        "How many parking permits did the council issue in 2024?\n"
    )
    assert own == ["How many parking permits did the council issue in 2024?"]


def test_s3_a_lead_in_ending_in_colon_dash_above_its_bullets_is_no_question():
    """'... including any information held relating to :-' over bullets: its lead-in, ':-' typed for a colon (S3);
    the bullets are the questions."""
    own = _own(
        "Dear Council,\n"
        "Could you provide me with copies of all correspondence held by the council about the new leisure centre, "
        "including any information held relating to :-\n\n"
        "\u2022 Meetings with the operator about the opening hours of the centre.\n\n"
        "\u2022 Assessments of the cost of heating the swimming pool.\n"
    )
    assert own == [
        "Meetings with the operator about the opening hours of the centre.",
        "Assessments of the cost of heating the swimming pool.",
    ]


def test_s2a_a_numbered_item_asking_to_break_down_the_costs_as_above_is_no_question():
    """'3. If possible, please break down the monthly costs as above ...' only asks for the figures asked above broken
    down as they say (S2a, S2e): no question of its own, and no part of one."""
    own = _own(
        "Dear Council,\n"
        "1. Please provide the number of school transport appeals made in each month from 2020 to 2023.\n"
        "2. Please provide a monthly breakdown of all money spent on school transport appeals from 2020 to 2023.\n"
        "3. If possible, please break down the monthly costs as above, but if that is not possible please give the "
        "total.\n"
    )
    assert len(own) == 2
    assert own[1].endswith("school transport appeals from 2020 to 2023.")


def test_s3_a_numbered_lead_in_whose_colon_carries_a_footnote_mark_is_no_question():
    """'2. Please supply the total number of:*' over lettered items that each ask for a different figure: a lead-in
    (S3), the asterisk pointing to a note under the list; the items are the questions."""
    own = _own(
        "Dear Trust,\n\n"
        "1. Please provide the total number of pupils in years 9 to 11.\n\n"
        "2. Please supply data from the autumn, spring and summer terms on the total number of:*\n\n"
        "a. fixed term exclusions lasting more than five days\n"
        "b. fixed term exclusions of pupils with special educational needs, with or without a plan, and on free "
        "school meals\n\n"
        "*I ask for these figures to be broken down by year group.\n"
    )
    assert own == [
        "Please provide the total number of pupils in years 9 to 11.",
        "fixed term exclusions lasting more than five days",
        "fixed term exclusions of pupils with special educational needs, with or without a plan, and on free school "
        "meals",
    ]


def test_s2_periods_marked_inside_a_how_many_sentence_stay_in_its_question():
    """'How many complaints were received in (i) 2021/22 (ii) 2022/23 and (iii) 2023/24 where ...?': the marks only
    list the periods of the one sentence's figure (S2, S5c)."""
    own = _own(
        "Dear Trust,\n"
        "1. How many complaints were received by your organisation in (i) 2021/22 (ii) 2022/23 and (iii) 2023/24 "
        "where the harm was recorded as serious or fatal and where there was a delay in the patient being treated?\n"
        "2. Please provide a brief summary of each of the complaints in Q1 which were logged in 2023/24 stating (i) "
        "the harm recorded and (ii) how long the delay was.\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert len(own) == 2
    assert own[0].startswith("How many complaints were received") and own[0].endswith(
        "the patient being treated?"
    )


def test_s2a_a_bullet_asking_for_a_breakdown_over_different_kinds_stays_in_its_question():
    """'- Breakdown of spending on different types of accommodation' right under the spending it breaks down, both
    under a lead-in, only asks for that figure broken down (S2a): part of that question, not one of its own."""
    own = _own(
        "I would like to know the following:\n\n"
        "  1. How many households are in temporary accommodation as of 1 March 2024?\n"
        "  2. Spending on temporary accommodation from 1 March 2023 to 1 March 2024:\n"
        "  \u2022 Total amount spent on temporary accommodation.\n"
        "  \u2022 Breakdown of spending on different types of accommodation (e.g. hotels, private landlords).\n"
        "  3. The number of complaints about temporary accommodation in that period.\n"
    )
    assert len(own) == 3
    assert own[1].startswith("Total amount spent on temporary accommodation.")
    assert own[1].endswith("(e.g. hotels, private landlords).")


def test_s5_a_further_question_opening_with_approximately_is_a_question_of_its_own():
    """'Approximately how many staff have done this training?' after the item's first question asks for something
    else (S5), as 'How many staff ...?' does; a bracketed note after its '?' does not hide it."""
    own = _own(
        "Dear University,\n"
        "1. What training is provided to staff on data protection? Approximately how many staff have done this "
        "training in the last year? [or the last year for which you have data]\n"
        "2. How many data breaches were reported in the last year?\n"
    )
    assert len(own) == 3
    assert own[1].startswith("Approximately how many staff have done this training")


def test_s5_if_possible_please_also_asks_for_something_else_as_please_also_does():
    """'If possible, please also indicate which ... for each arrest.' under a count asks for something else (S5,
    S5d), as 'Please also indicate ...' does; 'If possible, please break this down by year' still only breaks down."""
    own = _own(
        "Dear Police,\n"
        "1. The number of arrests for driving under the influence of drugs in 2023. If possible, please break this "
        "down by month. If possible, please also indicate which drug was found in each case.\n"
        "2. The number of arrests for driving under the influence of alcohol in 2023.\n"
    )
    assert len(own) == 3
    assert own[0].endswith("please break this down by month.")
    assert own[1] == "If possible, please also indicate which drug was found in each case."


def test_s5_also_comma_and_a_question_word_is_a_further_question():
    """'Also, how many were withdrawn ...?' after an item's first question asks for something else (S5), as 'How
    many were also withdrawn ...?' does."""
    own = _own(
        "Dear Council,\n"
        "1. How many planning appeals were lodged in 2023? Also, how many were withdrawn before a decision was made?\n"
        "2. How many planning appeals were lodged in 2024?\n"
    )
    assert own == [
        "How many planning appeals were lodged in 2023?",
        "Also, how many were withdrawn before a decision was made?",
        "How many planning appeals were lodged in 2024?",
    ]


def test_s3_a_numbered_lead_ending_in_a_semicolon_over_its_lettered_questions_is_no_question():
    """'3. What are the most common reasons you give;' over '(a) ... for refusal?' / '(b) ... for approval?': the
    lead is cut off and finished by its items, a semicolon typed for a colon (S3); the items are the questions."""
    own = _own(
        "Dear Commission,\n\n"
        "1. How many applications to demolish a listed building were you consulted on in 2023?\n\n"
        "2. What are the three most common reasons you give;\n"
        "(a) as the main reason to recommend refusal of an application?\n"
        "(b) as the main reason to recommend approval of an application?\n"
    )
    assert own[1:] == [
        "as the main reason to recommend refusal of an application?",
        "as the main reason to recommend approval of an application?",
    ]


def test_s7_what_we_want_to_do_said_as_a_statement_is_no_question():
    """'What we want to gather is a national picture of ...' says why the requester asks (S7); 'What I want to know
    is how many ...' still asks."""
    own = _own(
        "Dear Council,\n\n"
        "We are collecting figures on library closures. What we want to build is a national picture of library "
        "cuts, so that we can explain their effect to central government.\n\n"
        "We would be grateful for answers to the following:\n"
        "\u2022 How many libraries did the council close in 2023?\n"
        "\u2022 What is the council's total library budget for 2024?\n"
    )
    assert own == [
        "How many libraries did the council close in 2023?",
        "What is the council's total library budget for 2024?",
    ]
    assert _own(
        "Dear Council,\n\nWhat I want to know is how many libraries the council closed in 2023.\n"
    ) == ["What I want to know is how many libraries the council closed in 2023."]


def test_s7_a_word_opening_with_a_question_word_asks_nothing():
    """'Wholetime' or 'Whatsapp' in the rows of a table the requester would like the reply set out in are values,
    not questions: 'who' or 'what' asks only as a word of its own."""
    own = _own(
        "Dear Fire Service,\n\n"
        "Please tell me how many firefighters you employed on 31 March 2024.\n\n"
        "We would appreciate a table detailing the data in the following format:\n\n"
        "Headcount\n\nWholetime\n\nRetained\n\nWholetime-retained\n"
    )
    assert own == ["Please tell me how many firefighters you employed on 31 March 2024."]


def test_s8_a_definition_in_a_paragraph_of_its_own_under_the_ask_is_part_of_it():
    """'To clarify, ...' in the paragraph right under the ask narrows it (S8), as it does in the ask's own paragraph."""
    own = _own(
        "Dear Fire Service,\n\n"
        "How many firefighters did you employ on 31 March 2024 who also hold a retained contract?\n\n"
        "To clarify, I only want the number with a retained contract at any fire service.\n\n"
        "How many fire engines did you have on that date?\n"
    )
    assert own == [
        "How many firefighters did you employ on 31 March 2024 who also hold a retained contract? "
        "To clarify, I only want the number with a retained contract at any fire service.",
        "How many fire engines did you have on that date?",
    ]


def test_s6_we_also_request_asks_for_something_else():
    """'We also request the number of ...' in prose after a first ask is a question of its own (S6), as 'We would
    also request ...' already was."""
    own = _own(
        "Dear Fire Service,\n\n"
        "Specifically, we would like to know how many firefighters you employed on 31 March 2024.\n\n"
        "We also request the number of firefighters who also hold a retained contract on that date.\n"
    )
    assert own == [
        "Specifically, we would like to know how many firefighters you employed on 31 March 2024.",
        "We also request the number of firefighters who also hold a retained contract on that date.",
    ]


def test_s7_asking_for_information_regarding_a_subject_above_a_list_names_its_subject():
    """Above a numbered list, 'I am writing to request information under the Freedom of Information Act 2000
    regarding ...' and 'Specifically, I am seeking information regarding ...' name what the list asks about (S7,
    S8c): the list's items are the questions."""
    own = _own(
        "I am writing to request information under the Freedom of Information Act 2000 regarding the council's "
        "spending on agency social workers in 2024/25. Specifically, I am seeking information regarding agency "
        "staff covering vacant posts.\n"
        "1. The total amount spent on agency social workers in 2024/25.\n"
        "2. A list of the agencies used, and the amount paid to each.\n"
    )
    assert own == [
        "The total amount spent on agency social workers in 2024/25.",
        "A list of the agencies used, and the amount paid to each.",
    ]


def test_s1_entries_of_a_list_glued_into_one_paragraph_after_its_lead_in_are_questions():
    """A list that lost its marks and line breaks ('Please provide the following information: The current number of
    ....The types of ... used.The names of ...'): each entry that names a thing asked for is a question (S1), as it
    is with its marks; a sentence that tells ('The council has ...') is not."""
    own = _own(
        "Dear Sir/Madam,This is a request for information under the Freedom of Information Act 2000.Please provide "
        "the following information relating to the council's parks:The current number of parks in the borough."
        "The types of play equipment currently installed (e.g. swings, slides).The annual budget for park "
        "maintenance, broken down by park where available.Whether the council uses contractors to maintain them."
        "The council has published some of this before.\n"
    )
    assert len(own) == 4
    assert own[1] == "The types of play equipment currently installed (e.g. swings, slides)."
    assert own[3].startswith("Whether the council uses contractors")


def test_s5_and_with_a_direct_question_is_a_further_question():
    """'And is this set nationally?' after an item's first question asks something else (S5), as 'Is this set
    nationally?' does."""
    own = _own(
        "Dear Trust,\n"
        "1. At what threshold is the test result read as positive? And is this threshold set by the trust or "
        "nationally?\n"
        "2. How many tests did the trust process in 2021?\n"
    )
    assert own == [
        "At what threshold is the test result read as positive?",
        "And is this threshold set by the trust or nationally?",
        "How many tests did the trust process in 2021?",
    ]


def test_s7_an_ask_with_how_to_give_it_joined_by_a_comma_is_still_a_question():
    """'Please provide the number of ... between 2009 and now, please provide this as a yearly figure.' asks for the
    number; only its second clause says how to give it. A sentence that is only how to give it ('Please provide this
    as a spreadsheet.') is no question (S7)."""
    own = _own(
        "Dear Company,\n"
        "1) Please provide the number of court claims brought against the company between 2009 and now, please "
        "provide this as a yearly figure.\n"
        "2) Please provide the number of complaints received about the customer details form since 2009.\n"
        "3) Please provide this as a spreadsheet.\n"
    )
    assert len(own) == 2
    assert own[0].startswith("Please provide the number of court claims")


def test_s6_please_can_you_find_out_how_many_asks():
    """'Please can you find out how many ...' asks for a figure, as 'Please can you tell me how many ...' does."""
    own = _own(
        "Dear Police,\n\n"
        "Please can you find out how many stray horses have been reported to the police in the past five years.\n\n"
        "Please can you give examples of where they were found.\n"
    )
    assert own == [
        "Please can you find out how many stray horses have been reported to the police in the past five years.",
        "Please can you give examples of where they were found.",
    ]


def test_s4a_i_ask_that_you_supply_records_on_a_condition_is_a_question():
    """'If the release of any of this information is prohibited on the grounds of confidence, I ask that you supply me
    with copies of the confidentiality agreement.' asks for other records if a condition holds (S4a): a question."""
    own = _own(
        "Dear Department,\n\nPlease send me the total value of grants paid to schools for textbooks in 2024.\n\n"
        "If the release of any of this information is prohibited on the grounds of breach of confidence, I ask that "
        "you supply me with copies of the confidentiality agreement.\n"
    )
    assert len(own) == 2
    assert own[1].startswith("If the release of any of this information is prohibited")


def test_s1_topics_listed_under_a_request_for_information_on_the_following_topics_are_questions():
    """'I am requesting information you hold on the following topics...' over '1) Road safety near schools' /
    '2) ...': each topic is a body of information answered apart (S1, S2b), not a value of one figure."""
    own = _own(
        "Dear Department,\n\nI am requesting information you hold on the following topics...\n\n"
        "1) Road safety near primary schools\n"
        "2) Cycle lanes on rural roads\n"
        "3) Speed limits outside hospitals.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "Road safety near primary schools",
        "Cycle lanes on rural roads",
        "Speed limits outside hospitals.",
    ]


def test_s4a_a_question_on_a_condition_of_its_own_is_a_further_question():
    """'If footage of an offence is captured by a resident, can it be used in court?' after an item's first question
    asks something else on a condition of its own (S4a); 'If so, what ...?' still follows the answer before (S4)."""
    own = _own(
        "Dear Council,\n"
        "1. Can residents set up their own cameras to catch fly-tippers? If so, what laws must they follow? "
        "If footage of an offence is captured by a resident, can the footage be used in court?\n"
        "2. How many fly-tipping fines were issued in 2023?\n"
    )
    assert own == [
        "Can residents set up their own cameras to catch fly-tippers? If so, what laws must they follow?",
        "If footage of an offence is captured by a resident, can the footage be used in court?",
        "How many fly-tipping fines were issued in 2023?",
    ]


def test_s3_a_question_over_items_that_each_name_a_figure_answering_it_is_no_question():
    """'5. How many staff do you employ?' over '1. Figure for total staff' / '2. Figure for full-time equivalent':
    the items ask for the different figures that answer it, so they are the questions and the lead is not (S3)."""
    own = _own(
        "Dear Trust,\n"
        "  1. Do you charge staff for parking?\n"
        "  2. How many staff do you employ?\n"
        "    1. Figure for total staff (including part timers)\n"
        "    2. Figure for full-time equivalent total.\n"
    )
    assert own == [
        "Do you charge staff for parking?",
        "Figure for total staff (including part timers)",
        "Figure for full-time equivalent total.",
    ]


def test_s2c_bullets_describing_each_member_of_a_set_another_bullet_names_are_fields():
    """'Names of cleaning contractors used' then '- Number of hours worked by each cleaning contractor' and '- Cleaning
    contractors\u2019 hourly rates': each describes every member of the set the first asks for (S2c), fields of it;
    '- Total spent on cleaning' asks a figure of its own."""
    own = _own(
        "Dear Council,\n\nI am seeking the following information about school cleaning in 2023:\n\n"
        "  \u2022 Names of cleaning contractors used\n"
        "  \u2022 Number of hours worked by each cleaning contractor\n"
        "  \u2022 Cleaning contractors\u2019 hourly rates\n"
        "  \u2022 Total spent on cleaning across all schools\n"
    )
    assert own == ["Names of cleaning contractors used", "Total spent on cleaning across all schools"]


def test_s3_a_numbered_heading_over_its_own_sub_numbered_items_is_no_question():
    """'1. 2024/25 Actuals and Forecast:' over '1a: Provide the total ...' / '1b: Provide the forecast ...': a lead-in
    over the items numbered under it (S3); the items are the questions."""
    own = _own(
        "Please provide the following data:\n\n"
        "  1. 2024/25 Academic Year Actuals and Outturn Forecast:\n\n"
        "1a: Provide the total number of days agency staff were employed in communications roles to December 2024.\n\n"
        "1b: Provide the forecast number of such days for the rest of the academic year.\n"
    )
    assert len(own) == 2
    assert own[0].startswith("Provide the total number of days")


def test_s2c_entries_describing_each_member_of_a_set_the_item_names_are_fields():
    """'b) For each school closed in 2022,' over '(i) The name of the school' / '(ii) The number of pupils moved from
    that school', or 'c) ... the following for the three routes with the most complaints:' over 'i) how long is
    their journey?': each entry says something of one member of the set the item names (S2c), so the item is one
    question however its entries ask; entries that count a part of the set ('How many of these ...') still ask."""
    own = _own(
        "Dear Council,\n\n"
        "a) The number of schools closed in 2022\n\n"
        "b) For each school closed in 2022,\n\n"
        "i) The name of the school\n\n"
        "ii) The number of pupils moved from that school\n\n"
        "iii) The date on which the school closed\n\n"
        "c) Please give me the following for the three bus routes with the most complaints:\n"
        "i) how long, in miles, is their journey?\n"
        "ii) how many buses run on them each day?\n\n"
        "d) The number of complaints received in 2022 about school transport:\n"
        "i) How many of these were upheld?\n"
        "ii) How many of these were about late buses?\n"
    )
    assert len(own) == 5
    assert own[1].startswith("For each school closed in 2022,") and "that school" in own[1]
    assert own[2].startswith("Please give me the following") and "how many buses" in own[2]
    assert own[3:] == ["How many of these were upheld?", "How many of these were about late buses?"]


def test_s2a_an_item_asking_for_a_breakdown_of_the_figure_above_in_its_own_words_folds_into_it():
    """'- If possible, please provide a breakdown of the number of reports received from neighbours in 2023.' under
    '- How many reports of noise from neighbours did you receive ...?' names the figure above again and only breaks it
    down (S2a), whatever marks it carries; a breakdown of another figure, under an item asking for a list ('A
    breakdown of the spend per contractor on repairs' under 'a list of the contractors used for repairs'), asks."""
    own = _own(
        "Dear Council,\n\n"
        "  - How many reports of noise from neighbours did you receive in each of the years 2022 and 2023?\n"
        "  - If possible, please provide a breakdown of the number of reports received from neighbours in 2023. "
        "For example: music, dogs, building work\n"
        "  - How often do your officers visit a reported address?\n\n"
        "1. Please supply a list of the contractors used for repairs to council homes in 2023.\n"
        "2. A breakdown of the spend per contractor on repairs to council homes\n"
    )
    assert len(own) == 4
    assert own[0].startswith("How many reports of noise") and "For example: music" in own[0]
    assert own[1] == "How often do your officers visit a reported address?"
    assert own[3] == "A breakdown of the spend per contractor on repairs to council homes"


def test_s5c_items_that_finish_a_count_cut_off_at_its_how_many_or_preposition_are_one_question():
    """'Of the appeals heard, how many; (a) were upheld?; (b) were dismissed?' and 'what total number were awarded
    through' over 'I. Open funding rounds?' / 'II. Direct awards?': the items finish the count's sentence, as its
    groups (S5c, S2d), none asking or naming a figure of its own; items that each name a figure ('I. Total value of
    grants ...?' / 'II. Total number of grants ...?') under 'what was the:' still ask."""
    own = _own(
        "Dear Council,\n\n"
        "1. How many parking appeals did you hear in 2023? 2. Of the appeals heard, how many; (a) were upheld?; "
        "(b) were dismissed?; (c) are still pending?\n\n"
        "3. For each of the years 2021/22 and 2022/23, what total number of grants were awarded through\n"
        "I. Open funding rounds?\n"
        "II. Direct awards?\n"
        "III. Unknown?\n\n"
        "4. For each of the years 2021/22 and 2022/23, what was the:\n"
        "I. Total value of grants given to charities by the council?\n"
        "II. Total number of grants given to charities by the council?\n"
    )
    assert len(own) == 5
    assert own[1].startswith("Of the appeals heard, how many;") and "are still pending?" in own[1]
    assert own[2].startswith("For each of the years") and "Direct awards?" in own[2]
    assert own[3:] == [
        "Total value of grants given to charities by the council?",
        "Total number of grants given to charities by the council?",
    ]


def test_s8a_a_format_instruction_after_an_items_ask_is_no_part_of_its_text():
    """'Please could you send this information in an electronic format.' or 'Please insert these figures into the
    attached Excel template ...' after an item's ask says how to send the reply (S7, S8a): left out of the question's
    text; a breakdown into categories ('Please provide the data in the following bands: ...') is not a format, and a
    sentence on a condition ('If it is not published, please supply it as a spreadsheet.') still asks for the
    record."""
    own = _own(
        "Dear Council, I would like the following information: "
        "1) How many parking fines did you issue in each month of 2023? Please insert these figures into the attached "
        "Excel template under the column for each month. "
        "2) How many fines were appealed? Please provide the data in the following bands: under 1 week, over 1 week. "
        "3) The total income from parking fines in 2023. Please could you send this information in an electronic "
        "format. "
        "4) The location of your published parking strategy. If it is not published, please supply it as a "
        "spreadsheet."
    )
    assert own == [
        "How many parking fines did you issue in each month of 2023?",
        "How many fines were appealed? Please provide the data in the following bands: under 1 week, over 1 week.",
        "The total income from parking fines in 2023.",
        "The location of your published parking strategy. If it is not published, please supply it as a spreadsheet.",
    ]


def test_s8c_a_lead_in_run_on_into_the_ask_it_introduces_is_left_out_of_its_text():
    """'Please send me figures on pothole repairs in your area, as follows; How many potholes ...?' and '... about
    road repairs:The current backlog ...': the lead-in is run on into the first ask in one sentence (a semicolon, a
    colon with no line break); the question's text begins at the ask (S3, S8c). A list of values after a lead-in
    ('the following details: name, date, cost.') is not an ask of its own, and the sentence stays whole."""
    own = _own(
        "Dear Council,\n"
        "Please send me figures on pothole repairs in your area, as follows;\n"
        "How many potholes were repaired between 1 April 2023 and 31 March 2024?\n"
        "In the same period, how many repairs failed within six months?\n\n"
        "Please also provide the following information about road resurfacing:The current backlog of roads "
        "awaiting resurfacing.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "How many potholes were repaired between 1 April 2023 and 31 March 2024?",
        "In the same period, how many repairs failed within six months?",
        "The current backlog of roads awaiting resurfacing.",
    ]
    values = _own(
        "Dear Council,\nPlease could you provide the following details of each contract: name, date, cost.\n"
    )
    assert values == ["Please could you provide the following details of each contract: name, date, cost."]


def test_s8_a_heading_on_an_items_label_line_is_no_part_of_its_question():
    """'1. Pothole Repairs' / 'How many potholes did you repair in 2023?': the heading on the label's line names the
    part of the request; the question's text begins at the ask on the next line (S8). A line that itself names what
    is asked for ('2. Number of claims received' over 'Please break this down by ward.') is the question."""
    own = _own(
        "Dear Council,\n\n"
        "1. Pothole Repairs\n"
        "How many potholes did you repair in 2023?\n"
        "2. Number of claims received\n"
        "Please break this down by ward.\n"
        "3. Road resurfacing and maintenance\n"
        "The total spent on road resurfacing in 2023.\n"
    )
    assert own == [
        "How many potholes did you repair in 2023?",
        "Number of claims received Please break this down by ward.",
        "The total spent on road resurfacing in 2023.",
    ]


def test_s7_a_heading_line_is_read_apart_from_the_sentence_under_it():
    """'Published information' / 'If already published, please provide the direct URL.' and 'Cost' / 'If this may
    exceed the section 12 cost limit, please advise how I can refine it.': a heading on a paragraph's first line is
    not the first words of the sentence under it, so that sentence is read as written (S7: asks about the reply);
    'Request' over 'I would like to request ...' no longer hides the ask."""
    own = _own(
        "Request\n"
        "I would like to request the number of exclusions from council schools in each year since 2019.\n\n"
        "Cost\n"
        "If this may exceed the section 12 cost limit, please advise how I can refine it.\n\n"
        "Published information\n"
        "If already published, please provide the direct URL and the table.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "I would like to request the number of exclusions from council schools in each year since 2019."
    ]


def test_s5_a_short_question_pointing_back_asks_on_the_question_before():
    """'Has this been done?', 'And how old were they?', 'Is there an end date to it?': a short question that names
    nothing of its own beyond a word or two and points back by 'it', 'this' or 'they' asks on about the question
    before it (S5), in prose (with what was said between them) and in a numbered item; a question naming a thing
    of its own ('How many were refused?', 'And can you outline any changes please?') is still a question."""
    own = _own(
        "Dear Council,\n\n"
        "Has a flood risk assessment been made for the new estate. Heavy rain would seem to call for one. "
        "Has this been done?\n\n"
        "How long will the parking permit scheme run for? Is there an end date to it? "
        "Or is it just until further notice?\n\n"
        "Which libraries have reduced their opening hours since 2016? And can you outline any changes please?\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "Has a flood risk assessment been made for the new estate. Heavy rain would seem to call for one. "
        "Has this been done?",
        "How long will the parking permit scheme run for? Is there an end date to it? "
        "Or is it just until further notice?",
        "Which libraries have reduced their opening hours since 2016?",
        "And can you outline any changes please?",
    ]
    listed = _own(
        "Dear Constabulary,\n\n"
        "1) How many people were arrested for begging in 2023?\n\n"
        "2) What is the longest time a person was held in custody for begging? And how old were they? "
        "And what year was this in?\n"
    )
    assert listed == [
        "How many people were arrested for begging in 2023?",
        "What is the longest time a person was held in custody for begging? And how old were they? "
        "And what year was this in?",
    ]


def test_s4_an_ask_on_a_condition_of_the_records_found_follows_up_its_question():
    """'If grants have been returned to the government, then please identify the amounts.' and 'Where a letter has
    been identified please disclose the whole file.': an ask made on a condition of what the records asked for hold
    is a follow-up on that question (S4), in prose and in an item; 'If you hold X, please also supply it' asks on
    whether the body holds something else (S4a) and is still a question."""
    own = _own(
        "Dear Council,\n\n"
        "Please can you provide a breakdown of the grants paid to the town since 2020? If grants have been "
        "returned to the government, then please identify the amounts and the dates.\n\n"
        "Please provide the number of complaints about street lighting in 2023. If you hold a register of "
        "the lights repaired, please also supply it.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "Please can you provide a breakdown of the grants paid to the town since 2020? If grants have been "
        "returned to the government, then please identify the amounts and the dates.",
        "Please provide the number of complaints about street lighting in 2023.",
        "If you hold a register of the lights repaired, please also supply it.",
    ]
    listed = _own(
        "Dear University,\n\nPlease provide:\n"
        "- the dates of any meetings at which the new library was discussed\n"
        "- copies of all letters about the new library. Where a letter has been identified please disclose the "
        "whole file.\n"
    )
    assert listed == [
        "the dates of any meetings at which the new library was discussed",
        "copies of all letters about the new library. Where a letter has been identified please disclose the "
        "whole file.",
    ]


def test_s2_values_named_above_the_questions_belong_to_none_of_them():
    """'I am asking about the parking charges at the following car parks' / '1) Station Road' / '2) High Street',
    then the questions in a list of their own: the values qualify every question below, so they belong to none
    of them (S2) and ask nothing. A whole sentence on the line under the last value ('I understand that ...') is a
    paragraph of its own, not the rest of that value."""
    own = _own(
        "Dear Council,\n\n"
        "I am asking about the parking charges at the following car parks in the town centre\n\n"
        "1) Station Road\n2) High Street\n3) Market Square\n\n"
        "I would be grateful for the following information\n"
        "i) The total income from parking charges per car park in 2023\n"
        "ii) The number of penalty notices issued per car park in 2023\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert own == [
        "The total income from parking charges per car park in 2023",
        "The number of penalty notices issued per car park in 2023",
    ]
    lost_blank = _own(
        "Dear Council,\n"
        "My information request relates to two housing schemes:\n"
        "- Right to Buy\n"
        "- Shared Ownership\n"
        "I understand that you have a duty to advise me if my request needs any clarification.\n"
        "1. How many homes were sold under each scheme in 2023?\n"
        "2. How many applications under each scheme were refused in 2023?\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert lost_blank == [
        "How many homes were sold under each scheme in 2023?",
        "How many applications under each scheme were refused in 2023?",
    ]


def test_s3_a_heading_item_over_its_questions_is_no_question():
    """'1. Parking enforcement' over 'a. Number of penalty notices issued' / 'b. Number of appeals upheld': a few
    words that ask nothing and name no figure, over items that each name a figure, name the part of the request
    they make up (S3); the items are the questions. An item naming a figure over the values of its breakdown
    ('2. Number of staff' / 'a. Full-time' / 'b. Part-time') is still one question (S2)."""
    own = _own(
        "Dear Council,\n\nPlease provide the following for 2023:\n"
        "1. Parking enforcement\n"
        "a. Number of penalty notices issued\n"
        "b. Number of appeals upheld\n"
        "2. Number of civil enforcement officers\n"
        "a. Full-time\n"
        "b. Part-time\n"
    )
    assert own[:2] == ["Number of penalty notices issued", "Number of appeals upheld"]
    assert len(own) == 3 and own[2].startswith("Number of civil enforcement officers")


def test_s2_values_listed_under_an_ask_stay_in_it_however_they_are_written():
    """Values the ask above takes in are part of its question (S2), also when one value lists its own members after
    a colon ('3. Letters to/from any of the following: A Smith, B Jones, C Brown') and when the ask runs on over a
    blank line through a dash ('I would like all letters and emails -' / 'Between the council and the club, to
    include:' / names)."""
    subjects = _own(
        "Dear Department,\n\n"
        "Please supply a list of all requests referred to your central team on any of the subjects below:\n\n"
        "1. Parking charges\n2. Bus lanes\n"
        "3. Letters to/from any of the following: A Smith, B Jones, C Brown, D White\n4. Road closures\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert len(subjects) == 1 and subjects[0].startswith("Please supply a list of all requests")
    names = _own(
        "Dear Council,\n\n"
        "I would like to request all letters, emails, notes and any other correspondence -\n\n"
        "Between any officer of the council and the football club or its agents, to include:\n\n"
        "A Smith\nB Jones\nC Brown\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert len(names) == 1 and names[0].startswith("I would like to request all letters")


def test_s2c_a_registers_columns_under_an_item_and_the_sentence_after_them():
    """'1. I am seeking your full asset register. The register should include the following columns/headings or
    something similar:' over short field bullets: the register's fields (S2c), part of item 1's question, as the same
    words are in prose; a whole sentence on the line under the last field ('How many assets are on the register?',
    'I am aware that these are not published ...') is not the rest of that field: it is read on its own."""
    own = _own(
        "Dear Council,\n\n"
        "1. I am seeking your full asset register. The register should include the following columns/headings or "
        "something similar:\n"
        "- Asset Reference (the unique number of the asset)\n"
        "- Asset Description and the service that manages it\n"
        "- Supplier Name\n"
        "How many assets are currently held on the asset register?\n"
        "2. Please provide your asset management strategy.\n"
    )
    assert len(own) == 3
    assert own[0].startswith("I am seeking your full asset register.") and "Supplier Name" in own[0]
    assert sorted(own[1:]) == [
        "How many assets are currently held on the asset register?",
        "Please provide your asset management strategy.",
    ]
    bullets = _own(
        "Dear Department,\n\nPlease could you tell me:\n"
        "- The direct telephone number of your press office\n"
        "- The direct telephone number of your records team\n"
        "I am aware that these numbers are not published on your website at present.\n\n"
        "Yours faithfully,\nA Requester\n"
    )
    assert bullets == [
        "The direct telephone number of your press office",
        "The direct telephone number of your records team",
    ]
