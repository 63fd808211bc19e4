"""A request's questions as the officer sets them, where the reader split the request differently from how a
careful person would (a breakdown split off as its own question, two asks read as one, a preamble read as one).

The officer's questions replace the reader's; the request itself (its text, its requester, where it came from)
stays, and ``Request.note`` says the questions are the officer's. Each question has the requester's identity
removed as the request's was: what the reader found of the requester in the request (name, e-mail, phone,
postcode, street address, handle, the group signed under the name) becomes the same placeholder, and the text is
then read by ``redact_identity`` as the request was (any e-mail, phone, postcode or handle; "my name is ...").
An officer who pastes the requester's e-mail back into a question does not send it to the index or a model.

Pure: text in, ``Request`` out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from foi_precedent.drafting.identity import POSTCODE, STREET, Requester, _replace_name, redact_identity
from foi_precedent.drafting.request import _LABEL, Request, RequestQuestion, _style, _unique
from foi_precedent.errors import LetterError

EDITED_NOTE = (
    "The officer set these questions by hand, in place of the questions read from the request: the precedents, "
    "the plan and the draft follow them."
)
#: how the editor's text is read, as the page's help text says it
EDITOR_RULE = (
    "One question a line; blank lines are ignored. A line may start with its label (Q1, 2., b), Question 3:): a "
    "number is kept (Q2), a letter or numeral under a numbered question makes a part of it (Q2a, Q2(ii)); a line "
    "without a label takes the next number. The requester's name, e-mail, phone and address are removed from what "
    "you write, as they were from the request."
)

# the labels the editor is prefilled with, kept as written: 'Q1', 'Q1a', 'Q1a(i)', 'Q2a(ii)c', 'Q1a.2', 'Q3-2'
_OWN = r"Q\d{1,2}(?:[a-z](?![a-z])|\((?:[ivx]{1,4}|[a-z])\)|\.\d{1,2})*(?:-\d{1,2})?"
_OWN_LABEL = re.compile(rf"^\s*(?P<label>{_OWN})(?:\s*[-\u2013\u2014:.)]\s*|\s+)(?=\S)", re.I)
# a label with nothing after it ('Q3', '2.', 'b)', 'Question 4:'): no question
LONE_LABEL = re.compile(
    rf"^\s*(?:{_OWN}|question\s*\d{{1,2}}[a-z]?|\(?(?:\d{{1,2}}[a-z]?|[a-h]|[ivx]{{1,4}})\)?)\s*[-\u2013\u2014:.)]?\s*$",
    re.I,
)


def editor_text(request: Request) -> str:
    """The request's questions as the editor shows them: one a line, its label, a dash, its text on one line."""
    return "\n".join(editor_lines((q.label, q.text) for q in request.questions))


def editor_lines(questions: Iterable[tuple[str, str]]) -> list[str]:
    """(label, text) pairs as the editor's lines, which ``request_with_questions`` reads back to the same labels."""
    return [f"{label} - {_one_line(text)}" for label, text in questions]


def question_texts(editor: str) -> list[str]:
    """The editor's text as the officer's questions: one a line (``EDITOR_RULE``); blank lines dropped."""
    return [line.strip() for line in (editor or "").splitlines() if line.strip()]


def request_with_questions(request: Request, texts: list[str]) -> Request:
    """``request`` with the questions the officer gave, in order, labelled Q1, Q2 ... (a label the officer wrote is
    kept), each with the requester's identity removed; ``LetterError`` when no question is left."""
    texts = [t.strip() for t in texts if t and t.strip() and not LONE_LABEL.match(t)]
    if not texts:
        raise LetterError(
            request.source,
            "no question given: write each question on a line of its own (or press Find precedents to read the "
            "request again)",
        )
    questions = _questions(texts, request.requester)
    labels = [q.label for q in questions]
    app = {q.label for q in request.questions}  # the labels the editor was prefilled with
    if any(labels.count(label) > 1 for label in labels if label in app):
        # a line put between the app's 'Q5 - ...' and 'Q6 - ...' took Q6, and the app's Q6 became 'Q6-2', which
        # reached the letter: the app's numbering is the app's to change, an officer's own labels stay
        questions = _questions(texts, request.requester, renumber=app)
    if not questions:
        raise LetterError(request.source, "no question given: the lines hold only labels")
    return replace(request, questions=tuple(_unique(questions)), note=EDITED_NOTE)


def _questions(
    texts: list[str], requester: Requester, renumber: set[str] | None = None
) -> list[RequestQuestion]:
    """The editor's lines as questions, labelled as written; with ``renumber`` (the app's own labels) those lines
    numbered in turn with the lines without a label, a part ('Q3b') keeping its letter under its question's number."""
    questions: list[RequestQuestion] = []
    counter = 0  # the number of the last top-level question
    parent: str | None = None  # the question a lettered line is a part of ('Q2' for 'b)' under '2.' or 'Q2a')
    numbers: dict[str, int] = {}  # renumbering: an app label's number -> the number it is given
    for raw in texts:
        label, original, text, kind = labelled(raw, counter, parent)
        text = _redacted(text, requester)
        if not text:
            continue  # nothing left once the identity is out (a line of the requester's e-mail alone)
        if kind == "part":
            questions.append(RequestQuestion(label, text, original, own_text=text, sub_of=parent))
            continue
        if renumber is not None and label in renumber and _OWN_LABEL.match(raw):
            label = _renumbered(label, counter, numbers)
        questions.append(RequestQuestion(label, text, original, own_text=text))
        counter = _number(label, counter + 1)
        # a list lettered from the top ('a)', 'b)') is a list of questions, not the parts of one
        parent = None if kind == "lettered" else f"Q{counter}"
    return questions


def _renumbered(label: str, counter: int, numbers: dict[str, int]) -> str:
    """The app's ``label`` in the editor's new numbering: a question ('Q6', 'Q3-2') takes the next number, a part
    ('Q3b', 'Q3a(ii)') its question's new number."""
    m = re.fullmatch(r"Q(\d{1,2})(.*?)(?:-\d{1,2})?", label)
    if m is None:
        return label
    number, part = m.group(1), m.group(2)
    if not part or number not in numbers:
        numbers[number] = counter + 1
    return f"Q{numbers[number]}{part}"


def labelled(line: str, counter: int, parent: str | None) -> tuple[str, str, str, str]:
    """(label, the label as written, the text without it, what the line is) of one line: a ``question``, a
    ``part`` of ``parent``, or a question ``lettered`` with no numbered question above it."""
    own = _OWN_LABEL.match(line)
    if own:
        return "Q" + own.group("label")[1:], own.group("label"), line[own.end() :].strip(), "question"
    m = _LABEL.match(line)
    if m is None:
        return f"Q{counter + 1}", "", line, "question"
    _, kind, key = _style(m)
    text = line[m.end() :].strip()
    if kind in ("num", "dec"):  # '2.', '2a)', 'Question 2:', '[2]', '2.1'
        return f"Q{key}", key, text, "question"
    if kind in ("alpha", "roman") and parent is not None:
        return (f"{parent}{key}" if kind == "alpha" else f"{parent}({key})"), key, text, "part"
    return f"Q{counter + 1}", key, text, "lettered" if key else "question"  # a bullet is no label


def _number(label: str, default: int) -> int:
    """The number of a top-level label ('Q3b' -> 3), which the next unlabelled line follows."""
    m = re.match(r"Q(\d{1,2})", label)
    return int(m.group(1)) if m else default


def _redacted(text: str, requester: Requester) -> str:
    """``text`` with the requester's identity removed: what the request told of them, then what any text shows."""
    clean = text
    for value in requester.emails:
        clean = re.sub(re.escape(value), "[EMAIL]", clean, flags=re.I)
    for value in requester.phones:  # as written, or with other spacing ('07700900123' for '07700 900123')
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            clean = re.sub(r"(?<!\d)" + r"[ \t().-]*".join(digits) + r"(?!\d)", "[PHONE]", clean)
    for value in requester.postcodes:
        clean = re.sub(_spaced(value), "[POSTCODE]", clean, flags=re.I)
    for value in requester.handles:
        clean = re.sub(re.escape(value) + r"(?!\w)", "[HANDLE]", clean, flags=re.I)
    # a street or a line with a number or a postcode names the requester's home wherever it stands; a town alone
    # ('London', under the street) does not, and a question about it is not about the requester
    for value in sorted(requester.address, key=len, reverse=True):
        if re.search(r"\d", value) or STREET.search(value) or POSTCODE.search(value):
            clean = re.sub(r"(?<![\w\[])" + _spaced(value) + r"(?![\w\]])", "[ADDRESS]", clean, flags=re.I)
    # a group of more than one word signed under the name ('Smith Consulting Ltd'); a bare job title is no one's
    for value in requester.affiliation:
        if len(value.split()) > 1:
            clean = re.sub(r"(?<![\w\[])" + _spaced(value) + r"(?![\w\]])", "[AFFILIATION]", clean)
    if requester.name:
        clean = _replace_name(requester.name, clean)
    clean, _ = redact_identity(clean)
    return _one_line(clean)


def _spaced(value: str) -> str:
    """A pattern for ``value`` however it is spaced ('SW1A 2AA', 'SW1A2AA', '12  High Street')."""
    return r"\s*".join(re.escape(part) for part in value.split())


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
