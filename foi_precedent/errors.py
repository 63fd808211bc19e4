"""Errors with an audience: each carries one sentence a user can act on.

The CLI prints ``str(error)`` on one line and exits non-zero; the app shows it with ``st.error``.
Anything that is not a ``PrecedentError`` is a bug and may show a traceback.
"""

from __future__ import annotations


class PrecedentError(Exception):
    """Base class: a problem the user can understand and fix."""


class LetterError(PrecedentError):
    """A file could not be read as a response letter (empty, binary, broken, no questions...)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class SetupError(PrecedentError):
    """An offline asset (embedding model, encodings, GGUF) is missing or corrupt."""


class IndexError_(PrecedentError):
    """The precedent index cannot be opened or is empty."""


class ModelError(PrecedentError):
    """The chat model endpoint is down, slow, or answered with something unusable."""


class PromptError(PrecedentError):
    """A prompt template is invalid (unknown key, missing variable)."""


class EvalSuiteError(PrecedentError):
    """An eval suite file does not match its schema."""


class ReviewError(PrecedentError):
    """A review step the draft's state or the user's role does not allow (a drafter approving, a sent draft
    edited, changes requested with no comment)."""
