"""The store contract and the shipped queries on a live Neo4j 5 (opt-in: set NEO4J_URI).

    docker compose up -d neo4j
    NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=graphbuild-test pytest tests/test_neo4j_live.py

The tests DELETE every Actor, Article and Statement node in that database:
point NEO4J_URI at a throwaway server such as the one in docker-compose.yml.
The contract tests are the LadybugDB ones from test_store.py and test_queries.py,
collected again here with a Neo4j `store` / `graph` fixture. The reliability
tests make a transaction fail mid-article with the driver's own exceptions (or
a cut TCP connection), injected where our code calls the driver; the same
injections run offline against a scripted server in test_neo4j_failures.py.
"""

from __future__ import annotations

import math
import os

import pytest
from neo4j import exceptions as neo4j_errors

from graphbuild.errors import QueryError, StoreError
from graphbuild.records import Actor, Article, Sentence, Triple
from graphbuild.store import dialect, open_store
from graphbuild.store.neo4j import Neo4jStore
from tests.test_neo4j_failures import (  # noqa: F401  (fixtures)
    CUT,
    failing_run,
    lost_commit_reply,
    story,
)
from tests.test_queries import (  # noqa: F401  (collected again against Neo4j)
    build_story,
    test_adversaries,
    test_allies_of_iran,
    test_axis_of_resistance,
    test_evidence,
    test_most_connected,
    test_path,
    test_relations_over_time,
)
from tests.test_store import (  # noqa: F401
    HEZBOLLAH,
    IRAN,
    ISRAEL,
    test_add_actors_stores_coalition_members,
    test_add_article_counts_and_is_idempotent,
    test_curated_actor_wins_over_uncurated,
    test_evidence_newest_first_counted_before_negated,
    test_failure_mid_article_leaves_nothing,
    test_first_and_last_seen_follow_article_dates,
    test_hedged_mentions_counted,
    test_injection_strings_are_stored_verbatim,
    test_negated_statement_stored_but_not_aggregated,
    test_new_statement_for_known_article_is_added,
    test_query_returns_plain_values,
    test_undated_articles_leave_dates_empty,
)

pytestmark = pytest.mark.neo4j


def live_target() -> str:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI not set: live Neo4j tests need a server "
                    "(see README, docker compose up)")
    return uri


def wipe(store: Neo4jStore) -> None:
    store.query("MATCH (n) WHERE n:Actor OR n:Article OR n:Statement DETACH DELETE n")


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    opened = open_store(live_target())
    assert isinstance(opened, Neo4jStore) and dialect(opened) == "neo4j"
    wipe(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def graph(gazetteer):  # type: ignore[no-untyped-def]
    opened = open_store(live_target())
    wipe(opened)
    build_story(opened, gazetteer)
    yield opened
    wipe(opened)
    opened.close()


def many_triples(art: Article, count: int) -> list[Triple]:
    pairs = [(IRAN, "AID", HEZBOLLAH), (ISRAEL, "ASSAULT", HEZBOLLAH), (IRAN, "THREATEN", ISRAEL)]
    out = []
    for index in range(count):
        subject, relation, obj = pairs[index % len(pairs)]
        out.append(Triple(art, Sentence(index, f"sentence {index}", 0, 10), subject,
                          subject.name, relation, relation.lower(), obj, obj.name, 1.0))
    return out


def test_an_article_costs_a_bounded_number_of_round_trips(store: Neo4jStore) -> None:
    store.batch_size = 100
    art = Article("big", "(text)", title="Big", published="2024-01-01")
    triples = many_triples(art, 450)  # 150 per relation type -> 2 batches each
    before = store.round_trips
    result = store.add_article(art, triples)
    # the statement count comes from the result summaries' counters
    assert (result.new_article, result.new_statements) == (True, 450)
    expected = 1 + 1 + 3 * math.ceil(150 / 100)  # article, actors, statement batches
    assert store.round_trips - before == expected
    edges = {(e["source"], e["relation"]): e["mentions"] for e in store.actor_edges()}
    assert edges == {("iran", "AID"): 150, ("israel", "ASSAULT"): 150, ("iran", "THREATEN"): 150}

    before = store.round_trips
    again = store.add_article(art, triples)
    assert (again.new_article, again.new_statements) == (False, 0)
    assert store.round_trips - before == expected
    assert store.stats() == {"actors": 3, "articles": 1, "statements": 450, "edges": 3}


def test_schema_constraints_exist(store: Neo4jStore) -> None:
    rows = store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties "
                       "RETURN labelsOrTypes AS labels, properties")
    found = {(r["labels"][0], r["properties"][0]) for r in rows}
    assert {("Actor", "id"), ("Article", "id"), ("Statement", "id")} <= found


def test_bad_cypher_is_one_line_query_error(store: Neo4jStore) -> None:
    with pytest.raises(QueryError) as caught:
        store.query("MATC (a:Actor) RETURN a")
    assert "\n" not in str(caught.value)


def test_wrong_password_is_refused_without_echoing_it() -> None:
    uri = live_target()
    secret = "not-the-password-4711"
    with pytest.raises(StoreError, match="rejected the credentials for user neo4j") as caught:
        open_store(uri, neo4j_user="neo4j", neo4j_password=secret)
    assert secret not in str(caught.value)


def test_missing_database_is_named() -> None:
    with pytest.raises(StoreError, match="no database nosuchdb"):
        open_store(live_target(), neo4j_database="nosuchdb")


def test_unreachable_server_is_one_clear_line() -> None:
    # no server needed: nothing listens on port 1
    with pytest.raises(StoreError, match=r"^cannot reach Neo4j at bolt://127\.0\.0\.1:1$"):
        open_store("bolt://127.0.0.1:1", neo4j_user="neo4j", neo4j_password="x")


def test_open_store_routes_every_neo4j_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_USERNAME", "someone")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret-from-env")
    for scheme in ("bolt", "neo4j", "bolt+ssc", "neo4j+ssc"):
        with pytest.raises(StoreError) as caught:
            open_store(f"{scheme}://127.0.0.1:1")
        assert f"Neo4j at {scheme}://127.0.0.1:1" in str(caught.value)
        assert "secret-from-env" not in str(caught.value)


def test_uncurated_actor_does_not_overwrite(store: Neo4jStore) -> None:
    guess = Actor("iran", "IRAN GOV", "OTHER", curated=False)
    store.add_actors([IRAN])
    store.add_actors([guess])
    iran = {a["id"]: a for a in store.actors()}["iran"]
    assert (iran["name"], iran["curated"]) == ("Iran", True)


# -- reliability: retries, lost connections, lost commit replies ------------------

STATEMENT_LINKS = (
    "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), "
    "(s)-[:`IN`]->(r:Article) "
    "RETURN s.id AS id, a.id AS subject, b.id AS object, r.id AS article ORDER BY id"
)
FLAGGED = "MATCH (s:Statement) WHERE s._new IS NOT NULL RETURN count(s) AS flagged"
EMPTY = {"actors": 0, "articles": 0, "statements": 0, "edges": 0}


def canonical(store: Neo4jStore) -> dict:
    """All a user could see of the graph: counts, actors, edges with their
    counters, statements with their links; equal graphs give equal values."""
    return {"stats": store.stats(), "actors": store.actors(), "edges": store.actor_edges(),
            "statements": store.query(STATEMENT_LINKS),
            "flagged": store.query(FLAGGED)[0]["flagged"]}


@pytest.fixture
def clean(store: Neo4jStore) -> dict:
    """The story's graph from a clean run; the database is wiped again after."""
    store.add_article(*story())
    graph = canonical(store)
    assert graph["stats"] == {"actors": 3, "articles": 1, "statements": 5, "edges": 3}
    assert graph["flagged"] == 0
    wipe(store)
    return graph


def impatient_store() -> Neo4jStore:
    """The live database through a store whose driver retries for one second only."""
    return Neo4jStore(live_target(), os.environ.get("NEO4J_USERNAME") or "neo4j",
                      os.environ.get("NEO4J_PASSWORD", ""),
                      database=os.environ.get("NEO4J_DATABASE") or None, retry_time=1.0)


@pytest.mark.parametrize("nth", [1, 3, 5])  # of the article's 5 statements
@pytest.mark.parametrize("fault", [
    neo4j_errors.TransientError("injected deadlock"),
    neo4j_errors.ServiceUnavailable("injected: connection lost"),
    neo4j_errors.SessionExpired("injected: leader changed"),
    CUT,
], ids=lambda f: type(f).__name__ if isinstance(f, Exception) else "connection-cut")
def test_a_failed_first_attempt_is_retried_to_one_whole_article(
        store: Neo4jStore, clean: dict, failing_run, fault: Exception | str, nth: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    calls = failing_run(fault, nth=nth)
    result = store.add_article(*story())
    assert calls == [nth, 5]  # the first attempt stopped at statement nth, the retry ran all
    assert (result.new_article, result.new_statements) == (True, 5)
    assert canonical(store) == clean  # once, whole: every counter moved exactly once


@pytest.mark.parametrize("fault", [
    neo4j_errors.ServiceUnavailable("injected: connection lost"), CUT,
], ids=["ServiceUnavailable", "connection-cut"])
def test_a_connection_lost_for_good_leaves_the_article_absent_and_a_rerun_completes_it(
        clean: dict, failing_run, fault: Exception | str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    calls = failing_run(fault, nth=3, attempts=10_000)
    with impatient_store() as store:
        with pytest.raises(StoreError, match=r"^lost the connection to Neo4j at .* while "
                           r"writing article 'a1' \(retried for 1 s\)"):
            store.add_article(*story())
        assert len(calls) > 1  # the driver did retry
        failing_run(fault, nth=3, attempts=0)  # the network is back
        assert canonical(store) == {"stats": EMPTY, "actors": [], "edges": [],
                                    "statements": [], "flagged": 0}
        assert store.add_article(*story()).new_statements == 5
        assert canonical(store) == clean


def test_a_lost_commit_reply_is_written_again_and_counted_once(
        store: Neo4jStore, clean: dict, lost_commit_reply: list[int]) -> None:  # noqa: F811
    result = store.add_article(*story())
    assert len(lost_commit_reply) == 2  # the lost commit, then the rewrite
    assert (result.new_article, result.new_statements) == (True, 5)
    assert canonical(store) == clean
