"""The one chat-model interface drafting talks to, defined with the other ports in :mod:`foi_precedent.ports`.
Adapters: OpenAI-compatible endpoints and a scripted fake."""

from foi_precedent.ports import ChatModel, Message

__all__ = ["ChatModel", "Message"]
