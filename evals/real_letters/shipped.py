"""The real letters the product ships (``corpus/real``), with their hand-labelled readings as reviewed readings.

The development set's tuning part (never a held-back letter) is copied to ``corpus/real/<id>.txt`` as found, and
its labels become ``corpus/real/reviewed.jsonl`` (``foi_precedent.reviewed``): ``make run`` indexes the letters
and imports the readings, so the default index holds real precedent as people read it, as a team's index holds
its disclosure log once officers have reviewed it. The reader's own reading of these letters is what
``precedent eval real_letters`` measures; the shipped index does not depend on it.

Each labelled question is given with its text, which runs from its labelled first words to the next question's,
the end of its paragraph, or the last sentence end within ``MAX_TEXT`` characters. Nothing here reads the letter
with the reader: the import keeps the reader's split where it finds the same questions (``foi_precedent.reviewed``).

    .venv/bin/python scripts/build_real_corpus.py          # write corpus/real
    .venv/bin/python scripts/build_real_corpus.py --check  # exit 1 when corpus/real is not what it would write
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from pathlib import Path

from evals.holdout import is_held_back
from evals.real_letters import suite

OUT = suite.ROOT / "corpus" / "real"
MAX_TEXT = 400


def _flat(text: str) -> tuple[str, list[int]]:
    """The text with runs of whitespace as one space, and for each of its characters the offset it came from."""
    out, where = [], []
    space = False
    for i, c in enumerate(text):
        if c.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        out.append(c)
        where.append(i)
        space = False
    return "".join(out), where


def find_start(text: str, starts: str, after: int = 0) -> int | None:
    """Where the labelled first words begin in ``text`` (at or after ``after``), whitespace and case aside."""
    flat, where = _flat(text)
    want = " ".join(starts.split()).lower()
    if not want:
        return None
    found = flat.lower().find(want, bisect_left(where, after))  # (offsets only grow along the text)
    return where[found] if found >= 0 else None


def question_text(text: str, start: int, end: int | None) -> str:
    """The question from ``start``: up to ``end`` (the next question), the end of its paragraph, and no longer than
    ``MAX_TEXT`` characters, cut at a sentence's end where one falls inside."""
    stop = min(x for x in (end, text.find("\n\n", start), len(text)) if x is not None and x >= start)
    piece = " ".join(text[start:stop].split())
    piece = re.sub(
        r"\s+(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|Q\d{1,2}[.):]?|[-•*])$", "", piece
    )  # the next one's mark
    if len(piece) > MAX_TEXT:
        cut = max(piece.rfind(m, 0, MAX_TEXT) for m in ("? ", ". "))
        piece = piece[: cut + 1] if cut > 40 else piece[:MAX_TEXT].rsplit(" ", 1)[0]
    return piece


def _known(provisions: list[str]) -> list[str]:
    """The provisions the product's tables know (a label may cite one they lack, e.g. EIR reg12(3), the pointer
    to reg 13: it is left out of the reviewed reading, which the index could not hold)."""
    from foi_precedent.corrections import CorrectionError, parse_provisions

    out = []
    for p in provisions:
        try:
            out.extend(parse_provisions([p]))
        except CorrectionError:
            continue
    return list(dict.fromkeys(out))


def _reviewed_question(q: dict, text: str | None) -> dict:
    out = {
        "label": q.get("label"),
        "treatments": list(q.get("treatments") or []),
        "exemptions": _known(list(q.get("exemptions") or [])),
        "ncnd": _known(list(q.get("ncnd") or [])),
        "pointers": list(q.get("pointers") or []),
    }
    if text is not None:
        out["text"] = text
    return out


def reviewed_entry(label: dict, letter_text: str) -> dict | None:
    """The reviewed reading of one labelled letter; None when nothing in it is reviewed."""
    expected = label.get("questions") or []
    if not any(q.get("treatments") for q in expected):
        return None
    starts: list[int | None] = []
    at = 0
    for q in expected:
        s = find_start(letter_text, q.get("starts") or "", at)
        starts.append(s)
        if s is not None:
            at = s + 1
    questions = []
    for i, q in enumerate(expected):
        s = starts[i]
        nxt = next((x for x in starts[i + 1 :] if x is not None), None)
        text = (
            question_text(letter_text, s, nxt) if s is not None else " ".join((q.get("starts") or "").split())
        )
        questions.append(_reviewed_question(q, text or f"Question {i + 1}"))
    return {"file": f"{label['id']}.txt", "id": label["id"], "questions": questions}


def build() -> dict[str, str]:
    """What ``corpus/real`` holds: file name -> text (the letters as found, ``reviewed.jsonl``)."""
    from foi_precedent.letters.sources import read_document

    files: dict[str, str] = {}
    lines: list[str] = []
    seen: set[str] = set()
    for label in suite.load_labels(part="tuning"):
        if is_held_back(label["id"]):
            continue  # (load_labels leaves them out already; checked again: a held-back letter never ships)
        path = suite.ROOT / label["file"]
        body = read_document(path).text
        if " ".join(body.split()) in seen:
            continue  # the same letter found on two pages (ingest would skip the second as a duplicate)
        seen.add(" ".join(body.split()))
        entry = reviewed_entry(label, body)
        files[f"{label['id']}.txt"] = path.read_text(encoding="utf-8")
        if entry is not None:
            lines.append(json.dumps(entry, ensure_ascii=False))
    files["reviewed.jsonl"] = "\n".join(lines) + "\n"
    return files


def check(out: Path = OUT) -> list[str]:
    """The differences between ``out`` and what ``build`` writes (empty: in step)."""
    want = build()
    have = (
        {p.name: p.read_text(encoding="utf-8") for p in out.glob("*") if p.name != "README.md"}
        if out.is_dir()
        else {}
    )
    diffs = [f"missing or changed: {name}" for name, text in want.items() if have.get(name) != text]
    diffs += [f"not from the development set: {name}" for name in have if name not in want]
    return sorted(diffs)


def write(out: Path = OUT) -> int:
    want = build()
    out.mkdir(parents=True, exist_ok=True)
    for p in out.glob("*"):
        if p.name not in want and p.name != "README.md":
            p.unlink()
    for name, text in want.items():
        (out / name).write_text(text, encoding="utf-8")
    return len(want) - 1
