"""How one answer was treated: the phrases officers use for each treatment, read segment by segment, refined by
what the answer says as a whole, and the provisions it relies on.

Pure. A whole response read for every question at once is reduced by ``decision.reduce_shared``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from foi_precedent.letters import decision, learned
from foi_precedent.letters.exemptions import (
    NOT_HELD_EXCEPTIONS,
    find_citations,
    of_another_enactment,
    rule_table,
    rule_table_for,
    section_of,
)
from foi_precedent.letters.model import (
    CONFIDENT,
    WITHHOLDING,
    Question,
    Treatment,
    in_order,
    plain_words,
)
from foi_precedent.letters.pointers import (
    extract_pointers,
)
from foi_precedent.letters.regimes import by_accessible

# --- treatment phrases ----------------------------------------------------------------------------

# The EIR's refusal of a manifestly unreasonable request (reg 12(4)(b); reg 10(4)(b) of the Scottish EIRs): on cost,
# or as vexatious.
MANIFESTLY_UNREASONABLE = ("reg12(4)(b)", "reg10(4)(b)")

# The phrases are data (rules/reading_phrases.yaml), each entry's comment there says what it reads and why.
_NCND = decision.phrase("ncnd")
_HELD_ONLY_FROM = decision.phrase("held_only_from")
_NOT_HELD = decision.phrase("not_held")
_PUBLIC_DOMAIN_STRONG = decision.phrase("public_domain")
_LINK_HINT = decision.phrase("link_hint")
_COST = decision.phrase("cost_limit")
_VEXATIOUS = decision.phrase("vexatious")
_WITHHELD = decision.phrase("withheld")
_PARTLY = decision.phrase("partly")
_DISCLOSED = decision.phrase("disclosed")
_RELEASED = decision.phrase("released")  # a whole response's release: stricter than _DISCLOSED
_NOT_RELEASED = decision.phrase("not_released")
# (a number joined to a word by a hyphen is part of a name: "Covid-19", "FOI-2023")
_FIGURE = re.compile(
    r"(?<![\w($.])(?<![A-Za-z]-)(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?(?!\s*(?:hours|working days|days)\b)(?![\w)])"
)
# a line or sentence that starts with a year or financial year ("2021/22 -", "2019:", "2022-23")
_PERIOD = re.compile(r"^\W*(?:19|20)\d\d(?:\s?[/\u2013-]\s?(?:19|20)?\d\d)?\b")
_PERIOD_BREAK = re.compile(r"\n|(?<=[.;])\s+(?=(?:19|20)\d\d\b)")  # where a list of periods starts the next


def _some_periods_held(answer: str) -> str:
    """Where an answer lists periods and says of some that nothing is held and gives figures for others, the first
    period given figures ("" when it does not)."""
    periods = [s for s in _PERIOD_BREAK.split(answer) if _PERIOD.search(s)]
    if not any(_NOT_HELD.search(s) for s in periods):
        return ""
    return next(
        (
            s
            for s in periods
            if not _NOT_HELD.search(s) and _FIGURE.search(_strip_citations(_PERIOD.sub("", s)))
        ),
        "",
    )


_SEE_OTHER = decision.phrase("see_other")  # "See Q2": the answer is another question's


# --- per-question classification -----------------------------------------------------------------

# A confident reading the learned reader disputes falls below the line a flag needs (``model.CONFIDENT``), for review.
DISPUTED = 0.5


def _segments(answer: str) -> tuple[list[str], list[str]]:
    """The parts of an answer that can each carry a treatment, its sentences, and the line each stands in (what the
    treatment is quoted from, and what a weak hint such as 'visit this link' is read with)."""
    segs: list[str] = []
    lines: list[str] = []
    for line in answer.split("\n"):
        for s in decision.sentences(line):
            segs.append(s)
            lines.append(line.strip())
    return segs, lines


def _classify(
    label,
    text,
    answer,
    reason,
    letter_exemptions,
    previous_pointers,
    accessible="s21",
    shared: bool = False,
    taken: list[Treatment] | None = None,
) -> Question:
    """One question's treatments from its answer. ``shared``: the answer is the whole response, given to
    every question alike, so it is read sentence by sentence without its boilerplate and reduced to one
    decision (``decision.reduce_shared``). ``taken``: the treatments read otherwise (``below_the_line``), the
    rest (provisions, pointers) read from the answer for them as for the rules' own."""
    table = _own_table(accessible)
    found: list[Treatment] = []
    evidence: dict[Treatment, str] = {}

    def add(t: Treatment, seg: str) -> None:
        if t not in found:
            found.append(t)
            evidence.setdefault(t, seg)

    read = decision.relied_on(answer) if shared else answer
    if shared:
        segments = decision.sentences(read)
        wholes = segments
    else:
        segments, wholes = _segments(decision.relied_on_lines(answer))
    withheld_cited = False  # an exemption other than cost, vexatious or "otherwise accessible" is cited
    cost_words = decision.cost()
    # a question about the authority's own refusals ("how often was each exemption used", "the reason for
    # classification as vexatious"): the answer's words for them are its subject, not its treatment
    about_exemptions = bool(text and _ABOUT_EXEMPTIONS.search(text))
    about_vexatious = bool(text and re.search(r"vexatious", text, re.I))
    # the only provision the answer cites is FOIA / FOISA s39, to deal with the request under the EIRs
    answer_cites = find_citations(answer)
    routed_only = any(_routes_to_eir(c, answer) for c in answer_cites) and all(
        c.section == "s39" or not c.is_exemption or _accessible(c.section, accessible) for c in answer_cites
    )
    # the only refusal the answer cites is the otherwise-accessible section: its "exemption" and "exempt" are that one
    refusals_cited = _cited(read, accessible)
    accessible_only = bool(refusals_cited) and all(_accessible(c.section, accessible) for c in refusals_cited)
    for seg, whole in zip(segments, wholes, strict=True):
        cites = _cited(seg, accessible)
        otherwise_accessible = any(
            _accessible(c.section, accessible) for c in cites
        )  # s21; s25 in a FOISA letter
        other_cites = [
            c
            for c in cites
            if c.section not in ("s12", "s14")
            and not _accessible(c.section, accessible)
            and c.text not in NOT_HELD_EXCEPTIONS
            and not c.text.startswith(MANIFESTLY_UNREASONABLE)
            and not table.is_ncnd_subsection(c.text)
            and not _routes_to_eir(c, seg)
            and not _routes_to_eir(c, answer)
            and not about_exemptions
        ]
        # each pattern is searched once per segment (this loop is most of a parse)
        # an answer counting the authority's NCND replies does not itself neither confirm nor deny
        is_ncnd = bool(_NCND.search(seg)) and not (
            about_exemptions and not any(table.is_ncnd_subsection(c.text) for c in cites)
        )
        vexatious = (
            any(c.section == "s14" for c in cites)
            if about_vexatious
            else bool(_VEXATIOUS.search(seg))
            or (
                any(c.text.startswith(MANIFESTLY_UNREASONABLE) for c in cites)
                and bool(_VEXATIOUS.search(answer))
            )
        )
        # the EIR's "manifestly unreasonable" exception: its refusal on cost, or as vexatious where it says so
        unreasonable = any(c.text.startswith(MANIFESTLY_UNREASONABLE) for c in cites)
        said = cost_words.search(seg) if shared else None
        cost = (
            bool(_COST.search(seg))
            or (
                said is not None
                and not (said.group(0).strip().lower().startswith("manifestly") and _VEXATIOUS.search(answer))
            )
            or (unreasonable and not _VEXATIOUS.search(answer))
        )
        if about_exemptions and _COUNTED.search(_strip_citations(seg)):
            # "12 requests were refused under section 14": a count of the authority's refusals, what was asked for
            is_ncnd = vexatious = cost = False
        public_domain = bool(_PUBLIC_DOMAIN_STRONG.search(seg))
        link = bool(_LINK_HINT.search(seg))
        partly = bool(_PARTLY.search(seg))
        if is_ncnd:
            add(Treatment.NCND, whole)
        if vexatious:
            add(Treatment.VEXATIOUS, whole)
        if cost:
            add(Treatment.COST_LIMIT, whole)
        not_held = bool(_NOT_HELD.search(seg)) or any(c.text in NOT_HELD_EXCEPTIONS for c in cites)
        if not_held:
            add(Treatment.NOT_HELD, whole)
        if public_domain or otherwise_accessible or (link and not (not_held or _NOT_HELD.search(whole))):
            add(Treatment.PUBLIC_DOMAIN, whole)
        # "We are applying the exemption at section 39(2) of FOISA ... This exemption is subject to the public
        # interest test": the request is answered under the EIRs instead, nothing withheld by it
        routing = routed_only and bool(re.search(r"\bexemption\b", seg, re.I))
        withheld = bool(other_cites) or (
            not (
                is_ncnd
                or routing
                or otherwise_accessible
                or cost
                or vexatious
                or public_domain
                or not_held
                or about_exemptions
                or accessible_only
            )
            and bool(_WITHHELD.search(seg))
        )
        withheld_cited = withheld_cited or bool(other_cites)
        if withheld and not (is_ncnd and not other_cites):
            add(Treatment.PARTLY_DISCLOSED if partly else Treatment.WITHHELD, whole)
        elif partly:
            add(Treatment.PARTLY_DISCLOSED, whole)
        if shared:
            # a whole response: "I can confirm the information is held" is not a release, nor is every number
            if _RELEASED.search(seg) and not (
                is_ncnd
                or vexatious
                or _NOT_RELEASED.search(seg)
                # (a release beside a cost refusal in one sentence: "as a gesture of goodwill I have supplied
                # information ... before it was realised that the fees limit would be exceeded")
                or cost
                and not _PART_REFUSED.search(seg)
            ):
                add(Treatment.DISCLOSED, whole)
        elif not (
            is_ncnd
            or not_held
            or withheld
            or cost
            or vexatious
            or public_domain
            or link
            or otherwise_accessible
        ) and (
            _DISCLOSED.search(seg)
            # (not the figures of a cost estimate: "This would require manual interrogation of over 1,300 records")
            or _FIGURE.search(_strip_citations(seg))
            and not (_ESTIMATE.search(seg) and _COST.search(answer))
        ):
            add(Treatment.DISCLOSED, whole)
    if not answer and reason:
        add(Treatment.WITHHELD, reason)
        answer = reason
    elif (
        reason
        and Treatment.WITHHELD not in found
        and Treatment.PARTLY_DISCLOSED not in found
        and set(found) <= {Treatment.PUBLIC_DOMAIN, Treatment.DISCLOSED}
    ):
        # The reasons name this question as exempt although its answer only gives the rest (or says nothing of its
        # own treatment: "We only share this information with ...").
        add(Treatment.WITHHELD, reason)
    pointers = extract_pointers(decision.relied_on_lines(answer))  # not the Act or the ICO in closing text
    if not pointers and re.search(r"above link", answer, re.I):
        pointers = list(previous_pointers)
    if (
        not found
        and pointers
        and not (len(_FIGURE_ROW.findall(answer)) >= 3 and not any(p.url for p in pointers))
        # a document only named in passing ("The force operates under the Police Code of Ethics") is no pointer to
        # it: a link, or words that send the requester to it
        and (any(p.url or p.link_removed for p in pointers) or _POINTS_TO.search(answer))
    ):
        # the answer is a pointer to published material (not a heading that only looks like a document's name, above
        # the rows of a table of figures)
        found.append(Treatment.PUBLIC_DOMAIN)
        evidence[Treatment.PUBLIC_DOMAIN] = next(
            (x for x in answer.split("\n") if pointers[0].name in x), answer.split("\n")[0]
        )
    if (
        Treatment.DISCLOSED in found
        and Treatment.WITHHELD in found
        and _only_holds(answer)
        and not _FIGURE.search(_strip_citations(answer))
    ):
        # "I can confirm that this information is held ... However, I am withholding it under Section 31": that it is
        # held is no release (as before a cost refusal, ``_refine``)
        found.remove(Treatment.DISCLOSED)
    if Treatment.DISCLOSED in found and Treatment.WITHHELD in found:
        # Figures given and some withheld in the same answer: a partial disclosure.
        found[found.index(Treatment.DISCLOSED)] = Treatment.PARTLY_DISCLOSED
        evidence.setdefault(Treatment.PARTLY_DISCLOSED, evidence.get(Treatment.WITHHELD, ""))
    if Treatment.PARTLY_DISCLOSED in found and Treatment.WITHHELD in found:
        found.remove(Treatment.WITHHELD)
    found = list(dict.fromkeys(found))
    found = _refine(found, answer, withheld_cited)
    if shared and found:
        released = bool({Treatment.DISCLOSED, Treatment.PARTLY_DISCLOSED} & set(found))
        part_of_the_period = (
            Treatment.NOT_HELD in found
            and bool(_HELD_ONLY_FROM.search(read))
            # (a release said in words, "Please find the figures below", or a table of the years held)
            and (Treatment.DISCLOSED in found or len(_FIGURE_ROW.findall(read)) >= 2)
        )
        found = decision.reduce_shared(found)
        if part_of_the_period and found == [Treatment.NOT_HELD]:
            # figures for the part of the period held, the rest no longer held (L10), said for every question
            found = [Treatment.DISCLOSED, Treatment.NOT_HELD]
        if (
            released
            and set(found) & {Treatment.COST_LIMIT, Treatment.NCND}
            and any(
                _PART_REFUSED.search(seg)
                and (_COST.search(seg) or cost_words.search(seg) or _NCND.search(seg))
                for seg in segments
            )
        ):
            # a refusal of part beside a release of the rest ("we cannot provide all of this information within the
            # appropriate limit ... the remaining years are in the attached document"): both
            found = found + [Treatment.DISCLOSED]
    review = None
    if (
        shared
        and not found
        and (_DISCLOSED.search(read) or _FIGURE.search(_strip_citations(read)))
        # a response that asks the requester to clarify is not a release, whatever it confirms
        and not decision.asks_to_clarify().search(read)
    ):
        # nothing but wording or figures that may be the information itself: a guess, so a person checks it
        found.append(Treatment.DISCLOSED)
        evidence[Treatment.DISCLOSED] = next(
            (x for x in segments if _DISCLOSED.search(x)), segments[0] if segments else ""
        )
        review = "read as disclosed from the response as a whole: check it"
    elif not shared and not found and answer and _factual(answer, text):
        # an answer of its own that states a fact with no treatment words ("The Trust does not issue parking
        # fines."): the answer is the information; a guess, so a person checks it
        found.append(Treatment.DISCLOSED)
        evidence[Treatment.DISCLOSED] = next(s for s in decision.sentences(answer) if _statement(s, text))
        review = "read as a factual answer: check it"
    if (
        found == [Treatment.NOT_HELD]
        and not shared
        and _HELD_ONLY_FROM.search(answer)
        and _FIGURE.search(_strip_citations(answer))
    ):
        # figures for the part of the period held, the rest not held (L10)
        found.insert(0, Treatment.DISCLOSED)
    elif found == [Treatment.NOT_HELD] and not shared and (held := _some_periods_held(answer)):
        # the same said period by period ("2021/22 Not tracked. 2022/23 - 348 reports"): L10 again
        found.insert(0, Treatment.DISCLOSED)
        evidence[Treatment.DISCLOSED] = held
    if Treatment.NOT_HELD in found and _HELD_ELSEWHERE.search(decision.relied_on(answer)):
        # not held here, and the requester is sent to the bodies that may hold it: `other` (redirected) as well
        found.append(Treatment.OTHER)
        review = "other: redirected"
    if not found:
        found.append(Treatment.OTHER)
        reason_other = decision.other_reason(answer) if answer else decision.NO_ANSWER
        review = f"other: {reason_other}"
        confidence = 0.2
    elif review:
        confidence = 0.4
    elif shared:
        confidence = 0.6
    else:
        confidence = 0.9 if len(found) == 1 else 0.75
    if not shared:  # (a whole response given to every question is already below the line)
        confidence, review = _second_opinion(found, confidence, review, decision.relied_on_lines(answer))
    if taken is not None:
        found = list(taken)
        evidence = {t: decision.relied_on_lines(answer) for t in found}
    quote = next((evidence[t] for t in found if t in evidence), "")

    # the provisions the answer relies on: not those it only quotes (complaint rights, a hypothetical, a table
    # counting the provisions used)
    exemptions = _question_exemptions(
        read if shared else decision.relied_on_lines(answer), reason, found, letter_exemptions, accessible
    )
    if about_exemptions:  # the provisions an answer lists as its figures ("s27(1) = 4") are not applied to it
        exemptions = [
            e
            for e in exemptions
            if section_of(e) in ("s12", "s14")
            or _accessible(section_of(e), accessible)
            or e.startswith(NOT_HELD_EXCEPTIONS)
            or table.is_ncnd_subsection(e)
            and Treatment.NCND in found
        ]
    ncnd = [e for e in exemptions if table.is_ncnd_subsection(e)]
    if Treatment.NCND in found and not ncnd:
        ncnd = [e for e in letter_exemptions if table.is_ncnd_subsection(e)]
        exemptions = _dedupe(exemptions + ncnd)
    if shared:
        exemptions = _shared_exemptions(found, exemptions, letter_exemptions, table, accessible)
        ncnd = [e for e in exemptions if table.is_ncnd_subsection(e)]
    else:  # a cost or vexatious refusal rests on s12 / s14 even where the answer does not name it
        for t, section, default in (
            (Treatment.COST_LIMIT, "s12", "s12"),
            (Treatment.VEXATIOUS, "s14", "s14(1)"),
        ):
            if t in found and not any(
                section_of(e) == section or e.startswith(MANIFESTLY_UNREASONABLE) for e in exemptions
            ):
                exemptions = exemptions + (
                    [e for e in letter_exemptions if section_of(e) == section]
                    or ([default] if _numbers_refusals(accessible) else [])
                )
    exemptions = _quoted_limb(exemptions, answer, found, accessible)
    exemptions = _supported(exemptions, found, _own_table(accessible), accessible)
    ncnd = [e for e in ncnd if e in exemptions]
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
        own_answer=not shared and bool(label or text),
    )


def _second_opinion(found: list[Treatment], confidence: float, review: str | None, passage: str):
    """A confident reading the learned reader (``learned``) reads otherwise is marked for review, naming its
    reading; the rules' reading stands. On letters neither had seen (each blind batch read with the rules of its
    day and a model trained only on the batches before it; ``scripts/measure_treatment_classifier.py``), the model
    disputed 27 of the rules' 105 confident readings, 21 of them misread: the confident readings left agreed with
    the labels 0.885 of the time, against 0.714 before. Taking its reading instead gained little on those letters
    and lost readings the rules get right ("No such data exists." read as disclosed), so it only disputes."""
    if confidence < CONFIDENT:
        return confidence, review
    reading = learned.reading(passage)
    if reading is None or set(reading) == set(found):
        return confidence, review
    return DISPUTED, f"{_DISPUTE} {', '.join(in_order(Treatment(t) for t in reading))}: check it"


_DISPUTE = "the learned reader reads"
# treatments the rules may read without words of their own (a release from figures or plain content; ``other``)
_INFERRED = frozenset({Treatment.DISCLOSED, Treatment.OTHER})
TAKEN_FROM_LEARNED = "read by the learned reader"
# (from a sentence elsewhere in the letter the evidence locator found: ``locator``)
LOCATED_BY_LEARNED = f"{TAKEN_FROM_LEARNED} from the sentence the evidence locator found"


def below_the_line(
    q: Question,
    letter_exemptions: list[str],
    accessible: str = "s21",
    beside: Callable[[], str] = str,
    located: Callable[[], str] = str,
) -> Question:
    """A question whose own answer the rules find no treatment wording in (``other``, a reading a person checks
    anyway), read by the learned reader where it is sure of every treatment it reads there: its provisions read
    from the answer for those treatments, its review note naming the rules' reading. Still below the flag line, so
    no flag rests on it. Only once the reader has settled every reading it can (an answer given with others, the
    letter's overall decision), and never where the rules know why an answer is `other` (a clarification asked,
    a redirection, ...): the rules verify, the model fills in. A question the reader tied no answer to is read from
    ``beside()``, the words the letter writes beside it (``parser._answer_beside``, looked for only then), which
    become its answer. Where that leaves nothing to read, from ``located()``: the sentence of the letter the evidence
    locator holds likeliest to be its evidence among those the learned reader is sure of (``locator``), which
    becomes its answer too, its review note saying it was located. Such a passage (beside, or located) is read by
    the rules first: where they read it only with words of withholding, refusal, pointing or "not held", theirs is
    the reading (stop 35: the model retrained on fresh35 read "The council does not hold information about ..." as
    also disclosed, at 0.504; tuning +5 questions, within chance).

    On letters neither had seen (fifteen blind batches, 1,261 labelled answered questions, each read with the rules
    of its day and a model trained only on the batches labelled before it; ``scripts/measure_treatment_classifier.py``
    ``filled``) it read 25 such questions as labelled, 4 otherwise, and none the rules had right. Taking its reading over
    the rules' own gained little more and lost readings the rules get right, on which a flag rests. The located
    sentence, on the same batches (``scripts/measure_evidence_locator.py``, ``reader``): 83 of the 99 questions left
    with nothing to read filled, 51 as labelled, 32 otherwise, 5 whose ``other`` was right. Questions read together
    whose shared reading has no response at all are filled too, as those measurements counted them: no response is
    no one's."""
    if (
        # (a response read for several questions is the rules' to read; no response at all is no one's)
        not q.own_answer
        and q.answer.strip()
        or q.treatments != (Treatment.OTHER,)
        or not decision.unanswered(q.review)
        or not learned.enabled()
    ):
        return q
    answer = q.answer if q.answer.strip() else beside()
    passage = decision.relied_on_lines(answer)
    note = TAKEN_FROM_LEARNED
    if not passage.strip():
        # nothing of its own or beside it to read: the sentence the locator finds, read as it was measured (whole)
        answer = passage = located()
        note = LOCATED_BY_LEARNED
    if passage.rstrip().endswith("?"):  # a question tied as the answer (a sub-question) answers nothing
        return q
    reading = learned.reading(passage)
    if not learned.sure(reading):
        return q
    # a passage from beside the question or elsewhere in the letter is new to the rules: where they read it with
    # words only a withholding, a refusal, a pointer or "not held" is read from (not a release, which they also
    # infer from plain content), theirs is the reading (the rules verify, the model fills in), below the flag line
    new = None
    if answer != q.answer:  # (its own answer the rules have read already, and found no wording in)
        ruled = _classify(q.label, q.text, answer, None, letter_exemptions, (), accessible)
        if set(ruled.treatments).isdisjoint(_INFERRED):
            new = ruled
    if new is None:
        taken = list(in_order(Treatment(t) for t in reading))
        new = _classify(q.label, q.text, answer, None, letter_exemptions, (), accessible, taken=taken)
    return replace(
        new,
        pointers=q.pointers,
        confidence=q.confidence,
        review=f"{note} (the rules read {q.review}): check it",
    )


def disputed(review: str | None) -> bool:
    """Whether a reading the rules read with confidence is marked for review only for the learned reader's dispute."""
    return review is not None and review.startswith(_DISPUTE)


def located(review: str | None) -> bool:
    """Whether a reading was taken from the sentence the evidence locator found (the letter tied the question none)."""
    return review is not None and review.startswith(LOCATED_BY_LEARNED)


# A row of a table of figures: a label and the figure that ends the line ("Jan - Dec 2022 - 27,379").
_FIGURE_ROW = re.compile(r"^[^\n]{0,60}?\s[-\u2013:|=]?\s*\d[\d,.]*%?\s*$", re.M)
_PART_REFUSED = decision.phrase("part_refused")  # a refusal of part, beside a release of the rest
_ABOUT_EXEMPTIONS = decision.phrase("about_exemptions")  # a question about the authority's own refusals
_COUNTED = decision.phrase("counted")  # a count of them ("12 requests", "on 4 occasions")
# A sentence that states something (not a question): six words or more, its full stop often left off in a reply's
# list ("We have a Memorandum of understanding with West Mercia Police to support searches")
_STATEMENT = re.compile(r"^(?![^?]*\?)(?:\S+\s+){5,}\S+?\.?[\"'\u201d)]?$")
# How a cost refusal estimates the work, its figures not the information asked for.
_ESTIMATE = re.compile(
    r"\bwould (?:require|take|involve|mean|need)\b|\bestimat\w*|\bhours?\b|\bminutes?\b|\bmanual(?:ly)?\b|"
    r"\binterrogat\w*|\bper (?:record|file|case)\b|\u00a3\s?\d",
    re.I,
)
# A short answer: a line that is not a question and starts as an answer does, not in lower case as the wrapped end
# of the question above does.
_SHORT_ANSWER = re.compile(
    r"^(?![^?]*\?)(?:[A-Za-z]\)\s*|[\u2022*\u2013-]\s*)?(?:[A-Z0-9\u00a3$\u20ac]|(?:yes|no)\b)[^\n]{0,80}$"
)
# What makes a short answer the information whatever was asked: yes or no, a figure or date (in figures or words:
# "Three."), a sentence with a subject ("We utilise our own Drones"), none, not ("Not at this time").
_ANSWERS_ANYTHING = re.compile(
    r"^(?:[A-Za-z]\)\s*|[\u2022*\u2013-]\s*)?(?:(?:yes|no|none|nil|zero|all|we|our|it|this|they|there|not|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|a (?:few|handful))\b|[^\n]*[\d\u00a3$\u20ac])",
    re.I,
)
# A question a name answers ("Who provides your Friends & Family Test?", "Which company ...", "Name of the supplier",
# "Please list the manufacturer and model of ...", a form's field such as "Awarded contractor").
_ASKS_FOR_A_NAME = re.compile(
    # (also after a preposition: "From what organisation do you purchase ...?")
    r"^\W*(?:(?:from|by|with|to|for|at|in|through|via|under) )?(?:who|whom|which|what|where|when|name)\b|"
    r"\bwho\b[^?]*\?|\b(?:list|name|state|provide|give|confirm|identify)\s+"
    r"(?:the\s+|all\s+|any\s+)?(?:names?|manufacturers?|makes?|models?|suppliers?|providers?|compan(?:y|ies)|"
    r"contractors?|vendors?|systems?|software|products?|brands?)\b"
    # (a form's field that a name fills: "Local authority name", "Awarded Contractor", "Supplier")
    r"|^[^?\n]{0,40}\b(?:names?|contractors?|suppliers?|providers?|manufacturers?|compan(?:y|ies)|vendors?)\W*$",
    re.I,
)
_NOT_AN_ANSWER = decision.phrase("not_an_answer")  # declines, redirects or explains the Act instead


def _factual(answer: str, question: str = "") -> bool:
    """An answer that states facts and does nothing else: no refusal, redirection or talk of the Act. A short
    answer of its own is one too ("Yes", "30th April 2020", "Approx 10k per annum"; a name where a name is asked
    for: "Healthcare Communications" to "Who provides ...?")."""
    if _NOT_AN_ANSWER.search(answer) or decision.other_reason(answer) != decision.NO_WORDING:
        return False
    asked = plain_words(question)
    # a line that repeats the question (a reply quoting the request, the answer cut off) states nothing
    return any(
        _statement(s, question)
        and not (asked and plain_words(s)[: len(asked)] == asked[: len(plain_words(s))])
        for s in decision.sentences(answer)
    )


def _statement(sentence: str, question: str) -> bool:
    if _STATEMENT.search(sentence):
        return True
    if not _SHORT_ANSWER.search(sentence):
        return False
    return bool(_ANSWERS_ANYTHING.search(sentence) or _ASKS_FOR_A_NAME.search(question))


# words that send the requester to a resource ("see", "can be found", "published", "our website", "link", "the APP
# ... provides an outline of")
_POINTS_TO = re.compile(
    r"\b(?:see|refer|visit|view|access|found|available|published|publishes|website|web\s?site|web\s?page|link|"
    r"online|here|below|attached|enclosed|annex|appendix|accessible|provides|sets\s+out|outlines|explains|"
    r"describes|details)\b",
    re.I,
)
_HOLDS = decision.phrase("holds")  # "I can confirm that we hold it" (before a refusal: no release)


def _only_holds(answer: str) -> bool:
    """The answer says the information is held and releases nothing in words: beside a refusal, no disclosure."""
    return bool(_HOLDS.search(answer)) and not _RELEASED.search(answer)


_REDIRECT = decision.phrase("redirect")  # the request sent to another body


_HELD_ELSEWHERE = decision.phrase("held_elsewhere")  # where information not held here may be held
_HEDGED = decision.phrase("hedged")  # "it is unlikely that we could ...": no refusal yet


def _refine(found: list[Treatment], answer: str, withheld_cited: bool) -> list[Treatment]:
    """What the phrases found, corrected by what the answer as a whole says: a cost or vexatious refusal
    that calls its section 'an exemption' withholds nothing else; 'I can confirm that we hold it' before a
    refusal is no disclosure; a request for clarification or a pointer to another body is `other`."""
    out = list(found)
    if (
        Treatment.COST_LIMIT in out
        and decision.other_reason(answer) == "clarification"
        and all(_HEDGED.search(s) for s in decision.sentences(answer) if _COST.search(s))
    ):
        # a request to clarify that warns the request as it stands may exceed the limit ("it is unlikely that we
        # would be able to supply this under Section 12"): no refusal yet
        out.remove(Treatment.COST_LIMIT)
    refusal = {Treatment.COST_LIMIT, Treatment.VEXATIOUS} & set(out)
    if refusal and not withheld_cited:
        out = [t for t in out if t not in (Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED)]
    if (
        (refusal or Treatment.WITHHELD in out or Treatment.NCND in out)
        and Treatment.DISCLOSED in out
        and _only_holds(answer)
    ):
        out.remove(Treatment.DISCLOSED)
    if Treatment.COST_LIMIT in out and Treatment.NOT_HELD in out and _HOLDS.search(answer):
        out.remove(Treatment.NOT_HELD)  # "we hold it, but finding it would exceed the limit"
    settled = {
        Treatment.WITHHELD,
        Treatment.NCND,
        Treatment.NOT_HELD,
        Treatment.PARTLY_DISCLOSED,
        Treatment.COST_LIMIT,
        Treatment.VEXATIOUS,
    }
    if (
        not set(out) & settled
        and decision.other_reason(answer) in ("clarification", "redirected")
        and (decision.other_reason(answer) == "clarification" or _REDIRECT.search(answer))
    ):
        return []  # read as `other`, with the reason
    return out


def _accessible(section: str, accessible: str) -> bool:
    """A section that points to information otherwise accessible: the letter's Act's (s21; s25 under FOISA), or EIR
    reg 6, which a FOIA or FOISA reply answering under the EIRs cites."""
    return section in (accessible, "reg6")


def _numbers_refusals(accessible: str) -> bool:
    """Whether the letter's Act has a section a cost or vexatious refusal rests on when the letter names none (FOIA and
    FOISA s12, s14); the EIRs refuse both as manifestly unreasonable, an exception a reply cites when it uses it."""
    return by_accessible(accessible).cost_limit is not None


def _own_table(accessible: str):
    """The exemption table of the letter's Act where it numbers its own exemptions (FOISA); FOIA's otherwise (an EIR
    reply that cites sections cites FOIA's)."""
    regime = by_accessible(accessible)
    return rule_table_for(regime.regime) if regime.regime == "FOISA" else rule_table()


def _supported(exemptions: list[str], found: list[Treatment], table, accessible: str) -> list[str]:
    """The provisions a question's treatments rest on: s12 for a cost refusal, s14 for a vexatious one, the
    otherwise-accessible section for a pointer to published information, the not-held exception for information not
    held, an NCND provision for a refusal to confirm or deny, and an exemption or exception for a refusal. A
    provision an answer only mentions beside a full answer, or beside "not held", is not relied on for it."""
    present = set(found)
    refusing = present & {Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED, Treatment.NCND}

    def relied(e: str) -> bool:
        section = section_of(e)
        if section == "s12":
            return Treatment.COST_LIMIT in present
        if section == "s14":
            return Treatment.VEXATIOUS in present
        if _accessible(section, accessible):
            return Treatment.PUBLIC_DOMAIN in present or bool(refusing)
        if e.startswith(NOT_HELD_EXCEPTIONS):
            return Treatment.NOT_HELD in present
        if table.is_ncnd_subsection(e):
            return Treatment.NCND in present
        if e.startswith("reg"):  # an EIR exception: any refusal (reg 12(4)(b) is the EIR's cost refusal)
            return bool(refusing or present & {Treatment.COST_LIMIT, Treatment.VEXATIOUS})
        return bool(refusing)

    return [e for e in exemptions if relied(e)]


def _quoted_limb(exemptions: list[str], text: str, found: list[Treatment], accessible: str) -> list[str]:
    """A cost or vexatious refusal that names its section bare, or not at all, and quotes the limb of it the Act's
    words come from ("Section 12(1) of the FOIA states that a public authority is not obliged to comply ...",
    "Section 14 (1) of the Act does not oblige a public authority ..."): that limb, though the quotation is no
    citation of its own (``decision.boilerplate``). Not s12(2), which neither confirms nor denies."""
    out = list(exemptions)
    for t, section in ((Treatment.COST_LIMIT, "s12"), (Treatment.VEXATIOUS, "s14")):
        if t not in found or any(section_of(e) == section and e != section for e in out):
            continue
        limbs = _dedupe(
            [
                c.text
                for c in _cited(text, accessible)
                if c.section == section and c.text != section and not c.text.startswith("s12(2)")
            ]
        )
        if limbs:
            out = [e for e in out if e != section] + limbs
    return out


def _shared_exemptions(found, exemptions, letter_exemptions, table, accessible="s21") -> list[str]:
    """The provisions a whole-response decision rests on: the cost or vexatious section alone for those
    refusals (s12 when the letter names none), the exemptions it applied for the others."""
    if Treatment.COST_LIMIT in found:
        return [
            e
            for e in _dedupe(exemptions + letter_exemptions)
            if section_of(e) == "s12" or e.startswith(MANIFESTLY_UNREASONABLE)
        ] or (["s12"] if _numbers_refusals(accessible) else [])
    if Treatment.VEXATIOUS in found:
        return [
            e
            for e in _dedupe(exemptions + letter_exemptions)
            if section_of(e) == "s14" or e.startswith(MANIFESTLY_UNREASONABLE)
        ] or (["s14(1)"] if _numbers_refusals(accessible) else [])
    if set(found) & WITHHOLDING:
        return [e for e in exemptions if section_of(e) not in ("s12", "s14")]
    return [
        e
        for e in exemptions
        if section_of(e) not in ("s12", "s14")
        and not table.is_ncnd_subsection(e)
        and (set(found) & {Treatment.PUBLIC_DOMAIN} or section_of(e) in ("s21", "s25", "reg6"))
    ]


def _strip_citations(text: str) -> str:
    text = re.sub(r"(?:https?://|www\.)\S+", " ", text)  # the numbers in a link are not figures given
    text = re.sub(r"\bpage \d+ of \d+\b", " ", text, flags=re.I)  # nor a page's number in a saved PDF
    text = re.sub(
        r"\b(?:sections?|secs?\.?|s\.?|regulations?)\s?\d{1,2}(\(\w{1,3}\))*", " ", text, flags=re.I
    )
    text = re.sub(r"\b\d+\s*(hours|working days|days)\b|\b(q|question)\s?\d+\w?", " ", text, flags=re.I)
    # a period the request or the reply covers ("the last 3 years", "over the next 12 months") is not a figure given
    text = re.sub(
        r"\b(?:the |over the |in the |for the |within the )?(?:last|past|next|previous|following|coming) \d{1,2} "
        r"(?:years?|months?|weeks?|financial years?|calendar years?)\b",
        " ",
        text,
        flags=re.I,
    )
    return re.sub(
        r"\b\d{1,2}(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|"
        r"november|december)\b",
        " ",
        text,
        flags=re.I,
    )


def _cited(text: str, accessible: str = "s21"):
    """The refusals ``text`` cites under the letter's Act (its profile known by its otherwise-accessible section):
    FOISA's s21 is its review section, not an exemption."""
    regime = by_accessible(accessible)
    return [
        c
        for c in find_citations(text)
        if c.is_exemption and regime.applies(c.section) and not of_another_enactment(text, c)
    ]


def _routes_to_eir(citation, text: str) -> bool:
    """FOIA s39 / FOISA s39(2) cited to answer under the Environmental Information Regulations instead: a routing
    of the request, not a refusal of the information."""
    return citation.section == "s39" and bool(_ENVIRONMENTAL.search(text))


_ENVIRONMENTAL = re.compile(r"environmental information|\bEI\(?S\)?Rs?\b|\bEIRs?\b")


def _question_exemptions(answer, reason, treatments, letter_exemptions, accessible="s21") -> list[str]:
    cited = [c.text for c in _cited(answer, accessible) if not _routes_to_eir(c, answer)]
    if not cited and reason:
        cited = [c.text for c in _cited(reason, accessible) if not _routes_to_eir(c, reason)]
    out: list[str] = []
    for e in cited:
        bare = section_of(e) == e
        limbs = [x for x in letter_exemptions if bare and x.startswith(e + "(")]
        out.extend(limbs or [e])
    if not out and ({Treatment.WITHHELD, Treatment.PARTLY_DISCLOSED} & set(treatments)):
        table = rule_table()
        refusing = [
            e
            for e in letter_exemptions
            if not table.is_ncnd_subsection(e)
            and section_of(e) not in ("s12", "s14")
            and not _accessible(section_of(e), accessible)
            and not e.startswith(NOT_HELD_EXCEPTIONS)
            # s39 sends environmental information to the EIRs: it withholds nothing itself
            and not (section_of(e) == "s39" and _ENVIRONMENTAL.search(answer or ""))
        ]
        families = {section_of(e) for e in refusing}
        if len(families) == 1:
            out = refusing
    return _most_specific(out)


def _most_specific(items: list[str]) -> list[str]:
    """Drop 's31' when 's31(1)(a)' is also cited; keep order; unique. FOIA s12(4), which lets requests be aggregated
    for the cost limit, is no limb of the refusal: 'section 12 ... section 12(4)' keeps both."""
    items = _dedupe(items)
    return [
        e
        for e in items
        if not any(o != e and o.startswith(e + "(") and not o.startswith(_AGGREGATES) for o in items)
    ]


_AGGREGATES = "s12(4)"  # FOIA s12(4): requests aggregated for the cost limit


def _dedupe(items):
    return list(dict.fromkeys(items))


def read_passage(
    label: str, text: str, answer: str, letter_exemptions: list[str], accessible: str = "s21"
) -> Question:
    """One answer passage read by the rules, as the reader reads a question's own answer (for a passage found by
    other means: the extraction pass's pointer to an answer)."""
    return _classify(label, text, answer, None, letter_exemptions, (), accessible)
