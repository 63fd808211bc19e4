"""The stores' tables as SQLAlchemy Core sees them at the latest revision (``migrations/versions/``). The
revisions build the schema; these only describe it for queries, so a new column goes in both."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

# -- the index's store (retriever/store.py) -------------------------------------------------------------
INDEX = MetaData()

letters = Table(
    "letters",
    INDEX,
    Column("reference", Text, primary_key=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("source_path", Text),
    Column("data", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
    Column("written_reference", Text),
    Index("letters_written_reference", "written_reference"),
)

chunks = Table(
    "chunks",
    INDEX,
    Column("id", Text, primary_key=True),
    Column("reference", Text, ForeignKey("letters.reference", ondelete="CASCADE"), nullable=False),
    Column("label", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("metadata", Text, nullable=False),
    Index("chunks_reference", "reference"),
)

meta = Table(
    "meta",
    INDEX,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

question_vectors = Table(
    "question_vectors",
    INDEX,
    Column("reference", Text, primary_key=True),
    Column("label", Text, primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float32 bytes; BYTEA on PostgreSQL
)

letter_history = Table(
    "letter_history",
    INDEX,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", Text, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("source_path", Text),
    Column("data", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
    Column("removed_at", Text, nullable=False),
    Column("why", Text, nullable=False),
    Index("letter_history_reference", "reference"),
)

letter_supersessions = Table(
    "supersessions",
    INDEX,
    Column("reference", Text, primary_key=True),
    Column("superseded_by", Text, nullable=False),
    Column("reason", Text),
    Column("created_at", Text, nullable=False),
)

letter_corrections = Table(
    "corrections",
    INDEX,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", Text, nullable=False),  # not a foreign key: a correction outlives a re-ingest
    Column("label", Text, nullable=False),
    Column("treatments", Text, nullable=False),  # JSON lists
    Column("exemptions", Text, nullable=False),
    Column("ncnd", Text, nullable=False),
    Column("pointers", Text),  # NULL: the reading's pointers stand
    Column("officer", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Index("corrections_reference", "reference"),
)

split_corrections = Table(
    "splits",
    INDEX,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", Text, nullable=False),  # not a foreign key: a split correction outlives a re-ingest
    Column("questions", Text),  # JSON [{label, text}] in order; NULL: an undo, the reader's split
    Column("officer", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Index("splits_reference", "reference"),
)

# -- the audit log (foi_precedent/audit/log.py) ------------------------------------------------------------
AUDIT = MetaData()

checks = Table(
    "checks",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("source", Text),
    Column("reference", Text),
    Column("draft_hash", Text, nullable=False),
    Column("flags", Text, nullable=False),
    Column("precedents", Text, nullable=False),
    Column("user_name", Text),
)

drafts = Table(
    "drafts",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("request_hash", Text, nullable=False),
    Column("mode", Text, nullable=False),
    Column("model", Text),
    Column("prompt_version", Text),
    Column("precedents", Text, nullable=False),
    Column("flags", Text, nullable=False),
    Column("tokens", Text),
    Column("fallback_reason", Text),
    Column("user_name", Text),
)

overrides = Table(
    "overrides",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("draft_id", Integer, ForeignKey("drafts.id")),
    Column("check_id", Integer, ForeignKey("checks.id")),
    Column("label", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("message", Text),
    Column("reason", Text, nullable=False),
    Column("reviewer", Text),
    Column("user_name", Text),
    Column("version_id", Integer),  # the case version (audit/reviews.py, another store: no foreign key)
    Column("flag_key", Text),
    Index("overrides_version", "version_id"),
)

audit_supersessions = Table(
    "supersessions",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("superseded_by", Text),
    Column("reason", Text),
    Column("previous", Text),
    Column("user_name", Text),
)

audit_corrections = Table(
    "corrections",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("previous", Text, nullable=False),  # JSON: the reading the correction replaced
    Column("reading", Text, nullable=False),  # JSON: the reading it gave
    Column("reason", Text, nullable=False),
    Column("correction_id", Integer),  # the row in the index's store (another store: no foreign key)
    Column("user_name", Text),
)

audit_splits = Table(
    "split_corrections",
    AUDIT,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("previous", Text, nullable=False),  # JSON [{label, text}]: the split before
    Column("questions", Text, nullable=False),  # JSON [{label, text}]: the split after
    Column("undo", Integer, nullable=False),  # 1: back to the reader's split
    Column("reason", Text, nullable=False),
    Column("split_id", Integer),  # the row in the index's store (another store: no foreign key)
    Column("user_name", Text),
)

# -- the case store (foi_precedent/audit/reviews.py) -------------------------------------------------------
REVIEWS = MetaData()

cases = Table(
    "cases",
    REVIEWS,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("user_name", Text),
    Column("received", Text),  # ISO date
    Column("regime", Text),
    Column("nation", Text),
    Column("extension", Text),
    Column("due", Text),  # ISO date
    Column("request_text", Text),  # the request with the requester's identity removed, never as pasted
    Column("authority", Text),
    Column("request_source", Text),  # "the pasted request", or the uploaded file's name
    Column("request_questions", Text),  # JSON [{label, text}] a drafter set (None: the reader's split)
    Column("questions_set_by", Text),  # who set them, and when (ISO); None with the reader's split
    Column("questions_set_at", Text),
    Column("fees_notice", Text),  # ISO dates: the clock stands still from the fees notice to the fee
    Column("fee_received", Text),
    Column("clarification_sought", Text),  # and restarts from the clarification's arrival
    Column("clarification_received", Text),
    Column("compliance", Text),  # standard, school, archive or armed_forces (None: standard)
)

versions = Table(
    "versions",
    REVIEWS,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("drafted_by", Text),
    Column("submitted_by", Text),
    Column("flags", Text, nullable=False),
    Column("overrides", Text, nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("decided_by", Text),
    Column("decided_at", Text),
    Column("self_approved", Integer, nullable=False, server_default="0"),
    Column("user_name", Text),
    Column("edited_by", Text),  # who last saved the text, and when (ISO)
    Column("edited_at", Text),
    UniqueConstraint("case_id", "number"),
)

review_events = Table(
    "review_events",
    REVIEWS,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("created_at", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("from_state", Text, nullable=False),
    Column("to_state", Text, nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("self_approved", Integer, nullable=False, server_default="0"),
    Column("user_name", Text, nullable=False),
)
