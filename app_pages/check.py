"""Check: an existing draft (and optionally its request) against precedent and what FOIA requires."""

import streamlit as st

from foi_precedent.errors import PrecedentError
from foi_precedent.identity import DRAFTER
from foi_precedent.ui import workspace as ws
from foi_precedent.ui.signin import audit_log, signed_in_user
from foi_precedent.ui.state import services
from foi_precedent.ui.text import escape_markdown, quote_block, treatment_words
from foi_precedent.ui.widgets import flag_card, flag_counts, plan_summary, precedent_card

S = st.session_state
app = services()
audit = audit_log(app)  # entries in the signed-in user's name
drafter = signed_in_user(app.settings).has(DRAFTER)  # only a drafter accepts or overrides a flag
S.setdefault("check.reviews", {})

st.title("Check a draft")
st.caption(
    "Paste or upload a draft reply. Each answer is compared with how precedent answered the same kind of "
    "question, and the letter with what its Act (FOIA, FOISA or the EIR) requires. The checker uses no model: the same draft gives the "
    "same flags."
)

with st.container(border=True):
    paste_tab, upload_tab = st.tabs(["Paste the draft", "Upload a file"])
    paste_tab.text_area(
        "Draft",
        key="check.draft_text",
        height=220,
        label_visibility="collapsed",
        placeholder="Paste the draft reply here",
    )
    upload_tab.file_uploader(
        "Draft (text, Word, PDF, HTML or Markdown)", type=ws.UPLOAD_TYPES, key="check.draft_file"
    )
    with st.expander("The request (optional: precedent is then looked up by the requester's own words)"):
        st.text_area("Request", key="check.request_text", height=140, label_visibility="collapsed")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.text_input("Authority answering (optional)", key="check.authority", placeholder="e.g. Home Office")
    run = c2.button("Check the draft", type="primary", width="stretch", key="check.run")

if run:
    upload = S.get("check.draft_file")
    try:
        letter = ws.read_draft(
            S.get("check.draft_text", ""), (upload.getvalue(), upload.name) if upload else None
        )
        request = None
        if S.get("check.request_text", "").strip():
            _, request = ws.read_request(S["check.request_text"])
        with st.spinner("Checking against precedent…"):
            result = ws.check_draft(letter, app.index, request, S.get("check.authority"))
            S["check.id"] = audit.record_check(result, source=upload.name if upload else "app:check")
    except PrecedentError as exc:
        st.error(str(exc))
    else:
        S["check.result"], S["check.reviews"] = result, {}

result = S.get("check.result")
if result is None:
    st.stop()

reviews = S["check.reviews"]
letter = result.letter
labels = [q.label for q in letter.questions]
grouped, whole_letter = ws.flags_by_question(result.flags, labels)
ids = lambda: (None, S.get("check.id"))  # noqa: E731

st.subheader(escape_markdown(f"{letter.reference} · {letter.authority or 'authority not stated'}"))
st.markdown(flag_counts(result.flags, reviews, letter.regime))
for i, flag in enumerate(whole_letter):
    flag_card(flag, reviews, audit, key=f"check.flag.letter{i}", ids=ids, can_act=drafter)

for q, consensus in zip(letter.questions, result.questions, strict=True):
    with st.container(border=True):
        draft_col, precedent_col = st.columns([1, 1], gap="large")
        with draft_col:
            st.markdown(f"##### {escape_markdown(q.label)}  \n{escape_markdown(q.text)}")
            st.markdown(
                f"**The draft:** {escape_markdown(treatment_words(q.treatments))}"
                + (f" under {escape_markdown(', '.join(q.exemptions))}" if q.exemptions else "")
            )
            st.markdown(quote_block(q.answer) if q.answer.strip() else "_No answer in the draft._")
            for i, flag in enumerate(grouped.get(q.label, [])):
                flag_card(flag, reviews, audit, key=f"check.flag.{q.label}.{i}", ids=ids, can_act=drafter)
        with precedent_col:
            plan_summary(consensus.treatments, consensus.exemptions, consensus.confidence, consensus.status)
            agreeing = {(p.reference, p.label) for p in consensus.agreeing}
            sources = consensus.agreeing + consensus.dissenting
            if not sources:
                st.caption("No precedent is close enough to this question.")
            for p in sources[:5]:
                precedent_card(
                    p,
                    app.index,
                    key=f"check.prec.{q.label}.{p.reference}.{p.label}",
                    agrees=(p.reference, p.label) in agreeing,
                )
