"""The shipped cypher/ queries: found by name, headers honest, answers sensible on LadybugDB."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphbuild.errors import QueryError
from graphbuild.queries import list_queries, load_query, parse_header, used_params
from graphbuild.records import Actor, Article, Sentence, Triple
from graphbuild.relations import RELATIONS
from graphbuild.store import dialect, open_store

CYPHER = Path(__file__).resolve().parents[1] / "cypher"


def body_params(text: str) -> set[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return set(re.findall(r"\$(\w+)", body))


def rel_types(text: str) -> set[str]:
    """Relationship types named in `[r:A|B|C...]` patterns."""
    return {t for group in re.findall(r"\[\w*:([A-Z_|]+)", text) for t in group.split("|")}


def build_story(store, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """A small, known graph: three dated articles about Iran, Israel and the Axis."""
    actor = gazetteer.actors
    fatemiyoun = Actor("liwa-fatemiyoun", "Liwa Fatemiyoun", "ARMED_GROUP", curated=False)
    story = {
        ("a2022", "2022-01-01"): [("israel", "REJECT", "iran"), ("iran", "AGREE", "saudi-arabia")],
        ("a2023", "2023-05-01"): [("iran", "AID", "hezbollah"), ("iran", "AID", "hezbollah"),
                                  ("israel", "ASSAULT", "hezbollah"),
                                  ("russia", "SUPPORT", "iran"),
                                  ("hezbollah", "MEMBER_OF", "axis-of-resistance"),
                                  ("hamas", "MEMBER_OF", "axis-of-resistance"),
                                  (fatemiyoun, "MEMBER_OF", "axis-of-resistance")],
        ("a2024", "2024-02-01"): [("israel", "ASSAULT", "iran"), ("iran", "THREATEN", "israel"),
                                  ("iran", "ACCUSE", "israel", "negated")],
    }
    store.add_actors(gazetteer.coalitions())
    for (art_id, date), facts in story.items():
        art = Article(art_id, "(text)", title=f"News of {date}", published=date)
        triples = []
        for index, (s, rel, o, *flags) in enumerate(facts):
            subj = s if isinstance(s, Actor) else actor[s]
            obj = actor[o]
            triples.append(Triple(art, Sentence(index, f"{subj.name} {rel} {obj.name}.", 0, 9),
                                  subj, subj.name, rel, rel.lower(), obj, obj.name,
                                  RELATIONS[rel].score, negated="negated" in flags))
        store.add_article(art, triples)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory, gazetteer):  # type: ignore[no-untyped-def]
    store = open_store(str(tmp_path_factory.mktemp("queries") / "graph.lbug"))
    build_story(store, gazetteer)
    yield store
    store.close()


def run(store, name: str, **params):  # type: ignore[no-untyped-def]
    return store.query(load_query(name, dialect(store)), params)


def test_allies_of_iran(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "allies", actor="iran")
    assert rows[0]["id"] == "hezbollah" and rows[0]["mentions"] == 2
    assert rows[0]["relations"] == ["AID"]
    # either direction: Russia supports Iran, Iran agrees with Saudi Arabia
    assert {r["id"] for r in rows} == {"hezbollah", "russia", "saudi-arabia"}


def test_adversaries(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "adversaries", actor="iran")
    assert [r["id"] for r in rows] == ["israel"]
    # the negated accusation is not counted
    assert rows[0]["mentions"] == 3
    assert set(rows[0]["relations"]) == {"REJECT", "ASSAULT", "THREATEN"}
    assert rows[0]["score"] == pytest.approx(-2.0 - 9.0 - 3.5)
    assert [r["id"] for r in run(graph, "adversaries", actor="hezbollah")] == ["israel"]


def test_evidence(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "evidence", subject="iran", object="israel")
    assert [(r["published"], r["relation"], r["negated"]) for r in rows] == [
        ("2024-02-01", "ACCUSE", True), ("2024-02-01", "THREATEN", False)]
    assert rows[1]["sentence"] == "Iran THREATEN Israel."
    assert rows[1]["title"] == "News of 2024-02-01"
    assert run(graph, "evidence", subject="hezbollah", object="iran") == []


def test_most_connected(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "most_connected", limit=2)
    assert len(rows) == 2
    # Iran: AID x2, SUPPORT, AGREE, REJECT, ASSAULT, THREATEN
    assert (rows[0]["id"], rows[0]["mentions"]) == ("iran", 7)
    assert rows[1]["id"] in ("hezbollah", "israel")


def test_relations_over_time(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "relations_over_time", a="israel", b="iran")
    assert [(r["published"], r["subject"], r["relation"], r["object"]) for r in rows] == [
        ("2022-01-01", "israel", "REJECT", "iran"),
        ("2024-02-01", "iran", "THREATEN", "israel"),
        ("2024-02-01", "israel", "ASSAULT", "iran"),
    ]


def test_path(graph) -> None:  # type: ignore[no-untyped-def]
    rows = run(graph, "path", a="saudi-arabia", b="hezbollah")
    assert len(rows) == 1
    assert rows[0]["hops"] == 2 and rows[0]["ids"] == ["saudi-arabia", "iran", "hezbollah"]
    assert rows[0]["relations"] == ["AGREE", "AID"]
    assert run(graph, "path", a="saudi-arabia", b="united-states") == []


def test_axis_of_resistance(graph) -> None:  # type: ignore[no-untyped-def]
    rows = {r["id"]: r for r in run(graph, "axis_of_resistance")}
    assert {r["coalition"] for r in rows.values()} == {"Axis of Resistance"}
    # listed in the gazetteer and stated in an article
    assert rows["hezbollah"]["listed"] and rows["hezbollah"]["mentions"] == 1
    assert rows["hamas"]["name"] == "Hamas"
    # stated only
    assert not rows["liwa-fatemiyoun"]["listed"] and rows["liwa-fatemiyoun"]["mentions"] == 1
    # listed only, never seen in an article
    assert rows["houthis"]["listed"] and rows["houthis"]["mentions"] == 0
    assert "saudi-arabia" not in rows and len(rows) == 11


def test_every_query_has_description_and_honest_params() -> None:
    infos = list_queries()
    assert {i.name for i in infos} >= {"allies", "adversaries", "evidence", "most_connected",
                                       "relations_over_time", "path", "axis_of_resistance"}
    assert "schema" not in {i.name for i in infos}
    for file in sorted(CYPHER.glob("*.cypher")):
        description, params = parse_header(file.read_text())
        assert len(description) > 20, file.name
        assert set(params) == body_params(file.read_text()), file.name


def test_relation_lists_match_the_vocabulary() -> None:
    cooperation = {n for n, r in RELATIONS.items() if r.score > 0}
    conflict = {n for n, r in RELATIONS.items() if r.score < 0}
    assert rel_types(load_query("allies")) == cooperation
    assert rel_types(load_query("adversaries")) == conflict
    for variant in ("ladybug", "neo4j"):
        assert rel_types(load_query("path", variant)) == set(RELATIONS)


def test_load_query_by_name_path_and_dialect(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert "SHORTEST" in load_query("path", "ladybug")
    assert "shortestPath" in load_query("path", "neo4j")
    assert load_query("allies", "neo4j") == load_query("allies", "ladybug")
    mine = tmp_path / "mine.cypher"
    mine.write_text("// Mine.\nMATCH (a:Actor) RETURN count(a) AS n\n")
    assert load_query(str(mine)).startswith("// Mine.")
    (tmp_path / "mine.ladybug.cypher").write_text("RETURN 1 AS n\n")
    assert load_query(str(mine), "ladybug") == "RETURN 1 AS n\n"
    assert load_query(str(mine), "neo4j").startswith("// Mine.")
    # the shipped file named by its repository path works from any directory
    monkeypatch.chdir(tmp_path)
    assert load_query("cypher/path.cypher", "ladybug") == load_query("path", "ladybug")


def test_missing_query_lists_the_available_ones() -> None:
    with pytest.raises(QueryError, match="no query named friends; available: adversaries, allies"):
        load_query("friends")


def test_used_params_skip_strings_names_and_comments() -> None:
    cypher = ("MATCH (a:Actor {id: $x}) WHERE a.name = 'costs $5' AND a.kind <> \"$no\" "
              "// $comment\nRETURN $y AS `$quoted`, 'it\\'s $also_not' AS s")
    assert used_params(cypher) == {"x", "y"}
