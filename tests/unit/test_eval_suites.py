"""Suite files: schema errors name the file and the case; the runner, compare, JUnit and CLI with MemoryIndex."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import yaml

from evals import runner
from evals.schema import load_suite, parse_suite, resolve_suites, shipped_suites
from foi_precedent.errors import EvalSuiteError
from foi_precedent.letters.parser import parse_text
from tests.fakes import MemoryIndex

LETTER = """Reference: {ref}
Date: {date}

Dear Requester,

Freedom of Information Act 2000 request

Question 1: How many drones does the force own?
Question 2: Please provide the date and location of each drone flight.

Our response

Question 1: How many drones does the force own?
Answer: The force owns 6 drones.

Question 2: Please provide the date and location of each drone flight.
Answer: {answer2}

If you are dissatisfied you may ask for an internal review and complain to the Information Commissioner.
"""


def _letter(ref, date, answer2):
    return parse_text(LETTER.format(ref=ref, date=date, answer2=answer2), source=ref)


@pytest.fixture
def index():
    return MemoryIndex(
        [
            _letter(
                "GMP-1", "1 March 2021", "The information is withheld under Section 31(1)(a) of the Act."
            ),
            _letter(
                "GMP-2", "1 March 2022", "The information is withheld under Section 31(1)(a) of the Act."
            ),
            _letter(
                "GMP-3", "1 March 2023", "The information is withheld under Section 31(1)(a) of the Act."
            ),
        ]
    )


def _write(tmp_path, data, name="suite.yaml"):
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    return p


def test_unknown_key_names_file_and_case(tmp_path):
    p = _write(
        tmp_path,
        {
            "version": 1,
            "name": "x",
            "kind": "retrieval",
            "cases": [
                {"id": "good", "question": "q", "expected": [{"reference": "A", "label": "1"}]},
                {
                    "id": "bad-one",
                    "question": "q",
                    "expected": [{"reference": "A", "label": "1"}],
                    "colour": "red",
                },
            ],
        },
    )
    with pytest.raises(EvalSuiteError) as exc:
        load_suite(p)
    assert "suite.yaml" in str(exc.value) and "bad-one" in str(exc.value) and "unknown key" in str(exc.value)


def test_wrong_type_and_bad_values(tmp_path):
    with pytest.raises(EvalSuiteError, match="case 'r1'.*k"):
        parse_suite(
            {
                "version": 1,
                "name": "x",
                "kind": "retrieval",
                "cases": [
                    {"id": "r1", "question": "q", "expected": [{"reference": "A", "label": "1"}], "k": "five"}
                ],
            },
            "s.yaml",
        )
    with pytest.raises(EvalSuiteError, match="treatments"):
        parse_suite(
            {
                "version": 1,
                "name": "x",
                "kind": "request",
                "cases": [{"id": "q1", "request": "1. x", "expected": [{"treatments": ["refused"]}]}],
            },
            "s.yaml",
        )
    with pytest.raises(EvalSuiteError, match="exactly one of draft, letter or pair"):
        parse_suite(
            {
                "version": 1,
                "name": "x",
                "kind": "flags",
                "cases": [{"id": "f1", "draft": "x", "letter": "A"}],
            },
            "s.yaml",
        )
    with pytest.raises(EvalSuiteError, match="version 2"):
        parse_suite(
            {"version": 2, "name": "x", "kind": "flags", "cases": [{"id": "f1", "letter": "A"}]}, "s.yaml"
        )
    with pytest.raises(EvalSuiteError, match="kind"):
        parse_suite({"version": 1, "name": "x", "kind": "vibes", "cases": [{"id": "f1"}]}, "s.yaml")
    with pytest.raises(EvalSuiteError, match="duplicate"):
        parse_suite(
            {
                "version": 1,
                "name": "x",
                "kind": "flags",
                "cases": [{"id": "f1", "letter": "A"}, {"id": "f1", "letter": "B"}],
            },
            "s.yaml",
        )
    bad = tmp_path / "broken.yaml"
    bad.write_text("version: [1\n", encoding="utf-8")
    with pytest.raises(EvalSuiteError, match="broken.yaml.*YAML"):
        load_suite(bad)
    with pytest.raises(EvalSuiteError, match="no such suite"):
        resolve_suites(["does-not-exist"])


def test_shipped_suites_load_and_have_enough_cases():
    suites = [load_suite(p) for p in shipped_suites()]
    assert {s.kind for s in suites} == {"retrieval", "request", "flags"}
    assert sum(len(s.cases) for s in suites) >= 60
    names = {s.name for s in suites}
    assert {"perturbations", "ground-truth", "sound"} <= names


def _suites(tmp_path):
    flags = parse_suite(
        {
            "version": 1,
            "name": "flags",
            "kind": "flags",
            "cases": [
                {"id": "sound", "letter": "GMP-3", "expected": []},
                {
                    "id": "perturbed",
                    "draft": LETTER.format(
                        ref="NEW-1",
                        date="1 May 2024",
                        answer2="We have decided to release this information. Please find it attached.",
                    ),
                    "expected": [{"label": "Question 2", "kinds": ["treatment_divergence"]}],
                },
            ],
        },
        "flags.yaml",
    )
    retrieval = parse_suite(
        {
            "version": 1,
            "name": "retrieval",
            "kind": "retrieval",
            "cases": [
                {
                    "id": "found",
                    "question": "how many drones does the force own",
                    "k": 3,
                    "expected": [{"reference": "GMP-1", "label": "Question 1"}],
                },
                {
                    "id": "missed",
                    "question": "date and location of drone flights",
                    "k": 1,
                    "expected": [{"reference": "NOPE", "label": "1"}],
                },
            ],
        },
        "retrieval.yaml",
    )
    return [retrieval, flags]


def test_run_suites_metrics_and_junit(index, tmp_path):
    results = runner.run_suites(_suites(tmp_path), runner.EvalContext(index=index))
    by_id = {c["id"]: c for c in results["cases"]}
    assert by_id["found"]["passed"] and not by_id["missed"]["passed"]
    assert by_id["sound"]["passed"], by_id["sound"]
    assert by_id["perturbed"]["passed"], by_id["perturbed"]
    m = results["metrics"]
    assert m["retrieval_recall_at_k"] == 0.5 and m["flag_recall"] == 1.0 and m["cases"] == 4
    root = ET.fromstring(runner.junit_xml(results))
    cases = root.findall(".//testcase")
    assert len(cases) == 4
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["missed"]
    assert "3/4" in runner.metrics_table(results)


def test_compare_and_cli_exit_code(index, tmp_path, capsys):
    from foi_precedent.cli import main

    results = runner.run_suites(_suites(tmp_path), runner.EvalContext(index=index))
    old = tmp_path / "old.json"
    new = tmp_path / "new.json"
    runner.save_results(results, old)
    worse = json.loads(json.dumps(results))
    worse["metrics"]["flag_recall"] = 0.5
    for c in worse["cases"]:
        if c["id"] == "perturbed":
            c["passed"] = False
    runner.save_results(worse, new)
    diff = runner.compare(results, worse, 0.02)
    assert diff["regressed"] and [c["change"] for c in diff["cases"]] == ["broken"]
    assert main(["eval", "--compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "REGRESSION" in out and "broken" in out
    assert main(["eval", "--compare", str(old), str(old)]) == 0
    slightly = json.loads(json.dumps(results))
    slightly["metrics"]["flag_recall"] = 0.99
    runner.save_results(slightly, new)
    assert main(["eval", "--compare", str(old), str(new), "--threshold", "0.02"]) == 0
    assert main(["eval", "--compare", str(old), str(new), "--threshold", "0.001"]) == 1
    (tmp_path / "junk.json").write_text("{}", encoding="utf-8")
    assert main(["eval", "--compare", str(old), str(tmp_path / "junk.json")]) == 2


def test_model_mode_records_the_prompt_and_compare_names_both_runs(index, tmp_path):
    """A prompt change is what a reviewer compares: the results say which prompt wrote the drafts."""
    from foi_precedent.models.fake import FakeChatModel

    suite = parse_suite(
        {
            "version": 1,
            "name": "requests",
            "kind": "request",
            "cases": [
                {
                    "id": "drones",
                    "request": "1. How many drones does the force own?",
                    "authority": "Greater Manchester Police",
                    "expected": [{"treatments": ["disclosed"]}],
                }
            ],
        },
        "requests.yaml",
    )
    runs = {}
    for prompt in ("draft_reply/v1", "draft_reply/v2"):
        ctx = runner.EvalContext(
            index=index, mode="model", chat_model=FakeChatModel("REASONS: none"), prompt=prompt
        )
        runs[prompt] = runner.run_suites([suite], ctx)
        assert runs[prompt]["prompt"] == prompt and runs[prompt]["mode"] == "model"
        assert runs[prompt]["metrics"]["model_answer_share"] == 0.0  # "REASONS: none" answers nothing
    writer = FakeChatModel(
        "The information requested is as follows: [INFORMATION TO BE PROVIDED BY THE OFFICER] We hope this helps."
    )
    good = runner.run_suites([suite], runner.EvalContext(index=index, mode="model", chat_model=writer))
    assert good["metrics"]["model_answer_share"] == 1.0, good["cases"][0]["details"]
    assert set(good["cases"][0]["details"]["sections"].values()) == {"model"}
    # a figure the model cannot know, where the officer's facts go: the precedent wording stands (stop 35)
    inventor = FakeChatModel("The force owns 6 drones. We hope this helps.")
    invented = runner.run_suites([suite], runner.EvalContext(index=index, mode="model", chat_model=inventor))
    assert invented["metrics"]["model_answer_share"] == 0.0
    details = invented["cases"][0]["details"]
    assert "which only the officer can fill in" in str(details["sections"] or details["fallback"]), details
    precedent = runner.run_suites([suite], runner.EvalContext(index=index))
    assert precedent["metrics"]["model_answer_share"] is None
    diff = runner.compare(runs["draft_reply/v1"], runs["draft_reply/v2"])
    assert (
        diff["runs"]["old"]["prompt"] == "draft_reply/v1"
        and diff["runs"]["new"]["prompt"] == "draft_reply/v2"
    )
    table = runner.compare_table(diff)
    assert "old: " in table and "prompt draft_reply/v1" in table and "prompt draft_reply/v2" in table


def test_high_flags_per_draft_is_a_mean_over_request_cases_and_a_rise_is_a_regression():
    def case(i, high):
        return {
            "suite": "requests",
            "id": f"r{i}",
            "kind": "request",
            "passed": not high,
            "seconds": 1.0,
            "scores": {"questions": 1, "treatments_correct": 1, "high_flags": high},
        }

    clean = {"metrics": runner.metrics([case(1, 0), case(2, 0)]), "cases": [case(1, 0), case(2, 0)]}
    flagged = {"metrics": runner.metrics([case(1, 0), case(2, 3)]), "cases": [case(1, 0), case(2, 3)]}
    assert (
        clean["metrics"]["high_flags_per_draft"] == 0.0 and flagged["metrics"]["high_flags_per_draft"] == 1.5
    )
    assert runner.metrics([])["high_flags_per_draft"] is None  # no drafts, no number
    diff = runner.compare(clean, flagged)
    assert diff["regressed"] and "high_flags_per_draft" in runner.compare_table(diff)
    assert not runner.compare(flagged, clean)["regressed"]
