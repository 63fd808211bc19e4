"""The precedent index: past FOI letters, question by question, searchable by meaning and by words.

``PrecedentIndex.open(settings)`` then ``ingest_paths(...)`` / ``search(...)``; see ``retriever.index``.
"""

from retriever.index import IngestReport, PrecedentIndex

__all__ = ["IngestReport", "PrecedentIndex"]
