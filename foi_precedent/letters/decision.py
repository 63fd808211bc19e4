"""What a reply decided when it does not answer question by question: phrases that are data, and the
rules that reduce a whole response to one decision.

Pure. The phrase lists live in ``rules/reading_phrases.yaml``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

from foi_precedent.letters.model import Treatment

PHRASES_FILE = Path(__file__).resolve().parent.parent / "rules" / "reading_phrases.yaml"

# Where a long answer says which way it went: a refusal outranks what surrounds it, since a reply that
# refuses on cost also explains what it looked for, and one that withholds also says what it holds.
_PRIORITY = (
    Treatment.COST_LIMIT,
    Treatment.VEXATIOUS,
    Treatment.NCND,
    Treatment.WITHHELD,
    Treatment.PARTLY_DISCLOSED,
    Treatment.NOT_HELD,
    Treatment.PUBLIC_DOMAIN,
    Treatment.DISCLOSED,
)


@cache
def _phrases() -> dict:
    return yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))


@cache
def phrase(name: str) -> re.Pattern:
    """One entry of the phrase file as a case-insensitive pattern. An entry is one string or a list of alternatives
    joined with '|' (a list inside it, a YAML alias of another entry, stands for that entry's alternatives), so each
    line of the file can carry its own comment."""
    return re.compile(_alternatives(_phrases()[name]), re.I)


def _alternatives(entry: str | list) -> str:
    return entry if isinstance(entry, str) else "|".join(_alternatives(item) for item in entry)


@cache
def boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _phrases()["boilerplate"]), re.I)


def cost() -> re.Pattern:
    """A refusal on cost in a response read as a whole (broader than the words read in one answer, ``cost_limit``)."""
    return phrase("cost")


def asks_to_clarify() -> re.Pattern:
    return phrase("asks_to_clarify")


@cache
def _other_reasons() -> list[tuple[str, re.Pattern]]:
    return [(name, re.compile(p, re.I)) for name, p in _phrases()["other_reasons"].items()]


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])|\n+")


def flat(text: str) -> str:
    """The text with its runs of whitespace (line breaks included) collapsed to one space, stripped."""
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


@lru_cache(maxsize=65536)
def _boilerplate_sentence(sentence: str) -> bool:
    # a letter's sentences are read again for each question they may answer: each is matched once
    return bool(boilerplate().search(sentence))


def relied_on(text: str) -> str:
    """The text without the sentences that cite provisions the letter does not rely on (complaint rights,
    the Act quoted, hypotheticals): where the letter's own exemptions are to be found."""
    return "\n".join(s for s in sentences(text) if not _boilerplate_sentence(s))


def relied_on_lines(text: str) -> str:
    """``relied_on`` that keeps the line structure of an answer (its parts are read line by line)."""
    out = []
    for line in text.split("\n"):
        kept = [s for s in sentences(line) if not _boilerplate_sentence(s)]
        if kept or not line.strip():
            out.append(" ".join(kept))
    return "\n".join(out)


#: why an answer is `other` when no other reason is found, and when there is no answer at all
NO_WORDING = "no treatment wording found"
NO_ANSWER = "no answer found for this question"
NO_DECISION = "no decision found in the letter: read it and correct the reading"


def unanswered(review: str | None) -> bool:
    """A question read `other` for want of an answer of its own: none found, or no treatment wording in it."""
    return review in (f"other: {NO_WORDING}", f"other: {NO_ANSWER}", f"other: {NO_DECISION}")


def other_reason(text: str) -> str:
    """Why an answer reads as none of the treatments: clarification, invalid_request, not_foi, redirected,
    withdrawn, advice_only, or 'no treatment wording found'."""
    for name, pattern in _other_reasons():
        if pattern.search(text):
            return name
    return NO_WORDING


def reduce_shared(found: list[Treatment]) -> list[Treatment]:
    """One decision for a response read as a whole (every question shares it): the strongest refusal found,
    with the disclosure beside it only where both are there (a partial disclosure)."""
    present = set(found)
    refusals: list[Treatment] = [
        t for t in (Treatment.COST_LIMIT, Treatment.VEXATIOUS, Treatment.NCND) if t in present
    ]
    if refusals:
        # cost and NCND together: "to determine whether it is held would exceed the limit" (FOIA s12(2))
        return (
            [Treatment.COST_LIMIT, Treatment.NCND]
            if set(refusals) >= {Treatment.COST_LIMIT, Treatment.NCND}
            else refusals[:1]
        )
    if Treatment.WITHHELD in present or Treatment.PARTLY_DISCLOSED in present:
        released = present & {Treatment.DISCLOSED, Treatment.PARTLY_DISCLOSED}
        return [Treatment.PARTLY_DISCLOSED if released else Treatment.WITHHELD]
    if Treatment.NOT_HELD in present:
        return [Treatment.NOT_HELD] + (
            [Treatment.PUBLIC_DOMAIN] if Treatment.PUBLIC_DOMAIN in present else []
        )
    if Treatment.PUBLIC_DOMAIN in present:
        return [Treatment.PUBLIC_DOMAIN]
    return [t for t in _PRIORITY if t in present][:1]
