"""Search filters, expressed once and applied twice: as a Chroma ``where`` and as a numpy mask (bm25)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from retriever.chunking import exemption_flag, treatment_flag


def _as_date(value: date | str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        from foi_precedent.errors import PrecedentError

        raise PrecedentError(f"{name} must be a date like 2024-03-31, not {value!r}") from None


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if str(v)]


@dataclass(frozen=True)
class Filters:
    authority: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    exemptions: tuple[str, ...] = ()  # any of these (flag keys 'ex_...')
    treatments: tuple[str, ...] = ()  # any of these (flag keys 'tr_...')
    exclude_references: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        authority: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        exemption: str | Sequence[str] | None = None,
        treatment: str | Sequence[str] | None = None,
        exclude_references: Iterable[str] = (),
    ) -> Filters:
        return cls(
            authority=(authority or "").strip().lower() or None,
            date_from=_as_date(date_from, "date_from"),
            date_to=_as_date(date_to, "date_to"),
            exemptions=tuple(dict.fromkeys(exemption_flag(e) for e in _as_list(exemption))),
            treatments=tuple(
                dict.fromkeys(treatment_flag(getattr(t, "value", t)) for t in _as_list(treatment))
            ),
            exclude_references=tuple(sorted(set(exclude_references or ()))),
        )

    @property
    def empty(self) -> bool:
        return not (
            self.authority
            or self.date_from
            or self.date_to
            or self.exemptions
            or self.treatments
            or self.exclude_references
        )

    def where(self) -> dict | None:
        """The Chroma ``where`` clause (None when there is nothing to filter)."""
        clauses: list[dict] = []
        if self.authority:
            clauses.append({"authority_key": self.authority})
        if self.date_from:
            clauses.append({"date_ord": {"$gte": self.date_from.toordinal()}})
        if self.date_to:
            clauses.append({"date_ord": {"$lte": self.date_to.toordinal()}})
        if self.date_to:  # undated letters (date_ord 0) never match a date filter
            clauses.append({"date_ord": {"$gt": 0}})
        for group in (self.exemptions, self.treatments):
            if len(group) == 1:
                clauses.append({group[0]: True})
            elif group:
                clauses.append({"$or": [{flag: True} for flag in group]})
        if self.exclude_references:
            clauses.append({"reference": {"$nin": list(self.exclude_references)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def matches(self, meta: dict) -> bool:
        """The same test in Python, for one chunk's metadata (used for masks and for checking)."""
        if self.authority and (meta.get("authority_key") or "") != self.authority:
            return False
        ordinal = int(meta.get("date_ord") or 0)
        if self.date_from and (ordinal <= 0 or ordinal < self.date_from.toordinal()):
            return False
        if self.date_to and (ordinal <= 0 or ordinal > self.date_to.toordinal()):
            return False
        if self.exemptions and not any(meta.get(f) for f in self.exemptions):
            return False
        if self.treatments and not any(meta.get(f) for f in self.treatments):
            return False
        return not (self.exclude_references and meta.get("reference") in self.exclude_references)


class FilterColumns:
    """Per-document filter data in arrays, so a filter becomes a boolean mask in a few vector operations."""

    def __init__(self, metas: Sequence[dict]):
        n = len(metas)
        self.n = n
        self.references = np.array([m.get("reference", "") for m in metas], dtype=object)
        self.authority = np.array([m.get("authority_key", "") for m in metas], dtype=object)
        self.date_ord = np.array([int(m.get("date_ord") or 0) for m in metas], dtype=np.int64)
        self.flags: dict[str, np.ndarray] = {}
        rows: dict[str, list[int]] = {}
        for i, m in enumerate(metas):
            for f in m.get("flags", ()):
                rows.setdefault(f, []).append(i)
        for f, idx in rows.items():
            arr = np.zeros(n, dtype=bool)
            arr[idx] = True
            self.flags[f] = arr

    def mask(self, filters: Filters) -> np.ndarray | None:
        if filters.empty:
            return None
        mask = np.ones(self.n, dtype=bool)
        if filters.authority:
            mask &= self.authority == filters.authority
        if filters.date_from:
            mask &= (self.date_ord > 0) & (self.date_ord >= filters.date_from.toordinal())
        if filters.date_to:
            mask &= (self.date_ord > 0) & (self.date_ord <= filters.date_to.toordinal())
        for group in (filters.exemptions, filters.treatments):
            if group:
                any_of = np.zeros(self.n, dtype=bool)
                for f in group:
                    if f in self.flags:
                        any_of |= self.flags[f]
                mask &= any_of
        if filters.exclude_references:
            mask &= ~np.isin(self.references, list(filters.exclude_references))
        return mask
