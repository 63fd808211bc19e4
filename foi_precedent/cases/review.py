"""Review and sign-off of a draft reply (pure: plain data in, plain data out; no storage, no Streamlit).

A case's reply goes through versions. Each version moves through these states::

    drafting --submit (drafter)--> in_review --approve (reviewer)--> approved --send--> sent
                                       |
                                       +--request changes (reviewer, with a comment)--> changes_requested
    changes_requested --revise (drafter)--> drafting

An approved (or sent) version is frozen: its text never changes. Editing it starts a new version, a copy of its
text in ``drafting`` (``new_version``), which goes through review again.

A version's text is saved as it is edited (``edit_text``), while it may still change: in drafting, or returned with
changes requested; in review, approved or sent, it may not. Two officers editing one version: a save names the text
its editor started from (``base``) and is refused, without writing, when someone else saved another text since;
``reconcile`` says what a session then does (take the stored text, keep its own, or show both: a conflict).

Who may approve: a reviewer, and not the person who submitted the draft (a second pair of eyes is the point of
review). The one exception is a user who is the only user there can be (``sole_user``: the embedded app with no
sign-in proxy, one officer on their own machine, holding both roles). Refusing them would make sign-off
impossible for a team of one, so they may approve their own draft, and the approval says so
(``self_approved``), in the store and on the export. Behind a sign-in proxy nobody is the sole user, even if only
one reviewer is configured today: who else may sign in is the identity provider's business, not the app's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from foi_precedent.errors import ReviewError
from foi_precedent.identity import DRAFTER, REVIEWER

DRAFTING = "drafting"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
APPROVED = "approved"
SENT = "sent"
STATES = (DRAFTING, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SENT)
FROZEN = (APPROVED, SENT)
EDITABLE = (DRAFTING, CHANGES_REQUESTED)  # the states whose text may still change
STATE_WORDS = {
    DRAFTING: "drafting",
    IN_REVIEW: "in review",
    CHANGES_REQUESTED: "changes requested",
    APPROVED: "approved",
    SENT: "sent",
}

#: action -> (the states it may start from, the state it leads to, the role it needs)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "submit": ((DRAFTING,), IN_REVIEW, DRAFTER),
    "approve": ((IN_REVIEW,), APPROVED, REVIEWER),
    "request_changes": ((IN_REVIEW,), CHANGES_REQUESTED, REVIEWER),
    "revise": ((CHANGES_REQUESTED,), DRAFTING, DRAFTER),
    "send": ((APPROVED,), SENT, DRAFTER),
}
ACTION_WORDS = {
    "submit": "submit it for review",
    "approve": "approve it",
    "request_changes": "request changes",
    "revise": "revise it",
    "send": "mark it sent",
}


@dataclass(frozen=True)
class Actor:
    """Who acts, as far as review is concerned (``identity.User`` gives it)."""

    name: str
    roles: frozenset[str]
    sole_user: bool = False  # the embedded app with no sign-in proxy: nobody else can review


@dataclass(frozen=True)
class Version:
    """One version of a case's reply: its text, the flags and overrides it was submitted with, and its state."""

    case_id: int
    number: int
    text: str
    state: str = DRAFTING
    drafted_by: str = ""
    submitted_by: str | None = None
    flags: tuple[dict, ...] = ()  # Flag.to_dict() of the check the draft was submitted with
    overrides: tuple[dict, ...] = ()  # {label, kind, message, reason, by, at} for each overridden flag
    comment: str = ""  # the reviewer's, when changes were requested
    decided_by: str | None = None
    decided_at: str | None = None
    self_approved: bool = False
    edited_by: str | None = (
        None  # who last saved its text, and when (None: a version stored before this was kept)
    )
    edited_at: str | None = None
    id: int | None = None

    @property
    def frozen(self) -> bool:
        return self.state in FROZEN

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE


@dataclass(frozen=True)
class Event:
    """One transition, as the store records it."""

    action: str
    from_state: str
    to_state: str
    user_name: str
    at: str
    comment: str = ""
    self_approved: bool = False
    details: dict = field(default_factory=dict)


def transition(
    version: Version, action: str, actor: Actor, at: str, *, comment: str = ""
) -> tuple[Version, Event]:
    """``version`` after ``actor`` does ``action`` at ``at``, and the event to record; ``ReviewError`` when the
    state, the role or the missing comment does not allow it."""
    if action not in TRANSITIONS:
        raise ReviewError(f"unknown review action {action!r}")
    starts, to_state, role = TRANSITIONS[action]
    if version.state not in starts:
        raise ReviewError(
            f"this draft is {STATE_WORDS[version.state]}: you cannot {ACTION_WORDS[action]} now"
        )
    if role not in actor.roles:
        raise ReviewError(f"{actor.name} is not a {role}: only a {role} can {ACTION_WORDS[action]}")
    comment = (comment or "").strip()
    own = version.submitted_by == actor.name
    changes: dict = {"state": to_state}
    if action == "submit":
        changes.update(
            submitted_by=actor.name, comment="", decided_by=None, decided_at=None, self_approved=False
        )
    elif action == "approve":
        if own and not actor.sole_user:
            raise ReviewError(f"{actor.name} submitted this draft: another reviewer must approve it")
        changes.update(decided_by=actor.name, decided_at=at, self_approved=own, comment=comment)
    elif action == "request_changes":
        if not comment:
            raise ReviewError("say what should change: a request for changes needs a comment")
        changes.update(decided_by=actor.name, decided_at=at, comment=comment)
    event = Event(
        action,
        version.state,
        to_state,
        actor.name,
        at,
        comment=comment,
        self_approved=bool(changes.get("self_approved")),
    )
    return replace(version, **changes), event


def submit(
    version: Version, actor: Actor, at: str, *, text: str, flags=(), overrides=()
) -> tuple[Version, Event]:
    """Submit the draft as it now stands (its text, flags and overrides are what the reviewer sees)."""
    if version.state == DRAFTING:
        edited: dict[str, Any] = {"edited_by": actor.name, "edited_at": at} if text != version.text else {}
        version = replace(version, text=text, flags=tuple(flags), overrides=tuple(overrides), **edited)
    return transition(version, "submit", actor, at)


def edit_text(
    version: Version, text: str, actor: Actor, at: str, *, base: str | None = None
) -> Version | None:
    """``version`` with ``actor``'s text saved at ``at``; None when there is nothing to write: the text is already
    stored, or ``base`` (the stored text the editor started from) is given and someone else has saved another
    text since, which this save must not overwrite. ``ReviewError`` when the state or the role does not allow it."""
    if not version.editable:
        hint = ": a change starts a new version" if version.frozen else ""
        raise ReviewError(f"this draft is {STATE_WORDS[version.state]}: its text cannot be changed now{hint}")
    if DRAFTER not in actor.roles:
        raise ReviewError(f"{actor.name} is not a drafter: only a drafter can edit the draft")
    if text == version.text or (base is not None and version.text != base):
        return None
    return replace(version, text=text, edited_by=actor.name, edited_at=at)


#: what a session editing a version does with the text the store holds (``reconcile``)
IN_STEP, TAKE_STORED, KEEP_OWN, CONFLICT = "in_step", "take_stored", "keep_own", "conflict"


def reconcile(stored: str, base: str | None, own: str) -> str:
    """A session holds ``own`` in its editor and last saved or loaded ``base``; the store holds ``stored``.
    Nobody changed anything (or both made the same text): in step. Only the store changed: take its text (another
    officer's edits). Only this session changed: keep its own (it is saved next). Both changed, or this session
    never saw the stored text: a conflict, in which neither text is silently dropped."""
    if stored == own:
        return IN_STEP
    if base is None:
        return CONFLICT
    if stored == base:
        return KEEP_OWN
    return TAKE_STORED if own == base else CONFLICT


def first_version(case_id: int, text: str, actor: Actor) -> Version:
    """A case's first version, in drafting: only a drafter starts one."""
    if DRAFTER not in actor.roles:
        raise ReviewError(f"{actor.name} is not a drafter: only a drafter can submit a draft for review")
    return Version(case_id=case_id, number=1, text=text, drafted_by=actor.name)


def new_version(version: Version, actor: Actor) -> Version:
    """A copy of a frozen version in drafting, numbered next: how an approved or sent draft is edited."""
    if not version.frozen:
        raise ReviewError(f"this draft is {STATE_WORDS[version.state]}, not approved: edit it as it is")
    if DRAFTER not in actor.roles:
        raise ReviewError(f"{actor.name} is not a drafter: only a drafter can start a new version")
    return Version(
        case_id=version.case_id, number=version.number + 1, text=version.text, drafted_by=actor.name
    )


def approval_line(version: Version | None) -> str:
    """What an export says about sign-off: who approved it and when, or NOT APPROVED."""
    if version is None or version.state not in FROZEN or not version.decided_by:
        return "NOT APPROVED"
    line = f"Approved by {version.decided_by} on {(version.decided_at or '')[:10]}"
    if version.self_approved:
        line += " (their own draft: a single-user installation)"
    return line
