"""Letter-reader faults mended at stop 37, round two (foi_precedent/letters/): a reply whose answers are paragraphs
that name their question in prose ("Points 1-4", "With regards to point 3, ...") rather than as a label."""

from __future__ import annotations

from foi_precedent.letters.parser import parse_text

POINTS = """Dear requester
Information requested
You requested:
1. A response from each of the categories of respondents.
2. The county council's response to the consultation.
3. A response from a council that does not support the change.
4. Which councils supported the change and which were against.
5. Copies of advice provided to Ministers on the change.
Our response
Points 1-4
I wrote to you on 27 April disclosing the information for Points 1-4.
Point 5
I have decided that the information described in Point 5 is exempt from disclosure under Section 36 of the Freedom of Information Act 2000, specifically:
Section 36(2)(b)(i) \u2013 inhibiting the free and frank provision of advice;
Section 36(2)(c) \u2013 otherwise prejudice the effective conduct of public affairs.
The reasons for applying the exemptions are set out at Annex 1 to this letter.
Next steps
If you are dissatisfied with the handling of your request, you can ask for an internal review.
"""


def reading(text: str) -> list[tuple[str, list[str], list[str]]]:
    letter = parse_text(text, source="letter.txt")
    return [(q.label, [t.value for t in q.treatments], list(q.exemptions)) for q in letter.questions]


def test_points_named_as_headings_scope_the_answers_under_them():
    # welsh-gov-second-homes-consultation-advice-s36-atisn-16133: "Point 5" is refused under s36, "Points 1-4" were
    # disclosed; the old reader gave all five the s36 refusal
    got = reading(POINTS)
    assert [(label, treatments) for label, treatments, _ in got] == [
        ("1", ["disclosed"]),
        ("2", ["disclosed"]),
        ("3", ["disclosed"]),
        ("4", ["disclosed"]),
        ("5", ["withheld"]),
    ]
    assert all(not exemptions for _, _, exemptions in got[:4])
    assert set(got[4][2]) == {"s36(2)(b)(i)", "s36(2)(c)"}


def test_a_paragraph_opening_with_regards_to_point_n_answers_that_point_only():
    # welsh-gov-english-curriculum-bill-atisn-16072: point 3's "we do not hold this information" is not point 1's
    text = """Dear requester
Information requested
Specifically you asked for copies of:
1. The responses to the consultation.
2. Copies of the minutes of the meetings where the consultation was planned.
Our response
The information I am releasing is outlined below.
  \u2022 With regards to point 1, we have attached all 196 responses to the survey.
  \u2022 With regards to point 2, I can confirm that we do not hold this information as there were no such meetings.
Next steps
If you are dissatisfied with the handling of your request, you can ask for an internal review.
"""
    assert reading(text) == [("1", ["disclosed"], []), ("2", ["not_held"], [])]


NORTHUMBRIA = """Dear requester
You asked:
1. How much did you collect in speeding fines last year?
2. How many speeding fines did your five busiest cameras give out?
3. How many cameras do you have?
We have now had the opportunity to fully consider your request and I provide a response for your attention.
I can confirm that the information you have requested is held in part by the force, however cannot be disclosed for the following reasons.
The information requested is not held in a format that allows its retrieval within the permitted time constraints.
{named}, to establish a response to this part we would first have to look at each of the individual notices. This would far exceed the permitted 18 hours for this part alone. As we have estimated that to extract this information would take over 18 hours, therefore Section 12(1) of the Freedom of Information Act would apply.
"""


def test_a_whole_request_refused_for_reasons_given_under_one_question_is_refused_for_them():
    # northumbria-police-speed-cameras-176-17: "cannot be disclosed for the following reasons", the time limit for the
    # whole request, then one point's estimate citing s12(1): every question is refused on cost, not withheld
    # without a reason (as read once "point 2" named its question, and before for "question 2")
    for named in ("With regards to point 2", "With regards to question 2"):
        assert reading(NORTHUMBRIA.format(named=named)) == [
            ("1", ["cost_limit"], ["s12(1)"]),
            ("2", ["cost_limit"], ["s12(1)"]),
            ("3", ["cost_limit"], ["s12(1)"]),
        ]


def test_a_refusal_whose_only_reason_names_another_question_stays_that_ones():
    # northumbria-police-officer-misconduct-16718: the one reason given is question 2's, nothing for the whole
    # request follows the refusal: the other questions do not take question 2's cost refusal
    text = NORTHUMBRIA.replace(
        "The information requested is not held in a format that allows its retrieval within the permitted time "
        "constraints.\n",
        "",
    ).format(named="With regards to question 2")
    got = reading(text)
    assert got[1] == ("2", ["cost_limit"], ["s12(1)"])
    assert all("s12(1)" not in exemptions for label, _, exemptions in got if label != "2")
