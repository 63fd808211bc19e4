"""The page logic without Streamlit: flags grouped by question, drafting in the background and cancelling it."""

from __future__ import annotations

import threading

from foi_precedent.consistency.flags import Flag
from foi_precedent.drafting.draft import DraftCancelled
from foi_precedent.drafting.request import split_request
from foi_precedent.models import FakeChatModel
from foi_precedent.ui import workspace as ws
from tests.ui.conftest import REQUEST


def _flag(label: str) -> Flag:
    return Flag("treatment_divergence", "high", label, "m", "d")


def test_flags_are_grouped_by_question_whatever_the_label_style():
    grouped, rest = ws.flags_by_question(
        [_flag("Question 2"), _flag("Q1a"), _flag("REQUEST 9"), _flag("")], ["Q1", "Q1a", "Q2"]
    )
    assert [f.label for f in grouped["Q2"]] == ["Question 2"]
    assert [f.label for f in grouped["Q1a"]] == ["Q1a"]
    assert grouped["Q1"] == []
    assert [f.label for f in rest] == ["REQUEST 9", ""]


def test_draft_job_streams_tokens_and_returns_the_result():
    def work(on_token, cancel):
        for word in ("Dear ", "Requester"):
            on_token(word)
        return "done"

    job = ws.DraftJob(work).start()
    text = ""
    while True:  # as the page does: read until the job has finished and the queue is empty
        done = job.finished
        chunk = job.take(0.05)
        text += chunk
        if done and not chunk:
            break
    assert text == "Dear Requester" and job.result == "done" and job.error is None


def test_cancel_stops_a_model_draft(fake_services):
    fake_services.chat_model = FakeChatModel("word " * 2000, chunk_delay_s=0.005)
    job = ws.draft_job(fake_services, split_request(REQUEST), "model").start()
    first = job.take(5.0)
    assert first  # it started streaming
    job.stop()
    assert job.finished
    assert isinstance(job.error, DraftCancelled)
    assert fake_services.chat_model.chunks_yielded < 2000
    assert fake_services.audit.rows("drafts") == []  # a cancelled draft is not recorded


def test_errors_reach_the_page():
    boom = RuntimeError("bug")

    def work(on_token, cancel: threading.Event):
        raise boom

    job = ws.DraftJob(work).start()
    job.stop()
    assert job.error is boom


def _dated_draft(day: str):
    from foi_precedent.letters.parser import parse_text

    return parse_text(
        f"Our reference: FOI-2025-0101\nDate: {day}\n\nYou asked:\n1. How many drones does the force own?\n"
        "Response\n1. The force owns 12 drones.\n"
    )


def test_a_draft_is_late_against_the_case_due_date_with_its_stops():
    """Received Thursday 2 January 2025: the 20th working day is Thursday 30 January. A draft dated 6 February
    is late on the plain clock; a fees notice given on 6 January and paid on 10 January stops the clock for 5
    working days (both days count as stopped), so the case is due 6 February and the draft is on time."""
    from foi_precedent.cases.case_list import CaseDates

    draft = _dated_draft("6 February 2025")
    plain = ws.case_flags(draft, CaseDates.of("2025-01-02"))
    assert [f.kind for f in plain] == ["past_due_date"]
    assert "due date of 30 January 2025" in plain[0].message
    paused = CaseDates.of("2025-01-02", fees_notice="2025-01-06", fee_received="2025-01-10")
    assert paused.due().due.isoformat() == "2025-02-06"
    assert ws.case_flags(draft, paused) == []
    later = ws.case_flags(_dated_draft("7 February 2025"), paused)
    assert [f.kind for f in later] == ["past_due_date"]
    assert "not counting 5 working days a fees notice stopped the clock" in later[0].message


def test_a_clarification_restarts_the_case_clock_and_a_fee_still_awaited_holds_it():
    from foi_precedent.cases.case_list import CaseDates

    draft = _dated_draft("6 February 2025")
    clarified = CaseDates.of(
        "2025-01-02", clarification_sought="2025-01-03", clarification_received="2025-01-09"
    )
    assert ws.case_flags(draft, clarified) == []  # 20 working days from 9 January: 6 February
    late = ws.case_flags(_dated_draft("10 February 2025"), clarified)
    assert "from the clarification received on 09 January 2025" in late[0].message
    awaiting = CaseDates.of("2025-01-02", fees_notice="2025-01-06")
    assert ws.case_flags(_dated_draft("3 March 2025"), awaiting) == []
