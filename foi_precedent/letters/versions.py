"""Versions of one letter, and letters that supersede others.

A disclosure log holds re-issued letters, internal reviews and copies under one reference, so the index keeps
every file it is given: a second letter carrying a reference already indexed is stored under the reference plus
a short hash of its text (``GMP-FOI-2021-02525~1a2b3c4d``), with the reference as written in its ``meta``.
Letters with the same written reference and the same authority are versions of one letter: none of them is
precedent for another, as a letter is never its own.

That one letter supersedes another (a re-issue, an internal review's outcome) is the user's word, recorded
by the index and added to each letter's ``meta`` as it is read; a superseded letter is kept and shown, and
counts less as precedent (see ``consistency.consensus.SUPERSEDED_WEIGHT``).

Plain data and functions: the index (an adapter) writes these keys, the domain reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from foi_precedent.letters.model import Letter

WRITTEN_REFERENCE = "written_reference"  # in meta when the stored key is not the reference as written
SUPERSEDED_BY = "superseded_by"  # in meta: the key of the letter that supersedes this one
SUPERSEDED_REASON = "superseded_reason"  # in meta: why, as the user gave it
SUPERSEDES = "supersedes"  # in meta: the keys of the letters this one supersedes
VERSION_SEPARATOR = "~"


def written_reference(letter: Letter) -> str:
    """The reference as the letter gives it (its stored key may carry a hash after it)."""
    return (letter.meta or {}).get(WRITTEN_REFERENCE) or letter.reference


def version_key(reference: str, content_hash: str, taken) -> str:
    """The key for a letter written with ``reference``: the reference itself when free, else the reference and
    the first 8 (or more, until free) characters of its content hash. ``taken(key)`` says whether a key is used."""
    if not taken(reference):
        return reference
    for n in range(8, len(content_hash) + 1, 4):
        key = f"{reference}{VERSION_SEPARATOR}{content_hash[:n]}"
        if not taken(key):
            return key
    raise ValueError(f"no free key for {reference}")


def identity(written: str, authority: str | None) -> tuple[str, str]:
    """What makes two stored letters versions of one: the written reference and the authority."""
    return written, (authority or "").strip().lower()


def versions(letters: Iterable[Letter]) -> dict[str, frozenset[str]]:
    """Each letter's key -> the keys of every version of it (itself included)."""
    groups: dict[tuple[str, str], set[str]] = {}
    keyed = [(letter.reference, identity(written_reference(letter), letter.authority)) for letter in letters]
    for key, ident in keyed:
        groups.setdefault(ident, set()).add(key)
    return {key: frozenset(groups[ident]) for key, ident in keyed}


def with_versions(references: Iterable[str], groups: Mapping[str, frozenset[str]]) -> set[str]:
    """``references`` and every other version of them (a reference the index does not hold stands alone)."""
    out: set[str] = set()
    for ref in references:
        out |= groups.get(ref, {ref})
    return out


def superseded_by(meta: Mapping | None) -> str | None:
    """The key of the letter that supersedes the one with this ``meta`` (a letter's or a precedent's)."""
    value = (meta or {}).get(SUPERSEDED_BY)
    return str(value) if value else None
