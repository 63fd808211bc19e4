"""Forms of wording that many authorities share, read by the letter reader (stop 26).

Short synthetic replies in the general form; none is copied from a real letter.
"""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text


def _treatments(text: str) -> list[set[str]]:
    return [{t.value for t in q.treatments} for q in parse_text(text).questions]


@pytest.mark.parametrize(
    "pointer",
    [
        "The register of street works can be seen at Street works register.",
        "If you would like the list of grants awarded in earlier years, you can find this here.",
        "You will find them on our website under Transparency.",
    ],
)
def test_where_the_requester_can_see_it_is_a_pointer_to_published_material(pointer):
    text = (
        "Your request:\n1. Please provide the list of grants awarded in 2022.\nOur response:\n"
        f"1. Please find attached the list of grants awarded in 2022. {pointer}\n"
    )
    assert _treatments(text) == [{"disclosed", "public_domain"}]


def test_the_replys_own_annex_that_can_be_seen_is_no_published_material():
    text = (
        "Your request:\n1. Please provide the list of grants awarded in 2022.\nOur response:\n"
        "1. The information is withheld under Section 43(2). Full reasoning can be seen at Annex A below.\n"
    )
    assert _treatments(text) == [{"withheld"}]
