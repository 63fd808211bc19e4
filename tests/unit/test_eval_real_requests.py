"""The real_requests scorers: each can fail, and the held-back part keeps only its numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.holdout import is_held_back
from evals.real_requests import suite
from foi_precedent.drafting.request import Request, RequestQuestion, split_request


def test_char_f1_is_one_for_the_same_words_and_falls_with_the_boundary():
    assert suite.char_f1("How many  drones\ndo you own?", "how many drones do you own?") == 1.0
    assert suite.char_f1("", "How many?") == 0.0
    merged = "How many drones do you own? What is your drone policy and when was it last reviewed?"
    assert suite.char_f1(merged, "How many drones do you own?") < suite.MATCH_F1  # two questions read as one


def test_match_questions_is_one_to_one():
    labelled = ["How many drones do you own?", "How many drones do you own?"]
    assert suite.match_questions(["How many drones do you own?"], labelled) == [0, None]
    assert suite.match_questions(["Something else entirely"], labelled[:1]) == [None]


@pytest.mark.parametrize(
    "kind, value, outgoing, present",
    [
        ("names", "Jane Smith", "Regards, [NAME]", False),
        ("names", "Jane Smith", "Thanks, Jane", True),  # a part of the name left behind is a leak
        ("emails", "jane@example.org", "[EMAIL]", False),
        ("emails", "Jane@Example.org", "write to jane@example.org", True),
        ("addresses", "12 High Street, London", "[ADDRESS], London", False),  # a town alone does not identify
        ("addresses", "12 High Street, London", "12 High Street", True),
        ("phones", "07700 900123", "call 07700  900123", True),
    ],
)
def test_pii_present(kind, value, outgoing, present):
    assert suite.pii_present(kind, value, outgoing) is present


LABEL = {
    "id": "x",
    "questions": [{"text": "How many drones do you own?"}, {"text": "What is your drone policy?"}],
    "requester": {"names": ["Jane Smith"], "emails": ["jane@example.org"]},
    "third_parties": ["Councillor Jane Doe"],
}


def test_score_request_right():
    r = split_request(
        "1. How many drones do you own?\n2. What is your drone policy?\n"
        "3. Did Councillor Jane Doe approve it?\nRegards,\nJane Smith\njane@example.org\n"
    )
    s = suite.score_request(LABEL, r)
    assert s["found"] == 3 and not s["count_exact"] and s["labelled_matched"] == 2 and s["found_matched"] == 2
    assert s["pii_removed"] == 2 and not s["leaked"]
    assert s["third_parties_kept"] == 1


def test_score_request_fails_on_a_merged_question_a_leak_and_a_lost_third_party():
    # built by hand, so that the scorer is tested whatever the reader catches
    merged = "How many drones do you own and what is your drone policy?"
    r = Request(questions=(RequestQuestion("Q1", merged),), text=f"{merged} Jane Smith, [EMAIL]")
    s = suite.score_request({**LABEL, "third_parties": ["Councillor Bob Doe"]}, r)
    assert not s["count_exact"] and s["labelled_matched"] == 0
    assert s["leaked"] == ["names: Jane Smith"] and s["pii_removed"] == 1
    assert s["pii_by_kind"] == {
        "names": [1, 0],
        "emails": [1, 1],
    }  # which kind leaked, kept for held-back cases
    assert suite.metrics([{"scores": s}])["pii_removed_names"] == 0.0
    assert suite.metrics([{"scores": s}])["pii_removed_emails"] == 1.0
    assert s["dropped"] == ["Councillor Bob Doe"]


def test_score_request_when_the_reader_failed():
    s = suite.score_request(LABEL, None, "boom")
    assert s["no_question"] and s["found"] == 0 and s["error"] == "boom" and s["pii_items"] == 0


def test_run_reports_all_tuning_and_held_back_apart_without_held_back_details(tmp_path: Path, monkeypatch):
    requests = tmp_path / "requests"
    requests.mkdir()
    ids = ["case-a", "case-b", "case-c", "case-d", "case-e", "case-f"]
    entries = []
    for cid in ids:
        (requests / f"{cid}.txt").write_text("---\nsource: x\n---\n1. How many drones?\n2. How many cars?\n")
        entries.append(
            {
                "id": cid,
                "file": str(requests / f"{cid}.txt"),
                "questions": [{"text": "How many drones?"}, {"text": "How many cars?"}],
            }
        )
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "a.yaml").write_text(yaml.safe_dump(entries))
    monkeypatch.setattr(suite, "ROOT", Path("/"))
    results = suite.run(labels)
    held = [c for c in results["cases"] if c["held_back"]]
    assert {c["id"] for c in held} == {i for i in ids if is_held_back(i)} and held  # some held back
    assert all("missed" not in c["scores"] and "extra" not in c["scores"] for c in held)
    m = results["metrics"]
    assert m["all"]["requests"] == 6 and m["dev"]["requests"] + m["held_back"]["requests"] == 6
    assert (
        m["all"]["count_exact"] == 1.0 and m["all"]["boundary_recall"] == 1.0 and m["all"]["no_question"] == 0
    )
    table = suite.table(results)
    assert "held back" in table and "question count exact" in table


def _tuning_labels_with_identity() -> list[dict]:
    # held-back requests are skipped before their text or labels are read
    return [
        lab
        for lab in suite.load_labels()
        if not is_held_back(lab["id"])
        and (any((lab.get("requester") or {}).get(k) for k in suite.PII_KINDS) or lab.get("third_parties"))
    ]


@pytest.mark.parametrize("label", _tuning_labels_with_identity(), ids=lambda lab: lab["id"])
def test_real_tuning_requests_lose_their_requester_and_keep_third_parties(label):
    request, error = suite.read_case(label)
    assert error is None
    s = suite.score_request(label, request)
    assert s["leaked"] == [] and s["dropped"] == []
    assert request.requester.values() or not (label.get("requester") or {}).get("names")


def test_identity_out_of_the_questions_is_counted_apart_from_the_whole_text():
    # built by hand: a name left in the sign-off leaks from the text, not from the questions (all a model is sent);
    # one left inside a question's own text leaks from both
    q1, q2 = "How many drones do you own?", "What is Jane Smith's drone policy?"
    signed = Request(questions=(RequestQuestion("Q1", q1),), text=f"{q1}\nRegards,\nJane Smith")
    s = suite.score_request(LABEL, signed)
    assert s["pii_removed"] == 1 and s["pii_out_of_questions"] == 2
    inside = Request(questions=(RequestQuestion("Q1", q2),), text=q2)
    t = suite.score_request(LABEL, inside)
    assert t["pii_removed"] == 1 and t["pii_out_of_questions"] == 1
    assert suite.metrics([{"scores": s}, {"scores": t}])["pii_out_of_questions"] == 0.75


def test_the_authority_named_in_a_request_is_counted_kept_or_removed():
    """A request that names its authority as its label does keeps the name once identity is removed; a request
    that does not name it is not counted."""
    text = "Dear Transport for Greater Manchester,\n\n1. How many trams ran late?\n\nYours faithfully,\nJane Smith"
    label = {**LABEL, "authority": "Transport for Greater Manchester"}
    s = suite.score_request(label, split_request(text), found_text=text)
    assert (s["authority_named"], s["authority_kept"]) == (1, 1)
    elsewhere = suite.score_request(
        {**label, "authority": "Leeds City Council"}, split_request(text), found_text=text
    )
    assert (elsewhere["authority_named"], elsewhere["authority_kept"]) == (0, 0)
    # a body's name taken for the requester's ("Signed: Transport for Greater Manchester" is not how one signs, but
    # the scorer must see it go): counted as named and not kept
    mangled = suite.score_request({**label, "authority": "Jane Smith"}, split_request(text), found_text=text)
    assert (mangled["authority_named"], mangled["authority_kept"]) == (1, 0)
    m = suite.metrics([{"scores": s}, {"scores": elsewhere}, {"scores": mangled}])
    assert m["authority_named"] == 2 and m["authority_kept"] == 0.5


def test_count_exact_carries_its_interval():
    r = split_request("1. How many drones do you own?\n2. What is your drone policy?\n")
    s = suite.score_request(LABEL, r)
    wrong = {**s, "count_exact": not s["count_exact"]}
    m = suite.metrics([{"scores": s}] * 5 + [{"scores": wrong}] * 5)
    low, high = m["count_exact_interval"]
    assert low < m["count_exact"] == 0.5 < high and m["count_exact_margin"] > 0
