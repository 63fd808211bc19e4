"""A lead that asks for one figure, then numbered items that only list the values splitting it (places, years,
bodies, groups), is one question (guide S2, S2b), unless the reply answers the values one by one (S10) (stop 34).
Layouts from the DVSA's, Network Rail's and the University of St Andrews' replies."""

from __future__ import annotations

from foi_precedent.letters.parser import parse_text

DVSA = """Dear Driver and Vehicle Standards Agency,

I would be grateful if you would provide statistics on the average pass rates of practical tests in the following areas:

(1) Cheltenham
(2) Swindon
(3) Chippenham

The most recent statistics would be preferable.

Yours faithfully,

Jo Bloggs

Dear Ms Bloggs

Your request and our response is as follows:

I would be grateful if you would provide statistics on the average pass
rates of practical tests in the following areas:

(1) Cheltenham
(2) Swindon
(3) Chippenham

The most recent statistics would be preferable.

Please note this information is withheld from disclosure under section 21 (Information accessible to applicant by
other means) of the FoIA. This is because this information is already published in the public domain. Please see
the link below for the requested information.
"""

NETWORK_RAIL = """Dear Mr Farmer,

Information request
Reference number: FOI2015/00265

Thank you for your request of 7th May 2015. You requested the following information:

"Please could you provide data for recorded incidents (level crossing failures, close
misses or any other disruption) at the following level crossings:
1) Egham (Crossing ID 2205)
2) Pooley Green (Crossing ID 2204)
3) Rusham (Crossing ID 2153)"

I have processed your request under the Freedom of Information Act 2000. I can confirm that we hold the information
you have requested, and I attach it. The names of members of the public have been withheld under section 40(2) of the
Act as they are personal data.
"""


def _read(text: str) -> list[tuple[str, list[str]]]:
    return [(q.text, [t.value for t in q.treatments]) for q in parse_text(text, source="test").questions]


def test_values_listed_under_a_figure_asked_for_are_one_question() -> None:
    (question,) = _read(DVSA)
    text, treatments = question
    assert text.startswith("I would be grateful if you would provide statistics on the average pass rates")
    # the values stay inside the question they split
    assert all(place in text for place in ("Cheltenham", "Swindon", "Chippenham"))
    assert treatments == ["public_domain"]


def test_values_quoted_in_the_reply_with_the_reply_after_the_last_are_one_question() -> None:
    (question,) = _read(NETWORK_RAIL)
    text, treatments = question
    # the ask itself, not the reply's words reporting it
    assert text.startswith("Please could you provide data for recorded incidents")
    assert "Egham" in text and "Rusham" in text
    assert treatments == ["partly_disclosed"]


def test_a_reply_that_answers_each_value_keeps_them_apart() -> None:
    # S10: the reply's own split wins where it answers the values one by one
    letter = DVSA.split("Dear Ms Bloggs")[0] + (
        "Dear Ms Bloggs\n\nOur response:\n\n1. Cheltenham: the pass rate was 48.2%.\n\n"
        "2. Swindon: we do not hold this information.\n\n3. Chippenham: the pass rate was 51.0%.\n"
    )
    readings = _read(letter)
    assert len(readings) == 3
    assert readings[1][1] == ["not_held"]


def test_documents_listed_under_a_lead_are_not_values() -> None:
    # S2b: items that name separate documents are questions of their own
    letter = (
        DVSA.replace(
            "statistics on the average pass rates of practical tests in the following areas:",
            "the number of complaints and copies of the following documents:",
        )
        .replace("(1) Cheltenham", "(1) Complaints policy")
        .replace("(2) Swindon", "(2) Annual report")
    )
    assert len(_read(letter)) == 3


def test_another_ask_before_the_lead_is_not_folded_into_it() -> None:
    # "I'd like to know the number of ... This includes the following ANPR locations, but I would also like ...:"
    # holds two asks; the values are not read as one question that drops the first
    letter = NETWORK_RAIL.replace(
        '"Please could you provide data',
        "I'd like to know the number of warning letters issued since 2020.\n\"Please could you provide data",
    )
    readings = _read(letter)
    assert not (len(readings) == 1 and readings[0][0].startswith("Please could you provide data"))
