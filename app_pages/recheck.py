"""Re-check: every letter of the index (or of uploaded letters) against all the others, with a report."""

import streamlit as st

from foi_precedent.errors import PrecedentError
from foi_precedent.recheck.service import app_options, run_recheck, save_uploads
from foi_precedent.ui import corpus as cp
from foi_precedent.ui.state import services
from foi_precedent.ui.text import escape_markdown

S = st.session_state
app = services()

st.title("Re-check past letters")
st.caption(
    "Each letter is checked against all the others (never against itself). The report groups the questions "
    "answered in more than one way, shows how each answer changed over time, and lists every flag with both "
    "passages. Finished letters are kept: a stopped run resumes where it stopped."
)

source = st.radio(
    "Letters to re-check", ["The precedent index", "Uploaded letters"], horizontal=True, key="recheck.source"
)
uploads = None
if source == "Uploaded letters":
    uploads = st.file_uploader(
        "Letters (text, Word, PDF, HTML or Markdown)",
        accept_multiple_files=True,
        type=["txt", "md", "pdf", "docx", "html", "htm"],
        key="recheck.files",
    )
fresh = st.checkbox("Start over (ignore the results of a previous run)", key="recheck.fresh")
run = st.button("Re-check", type="primary", key="recheck.run")

if run:
    bar = st.progress(0.0, text="Starting…")

    def progress(done, total, current=""):
        bar.progress(done / total if total else 1.0, text=f"{done} of {total} letters")

    options = app_options()
    options.fresh = fresh
    try:
        if source == "Uploaded letters":
            if not uploads:
                raise PrecedentError("upload at least one letter")
            folder = save_uploads(app.settings, [(f.name, f.getvalue()) for f in uploads])
            with st.spinner("Indexing the uploaded letters…"):
                outcome = run_recheck(
                    app.settings,
                    paths=[folder],
                    options=options,
                    progress=progress,
                    label=f"{len(uploads)} uploaded letter(s)",
                )
        else:
            outcome = run_recheck(app.settings, index=app.index, options=options, progress=progress)
    except PrecedentError as exc:
        st.error(str(exc))
    else:
        S["recheck.outcome"] = outcome

outcome = S.get("recheck.outcome")
if outcome is None:
    st.stop()

s = outcome.report["summary"]
c1, c2, c3, c4 = st.columns(4)
c1.metric("Letters", s["letters"])
c2.metric("Flags", s["flags"])
c3.metric("Letters flagged", s["letters_flagged"])
c4.metric("Clusters that disagree", len(outcome.report["clusters"]))
unread = cp.unread_uploads(outcome.ingest) if outcome.ingest is not None else []
if unread:  # uploaded files that are not among the letters counted above, and why
    st.warning(
        f"{len(unread)} uploaded file{'s were' if len(unread) != 1 else ' was'} not re-checked:  \n"
        + "  \n".join(f"{escape_markdown(name)}: {escape_markdown(reason)}" for name, reason in unread)
    )
gt = outcome.report.get("ground_truth")
if gt:
    st.info(
        f"Ground truth: {gt['found']} of {gt['inconsistencies']} deliberate inconsistencies found; "
        f"{gt['flags_outside_ground_truth']} flags are not in the ground truth."
    )
if s.get("corrected_readings"):
    st.caption(
        f"{s['corrected_readings']} answer(s) counted as an officer corrected them, not as the reader read them "
        "(listed under Corrected readings in the report)."
    )
d1, d2, d3 = st.columns(3)
d1.download_button(
    "Report (HTML)", outcome.html_path.read_bytes(), "recheck-report.html", "text/html", key="recheck.dl.html"
)
d2.download_button(
    "Flags (CSV)", outcome.csv_path.read_bytes(), "recheck-flags.csv", "text/csv", key="recheck.dl.csv"
)
d3.download_button(
    "Report (JSON)",
    outcome.json_path.read_bytes(),
    "recheck-report.json",
    "application/json",
    key="recheck.dl.json",
)
# The report's letter text is HTML-escaped and its only script is the report's own filter box.
st.iframe(outcome.html, height=900)
