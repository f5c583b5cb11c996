"""The `graphbuild` command end to end, as a user runs it: real model, real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from tests.conftest import SEED_ARTICLE


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def stats_of(db: Path) -> dict[str, int]:
    result = run("stats", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def canonical_dump(db: Path) -> dict:
    """Everything a user could see of a graph, sorted: nodes, edges, properties."""
    from graphbuild.store import open_store

    with open_store(str(db), read_only=True) as store:
        actors = sorted(store.actors(), key=lambda a: a["id"])
        edges = sorted(store.actor_edges(),
                       key=lambda e: (e["source"], e["relation"], e["target"]))
        statements = store.query(
            "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), "
            "(s)-[:`IN`]->(r:Article) RETURN s.id AS id, s.relation AS relation, "
            "s.sentence AS sentence, s.start AS start, s.negated AS negated, "
            "s.hedged AS hedged, a.id AS subject, b.id AS object, r.id AS article "
            "ORDER BY id"
        )
    return {"actors": actors, "edges": edges, "statements": statements}


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeded") / "graph.lbug"
    result = run("ingest", str(SEED_ARTICLE), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    assert "1 new articles" in result.stderr
    return db


def test_ingest_builds_iran_to_hezbollah_aid(seeded_db: Path) -> None:
    result = run("query", "MATCH (a:Actor)-[:AID]->(b:Actor) RETURN a.name, b.name",
                 "--db", str(seeded_db), "--format", "json")
    assert result.exit_code == 0, result.output
    pairs = {(r["a.name"], r["b.name"]) for r in json.loads(result.stdout)}
    assert ("Iran", "Hezbollah") in pairs


def test_reingest_changes_no_count(seeded_db: Path) -> None:
    before = stats_of(seeded_db)
    assert before["articles"] == 1 and before["statements"] > 5
    result = run("ingest", str(SEED_ARTICLE), "--db", str(seeded_db), "--quiet")
    assert result.exit_code == 0
    assert "0 new articles (1 already present" in result.stderr
    assert stats_of(seeded_db) == before


def test_shipped_allies_query_answers(seeded_db: Path) -> None:
    result = run("query", "--file", "cypher/allies.cypher", "--param", "actor=iran",
                 "--db", str(seeded_db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows, "Iran has allies in the seed article"
    names = json.dumps(rows)
    assert "Hezbollah" in names


def test_query_formats_and_csv_formula_guard(seeded_db: Path) -> None:
    csv_out = run("query", "RETURN '=1+1' AS cell, 2 AS n", "--db", str(seeded_db),
                  "--format", "csv")
    assert csv_out.exit_code == 0, csv_out.output
    assert csv_out.stdout.splitlines()[1].startswith("'=1+1")
    table = run("query", "MATCH (a:Actor) RETURN a.id ORDER BY a.id LIMIT 3",
                "--db", str(seeded_db))
    assert "(3 rows)" in table.stdout


def test_bad_cypher_is_one_line_error(seeded_db: Path) -> None:
    result = run("query", "MATCH (a:Actor RETURN a", "--db", str(seeded_db))
    assert result.exit_code == 8
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_missing_database_is_one_line_error(tmp_path: Path) -> None:
    result = run("stats", "--db", str(tmp_path / "nothing.lbug"))
    assert result.exit_code == 6
    assert "no database" in result.stderr and result.stderr.count("\n") == 1


def test_missing_query_file_names_the_choices(seeded_db: Path) -> None:
    result = run("query", "--file", "no_such_query", "--db", str(seeded_db))
    assert result.exit_code == 8 and "allies" in result.stderr


def test_extract_writes_formats_md_records() -> None:
    result = run("extract", str(SEED_ARTICLE))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for record in records:
        sentence = record["sentence"]
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
        for key in ("article", "subject", "relation", "predicate", "object", "score",
                    "negated", "hedged", "confidence"):
            assert key in record
        assert {"id", "name", "kind", "country", "text"} <= set(record["subject"])


def test_extract_then_load_equals_ingest(seeded_db: Path, tmp_path: Path) -> None:
    triples = tmp_path / "triples.jsonl"
    assert run("extract", str(SEED_ARTICLE), "-o", str(triples)).exit_code == 0
    loaded = tmp_path / "loaded.lbug"
    result = run("load", str(triples), "--db", str(loaded), "--quiet")
    assert result.exit_code == 0, result.output
    assert canonical_dump(loaded) == canonical_dump(seeded_db)


def test_load_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    good = run("extract", str(SEED_ARTICLE)).stdout.splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([good[0], "{not json", *good[1:]]) + "\n", encoding="utf-8")
    result = run("load", str(mixed), "--db", str(tmp_path / "g.lbug"), "--quiet")
    assert result.exit_code == 0
    assert f"{mixed}:2:" in result.stderr
    assert stats_of(tmp_path / "g.lbug")["statements"] == len(good)


def test_load_reads_what_pythons_json_writes(tmp_path: Path) -> None:
    """Another tool's records carry an extra field json.dumps wrote as NaN (not
    strict JSON): they load like the others, not as bad lines."""
    good = run("extract", str(SEED_ARTICLE)).stdout.splitlines()
    records = [json.loads(line) for line in good]
    for record in records:
        record["calibrated_probability"] = float("nan")
    lenient = tmp_path / "lenient.jsonl"
    lenient.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert "NaN" in lenient.read_text(encoding="utf-8")
    result = run("load", str(lenient), "--db", str(tmp_path / "g.lbug"), "--quiet")
    assert result.exit_code == 0, result.output
    assert "not a triple record" not in result.stderr
    assert stats_of(tmp_path / "g.lbug")["statements"] == len(good)


def test_ingest_skips_bad_files_and_keeps_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("Iran attacked Israel with drones on Monday.\n")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    db = tmp_path / "g.lbug"
    result = run("ingest", str(folder), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    assert "1 new articles" in result.stderr and "2 failed" in result.stderr
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr


def test_ingest_of_nothing_readable_fails(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "g.lbug"))
    assert result.exit_code == 3
    assert "missing.txt" in result.stderr and "Traceback" not in result.output


def test_ingest_jsonl_from_stdin(tmp_path: Path) -> None:
    line = json.dumps({"id": "n1", "title": "T", "published": "2024-05-01",
                       "text": "Hezbollah fired rockets at Israel."})
    db = tmp_path / "g.lbug"
    result = run("ingest", "-", "--db", str(db), "--quiet", input=line + "\n")
    assert result.exit_code == 0, result.output
    rows = run("query", "MATCH (r:Article) RETURN r.id, r.published", "--db", str(db),
               "--format", "json")
    assert json.loads(rows.stdout) == [{"r.id": "n1", "r.published": "2024-05-01"}]


def test_actors_search_is_fuzzy() -> None:
    result = run("actors", "hizbolah", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "hezbollah"
