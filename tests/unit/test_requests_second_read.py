"""The labeller-agreement script (evals/real_requests/second_read/agreement.py) on a tiny synthetic pair."""

from __future__ import annotations

from pathlib import Path

import yaml

from evals.holdout import is_held_back
from evals.real_requests.second_read import agreement


def _entry(case_id: str, questions: list[tuple[str, str | None]], names=(), third=()) -> dict:
    return {
        "id": case_id,
        "questions": [{"label": None, "text": text, "sub_of": parent} for text, parent in questions],
        "requester": {"names": list(names), "emails": [], "phones": [], "addresses": []},
        "third_parties": list(third),
    }


FIRST = _entry(
    "req-one",
    [
        ("How many drones do you own?", None),
        (
            "How many incidents involved drones in each year: a. April 2015 to March 2016 b. April 2016 to March 2017",
            None,
        ),
    ],
    names=["Jane Smith"],
    third=["Cllr John Doe"],
)
SECOND = _entry(
    "req-one",
    [
        ("How many  drones do you\nown?", None),  # same boundary: whitespace and case do not count
        ("How many incidents involved drones in each year:", None),
        ("April 2015 to March 2016", "1"),
        ("April 2016 to March 2017", "1"),
    ],
    names=["jane smith", "J. Smith"],
    third=["Cllr John Doe"],
)


def test_compare_counts_boundaries_and_identity():
    row = agreement.compare(FIRST, SECOND)
    assert (row["count_first"], row["count_second"], row["count_exact"]) == (2, 4, False)
    assert (row["top_first"], row["top_second"], row["top_exact"]) == (2, 2, True)
    # the breakdown kept inside in one reading and split out in the other: only the drone question matches
    assert (row["first_matched"], row["second_matched"]) == (1, 1)
    assert row["only_first"] == [
        "How many incidents involved drones in each year: a. April 2015 to March 2016 b. April 2016 to March 2017"
    ]
    assert row["only_second"] == [
        "How many incidents involved drones in each year:",
        "April 2015 to March 2016",
        "April 2016 to March 2017",
    ]
    # names compared after normalising case: one item in both, one only in the second reading
    assert (row["identity_both"], row["identity_either"]) == (1, 2)
    assert row["identity_only_second"] == ["names: j. smith"]
    assert (row["third_both"], row["third_either"]) == (1, 1)


def test_same_reading_agrees_fully():
    row = agreement.compare(FIRST, FIRST)
    assert row["count_exact"] and row["first_matched"] == row["second_matched"] == 2
    assert row["identity_both"] == row["identity_either"] == 1


def test_run_pairs_by_id_pools_and_skips_held_back(tmp_path: Path):
    assert not is_held_back("req-one") and not is_held_back("req-two") and is_held_back("req-five")
    labels = tmp_path / "labels"
    labels.mkdir()
    two = _entry("req-two", [("Please provide the policy.", None)])
    held = _entry("req-five", [("Anything.", None)])
    (labels / "a.yaml").write_text(yaml.safe_dump([FIRST, two, held]), encoding="utf-8")
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump([SECOND, two, held]), encoding="utf-8")

    rows, totals = agreement.run(second, labels)
    assert [r["id"] for r in rows] == ["req-one", "req-two"]  # the held-back request is never compared
    assert rows[0]["batch"] == "a"
    assert totals["requests"] == 2
    assert totals["count_exact"] == 0.5
    assert (totals["questions_first"], totals["questions_second"]) == (3, 5)
    assert totals["first_in_second"] == 2 / 3  # pooled over requests, as the eval pools them
    assert totals["second_in_first"] == 2 / 5
    assert totals["identity_agreement"] == 1 / 2
    text = agreement.report(rows, totals)
    assert "| question count exact | 0.500 |" in text
    assert "- req-one (2 / 4 questions)" in text and "req-two (" not in text
