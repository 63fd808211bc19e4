"""One frozen settings object, read from PRECEDENT_* environment variables.

Every piece of local state (index, audit log, model files, encodings, re-check results) lives under
``home``, so moving ``PRECEDENT_HOME`` moves all of it, and tests point it at a temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOME = ".precedent"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


#: The drafting prompt unless PRECEDENT_DRAFT_PROMPT says otherwise. Pinned, not "the latest": a new version
#: is adopted only after `precedent eval --compare` shows it is no worse. v3 was not (2026-12-02, Qwen 1.5B,
#: request suite: 10/11 against v2's 11/11, pointer precision 0.83 against 1.0, 40 % slower). v4 was (2026-12-02:
#: v2 with the reply's Act named; identical for a FOIA reply; 12/12 like v2, no metric worse).
DEFAULT_DRAFT_PROMPT = "draft_reply/v4"

#: The header a sign-in proxy puts the user's name in (oauth2-proxy's ``--pass-user-headers`` sets this one).
DEFAULT_USER_HEADER = "X-Forwarded-User"


def _names(value: str | None) -> tuple[str, ...]:
    """A comma-separated list, blanks dropped."""
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _networks(value: str | None) -> tuple[str, ...]:
    """Addresses or CIDR ranges, checked here so a typo stops the app at start rather than trusting nobody
    (or, worse, a range wider than meant) without a word; kept as normalised text (``10.0.0.0/24``)."""
    from ipaddress import ip_network

    out = []
    for part in _names(value):
        try:
            out.append(str(ip_network(part, strict=False)))
        except ValueError:
            from foi_precedent.errors import PrecedentError

            raise PrecedentError(
                f"PRECEDENT_TRUSTED_PROXIES: {part!r} is not an address or a CIDR range "
                "(e.g. 127.0.0.1 or 10.0.0.0/24)"
            ) from None
    return tuple(out)


@dataclass(frozen=True)
class Settings:
    home: Path
    chroma_url: str | None = None
    # None: the index store, audit log and case store are SQLite files under home; a PostgreSQL URL
    # (postgresql+psycopg://user@host:5432/db) puts all three in that one database (foi_precedent.db)
    database_url: str | None = field(default=None, repr=False)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)
    llm_timeout_s: float = 120.0
    embedded_model: str = "qwen"  # qwen | smollm2
    draft_prompt: str = DEFAULT_DRAFT_PROMPT  # NAME (its latest version) or NAME/vN under prompts/
    # Who is signed in (foi_precedent.identity): the header is believed only from these proxies; none = no proxy,
    # the app's one user is the OS user. Empty drafters = every signed-in user drafts; reviewers only as listed.
    user_header: str = DEFAULT_USER_HEADER
    trusted_proxies: tuple[str, ...] = ()
    drafters: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()

    @classmethod
    def from_env(cls) -> Settings:
        home = Path(_env("PRECEDENT_HOME", DEFAULT_HOME)).expanduser().resolve()
        return cls(
            home=home,
            chroma_url=_env("PRECEDENT_CHROMA_URL"),
            database_url=_env("PRECEDENT_DATABASE_URL"),
            llm_base_url=_env("PRECEDENT_LLM_BASE_URL"),
            llm_model=_env("PRECEDENT_LLM_MODEL"),
            llm_api_key=_env("PRECEDENT_LLM_API_KEY"),
            llm_timeout_s=float(_env("PRECEDENT_LLM_TIMEOUT", "120")),
            embedded_model=_env("PRECEDENT_EMBEDDED_MODEL", "qwen"),
            draft_prompt=_env("PRECEDENT_DRAFT_PROMPT", DEFAULT_DRAFT_PROMPT),
            user_header=_env("PRECEDENT_USER_HEADER", DEFAULT_USER_HEADER).strip(),
            trusted_proxies=_networks(_env("PRECEDENT_TRUSTED_PROXIES")),
            drafters=_names(_env("PRECEDENT_DRAFTERS")),
            reviewers=_names(_env("PRECEDENT_REVIEWERS")),
        )

    # Every path below is under home.
    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def chroma_dir(self) -> Path:
        return self.index_dir / "chroma"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def embedding_dir(self) -> Path:
        """Folder holding ``onnx/model.onnx`` and tokenizer files for chromadb's ONNXMiniLM_L6_V2."""
        return self.models_dir / "all-MiniLM-L6-v2"

    @property
    def tiktoken_dir(self) -> Path:
        return self.home / "tiktoken"

    @property
    def audit_db(self) -> Path:
        return self.home / "audit.sqlite3"

    @property
    def cases_db(self) -> Path:
        """Cases, their draft versions and each review step (``foi_precedent.audit.reviews``)."""
        return self.home / "cases.sqlite3"

    @property
    def recheck_dir(self) -> Path:
        return self.home / "recheck"

    @property
    def evals_dir(self) -> Path:
        return self.home / "evals"
