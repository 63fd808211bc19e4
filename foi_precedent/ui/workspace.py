"""What the Draft and Check pages do, without Streamlit: read input, find precedents, draft, check, review.

Pages call these and only render the results; tests call them directly or through ``AppTest``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from foi_precedent.cases.case_list import CaseDates
from foi_precedent.consistency.checker import CheckResult, check_letter
from foi_precedent.consistency.flags import Flag, past_due_flag
from foi_precedent.drafting.plan import Plan, plan_request
from foi_precedent.drafting.request import Request, RequestQuestion, split_request
from foi_precedent.errors import LetterError, PrecedentError
from foi_precedent.letters.model import Letter, Question, Regime, label_key
from foi_precedent.letters.sources import SUPPORTED, document_from_bytes
from foi_precedent.services import MAX_DRAFT_BYTES, load_letter_bytes, load_letter_text
from foi_precedent.ui.text import flag_key

UPLOAD_TYPES = sorted(s.lstrip(".") for s in SUPPORTED)


# --- input ----------------------------------------------------------------------------------------


def upload_text(data: bytes, name: str) -> str:
    """The text of an uploaded request or draft (text, Markdown, HTML, DOCX, PDF); never touches the disk."""
    if len(data) > MAX_DRAFT_BYTES:
        raise LetterError(
            name,
            f"the file is {len(data) / 2**20:.1f} MB; a request or draft over "
            f"{MAX_DRAFT_BYTES // 2**20} MB is not a letter",
        )
    return document_from_bytes(data, name, Path(name).suffix or ".txt").text


def read_request(text: str, upload: tuple[bytes, str] | None = None) -> tuple[str, Request]:
    """The request as given (the uploaded file when there is one, else the pasted text) and its questions."""
    if upload is not None:
        data, name = upload
        raw = upload_text(data, name)
        return raw, split_request(raw, source=name)
    return text or "", split_request(text or "", source="the pasted request")


def read_draft(text: str, upload: tuple[bytes, str] | None = None) -> Letter:
    if upload is not None:
        data, name = upload
        return load_letter_bytes(data, name)
    return load_letter_text(text or "", "the draft")


def request_from_draft(text: str, source: str = "the case's draft") -> Request:
    """The request a case's draft answers, read back from the questions the draft quotes: how another officer
    opening the case gets its questions and precedents (the store keeps the draft, not the request)."""
    letter = load_letter_text(text, source)
    questions = tuple(RequestQuestion(label=q.label, text=q.text) for q in letter.questions if q.text)
    if not questions:
        return split_request(text, source=source)
    return Request(
        questions=questions, text="\n".join(f"{q.label} - {q.text}" for q in questions), source=source
    )


def request_letter(request: Request) -> Letter:
    """The request as the checker reads one: its questions in the requester's words, no answers."""
    return Letter(
        reference="request",
        authority=None,
        date=None,
        regime=Regime.FOIA,
        questions=tuple(Question(label=q.label, text=q.text, answer="") for q in request.questions),
        text=request.text,
    )


# --- precedents and checking ----------------------------------------------------------------------


def find_precedents(request: Request, index: Any, authority: str | None = None) -> Plan:
    return plan_request(request, index, authority=authority or None)


def check_draft(
    draft: Letter | str, index: Any, request: Request | None = None, authority: str | None = None
) -> CheckResult:
    letter = load_letter_text(draft, "the draft") if isinstance(draft, str) else draft
    return check_letter(
        letter,
        index,
        authority=authority or None,
        request=request_letter(request) if request is not None else None,
    )


def case_flags(letter: Letter, dates: CaseDates | None, today: date | None = None) -> list[Flag]:
    """The past-due flag for ``letter`` against the case's own due date (the page's: received, regime, nation,
    extension, a fees notice's pause, a clarification's restart, a special time limit). The draft goes out on
    its own date, else ``today``; an extension chosen for the case counts as notified (the page drafts its
    notice). A fee or clarification still awaited holds the clock, so a draft is not late while it waits."""
    if dates is None:
        return []
    sent = letter.date or today or date.today()
    if sent < dates.received:
        return []
    try:
        due = dates.due(today=sent)
    except PrecedentError:
        return []  # the page shows why the dates are impossible
    found = past_due_flag(letter, sent, due, noticed=letter.extension_notice or dates.extension is not None)
    return [found] if found else []


def with_case_flags(result: CheckResult, dates: CaseDates | None, today: date | None = None) -> CheckResult:
    """``result`` with the case's past-due flag in place of any the letter's own dates gave."""
    extra = case_flags(result.letter, dates, today)
    if dates is None:
        return result
    flags = [f for f in result.flags if f.kind != "past_due_date"] + extra
    order = {q.label: i for i, q in enumerate(result.letter.questions)}
    flags.sort(key=lambda f: (order.get(f.label, len(order)), f.sort_key))
    return replace(result, flags=tuple(flags))


def flags_by_question(
    flags: tuple[Flag, ...] | list[Flag], labels: list[str]
) -> tuple[dict[str, list[Flag]], list[Flag]]:
    """Flags grouped under the question they concern ('Question 2' in a draft is 'Q2' in the request);
    flags about the whole letter, or a question the request does not have, come back separately."""
    by_key = {label_key(label): label for label in labels}
    grouped: dict[str, list[Flag]] = {label: [] for label in labels}
    rest: list[Flag] = []
    for f in flags:
        label = by_key.get(label_key(f.label)) if f.label else None
        if label is None:
            rest.append(f)
        else:
            grouped[label].append(f)
    return grouped, rest


# --- flag review ----------------------------------------------------------------------------------


@dataclass
class Review:
    """What the officer did with one flag."""

    status: str  # accepted | overridden
    reason: str = ""
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    override_id: int | None = None
    by: str = ""  # who overrode it (the audit log's user)


def accept_flag() -> Review:
    return Review("accepted")


def override_flag(
    audit: Any,
    flag: Flag,
    reason: str,
    draft_id: int | None = None,
    check_id: int | None = None,
    version_id: int | None = None,
) -> Review:
    """Record a reviewer's override with its written reason (the audit log refuses an empty one); on a case's
    version, against that version, where every session working on the case reads it."""
    override_id = audit.record_override(
        label=flag.label,
        kind=flag.kind,
        reason=reason,
        message=flag.message,
        draft_id=draft_id,
        check_id=check_id,
        version_id=version_id,
        flag_key=flag_key(flag),
    )
    return Review("overridden", reason.strip(), override_id=override_id, by=getattr(audit, "user", ""))


# --- drafting in the background -------------------------------------------------------------------


class DraftJob:
    """Runs a drafting call on a worker thread so the page can stream its tokens and cancel it.

    ``work(on_token, cancel)`` is the drafting call; tokens arrive through a queue, and setting
    ``cancel`` asks the model to stop.
    """

    def __init__(self, work: Callable[[Callable[[str], None], threading.Event], Any]):
        self._work = work
        self.cancel = threading.Event()
        self._tokens: queue.Queue[str] = queue.Queue()
        self.result: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="precedent-draft", daemon=True)

    def _run(self) -> None:
        try:
            self.result = self._work(self._tokens.put, self.cancel)
        except BaseException as exc:  # handed to the page, which shows it
            self.error = exc

    def start(self) -> DraftJob:
        self._thread.start()
        return self

    @property
    def finished(self) -> bool:
        return not self._thread.is_alive()

    def take(self, wait: float = 0.1) -> str:
        """Tokens that arrived since the last call (waiting up to ``wait`` seconds for the first)."""
        out = []
        try:
            out.append(self._tokens.get(timeout=wait))
            while True:
                out.append(self._tokens.get_nowait())
        except queue.Empty:
            pass
        return "".join(out)

    def stop(self, wait: float = 5.0) -> None:
        self.cancel.set()
        self._thread.join(wait)


def draft_job(
    app: Any, request: Request, mode: str, authority: str | None = None, audit: Any = None
) -> DraftJob:
    """A job drafting a reply to ``request`` with the app's index and chat model, recorded in ``audit`` (the app's
    audit log in the signed-in user's name; the app's own log, in the OS user's, if not given).

    The request is the split one (identity already removed, the name kept for the salutation); the chat
    model is the process's, built on first use (starting the embedded server can take a while, so it
    happens on the worker thread, under the page's spinner).
    """
    from foi_precedent.drafting.draft import draft_reply

    def work(on_token, cancel):
        chat_model = app.chat_model if mode == "model" else None
        return draft_reply(
            request,
            app.index,
            chat_model=chat_model,
            mode=mode,
            authority=authority or None,
            cancel=cancel,
            on_token=on_token,
            audit=audit if audit is not None else app.audit,
            settings=app.settings,
            prompt=app.settings.draft_prompt,
        )

    return DraftJob(work)


def draft_check(result: Any, dates: CaseDates | None = None) -> CheckResult:
    """The check ``draft_reply`` ran on its draft, with its own flags (which add ``beyond_plan``), and the case's
    past-due flag."""
    questions = result.check.questions if result.check is not None else ()
    return with_case_flags(
        CheckResult(letter=result.letter, flags=tuple(result.flags), questions=questions), dates
    )


def recheck_draft(
    text: str,
    index: Any,
    request: Request,
    plan: Plan | None = None,
    authority: str | None = None,
    model_written: bool = False,
    dates: CaseDates | None = None,
) -> CheckResult:
    """Check the (edited) draft; a model-written draft is also held to its plan, as when it was drafted."""
    result = with_case_flags(check_draft(text, index, request, authority), dates)
    if not (model_written and plan is not None):
        return result
    from foi_precedent.drafting.draft import beyond_plan_flags

    extra = beyond_plan_flags(result.letter, plan)
    if not extra:
        return result
    order = {q.label: i for i, q in enumerate(result.letter.questions)}
    flags = sorted([*result.flags, *extra], key=lambda f: (order.get(f.label, len(order)), f.sort_key))
    return CheckResult(letter=result.letter, flags=tuple(flags), questions=result.questions, meta=result.meta)
