"""Chunks: the unit the index embeds and scores, one (or a few) per question of a letter.

A chunk's text is ``"Question: ...\\nAnswer: ..."``. all-MiniLM-L6-v2 reads at most 256 word-pieces
(about 190 English words) and silently ignores the rest, so answers longer than ``MAX_ANSWER_WORDS`` are
split into several chunks, each repeating the question (cut to ``MAX_QUESTION_WORDS``), so that no chunk has
more than ``MAX_CHUNK_WORDS`` words.

Metadata is kept in two shapes: :attr:`Chunk.metadata` (lists kept as lists; stored in SQLite) and
:meth:`Chunk.chroma_metadata` (scalars only, as Chroma requires: lists joined with ``|`` and one boolean
flag per treatment / exemption prefix for ``where`` filters).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from foi_precedent.letters.exemptions import find_citations
from foi_precedent.letters.model import Letter, Question

MAX_ANSWER_WORDS = 150
MAX_QUESTION_WORDS = 60
MAX_CHUNK_WORDS = 180  # question + answer words per chunk: ~240 word-pieces for plain English
CHUNK_FORMAT = 2  # bump when the chunk text or metadata shape changes (forces a re-ingest)


@dataclass(frozen=True)
class Chunk:
    id: str
    reference: str
    label: str
    seq: int
    text: str
    metadata: dict = field(default_factory=dict, compare=False)

    @property
    def text_sha(self) -> str:
        return text_sha(self.embed_text)

    @property
    def embed_text(self) -> str:
        return embed_text(self.text, self.metadata)

    def chroma_metadata(self) -> dict:
        return chroma_metadata(self.metadata, self.text)


def embed_text(text: str, metadata: dict) -> str:
    """What the embedding model and bm25 read for a chunk (abbreviations spelt out)."""
    return expand_acronyms(text, metadata.get("acronyms") or None)


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def flag_key(value: str) -> str:
    """'s31(1)(a)' -> 's31_1_a'; 'partly_disclosed' -> 'partly_disclosed' (Chroma keys: [a-z0-9_])."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", value.lower())).strip("_")


def exemption_prefixes(exemption: str) -> list[str]:
    """'s31(1)(a)' -> ['s31', 's31(1)', 's31(1)(a)'] (each a valid filter value)."""
    m = re.match(r"\s*((?:s|reg)\d+[A-Za-z]?)((?:\([^)]*\))*)", exemption.strip(), re.I)
    if not m:
        return [exemption.strip()] if exemption.strip() else []
    head = m.group(1).lower()
    parts = re.findall(r"\([^)]*\)", m.group(2))
    return [head + "".join(parts[:n]) for n in range(len(parts) + 1)]


def normalise_exemption_filter(value: str) -> str:
    """What a user may type ('s31', 'section 31(1)', 'S.40(2)', '31') as a normalised citation prefix."""
    text = value.strip()
    if re.fullmatch(r"\d{1,2}[A-Za-z]?", text):
        return "s" + text.lower()
    found = find_citations(text)
    if found:
        return found[0].text
    if re.fullmatch(r"(?:s|reg)\d+.*", text, re.I):
        return text.lower().replace(" ", "")
    return text


def exemption_flag(value: str) -> str:
    return "ex_" + flag_key(normalise_exemption_filter(value))


def treatment_flag(value: str) -> str:
    return "tr_" + flag_key(str(value))


# Abbreviations that FOI letters use bare and the embedding model does not know. Only the text given to the
# embedding model and to bm25 is expanded ("FRT" -> "FRT (facial recognition technology)", first use only);
# the stored chunk text is the letter's own wording.
GLOSSARY = {
    "FRT": "facial recognition technology",
    "LFR": "live facial recognition",
    "RFR": "retrospective facial recognition",
    "OIFR": "operator initiated facial recognition",
    "ANPR": "automatic number plate recognition",
    "BWV": "body worn video",
    "BWC": "body worn camera",
    "CCTV": "closed circuit television cameras",
    "PND": "police national database",
    "PNC": "police national computer",
    "DPIA": "data protection impact assessment",
    "EIA": "equality impact assessment",
    "PCN": "penalty charge notice",
    "CAZ": "clean air zone",
    "UAV": "drone",
    "FOI": "freedom of information",
}
_DEFINED = re.compile(r"\b((?:[A-Z][a-z]+[ -]){1,5}[A-Z][a-z]+)\s*\(([A-Z]{2,6})s?\)")


def letter_acronyms(text: str) -> dict[str, str]:
    """Abbreviations a letter defines itself: 'Facial Recognition Technology (FRT)' -> {'FRT': ...}."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text or ""):
        words, acronym = m.group(1).split(), m.group(2)
        initials = "".join(w[0] for w in re.split(r"[ -]", m.group(1)) if w).upper()
        if initials.endswith(acronym) or acronym == initials:
            found.setdefault(
                acronym,
                " ".join(words[-len(acronym) :]).lower()
                if len(words) >= len(acronym)
                else m.group(1).lower(),
            )
    return found


def expand_acronyms(text: str, extra: dict[str, str] | None = None) -> str:
    """Text for the embedding model and bm25: each known abbreviation spelt out once, after its first use."""
    table = {**GLOSSARY, **(extra or {})}
    seen: set[str] = set()

    def repl(m: re.Match) -> str:
        word = m.group(0)
        if word in seen:
            return word
        seen.add(word)
        expansion = table[word]
        return f"{word} ({expansion})"

    pattern = r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b"
    return re.sub(pattern, repl, text)


# Who is asked is not what is asked: "How many drones does Police Scotland have?" is the question "How many
# drones does the force have?", but MiniLM scores it closer to any other question naming Police Scotland
# (0.72 to "date and location of every drone deployment by Police Scotland", 0.69 to its own paraphrase;
# 0.66 and 0.94 once the names are neutral). Question vectors and queries name every authority alike.
_NOT_A_NAME = (
    r"(?!(?:Dear|Has|Have|Does|Do|Did|How|What|Which|Where|When|Why|Who|Is|Are|Was|Were|Can|Could|Will|"
    r"Would|Please|Provide|Give|Send|List|Tell|The|A|An|In|On|For|By|Of|To|From|If|And|Or|Under|At|With|"
    r"All|Each|Every|Any|Many|Much|Your|Our|This|That|These|Those)\b)"
)
_AUTHORITY = re.compile(
    r"\b(?P<det>(?:the|your)\s+)?(?:"
    rf"(?:{_NOT_A_NAME}[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:(?:and|of)\s+)?){{1,4}}(?:Police\s+Service|Police|Constabulary|"
    r"(?:City|County|Borough|District|Metropolitan\s+Borough)\s+Council)"
    r"|Police\s+Scotland|Police\s+Service\s+of\s+Northern\s+Ireland|Home\s+Office|Council|Met"
    r"|MPS|GMP|WMP|SWP|PSNI|BTP)\b(?P<poss>'s)?"
    r"|\b(?P<det2>the|your)\s+(?:police\s+)?(?:force|organi[sz]ation|authority|council)\b(?P<poss2>'s)?",
)
_NOUN_PHRASE_FOLLOWS = re.compile(
    r"(?:^|\b(?:to|by|from|with|for|of|at|in|on|between|does|did|do|has|have|had|is|"
    r"are|was|were|can|will|would|could|should|and|or|than)\s+)$",
    re.I,
)


def neutral_authority(text: str) -> str:
    """``text`` with every authority it names, and "your force" / "the Council", as "the authority"."""

    def sub(m: re.Match) -> str:
        det = m.group("det") or m.group("det2")
        before = text[
            max(0, m.start() - 40) : m.start()
        ]  # a short window: the whole prefix would be quadratic
        lead = "the authority" if det or _NOUN_PHRASE_FOLLOWS.search(before) else "authority"
        return lead + (m.group("poss") or m.group("poss2") or "")

    return _AUTHORITY.sub(sub, text)


def question_text(text: str) -> str:
    """What a question's own vector, and a query, is embedded from."""
    return expand_acronyms(neutral_authority(text))


def _words(text: str) -> list[str]:
    return text.split()


def _split_answer(answer: str, limit: int = MAX_ANSWER_WORDS) -> list[str]:
    """Split into pieces of at most ``limit`` words, preferring sentence ends."""
    words = _words(answer)
    if len(words) <= limit:
        return [answer.strip()]
    sentences = [s for s in re.split(r"(?<=[.!?;:])\s+|\n+", answer.strip()) if s.strip()]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        sw = _words(sentence)
        while len(sw) > limit:  # one huge sentence: hard split
            if current:
                pieces.append(" ".join(current))
                current = []
            pieces.append(" ".join(sw[:limit]))
            sw = sw[limit:]
        if current and len(current) + len(sw) > limit:
            pieces.append(" ".join(current))
            current = []
        current.extend(sw)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _metadata(letter: Letter, q: Question, seq: int, n_parts: int) -> dict:
    treatments = [t.value for t in q.treatments]
    exemptions = list(q.exemptions)
    year = letter.year or 0
    meta: dict = {
        "reference": letter.reference,
        "label": q.label,
        "seq": seq,
        "parts": n_parts,
        "authority": letter.authority or "",
        "authority_key": (letter.authority or "").strip().lower(),
        "date": letter.date.isoformat() if letter.date else "",
        "year": int(year),
        "date_ord": letter.date.toordinal() if letter.date else 0,
        "treatments": treatments,
        "exemptions": exemptions,
        "pointers": [p.name for p in q.pointers],
    }
    flags = _metadata_flags(treatments, exemptions)
    meta["flags"] = sorted(flags)
    meta.update(flags)
    return meta


def with_reading(meta: dict, q: Question) -> dict:
    """A chunk's metadata with its question's treatments, exemptions and pointers (and their filter flags) as
    ``q`` reads them: an officer's correction (``foi_precedent.corrections``) reaches the filters this way,
    without re-embedding the chunk."""
    old = set(meta.get("flags") or ())
    out = {k: v for k, v in meta.items() if k not in old}
    fresh = _metadata_flags([t.value for t in q.treatments], list(q.exemptions))
    out.update(
        treatments=[t.value for t in q.treatments],
        exemptions=list(q.exemptions),
        pointers=[p.name for p in q.pointers],
        flags=sorted(fresh),
    )
    out.update(fresh)
    return out


def _metadata_flags(treatments: list[str], exemptions: list[str]) -> dict[str, bool]:
    flags: dict[str, bool] = {}
    for t in treatments:
        flags[treatment_flag(t)] = True
    for e in exemptions:
        for prefix in exemption_prefixes(e):
            flags["ex_" + flag_key(prefix)] = True
    return flags


def chunks_for_letter(letter: Letter) -> list[Chunk]:
    chunks: list[Chunk] = []
    defined = {k: v for k, v in letter_acronyms(letter.text).items() if k not in GLOSSARY}
    for q in letter.questions:
        question = q.text.strip()
        answer = (q.answer or "").strip()
        qwords, awords = _words(question), _words(answer)
        if len(awords) > MAX_ANSWER_WORDS or len(qwords) + len(awords) > MAX_CHUNK_WORDS:
            if len(qwords) > MAX_QUESTION_WORDS:
                question = " ".join(qwords[:MAX_QUESTION_WORDS]) + " ..."
            limit = min(MAX_ANSWER_WORDS, MAX_CHUNK_WORDS - min(len(qwords), MAX_QUESTION_WORDS))
            answer_parts = _split_answer(answer, limit)
        else:
            answer_parts = [answer]
        for seq, part in enumerate(answer_parts):
            text = f"Question: {question}\nAnswer: {part}"
            meta = _metadata(letter, q, seq, len(answer_parts))
            used = {k: v for k, v in defined.items() if re.search(rf"\b{re.escape(k)}\b", text)}
            if used:
                meta["acronyms"] = used
            chunks.append(
                Chunk(
                    id=chunk_id(letter.reference, q.label, seq),
                    reference=letter.reference,
                    label=q.label,
                    seq=seq,
                    text=text,
                    metadata=meta,
                )
            )
    return chunks


def chunk_id(reference: str, label: str, seq: int) -> str:
    return f"{reference}::{label}::{seq}"


def chroma_metadata(meta: dict, text: str) -> dict:
    """Scalars only (str/int/float/bool): lists are joined with '|'; flags stay booleans."""
    out: dict = {}
    for key, value in meta.items():
        if key in ("flags", "acronyms"):
            continue
        if isinstance(value, (list, tuple)):
            out[key] = "|".join(str(v) for v in value)
        elif value is None:
            out[key] = ""
        else:
            out[key] = value
    out["text_sha"] = text_sha(embed_text(text, meta))  # identifies what the vector was computed from
    return out
