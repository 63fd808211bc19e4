"""Lexical side of the hybrid search: a bm25s index over chunk texts.

Tokens are lower-cased words minus English stopwords, stemmed with PyStemmer's English stemmer, plus one
token per exemption citation prefix, so "Section 31(1)(a)", "s31(1)(a)" and a bare "31(1)(a)" all produce
``s31``, ``s31_1`` and ``s31_1_a``. Scores come back for *every* document (``scores``), so the search's
filters are a numpy mask and the best N are picked after masking.

The index is derived data: it is saved under ``index_dir/bm25`` with a stamp (the store's texts generation,
chunk count, tokenizer version) and rebuilt when the stamp no longer matches the store, i.e. when chunk texts
changed. A correction changes only the filter flags of its question's chunks: those rows of the filter columns
are replaced (``with_flags``) and saved beside the index as a small overlay, and bm25 is kept.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from foi_precedent.letters.exemptions import find_citations
from retriever.chunking import exemption_prefixes, flag_key
from retriever.filters import FilterColumns

TOKENIZER_VERSION = 2
STAMP_FILE = "stamp.json"
DOCS_FILE = "docs.json"
COLUMNS_FILE = (
    "columns.json"  # the rows whose flags corrections changed since the build, and what they follow
)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Near-identical requests often differ only in time ("currently using" / "previously used" / "planning to
# use"), which the embedding barely sees and which paraphrases word differently: one token per time frame.
_TIME_FRAMES = re.compile(
    r"\b(?:(?P<time_now>currently|at (?:the )?(?:moment|present)|presently|nowadays|right now|at this time)"
    r"|(?P<time_past>previously|in the past|formerly|ever (?:been|used|trialled|piloted|tested|deployed|had)"
    r"|have you ever|has (?:the|your) \w+ ever|prior to)"
    r"|(?P<time_future>in (?:the )?future|planning|plans? to|intends? to|later on|upcoming|going to))\b"
)


class Tokenizer:
    def __init__(self) -> None:
        import Stemmer
        from bm25s.stopwords import STOPWORDS_EN

        self._stem = Stemmer.Stemmer("english").stemWords
        self._stop = frozenset(STOPWORDS_EN)

    def __call__(self, text: str) -> list[str]:
        lower = text.lower()
        words = [w.replace("’", "'").split("'")[0] for w in _WORD.findall(lower)]
        words = [w for w in words if w not in self._stop and (len(w) > 1 or w.isdigit())]
        tokens = self._stem(words) if words else []
        for citation in find_citations(text):
            tokens.extend(flag_key(p) for p in exemption_prefixes(citation.text))
        tokens.extend(dict.fromkeys(m.lastgroup for m in _TIME_FRAMES.finditer(lower)))  # one pass, each once
        return tokens


#: (reference, label) -> id of the correction in force that the filter columns follow
Applied = Mapping[tuple[str, str], int]


class LexicalIndex:
    """bm25 over a fixed, ordered list of chunks (``ids``), with filter columns aligned to it.

    ``generation`` is the store generation the columns were read at (None: not known) and ``applied`` the
    corrections in force they follow; ``flag_rows`` are the rows whose flags were replaced since the build."""

    def __init__(
        self,
        ids: list[str],
        metas: Sequence[dict],
        retriever,
        stamp: dict,
        tokenizer: Tokenizer | None = None,
        generation: int | None = None,
        applied: Applied | None = None,
    ):
        self.ids = ids
        self._position: dict[str, int] | None = None
        self.columns = FilterColumns(metas)
        self.retriever = retriever
        self.stamp = stamp
        self.tokenizer = tokenizer or Tokenizer()
        self.generation = generation
        self.applied: dict[tuple[str, str], int] = dict(applied or {})
        self.flag_rows: dict[int, list[str]] = {}
        self._ids_digest: str | None = None

    def with_flags(
        self, rows: Mapping[int, Iterable[str]], generation: int | None, applied: Applied
    ) -> LexicalIndex:
        """The same bm25 with the filter flags of ``rows`` (position -> flags) replaced, as of ``generation``
        and the corrections ``applied``. A new object, so a search running on this one keeps columns that belong
        together; only the flag arrays that change are copied (a correction changes a chunk's treatments and
        exemptions, never its reference, authority or date)."""
        out = copy.copy(self)
        out.columns = copy.copy(self.columns)
        out.columns.flags = flags = dict(self.columns.flags)
        copied: set[str] = set()

        def column(f: str) -> np.ndarray:
            if f not in copied:
                flags[f] = flags[f].copy() if f in flags else np.zeros(self.size, dtype=bool)
                copied.add(f)
            return flags[f]

        for i, new in rows.items():
            new = set(new)
            for f in [f for f, arr in flags.items() if arr[i] and f not in new]:
                column(f)[i] = False
            for f in new:
                column(f)[i] = True
        out.generation = generation
        out.applied = dict(applied)
        out.flag_rows = {**self.flag_rows, **{i: sorted(set(new)) for i, new in rows.items()}}
        return out

    @property
    def size(self) -> int:
        return len(self.ids)

    # -- build / persist ------------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        ids: list[str],
        texts: Sequence[str],
        metas: Sequence[dict],
        stamp: dict,
        tokenizer: Tokenizer | None = None,
        generation: int | None = None,
        applied: Applied | None = None,
    ) -> LexicalIndex:
        import bm25s
        from bm25s.tokenization import Tokenized

        tokenizer = tokenizer or Tokenizer()
        vocab: dict[str, int] = {"": 0}  # bm25s wants a non-empty vocabulary even for an empty corpus
        doc_ids: list[list[int]] = []
        for text in texts:
            doc_ids.append([vocab.setdefault(t, len(vocab)) for t in tokenizer(text)])
        retriever = bm25s.BM25()
        if ids:
            retriever.index(Tokenized(ids=doc_ids, vocab=vocab), show_progress=False)
        return cls(list(ids), metas, retriever if ids else None, stamp, tokenizer, generation, applied)

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp))
        docs = {"ids": self.ids, "metas": [_slim(m) for m in self._metas_for_save()], **self._state()}
        (tmp / DOCS_FILE).write_text(json.dumps(docs), encoding="utf-8")
        if self.flag_rows:
            (tmp / COLUMNS_FILE).write_text(json.dumps(self._columns_record()), encoding="utf-8")
        (tmp / STAMP_FILE).write_text(
            json.dumps(self.stamp), encoding="utf-8"
        )  # written last: marks completeness
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    def save_columns(self, folder: Path) -> None:
        """Save the replaced filter rows beside the saved bm25, which stays as it is. Another process may be
        replacing the whole folder meanwhile: the rows name this index's stamp and ids, so a loader ignores them
        beside any other build, and a write that finds the folder gone is dropped."""
        folder = Path(folder)
        tmp = folder / f"{COLUMNS_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            tmp.write_text(json.dumps(self._columns_record()), encoding="utf-8")
            os.replace(tmp, folder / COLUMNS_FILE)
        except OSError:
            tmp.unlink(missing_ok=True)

    def _state(self) -> dict:
        return {
            "generation": self.generation,
            "applied": [[ref, label, cid] for (ref, label), cid in sorted(self.applied.items())],
        }

    def _columns_record(self) -> dict:
        if self._ids_digest is None:
            self._ids_digest = _digest(self.ids)
        return {
            "stamp": self.stamp,
            "ids": self._ids_digest,
            "rows": {str(i): flags for i, flags in sorted(self.flag_rows.items())},
            **self._state(),
        }

    def _metas_for_save(self) -> list[dict]:
        c = self.columns
        flags_by_doc: list[list[str]] = [[] for _ in range(c.n)]
        for f, arr in c.flags.items():
            for i in np.flatnonzero(arr):
                flags_by_doc[i].append(f)
        return [
            {
                "reference": c.references[i],
                "authority_key": c.authority[i],
                "date_ord": int(c.date_ord[i]),
                "flags": flags_by_doc[i],
            }
            for i in range(c.n)
        ]

    @classmethod
    def load(cls, folder: Path, stamp: dict) -> LexicalIndex | None:
        """The saved index if its stamp equals ``stamp``, else None (missing, stale or unreadable), with the
        filter rows saved since its build when they belong to it."""
        import bm25s

        folder = Path(folder)
        try:
            saved = json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
            if saved != stamp:
                return None
            docs = json.loads((folder / DOCS_FILE).read_text(encoding="utf-8"))
            retriever = bm25s.BM25.load(str(folder)) if docs["ids"] else None
            lexical = cls(docs["ids"], docs["metas"], retriever, stamp, None, *_read_state(docs))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        try:
            columns = json.loads((folder / COLUMNS_FILE).read_text(encoding="utf-8"))
            if columns["stamp"] == stamp and columns["ids"] == _digest(lexical.ids):
                rows = {int(i): list(flags) for i, flags in columns["rows"].items()}
                if all(0 <= i < lexical.size for i in rows):
                    lexical = lexical.with_flags(rows, *_read_state(columns))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no rows replaced since the build (or not readable: the caller reads them again)
        return lexical

    # -- query ----------------------------------------------------------------------------------------
    def query_ids(self, query: str) -> list[int]:
        if self.retriever is None:
            return []
        return self.retriever.get_tokens_ids(self.tokenizer(query))

    def scores(self, query: str) -> np.ndarray:
        """bm25 score of every document (0 where no query token occurs)."""
        token_ids = self.query_ids(query)
        if self.retriever is None or not token_ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(token_ids), dtype=np.float32)

    def position(self, chunk_id: str) -> int | None:
        """The row of a chunk id (None for an id the store does not know)."""
        if self._position is None:
            self._position = {cid: i for i, cid in enumerate(self.ids)}
        return self._position.get(chunk_id)

    def top(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The best ``n`` (chunk id, score) with a positive score among the documents ``mask`` allows.
        Ties are broken by chunk id, so the order is deterministic."""
        if not self.size or n <= 0:
            return []
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if not len(positive):
            return []
        if len(positive) > n:
            # keep everything tied with the n-th best so the tie-break below sees all candidates
            kth = np.partition(scores[positive], len(positive) - n)[len(positive) - n]
            positive = positive[scores[positive] >= kth]
        order = sorted(positive.tolist(), key=lambda i: (-float(scores[i]), self.ids[i]))[:n]
        return [(self.ids[i], float(scores[i])) for i in order]


def _read_state(saved: dict) -> tuple[int | None, dict[tuple[str, str], int]]:
    generation = saved.get("generation")
    applied = {(ref, label): int(cid) for ref, label, cid in saved.get("applied") or ()}
    return (int(generation) if generation is not None else None), applied


def _digest(ids: list[str]) -> str:
    """Identifies an ordered list of chunk ids (saved filter rows belong to one build)."""
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:16]


def _slim(meta: dict) -> dict:
    return {k: meta[k] for k in ("reference", "authority_key", "date_ord", "flags") if k in meta}
