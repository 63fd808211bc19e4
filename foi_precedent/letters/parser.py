"""Parse the text of an FOI response letter into a ``Letter``.

The parser reads letters as FOI officers write them: a request section listing the questions, a
decision (and Section 17 refusal notice), reasons, then the answers question by question, then the
complaint rights. Labels are found at the start of lines (Q1, Q1a, 1., Question 2:, REQUEST 1:,
For question 2 ...). Each question's answer is classified by the phrases officers use; exemptions
are normalised; published resources the letter points to are extracted as pointers.

Pure: text in, ``Letter`` out. File formats are handled by ``sources``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from foi_precedent.errors import LetterError
from foi_precedent.letters import decision
from foi_precedent.letters.exemptions import NOT_HELD_EXCEPTION, find_citations, rule_table, section_of
from foi_precedent.letters.model import (
    REFUSING,
    WITHHOLDING,
    Letter,
    Pointer,
    Question,
    Regime,
    Treatment,
    pointer_key,
)
from foi_precedent.letters.regimes import by_accessible, profile
from foi_precedent.letters.sources import Document, read_document

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
]
_NOISE = re.compile(r"^(?:" + "|".join(NOISE_LINES) + r")\s*\.?$", re.I)

# --- section markers ------------------------------------------------------------------------------

_REQUEST_START = re.compile(
    r"^(?:i note you seek access to the following information|you asked(?: for)?(?: the following)?|"
    r"your request(?: for information)?(?: was| read| is)?|request|requested information|you requested"
    r"(?: the following)?|the request|information requested|details of (?:the |your )?request|you wrote|"
    r"request(?:ed)? details|summary of (?:the |your )?request)\s*:?\s*$",
    re.I,
)
_DECISION = re.compile(
    r"^(?:i have today decided|we have (today )?decided|decision\b|the (mps|force|council|department) has decided|"
    r"i am writing to (let you know|confirm))",
    re.I,
)
_RESPONSE_START = re.compile(
    r"^(?:disclosure|(?:in |our |my )?(?:response|answer|reply)s?|information (disclosed|released)|"
    r"details of (?:the |our )?response|summary of (?:the |our )?response|[\w&.' ]{2,40} response|"
    r"(?:please find )?(?:our|the) response(?: to your (request|questions))? (is|are)?\s*(below|as follows))\s*:?\s*$",
    re.I,
)
# "Response 1 - 6:", "1-3.", "Questions 4 to 6": one answer to a run of questions.
_RANGE = re.compile(
    r"^(?P<kw>(?:in )?(?:response|answer|reply)s?(?: to)?(?: questions?| q)?\s*|questions?\s*|q\s*)?"
    r"(?P<a>\d{1,2})\s*(?:-|\u2013|\u2014|to|&|and)\s*(?:q(?:uestion)?\s*)?(?P<b>\d{1,2})\s*"
    r"(?:(?<=\d)(?=\s*$)|(?(kw)[.:)]?|[.:)])(?:\s+|$|(?<=[.:)])(?=[A-Z])))",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:complaint rights|your right to (complain|request a review)|right of (appeal|review)|appeals?|"
    r"are you unhappy with how your request has been handled|if you are (dissatisfied|unhappy)|"
    r"yours (sincerely|faithfully)|review procedure|complaints?( procedure)?)\b",
    re.I,
)
_REASON_START = re.compile(r"^(?:reasons? for (decision|refusal)|public interest test|harm|evidence of harm)\b", re.I)

# --- question labels ------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?:for\s+)?(?P<kw>q(?:uestion)?|request|part)\s*[.:]?\s*(?P<num>\d{1,2})(?P<sub>[a-z](?![a-z])|\([a-z]\))?"
    r"(?:\s*[-\u2013\u2014:.)]\s*|\s+(?=\S)|\s*$)",
    re.I,
)
_NUMBERED = re.compile(r"^\(?(?P<num>[1-9]\d?)(?P<sub>[a-z])?[.)]\s+(?=\S)")  # "0." is an answer, not a label

# --- treatment phrases ----------------------------------------------------------------------------

_NCND = re.compile(r"neither confirm nor deny|\bncnd\b|nor deny (that|whether)", re.I)
_NOT_HELD = re.compile(
    r"no (recorded )?information (is |was )?held|(is|are) not held|information not held|not held by|"
    r"(does|do|did) not (hold|record|collate|keep|retain)|holds? no (recorded )?information|"
    r"is not recorded|are not recorded|no such information|no information (was )?found|"
    r"there is no information held|(?:does|do) not have (?:the|any|this) information|not have the information you",
    re.I,
)
_PUBLIC_DOMAIN_STRONG = re.compile(
    r"public domain|publicly available|already (been )?published|is published (on|at|in)|reasonably accessible|"
    r"\bsection 21\b|\bs\.?\s?21\b|available (online|on (our|the) website)|published on (our|the)|"
    r"(?:is|are) (?:also )?(?:freely |readily )?available (?:via|at|from|on|to view)|can be (?:found|viewed|accessed) "
    r"(?:at|on|via|here)|available to view",
    re.I,
)
_LINK_HINT = re.compile(r"(visit|see|use|follow) (the )?(above|this|these|the following|below) links?|above link", re.I)
_COST = re.compile(r"section 12\b|\bs\.?\s?12\b|appropriate limit|cost limit|exceed the (appropriate|cost)", re.I)
_VEXATIOUS = re.compile(r"section 14\b|\bs\.?\s?14\(|vexatious|repeated request", re.I)
_WITHHELD = re.compile(
    r"\bwithh[eo]ld|\bexempt\b|\bexemption\b|\bengages?\b|not suitable for (open )?publication|"
    r"applied the exemption|(is|are|be) refused|not (be )?disclos",
    re.I,
)
_PARTLY = re.compile(r"partial(ly)? disclos|redact|partially|with the exception of|some (of the )?(requested )?"
                     r"(information|data) (has been|is|have been) withheld|\bpartly exempt|"
                     r"(?:unable to|cannot|can't|not able to) (?:provide|disclose|release) some of", re.I)
_DISCLOSED = re.compile(
    r"please find|attached|as follows|table below|(we|i) can confirm|the (figure|number|total|answer|cost)s? "
    r"(is|was|were|are)|were recorded|was recorded|\bdisclosed\b|are shown|is shown|breakdown (is|below)|"
    r"\bhas been (used|deployed|issued|paid|recorded)|\bhave been (used|deployed|issued|paid|recorded)|"
    r"^(yes|no)\b",
    re.I,
)
# What a whole response says when it gives information (stricter than _DISCLOSED, which reads one answer).
_RELEASED = re.compile(
    r"please find (?:attached|enclosed|below)|(?:is|are) attached|(?:have|has) (?:been )?attached|as follows|table below|"
    r"(?:i am|we are) (?:able|pleased|happy) to (?:disclose|provide|release|confirm the following)|(?:we|i) (?:have|can) "
    r"provide(?:d)?|\bdisclose(?:d)? (?:the|some|part|below)|is provided below|are provided below|information (?:is|are) "
    r"(?:below|enclosed)|released to you|can be found below",
    re.I,
)
_NOT_RELEASED = re.compile(r"\b(?:unable|not able|cannot|can't|can not|not|won't|will not|declin\w+|refus\w+)\b[^.]{0,40}?"
                           r"\b(?:disclose|provide|release|supply)", re.I)
_FIGURE = re.compile(r"(?<![\w($.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?(?!\s*(?:hours|working days|days)\b)(?![\w)])")
_SEE_OTHER = re.compile(r"\b(?:see|refer to) (?:the )?(?:answer|response|reply)? ?(?:to|for|at)? ?(?:q|question)\s?(\d{1,2}[a-z]?)",
                        re.I)

# --- letter-level statements ----------------------------------------------------------------------

_REFUSAL_NOTICE = re.compile(r"refusal notice|section 17\b|\bs\.?\s?17\b|section 16 of the freedom of information "
                             r"\(scotland\)", re.I)
_HARM = re.compile(r"would be likely to|would prejudice|likely to prejudice|\bharm(ful)?\b|\bprejudice\b", re.I)
_PIT = re.compile(r"public interest", re.I)
_PIT_BALANCE = re.compile(r"balance|factors (favouring|for|against|in favour)|outweigh", re.I)
_COMPLAINT = re.compile(r"information commissioner|internal review|complaint rights|right to (complain|appeal|request a review)",
                        re.I)

# --- pointers -------------------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s)>\]]+")
_DOMAIN_PAREN = re.compile(r"\s*\((?P<domain>(?:[\w-]+\.)+(?:uk|com|org|gov|net|io|eu|scot|wales))\)", re.I)
_ANCHOR = re.compile(
    r"(?i:(?:visit|see|view|access|follow|use)\s+(?:this|these|the following|the)\s+links?\s*(?:for more information)?)"
    r"\s*[:\-\u2013\u2014]?\s*|"
    r"(?i:sec(?:tion)?\.? 16 duty to assist)\s*[:\-\u2013]?\s*|"
    r"(?:read|see|consult|refer to) the (?:published )?(?=[A-Z])|"
    r"(?:is|are) (?:published|available) (?:at|on|in|via)\s*:?\s*(?:the )?|"
    r"(?:found|located) (?:at|on|in)\s*:?\s*(?:the )?|"
    r"\s&\s",
)
_DOC_NOUNS = (
    "policy", "policies", "procedure", "procedures", "app", "grid", "assessment", "document", "report", "reports",
    "guidance", "strategy", "framework", "minutes", "statistics", "dashboard", "hub", "page", "register", "code",
    "bulletin", "plan", "review", "scheme", "log", "website", "tables", "handbook", "manual", "data", "accounts",
    "figures", "publication", "technology", "services", "recognition", "notice", "hearings", "outcomes",
    "workforce", "portal", "map", "releases", "release", "survey", "reports", "account", "library",
)
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to", "&", "-", "–", "|", "a"}
_NOT_POINTERS = re.compile(
    r"^(freedom of information|information commissioner|the act|section|sec\b|data protection|human rights|"
    r"police service|metropolitan police( service)?$|mps$|college of policing$|crown prosecution|internal review|"
    r"refusal notice|public interest|law enforcement|personal information|complaint rights)",
    re.I,
)


@dataclass
class _Block:
    """A labelled stretch of the letter: a question as asked, or as restated with its answer."""

    label: str
    key: tuple[str, str]  # (family, number+sub), e.g. ("q", "1a")
    head: str
    body: list[str] = field(default_factory=list)
    section: str = "response"


def parse_file(path: str | Path) -> Letter:
    return parse_document(read_document(path))


def parse_document(doc: Document) -> Letter:
    return parse_text(doc.text, source=doc.source, front_matter=doc.front_matter)


def parse_text(text: str, source: str = "<text>", front_matter: dict | None = None) -> Letter:
    meta = dict(front_matter or {})
    lines = [ln for ln in (line.strip() for line in text.split("\n")) if not _NOISE.match(ln)]
    clean = "\n".join(lines).strip()
    if not clean:
        raise LetterError(source, "no text left after removing web-page noise")

    sections = _split_sections(lines)
    table = rule_table()
    # The letter's own provisions: cited in its decision and answers, not in the request it quotes, the
    # complaint-rights text or the Act's words ("relying on a claim that section 12 or 14 applies").
    body = "\n".join(sections["pre"] + sections["decision"] + sections["response"])
    regime = _regime(clean, meta)
    accessible = profile(regime).accessible_section  # s21; s25 under FOISA; reg6 under the EIR
    all_citations = _cited(decision.relied_on(body), accessible)
    letter_exemptions = _most_specific([c.text for c in all_citations])
    letter_ncnd = [e for e in letter_exemptions if table.is_ncnd_subsection(e)]

    questions = _questions(sections, letter_exemptions, source, accessible) or _unstructured(
        sections, clean, letter_exemptions, accessible)
    if not questions:
        raise LetterError(source, "no recognisable questions and no decision (no Q1 / 1. / Question 1 labels, no "
                                  "request quoted and no answer, refusal or 'not held' found)")

    pointers: dict[str, Pointer] = {}
    for q in questions:
        for p in q.pointers:
            pointers.setdefault(p.key, p)

    refusing = any(set(q.treatments) & REFUSING for q in questions)
    return Letter(
        reference=str(meta.get("reference") or _reference(clean) or _fallback_reference(source, clean)),
        authority=meta.get("authority") or _authority(clean),
        date=_as_date(meta.get("date")) or _date(clean),
        regime=regime,
        questions=tuple(questions),
        exemptions=tuple(letter_exemptions),
        ncnd=tuple(letter_ncnd),
        pointers=tuple(pointers.values()),
        # a refusal notice is known by what it does: it refuses, and says under which provision
        refusal_notice=bool(_REFUSAL_NOTICE.search(body)) or (refusing and bool(letter_exemptions)),
        harm_statement=bool(_HARM.search(body)),
        public_interest_test=_has_pit(body),
        complaint_rights=bool(_COMPLAINT.search("\n".join(sections["closing"])) or _COMPLAINT.search(clean)),
        title=meta.get("title"),
        source=meta.get("source") or source,
        licence=meta.get("licence"),
        text=clean,
        meta=meta,
    )




def _has_pit(text: str) -> bool:
    """A public interest test: factors and a balance ('public interest ... balance', or 'outweigh ... balance')."""
    if _PIT.search(text) and _PIT_BALANCE.search(text):
        return True
    return bool(re.search(r"outweigh", text, re.I) and re.search(r"\bbalance\b", text, re.I))


# --- sections -------------------------------------------------------------------------------------


def _split_sections(lines: list[str]) -> dict[str, list[str]]:
    """pre (header), request, decision (decision + reasons), response (answers), closing."""
    out: dict[str, list[str]] = {"pre": [], "request": [], "decision": [], "response": [], "closing": []}
    state = "pre"
    seen_request = False
    for line in lines:
        if not line:
            out[state].append("")
            continue
        if state in ("pre",) and _REQUEST_START.match(line):
            state, seen_request = "request", True
            continue
        if state in ("pre", "request") and _DECISION.match(line):
            state = "decision"
        elif state in ("pre", "request", "decision") and _RESPONSE_START.match(line):
            state = "response"
            continue
        elif state in ("pre", "request", "decision") and (m := _RANGE.match(line)) and m.group("kw") and \
                not m.group("kw").lower().startswith("q"):
            state = "response"  # "Response 1 - 6:" starts the answers and labels the first of them
        elif state != "closing" and _CLOSING.match(line):
            state = "closing"
        elif state == "closing" and re.match(r"dear\b", line, re.I):
            state = "response"  # a thread: the request signed off, then the reply ("Dear Terry,")
        out[state].append(line)
    if not seen_request and not out["response"]:
        # No markers at all: treat everything between header and closing as the response.
        out["response"], out["pre"] = out["pre"], []
    return out


def _label_of(line: str) -> tuple[str, tuple[str, str], str] | None:
    """(label as written, matching key, rest of the line) or None."""
    m = _LABEL.match(line)
    if m:
        kw = m.group("kw").lower()
        sub = (m.group("sub") or "").strip("()").lower()
        num = m.group("num")
        rest = line[m.end():].strip()
        if kw == "part":
            return None  # "Part 1 of the question ..." is part of an answer, not a question
        written = m.group("kw")
        if kw == "q":
            family, label = "q", f"Q{num}{sub}"
        elif kw == "question":
            family, label = "q", f"Question {num}{sub}"
        else:
            family = "request"
            label = f"{'REQUEST' if written.isupper() else 'Request'} {num}{sub}"
        return label, (family, num + sub), rest
    m = _NUMBERED.match(line)
    if m:
        sub = (m.group("sub") or "").lower()
        return f"{m.group('num')}{sub}", ("n", m.group("num") + sub), line[m.end():].strip()
    return None


def _renumbered(blocks: list[_Block]) -> list[_Block]:
    """A list whose every item came out as "1." (an HTML list saved as text) is numbered in order."""
    if len(blocks) > 1 and len({b.key for b in blocks}) == 1 and blocks[0].key[0] == "n":
        for i, b in enumerate(blocks, start=1):
            b.key, b.label = ("n", str(i)), str(i)
    return blocks


def _range_blocks(line: str, section: str) -> list[_Block]:
    """'1-3. text' -> blocks for 1, 2 and 3 sharing one body (the answer they share)."""
    m = _RANGE.match(line) if section == "response" else None
    if not m:
        return []
    a, b = int(m.group("a")), int(m.group("b"))
    if not 1 <= a < b <= a + 20:
        return []
    body: list[str] = []
    rest = line[m.end():].strip()
    return [_Block(label=str(n), key=("n", str(n)), head=rest, body=body, section=section) for n in range(a, b + 1)]


def _blocks(lines: list[str], section: str) -> list[_Block]:
    blocks: list[_Block] = []
    run: list[_Block] = []  # the blocks of a range, which share the lines that follow
    for line in lines:
        ranged = _range_blocks(line, section) if line else []
        if ranged:
            blocks.extend(ranged)
            run = ranged
            continue
        found = _label_of(line) if line else None
        if found:
            run = []
            label, key, rest = found
            blocks.append(_Block(label=label, key=key, head=rest, section=section))
        elif run and line:
            run[0].body.append(line)  # one list, shared by the run
        elif blocks and line and not _RESPONSE_START.match(line):
            blocks[-1].body.append(line)
        elif blocks and not line:
            blocks[-1].body.append("")
    return blocks




def _questions(sections: dict[str, list[str]], letter_exemptions: list[str], source: str,
               accessible: str = "s21") -> list[Question]:
    asked = _renumbered(_blocks(sections["request"], "request"))
    if not asked and sections["response"]:
        # Questions listed at the top with no heading of their own ("Requested ... 1. ... 2. ... Response"):
        # what comes before the response is the request.
        asked = [b for b in _blocks(sections["pre"], "request")]
        if asked:
            sections = {**sections, "pre": []}
    answered = _blocks(sections["response"], "response")
    if not asked and answered and any(b.key[0] == "n" for b in answered):
        # unnumbered items asked, answered by number ("You asked: - ... - ..." then "1-3. ...")
        items = _request_items(sections["request"])
        if len(items) >= 2:
            asked = [_Block(label=label, key=("n", str(i)), head=text, section="request")
                     for i, (label, text) in enumerate(items, start=1)]
    if not asked and not answered:
        # Letters that restate questions only in the decision part (rare) or have no markers.
        answered = _blocks(sections["pre"] + sections["decision"], "response")

    # The questions, in the order asked; a question only restated in the answers counts too.
    order: list[_Block] = []
    by_key: dict[tuple[str, str], _Block] = {}
    for b in asked:
        if b.key not in by_key:
            by_key[b.key] = b
            order.append(b)
    answers: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (restated question, answer)
    for b in answered:
        key = _match_key(b.key, by_key, answers)
        body = _join(b.body)
        head = b.head
        known = by_key.get(key)
        if key not in by_key:
            by_key[key] = b
            order.append(b)
            question_text, answer = _split_inline(head, body)
        elif body and (known is b or _similar(head, known.head if known else "")):
            question_text, answer = head, body
        elif body:
            question_text, answer = known.head, head + "\n" + body if head else body
        else:
            question_text, answer = (_split_inline(head, "") if known is b else (known.head, head))
        answer = re.sub(r"^(?:response|answer|reply)\s*:\s*", "", answer, flags=re.I)
        prev = answers.get(key)
        answers[key] = (question_text, (prev[1] + "\n" + answer).strip() if prev else answer)

    reasons = _reason_paragraphs(sections["decision"])
    # what the letter says outside its labelled answers: its overall decision
    overall = _join(sections["decision"] + [ln for ln in sections["response"] if ln and not _label_of(ln)])
    # where answers are labelled, one left without its own may be in the prose that names it
    mentions = _mentions(sections["decision"] + [ln for ln in sections["response"] if ln and not _label_of(ln)]) \
        if answers else {}
    # No answer is labelled: the response is prose that answers every question at once. (Where some are, a
    # question left without one stays unanswered: letters do leave questions unanswered.)
    shared = "" if answers else _join(sections["decision"] + sections["response"])
    questions: list[Question] = []
    previous_pointers: tuple[Pointer, ...] = ()
    shared_reading: Question | None = None
    for b in order:
        question_text, answer = answers.get(b.key, (b.head, ""))
        if not question_text:
            question_text = _join(b.body) if b.section == "request" else b.head
        if b.section == "request" and b.body and b.key not in answers:
            question_text = (b.head + " " + " ".join(x for x in b.body if x)).strip()
        reason = reasons.get(f"q{b.key[1]}") if b.key[0] in ("q", "n") else None
        if not answer and not reason and b.key[0] in ("q", "n") and mentions.get(b.key[1].rstrip("abcdefgh")):
            # answered in the prose that names it ("With regards to question 3, ...")
            answer = _join(mentions[b.key[1].rstrip("abcdefgh")])
        if shared and not answer and not reason:
            if shared_reading is None:  # the whole response reads the same for every question: read it once
                shared_reading = _classify("", "", shared, None, letter_exemptions, (), accessible, shared=True)
            questions.append(replace(shared_reading, label=b.label, text=question_text.strip()))
            continue
        q = _classify(b.label, question_text, answer, reason, letter_exemptions, previous_pointers, accessible)
        if answer and q.review == "other: no treatment wording found" and overall and _POINTS_ELSEWHERE.search(answer):
            # an answer that says nothing of its own ("see the decision above"): the letter's overall decision
            whole = _classify(b.label, question_text, overall, None, letter_exemptions, (), accessible, shared=True)
            if whole.treatments != (Treatment.OTHER,):
                q = replace(whole, answer=q.answer, confidence=0.4,
                            review="read from the letter's overall decision: check it")
        previous_pointers = q.pointers or previous_pointers
        questions.append(q)

    # "see Q2" answers take the treatment of the question they point to.
    by_number = {b.key[1]: q for b, q in zip(order, questions, strict=True) if b.key[0] in ("q", "n")}
    resolved = []
    for q in questions:
        m = _SEE_OTHER.search(q.answer)
        target = by_number.get(m.group(1).lower()) if m else None
        if target and target is not q and q.treatments == (Treatment.OTHER,):
            q = Question(q.label, q.text, q.answer, target.treatments, target.exemptions, target.pointers, target.ncnd)
        resolved.append(q)
    return resolved


_ITEM = re.compile(r"^(?:[-*\u2022\u25aa\u25cf\u2013\u00b7]\s+|\(?([a-hj-z]|[ivx]{1,4})[.)]\s+|"
                   r"(?:firstly|secondly|thirdly|fourthly|fifthly|finally|lastly)\b,?\s*)(?=\S)", re.I)
_QUOTED_REQUEST = re.compile(
    r"(?:you (?:asked|requested|wrote)|your (?:request|email|letter)[^.:\n]{0,80}?(?:asked|requested|read|was|for|in which you"
    r" (?:asked|requested))|(?:i|we) (?:note|understand) (?:that )?you (?:are seeking|seek|have asked|requested)|"
    r"information requested|request(?:ed)? (?:for|the following))\b[^:\n]{0,120}[:\n]",
    re.I,
)


# A line of a request that asks for something (a question of its own), and one that only introduces them.
_ASKS = re.compile(
    r"\?\s*$|\?\s+[A-Z]|^(?:please|can|could|would|how|what|which|when|where|who|why|whether|is there|are there|do|does|"
    r"did|has|have|i (?:would like|request|am requesting|wish)|copies|a copy|copy of|details|the (?:number|total|amount|"
    r"names?|dates?|cost)|all|any|a list|a breakdown|a full|numbers? of|information (?:on|about|regarding))\b",
    re.I,
)
# In a letter with no request heading: a line that can only be the requester asking.
_STRONG_ASK = re.compile(
    r"^(?:[-*\u2022\u25aa\u25cf\u2013]\s*|\(?[a-z0-9]{1,2}[.)]\s*)?(?:please (?!find|note|see|contact|be aware|do not|let us)"
    r"(?:also |could you |can you )?\w+|(?:can|could|would) you (?:please |also )?(?:tell|provide|confirm|advise|inform|"
    r"supply|send|state|give|list|disclose|let)|how (?:many|much|often|long)|what (?:is|are|was|were|percentage|number)|"
    r"i (?:would like|request|am requesting|wish) (?:to (?:request|know|ask|receive)|a copy|copies|details|the|any|all)|"
    r"is there|are there|do you|does the|has the|have you)\b.{10,}",
    re.I,
)
_INTRO = re.compile(r":\s*$|^(?:i am writing|i would like to (?:make|request|submit) a (?:freedom|request)|under the freedom|"
                    r"dear\b|this is a request)", re.I)


def _unstructured(sections: dict[str, list[str]], clean: str, letter_exemptions: list[str],
                  accessible: str = "s21") -> list[Question]:
    """A letter with no labelled questions: the items of its request (bullets, letters, 'Firstly'), or the
    request as one question, each with the decision the response gives as a whole. None when there is no
    decision to read (then the text is not a reply)."""
    request = [x for x in sections["request"] if x]
    answer = _join(sections["decision"] + sections["response"])
    if not request:
        lines = [x for x in (sections["pre"] or sections["decision"] + sections["response"]) if x]
        m = _QUOTED_REQUEST.search("\n".join(lines))
        if m:  # "your request ... received on 9 June:": the request is what follows the cue
            text = "\n".join(lines)
            rest = text[m.end():].strip()
            request = rest.split("\n\n")[0][:2000].split("\n") if rest else []
        lettered = _lettered_run(lines)
        if len(_request_items(request)) < 2 and len(lettered) >= 2:  # "a) Copies of ... b) Have you ..."
            request = lettered
        if len(_request_items(request)) < 2:  # no cue, or one paragraph: the lines anywhere that plainly ask
            asks = [x for x in lines if _STRONG_ASK.search(x)]
            if len(asks) >= 2:
                request = asks
        if not answer:
            answer = "\n".join(lines)
    if not answer:
        answer = "\n".join(request)
        request = request[:1]
    items = _request_items(request)
    if len(items) < 2:
        text = " ".join(request) if request else _first_sentences(answer)
        items = [("Request", text)]
    whole = _classify("", "", answer, None, letter_exemptions, (), accessible, shared=True)  # one reading for all
    out = [replace(whole, label=label, text=text.strip()) for label, text in items]
    replied = bool(sections["request"] and sections["response"])  # a request and a response: a reply, however worded
    if not replied and all(q.treatments == (Treatment.OTHER,) for q in out) and \
            decision.other_reason(answer) == "no treatment wording found":
        return []
    return out


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
    items: list[tuple[str, str]] = []
    breakdown = False  # the last item ended with ':' and what follows is its list
    for line in (x for x in lines if x):
        m = _ITEM.match(line)
        rest = line[m.end():].strip() if m else line
        if items and (_FOLLOW_UP.match(rest) or (breakdown and _IS_BREAKDOWN.match(rest))):
            # "... in the periods:" then "a) 2017/18", "- The time": the breakdown stays with its question
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            continue
        if m or (_ASKS.search(line) and not _INTRO.search(line)):
            items.append((f"Item {len(items) + 1}", rest))
            breakdown = rest.rstrip().endswith(":")
        elif items:
            items[-1] = (items[-1][0], items[-1][1] + " " + line)
            breakdown = breakdown or line.rstrip().endswith(":")
    return items


# "If yes, ...", "If so, please ...": a follow-up belongs to the question before it.
_FOLLOW_UP = re.compile(r"^-?\s*if (?:yes|so|not|no|this is the case|applicable)\b", re.I)
# A short entry of a list (a year, a category, a field), not a question of its own.
_IS_BREAKDOWN = re.compile(r"^(?![^?]*\?\s*$)(?!(?:how|what|which|when|where|who|why|please|can|could|do|does|is|are)\b)"
                           r".{1,90}$", re.I)


def _first_sentences(text: str, limit: int = 300) -> str:
    out = ""
    for sentence in decision.sentences(text):
        out = (out + " " + sentence).strip()
        if len(out) >= 80:
            break
    return out[:limit]


# An answer that says its decision is given elsewhere in the letter (not one that is simply unworded, such as a
# draft's "[DECISION NEEDED: ...]").
_POINTS_ELSEWHERE = re.compile(r"\b(?:see|refer to|(?:stated|explained|set out|shown) (?:above|below)|as above|"
                               r"(?:the|our) (?:decision|response) (?:above|below)|section 17\b|refusal notice)", re.I)
_MENTION = re.compile(r"\b(?:q|questions?|requests?)\s?(\d{1,2})[a-z]?\b(?:\s*(?:-|\u2013|to|and|&)\s*(?:q\s?)?(\d{1,2})\b)?",
                      re.I)


def _mentions(lines: list[str]) -> dict[str, list[str]]:
    """Paragraphs of the response that name the questions they answer ('In relation to question 2', 'Q4 & Q5 -')."""
    out: dict[str, list[str]] = {}
    for line in lines:
        for m in _MENTION.finditer(line[:200] if line else ""):
            a = int(m.group(1))
            b = int(m.group(2)) if m.group(2) and a < int(m.group(2)) <= a + 20 else a
            for n in range(a, b + 1):
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
    r"we |information)\b)",
    re.I,
)


def _split_inline(head: str, body: str) -> tuple[str, str]:
    """'Q1a - question? – Please visit above link.' -> (question, answer)."""
    if body:
        return head, body
    parts = list(_INLINE_ANSWER.finditer(head))
    if parts:
        cut = parts[-1]
        return head[: cut.start()].strip(), head[cut.end():].strip()
    return head, ""


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


# --- per-question classification -----------------------------------------------------------------


def _segments(answer: str) -> list[str]:
    """Parts of an answer that can each carry a treatment ('Part 1 ...', 'Part 2 ...', lines, sentences)."""
    segs = []
    for line in answer.split("\n"):
        segs.extend(s for s in re.split(r"(?<=[.;])\s+(?=(?:Part \d|However|But)\b)", line) if s.strip())
    return segs


def _classify(label, text, answer, reason, letter_exemptions, previous_pointers, accessible="s21",
              shared: bool = False) -> Question:
    """One question's treatments from its answer. ``shared``: the answer is the whole response, given to
    every question alike, so it is read sentence by sentence without its boilerplate and reduced to one
    decision (``decision.reduce_shared``)."""
    table = rule_table()
    found: list[Treatment] = []
    evidence: dict[Treatment, str] = {}

    def add(t: Treatment, seg: str) -> None:
        if t not in found:
            found.append(t)
            evidence.setdefault(t, seg)

    read = decision.relied_on(answer) if shared else answer
    segments = decision.sentences(read) if shared else _segments(decision.relied_on_lines(answer))
    withheld_cited = False  # an exemption other than cost, vexatious or "otherwise accessible" is cited
    cost_words = decision.cost()
    for seg in segments:
        cites = _cited(seg, accessible)
        otherwise_accessible = any(c.section == accessible for c in cites)  # s21; s25 in a FOISA letter
        other_cites = [c for c in cites if c.section not in (accessible, "s12", "s14") and c.text != NOT_HELD_EXCEPTION
                       and not table.is_ncnd_subsection(c.text)]
        # each pattern is searched once per segment (this loop is most of a parse)
        is_ncnd = bool(_NCND.search(seg))
        vexatious = bool(_VEXATIOUS.search(seg))
        cost = bool(_COST.search(seg)) or (shared and bool(cost_words.search(seg)))
        public_domain = bool(_PUBLIC_DOMAIN_STRONG.search(seg))
        link = bool(_LINK_HINT.search(seg))
        partly = bool(_PARTLY.search(seg))
        if is_ncnd:
            add(Treatment.NCND, seg)
        if vexatious:
            add(Treatment.VEXATIOUS, seg)
        if cost:
            add(Treatment.COST_LIMIT, seg)
        not_held = bool(_NOT_HELD.search(seg)) or any(c.text == NOT_HELD_EXCEPTION for c in cites)
        if not_held:
            add(Treatment.NOT_HELD, seg)
        if public_domain or otherwise_accessible or (link and not not_held):
            add(Treatment.PUBLIC_DOMAIN, seg)
        withheld = bool(other_cites) or (
            not (is_ncnd or otherwise_accessible or cost or vexatious or public_domain or not_held)
            and bool(_WITHHELD.search(seg))
        )
        withheld_cited = withheld_cited or bool(other_cites)
        if withheld and not (is_ncnd and not other_cites):
            add(Treatment.PARTLY_DISCLOSED if partly else Treatment.WITHHELD, seg)
        elif partly:
            add(Treatment.PARTLY_DISCLOSED, seg)
        if shared:
            # a whole response: "I can confirm the information is held" is not a release, nor is every number
            if _RELEASED.search(seg) and not (is_ncnd or cost or vexatious or _NOT_RELEASED.search(seg)):
                add(Treatment.DISCLOSED, seg)
        elif not (is_ncnd or not_held or withheld or cost or vexatious or public_domain or link or otherwise_accessible) and (
            _DISCLOSED.search(seg) or _FIGURE.search(_strip_citations(seg))
        ):
            add(Treatment.DISCLOSED, seg)
    if not answer and reason:
        add(Treatment.WITHHELD, reason)
        answer = reason
    elif (reason and Treatment.WITHHELD not in found and Treatment.PARTLY_DISCLOSED not in found
          and found and set(found) <= {Treatment.PUBLIC_DOMAIN, Treatment.DISCLOSED}):
        # The reasons name this question as exempt although its answer only gives the rest.
        add(Treatment.WITHHELD, reason)
    pointers = extract_pointers(answer)
    if not pointers and re.search(r"above link", answer, re.I):
        pointers = list(previous_pointers)
    if not found and pointers:
        found.append(Treatment.PUBLIC_DOMAIN)  # the answer is a pointer to published material
        evidence[Treatment.PUBLIC_DOMAIN] = next((x for x in answer.split("\n") if pointers[0].name in x),
                                                 answer.split("\n")[0])
    if Treatment.DISCLOSED in found and Treatment.WITHHELD in found:
        # Figures given and some withheld in the same answer: a partial disclosure.
        found[found.index(Treatment.DISCLOSED)] = Treatment.PARTLY_DISCLOSED
        evidence.setdefault(Treatment.PARTLY_DISCLOSED, evidence.get(Treatment.WITHHELD, ""))
    if Treatment.PARTLY_DISCLOSED in found and Treatment.WITHHELD in found:
        found.remove(Treatment.WITHHELD)
    found = list(dict.fromkeys(found))
    found = _refine(found, answer, withheld_cited)
    if shared and found:
        found = decision.reduce_shared(found)
    review = None
    if shared and not found and (_DISCLOSED.search(read) or _FIGURE.search(_strip_citations(read))):
        # nothing but wording or figures that may be the information itself: a guess, so a person checks it
        found.append(Treatment.DISCLOSED)
        evidence[Treatment.DISCLOSED] = next((x for x in segments if _DISCLOSED.search(x)), segments[0] if segments else "")
        review = "read as disclosed from the response as a whole: check it"
    if not found:
        found.append(Treatment.OTHER)
        reason_other = decision.other_reason(answer) if answer else "no answer found for this question"
        review = f"other: {reason_other}"
        confidence = 0.2
    elif review:
        confidence = 0.4
    elif shared:
        confidence = 0.6
    else:
        confidence = 0.9 if len(found) == 1 else 0.75
    quote = next((evidence[t] for t in found if t in evidence), "")

    exemptions = _question_exemptions(read if shared else answer, reason, found, letter_exemptions, accessible)
    ncnd = [e for e in exemptions if table.is_ncnd_subsection(e)]
    if Treatment.NCND in found and not ncnd:
        ncnd = [e for e in letter_exemptions if table.is_ncnd_subsection(e)]
        exemptions = _dedupe(exemptions + ncnd)
    if shared:
        exemptions = _shared_exemptions(found, exemptions, letter_exemptions, table)
        ncnd = [e for e in exemptions if table.is_ncnd_subsection(e)]
    else:  # a cost or vexatious refusal rests on s12 / s14 even where the answer does not name it
        for t, section, default in ((Treatment.COST_LIMIT, "s12", "s12"), (Treatment.VEXATIOUS, "s14", "s14(1)")):
            if t in found and not any(section_of(e) == section for e in exemptions):
                exemptions = exemptions + ([e for e in letter_exemptions if section_of(e) == section] or [default])
    return Question(
        label=label,
        text=text.strip(),
        answer=answer.strip(),
        treatments=tuple(found),
        exemptions=tuple(exemptions),
        pointers=tuple(pointers),
        ncnd=tuple(ncnd),
        evidence=quote.strip()[:300],
        confidence=confidence,
        review=review,
    )


_HOLDS = re.compile(r"confirm(?:s|ed)? (?:that )?.{0,80}?\b(?:does |do )?holds?\b|information (?:is|was) held\b", re.I)
_REDIRECT = re.compile(r"(?:submit|send|direct|redirect|forward) (?:this part of )?(?:your|the) (?:request|question)s? to|"
                       r"we (?:cannot|can't|are unable to) answer (?:for|on behalf of)|"
                       r"(?:is|are) (?:not )?(?:held|the responsibility of) (?:by )?(?:another|a different|the) "
                       r"(?:authority|organisation|body|department)", re.I)


def _refine(found: list[Treatment], answer: str, withheld_cited: bool) -> list[Treatment]:
    """What the phrases found, corrected by what the answer as a whole says: a cost or vexatious refusal
    that calls its section 'an exemption' withholds nothing else; 'I can confirm that we hold it' before a
    refusal is no disclosure; a request for clarification or a pointer to another body is `other`."""
    out = list(found)
    refusal = {Treatment.COST_LIMIT, Treatment.VEXATIOUS} & set(out)
    if refusal and not withheld_cited:
        out = [t for t in out if t not in (Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED)]
    if (refusal or Treatment.WITHHELD in out or Treatment.NCND in out) and Treatment.DISCLOSED in out \
            and _HOLDS.search(answer) and not _RELEASED.search(answer):
        out.remove(Treatment.DISCLOSED)
    if Treatment.COST_LIMIT in out and Treatment.NOT_HELD in out and _HOLDS.search(answer):
        out.remove(Treatment.NOT_HELD)  # "we hold it, but finding it would exceed the limit"
    settled = {Treatment.WITHHELD, Treatment.NCND, Treatment.NOT_HELD, Treatment.PARTLY_DISCLOSED, Treatment.COST_LIMIT,
               Treatment.VEXATIOUS}
    if not set(out) & settled and decision.other_reason(answer) in ("clarification", "redirected") and \
            (decision.other_reason(answer) == "clarification" or _REDIRECT.search(answer)):
        return []  # read as `other`, with the reason
    return out


def _shared_exemptions(found, exemptions, letter_exemptions, table) -> list[str]:
    """The provisions a whole-response decision rests on: the cost or vexatious section alone for those
    refusals (s12 when the letter names none), the exemptions it applied for the others."""
    if Treatment.COST_LIMIT in found:
        return [e for e in _dedupe(exemptions + letter_exemptions) if section_of(e) == "s12"] or ["s12"]
    if Treatment.VEXATIOUS in found:
        return [e for e in _dedupe(exemptions + letter_exemptions) if section_of(e) == "s14"] or ["s14(1)"]
    if set(found) & WITHHOLDING:
        return [e for e in exemptions if section_of(e) not in ("s12", "s14")]
    return [e for e in exemptions if section_of(e) not in ("s12", "s14") and not table.is_ncnd_subsection(e)
            and (set(found) & {Treatment.PUBLIC_DOMAIN} or section_of(e) in ("s21", "s25"))]


def _strip_citations(text: str) -> str:
    text = re.sub(r"\b(?:sections?|secs?\.?|s\.?|regulations?)\s?\d{1,2}(\(\w{1,3}\))*", " ", text, flags=re.I)
    text = re.sub(r"\b\d+\s*(hours|working days|days)\b|\b(q|question)\s?\d+\w?", " ", text, flags=re.I)
    return re.sub(r"\b\d{1,2}(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|"
                  r"november|december)\b", " ", text, flags=re.I)


def _cited(text: str, accessible: str = "s21"):
    """The refusals ``text`` cites under the letter's Act (its profile known by its otherwise-accessible section):
    FOISA's s21 is its review section, not an exemption."""
    regime = by_accessible(accessible)
    return [c for c in find_citations(text) if c.is_exemption and regime.applies(c.section)]


def _question_exemptions(answer, reason, treatments, letter_exemptions, accessible="s21") -> list[str]:
    cited = [c.text for c in _cited(answer, accessible)]
    if not cited and reason:
        cited = [c.text for c in _cited(reason, accessible)]
    out: list[str] = []
    for e in cited:
        bare = section_of(e) == e
        limbs = [x for x in letter_exemptions if bare and x.startswith(e + "(")]
        out.extend(limbs or [e])
    if not out and ({Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED} & set(treatments)):
        table = rule_table()
        refusing = [e for e in letter_exemptions if not table.is_ncnd_subsection(e)
                    and section_of(e) not in (accessible, "s12", "s14") and not e.startswith(NOT_HELD_EXCEPTION)]
        families = {section_of(e) for e in refusing}
        if len(families) == 1:
            out = refusing
    return _most_specific(out)


def _most_specific(items: list[str]) -> list[str]:
    """Drop 's31' when 's31(1)(a)' is also cited; keep order; unique."""
    items = _dedupe(items)
    return [e for e in items if not any(o != e and o.startswith(e + "(") for o in items)]


def _dedupe(items):
    return list(dict.fromkeys(items))


# --- pointers -------------------------------------------------------------------------------------


def extract_pointers(answer: str) -> list[Pointer]:
    """Named published resources in an answer, with URL and '(Link Removed)' markers."""
    found: dict[str, Pointer] = {}

    def add(name: str, url: str | None = None, removed: bool = False) -> None:
        name = _clean_pointer_name(name)
        key = pointer_key(name)
        if not key or len(key) < 3 or _NOT_POINTERS.match(name) or len(name.split()) > 14:
            return
        old = found.get(key)
        found[key] = Pointer(name=old.name if old else name, url=(old.url if old and old.url else url),
                             link_removed=removed or bool(old and old.link_removed))

    for line in answer.split("\n"):
        spans: list[tuple[int, int]] = []
        # 1. "Name (domain.uk)" and "Name.pdf(domain.uk)"
        def span(name: str | None, m: re.Match, line: str = line) -> tuple[int, int]:
            start = line.rfind(name, 0, m.start()) if name else -1
            return (start if start >= 0 else m.start(), m.end())

        for m in _DOMAIN_PAREN.finditer(line):
            name = _name_before(line[: m.start()])
            if name:
                add(name)
            spans.append(span(name, m))
        # 2. "Name: https://..." / "Name https://..."
        for m in _URL.finditer(line):
            url = m.group(0).rstrip(".,;")
            name = _name_before(re.sub(r"\s*(?:[:\-\u2013]|at|via|here)\s*$", "", line[: m.start()]))
            add(name or url, url)
            spans.append(span(name, m))
        # 3. "(Link Removed)"
        for m in re.finditer(r"\(\s*link removed\s*\)", line, re.I):
            name = _name_before(line[: m.start()])
            add(name or "Link removed", None, True)
            spans.append(span(name, m))
        # 4. after an anchor phrase, up to the end of the sentence ("visit this link Live Facial Recognition")
        for m in _ANCHOR.finditer(line):
            if any(a <= m.end() < b for a, b in spans):
                continue
            tail = re.split(r"(?<!\.pdf)[.;,](?:\s|$)|\s&\s|\s+and\s+(?:visit|see)\b|\s\(|\s-\s|:?\s*https?://",
                            line[m.end():])[0]
            tail = _PURPOSE_TAIL.split(tail, maxsplit=1)[0].strip(" :-\u2013")
            if tail and tail[0].isupper() and not _URL.match(tail):
                add(tail)
        # 5. Title Case document names ("College of Policing APP for Live Facial Recognition")
        for name in _document_phrases(line):
            if not any(pointer_key(name) in k or k in pointer_key(name) for k in found):
                add(name)
    return list(found.values())


#: what follows a resource's name in a sentence, not part of it ("the LFR Deployment Grid for the relevant data")
_PURPOSE_TAIL = re.compile(
    r"\s+(?:for\s+(?:the\s+|your\s+)?(?:relevant|more|further|additional|full|latest|detailed|up-to-date)\b"
    r"|(?:which|where|that)\s+(?=[a-z]))"
)


def _name_before(prefix: str) -> str | None:
    """The resource name that ends at the end of ``prefix``: cut after the last anchor phrase."""
    prefix = prefix.rstrip()
    cut = 0
    for m in _ANCHOR.finditer(prefix):
        cut = m.end()
    for m in re.finditer(r"[.:;](?:\s|$)|\blinks?\b\s*[:\-\u2013]?", prefix):
        if m.end() > cut and m.end() < len(prefix):
            cut = m.end()
    name = prefix[cut:].strip(" :-\u2013\u2014")
    if not name:
        return None
    words = name.split()
    # Keep the trailing run that looks like a title (starts with a capital or an acronym).
    while words and not (words[0][0].isupper() or words[0][0].isdigit()):
        words.pop(0)
    return " ".join(words[-14:]) if words else None


def _clean_pointer_name(name: str) -> str:
    name = _DOMAIN_PAREN.sub("", name)
    name = re.sub(r"\.(pdf|docx?|xlsx?|csv|html?)\b", "", name, flags=re.I)
    name = re.sub(r"\s*\|\s*[^|]*$", "", name)  # "Live Facial Recognition | Metropolitan Police"
    name = re.sub(r"\s*\(\s*[A-Z]{2,6}\s*\)\s*$", "", name)  # "(EIA )"
    return name.strip(" .:-\u2013\u2014\"'")


_TITLE_TOKEN = re.compile(r"[A-Z][\w'’-]*|[A-Z]{2,}|&|of|for|and|the|on|in|to|a")


def _document_phrases(line: str) -> list[str]:
    out = []
    tokens = re.findall(r"[\w'’&.-]+|[|]", line)
    run: list[str] = []

    def flush():
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        while run and run[0].lower() in _CONNECTORS:
            run.pop(0)
        if len(run) >= 2 and any(w.lower().strip(".") in _DOC_NOUNS for w in run):
            caps = sum(1 for w in run if w[0].isupper())
            if caps >= 2:
                out.append(" ".join(run).strip("."))
        run.clear()

    for i, tok in enumerate(tokens):
        word = tok.rstrip(".")
        if word and (word[0].isupper() or (run and word.lower() in _CONNECTORS)):
            if word[0].isupper() and i > 0 and not run and tokens[i - 1].endswith("."):
                pass
            run.append(word)
            if tok.endswith(".") and not word.isupper():
                flush()
        else:
            flush()
    flush()
    return [p for p in out if not _NOT_POINTERS.match(p) and not re.match(r"^(This|The|Part|Please|Q\d)\b", p)]


# --- header facts ---------------------------------------------------------------------------------

_REFERENCE = re.compile(
    r"(?:reference\s*(?:no|number)?\.?\s*[:.]?|our ref(?:erence)?\s*[:.]?|ref\s*[:.]|foi\s+request\s+(?:no|number)\s*[:.]?)"
    r"\s*(?P<ref>[A-Z0-9][A-Z0-9./_\- ]{3,30}[A-Z0-9])",
    re.I,
)


def _reference(text: str) -> str | None:
    for m in _REFERENCE.finditer(text[:3000]):
        ref = _reference_token(m.group("ref"))
        if ref:  # "Enquiries to Information Governance", "Our Ref:" alone are no reference
            return ref
    m = re.search(r"\b(?:[A-Z]{2,4}-)?FOI[A-Z]?[-/]\d[\w/.-]{2,24}", text[:3000])  # IM-FOI-2018-1421, FOIR-104834967
    if m:
        return m.group(0).rstrip(".")
    m = re.search(r"\b\d{2}\.FOI\.\d{2}\.\d{6}\b", text)
    return m.group(0) if m else None


def _reference_token(raw: str) -> str | None:
    """'FOI 4530 Dear Sir' -> 'FOI 4530'; 'F16458 and I would' -> 'F16458'; 'FOI-GOOD' -> itself; words -> None."""
    tokens = raw.split()
    if tokens and re.fullmatch(r"[A-Z]{2,}(?:[-/.][A-Z0-9]+)+", tokens[0]):
        return tokens[0]  # an identifier without a number ("FOI-GOOD")
    for i, tok in enumerate(tokens):
        if re.search(r"\d", tok):
            head = tokens[i - 1] + " " if i and re.fullmatch(r"[A-Z]{2,5}", tokens[i - 1]) else ""
            tail = " ".join(tokens[i + 1: i + 3]) if re.fullmatch(r"/ \d+", " ".join(tokens[i + 1: i + 3])) else ""
            return (head + tok + (" " + tail if tail else "")).rstrip(".,;:")
    return None


def _fallback_reference(source: str, text: str) -> str:
    import hashlib

    return f"{Path(source).stem}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


_KNOWN_AUTHORITY = [
    (re.compile(r"\b01\.FOI\.\d|\bmetropolitan police|\bMPS\b|met\.police\.uk"), "Metropolitan Police Service"),
]
_AUTHORITY = re.compile(
    r"\b((?:[A-Z][a-z]+ ){1,3}(?:Police(?: Service)?|Constabulary|City Council|Borough Council|County Council|Council))\b"
)


def _authority(text: str) -> str | None:
    for pattern, name in _KNOWN_AUTHORITY:
        if pattern.search(text):
            return name
    m = _AUTHORITY.search(text)
    return m.group(1) if m else None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_WORDS = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\s+(\d{{4}})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _date(text: str) -> date | None:
    head = text[:1500]
    m = re.search(r"^date\s*[:.]?\s*(.+)$", head, re.I | re.M)
    candidates = [m.group(1)] if m else []
    candidates.append(head)
    for cand in candidates:
        for rx, build in (
            (_DATE_ISO, lambda g: date(int(g[0]), int(g[1]), int(g[2]))),
            (_DATE_WORDS, lambda g: datetime.strptime(f"{g[0]} {g[1]} {g[2]}", "%d %B %Y").date()),
            (_DATE_SLASH, lambda g: date(int(g[2]), int(g[1]), int(g[0]))),
        ):
            mm = rx.search(cand)
            if mm:
                try:
                    return build(mm.groups())
                except ValueError:
                    continue
    return None


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


_EIR = re.compile(r"environmental information regulations|\bEIRs?\b", re.I)
_FOISA = re.compile(r"\(scotland\) act|\bFOISA\b|scottish information commissioner", re.I)
_FOIA = re.compile(r"freedom of information act(?! \(scotland\))|\bFOIA\b", re.I)
REGIME_NAMES = {Regime.EIR: _EIR, Regime.FOISA: _FOISA, Regime.FOIA: _FOIA}  # how a text names each regime, first match wins


def named_regime(text: str) -> Regime | None:
    """The regime a text names, if it names one: 'the Environmental Information Regulations' (EIR), 'the Freedom
    of Information (Scotland) Act' (FOISA), 'the Freedom of Information Act' (FOIA). A request's own words."""
    return next((regime for regime, pattern in REGIME_NAMES.items() if pattern.search(text)), None)


def _regime(text: str, meta: dict) -> Regime:
    if meta.get("regime") in {r.value for r in Regime}:
        return Regime(meta["regime"])
    if _EIR.search(text) or re.search(r"regulation 12\(", text, re.I):
        return Regime.EIR
    if _FOISA.search(text):
        return Regime.FOISA
    return Regime.FOIA
