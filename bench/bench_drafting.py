"""Benchmark of drafting (foi_precedent/drafting): planning, the precedent-only draft, and model drafts.

    .venv/bin/python bench/bench_drafting.py [--models smollm2,qwen] [--max-tokens 600] [--runs 3]
                                             [--out bench/RESULTS-drafting.md] [--no-model]

1. Planning + retrieval for a 5-question request against the real index (seeds + corpus/letters ingested into
   a temporary PRECEDENT_HOME with the real MiniLM embedding). Goal: < 1 s.
2. The precedent-only draft of the same request (plan + assemble + parse back + check). Goal: < 1 s.
3. For each embedded model whose GGUF is installed: a LocalModelServer on 127.0.0.1, then the model draft of the
   same request through the drafting adapter (langchain ChatOpenAI, streaming): time to the first streamed
   token, whole draft time, completion tokens/s; beside it the raw llama.cpp speed for the same messages,
   called directly with the openai SDK (no langchain, no drafting), as the ceiling.
   Goals with the 1.5B model: first token < 20 s, whole draft < 120 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent import assets  # noqa: E402
from foi_precedent.drafting.draft import (  # noqa: E402
    SECTION_OUTPUT_TOKENS,
    SECTION_PROMPT_TOKENS,
    TokenCounter,
    build_prompt,
    draft_reply,
    section_jobs,
)
from foi_precedent.drafting.plan import plan_request  # noqa: E402
from foi_precedent.drafting.prompts import load_prompt  # noqa: E402
from foi_precedent.drafting.request import split_request  # noqa: E402
from foi_precedent.errors import SetupError  # noqa: E402
from foi_precedent.settings import DEFAULT_DRAFT_PROMPT, Settings  # noqa: E402

MPS = "Metropolitan Police Service"
REQUEST = """Dear FOI team,

Please provide the following under the Freedom of Information Act:
1. Where and when has live facial recognition been deployed by the force? Please give the date, location and
reason for each deployment.
2. How many people has the force scanned with facial recognition, broken down by ethnicity?
3. How many people are on the force's facial recognition watchlists, by College of Policing category?
4. How many images does the force hold for facial recognition, and where do they come from?
5. What rules and policies govern the force's use of facial recognition?

Yours sincerely,
Jane Example
"""


def timed(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def raw_ceiling(base_url: str, messages, max_tokens: int) -> dict:
    """The same messages straight to llama.cpp with the openai SDK: first token, total, tokens/s."""
    import openai

    client = openai.OpenAI(base_url=base_url, api_key="not-needed", max_retries=0, timeout=600)
    t0 = time.perf_counter()
    first = None
    chunks = []
    usage = None
    for ev in client.chat.completions.create(
        model="local",
        messages=messages,
        max_tokens=max_tokens,
        temperature=0.2,
        stream=True,
        stream_options={"include_usage": True},
    ):
        if ev.usage:
            usage = ev.usage
        if ev.choices and ev.choices[0].delta.content:
            first = first or time.perf_counter() - t0
            chunks.append(ev.choices[0].delta.content)
    total = time.perf_counter() - t0
    completion = usage.completion_tokens if usage else len(chunks)
    prompt = usage.prompt_tokens if usage else None
    decode = total - (first or 0)
    return {
        "first": first,
        "total": total,
        "completion": completion,
        "prompt_tokens": prompt,
        "tok_s": completion / decode if decode > 0 else 0.0,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="smollm2,qwen")
    ap.add_argument("--max-tokens", type=int, default=600)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument(
        "--prompt", default=DEFAULT_DRAFT_PROMPT, help=f"NAME or NAME/vN (default: {DEFAULT_DRAFT_PROMPT})"
    )
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS-drafting.md"))
    args = ap.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="bench-drafting-"))
    os.environ["PRECEDENT_HOME"] = str(home)
    settings = Settings.from_env()
    assets.build_embedding_model(settings)
    assets.activate_tiktoken(settings)
    from retriever.index import PrecedentIndex

    index = PrecedentIndex.open(settings)
    paths = [ROOT / "tests/fixtures/seeds"] + sorted((ROOT / "corpus/letters").glob("*.md"))
    t0 = time.perf_counter()
    report = index.ingest_paths(paths)
    ingest_s = time.perf_counter() - t0
    print(f"ingest: {report.summary()} in {ingest_s:.1f} s", file=sys.stderr)

    request = split_request(REQUEST)
    assert len(request.questions) == 5, request.questions
    plan_request(request, index, authority=MPS)  # warm-up (embedding session, lexical index, letter cache)
    plan_med, plan_min, plan = timed(lambda: plan_request(request, index, authority=MPS), args.runs)
    prec_med, prec_min, prec = timed(
        lambda: draft_reply(REQUEST, index, mode="precedent", authority=MPS, audit=False, settings=settings),
        args.runs,
    )
    counter = TokenCounter(settings)
    template = load_prompt(args.prompt)
    if template.output == "sections":
        jobs = section_jobs(plan)
        section, sub_plan = jobs[0]
        raw_max = SECTION_OUTPUT_TOKENS["answer"]
        messages, prompt_tokens, budget = build_prompt(
            request,
            sub_plan,
            index,
            template,
            counter,
            MPS,
            raw_max,
            max_prompt_tokens=SECTION_PROMPT_TOKENS["answer"],
            section=section,
        )
        prompt_line = (
            f"Prompt {template.prompt_version}: {len(jobs)} calls, one per section "
            f"({', '.join(j[0] for j in jobs)}); the first call's prompt is {prompt_tokens} tokens "
            f"(cl100k_base count; budget {SECTION_PROMPT_TOKENS['answer']} an answer, {SECTION_PROMPT_TOKENS['REASONS']} the reasons); at most {SECTION_OUTPUT_TOKENS['answer']} "
            f"output tokens an answer, {SECTION_OUTPUT_TOKENS['REASONS']} for the reasons. The raw "
            "llama.cpp column replays the first call."
        )
    else:
        raw_max = args.max_tokens
        messages, prompt_tokens, budget = build_prompt(
            request, plan, index, template, counter, MPS, args.max_tokens
        )
        prompt_line = (
            f"Prompt {template.prompt_version}: {prompt_tokens} tokens (cl100k_base count; budget "
            f"{budget}), max output {args.max_tokens} tokens."
        )
    rows = []
    notes = []
    if not args.no_model:
        from foi_precedent.models.local_server import LocalModelServer
        from foi_precedent.models.openai_compatible import OpenAICompatibleChatModel

        for name in [m for m in args.models.split(",") if m]:
            try:
                assets.model_path(settings, name)
            except SetupError as exc:
                notes.append(f"- **{name}**: not measured: {exc}")
                continue
            server = LocalModelServer(settings, model=name, startup_timeout_s=300)
            t0 = time.perf_counter()
            server.start()
            load_s = time.perf_counter() - t0
            try:
                model = OpenAICompatibleChatModel(server.base_url, name=f"embedded {name}")
                marks = {}

                def on_token(piece, marks=marks):
                    if not re.fullmatch(
                        r"\s*(?:Q\w+|REASONS):\n", piece
                    ):  # v2 streams each section's heading
                        marks.setdefault("first", time.perf_counter())

                t0 = time.perf_counter()
                result = draft_reply(
                    REQUEST,
                    index,
                    chat_model=model,
                    authority=MPS,
                    on_token=on_token,
                    max_tokens=args.max_tokens,
                    timeout_s=600,
                    audit=False,
                    settings=settings,
                    prompt=args.prompt,
                )
                total = time.perf_counter() - t0
                first = marks.get("first", t0) - t0 if marks else None
                model_s = result.timings.get("model", total)
                decode = model_s - (result.timings.get("first_token") or 0)
                tok_s = result.tokens["completion"] / decode if decode > 0 else 0.0
                raw = raw_ceiling(server.base_url, messages, raw_max)
                rows.append((name, load_s, result, first, total, tok_s, raw))
            finally:
                server.stop()

    machine = (
        f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()}"
    )
    try:
        load = os.getloadavg()
        machine += f" · load average at the end {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}"
    except OSError:
        pass
    lines = [
        "# Drafting benchmark",
        "",
        f"Run {datetime.now().isoformat(timespec='minutes')} on {machine}.",
        f"Command: `.venv/bin/python bench/bench_drafting.py {' '.join(argv or sys.argv[1:])}`.",
        "",
        f"Index: {report.summary()} (ingested in {ingest_s:.1f} s into a temporary PRECEDENT_HOME, real MiniLM "
        "embedding). Request: 5 questions about live facial recognition (in `bench/bench_drafting.py`).",
        "",
        "| step | median | best | goal |",
        "|---|---|---|---|",
        f"| planning + retrieval, 5 questions | {plan_med:.3f} s | {plan_min:.3f} s | < 1 s |",
        f"| precedent-only draft (plan, assemble, parse back, check) | {prec_med:.3f} s | {prec_min:.3f} s | < 1 s |",
        "",
        prompt_line,
        "",
    ]
    if rows:
        lines += [
            "| model | server start | first streamed token | whole draft | completion tokens | tokens/s "
            "(drafting) | raw llama.cpp: first token / total / tokens/s | outcome |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, load_s, result, first, total, tok_s, raw in rows:
            if result.fallback_reason:
                outcome = f"fell back: {result.fallback_reason.split('; showing')[0]}"
            elif result.composition is not None:
                outcome = result.composition.summary()
            else:
                outcome = "parsed as the planned letter"
            lines.append(
                f"| {name} | {load_s:.1f} s | {first:.1f} s | {total:.1f} s | {result.tokens['completion']} "
                f"| {tok_s:.1f} | {raw['first']:.1f} s / {raw['total']:.1f} s / {raw['tok_s']:.1f} "
                + (f"(prompt {raw['prompt_tokens']} model tokens) " if raw.get("prompt_tokens") else "")
                + f"| {outcome} |"
            )
        lines.append("")
    lines += notes
    for name, _, result, *_ in rows:
        per = result.timings.get("sections") or {}
        if per:
            lines += [
                "",
                f"{name}, call by call: "
                + "; ".join(
                    f"{k} {v['seconds']:.1f} s ({v['prompt_tokens']} prompt / {v['completion_tokens']} completion tokens)"
                    for k, v in per.items()
                ),
            ]
        if result.composition is not None and not result.fallback_reason:
            lines += [
                "",
                f"<details><summary>The draft {name} wrote (as assembled)</summary>",
                "",
                "```text",
                result.draft.strip(),
                "```",
                "</details>",
            ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(f"(precedent-only draft sample, first 600 characters)\n{prec.draft[:600]}", file=sys.stderr)
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
