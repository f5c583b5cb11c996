"""The embedded store on a real LadybugDB file: transactions, idempotence, locks, errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graphbuild.errors import QueryError, StoreError, StoreLockedError
from graphbuild.records import Actor, Article, Sentence, Triple
from graphbuild.relations import RELATIONS
from graphbuild.store import dialect, open_store
from graphbuild.store.ladybug import LadybugStore

IRAN = Actor("iran", "Iran", "STATE", "IRN", ("Iran", "Tehran"))
HEZBOLLAH = Actor("hezbollah", "Hezbollah", "ARMED_GROUP", "LBN", ("Hezbollah", "Hizbullah"))
ISRAEL = Actor("israel", "Israel", "STATE", "ISR")


def article(id: str = "a1", published: str | None = "2024-12-09", **kw: str) -> Article:
    return Article(id=id, text="(text)", title=kw.get("title", f"Title {id}"),
                   published=published, url=kw.get("url"))


def triple(art: Article, subject: Actor, relation: str, obj: Actor, index: int = 0,
           sentence: str | None = None, **flags: bool) -> Triple:
    text = sentence or f"{subject.name} {relation.lower()} {obj.name} ({index})."
    score = RELATIONS[relation].score if relation in RELATIONS else 1.0
    return Triple(art, Sentence(index, text, 10 * index, 10 * index + len(text)), subject,
                  subject.name, relation, relation.lower(), obj, obj.name, score, **flags)


def edge(store: LadybugStore, source: str, relation: str, target: str) -> dict:
    found = [e for e in store.actor_edges()
             if (e["source"], e["relation"], e["target"]) == (source, relation, target)]
    assert len(found) <= 1
    return found[0] if found else {}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "graph.lbug"


@pytest.fixture
def store(db: Path):  # type: ignore[no-untyped-def]
    with open_store(str(db)) as opened:
        yield opened


def test_open_store_picks_backend_and_dialect(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(str(db)) as store:
        assert isinstance(store, LadybugStore) and dialect(store) == "ladybug"
    monkeypatch.setenv("GRAPHBUILD_DB", str(db.with_name("env.lbug")))
    with open_store() as store:
        assert Path(store.path) == db.with_name("env.lbug")
    assert db.with_name("env.lbug").exists()


def test_add_article_counts_and_is_idempotent(store: LadybugStore) -> None:
    art = article()
    triples = [triple(art, IRAN, "AID", HEZBOLLAH, 0), triple(art, IRAN, "AID", HEZBOLLAH, 1),
               triple(art, ISRAEL, "ASSAULT", HEZBOLLAH, 2)]
    first = store.add_article(art, triples)
    assert (first.new_article, first.new_statements) == (True, 3)
    before = store.stats()
    assert before == {"actors": 3, "articles": 1, "statements": 3, "edges": 2}
    aid = edge(store, "iran", "AID", "hezbollah")
    assert aid["mentions"] == 2 and aid["score"] == pytest.approx(20.0)

    again = store.add_article(art, triples)
    assert (again.new_article, again.new_statements) == (False, 0)
    assert store.stats() == before
    assert edge(store, "iran", "AID", "hezbollah") == aid


def test_new_statement_for_known_article_is_added(store: LadybugStore) -> None:
    art = article()
    store.add_article(art, [triple(art, IRAN, "AID", HEZBOLLAH, 0)])
    result = store.add_article(art, [triple(art, IRAN, "AID", HEZBOLLAH, 0),
                                     triple(art, IRAN, "AID", HEZBOLLAH, 5)])
    assert (result.new_article, result.new_statements) == (False, 1)
    assert edge(store, "iran", "AID", "hezbollah")["mentions"] == 2


def test_failure_mid_article_leaves_nothing(store: LadybugStore) -> None:
    art = article("broken")
    good = triple(art, IRAN, "AID", HEZBOLLAH, 0)
    bad = triple(art, ISRAEL, "HUGS", HEZBOLLAH, 1)  # not in the vocabulary
    with pytest.raises(StoreError, match="HUGS"):
        store.add_article(art, [good, bad])
    assert store.stats() == {"actors": 0, "articles": 0, "statements": 0, "edges": 0}
    # the store is still usable, and the good part can be written afterwards
    assert store.add_article(art, [good]).new_statements == 1
    assert store.stats()["edges"] == 1


def test_negated_statement_stored_but_not_aggregated(store: LadybugStore) -> None:
    art = article()
    store.add_article(art, [triple(art, IRAN, "ASSAULT", ISRAEL, 0, negated=True)])
    assert store.stats()["statements"] == 1
    assert store.actor_edges() == []
    rows = store.query("MATCH (s:Statement) RETURN s.negated AS negated, s.relation AS relation")
    assert rows == [{"negated": True, "relation": "ASSAULT"}]


def test_hedged_mentions_counted(store: LadybugStore) -> None:
    art = article()
    store.add_article(art, [triple(art, ISRAEL, "THREATEN", IRAN, 0),
                            triple(art, ISRAEL, "THREATEN", IRAN, 1, hedged=True)])
    found = edge(store, "israel", "THREATEN", "iran")
    assert (found["mentions"], found["hedged_mentions"]) == (2, 1)
    assert found["score"] == pytest.approx(-7.0)


def test_first_and_last_seen_follow_article_dates(store: LadybugStore) -> None:
    for id, date in [("mar", "2024-03-01"), ("undated", None), ("dec", "2023-12-31"),
                     ("jan", "2024-01-15")]:
        art = article(id, date)
        store.add_article(art, [triple(art, IRAN, "SUPPORT", HEZBOLLAH, 0)])
    found = edge(store, "iran", "SUPPORT", "hezbollah")
    assert found["mentions"] == 4
    assert (found["first_seen"], found["last_seen"]) == ("2023-12-31", "2024-03-01")


def test_undated_articles_leave_dates_empty(store: LadybugStore) -> None:
    art = article("undated", None)
    store.add_article(art, [triple(art, IRAN, "SUPPORT", HEZBOLLAH, 0)])
    found = edge(store, "iran", "SUPPORT", "hezbollah")
    assert (found["first_seen"], found["last_seen"]) == (None, None)


def test_curated_actor_wins_over_uncurated(store: LadybugStore) -> None:
    guessed = Actor("iran", "IRAN GOV", "OTHER", None, ("IRAN GOV",), curated=False)
    art1, art2, art3 = article("a1"), article("a2"), article("a3")
    store.add_article(art1, [triple(art1, guessed, "AID", HEZBOLLAH)])
    assert {a["id"]: a["curated"] for a in store.actors()}["iran"] is False
    store.add_article(art2, [triple(art2, IRAN, "AID", HEZBOLLAH)])
    store.add_article(art3, [triple(art3, guessed, "AID", HEZBOLLAH)])
    iran = {a["id"]: a for a in store.actors()}["iran"]
    assert (iran["name"], iran["kind"], iran["curated"]) == ("Iran", "STATE", True)
    assert iran["aliases"] == ["Iran", "Tehran"]


def test_add_actors_stores_coalition_members(store: LadybugStore) -> None:
    axis = Actor("axis-of-resistance", "Axis of Resistance", "COALITION",
                 members=("iran", "hezbollah"))
    store.add_actors([axis, IRAN])
    store.add_actors([axis])
    actors = {a["id"]: a for a in store.actors()}
    assert actors["axis-of-resistance"]["members"] == ["iran", "hezbollah"]
    assert actors["iran"]["members"] == []
    assert store.stats()["actors"] == 2


def test_injection_strings_are_stored_verbatim(store: LadybugStore) -> None:
    evil = "x'}) MATCH (n) DETACH DELETE n //`\" $actor \\ ;"
    villain = Actor("evil`]->(x) DELETE x", "Robert'); MATCH (n) DETACH DELETE n; --",
                    "OTHER", curated=False, aliases=("<script>alert(1)</script>",))
    art = article("inj", title=evil, url="javascript:alert('x')")
    store.add_article(art, [triple(art, villain, "ACCUSE", IRAN, 0, sentence=evil)])
    store.add_article(article("other"), [triple(article("other"), IRAN, "AID", HEZBOLLAH)])
    assert store.stats() == {"actors": 3, "articles": 2, "statements": 2, "edges": 2}
    proof = store.evidence(villain.id, "ACCUSE", "iran")
    assert proof[0]["sentence"] == evil and proof[0]["title"] == evil
    assert proof[0]["url"] == "javascript:alert('x')"
    stored = {a["id"]: a for a in store.actors()}[villain.id]
    assert stored["name"] == villain.name and stored["aliases"] == list(villain.aliases)


def test_evidence_newest_first_counted_before_negated(store: LadybugStore) -> None:
    for id, date in [("old", "2020-01-01"), ("new", "2024-06-01"), ("mid", "2022-01-01")]:
        art = article(id, date)
        store.add_article(art, [triple(art, IRAN, "AID", HEZBOLLAH, 0, negated=(id == "new"))])
    rows = store.evidence("iran", "AID", "hezbollah", limit=3)
    assert [r["article_id"] for r in rows] == ["mid", "old", "new"]
    assert store.evidence("iran", "AID", "hezbollah", limit=1)[0]["published"] == "2022-01-01"
    assert store.evidence("hezbollah", "AID", "iran") == []


def test_query_returns_plain_values(store: LadybugStore) -> None:
    art = article()
    store.add_article(art, [triple(art, IRAN, "AID", HEZBOLLAH)])
    rows = store.query("MATCH (a:Actor {id: $id})-[r]->(b:Actor) RETURN a, r, b.name AS name, "
                       "sum(r.mentions) AS total", {"id": "iran"})
    assert len(rows) == 1
    row = rows[0]
    assert row["a"]["_label"] == "Actor" and row["a"]["aliases"] == ["Iran", "Tehran"]
    assert row["r"]["_label"] == "AID" and row["r"]["mentions"] == 1
    assert row["name"] == "Hezbollah"
    assert row["total"] == 1 and isinstance(row["total"], int)


@pytest.mark.parametrize("cypher", [
    "MATC (a:Actor) RETURN a",
    "MATCH (a:Actor) RETURN a.no_such_property",
    "MATCH (a:Actor)-[:NO_SUCH_TYPE]->(b) RETURN a",
])
def test_bad_cypher_is_one_line_query_error(store: LadybugStore, cypher: str) -> None:
    with pytest.raises(QueryError) as caught:
        store.query(cypher)
    assert "\n" not in str(caught.value) and str(caught.value)


def test_missing_parameter_is_named(store: LadybugStore) -> None:
    with pytest.raises(QueryError, match=r"needs a value for \$actor$"):
        store.query("MATCH (a:Actor {id: $actor}) WHERE a.name <> '$not_a_param' RETURN a")


def test_missing_database_read_only(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.lbug"
    with pytest.raises(StoreError, match="no database at .*graphbuild ingest"):
        open_store(str(missing), read_only=True)
    assert not missing.exists()


def test_not_a_graphbuild_database(tmp_path: Path) -> None:
    other = tmp_path / "other.lbug"
    other.write_text("just text\n")
    with pytest.raises(StoreError, match="not a valid") as caught:
        open_store(str(other))
    assert "\n" not in str(caught.value)


def test_newer_schema_version_is_refused(db: Path) -> None:
    with open_store(str(db)) as store:
        store.query("MATCH (m:Meta {key: 'schema_version'}) SET m.value = '99'")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema version 99.*upgrade graphbuild"):
            open_store(str(db), read_only=read_only)


def test_read_only_store_refuses_writes(db: Path) -> None:
    open_store(str(db)).close()
    with open_store(str(db), read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add_actors([IRAN])


HOLD_WRITER = textwrap.dedent("""
    import sys, time
    from graphbuild.store import open_store
    store = open_store(sys.argv[1])
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
    store.close()
""")

READ_STATS = textwrap.dedent("""
    import json, sys
    from graphbuild.store import open_store
    with open_store(sys.argv[1], read_only=True) as store:
        print(json.dumps(store.stats()))
""")


def hold_writer(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_second_writer_gets_locked_error_after_wait(db: Path) -> None:
    open_store(str(db)).close()
    holder = hold_writer(db, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match="being written by another process"):
            open_store(str(db), wait=0.6)
        assert 0.6 <= time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


def test_second_writer_waits_for_the_first(db: Path) -> None:
    open_store(str(db)).close()
    holder = hold_writer(db, 1.0)
    try:
        with open_store(str(db), wait=20) as store:
            assert store.stats()["actors"] == 0
    finally:
        holder.wait()


def test_read_only_open_beside_a_writer(db: Path) -> None:
    with open_store(str(db)) as writer:
        art = article()
        writer.add_article(art, [triple(art, IRAN, "AID", HEZBOLLAH)])
        reader = subprocess.run([sys.executable, "-c", READ_STATS, str(db)],
                                capture_output=True, text=True, timeout=60, check=False)
        assert reader.returncode == 0, reader.stderr
        assert '"articles": 1' in reader.stdout
