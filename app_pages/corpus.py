"""Corpus: search and browse the precedent letters, open one beside its parsed structure, add new ones."""

import streamlit as st

from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Treatment
from foi_precedent.letters.reader_version import STALE_READINGS
from foi_precedent.splits import parse_split, split_note
from foi_precedent.ui import corpus as cp
from foi_precedent.ui.signin import audit_log, signed_in_user
from foi_precedent.ui.state import services
from foi_precedent.ui.text import escape_markdown, format_date, join_or_dash, treatment_words
from foi_precedent.ui.widgets import precedent_card

S = st.session_state
app = services()
user = signed_in_user(app.settings)
may_correct = cp.can_correct(user)  # drafters and reviewers; the store refuses anyone else too


def correction_form(letter, q) -> None:
    """Pick treatments, edit exemptions and NCND provisions, give a reason: the corrected reading is precedent
    from the next search on (``foi_precedent.corrections``)."""
    base = f"corpus.fix.{letter.reference}.{q.label}"
    with st.expander("Correct this reading", expanded=False):
        treatments = st.multiselect(
            "Treatments",
            [t.value for t in Treatment],
            default=[t.value for t in q.treatments],
            format_func=lambda t: treatment_words([t]),
            key=f"{base}.treatments",
        )
        c1, c2 = st.columns(2)
        exemptions = c1.text_input(
            "Exemptions",
            value=", ".join(q.exemptions),
            key=f"{base}.exemptions",
            placeholder="e.g. s31(1)(a), s40(2)",
        )
        ncnd = c2.text_input(
            "NCND provisions", value=", ".join(q.ncnd), key=f"{base}.ncnd", placeholder="e.g. s31(3)"
        )
        reason = st.text_area(
            "Why (required)", key=f"{base}.reason", placeholder="What the letter says that the reader missed"
        )
        if st.button("Save the correction", key=f"{base}.save"):
            try:
                made = app.index.correct(
                    letter.reference,
                    q.label,
                    treatments=treatments,
                    exemptions=exemptions,
                    ncnd=ncnd,
                    reason=reason,
                    officer=user.name,
                    roles=user.roles,
                )
                audit_log(app).record_correction(made, previous=q)  # in the signed-in user's name
            except PrecedentError as exc:
                st.error(str(exc))
            else:
                S["corpus.corrected"] = (
                    f"{made.reference} {made.label} corrected: it now counts as precedent as "
                    f"{treatment_words(made.treatments)}."
                )
                st.rerun()


def split_form(letter) -> None:
    """Set the letter's questions where the reader split it wrongly (one a line, 'label - text'), give a reason: the
    letter is read again with them and is precedent so from the next search on (``foi_precedent.splits``)."""
    base = f"corpus.split.{letter.reference}"
    with st.expander("Not split right? Edit the questions", expanded=False):
        text = st.text_area(
            "Questions, one a line (label - text)",
            value=cp.split_editor(letter),
            key=f"{base}.questions",
            height=200,
            help="A label the letter has is kept, so corrections of that question keep applying; a line without "
            "one takes the next number. Each answer is found by its label where the reply labels its answers; "
            "otherwise the reply is read as a whole for every question.",
        )
        reason = st.text_area(
            "Why (required)", key=f"{base}.reason", placeholder="How the reader split the letter wrongly"
        )
        save, undo = st.columns(2)
        saved = save.button("Save the questions", key=f"{base}.save")
        undone = bool(split_note(letter)) and undo.button("Return to the reader's split", key=f"{base}.undo")
        if not (saved or undone):
            return
        try:
            questions = None if undone else parse_split(text, labels=[q.label for q in letter.questions])
            made, before, after = app.index.resplit(
                letter.reference, questions, reason=reason, officer=user.name, roles=user.roles
            )
            audit_log(app).record_split(made, previous=before, now=after)  # in the signed-in user's name
        except PrecedentError as exc:
            st.error(str(exc))
        else:
            S.pop(f"{base}.questions", None)  # the editor shows the letter as read now
            S.pop(f"{base}.reason", None)
            how = "as the reader splits it" if made.undo else f"with {len(after.questions)} questions"
            S["corpus.resplit"] = (
                f"{made.reference} is now read {how} ({', '.join(q.label for q in after.questions)}): "
                "it counts as precedent so from now on."
            )
            st.rerun()


st.title("Corpus")
try:
    letters = app.index.letters()
except PrecedentError as exc:
    st.error(str(exc))
    st.stop()
st.caption(
    f"{len(letters)} precedent letter{'s' if len(letters) != 1 else ''} in the index. Search by meaning and "
    "by words, filter, open a letter, or add new ones."
)
if stale := app.index.readings_stale():
    st.warning(STALE_READINGS.format(n=stale, s="s" if stale != 1 else ""))

opts = cp.options(letters)
with st.container(border=True):
    query = st.text_input("Search", key="corpus.query", placeholder="e.g. number of drone flights last year")
    f1, f2, f3, f4, f5 = st.columns([3, 2, 2, 2, 3])
    authority = f1.selectbox(
        "Authority", opts["authority"], index=None, key="corpus.authority", placeholder="Any"
    )
    exemption = f2.selectbox(
        "Exemption", opts["exemption"], index=None, key="corpus.exemption", placeholder="Any"
    )
    treatment = f3.selectbox(
        "Treatment",
        opts["treatment"],
        index=None,
        key="corpus.treatment",
        placeholder="Any",
        format_func=lambda t: treatment_words([t]),
    )
    cluster = f4.selectbox("Cluster", opts["cluster"], index=None, key="corpus.cluster", placeholder="Any")
    dates = f5.date_input("Dated between", value=(), key="corpus.dates", format="DD/MM/YYYY")
date_from = dates[0] if len(dates) > 0 else None
date_to = dates[1] if len(dates) > 1 else None
filters = cp.LetterFilter(authority, date_from, date_to, exemption, treatment, cluster)

browse_tab, open_tab, add_tab = st.tabs(["Browse", "Open a letter", "Add letters"])

with browse_tab:
    if query.strip():
        try:
            hits = app.index.search(query, k=20, **filters.search_args())
        except PrecedentError as exc:
            st.error(str(exc))
            hits = []
        if cluster:
            in_cluster = {x.reference for x in letters if cp.cluster_of(x) == cluster}
            hits = [p for p in hits if p.reference in in_cluster]
        st.markdown(f"**{len(hits)} matching answer{'s' if len(hits) != 1 else ''}**")
        for p in hits:
            precedent_card(p, app.index, key=f"corpus.hit.{p.reference}.{p.label}")
    else:
        shown = [x for x in letters if filters.matches(x)]
        st.markdown(f"**{len(shown)} of {len(letters)} letters**")
        st.dataframe(
            cp.table_rows(shown),
            hide_index=True,
            width="stretch",
            height=560,
            column_config={
                "Date": st.column_config.DateColumn(format="DD MMM YYYY"),
                "Title": st.column_config.TextColumn(width="large"),
                "Questions": st.column_config.NumberColumn(width="small"),
            },
        )

with open_tab:
    shown = [x for x in letters if filters.matches(x)]
    by_ref = {x.reference: x for x in shown}
    ref = st.selectbox(
        "Letter",
        sorted(by_ref),
        index=None,
        key="corpus.open",
        placeholder="Choose a letter",
        format_func=lambda r: (
            f"{r} · {by_ref[r].title or by_ref[r].authority or ''}"
            + (" · superseded" if cp.superseded_by(by_ref[r].meta) else "")
        ),
    )
    if ref:
        letter = by_ref[ref]
        structure, text = st.columns([1, 1], gap="large")
        with structure:
            st.markdown(f"##### {escape_markdown(letter.title or letter.reference)}")
            st.markdown(
                f"**Reference:** {escape_markdown(letter.reference)}  \n"
                f"**Authority:** {escape_markdown(letter.authority or '—')}  \n"
                f"**Date:** {format_date(letter.date)} · **Regime:** {letter.regime.value}  \n"
                f"**Exemptions:** {escape_markdown(join_or_dash(letter.exemptions))}  \n"
                f"**Refusal notice:** {'yes' if letter.refusal_notice else 'no'} · "
                f"**Harm statement:** {'yes' if letter.harm_statement else 'no'} · "
                f"**Public interest test:** {'yes' if letter.public_interest_test else 'no'} · "
                f"**Complaint rights:** {'yes' if letter.complaint_rights else 'no'}"
            )
            for note in cp.version_notes(letter):
                st.info(escape_markdown(note))
            for note in cp.orphan_lines(letter):
                st.warning(escape_markdown(note))
            if S.get("corpus.corrected"):
                st.success(escape_markdown(S.pop("corpus.corrected")))
            if S.get("corpus.resplit"):
                st.success(escape_markdown(S.pop("corpus.resplit")))
            resplit = cp.split_lines(letter)
            if resplit:  # who set the questions shown below, when, why, and the reader's split
                st.info("  \n".join(escape_markdown(line) for line in resplit.splitlines()))
            if may_correct:
                split_form(letter)
            for q in letter.questions:
                with st.container(border=True):
                    st.markdown(
                        f"**{escape_markdown(q.label)}** · {escape_markdown(treatment_words(q.treatments))}"
                        + (f" · {escape_markdown(', '.join(q.exemptions))}" if q.exemptions else "")
                    )
                    st.caption(escape_markdown(q.text))
                    if q.review:  # a reading a person should check, and why
                        st.warning(
                            "Check this reading: "
                            + escape_markdown(q.review)
                            + (f" (read from: “{escape_markdown(q.evidence)}”)" if q.evidence else "")
                        )
                    elif q.evidence:
                        st.caption("Read from: " + escape_markdown(q.evidence))
                    if q.pointers:
                        st.caption("Points to: " + escape_markdown(join_or_dash(p.name for p in q.pointers)))
                    note = cp.correction_lines(letter, q.label)
                    if (
                        note
                    ):  # the corrected reading is shown above; who corrected it, when, why, and the original
                        st.info("  \n".join(escape_markdown(line) for line in note.splitlines()))
                    if may_correct:
                        correction_form(letter, q)
        with text:
            st.markdown("##### The letter as written")
            st.code(letter.text, language=None, wrap_lines=True, height=640)
            if letter.source:
                st.caption("Source: " + escape_markdown(letter.source))

with add_tab:
    st.markdown(
        "Add published response letters (text, Markdown, HTML, Word or PDF). Each file is parsed into "
        "questions and answers; files that cannot be read are listed with the reason."
    )
    files = st.file_uploader(
        "Letters",
        type=sorted(s.lstrip(".") for s in (".md", ".txt", ".html", ".htm", ".pdf", ".docx")),
        accept_multiple_files=True,
        key="corpus.upload",
    )
    if st.button("Add to the corpus", type="primary", disabled=not files, key="corpus.ingest"):
        bar = st.progress(0.0, text="Reading letters…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"{done} of {total}: {name}")

        try:
            report = cp.ingest_uploads(app.index, [(f.name, f.getvalue()) for f in files], progress)
        except PrecedentError as exc:
            st.error(str(exc))
        else:
            bar.empty()
            unread = [(n, r) for n, r in report.skipped if not cp.already_indexed(r)]
            known = [(n, r) for n, r in report.skipped if cp.already_indexed(r)]
            (st.warning if unread or report.same_reference else st.success)(report.summary())
            for name, reason in unread:
                st.error(f"{escape_markdown(name)}: {escape_markdown(reason)}")
            if known:  # nothing lost: the same letter is in the index already
                st.info(
                    f"Already in the index, not added again ({len(known)}):  \n"
                    + "  \n".join(f"{escape_markdown(n)}: {escape_markdown(r)}" for n, r in known)
                )
            for name, line in report.same_reference:
                st.warning(f"{escape_markdown(name)}: {escape_markdown(line)}")
