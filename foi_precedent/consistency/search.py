"""Finding each question's precedents: the one search that checking, drafting and re-checking share.

One batched search over every authority, over-fetched because one letter may match with several of its
questions and counts once; for a named authority, its own letters are searched as well, so its nearest
answers are never crowded out by other bodies'. A question that only refers back ("the same for 2015") is
searched with the question it refers to (``letters.referring``). Only precedents that answered the same kind of
ask are kept (``asks``): a count given in full says nothing about how a list of the records should be treated,
whether the answer is being checked or planned.
"""

from __future__ import annotations

from collections.abc import Sequence

from foi_precedent.consistency.asks import same_ask
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.referring import in_context
from foi_precedent.ports import PrecedentSearch

OVER_FETCH = 3


def find_precedents(
    index: PrecedentSearch,
    questions: Sequence[str],
    k: int,
    authority: str | None = None,
    exclude_references: Sequence[str] = (),
) -> list[list[Precedent]]:
    """For each question (in order), its precedents, best first."""
    searched = in_context(list(questions))
    exclude = tuple(sorted(set(exclude_references)))
    hits = index.search_many(searched, k=k * OVER_FETCH, exclude_references=exclude)
    if authority:
        own = index.search_many(searched, k=k, authority=authority, exclude_references=exclude)
        hits = [_merge(a, b) for a, b in zip(hits, own, strict=True)]
    return [[p for p in h if same_ask(q, p.question)] for q, h in zip(questions, hits, strict=True)]


def _merge(a: list[Precedent], b: list[Precedent]) -> list[Precedent]:
    seen = {(p.reference, p.label) for p in a}
    return a + [p for p in b if (p.reference, p.label) not in seen]
