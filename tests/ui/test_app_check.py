"""The Check page: a draft in, flags beside each answer with the precedent quote, overrides audited."""

from __future__ import annotations

DRAFT = """Freedom of information request reference no: 01.FOI.25.999999

Dear Requester,

Question 1: Please can you tell me what distance the LFR camera is able to work over (minimum and maximum distances it can recognise people)?
Answer: The cameras recognise people between 2 and 20 metres away. <script>alert(1)</script>

Question 2: Please can you tell me the average cost of a deployment.
Answer: This information is not held as we do not record deployment costs.

Yours sincerely,
FOI Team
"""

PAGE = "app_pages/check.py"


def _checked(app_test, draft=DRAFT):
    at = app_test(PAGE)
    at.text_area(key="check.draft_text").input(draft)
    at.button(key="check.run").click()
    at.run()
    assert not at.exception, at.exception
    return at


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_flags_are_shown_next_to_their_question_with_the_precedent_quote(app_test, fake_services):
    at = _checked(app_test)
    text = _markdown(at)
    assert "HIGH" in text and ":red-badge[HIGH]" in text
    assert "treatment divergence" in text
    assert "Precedent withheld this under s31\\(1\\)\\(a\\)" in text
    # the evidence quote is the precedent letter's own words
    assert "assist individuals who seek to disrupt MPS systems" in text
    assert ":orange-badge[MEDIUM]" in text  # no complaint-rights block
    assert "2 flags: 1 high, 1 medium, 0 low open; 0 reviewed." in text
    checks = fake_services.audit.rows("checks")
    assert len(checks) == 1 and checks[0]["reference"] == "01.FOI.25.999999"


def test_script_in_a_draft_is_shown_as_text(app_test):
    text = _markdown(_checked(app_test))
    assert "<script>" not in text
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in text


def test_override_needs_a_reason_and_is_audited(app_test, fake_services):
    at = _checked(app_test)
    override_buttons = [b for b in at.button if b.key and b.key.endswith(".override")]
    assert override_buttons
    button = override_buttons[0]
    prefix = button.key.removesuffix(".override")
    button.click()  # no reason written
    at.run()
    assert any("needs a written reason" in e.value for e in at.error)
    assert fake_services.audit.rows("overrides") == []

    at.text_area(key=prefix + ".reason").input("The cameras' range was published by the force in 2025.")
    at.button(key=prefix + ".override").click()
    at.run()
    assert not at.exception, at.exception
    rows = fake_services.audit.rows("overrides")
    assert len(rows) == 1
    assert rows[0]["kind"] == "treatment_divergence" and rows[0]["label"] == "Question 1"
    assert rows[0]["reason"].startswith("The cameras' range")
    assert rows[0]["check_id"] == fake_services.audit.rows("checks")[0]["id"]
    assert rows[0]["created_at"]
    assert "overridden" in _markdown(at) and "1 reviewed" in _markdown(at)


def test_accepting_a_flag_marks_it_fixed(app_test):
    at = _checked(app_test)
    accept = next(b for b in at.button if b.key and b.key.endswith(".accept"))
    accept.click()
    at.run()
    assert ":green-badge[fixed]" in _markdown(at)


def test_empty_draft_is_a_clear_error(app_test):
    at = app_test(PAGE)
    at.button(key="check.run").click()
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["the draft: nothing was entered"]


def test_broken_upload_is_a_clear_error(app_test):
    at = app_test(PAGE)
    at.file_uploader(key="check.draft_file").upload("draft.docx", b"PK\x03\x04 not really a word file")
    at.button(key="check.run").click()
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith("draft.docx:")


def test_uploaded_draft_is_checked(app_test):
    at = app_test(PAGE)
    at.file_uploader(key="check.draft_file").upload("draft.txt", DRAFT.encode(), "text/plain")
    at.button(key="check.run").click()
    at.run()
    assert not at.exception, at.exception
    assert "treatment divergence" in _markdown(at)


def test_a_user_who_does_not_draft_sees_the_flags_but_cannot_override_or_accept(
    app_test, fake_services, monkeypatch
):
    import dataclasses

    from foi_precedent.ui import signin

    fake_services.settings = dataclasses.replace(
        fake_services.settings, trusted_proxies=("10.0.0.2/32",), drafters=("alice",), reviewers=("rita",)
    )
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": "rita"})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    at = _checked(app_test)
    assert "treatment divergence" in _markdown(at)  # she reads the flags
    assert not [b for b in at.button if b.key and b.key.endswith((".override", ".accept"))]
    assert fake_services.audit.rows("overrides") == []
