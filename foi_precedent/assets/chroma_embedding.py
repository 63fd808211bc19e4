"""The chromadb embedding function over the built model: ``ONNXMiniLM_L6_V2`` reading
``settings.embedding_dir``, which raises :class:`SetupError` where chroma would download."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from foi_precedent.assets.embedding import EMBEDDING_FILES
from foi_precedent.assets.files import SETUP_HINT
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings


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
                idx = order[start : start + batch_size]
                width = max(len(encoded[i].ids) for i in idx)
                ids = np.zeros((len(idx), width), dtype=np.int64)
                mask = np.zeros((len(idx), width), dtype=np.int64)
                for row, i in enumerate(idx):
                    n = len(encoded[i].ids)
                    ids[row, :n] = encoded[i].ids
                    mask[row, :n] = 1
                hidden = self.model.run(
                    None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
                )[0]
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
