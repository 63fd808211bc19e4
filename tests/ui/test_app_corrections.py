"""Correcting a reading on the Corpus page, against a real index (the fake embedding, Chroma on disk): the page
then shows the corrected reading, who corrected it, when and why, and the reading it replaced; a reviewer may
correct too; a mistake is one error and nothing is stored."""

from __future__ import annotations

import dataclasses

import pytest

from foi_precedent.identity import os_user
from foi_precedent.letters.model import Treatment
from foi_precedent.ui.text import escape_markdown
from tests.ui.conftest import opened_in_corpus

REF = "01.FOI.22.025506"
BASE = f"corpus.fix.{REF}.REQUEST 2"


def _correct(at, treatments, reason):
    at.multiselect(key=f"{BASE}.treatments").set_value(treatments)
    at.text_area(key=f"{BASE}.reason").input(reason)
    at.button(key=f"{BASE}.save").click()
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_drafter_corrects_a_reading_marked_for_review(app_test, real_services):
    at = opened_in_corpus(app_test, real_services, REF)
    assert any("no answer found" in w.value for w in at.warning), [w.value for w in at.warning]
    _correct(at, ["not_held"], "The letter says no other information is held.")

    assert [s.value for s in at.success] == [
        escape_markdown(f"{REF} REQUEST 2 corrected: it now counts as precedent as Not held.")
    ]
    assert any("**REQUEST 2** · Not held" in m.value for m in at.markdown)
    assert not any("no answer found" in w.value for w in at.warning)  # the review is cleared
    (info,) = [i.value for i in at.info if "Corrected by" in i.value]
    assert escape_markdown(f"Corrected by {os_user()}") in info
    assert escape_markdown("The letter says no other information is held.") in info
    assert (
        escape_markdown("The reader had read it as: Other (marked for review: other: no answer found") in info
    )
    # precedent from now on
    letter = real_services.index.letter(REF)
    assert letter.question("REQUEST 2").treatments == (Treatment.NOT_HELD,)
    (made,) = real_services.index.corrections(REF)
    assert made["officer"] == os_user() and made["state"] == "in force"
    # a search shows the precedent as corrected, with who corrected it
    at.text_input(key="corpus.query").input("other information about LFR that may be of interest")
    at.run()
    assert not at.exception, at.exception
    card = next(e for e in at.expander if e.label.startswith(escape_markdown(f"{REF} · REQUEST 2")))
    assert any("Not held" in m.value for m in card.markdown)
    assert any(escape_markdown(f"Reading corrected by {os_user()}") in c.value for c in card.caption)


def test_a_correction_without_a_reason_is_refused(app_test, real_services):
    at = _correct(opened_in_corpus(app_test, real_services, REF), ["not_held"], "")
    assert any("needs a reason" in e.value for e in at.error)
    assert real_services.index.corrections() == [] and real_services.audit.rows("corrections") == []


def test_a_reviewer_may_correct_and_is_named(app_test, real_services, monkeypatch):
    from foi_precedent.ui import signin

    real_services.settings = dataclasses.replace(
        real_services.settings, trusted_proxies=("10.0.0.2/32",), drafters=("alice",), reviewers=("rita",)
    )
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": "rita"})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    at = _correct(
        opened_in_corpus(app_test, real_services, REF), ["withheld"], "Refused under s31, as Question 2."
    )
    assert any("Corrected by rita" in i.value for i in at.info)
    assert [c["officer"] for c in real_services.index.corrections()] == ["rita"]


def test_a_user_with_no_role_sees_no_correction_form_and_the_store_refuses_them(
    app_test, real_services, monkeypatch
):
    from foi_precedent.corrections import CorrectionError
    from foi_precedent.identity import User
    from foi_precedent.ui import corpus as cp

    assert not cp.can_correct(User("mallory", frozenset()))
    with pytest.raises(CorrectionError, match="only a drafter or a reviewer"):
        real_services.index.correct(
            REF, "REQUEST 2", treatments="not_held", reason="r", officer="mallory", roles=frozenset()
        )
    assert real_services.index.corrections() == []


def test_a_correction_on_the_page_is_in_the_audit_log_in_the_signed_in_users_name(
    app_test, real_services, monkeypatch
):
    import json

    from foi_precedent.ui import signin

    real_services.settings = dataclasses.replace(
        real_services.settings, trusted_proxies=("10.0.0.2/32",), drafters=("alice",), reviewers=("rita",)
    )
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": "rita"})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    _correct(
        opened_in_corpus(app_test, real_services, REF), ["withheld"], "Refused under s31, as Question 2."
    )
    (row,) = real_services.audit.rows("corrections")
    (made,) = real_services.index.corrections(REF)
    assert (row["reference"], row["label"], row["user_name"]) == (REF, "REQUEST 2", "rita")
    assert (row["reason"], row["correction_id"]) == ("Refused under s31, as Question 2.", made["id"])
    assert json.loads(row["previous"])["treatments"] == ["other"]
    assert json.loads(row["reading"])["treatments"] == ["withheld"]
