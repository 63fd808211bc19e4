"""Two requester-identity gaps found at stop 26, each through ``split_request``:

- a sign-off with courtesy words run on into the name ('Thanks in advance Jane Smith'), on the line of a request sent
  on one line or on a line of its own: the name must not reach the questions or the text sent on;
- an e-mail header in an HTML request ('From: Jane Smith <jane.smith@anyshire.gov.uk>'): the address in angle
  brackets is text, not a tag, so an officer at a public body's address is still told from the requester, and a
  requester's own address is still removed, as in plain text.

Every name, number and address here is made up."""

from __future__ import annotations

import pytest

from evals.real_requests.suite import outgoing_text, pii_present
from foi_precedent.drafting.request import request_from_document, split_request
from foi_precedent.letters.sources import html_to_text

QUESTIONS = [
    "How many times was live facial recognition used at football matches in 2024?",
    "What was the total number of people placed on watchlists for those deployments?",
    "Please provide a copy of your policy that governs the use of LFR at sports events.",
    "How many false alerts were generated?",
]
LEAD = "Dear Metropolitan Police, Under the Freedom of Information Act please tell me: " + " ".join(
    f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1)
)
SIGN_OFFS = [  # (sign-off as written, the name the requester signs)
    ("Thanks in advance Jane Smith", "Jane Smith"),
    ("Many thanks Jane Smith", "Jane Smith"),
    ("Thank you, Jane Smith", "Jane Smith"),
    ("Regards Jane", "Jane"),
    ("Kind regards J. Smith", "J. Smith"),
    ("Best wishes, Dr Jane Smith-Jones", "Dr Jane Smith-Jones"),
    ("Thank you in advance Jane Smith", "Jane Smith"),
    ("Thanks again Jane Smith", "Jane Smith"),
    ("Thank you very much Jane", "Jane"),
    ("Many thanks in advance Dr Jane Smith-Jones", "Dr Jane Smith-Jones"),
    ("Thanks for your help J. Smith", "J. Smith"),
    ("Thanks in advance, Jane Smith", "Jane Smith"),
    ("Thanks in advance Professor Jane Smith", "Professor Jane Smith"),
]
PLACES = {
    "one-line": lambda sign_off: f"{LEAD} {sign_off}",  # after the questions, on their line (a web form)
    "own-line": lambda sign_off: f"{LEAD}\n{sign_off}\n",
    "own-paragraph": lambda sign_off: f"{LEAD}\n\n{sign_off}\n",
    # the last question with no stop, the sign-off run on after it
    "no-stop": lambda sign_off: f"{LEAD.rstrip('?')} {sign_off}",
}
TAILS = {  # what may follow the name on the same line
    "name": ("", []),
    "contact": (
        ", jane.smith@example.com, 12 High Street, London",
        ["jane.smith@example.com", "12 High Street"],
    ),
    "e-mail": (" jane.smith@example.com", ["jane.smith@example.com"]),
}


def _words_of(name: str) -> list[str]:  # the parts of a name the eval would find ('Smith' of 'J. Smith')
    return [w for w in name.replace("-", " ").split() if len(w.strip(".")) > 2 and w not in ("Dr",)]


def _sent(request) -> str:
    return request.text + "\n" + "\n".join(q.text for q in request.questions)


def test_the_issue_s_one_line_request_thanked_in_advance_gives_four_questions_and_no_identity():
    r = split_request(LEAD + " Thanks in advance Jane Smith, jane.smith@example.com, 12 High Street, London")
    assert [q.text for q in r.questions] == QUESTIONS
    for value in ("Jane", "Smith", "jane.smith@example.com", "12 High Street"):
        assert value not in r.text
        assert not any(value in q.text for q in r.questions)
    assert r.requester.name == "Jane Smith" and r.requester.emails == ("jane.smith@example.com",)
    assert r.note is None


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("sign_off", "name"), SIGN_OFFS, ids=[s for s, _ in SIGN_OFFS])
def test_a_sign_off_with_its_name_is_found_wherever_the_request_puts_it(sign_off, name, place, tail):
    text, values = TAILS[tail]
    r = split_request(PLACES[place](sign_off + text))
    assert [q.text for q in r.questions] == QUESTIONS[:-1] + [
        QUESTIONS[-1].rstrip("?") if place == "no-stop" else QUESTIONS[-1]
    ]
    sent = _sent(r)
    leaked = [v for v in _words_of(name) + values if v in sent]
    assert not leaked, sent
    assert r.requester.name is not None and r.requester.name.endswith(name.split()[-1])


def test_a_third_party_named_in_the_ask_stays_under_a_courtesy_sign_off():
    r = split_request(
        "Please provide the expenses claimed by Councillor Margaret Thornbury in 2023, and any correspondence she "
        "sent about the Elmfield depot. Thanks in advance Jane Smith"
    )
    assert (
        "Councillor Margaret Thornbury" in r.text and "Councillor Margaret Thornbury" in r.questions[0].text
    )
    assert "Jane" not in _sent(r) and r.requester.name == "Jane Smith"


def test_thanks_for_an_earlier_reply_is_no_sign_off_before_a_month():
    # an open courtesy ('for your reply ...') run on into a word that only looks like a name is not a signature
    r = split_request(
        "Thank you for your reply to my request of 6 August\n"
        "Please tell me how many trains ran with two carriages on Sunday 4 August.\n"
    )
    assert "August" in r.questions[0].text and r.requester.name is None


# --- an e-mail header in an HTML request ------------------------------------------------------------------------

OFFICER_THREAD = (
    "From: Jane Smith <jane.smith@anyshire.gov.uk>\n"
    "Sent: 05 March 2024 09:00\n"
    "To: Ingrid Johansson\n"
    "Subject: RE: FOI\n\n"
    "Dear Ms Johansson,\n"
    "Thank you for your request.\n\n"
    "1. How many fixed penalty notices for fly-tipping were issued in 2023?\n"
    "2. What was the total cost of clearing fly-tipped waste in the same year?\n\n"
    "Thanks,\nIngrid Johansson\n"
)
REQUESTER_MAIL = (
    "From: Ingrid Johansson <ingrid.j@example.com>\n"
    "To: FOI Team\n"
    "Subject: FOI request\n\n"
    "Dear Anyshire County Council,\n\n"
    "1. How many fixed penalty notices for fly-tipping were issued in 2023?\n"
    "2. What was the total cost of clearing fly-tipped waste in the same year?\n\n"
    "Thanks\n"
)
HTML = {
    "paragraphs": lambda t: (
        "<html><body>" + "".join(f"<p>{ln}</p>" if ln else "<br>" for ln in t.split("\n"))
    ),
    "breaks": lambda t: "<html><body>" + "<br>\n".join(t.split("\n")) + "</body></html>",
    "div": lambda t: "<div>" + "</div><div>".join(t.split("\n")) + "</div>",
}


@pytest.mark.parametrize("html", HTML)
def test_an_officer_in_an_html_from_header_is_read_as_in_plain_text(html):
    plain, marked = split_request(OFFICER_THREAD), split_request(HTML[html](OFFICER_THREAD))
    for r in (plain, marked):
        assert r.requester.name == "Ingrid Johansson"  # the officer is not the requester
        assert "Jane Smith" in r.text  # ... and is kept where she stands
        assert "jane.smith@anyshire.gov.uk" in r.requester.emails and "jane.smith@" not in r.text
        assert not pii_present("names", "Ingrid Johansson", outgoing_text(r))
    assert [q.text for q in marked.questions] == [q.text for q in plain.questions]


@pytest.mark.parametrize("html", HTML)
def test_a_requester_s_html_from_header_loses_name_and_address(html):
    plain, marked = split_request(REQUESTER_MAIL), split_request(HTML[html](REQUESTER_MAIL))
    for r in (plain, marked):
        assert r.requester.name == "Ingrid Johansson"
        assert r.requester.emails == ("ingrid.j@example.com",)
        for kind, value in (("names", "Ingrid Johansson"), ("emails", "ingrid.j@example.com")):
            assert not pii_present(kind, value, outgoing_text(r)), r.text
        assert "From: [NAME] <[EMAIL]>" in r.text


def test_an_html_attachment_keeps_the_header_s_address_too():
    data = HTML["paragraphs"](OFFICER_THREAD).encode("utf-8")
    r = request_from_document(data, "request.html")
    assert r.requester.name == "Ingrid Johansson" and "Jane Smith" in r.text
    assert "jane.smith@anyshire.gov.uk" in r.requester.emails


def test_html_to_text_keeps_an_address_in_angle_brackets_as_written():
    assert html_to_text("<p>From: Jane Smith <Jane.Smith@Anyshire.gov.uk></p><p><b>To:</b> FOI</p>") == (
        "\nFrom: Jane Smith <Jane.Smith@Anyshire.gov.uk>\n\nTo: FOI\n"
    )
    assert html_to_text("<script>x <a@b.org></script><p>ok</p>") == "\nok\n"  # not inside what is skipped
