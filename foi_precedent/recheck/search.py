"""The batch re-check's search, from the vectors the index keeps: a letter already indexed needs no new embedding.

:class:`VectorSearcher` holds every chunk vector of the index in one numpy matrix; the dense side is an exact
(brute-force) cosine search as one matrix product per block of letters, the lexical side the index's bm25, fused
exactly as the index fuses (RRF, one hit per question, cosine similarity of every hit). Leave-one-out is a mask
over the letter's own chunks, so letters can be batched. Held in memory: about 1.6 KB per chunk (10,000 letters
~ 30,000 chunks ~ 50 MB). It needs a :class:`foi_precedent.ports.StoredVectorIndex`; the index's own hybrid
search by given vectors is ``PrecedentIndex.search_many_by_vectors`` (``retriever/index.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from foi_precedent.letters.model import Letter
from foi_precedent.letters.precedent import Precedent
from foi_precedent.letters.versions import versions, with_versions
from foi_precedent.ports import is_stored_vector_index as is_vector_index

PAGE = 5000
__all__ = ["LetterSearch", "VectorSearcher", "is_vector_index"]


def _index_parts():
    from retriever.chunking import chunk_id, expand_acronyms
    from retriever.index import reciprocal_rank_fusion

    return chunk_id, expand_acronyms, reciprocal_rank_fusion


class VectorSearcher:
    """Leave-one-out hybrid search over a whole index, from its stored vectors (see the module docstring)."""

    def __init__(self, index, letters: Sequence[Letter] | None = None):
        chunk_id, expand_acronyms, rrf = _index_parts()
        self._chunk_id, self._expand, self._rrf = chunk_id, expand_acronyms, rrf
        lexical = index.lexical()
        self.lexical = lexical
        self.ids: list[str] = list(lexical.ids)
        self.pos = {cid: i for i, cid in enumerate(self.ids)}
        chunks = {c.id: c for c in index.store.chunks()}
        self.texts = [chunks[cid].text if cid in chunks else "" for cid in self.ids]
        self.keys = [
            (chunks[cid].reference, chunks[cid].label) if cid in chunks else ("", "") for cid in self.ids
        ]
        self.authority_key = np.asarray(lexical.columns.authority, dtype=object)
        letters = list(letters) if letters is not None else index.letters()
        self.letters = {letter.reference: letter for letter in letters}
        self.versions = versions(letters)  # a letter's other versions are excluded with it, as the index does
        self.own: dict[str, np.ndarray] = {}
        by_ref: dict[str, list[int]] = {}
        for i, (ref, _) in enumerate(self.keys):
            by_ref.setdefault(ref, []).append(i)
        self.own = {ref: np.asarray(v, dtype=np.int64) for ref, v in by_ref.items()}
        self.matrix = self._load_matrix(index)
        self._load_question_vectors(index)
        self._authority_masks: dict[str, np.ndarray] = {}
        self.missing_vectors = int((np.linalg.norm(self.matrix, axis=1) == 0).sum()) if len(self.ids) else 0

    def _load_matrix(self, index) -> np.ndarray:
        n = len(self.ids)
        matrix: np.ndarray | None = None
        offset = 0
        while n:
            got = index.collection.get(include=["embeddings"], limit=PAGE, offset=offset)
            got_ids = got["ids"]
            embeddings = got["embeddings"]
            if matrix is None and len(got_ids):
                matrix = np.zeros((n, len(embeddings[0])), dtype=np.float32)
            for cid, vec in zip(got_ids, embeddings, strict=False):
                p = self.pos.get(cid)
                if p is not None:
                    matrix[p] = vec
            if len(got_ids) < PAGE:
                break
            offset += PAGE
        if matrix is None:
            return np.zeros((n, 1), dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return matrix / norms

    def _load_question_vectors(self, index) -> None:
        """The index's vectors of each question's own words, when it keeps them (it then ranks and judges
        similarity on them: ``question_similarities`` and a third, weighted ranking in the index's fusion)."""
        import retriever.index as rindex

        self.question_weight = getattr(rindex, "QUESTION_WEIGHT", None)
        self.qkeys: list[tuple[str, str]] = []
        self.qpos: dict[tuple[str, str], int] = {}
        self.qmatrix = np.zeros((0, self.matrix.shape[1]), dtype=np.float32)
        self.chunk_q = np.full(self.size, -1, dtype=np.int64)
        if self.question_weight is None or not hasattr(index.store, "question_vectors"):
            return
        keys = [(ref, q.label) for ref, letter in self.letters.items() for q in letter.questions]
        got = index.store.question_vectors(keys)
        missing = [key for key in keys if key not in got]
        if missing and hasattr(index, "question_similarities"):  # computes and saves the missing ones
            index.question_similarities(np.zeros(self.matrix.shape[1], dtype=np.float32), missing)
            got = index.store.question_vectors(keys)
        self.qkeys = [key for key in keys if key in got]
        self.qpos = {key: i for i, key in enumerate(self.qkeys)}
        if self.qkeys:
            m = np.asarray([got[key] for key in self.qkeys], dtype=np.float32)
            norms = np.linalg.norm(m, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            self.qmatrix = m / norms
        self.chunk_q = np.asarray([self.qpos.get(key, -1) for key in self.keys], dtype=np.int64)

    @property
    def uses_question_vectors(self) -> bool:
        return bool(self.qkeys)

    @property
    def size(self) -> int:
        return len(self.ids)

    def query_vectors(self, letter: Letter) -> np.ndarray:
        """One vector per question, as the checker would embed it: the stored vector of the question's own
        words when the index keeps them, else its first chunk's stored vector (zero when missing)."""
        out = np.zeros((len(letter.questions), self.matrix.shape[1]), dtype=np.float32)
        for i, q in enumerate(letter.questions):
            qp = self.qpos.get((letter.reference, q.label))
            if qp is not None:
                out[i] = self.qmatrix[qp]
                continue
            p = self.pos.get(self._chunk_id(letter.reference, q.label, 0))
            if p is not None:
                out[i] = self.matrix[p]
        return out

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Cosine similarity of each query vector with every chunk (one BLAS call; releases the GIL)."""
        if not len(vectors) or not self.size:
            return np.zeros((len(vectors), self.size), dtype=np.float32)
        return vectors @ self.matrix.T

    def question_scores(self, vectors: np.ndarray) -> np.ndarray | None:
        """Cosine similarity of each query vector with every question's own words (None without them)."""
        if not self.uses_question_vectors:
            return None
        return vectors @ self.qmatrix.T

    def _authority_mask(self, authority: str) -> np.ndarray:
        key = authority.strip().lower()
        if key not in self._authority_masks:
            self._authority_masks[key] = self.authority_key == key
        return self._authority_masks[key]

    def _allowed(self, authority: str | None, exclude: Iterable[str]) -> np.ndarray | None:
        mask = None
        if authority:
            mask = self._authority_mask(authority).copy()
        for ref in with_versions(exclude, self.versions):
            idx = self.own.get(ref)
            if idx is not None and len(idx):
                if mask is None:
                    mask = np.ones(self.size, dtype=bool)
                mask[idx] = False
        return mask

    def _top(self, scores: np.ndarray, n: int, mask: np.ndarray | None, positive_only: bool) -> list[int]:
        s = scores if mask is None else np.where(mask, scores, -np.inf)
        cand = np.flatnonzero(s > 0) if positive_only else np.flatnonzero(np.isfinite(s))
        if not len(cand):
            return []
        if len(cand) > n:
            vals = s[cand]
            kth = np.partition(vals, len(cand) - n)[len(cand) - n]
            cand = cand[vals >= kth]
        return sorted(cand.tolist(), key=lambda i: (-float(s[i]), self.ids[i]))[:n]

    def search(
        self,
        query: str,
        dense_scores: np.ndarray,
        k: int,
        authority: str | None = None,
        exclude_references: Iterable[str] = (),
        lexical_scores: np.ndarray | None = None,
        question_scores: np.ndarray | None = None,
    ) -> list[Precedent]:
        """One query: ``dense_scores`` is its row of :meth:`scores`."""
        if not self.size or k <= 0 or not (query and query.strip()):
            return []
        n = max(50, 5 * k)
        mask = self._allowed(authority, exclude_references)
        dense_idx = self._top(dense_scores, n, mask, positive_only=False)
        if lexical_scores is None:
            lexical_scores = self.lexical.scores(self._expand(query))
        lexical_idx = self._top(lexical_scores, n, mask, positive_only=True)
        dense_ids = [self.ids[i] for i in dense_idx]
        lexical_ids = [self.ids[i] for i in lexical_idx]
        fused = self._rrf([dense_ids, lexical_ids])
        qsim = None
        if question_scores is not None and self.question_weight is not None:
            # as the index fuses: a third ranking of the candidates by their question's own words
            def qsim(p: int) -> float:
                q = self.chunk_q[p]
                return float(question_scores[q]) if q >= 0 else -1.0

            cand = [self.pos[cid] for cid, _ in fused]
            by_question = [self.ids[p] for p in sorted(cand, key=lambda p: (-qsim(p), self.ids[p]))]
            fused = self._rrf([dense_ids, lexical_ids, by_question], weights=(1.0, 1.0, self.question_weight))
        best: dict[tuple[str, str], tuple[int, float]] = {}
        dense_rank = {i: r for r, i in enumerate(dense_idx, start=1)}
        lexical_rank = {i: r for r, i in enumerate(lexical_idx, start=1)}
        for cid, score in fused:
            p = self.pos[cid]
            key = self.keys[p]
            if key not in best:
                best[key] = (p, score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][1], kv[0][0], kv[0][1]))[:k]
        out: list[Precedent] = []
        for (ref, label), (p, score) in ranked:
            letter = self.letters.get(ref)
            if letter is None:
                continue
            hit = Precedent.from_hit(
                letter,
                label,
                score=score,
                chunk_similarity=float(dense_scores[p]),
                question_similarity=qsim(p) if qsim is not None and self.chunk_q[p] >= 0 else None,
                text=self.texts[p],
                chunk_id=self.ids[p],
                dense_rank=dense_rank.get(p),
                lexical_rank=lexical_rank.get(p),
            )
            if hit is not None:
                out.append(hit)
        return out


class LetterSearch:
    """The checker's ``PrecedentSearch`` for one letter being re-checked: its queries are answered from the
    precomputed rows of dense scores (the queries are that letter's question texts, in order)."""

    def __init__(
        self,
        searcher: VectorSearcher,
        queries: Sequence[str],
        dense: np.ndarray,
        questions: np.ndarray | None = None,
    ):
        self.searcher = searcher
        self.questions = questions
        self.rows = {}
        for i, q in enumerate(queries):
            self.rows.setdefault(q, i)
        self.dense = dense
        self._lexical: dict[int, np.ndarray] = {}

    def _lexical_scores(self, row: int, query: str) -> np.ndarray:
        if row not in self._lexical:
            self._lexical[row] = self.searcher.lexical.scores(self.searcher._expand(query))
        return self._lexical[row]

    def search_many(self, queries, k=10, authority=None, exclude_references=()):
        out = []
        for q in queries:
            row = self.rows.get(q)
            if row is None:  # not one of the letter's own questions: nothing precomputed
                out.append([])
                continue
            out.append(
                self.searcher.search(
                    q,
                    self.dense[row],
                    k,
                    authority,
                    exclude_references,
                    self._lexical_scores(row, q),
                    self.questions[row] if self.questions is not None else None,
                )
            )
        return out

    def known_pointer_keys(self) -> set[str]:
        return set()  # unknown_pointer flags are not used by the batch re-check
