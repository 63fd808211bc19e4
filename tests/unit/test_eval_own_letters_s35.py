"""``precedent eval real_letters --readings FILE``: the reader measured on a team's own letters, their reviewed
readings (the JSON Lines ``import-readings`` takes) as the labels, every letter one part and shown.

The shipped real letters are the check that the two ways of labelling score alike: ``corpus/real/reviewed.jsonl``
is written from the development set's tuning labels, so a letter scored from it must score as from its YAML label.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from evals import runner
from evals.real_letters import suite
from foi_precedent.cli import main
from foi_precedent.letters.parser import parse_file
from tests.builders import DISMISSALS, DISMISSALS_MISREAD

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "corpus" / "real"

LETTER = DISMISSALS
MISREAD = DISMISSALS_MISREAD


def _reviewed(name: str) -> dict:
    return {
        "file": f"letters/{name}.txt",
        "questions": [
            {"label": "1.", "text": "How many officers were dismissed in 2023?", "treatments": ["disclosed"]},
            {
                "label": "2.",
                "text": "Names of the officers dismissed.",
                "treatments": ["withheld"],
                "exemptions": ["s40(2)"],
            },
        ],
    }


def _team(tmp_path: Path, misread=()) -> Path:
    """A team's folder: three letters and their reviewed readings; ``misread`` ones written so the reader errs."""
    (tmp_path / "letters").mkdir(parents=True, exist_ok=True)
    lines = []
    for name in ("a", "b", "c"):
        (tmp_path / "letters" / f"{name}.txt").write_text(
            MISREAD if name in misread else LETTER, encoding="utf-8"
        )
        lines.append(json.dumps(_reviewed(name)))
    readings = tmp_path / "reviewed.jsonl"
    readings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return readings


def test_a_teams_letters_are_one_part_shown_letter_by_letter(tmp_path):
    out = suite.run(readings=_team(tmp_path, misread=("b",)))
    assert set(out["metrics"]) == {"own"}
    m = out["metrics"]["own"]
    assert m["letters"] == 3 and m["questions_labelled"] == 6
    assert m["treatment_agreement"] == pytest.approx(5 / 6, abs=1e-4)
    assert m["exemption_precision"] == 1.0 and m["letter_exemption_recall"] == 1.0
    assert m["refusal_notice_agreement"] is None  # letter flags are not in a readings file: not measured
    assert all(not c["held_back"] and "details" in c for c in out["cases"])  # none hidden: none was tuned on
    misread = next(c for c in out["cases"] if c["id"] == "b")
    assert misread["details"]["misses"][0]["expected"] == ["disclosed"]
    assert out["readings"].endswith("reviewed.jsonl")


def test_the_cli_prints_your_letters_and_hides_what_it_cannot_measure(tmp_path, capsys):
    readings = _team(tmp_path)
    assert main(["eval", "real_letters", "--readings", str(readings), "--out", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert "your letters" in out and "Treatment agreement" in out
    assert "Refusal notice agreement" not in out and "held back" not in out
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert saved["real_letters"]["metrics"]["own"]["treatment_agreement"] == 1.0


@pytest.mark.parametrize(
    "argv, says",
    [
        (["real_requests"], "real_letters or real_plans"),
        (["real_letters", "real_requests"], "real_letters or real_plans"),
        (["real_letters", "--part", "tuning"], "--part and --batch"),
        (["real_letters", "--batch", "police"], "--part and --batch"),
    ],
)
def test_readings_with_another_set_or_a_part_is_one_line_and_exit_2(tmp_path, capsys, argv, says):
    readings = _team(tmp_path)
    assert main(["eval", *argv, "--readings", str(readings)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_a_missing_letter_file_is_named_before_anything_is_read(tmp_path, capsys):
    readings = _team(tmp_path)
    (tmp_path / "letters" / "b.txt").unlink()
    assert main(["eval", "real_letters", "--readings", str(readings)]) == 2
    err = capsys.readouterr().err
    assert "b.txt" in err and "not there" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "text, says",
    [
        ("not json\n", "not JSON"),
        (json.dumps({"file": "letters/a.txt", "questions": [{"text": "x", "treatments": ["lost"]}]}), "lost"),
        ("", "no reviewed letter"),
    ],
)
def test_a_bad_readings_file_is_one_line_and_exit_2(tmp_path, capsys, text, says):
    _team(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(text, encoding="utf-8")
    assert main(["eval", "real_letters", "--readings", str(bad)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_two_runs_on_your_letters_compare_letter_by_letter(tmp_path, capsys):
    good = tmp_path / "good.json"
    runner.save_results({"real_letters": suite.run(readings=_team(tmp_path / "g"))}, good)
    worse = tmp_path / "worse.json"
    runner.save_results({"real_letters": suite.run(readings=_team(tmp_path / "w", ("c",)))}, worse)
    assert main(["eval", "--compare", str(good), str(worse)]) == 1  # 6 of 6 to 5 of 6: a regression
    out = capsys.readouterr().out
    assert "your letters: 3 cases" in out
    assert "Letters changed (1):" in out and "    c: " in out
    assert "tuning" not in out


def test_your_letters_are_not_compared_with_the_development_set(tmp_path, capsys, monkeypatch):
    own = tmp_path / "own.json"
    runner.save_results({"real_letters": suite.run(readings=_team(tmp_path))}, own)
    root = tmp_path / "set"
    (root / "labels").mkdir(parents=True)
    (root / "a.txt").write_text(LETTER, encoding="utf-8")
    label = {
        "id": "a",
        "file": "a.txt",
        "decision_visible": True,
        "questions": [{"label": "1.", "starts": "How many officers", "treatments": ["disclosed"]}],
    }
    (root / "labels" / "t.yaml").write_text(yaml.safe_dump([label]), encoding="utf-8")
    monkeypatch.setattr(suite, "ROOT", root)
    dev = tmp_path / "dev.json"
    runner.save_results({"real_letters": suite.run(root / "labels")}, dev)
    assert main(["eval", "--compare", str(dev), str(own)]) == 0
    out = capsys.readouterr().out
    assert "your letters: not compared (only the new run has this part)" in out
    assert "changed" not in out  # no letter is paired across the two sets


def test_the_shipped_letters_score_alike_from_their_labels_and_their_reviewed_readings(tmp_path):
    """``corpus/real/reviewed.jsonl`` is the tuning labels as reviewed readings: the first 80 letters, scored from it
    and from their YAML labels, agree on every question's treatment and on the count of all but a few letters
    (a reviewed question gives its text where the label gives its first words, so pairing may differ rarely)."""
    lines = (SHIPPED / "reviewed.jsonl").read_text(encoding="utf-8").splitlines()[:80]
    folder = tmp_path / "own"
    folder.mkdir()
    for line in lines:
        shutil.copy(SHIPPED / json.loads(line)["file"], folder)
    (folder / "reviewed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    own = {c["id"]: c["scores"] for c in suite.run(readings=folder / "reviewed.jsonl")["cases"]}
    labels = {lab["id"]: lab for lab in suite.load_labels(part="tuning") if lab["id"] in own}
    assert len(labels) == len(own) == 80
    same = 0
    for case_id, scores in own.items():
        want = suite.score_letter(labels[case_id], parse_file(ROOT / labels[case_id]["file"]))["scores"]
        keys = ("treatment_agree", "treatment_questions", "count_exact", "questions_expected", "confident")
        same += all(scores[k] == want[k] for k in keys)
    assert same >= 78
