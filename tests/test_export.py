"""Exports read back by other tools: GraphML by networkx, neo4j-admin CSV by the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.export import export_graphml, export_neo4j_admin
from graphbuild.records import Actor
from graphbuild.store import open_store
from tests.test_store import HEZBOLLAH, IRAN, ISRAEL, article, triple

FORMULA_TITLE = '=HYPERLINK("http://evil.example","click")'
AXIS = Actor("axis-of-resistance", "Axis of Resistance", "COALITION",
             members=("iran", "hezbollah"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    opened = open_store(str(tmp_path_factory.mktemp("export") / "graph.lbug"))
    opened.add_actors([AXIS])
    first, second = article("a1", "2024-01-02", title=FORMULA_TITLE), article("a2", None)
    opened.add_article(first, [
        triple(first, IRAN, "AID", HEZBOLLAH, 0), triple(first, IRAN, "AID", HEZBOLLAH, 1),
        triple(first, ISRAEL, "ASSAULT", HEZBOLLAH, 2, sentence="-5 dead; +3 hurt @ border"),
        triple(first, HEZBOLLAH, "MEMBER_OF", AXIS, 3),
    ])
    opened.add_article(second, [triple(second, ISRAEL, "ASSAULT", IRAN, 0, negated=True),
                                triple(second, IRAN, "THREATEN", ISRAEL, 1, hedged=True)])
    yield opened
    opened.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_graphml_reads_back_with_the_same_graph(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "graph.graphml"
    counts = export_graphml(store, path)
    stats = store.stats()
    assert counts == {"actors": stats["actors"], "edges": stats["edges"]}
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.number_of_nodes() == stats["actors"] == 4
    assert graph.number_of_edges() == stats["edges"] == 4
    assert graph.nodes["iran"]["name"] == "Iran"
    assert graph.nodes["iran"]["aliases"] == "Iran;Tehran"
    assert graph.nodes["axis-of-resistance"]["members"] == "iran;hezbollah"
    aid = graph.get_edge_data("iran", "hezbollah")["AID"]
    assert (aid["mentions"], aid["score"], aid["first_seen"]) == (2, 20.0, "2024-01-02")
    threat = graph.get_edge_data("iran", "israel")["THREATEN"]
    assert threat["hedged_mentions"] == 1 and "first_seen" not in threat  # undated article
    assert graph.get_edge_data("israel", "iran") is None  # negated: never aggregated


def test_neo4j_admin_files_and_headers(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = export_neo4j_admin(store, tmp_path / "import")
    folder = tmp_path / "import"
    assert written == {"actors.csv": 4, "articles.csv": 2, "statements.csv": 6,
                       "SUBJECT.csv": 6, "OBJECT.csv": 6, "IN.csv": 6, "AID.csv": 1,
                       "ASSAULT.csv": 1, "MEMBER_OF.csv": 1, "THREATEN.csv": 1}
    actors = read_csv(folder / "actors.csv")
    assert list(actors[0]) == ["id:ID(Actor)", "name", "kind", "country", "aliases:string[]",
                               "members:string[]", "curated:boolean", ":LABEL"]
    assert {a[":LABEL"] for a in actors} == {"Actor"}
    aid = read_csv(folder / "AID.csv")
    assert list(aid[0]) == [":START_ID(Actor)", ":END_ID(Actor)", "mentions:int",
                            "hedged_mentions:int", "score:float", "first_seen", "last_seen",
                            ":TYPE"]
    assert (aid[0][":START_ID(Actor)"], aid[0]["mentions:int"], aid[0][":TYPE"]) == (
        "iran", "2", "AID")
    assert read_csv(folder / "ASSAULT.csv")[0]["score:float"] == "-9.0"  # a number stays one
    assert list(read_csv(folder / "IN.csv")[0]) == [
        ":START_ID(Statement)", ":END_ID(Article)", ":TYPE"]
    command = (folder / "import.txt").read_text()
    assert "--relationships=THREATEN.csv" in command and "--nodes=statements.csv" in command


def test_neo4j_admin_relationships_point_at_exported_nodes(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_neo4j_admin(store, tmp_path)
    ids = {group: {row[f"id:ID({group})"] for row in read_csv(tmp_path / f"{name}.csv")}
           for group, name in (("Actor", "actors"), ("Article", "articles"),
                               ("Statement", "statements"))}
    for name in ("SUBJECT", "OBJECT", "IN", "AID", "ASSAULT", "MEMBER_OF", "THREATEN"):
        for row in read_csv(tmp_path / f"{name}.csv"):
            (start_col, start), (end_col, end) = list(row.items())[:2]
            assert start in ids[start_col.split("(")[1].rstrip(")")], (name, start)
            assert end in ids[end_col.split("(")[1].rstrip(")")], (name, end)


def test_neo4j_admin_neutralises_formula_cells(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_neo4j_admin(store, tmp_path)
    titles = {r["id:ID(Article)"]: r["title"] for r in read_csv(tmp_path / "articles.csv")}
    assert titles["a1"] == "'" + FORMULA_TITLE
    sentences = {r["sentence"] for r in read_csv(tmp_path / "statements.csv")}
    assert "'-5 dead; +3 hurt @ border" in sentences
    for file in tmp_path.glob("*.csv"):
        with open(file, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert cell[:1] not in ("=", "+", "@"), (file.name, cell)
