"""One PostgreSQL database shared by several Precedents (PRECEDENT_DATABASE_URL): what one process writes
(letters, cases, overrides) another sees at once; overrides of one flag are all kept, the later in force; an
ingest through the real index puts its letters there; an unreachable database is one clear error.

A real PostgreSQL server (``tests/pg_support.py``); each "instance" is its own process or its own engines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from foi_precedent.audit.log import AuditLog
from foi_precedent.audit.reviews import ReviewStore
from foi_precedent.cases.review import Actor
from foi_precedent.errors import IndexError_, PrecedentError
from foi_precedent.identity import DRAFTER
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import PrecedentIndex
from retriever.store import STORE_FILE, Store
from tests.conftest import ROOT
from tests.pg_support import free_port
from tests.unit.test_retriever_index import DOGS, TASER, write_letter

pytestmark = pytest.mark.integration

DAN = Actor("dan", frozenset({DRAFTER}))

#: another instance: its own process, its own engines, the same database
OTHER = r"""
import json, sys
from foi_precedent.audit.log import AuditLog
from foi_precedent.audit.reviews import ReviewStore
from foi_precedent.cases.review import Actor
from foi_precedent.identity import DRAFTER
from foi_precedent.letters.parser import parse_text
from retriever.chunking import chunks_for_letter
from retriever.store import Store

url, step = sys.argv[1], sys.argv[2]
store, audit, reviews = Store("unused", database_url=url), AuditLog("unused", database_url=url), ReviewStore("unused", database_url=url)
if step == "write":
    letter = parse_text("Our reference: FOI-OTHER-1\nQ1. How many drones?\nA1. We hold two drones.", source="other")
    store.save_letters([(letter, "/other/a.md", chunks_for_letter(letter))])
    v = reviews.start_case("Drones", "Dear Requester", Actor("ann", frozenset({DRAFTER})))
    o = audit.as_user("ann").record_override(label="Q1", kind="k", reason="ann's reason", version_id=v.id,
                                             flag_key="k-q1")
    print(json.dumps({"letter": letter.reference, "version": v.id, "case": v.case_id, "override": o}))
elif step == "read":
    version = int(sys.argv[3])
    print(json.dumps({"letters": [l.reference for l in store.letters()],
                      "cases": [c["title"] for c in reviews.cases()],
                      "overrides": [(o["user_name"], o["reason"]) for o in audit.overrides_for_version(version)]}))
elif step == "override":
    version, n = int(sys.argv[3]), int(sys.argv[4])
    for i in range(n):
        audit.as_user(sys.argv[5]).record_override(label="Q1", kind="k", reason=f"{sys.argv[5]} {i}",
                                                   version_id=version, flag_key="k-q1")
"""


def other(url: str, *args: str) -> dict | None:
    out = subprocess.run(
        [sys.executable, "-c", OTHER, url, *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout) if out.stdout.strip() else None


def in_force(overrides: list[dict]) -> dict[str, dict]:
    """Flag key -> the override in force: the later one."""
    return {o["flag_key"]: o for o in overrides}


def test_two_instances_see_each_others_letters_cases_and_overrides_at_once(pg_url, tmp_path):
    # this instance is open before the other writes anything
    store, audit = (
        Store(tmp_path / "s.sqlite3", database_url=pg_url),
        AuditLog(tmp_path / "a", database_url=pg_url),
    )
    reviews = ReviewStore(tmp_path / "c", database_url=pg_url)
    assert store.letters() == [] and reviews.cases() == []

    wrote = other(pg_url, "write")
    assert [letter.reference for letter in store.letters()] == [wrote["letter"]]
    assert store.letter_info(wrote["letter"]).source_path == "/other/a.md" and store.generation == 1
    assert [c["id"] for c in reviews.cases()] == [wrote["case"]] and reviews.version(wrote["version"]).text
    # a second override of the same flag on the same version, by another reviewer in this instance
    audit.as_user("ben").record_override(
        label="Q1", kind="k", reason="ben's reason", version_id=wrote["version"], flag_key="k-q1"
    )
    both = audit.overrides_for_version(wrote["version"])
    assert [(o["user_name"], o["reason"]) for o in both] == [("ann", "ann's reason"), ("ben", "ben's reason")]
    assert both[0]["id"] == wrote["override"] and in_force(both)["k-q1"]["user_name"] == "ben"

    # and the other way round: what this instance writes, a new process sees
    reviews.start_case("Police dogs", "Dear Requester", DAN)
    seen = other(pg_url, "read", str(wrote["version"]))
    assert seen["cases"] == ["Drones", "Police dogs"] and seen["letters"] == [wrote["letter"]]
    assert seen["overrides"] == [["ann", "ann's reason"], ["ben", "ben's reason"]]
    assert not (tmp_path / "s.sqlite3").exists() and not (tmp_path / "a").exists()  # nothing went to SQLite
    store.close()


def test_overrides_made_at_the_same_time_are_all_kept(pg_url, tmp_path):
    """No lost update: two processes and two threads override the same flag at once; every row is kept."""
    audit = AuditLog(tmp_path / "a", database_url=pg_url)
    version = ReviewStore(tmp_path / "c", database_url=pg_url).start_case("Drones", "text", DAN).id
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(other, pg_url, "override", str(version), "15", name) for name in ("ann", "cat")]
        jobs += [
            pool.submit(
                lambda n=name: [
                    audit.as_user(n).record_override(
                        label="Q1", kind="k", reason=f"{n} {i}", version_id=version, flag_key="k-q1"
                    )
                    for i in range(15)
                ]
            )
            for name in ("ben", "dan")
        ]
        for job in jobs:
            job.result()
    got = audit.overrides_for_version(version)
    assert len(got) == 60 and len({o["id"] for o in got}) == 60
    assert [o["id"] for o in got] == sorted(o["id"] for o in got)
    for name in ("ann", "ben", "cat", "dan"):  # each one's own order is kept
        assert [o["reason"] for o in got if o["user_name"] == name] == [f"{name} {i}" for i in range(15)]
    assert in_force(got)["k-q1"] == got[-1]


def test_an_ingest_through_the_real_index_puts_its_letters_in_postgresql(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PRECEDENT_DATABASE_URL", pg_url)
    settings = Settings.from_env()
    assert settings.database_url == pg_url
    folder = tmp_path / "letters"
    write_letter(folder, "a.md", "FOI-PG-1", TASER)
    write_letter(folder, "b.md", "FOI-PG-2", DOGS)
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    report = index.ingest_paths([folder])
    assert report.letters == 2 and report.exit_code == 0
    assert index.search("How many police dogs?", k=1)[0].reference == "FOI-PG-2"
    assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
    index.close()

    assert not (settings.index_dir / STORE_FILE).exists()  # the embedded SQLite store was never made
    seen = Store("unused", database_url=pg_url)
    assert [letter.reference for letter in seen.letters()] == [
        "FOI-PG-1",
        "FOI-PG-2",
    ] and seen.chunk_count() == 2
    seen.close()
    # another instance (the same Chroma, the same database) opens the index as it is
    again = PrecedentIndex.open(Settings.from_env(), embedding_function=FakeEmbeddingFunction())
    assert again.stats()["letters"] == 2 and not again.dirty
    assert again.ingest_paths([folder]).unchanged == 2
    again.close()


def test_the_index_opens_the_database_its_settings_name(pg_url, tmp_path, monkeypatch):
    """Settings.database_url, not only the environment variable: a Settings made with a URL (PRECEDENT_DATABASE_URL
    unset) puts the ingested letters in that database."""
    monkeypatch.delenv("PRECEDENT_DATABASE_URL", raising=False)
    settings = replace(Settings.from_env(), database_url=pg_url)
    folder = tmp_path / "letters"
    write_letter(folder, "a.md", "FOI-PG-1", TASER)
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    assert index.ingest_paths([folder]).letters == 1
    index.close()

    assert not (settings.index_dir / STORE_FILE).exists()  # not the embedded SQLite store
    seen = Store("unused", database_url=pg_url)
    assert [letter.reference for letter in seen.letters()] == ["FOI-PG-1"]
    seen.close()


def _unreachable() -> str:
    return f"postgresql+psycopg://precedent:s3cret@127.0.0.1:{free_port()}/precedent"


def test_an_unreachable_database_is_one_clear_error_and_creates_nothing(tmp_path, monkeypatch, capsys):
    url = _unreachable()
    for build in (
        lambda: AuditLog(tmp_path / "a.sqlite3", database_url=url),
        lambda: ReviewStore(tmp_path / "c.sqlite3", database_url=url),
    ):
        with pytest.raises(PrecedentError, match="Cannot connect to the database") as caught:
            build()
        message = str(caught.value)
        assert "127.0.0.1" in message and "s3cret" not in message and "PRECEDENT_DATABASE_URL" in message
        assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no chained traceback
    with pytest.raises(IndexError_, match="Cannot connect to the database for the index store"):
        Store(tmp_path / "s.sqlite3", database_url=url)
    assert list(tmp_path.iterdir()) == []  # no SQLite file made instead

    # the CLI: one line, a non-zero exit, no traceback, no index folder half made
    from foi_precedent import cli
    from foi_precedent.services import Services

    monkeypatch.setenv("PRECEDENT_DATABASE_URL", url)
    monkeypatch.setattr(cli, "_services", lambda: Services(embedding_function=FakeEmbeddingFunction()))
    assert cli.main(["history", "FOI-1"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("precedent: error: Cannot connect to the database") and err.count("\n") == 1
    assert "Traceback" not in err and "s3cret" not in err
    settings = Settings.from_env()
    assert not (settings.index_dir / STORE_FILE).exists() and not settings.chroma_dir.exists()


def test_a_url_that_is_not_a_database_is_a_clear_error(tmp_path):
    with pytest.raises(PrecedentError, match="not a database URL"):
        AuditLog(tmp_path / "a", database_url="not a url")
    with pytest.raises(PrecedentError, match="not supported"):
        AuditLog(tmp_path / "a", database_url="mysql://u@127.0.0.1/db")
