"""Review and sign-off: each transition, each refusal (state, role, comment, own draft), and the store."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from foi_precedent.audit.reviews import CASE_STOPS, MIGRATIONS, ReviewStore
from foi_precedent.cases.case_list import CaseDates, case_row
from foi_precedent.cases.review import (
    APPROVED,
    CHANGES_REQUESTED,
    CONFLICT,
    DRAFTING,
    IN_REVIEW,
    IN_STEP,
    KEEP_OWN,
    SENT,
    TAKE_STORED,
    Actor,
    Version,
    approval_line,
    edit_text,
    new_version,
    reconcile,
    submit,
    transition,
)
from foi_precedent.errors import ReviewError
from foi_precedent.identity import DRAFTER, REVIEWER

AT = "2026-12-06T10:00:00+00:00"
DAN = Actor("dan", frozenset({DRAFTER}))
RITA = Actor("rita", frozenset({REVIEWER}))
BOTH = Actor("sam", frozenset({DRAFTER, REVIEWER}))
SOLE = Actor("officer", frozenset({DRAFTER, REVIEWER}), sole_user=True)
SCHEMA = len(MIGRATIONS) + 5  # the legacy list, then reviews_0003 to reviews_0007


def _in_review(by: Actor = DAN) -> Version:
    version, event = submit(
        Version(1, 1, "old"),
        by,
        AT,
        text="Dear Requester",
        flags=({"kind": "k"},),
        overrides=({"label": "Q1", "reason": "r", "by": by.name},),
    )
    assert event.from_state == DRAFTING and event.to_state == IN_REVIEW
    return version


def test_submit_keeps_the_text_flags_and_overrides_the_reviewer_will_see():
    v = _in_review()
    assert (v.state, v.text, v.submitted_by) == (IN_REVIEW, "Dear Requester", "dan")
    assert v.flags == ({"kind": "k"},) and v.overrides[0]["reason"] == "r"


def test_a_reviewer_approves_and_the_approval_is_dated():
    v, event = transition(_in_review(), "approve", RITA, AT)
    assert (v.state, v.decided_by, v.decided_at, v.self_approved) == (APPROVED, "rita", AT, False)
    assert event.action == "approve" and event.user_name == "rita"
    assert approval_line(v) == "Approved by rita on 2026-12-06"
    assert v.frozen


@pytest.mark.parametrize("action", ["approve", "request_changes"])
def test_a_drafter_cannot_decide_a_review(action):
    with pytest.raises(ReviewError, match="not a reviewer"):
        transition(_in_review(), action, DAN, AT, comment="fix Q2")


def test_a_reviewer_cannot_submit():
    with pytest.raises(ReviewError, match="not a drafter"):
        submit(Version(1, 1, ""), RITA, AT, text="x")


def test_request_changes_needs_a_comment_and_returns_the_draft():
    with pytest.raises(ReviewError, match="needs a comment"):
        transition(_in_review(), "request_changes", RITA, AT, comment="  ")
    v, _ = transition(_in_review(), "request_changes", RITA, AT, comment="Q2 needs the s31 harm test")
    assert (v.state, v.comment, v.decided_by) == (CHANGES_REQUESTED, "Q2 needs the s31 harm test", "rita")
    with pytest.raises(ReviewError, match="changes requested"):
        transition(v, "approve", RITA, AT)
    v, _ = transition(v, "revise", DAN, AT)
    assert v.state == DRAFTING and v.comment == "Q2 needs the s31 harm test"  # kept until resubmitted
    v, _ = submit(v, DAN, AT, text="Dear Requester, revised")
    assert (v.state, v.text, v.comment) == (IN_REVIEW, "Dear Requester, revised", "")


def test_nobody_approves_their_own_draft_except_the_sole_user_whose_approval_says_so():
    with pytest.raises(ReviewError, match="another reviewer"):
        transition(_in_review(BOTH), "approve", BOTH, AT)
    v, event = transition(_in_review(SOLE), "approve", SOLE, AT)
    assert v.state == APPROVED and v.self_approved and event.self_approved
    assert "their own draft" in approval_line(v)


def test_wrong_states_are_refused():
    with pytest.raises(ReviewError, match="drafting"):
        transition(Version(1, 1, "x"), "approve", RITA, AT)
    approved, _ = transition(_in_review(), "approve", RITA, AT)
    with pytest.raises(ReviewError, match="approved"):
        submit(approved, DAN, AT, text="edited")
    sent, _ = transition(approved, "send", DAN, AT)
    assert sent.state == SENT and approval_line(sent).startswith("Approved by rita")
    with pytest.raises(ReviewError, match="sent"):
        transition(sent, "send", DAN, AT)
    with pytest.raises(ReviewError, match="unknown"):
        transition(sent, "publish", DAN, AT)


def test_an_approved_draft_is_edited_as_a_new_version():
    approved, _ = transition(_in_review(), "approve", RITA, AT)
    copy = new_version(approved, DAN)
    assert (copy.number, copy.state, copy.text, copy.decided_by) == (2, DRAFTING, approved.text, None)
    assert approval_line(copy) == "NOT APPROVED"
    with pytest.raises(ReviewError, match="not approved"):
        new_version(copy, DAN)
    with pytest.raises(ReviewError, match="not a drafter"):
        new_version(approved, RITA)


def test_store_migrates_once(tmp_path):
    path = tmp_path / "cases.sqlite3"
    store = ReviewStore(path)
    assert store.migrate() == SCHEMA
    ReviewStore(path)  # reopening does not re-run them
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(versions)")}
        case_columns = {r[1] for r in conn.execute("PRAGMA table_info(cases)")}
        revision = conn.execute("SELECT version_num FROM alembic_version_reviews").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert (
        {"cases", "versions", "review_events"} <= tables and "user_name" in columns and "user" not in columns
    )
    assert {"edited_by", "edited_at"} <= columns
    assert {"request_text", "authority", "request_source"} <= case_columns
    assert set(CASE_STOPS) <= case_columns and "request_questions" in case_columns
    assert (revision, user_version) == ("reviews_0007", SCHEMA)


def test_a_case_store_written_before_alembic_opens_with_its_cases_kept(tmp_path):
    """The legacy format exactly: the first named migration applied by the old code path, a case in it."""
    from foi_precedent.migrations import migrate

    path = tmp_path / "cases.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:1], what="case store")
    conn.execute("INSERT INTO cases (created_at, title, user_name) VALUES ('2026-01-01', 'Old case', 'dan')")
    conn.execute(
        "INSERT INTO versions (case_id, number, created_at, text, state, drafted_by, flags, overrides, "
        "user_name) VALUES (1, 1, '2026-01-01', 'old text', 'drafting', 'dan', '[]', '[]', 'dan')"
    )
    conn.close()
    store = ReviewStore(path)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    assert (case["title"], case["received"], case["version_number"], case["version_state"]) == (
        "Old case",
        None,
        1,
        DRAFTING,
    )
    assert (case["request_text"], case["authority"], case["request_source"]) == (None, None, None)
    old = store.version(case["version_id"])
    assert (old.text, old.edited_by, old.edited_at) == ("old text", None, None)  # from before edits were kept
    v = store.submit(case["version_id"], DAN, text="new text")
    assert v.state == IN_REVIEW and [e["action"] for e in store.events()] == ["submit"]


def test_store_keeps_every_step(tmp_path, database_url):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)

    with pytest.raises(ReviewError, match="not a drafter"):
        store.start_case("FOI about drones", "draft one", RITA)
    assert store.versions() == []  # a refused start writes nothing
    v = store.start_case("FOI about drones", "draft one", DAN)
    v = store.submit(v.id, DAN, text="draft two", overrides=({"label": "Q1", "reason": "why", "by": "dan"},))
    assert [x.id for x in store.versions(IN_REVIEW)] == [v.id] and store.case_title(
        v.case_id
    ) == "FOI about drones"
    with pytest.raises(ReviewError):
        store.act(v.id, "approve", DAN)
    assert store.version(v.id).state == IN_REVIEW  # a refused step changes nothing
    v = store.act(v.id, "approve", RITA)
    assert (v.state, v.text, v.overrides[0]["reason"]) == (APPROVED, "draft two", "why")
    copy = store.new_version(v.id, DAN)
    assert (copy.number, copy.state, copy.text) == (2, DRAFTING, "draft two")
    assert store.version(v.id).state == APPROVED  # the approved one is untouched
    events = store.events(v.id)
    assert [(e["action"], e["user_name"]) for e in events] == [("submit", "dan"), ("approve", "rita")]


def test_cases_list_their_dates_and_latest_version(tmp_path, database_url):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case("FOI about drones", "draft one", DAN)
    store.set_case_dates(
        v.case_id, received="2026-11-02", regime="FOIA", nation="England", extension=None, due="2026-11-30"
    )
    (case,) = store.cases()
    assert case["title"] == "FOI about drones" and case["user_name"] == "dan" and case["created_at"]
    assert (case["received"], case["regime"], case["nation"], case["extension"], case["due"]) == (
        "2026-11-02",
        "FOIA",
        "England",
        None,
        "2026-11-30",
    )
    assert (case["version_id"], case["version_number"], case["version_state"]) == (v.id, 1, DRAFTING)
    v = store.submit(v.id, DAN, text="t")
    v = store.act(v.id, "approve", RITA)
    copy = store.new_version(v.id, DAN)
    assert store.case(v.case_id)["version_id"] == copy.id and store.case(v.case_id)["version_number"] == 2
    with pytest.raises(KeyError):
        store.case(999)
    with pytest.raises(KeyError):
        store.set_case_dates(999, received=None, regime=None, nation=None, extension=None, due=None)


def test_a_version_s_text_may_change_only_while_it_is_drafted_or_returned_and_only_by_a_drafter():
    v = edit_text(Version(1, 1, "first"), "second", DAN, AT)
    assert (v.text, v.edited_by, v.edited_at, v.state) == ("second", "dan", AT, DRAFTING)
    returned, _ = transition(_in_review(), "request_changes", RITA, AT, comment="Q2")
    assert edit_text(returned, "fixed", DAN, AT).text == "fixed"
    with pytest.raises(ReviewError, match="in review: its text cannot be changed"):
        edit_text(_in_review(), "x", DAN, AT)
    approved, _ = transition(_in_review(), "approve", RITA, AT)
    with pytest.raises(ReviewError, match="approved: .* a change starts a new version"):
        edit_text(approved, "x", DAN, AT)
    with pytest.raises(ReviewError, match="not a drafter"):
        edit_text(Version(1, 1, "first"), "x", RITA, AT)
    assert edit_text(Version(1, 1, "same"), "same", DAN, AT) is None  # nothing to write
    # another officer saved since this editor loaded "first": not overwritten
    assert edit_text(Version(1, 1, "theirs"), "mine", DAN, AT, base="first") is None
    assert edit_text(Version(1, 1, "first"), "mine", DAN, AT, base="first").text == "mine"


def test_submitting_a_changed_text_records_who_edited_it():
    v, _ = submit(Version(1, 1, "old", edited_by="ann", edited_at="t0"), DAN, AT, text="new")
    assert (v.edited_by, v.edited_at) == ("dan", AT)
    v, _ = submit(Version(1, 1, "same", edited_by="ann", edited_at="t0"), DAN, AT, text="same")
    assert (v.edited_by, v.edited_at) == ("ann", "t0")


@pytest.mark.parametrize(
    ("stored", "base", "own", "what"),
    [
        ("a", "a", "a", IN_STEP),
        ("b", "a", "a", TAKE_STORED),  # only the other officer edited: their text
        ("a", "a", "b", KEEP_OWN),  # only this session edited: its own, saved next
        ("b", "a", "c", CONFLICT),  # both: neither is dropped
        ("b", "a", "b", IN_STEP),  # both made the same text
        ("b", None, "c", CONFLICT),  # this session never saw the stored text
    ],
)
def test_reconcile_takes_another_officer_s_edits_only_when_this_session_made_none(stored, base, own, what):
    assert reconcile(stored, base, own) == what


def test_the_store_saves_a_drafting_text_as_it_is_edited(tmp_path, database_url):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case("FOI about drones", "draft one", DAN)
    assert (v.edited_by, v.text) == ("dan", "draft one") and v.edited_at
    other = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)  # another instance
    sam = Actor("sam", frozenset({DRAFTER}))
    saved = other.save_text(v.id, "draft two", sam, base="draft one")
    assert (saved.text, saved.edited_by) == ("draft two", "sam")
    assert store.version(v.id).text == "draft two"  # seen at once
    stale = store.save_text(v.id, "dan's draft", DAN, base="draft one")  # dan started from the old text
    assert (stale.text, stale.edited_by) == ("draft two", "sam")  # not overwritten: the caller sees theirs
    assert store.save_text(v.id, "dan's draft", DAN).edited_by == "dan"  # without a base: saved
    assert store.events(v.id) == []  # an edit is not a review step
    with pytest.raises(ReviewError, match="not a drafter"):
        store.save_text(v.id, "x", RITA)
    store.submit(v.id, DAN, text="dan's draft")
    with pytest.raises(ReviewError, match="in review"):
        store.save_text(v.id, "late edit", DAN)
    assert store.version(v.id).text == "dan's draft"  # a refused save changes nothing
    with pytest.raises(KeyError):
        store.save_text(999, "x", DAN)


# the first version of a case, as a store from reviews_0003 on (edited_by, edited_at) holds it
_OLD_VERSION = (
    "INSERT INTO versions (case_id, number, created_at, text, state, drafted_by, flags, overrides, user_name, "
    "edited_by, edited_at) VALUES (1, 1, '2026-01-01', 'old text', 'drafting', 'dan', '[]', '[]', 'dan', 'dan', "
    "'2026-01-01')"
)


def _store_at(tmp_path, database_url, revision: str):
    """A case store as an earlier release left it: migrated only up to ``revision``."""
    from foi_precedent.db import Database, database_url_for
    from foi_precedent.db.engine import _run_alembic

    path = tmp_path / "cases.sqlite3"
    db = Database(
        "reviews", database_url_for(path, database_url), what="case store", legacy=MIGRATIONS, baseline=1
    )
    with db.write() as conn:
        if not db.sqlite:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{db.schema}"')
        _run_alembic("reviews", conn, db.version_table, "upgrade", revision)
    return db, path


def test_the_edits_revision_upgrades_a_store_at_the_one_before_with_its_versions_kept(tmp_path, database_url):
    """A store the release before left (at reviews_0002, a version in it) gains the columns; its version names no
    editor until it is edited."""
    db, path = _store_at(tmp_path, database_url, "reviews_0002")
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO cases (created_at, title, user_name) VALUES ('2026-01-01', 'Old', 'dan')"
        )
        conn.exec_driver_sql(
            "INSERT INTO versions (case_id, number, created_at, text, state, drafted_by, flags, "
            "overrides, user_name) VALUES (1, 1, '2026-01-01', 'old text', 'drafting', 'dan', '[]', "
            "'[]', 'dan')"
        )
    db.dispose()
    store = ReviewStore(path, database_url=database_url)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    old = store.version(case["version_id"])
    assert (old.text, old.edited_by, old.edited_at) == ("old text", None, None)
    assert store.save_text(old.id, "new text", DAN).edited_by == "dan"


REQUEST_TEXT = "Dear FOI team,\n1. How many drones do you own?\n\nYours sincerely,\n[NAME]\n[EMAIL]"


def test_a_case_keeps_its_request_and_authority(tmp_path, database_url):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case(
        "Drones",
        "draft one",
        DAN,
        request_text=REQUEST_TEXT,
        authority="Kent Police",
        request_source="request.docx",
    )
    kept = ("request_text", "authority", "request_source")
    assert tuple(store.case(v.case_id)[k] for k in kept) == (REQUEST_TEXT, "Kent Police", "request.docx")
    other = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)  # another instance
    assert tuple(other.cases()[0][k] for k in kept) == (REQUEST_TEXT, "Kent Police", "request.docx")
    bare = store.start_case("No request", "draft", DAN)  # as callers from before: nothing kept
    assert tuple(store.case(bare.case_id)[k] for k in kept) == (None, None, None)
    with pytest.raises(ReviewError, match="not a drafter"):
        store.start_case("Refused", "draft", RITA, request_text=REQUEST_TEXT)
    assert len(store.cases()) == 2


def test_the_request_revision_upgrades_a_store_at_the_one_before_with_its_cases_kept(tmp_path, database_url):
    """A store the release before left (at reviews_0003, a case with its dates and a version in it) gains the
    request columns, empty for that case; the case still lists, opens and moves on."""
    db, path = _store_at(tmp_path, database_url, "reviews_0003")
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO cases (created_at, title, user_name, received, regime, due) VALUES "
            "('2026-01-01', 'Old', 'dan', '2026-11-02', 'FOIA', '2026-11-30')"
        )
        conn.exec_driver_sql(_OLD_VERSION)
    db.dispose()
    store = ReviewStore(path, database_url=database_url)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    assert (case["title"], case["received"], case["due"], case["version_number"]) == (
        "Old",
        "2026-11-02",
        "2026-11-30",
        1,
    )
    assert (case["request_text"], case["authority"], case["request_source"]) == (None, None, None)
    assert store.version(case["version_id"]).text == "old text"
    assert store.submit(case["version_id"], DAN, text="new text").state == IN_REVIEW
    new = store.start_case("New", "draft", DAN, request_text=REQUEST_TEXT, authority="Kent Police")
    assert store.case(new.case_id)["request_text"] == REQUEST_TEXT


def test_a_case_keeps_what_stops_or_varies_its_clock_and_the_list_uses_it(tmp_path, database_url):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case("Archive request", "draft", DAN)
    # FOIA, received Mon 2 Jun 2025, an archive (30 working days: Tue 15 Jul, test_clock), fees notice Wed 4 Jun
    # and fee Thu 5 Jun (two working days more: Wed 16, Thu 17 Jul 2025)
    dates = CaseDates.of(
        "2025-06-02",
        "FOIA",
        "england",
        compliance="archive",
        fees_notice="2025-06-04",
        fee_received="2025-06-05",
    )
    store.set_case_dates(v.case_id, **dates.store_fields())
    other = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)  # another instance
    case = other.case(v.case_id)
    assert {k: case[k] for k in CASE_STOPS} == {
        "fees_notice": "2025-06-04",
        "fee_received": "2025-06-05",
        "clarification_sought": None,
        "clarification_received": None,
        "compliance": "archive",
    }
    assert case["due"] == "2025-07-17" and CaseDates.from_case(case) == dates
    row = case_row(case, other.version(v.id), date(2025, 7, 16))
    assert (row.due, row.days_left) == (date(2025, 7, 17), 1)
    # a clarification replaces the fee: every field is written, the ones left out cleared
    dates = CaseDates.of("2025-06-02", clarification_sought="2025-06-03", clarification_received="2025-06-09")
    store.set_case_dates(v.case_id, **dates.store_fields())
    case = store.case(v.case_id)
    assert (case["fees_notice"], case["clarification_received"], case["compliance"]) == (
        None,
        "2025-06-09",
        "standard",
    )
    # 20 working days after Mon 9 Jun: 10-13, 16-20, 23-27, 30 Jun - 4 Jul, 7 Jul = 4 + 5 + 5 + 5 + 1: Mon 7 Jul
    assert case["due"] == "2025-07-07"


def test_the_clock_stops_revision_upgrades_a_store_at_the_one_before_with_its_cases_kept(
    tmp_path, database_url
):
    """A store the release before left (at reviews_0004, a case with its dates) gains the columns, empty for that
    case, which reads as a standard FOIA case with no stops and is listed with the due date it had."""
    db, path = _store_at(tmp_path, database_url, "reviews_0004")
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO cases (created_at, title, user_name, received, regime, nation, due, request_text) "
            "VALUES ('2026-01-01', 'Old', 'dan', '2026-11-02', 'FOIA', 'england', '2026-12-01', 'req')"
        )
        conn.exec_driver_sql(_OLD_VERSION)
    db.dispose()
    store = ReviewStore(path, database_url=database_url)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    assert {k: case[k] for k in CASE_STOPS} == dict.fromkeys(CASE_STOPS)
    assert (case["title"], case["request_text"], case["due"]) == ("Old", "req", "2026-12-01")
    dates = CaseDates.from_case(case)
    assert dates is not None and dates.fees_notice is None and dates.compliance.value == "standard"
    assert dates.due().due == date(2026, 12, 1)  # St Andrew's Day, Mon 30 Nov, skipped (test_cases)
    assert store.submit(case["version_id"], DAN, text="new text").state == IN_REVIEW


EDITED = [
    {"label": "Q1", "text": "How many drones do you own?"},
    {"label": "Q1a", "text": "Of those, how many carry cameras? Reply to [EMAIL]."},
]


def test_a_case_keeps_the_questions_a_drafter_set_and_they_change_only_while_it_is_drafted(
    tmp_path, database_url
):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case("Drones", "draft one", DAN, request_text=REQUEST_TEXT, request_questions=EDITED)
    other = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)  # another instance
    assert other.case(v.case_id)["request_questions"] == EDITED
    assert other.cases()[0]["request_questions"] == EDITED
    plain = store.start_case("Read as split", "draft", DAN, request_text=REQUEST_TEXT)
    assert store.case(plain.case_id)["request_questions"] is None  # the reader's split: NULL
    assert store.case(plain.case_id)["request_text"] == REQUEST_TEXT

    # who set them and when is kept with them (nobody for the reader's split)
    assert other.case(v.case_id)["questions_set_by"] == DAN.name and other.case(v.case_id)["questions_set_at"]
    assert store.case(plain.case_id)["questions_set_by"] is None
    # a drafter changes them while the case is drafted; None goes back to the reader's split
    store.set_case_questions(plain.case_id, EDITED[:1], DAN)
    assert other.case(plain.case_id)["request_questions"] == EDITED[:1]
    assert other.case(plain.case_id)["questions_set_by"] == DAN.name
    store.set_case_questions(plain.case_id, None, DAN)
    assert other.case(plain.case_id)["request_questions"] is None
    assert (other.case(plain.case_id)["questions_set_by"], other.case(plain.case_id)["questions_set_at"]) == (
        None,
        None,
    )
    with pytest.raises(ReviewError, match="not a drafter"):
        store.set_case_questions(v.case_id, EDITED[:1], RITA)
    with pytest.raises(KeyError):
        store.set_case_questions(999, EDITED, DAN)

    # not once its draft is submitted, approved or sent: those are the questions it answers
    store.submit(v.id, DAN, text="draft one")
    with pytest.raises(ReviewError, match="in review: its questions cannot be changed"):
        store.set_case_questions(v.case_id, EDITED[:1], DAN)
    approved = store.act(v.id, "approve", RITA)
    with pytest.raises(ReviewError, match="approved"):
        store.set_case_questions(v.case_id, EDITED[:1], DAN)
    assert store.case(v.case_id)["request_questions"] == EDITED  # a refused change writes nothing
    store.new_version(approved.id, DAN)  # a new version is drafted: its questions may change again
    store.set_case_questions(v.case_id, EDITED[:1], DAN)
    assert store.case(v.case_id)["request_questions"] == EDITED[:1]


def test_a_case_s_title_follows_its_questions_in_the_same_write_and_a_refused_change_keeps_it(
    tmp_path, database_url
):
    store = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)
    v = store.start_case("Kent Police: How many drones?", "draft", DAN, request_text=REQUEST_TEXT)
    other = ReviewStore(tmp_path / "cases.sqlite3", database_url=database_url)  # another instance
    store.set_case_questions(v.case_id, EDITED, DAN, title="Kent Police: How many drones do you own?")
    assert other.case_title(v.case_id) == "Kent Police: How many drones do you own?"
    assert other.cases()[0]["title"] == "Kent Police: How many drones do you own?"
    store.set_case_questions(v.case_id, EDITED[:1], DAN)  # no title given: the title stays
    assert other.case(v.case_id)["title"] == "Kent Police: How many drones do you own?"
    assert other.case(v.case_id)["request_questions"] == EDITED[:1]

    store.submit(v.id, DAN, text="draft")  # refused in review: neither the questions nor the title change
    with pytest.raises(ReviewError, match="in review"):
        store.set_case_questions(v.case_id, EDITED, DAN, title="Kent Police: something else")
    assert other.case_title(v.case_id) == "Kent Police: How many drones do you own?"
    with pytest.raises(ReviewError, match="not a drafter"):
        store.set_case_questions(v.case_id, EDITED, RITA, title="Kent Police: something else")
    assert other.case(v.case_id)["request_questions"] == EDITED[:1]


def test_the_questions_revision_upgrades_a_store_at_the_one_before_with_its_cases_kept(
    tmp_path, database_url
):
    """A store the release before left (at reviews_0005, a case with its request, dates and stops) gains the
    column, NULL for that case, which reads as before and whose questions may now be set."""
    db, path = _store_at(tmp_path, database_url, "reviews_0005")
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO cases (created_at, title, user_name, received, regime, nation, due, request_text, "
            "authority, request_source, fees_notice, compliance) VALUES ('2026-01-01', 'Old', 'dan', "
            "'2026-11-02', 'FOIA', 'england', '2026-12-01', 'req', 'Kent Police', 'request.docx', "
            "'2026-11-03', 'standard')"
        )
        conn.exec_driver_sql(_OLD_VERSION)
    db.dispose()
    store = ReviewStore(path, database_url=database_url)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    assert (case["title"], case["request_text"], case["authority"], case["request_source"]) == (
        "Old",
        "req",
        "Kent Police",
        "request.docx",
    )
    assert (case["due"], case["fees_notice"], case["request_questions"]) == ("2026-12-01", "2026-11-03", None)
    assert store.version(case["version_id"]).text == "old text"
    store.set_case_questions(case["id"], EDITED, DAN)
    assert store.case(case["id"])["request_questions"] == EDITED


def test_the_questions_set_by_revision_upgrades_a_store_at_the_one_before_with_its_cases_kept(
    tmp_path, database_url
):
    """A store at reviews_0006 with a case whose questions a drafter set: the case keeps them, and who set them
    reads as unknown (None) until they are set again."""
    db, path = _store_at(tmp_path, database_url, "reviews_0006")
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO cases (created_at, title, user_name, request_text, request_questions) VALUES "
            "('2026-01-01', 'Old', 'dan', 'req', '[{\"label\": \"Q1\", \"text\": \"How many drones?\"}]')"
        )
        conn.exec_driver_sql(_OLD_VERSION)
    db.dispose()
    store = ReviewStore(path, database_url=database_url)
    assert store.migrate() == SCHEMA
    (case,) = store.cases()
    assert case["request_questions"] == [{"label": "Q1", "text": "How many drones?"}]
    assert (case["questions_set_by"], case["questions_set_at"]) == (None, None)
    store.set_case_questions(case["id"], EDITED, DAN)
    assert store.case(case["id"])["questions_set_by"] == "dan"
