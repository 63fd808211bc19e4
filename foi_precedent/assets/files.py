"""File plumbing shared by the offline assets: hashing, file stamps, atomic JSON markers, installed
package folders and leftovers of crashed builds. Nothing here knows which asset it serves."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from foi_precedent.errors import SetupError

SETUP_HINT = "run `make setup`"

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
