"""The server store: Neo4j 5 or newer through the official driver.

Each article is one managed write transaction of a few batched statements:
the article, its actors (one UNWIND), then one UNWIND per relation type
present, so the round trips per article are bounded by 2 + the number of
relation types, not by the number of triples. Relationship types are spelled
from graphbuild.relations only; everything from articles travels as parameters.

Reliability: the driver runs a managed transaction again when it fails with a
transient server error or a lost connection (for up to `retry_time` seconds).
That is safe because the work is idempotent: everything is MERGEd by id and an
edge's counters move only for statements the transaction itself created, so a
retried article, or one written again after a commit whose reply was lost,
ends in the graph once, whole. A transaction that fails is rolled back by the
server: an article is never stored in part.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any, Self

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j import graph as neo4j_graph

from graphbuild.errors import QueryError, StoreError
from graphbuild.records import Actor, Article, Triple, iso_day
from graphbuild.relations import RELATIONS
from graphbuild.store.protocol import AddResult
from graphbuild.store.rows import (
    actor_props,
    actor_rows,
    article_actors,
    checked_relation,
    statement_props,
)

# The driver logs each retry and each dropped connection at WARNING or ERROR.
# With no handler anywhere Python would print those to stderr beside our one-line
# error; a NullHandler stops only that fallback (an application that configures
# logging still gets the records).
logging.getLogger("neo4j").addHandler(logging.NullHandler())

ARTICLE_MERGE = (
    "MERGE (r:Article {id: $id}) "
    "ON CREATE SET r.title = $title, r.published = $published, r.url = $url, "
    "r.source = $source"
)
# curated records always win; an uncurated one only fills in a new actor
ACTORS_MERGE = (
    "UNWIND $rows AS row "
    "MERGE (a:Actor {id: row.id}) "
    "ON CREATE SET a += row "
    "ON MATCH SET a += CASE WHEN row.curated THEN row ELSE {} END"
)

ARTICLE_STORED = "MATCH (r:Article {id: $id}) RETURN r.id AS id"


def statements_merge(relation: str) -> str:
    """Statements of one relation type, and the aggregated edge for the new ones.

    `_new` is set ON CREATE and removed in the same statement: it tells the
    statements this transaction created from those already stored, so a
    re-ingest moves no counter.
    """
    name = RELATIONS[relation].name  # never text from an article
    return (
        # a row is [subject id, object id, statement properties]: a list, so
        # no map key outside the graph model's property keys is needed
        "UNWIND $rows AS row "
        "WITH row[0] AS subject_id, row[1] AS object_id, row[2] AS props "
        "MATCH (r:Article {id: $article}) "
        "MATCH (a:Actor {id: subject_id}) "
        "MATCH (b:Actor {id: object_id}) "
        "MERGE (s:Statement {id: props.id}) "
        "ON CREATE SET s += props, s._new = true "
        "WITH a, b, r, props, s, coalesce(s._new, false) AS created "
        "REMOVE s._new "
        "WITH a, b, r, props, s, created WHERE created "
        "CREATE (s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b), (s)-[:`IN`]->(r) "
        "WITH a, b, props WHERE NOT props.negated "
        f"MERGE (a)-[e:{name}]->(b) "
        "ON CREATE SET e.mentions = 0, e.hedged_mentions = 0, "
        "e.score = 0.0 "
        "SET e.mentions = e.mentions + 1, "
        "e.hedged_mentions = e.hedged_mentions + CASE WHEN props.hedged THEN 1 ELSE 0 END, "
        "e.score = e.score + props.score, "
        "e.first_seen = CASE WHEN $day IS NULL THEN e.first_seen "
        "WHEN e.first_seen IS NULL OR $day < e.first_seen THEN $day "
        "ELSE e.first_seen END, "
        "e.last_seen = CASE WHEN $day IS NULL THEN e.last_seen "
        "WHEN e.last_seen IS NULL OR $day > e.last_seen THEN $day "
        "ELSE e.last_seen END"
    )


STATEMENTS_MERGE = {name: statements_merge(name) for name in RELATIONS}

ACTORS = (
    "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
    "a.country AS country, a.aliases AS aliases, a.curated AS curated, a.members AS members "
    "ORDER BY id"
)
ACTOR_EDGES = (
    "MATCH (a:Actor)-[e]->(b:Actor) RETURN a.id AS source, b.id AS target, "
    "type(e) AS relation, e.mentions AS mentions, e.hedged_mentions AS hedged_mentions, "
    "e.score AS score, e.first_seen AS first_seen, e.last_seen AS last_seen "
    "ORDER BY source, relation, target"
)
EVIDENCE = (
    "MATCH (s:Statement {relation: $relation})-[:SUBJECT]->(:Actor {id: $source}), "
    "(s)-[:OBJECT]->(:Actor {id: $target}), (s)-[:`IN`]->(r:Article) "
    "RETURN s.id AS statement, s.sentence AS sentence, s.predicate AS predicate, "
    "s.negated AS negated, s.hedged AS hedged, r.id AS article_id, r.title AS title, "
    "r.published AS published, r.url AS url "
    "ORDER BY negated, coalesce(published, '') DESC, statement LIMIT $limit"
)
COUNTS = (
    "RETURN COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles, "
    "COUNT { (:Statement) } AS statements, COUNT { (:Actor)-[]->(:Actor) } AS edges"
)


def schema_statements() -> list[str]:
    """cypher/schema.cypher split into statements, comments dropped."""
    text = resources.files("graphbuild.cypher").joinpath("schema.cypher").read_text("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in body.split(";") if part.strip()]


def statements() -> list[tuple[str, str, list[str]]]:
    """Every Cypher string this store sends: (name, cypher, parameter names), for linting."""
    found = [
        ("article_merge", ARTICLE_MERGE, ["id", "title", "published", "url", "source"]),
        ("actors_merge", ACTORS_MERGE, ["rows"]),
        ("actors", ACTORS, []),
        ("actor_edges", ACTOR_EDGES, []),
        ("evidence", EVIDENCE, ["relation", "source", "target", "limit"]),
        ("counts", COUNTS, []),
        ("article_stored", ARTICLE_STORED, ["id"]),
    ]
    found += [(f"statements_merge_{name}", cypher, ["rows", "article", "day"])
              for name, cypher in STATEMENTS_MERGE.items()]
    found += [(f"schema_{i}", cypher, []) for i, cypher in enumerate(schema_statements())]
    return found


def plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships become property dicts."""
    if isinstance(value, neo4j_graph.Node):
        labels = sorted(value.labels)
        return {"_label": labels[0] if labels else None, "_id": value.element_id,
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Relationship):
        return {"_label": value.type, "_id": value.element_id,
                "_src": value.start_node.element_id if value.start_node else None,
                "_dst": value.end_node.element_id if value.end_node else None,
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "rels": [plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time dates and times
        return value.iso_format()
    return value


def first_line(error: BaseException) -> str:
    # the bare message: str() of a server error adds its status codes, and the
    # GQL `message` of an error the driver raises itself is a generic
    # "50N42: Unexpected error has occurred" (its text is in args)
    given = error.args[0] if error.args and isinstance(error.args[0], str) else None
    text = (given or getattr(error, "message", None) or str(error)).strip()
    return text.splitlines()[0] if text else type(error).__name__


def causes(error: BaseException) -> Iterator[BaseException]:
    """`error` and the exceptions it was raised from or during, innermost last."""
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def unreachable_reason(error: BaseException, connect_timeout: float) -> str:
    """Why the driver could not connect, as a short suffix ('' when plainly refused)."""
    text = str(error)
    if "looks like HTTP" in text:
        return ": it answers HTTP, not Bolt (Bolt is usually port 7687)"
    # the driver's text names its deadline either way: the cause tells a
    # silent server from one that hung up
    if any(isinstance(cause, TimeoutError) or "timed out" in str(cause)
           for cause in causes(error)):
        return f": no answer within {connect_timeout:g} s"
    if "handshake" in text:
        return ": it closed the connection during the Bolt handshake"
    if "defunct connection" in text:
        return ": it closed the connection before login completed"
    return ""


class Neo4jStore:
    """A graph in a Neo4j database; see graphbuild.store.protocol for the model."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None,
                 batch_size: int = 500, *, read_only: bool = False,
                 connect_timeout: float = 15.0, retry_time: float = 30.0) -> None:
        """`connect_timeout`: seconds to connect and log in (TCP, TLS, Bolt
        handshake, authentication) before giving up; `retry_time`: seconds the
        driver keeps retrying a write that failed with a transient error or a
        lost connection."""
        self.uri = uri
        self.user = user
        self.database = database
        self.batch_size = max(1, batch_size)
        self.read_only = read_only
        self.connect_timeout = connect_timeout
        self.retry_time = retry_time
        self.round_trips = 0  # statements sent (retries included): lets tests check batching
        with self._translate():
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=connect_timeout,
                # bounds the handshake and login too: a port that accepts and
                # never answers would otherwise hold us for the default 60 s
                connection_acquisition_timeout=connect_timeout,
                max_transaction_retry_time=retry_time,
            )
        try:
            with self._translate():
                self._check_server()
            if not read_only:
                self.ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    @contextmanager
    def _translate(self, query: bool = False, writing: str | None = None) -> Iterator[None]:
        """Driver exceptions as one-line graphbuild errors (the password never appears).

        `writing` names what a managed write transaction was storing: by the
        time its error gets here the driver has given up retrying."""
        where = f"Neo4j at {self.uri}"
        try:
            yield
        except neo4j_errors.AuthError:
            raise StoreError(f"Neo4j rejected the credentials for user {self.user}") from None
        except neo4j_errors.IncompleteCommit:  # before ServiceUnavailable, its base class
            raise StoreError(
                f"lost the connection to {where} twice while committing {writing}: it is "
                "stored whole or not at all; run the same command again to complete the graph"
            ) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
            if writing is not None:
                raise StoreError(
                    f"lost the connection to {where} while writing {writing} (retried for "
                    f"{self.retry_time:g} s); nothing of it was stored: run the same command "
                    "again to add it and the rest"
                ) from None
            reason = unreachable_reason(error, self.connect_timeout)
            raise StoreError(f"cannot reach {where}{reason}") from None
        except neo4j_errors.UnsupportedServerProduct:
            raise StoreError(
                f"cannot reach {where}: it is not a Neo4j server, or speaks no Bolt version "
                "this driver supports"
            ) from None
        except neo4j_errors.Neo4jError as error:
            code = error.code or ""
            if code.endswith("DatabaseNotFound"):
                raise StoreError(f"{where} has no database {self.database}") from None
            if query and code.startswith("Neo.ClientError."):
                raise QueryError(first_line(error)) from None
            if writing is not None and error.is_retryable():
                raise StoreError(
                    f"{where}: {first_line(error)} (writing {writing}, still failing after "
                    f"retrying for {self.retry_time:g} s; nothing of it was stored)"
                ) from None
            raise StoreError(f"{where}: {first_line(error)}") from None
        except (neo4j_errors.DriverError, ValueError) as error:
            raise StoreError(f"{where}: {first_line(error)}") from None

    def _session(self, write: bool = False) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _check_server(self) -> None:
        agent = self._driver.get_server_info().agent or ""
        found = re.match(r"Neo4j/(\d+)\.(\d+)", agent)
        if found and int(found.group(1)) < 5:
            raise StoreError(
                f"Neo4j at {self.uri} is {agent}; graphbuild needs Neo4j 5 or newer"
            )
        with self._session() as session:  # fails here when the database does not exist
            session.run("RETURN 1").consume()

    def ensure_schema(self) -> None:
        """Constraints and indexes from cypher/schema.cypher (all IF NOT EXISTS)."""
        with self._translate(), self._session(write=True) as session:
            for cypher in schema_statements():
                session.run(cypher).consume()
                self.round_trips += 1

    def _run(self, tx: neo4j.ManagedTransaction, cypher: str,
             params: dict[str, Any]) -> neo4j.ResultSummary:
        self.round_trips += 1
        return tx.run(cypher, params).consume()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"Neo4j at {self.uri} is open read-only")

    # -- writes -----------------------------------------------------------

    def add_article(self, article: Article, triples: Sequence[Triple]) -> AddResult:
        self._writable()
        by_relation: dict[str, dict[str, list[Any]]] = defaultdict(dict)
        for triple in triples:
            props = statement_props(triple)
            # one row per statement id: a MERGE must not meet its own _new flag twice
            by_relation[checked_relation(article, triple)][props["id"]] = [
                triple.subject.id, triple.object.id, props,
            ]
        actors = [actor_props(a) for a in article_actors(triples)]

        attempts: list[AddResult] = []

        # The driver may call this more than once (see the module docstring): it
        # reads nothing from earlier attempts, and its counts come from this
        # transaction's own summaries.
        def write(tx: neo4j.ManagedTransaction) -> AddResult:
            created = self._run(tx, ARTICLE_MERGE, article.meta()).counters.nodes_created
            for chunk in self._chunks(actors):
                self._run(tx, ACTORS_MERGE, {"rows": chunk})
            new_statements = 0
            for relation, rows in by_relation.items():
                for chunk in self._chunks(list(rows.values())):
                    summary = self._run(tx, STATEMENTS_MERGE[relation], {
                        "rows": chunk, "article": article.id, "day": iso_day(article.published),
                    })
                    new_statements += summary.counters.nodes_created
            attempts.append(AddResult(new_article=created > 0, new_statements=new_statements))
            return attempts[-1]

        with (self._translate(writing=f"article {article.id!r}"),
              self._session(write=True) as session):
            try:
                return session.execute_write(write)
            except neo4j_errors.IncompleteCommit:
                # The commit's reply was lost: it may have landed or not, and the
                # driver leaves that to us. Writing again is safe (idempotent); if
                # the article is then already there, the lost commit stored it.
                lost = attempts[-1]
                again = session.execute_write(write)
                return lost if lost.new_article and not again.new_article else again

    def add_actors(self, actors: Sequence[Actor]) -> None:
        self._writable()
        rows = [actor_props(a) for a in actors]

        def write(tx: neo4j.ManagedTransaction) -> None:
            for chunk in self._chunks(rows):
                self._run(tx, ACTORS_MERGE, {"rows": chunk})

        with self._translate(writing="actors"), self._session(write=True) as session:
            session.execute_write(write)

    def _chunks(self, rows: list[Any]) -> Iterator[list[Any]]:
        for start in range(0, len(rows), self.batch_size):
            yield rows[start:start + self.batch_size]

    # -- reads ------------------------------------------------------------

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._translate(query=True), self._session(write=not self.read_only) as session:
            return self._records(session.run(cypher, params or {}))

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        # a managed read transaction: retried like the writes on a lost connection
        with self._translate(), self._session() as session:
            return session.execute_read(
                lambda tx: self._records(tx.run(cypher, params or {})))

    def _records(self, result: neo4j.Result) -> list[dict[str, Any]]:
        self.round_trips += 1
        keys = list(result.keys())
        return [dict(zip(keys, (plain(v) for v in record))) for record in result]

    def actors(self) -> list[dict[str, Any]]:
        return actor_rows(self._read(ACTORS))

    def actor_edges(self) -> list[dict[str, Any]]:
        return self._read(ACTOR_EDGES)

    def evidence(self, source: str, relation: str, target: str,
                 limit: int = 3) -> list[dict[str, Any]]:
        return self._read(EVIDENCE, {"source": source, "relation": relation,
                                     "target": target, "limit": int(limit)})

    def has_article(self, article_id: str) -> bool:
        return bool(self._read(ARTICLE_STORED, {"id": article_id}))

    def stats(self) -> dict[str, int]:
        row = self._read(COUNTS)[0]
        return {key: int(row[key]) for key in ("actors", "articles", "statements", "edges")}

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"
