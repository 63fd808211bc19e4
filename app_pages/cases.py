"""Cases: every request the team holds, the state of its latest version, when it is due and who has it; opening one
loads it on the Draft page, so another officer can continue it."""

from datetime import date

import streamlit as st

from foi_precedent.cases.case_list import case_rows, days_left_colour, days_left_words
from foi_precedent.cases.review import SENT
from foi_precedent.ui.state import services
from foi_precedent.ui.text import escape_markdown

S = st.session_state
app = services()

st.title("Cases")
st.caption(
    "Every request with a case, open ones first by due date (the overdue at the top). Working days count "
    "each Act's bank holidays, a fees notice's pause, a clarification's restart and FOIA's special time limits. "
    "Open a case to continue it on the Draft page."
)

cases = app.reviews.cases()
if not cases:
    st.info("No case yet: a case starts on the Draft page, with Start case or Submit for review.")
    st.stop()
rows = case_rows(cases, {v.id: v for v in app.reviews.versions()}, date.today())
overdue = sum(r.overdue for r in rows)
open_cases = sum(r.state != SENT for r in rows)
st.markdown(
    f"**{len(rows)} case{'s' if len(rows) != 1 else ''}**: {open_cases} open"
    + (f", :red[**{overdue} overdue**]" if overdue else ", none overdue")
)

WIDTHS = [4, 1.3, 1.3, 1.3, 1.6, 2.2, 1]
for column, head in zip(
    st.columns(WIDTHS), ("Case", "State", "Received", "Due", "Days left", "Held by", ""), strict=True
):
    column.markdown(f"**{head}**" if head else "")
for row in rows:
    with st.container(border=True):
        c = st.columns(WIDTHS, vertical_alignment="center")
        c[0].markdown(
            f"{row.id}. {escape_markdown(row.title)}" + (f" · version {row.number}" if row.number else "")
        )
        c[1].markdown(f":blue-badge[{row.state_words}]")
        c[2].markdown(f"{row.received:%d %b %Y}" if row.received else "—")
        c[3].markdown(f"{row.due:%d %b %Y}" if row.due else "—")
        if row.state == SENT:
            c[4].markdown(":gray[sent]")
        else:
            c[4].markdown(
                f":{days_left_colour(row.days_left)}[{days_left_words(row.days_left)}]" if row.due else "—"
            )
            if row.awaiting:
                c[4].caption(f"clock stopped: awaiting the {row.awaiting}")
        c[5].markdown(escape_markdown(row.holder))
        if c[6].button("Open", key=f"cases.open.{row.id}", disabled=row.version_id is None, width="stretch"):
            S["draft.open_version"] = row.version_id
            st.switch_page("app_pages/draft.py")
