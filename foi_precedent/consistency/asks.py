"""What kind of thing a question asks for: a count, or the records themselves.

"How many incidents involving drones were reported?" and "Please disclose a list of all the incidents police
have investigated involving drones" are one topic and two asks. A count is usually disclosed; the list of
incidents may name people or an investigation, and one incident withheld under s30 is no inconsistency with a
count given in full (West Midlands Police, 68/16 against 3300/18, in the real letters' re-check). So a divergence
is claimed only between answers to the same kind of ask; an ask of neither kind, or of both, matches either.
"""

from __future__ import annotations

import re

COUNT = "count"
RECORDS = "records"

_COUNT = re.compile(
    r"\b(?:how\s+many|how\s+much|(?:the\s+)?(?:total\s+)?(?:number|numbers|amount|count|percentage|proportion)\s+of"
    r"|figures?\b|statistics)",
    re.IGNORECASE,
)
_RECORDS = re.compile(
    r"\b(?:(?:a\s+)?list(?:ing)?\s+of|(?:a\s+)?cop(?:y|ies)\s+of|details\s+of|names?\s+of|the\s+names?\b"
    r"|(?:all|any)\s+(?:the\s+)?(?:records|correspondence|e-?mails|documents|minutes|notes|reports|letters)\b"
    r"|(?:date|time|location)s?\s*(?:,|and)\s*(?:time|location|place)s?\b|for\s+each\s+(?:incident|case|occasion))",
    re.IGNORECASE,
)


def ask_kind(text: str | None) -> str | None:
    """``COUNT``, ``RECORDS``, or None for a question of neither kind or of both."""
    if not text:
        return None
    count, records = bool(_COUNT.search(text)), bool(_RECORDS.search(text))
    if count == records:
        return None
    return COUNT if count else RECORDS


def same_ask(a: str | None, b: str | None) -> bool:
    """Could the two questions' answers be compared: the same kind of ask, or either of no clear kind."""
    ka, kb = ask_kind(a), ask_kind(b)
    return ka is None or kb is None or ka == kb
