"""The batch re-check over the shipped corpus with the real embedding index: every deliberate
inconsistency of evals/ground_truth.yaml is found; the flags outside the ground truth are counted."""

from __future__ import annotations

import pytest

from foi_precedent.recheck.engine import RecheckOptions
from foi_precedent.recheck.service import run_recheck
from tests.conftest import ILLUSTRATIVE

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    from foi_precedent import assets
    from foi_precedent.settings import Settings
    from retriever.index import PrecedentIndex

    home = tmp_path_factory.mktemp("recheck-home")
    settings = Settings(home=home)
    assets.build_embedding_model(settings)
    index = PrecedentIndex.open(settings)
    report = index.ingest_paths(list(ILLUSTRATIVE))
    assert report.letters >= 100 and not report.skipped
    yield settings, index
    index.close()


def test_recheck_finds_every_ground_truth_inconsistency(corpus_index):
    settings, index = corpus_index
    outcome = run_recheck(settings, index=index, options=RecheckOptions(fresh=True))
    gt = outcome.report["ground_truth"]
    print(f"\nre-check: {outcome.report['summary']}")
    print(
        f"ground truth: {gt['found']}/{gt['inconsistencies']} found, {gt['defects_found']}/{gt['defects']} defects, "
        f"{gt['flags_outside_ground_truth']} flags outside the ground truth "
        f"({gt['divergence_flags_outside_ground_truth']} divergence, {gt['statutory_flags_outside_ground_truth']} "
        f"statutory); {outcome.run.rate:.1f} letters/s"
    )
    assert gt["missing"] == [], gt["missing"]
    assert gt["found"] == gt["inconsistencies"] == 12
    assert gt["defects_found"] == gt["defects"]
    html = outcome.html
    assert "12 of 12" in html and "not in the ground truth" in html
    assert outcome.csv_path.exists() and outcome.json_path.exists()
    # resumable: a second run does no work and gives the same report
    again = run_recheck(settings, index=index, options=RecheckOptions())
    assert again.run.checked == 0 and again.report["summary"] == outcome.report["summary"]
