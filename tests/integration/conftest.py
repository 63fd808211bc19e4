"""Session-wide real index over the shipped corpus (real offline embedding model, real Chroma on disk)."""

from __future__ import annotations

import pytest

from foi_precedent import assets
from foi_precedent.settings import Settings
from tests.conftest import ILLUSTRATIVE


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory) -> Settings:
    settings = Settings(home=tmp_path_factory.mktemp("corpus-home"))
    assets.build_embedding_model(settings)
    assets.activate_tiktoken(settings)
    return settings


@pytest.fixture(scope="session")
def corpus_index(corpus_settings):
    from retriever.index import PrecedentIndex

    index = PrecedentIndex.open(corpus_settings)
    report = index.ingest_paths(list(ILLUSTRATIVE))
    assert report.exit_code == 0, report.skipped
    yield index
    index.close()
