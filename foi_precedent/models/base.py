"""The one chat-model interface drafting talks to. Adapters: OpenAI-compatible endpoints and a scripted fake."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Protocol, TypedDict, runtime_checkable


class Message(TypedDict):
    role: str  # system | user | assistant
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """Streams a reply as text pieces. Raises ``ModelError`` when the endpoint is down, slow or broken;
    stops early (without error) when ``cancel`` is set, and before any of the ``stop`` strings (at most 4, as
    OpenAI allows)."""

    name: str

    def stream(self, messages: list[Message], *, max_tokens: int, temperature: float, timeout_s: float,
               cancel: threading.Event | None = None, stop: list[str] | None = None) -> Iterator[str]: ...
