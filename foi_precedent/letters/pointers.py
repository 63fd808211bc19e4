"""Published resources a letter points the requester to (Section 16 / Section 21 pointers): names, URLs and
"(Link Removed)" markers, read from an answer's text.

Pure.
"""

from __future__ import annotations

import re

from foi_precedent.letters.model import (
    Pointer,
    pointer_key,
)

# --- pointers -------------------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s)>\]]+")
_DOMAIN_PAREN = re.compile(r"\s*\((?P<domain>(?:[\w-]+\.)+(?:uk|com|org|gov|net|io|eu|scot|wales))\)", re.I)
_ANCHOR = re.compile(
    r"(?i:(?:visit|see|view|access|follow|use)\s+(?:this|these|the following|the)\s+links?\s*(?:for more information)?)"
    r"\s*[:\-\u2013\u2014]?\s*|"
    r"(?i:sec(?:tion)?\.? 16 duty to assist)\s*[:\-\u2013]?\s*|"
    r"(?:read|see|consult|refer to) the (?:published )?(?=[A-Z])|"
    r"(?:is|are) (?:published|available) (?:at|on|in|via)\s*:?\s*(?:the )?|"
    r"(?:found|located) (?:at|on|in)\s*:?\s*(?:the )?|"
    r"\s&\s",
)
_DOC_NOUNS = (
    "policy",
    "policies",
    "procedure",
    "procedures",
    "app",
    "grid",
    "assessment",
    "document",
    "report",
    "reports",
    "guidance",
    "strategy",
    "framework",
    "minutes",
    "statistics",
    "dashboard",
    "hub",
    "page",
    "register",
    "code",
    "bulletin",
    "plan",
    "review",
    "scheme",
    "log",
    "website",
    "tables",
    "handbook",
    "manual",
    "data",
    "accounts",
    "figures",
    "publication",
    "technology",
    "recognition",
    "notice",
    "hearings",
    "outcomes",
    "workforce",
    "portal",
    "map",
    "releases",
    "release",
    "survey",
    "reports",
    "account",
    "library",
)
_LEGISLATION = re.compile(r"https?://(?:www\.)?legislation\.gov\.uk/", re.I)
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to", "&", "-", "–", "|", "a"}
_NOT_POINTERS = re.compile(
    r"^(freedom of information|information commissioner|the act|section|sec\b|data protection|human rights|"
    r"police service|metropolitan police( service)?$|mps$|college of policing$|crown prosecution|internal review|"
    r"refusal notice|public interest|law enforcement|personal information|complaint rights|"
    # what goes with the reply ('Please see the Annex for the information requested') is disclosed, not published
    r"(?:the\s+)?(?:annex|appendix|appendices|attachment|attached|enclosure|enclosed|spreadsheet)\b)",
    re.I,
)


# --- pointers -------------------------------------------------------------------------------------


def extract_pointers(answer: str) -> list[Pointer]:
    """Named published resources in an answer, with URL and '(Link Removed)' markers."""
    found: dict[str, Pointer] = {}

    def add(name: str, url: str | None = None, removed: bool = False) -> None:
        if url and _LEGISLATION.match(url):
            return  # the text of the Act or its regulations, cited for its words, not the information asked for
        name = _clean_pointer_name(name)
        key = pointer_key(name)
        if not key or len(key) < 3 or _NOT_POINTERS.match(name) or len(name.split()) > 14:
            return
        old = found.get(key)
        found[key] = Pointer(
            name=old.name if old else name,
            url=(old.url if old and old.url else url),
            link_removed=removed or bool(old and old.link_removed),
        )

    for line in answer.split("\n"):
        spans: list[tuple[int, int]] = []

        # 1. "Name (domain.uk)" and "Name.pdf(domain.uk)"
        def span(name: str | None, m: re.Match, line: str = line) -> tuple[int, int]:
            start = line.rfind(name, 0, m.start()) if name else -1
            return (start if start >= 0 else m.start(), m.end())

        for m in _DOMAIN_PAREN.finditer(line):
            name = _name_before(line[: m.start()])
            if name:
                add(name)
            spans.append(span(name, m))
        # 2. "Name: https://..." / "Name https://..."
        for m in _URL.finditer(line):
            url = m.group(0).rstrip(".,;")
            name = _name_before(
                re.sub(r"(?:\s*(?:[:\-\u2013]|\bat\b|\bvia\b|\bhere\b|\bon\b))+\s*$", "", line[: m.start()])
            )
            add(name or url, url)
            spans.append(span(name, m))
        # 3. "(Link Removed)"
        for m in re.finditer(r"\(\s*link removed\s*\)", line, re.I):
            name = _name_before(line[: m.start()])
            add(name or "Link removed", None, True)
            spans.append(span(name, m))
        # 4. after an anchor phrase, up to the end of the sentence ("visit this link Live Facial Recognition")
        listing = bool(spans)  # an '&' only joins a second name to one already read ('see the X & Y')
        for m in _ANCHOR.finditer(line):
            if m.group(0).strip() == "&" and not listing:
                continue  # 'Cheshire Fire & Rescue Service' names no resource
            listing = True
            if any(a <= m.end() < b for a, b in spans):
                continue
            tail = re.split(
                r"(?<!\.pdf)[.;,](?:\s|$)|\s&\s|\s+and\s+(?:visit|see)\b|\s\(|\s-\s|:?\s*https?://",
                line[m.end() :],
            )[0]
            tail = _PURPOSE_TAIL.split(tail, maxsplit=1)[0].strip(" :-\u2013")
            if tail and tail[0].isupper() and not _URL.match(tail):
                add(tail)
        # 6. a link's words where the copy kept them and lost the link ("... via the following link: Planning Search
        # – Herefordshire Council", "Please follow the link to our publication scheme, section 2a:"), and a reply to
        # an earlier request pointed to ("You can find the information in the response to FOI Request 3404.")
        for name, at in _link_words(line):
            if not any(a <= at < b for a, b in spans):
                add(name)
                spans.append((at, at + len(name)))
        # 5. Title Case document names ("College of Policing APP for Live Facial Recognition")
        for name in _document_phrases(line):
            if not any(pointer_key(name) in k or k in pointer_key(name) for k in found):
                add(name)
    return list(found.values())


# a lead whose link follows it, the link's words kept where the copy lost the link ("is available at the following
# link:", "via this web page:")
_LINK_AFTER = re.compile(
    r"\b(?:the\s+following|this|the\s+below|the\s+link\s+below)\s+(?:web\s?)?(?:links?|site|website|web\s?page|"
    r"page|address)(?:\s+below)?\s*:\s*",
    re.I,
)
# a link named before its colon or in its sentence ("Please follow the link to our publication scheme, section 2a:",
# "here is a link to the response EIR1700 Lithium Batteries .")
_LINK_TO = re.compile(
    r"\b(?:follow|see|use|click(?:\s+on)?|here\s+is|is|find)\s+(?:the\s+|a\s+|this\s+)?link\s+(?:to|for)\s+"
    r"(?P<name>(?:the\s+|our\s+)?[^:.;]{3,90}?)\s*(?::|\s\.|\.(?:\s|$)|$)",
    re.I,
)
# an earlier reply named by its reference ("in the response to FOI Request 3404", "our response to EIR 1700")
_EARLIER_REPLY = re.compile(
    r"\b(?:the|our|a)\s+(?:previous\s+|earlier\s+)?response\s+to\s+(?:request\s+|reference\s+|ref\.?\s+)?"
    r"(?P<name>(?:FOI|EIR|FOIA|FOISA|FOIR|RFI)\b[\s/-]*(?:request\s*)?(?:ref(?:erence)?\.?\s*)?(?:no\.?\s*)?"
    r"[\w/-]*\d[\w/-]*)",
    re.I,
)
# where a link's words kept in the line end: a sentence, a bracket, the next numbered item, the site's own words
_LINK_WORDS_END = re.compile(r"[.?!](?:\s|$)|\s\(|\s\d{1,2}[.)]|\s+Back to\b|\s*https?://")
# the next sentence run on after a link's words, where the copy dropped the link between them ("Planning Search –
# Herefordshire Council The information relevant to ..."): a capitalised word that starts a sentence
_RUN_ON = re.compile(
    r"\s(?=(?:The|This|These|That|Please|We|I|It|Our|If|You|Your|As|Any|Unfortunately|However|In|For)\s)"
)


def _link_words(line: str) -> list[tuple[str, int]]:
    """The names of links whose words the line keeps and whose address it lost, each with where it starts."""
    out: list[tuple[str, int]] = []
    for m in _LINK_AFTER.finditer(line):
        rest = line[m.end() :]
        if not rest or _URL.match(rest) or not (rest[0].isupper() or rest[0].isdigit()):
            continue
        words = _LINK_WORDS_END.split(rest, maxsplit=1)[0]
        cut = next((r.start() for r in _RUN_ON.finditer(words) if len(words[: r.start()].split()) >= 2), None)
        name = words[:cut].strip() if cut is not None else words.strip()
        if name:
            out.append((name, m.end()))
    for m in _LINK_TO.finditer(line):
        # (not the start of an address cut at its colon: "a link to the web page http://www.moray.gov.uk/")
        if not re.search(r"\bhttps?\b|\bwww\.", m.group("name"), re.I) and not _URL.match(
            line[m.end() :].strip()
        ):
            out.append((m.group("name"), m.start("name")))
    for m in _EARLIER_REPLY.finditer(line):
        out.append((m.group("name"), m.start("name")))
    return out


#: what follows a resource's name in a sentence, not part of it ("the LFR Deployment Grid for the relevant data")
_PURPOSE_TAIL = re.compile(
    r"\s+(?:for\s+(?:the\s+|your\s+)?(?:relevant|more|further|additional|full|latest|detailed|up-to-date)\b"
    r"|(?:which|where|that)\s+(?=[a-z]))"
)


def _name_before(prefix: str) -> str | None:
    """The resource name that ends at the end of ``prefix``: cut after the last anchor phrase."""
    prefix = prefix.rstrip()
    cut = 0
    for m in _ANCHOR.finditer(prefix):
        cut = m.end()
    for m in re.finditer(r"[.:;](?:\s|$)|\blinks?\b\s*[:\-\u2013]?", prefix):
        if m.end() > cut and m.end() < len(prefix):
            cut = m.end()
    name = prefix[cut:].strip(" :-\u2013\u2014")
    if not name:
        return None
    words = name.split()
    # Keep the trailing run that looks like a title (starts with a capital or an acronym).
    while words and not (words[0][0].isupper() or words[0][0].isdigit()):
        words.pop(0)
    return " ".join(words[-14:]) if words else None


def _clean_pointer_name(name: str) -> str:
    name = _DOMAIN_PAREN.sub("", name)
    name = re.sub(r"\.(pdf|docx?|xlsx?|csv|html?)\b", "", name, flags=re.I)
    name = re.sub(r"\s*\|\s*[^|]*$", "", name)  # "Live Facial Recognition | Metropolitan Police"
    name = re.sub(r"\s*\(\s*[A-Z]{2,6}\s*\)\s*$", "", name)  # "(EIA )"
    return name.strip(" .:-\u2013\u2014\"'")


_TITLE_TOKEN = re.compile(r"[A-Z][\w'’-]*|[A-Z]{2,}|&|of|for|and|the|on|in|to|a")


def _document_phrases(line: str) -> list[str]:
    out = []
    tokens = re.findall(r"[\w'’&.-]+|[|]", line)
    run: list[str] = []

    def flush():
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        while run and run[0].lower() in _CONNECTORS:
            run.pop(0)
        if len(run) >= 2 and any(w.lower().strip(".") in _DOC_NOUNS for w in run):
            caps = sum(1 for w in run if w[0].isupper())
            if caps >= 2:
                out.append(" ".join(run).strip("."))
        run.clear()

    for i, tok in enumerate(tokens):
        word = tok.rstrip(".")
        if word and (word[0].isupper() or (run and word.lower() in _CONNECTORS)):
            if word[0].isupper() and i > 0 and not run and tokens[i - 1].endswith("."):
                pass
            run.append(word)
            if tok.endswith(".") and not word.isupper():
                flush()
        else:
            flush()
    flush()
    return [
        p for p in out if not _NOT_POINTERS.match(p) and not re.match(r"^(This|The|Part|Please|Q\d)\b", p)
    ]
