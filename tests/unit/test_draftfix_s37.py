"""Drafting faults found by stop 37's browser QA pass on tuning requests: a requester's words read back as the
letter citing s12, a split note naming precedents that agree, a sub-question quoted with its parent's wording, the
editor's 'Q6-2', and uploads re-checked under numbered names."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from foi_precedent.consistency.consensus import build_consensus
from foi_precedent.drafting.edited import editor_text, question_texts, request_with_questions
from foi_precedent.drafting.letter import precedent_letter, quoted_questions
from foi_precedent.drafting.plan import Plan, plan_from_consensus
from foi_precedent.drafting.readback import beyond_plan_flags
from foi_precedent.drafting.request import Request, split_request
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_draft
from foi_precedent.letters.precedent import Precedent
from foi_precedent.recheck.service import save_uploads
from retriever.index import walk
from tests.builders import question_plan

FPNS = """Dear FOI team,

1. Does your council employ a private contractor to issue environmental FPNs?
2. Please state the total income received by the council from environmental FPNs in each year since 2020. If
fulfilling the full request would exceed the cost limit under Section 12, please prioritise the most recent year.

Regards,
Ann Smith
"""

FOSTERING = """Dear FOI team,

1. Please detail any allowances that all foster carers can claim in addition to their weekly allowance.
b) Does the council provide council tax exemption for foster carers?
c) What are foster carers entitlements to respite care?
2. How many foster carers are registered with the council?

Regards,
Ann Smith
"""


def _plan(request: Request) -> Plan:
    """Every question settled as disclosed, by no precedent (a plan relying on no exemption)."""
    return Plan(questions=tuple(question_plan(q.label, text=q.text) for q in request.questions))


# --- 1. the requester's words are not the letter citing a section ---------------------------------------------


def test_a_section_the_requester_names_in_a_question_is_not_the_letter_citing_it():
    """barnet-environmental-fpns-2025: the precedent-only draft quoted "...would exceed the cost limit under
    Section 12..." and was flagged HIGH "The letter cites s12, which no question of the precedent plan relies
    on", at Q1, with Q1's precedent as its evidence."""
    request = split_request(FPNS)
    plan = _plan(request)
    text = precedent_letter(request, plan)
    assert "cost limit under Section 12" in text  # quoted twice: in the request and above its answer
    letter = parse_draft(text, source="precedent-only draft")
    assert not [f for f in beyond_plan_flags(letter, plan) if f.kind == "beyond_plan"]


def test_a_section_the_letter_itself_cites_is_flagged_for_the_whole_letter_without_a_question_s_evidence():
    request = split_request(FPNS)
    plan = _plan(request)
    refs = ("dover-fpns-1", "Q1", date(2024, 1, 1), 0.9)
    plan = Plan(
        questions=(
            question_plan("Q1", text=request.questions[0].text, precedents=(refs,)),
            plan.questions[1],
        )
    )
    text = precedent_letter(request, plan).replace(
        "\nDisclosure\n",
        "\nSome of the information is exempt under Section 43(2) of the Act, as its release would prejudice "
        "the contractor's commercial interests.\n\nDisclosure\n",
    )
    letter = parse_draft(text, source="precedent-only draft")
    (flag,) = [f for f in beyond_plan_flags(letter, plan) if f.kind == "beyond_plan"]
    assert "s43(2)" in flag.message and "s12" not in flag.message
    assert flag.label == "" and flag.questions == ()  # the whole letter, not Q1
    assert flag.evidence == ()  # no one question's precedents
    assert "Section 43(2)" in flag.draft_text


# --- 2. the split note names the letters that differ ----------------------------------------------------------


def _precedent(reference: str, treatments: tuple[Treatment, ...], similarity: float) -> Precedent:
    return Precedent(
        reference=reference,
        label="1",
        authority="Some Council",
        date=date(2024, 1, 1),
        year=2024,
        question="How many fixed penalty notices were issued?",
        answer="a",
        treatments=treatments,
        exemptions=(),
        pointers=(),
        similarity=similarity,
    )


def test_a_split_note_lists_the_letters_that_differ_not_the_first_precedents():
    """Barnet Q2: "1 of 7 letters differ:" before the top three precedents, none of them the one that differs."""
    agree = [_precedent(f"agrees-{i}", (Treatment.DISCLOSED,), 0.81 - i / 1000) for i in range(4)]
    differ = [_precedent(f"differs-{i}", (Treatment.NOT_HELD,), 0.8 - i / 1000) for i in range(4)]
    c = build_consensus("Q2", "How many fixed penalty notices?", agree + differ)
    assert c.status == "split", c.agreement
    assert [p.reference for p in c.precedents[:3]] == ["agrees-0", "agrees-1", "agrees-2"]
    q = plan_from_consensus("Q2", "How many fixed penalty notices?", c)
    dissenting = {p.reference for p in c.dissenting}
    named = {ref for ref in (p.reference for p in c.precedents) if f"{ref} 1" in q.decision_note}
    assert named and named <= dissenting, q.decision_note
    assert "4 of 8 letters differ: differs-0 1, differs-1 1, differs-2 1 and 1 more" in q.decision_note


# --- 3. each question quoted in its own words -----------------------------------------------------------------


def test_a_sub_question_is_quoted_in_its_own_words_after_its_parent():
    """croydon-foster-care-stats: Q3's wording was quoted three times, in Q3, Q3b and Q3c (and in the list of
    the request above them too)."""
    request = split_request(FOSTERING)
    assert [q.label for q in request.questions] == ["Q1", "Q1b", "Q1c", "Q2"]
    plan = _plan(request)
    text = precedent_letter(request, plan)
    parent = "Please detail any allowances that all foster carers can claim"
    assert text.count(parent) == 2  # once in the request listed, once above its answer
    assert "Q1b - Does the council provide council tax exemption for foster carers?\n" in text
    assert "Q1c - What are foster carers entitlements to respite care?\n" in text
    # what precedent is looked up by keeps the parent's wording
    assert plan.question("Q1b").text.startswith(parent)
    letter = parse_draft(text, source="precedent-only draft")
    assert [q.label for q in letter.questions] == ["Q1", "Q1b", "Q1c", "Q2"]


def test_a_sub_question_whose_parent_is_not_in_the_plan_keeps_its_parent_s_wording():
    request = split_request(FOSTERING)
    plan = Plan(questions=tuple(question_plan(q.label, text=q.text) for q in request.questions[1:]))
    quoted = quoted_questions(request, plan)
    assert quoted["Q1b"].startswith("Please detail any allowances")  # not quoted anywhere else
    assert (
        quoted["Q1c"] == "What are foster carers entitlements to respite care?"
    )  # its parent's words are above


def test_a_sub_question_as_the_editor_shows_it_is_quoted_in_its_own_words():
    """The editor shows a sub-question with its parent's wording ('Q1b - <Q1's words> ...'): the questions an
    officer sets from it are quoted in their own words too."""
    request = split_request(FOSTERING)
    edited = request_with_questions(request, question_texts(editor_text(request)))
    assert edited.questions[1].text.startswith("Please detail any allowances")
    quoted = quoted_questions(edited, _plan(edited))
    assert quoted["Q1b"] == "Does the council provide council tax exemption for foster carers?"
    assert quoted["Q1c"] == "What are foster carers entitlements to respite care?"
    assert quoted["Q2"] == "How many foster carers are registered with the council?"


# --- 4. the editor's numbering ---------------------------------------------------------------------------------


SIX = "Dear FOI team,\n\n" + "\n".join(
    f"{i}. How many staff worked in team {i} in 2024?" for i in range(1, 7)
)


def test_a_line_put_between_the_app_s_labels_renumbers_them():
    """A line without a label between 'Q5 - ...' and 'Q6 - ...' gave 'Q6' and 'Q6-2', and 'Q6-2' reached the
    letter to the requester: the labels were the app's (the editor is prefilled with them)."""
    request = split_request(SIX)
    lines = question_texts(editor_text(request))
    assert lines[4].startswith("Q5 - ")
    lines.insert(5, "How many agency staff worked in 2024?")
    edited = request_with_questions(request, lines)
    assert [q.label for q in edited.questions] == [f"Q{i}" for i in range(1, 8)]
    assert edited.questions[5].text == "How many agency staff worked in 2024?"
    assert edited.questions[6].text == "How many staff worked in team 6 in 2024?"
    assert "Q6-2" not in precedent_letter(edited, _plan(edited))


def test_the_officer_s_own_labels_stay_when_the_app_s_are_renumbered():
    request = split_request(SIX)
    lines = question_texts(editor_text(request))[:3]
    lines[1:1] = ["How many agency staff?", "Question 4: how many of them were temporary?"]
    edited = request_with_questions(request, lines)
    assert [(q.label, q.original_label) for q in edited.questions] == [
        ("Q1", "Q1"),
        ("Q2", ""),
        ("Q4", "4"),
        ("Q5", "Q2"),
        ("Q6", "Q3"),
    ]


def test_the_app_s_labels_stay_when_nothing_clashes():
    """Labels follow the requester's own numbers ('1.', '2.', '5.'): an edit that adds no clash keeps them."""
    request = split_request("Dear FOI team,\n\n1. How many staff?\n2. How many vans?\n5. How many depots?")
    assert [q.label for q in request.questions] == ["Q1", "Q2", "Q5"]
    lines = question_texts(editor_text(request)) + ["How many bins?"]
    edited = request_with_questions(request, lines)
    assert [q.label for q in edited.questions] == ["Q1", "Q2", "Q5", "Q6"]


# --- 5. uploads re-checked under their own names ---------------------------------------------------------------


def test_uploads_are_saved_under_their_own_names_in_the_order_uploaded(tmp_path):
    """The Re-check report named a letter "0000-aberdeen-public-toilets-2016-e26dbaa1": the number save_uploads
    put before each file became part of its reference."""
    settings = SimpleNamespace(recheck_dir=tmp_path)
    folder = save_uploads(
        settings,
        [
            ("aberdeen-public-toilets-2016.txt", b"one"),
            ("letter.txt", b"two"),
            ("letter.txt", b"three"),
            ("C:\\fakepath/.hidden.md", b"four"),
        ],
    )
    found = walk([folder])
    assert [f.name for f in found.files] == [
        "aberdeen-public-toilets-2016.txt",
        "letter.txt",
        "letter.txt",
        "hidden.md",
    ]
    assert [f.read_bytes() for f in found.files] == [b"one", b"two", b"three", b"four"]
    assert not found.skipped and not found.not_read
