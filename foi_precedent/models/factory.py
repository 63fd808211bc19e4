"""Which chat model to use: a configured OpenAI-compatible endpoint, else the embedded llama.cpp server."""

from __future__ import annotations

from foi_precedent.errors import SetupError
from foi_precedent.models.openai_compatible import OpenAICompatibleChatModel
from foi_precedent.settings import Settings

REVIEW_NOTE = "Drafts are written by a language model from precedent and must be reviewed before sending."


def embedded_model_name(settings: Settings) -> tuple[str, str | None]:
    """The embedded model to run and, when it is not the configured one, why."""
    from foi_precedent import assets

    wanted = settings.embedded_model
    try:
        assets.model_path(settings, wanted)
        return wanted, None
    except SetupError as exc:
        if wanted == "smollm2":
            raise
        assets.model_path(settings, "smollm2")
        return "smollm2", (
            f"the {wanted} model is not installed ({exc}); using SmolLM2-135M, which is only good "
            "for testing the plumbing: expect poor drafts"
        )


def chat_model_from_settings(
    settings: Settings | None = None, start: bool = True
) -> OpenAICompatibleChatModel:
    """PRECEDENT_LLM_BASE_URL set: that endpoint. Else: start (or reuse) the embedded llama.cpp server."""
    settings = settings or Settings.from_env()
    if settings.llm_base_url:
        model = settings.llm_model or "local"
        return OpenAICompatibleChatModel(
            settings.llm_base_url,
            model=model,
            api_key=settings.llm_api_key,
            name=f"{model} @ {settings.llm_base_url}",
        )
    from foi_precedent import assets
    from foi_precedent.models.local_server import LocalModelServer

    name, note = embedded_model_name(settings)
    server = LocalModelServer(settings, model=name)
    if start:
        server.start()
    label = assets.MODELS[name].description.split(" - ")[0]
    model = OpenAICompatibleChatModel(
        server.base_url if start else "http://127.0.0.1:0/v1",
        model="local",
        name=f"embedded {name}: {label}",
        note=note,
    )
    model.server = server  # type: ignore[attr-defined]
    return model
