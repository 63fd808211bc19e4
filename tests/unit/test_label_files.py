"""The hand labels of the real sets keep the shape their guides give and quote their texts as written."""

from __future__ import annotations

from evals.check_labels import check_letter, check_request, problems


def test_every_label_of_the_real_sets_passes_its_guide_s_checks():
    assert problems() == []


def test_the_checks_catch_a_misquoted_question_and_a_null_letter_exemption_list(tmp_path, monkeypatch):
    import evals.check_labels as cl

    monkeypatch.setattr(cl, "ROOT", tmp_path)
    (tmp_path / "l.txt").write_text("---\nsource: x\n---\nQ1 How many drones do you own?\nWe own 4.\n")
    letter = {
        "file": "l.txt",
        "authority_kind": "police",
        "regime": "FOIA",
        "questions": [{"starts": "How many drones", "treatments": ["disclosed"]}],
        "letter": {"exemptions": [], "refusal_notice": False},
    }
    assert check_letter(letter) == []
    letter["questions"][0]["starts"] = "How many helicopters"
    letter["letter"]["exemptions"] = None
    found = check_letter(letter)
    assert any("starts" in p for p in found) and any("L1" in p for p in found)
    request = {
        "file": "l.txt",
        "questions": [{"label": "1", "text": "How many drones do you own?", "sub_of": "9"}],
    }
    assert any("sub_of" in p for p in check_request(request))
