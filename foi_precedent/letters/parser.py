"""Parse the text of an FOI response letter into a ``Letter``.

The reader takes a reply as officers write it, whatever the layout: the sections and labels (``layout``),
each answer's treatment and provisions (``answers``, with ``decision`` for a response read as a whole), the
resources it points to (``pointers``) and what the letter says of itself (``header``). This module puts
them together: questions labelled or not, answers labelled, named in prose, or shared by every question,
and the letter-level statements (refusal notice, harm, public interest test, complaint rights).

Pure: text in, ``Letter`` out. File formats are handled by ``sources``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from foi_precedent.errors import LetterError
from foi_precedent.letters import decision, learned, locator
from foi_precedent.letters.answers import (
    _ABOUT_EXEMPTIONS,
    _SEE_OTHER,
    _cited,
    _classify,
    _most_specific,
    below_the_line,
)
from foi_precedent.letters.exemptions import rule_table, section_of
from foi_precedent.letters.header import (
    REGIME_NAMES,
    _as_date,
    _authority,
    _date,
    _extension_notice,
    _fallback_reference,
    _received,
    _reference,
    _regime,
    named_regime,
)
from foi_precedent.letters.layout import (
    _ALSO_ASKS,
    _ASKS,
    _BARE_NUMBER,
    _EACH,
    _FOR_EACH,
    _NOISE,
    _POINTS_ON,
    _QUOTED_REQUEST,
    _STRONG_ASK,
    _VALUE,
    FIGURE_GIVEN,
    REPORTED_FURTHER_ASK,
    _about,
    _Block,
    _blocks,
    _first_sentences,
    _join,
    _label_of,
    _lettered_run,
    _match_key,
    _mentions,
    _named,
    _reason_paragraphs,
    _renumbered,
    _request_items,
    _similar,
    _split_inline,
    _split_sections,
    answered_by_number,
    answered_inline,
    answers_line,
    breakdown_parts_folded,
    further_asks,
    interleaved,
    item_asks,
    leading_sub_items,
    list_item,
    numbered_bullets,
    numbered_rows,
    numbered_table_rows,
    opens_reply,
    quotes_cost_activity,
    request_items_at,
    request_then_reply,
    scoped_reading,
    several_requests,
    split_first_items,
    table_columns,
    trailing_reply,
    unflatten,
)
from foi_precedent.letters.model import (
    REFUSING,
    WITHHOLDING,
    Letter,
    Pointer,
    Question,
    Treatment,
    label_key,
    opening_share,
    plain_words,
)
from foi_precedent.letters.pointers import (
    extract_pointers,
)
from foi_precedent.letters.regimes import profile
from foi_precedent.letters.sources import Document, read_document

__all__ = ["REGIME_NAMES", "extract_pointers", "named_regime", "parse_document", "parse_file", "parse_text"]

# --- letter-level statements ----------------------------------------------------------------------

_REFUSAL_NOTICE = re.compile(
    r"refusal notice|section 17\b|\bs\.?\s?17\b|section 16 of the freedom of information "
    r"\(scotland\)",
    re.I,
)
# FOISA's section 17 notice that information is not held ("in terms of section 17(1) ... we do not hold the
# information"): a notice, but no refusal
_NOT_HELD_NOTICE = re.compile(
    r"[^.\n]*\bsection 17\b[^.]*?\b(?:not held|not hold|does not have|holds? no)\b[^.\n]*"
    r"|[^.\n]*\b(?:not held|not hold|holds? no)\b[^.]*?\bsection 17\b[^.\n]*",
    re.I,
)
_HARM = re.compile(
    r"would\s+be\s+likely\s+to|would\s+prejudice|likely\s+to\s+prejudice|\bharm(ful)?\b|\bprejudice\b|"
    r"adversely\s+affect|\bdetrimental\b",
    re.I,
)
_PIT = re.compile(r"public interest", re.I)
_PIT_BALANCE = re.compile(
    r"balance|factors (favouring|for|against|in favour)|outweigh|"
    # the test said to be done, or its conclusion ("the factors considered when deciding where the public interest
    # lies", "whether the public interest is better served by ...", "carrying out a public interest test", "it is not
    # in the public interest for confidential papers to be published")
    r"where the public interest lies|better served|(?:carry|carrying|carried|complete|completed) (?:out )?a\b[^.]{0,30}"
    r"public interest test|not in the public interest (?:for|to)\b",
    re.I,
)
# a sentence saying no public interest test applies ('This exemption is not subject to the "public interest test"',
# 'there is no requirement to consider the public interest', 'the public interest test does not apply') weighs nothing
_Q = r"[\'\"\u2018\u2019\u201c\u201d]?"
_NO_PIT = re.compile(
    r"[^.]{0,300}(?:"
    r"\b(?:not|never)\s+(?:subject\s+to|qualified\s+by|required\s+to\s+(?:consider|apply|carry\s+out|conduct))"
    r"|\bno\s+(?:requirement|need|obligation|duty)\s+(?:for\s+\w+\s+)?to\s+(?:consider|apply|carry\s+out|conduct)"
    r"|\b(?:does|do|did|need)\s+not\s+(?:require|need|attract|carry|involve)"
    r")\s+(?:a\s+|the\s+|any\s+)?" + _Q + r"public\s+interest\b[^.]{0,300}\.?"
    r"|[^.]{0,300}\bpublic\s+interest\s+test" + _Q + r"\s+(?:does|do|need)\s+not\s+apply[^.]{0,300}\.?",
    re.I,
)
_COMPLAINT = re.compile(
    r"information commissioner|internal review|complaint rights|right to (complain|appeal|request a review)|"
    # a review the requester may ask for, in the words of FOISA letters ("Right of Review", "you may require us to
    # review our decision", "Apply for a review of our decision within 40 working days", "Review Procedure")
    r"right of (?:review|appeal)|(?:request|apply for|ask for) a review\b|requirement for (?:a )?review|"
    r"review procedure|require \w+(?: \w+)? to review (?:its|our|the|this) decision|"
    r"procedure by which a review",
    re.I,
)


def parse_file(path: str | Path) -> Letter:
    return parse_document(read_document(path))


def parse_document(doc: Document, questions: list[tuple[str, str]] | None = None) -> Letter:
    return parse_text(doc.text, source=doc.source, front_matter=doc.front_matter, questions=questions)


_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")


def clean_lines(text: str) -> list[str]:
    """A letter's lines as the reader reads them: web-page noise and a thread's status lines gone, lines run
    together (flattened text) split apart."""
    return split_first_items(
        _without_thread_status(
            [ln for line in text.split("\n") for ln in unflatten(line.strip()) if not _NOISE.match(ln)]
        )
    )


def _answer_beside(lines: list[str], question: str, others: list[str]) -> str:
    """Where the reader tied no answer to a question: the words after it on the line it ends on (``lines`` with their
    spaces collapsed, ``_flat``: "What is the full
    price of a Littering Fixed Penalty Notice (FPN)? \u00a380", "d) Date installed \u2013 N/A"), unless they are
    another question. Empty where its words are not found or nothing follows them.

    Not the next line: on fifteen blind batches (``scripts/measure_treatment_classifier.py``) the next line gained
    11 questions, but by luck, mostly a heading or the letter's decision ("Our response:", "I have today decided to
    disclose ...") read as the majority's `disclosed`; and the seed letter 025506's unanswered REQUEST 2 took its
    decision paragraph so. The words on the question's line gained 4 there, 2 read otherwise, none lost."""
    words = _flat(question)
    if len(words) < 8:
        return ""
    ran_on = _RAN_ON.search(words)
    if ran_on and re.search(r"[^\W_]", ran_on.group(1)) and not _ANSWERS_NOTHING.match(ran_on.group(1)):
        return ran_on.group(1)  # the answer the reader ran into the question's words ("... (FPN)? \u00a380")
    head, tail = words[:30].lower(), words[-20:].lower()
    starts = [o[:30].lower() for o in map(_flat, others) if len(o) >= 10]
    for n, line in enumerate(lines):
        if head not in line.lower():
            continue
        # the line the question ends on: this one, or one of the next three
        for m in range(n, min(n + 4, len(lines))):
            end = lines[m].lower().rfind(tail)
            if end >= 0:
                words = lines[m][end + len(tail) :].strip(" -\u2013:?")
                # (not another question, asked or of the reader's, nor the request's sign-off)
                if (
                    not words
                    or words.endswith("?")
                    or any(s in words.lower() for s in starts)
                    or _CLOSING_LINE.match(words)
                ):
                    return ""
                return words
        return ""
    return ""


# a short answer after a question's question mark, not more of the request ("? Please break this down by year")
_RAN_ON = re.compile(
    r"\?\s*(?![\"'\u201c(]|(?:please|and|or|if|for|in|by|what|how|which|who|when|where|why|can|could|would|"
    r"will|do|does|did|is|are|i|we|also|broken|split)\b)([^?\s][^?]{0,39})$",
    re.I,
)


# what follows a question's question mark but answers nothing: a form's prompt, thanks, a heading
_ANSWERS_NOTHING = re.compile(r"yes\s*/\s*no\b|thank|answer|question|e\.g\.", re.I)


_flat = decision.flat


def _unique_labels(questions: list[Question]) -> list[Question]:
    """A label names one question of the letter: precedent, flags and corrections are keyed by it. A request with
    a second list numbered from 1 again gives its questions '1 (second list)', '2 (second list)' ..."""
    seen: dict[str, int] = {}
    out = []
    for q in questions:
        key = q.label.strip().lower()  # 'Question 2' and 'REQUEST 2' are two labels as written
        n = seen.get(key, 0)
        seen[key] = n + 1
        if n:
            nth = _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"{n + 1}th"
            q = replace(q, label=f"{q.label} ({nth} list)")
        out.append(q)
    return out


# One answer given for every question not answered apart ("With regards to all other questions, the requested
# information ... is exempt under Section 24 ...", "For the remaining questions, ...").
_THE_OTHERS = re.compile(
    r"^(?:with\s+regards?\s+to|in\s+(?:relation|respect|regard)\s+(?:to|of)|regarding|for|as\s+for|turning\s+to)\s+"
    r"(?:all\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:other|remaining|rest\s+of\s+(?:the|your))\s+"
    r"(?:questions|parts|points|requests|elements|items)\b",
    re.I,
)


def _answered_together(
    questions: list[Question], lines: list[str], letter_exemptions: list[str], accessible: str
) -> list[Question]:
    """Questions with no answer of their own, read from a passage that answers "all other questions" together."""
    unanswered = [
        n
        for n, q in enumerate(questions)
        if q.treatments == (Treatment.OTHER,) and decision.unanswered(q.review)
    ]
    start = next((n for n, line in enumerate(lines) if _THE_OTHERS.match(line.strip())), None)
    if not unanswered or start is None:
        return questions
    passage: list[str] = []
    for line in lines[start:]:
        if passage and (not line.strip() or _CLOSING_LINE.match(line.strip())):
            break
        passage.append(line.strip())
    together = _classify("", "", "\n".join(passage), None, letter_exemptions, (), accessible)
    if together.treatments == (Treatment.OTHER,):
        return questions
    out = list(questions)
    for n in unanswered:
        out[n] = replace(together, label=questions[n].label, text=questions[n].text)
    return out


_CLOSING_LINE = re.compile(
    r"^(?:if you are (?:dissatisfied|unhappy)|yours (?:sincerely|faithfully)|kind regards)", re.I
)


def parse_text(
    text: str,
    source: str = "<text>",
    front_matter: dict | None = None,
    questions: list[tuple[str, str]] | None = None,
) -> Letter:
    """``questions``: (label, text) pairs an officer gave (a split correction, ``foi_precedent.splits``), read in
    place of the request the reader finds: a question the reader finds too keeps the reader's reading of its answer;
    any other is answered where the reply labels it, else by the reply as a whole."""
    return _parse_text(text, source, front_matter, list(questions or ()))


# A precedent's answer quoted to the officer in a draft (``drafting.letter.reasons_block``): another letter's words,
# never the draft's, so its dates, references and citations are not read as the draft's own.
PRECEDENT_QUOTE = re.compile(r'^\[Precedent \(.+?\) answered: ".*"\][ \t]*$', re.M)


def precedent_quote(reference: str, label: str, quote: str) -> str:
    """The line a draft quotes a precedent's answer on (``PRECEDENT_QUOTE`` knows it)."""
    return f'[Precedent ({reference} {label}) answered: "{quote}"]'


def parse_draft(text: str, source: str) -> Letter:
    """A draft the product wrote (from precedent, or by the model from a plan), read as written: by the phrase rules
    alone, as its words are the plan's; the learned reader's dispute of a reading (``answers._second_opinion``)
    would only hide a flag the drafter should see. The precedents it quotes to the officer are left out."""
    with learned.off():
        return parse_text(PRECEDENT_QUOTE.sub("", text), source=source)


# WhatDoTheyKnow's status of a request above the thread ("University of Reading did not have the information
# requested."): set by the requester, not the authority's decision (the other statuses are noise lines anywhere).
_THREAD_STATUS = re.compile(r"^[A-Z][\w&.,'\u2019()\- ]{1,100} did not have the information requested\.?$")


def _without_thread_status(lines: list[str]) -> list[str]:
    """The lines without a thread's status line, read only above the first letter of the thread ("Dear ...")."""
    first = next((i for i, ln in enumerate(lines) if re.match(r"dear\b", ln, re.I)), None)
    if first is None:
        return lines
    return [ln for i, ln in enumerate(lines) if not (i < first and _THREAD_STATUS.match(ln.strip()))]


def _parse_text(text: str, source: str, front_matter: dict | None, given: list[tuple[str, str]]) -> Letter:
    meta = dict(front_matter or {})
    lines = clean_lines(text)
    clean = "\n".join(lines).strip()
    if not clean:
        raise LetterError(source, "no text left after removing web-page noise")

    sections = _split_sections(lines)
    table = rule_table()
    # The letter's own provisions: cited in its decision and answers, not in the request it quotes, the
    # complaint-rights text or the Act's words ("relying on a claim that section 12 or 14 applies").
    body = "\n".join(sections["pre"] + sections["decision"] + sections["response"])
    authority = meta.get("authority") or _authority(clean)
    regime = _regime(clean, meta, authority)
    accessible = profile(regime).accessible_section  # s21; s25 under FOISA; reg6 under the EIR
    all_citations = _cited(decision.relied_on(body), accessible)
    letter_exemptions = _most_specific([c.text for c in all_citations])
    letter_ncnd = [e for e in letter_exemptions if table.is_ncnd_subsection(e)]

    def found(given: list[tuple[str, str]]) -> list[Question]:
        # a log page of several requests, each under its heading ("Information requested", "Request received 10
        # January 2014", "ENQUIRY 2") with its response under it: each read on its own, the page's questions theirs
        # in order
        questions = [
            q
            for part in (several_requests(lines) if not given else [])
            for q in (
                _questions(_split_sections(part), letter_exemptions, source, accessible)
                or _unstructured(_split_sections(part), "\n".join(part), letter_exemptions, accessible)
            )
        ] or (
            _questions(sections, letter_exemptions, source, accessible, given)
            or _unstructured(sections, clean, letter_exemptions, accessible)
        )
        return _answered_together(_unique_labels(questions), lines, letter_exemptions, accessible)

    questions = found(given)
    if given and questions:
        questions = _own_readings_kept(questions, found([]))
    # below the flag line, the learned reader's reading where it is sure (of an answer of the question's own); the
    # words beside a question are looked for only where it wants them
    flat = [_flat(line) for line in lines]

    def beside(q: Question) -> Callable[[], str]:
        return lambda: _answer_beside(flat, q.text, [o.text for o in questions if o is not q])

    # (the letter's sentences and their learned readings are worked out once, on the first question that wants them)
    sentences = locator.Letter(lines, [(q.label, q.text) for q in questions])

    def located(i: int) -> Callable[[], str]:
        return lambda: sentences.locate(i)

    questions = [
        below_the_line(q, letter_exemptions, accessible, beside(q), located(i))
        for i, q in enumerate(questions)
    ]
    if not questions:
        raise LetterError(
            source,
            "no recognisable questions and no decision (no Q1 / 1. / Question 1 labels, no "
            "request quoted and no answer, refusal or 'not held' found)",
        )
    pointers: dict[str, Pointer] = {}
    for q in questions:
        for p in q.pointers:
            pointers.setdefault(p.key, p)

    refusing = any(set(q.treatments) & REFUSING for q in questions)
    # what the letter applies: the provisions it cites, and those its answers rest on without citing them here (a
    # cost refusal naming no section rests on s12; an answer given within the request)
    letter_exemptions = _most_specific(letter_exemptions + [e for q in questions for e in q.exemptions])
    # a provision named only as the subject of a question about the authority's own refusals ("12 requests were
    # refused under section 14") is not one the letter applies
    held = {e for q in questions for e in q.exemptions}
    counted = {
        c.text
        for q in questions
        if q.answer and _ABOUT_EXEMPTIONS.search(q.text or "")
        for c in _cited(q.answer, accessible)
    }
    letter_exemptions = [e for e in letter_exemptions if e in held or e not in counted]
    letter_ncnd = [e for e in letter_exemptions if table.is_ncnd_subsection(e)]
    return Letter(
        reference=str(meta.get("reference") or _reference(clean) or _fallback_reference(source, clean)),
        authority=authority,
        date=_as_date(meta.get("date")) or _date(clean),
        regime=regime,
        questions=tuple(questions),
        exemptions=tuple(letter_exemptions),
        ncnd=tuple(letter_ncnd),
        pointers=tuple(pointers.values()),
        # a refusal notice is known by what it does: it refuses, and says under which provision
        # (s39 applied to answer under the EIRs instead is still an exemption applied, so a notice, and so is the
        # otherwise-accessible exemption, s21 / FOISA s25 / EIR reg 6(1)(b), applied to published information)
        refusal_notice=bool(
            _REFUSAL_NOTICE.search(_in_sentences(_NOT_HELD_NOTICE, body, _NOT_HELD_NOTICE_CUE))
        )
        or (refusing and bool(letter_exemptions))
        # a refusal on cost or as vexatious says why in its own words ("would exceed the appropriate limit")
        or any(set(q.treatments) & {Treatment.COST_LIMIT, Treatment.VEXATIOUS} for q in questions)
        or any(section_of(e) == "s39" or section_of(e) == accessible for e in letter_exemptions),
        harm_statement=bool(_HARM.search(body)),
        public_interest_test=_has_pit(body),
        complaint_rights=bool(_COMPLAINT.search("\n".join(sections["closing"])) or _COMPLAINT.search(clean)),
        received=_as_date(meta.get("received")) or _received(clean),
        extension_notice=_extension_notice(clean),
        title=meta.get("title"),
        source=meta.get("source") or source,
        licence=meta.get("licence"),
        text=clean,
        meta=meta,
    )


_NOT_HELD_NOTICE_CUE = re.compile(
    r"section 17.*?(?:not held|not hold|does not have|holds? no)|"
    r"(?:not held|not hold|holds? no).*?section 17",
    re.I | re.S,
)
_PIT_CUE = re.compile(r"public\s+interest", re.I)


def _in_sentences(pattern: re.Pattern[str], text: str, cue: re.Pattern[str]) -> str:
    """``pattern.sub(" ", text)`` for a pattern whose matches never cross a full stop (they may end on one), done
    sentence by sentence and only in sentences with ``cue``: the patterns open with an unanchored run of any
    characters but a stop, which tried at every position of a whole letter made reading six times slower."""
    return "".join(
        pattern.sub(" ", part) if cue.search(part) else part for part in re.split(r"(?<=\.)", text)
    )


def _has_pit(text: str) -> bool:
    """A public interest test: factors and a balance ('public interest ... balance', or 'outweigh ... balance'); a
    sentence that says no test applies is no test."""
    text = _in_sentences(_NO_PIT, text, _PIT_CUE)
    if _PIT.search(text) and _PIT_BALANCE.search(text):
        return True
    return bool(re.search(r"outweigh", text, re.I) and re.search(r"\bbalance\b", text, re.I))


def _questions(
    sections: dict[str, list[str]],
    letter_exemptions: list[str],
    source: str,
    accessible: str = "s21",
    given: list[tuple[str, str]] | None = None,
) -> list[Question]:
    asked = (
        _given_blocks(given)
        if given
        else breakdown_parts_folded(_renumbered(_blocks(sections["request"], "request")), sections["request"])
    )
    preamble: list[str] = []
    listed_in = sections["request"]  # the lines the request's items were found in
    if not asked and sections["response"]:
        # Questions listed at the top with no heading of their own ("Requested ... 1. ... 2. ... Response"):
        # what comes before the response is the request.
        asked = [b for b in _blocks(sections["pre"], "request")]
        if asked:
            # what comes before the first of them may hold the decision ("... would exceed the cost limit.
            # Question 1 ... Question 2 ... Answer ...")
            first = next(
                (
                    i
                    for i, ln in enumerate(sections["pre"])
                    if ln and (_label_of(ln) or _BARE_NUMBER.match(ln))
                ),
                0,
            )
            preamble = sections["pre"][:first]
            listed_in = sections["pre"]
            sections = {**sections, "pre": []}
    if asked:
        numbers = {b.key[1] for b in asked if b.key[0] in ("q", "n")}
        sections = {
            **sections,
            "response": numbered_table_rows(numbered_bullets(sections["response"], numbers), numbers),
        }
    answered = _renumbered(_blocks(sections["response"], "response"))
    if (
        asked
        and not given
        and not any(b.key[0] in ("n", "q") for b in answered)
        and _fields_of_each(listed_in, asked)
    ):
        return []  # its numbers mark the fields of each record asked for, not questions: read as unlabelled
    one = _values_of_one_figure(listed_in, asked, answered) if asked and not given else None
    if one:  # the values of one figure asked for, listed: one question, the reply its answer
        return [_one_figure(one, sections["decision"] + sections["response"], letter_exemptions, accessible)]
    # questions listed one after another and the reply as prose after the last ("... 3. ...? Please see attached"):
    # the listed blocks are the request, and what follows the last of them is the response
    listed = [] if given else answered if not asked else (asked if not answered else [])
    split = trailing_reply(listed) if listed else None
    one = _values_of_one_figure(sections["decision"] + sections["response"], split[0], []) if split else None
    if split and one:  # (listed in the reply, which follows the last of them)
        reply = split[1] + [ln for b in split[2] for ln in (b.head, *b.body)]
        return [_one_figure(one, reply, letter_exemptions, accessible)]
    if split:
        asked, tail, rest = split
        answered = _blocks(tail, "response") + rest
        sections = {**sections, "response": tail + [ln for b in rest for ln in (b.head, *b.body)]}
    if asked and not answered and not split and not sections["decision"] and not sections["response"]:
        # each question answered under it, all within the request ("You asked the following: 1) ... ?  DVLA does not
        # hold this information. 2) ..."): what follows the end of a question is its answer
        answered = [a for b in asked if (a := _answered_under(b))]
    if not asked and answered and any(b.key[0] in ("n", "q") for b in answered):
        # unnumbered items asked, answered by number ("You asked: - ... - ..." then "1-3. ...", "Q1 - 96")
        # (the request under a heading, or above the response with none: "I would like ... / - How many ...")
        held = request_items_at(sections["request"] or sections["pre"])
        if len(held) >= 2:
            asked = [
                _Block(label=label, key=("n", str(at[0])), head=text, section="request")
                for label, text, at in held
            ]
            # an answer to an item folded into the one before (the same figure for another year) is that one's
            first_of = {str(n): str(at[0]) for _, _, at in held for n in at}
            answered = _refolded(answered, first_of)
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
    restated: list[
        bool
    ] = []  # for each answered block: it repeats its question's words, with nothing under it
    apart: dict[str, str] = {}  # given questions: number -> answer of an item the officer split into parts
    for b in answered:
        key = _match_key(b.key, by_key, answers)
        if key in answers and len(set(re.findall(r"\w+", b.head))) >= 5:
            # a question restated under a number already answered ("1. ... 1. ... 1. ...", as a web page's lists each
            # restart at one): it answers the question asked in its words, if that one is still unanswered
            scores = sorted(
                (
                    (_overlap(b.head, asked_block.head), k)
                    for k, asked_block in by_key.items()
                    if k not in answers and asked_block.section == "request"
                ),
                reverse=True,
            )
            if scores and scores[0][0] >= 0.7 and (len(scores) == 1 or scores[1][0] <= scores[0][0] - 0.2):
                key = scores[0][1]
        body = _join(b.body)
        head = b.head
        known = by_key.get(key)
        if known is None and given:  # the officer's questions are all the letter asks
            restated.append(False)
            apart[b.key[1]] = _split_inline(head, body)[1] or head
            continue
        restated.append(
            known is not None
            and known is not b
            and known.section == "request"
            # a line that repeats a question's words (a reply restating the request), not one answering in them
            and _overlap(head, known.head) >= 0.85
            and (not body or b is answered[-1])  # nothing under it, but for the last: the decision
        )
        if known is None:
            by_key[key] = b
            order.append(b)
            question_text, answer = _run_on(head, b.body) if body else _split_inline(head, "")
            if not answer and (answers_line(head) or FIGURE_GIVEN.match(head)):
                # "Q1 - Information not held" for a question the request did not label, "2b) We do not hold this
                # information." or "2a) ... LGSCO complaints : 654" in a reply that restates no request: an answer,
                # not a question
                question_text, answer = "", head
        elif body and (known is b or _similar(head, known.head if known else "")):
            question_text, answer = _run_on(head, b.body)
        elif body:
            question_text, answer = known.head, head + "\n" + body if head else body
        else:
            question_text, answer = _split_inline(head, "") if known is b else (known.head, head)
        answer = re.sub(r"^(?:response|answer|reply)\s*:\s*", "", answer, flags=re.I)
        prev = answers.get(key)
        answers[key] = (question_text, (prev[1] + "\n" + answer).strip() if prev else answer)

    if len(restated) >= 2 and all(restated) and answered[-1].body:
        # the request restated item by item in the reply ("You requested details of: 1. ... 2. ... 3. ..."), the
        # decision in prose after the last: that prose answers every question, not the last one alone
        answers = {}
    if not given:
        order = _itemised(order, answers)
        order = _answered_entries(order, answers)
        order = _parts_answered_below(order, answers)
        order = _further_asks(order, answers)
        order = _breakdowns_folded(order, answers)
    else:  # the officer's questions stand as given; an item's answer answers the parts they split it into
        _answer_parts(by_key, answers, apart)
    tabled = _tabled(order, answers)
    cut, general = _general_block(order, answers)
    _notes_under_table(order, answers)
    reasons = _reason_paragraphs(sections["decision"])
    # what the letter says outside its labelled answers: its overall decision
    overall = _join(sections["decision"] + [ln for ln in sections["response"] if ln and not _label_of(ln)])
    # where answers are labelled, one left without its own may be in the prose that names it
    mentions = (
        _mentions(sections["decision"] + [ln for ln in sections["response"] if ln and not _label_of(ln)])
        if answers
        else {}
    )
    # No answer is labelled: the response is prose that answers every question at once. (Where some are, a
    # question left without one stays unanswered: letters do leave questions unanswered.)
    shared = "" if answers else _join(sections["decision"] + sections["response"])
    questions: list[Question] = []
    previous_pointers: tuple[Pointer, ...] = ()
    shared_reading: Question | None = None
    shared_lines = sections["decision"] + sections["response"] if shared else []
    numbers = {b.key[1] for b in order if b.key[0] in ("q", "n")}
    if answers:
        # a refusal in the answers or the reasons after them that names the questions it refuses ("the information
        # requested in questions 1-5 is exempt under Section 31(1)(a)"): their reason, where the decision gives none
        for number, sentence in _named_refusals(
            sections["response"] + general.split("\n"), numbers, accessible
        ):
            reasons.setdefault(f"q{number}", sentence)
    texts = {b.key[1]: answers.get(b.key, (b.head, ""))[0] or b.head for b in order if b.key[0] in ("q", "n")}
    scoped_readings: dict[str, Question] = {}
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
        if not answer and not reason and answers and b.section == "request":
            # restated in the response without its number, its answer after it on the same line ("The number of
            # fires ... in the last three years.  We do not record ...")
            answer = _restated_answer(b.head, sections["response"])
        if shared and not answer and not reason:
            scoped = (
                scoped_reading(shared_lines, numbers, b.key[1], texts) if b.key[0] in ("q", "n") else None
            )
            if (
                scoped is not None
            ):  # refusals that name the questions they refuse: read as it applies to this one
                text = _join(scoped)
                if text not in scoped_readings:
                    scoped_readings[text] = _classify(
                        "", "", text, None, letter_exemptions, (), accessible, shared=True
                    )
                reading = scoped_readings[text]
                # a refusal with no provision of its own ("... however cannot be disclosed for the following
                # reasons."), a reason for the whole request after it ("The information requested is not held in a
                # format that allows its retrieval within the permitted time constraints.") and the provision given
                # under another question's name ("With regards to point 2, ... Section 12(1) ... would apply"): for
                # a question no paragraph names, the whole response's reading (where nothing follows the refusal but
                # the named question's reasons, those are that question's alone)
                at = next(
                    (i for i, ln in enumerate(scoped) if reading.evidence and reading.evidence in ln), None
                )
                if not (
                    reading.treatments == (Treatment.WITHHELD,)
                    and not reading.exemptions
                    and not any(b.key[1] in _named(ln, numbers) for ln in shared_lines if ln)
                    and at is not None
                    and any(ln.strip() for ln in scoped[at + 1 :])
                ):
                    questions.append(replace(reading, label=b.label, text=question_text.strip()))
                    continue
            if shared_reading is None:  # the whole response reads the same for every question: read it once
                shared_reading = _classify(
                    "", "", shared, None, letter_exemptions, (), accessible, shared=True
                )
                if shared_reading.treatments == (Treatment.OTHER,) and _join(preamble):
                    # the response says nothing of its own: the decision was given before the questions
                    shared_reading = _classify(
                        "",
                        "",
                        _join(preamble) + "\n" + shared,
                        None,
                        letter_exemptions,
                        (),
                        accessible,
                        shared=True,
                    )
            questions.append(replace(shared_reading, label=b.label, text=question_text.strip()))
            continue
        if b.key[0] in ("q", "n") and len(numbers) >= 2:
            # a refusal in this answer that names other questions only ("The names requested at question 4 are
            # withheld under section 40(2)") is theirs (their reason), not this one's
            answer = _without_others_refusals(answer, b.key[1], numbers, accessible)
        q = _classify(
            b.label, question_text, answer, reason, letter_exemptions, previous_pointers, accessible
        )
        if b.key == cut and q.treatments == (Treatment.OTHER,):  # the block was this answer's own reasons
            answer = answer + "\n" + general
            q = _classify(
                b.label, question_text, answer, reason, letter_exemptions, previous_pointers, accessible
            )
        elif general and set(q.treatments) & WITHHOLDING and not _cited(answer, accessible):
            own = b.key[1] if b.key[0] in ("q", "n") else None
            q = _with_general_exemptions(q, _general_for(general, own, numbers, texts), accessible)
        if b.key in tabled and answer and q.treatments == (Treatment.OTHER,):
            # a table's cells with no treatment words ("Gross Misconduct", "Final Written Warning") are the information
            q = replace(
                q,
                treatments=(Treatment.DISCLOSED,),
                evidence=answer.split("\n")[0][:300],
                confidence=0.6,
                review="read as disclosed from a table of answers: check it",
            )
        if (
            questions
            and _AS_ABOVE.match(answer.strip())
            and not (
                questions[-1].treatments == (Treatment.OTHER,) and decision.unanswered(questions[-1].review)
            )
        ):
            # "See above." / "As above": the answer to the question before it, read as that one was (an `other` too
            # where it gives its reason: "The Academy Trust would hold this information." / "See above")
            above = questions[-1]
            q = replace(
                q,
                treatments=above.treatments,
                exemptions=above.exemptions,
                ncnd=above.ncnd,
                pointers=above.pointers,
                evidence=above.evidence,
                confidence=min(above.confidence, 0.6),
                review="read as the answer above it: check it",
                own_answer=False,
            )
        elif (
            q.review in (f"other: {decision.NO_WORDING}", f"other: {decision.NO_ANSWER}")
            and overall
            and (not answer or _POINTS_ELSEWHERE.search(answer) or _overlap(answer, question_text) >= 0.6)
        ):
            # an answer that says nothing of its own ("see the decision above"): the letter's overall decision
            whole = _classify(
                b.label, question_text, overall, None, letter_exemptions, (), accessible, shared=True
            )
            # (an answer of its own that says nothing may take any overall decision; a question with none takes
            # only a decision for the whole request: a release in full, not held, a cost, vexatious or NCND
            # refusal; a partial one names what it withholds, and a question it leaves out stays unanswered)
            whole_only = not answer or _overlap(answer, question_text) >= 0.6
            if whole.treatments != (Treatment.OTHER,) and not (
                whole_only
                and (
                    set(whole.treatments) & {Treatment.PARTLY_DISCLOSED, Treatment.WITHHELD}
                    or not _WHOLE_REQUEST.search(whole.evidence or overall)
                )
            ):
                q = replace(
                    whole,
                    answer=q.answer,
                    confidence=0.4,
                    review="read from the letter's overall decision: check it",
                )
        previous_pointers = q.pointers or previous_pointers
        questions.append(q)

    # a further ask of an item (S5) is answered by the item's answer, read as the item's
    read_as = {b.key: q for b, q in zip(order, questions, strict=True)}
    for i, b in enumerate(order):
        item = read_as.get((b.key[0][:-1], b.key[1].split("+")[0])) if b.key[0].endswith("+") else None
        if item is not None and item.answer == questions[i].answer:
            questions[i] = replace(item, label=questions[i].label, text=questions[i].text)
    # "see Q2" answers take the treatment of the question they point to.
    by_number = {b.key[1]: q for b, q in zip(order, questions, strict=True) if b.key[0] in ("q", "n")}
    resolved = []
    for q in questions:
        m = _SEE_OTHER.search(q.answer)
        target = by_number.get(m.group(1).lower()) if m else None
        # an answer that is only the referral ("See answer and table in Q3 below") reads as the answer it names
        only_referral = m is not None and len(q.answer) <= 80
        # (unless the letter gives this question a refusal of its own elsewhere: its reason, read with it)
        if (
            target
            and target is not q
            and (
                q.treatments == (Treatment.OTHER,) or (only_referral and not set(q.treatments) & WITHHOLDING)
            )
        ):
            # (as sure as the reading it takes, and checked where that one is: no flag rests on a copy of a guess)
            q = replace(target, label=q.label, text=q.text, answer=q.answer, own_answer=False)
        resolved.append(q)
    if given:
        resolved = [
            replace(q, label=label, text=text) for q, (label, text) in zip(resolved, given, strict=True)
        ]
    return resolved


def _own_readings_kept(given: list[Question], own: list[Question]) -> list[Question]:
    """The letter read with an officer's questions (``given``, read where the reply labels them, else by the reply as
    a whole), and as the reader splits it (``own``): a given question the reader found too keeps the reader's reading
    of its answer, which ties an answer to its question with more to go on than a list of questions (the request's own
    lines, a reply's items), under the officer's label and text; so an officer who re-splits one question does not
    see the others read anew. Found too: under the same label (as written, or loosely: 'Q2' for '2'; one question of
    the reader's has it, and the two texts share some opening words, so a question renumbered after a merge is not
    taken for another), or else with the same opening words, in order, neither side holding the next question of the
    other. Only the questions the reader did not find are read from the labels alone."""
    out = list(given)
    used: set[int] = set()
    start = 0
    for i, g in enumerate(given):
        following = given[i + 1].text if i + 1 < len(given) else ""
        labelled = [j for j, o in enumerate(own) if o.label.lower() == g.label.lower()] or [
            j for j, o in enumerate(own) if label_key(o.label) == label_key(g.label)
        ]
        if len(labelled) == 1 and labelled[0] not in used:
            j = labelled[0]
            # (a question of the reader's under the label that holds the officer's next question is two of theirs
            # read as one; one the officer's holds the next of is not checked: a breakdown the reader split off is
            # answered by its item's answer)
            shared = max(opening_share(g.text, own[j].text), opening_share(own[j].text, g.text))
            if shared >= 0.5 and not _merged(g.text, own[j].text, following, ""):
                out[i] = replace(own[j], label=g.label, text=g.text)
                used.add(j)
                start = max(start, j + 1)
                continue
        for j in range(start, len(own)):
            after = own[j + 1].text if j + 1 < len(own) else ""
            if (
                j not in used
                and _same_question(g.text, own[j].text)
                and not _merged(g.text, own[j].text, following, after)
            ):
                out[i] = replace(own[j], label=g.label, text=g.text)
                used.add(j)
                start = j + 1
                break
    return out


def _merged(given: str, own: str, given_next: str, own_next: str) -> bool:
    """One side holds the other's next question: the reader read two of the officer's as one, or the officer two of
    the reader's."""
    return bool(given_next and _holds(own, given_next) or own_next and _holds(given, own_next))


def _same_question(a: str, b: str) -> bool:
    """Two texts of one question: each opens with the other's first words (most of them)."""
    return bool(a and b) and opening_share(a, b) >= 0.75 and opening_share(b, a) >= 0.75


def _holds(text: str, question: str) -> bool:
    """``text`` holds ``question`` after its opening (a question read as part of another): its first eight words,
    in a run."""
    words = plain_words(question)[:8]
    return len(words) >= 4 and " ".join(words) in " ".join(plain_words(text)[1:])


def _fields_of_each(request: list[str], asked: list[_Block]) -> bool:
    """Numbered items that only name the fields of each record a lead asks for ("For each vehicle, please include the
    following details: / 1. Make and model / 2. Date of registration"): fields of one question (guide S2c), which
    the reply does not answer by number."""
    first = next((i for i, x in enumerate(request) if x and _label_of(x)), 0)
    lead = next((x for x in reversed(request[:first]) if x), "")
    return (
        len(asked) >= 2
        and bool(_FOR_EACH.search(lead))
        and all(
            b.key[0] == "n"
            and not any(b.body)
            and len(b.head) <= 80
            and "?" not in b.head
            and not _ASKS.search(b.head)
            for b in asked
        )
    )


def _values_of_one_figure(request: list[str], asked: list[_Block], answered: list[_Block]) -> str | None:
    """A lead that asks for a figure, then numbered items that only list the values splitting it ("... statistics on
    the average pass rates of practical tests in the following areas: / (1) Cheltenham / (2) Swindon"): one question
    (guide S2, S2b), its text the lead's asking sentence with the values, unless the reply answers them one by one
    (S10; restating them, its decision under the last, is not)."""
    first = next((i for i, x in enumerate(request) if x and _label_of(x)), 0)
    lead = _lead_paragraph(request[:first])
    if len(asked) < 2 or not _FIGURE_LEAD.search(lead):
        return None
    sentences = re.split(r"(?<=[.?!])\s+(?=[\"\u201c\u2018]?[A-Z])", lead)
    before = [x for x in request[:first] if x and x not in lead] + sentences[:-1]
    if any(_STRONG_ASK.search(x) or _AN_ASK.search(x) for x in before):
        return None  # another ask before it ("I'd like to know the number of ... This includes the following ...:")
    if not all(b.key[0] == "n" and _is_value(b.head) and (b is asked[-1] or not any(b.body)) for b in asked):
        return None
    heads = {" ".join(b.head.split()) for b in asked}
    by_number = [b for b in answered if b.key[0] in ("n", "q")]
    if not all(
        " ".join(b.head.split()) in heads and (b is by_number[-1] or not any(b.body)) for b in by_number
    ):
        return None
    sentence = sentences[-1]
    # the ask itself, not the reply's words that report it ("You requested the following information: \u201cPlease
    # ...", "I refer to your enquiry ... asking to be supplied with the amount ...")
    sentence = _REPORTED_ASK.split(sentence, maxsplit=1)[-1]
    return " ".join([sentence.lstrip('"\u201c\u2018 '), "; ".join(b.head.strip() for b in asked)])


# An ask anywhere in a line ("I'd like to know the number of ...", "... please provide ...", a question mark).
_AN_ASK = re.compile(
    r"\b(?:i'?d|i would|we would) (?:also )?like\b|\bplease (?:could you |can you )?(?:provide|send|tell|supply|give|"
    r"confirm|disclose|list|advise)\b|\?",
    re.I,
)
_REPORTED_ASK = re.compile(
    r"^.*?(?::\s*(?=[\"\u201c])|\basking (?:to be (?:supplied|provided) with|for)\s+|"
    r"\byou (?:asked|requested)(?: for)?(?: the following(?: information)?)?\s*:\s*)",
    re.I,
)


# A lead that asks for a figure and ends with a colon, its list the values that split it (S2b: "items that split one
# figure (years, areas, bands, categories of a count) are breakdown values"): "in each of the following years ...:",
# "at the following level crossings:", "... tuition fees in each of the last six years for:".
_FIGURE_LEAD = re.compile(
    r"\b(?:numbers?|amounts?|totals?|statistics|data|figures?|rates?|income|spend|spent|levels?|how (?:many|much))\b"
    r"[^?]*:\s*[-\u2013]?\s*$",
    re.I,
)
# A listed value: a year, a place, a body, a group ("2012-13", "Egham (Crossing ID 2205)", "Run4Wales", "EU
# students"): a list entry that only names something (layout's ``_VALUE``), short, and naming no document, record or
# person of its own.
_NAMES_MORE = re.compile(r"\b(?:polic(?:y|ies)|documents?|reports?|records?|where|who)\b", re.I)


def _is_value(head: str) -> bool:
    head = head.strip()
    return (
        bool(_VALUE.match(head))
        and len(head) <= 60
        and ":" not in head
        and len(head.split()) <= 6
        and not _ASKS.search(head)
        and not _NAMES_MORE.search(head)
    )


def _read_whole(answer: str, own: str | None, letter_exemptions: list[str], accessible: str) -> Question:
    """The response read as a whole, one reading for every question it answers; where it has no decision words and
    is the reply to one question of its own (``own``, that question's text), it is read as that question's answer: a
    reply with no decision words may state the information ("The two toilets at ... are to close.")."""
    whole = _classify("", "", answer, None, letter_exemptions, (), accessible, shared=True)
    if own is not None and whole.treatments == (Treatment.OTHER,):
        whole = _classify("", own, answer, None, letter_exemptions, (), accessible)
    return whole


def _one_figure(text: str, reply: list[str], letter_exemptions: list[str], accessible: str) -> Question:
    """The one question of a figure asked for by its values, read from the reply as a whole (as a request read as one
    question is)."""
    return replace(_read_whole(_join(reply), text, letter_exemptions, accessible), label="Request", text=text)


def _lead_paragraph(lines: list[str]) -> str:
    """The paragraph that ends where a list begins: the lines before it (at most four) back to a blank line or a
    finished sentence, blank lines just above the list passed over."""
    out: list[str] = []
    for line in reversed(lines):
        if not line and not out:
            continue
        if not line or len(out) >= 4 or (out and line.rstrip().endswith((".", "?", "!"))):
            break
        out.insert(0, line)
    return " ".join(out)


def _answer_parts(
    by_key: dict[tuple[str, str], _Block],
    answers: dict[tuple[str, str], tuple[str, str]],
    apart: dict[str, str],
) -> None:
    """An item the reply answers whole ('2.') that the officer split into parts ('2a' and '2b', or '2' and '2b'):
    each part without an answer of its own has the item's. ``answers`` gains their entries."""
    whole = {**apart, **{k[1]: answer for k, (_, answer) in answers.items()}}
    for key, b in by_key.items():
        item = key[1].rstrip("abcdefghijklmnopqrstuvwxyz")
        if key not in answers and item != key[1] and whole.get(item):
            answers[key] = (b.head, whole[item])


def _given_blocks(given: list[tuple[str, str]]) -> list[_Block]:
    """The officer's questions as the request's blocks, keyed as the reader keys a label ('Q2', '2.', 'Question 2')
    so a reply's labelled answers match them; a label the reader does not know, or a second of one key, has its
    own key."""
    blocks: list[_Block] = []
    for n, (label, text) in enumerate(given):
        found = _label_of(label) or _label_of(label + ".")
        key = found[1] if found and not found[2] else ("given", f"#{n}")
        if any(b.key == key for b in blocks):
            key = ("given", f"#{n}")  # never a number a reply labels
        blocks.append(_Block(label=label, key=key, head=text, section="request"))
    return blocks


# A heading that is a provision and its name alone ("Section 40(2) - Personal Information", "Section 31 - Law
# Enforcement"): where the reasons for one provision start.
_HEADING = r"(?:sections?|s\.?|regulations?|reg\.?)\s?\d{1,2}A?(?:\s?\(\w{1,3}\))*\s*[-\u2013\u2014:]\s*[A-Z][\w ,'&/()-]{2,70}$"
_PROVISION_HEADING = re.compile("^" + _HEADING, re.I)


def _overlap(a: str, b: str) -> float:
    """The words two texts share, over the words either has (1.0: the same words)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


# Where the answers end and the letter's reasons for all of them start ("Exemptions applied", "Reasons for
# decision", "This response serves as a Refusal Notice", "NOTICE OF REFUSAL - SECTION 43", a provision's heading).
_GENERAL_BLOCK = re.compile(
    r"^(?:exemptions? (?:applied|engaged|used|relied (?:up)?on)\b|reasons? for (?:the )?(?:decision|"
    r"refusal)\b|refusal notice\s*:?\s*$|notice of refusal\b|(?:this|the) (?:letter|response) (?:serves|acts|is) as a "
    r"refusal notice|the following exemptions? (?:apply|applies|ha(?:s|ve) been applied)|" + _HEADING + ")",
    re.I,
)


def _general_block(
    order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]
) -> tuple[tuple | None, str]:
    """The reasons a letter gives for all its answers after the last of them (an 'Exemptions applied' block): cut
    from the last answer, which it is not part of. ``answers`` is changed in place; returns (the key it was cut
    from, the block)."""
    last = next((b.key for b in reversed(order) if answers.get(b.key, ("", ""))[1]), None)
    if last is None or sum(1 for b in order if answers.get(b.key, ("", ""))[1]) < 2:
        return None, ""
    question_text, answer = answers[last]
    lines = answer.split("\n")
    at = next(
        (
            i
            for i, ln in enumerate(lines)
            if i > 0
            and _GENERAL_BLOCK.match(ln.strip())
            # "the following exemption applies:\nSection 14(1) - Vexatious": the answer's own provision, announced
            and not lines[i - 1].rstrip().endswith(":")
        ),
        None,
    )
    if at is None:
        return None, ""
    answers[last] = (question_text, "\n".join(lines[:at]).strip())
    return last, "\n".join(lines[at:]).strip()


# How a request goes on after its question: more of it, not an answer.
_STILL_ASKING = re.compile(
    r"(?:please|can you|could you|would you|i would|i'd|i am|i also|if |also\b|additionally|in addition|for (?:each|every)|"
    r"broken down|including|and\b|or\b)",
    re.I,
)


def _refolded(answered: list[_Block], first_of: dict[str, str]) -> list[_Block]:
    """Answers by number, each moved to the item it answers once folded items are counted with the item they fold
    into; an answer given to a run ("1-3.") is kept once for the item the run falls in."""
    out: list[_Block] = []
    seen: set[tuple[tuple[str, str], int]] = set()
    for b in answered:
        number = first_of.get(b.key[1]) if b.key[0] == "n" else None
        if number is None:
            out.append(b)
            continue
        key = ("n", number)
        if (key, id(b.body)) in seen:
            continue  # the same answer, shared by a run, already given to this item
        seen.add((key, id(b.body)))
        out.append(replace(b, key=key, label=number))
    return out


def _answered_under(b: _Block) -> _Block | None:
    """A question asked with its answer under it: the answer block (the question's words up to the line that ends it
    with '?' or '.', then the rest), or None when nothing follows the question."""
    lines = [b.head, *b.body]
    end = next((i for i, ln in enumerate(lines) if ln.rstrip().endswith(("?", "."))), None)
    if end is None:
        return None  # the question never ends: nothing follows it
    rest = lines[end + 1 :]
    first = next((ln for ln in rest if ln.strip()), "")
    if not first or _STILL_ASKING.match(first.strip()):
        return None  # nothing follows, or the request goes on ("Please also include ...", "If any of it is exempt ...")
    question = " ".join(x for x in lines[: end + 1] if x)
    return _Block(label=b.label, key=b.key, head=question, body=rest, section="response")


def _without_others_refusals(answer: str, number: str, numbers: set[str], accessible: str) -> str:
    """An answer without its sentences that refuse under a cited provision and name only other questions."""
    out = []
    for line in answer.split("\n"):
        kept = []
        for sentence in decision.sentences(line):
            named = _named(sentence, numbers)
            if (
                named
                and number not in named
                and number.rstrip("abcdefgh") not in named
                and _WITHHOLDS.search(sentence)
                and _cited(sentence, accessible)
            ):
                continue
            kept.append(sentence)
        if kept or not line.strip():
            out.append(" ".join(kept))
    return "\n".join(out).strip()


def _named_refusals(lines: list[str], numbers: set[str], accessible: str) -> list[tuple[str, str]]:
    """(question number, sentence) for each sentence that withholds under a cited exemption and names the questions
    it withholds, by number ("questions 1-5", "Q4 and Q6")."""
    out: list[tuple[str, str]] = []
    for line in lines:
        for sentence in decision.sentences(decision.relied_on(line)):
            if not _WITHHOLDS.search(sentence):
                continue
            cited = [c for c in _cited(sentence, accessible) if c.section not in (accessible, "s12", "s14")]
            if cited:
                out.extend((n, sentence) for n in sorted(_named(sentence, numbers)))
    return out


_WITHHOLDS = re.compile(r"\bexempt\b|\bwithh[eo]ld|\brefused\b|\bengaged?\b", re.I)


def _general_for(general: str, number: str | None, numbers: set[str], texts: dict[str, str]) -> str:
    """The part of the letter's general reasons that is about one question: where the reasons for each provision
    name the questions they refuse ("Section 40(2) - Personal Information / The names requested at question 2 ..."),
    the reasons that name this question or none; all of them where none names a question."""
    parts: list[list[str]] = [[]]
    for line in general.split("\n"):
        if _PROVISION_HEADING.match(line.strip()) and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    named = [_named(" ".join(p), numbers) | _about(" ".join(p), texts) for p in parts]
    if number is None or not any(named):
        return general
    return "\n".join(ln for p, n in zip(parts, named, strict=True) if not n or number in n for ln in p)


def _with_general_exemptions(q: Question, general: str, accessible: str) -> Question:
    """A refusal that names no provision of its own rests on those of the letter's general reasons: the NCND
    provisions for an NCND answer, the others for a withheld one."""
    table = rule_table()
    cited = _most_specific(
        [
            c.text
            for c in _cited(decision.relied_on(general), accessible)
            if c.section not in (accessible, "s12", "s14")
        ]
    )
    ncnd = [e for e in cited if table.is_ncnd_subsection(e)] if Treatment.NCND in q.treatments else []
    withheld = (
        [e for e in cited if not table.is_ncnd_subsection(e)]
        if set(q.treatments) & {Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED}
        else []
    )
    if not ncnd + withheld:
        return q
    return replace(q, exemptions=tuple(dict.fromkeys(ncnd + withheld)), ncnd=tuple(ncnd) or q.ncnd)


def _tabled(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> set[tuple[str, str]]:
    """Answers given as a table whose header names the questions ("Name (Q1) | Hearing date (Q3) |"): each question
    takes its own column. ``answers`` is changed in place; returns the keys read from a table."""
    by_number = {b.key[1]: b.key for b in order if b.key[0] in ("q", "n")}
    done: set[tuple[str, str]] = set()
    for key, (question_text, answer) in list(answers.items()):
        columns = table_columns(answer.split("\n"))
        if not columns or key in done:
            continue
        for number, cells in columns.items():
            target = by_number.get(number)
            if target is not None and cells:
                answers[target] = (answers.get(target, (question_text, ""))[0], "\n".join(cells))
                done.add(target)
    return done


# A note's mark, the same as a cell of the table above it carries ("<5*" ... "*Due to the low numbers ...", "12\u2020").
_NOTE_MARK = re.compile(r"^(?P<mark>\*{1,3}|[\u2020\u2021\u00b9\u00b2\u00b3])\s*(?=\S)")
# a line that opens a note of its own ("Please Note: Payments are reimbursements ...", "NB ...")
_NOTE_OPENS = re.compile(r"^(?:please\s+note|notes?\b|n\.?b\.?\b)", re.I)


def _note_paragraphs(lines: list[str]) -> list[str]:
    """Lines under a table as its notes: a note runs on over its lines (wrapped as a page or a PDF wraps it) until a
    blank line, a line with a note's mark, or one that opens a note of its own."""
    notes: list[list[str]] = [[]]
    for line in (ln.strip() for ln in lines):
        if not line:
            if notes[-1]:
                notes.append([])  # a blank line ends a note
        elif notes[-1] and (_NOTE_MARK.match(line) or _NOTE_OPENS.match(line)):
            notes.append([line])
        else:
            notes[-1].append(line)
    return [" ".join(n) for n in notes if n]


def _notes_under_table(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Notes under a table of answers, one row a question ("Question 2 | <5* | <5* | 8 |", then "*Due to the low
    numbers involved ... exempt under section 38(1)(b)"): each is the note of the rows it names, by its mark in their
    cells or by their numbers, or else of the letter, not of the last row, whose answer the lines under the table
    would otherwise join. Only where every row before the last is its one line. ``answers`` is changed in place."""
    keyed = [b.key for b in order if answers.get(b.key, ("", ""))[1]]
    rows = [k for k in keyed if "|" in answers[k][1].split("\n")[0]]
    if len(rows) < 2 or rows[-1] != keyed[-1]:
        return
    if any(len([ln for ln in answers[k][1].split("\n") if ln.strip()]) > 1 for k in rows[:-1]):
        return  # text under a row is that row's own
    last_text, last_answer = answers[rows[-1]]
    first, *under = last_answer.split("\n")
    if not any(ln.strip() for ln in under) or any("|" in ln for ln in under):
        return
    answers[rows[-1]] = (last_text, first)
    numbers = {k[1] for k in rows if k[0] in ("q", "n")}
    for note in _note_paragraphs(under):
        m = _NOTE_MARK.match(note)
        if m:
            mark = re.escape(m.group("mark"))
            # the mark after a cell's value ("<5*"), not a longer mark ("**") or a bare one
            carried = re.compile(rf"[^\s|*]\s?(?<!\*){mark}(?!\*)\s*(?:\||$)")
            named = [k for k in rows if carried.search(answers[k][1].split("\n")[0])]
        else:
            names = _named(note, numbers)
            named = [k for k in rows if k[0] in ("q", "n") and k[1] in names]
        for k in named:
            text, answer = answers[k]
            answers[k] = (text, answer + "\n" + note)


_CITES_FIRST = re.compile(r"^(?:sections?|s\.?|regulations?|reg\.?)\s?\d{1,2}\b", re.I)


def _itemised(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> list[_Block]:
    """A question that lists what it asks for ("please provide at minimum: - the total ... - the number ...") answered
    by as many items in the same order ("As follows: - 117. - 58."): each item is a question of its own with its
    own answer. ``answers`` gains their entries."""
    out: list[_Block] = []
    for b in order:
        asked = [x for x in b.body if x and list_item(x)]
        given = [x for x in answers.get(b.key, ("", ""))[1].split("\n") if x.strip() and list_item(x.strip())]
        if (
            b.section != "request"
            or len(asked) < 2
            or len(asked) != len(given)
            # the provisions a reply relies on, listed under the question it ran into ("\u2022 section 24(1) FOIA -
            # the purpose of safeguarding national security;"): no items asked
            or any(_CITES_FIRST.match(list_item(x)) for x in asked)
        ):
            out.append(b)
            continue
        for letter, (item, reply) in zip(
            "abcdefghijklmnopqrstuvwxyz", zip(asked, given, strict=True), strict=False
        ):
            key = (b.key[0], b.key[1] + letter + "*")  # not a label the letter uses
            text = list_item(item)
            out.append(_Block(label=f"{b.label}{letter}", key=key, head=text, section="request"))
            answers[key] = (text, list_item(reply.strip()))
    return out


# A list entry answered after its colon ("- Council Tax: 3254", "- Referral to debt advice: Not in every case").
_ENTRY_ANSWERED = re.compile(r"^(?P<entry>[^:?]{2,100}?)\s*:\s*(?P<answer>\S.*)$")


def _answered_entries(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> list[_Block]:
    """A numbered item whose answer is the entries of its list, each answered after its colon ("1. The number of
    times ... for each of the following; / - Council Tax: 3254 / - Business Rates: 223"): each entry answered on its
    own is a question (guide S10), the item's words a lead-in (S3). ``answers`` gains their entries."""
    out: list[_Block] = []
    for b in order:
        question_text, answer = answers.get(b.key, ("", ""))
        lines = [x.strip() for x in answer.split("\n") if x.strip()]
        run = []
        for line in lines:
            m = (
                _ENTRY_ANSWERED.match(list_item(line))
                if list_item(line) and not _ITEM_LETTERED.match(line)
                else None
            )
            if not m:
                break
            run.append((m.group("entry").strip(), m.group("answer").strip()))
        if b.key[0] not in ("q", "n") or len(run) < 2 or not _LEADS_TO_LIST.search(question_text or b.head):
            out.append(b)
            continue
        for letter, (entry, reply) in zip("abcdefghijklmnopqrstuvwxyz", run, strict=False):
            key = (b.key[0], b.key[1] + letter + "*")  # not a label the letter uses
            out.append(_Block(label=f"{b.label}{letter}", key=key, head=entry, section="request"))
            answers[key] = (entry, reply)
        answers.pop(b.key, None)
    return out


_ITEM_LETTERED = re.compile(r"^\(?[a-h][.)]\s")
# An item that introduces the list under it ("... for each of the following;", "... any of the following steps?"): the
# entries are the request's own, not a breakdown the reply chose.
_LEADS_TO_LIST = re.compile(r"\bthe following\b|[:;]\s*$", re.I)


_PART_LINE = re.compile(r"^\(?(?P<letter>[A-Ha-h])[.)]\s+(?P<text>\S.*)$")


def _parts_answered_below(
    order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]
) -> list[_Block]:
    """An item whose lettered parts are all that follows it ("2) ... dealt with the following:" / "A) The Local
    Government Ombudsmen" / "B) The Police"), each answered below under the item's number and its letter ("2a) ...
    complaints : 654", "2b) We do not hold this information."): the parts are the questions their answers answer, and
    the item a lead-in (S3), not a question whose answer is its own parts. ``answers`` is changed in place."""
    keys = {b.key for b in order}
    out: list[_Block] = []
    for b in order:
        restated, answer = answers.get(b.key, ("", ""))
        lines = [x.strip() for x in answer.split("\n") if x.strip()]
        parts = [m for x in lines if (m := _PART_LINE.match(x))]
        letters = [m.group("letter").lower() for m in parts]
        if (
            b.key[0] in ("q", "n")
            and b.key[1].isdigit()
            and len(parts) >= 2
            and len(parts) == len(lines)
            and letters == [chr(ord("a") + i) for i in range(len(letters))]
            and all((b.key[0], b.key[1] + x) in keys for x in letters)
        ):
            for m in parts:
                key = (b.key[0], b.key[1] + m.group("letter").lower())
                answers[key] = (m.group("text"), answers.get(key, ("", ""))[1])
            answers.pop(b.key, None)
            continue
        out.append(b)
    return out


def _further_asks(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> list[_Block]:
    """A numbered item of the request that asks something else in a further sentence ("What criteria do you use?
    Could you supply copies of them?") or in lettered sub-items that each ask on their own: the first ask keeps the
    item's label, each further one is a question of its own (guide S5: unlabelled in the guide, here the item's
    label marked as a further ask; S1: a sub-item by its marker) with the item's answer, which answers the item as
    a whole. A lead-in that asks nothing itself ("Details of:") is no question (S3). ``answers`` gains their
    entries."""
    # the reply's answers to an item's lettered parts under their own labels ("3a) £3.9m", "b) £3.5m"), which the
    # request did not label so: each answers its part (S10), and is no question of its own
    asked = {b.key for b in order if b.section == "request"}

    def part_of_asked(b: _Block) -> tuple[str, str] | None:
        """The key of the asked item's part a reply's block answers, in the item's family: "Question 3a" answers
        part a of a request's "3." as "3a)" does (matched on the number, as ``_match_key`` matches whole items)."""
        if (
            b.section != "response"
            or b.key[0] not in ("q", "n")
            or not re.fullmatch(r"\d{1,2}[a-h]", b.key[1])
        ):
            return None
        if (b.key[0], b.key[1][:-1]) in asked:
            return b.key
        items = [k for k in asked if k[0] in ("q", "n") and k[1] == b.key[1][:-1]]
        return (items[0][0], b.key[1]) if len(items) == 1 else None

    parts = {key: b for b in order if (key := part_of_asked(b)) is not None}
    taken: set[int] = set()
    out: list[_Block] = []
    for b in order:
        if b.section == "request" and b.key[0] in ("q", "n"):
            answered = frozenset(k[1][-1] for k in parts if k[0] == b.key[0] and k[1][:-1] == b.key[1])
            asks = item_asks([b.head, *b.body], answered)
        elif b.section == "response" and b.key[0] in ("q", "n") and all(answers.get(b.key, ("", ""))):
            # a question asked only where it is answered ("Q.2 Could you provide ...? In addition, how many ...?" /
            # "A.2 ..."): its further asks are questions too, with its answer
            restated, answer = answers[b.key]
            subs, rest = leading_sub_items(answer)
            asks = item_asks([restated, *subs]) if subs else item_asks([restated])
            rest = rest or answer  # (the parts answered on their own lines: "a) ... three years: 34")
            if subs and len(asks) >= 2 and any(label for label, _ in asks):
                # its lettered parts on the lines under it, before its answer ("2. How many complaints ...?" / "a) If
                # any were upheld, please provide ..." / the answer): each part that asks on its own is a question (S1,
                # S4e), answered by the answer under them all
                for n, (label, ask) in enumerate(asks, start=1):
                    if label is None:
                        out.append(b)
                        answers[b.key] = (ask, rest)
                        continue
                    if label:  # its marker and the item's number ("7a")
                        key = (b.key[0], b.key[1] + label.strip("().").lower())
                    else:  # a further ask in its words (not a label the letter uses)
                        key, label = (b.key[0] + "+", f"{b.key[1]}+{n}"), f"{b.label} (further ask)"
                    out.append(_Block(label=label, key=key, head=ask, section=b.section))
                    answers[key] = (ask, rest)
                if all(label for label, _ in asks):
                    answers.pop(b.key, None)  # a lead-in, not a question
                continue
            if len(asks) >= 2 and all(label in (None, "") for label, _ in asks):
                out.append(b)
                answers[b.key] = (asks[0][1], answer)
                for n, (_, ask) in enumerate(asks[1:], start=2):
                    key = (b.key[0] + "+", f"{b.key[1]}+{n}")
                    out.append(_Block(label=f"{b.label} (further ask)", key=key, head=ask, section=b.section))
                    answers[key] = (ask, answer)
                continue
            asks = []
        else:
            asks = []
        if len(asks) < 2:
            out.append(b)
            continue
        restated, answer = answers.get(b.key, ("", ""))
        for n, (label, ask) in enumerate(asks, start=1):
            if label is None:  # the item's own first ask
                out.append(_Block(label=b.label, key=b.key, head=ask, section="request"))
                if b.key in answers:
                    answers[b.key] = (ask if not restated or restated == b.head else restated, answer)
                continue
            if label:  # a lettered sub-item ("a)"): the item's number and its letter ("5a")
                key = (b.key[0], b.key[1] + label.strip("().").lower())
                part = parts.get(key)
                if part is not None:  # answered under its own label
                    out.append(_Block(label=label, key=key, head=ask, section="request"))
                    answers[key] = (ask, _join([part.head, *part.body]))
                    taken.add(id(part))
                    continue
            else:
                key, label = (
                    (b.key[0] + "+", f"{b.key[1]}+{n}"),
                    f"{b.label} (further ask)",
                )  # not the letter's
            out.append(_Block(label=label, key=key, head=ask, section="request"))
            if b.key in answers and key not in answers:
                answers[key] = (ask, answer)
        if all(label is not None for label, _ in asks):
            answers.pop(b.key, None)  # a lead-in, not a question
    return [b for b in out if id(b) not in taken]


# A numbered item that only asks for a breakdown of a figure asked before it ("7. A breakdown of sickness days by reason
# for each year.", "Question 2. A breakdown of these figures by:").
_BREAKDOWN_ITEM = re.compile(
    r"^(?:(?:please|could you|can you)\s+(?:\w+\s+){0,2}?)?(?:a|the)\s+(?:full\s+|further\s+|detailed\s+)?"
    r"(?:breakdown|split)\s+of\b[^?]{0,80}?\b(?:by|per|into|between)\b[^?]*$",
    re.I,
)


def _breakdowns_folded(order: list[_Block], answers: dict[tuple[str, str], tuple[str, str]]) -> list[_Block]:
    """A numbered item of the request that only asks for a breakdown of a figure asked before it, which the reply does
    not answer on its own, is part of the question before it (S2a, S2e), not a question of its own; one the reply
    answers under its own number stays (S10)."""
    out: list[_Block] = []
    for b in order:
        if (
            out
            and b.section == "request"
            and b.key[0] in ("n", "q")
            and b.key not in answers
            and out[-1].section == "request"
            and out[-1].key not in answers
            and _BREAKDOWN_ITEM.match(b.head.strip())
        ):
            out[-1].body.extend([b.head, *b.body])
            continue
        out.append(b)
    return out


def _prose_questions(request: list[str]) -> list[str]:
    """The questions the request reader finds in the request a letter quotes, read up to where the reply starts and
    without the cost Regulations quoted (none when it reads the request whole or nests questions under others)."""
    # the request reader is the one splitter of requests (imported here: it imports this module's named_regime)
    from foi_precedent.drafting.request import split_request

    lines: list[str] = []
    for line in request:
        if lines and (answers_line(line) or _POINTS_ON.match(line)):
            break  # "Please find the force's response set out below.", "Response: ... is withheld."
        if not quotes_cost_activity(list_item(line) or line):
            lines.append(line)
    try:
        read = split_request("\n".join(lines))
    except LetterError:
        return []
    asked: list[str] = []
    for q in read.questions:  # a sub-question is read as part of its question, as the letter labels read it
        if q.sub_of and asked:
            asked[-1] += " " + q.wording
        else:
            asked.append(q.wording)
    if read.note or not all("?" in a or _ASKS.search(a) for a in asked):
        return []  # (lines that only name fields, 'The date', 'The outcome', or the reply run on, ask nothing)
    return asked


def _reply_apart(
    answer: str, asked: list[str], reply: list[str], after_request: list[str] | None
) -> tuple[str, list[str] | None]:
    """The response, and the reply apart from the request: where what was read as the response holds the questions
    asked (a thread: the request, signed off, then the reply under it), ``reply``, what the letter says from its
    first line that replies (``_before_the_reply``)."""
    if not any(_flat(a)[:40] in _flat(answer) for a in asked):
        return answer, after_request
    after = [x for x in reply if x]
    return (_join(after), after) if after else (answer, after_request)


def _under_restated(items: list[tuple[str, str]], lines: list[str]) -> list[str | None]:
    """Each item's answer where the reply restates two or more items, in order, each as a line of its own (its words,
    0.8 of them or more, and no more than a few words besides) with the answer on the lines under it, up to the next
    restated item: None for an item it does not restate (a copy cut off before it), [] where fewer than two are."""
    at: list[int | None] = []
    start = 0
    for _, text in items:
        found = next(
            (
                i
                for i in range(start, len(lines))
                if _overlap(_flat(lines[i]), _flat(text)) >= 0.8 and len(lines[i]) <= len(text) + 20
            ),
            None,
        )
        at.append(found)
        if found is not None:
            start = found + 1
    heads = [i for i in at if i is not None]
    if len(heads) < 2:
        return []
    answers: list[str | None] = []
    for i in at:
        if i is None:
            answers.append(None)
            continue
        end = next((h for h in heads if h > i), len(lines))
        answers.append(_join(lines[i + 1 : end]) or None)
    return answers


def _before_the_reply(clean: str) -> tuple[list[str], list[str]]:
    """The letter's lines before the first that replies (its opening, treatment words, a figure stated), and the
    lines from there on."""
    lines = [x.strip() for x in clean.split("\n")]
    start = next(
        (i for i, line in enumerate(lines) if i and line and opens_reply(line)),
        len(lines),
    )
    return lines[:start], lines[start:]


# a lead that asks for what the list under it names ("can you please provide:", "I would like the following:")
_ASKS_FOR_LIST = re.compile(
    r"\b(?:(?:can|could|would) you(?: please)?|please(?! (?:note|bear in mind|be aware|see|find)\b)|i would like|"
    r"i request|i am requesting|i wish to request|"
    r"request(?:ing)? (?:the following|information|details|data))\b",
    re.I,
)


def _restated_answer(question: str, lines: list[str]) -> str:
    """The rest of the first line that starts with the question's own words, restated whole (eight words or more)
    and ended, with a sentence after them; '' when none does."""
    words = _flat(question)
    if len(words.split()) < 8 or not words.endswith((".", "?")):
        return ""
    for line in lines:
        flat = _flat(line)
        if flat.lower().startswith(words.lower()):
            rest = flat[len(words) :].strip()
            if rest and rest[:1].isupper():
                return rest
    return ""


def _run_on(head: str, body: list[str]) -> tuple[str, str]:
    """A question hard-wrapped over lines ('1. How many healthy dogs ... to have come from' / 'Romania AND imported
    ... processed using the SAT?'): a head that stops mid-sentence goes on to the line ending its question, and the
    answer is what follows. Else (question, answer) as the block has them."""
    if not re.search(r"[.?!:;\"\u201d)]\s*$", head):
        for i, line in enumerate(body[:4]):
            if not line.strip() or re.search(r"[.!]\s*$", line):
                break
            if line.rstrip().endswith("?"):
                return " ".join([head, *body[: i + 1]]), _join(body[i + 1 :])
    return head, _join(body)


def _asked_list(lines: list[str]) -> list[str]:
    """The first lead that asks and ends in a colon with two or more list items under it: the lead and its items."""
    for i, line in enumerate(lines):
        if line.rstrip().endswith(":") and not list_item(line) and _ASKS_FOR_LIST.search(line):
            items: list[str] = []
            for x in lines[i + 1 :]:
                # one list: items marked alike (the answers under it may be marked otherwise: "• 0 agencies")
                if not list_item(x) or items and _marker(x) != _marker(items[0]):
                    break
                items.append(x)
            if len(items) >= 2:
                return [line, *items]
    return []


def _unquoted(line: str) -> str:
    return line.strip().lstrip("\"'\u201c\u2018-\u2013 ")


def _further_lines(request: list[str]) -> list[list[str]]:
    """The request's lines in groups, a new one at each line after the first that opens saying it asks for more
    ("Additionally, I would like to know ...", "Could you also state ...")."""
    groups: list[list[str]] = []
    for line in request:
        if not groups or (_ALSO_ASKS.match(_unquoted(line)) and not _EACH.search(line)):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _marker(line: str) -> str:
    """How a list item is marked, its numbers and letters aside: '-', '•', '#.', '(a)'."""
    text = line.strip()
    mark = text[: len(text) - len(list_item(line) or "")].strip()
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "#", mark.lower()))


_GREETING = re.compile(r"^dear\b[^\n]{0,60}$", re.I | re.M)


def _after_greeting(text: str) -> str:
    """A letter's text from its greeting on ("Dear Ms Jones"): what comes before it is its letterhead (the authority's
    address, references, 'Our reference', 'Direct line'), not what the letter says."""
    m = _GREETING.search(text)
    rest = text[m.end() :].strip() if m else ""
    return rest or text


def _unstructured(
    sections: dict[str, list[str]], clean: str, letter_exemptions: list[str], accessible: str = "s21"
) -> list[Question]:
    """A letter with no labelled questions: each question asked and answered in turn, or the items of its request
    (bullets, letters, 'Firstly'), or the request as one question, each with the decision the response gives as a
    whole. None when there is no decision to read (then the text is not a reply)."""
    # bulleted questions each answered after its question mark ("- Do you use UAVs? We utilise our own drones"),
    # or, with no request apart, questions asked and answered in turn ("Please state the reason ... / The reason is
    # in the public domain ... / Please state ...")
    rows = numbered_rows(sections["decision"] + sections["response"])
    if rows:  # a reply table, one row for each item of the request, numbered as the request numbers them
        return [
            _classify(number, named, answer, None, letter_exemptions, (), accessible)
            for number, named, answer in rows
        ]
    pairs = answered_inline([x for x in sections["decision"] + sections["response"] if x])
    if not pairs and not sections["request"]:
        pairs = interleaved([x for x in sections["pre"] + sections["decision"] + sections["response"] if x])
    if not pairs and not any(sections["decision"] + sections["response"]):
        # under the request's heading, each question followed by its reply and no heading for the response
        # ("Request:" / "- Please provide the total number of ..." / "742" / "- Please indicate ..." / "This
        # information is exempt ...")
        pairs = interleaved([x for x in sections["request"] if x])
    if pairs:
        out: list[Question] = []
        previous: tuple[Pointer, ...] = ()
        for n, (asked, replied) in enumerate(pairs, start=1):
            q = _classify(f"Item {n}", asked, _join(replied), None, letter_exemptions, previous, accessible)
            previous = q.pointers or previous
            out.append(q)
        return out
    request = [x for x in sections["request"] if x]
    listed_reply: list[str] = []  # the reply under a request's list found in the response
    gathered = False  # the request is the lines that plainly ask, gathered from anywhere in the letter
    answer = _join(sections["decision"] + sections["response"])
    if not request and sections["pre"] and sections["closing"] and sections["response"]:
        # a thread: the request signed off ("Yours faithfully"), then the reply; the request is what the
        # requester wrote after their greeting
        pre = [x for x in sections["pre"] if x]
        start = next((i + 1 for i, x in enumerate(pre) if re.match(r"dear\b", x, re.I)), 0)
        request = pre[start:]
    if not request:
        lines = [x for x in (sections["pre"] or sections["decision"] + sections["response"]) if x]
        m = _QUOTED_REQUEST.search("\n".join(lines))
        if m:  # "your request ... received on 9 June:": the request is what follows the cue
            text = "\n".join(lines)
            rest = text[m.end() :].strip()
            request = rest.split("\n\n")[0][:2000].split("\n") if rest else []
            quoted = re.match(r"[\"\u201c]([^\"\u201c\u201d]{20,2000}?)[\"\u201d]", rest)
            if quoted and "\n\n" not in quoted.group(0):
                # the request in quotation marks, the reply after its closing mark on the same line: the request is
                # what the marks hold
                request = quoted.group(0).split("\n")
            end = re.search(r"[.?!](?=\s|$)", rest)
            if text[m.end() - 1] == "\n" and rest[:1].islower() and end and ":" not in rest[: end.end()]:
                # "Thank you for your request for all documents relating to ... of\nthe Badger Cull, which we
                # received on 15 October.": the request is named in the sentence, which runs on over the line;
                # what follows is the reply, but for a sentence reporting a further ask ("You also asked for the
                # reason ..."), which is the request's too
                named = rest[: end.end()]
                further = REPORTED_FURTHER_ASK.match(" ".join(rest[end.end() :].split()))
                if further:
                    named += " " + further.group(0)
                request = [" ".join((m.group(0) + named).split())]
        lettered = _lettered_run(lines)
        if (
            len(_request_items(request)) < 2
            and len(lettered) >= 2
            # (not the Act quoted: "a notice which (a) states that fact, (b) specifies the exemption")
            and any(_ASKS.search(list_item(x)) for x in lettered)
        ):  # "a) Copies of ... b) Have you ..."
            request = lettered
        if len(_request_items(request)) < 2:  # no cue, or one paragraph: the lines anywhere that plainly ask
            asks = [x for x in lines if _STRONG_ASK.search(x)]
            if len(asks) >= 2:
                request, gathered = asks, True
        if len(_request_items(request)) < 2:
            # a lead that asks, then its list ("For the 3-month period ... can you please provide: / - Total spend /
            # - Total hours ..."), with no heading to say it is the request
            listed = _asked_list(lines)
            if listed and not sections["pre"]:
                # (found in what was read as the response, as on a disclosure log's page that gives the request, then
                # the reply: the reply is what follows the list, not the page's fields and the request above it)
                n = len(listed)
                listed_reply = lines[next(i for i in range(len(lines)) if lines[i : i + n] == listed) + n :]
            request = listed or request
        if not answer:
            answer = "\n".join(lines)
    after_request = None  # the reply that follows a request written out above it, with no heading between
    if listed_reply:
        answer, after_request = _join(listed_reply), listed_reply
    split = (
        request_then_reply(sections["decision"] + sections["response"]) if not request or gathered else None
    )
    if split and (
        not request
        # the lines that plainly ask, gathered from anywhere, are fewer than the items of the request written out
        # above the reply ("... financial information relating to the:" / "- Total cost of ..." / "- ..."): the
        # request is what comes before the reply
        or len(_request_items(split[0])) > max(len(_request_items(request)), 2)
    ):
        request, after_request = split
        answer = _join(after_request)
    if not answer:
        answer = "\n".join(request)
        request = request[:1]
    items = _request_items(request)
    if len(items) < 2:
        text = " ".join(request) if request else _first_sentences(_after_greeting(answer))
        items = [("Request", text)]
    if request:  # the list or details of what a count counts is a question of its own (S5d)
        parts = [part for _, text in items for part in further_asks(text)]
        if len(items) == 1:
            # (a line that opens saying it asks for more, "Additionally, I would like to know ...", starts a part of
            # its own, whatever the line before ends with)
            parts = [part for group in _further_lines(request) for part in further_asks(" ".join(group))]
        if len(parts) > len(items):
            items = [(f"Item {n}", part) for n, part in enumerate(parts, start=1)]
    if request and len(items) == 1 and not after_request:
        # a request quoted, then answered, then a further ask of it quoted and answered in turn ("You asked: ... /
        # the reply / Could you also state which ...? / its reply"): each ask reads its own reply (S6, S10)
        replied = [x for x in answer.split("\n") if x and x != items[0][1]]
        more_at = [i for i, x in enumerate(replied) if i > 0 and _ALSO_ASKS.match(_unquoted(x)) and "?" in x]
        if more_at and more_at[-1] < len(replied) - 1:
            bounds = [0, *more_at, len(replied)]
            asks_made = [items[0][1], *(replied[i] for i in more_at)]
            return [
                _classify(
                    f"Item {n}",
                    text,
                    _join(replied[bounds[n - 1] + (n > 1) : bounds[n]]),
                    None,
                    letter_exemptions,
                    (),
                    accessible,
                )
                for n, text in enumerate(asks_made, start=1)
            ]
    # the letter split where its reply starts, worked out once and only if a step below needs it (its lists only read)
    at_reply = cache(lambda: _before_the_reply(clean))
    if request and len(items) < 2:
        # a request in prose, with no items ("How many burglaries ... resulted in a prosecution? How many have been
        # reported ...?"): its questions are where the request reader finds them (one splitter for requests and for
        # the requests letters quote), when it finds two or more
        prose = _prose_questions(request)
        if len(prose) >= 2:
            items = [(f"Item {n}", text) for n, text in enumerate(prose, start=1)]
            answer, after_request = _reply_apart(answer, prose, at_reply()[1], after_request)
    if len(items) < 2:
        # no request to see, but a reply that answers its questions by number, a paragraph for each ("In response to
        # question 1 of your request, ..." / "In relation to question 2, ..."): each is a question, read from its own
        # paragraph (S11, S10)
        numbered = answered_by_number([x for x in sections["decision"] + sections["response"] if x])
        if numbered:
            return [
                _classify(label, text, _join(own), None, letter_exemptions, (), accessible)
                for label, text, own in numbered
            ]
    if len(items) < 2:
        # no request found apart, or one the item rules read whole: the questions the request reader finds in what
        # the letter says before its reply starts (the one splitter of requests, as for a request in prose), when it
        # finds two or more that each ask
        before_reply, reply = at_reply()
        asked_before = _prose_questions(before_reply)
        if len(asked_before) >= 2:
            items = [(f"Item {n}", text) for n, text in enumerate(asked_before, start=1)]
            answer, after_request = _reply_apart(answer, asked_before, reply, after_request)
    # one reading for all; one question with the reply under it its own answer may have its figures stated
    whole = _read_whole(
        answer, items[0][1] if after_request and len(items) == 1 else None, letter_exemptions, accessible
    )
    out = [replace(whole, label=label, text=text.strip()) for label, text in items]
    if len(items) >= 2 and sections["decision"] + sections["response"]:
        # a refusal that names the item it refuses ("The question concerning how many ...", "With regards to
        # question 1d"): each item reads the response as it applies to it (items are numbered in order)
        lines = after_request or sections["decision"] + sections["response"]
        texts = {str(n): text for n, (_, text) in enumerate(items, start=1)}
        readings: dict[str, Question] = {}
        for n, (label, text) in enumerate(items, start=1):
            scoped = scoped_reading(lines, set(texts), str(n), texts)
            if scoped is None:
                break
            own = _join(scoped)
            if own not in readings:
                readings[own] = _classify("", "", own, None, letter_exemptions, (), accessible, shared=True)
            out[n - 1] = replace(readings[own], label=label, text=text.strip())
    headed: list[str | None] = []
    if len(items) >= 2 and all(q.treatments == (Treatment.OTHER,) for q in out):
        # (in a thread, the request signed off and the reply under it, the headings are looked for in the reply, not
        # in the request's own lines)
        reply_text, _ = _reply_apart(answer, [t for _, t in items], at_reply()[1], None)
        headed = _under_restated(items, [x for x in reply_text.split("\n") if x.strip()])
    if headed:
        # the response read as a whole says nothing, but it restates each question as a heading, its answer under it
        # ("What post fire measures are taken to mitigate the risk?" / "Decontamination procedures have been
        # developed ..."): each reads its own
        out = [
            replace(
                _classify(label, text, own, None, letter_exemptions, (), accessible),
                label=label,
                text=text.strip(),
            )
            if own is not None
            else q
            for (label, text), own, q in zip(items, headed, out, strict=True)
        ]
    replied = [x for x in sections["response"] if x]
    starts = [i for i, x in enumerate(replied) if list_item(x)]
    if (
        len(items) >= 2
        and len(starts) == len(items)
        and starts[0] == 0
        # (items that restate the questions are read as restated, sharing the answer below them)
        and not any(
            _overlap(list_item(replied[i]), text) >= 0.6 for i, (_, text) in zip(starts, items, strict=True)
        )
    ):
        # the items asked ("a) ... b) ...", bullets) answered by as many items in the same order ("a) 412 ... b) Not
        # held"): each reads its own
        for n, (label, text) in enumerate(items):
            stop = starts[n + 1] if n + 1 < len(starts) else len(replied)
            own = "\n".join([list_item(replied[starts[n]]), *replied[starts[n] + 1 : stop]])
            out[n] = replace(
                _classify(label, text, own, None, letter_exemptions, (), accessible),
                label=label,
                text=text.strip(),
            )
    is_reply = bool(
        (sections["request"] and sections["response"]) or after_request
    )  # a request and a response: a reply, however worded
    if (
        all(q.treatments == (Treatment.OTHER,) for q in out)
        and decision.other_reason(answer) == decision.NO_WORDING
        and not is_reply
    ):
        if not _ABOUT_A_REQUEST.search(clean):
            return []  # no request and no decision: not a reply at all
        # a reply to a request whose decision is worded as the reader has not seen: read, as one question marked for
        # review, rather than refused (a person reads it once; refused, the letter would not be in the log at all)
        return [
            replace(
                q,
                label=q.label if len(out) > 1 else "Request",
                confidence=min(q.confidence, 0.2),
                review=f"other: {decision.NO_DECISION}",
            )
            for q in out
        ]
    return out


# a text about an information request (a reply to one, however its decision is worded), not any document
_ABOUT_A_REQUEST = re.compile(
    r"\b(?:freedom\s+of\s+information|FOI(?:SA|A)?\b|environmental\s+information\s+regulations|EIRs?\b"
    r"|(?:your|the)\s+(?:information\s+|FOI\s+)?request\b|request\s+for\s+information)",
    re.I,
)

# a decision said of the request as a whole ("I have today decided to disclose the located information to you in
# full", "to comply with your request would exceed the appropriate limit"), not of some of its questions
_WHOLE_REQUEST = re.compile(
    r"\bin\s+full\b|\b(?:your|this|the)\s+(?:whole\s+|entire\s+)?request\b(?!\s+(?:for|at|in)\s+(?:question|item|part))"
    r"|\ball\s+(?:of\s+)?(?:the\s+)?(?:requested\s+|located\s+)?information\b",
    re.I,
)

# An answer that is only the answer above it ("See above.", "As above", "Please see answer above").
_AS_ABOVE = re.compile(
    r"^(?:please\s+)?(?:see|as)\s+(?:(?:the\s+)?(?:answer|response|reply)\s+)?above\.?$", re.I
)
# An answer that says its decision is given elsewhere in the letter (not one that is simply unworded, such as a
# draft's "[DECISION NEEDED: ...]").
_POINTS_ELSEWHERE = re.compile(
    r"\b(?:see|refer to|(?:stated|explained|set out|shown) (?:above|below)|as above|"
    r"(?:the|our) (?:decision|response) (?:above|below)|section 17\b|refusal notice)",
    re.I,
)
