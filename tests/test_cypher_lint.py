"""Every Cypher string Neo4j will see, checked by Neo4j's own linter.

The linter is @neo4j-cypher/language-support, run by tools/cypher-lint/lint.mjs.

The linter knows the graph model (labels, relationship types, property keys)
and each query's declared parameters: zero diagnostics allowed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graphbuild import export
from graphbuild.queries import parse_header
from graphbuild.relations import RELATIONS
from graphbuild.store import neo4j as neo4j_store
from graphbuild.store.ladybug import COLUMNS

REPO = Path(__file__).resolve().parents[1]
LINT = REPO / "tools" / "cypher-lint"
LADYBUG_ONLY = ".ladybug.cypher"


def graph_model() -> dict:
    pattern = [{"from": "Statement", "to": "Actor", "relType": "SUBJECT"},
               {"from": "Statement", "to": "Actor", "relType": "OBJECT"},
               {"from": "Statement", "to": "Article", "relType": "IN"}]
    pattern += [{"from": "Actor", "to": "Actor", "relType": name} for name in RELATIONS]
    keys = set().union(*(COLUMNS[t] for t in ("Actor", "Article", "Statement", "AID")))
    return {
        "labels": ["Actor", "Article", "Statement"],
        "relationshipTypes": sorted({*RELATIONS, "SUBJECT", "OBJECT", "IN"}),
        # _new: the flag Neo4jStore sets ON CREATE and removes in the same statement
        "propertyKeys": sorted(keys | {"_new"}),
        "graphSchema": pattern,
    }


def lint(queries: list[dict], tmp_path: Path) -> dict[str, list[dict]]:
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("Neo4j's Cypher linter is not installed; "
                    "run: npm ci --prefix tools/cypher-lint")
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH; install Node.js, "
                    "then run: npm ci --prefix tools/cypher-lint")
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(graph_model()))
    done = subprocess.run([node, str(LINT / "lint.mjs"), "--schema", str(schema)],
                          input=json.dumps(queries), capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode in (0, 1), done.stderr
    report = {entry["name"]: entry["diagnostics"] for entry in json.loads(done.stdout)}
    assert set(report) == {q["name"] for q in queries}
    assert (done.returncode == 1) == any(report.values())
    assert "path.ladybug.cypher" not in report
    return report


def shipped_queries() -> list[dict]:
    found = []
    for file in sorted((REPO / "cypher").glob("*.cypher")):
        if file.name.endswith(LADYBUG_ONLY):
            continue
        text = file.read_text(encoding="utf-8")
        params = list(parse_header(text)[1])
        found.append({"name": file.name, "query": text, "parameters": params})
    return found


def store_statements() -> list[dict]:
    found = [{"name": f"Neo4jStore.{name}", "query": cypher, "parameters": params}
             for name, cypher, params in neo4j_store.statements()]
    found += [{"name": f"export.{name}", "query": cypher, "parameters": []}
              for name, cypher in export.QUERIES.items()]
    return found


def must_fail() -> list[dict]:
    """Queries Neo4j would reject or warn about: proof the linter is really checking."""
    ladybug_path = (REPO / "cypher" / "path.ladybug.cypher").read_text(encoding="utf-8")
    return [
        {"name": "bad:ladybug_function", "query": "MATCH (a:Actor) RETURN label(a) AS l",
         "parameters": []},
        {"name": "bad:unknown_type", "query": "MATCH (a:Actor)-[:HUGS]->(b:Actor) RETURN b",
         "parameters": []},
        {"name": "bad:undeclared_param", "query": "MATCH (a:Actor {id: $who}) RETURN a",
         "parameters": []},
        {"name": "bad:ladybug_path", "query": ladybug_path, "parameters": ["a", "b"]},
    ]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    # one node process for everything: loading Neo4j's front end is the slow part
    queries = shipped_queries() + store_statements() + must_fail()
    return lint(queries, tmp_path_factory.mktemp("lint"))


def test_shipped_queries_and_store_statements_are_clean(report: dict[str, list[dict]]) -> None:
    checked = [name for name in report if not name.startswith("bad:")]
    assert len(checked) >= 8 + len(RELATIONS)
    assert {"allies.cypher", "schema.cypher", "Neo4jStore.statements_merge_AID",
            "export.export_statements"} <= set(checked)
    problems = {name: report[name] for name in checked if report[name]}
    assert problems == {}


def test_linter_catches_what_neo4j_would_reject(report: dict[str, list[dict]]) -> None:
    assert "label" in report["bad:ladybug_function"][0]["message"]
    assert "HUGS" in report["bad:unknown_type"][0]["message"]
    assert "$who" in report["bad:undeclared_param"][0]["message"]
    assert report["bad:ladybug_path"], "LadybugDB's SHORTEST syntax is not Neo4j Cypher"
