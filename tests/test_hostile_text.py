"""Text written by adversaries: stored verbatim, never run as Cypher, never live in
a page, never a formula in a spreadsheet, never a file path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphbuild.cli import cli

CYPHER = "'}) MATCH (n) DETACH DELETE n // \"`x` $param {id: $id}"
HTML = "<img src=x onerror=alert(1)><script>alert('xss')</script>"
TITLE = f"Title {CYPHER} {HTML}"
URL = "javascript:alert(document.cookie)"
ACTOR_ID = "zorg'}) DETACH DELETE n //"
ACTOR_NAME = f"=HYPERLINK(\"http://evil\") `Zorg` {HTML}"
PATH_ID = "../../../../tmp/graphbuild-pwned"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def rows(db: Path, cypher: str, **params: str) -> list[dict]:  # type: ignore[type-arg]
    args = ["query", cypher, "--db", str(db), "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={json.dumps(value)}"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    gazetteer = folder / "zorg.json"
    gazetteer.write_text(json.dumps({"source": "test", "actors": [{
        "id": ACTOR_ID, "name": ACTOR_NAME, "kind": "ARMED_GROUP", "country": None,
        "aliases": ["Zorg Brigade"]}]}), encoding="utf-8")
    articles = folder / "hostile.jsonl"
    records = [
        {"id": "plain", "text": "Iran attacked Israel on Monday."},
        {"id": CYPHER, "title": TITLE, "url": URL, "source": HTML,
         "text": f"The Zorg Brigade attacked Israel on Monday. {CYPHER} {HTML}"},
        {"id": PATH_ID, "title": PATH_ID, "text": "Hamas fired rockets at Israel."},
    ]
    articles.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = folder / "g.lbug"
    result = run("ingest", str(articles), "--db", str(db), "--gazetteer", str(gazetteer), "-q")
    assert result.exit_code == 0, result.output
    assert "3 new articles" in result.stderr
    return db


def test_payloads_are_stored_verbatim_and_delete_nothing(hostile: Path) -> None:
    ids = [r["id"] for r in rows(hostile, "MATCH (r:Article) RETURN r.id AS id ORDER BY id")]
    assert sorted(ids) == sorted(["plain", CYPHER, PATH_ID])
    [article] = rows(hostile, "MATCH (r:Article {id: $id}) RETURN r.title AS title, "
                     "r.url AS url, r.source AS source", id=CYPHER)
    assert article == {"title": TITLE, "url": URL, "source": HTML}
    [zorg] = rows(hostile, "MATCH (a:Actor {id: $id}) RETURN a.name AS name", id=ACTOR_ID)
    assert zorg["name"] == ACTOR_NAME
    edges = rows(hostile, "MATCH (a:Actor)-[e:ASSAULT]->(b:Actor {id: 'israel'}) "
                 "RETURN a.id AS source ORDER BY source")
    assert {e["source"] for e in edges} == {"iran", ACTOR_ID, "hamas"}
    sentences = rows(hostile, "MATCH (s:Statement)-[:`IN`]->(r:Article {id: $id}) "
                     "RETURN s.sentence AS sentence", id=CYPHER)
    assert sentences == [{"sentence": "The Zorg Brigade attacked Israel on Monday."}]


def test_extract_then_load_keeps_payloads_verbatim(hostile: Path, tmp_path: Path) -> None:
    articles = hostile.parent / "hostile.jsonl"
    triples = tmp_path / "t.jsonl"
    gazetteer = str(hostile.parent / "zorg.json")
    assert run("extract", str(articles), "--gazetteer", gazetteer, "-o", str(triples)
               ).exit_code == 0
    db = tmp_path / "loaded.lbug"
    result = run("load", str(triples), "--db", str(db), "--gazetteer", gazetteer, "-q")
    assert result.exit_code == 0, result.output
    [zorg] = rows(db, "MATCH (a:Actor {id: $id}) RETURN a.name AS name", id=ACTOR_ID)
    assert zorg["name"] == ACTOR_NAME
    [article] = rows(db, "MATCH (r:Article {id: $id}) RETURN r.title AS t", id=CYPHER)
    assert article["t"] == TITLE


def test_csv_output_neutralises_formulas(hostile: Path) -> None:
    result = run("query", "MATCH (a:Actor {id: $id}) RETURN a.name AS name, '+1' AS plus, "
                 "'-2' AS minus, '@SUM(A1)' AS at", "--param", f"id={ACTOR_ID}",
                 "--db", str(hostile), "--format", "csv")
    assert result.exit_code == 0, result.output
    import csv
    import io

    [header, row] = list(csv.reader(io.StringIO(result.stdout)))
    assert header == ["name", "plus", "minus", "at"]
    assert row == ["'" + ACTOR_NAME, "'+1", "'-2", "'@SUM(A1)"]


def test_view_escapes_every_payload_and_links_no_javascript(hostile: Path,
                                                            tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    result = run("view", "--db", str(hostile), "-o", str(page), "--actor", "israel")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "Zorg" in html, "the hostile actor is in the view"
    for raw in ("<img src=x", "<script>alert", "onerror=alert(1)>"):
        assert raw not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html, "the payload shows, as text"
    # the javascript: URL never reaches the page (vis-network's own code has the word)
    assert "alert(document.cookie)" not in html
    assert 'href="javascript' not in html.lower()


def test_no_article_id_or_title_becomes_a_file_path(hostile: Path, tmp_path: Path) -> None:
    assert not Path("/tmp/graphbuild-pwned").exists()
    before = set(hostile.parent.iterdir())
    out = tmp_path / "export"
    result = run("export", "--format", "neo4j-admin", str(out), "--db", str(hostile))
    assert result.exit_code == 0, result.output
    written = {p.relative_to(out).as_posix() for p in out.rglob("*")}
    assert all("/" not in name and "pwned" not in name and "DELETE" not in name
               for name in written), written
    assert set(hostile.parent.iterdir()) == before
    assert not Path("/tmp/graphbuild-pwned").exists()
