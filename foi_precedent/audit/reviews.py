"""The store of cases, their draft versions and every review step: SQLite under PRECEDENT_HOME, or PostgreSQL
with PRECEDENT_DATABASE_URL (``foi_precedent.db``).

SQLAlchemy Core and Alembic revisions (``foi_precedent/db/migrations/versions/reviews/``), as ``audit/log.py``;
``MIGRATIONS`` are the named SQLite migrations from before Alembic, frozen. The
transitions themselves are decided in ``foi_precedent.cases.review``; this only keeps their results. A
version's row holds its current state and text (saved as it is edited, with who saved it last and when);
``review_events`` holds every step, who took it and when (an edit is not a step). A case keeps its request as
sent to the index and the model, with the requester's identity removed (``Request.text``: never the text as
pasted, which names the requester), the authority answering and where the request came from, so any instance
opening it finds its questions and precedents again; and, where a drafter set the questions by hand (the reader
split the request otherwise), those questions (``request_questions``), which stand in for the reader's split.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update

from foi_precedent.cases.review import (
    DRAFTING,
    STATE_WORDS,
    Actor,
    Event,
    Version,
    edit_text,
    first_version,
    new_version,
    submit,
    transition,
)
from foi_precedent.db import Database, database_url_for
from foi_precedent.db.tables import cases, review_events, versions
from foi_precedent.errors import ReviewError
from foi_precedent.identity import DRAFTER
from foi_precedent.migrations import Migration

#: the named SQLite migrations from before Alembic: frozen (the first Alembic revision is the first one)
MIGRATIONS: list[Migration] = [
    # 1: cases, their versions, and each review step. Not "user": PostgreSQL reserves that word.
    Migration(
        "cases_versions_reviews",
        """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        title TEXT NOT NULL,
        user_name TEXT
    );
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        number INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        state TEXT NOT NULL,
        drafted_by TEXT,
        submitted_by TEXT,
        flags TEXT NOT NULL,
        overrides TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        decided_by TEXT,
        decided_at TEXT,
        self_approved INTEGER NOT NULL DEFAULT 0,
        user_name TEXT,
        UNIQUE (case_id, number)
    );
    CREATE TABLE review_events (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versions(id),
        created_at TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        self_approved INTEGER NOT NULL DEFAULT 0,
        user_name TEXT NOT NULL
    );
    """,
    ),
    # 2: the request's dates and regime, for the case list: received and due are ISO dates; regime, nation and
    # extension are as the Draft page names them. All nullable: a case started before this has none.
    Migration(
        "case_dates",
        """
    ALTER TABLE cases ADD COLUMN received TEXT;
    ALTER TABLE cases ADD COLUMN regime TEXT;
    ALTER TABLE cases ADD COLUMN nation TEXT;
    ALTER TABLE cases ADD COLUMN extension TEXT;
    ALTER TABLE cases ADD COLUMN due TEXT;
    """,
    ),
]

CASE_DATES = ("received", "regime", "nation", "extension", "due")
CASE_STOPS = ("fees_notice", "fee_received", "clarification_sought", "clarification_received", "compliance")
CASE_REQUEST = (
    "request_text",
    "authority",
    "request_source",
    "request_questions",
    "questions_set_by",
    "questions_set_at",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(row) -> Version:
    row = row._mapping
    return Version(
        case_id=row["case_id"],
        number=row["number"],
        text=row["text"],
        state=row["state"],
        drafted_by=row["drafted_by"] or "",
        submitted_by=row["submitted_by"],
        flags=tuple(json.loads(row["flags"])),
        overrides=tuple(json.loads(row["overrides"])),
        comment=row["comment"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"],
        self_approved=bool(row["self_approved"]),
        edited_by=row["edited_by"],
        edited_at=row["edited_at"],
        id=row["id"],
    )


def _questions_json(questions: list[dict] | None) -> str | None:
    """The drafter's questions as the store keeps them: JSON ``[{label, text}]``; None (the reader's split) for
    none."""
    if not questions:
        return None
    return json.dumps([{"label": str(q["label"]), "text": str(q["text"])} for q in questions])


def _questions_set(questions: list[dict] | None, actor: Actor) -> dict:
    """Who set a case's questions by hand and when; nobody for the reader's split."""
    return (
        {"questions_set_by": actor.name, "questions_set_at": now()}
        if questions
        else {
            "questions_set_by": None,
            "questions_set_at": None,
        }
    )


def _case(row) -> dict:
    case = dict(row._mapping)
    kept = case.get("request_questions")
    case["request_questions"] = json.loads(kept) if kept else None
    return case


def _cases_query():
    """Each case with its dates, its request and its latest version's id, number and state."""
    latest = (
        select(versions.c.case_id, func.max(versions.c.number).label("number"))
        .group_by(versions.c.case_id)
        .subquery()
    )
    c, v = cases.c, versions.c
    return select(
        c.id,
        c.title,
        c.created_at,
        c.user_name,
        *(c[name] for name in CASE_DATES + CASE_STOPS + CASE_REQUEST),
        v.id.label("version_id"),
        v.number.label("version_number"),
        v.state.label("version_state"),
    ).select_from(
        cases.outerjoin(latest, latest.c.case_id == c.id).outerjoin(
            versions, (v.case_id == c.id) & (v.number == latest.c.number)
        )
    )


class ReviewStore:
    """``path`` is the SQLite file; ``database_url`` (else PRECEDENT_DATABASE_URL) puts the store in that
    database instead."""

    what = "case store"

    def __init__(self, path: Path, database_url: str | None = None):
        self.path = Path(path)
        self.db = Database(
            "reviews",
            database_url_for(self.path, database_url),
            what=self.what,
            legacy=MIGRATIONS,
            baseline=1,
        )
        self.migrate()

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        self.db.migrate()
        return self.db.schema_version()

    def close(self) -> None:
        self.db.dispose()

    # --- reading ---------------------------------------------------------------------------------------

    def version(self, version_id: int) -> Version:
        with self.db.read() as conn:
            row = conn.execute(select(versions).where(versions.c.id == version_id)).first()
        if row is None:
            raise KeyError(version_id)
        return _version(row)

    def versions(self, state: str | None = None) -> list[Version]:
        query = select(versions).order_by(versions.c.id)
        if state is not None:
            query = query.where(versions.c.state == state)
        with self.db.read() as conn:
            return [_version(r) for r in conn.execute(query)]

    def case_title(self, case_id: int) -> str:
        with self.db.read() as conn:
            title = conn.execute(select(cases.c.title).where(cases.c.id == case_id)).scalar()
        return title or ""

    def cases(self) -> list[dict]:
        """Every case with its dates, its request and its latest version's id, number and state, oldest first."""
        with self.db.read() as conn:
            return [_case(r) for r in conn.execute(_cases_query().order_by(cases.c.id))]

    def case(self, case_id: int) -> dict:
        with self.db.read() as conn:
            row = conn.execute(_cases_query().where(cases.c.id == case_id)).first()
        if row is None:
            raise KeyError(case_id)
        return _case(row)

    def events(self, version_id: int | None = None) -> list[dict]:
        query = select(review_events).order_by(review_events.c.id)
        if version_id is not None:
            query = query.where(review_events.c.version_id == version_id)
        with self.db.read() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # --- writing ---------------------------------------------------------------------------------------

    @staticmethod
    def _insert_version(conn: Connection, v: Version, user: str) -> int:
        at = now()  # its text is saved now, by whoever makes it
        return conn.execute(
            insert(versions).values(
                case_id=v.case_id,
                number=v.number,
                created_at=at,
                text=v.text,
                state=v.state,
                drafted_by=v.drafted_by,
                flags=json.dumps(list(v.flags)),
                overrides=json.dumps(list(v.overrides)),
                user_name=user,
                edited_by=user,
                edited_at=at,
            )
        ).inserted_primary_key[0]

    @staticmethod
    def _save(conn: Connection, v: Version, event: Event) -> None:
        conn.execute(
            update(versions)
            .where(versions.c.id == v.id)
            .values(
                text=v.text,
                state=v.state,
                submitted_by=v.submitted_by,
                flags=json.dumps(list(v.flags)),
                overrides=json.dumps(list(v.overrides)),
                comment=v.comment,
                decided_by=v.decided_by,
                decided_at=v.decided_at,
                self_approved=int(v.self_approved),
                edited_by=v.edited_by,
                edited_at=v.edited_at,
            )
        )
        conn.execute(
            insert(review_events).values(
                version_id=v.id,
                created_at=event.at,
                action=event.action,
                from_state=event.from_state,
                to_state=event.to_state,
                comment=event.comment,
                self_approved=int(event.self_approved),
                user_name=event.user_name,
            )
        )

    def start_case(
        self,
        title: str,
        text: str,
        actor: Actor,
        *,
        request_text: str | None = None,
        authority: str | None = None,
        request_source: str | None = None,
        request_questions: list[dict] | None = None,
    ) -> Version:
        """A new case with its first version, in drafting. ``request_text`` is the request with the requester's
        identity removed, as sent to the index and the model (``Request.text``), never the text as pasted:
        the store is shared by the team and keeps it for as long as the case. ``request_questions``, the
        questions a drafter set by hand (``[{label, text}]``, identity removed), stand in for the reader's split of
        it; None keeps the reader's."""
        first_version(0, text, actor)  # refused before anything is written
        with self.db.write() as conn:
            case_id = conn.execute(
                insert(cases).values(
                    created_at=now(),
                    title=title,
                    user_name=actor.name,
                    request_text=request_text or None,
                    authority=authority or None,
                    request_source=request_source or None,
                    request_questions=_questions_json(request_questions),
                    **_questions_set(request_questions, actor),
                )
            ).inserted_primary_key[0]
            version_id = self._insert_version(conn, first_version(case_id, text, actor), actor.name)
        return self.version(version_id)

    def set_case_dates(
        self,
        case_id: int,
        *,
        received: str | None,
        regime: str | None,
        nation: str | None,
        extension: str | None,
        due: str | None,
        fees_notice: str | None = None,
        fee_received: str | None = None,
        clarification_sought: str | None = None,
        clarification_received: str | None = None,
        compliance: str | None = None,
    ) -> None:
        """Record the request's dates and regime, and what stops or varies its clock (ISO dates; every field is
        written, so one left out is cleared)."""
        with self.db.write() as conn:
            done = conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(
                    received=received,
                    regime=regime,
                    nation=nation,
                    extension=extension,
                    due=due,
                    fees_notice=fees_notice,
                    fee_received=fee_received,
                    clarification_sought=clarification_sought,
                    clarification_received=clarification_received,
                    compliance=compliance,
                )
            )
            if done.rowcount == 0:
                raise KeyError(case_id)

    def set_case_questions(
        self, case_id: int, questions: list[dict] | None, actor: Actor, *, title: str | None = None
    ) -> None:
        """Keep the questions a drafter set for the case's request (``[{label, text}]``; None: the reader's split
        again), and with them ``title``, the case's title taken from them (None keeps the title). Only while the
        case's latest version is being drafted, and only by a drafter: the questions are what its draft answers,
        and a draft in review, approved or sent answers the ones it was written for."""
        if DRAFTER not in actor.roles:
            raise ReviewError(f"{actor.name} is not a drafter: only a drafter can change a case's questions")
        with self.db.write() as conn:
            if conn.execute(select(cases.c.id).where(cases.c.id == case_id)).first() is None:
                raise KeyError(case_id)
            # its latest version's row locked: a submit at the same moment waits for this, or this for it (SQLite:
            # the write lock taken at BEGIN IMMEDIATE), so the questions never change under a submitted draft
            state = conn.execute(
                select(versions.c.state)
                .where(versions.c.case_id == case_id)
                .order_by(versions.c.number.desc())
                .limit(1)
                .with_for_update()
            ).scalar()
            if state != DRAFTING:
                words = STATE_WORDS.get(state, "without a draft")
                raise ReviewError(
                    f"this case's draft is {words}: its questions cannot be changed now (they are the ones the "
                    "draft was written for)"
                )
            changed: dict = {
                "request_questions": _questions_json(questions),
                **_questions_set(questions, actor),
            }
            if title:
                changed["title"] = title
            conn.execute(update(cases).where(cases.c.id == case_id).values(**changed))

    def submit(self, version_id: int, actor: Actor, *, text: str, flags=(), overrides=()) -> Version:
        return self._apply(
            version_id, lambda v: submit(v, actor, now(), text=text, flags=flags, overrides=overrides)
        )

    def act(self, version_id: int, action: str, actor: Actor, comment: str = "") -> Version:
        """Approve, request changes, revise or send (``cases.review.transition`` decides whether it may)."""
        return self._apply(version_id, lambda v: transition(v, action, actor, now(), comment=comment))

    def save_text(self, version_id: int, text: str, actor: Actor, *, base: str | None = None) -> Version:
        """Save a version's text as it is edited, so every session sees it (``cases.review.edit_text`` decides
        whether it may: drafting or changes requested, by a drafter). With ``base``, the stored text this editor
        started from, nothing is written if someone else saved another text since. Returns the version as stored:
        its text is ``text`` unless that happened."""
        with self.db.write() as conn:
            row = conn.execute(select(versions).where(versions.c.id == version_id).with_for_update()).first()
            if row is None:
                raise KeyError(version_id)
            edited = edit_text(_version(row), text, actor, now(), base=base)
            if edited is not None:
                conn.execute(
                    update(versions)
                    .where(versions.c.id == version_id)
                    .values(text=edited.text, edited_by=edited.edited_by, edited_at=edited.edited_at)
                )
        return self.version(version_id)

    def _apply(self, version_id: int, step) -> Version:
        # two reviewers acting at once: the second waits for the first and sees its state (SQLite: the write
        # lock taken at BEGIN IMMEDIATE; PostgreSQL: the version's row locked FOR UPDATE)
        with self.db.write() as conn:
            row = conn.execute(select(versions).where(versions.c.id == version_id).with_for_update()).first()
            if row is None:
                raise KeyError(version_id)
            updated, event = step(_version(row))
            self._save(conn, updated, event)
        return self.version(version_id)

    def new_version(self, version_id: int, actor: Actor) -> Version:
        """Edit a frozen version: a copy of it, numbered next, in drafting."""
        with self.db.write() as conn:
            row = conn.execute(select(versions).where(versions.c.id == version_id)).first()
            if row is None:
                raise KeyError(version_id)
            current = _version(row)
            # the case's row locked: two copies made at once are numbered one after the other
            conn.execute(select(cases.c.id).where(cases.c.id == current.case_id).with_for_update())
            latest = conn.execute(
                select(func.max(versions.c.number)).where(versions.c.case_id == current.case_id)
            ).scalar()
            copy = new_version(current, actor)
            copy = Version(copy.case_id, latest + 1, copy.text, drafted_by=copy.drafted_by)
            new_id = self._insert_version(conn, copy, actor.name)
        return self.version(new_id)
