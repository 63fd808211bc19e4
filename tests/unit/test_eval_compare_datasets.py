"""``precedent eval --compare`` of two runs of the real development sets: verdicts by metric and part, the tuning
cases that changed, never a held-back case named, and a suites' file with a datasets' file refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from evals import compare_datasets, runner
from evals.holdout import is_held_back
from evals.real_letters import suite as letters
from evals.real_requests import suite as requests
from foi_precedent.cli import main
from tests.builders import DISMISSALS, DISMISSALS_MISREAD

IDS = ["letter-a", "letter-b", "letter-c", "letter-d", "letter-e", "letter-f", "letter-g", "letter-h"]
TUNING = [i for i in IDS if not is_held_back(i)]
HELD = [i for i in IDS if is_held_back(i)]

LETTER = DISMISSALS
MISREAD = DISMISSALS_MISREAD


def _label(case_id: str) -> dict:
    return {
        "id": case_id,
        "file": f"{case_id}.txt",
        "decision_visible": True,
        "questions": [
            {"label": "1.", "starts": "How many officers were dismissed", "treatments": ["disclosed"]},
            {
                "label": "2.",
                "starts": "Names of the officers dismissed",
                "treatments": ["withheld"],
                "exemptions": ["s40(2)"],
            },
        ],
        "letter": {"exemptions": ["s40(2)"], "refusal_notice": True},
    }


def _letters_run(tmp_path: Path, monkeypatch, name: str, misread=(), ids=IDS) -> Path:
    """A real_letters run saved as ``precedent eval real_letters --out`` saves it, ``misread`` read worse."""
    root = tmp_path / name
    (root / "labels").mkdir(parents=True)
    for i in ids:
        (root / f"{i}.txt").write_text(MISREAD if i in misread else LETTER, encoding="utf-8")
    (root / "labels" / "t.yaml").write_text(yaml.safe_dump([_label(i) for i in ids]), encoding="utf-8")
    monkeypatch.setattr(letters, "ROOT", root)
    out = tmp_path / f"{name}.json"
    runner.save_results({"real_letters": letters.run(root / "labels")}, out)
    return out


def test_the_tiny_set_holds_both_parts():
    assert TUNING and HELD


def test_identical_runs_compare_with_no_regression(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    assert main(["eval", "--compare", str(old), str(old)]) == 0
    out = capsys.readouterr().out
    assert "REGRESSION" not in out and "No tuning case changed." in out
    assert "Regression beyond 0.02: no" in out
    for heading in ("all: 8 cases", "tuning: 4 cases", "held back: 4 cases"):
        assert heading in out


def test_a_drop_beyond_the_threshold_regresses_and_names_only_the_tuning_case(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    new = _letters_run(tmp_path, monkeypatch, "new", misread=(TUNING[0], HELD[0]))
    assert main(["eval", "--compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines()]
    assert ["treatment_agreement", "1.000", "0.875", "-0.125", "REGRESSION"] in lines  # each part: 7 of 8
    assert ["recall_disclosed", "1.000", "0.750", "-0.250", "REGRESSION"] in lines
    assert f"{TUNING[0]}: treatment_agree 2 -> 1" in out
    assert "Regression beyond 0.02: yes" in out
    assert HELD[0] not in out  # read worse too, counted in the held back totals, never named

    assert main(["eval", "--compare", str(old), str(new), "--json"]) == 1
    raw = capsys.readouterr().out
    assert HELD[0] not in raw
    diff = json.loads(raw)
    held = {r["metric"]: r for r in diff["sets"]["real_letters"]["parts"]["held_back"]["metrics"]}
    assert held["treatment_agreement"]["regressed"] and held["treatment_agreement"]["delta"] == -0.125
    # the change's interval, the four held-back letters resampled in pairs: one letter's loss cannot be told from
    # chance on four letters
    low, high = held["treatment_agreement"]["delta_interval"]
    assert low < -0.125 < high <= 0 and held["treatment_agreement"]["within_chance"]
    assert "interval" not in str(held["letters"])  # only the headline rates get one


def test_the_change_of_a_headline_rate_is_given_its_interval(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    assert main(["eval", "--compare", str(old), str(old)]) == 0
    out = capsys.readouterr().out
    # identical runs: no change, and an interval of none
    assert "95% interval of the change: 0.000 to 0.000 (cases resampled in pairs; within chance)" in out
    # each part's rates are printed with their own margin
    table = letters.table(json.loads(old.read_text())["real_letters"])
    assert "\u00b1 (95% interval, letters resampled)" in table


def test_the_threshold_is_the_allowed_drop(tmp_path, monkeypatch):
    old = _letters_run(tmp_path, monkeypatch, "old")
    new = _letters_run(tmp_path, monkeypatch, "new", misread=(TUNING[0],))
    assert main(["eval", "--compare", str(old), str(new), "--threshold", "0.5"]) == 0
    assert main(["eval", "--compare", str(old), str(new), "--threshold", "0.1"]) == 1
    rows = compare_datasets.metric_rows({"pointer_recall": 0.9}, {"pointer_recall": 0.88}, 0.02)
    assert not rows[0]["regressed"]  # exactly the threshold is not more than it


def test_counts_that_should_be_low_regress_on_any_rise_and_sizes_have_no_verdict():
    rows = {
        r["metric"]: r
        for r in compare_datasets.metric_rows(
            {"letters": 10, "letters_refused": 0, "letters_model_unused": 2, "questions_labelled": 30},
            {"letters": 12, "letters_refused": 1, "letters_model_unused": 1, "questions_labelled": 20},
            0.02,
        )
    }
    assert rows["letters_refused"]["regressed"] and rows["letters_refused"]["better"] == "lower"
    assert not rows["letters_model_unused"]["regressed"]  # fewer letters left to the rules is better
    assert rows["letters"]["better"] is None and not rows["letters"]["regressed"]
    assert rows["questions_labelled"]["better"] is None and not rows["questions_labelled"]["regressed"]
    no_q = compare_datasets.metric_rows({"no_question": 0}, {"no_question": 2}, 0.02)[0]
    assert no_q["regressed"]


@pytest.mark.parametrize("rows", [letters.ROWS, requests.ROWS], ids=["real_letters", "real_requests"])
def test_every_metric_a_set_prints_has_a_stated_direction_or_none(rows):
    """A new metric must be given a direction (or declared a size) before its compare can gate."""
    for key, _ in rows:
        assert (key in compare_datasets.DIRECTIONS) != (key in compare_datasets.NEUTRAL), key


def test_runs_of_different_cases_are_compared_on_the_cases_both_read(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    fewer = [i for i in IDS if i not in (TUNING[-1], HELD[-1])]
    new = _letters_run(tmp_path, monkeypatch, "new", ids=fewer)
    assert main(["eval", "--compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "tuning: the 3 cases both runs read (old 4, new 3)" in out
    assert "held back: the 3 cases both runs read (old 4, new 3)" in out
    assert f"Tuning cases only in the old run (1): {TUNING[-1]}" in out
    assert HELD[-1] not in out


def test_a_part_one_run_did_not_read_is_not_compared(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    new = tmp_path / "tuning.json"
    runner.save_results({"real_letters": letters.run(tmp_path / "old" / "labels", part="tuning")}, new)
    assert main(["eval", "--compare", str(old), str(new), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    s = diff["sets"]["real_letters"]
    assert list(s["parts"]) == ["dev"]
    assert any(n.startswith("held back: not compared") for n in s["notes"])
    assert any(n.startswith("all: not compared") for n in s["notes"])
    diff = compare_datasets.compare(*(json.loads(new.read_text(encoding="utf-8")) for _ in range(2)))
    both_tuning = diff["sets"]["real_letters"]
    assert list(both_tuning["parts"]) == ["dev"]  # "all" would repeat the tuning part
    assert both_tuning["notes"] == ["held back: not compared (not read in either run)"]


def test_json_shape(tmp_path, monkeypatch, capsys):
    old = _letters_run(tmp_path, monkeypatch, "old")
    new = _letters_run(tmp_path, monkeypatch, "new", misread=(TUNING[0],))
    assert main(["eval", "--compare", str(old), str(new), "--json", "--threshold", "0.05"]) == 1
    diff = json.loads(capsys.readouterr().out)
    assert set(diff) == {"kind", "sets", "only_in_old", "only_in_new", "regressed", "threshold"}
    assert diff["kind"] == "datasets" and diff["regressed"] and diff["threshold"] == 0.05
    s = diff["sets"]["real_letters"]
    assert set(s) == {
        "runs",
        "parts",
        "notes",
        "cases",
        "tuning_only_in_old",
        "tuning_only_in_new",
        "regressed",
    }
    assert s["runs"]["old"] == {"reading": "rules", "cases": 8, "dev": 4, "held_back": 4}
    assert list(s["parts"]) == ["all", "dev", "held_back"]
    part = s["parts"]["dev"]
    assert part["cases"] == {"old": 4, "new": 4} and part["compared_on"] == 4
    assert set(part["metrics"][0]) == {"metric", "old", "new", "delta", "better", "regressed"}
    assert s["cases"] == [
        {
            "id": TUNING[0],
            "scores": {
                "treatment_agree": {"old": 2, "new": 1},
                "by_treatment": {
                    "old": {"disclosed": [1, 1], "withheld": [1, 1]},
                    "new": {"disclosed": [1, 0], "withheld": [1, 1]},
                },
                "confident_agree": {"old": 2, "new": 1},
            },
        }
    ]


def test_a_model_reading_beside_the_rules_is_not_a_change_of_every_case():
    case = {"id": "letter-a", "held_back": False, "scores": {"refused": False}}
    model_case = {**case, "scores": {"refused": False, "model_unused": True}}
    old = {
        "real_letters": {"metrics": {p: {"letters": 1} for p in ("all", "dev", "held_back")}, "cases": [case]}
    }
    new = {
        "real_letters": {
            "metrics": {p: {"letters": 1, "letters_model_unused": 1} for p in ("all", "dev", "held_back")},
            "cases": [model_case],
            "model": "fake",
        }
    }
    diff = compare_datasets.compare(old, new)
    s = diff["sets"]["real_letters"]
    assert s["cases"] == [] and s["runs"]["new"]["reading"] == "fake" and not diff["regressed"]
    row = next(r for r in s["parts"]["dev"]["metrics"] if r["metric"] == "letters_model_unused")
    assert row["old"] is None and row["new"] == 1 and not row["regressed"]


def test_requests_runs_compare_too(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "requests"
    folder.mkdir()
    ids = ["case-a", "case-b", "case-c", "case-d", "case-e", "case-f"]
    entries = []
    for cid in ids:
        (folder / f"{cid}.txt").write_text("---\nsource: x\n---\n1. How many drones?\n2. How many cars?\n")
        entries.append(
            {
                "id": cid,
                "file": str(folder / f"{cid}.txt"),
                "questions": [{"text": "How many drones?"}, {"text": "How many cars?"}],
            }
        )
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "a.yaml").write_text(yaml.safe_dump(entries))
    monkeypatch.setattr(requests, "ROOT", Path("/"))
    old = tmp_path / "old.json"
    runner.save_results({"real_requests": requests.run(labels)}, old)
    tuning = [i for i in ids if not is_held_back(i)]
    (folder / f"{tuning[0]}.txt").write_text("---\nsource: x\n---\nHow many drones and how many cars?\n")
    new = tmp_path / "new.json"
    runner.save_results({"real_requests": requests.run(labels)}, new)
    assert main(["eval", "--compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "count_exact" in out and "REGRESSION" in out and f"{tuning[0]}: " in out


def test_a_suites_file_with_a_datasets_file_is_one_error_line(tmp_path, monkeypatch, capsys):
    datasets_run = _letters_run(tmp_path, monkeypatch, "old")
    suites_run = tmp_path / "suites.json"
    suites_run.write_text(json.dumps({"metrics": {"pass_rate": 1.0}, "cases": []}), encoding="utf-8")
    for pair in ((suites_run, datasets_run), (datasets_run, suites_run)):
        assert main(["eval", "--compare", *map(str, pair)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
        assert "cannot compare" in captured.err and "same kind" in captured.err


def test_no_set_in_both_runs_and_junk_are_errors(tmp_path, monkeypatch, capsys):
    letters_run = _letters_run(tmp_path, monkeypatch, "old")
    other = tmp_path / "other.json"
    data = json.loads(letters_run.read_text(encoding="utf-8"))
    other.write_text(json.dumps({"real_requests": data["real_letters"]}), encoding="utf-8")
    assert main(["eval", "--compare", str(letters_run), str(other)]) == 2
    assert "no development set in both runs" in capsys.readouterr().err
    junk = tmp_path / "junk.json"
    junk.write_text(json.dumps({"real_letters": {"cases": []}}), encoding="utf-8")
    assert main(["eval", "--compare", str(letters_run), str(junk)]) == 2
    assert "not an eval results file" in capsys.readouterr().err


def test_runs_whose_scores_cannot_be_counted_again_are_compared_as_saved():
    """Cases saved by an older reader may lack a score the set's metrics now count: the saved totals are used."""

    def run(ids, letters_refused):
        cases = [{"id": i, "held_back": False, "scores": {}} for i in ids]
        metrics = {"letters": len(ids), "letters_refused": letters_refused}
        return {
            "real_letters": {"metrics": {p: metrics for p in ("all", "dev", "held_back")}, "cases": cases}
        }

    diff = compare_datasets.compare(run(TUNING, 0), run(TUNING[:2], 1))
    s = diff["sets"]["real_letters"]
    assert s["parts"]["dev"]["compared_on"] is None and diff["regressed"]
    assert any("compared as saved" in n for n in s["notes"])
    assert s["tuning_only_in_old"] == sorted(TUNING[2:])
