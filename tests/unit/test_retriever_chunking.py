"""Chunking: one chunk per question, long answers split, deterministic ids, filter flags."""

from __future__ import annotations

from datetime import date

import pytest

from foi_precedent.letters.model import Letter, Pointer, Question, Regime, Treatment
from foi_precedent.letters.parser import parse_file
from retriever.chunking import (
    MAX_ANSWER_WORDS,
    MAX_CHUNK_WORDS,
    MAX_QUESTION_WORDS,
    chunks_for_letter,
    exemption_flag,
    exemption_prefixes,
    flag_key,
    neutral_authority,
    normalise_exemption_filter,
    question_text,
)
from tests.conftest import SEED_036325


def _letter(questions, reference="FOI-1", authority="Exampleshire Police", when=date(2023, 5, 4)) -> Letter:
    return Letter(
        reference=reference, authority=authority, date=when, regime=Regime.FOIA, questions=tuple(questions)
    )


def test_one_chunk_per_question_with_question_and_answer_text():
    letter = _letter(
        [
            Question("Q1", "How many Taser discharges?", "412 discharges.", (Treatment.DISCLOSED,)),
            Question("Q2", "Officer names?", "Withheld under s40(2).", (Treatment.WITHHELD,), ("s40(2)",)),
        ]
    )
    chunks = chunks_for_letter(letter)
    assert [c.id for c in chunks] == ["FOI-1::Q1::0", "FOI-1::Q2::0"]
    assert chunks[0].text == "Question: How many Taser discharges?\nAnswer: 412 discharges."


def test_long_answer_is_split_and_question_repeated_truncated():
    long_question = " ".join(f"q{i}" for i in range(100))
    sentences = [f"Sentence number {i} says something about the data held by the force." for i in range(60)]
    answer = " ".join(sentences)  # ~660 words
    letter = _letter([Question("Q1", long_question, answer, (Treatment.DISCLOSED,))])
    chunks = chunks_for_letter(letter)
    assert len(chunks) >= 4
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    assert len({c.id for c in chunks}) == len(chunks)
    for c in chunks:
        q_part, a_part = c.text.split("\nAnswer: ")
        assert len(q_part.split()) <= MAX_QUESTION_WORDS + 2  # "Question:" and the ellipsis
        assert len(a_part.split()) <= MAX_ANSWER_WORDS
        assert (
            len(c.text.split()) <= MAX_CHUNK_WORDS + 3
        )  # "Question:", "Answer:", "..."; under MiniLM's 256 word-piece window for plain English
        assert c.metadata["parts"] == len(chunks)
    # nothing lost: the answer pieces put back together are the answer
    assert " ".join(c.text.split("\nAnswer: ")[1] for c in chunks).split() == answer.split()


def test_one_huge_sentence_is_hard_split():
    answer = " ".join(["word"] * 400)
    chunks = chunks_for_letter(_letter([Question("Q1", "Q?", answer)]))
    assert len(chunks) == 3
    assert all(len(c.text.split("\nAnswer: ")[1].split()) <= MAX_ANSWER_WORDS for c in chunks)


def test_ids_are_deterministic():
    letter = parse_file(SEED_036325)
    a = chunks_for_letter(letter)
    b = chunks_for_letter(parse_file(SEED_036325))
    assert [c.id for c in a] == [c.id for c in b]
    assert [c.text for c in a] == [c.text for c in b]
    assert a[0].id == "01.FOI.24.036325::Q1::0"


def test_metadata_and_flags():
    letter = _letter(
        [
            Question(
                "Q1",
                "Officer names?",
                "Withheld.",
                (Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED),
                ("s40(2)", "s31(1)(a)"),
                (Pointer("LFR Deployment Grid"),),
            ),
        ]
    )
    (chunk,) = chunks_for_letter(letter)
    m = chunk.metadata
    assert m["reference"] == "FOI-1" and m["label"] == "Q1" and m["seq"] == 0
    assert m["authority"] == "Exampleshire Police" and m["authority_key"] == "exampleshire police"
    assert m["date"] == "2023-05-04" and m["year"] == 2023 and m["date_ord"] == date(2023, 5, 4).toordinal()
    assert m["treatments"] == ["withheld", "partly_disclosed"]
    assert m["exemptions"] == ["s40(2)", "s31(1)(a)"]
    assert m["pointers"] == ["LFR Deployment Grid"]
    for flag in (
        "tr_withheld",
        "tr_partly_disclosed",
        "ex_s40",
        "ex_s40_2",
        "ex_s31",
        "ex_s31_1",
        "ex_s31_1_a",
    ):
        assert m[flag] is True, flag
    assert "tr_disclosed" not in m and "ex_s31_1_b" not in m
    cm = chunk.chroma_metadata()
    assert all(isinstance(v, (str, int, float, bool)) for v in cm.values())
    assert cm["exemptions"] == "s40(2)|s31(1)(a)"
    assert cm["ex_s31"] is True and len(cm["text_sha"]) == 16


def test_undated_letter_metadata():
    (chunk,) = chunks_for_letter(
        _letter([Question("Q1", "Q?", "A.")], authority=None, when=None, reference="01.FOI.24.000001")
    )
    assert chunk.metadata["date"] == "" and chunk.metadata["date_ord"] == 0
    assert chunk.metadata["year"] == 2024  # from the MPS-style reference
    assert chunk.metadata["authority"] == ""


def test_flag_helpers():
    assert flag_key("s31(1)(a)") == "s31_1_a"
    assert flag_key("s40(5B)(a)(i)") == "s40_5b_a_i"
    assert exemption_prefixes("s31(1)(a)") == ["s31", "s31(1)", "s31(1)(a)"]
    assert exemption_prefixes("reg12(5)(b)") == ["reg12", "reg12(5)", "reg12(5)(b)"]
    for typed in ("s31", "S31", "section 31", "Section 31", "31", "s.31"):
        assert normalise_exemption_filter(typed) == "s31", typed
    assert exemption_flag("Section 31(1)(a)") == "ex_s31_1_a"
    assert exemption_flag("s40(2)") == "ex_s40_2"


@pytest.mark.parametrize(
    "text, neutral",
    [
        ("How many drones does Police Scotland have?", "How many drones does the authority have?"),
        (
            "How many stop and searches did West Midlands Police carry out?",
            "How many stop and searches did the authority carry out?",
        ),
        ("Is your police force using FRT?", "Is the authority using FRT?"),
        ("At which stations are GMP's kiosks?", "At which stations are the authority's kiosks?"),
        ("Does the MPS use IMSI catchers?", "Does the authority use IMSI catchers?"),
        ("Where are the Council's CCTV cameras?", "Where are the authority's CCTV cameras?"),
        ("What did Avon and Somerset Constabulary spend?", "What did the authority spend?"),
        ("Dear Birmingham City Council, how many cameras?", "Dear authority, how many cameras?"),
        ("Please provide all internal Home Office emails.", "Please provide all internal authority emails."),
        # not an authority: left alone
        (
            "How many officers has each force recruited under the Police Uplift Programme?",
            "How many officers has each force recruited under the Police Uplift Programme?",
        ),
        (
            "How many times has the police requested footage?",
            "How many times has the police requested footage?",
        ),
        ("Has Police Scotland used drones?", "Has the authority used drones?"),
    ],
)
def test_the_authority_a_question_names_is_named_neutrally(text, neutral):
    assert neutral_authority(text) == neutral


def test_question_text_is_neutral_and_spells_out_acronyms():
    assert question_text("Does the MPS use LFR?") == "Does the authority use LFR (live facial recognition)?"
