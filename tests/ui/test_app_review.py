"""Review and sign-off in the app: a draft submitted on the Draft page, opened on the Review page with its
flags and overrides, approved (frozen, exported with the approval) or returned with a comment."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from foi_precedent.cases.review import APPROVED, CHANGES_REQUESTED, DRAFTING, IN_REVIEW
from foi_precedent.identity import os_user
from foi_precedent.ui import signin
from foi_precedent.ui.text import escape_markdown
from tests.ui.test_app_draft import _generate, _markdown, _with_precedents

REVIEW_PAGE = "app_pages/review.py"


def _submitted(app_test, fake_services):
    """A precedent-only draft, its complaint-rights paragraph cut, the flag that raises overridden, submitted."""
    at = _generate(_with_precedents(app_test), mode="Precedent only")
    draft = at.text_area(key="draft.text").value
    cut = draft.lower().find("complain")
    at.text_area(key="draft.text").input(draft[: draft.rfind("\n\n", 0, cut)])
    at.run()
    at.button(key="draft.recheck").click()
    at.run()
    button = next(b for b in at.button if b.key and b.key.endswith(".override"))
    at.text_area(key=button.key.removesuffix(".override") + ".reason").input(
        "Published on our website in 2025."
    )
    at.button(key=button.key).click()
    at.run()
    at.button(key="draft.submit").click()
    at.run()
    assert not at.exception, at.exception
    assert "in review" in _markdown(at)
    assert at.text_area(key="draft.text").disabled  # no edits while in review
    [version] = fake_services.reviews.versions(IN_REVIEW)
    return at, version


def _review(app_test, version_id):
    at = app_test("app_pages/review.py")
    assert not at.exception, at.exception
    assert at.selectbox(key="review.version").value == version_id
    return at


def test_submit_review_approve_freezes_the_draft_and_a_change_is_a_new_version(app_test, fake_services):
    draft, version = _submitted(app_test, fake_services)
    assert version.overrides[0]["reason"] == "Published on our website in 2025."
    assert version.overrides[0]["by"] == os_user() and version.flags

    review = _review(app_test, version.id)
    page = _markdown(review)
    assert "overridden by **" in page and "Published on our website in 2025" in page
    assert version.text in [c.value for c in review.code]
    asked = fake_services.reviews.case(version.case_id)["request_text"]  # what was asked, above the draft
    assert review.code[0].value == asked and "[NAME]" in asked and "Jane Example" not in asked
    review.button(key="review.approve").click()
    review.run()
    assert not review.exception, review.exception
    approved = fake_services.reviews.version(version.id)
    assert approved.state == APPROVED and approved.decided_by == os_user()
    assert approved.self_approved  # the embedded app's one user approved their own draft, and it is recorded
    assert any("Approved by" in s.value for s in review.success)
    assert any("No draft is waiting" in i.value for i in review.info)

    draft.run()  # the drafter's page picks up the decision
    assert not draft.exception, draft.exception
    assert any("Approved by" in s.value and "frozen" in s.value for s in draft.success)
    assert draft.text_area(key="draft.text").disabled and draft.button(key="draft.generate").disabled
    draft.button(key="draft.new_version").click()
    draft.run()
    assert not draft.exception, draft.exception
    assert not draft.text_area(key="draft.text").disabled
    assert "Version 2" in _markdown(draft)
    assert fake_services.reviews.version(version.id).state == APPROVED  # version 1 stays as approved
    assert [v.state for v in fake_services.reviews.versions()] == [APPROVED, DRAFTING]


def test_request_changes_needs_a_comment_and_the_drafter_sees_it(app_test, fake_services):
    draft, version = _submitted(app_test, fake_services)
    review = _review(app_test, version.id)
    review.button(key="review.request_changes").click()
    review.run()
    assert [e.value for e in review.error] == [
        "say what should change: a request for changes needs a comment"
    ]
    assert fake_services.reviews.version(version.id).state == IN_REVIEW

    review.text_area(key=f"review.comment.{version.id}").input("Q4: say which camera model.")
    review.button(key="review.request_changes").click()
    review.run()
    assert not review.exception, review.exception
    assert fake_services.reviews.version(version.id).state == CHANGES_REQUESTED

    draft.run()
    assert any("asked for changes: Q4\\: say which camera model" in w.value for w in draft.warning)
    draft.button(key="draft.revise").click()
    draft.run()
    assert not draft.text_area(key="draft.text").disabled
    draft.text_area(key="draft.text").input(
        draft.text_area(key="draft.text").value + "\n\nThe camera is a NEC NeoFace."
    )
    draft.run()
    draft.button(key="draft.submit").click()
    draft.run()
    resubmitted = fake_services.reviews.version(version.id)
    assert resubmitted.state == IN_REVIEW and resubmitted.text.endswith("NEC NeoFace.")


def test_behind_a_proxy_a_drafter_has_no_review_page_and_nobody_approves_their_own_draft(
    app_test, fake_services, monkeypatch
):
    _, version = _submitted(app_test, fake_services)  # submitted by the OS user, as the embedded app's user
    me = os_user()
    fake_services.settings = dataclasses.replace(
        fake_services.settings, trusted_proxies=("10.0.0.2/32",), reviewers=(me,)
    )
    who = {"name": "dan"}
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": who["name"]})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app_test(REVIEW_PAGE)  # dan only drafts: the Review page is not in his navigation

    who["name"] = me  # a reviewer now, behind the proxy: not the sole user, so not their own draft
    review = _review(app_test, version.id)
    review.button(key="review.approve").click()
    review.run()
    assert [e.value for e in review.error] == [f"{me} submitted this draft: another reviewer must approve it"]
    assert fake_services.reviews.version(version.id).state == IN_REVIEW


def test_exports_say_not_approved_until_approved(app_test, fake_services):
    from foi_precedent.ui.export import ExportInfo, to_markdown
    from foi_precedent.ui.signoff import export_approval

    draft, version = _submitted(app_test, fake_services)
    front = yaml.safe_load(to_markdown("x", ExportInfo(approval=export_approval(version))).split("---\n")[1])
    assert front["approval"] == "NOT APPROVED"
    approved = _review(app_test, version.id)
    approved.button(key="review.approve").click()
    approved.run()
    line = export_approval(fake_services.reviews.version(version.id))
    assert line.startswith(f"Approved by {os_user()} on ")


def test_the_reviewer_sees_the_questions_the_draft_answers_and_that_the_drafter_set_them(
    app_test, fake_services
):
    from tests.ui.test_app_draft import SPLIT_WRONG, TWO_QUESTIONS

    draft = _with_precedents(app_test, request=SPLIT_WRONG)
    draft.text_area(key="draft.questions_text").input(TWO_QUESTIONS)
    draft.button(key="draft.use_questions").click()
    draft.run()
    draft = _generate(draft, mode="Precedent only")
    draft.button(key="draft.start_case").click()
    draft.run()
    draft.button(key="draft.submit").click()
    draft.run()
    assert not draft.exception, draft.exception
    [version] = fake_services.reviews.versions(IN_REVIEW)

    review = _review(app_test, version.id)
    page = _markdown(review)
    assert "**The questions the draft answers (2)**" in page
    assert "**Q1** How many individuals have been placed on FRT watchlists" in page
    assert "**Q2** What rules/policies govern the use of FRT" in page and "\\[EMAIL\\]" in page
    assert "jane@example.org" not in page and "**Q3**" not in page
    # who set them, and when
    set_at = fake_services.reviews.case(version.case_id)["questions_set_at"][:10]
    said = f"{escape_markdown(os_user())} set these questions by hand on {escape_markdown(set_at)}"
    assert any(i.value.startswith(said) for i in review.info)
    # the request itself is still there, below them, to compare
    assert review.code[0].value == fake_services.reviews.case(version.case_id)["request_text"]
    assert review.expander[0].label == "The request as received (the requester's identity removed)"


def test_the_reviewer_sees_the_reader_s_questions_where_the_drafter_kept_them(app_test, fake_services):
    _, version = _submitted(app_test, fake_services)
    review = _review(app_test, version.id)
    page = _markdown(review)
    assert "**The questions the draft answers (" in page and "**Q1** " in page
    assert not any("set these questions by hand" in i.value for i in review.info)
