"""Extraction on a real Dask LocalCluster (2 worker processes): shards, graph, errors."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from graphbuild import pipeline
from graphbuild.cluster import (
    ClusterSummary,
    extract_on_cluster,
    iter_shard_lines,
    load_shards,
    shard_files,
)
from graphbuild.errors import ClusterError, TriplesError
from graphbuild.store import open_store
from tests.conftest import REPO, SEED_ARTICLE

distributed = pytest.importorskip(
    "distributed", reason="Dask is not installed: pip install 'graphbuild[cluster]'"
)


NEWS = REPO / "tests" / "data" / "articles" / "news"
WIRE = [
    {"id": "w-1", "published": "2024-03-01",
     "text": "Iran sent weapons to Hezbollah, Israeli officials said on Friday."},
    {"id": "w-2", "text": "Saudi Arabia and the United Arab Emirates agreed to cooperate "
                          "on maritime security."},
    {"id": "w-3", "text": "The weather in Amman was mild."},
    {"id": "w-4", "text": "Israel struck Hamas positions in Gaza, and Egypt condemned the strikes."},
    {"id": "w-1", "text": "Another text under an id already read."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    wire = tmp_path_factory.mktemp("corpus") / "wire.jsonl"
    lines = [json.dumps(a) for a in WIRE]
    lines.insert(2, "{not json")
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(SEED_ARTICLE), str(NEWS), str(wire)]


@pytest.fixture(scope="module")
def cluster() -> Any:
    # offline: no dashboard, scheduler and workers on localhost
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0") as running:
        yield running


def extractor_loads(client: Any) -> dict[str, int]:
    return client.run(lambda: __import__("graphbuild.cluster", fromlist=["_"])._extractor_loads)


@pytest.fixture(scope="module")
def run(cluster: Any, corpus: list[str], tmp_path_factory: pytest.TempPathFactory
        ) -> tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]]:
    out = tmp_path_factory.mktemp("shards")
    seen: list[tuple[int, int]] = []
    with distributed.Client(cluster) as client:
        before = extractor_loads(client)
        summary = extract_on_cluster(
            corpus, out, scheduler=cluster.scheduler_address, shard_size=2,
            on_progress=lambda s: seen.append((s.articles, s.triples)),
        )
        after = extractor_loads(client)
    loads = {worker: after[worker] - before[worker] for worker in after}
    return summary, out, seen, loads


def graph_dump(db: Path) -> dict[str, Any]:
    """What a user sees of a graph, sorted: actors, typed edges, statements."""
    with open_store(str(db), read_only=True) as store:
        statements = store.query(
            "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), "
            "(s)-[:`IN`]->(r:Article) RETURN s.id AS id, s.relation AS relation, "
            "s.sentence AS sentence, s.start AS start, s.negated AS negated, "
            "s.hedged AS hedged, a.id AS subject, b.id AS object, r.id AS article, "
            "r.published AS published ORDER BY id"
        )
        return {
            "actors": sorted(store.actors(), key=lambda a: a["id"]),
            "edges": sorted(store.actor_edges(),
                            key=lambda e: (e["source"], e["relation"], e["target"])),
            "statements": statements,
        }


def test_cluster_shards_load_into_the_graph_ingest_builds(
    run: tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]],
    corpus: list[str], extractor: Any, tmp_path: Path,
) -> None:
    summary, out, _seen, _loads = run
    with open_store(str(tmp_path / "ingested.lbug")) as store:
        ingested = pipeline.ingest(corpus, store, extractor)
    with open_store(str(tmp_path / "loaded.lbug")) as store:
        loaded = load_shards(out, store, extractor.gazetteer)
    assert loaded.statements == ingested.statements > 0
    assert summary.articles == ingested.new  # every readable article went to a worker
    expected = graph_dump(tmp_path / "ingested.lbug")
    assert graph_dump(tmp_path / "loaded.lbug") == expected
    aid = {(e["source"], e["target"]) for e in expected["edges"] if e["relation"] == "AID"}
    assert ("iran", "hezbollah") in aid


def test_shards_in_order_are_exactly_what_extract_prints(
    run: tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]],
    corpus: list[str], extractor: Any,
) -> None:
    summary, out, _seen, _loads = run
    single = [json.dumps(t.to_json(), ensure_ascii=False) + "\n"
              for _article, triples in pipeline.extract(corpus, extractor) for t in triples]
    assert list(iter_shard_lines(out)) == single
    assert summary.triples == len(single)
    # two articles a shard, named by input order
    names = [p.name for p in shard_files(out)]
    assert names == [f"triples-{i:05d}.jsonl" for i in range((summary.articles + 1) // 2)]
    assert [p.name for p in summary.shards] == names


def test_progress_problems_and_one_model_load_per_worker(
    run: tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]],
) -> None:
    summary, _out, seen, loads = run
    assert len(seen) == len(summary.shards) > 2
    assert [a for a, _t in seen] == sorted({a for a, _t in seen})  # strictly growing
    assert seen[-1] == (summary.articles, summary.triples)
    assert any("wire.jsonl:3" in p and "malformed JSON" in p for p in summary.problems)
    assert any("'w-1'" in p for p in summary.problems)  # the second w-1 is skipped
    # more shards than workers, yet each worker loaded the model once
    assert sorted(loads.values()) == [1, 1]


def test_local_scheduler_rerun_replaces_the_old_shards(
    run: tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]],
    corpus: list[str], tmp_path: Path,
) -> None:
    first, first_out, _seen, _loads = run
    out = tmp_path / "out"
    shutil.copytree(first_out, out)
    summary = extract_on_cluster(corpus, out, scheduler="local", workers=2, shard_size=100)
    assert [p.name for p in shard_files(out)] == ["triples-00000.jsonl"]
    assert (summary.articles, summary.triples) == (first.articles, first.triples)
    assert list(iter_shard_lines(out)) == list(iter_shard_lines(first_out))


def test_unreachable_scheduler_is_one_clear_error(corpus: list[str], tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        extract_on_cluster(corpus, tmp_path, scheduler=f"tcp://127.0.0.1:{port}",
                           connect_timeout=2)


def test_loading_shards_names_the_bad_file_and_line(
    run: tuple[ClusterSummary, Path, list[tuple[int, int]], dict[str, int]],
    extractor: Any, tmp_path: Path,
) -> None:
    _summary, first_out, _seen, _loads = run
    with pytest.raises(TriplesError, match="no triples-NNNNN.jsonl shard files"):
        shard_files(tmp_path)
    out = tmp_path / "shards"
    shutil.copytree(first_out, out)
    damaged = out / "triples-00001.jsonl"
    damaged.write_text("{oops\n" + damaged.read_text(encoding="utf-8"), encoding="utf-8")
    with open_store(str(tmp_path / "g.lbug")) as store:
        loaded = load_shards(out, store, extractor.gazetteer)
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{damaged}:1: not a triple record")
    assert loaded.statements > 0


def test_worker_without_the_model_is_one_clear_error(
    cluster: Any, corpus: list[str], tmp_path: Path,
) -> None:
    with pytest.raises(ClusterError, match="could not load the extractor: spaCy model "
                                           "'en_core_web_not_installed' is not installed"):
        extract_on_cluster(corpus, tmp_path, scheduler=cluster.scheduler_address,
                           model="en_core_web_not_installed")
    assert not list(tmp_path.iterdir())
    with distributed.Client(cluster) as client:  # the failed setup left nothing behind
        plugins = client.run(lambda dask_worker: list(dask_worker.plugins))
    assert not [name for names in plugins.values() for name in names
                if name.startswith("graphbuild-")]
