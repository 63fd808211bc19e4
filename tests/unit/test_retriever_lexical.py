"""The bm25 side: tokenizer (stemming, stopwords, citations), masked top-N, persistence with a stamp."""

from __future__ import annotations

import numpy as np

from retriever.filters import Filters
from retriever.lexical import LexicalIndex, Tokenizer


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
