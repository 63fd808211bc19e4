"""Evals: the last eval runs (precedent eval), as a table and a chart, and what changed between two runs."""

import pandas as pd
import streamlit as st

from evals.runner import compare, list_runs, load_results
from foi_precedent.ui.state import services

app = services()
st.title("Evals")
st.caption(
    "Runs of `precedent eval`, saved under the evals folder. Pick two runs to see which metrics and which "
    "cases changed."
)

runs = list_runs(app.settings.evals_dir)
if not runs:
    st.info(f"No eval runs yet in {app.settings.evals_dir}. Run `precedent eval` first.")
    st.stop()

COLUMNS = [
    "name",
    "mode",
    "model",
    "prompt",
    "cases",
    "passed",
    "retrieval_recall_at_k",
    "retrieval_mrr",
    "treatment_accuracy",
    "exemption_f1",
    "pointer_recall",
    "invented_pointers",
    "model_answer_share",
    "high_flags_per_draft",
    "flag_precision",
    "flag_recall",
    "flag_recall_ground_truth",
    "seconds_per_case",
]
table = pd.DataFrame(runs)[[c for c in COLUMNS if c in runs[0]]]
st.dataframe(table, hide_index=True, width="stretch")

chart = pd.DataFrame(list(reversed(runs))).set_index("name")
metrics = [
    m
    for m in ("retrieval_recall_at_k", "treatment_accuracy", "exemption_f1", "flag_precision", "flag_recall")
    if m in chart
]
st.line_chart(chart[metrics].astype(float), height=260)

if len(runs) >= 2:
    names = [r["name"] for r in runs]
    c1, c2 = st.columns(2)
    old_name = c1.selectbox("Older run", names, index=1, key="evals.old")
    new_name = c2.selectbox("Newer run", names, index=0, key="evals.new")
    paths = {r["name"]: r["path"] for r in runs}
    diff = compare(load_results(paths[old_name]), load_results(paths[new_name]))
    st.subheader("Metrics")
    st.dataframe(pd.DataFrame(diff["metrics"]), hide_index=True, width="stretch")
    st.subheader(f"Cases that changed ({len(diff['cases'])})")
    if diff["cases"]:
        st.dataframe(
            pd.DataFrame(
                [
                    {k: c[k] for k in ("suite", "id", "change", "old_passed", "new_passed")}
                    for c in diff["cases"]
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        for c in diff["cases"][:50]:
            with st.expander(f"{c['change']}: {c['suite']}/{c['id']}"):
                a, b = st.columns(2)
                a.json(c["old"] or {}, expanded=False)
                b.json(c["new"] or {}, expanded=False)
    if diff["regressed"]:
        st.error(f"A metric regressed by more than {diff['threshold']}.")
