"""Export a graph: GraphML of the actor network, or CSV files for `neo4j-admin database import`.

Both read through the Store protocol, so they work on LadybugDB and Neo4j alike.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError, StoreError
from graphbuild.relations import RELATIONS
from graphbuild.store.protocol import Store

# Cypher both backends accept (`IN` and `end` quoted for LadybugDB).
ARTICLES = (
    "MATCH (r:Article) RETURN r.id AS id, r.title AS title, r.published AS published, "
    "r.url AS url, r.source AS source ORDER BY id"
)
STATEMENTS = (
    "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), "
    "(s)-[:`IN`]->(r:Article) "
    "RETURN s.id AS id, s.relation AS relation, s.predicate AS predicate, "
    "s.sentence AS sentence, s.sentence_index AS sentence_index, s.start AS start, "
    "s.`end` AS stop, s.negated AS negated, s.hedged AS hedged, "
    "s.historical AS historical, s.score AS score, s.confidence AS confidence, "
    "s.evidence AS evidence, a.id AS subject, b.id AS object, r.id AS article ORDER BY id"
)
QUERIES = {"export_articles": ARTICLES, "export_statements": STATEMENTS}

ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter


def export_graphml(store: Store, path: str | os.PathLike[str]) -> dict[str, int]:
    """Actors and aggregated edges as GraphML (lists joined with ';'); returns the counts."""
    graph = nx.MultiDiGraph()
    for actor in store.actors():
        graph.add_node(actor["id"], **_graphml_attrs({
            "name": actor["name"], "kind": actor["kind"], "country": actor["country"],
            "aliases": ARRAY_DELIMITER.join(actor["aliases"]),
            "members": ARRAY_DELIMITER.join(actor.get("members") or []),
            "curated": bool(actor["curated"]),
        }))
    for edge in store.actor_edges():
        attrs = {k: edge[k] for k in ("relation", "mentions", "hedged_mentions", "score",
                                      "first_seen", "last_seen")}
        graph.add_edge(edge["source"], edge["target"], key=edge["relation"],
                       **_graphml_attrs(attrs))
    try:
        nx.write_graphml(graph, os.fspath(path))
    except OSError as error:
        raise GraphbuildError(f"cannot write {path}: {error.strerror or error}") from None
    return {"actors": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def _graphml_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    # GraphML has no null: a missing value is an absent attribute
    return {k: v for k, v in attrs.items() if v is not None}


def safe_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: quote them."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(
            safe_cell(str(v).replace(ARRAY_DELIMITER, ",")) for v in value
        )
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("int", "float"):
        return str(value)  # numbers, negative ones included, stay numbers
    return safe_cell(str(value))


def _write(folder: Path, name: str, header: list[str], rows: list[list[Any]]) -> int:
    """One CSV with a neo4j-admin header; `name:type` columns give each cell's type."""
    # "name:type" columns are typed; ":LABEL", ":START_ID(...)" and "x:ID(...)" are text
    kinds = [column.partition(":")[2] if column[:1] != ":" else "string" for column in header]
    try:
        with open(folder / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(v, k) for v, k in zip(row, kinds)])
    except OSError as error:
        raise GraphbuildError(f"cannot write {folder / name}: {error.strerror or error}") from None
    return len(rows)


def export_neo4j_admin(store: Store, folder: str | os.PathLike[str]) -> dict[str, int]:
    """CSV files for `neo4j-admin database import full` (see import.txt written beside them).

    actors.csv, articles.csv, statements.csv, and one relationship file per type:
    SUBJECT.csv, OBJECT.csv, IN.csv and <RELATION>.csv for each aggregated type
    present. Returns rows written per file. Text cells that start with = + - @
    get a leading ' so spreadsheets do not run them; ';' inside a list item
    becomes ',' since ';' separates the items.
    """
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphbuildError(f"cannot create {out}: {error.strerror or error}") from None
    written: dict[str, int] = {}
    actors = store.actors()
    written["actors.csv"] = _write(out, "actors.csv", [
        "id:ID(Actor)", "name", "kind", "country", "aliases:string[]", "members:string[]",
        "curated:boolean", ":LABEL",
    ], [[a["id"], a["name"], a["kind"], a["country"], a["aliases"], a.get("members") or [],
         a["curated"], "Actor"] for a in actors])
    articles = store.query(ARTICLES)
    written["articles.csv"] = _write(out, "articles.csv", [
        "id:ID(Article)", "title", "published", "url", "source", ":LABEL",
    ], [[r["id"], r["title"], r["published"], r["url"], r["source"], "Article"]
        for r in articles])
    statements = store.query(STATEMENTS)
    written["statements.csv"] = _write(out, "statements.csv", [
        "id:ID(Statement)", "relation", "predicate", "sentence", "sentence_index:int",
        "start:int", "end:int", "negated:boolean", "hedged:boolean", "historical:boolean",
        "score:float", "confidence:float", "evidence", ":LABEL",
    ], [[s["id"], s["relation"], s["predicate"], s["sentence"], s["sentence_index"],
         s["start"], s["stop"], s["negated"], s["hedged"], s["historical"], s["score"],
         s["confidence"], s["evidence"], "Statement"] for s in statements])
    for rel, target, end_group in (("SUBJECT", "subject", "Actor"),
                                   ("OBJECT", "object", "Actor"), ("IN", "article", "Article")):
        written[f"{rel}.csv"] = _write(
            out, f"{rel}.csv", [":START_ID(Statement)", f":END_ID({end_group})", ":TYPE"],
            [[s["id"], s[target], rel] for s in statements])
    by_type: dict[str, list[list[Any]]] = defaultdict(list)
    for edge in store.actor_edges():
        name = edge["relation"]
        if name not in RELATIONS:  # a file name and a type: vocabulary only
            raise StoreError(f"edge type {name!r} in the store is not in the vocabulary")
        by_type[name].append([edge["source"], edge["target"], edge["mentions"],
                              edge["hedged_mentions"], edge["score"], edge["first_seen"],
                              edge["last_seen"], name])
    for name, rows in sorted(by_type.items()):
        written[f"{name}.csv"] = _write(out, f"{name}.csv", [
            ":START_ID(Actor)", ":END_ID(Actor)", "mentions:int",
            "hedged_mentions:int", "score:float", "first_seen", "last_seen", ":TYPE",
        ], rows)
    _write_import_command(out, sorted(by_type))
    return written


def _write_import_command(folder: Path, relation_files: list[str]) -> None:
    rels = ["SUBJECT", "OBJECT", "IN", *relation_files]
    lines = [
        "# Load these files into an empty Neo4j 5 database (server stopped), e.g.:",
        "neo4j-admin database import full neo4j --overwrite-destination \\",
        f"  --array-delimiter='{ARRAY_DELIMITER}' \\",
        "  --nodes=actors.csv --nodes=articles.csv --nodes=statements.csv \\",
        *[f"  --relationships={name}.csv \\" for name in rels],
    ]
    lines[-1] = lines[-1].removesuffix(" \\")
    lines.append("# then create the constraints of cypher/schema.cypher "
                 "(graphbuild does it on first connect).")
    try:
        (folder / "import.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        raise GraphbuildError(f"cannot write {folder}/import.txt: {error}") from None
