"""The batch re-check: every letter of an index checked against all the others (leave-one-out).

Each letter is checked with :func:`foi_precedent.consistency.checker.check_letter` (so the flags are the
checker's), with two differences that suit a corpus rather than a draft:

* ``unknown_pointer`` flags are dropped (a pointer only one letter names is not suspicious in a corpus);
* on a real index (``mode="fast"``, the default) the precedent search reuses the vectors already stored for
  the letter's chunks instead of embedding each question again (see :mod:`foi_precedent.recheck.search`);
  ``mode="exact"`` calls the index's own ``search_many`` (re-embeds every question: about 40 questions/s).

Results are appended, one JSON line per letter, flushed, to ``recheck_dir/<run-id>/results.jsonl``; the
run id derives from the letters in the index (references and content hashes) and the options, so a second
run with the same index and options resumes, and ``fresh=True`` starts over.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from foi_precedent.consistency.checker import DEFAULT_K, check_letter, question_queries
from foi_precedent.corrections import CORRECTED, correction_note
from foi_precedent.letters.model import Letter
from foi_precedent.letters.versions import superseded_by
from foi_precedent.splits import RESPLIT

RESULTS_FILE = "results.jsonl"
RUN_FILE = "run.json"
FORMAT = 1
BLOCK = 16  # letters per block: one matrix product for all their questions
DROPPED_KINDS = frozenset({"unknown_pointer"})

Progress = Callable[[int, int, str], None]


class RecheckStopped(Exception):  # noqa: N818 - raised by a progress callback to stop a run (tests, the app)
    """Raise from a progress callback to stop a run; finished letters are kept and the next run resumes."""


@dataclass
class RecheckOptions:
    k: int = DEFAULT_K
    mode: str = "fast"  # fast | exact
    workers: int | None = None  # default os.cpu_count()
    fresh: bool = False
    executor: str = "auto"  # auto | process | thread | serial
    block: int = BLOCK  # letters per task (results are flushed after each)

    def key(self) -> dict:
        return {"k": self.k, "mode": self.mode, "format": FORMAT}


@dataclass
class RecheckRun:
    run_id: str
    folder: Path
    records: list[dict]
    letters: int
    resumed: int  # letters whose results came from a previous run
    checked: int  # letters checked in this run
    elapsed: float
    mode: str
    workers: int
    meta: dict = field(default_factory=dict)

    @property
    def results_path(self) -> Path:
        return self.folder / RESULTS_FILE

    @property
    def rate(self) -> float:
        return self.checked / self.elapsed if self.elapsed > 0 else 0.0


def all_letters(index) -> list[Letter]:
    return sorted(index.letters(), key=lambda letter: letter.reference)


def run_id_for(letters: Sequence[Letter], options: RecheckOptions) -> str:
    h = hashlib.sha256(json.dumps(options.key(), sort_keys=True).encode())
    for letter in letters:
        h.update(f"{letter.reference}\0{letter.content_hash}\n".encode())
        if superseded_by(letter.meta):  # a supersession changes how much the letter counts: a new run
            h.update(f"superseded by {superseded_by(letter.meta)}\n".encode())
        corrected = (letter.meta or {}).get(CORRECTED)
        if corrected:  # so does a correction of how it was read
            h.update(json.dumps(corrected, sort_keys=True, default=str).encode())
        resplit = (letter.meta or {}).get(RESPLIT)
        if resplit:  # and an officer's split of it into questions (the same text, read into other questions)
            h.update(json.dumps(resplit, sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


def record_for(result, letter: Letter) -> dict:
    """One letter's results as a JSON-able record (a line of results.jsonl)."""
    flags = [f.to_dict() for f in result.flags if f.kind not in DROPPED_KINDS]
    questions = []
    for q, c in zip(letter.questions, result.questions, strict=True):
        questions.append(
            {
                "label": q.label,
                "text": q.text,
                "answer": q.answer,
                "treatments": [t.value for t in q.treatments],
                "exemptions": list(q.exemptions),
                "pointers": [p.name for p in q.pointers],
                "review": q.review,  # why a person should check how this answer was read (None: read with confidence)
                "corrected": correction_note(
                    letter, q.label
                ),  # an officer's correction in force (None: as read)
                "evidence": q.evidence,
                "consensus": {
                    "treatments": [t.value for t in c.treatments],
                    "exemptions": list(c.exemptions),
                    "pointers": [p.name for p in c.pointers],
                    "status": c.status,
                    "confidence": c.confidence,
                    "agreement": round(c.agreement, 3),
                    "precedents": [
                        {
                            "reference": w.precedent.reference,
                            "label": w.precedent.label,
                            "similarity": round(w.precedent.similarity, 3),
                            "treatments": [t.value for t in w.precedent.treatments],
                        }
                        for w in c.counted
                    ],
                },
            }
        )
    return {
        "reference": letter.reference,
        "authority": letter.authority,
        "date": letter.date.isoformat() if letter.date else None,
        "title": letter.title,
        "cluster": (letter.meta or {}).get("cluster"),
        "questions": questions,
        "flags": flags,
    }


def read_results(path: Path) -> dict[str, dict]:
    """Finished letters of a run (a torn last line, from a crash mid-write, is ignored)."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and "reference" in rec:
                out[rec["reference"]] = rec
    return out


# --- workers ---------------------------------------------------------------------------------------

_SEARCHER = None  # set in the parent before forking: worker processes inherit it (copy-on-write)
_LETTERS: dict[str, Letter] = {}
_K = DEFAULT_K


def _check_block(refs: Sequence[str]) -> list[dict]:
    from foi_precedent.recheck.search import LetterSearch

    searcher = _SEARCHER
    letters = [_LETTERS[r] for r in refs]
    queries = [question_queries(letter) for letter in letters]
    vectors = [searcher.query_vectors(letter) for letter in letters]
    import numpy as np

    stacked = np.concatenate(vectors) if vectors else np.zeros((0, 1), dtype=np.float32)
    dense = searcher.scores(stacked)
    qscores = searcher.question_scores(stacked)
    out, row = [], 0
    for letter, qs in zip(letters, queries, strict=True):
        view = LetterSearch(
            searcher,
            qs,
            dense[row : row + len(qs)],
            qscores[row : row + len(qs)] if qscores is not None else None,
        )
        row += len(qs)
        result = check_letter(letter, view, k=_K)
        out.append(record_for(result, letter))
    return out


def _blocks(refs: list[str], size: int) -> list[list[str]]:
    return [refs[i : i + size] for i in range(0, len(refs), size)]


def _iter_fast(todo: list[str], workers: int, executor: str, block: int = BLOCK) -> Iterable[list[dict]]:
    blocks = _blocks(todo, max(1, block))
    if workers <= 1 or executor == "serial" or len(blocks) <= 1:
        for b in blocks:
            yield _check_block(b)
        return
    if executor in ("auto", "process") and hasattr(os, "fork"):
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        with ctx.Pool(workers) as pool:
            yield from pool.imap_unordered(_check_block, blocks)
            return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        yield from pool.map(_check_block, blocks)


class _NoPointerCheck:
    """The index as the checker sees it, minus the corpus-wide pointer list (unused by the batch)."""

    def __init__(self, index):
        self.index = index

    def search_many(self, queries, k=10, authority=None, exclude_references=()):
        return self.index.search_many(
            queries, k=k, authority=authority, exclude_references=exclude_references
        )

    def known_pointer_keys(self) -> set[str]:
        return set()


def _iter_exact(todo: list[str], letters: dict[str, Letter], index, k: int) -> Iterable[list[dict]]:
    view = _NoPointerCheck(index)
    for ref in todo:
        letter = letters[ref]
        yield [record_for(check_letter(letter, view, k=k), letter)]


_RUN_LOCK = threading.Lock()  # the fast path keeps its data in module globals: one run at a time per process


def recheck_index(
    index,
    settings,
    options: RecheckOptions | None = None,
    progress: Progress | None = None,
    label: str = "index",
) -> RecheckRun:
    """Re-check every letter of ``index``; resumes a previous run with the same index and options."""
    from foi_precedent.recheck.search import is_vector_index

    options = options or RecheckOptions()
    letters = all_letters(index)
    by_ref = {letter.reference: letter for letter in letters}
    mode = options.mode if is_vector_index(index) else "exact"
    if mode not in ("fast", "exact"):
        from foi_precedent.errors import PrecedentError

        raise PrecedentError(f"unknown re-check mode {options.mode!r} (use fast or exact)")
    options = RecheckOptions(options.k, mode, options.workers, options.fresh, options.executor, options.block)
    run_id = run_id_for(letters, options)
    folder = Path(settings.recheck_dir) / run_id
    if options.fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RUN_FILE).write_text(
        json.dumps({"run_id": run_id, "label": label, "letters": len(letters), **options.key()}, indent=2),
        encoding="utf-8",
    )
    done = {ref: rec for ref, rec in read_results(folder / RESULTS_FILE).items() if ref in by_ref}
    resumed = len(done)
    todo = [letter.reference for letter in letters if letter.reference not in done]
    workers = max(1, options.workers or os.cpu_count() or 1)
    started = time.monotonic()
    checked = 0
    total = len(letters)
    if progress:
        progress(len(done), total, "")
    if todo:
        with _RUN_LOCK, (folder / RESULTS_FILE).open("a", encoding="utf-8") as out:
            global _SEARCHER, _LETTERS, _K
            if mode == "fast":
                from foi_precedent.recheck.search import VectorSearcher

                _SEARCHER, _LETTERS, _K = VectorSearcher(index, letters), by_ref, options.k
                stream = _iter_fast(todo, workers, options.executor, options.block)
            else:
                workers = 1
                stream = _iter_exact(todo, by_ref, index, options.k)
            try:
                for records in stream:
                    for rec in records:
                        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        done[rec["reference"]] = rec
                        checked += 1
                    out.flush()
                    if progress:
                        progress(len(done), total, records[-1]["reference"] if records else "")
            finally:
                out.flush()
                if hasattr(stream, "close"):
                    stream.close()
                _SEARCHER, _LETTERS = None, {}
    elapsed = time.monotonic() - started
    records = [done[letter.reference] for letter in letters if letter.reference in done]
    return RecheckRun(
        run_id=run_id,
        folder=folder,
        records=records,
        letters=total,
        resumed=resumed,
        checked=checked,
        elapsed=elapsed,
        mode=mode,
        workers=workers,
        meta={"label": label},
    )


def paths_index_home(settings, paths: Sequence[str | os.PathLike]) -> Path:
    """Where letters given as paths are indexed: a separate home per set of paths (the main index is untouched)."""
    h = hashlib.sha256()
    for p in sorted(str(Path(p).resolve()) for p in paths):
        h.update(p.encode() + b"\n")
    return Path(settings.recheck_dir) / f"index-{h.hexdigest()[:12]}"


def separate_settings(settings, home: Path):
    """Settings for a separate index under ``home`` that shares the installed models and encodings."""
    import dataclasses

    home.mkdir(parents=True, exist_ok=True)
    for name in ("models", "tiktoken"):
        src, dst = Path(settings.home) / name, home / name
        if src.exists() and not dst.exists():
            with contextlib.suppress(OSError):
                dst.symlink_to(src, target_is_directory=True)
    return dataclasses.replace(settings, home=home, chroma_url=None)


def index_for_paths(settings, paths: Sequence[str | os.PathLike], embedding_function=None, progress=None):
    """Ingest ``paths`` into their own index (see :func:`paths_index_home`); returns (index, ingest report)."""
    from retriever.index import PrecedentIndex

    local = separate_settings(settings, paths_index_home(settings, paths))
    index = PrecedentIndex.open(local, embedding_function=embedding_function)
    report = index.ingest_paths([Path(p) for p in paths], progress=progress)
    return index, report
