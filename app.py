"""Precedent: the FOI drafting workspace. Page setup, who is signed in, and navigation; each page is in app_pages/."""

import streamlit as st

from foi_precedent.identity import REVIEWER
from foi_precedent.ui import signin
from foi_precedent.ui.state import services

st.set_page_config(page_title="Precedent", page_icon=":material/gavel:", layout="wide")
user = signin.signed_in_user(services().settings)
signin.sidebar(user)  # stops here for a user with no role
review = (
    [st.Page("app_pages/review.py", title="Review", icon=":material/approval:")] if user.has(REVIEWER) else []
)

pages = st.navigation(
    [
        st.Page("app_pages/draft.py", title="Draft", icon=":material/edit_document:", default=True),
        *review,
        st.Page("app_pages/cases.py", title="Cases", icon=":material/folder_open:"),
        st.Page("app_pages/check.py", title="Check", icon=":material/fact_check:"),
        st.Page("app_pages/corpus.py", title="Corpus", icon=":material/library_books:"),
        st.Page("app_pages/recheck.py", title="Re-check", icon=":material/difference:"),
        st.Page("app_pages/eval_runs.py", title="Evals", icon=":material/analytics:"),
    ]
)
pages.run()
