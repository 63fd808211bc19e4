"""The bm25 side: tokenizer (stemming, stopwords, citations), masked top-N, persistence with a stamp, filter rows
replaced (a correction) and saved beside it."""

from __future__ import annotations

import json

import numpy as np

from retriever.filters import Filters
from retriever.lexical import COLUMNS_FILE, LexicalIndex, Tokenizer


def test_tokenizer_stems_drops_stopwords_and_adds_citation_tokens():
    tok = Tokenizer()
    tokens = tok("The images were retained under Section 31(1)(a) of the Act")
    assert "the" not in tokens and "imag" in tokens and "retain" in tokens
    assert {"s31", "s31_1", "s31_1_a"} <= set(tokens)
    assert {"s31", "s31_1", "s31_1_a"} <= set(tok("31(1)(a)"))
    assert {"s40", "s40_2"} <= set(tok("s.40(2)"))
    assert tok("LFR Deployment Grid") == ["lfr", "deploy", "grid"]


def _index(stamp=None) -> LexicalIndex:
    texts = [
        "Question: Taser discharges?\nAnswer: 412 discharges were recorded.",
        "Question: Deployment locations?\nAnswer: See the LFR Deployment Grid.",
        "Question: Watch list?\nAnswer: Withheld under section 31(1)(a).",
        "Question: Names?\nAnswer: Withheld under section 40(2).",
    ]
    metas = [
        {"reference": "A", "authority_key": "x", "date_ord": 10, "flags": ["tr_disclosed"]},
        {"reference": "B", "authority_key": "x", "date_ord": 20, "flags": ["tr_public_domain"]},
        {
            "reference": "C",
            "authority_key": "y",
            "date_ord": 0,
            "flags": ["tr_withheld", "ex_s31", "ex_s31_1"],
        },
        {
            "reference": "D",
            "authority_key": "y",
            "date_ord": 30,
            "flags": ["tr_withheld", "ex_s40", "ex_s40_2"],
        },
    ]
    return LexicalIndex.build(["a", "b", "c", "d"], texts, metas, stamp or {"v": 1})


def test_scores_for_all_documents_and_masked_top():
    lex = _index()
    scores = lex.scores("deployment grid")
    assert scores.shape == (4,) and scores[1] > 0 and scores[0] == 0
    assert sorted(i for i, _ in lex.top("withheld", 10)) == ["c", "d"]
    mask = lex.columns.mask(Filters.build(exemption="s31"))
    assert mask.tolist() == [False, False, True, False]
    assert [i for i, _ in lex.top("withheld", 10, mask)] == ["c"]
    assert lex.top("section 31(1)(a)", 1)[0][0] == "c"
    assert lex.top("unknownword", 10) == [] and lex.top("", 10) == []
    assert lex.columns.mask(Filters()) is None
    assert lex.columns.mask(Filters.build(authority="Y", exclude_references=["D"])).tolist() == [
        False,
        False,
        True,
        False,
    ]


def test_filters_mask_and_where_agree():
    lex = _index()
    from datetime import date

    cases = [
        Filters.build(treatment="withheld"),
        Filters.build(treatment=["disclosed", "public_domain"]),
        Filters.build(date_from=date.fromordinal(15)),
        Filters.build(date_to=date.fromordinal(25)),
        Filters.build(exemption="s40(2)", authority="y"),
    ]
    metas = lex._metas_for_save()
    for f in cases:
        mask = lex.columns.mask(f)
        assert mask.tolist() == [f.matches({**m, **dict.fromkeys(m["flags"], True)}) for m in metas], f
        assert f.where() is not None


def test_save_and_load_with_stamp(tmp_path):
    lex = _index({"generation": 3})
    lex.save(tmp_path / "bm25")
    assert LexicalIndex.load(tmp_path / "bm25", {"generation": 4}) is None
    loaded = LexicalIndex.load(tmp_path / "bm25", {"generation": 3})
    assert loaded is not None and loaded.ids == lex.ids
    assert np.allclose(loaded.scores("withheld 40(2)"), lex.scores("withheld 40(2)"))
    assert loaded.columns.mask(Filters.build(exemption="s31")).tolist() == [False, False, True, False]
    assert LexicalIndex.load(tmp_path / "missing", {"generation": 3}) is None


def test_replaced_filter_rows_are_kept_with_the_bm25_and_saved_beside_it(tmp_path):
    lex = _index({"texts": 3})
    lex.save(tmp_path / "bm25")
    saved = {p.name: p.read_bytes() for p in (tmp_path / "bm25").iterdir()}
    withheld, s31 = Filters.build(treatment="withheld"), Filters.build(exemption="s31")
    # a: now withheld under s31; c: now disclosed
    fresh = lex.with_flags(
        {0: ["tr_withheld", "ex_s31"], 2: ["tr_disclosed"]}, 7, {("A", "Q1"): 1, ("C", "Q1"): 2}
    )
    assert fresh.retriever is lex.retriever and (fresh.generation, lex.generation) == (7, None)
    assert fresh.columns.mask(withheld).tolist() == [True, False, False, True]
    assert fresh.columns.mask(s31).tolist() == [True, False, False, False]
    assert lex.columns.mask(withheld).tolist() == [
        False,
        False,
        True,
        True,
    ]  # the one a search holds: as it was
    assert [i for i, _ in fresh.top("withheld", 10, fresh.columns.mask(withheld))] == ["d"]

    fresh.save_columns(tmp_path / "bm25")
    assert {p.name: p.read_bytes() for p in (tmp_path / "bm25").iterdir() if p.name != COLUMNS_FILE} == saved
    loaded = LexicalIndex.load(tmp_path / "bm25", {"texts": 3})
    assert loaded.columns.mask(withheld).tolist() == [True, False, False, True]
    assert (loaded.generation, loaded.applied) == (7, {("A", "Q1"): 1, ("C", "Q1"): 2})
    again = loaded.with_flags({0: ["tr_disclosed"]}, 8, {("A", "Q1"): 3, ("C", "Q1"): 2})
    assert again.flag_rows == {0: ["tr_disclosed"], 2: ["tr_disclosed"]}
    assert again.columns.mask(withheld).tolist() == [False, False, False, True]

    # rows saved for another build (another stamp, or other ids under the same stamp) are not read
    other = json.loads((tmp_path / "bm25" / COLUMNS_FILE).read_text())
    for changed in ({"stamp": {"texts": 2}}, {"ids": "0" * 16}):
        (tmp_path / "bm25" / COLUMNS_FILE).write_text(json.dumps({**other, **changed}))
        built = LexicalIndex.load(tmp_path / "bm25", {"texts": 3})
        assert (
            built.columns.mask(withheld).tolist() == [False, False, True, True] and built.generation is None
        )
    # a folder gone while the rows are written: nothing is written, nothing raised
    fresh.save_columns(tmp_path / "gone")
    assert not (tmp_path / "gone").exists()


def test_empty_corpus():
    lex = LexicalIndex.build([], [], [], {"v": 0})
    assert lex.top("anything", 5) == [] and lex.scores("anything").shape == (0,)


def test_time_frames_become_tokens():
    """'currently using' and 'at the moment' ask the same; 'previously used' asks another question."""
    tok = Tokenizer()

    def frames(text):
        return [t for t in tok(text) if t.startswith("time_")]

    assert frames("Is your police force currently using or trialling FRT?") == ["time_now"]
    assert frames("Does the force use face-matching software at the moment?") == ["time_now"]
    assert frames("Has your police force previously trialled or used FRT?") == ["time_past"]
    assert frames("Have you ever piloted facial recognition in the past?") == ["time_past"]
    assert frames("Is your police force planning to trial FRT in future?") == ["time_future"]
    assert frames("How many Taser discharges were there in 2023?") == []
