"""The Draft page: request in, precedents beside each question, a draft streamed, checked, reviewed, exported."""

from __future__ import annotations

import dataclasses

import pytest

from foi_precedent.drafting.letter import precedent_letter
from foi_precedent.drafting.plan import plan_request
from foi_precedent.drafting.request import split_request
from foi_precedent.errors import ModelError
from foi_precedent.models import FakeChatModel
from tests.ui.conftest import REQUEST

# A request as it often arrives from a web form or an e-mail client: on one line (issue 15)
ONE_LINE = (
    "Dear Metropolitan Police, Under the Freedom of Information Act please tell me: 1. How many times was live "
    "facial recognition used at football matches in 2024? 2. What was the total number of people placed on "
    "watchlists for those deployments? 3. Please provide a copy of your policy that governs the use of LFR at "
    "sports events. 4. How many false alerts were generated? Yours, Jane Smith, jane.smith@example.com, "
    "12 High Street, London"
)
ONE_LINE_IDENTITY = ("Jane Smith", "jane.smith@example.com", "12 High Street")


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _with_precedents(app_test, services=None, request=REQUEST):
    at = app_test(services=services)
    at.text_area(key="draft.request_text").input(request)
    at.button(key="draft.find").click()
    at.run()
    assert not at.exception, at.exception
    return at


def _generate(at, mode="Model"):
    at.radio(key="draft.mode").set_value(mode)
    at.button(key="draft.generate").click()
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def model_letter(fake_services) -> str:
    """What a model writes: the planned letter, except that it decides an exemption on its own for Q5
    (which the check must flag). The fake streams it word by word."""
    request = split_request(REQUEST)
    planned = precedent_letter(request, plan_request(request, fake_services.index), fake_services.index)
    assert "This information is not held." in planned
    return planned.replace(
        "This information is not held.",
        "This information is exempt under Section 43(2) (commercial interests).",
    )


def test_request_is_split_and_each_question_shows_its_precedents(app_test):
    at = _with_precedents(app_test)
    text = _markdown(at)
    assert "5 questions and their precedents" in [s.value for s in at.subheader]
    assert "##### Q4  \nPlease can you tell me what distance the LFR camera is able to work over?" in text
    assert "**Precedent says:** Withheld under s31\\(1\\)\\(a\\), s31\\(1\\)\\(b\\)" in text
    assert ":orange-badge[confidence: low]" in text
    labels = [e.label for e in at.expander]
    assert any(label.startswith("01\\.FOI\\.22\\.025506 · Question 2") for label in labels)
    # the precedent's own answer is quoted, and the requester's identity was removed before searching
    assert "> this information is not held as we do not record deployment costs\\." in text
    assert "The requester's identity was removed" in "\n".join(c.value for c in at.caption)
    assert all("Jane" not in q for q in fake_services_queries(at))


def fake_services_queries(at) -> list[str]:
    from foi_precedent.ui.state import SERVICES_KEY

    return at.session_state[SERVICES_KEY].index.queries


def test_whole_letter_opens_from_a_precedent(app_test):
    at = _with_precedents(app_test)
    toggle = next(t for t in at.toggle if t.key.startswith("draft.prec.Q5.01.FOI.22.025506"))
    toggle.set_value(True)
    at.run()
    assert any("01.FOI.22.025506" in c.value and "average cost" in c.value for c in at.code)


def test_model_draft_streams_is_checked_and_can_be_overridden_and_exported(
    app_test, fake_services, model_letter
):
    # prompt v1 asks the model for the whole letter (so that the model can add an exemption of its own)
    fake_services.settings = dataclasses.replace(fake_services.settings, draft_prompt="draft_reply/v1")
    fake_services.chat_model = FakeChatModel(model_letter, name="fake-model")
    at = _generate(_with_precedents(app_test))
    assert at.text_area(key="draft.text").value.strip() == model_letter.strip().replace(
        "Dear Requester,", "Dear Jane Example,"
    )
    assert "Written by **fake\\-model**" in at.info[0].value
    assert (
        "must review" in at.info[0].value and "under the Freedom of Information Act 2000" in at.info[0].value
    )
    assert fake_services.chat_model.chunks_yielded > 10  # it streamed
    drafts = fake_services.audit.rows("drafts")
    assert len(drafts) == 1 and drafts[0]["model"] == "fake-model" and drafts[0]["mode"] == "model"
    assert "**Check:**" in _markdown(at)
    flags_text = _markdown(at)
    assert "beyond plan" in flags_text and "s43\\(2\\)" in flags_text  # the model's own exemption is flagged

    # an override of one flag, with its reason, goes to the audit log against the draft
    button = next(b for b in at.button if b.key and b.key.endswith(".override"))
    prefix = button.key.removesuffix(".override")
    at.text_area(key=prefix + ".reason").input("Agreed with the information manager on 3 March.")
    at.button(key=prefix + ".override").click()
    at.run()
    assert not at.exception, at.exception
    rows = fake_services.audit.rows("overrides")
    assert (
        len(rows) == 1 and rows[0]["draft_id"] == drafts[0]["id"] and rows[0]["reason"].startswith("Agreed")
    )
    assert "overridden" in _markdown(at)

    # export buttons offer the edited text
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Word (.docx)", "Markdown (.md)"]


def test_model_sections_are_assembled_and_the_page_says_who_wrote_what(app_test, fake_services):
    """Prompt v4 (the default; v2 with the reply's Act): the model writes answers; one departs from the plan and is replaced."""
    request = split_request(REQUEST)
    plan = plan_request(request, fake_services.index)
    from foi_precedent.drafting.draft import required_answer

    last = plan.questions[-1]

    def write(messages):  # one call per section
        section = messages[-1]["content"].split("SECTION TO WRITE: ", 1)[1].split()[0]
        if section == last.label:
            return "This information is exempt under Section 43(2) (commercial interests)."
        q = next((q for q in plan.questions if q.label == section), None)
        return required_answer(q, None) + " Thank you for your patience." if q else "none"

    fake_services.chat_model = FakeChatModel(write, name="fake-model")
    at = _generate(_with_precedents(app_test))
    draft = at.text_area(key="draft.text").value
    assert "Written by **fake\\-model** (prompt draft\\_reply/v4)" in at.info[0].value
    writable = [
        q for q in plan.questions if not q.needs_decision or q.status == "thin"
    ]  # not "none" / "split"
    assert 2 < len(writable) < len(plan.questions)
    assert draft.count("Thank you for your patience.") == len(writable) - 1
    assert "Section 43(2)" not in draft
    last = plan.questions[-1].label
    caption = "\n".join(c.value for c in at.caption)
    assert "The model wrote Q1, Q3, Q4; precedent wording used for Q2 \\(the officer must decide" in caption
    assert f"{last} \\(the model" in caption and "departed from the plan" in caption


def test_edits_survive_reruns_and_recheck_uses_them(app_test, fake_services):
    at = _generate(_with_precedents(app_test), mode="Precedent only")
    draft = at.text_area(key="draft.text").value
    assert "Written **from precedent only**" in at.info[0].value
    assert fake_services.audit.rows("drafts")[0]["mode"] == "precedent"
    assert "**Check:**" in _markdown(at)

    # the officer drops the complaint-rights paragraph and discloses the camera range
    edited = draft.replace("This information is exempt", "The cameras work between 2 and 20 metres")
    cut = edited.lower().find("complain")
    edited = edited[: edited.rfind("\n\n", 0, cut)] if cut > 0 else edited
    at.text_area(key="draft.text").input(edited)
    at.run()
    assert at.text_area(key="draft.text").value == edited  # kept across the rerun
    at.button(key="draft.recheck").click()
    at.run()
    assert not at.exception, at.exception
    assert at.text_area(key="draft.text").value == edited
    assert "missing complaint rights" in _markdown(at)
    checks = fake_services.audit.rows("checks")
    assert len(checks) == 1 and checks[0]["source"] == "app:draft"


def test_model_down_shows_the_reason_and_a_precedent_only_draft(app_test, fake_services):
    fake_services.chat_model = FakeChatModel(
        ModelError("the model endpoint did not answer within 120 s"), name="slow-model"
    )
    at = _generate(_with_precedents(app_test))
    warnings = [w.value for w in at.warning]
    assert any("The model could not be used" in w and "did not answer within 120 s" in w for w in warnings)
    assert "Written **from precedent only**" in at.info[0].value
    assert at.text_area(key="draft.text").value.startswith("Freedom of information request reference no")
    assert fake_services.audit.rows("drafts")[0]["fallback_reason"]


def test_model_that_cannot_start_offers_precedent_only(app_test, fake_services):
    class Broken:
        @property
        def chat_model(self):
            raise ModelError("the embedded model server did not start (port in use)")

        def __getattr__(self, name):
            return getattr(fake_services, name)

    at = _generate(_with_precedents(app_test, services=Broken()))
    assert [e.value for e in at.error] == ["the embedded model server did not start (port in use)"]
    at.button(key="draft.fallback").click()
    at.run()
    assert not at.exception, at.exception
    assert at.radio(key="draft.mode").value == "Precedent only"
    assert at.text_area(key="draft.text").value.startswith("Freedom of information request reference no")


def test_empty_request_is_a_clear_error(app_test):
    at = app_test()
    at.button(key="draft.find").click()
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["the pasted request: the request is empty"]
    assert not at.subheader  # nothing else is shown


def test_broken_upload_is_a_clear_error(app_test):
    at = app_test()
    at.file_uploader(key="draft.request_file").upload("request.pdf", b"%PDF-1.4 garbage", "application/pdf")
    at.run()
    at.button(key="draft.find").click()
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith("request.pdf:")


def test_uploaded_docx_request(app_test):
    from foi_precedent.ui.export import to_docx

    at = app_test()
    at.file_uploader(key="draft.request_file").upload("request.docx", to_docx(REQUEST))
    at.run()
    at.button(key="draft.find").click()
    at.run()
    assert not at.exception, at.exception
    assert "5 questions and their precedents" in [s.value for s in at.subheader]


def test_a_request_on_one_line_gives_four_questions_and_shows_what_is_sent_without_identity(
    app_test, fake_services
):
    at = _with_precedents(app_test, request=ONE_LINE)
    assert "4 questions and their precedents" in [s.value for s in at.subheader]
    text = _markdown(at)
    assert "##### Q1  \nHow many times was live facial recognition used at football matches in 2024?" in text
    assert "##### Q4  \nHow many false alerts were generated?" in text
    sent_label = next(e.label for e in at.expander if e.label.startswith("What is sent to the index"))
    assert "identity removed" in sent_label
    sent = next(c.value for c in at.code if "4. How many false alerts were generated?" in c.value)
    assert "[NAME]" in sent and "[EMAIL]" in sent and "[ADDRESS]" in sent
    # and what of it leaves the case: with the default prompt, only the questions
    assert any(
        "Search is sent only the questions above; the model (prompt draft_reply/v4) is sent only the questions"
        in c.value
        for c in at.caption
    )
    shown = sent + text + "\n".join(fake_services.index.queries)
    for value in ONE_LINE_IDENTITY:
        assert value not in shown, value


def test_a_request_without_question_structure_is_read_whole_with_a_note(app_test):
    at = _with_precedents(
        app_test,
        request="Dear Council, the footpaths on Mill Lane have not been repaired since "
        "2019 and residents remain unhappy.",
    )
    assert "1 question and their precedents" in [s.value for s in at.subheader]
    assert any("whole request is read as one question" in i.value for i in at.info)


def test_a_plan_resting_on_guessed_readings_shows_why_the_officer_decides(
    app_test, fake_services, seed_letters
):
    """Every precedent read as a guess (marked for review): the plan says so and asks for a decision, and each
    precedent card says which readings are guesses."""
    from tests.ui.conftest import AppIndex

    seed = next(letter for letter in seed_letters if letter.reference == "01.FOI.24.036325")
    guessed = tuple(dataclasses.replace(q, confidence=0.4) for q in seed.questions)
    letters = [dataclasses.replace(seed, reference=f"GUESS-{i}", questions=guessed) for i in range(2)]
    services = dataclasses.replace(fake_services, index=AppIndex(letters))
    at = _with_precedents(app_test, services=services, request=f"Q1 - {seed.question('Q2').text}\n")
    captions = [c.value for c in at.caption]
    assert any("are all readings marked for review" in c and "decide the answer" in c for c in captions)
    assert ":orange-badge[confidence: low]" in _markdown(at)
    assert _markdown(at).count("reading marked for review") == 2  # one on each precedent card


# a request the reader splits in three where a careful officer sees two questions: the policy and a copy of it
SPLIT_WRONG = """Dear FOI team,

Please tell me:
1. How many individuals have been placed on FRT watchlists by your police force?
2. What rules/policies govern the use of FRT within your police force?
3. Please provide a copy of that policy.

Yours sincerely,
Jane Example
jane@example.org
"""
TWO_QUESTIONS = (
    "Q1 - How many individuals have been placed on FRT watchlists by your police force?\n\n"
    "Q2 - What rules/policies govern the use of FRT within your police force? Please provide a copy of that "
    "policy (send it to jane@example.org)."
)


def _cards(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("##### ")]


def test_the_drafter_corrects_how_the_request_was_split(app_test, fake_services):
    at = _with_precedents(app_test, request=SPLIT_WRONG)
    assert "3 questions and their precedents" in [s.value for s in at.subheader]
    editor = at.text_area(key="draft.questions_text")
    assert editor.value.splitlines()[2] == "Q3 - Please provide a copy of that policy."
    at = _generate(at, mode="Precedent only")
    assert at.text_area(key="draft.text").value

    fake_services.index.queries.clear()
    at.text_area(key="draft.questions_text").input(TWO_QUESTIONS)
    at.button(key="draft.use_questions").click()
    at.run()
    assert not at.exception, at.exception
    assert "2 questions and their precedents" in [s.value for s in at.subheader]
    cards = _cards(at)
    assert len(cards) == 2
    assert cards[1].startswith(
        "##### Q2  \nWhat rules/policies govern the use of FRT within your police force? "
    )
    assert "Please provide a copy of that policy \\(send it to \\[EMAIL\\]\\)\\." in cards[1]
    assert _markdown(at).count("**Precedent says:**") == 2  # each card has its plan
    assert any("set these questions by hand" in i.value for i in at.info)
    # the plan was found again for the officer's questions, without the requester's e-mail
    queries = fake_services.index.queries
    assert any("Please provide a copy of that policy" in q for q in queries)
    assert not any("jane@example.org" in q for q in queries)
    # a fresh draft: the old one, and its check, went with the old questions
    assert not at.text_area(key="draft.text").value and "**Check:**" not in _markdown(at)
    assert at.text_area(key="draft.questions_text").value == TWO_QUESTIONS.replace("\n\n", "\n").replace(
        "jane@example.org", "[EMAIL]"
    )


def test_no_questions_left_is_a_clear_error_and_the_questions_stay(app_test):
    at = _with_precedents(app_test, request=SPLIT_WRONG)
    at.text_area(key="draft.questions_text").input("\n  \n")
    at.button(key="draft.use_questions").click()
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and "no question given" in at.error[0].value
    assert "3 questions and their precedents" in [s.value for s in at.subheader]


def test_only_a_drafter_can_edit_the_questions(app_test, fake_services, monkeypatch):
    from foi_precedent.ui import signin

    # behind a sign-in proxy, rita reviews and does not draft
    fake_services.settings = dataclasses.replace(
        fake_services.settings, trusted_proxies=("10.0.0.2/32",), drafters=("alice",), reviewers=("rita",)
    )
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": "rita"})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")
    at = _with_precedents(app_test, request=SPLIT_WRONG)
    assert any("rita is not a drafter" in i.value for i in at.info)
    assert at.text_area(key="draft.questions_text").disabled
    assert at.button(key="draft.use_questions").disabled  # (AppTest, like a browser, cannot press it)
    assert "3 questions and their precedents" in [s.value for s in at.subheader]


def _questions_editable(at) -> bool:
    return (
        not at.text_area(key="draft.questions_text").disabled
        and not at.button(key="draft.use_questions").disabled
    )


def test_a_case_s_questions_are_edited_while_its_draft_is_drafted_and_not_once_it_is_reviewed(
    app_test, fake_services
):
    from foi_precedent.cases.review import Actor
    from foi_precedent.identity import DRAFTER, REVIEWER

    dan, rita = Actor("dan", frozenset({DRAFTER})), Actor("rita", frozenset({REVIEWER}))
    at = _generate(_with_precedents(app_test, request=SPLIT_WRONG), mode="Precedent only")
    at.button(key="draft.start_case").click()
    at.run()
    assert not at.exception, at.exception
    assert _questions_editable(at)  # a case being drafted: the drafter corrects its split
    assert "the case keeps these questions" in at.text_area(key="draft.questions_text").help
    store = fake_services.reviews
    version = store.submit(
        1, dan, text=store.version(1).text
    )  # another officer submits while this page is open
    at.text_area(key="draft.questions_text").input(TWO_QUESTIONS)
    at.button(key="draft.use_questions").click()
    at.run()
    assert not at.exception, at.exception
    [error] = [e.value.replace("\\", "") for e in at.error]
    assert error.startswith(
        "The case's questions were not changed: this case's draft is in review: its questions"
    )
    assert store.case(1)["request_questions"] is None and len(_cards(at)) == 3  # refused: nothing changed
    assert not _questions_editable(at)
    assert any("cannot be edited while its draft is in review" in c.value for c in at.caption)
    version = store.act(version.id, "request_changes", rita, comment="Q3 is part of Q2")
    at.run()
    assert not _questions_editable(at)  # returned: the drafter revises it first
    store.act(version.id, "revise", dan)
    at.run()
    assert _questions_editable(at)
    store.submit(version.id, dan, text=store.version(1).text)
    version = store.act(version.id, "approve", rita)
    at.run()
    assert not _questions_editable(at)
    assert any("cannot be edited while its draft is approved" in c.value for c in at.caption)
    store.act(version.id, "send", dan)
    at.run()
    assert not _questions_editable(at) and "3 questions and their precedents" in [
        s.value for s in at.subheader
    ]
    assert store.case(1)["request_questions"] is None


def test_a_case_open_here_takes_the_questions_another_officer_set_and_keeps_its_draft(
    app_test, fake_services
):
    from foi_precedent.cases.review import Actor
    from foi_precedent.drafting.edited import editor_text, question_texts, request_with_questions
    from foi_precedent.identity import DRAFTER
    from foi_precedent.ui import signoff

    at = _generate(_with_precedents(app_test, request=SPLIT_WRONG), mode="Precedent only")
    at.button(key="draft.start_case").click()
    at.run()
    assert not at.exception, at.exception
    assert len(_cards(at)) == 3
    store = fake_services.reviews
    mine = at.text_area(key="draft.text").value + "\n\nP.S. written here."
    # this session's edit, in the run that finds the questions changed
    at.text_area(key="draft.text").input(mine)

    # dan, in another session, sets the case's questions (as his "Use these questions" does)
    edited = request_with_questions(signoff.case_request(store.case(1)), question_texts(TWO_QUESTIONS))
    signoff.store_questions(store, 1, edited, Actor("dan", frozenset({DRAFTER})))
    fake_services.index.queries.clear()
    at.run()
    assert not at.exception, at.exception
    assert [c.split("  ")[0] for c in _cards(at)] == ["##### Q1", "##### Q2"]
    assert "2 questions and their precedents" in [s.value for s in at.subheader]
    assert any("questions were changed in another session (dan edited them)" in i.value for i in at.info)
    assert any("set these questions by hand" in i.value for i in at.info)
    assert at.text_area(key="draft.questions_text").value == editor_text(edited)
    queries = fake_services.index.queries  # their precedents found again
    assert any("Please provide a copy of that policy" in q for q in queries)
    # this session's draft is kept (and saved), and checked again against the new questions
    assert at.text_area(key="draft.text").value == mine == store.version(1).text
    assert "**Check:**" in _markdown(at)

    at.run()  # taken once: the next run says nothing more
    assert not any("questions were changed in another session" in i.value for i in at.info)
    assert len(_cards(at)) == 2
