"""Showing letter text safely and consistently: escaping, severity colours, treatment wording. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from foi_precedent.letters.model import Treatment

# Every ASCII punctuation mark CommonMark lets a backslash escape, plus Streamlit's own syntax
# (``:red[...]`` colour directives, ``:material/...:`` icons and ``$...$`` LaTeX).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")

SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "gray"}
SEVERITY_ICONS = {"high": ":material/error:", "medium": ":material/warning:", "low": ":material/info:"}
CONFIDENCE_COLOURS = {"high": "green", "medium": "blue", "low": "orange", "none": "gray"}

TREATMENT_WORDS = {
    Treatment.DISCLOSED: "Disclosed",
    Treatment.PARTLY_DISCLOSED: "Partly disclosed",
    Treatment.WITHHELD: "Withheld",
    Treatment.NCND: "Neither confirm nor deny",
    Treatment.NOT_HELD: "Not held",
    Treatment.PUBLIC_DOMAIN: "Public domain (pointer)",
    Treatment.COST_LIMIT: "Cost limit (s12)",
    Treatment.VEXATIOUS: "Vexatious (s14)",
    Treatment.OTHER: "Other",
}


def escape_markdown(text: str | None) -> str:
    """Text that ``st.markdown`` shows literally: no formatting, no links, no HTML, no LaTeX.

    A letter is evidence, not markup; ``<script>`` in a letter must read as ``<script>``.
    """
    if not text:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def quote_block(text: str | None) -> str:
    """A Markdown block quote of escaped text, keeping the text's line breaks."""
    lines = (text or "").strip().splitlines() or [""]
    return "\n".join("> " + escape_markdown(line) + "  " for line in lines)


def treatment_words(treatments: Iterable) -> str:
    words = [TREATMENT_WORDS.get(Treatment(t), str(t)) for t in treatments]
    return ", ".join(words) if words else "No treatment found"


def severity_colour(severity: str) -> str:
    return SEVERITY_COLOURS.get(severity, "gray")


def format_date(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else "undated"


def join_or_dash(items: Iterable[str]) -> str:
    items = [str(i) for i in items if i]
    return ", ".join(items) if items else "—"


def flag_key(flag) -> str:
    """A stable key for one flag on one draft text: the same flag keeps its review state across reruns."""
    import hashlib

    digest = hashlib.sha1(f"{flag.kind}|{flag.label}|{flag.message}".encode()).hexdigest()[:12]
    return f"{flag.kind}-{digest}"
