"""Reading text files: UTF-8, Windows-1252 and UTF-16 with or without a byte-order mark (issue 16: UTF-16
without one was refused as "a binary file")."""

from __future__ import annotations

import numpy as np
import pytest

from foi_precedent.errors import LetterError
from foi_precedent.letters.sources import read_document
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import PrecedentIndex
from tests.unit.test_retriever_index import TASER, letter_text


@pytest.fixture
def index():
    idx = PrecedentIndex.open(Settings.from_env(), embedding_function=FakeEmbeddingFunction())
    yield idx
    idx.close()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_byte_order_mark_is_read(index, tmp_path, encoding):
    text = letter_text(
        "FOI-U16", [("How many caf\u00e9s does the council run?", "The council runs 3 caf\u00e9s.")]
    )
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    assert "caf\u00e9s" in read_document(path).text
    report = index.ingest_paths([path])
    assert report.letters == 1 and report.skipped == []
    assert index.letter("FOI-U16").questions[0].answer == "The council runs 3 caf\u00e9s."


def test_broken_utf16_is_refused_with_an_encoding_message_not_binary(tmp_path):
    path = tmp_path / "broken.txt"
    body = letter_text("FOI-U16", TASER).encode("utf-16-le")
    path.write_bytes(body + b"\x00\xd8" + "more text".encode("utf-16-le"))  # a lone surrogate
    with pytest.raises(LetterError) as err:
        read_document(path)
    assert "UTF-16" in err.value.reason and "binary" not in err.value.reason
    noise = tmp_path / "noise.txt"
    rnd = np.random.default_rng(3)
    noise.write_bytes(bytes(rnd.integers(0, 256, 4096, dtype=np.uint8)) + b"\x00" * 64)
    with pytest.raises(LetterError, match="binary"):
        read_document(noise)
