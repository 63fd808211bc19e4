"""A regime named only beside another ("FOI/EIR request", "the Freedom of Information Act 2000/Environmental
Information Regulations 2004") names neither: the reply's own words, its citations and its authority decide. Ten
tuning letters from ten authorities (Barnet, South Derbyshire, Cheshire East, Devon, Ammanford, National Highways,
Leicestershire Fire, Cumbria, Cornwall, Hastings) read as EIR or FOISA so; none read under another regime since."""

from __future__ import annotations

import pytest

from foi_precedent.letters.header import named_regime
from foi_precedent.letters.model import Regime
from foi_precedent.letters.parser import parse_text

REPLY = """Dear Requester

Reference: FOI 1234

{head}

1. How many potholes were repaired in 2022?

Response: 1,204 potholes were repaired in 2022.

If you are unhappy with the way your request has been handled you may ask for an internal review.

Yours sincerely
Information Governance Team
"""


@pytest.mark.parametrize(
    "head",
    [
        "This is the council's response to a freedom of information (FOI) or environmental information "
        "regulations (EIR) request.",
        "You wrote to us under the Freedom of Information Act 2000/Environmental Information Regulations 2004 to "
        "request the following.",
        "Our FOI/EIR Disclosure Log allows you to read our responses to other requests.",
        "Your request was made under the Freedom of Information Act 2000 and Freedom of Information (Scotland) "
        "Act 2002.",
    ],
)
def test_a_pair_of_regimes_named_together_is_not_the_reply_s_regime(head):
    assert parse_text(REPLY.format(head=head)).regime is Regime.FOIA


def test_a_pair_with_a_regulation_cited_is_an_eir_reply():
    head = (
        "You wrote under the Freedom of Information Act 2000/Environmental Information Regulations 2004. We "
        "withhold the locations under reg 12(5)(a)."
    )
    assert parse_text(REPLY.format(head=head)).regime is Regime.EIR


def test_a_regime_named_alone_is_still_read():
    head = "We have dealt with your request under the Environmental Information Regulations 2004."
    assert parse_text(REPLY.format(head=head)).regime is Regime.EIR


def test_a_scottish_pair_still_says_the_reply_is_scottish():
    head = "Your request has been handled under FOISA and the EISRs."
    assert parse_text(REPLY.format(head=head)).regime is Regime.FOISA


def test_a_request_naming_two_regimes_names_none():
    assert (
        named_regime(
            "Under the Freedom of Information Act 2000 / Environmental Information Regulations 2004, please"
        )
        is None
    )
    assert named_regime("Under the Environmental Information Regulations, please tell me") is Regime.EIR


SCOTTISH = """Dear Requester

Freedom of Information (Scotland) Act 2002. Our Ref: 314-18

{body}

1. How many students were enrolled in 2018?

Response: 9,120 students were enrolled.

Yours sincerely
Freedom of Information Officer
"""


@pytest.mark.parametrize(
    "body",
    [
        # the Regulations for part of the request only (St Andrews)
        "Some of your request is for environmental information, so we answer those parts under the Environmental "
        "Information (Scotland) Regulations 2004. To meet the technical requirements of the FOISA section 39(2) of "
        "the FOISA is being applied to items 11 and 12.",
        # 'not held' under both at once (Abertay)
        "The information is not held by the University, which is required under section 17 of the Freedom of "
        'Information (Scotland) Act 2002 ("FOISA") and under Regulation 10(4)(a) of the Environmental Information '
        '(Scotland) Regulations 2004 ("EIRs") to tell you so.',
    ],
)
def test_a_foisa_reply_covering_an_environmental_part_is_foisa(body):
    assert parse_text(SCOTTISH.format(body=body)).regime is Regime.FOISA


def test_a_scottish_reply_under_the_regulations_is_still_eisr():
    body = (
        "We have dealt with your request under the Environmental Information (Scotland) Regulations 2004, applying "
        "section 39(2) of FOISA. We withhold the locations under regulation 10(5)(a)."
    )
    assert parse_text(SCOTTISH.format(body=body)).regime is Regime.EISR


@pytest.mark.parametrize(
    "reference", ["Case reference EIR2024/01849", "Our ref: EIR 1716", "Subject: EIR-16-1587"]
)
def test_a_case_logged_as_an_eir_request_is_an_eir_reply(reference):
    assert parse_text(REPLY.format(head=reference)).regime is Regime.EIR


def test_a_word_beginning_eir_is_not_a_reference():
    assert parse_text(REPLY.format(head="Our reference: FOI 2024/1849 (EIRE project)")).regime is Regime.FOIA
