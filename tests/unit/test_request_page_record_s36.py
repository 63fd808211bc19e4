"""A gov.scot FOI release (the Scottish Government's, Scottish Forestry's, Transport Scotland's) shows the request under
its title and the page's record: '- Published' over its date, '- FOI reference' over 'FOI/2024...', 'Date received',
'Date responded'. The record asks nothing; it was read as seven to twelve questions."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request

PAGE = """Scottish Government funding to NHS Boards to contract external companies: FOI release
- Published
- 28 October 2024
- Directorate
- Health and Social Care Finance Directorate
- FOI reference
- FOI/202400433041
- Date received
- 20 October 2024
- Date responded
- 18 October 2024
Information request and response under the Freedom of Information (Scotland) Act 2002.
Information requested
1. Which Boards have received additional funds to contract external consultancy support in 2023/24.
2. The level of funds in each case.
3. All correspondence between the Scottish Government and NHS Boards about consultancies.
Response
"""


def test_a_release_pages_record_is_not_read_as_questions():
    request = split_request(PAGE)
    assert [q.text.split()[0] for q in request.questions] == ["Which", "The", "All"]


def test_the_same_record_without_dashes_and_a_prose_request():
    page = PAGE.replace("- ", "").replace(
        "1. Which Boards have received additional funds to contract external consultancy support in 2023/24.\n"
        "2. The level of funds in each case.\n"
        "3. All correspondence between the Scottish Government and NHS Boards about consultancies.\n",
        "Please provide the number of gritters deployed on the A82 in January 2025.\n",
    )
    request = split_request(page)
    assert len(request.questions) == 1 and "gritters" in request.questions[0].text


def test_lines_above_a_heading_that_ask_are_still_read():
    # more than six lines of the requester's own words above 'Request': not a page's record, nothing is dropped
    things = ("staff", "vehicles", "offices", "complaints", "appeals", "contracts", "grants")
    text = (
        "\n".join(f"{i}. How many {t} did you have in 2023?" for i, t in enumerate(things, 1)) + "\nRequest\n"
    )
    assert len(split_request(text).questions) == 7
