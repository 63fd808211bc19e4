"""A case's request in the app, without Streamlit: what the store keeps of it (the questions a drafter set by hand
with it) and the request read back from a case, as it was."""

from __future__ import annotations

import pytest

from foi_precedent.audit.reviews import ReviewStore
from foi_precedent.cases.case_list import CaseDates
from foi_precedent.cases.review import Actor
from foi_precedent.drafting.edited import EDITED_NOTE, question_texts, request_with_questions
from foi_precedent.drafting.request import split_request
from foi_precedent.identity import DRAFTER
from foi_precedent.ui import signoff

DAN = Actor("dan", frozenset({DRAFTER}))
REQUEST = """Dear FOI team,

Please tell me:
1. How many individuals have been placed on FRT watchlists by your police force?
2. What rules/policies govern the use of FRT within your police force?
3. Please provide a copy of that policy.

Yours sincerely,
Jane Example
jane@example.org
"""
# what a drafter may write: labels kept, parts of a question, a line with none, a label used twice, the e-mail
EDITS = [
    "Q1 - How many individuals are on FRT watchlists?\n\nQ2 - What rules govern FRT? Send them to jane@example.org",
    "1. How many individuals?\n a) in 2023\n b) in 2024\n2. What rules govern FRT?\n(i) a copy of them\nHow old?",
    "Q1 - one\nQ1 - the same label again\nQ2a - a part written as its label\nQ3.1 - decimal",
    "a) lettered one\nb) lettered two\n- a bullet",
]


def _kept(request) -> dict:
    """A case row as the store gives it back for ``request``."""
    return {
        "request_text": request.text,
        "request_source": request.source,
        "request_questions": signoff.drafter_questions(request),
    }


def _pairs(request) -> list[tuple[str, str]]:
    return [(q.label, q.text) for q in request.questions]


@pytest.mark.parametrize("edit", EDITS, ids=["labels-and-email", "parts", "label-forms", "lettered"])
def test_a_case_gives_back_the_questions_a_drafter_set_exactly(edit):
    edited = request_with_questions(split_request(REQUEST), question_texts(edit))
    kept = _kept(edited)
    assert kept["request_questions"] == [{"label": q.label, "text": q.text} for q in edited.questions]
    assert "jane@example.org" not in str(kept)
    back = signoff.case_request(kept)
    assert _pairs(back) == _pairs(edited)  # labels and texts exactly as the drafter left them
    assert (back.text, back.source, back.note) == (edited.text, edited.source, EDITED_NOTE)


def test_a_case_with_the_reader_s_split_keeps_no_questions_and_reads_as_before():
    request = split_request(REQUEST)
    assert signoff.drafter_questions(request) is None
    back = signoff.case_request(_kept(request))
    assert _pairs(back) == _pairs(request) and len(back.questions) == 3 and back.note is None
    assert signoff.case_request({"request_text": None}) is None  # a case from before cases kept their request


def test_starting_a_case_with_an_edited_request_stores_its_questions(tmp_path):
    store = ReviewStore(tmp_path / "cases.sqlite3")
    dates = CaseDates.of("2026-11-02", "FOIA", "england")
    edited = request_with_questions(split_request(REQUEST), question_texts(EDITS[0]))
    v = signoff.start_case(store, "FRT", "draft", DAN, dates, edited, "Kent Police")
    case = store.case(v.case_id)
    assert (
        case["request_questions"] == signoff.drafter_questions(edited) and len(case["request_questions"]) == 2
    )
    assert case["request_text"] == split_request(REQUEST).text  # the request itself, as it was
    assert _pairs(signoff.case_request(case)) == _pairs(edited)

    plain = signoff.start_case(store, "FRT", "draft", DAN, dates, split_request(REQUEST), "Kent Police")
    assert store.case(plain.case_id)["request_questions"] is None
    again = request_with_questions(signoff.case_request(store.case(plain.case_id)), ["Q1 - only this"])
    assert store.case_title(plain.case_id) == "FRT"
    signoff.store_questions(store, plain.case_id, again, DAN)
    assert _pairs(signoff.case_request(store.case(plain.case_id))) == [("Q1", "only this")]
    # the title is taken again from the first question, as a case's title is when it starts
    assert (
        store.case_title(plain.case_id)
        == signoff.case_title(again, "Kent Police")
        == "Kent Police: only this"
    )
