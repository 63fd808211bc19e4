"""Chat models: one interface (``ChatModel``), the OpenAI-compatible adapter, the local server, the fake."""

from foi_precedent.models.base import ChatModel, Message
from foi_precedent.models.fake import FakeChatModel
from foi_precedent.models.openai_compatible import OpenAICompatibleChatModel

__all__ = ["ChatModel", "FakeChatModel", "Message", "OpenAICompatibleChatModel", "chat_model_from_settings"]


def chat_model_from_settings(settings=None, start: bool = True):
    from foi_precedent.models.factory import chat_model_from_settings as build

    return build(settings, start=start)
