"""The letter reader's phrase lists are data (rules/reading_phrases.yaml): every entry loads and compiles, the
reader's names are the file's patterns, and a few read as they did when they were written in code."""

from __future__ import annotations

import re

import pytest

from foi_precedent.letters import answers, decision

# The entries that decision.phrase loads (boilerplate and other_reasons have their own loaders).
PHRASE_ENTRIES = [name for name in decision._phrases() if name not in ("boilerplate", "other_reasons")]


@pytest.mark.parametrize("name", PHRASE_ENTRIES)
def test_every_entry_compiles_case_insensitive(name):
    pattern = decision.phrase(name)
    assert pattern.flags & re.I
    assert pattern.pattern
    # a list's items are whole alternatives: none starts or ends with the '|' the loader adds
    assert "||" not in pattern.pattern
    assert not pattern.pattern.startswith("|") and not pattern.pattern.endswith("|")


def test_loader_caches_one_pattern_per_entry():
    assert decision.phrase("not_held") is decision.phrase("not_held")


@pytest.mark.parametrize(
    ("attribute", "entry"),
    [
        ("_NCND", "ncnd"),
        ("_HELD_ONLY_FROM", "held_only_from"),
        ("_NOT_HELD", "not_held"),
        ("_PUBLIC_DOMAIN_STRONG", "public_domain"),
        ("_LINK_HINT", "link_hint"),
        ("_COST", "cost_limit"),
        ("_VEXATIOUS", "vexatious"),
        ("_WITHHELD", "withheld"),
        ("_PARTLY", "partly"),
        ("_DISCLOSED", "disclosed"),
        ("_RELEASED", "released"),
        ("_NOT_RELEASED", "not_released"),
        ("_SEE_OTHER", "see_other"),
        ("_PART_REFUSED", "part_refused"),
        ("_ABOUT_EXEMPTIONS", "about_exemptions"),
        ("_COUNTED", "counted"),
        ("_NOT_AN_ANSWER", "not_an_answer"),
        ("_HOLDS", "holds"),
        ("_REDIRECT", "redirect"),
        ("_HELD_ELSEWHERE", "held_elsewhere"),
        ("_HEDGED", "hedged"),
    ],
)
def test_reader_names_are_the_files_patterns(attribute, entry):
    # layout.py and parser.py import these names from answers
    assert getattr(answers, attribute) is decision.phrase(entry)


def test_the_named_loaders_are_the_one_loader():
    assert decision.cost() is decision.phrase("cost")
    assert decision.asks_to_clarify() is decision.phrase("asks_to_clarify")
    # the whole-response cost words, once a folded scalar, read as they did
    # (since stop 37 not "section 12(5)(f)", an EIR exception a reply calls a section)
    assert decision.cost().pattern.startswith(
        r"section 12\b(?!\s?\(\d\)\s?\([a-z]\))|\bs\.?\s?12\b(?!\s?\(\d\)\s?\([a-z]\))|appropriate limit|cost limit|"
    )
    assert decision.cost().pattern.endswith(r"(?:officer\s|staff\s)?time|manifestly unreasonable")


def test_patterns_are_the_ones_written_in_code_before():
    assert decision.phrase("ncnd").pattern == (
        r"neither confirm(?:s|ing)? nor den(?:y|ies|ying)|\bncnd\b|nor den(?:y|ies) (that|whether)"
    )
    assert decision.phrase("vexatious").pattern == r"section 14\b|\bs\.?\s?14\(|vexatious|repeated request"
    assert decision.phrase("link_hint").pattern == (
        r"(visit|see|use|follow) (the )?(above|this|these|the following|below) links?|above link"
    )


def test_not_held_includes_held_only_from():
    # the alias *held_only_from: its alternatives close the not-held list
    assert decision.phrase("not_held").pattern.endswith("|" + decision.phrase("held_only_from").pattern)
    assert decision.phrase("not_held").search("we would only be able to provide from 28th June 2021")
    assert decision.phrase("not_held").search("We don\u2019t hold this information.")


def test_the_two_cost_entries_differ_on_purpose():
    # a figure in one answer is not a cost refusal; a whole response that names the limit in pounds is
    assert not decision.phrase("cost_limit").search("The total spent was \u00a3450 in 2021.")
    assert decision.cost().search("would cost more than \u00a3450")
    assert decision.phrase("cost_limit").search("would cost more than \u00a3450")
    # the per-answer words read "a large amount of time" on one line only
    assert decision.phrase("cost_limit").search("would require a large amount of officer time")
    assert not decision.phrase("cost_limit").search("would require a large\namount of officer time")
    assert decision.cost().search("would require a large\namount of officer time")


def test_the_time_limit_for_a_response_is_no_cost_limit():
    # the complaint route's "failed to respond within the time limits", a reply "within the statutory time limit"
    cost = decision.phrase("cost_limit")
    assert not cost.search(
        "Failed to respond to your request within the time limits (normally 20 working days)"
    )
    assert not cost.search("We are sorry that we did not reply within the statutory time limit.")
    assert cost.search("locating the information would exceed the time limit set by the regulations")
