"""Large database states for the benchmark, built with LadybugDB's COPY FROM.

`graphbuild load` keeps the graph merged as it goes (looks up stored
statements, actors and edges; ~3,000 statements/s here), so a 100k-article
state (1.25M statements) would take some seven minutes to build that way. This
module writes the same graph the loader would write for
the same generated triples -- articles, statements, their SUBJECT/OBJECT/IN
links and the aggregated actor edges -- as CSV files and bulk-copies them into
a database whose schema the real store created. tests/test_benchmarks.py
checks that the result equals what `graphbuild load` builds.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

import ladybug

from benchmarks.corpus import SEED, corpus, generate_triples
from graphbuild.gazetteer import Gazetteer
from graphbuild.pipeline import read_triples
from graphbuild.records import Actor, Triple, iso_day
from graphbuild.relations import RELATIONS
from graphbuild.store import open_store
from graphbuild.store.ladybug import ARTICLE_COLUMNS, STATEMENT_COLUMNS
from graphbuild.store.rows import statement_props


@dataclass
class Edge:
    mentions: int = 0
    hedged: int = 0
    score: float = 0.0
    first: str | None = None
    last: str | None = None


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _statement_row(triple: Triple) -> list[Any]:
    values = statement_props(triple)
    # the table's column order, whatever the store's schema says it is
    return [_cell(values[name]) for name in STATEMENT_COLUMNS]


def build_state(path: str | Path, n_articles: int, *, seed: int = SEED,
                gazetteer: Gazetteer | None = None) -> int:
    """A new database at `path` holding generated articles 0..n-1; returns statements.

    Any database already at `path` is replaced: copying into it would collide
    with its articles (a rerun with the same --workdir)."""
    remove_database(path)
    gazetteer = gazetteer or corpus().gazetteer
    problems: list[str] = []
    lines = _json_lines(generate_triples(n_articles, seed=seed))
    actors: dict[str, Actor] = {a.id: a for a in gazetteer.coalitions()}
    edges: dict[tuple[str, str, str], Edge] = {}
    seen: set[str] = set()
    statements = 0
    with tempfile.TemporaryDirectory(prefix="graphbuild-state-") as tmp:
        folder = Path(tmp)
        files = {name: open(folder / f"{name}.csv", "w", newline="", encoding="utf-8")
                 for name in ("Article", "Statement", "SUBJECT", "OBJECT", "IN")}
        writers = {name: csv.writer(f) for name, f in files.items()}
        for article, triples in read_triples(lines, "generated", problems, gazetteer):
            writers["Article"].writerow([_cell(article.meta()[c]) for c in ARTICLE_COLUMNS])
            for triple in triples:
                for actor in (triple.subject, triple.object):
                    actors.setdefault(actor.id, actor)
                statement_id = triple.statement_id
                if statement_id in seen:
                    continue
                seen.add(statement_id)
                statements += 1
                writers["Statement"].writerow(_statement_row(triple))
                writers["SUBJECT"].writerow([statement_id, triple.subject.id])
                writers["OBJECT"].writerow([statement_id, triple.object.id])
                writers["IN"].writerow([statement_id, article.id])
                if not triple.negated:
                    edge = edges.setdefault(
                        (triple.subject.id, triple.relation, triple.object.id), Edge())
                    edge.mentions += 1
                    edge.hedged += triple.hedged
                    edge.score += float(triple.score)
                    dates = [d for d in (edge.first, edge.last, iso_day(article.published)) if d]
                    edge.first, edge.last = (min(dates), max(dates)) if dates else (None, None)
        for handle in files.values():
            handle.close()
        if problems:
            raise ValueError(f"generated triples did not read back: {problems[0]}")
        by_relation: dict[str, list[list[Any]]] = {}
        for (subject, relation, obj), edge in sorted(edges.items()):
            by_relation.setdefault(relation, []).append(
                [subject, obj, edge.mentions, edge.hedged, edge.score,
                 _cell(edge.first), _cell(edge.last)])
        for relation, rows in by_relation.items():
            with open(folder / f"{relation}.csv", "w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(rows)
        # the real store makes the schema and writes the actors (a few thousand)
        with open_store(os.fspath(path)) as store:
            store.add_actors(list(actors.values()))
        _copy(path, folder, ["Article", "Statement", "SUBJECT", "OBJECT", "IN",
                             *sorted(by_relation)])
    return statements


def remove_database(path: str | Path) -> None:
    """Delete a LadybugDB file and its sidecars (`PATH.wal` and the like): a
    write-ahead log left beside a fresh copy would be replayed into it."""
    path = Path(path)
    path.unlink(missing_ok=True)
    for sidecar in path.parent.glob(f"{glob_escape(path.name)}.*"):
        sidecar.unlink(missing_ok=True)


def _copy(path: str | Path, folder: Path, tables: Iterable[str]) -> None:
    db = ladybug.Database(os.fspath(path))
    conn = ladybug.Connection(db)
    try:
        for table in tables:
            if table not in RELATIONS and table not in {"Article", "Statement", "SUBJECT",
                                                         "OBJECT", "IN"}:
                raise ValueError(f"unknown table {table}")
            source = (folder / f"{table}.csv").as_posix()
            conn.execute(f"COPY `{table}` FROM '{source}' (HEADER=false, QUOTE='\"', "
                         "ESCAPE='\"', PARALLEL=false)")
    finally:
        conn.close()
        db.close()


def _json_lines(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    import json

    for record in records:
        yield json.dumps(record, ensure_ascii=False)
