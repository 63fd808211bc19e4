"""Cases and the clock in the app: a case's received date, regime, nation and extension on the Draft page, its due
date and working days left, the extension notice; the Cases page; two officers' sessions on one store seeing each
other's overrides, states and edits (and neither's edits silently lost); the open case in the URL; Mark as sent;
what each role may do; a case keeps its request (identity removed), so another instance opening it finds the same
questions and precedents, and the questions a drafter set by hand where the reader split it otherwise."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from foi_precedent.audit.log import AuditLog
from foi_precedent.audit.reviews import ReviewStore
from foi_precedent.cases.clock import due_date, working_days_left
from foi_precedent.cases.review import APPROVED, IN_REVIEW, SENT, Actor
from foi_precedent.drafting.request import split_request
from foi_precedent.errors import ReviewError
from foi_precedent.identity import DRAFTER, User
from foi_precedent.ui import signin
from foi_precedent.ui.signoff import actor
from foi_precedent.ui.state import SERVICES_KEY
from tests.ui.conftest import APP, REQUEST, FakeServices
from tests.ui.test_app_draft import (
    SPLIT_WRONG,
    TWO_QUESTIONS,
    _cards,
    _generate,
    _markdown,
    _questions_editable,
    _with_precedents,
)

CASES_PAGE = "app_pages/cases.py"
LONG_AGO = date(2026, 9, 1)  # a Tuesday: due 29 September 2026 under FOIA, long past


@pytest.fixture
def team(fake_services, monkeypatch):
    """Behind a sign-in proxy: alice and bob draft, bob and rita review. ``as_user(name)`` signs the next run in."""
    fake_services.settings = dataclasses.replace(
        fake_services.settings,
        trusted_proxies=("10.0.0.2/32",),
        drafters=("alice", "bob"),
        reviewers=("bob", "rita"),
    )
    who = {"name": "alice"}
    monkeypatch.setattr(signin, "request_headers", lambda: {"X-Forwarded-User": who["name"]})
    monkeypatch.setattr(signin, "peer_address", lambda: "10.0.0.2")

    def as_user(name: str) -> None:
        who["name"] = name

    return as_user


def _instance(fake_services, database_url: str | None = None) -> FakeServices:
    """An app instance on the test's stores (the SQLite files under its PRECEDENT_HOME, or one PostgreSQL database):
    its own AuditLog and ReviewStore objects, the same databases."""
    settings = fake_services.settings
    return FakeServices(
        settings=settings,
        index=fake_services.index,
        audit=AuditLog(settings.audit_db, database_url=database_url),
        reviews=ReviewStore(settings.cases_db, database_url=database_url),
    )


def _two_instances(fake_services, database_url: str | None) -> tuple[FakeServices, FakeServices]:
    """Two app instances on the same stores: the first is alice's, the one ``app_test`` runs by default."""
    first, other = _instance(fake_services, database_url), _instance(fake_services, database_url)
    fake_services.audit, fake_services.reviews = first.audit, first.reviews
    return first, other


def _run(at, as_user=None, name: str | None = None):
    if as_user is not None and name is not None:
        as_user(name)
    at.run()
    assert not at.exception, at.exception
    return at


def _started(app_test, received: date | None = None, cut: bool = False):
    """A precedent-only draft (with its complaint rights cut, so it has a flag to override) started as a case."""
    at = _generate(_with_precedents(app_test), mode="Precedent only")
    if cut:
        _cut_complaint_rights(at)
    if received is not None:
        at.date_input(key="draft.received").set_value(received)
        at.run()
    at.button(key="draft.start_case").click()
    return _run(at)


def _open(at, case_id: int):
    """Open a case from the Cases page. The page switches to Draft within the run; AppTest's next run would go
    back to the page it last switched to, so it is told, as a browser's URL would be."""
    at.button(key=f"cases.open.{case_id}").click()
    _run(at)
    at.switch_page("app_pages/draft.py")
    return _run(at)


def _override(at, reason: str, key_part: str = "missing_complaint_rights"):
    button = next(b for b in at.button if b.key and b.key.endswith(".override") and key_part in b.key)
    at.text_area(key=button.key.removesuffix(".override") + ".reason").input(reason)
    at.button(key=button.key).click()
    return _run(at)


def _cut_complaint_rights(at):
    """Drop the complaint-rights paragraph and re-check, so the draft has a flag to override."""
    draft = at.text_area(key="draft.text").value
    cut = draft.lower().find("complain")
    at.text_area(key="draft.text").input(draft[: draft.rfind("\n\n", 0, cut)])
    at.run()
    at.button(key="draft.recheck").click()
    return _run(at)


def test_received_date_gives_the_due_date_days_left_and_the_extension_notice(app_test):
    at = _with_precedents(app_test)
    assert at.date_input(key="draft.received").value == date.today()
    assert (
        at.selectbox(key="draft.regime").value == "FOIA"
        and at.selectbox(key="draft.nation").value == "england"
    )
    left = working_days_left(due_date(date.today(), "FOIA"), date.today())
    assert f":green[**{left} working days left**]" in _markdown(at)

    at.date_input(key="draft.received").set_value(LONG_AGO)
    _run(at)
    page = _markdown(at)
    overdue = -working_days_left(due_date(LONG_AGO, "FOIA"), date.today())
    assert "Due **Tuesday 29 September 2026**" in page and f":red[**{overdue} working days overdue**]" in page
    assert at.selectbox(key="draft.extension").options == ["none", "public interest (FOIA s10(3))"]

    at.selectbox(key="draft.extension").set_value("pit")
    _run(at)
    assert "Due **Tuesday 27 October 2026**" in _markdown(at)
    notice = next(c.value for c in at.code if "section 17(2)" in c.value)
    assert (
        "received on Tuesday 1 September 2026" in notice and "section 31(1)(a)" in notice
    )  # the plan's exemptions

    at.selectbox(key="draft.regime").set_value("FOISA")  # Scotland's Act: Scotland's calendar, no extension
    _run(at)
    assert (
        at.selectbox(key="draft.nation").value == "scotland"
        and at.selectbox(key="draft.extension").value == "none"
    )
    at.selectbox(key="draft.nation").set_value("wales")
    _run(at)
    assert any("FOISA applies to Scottish public authorities" in e.value for e in at.error)
    at.selectbox(key="draft.regime").set_value("EIR")
    _run(at)
    assert at.selectbox(key="draft.extension").options[-1] == "complex and voluminous (EIR reg 7)"
    at.selectbox(key="draft.extension").set_value("eir-complex")
    _run(at)
    assert any("regulation 7(1)" in c.value for c in at.code)


def test_a_started_case_keeps_its_dates_and_a_late_draft_is_flagged(app_test, fake_services):
    at = _started(app_test, received=LONG_AGO)
    [case] = fake_services.reviews.cases()
    assert (case["received"], case["regime"], case["nation"], case["extension"], case["due"]) == (
        "2026-09-01",
        "FOIA",
        "england",
        None,
        "2026-09-29",
    )
    assert case["version_state"] == "drafting" and "Case 1, version 1" in _markdown(at)

    at.selectbox(key="draft.extension").set_value("pit")  # a change is stored at once
    _run(at)
    assert fake_services.reviews.case(case["id"])["extension"] == "pit"
    assert fake_services.reviews.case(case["id"])["due"] == "2026-10-27"
    at.selectbox(key="draft.extension").set_value("none")
    _run(at)

    # the draft is undated, so it would go out today: past its due date, with no extension
    at.button(key="draft.recheck").click()
    _run(at)
    page = _markdown(at)
    assert "past due date" in page and "after its due date of 29 September 2026" in page


def test_clock_stops_and_special_time_limits_move_the_due_date_and_are_stored(app_test, fake_services):
    at = _started(app_test, received=LONG_AGO)  # FOIA, Tue 1 Sep 2026: due Tue 29 Sep 2026
    [expander] = [e for e in at.expander if e.label == "Clock stops and special time limits"]
    assert at.date_input(key="draft.fees_notice").value is None
    assert at.selectbox(key="draft.compliance").value == "standard"
    assert not [w for w in at.warning if "Session State" in w.value]

    # fees notice Thu 3 Sep, fee Tue 8 Sep 2026: Thu 3, Fri 4, Mon 7, Tue 8 not counted (s10(2)), so 29 Sep
    # + 4 working days: Wed 30 Sep, Thu 1, Fri 2, Mon 5 Oct 2026 (no UK bank holiday in September or October)
    at.date_input(key="draft.fees_notice").set_value(date(2026, 9, 3))
    _run(at)
    at.date_input(key="draft.fee_received").set_value(date(2026, 9, 8))
    _run(at)
    page = _markdown(at)
    assert "Due **Monday 5 October 2026**" in page
    assert any("not counting the 4 working days from the fees notice" in c.value for c in at.caption)
    case = fake_services.reviews.case(1)
    assert (case["fees_notice"], case["fee_received"], case["due"]) == (
        "2026-09-03",
        "2026-09-08",
        "2026-10-05",
    )

    # an archive: 30 working days from Tue 1 Sep: 20 Tue 29 Sep, 21-23 Wed 30 Sep - Fri 2 Oct, 24-28 Mon 5 -
    # Fri 9 Oct, 29 Mon 12, 30 Tue 13 Oct; + the 4 paused: Wed 14, Thu 15, Fri 16, Mon 19 Oct 2026
    at.selectbox(key="draft.compliance").set_value("archive")
    _run(at)
    assert "Due **Monday 19 October 2026**" in _markdown(at)
    assert fake_services.reviews.case(1)["compliance"] == "archive"
    assert "19 Oct 2026" in _markdown(_run(app_test(CASES_PAGE)))  # the case list counts them too

    # the fee not paid yet: the clock stands still, on the Draft page and in the case list
    at.date_input(key="draft.fee_received").set_value(None)
    _run(at)
    assert ":orange-badge[clock stopped: awaiting the fee]" in _markdown(at)
    cases = _run(app_test(CASES_PAGE))
    assert any(c.value == "clock stopped: awaiting the fee" for c in cases.caption)
    at.date_input(key="draft.fee_received").set_value(date(2026, 9, 8))
    _run(at)

    # a fee received before its notice: one clear error, nothing stored
    at.date_input(key="draft.fee_received").set_value(date(2026, 9, 2))
    _run(at)
    assert any("cannot be before the fees notice" in e.value for e in at.error)
    assert fake_services.reviews.case(1)["fee_received"] == "2026-09-08"

    # the time limits are FOIA's: under FOISA (Scotland) only the standard one is offered
    at.date_input(key="draft.fee_received").set_value(date(2026, 9, 8))
    at.selectbox(key="draft.regime").set_value("FOISA")
    _run(at)
    assert at.selectbox(key="draft.compliance").options == ["standard (20 working days)"]
    assert at.selectbox(key="draft.compliance").value == "standard"

    # the case opens again with its stops
    cases = _run(app_test(CASES_PAGE))
    draft = _open(cases, 1)
    assert draft.date_input(key="draft.fees_notice").value == date(2026, 9, 3)
    assert draft.date_input(key="draft.fee_received").value == date(2026, 9, 8)


def test_the_case_list_shows_every_case_by_due_date_and_opens_one(app_test, fake_services):
    _started(app_test, received=LONG_AGO)
    _started(app_test)  # a second case, received today
    cases = _run(app_test(CASES_PAGE))
    page = _markdown(cases)
    assert "**2 cases**: 2 open, :red[**1 overdue**]" in page
    rows = [m.value for m in cases.markdown if m.value.startswith(("1. ", "2. "))]
    assert rows[0].startswith("1. ") and rows[1].startswith("2. ")  # the overdue one first
    assert any(m.value.startswith(":red[") and "overdue" in m.value for m in cases.markdown)
    assert page.count("\\(drafting\\)") == 2  # held by the drafter, drafting

    draft = _open(cases, 1)
    assert "Case 1, version 1" in _markdown(draft)
    assert draft.date_input(key="draft.received").value == LONG_AGO
    assert draft.text_area(key="draft.text").value == fake_services.reviews.version(1).text
    assert "5 questions and their precedents" in [
        s.value for s in draft.subheader
    ]  # the request the case keeps
    assert "**Check:**" in _markdown(draft)


def test_two_sessions_on_one_store_see_each_others_overrides_and_states(
    app_test, fake_services, team, database_url
):
    first, other = _two_instances(fake_services, database_url)
    alice = _started(app_test, cut=True)
    assert other.audit is not fake_services.audit and other.reviews is not fake_services.reviews

    team("bob")  # another officer, another app instance, the same databases
    bob = _open(app_test(CASES_PAGE, services=other), 1)
    assert "Case 1, version 1" in _markdown(bob)

    _run(alice, team, "alice")
    _override(alice, "Complaint rights go in the covering e-mail.")
    _run(bob, team, "bob")  # bob's page, on its next run, shows alice's override from the store
    page = _markdown(bob)
    assert "Overridden by **alice**" in page and "Complaint rights go in the covering e\\-mail\\." in page
    assert ":violet-badge[in force]" in page

    _override(bob, "Our template puts them in the letter: keep them there.")
    _run(alice, team, "alice")
    page = _markdown(alice)
    first, second = page.index("Overridden by **alice**"), page.index("Overridden by **bob**")
    assert first < second  # both recorded, in the order made
    assert ":gray-badge[replaced]" in page[first:second] and ":violet-badge[in force]" in page[second:]
    rows = fake_services.audit.overrides_for_version(1)
    assert [(r["user_name"], r["version_id"]) for r in rows] == [("alice", 1), ("bob", 1)]

    # alice submits; bob's case list shows it in review, with the override in force
    alice.button(key="draft.submit").click()
    _run(alice)
    [submitted] = fake_services.reviews.versions(IN_REVIEW)
    assert [o["by"] for o in submitted.overrides] == ["bob"]
    cases = _run(app_test(CASES_PAGE, services=other), team, "bob")
    assert ":blue-badge[in review]" in _markdown(
        cases
    ) and "a reviewer \\(submitted by alice\\)" in _markdown(cases)

    review = app_test("app_pages/review.py", services=other)
    review.button(key="review.approve").click()
    _run(review)
    assert other.reviews.version(1).state == APPROVED
    _run(alice, team, "alice")
    assert any("Approved by bob" in s.value for s in alice.success)  # alice's session sees bob's approval


def _edit(at, text: str):
    at.text_area(key="draft.text").input(text)
    return _run(at)


def _conflicts(at) -> list[str]:
    return [w.value for w in at.warning if "saved another text of this draft" in w.value]


def test_two_sessions_share_a_drafting_text_as_it_is_edited_and_neither_loses_an_edit(
    app_test, fake_services, team, database_url
):
    first, other = _two_instances(fake_services, database_url)
    alice = _started(app_test)
    team("bob")
    bob = _open(app_test(CASES_PAGE, services=other), 1)
    text = bob.text_area(key="draft.text").value
    assert text == first.reviews.version(1).text

    # alice edits: saved at once, and bob's page takes it on its next run (he has not edited)
    _edit(_run(alice, team, "alice"), text + "\n\nP.S. from alice")
    stored = other.reviews.version(1)
    assert stored.text.endswith("P.S. from alice") and stored.edited_by == "alice" and stored.edited_at
    _run(bob, team, "bob")
    assert bob.text_area(key="draft.text").value.endswith("P.S. from alice")
    assert any(i.value.startswith("This draft now has the edits alice at") for i in bob.info)
    assert not _conflicts(bob)

    # both edit: bob saves first; alice's later save does not overwrite his, she keeps hers and is told whose
    # text is in the store and when
    _edit(bob, text + "\n\nP.S. from bob")
    team("alice")
    _edit(alice, text + "\n\nP.S. alice again")
    assert first.reviews.version(1).text.endswith("P.S. from bob")
    assert alice.text_area(key="draft.text").value.endswith("P.S. alice again")
    [warning] = _conflicts(alice)
    assert warning.startswith("bob at ") and "UTC on" in warning
    alice.button(key="draft.load_theirs").click()
    _run(alice)
    assert alice.text_area(key="draft.text").value.endswith("P.S. from bob") and not _conflicts(alice)

    # again, and this time alice keeps hers: it replaces bob's, and bob's page (no edit since) takes it
    _edit(_run(bob, team, "bob"), text + "\n\nbob 2")
    team("alice")  # her page has not run since bob's edit
    _edit(alice, text + "\n\nalice 3")
    assert _conflicts(alice) and first.reviews.version(1).text.endswith("bob 2")
    alice.button(key="draft.keep_mine").click()
    _run(alice)
    assert first.reviews.version(1).text.endswith("alice 3") and not _conflicts(alice)
    _run(bob, team, "bob")
    assert bob.text_area(key="draft.text").value.endswith("alice 3") and not _conflicts(bob)

    # a generated draft is saved when it finishes
    _run(alice, team, "alice")
    alice.button(key="draft.generate").click()
    _run(alice)
    assert first.reviews.version(1).text == alice.text_area(key="draft.text").value
    assert "alice 3" not in first.reviews.version(1).text
    _run(bob, team, "bob")
    assert bob.text_area(key="draft.text").value == first.reviews.version(1).text


def test_an_edit_refused_because_another_officer_submitted_is_kept_to_copy_or_download(
    app_test, fake_services, team, database_url
):
    first, other = _two_instances(fake_services, database_url)
    alice = _started(app_test)
    team("bob")
    bob = _open(app_test(CASES_PAGE, services=other), 1)
    text = bob.text_area(key="draft.text").value
    bob.button(key="draft.submit").click()  # bob submits while alice's page still shows the draft editable
    _run(bob)
    assert other.reviews.version(1).state == IN_REVIEW

    team("alice")
    mine = text + "\n\nA paragraph alice wrote and never saved."
    _edit(alice, mine)
    assert first.reviews.version(1).text == text  # refused: the submitted text stands
    assert any(e.value.startswith("Your edit was not saved") for e in alice.error)
    assert alice.text_area(key="draft.text").value == text  # the editor shows what is in review
    assert alice.text_area(key="draft.unsaved_text").value == mine  # and her text is kept beside it
    [download] = [d for d in alice.get("download_button") if d.proto.label == "Download your unsaved text"]
    _run(alice)  # it survives the next run, and a visit to another page
    assert alice.text_area(key="draft.unsaved_text").value == mine
    alice.switch_page(CASES_PAGE)
    _run(alice)
    alice.switch_page("app_pages/draft.py")
    _run(alice)
    assert alice.text_area(key="draft.unsaved_text").value == mine
    alice.button(key="draft.unsaved_dismiss").click()
    _run(alice)
    assert not [t for t in alice.text_area if t.key == "draft.unsaved_text"]


def _fresh(fake_services, case: str):
    """A new browser session at ``/?case=...``: a reload, or a link another officer sent."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[SERVICES_KEY] = fake_services
    at.query_params["case"] = case
    return _run(at)


def test_the_open_case_is_in_the_url_and_a_reload_opens_it_again(app_test, fake_services):
    at = _started(app_test, received=LONG_AGO)
    assert at.query_params.get("case") == "1"
    _edit(at, at.text_area(key="draft.text").value + "\n\nAn edit before the reload.")

    again = _fresh(fake_services, "1")
    assert "Case 1, version 1" in _markdown(again)
    assert again.text_area(key="draft.text").value.endswith("An edit before the reload.")
    assert again.date_input(key="draft.received").value == LONG_AGO
    assert "5 questions and their precedents" in [s.value for s in again.subheader]
    assert again.query_params.get("case") == "1"

    _started(app_test)  # a second case; opening it from the Cases page puts it in the URL
    opened = _open(_run(app_test(CASES_PAGE)), 2)
    assert "Case 2, version 1" in _markdown(opened) and opened.query_params.get("case") == "2"
    opened.button(key="draft.find").click()  # a new request is not the case
    _run(opened)
    assert "case" not in opened.query_params


@pytest.mark.parametrize("case", ["99", "abc"])
def test_a_url_naming_no_case_is_one_clear_error(fake_services, case):
    at = _fresh(fake_services, case)
    assert [e.value for e in at.error] == [
        f"There is no case {case} in this case store: the link may be wrong or "
        "old. Open a case on the Cases page, or start one here."
    ]
    assert "case" not in at.query_params
    assert at.text_area(key="draft.request_text").value in ("", None)  # the page is there to start afresh


AUTHORITY = "Metropolitan Police Service"  # the seed letters' own: its precedents count for more
READ_BACK_NOTE = "This case was started before cases kept their request"


def _questions(at) -> list[str]:
    """The question cards as the page shows them: each question, what precedent says of it, and its precedents."""
    return [m.value for m in at.markdown if m.value.startswith(("##### ", "**Precedent says:**"))] + [
        e.label for e in at.expander if "similarity" in e.label
    ]


def test_a_case_keeps_its_request_and_another_instance_opens_it_with_the_same_questions_and_precedents(
    app_test, fake_services, team, database_url
):
    first, other = _two_instances(fake_services, database_url)
    at = app_test()
    at.text_input(key="draft.authority").input(AUTHORITY)
    at.text_area(key="draft.request_text").input(REQUEST)  # signed "Jane Example", jane@example.org
    at.button(key="draft.find").click()
    alice = _generate(_run(at), mode="Precedent only")
    alice.button(key="draft.start_case").click()
    _run(alice)
    shown = _questions(alice)
    assert len([q for q in shown if q.startswith("##### ")]) == 5 and any("similarity" in q for q in shown)

    # the store keeps the request as the index and the model saw it: the requester's name and e-mail removed
    [case] = other.reviews.cases()
    assert case["request_text"] == split_request(REQUEST).text
    assert "Jane Example" not in case["request_text"] and "jane@example.org" not in case["request_text"]
    assert (
        "[NAME]" in case["request_text"] and "1. Is your police force currently using" in case["request_text"]
    )
    assert (case["authority"], case["request_source"]) == (AUTHORITY, "the pasted request")

    team("bob")  # another officer, another instance: the request, its authority and its precedents again
    bob = _open(app_test(CASES_PAGE, services=other), 1)
    assert "Case 1, version 1" in _markdown(bob)
    assert _questions(bob) == shown
    assert bob.text_input(key="draft.authority").value == AUTHORITY
    assert bob.text_area(key="draft.request_text").value == case["request_text"]
    assert bob.text_area(key="draft.text").value == other.reviews.version(1).text  # the latest version's text
    assert not [i for i in bob.info if READ_BACK_NOTE in i.value]
    assert "**Check:**" in _markdown(bob)

    again = _fresh(other, "1")  # a link to the case, in a new session
    assert _questions(again) == shown and again.text_input(key="draft.authority").value == AUTHORITY

    alice.button(key="draft.submit").click()  # the reviewer sees what was asked, above the draft
    _run(alice, team, "alice")
    team("bob")
    review = app_test("app_pages/review.py", services=other)
    codes = [c.value.strip() for c in review.code]
    assert codes == [case["request_text"].strip(), other.reviews.version(1).text.strip()]  # the request first
    assert any(
        c.value.startswith("From the pasted request, answered by Metropolitan Police Service")
        for c in review.caption
    )


def test_a_case_started_before_cases_kept_their_request_opens_from_its_draft(app_test, fake_services):
    at = _generate(_with_precedents(app_test), mode="Precedent only")
    draft = at.text_area(key="draft.text").value
    old = fake_services.reviews.start_case(
        "Old case", draft, Actor("dan", frozenset({DRAFTER}))
    )  # no request
    assert fake_services.reviews.case(old.case_id)["request_text"] is None

    opened = _fresh(fake_services, str(old.case_id))
    assert f"Case {old.case_id}, version 1" in _markdown(opened)
    assert "5 questions and their precedents" in [
        s.value for s in opened.subheader
    ]  # read back from the draft
    assert [i.value for i in opened.info if READ_BACK_NOTE in i.value]
    assert opened.text_area(key="draft.text").value == draft

    fake_services.reviews.submit(old.id, Actor("dan", frozenset({DRAFTER})), text=draft)
    review = _run(app_test("app_pages/review.py"))
    assert any(READ_BACK_NOTE in c.value for c in review.caption)
    assert [c.value.strip() for c in review.code] == [draft.strip()]  # the draft alone: no request to show


def _use_questions(at, questions: str):
    at.text_area(key="draft.questions_text").input(questions)
    at.button(key="draft.use_questions").click()
    return _run(at)


# the officer's second thought: three questions again, worded their own way
THREE_QUESTIONS = (
    "Q1 - How many individuals are on your FRT watchlists?\n"
    "Q2 - What rules govern your use of FRT?\n"
    "Q3 - A copy of the policy that governs it."
)


def test_a_case_keeps_the_questions_the_drafter_set_and_another_instance_opens_it_with_them(
    app_test, fake_services, team, database_url
):
    first, other = _two_instances(fake_services, database_url)
    alice = _use_questions(_with_precedents(app_test, request=SPLIT_WRONG), TWO_QUESTIONS)
    alice = _generate(alice, mode="Precedent only")
    alice.button(key="draft.start_case").click()
    _run(alice)
    shown, editor = _questions(alice), alice.text_area(key="draft.questions_text").value
    assert [c.split("  ")[0] for c in _cards(alice)] == ["##### Q1", "##### Q2"]

    # the store keeps the request as it was, and the questions as the drafter left them, identity removed
    [case] = other.reviews.cases()
    assert case["request_text"] == split_request(SPLIT_WRONG).text
    assert [q["label"] for q in case["request_questions"]] == ["Q1", "Q2"]
    assert case["request_questions"][1]["text"].endswith("(send it to [EMAIL]).")
    assert "jane@example.org" not in str(case["request_questions"])

    team("bob")  # another officer, another instance: the drafter's questions and their precedents again
    bob = _open(app_test(CASES_PAGE, services=other), 1)
    assert "Case 1, version 1" in _markdown(bob)
    assert _questions(bob) == shown and bob.text_area(key="draft.questions_text").value == editor
    assert any("set these questions by hand" in i.value for i in bob.info)
    assert "**Check:**" in _markdown(bob)

    again = _fresh(other, "1")  # a link to the case, in a new session
    assert _questions(again) == shown and again.text_area(key="draft.questions_text").value == editor


def test_a_drafter_edits_the_questions_of_a_case_being_drafted_and_the_case_opens_with_the_edit(
    app_test, fake_services
):
    at = _generate(_with_precedents(app_test, request=SPLIT_WRONG), mode="Precedent only")
    at.button(key="draft.start_case").click()
    at = _run(at)
    store = fake_services.reviews
    assert store.case(1)["request_questions"] is None  # the reader's split: nothing more kept
    draft = at.text_area(key="draft.text").value

    at = _use_questions(at, TWO_QUESTIONS)
    assert "Case 1, version 1" in _markdown(at) and at.query_params.get("case") == "1"  # the same case
    assert [q["label"] for q in store.case(1)["request_questions"]] == ["Q1", "Q2"]
    assert len(_cards(at)) == 2 and any("The case keeps these questions" in s.value for s in at.success)
    # the team's draft stays as it was, in the editor and the store, checked again against the new questions
    assert at.text_area(key="draft.text").value == draft == store.version(1).text
    assert "**Check:**" in _markdown(at)

    reopened = _fresh(fake_services, "1")
    assert _questions(reopened) == _questions(at)
    reopened = _use_questions(reopened, THREE_QUESTIONS)  # edited again, from the reopened case
    assert [q["text"] for q in store.case(1)["request_questions"]][
        2
    ] == "A copy of the policy that governs it."
    last = _fresh(fake_services, "1")
    assert _questions(last) == _questions(reopened)
    assert last.text_area(key="draft.questions_text").value == THREE_QUESTIONS  # labels and texts exactly
    assert last.text_area(key="draft.text").value == draft


def test_only_a_drafter_edits_a_case_s_questions(app_test, fake_services, team):
    alice = _started(app_test)
    assert _questions_editable(alice)  # alice drafts: the case is being drafted
    team("rita")
    rita = _open(app_test(CASES_PAGE), 1)
    assert any("rita is not a drafter" in i.value for i in rita.info)
    assert not _questions_editable(rita)
    with pytest.raises(ReviewError, match="rita is not a drafter"):  # and the store refuses it too
        fake_services.reviews.set_case_questions(
            1, [{"label": "Q1", "text": "x"}], actor(User("rita", frozenset(), via="proxy"))
        )
    assert fake_services.reviews.case(1)["request_questions"] is None


def test_mark_as_sent_records_who_and_freezes_the_letter(app_test, fake_services, team):
    alice = _started(app_test)
    alice.button(key="draft.submit").click()
    _run(alice)
    team("bob")  # bob reviews in his own session
    review = app_test("app_pages/review.py")
    review.button(key="review.approve").click()
    _run(review)

    _run(alice, team, "alice")
    alice.button(key="draft.send").click()
    _run(alice)
    version = fake_services.reviews.version(1)
    assert version.state == SENT and version.frozen
    sent = fake_services.reviews.events(1)[-1]
    assert (sent["action"], sent["user_name"], sent["from_state"]) == ("send", "alice", APPROVED)
    assert any("Marked as sent by **alice**" in i.value for i in alice.info)
    assert not [b for b in alice.button if b.key == "draft.send"]
    assert alice.text_area(key="draft.text").disabled and alice.date_input(key="draft.received").disabled
    assert ":gray-badge[sent]" in _markdown(alice)
    cases = _run(app_test(CASES_PAGE))
    assert ":blue-badge[sent]" in _markdown(cases) and "nobody\\: sent" in _markdown(cases)


def test_a_reviewer_who_does_not_draft_cannot_draft_override_submit_or_send(app_test, fake_services, team):
    alice = _started(app_test, cut=True)
    team("rita")
    rita = _open(app_test(CASES_PAGE), 1)
    assert any("rita is not a drafter" in i.value for i in rita.info)
    assert rita.button(key="draft.generate").disabled and rita.button(key="draft.submit").disabled
    assert rita.text_area(key="draft.text").disabled and rita.date_input(key="draft.received").disabled
    assert not [b for b in rita.button if b.key and b.key.endswith((".override", ".accept"))]
    assert "**Check:**" in _markdown(rita)  # she reads the draft and its flags

    # approved by bob, rita may not mark it sent: send is a drafter's step (cases/review.py TRANSITIONS)
    _run(alice, team, "alice")
    alice.button(key="draft.submit").click()
    _run(alice)
    team("bob")
    review = app_test("app_pages/review.py")
    review.button(key="review.approve").click()
    _run(review)
    _run(rita, team, "rita")
    assert rita.button(key="draft.send").disabled and rita.button(key="draft.new_version").disabled
    assert fake_services.reviews.version(1).state == APPROVED


def test_a_drafter_who_does_not_review_cannot_approve_or_return(app_test, fake_services, team):
    alice = _started(app_test)
    alice.button(key="draft.submit").click()
    _run(alice)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app_test("app_pages/review.py")  # alice only drafts: no Review page
    with pytest.raises(ReviewError, match="alice is not a reviewer"):  # and the store refuses it too
        fake_services.reviews.act(1, "approve", actor(User("alice", frozenset({DRAFTER}), via="proxy")))
    assert fake_services.reviews.version(1).state == IN_REVIEW


def test_working_days_left_counts_the_due_dates_own_calendar():
    due = due_date(date(2026, 11, 2), "FOIA")  # St Andrew's Day (Mon 30 Nov) is not a FOIA working day
    assert due.due == date(2026, 12, 1)
    assert working_days_left(due, date(2026, 11, 27)) == 1  # Friday: only Tuesday is left
    assert working_days_left(due, date(2026, 11, 28)) == 1  # the weekend and the holiday do not count
    assert working_days_left(due, date(2026, 12, 1)) == 0
    assert working_days_left(due, date(2026, 12, 5)) == -3  # Wed, Thu, Fri late
    scottish = due_date(date(2026, 11, 2), "FOISA")
    assert working_days_left(scottish, date(2026, 11, 27)) == 1


def test_case_rows_put_open_cases_by_due_date_first_and_sent_ones_last():
    from foi_precedent.cases.case_list import case_rows
    from foi_precedent.cases.review import Version

    def case(i, received):
        return {
            "id": i,
            "title": f"case {i}",
            "received": received,
            "regime": "FOIA",
            "nation": "england",
            "extension": None,
            "version_id": i,
        }

    versions = {
        1: Version(1, 1, "x", state=SENT, id=1),
        2: Version(2, 1, "x", drafted_by="alice", id=2),
        3: Version(3, 1, "x", state=IN_REVIEW, submitted_by="bob", id=3),
        4: Version(4, 1, "x", id=4),
    }
    cases = [
        case(1, "2026-09-01"),
        case(2, "2026-11-02"),
        case(3, "2026-09-01"),
        {"id": 4, "title": "undated", "version_id": 4},
    ]
    rows = case_rows(cases, versions, date(2026, 11, 27))
    assert [r.id for r in rows] == [3, 2, 4, 1]
    assert rows[0].overdue and rows[0].holder == "a reviewer (submitted by bob)"
    assert rows[1].days_left == 1 and rows[1].holder == "alice (drafting)"
    assert rows[2].due is None and not rows[3].overdue  # a sent case is never overdue
