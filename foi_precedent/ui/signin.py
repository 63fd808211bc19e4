"""The signed-in user in the app: this session's request headers and peer address, given to
``foi_precedent.identity.current_user``, shown in the sidebar, and named in every audit entry a page writes.

Streamlit keeps the headers and peer of the WebSocket handshake that opened the session. ``st.context.ip_address``
hides a loopback peer (it says None for 127.0.0.1 and ::1), which would make a proxy on the same machine
impossible to recognise, so the peer is read from the session's client context (``remote_ip``, what
Streamlit itself treats as the TCP peer), falling back to ``st.context.ip_address`` if that moves.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from foi_precedent.identity import UVICORN_FORWARDED_DEFAULT, User, current_user
from foi_precedent.ui.text import escape_markdown


def request_headers() -> dict[str, str]:
    """This session's request headers; a repeated header's values joined with ", " (as a proxy chain does)."""
    headers = st.context.headers
    return {key: ", ".join(headers.get_all(key)) for key in headers}


def peer_address() -> str | None:
    """The address the session's WebSocket came from: a proxy's, when it came through one."""
    try:
        from streamlit.runtime import exists, get_instance
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is not None and exists():
            client = get_instance().get_client(ctx.session_id)
            context = getattr(client, "client_context", None)
            if context is not None:
                return context.remote_ip
    except (ImportError, AttributeError, RuntimeError):
        pass
    return st.context.ip_address


def signed_in_user(settings: Any) -> User:
    return current_user(
        request_headers(),
        peer_address(),
        settings,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", UVICORN_FORWARDED_DEFAULT),
    )


def audit_log(app: Any) -> Any:
    """The app's audit log, writing in the signed-in user's name."""
    return app.audit.as_user(signed_in_user(app.settings).name)


def sidebar(user: User) -> None:
    """Who is signed in and their roles; a user with no role is told why and sees nothing else."""
    with st.sidebar:
        if user.signed_in:
            how = (
                "signed in by the proxy" if user.via == "proxy" else "this computer's user (no sign-in proxy)"
            )
            st.markdown(f"**Signed in as** {escape_markdown(user.name)}  \nRoles: {user.describe_roles()}")
            st.caption(how)
        else:
            st.markdown("**Not signed in**")
        if user.reason and user.signed_in:
            st.caption(escape_markdown(user.reason))
    if not user.signed_in:
        st.error(
            f"Not signed in: {escape_markdown(user.reason)}. Open Precedent through your organisation's "
            "sign-in."
        )
        st.stop()
    if not user.roles:
        st.error(
            f"{escape_markdown(user.name)} is signed in but has no role in Precedent (drafter or reviewer): ask whoever runs it "
            "to add you to PRECEDENT_DRAFTERS or PRECEDENT_REVIEWERS."
        )
        st.stop()
