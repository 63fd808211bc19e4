"""Benchmark a team's workspace: 20 concurrent sessions against one PostgreSQL + one Chroma server, and the
same 20 against the embedded default (SQLite files + embedded Chroma under one PRECEDENT_HOME).

A session does what an officer does between two clicks: **open a case** (the case, its latest version, every
override recorded on it) and **check a draft** (a 6-question reply from the shipped corpus checked against
precedent, the check written to the audit log). Sessions are threads in app instances (processes), as
Streamlit runs them: by default 2 instances x 10 sessions. Everything runs on 127.0.0.1, bounded: each
session does ``--rounds`` rounds, so the run ends.

    .venv/bin/python bench/bench_team.py [--instances 2] [--sessions 10] [--rounds 5] [--write bench/RESULTS-team.md]

The PostgreSQL server (Debian's, started by tests/pg_support.py) and `chroma run` are started and stopped by
the benchmark; the shipped corpus is indexed into each backend first (a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DRAFT = ROOT / "corpus" / "letters"


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def draft_text() -> str:
    """A real multi-question reply from the shipped corpus, the draft every session checks."""
    from foi_precedent.letters.parser import parse_file

    best = None
    for path in sorted(DRAFT.glob("*.md")):
        n = len(parse_file(path).questions)
        if best is None or abs(n - 6) < abs(best[0] - 6):
            best = (n, path)
    return best[1].read_text(encoding="utf-8")


# --- one app instance (a process): N session threads ------------------------------------------------


def instance(sessions: int, rounds: int, case_ids: list[int], out: Path) -> None:
    """Runs in a child process with the backend's environment set."""
    from foi_precedent.cases.review import Actor
    from foi_precedent.services import Services
    from foi_precedent.ui import workspace as ws

    app = Services()
    text = draft_text()
    # the instance's first check loads the models and opens the stores (migrations checked): not a session's cost
    app.audit.record_check(ws.check_draft(text, app.index), source="bench:warm-up")
    app.reviews.cases()
    lock = threading.Lock()
    timings: dict[str, list[float]] = {"open": [], "check": []}
    barrier = threading.Barrier(sessions)

    def session(number: int) -> None:
        actor = Actor(f"officer{os.getpid()}-{number}", frozenset({"drafter", "reviewer"}))
        barrier.wait()
        for r in range(rounds):
            case_id = case_ids[(number + r) % len(case_ids)]
            started = time.perf_counter()
            case = app.reviews.case(case_id)
            version = app.reviews.version(case["version_id"])
            app.audit.overrides_for_version(version.id)
            opened = time.perf_counter() - started
            started = time.perf_counter()
            result = ws.check_draft(text, app.index)
            app.audit.record_check(result, source=f"bench:{actor.name}")
            checked = time.perf_counter() - started
            with lock:
                timings["open"].append(opened)
                timings["check"].append(checked)

    with ThreadPoolExecutor(sessions) as pool:
        list(pool.map(session, range(sessions)))
    out.write_text(json.dumps(timings))


# --- backends ---------------------------------------------------------------------------------------


def prepare(env: dict[str, str], cases: int) -> list[int]:
    """Index the shipped corpus and open ``cases`` cases, each with a version and an override."""
    subprocess.run(
        [str(Path(sys.executable).parent / "precedent"), "setup", "--models", "smollm2"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [str(Path(sys.executable).parent / "precedent"), "ingest", "corpus/letters", "corpus/seeds"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 2):
        raise RuntimeError(f"ingest failed: {done.stderr[-2000:]}")
    code = f"""
import json
from foi_precedent.cases.review import Actor
from foi_precedent.services import Services
app = Services()
actor = Actor("setup", frozenset({{"drafter", "reviewer"}}))
ids = []
for i in range({cases}):
    v = app.reviews.start_case(f"Bench case {{i}}", "Dear requester, ...", actor)
    app.audit.record_override(label="Q1", kind="divergent_treatment", reason="bench", message="m", version_id=v.id)
    ids.append(v.case_id)
print(json.dumps(ids))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(
    env: dict[str, str], instances: int, sessions: int, rounds: int, case_ids: list[int], work: Path
) -> dict:
    procs, outs = [], []
    code = (
        f"import sys, json, pathlib; sys.path.insert(0, {str(ROOT)!r}); from bench.bench_team import instance; "
        f"instance({sessions}, {rounds}, json.loads(sys.argv[1]), pathlib.Path(sys.argv[2]))"
    )
    started = time.perf_counter()
    for i in range(instances):
        out = work / f"timings-{i}.json"
        outs.append(out)
        procs.append(
            subprocess.Popen([sys.executable, "-c", code, json.dumps(case_ids), str(out)], env=env, cwd=ROOT)
        )
    for p in procs:
        if p.wait() != 0:
            raise RuntimeError(f"an app instance failed ({p.returncode})")
    wall = time.perf_counter() - started
    timings: dict[str, list[float]] = {"open": [], "check": []}
    for out in outs:
        for k, v in json.loads(out.read_text()).items():
            timings[k] += v
    return {
        "wall": wall,
        **{
            k: {"n": len(v), "median": statistics.median(v), "p95": p95(v), "max": max(v)}
            for k, v in timings.items()
        },
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--instances", type=int, default=2)
    ap.add_argument("--sessions", type=int, default=10, help="session threads per instance")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cases", type=int, default=40)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    from tests.chroma_support import chroma_server
    from tests.pg_support import start_server

    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-team-") as tmp:
        tmp = Path(tmp)
        base = {k: v for k, v in os.environ.items() if not k.startswith("PRECEDENT_")}
        assets = ROOT / ".precedent"
        embedded_home = tmp / "embedded"
        team_home = tmp / "team"
        for home in (embedded_home, team_home):
            home.mkdir()
            for name in ("models", "tiktoken"):
                if (assets / name).exists():
                    os.symlink(assets / name, home / name)
        env = {**base, "PRECEDENT_HOME": str(embedded_home), "PRECEDENT_LLM_BASE_URL": "http://127.0.0.1:9"}
        ids = prepare(env, args.cases)
        results["embedded"] = run(env, args.instances, args.sessions, args.rounds, ids, tmp)
        print("embedded", json.dumps(results["embedded"]), flush=True)
        pg = start_server()
        if isinstance(pg, str):
            raise SystemExit(pg)
        try:
            with chroma_server(tmp / "chroma") as chroma_url:
                url = pg.create_database("bench")
                env = {
                    **base,
                    "PRECEDENT_HOME": str(team_home),
                    "PRECEDENT_DATABASE_URL": url,
                    "PRECEDENT_CHROMA_URL": chroma_url,
                    "PRECEDENT_LLM_BASE_URL": "http://127.0.0.1:9",
                }
                ids = prepare(env, args.cases)
                results["team"] = run(env, args.instances, args.sessions, args.rounds, ids, tmp)
                print("team", json.dumps(results["team"]), flush=True)
        finally:
            pg.stop()
    if args.write:
        write(args, results)
    return 0


def write(args, results: dict) -> None:
    total = args.instances * args.sessions
    lines = [
        "# Team benchmark: concurrent sessions on one shared store",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.platform()}, {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        f"- Command: `.venv/bin/python bench/bench_team.py --instances {args.instances} --sessions {args.sessions} "
        f"--rounds {args.rounds} --write bench/RESULTS-team.md`",
        f"- {total} concurrent sessions ({args.instances} app instances x {args.sessions} session threads), each "
        f"{args.rounds} rounds of: open a case (case, latest version, its overrides), then check a 6-question draft "
        "against precedent and record the check. Shipped corpus indexed; all servers on 127.0.0.1.",
        "",
        "| backend | measure | n | median | p95 | max |",
        "|---|---|---|---|---|---|",
    ]
    names = {
        "embedded": "embedded default (SQLite + embedded Chroma)",
        "team": "PostgreSQL 15 + `chroma run` server",
    }
    for backend, r in results.items():
        for measure in ("open", "check"):
            m = r[measure]
            lines.append(
                f"| {names[backend]} | {'open a case' if measure == 'open' else 'a check'} | "
                f"{m['n']} | {m['median']:.3f} s | {m['p95']:.3f} s | {m['max']:.3f} s |"
            )
    lines += ["", "Wall time: " + ", ".join(f"{names[b]} {r['wall']:.1f} s" for b, r in results.items()), ""]
    args.write.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
