"""The shipped corpus: it parses, covers what the issue asks, and its ground truth is what the parser reads."""

from __future__ import annotations

import collections
from functools import cache

import pytest
import yaml

from foi_precedent.consistency.flags import statutory_flags
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.parser import parse_file
from foi_precedent.letters.sources import split_front_matter
from foi_precedent.recheck.report import DEFECT_FLAG
from tests.conftest import CORPUS, ROOT, SEEDS

GROUND_TRUTH = ROOT / "evals" / "ground_truth.yaml"


@cache
def corpus():
    files = sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")
    return {p: parse_file(p) for p in files}


@cache
def by_reference():
    return {letter.reference: letter for letter in corpus().values()}


@cache
def ground_truth():
    return yaml.safe_load(GROUND_TRUTH.read_text(encoding="utf-8"))


def test_size_and_coverage():
    letters = list(corpus().values())
    assert len(letters) >= 82
    assert len({letter.reference for letter in letters}) == len(letters), "references are unique"
    assert len({letter.meta.get("cluster") for letter in letters}) >= 12
    assert len({letter.authority for letter in letters}) >= 5
    years = {letter.date.year for letter in letters}
    assert min(years) <= 2019 and max(years) >= 2025
    seen = collections.Counter(t for letter in letters for q in letter.questions for t in q.treatments)
    for t in Treatment:
        if t is not Treatment.OTHER:
            assert seen[t] >= 2, t
    assert any(letter.ncnd for letter in letters)
    assert {r.value for r in {letter.regime for letter in letters}} == {"FOIA", "EIR", "FOISA"}


def test_front_matter_and_provenance():
    for path, letter in corpus().items():
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        for key in ("authority", "reference", "date", "source", "licence"):
            assert meta.get(key), f"{path.name}: {key}"
        assert letter.reference == str(meta["reference"])


def test_seed_copies_are_the_real_letters():
    for seed in SEEDS.glob("*.txt"):
        copies = [
            p
            for p in CORPUS.rglob("*.md")
            if split_front_matter(p.read_text())[0].get("original_file") == seed.name
        ]
        assert len(copies) == 1, seed.name
        meta, body = split_front_matter(copies[0].read_text(encoding="utf-8"))
        assert body == seed.read_text(encoding="utf-8")
        assert meta["licence"].startswith("Open Government Licence")


@pytest.mark.parametrize("entry", ground_truth()["inconsistencies"], ids=lambda e: e["id"])
def test_ground_truth_letters_parse_as_stated(entry):
    for side in entry["letters"]:
        letter = by_reference()[side["reference"]]
        q = letter.question(side["label"])
        expected = side["treatment"] if isinstance(side["treatment"], list) else [side["treatment"]]
        assert set(expected) <= {t.value for t in q.treatments}, (side, q.treatments)
        assert set(side.get("exemptions", [])) == set(q.exemptions)
        names = [p.name.lower() for p in q.pointers]
        for pointer in side.get("pointers", []):
            assert any(pointer.lower() in n or n in pointer.lower() for n in names), (pointer, names)


def test_every_defect_is_flagged_and_nothing_else_in_the_illustrative_letters():
    defects = {(d["reference"], DEFECT_FLAG[d["kind"]]) for d in ground_truth()["defects"]}
    found = set()
    for letter in corpus().values():
        for flag in statutory_flags(letter):
            if (letter.reference, flag.kind) in defects:
                found.add((letter.reference, flag.kind))
            else:
                pytest.fail(f"unexpected {flag.kind} on {letter.reference} {flag.label}: {flag.message}")
    assert found == defects
