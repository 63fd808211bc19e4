"""The passage of a precedent's answer quoted beside a flag: the sentence that carries its treatment.

A stored answer is not always the reply alone: a letter the reader could not divide gives a question the page as it
was published, letterhead and all ("Gwybodaeth am effaith ... Dear ATISN 16387 Thank you for your request"), a
disclosure-log page its record ("Read more about this page below Reference FOI/25/344 Date requested ..."), and some
answers begin with the request quoted back. Quoting the first 320 characters showed an officer that chrome in stop
36's QA on the real letters; the quote is the sentence that says how the question was treated, with the chrome left
out. The checker quotes it beside a flag and a draft under "REASONS NEEDED" (stop 37: the draft quoted 400
characters from the sentence citing the planned exemption, and so from the letterhead when none cited it).
"""

from __future__ import annotations

import re

from foi_precedent.letters.exemptions import find_citations, section_of
from foi_precedent.letters.model import Treatment

LIMIT = 320

# A letterhead, a salutation or sign-off, a disclosure-log page's record fields, a line with only a date or a
# reference number ("ATISN 16387", "FOI/25/344"), a one-word heading ("Manylion", Welsh for "Details").
_CHROME = re.compile(
    r"^(?:dear\b|thank\s+you\s+for\s+your\s+(?:request|e-?mail|letter|enquiry|correspondence)"
    r"|read\s+more\s+about\s+this\s+page|yours\s+(?:sincerely|faithfully)|kind\s+regards"
    r"|(?:reference|our\s+ref(?:erence)?|your\s+ref(?:erence)?|description|date\s+(?:requested|received|responded"
    r"|published|of\s+request)|attachments?|manylion)\b.{0,80}$"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})$"
    r"|(?!(?:yes|no|none|nil)\b)[^\W\d_]+$)",
    re.I,
)
_REFERENCE = re.compile(r"^[A-Z]{2,}[\s/-]*\d[\w/-]*$")  # "ATISN 16387", "FOI/25/344" (capitals: not "and 3")
# The requester's words quoted back (an ask, or a question: a sentence ending in "?"), not an answer.
_ASK = re.compile(
    r"\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:provide|supply|send|tell|confirm)|\bplease\s+(?:provide|supply)"
    r"|\b(?:I|we)\s+would\s+like\b|\b(?:I|we)\s+(?:respectfully\s+)?request\b",
    re.I,
)
_LIST_NUMBER = re.compile(r"^\(?\w{1,3}[.)]$")  # "1.", "(a)", "b)" alone
_BULLET = re.compile(r"^([-•*·▪])\s*")
# What says how a question was treated, for each treatment, best first. A disclosure is a figure given as the
# answer ("21", "| 30 | 20 |", "£2,484.31"), then a sentence that hands the information over, then any figure but a
# page, a section or the statutory 20 working days.
_FIGURE_FIRST = r"^(?:\|\s*)?(?:£\s?)?(?!(?:19|20)\d\d\b)\d"
_HANDED_OVER = (
    r"please\s+(?:find|see)|attached|enclosed|as\s+follows|we\s+can\s+confirm|set\s+out\s+below|(?:table|figures)\s+below"
    r"|there\s+(?:were|are|was|is|have\s+been)\s+\d|a\s+total\s+of"
)
_ANY_FIGURE = (
    r"£\s?\d|\b\d{1,3}(?:,\d{3})+\b"
    r"|(?<![\w/.\-])(?<!page\s)(?<!section\s)(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?%?(?![\w/])(?!\s+working\s+days)"
)
_REFUSED = (r"exempt|exception|withh[oe]ld|redact|refus|section\s+\d|regulation\s+\d|<\s?\d",)
_CUES: dict[Treatment, tuple[str, ...]] = {
    Treatment.NCND: (r"neither\s+confirm|confirm\s+nor\s+deny",),
    Treatment.WITHHELD: _REFUSED,
    Treatment.PARTLY_DISCLOSED: _REFUSED,
    Treatment.COST_LIMIT: (r"cost|appropriate\s+limit|exceed|section\s+12|\d+\s*hours",),
    Treatment.VEXATIOUS: (r"vexatious|section\s+14|manifestly\s+unreasonable",),
    Treatment.NOT_HELD: (
        r"not\s+(?:be\s+)?held|(?:does|do)\s+not\s+(?:hold|record|collate)|no\s+(?:recorded\s+)?information",
    ),
    Treatment.PUBLIC_DOMAIN: (r"available|published|website|https?://|www\.|section\s+21|accessible",),
    Treatment.DISCLOSED: (_FIGURE_FIRST, _HANDED_OVER, _ANY_FIGURE),
    Treatment.OTHER: (),
}
_ORDER = (
    Treatment.NCND,
    Treatment.WITHHELD,
    Treatment.PARTLY_DISCLOSED,
    Treatment.COST_LIMIT,
    Treatment.VEXATIOUS,
    Treatment.NOT_HELD,
    Treatment.PUBLIC_DOMAIN,
    Treatment.DISCLOSED,
    Treatment.OTHER,
)


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters between words, "…" where it is cut."""
    if len(text) <= limit:
        return text
    piece = text[: limit + 1]
    piece = piece.rsplit(" ", 1)[0] if " " in piece[1:] else text[:limit]
    return piece.rstrip() + "…"


def _cites(sentence: str, sections: set[str]) -> bool:
    """Whether ``sentence`` cites one of ``sections`` ('s30', 'reg12'): 'Section 30(3)' does, 'Section 3' does not."""
    return any(section_of(c.text) in sections for c in find_citations(sentence))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# a line that goes on from the one before it: it begins with a small letter, but not as a list item ("a) ...",
# "iv. ...") or a citation leading one ("s30(b)(i) - Substantial inhibition ...")
_GOES_ON = re.compile(r"^(?![a-z]{1,4}[.)]\s)(?!(?:s|reg)\.?\s?\d)[a-z]")


def _unwrapped(lines: list[str]) -> list[str]:
    """The lines with a sentence wrapped over two or more of them (a PDF's page width: "exempt from disclosure
    under section 36 of" / "the FOIA which provides ...") put back on one, so the sentence is quoted whole."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and not re.search(r"[.!?:;]$", out[-1]) and _GOES_ON.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def passages(answer: str) -> list[str]:
    """The answer's sentences with the chrome left out: anything above a salutation (the letterhead), record fields,
    dates and references alone on a line, the requester's asks and the list each ask introduces."""
    lines = [line.strip() for line in (answer or "").splitlines()]
    dear = next((i for i, line in enumerate(lines[:12]) if re.match(r"dear\b", line, re.I)), None)
    if dear is not None:
        lines = lines[dear + 1 :]
    lines = _unwrapped(lines)
    out: list[str] = []
    asked_list: str | None = None  # the bullet of the list an ask introduced ("can you please provide:")
    for line in lines:
        if not line:
            continue
        bullet = _BULLET.match(line)
        if asked_list is not None:
            if bullet and bullet.group(1) == asked_list:
                continue
            if asked_list == "" and bullet:
                asked_list = bullet.group(1)
                continue
            asked_list = None
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            sentence = sentence.strip()
            if not sentence or _CHROME.match(sentence) or _REFERENCE.match(sentence):
                continue
            if _LIST_NUMBER.match(sentence):
                continue
            if _ASK.search(sentence) or sentence.endswith("?"):
                if sentence.endswith(":"):
                    asked_list = ""
                continue
            out.append(sentence)
    return out


_ITEM = re.compile(r"^(?:[-•*·▪]|\(?\w{1,4}[.)]\s|(?:s|reg)\.?\s?\d)")  # a bullet, "a) ", "s30(b)(i) - ..."


def _introduced(kept: list[str], i: int) -> str:
    """``kept[i]`` with what it needs to be read alone: the sentence introducing it where it is an item of a list
    ("This means that disclosure would:" / "• Make the Council more vulnerable to crime (Section 31)") or a heading
    under one ("... for the following reasons:" / "Section 31 (1) (a) Law enforcement:"), and what a heading
    introduces ("Disclosure of this information would be likely to prejudice ...")."""
    text = kept[i]
    heading = text.endswith(":")
    if heading and i + 1 < len(kept):
        text += " " + kept[i + 1]
    if not (heading or _ITEM.match(kept[i])):
        return text
    j = i - 1
    while j >= 0 and _ITEM.match(kept[j]) and _ITEM.match(kept[i]):
        j -= 1
    return kept[j] + " " + text if j >= 0 and kept[j].endswith(":") else text


def mentions(text: str, word: str) -> bool:
    """Whether ``text`` names ``word`` (any case), a number in it not read into a longer one: "Section 3" is not in
    "Section 30", "Section 31(1)" is in "Section 31(1)(a)"."""
    return (
        bool(word)
        and re.search(re.escape(word) + (r"(?!\d)" if word[-1:].isdigit() else ""), text, re.I) is not None
    )


def quote_answer(
    answer: str,
    treatments=(),
    focus: list[str] | None = None,
    limit: int = LIMIT,
    exemptions=(),
) -> str:
    """The part of ``answer`` to quote: all of it when it is short and has no chrome; else the first sentence citing
    one of ``exemptions`` (normalised, 's30(3)': any citation of its section, however written), else the first
    naming a ``focus`` word (a pointer's name, the section relied on), else the first carrying one of ``treatments``
    (the refusals' first), else the whole of a short one (a misread answer shows as such), else its first sentences.
    An answer that is all chrome is quoted as before, from its start."""
    whole = _flat(answer)
    kept = passages(answer)
    if not kept:
        return _clip(whole, limit)
    if len(whole) <= limit and _flat(" ".join(kept)) == whole:
        return whole
    sections = {section_of(e) for e in exemptions}
    if sections:
        for i, s in enumerate(kept):
            if _cites(s, sections):
                return _clip(_flat(_introduced(kept, i)), limit)
    for word in focus or []:
        for i, s in enumerate(kept):
            if mentions(s, word):
                return _clip(_flat(_introduced(kept, i)), limit)
    for t in _ORDER:
        if t not in treatments:
            continue
        for pattern in _CUES[t]:
            cue = re.compile(pattern, re.I)
            for i, s in enumerate(kept):
                if cue.search(s):
                    return _clip(_flat(_introduced(kept, i)), limit)
    if (
        len(whole) <= limit
    ):  # nothing in it says how it was treated: the stored answer as it is, misread or not
        return whole
    return _clip(_flat(" ".join(kept)), limit)
