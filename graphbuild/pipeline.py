"""The stages in order: read -> extract -> store, as streams.

Nothing here holds the corpus in memory: articles are read, parsed and written
one batch at a time, so `ingest` of a large folder runs in flat memory.

Guarantees (tests/test_crash_safety.py, tests/test_bad_inputs.py):
- each article is written in one store transaction (alone, or with others in
  a batch): after a crash it is in the graph whole or not at all;
- an article id is kept as first stored: a later article with the same id (in
  the same run or a later one) is skipped, so re-running an ingest after a
  crash or Ctrl-C only adds what is missing;
- Ctrl-C stops once the articles already extracted are written; a second
  Ctrl-C stops at once (the transaction in flight is rolled back).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.queues
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from graphbuild.articles import read_articles
from graphbuild.errors import TriplesError
from graphbuild.gazetteer import Gazetteer
from graphbuild.records import (
    Actor,
    Article,
    IngestSummary,
    ReadProblem,
    Triple,
    actor_from_ref,
    content_id,
    triple_from_json,
)
from graphbuild.relations import is_relation
from graphbuild.store.protocol import AddResult, Store

if TYPE_CHECKING:  # spaCy takes ~2 s to import: `load` and the read commands never need it
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


def first_of_each_id(
    articles: Iterable[Article], problems: list[ReadProblem]
) -> Iterator[Article]:
    """Each article id once, as first read: a later article with the same id and
    other text is reported and skipped (the same text again is silently dropped)."""
    seen: dict[str, tuple[str, str | None]] = {}
    for article in articles:
        digest = content_id(article.text)
        if article.id in seen:
            first_digest, first_location = seen[article.id]
            if digest != first_digest:
                problems.append(ReadProblem(
                    article.location or article.id,
                    f"id {article.id!r} was already read from {first_location or 'earlier input'}"
                    " with other text; the first is kept",
                ))
            continue
        seen[article.id] = (digest, article.location)
        yield article


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
    articles = first_of_each_id(only_articles(read_articles(paths, stdin=stdin), sink), sink)
    yield from extractor.extract_many(articles, n_process=jobs)


def not_stored(articles: Iterable[Article], store: Store, summary: IngestSummary,
               stop: StopFlag, on_article: ProgressCallback | None = None) -> Iterator[Article]:
    """Articles whose id is not in the store yet; the others count as present
    without being parsed again (a re-run after a crash resumes quickly)."""
    for article in articles:
        if stop.set:
            return
        if store.has_article(article.id):
            summary.present += 1
            if on_article is not None:
                on_article(article, 0)
            continue
        yield article


class StopFlag:
    """Set by the first Ctrl-C; the writer loop checks it between articles."""

    def __init__(self) -> None:
        self.set = False
        self.closing = False  # winding down: a further Ctrl-C must not cut that short
        self.children_before = set(multiprocessing.active_children())

    def end_workers(self) -> None:
        """Terminate the processes (spaCy workers) started since the flag was made."""
        ended = set(multiprocessing.active_children()) - self.children_before
        for child in ended:
            child.terminate()
        if ended:
            # spaCy's queues to the ended workers may hold batches nobody will
            # read: without this, exit waits for their feeder threads forever
            for obj in gc.get_objects():
                if isinstance(obj, multiprocessing.queues.Queue):
                    obj.cancel_join_thread()


@contextmanager
def stop_after_current_article() -> Iterator[StopFlag]:
    """While active, the first SIGINT only sets the flag; a second one raises
    KeyboardInterrupt as usual.

    spaCy worker processes (--jobs) forked meanwhile inherit the handler and so
    ignore SIGINT. They are terminated when the block ends early: spaCy joins
    its workers when a pipe is left unfinished, and one blocked sending a batch
    nobody reads would never end."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        try:
            yield flag  # signal handlers can only be set from the main thread
        finally:
            flag.end_workers()
        return
    owner = os.getpid()
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum: int, frame: Any) -> None:
        if os.getpid() != owner or flag.closing:
            return
        if flag.set:
            flag.end_workers()
            raise KeyboardInterrupt
        flag.set = True

    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield flag
    finally:
        flag.end_workers()
        # None: a handler not set from Python; the default is the closest match
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


def close_quietly(results: Iterator[Any]) -> None:
    """End an unfinished extraction; spaCy warns (W127) about the workers we ended."""
    close = getattr(results, "close", None)
    if close is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            close()


def add_coalitions(store: Store, gazetteer: Gazetteer) -> None:
    """Curated coalitions (e.g. the Axis of Resistance) exist in every graph, so
    alliance queries and views can name them before any article mentions them."""
    store.add_actors(gazetteer.coalitions())


# A store with a batch write (LadybugStore.add_articles) gets up to this many
# articles per transaction: its fixed cost per transaction is some fifty
# statements, so batching is what lets `load` keep pace. The time bound keeps
# a slow ingest (parsing a few articles a second) committing, and visible to
# readers, every couple of seconds.
BATCH_ARTICLES = 500
BATCH_SECONDS = 2.0
# `load` (and loading shards) has its triples already and fills much larger
# batches: up to this many statements or LOAD_BATCH_SECONDS. The embedded store
# writes a batch of 20k new statements or more with COPY FROM
# (graphbuild/store/ladybug.py), ~2x faster per statement. A crash loses at
# most the batch being written, and a re-run adds it; the time bound keeps a
# slow producer (`graphbuild extract ... | graphbuild load -`) committing, and
# visible to readers. A full batch's records take ~0.5 GB meanwhile.
LOAD_BATCH_STATEMENTS = 100_000
LOAD_BATCH_SECONDS = 30.0


@dataclass(frozen=True)
class Batching:
    """When a batch is full: any limit reached (None: no such limit)."""

    articles: int | None = BATCH_ARTICLES
    seconds: float | None = BATCH_SECONDS
    statements: int | None = None

    def full(self, articles: int, statements: int, since: float) -> bool:
        return ((self.articles is not None and articles >= self.articles)
                or (self.statements is not None and statements >= self.statements)
                or (self.seconds is not None and time.monotonic() - since >= self.seconds))


INGEST_BATCHES = Batching()
LOAD_BATCHES = Batching(articles=None, seconds=LOAD_BATCH_SECONDS,
                        statements=LOAD_BATCH_STATEMENTS)


def store_articles(
    store: Store,
    results: Iterable[tuple[Article, list[Triple]]],
    summary: IngestSummary,
    on_article: ProgressCallback | None = None,
    stop: StopFlag | None = None,
    batching: Batching = INGEST_BATCHES,
) -> IngestSummary:
    """Write articles as they come, each whole or absent; Ctrl-C stops after
    the articles already extracted are written.

    Articles go one transaction each, or, when the store can write a batch,
    in batches (`batching`): a crash then loses at most the batch in flight,
    and a re-run adds it. `stop` is the flag of an enclosing
    stop_after_current_article(); without one, this call sets up its own."""
    if stop is None:
        with stop_after_current_article() as own:
            return store_articles(store, results, summary, on_article, own, batching)
    write_batch = getattr(store, "add_articles", None)
    pending: list[tuple[Article, list[Triple]]] = []
    pending_statements = 0
    since = 0.0
    try:
        for article, triples in results:
            if write_batch is None:
                store_one(store, article, triples, summary, on_article)
            else:
                if not pending:
                    since, pending_statements = time.monotonic(), 0
                pending.append((article, triples))
                pending_statements += len(triples)
                if batching.full(len(pending), pending_statements, since):
                    store_batch(write_batch, pending, summary, on_article)
            if stop.set:
                break
        store_batch(write_batch, pending, summary, on_article)
    except KeyboardInterrupt:
        # a second Ctrl-C: the batch being written was rolled back by the store
        pass
    except Exception:
        # extraction failed past these: what was extracted before still goes in
        if pending:
            store_batch(write_batch, pending, summary, on_article)
        raise
    summary.interrupted = summary.interrupted or stop.set
    return summary


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a bulk load runs. The load's records
    hold no reference cycles (reference counting frees them), but with a batch
    of up to 100k statements alive, each full collection walks every one of
    them: measured ~2.5 s of a 62k-statement load (15-17 s against 12-15 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def store_batch(write_batch: Callable[..., list[AddResult]] | None,
                batch: list[tuple[Article, list[Triple]]], summary: IngestSummary,
                on_article: ProgressCallback | None) -> None:
    """Write and empty `batch` (emptied first: a failed write is not retried)."""
    if not batch or write_batch is None:
        return
    items = batch[:]
    batch.clear()
    for (article, triples), outcome in zip(items, write_batch(items)):
        count(outcome, article, triples, summary, on_article)


def store_one(store: Store, article: Article, triples: list[Triple], summary: IngestSummary,
              on_article: ProgressCallback | None) -> None:
    count(store.add_article(article, triples), article, triples, summary, on_article)


def count(outcome: AddResult, article: Article, triples: list[Triple], summary: IngestSummary,
          on_article: ProgressCallback | None) -> None:
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
    articles = first_of_each_id(
        only_articles(read_articles(paths, stdin=stdin), problems), problems
    )
    with stop_after_current_article() as stop:
        fresh = not_stored(articles, store, summary, stop, on_article)
        results = extractor.extract_many(fresh, n_process=jobs)
        try:
            store_articles(store, results, summary, on_article, stop)
        finally:
            stop.closing = True
            stop.end_workers()  # before closing: spaCy's close waits for its workers
            close_quietly(results)
    summary.problems = [str(p) for p in problems]
    summary.failed = len(problems)
    return summary


class ActorsFromRefs:
    """The actors of triple records, each built once: a curated actor gets its
    full gazetteer record back (aliases, members), so `extract | load` builds
    the same graph as `ingest`. Bounded: a stream of millions of one-off names
    starts the cache afresh now and then."""

    LIMIT = 100_000

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.built: dict[tuple[Any, ...], Actor] = {}

    def __call__(self, ref: dict[str, Any], curated: bool) -> Actor:
        try:
            key = (ref["id"], ref.get("name"), ref.get("kind"), ref.get("country"), curated)
            actor = self.built.get(key)
        except (AttributeError, KeyError, TypeError):
            # not a plain actor reference: built (or refused) without the cache
            return self._build(ref, curated)
        if actor is None:
            actor = self._build(ref, curated)
            if len(self.built) >= self.LIMIT:
                self.built.clear()
            self.built[key] = actor
        return actor

    def _build(self, ref: dict[str, Any], curated: bool) -> Actor:
        actor = actor_from_ref(ref, curated)
        return (self.gazetteer.get(actor.id) or actor) if curated else actor


def json_record(line: str) -> Any:
    """One JSONL line, parsed by orjson when it can (a 62k-line load: 2.2 s -> 1.5 s
    for the whole read). What orjson refuses goes to the standard parser, so the
    rules stay Python's (NaN, lone surrogates, which json.dumps writes) and so do
    its error messages."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


def read_triples(
    lines: Iterable[str], source: str, problems: list[str], gazetteer: Gazetteer
) -> Iterator[tuple[Article, list[Triple]]]:
    """Group a triples JSONL stream (as `graphbuild extract` writes it) by article.

    A malformed line is reported with its line number and skipped; the rest loads.
    Curated actors get their full gazetteer record back (see ActorsFromRefs).
    """
    actors = ActorsFromRefs(gazetteer)
    current: Article | None = None
    last: Triple | None = None
    batch: list[Triple] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json_record(line)
            if not isinstance(record, dict):
                raise TypeError("not a JSON object")
            triple = last = triple_from_json(record, make_actor=actors, previous=last)
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
    with cyclic_gc_paused():
        store_articles(store, read_triples(lines, source, problems, gazetteer), summary,
                       on_article, batching=LOAD_BATCHES)
    summary.problems = problems
    summary.failed = len(problems)
    if summary.new == 0 and summary.present == 0 and problems:
        raise TriplesError(f"{source}: no triple record could be read ({problems[0]})")
    return summary
