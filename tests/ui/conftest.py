"""Fakes for the app: the seed letters in memory, a real audit log in the test's PRECEDENT_HOME."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from foi_precedent.audit.log import AuditLog
from foi_precedent.audit.reviews import ReviewStore
from foi_precedent.letters.model import Letter
from foi_precedent.letters.parser import parse_file
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
    """MemoryIndex as the app's searches show it: only past questions that share a word with the query."""

    def search(self, query, k=10, **filters):
        return [h for h in super().search(query, k=10_000, **filters) if h.similarity > 0][:k]


@dataclass
class FakeServices:
    settings: Settings
    index: Any
    audit: AuditLog
    chat_model: Any = None
    reviews: ReviewStore | None = None

    def __post_init__(self):
        if self.reviews is None:
            self.reviews = ReviewStore(self.settings.cases_db)


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


@pytest.fixture
def real_services():
    """The app's services over a real index (the fake embedding, Chroma on disk) holding the two seed letters."""
    from retriever.fake_embedding import FakeEmbeddingFunction
    from retriever.index import PrecedentIndex

    settings = Settings.from_env()
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    assert index.ingest_paths([SEED_036325, SEED_025506]).exit_code == 0
    yield FakeServices(settings=settings, index=index, audit=AuditLog(settings.audit_db))
    index.close()


def opened_in_corpus(app_test, services, reference: str):
    """The Corpus page with ``reference`` open."""
    at = app_test("app_pages/corpus.py", services=services)
    at.selectbox(key="corpus.open").select(reference)
    at.run()
    assert not at.exception, at.exception
    return at
