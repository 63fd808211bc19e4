"""Split corrections: an FOI officer's word on which questions a stored letter asks.

The letter reader splits some letters into the wrong questions (two asks read as one, a preamble read as a
question, a breakdown split off), and a misread split is false precedent for every later draft and check. A
``SplitCorrection`` gives, for one letter (its reference), the questions as the officer sets them (label and
text, in order), who, when and why; the reader then reads the letter with those questions (``parse_text``'s
``questions``): a question the reader found too (the same words) keeps the reader's reading, so a correction of one
question leaves the others read as before; any other is answered by its label where the reply labels its answers,
otherwise by the reply read as a whole. An undo (no questions) returns the letter to the reader's own split.

Pure: the store (``retriever/store.py``) keeps split corrections append-only, the latest of a letter in force, and
the index re-reads and re-indexes the letter when one is made, and again when the letter is re-ingested.
Treatment corrections (``foi_precedent.corrections``) are keyed by label: they keep applying to a label the new
split still has, and are reported orphaned otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foi_precedent.corrections import CorrectionError
from foi_precedent.drafting.edited import LONE_LABEL, editor_lines, labelled, question_texts
from foi_precedent.letters.model import Letter
from foi_precedent.letters.parser import parse_document
from foi_precedent.letters.sources import Document

#: ``Letter.meta`` key of a letter read with an officer's questions: who set them, when, why, and the reader's split
RESPLIT = "resplit"

Split = tuple[tuple[str, str], ...]  # (label, text), in order


class SplitError(CorrectionError):
    """A split correction that cannot be recorded (no questions, a label twice, no reason, an unknown letter)."""


@dataclass(frozen=True)
class SplitCorrection:
    reference: str
    questions: Split | None  # None: an undo, the letter read as the reader splits it
    officer: str = ""
    at: str = ""  # ISO timestamp, UTC
    reason: str = ""
    id: int | None = None  # the store's row id (its order breaks ties between equal timestamps)

    @property
    def undo(self) -> bool:
        return self.questions is None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "reference": self.reference,
            "questions": None
            if self.questions is None
            else [{"label": label, "text": text} for label, text in self.questions],
            "undo": self.undo,
            "officer": self.officer,
            "at": self.at,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict) -> SplitCorrection:
        questions = d.get("questions")
        return cls(
            reference=d["reference"],
            questions=None if questions is None else tuple((q["label"], q["text"]) for q in questions),
            officer=d.get("officer") or "",
            at=d.get("at") or "",
            reason=d.get("reason") or "",
            id=d.get("id"),
        )


# 'Q1 - How many ...', 'Question 2 - ...', '1 (second list) - ...': the editor's line, a label, a dash, the text
_LINE = re.compile(r"^(?P<label>\S.{0,39}?)\s+[-\u2013\u2014]\s+(?P<text>\S.*)$")


def parse_split(editor: str, labels: Iterable[str] = ()) -> Split:
    """The editor's text (one question a line, 'label - text', as ``drafting.edited`` writes and reads it) as a
    split. A label is kept as written where the line has one the editor knows ('Q2', '2', 'Question 2') or one of
    ``labels`` (the letter's own, e.g. '1 (second list)'), so corrections keyed by it keep applying; a line without
    a label is numbered as the editor numbers it. ``SplitError`` for no question or a label twice."""
    known = set(labels)
    out: list[tuple[str, str]] = []
    counter, parent = 0, None
    for line in question_texts(editor):
        if LONE_LABEL.match(line):
            continue  # a label alone asks nothing
        m = _LINE.match(line)
        edited_label, written, text, kind = labelled(line, counter, parent)
        if m and (m.group("label") in known or (written and text == m.group("text").strip())):
            label, text = m.group("label").strip(), m.group("text").strip()
        else:
            label = edited_label
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            continue  # a label alone asks nothing
        out.append((label, text))
        if kind != "part":  # the next unlabelled line follows this one's number, as in the editor
            number = re.match(r"\D*(\d{1,3})", label)
            counter = int(number.group(1)) if number else counter + 1
            parent = None if kind == "lettered" else f"Q{counter}"
    return checked(out)


def checked(questions: Sequence[tuple[str, str]]) -> Split:
    """The questions as a split, or a ``SplitError`` saying what is wrong with them."""
    split = tuple((str(label).strip(), re.sub(r"\s+", " ", str(text)).strip()) for label, text in questions)
    if not split:
        raise SplitError("A split correction needs at least one question (one a line: 'Q1 - How many ...').")
    for label, text in split:
        if not label or not text:
            raise SplitError(f"Each question needs a label and its text ({label or text!r} lacks one).")
    seen: set[str] = set()
    for label, _ in split:
        if label in seen:
            raise SplitError(f"The label {label!r} is given twice: each question needs a label of its own.")
        seen.add(label)
    return split


def editor_text(questions: Iterable[tuple[str, str]]) -> str:
    """A split as the editor shows it, one question a line (what the Corpus page pre-fills)."""
    return "\n".join(editor_lines(questions))


def letter_split(letter: Letter) -> Split:
    """The letter's questions as read now (by the reader, or with an officer's split)."""
    return tuple((q.label, q.text) for q in letter.questions)


def _checked_by(officer: str, reason: str) -> None:
    if not (reason or "").strip():
        raise SplitError("A split correction needs a reason (how the reader split the letter wrongly).")
    if not (officer or "").strip():
        raise SplitError("A split correction needs the name of the officer making it.")


def make_split(
    reference: str, questions: Sequence[tuple[str, str]], *, officer: str, at: str, reason: str
) -> SplitCorrection:
    """A validated split correction (the CLI and the app both use this)."""
    _checked_by(officer, reason)
    return SplitCorrection(reference, checked(questions), officer.strip(), at, reason.strip())


def make_undo(reference: str, *, officer: str, at: str, reason: str) -> SplitCorrection:
    """A split correction returning the letter to the reader's split."""
    _checked_by(officer, reason)
    return SplitCorrection(reference, None, officer.strip(), at, reason.strip())


def latest(splits: Iterable[SplitCorrection]) -> dict[str, SplitCorrection]:
    """The latest split correction of each letter (an undo included): by time, then by the order stored."""
    ordered = sorted(
        enumerate(splits), key=lambda i_s: (i_s[1].at, i_s[1].id if i_s[1].id is not None else -1, i_s[0])
    )
    return {s.reference: s for _, s in ordered}


def in_force(splits: Iterable[SplitCorrection]) -> dict[str, SplitCorrection]:
    """Letter -> the split correction in force (letters whose latest is an undo are read as the reader splits them)."""
    return {ref: s for ref, s in latest(splits).items() if not s.undo}


def read_with_split(doc: Document, split: SplitCorrection, reader: Letter) -> Letter:
    """The letter read with the officer's questions (``reader``: the same document read without them): a question the
    reader found too keeps the reader's reading, with the officer's text (``parse_text``'s ``questions``), so an
    officer who re-splits one question does not see the others read anew; a new question is read from the reply by
    its label, else from the reply as a whole. ``meta`` says who set the questions, when, why, and how the reader had
    split the letter."""
    return with_note(parse_document(doc, questions=list(split.questions or ())), split, reader)


def _with(values: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*values, *more]))


def with_note(letter: Letter, split: SplitCorrection | None, reader: Letter | None = None) -> Letter:
    """``letter`` with the note of the split correction it was read with (None: no note; a front matter's own
    ``resplit`` key decides nothing)."""
    meta = {k: v for k, v in (letter.meta or {}).items() if k != RESPLIT}
    if split is not None and not split.undo:
        meta[RESPLIT] = {
            "id": split.id,
            "officer": split.officer,
            "at": split.at,
            "reason": split.reason,
            "reader": [list(q) for q in letter_split(reader)] if reader is not None else None,
        }
    return dataclasses.replace(letter, meta=meta)


def split_note(letter: Letter) -> dict | None:
    """Who re-split this letter, when, why, and the reader's split it replaced (None: the reader's split)."""
    return (letter.meta or {}).get(RESPLIT)
