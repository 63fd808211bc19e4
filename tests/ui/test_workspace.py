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
