"""The stages in order: read -> extract -> store, as streams.

Nothing here holds the corpus in memory: articles are read, parsed and written
one batch at a time, so `ingest` of a large folder runs in flat memory.
"""

from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from graphbuild.articles import read_articles
from graphbuild.errors import TriplesError
from graphbuild.gazetteer import Gazetteer
from graphbuild.records import Article, IngestSummary, ReadProblem, Triple, triple_from_json
from graphbuild.relations import is_relation
from graphbuild.store.protocol import Store
from graphbuild.triples import Extractor

ProgressCallback = Callable[[Article, int], None]


def only_articles(
    records: Iterable[Article | ReadProblem], problems: list[ReadProblem]
) -> Iterator[Article]:
    """Articles from a reader stream; problems go to `problems` as they are met."""
    for record in records:
        if isinstance(record, ReadProblem):
            problems.append(record)
        else:
            yield record


def extract(
    paths: Iterable[str | Path],
    extractor: Extractor,
    *,
    jobs: int = 1,
    problems: list[ReadProblem] | None = None,
    stdin: IO[Any] | None = None,
) -> Iterator[tuple[Article, list[Triple]]]:
    """Triples per article, in input order; unreadable inputs land in `problems`."""
    sink = problems if problems is not None else []
    articles = only_articles(read_articles(paths, stdin=stdin), sink)
    yield from extractor.extract_many(articles, n_process=jobs)


def add_coalitions(store: Store, gazetteer: Gazetteer) -> None:
    """Curated coalitions (e.g. the Axis of Resistance) exist in every graph, so
    alliance queries and views can name them before any article mentions them."""
    store.add_actors(gazetteer.coalitions())


def store_articles(
    store: Store,
    results: Iterable[tuple[Article, list[Triple]]],
    summary: IngestSummary,
    on_article: ProgressCallback | None = None,
) -> IngestSummary:
    """Write each article in its own transaction; Ctrl-C stops between articles."""
    try:
        for article, triples in results:
            outcome = store.add_article(article, triples)
            if outcome.new_article:
                summary.new += 1
            else:
                summary.present += 1
            summary.statements += outcome.new_statements
            for triple in triples:
                summary.actors.add(triple.subject.id)
                summary.actors.add(triple.object.id)
            if on_article is not None:
                on_article(article, len(triples))
    except KeyboardInterrupt:
        # the article being written when Ctrl-C came was rolled back by the store
        summary.interrupted = True
    return summary


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    extractor: Extractor,
    *,
    jobs: int = 1,
    stdin: IO[Any] | None = None,
    on_article: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, extract and store every article under `paths`."""
    add_coalitions(store, extractor.gazetteer)
    problems: list[ReadProblem] = []
    summary = IngestSummary()
    results = extract(paths, extractor, jobs=jobs, problems=problems, stdin=stdin)
    store_articles(store, results, summary, on_article)
    summary.problems = [str(p) for p in problems]
    summary.failed = len(problems)
    return summary


def with_gazetteer_actors(triple: Triple, gazetteer: Gazetteer) -> Triple:
    subject = gazetteer.get(triple.subject.id) if triple.subject.curated else None
    obj = gazetteer.get(triple.object.id) if triple.object.curated else None
    return replace(triple, subject=subject or triple.subject, object=obj or triple.object)


def read_triples(
    lines: Iterable[str], source: str, problems: list[str], gazetteer: Gazetteer
) -> Iterator[tuple[Article, list[Triple]]]:
    """Group a triples JSONL stream (as `graphbuild extract` writes it) by article.

    A malformed line is reported with its line number and skipped; the rest loads.
    Curated actors get their full gazetteer record back (aliases, members), so
    `extract | load` builds the same graph as `ingest`.
    """
    current: Article | None = None
    batch: list[Triple] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("not a JSON object")
            triple = with_gazetteer_actors(triple_from_json(record), gazetteer)
        except (ValueError, KeyError, TypeError) as exc:
            reason = exc.args[0] if isinstance(exc, KeyError) else exc
            problems.append(f"{source}:{number}: not a triple record ({reason})")
            continue
        if not is_relation(triple.relation):
            problems.append(f"{source}:{number}: unknown relation {triple.relation!r}")
            continue
        if current is not None and triple.article.id != current.id:
            yield current, batch
            batch = []
        if current is None or triple.article.id != current.id:
            current = triple.article
        batch.append(triple)
    if current is not None:
        yield current, batch


def load(
    lines: Iterable[str],
    store: Store,
    gazetteer: Gazetteer,
    *,
    source: str = "-",
    on_article: ProgressCallback | None = None,
) -> IngestSummary:
    """Load extractor output into a store without parsing anything again."""
    add_coalitions(store, gazetteer)
    summary = IngestSummary()
    problems: list[str] = []
    store_articles(store, read_triples(lines, source, problems, gazetteer), summary, on_article)
    summary.problems = problems
    summary.failed = len(problems)
    if summary.new == 0 and summary.present == 0 and problems:
        raise TriplesError(f"{source}: no triple record could be read ({problems[0]})")
    return summary
