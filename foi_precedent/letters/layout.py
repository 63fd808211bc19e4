"""The layout of a reply: web-page noise, the request / decision / response / closing sections, question labels
(Q1, 1a., Question 2, REQUEST 1, runs such as "Response 1 - 6:"), unnumbered request items, and the prose that
names the questions it answers.

Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi_precedent.letters import decision
from foi_precedent.letters.answers import (
    _COST,
    _NCND,
    _NOT_HELD,
    _PUBLIC_DOMAIN_STRONG,
    _RELEASED,
    _WITHHELD,
)
from foi_precedent.letters.exemptions import find_citations, section_of

# --- web-page noise -------------------------------------------------------------------------------

NOISE_LINES = [
    r"(quickly exit this site.*)?leave this site",
    r"we use (some )?essential cookies.*",
    r"you can manage your preferences and cookie settings.*",
    r"your cookie preferences have been saved.*",
    r"sorry, there was a technical problem.*",
    r"this site is a beta.*",
    r"(accept|reject) (all |additional )?cookies",
    r"customi[sz]e cookies",
    r"skip to (main )?content",
    r"cookie (settings|preferences|policy)",
    r"print this page|share this page|back to top",
    # WhatDoTheyKnow's status of a request, set by the requester, not the authority's decision
    r"the request (?:was|is) (?:partially successful|successful|refused by .{2,120}|waiting for a response|"
    r"awaiting classification|long overdue|overdue)",
    r"this request has been closed to new correspondence.*",
]
_NOISE = re.compile(r"^(?:" + "|".join(NOISE_LINES) + r")\s*\.?$", re.I)

# --- section markers ------------------------------------------------------------------------------

_REQUEST_START = re.compile(
    r"^(?:i note you seek access to the following information|you asked(?: for)?(?: the following)?|"
    r"your request(?: for information)?(?: was| read| is)?|request|requested information|you requested"
    r"(?: the following)?|the request|information requested|details of (?:the |your )?(?:request|enquiry)|you wrote|"
    r"request(?:ed)? details?|summary of (?:the |your )?request|(?:initial|original|full) request)\s*:?\s*$",
    re.I,
)
# Prose that ends by announcing the request ("I refer to your e-mail dated 4 July 2023, requesting:", "Thank you for
# your request received on 23 November. You requested:").
_REQUEST_CUE_END = re.compile(r"\w[^:]{10,}\b(?:requesting|you requested|you asked)\s*:\s*$", re.I)
_DECISION = re.compile(
    r"^(?:i have today decided|we have (today )?decided|decision\b|the (mps|force|council|department) has decided|"
    r"i am writing to (let you know|confirm))",
    re.I,
)
_RESPONSE_START = re.compile(
    r"^(?:disclosure|(?:in |our |my )?(?:response|answer|reply)s?(?: (?:sent|given|provided))?|information (disclosed|released|provided|supplied)|"
    r"we (?:answered|replied|responded)|(?:our )?response to your (?:request|questions?|enquiry|email)|"
    r"details of (?:the |our )?response|(?:response|reply|answer)s? details?|summary of (?:the |our )?response|"
    r"[\w&.'\u2019 ]{2,40} response|"
    r"response \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|i can now respond as follows|[\w&.'\u2019 ]{2,40} response was as follows|"
    r"outcome|"
    r"(?:please find )?(?:our|the) response(?: to your (request|questions))? (is|are)?\s*(below|as follows))\s*:?\s*$",
    re.I,
)
# "Response 1 - 6:", "1-3.", "Questions 4 to 6", "1+2.": one answer to a run (or a pair) of questions.
_RANGE = re.compile(
    r"^(?P<kw>(?:in )?(?:response|answer|reply)s?(?: to)?(?: questions?| q)?\s*|questions?\s*|q\s*|"
    r"requests? for information\s*)?"
    # "2, 3 and 4": a run named by its ends and what is between
    r"(?P<a>\d{1,2})\s*(?:,\s*\d{1,2}\s*)*(?P<sep>-|\u2013|\u2014|to|&|and|\+)\s*(?:q(?:uestion)?\s*)?(?P<b>\d{1,2})\s*"
    r"(?:(?<=\d)(?=\s*$)|(?(kw)[.:)]?|[.:)])(?:\s+|$|(?<=[.:)])(?=[A-Z])))",
    re.I,
)
_CLOSING = re.compile(
    # (a heading or a sentence starts with a capital; "appeals were made ..." in lower case is a line of text wrapped)
    r"^(?=(?-i:[A-Z]))(?:complaint rights|your right to (complain|request a review)|right of (appeal|review)|appeals?|"
    r"are you unhappy with how your request has been handled|if you are (dissatisfied|unhappy)|"
    r"yours (sincerely|faithfully)|review procedure|complaints? procedure|"
    # "Complaint" or "Complaints:" as a heading, not a title that is about complaints ("Complaints \u2013 annual totals")
    r"complaints?(?=\s*(?::|$))|"
    # the reply's own closing ("Should you have any further queries concerning this request, please contact ...")
    r"(?:should|if) you (?:have|require) any (?:further |other )?(?:queries|questions|enquiries))\b",
    re.I,
)
_REASON_START = re.compile(
    r"^(?:reasons? for (decision|refusal)|public interest test|harm|evidence of harm)\b", re.I
)

# --- question labels ------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?:for\s+)?(?P<kw>q(?:uestion)?|request(?:\s+for\s+information)?|part)\s*[.:]?\s*(?P<num>\d{1,2})"
    r"(?:(?:\.(?=(?-i:[a-z])(?![a-z])))?(?P<sub>[a-z](?![a-z])|\([a-z]\)))?"  # "Q5a", "Q5(a)", "Q.5.a" (not "Q1.A ...")
    # "Q6-2 - ...": the second question a request numbered 6 (its numbering restarted), as Precedent's drafts label it
    r"(?:-(?P<rep>[2-9])(?=\s+[-\u2013\u2014]\s))?"
    # "Q2.1 - ...": a decimal label a drafter set in the question editor (``edited.labelled``), as the draft writes it
    r"(?:(?<=\d)\.(?P<dec>\d{1,2})(?=\s+[-\u2013\u2014]\s))?"
    r"(?:\s*[-\u2013\u2014:.)]\s*|\s+(?=\S)|\s*$)",
    re.I,
)
_NUMBERED = re.compile(
    # (a request quoted from its first item: '"1) How many ...'; not the Act quoted from a subsection: '"(2) ...')
    r"^(?:[\"\u201c\u2018']\s?(?=[1-9]\d?[a-z]?[.)]\s))?"
    r"\(?(?P<num>[1-9]\d?)(?:\.(?=[a-z]\s))?(?P<sub>[a-z])?"
    r"(?:[.)]|\s\.(?=[A-Z][a-z])|(?<=\d\.[a-z])(?=\s))(?:\s+(?=\S)|\s*$|(?<=[.)])(?=[A-Z][a-z]))"
)  # "0." is an answer, not a label; "2)The total ...", "1.How many ..." are typed without their space, and "6 .In
# the ..." with it before the stop; "2.a The number ..." is the part a of item 2


@dataclass
class _Block:
    """A labelled stretch of the letter: a question as asked, or as restated with its answer."""

    label: str
    key: tuple[str, str]  # (family, number+sub), e.g. ("q", "1a")
    head: str
    body: list[str] = field(default_factory=list)
    section: str = "response"


# --- sections -------------------------------------------------------------------------------------


# "Answer", "Response 2:", "Our reply": a heading alone on its line, over the answer to the question above it
_ANSWER_HEADING = re.compile(
    r"^(?:our |the )?(?:answer|response|reply)(?:\s*\d{1,2}[a-z]?)?\s*[:.\-\u2013]?\s*$", re.I
)
# "A) 412 staff ...", "A: Not held", "Answer: ...", "A1. ...": an answer marked as such at the start of its line
_ANSWER_MARK = re.compile(
    r"^(?:A\d{0,2}|(?:(?:[Oo]ur )?(?:[Aa]nswer|[Rr]esponse|[Rr]eply)|ANSWER|RESPONSE)\s*\d{0,2})\s*[):.\-\u2013]\s*(?=\S)"
)  # a capital A: "a) states that fact" is an item of a list
# "Q) How many ...", "Q: ...", "Question: ...": a question marked as such, without a number
_QUESTION_MARK = re.compile(
    r"^(?:q|question|request|you asked|your request)\s*(?:[):.\-\u2013]\s*(?=\S)|[:.]?\s*$)", re.I
)  # ("Request:" or "Request." alone over the question is a mark too)


def _paired(lines: list[str]) -> list[str]:
    """Each question with its answer under it, marked as an answer ('Request 1 / How many ...? / Answer 1 / 42 of
    the 53 ...', 'Question 2 / ... / Response:', '- How many ...? / A) 412 ...', 'Q: ... / A: ...'), two or more
    times: the same letter as a numbered request followed by its numbered answers ('1. How many ...?' ...
    'Response' / '1. 42 of the 53 ...'). Other letters are returned as they are."""
    marks: list[tuple[int, str, str, str]] = []  # (line index, 'q' or 'a', label as written, number)
    for i, line in enumerate(lines):
        if not line:
            continue
        if _ANSWER_HEADING.match(line) or _ANSWER_MARK.match(line):
            marks.append((i, "a", "", ""))
        elif (found := _label_of(line)) and found[1][0] in ("q", "request"):
            marks.append((i, "q", found[0], found[1][1]))
        elif _QUESTION_MARK.match(line) or _BULLET.match(line):
            marks.append((i, "q", "", ""))
    while marks and marks[-1][1] == "q" and not marks[-1][2]:
        marks.pop()  # bullets after the last answer heading are in that answer
    if (
        marks
        and marks[0][1] == "q"
        and not marks[0][2]
        and all(m[1] == "a" for m in marks[1:])
        and re.match(r"^[^:]{0,30}:?\s*$", lines[marks[0][0]])
    ):
        marks = marks[1:]  # "Your request:" over questions whose answers alone are marked
    if len(marks) >= 2 and all(m[1] == "a" and _ANSWER_MARK.match(lines[m[0]]) for m in marks):
        # "How many ...? / A) 412 ...": answers marked, questions not; each question is the line above its answer
        asked_at = [next((j for j in range(m[0] - 1, -1, -1) if lines[j]), -1) for m in marks]
        if all(
            j >= 0
            and not _ANSWER_MARK.match(lines[j])
            and (lines[j].rstrip().endswith("?") or _ASKS.search(lines[j]))
            for j in asked_at
        ) and all(a < b for a, b in zip(asked_at, [m[0] for m in marks], strict=True)):
            marks = [x for j, m in zip(asked_at, marks, strict=True) for x in ((j, "q", "", ""), m)]
    kinds = "".join(m[1] for m in marks)
    numbers = [m[3] for m in marks if m[1] == "q"]
    if (
        len(marks) < 4
        or kinds != "qa" * (len(marks) // 2)
        or (
            numbers != [str(n) for n in range(1, len(numbers) + 1)]
            and any(numbers)  # labelled questions count up from 1; unlabelled ones are numbered here
        )
    ):
        return lines
    asked: list[str] = []
    answered: list[str] = []
    for n, ((qi, _, written, _), (ai, _, _, _)) in enumerate(
        zip(marks[0::2], marks[1::2], strict=True), start=1
    ):
        if written and (found := _label_of(lines[qi])):
            rest = found[2]
        else:
            cue = _QUESTION_MARK.match(lines[qi]) or _ITEM.match(lines[qi])
            rest = lines[qi][cue.end() :].strip() if cue else lines[qi].strip()
        under = [x for x in lines[qi + 1 : ai] if x]
        if not rest and under and (numbered := _NUMBERED.match(under[0])):
            # "Request." / "1) Does the service ...?" / "Reply": the question under the mark, without its number
            under[0] = under[0][numbered.end() :].strip()
        question = " ".join(x for x in [rest, *under] if x)
        asked.append(f"{written}: {question}" if written else f"{n}. {question}")
        end = marks[2 * n][0] if 2 * n < len(marks) else len(lines)
        cue = _ANSWER_MARK.match(lines[ai])
        answer = ([lines[ai][cue.end() :].strip()] if cue else []) + lines[ai + 1 : end]
        first = next((j for j, x in enumerate(answer) if x), None)
        if first is None:
            answered.append(f"{n}.")
            continue
        answered.extend([*answer[:first], f"{n}. {answer[first]}", *answer[first + 1 :]])
    return lines[: marks[0][0]] + asked + ["Response"] + answered


_BULLETED_HEADING = re.compile(r"^[-*\u2022]\s+(?=\w[\w ]{1,30}:?\s*$)")
_DECISION_HEADING = re.compile(r"^(?:decision|response|our response|outcome)\s*:?\s*$", re.I)


# A log page's heading over each request it lists ("Information requested", "1. Request received 10 January 2014",
# "ENQUIRY 2"), and over each response ("Response", "Response sent 15 January 2014").
_LOG_REQUEST = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:information requested|(?:request|enquiry) received\b[^.?]{0,30}\b\d{4}|enquiry \d{1,2})"
    r"\s*:?\s*$",
    re.I,
)
_LOG_RESPONSE = re.compile(r"^(?:response|reply) (?:sent|given|made)\b[^.?]{0,30}\b\d{4}\s*$", re.I)


def several_requests(lines: list[str]) -> list[list[str]]:
    """A log page listing several requests, each under its own heading with its response under it: the lines of each,
    its headings put as "Request" and "Response" (none when the page holds one request)."""
    starts = [i for i, x in enumerate(lines) if x and _LOG_REQUEST.match(x.strip())]
    if len(starts) < 2:
        return []
    out: list[list[str]] = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        part = ["Request"]
        for x in lines[a + 1 : b]:
            part.append("Response" if x and _LOG_RESPONSE.match(x.strip()) else x)
        if not any(x.strip() for x in part[1:]):
            return []  # a heading with nothing under it: not a list of requests
        out.append(part)
    return out


# The number of a page's section before its heading, and the reference a heading may carry ("1. ", "1. FOI2025/00075 ")
_NUMBERED_HEADING = re.compile(r"^[1-9]\.\s+(?:[A-Z]{2,}[\w/.-]*\d[\w/.-]*\s+)?(?=\w[\w ]{1,30}:?\s*$)")


def _split_sections(lines: list[str]) -> dict[str, list[str]]:
    """pre (header), request, decision (decision + reasons), response (answers), closing."""
    lines = _paired(lines)
    joined: list[str] = []
    for line in lines:
        # a bullet saved on a line of its own marks the entry on the line below it (not one marked itself)
        if (
            joined
            and joined[-1].strip() in ("-", "\u2022", "*")
            and line.strip()
            and not re.match(r"\(?[\divx]{1,3}[.)]|[-\u2022*]", line.strip(), re.I)
        ):
            joined[-1] = f"{joined[-1].strip()} {line.strip()}"
        else:
            joined.append(line)
    lines = joined
    out: dict[str, list[str]] = {"pre": [], "request": [], "decision": [], "response": [], "closing": []}
    state = "pre"
    seen_request = False
    labels_asked: list[tuple[str, str]] = []  # the request's labels, in order ("Request 1", "Request 2" ...)
    numbers_asked: list[tuple[str, str]] = []  # the request's numbered items, in order ("1)", "2)" ...)
    quote_closed = False  # the request opened with a quotation mark, and a line has closed it
    for line in lines:
        if not line:
            out[state].append("")
            continue
        if (
            state == "request"
            and quote_closed
            and not _QUOTE_OPEN.match(line)
            and not (_DECISION.match(line) or _RESPONSE_START.match(line) or _CLOSING.match(line))
            and not _label_of(line)
        ):
            # the request quoted whole ("In your request, you asked: / “1. (a) ... (b) ... correspondence.”"), then
            # the reply with no heading: the request is what the marks hold
            state = "response"
        quote_closed = False
        if state == "request" and _QUOTE_CLOSE_END.search(line):
            asked = [x for x in out["request"] if x] + [line]
            quote_closed = bool(_QUOTE_OPEN.match(asked[0])) and not _QUOTE_CLOSE_END.search(asked[0][:-1])
        # a page's sections numbered ("1. Request", "1. FOI2025/00075 Request", "2. Response", "2. Our reply"): the
        # headings they are, not items of a list
        bare = _NUMBERED_HEADING.sub("", line)
        if bare != line and (
            _REQUEST_START.match(bare) or _RESPONSE_START.match(bare) or _DECISION_HEADING.match(bare)
        ):
            line = bare
        if state == "request" and (found := _label_of(line)) and found[1][0] in ("request", "q"):
            if found[1] in labels_asked and found[1] == labels_asked[0] and len(labels_asked) >= 2:
                # the first label again after the others, with no heading between ("Request for information 1:"
                # / ... / "Request for information 4:" / "Request for information 1:" / "Zero complaints ..."): the
                # reply, answering under the request's labels
                state = "response"
            else:
                labels_asked.append(found[1])
        elif (
            state == "request" and (found := _label_of(line)) and found[1][0] == "n" and found[1][1].isdigit()
        ):
            counted = [int(k[1]) for k in numbers_asked]
            if (
                len(counted) >= 3
                and counted == list(range(1, len(counted) + 1))
                and 1 < int(found[1][1]) < len(counted)
            ):
                # a number of the list again, with no heading between ("1) ... 4) ..." / "2) Our camera locations
                # are published ..."): the reply, answering by the request's numbers (the first it left unmarked)
                state = "response"
                if found[1][1] == "2":
                    out["response"].extend(_unmarked_first_answer(out["request"]))
            else:
                numbers_asked.append(found[1])
        # a heading saved as a list entry ("- Request", "- Decision": a disclosure log's fields on a web page)
        bare = _BULLETED_HEADING.sub("", line)
        if bare != line and (_REQUEST_START.match(bare) or _DECISION_HEADING.match(bare)):
            line = bare
        if state in ("pre",) and _REQUEST_START.match(line):
            state, seen_request = "request", True
            continue
        if (
            state == "response"
            and not seen_request
            and _REQUEST_START.match(line)
            and not any(answers_line(x) for x in out["response"] if x)
        ):
            # the page's title took for the response's heading ("Freedom of information response" / "Electric
            # vehicles" / "Request:"): nothing replied yet, and the request starts here
            out["pre"], out["response"] = out["pre"] + out["response"], []
            state, seen_request = "request", True
            continue
        if state == "pre" and line.rstrip().endswith(":") and _REQUEST_CUE_END.search(line):
            # "I refer to your e-mail dated 4 July 2023, requesting:": prose that ends by announcing the request
            out[state].append(line)
            state, seen_request = "request", True
            continue
        if state in ("pre", "request") and _DECISION.match(line):
            state = "decision"
        elif state in ("pre", "request", "decision") and _RESPONSE_START.match(line):
            state = "response"
            continue
        elif (
            state in ("pre", "request", "decision")
            and (m := _RANGE.match(line))
            and m.group("kw")
            and not m.group("kw").lower().startswith("q")
        ):
            state = "response"  # "Response 1 - 6:" starts the answers and labels the first of them
        elif (
            state == "decision"
            and seen_request
            and out["request"]
            and (label := _label_of(line))
            and label[1][0] == "q"
            and label[2]
        ):
            # "Decision ... Q1. 14 officers were disciplined": the decision is followed by the answers, each under
            # the label of the question it answers, with no "Response" heading between
            state = "response"
        elif state != "closing" and _CLOSING.match(line):
            state = "closing"
        elif state == "closing" and re.match(r"dear\b", line, re.I):
            state = "response"  # a thread: the request signed off, then the reply ("Dear Terry,")
        elif (
            state == "closing"
            and seen_request
            and not out["response"]
            and not out["decision"]
            and _RESPONSE_START.match(line)
            and len(line) <= 40
        ):
            # a disclosure log's page: the request signed off ("Yours sincerely,"), then the reply under its heading
            # ("Response")
            state = "response"
            continue
        out[state].append(line)
    if not seen_request and not out["response"]:
        # No markers at all: treat everything between header and closing as the response.
        out["response"], out["pre"] = out["pre"], []
    return out


def _unmarked_first_answer(request: list[str]) -> list[str]:
    """The reply to the first question where the reply numbers its answers from 2 ("We do not know the number of
    ... / There are 36 cameras in this network" / "2) Our camera locations are published ..."): the prose after the
    request's last item, from its first paragraph of reply, taken out of ``request`` and numbered 1."""
    last = max(
        (i for i, x in enumerate(request) if x and (found := _label_of(x)) and found[1][0] == "n"),
        default=None,
    )
    if last is None:
        return []
    tail = request[last + 1 :]
    cut = _reply_under_last(tail, figures=True)
    if cut is None or cut >= len(tail):
        return []
    reply = tail[cut:]
    del request[last + 1 + cut :]
    return ["1)", *reply]


# A table row saved one row a line ("| Question 3a) | \u00a32,484.31 | ..."), as HTML and Word tables are read: its
# first cell's label is the row's, as it is where the row is written without the leading bar ("Question 3a) | ...")
_ROW_OPENS = re.compile(r"^\|\s*(?=(?:q(?:uestion)?|request)\s*[.:]?\s*\d)", re.I)
# a list's bullet before a question's label ("\u2022 Q1: The numbers of dogs seized ..."): the label is the item's
_BULLET_OPENS = re.compile(r"^[-\u2022\u25aa\u25cf]\s+(?=q(?:uestion)?\s*[.:]?\s*\d)", re.I)


# A label doubled ("2)1)In relation to the above questions ..."), as a list's number is typed before a Word list's own
# restarted one: the item's number is the first
_DOUBLED = re.compile(r"^(?P<first>\(?[1-9]\d?\))\s?\(?\d{1,2}\)\s*(?=[A-Za-z])")


def _label_of(line: str) -> tuple[str, tuple[str, str], str] | None:
    """(label as written, matching key, rest of the line) or None."""
    line = _BULLET_OPENS.sub("", _ROW_OPENS.sub("", line))
    line = _DOUBLED.sub(r"\g<first> ", line)
    m = _LABEL.match(line)
    if m:
        kw = m.group("kw").lower()
        sub = (m.group("sub") or "").strip("()").lower()
        if m.group("dec"):  # "Q2.1 - ": its own question, not Q2 answered "1 - ..."
            sub = f".{m.group('dec')}"
        num = m.group("num")
        rest = line[m.end() :].strip()
        if kw == "part" and (rest or sub):
            return None  # "Part 1 of the question ..." is part of an answer, not a question
        if kw == "part":  # "Part 1" as a heading of its own: the answer to the first part of the request
            return f"Part {num}", ("part", num), ""
        written = m.group("kw")
        if m.group("rep"):  # only the product's own "Q6-2 - " (a "Question 1-3" range is not one)
            rep = m.group("rep")
            return (f"Q{num}{sub}-{rep}", ("q", f"{num}{sub}-{rep}"), rest) if kw == "q" else None

        if kw == "q":
            family, label = "q", f"Q{num}{sub}"
        elif kw == "question":
            family, label = "q", f"Question {num}{sub}"
        else:
            family = "request"
            label = f"{'REQUEST' if written.isupper() else 'Request'} {num}{sub}"
        return label, (family, num + sub), rest
    m = _NUMBERED.match(line)
    if m and (re.match(r"[\u2014\u2013-]\s*\(\d\)", line[m.end() :]) or _ACT_CONDITIONS.search(line)):
        # "12. — (1) Section 1(1) does not oblige ...", "(2) Any information ... is also exempt information if—": the
        # Act quoted, not an answer
        return None
    if m:
        sub = (m.group("sub") or "").lower()
        return f"{m.group('num')}{sub}", ("n", m.group("num") + sub), line[m.end() :].strip()
    return None


def _renumbered(blocks: list[_Block]) -> list[_Block]:
    """A list whose every item came out as "1." (an HTML list saved as text) is numbered in order."""
    if len(blocks) > 1 and len({b.key for b in blocks}) == 1 and blocks[0].key[0] == "n":
        for i, b in enumerate(blocks, start=1):
            b.key, b.label = ("n", str(i)), str(i)
    return blocks


# "1.a)-d)", "2a & b.", "Q3(a) to (c):" in a reply: one answer to a run (or a pair) of an item's lettered parts
_LETTER_RANGE = re.compile(
    r"^(?:q(?:uestion)?\s*)?(?P<n>\d{1,2})\.?\s?\(?(?P<a>[a-h])\)?\s*(?P<sep>-|\u2013|to|&|and)\s*\(?(?P<b>[a-h])\)?"
    r"[.:)]?(?:\s+|$)",
    re.I,
)


def _range_blocks(line: str, section: str) -> list[_Block]:
    """'1-3. text' -> blocks for 1, 2 and 3 sharing one body (the answer they share); '1.a)-d)' -> 1a to 1d."""
    lettered = _LETTER_RANGE.match(line) if section == "response" else None
    if lettered:
        n, a, b = lettered.group("n"), lettered.group("a").lower(), lettered.group("b").lower()
        if a < b:
            pair = lettered.group("sep").lower() in ("&", "and")
            letters = [a, b] if pair else [chr(c) for c in range(ord(a), ord(b) + 1)]
            shared: list[str] = []  # the parts share one body (the answer they share)
            rest = line[lettered.end() :].strip()
            return [
                _Block(label=f"{n}{x}", key=("n", f"{n}{x}"), head=rest, body=shared, section=section)
                for x in letters
            ]
    m = (_RANGE.match(line) or _PART_RANGE.match(line)) if section == "response" else None
    if not m:
        return []
    a, b = int(m.group("a")), int(m.group("b"))
    if not 1 <= a < b <= a + 20:
        return []
    body: list[str] = []
    rest = line[m.end() :].strip()
    pair = (m.groupdict().get("sep") or "") in ("&", "+") or (m.groupdict().get("sep") or "").lower() == "and"
    # "2, 3 and 4": each number named; "2 and 4": the two; "2-4": the run
    named = (
        [int(x) for x in re.findall(r"\d{1,2}", line[m.start("a") : m.start("sep")])]
        if "sep" in m.re.groupindex
        else []
    )
    numbers = named + [b] if len(named) > 1 else (a, b) if pair else range(a, b + 1)
    return [_Block(label=str(n), key=("n", str(n)), head=rest, body=body, section=section) for n in numbers]


# "Part 2 and Part 3" as a heading of its own: one answer to two parts of the request
_PART_RANGE = re.compile(
    r"^parts?\s*(?P<a>\d{1,2})\s*(?:-|\u2013|to|&|and)\s*(?:part\s*)?(?P<b>\d{1,2})\s*:?\s*$", re.I
)


# The Act quoted where it lists its conditions ("Section 22 of the FOIA provides that information is exempt from
# disclosure if-", "Section 40(2) Any information ... is also exempt information if -"): the numbered lines after it
# are the Act's, not questions.
# A line ending with an em dash before its list is the Act's way of writing too ("(3A) The first condition is that the
# disclosure ... otherwise than under this Act\u2014").
_ACT_CONDITIONS = re.compile(
    r"\bexempt (?:information|from disclosure) if\s*[-:\u2013\u2014]?\s*$|\bthis act\s*\u2014\s*$", re.I
)
# "1 How many ..." in a request: a number with no stop, taken only when the numbers count up from 1
_BARE_NUMBER = re.compile(r"^(?P<num>[1-9]\d?)(?:\s*[-\u2013]\s+|\s+)(?=[A-Z])")


_IF_POSSIBLE = re.compile(r"^(?:if (?:possible|you can)|where possible),?\s*", re.I)


def breakdown_parts_folded(blocks: list[_Block], lines: list[str]) -> list[_Block]:
    """Parts numbered under an item that only ask for a breakdown of it ("1a) If possible, please break down by age of
    patient.") are words of that item, whatever marks they carry (S2a), not questions; an item left unnumbered above
    the parts numbered under it ("What are the longest waiting times ...?" / "1a) ...") is that item, item 1."""
    if not blocks:
        return blocks
    first = next((i for i, x in enumerate(lines) if x and _label_of(x)), 0)
    above = " ".join(x.strip() for x in lines[:first] if x and x.strip())
    items = {b.key[1]: b for b in blocks if b.key[0] == "n"}
    out = list(blocks)
    if blocks[0].key == ("n", "1a") and "1" not in items and above and _ASKS.search(above):
        out.insert(0, _Block(label="1", key=("n", "1"), head=above, section="request"))
        items["1"] = out[0]
    kept: list[_Block] = []
    for b in out:
        m = re.fullmatch(r"(\d{1,2})[a-h]", b.key[1]) if b.key[0] == "n" else None
        item = items.get(m.group(1)) if m else None
        if (
            item is not None
            and not any(x.strip() for x in b.body)
            and _ONLY_NARROWS.match(_IF_POSSIBLE.sub("", b.head))
        ):
            item.body.append(b.head)
            continue
        kept.append(b)
    return kept


def _restarts(blocks: list[_Block]) -> bool:
    """A "1." after a list that counted 1, 2, 3 ... (three or more items, each question asked once) starts a list of
    its own: a request asking the same kinds of question about two subjects, each list under its heading."""
    numbers = [b.key[1].split("#")[0] for b in blocks if b.key[0] == "n"]
    tail = numbers[-3:]
    return len(tail) == 3 and tail[0].isdigit() and tail == [str(int(tail[0]) + i) for i in range(3)]


_PART_MARK = re.compile(r"^\(?(?P<letter>[b-h])[.)]\s+(?=\S)")


def _next_part(line: str, last: tuple[str, str]) -> tuple[str, tuple[str, str], str] | None:
    """In a reply, a line lettered as the next part of the numbered answer above it ("3a) £3.9m" / "b) £3.5m"): the
    answer to that part ("3b"), written without its number."""
    m = _PART_MARK.match(line)
    if not m or last[0] not in ("q", "n") or not re.fullmatch(r"\d{1,2}[a-g]", last[1]):
        return None
    if ord(m.group("letter")) != ord(last[1][-1]) + 1:
        return None
    return m.group(0).strip(), (last[0], last[1][:-1] + m.group("letter")), line[m.end() :].strip()


_QUOTE_OPEN = re.compile(r"^[\u201c\"]")
_QUOTE_CLOSE = re.compile(r"[\u201d\"]")
# a line that ends a quotation ("... including correspondence.\u201d", '... this year?"')
_QUOTE_CLOSE_END = re.compile(r"(?:\u201d|(?<=[.?!)])\")\s*$")


def _blocks(lines: list[str], section: str) -> list[_Block]:
    blocks: list[_Block] = []
    run: list[_Block] = []  # the blocks of a range, which share the lines that follow
    quoting = (
        False  # inside the Act's conditions quoted as a list ("... is exempt information if -" / "1. ...")
    )
    lists = 0  # the request's numbered lists before the one being read, each numbered from 1
    open_quote = (
        False  # the last block's words are a quotation not yet closed: its lines go on until it closes
    )
    runs: list[list[_Block]] = []  # the blocks of each range
    for line in lines:
        if open_quote and line and blocks and not _label_of(line):
            blocks[-1].head = f"{blocks[-1].head} {line.strip()}"
            open_quote = not _QUOTE_CLOSE.search(line)
            continue
        open_quote = False
        if (
            line
            and quoting
            and (_NUMBERED.match(line) or _ITEM.match(line) or re.match(r"\(\d{1,2}\)\s", line))
        ):
            if blocks:
                blocks[-1].body.append(line)
            continue
        quoting = bool(line and _ACT_CONDITIONS.search(line)) or (quoting and not line)
        ranged = _range_blocks(line, section) if line else []
        if ranged:
            blocks.extend(ranged)
            run = ranged
            runs.append(ranged)
            continue
        found = _label_of(line) if line else None
        if line and not found and section == "response" and blocks:
            found = _next_part(line, blocks[-1].key)
        bare = _BARE_NUMBER.match(line) if line and not found and section == "request" else None
        if bare and int(bare.group("num")) == len(blocks) + 1 and all(b.key[0] == "n" for b in blocks):
            found = (bare.group("num"), ("n", bare.group("num")), line[bare.end() :].strip())
        if found:
            run = []
            label, key, rest = found
            if section == "request" and key == ("n", "1") and _restarts(blocks):
                lists += 1  # a second list numbered from 1 again (under a heading of its own)
            if lists and key[0] == "n":
                key = ("n", f"{key[1]}#{lists + 1}")  # not a number the letter uses
            blocks.append(_Block(label=label, key=key, head=rest, section=section))
            # a request quoted item by item, each wrapped over lines ('1. “I would like to know ... / ... 14
            # days?”'): the item runs on to its closing quotation mark, not into an answer
            open_quote = bool(_QUOTE_OPEN.match(rest)) and not _QUOTE_CLOSE.search(rest[1:])
        elif run and line:
            run[0].body.append(line)  # one list, shared by the run
        elif blocks and line and not _RESPONSE_START.match(line):
            blocks[-1].body.append(line)
        elif blocks and not line:
            blocks[-1].body.append("")
    return _notes_on_the_list(blocks, runs)


def _notes_on_the_list(blocks: list[_Block], runs: list[list[_Block]]) -> list[_Block]:
    """A range above the list it names ("Questions 2-8 do not include scheduled maintenance work." / "1. What is
    ..." ... "8. ..."), before any item of it and with each of its numbers an item below: a note on the request the
    list is, not one answer to those questions (an answer to a run comes after them)."""
    ranged = {id(b) for r in runs for b in r}
    for run in runs:
        at = next(i for i, b in enumerate(blocks) if b is run[0])
        below = {b.key for b in blocks[at + len(run) :] if id(b) not in ranged}
        if (
            not any(x.strip() for x in run[0].body)
            and not any(b.key[0] in ("q", "n") for b in blocks[:at])
            and all(b.key in below for b in run)
        ):
            blocks = blocks[:at] + blocks[at + len(run) :]
    return blocks


_ITEM = re.compile(
    r"^(?:[-*\u2022\u25aa\u25cf\u2013\u00b7]\s+|\(?([a-hj-z]|[ivx]{1,4})[.)]\s+|"
    r"(?:firstly|secondly|thirdly|fourthly|fifthly|finally|lastly)\b,?\s*)(?=\S)",
    re.I,
)
_QUOTED_REQUEST = re.compile(
    r"(?:you (?:asked|requested|wrote)|your (?:request|email|letter)[^.:\n]{0,80}?(?:asked|requested|read|was|for|in which you"
    r" (?:asked|requested))|(?:i|we) (?:note|understand) (?:that )?you (?:are seeking|seek|have asked|requested)|"
    r"information requested|request(?:ed)? (?:for|the following))\b[^:\n]{0,120}[:\n]",
    re.I,
)


# A line of a request that asks for something (a question of its own), and one that only introduces them.
_ASKS = re.compile(
    r"\?\s*$|\?\s+[A-Z]|^(?:please|can|could|would|how|what|which|when|where|who|why|whether|is there|are there|do|does|"
    r"will|are|is|was|were|should|"
    r"did|has|have|i (?:would (?:also )?like|request|am requesting|wish)|copies|a copy|copy of|details|the (?:number|total|amount|"
    r"names?|dates?|cost)|all|any|a list|a breakdown|a full|numbers? of|information (?:on|about|regarding))\b",
    re.I,
)
# In a letter with no request heading: a line that can only be the requester asking.
_STRONG_ASK = re.compile(
    r"^(?:[-*\u2022\u25aa\u25cf\u2013]\s*|\(?[a-z0-9]{1,2}[.)]\s*)?(?:please (?!find|note|see|contact|be aware|do not|let us)"
    r"(?:also |could you |can you )?\w+|(?:can|could|would) you (?:please |also )?(?:tell|provide|confirm|advise|inform|"
    r"supply|send|state|give|list|disclose|let)|how (?:many|much|often|long)|what (?:is|are|was|were|percentage|number)|"
    r"i (?:would (?:also )?like|request|am requesting|wish) (?:to (?:request|know|ask|receive)|a copy|copies|details|the|any|"
    r"all)|"
    r"is there|are there|do you|does the|has the|have you)\b.{10,}",
    re.I,
)
_INTRO = re.compile(
    r":\s*[-\u2013]?\s*$|^(?:i am writing|i would like to (?:make|request|submit) a (?:freedom|request)|under the freedom|"
    r"dear\b|this is a request)",
    re.I,
)


_LETTERED = re.compile(r"^\(?([a-h])[.)]\s+(?=\S)")


def _lettered_run(lines: list[str]) -> list[str]:
    """The first run of items lettered a), b), c) ... in order: a request asked in lettered items."""
    run: list[str] = []
    for line in lines:
        m = _LETTERED.match(line)
        if m and m.group(1) == "abcdefgh"[len(run)]:
            run.append(line)
        elif m and run:
            break
        elif run and not m and line.strip() and not run[-1].rstrip().endswith((".", "?")):
            run[-1] = run[-1] + " " + line  # a wrapped item
        elif run and len(run) >= 2 and line.strip():
            break
    return run if len(run) >= 2 else []


def _request_items(lines: list[str]) -> list[tuple[str, str]]:
    """The unnumbered items of a request: bullets, (a), 'Firstly', or paragraphs that ask for something. An item
    that ends with ':' keeps the breakdown listed under it, and "If yes, ..." stays with the question it follows."""
    return [(label, text) for label, text, _ in request_items_at(lines)]


def request_items_at(lines: list[str]) -> list[tuple[str, str, list[int]]]:
    """``_request_items`` with, for each item, the positions (from 1) it holds in the list as written: an item that
    only asks for the same figure for another period, or a breakdown (S2a), is folded into the one before, but a
    reply that answers by number ("1-3.", "4-6.") counts it."""
    items: list[tuple[str, str]] = []
    positions: list[list[int]] = []
    written = 0  # the items as written, folded or not
    breakdown = False  # the last item ended with ':' and what follows is its list
    each = False  # that list is of the fields asked for each record ("For each incident please disclose:")
    previous = ""
    lines = [x for x in lines if x]
    values = _listed_values(lines)
    asked_in_prose = False  # the last item is a paragraph that asks, not a marked item
    for n, line in enumerate(lines):
        m = _ITEM.match(line)
        rest = line[m.end() :].strip() if m else line
        if items and asked_in_prose and n in values:
            # the names a question lists after it asks ("... broken down by product (see below)." / "- Vigam" /
            # "- Gammaplex"): values of its breakdown (S2), not questions
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            continue
        wrapped = (
            not m
            and _WRAPPED.match(line)
            and len(previous) >= 70
            and not previous.rstrip().endswith((".", "?", "!", ":", ";"))
        )
        previous = line
        if (
            wrapped
        ):  # a sentence carried over from a long line ("... in determining\nwhether the department holds")
            if items:
                items[-1] = (items[-1][0], items[-1][1] + " " + line)
            continue
        if quotes_cost_activity(rest):
            continue  # the appropriate-limit Regulations quoted in a cost refusal: what may be counted, not a question
        if m and _PROVISION_ITEM.match(rest):
            continue  # a provision the reply relies on, listed ("- 31(1)(a) - the prevention or detection of crime")
        if _ABOUT_FORMAT.match(rest):
            continue  # how the reply is to be sent ("Please share all the above in a PDF or CSV format."): no question (S7)
        if items and not m and about_several(rest):
            continue  # a period or form for several questions ("I would like each of (i) and (ii) as a number"): none
        if items and (
            _FOLLOW_UP.match(rest)
            # the same figure for another period or area, or a breakdown of it, is no question of its own (S2a)
            or _ONLY_NARROWS.match(rest)
            or (breakdown and (_IS_BREAKDOWN.match(rest) or (m and _LAST_OF_BREAKDOWN.match(rest))))
            # the fields asked "for each" record ("For each incident please disclose: / The nature of the incident, as
            # reported. For example ... / The outcome"), however long
            or (breakdown and each and _IS_FIELD.match(rest))
        ):
            # "... in the periods:" then "a) 2017/18", "- The time": the breakdown stays with its question
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            if m and _ONLY_NARROWS.match(rest):
                written += 1
                positions[-1].append(written)
            continue
        if items and m and not breakdown and _EACH_OF_ITEM.search(rest):
            # an entry that asks for something about each thing an entry above lists, naming it ("b) the maximum number
            # of occupants that each property referred to in (a) is licensed to hold"): a field of its records (S2c)
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            written += 1
            positions[-1].append(written)
            continue
        if not items and _FOR_EACH.search(rest) and _ASKS_EACH.search(rest):
            # a lead that asks for fields of each record ("... please could you tell me for each programme:" / "- the
            # programme name," / "- the number of applications,"): the question, its entries the fields (S2b, S2c)
            items.append((f"Item {len(items) + 1}", rest))
            written += 1
            positions.append([written])
            asked_in_prose = False
            breakdown = each = True
            continue
        if m or (
            (_ASKS.search(line) or (items and _ASKS_WITHIN.search(line)))
            and not _INTRO.search(line)
            and not _POINTS_ON.match(line)
        ):
            items.append((f"Item {len(items) + 1}", rest))
            written += 1
            positions.append([written])
            asked_in_prose = not m
            breakdown = bool(_LEADS_IN.search(rest))
            each = bool(_FOR_EACH.search(rest))
        elif items and _LEADS_IN.search(line) and _FURTHER_LEAD.search(line):
            # a lead that says it asks for more ("I also seek the following information:", "I would also be grateful
            # if you could provide us with information that includes:"): its entries are the request's own items, not
            # values of the item before it, and it asks nothing itself (S3)
            breakdown = each = False
        elif items:
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            breakdown = breakdown or bool(_LEADS_IN.search(line))
            each = each or bool(_FOR_EACH.search(line))
    return _fold_groups(items, positions)


# An entry about each of the things an entry above lists, naming that entry ("each property referred to in (a)", "the
# date each of the properties in (a) was first registered", "those properties referred to in (a)").
_EACH_OF_ITEM = re.compile(
    r"\b(?:each|every|those|these)\b[^.?;]{0,40}?\b(?:(?:referred to|listed|named|identified) )?in \(?[a-h]\)",
    re.I,
)
# The requester asking, anywhere in a lead ("Under the Act, please could you tell me for each ...:").
_ASKS_EACH = re.compile(r"\b(?:please|(?:can|could|would) you|i would like|i request)\b", re.I)


# A lead-in that asks for more than the items before it ("I also seek the following ...:", "In addition, please
# provide:", "I would also be grateful if you could provide ...:").
_FURTHER_LEAD = re.compile(
    r"^(?:(?:i|we)\b[^.?:]{0,30}?\balso\b|(?:in addition|additionally|further(?:more)?),?\s+(?:please|i|we|can|could)\b|"
    r"please (?:also|additionally)\b)",
    re.I,
)


# A paragraph whose ask comes after what scopes it ("From the same dates. Separated by year. What is the cost of
# ...", "I am unsure when the farm was last in use however please provide ..."): an ask all the same.
_ASKS_WITHIN = re.compile(
    r"(?:[.?!]\s+|\b(?:however|but|so),?\s+)(?:please (?:provide|send|supply|give|disclose|confirm|tell|let)|"
    r"what (?:is|are|was|were|has|have|had|did|do|does)\b|how (?:many|much)\b)",
    re.I,
)


# A list entry that opens with a provision of the Act ("31(1)(a) - the prevention or detection of crime", "Section
# 24(1) FOIA - the purpose of safeguarding national security;"): the reply's exemptions, not an ask.
_PROVISION_ITEM = re.compile(
    r"^(?:(?:sections?|s\.?|regulations?|reg\.?)\s?\d{1,2}|\d{1,2}\s?\(\d{1,2}\))(?:\s?\([a-z0-9]{1,4}\))*\s*"
    r"(?:[-\u2013\u2014:]|foia\b|of the\b)",
    re.I,
)
# A line that leads in to the list under it, ending with a colon ("... the following information:", "...:-").
_LEADS_IN = re.compile(r":\s*[-\u2013]?\s*$")
# An ask only about how the reply is to be sent ("Please share all the above in a PDF, CSV, or excel format.").
_ABOUT_FORMAT = re.compile(
    r"^(?:please|(?:can|could|would) you|i would (?:like|prefer))\b[^.?]{0,60}\b(?:in|as|by) (?:an? )?"
    r"(?:pdf|csv|excel|spreadsheet|electronic|word|machine[- ]readable|e-?mail)\b[^.?]{0,40}[.?]?\s*$",
    re.I,
)


# A list entry that only names something ("Octagam", "2019/20", "Ward 4", "The Cottage Hotel, Easthorpe Street"),
# asking nothing and naming no figure or document to give.
_VALUE = re.compile(
    r"^(?![^?]*\?)(?!.*:\s*$)(?!.*\b(?:costs?|numbers?|total|amounts?|values?|lists?|cop(?:y|ies)|details?|breakdown|"
    r"how|what|which|when|why|whether)\b).{1,100}$",
    re.I,
)


def _listed_values(lines: list[str]) -> set[int]:
    """The positions of the entries of each run of two or more bulleted entries that only name something (lettered
    entries are the request's own items, S1)."""
    out: set[int] = set()
    run: list[int] = []
    for n, line in enumerate([*lines, ""]):
        m = _BULLET.match(line)
        rest = line[m.end() :].strip() if m else ""
        if m and _VALUE.match(rest) and not _ASKS.search(rest):
            run.append(n)
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out


def _fold_groups(
    items: list[tuple[str, str]], positions: list[list[int]]
) -> list[tuple[str, str, list[int]]]:
    """Unmarked items that split one count into single groups ("How many of the victims were students / ... were
    staff / ... were female"): two or more in a row that share their opening words and differ only in a short tail
    are breakdown values of the item before them (guide S2d), not questions."""
    words = [re.findall(r"[\w'\u2019-]+", text.lower()) for _, text in items]

    def groups(i: int, j: int) -> bool:  # items i and j say the same but a short tail
        a, b = words[i], words[j]
        n = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return n >= 4 and len(a) - n <= 4 and len(b) - n <= 4

    out: list[tuple[str, str, list[int]]] = []
    i = 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and groups(j, j + 1):
            j += 1
        if j > i and out:  # a run of groups: into the question before it
            label, text, at = out[-1]
            out[-1] = (
                label,
                " ".join([text, *(t for _, t in items[i : j + 1])]),
                at + [n for p in positions[i : j + 1] for n in p],
            )
            i = j + 1
            continue
        out.append((items[i][0], items[i][1], positions[i]))
        i += 1
    return [
        (f"Item {n}" if label.startswith("Item ") else label, text, at)
        for n, (label, text, at) in enumerate(out, start=1)
    ]


# "Please find our response below", "Please note ...": the reply pointing on, or a note, not an ask (S7).
_POINTS_ON = re.compile(r"^please (?:see|find|note|refer|be aware)\b", re.I)
# A line that carries on a sentence (it starts in lower case).
_WRAPPED = re.compile(r"^[a-z]")
# The activities the appropriate-limit Regulations let a cost estimate count (reg. 4(3)), quoted as a list.
_COST_ACTIVITY = re.compile(
    r"^(?:\([a-d]\)\s*)?(?:determining whether (?:it|the \w+) holds?|locating|retrieving|extracting)"
    r" (?:the )?(?:information|a document|it)\b",
    re.I,
)


def quotes_cost_activity(text: str) -> bool:
    """A line quoting the activities the appropriate-limit Regulations let a cost estimate count ("(b) locating the
    information, or a document which may contain the information,"): a cost refusal's text, not a question."""
    return bool(_COST_ACTIVITY.match(text.lstrip("\"'\u201c\u2018")))


# A sentence that names several of the request's questions ("Would you have figures for questions 1, 2 and 3 for the
# years from 2014?", "I would like each of (i) and (ii) as an absolute number", "Please provide your response as
# simple figures to answer each question") and asks for nothing new of its own (no details, list, names or copies):
# a period, a breakdown or a form for them all, which belongs to none of them and is no question (S5a, S2a, S7).
_ABOUT_SEVERAL = re.compile(
    r"\b(?:questions? \(?\w{1,3}\)?(?:\s*(?:,|and|&|to|-|\u2013)\s*\(?\w{1,3}\)?)+|"
    r"each of \(?\w{1,3}\)?(?:\s*(?:,|and|&)\s*\(?\w{1,3}\)?)+|"
    r"(?:each|every|both|all) (?:of )?(?:the |my |these |those )?(?:above )?questions?|all of the above)(?!\w)",
    re.I,
)
_NEW_THING = re.compile(
    r"\b(?:details?|cop(?:y|ies)|lists?|names?|documents?|correspondence|minutes|reports?|reasons?)\b", re.I
)


def about_several(text: str) -> bool:
    """A sentence for several of the questions that asks nothing new of its own (a period, breakdown or form)."""
    return bool(_ABOUT_SEVERAL.search(text)) and not _NEW_THING.search(text)


# "If yes, ...", "If so, please ...": a follow-up belongs to the question before it.
# "If yes, ...", and what a request is to include ("Please include emails, letters and ...", "This should include ...")
_FOLLOW_UP = re.compile(
    r"^-?\s*(?:if (?:yes|so|not|no|this is the case|applicable)\b|please (?:also )?include\b|"
    r"(?:this|these|it|which) (?:should|would|is to|are to) include\b)",
    re.I,
)
# A line that only asks for the figure above again, for another period or area, or broken down ("Please could you
# provide the same information for the two previous years?", "Can you please break the numbers down into ...",
# "Please provide the data from 1 January to 31 December"): a breakdown value of the question before it (guide S2a).
_ONLY_NARROWS = re.compile(
    r"^(?:(?:please|could|can|would|may|i)\b[\w ,']{0,40}?\b)?(?:"
    r"(?:the )?same (?:the )?(?:information|data|figures?|details|breakdown|question)\b|"
    r"(?:break|split) (?:this|these|that|it|them|(?:the|these|those) (?:\w+ )?(?:numbers?|figures?|data|information))"
    r" (?:down|up)\b|"
    r"(?:this|these|the) (?:information|data|figures?)(?: please)? (?:be )?(?:broken|split|separated) (?:down|by|into)\b|"
    r"(?:break|split) (?:it |this |them |these )?(?:down|up) by\b|(?:a|the) (?:breakdown|split) by\b|"
    r"(?:also )?include (?:the |a )?(?:types?|categor(?:y|ies)|kinds?|breakdown)\b|"
    r"(?:provide|give|supply|send) (?:me )?(?:the|this) (?:data|information|figures?) (?:for|from|covering)\b|"
    # the period asked for, on its own line ("I would like data for each of the last three years")
    r"(?:the )?(?:data|figures?|information) (?:for|covering) (?:each of )?(?:the )?(?:last|past|previous) \w+ "
    r"(?:financial |calendar )?years?\b)",
    re.I,
)
# A count asked for ("How many ...", "the number of ..."), then the list or details of the things it counts ("Please
# give the name and address of each", "Please include the nature of each incident"): records, not a count (S5d).
# A sentence that asks for something else, and says so ("In addition, please provide ...", "Please also send ...", "I
# would also like ..."): a question of its own (guide S6); one that asks for a field of each record it lists ("Please
# also provide the name of the lead agency for each project") stays with its question (S2c). The reply may report it
# ("You have also asked for the costs of ...", "You also asked whether ..."): the same further ask, in its words.
_ALSO_ASKS = re.compile(
    r"^(?:(?:in addition|additionally),?\s+(?:please|can|could|would|i)\b|"
    r"(?:please|i would|i'd|i\u2019d)\s+(?:also|additionally)\s+(?:provide|send|supply|like|disclose|give)\b|"
    r"(?:can|could|would) you (?:please )?also (?:provide|send|supply|disclose|give|state|tell|confirm|list)\b|"
    r"you (?:have )?(?:also|further|additionally) (?:asked|requested|sought)\b)",
    re.I,
)
# A sentence after the one that names the request, reporting a further ask of it ("Thank you for your request for
# information regarding X. You also asked for the reason ..."): part of the request, as the sentence naming it is.
REPORTED_FURTHER_ASK = re.compile(
    r"^(?:(?:in addition|additionally),?\s+)?you (?:have )?(?:also|further|additionally) (?:asked|requested|sought)"
    r"\b[^.?]{10,}[.?]",
    re.I,
)
# "How many times was X deployed and – as a separate number – how many times fired": the requester asks for the part
# after the aside separately (guide S5e, as the last pass confirmed it); the aside is where the two asks part.
_SEPARATE = re.compile(
    r"\s+and\s+[-\u2013\u2014]\s*as a separate (?:number|figure|total|count)\s*[-\u2013\u2014]\s*", re.I
)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The sentences of a text, each cut where an aside says what follows is asked separately: (piece, whether it
    follows such an aside)."""
    return [
        (piece, k > 0)
        for sentence in decision.sentences(text)
        for k, piece in enumerate(_SEPARATE.split(sentence))
    ]


_NEW_ASK = re.compile(
    r"^(?:please|(?:can|could|would) you(?: please)?)\s+(?:provide|supply|send|disclose|give)\s+(?:me\s+)?(?:with\s+)?"
    r"(?:a copy|copies|a list|details|the number|the names?|all)\b",
    re.I,
)
_ASKED = re.compile(r"\?|^(?:please|can you|could you|i would like|i request)\b", re.I)
_CONDITIONAL = re.compile(r"^-?\s*if\b", re.I)  # "If so, please list them" follows its question up (S4)
_COUNT = re.compile(r"\bhow many\b|\b(?:the |total )?number of\b", re.I)
_DETAILS_OF_EACH = re.compile(
    # (for each thing counted: "For each incident, please detail whether ...", "In each case, please could you state
    # whether any misconduct was found")
    r"^(?:(?:for|in) (?:each|every) \w+,?\s+)?"
    r"(?:please|can you|could you|would you|i would)\b[^.?]{0,40}\b(?:names?|list|details?|address(?:es)?|nature|"
    r"include|(?:state|say|indicate|specify|confirm) (?:whether|which|what|if))\b",
    re.I,
)


# A part of a request in prose marked by its place ("First part: ...", "Second part: ...", "Part two: ..."): a label
# as written (guide S9), so the part is an item of its own (S1), whatever its words.
_PART_LABEL = re.compile(
    r"^(?:(?:first|second|third|fourth|fifth|final|last) part|part (?:one|two|three|four|five|[1-9]))\s*[:\u2013-]\s*\S",
    re.I,
)


def further_asks(text: str) -> list[str]:
    """A request item's text split where a sentence after a count asks for the list or details of what it counts
    ("How many stations closed? Please give the name and address of each."): records, not a count, which a reply
    may withhold while it gives the count (S5d); and where a sentence says it asks for something more ("In addition,
    please provide ...", "I would also like ...", S6). A sentence that only narrows, breaks down or follows up the
    one before stays with it (S2a, S4)."""
    parts: list[list[str]] = []
    for sentence, aside in _pieces(text):
        bare = sentence.lstrip("\"'\u201c\u2018-\u2013 ")
        # (a part marked by its place is an item of its own, whatever its words)
        aside = aside or (bool(parts) and bool(_PART_LABEL.match(bare)))
        new = aside or (
            bool(parts)
            and len(bare.split()) >= 4
            and not (_ONLY_NARROWS.match(bare) or _CONDITIONAL.match(bare) or about_several(bare))
            and bool(
                (
                    _DETAILS_OF_EACH.match(bare)
                    and _COUNT.search(" ".join(parts[-1]))
                    and not _COUNT.search(bare)
                )
                or (_ALSO_ASKS.match(bare) and not _EACH.search(bare))
                or (_NEW_ASK.match(bare) and not _EACH.search(bare) and _ASKED.search(" ".join(parts[-1])))
                # a question of its own after a question ("Will the free market principle apply? Will providers be
                # authenticated ...?"), a sentence that asks something more ("And who will be responsible ...?")
                or (
                    (
                        _OWN_QUESTION.match(bare)
                        or _ALSO_QUESTION.match(bare)
                        or _TYPED_QUESTION.match(bare)
                        or _ALSO_TYPED_QUESTION.match(bare)
                    )
                    and _is_question(parts[-1][-1])
                )
            )
        )
        if new or not parts:
            parts.append([sentence])
        else:
            parts[-1].append(sentence)
    return [" ".join(p) for p in parts]


# A question asked in a sentence of its own ("How many were not proven?", "Could you supply copies of ...?").
_OWN_QUESTION = re.compile(
    # (after a phrase that scopes it: "During the same time period, how many ...?", "Of that number, how many ...?")
    r"^(?:[\w'\u2019 /()&-]{2,80},\s+)?"
    r"(?:how|what|which|when|where|who|why|is|are|was|were|do|does|did|has|have|will|(?:can|could|would) you)\b"
    r"[^?]{2,}\?$",
    re.I,
)


# A question typed with a full stop ("How many times since 2014 have you sent teams to the airport.", "Are CCGs
# free to set salaries."), opening as only a question does (not "Where ..., please ...", "Do not include ...").
_QUESTION_OPENING = (
    r"(?:how|what|who|why|is|are|was|were|does|did|has|have|will|(?:can|could|would) you|do(?! not\b))\b"
)
_TYPED_QUESTION = re.compile(rf"^{_QUESTION_OPENING}[^?]{{2,}}\.[\"\u201d\u2019']?$", re.I)
_ALSO_TYPED_QUESTION = re.compile(
    rf"^(?:also|and(?: also)?|in addition|additionally|further(?:more)?),?\s+{_QUESTION_OPENING}[^?]{{2,}}\."
    r"[\"\u201d\u2019']?$",
    re.I,
)


def _is_question(sentence: str) -> bool:
    """A sentence that asks a question: with its question mark, or opening as a question and typed with a stop."""
    bare = sentence.strip().lstrip("\"'\u201c\u2018-\u2013 ")
    return bare.rstrip("\"\u201d\u2019' ").endswith("?") or bool(_TYPED_QUESTION.match(bare))


# A lead announcing the list under it, the values it covers after its colon ("the following information for: 2019/20")
_FOLLOWING = re.compile(r"\bthe following\b[^:?]{0,80}:", re.I)
# A question that says it asks something more ("In addition, how many ...?", "Also, what is the longest ...?").
_ALSO_QUESTION = re.compile(
    r"^(?:also|and(?: also| specifically)?|in addition|additionally|further(?:more)?),?\s+"
    r"(?:how|what|which|when|where|who|why|is|are|was|were|do|does|did|has|have|will|(?:can|could|would) you)\b"
    r"[^?]{2,}\?$",
    re.I,
)


# A lettered sub-item of a numbered item ("a)", "(ii)"), and one that asks on its own: a question, a conditional ask,
# a count, an amount, a list or a copy ("a) How often is the list updated?", "b. The total cost of the review").
_SUB_ITEM = re.compile(r"^\(?(?P<mark>[a-h]|i{1,3}|iv|v|vi{1,3})[.)](?:\s+(?=\S)|(?=[A-Z][a-z]))")
_ASKS_ON_ITS_OWN = re.compile(
    r"^(?:(?:how|what|which|when|where|who|why|is|are|was|were|do|does|did|has|have|will|(?:can|could|would) you)\b"
    r"[^?]*\?|if\b[^.?]*\bplease\b|please\b|(?:the )?(?:total )?(?:number|amount|cost|value) of\b|how many\b|"
    r"(?:a )?(?:full )?(?:list|copy|copies) of\b|"
    # a follow-up that asks ("If yes, how much did you pay in total?"), a request made in words ("We request ...")
    r"if\b[^.?]{0,60}?,\s*(?:how|what|which|when|where|who|why|is|are|was|were|do|does|did|has|have)\b[^?]*\?|"
    r"(?:i|we)\b[\w ]{0,20}?\b(?:request|would like|ask)\b)",
    re.I,
)
# A lead for fields of each record ("In each case please disclose:", "For each trial:"): its items are fields (S2c).
_EACH = re.compile(r"\b(?:each|every)\b", re.I)


def leading_sub_items(answer: str) -> tuple[list[str], str]:
    """The lettered sub-items on the first lines of what follows a question restated where it is answered ("a) If so,
    please provide the number upheld."), and the rest, its answer."""
    lines = answer.split("\n")
    at = next((i for i, x in enumerate(lines) if x.strip() and not _SUB_ITEM.match(x.strip())), len(lines))
    return [x.strip() for x in lines[:at] if x.strip()], "\n".join(lines[at:]).strip()


def _one_split(texts: list[str]) -> bool:
    """Parts that open with the same four words and differ after them: one figure split by group."""
    words = [re.findall(r"[\w'\u2019-]+", t.lower()) for t in texts]
    return len(words) >= 2 and all(len(w) > 4 and w[:4] == words[0][:4] for w in words)


# a head that asks in other words ("I am looking for ...", "... I would be grateful for ...")
_REQUESTER_ASKS = re.compile(
    r"\b(?:please|request|requesting|like to|wish to|grateful|looking for|provide|know|asking|ask)\b", re.I
)


def item_asks(lines: list[str], answered: frozenset[str] = frozenset()) -> list[tuple[str | None, str]]:
    """The asks of one numbered item of a request, in order, each with its label: ``None`` for the item's own first
    ask, ``""`` for a further ask in it, the marker as written for a sub-item ("a)").

    * Its first asking sentence with what narrows it, then each further sentence or unmarked line that asks a
      question of its own after a question ("What criteria do you use? Could you supply copies of them?"), or the
      list or details of what a count counts (guide S5, S5b, S5d). A breakdown, another period or a follow-up ("If
      so, ...") stays with its question (S2a, S4).
    * Lettered sub-items that each ask on their own ("If so: a) Where is it published? b) How often ...?", "Details
      of: a. The number of staff ... b. The total cost ...") are questions (S1), under a lead-in that asks nothing
      itself only they are (S3); sub-items that are fields of each record (under "In each case ...") or values of a
      breakdown stay in the item (S2).
    * Sub-items the reply answers under their own labels ("3a) ...", ``answered`` holds their letters) are questions
      whatever they ask (S10)."""
    lines = [x.strip() for x in lines if x and x.strip()]
    marks = [i for i, x in enumerate(lines) if i > 0 and _SUB_ITEM.match(x)]
    if marks:
        head = " ".join(lines[: marks[0]])
        subs = [
            (m.group(0).strip(), " ".join([lines[i][m.end() :], *lines[i + 1 : j]]).strip())
            for i, j in zip(marks, [*marks[1:], len(lines)], strict=True)
            if (m := _SUB_ITEM.match(lines[i]))
        ]
        # a heading that only names the topic of its items ("1) Gritting activity" / "a) The total number of days
        # ...") introduces them as a lead-in does (S3)
        heading = (
            len(head.split()) <= 8
            and not re.search(r"[?:.]\s*$|\?", head)
            and not _ASKS.search(head)
            and not _EACH.search(head)
        )
        # (a lead-in may be followed by the values it covers: "... for the listed years:" / "2019/20, 2020/21")
        lead_in = (
            (head.rstrip().endswith(":") or lines[0].rstrip().endswith(":") or _FOLLOWING.search(head))
            and "?" not in head
        ) or heading
        # a statement that sets out what the parts ask about ("2. On 04th August 2021, we submitted concerns regarding
        # the Independent Neurology Inquiry." / "(a) What action was taken?"): it asks nothing itself (S3)
        told = bool(
            re.search(r"\.\s*$", head)
            and not _ASKS.search(head)
            and not _ASKS_ON_ITS_OWN.match(head)
            and not _REQUESTER_ASKS.search(head)
        )
        if heading and all(len(text.split()) >= 3 and not _ONLY_NARROWS.match(text) for _, text in subs):
            return [(mark, text) for mark, text in subs]
        if len(subs) >= 2 and _one_split([text for _, text in subs]) and not answered:
            # parts that ask alike, opening with the same words ("a. What percentage goes towards training?" / "b.
            # What percentage goes towards technology?"): groups of one figure, values of its breakdown (S2d)
            return [(None, " ".join(lines))]
        if answered and any(mark.strip("().").lower() in answered for mark, _ in subs):
            return ([] if lead_in else [(None, head)]) + [(mark, text) for mark, text in subs]
        if (
            len(subs) >= 2
            and not _EACH.search(head)
            and all(_ASKS_ON_ITS_OWN.match(text) and not _ONLY_NARROWS.match(text) for _, text in subs)
        ):
            return ([] if lead_in or told else [(None, head)]) + [(mark, text) for mark, text in subs]
        if (
            len(subs) == 1
            and not lead_in
            and (not _EACH.search(head) or _CONDITIONAL.match(subs[0][1]))
            and _ASKS_ON_ITS_OWN.match(subs[0][1])
            and not _ONLY_NARROWS.match(subs[0][1])
        ):
            # a one-item sub-list under a question that asks on its own ("2. How many complaints ...?" / "a) Please
            # also provide the number ... over the last three years", "a. If the reason is 'other' please provide
            # ..."): its marker makes it a question of its own, a follow-up too (S1, S4e)
            return [(None, head), subs[0]]
    if any(_ITEM.match(x) or list_item(x) for x in lines[1:]):
        return [(None, " ".join(lines))]
    parts: list[list[str]] = []
    for line in lines:
        for sentence, aside in _pieces(line):
            bare = sentence.lstrip("\"'\u201c\u2018-\u2013 ")
            before = " ".join(parts[-1]) if parts else ""
            new = aside or (
                bool(parts)
                and len(bare.split()) >= 3
                and not (_ONLY_NARROWS.match(bare) or _CONDITIONAL.match(bare) or about_several(bare))
                and bool(
                    (
                        # (the last of a quoted item's questions ends with its closing mark: '... at this stage?"')
                        (_OWN_QUESTION.match(bare.rstrip("\"\u201d\u2019'")) or _TYPED_QUESTION.match(bare))
                        and bool(parts)
                        and _is_question(parts[-1][-1])
                    )
                    or (
                        (_ALSO_QUESTION.match(bare) or _ALSO_TYPED_QUESTION.match(bare))
                        and bool(_ASKED.search(before) or _is_question(parts[-1][-1]))
                    )
                    or (_DETAILS_OF_EACH.match(bare) and _COUNT.search(before) and not _COUNT.search(bare))
                )
            )
            if new or not parts:
                parts.append([sentence])
            else:
                parts[-1].append(sentence)
    return [(None if n == 0 else "", " ".join(p)) for n, p in enumerate(parts)]


# A list entry that does not open the way a question does ('How many ...', 'Please ...').
_NOT_ASKING = r"(?!(?:how|what|which|when|where|who|why|please|can|could|do|does|is|are)\b)"
# The last entry of a list under a question, which closes the question ("d) 1st April 2020 to 31st March 2021?").
_LAST_OF_BREAKDOWN = re.compile(rf"^{_NOT_ASKING}[^?]{{1,90}}\?\s*$", re.I)
# A request that asks for fields of each record ("For each incident please disclose:").
_FOR_EACH = re.compile(r"\bfor (?:each|every)\b[^:]{0,80}:\s*$", re.I)
_IS_FIELD = re.compile(rf"^(?![^?]*\?\s*$){_NOT_ASKING}.{{1,300}}$", re.I)
# A short entry of a list (a year, a category, a field), not a question of its own.
_IS_BREAKDOWN = re.compile(rf"^(?![^?]*\?\s*$){_NOT_ASKING}.{{1,90}}$", re.I)


def _first_sentences(text: str, limit: int = 300) -> str:
    out = ""
    for sentence in decision.sentences(text):
        out = (out + " " + sentence).strip()
        if len(out) >= 80:
            break
    return out[:limit]


# (a list may run on with slashes: "In relation to Question 1 / 2 / 3 and 4.")
_MENTION = re.compile(
    r"\b(?:q|questions?|requests?)\s?(\d{1,2})[a-z]?\b"
    r"((?:\s*(?:-|\u2013|to|and|&|,|/)\s*(?:q\s?)?\d{1,2}[a-z]?\b)*)",
    re.I,
)


def _mentions(lines: list[str]) -> dict[str, list[str]]:
    """Paragraphs of the response that name the questions they answer ('In relation to question 2', 'Q4 & Q5 -',
    'Question 1 / 2 / 3 and 4')."""
    out: dict[str, list[str]] = {}
    for line in lines:
        for m in _MENTION.finditer(line[:200] if line else ""):
            a = int(m.group(1))
            more = [int(x) for x in re.findall(r"\d{1,2}", m.group(2))]
            ranged = re.match(r"\s*(?:-|\u2013|to)", m.group(2), re.I)
            if len(more) == 1 and ranged:
                named = list(range(a, more[0] + 1)) if a < more[0] <= a + 20 else [a]
            else:
                named = [a] + [n for n in more if n <= 50]
            for n in named:
                if line not in out.setdefault(str(n), []):
                    out[str(n)].append(line)
    return out


def _match_key(key, by_key, answers) -> tuple[str, str]:
    """An answer labelled 'For Question 1' may answer 'REQUEST 1': match on the number when the
    family has no such question."""
    if key in by_key:
        return key
    same_number = [k for k in by_key if k[1] == key[1]]
    unanswered = [k for k in same_number if k not in answers]
    if len(unanswered) == 1:
        return unanswered[0]
    if len(same_number) == 1:
        return same_number[0]
    return key


def _similar(a: str, b: str) -> bool:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


_INLINE_ANSWER = re.compile(
    r"\s[-\u2013\u2014]\s+(?=(?:please|this information|see|no\b|yes\b|not held|none|nil|the (?:mps|force|council)|"
    r"we |information)\b)"
    r"|(?<=[?.])\s+(?-i:A|Answer|Response)\d{0,2}\s*[):.\-\u2013]\s+(?=\S)"  # "... 2023? A) 412 staff ..."
    r"|(?<=\?)\s+[-\u2013\u2014]\s+(?=\S)",  # "... in 2023? - 412 staff ...": a question ends, then its answer
    re.I,
)


def _split_inline(head: str, body: str) -> tuple[str, str]:
    """'Q1a - question? – Please visit above link.' -> (question, answer)."""
    if body:
        return head, body
    parts = list(_INLINE_ANSWER.finditer(head))
    if parts:
        cut = parts[-1]
        return head[: cut.start()].strip(), head[cut.end() :].strip()
    asked, mark, rest = head.partition("? ")
    if mark and len(rest) >= 60 and "?" not in rest and rest[:1].isupper():
        return (
            asked + "?",
            rest.strip(),
        )  # a question and its answer run together (a reply that lost its breaks)
    asked, mark, rest = head.rpartition("? ")
    if mark and _SHORT_REPLY.match(rest.strip()):
        return asked + "?", rest.strip()  # answered after the question mark: "... in 2018? 30", "...? No"
    return head, ""


# A short reply on the question's own line: a figure, yes or no, not applicable, or a short sentence that is not a
# further ask ("This information is not recorded."), nor the choices a form offers ("Yes/No").
_SHORT_REPLY = re.compile(
    r"^(?!(?:yes|y)\s*/\s*(?:no|n)\b)(?!(?:please|can|could|would|will|if|and|also|or|what|how|which|who|when|where|why|do|does|did|is|are|has|"
    r"have|in|for|including|provide|list|give|i|my|e\.g|eg|i\.e)\b)"
    r"(?:[\d\u00a3$\u20ac][^?]{0,60}|(?:yes|no|none|nil|n/?a|not applicable)\b[^?]{0,60}|[A-Z][^?]{0,100}\.)$",
    re.I,
)


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip()


_REASON_LABEL = re.compile(r"\b(?:redefined\s+)?(?:q|question)\s?(\d{1,2}[a-z]?)\b", re.I)


def _reason_paragraphs(lines: list[str]) -> dict[str, str]:
    """Reason-for-decision paragraphs that name a question ('The information requested for Q6 ...')."""
    out: dict[str, str] = {}
    for line in lines:
        if not _WITHHELD.search(line) and "not suitable" not in line.lower():
            continue
        for m in _REASON_LABEL.finditer(line[:300]):
            out.setdefault(f"q{m.group(1).lower()}", line)
    return out


# A reply whose line breaks were lost (a PDF or a page saved as one paragraph): where its parts start.
_FLAT_LABEL = re.compile(
    r"(?:(?<=[.?!:;)\]\"\u201d])|^)\s+(?P<label>(?:Q(?:uestion)?\s?)?(?P<n>\d{1,2})[.)]|\((?P<p>\d{1,2})\))\s+(?=[A-Z\[\"\u201c])"
)
_FLAT_HEADING = re.compile(
    r"(?:(?<=[.?!:;)\"\u201d])|^)\s+(?=(?:Request|Response|Our response|Decision|Reasons? for decision|"
    r"You asked|Your request|Complaint rights|Dear\s[A-Z])\b)"
)
LONG_LINE = 600


def unflatten(line: str) -> list[str]:
    """A very long line is a reply that lost its line breaks: break it before its headings and before its
    numbered items when they count up from 1 ("... below. 1. How many ... 2. What ..."). Shorter lines are
    returned as they are."""
    if len(line) < LONG_LINE:
        return [line]
    cuts = {m.end() for m in _FLAT_HEADING.finditer(line)}
    labels: list[int] = []  # where the numbered items start
    expected = 1
    for m in _FLAT_LABEL.finditer(line):
        n = int(m.group("n") or m.group("p"))
        if n == expected or (n == 1 and expected > 1):  # 1, 2, 3 ... (a second list may start again at 1)
            cuts.add(m.start("label"))
            labels.append(m.start("label"))
            expected = n + 1
    if not cuts:
        return [line]
    points = sorted(cuts)
    if labels and points[-1] == labels[-1]:
        # the last item runs on into the reply ("... 5. The name/job title of the officials ... Aberystwyth. I confirm
        # we hold some information captured by your request. For your first question, ..."): the reply starts at the
        # first sentence after it that opens a reply
        for m in _SENTENCE_GAP.finditer(line, points[-1]):
            if _REPLY_CUE.match(line[m.end() :]):
                points.append(m.end())
                break
    parts = [line[a:b].strip() for a, b in zip([0, *points], [*points, len(line)], strict=True)]
    return [p for p in parts if p]


_SENTENCE_GAP = re.compile(r"(?<=[.?!\u201d])\s+(?=[A-Z])")
_MIDLINE_FIRST = re.compile(r"(?<=[?:.])\s+(?P<label>\(?1(?P<close>[.)])\s+)(?=\S)")


def split_first_items(lines: list[str]) -> list[str]:
    """A list whose first item starts inside the line above the second ("... in an excel file? 1) the number of fire
    dogs ..." then "2) The number ..."): the first item on a line of its own, as its list is written."""
    out: list[str] = []
    for i, line in enumerate(lines):
        m = _MIDLINE_FIRST.search(line)
        after = next((x for x in lines[i + 1 :] if x.strip()), "")
        if m and re.match(rf"\(?2\{m.group('close')}\s", after.strip()):
            out.extend([line[: m.start()].rstrip(), line[m.start("label") :].strip()])
        else:
            out.append(line)
    return out


# A line where the authority starts replying (not the requester asking): "Please see attached for your response",
# "I have processed your request", "Unfortunately, ...", "Outcome / Documents".
_REPLY_CUE = re.compile(
    r"^(?:please (?:see|find) (?:below|attached|enclosed|our|the attached|the enclosed)|unfortunately\b|"
    # "Please find information attached.", "Please see the requested data below."
    r"please (?:see|find) (?:the )?(?:requested )?(?:information|data|figures|details|documents?)(?: requested)? "
    r"(?:attached|enclosed|below)\b|"
    r"i (?:confirm\b|have (?:processed|considered|now|today|been)|can (?:confirm|now)|am (?:able|pleased|unable|afraid|"
    r"writing to (?:confirm|inform|let you know)))|"
    r"we (?:have (?:processed|considered|now|today)|can (?:confirm|now)|are (?:able|pleased|unable|not able)|do not hold|"
    r"hold|cannot)|"
    r"(?:your request (?:for information )?has (?:now )?been (?:considered|handled|dealt with))|thank you for your (?:[\w-]+ ){0,4}?(?:request|e-?mail|enquiry)|"
    r"in (?:accordance with|response to) (?:your|the|section)|outcome\b|our (?:response|ref)\b|"
    # a heading over the answer to one question ("Answer to Q2", "Answer To Question 1:", "Response to question 3")
    r"(?:answer|response|reply)\s+to\s+(?:q|question)\.?\s?\d{1,2}[a-z]?\b|"
    # the authority named as not holding it ("The Scottish Ambulance Service does not hold information on ...")
    r"the [\w&'\u2019 ]{2,60}? (?:does|do|did) not (?:hold|record|collect|keep)\b|"
    r"this (?:can be|is available|is because|information (?:is|was|has))\b|"
    # "The information you have requested is being withheld under Section 12", "Section 12 – Cost" as a heading
    r"the information (?:you (?:have )?)?requested (?:is|has|was|cannot|will)\b|"
    r"(?:section|s\.)\s?\d{1,2}(?:\(\d\))?\s*[-\u2013\u2014:]\s*[A-Z][\w ]{2,40}$)",
    re.I,
)


def answers_line(line: str) -> bool:
    """A line that replies (a reply's opening, or treatment wording in a line that does not ask)."""
    if _REPLY_CUE.match(line):
        return True
    if _ASKS.search(line) and not re.match(r"please (?:note|see|find|be aware|refer)\b", line, re.I):
        return False
    return any(p.search(line) for p in (_NOT_HELD, _PUBLIC_DOMAIN_STRONG, _COST, _NCND, _WITHHELD))


# The requester's own words under a question ("If this request cannot be met ..., please can you provide me with
# advice"), not a reply.
_REQUESTER = re.compile(r"\b(?:i|me|my|please)\b", re.I)


# "In respect of question 2 of your request, ...": a paragraph that names the question it answers.
_NAMES_ITS_QUESTION = re.compile(
    r"^(?:in (?:respect|relation|response|reply|answer) (?:of|to)|with regards? to|regarding) (?:your )?"
    r"(?:questions?|q)\s?\d{1,2}[a-z]?\b(?![^.]*\?)",
    re.I,
)
_QUOTE_CLOSED = re.compile(r"[.?]\s*[\"\u201d]\s*$")


def _unanswered_list(blocks: list[_Block], quoted: bool = False) -> bool:
    """Questions listed with nothing under any but the last, each asking (not a reply's list of figures), each
    numbered once, and no line under the last naming a question by its number (a reply that answers them by name
    is read so)."""
    last = blocks[-1]
    return (
        not any(x and (not quoted or answers_line(x)) for b in blocks[:-1] for x in b.body)
        and len({b.key for b in blocks}) == len(blocks)
        and (quoted or all(_ASKS.search(b.head) for b in blocks))
        and (quoted or not any(_MENTION.search(x) for x in last.body if x))
    )


def _reply_under_last(body: list[str], figures: bool = False) -> int | None:
    """Where the reply starts under the last question of a list when it opens with no cue ("If disclosed, this
    information could be used ..." then "... is exempt under Section 24."): its first line that replies (or, with
    ``figures``, states a figure: "There are 36 cameras in this network"), with the paragraphs of prose before it
    that neither ask nor speak as the requester."""
    first = next(
        (i for i, x in enumerate(body) if x and (answers_line(x) or (figures and _replies(x)))), None
    )
    if first is None or _REQUESTER.search(body[first]):
        return None
    while first > 0 and (
        not body[first - 1] or not (_ASKS.search(body[first - 1]) or _REQUESTER.search(body[first - 1]))
    ):
        if body[first - 1] and len(body[first - 1].split()) < 12:
            break  # a short line: a field asked for or the question's last words, not the reply's prose
        first -= 1
    while first < len(body) and not body[first]:
        first += 1
    return first


def trailing_reply(blocks: list[_Block]) -> tuple[list[_Block], list[str], list[_Block]] | None:
    """Questions listed one after another, then the reply as prose after the last of them ("1. ... 2. ... 3. ...
    Please see attached for your response."): the reply has run into the last question. Returns the questions
    (as asked, the reply cut off), the reply's lines, and any labelled answers that follow it ("Part 1 ...");
    None when the blocks do not look like that (a question before has a reply of its own, or none starts)."""
    for n, block in enumerate(blocks):
        cut = next(
            (
                i
                for i, line in enumerate(block.body)
                if line and (_REPLY_CUE.match(line) or (n == len(blocks) - 1 and _STATES_FIGURE.match(line)))
            ),
            None,
        )
        if n == len(blocks) - 1 and n and _unanswered_list(blocks, quoted=True):
            # a quoted request closed under its last question, then paragraphs that name the questions they answer
            # ('In respect of question 2 of your request, ...')
            named = next(
                (
                    i
                    for i, line in enumerate(block.body)
                    if line
                    and _NAMES_ITS_QUESTION.match(line)
                    and _QUOTE_CLOSED.search(" ".join(x for x in [block.head, *block.body[:i]] if x))
                ),
                None,
            )
            cut = named if named is not None and (cut is None or named < cut) else cut
        if cut is None and n == len(blocks) - 1 and n and _unanswered_list(blocks):
            cut = _reply_under_last(block.body)
        if cut is None:
            if any(answers_line(line) for line in [block.head, *block.body] if line):
                return None  # a question with its own answer: not a list of questions
            continue
        if n == 0 or any(answers_line(line) for line in [block.head, *block.body[:cut]] if line):
            return None
        if not any(block.body[:cut]) and all(any(b.body) for b in blocks[:n]):
            return None  # every question before has lines under it, and so has this one: each is answered under it
        asked = [
            _Block(label=b.label, key=b.key, head=b.head, body=list(b.body), section="request")
            for b in blocks[: n + 1]
        ]
        asked[-1].body = block.body[:cut]
        rest = blocks[n + 1 :]
        if any(b.key in {a.key for a in asked} for b in rest):
            return None  # the same labels again: answers restating their questions, read as they are
        return asked, block.body[cut:], rest
    return None


# "question 6", "Questions 1, 2 and 3", "questions 4-6", "Q4 & Q5": the questions a paragraph names.
_NAMES = re.compile(
    r"\b(?:questions?|q|points?|requests?(?= ?[\u2018'\"\u201c]))\s?[\u2018'\"\u201c]?(\d{1,2}[a-z]?)\b"
    r"[\u2019'\"\u201d]?((?:\s*(?:,|and|&|-|\u2013|to)\s*(?:q\s?)?[\u2018'\"\u201c]?\d{1,2}[a-z]?\b[\u2019'\"\u201d]?)*)",
    re.I,
)
# A line that only lists a provision ("Section 24(1) - National Security", "- s.31(3) Law enforcement").
_CITATION_LINE = re.compile(
    r"^(?:[-*\u2022\u25aa\u25cf\u2013]\s*)?(?:sections?|s\.|regulations?|reg\.?)\s?\d|"
    r"^(?:these|this|the above|both) (?:exemptions?|sections?|provisions?)\b|^https?://\S+$",
    re.I,
)


# A question named by its place in words ("the first part of your request", "the second part of the request",
# "question two"): the question of that number.
_PLACES = {
    **dict.fromkeys(("first", "one"), 1),
    **dict.fromkeys(("second", "two"), 2),
    **dict.fromkeys(("third", "three"), 3),
    **dict.fromkeys(("fourth", "four"), 4),
    **dict.fromkeys(("fifth", "five"), 5),
    **dict.fromkeys(("sixth", "six"), 6),
}
_PLACE_NAMED = re.compile(
    r"\bthe (?P<ordinal>first|second|third|fourth|fifth|sixth) part of (?:your|the|this) request\b|"
    r"\bquestion (?P<cardinal>one|two|three|four|five|six)\b",
    re.I,
)


def _named(line: str, numbers: set[str]) -> set[str]:
    """The letter's questions (by number, e.g. '6' or '1a') that ``line`` names."""
    out: set[str] = set()
    line = _PLACE_NAMED.sub(
        lambda m: f"question {_PLACES[(m.group('ordinal') or m.group('cardinal')).lower()]}", line
    )
    for m in _NAMES.finditer(line):
        items = [m.group(1).lower()] + re.findall(r"\d{1,2}[a-z]?", m.group(2).lower())
        spans = re.findall(r"(-|\u2013|to)\s*(?:q\s?)?\d", m.group(2), re.I)
        if (
            spans
            and len(items) == 2
            and items[0].isdigit()
            and items[1].isdigit()
            and int(items[0]) < int(items[1]) <= int(items[0]) + 20
        ):
            items = [str(n) for n in range(int(items[0]), int(items[1]) + 1)]
        for item in items:
            out |= {n for n in numbers if n == item or (item.isdigit() and n.rstrip("abcdefgh") == item)}
    return out


# "The question concerning how many staff ...", "the part of your request about ...": a paragraph that names the
# question it answers by repeating its words.
_ABOUT_QUESTION = re.compile(
    r"\bthe (?:question|part of (?:your|the) request) (?:concerning|regarding|about|relating to|"
    r"asking (?:for|about)|on)\s+(?P<rest>[^.]{10,240})|"
    # "The information requested to receive all correspondence ... is exempt", "The information you have requested in
    # relation to the value of ... is commercially sensitive"
    r"\bthe information (?:(?:you )?(?:have )?requested|you (?:have )?asked for) (?:to receive |in relation to |"
    r"(?:with )?regards? to |regarding |about |concerning |relating to |on )(?P<what>[^.]{10,240}?)\s(?:is|are|was|were|"
    r"falls?|has|have)\b",
    re.I,
)
# Any question named by number, whether or not the reader found it ("With regards to question 1d, ...").
_SOME_QUESTION = re.compile(r"\b(?:questions?|q|points?)\s?\d{1,2}[a-z]?\b", re.I)
# What a refusal's explanation says: it cites, refuses, weighs or estimates cost.
_REFUSAL_TALK = re.compile(
    r"\b(?:sections?|regulations?|s\.)\s?\d|\bexempt|\bexemptions?\b|\bpublic interest\b|\bprejudice|"
    r"\bharm\b|appropriate limit|cost (?:of compliance|limit|threshold)|\bfees? regulations\b|"
    r"\b(?:18|24|eighteen|twenty[- ]four) hours\b|\bwithh[eo]ld",
    re.I,
)
_STOPWORDS = frozenset(
    {
        "with",
        "that",
        "this",
        "have",
        "been",
        "from",
        "your",
        "which",
        "what",
        "were",
        "many",
        "much",
        "please",
        "provide",
        "details",
        "information",
        "into",
        "each",
        "their",
        "there",
        "they",
        "about",
    }
)


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOPWORDS]


def _about(line: str, texts: dict[str, str]) -> set[str]:
    """The one question whose words a paragraph repeats ('The question concerning how many council and court staff
    ...'), if one stands out."""
    m = _ABOUT_QUESTION.search(line) if texts else None
    if not m:
        return set()
    said = set(_content_words(m.group("rest") or m.group("what")))
    scores = []
    for number, text in texts.items():
        words = _content_words(text)[:15]
        if words:
            scores.append((sum(w in said for w in words) / len(words), number))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= 0.5 and (len(scores) == 1 or scores[1][0] < scores[0][0] - 0.2):
        return {scores[0][1]}
    return set()


# The numbers a restated question starts with ("3 What was ...", "1 and 2 How many ...", "Q4. Do you ...").
_LEADING_NUMBERS = re.compile(
    r"^(?:q(?:uestion)?\s?)?(\d{1,2}[a-z]?)[.):]?((?:\s*(?:,|and|&)\s*\d{1,2}[a-z]?\b)*)\s", re.I
)


def _restated(line: str, texts: dict[str, str]) -> set[str]:
    """The question a line restates as the heading of its answer ("3 What was the total trust spend per a month for
    each agency supplier?"): the line is that question's words and little more, and no other question's as much.
    The numbers it starts with, where they are the letter's, name the questions it answers together ("1 and 2 ...")."""
    words_said = set(_content_words(line))
    if not texts or not words_said:
        return set()
    scores = []
    for number, text in texts.items():
        words = _content_words(text)
        if len(words) >= 4 and len(line) <= len(text) * 1.5 + 20:
            scores.append((sum(w in words_said for w in words) / len(words), number))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < 0.8:
        return set()
    m = _LEADING_NUMBERS.match(line)
    led = {m.group(1).lower()} | {x.lower() for x in re.findall(r"\d{1,2}[a-z]?", m.group(2))} if m else set()
    if scores[0][1] in led and led <= set(texts):
        return led
    if len(scores) > 1 and scores[1][0] >= scores[0][0] - 0.2:
        return set()  # as much another question's words: no one question stands out
    return {scores[0][1]}


def scoped_reading(
    lines: list[str], numbers: set[str], number: str, texts: dict[str, str] | None = None
) -> list[str] | None:
    """A whole response as it applies to one question, where its refusals say which questions they refuse ("this
    letter represents a Refusal Notice for question 6 ... by virtue of: Section 24(2) ...", "The question concerning
    how many ... has engaged an exemption under Section 12(2)"): the response without the paragraphs that name only
    other questions (or a question the reader did not find, "question 1d"), the provisions and explanation that
    follow them, and the sentences that cite nothing but their provisions. None when no paragraph names some
    questions and not others. ``texts``: the questions' words by number, to know a question named by its words."""
    scopes: list[tuple[set[str], list[int]]] = []  # (questions named, line indexes)
    current: tuple[set[str], list[int]] | None = None
    explaining = False  # under a heading of the named refusal's reasons ("Harm", "Public interest test")
    heading = False  # the line before restated a question as the heading of its answer
    for i, line in enumerate(lines):
        if not line:
            continue
        restated = not (_named(line, numbers) or _about(line, texts or {})) and _restated(line, texts or {})
        named = _named(line, numbers) or _about(line, texts or {}) or restated
        if not named and _SOME_QUESTION.search(line[:200]) and _REFUSAL_TALK.search(line):
            named = {"?"}  # a refusal of a question the reader did not find
        if named and current and heading:
            current[0].update(named)  # questions restated one under another are answered together
            current[1].append(i)
        elif named and named != numbers:
            current = (set(named), [i])
            scopes.append(current)
            explaining = False
        heading = bool(restated)
        if heading or (named and named != numbers):
            continue
        elif (
            current
            and not named
            and (
                (_CITATION_LINE.match(line) and len(line) <= 200)
                or explaining
                or _REASON_START.match(line)
                or not lines[current[1][-1]]
                .rstrip()
                .endswith((".", "?", "!", ":"))  # a sentence broken over lines
                or (_REFUSAL_TALK.search(line) and not _RELEASED.search(line))
            )
        ):
            current[1].append(i)  # the provisions the named refusal lists, one a line, and why it applies
            explaining = explaining or bool(_REASON_START.match(line))
        else:
            current = None
            explaining = False
    if not scopes:
        return None
    others = [(named, idx) for named, idx in scopes if number not in named]
    dropped = {i for _, idx in others for i in idx}
    # provisions cited only under other questions' refusals
    theirs = {section_of(c.text) for i in dropped for c in find_citations(lines[i])} - (
        {
            section_of(c.text)
            for named, idx in scopes
            if number in named
            for i in idx
            for c in find_citations(lines[i])
        }
    )
    out = []
    for i, line in enumerate(lines):
        if i in dropped:
            continue
        kept = [
            s
            for s in decision.sentences(line)
            if not ((cited := {section_of(c.text) for c in find_citations(s)}) and cited <= theirs)
        ]
        if kept or not line:
            out.append(" ".join(kept))
    return out


# a bulleted line, for every use in this module (an en dash or a middle dot is not a bullet here)
_BULLET = re.compile(r"^[-*\u2022\u25aa\u25cf]\s+(?=\S)")


def numbered_bullets(lines: list[str], asked: set[str]) -> list[str]:
    """Answers listed with bullets where the questions are numbered, up to the first numbered one ("- 6508 FOIs were
    received", "- The link below ...", "3. ..."): a numbered list saved as bullets. The bullets are numbered in
    order when there are as many as the numbers before the first labelled answer and those questions were asked."""
    first = next((i for i, line in enumerate(lines) if line and _label_of(line)), None)
    if first is None:
        return lines
    label = _label_of(lines[first])
    number = label[1][1] if label else ""
    if not number.isdigit():
        return lines
    bullets = [i for i in range(first) if lines[i] and _BULLET.match(lines[i])]
    wanted = int(number) - 1
    if not bullets or len(bullets) != wanted or not {str(n) for n in range(1, wanted + 1)} <= asked:
        return lines
    if any(lines[i] and i < bullets[0] for i in range(first)) and not all(
        _RESPONSE_START.match(lines[i]) for i in range(bullets[0]) if lines[i]
    ):
        return lines  # prose before the bullets: they are not the answers
    out = list(lines)
    for n, i in enumerate(bullets, start=1):
        out[i] = f"{n}. " + _BULLET.sub("", lines[i])
    return out


# A row of a table saved one row a line whose first cell is only a number ("1 | Enroly Limited |", "| 2 | No |").
_NUMBERED_ROW = re.compile(r"^\|?\s*(?P<num>\d{1,2})\s*\|(?P<cells>.*\S.*)$")


def numbered_table_rows(lines: list[str], asked: set[str]) -> list[str]:
    """A reply table saved one row a line whose rows are numbered as the questions ("1 | Enroly Limited |", "2 | No
    |", ... one row for each question asked): each row answers its question, read as a numbered answer ("1. Enroly
    Limited"). Only where a run of rows counts up from 1 through every number asked (not the ranked rows of a table of
    figures); the same table again for another record ("1 | ...", restarting at one) answers the same questions."""
    numbers = sorted(int(n) for n in asked if n.isdigit())
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return lines
    runs: list[list[int]] = []
    cells_of: dict[int, str] = {}
    for i, line in enumerate(lines):
        m = _NUMBERED_ROW.match(line.strip())
        if not m or not [c for c in m.group("cells").split("|") if c.strip()]:
            continue
        cells_of[i] = m.group("cells")
        n = int(m.group("num"))
        if n == 1:
            runs.append([i])
        elif runs and n == len(runs[-1]) + 1:
            runs[-1].append(i)
        else:
            return lines  # numbered otherwise: not rows answering the questions
    if not runs or len(runs[0]) != len(numbers) or any(len(run) > len(numbers) for run in runs):
        return lines
    out = list(lines)
    for run in runs:
        for n, i in enumerate(run, start=1):
            cells = [c.strip() for c in cells_of[i].split("|")]
            out[i] = f"{n}. " + " | ".join(c for c in cells if c)
    return out


_LIST_ITEM = re.compile(r"^(?:[-*\u2022\u25aa\u25cf\u2013]|\(?[a-h][.)])\s+(?=\S)")


def list_item(line: str) -> str:
    """The text of a bulleted or lettered list item ('- 117.', 'b) The number ...'), or '' for another line."""
    m = _LIST_ITEM.match(line.strip())
    return line.strip()[m.end() :].strip() if m else ""


# A reply that states a figure in a sentence of its own ("The number of completed works in 2019/20 was 4,635").
_STATES_FIGURE = re.compile(
    r"^(?![^?]*\?)[A-Z][^?]*\b(?:was|were|is|are|totalled|came to)\s+(?:\u00a3\s?)?\d[\d,.]*(?!\s*(?:hours|days)\b)"
)


# A figure given after its heading and a colon ("Local Government and Social Care Ombudsman LGSCO complaints : 654",
# "Please provide the total number of social houses owned by your council: 2526"): the line gives the figure, whatever
# its words before the colon asked.
FIGURE_GIVEN = re.compile(r"^(?![^?]*\?)[^:?]{2,120}?\s*:\s*(?:\u00a3\s?)?\d[\d,.]*%?\s*$")


def _replies(line: str) -> bool:
    """A line of a reply: its opening, treatment words, or a figure stated."""
    return answers_line(line) or bool(_STATES_FIGURE.match(line))


_OPENING_QUOTE = re.compile(r"^[\"\u201c\u2018']\s*")
_LED_QUESTION = re.compile(
    r"^(?:for|in|on|of|from|at) (?:how (?:many|much|often|long)|what|which)\b[^?]{10,}\?[\"\u201d\u2019']?$",
    re.I,
)
_GIVES_COUNT = re.compile(r"^\d[\d,]*(?:\s+[a-z]|\.?$)")  # "685 incidents relating to ...", "742" on its own


def _replies_in_turn(line: str) -> bool:
    """A reply to a question asked in turn: a reply's opening or treatment words, or a count it gives ("685 incidents
    ...")."""
    return _replies(line) or bool(_GIVES_COUNT.match(line))


def _restates(words: list[str], asked: list[str]) -> bool:
    """The words of a question asked before, again (whole, or the one cut short where the other goes on)."""
    n = min(len(words), len(asked))
    return n >= 8 and words[:n] == asked[:n]


def interleaved(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Questions asked and answered in turn with no labels ("Please state the reason for the arrest." then the
    reply, then the next question): (question, its reply's lines) for each, or [] unless there are two or more and
    every question has a reply that answers (a reply's opening or treatment words)."""
    pairs: list[tuple[str, list[str]]] = []
    for line in lines:
        # (a question quoted from the request: “How many ...?”; one led by a preposition: "For how many of those ...?")
        bare = _OPENING_QUOTE.sub("", re.sub(r"^pleases\b", "please", line, flags=re.I))
        asks = (_STRONG_ASK.search(bare) or _LED_QUESTION.match(bare)) and not answers_line(line)
        words = re.findall(r"\w+", bare.lower())
        if asks and not any(
            _restates(words, re.findall(r"\w+", _OPENING_QUOTE.sub("", q).lower())) for q, _ in pairs
        ):
            pairs.append((line, []))
        elif pairs:  # (a question asked again, quoted in the reply, is no new question)
            pairs[-1][1].append(line)

    # (the last may have none: a letter cut off after the question)
    if (
        len(pairs) < 2
        or not all(any(_replies_in_turn(x) for x in reply) for _, reply in pairs[:-1])
        or (pairs[-1][1] and not any(_replies_in_turn(x) for x in pairs[-1][1]))
    ):
        return []
    return pairs


# A sentence in which the requester asks in the first person, a condition perhaps leading it ("If some are still to
# close, I ask that you let me have a list of them", "I ask for copies of ...").
_ASKS_IN_PROSE = re.compile(
    r"^(?:if\b[^,]{3,100},\s*)?i (?:would |must )?(?:ask|am asking)(?: (?:that )?you(?: to)?| for)\b", re.I
)


def _asks_in(line: str) -> bool:
    return any(_STRONG_ASK.match(s) or _ASKS_IN_PROSE.match(s) for s in decision.sentences(line))


def opens_reply(line: str) -> bool:
    """A line where a reply starts: one that replies, or an answer's heading or mark ("Response:", "A: ...")."""
    return _replies(line) or bool(_ANSWER_HEADING.match(line) or _ANSWER_MARK.match(line))


def request_then_reply(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """The request written out in the requester's own paragraphs and the reply after it, with no heading between (a
    disclosure log's page that gives both under "Information provided"): (the request, up to its last paragraph that
    asks and what it lists, and the reply), or None. The request is what comes before any line that replies; the
    reply starts at the first line after the last ask that replies or is marked as an answer ("Response:", "A: ..."),
    else right after that ask, and asks nothing."""
    lines = [x for x in lines if x]
    last = None
    for i, line in enumerate(lines):
        if _replies(line):
            break
        if _asks_in(line):
            last = i
    if last is None:
        return None
    start = next(
        (i for i in range(last + 1, len(lines)) if opens_reply(lines[i])),
        last + 1,
    )
    if start >= len(lines) or any(_asks_in(x) for x in lines[start:]):
        return None
    return lines[:start], lines[start:]


# A list item that asks and is answered on the same line ("- Do you use UAVs? We utilise our own drones"): the
# answer is what follows the item's last question mark.
# (a figure may open with its bound: "<2%", "> 100")
_ASKED_THEN_ANSWERED = re.compile(
    r"^(?P<asked>.*\?)[\"'\u201d\u2019)]?\s+(?P<answer>(?:[A-Z0-9\u00a3]|[<>~\u2264\u2265]\s?\d)[^?]*)$"
)


def answered_inline(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Bulleted questions each answered after its question mark, on its own line: (question, [answer]) for each,
    or [] unless two or more items are, and no bulleted item asks without an answer."""
    items = [text for x in lines if (text := list_item(x))]
    pairs: list[tuple[str, list[str]]] = []
    for text in items:
        m = _ASKED_THEN_ANSWERED.match(text)
        if m and (len(m.group("answer").split()) >= 2 or re.search(r"\d", m.group("answer"))):
            pairs.append((m.group("asked").strip(), [m.group("answer").strip()]))
        elif "?" in text:
            return []  # an item asked and not answered on its line: the answers are elsewhere
    return pairs if len(pairs) >= 2 else []


_ROW = re.compile(r"^\|\s*(?P<num>\d{1,2})\s*\|(?P<cells>.*)$")


def numbered_rows(lines: list[str]) -> list[tuple[str, str, str]]:
    """A reply table saved with one row a line ('| 3 | Maternity system | No system needed | |'), its rows numbered
    1, 2, 3 ... as the request's items: (number, what the row names, the rest of its cells) for each row that names
    something, or [] unless two or more rows count up from 1 (guide S10b: each row answers its item). Rows that
    start with a date or a reference are records listed, not items answered."""
    out: list[tuple[str, str, str]] = []
    for line in (x.strip() for x in lines):
        m = _ROW.match(line)
        if not m:
            continue
        if int(m.group("num")) != len(out) + 1:
            return out if len(out) >= 2 else []
        cells = [c.strip() for c in m.group("cells").split("|") if c.strip()]
        if cells and re.search(r"\d", cells[0]):
            return []  # rows of records (a date, a reference first), not the request's items
        if cells:
            out.append((m.group("num"), cells[0], " | ".join(cells[1:])))
    return out if len(out) >= 2 else []


_HEADER_CELL = re.compile(r"\(\s*q(?:uestion)?\s?(\d{1,2}[a-z]?)\s*\)", re.I)


def table_columns(lines: list[str]) -> dict[str, list[str]]:
    """A table of answers saved as text, one cell a line ending with '|' and rows parted by a lone '|', whose header
    names the questions ("Name (Q1) |", "Hearing date (Q3) |"): each question's cells by its number, or {}."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    for line in (x.strip() for x in lines):
        if line == "|":
            current = []
            rows.append(current)
        elif current is not None and line:
            current.append(line.rstrip("|").strip())
    rows = [r for r in rows if r]
    for i, row in enumerate(rows):
        numbers = [m for m in (_HEADER_CELL.search(cell) for cell in row) if m]
        if len(row) >= 2 and len(numbers) == len(row):
            out: dict[str, list[str]] = {m.group(1).lower(): [] for m in numbers}
            for data in rows[i + 1 :]:
                for m, cell in zip(numbers, data, strict=False):
                    out[m.group(1).lower()].append(cell)
            return out
    return {}


# A reply's paragraph that opens on the request's question it answers, by number ("In relation to question 2, ...",
# "In response to question 1 of your request, we advised ...", "In terms of question 4, where you ask ...", "With
# regards to questions 1-3, ..."), within its first sentence.
_ANSWERS_NUMBERED = re.compile(
    r"^[^.?]{0,80}?\b(?P<cue>in (?:response|relation|reply|regards?|respect) to|in terms of|with (?:regards?|respect) to|"
    r"turning to|as (?:for|to|regards))\s+(?:your\s+)?(?:question|q)s?\s?"
    r"(?P<num>\d{1,2})(?:\s*(?:-|\u2013|to)\s*(?P<to>\d{1,2}))?\b(?!\s*(?:and|&|,)\s*\d)",
    re.I,
)


def answered_by_number(lines: list[str]) -> list[tuple[str, str, list[str]]]:
    """A reply that shows no request but answers its questions by number, a paragraph for each in turn ("In response
    to question 1 of your request, we advised ..." / "In relation to question 2, ..."): (the numbers, as '2' or
    '1-3'; the paragraph's words from where it names the question; the paragraph and the lines after it up to the
    next) for each, or [] unless two or more paragraphs name distinct questions in rising order (guide S11: the
    numbering only the reply shows; S10: each answered on its own)."""
    out: list[tuple[str, str, list[str]]] = []
    last = 0
    for line in lines:
        m = _ANSWERS_NUMBERED.match(line)
        if m:
            first, to = int(m.group("num")), int(m.group("to") or m.group("num"))
            if first <= last or to < first:
                return []
            label = f"{first}-{to}" if to > first else str(first)
            out.append((label, line[m.start("cue") :].strip(), [line]))
            last = to
        elif out:
            out[-1][2].append(line)
    return out if len(out) >= 2 else []
