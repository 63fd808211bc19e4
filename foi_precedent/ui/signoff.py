"""Review and sign-off in the app, without Streamlit: who acts, what a submitted draft carries, what an
export says. The transitions are decided in ``foi_precedent.cases.review``; the store is ``app.reviews``."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

from foi_precedent.cases.case_list import CaseDates
from foi_precedent.cases.review import Actor, Version, approval_line
from foi_precedent.drafting.edited import EDITED_NOTE, editor_lines, request_with_questions
from foi_precedent.drafting.request import Request, split_request
from foi_precedent.identity import User
from foi_precedent.ui.text import flag_key


def actor(user: User) -> Actor:
    """The signed-in user as review sees them: with no sign-in proxy the app is one officer's (``via == "local"``),
    the only person who could review, so they may approve their own draft (and the approval says so)."""
    return Actor(user.name, user.roles, sole_user=user.via == "local")


def submitted_flags(
    check: Any, reviews: dict, stored: dict[str, list[dict]] | None = None
) -> tuple[list[dict], list[dict]]:
    """The flags of the draft's last check, and the override in force of each overridden one, with its reason and
    who made it: the latest the store holds for the version (``stored``, by flag key), else this session's."""
    flags = list(check.flags) if check is not None else []
    overrides = []
    for flag in flags:
        in_store = (stored or {}).get(flag_key(flag))
        review = reviews.get(flag_key(flag))
        if in_store:
            o = in_store[-1]
            overrides.append(
                {
                    "label": flag.label,
                    "kind": flag.kind,
                    "message": flag.message,
                    "reason": o["reason"],
                    "by": o.get("user_name") or "",
                    "at": o.get("created_at") or "",
                }
            )
        elif review is not None and review.status == "overridden":
            overrides.append(
                {
                    "label": flag.label,
                    "kind": flag.kind,
                    "message": flag.message,
                    "reason": review.reason,
                    "by": review.by,
                    "at": review.at,
                }
            )
    return [f.to_dict() for f in flags], overrides


def version_overrides(audit: Any, version_id: int | None) -> dict[str, list[dict]]:
    """Every override the store holds for one version, by flag key, oldest first (the last is in force): what
    every session working on the case sees, whoever made them."""
    if version_id is None:
        return {}
    out: dict[str, list[dict]] = {}
    for o in audit.overrides_for_version(version_id):
        key = o.get("flag_key") or flag_key(
            SimpleNamespace(kind=o["kind"], label=o["label"], message=o.get("message") or "")
        )
        out.setdefault(key, []).append(o)
    return out


def start_case(
    reviews: Any,
    title: str,
    text: str,
    actor: Actor,
    dates: CaseDates,
    request: Request | None = None,
    authority: str | None = None,
) -> Version:
    """A new case with its first version (in drafting), its dates and its request. The dates are checked before
    the store writes anything (FOISA outside Scotland is refused, not stored). The request is kept as the Draft page
    showed it, ``request.text``, with the requester's identity removed (search and the adopted prompt are given its
    questions' texts only): the text as pasted, which names the requester, is never stored. Questions a drafter set by hand are kept with it (``drafter_questions``)."""
    fields = dates.store_fields()
    kept = {}
    if request is not None:
        kept = {
            "request_text": request.text,
            "request_source": request.source,
            "request_questions": drafter_questions(request),
        }
    version = reviews.start_case(title, text, actor, authority=authority or None, **kept)
    reviews.set_case_dates(version.case_id, **fields)
    return version


def drafter_questions(request: Request) -> list[dict] | None:
    """The questions a drafter set by hand for ``request`` (``drafting.edited``), as a case keeps them:
    ``[{label, text}]``, each text with the requester's identity removed; None for the reader's own split."""
    if request.note != EDITED_NOTE:
        return None
    return [{"label": q.label, "text": q.text} for q in request.questions]


def case_request(case: Mapping) -> Request | None:
    """The request a case keeps, read again as it was when the case started (reading a request with its identity
    removed gives the same questions), with the questions a drafter set by hand in place of the reader's where
    the case keeps them (their labels and texts as the drafter left them); None for a case started before cases
    kept their request."""
    if not case.get("request_text"):
        return None
    request = split_request(case["request_text"], source=case.get("request_source") or "the case's request")
    questions = case.get("request_questions")
    if questions:
        request = request_with_questions(request, editor_lines((q["label"], q["text"]) for q in questions))
    return request


def store_questions(reviews: Any, case_id: int, request: Request, actor: Actor) -> None:
    """A drafter set a case's questions by hand: the case keeps them (``ReviewStore.set_case_questions``), and its
    title is taken again from the first of them, as it was from the first question when the case started (the title
    only names the case on the Cases and Review pages; nothing looks a case up by it)."""
    title = case_title(request, reviews.case(case_id).get("authority"))
    reviews.set_case_questions(case_id, drafter_questions(request), actor, title=title)


def store_dates(reviews: Any, case_id: int, dates: CaseDates) -> None:
    reviews.set_case_dates(case_id, **dates.store_fields())


def case_title(request: Any, authority: str | None) -> str:
    """How the Review page lists a case: the authority, and the request's first question."""
    first = request.questions[0].text if getattr(request, "questions", None) else "a request"
    first = first if len(first) <= 90 else first[:89] + "…"
    return f"{authority}: {first}" if authority else first


def export_approval(version: Version | None) -> str:
    return approval_line(version)
