"""More requester-identity gaps found at stop 27, each through ``split_request``:

- a signed name with a title of the signer's own ('Sir John Smith', 'Dame ...', 'Lord ...', 'Lady ...', 'Dr ...',
  'Professor ...', 'Rev ...') is the requester's, under any sign-off; 'Dear Sir', 'Dear Sir or Madam' and
  'Sir/Madam' stay no one's.

Every name, number and address here is made up."""

from __future__ import annotations

import pytest

from evals.real_requests.suite import outgoing_text, pii_present
from foi_precedent.drafting.request import split_request

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


def test_a_knight_the_request_is_about_stays_beside_a_knight_who_signs():
    r = split_request(
        "Dear Anyshire Council,\n\nPlease provide any complaints received about Sir Malcolm Fenwick MP in 2023.\n\n"
        "Yours sincerely,\nSir John Smith\n"
    )
    assert "Sir Malcolm Fenwick MP" in r.text and "Sir Malcolm Fenwick" in r.questions[0].text
    assert r.requester.name == "Sir John Smith" and not _leaks(r, "John Smith")
