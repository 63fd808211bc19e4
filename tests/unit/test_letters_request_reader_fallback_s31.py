"""Letters whose request the item rules read whole: the request reader (the one splitter of requests) finds its
questions in what the letter says before its reply (stop 31). Shapes from real letters: a WhatDoTheyKnow thread, the
request signed off and the reply under it (Wyre, fresh20); questions restated as the reply's headings, each answered
under its heading (Cheshire Fire, fresh23); "1.)" marks (SOAS, fresh24); a lead-in whose colon is left off."""

from __future__ import annotations

from pathlib import Path

from foi_precedent.drafting.request import split_request
from foi_precedent.letters.parser import parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]


def only(q) -> set[str]:
    return {t.value for t in q.treatments}


THREAD = (
    "Void properties and homeless figures\n"
    "Dear FOI Officer,\n"
    "I am writing to request information under the Freedom of Information Act 2000.\n"
    "1.A - How many vacant council homes do you currently have?\n"
    "1.B - How many of these properties have been vacant for longer than 3 months?\n"
    "2.A How many people do you currently have on your council housing waiting list?\n"
    "- Additionally how many of these joined the list since the beginning of 2024?\n"
    "Yours faithfully,\n"
    "Jo Bloggs\n"
    "Thank you for your request.\n"
    "I am writing to advise you that, following a search of our records, I have established that the information\n"
    "you requested is not held by this Council.\n"
)


def test_a_thread_s_request_is_split_by_the_request_reader_and_read_from_the_reply_under_it():
    letter = parse_text(THREAD)
    assert len(letter.questions) == 3  # the "Additionally ..." line is part of 2.A
    assert "Additionally" in letter.questions[2].text
    for q in letter.questions:
        assert only(q) == {"not_held"}
        assert q.answer.startswith("Thank you for your request.")  # not the request itself


CHESHIRE = ROOT / "evals/real_letters/letters/fresh23/cheshire-fire-firefighter-cancer-mitigation-2121.txt"


def test_questions_restated_as_the_reply_s_headings_each_read_the_answer_under_them():
    letter = parse_file(CHESHIRE)
    assert [q.text for q in letter.questions][:2] == [
        "What operational measures are taken to mitigate the risk?",
        "What post fire measures are taken to mitigate the risk?",
    ]
    assert len(letter.questions) == 6  # as labelled
    second, third = letter.questions[1:3]
    assert second.answer.startswith("Decontamination procedures have been developed")
    assert third.answer.startswith("Introduction of decontamination processes")
    assert only(second) == only(third) == {"disclosed"}
    # the three the stored copy cuts off before their headings keep the response read as a whole
    assert all(q.answer.startswith("Please see our response below") for q in letter.questions[3:])


def test_a_reply_that_reads_as_a_whole_keeps_its_reading_though_it_restates_the_questions():
    # (the restated headings are read apart only where the response read as a whole says nothing)
    text = CHESHIRE.read_text(encoding="utf-8").replace(
        "Please see our response below to your Freedom of Information Request",
        "The information you requested is not held by the Service.",
    )
    letter = parse_text(text.split("---", 2)[2])
    assert len(letter.questions) == 6
    assert all(only(q) == {"not_held"} for q in letter.questions)


def test_marks_typed_with_a_stop_and_a_bracket_are_list_marks():
    read = split_request(
        "Please tell me:\n1.) How many staff do you employ?\n2.) How many vans do you run?\n"
        "For each van:\na.) the date bought\nb.) the cost\n"
    )
    assert [q.wording for q in read.questions] == [
        "How many staff do you employ?",
        "How many vans do you run? For each van: a.) the date bought b.) the cost",
    ]


def test_a_lead_in_with_its_colon_left_off_does_not_swallow_the_first_question():
    for lead in (
        "In particular, can you please explain the following",
        "I would like the following information",
    ):
        read = split_request(
            f"{lead}\nWhat operational measures are taken to mitigate the risk?\n"
            "What post fire measures are taken to mitigate the risk?\n"
        )
        assert [q.wording for q in read.questions] == [
            "What operational measures are taken to mitigate the risk?",
            "What post fire measures are taken to mitigate the risk?",
        ]
