"""Review: the drafts waiting for sign-off; each with the request it answers and the questions its draft answers
(the drafter's where they set them by hand), its text, its flags and every override, approved or returned."""

from datetime import date

import streamlit as st

from foi_precedent.cases.case_list import CaseDates, days_left_colour, days_left_words
from foi_precedent.cases.clock import working_days_left
from foi_precedent.cases.review import IN_REVIEW
from foi_precedent.drafting.edited import EDITED_NOTE
from foi_precedent.errors import PrecedentError
from foi_precedent.identity import REVIEWER
from foi_precedent.ui import signoff
from foi_precedent.ui.signin import signed_in_user
from foi_precedent.ui.state import services
from foi_precedent.ui.text import escape_markdown, quote_block, severity_colour

S = st.session_state
app = services()
user = signed_in_user(app.settings)
actor = signoff.actor(user)

st.title("Review drafts")
if not user.has(REVIEWER):
    st.error(
        f"{escape_markdown(user.name)} is not a reviewer: ask whoever runs Precedent to add you to "
        "PRECEDENT_REVIEWERS."
    )
    st.stop()
if S.get("review.done"):
    st.success(escape_markdown(S.pop("review.done")))

waiting = app.reviews.versions(IN_REVIEW)
if not waiting:
    st.info("No draft is waiting for review.")
    st.stop()

titles = {
    v.id: f"{app.reviews.case_title(v.case_id)} · version {v.number} · submitted by {v.submitted_by}"
    for v in waiting
}
chosen = st.selectbox("Draft to review", list(titles), format_func=titles.get, key="review.version")
version = next(v for v in waiting if v.id == chosen)
case = app.reviews.case(version.case_id)
dates = CaseDates.from_case(case)
if dates is not None:
    try:
        due = dates.due()
    except PrecedentError:
        due = None
    if due is not None:
        left = working_days_left(due, date.today())
        st.markdown(
            f"Received {dates.received:%d %B %Y} under {dates.regime.value} · due **{due.due:%d %B %Y}** · "
            f":{days_left_colour(left)}[**{days_left_words(left)}**]"
        )

text_col, flags_col = st.columns([3, 2], gap="large")
with text_col:
    st.subheader("The request")
    if case.get("request_text"):
        st.caption(
            escape_markdown(
                f"From {case.get('request_source') or 'the request'}"
                + (f", answered by {case['authority']}" if case.get("authority") else "")
                + ". The requester's identity is removed."
            )
        )
        try:  # the questions the draft answers, as the Draft page shows them: the drafter's where they set them
            request = signoff.case_request(case)
        except PrecedentError as exc:
            request = None
            st.error(f"The request's questions could not be read: {exc}")
        if request is not None:
            if request.note == EDITED_NOTE:
                who = case.get("questions_set_by")
                when = (case.get("questions_set_at") or "")[:10]
                st.info(
                    (
                        f"{escape_markdown(who)} set these questions by hand on {escape_markdown(when)}"
                        if who
                        else "The drafter set these questions by hand"
                    )
                    + ", in place of the questions read from the request: the precedents, the plan and the draft "
                    "follow them. Compare them with the request below."
                )
            elif request.note:
                st.info(escape_markdown(request.note))
            st.markdown(
                f"**The questions the draft answers ({len(request.questions)})**  \n"
                + "  \n".join(
                    f"**{escape_markdown(q.label)}** {escape_markdown(q.text)}" for q in request.questions
                )
            )
        with st.expander("The request as received (the requester's identity removed)"):
            st.code(case["request_text"], language=None, wrap_lines=True)
    else:
        st.caption("This case was started before cases kept their request: the draft quotes its questions.")
    st.subheader("The draft")
    st.code(version.text, language=None, wrap_lines=True)
with flags_col:
    st.subheader(f"Flags ({len(version.flags)})")
    if not version.flags:
        st.caption("The draft's last check raised no flags.")
    for flag in version.flags:
        colour = severity_colour(flag["severity"])
        st.markdown(
            f":{colour}-badge[{flag['severity'].upper()}] **{escape_markdown(flag['kind'].replace('_', ' '))}**"
            f" · {escape_markdown(', '.join(flag.get('labels') or ()) or flag['label'] or 'whole letter')}"
            f"  \n{escape_markdown(flag['message'])}"
        )
    st.subheader(f"Overrides ({len(version.overrides)})")
    if not version.overrides:
        st.caption("No flag was overridden.")
    for o in version.overrides:
        st.markdown(
            f"**{escape_markdown(o['kind'].replace('_', ' '))}** · {escape_markdown(o['label'] or 'whole letter')}"
            f" · overridden by **{escape_markdown(o['by'] or 'unknown')}** at {escape_markdown(o['at'])}"
        )
        st.markdown(quote_block(o["reason"]))

    st.subheader("Decision")
    comment = st.text_area(
        "Comment (needed to request changes)", key=f"review.comment.{version.id}", height=100
    )
    a1, a2 = st.columns(2)
    for column, action, label, kind in (
        (a1, "approve", "Approve", "primary"),
        (a2, "request_changes", "Request changes", "secondary"),
    ):
        if column.button(label, key=f"review.{action}", type=kind, width="stretch"):
            try:
                done = app.reviews.act(version.id, action, actor, comment)
            except PrecedentError as exc:
                st.error(str(exc))
            else:
                what = (
                    signoff.export_approval(done)
                    if action == "approve"
                    else "Returned to the drafter with your comment"
                )
                S["review.done"] = f"{titles[version.id]}: {what}."
                st.rerun()
