"""A new FOI request: its questions in the requester's words, with the requester's identity removed.

Requests are applicant-blind: the identity (names, email and postal addresses, phone numbers) is
replaced by placeholders such as ``[NAME]`` before any text reaches the index or a model, and kept
only in ``Request.requester`` for the salutation of the final letter. Pure: text in, ``Request`` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi_precedent.errors import LetterError
from foi_precedent.letters.parser import named_regime

MAX_REQUEST_BYTES = 1024 * 1024  # a request is a page or two; anything over 1 MB is not a request

# --- identity -------------------------------------------------------------------------------------

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# 07700 900123, 020 7946 0958, (020) 7946 0958, +44 7700 900123, +44 (0)20 7946 0958, 0161-496-0000
PHONE = re.compile(
    r"(?<![\w.])(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w.])"
)
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")
_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Place|Pl|Court|Ct|Crescent|Gardens|Terrace|Grove|Hill|"
    "Square|Sq|Park|Row|Walk|Mews|Parade|Rise|View|Green"
)
STREET = re.compile(rf"\b(?:Flat \d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_STREET_WORDS})\b\.?")
_NAME = r"(?P<name>[A-Z][a-zA-Z'’-]+(?:[ \t]+(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)){0,3})"
MY_NAME = re.compile(rf"\b(?:my name is|I am called|name:)[ \t]+{_NAME}", re.I)
DEAR = re.compile(rf"^(?P<lead>\s*dear[ \t]+){_NAME}(?P<rest>.*)$", re.I | re.M)
SIGN_OFF = re.compile(
    r"^\s*(?:yours[ \t]+(?:sincerely|faithfully|truly)|kind(?:est)?[ \t]+regards|best[ \t]+regards|(?:many[ \t]+)?thanks"
    r"(?:[ \t]+(?:and|&)[ \t]+regards)?|regards|best wishes|with thanks|thank you)\b[ \t]*,?[ \t]*(?P<tail>.*)$",
    re.I | re.M,
)
_ORGANISATION = re.compile(r"\b(?:council|police|service|authority|department|constabulary|commissioner|office|"
                           r"trust|team|unit|board|government|ministry|agency)\b", re.I)
_GENERIC_ADDRESSEE = re.compile(
    r"^(sir|madam|sirs|sir or madam|sir/madam|sir / madam|foi|foi team|freedom of information|information|"
    r"officer|team|colleague|colleagues|all|data|records|disclosure|the|metropolitan|council|police|mr|mrs|ms|dr)\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:dear\b.*|hello|hi|good (?:morning|afternoon|evening)|to whom it may concern|greetings)\W{0,3}\s*$", re.I
)
_IDENTITY_LINE = re.compile(r"^\s*(?:address|tel(?:ephone)?|phone|mobile|email|e-mail)\s*:", re.I)

# --- questions ------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^\s*(?:"
    r"(?:q(?:uestion)?|request|item)\s*\.?\s*(?P<kw>\d{1,2})(?P<kwsub>[a-z])?(?![a-z\d])\s*[-\u2013\u2014:.)]?\s*|"
    r"\(?(?P<num>\d{1,2})(?P<numsub>[a-z])?[.)]\s*|"
    r"\((?P<paren>[a-z]|[ivx]{1,4})\)\s*|"
    r"(?P<letter>[a-h])[.)]\s+|"
    r"(?P<bullet>[-*\u2022\u25aa\u25cf\u2013])\s+"
    r")(?=\S)",
    re.I,
)
_ASK_START = re.compile(
    r"^(?:please\s+(?:can\s+you\s+|could\s+you\s+)?(?:provide|tell|confirm|send|state|give|supply|disclose|advise|list|"
    r"share|explain|specify|detail|outline|let me know|inform|release|forward|include|indicate|identify)|"
    r"(?:could|can|would|will)\s+you|how\s+(?:many|much|often|long|is|are|does|do|did|has|have|was|were|were|many)|"
    r"what|which|when|where|who|whom|whose|why|whether|"
    r"(?:is|are|does|do|did|has|have|was|were|will|can|could|should)\s|"
    r"i\s+(?:would|'d)\s+(?:like|be grateful)(?:\s+\w+){0,3}\s+(?:to\s+(?:know|see|receive|have|obtain|request)|"
    r"a\s+cop|cop|details|the\s+number|information|data|figures|a\s+list|a\s+breakdown)|"
    r"i\s+(?:request|am requesting|wish to (?:know|see|receive|request)|want to know|seek)|"
    r"the\s+(?:number|total|amount|cost|names?)\s+of|a\s+(?:copy|list|breakdown)\s+of|copies\s+of|"
    r"details\s+of|any\s+(?:records|documents|information|correspondence|data|policies|guidance))",
    re.I,
)
_CONTINUATION = re.compile(
    r"^(?:if\s+(?:so|not|yes|no|applicable)|please\s+(?:specify|break|include|also|provide\s+(?:this|these|the|a|"
    r"your)?\s*(?:answer|information|data|figures|breakdown|response)s?\s+(?:by|in|as|for|broken))|broken\s+down|"
    r"including|in\s+each\s+case|for\s+each|split\s+by|by\s+(?:year|month|ethnicity|gender|age))",
    re.I,
)
_PREAMBLE = re.compile(
    r"(?:freedom of information|foi act|information act 2000|following information|following questions|"
    r"the following)\b.*:\s*$|:\s*$",
    re.I,
)
_PLEASANTRY = re.compile(
    r"^(?:thank(?:s| you)\b|i look forward|i hope|many thanks|please acknowledge|i would be grateful if you "
    r"could (?:acknowledge|confirm receipt)|please confirm receipt)",
    re.I,
)


@dataclass(frozen=True)
class Requester:
    """Who asked. Never sent to the index or a model; used only for the letter's salutation."""

    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    address: tuple[str, ...] = ()

    @property
    def salutation(self) -> str:
        return f"Dear {self.name}," if self.name else "Dear Requester,"

    def values(self) -> list[str]:
        """Every identifying string (for tests and for a last scrub of outgoing text)."""
        out = [self.name] if self.name else []
        return out + [*self.emails, *self.phones, *self.postcodes, *self.address]


@dataclass(frozen=True)
class RequestQuestion:
    label: str  # normalised: Q1, Q1a, Q2 ...
    text: str  # the requester's wording, identity removed
    original_label: str = ""


@dataclass(frozen=True)
class Request:
    questions: tuple[RequestQuestion, ...]
    text: str  # the whole request with identity replaced by placeholders
    requester: Requester = field(default_factory=Requester)
    source: str = "request"

    @property
    def regime(self) -> str | None:
        """The regime the requester names ('under the Freedom of Information (Scotland) Act'), or None."""
        named = named_regime(self.text)
        return named.value if named else None

    def to_dict(self) -> dict:
        return {"questions": [{"label": q.label, "text": q.text} for q in self.questions], "text": self.text}


# --- identity removal -----------------------------------------------------------------------------


def redact_identity(text: str) -> tuple[str, Requester]:
    """Replace the requester's identity by placeholders; return the clean text and what was removed."""
    names: list[str] = []
    address: list[str] = []
    block_lines: set[int] = set()  # signature-block lines that hold an address

    def add_name(name: str) -> None:
        name = name.strip(" ,.")
        if name and not _GENERIC_ADDRESSEE.match(name) and name not in names:
            names.append(name)

    for m in MY_NAME.finditer(text):
        add_name(m.group("name"))
    # "Dear ..." in a request names whoever it is addressed to (an FOI officer, the authority), never the
    # requester: a person's name there is removed as written, and is not the reply's salutation.
    addressees = list(dict.fromkeys(
        name for m in DEAR.finditer(text) if (name := m.group("name").strip(" ,."))
        and not _GENERIC_ADDRESSEE.match(name) and not _ORGANISATION.search(name)))

    lines = text.split("\n")
    # The sign-off block (the last sign-off line): the name on it or on the next line, then address lines.
    sign_offs = [i for i, line in enumerate(lines) if (m := SIGN_OFF.match(line)) and len(line) < 80
                 and (not m.group("tail").strip() or re.fullmatch(_NAME, m.group("tail").strip()))]
    if sign_offs:
        i = sign_offs[-1]
        tail = SIGN_OFF.match(lines[i]).group("tail").strip()
        block = ([(i, tail)] if tail else []) + [(j, lines[j]) for j in range(i + 1, min(len(lines), i + 8))]
        started = False
        for j, item in ((j, b.strip()) for j, b in block):
            if not item:
                if started:
                    break
                continue
            if not started:
                started = True
                if re.fullmatch(_NAME, item) and len(item.split()) <= 4:
                    add_name(item)
                    continue
            if EMAIL.search(item) or PHONE.search(item) or _IDENTITY_LINE.match(item) or "?" in item:
                continue
            if len(item) < 60:
                address.append(item)
                block_lines.add(j)

    emails = tuple(dict.fromkeys(EMAIL.findall(text)))
    phones = tuple(dict.fromkeys(m.group(0).strip() for m in PHONE.finditer(text)))
    postcodes = tuple(dict.fromkeys(POSTCODE.findall(text)))
    # Street addresses next to other identity (a postcode, "my address is", "I live at", the signature).
    for line in lines:
        if POSTCODE.search(line) or MY_NAME.search(line) or re.search(r"\b(?:my address|i live at|address:)", line,
                                                                        re.I):
            address.extend(m.group(0).strip(" ,.") for m in STREET.finditer(line))
    address = list(dict.fromkeys(a for a in address if a))
    streets = [a for a in address if STREET.fullmatch(a)]

    clean = "\n".join("[ADDRESS]" if j in block_lines else line for j, line in enumerate(lines))
    clean = EMAIL.sub("[EMAIL]", clean)
    clean = PHONE.sub("[PHONE]", clean)
    for a in sorted(streets, key=len, reverse=True):  # a street address is specific enough to replace anywhere
        clean = clean.replace(a, "[ADDRESS]")
    clean = POSTCODE.sub("[POSTCODE]", clean)
    clean = MY_NAME.sub(lambda m: m.group(0)[: m.start("name") - m.start()] + "[NAME]", clean)
    for name in sorted(names, key=len, reverse=True):
        parts = [name] + [p for p in name.split() if len(p) > 2 and not p.endswith(".")]
        for part in parts:
            clean = re.sub(rf"(?<![\w\[]){re.escape(part)}(?![\w\]])", "[NAME]", clean)
    for name in sorted((a for a in addressees if a not in names), key=len, reverse=True):
        clean = re.sub(rf"(?<![\w\[]){re.escape(name)}(?![\w\]])", "[NAME]", clean)
    clean = re.sub(r"\[NAME\](?:[ \t]+\[NAME\])+", "[NAME]", clean)
    return clean, Requester(
        name=names[0] if names else None, emails=emails, phones=phones, postcodes=postcodes, address=tuple(address)
    )


# --- splitting ------------------------------------------------------------------------------------


def _body_lines(text: str) -> list[str]:
    """The lines that can hold questions: without the salutation and anything from the sign-off on."""
    out = []
    for line in text.split("\n"):
        if SIGN_OFF.match(line) and len(line) < 80 and not _asks(line):
            break
        if DEAR.match(line) or _GREETING.match(line):
            continue
        if _IDENTITY_LINE.match(line):
            continue
        out.append(line.rstrip())
    return out


def _asks(sentence: str) -> bool:
    s = sentence.strip().strip('"“”')
    if not s or _PLEASANTRY.match(s):
        return False
    if s.endswith("?"):
        return True
    if _PREAMBLE.search(s) and not s.endswith("?"):
        return False
    return bool(_ASK_START.match(s))


def _sentences(paragraph: str) -> list[str]:
    text = re.sub(r"\s+", " ", paragraph).strip()
    parts = re.split(r"(?<=[?.!])\s+(?=[\"“(]?[A-Z0-9])", text)
    return [p.strip() for p in parts if p.strip()]


def _labelled(lines: list[str]) -> list[tuple[str, str, str]] | None:
    """(kind, key, text) items when the request lists its questions; None when it is prose."""
    items: list[list[str]] = []  # [kind, key, text]
    blank_since = False
    for line in lines:
        if not line.strip():
            blank_since = True
            continue
        m = _LABEL.match(line)
        if m:
            rest = line[m.end():].strip()
            if m.group("kw"):
                kind, key = "num", m.group("kw") + (m.group("kwsub") or "").lower()
            elif m.group("num"):
                kind, key = "num", m.group("num") + (m.group("numsub") or "").lower()
            elif m.group("paren"):
                kind, key = "sub", m.group("paren").lower()
            elif m.group("letter"):
                kind, key = "sub", m.group("letter").lower()
            else:
                kind, key = "bullet", ""
            items.append([kind, key, rest])
            blank_since = False
        elif items and (not blank_since or _CONTINUATION.match(line.strip())):
            items[-1][2] = (items[-1][2] + " " + line.strip()).strip()
        # anything else (a preamble, or a closing paragraph after a blank line) is not a question
    if not items:
        return None
    return [(k, key, text) for k, key, text in items]


def _label_questions(items: list[tuple[str, str, str]]) -> list[RequestQuestion]:
    out: list[RequestQuestion] = []
    has_num = any(k == "num" for k, _, _ in items)
    parent_num: str | None = None
    parent_text = ""
    parent_kept = True
    counter = 0
    for n, (kind, key, text) in enumerate(items):
        if not text:
            continue
        if kind == "num" or (kind in ("bullet", "sub") and not has_num):
            if kind == "num":
                num = re.match(r"\d+", key).group(0)
                sub = key[len(num):]
                counter = int(num)
                label = f"Q{num}{sub}"
            else:
                counter += 1
                label = f"Q{counter}"
            parent_num, parent_text = label, text
            followed_by_subs = n + 1 < len(items) and items[n + 1][0] != "num" and has_num
            parent_kept = not followed_by_subs or _asks(text)
            if parent_kept:
                out.append(RequestQuestion(label, text, key))
        else:  # a sub-item under a numbered question: (a), a), bullets
            if parent_num is None:
                counter += 1
                out.append(RequestQuestion(f"Q{counter}", text, key))
                continue
            subs = [q for q in out if q.label.startswith(parent_num) and q.label != parent_num]
            letter = key if kind == "sub" and len(key) == 1 and key.isalpha() else "abcdefghijklmnopqrstuvwxyz"[len(subs)]
            wording = f"{parent_text.rstrip()} {text}"
            out.append(RequestQuestion(f"{parent_num}{letter}", wording, key))
    # Unique labels (a request may restart its numbering).
    seen: dict[str, int] = {}
    unique = []
    for q in out:
        n = seen.get(q.label, 0)
        seen[q.label] = n + 1
        unique.append(q if n == 0 else RequestQuestion(f"{q.label}-{n + 1}", q.text, q.original_label))
    return unique


def _prose_questions(lines: list[str]) -> list[RequestQuestion]:
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    found: list[str] = []
    for para in paragraphs:
        last_asked = False
        for s in _sentences(para):
            if last_asked and _CONTINUATION.match(s):
                found[-1] = f"{found[-1]} {s}"
                continue
            last_asked = _asks(s)
            if last_asked:
                found.append(s)
    return [RequestQuestion(f"Q{i}", text) for i, text in enumerate(found, 1)]


def split_request(text: str, source: str = "request") -> Request:
    """The questions of a request, in the requester's wording, with the requester's identity removed."""
    if text is None or not text.strip():
        raise LetterError(source, "the request is empty")
    size = len(text.encode("utf-8"))
    if size > MAX_REQUEST_BYTES:
        raise LetterError(source, f"the request is {size / 2**20:.1f} MB; a request over "
                                  f"{MAX_REQUEST_BYTES // 2**20} MB is not a request (paste the questions only)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    clean, requester = redact_identity(text)
    lines = _body_lines(clean)
    items = _labelled(lines)
    questions = _label_questions(items) if items else []
    if not questions:
        questions = _prose_questions(lines)
    if not questions:
        raise LetterError(source, "no question found in the request (number the questions, or write each as a "
                                  "sentence that asks, e.g. 'How many ...?' or 'Please provide ...')")
    return Request(questions=tuple(questions), text=clean.strip(), requester=requester, source=source)
