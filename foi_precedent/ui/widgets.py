"""Streamlit pieces the Draft and Check pages share: a precedent, a question row, a flag with its review.

All letter text goes through ``escape_markdown`` / ``quote_block`` or ``st.text``/``st.code``; nothing
here passes letter content to ``unsafe_allow_html``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from foi_precedent.consistency.consensus import is_guess
from foi_precedent.consistency.flags import Flag
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.regimes import profile
from foi_precedent.ui.text import (
    CONFIDENCE_COLOURS,
    escape_markdown,
    flag_key,
    format_date,
    join_or_dash,
    quote_block,
    severity_colour,
    treatment_words,
)
from foi_precedent.ui.workspace import Review, accept_flag, override_flag


def precedent_card(p: Precedent, index: Any, key: str, agrees: bool | None = None) -> None:
    """One past answer: where it is from, how it was treated, what it said, and the whole letter on demand."""
    title = f"{p.reference} · {p.label} · {format_date(p.date)}"
    if p.similarity:
        title += f" · similarity {p.similarity:.2f}"
    with st.expander(escape_markdown(title), expanded=False):
        head = f"**{escape_markdown(p.authority or 'Unknown authority')}** · {escape_markdown(treatment_words(p.treatments))}"
        if agrees is False:
            head += " · :orange[differs from the majority]"
        if is_guess(p):  # it counts for less, and a plan resting only on such readings asks for a decision
            head += " · :gray[reading marked for review]"
        st.markdown(head)
        note = getattr(index, "correction_note", lambda *_: None)(p.reference, p.label)
        if note:  # an officer corrected how this answer was read: the corrected reading is what counts
            st.caption(
                escape_markdown(
                    f"Reading corrected by {note['officer']} on {(note.get('at') or '')[:10]}: {note['reason']}"
                )
            )
        split = getattr(index, "split_note", lambda *_: None)(p.reference)
        if split:  # an officer set the letter's questions (a split correction): this question is theirs
            st.caption(
                escape_markdown(
                    f"Questions set by {split['officer']} on {(split.get('at') or '')[:10]}: {split['reason']}"
                )
            )
        st.markdown(
            f"**Exemptions:** {escape_markdown(join_or_dash(p.exemptions))}  \n"
            f"**Pointers:** {escape_markdown(join_or_dash(x.name for x in p.pointers))}"
        )
        st.markdown(f"**Asked:** {escape_markdown(p.question)}")
        st.markdown(quote_block(p.answer) if p.answer.strip() else "_No answer text._")
        if st.toggle("Open the whole letter", key=f"{key}.open"):
            try:
                letter = index.letter(p.reference)
            except KeyError:
                st.error(f"Letter {p.reference} is no longer in the index.")
            else:
                st.code(letter.text, language=None, wrap_lines=True, height=420)


def plan_summary(treatments, exemptions, confidence: str, status: str, note: str = "") -> None:
    """The planned (or precedent) treatment of one question and how sure precedent is."""
    colour = CONFIDENCE_COLOURS.get(confidence, "gray")
    st.markdown(
        f"**Precedent says:** {escape_markdown(treatment_words(treatments))}"
        + (f" under {escape_markdown(', '.join(exemptions))}" if exemptions else "")
        + f"  \n:{colour}-badge[confidence: {confidence}] :gray-badge[precedent: {status}]"
    )
    if note:
        st.caption(escape_markdown(note))


def flag_card(
    flag: Flag,
    reviews: dict[str, Review],
    audit: Any,
    key: str,
    ids: Callable[[], tuple[int | None, int | None]] = lambda: (None, None),
    *,
    stored: list[dict] | None = None,
    version_id: int | None = None,
    can_act: bool = True,
) -> None:
    """A flag, colour-coded by severity, with its evidence and the officer's accept / override controls.

    ``ids`` gives the (draft id, check id) the override is recorded against; ``version_id`` the case version, whose
    overrides from every session are ``stored`` (oldest first: the last is in force, and another officer may
    override again). ``can_act`` False (not a drafter, or the version is not being drafted) shows without controls.
    """
    fk = flag_key(flag)
    review = reviews.get(fk)
    colour = severity_colour(flag.severity)
    with st.container(border=True):
        status = ""
        if stored or (review and review.status == "overridden"):
            status = " :violet-badge[overridden]"
        elif review and review.status == "accepted":
            status = " :green-badge[fixed]"
        st.markdown(
            f":{colour}-badge[{flag.severity.upper()}] :{colour}[**{escape_markdown(flag.kind.replace('_', ' '))}**]"
            f" · {escape_markdown(', '.join(flag.questions) or 'whole letter')}{status}"
        )
        st.markdown(f":{colour}[{escape_markdown(flag.message)}]")
        for e in flag.evidence[:2]:
            source = " · ".join(x for x in (e.reference, e.label, format_date(e.date) if e.date else "") if x)
            st.caption(escape_markdown(source))
            st.markdown(quote_block(e.quote))
        for i, o in enumerate(stored or ()):
            force = " :violet-badge[in force]" if i == len(stored) - 1 else " :gray-badge[replaced]"
            st.markdown(
                f"Overridden by **{escape_markdown(o.get('user_name') or 'unknown')}** at "
                f"{escape_markdown(o.get('created_at') or '')}{force}"
            )
            st.markdown(quote_block(o["reason"]))
        if not stored and review and review.status == "overridden":
            st.caption(escape_markdown(f"Overridden at {review.at}: {review.reason}"))
        if not can_act or (review and not stored):
            return
        left, right = st.columns([1, 2])
        if (
            not stored
            and not review
            and left.button(
                "Mark as fixed",
                key=f"{key}.{fk}.accept",
                help="The draft has been changed to follow precedent",
            )
        ):
            reviews[fk] = accept_flag()
            st.rerun()
        with right.popover("Override again…" if stored else "Override…", width="stretch"):
            reason = st.text_area("Why the draft is right as it is", key=f"{key}.{fk}.reason", height=90)
            if st.button("Record override", key=f"{key}.{fk}.override", type="primary"):
                draft_id, check_id = ids()
                try:
                    reviews[fk] = override_flag(
                        audit, flag, reason, draft_id=draft_id, check_id=check_id, version_id=version_id
                    )
                except PrecedentError as exc:
                    st.error(str(exc))
                else:
                    st.rerun()


def requires(act: str) -> str:
    """'requires' after an Act, 'require' after Regulations."""
    return "require" if "Regulations" in act else "requires"


def flag_counts(flags, reviews: dict[str, Review], regime: Any = None) -> str:
    """How many flags, and how many are still open. ``regime`` is the Act the letter was checked under (the
    checked letter's ``regime``; None is FOIA): a clean EIR or FOISA letter has what that Act requires, not FOIA."""
    open_flags = [f for f in flags if flag_key(f) not in reviews]
    if not flags:
        act = profile(regime).act
        return f"No flags: the draft follows precedent and has what {act} {requires(act)}."
    counts = {s: sum(1 for f in open_flags if f.severity == s) for s in ("high", "medium", "low")}
    done = len(flags) - len(open_flags)
    return (
        f"{len(flags)} flag{'s' if len(flags) != 1 else ''}: {counts['high']} high, {counts['medium']} medium, "
        f"{counts['low']} low open; {done} reviewed."
    )
