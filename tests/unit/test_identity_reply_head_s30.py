"""A request read from the reply that quotes it (a disclosure log often keeps only the reply): the body's own letterhead
is not the requester, and the requester named in the address block and the greeting goes however each is typed
(fresh18's bbc-licence-fee-evasion-model-rfi20170252, invented names here)."""

from __future__ import annotations

from evals.real_requests.suite import outgoing_text, pii_present
from foi_precedent.drafting.request import split_request

REPLY = (
    "Northshire Broadcasting Corporation Room 4 Media House Station Road Northtown NT1 4AB\n"
    "Telephone 020 7946 0000 Email foi@example.org\n"
    "Information Rights\n"
    "Mr K Wetherall\n"
    "Via email:\n"
    "02 March 2017\n"
    "Dear Mr WEtherall\n"
    "Request for Information - RFI2017-0101\n"
    "Thank you for your request of 3rd February 2017 seeking the following information:\n"
    "\u201cThe licence fee evasion model used by the Licence Fee Unit\n"
    "How the Licence Fee Unit determines the accuracy of the model\u201d\n"
)


def test_a_bodys_letterhead_above_its_phone_number_is_not_the_requester():
    request = split_request(REPLY)
    assert "Northshire Broadcasting Corporation" in request.text
    assert request.requester.name != "Northshire Broadcasting"


def test_the_requester_in_the_address_block_goes_with_initials_and_another_case():
    request = split_request(REPLY)
    outgoing = outgoing_text(request)
    assert not pii_present("names", "Mr K Wetherall", outgoing), request.text
    assert not pii_present("names", "Mr WEtherall", outgoing), request.text


def test_a_title_initials_and_surname_of_someone_else_stay():
    text = (
        "Dear FOI team,\n\nPlease provide the correspondence between the council and Dr P Hartley about the depot.\n\n"
        "Yours sincerely,\nJane Wetherall\n"
    )
    request = split_request(text)
    assert "Dr P Hartley" in request.text
    assert "Wetherall" not in outgoing_text(request)
