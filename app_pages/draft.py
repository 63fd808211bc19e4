"""Draft: a request in; its case and clock; precedent beside each question; a draft streamed, edited, re-checked,
reviewed, sent, exported. On a case, each edit is saved where the team sees it, and the case is in the URL."""

from datetime import date

import streamlit as st

from foi_precedent.cases import case_list as cl
from foi_precedent.cases.case_list import CaseDates
from foi_precedent.cases.clock import (
    Compliance,
    Nation,
    default_nation,
    describe,
    extension_notice,
    working_days_left,
)
from foi_precedent.cases.review import (
    APPROVED,
    CHANGES_REQUESTED,
    CONFLICT,
    DRAFTING,
    IN_REVIEW,
    IN_STEP,
    KEEP_OWN,
    SENT,
    STATE_WORDS,
    TAKE_STORED,
    reconcile,
)
from foi_precedent.drafting.edited import EDITOR_RULE, editor_text, question_texts, request_with_questions
from foi_precedent.drafting.letter import letter_form
from foi_precedent.errors import PrecedentError
from foi_precedent.identity import DRAFTER
from foi_precedent.letters.header import request_received
from foi_precedent.letters.model import Regime
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
REGIMES = [r.value for r in (Regime.FOIA, Regime.FOISA, Regime.EIR, Regime.EISR)]
NONE = cl.NO_EXTENSION
CASE_PARAM = "case"  # the open case in the URL (?case=12), so a reload or a shared link opens it again
READ_BACK = "the case's draft"  # the source of a request read back from a case that did not keep its request
STANDARD = Compliance.STANDARD.value
#: the clock's optional dates, each a date input in "Clock stops and special time limits": session key -> label, help
STOP_INPUTS = {
    "fees_notice": ("Fees notice given", "FOIA/FOISA s9, EIR reg 8(4): the clock stops on this day."),
    "fee_received": (
        "Fee paid",
        "The day the fee arrived: the clock restarts the next working day (s10(2), reg 8(6)); empty while the "
        "fee is awaited.",
    ),
    "clarification_sought": (
        "Clarification asked for",
        "FOIA/FOISA s1(3), EIR reg 9(2): the further information the authority needs to find what is asked for.",
    ),
    "clarification_received": (
        "Clarification answered",
        "The day the answer arrived: the working days run afresh from this day; empty while the answer is "
        "awaited.",
    ),
}


def _what_is_sent(prompt: str) -> str:
    """Which of the request below leaves the case: search embeds only its questions; a prompt sends the whole text
    only if it quotes the request (``{request}``: draft_reply v1 to v3), else only the questions in its plan."""
    from foi_precedent.drafting.prompts import load_prompt

    try:
        template = load_prompt(prompt)
    except PrecedentError:
        return "Search is sent only the questions above; the case and the audit log keep the text below."
    whole = "request" in template.variables
    return (
        f"Search is sent only the questions above; the model (prompt {template.prompt_version}) is sent "
        + ("the whole text below." if whole else "only the questions, in its plan.")
        + " The case and the audit log keep the text below."
    )


app = services()
audit = audit_log(app)  # entries in the signed-in user's name
user = signed_in_user(app.settings)

actor = signoff.actor(user)
drafter = user.has(DRAFTER)
S.setdefault("draft.reviews", {})


def _reset_draft(keep_case: bool = False) -> None:
    """Forget the draft (and, unless ``keep_case``, the case it belongs to: a new request is a new case)."""
    for key in ("draft.result", "draft.check", "draft.check_id", "draft.error", "draft.partial"):
        S.pop(key, None)
    if not keep_case:
        S.pop("draft.version_id", None)
        S.pop("draft.base", None)
        st.query_params.pop(CASE_PARAM, None)
    S["draft.reviews"] = {}


# --- the draft's text, kept in the store as it is edited -------------------------------------------------


def _loaded(version) -> None:
    """The editor shows ``version``'s stored text, and this session has now seen it."""
    if S.get("draft.text") != version.text:
        S["draft.text"] = version.text
    S["draft.base"] = (version.id, version.text)


def _base(version_id: int) -> str | None:
    """The stored text this session last saved or loaded for the version (None: it has seen none)."""
    base = S.get("draft.base")
    return base[1] if base and base[0] == version_id else None


def _save_text() -> None:
    """The draft changed (an edit, a generated draft): a case version being drafted keeps it in the store at once,
    where other officers see it. Another officer's text saved since this session's is not overwritten: the store
    refuses (``base``), and the page shows both (``_sync``)."""
    version_id = S.get("draft.version_id")
    if version_id is None or not drafter:
        return
    text = S.get("draft.text", "")
    try:
        saved = app.reviews.save_text(version_id, text, actor, base=_base(version_id))
    except PrecedentError as exc:
        S["draft.save_error"] = f"Your edit was not saved: {exc}. Your text is kept below, under the draft."
        _keep_unsaved(text)
        return
    if saved.text == text:
        S["draft.base"] = (version_id, text)


def _keep_unsaved(text: str) -> None:
    """An edit the store refused (another officer submitted the version meanwhile, or approved it): the editor will
    show the stored text, and this text is kept beside it, to copy or download, until the officer dismisses it."""
    S["draft.unsaved"] = S["draft.unsaved_text"] = text


def _dismiss_unsaved() -> None:
    S.pop("draft.unsaved", None)
    S.pop("draft.unsaved_text", None)


def _sync(version):
    """A case version being drafted, as this run finds it in the store: another officer's edits are taken when
    this session made none since; when both did, this session's text is kept and the other version returned, to
    be shown beside it (neither is dropped without the officer saying so)."""
    what = reconcile(version.text, _base(version.id), S.get("draft.text", ""))
    if what == IN_STEP:
        S["draft.base"] = (version.id, version.text)
    elif what == TAKE_STORED:
        _loaded(version)
        S["draft.taken"] = cl.saved_words(version)
    elif what == KEEP_OWN:  # an edit not saved yet (a cancelled draft, a failed save): save it now
        _save_text()
    return version if what == CONFLICT else None


def _sync_questions(version) -> None:
    """The case's questions, as this run finds them in the store: questions another officer set since this session
    last saw them are taken, with their precedents found again, and this session's draft (saved or not) is kept and
    checked again against them, as "Use these questions" does."""
    case = app.reviews.case(version.case_id)
    if not case.get("request_text"):
        return  # a case that kept no request keeps no questions
    stored = case.get("request_questions")
    seen = S.get("draft.questions_seen")
    if stored == signoff.drafter_questions(S["draft.request"]) or seen == (version.case_id, stored):
        S["draft.questions_seen"] = (version.case_id, stored)
        return
    try:
        request = signoff.case_request(case)
        if request is None:
            return
        with st.spinner("Finding precedents for the case's questions…"):
            plan = ws.find_precedents(request, app.index, S.get("draft.authority"))
    except PrecedentError as exc:
        st.error(f"The case's questions were changed, and they or their precedents could not be read: {exc}")
        return
    S["draft.questions_seen"] = (version.case_id, stored)  # taken once, even if reading them back differs
    _reset_draft(keep_case=True)
    S["draft.request"], S["draft.plan"] = request, plan
    S["draft.questions_taken"] = case.get("questions_set_by") or True  # who, where the store knows
    if S.get("draft.text", "").strip():
        _check(S["draft.text"])


def _load_theirs(version_id: int) -> None:
    _loaded(app.reviews.version(version_id))


def _keep_mine(version_id: int, theirs: str) -> None:
    """Save this session's text over the other officer's (the text the warning showed; a newer one still wins)."""
    S["draft.base"] = (version_id, theirs)
    _save_text()


# --- the case: its dates and the clock -------------------------------------------------------------


def _default_dates(plan) -> None:
    """A new request: received on the day its own record line says ("Received: 6 November 2025", an e-mail's
    "Sent: ..."), else today; under the Act the reply is written under, the nation's calendar it implies."""
    regime = letter_form(plan).regime
    request = S.get("draft.request")
    said = request_received(request.text) if request is not None else None
    S["draft.received"] = said if said is not None and said <= date.today() else date.today()
    S["draft.regime"] = regime
    S["draft.nation"], S["draft.extension"] = default_nation(Regime(regime)).value, NONE
    S["draft.compliance"] = STANDARD
    for name in STOP_INPUTS:
        S[f"draft.{name}"] = None


def _load_dates(dates: CaseDates | None) -> None:
    if dates is None:
        return
    S["draft.received"], S["draft.regime"] = dates.received, dates.regime.value
    S["draft.nation"] = dates.nation.value
    S["draft.extension"] = dates.extension.value if dates.extension else NONE
    S["draft.compliance"] = dates.compliance.value
    for name in STOP_INPUTS:
        S[f"draft.{name}"] = getattr(dates, name)


def _dates() -> CaseDates:
    """The case's dates as the page shows them; ``PrecedentError`` for a combination the law does not have."""
    return CaseDates.of(
        S.get("draft.received") or date.today(),
        S.get("draft.regime", "FOIA"),
        S.get("draft.nation"),
        S.get("draft.extension", NONE),
        compliance=S.get("draft.compliance", STANDARD),
        **{name: S.get(f"draft.{name}") for name in STOP_INPUTS},
    )


def _case_dates() -> CaseDates | None:
    try:
        return _dates()
    except PrecedentError:
        return None


def _store_dates() -> None:
    """A date changed: a started case keeps it in the store at once, where the case list and other officers see it."""
    version_id = S.get("draft.version_id")
    if version_id is None or not drafter:
        return
    try:
        signoff.store_dates(app.reviews, app.reviews.version(version_id).case_id, _dates())
    except PrecedentError as exc:
        S["draft.case_error"] = f"The dates were not saved: {exc}"


def _regime_changed() -> None:
    S["draft.nation"] = default_nation(Regime(S["draft.regime"])).value
    S["draft.extension"] = NONE
    S["draft.compliance"] = STANDARD  # the Time for Compliance Regulations vary FOIA only
    _store_dates()


def _start_case() -> None:
    if not S.get("draft.text", "").strip():
        S["draft.case_error"] = "Generate or write a draft first: a case starts with its first draft."
        return
    title = signoff.case_title(S["draft.request"], S.get("draft.authority"))
    try:
        version = signoff.start_case(
            app.reviews,
            title,
            S.get("draft.text", ""),
            actor,
            _dates(),
            S["draft.request"],
            S.get("draft.authority"),
        )
    except PrecedentError as exc:
        S["draft.case_error"] = str(exc)
    else:
        S["draft.version_id"] = version.id
        S["draft.base"] = (version.id, version.text)


def _open_from_url() -> None:
    """A fresh session (a reload, a shared link) with ``?case=`` opens that case's latest version."""
    value = st.query_params.get(CASE_PARAM)
    if not value or "draft.plan" in S:
        return
    case_id = cl.case_id_from_param(value)
    try:
        version_id = cl.latest_version_id(app.reviews.case(case_id)) if case_id is not None else None
    except KeyError:
        version_id = None
    if version_id is None:
        st.error(
            f"There is no case {escape_markdown(value)} in this case store: the link may be wrong or old. "
            "Open a case on the Cases page, or start one here."
        )
        st.query_params.pop(CASE_PARAM, None)
        return
    _open_case(version_id)


def _open_case(version_id: int) -> None:
    """Load a case's latest version, as the Cases page asked: its request and authority, the precedents found for
    them again (as "Find precedents" finds them), its draft, its dates, and a fresh check, so this officer can
    continue where another left off. A case started before cases kept their request has its questions read
    back from the draft."""
    version = app.reviews.version(version_id)
    case = app.reviews.case(version.case_id)
    authority = case.get("authority") or ""
    try:
        request = signoff.case_request(case) or ws.request_from_draft(version.text, source=READ_BACK)
        with st.spinner("Opening the case…"):
            plan = ws.find_precedents(request, app.index, authority)
    except PrecedentError as exc:
        st.error(f"The case could not be opened: {exc}")
        return
    _reset_draft()
    S["draft.request"], S["draft.plan"], S["draft.request_text"] = request, plan, request.text
    S["draft.authority"] = authority
    S["draft.version_id"] = version.id
    _loaded(version)
    _default_dates(plan)
    _load_dates(CaseDates.from_case(case))
    _check(version.text)


def _use_questions() -> None:
    """The officer's own questions for the request the reader split wrongly: precedents found for them as "Find
    precedents" finds them. Before a case, a fresh draft. On a case being drafted, the case keeps the questions
    (whoever opens it again gets them) and its draft stays, the team's text, checked again against them."""
    if not drafter:
        return
    version_id = S.get("draft.version_id")
    try:
        request = request_with_questions(
            S["draft.request"], question_texts(S.get("draft.questions_text", ""))
        )
        with st.spinner("Finding precedents…"):
            plan = ws.find_precedents(request, app.index, S.get("draft.authority"))
    except PrecedentError as exc:
        S["draft.questions_error"] = str(exc)
        return
    if version_id is not None:
        # the store refuses a case in review, approved or sent: another officer may have submitted it meanwhile
        try:
            signoff.store_questions(app.reviews, app.reviews.version(version_id).case_id, request, actor)
        except PrecedentError as exc:
            S["draft.questions_error"] = f"The case's questions were not changed: {exc}."
            return
    _reset_draft(keep_case=True)
    S["draft.request"], S["draft.plan"] = request, plan
    if version_id is None:
        S["draft.text"] = ""
        _default_dates(plan)
        return
    S["draft.questions_kept"] = True
    if S.get("draft.text", "").strip():
        _check(S["draft.text"])


def _cancel() -> None:
    S["draft.cancelled"] = True
    S["draft.text"] = S.get("draft.partial", "") or S.get("draft.text", "")
    _save_text()


def _precedent_only() -> None:
    S["draft.mode"] = "Precedent only"
    S["draft.autostart"] = True


def _check(text: str) -> None:
    drafted = S.get("draft.result")
    try:
        with st.spinner("Checking the draft against precedent…"):
            result = ws.recheck_draft(
                text,
                app.index,
                S["draft.request"],
                S.get("draft.plan"),
                S.get("draft.authority"),
                model_written=bool(drafted and drafted.mode == "model" and not drafted.fallback_reason),
                dates=_case_dates(),
            )
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
    version_id = S.get("draft.version_id")
    if version_id is None:
        title = signoff.case_title(S["draft.request"], S.get("draft.authority"))
        version_id = signoff.start_case(
            app.reviews, title, S["draft.text"], actor, _dates(), S["draft.request"], S.get("draft.authority")
        ).id
        S["draft.version_id"] = version_id
        S["draft.base"] = (version_id, S["draft.text"])
    stored = signoff.version_overrides(audit, version_id)
    flags, overrides = signoff.submitted_flags(S.get("draft.check"), S["draft.reviews"], stored)
    return app.reviews.submit(version_id, actor, text=S["draft.text"], flags=flags, overrides=overrides)


def _generate(mode: str) -> None:
    _reset_draft(keep_case=True)  # a fresh draft of the same request: the same case, if one was started
    job = ws.draft_job(app, S["draft.request"], mode, S.get("draft.authority"), audit=audit).start()
    live = st.empty()
    text = ""
    try:
        with st.spinner(
            "Drafting from precedent…" if mode == "precedent" else f"{model_name(app)} is drafting…"
        ):
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
            _save_text()
        return
    result = job.result
    S["draft.result"] = result
    S["draft.text"] = result.draft
    _save_text()  # a case version being drafted: the other officers see the new draft
    S["draft.check"] = ws.draft_check(result, _case_dates())  # drafting checked it already


st.title("Draft a reply")
st.caption(
    "Paste or upload a request: each question is shown with the nearest precedents and how they were "
    "answered. Every draft needs review by an FOI officer before it is sent."
)

opening = S.pop("draft.open_version", None)  # a case opened on the Cases page
if opening is not None:
    _open_case(opening)
else:
    _open_from_url()
if not drafter:
    st.info(
        f"{escape_markdown(user.name)} is not a drafter: you can read cases and check drafts here, but not draft, "
        "override a flag, submit or send. Ask whoever runs Precedent to add you to PRECEDENT_DRAFTERS."
    )

with st.container(border=True):
    paste_tab, upload_tab = st.tabs(["Paste the request", "Upload a file"])
    paste_tab.text_area(
        "Request",
        key="draft.request_text",
        height=180,
        label_visibility="collapsed",
        placeholder="Dear FOI team,\n\nPlease tell me:\n1. How many ...?\n2. ...",
    )
    upload_tab.file_uploader(
        "Request (text, Word, PDF, HTML or Markdown)", type=ws.UPLOAD_TYPES, key="draft.request_file"
    )
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.text_input(
        "Authority answering (optional: its own precedents count for more)",
        key="draft.authority",
        placeholder="e.g. Greater Manchester Police",
    )
    find = c2.button("Find precedents", type="primary", width="stretch", key="draft.find")

if find:
    upload = S.get("draft.request_file")
    try:
        _, request = ws.read_request(
            S.get("draft.request_text", ""), (upload.getvalue(), upload.name) if upload else None
        )
        with st.spinner("Finding precedents…"):
            plan = ws.find_precedents(request, app.index, S.get("draft.authority"))
    except PrecedentError as exc:
        st.error(str(exc))
    else:
        _reset_draft()
        S["draft.request"], S["draft.plan"] = request, plan
        S["draft.text"] = ""
        _default_dates(plan)

plan = S.get("draft.plan")
if plan is None:
    st.stop()

version = app.reviews.version(S["draft.version_id"]) if S.get("draft.version_id") else None
locked = version is not None and version.state != DRAFTING  # in review, returned, approved or sent
conflict = None  # another officer's text of this version, saved while this session edited its own
if version is not None:
    if st.query_params.get(CASE_PARAM) != str(version.case_id):  # opened or started: a reload opens it again
        st.query_params[CASE_PARAM] = str(version.case_id)
    _sync_questions(version)  # another officer's questions first: the draft is then checked against them
    plan = S["draft.plan"]
    own, base = S.get("draft.text"), _base(version.id)
    if locked and own is not None and base is not None and own not in (version.text, base):
        _keep_unsaved(own)  # an edit this session never saved, and the version can no longer take it
    if locked or "draft.text" not in S:
        _loaded(version)
    else:
        conflict = _sync(version)
if "draft.received" not in S:  # the widgets were not on the last page shown: the case's dates, or today's
    _default_dates(plan)
    if version is not None:
        _load_dates(CaseDates.from_case(app.reviews.case(version.case_id)))

# --- the case and its clock --------------------------------------------------------------------------
with st.container(border=True):
    st.markdown("**Case and the clock**")
    fixed = not drafter or (version is not None and version.state == SENT)
    d1, d2, d3, d4 = st.columns(4)
    d1.date_input(
        "Received",
        key="draft.received",
        format="DD/MM/YYYY",
        disabled=fixed,
        on_change=_store_dates,
        help="The day the request arrived: day 1 is the next working day.",
    )
    d2.selectbox("Regime", REGIMES, key="draft.regime", disabled=fixed, on_change=_regime_changed)
    d3.selectbox(
        "Nation (whose bank holidays)",
        [n.value for n in Nation],
        key="draft.nation",
        disabled=fixed,
        format_func=lambda v: cl.NATION_WORDS[Nation(v)],
        on_change=_store_dates,
    )
    extensions = list(cl.EXTENSIONS_FOR[S["draft.regime"]])
    if S.get("draft.extension") not in extensions:
        S["draft.extension"] = NONE
    d4.selectbox(
        "Extension",
        extensions,
        key="draft.extension",
        disabled=fixed,
        on_change=_store_dates,
        format_func=cl.EXTENSION_WORDS.get,
    )
    limits = list(cl.COMPLIANCE_FOR[S["draft.regime"]])
    if S.get("draft.compliance") not in limits:
        S["draft.compliance"] = STANDARD
    stopped = S["draft.compliance"] != STANDARD or any(S.get(f"draft.{n}") for n in STOP_INPUTS)
    with st.expander("Clock stops and special time limits", expanded=stopped):
        st.caption(
            "A fees notice stops the clock until the fee arrives; a request for clarification restarts it from "
            "the answer. The special time limits are FOIA's Time for Compliance Regulations 2004."
        )
        s1, s2, s3, s4 = st.columns(4)
        for column, (name, (label, help_text)) in zip((s1, s2, s3, s4), STOP_INPUTS.items(), strict=True):
            column.date_input(
                label,
                key=f"draft.{name}",
                format="DD/MM/YYYY",
                disabled=fixed,
                on_change=_store_dates,
                help=help_text,
            )
        st.selectbox(
            "Time limit",
            limits,
            key="draft.compliance",
            disabled=fixed or len(limits) == 1,
            on_change=_store_dates,
            format_func=lambda v: cl.COMPLIANCE_WORDS[v],
            help="FOIA only: schools and academies, archives' transferred public records, armed forces operations.",
        )
    if S.get("draft.case_error"):
        st.error(escape_markdown(S.pop("draft.case_error")))
    try:
        due = _dates().due()
    except PrecedentError as exc:
        st.error(escape_markdown(str(exc)))
        due = None
    if due is not None:
        if version is not None and version.state == SENT:
            when = ":gray-badge[sent]"
        else:
            left = working_days_left(due, date.today())
            when = f":{cl.days_left_colour(left)}[**{cl.days_left_words(left)}**]"
            if due.awaiting:
                when += f" · :orange-badge[clock stopped: awaiting the {due.awaiting}]"
        st.markdown(f"Due **{due.due:%A} {due.due.day} {due.due:%B %Y}** · {when}")
        st.caption(escape_markdown(describe(due)))
        if due.extension is not None:
            with st.expander(
                f"The extension notice: complete it and send it by {due.notice_by:%d %B %Y}", expanded=True
            ):
                named = [f"section {e[1:]}" if e.startswith("s") else e for e in plan.exemptions]
                st.code(extension_notice(due, named), language=None, wrap_lines=True)
    if version is None:
        st.button(
            "Start case",
            key="draft.start_case",
            on_click=_start_case,
            disabled=not drafter or due is None,
            help="Keep this request, its dates and its draft as a case the team can see on the Cases page.",
        )
    else:
        st.markdown(
            f"Case {version.case_id}, version {version.number}: "
            f":blue-badge[{STATE_WORDS[version.state]}] · held by {escape_markdown(cl.holder(version))}"
        )

questions_col, draft_col = st.columns([3, 2], gap="large")

# --- the draft (computed first so the flags beside the questions are up to date) -------------------
with draft_col:
    st.subheader("Draft")
    mode_label = st.radio(
        "Write with",
        list(MODES),
        key="draft.mode",
        horizontal=True,
        help="Precedent only assembles the answers from the precedent wording, without a model.",
    )
    mode = MODES[mode_label]
    if mode == "model":
        st.caption(f"Model: {escape_markdown(model_name(app))}")
    b1, b2 = st.columns(2)
    generate = b1.button(
        "Generate draft",
        type="primary",
        width="stretch",
        key="draft.generate",
        disabled=locked or not drafter,
    )
    generate = generate or S.pop("draft.autostart", False)
    if generate:
        cancel_slot = b2.empty()
        cancel_slot.button("Cancel", width="stretch", key="draft.cancel", on_click=_cancel)
        _generate(mode)
        cancel_slot.empty()
        if version is not None:  # the new draft was saved, unless another officer's edits came first
            conflict = _sync(app.reviews.version(version.id))
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
        st.info(
            who + f" in {result.elapsed:.1f} s, under {letter_form(result.plan).act}. A draft is a starting "
            "point: an FOI officer must review every answer before it is sent."
        )
        if result.fallback_reason:
            st.warning(
                f"The model could not be used: {escape_markdown(result.fallback_reason)}. "
                "Try again later, or keep this precedent-only draft."
            )
        if result.model_note:
            st.warning(escape_markdown(result.model_note))
        if result.composition is not None:
            st.caption(
                escape_markdown(result.composition.summary()) + " Each answer the model wrote was read back "
                "and kept only where it says what precedent decided."
            )

    if S.get("draft.save_error"):
        st.error(escape_markdown(S.pop("draft.save_error")))
    if S.get("draft.taken"):
        st.info(
            f"This draft now has the edits {escape_markdown(S.pop('draft.taken'))} saved. Re-check it to see "
            "its flags."
        )
    if conflict is not None:
        st.warning(
            f"{escape_markdown(cl.saved_words(conflict))} saved another text of this draft while you were "
            "editing it. Yours is below and is not saved: load theirs (yours is lost), or keep yours (it "
            "replaces theirs for everyone)."
        )
        k1, k2 = st.columns(2)
        k1.button(
            "Load their text",
            key="draft.load_theirs",
            width="stretch",
            on_click=_load_theirs,
            args=(conflict.id,),
        )
        k2.button(
            "Keep mine",
            key="draft.keep_mine",
            width="stretch",
            on_click=_keep_mine,
            args=(conflict.id, conflict.text),
        )
    st.text_area(
        "Draft letter (edit freely; on a case, each change is saved for the team)",
        key="draft.text",
        height=560,
        disabled=locked or not drafter,
        on_change=_save_text,
    )
    if S.get("draft.unsaved") is not None:
        st.warning(
            "Your unsaved text is below: the draft above is the one in the store. Copy what you need from it, or "
            "download it, before you dismiss it."
        )
        if "draft.unsaved_text" not in S:  # the widget was not on the last page shown: its state went with it
            S["draft.unsaved_text"] = S["draft.unsaved"]
        st.text_area("Your unsaved text", height=240, key="draft.unsaved_text")
        u1, u2 = st.columns(2)
        u1.download_button(
            "Download your unsaved text",
            S.get("draft.unsaved_text") or S["draft.unsaved"],
            file_name="unsaved-draft.txt",
            mime="text/plain",
            on_click="ignore",
            width="stretch",
            key="draft.unsaved_download",
        )
        u2.button(
            "Dismiss your unsaved text",
            width="stretch",
            key="draft.unsaved_dismiss",
            on_click=_dismiss_unsaved,
        )
    if st.button(
        "Re-check the draft", width="stretch", key="draft.recheck", disabled=locked or not S.get("draft.text")
    ):
        _check(S["draft.text"])

    check = S.get("draft.check")
    reviews = S["draft.reviews"]
    stored = signoff.version_overrides(audit, version.id if version is not None else None)
    can_act = drafter and not locked
    labels = [q.label for q in plan.questions]
    grouped, whole_letter = ws.flags_by_question(check.flags if check else (), labels)

    def _flag(flag, key: str) -> None:
        flag_card(
            flag,
            reviews,
            audit,
            key=key,
            stored=stored.get(flag_key(flag)),
            version_id=version.id if version is not None else None,
            can_act=can_act,
            ids=lambda: (getattr(S.get("draft.result"), "audit_id", None), S.get("draft.check_id")),
        )

    if check is not None:
        st.markdown(f"**Check:** {flag_counts(check.flags, {**reviews, **stored}, check.letter.regime)}")
        for i, flag in enumerate(whole_letter):
            _flag(flag, f"draft.flag.letter{i}")

    if S.get("draft.text"):
        st.markdown("**Review and sign-off**")
        if S.get("draft.review_error"):
            st.error(S.pop("draft.review_error"))
        if version is not None:
            st.markdown(f"Version {version.number}: :blue-badge[{STATE_WORDS[version.state]}]")
        if version is not None and version.state == CHANGES_REQUESTED:
            st.warning(
                f"{escape_markdown(version.decided_by or 'The reviewer')} asked for changes: "
                f"{escape_markdown(version.comment)}"
            )
            if st.button("Revise the draft", key="draft.revise", width="stretch", disabled=not drafter):
                _review_step(lambda: app.reviews.act(version.id, "revise", actor))
        elif version is not None and version.state == IN_REVIEW:
            st.info(
                "Waiting for a reviewer on the Review page. The draft cannot be edited while it is in review."
            )
        elif version is not None and version.frozen:
            st.success(
                escape_markdown(signoff.export_approval(version)) + ". The draft is frozen: a change starts "
                "a new version, which is reviewed again."
            )
            if version.state == SENT:
                sent = next(
                    (e for e in reversed(app.reviews.events(version.id)) if e["action"] == "send"), None
                )
                if sent is not None:
                    st.info(
                        f"Marked as sent by **{escape_markdown(sent['user_name'])}** at "
                        f"{escape_markdown(sent['created_at'])}."
                    )
            n1, n2 = st.columns(2)
            if n1.button("New version", key="draft.new_version", width="stretch", disabled=not drafter):
                _review_step(lambda: app.reviews.new_version(version.id, actor))
            if version.state == APPROVED and n2.button(
                "Mark as sent",
                key="draft.send",
                width="stretch",
                type="primary",
                disabled=not drafter,
                help="Record that this approved letter went to the requester.",
            ):
                _review_step(lambda: app.reviews.act(version.id, "send", actor))
        else:
            if version is not None and version.comment:
                st.caption(escape_markdown(f"{version.decided_by} asked for changes: {version.comment}"))
            if st.button(
                "Submit for review", key="draft.submit", width="stretch", type="primary", disabled=not drafter
            ):
                _review_step(_submit)

        st.markdown("**Export**")
        reviewed = st.checkbox("I have reviewed this letter", key="draft.reviewed")
        open_high = [
            f
            for f in (check.flags if check else ())
            if f.severity == "high" and flag_key(f) not in reviews and flag_key(f) not in stored
        ]
        if open_high:
            st.warning(
                f"{len(open_high)} high-severity flag{'s are' if len(open_high) != 1 else ' is'} neither "
                "fixed nor overridden."
            )
        info = ExportInfo(
            title="FOI response",
            authority=S.get("draft.authority") or None,
            model=result.model
            if result is not None and result.mode == "model" and not result.fallback_reason
            else None,
            prompt_version=getattr(result, "prompt_version", None),
            reviewed=reviewed or (version is not None and version.frozen),
            approval=signoff.export_approval(version),
        )
        stem = file_stem(None, "foi-response")
        e1, e2 = st.columns(2)
        e1.download_button(
            "Word (.docx)",
            to_docx(S["draft.text"], info),
            file_name=f"{stem}.docx",
            mime=DOCX_MIME,
            on_click="ignore",
            width="stretch",
            key="draft.export.docx",
            icon=":material/description:",
        )
        e2.download_button(
            "Markdown (.md)",
            to_markdown(S["draft.text"], info),
            file_name=f"{stem}.md",
            mime="text/markdown",
            on_click="ignore",
            width="stretch",
            key="draft.export.md",
            icon=":material/markdown:",
        )

# --- the questions, each with its precedents and flags ---------------------------------------------
with questions_col:
    request = S["draft.request"]
    st.subheader(
        f"{len(plan.questions)} question{'s' if len(plan.questions) != 1 else ''} and their precedents"
    )
    shown = editor_text(request)  # the editor starts from the questions shown, and again when they change
    if S.get("draft.questions_base") != shown or "draft.questions_text" not in S:
        S["draft.questions_base"] = S["draft.questions_text"] = shown
    questions_error = S.pop("draft.questions_error", None)
    questions_kept = S.pop("draft.questions_kept", False)
    if taken := S.pop("draft.questions_taken", False):
        who = escape_markdown(taken) if isinstance(taken, str) else "another officer"
        st.info(
            f"This case's questions were changed in another session ({who} edited them): these are the "
            "questions the case keeps now, with their precedents. Your draft was kept and checked again against "
            "them."
        )
    # a case keeps the questions with its request: not one read back from its draft (it kept no request)
    unkept = version is not None and request.source == READ_BACK
    with st.expander(
        "Not split right? Edit the questions", expanded=questions_error is not None or questions_kept
    ):
        if questions_error:
            st.error(escape_markdown(questions_error))
        if questions_kept:
            st.success(
                "The case keeps these questions: whoever opens it gets them. The draft was kept and checked "
                "again against them; Generate draft writes a fresh one."
            )
        st.text_area(
            "The questions, one a line",
            key="draft.questions_text",
            height=max(120, min(400, 32 * len(plan.questions) + 40)),
            disabled=not drafter or locked or unkept,
            help=EDITOR_RULE
            + " On a case, the case keeps these questions with its request, and whoever opens it again gets "
            "them. They can be edited while the case's draft is being drafted, not once it is submitted for "
            "review, approved or sent: they are the questions that draft answers.",
        )
        st.button(
            "Use these questions",
            key="draft.use_questions",
            on_click=_use_questions,
            disabled=not drafter or locked or unkept,
            help="Find precedents for these questions, as Find precedents does: before a case, a fresh draft; "
            "on a case, the case keeps them and its draft is checked again against them.",
        )
        if locked:
            st.caption(
                f"This case's questions cannot be edited while its draft is {STATE_WORDS[version.state]}: they "
                "are the questions it answers. Once the case has a draft being drafted again (Revise the draft, "
                "New version), they can be."
            )
        elif unkept:
            st.caption(
                "This case's questions cannot be edited: it was started before cases kept their request, so "
                "it has no request to keep them with."
            )
    if request.requester.name or request.requester.emails:
        st.caption(
            "The requester's identity was removed before searching; it is used only in the salutation."
        )
    if request.source == READ_BACK:
        st.info(
            "This case was started before cases kept their request: its questions are read back from the "
            "draft, and the request as the requester wrote it is not known."
        )
    if request.note:
        st.info(escape_markdown(request.note))
    with st.expander("What is sent to the index and the model (the requester's identity removed)"):
        st.caption(_what_is_sent(app.settings.draft_prompt))
        st.code(request.text, language=None, wrap_lines=True)
    for q in plan.questions:
        with st.container(border=True):
            st.markdown(f"##### {escape_markdown(q.label)}  \n{escape_markdown(q.text)}")
            plan_summary(q.treatments, q.exemptions, q.confidence, q.status, q.decision_note)
            for i, flag in enumerate(grouped.get(q.label, [])):
                _flag(flag, f"draft.flag.{q.label}.{i}")
            agreeing = {(p.reference, p.label) for p in (q.consensus.agreeing if q.consensus else [])}
            sources = q.sources
            if not sources:
                st.caption("No precedent is close enough to this question.")
            for p in sources[:5]:
                precedent_card(
                    p,
                    app.index,
                    key=f"draft.prec.{q.label}.{p.reference}.{p.label}",
                    agrees=(p.reference, p.label) in agreeing,
                )
