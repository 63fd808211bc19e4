"""Composition root: builds the adapters (index, chat model, audit log, review store) once and hands them to use cases.

The CLI builds one ``Services`` per command; the app builds one per process (st.cache_resource).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from foi_precedent.errors import LetterError
from foi_precedent.letters.model import Letter
from foi_precedent.letters.parser import parse_document
from foi_precedent.letters.sources import Document, document_from_bytes, read_document
from foi_precedent.ports import ChatModel, Message
from foi_precedent.settings import Settings

MAX_DRAFT_BYTES = 1024 * 1024  # a draft reply is a few pages; anything larger is not a draft


def load_letter_file(path: str | Path, max_bytes: int = MAX_DRAFT_BYTES) -> Letter:
    """Read and parse a draft or request file, refusing anything that cannot be a single letter."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > max_bytes:
        size = path.stat().st_size / 2**20
        raise LetterError(
            str(path),
            f"the file is {size:.1f} MB; a draft or request over {max_bytes // 2**20} MB "
            "is not a letter (split it, or ingest it as a corpus)",
        )
    return parse_document(read_document(path))


def load_letter_bytes(data: bytes, name: str, max_bytes: int = MAX_DRAFT_BYTES) -> Letter:
    if len(data) > max_bytes:
        raise LetterError(
            name,
            f"the file is {len(data) / 2**20:.1f} MB; a draft or request over "
            f"{max_bytes // 2**20} MB is not a letter",
        )
    return parse_document(document_from_bytes(data, name, Path(name).suffix or ".txt"))


def load_letter_text(text: str, name: str = "pasted text") -> Letter:
    if not text.strip():
        raise LetterError(name, "nothing was entered")
    return load_letter_bytes(text.encode("utf-8"), name + ".txt")


def read_text_document(path: str | Path) -> Document:
    return read_document(path)


class LazyChatModel:
    """A ``ChatModel`` built on first use: a precedent-only draft never starts the embedded server. Building
    may raise ``SetupError`` or ``ModelError`` (from ``name``, ``note`` or ``stream``), which drafting turns into
    the precedent-only draft with the reason, as for a model that fails while writing."""

    def __init__(self, build: Callable[[], ChatModel]):
        self._build = build
        self._model: ChatModel | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> ChatModel:
        with self._lock:
            if self._model is None:
                self._model = self._build()
            return self._model

    @property
    def built(self) -> bool:
        return self._model is not None

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def note(self) -> str | None:
        return getattr(self.model, "note", None)

    def stream(self, messages: list[Message], **kwargs) -> Iterator[str]:
        return self.model.stream(messages, **kwargs)


@dataclass
class Services:
    settings: Settings = field(default_factory=Settings.from_env)
    embedding_function: object | None = None

    def __post_init__(self) -> None:
        from foi_precedent import assets

        self.settings.home.mkdir(parents=True, exist_ok=True)
        assets.activate_tiktoken(self.settings)

    @cached_property
    def index(self):
        from retriever.index import PrecedentIndex

        return PrecedentIndex.open(self.settings, embedding_function=self.embedding_function)

    @cached_property
    def audit(self):
        from foi_precedent.audit.log import AuditLog

        return AuditLog(self.settings.audit_db, database_url=self.settings.database_url)

    @cached_property
    def reviews(self):
        """Cases, their draft versions and review steps (``foi_precedent.audit.reviews``)."""
        from foi_precedent.audit.reviews import ReviewStore

        return ReviewStore(self.settings.cases_db, database_url=self.settings.database_url)

    @cached_property
    def chat_model(self) -> LazyChatModel:
        """The configured endpoint, else the embedded llama.cpp server, started when a draft first needs it."""

        def build() -> ChatModel:
            from foi_precedent.models.factory import chat_model_from_settings

            return chat_model_from_settings(self.settings)

        return LazyChatModel(build)
