"""More requester-identity gaps found at stop 27, each through ``split_request``:

- a signed name with a title of the signer's own ('Sir John Smith', 'Dame ...', 'Lord ...', 'Lady ...', 'Dr ...',
  'Professor ...', 'Rev ...') is the requester's, under any sign-off; 'Dear Sir', 'Dear Sir or Madam' and
  'Sir/Madam' stay no one's;
- thanks that name a person in office ('Thanks again Councillor Margaret Thornbury') thank a third party, who
  stays; courtesy words are never part of a name ('again Councillor ...', 'very much'), and the signer under the
  thanks or run on after them goes;
- an e-mail header in an HTML request whose address is only in a link ('From: <a href="mailto:...">Jane Smith</a>')
  keeps the address, as plain text writes it, so an officer at a public body's address stays an officer and a
  requester's own address is removed.

Every name, number and address here is made up."""

from __future__ import annotations

import re

import pytest

from evals.real_requests.suite import outgoing_text, pii_present
from foi_precedent.drafting.request import request_from_document, split_request
from foi_precedent.letters.sources import html_to_text

QUESTIONS = [
    "How many potholes were reported on roads in the borough in 2023?",
    "How many of those were repaired within 28 days?",
]
LEAD = "Dear Anyshire Council, Under the Freedom of Information Act please tell me: " + " ".join(
    f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1)
)


def _leaks(request, name: str) -> bool:
    return pii_present("names", name, outgoing_text(request))


# --- a title of one's own before a signed name ------------------------------------------------------------------

TITLES = ["Sir", "Dame", "Lord", "Lady", "Dr", "Professor", "Prof", "Rev", "Revd", "Reverend"]
SIGN_OFFS = [
    "Yours sincerely,",
    "Yours faithfully",
    "Kind regards,",
    "Thanks,",
    "Thanks in advance",
    "Many thanks,",
]
LAYOUTS = {
    "under": lambda sign_off, name: f"{LEAD}\n\n{sign_off}\n{name}\n",
    "same-line": lambda sign_off, name: f"{LEAD}\n\n{sign_off} {name}\n",
    "one-line": lambda sign_off, name: f"{LEAD} {sign_off} {name}",
    "one-line-contact": lambda sign_off, name: (
        f"{LEAD} {sign_off} {name}, jsmith@example.com, 12 High Street"
    ),
    "under-contact": lambda sign_off, name: f"{LEAD}\n\n{sign_off}\n{name}\njsmith@example.com\n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sign_off", SIGN_OFFS)
@pytest.mark.parametrize("title", TITLES)
def test_a_name_signed_with_a_title_of_one_s_own_is_the_requester_s(title, sign_off, layout):
    r = split_request(LAYOUTS[layout](sign_off, f"{title} John Smith"))
    assert [q.text for q in r.questions] == QUESTIONS
    assert r.requester.name is not None and r.requester.name.endswith("John Smith")
    assert not _leaks(r, "John Smith"), r.text
    assert "jsmith@example.com" not in outgoing_text(r)


@pytest.mark.parametrize(
    "greeting",
    ["Dear Sir,", "Dear Sir or Madam,", "Dear Sir/Madam,", "Dear Sir / Madam,", "Dear Sirs,", "Sir,"],
)
def test_sir_alone_stays_a_generic_addressee(greeting):
    r = split_request(
        f"{greeting}\n\nPlease tell me how many potholes were repaired in 2023.\n\nYours faithfully,\nAnn Lee\n"
    )
    assert r.text.startswith(greeting) and r.requester.name == "Ann Lee"
    assert not _leaks(r, "Ann Lee")


@pytest.mark.parametrize(
    "opening",
    [
        "Dear Sir Under the Freedom of Information Act,",
        "Dear Sir Under The Freedom of Information Act,",
        "Dear Sir FOI request:",
        "Dear Sir Regarding My Earlier Request:",
    ],
)
def test_sir_run_on_into_the_request_stays_a_generic_addressee(opening):
    r = split_request(f"{opening} how many potholes were repaired in 2023? Thanks, Ann Lee")
    # (the greeting may be put on a line of its own: its words all stay)
    assert " ".join(r.text.split()).startswith(opening) and r.requester.name == "Ann Lee", r.text


def test_a_knight_the_request_is_about_stays_beside_a_knight_who_signs():
    r = split_request(
        "Dear Anyshire Council,\n\nPlease provide any complaints received about Sir Malcolm Fenwick MP in 2023.\n\n"
        "Yours sincerely,\nSir John Smith\n"
    )
    assert "Sir Malcolm Fenwick MP" in r.text and "Sir Malcolm Fenwick" in r.questions[0].text
    assert r.requester.name == "Sir John Smith" and not _leaks(r, "John Smith")


# --- thanks that name a person in office ------------------------------------------------------------------------

THANKED = [  # (as thanked, what must stay of it)
    "Councillor Margaret Thornbury",
    "Cllr Thornbury",
    "Chief Constable Margaret Thornbury",
    "Mayor Thornbury",
    "Inspector Margaret Thornbury",
    "Deputy Chief Constable Sir Malcolm Fenwick",
]
THANKS = [
    "Thanks again",
    "Thank you",
    "Many thanks to",
    "Thanks again to",
    "Thanks for your help",
    "Thank you very much",
    "Thanks once again",
    "thanks again",
]
SIGNED = {  # where the signer stands, if anywhere (None: no signer)
    "none": (lambda thanks, who: f"{LEAD}\n\n{thanks} {who}\n", None),
    "next-line": (lambda thanks, who: f"{LEAD}\n\n{thanks} {who}\nAnn Lee\n", "Ann Lee"),
    "stop-then-next-line": (lambda thanks, who: f"{LEAD}\n\n{thanks} {who}.\nAnn Lee\n", "Ann Lee"),
    "for-then-next-line": (
        lambda thanks, who: f"{LEAD}\n\n{thanks} {who} for all of this!\nAnn Lee\n",
        "Ann Lee",
    ),
    "paragraph": (lambda thanks, who: f"{LEAD}\n\n{thanks} {who}\n\nAnn Lee\n", "Ann Lee"),
    "then-regards": (lambda thanks, who: f"{LEAD}\n\n{thanks} {who}\n\nKind regards,\nAnn Lee\n", "Ann Lee"),
    "one-line-stop": (lambda thanks, who: f"{LEAD} {thanks} {who}. Ann Lee", "Ann Lee"),
    "one-line-comma": (lambda thanks, who: f"{LEAD} {thanks} {who}, Ann Lee", "Ann Lee"),
    "one-line-contact": (
        lambda thanks, who: f"{LEAD} {thanks} {who}, Ann Lee, ann.lee@example.com",
        "Ann Lee",
    ),
}


@pytest.mark.parametrize("signed", SIGNED)
@pytest.mark.parametrize("thanks", THANKS)
@pytest.mark.parametrize("who", THANKED)
def test_a_person_in_office_thanked_stays_and_the_signer_goes(who, thanks, signed):
    layout, signer = SIGNED[signed]
    r = split_request(layout(thanks, who))
    # (the questions as asked: 'Many thanks to Cllr Thornbury.' run on after the last one is the reader's to cut)
    assert len(r.questions) == 2 and r.questions[0].text == QUESTIONS[0]
    assert r.questions[1].text.startswith(QUESTIONS[1])
    assert who in r.text, r.text  # the person thanked, whole, with their office
    assert r.requester.name == signer
    if signer:
        assert not _leaks(r, signer), r.text
    assert "ann.lee@example.com" not in outgoing_text(r)


@pytest.mark.parametrize("thanks", ["Thanks again", "Thank you", "Many thanks to"])
def test_two_names_run_on_with_no_stop_are_the_thanked_and_the_signer(thanks):
    # (two words and two: a name of three words after the office could be either's, and is left whole)
    r = split_request(f"{LEAD} {thanks} Councillor Margaret Thornbury Ann Lee")
    assert "Councillor Margaret Thornbury" in r.text and r.requester.name == "Ann Lee"
    assert not _leaks(r, "Ann Lee")


def test_courtesy_words_are_never_part_of_the_name():
    for text, name in (
        (f"{LEAD}\n\nThanks again ann lee\n", "ann lee"),
        (f"{LEAD}\n\nThank you so much ann lee\n", "ann lee"),
        (
            f"{LEAD}\n\nThank you\nvery much for your help with this\n\nYours faithfully,\nAnn Lee\n",
            "Ann Lee",
        ),
    ):
        r = split_request(text)
        assert r.requester.name == name and not _leaks(r, name), r.text


@pytest.mark.parametrize(
    ("thanks", "kept"),
    [
        ("Many thanks to Jane Doe for her help with my last request.", "Jane Doe"),
        ("Thanks again to Cllr Thornbury and her team", "Cllr Thornbury"),
        ("Thank you very much to Jane Doe and the team.", "Jane Doe"),
        ("Many thanks to Sir Malcolm Fenwick", "Sir Malcolm Fenwick"),
        ("Thanks to all", "Thanks to all"),
        ("Thanks to you and your team", "Thanks to you"),
    ],
)
def test_anyone_thanked_to_stays_and_the_signer_under_goes(thanks, kept):
    r = split_request(f"{LEAD}\n\n{thanks}\nAnn Lee\n")
    assert kept in r.text and r.requester.name == "Ann Lee" and not _leaks(r, "Ann Lee"), r.text


@pytest.mark.parametrize(
    "signature",
    ["Thanks, Cllr Ann Lee", "Thank you,\nCouncillor Ann Lee", "Kind regards,\nCouncillor Ann Lee"],
)
def test_a_councillor_signing_after_a_stop_is_still_the_requester(signature):
    r = split_request(f"{LEAD}\n\n{signature}\n")
    assert r.requester.name == "Ann Lee" and not _leaks(r, "Ann Lee"), r.text


# --- an e-mail header whose address is only in a link -----------------------------------------------------------

OFFICER_THREAD = (
    "From: Jane Smith <jane.smith@anyshire.gov.uk>\n"
    "Sent: 05 March 2024 09:00\n"
    "To: Ingrid Johansson <ingrid.j@example.com>\n"
    "Subject: RE: FOI\n\n"
    "Dear Ms Johansson,\n"
    "Thank you for your request.\n\n"
    "1. How many fixed penalty notices for fly-tipping were issued in 2023?\n"
    "2. What was the total cost of clearing fly-tipped waste in the same year?\n\n"
    "Thanks,\nIngrid Johansson\n"
)
REQUESTER_MAIL = (
    "From: Ingrid Johansson <ingrid.j@example.com>\n"
    "To: FOI Team <foi@anyshire.gov.uk>\n"
    "Subject: FOI request\n\n"
    "Dear Anyshire County Council,\n\n"
    "1. How many fixed penalty notices for fly-tipping were issued in 2023?\n"
    "2. What was the total cost of clearing fly-tipped waste in the same year?\n\n"
    "Thanks\n"
)
_HEADER_ADDRESS = re.compile(r"(?P<name>[A-Z][\w ]+?) <(?P<address>[^>]+)>")
LINKS = {  # how a mail client's HTML writes 'Name <address>' in a header
    "name-linked": lambda m: f'<a href="mailto:{m["address"]}">{m["name"]}</a>',
    "name-linked-with-subject": lambda m: (
        f'<a href="mailto:{m["address"].replace("@", "%40")}?subject=FOI%20request">{m["name"]}</a>'
    ),
    "name-bold-in-link": lambda m: f'<a href="mailto:{m["address"]}"><b>{m["name"]}</b></a>',
    "both-linked": lambda m: (
        f'<a href="mailto:{m["address"]}">{m["name"]}</a> &lt;<a href="mailto:{m["address"]}">{m["address"]}</a>&gt;'
    ),
    "outlook-brackets": lambda m: f'<a href="mailto:{m["address"]}">{m["name"]}</a> [mailto:{m["address"]}]',
}
HTML = {
    "paragraphs": lambda t: (
        "<html><body>" + "".join(f"<p>{ln}</p>" if ln else "<br>" for ln in t.split("\n"))
    ),
    "breaks": lambda t: "<html><body>" + "<br>\n".join(t.split("\n")) + "</body></html>",
    "div": lambda t: "<div>" + "</div><div>".join(t.split("\n")) + "</div>",
}


def _linked(text: str, link: str, html: str) -> str:
    return HTML[html](_HEADER_ADDRESS.sub(LINKS[link], text))


@pytest.mark.parametrize("html", HTML)
@pytest.mark.parametrize("link", LINKS)
def test_an_officer_linked_in_an_html_from_header_is_read_as_in_plain_text(link, html):
    plain, marked = split_request(OFFICER_THREAD), split_request(_linked(OFFICER_THREAD, link, html))
    for r in (plain, marked):
        assert r.requester.name == "Ingrid Johansson"  # the officer is not the requester
        assert "Jane Smith" in r.text  # ... and is kept where she stands
        assert "jane.smith@anyshire.gov.uk" in r.requester.emails and "jane.smith@" not in r.text
        for kind, value in (("names", "Ingrid Johansson"), ("emails", "ingrid.j@example.com")):
            assert not pii_present(kind, value, outgoing_text(r)), r.text
    assert [q.text for q in marked.questions] == [q.text for q in plain.questions]


@pytest.mark.parametrize("html", HTML)
@pytest.mark.parametrize("link", LINKS)
def test_a_requester_s_linked_html_from_header_loses_name_and_address(link, html):
    r = split_request(_linked(REQUESTER_MAIL, link, html))
    assert r.requester.name == "Ingrid Johansson"
    assert "ingrid.j@example.com" in r.requester.emails
    for kind, value in (("names", "Ingrid Johansson"), ("emails", "ingrid.j@example.com")):
        assert not pii_present(kind, value, outgoing_text(r)), r.text
    assert "From: [NAME]" in r.text and "FOI Team" in r.text


def test_an_html_attachment_keeps_the_linked_address_too():
    data = _linked(OFFICER_THREAD, "name-linked", "paragraphs").encode("utf-8")
    r = request_from_document(data, "request.html")
    assert r.requester.name == "Ingrid Johansson" and "Jane Smith" in r.text
    assert "jane.smith@anyshire.gov.uk" in r.requester.emails


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            '<p>From: <a href="mailto:jane@example.com">Jane Smith</a></p>',
            "\nFrom: Jane Smith <jane@example.com>\n",
        ),
        (
            '<p>From: <a href="MAILTO:jane%40example.com?subject=FOI">Jane Smith</a></p>',
            "\nFrom: Jane Smith <jane@example.com>\n",
        ),
        # the address shown is not written twice
        ('<p>From: <a href="mailto:jane@example.com">jane@example.com</a></p>', "\nFrom: jane@example.com\n"),
        (
            '<p>From: <a href="mailto:jane@example.com">Jane Smith</a> &lt;jane@example.com&gt;</p>',
            "\nFrom: Jane Smith <jane@example.com>\n",
        ),
        # a link left open ends with its line
        (
            '<p>From: <a href="mailto:jane@example.com">Jane Smith<br>Sent: 5 March 2024</p>',
            "\nFrom: Jane Smith <jane@example.com>\nSent: 5 March 2024\n",
        ),
        ('<p>From: <a href="mailto:jane@example.com"></a></p>', "\nFrom: jane@example.com\n"),
        ('<p>See <a href="https://example.com/foi">our page</a></p>', "\nSee our page\n"),
        ('<script><a href="mailto:x@example.com">X</a></script><p>ok</p>', "\nok\n"),
    ],
)
def test_html_to_text_writes_a_linked_address_after_the_link_s_text(html, text):
    assert html_to_text(html) == text
