"""Fakes for the app: the seed letters in memory, a real audit log in the test's PRECEDENT_HOME."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foi_precedent.audit.log import AuditLog
from foi_precedent.errors import LetterError
from foi_precedent.letters.model import Letter, Treatment
from foi_precedent.letters.parser import parse_document, parse_file
from foi_precedent.letters.sources import read_document
from foi_precedent.settings import Settings
from foi_precedent.ui.state import SERVICES_KEY
from tests.conftest import ROOT, SEED_025506, SEED_036325
from tests.fakes import MemoryIndex

APP = str(ROOT / "app.py")

REQUEST = """Dear FOI team,

Please can you tell me:
1. Is your police force currently using or trialling FRT? Please specify the type of FRT tool(s) used.
2. How many individuals have been placed on FRT watchlists by your police force?
3. What rules/policies govern the use of FRT within your police force?
4. Please can you tell me what distance the LFR camera is able to work over?
5. Please can you tell me the average cost of a deployment.

Yours sincerely,
Jane Example
jane@example.org
"""


class AppIndex(MemoryIndex):
    """MemoryIndex plus what the app's pages use: filtered search, letters, ingest."""

    def __init__(self, letters: list[Letter]):
        super().__init__(letters)
        self.letters = _Letters(self.letters)
        self.ingested: list[str] = []

    def search(self, query, k=10, authority=None, date_from=None, date_to=None, exemption=None, treatment=None,
               exclude_references=()):
        hits = super().search(query, k=10_000, authority=authority, exclude_references=exclude_references)
        if exemption:
            hits = [h for h in hits if exemption in h.exemptions]
        if treatment:
            hits = [h for h in hits if Treatment(treatment) in h.treatments]
        if date_from:
            hits = [h for h in hits if h.date and h.date >= _date(date_from)]
        if date_to:
            hits = [h for h in hits if h.date and h.date <= _date(date_to)]
        return [h for h in hits if h.similarity > 0][:k]

    def search_many(self, queries, k=10, authority=None, exclude_references=(), **filters):
        return [self.search(q, k=k, authority=authority, exclude_references=exclude_references, **filters)
                for q in queries]

    def letter(self, reference: str) -> Letter:
        return self.letters[reference]

    def stats(self) -> dict:
        return {"letters": len(self.letters)}

    def ingest_paths(self, paths, progress=None):
        report = _Report()
        paths = [Path(p) for p in paths]
        for n, path in enumerate(paths, 1):
            try:
                letter = parse_document(read_document(path))
            except LetterError as exc:
                report.skipped.append((str(path), exc.reason))
            else:
                self.letters[letter.reference] = letter
                self.ingested.append(letter.reference)
                report.letters += 1
            if progress:
                progress(n, len(paths), str(path))
        return report


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@dataclass
class _Report:
    letters: int = 0
    skipped: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    same_reference: list = field(default_factory=list)
    not_read: list = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"skipped {p}: {r}" for p, r in self.skipped]

    def summary(self) -> str:
        return f"Ingest: {self.letters} letters added, {len(self.skipped)} skipped."


class _Letters(dict):
    """MemoryIndex keeps ``letters`` as a dict; the real index has ``letters()``. This is both."""

    def __call__(self) -> list[Letter]:
        return list(self.values())


@dataclass
class FakeServices:
    settings: Settings
    index: Any
    audit: AuditLog
    chat_model: Any = None


@pytest.fixture
def seed_letters() -> list[Letter]:
    return [parse_file(SEED_036325), parse_file(SEED_025506)]


@pytest.fixture
def fake_services(seed_letters) -> FakeServices:
    settings = Settings.from_env()
    return FakeServices(settings=settings, index=AppIndex(seed_letters), audit=AuditLog(settings.audit_db))


@pytest.fixture
def app_test(fake_services):
    """An AppTest of the whole app with the fake services injected; ``page`` switches to a page first."""
    from streamlit.testing.v1 import AppTest

    def make(page: str | None = None, services: Any = None):
        at = AppTest.from_file(APP, default_timeout=30)
        at.session_state[SERVICES_KEY] = services or fake_services
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        return at

    return make
