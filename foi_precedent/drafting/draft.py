"""Draft a reply: split the request, plan it from precedent, write it (model or precedent-only), check it.

What the model is shown is built in ``prompting``; what it wrote is read back in ``readback`` and ``compose``.

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
from foi_precedent.consistency.flags import Flag
from foi_precedent.drafting.compose import REASONS, Composition, Sections, compose, section_text
from foi_precedent.drafting.letter import (
    letter_form,
    precedent_letter,
)
from foi_precedent.drafting.plan import DEFAULT_K, Plan, QuestionPlan, plan_request
from foi_precedent.drafting.prompting import (
    CONTEXT_TOKENS,
    MAX_OUTPUT_TOKENS,
    MAX_PROMPT_TOKENS,
    TokenCounter,
    build_prompt,
    plan_text,
    required_answer,
    section_guide,
    section_opening,
)
from foi_precedent.drafting.prompts import PromptTemplate, load_prompt
from foi_precedent.drafting.readback import (
    beyond_plan_flags,
    clean_model_output,
    parse_model_letter,
)
from foi_precedent.drafting.request import Request, split_request
from foi_precedent.errors import ModelError, PrecedentError, SetupError
from foi_precedent.letters.model import Letter, Question, Regime
from foi_precedent.letters.parser import parse_draft
from foi_precedent.ports import ChatModel, IndexWrapper, PrecedentIndex
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT, Settings

# What callers use, kept importable from here after prompt building and the read-back moved to their own modules.
__all__ = [
    "DraftCancelled",
    "DraftLimits",
    "DraftResult",
    "TokenCounter",
    "beyond_plan_flags",
    "build_prompt",
    "draft_reply",
    "plan_text",
    "required_answer",
    "section_guide",
    "section_jobs",
    "section_opening",
]

PROMPT_NAME = DEFAULT_DRAFT_PROMPT
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
            "questions": [
                {"label": q.label, "text": q.text, "plan": q.to_dict()} for q in self.plan.questions
            ],
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


class _OneDraftIndex(IndexWrapper):
    """The index as one draft sees it: the checker repeats the plan's searches (same questions, same k, and only
    the draft's own placeholder reference excluded), so their results are reused instead of embedded again."""

    def __init__(self, index):
        super().__init__(index)
        self._memo: dict[tuple, list[list]] = {}

    def search_many(self, queries, k=10, authority=None, exclude_references=(), **kw):
        if kw:
            return self._index.search_many(
                queries, k=k, authority=authority, exclude_references=exclude_references, **kw
            )
        key = (tuple(queries), k, authority)
        excluded = set(exclude_references)
        cached = self._memo.get(key)
        if cached is not None and not any(p.reference in excluded for hits in cached for p in hits):
            return [list(hits) for hits in cached]
        hits = self._index.search_many(
            queries, k=k, authority=authority, exclude_references=exclude_references
        )
        if not excluded:
            self._memo[key] = [list(h) for h in hits]
        return hits


def request_letter(request: Request) -> Letter:
    """The request as a ``Letter`` the checker can read (its wording is used to look precedent up)."""
    return Letter(
        reference="request",
        authority=None,
        date=None,
        regime=Regime(request.regime or "FOIA"),
        questions=tuple(Question(q.label, q.text, "") for q in request.questions),
        text=request.text,
    )


# --- calling the model ----------------------------------------------------------------------------


def _stream(
    chat_model,
    messages,
    max_tokens,
    temperature,
    timeout_s,
    cancel,
    on_token,
    timings,
    stop: list[str] | None = None,
) -> str:
    """One streamed call; the first token's time is recorded once per draft."""
    pieces: list[str] = []
    t0 = time.monotonic()
    extra = {"stop": stop} if stop else {}
    for piece in chat_model.stream(
        messages, max_tokens=max_tokens, temperature=temperature, timeout_s=timeout_s, cancel=cancel, **extra
    ):
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
    jobs = [(q.label, Plan((q,), plan.authority)) for q in plan.questions if q.drafted]
    refusing = [q for q in plan.questions if q.withholds and q.drafted]
    if refusing:
        jobs.append((REASONS, Plan(tuple(refusing), plan.authority)))
    return jobs


def write_sections(
    request: Request,
    plan: Plan,
    index,
    template: PromptTemplate,
    counter: TokenCounter,
    authority: str | None,
    chat_model,
    tokens: dict,
    timings: dict,
    *,
    cancel=None,
    on_token=None,
    temperature: float = 0.2,
    timeout_s: float = 120.0,
    context_tokens: int = CONTEXT_TOKENS,
) -> tuple[Sections, str | None]:
    """One call per section. A model error before any section is written propagates (the draft falls back);
    after one, the sections written so far are kept and the problem is returned."""
    sections = Sections(reasons=None, answers={})
    tokens.update(prompt=0, completion=0, calls=0, budget=0)
    jobs = section_jobs(plan)
    if not jobs:
        return sections, (
            "every question needs the officer's decision (no precedent, or precedent split), so the "
            "model was not asked to write"
        )
    timings["_started"] = time.monotonic()
    try:
        for n, (section, sub_plan) in enumerate(jobs):
            if cancel is not None and cancel.is_set():
                raise DraftCancelled("the draft was cancelled")
            kind = REASONS if section == REASONS else "answer"
            out_tokens = SECTION_OUTPUT_TOKENS[kind]
            try:
                messages, prompt_tokens, budget = build_prompt(
                    request,
                    sub_plan,
                    index,
                    template,
                    counter,
                    authority,
                    out_tokens,
                    context_tokens,
                    SECTION_PROMPT_TOKENS[kind],
                    section=section,
                )
                if on_token is not None:
                    on_token(("\n\n" if n else "") + f"{section}:\n")
                t0 = time.monotonic()
                raw = _stream(
                    chat_model,
                    messages,
                    out_tokens,
                    temperature,
                    timeout_s,
                    cancel,
                    on_token,
                    timings,
                    stop=SECTION_STOP,
                )
                timings.setdefault("sections", {})[section] = {
                    "seconds": round(time.monotonic() - t0, 2),
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": counter.count(raw),
                }
            except ModelError as exc:
                if sections.empty:
                    raise
                return sections, f"{section}: {exc}"
            tokens["prompt"] += prompt_tokens
            tokens["completion"] += counter.count(raw)
            tokens["calls"] += 1
            tokens["budget"] = max(tokens["budget"], budget)
            written = section_text(raw, section)
            if written and any(line.strip().startswith(template.echoes) for line in written.splitlines()):
                # the prompt written back, not the section: as if nothing were written (the precedent wording stays)
                sections.echoed.append(section)
                written = None
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
        text = re.sub(
            r"^Dear (?:\[NAME\]|Requester)\s*,?\s*$", request.requester.salutation, text, count=1, flags=re.M
        )
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


def draft_reply(
    request_text: str | Request,
    index: PrecedentIndex,
    chat_model: ChatModel | None = None,
    *,
    mode: str = "model",
    authority: str | None = None,
    prompt: str = PROMPT_NAME,
    cancel: threading.Event | None = None,
    on_token: Callable[[str], None] | None = None,
    audit=None,
    settings: Settings | None = None,
    limits: DraftLimits | None = None,
    source: str = "request",
) -> DraftResult:
    """Draft a reply to ``request_text`` from the precedent in ``index``; see the module docstring. The chat
    model and the audit log come from the caller (``services.Services``): a model draft without a model is the
    precedent-only draft with that reason, and a draft is recorded only in the ``audit`` log given."""
    if mode not in MODES:
        raise PrecedentError(f"unknown draft mode {mode!r} (use {' or '.join(MODES)})")
    settings = settings or Settings.from_env()
    limits = limits or DraftLimits()
    k, max_tokens, temperature, context_tokens = (
        limits.k,
        limits.max_tokens,
        limits.temperature,
        limits.context_tokens,
    )
    timeout_s = limits.timeout_s or settings.llm_timeout_s
    started = time.monotonic()
    timings: dict[str, float] = {}
    index = _OneDraftIndex(index)
    request = (
        request_text if isinstance(request_text, Request) else split_request(request_text, source=source)
    )
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
                    request,
                    plan,
                    index,
                    template,
                    counter,
                    authority,
                    chat_model,
                    tokens,
                    timings,
                    cancel=cancel,
                    on_token=on_token,
                    temperature=temperature,
                    timeout_s=timeout_s,
                    context_tokens=context_tokens,
                )
                if sections.empty:
                    problem = model_problem or (
                        "the model wrote its prompt back, not the sections asked for"
                        if sections.echoed
                        else "the model wrote none of the sections asked for"
                    )
                else:
                    composition = compose(
                        sections,
                        request,
                        plan,
                        index,
                        authority,
                        personalise=lambda t: _personalise(t, request),
                    )
                    text, letter = composition.text, composition.letter
                    # reasons alone are no draft: a model that could not write one planned answer is not trusted
                    problem = None if composition.model_labels else composition.summary().rstrip(".")
                    if model_problem:
                        model_note = " ".join(
                            filter(None, [model_note, f"The model stopped: {model_problem}."])
                        )
            else:
                messages, tokens["prompt"], tokens["budget"] = build_prompt(
                    request,
                    plan,
                    index,
                    template,
                    counter,
                    authority,
                    max_tokens,
                    context_tokens,
                    limits.max_prompt_tokens,
                )
                tokens["max_output"] = max_tokens
                raw = _stream(
                    chat_model, messages, max_tokens, temperature, timeout_s, cancel, on_token, timings
                )
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
        letter = parse_draft(text, source="precedent-only draft")
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
        draft=text,
        request=request,
        plan=plan,
        letter=letter,
        check=check,
        flags=tuple(flags),
        model=model_name if not fallback_reason else PRECEDENT_ONLY,
        attempted_model=model_name,
        prompt_version=prompt_version,
        tokens=tokens,
        mode=mode,
        fallback_reason=fallback_reason,
        elapsed=elapsed,
        model_note=model_note,
        timings=timings,
        composition=composition,
    )
    if audit is not None and audit is not False:
        result.audit_id = audit.record_draft(
            request_text=request.text,
            mode=mode,
            model=result.model,
            prompt_version=prompt_version,
            consensus=plan.consensus,
            flags=result.flags,
            tokens=tokens,
            fallback_reason=fallback_reason,
        )
    return result
