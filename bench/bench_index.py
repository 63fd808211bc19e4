"""Benchmark of the precedent index (retriever/): ingest throughput and hybrid search latency.

    .venv/bin/python bench/bench_index.py [--chunks 100000] [--queries 200] [--ingest-chunks 2000]
                                          [--real-embeddings 5000] [--out bench/RESULTS-index.md]

1. Ingest: the shipped corpus (corpus/letters, tests/fixtures/seeds) replicated with varied text (new
   references, numbers, word substitutions) to about --ingest-chunks chunks, ingested from files with the real
   embedding model (parse + chunk + embed + Chroma + SQLite), compared with the raw embedding throughput of the
   same model on the same chunk texts (batch 64). Goal: ingest >= 80 % of the raw ceiling.
2. Search: an index of --chunks chunks. Embedding 100k chunks for real would take about 40 minutes on 2 cores,
   so --real-embeddings chunks are embedded for real and the rest reuse one of those vectors plus small random
   noise (re-normalised); the letters, chunk texts, metadata, bm25 index and Chroma HNSW index are all full size.
   Latency is measured for PrecedentIndex.search (query embedding + Chroma query + bm25 + fusion + letters).
   Goal: p95 < 50 ms on 2 cores.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent import assets  # noqa: E402
from foi_precedent.consistency.checker import check_letter  # noqa: E402
from foi_precedent.letters.model import Letter  # noqa: E402
from foi_precedent.letters.parser import parse_file, parse_text  # noqa: E402
from foi_precedent.settings import Settings  # noqa: E402
from retriever.chunking import chunks_for_letter  # noqa: E402
from retriever.index import EMBED_BATCH, PrecedentIndex, _question_texts, collect_files  # noqa: E402

SWAPS = {
    "how many": ["what number of", "how many"],
    "please provide": ["could you provide", "please supply", "please provide"],
    "police force": ["force", "constabulary", "police service"],
    "information": ["data", "information", "records"],
    "cameras": ["camera units", "cameras", "devices"],
    "officers": ["staff", "officers", "constables"],
    "withheld": ["withheld", "not disclosed", "exempt"],
    "2022": ["2021", "2022", "2023"],
    "2023": ["2023", "2024", "2020"],
}
AUTHORITIES = [
    "Metropolitan Police Service",
    "Greater Manchester Police",
    "West Midlands Police",
    "Police Scotland",
    "South Wales Police",
    "Birmingham City Council",
    "Home Office",
    "Kent Police",
    "Avon and Somerset Police",
    "Leeds City Council",
]


def vary(text: str, rnd: random.Random) -> str:
    out = text
    for key, options in SWAPS.items():
        if key in out.lower() and rnd.random() < 0.6:
            out = re.sub(re.escape(key), rnd.choice(options), out, count=1, flags=re.I)
    return re.sub(r"\b\d{2,5}\b", lambda m: str(max(1, int(int(m.group(0)) * rnd.uniform(0.5, 1.5)))), out)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load": os.getloadavg(),
    }


def source_files() -> list[Path]:
    files, _ = collect_files([ROOT / "corpus" / "letters", ROOT / "tests" / "fixtures" / "seeds"])
    return files


def base_letters() -> list[Letter]:
    out = []
    for f in source_files():
        with contextlib.suppress(Exception):  # a benchmark skips what the parser refuses
            out.append(parse_file(f))
    return out


# -- 1. ingest ------------------------------------------------------------------------------------------


def write_replicas(folder: Path, target_chunks: int, rnd: random.Random) -> int:
    """Copies of the corpus files with a new reference and varied wording until ~target_chunks chunks."""
    folder.mkdir(parents=True)
    sources = [(f, f.read_text(encoding="utf-8", errors="replace"), parse_file(f)) for f in source_files()]
    sources = [s for s in sources if s[2].questions]
    total, n = 0, 0
    while total < target_chunks:
        f, text, letter = sources[n % len(sources)]
        new_ref = f"{letter.reference}-R{n}"
        m = re.match(r"\A---\s*\n.*?\n---\s*\n", text, re.S)  # front matter is kept as it is (dates)
        front, body = (text[: m.end()], text[m.end() :]) if m else ("", text)
        front = front.replace(letter.reference, new_ref)
        body = vary(body.replace(letter.reference, "ZZREFZZ"), rnd).replace("ZZREFZZ", new_ref)
        if new_ref not in front + body:  # the reference came from elsewhere (file name): state one
            body = f"Freedom of information request reference no: {new_ref}\n" + body
        (folder / f"{n:05d}{f.suffix}").write_text(front + body, encoding="utf-8")
        total += len(chunks_for_letter(letter))
        n += 1
    return n


def bench_ingest(settings: Settings, target_chunks: int, rnd: random.Random, repeat: int = 3) -> dict:
    """Raw ceiling, same-work ceiling and a full ingest, ``repeat`` times in turn (each ingest into a fresh
    home); medians are reported, with every run's ratio, because single runs here vary by +/- 5 points."""
    ef = assets.embedding_function(settings)
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        n_files = write_replicas(work / "letters", target_chunks, rnd)
        sample_letters = []
        for p in sorted((work / "letters").iterdir())[:200]:
            with contextlib.suppress(Exception):  # counted as skipped by the ingest below
                sample_letters.append(parse_file(p))
        sample_chunks = [c for letter in sample_letters for c in chunks_for_letter(letter)][:512]
        texts = [c.embed_text for c in sample_chunks]
        refs = {c.reference for c in sample_chunks}
        _, question_texts = _question_texts([letter for letter in sample_letters if letter.reference in refs])
        ef(texts[:8])  # warm-up
        runs = []
        for r in range(repeat):
            home = Settings(home=work / f"home{r}")
            shutil.copytree(settings.embedding_dir, home.embedding_dir)
            index = PrecedentIndex.open(home, embedding_function=ef)
            # strict ceiling: the model alone on the chunk texts, batched as ingest batches them (by length, 64)
            t0 = time.perf_counter()
            index.embed(texts)
            raw_rate = len(texts) / (time.perf_counter() - t0)
            # same-work ceiling: everything ingest embeds for those letters (chunks and each question's own words)
            t0 = time.perf_counter()
            index.embed(texts + question_texts)
            same_rate = len(texts) / (time.perf_counter() - t0)

            model_time = [0.0]
            inner = index.embedding_function

            def timed_ef(batch, inner=inner, model_time=model_time):
                t = time.perf_counter()
                try:
                    return inner(batch)
                finally:
                    model_time[0] += time.perf_counter() - t

            index.embedding_function = timed_ef
            t0 = time.perf_counter()
            report = index.ingest_paths([work / "letters"])
            ingest_s = time.perf_counter() - t0
            index.embedding_function = inner
            if r == repeat - 1:
                lazy = _deferred_question_vectors(index)
            index.close()
            chunk_rate = report.questions / ingest_s
            run = {
                "raw_per_s": raw_rate,
                "same_per_s": same_rate,
                "ingest_s": ingest_s,
                "chunks_per_s": chunk_rate,
                "letters_per_s": report.letters / ingest_s,
                "model_s": model_time[0],
                "ratio": chunk_rate / raw_rate,
                "same_ratio": chunk_rate / same_rate,
            }
            runs.append(run)
            print(
                f"run {r + 1}: raw {raw_rate:.1f} passages/s, same work {same_rate:.1f} chunks/s; ingest "
                f"{report.summary()} in {ingest_s:.1f} s = {chunk_rate:.1f} chunks/s ({model_time[0]:.1f} s in the "
                f"model): {run['ratio'] * 100:.0f} % of raw",
                flush=True,
            )
        words = [len(t.split()) for t in texts]
        out = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        out.update(lazy)
        out.update(
            {
                "files": n_files,
                "letters": report.letters,
                "chunks": report.questions,
                "skipped": len(report.skipped),
                "raw_passages": len(texts),
                "same_questions": len(question_texts),
                "mean_words": statistics.mean(words),
                "runs": runs,
            }
        )
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


CHECK_QUERIES = [
    "Does the force use live facial recognition?",
    "How many times was Taser discharged last year?",
    "How much did the police pay informants in 2022?",
    "How many officers were dismissed for misconduct?",
    "What drones does the force operate?",
    "How many stop and search encounters were there in 2023?",
    "What was the cost of policing the protest?",
    "How many body worn video cameras do you have?",
    "Staffing numbers of the cyber crime unit",
    "Crime statistics for burglary by ward",
]


def _deferred_question_vectors(index: PrecedentIndex) -> dict:
    """What deferring the question-only vectors to the first search (option (b) for the 80 % goal) would cost:
    10 questions searched at once right after the ingest, with the vectors ingest stored, then with them
    deleted (the index embeds the missing ones for each search's candidates and saves them)."""
    index.lexical()
    index.search("warm-up query", k=10)

    def timed() -> float:
        index.__dict__.pop("_query_cache", None)
        t0 = time.perf_counter()
        index.search_many(CHECK_QUERIES, k=10)
        return (time.perf_counter() - t0) * 1000

    eager = timed()
    index.store.conn.execute("DELETE FROM question_vectors")
    first = timed()
    again = timed()
    left = index.store.conn.execute("SELECT COUNT(*) FROM question_vectors").fetchone()[0]
    return {"eager_first_ms": eager, "lazy_first_ms": first, "lazy_again_ms": again, "lazy_filled": left}


# -- 2. search ------------------------------------------------------------------------------------------


def synthetic_letters(bases: list[Letter], n_chunks: int, rnd: random.Random) -> list[Letter]:
    letters, total, i = [], 0, 0
    while total < n_chunks:
        base = bases[i % len(bases)]
        ref = f"SYN-{i:06d}"
        questions = tuple(
            dataclasses.replace(q, text=vary(q.text, rnd), answer=vary(q.answer, rnd)) for q in base.questions
        )
        when = date(2019, 1, 1).fromordinal(date(2019, 1, 1).toordinal() + rnd.randrange(7 * 365))
        letter = dataclasses.replace(
            base,
            reference=ref,
            authority=rnd.choice(AUTHORITIES),
            date=when,
            questions=questions,
            text=f"{ref}\n{base.text[:2000]}",
            meta={},
        )
        n = len(chunks_for_letter(letter))
        if total + n > n_chunks and letters:
            break
        letters.append(letter)
        total += n
        i += 1
    return letters


def bench_search(settings: Settings, n_chunks: int, n_real: int, n_queries: int, rnd: random.Random) -> dict:
    ef = assets.embedding_function(settings)
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        home = Settings(home=work / "home")
        index = PrecedentIndex.open(home, embedding_function=ef)
        bases = base_letters()
        letters = synthetic_letters(bases, n_chunks, rnd)
        chunk_texts = [c.embed_text for letter in letters for c in chunks_for_letter(letter)]
        n_total = len(chunk_texts)
        n_real = min(n_real, n_total)
        t0 = time.perf_counter()
        real = np.zeros((n_real, 384), dtype=np.float32)
        for i in range(0, n_real, EMBED_BATCH):
            j = min(i + EMBED_BATCH, n_real)
            real[i:j] = np.asarray(ef(chunk_texts[i:j]), dtype=np.float32)
        embed_s = time.perf_counter() - t0
        print(f"real embeddings: {n_real} in {embed_s:.0f} s", flush=True)
        nrng = np.random.default_rng(7)
        vectors = np.empty((n_total, 384), dtype=np.float32)
        vectors[:n_real] = real
        if n_total > n_real:
            idx = nrng.integers(0, n_real, n_total - n_real)
            noisy = real[idx] + nrng.normal(0, 0.02, (n_total - n_real, 384)).astype(np.float32)
            vectors[n_real:] = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
        # Question-only vectors (the index keeps one per question): real for a pool, perturbed for the rest.
        _, qtexts = _question_texts(letters)
        n_qreal = min(max(n_real // 2, 1), len(qtexts))
        qreal = np.asarray(ef(qtexts[:n_qreal]), dtype=np.float32)
        qvectors = np.empty((len(qtexts), 384), dtype=np.float32)
        qvectors[:n_qreal] = qreal
        if len(qtexts) > n_qreal:
            idx = nrng.integers(0, n_qreal, len(qtexts) - n_qreal)
            noisy = qreal[idx] + nrng.normal(0, 0.02, (len(qtexts) - n_qreal, 384)).astype(np.float32)
            qvectors[n_qreal:] = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
        t0 = time.perf_counter()
        offset, qoffset, batch = 0, 0, []

        def add(batch):
            nonlocal offset, qoffset
            n = sum(len(chunks_for_letter(x)) for x in batch)
            nq = sum(len(x.questions) for x in batch)
            index.add_letters(
                batch,
                embeddings=vectors[offset : offset + n],
                question_embeddings=qvectors[qoffset : qoffset + nq],
            )
            offset += n
            qoffset += nq

        for letter in letters:
            batch.append(letter)
            if len(batch) >= 500:
                add(batch)
                batch = []
                print(f"  added {offset} chunks ({time.perf_counter() - t0:.0f} s)", flush=True)
        if batch:
            add(batch)
        add_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        index.lexical()
        bm25_s = time.perf_counter() - t0
        stats = index.stats()
        print(
            f"index: {stats['chunks']} chunks, {stats['letters']} letters; add {add_s:.0f} s, bm25 build {bm25_s:.1f} s",
            flush=True,
        )

        questions = [q.text for b in bases for q in b.questions]
        queries = [vary(rnd.choice(questions), rnd) for _ in range(n_queries)]
        for q in queries[:5]:  # warm-up (bm25 load, ONNX session, caches)
            index.search(q, k=10)
        timings = {"plain": [], "filtered": []}
        for q in queries:
            t = time.perf_counter()
            index.search(q, k=10)
            timings["plain"].append((time.perf_counter() - t) * 1000)
        for q in queries:
            t = time.perf_counter()
            index.search(q, k=10, exemption="s31", date_from="2021-01-01")
            timings["filtered"].append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        index.search_many(queries[:10], k=10)
        many_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        for q in queries[:20]:
            ef([q])
        embed_ms = (time.perf_counter() - t) * 1000 / 20
        # Issue 3: check a 10-question draft against this index, retrieval included.
        check_ms = []
        for n in range(10):
            picked = [rnd.choice(questions) for _ in range(10)]
            body = "\n".join(
                f"Q{i} - {vary(t, rnd)}\nThis information is not held." for i, t in enumerate(picked, 1)
            )
            draft = parse_text(f"Reference: DRAFT-{n}\n\nDisclosure\n\n{body}\n")
            t = time.perf_counter()
            check_letter(draft, index)
            check_ms.append((time.perf_counter() - t) * 1000)
        index.close()

        def pct(values, p):
            return float(np.percentile(values, p))

        return {
            "chunks": stats["chunks"],
            "letters": stats["letters"],
            "real": n_real,
            "embed_s": embed_s,
            "add_s": add_s,
            "bm25_s": bm25_s,
            "queries": n_queries,
            "p50": pct(timings["plain"], 50),
            "p95": pct(timings["plain"], 95),
            "max": max(timings["plain"]),
            "fp50": pct(timings["filtered"], 50),
            "fp95": pct(timings["filtered"], 95),
            "many10_ms": many_ms,
            "query_embed_ms": embed_ms,
            "check10_p50": pct(check_ms, 50),
            "check10_p95": pct(check_ms, 95),
            "disk_mb": sum(f.stat().st_size for f in home.index_dir.rglob("*") if f.is_file()) / 1e6,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pcts(runs: list[dict], key: str) -> str:
    return ", ".join(f"{run[key] * 100:.0f} %" for run in runs)


def write_results(path: Path, args, m: dict, ing: dict | None, srch: dict | None, elapsed: float) -> None:
    lines = [
        "# Precedent index benchmark",
        "",
        f"Run {datetime.now().isoformat(timespec='minutes')} with `.venv/bin/python bench/bench_index.py "
        f"--chunks {args.chunks} --queries {args.queries} --ingest-chunks {args.ingest_chunks} "
        f"--real-embeddings {args.real_embeddings} --repeat {args.repeat}` ({elapsed / 60:.1f} min in total).",
        "",
        f"Machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}, {m['platform']}.",
        "Embedding model: all-MiniLM-L6-v2 (chromadb ONNXMiniLM_L6_V2 on the locally built ONNX, CPU, 2 threads).",
        "Section 1: medians of repeated runs (below); section 2: one run.",
        f"Load average at start: {m['load'][0]:.1f}; at end: {os.getloadavg()[0]:.1f} (1 min). A load above the core "
        "count means other work shared the CPU during the run and the absolute numbers are pessimistic.",
        "",
    ]
    if ing:
        ok = "meets" if ing["ratio"] >= 0.8 else "misses"
        lines += [
            "## 1. Ingest throughput vs raw embedding",
            "",
            f"Corpus (corpus/letters + seeds) replicated with varied text (new references, numbers, word swaps) into "
            f"{ing['files']} files; ingested from disk with the real model (read, parse, chunk, embed every distinct "
            f"text once in length-sorted batches of 64 over flushes of 1,024 chunks, Chroma upsert, SQLite commit). "
            f"Medians of {len(ing['runs'])} runs; each run measures both ceilings and then ingests into a fresh home.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| raw embedding, same chunk texts (n={ing['raw_passages']}, mean {ing['mean_words']:.0f} words, batches "
            f"of 64 by length) | {ing['raw_per_s']:.1f} passages/s |",
            f"| raw embedding of everything ingest embeds for those chunks (+ {ing['same_questions']} questions' own "
            f"words) | {ing['same_per_s']:.1f} chunks/s |",
            f"| ingest | {ing['letters']} letters, {ing['chunks']} chunks in {ing['ingest_s']:.1f} s |",
            f"| ingest rate | {ing['letters_per_s']:.2f} letters/s, {ing['chunks_per_s']:.1f} chunks/s |",
            f"| time in the model during ingest | {ing['model_s']:.1f} s of {ing['ingest_s']:.1f} s "
            f"({ing['model_s'] / ing['ingest_s'] * 100:.0f} %) |",
            f"| ingest / raw ceiling (chunks/s vs passages/s: the issue's measure) | **{ing['ratio'] * 100:.0f} %** "
            f"(goal >= 80 %: {ok}; runs: {_pcts(ing['runs'], 'ratio')}) |",
            f"| ingest / same-work ceiling (pipeline overhead only) | {ing['same_ratio'] * 100:.0f} % (runs: "
            f"{_pcts(ing['runs'], 'same_ratio')}) |",
            f"| skipped files | {ing['skipped']} |",
            f"| 10 questions searched right after the ingest (question vectors stored by ingest) | "
            f"{ing['eager_first_ms']:.0f} ms |",
            f"| the same if ingest had deferred question vectors to the first search (embeds "
            f"{ing['lazy_filled']} of {ing['chunks']}), then again | {ing['lazy_first_ms']:.0f} ms, then "
            f"{ing['lazy_again_ms']:.0f} ms |",
            "",
        ]
    if srch:
        ok = "meets" if srch["p95"] < 50 else "misses"
        lines += [
            "## 2. Hybrid search latency",
            "",
            f"Index of {srch['chunks']:,} chunks ({srch['letters']:,} synthetic letters built from the corpus "
            "questions with word swaps, new numbers, 10 authorities and random 2019-2025 dates).",
            "",
            f"**Method, honestly:** {srch['real']:,} chunk texts were embedded with the real model "
            f"({srch['embed_s']:.0f} s); every other chunk got the vector of one of those plus Gaussian noise "
            "(sigma 0.02 per dimension, re-normalised; cosine to its source about 0.9). Embedding all chunks for real "
            "would take about 40 min on this machine. Texts, metadata, SQLite, bm25 and the Chroma HNSW index are "
            "full size, so search cost is representative; retrieval *quality* on this index is not measured here. "
            "The question-only vectors (one per question) are made the same way from a pool of real ones.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| adding {srch['chunks']:,} chunks with precomputed vectors (Chroma + SQLite) | {srch['add_s']:.0f} s |",
            f"| bm25 build ({srch['chunks']:,} chunks) + save | {srch['bm25_s']:.1f} s |",
            f"| query embedding alone (1 query) | {srch['query_embed_ms']:.1f} ms |",
            f"| search k=10, no filter, {srch['queries']} queries: p50 / p95 / max | {srch['p50']:.1f} / "
            f"**{srch['p95']:.1f}** / {srch['max']:.1f} ms (goal p95 < 50 ms: {ok}) |",
            f"| search k=10, exemption=s31 + date_from filter: p50 / p95 | {srch['fp50']:.1f} / {srch['fp95']:.1f} ms |",
            f"| search_many, 10 queries at once | {srch['many10_ms']:.0f} ms |",
            f"| check a 10-question draft (retrieval included), p50 / p95 | {srch['check10_p50']:.0f} / "
            f"{srch['check10_p95']:.0f} ms (goal < 1000 ms) |",
            f"| index on disk (SQLite + Chroma + bm25) | {srch['disk_mb']:.0f} MB |",
            "",
        ]
    lines += [
        "## Notes",
        "",
        "- Search latency includes the query embedding (one MiniLM call), the Chroma HNSW query with its `where` "
        "filter (top max(50, 5k)), bm25 scores for every chunk masked by the same filter, reciprocal rank fusion, "
        "the SQLite lookups of the hits and their letters, and similarity for lexical-only hits (one Chroma get).",
        "- The first search after an ingest rebuilds (or loads) the bm25 index; it is excluded by a warm-up.",
        "- Why ingest stays under 80 % of the raw ceiling: for each chunk, ingest also embeds the question's own words (the question-only vectors behind question-to-question precedent similarity), 20-25 % more model work, so even with no pipeline overhead it would sit near 80-82 %. The same-work ratio is what the pipeline itself costs (parsing about 2 s, Chroma upsert about 1 s per 2,000 chunks here; Chroma's HNSW settings and add vs upsert made no difference). ONNX already uses both cores fully (1 thread 66, 2 threads 127 passages/s on the Xeon), so overlapping parsing or Chroma writes with the model gains nothing on 2 cores.",
        "- Deferring the question vectors to the first search (the index already embeds any that are missing) would put ingest near 85 % of raw, but the first 10-question search after an ingest then takes about 2 s instead of well under 0.1 s (row above: it embeds the candidates' questions), and every search touching new letters pays again until all are filled. Not done: a drafter's check is the latency that matters; this is the owner's call.",
        "- History: 2026-12-02 08:35 on an Intel Xeon machine of this kind (raw 143.7 passages/s): 79 % of raw (runs 79, 79, 74 %), 96 % of same work, search p95 21.4 ms, 10-question check p95 329 ms. This run (AMD EPYC, raw about 72 passages/s) is noisier: the raw ceiling itself moved from 60 to 74 passages/s between runs. Section 2 re-run on the same machine after bm25 got time-frame tokens: bm25 build 22.3 s, search p95 35.8 ms, filtered p95 29.1 ms, 10-question check p95 449 ms (no regression). 2026-11-22 on a slower machine of this kind (raw 60.5 passages/s): 68 % of raw, 79 % of same work. Since then: front matter read with libyaml, chunk texts no longer copied into Chroma (it full-text indexed them; SQLite holds them and every read uses SQLite), each treatment pattern searched once per answer segment.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=100_000, help="chunks in the search-latency index")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--ingest-chunks", type=int, default=2000, help="chunks in the ingest benchmark")
    ap.add_argument("--real-embeddings", type=int, default=5000, help="real embeddings for the search index")
    ap.add_argument("--repeat", type=int, default=3, help="ingest benchmark runs (medians are reported)")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-index.md")
    ap.add_argument("--home", type=Path, default=None, help="PRECEDENT_HOME holding the embedding model")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    settings = (
        Settings(home=args.home) if args.home else Settings(home=Path(tempfile.mkdtemp(prefix="bench-home-")))
    )
    assets.build_embedding_model(settings)
    rnd = random.Random(42)
    m = machine()
    print(m, flush=True)
    ing = None if args.skip_ingest else bench_ingest(settings, args.ingest_chunks, rnd, args.repeat)
    srch = (
        None
        if args.skip_search
        else bench_search(settings, args.chunks, args.real_embeddings, args.queries, rnd)
    )
    write_results(args.out, args, m, ing, srch, time.perf_counter() - started)
    print(args.out.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
