"""Re-splitting a letter on the Corpus page, against a real index (the fake embedding, Chroma on disk): "Not split
right? Edit the questions" is pre-filled with the letter's questions; saved with a reason, the page shows the letter
as read again, who set its questions, when and why; it can be returned to the reader's split; a mistake is one error
and nothing is stored; a user with neither role may not."""

from __future__ import annotations

import dataclasses
import json

import pytest

from foi_precedent.identity import os_user
from foi_precedent.ui.text import escape_markdown
from tests.ui.conftest import opened_in_corpus

REF = "01.FOI.22.025506"
BASE = f"corpus.split.{REF}"
QUESTIONS = """REQUEST 1 - Are people with spent convictions included on LFR watchlists?
REQUEST 2 - Do you have any other information about LFR that may be of interest?
REQUEST 3 - What is the average cost of a deployment of the LFR van?
"""
REASON = "Questions 2 and 3 are the earlier request the letter quotes, not this one's"


def _resplit(at, questions, reason):
    at.text_area(key=f"{BASE}.questions").input(questions)
    at.text_area(key=f"{BASE}.reason").input(reason)
    at.button(key=f"{BASE}.save").click()
    at.run()
    assert not at.exception, at.exception
    return at


def _labels(services):
    return [q.label for q in services.index.letter(REF).questions]


def test_a_drafter_resplits_a_letter_and_the_page_shows_it_read_again(app_test, real_services):
    at = opened_in_corpus(app_test, real_services, REF)
    before = _labels(real_services)
    assert before == ["Question 2", "Question 3", "REQUEST 1", "REQUEST 2"]
    editor = at.text_area(key=f"{BASE}.questions").value
    assert [
        line.split(" - ")[0] for line in editor.splitlines()
    ] == before  # pre-filled with the current split
    assert not [b for b in at.button if b.key == f"{BASE}.undo"]  # nothing to undo yet

    _resplit(at, QUESTIONS, REASON)
    assert [s.value for s in at.success] == [
        escape_markdown(
            f"{REF} is now read with 3 questions (REQUEST 1, REQUEST 2, REQUEST 3): it counts as precedent so "
            "from now on."
        )
    ]
    assert _labels(real_services) == ["REQUEST 1", "REQUEST 2", "REQUEST 3"]
    assert any(m.value.startswith("**REQUEST 3**") for m in at.markdown)
    assert not any(m.value.startswith("**Question 2**") for m in at.markdown)
    (info,) = [i.value for i in at.info if "Questions set by" in i.value]
    assert escape_markdown(f"Questions set by {os_user()}") in info and escape_markdown(REASON) in info
    assert (
        escape_markdown("The reader had split it into: Question 2, Question 3, REQUEST 1, REQUEST 2") in info
    )
    # the editor now shows the letter as read, and the audit log has the split before and after
    assert at.text_area(key=f"{BASE}.questions").value.splitlines()[2].startswith("REQUEST 3 - What is")
    (row,) = real_services.audit.rows("split_corrections")
    assert [q["label"] for q in json.loads(row["previous"])] == before
    assert [q["label"] for q in json.loads(row["questions"])] == ["REQUEST 1", "REQUEST 2", "REQUEST 3"]
    assert (row["undo"], row["reason"], row["user_name"]) == (0, REASON, os_user())
    # a search finds the new question by its words
    hits = real_services.index.search("average cost of a deployment of the LFR van", k=20)
    assert ("REQUEST 3" in {h.label for h in hits if h.reference == REF}) and all(
        h.label not in ("Question 2", "Question 3") for h in hits if h.reference == REF
    )
    # and a precedent card from the letter says who set its questions
    at.text_input(key="corpus.query").input("average cost of a deployment of the LFR van")
    at.run()
    assert not at.exception, at.exception
    card = next(e for e in at.expander if e.label.startswith(escape_markdown(f"{REF} · REQUEST 3")))
    assert any(escape_markdown(f"Questions set by {os_user()}") in c.value for c in card.caption)

    # returned to the reader's split
    at.text_area(key=f"{BASE}.reason").input("The reader was right")
    at.button(key=f"{BASE}.undo").click()
    at.run()
    assert not at.exception, at.exception
    assert _labels(real_services) == before
    assert not [i for i in at.info if "Questions set by" in i.value]
    assert any("read as the reader splits it" in s.value for s in at.success)
    assert [r["undo"] for r in real_services.audit.rows("split_corrections")] == [0, 1]


@pytest.mark.parametrize(
    ("questions", "reason", "expected"),
    [
        (QUESTIONS, "", "needs a reason"),
        ("", REASON, "at least one question"),
        ("REQUEST 1 - a\nREQUEST 1 - b", REASON, "given twice"),
    ],
)
def test_a_mistake_is_one_error_and_nothing_is_stored(app_test, real_services, questions, reason, expected):
    at = _resplit(opened_in_corpus(app_test, real_services, REF), questions, reason)
    assert [e.value for e in at.error if expected in e.value], [e.value for e in at.error]
    assert real_services.index.store.splits() == [] and real_services.audit.rows("split_corrections") == []
    assert _labels(real_services) == ["Question 2", "Question 3", "REQUEST 1", "REQUEST 2"]


def test_a_reviewer_may_resplit_and_is_named_and_a_user_with_no_role_may_not(
    app_test, real_services, monkeypatch
):
    from foi_precedent.ui import signin

    real_services.settings = dataclasses.replace(
        real_services.settings, trusted_proxies=("10.0.0.2/32",), drafters=("alice",), reviewers=("rita",)
    )
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": "rita"})
    at = _resplit(opened_in_corpus(app_test, real_services, REF), QUESTIONS, REASON)
    assert any("Questions set by rita" in i.value for i in at.info)
    assert [s.officer for s in real_services.index.store.splits()] == ["rita"]

    from foi_precedent.identity import User
    from foi_precedent.ui import corpus as cp

    assert not cp.can_correct(User("mallory", frozenset()))  # the form is hidden; the store refuses them too
