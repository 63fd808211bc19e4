"""``python -m foi_precedent.assets``: build or verify the offline assets from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from foi_precedent.assets.chat_models import MODELS
from foi_precedent.assets.prepare import setup_all
from foi_precedent.errors import SetupError
from foi_precedent.settings import Settings


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
