"""Reviewed readings: how a set of letters was read by people, brought into an index as officers' corrections.

A team that adopts Precedent has letters an officer has already read: a disclosure log whose treatments were
checked, or a hand-labelled set such as the real letters the product ships (``corpus/real``, labelled in
``evals/real_letters/labels``). A reviewed-readings file (JSON Lines, one letter a line) says, for each letter
file, its questions as a person splits them and how each was answered::

    {"file": "moray-potholes-2020.txt", "id": "moray-potholes-2020",
     "questions": [{"label": "1.", "text": "How many potholes ...", "treatments": ["disclosed"],
                    "exemptions": [], "ncnd": [], "pointers": []}, ...]}

``plan`` compares a letter as the index now reads it with its reviewed reading and returns only what differs:
where the reader found the same questions (as many, each opening with the reviewed question's first words or
under its label, in order) its split stands; otherwise the reviewed questions are given as an officer gives them
to ``precedent resplit``. Then a reading correction for each question read otherwise. Applied
through the index's own ``resplit`` and ``correct``, each is audited and can be undone like any other; run
again, nothing is left to do. ``ingest`` makes the same corrections as it ingests the letters, so a re-split letter
is embedded once, read with its reviewed questions, not once as the reader splits it and again after
(``precedent ingest --readings``, what ``make run`` does).

Pure: the file is read and checked here; the index applies the plan (``retriever/index.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from foi_precedent.corrections import CorrectionError, parse_provisions, parse_treatments
from foi_precedent.letters.model import Letter, Pointer, Question, label_key, opening_share

#: a reviewed-readings file larger than this is refused before it is read (about 40,000 letters)
MAX_BYTES = 64 * 1024 * 1024


class ReviewedError(CorrectionError):
    """A reviewed-readings file that cannot be used (not JSON Lines, a bad treatment, no questions ...)."""


@dataclass(frozen=True)
class ReviewedQuestion:
    label: str | None
    text: str
    treatments: tuple[str, ...]
    exemptions: tuple[str, ...] = ()
    ncnd: tuple[str, ...] = ()
    pointers: tuple[str, ...] = ()

    @property
    def pointer_objects(self) -> tuple[Pointer, ...]:
        return tuple(
            Pointer(p, url=p if p.startswith(("http://", "https://", "www.")) else None)
            for p in self.pointers
        )


@dataclass(frozen=True)
class ReviewedLetter:
    file: Path  # resolved against the reviewed-readings file's folder
    id: str
    questions: tuple[ReviewedQuestion, ...]


def _question(raw: object, where: str) -> ReviewedQuestion:
    if not isinstance(raw, dict):
        raise ReviewedError(f"{where}: a question must be an object with its treatments.")
    try:
        # no treatments: the answer is not visible to whoever reviewed it, and the reader's reading stands
        given = raw.get("treatments")
        treatments = tuple(t.value for t in parse_treatments(given)) if given else ()
        exemptions = parse_provisions(raw.get("exemptions") or ())
        ncnd = parse_provisions(raw.get("ncnd") or (), "NCND provision")
    except CorrectionError as exc:
        raise ReviewedError(f"{where}: {exc}") from None
    label = raw.get("label")
    pointers = raw.get("pointers") or []
    if not isinstance(pointers, list) or not all(isinstance(p, str) and p.strip() for p in pointers):
        raise ReviewedError(f"{where}: pointers must be a list of names or URLs.")
    return ReviewedQuestion(
        label=str(label).strip() if label not in (None, "") else None,
        text=str(raw.get("text") or "").strip(),
        treatments=treatments,
        exemptions=exemptions,
        ncnd=ncnd,
        pointers=tuple(p.strip() for p in pointers),
    )


def load(path: Path) -> list[ReviewedLetter]:
    """The letters of a reviewed-readings file, checked whole before anything is applied: a bad line is a
    ``ReviewedError`` naming the line, and nothing is read from a file that fails."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReviewedError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if size > MAX_BYTES:
        raise ReviewedError(
            f"{path} is {size:,} bytes, over the {MAX_BYTES:,} a reviewed-readings file may be."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReviewedError(f"{path} is not UTF-8 text (a reviewed-readings file is JSON Lines).") from None
    out: list[ReviewedLetter] = []
    seen: set[Path] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name} line {n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReviewedError(f"{where} is not JSON ({exc.msg}).") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("file"), str) or not raw["file"].strip():
            raise ReviewedError(f"{where}: each line is an object naming its letter's file.")
        questions = raw.get("questions")
        if not isinstance(questions, list) or not questions:
            raise ReviewedError(f"{where}: a reviewed letter needs its questions.")
        file = (path.parent / raw["file"]).resolve()
        if file in seen:
            raise ReviewedError(f"{where}: {raw['file']} is reviewed twice.")
        seen.add(file)
        qs = tuple(_question(q, f"{where} question {i}") for i, q in enumerate(questions, 1))
        if not all(q.text for q in qs):
            raise ReviewedError(
                f"{where}: every question needs its text (its words as the letter gives them)."
            )
        out.append(ReviewedLetter(file=file, id=str(raw.get("id") or file.stem), questions=qs))
    if not out:
        raise ReviewedError(f"{path} holds no reviewed letter.")
    return out


@dataclass
class Plan:
    """What a letter's reviewed reading changes in the index: nothing when it reads so already."""

    split: list[tuple[str, str]] | None = None  # (label, text) for ``resplit``; None: the split stands
    corrections: list[tuple[int, ReviewedQuestion]] = field(default_factory=list)  # by question position


def _reads_as(q: Question, r: ReviewedQuestion) -> bool:
    if not r.treatments:
        return True  # nothing reviewed to say of it
    return (
        tuple(t.value for t in q.treatments) == r.treatments
        and tuple(q.exemptions) == r.exemptions
        and tuple(q.ncnd) == r.ncnd
        and (
            not r.pointers
            or {p.name for p in q.pointers} | {p.url for p in q.pointers if p.url} >= set(r.pointers)
        )
    )


def split_questions(reviewed: ReviewedLetter) -> list[tuple[str, str]]:
    """The reviewed questions as an officer gives them to ``resplit``: a question with no label of its own takes
    the next number, as the split editor numbers it."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    for n, q in enumerate(reviewed.questions, 1):
        label = q.label or f"Q{n}"
        while label in used:  # two items labelled alike ('a)' under two numbers): the second keeps its place
            label = f"{label} ({n})"
        used.add(label)
        out.append((label, q.text))
    return out


def _same_question(q: Question, r: ReviewedQuestion) -> bool:
    """The reader's question is the reviewed one: under the same label, or opening with most of its first words."""
    if r.label and label_key(r.label) == label_key(q.label):
        return True
    return opening_share(r.text, q.text) >= 0.5


def same_questions(letter: Letter, reviewed: ReviewedLetter) -> bool:
    return len(letter.questions) == len(reviewed.questions) and all(
        _same_question(q, r) for q, r in zip(letter.questions, reviewed.questions, strict=True)
    )


def plan(letter: Letter, reviewed: ReviewedLetter) -> Plan:
    """What to change so that ``letter`` (as the index reads it now) reads as ``reviewed`` says."""
    if not same_questions(letter, reviewed):
        return Plan(split=split_questions(reviewed))  # read again with it, the letter is planned again
    return Plan(
        corrections=[
            (i, r)
            for i, (q, r) in enumerate(zip(letter.questions, reviewed.questions, strict=True))
            if not _reads_as(q, r)
        ]
    )


@dataclass
class ImportReport:
    letters: int = 0  # reviewed letters in the file
    splits: int = 0  # split corrections made
    corrections: int = 0  # reading corrections made
    unchanged: int = 0  # letters the index already read as reviewed
    not_indexed: list[str] = field(default_factory=list)  # files the index does not hold (ingest them first)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, why) left as read
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {
            "letters": self.letters,
            "splits": self.splits,
            "corrections": self.corrections,
            "unchanged": self.unchanged,
            "not_indexed": self.not_indexed,
            "problems": [{"file": f, "why": w} for f, w in self.problems],
            "dry_run": self.dry_run,
        }

    def summary(self) -> str:
        verb = "would make" if self.dry_run else "made"
        text = (
            f"{self.letters} reviewed letters: {verb} {self.splits} split corrections and {self.corrections} "
            f"reading corrections; {self.unchanged} already read as reviewed"
        )
        if self.not_indexed:
            text += f"; {len(self.not_indexed)} not in the index (ingest them first)"
        if self.problems:
            text += f"; {len(self.problems)} left as read"
        return text + "."


def apply(
    index,
    letters: Iterable[ReviewedLetter],
    *,
    officer: str,
    roles,
    reason: str,
    dry_run: bool = False,
    audit=None,
    at_ingest: Mapping[Path, tuple[int, int]] | None = None,
) -> ImportReport:
    """Bring ``letters``' reviewed readings into ``index`` (a ``PrecedentIndex``) through its ``resplit`` and
    ``correct``: only what differs from how it reads them now, each correction made by ``officer`` with ``reason``
    and recorded in ``audit`` (an ``AuditLog``) when given. ``dry_run``: count, write nothing. ``at_ingest``: the split
    and reading corrections ``ingest`` made as it ingested each file, counted here as if made here."""
    from foi_precedent.corrections import may_correct

    if not (reason or "").strip():
        raise ReviewedError("Importing reviewed readings needs a reason (where the readings come from).")
    may_correct(officer, roles)
    report = ImportReport(dry_run=dry_run)
    keys = {Path(s.source_path).resolve(): s.reference for s in index.store.stored_letters() if s.source_path}
    for reviewed in letters:
        report.letters += 1
        reference = keys.get(reviewed.file)
        letter = index.letter(reference) if reference else None
        if letter is None:
            report.not_indexed.append(str(reviewed.file))
            continue
        todo = plan(letter, reviewed)
        splits, corrections = (at_ingest or {}).get(reviewed.file, (0, 0))
        report.splits += splits
        report.corrections += corrections
        if splits and todo.split is not None:
            report.problems.append((str(reviewed.file), "the split did not take"))
            continue
        if todo.split is None and not todo.corrections:
            if not (splits or corrections):
                report.unchanged += 1
            continue
        if todo.split is not None:
            report.splits += 1
            if dry_run:
                report.corrections += len(reviewed.questions)  # at most: the reader may read some so
                continue
            made, before, letter = index.resplit(
                reference, todo.split, reason=reason, officer=officer, roles=roles
            )
            if audit is not None:
                audit.record_split(made, previous=before, now=letter)
            todo = plan(
                letter, reviewed
            )  # read with the reviewed questions, the readings it still gets wrong
            if todo.split is not None:
                report.problems.append((str(reviewed.file), "the split did not take"))
                continue
        for i, r in todo.corrections:
            report.corrections += 1
            if not dry_run:
                made = index.correct(
                    reference,
                    letter.questions[i].label,
                    **correction_fields(r),
                    reason=reason,
                    officer=officer,
                    roles=roles,
                )
                if audit is not None:
                    audit.record_correction(made, previous=letter.questions[i])
    return report


def correction_fields(question: ReviewedQuestion) -> dict:
    """A reviewed question's reading as a correction's fields (``PrecedentIndex.correct``'s keywords)."""
    return {
        "treatments": question.treatments,
        "exemptions": question.exemptions,
        "ncnd": question.ncnd,
        "pointers": question.pointer_objects if question.pointers else None,
    }


def ingest(
    index,
    paths: Iterable[Path],
    letters: Iterable[ReviewedLetter],
    *,
    officer: str,
    roles,
    reason: str,
    audit=None,
    progress=None,
):
    """``index.ingest_paths(paths)`` then ``apply(index, letters, ...)``, ending as the two end, with each letter
    embedded once: a letter ingested is read with its reviewed questions where the reader splits it otherwise, and
    its chunks written with its reviewed readings, the split and reading corrections recorded (by ``officer`` with
    ``reason``, and audited, as ``apply`` records them) in the transaction that stores it: not embedded as the reader
    splits it and then again, and its Chroma metadata rewritten question by question. ``apply`` then does what is
    left: the letters the ingest found unchanged (already indexed) that read otherwise, and those not indexed.
    Returns the ingest report and the import report."""
    from foi_precedent.corrections import may_correct
    from retriever.index import ReadingsOnIngest

    if not (reason or "").strip():
        raise ReviewedError("Importing reviewed readings needs a reason (where the readings come from).")
    may_correct(officer, roles)
    letters = list(letters)
    by_file = {r.file: r for r in letters}
    files: dict[str, Path] = {}  # letter key -> its file, for each reviewed letter ingested
    done: dict[
        Path, list[int]
    ] = {}  # file -> [split corrections, reading corrections] made as it was ingested

    def questions(path: Path, letter: Letter) -> list[tuple[str, str]] | None:
        r = by_file.get(path.resolve())
        if r is None:
            return None
        files[letter.reference] = r.file
        return None if same_questions(letter, r) else split_questions(r)

    def corrections(path: Path, letter: Letter) -> list[tuple[str, dict]]:
        r = by_file.get(path.resolve())
        todo = plan(letter, r) if r is not None else Plan()
        if todo.split is not None:
            return []  # the split did not take: apply says so
        return [(letter.questions[i].label, correction_fields(q)) for i, q in todo.corrections]

    def split_made(split, before: Letter, now: Letter) -> None:
        done.setdefault(files[split.reference], [0, 0])[0] += 1
        if audit is not None:
            audit.record_split(split, previous=before, now=now)

    def correction_made(correction, previous) -> None:
        done.setdefault(files[correction.reference], [0, 0])[1] += 1
        if audit is not None:
            audit.record_correction(correction, previous=previous)

    readings = ReadingsOnIngest(
        officer,
        tuple(roles),
        reason,
        questions=questions,
        corrections=corrections,
        split_made=split_made,
        correction_made=correction_made,
    )
    ingested = index.ingest_with_readings(paths, readings, progress)
    made = {file: (n[0], n[1]) for file, n in done.items()}
    report = apply(index, letters, officer=officer, roles=roles, reason=reason, audit=audit, at_ingest=made)
    return ingested, report
