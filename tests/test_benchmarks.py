"""The benchmark suite: deterministic data, a faithful bulk state, and a --quick
run that completes and reports. Timings are never asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import corpus, generate_articles, generate_triples, write_jsonl
from benchmarks.state import build_state
from graphbuild import pipeline
from graphbuild.records import triple_from_json
from graphbuild.relations import RELATIONS
from graphbuild.store import open_store

REPO = Path(__file__).resolve().parents[1]


def test_corpus_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(generate_articles(20), first)
    write_jsonl(generate_articles(20), second)
    assert first.read_bytes() == second.read_bytes()
    # article i does not depend on how many are generated: states nest
    assert list(generate_articles(3, start=17)) == list(generate_articles(20))[17:]
    assert list(generate_triples(5)) == list(generate_triples(5))


def test_articles_are_the_seed_text_with_actors_swapped() -> None:
    source = corpus()
    articles = list(generate_articles(30))
    assert len({a["id"] for a in articles}) == 30
    assert len({a["text"] for a in articles}) == 30
    seed_words = {w for p in source.paragraphs for w in p.text.split()}
    for article in articles:
        assert article["text"].strip() and article["published"][:2] == "20"
        # the English is the seed's: most words are unchanged (swapped names can be long:
        # "Abdel Fattah al-Burhan" for "Assad")
        words = article["text"].split()
        assert sum(w in seed_words for w in words) > 0.7 * len(words)
    # Iran leads the seed article; most generated articles name someone else
    assert sum(not a["text"].startswith("Iran ") for a in articles) > 15
    names = {a.name for a in source.gazetteer}
    swapped = {a["text"].split(" has initiated")[0] for a in articles
               if " has initiated a direct" in a["text"]}
    assert swapped and swapped <= names


def test_generated_triples_are_valid_records() -> None:
    records = list(generate_triples(40))
    assert 5 * 40 <= len(records) <= 20 * 40
    for record in records:
        triple = triple_from_json(record)
        assert triple.relation in RELATIONS
        assert triple.subject.id != triple.object.id
    assert any(not r["subject_curated"] for r in records)  # NER-only actors appear too


def test_bulk_state_equals_what_graphbuild_load_builds(tmp_path: Path) -> None:
    bulk, loaded = tmp_path / "bulk.lbug", tmp_path / "loaded.lbug"
    statements = build_state(bulk, 60)
    lines = [json.dumps(r) for r in generate_triples(60)]
    with open_store(str(loaded)) as store:
        summary = pipeline.load(lines, store, corpus().gazetteer)
    assert statements == summary.statements
    statement_rows = (
        "MATCH (s:Statement)-[:SUBJECT]->(x:Actor), (s)-[:OBJECT]->(y:Actor), "
        "(s)-[:`IN`]->(r:Article) RETURN s.*, x.id, y.id, r.* ORDER BY s.id"
    )
    with open_store(str(bulk), read_only=True) as a, open_store(str(loaded), read_only=True) as b:
        assert a.stats() == b.stats()
        assert a.actors() == b.actors()
        assert a.actor_edges() == b.actor_edges()
        assert a.query(statement_rows) == b.query(statement_rows)


def test_bulk_state_rebuilt_in_the_same_place_replaces_the_old_one(tmp_path: Path) -> None:
    # a benchmark rerun with the same --workdir finds last run's state (and its log) there
    state = tmp_path / "state.lbug"
    first = build_state(state, 30)
    with open_store(str(state), read_only=True) as store:
        before = store.stats()
    (tmp_path / "state.lbug.wal").write_bytes(b"left over from a crashed run")
    assert build_state(state, 30) == first
    assert not (tmp_path / "state.lbug.wal").exists()
    with open_store(str(state), read_only=True) as store:
        assert store.stats() == before


def test_quick_benchmark_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GRAPHBUILD_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())
    t = results["throughput"]
    for key in ("bare_spacy_words_per_s", "extract_words_per_s", "ingest_words_per_s",
                "jobs2_words_per_s"):
        assert t[key] > 0
    assert t["extract_ratio"] == pytest.approx(t["extract_words_per_s"]
                                               / t["bare_spacy_words_per_s"])
    assert [s["articles"] for s in results["states"]] == [1000, 2000]
    for state in results["states"]:
        # the state really holds what it claims: ~12.5 statements per article
        assert 5 * state["articles"] <= state["statements"] <= 20 * state["articles"]
        assert state["ingest_peak_rss_mb"] > 50 and state["load_statements_per_s"] > 0
    shipped = {q["name"] for q in results["queries"]}
    assert {"allies", "adversaries", "path", "evidence"} <= shipped
    assert all(q["median_ms"] > 0 for q in results["queries"])
    assert len(results["targets"]) == 7
    assert all(isinstance(r["met"], bool) for r in results["targets"])
    markdown = (tmp_path / "results.md").read_text()
    assert "| extract --jobs 1 |" in markdown and "| allies |" in markdown
    assert markdown.count("\n| 1,000 |") + markdown.count("\n| 2,000 |") == 2
    assert (tmp_path / "results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
