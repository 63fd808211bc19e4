"""Request-reader faults found at stop 37, second round, on the tuning part of the real requests.

Each test is written from the shape of the tuning request that showed the fault, in made-up words: what the reader
found against what an FOI officer would answer as questions."""

from __future__ import annotations

from foi_precedent.drafting.request import split_request


def _texts(text: str) -> list[str]:
    return [q.text for q in split_request(text).questions]


# --- a names entry that asks for a figure too (seen at Moray Council, waste and recycling) --------------------------


def test_figures_for_each_member_after_a_names_and_figure_entry_are_questions():
    """The names bullet asks for a figure too, so the bullet after it that gives another figure for each centre is
    one more figure asked for (S1), not a field of a list of names (S2c)."""
    text = (
        "I would like the following information from the council:\n"
        "\u2022 The tonnes of household waste collected in 2019, and in 2020.\n"
        "\u2022 The names of recycling centres and the number of days each centre was closed in 2019, and in 2020.\n"
        "\u2022 The number of days each recycling centre was open but was not accepting recycling in 2019, and in "
        "2020, i.e. cardboard was being put in with general waste.\n"
        "\u2022 The number of days, if any, that the council stopped collecting recycling in 2019, and in 2020.\n"
    )
    texts = _texts(text)
    assert len(texts) == 4
    assert texts[2].startswith("The number of days each recycling centre was open")
    assert texts[3].startswith("The number of days, if any, that the council stopped")


def test_fields_of_a_names_only_entry_still_fold():
    """'Names of taxi companies used' asks for names only: the bullets describing each company are its fields."""
    text = (
        "I am seeking the following information about school transport:\n"
        "  \u2022 Names of taxi companies used\n"
        "  \u2022 Number of journeys made by each taxi company\n"
        "  \u2022 Total amount paid to each taxi company over the year\n"
        "  \u2022 Average journey time per pupil\n"
    )
    assert _texts(text) == ["Names of taxi companies used", "Average journey time per pupil"]
