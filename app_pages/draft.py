"""Draft: a request in; precedent beside each question; a draft streamed, edited, re-checked, reviewed, exported."""

import streamlit as st

from foi_precedent.cases.review import APPROVED, CHANGES_REQUESTED, DRAFTING, IN_REVIEW, STATE_WORDS
from foi_precedent.drafting.letter import letter_form
from foi_precedent.errors import PrecedentError
from foi_precedent.ui import signoff
from foi_precedent.ui import workspace as ws
from foi_precedent.ui.export import ExportInfo, file_stem, to_docx, to_markdown
from foi_precedent.ui.signin import audit_log, signed_in_user
from foi_precedent.ui.state import model_name, services
from foi_precedent.ui.text import escape_markdown, flag_key
from foi_precedent.ui.widgets import flag_card, flag_counts, plan_summary, precedent_card

S = st.session_state
MODES = {"Model": "model", "Precedent only": "precedent"}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
app = services()
audit = audit_log(app)  # entries in the signed-in user's name
actor = signoff.actor(signed_in_user(app.settings))
S.setdefault("draft.reviews", {})


def _reset_draft() -> None:
    for key in ("draft.result", "draft.check", "draft.check_id", "draft.error", "draft.partial", "draft.version_id"):
        S.pop(key, None)
    S["draft.reviews"] = {}


def _cancel() -> None:
    S["draft.cancelled"] = True
    S["draft.text"] = S.get("draft.partial", "") or S.get("draft.text", "")


def _precedent_only() -> None:
    S["draft.mode"] = "Precedent only"
    S["draft.autostart"] = True


def _check(text: str) -> None:
    drafted = S.get("draft.result")
    try:
        with st.spinner("Checking the draft against precedent…"):
            result = ws.recheck_draft(text, app.index, S["draft.request"], S.get("draft.plan"), S.get("draft.authority"),
                                      model_written=bool(drafted and drafted.mode == "model" and not drafted.fallback_reason))
            S["draft.check_id"] = audit.record_check(result, source="app:draft")
    except PrecedentError as exc:
        S.pop("draft.check", None)
        st.error(f"The draft could not be checked: {exc}")
    else:
        S["draft.check"] = result


def _review_step(step) -> None:
    """Run one review step; a step the state or role does not allow is one st.error, on the next run too."""
    try:
        version = step()
    except PrecedentError as exc:
        S["draft.review_error"] = str(exc)
    else:
        S["draft.version_id"] = version.id
    st.rerun()


def _submit() -> None:
    flags, overrides = signoff.submitted_flags(S.get("draft.check"), S["draft.reviews"])
    version_id = S.get("draft.version_id")
    if version_id is None:
        title = signoff.case_title(S["draft.request"], S.get("draft.authority"))
        version_id = app.reviews.start_case(title, S["draft.text"], actor).id
        S["draft.version_id"] = version_id
    return app.reviews.submit(version_id, actor, text=S["draft.text"], flags=flags, overrides=overrides)


def _generate(mode: str) -> None:
    _reset_draft()
    job = ws.draft_job(app, S["draft.request"], mode, S.get("draft.authority"), audit=audit).start()
    live = st.empty()
    text = ""
    try:
        with st.spinner("Drafting from precedent…" if mode == "precedent" else f"{model_name(app)} is drafting…"):
            while True:
                done = job.finished
                chunk = job.take(0.1)
                if chunk:
                    text += chunk
                    S["draft.partial"] = text
                    live.text(text)
                if done and not chunk:
                    break
    finally:
        if not job.finished:  # the officer pressed Cancel or left the page
            job.stop()
    live.empty()
    if job.error is not None:
        if not isinstance(job.error, PrecedentError):
            raise job.error
        S["draft.error"] = str(job.error)
        if text:
            S["draft.text"] = text
        return
    result = job.result
    S["draft.result"] = result
    S["draft.text"] = result.draft
    S["draft.check"] = ws.draft_check(result)  # drafting checked it already


st.title("Draft a reply")
st.caption("Paste or upload a request: each question is shown with the nearest precedents and how they were "
           "answered. Every draft needs review by an FOI officer before it is sent.")

with st.container(border=True):
    paste_tab, upload_tab = st.tabs(["Paste the request", "Upload a file"])
    paste_tab.text_area("Request", key="draft.request_text", height=180, label_visibility="collapsed",
                        placeholder="Dear FOI team,\n\nPlease tell me:\n1. How many ...?\n2. ...")
    upload_tab.file_uploader("Request (text, Word, PDF, HTML or Markdown)", type=ws.UPLOAD_TYPES,
                             key="draft.request_file")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.text_input("Authority answering (optional: its own precedents count for more)", key="draft.authority",
                  placeholder="e.g. Greater Manchester Police")
    find = c2.button("Find precedents", type="primary", width="stretch", key="draft.find")

if find:
    upload = S.get("draft.request_file")
    try:
        _, request = ws.read_request(S.get("draft.request_text", ""),
                                       (upload.getvalue(), upload.name) if upload else None)
        with st.spinner("Finding precedents…"):
            plan = ws.find_precedents(request, app.index, S.get("draft.authority"))
    except PrecedentError as exc:
        st.error(str(exc))
    else:
        _reset_draft()
        S["draft.request"], S["draft.plan"] = request, plan
        S["draft.text"] = ""

plan = S.get("draft.plan")
if plan is None:
    st.stop()

questions_col, draft_col = st.columns([3, 2], gap="large")

# --- the draft (computed first so the flags beside the questions are up to date) -------------------
with draft_col:
    st.subheader("Draft")
    version = app.reviews.version(S["draft.version_id"]) if S.get("draft.version_id") else None
    locked = version is not None and version.state != DRAFTING  # in review, returned, approved or sent
    if locked and S.get("draft.text") != version.text:
        S["draft.text"] = version.text
    mode_label = st.radio("Write with", list(MODES), key="draft.mode", horizontal=True,
                          help="Precedent only assembles the answers from the precedent wording, without a model.")
    mode = MODES[mode_label]
    if mode == "model":
        st.caption(f"Model: {escape_markdown(model_name(app))}")
    b1, b2 = st.columns(2)
    generate = b1.button("Generate draft", type="primary", width="stretch", key="draft.generate", disabled=locked)
    generate = generate or S.pop("draft.autostart", False)
    if generate:
        cancel_slot = b2.empty()
        cancel_slot.button("Cancel", width="stretch", key="draft.cancel", on_click=_cancel)
        _generate(mode)
        cancel_slot.empty()
    if S.pop("draft.cancelled", False):
        st.info("Drafting was cancelled. What had been written so far is in the editor.")
    if S.get("draft.error"):
        st.error(S["draft.error"])
        st.button("Draft from precedent only instead", on_click=_precedent_only, key="draft.fallback")

    result = S.get("draft.result")
    if result is not None:
        if result.mode == "model" and not result.fallback_reason:
            who = f"Written by **{escape_markdown(result.model)}**"
            if result.prompt_version:
                who += f" (prompt {escape_markdown(result.prompt_version)})"
        else:
            who = "Written **from precedent only** (no model was used)"
        st.info(who + f" in {result.elapsed:.1f} s, under {letter_form(result.plan).act}. A draft is a starting "
                "point: an FOI officer must review every answer before it is sent.")
        if result.fallback_reason:
            st.warning(f"The model could not be used: {escape_markdown(result.fallback_reason)}. "
                       "Try again later, or keep this precedent-only draft.")
        if result.model_note:
            st.warning(escape_markdown(result.model_note))
        if result.composition is not None:
            st.caption(escape_markdown(result.composition.summary()) + " Each answer the model wrote was read back "
                       "and kept only where it says what precedent decided.")

    st.text_area("Draft letter (edit freely; your changes are kept)", key="draft.text", height=560, disabled=locked)
    if st.button("Re-check the draft", width="stretch", key="draft.recheck",
                 disabled=locked or not S.get("draft.text")):
        _check(S["draft.text"])

    check = S.get("draft.check")
    reviews = S["draft.reviews"]
    labels = [q.label for q in plan.questions]
    grouped, whole_letter = ws.flags_by_question(check.flags if check else (), labels)
    if check is not None:
        st.markdown(f"**Check:** {flag_counts(check.flags, reviews)}")
        for i, flag in enumerate(whole_letter):
            flag_card(flag, reviews, audit, key=f"draft.flag.letter{i}",
                      ids=lambda: (getattr(S.get("draft.result"), "audit_id", None), S.get("draft.check_id")))

    if S.get("draft.text"):
        st.markdown("**Review and sign-off**")
        if S.get("draft.review_error"):
            st.error(S.pop("draft.review_error"))
        if version is not None:
            st.markdown(f"Version {version.number}: :blue-badge[{STATE_WORDS[version.state]}]")
        if version is not None and version.state == CHANGES_REQUESTED:
            st.warning(f"{escape_markdown(version.decided_by or 'The reviewer')} asked for changes: "
                       f"{escape_markdown(version.comment)}")
            if st.button("Revise the draft", key="draft.revise", width="stretch"):
                _review_step(lambda: app.reviews.act(version.id, "revise", actor))
        elif version is not None and version.state == IN_REVIEW:
            st.info("Waiting for a reviewer on the Review page. The draft cannot be edited while it is in review.")
        elif version is not None and version.frozen:
            st.success(escape_markdown(signoff.export_approval(version)) + ". The draft is frozen: a change starts "
                       "a new version, which is reviewed again.")
            n1, n2 = st.columns(2)
            if n1.button("New version", key="draft.new_version", width="stretch"):
                _review_step(lambda: app.reviews.new_version(version.id, actor))
            if version.state == APPROVED and n2.button("Mark as sent", key="draft.send", width="stretch"):
                _review_step(lambda: app.reviews.act(version.id, "send", actor))
        else:
            if version is not None and version.comment:
                st.caption(escape_markdown(f"{version.decided_by} asked for changes: {version.comment}"))
            if st.button("Submit for review", key="draft.submit", width="stretch", type="primary"):
                _review_step(_submit)

        st.markdown("**Export**")
        reviewed = st.checkbox("I have reviewed this letter", key="draft.reviewed")
        open_high = [f for f in (check.flags if check else ()) if f.severity == "high" and flag_key(f) not in reviews]
        if open_high:
            st.warning(f"{len(open_high)} high-severity flag{'s are' if len(open_high) != 1 else ' is'} neither "
                       "fixed nor overridden.")
        info = ExportInfo(
            title="FOI response", authority=S.get("draft.authority") or None,
            model=result.model if result is not None and result.mode == "model" and not result.fallback_reason
            else None,
            prompt_version=getattr(result, "prompt_version", None),
            reviewed=reviewed or (version is not None and version.frozen),
            approval=signoff.export_approval(version),
        )
        stem = file_stem(None, "foi-response")
        e1, e2 = st.columns(2)
        e1.download_button("Word (.docx)", to_docx(S["draft.text"], info), file_name=f"{stem}.docx", mime=DOCX_MIME,
                           on_click="ignore", width="stretch", key="draft.export.docx", icon=":material/description:")
        e2.download_button("Markdown (.md)", to_markdown(S["draft.text"], info), file_name=f"{stem}.md",
                           mime="text/markdown", on_click="ignore", width="stretch", key="draft.export.md",
                           icon=":material/markdown:")

# --- the questions, each with its precedents and flags ---------------------------------------------
with questions_col:
    request = S["draft.request"]
    st.subheader(f"{len(plan.questions)} question{'s' if len(plan.questions) != 1 else ''} and their precedents")
    if request.requester.name or request.requester.emails:
        st.caption("The requester's identity was removed before searching; it is used only in the salutation.")
    if request.note:
        st.info(escape_markdown(request.note))
    with st.expander("What is sent to the index and the model (the requester's identity removed)"):
        st.code(request.text, language=None, wrap_lines=True)
    for q in plan.questions:
        with st.container(border=True):
            st.markdown(f"##### {escape_markdown(q.label)}  \n{escape_markdown(q.text)}")
            plan_summary(q.treatments, q.exemptions, q.confidence, q.status, q.decision_note)
            for i, flag in enumerate(grouped.get(q.label, [])):
                flag_card(flag, reviews, audit, key=f"draft.flag.{q.label}.{i}",
                          ids=lambda: (getattr(S.get("draft.result"), "audit_id", None), S.get("draft.check_id")))
            agreeing = {(p.reference, p.label) for p in (q.consensus.agreeing if q.consensus else [])}
            sources = q.sources
            if not sources:
                st.caption("No precedent is close enough to this question.")
            for p in sources[:5]:
                precedent_card(p, app.index, key=f"draft.prec.{q.label}.{p.reference}.{p.label}",
                               agrees=(p.reference, p.label) in agreeing)
