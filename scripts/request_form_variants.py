"""How the request reader holds up when a TUNING request of evals/real_requests arrives in another form.

Each tuning request (never a held-back one: ``evals.holdout.is_held_back`` is checked before its file is read) is
rewritten as requests are often sent: hard-wrapped at 72 columns by an e-mail client, with Windows line ends,
with its blank lines doubled or removed, indented, as HTML, with WhatDoTheyKnow's footer or a quoted earlier
e-mail under it. Its content is the same, so the reader should find the same questions; the script counts, per
form, the requests whose question count or labelled-question matches change.

    .venv/bin/python scripts/request_form_variants.py            # a table: form, requests changed
    .venv/bin/python scripts/request_form_variants.py FORM       # the requests a form changes, with their counts
"""

from __future__ import annotations

import html
import re
import sys
import textwrap

from evals.holdout import is_held_back
from evals.real_requests import suite


def _wrap(text: str) -> str:
    return "\n".join(textwrap.fill(line, 72) if len(line) > 72 else line for line in text.split("\n"))


def _html(text: str) -> str:
    paras = re.split(r"\n\s*\n", text)
    return (
        "<html><body>"
        + "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paras)
        + "</body></html>"
    )


FOOTER = (
    "\n\n-------------------------------------------------------------------\n\nPlease use this email address for "
    "all replies to this request:\nrequest-123456-abcd1234@whatdotheyknow.com\n\nIs foi@example.gov.uk the wrong "
    "address for Freedom of Information requests to Example Council? If so, please contact us using this form:\n"
    "https://www.whatdotheyknow.com/change_request/new\n\nDisclaimer: This message and any reply that you make "
    "will be published on the internet.\n"
)
QUOTED = (
    "\n\nOn 3 May 2024, at 10:12, FOI Team <foi@example.gov.uk> wrote:\n> Dear Requester,\n> How many staff do you "
    "employ? We acknowledge your request.\n"
)

FORMS = {
    "wrapped at 72": _wrap,
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "blank lines doubled": lambda t: re.sub(r"\n", "\n\n", t),
    "blank lines removed": lambda t: re.sub(r"\n\s*\n", "\n", t),
    "indented": lambda t: "\n".join("    " + line if line.strip() else line for line in t.split("\n")),
    "HTML": _html,
    "WhatDoTheyKnow footer": lambda t: t.rstrip() + FOOTER,
    "quoted reply below": lambda t: t.rstrip() + QUOTED,
    "trailing spaces": lambda t: "\n".join(line + "  " for line in t.split("\n")),
    "flattened to one line": lambda t: " ".join(t.split()),
    "numbers as 1)": lambda t: re.sub(r"(?m)^(\s*)(\d{1,2})\.(?=\s)", r"\1\2)", t),
    "numbers as (1)": lambda t: re.sub(r"(?m)^(\s*)(\d{1,2})[.)](?=\s)", r"\1(\2)", t),
    "numbers as Q1": lambda t: re.sub(r"(?m)^(\s*)(\d{1,2})[.)](?=\s)", r"\1Q\2", t),
    "bullets as -": lambda t: re.sub(r"(?m)^(\s*)[\u2022*\u25cf\u25aa\uf0b7](?=\s)", r"\1-", t),
    "bullets as •": lambda t: re.sub(r"(?m)^(\s*)[-*\u25cf\u25aa\uf0b7](?=\s)", "\\1\u2022", t),
}


def _reading(label: dict, text: str) -> tuple[int, int]:
    from foi_precedent.drafting.request import split_request
    from foi_precedent.errors import PrecedentError

    try:
        request, error = split_request(text, source=label["id"]), None
    except PrecedentError as exc:
        request, error = None, str(exc)
    s = suite.score_request(label, request, error)
    return s["found"], s["labelled_matched"]


def main(only: str | None = None) -> None:
    labels = [label for label in suite.load_labels() if not is_held_back(label["id"])]
    texts = {label["id"]: suite.request_text(suite.ROOT / label["file"]) for label in labels}
    base = {label["id"]: _reading(label, texts[label["id"]]) for label in labels}
    for name, form in FORMS.items():
        if only and name != only:
            continue
        changed = []
        for label in labels:
            got = _reading(label, form(texts[label["id"]]))
            if got != base[label["id"]]:
                changed.append((label["id"], base[label["id"]], got))
        print(f"{name:28} {len(changed):3} of {len(labels)} changed")
        if only:
            for cid, (f0, m0), (f1, m1) in changed:
                print(f"   {cid}: found {f0} -> {f1}, labelled matched {m0} -> {m1}")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or None)
