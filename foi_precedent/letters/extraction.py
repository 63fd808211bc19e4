"""An optional reading of a letter by a chat model (issue 12's extraction pass), checked by the rules.

Off by default: the offline reader is the rules (``parser``). With it, a letter's text (the requester's identity
removed, as for anything sent to a model) goes to the configured chat model, which lists the questions asked and,
for each, the first words of the question and of its answer copied from the letter, a treatment and the sections
relied on (``prompts/read_letter``). Nothing it says is taken on trust:

- a question stands only if its words are found in the letter, in order; where the model finds at least as many
  questions as the rules, the letter is then read with its questions as an officer's split is
  (``parse_text(questions=...)``): a question the rules found too keeps the rules' reading, and the others are read
  from the reply. Where it finds fewer, the rules' questions stand (a small model reads two asks as one), and a
  model's question speaks only to the reading of the rules' question it opens as;
- where the rules read a question with no decision or below the flag line, the answer the model points to is read
  by the rules, if its words are in the letter; only where the rules find nothing in it either is the model's
  treatment taken, with only the sections the letter cites. Either reading is marked for review and stays below the
  line a divergence flag needs, so it never grounds a flag;
- where the rules read a question confidently and the model reads it otherwise, the rules' reading stands, marked
  for review and below the line, as the learned reader's dispute is (``answers._second_opinion``);
- a model that is down, slow or answers with no usable JSON leaves the rules' reading, with a note saying why.

Measured by ``precedent eval real_letters --mode model`` (the configured model reads every letter).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from foi_precedent.errors import ModelError
from foi_precedent.letters.answers import read_passage
from foi_precedent.letters.exemptions import normalise_exemptions, rule_table, section_of
from foi_precedent.letters.model import (
    CONFIDENT,
    REFUSING,
    Letter,
    Treatment,
    in_order,
    opening_share,
    plain_words,
)
from foi_precedent.letters.parser import parse_document
from foi_precedent.letters.regimes import profile
from foi_precedent.letters.sources import Document
from foi_precedent.models.base import ChatModel

PROMPT = "read_letter"
#: how the first note begins when nothing of the model's reading was used
RULES_ALONE = "read by the rules alone"
#: how much of a letter is sent (stored copies are about 2,000 characters; a long letter's tail is its close)
MAX_CHARS = 12_000
#: a model's reading, or the rules' reading of the passage it pointed to: for review, under the flag line
MODEL_CONFIDENCE = 0.4
PASSAGE_CONFIDENCE = 0.6
#: a confident reading of the rules that the model reads otherwise
DISPUTED = 0.5
_TREATMENTS = {t.value: t for t in Treatment}


@dataclass(frozen=True)
class Extracted:
    """One question as the model read it, its quotes found in the letter (``at``: where the question starts)."""

    label: str
    question: str  # the letter's words, from the model's quote to the end of the line
    answer: str  # the letter's words the model's answer quote points to ("" when none was found)
    treatments: tuple[Treatment, ...]
    exemptions: tuple[str, ...]
    at: int


@dataclass(frozen=True)
class Extraction:
    questions: tuple[Extracted, ...]
    notes: tuple[str, ...]  # what was not used, and why


class ExtractionError(ModelError):
    """The model's reply could not be used (no JSON, no questions)."""


def ask(model: ChatModel, text: str, *, timeout_s: float = 300.0, max_tokens: int = 1500) -> str:
    """The model's reply to the reading prompt for ``text`` (the identity already removed). Raises ModelError."""
    from foi_precedent.drafting.prompts import load_prompt

    messages = load_prompt(PROMPT).render(letter=text[:MAX_CHARS])
    return "".join(
        model.stream(messages, max_tokens=max_tokens, temperature=0.0, timeout_s=timeout_s)  # type: ignore[arg-type]
    )


def parse_reply(reply: str) -> list[dict]:
    """The question entries of a reply: its JSON object's ``questions`` (or a bare JSON list). Raises
    ExtractionError when there is none."""
    start = min((i for i in (reply.find("{"), reply.find("[")) if i >= 0), default=-1)
    if start < 0:
        raise ExtractionError("the model's reply holds no JSON")
    data = None
    for end in range(len(reply), start, -1):  # the longest parseable JSON from the first bracket
        if reply[end - 1] in "}]":
            try:
                data = json.loads(reply[start:end])
                break
            except json.JSONDecodeError:
                continue
    if data is None:
        raise ExtractionError("the model's reply is not valid JSON")
    items = data.get("questions") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ExtractionError("the model's reply has no list of questions")
    return items


def find_quote(quote: str, text: str, start: int = 0) -> re.Match[str] | None:
    """Where the letter holds a quote's first words (up to eight; at least three), from ``start``: the words in a
    run, whatever the spaces, case and punctuation between them."""
    words = plain_words(quote)[:8]
    while len(words) >= 3:
        m = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.I).search(text, start)
        if m:
            return m
        words = words[:-1]
        if len(words) < 5:  # a short run is too easily found by chance
            break
    return None


def _line_from(text: str, at: int, limit: int = 400) -> str:
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)][:limit].strip()


def _passage_from(text: str, at: int, limit: int = 800) -> str:
    """The answer a quote points to: from it to the next blank line (a paragraph), at most ``limit`` characters."""
    end = text.find("\n\n", at)
    return text[at : end if end >= 0 else len(text)][:limit].strip()


def verified(items: list[dict], text: str) -> Extraction:
    """The model's entries whose question is found in the letter, in order; the rest noted."""
    out: list[Extracted] = []
    notes: list[str] = []
    cited = {section_of(e) for e in normalise_exemptions(text)}
    start = 0
    for n, item in enumerate(items, 1):
        question = str(item.get("question") or "")
        found = find_quote(question, text, start)
        if found is None:
            notes.append(f"the model's question {n} ({question[:60]!r}) is not in the letter: not used")
            continue
        start = found.end()
        answer = ""
        quote = str(item.get("answer") or "")
        if quote:
            at = find_quote(quote, text, found.start())
            if at is None:
                notes.append(f"the model's answer to question {n} is not in the letter: not used")
            else:
                answer = _passage_from(text, at.start())
        raw = item.get("treatments") or []
        treatments = tuple(
            in_order(_TREATMENTS[t] for t in {str(x).strip().lower() for x in raw} if t in _TREATMENTS)
        )
        sections = [
            e for x in item.get("exemptions") or [] for e in normalise_exemptions(_as_citation(str(x)))
        ]
        exemptions = tuple(e for e in dict.fromkeys(sections) if section_of(e) in cited)
        out.append(
            Extracted(
                label=str(item.get("label") or "").strip(),
                question=_line_from(text, found.start()),
                answer=answer,
                treatments=treatments,
                exemptions=exemptions,
                at=found.start(),
            )
        )
    return Extraction(tuple(out), tuple(notes))


def _as_citation(text: str) -> str:
    """'s40(2)' or '40(2)' as the citation reader reads it ('section 40(2)')."""
    text = text.strip()
    return re.sub(r"^(?:s\.?\s*|sec\.?\s*)?(?=\d)", "section ", text, flags=re.I)


def read_with(doc: Document, extraction: Extraction, model_name: str = "the model") -> Letter:
    """The letter read with the model's questions, each reading settled as the module docstring says."""
    rules = parse_document(doc)
    if len(extraction.questions) < len(rules.questions):
        # fewer questions than the rules found: a model that reads two asks as one loses one, so the rules' split
        # stands, and only the model's questions that open as one of theirs speak to its reading
        letter = rules
        pairs: list[Extracted | None] = _paired(rules, extraction)
    else:
        given = [(x.label or str(n), x.question) for n, x in enumerate(extraction.questions, 1)]
        letter = parse_document(doc, questions=given)
        pairs = list(extraction.questions)
    accessible = profile(letter.regime).accessible_section
    table = rule_table()
    questions = []
    for q, x in zip(letter.questions, pairs, strict=True):
        if x is None:
            questions.append(q)
            continue
        unsure = q.treatments == (Treatment.OTHER,) or q.confidence < CONFIDENT
        if unsure and x.answer:
            passage = read_passage(q.label, q.text, x.answer, list(letter.exemptions), accessible)
            if passage.treatments != (Treatment.OTHER,):
                q = replace(
                    passage,
                    label=q.label,
                    text=q.text,
                    confidence=min(passage.confidence, PASSAGE_CONFIDENCE),
                    review=f"the answer {model_name} pointed to, read by the rules: check it",
                )
                questions.append(q)
                continue
        if unsure and x.treatments and x.treatments != (Treatment.OTHER,):
            # the sections are the model's the letter cites, with those the rules read in this answer where the
            # model's treatment rests on one (a refusal, a pointer): a model that names no section drops none
            rests = bool(set(x.treatments) & (REFUSING | {Treatment.PUBLIC_DOMAIN}))
            exemptions = tuple(dict.fromkeys(x.exemptions + (q.exemptions if rests else ())))
            q = replace(
                q,
                answer=q.answer or x.answer,
                treatments=x.treatments,
                exemptions=exemptions,
                ncnd=tuple(e for e in exemptions if table.is_ncnd_subsection(e)),
                evidence=(x.answer or q.evidence)[:300],
                confidence=MODEL_CONFIDENCE,
                review=f"read by {model_name}, not by the rules: check it",
            )
        elif not unsure and x.treatments and set(x.treatments) != set(q.treatments):
            reads = ", ".join(t.value for t in x.treatments)
            q = replace(q, confidence=DISPUTED, review=f"{model_name} reads {reads}: check it")
        questions.append(q)
    return replace(letter, questions=tuple(questions))


def _paired(letter: Letter, extraction: Extraction) -> list[Extracted | None]:
    """For each of the letter's questions, the model's question that opens with its first words, in order, or None."""
    out: list[Extracted | None] = []
    start = 0
    for q in letter.questions:
        at = next(
            (
                i
                for i in range(start, len(extraction.questions))
                if opening_share(extraction.questions[i].question, q.text) >= 0.75
                or opening_share(q.text, extraction.questions[i].question) >= 0.75
            ),
            None,
        )
        out.append(None if at is None else extraction.questions[at])
        start = start if at is None else at + 1
    return out


def read_letter(
    doc: Document, model: ChatModel, *, timeout_s: float = 300.0, max_tokens: int = 1500
) -> tuple[Letter, list[str]]:
    """The letter read with the model's extraction pass, and notes on what of it was not used. A model that fails
    leaves the rules' reading (the first note says why); a letter the rules refuse is refused (LetterError)."""
    from foi_precedent.drafting.identity import redact_identity

    sent, _ = redact_identity(doc.text)
    try:
        items = parse_reply(ask(model, sent, timeout_s=timeout_s, max_tokens=max_tokens))
    except ModelError as exc:
        return parse_document(doc), [f"{RULES_ALONE}: {exc}"]
    extraction = verified(items, doc.text)
    name = getattr(model, "name", "the model")
    if not extraction.questions:
        return parse_document(doc), [f"{RULES_ALONE}: none of the model's questions is in the letter"]
    return read_with(doc, extraction, name), list(extraction.notes)
