"""The precedent-only letter: a deterministic draft assembled from the plan and precedent passages.

Every answer uses the phrasing the parser classifies, so the draft parses back to the plan's
treatments, exemptions and pointers. Where the plan needs the officer's decision, the answer carries
a ``[DECISION NEEDED: ...]`` marker instead of a guess; where the facts of the new request are needed
(figures, cost estimates, reasons the precedent cannot give), a bracketed placeholder says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi_precedent.consistency.quotes import quote_answer
from foi_precedent.drafting.plan import Plan, QuestionPlan
from foi_precedent.drafting.request import Request
from foi_precedent.letters.exemptions import (
    NOT_HELD_EXCEPTION,
    citation_parts,
    find_citations,
    normalise_exemptions,
    rule_table_for,
    section_of,
)
from foi_precedent.letters.model import REFUSING, Letter, Pointer, Treatment, in_order
from foi_precedent.letters.parser import precedent_quote
from foi_precedent.letters.regimes import profile
from foi_precedent.ports import PrecedentIndex

REFERENCE_LINE = "Freedom of information request reference no: [REFERENCE]"
REQUEST_HEADER = "I note you seek access to the following information:"
DISCLOSURE_HEADER = "Disclosure"
REASONS_HEADER = "Reason for decision"
OFFICER_INFO = "[INFORMATION TO BE PROVIDED BY THE OFFICER]"
# a pointer the officer must give (no precedent named one)
OFFICER_POINTER = "[TITLE AND LINK OF THE PUBLISHED INFORMATION]"
# the NCND provision the officer must cite (FOIA's is per exemption, and no precedent gave it)
OFFICER_NCND = "[NCND SUBSECTION NEEDED]"
#: the slots in the precedent wording for facts only the officer has: a model's answer keeps each one its question's
#: precedent wording has, or it has put something of its own (invented) where the officer's facts go
OFFICER_SLOTS = (OFFICER_INFO, "[ESTIMATE]", OFFICER_POINTER, OFFICER_NCND)


@dataclass(frozen=True)
class LetterForm:
    """What a reply says differently under each regime: the Act and its refusal notice, the exemption for
    information already published, the duty to assist, cost and vexatious refusals, and the complaint route."""

    regime: str
    refusal_notice: str  # follows "... and therefore " / "Therefore "
    accessible: str  # the exemption for published information: s21 (FOIA), s25 (FOISA), reg6(1)(b) (EIR)
    accessible_clause: str  # "... is already in the public domain{clause} under ..."
    duty_to_assist: str
    cost_limit: str  # the answer to a question refused on cost
    cost_line: str  # its line in the refusal notice ("" when the regime has none)
    vexatious: str
    vexatious_line: str
    complaint_rights: str  # {authority}: "the <authority>" or "us"; {their}, {authority_has}: its agreement
    ncnd_provision: str = ""  # where the Act has one provision for NCND (FOISA s18(1), EIR reg 12(6))
    act: str = profile("FOIA").act
    # a "not held" answer resting on the Regulations' exception (EIR reg 12(4)(a), EISR reg 10(4)(a)), and its words
    not_held_exception: str = NOT_HELD_EXCEPTION
    not_held: str = (
        "the exception under Regulation 12(4)(a) of the Environmental Information Regulations 2004 applies"
    )

    def is_accessible(self, exemption: str) -> bool:
        return (
            exemption == self.accessible
            or exemption.startswith(self.accessible + "(")
            or (self.accessible != "s21" and section_of(exemption) == "s21")
        )


_FOIA_COMPLAINT = """Complaint rights
Are you unhappy with how your request has been handled or do you think the decision is incorrect?
You have the right to require {authority} to review {their} decision. Ask for an internal review in writing, \
by email or post to [FOI CONTACT ADDRESS], within 40 working days of the date of this letter.
If you are still dissatisfied following the internal review, you have the right under Section 50 of the Act \
to complain directly to the Information Commissioner's Office (ICO) and ask them to investigate whether we \
have complied with the terms of the Act. The ICO can be contacted at Wycliffe House, Water Lane, Wilmslow, \
Cheshire SK9 5AF, or via ico.org.uk."""

_FOISA_COMPLAINT = """Complaint rights
If you are dissatisfied with the way in which {authority_has} dealt with your request, you are entitled to \
request a review of our actions and decisions under section 20 of the Act. Your request must specify the matter \
which gives rise to your dissatisfaction and it must be made within 40 working days of receiving this response, \
in writing to [FOI CONTACT ADDRESS].
If you remain dissatisfied following our review response, you can apply to the Scottish Information Commissioner \
within six months for a decision under section 47 of the Act. You can apply online at foi.scot, or by letter to \
Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS.
Should you wish to appeal against the Commissioner's decision, there is an appeal to the Court of Session on a \
point of law only."""

_EIR_COMPLAINT = """Complaint rights
If you are unhappy with the way your request has been handled, or with the decision, you may ask {authority} \
for a reconsideration (internal review) under regulation 11 of the Regulations. Please write to \
[FOI CONTACT ADDRESS], quoting the reference number above, within 40 working days of the date of this letter.
If you remain dissatisfied after the internal review, you may complain to the Information Commissioner, who will \
decide whether your request has been dealt with in accordance with the Environmental Information Regulations \
2004. The Information Commissioner's Office can be contacted at Wycliffe House, Water Lane, Wilmslow, \
Cheshire SK9 5AF, or via ico.org.uk."""

FOIA_FORM = LetterForm(
    regime="FOIA",
    refusal_notice=(
        "this response serves as a Refusal Notice under Section 17 of the Freedom of Information Act "
        "2000 (the Act) by virtue of the following exemptions:"
    ),
    accessible=profile("FOIA").otherwise_accessible,
    accessible_clause=" and is therefore exempt under {cited} of the Act (information reasonably accessible to you "
    "by other means);",
    duty_to_assist="Section 16 duty to assist",
    cost_limit=(
        "{lead} locate, retrieve and extract this information would exceed the appropriate limit under "
        "Section 12 of the Act: we estimate it would take [ESTIMATE] hours at £25 per hour, against the limit "
        "of £450 (18 hours). Under our Section 16 duty to assist, you may wish to narrow your request, for "
        "example [ADVICE: a shorter time period or fewer categories]."
    ),
    cost_line="Section 12 Exemption where cost of compliance exceeds appropriate limit",
    vexatious=(
        "{lead} request is refused under Section 14(1) of the Act as vexatious. [REASONS NEEDED: why the "
        "request is vexatious.]"
    ),
    vexatious_line="Section 14(1) Vexatious requests",
    complaint_rights=_FOIA_COMPLAINT,
)

FOISA_FORM = LetterForm(
    regime="FOISA",
    refusal_notice=(
        "this represents a refusal notice in terms of section 16 of the Freedom of Information "
        "(Scotland) Act 2002 (the Act) by virtue of the following exemptions:"
    ),
    accessible=profile("FOISA").otherwise_accessible,
    accessible_clause=" and is therefore exempt under {cited} of the Act (information otherwise accessible);",
    duty_to_assist="Section 15 duty to advise and assist",
    cost_limit=(
        "{lead} locate, retrieve and extract this information would exceed the upper cost limit under "
        "Section 12 of the Act: we estimate it would cost more than £600, at no more than £15 per hour "
        "([ESTIMATE] hours). Under our Section 15 duty to advise and assist, you may wish to narrow your "
        "request, for example [ADVICE: a shorter time period or fewer categories]."
    ),
    cost_line="Section 12(1) Excessive cost of compliance",
    vexatious=(
        "{lead} request is refused under Section 14(1) of the Act as vexatious. [REASONS NEEDED: why the "
        "request is vexatious.]"
    ),
    vexatious_line="Section 14(1) Vexatious or repeated requests",
    complaint_rights=_FOISA_COMPLAINT,
    ncnd_provision="Section 18(1) of the Act",
    act=profile("FOISA").act,
)

EIR_FORM = LetterForm(
    regime="EIR",
    refusal_notice=(
        "this letter serves as a refusal notice under regulation 14 of the Environmental Information "
        "Regulations 2004 (the Regulations) by virtue of the following exceptions:"
    ),
    accessible=profile("EIR").otherwise_accessible,
    accessible_clause=" and easily accessible to you (regulation 6(1)(b) of the Regulations);",
    duty_to_assist="regulation 9 duty to advise and assist",
    cost_limit=(
        "[DECISION NEEDED: the Environmental Information Regulations have no cost limit; a request too "
        "costly to answer is refused as manifestly unreasonable under regulation 12(4)(b), subject to the "
        "public interest test.]"
    ),
    cost_line="",
    vexatious=(
        "[DECISION NEEDED: under the Environmental Information Regulations a vexatious request is refused as "
        "manifestly unreasonable under regulation 12(4)(b), subject to the public interest test.]"
    ),
    vexatious_line="",
    complaint_rights=_EIR_COMPLAINT,
    ncnd_provision="Regulation 12(6) of the Regulations",
    act=profile("EIR").act,
)

# The Scottish EIRs (rules/regimes.yaml, EISR): a Scottish authority's environmental information. Their own numbers
# (reg 13 notice, reg 10 exceptions), the authority's own review (reg 16) and the Scottish Information Commissioner
# (reg 17, applying FOISA s47), not the EIR 2004's regulation 14 and 11 and the ICO at Wilmslow (a Scottish Forestry
# reply drafted in stop 36's QA).
_EISR_COMPLAINT = """Complaint rights
If you are dissatisfied with the way in which {authority_has} dealt with your request, you are entitled to require a review of our actions and decisions under regulation 16 of the Environmental Information (Scotland) \
Regulations 2004. Your requirement for review must be made in writing to [FOI CONTACT ADDRESS] within 40 working days of receiving this response, and we will reply within 20 working days of receiving it.
If you remain dissatisfied following our review response, you can apply to the Scottish Information Commissioner for a decision (regulation 17 of those Regulations, applying section 47 of the Freedom of Information (Scotland) Act 2002). You can apply online at foi.scot, or by letter to Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS.
Should you wish to appeal against the Commissioner's decision, there is an appeal to the Court of Session on a point of law only."""

EISR_FORM = LetterForm(
    regime="EISR",
    refusal_notice=(
        "this letter serves as a refusal notice under regulation 13 of the Environmental Information (Scotland) "
        "Regulations 2004 (the Regulations) by virtue of the following exceptions:"
    ),
    accessible=profile("EISR").otherwise_accessible,
    accessible_clause=" and easily accessible to you (regulation 6(1)(b) of the Regulations);",
    duty_to_assist="regulation 9 duty to provide advice and assistance",
    cost_limit=(
        "[DECISION NEEDED: the Environmental Information (Scotland) Regulations have no cost limit (a reasonable "
        "charge may be made under regulation 8); a request too costly to answer is refused as manifestly "
        "unreasonable under regulation 10(4)(b), subject to the public interest test.]"
    ),
    cost_line="",
    vexatious=(
        "[DECISION NEEDED: under the Environmental Information (Scotland) Regulations a vexatious request is refused "
        "as manifestly unreasonable under regulation 10(4)(b), subject to the public interest test.]"
    ),
    vexatious_line="",
    complaint_rights=_EISR_COMPLAINT,
    ncnd_provision="Regulation 10(8) of the Regulations",
    act=profile("EISR").act,
    not_held_exception=profile("EISR").not_held_provision or "reg10(4)(a)",
    not_held=(
        "the exception under Regulation 10(4)(a) of the Environmental Information (Scotland) Regulations 2004 applies"
    ),
)

FORMS = {f.regime: f for f in (FOIA_FORM, FOISA_FORM, EIR_FORM, EISR_FORM)}
#: the regimes under Regulations rather than an Act (their replies cite regulations and call them "the Regulations")
REGULATIONS = frozenset({"EIR", "EISR"})
# Kept for callers and tests that name the FOIA wording.
REFUSAL_NOTICE = FOIA_FORM.refusal_notice


def letter_form(plan: Plan | None) -> LetterForm:
    """The form of the reply: FOISA for a Scottish plan; the EIR when the plan is under them, or relies only on
    EIR regulations (environmental information is answered under the EIR whatever the authority's other
    letters use); otherwise FOIA."""
    if plan is None:
        return FOIA_FORM
    if plan.regime in ("FOISA", "EIR", "EISR"):
        return FORMS[plan.regime]
    cited = plan.exemptions
    if cited and all(e.startswith("reg") for e in cited):
        return EIR_FORM
    return FOIA_FORM


_OPEN = {Treatment.PUBLIC_DOMAIN, Treatment.DISCLOSED, Treatment.NOT_HELD}


# --- citations ------------------------------------------------------------------------------------


def cite(exemptions) -> str:
    """('s31(1)(a)', 's31(1)(b)', 's40(2)') -> 'Section 31(1)(a) and (b) and Section 40(2)'."""
    groups: dict[str, list[str]] = {}
    for e in exemptions:
        parts = citation_parts(e)
        if not parts:
            continue
        prefix, number, parens = parts
        word = "Regulation" if prefix == "reg" else "Section"
        groups.setdefault(f"{word} {number}", []).append("".join(parens))
    out = []
    for head, tails in groups.items():
        if len(tails) == 1 or not all(tails):
            out.append(" and ".join(f"{head}{t}" for t in tails))
            continue
        # Share the common prefix: (1)(a) and (1)(b) -> (1)(a) and (b)
        first = tails[0]
        prefix = re.match(r"((?:\(\w+\))*)\(\w+\)$", first).group(1)
        if all(t.startswith(prefix) and t != prefix for t in tails):
            out.append(f"{head}{first} and " + " and ".join(t[len(prefix) :] for t in tails[1:]))
        else:
            out.append(" and ".join(f"{head}{t}" for t in tails))
    return " and ".join(out)


def exemption_line(exemption: str, regime: str | None = None) -> str:
    """One line of the refusal notice: 'Section 31(1)(a) Law enforcement' (FOIA), 'Section 38(1)(b) Personal
    information' (FOISA)."""
    rule = rule_table_for(regime).rule_for(exemption)
    name = rule.name if rule else ""
    return f"{cite([exemption])} {name}".strip()


def pointer_text(pointers: tuple[Pointer, ...]) -> str:
    parts = [f"{p.name}: {p.url}" if p.url else p.name for p in pointers]
    return " & ".join(parts)


# --- answers --------------------------------------------------------------------------------------


def decision_marker(q: QuestionPlan) -> str:
    """The marker. It names no reference and holds no digit or classifying word, so it cannot change how the
    draft parses (a reference such as '560/23' would read as a disclosed figure); the plan lists the precedents."""
    if q.status == "none" or q.consensus is None or not q.treatments:
        return "[DECISION NEEDED: no precedent answers a question like this one; decide the answer.]"
    if q.rests_on_guesses:  # before "thin": one guessed reading is not an answer to confirm (the plan's note)
        return (
            "[DECISION NEEDED: the precedents for this answer are readings marked for review (see the plan); "
            "decide the answer.]"
        )
    if q.answered_elsewhere:  # before "thin": another body's answer is not one to confirm (the plan's note)
        return (
            "[DECISION NEEDED: only other authorities' letters answer a question like this, and their answer rests "
            "on their own records or judgement (see the plan); decide the answer.]"
        )
    if q.status == "thin":
        return (
            "[DECISION NEEDED: only one precedent answers a question like this (see the plan); confirm that "
            "its answer below applies.]"
        )
    if q.status == "split":
        return "[DECISION NEEDED: precedent is split (see the plan's precedents); choose the answer.]"
    return "[DECISION NEEDED: the precedents could not be classified (see the plan); decide the answer.]"


def answer_lines(q: QuestionPlan, authority: str | None, form: LetterForm = FOIA_FORM) -> list[str]:
    """The answer to one question, in the phrasing the parser classifies, in the words of the regime's Act."""
    treatments = in_order(q.treatments)
    lines: list[str] = []
    if q.needs_decision:
        lines.append(decision_marker(q))
        if not q.drafted:
            return lines
    if not treatments or treatments == [Treatment.OTHER]:
        return lines or [decision_marker(q)]
    parted = len([t for t in treatments if t != Treatment.OTHER]) > 1
    refusal_exemptions = tuple(
        e
        for e in q.exemptions
        if e not in q.ncnd
        and not form.is_accessible(e)
        and e not in (NOT_HELD_EXCEPTION, form.not_held_exception)
    )
    published = [e for e in q.exemptions if form.is_accessible(e)]  # FOIA's s21 in a FOISA plan is its s25
    accessible = cite(
        [e for e in published if section_of(e) == section_of(form.accessible)]
        or ([form.accessible] if published or form.regime in REGULATIONS else [])
    )
    for i, t in enumerate(treatments, 1):
        lead = f"Part {i} of the question" if parted else "This information"
        if t == Treatment.PUBLIC_DOMAIN:
            where = pointer_text(q.pointers) or OFFICER_POINTER
            link = "these links" if len(q.pointers) > 1 else "this link"
            exempt = form.accessible_clause.format(cited=accessible) if accessible else " and"
            lines.append(
                f"{lead} is already in the public domain{exempt} under {form.duty_to_assist} please visit "
                f"{link}: {where}"
            )
        elif t == Treatment.DISCLOSED:
            lines.append(
                f"{lead}: the information requested is as follows: {OFFICER_INFO}"
                if parted
                else f"The information requested is as follows: {OFFICER_INFO}"
            )
        elif t == Treatment.PARTLY_DISCLOSED:
            under = cite(refusal_exemptions) or "[EXEMPTION NEEDED]"
            lines.append(
                f"{lead} is partially disclosed below; the remainder is exempt from disclosure under "
                f"{under}. {OFFICER_INFO}"
            )
        elif t == Treatment.WITHHELD:
            under = cite(refusal_exemptions) or "[EXEMPTION NEEDED]"
            lines.append(f"{lead} is exempt from disclosure under {under}.")
        elif t == Treatment.NCND:
            under = cite(q.ncnd) or form.ncnd_provision or OFFICER_NCND
            who = the_name(authority) if authority else "the [AUTHORITY]"
            who = f"For part {i} of the question, {who}" if parted else who[0].upper() + who[1:]
            lines.append(
                f"{who} can neither confirm nor deny that it holds the information by virtue of {under}."
            )
        elif t == Treatment.NOT_HELD:
            text = f"{lead} is not held." if not parted else f"{lead}: this information is not held."
            if form.not_held_exception in q.exemptions:  # EIR, EISR: the exception for information not held
                text = text[:-1] + f", and {form.not_held}."
            if q.pointers and Treatment.PUBLIC_DOMAIN not in treatments:
                text = (
                    text[:-1] + f"; under our {form.duty_to_assist} please visit this link for more "
                    f"information: {pointer_text(q.pointers)}"
                )
            lines.append(text)
        elif t == Treatment.COST_LIMIT:
            lines.append(form.cost_limit.format(lead=f"For part {i} of the question, to" if parted else "To"))
        elif t == Treatment.VEXATIOUS:
            lines.append(
                form.vexatious.format(lead=f"For part {i} of the question, this" if parted else "This")
            )
    return lines


def _strip_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.I)


_TAKES_THE = re.compile(
    r"\b(?:Service|Office|Department|Authority|Commissioner|Commission|Executive|Agency|Board|Trust|Government|"
    r"Company|Museum|Gallery|Ombudsman|Regulator)(?:\s*\([^)]*\))?$|"
    r"^(?:Department|Ministry|Office)\b|"
    r"\b(?:University|College|Museum|Service|Office|Commission|Commissioner|Authority|Board|Agency|Executive|"
    r"Council|Borough) (?:of|for)\b"
)


def the_name(name: str) -> str:
    """An authority as a sentence names it: 'the Metropolitan Police Service', 'the Home Office', 'the University
    of Cambridge', 'the Police Service of Northern Ireland', 'the Scottish Government', 'the National Archives'
    (whose own name begins with 'The'), but 'Police Scotland', 'West Midlands Police', 'Birmingham City
    Council'."""
    bare = _strip_the(name.strip())
    takes_the = bare != name.strip() or _TAKES_THE.search(bare)
    return f"the {bare}" if takes_the else bare


# --- reasons --------------------------------------------------------------------------------------

_REASON_START = re.compile(
    r"^(?:reasons? for (?:decision|refusal)|public interest test|evidence of harm|harm)\b", re.I
)
_REASON_END = re.compile(
    r"^(?:(?:disclosure|response|our response|answers?|complaint rights)\s*:?\s*$|"
    r"(?:complaint rights|your right to|are you unhappy|yours (?:sincerely|faithfully))\b)",
    re.I,
)
_LABEL_MENTION = re.compile(r"\b(?:the\s+)?(?:redefined\s+)?(?:Q|question\s?)(\d{1,2}[a-z]?)\b", re.I)


def precedent_reasons(letter: Letter) -> list[str]:
    """The reason-for-decision paragraphs of a precedent letter (harm, public interest test)."""
    lines = letter.text.split("\n")
    out: list[str] = []
    inside = False
    for line in lines:
        s = line.strip()
        if not inside and _REASON_START.match(s):
            inside = True
            if re.fullmatch(r"reasons? for (?:decision|refusal)\s*:?", s, re.I):
                continue
        elif inside and _REASON_END.match(s):
            break
        if inside and s:
            out.append(s)
    return out


def adapt_reasons(paragraphs: list[str], label_map: dict[str, str]) -> list[str]:
    """Rename the precedent's question labels to this request's ('Q6' -> 'Q4'); others become neutral."""

    def sub(m: re.Match) -> str:
        new = label_map.get(m.group(1).lower())
        return new if new else "the question"

    return [_LABEL_MENTION.sub(sub, p) for p in paragraphs]


def about_the_plan(paragraphs: list[str], planned: set[str]) -> list[str]:
    """The precedent's reason paragraphs without those that argue only exemptions this plan does not rely on
    (a precedent letter often refused other questions on other grounds); paragraphs citing none are kept."""
    heads = {section_of(e) for e in planned}
    out = []
    for p in paragraphs:
        cited = {section_of(c.text) for c in find_citations(p) if c.is_exemption}
        if cited and not cited & heads:
            continue
        out.append(p)
    return out


def reasons_block(plan: Plan, index: PrecedentIndex) -> list[str]:
    """Reasons for every refusal in the plan, adapted from the precedent letters the index holds."""
    refusing = [
        q for q in plan.questions if q.drafted and set(q.treatments) & REFUSING - {Treatment.COST_LIMIT}
    ]
    if not refusing:
        return []
    law = "the Regulations require" if letter_form(plan).regime in REGULATIONS else "the Act requires"
    out: list[str] = []
    used: set[str] = set()
    for q in refusing:
        sources = [p for p in q.sources if set(p.treatments) & set(q.treatments) & REFUSING] or q.sources
        src = sources[0] if sources else None
        paragraphs: list[str] = []
        if src is not None and src.reference not in used:
            try:
                letter = index.letter(src.reference)
            except KeyError:  # a precedent whose letter the index no longer holds: fall back to a placeholder
                letter = None
            if letter is not None:
                label_map = {}
                for other in plan.questions:
                    for p in other.sources:
                        if p.reference == src.reference:
                            label_map.setdefault(re.sub(r"^q", "", p.label.lower()), other.label)
                planned = {e for r in refusing for e in r.exemptions}
                paragraphs = adapt_reasons(about_the_plan(precedent_reasons(letter), planned), label_map)
                used.add(src.reference)
        elif src is not None and src.reference in used:
            continue
        if paragraphs:
            out.append(f"[Adapted from the reasons given in ({src.reference}); check they fit this request.]")
            out.extend(paragraphs)
        else:
            cited = cite(q.exemptions) or "the exemption"
            verb = "apply" if len(q.exemptions) > 1 else "applies"
            out.append(
                f"[REASONS NEEDED for {q.label}: the officer must say why {cited} {verb} to this "
                f"information, with the test {law} for it.]"
            )
            if src is not None and src.answer:
                # the sentence carrying the precedent's treatment, the one citing a planned exemption first, as the
                # checker quotes it: not the letterhead of a letter read whole as one answer
                quote = quote_answer(src.answer, src.treatments, exemptions=q.exemptions)
                out.append(precedent_quote(src.reference, src.label, quote))
    return out


# --- the letter -----------------------------------------------------------------------------------


#: the decision line of a letter none of whose answers is decided (each question carries its own marker)
UNDECIDED_LETTER = (
    "[DECISION NEEDED: no answer below is decided yet (see the plan); state the decision on the request here "
    "once they are.]"
)


#: the line under the decision of a letter some of whose answers are not decided: the decision covers only the rest
PARTLY_UNDECIDED_LETTER = (
    "[DECISION NEEDED: some answers below are not decided yet (see the plan); this decision covers only the others "
    "until they are.]"
)


def decision_lines(plan: Plan) -> list[str]:
    """The letter's decision on the request: on the answers it gives, and a marker where some or all are not given."""
    drafted = [q.drafted for q in plan.questions]
    if not any(drafted):  # nothing below is decided: the letter must not say it has decided to disclose
        return [UNDECIDED_LETTER]
    lines = _decision_lines(plan)
    return lines if all(drafted) else [*lines, PARTLY_UNDECIDED_LETTER]


def _decision_lines(plan: Plan) -> list[str]:
    """The decision on the answers the letter gives (at least one)."""
    form = letter_form(plan)
    all_t = [set(q.treatments) for q in plan.questions if q.drafted]
    refusing = any(t & REFUSING for t in all_t)
    opening = any(t & _OPEN for t in all_t)
    if not refusing:
        return ["I have today decided to disclose the information held, as set out below."]
    lead = (
        "I have today decided to disclose some of the requested information. Some data has been withheld as it "
        "is exempt from disclosure and therefore "
        if opening
        else "I have today decided not to disclose the requested information. Therefore "
    )
    exemptions = list(
        dict.fromkeys(
            e for q in plan.questions if q.drafted for e in q.exemptions if not form.is_accessible(e)
        )
    )
    own_lines = [
        line
        for treatment, line in (
            (Treatment.COST_LIMIT, form.cost_line),
            (Treatment.VEXATIOUS, form.vexatious_line),
        )
        if line and any(treatment in t for t in all_t)
    ]
    # a cost or vexatious refusal has its own line: the same section read as a precedent's exemption ("s12") is
    # not listed again above it
    covered = {section_of(e) for line in own_lines for e in normalise_exemptions(line)}
    lines = [lead + form.refusal_notice]
    lines.extend(exemption_line(e, form.regime) for e in exemptions if section_of(e) not in covered)
    lines.extend(own_lines)
    if len(lines) == 1:
        lines.append("[EXEMPTION NEEDED]")
    return lines


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def precedent_letter(
    request: Request,
    plan: Plan,
    index=None,
    authority: str | None = None,
    answers: dict[str, list[str]] | None = None,
    reasons: list[str] | None = None,
) -> str:
    """The whole precedent-only draft; ``answers`` (label -> lines) and ``reasons`` replace the precedent
    wording where given (the sections a model wrote)."""
    body = authority or plan.authority
    form = letter_form(plan)
    answers = answers or {}
    quoted = quoted_questions(request, plan)
    out = [REFERENCE_LINE, "", request.requester.salutation, "", REQUEST_HEADER]
    out.extend(f"{q.label} - {quoted[q.label]}" for q in plan.questions)
    out.append("")
    out.extend(decision_lines(plan))
    if reasons is None:
        reasons = reasons_block(plan, index)
    if reasons:
        out.extend(["", REASONS_HEADER, *reasons])
    out.extend(["", DISCLOSURE_HEADER])
    for q in plan.questions:
        out.append(f"{q.label} - {quoted[q.label]}")
        out.extend(answers.get(q.label) or answer_lines(q, body, form))
    out.extend(["", complaint_rights(body, form)])
    return "\n".join(out) + "\n"


def quoted_questions(request: Request, plan: Plan) -> dict[str, str]:
    """Each planned question's words as the letter quotes them (label -> one line). A sub-question's text carries
    its parent's wording (what precedent is looked up by); the letter quotes the parent's wording once
    (croydon-foster-care-stats quoted Q3's three times, in Q3, Q3b and Q3c): a sub-question in its own words
    where its parent, or a part before it, is quoted above it, and with its parent's where neither is."""
    asked = {q.label: q for q in request.questions}
    full = {q.label: one_line(q.text) for q in plan.questions}
    out: dict[str, str] = {}
    shown: set[str] = set()  # the questions whose wording the letter has quoted so far
    for q in plan.questions:
        rq = asked.get(q.label)
        parent = rq.sub_of if rq is not None and rq.sub_of else _parent_label(q.label)
        own = ""
        if parent in shown:
            if rq is not None and rq.sub_of and rq.own_text.strip() and q.text == rq.text:
                own = one_line(rq.own_text)
            elif parent in full and full[q.label].startswith(full[parent] + " "):
                # questions an officer set keep the parent's wording the editor showed ('Q3b - <Q3's words> ...')
                own = full[q.label][len(full[parent]) :].strip()
        out[q.label] = own or full[q.label]
        if not own and parent:
            shown.add(parent)
        shown.add(q.label)
    return out


def _parent_label(label: str) -> str | None:
    """The question a part's label names as its parent: 'Q3b' -> 'Q3', 'Q3a(ii)' -> 'Q3a'; None for a question."""
    m = re.fullmatch(r"(Q\d{1,2}.*)(?:[a-z]|\((?:[ivx]{1,4}|[a-z])\)|\.\d{1,2})", label)
    return m.group(1) if m else None


def complaint_rights(authority: str | None, form: LetterForm = FOIA_FORM) -> str:
    """The regime's complaint route, naming the authority, or in its own voice when none is given ("require us to
    review our decision", "the way in which we have dealt")."""
    name = the_name(authority) if authority else None
    return form.complaint_rights.format(
        authority=name or "us",
        their="their" if name else "our",
        authority_has=f"{name} has" if name else "we have",
    )
