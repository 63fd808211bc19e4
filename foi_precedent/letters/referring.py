"""Questions that only refer back to an earlier one.

Requests often ask a question and then "Please provide the same information for the two previous years" or
"the equivalent figures for 2015". Such a question has no topic in its own words: embedded alone, it is as close to
any other "same information" follow-up (crimes over Christmas against FOI statistics, tuition fees against public
health funerals: both pairs were read as precedent for each other in the real letters' re-check) as to its own
topic. What it asks is its anchor's topic, so it is searched and compared with the anchor's words before its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WHAT = r"(?:information|data|figures?|details|breakdowns?|numbers?|statistics|stats|questions?|answers?)"
_REFERS_BACK = re.compile(
    # "the same information", "the same breakdown of data", "equivalent figures", "similar data"
    rf"\b(?:the\s+same|equivalent|similar|corresponding|comparable)\s+(?:[\w-]+\s+){{0,2}}?{_WHAT}\b"
    # "the same for 2015", "the same again"
    r"|\bthe\s+same\s+(?:for|again|in|over|as)\b"
    # "as above", "the above", "each of the above"
    r"|\b(?:as|of|for|in|to)\s+(?:the\s+)?above\b|\bthe\s+above\b"
    # "as in question 1", "as per Q2", "see item 3"
    r"|\b(?:as\s+(?:in|per|for)|see)\s+(?:question|q|point|item|part)\s*\(?\d",
    re.IGNORECASE,
)


# A question whose words are only a period: the value of a breakdown its reply answered on its own (guide S10:
# "c) 2019/20" under "How many fire safety audits were undertaken in the financial year:"). Alone, it is as close to
# every other "2019/20" as to its own topic (fire safety audits against planning appeal costs were read as precedent
# for each other in the real letters' re-check, stop 34), so its topic is the question before it.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = rf"(?:(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?|{_MONTH}|q[1-4]|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
_ONLY_A_PERIOD = re.compile(
    rf"^\W*(?:(?:financial|calendar|academic|school)\s+years?\s+|fy\s*)?{_WHEN}"
    rf"(?:\s*(?:[-\u2013/,]|to|and)?\s*{_WHEN})*\W*$",
    re.IGNORECASE,
)


def refers_back(text: str | None) -> bool:
    """Does this question take its topic from an earlier one ("the same information for 2015", "2019/20")?"""
    return bool(text and (_REFERS_BACK.search(text) or _ONLY_A_PERIOD.match(text.strip())))


def in_context(texts: Sequence[str | None]) -> list[str]:
    """Each question's text as it is searched and compared: a question that only refers back is prefixed with
    its anchor, the nearest earlier question that does not itself refer back ("How many crimes were reported
    over Christmas 2016? Please provide the same information for the two previous years"). The first question,
    and every question with a topic of its own, is its own text."""
    out: list[str] = []
    anchor: str | None = None
    for text in texts:
        text = text or ""
        if anchor and refers_back(text):
            out.append(f"{anchor} {text}")
            continue
        out.append(text)
        if text.strip():
            anchor = text
    return out
