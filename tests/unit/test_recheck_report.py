"""The re-check report: clusters, ground truth matching, and a self-contained, escaped HTML file."""

from __future__ import annotations

import csv
import io
import json
import re

from foi_precedent.recheck.report import build_report, clusters, flags_csv, ground_truth_report, render_html


def _q(label, text, treatments, exemptions=(), pointers=(), precedents=()):
    return {
        "label": label,
        "text": text,
        "answer": "answer to " + text,
        "treatments": list(treatments),
        "exemptions": list(exemptions),
        "pointers": list(pointers),
        "consensus": {"precedents": [{"reference": r, "label": lab} for r, lab in precedents]},
    }


def _flag(label, kind, evidence, severity="high"):
    return {
        "kind": kind,
        "severity": severity,
        "label": label,
        "message": f"{kind} on {label}",
        "draft_text": "<script>alert('x')</script> we withheld it",
        "evidence": [
            {"reference": r, "label": lab, "date": "2020-01-01", "quote": "we disclosed <b>it</b>"}
            for r, lab in evidence
        ],
    }


RECORDS = [
    {
        "reference": "A",
        "date": "2020-01-01",
        "authority": "MPS",
        "title": None,
        "questions": [_q("Q1", "drone makes", ["disclosed"]), _q("Q2", "cost of drones", ["disclosed"])],
        "flags": [],
    },
    {
        "reference": "B",
        "date": "2023-05-01",
        "authority": "MPS",
        "title": None,
        "questions": [
            _q("Q1", "drone makes & models", ["withheld"], ["s31(1)(a)"], precedents=[("A", "Q1")])
        ],
        "flags": [
            _flag("Q1", "treatment_divergence", [("A", "Q1")]),
            {**_flag("Q1", "missing_harm_statement", [("FOIA 2000", "harm")]), "severity": "high"},
        ],
    },
    {
        "reference": "C",
        "date": "2024-05-01",
        "authority": "MPS",
        "title": None,
        "questions": [_q("Q3", "drone models in use", ["withheld"], ["s31(1)(a)"])],
        "flags": [_flag("Q3", "exemption_divergence", [("B", "Q1")], "medium")],
    },
    {
        "reference": "D",
        "date": "2022-01-01",
        "authority": "GMP",
        "title": None,
        "questions": [_q("1", "stop and search", ["public_domain"], pointers=["Dashboard"])],
        "flags": [],
    },
]

TRUTH = {
    "inconsistencies": [
        {
            "id": "gt-1",
            "kind": "disclosed_then_withheld",
            "letters": [{"reference": "A", "label": "Q1"}, {"reference": "B", "label": "Q1"}],
        },
        {
            "id": "gt-2",
            "kind": "different_pointer",
            "letters": [{"reference": "D", "label": "1"}, {"reference": "A", "label": "Q2"}],
        },
    ],
    "defects": [{"id": "df-1", "kind": "prejudice_without_harm", "reference": "B", "label": "Q1"}],
}


def test_clusters_join_questions_linked_by_divergence():
    got = clusters(RECORDS)
    assert len(got) == 1
    c = got[0]
    assert [(m["reference"], m["label"]) for m in c["letters"]] == [("A", "Q1"), ("B", "Q1"), ("C", "Q3")]
    assert c["letters"][0]["treatments"] == ["disclosed"] and c["flags"] == 2


def test_ground_truth_found_missing_and_outside():
    gt = ground_truth_report(RECORDS, TRUTH)
    assert gt["found"] == 1 and gt["found_ids"] == ["gt-1"]
    assert [m["id"] for m in gt["missing"]] == ["gt-2"]
    assert gt["defects_found"] == 1
    assert gt["divergence_flags_outside_ground_truth"] == 1  # C's flag
    assert gt["flags_outside_ground_truth"] == 1
    assert (
        ground_truth_report(
            RECORDS,
            {
                "inconsistencies": [
                    {
                        "id": "x",
                        "kind": "k",
                        "letters": [{"reference": "ZZ", "label": "1"}, {"reference": "YY", "label": "1"}],
                    }
                ]
            },
        )
        is None
    )


def test_json_csv_and_html():
    report = build_report(RECORDS, TRUTH, {"run_id": "r1", "label": "test"})
    data = json.loads(json.dumps(report))
    assert set(data) >= {"summary", "flags", "clusters", "ground_truth"}
    assert data["summary"]["flags"] == 3 and data["summary"]["by_severity"]["high"] == 2
    f = data["flags"][0]
    assert set(f) >= {"reference", "kind", "severity", "label", "message", "draft_text", "evidence"}
    rows = list(csv.DictReader(io.StringIO(flags_csv(report))))
    assert len(rows) == 3 and rows[0]["reference"] == "B"
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "&lt;b&gt;it&lt;/b&gt;" in html
    assert "<svg" in html and "<details>" in html
    # self-contained: no external asset
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "1 of 2" in html


def test_letter_text_and_flag_messages_show_as_text_not_markup():
    """The template autoescapes: markup in a letter (question, authority, reference) or in a flag is shown."""
    evil = "<script>alert('x')</script>"
    records = [
        {**RECORDS[0], "authority": f"MPS {evil}"},
        {
            **RECORDS[1],
            "questions": [_q("Q1", f"drone makes {evil}", ["withheld"], precedents=[("A", "Q1")])],
            "flags": [{**RECORDS[1]["flags"][0], "message": f"differs {evil}"}],
        },
    ]
    report = build_report(records, None, {"label": evil, "run_id": None})
    assert report["clusters"][0]["title"] == f"drone makes {evil}"
    html = render_html(report, title=f"Re-check {evil}")
    assert html.count("<script") == 1  # the report's own filter script, nothing from the data
    assert html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") >= 7
    assert "run  ·" in html  # a missing value shows as nothing, not "None"


def test_readings_to_check_are_listed_and_mark_the_flags_resting_on_them():
    unsure = {
        **RECORDS[1]["questions"][0],
        "review": "read from the letter's overall decision: check it",
        "evidence": "<i>see above</i>",
    }
    records = [RECORDS[0], {**RECORDS[1], "questions": [unsure]}, RECORDS[2], RECORDS[3]]
    report = build_report(records, TRUTH)
    assert report["readings_to_check"] == [
        {"reference": "B", "label": "Q1", "review": unsure["review"], "evidence": "<i>see above</i>"}
    ]
    assert report["summary"]["readings_to_check"] == 1
    assert {f["reference"]: f["reading_to_check"] for f in report["flags"]} == {"B": True, "C": False}
    assert report["summary"]["flags_on_readings_to_check"] == 2  # B's two flags
    html = render_html(report)
    assert "Readings to check" in html and "may be a misreading" in html and "&lt;i&gt;see above" in html
    assert "Readings to check" not in render_html(
        build_report(RECORDS, TRUTH)
    )  # records without readings to check
