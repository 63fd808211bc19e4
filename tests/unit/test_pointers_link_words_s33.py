"""Pointers whose link the copy lost (stop 33): the link's words after a lead that points to it, a link named before
its colon, an earlier reply named by its reference; and the text of the Act, which is no pointer. The sentences are
from real published replies (Herefordshire, East Lancashire Hospitals, West Midlands Police, FCDO Services, Scottish
Borders, Bolton FT, Essex Fire, Ashford and St Peter's, the ONS, Moray, HMCTS)."""

from __future__ import annotations

import pytest

from foi_precedent.letters.parser import parse_text
from foi_precedent.letters.pointers import extract_pointers


def names(text: str) -> list[str]:
    return [p.name for p in extract_pointers(text)]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # the link's words after the lead, up to the next sentence run on where the link was
        (
            "This information is publically available on the council website and can be viewed via the following "
            "link: Planning Search – Herefordshire Council The information relevant to TPO applications is there.",
            "Planning Search – Herefordshire Council",
        ),
        # up to the next numbered item run on ("2.If available ...")
        (
            "The information can be accessed via the following link: Local results for every organisation | NHS "
            "Staff Survey 2.If available, please provide comparative figures.",
            "Local results for every organisation",
        ),
        # up to a bracket the copy left where the link was
        (
            "The information you requested is available on the following website: Protective Marking ( No "
            "attachments",
            "Protective Marking",
        ),
        (
            "The information you have asked for is already published on GOV.UK at the following link: Office "
            "Stationery and Electronic Office Supplies - Contracts Finder 1. Yes, there were 2 extensions.",
            "Office Stationery and Electronic Office Supplies - Contracts Finder",
        ),
        (
            "The information is available via the following link: Internal and external UKSA correspondence",
            "Internal and external UKSA correspondence",
        ),
        # a link named before its colon
        (
            "Please follow the link to our publication scheme, section 2a:",
            "our publication scheme, section 2a",
        ),
        ("Please follow the link for our Public Declarations:", "our Public Declarations"),
        # a link named in its sentence
        (
            "This request has been published on our Transparency website, here is a link to the response EIR1700 "
            "Lithium Batteries . We have checked our Incident Recording System.",
            "the response EIR1700 Lithium Batteries",
        ),
        # an earlier reply named by its reference
        ("You can find the information in the response to FOI Request 3404.", "FOI Request 3404"),
        ("Please see our response to EIR 1700, published last year.", "EIR 1700"),
    ],
)
def test_a_link_the_copy_lost_is_named_by_its_words(line: str, name: str) -> None:
    assert name in names(line)


@pytest.mark.parametrize(
    "line",
    [
        # the lead with its link: the link is the pointer, read as before
        "Please see the following link: https://www.example.gov.uk/foi/published-data",
        # words in lower case after the lead are no link's name
        "Please use the following link: you will find it on the home page.",
        # a link to an address cut at its colon is not named "the web page http"
        "For ease of reference please find a link to the web page http://www.moray.gov.uk/",
        # a response that names no earlier request
        "The response to your request was sent on 3 May.",
    ],
)
def test_no_name_is_made_up(line: str) -> None:
    got = names(line)
    assert not any(n.lower().startswith(("you will", "the web page", "your request")) for n in got)
    if "https://www.example.gov.uk" in line:
        assert got == ["https://www.example.gov.uk/foi/published-data"]


def test_the_text_of_the_act_is_no_pointer() -> None:
    """A link to the Act on legislation.gov.uk is cited for the law's words, not as the information asked for."""
    line = (
        "You can also find more information by reading the full text of the Act, available at "
        "http://www.legislation.gov.uk/ukpga/2000/36/section/12"
    )
    assert names(line) == []
    # another site's link in the same answer is still read
    urls = [p.url for p in extract_pointers(line + " Our data: https://www.example.gov.uk/data")]
    assert urls == ["https://www.example.gov.uk/data"]


def test_a_pointer_whose_link_was_lost_reads_as_published_material() -> None:
    """Through the whole reader: the answer only points to material published elsewhere, named by the link's words."""
    letter = parse_text(
        "Freedom of Information Request FOI 3476\n\n"
        "You asked:\n1. How many burials of fetal remains were arranged by the Trust in 2012/13?\n\n"
        "Our response:\n1. The Trust holds this information, but considers it is exempt under section 21 of the Act, "
        "as it is reasonably accessible to you by other means. You can find the information in the response to FOI "
        "Request 3404.\n",
        source="test",
    )
    (q,) = letter.questions
    assert [p.name for p in q.pointers] == ["FOI Request 3404"]
    assert "public_domain" in [t.value for t in q.treatments]
