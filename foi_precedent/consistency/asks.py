"""What kind of thing a question asks for: a count, the records themselves, or documents.

"How many incidents involving drones were reported?" and "Please disclose a list of all the incidents police
have investigated involving drones" are one topic and two asks. A count is usually disclosed; the list of
incidents may name people or an investigation, and one incident withheld under s30 is no inconsistency with a
count given in full (West Midlands Police, 68/16 against 3300/18, in the real letters' re-check). Nor does a list of
incidents say how the titles or copies of the force's drone policies should be treated: documents the body wrote are
a third kind. So a divergence is claimed only between answers to the same kind of ask; an ask of no kind, or of
more than one, matches any.
"""

from __future__ import annotations

import re

COUNT = "count"
RECORDS = "records"
DOCUMENTS = "documents"

_COUNT = re.compile(
    r"\b(?:how\s+many|how\s+much|(?:the\s+)?(?:total\s+)?(?:number|numbers|amount|count|percentage|proportion)\s+of"
    r"|figures?\b|statistics)",
    re.IGNORECASE,
)
# records of events, cases or people: a list of the incidents, their details, names, dates and places
_RECORDS = re.compile(
    r"\b(?:(?:a\s+)?list(?:ing)?\s+of|details\s+of|names?\s+of|the\s+names?\b"
    r"|(?:all|any)\s+(?:the\s+)?records\b"
    r"|(?:date|time|location)s?\s*(?:,|and)\s*(?:time|location|place)s?\b|for\s+each\s+(?:incident|case|occasion))",
    re.IGNORECASE,
)
# documents the body wrote or keeps: a policy, guidance, minutes, correspondence, a contract, an assessment
_DOCUMENTS = re.compile(
    r"\b(?:cop(?:y|ies)\s+of|polic(?:y|ies)|procedures?\b|guidance|guidelines|protocols?\b|strateg(?:y|ies)"
    r"|minutes\b|correspondence|e-?mails\b|memos?\b|memoranda|briefings?\b|contracts?\b"
    r"|(?:risk|impact|equality|privacy)\s+(?:impact\s+)?assessments?|business\s+case|terms\s+of\s+reference"
    r"|training\s+(?:materials?|manuals?)|(?:all|any)\s+(?:the\s+)?(?:documents|notes|letters|reports)\b)",
    re.IGNORECASE,
)
_KINDS = ((COUNT, _COUNT), (RECORDS, _RECORDS), (DOCUMENTS, _DOCUMENTS))


def ask_kind(text: str | None) -> str | None:
    """``COUNT``, ``RECORDS`` or ``DOCUMENTS``; None for a question of no kind or of more than one."""
    if not text:
        return None
    kinds = [kind for kind, pattern in _KINDS if pattern.search(text)]
    return kinds[0] if len(kinds) == 1 else None


def same_ask(a: str | None, b: str | None) -> bool:
    """Could the two questions' answers be compared: the same kind of ask, or either of no clear kind."""
    ka, kb = ask_kind(a), ask_kind(b)
    return ka is None or kb is None or ka == kb
