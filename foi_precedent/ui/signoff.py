"""Review and sign-off in the app, without Streamlit: who acts, what a submitted draft carries, what an
export says. The transitions are decided in ``foi_precedent.cases.review``; the store is ``app.reviews``."""

from __future__ import annotations

from typing import Any

from foi_precedent.cases.review import Actor, Version, approval_line
from foi_precedent.identity import User
from foi_precedent.ui.text import flag_key


def actor(user: User) -> Actor:
    """The signed-in user as review sees them: with no sign-in proxy the app is one officer's (``via == "local"``),
    the only person who could review, so they may approve their own draft (and the approval says so)."""
    return Actor(user.name, user.roles, sole_user=user.via == "local")


def submitted_flags(check: Any, reviews: dict) -> tuple[list[dict], list[dict]]:
    """The flags of the draft's last check, and every override of one with its reason and who made it."""
    flags = list(check.flags) if check is not None else []
    overrides = []
    for flag in flags:
        review = reviews.get(flag_key(flag))
        if review is not None and review.status == "overridden":
            overrides.append({"label": flag.label, "kind": flag.kind, "message": flag.message,
                              "reason": review.reason, "by": review.by, "at": review.at})
    return [f.to_dict() for f in flags], overrides


def case_title(request: Any, authority: str | None) -> str:
    """How the Review page lists a case: the authority, and the request's first question."""
    first = request.questions[0].text if getattr(request, "questions", None) else "a request"
    first = first if len(first) <= 90 else first[:89] + "…"
    return f"{authority}: {first}" if authority else first


def export_approval(version: Version | None) -> str:
    return approval_line(version)
