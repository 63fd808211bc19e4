"""The app's services: built once per process, shared by every session, replaceable in tests.

``get_services()`` is an ``st.cache_resource``: one index (Chroma, bm25, the embedding model), one audit
log and one chat-model client per process. Nothing here holds a request or a draft; those live in each
session's ``st.session_state`` only.

Tests inject fakes per session: put any object with ``settings``, ``index``, ``audit``, ``reviews`` and ``chat_model``
attributes in ``st.session_state[SERVICES_KEY]`` before the first run, e.g. with ``AppTest``::

    at = AppTest.from_file("app.py")
    at.session_state[SERVICES_KEY] = FakeServices(...)
    at.run()

No widget uses that key, so a browser cannot set it.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import Any

import streamlit as st

from foi_precedent.ports import IndexWrapper
from foi_precedent.services import Services

SERVICES_KEY = "precedent.services"
WARM_UP_DELAY_S = 2.0  # after the first page has rendered: on 2 cores the warm-up would slow that render


class LockedIndex(IndexWrapper):
    """The process-wide index, one call at a time: Streamlit serves each session from its own thread,
    and the index's SQLite connection and caches are not meant for concurrent use."""

    def __init__(self, index: Any):
        super().__init__(index)
        self._lock = threading.RLock()

    def __getattr__(self, name: str) -> Any:
        value = super().__getattr__(name)
        if not callable(value):
            return value

        @functools.wraps(value)
        def locked(*args, **kwargs):
            with self._lock:
                return value(*args, **kwargs)

        return locked

    def known_pointer_keys(self) -> set[str]:
        with self._lock:
            return super().known_pointer_keys()


class AppServices:
    """``Services`` plus the chat model, each built on first use (a draft may never need a model)."""

    def __init__(self, services: Services):
        self._services = services
        self._lock = threading.Lock()
        self._index: LockedIndex | None = None
        self._chat_model: Any = None

    @property
    def settings(self):
        return self._services.settings

    @property
    def audit(self):
        return self._services.audit

    @property
    def reviews(self):
        return self._services.reviews

    @property
    def index(self) -> LockedIndex:
        with self._lock:
            if self._index is None:
                self._index = LockedIndex(self._services.index)
            return self._index

    @property
    def chat_model(self):
        with self._lock:
            if self._chat_model is None:  # built here, on the draft's worker thread: errors reach the page
                self._chat_model = self._services.chat_model.model
            return self._chat_model

    def warm_up(self) -> None:
        """Open the index and load the embedding model and bm25, so the first search is fast."""
        with contextlib.suppress(Exception):  # the page that needs the index shows the error to the user
            self.index.search_many(["warm up"], k=1)


@st.cache_resource(show_spinner=False)
def get_services() -> AppServices:
    app = AppServices(Services())
    timer = threading.Timer(WARM_UP_DELAY_S, app.warm_up)
    timer.daemon = True
    timer.name = "precedent-warm-up"
    timer.start()
    return app


def services() -> Any:
    """The services for this session: the injected fake if a test set one, else the process's."""
    override = st.session_state.get(SERVICES_KEY)
    return override if override is not None else get_services()


def model_name(app: Any) -> str:
    """What the officer is told will write the draft, without starting a model to find out."""
    settings = app.settings
    if getattr(settings, "llm_base_url", None):
        return f"{settings.llm_model or 'the configured model'} at {settings.llm_base_url}"
    # only a model already built: asking ``app.chat_model`` here could start the embedded server
    built = getattr(app, "__dict__", {})
    chat = built.get("_chat_model") if isinstance(app, AppServices) else built.get("chat_model")
    name = getattr(chat, "name", None)
    if isinstance(name, str) and name:
        return name
    return f"the embedded {getattr(settings, 'embedded_model', 'local')} model"
