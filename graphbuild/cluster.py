"""Extraction spread over a Dask cluster, written as sharded triples files.

The client reads the articles (streaming, as `graphbuild extract` does) and
submits shards of `shard_size` articles to the workers, never more than a few
per worker at a time, so memory stays flat however large the corpus. Each
worker loads the spaCy model and the gazetteer once (a WorkerPlugin) and sends
the triples back as JSONL lines; the client writes shard i to
`out_dir/triples-0000i.jsonl`. Workers need no shared disk, only graphbuild
and the model installed (`pip install 'graphbuild[cluster]'`).

Shards are numbered by input order and hold whole articles, so the shard files
read in order are exactly what `graphbuild extract` prints for the same input,
and `load_shards(out_dir, store, ...)` builds the same graph as `ingest`.

Dask is imported only when a cluster is used: loading shards needs no Dask.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from graphbuild.articles import read_articles
from graphbuild.errors import ArticleError, ClusterError, GraphbuildError, TriplesError
from graphbuild.gazetteer import Gazetteer
from graphbuild.nlp import model_name
from graphbuild.pipeline import (
    LOAD_BATCHES,
    ProgressCallback,
    add_coalitions,
    cyclic_gc_paused,
    first_of_each_id,
    only_articles,
    read_triples,
    store_articles,
)
from graphbuild.records import Article, IngestSummary, ReadProblem, Triple
from graphbuild.store.protocol import Store

if TYPE_CHECKING:
    from graphbuild.triples import Extractor

# distributed has no type hints: its Client, futures and as_completed are typed Any here.
DaskClient = Any

SHARD_NAME = "triples-{index:05d}.jsonl"
SHARD_FILE = re.compile(r"triples-(\d+)\.jsonl")
PLUGIN_PREFIX = "graphbuild-extractor-"


@dataclass
class ClusterSummary:
    """What an extraction run has done so far (passed to on_progress after each shard)."""

    articles: int = 0
    triples: int = 0
    shards: list[Path] = field(default_factory=list)  # in input order once the run ends
    problems: list[str] = field(default_factory=list)
    workers: int = 0  # worker threads the run started with


ClusterProgress = Callable[[ClusterSummary], None]


# -- on the workers -------------------------------------------------------------

_extractor_loads = 0  # per worker process; lets a test see the model loads once per worker


def _distributed_plugin_base() -> type:
    try:
        from distributed import WorkerPlugin
    except ImportError:  # only the cluster path needs Dask
        return object
    return WorkerPlugin


class ExtractorPlugin(_distributed_plugin_base()):  # type: ignore[misc]
    """Loads one Extractor per worker when registered; the shard tasks reuse it.

    The gazetteer travels inside the plugin (built on the client), so the user's
    --gazetteer files need not exist on the worker machines.
    """

    def __init__(self, gazetteer: Gazetteer, model: str, graphbuild_version: str) -> None:
        self.gazetteer = gazetteer
        self.model = model
        self.graphbuild_version = graphbuild_version
        self.extractor: Extractor | None = None

    def setup(self, worker: Any) -> None:
        global _extractor_loads
        here = version("graphbuild")
        if here != self.graphbuild_version:
            # another extractor version would give other triples: refuse to mix them
            raise ClusterError(
                f"worker {worker.address} has graphbuild {here}, the client "
                f"{self.graphbuild_version}: install the same version everywhere"
            )
        from graphbuild.triples import Extractor

        self.extractor = Extractor(self.gazetteer, model=self.model)
        _extractor_loads += 1

    def teardown(self, worker: Any) -> None:
        self.extractor = None  # frees the model on a long-lived worker


def extract_shard(plugin_name: str, articles: list[Article]) -> list[str]:
    """Runs on a worker: the triples JSONL lines of a shard, in article order."""
    from distributed import get_worker

    extractor = cast(ExtractorPlugin, get_worker().plugins[plugin_name]).extractor
    if extractor is None:
        raise ClusterError(f"worker has no loaded extractor ({plugin_name} was torn down)")
    lines: list[str] = []
    for _article, triples in extractor.extract_many(articles):
        lines.extend(json.dumps(t.to_json(), ensure_ascii=False) + "\n" for t in triples)
    return lines


# -- on the client ----------------------------------------------------------------


def extract_on_cluster(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    scheduler: str = "local",
    workers: int | None = None,
    gazetteer_paths: Sequence[str | Path] = (),
    model: str | None = None,
    shard_size: int = 200,
    in_flight_per_worker: int = 2,
    connect_timeout: float = 30.0,
    on_progress: ClusterProgress | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> ClusterSummary:
    """Extract triples from articles on a Dask cluster into `out_dir/triples-NNNNN.jsonl`.

    Args:
        paths: files, folders or "-" (JSONL on `stdin`), as for `graphbuild extract`.
        out_dir: created if missing; shard files of an earlier run there are replaced.
        scheduler: "local" starts a LocalCluster on this machine; else the address
            of a running scheduler, e.g. "tcp://10.0.0.5:8786".
        workers: LocalCluster worker processes (default: one per CPU).
        gazetteer_paths: the user's gazetteer files, merged over the built-in one.
        model: spaCy pipeline package (default as for the CLI, GRAPHBUILD_MODEL).
        shard_size: articles per task and per shard file.
        in_flight_per_worker: shards queued per worker thread: bounds client memory.
        connect_timeout: seconds to wait for the scheduler and a first worker.
        on_progress: called with the running summary after each shard is written.

    Raises:
        ClusterError: Dask missing, scheduler unreachable, no workers, a worker failed.
        ArticleError: nothing could be read (the problems are in the message).
    """
    if shard_size < 1:
        raise ClusterError(f"shard size must be at least 1, got {shard_size}")
    gazetteer = Gazetteer.load(gazetteer_paths)  # bad files fail here, not on every worker
    plugin = ExtractorPlugin(gazetteer, model_name(model), version("graphbuild"))
    # one plugin per run: runs sharing a cluster (other gazetteers, models) never meet,
    # and a run ending unregisters only its own
    plugin_name = PLUGIN_PREFIX + uuid.uuid4().hex[:12]

    problems: list[ReadProblem] = []
    summary = ClusterSummary()
    with ExitStack() as stack:
        client = _connect(scheduler, workers, connect_timeout, stack)
        folder = _empty_shard_folder(out_dir)  # only once the cluster is there
        stack.callback(_unregister, client, plugin_name)  # a failed setup is removed too
        try:
            client.register_plugin(plugin, name=plugin_name)
        except GraphbuildError as exc:
            raise ClusterError(f"a Dask worker could not load the extractor: {exc}") from None
        summary.workers = sum(client.nthreads().values())
        articles = first_of_each_id(
            only_articles(read_articles(paths, stdin=stdin), problems), problems
        )
        _run_shards(client, plugin_name, articles, folder, shard_size,
                    max(2, in_flight_per_worker * summary.workers), summary, problems,
                    on_progress)
    summary.shards.sort(key=lambda p: int(SHARD_FILE.fullmatch(p.name).group(1)))  # type: ignore[union-attr]
    summary.problems = [str(p) for p in problems]
    if summary.articles == 0 and problems:
        raise ArticleError(
            f"nothing could be read ({len(problems)} problem(s); first: {problems[0]})"
        )
    return summary


def _connect(
    scheduler: str, workers: int | None, timeout: float, stack: ExitStack
) -> DaskClient:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            "Dask is not installed: pip install 'graphbuild[cluster]'"
        ) from None
    dask: Any = distributed  # untyped
    if scheduler == "local":
        # one single-threaded process per worker: spaCy parsing holds the GIL
        cluster = stack.enter_context(dask.LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
            processes=True, dashboard_address="127.0.0.1:0",  # no fixed port to clash
        ))
        return stack.enter_context(dask.Client(cluster))
    try:
        client = stack.enter_context(dask.Client(scheduler, timeout=timeout))
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(
            f"no Dask worker joined {scheduler} within {timeout:g} s: "
            f"start some with `dask worker {scheduler}`"
        ) from None
    return client


def _empty_shard_folder(out_dir: str | Path) -> Path:
    """`out_dir`, created, without the shard files of an earlier run (other files stay)."""
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if SHARD_FILE.fullmatch(old.name) or old.name.endswith(".jsonl.part"):
                old.unlink()
    except OSError as exc:
        raise ClusterError(f"cannot write shards to {out_dir}: {exc.strerror or exc}") from None
    return folder


def _unregister(client: DaskClient, plugin_name: str) -> None:
    try:
        client.unregister_worker_plugin(plugin_name)
    except Exception:  # noqa: BLE001, S110 - a worker gone at the end must not hide the result
        pass


def _run_shards(
    client: DaskClient, plugin_name: str, articles: Iterable[Article], folder: Path,
    shard_size: int, max_in_flight: int, summary: ClusterSummary,
    problems: list[ReadProblem], on_progress: ClusterProgress | None,
) -> None:
    from distributed import as_completed

    pending: Any = as_completed()  # type: ignore[no-untyped-call]
    shard_of: dict[Any, tuple[int, int]] = {}  # future -> (shard index, articles)

    def collect(future: Any) -> None:
        index, count = shard_of.pop(future)
        try:
            lines = future.result()
        except GraphbuildError:
            raise
        except Exception as exc:  # noqa: BLE001 - a killed worker, a bug on the worker
            raise ClusterError(
                f"shard {index} failed on the cluster: {type(exc).__name__}: {exc}"
            ) from None
        path = folder / SHARD_NAME.format(index=index)
        _write_shard(path, lines)
        summary.articles += count
        summary.triples += len(lines)
        summary.shards.append(path)
        if on_progress is not None:
            on_progress(summary)

    for index, shard in enumerate(_batches(articles, shard_size)):
        future = client.submit(extract_shard, plugin_name, shard, pure=False)
        shard_of[future] = (index, len(shard))
        pending.add(future)
        if pending.count() >= max_in_flight:
            collect(next(pending))
    for future in pending:
        collect(future)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_shard(path: Path, lines: list[str]) -> None:
    # written aside and renamed: a shard file present is a complete shard
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="utf-8") as out:
        out.writelines(lines)
    os.replace(part, path)


# -- loading shards ------------------------------------------------------------------


def shard_files(folder: str | Path) -> list[Path]:
    """The triples-NNNNN.jsonl files in `folder`, in shard (input) order.

    Raises:
        TriplesError: the folder is missing or holds no shard file.
    """
    where = Path(folder)
    if not where.is_dir():
        raise TriplesError(f"{folder}: no such folder")
    found = [(int(m.group(1)), p) for p in where.iterdir()
             if (m := SHARD_FILE.fullmatch(p.name)) and p.is_file()]
    if not found:
        raise TriplesError(f"{folder}: no triples-NNNNN.jsonl shard files")
    return [p for _index, p in sorted(found)]


def iter_shard_lines(folder: str | Path) -> Iterator[str]:
    """Every line of the shard files in order: one triples JSONL stream for pipeline.load."""
    for path in shard_files(folder):
        with open(path, encoding="utf-8", errors="replace") as lines:
            yield from lines


def load_shards(
    folder: str | Path,
    store: Store,
    gazetteer: Gazetteer,
    *,
    on_article: ProgressCallback | None = None,
) -> IngestSummary:
    """Load a folder of shards into a store, like pipeline.load, but problems name
    the shard file and its own line number. Ctrl-C stops after the current article
    (summary.interrupted is then set)."""
    files = shard_files(folder)
    add_coalitions(store, gazetteer)
    summary = IngestSummary()
    problems: list[str] = []

    def records() -> Iterator[tuple[Article, list[Triple]]]:
        # one stream over every shard, so batches span shards (a shard holds
        # some 200 articles; a load batch up to 100k statements)
        for path in files:
            with open(path, encoding="utf-8", errors="replace") as lines:
                yield from read_triples(lines, str(path), problems, gazetteer)

    # Ctrl-C stops after the article being written (summary.interrupted)
    with cyclic_gc_paused():
        store_articles(store, records(), summary, on_article, batching=LOAD_BATCHES)
    summary.problems = problems
    summary.failed = len(problems)
    if summary.new == 0 and summary.present == 0 and problems:
        raise TriplesError(f"{folder}: no triple record could be read ({problems[0]})")
    return summary
