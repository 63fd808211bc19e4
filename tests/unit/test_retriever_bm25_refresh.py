"""bm25 is rebuilt only when chunk texts change: a correction or a supersession keeps it and refreshes its filter
columns (in this instance, on disk, and in another instance on the same store), on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json

import pytest

from foi_precedent.identity import DRAFTER
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.filters import Filters
from retriever.index import PrecedentIndex
from retriever.lexical import COLUMNS_FILE, STAMP_FILE, LexicalIndex
from tests.unit.test_retriever_index import DOGS, TASER, write_letter

DOGS_CHUNK = "FOI-2024-0003::Q1::0"
WITHHELD = Filters.build(treatment="withheld")


@pytest.fixture
def settings(database_url) -> Settings:
    return dataclasses.replace(Settings.from_env(), database_url=database_url)


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """One entry per bm25 build (its chunk count), in every instance of this process."""
    calls: list[int] = []
    build = LexicalIndex.build.__func__

    def counted(cls, ids, *args, **kwargs):
        calls.append(len(ids))
        return build(cls, ids, *args, **kwargs)

    monkeypatch.setattr(LexicalIndex, "build", classmethod(counted))
    return calls


def _open(settings) -> PrecedentIndex:
    return PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())


def _letters(tmp_path):
    folder = tmp_path / "letters"
    write_letter(
        folder, "taser.md", "FOI-2023-0001", TASER, authority="Exampleshire Police", when="2023-02-01"
    )
    write_letter(
        folder, "dogs.md", "FOI-2024-0003", DOGS, authority="Northshire Constabulary", when="2024-03-10"
    )
    return folder


def _withheld(index: PrecedentIndex) -> None:
    index.correct(
        "FOI-2024-0003",
        "Q1",
        treatments="withheld",
        exemptions="s31(1)(a)",
        reason="the count was withheld under s31",
        officer="alice",
        roles={DRAFTER},
    )


def _lexical_withheld(index: PrecedentIndex, query: str = "police dogs") -> list[str]:
    lexical = index.lexical()
    return [cid for cid, _ in lexical.top(query, 10, lexical.columns.mask(WITHHELD))]


def _saved_bm25(settings) -> dict[str, int]:
    """Every saved bm25 file but the filter rows, with its modification time."""
    folder = settings.index_dir / "bm25"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name != COLUMNS_FILE}


def test_a_correction_refreshes_the_filters_without_rebuilding_bm25(settings, tmp_path, builds):
    with _open(settings) as index:
        index.ingest_paths([_letters(tmp_path)])
        assert index.search("police dogs", k=5, treatment="withheld") == []
        assert builds == [2]
        saved = _saved_bm25(settings)

        _withheld(index)
        assert _lexical_withheld(index) == [DOGS_CHUNK]
        (hit,) = index.search("police dogs", k=5, treatment="withheld")
        assert (hit.reference, hit.meta["lexical_rank"]) == ("FOI-2024-0003", 1)
        assert [h.reference for h in index.search("police dogs", k=5, exemption="s31(1)(a)")] == [
            "FOI-2024-0003"
        ]
        assert builds == [2] and _saved_bm25(settings) == saved  # bm25 neither rebuilt nor saved again
        rows = json.loads((settings.index_dir / "bm25" / COLUMNS_FILE).read_text())
        assert "tr_withheld" in next(iter(rows["rows"].values()))

        # a supersession changes nothing bm25 holds either
        index.supersede("FOI-2023-0001", "FOI-2024-0003", "a test")
        assert _lexical_withheld(index) == [DOGS_CHUNK] and index.search("Taser discharges", k=5)
        assert builds == [2] and _saved_bm25(settings) == saved

        # a changed letter is ingested: its text is new, so bm25 is rebuilt (keeping the correction)
        write_letter(
            tmp_path / "letters",
            "dogs.md",
            "FOI-2024-0003",
            [(DOGS[0][0], "The force has 31 general purpose police dogs and 4 spaniels.")],
            authority="Northshire Constabulary",
            when="2024-03-10",
        )
        assert index.ingest_paths([tmp_path / "letters"]).replaced == 1
        assert _lexical_withheld(index, "spaniels") == [DOGS_CHUNK]
        assert (
            builds == [2, 2]
            and (settings.index_dir / "bm25" / STAMP_FILE).stat().st_mtime_ns != saved[STAMP_FILE]
        )


def test_another_instance_sees_a_correction_without_rebuilding_bm25(settings, tmp_path, builds):
    one = _open(settings)
    one.ingest_paths([_letters(tmp_path)])
    assert _lexical_withheld(one) == []
    two = _open(settings)  # already open, bm25 loaded from disk, when the correction is made
    assert _lexical_withheld(two) == [] and builds == [2]

    _withheld(one)
    assert _lexical_withheld(two) == [DOGS_CHUNK]  # its next search, no restart
    assert [h.reference for h in two.search("police dogs", k=5, treatment="withheld")] == ["FOI-2024-0003"]
    three = _open(settings)  # opened after the correction: the saved bm25 and the saved filter rows
    assert _lexical_withheld(three) == [DOGS_CHUNK]
    assert builds == [2]

    # without the saved rows, the corrections the saved columns follow say what to read again
    (settings.index_dir / "bm25" / COLUMNS_FILE).unlink()
    four = _open(settings)
    assert _lexical_withheld(four) == [DOGS_CHUNK] and builds == [2]
    for index in (one, two, three, four):
        index.close()


def test_a_write_by_older_code_rebuilds_bm25(settings, tmp_path, builds):
    """Code from before the texts generation bumps the generation alone, whatever it changed: that counts as a
    change of texts, as it did."""
    from sqlalchemy import Integer, Text, cast, update

    from foi_precedent.db.tables import meta

    with _open(settings) as index:
        index.ingest_paths([_letters(tmp_path)])
        index.search("police dogs", k=5)
        with index.store.transaction() as cur:
            cur.execute(
                update(meta)
                .where(meta.c.key == "generation")
                .values(value=cast(cast(meta.c.value, Integer) + 1, Text))
            )
        index.search("police dogs", k=5)
        assert builds == [2, 2]
        _withheld(index)  # this code's write after it: still counted, once
        index.search("police dogs", k=5)
        assert builds == [2, 2]
