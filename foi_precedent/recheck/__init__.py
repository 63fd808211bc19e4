"""Batch re-check of historic letters: every letter against all the others, with a report.

``recheck_index`` (engine) runs it, resumably; ``build_report`` / ``render_html`` / ``flags_csv`` (report)
present it; ``precedent recheck`` (cli) and the Re-check page (``app_pages/recheck.py`` via ``page``) use them.
"""

from foi_precedent.recheck.engine import RecheckOptions, RecheckRun, RecheckStopped, recheck_index
from foi_precedent.recheck.report import build_report, flags_csv, render_html

__all__ = [
    "RecheckOptions",
    "RecheckRun",
    "RecheckStopped",
    "build_report",
    "flags_csv",
    "recheck_index",
    "render_html",
]
