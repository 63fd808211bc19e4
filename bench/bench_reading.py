"""Reading speed: letters per second through the letter reader, on the whole shipped corpus (the illustrative
letters, the seeds and the real development set), one process and one per core.

    .venv/bin/python bench/bench_reading.py [--repeat 5] [--out bench/RESULTS-reading.md]

Reading must never be what limits ingest: the index bench (RESULTS-index.md) puts ingest at about 15 letters/s
and the embedding model's ceiling near 45-50 passages/s on this machine kind, so the reader must run well
above that on one core.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_precedent.errors import PrecedentError  # noqa: E402
from foi_precedent.letters.parser import parse_text  # noqa: E402
from foi_precedent.letters.sources import read_document  # noqa: E402


def corpus_files() -> list[Path]:
    # (corpus/real holds copies of the development set's letters: read once, from evals)
    roots = (ROOT / "corpus" / "letters", ROOT / "corpus" / "seeds", ROOT / "evals" / "real_letters" / "letters")
    return sorted(
        p
        for root in roots
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".md", ".txt") and p.name != "README.md"
    )


def _read_all(docs, rules_alone: bool = False) -> tuple[int, int]:
    from contextlib import nullcontext

    from foi_precedent.letters import decision, learned

    decision._boilerplate_sentence.cache_clear()  # each run reads the letters as new (sentences met before count)
    learned._read.cache_clear()  # (and the learned reader's passages)
    ok = refused = 0
    with learned.off() if rules_alone else nullcontext():
        for doc in docs:
            try:
                parse_text(doc.text, source=doc.source, front_matter=doc.front_matter)
                ok += 1
            except PrecedentError:
                refused += 1
    return ok, refused


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS-reading.md"))
    args = ap.parse_args()

    files = corpus_files()
    docs = [read_document(p) for p in files]  # decoding is the sources' cost, measured apart below
    t0 = time.perf_counter()
    for p in files:
        read_document(p)
    decode_s = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)

    single = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        ok, refused = _read_all(docs)
        single.append(time.perf_counter() - t0)
    rules_only = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        _read_all(docs, rules_alone=True)
        rules_only.append(time.perf_counter() - t0)
    cores = os.cpu_count() or 1
    halves = [docs[i::cores] for i in range(cores)]
    parallel = []
    with ProcessPoolExecutor(cores) as pool:
        list(pool.map(_read_all, halves))  # warm the workers (imports, compiled patterns)
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            list(pool.map(_read_all, halves))
            parallel.append(time.perf_counter() - t0)

    one = statistics.median(single)
    alone = statistics.median(rules_only)
    many = statistics.median(parallel)
    n = len(docs)
    lines = [
        "# Reading benchmark",
        "",
        f"Run {datetime.now():%Y-%m-%dT%H:%M} with `.venv/bin/python bench/bench_reading.py --repeat {args.repeat}`.",
        "",
        f"Machine: {cores} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"{platform.platform()}. Load average at start: {os.getloadavg()[0]:.1f}.",
        "",
        f"Whole corpus: {n} files ({chars / 1e6:.2f} M characters): the illustrative letters, the two seeds and the "
        f"real development set; {ok} read, {refused} refused (texts with no question and no decision). "
        f"Medians of {args.repeat} runs.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| decoding the files (read_document, once) | {decode_s:.2f} s |",
        f"| reading, 1 process | {one:.2f} s, **{n / one:.0f} letters/s** |",
        f"| reading, 1 process, phrase rules alone (no learned second opinion) | {alone:.2f} s, {n / alone:.0f} "
        "letters/s |",
        f"| reading, {cores} processes | {many:.2f} s, **{n / many:.0f} letters/s** |",
        "| ingest, for comparison (RESULTS-index.md, 2026-12-02) | 15.4 letters/s (44.9 chunks/s; raw embedding "
        "ceiling 49.6 passages/s) |",
        f"| reading's share of ingest time at that rate (1 process) | {15.4 / (n / one) * 100:.0f} % |",
        "",
        "Reading is not the bottleneck of ingest: the embedding model is. Ingest reads letters on the same cores "
        "the model uses, so reading's share of ingest time is what it costs the pipeline.",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
