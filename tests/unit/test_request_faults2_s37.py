"""Request-reader faults found at stop 37, second round, on the tuning part of the real requests.

Each test is written from the shape of the tuning request that showed the fault, in made-up words: what the reader
found against what an FOI officer would answer as questions."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request


def _texts(text: str) -> list[str]:
    return [q.text for q in split_request(text).questions]


# --- a names entry that asks for a figure too (seen at Moray Council, waste and recycling) --------------------------


def test_figures_for_each_member_after_a_names_and_figure_entry_are_questions():
    """The names bullet asks for a figure too, so the bullet after it that gives another figure for each centre is
    one more figure asked for (S1), not a field of a list of names (S2c)."""
    text = (
        "I would like the following information from the council:\n"
        "\u2022 The tonnes of household waste collected in 2019, and in 2020.\n"
        "\u2022 The names of recycling centres and the number of days each centre was closed in 2019, and in 2020.\n"
        "\u2022 The number of days each recycling centre was open but was not accepting recycling in 2019, and in "
        "2020, i.e. cardboard was being put in with general waste.\n"
        "\u2022 The number of days, if any, that the council stopped collecting recycling in 2019, and in 2020.\n"
    )
    texts = _texts(text)
    assert len(texts) == 4
    assert texts[2].startswith("The number of days each recycling centre was open")
    assert texts[3].startswith("The number of days, if any, that the council stopped")


def test_fields_of_a_names_only_entry_still_fold():
    """'Names of taxi companies used' asks for names only: the bullets describing each company are its fields."""
    text = (
        "I am seeking the following information about school transport:\n"
        "  \u2022 Names of taxi companies used\n"
        "  \u2022 Number of journeys made by each taxi company\n"
        "  \u2022 Total amount paid to each taxi company over the year\n"
        "  \u2022 Average journey time per pupil\n"
    )
    assert _texts(text) == ["Names of taxi companies used", "Average journey time per pupil"]


# --- '1. a) ...' over 'b) ...': a number with no words, its parts siblings (seen at Lincolnshire Police) ------------


def test_a_number_over_its_first_lettered_part_gives_two_sibling_questions():
    text = (
        "The published policy does not include its appendix.\n"
        "1. a) Why is the appendix not published, and\n"
        "b) If it is not published how can the public check the procedure in Appendix A?\n"
    )
    questions = split_request(text).questions
    assert [q.text for q in questions] == [
        "Why is the appendix not published, and",
        "If it is not published how can the public check the procedure in Appendix A?",
    ]
    assert [q.sub_of for q in questions] == [None, None]


def test_a_label_alone_over_lettered_parts_gives_sibling_questions():
    """'Question 1' alone on its line asks nothing: its parts a) and b) are siblings, b) no part of a) (S3a)."""
    text = (
        "Question 1\n"
        "a) How many parking permits did the council issue in 2023?\n"
        "b) How many parking permits did the council revoke in 2023?\n"
    )
    questions = split_request(text).questions
    assert [q.wording for q in questions] == [
        "How many parking permits did the council issue in 2023?",
        "How many parking permits did the council revoke in 2023?",
    ]
    assert questions[1].text == questions[1].wording


def test_a_list_numbered_and_lettered_on_every_line_keeps_its_items():
    text = (
        "1. (a) Does the council accept letters of support from managers?\n"
        "2. (b) Does the council have employees under investigation for false appeals?\n"
    )
    assert len(split_request(text).questions) == 2


# --- a footnote run on after the last item of a list pasted on one line (seen at Barnet) ---------------------------


def test_a_starred_cost_limit_fallback_after_the_last_item_is_no_part_of_it():
    text = (
        "Please could you provide the following information:1.Does your council use a contractor to issue FPNs? "
        "If yes, please provide its name.2.Please provide the number of FPNs issued in each of the following years: "
        "2022-23 and 2023-24 3. Please state the income received from FPNs in each of the following years: 2022-23 "
        "and 2023-24 *If fulfilling the full request would exceed the cost limit under Section 12, please prioritise "
        "the most recent year. If this information is already publicly available, please provide a link to it.\n"
    )
    texts = _texts(text)
    assert len(texts) == 3
    assert texts[2] == (
        "Please state the income received from FPNs in each of the following years: 2022-23 and 2023-24"
    )


# --- 'Of these how many ...?' after a count: a subset count of its own (seen at Royal Museums Greenwich) -----------


def test_a_subset_count_sentence_in_an_item_is_a_question_of_its_own():
    text = (
        "1. How many objects are in your collection?\n\n"
        "2. How many requests for the return of objects did you receive before 2004? Of these how many were "
        "approved?\n\n"
        "3. How many loans did you make in 2023?\n"
    )
    questions = split_request(text).questions
    assert [q.wording for q in questions] == [
        "How many objects are in your collection?",
        "How many requests for the return of objects did you receive before 2004?",
        "Of these how many were approved?",
        "How many loans did you make in 2023?",
    ]
    assert questions[2].sub_of == questions[1].label


def test_a_breakdown_sentence_after_a_count_still_stays_inside_it():
    text = "1. How many requests did you receive in 2023? Please break this down by month.\n2. Who decides them?\n"
    assert len(split_request(text).questions) == 2


# --- a list run into a paragraph after a lead with no colon (seen at Barnet, low traffic neighbourhoods) -----------

LTN = (
    "I would like to make a request under the Environmental Information Regulations 2004. Councils name these schemes "
    "differently. With this in mind 1. please list the name and location of every traffic-reducing scheme in "
    "operation since January 2020. 2. Please, for each scheme, would you disclose: a.any report that provides the "
    "meeting minutes where schemes were discussed and agreed. b.any reports on the efficacy of such schemes.{tail}\n"
)


def test_an_inline_list_after_a_lead_without_a_colon_leaves_the_lead_out():
    texts = _texts(LTN.format(tail=""))
    assert texts == [
        "please list the name and location of every traffic-reducing scheme in operation since January 2020.",
        "any report that provides the meeting minutes where schemes were discussed and agreed.",
        "any reports on the efficacy of such schemes.",
    ]


def test_fields_under_a_for_each_lead_still_fold():
    text = (
        "1. How many contracts did you award in 2023?\n"
        "2. For each contract, please provide:\n"
        "a. the name of the supplier\n"
        "b. the value of the contract\n"
    )
    assert len(split_request(text).questions) == 2


def test_asks_about_the_reply_after_the_last_item_are_no_part_of_its_text():
    texts = _texts(
        LTN.format(
            tail=" Please can I have the response electronically. I would be grateful if you could confirm in "
            "writing that you have received this request."
        )
    )
    assert texts[-1] == "any reports on the efficacy of such schemes."


# --- the paragraph under a list of short fields, its last sentence without a stop (seen at Kirklees) ---------------


def test_a_paragraph_under_the_last_field_is_no_part_of_it():
    text = (
        "Can you please provide the following details from the records which you hold:\n"
        "\u2022 Premises Licence Number\n"
        "\u2022 Premises Name\n"
        "\u2022 Premises Postcode\n"
        "Due to visual requirements, I kindly ask that you do not provide links to databases. If this is essential, "
        "please give no links that do not meet the Web Content Accessibility Guidelines WCAG 2.0\n"
    )
    texts = _texts(text)
    assert texts[0].endswith("\u2022 Premises Postcode")
    assert not any("visual requirements" in t for t in texts)


def test_the_fields_a_list_is_to_contain_are_one_question():
    """'The list needs to contain the following:' names the columns of the one list asked for (S2), as 'to include
    the following fields:' does."""
    text = (
        "Please provide a full list of all premises licensed to sell alcohol. The list needs to contain the "
        "following:\n"
        "\u2022 Premises Licence Number\n"
        "\u2022 Date Issued\n"
        "\u2022 Premises Name\n"
        "\u2022 Premises Postcode\n"
    )
    texts = _texts(text)
    assert len(texts) == 1
    assert texts[0].endswith("\u2022 Premises Postcode")
