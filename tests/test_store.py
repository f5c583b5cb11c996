"""The embedded store on a real LadybugDB file: transactions, idempotence, locks, errors."""

from __future__ import annotations

import json
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


# -- batch writes (add_articles) ---------------------------------------------

STATEMENT_DUMP = (
    "MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), (s)-[:`IN`]->(r:Article) "
    "RETURN s.id AS id, s.relation AS relation, s.predicate AS predicate, "
    "s.sentence AS sentence, s.sentence_index AS sentence_index, s.start AS start, "
    "s.`end` AS stop, s.negated AS negated, s.hedged AS hedged, s.historical AS historical, "
    "s.score AS score, s.confidence AS confidence, s.evidence AS evidence, "
    "a.id AS subject, b.id AS object, r.id AS article ORDER BY id"
)
ARTICLE_DUMP = (
    "MATCH (r:Article) RETURN r.id AS id, r.title AS title, r.published AS published, "
    "r.url AS url, r.source AS source ORDER BY id"
)


def dump(store: LadybugStore) -> dict:
    """Everything a user can read back: sorted, with every property."""
    return {"actors": store.actors(), "edges": store.actor_edges(),
            "statements": store.query(STATEMENT_DUMP), "articles": store.query(ARTICLE_DUMP),
            "stats": store.stats()}


HOSTILE = 'He said "no",\nthen\r\nleft; \\"quoted\\" \'x\' , [a,b] {c: 1} $p `IN` \t\x0b end'


def batch_corpus() -> list[tuple[Article, list[Triple]]]:
    """Articles that exercise every rule of add_article, in an order that matters."""
    guessed = Actor("iran", "IRAN GOV", "OTHER", None, ("IRAN GOV",), curated=False)
    stranger = Actor("new-actor", 'The "New" Front, [x]', "ARMED_GROUP", None,
                     ('The "New" Front, [x]',), curated=False)
    villain = Actor("evil`]->(x) DELETE x", "Robert'); MATCH (n) DETACH DELETE n; --",
                    "OTHER", curated=False, aliases=("<script>alert(1)</script>",))
    a1, a2, a3 = article("a1", "2024-03-01"), article("a2", None), article("a3", "2023-12-31")
    hostile = Article(id="hostile,\"id\"\n", text="", title=HOSTILE, published="",
                      url="javascript:alert('x')", source="")
    empty = Article(id="empty", text="", title="", published="2024-05-05", url=None, source=None)
    return [
        (a1, [triple(a1, guessed, "AID", HEZBOLLAH, 0), triple(a1, guessed, "AID", HEZBOLLAH, 0),
              triple(a1, ISRAEL, "ASSAULT", HEZBOLLAH, 1, negated=True),
              triple(a1, ISRAEL, "THREATEN", IRAN, 2, hedged=True)]),
        (a2, [triple(a2, IRAN, "AID", HEZBOLLAH, 0), triple(a2, stranger, "ASSAULT", ISRAEL, 1),
              triple(a2, ISRAEL, "THREATEN", IRAN, 2, historical=True)]),
        (a1, [triple(a1, IRAN, "AID", HEZBOLLAH, 7)]),  # the same id again, a new statement
        (hostile, [triple(hostile, villain, "ACCUSE", IRAN, 0, sentence=HOSTILE),
                   triple(hostile, IRAN, "ACCUSE", villain, 1, sentence="")]),
        (empty, []),
        (a3, [triple(a3, guessed, "SUPPORT", stranger, 0), triple(a3, IRAN, "AID", HEZBOLLAH, 3),
              Triple(a3, Sentence(4, "x", 0, 1), ISRAEL, "", "THREATEN", "", IRAN, "", 0.1,
                     confidence=0.7, evidence="")]),
    ]


def write(store: LadybugStore, batches: list[list[tuple[Article, list[Triple]]]],
          batched: bool) -> list:
    results = []
    for batch in batches:
        if batched:
            results += store.add_articles(batch)
        else:
            results += [store.add_article(a, t) for a, t in batch]
    return results


def no_fallback(store: LadybugStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure a batch really goes through the batch path, not add_article."""
    def refuse(article: Article, triples: list[Triple]) -> None:
        raise AssertionError(f"batch fell back to add_article for {article.id}")
    monkeypatch.setattr(store, "add_article", refuse)


def write_with(store: LadybugStore, copy: bool) -> None:
    """Make the store write every batch with COPY FROM (as large batches are), or never."""
    store.copy_min_statements = 0 if copy else 10**9


@pytest.mark.parametrize("copy", [False, True], ids=["load-from", "copy-from"])
@pytest.mark.parametrize("split", [1, 2, 6])
def test_batch_builds_the_same_graph_as_one_article_at_a_time(
        tmp_path: Path, split: int, copy: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = batch_corpus()
    # stored state first (part of the corpus), then everything again in batches
    batches = [articles[:2]] + [articles[i:i + split] for i in range(0, len(articles), split)]
    with open_store(str(tmp_path / "one.lbug")) as one, \
            open_store(str(tmp_path / "many.lbug")) as many:
        assert isinstance(one, LadybugStore) and isinstance(many, LadybugStore)
        no_fallback(many, monkeypatch)
        write_with(many, copy)
        expected = write(one, batches, batched=False)
        got = write(many, batches, batched=True)
        assert got == expected
        assert dump(many) == dump(one)
        # as stored, not as read back: an empty list must not come back null
        raw = "MATCH (a:Actor) RETURN a.id, a.aliases, a.members, a.curated ORDER BY a.id"
        assert many._run(raw) == one._run(raw)
        assert dump(many)["stats"] == {"actors": 5, "articles": 5, "statements": 12,
                                       "edges": 6}
        # re-adding everything changes nothing and counts nothing
        assert write(many, [articles], batched=True) == write(one, [articles], batched=False)
        assert dump(many) == dump(one)
        hostile = [r for r in dump(many)["statements"] if r["relation"] == "ACCUSE"]
        assert HOSTILE in {r["sentence"] for r in hostile}


def test_batch_results_say_what_was_new(store: LadybugStore,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    no_fallback(store, monkeypatch)
    a1, a2 = article("a1"), article("a2")
    first = store.add_articles([(a1, [triple(a1, IRAN, "AID", HEZBOLLAH, 0)])])
    assert [(r.new_article, r.new_statements) for r in first] == [(True, 1)]
    results = store.add_articles([
        (a1, [triple(a1, IRAN, "AID", HEZBOLLAH, 0), triple(a1, IRAN, "AID", HEZBOLLAH, 1)]),
        (a2, [triple(a2, IRAN, "AID", HEZBOLLAH, 0)]),
        (a2, [triple(a2, IRAN, "AID", HEZBOLLAH, 0)]),
    ])
    assert [(r.new_article, r.new_statements) for r in results] == [
        (False, 1), (True, 1), (False, 0)]
    assert edge(store, "iran", "AID", "hezbollah")["mentions"] == 3
    assert store.add_articles([]) == []


def test_bad_article_in_a_batch_keeps_the_others_before_it(store: LadybugStore) -> None:
    good, bad, later = article("good"), article("bad"), article("later")
    batch = [(good, [triple(good, IRAN, "AID", HEZBOLLAH, 0)]),
             (bad, [triple(bad, IRAN, "AID", ISRAEL, 0), triple(bad, ISRAEL, "HUGS", IRAN, 1)]),
             (later, [triple(later, ISRAEL, "THREATEN", IRAN, 0)])]
    with pytest.raises(StoreError, match="article bad: relation 'HUGS'"):
        store.add_articles(batch)
    # as one article at a time: the good one is in, the bad one wholly absent
    assert [r["id"] for r in store.query(ARTICLE_DUMP)] == ["good"]
    assert store.stats() == {"actors": 2, "articles": 1, "statements": 1, "edges": 1}
    assert [(r.new_article, r.new_statements)
            for r in store.add_articles([batch[0], batch[2]])] == [(False, 0), (True, 1)]


@pytest.mark.parametrize("copy", [False, True], ids=["load-from", "copy-from"])
def test_failed_batch_is_rolled_back_then_written_one_by_one(store: LadybugStore,
                                                              copy: bool) -> None:
    # a lone surrogate cannot go into a UTF-8 CSV file: the batch path gives up
    # and the articles go through add_article, whatever that makes of them
    write_with(store, copy)
    odd, plain_one = article("odd"), article("plain")
    batch = [(plain_one, [triple(plain_one, IRAN, "AID", HEZBOLLAH, 0)]),
             (odd, [triple(odd, IRAN, "SUPPORT", HEZBOLLAH, 0, sentence="bad \udc80 text")])]
    try:
        results = store.add_articles(batch)
    except StoreError:
        results = None
    assert "plain" in {r["id"] for r in store.query(ARTICLE_DUMP)}
    # nothing of the failed batch attempt is left: the odd article is whole or absent
    written = 1 if results is None else 2
    assert store.stats()["articles"] == store.stats()["statements"] == written
    if results is not None:
        assert [(r.new_article, r.new_statements) for r in results] == [(True, 1), (True, 1)]
    assert edge(store, "iran", "AID", "hezbollah")["mentions"] == 1


def test_failed_large_batch_is_retried_in_halves(store: LadybugStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """One bad sentence in a large (COPY) batch: the good articles before it go in
    through smaller batches, not hundreds of one-article transactions."""
    write_with(store, copy=True)
    batch = []
    for n in range(300):
        art = article(f"a{n:03d}")
        text = "bad \udc80 text" if n == 250 else f"Iran aids Hezbollah {n}."
        batch.append((art, [triple(art, IRAN, "AID", HEZBOLLAH, 0, sentence=text)]))
    one_by_one: list[str] = []
    add_one = store.add_article

    def counted(article: Article, triples: list[Triple]):  # type: ignore[no-untyped-def]
        one_by_one.append(article.id)
        return add_one(article, triples)

    monkeypatch.setattr(store, "add_article", counted)
    try:
        results = store.add_articles(batch)
    except StoreError:
        results = None
    stored = {r["id"] for r in store.query(ARTICLE_DUMP)}
    assert {f"a{n:03d}" for n in range(250)} <= stored
    if results is None:  # the bad article failed on its own: nothing after it
        assert stored == {f"a{n:03d}" for n in range(250)}
    else:
        assert len(stored) == 300 and all(r.new_statements == 1 for r in results)
    assert "a250" in one_by_one and len(one_by_one) <= 64


WRITE_BATCH_AND_DIE = textwrap.dedent("""
    import os, sys
    from graphbuild.records import Actor, Article, Sentence, Triple
    from graphbuild.store import open_store
    iran = Actor("iran", "Iran", "STATE", "IRN")
    hezbollah = Actor("hezbollah", "Hezbollah", "ARMED_GROUP", "LBN")
    store = open_store(sys.argv[1])
    if sys.argv[3] == "copy":
        store.copy_min_statements = 0
    batch = []
    for n in range(50):
        art = Article(id=f"a{n}", text="", published="2024-01-01")
        batch.append((art, [Triple(art, Sentence(0, f"Iran aids Hezbollah {n}.", 0, 9), iran,
                                   "Iran", "AID", "aids", hezbollah, "Hezbollah", 10.0)]))
    store.add_articles(batch)
    print("written", flush=True)
    if sys.argv[2] == "kill":
        os._exit(0)  # no close, no checkpoint: only the committed log remains
    sys.stdin.readline()
    store.close()
""")


@pytest.mark.parametrize("copy", ["load-from", "copy"])
def test_batch_is_durable_and_visible_to_readers(db: Path, copy: str) -> None:
    writer = subprocess.Popen([sys.executable, "-c", WRITE_BATCH_AND_DIE, str(db), "hold", copy],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
        reader = subprocess.run([sys.executable, "-c", READ_STATS, str(db)],
                                capture_output=True, text=True, timeout=60, check=False)
        assert reader.returncode == 0, reader.stderr
        assert '"articles": 50, "statements": 50' in reader.stdout
    finally:
        writer.communicate("\n", timeout=60)
    killed = db.with_name("killed.lbug")
    subprocess.run([sys.executable, "-c", WRITE_BATCH_AND_DIE, str(killed), "kill", copy],
                   capture_output=True, text=True, timeout=60, check=True)
    with open_store(str(killed)) as store:
        assert store.stats() == {"actors": 2, "articles": 50, "statements": 50, "edges": 1}
        assert edge(store, "iran", "AID", "hezbollah")["mentions"] == 50


def test_load_writes_large_batches_and_ingest_small_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`load` has its triples already: one batch up to LOAD_BATCH_STATEMENTS (so the
    store can COPY it); ingest keeps committing every BATCH_ARTICLES articles."""
    import json

    from benchmarks.corpus import generate_triples
    from graphbuild import pipeline
    from graphbuild.gazetteer import Gazetteer

    lines = [json.dumps(record) for record in generate_triples(700, start=900_000)]
    sizes: list[int] = []
    with open_store(str(tmp_path / "g.lbug")) as store:
        assert isinstance(store, LadybugStore)
        write_batch = store.add_articles

        def recorded(batch):  # type: ignore[no-untyped-def]
            sizes.append(len(batch))
            return write_batch(batch)

        monkeypatch.setattr(store, "add_articles", recorded)
        summary = pipeline.load(lines, store, Gazetteer.load())
        assert summary.new == 700 and sizes == [700]
        monkeypatch.setattr(pipeline, "LOAD_BATCHES",
                            pipeline.Batching(articles=None, seconds=None, statements=1000))
        sizes.clear()
        summary = pipeline.load(lines, store, Gazetteer.load())
        assert summary.present == 700 and len(sizes) > 5 and max(sizes) < 150
        sizes.clear()
        pipeline.store_articles(store, pipeline.read_triples(lines, "-", [], Gazetteer.load()),
                                pipeline.IngestSummary())
        assert sum(sizes) == 700 and len(sizes) >= 2 and max(sizes) <= pipeline.BATCH_ARTICLES


@pytest.mark.parametrize("copy", [False, True], ids=["load-from", "copy-from"])
def test_edge_days_are_dates_whatever_published_holds(db: Path, copy: bool) -> None:
    """first_seen/last_seen are the article's day: a timestamp gives its day, a
    value that is no date (a record `load` read may hold anything) gives none,
    on both batch write paths and one article at a time."""
    with open_store(str(db)) as store:
        assert isinstance(store, LadybugStore)
        write_with(store, copy)
        dated = [article("t", "2024-03-01T23:30:00+02:00"), article("bad", "yesterday"),
                 article("feb30", "2024-02-30"), article("d", "2023-12-31")]
        store.add_articles([(a, [triple(a, IRAN, "SUPPORT", HEZBOLLAH)]) for a in dated])
        found = edge(store, "iran", "SUPPORT", "hezbollah")
        assert (found["mentions"], found["first_seen"], found["last_seen"]) == (
            4, "2023-12-31", "2024-03-01")
        undated = [article("x", "soon")]
        store.add_articles([(a, [triple(a, IRAN, "AID", HEZBOLLAH)]) for a in undated])
        assert edge(store, "iran", "AID", "hezbollah")["first_seen"] is None
        later = article("one", "2025-01-05T08:00Z")
        store.add_article(later, [triple(later, IRAN, "SUPPORT", HEZBOLLAH)])
        assert edge(store, "iran", "SUPPORT", "hezbollah")["last_seen"] == "2025-01-05"


def test_cypher_names_edge_types_with_type_and_compares_days_to_strings(store) -> None:  # type: ignore[no-untyped-def]
    """type(r) works as on Neo4j (LadybugDB's own name is label), and a day
    compares with an ISO string literal or parameter, as Neo4j's strings do."""
    for id, day in [("old", "2023-05-01"), ("new", "2024-06-01")]:
        art = article(id, day)
        store.add_article(art, [triple(art, IRAN, "AID" if id == "old" else "THREATEN", ISRAEL)])
    rows = store.query("MATCH (:Actor {id: 'iran'})-[r]->(:Actor {id: 'israel'}) "
                       "WHERE r.last_seen >= $since RETURN type(r) AS type, r.first_seen AS day",
                       {"since": "2024-01-01"})
    assert rows == [{"type": "THREATEN", "day": "2024-06-01"}]
    rows = store.query("MATCH (:Actor {id: 'iran'})-[r]->(:Actor) WHERE r.first_seen < '2024-01-01' "
                       "RETURN type(r) AS type")
    assert rows == [{"type": "AID"}]


# the edge tables as graphbuild 1 made them (schema version 1)
V1_EDGE_COLUMNS = ("relation STRING, mentions INT64, hedged_mentions INT64, score DOUBLE, "
                   "first_seen STRING, last_seen STRING")


def make_v1_database(path: Path) -> None:
    import ladybug

    from graphbuild.store.ladybug import schema_statements

    database = ladybug.Database(str(path))
    conn = ladybug.Connection(database)
    for statement in schema_statements():
        if "FROM Actor TO Actor" in statement:
            statement = statement[:statement.index("FROM Actor TO Actor")]
            statement += f"FROM Actor TO Actor, {V1_EDGE_COLUMNS})"
        conn.execute(statement)
    conn.execute("CREATE (:Meta {key: 'schema_version', value: '1'})")
    for actor in (IRAN, HEZBOLLAH, ISRAEL):
        conn.execute("CREATE (:Actor {id: $id, name: $name, kind: $kind, curated: true, "
                     "aliases: [], members: []})",
                     {"id": actor.id, "name": actor.name, "kind": actor.kind})
    for source, name, target, first, last in [
            ("iran", "AID", "hezbollah", "2024-01-02T10:00:00Z", "2024-03-01"),
            ("israel", "ASSAULT", "hezbollah", "last week", None)]:
        conn.execute(f"MATCH (a:Actor {{id: $a}}), (b:Actor {{id: $b}}) CREATE (a)-[:{name} "
                     "{relation: $name, mentions: 2, hedged_mentions: 1, score: 1.5, "
                     "first_seen: $first, last_seen: $last}]->(b)",
                     {"a": source, "b": target, "name": name, "first": first, "last": last})
    conn.close()
    database.close()


def test_schema_1_database_is_upgraded_in_place(db: Path) -> None:
    make_v1_database(db)
    with pytest.raises(StoreError, match="schema version 1.*graphbuild init-schema --db"):
        open_store(str(db), read_only=True)
    with open_store(str(db)) as store:  # a writer upgrades it
        assert isinstance(store, LadybugStore)
        columns = store._edge_table_columns("AID")
        assert "relation" not in columns
        assert (columns["first_seen"], columns["last_seen"]) == ("DATE", "DATE")
        kept = {(e["source"], e["relation"], e["target"]): e for e in store.actor_edges()}
        assert {k: (e["mentions"], e["hedged_mentions"], e["score"], e["first_seen"],
                    e["last_seen"]) for k, e in kept.items()} == {
            ("iran", "AID", "hezbollah"): (2, 1, 1.5, "2024-01-02", "2024-03-01"),
            ("israel", "ASSAULT", "hezbollah"): (2, 1, 1.5, None, None),
        }
        later = article("later", "2024-05-05")
        store.add_article(later, [triple(later, IRAN, "AID", HEZBOLLAH)])
        assert edge(store, "iran", "AID", "hezbollah")["mentions"] == 3
    with open_store(str(db), read_only=True) as store:
        assert store.query("MATCH (:Actor {id: 'iran'})-[r]->(:Actor) RETURN type(r) AS t, "
                           "r.last_seen AS last") == [{"t": "AID", "last": "2024-05-05"}]


def test_upgrade_cut_short_resumes(db: Path) -> None:
    """A table left half-upgraded (its new day column added, the old one still
    there) is finished by the next writer."""
    import ladybug

    make_v1_database(db)
    database = ladybug.Database(str(db))
    conn = ladybug.Connection(database)
    conn.execute("ALTER TABLE AID DROP relation")
    conn.execute("ALTER TABLE AID ADD first_seen_day DATE")
    conn.execute("ALTER TABLE ASSAULT DROP relation")
    conn.close()
    database.close()
    with open_store(str(db)) as store:
        assert isinstance(store, LadybugStore)
        assert set(store._edge_table_columns("AID")) == {
            "mentions", "hedged_mentions", "score", "first_seen", "last_seen"}
        assert edge(store, "iran", "AID", "hezbollah")["first_seen"] == "2024-01-02"


def test_cli_tells_how_to_upgrade_and_init_schema_does(db: Path) -> None:
    make_v1_database(db)
    graphbuild = [sys.executable, "-m", "graphbuild"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*graphbuild, *args, "--db", str(db)], capture_output=True,
                              text=True, timeout=300, check=False)

    refused = run("query", "-f", "allies", "-p", "actor=iran")
    assert refused.returncode != 0 and refused.stderr.strip().splitlines() == [
        f"Error: database {db} has schema version 1, this graphbuild reads version 2; "
        f"upgrade it once with `graphbuild init-schema --db {db}`"]
    upgraded = run("init-schema")
    assert upgraded.returncode == 0, upgraded.stderr
    allies = run("query", "-f", "allies", "-p", "actor=iran", "--format", "json")
    assert allies.returncode == 0, allies.stderr
    assert [(r["id"], r["relations"]) for r in json.loads(allies.stdout)] == [
        ("hezbollah", ["AID"])]


def test_triple_records_read_back_field_for_field(extractor) -> None:  # type: ignore[no-untyped-def]
    """What `load` rebuilds from extract's records equals what the extractor
    made (the article text aside, which records do not carry), and records of
    one sentence share one sentence record, but only while it is the same."""
    from dataclasses import fields, replace

    from graphbuild import pipeline
    from graphbuild.articles import read_articles

    seed = next(read_articles([Path(__file__).parent.parent / "seeds"]))
    made = extractor.extract(seed)
    lines = [json.dumps(t.to_json()) for t in made]
    assert len({t.sentence.index for t in made}) < len(made)  # some sentences give several
    problems: list[str] = []
    [(article, rebuilt)] = pipeline.read_triples(lines, "-", problems, extractor.gazetteer)
    assert not problems and article.id == seed.id and len(rebuilt) == len(made)
    for ours, theirs in zip(rebuilt, made):
        for field in fields(Triple):
            if field.name not in ("article", "subject", "object"):
                assert getattr(ours, field.name) == getattr(theirs, field.name), field.name
        assert ours.article == replace(seed, text="", location=None)
        assert ours.statement_id == theirs.statement_id
        assert ours.subject.id == theirs.subject.id and ours.object.id == theirs.object.id
    for before, after in zip(rebuilt, rebuilt[1:]):
        assert (before.sentence is after.sentence) == (before.sentence == after.sentence)

    # the same index with other words is another sentence, never the one before
    changed = json.loads(lines[1])
    changed["sentence"] = {**json.loads(lines[0])["sentence"], "text": "Other words."}
    [(_, pair)] = pipeline.read_triples([lines[0], json.dumps(changed)], "-", [],
                                        extractor.gazetteer)
    assert pair[1].sentence.text == "Other words." and pair[0].sentence.text != "Other words."
