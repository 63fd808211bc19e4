"""Which reader read a letter: a fingerprint of everything that decides a reading.

An index keeps the reading each letter was given when it was ingested, and an unchanged file is not read again on
the next ingest. After an upgrade, letters indexed before it keep the old reader's readings (its treatments,
exemptions, regime) until ``precedent reread`` reads them again; nothing said so. The index now records the
fingerprint of the reader that read all its letters (``PrecedentIndex.read_by``), and says when it is not this one.

The fingerprint is a hash of the reader's code (``letters/*.py``), its data (``rules/``: phrase lists, regime
profiles, the learned models' weights) and the settings that change a reading (``PRECEDENT_LEARNED_READER`` and
the model paths). Reading the files takes a few milliseconds, once per process.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
STALE_READINGS = (
    "{n} letter{s} in the index were read by another version of the reader (an upgrade since they were indexed): "
    "`precedent reread` reads them again, officers' corrections and splits kept."
)
# the settings that change what the reader reads (see README, Configuration)
READER_SETTINGS = ("PRECEDENT_LEARNED_READER", "PRECEDENT_TREATMENT_MODEL", "PRECEDENT_EVIDENCE_LOCATOR")


def reader_files(package: Path = PACKAGE) -> list[Path]:
    """The files a reading depends on, in a fixed order."""
    code = sorted((package / "letters").glob("*.py"))
    data = sorted(p for p in (package / "rules").rglob("*") if p.is_file() and p.suffix != ".pyc")
    return code + data


def fingerprint(files: list[Path], settings: dict[str, str], root: Path = PACKAGE) -> str:
    """A short hash of ``files`` (their paths under ``root`` and their bytes) and ``settings``."""
    h = hashlib.sha256()
    for path in files:
        h.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    for name in sorted(settings):
        h.update(f"{name}={settings[name]}\n".encode())
    return h.hexdigest()[:16]


@cache
def reader_version() -> str:
    """This process's reader: its fingerprint (16 hex digits)."""
    settings = {name: os.environ.get(name, "") for name in READER_SETTINGS}
    files = reader_files()
    for name in (
        "PRECEDENT_TREATMENT_MODEL",
        "PRECEDENT_EVIDENCE_LOCATOR",
    ):  # model files outside the package
        value = settings[name]
        if value and Path(value).is_file() and not Path(value).resolve().is_relative_to(PACKAGE):
            files.append(Path(value).resolve())
    return fingerprint(files, settings)
