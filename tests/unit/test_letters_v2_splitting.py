"""The letter reader splits questions as guide version 2 says (``evals/SPLITTING.md``).

Each test is a short synthetic reply in the general form the rule reads; none is copied from a real letter.
"""

from __future__ import annotations

from foi_precedent.letters.parser import parse_text


def treatments(q) -> set[str]:
    return {t.value for t in q.treatments}


def test_the_same_figure_for_another_period_is_no_question_of_its_own():
    # S2a: an item that only asks for the same figure for another period, or a breakdown of it, folds into it
    text = (
        "You asked:\n"
        "- How many parking fines were issued in 2022?\n"
        "- Could you provide the same information for the previous two years?\n"
        "- Please break the numbers down by ward\n"
        "- How many of these fines were cancelled on appeal?\n"
        "Our response:\n"
        "We issued 4,210 fines in 2022, 3,980 in 2021 and 3,650 in 2020. The figures by ward are attached.\n"
        "We do not hold a record of how many fines were cancelled on appeal.\n"
    )
    letter = parse_text(text)
    assert [q.text[:40] for q in letter.questions] == [
        "How many parking fines were issued in 20",
        "How many of these fines were cancelled o",
    ]


def test_answers_by_number_count_the_folded_items_as_written():
    # the reply numbers the items as written ("1-3.", "4."); an item folded by S2a keeps its place in that count
    text = (
        "You asked:\n"
        "- How many permits were issued in 2023?\n"
        "- Can you give me the same information for 2022?\n"
        "- Please break the numbers down by type of permit\n"
        "- How many permits were refused?\n"
        "In response:\n"
        "1-3. We issued 320 permits in 2023 and 290 in 2022; the split by type is in the table below.\n"
        "4. This information is not held.\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 2
    assert treatments(letter.questions[0]) == {"disclosed"}
    assert treatments(letter.questions[1]) == {"not_held"}


def test_the_list_of_what_a_count_counts_is_a_question_of_its_own():
    # S5d: "How many ...? Please give the name of each." asks for records as well as a count
    text = (
        "You asked:\n"
        "- How many libraries have closed since 2015? Please provide the name and address of each.\n"
        "- How many libraries are planned for closure? Please provide the name of each.\n"
        "Response\n"
        "Four libraries have closed and none is planned for closure. Their names and addresses are attached.\n"
    )
    letter = parse_text(text)
    assert [q.text[:30] for q in letter.questions] == [
        "How many libraries have closed",
        "Please provide the name and ad",
        "How many libraries are planned",
        "Please provide the name of eac",
    ]


def test_details_asked_after_a_count_split_but_a_follow_up_and_a_scope_do_not():
    text = (
        "Your request:\n"
        "Please tell me how many complaints about noise were recorded in 2023. Please include the nature of each "
        "complaint and the action taken.\n"
        "Response\n"
        "We recorded 212 complaints. The nature of each complaint and the action taken are in the attached table.\n"
    )
    assert len(parse_text(text).questions) == 2
    text = (
        "Your request:\n"
        "How many complaints about noise were recorded in 2023? If so, please list the streets concerned.\n"
        "Response\n"
        "We recorded 212 complaints; the streets are listed in the attached table.\n"
    )
    assert len(parse_text(text).questions) == 1
    text = (
        "Your request:\n"
        "Please provide the minutes of the licensing committee for 2023. Please include any papers tabled.\n"
        "Response\n"
        "The minutes and papers are attached.\n"
    )
    assert len(parse_text(text).questions) == 1


def test_a_further_question_in_a_numbered_item_is_a_question_with_the_items_answer():
    # S5 / S5b: a further sentence, or an unmarked line under the item, asking a question of its own
    text = (
        "Your request:\n"
        "1. How many staff left the service in 2023? Please break this down by grade.\n"
        "2. What criteria do you use to approve overtime? Could you supply copies of any guidance on this?\n"
        "3. How many grievances were raised in 2023?\n"
        "How many were upheld?\n"
        "4. Do you have a policy on hybrid working? If so, please provide a copy.\n"
        "Response\n"
        "1. 41 staff left; the split by grade is attached.\n"
        "2. Our overtime guidance is published on our website at https://example.org/overtime.\n"
        "3. This information is not held.\n"
        "4. Yes; the policy is attached.\n"
    )
    letter = parse_text(text)
    assert [(q.label, q.text[:28]) for q in letter.questions] == [
        ("1", "How many staff left the serv"),
        ("2", "What criteria do you use to "),
        ("2 (further ask)", "Could you supply copies of a"),
        ("3", "How many grievances were rai"),
        ("3 (further ask)", "How many were upheld?"),
        ("4", "Do you have a policy on hybr"),
    ]
    assert letter.questions[2].treatments == letter.questions[1].treatments
    assert treatments(letter.questions[4]) == {"not_held"}


def test_lettered_sub_items_that_ask_on_their_own_are_questions_and_fields_of_each_case_are_not():
    # S1 / S3 / S2c: "If so: a) ... b) ..." asks two more questions; "In each case please disclose: a) ... b) ..."
    # lists the fields of one record; "Details of:" only introduces its items
    text = (
        "Your request:\n"
        "1. How many road closures did you approve in 2023?\n"
        "2. In each case please disclose:\n"
        "a) The street closed\n"
        "b) The dates of the closure\n"
        "3. Do you publish a list of approved closures? If so:\n"
        "a) Where is the list published?\n"
        "b) How often is the list updated?\n"
        "4. Details of:\n"
        "a) The number of staff who approve closures;\n"
        "b) The total cost of the approval process.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == [
        "1",
        "2",
        "3",
        "a)",
        "b)",
        "a) (second list)",
        "b) (second list)",
    ]
    assert letter.questions[1].text.startswith("In each case please disclose: a) The street closed")
    assert letter.questions[5].text == "The number of staff who approve closures;"


def test_unmarked_lines_that_split_one_count_into_single_groups_are_breakdown_values():
    # S2d: "How many of the X were students / ... were staff" split the count before them
    text = (
        "You asked for the following information:\n"
        "The total number of thefts reported on the campus in each of the last three years\n"
        "How many of the victims were students\n"
        "How many of the victims were staff members\n"
        "How many of the victims were visitors\n"
        "The number of thefts where the property was recovered\n"
        "Our response:\n"
        "Please see the attached table.\n"
    )
    letter = parse_text(text)
    assert [q.text[:40] for q in letter.questions] == [
        "The total number of thefts reported on t",
        "The number of thefts where the property ",
    ]
    assert "were visitors" in letter.questions[0].text


def test_items_that_share_their_opening_words_but_ask_different_figures_stay_apart():
    text = (
        "You asked for the following information:\n"
        "The number of calls received to put out house fires on the night of 5 November\n"
        "The number of calls received to put out bonfires that got out of control on 5 November\n"
        "Our response:\n"
        "Please see the attached table.\n"
    )
    assert len(parse_text(text).questions) == 2


def test_a_sentence_that_says_it_asks_for_something_more_is_a_question_of_its_own():
    # S6: "In addition, please provide ...", "I would also like ..." ask for something else
    text = (
        "Your request:\n"
        "Please provide a copy of the council's tree planting strategy. In addition, please provide the minutes of "
        "any meeting that approved it.\n"
        "Response\n"
        "The strategy is attached. The minutes are published on our website.\n"
    )
    assert [q.text[:30] for q in parse_text(text).questions] == [
        "Please provide a copy of the c",
        "In addition, please provide th",
    ]
    # a field of each record the first sentence lists stays with it (S2c)
    text = (
        "Your request:\n"
        "Please provide a list of the projects the council funds with the police. Please also provide the name of "
        "the lead officer for each project.\n"
        "Response\n"
        "The list is attached.\n"
    )
    assert len(parse_text(text).questions) == 1


def test_a_second_list_numbered_from_one_again_holds_questions_of_its_own():
    # S1: each numbered item asks for its own figure, in whichever list it stands
    text = (
        "Request\n"
        "Dog fouling:\n"
        "1. How many fixed penalty notices did you issue for dog fouling?\n"
        "2. How many of them were paid?\n"
        "3. How many complaints about dog fouling did you receive?\n"
        "Graffiti:\n"
        "1. How many graffiti reports did you receive?\n"
        "2. How much did removing graffiti cost?\n"
        "Response\n"
        "Please see the attached spreadsheet for all of the figures requested.\n"
    )
    letter = parse_text(text)
    assert [q.label for q in letter.questions] == ["1", "2", "3", "1 (second list)", "2 (second list)"]
    assert letter.questions[3].text == "How many graffiti reports did you receive?"


def test_a_part_asked_as_a_separate_number_is_a_question_of_its_own():
    # S5e as confirmed: a pair of dashes around "as a separate number" parts two asks
    text = (
        "Your request:\n"
        "How many stop and search encounters took place in 2023 and \u2013 as a separate number \u2013 how many "
        "led to an arrest?\n"
        "Response\n"
        "There were 5,120 encounters, of which 610 led to an arrest.\n"
    )
    assert [q.text[:23] for q in parse_text(text).questions] == [
        "How many stop and searc",
        "how many led to an arre",
    ]


def test_the_reply_pointing_on_and_the_act_quoted_are_not_questions():
    # S7: "Please find our response below" is the reply, and the Act's conditions quoted as a lettered list are no
    # request items
    text = (
        "I write in connection with your request for information which was received on 9 May as follows:\n"
        "Please can I have the number of officers on duty in the town on the night of 4 May.\n"
        "Please find the force's response set out below.\n"
        "Response: the number of officers on duty is exempt under section 31 and is withheld.\n"
        "When refusing to provide information, section 17 of the Act requires us to provide a notice which:\n"
        "(a) states that fact,\n"
        "(b) specifies the exemption in question\n"
    )
    letter = parse_text(text)
    assert len(letter.questions) == 1
    assert letter.questions[0].text.startswith("Please can I have the number of officers")


def test_questions_asked_and_answered_in_turn_where_a_reply_states_a_figure():
    # S6: "I would also like to know ..." asks for something else; a reply that states a figure answers the ask above
    text = (
        "Potholes 2022\n"
        "I would like to request the number of potholes repaired by the council in 2022\n"
        "The number of potholes repaired by the council in 2022 was 3,410\n"
        "I would also like to know the cost of the longest repair works in that year\n"
        "We estimate that compliance with this part of the request would exceed the appropriate cost limit.\n"
    )
    letter = parse_text(text)
    assert [sorted(t.value for t in q.treatments) for q in letter.questions] == [
        ["disclosed"],
        ["cost_limit"],
    ]


def test_a_further_sentence_asking_for_another_document_or_list_is_a_question_of_its_own():
    # S6: "Please provide a list of ..." after another ask asks for something else
    text = (
        "Your request:\n"
        "Please provide a list of any schemes in which the council takes part for the use of drones. Please also "
        "provide the lead body for each scheme. Please provide a list of any contracts the council holds for the use "
        "of drones.\n"
        "Response\n"
        "The council neither confirms nor denies that it holds the information, by virtue of section 24(2).\n"
    )
    assert [q.text[:38] for q in parse_text(text).questions] == [
        "Please provide a list of any schemes i",
        "Please provide a list of any contracts",
    ]


def test_a_second_list_numbered_from_1_again_gets_labels_of_its_own():
    """Labels key precedent, flags, corrections and the index's chunk ids: two questions labelled '1' in one letter
    broke ingest (Chroma refused the duplicate ids)."""
    from foi_precedent.letters.model import Question, label_key
    from foi_precedent.letters.parser import _unique_labels

    qs = [Question(label=str(n), text=f"q{n}", answer="a") for n in (1, 2, 1, 2, 1)]
    labels = [q.label for q in _unique_labels(qs)]
    assert labels == ["1", "2", "1 (second list)", "2 (second list)", "1 (third list)"]
    assert len(set(labels)) == len(labels)
    assert label_key(labels[2]) != label_key(labels[1])  # and no suffix reads as another number


def test_names_listed_in_bullets_after_a_question_are_values_of_its_breakdown():
    # S2: "... for each of the medicines below" then "- Amoxicillin", "- Ibuprofen": what the question is broken down
    # by, not questions; "I would also like ..." asks a question of its own (S6)
    text = (
        "Information provided\n\n"
        "Could I have the number of prescriptions issued in 2023 for each of the medicines below.\n"
        "I would also like the total cost of each to the trust.\n"
        "- Amoxicillin\n- Ibuprofen\n- Omeprazole\n"
        "A: 120, 45 and 300 prescriptions were issued respectively, at a total cost of \u00a312,400.\n"
    )
    letter = parse_text(text)
    assert [q.text[:33] for q in letter.questions] == [
        "Could I have the number of prescr",
        "I would also like the total cost ",
    ]
    assert "Omeprazole" in letter.questions[1].text


def test_entries_of_a_listed_item_each_answered_after_their_colon_are_questions():
    # S10: the request's own list answered entry by entry ("- Council Tax: 3254") is split as the reply splits it;
    # the item's words only lead in to the list (S3)
    text = (
        "Enforcement agents\n\n"
        "1. The number of times in 2023 that enforcement agents were instructed for each of the following;\n"
        "- Council Tax: 1520\n"
        "- Business Rates: 87\n"
        "- Parking: We do not hold this information.\n"
        "2. Do you publish your enforcement policy? Yes, it is on our website.\n"
    )
    letter = parse_text(text)
    assert [(q.text, treatments(q)) for q in letter.questions[:3]] == [
        ("Council Tax", {"disclosed"}),
        ("Business Rates", {"disclosed"}),
        ("Parking", {"not_held"}),
    ]
    assert len(letter.questions) == 4
    # a reply's own breakdown under a question that lists nothing ("- 2022: 45") stays its answer (S2)
    text = (
        "You asked:\n1. How many enforcement visits were made in 2022 and 2023?\n"
        "Response:\n1. The figures are:\n- 2022: 45\n- 2023: 52\n"
    )
    (q,) = parse_text(text).questions
    assert treatments(q) == {"disclosed"}


def test_a_lead_ending_colon_dash_and_an_ask_about_the_format_are_no_questions():
    # S3: "... the following information:-" only leads in to its items; S7: "Please send all of the above in a CSV
    # format." asks how the reply is to be made
    text = (
        "Request\n"
        "Please can you provide me with the following information:-\n"
        "a) the number of licensed taxis in the borough\n"
        "b) the number of taxi licences refused in 2023\n"
        "Please send all of the above in a CSV or Excel format.\n"
        "Response\n"
        "There are 412 licensed taxis. We do not hold the number of licences refused.\n"
    )
    letter = parse_text(text)
    assert [q.text for q in letter.questions] == [
        "the number of licensed taxis in the borough",
        "the number of taxi licences refused in 2023",
    ]


def test_numbered_fields_of_each_record_asked_for_are_one_question():
    # S2c: "For each vehicle, please include the following details:" then "1. Make and model" ...: the fields of
    # every record on the list asked for, numbered, are one question the reply refuses whole
    text = (
        "Request\n"
        "Please could you provide a list of all vehicles operated by the council. For each vehicle, please include "
        "the following details:\n"
        "1. Make and model\n2. Date of registration\n3. Date of disposal (if applicable)\n"
        "Decision\n"
        "We estimate that the cost of complying with your request would exceed the appropriate limit under "
        "section 12 of the Freedom of Information Act.\n"
    )
    (q,) = parse_text(text).questions
    assert "list of all vehicles" in q.text and "Make and model" in q.text
    assert treatments(q) == {"cost_limit"}


def test_places_listed_after_the_ask_are_values_of_it_even_when_long():
    # S2: "... reports ... in relation to the following properties." then one bullet a property with its address and
    # date: the things the one ask covers, not questions; a bullet that names a figure to give stays a question
    text = (
        "You asked for\n\n"
        "Please can you provide me with the inspection reports issued before enforcement notices for these places.\n"
        "- The Old Mill Hotel, Station Road, Newtown, notice issued 30/11/23\n"
        "- Riverside Care Home, High Street, Oldbury, notice issued 25/03/24\n"
        "- Hill View House, Park Lane, Westford, notice issued 10/01/24\n\n"
        "Our Response\n\nPlease find attached the reports we hold.\n"
    )
    (q,) = parse_text(text).questions
    assert "Riverside Care Home" in q.text
    assert treatments(q) == {"disclosed"}


def test_a_line_that_only_gives_the_period_asked_for_is_no_question():
    # S2: "I would like data for each of the last three years" after the items: the period, not a question
    text = (
        "Request:\n"
        "- The number of street lights converted to LED\n"
        "- The cost of converting these street lights\n"
        "I would like data for each of the last three years, to March 2023.\n"
        "Response:\n"
        "We converted 1,240 street lights at a cost of \u00a3312,000.\n"
    )
    assert len(parse_text(text).questions) == 2


def test_parts_the_reply_answers_by_their_own_letters_are_questions():
    # S10: the reply answers an item's lettered parts under their own labels ("2a) ...", then "b) ..." without the
    # number), so each part is a question with its own answer, even where the parts would not be split otherwise
    text = (
        "Request\n"
        "1. How many bus shelters does the council maintain?\n"
        "2. Please provide the following for 2023:\n"
        "a) The cost of cleaning bus shelters\n"
        "b) Spend on repairing vandalised shelters\n"
        "Response\n"
        "1. 212 shelters.\n"
        "2a) \u00a341,000\n"
        "b) This is not recorded separately.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:30] for q in questions] == [
        "How many bus shelters does the",
        "The cost of cleaning bus shelt",
        "Spend on repairing vandalised ",
    ]
    assert [q.answer for q in questions[1:]] == ["\u00a341,000", "This is not recorded separately."]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"disclosed"}, {"not_held"}]


def test_a_heading_that_only_names_the_topic_of_lettered_items_is_no_question():
    # S3: "1) Street lighting" only introduces the lettered items under it, which are the questions; an answer to the
    # numbered item answers each of its items
    text = (
        "Request\n"
        "1) Street lighting\n"
        "a) The total number of street lights maintained by the council.\n"
        "b) The total length of cable replaced in 2023.\n"
        "2) Road signs\n"
        "a) The number of road signs replaced in 2023.\n"
        "b) The cost of replacing road signs in 2023.\n"
        "Response\n"
        "1) 5,400 lights; 12 km of cable.\n"
        "2) This information is not held.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:24] for q in questions] == [
        "The total number of stre",
        "The total length of cabl",
        "The number of road signs",
        "The cost of replacing ro",
    ]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"disclosed"}, {"not_held"}, {"not_held"}]


def test_a_lead_for_the_fields_of_each_record_keeps_its_lettered_items():
    # S2c: "In each case please disclose:" asks for fields of each record; its items are no questions of their own
    text = (
        "Request\n"
        "1. How many public health funerals has the council arranged since 2022?\n"
        "2. In each case please disclose:\n"
        "a) The date of death of the deceased\n"
        "b) The last address of the deceased\n"
        "Response\n"
        "1. 14\n"
        "2. This information is exempt under section 31(1)(a).\n"
    )
    assert len(parse_text(text).questions) == 2


def test_a_reply_to_a_run_of_lettered_parts_answers_each_part():
    # S10 with S3: the reply answers "1.a)-c)" together and "2.a) & b)" together, so the lettered parts are the
    # questions and the lead-in over them ("... for the listed years:" and the years) is none
    text = (
        "Request\n"
        "1. Please provide the following information for the listed years:\n"
        "2019/20, 2020/21, 2021/22\n"
        "a. Number of parks maintained\n"
        "b. Annual grounds maintenance costs\n"
        "c. Annual budget for tree planting\n"
        "2. Please provide the following for 2022/23:\n"
        "a. Average opening hours of parks\n"
        "b. Shortest opening hours of any park\n"
        "3. What are the main reasons for closing parks?\n"
        "Response\n"
        "1.a)-c) Please see the attached spreadsheet.\n"
        "2.a) & b) 9 hours per day\n"
        "3. Budget reductions.\n"
    )
    questions = parse_text(text).questions
    assert [q.text[:20] for q in questions] == [
        "Number of parks main",
        "Annual grounds maint",
        "Annual budget for tr",
        "Average opening hour",
        "Shortest opening hou",
        "What are the main re",
    ]
    assert [q.answer for q in questions[:5]] == ["Please see the attached spreadsheet."] * 3 + [
        "9 hours per day"
    ] * 2


def test_a_second_question_in_an_unnumbered_item_is_a_question_of_its_own():
    # S6: in an item of the request, a separate sentence that asks something else after a question is a question
    text = (
        "You asked:\n"
        "- Does the council own any drones? Which department operates them?\n"
        "- What is the drone budget for 2024?\n"
        "Response\n"
        "The council does not hold this information.\n"
    )
    questions = parse_text(text).questions
    assert [q.text for q in questions] == [
        "Does the council own any drones?",
        "Which department operates them?",
        "What is the drone budget for 2024?",
    ]


def test_a_further_ask_the_reply_reports_is_a_question_of_its_own():
    # S6: the reply reports the request in its own words; a sentence saying the requester also asked for something
    # ("You also asked for ...", "You have also asked for ...") is a second question, whether it follows the sentence
    # that names the request or a request set out after a cue
    named = (
        "Dear Ms Example\n"
        "Thank you for your request for information about the number of parking wardens employed\n"
        "by the council in 2023. You also asked for the total cost of their uniforms in that year.\n"
        "We hold this information. The council employed 14 wardens and the uniforms cost 2,300 pounds.\n"
        "Yours sincerely\n"
    )
    assert [q.text[:40] for q in parse_text(named).questions] == [
        "your request for information about the n",
        "You also asked for the total cost of the",
    ]
    reported = (
        "Information requested\n"
        "You asked for the following information about the library service -\n"
        "The total cost of running the mobile library in 2023, including fuel and staff.\n"
        "You have also asked for the planned costs of the new library building in 2025.\n"
        "Our response\n"
        "I can confirm that we hold the following information. The mobile library cost 82,000 pounds.\n"
        "The planned costs are exempt under section 43 of the Act.\n"
    )
    assert [q.text[:40] for q in parse_text(reported).questions] == [
        "You asked for the following information ",
        "You have also asked for the planned cost",
    ]


def test_a_reply_that_answers_numbered_questions_it_does_not_show_reads_each():
    # S11 and S10: an internal review that shows no request but answers its questions by number, a paragraph for each
    # in turn, has those questions, each read from its own paragraph
    text = (
        "Dear Mr Example\n"
        "Internal review of your request\n"
        "I have now completed my review of the council's response to your request for information.\n"
        "In relation to questions 1-2, having looked again at the original response, I am satisfied that the "
        "information requested was provided to you in full.\n"
        "In terms of question 3, where you ask for the minutes of the planning meeting, the council does not hold "
        "any minutes of that meeting.\n"
        "Yours sincerely\n"
    )
    questions = parse_text(text).questions
    assert [q.label for q in questions] == ["1-2", "3"]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"not_held"}]


def test_parts_named_by_their_place_are_items_and_the_reply_names_them_so():
    # S9 and S1: a request in prose marked by its parts' places ("First part: ...", "Second part: ...") has an item
    # for each part; the reply may name them by place ("the first part of your request", "question two"), and each
    # part then reads what the reply says of it
    quoted = (
        "Dear Mr Example\n"
        "In your email you requested the following information: \u201cFirst part: For the years 2020 to 2023, I "
        "would like to know how much the council spent on consultants. Second part: Please tell me the name of the "
        "consultant paid the most.\u201d The council holds information in relation to your request.\n"
        "In response to question one, the council spent 1.2 million pounds on consultants in those years.\n"
        "Information relating to question two is withheld under section 40(2) of the Act, as it is personal data.\n"
    )
    questions = parse_text(quoted).questions
    assert [q.text[:30] for q in questions] == [
        "\u201cFirst part: For the years 202",
        "Second part: Please tell me th",
    ]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"withheld"}]
    reported = (
        "Information requested\n"
        "You asked for the following information about the library service -\n"
        "The total cost of running the mobile library in 2023, including fuel and staff.\n"
        "You have also asked for the planned costs of the new library building in 2025.\n"
        "Our response\n"
        "I can confirm that we hold the following information in relation to the first part of your request -\n"
        "The mobile library cost 82,000 pounds in 2023.\n"
        "For the second part of your request I consider this information to be exempt under section 43 of the Act.\n"
    )
    assert [treatments(q) for q in parse_text(reported).questions] == [{"disclosed"}, {"withheld"}]


def test_fields_of_each_record_listed_as_entries_are_no_questions():
    # S2b, S2c: entries that each name a field of the records a lead asks for, "for each" of them, or that ask about
    # each of the things an entry above lists, naming it ("each site referred to in (a)"), stay in that question
    for_each = (
        "Request\n"
        "Under the Act, please could you tell me for each library branch in the borough in 2023:\n"
        "- the branch name,\n"
        "- the opening hours,\n"
        "- the number of visitors,\n"
        "- the number of books lent.\n"
        "Response\n"
        "Please find the figures attached.\n"
    )
    assert len(parse_text(for_each).questions) == 1
    referred = (
        "Request\n"
        "Please can you provide me with the following information:\n"
        "a) the addresses of all allotment sites in the council's area;\n"
        "b) the number of plots that each site referred to in (a) holds;\n"
        "c) the date each of the sites in (a) was opened\n"
        "Response\n"
        "This information is not held in a form that would enable it to be located, retrieved and extracted within "
        "the appropriate limit.\n"
    )
    assert len(parse_text(referred).questions) == 1
    separate = (
        "Request\n"
        "Please can you provide me with the following information:\n"
        "a) the addresses of all allotment sites in the council's area;\n"
        "b) the total number of people on the waiting list;\n"
        "Response\n"
        "Please find the list attached.\n"
    )
    assert len(parse_text(separate).questions) == 2


def test_a_release_page_with_numbered_sections_and_bullets_on_their_own_lines():
    # a published release saved as text: its sections numbered ("1. Request", "2. Our reply") are its headings, not
    # items of the request, and a bullet saved on a line of its own marks the entry below it (S1)
    numbered = (
        "FOI release\n"
        "1. Request\n"
        "  \u2022 How many parking permits did the council issue in 2023?\n"
        "  \u2022 How many of those permits were revoked?\n"
        "2. Response\n"
        "The council issued 4,100 permits and revoked 35 of them.\n"
    )
    assert [q.text for q in parse_text(numbered).questions] == [
        "How many parking permits did the council issue in 2023?",
        "How many of those permits were revoked?",
    ]
    separate = (
        "FOI2024/00123 - Parking permits\n"
        "1. FOI2024/00123 Request\n"
        "Please provide the following for 2023:\n"
        "-\n"
        "Copies of the guidance given to parking wardens on issuing permits.\n"
        "-\n"
        "Minutes of the meetings at which the permit charges were set.\n"
        "2. Our reply\n"
        "We are refusing your request under section 21 of the Freedom of Information Act 2000, as the information is "
        "reasonably accessible to you by other means: it is published on the council's website.\n"
    )
    assert [q.text[:30] for q in parse_text(separate).questions] == [
        "Copies of the guidance given t",
        "Minutes of the meetings at whi",
    ]


def test_a_line_that_says_it_asks_for_more_is_a_question_of_its_own():
    # S6: a line of an unmarked request that opens saying it asks for more ("Additionally, I would like to know ...")
    # is a question, whatever the line before ends with; and a further ask quoted after the first ask's reply ("Could
    # you also state ...?") is a question that reads the reply after it (S10)
    listed = (
        "Dear Sir\n"
        "I write in connection with your request for information received on 2 May, in which you sought access to "
        "the following information:\n"
        "\u201cThe number of times officers were called to the following parks, between 2020-2022\n"
        "\u2022 Riverside Park \u2022 Hill Park\n"
        "Additionally, I would like to know the nature of the incidents attended (e.g. theft, assault)\u201d\n"
        "\n"
        "I can confirm that we hold this information, and it is provided in full below.\n"
        "The tables below give the number of calls to the parks named for 2020 to 2022, by incident type.\n"
    )
    assert [q.text[:30] for q in parse_text(listed).questions] == [
        "\u201cThe number of times officers ",
        "Additionally, I would like to ",
    ]
    interleaved = (
        "Ref: FOI-0001\n"
        "Thank you for your request. I can confirm that we hold the information you require. You asked:\n"
        "In the 2023 calendar year please state the income from parking fines in the borough.\n"
        "In 2023 the income from parking fines was 1,200,000 pounds.\n"
        "Could you also state which three car parks issued the most fines in 2023?\n"
        "We are not obliged to provide the names of the car parks, as they are exempt under section 31(1)(a) of the "
        "FOI Act, which relates to law enforcement.\n"
    )
    questions = parse_text(interleaved).questions
    assert [q.text[:30] for q in questions] == [
        "In the 2023 calendar year plea",
        "Could you also state which thr",
    ]
    assert [treatments(q) for q in questions] == [{"disclosed"}, {"withheld"}]
