"""Draft a reply: split the request, plan it from precedent, write it (model or precedent-only), check it.

The model writes prose; precedent decides. The draft goes through the checker before anyone sees it,
and anything the model added beyond the plan (an exemption, a pointer) is flagged ``beyond_plan``.
When the model endpoint is down, slow or answers with something that is not the planned letter,
the precedent-only draft is returned instead, with the reason.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from foi_precedent.consistency.checker import CheckResult, check_letter
from foi_precedent.consistency.flags import Evidence, Flag, pointer_matches
from foi_precedent.drafting.compose import REASONS, Composition, Sections, compose, section_text
from foi_precedent.drafting.letter import (
    FOIA_FORM,
    REFERENCE_LINE,
    LetterForm,
    answer_lines,
    cite,
    complaint_rights,
    letter_form,
    one_line,
    precedent_letter,
)
from foi_precedent.drafting.plan import DEFAULT_K, Plan, QuestionPlan, plan_request
from foi_precedent.drafting.prompts import PromptTemplate, load_prompt
from foi_precedent.drafting.request import Request, split_request
from foi_precedent.errors import LetterError, ModelError, PrecedentError, SetupError
from foi_precedent.letters.exemptions import rule_table_for, section_of
from foi_precedent.letters.model import WITHHOLDING, Letter, Question, Regime
from foi_precedent.letters.parser import parse_text
from foi_precedent.ports import ChatModel, IndexWrapper, PrecedentIndex
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT, Settings

PROMPT_NAME = DEFAULT_DRAFT_PROMPT
CONTEXT_TOKENS = 4096  # the embedded server's n_ctx
MAX_OUTPUT_TOKENS = 1024
MAX_PROMPT_TOKENS = 2400  # keeps the first token of the 1.5B model on 2 cores near 20 s
SAFETY_TOKENS = 200  # the model's tokenizer is not cl100k_base: leave room for the difference
PRECEDENT_ONLY = "precedent-only"
DRAFT_REFERENCE = "[REFERENCE]"
MODES = ("model", "precedent")
# Prompts with ``output: sections`` make one call per section: a short prompt each (the system message is shared,
# so a local server evaluates it once), and the first words appear after one answer's prompt, not the letter's.
# An answer needs its plan and its best precedent; the reasons need the refusing precedents' reasons. Measured
# with Qwen 1.5B on 2 cores (bench/RESULTS-drafting.md): each prompt token costs about 20 ms, each output token
# about 120 ms, so these budgets decide whether a 5-question draft fits in two minutes.
SECTION_PROMPT_TOKENS = {"answer": 700, REASONS: 900}
SECTION_OUTPUT_TOKENS = {"answer": 160, REASONS: 300}
# A section ends where a model would start the next one or sign off (it would only be cut away afterwards).
SECTION_STOP = ["\nQ", "\nREASONS", "\nYours", "\nComplaint"]


class DraftCancelled(PrecedentError):
    """The officer cancelled the draft while the model was writing."""


@dataclass
class DraftResult:
    draft: str
    request: Request
    plan: Plan
    letter: Letter | None
    check: CheckResult | None
    flags: tuple[Flag, ...]
    model: str
    prompt_version: str | None
    tokens: dict
    mode: str
    fallback_reason: str | None = None
    elapsed: float = 0.0
    model_note: str | None = None
    attempted_model: str | None = None  # the model that was asked, also when the draft fell back
    audit_id: int | None = None
    timings: dict = field(default_factory=dict)
    composition: Composition | None = None  # prompts with ``output: sections``: who wrote which part

    @property
    def questions(self) -> tuple[QuestionPlan, ...]:
        return self.plan.questions

    def to_dict(self) -> dict:
        """The JSON of ``precedent draft --json`` (a public interface)."""
        return {
            "draft": self.draft,
            "regime": letter_form(self.plan).regime,
            "questions": [{"label": q.label, "text": q.text, "plan": q.to_dict()} for q in self.plan.questions],
            "flags": [f.to_dict() for f in self.flags],
            "model": self.model,
            "model_note": self.model_note,
            "attempted_model": self.attempted_model,
            "prompt_version": self.prompt_version,
            "tokens": dict(self.tokens),
            "mode": self.mode,
            "fallback_reason": self.fallback_reason,
            "sections": self.composition.to_dict() if self.composition else None,
            "elapsed": round(self.elapsed, 3),
            "review_note": "This is a draft: an FOI officer must review it before it is sent.",
        }


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
        out.append(line("pointers", pointers="; ".join(p.name + (" " + p.url if p.url else "") for p in q.pointers)
                        or none))
        out.append(line("required_answer", answer=required_answer(q, authority, form)))
    return "\n".join(out)


def precedent_passages(plan: Plan, index, counter: TokenCounter, budget: int, template: PromptTemplate,
                       include_reasons: bool = True, include_second: bool = True) -> tuple[str, list[str]]:
    """Passages from the precedents behind each question, in the prompt's ``layout``, most useful first, trimmed
    to ``budget`` tokens ("" for none)."""
    from foi_precedent.drafting.letter import precedent_reasons

    first, second, reasons = [], [], []
    seen_letters: set[str] = set()
    for q in plan.questions:
        for n, p in enumerate(q.sources[:2 if include_second else 1]):
            passage = template.part("layout", "passage_dated" if p.date else "passage", reference=p.reference,
                                    label=p.label, date=p.date.isoformat() if p.date else "",
                                    question=one_line(p.question), answer=one_line(p.answer))
            (first if n == 0 else second).append(passage)
            if (include_reasons and n == 0 and q.withholds and p.reference not in seen_letters
                    and set(p.treatments) & WITHHOLDING):
                seen_letters.add(p.reference)
                try:
                    paragraphs = precedent_reasons(index.letter(p.reference))
                except Exception:  # the index may not hold the letter
                    paragraphs = []
                if paragraphs:
                    reasons.append(template.part("layout", "reasons", reference=p.reference,
                                                 paragraphs="\n".join(paragraphs)))
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
    rules = [r for e in plan.exemptions if (r := table.rule_for(e)) is not None and not table.is_ncnd_subsection(e)]
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


def build_prompt(request: Request, plan: Plan, index, template: PromptTemplate, counter: TokenCounter,
                 authority: str | None, max_output_tokens: int = MAX_OUTPUT_TOKENS,
                 context_tokens: int = CONTEXT_TOKENS, max_prompt_tokens: int = MAX_PROMPT_TOKENS,
                 section: str | None = None):
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
        raise ModelError(f"the request and plan alone need {base} tokens, more than the {budget} the model's "
                         "context leaves; use the precedent-only draft")
    passages, _ = precedent_passages(plan, index, counter, room, template,
                                     include_reasons=section in (None, REASONS),
                                     include_second=section in (None, REASONS))
    values["precedents"] = passages or template.part("layout", "no_precedent")
    messages = template.render(**values)
    prompt_tokens = sum(counter.count(m["content"]) for m in messages) + 8 * len(messages)
    return messages, prompt_tokens, budget


# --- reading the model's letter -------------------------------------------------------------------


def clean_model_output(text: str) -> str:
    """Drop chat preambles and code fences; start at the reference line when there is one."""
    text = re.sub(r"^```[a-z]*\s*$", "", text, flags=re.M).strip()
    m = re.search(r"freedom of information request reference no", text, re.I)
    if m:
        text = text[m.start():]
    elif text:
        text = REFERENCE_LINE + "\n\n" + text
    return text.strip() + "\n"


def parse_model_letter(text: str, plan: Plan) -> tuple[Letter | None, str | None]:
    """The parsed letter, or why it is not the planned letter (garbage, missing questions)."""
    if len(text.strip()) < 40:
        return None, "the model returned almost nothing"
    try:
        letter = parse_text(text, source="model draft")
    except LetterError as exc:
        return None, f"the model's text is not a letter ({exc.reason})"
    labels = {q.label.lower() for q in letter.questions}
    missing = [q.label for q in plan.questions if q.label.lower() not in labels]
    if missing:
        return None, f"the model's letter does not answer {', '.join(missing)}"
    unanswered = [q.label for q in plan.questions if not letter.question(q.label).answer.strip()]
    if unanswered:
        return None, f"the model's letter leaves {', '.join(unanswered)} unanswered"
    return letter, None


def _plan_evidence(q: QuestionPlan) -> tuple[Evidence, ...]:
    return tuple(Evidence(p.reference, p.label, p.date, one_line(p.answer)[:320]) for p in q.sources[:3])


def _covered(exemption: str, planned: tuple[str, ...]) -> bool:
    """'s31' is covered by a planned 's31(1)(a)'; 's31(1)(a)' by a planned 's31(1)(a)' or 's31'."""
    return any(exemption == p or p.startswith(exemption + "(") or exemption.startswith(p + "(") for p in planned)


def beyond_plan_flags(letter: Letter, plan: Plan) -> list[Flag]:
    """An exemption or pointer in the draft that the plan did not have: the model decided it on its own."""
    flags: list[Flag] = []
    planned_all = plan.exemptions
    seen: set[str] = set()
    for q in plan.questions:
        try:
            dq = letter.question(q.label)
        except KeyError:
            continue
        answer = one_line(dq.answer)[:400]
        for e in dq.exemptions:
            seen.add(e)
            if not _covered(e, q.exemptions):
                flags.append(Flag("beyond_plan", "high", q.label,
                                  f"The draft cites {e}, which the precedent plan for {q.label} does not "
                                  f"({cite(q.exemptions) or 'no exemption'}): a model may not decide an exemption.",
                                  answer, _plan_evidence(q)))
        planned_keys = {p.key for p in q.pointers}
        for p in dq.pointers:
            if not pointer_matches(p.key, planned_keys):
                flags.append(Flag("beyond_plan", "medium", q.label,
                                  f"The draft points to '{p.name}', which the precedent plan for {q.label} does not.",
                                  answer, _plan_evidence(q)))
    # In the letter at large (its reasons) only another section counts: reasons name other subsections of the
    # sections they apply ("the bodies listed in Section 23(3)" beside s23(5)).
    planned_sections = {section_of(e) for e in planned_all}
    extra = [e for e in letter.exemptions if e not in seen and not _covered(e, planned_all)
             and section_of(e) not in planned_sections]
    if extra and plan.questions:
        first = plan.questions[0]
        flags.append(Flag("beyond_plan", "high", first.label,
                          f"The letter cites {', '.join(extra)}, which no question of the precedent plan relies on.",
                          one_line(letter.text)[:400], _plan_evidence(first)))
    return flags


class _OneDraftIndex(IndexWrapper):
    """The index as one draft sees it: the checker repeats the plan's searches (same questions, same k, and only
    the draft's own placeholder reference excluded), so their results are reused instead of embedded again."""

    def __init__(self, index):
        super().__init__(index)
        self._memo: dict[tuple, list[list]] = {}

    def search_many(self, queries, k=10, authority=None, exclude_references=(), **kw):
        if kw:
            return self._index.search_many(queries, k=k, authority=authority, exclude_references=exclude_references,
                                           **kw)
        key = (tuple(queries), k, authority)
        excluded = set(exclude_references)
        cached = self._memo.get(key)
        if cached is not None and not any(p.reference in excluded for hits in cached for p in hits):
            return [list(hits) for hits in cached]
        hits = self._index.search_many(queries, k=k, authority=authority, exclude_references=exclude_references)
        if not excluded:
            self._memo[key] = [list(h) for h in hits]
        return hits


def request_letter(request: Request) -> Letter:
    """The request as a ``Letter`` the checker can read (its wording is used to look precedent up)."""
    return Letter(reference="request", authority=None, date=None, regime=Regime(request.regime or "FOIA"),
                  questions=tuple(Question(q.label, q.text, "") for q in request.questions), text=request.text)


# --- calling the model ----------------------------------------------------------------------------


def _stream(chat_model, messages, max_tokens, temperature, timeout_s, cancel, on_token, timings,
            stop: list[str] | None = None) -> str:
    """One streamed call; the first token's time is recorded once per draft."""
    pieces: list[str] = []
    t0 = time.monotonic()
    extra = {"stop": stop} if stop else {}
    for piece in chat_model.stream(messages, max_tokens=max_tokens, temperature=temperature, timeout_s=timeout_s,
                                   cancel=cancel, **extra):
        if cancel is not None and cancel.is_set():
            break
        if "first_token" not in timings:
            timings["first_token"] = time.monotonic() - timings.get("_started", t0)
        pieces.append(piece)
        if on_token is not None:
            on_token(piece)
    if cancel is not None and cancel.is_set():
        raise DraftCancelled("the draft was cancelled")
    timings["model"] = timings.get("model", 0.0) + time.monotonic() - t0
    return "".join(pieces)


def section_jobs(plan: Plan) -> list[tuple[str, Plan]]:
    """The sections a model writes, answers first (the officer sees words soonest), then the reasons. A question
    that needs the officer's decision (no precedent, or split) gets no call: the model never decides it."""
    jobs = [(q.label, Plan((q,), plan.authority)) for q in plan.questions
            if not (q.needs_decision and q.status != "thin")]
    refusing = [q for q in plan.questions if q.withholds and not (q.needs_decision and q.status != "thin")]
    if refusing:
        jobs.append((REASONS, Plan(tuple(refusing), plan.authority)))
    return jobs


def write_sections(request: Request, plan: Plan, index, template: PromptTemplate, counter: TokenCounter,
                   authority: str | None, chat_model, tokens: dict, timings: dict, *, cancel=None, on_token=None,
                   temperature: float = 0.2, timeout_s: float = 120.0,
                   context_tokens: int = CONTEXT_TOKENS) -> tuple[Sections, str | None]:
    """One call per section. A model error before any section is written propagates (the draft falls back);
    after one, the sections written so far are kept and the problem is returned."""
    sections = Sections(reasons=None, answers={})
    tokens.update(prompt=0, completion=0, calls=0, budget=0)
    jobs = section_jobs(plan)
    if not jobs:
        return sections, ("every question needs the officer's decision (no precedent, or precedent split), so the "
                          "model was not asked to write")
    timings["_started"] = time.monotonic()
    try:
        for n, (section, sub_plan) in enumerate(jobs):
            if cancel is not None and cancel.is_set():
                raise DraftCancelled("the draft was cancelled")
            kind = REASONS if section == REASONS else "answer"
            out_tokens = SECTION_OUTPUT_TOKENS[kind]
            try:
                messages, prompt_tokens, budget = build_prompt(
                    request, sub_plan, index, template, counter, authority, out_tokens, context_tokens,
                    SECTION_PROMPT_TOKENS[kind], section=section)
                if on_token is not None:
                    on_token(("\n\n" if n else "") + f"{section}:\n")
                t0 = time.monotonic()
                raw = _stream(chat_model, messages, out_tokens, temperature, timeout_s, cancel, on_token, timings,
                              stop=SECTION_STOP)
                timings.setdefault("sections", {})[section] = {
                    "seconds": round(time.monotonic() - t0, 2), "prompt_tokens": prompt_tokens,
                    "completion_tokens": counter.count(raw)}
            except ModelError as exc:
                if sections.empty:
                    raise
                return sections, f"{section}: {exc}"
            tokens["prompt"] += prompt_tokens
            tokens["completion"] += counter.count(raw)
            tokens["calls"] += 1
            tokens["budget"] = max(tokens["budget"], budget)
            written = section_text(raw, section)
            if section == REASONS:
                sections.reasons = written
            elif written:
                sections.answers[section] = written
        return sections, None
    finally:
        timings.pop("_started", None)


# --- the use case ---------------------------------------------------------------------------------


def _personalise(text: str, request: Request) -> str:
    if request.requester.name:
        text = re.sub(r"^Dear (?:\[NAME\]|Requester)\s*,?\s*$", request.requester.salutation, text, count=1,
                      flags=re.M)
    return text


@dataclass(frozen=True)
class DraftLimits:
    """How much a draft may ask of the model: its plan's search depth, output and prompt budgets, temperature and
    time (``timeout_s`` None: the settings' ``llm_timeout_s``)."""

    k: int = DEFAULT_K
    max_tokens: int = MAX_OUTPUT_TOKENS
    temperature: float = 0.2
    timeout_s: float | None = None
    context_tokens: int = CONTEXT_TOKENS
    max_prompt_tokens: int = MAX_PROMPT_TOKENS


def draft_reply(request_text: str | Request, index: PrecedentIndex, chat_model: ChatModel | None = None, *,
                mode: str = "model", authority: str | None = None, prompt: str = PROMPT_NAME,
                cancel: threading.Event | None = None, on_token: Callable[[str], None] | None = None,
                audit=None, settings: Settings | None = None, limits: DraftLimits | None = None,
                source: str = "request") -> DraftResult:
    """Draft a reply to ``request_text`` from the precedent in ``index``; see the module docstring. The chat
    model and the audit log come from the caller (``services.Services``): a model draft without a model is the
    precedent-only draft with that reason, and a draft is recorded only in the ``audit`` log given."""
    if mode not in MODES:
        raise PrecedentError(f"unknown draft mode {mode!r} (use {' or '.join(MODES)})")
    settings = settings or Settings.from_env()
    limits = limits or DraftLimits()
    k, max_tokens, temperature, context_tokens = limits.k, limits.max_tokens, limits.temperature, limits.context_tokens
    timeout_s = limits.timeout_s or settings.llm_timeout_s
    started = time.monotonic()
    timings: dict[str, float] = {}
    index = _OneDraftIndex(index)
    request = request_text if isinstance(request_text, Request) else split_request(request_text, source=source)
    plan = plan_request(request, index, authority=authority, k=k)
    timings["plan"] = time.monotonic() - started

    template = load_prompt(prompt)
    tokens = {"prompt": 0, "completion": 0, "budget": 0}
    model_name, model_note, prompt_version = PRECEDENT_ONLY, None, None
    fallback_reason: str | None = None
    text: str | None = None
    letter: Letter | None = None
    composition: Composition | None = None

    if mode == "model":
        if cancel is not None and cancel.is_set():
            raise DraftCancelled("the draft was cancelled")
        try:
            if chat_model is None:
                raise ModelError("no chat model was given")
            model_name = chat_model.name
            model_note = getattr(chat_model, "note", None)
            prompt_version = template.prompt_version
            counter = TokenCounter(settings)
            if template.output == "sections":
                sections, model_problem = write_sections(
                    request, plan, index, template, counter, authority, chat_model, tokens, timings,
                    cancel=cancel, on_token=on_token, temperature=temperature, timeout_s=timeout_s,
                    context_tokens=context_tokens)
                if sections.empty:
                    problem = model_problem or "the model wrote none of the sections asked for"
                else:
                    composition = compose(sections, request, plan, index, authority,
                                          personalise=lambda t: _personalise(t, request))
                    text, letter = composition.text, composition.letter
                    # reasons alone are no draft: a model that could not write one planned answer is not trusted
                    problem = None if composition.model_labels else composition.summary().rstrip(".")
                    if model_problem:
                        model_note = " ".join(filter(None, [model_note, f"The model stopped: {model_problem}."]))
            else:
                messages, tokens["prompt"], tokens["budget"] = build_prompt(
                    request, plan, index, template, counter, authority, max_tokens, context_tokens,
                    limits.max_prompt_tokens)
                tokens["max_output"] = max_tokens
                raw = _stream(chat_model, messages, max_tokens, temperature, timeout_s, cancel, on_token, timings)
                tokens["completion"] = counter.count(raw)
                text = _personalise(clean_model_output(raw), request)
                letter, problem = parse_model_letter(text, plan)
            if problem:
                fallback_reason = f"{model_name}: {problem}; showing the precedent-only draft instead"
        except (ModelError, SetupError) as exc:
            fallback_reason = f"{model_name}: {exc}; showing the precedent-only draft instead"
        if fallback_reason:
            text, letter, composition = None, None, None

    if text is None:
        text = _personalise(precedent_letter(request, plan, index, authority), request)
        letter = parse_text(text, source="precedent-only draft")
        if mode == "precedent":
            model_name = PRECEDENT_ONLY
    assert letter is not None
    # The draft's own reference is a placeholder; a precedent reference quoted in it must not become its
    # identity (the checker never counts a letter as its own precedent).
    letter = dataclasses.replace(letter, reference=DRAFT_REFERENCE)

    check = check_letter(letter, index, authority=authority, request=request_letter(request), k=k)
    flags = list(check.flags)
    # also on precedent-only letters: reasons adapted from a precedent letter may carry its other grounds
    flags.extend(beyond_plan_flags(letter, plan))
    order = {q.label: i for i, q in enumerate(plan.questions)}
    flags.sort(key=lambda f: (order.get(f.label, len(order)), f.sort_key))
    elapsed = time.monotonic() - started
    result = DraftResult(
        draft=text, request=request, plan=plan, letter=letter, check=check, flags=tuple(flags),
        model=model_name if not fallback_reason else PRECEDENT_ONLY, attempted_model=model_name,
        prompt_version=prompt_version, tokens=tokens, mode=mode, fallback_reason=fallback_reason,
        elapsed=elapsed, model_note=model_note, timings=timings, composition=composition,
    )
    if audit is not None and audit is not False:
        result.audit_id = audit.record_draft(
            request_text=request.text, mode=mode, model=result.model, prompt_version=prompt_version,
            consensus=plan.consensus, flags=result.flags, tokens=tokens, fallback_reason=fallback_reason)
    return result
