"""A letter composed from the sections a model wrote (prompts with ``output: sections``).

The model writes each answer and the reasons; Precedent assembles the letter around them (reference,
the questions restated, the decision and Section 17 notice, the exemption list, complaint rights). Each
model answer is parsed back with the letter parser and kept only when it says what the plan decided
(the same treatments, no exemption or pointer the plan lacks, every planned pointer named); otherwise
that question gets the precedent wording, and the result says which and why. Questions that need the
officer's decision (no precedent, or split) always get the precedent wording with its marker: the model never
decides them; where only one precedent answers, the model may word the answer under the marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi_precedent.consistency.flags import describe_treatments, pointer_matches, statutory_flags
from foi_precedent.drafting.letter import (
    FORMS,
    OFFICER_SLOTS,
    answer_lines,
    decision_marker,
    letter_form,
    one_line,
    precedent_letter,
    reasons_block,
)
from foi_precedent.drafting.plan import Plan, QuestionPlan
from foi_precedent.drafting.request import Request
from foi_precedent.errors import LetterError
from foi_precedent.letters.exemptions import citation_parts, find_citations
from foi_precedent.letters.header import REGIME_NAMES
from foi_precedent.letters.layout import _CLOSING, _DECISION, _REQUEST_START, _RESPONSE_START, _label_of
from foi_precedent.letters.model import Letter, Question, Treatment
from foi_precedent.letters.parser import parse_draft

MODEL = "model"
PRECEDENT = "precedent"
_NONE = re.compile(r"^\W*(?:none|n/?a|not applicable|nothing (?:is )?withheld)\W*$", re.I)
_PREAMBLE_LABEL = re.compile(
    r"^\s*(?:Q\d{1,2}[a-z]?|Question\s*\d{1,2}[a-z]?|\d{1,2}[a-z]?[.)])\s*[-:.)–]?\s*", re.I
)
_MAX_ANSWER_CHARS = 1500
_MAX_REASONS_CHARS = 4000


@dataclass
class Sections:
    """What the model wrote, by section: ``reasons`` (None when it wrote none) and label -> answer."""

    reasons: str | None
    answers: dict[str, str]
    stray: list[str] = field(default_factory=list)  # headings the plan does not have
    # sections whose text was the prompt written back (dropped)
    echoed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.answers and not self.reasons


REASONS = "REASONS"


def _heading(labels: list[str]) -> re.Pattern:
    names = sorted([re.escape(label) for label in labels] + ["REASONS?"], key=len, reverse=True)
    return re.compile(
        r"^\s*[#*_ ]*(?P<name>" + "|".join(names) + r"|Q\d{1,2}[a-z]?)\b[*_ ]*\s*[:.\-–]\s*[*_]*\s*"
        r"(?P<rest>.*)$",
        re.I,
    )


def parse_sections(text: str, labels: list[str]) -> Sections:
    """Split the model's text at ``REASONS:`` and ``Q1:`` style headings (bold or # tolerated)."""
    known = {label.lower(): label for label in labels}
    heading = _heading(labels)
    current: str | None = None
    parts: dict[str, list[str]] = {}
    stray: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        m = heading.match(line)
        if m:
            name = m.group("name").lower()
            if name.startswith("reason"):
                current = "reasons"
            elif name in known:
                current = known[name]
            else:
                stray.append(m.group("name"))
                current = None
            if current is not None and current in parts:  # a second heading of the same name: keep the first
                current = None
            if current is not None:
                parts[current] = [m.group("rest")]
            continue
        if current is not None:
            parts[current].append(line)
    reasons = "\n".join(parts.pop("reasons", [])).strip()
    if not reasons or _NONE.match(reasons):
        reasons = None
    answers = {label: "\n".join(lines).strip() for label, lines in parts.items()}
    return Sections(
        reasons=reasons[:_MAX_REASONS_CHARS] if reasons else None,
        answers={k: v for k, v in answers.items() if v},
        stray=stray,
    )


def section_text(raw: str, section: str) -> str | None:
    """What one call wrote for ``section`` ("Q3" or "REASONS"): its own heading, code fences and anything after
    a heading for another section are dropped."""
    raw = re.sub(r"^```[a-z]*\s*$", "", raw.replace("\r", ""), flags=re.M)
    first = next((line for line in raw.split("\n") if line.strip()), "")
    m = _heading([section]).match(first)
    if not (
        m
        and (
            m.group("name").lower() == section.lower()
            or (section == REASONS and m.group("name").lower().startswith("reason"))
        )
    ):
        raw = f"{section}:\n{raw}"
    got = parse_sections(raw, [] if section == REASONS else [section])
    return got.reasons if section == REASONS else got.answers.get(section)


def answer_text(raw: str) -> list[str] | None:
    """The answer's lines, none of which the parser can mistake for a question or a heading, or None.

    Parts joined on one line (' / ', as the plan shows required answers) go on lines of their own, because the
    parser reads an answer's parts line by line; a decision marker the model copied is dropped (Precedent adds
    its own)."""
    lines: list[str] = []
    for n, line in enumerate(raw.replace("**", "").split("\n")):
        line = one_line(line)
        if n == 0:
            line = _PREAMBLE_LABEL.sub("", line, count=1).strip()
        if not line:
            continue
        if _CLOSING.match(line):
            break  # a sign-off or complaint-rights text: Precedent adds its own
        lines.extend(
            p.strip()
            for p in re.split(r"\s+/\s+", line)
            if p.strip() and not p.strip().startswith("[DECISION NEEDED")
        )  # Precedent adds its markers
    text = " ".join(lines)
    if len(text) < 3 or len(text) > _MAX_ANSWER_CHARS:
        return None
    if any(
        _label_of(line) or _RESPONSE_START.match(line) or _DECISION.match(line) or _REQUEST_START.match(line)
        for line in lines
    ):
        return None
    return lines


def reasons_lines(raw: str) -> list[str]:
    out = []
    for p in raw.replace("**", "").split("\n"):
        p = one_line(p)
        if p and _CLOSING.match(p):
            break
        if p and not (
            _label_of(p) or _RESPONSE_START.match(p) or _DECISION.match(p) or _REQUEST_START.match(p)
        ):
            out.append(p)
    if out and not re.search(r"[.!?:][\"')\]]?$", out[-1]):  # cut off by the output budget: end at a sentence
        end = max(out[-1].rfind(". "), out[-1].rfind("? "), out[-1].rfind("! "))
        out[-1] = out[-1][: end + 1] if end > 0 else ""
        out = [line for line in out if line]
    return out


#: reasons that end by weighing the public interest towards disclosure (the plan withholds)
_ARGUES_FOR_DISCLOSURE = re.compile(
    r"(?:balance|public interest)\b[^.]{0,60}?\b(?:is|lies|falls|rests)\s+(?:\w+\s+)?in\s+favou?r\s+of\s+"
    r"(?:the\s+)?(?:disclosure|disclosing|release|releasing)"
    r"|(?:balance|public interest)\b[^.]{0,40}?\bfavou?rs\s+(?:the\s+)?(?:disclosure|disclosing|release|releasing)",
    re.I,
)


def dropped_slots(lines: list[str], required: list[str]) -> list[str]:
    """The officer's slots (``letter.OFFICER_SLOTS``: the information, a cost estimate, a link, an NCND provision)
    that the precedent wording of an answer has and the model's answer does not: the model has put something of its
    own where only the officer's facts can go (a small model wrote a council's "investigations into dog fouling"
    where the figures asked for belong)."""
    wrote, wanted = " ".join(lines), " ".join(required)
    return [slot for slot in OFFICER_SLOTS if slot in wanted and slot not in wrote]


# A reply under the Scottish EIRs names FOISA rightly (s39(2) sends the request to the Regulations, s47 is the appeal
# reg 17 applies) and calls its own Regulations "the EIRs"; only the English Regulations by name are another law.
_NAMED_IN_EISR: dict[str, re.Pattern[str] | None] = {
    "FOISA": None,
    "EIR": re.compile(
        r"environmental information regulations|\bICO\b|information commissioner's office", re.I
    ),
}


def wrong_act(text: str, plan: Plan, allowed: str = "") -> str | None:
    """The Act the model named that the reply is not under ('the Freedom of Information Act 2000' in a Scottish
    reply), or None. Acts the precedent wording itself names (``allowed``) do not count: an EIR 'not held'
    answer names the EIR in any reply."""
    form = letter_form(plan)
    for regime, pattern in REGIME_NAMES.items():
        if form.regime == "EISR" and regime.value in _NAMED_IN_EISR:
            if _NAMED_IN_EISR[regime.value] is None:
                continue
            pattern = _NAMED_IN_EISR[regime.value]
        if regime.value != form.regime and pattern.search(text) and not pattern.search(allowed):
            return f"the model wrote {FORMS[regime.value].act} into its {{part}}, but the reply is under {form.act}"
    return None


def reasons_problem(text: str, plan: Plan, allowed: str = "") -> str | None:
    """Why the model's reasons cannot stand in the letter, or None when they can: they must be long enough to
    be reasons, name a section the plan relies on, cite no exemption the plan does not have (the model may not
    decide one), and not argue for the disclosure the plan refuses."""
    sections = {parts[1] for e in plan.exemptions if (parts := citation_parts(e))}
    named = {parts[1] for c in find_citations(text) if (parts := citation_parts(c.text))}
    if len(text) < 80 or not sections & named:
        return "the model's reasons name none of the planned exemptions"
    extra = list(
        dict.fromkeys(
            c.text for c in find_citations(text) if c.is_exemption and not _covered(c.text, plan.exemptions)
        )
    )
    if extra:
        return f"the model's reasons cite {', '.join(extra)}, which the plan does not"
    if _ARGUES_FOR_DISCLOSURE.search(text):
        return "the model's reasons argue for disclosure, which the plan refuses"
    if act := wrong_act(text, plan, allowed):
        return act.replace("{part}", "reasons")
    return None


def _covered(exemption: str, planned: tuple[str, ...]) -> bool:
    return any(
        exemption == p or p.startswith(exemption + "(") or exemption.startswith(p + "(") for p in planned
    )


def departure(dq: Question, q: QuestionPlan) -> str | None:
    """Why the draft's answer does not say what the plan decided, or None when it does."""
    want = set(q.treatments) - {Treatment.OTHER}
    got = set(dq.treatments) - {Treatment.OTHER}
    if got != want:
        return (
            f"the answer {describe_treatments(tuple(dq.treatments), dq.pointers)} where precedent "
            f"{describe_treatments(tuple(q.treatments), q.pointers)}"
        )
    extra = [e for e in dq.exemptions if not _covered(e, q.exemptions)]
    if extra:
        return f"it cites {', '.join(extra)}, which the plan does not"
    missing = [e for e in q.exemptions if not _covered(e, tuple(dq.exemptions))]
    if missing:
        return f"it does not cite {', '.join(missing)}"
    planned = {p.key for p in q.pointers}
    added = [p.name for p in dq.pointers if not pointer_matches(p.key, planned)]
    if added:
        return f"it points to {', '.join(added)}, which the plan does not"
    drafted = {p.key for p in dq.pointers}
    dropped = [p.name for p in q.pointers if not pointer_matches(p.key, drafted)]
    if dropped:
        return f"it does not name {', '.join(dropped)}"
    return None


@dataclass
class Composition:
    text: str
    letter: Letter
    answers: dict[str, str]  # label -> "model" or "precedent: why"
    reasons: (
        str  # "model", "none" (nothing refused), or "precedent" / "precedent: why the model's were not kept"
    )
    written: dict[str, str] = field(
        default_factory=dict
    )  # what the model wrote, by section, before any check

    @property
    def model_labels(self) -> list[str]:
        return [label for label, how in self.answers.items() if how == MODEL]

    def to_dict(self) -> dict:
        return {"reasons": self.reasons, "answers": dict(self.answers), "written": dict(self.written)}

    def summary(self) -> str:
        kept = self.model_labels
        replaced = [
            f"{label} ({how.removeprefix(PRECEDENT + ': ')})"
            for label, how in self.answers.items()
            if how != MODEL
        ]
        out = f"The model wrote {', '.join(kept) if kept else 'no answer that follows the plan'}"
        if self.reasons == MODEL:
            out += " and the reasons"
        if replaced:
            out += "; precedent wording used for " + "; ".join(replaced)
        if self.reasons.startswith(PRECEDENT + ": "):
            out += "; the precedent's reasons are used (" + self.reasons.removeprefix(PRECEDENT + ": ") + ")"
        return out + "."


#: Letter-level statutory elements (FOIA s17) a model's sections must not take away from the precedent letter.
STATUTORY_ELEMENTS = {
    "refusal_notice": "Section 17 refusal notice",
    "harm_statement": "harm statement",
    "public_interest_test": "public interest test",
    "complaint_rights": "complaint-rights block",
}


def lost_elements(baseline: Letter, letter: Letter) -> list[str]:
    """The statutory elements the precedent-only letter has and ``letter`` does not (as the parser reads them,
    which is how the checker will judge the draft)."""
    return [
        name
        for attr, name in STATUTORY_ELEMENTS.items()
        if getattr(baseline, attr) and not getattr(letter, attr)
    ]


def new_statutory_flags(baseline: Letter, letter: Letter) -> list[str]:
    """The checker's statutory flags on ``letter`` that the precedent-only letter does not raise (messages)."""
    before = {(f.kind, f.label) for f in statutory_flags(baseline)}
    return [f.message for f in statutory_flags(letter) if (f.kind, f.label) not in before]


def _signature(q: Question) -> tuple:
    return (
        frozenset(q.treatments) - {Treatment.OTHER},
        frozenset(q.exemptions),
        frozenset(p.key for p in q.pointers),
    )


def compose(
    sections: Sections,
    request: Request,
    plan: Plan,
    index=None,
    authority: str | None = None,
    personalise=lambda text: text,
) -> Composition:
    """The letter with every model section that follows the plan; the precedent wording elsewhere."""
    how: dict[str, str] = {}
    answers: dict[str, list[str]] = {}
    form, body = letter_form(plan), authority or plan.authority
    for q in plan.questions:
        raw = sections.answers.get(q.label)
        if not q.drafted:
            how[q.label] = f"{PRECEDENT}: the officer must decide this question"
        elif raw is None:
            wrote = "its prompt back" if q.label in sections.echoed else "no answer"
            how[q.label] = f"{PRECEDENT}: the model wrote {wrote}"
        elif (lines := answer_text(raw)) is None:
            how[q.label] = f"{PRECEDENT}: the model's answer was not usable as written"
        elif act := wrong_act(" ".join(lines), plan, " ".join(required := answer_lines(q, body, form))):
            how[q.label] = f"{PRECEDENT}: {act.replace('{part}', 'answer')}"
        elif left_out := dropped_slots(lines, required):
            how[q.label] = (
                f"{PRECEDENT}: the model's answer left out {', '.join(left_out)}, which only the officer can fill in"
            )
        else:
            # one precedent only: the model may word its answer, under the marker asking the officer to confirm
            answers[q.label] = [decision_marker(q), *lines] if q.needs_decision else lines
            how[q.label] = MODEL
    refuses = any(q.withholds for q in plan.questions)
    reasons = reasons_lines(sections.reasons) if (sections.reasons and refuses) else None
    wrote = "its prompt back" if REASONS in sections.echoed else "none"
    dropped = f"{PRECEDENT}: the model wrote {wrote}" if refuses and not reasons else PRECEDENT
    precedent_reasons = reasons_block(plan, index)  # read from the index once, used by every letter below
    if reasons and (problem := reasons_problem(" ".join(reasons), plan, " ".join(precedent_reasons))):
        reasons, dropped = None, f"{PRECEDENT}: {problem}"
    written = dict(sections.answers)
    if sections.reasons:
        written[REASONS] = sections.reasons

    baseline_text = personalise(precedent_letter(request, plan, index, authority, reasons=precedent_reasons))
    baseline = parse_draft(baseline_text, source="precedent-only draft")
    base = {q.label: _signature(q) for q in baseline.questions}

    def why_not(letter: Letter, q: QuestionPlan) -> str | None:
        try:
            dq = letter.question(q.label)
        except KeyError:
            return "it could not be read back"
        why = departure(dq, q)
        # The precedent wording is the reference when the parser reads the plan itself slightly differently.
        return None if why is None or _signature(dq) == base.get(q.label) else why

    def give_up(why: str) -> None:
        """Drop the model's reasons if it wrote any, else all its answers; ``why`` names the {part}."""
        nonlocal reasons, dropped, answers
        if reasons:
            reasons, dropped = None, f"{PRECEDENT}: {why.replace('{part}', 'reasons')}"
        else:
            for label in answers:
                how[label] = f"{PRECEDENT}: {why.replace('{part}', 'answers')}"
            answers = {}

    for _ in range(4):
        if not answers and not reasons:
            break
        text = personalise(
            precedent_letter(
                request,
                plan,
                index,
                authority,
                answers=answers,
                reasons=reasons if reasons is not None else precedent_reasons,
            )
        )
        try:
            letter = parse_draft(text, source="model draft")
        except LetterError:
            give_up("the letter could not be read back with the model's {part}")
            continue
        lost = lost_elements(baseline, letter)
        if lost:  # the precedent letter has these and the model's sections took them away
            give_up("with the model's {part} the letter would have no " + " and no ".join(lost))
            continue
        raised = new_statutory_flags(baseline, letter)
        if raised:  # e.g. a public interest test for an absolute exemption
            give_up("with the model's {part} the letter would be flagged: " + "; ".join(raised))
            continue
        drift = [
            q.label
            for q in plan.questions
            if q.label not in answers
            and q.label in base
            and (
                q.label not in {d.label for d in letter.questions}
                or _signature(letter.question(q.label)) != base[q.label]
            )
        ]
        if drift and reasons:  # the model's reasons changed how an answer it did not write reads
            reasons, dropped = None, f"{PRECEDENT}: the model's reasons changed how {', '.join(drift)} read"
            continue
        bad = {q.label: why for q in plan.questions if q.label in answers and (why := why_not(letter, q))}
        if not bad and not drift:
            return Composition(
                text=text,
                letter=letter,
                answers=how,
                reasons=MODEL if reasons else (dropped if refuses else "none"),
                written=written,
            )
        for label, why in bad.items():
            answers.pop(label)
            how[label] = f"{PRECEDENT}: the model's answer departed from the plan ({why})"
        if not bad:  # drift without model reasons: an answer changed how its neighbour reads
            for label in answers:
                how[label] = f"{PRECEDENT}: the model's answers changed how other answers read"
            answers = {}
    for label in answers:
        how[label] = f"{PRECEDENT}: the model's sections could not be fitted to the plan"
    return Composition(
        text=baseline_text,
        letter=baseline,
        answers=how,
        reasons=dropped if refuses else "none",
        written=written,
    )
