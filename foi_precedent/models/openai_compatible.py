"""Adapter for any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server).

Uses ``langchain_openai.ChatOpenAI`` with a configurable ``base_url``, model and key. No retries: a
draft that cannot be written quickly falls back to the precedent-only draft instead.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

from foi_precedent.errors import ModelError
from foi_precedent.models.base import Message


def _lc_messages(messages: list[Message]):
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    try:
        return [kinds[m["role"]](content=m["content"]) for m in messages]
    except KeyError as exc:
        raise ModelError(f"unknown message role {exc.args[0]!r}") from None


def describe_error(exc: BaseException, base_url: str, timeout_s: float) -> str:
    """One sentence a user can act on, for an error raised by the OpenAI client (or the HTTP layer under it)."""
    import openai

    kind = type(exc).__name__
    if isinstance(exc, openai.APITimeoutError | TimeoutError) or "Timeout" in kind:
        return f"the model endpoint {base_url} did not answer within {timeout_s:.0f} s"
    if isinstance(exc, openai.APIConnectionError | ConnectionError) or kind in (
        "ConnectError",
        "NetworkError",
    ):
        return f"cannot reach the model endpoint {base_url} (is the server running?)"
    if isinstance(exc, openai.AuthenticationError):
        return f"the model endpoint {base_url} refused the API key (set PRECEDENT_LLM_API_KEY)"
    if isinstance(exc, openai.NotFoundError):
        return f"the model endpoint {base_url} does not know that model or path (check PRECEDENT_LLM_MODEL and the URL)"
    if isinstance(exc, openai.APIStatusError):
        detail = str(getattr(exc, "message", "") or exc)[:200]
        return f"the model endpoint {base_url} answered HTTP {exc.status_code}: {detail}"
    return f"the model endpoint {base_url} failed: {kind}: {str(exc)[:200]}"


class OpenAICompatibleChatModel:
    """A ``ChatModel`` over an OpenAI-compatible endpoint, streaming included."""

    def __init__(
        self,
        base_url: str,
        model: str = "local",
        api_key: str | None = None,
        name: str | None = None,
        note: str | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key or "not-needed"
        self.name = name or f"{model} @ {self.base_url}"
        self.note = note  # e.g. "Qwen is not installed; using SmolLM2"

    def __repr__(self) -> str:
        return f"OpenAICompatibleChatModel(base_url={self.base_url!r}, model={self.model!r})"

    def _client(self, max_tokens: int, temperature: float, timeout_s: float):
        from langchain_openai import ChatOpenAI

        # langchain sends OpenAI's newer ``max_completion_tokens``; llama.cpp, vLLM and Ollama read ``max_tokens``
        # (llama_cpp.server silently ignores the other name and would write until the context is full).
        openai_proper = re.search(r"(api\.openai\.com|openai\.azure\.com)", self.base_url) is not None
        extra = {} if openai_proper else {"extra_body": {"max_tokens": max_tokens}}
        return ChatOpenAI(
            base_url=self.base_url,
            api_key=self._api_key,
            model=self.model,
            timeout=timeout_s,
            max_retries=0,
            streaming=True,
            max_tokens=max_tokens,
            temperature=temperature,
            **extra,
        )

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
        import openai

        client = self._client(max_tokens, temperature, timeout_s)
        deadline = time.monotonic() + timeout_s
        chunks = client.stream(_lc_messages(messages), stop=list(stop)[:4] if stop else None)
        try:
            for chunk in chunks:
                if cancel is not None and cancel.is_set():
                    return
                if time.monotonic() > deadline:
                    raise ModelError(
                        f"the model endpoint {self.base_url} did not finish within {timeout_s:.0f} s"
                    )
                text = (
                    chunk.content
                    if isinstance(chunk.content, str)
                    else "".join(part.get("text", "") for part in chunk.content if isinstance(part, dict))
                )
                if text:
                    yield text
        except ModelError:
            raise
        except (openai.OpenAIError, OSError, ValueError) as exc:
            raise ModelError(describe_error(exc, self.base_url, timeout_s)) from exc
        except Exception as exc:  # the HTTP layer's own errors (httpx), which the client may let through
            if type(exc).__module__.split(".")[0] in ("httpx", "httpx2", "httpcore", "httpcore2", "h11"):
                raise ModelError(describe_error(exc, self.base_url, timeout_s)) from exc
            raise
        finally:
            chunks.close()
