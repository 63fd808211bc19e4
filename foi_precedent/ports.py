"""The ports: what the use cases need from the adapters, written down.

* :class:`PrecedentSearch` - what the checker and the plan need (a batched search and the corpus's pointers).
* :class:`PrecedentIndex` - what the app, the CLI, drafting and the evals use: the search with its filters, the
  letters, ingest. ``retriever.index.PrecedentIndex`` implements it; ``tests.fakes.MemoryIndex`` implements it
  over letters in memory, so no caller tells the two apart.
* :class:`StoredVectorIndex` - what the batch re-check reuses of an index that keeps its vectors (Chroma
  collection, SQLite store, bm25), so a letter already indexed is re-checked without embedding it again.
* :class:`ChatModel` - the one chat-model interface drafting talks to (adapters in ``foi_precedent.models``).
* :class:`IndexWrapper` - the base of every view of an index (one call at a time in the app, one draft's
  search memo, an eval's excluded references): anything it does not override is the wrapped index's.

Plain typing only: importing this module imports no adapter.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

    from foi_precedent.letters.model import Letter
    from foi_precedent.letters.precedent import Precedent

Progress = Callable[[int, int, str], None]  # done, total, what was just done


class PrecedentSearch(Protocol):
    """What the checker and the plan need from an index."""

    def search_many(
        self,
        queries: Sequence[str],
        k: int = 10,
        authority: str | None = None,
        exclude_references: Iterable[str] = (),
    ) -> list[list[Precedent]]: ...

    def known_pointer_keys(self) -> set[str]:
        """Every resource an indexed letter points to: a draft's pointer outside it may have been invented."""
        ...


class PrecedentIndex(PrecedentSearch, Protocol):
    """The precedent index as the application uses it. ``letter`` raises ``KeyError`` for an unknown reference;
    ``letters`` is a method (the whole corpus, read when asked)."""

    def search(
        self,
        query: str,
        k: int = 10,
        authority: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        exemption: str | Sequence[str] | None = None,
        treatment: str | Sequence[str] | None = None,
        exclude_references: Iterable[str] = (),
    ) -> list[Precedent]: ...

    def search_many(
        self,
        queries: Sequence[str],
        k: int = 10,
        authority: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        exemption: str | Sequence[str] | None = None,
        treatment: str | Sequence[str] | None = None,
        exclude_references: Iterable[str] = (),
    ) -> list[list[Precedent]]: ...

    def letter(self, reference: str) -> Letter: ...

    def letters(self) -> list[Letter]: ...

    def stats(self) -> dict: ...

    def readings_stale(self) -> int:
        """How many letters another version of the reader read (0: ``precedent reread`` is not needed)."""
        ...

    def ingest_paths(self, paths: Iterable[Any], progress: Progress | None = None) -> Any:
        """Add letters from files and folders; the report has ``letters``, ``skipped``, ``lines()``,
        ``summary()`` (``retriever.index.IngestReport``)."""
        ...


class StoredVectorIndex(PrecedentIndex, Protocol):
    """An index that keeps its vectors: the batch re-check reads them instead of embedding again
    (``foi_precedent.recheck.search``)."""

    store: Any  # retriever.store.Store: chunks, letters and question vectors in SQLite
    collection: Any  # the Chroma collection of chunk vectors

    def lexical(self) -> Any:
        """The bm25 index (``retriever.lexical.LexicalIndex``)."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def question_similarities(
        self, qvec: np.ndarray, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], float]: ...

    def search_many_by_vectors(
        self,
        queries: Sequence[str],
        vectors: Any,
        k: int = 10,
        authority: str | None = None,
        exclude_references: Iterable[str] = (),
    ) -> list[list[Precedent]]:
        """``search_many`` with the dense side queried by the given vectors (one per query) instead of embedding
        the queries; the lexical side still reads the query text."""
        ...


def is_stored_vector_index(index: object) -> bool:
    """True for an index (or a view of one) whose stored vectors the batch re-check can reuse."""
    return all(hasattr(index, a) for a in ("collection", "store", "lexical", "search_many_by_vectors"))


def pointer_keys(letters: Iterable[Letter]) -> set[str]:
    """The pointer keys of these letters' answers."""
    return {p.key for letter in letters for q in letter.questions for p in q.pointers}


class IndexWrapper:
    """A view of an index: subclasses override what they change; everything else is the wrapped index's."""

    def __init__(self, index: Any):
        self._index = index

    @property
    def wrapped(self) -> Any:
        return self._index

    def __getattr__(self, name: str) -> Any:
        if name == "_index":  # not yet set (e.g. while unpickling): never recurse
            raise AttributeError(name)
        return getattr(self._index, name)

    def known_pointer_keys(self) -> set[str]:
        """The wrapped index's, or (an index that does not keep them) those of its letters."""
        own = getattr(self._index, "known_pointer_keys", None)
        return own() if callable(own) else pointer_keys(self._index.letters())


class Message(TypedDict):
    role: str  # system | user | assistant
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """Streams a reply as text pieces. Raises ``ModelError`` when the endpoint is down, slow or broken;
    stops early (without error) when ``cancel`` is set, and before any of the ``stop`` strings (at most 4, as
    OpenAI allows). An adapter may also have a ``note`` (str or None) for the officer, e.g. which model stood in
    for one that is not installed."""

    name: str

    def stream(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float,
        timeout_s: float,
        cancel: threading.Event | None = None,
        stop: list[str] | None = None,
    ) -> Iterator[str]: ...
