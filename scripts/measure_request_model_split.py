"""Would the embedded model split a request into questions better than the rules? A pilot, measured.

The embedded default model (Qwen2.5-Coder-1.5B-Instruct through the local llama.cpp server) is given the
splitting rules in brief and a request, and asked for its questions as a JSON list of verbatim quotes. Scored
with ``precedent eval real_requests``'s scorers against the labels, beside the rules reader on the same
requests. Tuning part only (the validation batch and the held-back part are not read).

    .venv/bin/python scripts/measure_request_model_split.py [--limit 20]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.real_requests import suite  # noqa: E402
from foi_precedent.drafting.request import split_request  # noqa: E402
from foi_precedent.models.local_server import LocalModelServer  # noqa: E402
from foi_precedent.settings import Settings  # noqa: E402

RULES = """You split a Freedom of Information request into the separate pieces of information it asks for.
Rules:
- A numbered, lettered or bulleted item asking for a different figure, document or fact is one question.
- Lists of years, areas or fields of one dataset are NOT separate questions: keep them inside the question.
- "If yes/if so/if not ..." follow-ups stay inside the question before them.
- A further sentence asking for something else ("Please also provide ...") is its own question.
- Greetings, background, reasons, sign-offs, and asks about the format of the reply are not questions.
Answer with a JSON list of strings only. Each string is one question, copied word for word from the request,
without its number or bullet."""


def ask(client, text: str) -> list[str]:
    reply = client.chat.completions.create(
        model="local",
        messages=[{"role": "system", "content": RULES}, {"role": "user", "content": text[:6000]}],
        temperature=0,
        max_tokens=700,
    )
    out = reply.choices[0].message.content or ""
    m = re.search(r"\[.*\]", out, re.S)
    try:
        items = json.loads(m.group(0)) if m else []
    except json.JSONDecodeError:
        items = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(0) if m else out)
    return [str(i) for i in items if str(i).strip()]


def main() -> None:
    from openai import OpenAI

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()
    labels = [x for x in suite.load_labels(part="tuning") if x["_batch"] != "fresh3"][::3][: args.limit]
    settings = Settings.from_env()
    with LocalModelServer(settings, model="qwen", n_ctx=8192) as server:
        client = OpenAI(base_url=server.base_url, api_key="local", timeout=300)
        model_found, rules_found, seconds = [], [], []
        for label in labels:
            text = suite.request_text(ROOT / label["file"])
            request = split_request(text)
            started = time.monotonic()
            model_found.append(ask(client, request.text))
            seconds.append(time.monotonic() - started)
            rules_found.append([q.wording for q in request.questions])
    for name, found in (("rules", rules_found), ("model", model_found)):
        exact = matched = expected = 0
        for label, f in zip(labels, found, strict=True):
            labelled = [q["text"] for q in label.get("questions") or []]
            m = suite.match_questions(f, labelled)
            exact += len(f) == len(labelled)
            matched += sum(x is not None for x in m)
            expected += len(labelled)
        print(
            f"{name}: n={len(labels)} count exact {exact / len(labels):.3f} boundary recall {matched / expected:.3f}"
        )
    print(f"model seconds per request: mean {sum(seconds) / len(seconds):.1f}, max {max(seconds):.1f}")


if __name__ == "__main__":
    main()
