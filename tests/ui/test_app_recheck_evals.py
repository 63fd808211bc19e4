"""The Re-check and Evals pages, driven by AppTest with the fake services (seed letters in memory)."""

from __future__ import annotations

import json

PAGE_RECHECK = "app_pages/recheck.py"
PAGE_EVALS = "app_pages/eval_runs.py"


def test_recheck_the_index_shows_the_summary_and_downloads(app_test):
    at = app_test(PAGE_RECHECK)
    assert not at.exception, at.exception
    at.button(key="recheck.run").click()
    at.run(timeout=120)
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Letters"] == "2"
    assert int(metrics["Flags"]) >= 1  # both saved web pages lack the complaint-rights block
    assert not at.error


def test_recheck_uploaded_letters_needs_a_file(app_test):
    at = app_test(PAGE_RECHECK)
    at.radio(key="recheck.source").set_value("Uploaded letters")
    at.run()
    at.button(key="recheck.run").click()
    at.run()
    assert [e.value for e in at.error] == ["upload at least one letter"]


def test_evals_page_without_runs_says_how_to_make_one(app_test):
    at = app_test(PAGE_EVALS)
    assert not at.exception, at.exception
    assert any("precedent eval" in i.value for i in at.info)


def test_evals_page_lists_saved_runs(app_test, fake_services):
    from evals.runner import save_results

    folder = fake_services.settings.evals_dir
    for n, recall in ((1, 0.9), (2, 1.0)):
        save_results(
            {
                "name": f"run{n}",
                "mode": "precedent",
                "model": "precedent-only",
                "created": f"2026-11-2{n}T10:00:00",
                "metrics": {"retrieval_recall_at_k": recall, "cases": 1, "passed": 1},
                "cases": [
                    {
                        "id": "c1",
                        "suite": "s",
                        "kind": "retrieval",
                        "passed": True,
                        "scores": {"recall": recall},
                    }
                ],
            },
            folder / f"run{n}.json",
        )
    assert len(json.loads((folder / "run1.json").read_text())["cases"]) == 1
    at = app_test(PAGE_EVALS)
    assert not at.exception, at.exception
    assert at.dataframe or at.table
