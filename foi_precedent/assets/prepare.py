"""Every offline asset at once: :func:`setup_all` builds or verifies them all (``precedent setup``),
:func:`asset_status` says what is ready without building or hashing anything large."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from foi_precedent.assets.chat_models import MODELS, _marker_path, _spec, model_path
from foi_precedent.assets.embedding import (
    EMBEDDING_MARKER,
    ONNX_SUBDIR,
    _embedding_files_present,
    _ensure_embedding_model,
)
from foi_precedent.assets.encodings import TIKTOKEN_ENCODINGS, install_tiktoken_encodings, tiktoken_cache_file
from foi_precedent.assets.files import _read_json, _verified
from foi_precedent.settings import Settings


def setup_all(
    settings: Settings,
    models: Iterable[str] = ("smollm2",),
    progress: Callable[[str], Any] | None = print,
) -> dict[str, Any]:
    """Build/verify every offline asset; returns a JSON-friendly summary. Raises SetupError on problems."""
    say = progress or (lambda _msg: None)
    summary: dict[str, Any] = {"home": str(settings.home)}

    t0 = time.perf_counter()
    onnx_dir, built = _ensure_embedding_model(settings)
    seconds = round(time.perf_counter() - t0, 2)
    summary["embedding"] = {"dir": str(onnx_dir), "built": built, "seconds": seconds}
    say(f"embedding model: {'built' if built else 'up to date'} in {onnx_dir} ({seconds} s)")

    t0 = time.perf_counter()
    encodings = install_tiktoken_encodings(settings)
    summary["tiktoken"] = {"dir": str(settings.tiktoken_dir), "encodings": sorted(encodings)}
    say(
        f"tiktoken encodings: {', '.join(sorted(encodings))} in {settings.tiktoken_dir} "
        f"({time.perf_counter() - t0:.2f} s)"
    )

    summary["models"] = {}
    for name in models:
        spec = _spec(name)
        t0 = time.perf_counter()
        say(f"model {name}: verifying{' / assembling' if spec.assemble else ''}...")
        path = model_path(settings, name)
        seconds = round(time.perf_counter() - t0, 2)
        summary["models"][name] = {"path": str(path), "chat_format": spec.chat_format, "seconds": seconds}
        say(f"model {name}: {path} ({seconds} s)")
    return summary


def asset_status(settings: Settings) -> dict[str, Any]:
    """What is ready, without building, hashing large files or importing chromadb."""
    onnx_dir = settings.embedding_dir / ONNX_SUBDIR
    status: dict[str, Any] = {
        "embedding": _embedding_files_present(onnx_dir) and (onnx_dir / EMBEDDING_MARKER).is_file(),
        "tiktoken": all(tiktoken_cache_file(settings, e).is_file() for e in TIKTOKEN_ENCODINGS),
        "models": {},
    }
    for name, spec in MODELS.items():
        marker = _marker_path(settings, spec)
        recorded = ((_read_json(marker) or {}).get("stamp") or {}).get("path")
        status["models"][name] = bool(recorded) and _verified(Path(recorded), marker, spec.sha256)
    return status
