"""The precedent index: past letters, question by question, searchable by meaning and by words.

Three stores, one source of truth:

* SQLite (``store.py``) holds letters and chunks; it decides what is indexed.
* Chroma holds one vector per chunk (ids ``reference::label::seq``) for the dense side.
* bm25s (``lexical.py``) is rebuilt from SQLite when chunk texts changed; its filter columns follow every change.

Ingest writes Chroma first (idempotent upserts), then commits the letters and chunks to SQLite in one
transaction, then deletes stale vectors. A ``dirty`` marker file exists while an ingest runs; if a run dies
half-way the next open (or ingest) reconciles Chroma with SQLite. Search never returns a vector whose id is
not in SQLite, so a crash can leave at worst a few unused vectors behind.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import shlex
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from foi_precedent.corrections import Correction
from foi_precedent.errors import IndexError_, LetterError
from foi_precedent.letters.model import Letter, Question, letter_from_dict, pointer_key
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.reader_version import reader_version
from foi_precedent.letters.referring import in_context
from foi_precedent.letters.sources import SUPPORTED
from foi_precedent.letters.versions import WRITTEN_REFERENCE, identity, version_key
from foi_precedent.settings import Settings
from foi_precedent.splits import SplitCorrection
from retriever.chunking import (
    CHUNK_FORMAT,
    Chunk,
    chroma_metadata,
    chunks_for_letter,
    embed_text,
    expand_acronyms,
    question_text,
    text_sha,
    with_reading,
)
from retriever.filters import Filters
from retriever.lexical import TOKENIZER_VERSION, LexicalIndex
from retriever.store import STORE_FILE, Store, jsonable, letter_record

COLLECTION = "precedents"
EMBED_BATCH = 64
FLUSH_CHUNKS = 1024  # chunks embedded and committed together during an ingest
CHROMA_BATCH = 1000
RRF_K = 60
DIRTY_FILE = "dirty"
READ_BY = "reader_version"  # the store's meta key: the reader that read every letter (``reader_version``)

EmbeddingFunction = Callable[[list[str]], Any]
Progress = Callable[[int, int, str], None]


# --------------------------------------------------------------------------------------------------
# ingest report
# --------------------------------------------------------------------------------------------------


@dataclass
class IngestEntry:
    path: str
    status: str  # added | replaced | unchanged | skipped
    reference: str | None = (
        None  # the stored key (the written reference, or it plus a hash: see _version_key)
    )
    reason: str | None = None
    questions: int = 0
    note: str | None = None  # e.g. another letter already has this reference: both are kept
    no_decision: bool = False  # read, but no decision found in it: every question `other`, for review


@dataclass
class IngestReport:
    letters: int = (
        0  # letters added (new letters, including a second letter with a reference already indexed)
    )
    replaced: int = 0  # letters whose file changed: the new text replaced the old, which is kept as history
    unchanged: int = 0
    questions: int = 0  # chunks added (for added and replaced letters)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # bad entries: the exit code is 2
    entries: list[IngestEntry] = field(default_factory=list)
    same_reference: list[tuple[str, str]] = field(
        default_factory=list
    )  # kept beside a letter with its reference
    not_read: list[tuple[str, str]] = field(default_factory=list)  # folder entries that are not letters
    # letters indexed with no decision found in them (every question `other`, marked for review): a person reads them
    no_decision: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.skipped else 0

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))
        self.entries.append(IngestEntry(path, "skipped", reason=reason))

    def lines(self) -> list[str]:
        """One line for each entry that was not simply added, replaced or unchanged."""
        return (
            [f"skipped {p}: {r}" for p, r in self.skipped]
            + [f"not read {p}: {r}" for p, r in self.not_read]
            + [f"kept both {p}: {r}" for p, r in self.same_reference]
            + [f"to read {p}: no decision found in the letter; correct its reading" for p in self.no_decision]
        )

    def summary(self) -> str:
        parts = [f"{self.letters} letter{'s' if self.letters != 1 else ''} added"]
        parts.append(
            f"{self.replaced} replaced" + (" (earlier text kept as history)" if self.replaced else "")
        )
        parts.append(f"{self.unchanged} unchanged")
        parts.append(f"{self.questions} chunk{'s' if self.questions != 1 else ''} indexed")
        parts.append(f"{len(self.skipped)} skipped")
        if self.same_reference:
            n = len(self.same_reference)
            parts.append(f"{n} kept beside another letter with {'its' if n == 1 else 'their'} reference")
        if self.not_read:
            parts.append(f"{len(self.not_read)} not letters, not read")
        if self.no_decision:
            parts.append(f"{len(self.no_decision)} with no decision found, to read")
        return "Ingest: " + ", ".join(parts) + "."

    def to_dict(self) -> dict:
        kept = {e.path: e.reference for e in self.entries if e.note}
        return {
            "letters": self.letters,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "questions": self.questions,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "same_reference": [
                {"path": p, "reference": kept.get(p), "reason": r} for p, r in self.same_reference
            ],
            "not_read": [{"path": p, "reason": r} for p, r in self.not_read],
            "no_decision": list(self.no_decision),
            "exit_code": self.exit_code,
        }


@dataclass
class RereadReport:
    """What ``PrecedentIndex.reread`` did: the letters read again, those read differently (indexed again, or in a
    dry run those that would be), and those that could not be read now (they keep their reading)."""

    dry_run: bool = False
    letters: int = 0
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        verb = "would read differently" if self.dry_run else "read differently"
        return [f"{verb} {k}" for k in self.changed] + [f"kept {k}: {r}" for k, r in self.kept]

    def summary(self) -> str:
        done = "would be indexed again" if self.dry_run else "indexed again"
        return (
            f"Re-read: {self.letters} letter{'s' if self.letters != 1 else ''} read again, {len(self.changed)} read "
            f"differently ({done}), {self.unchanged} unchanged, {len(self.kept)} could not be read "
            "(their reading kept)."
        )

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "letters": self.letters,
            "changed": list(self.changed),
            "unchanged": self.unchanged,
            "kept": [{"reference": k, "reason": r} for k, r in self.kept],
        }


class _Batch:
    """Letters read and waiting to be written (ingest, re-read): written ``FLUSH_CHUNKS`` chunks at a time by
    ``write``, the rest at ``close``."""

    def __init__(self, write: Callable[[list[tuple[Letter, str, list[Chunk], IngestEntry]]], None]):
        self.write = write
        self.items: list[tuple[Letter, str, list[Chunk], IngestEntry]] = []
        self.chunks = 0

    def add(self, letter: Letter, source: str, chunks: list[Chunk], entry: IngestEntry) -> None:
        self.items.append((letter, source, chunks, entry))
        self.chunks += len(chunks)
        if self.chunks >= FLUSH_CHUNKS:
            self.close()

    def close(self) -> None:
        if self.items:
            self.write(self.items)
            self.items, self.chunks = [], 0


@dataclass
class ReadingsOnIngest:
    """Officers' corrections made as letters are ingested, so a letter whose reading officers already know (reviewed
    readings, ``foi_precedent.reviewed``) is embedded once, read with their questions, and its chunks written with
    their readings: not read, embedded, re-split, embedded again and its Chroma metadata rewritten question by
    question. For each letter ingest indexes (not one it finds unchanged):

    * ``questions(path, letter)``: the questions (label, text) the letter of the file ``path`` is to be read with,
      ``letter`` as ingest would store it (None: as it is), recorded as a split correction as
      ``PrecedentIndex.resplit`` records one;
    * ``corrections(path, letter)``: then, ``letter`` as read with them and its corrections in force, the readings to
      correct, each a question's label and ``make_correction``'s keyword arguments (treatments, exemptions, ncnd,
      pointers), recorded as ``PrecedentIndex.correct`` records them.

    Each is made by ``officer`` with ``reason``, in the transaction that stores its letter; then ``split_made(split,
    before, now)`` is called with the split correction as stored (with its id) and the letter as it would have been
    read without it and as it is read with it, and ``correction_made(correction, previous)`` with each correction as
    stored and the question as read before it (what an audit of each records)."""

    officer: str
    roles: tuple[str, ...]
    reason: str
    questions: Callable[[Path, Letter], Sequence[tuple[str, str]] | None] = lambda path, letter: None
    corrections: Callable[[Path, Letter], Sequence[tuple[str, dict]]] = lambda path, letter: ()
    split_made: Callable[[SplitCorrection, Letter, Letter], None] = lambda split, before, now: None
    correction_made: Callable[[Correction, Question], None] = lambda correction, previous: None
    # by letter key, between reading a letter and storing it: the split correction (with the letter without and with
    # it), the corrections (each with the question as read before it)
    splits: dict[str, tuple[SplitCorrection, Letter, Letter]] = field(default_factory=dict, repr=False)
    fixes: dict[str, list[tuple[Correction, Question]]] = field(default_factory=dict, repr=False)

    def read(self, store: Store, path: Path, doc, reader: Letter, key: str, stored: Letter) -> Letter:
        """``stored`` (the letter of ``path`` as ingest would store it under ``key``; ``reader``: as the reader reads
        ``doc``) read with the questions it is to be read with, if any; its corrections are kept for the store."""
        from datetime import UTC, datetime

        from foi_precedent.corrections import apply_corrections, make_correction
        from foi_precedent.splits import make_split

        at = datetime.now(UTC).isoformat(timespec="seconds")
        letter = stored
        questions = self.questions(path, stored)
        if questions is not None:
            split = make_split(key, questions, officer=self.officer, at=at, reason=self.reason)
            letter = _as_stored(doc, reader, key, split)
            self.splits[key] = (split, stored, letter)
        made = store.corrections_of([key])
        read = apply_corrections(letter, made) if made else letter
        fixes = [
            (
                make_correction(key, label, officer=self.officer, at=at, reason=self.reason, **fields),
                read.question(label),
            )
            for label, fields in self.corrections(path, read)
        ]
        if fixes:
            self.fixes[key] = fixes
        return letter


# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------


@dataclass
class Walk:
    """What a walk of the paths to ingest found: letter files, bad entries (``skipped``: the exit code is 2)
    and entries that are not letters (``not_read``: a README, a hidden or unsupported file, an empty folder),
    each with one line saying why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    not_read: list[tuple[str, str]] = field(default_factory=list)


def walk(paths: Iterable[str | os.PathLike]) -> Walk:
    """Files to ingest (folders walked recursively in name order, following links to folders not already
    read), and a reason for every entry that is not read."""
    out = Walk()
    seen: set[Path] = set()
    visited: set[Path] = set()

    def add(f: Path) -> None:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.files.append(f)

    def folder(d: Path, ancestors: tuple[Path, ...]) -> None:
        real = d.resolve()
        visited.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            out.skipped.append((str(d), f"the folder cannot be read ({exc.strerror or exc})"))
            return
        if not entries:
            kind = (
                "a folder, not a letter file, and empty"
                if d.suffix.lower() in SUPPORTED
                else "an empty folder"
            )
            out.not_read.append((str(d), kind))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                out.not_read.append((str(path), "hidden (the name starts with a dot)"))
                continue
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (RuntimeError, OSError) as exc:  # RuntimeError: Python 3.11's "Symlink loop"
                    looped = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
                    out.skipped.append(
                        (
                            str(path),
                            "a symbolic link loop"
                            if looped
                            else "a broken symbolic link (its target does not exist)",
                        )
                    )
                    continue
                if target.is_dir():
                    if target in ancestors or target == real:
                        out.skipped.append(
                            (
                                str(path),
                                f"a symbolic link back to a folder it is in ({target}): a loop, not followed",
                            )
                        )
                    elif target in visited:
                        out.not_read.append((str(path), f"a link to a folder already read ({target})"))
                    else:
                        folder(path, (*ancestors, real))
                    continue
            if entry.is_dir():
                if path.resolve() in visited:
                    out.not_read.append((str(path), "a folder already read"))
                else:
                    folder(path, (*ancestors, real))
            elif entry.is_file():
                if entry.name.lower() == "readme.md":
                    out.not_read.append((str(path), "a folder's README, not a letter"))
                elif path.suffix.lower() not in SUPPORTED:
                    out.not_read.append(
                        (
                            str(path),
                            f"not a letter file type ('{path.suffix or 'no suffix'}'; "
                            f"letters are {', '.join(SUPPORTED)})",
                        )
                    )
                else:
                    add(path)
            else:
                out.skipped.append((str(path), "not a regular file or folder"))

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            folder(p, ())
        elif p.is_file():
            add(p)
        elif p.is_symlink():
            out.skipped.append((str(p), "a broken symbolic link or a link loop"))
        elif p.exists():
            out.skipped.append((str(p), "not a regular file or folder"))
        else:
            out.skipped.append((str(p), "no such file or folder"))
    return out


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest (folders walked recursively, sorted), and bad entries with a reason (see :func:`walk`)."""
    found = walk(paths)
    return found.files, found.skipped


QUERY_CACHE = 512
POST_FILTER_FACTOR = 8  # a filtered search first looks this much wider without Chroma's slow where clause
QUESTION_WEIGHT = 0.5  # the question-to-question ranking breaks ties between near-identical questions


def _chunk_key(chunk_id: str) -> tuple[str, str]:
    """'01.FOI.24.036325::Q3::0' -> ('01.FOI.24.036325', 'Q3') (see chunking.chunk_id)."""
    reference, label, _ = chunk_id.rsplit("::", 2)
    return reference, label


def _question_texts(letters: Iterable[Letter]) -> tuple[list[tuple[str, str]], list[str]]:
    keys, texts = [], []
    for letter in letters:
        own = in_context([q.text or q.answer or q.label for q in letter.questions])
        for q, text in zip(letter.questions, own, strict=True):
            keys.append((letter.reference, q.label))
            texts.append(question_text(text))
    return keys, texts


def _stored_form(letter: Letter, key: str) -> Letter:
    """The letter as the index keeps it under ``key``: a second letter with a reference already indexed keeps
    its reference as written in its meta."""
    if key == letter.reference:
        return letter
    return dataclasses.replace(
        letter, reference=key, meta={**(letter.meta or {}), WRITTEN_REFERENCE: letter.reference}
    )


def _as_stored(doc, letter: Letter, key: str, split) -> Letter:
    """``_stored_form`` of the letter as its officers split it: read again with the questions of ``split`` (the split
    correction in force for ``key``, ``foi_precedent.splits``) when there is one, so a re-ingest keeps it."""
    from foi_precedent.splits import RESPLIT, read_with_split, with_note

    if split is not None:
        letter = read_with_split(doc, split, letter)
    elif RESPLIT in (letter.meta or {}):
        letter = with_note(letter, None)  # a file's front matter cannot say it was re-split
    return _stored_form(letter, key)


def _same_reference_note(others: list[tuple[str, str]], key: str) -> str:
    where = ", ".join(f"{k} ({src})" for k, src in others)
    return (
        f"same reference as {where}: kept both, this one as {key}; mark one superseded with "
        f"`precedent supersede OLD NEW` (e.g. `precedent supersede {_shell_word(others[0][0])} {_shell_word(key)}`)"
    )


def _shell_word(text: str) -> str:
    """A key as a shell command takes it ('Our Ref~f816c5f0' quoted; a '~' inside a word is left alone)."""
    return text if re.fullmatch(r"[\w@%+=:,./~-]+", text) else shlex.quote(text)


def _same_reading(stored: dict | None, letter: Letter) -> bool:
    """Whether the index holds this parse of the letter (the source path aside, which may have moved)."""
    fresh = jsonable(letter_record(letter))
    return stored is not None and {**stored, "source": None} == {**fresh, "source": None}


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = RRF_K, weights: Sequence[float] | None = None
) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(id) = sum over lists of weight / (k + rank), rank from 1.
    Sorted by score (high first), ties by id."""
    scores: dict[str, float] = {}
    for n, ranking in enumerate(rankings):
        weight = weights[n] if weights else 1.0
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def _chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(
            settings.chroma_url if "://" in settings.chroma_url else "http://" + settings.chroma_url
        )
        if not url.hostname:
            raise IndexError_(
                f"PRECEDENT_CHROMA_URL={settings.chroma_url!r} is not a URL like http://127.0.0.1:8000"
            )
        ssl = url.scheme == "https"
        port = url.port or (443 if ssl else 8000)
        try:
            return chromadb.HttpClient(host=url.hostname, port=port, ssl=ssl, settings=chroma_settings)
        except Exception as exc:  # chromadb raises ValueError/ConnectError variants when the server is down
            raise IndexError_(f"Cannot reach the Chroma server at {settings.chroma_url} ({exc}).") from None
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


# --------------------------------------------------------------------------------------------------
# the index
# --------------------------------------------------------------------------------------------------


def replacing(old: dict, fresh: dict) -> dict:
    """The metadata to upsert so a vector ends with ``fresh`` only: Chroma merges an upsert into what is there, and
    a key sent as None is removed."""
    return {**{k: None for k in old if k not in fresh}, **fresh}


class PrecedentIndex:
    def __init__(self, settings: Settings, store: Store, collection, embedding_function: EmbeddingFunction):
        self.settings = settings
        self.store = store
        self.collection = collection
        self.embedding_function = embedding_function
        self._lexical: LexicalIndex | None = None
        self._letters: dict[str, Letter] = {}
        self._letters_generation = -1

    # -- opening --------------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        settings: Settings | None = None,
        embedding_function: EmbeddingFunction | None = None,
        client=None,
    ) -> PrecedentIndex:
        settings = settings or Settings.from_env()
        if embedding_function is None:
            from foi_precedent.assets import embedding_function as default_embedding_function

            embedding_function = default_embedding_function(settings)
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        store = Store(settings.index_dir / STORE_FILE, database_url=settings.database_url)
        client = client if client is not None else _chroma_client(settings)
        try:
            collection = client.get_or_create_collection(
                COLLECTION, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
        except Exception as exc:
            store.close()
            where = settings.chroma_url or settings.chroma_dir
            raise IndexError_(
                f"Cannot open the Chroma collection at {where} ({type(exc).__name__}: {exc})."
            ) from None
        index = cls(settings, store, collection, embedding_function)
        if index.dirty:
            index.reconcile()
        return index

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> PrecedentIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- dirty marker / reconcile ---------------------------------------------------------------------
    @property
    def _dirty_path(self) -> Path:
        return self.settings.index_dir / DIRTY_FILE

    @property
    def dirty(self) -> bool:
        return self._dirty_path.exists()

    def _mark_dirty(self) -> None:
        self._dirty_path.write_text("an ingest is running or was interrupted; the next open reconciles\n")

    def _mark_clean(self) -> None:
        self._dirty_path.unlink(missing_ok=True)

    # -- which reader read the letters ------------------------------------------------------------------
    @property
    def read_by(self) -> str | None:
        """The fingerprint of the reader that read every stored letter (``letters.reader_version``); None for an
        index written before indexes kept it, or one whose letters were read by several readers and not re-read."""
        return self.store.meta_value(READ_BY) or None

    def readings_stale(self) -> int:
        """How many stored letters were read by another version of the reader than this one (all of them or none:
        the index knows its readings only as a whole); 0 when ``precedent reread`` is not needed."""
        if self.read_by == reader_version():
            return 0
        return self.store.letter_count()

    def _record_reader(self, before: str | None, letters_before: int) -> None:
        """After an ingest: the index's letters are all this reader's when it held none before, or all were
        read by this reader already; otherwise the mark stays as it was (some are another reader's)."""
        if letters_before == 0 or before == reader_version():
            self.store.set_meta_value(READ_BY, reader_version())

    def _chroma_state(self) -> dict[str, str]:
        """Every id in the Chroma collection with its stored text hash."""
        out: dict[str, str] = {}
        offset = 0
        page = 5000
        while True:
            got = self.collection.get(include=["metadatas"], limit=page, offset=offset)
            ids = got["ids"]
            for i, meta in zip(ids, got["metadatas"] or [{}] * len(ids), strict=False):
                out[i] = (meta or {}).get("text_sha", "")
            if len(ids) < page:
                return out
            offset += page

    def consistency(self) -> dict[str, list[str]]:
        """Differences between Chroma and SQLite (all empty when the index is consistent)."""
        chroma = self._chroma_state()
        stored = {c.id: text_sha(embed_text(c.text, c.metadata)) for c in self.store.chunks()}
        return {
            "chroma_only": sorted(set(chroma) - set(stored)),
            "store_only": sorted(set(stored) - set(chroma)),
            "mismatched": sorted(i for i in set(chroma) & set(stored) if chroma[i] != stored[i]),
        }

    def reconcile(self) -> dict[str, int]:
        """Make Chroma match SQLite: delete vectors SQLite does not know, (re)embed chunks Chroma lacks."""
        diff = self.consistency()
        extra = diff["chroma_only"]
        for i in range(0, len(extra), CHROMA_BATCH):
            self.collection.delete(ids=extra[i : i + CHROMA_BATCH])
        todo = self.store.chunks(diff["store_only"] + diff["mismatched"])
        if todo:
            vectors = self._embed([embed_text(c.text, c.metadata) for c in todo])
            self._upsert([c.id for c in todo], vectors, [chroma_metadata(c.metadata, c.text) for c in todo])
        self._mark_clean()
        return {"deleted": len(extra), "upserted": len(todo)}

    # -- embedding / chroma writes --------------------------------------------------------------------
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``. Each distinct text is embedded once, in batches of similar length (the
        model pads a batch to its longest text, so mixing questions and long answers wastes most of a batch)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        order = sorted(range(len(unique)), key=lambda i: len(unique[i]))
        out: np.ndarray | None = None
        for i in range(0, len(order), EMBED_BATCH):
            idx = order[i : i + EMBED_BATCH]
            vectors = self.embedding_function([unique[j] for j in idx])
            block = np.asarray([np.asarray(v, dtype=np.float32) for v in vectors], dtype=np.float32)
            if out is None:
                out = np.zeros((len(unique), block.shape[1]), dtype=np.float32)
            out[idx] = block
        position = {text: i for i, text in enumerate(unique)}
        return _normalise(out[[position[t] for t in texts]])

    def _embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors, remembered for the last few hundred queries (a check searches each question twice:
        all authorities, then the letter's own)."""
        cache = self.__dict__.setdefault("_query_cache", {})
        todo = [t for t in dict.fromkeys(texts) if t not in cache]
        if todo:
            for t, v in zip(todo, self._embed(todo), strict=True):
                cache[t] = v
            while len(cache) > QUERY_CACHE:
                cache.pop(next(iter(cache)))
        return np.stack([cache[t] for t in texts])

    def _upsert(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        """Vectors and filter metadata only: the chunk texts live in SQLite, which every read uses (Chroma
        would also full-text index them, a fifth of an ingest's non-model time, for nothing)."""
        for i in range(0, len(ids), CHROMA_BATCH):
            j = i + CHROMA_BATCH
            self.collection.upsert(ids=ids[i:j], embeddings=vectors[i:j], metadatas=metadatas[i:j])

    # -- ingest ---------------------------------------------------------------------------------------
    def ingest_paths(
        self, paths: Iterable[str | os.PathLike], progress: Progress | None = None
    ) -> IngestReport:
        """Ingest files and folders; bad files are skipped with a reason, the rest of the batch goes on.

        A letter is its file and its text, not its reference alone: the same file changed replaces its letter
        (the earlier text is kept as history), and a different file carrying a reference already indexed, in
        this batch or before, is kept as a letter of its own under the reference plus a hash of its text, with
        a line saying so. Nothing is removed from the store."""
        return self.ingest_with_readings(paths, None, progress)

    def ingest_with_readings(
        self,
        paths: Iterable[str | os.PathLike],
        readings: ReadingsOnIngest | None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """``ingest_paths``, making the corrections of ``readings`` as letters are read (each letter that is indexed,
        not one found unchanged), so each is embedded once, read with its split, and written with its readings."""
        from foi_precedent.letters.parser import parse_document
        from foi_precedent.letters.sources import read_document

        if self.dirty:
            self.reconcile()
        report = IngestReport()
        read_by, letters_before = self.read_by, self.store.letter_count()
        splits = self.store.splits_in_force()  # letters read with an officer's questions keep them
        found = walk(paths)
        for path, reason in found.skipped:
            report.skip(path, reason)
        report.not_read.extend(found.not_read)
        files = found.files
        batch_hashes: dict[
            str, tuple[str, str]
        ] = {}  # content hash -> (key, file) of a letter read in this batch
        batch_versions: dict[str, list[tuple[str, str]]] = {}  # written reference -> (key, file), this batch
        batch_keys: set[str] = set()
        pending = _Batch(lambda items: self._flush(items, report, readings))
        try:
            for n, path in enumerate(files, start=1):
                name = str(path)
                try:
                    doc = read_document(path)
                    letter = parse_document(doc)
                except LetterError as exc:
                    report.skip(name, exc.reason)
                    continue
                except Exception as exc:  # a parser bug must not sink the whole batch
                    report.skip(name, f"could not be parsed ({type(exc).__name__}: {exc})")
                    continue
                finally:
                    if progress:
                        progress(n, len(files), name)
                source = str(path.resolve())
                written, digest = letter.reference, letter.content_hash
                if digest in batch_hashes:
                    key, first = batch_hashes[digest]
                    report.skip(name, f"duplicate of {key} (same content as {first}, read in this batch)")
                    continue
                note = None
                existing = self.store.letter_by_hash(digest)
                if existing is not None:
                    same_file = existing.source_path == source
                    moved = existing.source_path is None or not Path(existing.source_path).exists()
                    if (existing.written_reference or existing.reference) != written or not (
                        same_file or moved
                    ):
                        report.skip(
                            name,
                            f"duplicate of {existing.reference} (same content as {existing.source_path})",
                        )
                        continue
                    key, status = existing.reference, "replaced"
                    if not same_file:
                        self.store.set_source_path(key, source)
                    if _same_reading(
                        self.store.stored_data(key), _as_stored(doc, letter, key, splits.get(key))
                    ):
                        report.unchanged += 1
                        report.entries.append(IngestEntry(name, "unchanged", key))
                        batch_hashes[digest] = (key, name)
                        batch_versions.setdefault(written, []).append((key, name))
                        continue
                    # same text, read differently by this version of the parser: index it again
                else:
                    stored = self.store.versions(written)
                    same_source = [v.reference for v in stored if v.source_path == source]
                    if (
                        same_source
                    ):  # the same file, changed: its letter is replaced, the old text kept as history
                        key, status = same_source[0], "replaced"
                    else:
                        others = [(v.reference, v.source_path or "no file") for v in stored]
                        others += [
                            kf
                            for kf in batch_versions.get(written, [])
                            if kf[0] not in {k for k, _ in others}
                        ]
                        key = version_key(
                            written,
                            digest,
                            lambda k: k in batch_keys or self.store.letter_info(k) is not None,
                        )
                        status = "added"
                        if others:
                            note = _same_reference_note(others, key)
                batch_hashes[digest] = (key, name)
                batch_versions.setdefault(written, []).append((key, name))
                batch_keys.add(key)
                stored_letter = _as_stored(doc, letter, key, splits.get(key))
                if readings is not None:
                    stored_letter = readings.read(self.store, Path(source), doc, letter, key, stored_letter)
                chunks = chunks_for_letter(stored_letter)
                entry = IngestEntry(
                    name, status, key, questions=len(chunks), note=note, no_decision=letter.undecided
                )
                pending.add(stored_letter, source, chunks, entry)
            pending.close()
        except BaseException:
            # leave the dirty marker: the next open reconciles Chroma with what SQLite committed
            raise
        else:
            self._mark_clean()
            self._record_reader(read_by, letters_before)
        return report

    def reread(self, progress: Progress | None = None, dry_run: bool = False) -> RereadReport:
        """Every indexed letter read again by this version of the reader, as a re-ingest of its file would read
        it: from its file when the file is still there with the same text, else from the text the index keeps.
        Officers' splits are kept (as on ingest) and their corrections still apply over the new reading. A letter
        read differently is indexed again (its earlier reading kept as history); the others are left alone, and
        one that cannot be read now keeps the reading it has. ``dry_run``: count, change nothing."""
        from foi_precedent.corrections import CORRECTED, ORPHANED
        from foi_precedent.letters.parser import parse_document
        from foi_precedent.letters.sources import Document, read_document
        from foi_precedent.splits import RESPLIT

        # what the index adds to a letter's meta, not its front matter: left out when its stored text is read again
        index_notes = {WRITTEN_REFERENCE, RESPLIT, CORRECTED, ORPHANED}
        if self.dirty and not dry_run:
            self.reconcile()
        report = RereadReport(dry_run=dry_run)
        splits = self.store.splits_in_force()
        stored = self.store.stored_letters()
        written = IngestReport()  # what _flush counts as it writes (the re-read counts for itself)
        pending = _Batch(lambda items: self._flush(items, written))
        for n, info in enumerate(stored, start=1):
            key, data = info.reference, self.store.stored_data(info.reference) or {}
            try:
                doc, letter = None, None
                path = Path(info.source_path) if info.source_path else None
                if path is not None and path.is_file():
                    doc = read_document(path)
                    letter = parse_document(doc)
                    if letter.content_hash != info.content_hash:
                        doc = letter = None  # the file has changed since: ingest reads it, not this
                if letter is None:
                    meta = {k: v for k, v in (data.get("meta") or {}).items() if k not in index_notes}
                    doc = Document(
                        text=data.get("text") or "", source=info.source_path or key, front_matter=meta
                    )
                    # the index keeps the text as read: the reading is what is refreshed, not the text
                    letter = dataclasses.replace(parse_document(doc), text=data.get("text") or "")
                fresh = _as_stored(doc, letter, key, splits.get(key))
            except LetterError as exc:
                report.kept.append((key, exc.reason))
                continue
            except Exception as exc:  # a reader bug must not sink the rest
                report.kept.append((key, f"could not be read ({type(exc).__name__}: {exc})"))
                continue
            finally:
                if progress:
                    progress(n, len(stored), key)
            if _same_reading(data, fresh):
                report.unchanged += 1
                continue
            report.changed.append(key)
            if dry_run:
                continue
            chunks = chunks_for_letter(fresh)
            source = info.source_path or ""
            pending.add(fresh, source, chunks, IngestEntry(source or key, "replaced", key, len(chunks)))
        pending.close()
        # (an exception before here leaves the dirty marker: the next open reconciles Chroma with SQLite)
        if not dry_run:
            self._mark_clean()
            self.store.set_meta_value(READ_BY, reader_version())  # every letter is this reader's now
        report.letters = len(stored)
        return report

    def _flush(
        self,
        pending: list[tuple[Letter, str, list[Chunk], IngestEntry]],
        report: IngestReport,
        readings: ReadingsOnIngest | None = None,
    ) -> None:
        chunks = [c for _, _, cs, _ in pending for c in cs]
        keys, texts = _question_texts([letter for letter, *_ in pending])
        vectors = self._embed([c.embed_text for c in chunks] + texts)
        questions = dict(zip(keys, vectors[len(chunks) :], strict=True))

        def commit(items, question_vectors) -> None:
            self._commit(items, question_vectors, readings)

        self._write(pending, chunks, vectors[: len(chunks)], questions, commit=commit, readings=readings)
        for _, _, cs, entry in pending:
            if entry.status == "replaced":
                report.replaced += 1
            else:
                report.letters += 1
            report.questions += len(cs)
            report.entries.append(entry)
            if entry.note:
                report.same_reference.append((entry.path, entry.note))
            if entry.no_decision:
                report.no_decision.append(entry.path)

    def _write(
        self,
        pending,
        chunks: list[Chunk],
        vectors: np.ndarray,
        question_vectors: dict[tuple[str, str], np.ndarray] | None = None,
        commit: Callable | None = None,
        readings: ReadingsOnIngest | None = None,
    ) -> None:
        """Chroma upsert, then one SQLite transaction (``commit``, by default ``_commit``), then removal of stale
        vectors. ``readings``: the corrections the transaction records with the letters (``ReadingsOnIngest``)."""
        self._mark_dirty()
        old_ids: set[str] = set()
        for letter, *_ in pending:
            old_ids.update(self.store.chunk_ids(letter.reference))
        if chunks:
            ids = [c.id for c in chunks]
            metadatas = self._chroma_metadatas(pending, chunks, readings)
            self._upsert(ids, vectors, self._without_old_keys(ids, metadatas, old_ids))
        (commit or self._commit)(pending, question_vectors)
        stale = sorted(old_ids - {c.id for c in chunks})
        for i in range(0, len(stale), CHROMA_BATCH):
            self.collection.delete(ids=stale[i : i + CHROMA_BATCH])

    def _without_old_keys(self, ids: list[str], metadatas: list[dict], old_ids: set[str]) -> list[dict]:
        """Chroma merges an upsert's metadata into what a vector already has, so a re-read letter whose question is
        no longer withheld would keep ``tr_withheld`` and its exemption keys for a filtered search: each key a
        re-ingested chunk had and no longer has is sent as None, which removes it. New chunks cost nothing."""
        again = [i for i in ids if i in old_ids]
        if not again:
            return metadatas
        had: dict[str, dict] = {}
        for i in range(0, len(again), CHROMA_BATCH):
            got = self.collection.get(ids=again[i : i + CHROMA_BATCH], include=["metadatas"])
            had.update(
                {cid: meta or {} for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=False)}
            )
        return [replacing(had.get(cid, {}), meta) for cid, meta in zip(ids, metadatas, strict=True)]

    def _chroma_metadatas(
        self, pending, chunks: list[Chunk], readings: ReadingsOnIngest | None = None
    ) -> list[dict]:
        """Chroma's filter metadata of new chunks, with the readings officers corrected (a re-ingested letter
        keeps its corrections; the store applies them to the chunks it returns), and those about to be recorded with
        them (``readings``), which replace any in force."""
        from foi_precedent.corrections import apply_corrections

        made = self.store.corrections_of(letter.reference for letter, *_ in pending)
        if readings is not None and readings.fixes:
            new = [c for letter, *_ in pending for c, _ in readings.fixes.get(letter.reference, ())]
            replaced = {(c.reference, c.label) for c in new}
            made = [c for c in made if (c.reference, c.label) not in replaced] + new
        if not made:
            return [c.chroma_metadata() for c in chunks]
        readings = {}
        for letter, *_ in pending:
            for q in apply_corrections(letter, made).questions:
                readings[(letter.reference, q.label)] = q
        corrected = {(c.reference, c.label) for c in made}
        return [
            chroma_metadata(with_reading(c.metadata, readings[(c.reference, c.label)]), c.text)
            if (c.reference, c.label) in corrected and (c.reference, c.label) in readings
            else c.chroma_metadata()
            for c in chunks
        ]

    def _commit(self, pending, question_vectors=None, readings: ReadingsOnIngest | None = None) -> None:
        refs = [letter.reference for letter, *_ in pending]
        splits = readings.splits if readings is not None else {}
        fixes = readings.fixes if readings is not None else {}
        made, corrected = self.store.save_letters(
            [(letter, source, chunks) for letter, source, chunks, *_ in pending],
            question_vectors,
            splits={ref: splits[ref][0] for ref in refs if ref in splits},
            corrections=[c for ref in refs for c, _ in fixes.get(ref, ())],
            roles=readings.roles if readings is not None else (),
        )
        if readings is None:
            return
        for split in made:
            _, before, now = splits.pop(split.reference)
            readings.split_made(split, before, now)
        previous = {ref: [q for _, q in fixes.pop(ref, ())] for ref in refs}
        for correction in corrected:
            readings.correction_made(correction, previous[correction.reference].pop(0))

    def add_letters(
        self,
        letters: Sequence[Letter],
        embeddings: np.ndarray | None = None,
        source_paths: Sequence[str | None] | None = None,
        question_embeddings: np.ndarray | None = None,
    ) -> int:
        """Fast path (benchmarks, tools): index parsed letters as they are, optionally with precomputed
        embeddings aligned with ``[c for l in letters for c in chunks_for_letter(l)]`` (and question embeddings
        aligned with the letters' questions; computed when missing). Returns chunks added."""
        pending = []
        for i, letter in enumerate(letters):
            source = source_paths[i] if source_paths else None
            pending.append((letter, source, chunks_for_letter(letter), None))
        chunks = [c for _, _, cs, _ in pending for c in cs]
        if embeddings is None:
            vectors = self._embed([c.embed_text for c in chunks])
        else:
            vectors = _normalise(np.asarray(embeddings, dtype=np.float32))
            if len(vectors) != len(chunks):
                raise ValueError(f"{len(vectors)} embeddings for {len(chunks)} chunks")
        keys, texts = _question_texts(letters)
        qvectors = (
            _normalise(np.asarray(question_embeddings, dtype=np.float32))
            if question_embeddings is not None
            else self._embed(texts)
        )
        self._write(pending, chunks, vectors, dict(zip(keys, qvectors, strict=True)))
        self._mark_clean()
        return len(chunks)

    def delete_letter(self, reference: str) -> bool:
        """Remove a letter from search (its text stays in the store's history). Never called by ingest."""
        ids = self.store.chunk_ids(reference)
        if not ids and self.store.letter_info(reference) is None:
            return False
        self._mark_dirty()
        self.store.delete_letter(reference)
        for i in range(0, len(ids), CHROMA_BATCH):
            self.collection.delete(ids=ids[i : i + CHROMA_BATCH])
        self._mark_clean()
        return True

    # -- versions, supersession, history -----------------------------------------------------------------
    def supersede(self, reference: str, superseded_by: str, reason: str | None = None) -> dict:
        """Record that ``superseded_by`` supersedes ``reference`` (a re-issue, an internal review's outcome).
        Both stay in the index; the superseded letter counts less as precedent. Returns what was recorded,
        with the earlier record for ``reference`` it replaced, if any."""
        for ref in (reference, superseded_by):
            if self.store.letter_info(ref) is None:
                raise IndexError_(
                    f"No letter {ref!r} in the index (keys are as `precedent search` and the ingest "
                    "lines print them, e.g. GMP-FOI-2021-02525~1a2b3c4d for a second letter)."
                )
        if reference == superseded_by:
            raise IndexError_(f"A letter cannot supersede itself ({reference}).")
        chain = self.store.supersessions()
        seen, cur = {superseded_by}, superseded_by
        while cur in chain:  # NEW must not already be superseded, directly or not, by OLD
            cur = chain[cur].superseded_by
            if cur == reference:
                raise IndexError_(
                    f"{superseded_by} is already superseded by {reference}; undo that first "
                    f"(`precedent supersede --undo {superseded_by}`)."
                )
            if cur in seen:
                break
            seen.add(cur)
        reason = (reason or "").strip() or None
        earlier = self.store.supersede(reference, superseded_by, reason)
        return {
            "reference": reference,
            "superseded_by": superseded_by,
            "reason": reason,
            "replaced": dataclasses.asdict(earlier) if earlier else None,
        }

    def unsupersede(self, reference: str) -> dict | None:
        """Undo a supersession record; returns the record removed (None when ``reference`` was not superseded)."""
        if self.store.letter_info(reference) is None:
            raise IndexError_(f"No letter {reference!r} in the index.")
        removed = self.store.unsupersede(reference)
        return dataclasses.asdict(removed) if removed else None

    def history(self, reference: str) -> list[dict]:
        """Earlier texts of a letter that a re-ingest of its changed file replaced, oldest first (without their
        parsed data)."""
        return [{k: v for k, v in h.items() if k != "data"} for h in self.store.history(reference)]

    def versions(self, reference: str) -> list[dict]:
        """Every letter written with the same reference as ``reference`` (a key, or a reference as written), with
        its file and what supersedes it."""
        info = self.store.letter_info(reference)
        supersessions = self.store.supersessions()
        out = []
        for v in self.store.versions(info.written_reference if info else reference):
            s = supersessions.get(v.reference)
            out.append(
                {
                    **dataclasses.asdict(v),
                    "superseded_by": s.superseded_by if s else None,
                    "reason": s.reason if s else None,
                }
            )
        return out

    def with_versions(self, references: Iterable[str]) -> set[str]:
        """``references`` and every other version of the same letters: letters written with the same reference
        by the same authority (a reference not in the index: every letter written with it). None of them is
        precedent for another, as a letter is never its own."""
        refs = {r for r in references if r}
        if not refs:
            return set()
        rows = self.store.version_rows(refs)
        ident = {key: identity(written, authority) for key, written, authority in rows}
        out = set(refs)
        for ref in refs:
            if ref in ident:
                out |= {key for key, i in ident.items() if i == ident[ref]}
            else:
                out |= {key for key, written, _ in rows if written == ref}
        return out

    # -- reading corrections --------------------------------------------------------------------------
    def correct(
        self,
        reference: str,
        label: str,
        *,
        treatments,
        exemptions=None,
        ncnd=None,
        pointers=None,
        reason: str,
        officer: str,
        roles: Iterable[str],
    ):
        """Record an officer's correction of how one question was read (``foi_precedent.corrections``); it is
        precedent from the next search on, without re-embedding. ``label`` may be loose ('Q3' for 'Question 3')
        when that is unambiguous; the stored correction names the label as the letter writes it."""
        from datetime import UTC, datetime

        from foi_precedent.corrections import CorrectionError, make_correction, may_correct

        may_correct(officer, roles)
        letter = self.store.letter(reference)
        if letter is None:
            raise CorrectionError(
                f"No letter {reference!r} in the index (keys are as `precedent search` and the Corpus page "
                "show them)."
            )
        try:
            question = letter.question(label)
        except KeyError:
            labels = ", ".join(q.label for q in letter.questions)
            raise CorrectionError(
                f"{reference} has no question {label!r} (its questions: {labels})."
            ) from None
        correction = make_correction(
            reference,
            question.label,
            treatments=treatments,
            exemptions=exemptions,
            ncnd=ncnd,
            pointers=pointers,
            officer=officer,
            at=datetime.now(UTC).isoformat(timespec="seconds"),
            reason=reason,
        )
        made = self.store.add_correction(correction, roles)
        self._refresh_chroma_metadata(reference, question.label)
        return made

    def _refresh_chroma_metadata(self, reference: str, label: str) -> None:
        """Chroma's filter metadata of one question's chunks, as the store now reads them (metadata only: nothing is
        embedded again, and the vectors are not read)."""
        ids = [cid for cid in self.store.chunk_ids(reference) if _chunk_key(cid) == (reference, label)]
        stored = self.store.chunks(ids) if ids else []
        if not stored:
            return
        ids = [c.id for c in stored]
        metadatas = [chroma_metadata(c.metadata, c.text) for c in stored]
        for i in range(0, len(ids), CHROMA_BATCH):
            j = i + CHROMA_BATCH
            self.collection.update(
                ids=ids[i:j], metadatas=self._without_old_keys(ids[i:j], metadatas[i:j], set(ids))
            )

    def correction_note(self, reference: str, label: str) -> dict | None:
        """Who corrected this question's reading, when, why, and how it had been read (None: as read)."""
        from foi_precedent.corrections import correction_note

        letter = self._cached_letters([reference]).get(reference)
        return correction_note(letter, label) if letter else None

    def split_note(self, reference: str) -> dict | None:
        """Who set this letter's questions (a split correction in force), when, why, and the reader's split it
        replaced (None: the reader's split)."""
        from foi_precedent.splits import split_note

        letter = self._cached_letters([reference]).get(reference)
        return split_note(letter) if letter else None

    def corrections(self, reference: str | None = None) -> list[dict]:
        """Every correction made (of one letter), oldest first, each saying whether it is in force, replaced
        by a later one, or orphaned (its letter or question is no longer in the index)."""
        from foi_precedent.corrections import in_force

        made = self.store.corrections(reference)
        current = {id(c) for c in in_force(made).values()}
        letters = self._cached_letters([c.reference for c in made])
        out = []
        for c in made:
            letter = letters.get(c.reference)
            labels = {q.label for q in letter.questions} if letter else set()
            state = "orphaned" if c.label not in labels else "in force" if id(c) in current else "replaced"
            out.append({**c.to_dict(), "state": state})
        return out

    # -- split corrections ------------------------------------------------------------------------------
    def resplit(
        self,
        reference: str,
        questions,
        *,
        reason: str,
        officer: str,
        roles: Iterable[str],
    ):
        """Record an officer's split of a stored letter into ``questions`` ((label, text) pairs, in order; None: undo,
        back to the reader's split) and re-index that letter only, read with them (``foi_precedent.splits``): its
        chunks and question vectors made again, in one store transaction with the correction. Returns the
        correction as stored, the letter as it was read before and as it is read now."""
        from datetime import UTC, datetime

        from foi_precedent.corrections import may_correct
        from foi_precedent.splits import SplitError, make_split, make_undo

        may_correct(officer, roles)
        before = self.store.letter(reference)
        stored = self.store.stored_data(reference)
        if before is None or stored is None:
            raise SplitError(
                f"No letter {reference!r} in the index (keys are as `precedent search` and the Corpus page "
                "show them)."
            )
        at = datetime.now(UTC).isoformat(timespec="seconds")
        split = (
            make_undo(reference, officer=officer, at=at, reason=reason)
            if questions is None
            else make_split(reference, questions, officer=officer, at=at, reason=reason)
        )
        letter = self._reread(reference, stored, split)
        chunks = chunks_for_letter(letter)
        keys, texts = _question_texts([letter])
        vectors = self._embed([c.embed_text for c in chunks] + texts)
        made: list = []

        def commit(pending, question_vectors) -> None:
            made.append(self.store.save_split(split, roles, letter, chunks, question_vectors))

        self._write(
            [(letter, None, chunks, None)],
            chunks,
            vectors[: len(chunks)],
            dict(zip(keys, vectors[len(chunks) :], strict=True)),
            commit=commit,
        )
        self._mark_clean()
        return made[0], before, self.letter(reference)

    def _reread(self, reference: str, stored: dict, split) -> Letter:
        """The stored letter read again, with ``split``'s questions (an undo: as the reader splits it): from its file
        where that still holds the same text, else from the text the store keeps. Its key, text and so its content
        hash stay as stored."""
        from foi_precedent.corrections import CORRECTED, ORPHANED
        from foi_precedent.letters.parser import parse_document
        from foi_precedent.letters.sources import Document, read_document
        from foi_precedent.letters.versions import SUPERSEDED_BY, SUPERSEDED_REASON, SUPERSEDES
        from foi_precedent.splits import RESPLIT, read_with_split, with_note

        info = self.store.letter_info(reference)
        doc, reader = None, None
        if info and info.source_path and Path(info.source_path).is_file():
            try:
                doc = read_document(info.source_path)
                reader = parse_document(doc)
            except Exception:  # a file that no longer reads: the stored text stands
                doc = None
            if reader is not None and reader.content_hash != info.content_hash:
                doc = None  # the file changed since it was ingested: the stored text stands
        if doc is None:
            notes = {
                WRITTEN_REFERENCE,
                RESPLIT,
                CORRECTED,
                ORPHANED,
                SUPERSEDED_BY,
                SUPERSEDED_REASON,
                SUPERSEDES,
            }
            front = {k: v for k, v in (stored.get("meta") or {}).items() if k not in notes}
            doc = Document(stored.get("text") or "", stored.get("source") or reference, front)
            reader = parse_document(doc)
        letter = with_note(reader, None) if split.undo else read_with_split(doc, split, reader)
        meta = {k: v for k, v in letter.meta.items() if k != WRITTEN_REFERENCE}
        written = (stored.get("meta") or {}).get(WRITTEN_REFERENCE)
        if written:
            meta[WRITTEN_REFERENCE] = written
        return dataclasses.replace(
            letter, reference=reference, text=stored.get("text") or letter.text, meta=meta
        )

    def split_corrections(self, reference: str | None = None) -> list[dict]:
        """Every split correction made (of one letter), oldest first, each saying whether it is in force, replaced by
        a later one, or orphaned (its letter is no longer in the index)."""
        from foi_precedent.splits import latest

        made = self.store.splits(reference)
        current = {id(s) for s in latest(made).values()}
        known = {ref for ref in {s.reference for s in made} if self.store.letter_info(ref) is not None}
        return [
            {
                **s.to_dict(),
                "state": "orphaned"
                if s.reference not in known
                else "in force"
                if id(s) in current
                else "replaced",
            }
            for s in made
        ]

    # -- reading letters ------------------------------------------------------------------------------
    def letter(self, reference: str) -> Letter:
        letter = self.store.letter(reference)
        if letter is None:
            raise KeyError(reference)
        return letter

    def letters(self) -> list[Letter]:
        return self.store.letters()

    def stats(self) -> dict:
        counts = self.store.counts()
        counts["superseded"] = len(self.store.supersessions())
        counts["history"] = self.store.history_count()
        counts["vectors"] = self.collection.count()
        counts["dirty"] = self.dirty
        return counts

    def known_pointer_keys(self) -> set[str]:
        """Every resource any indexed letter points to (pointer keys): a draft's pointer outside this set
        may have been invented. Cached until the store changes."""
        generation = self.store.generation
        if getattr(self, "_pointer_generation", None) != generation:
            self._pointer_keys = {pointer_key(name) for name in self.store.pointer_names()}
            self._pointer_generation = generation
        return set(self._pointer_keys)

    def _cached_letters(self, references: Iterable[str]) -> dict[str, Letter]:
        generation = self.store.generation
        if generation != self._letters_generation or len(self._letters) > 4096:
            self._letters = {}
            self._letters_generation = generation
        missing = [r for r in dict.fromkeys(references) if r not in self._letters]
        for ref, data in self.store.letters_data(missing).items():
            self._letters[ref] = letter_from_dict(data)
        return {r: self._letters[r] for r in references if r in self._letters}

    # -- lexical --------------------------------------------------------------------------------------
    def _lexical_stamp(self) -> tuple[dict, int]:
        """The bm25 index's stamp, which moves only when chunk texts may have changed (an ingest, a delete, a new
        tokenizer or chunk format), and the store's generation, which every change moves (a correction, a
        supersession too). Both are read before the chunks they describe, so a change landing meanwhile leaves
        them behind the data, never ahead: the next search sees the change and reads again."""
        generation, texts = self.store.generations()
        stamp = {
            "store_id": self.store.store_id,
            "texts": texts,
            "chunks": self.store.chunk_count(),
            "tokenizer": TOKENIZER_VERSION,
            "chunk_format": CHUNK_FORMAT,
        }
        return stamp, generation

    def lexical(self) -> LexicalIndex:
        """The bm25 index, loaded from disk or rebuilt when chunk texts changed since it was saved. When only the
        generation moved, bm25 is kept: a supersession changes nothing it holds, and a correction only the filter
        flags of its question's chunks, which are read again from the store (``_refresh_flags``), in this
        instance and on disk, so every instance filters by a correction at its next search."""
        stamp, generation = self._lexical_stamp()
        lexical = self._lexical
        folder = self.settings.index_dir / "bm25"
        if lexical is None or lexical.stamp != stamp:
            lexical = LexicalIndex.load(folder, stamp)
            if lexical is None:
                applied = self._corrections_in_force()  # read before the chunks, as the stamp is
                chunks = self.store.chunks()
                lexical = LexicalIndex.build(
                    [c.id for c in chunks],
                    [embed_text(c.text, c.metadata) for c in chunks],
                    [c.metadata for c in chunks],
                    stamp,
                    generation=generation,
                    applied=applied,
                )
                lexical.save(folder)
        if lexical.generation != generation:
            lexical = self._refresh_flags(lexical, generation)
            lexical.save_columns(folder)
        self._lexical = lexical
        return lexical

    def _corrections_in_force(self) -> dict[tuple[str, str], int]:
        from foi_precedent.corrections import in_force

        return {key: c.id for key, c in in_force(self.store.corrections()).items()}

    def _refresh_flags(self, lexical: LexicalIndex, generation: int) -> LexicalIndex:
        """``lexical`` with the filter flags of every question whose correction in force changed since its
        columns were read. Between two changes of chunk texts only a correction changes a chunk's filters (the
        store applies corrections to the chunks it returns): the corrections are few, the chunks many."""
        applied = self._corrections_in_force()  # read before the chunks, as the generation is
        changed = {
            k for k in applied.keys() | lexical.applied.keys() if applied.get(k) != lexical.applied.get(k)
        }
        rows: dict[int, list[str]] = {}
        if changed:
            ids = [
                cid
                for ref in sorted({ref for ref, _ in changed})
                for cid in self.store.chunk_ids(ref)
                if _chunk_key(cid) in changed
            ]
            for c in self.store.chunks(ids):
                pos = lexical.position(c.id)
                if pos is not None:
                    rows[pos] = list(c.metadata.get("flags") or ())
        return lexical.with_flags(rows, generation, applied)

    # -- search ---------------------------------------------------------------------------------------
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
    ) -> list[Precedent]:
        return self.search_many(
            [query],
            k=k,
            authority=authority,
            date_from=date_from,
            date_to=date_to,
            exemption=exemption,
            treatment=treatment,
            exclude_references=exclude_references,
        )[0]

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
    ) -> list[list[Precedent]]:
        """Hybrid search for several queries at once (one embedding call, one Chroma query)."""
        filters = Filters.build(
            authority, date_from, date_to, exemption, treatment, self.with_versions(exclude_references)
        )
        return self._search(list(queries), None, k, filters)

    def search_many_by_vectors(
        self,
        queries: Sequence[str],
        vectors,
        k: int = 10,
        authority: str | None = None,
        exclude_references: Iterable[str] = (),
    ) -> list[list[Precedent]]:
        """``search_many`` with the dense side queried by ``vectors`` (one per query, e.g. the stored vectors of a
        letter already indexed) instead of embedding the queries. The lexical side still reads the query text."""
        filters = Filters.build(authority, exclude_references=self.with_versions(exclude_references))
        return self._search(list(queries), np.asarray(vectors, dtype=np.float32), k, filters)

    def _search(
        self, queries: list[str], vectors: np.ndarray | None, k: int, filters: Filters
    ) -> list[list[Precedent]]:
        """The hybrid search; the queries are embedded unless their ``vectors`` are given."""
        results: list[list[Precedent]] = [[] for _ in queries]
        live = [i for i, q in enumerate(queries) if q and q.strip()]
        if not live or k <= 0:
            return results
        total = self.collection.count()
        if total == 0 or self.store.chunk_count() == 0:
            return results
        if vectors is None:
            qvecs = self._embed_queries([question_text(queries[i]) for i in live])
        else:
            qvecs = _normalise(vectors[live])
        n = max(50, 5 * k)
        expanded = {i: expand_acronyms(queries[i]) for i in live}
        lexical = self.lexical()
        mask = lexical.columns.mask(filters)

        def allowed(cid: str) -> bool:  # known to SQLite and passing the filters
            pos = lexical.position(cid)
            return pos is not None and (mask is None or bool(mask[pos]))

        dense_lists = self._dense(qvecs, n, total, filters, k, allowed)
        for row, i in enumerate(live):
            dense_ids, distances = dense_lists[row]
            dense_ids = [cid for cid in dense_ids if allowed(cid)]
            lexical_ids = [cid for cid, _ in lexical.top(expanded[i], n, mask)]
            results[i] = self._fuse(qvecs[row], dense_ids, distances, lexical_ids, k)
        return results

    def question_similarities(
        self, qvec: np.ndarray, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], float]:
        """Cosine between a query and past questions' own words (vectors kept in SQLite; any missing, e.g. in
        an index built before they existed, are computed and saved)."""
        vectors = self.store.question_vectors(keys)
        missing = [key for key in keys if key not in vectors]
        if missing:
            letters = self._cached_letters([ref for ref, _ in missing])
            own: dict[str, dict[str, str]] = {}  # a letter's questions as embedded, read once per letter
            todo = {}
            for ref, label in missing:
                letter = letters.get(ref)
                if letter is None:
                    continue
                if ref not in own:
                    keys_, texts = _question_texts([letter])
                    own[ref] = {lab: text for (_, lab), text in zip(keys_, texts, strict=True)}
                if label in own[ref]:
                    todo[(ref, label)] = own[ref][label]
            if todo:
                fresh = dict(zip(todo, self._embed(list(todo.values())), strict=True))
                self.store.save_question_vectors(fresh)
                vectors.update(fresh)
        return {key: float(np.dot(qvec, v)) for key, v in vectors.items()}

    def _dense(
        self, qvecs: np.ndarray, n: int, total: int, filters: Filters, k: int, allowed
    ) -> list[tuple[list[str], dict]]:
        """Dense top-n per query. A Chroma ``where`` query is slow on a large collection (~0.5 s at 100k
        chunks), so filters are first applied after a wider unfiltered query; only a query that keeps fewer
        than max(k, n/4) matches goes back to Chroma with the ``where`` clause."""
        where = filters.where()
        if where is None:
            got = self.collection.query(
                query_embeddings=qvecs, n_results=min(n, total), include=["distances"]
            )
            return [
                (list(ids), dict(zip(ids, dist, strict=False)))
                for ids, dist in zip(got["ids"], got["distances"], strict=True)
            ]
        wide = self.collection.query(
            query_embeddings=qvecs, n_results=min(n * POST_FILTER_FACTOR, total), include=["distances"]
        )
        out: list[tuple[list[str], dict] | None] = []
        retry = []
        for row, (ids, dist) in enumerate(zip(wide["ids"], wide["distances"], strict=True)):
            kept = [(i, d) for i, d in zip(ids, dist, strict=False) if allowed(i)][:n]
            if len(kept) < max(k, n // 4) and len(ids) < total:
                out.append(None)
                retry.append(row)
            else:
                out.append(([i for i, _ in kept], dict(kept)))
        if retry:
            got = self.collection.query(
                query_embeddings=qvecs[retry], n_results=min(n, total), where=where, include=["distances"]
            )
            for row, ids, dist in zip(retry, got["ids"], got["distances"], strict=True):
                out[row] = (list(ids), dict(zip(ids, dist, strict=False)))
        return out

    def _fuse(
        self,
        qvec: np.ndarray,
        dense_ids: list[str],
        distances: dict[str, float],
        lexical_ids: list[str],
        k: int,
        filters: Filters | None = None,
    ) -> list[Precedent]:
        """Both id lists hold only chunks known to SQLite that pass the filters (search_many sees to it)."""
        # Three rankings fused: the chunk vectors (question and answer), bm25, and the question's own words
        # (which tells near-identical questions apart: "currently using" vs "previously used").
        fused = reciprocal_rank_fusion([dense_ids, lexical_ids])
        if not fused:
            return []
        key_of = {cid: _chunk_key(cid) for cid, _ in fused}
        qsims = self.question_similarities(qvec, list(dict.fromkeys(key_of.values())))
        by_question = sorted(key_of, key=lambda cid: (-qsims.get(key_of[cid], -1.0), cid))
        fused = reciprocal_rank_fusion(
            [dense_ids, lexical_ids, by_question], weights=(1.0, 1.0, QUESTION_WEIGHT)
        )
        dense_rank = {cid: r for r, cid in enumerate(dense_ids, start=1)}
        lexical_rank = {cid: r for r, cid in enumerate(lexical_ids, start=1)}
        best: dict[tuple[str, str], tuple[str, float]] = {}
        for cid, score in fused:
            key = key_of[cid]
            if key not in best:  # fused is sorted best first
                best[key] = (cid, score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][1], kv[0][0], kv[0][1]))
        stored = {c.id: c for c in self.store.chunks([cid for _, (cid, _) in ranked[: k * 2]])}
        ranked = [
            item
            for item in ranked
            if item[1][0] in stored and (filters is None or filters.matches(stored[item[1][0]].metadata))
        ][:k]
        if not ranked:
            return []
        # cosine similarity for every hit; lexical-only hits need their vectors from Chroma
        need = [cid for _, (cid, _) in ranked if cid not in distances]
        sims: dict[str, float] = {cid: 1.0 - float(d) for cid, d in distances.items()}
        if need:
            got = self.collection.get(ids=need, include=["embeddings"])
            for cid, vec in zip(got["ids"], got["embeddings"], strict=False):
                v = np.asarray(vec, dtype=np.float32)
                norm = float(np.linalg.norm(v)) or 1.0
                sims[cid] = float(np.dot(qvec, v) / norm)
        letters = self._cached_letters([ref for (ref, _), _ in ranked])
        out: list[Precedent] = []
        for (ref, label), (cid, score) in ranked:
            letter = letters.get(ref)
            if letter is None:
                continue
            hit = Precedent.from_hit(
                letter,
                label,
                score=score,
                chunk_similarity=sims.get(cid, 0.0),
                question_similarity=qsims.get((ref, label)),
                text=stored[cid].text,
                chunk_id=cid,
                dense_rank=dense_rank.get(cid),
                lexical_rank=lexical_rank.get(cid),
            )
            if hit is not None:
                out.append(hit)
        return out
