"""A scripted chat model for tests: replies from a list, records what it was asked.

Each script item is a reply string, a callable ``messages -> str`` (to write a reply from the prompt),
or an exception instance to raise (e.g. ``ModelError("timed out")``). ``FakeChatModel.timeout()`` and
``FakeChatModel.garbage()`` build the usual failure cases.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator

from foi_precedent.errors import ModelError
from foi_precedent.models.base import Message

Script = str | Callable[[list[Message]], str] | BaseException


class FakeChatModel:
    def __init__(
        self,
        script: list[Script] | Script = "",
        name: str = "fake",
        chunk_delay_s: float = 0.0,
        fail_after_chunks: int | None = None,
    ):
        self.script = list(script) if isinstance(script, list) else [script]
        self.name = name
        self.chunk_delay_s = chunk_delay_s
        self.fail_after_chunks = fail_after_chunks
        self.calls: list[list[Message]] = []
        self.kwargs: list[dict] = []
        self.chunks_yielded = 0

    @classmethod
    def timeout(cls, after_chunks: int = 0) -> FakeChatModel:
        fake = cls(ModelError("the model endpoint did not answer within 1 s (fake)"))
        if after_chunks:
            fake = cls(
                "Freedom of information request reference no: [REFERENCE]\nI note you seek ...",
                fail_after_chunks=after_chunks,
            )
        return fake

    @classmethod
    def garbage(cls) -> FakeChatModel:
        return cls("The the the the the. I am a helpful assistant! " * 20)

    @property
    def prompts(self) -> list[str]:
        """Every message text sent, one string per call."""
        return ["\n".join(m["content"] for m in call) for call in self.calls]

    def stream(
        self,
        messages: list[Message],
        *,
        max_tokens: int = 1024,
        temperature: float = 0.2,
        timeout_s: float = 120.0,
        cancel: threading.Event | None = None,
        stop: list[str] | None = None,
    ) -> Iterator[str]:
        self.calls.append([dict(m) for m in messages])
        self.kwargs.append(
            {
                "max_tokens": max_tokens,
                "temperature": temperature,
                "timeout_s": timeout_s,
                "stop": list(stop) if stop else None,
            }
        )
        item = self.script[min(len(self.calls), len(self.script)) - 1] if self.script else ""
        if isinstance(item, BaseException):
            raise item
        text = item(messages) if callable(item) else item
        for s in stop or ():  # as a server does: the text ends before the first stop string
            text = text.split(s, 1)[0]
        for i, piece in enumerate(re.findall(r"\S+\s*|\s+", text)):
            if cancel is not None and cancel.is_set():
                return
            if self.fail_after_chunks is not None and i >= self.fail_after_chunks:
                raise ModelError("the model endpoint did not finish within 1 s (fake)")
            if self.chunk_delay_s:
                time.sleep(self.chunk_delay_s)
            self.chunks_yielded += 1
            yield piece
