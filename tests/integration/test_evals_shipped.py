"""The shipped eval suites load and run end to end in precedent mode against the real index of the corpus."""

from __future__ import annotations

import pytest

from evals import runner
from evals.schema import load_suite, shipped_suites
from tests.conftest import ILLUSTRATIVE

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    from foi_precedent import assets
    from foi_precedent.settings import Settings
    from retriever.index import PrecedentIndex

    home = tmp_path_factory.mktemp("evals-home")
    settings = Settings(home=home)
    assets.build_embedding_model(settings)
    assets.activate_tiktoken(settings)
    index = PrecedentIndex.open(settings)
    index.ingest_paths(list(ILLUSTRATIVE))
    yield settings, index
    index.close()


def test_shipped_suites_run_in_precedent_mode(corpus_index):
    settings, index = corpus_index
    suites = [load_suite(p) for p in shipped_suites()]
    results = runner.run_suites(suites, runner.EvalContext(index=index, mode="precedent", settings=settings))
    m = results["metrics"]
    print("\n" + runner.metrics_table(results))
    assert m["cases"] >= 60 and results["model"] == "precedent-only"
    # what the system achieves on the shipped corpus (see evals/README.md); lower bounds, not exact numbers
    assert m["retrieval_recall_at_k"] >= 0.8
    assert m["retrieval_mrr"] >= 0.7
    assert m["flag_recall_ground_truth"] == 1.0
    assert m["flag_recall"] >= 0.7
    assert m["treatment_accuracy"] >= 0.8
    assert m["invented_pointers"] == 0  # precedent-only drafts only name pointers from the corpus
    # a precedent-only letter is sound as drafted: the checker raises no high flag on any of them
    assert m["high_flags_per_draft"] == 0.0, [
        c["details"]["high_flags"]
        for c in results["cases"]
        if c["kind"] == "request" and c["details"]["high_flags"]
    ]
    for key in (
        "exemption_precision",
        "exemption_recall",
        "pointer_precision",
        "pointer_recall",
        "flag_precision",
    ):
        assert 0.0 <= m[key] <= 1.0, key
    # the shipped suites are regression cases on the shipped corpus: every one passes, and a change that fails
    # one (a reader change reading a corpus letter differently) must update the case and say why
    assert not runner.failures(results), [f"{c['suite']}/{c['id']}" for c in runner.failures(results)]
    assert "<testcase" in runner.junit_xml(results)
