"""Crash safety with real processes: SIGKILL at random points, Ctrl-C, old databases.

A killed ingest leaves every article whole or absent; re-running it yields the
same graph, property for property, as one clean run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from graphbuild.store import open_store
from graphbuild.store.ladybug import SCHEMA_VERSION, ctrl_c_held

GRAPHBUILD = [sys.executable, "-m", "graphbuild"]
ACTORS = ["Iran", "Israel", "Hezbollah", "Hamas", "Saudi Arabia", "Turkey", "Syria", "Egypt",
          "Qatar", "the United States", "Russia", "Iraq", "Jordan", "the Houthis"]
VERBS = ["attacked", "supported", "condemned", "met with", "sanctioned", "praised",
         "threatened", "accused", "signed an agreement with", "sent aid to"]
ARTICLES = 1500  # enough that ingest, writing in batches, is still running when killed
KILLS = 4  # kill points per test run, quoted in the README's Guarantees


def corpus(path: Path, count: int = ARTICLES, seed: int = 9) -> Path:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            sentences = []
            for _ in range(3):
                a, b = rng.sample(ACTORS, 2)
                sentences.append(f"{a} {rng.choice(VERBS)} {b} on Monday.")
            out.write(json.dumps({
                "id": f"a{i:04d}", "title": f"Story {i}", "published": f"2024-{1 + i % 12:02d}-10",
                "text": " ".join(sentences),
            }) + "\n")
    return path


def ingest(db: Path, source: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*GRAPHBUILD, "ingest", str(source), "--db", str(db), "-q", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def canonical_dump(db: Path) -> dict[str, Any]:
    """Everything a user can see of a graph, sorted: actors, typed edges with their
    properties, statements with all their properties and links, articles."""
    with open_store(str(db), read_only=True) as store:
        return {
            "actors": sorted(store.actors(), key=lambda a: a["id"]),
            "edges": sorted(store.actor_edges(),
                            key=lambda e: (e["source"], e["relation"], e["target"])),
            "statements": store.query(
                "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), "
                "(s)-[:`IN`]->(r:Article) RETURN s.id AS id, s.relation AS relation, "
                "s.predicate AS predicate, s.sentence AS sentence, "
                "s.sentence_index AS sentence_index, s.start AS start, s.`end` AS stop, "
                "s.negated AS negated, s.hedged AS hedged, s.historical AS historical, "
                "s.score AS score, s.confidence AS confidence, s.evidence AS evidence, "
                "a.id AS subject, b.id AS object, r.id AS article ORDER BY id"),
            "articles": store.query(
                "MATCH (r:Article) RETURN r.id AS id, r.title AS title, "
                "r.published AS published, r.url AS url, r.source AS source ORDER BY id"),
        }


def articles_in(db: Path) -> int:
    with open_store(str(db), read_only=True) as store:
        return store.stats()["articles"]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("crash")
    source = corpus(folder / "corpus.jsonl")
    db = folder / "clean.lbug"
    process = ingest(db, source)
    _out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    dump = canonical_dump(db)
    assert len(dump["articles"]) == ARTICLES and len(dump["statements"]) > ARTICLES
    return source, dump


def wait_for_first_article(db: Path, process: subprocess.Popen[str], timeout: float = 300
                           ) -> None:
    """Until the ingest has written something (model loading takes a while)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and Path(f"{db}.wal").exists():
            try:
                if articles_in(db) > 0:
                    return
            except Exception:  # the writer holds the file; a read may still be refused
                pass
        time.sleep(0.2)


def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(
    clean: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    source, expected = clean
    db = tmp_path / "killed.lbug"
    rng = random.Random(20240501)
    survived = 0
    for _ in range(KILLS):
        process = ingest(db, source)
        wait_for_first_article(db, process)
        time.sleep(rng.uniform(0.0, 1.5))  # somewhere in the middle of writing
        if process.poll() is not None:
            break  # finished before the kill: nothing left to interrupt
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        survived += 1
        # after each kill the database opens and holds only whole articles
        partial = canonical_dump(db)
        got = {s["id"] for s in partial["statements"]}
        want_by_article: dict[str, set[str]] = {}
        for statement in expected["statements"]:
            want_by_article.setdefault(statement["article"], set()).add(statement["id"])
        for article in partial["articles"]:
            assert want_by_article.get(article["id"], set()) <= got, article["id"]
        assert {s["article"] for s in partial["statements"]} <= {
            a["id"] for a in partial["articles"]}
    assert survived >= 2, "the ingest finished before it could be killed twice"
    process = ingest(db, source)
    _out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert "already present" in err
    assert canonical_dump(db) == expected


def test_sigint_stops_after_the_current_article_with_a_summary(
    clean: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    source, expected = clean
    db = tmp_path / "interrupted.lbug"
    process = ingest(db, source)
    wait_for_first_article(db, process)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert "new articles" in err and "Interrupted" in err
    stored = int(err.split("Ingested ")[1].split(" new")[0])
    partial = canonical_dump(db)
    assert len(partial["articles"]) == stored < ARTICLES
    # the articles written are whole: exactly the clean run's statements for them
    ids = {a["id"] for a in partial["articles"]}
    assert partial["statements"] == [s for s in expected["statements"] if s["article"] in ids]


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_with_worker_processes_ends_cleanly(tmp_path: Path, presses: int) -> None:
    """Ctrl-C in a terminal reaches the spaCy workers too (one process group)."""
    source = corpus(tmp_path / "many.jsonl", count=1500, seed=presses)
    db = tmp_path / "jobs.lbug"
    process = subprocess.Popen(
        [*GRAPHBUILD, "ingest", str(source), "--db", str(db), "-q", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        wait_for_first_article(db, process)
        for _ in range(presses):
            os.killpg(process.pid, signal.SIGINT)
            time.sleep(0.3)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "Interrupted" in err
    assert 0 < articles_in(db) < 1500


def test_ctrl_c_during_a_database_call_is_taken_after_the_call() -> None:
    """A KeyboardInterrupt raised inside the LadybugDB driver's own wrapper left the
    connection counting a call in flight, and close() then waited forever (one ingest
    in ~15 double Ctrl-Cs hung): the signal is held until the call is over."""
    done = []
    with pytest.raises(KeyboardInterrupt):
        with ctrl_c_held():
            os.kill(os.getpid(), signal.SIGINT)  # arrives while the call runs
            time.sleep(0.05)  # Python would run the handler here
            done.append("call over")
    assert done == ["call over"]
    # an ingest's own handler (the first Ctrl-C only sets its stop flag) still gets it
    presses = []
    previous = signal.signal(signal.SIGINT, lambda *_: presses.append(1))
    try:
        with ctrl_c_held():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            assert presses == []
        assert presses == [1]
        # two presses during one call are two presses after it (the second one stops hard)
        with ctrl_c_held():
            for _ in range(2):
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.05)
        assert presses == [1, 1, 1]
    finally:
        signal.signal(signal.SIGINT, previous)


def test_database_from_another_graphbuild_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "old.lbug"
    with open_store(str(db)) as store:
        store.query("MATCH (m:Meta {key: 'schema_version'}) SET m.value = '0'")
    for command in (["stats"], ["ingest", str(corpus(tmp_path / "c.jsonl", count=1))]):
        result = subprocess.run([*GRAPHBUILD, *command, "--db", str(db)],
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 6
        assert result.stderr.strip().splitlines() == [
            f"Error: database {db} has schema version 0, this graphbuild reads version "
            f"{SCHEMA_VERSION}; "
            "rebuild it into a new --db with `graphbuild ingest`"
        ]
    with open_store(str(tmp_path / "n.lbug")) as store:
        store.query("MATCH (m:Meta {key: 'schema_version'}) SET m.value = '7'")
    result = subprocess.run([*GRAPHBUILD, "stats", "--db", str(tmp_path / "n.lbug")],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 6 and "upgrade graphbuild" in result.stderr


def test_sigkill_during_a_bulk_load_then_rerun_equals_a_clean_load(tmp_path: Path) -> None:
    """`load` writes large batches with COPY FROM inside one transaction: a kill
    anywhere (reading, copying, the checkpoint at commit) leaves whole articles."""
    from benchmarks.corpus import generate_triples, write_jsonl
    from graphbuild.store.ladybug import COPY_MIN_STATEMENTS

    triples = tmp_path / "triples.jsonl"
    statements = write_jsonl(generate_triples(2500, start=500_000), triples)
    assert statements >= COPY_MIN_STATEMENTS  # one batch, written with COPY FROM

    def load(db: Path) -> subprocess.Popen[str]:
        return subprocess.Popen([*GRAPHBUILD, "load", str(triples), "--db", str(db), "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    clean_db = tmp_path / "clean.lbug"
    started = time.monotonic()
    _out, err = load(clean_db).communicate(timeout=600)
    took = time.monotonic() - started
    assert "Loaded 2500 new articles" in err
    expected = canonical_dump(clean_db)

    db = tmp_path / "killed.lbug"
    rng = random.Random(7)
    for _ in range(2):
        process = load(db)
        time.sleep(rng.uniform(0.3, 0.9) * took)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        if not db.exists():
            continue  # killed before it opened the database
        partial = canonical_dump(db)
        ids = {a["id"] for a in partial["articles"]}
        assert len(ids) in (0, 2500)  # one batch: all of it or none of it
        assert partial["statements"] == [s for s in expected["statements"]
                                         if s["article"] in ids]
    _out, err = load(db).communicate(timeout=600)
    assert canonical_dump(db) == expected
