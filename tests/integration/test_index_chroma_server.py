"""The index against a real `chroma run` server on 127.0.0.1 (PRECEDENT_CHROMA_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import PrecedentIndex
from tests.chroma_support import chroma_server, find_chroma, free_port
from tests.conftest import SEEDS

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not find_chroma():
        pytest.skip("the `chroma` executable is not installed next to this Python (pip install chromadb)")
    with chroma_server(
        tmp_path_factory.mktemp("chroma_server")
    ) as url:  # RuntimeError, with its log, if it fails
        yield url


def test_ingest_and_search_through_a_chroma_server(chroma_url: str, tmp_path: Path):
    settings = Settings(home=tmp_path / "home", chroma_url=chroma_url)
    embed = FakeEmbeddingFunction()
    index = PrecedentIndex.open(settings, embedding_function=embed)
    report = index.ingest_paths([SEEDS])
    assert report.letters == 2 and report.exit_code == 0
    assert (
        not settings.chroma_dir.exists()
    )  # nothing persisted locally by chroma: the server holds the vectors
    assert index.stats()["vectors"] == 17
    hits = index.search("How many individuals have your police force incorrectly identified with FRT?", k=3)
    assert (hits[0].reference, hits[0].label) == ("01.FOI.24.036325", "Q5")
    assert index.search("watch list", exemption="s31", k=5)
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    again = index.ingest_paths([SEEDS])
    assert again.unchanged == 2
    index.close()

    # a second client (as another process would) sees the same collection
    reopened = PrecedentIndex.open(settings, embedding_function=embed)
    assert reopened.stats()["vectors"] == 17
    reopened.close()


def test_unreachable_server_is_a_clear_error(tmp_path: Path):
    from foi_precedent.errors import IndexError_

    settings = Settings(home=tmp_path / "home", chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(IndexError_, match="Chroma"):
        PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
