"""The embedded store: LadybugDB (a fork of Kùzu), one file, no server.

LadybugDB needs a typed schema: one node table per label and one rel table per
relationship type, so every relation name in the vocabulary gets its own
Actor->Actor table. `IN` and `end` are reserved words there: they are written
with backticks in every statement.

add_article writes one keyed statement per row: a keyed MATCH/MERGE costs the
same at any table size. add_articles writes a batch of articles in one
transaction with one statement per kind of row, each node looked up by
primary key in a MATCH clause of its own (flat as tables grow; one pattern
with several nodes is planned as a scan). The many rows (statements, edges)
are read with LOAD FROM from a temporary CSV file of ours, 4x faster than the
same rows as an UNWIND parameter.

A large batch (`graphbuild load` sends them) writes its new statements, links,
articles and edges with COPY FROM instead, still inside the batch's
transaction: a few microseconds a row instead of some thirty. LadybugDB
checkpoints at the commit of every COPY, and that costs ~0.15 s for each
touched edge table whatever the batch size (measured: 3-4 s with the ~20
relation tables a batch touches), so small batches (ingest) keep LOAD FROM.
In a COPY batch a helper thread writes the next CSV file while LadybugDB
copies the last one (a query releases the GIL).
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Self, cast

import ladybug

from graphbuild.errors import QueryError, StoreError, StoreLockedError
from graphbuild.queries import check_params
from graphbuild.records import Actor, Article, Triple, iso_day
from graphbuild.relations import RELATIONS
from graphbuild.store.protocol import AddResult
from graphbuild.store.rows import (
    actor_props,
    actor_rows,
    article_actors,
    batch_actors,
    checked_relation,
    statement_props,
)

# 2: edge tables without a `relation` column (type(e), a macro over label(e),
# names it) and with DATE first_seen/last_seen; version 1 is upgraded in place
SCHEMA_VERSION = 2
# A writer checkpoints when its log passes this size. A checkpoint rewrites
# every touched rel table (seconds on a large graph): at LadybugDB's default
# it would run every ~12k statements and dominate a bulk load. Larger values
# move the cost to fewer, longer checkpoints (and to the one at close) without
# a measured gain. Readers replay at most this much log when they open beside
# a writer.
CHECKPOINT_BYTES = 64 * 1024 * 1024
# A batch with this many new statements or more is written with COPY FROM
# (see the module docstring): there the checkpoint at commit is cheaper than
# the per-row cost COPY saves.
COPY_MIN_STATEMENTS = 20_000
# a failed batch is retried in halves down to this many articles, then one by one
RETRY_ONE_BY_ONE = 64


# Property columns per table: the DDL below, and the filter that drops the
# null properties of other tables LadybugDB puts on nodes inside paths.
ACTOR_COLUMNS = {
    "id": "STRING PRIMARY KEY", "name": "STRING", "kind": "STRING", "country": "STRING",
    "aliases": "STRING[]", "curated": "BOOLEAN", "members": "STRING[]",
}
ARTICLE_COLUMNS = {
    "id": "STRING PRIMARY KEY", "title": "STRING", "published": "STRING", "url": "STRING",
    "source": "STRING",
}
STATEMENT_COLUMNS = {
    "id": "STRING PRIMARY KEY", "relation": "STRING", "predicate": "STRING",
    "sentence": "STRING", "sentence_index": "INT64", "start": "INT64", "end": "INT64",
    "negated": "BOOLEAN", "hedged": "BOOLEAN", "historical": "BOOLEAN", "score": "DOUBLE",
    "confidence": "DOUBLE", "evidence": "STRING",
}
# Few, fixed-width columns: a commit's checkpoint rewrites every column of
# every touched edge table (21 a bulk batch), so each one costs. Dropping the
# `relation` column (the table's name) and storing days as DATE cut a 100k-
# article load's commit from ~5.1 s to ~3.9 s (benchmarks/RESULTS.md).
EDGE_COLUMNS = {
    "mentions": "INT64", "hedged_mentions": "INT64", "score": "DOUBLE",
    "first_seen": "DATE", "last_seen": "DATE",
}
META_COLUMNS = {"key": "STRING PRIMARY KEY", "value": "STRING"}

COLUMNS: dict[str, set[str]] = {
    "Actor": set(ACTOR_COLUMNS), "Article": set(ARTICLE_COLUMNS),
    "Statement": set(STATEMENT_COLUMNS), "Meta": set(META_COLUMNS),
    "SUBJECT": set(), "OBJECT": set(), "IN": set(),
    **{name: set(EDGE_COLUMNS) for name in RELATIONS},
}


def _columns(spec: dict[str, str]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in spec.items())


def schema_statements() -> list[str]:
    """The DDL, all IF NOT EXISTS: safe to run on every read-write open."""
    ddl = [
        f"CREATE NODE TABLE IF NOT EXISTS Meta({_columns(META_COLUMNS)})",
        f"CREATE NODE TABLE IF NOT EXISTS Actor({_columns(ACTOR_COLUMNS)})",
        f"CREATE NODE TABLE IF NOT EXISTS Article({_columns(ARTICLE_COLUMNS)})",
        f"CREATE NODE TABLE IF NOT EXISTS Statement({_columns(STATEMENT_COLUMNS)})",
        "CREATE REL TABLE IF NOT EXISTS SUBJECT(FROM Statement TO Actor)",
        "CREATE REL TABLE IF NOT EXISTS OBJECT(FROM Statement TO Actor)",
        "CREATE REL TABLE IF NOT EXISTS `IN`(FROM Statement TO Article)",
    ]
    # names come from the vocabulary only, never from article text
    ddl += [
        f"CREATE REL TABLE IF NOT EXISTS {name}(FROM Actor TO Actor, {_columns(EDGE_COLUMNS)})"
        for name in RELATIONS
    ]
    return ddl


# LadybugDB names a relationship's type label(e); with this macro the same
# Cypher (type(e), as Neo4j spells it) runs on both stores
TYPE_MACRO = "CREATE MACRO type(e) AS label(e)"
DAY_ROW = {"subject": "STRING", "object": "STRING", "day": "DATE"}

ACTOR_FIND = (
    "MATCH (a:Actor {id: $id}) "
    "RETURN a.curated, a.name, a.kind, a.country, a.aliases, a.members"
)
ACTOR_SET = (
    "MERGE (a:Actor {id: $id}) SET a.name = $name, a.kind = $kind, a.country = $country, "
    "a.aliases = $aliases, a.members = $members, a.curated = $curated"
)
ARTICLE_FIND = "MATCH (r:Article {id: $id}) RETURN r.id"
ARTICLE_CREATE = (
    "CREATE (:Article {id: $id, title: $title, published: $published, url: $url, "
    "source: $source})"
)
STATEMENT_FIND = "MATCH (s:Statement {id: $id}) RETURN s.id"
STATEMENT_CREATE = (
    "MATCH (a:Actor {id: $subject}), (b:Actor {id: $object}), (r:Article {id: $article}) "
    "CREATE (s:Statement {id: $id, relation: $relation, predicate: $predicate, "
    "sentence: $sentence, sentence_index: $sentence_index, start: $start, `end`: $stop, "
    "negated: $negated, hedged: $hedged, historical: $historical, score: $score, "
    "confidence: $confidence, evidence: $evidence}), "
    "(s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b), (s)-[:`IN`]->(r)"
)
EDGE_FIND = {
    name: f"MATCH (:Actor {{id: $subject}})-[e:{name}]->(:Actor {{id: $object}}) "
    "RETURN e.mentions, e.hedged_mentions, e.score, e.first_seen, e.last_seen"
    for name in RELATIONS
}
EDGE_CREATE = {
    name: "MATCH (a:Actor {id: $subject}), (b:Actor {id: $object}) "
    f"CREATE (a)-[:{name} {{mentions: $mentions, "
    "hedged_mentions: $hedged_mentions, score: $score, first_seen: date($first_seen), "
    "last_seen: date($last_seen)}]->(b)"
    for name in RELATIONS
}
EDGE_UPDATE = {
    name: f"MATCH (:Actor {{id: $subject}})-[e:{name}]->(:Actor {{id: $object}}) "
    "SET e.mentions = $mentions, e.hedged_mentions = $hedged_mentions, e.score = $score, "
    "e.first_seen = date($first_seen), e.last_seen = date($last_seen)"
    for name in RELATIONS
}

# batch writes: primary-key lookups of many ids at once stay flat as tables grow;
# one MATCH clause per node makes LadybugDB look each one up by key (written as
# one pattern, it scans: 3x slower for edges, 1000x for statement links). The
# ids come in a CSV file read with LOAD FROM (see _load), one per row `i`.
ID_ROW = {"i": "STRING"}
# relation name as written in triples -> the edge table (the vocabulary's spelling)
EDGE_TABLE = {relation: spec.name for relation, spec in RELATIONS.items()}
ARTICLES_FOUND = "MATCH (r:Article {id: i}) RETURN r.id"
STATEMENTS_FOUND = "MATCH (s:Statement {id: i}) RETURN s.id"
ACTORS_FOUND = (
    "MATCH (a:Actor {id: i}) "
    "RETURN a.id, a.curated, a.name, a.kind, a.country, a.aliases, a.members"
)
ACTORS_CREATE = (
    "UNWIND $rows AS row CREATE (:Actor {id: row.id, name: row.name, kind: row.kind, "
    "country: row.country, aliases: row.aliases, members: row.members, curated: row.curated})"
)
# most new actors of a batch are names NER found (aliases: the name, no
# members): these go in from a CSV file, which has no list columns
PLAIN_ACTOR_ROW = {"id": "STRING", "name": "STRING", "kind": "STRING", "country": "STRING",
                   "curated": "BOOLEAN", "alias_is_name": "BOOLEAN"}
PLAIN_ACTORS_CREATE = (
    "CREATE (:Actor {id: id, name: name, kind: kind, country: country, "
    "aliases: CASE WHEN alias_is_name THEN [name] ELSE CAST([] AS STRING[]) END, "
    "members: CAST([] AS STRING[]), curated: curated})"
)
ARTICLES_CREATE = (
    "UNWIND $rows AS row CREATE (:Article {id: row.id, title: row.title, "
    "published: row.published, url: row.url, source: row.source})"
)
# LOAD FROM reads RFC 4180 CSV (LadybugDB's default escape is a backslash); quoted
# fields may hold newlines only when one thread reads the file
CSV_OPTIONS = "(HEADER=false, QUOTE='\"', ESCAPE='\"', PARALLEL=false)"
STATEMENT_ROW = {
    "subject": "STRING", "object": "STRING", "article": "STRING",
    **{("stop" if name == "end" else name): kind.removesuffix(" PRIMARY KEY")
       for name, kind in STATEMENT_COLUMNS.items()},
}
STATEMENTS_CREATE = (
    "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
    "MATCH (r:Article {id: article}) "
    "CREATE (s:Statement {id: id, relation: relation, predicate: predicate, "
    "sentence: sentence, sentence_index: sentence_index, start: start, `end`: stop, "
    "negated: negated, hedged: hedged, historical: historical, score: score, "
    "confidence: confidence, evidence: evidence}), "
    "(s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b), (s)-[:`IN`]->(r)"
)
EDGE_ROW = {"subject": "STRING", "object": "STRING", **EDGE_COLUMNS}
# one statement per edge table: a pattern over every table (`WHERE label(e) =
# ...`) is planned as a scan of all edges (0.42 s for one article's 20 pairs at
# 100k articles, growing with the graph)
EDGES_FOUND = {
    name: "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
    f"MATCH (a)-[e:{name}]->(b) "
    "RETURN a.id, b.id, e.mentions, e.hedged_mentions, e.score, e.first_seen, e.last_seen"
    for name in RELATIONS
}
# looked up and deleted at once: a COPY batch writes the edge again (see _take_edges)
PAIR_ROW = {"subject": "STRING", "object": "STRING"}
EDGES_TAKEN = {
    name: "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
    f"MATCH (a)-[e:{name}]->(b) "
    "WITH a, b, e, e.mentions AS mentions, e.hedged_mentions AS hedged, e.score AS score, "
    "e.first_seen AS first, e.last_seen AS last DELETE e "
    "RETURN a.id, b.id, mentions, hedged, score, first, last"
    for name in RELATIONS
}
EDGES_UPDATE = {
    name: "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
    f"MATCH (a)-[e:{name}]->(b) "
    "SET e.mentions = mentions, e.hedged_mentions = hedged_mentions, e.score = score, "
    "e.first_seen = first_seen, e.last_seen = last_seen"
    for name in RELATIONS
}
EDGES_CREATE = {
    name: "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
    f"CREATE (a)-[:{name} {{mentions: mentions, "
    "hedged_mentions: hedged_mentions, score: score, first_seen: first_seen, "
    "last_seen: last_seen}]->(b)"
    for name in RELATIONS
}

ACTORS = (
    "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
    "a.country AS country, a.aliases AS aliases, a.curated AS curated, a.members AS members "
    "ORDER BY id"
)
ACTOR_EDGES = (
    "MATCH (a:Actor)-[e]->(b:Actor) RETURN a.id AS source, b.id AS target, "
    "label(e) AS relation, e.mentions AS mentions, e.hedged_mentions AS hedged_mentions, "
    "e.score AS score, e.first_seen AS first_seen, e.last_seen AS last_seen "
    "ORDER BY source, relation, target"
)
# non-negated statements first (they are what the edge counts), then newest
EVIDENCE = (
    "MATCH (s:Statement {relation: $relation})-[:SUBJECT]->(:Actor {id: $source}), "
    "(s)-[:OBJECT]->(:Actor {id: $target}), (s)-[:`IN`]->(r:Article) "
    "RETURN s.id AS statement, s.sentence AS sentence, s.predicate AS predicate, "
    "s.negated AS negated, s.hedged AS hedged, r.id AS article_id, r.title AS title, "
    "r.published AS published, r.url AS url "
    "ORDER BY negated, coalesce(published, '') DESC, statement LIMIT $limit"
)
COUNTS = {
    "actors": "MATCH (a:Actor) RETURN count(a)",
    "articles": "MATCH (r:Article) RETURN count(r)",
    "statements": "MATCH (s:Statement) RETURN count(s)",
    "edges": "MATCH (:Actor)-[e]->(:Actor) RETURN count(e)",
}


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def plain(value: Any) -> Any:
    """LadybugDB values as plain Python: nodes and rels become property dicts."""
    if isinstance(value, Decimal):  # sum() of integers comes back as a Decimal
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):  # as the Neo4j store keeps them: ISO strings
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {"nodes": plain(value["_NODES"]), "rels": plain(value["_RELS"])}
        if "_LABEL" in value and "_ID" in value:
            label = value["_LABEL"]
            keep = COLUMNS.get(label)
            out: dict[str, Any] = {"_label": label, "_id": _internal_id(value["_ID"])}
            if "_SRC" in value:
                out["_src"] = _internal_id(value["_SRC"])
                out["_dst"] = _internal_id(value.get("_DST"))
            for key, item in value.items():
                if not key.startswith("_") and (keep is None or key in keep):
                    out[key] = plain(item)
            return out
        return {k: plain(v) for k, v in value.items()}
    return value


# what _edge_sum returns, in order (EDGE_ROW after the ids)
EDGE_SUM_COLUMNS = tuple(EDGE_COLUMNS)


def _edge_sum(stored: list[Any] | None, added: list[tuple[bool, float, str | None]]
              ) -> tuple[int, int, float, str | None, str | None]:
    """An aggregated edge's values: the stored ones (or none) plus each new
    statement's (hedged, score, published) in order. Every write path sums
    here, one statement after another, so a batch and the same articles one by
    one give equal floats. Days are ISO strings (stored ones come back as
    dates); a published value that is no ISO date is no day."""
    mentions, hedged, score, first, last = stored or (0, 0, 0.0, None, None)
    mentions, hedged, score = mentions or 0, hedged or 0, score or 0.0
    first = first.isoformat() if isinstance(first, date) else first or None
    last = last.isoformat() if isinstance(last, date) else last or None
    for is_hedged, statement_score, published in added:
        mentions += 1
        hedged += 1 if is_hedged else 0
        score = score + statement_score
        published = iso_day(published)
        if published:
            if first is None or published < first:
                first = published
            if last is None or published > last:
                last = published
    return mentions, hedged, score, first, last


# per edge table, per (subject id, object id): each new statement's
# (hedged, score, published), in order
EdgeContributions = dict[str, dict[tuple[str, str], list[tuple[bool, float, str | None]]]]


def edge_contributions(counted: Iterable[tuple[Article, Triple]]) -> EdgeContributions:
    """What a batch's non-negated new statements add to each aggregated edge."""
    by_relation: EdgeContributions = {}
    for article, triple in counted:
        table = EDGE_TABLE[triple.relation]
        edges = by_relation.get(table)
        if edges is None:
            edges = by_relation[table] = {}
        key = (triple.subject.id, triple.object.id)
        contribution = (triple.hedged, float(triple.score), article.published)
        added = edges.get(key)
        if added is None:
            edges[key] = [contribution]
        else:
            added.append(contribution)
    return by_relation


def _maybe_stored(edges: dict[tuple[str, str], Any], created_actors: set[str]
                  ) -> Iterable[tuple[str, str]]:
    """The (subject, object) pairs that may have a stored edge: an actor
    created in this batch has none, so no lookup for it."""
    return ((s, o) for s, o in edges if s not in created_actors and o not in created_actors)


def csv_cell(value: Any) -> str:
    """One CSV field as LOAD FROM reads it back: an unquoted empty field is null,
    a quoted one a string (so "" stays an empty string)."""
    kind = type(value)  # exact types first: this runs for every cell of a bulk load
    if kind is str:
        return '"' + value.replace('"', '""') + '"'
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # a float's repr reads back as the same float
    return '"' + str(value).replace('"', '""') + '"'


def csv_line(values: Iterable[Any]) -> str:
    return ",".join(map(csv_cell, values)) + "\n"


def _statement_row(article: Article, triple: Triple) -> dict[str, Any]:
    """A STATEMENT_ROW: the statement's properties and the ids it links to."""
    props = statement_props(triple)
    props["stop"] = props.pop("end")  # `end` is reserved in LadybugDB ($end does not parse)
    return {**props, "subject": triple.subject.id, "object": triple.object.id,
            "article": article.id}


def _internal_id(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value.get('table')}:{value.get('offset')}"
    return str(value)


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Take Ctrl-C after a LadybugDB call, not inside it. Python runs a signal's handler
    as soon as the call's C++ part returns, which is inside the driver's own Python
    wrapper: a KeyboardInterrupt raised there can leave the connection counting a call
    in flight, and closing it then waits forever (seen once in ~15 double Ctrl-Cs of an
    ingest with --jobs 2). The signal is held for the call and handled right after it,
    by whatever handler was in place (the stop flag of an ingest, or KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # handlers run in the main thread only
        return
    previous = signal.getsignal(signal.SIGINT)
    held: list[Any] = []
    signal.signal(signal.SIGINT, lambda _signum, frame: held.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        # each press as if it came now: two presses during one call still stop hard
        for frame in held[:2]:
            if callable(previous):
                previous(signal.SIGINT, frame)
            elif previous != signal.SIG_IGN:
                raise KeyboardInterrupt


class LadybugStore:
    """A graph in one LadybugDB file; see graphbuild.store.protocol for the model."""

    dialect = "ladybug"

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 wait: float = 5.0) -> None:
        self.path = os.fspath(path)
        self.read_only = read_only
        if read_only and not os.path.exists(self.path):
            raise StoreError(f"no database at {self.path}; run `graphbuild ingest` first")
        self._folder: str | None = None  # for LOAD FROM files, made on first use
        self.copy_min_statements = COPY_MIN_STATEMENTS
        self._db = self._open(wait)
        try:
            self._conn = ladybug.Connection(self._db)
            self._prepare_schema()
        except BaseException:
            self._db.close()
            raise

    def _open(self, wait: float) -> ladybug.Database:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                if self.read_only:
                    return ladybug.Database(self.path, read_only=True)
                return ladybug.Database(self.path, checkpoint_threshold=CHECKPOINT_BYTES)
            except RuntimeError as error:
                # a second writer gets a bare RuntimeError; wait for the first one
                if "Could not set lock" not in str(error):
                    raise StoreError(
                        f"cannot open database {self.path}: {first_line(error)}"
                    ) from None
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"database {self.path} is being written by another process; "
                        "wait for it or use another --db"
                    ) from None
                time.sleep(0.1)

    def _prepare_schema(self) -> None:
        tables = {row[1] for row in self._run("CALL show_tables() RETURN *")}
        found = None
        if "Meta" not in tables and (tables or self.read_only):
            raise StoreError(f"{self.path} is not a graphbuild database")
        if "Meta" in tables:
            rows = self._run("MATCH (m:Meta {key: 'schema_version'}) RETURN m.value")
            found = rows[0][0] if rows else None
            if found == "1" and not self.read_only:
                self._upgrade_edge_tables()
            elif found != str(SCHEMA_VERSION):
                newer = found is not None and found.isdigit() and int(found) > SCHEMA_VERSION
                hint = ("upgrade graphbuild" if newer
                        else f"upgrade it once with `graphbuild init-schema --db {self.path}`"
                        if found == "1"
                        else "rebuild it into a new --db with `graphbuild ingest`")
                raise StoreError(
                    f"database {self.path} has schema version {found}, this graphbuild "
                    f"reads version {SCHEMA_VERSION}; {hint}"
                )
        if self.read_only:
            return
        for statement in schema_statements():
            self._run(statement)
        if not any(row[0] == "TYPE" for row in self._run("CALL show_macros() RETURN *")):
            self._run(TYPE_MACRO)
        if found != str(SCHEMA_VERSION):  # a write on every open costs ~0.2 s at close
            self._run("MERGE (m:Meta {key: 'schema_version'}) SET m.value = $v",
                      {"v": str(SCHEMA_VERSION)})

    def _upgrade_edge_tables(self) -> None:
        """Schema 1 -> 2 in place: each edge table drops its `relation` column
        and keeps its days as DATE (a value that is no ISO date becomes null).
        Each step looks at the table first, so an upgrade cut short resumes
        where it stopped; ~25 s for a graph of 100k articles."""
        for name in RELATIONS:  # names from the vocabulary only
            columns = self._edge_table_columns(name)
            if "relation" in columns:
                self._run(f"ALTER TABLE {name} DROP relation")
            for column in ("first_seen", "last_seen"):
                day = f"{column}_day"
                if columns.get(column) == "STRING":
                    if day not in columns:
                        self._run(f"ALTER TABLE {name} ADD {day} DATE")
                    self._run("BEGIN TRANSACTION")
                    try:
                        rows = self._run(f"MATCH (a:Actor)-[e:{name}]->(b:Actor) "
                                         f"WHERE e.{column} IS NOT NULL "
                                         f"RETURN a.id, b.id, e.{column}")
                        self._load(DAY_ROW, ([s, o, iso_day(v)] for s, o, v in rows),
                                   "MATCH (a:Actor {id: subject}) MATCH (b:Actor {id: object}) "
                                   f"MATCH (a)-[e:{name}]->(b) SET e.{day} = day")
                        self._run("COMMIT")
                    except BaseException:
                        self._rollback()
                        raise
                    self._run(f"ALTER TABLE {name} DROP {column}")
                    self._run(f"ALTER TABLE {name} RENAME {day} TO {column}")
                elif column not in columns and day in columns:
                    self._run(f"ALTER TABLE {name} RENAME {day} TO {column}")

    def _edge_table_columns(self, name: str) -> dict[str, str]:
        return {row[1]: row[2] for row in self._run(f"CALL table_info('{name}') RETURN *")}

    def _execute(self, cypher: str, params: dict[str, Any] | None,
                 error: type[StoreError | QueryError]) -> ladybug.QueryResult:
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as problem:
            message = first_line(problem)
            if error is StoreError:
                message = f"database {self.path}: {message}"
            raise error(message) from None
        if isinstance(result, list):  # several statements: the last one answers
            result = result[-1]
        return result

    def _run(self, cypher: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        """Run one statement of our own; a failure is a store problem, not a query one."""
        with ctrl_c_held():
            rows = self._execute(cypher, params, StoreError).get_all()
        return cast(list[list[Any]], rows)

    def _rows(self, cypher: str, params: dict[str, Any] | None = None,
              error: type[StoreError | QueryError] = StoreError) -> list[dict[str, Any]]:
        with ctrl_c_held():
            result = self._execute(cypher, params, error)
            columns = result.get_column_names()
            rows = result.get_all()
        return [dict(zip(columns, plain(row))) for row in rows]

    # -- writes -----------------------------------------------------------

    def add_article(self, article: Article, triples: Sequence[Triple]) -> AddResult:
        self._writable()
        self._run("BEGIN TRANSACTION")
        try:
            new_article = not self._run(ARTICLE_FIND, {"id": article.id})
            if new_article:
                self._run(ARTICLE_CREATE, article.meta())
            for actor in article_actors(triples):
                self._merge_actor(actor)
            created = sum(self._add_statement(article, triple) for triple in triples)
            self._run("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return AddResult(new_article=new_article, new_statements=created)

    def add_articles(self, batch: Sequence[tuple[Article, Sequence[Triple]]]
                     ) -> list[AddResult]:
        """Write a batch of articles in one transaction: whole or absent.

        The graph and the results are those of add_article called on each
        article in turn. If the batch fails (e.g. a relation outside the
        vocabulary), it is rolled back and written again in halves, down to
        RETRY_ONE_BY_ONE articles, which go one by one with add_article: those
        before a bad one are kept, and the bad one raises its own error, as
        without batching. Ingest sends up to 500 articles a batch, load up to
        100k statements, so the fixed cost (about 50 statements) stays small.
        """
        self._writable()
        if not batch:
            return []
        try:
            for article, triples in batch:
                for triple in triples:
                    checked_relation(article, triple)
        except StoreError:
            return self._one_by_one(batch)
        self._run("BEGIN TRANSACTION")
        try:
            results = self._write_batch(batch)
            self._run("COMMIT")
        except (StoreError, OSError, UnicodeError):
            # OSError, UnicodeError: a CSV file could not be written
            self._rollback()
            return self._retry(batch)
        except BaseException:
            self._rollback()
            raise
        return results

    def _retry(self, batch: Sequence[tuple[Article, Sequence[Triple]]]) -> list[AddResult]:
        """A failed batch again, in halves while large: one bad sentence in a
        100k-statement load batch costs some 17 smaller transactions, not
        8,000 one-article ones."""
        if len(batch) <= RETRY_ONE_BY_ONE:
            return self._one_by_one(batch)
        middle = len(batch) // 2
        first = self.add_articles(batch[:middle])  # raises at a bad article: as one by one
        return first + self.add_articles(batch[middle:])

    def _one_by_one(self, batch: Sequence[tuple[Article, Sequence[Triple]]]
                    ) -> list[AddResult]:
        return [self.add_article(article, triples) for article, triples in batch]

    def _found(self, cypher: str, ids: Iterable[str]) -> set[str]:
        return {row[0] for row in self._load(ID_ROW, ([i] for i in ids), cypher, False)}

    def _write_batch(self, batch: Sequence[tuple[Article, Sequence[Triple]]]
                     ) -> list[AddResult]:
        articles_seen = self._found(ARTICLES_FOUND, {a.id for a, _ in batch})
        ids = [[t.statement_id for t in triples] for _, triples in batch]
        statements_seen = self._found(STATEMENTS_FOUND, {i for row in ids for i in row})
        results: list[AddResult] = []
        new_articles: list[Article] = []
        new_statements: list[tuple[Article, Triple]] = []
        for (article, triples), statement_ids in zip(batch, ids):
            new_article = article.id not in articles_seen
            if new_article:
                articles_seen.add(article.id)
                new_articles.append(article)
            created = 0
            for statement_id, triple in zip(statement_ids, triples):
                if statement_id not in statements_seen:
                    statements_seen.add(statement_id)
                    new_statements.append((article, triple))
                    created += 1
            results.append(AddResult(new_article=new_article, new_statements=created))

        counted = [(a, t) for a, t in new_statements if not t.negated]
        if len(new_statements) >= self.copy_min_statements:
            self._copy_batch(new_articles, new_statements, counted, batch_actors(batch))
            return results
        created_actors = self._merge_actors(batch_actors(batch))
        if new_articles:
            self._run(ARTICLES_CREATE, {"rows": [a.meta() for a in new_articles]})
        self._load(STATEMENT_ROW, [_statement_row(a, t) for a, t in new_statements],
                   STATEMENTS_CREATE, False)
        self._update_edges(edge_contributions(counted), created_actors)
        return results

    def _copy_batch(self, articles: list[Article], statements: list[tuple[Article, Triple]],
                    counted: list[tuple[Article, Triple]], actors: list[Actor]) -> None:
        """Write a large batch with COPY FROM. A helper thread writes each CSV
        file while LadybugDB copies the one before (its queries release the
        GIL), so most of the Python work hides behind the database's."""
        self._csv_folder()  # made here, not in the helper thread
        # statements and links have no null property (nulls=False: no check)
        files = {
            "Statement": ([props[c] for c in STATEMENT_COLUMNS]
                          for props in (statement_props(t) for _, t in statements)),
            "SUBJECT": ((t.statement_id, t.subject.id) for _, t in statements),
            "OBJECT": ((t.statement_id, t.object.id) for _, t in statements),
            "IN": ((t.statement_id, a.id) for a, t in statements),
        }
        writer = ThreadPoolExecutor(1, thread_name_prefix="graphbuild-csv")
        try:
            contributions = writer.submit(edge_contributions, counted)
            written = [(table, writer.submit(self._write_csv, rows, False, table))
                       for table, rows in files.items()]
            created_actors = self._merge_actors(actors)
            self._copy("Article", ([a.meta()[c] for c in ARTICLE_COLUMNS] for a in articles))
            # the stored edges first: their lookups cover the writing of the
            # statement files, and those COPYs the writing of the edge files
            written += self._take_edges(contributions.result(), created_actors, writer)
            for table, path in written:
                self._copy_file(table, path.result())
        finally:
            writer.shutdown(wait=True, cancel_futures=True)

    def _merge_actors(self, actors: list[Actor]) -> set[str]:
        """Merge the batch's actors; returns the ids of those created."""
        stored = {row[0]: row[1:]
                  for row in self._load(ID_ROW, ([a.id] for a in actors), ACTORS_FOUND, False)}
        # new actors in one or two statements (a batch may bring thousands); a
        # curated record that changes a stored actor is rare: one statement each
        fresh = [a for a in actors if a.id not in stored]
        plain = {a.id for a in fresh if not a.members and tuple(a.aliases) in ((), (a.name,))}
        self._load(PLAIN_ACTOR_ROW, ([a.id, a.name, a.kind, a.country, a.curated, bool(a.aliases)]
                                     for a in fresh if a.id in plain), PLAIN_ACTORS_CREATE)
        listed = [actor_props(a) for a in fresh if a.id not in plain]
        if listed:
            self._run(ACTORS_CREATE, {"rows": listed})
        for actor in actors:
            if actor.id in stored and self._actor_changes(actor, stored[actor.id]):
                self._run(ACTOR_SET, actor_props(actor))
        return {a.id for a in fresh}

    def _update_edges(self, by_relation: EdgeContributions, created_actors: set[str]) -> None:
        """Add the batch's new non-negated statements, in order, onto the stored
        edge values; then create the new edges and update the stored ones."""
        for name, edges in by_relation.items():
            stored = {(s, o): values for s, o, *values in self._load(
                PAIR_ROW, _maybe_stored(edges, created_actors), EDGES_FOUND[name], False)}
            rows = [[s, o, *_edge_sum(stored.get((s, o)), added)]
                    for (s, o), added in edges.items()]
            self._load(EDGE_ROW, [row for row in rows if (row[0], row[1]) in stored],
                       EDGES_UPDATE[name])
            self._load(EDGE_ROW, [row for row in rows if (row[0], row[1]) not in stored],
                       EDGES_CREATE[name])

    def _take_edges(self, by_relation: EdgeContributions, created_actors: set[str],
                    writer: ThreadPoolExecutor) -> list[tuple[str, Future[str | None]]]:
        """_update_edges for a COPY batch: each table's stored edges are taken
        out (looked up and deleted in one statement) and `writer` writes the
        file that copies them again with the new ones (2.5x cheaper than setting
        five properties). Returns (edge table, its file to COPY)."""
        files = []
        for name, edges in by_relation.items():
            stored = {(s, o): values for s, o, *values in self._load(
                PAIR_ROW, _maybe_stored(edges, created_actors), EDGES_TAKEN[name], False)}
            files.append((name, writer.submit(self._write_edges, name, edges, stored)))
        return files

    def _write_edges(self, name: str, edges: dict[tuple[str, str], list[Any]],
                     stored: dict[tuple[str, str], list[Any]]) -> str | None:
        """One edge table's rows for COPY, in its column order: from, to, EDGE_COLUMNS."""
        return self._write_csv(([s, o, *_edge_sum(stored.get((s, o)), added)]
                                for (s, o), added in edges.items()), True, name)

    def _copy(self, table: str, rows: Iterable[Sequence[Any]], nulls: bool = True) -> None:
        """COPY rows (in the table's column order) into one of our own tables."""
        self._copy_file(table, self._write_csv(rows, nulls))

    def _copy_file(self, table: str, path: str | None) -> None:
        if table not in COLUMNS:  # names come from the schema, never from text
            raise StoreError(f"no table {table!r}")
        if path is not None:
            self._run(f"COPY `{table}` FROM '{path}' {CSV_OPTIONS}")

    def _write_csv(self, rows: Iterable[Sequence[Any]], nulls: bool = True,
                   name: str = "rows") -> str | None:
        """Rows as our private CSV file `name`.csv (a table name or "rows"),
        None when there are none. Rows go through the csv module's C writer,
        which quotes every string (so "" stays an empty string) and no number;
        it would write None as "" too (an empty string, not null), so a row with
        a None (possible only when `nulls` is true) is written by csv_line
        instead. Row order is not kept."""
        rows = list(rows)
        if not rows:
            return None
        with_null = [row for row in rows if None in row] if nulls else []
        if with_null:
            rows = [row for row in rows if None not in row]
        path = f"{self._csv_folder()}/{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
            writer.writerows(rows)
            handle.writelines(map(csv_line, with_null))
        return path

    def _load(self, columns: dict[str, str], rows: Iterable[dict[str, Any]] | Iterable[
              Sequence[Any]], then: str, nulls: bool = True) -> list[list[Any]]:
        """Run `LOAD <rows as CSV> <then>`; `then` sees each column by name. Rows are
        dicts keyed by column, or sequences in column order. Many rows are much
        cheaper this way than as a list parameter (LadybugDB converts those
        slowly: 12,800 actor rows took 1.4 s as UNWIND $rows, 0.17 s as CSV)."""
        path = self._write_csv(
            ((row if not isinstance(row, dict) else [row[c] for c in columns]) for row in rows),
            nulls)
        if path is None:
            return []
        header = ", ".join(f"{name} {kind}" for name, kind in columns.items())
        # the path is ours (checked in _csv_folder); LadybugDB takes no parameter there
        return self._run(f"LOAD WITH HEADERS ({header}) FROM '{path}' {CSV_OPTIONS} {then}")

    def _csv_folder(self) -> str:
        """A private temporary folder for LOAD FROM and COPY FROM files, made once
        per store (one file, rewritten for each statement after the last has run)."""
        if self._folder is None:
            folder = Path(tempfile.mkdtemp(prefix="graphbuild-load-")).as_posix()
            if "'" in folder or "\\" in folder or not folder.isprintable():
                shutil.rmtree(folder, ignore_errors=True)
                raise StoreError(f"temporary folder {folder!r} cannot be named in LOAD FROM")
            self._folder = folder
        return self._folder

    def add_actors(self, actors: Sequence[Actor]) -> None:
        self._writable()
        self._run("BEGIN TRANSACTION")
        try:
            for actor in actors:
                self._merge_actor(actor)
            self._run("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # LadybugDB already rolled back when a statement itself failed
        try:
            with ctrl_c_held():
                self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")

    def _merge_actor(self, actor: Actor) -> None:
        rows = self._run(ACTOR_FIND, {"id": actor.id})
        if self._actor_changes(actor, rows[0] if rows else None):
            self._run(ACTOR_SET, actor_props(actor))

    @staticmethod
    def _actor_changes(actor: Actor, stored: list[Any] | None) -> bool:
        """Whether merging `actor` writes anything, given the stored row
        (curated, name, kind, country, aliases, members) or None."""
        props = actor_props(actor)
        wanted = [props[k] for k in ("curated", "name", "kind", "country", "aliases", "members")]
        # never overwrite a curated actor with what NER guessed, nor an
        # uncurated one with another guess; skip writes that change nothing
        return stored is None or (actor.curated and stored != wanted)

    def _add_statement(self, article: Article, triple: Triple) -> int:
        """Create the statement unless it exists; 1 if created, else 0."""
        relation = checked_relation(article, triple)
        if self._run(STATEMENT_FIND, {"id": triple.statement_id}):
            return 0
        self._run(STATEMENT_CREATE, _statement_row(article, triple))
        if not triple.negated:
            self._bump_edge(relation, triple, article.published)
        return 1

    def _bump_edge(self, name: str, triple: Triple, published: str | None) -> None:
        keys = {"subject": triple.subject.id, "object": triple.object.id}
        rows = self._run(EDGE_FIND[name], keys)
        summed = _edge_sum(rows[0] if rows else None,
                           [(triple.hedged, float(triple.score), published)])
        values = {**keys, **dict(zip(EDGE_SUM_COLUMNS, summed))}
        if rows:
            self._run(EDGE_UPDATE[name], values)
        else:
            self._run(EDGE_CREATE[name], values)

    # -- reads ------------------------------------------------------------

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        # LadybugDB reads a missing parameter as null and answers nothing: say so
        check_params(cypher, params or {})
        return self._rows(cypher, params, QueryError)

    def actors(self) -> list[dict[str, Any]]:
        return actor_rows(self._rows(ACTORS))

    def actor_edges(self) -> list[dict[str, Any]]:
        return self._rows(ACTOR_EDGES)

    def evidence(self, source: str, relation: str, target: str,
                 limit: int = 3) -> list[dict[str, Any]]:
        return self._rows(EVIDENCE, {"source": source, "relation": relation,
                                     "target": target, "limit": int(limit)})

    def has_article(self, article_id: str) -> bool:
        return bool(self._run(ARTICLE_FIND, {"id": article_id}))

    def stats(self) -> dict[str, int]:
        return {key: int(self._run(cypher)[0][0]) for key, cypher in COUNTS.items()}

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None  # type: ignore[assignment]
        folder, self._folder = getattr(self, "_folder", None), None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"LadybugStore({self.path!r}, read_only={self.read_only})"
