"""The precedent CLI: public JSON keys, one clear line and exit 2 for a user's mistake, never a traceback."""

from __future__ import annotations

import json

import pytest

from foi_precedent.cli import main
from tests.conftest import SEED_025506, SEED_036325


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_has_the_public_keys(capsys):
    code, out, _ = run(capsys, "parse", str(SEED_036325), "--json")
    d = json.loads(out)
    assert code == 0
    assert {
        "reference",
        "authority",
        "date",
        "regime",
        "exemptions",
        "pointers",
        "refusal_notice",
        "questions",
    } <= set(d)
    assert {"label", "text", "answer", "treatments", "exemptions", "pointers"} <= set(d["questions"][0])
    assert d["exemptions"] == ["s31(1)(a)", "s31(1)(b)"]


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "empty"),
        (b"Annwyl Syr,\nDiolch am eich cais am wybodaeth.\nYn gywir,\n", "no recognisable questions"),
        (b"Q1 - " + b"a" * (5 * 1024 * 1024), "5.0 MB"),
    ],
)
def test_check_bad_draft_is_one_clear_line(tmp_path, capsys, content, expected):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(content)
    code, out, err = run(capsys, "check", str(draft), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err


def test_unknown_file_and_bad_date(tmp_path, capsys):
    code, _, err = run(capsys, "parse", str(tmp_path / "nope.txt"))
    assert code == 2 and "not a file" in err
    code, _, err = run(capsys, "search", "drones", "--date-from", "yesterday")
    assert code == 2 and "not a date" in err


def test_parse_marks_readings_to_check(capsys):
    code, out, _ = run(capsys, "parse", str(SEED_025506))
    assert code == 0
    assert "CHECK: other: no answer found for this question" in out  # REQUEST 2 is never answered
    assert "1 reading(s) marked for a person to check." in out
    code, out, _ = run(capsys, "parse", str(SEED_025506), "--json")
    d = json.loads(out)
    assert d["needs_review"] is True
    q = next(q for q in d["questions"] if q["label"] == "REQUEST 2")
    assert q["review"] and q["confidence"] < 0.5 and q["evidence"] == ""
    assert all(
        q["evidence"] for q in d["questions"] if not q["review"]
    )  # every confident reading shows its passage
