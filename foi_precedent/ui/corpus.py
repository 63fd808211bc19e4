"""Browsing and growing the corpus: filters over letters, and ingest of uploaded files. No Streamlit."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from foi_precedent.corrections import CORRECTED, CORRECTORS, correction_note, orphaned
from foi_precedent.letters.model import Letter, Treatment
from foi_precedent.letters.versions import SUPERSEDED_REASON, SUPERSEDES, superseded_by, written_reference
from foi_precedent.splits import editor_text, letter_split, split_note


@dataclass(frozen=True)
class LetterFilter:
    authority: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    exemption: str | None = None
    treatment: str | None = None
    cluster: str | None = None

    def matches(self, letter: Letter) -> bool:
        if self.authority and (letter.authority or "") != self.authority:
            return False
        if self.date_from and (letter.date is None or letter.date < self.date_from):
            return False
        if self.date_to and (letter.date is None or letter.date > self.date_to):
            return False
        if self.exemption and self.exemption not in exemptions_of(letter):
            return False
        if self.treatment and Treatment(self.treatment) not in {
            t for q in letter.questions for t in q.treatments
        }:
            return False
        return not (self.cluster and cluster_of(letter) != self.cluster)

    def search_args(self) -> dict:
        """The same filters as keyword arguments of ``index.search`` (cluster is applied afterwards)."""
        return {
            "authority": self.authority,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "exemption": self.exemption,
            "treatment": self.treatment,
        }


def cluster_of(letter: Letter) -> str | None:
    value = (letter.meta or {}).get("cluster")  # the front matter's cluster, for the shipped corpus
    return str(value) if value else None


def exemptions_of(letter: Letter) -> set[str]:
    return set(letter.exemptions) | {e for q in letter.questions for e in q.exemptions}


def options(letters: Iterable[Letter]) -> dict[str, list[str]]:
    """The values each filter can take, from the letters in the index."""
    letters = list(letters)
    return {
        "authority": sorted({x.authority for x in letters if x.authority}),
        "exemption": sorted({e for x in letters for e in exemptions_of(x)}, key=_exemption_order),
        "treatment": [
            t.value for t in Treatment if any(t in q.treatments for x in letters for q in x.questions)
        ],
        "cluster": sorted({c for x in letters if (c := cluster_of(x))}),
    }


def _exemption_order(e: str):
    m = re.match(r"(s|reg)(\d+)", e)
    return (m.group(1), int(m.group(2)), e) if m else ("~", 0, e)


def table_rows(letters: Iterable[Letter]) -> list[dict]:
    return [
        {
            "Reference": x.reference,
            "Date": x.date,
            "Authority": x.authority or "",
            "Title": x.title or "",
            "Cluster": cluster_of(x) or "",
            "Questions": len(x.questions),
            "Exemptions": ", ".join(sorted(exemptions_of(x), key=_exemption_order)),
            "Superseded by": superseded_by(x.meta) or "",
            "To check": sum(1 for q in x.questions if q.review),  # questions read with low confidence
            "Corrected": len((x.meta or {}).get(CORRECTED) or {}),  # questions an officer corrected
        }
        for x in sorted(letters, key=lambda x: (x.date or date.min, x.reference), reverse=True)
    ]


def version_notes(letter: Letter) -> list[str]:
    """What the Corpus page says about a letter's versions: its reference as written when its key differs (a
    second letter with that reference), what supersedes it and why, what it supersedes."""
    notes = []
    if written_reference(letter) != letter.reference:
        notes.append(
            f"Written with reference {written_reference(letter)}: another letter in the index has it too."
        )
    newer = superseded_by(letter.meta)
    if newer:
        why = (letter.meta or {}).get(SUPERSEDED_REASON)
        notes.append(
            f"Superseded by {newer}" + (f" ({why})" if why else "") + ": kept, and counts less as precedent."
        )
    older = (letter.meta or {}).get(SUPERSEDES) or []
    if older:
        notes.append("Supersedes " + ", ".join(older) + ".")
    return notes


def can_correct(user: Any) -> bool:
    """Drafters and reviewers correct readings (the store refuses anyone else too)."""
    return bool(CORRECTORS & set(user.roles))


def _reading(treatments: Iterable[str], exemptions: Iterable[str] = (), ncnd: Iterable[str] = ()) -> str:
    from foi_precedent.ui.text import treatment_words

    provisions = list(dict.fromkeys([*exemptions, *ncnd]))
    return treatment_words(treatments) + (f" under {', '.join(provisions)}" if provisions else "")


def correction_lines(letter: Letter, label: str) -> str | None:
    """What the Corpus page says about a corrected question: who corrected it, when and why, and how the reader
    had read it (None: read as the reader read it)."""
    note = correction_note(letter, label)
    if not note:
        return None
    was = note.get("original") or {}
    when = (note.get("at") or "")[:16].replace("T", " ")
    line = f"Corrected by {note['officer']} on {when} UTC: {note['reason']}"
    original = _reading(was.get("treatments", []), was.get("exemptions", []), was.get("ncnd", []))
    line += f"\nThe reader had read it as: {original}"
    if was.get("review"):
        line += f" (marked for review: {was['review']})"
    return line


def orphan_lines(letter: Letter) -> list[str]:
    """Corrections of questions this letter no longer has (a newer reader split it otherwise): not applied."""
    return [
        f"A correction of {c.label} by {c.officer} ({c.reason}) is not applied: the letter, as read now, has no "
        f"question {c.label}. Correct the question it now is, if the correction still holds."
        for c in orphaned(letter)
    ]


def split_editor(letter: Letter) -> str:
    """The letter's questions as the split editor is pre-filled with: one a line, 'label - text' (a question read
    with no words of its own shows its label, so saving the editor unchanged keeps it)."""
    return editor_text((label, text or label) for label, text in letter_split(letter))


def split_lines(letter: Letter) -> str | None:
    """What the Corpus page says about a letter an officer re-split: who set its questions, when and why, and how
    the reader had split it (None: read as the reader splits it)."""
    note = split_note(letter)
    if not note:
        return None
    when = (note.get("at") or "")[:16].replace("T", " ")
    line = f"Questions set by {note['officer']} on {when} UTC: {note['reason']}"
    reader = note.get("reader") or []
    if reader:
        line += "\nThe reader had split it into: " + ", ".join(label for label, _ in reader)
    return line


def _safe_name(name: str) -> str:
    base = Path(name).name
    return re.sub(r"[^\w.\- ]+", "_", base).strip(" .") or "upload.txt"


def ingest_uploads(
    index: Any, files: list[tuple[str, bytes]], progress: Callable[[int, int, str], None] | None = None
):
    """Write the uploads to a temporary folder and ingest them; the report names files as uploaded.

    Returns the index's ``IngestReport`` with its paths rewritten to the upload names.
    """
    with tempfile.TemporaryDirectory(prefix="precedent-upload-") as folder:
        names: dict[str, str] = {}
        paths = []
        for i, (name, data) in enumerate(files):
            path = Path(folder) / f"{i:03d}-{_safe_name(name)}"
            path.write_bytes(data)
            names[str(path)] = name
            paths.append(path)

        def report_progress(done: int, total: int, current: str) -> None:
            if progress:
                progress(done, total, names.get(str(current), Path(current).name))

        report = index.ingest_paths(paths, progress=report_progress)

    def named(text: str) -> str:
        for temporary, name in names.items():
            text = text.replace(temporary, name)
        return text

    report.skipped = [(names.get(p, p), _file_names(named(reason))) for p, reason in report.skipped]
    report.same_reference = [(names.get(p, p), named(line)) for p, line in report.same_reference]
    report.not_read = [(names.get(p, p), reason) for p, reason in report.not_read]
    for entry in report.entries:
        entry.path = names.get(entry.path, entry.path)
    return report


def _file_names(reason: str) -> str:
    """A reason as the page shows it: the file a duplicate repeats named by its file name, not by its path on the
    server ('duplicate of FOI-1 (same content as /srv/precedent/corpus/real/x.txt)' -> '... as x.txt)')."""
    return re.sub(r"(same content as )([^()]*[\\/])([^\\/()]+)(?=[,)])", r"\1\3", reason)


def already_indexed(reason: str) -> bool:
    """A file skipped only because a letter with the same content is in the index already (or earlier in the same
    upload): nothing is lost, unlike a file that could not be read."""
    return reason.startswith("duplicate of ")


def unread_uploads(report: Any) -> list[tuple[str, str]]:
    """The files of an upload that were not read, each as (its name as uploaded, why), from the ingest report of
    a folder ``foi_precedent.recheck.service.save_uploads`` wrote (each file under its own name in a numbered
    folder): the folders' paths are left out, in the reason too ('duplicate of ... (same content as a.txt ...)')."""
    out = []
    for path, reason in [*getattr(report, "skipped", ()), *getattr(report, "not_read", ())]:
        upload = Path(path).parent.parent
        for folder in {str(upload), str(upload.resolve())}:
            reason = re.sub(re.escape(folder) + r"[\\/]\d{4}[\\/]", "", reason)
        out.append((Path(path).name, reason))
    return out
