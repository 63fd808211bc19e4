"""What the model is shown for a draft: the plan, the precedent passages (trimmed to a token budget), the
opening and guide of each section, all laid out by the prompt's own data (``prompts/``); the requester's words
travel as data.

Pure over the plan, the index it reads passages from, and the prompt template.
"""

from __future__ import annotations

import re

from foi_precedent.drafting.compose import REASONS
from foi_precedent.drafting.letter import (
    FOIA_FORM,
    LetterForm,
    answer_lines,
    cite,
    complaint_rights,
    letter_form,
    one_line,
)
from foi_precedent.drafting.plan import Plan, QuestionPlan
from foi_precedent.drafting.prompts import PromptTemplate
from foi_precedent.drafting.request import Request
from foi_precedent.errors import ModelError, SetupError
from foi_precedent.letters.exemptions import rule_table_for
from foi_precedent.letters.model import WITHHOLDING
from foi_precedent.settings import Settings

CONTEXT_TOKENS = 4096  # the embedded server's n_ctx
MAX_OUTPUT_TOKENS = 1024
MAX_PROMPT_TOKENS = 2400  # keeps the first token of the 1.5B model on 2 cores near 20 s
SAFETY_TOKENS = 200  # the model's tokenizer is not cl100k_base: leave room for the difference


# --- tokens ---------------------------------------------------------------------------------------


class TokenCounter:
    """cl100k_base counts (tiktoken, offline cache under PRECEDENT_HOME); 4 characters a token if unavailable."""

    def __init__(self, settings: Settings | None = None):
        self.encoding = None
        try:
            import tiktoken

            from foi_precedent import assets

            if settings is not None:
                assets.activate_tiktoken(settings)
            self.encoding = tiktoken.get_encoding("cl100k_base")
        except (SetupError, OSError, ValueError, ImportError):
            self.encoding = None
        except Exception:  # tiktoken tried the network (no cache): count approximately
            self.encoding = None

    def count(self, text: str) -> int:
        if self.encoding is None:
            return (len(text) + 3) // 4
        return len(self.encoding.encode(text, disallowed_special=()))

    def trim(self, text: str, tokens: int) -> str:
        if tokens <= 0:
            return ""
        if self.encoding is None:
            return text[: tokens * 4]
        ids = self.encoding.encode(text, disallowed_special=())
        return text if len(ids) <= tokens else self.encoding.decode(ids[:tokens]).rstrip() + " [...]"


# --- the prompt -----------------------------------------------------------------------------------

_DATA_TAG = re.compile(r"</?\s*(request_data|precedent_data)\s*>", re.I)


def as_data(text: str) -> str:
    """Text placed between data delimiters cannot close them."""
    return _DATA_TAG.sub(lambda m: m.group(0).replace("<", "[").replace(">", "]"), text)


def required_answer(q: QuestionPlan, authority: str | None, form: LetterForm = FOIA_FORM) -> str:
    return " / ".join(answer_lines(q, authority, form))


def plan_text(plan: Plan, authority: str | None, template: PromptTemplate) -> str:
    """The plan as the model sees it, in the prompt's ``layout``. The requester's wording stays inside data
    delimiters."""

    def line(entry: str, **values: str) -> str:
        return template.part("layout", entry, **values)

    none = line("none")
    out = []
    form = letter_form(plan)
    for q in plan.questions:
        decision = ", ".join(t.value.replace("_", " ") for t in q.treatments) or none
        out.append(line("question", label=q.label, text=as_data(one_line(q.text))))
        if q.needs_decision:
            out.append(line("decision_needed", note=q.decision_note))
        out.append(line("decision", decision=decision, status=q.status, confidence=q.confidence))
        out.append(line("exemptions", exemptions=cite(q.exemptions) or none))
        out.append(
            line(
                "pointers",
                pointers="; ".join(p.name + (" " + p.url if p.url else "") for p in q.pointers) or none,
            )
        )
        out.append(line("required_answer", answer=required_answer(q, authority, form)))
    return "\n".join(out)


def precedent_passages(
    plan: Plan,
    index,
    counter: TokenCounter,
    budget: int,
    template: PromptTemplate,
    include_reasons: bool = True,
    include_second: bool = True,
) -> tuple[str, list[str]]:
    """Passages from the precedents behind each question, in the prompt's ``layout``, most useful first, trimmed
    to ``budget`` tokens ("" for none)."""
    from foi_precedent.drafting.letter import precedent_reasons

    first, second, reasons = [], [], []
    seen_letters: set[str] = set()
    for q in plan.questions:
        for n, p in enumerate(q.sources[: 2 if include_second else 1]):
            passage = template.part(
                "layout",
                "passage_dated" if p.date else "passage",
                reference=p.reference,
                label=p.label,
                date=p.date.isoformat() if p.date else "",
                question=one_line(p.question),
                answer=one_line(p.answer),
            )
            (first if n == 0 else second).append(passage)
            if (
                include_reasons
                and n == 0
                and q.withholds
                and p.reference not in seen_letters
                and set(p.treatments) & WITHHOLDING
            ):
                seen_letters.add(p.reference)
                try:
                    paragraphs = precedent_reasons(index.letter(p.reference))
                except Exception:  # the index may not hold the letter
                    paragraphs = []
                if paragraphs:
                    reasons.append(
                        template.part(
                            "layout", "reasons", reference=p.reference, paragraphs="\n".join(paragraphs)
                        )
                    )
    used: list[str] = []
    left = budget
    for passage in first + reasons + second:
        if left <= 20:
            break
        n = counter.count(passage)
        if n > left:
            passage = counter.trim(passage, left - 5)
            n = counter.count(passage)
        used.append(passage)
        left -= n + 2
    return as_data("\n\n".join(used)), used


def section_opening(plan: Plan, section: str | None, authority: str | None, template: PromptTemplate) -> str:
    """The words a section must begin with: the required answer, or the plan's exemptions for the reasons."""
    if section == REASONS:
        exemptions = plan.exemptions
        return template.opening("reasons_one" if len(exemptions) == 1 else "reasons_many", cite(exemptions))
    q = next((q for q in plan.questions if q.label == section), None)
    return required_answer(q, authority, letter_form(plan)) if q is not None else ""


def section_guide(plan: Plan, section: str | None, template: PromptTemplate) -> str:
    """What the section must go on to say, in the prompt's words (its ``guides``). For the reasons the choice
    follows the rule table, so a small model is never asked for a public interest test for an absolute exemption
    or a harm test for a class-based one."""
    if section != REASONS:
        return template.guide("answer")
    table = rule_table_for(letter_form(plan).regime)
    rules = [
        r for e in plan.exemptions if (r := table.rule_for(e)) is not None and not table.is_ncnd_subsection(e)
    ]
    ncnd = [e for e in plan.exemptions if table.is_ncnd_subsection(e)]
    keys = []
    if any(r.prejudice_based for r in rules):
        keys.append("harm")
    elif rules:
        keys.append("class_based")
    if ncnd:
        keys.append("ncnd")
    if any(r.qualified for r in rules) or ncnd:
        keys.append("public_interest")
    elif rules:
        keys.append("absolute")
    return " ".join(template.guide(k) for k in keys or ["no_exemption"])


def build_prompt(
    request: Request,
    plan: Plan,
    index,
    template: PromptTemplate,
    counter: TokenCounter,
    authority: str | None,
    max_output_tokens: int = MAX_OUTPUT_TOKENS,
    context_tokens: int = CONTEXT_TOKENS,
    max_prompt_tokens: int = MAX_PROMPT_TOKENS,
    section: str | None = None,
):
    """Messages, prompt tokens and the budget: precedent passages fill what the rest of the prompt leaves."""
    budget = min(context_tokens - max_output_tokens - SAFETY_TOKENS, max_prompt_tokens)
    values = {
        "authority": authority or "the public authority",
        "act": letter_form(plan).act,
        "request": as_data(request.text),
        "complaint_rights": complaint_rights(authority, letter_form(plan)),
        "labels": ", ".join(q.label for q in plan.questions),
        "section": section or "",
        "precedents": "",
    }
    if "plan" in template.variables:
        values["plan"] = plan_text(plan, authority, template)
    if "opening" in template.variables:
        values["opening"] = section_opening(plan, section, authority, template)
    if "guide" in template.variables:
        values["guide"] = section_guide(plan, section, template)
    values = {k: v for k, v in values.items() if k in template.variables}
    base = sum(counter.count(m["content"]) for m in template.render(**values)) + 8 * 2
    room = budget - base
    if room < 0:
        raise ModelError(
            f"the request and plan alone need {base} tokens, more than the {budget} the model's "
            "context leaves; use the precedent-only draft"
        )
    passages, _ = precedent_passages(
        plan,
        index,
        counter,
        room,
        template,
        include_reasons=section in (None, REASONS),
        include_second=section in (None, REASONS),
    )
    values["precedents"] = passages or template.part("layout", "no_precedent")
    messages = template.render(**values)
    prompt_tokens = sum(counter.count(m["content"]) for m in messages) + 8 * len(messages)
    return messages, prompt_tokens, budget
