"""A new FOI request: its questions in the requester's words, with the requester's identity removed.

Requests arrive as people write them: on one line from a web form, as an e-mail (HTML, with the earlier
correspondence quoted below it and WhatDoTheyKnow's footer), numbered ``1.`` ``1)`` ``(1)`` ``Q1`` or
lettered ``a)`` ``(i)``, bulleted, or as prose. Reading one takes four steps, each a pure function:

1. ``request_body``: the request itself, without HTML markup, quoted earlier correspondence ("On ...
   wrote:", "-----Original Message-----", ``>`` lines) and WhatDoTheyKnow's reply-address footer;
2. ``unfold``: a request written on one line is put on lines (greeting, each numbered question, sign-off);
3. ``redact_identity``: the requester's name, e-mail, phone and postal address become placeholders such as
   ``[NAME]`` before any text reaches the index or a model, and are kept only in ``Request.requester`` for
   the salutation of the final letter (a person the request is *about* is not the requester and stays);
4. the questions: labelled items (sub-items are questions of their own, ``Q1a``), else the sentences that
   ask; a breakdown ("for each year", "broken down by borough") stays with the question it qualifies. A
   request with no findable question is one question, the whole request, with a ``note`` saying so.

Pure: text in, ``Request`` out (``request_from_document`` reads a PDF, DOCX or HTML attachment first).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from foi_precedent.drafting.identity import (  # noqa: F401  (re-exported: callers import them from here)
    _COURTESY_TAIL,
    _GREETING,
    _IDENTITY_LINE,
    _NAME,
    _SIGN_OFF_WORDS,
    _SIGNATURE_RULE,
    DEAR,
    EMAIL,
    PHONE,
    POSTCODE,
    SIGN_OFF,
    STREET,
    Requester,
    _name_of,
    courtesy_then_name,
    redact_identity,
    thanked_then_signer,
    thanks_whom,
)
from foi_precedent.errors import LetterError
from foi_precedent.letters.layout import _COUNT  # a count asked for: one rule for both readers
from foi_precedent.letters.parser import named_regime

MAX_REQUEST_BYTES = 1024 * 1024  # a request is a page or two; anything over 1 MB is not a request

WHOLE_REQUEST_NOTE = (
    "No separate questions were found in this request, so the whole request is read as one "
    "question. Number the questions (1., 2., ...) to have each answered on its own."
)

# --- what of the text is the request ----------------------------------------------------------------

_HTML_TAG = re.compile(
    r"<(?:p|br|div|span|html|body|li|ul|ol|table|td|tr|b|i|u|strong|em|a|font|blockquote|h\d)"
    r"\b[^>]*>|</(?:p|div|span|li|ul|ol|td|tr|b|i|u|strong|em|a|font|blockquote|h\d)>",
    re.I,
)
# where the earlier correspondence quoted under an e-mail starts
_QUOTED = re.compile(
    r"^[ \t]*(?:On[ \t][^\n]{0,240}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$"
    r"|-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}"
    r"|From:[ \t]\S[^\n]*\n(?:[^\n]*\n){0,2}?[ \t]*(?:Sent|Date):[ \t])",
    re.M | re.I,
)
# WhatDoTheyKnow's footer under a request (reply address, wrong-address form, disclaimer)
_WDTK_FOOTER = re.compile(
    r"^[ \t]*(?:-{5,}[ \t]*\n\s*)?(?:Please use this email address for all replies to this request"
    r"|Is [^\n]{1,200}? the wrong address for Freedom of Information requests"
    r"|Disclaimer: This message and any reply that you make will be published)",
    re.M | re.I,
)


def _looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:50_000])) >= 2


_LIST_TAG = re.compile(
    r"<(?P<close>/)?(?P<tag>ol|ul|li)\b[^>]*>(?P<after>(?:\s|<(?!/?(?:ol|ul|li)\b)[^>]*>)*)", re.I
)
_MARKED = re.compile(r"\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})[.)]\s|Q\d|[-*\u2022]\s")


def _list_marks(html: str) -> str:
    """An HTML list keeps its numbers ('1. ') or bullets ('• ') when read as text, unless its items carry their own."""
    lists: list[list] = []  # [tag, count] of each open list

    def mark(m: re.Match) -> str:
        tag = m.group("tag").lower()
        if tag in ("ol", "ul"):
            if m.group("close"):
                if lists:
                    lists.pop()
            else:
                lists.append([tag, 0])
            return m.group(0)
        if m.group("close") or not lists:
            return m.group(0)
        lists[-1][1] += 1
        rest = html[m.end() : m.end() + 20]
        if _MARKED.match(rest):
            return m.group(0)
        # a list inside a list item is marked as a level of its own: 'a)' then 'i)' for numbers, '◦' then '▪'
        n, level = lists[-1][1], len(lists)
        if lists[-1][0] == "ol":
            romans = list(_ROMAN)
            mark = (
                f"{n}. "
                if level == 1
                else f"{'abcdefgh'[(n - 1) % 8]}) "
                if level == 2
                else f"{romans[(n - 1) % 10]}) "
            )
        else:
            mark = "\u2022 " if level == 1 else "\u25e6 " if level == 2 else "\u25aa "
        return m.group(0) + mark

    return _LIST_TAG.sub(mark, html)


def request_body(text: str, quoted: bool = False) -> str:
    """The request itself: HTML read as text, without quoted earlier e-mails or WhatDoTheyKnow's footer
    (``quoted``: with the quoted e-mails, their '>' marks taken off, for a request that is all in them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    if _looks_like_html(text):
        from foi_precedent.letters.sources import html_to_text  # stdlib HTMLParser; pure

        if not re.search(r"<pre\b", text, re.I):  # a line break in HTML source is a space; <br> and <p> break
            text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
        text = html_to_text(_list_marks(text))
        text = re.sub(r"[ \t]+", " ", text)
        text = re.sub(r"\n[ \t]+", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
    for pattern in (_WDTK_FOOTER,) if quoted else (_WDTK_FOOTER, _QUOTED):
        m = pattern.search(text)
        if m and len(re.sub(r"\s", "", text[: m.start()])) >= 40:  # something of the request is left above it
            text = text[: m.start()]
    if quoted:
        lines = [re.sub(r"^[ \t]*(?:>[ \t]?)+", "", line) for line in text.split("\n")]
    else:
        lines = [line for line in text.split("\n") if not line.lstrip().startswith(">")]
    # a blank line inside a sentence (double-spaced text: the line above ends with no stop, the next goes on in
    # lower case) is no paragraph break
    return _MID_SENTENCE_BLANK.sub("\n", "\n".join(lines)).strip("\n")


_MID_SENTENCE_BLANK = re.compile(
    r"(?<=[a-z0-9,;])[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*(?:[a-z]|\((?:[A-Z]{2,}|[a-z]{2,})))"
)


# --- one line into lines --------------------------------------------------------------------------

_INLINE_LABEL = re.compile(
    r"(?:(?<!\S)|(?<=[?.:;!)\]])|(?<=and)|(?<=or))(?P<tok>(?:Q(?:uestion)?|Request|Item|Point|Part)[ \t]?(?P<q>\d{1,2})"
    r"(?=[.:)\s-])[.:)]?"
    r"|[(\[](?P<p>\d{1,2}|[a-hA-H]|[ivx]{1,4})[)\]]\.?"
    r"|(?P<v>\d{1,2}|[a-hA-H]|[ivx]{1,4}|[IVX]{1,4}(?=\)|\.[ \t]+[A-Z]))[.)]|(?P<s>\d{1,2})(?:[a-h][.)]|\([a-h]\))"
    # '1, How many ...? 2, How many ...?': a number written with a comma, a capitalised word after it
    r"|(?P<c>\d{1,2}),(?=[ \t]+[A-Z][a-z]))"
    r"(?=[ \t]+\S|(?<=[.)])[A-Z][a-z])"
)
# a label after the end of a sentence, a colon, or a closing bracket ('... etc)5. Of those ...')
_BOUNDARY = re.compile(
    r"(?:^|[:;?.!][\"'”’)\]]?|[)\]]|[:;?.!][ \t]*[-\u2013\u2014]|[?.;:!],?[ \t]*(?:and|or))[ \t]*$"
)
_INLINE_BULLET = re.compile(
    r"[ \t]?(?:[*\u2022\u25aa\u25cf\u27a2\u25ba\u2013\u2014-]|::)[ \t]*(?<=[ \t:])(?=[A-Z])"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_INLINE_GREETING = re.compile(
    r"^(?P<greeting>\s*(?:(?:to[ \t][^,\n:;]{1,60}:[ \t]*)?(?:dear|annwyl)[ \t][^,\n:;]{1,60}|hello|hi|good (?:morning|afternoon|"
    r"evening)|to whom it may concern|greetings)[ \t]*[,:;!])(?:[ \t]+|(?=\(?\d{1,2}[.)]))(?P<rest>\S.{30,})$",
    re.I,
)
_INLINE_SIGN_OFF = re.compile(
    rf"(?<=[.?!)])[ \t]+(?=(?:{_SIGN_OFF_WORDS})\b[ \t]*[,.!]?)"
    # a capitalised sign-off needs no stop before it ('... in 2023 Kind regards Ann Lee')
    r"|[ \t]+(?=(?-i:Yours (?:sincerely|faithfully|truly)|Kind regards|Best regards|"
    r"Many thanks|Best wishes|Warm regards)\b"
    # 'Thanks' or 'Regards' with only a name after it to the end ('... tribunal Thanks Ann Lee'), perhaps courtesy
    # words between ('... generated Thanks in advance Ann Lee', '... Thank you for your help, Ann Lee')
    r"|(?-i:(?:Thanks|Thank you|Regards|Cheers|Best|With thanks|Thanks and regards)"
    r"(?:[ \t]+(?:in advance|in anticipation|again|once again|very much|so much|a lot))?"
    r"(?:[ \t]+for[ \t]+(?:your|all your)[ \t]+(?:help|time|assistance))?"
    rf"[ \t]*,?[ \t]+{_NAME}[ \t]*(?:[,;]|$|\S+@)))"
    # glued to the last question when the line breaks were lost ('... claims were paid?Thanks')
    r"|(?<=[?!])(?=(?-i:Thanks|Thank you|Many thanks|Kind regards|Best regards|Regards|Yours)\b)",
    re.I,
)


def _label_value(m: re.Match) -> tuple[str, int] | None:
    """(kind, value) of an inline label: ('num', 3) for '3.', '(3)', 'Q3'; ('alpha', 2) for 'b)'; ('roman', 2)."""
    if m.group("s"):
        return "numsub", int(m.group("s"))
    raw = m.group("q") or m.group("p") or m.group("v") or m.group("c")
    if raw.isdigit():
        return "num", int(raw)
    low = raw.lower()
    if len(low) == 1 and "a" <= low <= "h":
        return "alpha", ord(low) - ord("a") + 1
    return ("roman", _ROMAN[low]) if low in _ROMAN else None


def _counting_runs(tokens: list[tuple[int, int]], minimum: int) -> list[tuple[int, int]]:
    """The labels, among (position, value) in order, that count up from 1 in runs of at least ``minimum``
    (a second 1 starts a new run: a second question's a), b) ...)."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    expected = 1
    for pos, value in tokens:
        if value == expected:
            run.append((pos, value))
            expected += 1
        elif value == 1:
            if len(run) >= minimum:
                out += run
            run, expected = [(pos, value)], 2
    return out + run if len(run) >= minimum else out


def _sandwiched(line: str, tokens: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The (position, value) of the number labels after the end of a sentence or a colon, and of one that is not
    but stands between two that are, one below and one above it ('1. The number ... by year 2. The number
    ..., by year. 3. A list ...': the item above it lost its stop)."""
    bounded = [(pos, v) for pos, v, _ in tokens if _BOUNDARY.search(line[:pos])]
    out = list(bounded)
    for pos, v, _ in tokens:
        if (pos, v) in bounded or line[pos + len(str(v)) : pos + len(str(v)) + 1] not in ".)":
            continue
        below = [b for b in bounded if b[0] < pos]
        above = [b for b in bounded if b[0] > pos]
        between = bool(below and above and below[-1][1] == v - 1 and above[0][1] == v + 1)
        # the first of a list whose lead-in has no colon ('... in 2022-23 1. How much ...? 2. How ...?', 'With this
        # in mind 1. please list ... 2. Please ...')
        first = v == 1 and not below and bool(above) and above[0][1] == 2
        if between or first and re.match(r"1[.)][ \t]+(?:[A-Z]|please\b)", line[pos:]):
            out.append((pos, v))
    return sorted(out)


# a word that takes the number after it as its own ('section 3.', 'reduced by 3.', 'Q3'), not a list label
_COUNTED_BY_WORD = re.compile(
    r"\b(?:section|sections|part|paragraph|para|question|stage|phase|step|no|number|page|table|figure|appendix|annex|"
    r"level|tier|grade|band|category|type|zone|option|item|clause|schedule|article|regulation|rule|chapter|year|"
    r"by|of|to|than|from|and|or|only|about|around|approximately|least|most|over|under|were|was|is|are)[ \t]*$",
    re.I,
)


_LETTER_O_BULLET = re.compile(r"(?<=[:.;?)])[ \t]?o[ \t]?(?=[A-Z][a-z])")


def _split_inline_labels(line: str) -> str:
    """'... tell me: 1. How many...? 2. What...?' -> one line a question. Only labels that count up from 1
    (or a, or i), each after the end of a sentence or a colon, are taken: '1.5 m', 'section 2.' and 'a)' in
    the middle of a sentence stay where they are. '1a)' after a sentence is taken under a '1.' taken so."""
    # Word's second-level bullet pasted as the letter 'o', glued between a stop and the item ('... provide:oThe
    # average cost ....oAny budget ...'): a bullet, when the line has two or more
    if len(_LETTER_O_BULLET.findall(line)) >= 2:
        line = _LETTER_O_BULLET.sub(" \u2022 ", line)
    # bracketed ('a)', '(b)', '[3]') and standing alone, not a provision's part ('12(4)(a), (b) and (c)')
    found = [
        (
            m.start("tok"),
            *kv,
            m.group("tok").rstrip(".")[-1] in ")]" and not re.search(r"[\w)]$|,\s*$", line[: m.start("tok")]),
        )
        for m in _INLINE_LABEL.finditer(line)
        if (kv := _label_value(m))
    ]
    cuts: set[int] = set()
    numbers: set[int] = set()
    for kind in ("num", "alpha", "roman"):
        tokens = [(pos, v, bracketed) for pos, k, v, bracketed in found if k == kind]
        runs = _counting_runs(
            _sandwiched(line, tokens)
            if kind == "num"
            else [(pos, v) for pos, v, _ in tokens if _BOUNDARY.search(line[:pos])],
            2,
        )
        if kind == "num":
            # numbers glued to the capitalised word they open, with no space after the stop ('1.How many students
            # ... entry 2.How many ... 3.How many ...', '... etc.) 4.Community Toilet Schemes ... charge 5.Planned
            # Changes'): a list pasted without its line breaks, two or more counting up from 1, each a label wherever
            # it stands (no one writes a sentence's number so)
            glued = [
                (pos, v)
                for pos, v, _ in tokens
                if re.match(r"\d{1,2}\.[A-Z][a-z]", line[pos:]) and (pos == 0 or line[pos - 1] in " \t")
            ]
            if _counting_runs(glued, 2):
                runs = _counting_runs(sorted(set(runs) | set(_counting_runs(glued, 2))), 2)
        if not runs and kind == "num":
            # 'the following: 1. The cost ... 2021 2. Numbers of ... 3. And any ...': a list after a colon whose
            # items lost their stops, three or more, each opening with a capital
            runs = _counting_runs(
                [
                    (pos, v)
                    for pos, v, _ in tokens
                    if (v == 1 and re.search(r":[ \t]*$", line[:pos]))
                    or (v > 1 and re.match(r"\d{1,2}[.)][ \t]+[A-Z][a-z]", line[pos:]))
                ],
                3,
            )
        if (
            not runs and len(line) > 200
        ):  # a list flattened into a sentence: 'supply a) the number ... b) The ...'
            runs = _counting_runs([(pos, v) for pos, v, bracketed in tokens if bracketed], 3)
        if not runs and kind == "num":
            # numbers in brackets listing the things a sentence asks for ('please provide (1) the number of ...,
            # (2) the cost of ... and (3) ...'), three or more, at any length: no provision is numbered so
            runs = _counting_runs(
                [
                    (pos, v)
                    for pos, v, _ in tokens
                    if line[pos] == "(" and not re.search(r"[\w)]$", line[:pos])
                ],
                3,
            )
        if kind != "num" and runs:
            # the options of a multiple-choice question ('Which of the following ...? Select all that apply.
            # Options: i. ... ii. ...') are its words, not questions
            start = max((c for c in cuts if c < runs[0][0]), default=0)
            if _OPTIONS_LEAD.search(line[start : runs[0][0]]):
                runs = []
        if kind == "num" and len(runs) >= 3:
            # the next number glued to the last word of the item above ('... paved space6) Have any ...')
            taken = {v for _, v in runs}
            last_pos, last_v = runs[-1]
            while m := re.compile(rf"(?<=[a-z]){last_v + 1}[.)](?=[ \t]?[A-Z])").search(line, last_pos + 1):
                if last_v + 1 in taken:
                    break
                runs.append((m.start(), last_v + 1))
                last_pos, last_v = m.start(), last_v + 1
        if kind == "num" and len(runs) >= 2:
            # the last of the list, after an item that lost its stop at a year ('... years: 2020-21 and 2021-22 3.
            # Please state the income ...'): next after the last one taken, opening a capitalised sentence, not a
            # number a word counts ('section 3. The ...', 'by 3. Please ...')
            last_pos, last_v = runs[-1]
            nxt = next(((pos, v) for pos, v, _ in tokens if pos > last_pos and v == last_v + 1), None)
            if (
                nxt
                and not any(pos > last_pos for pos, v, _ in tokens if v == last_v + 2)
                and re.match(r"\d{1,2}[.)][ \t]+[A-Z][a-z]", line[nxt[0] :])
                and re.search(r"(?:19|20)\d\d(?:[/-]\d{2,4})?[ \t]+$", line[: nxt[0]])
                and not _COUNTED_BY_WORD.search(line[max(0, nxt[0] - 30) : nxt[0]])
            ):
                runs.append(nxt)
        cuts.update(pos for pos, _ in runs)
        if kind == "num":
            numbers.update(v for _, v in runs)
    found = [(pos, k, v) for pos, k, v, _ in found]
    # letters glued to the lower-case word they open, each after a colon or a sentence's end ('... would you disclose:
    # a.any report that ... agreed. b.any reports on ...'), two or more counting up from a: a list pasted without its
    # spaces
    glued_letters = [
        (m.start(), ord(m.group(1)) - ord("a") + 1)
        for m in re.finditer(r"(?<![\w.])([a-h])\.(?=[a-z]{3,})", line)
        if _BOUNDARY.search(line[: m.start()])
    ]
    glued_cuts = {pos for pos, _ in _counting_runs(glued_letters, 2)}
    cuts.update(glued_cuts)
    # '(A1) Does ...? If yes, please list: (A1-i) the ... (A2)Does ...': a section's letter and the item's number in
    # brackets, two or more on the line, each a label wherever it stands (no sentence writes '(A1)' so)
    sections = [m.start() for m in _SECTION_LABEL.finditer(line)]
    if len(sections) >= 2:
        cuts.update(sections)
    cuts.update(pos for pos, k, v in found if k == "numsub" and v in numbers and _BOUNDARY.search(line[:pos]))
    bullets = [m.start() + (1 if line[m.start()] in " \t" else 0) for m in _INLINE_BULLET.finditer(line)]
    lead = line[: bullets[0]].rstrip() if bullets else ""
    if (
        len(bullets) >= 2
        and (lead.endswith(":") or not lead)  # a list from the start of the line
        or len(bullets) >= 3
        and lead.endswith(".")
        # '... 2017-18. :: I would like ... format. :: I would appreciate ...': each bullet after a sentence end
        or len(bullets) >= 2
        and all(re.search(r"[.?!][\"'”’)]?[ \t]*$", line[:b]) for b in bullets)
    ):  # '... tool. - Details'
        cuts.update(bullets)
    if not cuts:
        return line
    out, last = [], 0
    for pos in sorted(cuts):
        out.append(line[last:pos].rstrip())
        last = pos
    if glued_cuts:  # 'a.any report' -> 'a. any report', as a label is written
        line = "".join(f"{ch} " if k - 1 in glued_cuts and ch == "." else ch for k, ch in enumerate(line))
        shift = sorted(glued_cuts)
        out, last = [], 0
        for pos in sorted(cuts):
            at = pos + sum(1 for g in shift if g < pos)
            out.append(line[last:at].rstrip())
            last = at
    # the last item of a flattened list runs on into what follows the list ('- Station responding Please provide
    # this data in a machine readable format.'): a new sentence opening with no stop before it ends the item
    tail = line[last:]
    m = _ITEM_RUNS_ON.search(tail)
    label = _LABEL.match(tail)  # the last item's own label ('3. Please state ...') ends no sentence
    words = tail[label.end() if label and m and label.end() < m.start() else 0 : m.start()] if m else ""
    runs_on = m and len(tail[: m.start()].split()) >= 3 and not re.search(r"[.?!]", words)
    out += [tail[: m.start()], tail[m.end() :]] if runs_on else [tail]
    return "\n".join(part for part in out if part.strip())


_SECTION_LABEL = re.compile(r"(?-i:\([A-Z]\d{1,2}(?:-[ivx]{1,4})?\))(?=\.?[ \t]*[A-Za-z])")
_OPTIONS_LEAD = re.compile(
    r"\bwhich\s+of\s+the\s+following\b|\b(?:select|tick|choose|circle)\s+(?:all|any|one|the)\b|"
    r"\boptions?\s*:\s*$",
    re.I,
)
_ITEM_RUNS_ON = re.compile(
    r"(?<=[a-z0-9)])[ \t]+(?=(?-i:Please|If (?:you|possible|it|this|the)|Thank|Thanks|Many thanks|"
    r"Kind regards|Best regards|Yours|Regards|Could you|Can you|Would you|I would|I look|I am|"
    r"We would)\b)"
    # a footnote's asterisk glued to the capitalised word it opens ('... 2024-25 *If fulfilling the full request ...')
    r"|(?<=[a-z0-9)])[ \t]+\*(?=[A-Z][a-z])"
)


def _split_sign_off(line: str) -> str:
    """'... generated? Yours, Jane Smith, jane@x.org, 12 High St' -> the sign-off and each item on its own line."""
    cuts = [m.end() for m in _INLINE_SIGN_OFF.finditer(line)]
    if cuts and "?" not in line[cuts[-1] :] and len(line) - cuts[-1] < 300:
        line = line[: cuts[-1]].rstrip() + "\n" + line[cuts[-1] :]
    head, _, last = line.rpartition("\n")
    m = SIGN_OFF.match(last)
    # courtesy words before the name stay with the sign-off word ('Thanks in advance' / 'Jane Smith' / ...)
    courtesy = courtesy_then_name(m.group("tail")) if m else None
    if (
        m
        and courtesy is None
        and thanks_whom(last[: m.start("tail")])
        and (signer := thanked_then_signer(m.group("tail"))) is not None
    ):  # 'Thank you Councillor X, Ann Lee': the person thanked stays with the thanks, the signer is the name
        courtesy = m.group("tail").rfind(signer) if signer else len(m.group("tail"))
    if (
        m
        and m.group("tail").count(",") >= 1
        and "?" not in last
        and len(last) < 300
        and (courtesy is not None or not _COURTESY_TAIL.match(m.group("tail").split(",")[0].strip()))
    ):  # not 'Thanks very much,'
        start = m.start("tail") + (courtesy or 0)
        items = [part.strip() for part in last[start:].split(",") if part.strip()]
        last = last[:start].rstrip() + "\n" + "\n".join(items)
        line = f"{head}\n{last}" if head else last
    return line


def _unwrap(text: str) -> str:
    """Paragraphs an e-mail client hard-wrapped (every line broken where the next word would pass a width of 60
    to 80 characters) joined back into one line each, so that a request written on one line and wrapped is read
    as one line. A line that is short of the width, or a line that starts with a label, keeps its break."""
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    width = max(lengths, default=0)
    if not 60 <= width <= 80:
        return text

    def wrapped(line: str, nxt: str) -> bool:
        line, nxt = line.rstrip(), nxt.strip()
        return (
            bool(line.strip())
            and bool(nxt)
            and len(line) >= width - 15
            and len(line) + 1 + len(nxt.split()[0]) > width
            and not _LABEL.match(nxt)
            and not _NUMBER_PAREN_LETTER.match(nxt)  # '2(b) Please also ...'
            and not SIGN_OFF.match(nxt)
            and not SIGN_OFF.match(line)
            and not _GREETING.match(line)
            and not DEAR.match(line)
        )

    breaks = [wrapped(lines[i], lines[i + 1]) for i in range(len(lines) - 1)]
    if sum(breaks) < 2:  # one long line near the width is not a wrapped text
        return text
    out = [lines[0]]
    for i, joined in enumerate(breaks):
        if joined:
            out[-1] = f"{out[-1].rstrip()} {lines[i + 1].strip()}"
        else:
            out.append(lines[i + 1])
    return "\n".join(out)


_HEADING_THEN_GREETING = re.compile(
    r"^(?P<head>\S.{9,599}?)[ \t]+(?=Dear[ \t][^,\n:;.?]{1,60}[,:;][ \t]*\S.{30,})"
)
# a name after the last sentence of a line, with no sign-off before it
_SIGNED_AT_END = re.compile(rf"(?<=[.?!])[ \t]+{_NAME}[ \t]*$")


# a greeting with no stop after it, run on into the request on one line ('Dear Sir Please provide ...', 'Dear FOI Team
# Under the Freedom of Information Act ...'): the greeting ends where a word that opens a request starts
_OPENER = r"\b(?:Please|Under|I|I'm|I'd|Could|Can|Would|Thanks?|Pursuant|My|We)\b"
_BARE_GREETING = re.compile(
    rf"^(?P<greeting>\s*(?i:dear|annwyl)[ \t](?:(?!{_OPENER})[^,\n:;.?!]){{1,60}}?)[ \t]+(?P<rest>{_OPENER}.{{20,}})$"
)


def unfold(text: str) -> str:
    """A request written on one line (a web form, some e-mail clients), put on lines: the greeting, each
    labelled question and the sign-off. A request already on lines comes back as it was; one an e-mail
    client hard-wrapped is first joined back."""
    out = []
    for line in _unwrap(text).split("\n"):
        if (
            len(line) > 200
        ):  # sentences run together ('Dear Sir/Madam,This is ...', '... Act 2000.Please ...')
            line = _GLUED_STOP.sub(" ", line)
        # a letter's heading run onto one line with its greeting ('Ann Lee 12 Mill Lane ... Dear Sir, Please ...'):
        # the heading on a line of its own
        h = _HEADING_THEN_GREETING.match(line)
        if h and not re.search(r"[.?!][ \t]+[A-Z]|\?", h.group("head")):
            out.append(h.group("head"))
            line = line[h.end("head") :].lstrip()
        m = _INLINE_GREETING.match(line)
        bare = _BARE_GREETING.match(line)
        if bare and m and len(bare.group("greeting")) < len(m.group("greeting")):
            m = None  # 'Dear Sir Under the Act, please ...': the greeting ends before the request's first word
        # 'Dear Armagh City, Banbridge and Craigavon Borough Council,' on a line of its own is all greeting
        if m and not (
            len(line) <= 120 and line.rstrip().endswith((",", ":")) and not re.search(r"[.?!]\s", line)
        ):
            out.append(m.group("greeting").strip())
            line = m.group("rest")
        elif not m and bare:
            out.append(bare.group("greeting").strip().rstrip(" -\u2013\u2014"))
            line = bare.group("rest")
        if (
            len(line) > 200
        ):  # paragraphs run together when markup was lost ('documentsIf any ...', 'necessary.I ...')
            line = _GLUED_STOP.sub(" ", line)
            line = _flat_list(line)
            line = _split_inline_labels(line)
            line = _GLUED_SENTENCE.sub("\n\n", line)
            if (
                "\n" in line
            ):  # the last question's closing lines ('If possible, can this be presented in PDF?')
                head, _, last = line.rpartition("\n")
                line = f"{head}\n{_split_closing(last)}"
        else:
            line = _split_inline_labels(line)
        out.extend(_split_sign_off(part) for part in line.split("\n"))
    last = max((n for n, line in enumerate(out) if line.strip()), default=None)
    if (
        last is not None
        and (m := _SIGNED_AT_END.search(out[last]))
        and _name_of(m.group("name"), strict=True)
    ):
        out[last] = out[last][: m.start()] + "\n" + m.group("name")  # '... in 2023? Jane Smith': signed
    return "\n".join(out)


# a list whose bullets were lost when a page was flattened: the same capitalised opening word again and again in the
# middle of a sentence ('... and ADES All communications regarding the meeting All materials prepared ...')
_FLAT_ITEM = re.compile(
    r"(?<=[A-Za-z0-9)])[ \t]+(?=(?P<w>All|Any|Copies|Details|Minutes|Notes|Number|Total|Records|"
    r"Correspondence|Emails)[ \t]+[a-z])"
)


def _flat_list(line: str) -> str:
    marks = list(_FLAT_ITEM.finditer(line))
    words = [m.group("w") for m in marks]
    repeated = {w for w in words if words.count(w) >= 2}
    cuts = [m for m in marks if m.group("w") in repeated]
    if len(cuts) < 2:
        return line
    out, last = [], 0
    for m in cuts:
        out.append(line[last : m.start()])
        last = m.end()
    out.append(line[last:])
    return "\n• ".join(out)


def _split_closing(part: str) -> str:
    """The last question of a one-line request, with what closes the request after it on a line of its own."""
    sentences = _sentences(part)
    for sentence in sentences[1:]:
        if _CLOSING.match(sentence) or _PLEASANTRY.match(sentence):
            start = part.find(sentence[:20])
            if start > 0:
                return part[:start].rstrip() + "\n" + part[start:]
    return part


_GLUED_STOP = re.compile(
    # ('... Act 2000.Please provide ...', '... homelessness duties:The current number ...', 'Dear Sir/Madam,This is')
    r"(?<=[a-z0-9)]{2}[.?!:])(?=[A-Z][a-z]*\s)|(?<=[a-z]{2}[.?!])(?=(?:If|I|Please|The|We|Could|Can|Would|Thank|"
    r"Thanks|In|This|It|My|Our|Also|However|Many|Kind|Yours|Regards)\s)|"
    r"(?<=^Dear Sir/Madam,)(?=\S)|(?<=^Dear Sir or Madam,)(?=\S)"
)
_GLUED_SENTENCE = re.compile(
    r"(?<=[a-z]{3})(?=(?:If|Please|Could|Can|Would|Thank|Thanks|Also|However|Many thanks|"
    r"Kind regards|Yours)\s)"
)


# --- questions ------------------------------------------------------------------------------------

_LABEL = re.compile(
    # a request quoted item by item opens its first item with the quote mark ('“1. Confirmation as to whether ...')
    r"^\s*[\u201c\"]?(?:"
    r"(?:q(?:uestion)?|request|item|point|\#|no\.)\s*\.?\s*(?P<kw>\d{1,2})(?P<kwsub>[a-z])?(?![a-z\d])\s*[-\u2013\u2014:.)]?\s*|"
    r"\[(?P<sq>\d{1,2})\]\.?\s*|"
    # '(A1) Does your organisation ...', '(A1-i) the organisation ...', '(B2). The number ...': a section's letter and
    # the item's number, a sub-item's numeral after a hyphen
    r"\((?P<sec>[A-Z]\d{1,2})(?:-(?P<secsub>[ivx]{1,4}))?\)\.?\s*|"
    # '1.1 How many ...' under '1. Staffing'; '1.1: Number of ...'; '1.1.Does your ...' with no space after its stop
    r"(?P<dec>\d{1,2}\.\d{1,2})(?:[.:]?[ \t]+(?=[A-Za-z])|\.(?=[A-Z][a-z]))|"
    # '1.a.', '3.b.i.', '2.b)': a sub-item's label written with its parents' labels before it
    r"(?P<cmp>\d{1,2}(?:\.(?:[a-h]|[ivx]{1,4})(?![a-z]))+)[.)]?[ \t]+(?=\S)|"
    r"(?P<po>\()?(?P<num>\d{1,2})(?P<numsub>[a-z])?(?P<np>\.\)|[.)]|\s*:(?=\s)|\s+[-\u2013\u2014](?=\s))\s*|"  # '1.)' too
    r"\((?P<paren>[a-z]|[ivx]{1,4})\.?\)\s*|"  # '(I.)Keith Brown ...': a stop inside the brackets
    r"(?P<roman>[ivx]{1,4})(?P<rp>\.\)|[.)/])\s+|"  # 'i/ Those events attended ...': a slash typed for the bracket
    r"(?P<letter>[a-h])(?P<lp>\.\)|[.)])\s+|"
    # any bullet glyph a word processor or e-mail client puts in ('➢', '►', '✓', '■', '❖'); '+' and 'o' before a space
    # '*' glued to a word ('*I ask for these figures ...', '**https://...') marks a footnote, not a bullet
    r"(?P<bullet>::|\*(?=[ \t])|[-\u2022\u25aa\u25cf\u2013\u25e6\u2023\u2043\u00b7>\uf0a7\uf0b7\uf0d8\uf076\uf0fc"
    r"\u25a0-\u25ff\u2190-\u21ff\u2794-\u27bf\u2713\u2714\u2717\u2718\u2605\u2606\u2756\u2751\u2752\u2610-\u2612]"
    r"|[o+](?=[ \t]))\s*"  # 'o' only before a space: "On", "or"
    r")(?=\S)",
    re.I,
)
# "Request 1" or "Question 2:" on a line of its own, the question on the next line
_LONE_LABEL = re.compile(
    r"^\s*(?:q(?:uestion)?|request|item)\s*\.?\s*(?P<kw>\d{1,2})(?P<kwsub>[a-z])?\s*[-:.)]?\s*$"
    r"(?P<sq>)?(?P<sec>)?(?P<secsub>)?(?P<dec>)?(?P<cmp>)?(?P<num>)?(?P<paren>)?(?P<roman>)?(?P<letter>)?(?P<bullet>)?",
    re.I,
)
# the things a request names as what it asks for ('The number of ...', 'The criteria used ...', 'Minutes of ...')
_THINGS = (
    r"(?:numbers?|total|amount|costs?|spend|expenditure|income|revenue|names?|percentage|proportion|value|dates?|"
    r"locations?|list|copy|breakdown|summary|details|copies|figures?|criteria|polic(?:y|ies)|minutes|"
    r"outcomes?|statistics|evidence|confirmation|job\s+titles?|salar(?:y|ies)|budgets?|documents?|e-?mails|"
    r"communications?|correspondence|information|data|records|reports?|guidance|assessments?|"
    r"response|responses)"
)
# 'send' asks only for something to be sent to the requester ('send me', 'send copies'), not 'send more inspectors'
_SEND = (
    r"send(?=\s+(?:me|us|a|an|the|copies|copy|details|all|any|this|these|it|them|information|data|records|"
    r"documents|your|a\s+link|on)\b)"
)
_ASK_START = re.compile(
    r"^(?:(?:please\s+|kindly\s+)(?:(?:can|could|would)\s+you\s+(?:also\s+)?|also\s+|kindly\s+)?(?:provide|tell|"
    r"confirm|" + _SEND + r"|let\s+me\s+have|"
    r"state|give|supply|disclose|advise|list|share|explain|specify|detail|outline|let me know|inform|release|"
    r"forward|include|indicate|identify|clarify|describe|set out|publish|make available)|"
    r"(?:could|can|would|will)\s+(?:you|i|the)|may\s+i|how\s+(?:many|much|often|long|is|are|does|do|did|has|have|"
    r"was|were|can|could|will|would|should|far)|"
    # a question word, not the start of another word ('Wholetime', 'Whatsapp')
    r"(?:what|which|when|where|who|whom|whose|why|whether)\b|"
    r"(?:is|are|does|do|did|has|have|was|were|will|can|could|should)\s|"
    # an imperative: 'Provide the minutes ...', 'Send me ...', 'Tell me how many ...'; and the verbs asked with
    # 'please' asked without it, before what they ask for ('List all contracts ...', 'State whether ...')
    r"(?:provide|supply|disclose|send\s+me|tell\s+me|let\s+me\s+know|confirm\s+(?:whether|if|how|the))\b|"
    r"(?:list|state|explain|describe|identify|indicate|specify|outline|detail|give|share|release|forward|name|"
    r"confirm|advise|clarify)\s+(?:me\s+)?(?:the|all|any|each|every|how|what|whether|if|which|your|who|when|where|"
    r"why)\b|"
    r"(?:i|we)(?:\s+(?:would|should)|'d)\s+(?:like|be grateful|appreciate|also like|be interested)(?:\s+\w+){0,4}\s+"
    r"(?:to\s+(?:know|see|receive|"
    r"have|obtain|request|ask|be provided|be sent|be given)|a\s+cop|cop|details|the\s+(?:number|total|amount|cost)|"
    r"information|data|figures|a\s+list|a\s+breakdown|any|all|the)|"
    r"i\s+am\s+interested\s+in\s+(?:obtaining|receiving|seeing|knowing|finding\s+out)|"
    r"(?:my\s+request\s+is|the\s+information\s+i\s+(?:require|request|seek|am\s+(?:requesting|seeking))\s+is)\b|"
    r"(?:i|we)(?:'m|'re)\s+(?:requesting|seeking|asking\s+for)|(?:i\s+am|we\s+are)\s+(?:seeking|looking\s+for)\s+"
    r"(?!to\b)|(?:i|we)\s+(?:want|need)\s+(?:to\s+know|a\s+cop|cop|details|the|all|any|a\s+list)|"
    r"all\s+(?:correspondence|e-?mails|communications?|documents|records|minutes|information|data|reports|papers|"
    r"notes|briefings?|submissions|letters|memos|guidance|policies)\b|"
    r"(?:i|we)\s+(?:(?:also\s+)?request|(?:would|should)\s+(?:also\s+)?request|am requesting|are requesting|hereby request|wish to (?:know|see|receive|request|obtain|ask)|want to know|"
    r"seek\s+(?:a\s+copy|copies|the|details|information|data|all|any)|"
    # 'I ask because ...', 'I am asking this as ...': why, not what
    r"(?:ask|am asking|would ask)(?!\s+(?:(?:this|these|the|my)(?:\s+questions?)?\s+)?(?:because|as|since|so|"
    r"in\s+order|following|given|due)\b))|"
    r"(?:the\s+|a\s+|your\s+|any\s+)?(?:total\s+|average\s+|annual\s+|overall\s+)?"
    + _THINGS
    # then a preposition or a participle that says which ('The income from parking fines', 'The number of staff
    # employed', 'The total spent by each ward'): a kind of information named as what is asked for
    + r"\s+(?:of|for|on|from|in|at|by|to|under|within|during|since|against|per|spent|"
    r"paid|used|about|between|held|showing|taken|incurred|relating|regarding|concerning|[a-z]{3,}ed|"
    r"made|produced|sent)\b|"
    r"a\s+(?:copy|list|breakdown|summary)\s+of|(?:(?:full|complete|all|any)\s+)?(?:copies|details)\s+of|"
    r"i\s+(?:also\s+)?(?:require|need)\s+(?:a\s+cop|cop|details|the|this|these|all|any|a\s+list|a\s+breakdown|"
    r"information\s+(?:on|about|regarding))|any\s+(?:(?:e-?mail|written|internal)\s+)?(?:records|documents|information|correspondence|data|policies|guidance|reports?|minutes))",
    re.I,
)
# what goes on with the question above it: a breakdown, an inclusion, an example. Not 'If so, ...' / 'If not, ...':
# a sentence that asks on a condition is a question of its own (as labelled), one that does not ask is no question
_CONTINUATION = re.compile(
    r"^(?:please\s+(?:specify|break|include|also\s+"
    r"(?:include|break|specify|split)|split|separate|list\s+(?:them|these|this)|provide\s+(?:this|these|the|a|your|"
    r"separate)?\s*(?:answer|information|data|figures|breakdowns?|response|totals?|numbers?)s?\s+(?:by|in|as|for|broken|"
    r"separately|split)\b)|broken\s+down|"
    r"including|in\s+each\s+case|for\s+each|split\s+by|separated?\s+by|by\s+(?:year|month|ethnicity|gender|age|"
    r"financial year|calendar year|borough|ward|area|force|department|category|type)|per\s+(?:year|month|annum)|"
    r"and\s+(?:for|by|in)\s+each|(?:e\.g|i\.e)\.?\s)",
    re.I,
)
_PREAMBLE = re.compile(
    r"(?:freedom of information|foi act|information act 2000|following information|following questions|"
    # ':-' typed for a colon ('... including any information held relating to :-')
    r"the following)\b.*:-?\s*$|:-?\s*$",
    re.I,
)
_PLEASANTRY = re.compile(
    r"^(?:thank(?:s| you)\b|i look forward|i hope|many thanks|please acknowledge|i would be grateful if you "
    r"could (?:acknowledge|confirm (?:in writing )?(?:receipt|that you have received))|please confirm receipt|i would prefer|i would like to receive the "
    r"(?:information|response|data) (?:by|in|as|electronically)|please (?:send|provide) (?:the|your) "
    r"(?:response|reply|information) (?:by|in|as|electronically)|if you (?:have any|need)|please do not hesitate|"
    r"if any (?:of this|part)|if (?:this|my) request|if you are unable|i understand (?:that )?(?:under|the act)|"
    # an offer to clarify ('Please let me know if you need any clarification.', 'Please advise if this is unclear.')
    r"(?:please\s+)?(?:do\s+)?(?:let\s+me\s+know|advise(?:\s+me)?|contact\s+me|get\s+in\s+touch|tell\s+me)\b[^.?!]{0,40}"
    r"\bif\b[^.?!]*\b(?:clarif\w*|unclear|ambiguous|questions?|quer(?:y|ies)|(?:further|more)\s+(?:information|details)"
    r"|problems?|difficult\w*|any\s+help|assistance|too\s+(?:broad|wide|large))\b)",
    re.I,
)


@dataclass(frozen=True)
class RequestQuestion:
    label: str  # normalised: Q1, Q1a, Q2 ...
    text: str  # the requester's wording, identity removed; a sub-question carries its parent's wording first
    original_label: str = ""
    own_text: str = ""  # the question as written in the request, without its label or its parent's wording
    sub_of: str | None = None  # the label of the question this one is a part of

    @property
    def wording(self) -> str:
        return self.own_text or self.text


@dataclass(frozen=True)
class Request:
    questions: tuple[RequestQuestion, ...]
    text: str  # the whole request with identity replaced by placeholders
    requester: Requester = field(default_factory=Requester)
    source: str = "request"
    note: str | None = None  # how the request was read when it was not question by question

    @property
    def regime(self) -> str | None:
        """The regime the requester names ('under the Freedom of Information (Scotland) Act'), or None."""
        named = named_regime(self.text)
        return named.value if named else None

    def to_dict(self) -> dict:
        out = {"questions": [{"label": q.label, "text": q.text} for q in self.questions], "text": self.text}
        if self.note:
            out["note"] = self.note
        return out


# --- splitting ------------------------------------------------------------------------------------


def _ends(tail: str) -> bool:
    """Whether what follows a sign-off word ends the request ('Regards, Ann', 'Thanks for your help.'), rather
    than starting another sentence ('Thank you. Please can you also ...?')."""
    tail = tail.strip()
    return (
        not tail
        or bool(re.fullmatch(_NAME, tail.split(",")[0].strip()))
        or tail.startswith("[NAME]")
        or (
            re.match(r"(?:for|in advance|again|very much)\b", tail, re.I) is not None
            and "?" not in tail
            and len(_sentences(tail)) == 1
        )
    )


def _asks_below(lines: list[str]) -> bool:
    """Whether a question follows a sign-off-like line (so it is not the sign-off)."""
    return any(
        "?" in line
        or _LABEL.match(line)
        and not _LABEL.match(line).group("bullet")
        or (len(line) > 40 and _asks(line))
        or ((m := _LABEL.match(line)) and _asks(line[m.end() :]))  # '• how many trains ...'
        for line in lines
        if line.strip()
    )


_PLACEHOLDERS_ONLY = re.compile(
    r"(?:\[(?:NAME|ADDRESS|AFFILIATION|EMAIL|PHONE|POSTCODE|HANDLE)\][\s,;|.()-]*)+"
)


# a disclosure log's fields above the request it shows ('Date of request: April 28, 2021', 'FOI Reference: 1138/2025',
# 'Our Ref: FoI 25-19', 'Date released: 3 May 2011', 'Date raised: ...'): the page's record of the request, not part
# of it; a log may list them as bullets ('• Reference Number: 2753'), and then the value is a number or a date
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_RECORD_FIELD = re.compile(
    r"^\s*(?P<bullet>[•·*\-–][ \t]+)?(?:(?:(?:foi|foisa|eir|freedom\s+of\s+information|request|our|your|case|"
    r"disclosure)\s+)*(?:reference|ref\.?|request\s+(?:number|no\.?|id))(?:\s+(?:number|no\.?))?"
    r"|date\s+(?:of\s+(?:request|response|publication|disclosure|release)|received|requested|published|responded|"
    r"answered|released|raised|issued)|(?:publication|release)\s+date)"
    r"\s*:\s*(?P<value>.*)$"
    # a date alone on its line, perhaps bulleted ('- 19 January 2010' over the greeting, '17 March 2021'): when the
    # page or the letter was dated
    rf"|^\s*(?P<dbullet>[•·*\-–][ \t]+)?(?P<date>\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTHS})[ \t]+\d{{4}})"
    r"[ \t]*$",
    re.I,
)


def _record_field(line: str) -> bool:
    m = _RECORD_FIELD.match(line)
    if m and m.group("date"):
        return True
    return (
        bool(m)
        and len(m.group("value")) <= 40
        and "?" not in line
        and (not m.group("bullet") or bool(re.fullmatch(r"[\w /.,-]*\d[\w /.,-]*", m.group("value").strip())))
    )


# the heading a disclosure log or a request page puts above the request itself
_PAGE_HEADING = re.compile(
    r"^(?:information\s+requested|details\s+of\s+(?:the\s+|your\s+)?(?:enquiry|request)|request\s+details|"
    r"(?:your|the|foi|foisa|eir)\s+request|request|text\s+of\s+(?:the\s+)?(?:foi\s+|eir\s+)?request)\s*:?$",
    re.I,
)


# a sentence under a list that gives only the period it covers ('Dates from June 01, 2011 through to August 01, 2011
# please.', 'Period: 1 April 2020 to 31 March 2023.'): the scope of the items above (S2a), no question
_PERIOD_ONLY = re.compile(
    r"^(?:(?:the\s+)?(?:dates?|period|time\s*-?frame|time\s+period)\s*(?::\s*|\s(?=from|between|covering))|"
    r"(?=from|between|covering))(?:(?:from|between|covering)\s+)?"
    r"[^.?!:]{1,40}?\s+(?:through\s+to|through|to|until|till|and)\s+[^.?!:]{1,40}?(?:,?\s+please)?\s*\.?$",
    re.I,
)
_CAPS_HEADING = re.compile(r"(?=[^a-z]*$)[A-Z][A-Z0-9&/'’,()-]*(?:[ \t]+[A-Z0-9&/'’,()-]+){0,7}")
# the kind of page a published request is, on its first line above the title ('FOI release')
_PAGE_KIND = re.compile(
    r"(?:foi|foisa|eir|freedom\s+of\s+information)\s+(?:release|disclosure|response|request|publication)",
    re.I,
)
# what a WhatDoTheyKnow page says of the request under its title
_PAGE_STATUS = re.compile(
    r"^(?:the\s+request\s+(?:was|is)\s+(?:partially\s+)?(?:successful|refused\b.*|awaiting\s+classification|"
    r"long\s+overdue|still\s+awaiting\b.*)|this\s+request\s+has\s+been\s+closed\s+to\s+new\s+correspondence\b.*|"
    r".{1,80}\bmade\s+this\s+(?:freedom\s+of\s+information\s+|environmental\s+information\s+)?request\s+to\b.*|"
    # the site's other statuses, and its Welsh pages' ('Merseyside Police did not have the information requested.',
    # 'Roedd y cais yn rhannol lwyddiannus.', 'Gwrthodwyd y cais gan ...', "Mae'r ymateb i'r cais hwn yn hwyr iawn.")
    r"[A-Z].{1,100}\sdid\s+not\s+have\s+the\s+information\s+requested|"
    r"the\s+request\s+(?:was|is)\s+(?:withdrawn|delayed|waiting\s+for\b.*)|"
    r"roedd\s+y\s+cais\s+yn\s+(?:rhannol\s+)?l?lwyddiannus\b.*|gwrthodwyd\s+y\s+cais\b.*|"
    r"mae['’]r\s+ymateb\s+i['’]r\s+cais\s+hwn\s+yn\s+hwyr\b.*)\.?$",
    re.I,
)
# a request's title heading its page, up to sixteen words with no stop inside, not opening a sentence of the writer's
_PAGE_TITLE = re.compile(
    rf"(?!{_OPENER}|dear\b|to\b|hello\b|hi\b)[^\s.:?!;,]+(?:[ \t]+[^\s.?!;:]+){{0,15}}\.?",
    re.I,
)
# a title over a letter or a page: a few words with no stop, no colon and no question mark at the end
_TITLE_LINE = re.compile(r"[^\s.:?!;,]+(?:[ \t]+[^\s?!;:]+){0,7}(?<![.:?!;,])")


# a published page's record of the request, a field over its value ('- Published' over '- 28 October 2024',
# 'FOI reference' over 'FOI/202400433041', 'Date received', 'Date responded', 'Directorate'): gov.scot's FOI releases
_RECORD_NAME = re.compile(
    r"^(?:[-*\u2022]\s*)?(?:published|last\s+updated|directorate|part\s+of|topics?|(?:foi|foisa|eir)\s+reference|"
    r"reference|date\s+(?:received|responded|of\s+(?:request|response))|responded|received)\s*:?$",
    re.I,
)


def _without_page_record(lines: list[str]) -> list[str]:
    """The lines above a page's request heading without its record: each field name and the value under it."""
    out, skip = [], False
    for line in lines:
        if _RECORD_NAME.match(line):
            skip = True
            continue
        if skip and len(line) <= 80:
            skip = False
            continue
        skip = False
        out.append(line)
    return out


def _body_lines(text: str) -> list[str]:
    """The lines that can hold questions: without the salutation and anything from the sign-off on."""
    out = []
    lines = text.split("\n")
    # a letter's heading above the greeting (sender, date, the authority's address, a subject line) asks nothing
    greeting = next(
        (i for i, line in enumerate(lines[:40]) if DEAR.match(line) or _GREETING.match(line)), None
    )
    # a request's page on WhatDoTheyKnow: its title, who made it, and its status ('The request was partially
    # successful.') stand above the greeting, however long the title and whatever it says
    status = next(
        (i for i, line in enumerate(lines[: greeting or 0]) if _PAGE_STATUS.match(line.strip())), None
    )
    if greeting and status is not None:
        lines = lines[status + 1 :]
        greeting -= status + 1
    # (a title of a few words over the letter names its subject, 'Expenditure on byways', and asks nothing)
    # (and a request's title on its page, one line, perhaps twice, of up to sixteen words that opens no sentence of
    # the writer's: 'Number of neonatal deaths and serious incidents and complaints' / 'Dear ...')
    heading_lines = {line.strip() for line in lines[: greeting or 0] if line.strip()}
    page_title = len(heading_lines) == 1 and bool(_PAGE_TITLE.fullmatch(next(iter(heading_lines))))
    if greeting and not any(
        "?" in line
        or (_LABEL.match(line) and not re.match(r"\s*-{2,}", line))
        or (_asks(line) and not _TITLE_LINE.fullmatch(line.strip()) and not page_title)
        for line in lines[:greeting]
    ):
        lines = lines[greeting:]
    # a published request's page: its title and record ('Pupil exclusions 2019-2023', 'Reference: 23-24403', a date,
    # 'Information request and response under ...') above a heading that says the request starts here
    heading = next((i for i, line in enumerate(lines[:25]) if _PAGE_HEADING.match(line.strip())), None)
    if heading:
        above = _without_page_record([line.strip() for line in lines[:heading] if line.strip()])
        if len(above) <= 6 and all(len(line) <= 200 and "?" not in line for line in above):
            lines = lines[heading + 1 :]
    for i, line in enumerate(lines):
        if (
            (m := SIGN_OFF.match(line))
            and len(line) < 80
            and not _LABEL.match(line)
            and _ends(m.group("tail"))
        ):
            if any(o.strip() for o in out) and not _asks_below(lines[i + 1 :]):
                break
            continue  # 'Thank you for your reply.' above the request: a courtesy, not the end
        if _SIGNATURE_RULE.match(line):
            if any(o.strip() for o in out) and not _asks_below(lines[i + 1 :]):
                break  # '--' above an e-mail signature
            continue  # a rule with nothing above it, or with the request below it, ends nothing
        if DEAR.match(line) or _GREETING.match(line):
            continue
        if _IDENTITY_LINE.match(line) or _record_field(line):
            continue
        if _PLACEHOLDERS_ONLY.fullmatch(line.strip()):  # the requester's name, address, ... removed
            if line.strip().startswith("[NAME]") and not _asks_below(lines[i + 1 :]):
                break  # signed with no sign-off word: the request ends here
            continue
        out.append(line.rstrip())
    return out


_LEAD = re.compile(
    r"^(?:and|also|lastly|finally|additionally|further(?:more)?|secondly|thirdly|again|then|specifically|if\s+possible|"
    r"approximately|roughly|"
    r"in addition)\b[,:]?\s+",
    re.I,
)
# an ask inside a sentence: "If you hold X, please also supply it", "... I would be grateful if you could send"
_ASK_INSIDE = re.compile(
    r"\b(?:please(?:\s+(?:also|could\s+you|can\s+you|would\s+you|kindly))?\s+(?:supply|provide|"
    + _SEND
    + r"|disclose|tell|"
    r"confirm|list|release|give|let\s+me\s+know|advise|share|state|forward|explain|clarify|indicate|specify|"
    r"direct\s+me|point\s+me|find\s+out)|"
    r"(?:could|can|would)\s+you(?:\s+please)?(?:\s+also)?\s+(?:supply|provide|find\s+out|"
    + _SEND
    + r"|tell|confirm|list|release|give|"
    r"let\s+me\s+know|advise|share|state|disclose|explain|clarify|indicate|specify|outline|describe|identify|"
    r"direct\s+me|point\s+me)|"
    r"i\s+would\s+(?:also\s+)?be\s+(?:further\s+|also\s+)?grateful\s+if\s+you\s+(?:could|would)(?:\s+(?:also|kindly))?\s+(?:supply|provide|"
    + _SEND
    + r"|tell|confirm|"
    r"let\s+me\s+know|disclose|share|release|advise|inform\s+me|explain|clarify|state|list)|"
    r"i(?:'m|\s+am)\s+writing\b[^.?!]{0,80}?\bto\s+request\s+(?:a|an|the|all|any|cop(?:y|ies)|details)\s+(?!following\b)|"
    r"(?:please\s+)?(?:may|could|can)\s+i\s+(?:please\s+)?"
    r"(?:have|receive|request|see|obtain)|"
    # 'If ... is prohibited on the grounds of confidence, I ask that you supply me with copies of the agreement'
    r"(?:i|we)\s+(?:would\s+)?ask\s+that\s+you\s+(?:also\s+)?(?:supply|provide|send|disclose|release)\b|"
    r"i\s+am\s+writing\s+to\s+(?:make\s+a\s+)?request\b.{0,120}\b(?:for|cop(?:y|ies)"
    r"\s+of|details\s+of)|i\s+(?:hereby\s+)?request\s+(?:that|a\s+copy|copies|all|any|details|information|access)|"
    r"^(?:during|in|for|over|across|of|from|between|since)\b[^.?!]{0,60}\bhow\s+(?:many|much)\b)\b",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:(?:if\s+possible,?\s+)?(?:can|could|would)\s+(?:this|it|the\s+(?:information|data|response))\s+(?:please\s+)?"
    r"be\s+(?:presented|provided|sent|supplied)\s+(?:in|as|via|by|electronically)\b|"
    r"please\s+(?:provide|send|supply|release)\s+(?:the|this|your)\s+(?:information|response|reply|data)\s+"
    r"(?:in|by|as|"
    r"electronically|via)|if\s+(?:it\s+is\s+not\s+possible|you\s+(?:need|require|have|are\s+unable|cannot)|this\s+"
    r"request\b|my\s+request\b|any\s+(?:of|part)(?![^.]*\b(?:public\s+domain|published|publicly\s+available|"
    r"available\s+online)\b)|the\s+(?:cost|request)\b)|i\s+look\s+forward|i\s+would\s+prefer|"
    r"please\s+(?:also\s+)?(?:contact|acknowledge|confirm\s+receipt)|thank|"
    # 'Could you also confirm receipt of my email.', 'Can you please acknowledge this request?': the handling (S7)
    r"(?:please\s+)?(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:also\s+)?(?:kindly\s+)?(?:confirm\s+(?:the\s+)?"
    r"receipt|acknowledge\s+(?:receipt|(?:this|my|the)\s+(?:request|e-?mail|letter)))|i\s+would\s+be\s+grateful\s+if\s+you\s+could\s+"
    r"(?:provide|send)\s+(?:answers|the\s+information|a\s+response|this|your\s+response)\s+(?:via|by|in|as|"
    r"electronically))",
    re.I,
)
_LEAD_IN = re.compile(
    # '... in each of the categories listed below.': the list under it says what is asked for
    r"\b(?:the\s+following|as\s+follows|(?:listed|set\s+out|detailed|outlined)\s+below)\b",
    re.I,
)
# "If this exceeds the cost limit, please supply ... instead": how to narrow the request, not another question
_IF_LIMIT = re.compile(
    r"^(?:if|should)\b.{0,200}\b(?:exceed|cost limits?|appropriate limit|section 12|too (?:costly|expensive|"
    r"large|broad|far|long|much|many)|not possible|unable to|cannot|(?:a|any) (?:problem|difficulty|issue)s? "
    r"(?:with|in|obtaining|getting|retrieving|finding))"
    # 'If the Council does not yet hold ..., please instead ...': a fallback, not another question
    r"|^if\b[^,.]{0,150}\b(?:(?:is|are)\s+not\s+(?:yet\s+)?(?:available|held|recorded)|(?:does|do)\s+not\s+"
    r"(?:yet\s+)?(?:hold|record|have))\b[^,.]*(?:,|\s+then\b)"
    # 'For example, if you only have figures pertaining to the last year, please provide these.': what to send if
    # less is held, a fallback for the question above
    r"|^(?:for\s+example,?\s+)?if\s+(?:you\s+)?only\s+(?:have|hold|record|keep)\b[^.?!]*,\s*(?:then\s+)?please\s+"
    r"(?:provide|send|supply|give)\s+(?:these|those|this|that|them|it|what)\b"
    # 'If you do not use the grades 1-3 system, please provide the equivalent figures for the system you use': the
    # same figures in the body's own terms, a fallback for the questions, not another question
    r"|^if\b[^,.?]{0,150}\b(?:do|does|did)\s+not\s+(?:use|operate|apply|follow|categori[sz]e|classify|grade|measure)\b"
    r"[^,.?]*,[^.?!]*\b(?:equivalent|instead|alternative|comparable|nearest)\b"
    # 'If no information is held, ...', 'If the data is held in another format, ...'
    r"|^if\s+(?:no|none\s+of\s+(?:the|this))\b[^,.]{0,80}\b(?:is|are)\s+(?:held|recorded|available)\b"
    r"|^if\b[^,.]{0,120}\b(?:held|recorded|kept|stored|available)\s+in\s+(?:a\s+)?(?:different|another|other|"
    r"an?\s+other)\s+(?:form|format|way)",
    re.I,
)


# 'I am writing to make a request under the Freedom of Information Act for information held by the Council.':
# that it is a request, not what it asks for
_GENERIC_PREAMBLE = re.compile(
    r"^(?:i\s+am\s+writing\s+to\s+(?:you\s+)?(?:under\s+[^,.?!]{1,80}?\s+)?(?:to\s+)?(?:make|submit|request)|i\s+(?:would\s+like\s+to\s+|wish\s+to\s+)?"
    r"(?:make|submit)\s+a\s+request|this\s+is\s+a\s+request|i\s+am\s+requesting\s+(?:some\s+)?information|"
    r"i\s+am\s+(?:requesting|asking\s+for)\s+(?:this|it|the\s+following)(?:\s+information)?\s+under)\b"
    r"(?:(?!\b(?:about|regarding|relating|concerning|copy|copies|details|number|list|on\s+the|of\s+the|dataset|data\s+on)\b)"
    r"[^?])*$",
    re.I,
)


# that a request is made under an Act, and nothing of what it asks ('I am seeking this information under freedom of
# information legislation.', 'I would like to make an Environmental Information Request under The Environmental
# Information Regulations 2004.', 'I am requesting information from your organisation under the provisions of the
# Freedom Of Information Act 2000.'): preamble (S7)
_UNDER_THE_ACT = re.compile(
    r"^(?:i|we)\s+(?:am\s+|are\s+|would\s+like\s+to\s+|wish\s+to\s+)?(?:seek(?:ing)?|request(?:ing)?|ask(?:ing)?\s+for|"
    r"make|making|submit(?:ting)?)\s+(?:(?:this|the|some|an?|my)\s+)?(?:(?:freedom\s+of\s+information|foi|eir|"
    r"environmental\s+information)\s+)?(?:information|request)(?:\s+(?:from|of)\s+(?:your|the)\s+\w+)?\s+under\s+"
    r"(?:the\s+)?(?:provisions\s+of\s+(?:the\s+)?)?[^.?!,:]{0,80}?\b(?:act|legislation|regulations)\b(?:\s+\d{4})?"
    r"(?:\s*\([^()]*\))?\s*[.!]?$",
    re.I,
)


# a sentence that opens like a question but tells: 'When I visited the site, the gates were locked.'
_STATEMENT_OPENING = re.compile(
    r"^(?:which\s+is\s+(?:why|how)|what\s+happened|who\s+knows|whether\s+or\s+not\b[^,]*,|"
    # what the writer wants said as a statement ('What we want to gather is a national picture of ...')
    # (not what the writer wants to know: 'What I want to know is how many ...' asks)
    r"what\s+(?:i|we)\s+(?:want|wish|hope|aim|are\s+trying|am\s+trying)\s+to\s+(?!(?:know|find|see|ask|request|"
    r"receive|obtain|understand|learn|establish|have|get)\b)\w+\b[^,?]{0,40}?\s(?:is|are)\s|"
    r"(?:when|where|while|whilst)\b[^,?]{0,120},\s*(?:the|i|we|there|it|this|they|he|she|my|our|a|an|residents|"
    r"people|you)\b)",
    re.I,
)
# a thing asked for named at the start ('The number of ...', 'Details of ...', 'Any information ...')
_NAMED_THING = re.compile(
    r"^(?:the\s+|a\s+|your\s+|any\s+)?(?:total\s+|average\s+|annual\s+|overall\s+)?(?:any|all|"
    + _THINGS
    + r")\b",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|had|will|would|may|might|must|rose|fell|increased|decreased|"
    r"remains|seems|appears|"
    # what a named thing tells ('The figures published in your report show a rise.')
    r"shows?|showed|suggests?|suggested|indicates?|indicated|states|says|said|reveals?|revealed|"
    r"demonstrates?|demonstrated|means)\b",
    re.I,
)


def _states(s: str) -> bool:
    """'The number of complaints has risen since 2019.': a thing named at the start, then a verb that tells
    something about it (not one inside a clause that says which things: 'The number of complaints that were upheld')."""
    if s.endswith("?") or not _NAMED_THING.match(s):
        return False
    m = _FINITE.search(s)
    if m and not re.search(
        r"\b(?:that|which|who|whom|where|when|if|whether|how|what|to|for|you|i|we)\b", s[: m.start()], re.I
    ):
        return True
    # '... published on your website does not include the appendix': a negated verb tells, unless inside a clause
    # that says which things ('The number of applications that were not approved')
    m = _NEGATED.search(s)
    return bool(m) and not re.search(
        r"\b(?:that|which|who|whom|where|when|if|whether|how|what)\b", s[: m.start()], re.I
    )


_NEGATED = re.compile(
    r"\b(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would)(?:\s+not|n't)\b|\bcannot\b", re.I
)


# what the requester asks of the process, not of the records: advice and assistance on narrowing the request
# (section 16: 'please provide advice and assistance as to how I can refine my request'), or 'any information
# held by your organisation regarding my request' (a catch-all under a list, asking for nothing named)
_ABOUT_THE_REQUEST = re.compile(
    r"^(?=.*\badvice\s+and\s+assistance\b)(?=.*\b(?:(?:my|this|the)\s+request|refine\w*|narrow\w*|section\s+16|me|I)\b)"
    r"|\bany\s+information\s+held\s+by\s+(?:your|the)\s+\w+\s+(?:regarding|relating\s+to|about|concerning|on)\s+"
    r"(?:my|this)\s+request\b",
    re.I,
)


# what the requester asks of the handling of the request rather than of the records: which exemption a refusal
# relies on, how the request could be refined, that what can be released is released first
_ABOUT_THE_REPLY = re.compile(
    r"\b(?:exemptions?|exceptions?)\s+(?:applies|apply|(?:is|are|was|were)\s+(?:applied|relied\s+(?:up)?on|used)|"
    r"relied\s+(?:up)?on|you\s+(?:rely|are\s+relying|have\s+relied)\s+on)\b"
    r"|\b(?:refine|narrow|clarify)\s+(?:my|this|the)\s+request\b|\b(?:my|this|the)\s+request\s+(?:could|can|might|"
    r"should|would)\s+be\s+(?:refined|narrowed|clarified|reduced)\b"
    r"|\b(?:release|provide|send|disclose)\s+(?:the\s+)?(?:(?:available|remaining)\s+(?:information|data|parts)|"
    r"rest\s+of\s+the\s+(?:information|data|request)|remainder)\b"
    # that the request arrived (S7): 'I would be grateful if you would confirm in writing that you have received this
    # request', 'please acknowledge receipt of this request'
    # ('confirm in writing/by email that you have received this request')
    r"|\bconfirm\s+(?:(?:in\s+writing|by\s+e-?mail)(?:\s*(?:/|or|and)\s*(?:in\s+writing|by\s+e-?mail))?\s+)?"
    r"(?:that\s+)?(?:you\s+have\s+)?(?:received|receipt\s+of)\s+"
    r"(?:this|my|the)\s+(?:request|e-?mail|letter)\b|\backnowledge\s+(?:receipt\s+of\s+)?(?:this|my)\s+(?:request|e-?mail)\b"
    # how redactions were applied to the reply (S7): 'Please indicate if and how you have done that.'
    r"|\b(?:if|whether)\s+(?:and\s+how\s+)?you\s+have\s+(?:done\s+(?:that|so|this)|redacted|applied\s+(?:any\s+)?"
    r"redactions?)\b|\bhow\s+(?:the\s+|any\s+)?redactions?\s+(?:were|was|have\s+been|are)\s+(?:applied|made)\b"
    # when to answer (S7: the response deadline): 'if you could please provide me with the information before the 20
    # working days', 'please send your response within the statutory deadline'
    r"|\b(?:provide|send|give|supply)\s+(?:me\s+|us\s+)?(?:with\s+)?(?:the|this|a|your)\s+(?:information|response|reply|"
    r"answers?)\s+(?:before|within|by|ahead\s+of|in\s+less\s+than)\b[^.?!]{0,40}\b(?:working\s+days|deadline|"
    r"statutory|time\s+limit)\b"
    # the reasons for a refusal, asked for in case of one (S7): 'If you do not intend to release this information
    # then please give a full explanation of why'
    r"|^if\s+(?:you\s+(?:do\s+not|don't)\s+(?:intend|plan|propose)\s+to\s+(?:release|disclose|provide)|"
    r"(?:any|some|part|all)\s+(?:of\s+)?(?:this|the)\s+(?:information|request)\s+(?:is|are)\s+(?:withheld|refused|"
    r"exempt))\b"
    # an offer to clarify or reword (S7): 'Any queries, please let me know.', 'Should you need any clarification ...,
    # please let me know', '... please let me know in case I can reword it.'
    r"|^(?:any|if\s+you\s+have\s+any)\s+(?:queries|questions)\b[^.?!]{0,20}\b(?:let\s+me\s+know|contact\s+me)\b"
    r"|^(?:should|if)\s+you\s+(?:require|need|want|have)\s+(?:any\s+)?(?:further\s+)?(?:clarification|queries)\b"
    r"|\blet\s+me\s+know\b[^.?!]{0,20}\bso\s+(?:that\s+)?I\s+can\s+(?:reword|rephrase|refine|narrow|clarify)\b"
    r"|\blet\s+me\s+know\s+in\s+case\s+I\s+can\s+(?:reword|rephrase|refine|narrow|clarify)\b"
    # the medium of the reply (S7): 'Please can I have the response electronically.', 'I would like this information
    # sent as electronic copies.'
    r"|\b(?:have|receive|get)\s+(?:the|your|this)\s+(?:response|reply|information|data)\s+(?:electronically|"
    r"by\s+e-?mail)\s*[.!]?$"
    r"|\b(?:this|the)\s+(?:information|response|reply|data)\s+(?:sent|provided|supplied)\s+(?:to\s+me\s+)?"
    r"(?:as|in|by)\s+(?:electronic|an?\s+electronic|e-?mail)\b[^.?!]{0,20}[.!]?$"
    # when (S7): 'I request that you release information as soon as possible.'
    r"|\b(?:release|provide|send)\s+(?:the\s+|this\s+)?information\s+as\s+soon\s+as\s+possible\s*[.!]?$"
    # WhatDoTheyKnow's note on a late reply, kept with the request's text
    r"|^(?:the\s+)?response\s+to\s+this\s+request\s+is\s+(?:long\s+)?(?:overdue|delayed)\b",
    re.I,
)
# a heading of a page or form, not an ask: 'Information requested', 'Details of enquiry'
_HEADING_ONLY = re.compile(
    r"^(?:information\s+requested|details\s+of\s+(?:the\s+|your\s+)?(?:enquiry|request)|request\s+details|"
    r"(?:your|the|foi|eir)\s+request|enquiry|request)\s*:?$",
    re.I,
)


# where to find what is already published, asked for in place of the information ('If any of it is in the public
# domain, please direct me to it', 'If this is published as open data, please supply the location'): how the reply
# is to be made (a link), not a question (S7)
_POINTER_ASK = re.compile(
    r"^if\b[^.?!]{0,160}\b(?:published|public\s+domain|publicly|available\s+(?:online|on\s+(?:your|the)\s+"
    r"website)|on\s+(?:your|the)\s+website|open\s+data)\b[^.?!]*\b(?:links?|urls?|location|direct\s+me|"
    r"point\s+me|signpost|where\b)",
    re.I,
)


def _asks(sentence: str) -> bool:
    s = _LEAD.sub("", sentence.strip().strip('"“”').replace("’", "'"))
    if (
        not s
        or _PLEASANTRY.match(s)
        or _CLOSING.match(s)
        or _GENERIC_PREAMBLE.match(s)
        or _UNDER_THE_ACT.match(s)
        or _POINTER_ASK.match(s)
        or _HEADING_ONLY.match(s)
    ):
        return False
    if (
        not s.endswith("?")
        and (_ABOUT_THE_REQUEST.search(s) or _ABOUT_THE_REPLY.search(s))
        or _REFINE_ASK.search(s)
    ):
        return False
    if (
        _LEAD_IN.search(s)
        and "," in s
        and not _LEAD_IN.search(head := s.rsplit(",", 1)[0])
        and len(head.split()) >= 8
        # '... documents held by the Authority, or the Service, that contain information on the following topics:':
        # a clause on the thing asked for goes on after the comma, and the whole is the lead-in
        and not re.match(r"\s*(?:that|which|whose)\b", s.rsplit(",", 1)[1], re.I)
    ):
        return _asks(head)
    if (_LEAD_IN.search(s) and not re.search(r":\s*\S+(?:\s+\S+){2,}", s)) or _IF_LIMIT.match(s):
        return False
    if (m := _ONLY_THOSE.search(s)) and not _asks(s[: m.start()].rstrip(" ,;-")):
        return False
    if s.endswith("?"):
        return True
    if _BARE_ASK.search(s):  # 'please provide' cut off before the list it introduces asks nothing by itself
        return False
    if _WHERE_LEAD.match(s) and not _ASK_INSIDE.search(
        s
    ):  # 'Where it states "...".': what the next one asks about
        return False
    if _PREAMBLE.search(s) or re.search(r"(?:,|\bfor\s+example,?|\be\.g\.,?|\bsuch\s+as)\s*$", s, re.I):
        return False
    if _STATEMENT_OPENING.match(s) or _states(s):
        return False
    if _ASK_START.match(s) or _ASK_INSIDE.search(s):
        return True
    # 'The total number (and FTE if different) of transfers ...': an aside in brackets between the thing named
    # and what it is of
    bare = _ASIDE.sub("", s)
    return bare != s and bool(_ASK_START.match(bare))


# what narrows the questions asked to a part ('We realise some councils buy for others, so please just show those
# you control?', '... so please only provide data for the years where this was so.'): their scope (S7), no question
_ONLY_THOSE = re.compile(
    r"(?:^|,\s*|\bso\s+|\bthen\s+)please\s+(?:just|only)\s+(?:show|include|provide|give|list|report|count)\b",
    re.I,
)
# an ask with no object, the words of a lead-in to a list ('please provide', 'could you tell me')
_BARE_ASK = re.compile(
    r"\b(?:provide|supply|send|tell|give|disclose|release|confirm|know|request|like|advise)"
    r"(?:\s+(?:me|us))?(?:\s+with)?(?:\s+(?:the\s+)?following)?\s*$",
    re.I,
)
_ASIDE = re.compile(r"[ \t]*\([^()]{1,80}\)(?=[ \t]+(?:of|on|for|in|about)\b)")


_ABBREVIATION = re.compile(
    r"\b(?:e\.g|i\.e|etc|no|nos|vs|approx|incl|para|s|sec|ref|mr|mrs|ms|dr|st)\.$", re.I
)


def _sentences(paragraph: str) -> list[str]:
    text = re.sub(r"\s+", " ", paragraph).strip()
    # (a question written in lower case after a '?' starts a sentence too: '... on display? what database ...')
    parts = re.split(
        r"(?<=[?.!])[\"”’]?\s+(?=[\"“(]?[A-Z0-9])|(?<=\?)\s+(?=(?:how|what|which|when|where|who|why)\s)", text
    )
    out: list[str] = []
    for p in (p.strip() for p in parts):
        if not p:
            continue
        if out and (
            _ABBREVIATION.search(out[-1])
            or out[-1].count("(") > out[-1].count(")")
            or re.search(r"(?:^|[\s:])\(?\d{1,2}[.)]$", out[-1])
        ):  # "... disclosure: 1." is a label
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _tidy(text: str) -> str:
    """A question's wording without an unbalanced quotation mark the requester put around the whole request."""
    text = text.strip()
    for left, right in (("“", "”"), ('"', '"')):
        if text.startswith(left) and text.count(left) + text.count(right) == 1:
            text = text[1:].lstrip()
        if text.endswith(right) and text.count(left) + text.count(right) == 1:
            text = text[:-1].rstrip()
    return text


def _style(m: re.Match) -> tuple[str, str, str]:
    """(style, kind, key) of a line label. The style tells the levels of a list apart ('1.' vs 'a)' vs 'i.' vs
    '-' vs 'o'); kind is num, alpha, roman or bullet; key is '2', '2a', 'b', 'iii' or ''."""
    if m.group("kw"):
        return "kw", "num", m.group("kw") + (m.group("kwsub") or "").lower()
    if m.group("sq"):
        return "[]", "num", m.group("sq")
    if m.group("sec"):
        if m.group("secsub"):
            return "sec-sub", "roman", m.group("secsub").lower()
        return "sec", "dec", m.group("sec").lower()
    if m.group("dec"):
        whole, _, part = m.group("dec").partition(".")
        if part == "0":  # '1.0 How many officers ...' over '1.1 ...': item 1, the decimals its parts
            return "dec0", "num", whole
        return "dec", "dec", m.group("dec")
    if m.group("cmp"):  # '3.b.i': the depth its parts give, the kind and key of its last part
        parts = m.group("cmp").lower().split(".")
        last = parts[-1]
        kind = "roman" if last in _ROMAN and (len(parts) > 2 or last not in "abcdefgh") else "alpha"
        return f"cmp{len(parts)}", kind, last
    if m.group("num"):
        punct = "()" if m.group("po") else m.group("np").strip()[:1]
        return f"num{punct}", "num", m.group("num") + (m.group("numsub") or "").lower()
    if m.group("paren"):
        key = m.group("paren").lower()
        kind = "roman" if key in _ROMAN and key not in ("v", "x") else "alpha"
        return f"{kind}()", kind, key
    if m.group("roman"):
        return f"roman{m.group('rp')}", "roman", m.group("roman").lower()
    if m.group("letter"):
        return f"alpha{m.group('lp')}", "alpha", m.group("letter").lower()
    return f"bullet{m.group('bullet')}", "bullet", ""


@dataclass
class _Item:
    style: str
    kind: str
    key: str
    text: str
    raw: str  # as written, with its label (for a breakdown folded into its question)
    depth: int = 0
    head: str = ""  # its own words, when a breakdown under it was folded into its text

    @property
    def own(self) -> str:
        return self.head or self.text


def _new_ask(line: str, above: str) -> bool:
    """'Please also provide your staffing policy.' under an item that ended its sentence: another question,
    not the rest of that item."""
    text = line.strip()
    return (
        above.rstrip().endswith((".", "?"))
        and not _CONTINUATION.match(text)
        and bool(
            re.match(
                r"(?:please\s+(?:can\s+you\s+|could\s+you\s+)?also|(?:could|can|would)\s+you\s+also|"
                r"i\s+would\s+also\s+like|additionally|in\s+addition)\b",
                text,
                re.I,
            )
        )
        and (_asks(text) or text.endswith(":"))  # 'Please also provide:' above a list of its own
    )


# a breakdown that applies to every entry of a list above it: 'For each of the following periods:'
_LIST_BREAKDOWN = re.compile(
    r"^(?:(?:and|please\s+provide\s+(?:this|these|the\s+above)|please\s+give\s+(?:this|these))\s+)?"
    r"(?:for|in)\s+each\s+(?:of\s+)?(?:the\s+)?following\b[^.?!]*:$",
    re.I,
)


def _breaks_down_list(lines: list[str], n: int, item: _Item) -> bool:
    """'For each of the following periods:' under the last entry of a bulleted list, with entries of the same
    bullet under it: a breakdown for the whole list (its values a list of their own), not the last entry's
    words."""
    if item.kind != "bullet" or not _LIST_BREAKDOWN.match(lines[n].strip()):
        return False
    nxt = next((b for b in lines[n + 1 : n + 5] if b.strip()), "")
    m = _LABEL.match(nxt)
    return bool(m) and m.group("bullet") is not None and item.style == f"bullet{m.group('bullet')}"


def _heading(lines: list[str], n: int, above: str) -> bool:
    """A short capitalised line with no closing stop under an item that ended its sentence, or with a list under
    it ('Clarifications to minimise effort', 'Definition'): a heading, not the end of the item above it."""
    text = lines[n].strip()
    if not (len(text.split()) <= 6 and text[:1].isupper()):
        return False
    nxt = next((b for b in lines[n + 1 : n + 20] if b.strip()), "")
    return not re.search(r"[.,;:?!)]$", text) and (
        bool(_LABEL.match(nxt)) or above.rstrip().endswith((".", "?", "!"))
    )


def _sentence_after_values(out: list[_Item | str], item: _Item, line: str) -> bool:
    """A whole sentence on the line under the last of a list of bullets that each name a value ('- The Benefit Cap' /
    '- Universal Credit roll-out' / 'I understand that under section 16 there is a duty to assist me.'): a paragraph
    of its own that lost the blank line above it, not the rest of the last value (a value that short never wraps)."""
    text = line.strip()
    above = out[-2] if len(out) > 1 else None
    return (
        item.kind == "bullet"
        and isinstance(above, _Item)
        and above.style == item.style
        and _is_value(above.text)
        and _is_value(item.text)
        and not re.search(r"[.:;?!]$", item.text)
        and text[:1].isupper()
        and len(text.split()) >= 8
        # a sentence, or sentences the last of which lost its stop ('... not to provide links to databases. If this
        # is essential, ... Web Content Accessibility Guidelines WCAG 2.0')
        and (text.endswith((".", "!", "?")) or len(_sentences(text)) > 1)
    )


def _numbers_decimals_below(lines: list[str], n: int, key: str) -> bool:
    """Whether the next labelled line below line ``n`` is a decimal under number ``key`` ('3.1' under '3.')."""
    for line in lines[n + 1 :]:
        m = _LABEL.match(line)
        if m:
            return m.group("dec") is not None and m.group("dec").split(".")[0] == key
    return False


# '1. a) Why is the appendix not published, and' over 'b) If it is not published how ...': a number with no words
# of its own, its first lettered part written on the same line
_NUMBER_OVER_LETTER = re.compile(
    r"^(?P<number>[ \t]*\(?\d{1,2}[.)])[ \t]+(?P<part>(?P<po>\()?(?P<letter>[a-hA-H])(?(po)\)|[.)]))[ \t]+(?=\S)"
)
# that number, put on a line of its own: the label of an item with no words
_LONE_NUMBER = re.compile(
    r"^\s*(?P<po>\()?(?P<num>\d{1,2})(?P<np>[.)])\s*$(?P<kw>)?(?P<kwsub>)?(?P<sq>)?(?P<sec>)?(?P<secsub>)?(?P<dec>)?"
    r"(?P<cmp>)?(?P<numsub>)?(?P<paren>)?(?P<roman>)?(?P<letter>)?(?P<bullet>)?"
)


def _number_over_letters(lines: list[str]) -> tuple[list[str], set[int]]:
    """'1. a) Why ...' with 'b) If ...' the next item below it: the number's first lettered part is put on a line of
    its own, so that a) and b) are read as the two parts of item 1, b) no part of a). The numbers so set apart are
    returned too (read as labels with no words; a number alone on a line is otherwise no label). A list numbered
    and lettered on every line ('11. (a) ...' / '12. (b) ...') is left as it is."""
    out: list[str] = []
    lone: set[int] = set()
    for n, line in enumerate(lines):
        m = _NUMBER_OVER_LETTER.match(line)
        if m and m.group("letter").lower() == "a":
            below = next((b.lstrip() for b in lines[n + 1 :] if _LABEL.match(b)), "")
            letter = m.group("letter")
            part = m.group("part").replace(letter, chr(ord(letter) + 1))
            if re.match(rf"{re.escape(part)}[ \t]+\S", below):
                lone.add(len(out))
                out.append(m.group("number"))
                indent = line[: len(line) - len(line.lstrip())]
                out.append(indent + line[m.start("part") :])
                continue
        out.append(line)
    return out, lone


def _blocks(lines: list[str]) -> list[_Item | str]:
    """The request as labelled items (each with its depth in the list) and paragraphs of prose between them.
    Unlabelled lines continue the item above them, up to a blank line (after one, only a breakdown such as
    'Please break this down by year' does) or a closing line ('I look forward ...')."""
    lines, lone = _number_over_letters(lines)
    out: list[_Item | str] = []
    styles: list[str] = []
    indents: dict[str, int] = {}  # how far each bullet level is indented
    blank_since = closed = False
    last_item: _Item | None = None
    for n, line in enumerate(lines):
        if not line.strip():
            blank_since = True
            if out and isinstance(out[-1], str) and out[-1]:
                out.append("")  # a paragraph break
            continue
        m = _LABEL.match(line) or _LONE_LABEL.match(line) or (_LONE_NUMBER.match(line) if n in lone else None)
        if m and not (
            m.group("bullet") in ("o", ">") and last_item is None
        ):  # 'o' is a bullet only in a list
            style, kind, key = _style(m)
            if kind == "roman" and key in ("i", "v", "x") and last_item is not None:  # h), i): a letter
                prev = next(
                    (it for it in reversed(out) if isinstance(it, _Item) and it.kind == "alpha"), None
                )
                if prev is not None and prev.style.endswith(style[-1:]) and ord(prev.key) + 1 == ord(key):
                    style, kind = prev.style, "alpha"
            numbered = [s for s in styles if s.startswith(("num", "kw", "[]"))]
            if kind == "num" and numbered and style not in styles:
                style = numbered[0]  # '1.' then '2)' is one list
            if kind == "bullet" or (kind in ("num", "alpha", "roman") and style in indents):
                # the same bullet indented further under a bullet is a level of its own ('- How many ...' then
                # '    - How many by camera?'); so is a numbered list that starts again at 1 indented under an item
                # ('  1. Number of spaces, broken down by: /    1. Staff bays'); back at an indent already seen, the
                # level of that indent
                indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
                levels = [(v, indents[v]) for v in styles if v.split("^")[0] == style and v in indents]
                same = next((v for v, at in levels if abs(at - indent) <= 1), None)
                if same:
                    style = same
                elif (
                    levels
                    and indent >= max(at for _, at in levels) + 2
                    and (kind == "bullet" or key in ("1", "a", "i"))
                ):
                    style = levels[-1][0] + "^"
                indents.setdefault(style, indent)
            elif kind in ("num", "alpha", "roman"):
                indents.setdefault(style, len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip()))
            if style in styles:
                depth = styles.index(style)
                del styles[depth + 1 :]
            elif kind == "num" and "dec" in styles and _numbers_decimals_below(lines, n, key):
                # '3. Policy and training' over '3.1 ...' after a list that began at '1.1' with no '1.' above it:
                # the level above the decimals, not a level under the last of them
                depth = styles.index("dec")
                styles[depth:] = [style, "dec"]
                del styles[depth + 1 :]
            else:
                styles.append(style)
                depth = len(styles) - 1
            last_item = _Item(style, kind, key, line[m.end() :].strip(), line.strip(), depth)
            out.append(last_item)
            blank_since = closed = False
        elif (
            last_item is not None
            and out
            and out[-1] is last_item
            and not closed
            and not blank_since
            and line[:1] in " \t"
            and (last_item.text.endswith(":") or last_item.style == "lost")
            and len(line.split()) <= 15
        ):
            # indented lines under an item ending in a colon: a list whose bullet glyph was lost in copying
            if "lost" in styles:
                depth = styles.index("lost")
                del styles[depth + 1 :]
            else:
                styles.append("lost")
                depth = len(styles) - 1
            last_item = _Item("lost", "bullet", "", line.strip(), line.strip(), depth)
            out.append(last_item)
        elif (
            last_item is not None
            and out
            and out[-1] is last_item
            and not closed
            and (
                not blank_since or _CONTINUATION.match(line.strip()) or not last_item.text
            )  # "Request 1" alone
            and not _heading(lines, n, last_item.text)
            and not _new_ask(line, last_item.text)
            and not _breaks_down_list(lines, n, last_item)
            and not _sentence_after_values(out, last_item, line)
        ):
            if (
                _CLOSING.match(line.strip())
                or _IF_LIMIT.match(line.strip())  # what to do if it cannot
                or _scope_kind(line.strip()) == "format"
            ):  # how to send it ("Please provide this as a CSV.")
                closed = True
                out.append(line.strip())
                continue
            if not last_item.text:  # the question under a label alone on its line goes on as if no blank came
                blank_since = False
            last_item.text = (last_item.text + " " + line.strip()).strip()
            last_item.raw = (last_item.raw + "\n" + line.strip()).strip()
        else:
            if (
                last_item is not None
                and out
                and out[-1] is last_item
                and line.strip().endswith(":")
                and _new_ask(line, last_item.text)
            ):
                styles = []  # 'Please also provide:' under a list: the list under it is a list of its own
            if out and isinstance(out[-1], str):
                out[-1] = (out[-1] + "\n" + line.strip()).strip("\n") if out[-1] else line.strip()
            else:
                out.append(line.strip())
    return _without_wordless(out)


def _without_wordless(blocks: list[_Item | str]) -> list[_Item | str]:
    """Items with no words ('1.' over 'a) ...' / 'b) ...', 'Question 1' over its lettered parts) are dropped; the
    items under one move up a level, so that its parts are siblings, not each a part of the one before (S3a)."""
    out: list[_Item | str] = []
    lifted: list[int] = []  # the depths of the wordless items whose parts are being read
    for block in blocks:
        if isinstance(block, _Item):
            while lifted and block.depth <= lifted[-1]:
                lifted.pop()
            if not block.text:
                lifted.append(block.depth)
                continue
            block.depth -= len(lifted)
        out.append(block)
    return out


def _fold_value_lists(blocks: list[_Item | str]) -> list[_Item | str]:
    """A list of values hanging off a sentence ('... at the following prisons: * HMP X * HMP Y') is part of
    that sentence's question, not a list of questions."""
    out: list[_Item | str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        j = i
        while j < len(blocks) and isinstance(blocks[j], _Item):
            j += 1
        run = blocks[i:j]
        prev = next((b for b in reversed(out) if not (isinstance(b, str) and not b)), None)
        asks = isinstance(prev, str) and prev and (_sentences(prev) or [""])[-1]
        if asks and asks.endswith(":") and not _asks(asks):
            above = [b for b in out[: out.index(prev)] if isinstance(b, str) and b]
            last = (_sentences(above[-1]) or [""])[-1] if above else ""
            if len(asks.split()) <= 6:
                # a short lead under the ask ('I am asking for the credentials of the following: / All members of: /
                # 1. The Executive 2. The Court'): the ask is the sentence above it
                asks = last if last.endswith(":") else asks
            elif re.search(r"[-\u2013\u2014,]$", last) and _ASK_START.match(_LEAD.sub("", last)):
                # the rest of an ask cut off by a dash or a comma over a blank line ('I would like to request all
                # e-mails, notes ... and any other communications -' / 'Between any officer ... and the Club, to
                # include:' / names): the ask is the sentence above it
                asks = last
        values = bool(
            asks
            and (
                _ASK_START.match(_LEAD.sub("", asks))
                or _ASK_INSIDE.search(asks)
                or asks.endswith("?")
                or _LIST_BREAKDOWN.match(asks)  # 'For each of the following periods:' under a list
                # '..., broken down as follows:': what the information asked for is broken down into (S2)
                or _BROKEN_DOWN_PROSE.search(asks)
            )
            and all(_is_value(it.text) for it in run)
            # headings over the entries under them ('A. Exclusions (annual):' / '• Permanent exclusions: counts by
            # phase.'): groups of things asked for, not values of one figure
            and not any(
                a.text.rstrip().endswith(":") and b.depth > a.depth for a, b in itertools.pairwise(run)
            )
            # 'I am requesting information you hold on the following topics: 1) ... 2) ...': each topic a body of
            # information of its own, answered apart (S1, S2b), not values of one figure
            and not _TOPICS_LEAD.search(asks)
        )
        # the fields asked for each record ('For each incident please disclose: / The time / The nature of the
        # incident, as reported ...'), however long, while none asks a question of its own or names a figure (a figure
        # under 'For each of your sites:' is a question: S2b, S2c)
        fields = bool(
            asks
            and _EACH_LEAD.search(asks)
            and all("?" not in it.text and not _asks(it.text) and not _FIGURE.search(it.text) for it in run)
        )
        # the fields the data asked for is to hold, under a lead that says so ('I would like this data to include the
        # following information: / 1. How each device was lost / 2. Whether it was encrypted'): the first entries
        # that name no figure of their own and ask nothing with a '?' outside brackets are the question's fields; an
        # entry after them that asks a figure ('5. How many were found') stays a question (S2, S2b)
        if asks and not (values or fields) and _DATA_FIELDS_LEAD.search(asks):
            k = 0
            while k < len(run) and _field_entry(run[k].text):
                k += 1
            if k >= 2:
                j, run = i + k, run[:k]
                fields = True
        if (
            run
            and (values or fields)
            # 'Please also provide: - your enforcement policy - the CCTV code': things asked for, each its own
            and not all(_THING_ASKED.match(it.text) for it in run)
        ):
            k = len(out) - 1 - out[::-1].index(prev)
            out[k] = prev + " " + " ".join(it.raw for it in run)
            del out[k + 1 :]
            i = j
            continue
        out.append(block)
        i += 1
    return out


_TOPICS_LEAD = re.compile(
    r"\b(?:information|documents|records|data|material)\b[^.?!:]{0,40}\b(?:on|about|regarding|relating\s+to|"
    r"concerning)\s+(?:each\s+of\s+)?the\s+following\s+(?:topics|subjects|issues|matters)\b",
    re.I,
)


# a lead in prose that says the information it names is broken down into the entries below it ('You asked for
# information on delayed discharges, broken down as follows:', '..., split by:')
_BROKEN_DOWN_PROSE = re.compile(
    r"\b(?:broken|split|separated|divided)\s+(?:down\s+|up\s+)?(?:as\s+follows|in\s+the\s+following\s+way|by|into|"
    r"between|per)\s*:\s*$",
    re.I,
)


# a lead-in whose list follows in the same sentence ('Please provide the following information: The number ...')
_LIST_FOLLOWS = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^:.?!]*:\s*\S", re.I)
# a list entry that names a thing ('The current shortfall between ...', 'The types of accommodation used (e.g. ...).')
_NAMED_ENTRY = re.compile(r"^(?:the|a|an|any|all|your|details|copies|a\s+list)\s+\w", re.I)
# what a named thing's clauses and brackets say is left out before looking for a verb that tells
_MAIN = re.compile(
    r"\([^()]*\)|\b(?:that|which|who|whom|where|when|if|whether|used|paid|held|broken)\b.*$", re.I
)
_TELLS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|may|might|must|should|can|could|am)\b", re.I
)


# a sentence saying what the data asked for is to hold ('I would like this data to include the following information:',
# '... in a spreadsheet with the following field categories:')
_DATA_FIELDS_LEAD = re.compile(
    r"\b(?:include|with|contain|show|display)\s+the\s+following\s+(?:information|fields|columns|headings|details|"
    r"field\s+categories|data)\b[^:?.]{0,40}:\s*$"
    # 'The list needs to contain the following:': what the list, register or dataset asked for is to hold
    r"|\b(?:list|register|dataset|data|spreadsheet|table|extract)\s+(?:(?:needs?|has|have|ought)\s+to\s+|should\s+|"
    r"must\s+|to\s+|will\s+|would\s+)?(?:also\s+)?(?:include|contain|show|display|hold)\s+the\s+following\s*:\s*$",
    re.I,
)


def _field_entry(text: str) -> bool:
    """A field named by a noun or a clause ('Value', 'Amount paid', 'Whether it was encrypted'), not an entry that
    asks of its own ('Please provide ...') or counts ('How many were found', 'The number of ...')."""
    bare = re.sub(r"\([^()]*\)", "", text)
    return (
        len(bare.split()) <= 20
        and "?" not in bare
        and not _FIELD_ASKS.match(bare)
        and not re.search(r"\bhow\s+(?:many|much)\b|\bnumber\s+of\b", bare, re.I)
    )


# the words an entry that asks of its own opens with, a verb or a request ('Please provide ...', 'Can you ...', 'Is
# there ...'); a field may open with a question word ('Whether it was encrypted'), an entry of its own with either
_ASK_VERBS = (
    r"please|kindly|can|could|would|will|may|do|does|did|is|are|was|were|has|have|provide|list|give|supply|send|"
    r"tell|confirm|state|explain|describe"
)
_FIELD_ASKS = re.compile(r"^\W*(?:" + _ASK_VERBS + r")\b", re.I)


# a lead for the fields of each record a request asks for ('For each incident please disclose:', 'In each case:')
_EACH_LEAD = re.compile(r"\b(?:for|in|of)\s+(?:each|every)\b[^:?]{0,120}:\s*$", re.I)


# a list entry that names a thing the requester asks for, by its determiner ('your ...', 'a copy of ...'), or as
# 'the' and a kind of record or figure of something, a word or two describing it ('The planned dates of ...')
_THING_ASKED = re.compile(
    r"(?:your|a\s+copy\s+of|copies\s+of|any|all)\s+\w|the\s+(?:[a-z][\w-]*\s+){0,2}" + _THINGS + r"\s+of\b",
    re.I,
)


# documents searched for, each existing apart from the records a lead names ('Please, for each scheme, would you
# disclose: a. any report that provides the meeting minutes ... b. any reports on the efficacy ...'): questions (S2b)
_DOCUMENTS_SOUGHT = re.compile(
    r"^\W*(?:any|all|copies\s+of|a\s+copy\s+of)\s+(?:(?:of\s+)?(?:the\s+)?[a-z-]+\s+)?(?:reports?|minutes|documents?|"
    r"documentation|correspondence|e-?mails?|letters?|papers?|briefings?|assessments?|reviews?|evaluations?|"
    r"studies|analys[ie]s|records?|notes?)\b",
    re.I,
)


def _is_breakdown(parent: _Item, subs: list[_Item]) -> bool:
    """Sub-items that only say how to break the parent's figures down ('for each of the following years:
    a. 2015-16 b. 2016-17'): they stay in the parent question."""
    if not subs:
        return False
    # the fields each record of the data asked for is to include ('details of each incident. Please include: -
    # Date - Location - Total number of casualties'): the columns of one question, whether or not a field reads
    # like an ask
    if _FIELDS_LEAD.search(parent.text) and all(len(s.own.split()) <= 30 and "?" not in s.own for s in subs):
        return True
    # the fields of each record, under a lead that ends the item ('For each, I would like the following information:
    # - The name of the company - The date ...'), while none asks of its own or names a figure (S2c), as for a lead
    # in prose above a list (`_fold_value_lists`)
    if _EACH_LEAD.search(parent.own) and all(
        "?" not in s.own
        and not _FIGURE.search(s.own)
        and not _DOCUMENTS_SOUGHT.match(s.own)
        and (not _ASKS_ITSELF.match(s.own) or _FIELD_CLAUSE.match(s.own))
        for s in subs
    ):
        return True
    # what to give of each member of a set the item names as it ends ('b) For each species of animal used in 2013,' /
    # 'i) The name of the species' / 'ii) The number of animals of that species used', 'c) ... the following
    # information for the five pupils with the longest journeys:' / 'i) how long was their journey?'): every entry
    # speaks of one member ('the species', 'that species', 'their', 'them'), so they are the fields of one question
    # (S2c: each pupil, each case), however they ask, unless one counts a part of the set ('how many of these')
    if _members_described(parent.own, subs):
        return True
    # the categories a figure is broken down into, under a lead that says so ('Number of spaces, broken down by: 1.
    # Staff bays 2. Patient bays 3. Total number of spaces'), while none asks of its own (S2)
    if _BROKEN_DOWN_LEAD.search(parent.own) and all(
        "?" not in s.own and not _ASKS_ITSELF.match(s.own) for s in subs
    ):
        return True
    # the lead's own sentence run on through its items ('how many breaches were reported by: a) members of the
    # public? b) and how many by staff?', 'how many; (a) were upheld?; (b) were not upheld?', 'what total number were
    # awarded through I. Open processes? II. Grants in aid?'): the items finish it, in lower case or as the groups of
    # its count, none asking or naming a figure of its own: one sentence and one question (S5c, S2d)
    if _RUN_ON_LEAD.search(parent.own) and all(
        s.style != "also"
        and (re.match(r"[a-z0-9]", s.own) or not (_ASKS_ITSELF.match(s.own) or _FIGURE.search(s.own)))
        for s in subs
    ):
        return True
    # what the item's own closing statement lists ('... coded by clinical priority. The priority categories are:'):
    # the definitions it explains the question with, not questions, while none asks of its own (S8)
    last = (_sentences(parent.own) or [""])[-1]
    if (
        _STATEMENT_LEAD.search(last)
        and not _asks(last)
        and not _ASKING_LEAD_IN.search(last)
        and all("?" not in s.own and not _ASKS_ITSELF.match(s.own) for s in subs)
    ):
        return True
    if not all(_is_value(s.own) for s in subs):
        return False
    # periods or places to break a figure down by ('a. April 2015 to March 2016'), or a parent that asks for the
    # figure 'for each of' them; categories of a figure the parent asks for ('how much was spent on: a. new works
    # b. maintenance', 'how many resulted in: a) an investigation b) a notice served'), whatever marks they carry
    # (S2, S2b); other categories, unless they name a state of the records each
    return (
        all(_BREAKDOWN_VALUE.search(s.own) for s in subs)
        or bool(_FOR_EACH.search(parent.text))
        or bool(_FORMAT_LEAD.search(parent.text))  # the formats to send it in
        or bool(_FIGURE.search(parent.text))
        or not any(_STATES.search(s.own) for s in subs)
    )


_FIGURE = re.compile(r"\b(?:how\s+(?:many|much)|number\s+of|total|amount|cost|spend|spent)\b", re.I)

# an item that ends naming the set whose members the entries under it describe: 'For each species of animal used ...,',
# '... the following information for the five pupils with the longest journeys:'
_MEMBERS_LEAD = re.compile(
    r"\bfor\s+(?:each|every|the\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty))\s+"
    r"(?P<noun>[a-z]{3,})\b[^.?!:;]*[,:]\s*$",
    re.I,
)
# a part of the set counted, not a member described: 'How many of these were ...?', 'Of those, how many ...'
_PART_OF_SET = re.compile(
    r"\b(?:how\s+many|which|what\s+number|what\s+proportion)\s+of\s+(?:these|those|them)\b|"
    r"^\W*of\s+(?:these|those|them)\b",
    re.I,
)


def _members_described(lead: str, subs: list[_Item]) -> bool:
    """Whether every one of two or more entries speaks of one member of the set ``lead`` ends by naming ('for each
    species ...,': 'the species', 'that species'; 'for the five pupils ...:': 'their', 'them')."""
    m = _MEMBERS_LEAD.search(lead)
    if not m or len(subs) < 2:
        return False
    stem = re.escape(re.sub(r"(?:ies|es|s)$", "", m.group("noun").lower())[:6])
    member = re.compile(
        rf"\b(?:the|that|this|each|every|those|these)\s+(?:[a-z-]+\s+)?{stem}\w*|\b(?:their|they|them|its|those)\b",
        re.I,
    )
    return all(member.search(s.own) and not _PART_OF_SET.search(s.own) for s in subs)


# a statement that ends by listing what something is ('The clinical priority categories are:')
_STATEMENT_LEAD = re.compile(r"\b(?:are|is|were|was)\s*:\s*$", re.I)
# a question cut off before who or what its figure is of, by or for ('how many breaches have been reported by:'), or
# before the periods marked inside its sentence ('how many incidents were recorded in (i) 2018/19 (ii) 2019/20'), or
# right after its 'how many' ('Of the cases taken to court, how many;')
_RUN_ON_LEAD = re.compile(
    r"\b(?:how\s+(?:many|much)|what\s+(?:total\s+)?number)\b(?:[^.?!:]*\b(?:by|from|between|to|for|in|at|on|with|of|"
    r"through|via)|\s+(?:were|are|was|have\s+been|had\s+been))?\s*[:;]?\s*$",
    re.I,
)
# a lead that ends an item by naming what its figure is broken down into ('Number of spaces, broken down by:')
_BROKEN_DOWN_LEAD = re.compile(
    r"\b(?:broken|split|separated|divided)\s+(?:down\s+|up\s+)?(?:by|into|between|per)\b[^.?!:]{0,60}:\s*$",
    re.I,
)
# an entry that asks of its own, by a verb or a question word ('Please provide ...', 'Can you ...', 'What ...'), not a
# field named by a noun ('The name of the company')
_ASKS_ITSELF = re.compile(
    r"^\W*(?:" + _ASK_VERBS + r"|had|how|what|which|who|whom|whose|when|where|why)\b",
    re.I,
)


# a field of each record written as a clause in lower case, with no '?' ('how long it has been there', 'when it was
# installed', 'where it is sited'): what to give for each, not a question of its own
_FIELD_CLAUSE = re.compile(r"^\W*(?:how\s+long|when|where|what|which|who|whether)\s+[a-z]")


_FIELDS_LEAD = re.compile(
    r"\b(?:please\s+include(?:\s+(?:in|for|with)\s+each\b[^.?!:]{0,60})?|to\s+include|(?:should|must)\s+include(?:\s+the\s+following\s+(?:fields|columns|headings|details)\b[^:.?!]{0,40})?|including|with\s+the\s+following\s+"
    r"(?:fields|columns|details)|(?:fields|columns)(?:\s+required)?)\s*:",
    re.I,
)


# what makes a list entry a statement of a category to count rather than a name ('confirmed as reportable once
# reviewed', 'Improvement notice served', 'decision to investigate'): a participle or an infinitive
_STATES = re.compile(
    r"\b(?!(?:hundred|speed|need|feed|breed|greed|indeed|seed|bleed|embed)\b)[a-z]{3,}ed\b|"
    r"\b(?:sought|made|held|taken|given|paid|sent|brought|found|kept|lost|spent|won|done|seen|known|"
    r"shown|told|bought|caught|left|withdrawn|upheld|written|granted)\b|\bto\s+(?!(?:the|a|an|and|or|"
    r"date|be)\b)[a-z]{3,}\b"
)


_BREAKDOWN_VALUE = re.compile(
    rf"^\W*(?:(?:broken\s+down\s+|split\s+|separated\s+)?by\s|per\s|(?:(?:in|for|during|from|between|the)\s+)?"
    rf"(?:(?:19|20)\d\d|(?:{_MONTHS})\b|q[1-4]\b|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|(?:financial|calendar|academic)\s+year))",
    re.I,
)
_FOR_EACH = re.compile(
    r"\b(?:for|in)\s+each\s+of\s+the\s+following|\beach\s+of\s+the\s+following\s+(?:years|periods|"
    r"months|areas|wards|boroughs|sites|prisons|hospitals|schools)|\bfor\s+the\s+following\s+(?:years|"
    r"periods|months|financial\s+years|calendar\s+years)|\bin\s+the\s+(?:following\s+)?years\b",
    re.I,
)


def _is_value(text: str) -> bool:
    """A list entry that names a value rather than asks ('Directors', 'KML file;', 'April 2015 to March 2016')."""
    short = re.sub(
        r"\([^()]*\)", "", text
    )  # 'Postcode (or the smallest area at which ... , etc)' names a field
    # a value with the values it takes in listed after a colon ('Emails to/from any of the following: A, B, C'): the
    # value is the words before the colon
    short = re.sub(r":\s*[^:.?!;]+(?:,[^:.?!;,]+){2,}$", "", short)
    return len(short.split()) <= 12 and not _asks(short) and "?" not in text


def _fold_breakdowns(items: list[_Item]) -> list[_Item]:
    """Sub-items that only break their parent's figure down, folded into it, the deepest first ('a) the number
    received which were: i. confirmed ii. not confirmed' under '1. Total number of reports, broken down as
    follows:' is one question)."""
    out: list[_Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        j = i + 1
        while j < len(items) and items[j].depth > item.depth:
            j += 1
        subs = _fold_breakdowns(items[i + 1 : j])
        if not subs and item.kind == "num" and item.key.isdigit():
            # '(2) Of these concerns, how many were received via the following referrals:' / '(2a) From members of the
            # public' / '(2b) ...': items numbered with its own number and a letter, in the same style, are its
            # sub-items
            k = j
            while (
                k < len(items)
                and items[k].depth == item.depth
                and items[k].kind == "num"
                and re.fullmatch(rf"{item.key}[a-z]", items[k].key)
            ):
                k += 1
            lettered = [
                _Item(s.style, s.kind, s.key, s.text, s.raw, item.depth + 1, s.head) for s in items[j:k]
            ]
            if len(lettered) >= 2 and _is_breakdown(item, lettered):
                subs, j = lettered, k
        if subs and all(s.depth == item.depth + 1 for s in subs) and _is_breakdown(item, subs):
            out.append(
                _Item(
                    item.style,
                    item.kind,
                    item.key,
                    " ".join([item.text] + [re.sub(r"\s*\n\s*", " ", s.raw) for s in subs]),
                    "\n".join([item.raw] + [s.raw for s in subs]),
                    item.depth,
                    item.text,
                )
            )
        else:
            out.append(item)
            out.extend(subs)
        i = j
    return out


# an item that only asks for a breakdown of a figure by a named dimension ('1a) If possible, please break this down by
# age', 'Q1c. A breakdown by gender', 'Are you able to break these numbers down into rank?')
_BREAKDOWN_ASK = re.compile(
    r"^(?:if\s+possible\b,?\s*|if\b[^,?]{0,80},\s*)?(?:(?:please|kindly|also|can|could|would|will|are|is|it|you|be|able|to|possible)"
    r"[\s,]+)*(?:break(?:\s*down)?|split|breakdown|separate)\b[^.?!]{0,60}?\b(?:by|into|between|according\s+to)\b"
    r"|^(?:a|the|and\s+a)?\s*(?:further\s+)?break\s?down\s+(?:by|into|between|according\s+to)\b"
    r"|^(?:a|the)\s+break\s?down\s+of\b[^.?!]*\b(?:by|into|between|under|in\s+the\s+following)\b"
    # 'Breakdown of spending on different types of accommodation': the dimension named as the kinds of a thing
    r"|^(?:(?:a|the)\s+)?break\s?down\s+of\b[^.?!]*\b(?:different|various|the\s+various)\s+(?:types|kinds|"
    r"categories|forms)\s+of\b"
    # the kinds the figure above splits into, listed ('a. Please list a breakdown of the reasons why' under 'How many
    # patients have been physically restrained ...')
    r"|^(?:please\s+)?(?:list|provide|give|include|supply)\s+(?:me\s+)?(?:with\s+)?(?:a|the)\s+break\s?-?down\s+of\s+"
    r"(?:the\s+)?(?:reasons?|types?|causes?|categories|kinds?|outcomes?)\b",
    re.I,
)


def _breakdown_only(text: str, top: bool = False) -> bool:
    """Whether an item only asks for its question's figures broken down by a named dimension (S2a); ``top``: a
    top-level item, which must also say it breaks down the figures above ('that total', 'these numbers', S2e)."""
    sentences = _sentences(text)
    if not sentences or _ASKS_MORE.search(text):
        return False
    if top:
        return bool(_SPLITS_ABOVE.match(sentences[0]))
    return bool(_BREAKDOWN_ASK.match(sentences[0]) or _SPLITS_ABOVE.match(sentences[0]))


# a breakdown of the figures asked for above: 'How was that total split between ...?', 'Please break the figures in
# the answer to Q2 down by ...', 'Can you please break these numbers down into ...'
_SPLITS_ABOVE = re.compile(
    r"^(?:if\s+possible\b,?\s*|if\b[^,?]{0,80},\s*)?(?:(?:please|kindly|also|can|could|would|will|you|be|able|to)"
    r"[\s,]+)*(?:break(?:\s*down)?|split|separate)\s+(?:down\s+)?(?:that|this|these|those|the\s+(?:above\s+)?"
    # the figures or costs asked for above, by a dimension or 'as above' ('please break down the monthly costs as above')
    r"(?:(?:monthly|annual|yearly|weekly|quarterly|total)\s+)?(?:figures?|numbers?|totals?|data|answers?|costs?|"
    r"amounts?))\b[^.?!]{0,80}?\b(?:by|into|between|according\s+to|as\s+(?:above|before|requested))\b"
    r"|^how\s+(?:was|were|is|are)\s+(?:that|this|these|those|the)\s+(?:total|figure|number|amount|spend)s?\s+"
    r"(?:split|broken\s+down|divided)\b"
    # a lead-in that splits the count above, with the groups under it ('(2) Of this total: - Number of boys - ...',
    # '1. The breakdown of these children in educational categories:'): breakdown values of that count (S2d)
    r"|^(?:of\s+(?:this|these|those|that|the\s+above)(?:\s+(?:total|number|figure|amount)s?)?|(?:a|the)\s+"
    r"break\s?down\s+of\s+(?:this|these|those|that|the\s+above)\b[^.?!]*)\s*[:,-]?\s*$"
    # the same as an item of its own that names its dimension ('2. A breakdown of these placements by gender and age
    # group for the past five years.', '- A breakdown of the above spend by clinical specialty (e.g. ...).')
    r"|^(?:a|the)\s+break\s?down\s+of\s+(?:this|these|those|that|the\s+above)\b[^?!]*?\b(?:by|into|between|"
    r"according\s+to)\b"
    # the same figures for another period or area ('Please supply the same information for the former ward', 'Can
    # you give me the same for the 12 months before that?'): a breakdown value (S2a)
    r"|^(?:(?:please|kindly|can|could|would|will)\s+(?:you\s+)?(?:please\s+)?(?:also\s+)?(?:give|provide|supply|send|"
    r"tell)\s+(?:me\s+|us\s+)?(?:with\s+)?)?(?:the\s+)?same\s+(?:the\s+)?(?:information|figures?|data|details|"
    r"numbers?|breakdown)?\s*(?:for|in|about|covering)\b"
    # the figures above broken down, pointed back to by 'in the data' or 'these' ('2. Please include a break down of
    # types of vehicle in the data (car, bus/coach, ...)', '2) Please break down how these were dealt with.')
    r"|^(?:please\s+)?(?:also\s+)?(?:include|provide|give)\s+a\s+break\s?-?down\s+of\b[^.?!]{0,80}\bin\s+(?:the|this|"
    r"these|that)\s+(?:data|figures?|numbers?|totals?)\b"
    r"|^(?:please\s+)?(?:also\s+)?break\s+(?:down\s+)?(?:how|why|where|when)\s+(?:these|those|they|this|that|it)\b",
    re.I,
)


# a period named in an item ('in 2018', '2019/20', 'April 2021', 'the financial year 2017-18')
_PERIOD = re.compile(
    rf"\b(?:(?:19|20)\d{{2}}(?:\s*[/-]\s*(?:19|20)?\d{{2}})?|{_MONTHS})\b",
    re.I,
)


def _period_mask(text: str) -> str:
    return " ".join(_PERIOD.sub("#", text.casefold()).split()).rstrip(".?;: ")


def _fold_other_periods(items: list[_Item]) -> list[_Item]:
    """An item that only asks for the same figure as the item before it for another period ('1. The number of
    libraries closed in 2017.' '2. The number of libraries closed in 2018.') is a breakdown value of that question
    (S2a, as the guide's last pass confirmed), not a question: its period is added to the question's words."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        mask = _period_mask(item.text)
        if (
            prev is not None
            and item.depth == prev.depth
            and item.kind == prev.kind
            and len(mask.split()) >= 4
            and mask == _period_mask(prev.head or prev.text)
            and item.text != (prev.head or prev.text)
        ):
            periods = ", ".join(m.group(0) for m in _PERIOD.finditer(item.text))
            prev.head = prev.head or prev.text
            also = prev.text.rstrip()
            prev.text = (
                f"{also[:-1]}, {periods})"
                if also.endswith(")") and "(also " in also
                else f"{also} (also {periods})"
            )
            prev.raw = f"{prev.raw}\n{item.raw}"
            continue
        out.append(_Item(item.style, item.kind, item.key, item.text, item.raw, item.depth, item.head))
    return out


# an entry asking for the names of a set of things ('Names of taxi companies used', 'A list of the contractors')
_NAMES_OF = re.compile(
    r"^\W*(?:the\s+|a\s+)?(?:names?|list)\s+of\s+(?:the\s+|all\s+)?(?P<set>[a-z]+(?:\s+[a-z]+)?)\b", re.I
)


def _fold_member_fields(items: list[_Item]) -> list[_Item]:
    """Entries after one asking for the names of a set of things that each describe every member of that set ('Names
    of taxi companies used' / 'Number of journeys made by each taxi company' / 'Taxi companies’ rates per mile'):
    fields of the records the names entry asks for (S2c): no questions of their own. A names entry that asks for a
    figure too ('The names of recycling centres and the number of days each centre was closed') is one of a list of
    figures: the entries after it that give a figure for each member ask for figures of their own (S1)."""
    out: list[_Item] = []
    names: tuple[_Item, re.Pattern[str]] | None = None
    for item in items:
        if names is not None and item.depth == names[0].depth and names[1].search(item.own):
            continue  # no entry of its own, the names entry's words as they are (as labelled, S4d)
        if names is not None and item.depth < names[0].depth:
            names = None
        m = _NAMES_OF.match(item.own)
        figure_too = m is not None and bool(_FIGURE.search(re.sub(r"\([^()]*\)", "", item.own[m.end() :])))
        if m and m.group("set").lower().endswith("s") and item.kind == "bullet" and not figure_too:
            plural = m.group("set")
            singular = re.sub(r"ies$", "y", plural) if plural.lower().endswith("ies") else plural[:-1]
            names = (
                item,
                re.compile(rf"\beach\s+{re.escape(singular)}\b|\b{re.escape(plural)}[\u2019']", re.I),
            )
        out.append(item)
    return out


def _fold_following_values(items: list[_Item]) -> list[_Item]:
    """Values numbered on as items of their own under an item that asks about 'the following' ('1. Are the following
    entitled to free parking - indicate Y or N' / '2. -disabled people' / '3. frequent outpatient attenders'): the
    values of that item's question (S2), as a list under it would be, while each only names a value."""
    out: list[_Item] = []
    for item in items:
        lead = out[-1] if out else None
        if (
            lead is not None
            and lead.depth == item.depth
            and _THE_FOLLOWING.search(lead.head or lead.text)
            and not (lead.head or lead.text).rstrip().endswith(":")
            and _is_value(item.text.lstrip("-\u2013 "))
            # an item whose words stop at a preposition and a colon ('- The total spend by the Trust on:') with the
            # values that end it as entries of their own at its depth ('- Locum staffing' / '- Agency staffing'):
            # an indent lost, a few words each, no stop
            or lead is not None
            and lead.depth == item.depth
            and _OPEN_LEAD.search(lead.head or lead.text)
            and _SHORT_VALUE.fullmatch(item.text.strip())
        ):
            lead.head = lead.head or lead.text
            lead.text = f"{lead.text} {item.raw}"
            lead.raw = f"{lead.raw}\n{item.raw}"
            continue
        out.append(_Item(item.style, item.kind, item.key, item.text, item.raw, item.depth, item.head))
    return out


_OPEN_LEAD = re.compile(r"\b(?:on|of|for|in|by|from|to|between)\s*:\s*$", re.I)
_SHORT_VALUE = re.compile(r"[A-Za-z][^.?!:;]{0,40}")
# an item that asks of values it does not list itself ('Are the following entitled to ...', 'Which of the following')
_THE_FOLLOWING = re.compile(
    r"\b(?:are|is|do|does|did|have|has|which\s+of|how\s+many\s+of)\s+the\s+following\b", re.I
)


def _fold_repeated_asks(asks: list[str]) -> list[str]:
    """Asks that repeat one or two sentences with only a number or period changed ('The total number of Category 1
    calls attended within the allocated time.' / '... that took longer ...' / 'The total number of Category 2 calls
    ...'), four or more in a row, are one figure broken down (S2a, S2d): one question, in their words. (Two in a row
    differing by period only are left apart: no labelled request decides them.)"""
    masks = [" ".join(re.sub(r"\d+", "#", _period_mask(a)).split()) for a in asks]
    out: list[str] = []
    i = 0
    while i < len(asks):
        seen: list[str] = [masks[i]]
        j = i + 1
        while j < len(asks) and (
            masks[j] in seen or (len(seen) < 2 and masks[j].split()[:4] == masks[i].split()[:4])
        ):
            if masks[j] not in seen:
                seen.append(masks[j])
            j += 1
        if j - i >= 4 and j - i >= 2 * len(seen) and "#" in masks[i] and len(masks[i].split()) >= 4:
            out.append(" ".join(asks[i:j]))
            i = j
            continue
        out.append(asks[i])
        i += 1
    return out


_AS_ABOVE = re.compile(r"\bas\s+(?:above|before|requested)\b", re.I)

# an item that asks only for 'a breakdown of' a figure, named in words of its own ('If available, please provide a
# breakdown of the number of notifications you receive from other channels in 2023.', 'I would also request a
# breakdown of the council's total costs, for the same period, if ...')
_BREAKDOWN_OF = re.compile(
    r"^(?:(?:if|where)\s+(?:available|possible)\b,?\s*)?(?:(?:please|kindly|also|can|could|would|will|you|i|we|"
    r"like|to)\s+)*(?:provide|give|supply|send|request|have)?\s*(?:me\s+|us\s+)?(?:with\s+)?(?:a|the)\s+"
    r"(?:further\s+)?break\s?-?down\s+of\s+(?P<what>[^.?!]+)"
    # the dimension named first ('8. A breakdown by gender of residents in council-funded placements, if held.', '3)
    # What is the gender and ethnic breakdown of the children held overnight.')
    # (not of a figure it names itself: 'A breakdown by species of the numbers of animals used' counts animals)
    r"|^(?:a|the)\s+break\s?-?down\s+by\s+(?:(?!\bof\b)[\w\s,/-]){1,40}?\s+of\s+(?!(?:the\s+)?(?:numbers?|totals?|amounts?)\b)"
    r"(?P<what2>[^.?!]+)"
    r"|^what\s+(?:is|was)\s+the\s+(?:(?!\bof\b)[\w\s,/-]){1,40}?\s+break\s?-?down\s+of\s+"
    r"(?!(?:the\s+)?(?:numbers?|totals?|amounts?)\b)(?P<what3>[^.?!]+)",
    re.I,
)
# words that name no particular figure ('the number of', 'total', 'data')
_PLAIN_WORDS = frozenset(
    re.findall(
        r"\w+",
        "number numbers total totals figure figures amount amounts data information details please provide each "
        "following period year years month months with from that this these those there their which where have been "
        "your receive received",
    )
)


_A_FIGURE = re.compile(
    r"\b(?:how\s+(?:many|much)|numbers?\s+(?:or\s+(?:proportion|percentage)\s+)?of|(?:proportion|percentage)\s+of|totals?|amounts?|costs?|spend(?:ing)?|spent|expenditure|income)\b",
    re.I,
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _PLAIN_WORDS}


def _breakdown_of_above(text: str, above: str) -> bool:
    """Whether an item asks only for a breakdown of the figure the item above asks for, named again in its words (two
    or more of them; a list above is no figure: 'notifications ... from other channels (not ERTs)' under 'notified of through other channels (not
    ERTs)'): that question broken down (S2a), whatever marks it carries, not a figure of its own."""
    sentences = _sentences(text)
    m = _BREAKDOWN_OF.match(sentences[0]) if sentences else None
    return (
        bool(m)
        and bool(
            _A_FIGURE.search(above)
        )  # a figure to break down, not a list ('a list of the agencies used')
        and not _ASKS_MORE.search(text)
        and len(_stems(m.group("what") or m.group("what2") or m.group("what3")) & _stems(above)) >= 2
    )


def _fold_breakdown_asks(items: list[_Item]) -> list[_Item]:
    """An item that only asks for a breakdown of the question it is under (S2a: '1a) If possible, please break down
    by age', nested or labelled as its sub-item) stays inside that question, whatever marks it carries: added to
    the question's words when it stands right under it (or under other such items), else left out (S4d). A
    top-level item that only asks for a breakdown of the one above it ('2. How was that total split between ...?')
    folds into it, with any values listed under it (S2e)."""
    out: list[_Item] = []
    parent_at: dict[int, int] = {}  # depth -> index in out of the last item at that depth
    into: tuple[_Item, int] | None = None  # the question a top-level breakdown went into, and its depth
    for item in items:
        if into is not None and item.depth > into[1]:
            into[0].raw = f"{into[0].raw}\n{item.raw}"
            into[0].text = f"{into[0].text} {item.raw}"
            continue
        into = None
        parent: int | None = None
        if item.depth > 0 and item.depth - 1 in parent_at:
            parent = parent_at[item.depth - 1]
        elif item.kind == "num" and (m := re.fullmatch(r"(\d+)[a-z]", item.key)):
            parent = next(
                (k for k in range(len(out) - 1, -1, -1) if out[k].kind == "num" and out[k].key == m.group(1)),
                None,
            )
        elif (
            item.depth == 0
            and 0 in parent_at
            and (
                _breakdown_only(item.text, top=True) or _breakdown_of_above(item.text, out[parent_at[0]].own)
            )
        ):
            if _AS_ABOVE.search(_sentences(item.text)[0]):
                # '3. Please break down the monthly costs as above': the breakdowns the items above ask for, for
                # several of them, belongs to none (S2a)
                continue
            above = out[parent_at[0]]
            above.head = above.own
            above.text = f"{above.text} {item.raw}"
            above.raw = f"{above.raw}\n{item.raw}"
            into = (above, item.depth)
            continue
        if (
            item.depth == 0
            and item.kind == "num"
            and (m := _BREAKDOWN_OF.match((_sentences(item.text) or [""])[0]))
            and not m.group("what")  # only a dimension named before what it breaks down
            and any(_breakdown_of_above(item.text, out[k].own) for k in range(len(out)) if out[k].depth == 0)
        ):
            # the breakdown of a figure asked further up, not next to it on the page: no entry of its own (S4d)
            continue
        if parent is not None and _breakdown_only(item.text):
            if parent == len(out) - 1 or (
                # under a lead-in that asks nothing itself ('Spending on temporary accommodation:', S3), right after
                # the item it breaks down
                _only_leads(out[parent].own)
                and "?" not in out[parent].own
                and len(_sentences(out[parent].own)) == 1
                and out[-1].depth == item.depth
            ):
                above = out[-1]
                above.head = above.own
                above.text = f"{above.text} {item.raw}"
                above.raw = f"{above.raw}\n{item.raw}"
            continue
        parent_at = {d: k for d, k in parent_at.items() if d < item.depth}
        parent_at[item.depth] = len(out)
        out.append(item)
    return out


_ALSO_ASK = re.compile(
    r"^(?:please\s+(?:can\s+you\s+|could\s+you\s+)?also|(?:could|can|would)\s+you\s+(?:please\s+)?also|"
    r"i\s+would\s+also\s+like|additionally,?\s+please|in\s+addition,?\s+please)\b",
    re.I,
)


# more records named after 'Plus' or 'Also' ('Plus all documentation held about the project?', 'Also copies of the
# minutes.'): a further ask without its verb (S5)
_PLUS_THING = re.compile(
    r"^(?:plus|also|and\s+also)\s+(?:all|any|copies|a\s+copy|details|documents|documentation|correspondence)\b",
    re.I,
)


_IF_POSSIBLE = re.compile(
    r"^(?:if\s+(?:possible|available)|where\s+possible|ideally),?\s+(?=(?:please|could|can|would)\b)", re.I
)


_CONDITION = re.compile(r"^if\s+(?!(?:so|yes|not|no|that|this|these|they|it)\b)[^,?]{5,120},\s*", re.I)
_ALSO_FIRST = re.compile(r"^(?:(?:and\s+)?(?:also|in\s+addition|additionally),?|and)\s+", re.I)


def _further_ask(sentence: str) -> bool:
    """A later sentence of an item that asks for something else (S5), not one that narrows, explains or asks for a
    breakdown of the one before ('If possible please break this down by year', 'Especially, ...'), a follow-up on its
    answer (S4) or how to send it."""
    # 'If possible, please also indicate ...': asked as 'Please also indicate ...' is, only less firmly
    sentence = _IF_POSSIBLE.sub("", sentence)
    plain = _ALSO_ASK.sub("please", sentence)
    if _RECORDS_OF_COUNT.match(sentence):
        return _asks(sentence)
    if _SUBSET_COUNT.match(sentence):  # 'Of these how many were approved?': a count of its own (S5, S2d)
        return True
    return (
        bool(
            _ALSO_ASK.match(sentence)
            or _DIRECT_QUESTION.match(_ALSO_FIRST.sub("", sentence))  # 'Also, how many were dropped ...?'
            # a question asked on a condition of its own, not on the answer before ('If footage of an offence was
            # captured, can the footage be used in court?'): a question (S4a), where 'If so, ...?' is a follow-up (S4)
            or (
                sentence.rstrip().endswith("?")
                and not _FOLLOW_UP.match(sentence)
                and bool(
                    re.match(r"(?:can|could|will|would|should|may)\b", _CONDITION.sub("", sentence), re.I)
                    or _DIRECT_QUESTION.match(_CONDITION.sub("", sentence))
                )
                and _CONDITION.match(sentence) is not None
            )
            or _PLUS_THING.match(sentence)
        )
        and _asks(sentence)
        and not _CONTINUATION.match(plain)
        and not _scope_kind(sentence)
        and not _FOLLOW_UP.match(sentence)
        and not _BREAKDOWN_ASK.match(plain)
        and not _points_back(sentence)
        and not _conditional_ask(sentence)
        # 'Which ones?', 'How many?', 'How many images?' after 'Does the force keep images ...?' ask on about the
        # answer before: a follow-up, said without its 'if so' (S4)
        and len(re.findall(r"\w+", sentence)) > 3
    )


# the list or details of the things a count asks for ('In each case please provide the response', 'Please give the
# name and address of each'): records, not a count (S5d)
_RECORDS_OF_COUNT = re.compile(
    r"^(?:in\s+each\s+case,?\s+|for\s+each(?:\s+\w+){0,3},\s+)?(?:please\s+|could\s+you\s+|can\s+you\s+)"
    r"(?:also\s+)?(?:provide|give|list|supply|state|send\s+me)\s+(?:me\s+)?(?:with\s+)?(?:(?:the|their|a\s+list\s+of)\s+"
    r"(?:names?|details|list|locations?|addresses|dates?|titles?|response|responses|outcomes?|reasons?)\b"
    # the fields of each, named bare ('Please provide date and force complained about.')
    r"|(?:names?|dates?|locations?|addresses)\s+and\s+\w+)",
    re.I,
)


# a part of what the sentence before counts, counted in a sentence of its own ('Of these how many were approved?', 'Of
# those requests, how many were refused?'): a different figure (S5, S2d: 'a lone "how many of these" line')
_SUBSET_COUNT = re.compile(
    r"^(?:and\s+)?of\s+(?:these|those|them|which|this\s+number|that\s+number)(?:\s+[a-z]+){0,3},?\s+"
    r"(?:how\s+many|what\s+(?:number|proportion|percentage))\b[^?.!]*[?.]?$",
    re.I,
)


# a sentence that is a question of its own in its own words ('How many were refused?', 'Is a record kept of ...')
_DIRECT_QUESTION = re.compile(
    # an estimate asked for opens with its adverb ('Approximately how many staff have ...?')
    r"^(?:(?:approximately|roughly|about|around|exactly|precisely)\s+)?"
    r"(?:how|what|which|when|where|who|whom|whose|why|is|are|does|do|did|has|have|was|were)\b",
    re.I,
)


_DASH_ASK = re.compile(
    r"\s*[-\u2013\u2014](?<=\s[-\u2013\u2014]|[a-z][-\u2013\u2014])\s+(?:and\s+)?(?=(?:please|also|could\s+you|can\s+you|"
    r"would\s+you)\b)",
    re.I,
)


_BRACKET_ASK = re.compile(
    r"[ \t]*[(\[][ \t]*(?P<ask>(?:please\s+(?:can\s+you\s+|could\s+you\s+)?also|(?:could|can|would)\s+you\s+"
    r"(?:please\s+)?also)\b[^()\[\]]*?)[.?]?[ \t]*[)\]][.?]?",
    re.I,
)


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _dash_ask(fragment: str) -> bool:
    return (
        _asks(fragment)
        and not _scope_kind(fragment)
        and not _FOLLOW_UP.match(fragment)
        and not _BREAKDOWN_ASK.match(_ALSO_ASK.sub("please", fragment))
    )


def _split_also(items: list[_Item]) -> list[_Item]:
    """'2. How many were cancelled? How many were refunded?': each later sentence of an item that asks for something
    else (S5) is a question of its own, under the item (not a breakdown: 'Please also break this down by year'
    stays). Only for an item with no entries of its own under it."""
    out: list[_Item] = []
    for n, item in enumerate(items):
        deeper = n + 1 < len(items) and items[n + 1].depth > item.depth
        # fragments joined by a dash count as sentences (S5e: '... you are responsible - please provide details of
        # their location', '... led to action - and please specify what action was taken'); so do lines the page
        # ran together (S5b)
        sentences: list[str] = []
        dashed: set[int] = set()
        flat: set[int] = set()
        for piece_no, piece in enumerate(_flattened_lines(item.text)):
            if piece_no:
                flat.add(len(sentences))
            sentences.extend(_pieces_of(piece, dashed, len(sentences)))
        first = next((k for k, sentence in enumerate(sentences) if _asks(sentence)), None)
        cuts = [
            k
            for k, sentence in enumerate(sentences)
            if first is not None
            and k > first
            and (_further_ask(sentence) or k in dashed and _dash_ask(sentence))
        ]
        cuts = sorted(set(cuts) | flat)  # a line run on is an entry of its own, asking or naming (S5b)
        if deeper or not cuts:
            out.append(item)
            continue
        bounds = [0, *cuts, len(sentences)]
        parts = [" ".join(sentences[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        out.append(_Item(item.style, item.kind, item.key, parts[0], item.raw, item.depth))
        out.extend(_Item("also", "bullet", "", part, part, item.depth + 1) for part in parts[1:])
    return out


# a line of a list flattened into the item above it: a capital 'The' straight after a word, no stop between
_FLAT_LINE = re.compile(r"(?<=[a-z0-9)])[ \t]+(?=(?-i:The)[ \t]+[a-z])")


def _flattened_lines(text: str) -> list[str]:
    """'5.3. The process by which footage is deleted e.g. by a manual process or by specialist software The process
    by which footage is tagged for deletion The process by which ... The decision maker as to ...': lines that the
    page ran together, each asking for something else (S5b). Taken only when two or more lines run on so and one of
    them opens with the item's own first words, each of four words or more."""
    opening = text.split()[:3]
    if len(opening) < 3 or opening[0] != "The":
        return [text]
    starts = [m.end() for m in _FLAT_LINE.finditer(text)]
    if len(starts) < 2 or not any(text[at:].split()[:3] == opening for at in starts):
        return [text]
    bounds = [0, *starts, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return pieces if all(len(piece.split()) >= 4 for piece in pieces) else [text]


def _pieces_of(text: str, dashed: set[int], before: int) -> list[str]:
    """The sentences of an item's text, fragments joined by a dash or a bracketed ask counted as sentences (S5e,
    S5a); the index (counted from ``before``) of each such fragment added to ``dashed``."""
    sentences: list[str] = []
    for sentence in _sentences(text):
        # not inside brackets ('(for example: during searches - please specify)'); a bracketed clause that asks
        # for something more counts as a sentence (S5a: '... background? (could you also tell me the total)')
        m = next((m for m in _DASH_ASK.finditer(sentence) if not _open_bracket(sentence[: m.start()])), None)
        b = _BRACKET_ASK.search(sentence)
        if b and b.start() > 0:
            head, *rest = [sentence[: b.start()] + sentence[b.end() :], b.group("ask").strip()]
        else:
            head, *rest = [sentence[: m.start()], sentence[m.end() :]] if m else [sentence]
        sentences.append(head if rest else sentence)
        if rest and head.strip():
            dashed.add(before + len(sentences))
            sentences.append(rest[0])
        elif rest:
            sentences[-1] = rest[0]
    return sentences


def _heading_words(text: str) -> bool:
    """A heading: eight words or fewer from a capital, with no stop, colon, comma or question mark, that neither ask
    nor name a figure or a thing asked for ('Council Tax enforcement actions', 'Fees and charges')."""
    text = text.strip()
    return (
        0 < len(text.split()) <= 8
        and re.match(r"[A-Z]", text) is not None
        and not re.search(r"[.?!:;,]", text)
        and not _ASK_START.match(text)
        and _names_nothing_asked(text)
    )


def _names_nothing_asked(text: str) -> bool:
    """Words that neither ask nor name a figure or a thing asked for ('Council Tax enforcement actions', 'Route
    400')."""
    return not _asks(text) and not _FIGURE.search(text) and not _THING_ASKED.match(text)


def _drop_lead_ins(items: list[_Item]) -> list[_Item]:
    """An item that only introduces the items under it ('1. Please supply', 'For children on your waiting list:',
    'Please confirm:') is no question; the items under it are questions, one level up (S3, S3a). A lead that asks
    something of its own in a separate sentence stays (S3b)."""
    out: list[_Item] = []
    shift: list[int] = []  # the depths of the dropped leads above the items that follow
    for n, item in enumerate(items):
        while shift and item.depth <= shift[-1]:
            shift.pop()
        deeper = n + 1 < len(items) and (
            items[n + 1].depth > item.depth
            # '1. 2024/25 Actuals:' over '1a: Provide the total ...': its sub-items by their numbers
            or bool(item.key)
            and items[n + 1].kind == "num"
            and re.fullmatch(rf"{re.escape(item.key)}[a-z]", items[n + 1].key) is not None
        )
        sentences = _sentences(item.own)
        if deeper and len(sentences) == 1 and "?" not in item.own and _only_leads(sentences[0]):
            shift.append(item.depth)
            continue
        # an item that only gives context for the items under it ('4) In a previous disclosure, the council confirmed
        # that ...' / 'a) How is ... funded?'), none of its sentences asking: no question, its items are (S3, S8)
        if (
            deeper
            and "?" not in item.own
            and item.own.rstrip().endswith((".", '."', ".”"))
            and len(item.own.split()) >= 6
            and not any(_asks(s) for s in sentences)
            and _item_asks(items[n + 1])
        ):
            shift.append(item.depth)
            continue
        # a heading over the questions under it ('1. Council Tax enforcement actions' / 'a. Number of summonses issued',
        # 'Staffing and Roles' / '- What is the total number of ...?'): a few words with no stop, colon or comma that
        # ask nothing and name no figure, over items that each ask or name a thing asked for, names the part of the
        # request they make up; the items are the questions, one level up (S3, S3a)
        # ('6. Complaints' / '6.1 The number of complaints ...' / '6.2 If applicable'): items numbered under the
        # heading's own number ('6.1', '6.2') are its parts whatever each says, so one of them asking is enough
        end = next((k for k in range(n + 1, len(items)) if items[k].depth <= item.depth), len(items))
        kids = [i for i in items[n + 1 : end] if i.depth == item.depth + 1]
        decimals = bool(item.key) and all(i.kind == "dec" and i.key.split(".")[0] == item.key for i in kids)
        if (
            deeper
            and kids
            and _heading_words(item.own)
            and (any if decimals else all)(
                _item_asks(i)
                or _FIGURE.search(i.own)
                or _THING_ASKED.match(i.own)
                or _NAMED_ENTRY.match(i.own)
                for i in kids
            )
        ):
            shift.append(item.depth)
            continue
        # a one-sentence question over items that each name a figure answering it ('5. How many staff do you employ?'
        # / '5.1 Figure for total staff' / '5.2 Figure for WTE total'): the items are the questions, the lead is
        # not (S3)
        end = next((k for k in range(n + 1, len(items)) if items[k].depth <= item.depth), len(items))
        kids = items[n + 1 : end]
        if (
            deeper
            and len(sentences) == 1
            and item.own.rstrip().endswith("?")
            and len(kids) >= 2
            and all(i.depth == item.depth + 1 and _FIGURE_ENTRY.match(i.own) for i in kids)
        ):
            shift.append(item.depth)
            continue
        # a question cut off after its subject written as the first bullet of the list it leads, level with its items
        # ('- In the past year has your council:' / '- Had any floods?' / '- Closed any roads?')
        level = items[n + 1 : n + 3]
        if (
            item.kind == "bullet"
            and (n == 0 or items[n - 1].depth < item.depth)
            and len(level) == 2
            and all(i.depth == item.depth and i.kind == item.kind for i in level)
            and len(sentences) == 1
            and "?" not in item.own
            and _AUXILIARY_LEAD.search(sentences[0])
        ):
            continue
        item.depth -= len(shift)
        out.append(item)
    return out


# an entry that names a figure ('Figure for total staff', 'Number of part-time staff', 'The total headcount')
_FIGURE_ENTRY = re.compile(r"^\W*(?:the\s+)?(?:figures?|numbers?|totals?)\b(?:\s+(?:for|of)\b)?", re.I)


# a question cut off after its subject, its verb in the items below ('In the past year has your council:')
_AUXILIARY_LEAD = re.compile(
    r"\b(?:has|have|does|do|did|is|are|was|were|will)\s+(?:your|the|this|any)\s+[\w\s'’-]{1,40}:\s*$", re.I
)


def _only_leads(sentence: str) -> bool:
    # a colon may carry a footnote mark or a dash after it ('... the total number of:*', 'as follows:-')
    return (
        sentence.rstrip().rstrip("*-").endswith((":", ";"))  # ';' typed for ':' ('the reasons you give;')
        or bool(_BARE_ASK.search(sentence))
        and len(sentence.split()) <= 6
    )


def _same_ask(a: str, b: str) -> bool:
    """The same words, whatever the dashes, 'to' in a range, spacing or punctuation between them."""

    def plain(text: str) -> str:
        text = re.sub(r"(?<=\d)\s*(?:to|[-\u2013\u2014])\s*(?=\d)", "-", text.lower())
        return " ".join(re.findall(r"[\w-]+", text))

    return bool(a.strip()) and plain(a) == plain(b)


# how to fill in a template sent with the request ('Please insert these figures into the supplied Excel template file
# under the column for ...'): the answers asked for above, referred back to, put in a form
_INTO_TEMPLATE = re.compile(
    r"^(?:please\s+)?(?:insert|enter|put|record|add)\s+(?:these|the|this|those|my|your)\s+(?:figures|data|"
    r"information|answers|numbers|responses|details)\s+(?:in|into|onto|on)\b[^.?!]*\b(?:template|spreadsheet|excel|"
    r"csv|table|form)\b",
    re.I,
)


def _without_format(text: str) -> str:
    """An item's words without the sentences after its first that only say how to send the reply ('Please could you
    provide this information in an electronic format and send to this email address.', 'Please insert these figures
    into the supplied Excel template ...', 'Please can I have the response electronically.'): a format instruction is
    no part of the question's text (S8a), nor is any other ask about the handling of the reply (S7)."""
    sentences = _sentences(text)
    kept = sentences[:1] + [
        s for s in sentences[1:] if not (_reply_format(s) or "?" not in s and _ABOUT_THE_REPLY.search(s))
    ]
    return text if len(kept) == len(sentences) else " ".join(kept)


# what a format instruction names: a file type or a medium ('in an electronic format', 'as an Excel spreadsheet')
_FORMAT_WORD = re.compile(
    r"\b(?:formats?|excel|csv|pdf|spreadsheets?|electronic(?:ally)?|e-?mail|xlsx?|machine[- ]readable|digital(?:ly)?|"
    r"templates?|files?)\b",
    re.I,
)


def _reply_format(sentence: str) -> bool:
    """A sentence that only says in what form to send the answers, naming a file type or medium; not one on a
    condition ('If it is not online, then please supply it in an excel format': the record itself asked for)."""
    return bool(_INTO_TEMPLATE.match(sentence)) or (
        _scope_kind(sentence) == "format"
        and bool(_FORMAT_WORD.search(sentence))
        and not re.match(r"\W*if\b", sentence, re.I)
    )


def _without_heading(item: _Item) -> str:
    """An item's words without the heading on its label's line when the ask starts on the next line ('1. Parking
    Income Breakdown' / 'Please provide a breakdown of ...', '2. Applications and licensing decisions' / 'The number
    of driver licence applications:'): the heading names the part of the request, the question's text begins at the
    ask (S8). A heading is a few words with no stop, colon or comma at its end that do not themselves name a thing
    asked for ('Number of complaints received' over a line that narrows it is the question)."""
    first, _, more = item.raw.partition("\n")
    if not more.strip():
        return item.text
    heading = next(
        (first[k:].strip() for k in range(len(first)) if item.text.startswith(first[k:].strip())), ""
    )
    rest = item.text[len(heading) :].strip()
    if (
        not heading
        or len(heading.split()) > 8
        or not re.match(r"[A-Z]", heading)
        or re.search(r"[.?!:;,]$|\?", heading)
        or _ASK_START.match(heading)
        or not re.match(r"[A-Z]", rest)
    ):
        return item.text
    opening = (_sentences(rest) or [""])[0]
    return rest if _asks(opening) or _ASK_START.match(opening) else item.text


def _label_questions(items: list[_Item]) -> list[RequestQuestion]:
    """Items at the top of the list are the questions (Q1, Q2; by their own number where they have one);
    deeper items are sub-questions of the item above them (Q1a, Q1a(i))."""
    out: list[RequestQuestion] = []
    parents: list[RequestQuestion] = []  # the open item at each depth
    counter = 0
    kept = _drop_lead_ins(_fold_breakdowns(items))
    # decimals at the top ('1.1', '1.2', '2.1' under headings that are no questions) are numbered in turn, and so is
    # every other top item then ('2.0' after '1.1' to '1.5' read as Q1 to Q5 is Q6, not a second Q2); a draft's
    # 'Q1.1 - ' would read back as Q1
    in_turn = any(item.kind == "dec" and item.depth == 0 for item in kept)
    for item in kept:
        depth = min(item.depth, len(parents))
        if (
            item.kind == "bullet"
            and out
            and depth == len(parents) - 1
            and _same_ask(out[-1].own_text, item.text)
        ):
            continue  # the bullet above pasted again ('... from 2010 to 2018?' under '... from 2010-2018?')
        del parents[depth:]
        if depth == 0:
            if item.kind == "num" and not in_turn:
                num = re.match(r"\d+", item.key).group(0)
                counter = int(num)
                label = f"Q{num}{item.key[len(num) :]}"
            else:
                counter += 1
                label = f"Q{counter}"
            words = _tidy(_without_format(_without_heading(item)))
            question = RequestQuestion(label, words, item.key, own_text=words)
        else:
            parent = parents[-1]
            n = sum(1 for q in out if q.sub_of == parent.label)
            if item.kind == "alpha" and len(item.key) == 1:
                suffix = item.key
            elif item.kind == "roman":
                suffix = f"({item.key})"
            elif parent.sub_of is None:
                suffix = "abcdefghijklmnopqrstuvwxyz"[n % 26]
            else:
                suffix = f".{n + 1}"
            words = _tidy(_without_format(_without_heading(item)))
            question = RequestQuestion(
                f"{parent.label}{suffix}",
                f"{parent.text.rstrip()} {words}",
                item.key,
                own_text=words,
                sub_of=parent.label,
            )
        out.append(question)
        parents.append(question)
    return _unique(out)


def _unique(questions: list[RequestQuestion]) -> list[RequestQuestion]:
    """Unique labels (a request may restart its numbering)."""
    seen: dict[str, int] = {}
    now: dict[
        str, str
    ] = {}  # each label as last given out (a sub-question belongs to the latest item so labelled)
    out = []
    for q in questions:
        label, sub_of = q.label, q.sub_of
        if sub_of is not None and now.get(sub_of, sub_of) != sub_of:
            label, sub_of = now[sub_of] + label[len(sub_of) :], now[sub_of]
        n = seen.get(label, 0)
        seen[label] = n + 1
        given = label if n == 0 else f"{label}-{n + 1}"
        now[q.label] = given
        out.append(RequestQuestion(given, q.text, q.original_label, q.own_text, sub_of))
    return out


def _prose_asks(texts: list[str]) -> list[str]:
    found: list[str] = []
    asked_above = False  # whether the paragraph above ended with a question
    for para in (p for text in texts for p in _LINE_PARAGRAPH.split(text) if p.strip()):
        last_asked = False
        lead = ""  # 'Where it states "..."': a clause that says what the next sentence asks about
        sentences = [s for part in _asking_lines(para) for s in _sentences(part)]
        asked_here = False  # whether found[-1] was asked in this paragraph
        said: list[str] = []  # what was said in this paragraph since found[-1], asking nothing
        listing = False  # whether a lead-in to a list ('the following information ...:') was asked in this paragraph
        for n, s in enumerate(sentences):
            if n == 0 and asked_above and _CONTINUATION.match(s) and not _SCOPE_ASK.search(s):
                found[-1] = (
                    f"{found[-1]} {s}"  # 'Please include ...' on the line under a question: still that question
                )
                last_asked = True
                continue
            if last_asked and _CONTINUATION.match(s):
                found[-1] = f"{found[-1]} {s}"
                continue
            if n and not last_asked and _CONTINUATION.match(s) and _SCOPE_DEFINITION.match(sentences[n - 1]):
                # 'For the purposes of this request "documents" includes ... Please include all documents relating to
                # ...': what the definition takes in, for every question (S8h), not a question of its own
                continue
            if (
                (last_asked or n == 0 and asked_above)
                and found
                and _DEFINES.match(s)
                and not _SEVERAL.search(s)
            ):
                # 'By senior officers, I mean ...' after the ask narrows it (S8), also in a paragraph of its own under it
                found[-1] = f"{found[-1]} {s}"
                last_asked = True
                continue
            if (last_asked or n == 0 and asked_above) and found and _DATA_TO_HOLD.match(s):
                # 'I would like this data to include the following information: ...', 'This should include ...': what
                # the data asked for just above is to hold, part of that question (S2, S8), also in a paragraph of its
                # own under it
                found[-1] = f"{found[-1]} {s}"
                last_asked = True
                continue
            if last_asked and found and _FIELD_OF_EACH.match(s) and not _COUNT.search(found[-1]):
                # 'Please also provide the name of the lead officer for each project.' under a list of projects: a
                # field of each record asked for (S2c); after a count it asks for the records themselves (S5d)
                found[-1] = f"{found[-1]} {s}"
                continue
            if asked_here and _points_back(s):
                # 'Has this been done?' after the question in its paragraph: that question asked on (S5), with what
                # was said between them
                found[-1] = " ".join([found[-1], *said, s])
                said = []
                last_asked = True
                continue
            if (
                (_FOLLOW_UP.match(s) and _asks(s) or _conditional_ask(s))
                and found
                and (last_asked or n == 0 and asked_above)
            ):
                found[-1] = f"{found[-1]} {s}"  # 'If so, please ...': part of the question it depends on (S4)
                last_asked = True
                continue
            # an entry of a list that lost its marks, after a lead-in in the same paragraph ('Please provide the
            # following information ...: The current number of ....The types of ... used.'): a thing named, with no
            # verb that tells, is asked for as the entries that ask in their own words are (S1)
            entry = (
                listing
                and not _asks(s)
                and bool(_NAMED_ENTRY.match(s))
                and not _TELLS.search(_MAIN.sub("", s))
            )
            last_asked = _asks(s) or entry
            listing = listing or (last_asked and bool(_LIST_FOLLOWS.search(s)))
            if (
                last_asked
                and s.endswith("?")
                and n + 1 < len(sentences)
                and _ANSWERED.match(sentences[n + 1])
            ):
                last_asked = False  # 'Why does this matter? Because ...': the writer answers it
            if last_asked and found and (kind := _scope_kind(s)):
                # it only scopes what is asked above it: a breakdown or a period right after a question in its
                # paragraph stays in that question; a format ('as a spreadsheet'), or a scope in a paragraph of its
                # own (for every question above it), is how to answer, not a question
                if kind == "breakdown" and asked_here:
                    found[-1] = f"{found[-1]} {s}"
                continue
            if last_asked:
                found.append(_tidy(f"{lead} {s}" if lead else s))
                asked_here = True
                said = []
            else:
                said.append(s)
            lead = s if not last_asked and _WHERE_LEAD.match(s) else ""
        if lead:  # nothing follows it in its paragraph (a request cut off): it is what is asked about
            found.append(_tidy(lead))
        asked_above = last_asked and bool(found) and not lead
    return found


# a sentence saying what the data just asked for is to hold ('I would like this data to include ...', 'The list should
# show ...', 'Please ensure the figures include ...')
_DATA_TO_HOLD = re.compile(
    r"^(?:(?:i\s+would|i'd)\s+(?:also\s+)?like\s+|please\s+(?:ensure|make\s+sure)\s+(?:that\s+)?)?(?:this|the|that|these|"
    r"such)\s+(?:data|information|figures|records?|list|register|spreadsheet|breakdown|dataset)\s+(?:to\s+|should\s+|"
    r"must\s+|will\s+need\s+to\s+|needs?\s+to\s+)?(?:include|contain|show|cover)\b"
    # the same said with a pronoun ('This should include details of ...', 'It should also cover ...')
    r"|^(?:this|these|it|they)\s+(?:should|must|will\s+need\s+to|needs?\s+to)\s+(?:also\s+)?(?:include|contain|"
    r"cover)\b",
    re.I,
)


# a sentence that asks for a field of each record asked for above ('Please also provide the name of the lead officer
# for each project.')
_FIELD_OF_EACH = re.compile(
    r"^(?:please|could\s+you|can\s+you|would\s+you|i\s+would\s+(?:also\s+)?like)\b[^.?!]{0,30}?\b(?:also\s+)?"
    r"(?:provide|give|include|state|list|supply|add)\s+(?:me\s+)?(?:with\s+)?the\s+(?:[\w-]+\s+){0,5}?(?:of|for)\s+"
    r"(?:each|every)\b",
    re.I,
)


# a follow-up that depends on the answer to the question before it (S4): 'If so, ...', 'If not, ...', 'If yes ...',
# 'If that is not the case ...'; not 'If you hold X, please also supply it' (S4a), a question of its own
_FOLLOW_UP = re.compile(
    r"^(?:if\s+(?:so|yes|not|no)\b|if\s+(?:that|this)\s+is\s+(?:not\s+)?the\s+case\b|if\s+the\s+answer\s+is\b|"
    r"if\s+there\s+(?:is|are|was|were)\s+(?:no|none)\b)",
    re.I,
)


# a short question that asks on about the answer before by pointing back to it ('Has this been done?', 'And how old
# were they?', 'Is there an end date to it?', 'Or is it just until further notice?'): it names nothing of its own
# beyond a word or two, so it narrows the question it points back to (S5), a follow-up said without its 'if so' (S4)
_BACK = frozenset(("it", "this", "that", "they", "them", "these", "those"))
# the words a question is made of around what it asks about: its opening, verb, pronouns and prepositions
_POINTING_WORD = re.compile(
    r"and|or|but|so|then|how|what|which|when|where|who|why|whose|is|are|was|were|has|have|had|been|be|being|do|"
    r"does|did|will|would|can|could|should|there|the|a|an|to|in|of|on|for|at|by|with|from|just|still|only|also|"
    r"ever|yet|any|until|it|this|that|they|them|these|those"
)


# an ask made on a condition of what the records asked for hold or how they are kept ('If funds have been reallocated
# to other projects, then please identify the amounts', 'Where an email has been identified please disclose the full
# thread', 'If the evaluation is carried out on a case work system then please provide print-outs'): a follow-up on
# what the question before it finds (S4), not a question of its own; not 'If possible, please ...', nor an ask on
# whether the body holds something else ('If you hold X, please also supply it': S4a)
_CONDITIONAL_ASK = re.compile(
    r"^(?:if|where|when)\s+(?!(?:so|yes|not|no|possible|available|necessary|needed|required|you|we|i)\b)"
    r"(?:(?!\b(?:could|can|would|will)\s+you\b)[^?]){5,160}?,?\s+(?:then\s+)?please\s+(?:can\s+you\s+|could\s+you\s+)?"
    r"(?!also\b)\w+",
    re.I,
)


def _conditional_ask(sentence: str) -> bool:
    """An ask on a condition of the records found (_CONDITIONAL_ASK), not one on the handling of the request (a
    fallback for the cost limit, where it is published, how to refine it: S7, S8a)."""
    return bool(
        _CONDITIONAL_ASK.match(sentence)
        and not (
            _IF_LIMIT.match(sentence)
            or _POINTER_ASK.match(sentence)
            or _ABOUT_THE_REQUEST.search(sentence)
            or _ABOUT_THE_REPLY.search(sentence)
            or _REFINE_ASK.search(sentence)
        )
    )


def _points_back(sentence: str) -> bool:
    words = re.findall(r"[a-z']+", sentence.lower())
    return (
        sentence.rstrip().endswith("?")
        and len(words) <= 7
        and bool(_BACK & set(words))
        and sum(not _POINTING_WORD.fullmatch(w) for w in words) <= 2
    )


# a definition or scope sentence ('By senior officers, I mean ...', '"Agency staff" means ...', 'For the purposes of
# this request, ...'): with the ask before it (S8), unless it says it is for several questions (S8h)
_DEFINES = re.compile(
    r"^(?:by\s+[^,.?!]{1,80}?,?\s+(?:i|we)\s+mean\b|[\"“'‘][^\"”'’]{1,60}[\"”'’]\s+(?:means|refers\s+to|includes)\b|"
    r"(?:for\s+the\s+purposes?\s+of\s+this\s+(?:request|question)|for\s+clarity|to\s+clarify),)",
    re.I,
)
# a definition for the whole request ('For the purposes of this request "documents" includes ...')
_SCOPE_DEFINITION = re.compile(r"^for\s+the\s+purposes?\s+of\s+(?:this|my)\s+(?:request|questions?)\b", re.I)
_SEVERAL = re.compile(r"\b(?:my|these|all|the\s+above|each\s+of\s+the)\s+(?:questions|requests)\b", re.I)


_OPEN_END = re.compile(
    r"(?:[.?!:;,\-\u2013\u2014(]|\b(?:and|or|of|the|to|for|in|by|with|a|an|on|at|from|that|"
    r"which|who|whether|how|what|per|each|any|all|your|my|our|their|its|as|into|between)\b)$",
    re.I,
)


# a heading: a few words with no stop, colon, comma or question mark at the end ('Advice & assistance / cost')
_HEADING_LINE = re.compile(r"[A-Z][^.?!:;,\n]{0,60}(?<![.?!:;,\s])")


# a lead-in's end with its colon left off ('In particular, can you please explain the following')
_ENDS_LEAD_IN = re.compile(
    r"\b(?:the\s+following(?:\s+(?:questions?|information|details|data|points))?|as\s+follows)\s*$", re.I
)


def _asking_lines(paragraph: str) -> list[str]:
    """The parts of a paragraph split where a line that asks, with no stop at its end, is followed by another
    capitalised line that asks ('Could you tell me how many staff you employ' / 'What is the budget'): each
    line a sentence of its own, not one run together. A sentence wrapped onto the next line stays whole."""
    parts: list[str] = []
    first = next((ln.strip() for ln in paragraph.split("\n") if ln.strip()), "")
    if _ASK_START.match(first):
        first = ""
    for line in (ln.strip() for ln in paragraph.split("\n")):
        if not line:
            continue
        if (
            parts
            and (parts[-1].endswith(":") or _ENDS_LEAD_IN.search(parts[-1]))
            and _asks(_sentences(line)[0])
        ):
            # a lead-in ('I am seeking the following information:', its colon left off: '... explain the following')
            # above a line that asks
            parts.append(line)
        elif (
            len(parts) == 1
            and parts[0] == first
            and _HEADING_LINE.fullmatch(first)
            and re.match(r"[A-Z]", line)
        ):
            # a heading on the paragraph's first line ('Published information' / 'If already published, please ...'):
            # a part of its own, not the first words of the sentence under it
            parts.append(line)
        elif (
            parts
            and re.match(r"[A-Z]", line)
            and not _OPEN_END.search(parts[-1][-40:])  # the tail only: no
            and _ASK_START.match(_LEAD.sub("", line))
            and _asks(_sentences(parts[-1][-400:])[-1])
        ):  # n² time
            parts.append(line)
        elif parts:
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    return parts


_ANSWERED = re.compile(r"^(?:because|the\s+answer\s+is|simply\s+because|quite\s+simply)\b", re.I)
_WHERE_LEAD = re.compile(
    r"^(?:where|when)\s+(?:it|the\s+\w+|you|there|your\s+\w+)\s+(?:states?|says?|refers?|mentions?|"
    r"reads?|describes?|notes?)\b",
    re.I,
)


def _prose_questions(texts: list[str], first: int = 1) -> list[RequestQuestion]:
    out: list[RequestQuestion] = []
    for i, text in enumerate(texts, first):
        # parts marked inside one sentence ('... made known a) the existence of X and b) the existence of Y') are
        # one question: S5 and S6 split sentences only (S5c)
        text = _after_lead_in(text)
        out.append(RequestQuestion(f"Q{i}", text, own_text=text))
    return out


# the end of a lead-in run on into the ask it introduces, in one sentence ('Please supply me with data relating to
# fires on balconies in your area, as follows; How many fires ...?', '... relating to temporary accommodation used by
# the council:The current number of households ...', 'I note you seek the following: The total number of ...')
_RUN_ON_LEAD_IN = re.compile(
    r"^[^?]*\b(?:as\s+follows|the\s+following(?:\s+[^.?!:;]{0,160}?)?)\s*[:;]\s*(?=\S)",
    re.I,
)


def _after_lead_in(text: str) -> str:
    """A question asked in prose without the lead-in it was run on to (S3, S8c: its text begins at the ask): only
    when what follows the lead-in asks, or names a thing asked for, in a sentence of its own ('The current number of
    households in temporary accommodation.'), not a list of values ('name, date, cost')."""
    m = _RUN_ON_LEAD_IN.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    asks = _asks(rest) or (bool(_NAMED_ENTRY.match(rest)) and not _TELLS.search(_MAIN.sub("", rest)))
    return rest if asks and len(rest.split()) >= 5 and rest.rstrip().endswith((".", "?")) else text


# what introduces a list of the things asked for ("the following", "my questions are:", "I would like:")
_ASKING_LEAD_IN = re.compile(
    r"\b(?:the\s+following|as\s+follows|include|includes|including|"
    r"questions?|requests?|request(?:ing|ed)|like|want|"
    # 'we require disclosure of: -', 'The details we require are:'
    r"wish|seek(?:ing)?|need|require[ds]?|requiring|interested\s+in|provide|supply|send|disclose|disclosure\s+of|"
    r"cop(?:y|ies)\s+of|"
    r"details\s+of|information\s+(?:on|about|regarding|relating|held|for))\b",
    re.I,
)


def _item_asks(item: _Item) -> bool:
    """Whether a list item asks for something ('Where X, the figure is enough.' is a condition, not a question)."""
    return any(
        s.endswith("?") or _ASK_INSIDE.search(s) or (_asks(s) and not re.match(r"where\b", s, re.I))
        for s in _sentences(item.text)
    )


_DEFINITION = re.compile(r"\b(?:means|is\s+defined\s+as|refers\s+to|definitions?)\s*:?\s*$", re.I)
# a statement, not a thing asked for ('This request is for a single total figure only.', 'I am not requesting ...')
_DECLARES = re.compile(r"\b(?:is|are|am|was|were|may|will|can|should|must|be|means|not)\b", re.I)


def _declares(text: str) -> bool:
    return text.rstrip().endswith(".") and len(text.split()) >= 4 and bool(_DECLARES.search(text))


# what introduces a list of the formats the reply may come in, not of things asked for
_FORMAT_LEAD = re.compile(
    r"\b(?:in|as)\s+(?:one\s+of\s+)?(?:the\s+following|these|any\s+of\s+the\s+following)\s+"
    r"(?:(?:file|data|electronic)\s+)?(?:formats?|file\s+types?)\b[^.?!:]*:\s*$",
    re.I,
)


def _context_lead(out: list[_Item | str], first: _Item, run: list[_Item] | None = None) -> bool:
    """Whether what stands above a list neither asks nor introduces what is asked for. A short heading ('All
    patients:') is read with what is above it: a lead-in ending in a colon, or the same list going on above it,
    means the heading names a part of what is asked for."""
    k = next((n for n in range(len(out) - 1, -1, -1) if out[n]), None)
    if k is None or not isinstance(out[k], str):
        return False
    sentences = _sentences(out[k])
    last = sentences[-1] if sentences else ""
    if last and _DEFINITION.search(last):  # 'For the purposes of this request, a "missed collection" means:'
        return True
    if not last or not (_CLOSING.match(last) or not (_asks(last) or _ASKING_LEAD_IN.search(last))):
        return False
    if len(last.split()) <= 4 and not (run and all(_declares(it.text) for it in run)):  # a heading
        above = sentences[-2] if len(sentences) > 1 else next((b for b in reversed(out[:k]) if b), None)
        sibling = (
            isinstance(above, _Item)
            and above.style == first.style
            and (first.kind == "bullet" or first.key not in ("1", "a", "i"))
        )  # the list goes on
        if sibling or (isinstance(above, str) and above.rstrip().endswith(":")):
            return False
    return True


def _format_list(out: list[_Item | str], run: list[_Item]) -> int:
    """How many of the list entries at the head of ``run`` are formats the reply may come in: the entries of the
    first list under a lead-in naming formats ('in one of the following file formats:'), none of which asks."""
    k = next((n for n in range(len(out) - 1, -1, -1) if out[n]), None)
    if k is None or not isinstance(out[k], str):
        return 0
    sentences = _sentences(out[k])
    if not sentences or not _FORMAT_LEAD.search(sentences[-1]):
        return 0
    n = next((n for n, it in enumerate(run) if it.style != run[0].style), len(run))
    return 0 if any(_item_asks(it) or "?" in it.text for it in run[:n]) else n


# a lead that asks in its own words ('Please provide the following:', 'I would like ...'), whatever its list holds
_OWN_ASK_LEAD = re.compile(
    r"^\W*(?:please|could|can|would|will|may|i\s+(?:would|'d|wish|want|request|require|need)|we\s+(?:would|wish))\b",
    re.I,
)


def _bare_value(text: str) -> bool:
    """A list entry that only names a member of a set ('Route 400', 'The Benefit Cap', 'Universal Credit roll-out'):
    a few words, no figure, no thing asked for, no ask."""
    short = re.sub(r"\([^()]*\)", "", text).strip()
    return 0 < len(short.split()) <= 5 and not re.search(r"[.:;?!]$", short) and _names_nothing_asked(short)


def _values_of_questions_below(out: list[_Item | str], run: list[_Item], below: list[_Item | str]) -> bool:
    """A list of bare values under a sentence that names them and asks nothing in its own words ('I am enquiring
    as to the bus subsidies on the following routes' / '1) Route 400 2) Route 800', 'My request relates to three
    policies:' / '- The Benefit Cap ...'), with the questions asked in a list of their own below it: the values
    qualify several questions, so they belong to none of them (S2) and are no questions themselves."""
    k = next((n for n in range(len(out) - 1, -1, -1) if out[n]), None)
    if k is None or not isinstance(out[k], str) or len(run) < 2:
        return False
    last = (_sentences(out[k]) or [""])[-1]
    return (
        bool(last)
        and not _asks(last)
        and not last.endswith("?")
        and not _OWN_ASK_LEAD.match(last)
        and all(it.style == run[0].style and _bare_value(it.text) for it in run)
        and any(
            isinstance(b, _Item) and (_item_asks(b) or _FIGURE.search(b.text) or _THING_ASKED.match(b.text))
            for b in below
        )
    )


def _drop_context_lists(blocks: list[_Item | str]) -> list[_Item | str]:
    """A list under a line that neither asks nor introduces what is asked for ('Public Interest Statements:',
    'It concerns two data controllers:', 'Clarifications'), none of whose items asks, is context: read as
    prose, not as questions. Only where the request asks something elsewhere (a bare list of documents under a
    heading may be all a request is)."""
    out: list[_Item | str] = []
    dropped: list[tuple[int, int]] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and isinstance(blocks[j], _Item):
            j += 1
        if j == i:
            out.append(blocks[i])
            i += 1
            continue
        run = blocks[i:j]
        formats = _format_list(out, run)
        if formats:  # 'Please send it in one of these formats: 1. CSV 2. Excel': how to reply, not what
            dropped.append((len(out), formats))
            out.append("\n".join(it.raw for it in run[:formats]))
            rest = run[formats:]
            for it in rest:  # a list under the formats was nested only below them
                it.depth = max(0, it.depth - 1) if it.depth > run[0].depth else it.depth
            if rest and all(_declares(it.text) and not _item_asks(it) for it in rest):
                # notes under the formats ('* We have checked and it is not published in these formats.'), each a
                # statement asking nothing: more on how to reply, read as prose (not 'The number of ...': asked for)
                dropped.append((len(out), len(rest)))
                out.append("\n".join(it.raw for it in rest))
            else:
                out.extend(rest)
        elif (
            _context_lead(out, run[0], run)
            and not any(_item_asks(it) for it in run)
            or _values_of_questions_below(out, run, blocks[j:])
        ):
            dropped.append((len(out), len(run)))
            out.append("\n".join(it.raw for it in run))
        else:
            out.extend(run)
        i = j
    asks_elsewhere = any(_item_asks(b) if isinstance(b, _Item) else bool(_prose_asks([b])) for b in out if b)
    if dropped and not asks_elsewhere:
        return blocks
    return out


# data asked for without saying what it is about ('this', 'the data', 'the latest estimates')
_GENERIC_OBJECT = (
    # the details or a figure asked for above, referred back to ('these details', 'a figure for the first quarter')
    r"(?:(?:these|those|such|the\s+above|the\s+same)\s+details|(?:a|the\s+same)\s+figure|"
    # 'all such communications', 'the above-requested information': what was asked for above, pointed back to
    r"(?:all\s+)?such\s+(?:communications|correspondence|records|documents|e-?mails|items|reports|minutes)|"
    r"(?:the\s+|any\s+|such\s+|this\s+|these\s+|those\s+)?(?:(?:latest|above|above-requested|requested|same|relevant|"
    r"available|site-specific|following)\s+)?(?:data|information|figures|estimates|numbers|statistics|"
    r"answers?|responses?)|this|these|it|them)"
)
_SCOPE_ASK = re.compile(
    rf"\b(?:provide|provided|supply|give|send|share|present|break|split|separate|(?:would|should|'d)\s+(?:like|prefer)|"
    rf"(?:want|need|require|receive|(?<=would\s)request))\s+(?:me\s+|us\s+)?(?:with\s+)?"
    # 'Please provide a copy of this data for the past five years': the data asked for above, for a period
    rf"(?:(?:a\s+cop(?:y|ies)|copies)\s+of\s+)?{_GENERIC_OBJECT}\b"
    rf"(?P<rest>[^?!]*)[.?!]?$"
    rf"|\b(?:could|can|would|will)\s+{_GENERIC_OBJECT}\s+(?:please\s+)?(?:also\s+)?be\s+(?:provided|given|broken|"
    rf"split|supplied|sent|presented)\b(?P<rest2>[^?!]*)[.?!]?$",
    re.I,
)
# what may follow such an ask and still only scope it: a period, a format, a breakdown, a basis
_SCOPE_REST = re.compile(
    r"^[\s,]*(?:(?:please|ideally|preferably|if\s+possible)\b[\s,]*)?(?:(?:from|for|in|by|split|broken|down|based|"
    r"per|covering|between|during|over|as|where|if|at|to(?!\s+(?:include|contain|show|cover)\b)|within|separately|"
    r"electronically|digitally|on\s+a\s+\w+\s+basis)\b.*)?$",
    re.I,
)
# 'please provide site-specific data on A&E performance' above the list that details it: the list's introduction
_GENERIC_ASK = re.compile(
    # an aside between the verb and what it asks for ('request, in the form of a spreadsheet, information on')
    rf"\b(?:provide|supply|give|send|share|request|requesting|like|seek|seeking)(?:,[^,]{{1,80}},)?\s+(?:me\s+|us\s+)?"
    # the Act named before what the information is about ('request information under the Freedom of Information Act
    # 2000 regarding ...')
    rf"(?:with\s+)?(?:some\s+)?{_GENERIC_OBJECT}\s+(?:under\s+the\s+[^,.?!]{{1,60}}?\bact(?:\s+\d{{4}})?\s+)?"
    rf"(?:on|about|regarding|relating\s+to|"
    r"concerning|in\s+relation\s+to)\b",
    re.I,
)


def _scope_only(text: str) -> bool:
    return _scope_kind(text) is not None


# '... broken down by year and how many had preservation orders': a scope that asks for more
_ASKS_MORE = re.compile(
    r"\b(?:how\s+(?:many|much|often|long)|(?:and|or|also)\s+(?:what|which|whether|who|when|why|how|"
    r"the\s+(?:number|total|amount|cost|names?|reasons?)|any|all|copies|details))\b",
    re.I,
)
# a scope that narrows the figures asked for (a breakdown or a period), not only how to send them
_NARROWS = re.compile(
    r"\b(?:by|broken|split|down|per|for|from|between|covering|during|over|within|separately|basis|each)\b",
    re.I,
)


# a sentence that only asks for the figures above broken down (S2a): 'Could I have this broken down by crime type?',
# 'If possible, please provide a breakdown by the type of issue ...', 'Can these be split by year?'
_PROSE_BREAKDOWN = re.compile(
    r"^(?:(?:if|where)\s+possible,?\s*|ideally,?\s*)?(?:(?:please|could|can|would|may|will|i|you|we|also|kindly|"
    r"it|be|is|are|able|to|like|require|need|want)\b[\s,]*)*(?:(?:provide|give|have|supply|send|include|get|see|"
    r"receive|request)\s+)?"
    r"(?:(?:a|the|this|these|that|those|it|them)\s+)?(?:(?:data|information|figures?|numbers?|totals?|results?)\s+)?"
    r"(?:further\s+)?(?:break\s?down|broken\s+down|split|breakdown|separated)\b[^.?!]{0,60}?"
    r"\b(?:by|into|between|per|according\s+to)\b"
    # '..., could you include the corresponding categorisation of ...': a field added to the figures asked for
    r"|^(?:(?:if|where)\s+possible,?\s*)?(?:(?:please|could|can|would|you|also|kindly)\b[\s,]*)*(?:include|add)\s+"
    r"(?:the\s+)?(?:corresponding\s+|relevant\s+|respective\s+)?(?:categor\w+|classifications?|types?|kinds?)\b",
    re.I,
)


def _scope_kind(text: str) -> str | None:
    """'breakdown' for 'Could this be broken down by ward?' or 'I would like this information for 2019 to 2023.',
    'format' for 'Could you provide this as a spreadsheet?', None for a sentence that asks for something."""
    m = _SCOPE_ASK.search(text)
    if m and len(text[: m.start()].split()) > 8 and _asks(text[: m.start()].rstrip(" ,;-")):
        # '... between 2009 till now, please provide this as a yearly figure': the sentence asks for something named
        # before its scope; only a sentence that opens with the scope ask is no more than how to give it
        m = None
    rest = (m.group("rest") if m.group("rest") is not None else m.group("rest2")) if m else None
    if rest is None or not _SCOPE_REST.match(rest) or _ASKS_MORE.search(rest):
        # 'Could I have this broken down by crime type?', 'If possible, please provide a breakdown by the type of ...';
        # a sentence that joins a breakdown with a subset count ('... broken down by years and how many had ...') is
        # a question of its own (S5c wins over S2a)
        return "breakdown" if _PROSE_BREAKDOWN.match(text) and not _ASKS_MORE.search(text) else None
    return "breakdown" if _NARROWS.search(rest) else "format"


_QUOTE_LEAD = re.compile(
    r"\b(?:(?:I|we)\s+(?:had\s+)?(?:previously\s+|originally\s+|then\s+)?asked|you\s+(?:also\s+|then\s+)?"
    r"(?:stated|state|said|say|replied|wrote|responded|answered)|your\s+(?:reply|response|answer)"
    r"\s+(?:was|said|stated)"
    # an earlier request recalled: '... made a Freedom of Information request to the Trust on 1 May 2023 for:',
    # 'My previous request asked:'
    r"|\b(?:made|submitted|sent)\s+an?\s+(?:freedom\s+of\s+information\s+|foi\s+|foisa\s+|eir\s+)?request\b"
    r"[^.?!:]{0,120}\b(?:for|asking(?:\s+for)?|which\s+asked)"
    r"|\b(?:the|an?|my|their|a\s+previous|an\s+earlier)\s+(?:freedom\s+of\s+information\s+|foi\s+)?request\s+"
    r"(?:made|submitted|sent)\s+by\b[^.?!:]{0,120}\b(?:for|asking(?:\s+for)?|which\s+asked)"
    r"|\b(?:my|the|an?)\s+(?:earlier|previous|original|prior|last)\s+(?:foi\s+)?request\b[^.?!:]{0,80}"
    r"\b(?:asked|was|read|said|for))\s*:\s*$",
    re.I,
)


def _about_the_reply(text: str) -> bool:
    """A list entry that asks only how to reply ('I would like to receive this data in Excel format.'), for
    advice and assistance with the request, or closes the request ('I look forward to your reply.'): every
    sentence of it such, none with a '?'."""
    sentences = _sentences(text)
    return (
        bool(sentences)
        and all(
            _REFINE_ASK.search(s)
            or "?" not in s
            and (
                _scope_kind(s) == "format"
                or _ABOUT_THE_REQUEST.search(s)
                or _CLOSING.match(s)
                or _PLEASANTRY.match(s)
                or _FOR_SEVERAL.match(s)
                or _POINTER_ASK.match(s)
            )
            for s in sentences
        )
        or bool(sentences and _NOTE.match(sentences[0]) and not any("?" in s or _asks(s) for s in sentences))
    )


# asking, even with a question mark, that the request be refined ('Would it be possible to refine the request as you
# suggested please?'): the handling of the request (S7), no question about the records
_REFINE_ASK = re.compile(
    r"^(?:would|could|can|may)\s+(?:it\s+be\s+possible\s+to|(?:i|we|you)\s+(?:please\s+)?)\s*(?:refine|narrow|"
    r"reduce)\s+(?:my|this|the)\s+request\b[^?]*\?$",
    re.I,
)
# a remark to the authority, not an ask ('4. Please, note Data Protection Act 1998 applies to living individuals.',
# 'Note: you have misapplied Section 31 ...'): context (S7)
_NOTE = re.compile(
    r"^(?:please,?\s+)?(?:note|be\s+aware)\b(?![^.?!]*\b(?:and|then)\s+(?:provide|send|supply|tell))", re.I
)


# an entry that only adds a period or scope to several questions ('The above questions apply also to the years
# before 2010.'): it belongs to none of them (S2a, S8h)
_FOR_SEVERAL = re.compile(
    r"^(?:(?:the|all(?:\s+of)?\s+the|each\s+of\s+the)\s+(?:above|preceding|previous)\s+(?:questions?|requests?|"
    r"points?)|(?:these|my|all\s+(?:of\s+)?(?:these|my))\s+(?:questions|requests))\s+(?:also\s+)?(?:apply|applies|"
    r"relate|relates|cover|covers|should|are\s+(?:also\s+)?(?:for|about))\b",
    re.I,
)


def _drop_reply_items(blocks: list[_Item | str]) -> list[_Item | str]:
    """Bulleted or numbered entries that ask only about the reply (its format, advice and assistance, thanks)
    are no questions: read as prose (a list item with entries under it stays)."""
    out: list[_Item | str] = []
    for n, block in enumerate(blocks):
        nxt = next((b for b in blocks[n + 1 :] if b), None)
        deeper = isinstance(nxt, _Item) and isinstance(block, _Item) and nxt.depth > block.depth
        if isinstance(block, _Item) and not deeper and _about_the_reply(block.text):
            # (not run on into a lead-in ending in a colon above it, which would no longer read as one)
            if out and isinstance(out[-1], str) and out[-1] and not out[-1].rstrip().endswith(":"):
                out[-1] = f"{out[-1]}\n{block.text}"
            else:
                out.append(block.text)
            continue
        out.append(block)
    return out


def _drop_quoted(blocks: list[_Item | str]) -> list[_Item | str]:
    """What stands under 'I asked:' or 'You stated:' is earlier correspondence quoted: kept as prose, not asked."""
    out: list[_Item | str] = []
    quoting = listed = False  # listed: the quotation is a list, which ends where the prose under it starts
    for block in blocks:
        if quoting and block == "":
            out.append(block)
            continue
        if quoting:
            if isinstance(block, _Item):
                # a line under the last quoted entry that asks ('Please provide the same for 2024.') is the
                # request again, run on under the quotation
                rest = block.raw.split("\n")[1:]
                asking = next((n for n, part in enumerate(rest) if _asks(part)), None)
                out.append("\n".join(rest[asking:]) if asking is not None else "")
                listed = True
                continue
            quoting = False
            if not listed:
                out.append("")
                continue
        listed = False
        out.append(block)
        quoting = isinstance(block, str) and bool(_QUOTE_LEAD.search(block.strip()))
    return out


_BARE_NUMBER = re.compile(r"^(?P<lead>\s*)(?P<n>\d{1,2}),?(?P<gap>[ \t]+)(?=[A-Z])")
# '1(a) If possible, ...' under '(1) How many ...': a sub-item's label written number then bracketed letter
_NUMBER_PAREN_LETTER = re.compile(r"^(?P<lead>\s*)(?P<n>\d{1,2})\((?P<letter>[a-h])\)(?=[ \t]+\S)")


def _bare_numbers(lines: list[str]) -> list[str]:
    """'1 How many ...' / '2 What ...', or '1, How many ...' / '2, What ...': numbers without a stop or bracket (a
    list pasted without its punctuation, or written with commas) label questions when they count up from 1 at the
    start of lines. '1(a)' at the start of a line is read as '1a)'."""
    lines = [_NUMBER_PAREN_LETTER.sub(r"\g<lead>\g<n>\g<letter>)", line) for line in lines]
    marks = [(n, m) for n, line in enumerate(lines) if (m := _BARE_NUMBER.match(line))]
    run, expected = [], 1
    for n, m in marks:
        if int(m.group("n")) == expected:
            run.append((n, m))
            expected += 1
    if len(run) < 2:
        return lines
    out = list(lines)
    for n, m in run:
        out[n] = f"{m.group('lead')}{m.group('n')}.{m.group('gap')}{lines[n][m.end() :]}"
    return out


_GLUED_STAR = re.compile(r"^(?P<lead>\s*)\*(?=[A-Z])")


def _glued_stars(lines: list[str]) -> list[str]:
    """'*A weekly figure for ...' / '*A monthly figure of ...' / '*At what value ...?': three or more entries in a
    row, one to a line or paragraph, each opening with an asterisk glued to its first word, are a bulleted list whose
    space after the bullet was lost. One or two such lines are footnotes ('*I ask for these figures by year')."""
    out = list(lines)
    run: list[int] = []
    for k, line in enumerate([*lines, "end"]):
        if k < len(lines) and _GLUED_STAR.match(line):
            run.append(k)
        elif k < len(lines) and not line.strip():
            continue
        else:
            if len(run) >= 3:
                for r in run:
                    out[r] = _GLUED_STAR.sub(r"\g<lead>* ", lines[r], count=1)
            run = []
    return out


def _lost_bullets(lines: list[str]) -> list[str]:
    """Lines right under a lead-in that asks ('Please send me:', 'I would like the following information:'), each
    a short phrase on a line of its own ('Your parking policy' / 'The contract with Acme'): a list whose bullets
    were lost (a web form, a list copied as text). Given a bullet so they are read as one; a sentence wrapped
    onto the next lines is not a list."""
    out = list(lines)
    i = 0
    while i < len(lines):
        lead = lines[i].strip()
        if not (
            # 'I am requesting the following under FOI' with no colon, the list under it
            (lead.endswith(":") or re.search(r"\bthe\s+following\b[^.?!:]*$", lead, re.I))
            and not _LABEL.match(lines[i])
            and (_ASKING_LEAD_IN.search(lead) or _ASK_INSIDE.search(lead) or _ASK_START.match(lead))
        ):
            i += 1
            continue
        items: list[int] = []
        j = i + 1
        if (
            j + 1 < len(lines)
            and not lines[j].strip()
            and lines[j + 1].strip()
            and not _BREAKDOWN_VALUE.search(lines[j + 1].strip())
        ):
            j += 1  # one blank line between the lead-in and its list (of things, not of periods to break down by)
        while j < len(lines):
            text = lines[j].strip()
            if not text:  # items in paragraphs of their own are read as prose
                break
            if items and _CONTINUATION.match(text):  # 'broken down by area.' under the last entry: its words
                break
            if (
                _LABEL.match(lines[j])
                or _LONE_LABEL.match(lines[j])
                or len(text.split()) > 25
                or text.endswith(":")
                or _CLOSING.match(text)
                or _PLEASANTRY.match(text)
                or SIGN_OFF.match(text)
                or len(_sentences(text)) > 1
                or _declares(text)
                or _states(text)
            ):
                break
            items.append(j)
            j += 1
        wrapped = any(
            len(lines[a].strip()) >= 60
            and lines[b].strip()[:1].islower()
            or _OPEN_END.search(lines[a].strip())
            for a, b in zip(items, items[1:], strict=False)
        )
        # lines that ask with a '?' are read as prose already (and a short line above one is its heading); a
        # table pasted as text ('Year | Number', columns set apart by tabs or spaces) is not a list of things
        tabular = any(
            re.search(r"\||\t|\S {3,}\S", lines[k]) or not re.search(r"[A-Za-z]{3}", lines[k]) for k in items
        )
        asked = any("?" in lines[k] for k in items)
        if len(items) >= 2 and not wrapped and not tabular and not asked:
            for k in items:
                out[k] = "\u2022 " + lines[k].strip()
        i = max(j, i + 1)
    return out


# a paragraph ends at a blank line, or at a line that ends a sentence (a request written a paragraph a line, with
# no blank lines: a web form, many e-mails; a hard-wrapped one was joined back first)
_LINE_PARAGRAPH = re.compile(
    r"\n\s*\n|(?<=[.?!])[ \t]*\n(?=[ \t]*[A-Z\"“(])|(?<=[.?!][\"'”’)])[ \t]*\n(?=[ \t]*[A-Z\"“(])"
)


# the subject of the request, named before its asks ('I am looking for information on inspection frequency ...', 'I
# would like to receive information regarding the fulfilment of PPE contracts ...', 'I would appreciate some information
# about the operation of your services.'): no question when asks follow it (S3)
_TOPIC_INTRO = re.compile(
    r"^(?:(?:i|we)\s+(?:am|are)\s+(?:writing\s+to\s+)?(?:request(?:ing)?|seeking|looking\s+for|after)|"
    r"(?:i|we)\s+(?:would\s+like|wish|want)\s+to\s+(?:request|receive|obtain|ask\s+for|see)|"
    r"(?:i|we)\s+would\s+(?:appreciate|be\s+grateful\s+for)|(?:i|we)\s+(?:request|seek))\s+(?:some\s+)?"
    r"(?:information|details)\s+(?:on|about|regarding|relating\s+to|concerning|in\s+relation\s+to)\b",
    re.I,
)


def _questions(lines: list[str]) -> list[RequestQuestion]:
    """Labelled questions where the request lists them, with any question asked in prose around the list;
    else the sentences that ask."""
    lines = _lost_bullets(_bare_numbers(_glued_stars(lines)))
    blocks = _drop_context_lists(_fold_value_lists(_drop_reply_items(_drop_quoted(_blocks(lines)))))
    items = [b for b in blocks if isinstance(b, _Item)]
    if not items:
        asks = _fold_repeated_asks(_prose_asks([b for b in blocks if isinstance(b, str)]))
        if len(asks) >= 2 and _TOPIC_INTRO.match(asks[0]):
            asks = asks[
                1:
            ]  # 'I am looking for information on ...' above what it asks: the request's subject (S3)
        return _prose_questions(asks)
    labelled = _label_questions(
        _split_also(
            _fold_breakdown_asks(_fold_other_periods(_fold_member_fields(_fold_following_values(items))))
        )
    )
    start = blocks.index(items[0])
    before = _prose_asks([b for b in blocks[:start] if isinstance(b, str) and b])
    after = _prose_asks([b for b in blocks[start:] if isinstance(b, str) and b])
    # around a list (of one item too: 'I would like some information about your speed cameras. / 1. Governing
    # documents: ...'), a sentence that only says how to give the listed data, or names its subject, is no question
    if labelled:
        before = [
            q
            for q in before
            if not _scope_only(q) and not _GENERIC_ASK.search(q) and not _TOPIC_INTRO.match(q)
        ]
        # a heading in capitals between the list's items ('NUMBER OF NOISE COMPLAINTS' / '1. How many ...?'), a few
        # words with no stop, names the part of the request under it and asks nothing
        before = [q for q in before if not _CAPS_HEADING.fullmatch(q.strip())]
        after = [q for q in after if not _CAPS_HEADING.fullmatch(q.strip())]
        after = [q for q in after if not _scope_only(q) and not _PERIOD_ONLY.match(q)]
        # the page's title on its first line ('Information about fines and investigations - December 2020'), a few
        # words with no stop, names the subject of the list below it and asks nothing
        # (under the kind of page it is, 'FOI release', on the line after it)
        heads = [line.strip() for line in lines if line.strip()][:2]
        titles = heads[1:] if heads and _PAGE_KIND.fullmatch(heads[0]) else heads[:1]
        before = [q for q in before if not (q in titles and _TITLE_LINE.fullmatch(q))]
        # the line right above the list ending in a semicolon typed for a colon ('Please could I have, for each of the
        # years 2019/20 to 2023/24;'): its lead-in, as it is with a colon (S3)
        lead = next((b for b in reversed(blocks[:start]) if isinstance(b, str) and b.strip()), "").rstrip()
        if before and lead.endswith(";") and lead.endswith(before[-1].rstrip()):
            before = before[:-1]
    # how to send the answers ('I would like to receive these data in Excel format.') is never a question
    before = [q for q in before if _scope_kind(q) != "format"]
    after = [q for q in after if _scope_kind(q) != "format"]
    top = max(
        (int(m.group(0)) for q in labelled if (m := re.match(r"\d+", q.label[1:]))), default=len(labelled)
    )
    prose = _prose_questions(before + after, first=top + 1)
    return prose[: len(before)] + labelled + prose[len(before) :] if before or after else labelled


def _whole_request(lines: list[str]) -> RequestQuestion | None:
    """The fallback: the request's own words (not the greeting, sign-off or pleasantries) as one question."""
    kept = [
        s
        for para in re.split(r"\n\s*\n", "\n".join(lines))
        for s in _sentences(para)
        if not _PLEASANTRY.match(s)
    ]
    text = " ".join(kept).strip() or " ".join(line.strip() for line in lines if line.strip())
    return RequestQuestion("Q1", text, own_text=text) if text else None


def _read(text: str) -> tuple[str, Requester, list[RequestQuestion], str | None]:
    clean, requester = redact_identity(unfold(text))
    lines = _body_lines(clean)
    questions = _questions(lines)
    note = None
    if not questions:  # nothing but a greeting, thanks and a sign-off leaves no question at all
        whole = _whole_request(lines)
        questions, note = ([whole], WHOLE_REQUEST_NOTE) if whole else ([], None)
    return clean, requester, questions, note


def split_request(text: str, source: str = "request") -> Request:
    """The questions of a request, in the requester's wording, with the requester's identity removed.

    A request with no findable question is one question, the whole request, and ``Request.note`` says so;
    only a text with nothing but a greeting, thanks and a sign-off is refused."""
    if text is None or not text.strip():
        raise LetterError(source, "the request is empty")
    size = len(text.encode("utf-8"))
    if size > MAX_REQUEST_BYTES:
        raise LetterError(
            source,
            f"the request is {size / 2**20:.1f} MB; a request over "
            f"{MAX_REQUEST_BYTES // 2**20} MB is not a request (paste the questions only)",
        )
    body = request_body(text)
    clean, requester, questions, note = _read(body)
    if (
        note
        and body.strip() != text.strip()
        # a few words above the quotation ('Please see my request below.'), not a request read whole
        and len(" ".join(q.own_text for q in questions).split()) < 25
    ):  # what was cut as quoted correspondence may have held the request
        whole = _read(request_body(text, quoted=True))
        if not whole[3]:
            clean, requester, questions, note = whole
    if not questions and len(clean.split()) >= 30:
        # a long text whose every line reads as a greeting, thanks or a sign-off is still a request: read whole
        whole_text = " ".join(clean.split())
        questions, note = [RequestQuestion("Q1", whole_text, own_text=whole_text)], WHOLE_REQUEST_NOTE
    if not questions:
        raise LetterError(
            source,
            "no question found in the request: it holds only a greeting, thanks or a sign-off "
            "(paste the request itself)",
        )
    return Request(
        questions=tuple(questions), text=clean.strip(), requester=requester, source=source, note=note
    )


def request_from_document(data: bytes, name: str) -> Request:
    """A request sent as an attachment (PDF, DOCX, HTML, text): its text read as for letters, then split."""
    from pathlib import PurePath

    from foi_precedent.letters.sources import document_from_bytes

    return split_request(document_from_bytes(data, name, PurePath(name).suffix or ".txt").text, source=name)
