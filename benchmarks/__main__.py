"""graphbuild benchmarks: `python -m benchmarks [--quick] [--out benchmarks/results.json]`.

One run, one generated corpus, measured in this order:
  1. throughput on the same articles: bare spaCy `nlp.pipe` (the ceiling),
     extract (--jobs 1 and --jobs 2) and ingest into a new embedded database;
  2. database states of 1k/10k/100k generated articles (--quick: 1k/2k); on a
     copy of each, `graphbuild ingest` of fresh articles and `graphbuild load`
     of fresh triples run as subprocesses, timed with their peak RSS;
  3. every shipped cypher/ query against each state.
Writes the results JSON, a markdown table (text after the NOTES marker in an
existing file is kept) and a PNG plot. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_articles, generate_triples, write_jsonl
from benchmarks.state import build_state, remove_database

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NOTES = "<!-- notes: text below this line is kept when the benchmark rewrites the file -->"
BATCH_SIZE = 64  # Extractor.extract_many's default; bare spaCy gets the same
QUERY_RUNS = 5
# a load of the 100k state swings by a fifth between identical runs on a busy
# 2-core machine: its figure is the median of this many, each on a fresh copy
LOAD_RUNS = 3
EXAMPLE = re.compile(r"e\.g\.\s*(.+?)\s*$")


# -- machine and processes ----------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = "unknown"
    memory_gb = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    # other work on the machine lowers every figure: say how busy it was
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "memory_gb": memory_gb,
            "load_average_at_start": round(load, 2),
            "python": platform.python_version(), "platform": platform.platform()}


def run_measured(args: Sequence[str]) -> dict[str, float]:
    """Run a command; its wall seconds and its own peak RSS in MB (see
    benchmarks/measure.py: started from a small process, so that the peak is
    not this process's own)."""
    env = {k: v for k, v in os.environ.items() if k != "GRAPHBUILD_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run([sys.executable, "-m", "benchmarks.measure", *args],
                              stdout=subprocess.PIPE, stderr=errors, env=env,
                              check=False)
        measured = json.loads(done.stdout) if done.returncode == 0 else {"returncode": -1}
        if measured["returncode"] != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(args[:4])}... exited {measured['returncode']}: "
                               + " | ".join(tail))
    return {"seconds": measured["seconds"], "peak_rss_mb": measured["peak_rss_mb"]}


def graphbuild(*args: str) -> list[str]:
    return [sys.executable, "-m", "graphbuild", *args]


# -- 1. throughput on one corpus -----------------------------------------------
def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def throughput(corpus_path: Path, workdir: Path) -> dict[str, Any]:
    import spacy

    from graphbuild import pipeline
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.nlp import model_name
    from graphbuild.store import open_store
    from graphbuild.triples import Extractor

    records = [json.loads(line) for line in corpus_path.read_text("utf-8").splitlines()]
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(model_name())
    extractor = Extractor(Gazetteer.load())
    for nlp in (bare, extractor.nlp):  # first batches pay for lazy setup: not measured
        list(nlp.pipe(texts[:8], batch_size=BATCH_SIZE))

    def drain(jobs: int) -> None:
        for _ in pipeline.extract([corpus_path], extractor, jobs=jobs):
            pass

    database = workdir / "throughput.lbug"
    database.unlink(missing_ok=True)

    def ingest() -> None:
        with open_store(str(database)) as store:
            pipeline.ingest([corpus_path], store, extractor)

    bare_s = timed(lambda: list(bare.pipe(texts, batch_size=BATCH_SIZE)))
    extract_s = timed(lambda: drain(1))
    ingest_s = timed(ingest)
    jobs2_s = timed(lambda: drain(2))
    bare_wps, extract_wps = words / bare_s, words / extract_s
    return {
        "model": model_name(), "batch_size": BATCH_SIZE, "articles": len(texts), "words": words,
        "bare_spacy_words_per_s": bare_wps,
        "extract_words_per_s": extract_wps, "extract_ratio": extract_wps / bare_wps,
        "ingest_words_per_s": words / ingest_s, "ingest_ratio": words / ingest_s / bare_wps,
        "jobs1_words_per_s": extract_wps, "jobs2_words_per_s": words / jobs2_s,
        "jobs2_speedup": extract_s / jobs2_s,
    }


# -- 2. database states ------------------------------------------------------------
def state_run(size: int, workdir: Path, corpus_path: Path, triples_path: Path,
              ingest_articles: int, load_articles: int, load_statements: int,
              one_article_path: Path) -> tuple[dict[str, Any], Path]:
    state = workdir / f"state-{size}.lbug"
    start = time.perf_counter()
    statements = build_state(state, size)
    built = time.perf_counter() - start
    copy = workdir / "work.lbug"

    def fresh_copy() -> str:
        remove_database(copy)
        shutil.copyfile(state, copy)
        return str(copy)

    ingest = run_measured(graphbuild("ingest", str(corpus_path), "--db", fresh_copy(), "-q"))
    # start-up (imports, gazetteer, opening the database): a one-article load
    startup = run_measured(graphbuild("load", str(one_article_path), "--db", fresh_copy(), "-q"))
    loads = [run_measured(graphbuild("load", str(triples_path), "--db", fresh_copy(), "-q"))
             for _ in range(LOAD_RUNS)]
    remove_database(copy)
    load = {"seconds": statistics.median(r["seconds"] for r in loads),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in loads)}
    per_1k = 1000 / ingest_articles
    return {
        "articles": size, "statements": statements, "build_seconds": built,
        "db_mb": state.stat().st_size / 1e6,
        "ingest_articles": ingest_articles,
        "ingest_seconds_per_1k_articles": ingest["seconds"] * per_1k,
        "ingest_peak_rss_mb": ingest["peak_rss_mb"],
        "load_articles": load_articles, "load_statements": load_statements,
        "load_seconds_per_1k_articles": load["seconds"] * 1000 / load_articles,
        "load_statements_per_s": load_statements / load["seconds"],
        "load_startup_seconds": startup["seconds"],
        "load_statements_per_s_after_startup":
            load_statements / max(load["seconds"] - startup["seconds"], 1e-9),
        "load_peak_rss_mb": load["peak_rss_mb"],
        "load_runs_seconds": [r["seconds"] for r in loads],
    }, state


# -- 3. queries --------------------------------------------------------------------
def example_params(params: Sequence[str], text: str) -> dict[str, Any]:
    """Each parameter's example value from the query header (`// $actor: ... e.g. 'iran'`)."""
    values: dict[str, Any] = {}
    for name in params:
        line = next(l for l in text.splitlines() if re.match(rf"^//\s*\${name}\s*:", l.strip()))
        found = EXAMPLE.search(line)
        raw = found.group(1) if found else "1"
        values[name] = raw.strip("'\"") if raw[:1] in "'\"" else json.loads(raw)
    return values


def query_latencies(state: Path) -> list[dict[str, Any]]:
    from graphbuild.queries import list_queries, load_query
    from graphbuild.store import open_store

    out = []
    with open_store(str(state), read_only=True) as store:
        for info in list_queries():
            text = load_query(info.name)
            params = example_params(info.params, text)
            runs = []
            rows = 0
            for _ in range(QUERY_RUNS + 1):
                start = time.perf_counter()
                rows = len(store.query(text, params))
                runs.append((time.perf_counter() - start) * 1000)
            out.append({"name": info.name, "params": params, "rows": rows,
                        "cold_ms": runs[0], "median_ms": statistics.median(runs[1:])})
    return out


# -- report ------------------------------------------------------------------------
def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    t = results["throughput"]
    states = results["states"]
    small, big = states[0], states[-1]
    slowest_query = max(q["median_ms"] for q in results["queries"])
    rows = [
        ("extract / bare spaCy words/s", ">= 0.8", t["extract_ratio"], t["extract_ratio"] >= 0.8),
        ("ingest / bare spaCy words/s", ">= 0.6", t["ingest_ratio"], t["ingest_ratio"] >= 0.6),
        ("--jobs 2 / --jobs 1 speed-up", ">= 1.6", t["jobs2_speedup"], t["jobs2_speedup"] >= 1.6),
    ]
    growth = big["ingest_seconds_per_1k_articles"] / small["ingest_seconds_per_1k_articles"]
    rss = big["ingest_peak_rss_mb"] / small["ingest_peak_rss_mb"]
    slowest_load = min(s["load_statements_per_s"] for s in states)
    label = f"{big['articles']:,} / {small['articles']:,} articles"
    rows += [
        (f"ingest s per 1k articles, {label}", "<= 1.5", growth, growth <= 1.5),
        (f"ingest peak RSS, {label}", "<= 1.3", rss, rss <= 1.3),
        ("load statements/s, slowest state", ">= 5000", slowest_load, slowest_load >= 5000),
        (f"slowest query median ms at {big['articles']:,}", "< 200", slowest_query,
         slowest_query < 200),
    ]
    return [{"name": n, "target": g, "value": v, "met": m} for n, g, v, m in rows]


def markdown(results: dict[str, Any]) -> str:
    m, t = results["machine"], results["throughput"]
    lines = [
        "# graphbuild benchmark results" + (" (--quick)" if results["quick"] else ""),
        "",
        f"Measured {results['finished']} on {m['nproc']} cores ({m['cpu']}), "
        f"{m['memory_gb']} GB RAM, load average {m.get('load_average_at_start', '?')} at the "
        f"start, Python {m['python']}; model {t['model']}, batch size "
        f"{t['batch_size']}. Command: `python -m benchmarks{' --quick' if results['quick'] else ''}`.",
        "",
        "## Targets",
        "",
        "| measure | target | value | met |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['name']} | {r['target']} | {r['value']:.2f} | {'yes' if r['met'] else 'NO'} |"
              for r in results["targets"]]
    lines += [
        "", f"## Throughput ({t['articles']} articles, {t['words']:,} words, same text)", "",
        "| stage | words/s | ratio to bare spaCy |", "|---|---|---|",
        f"| bare spaCy nlp.pipe | {t['bare_spacy_words_per_s']:,.0f} | 1.00 |",
        f"| extract --jobs 1 | {t['extract_words_per_s']:,.0f} | {t['extract_ratio']:.2f} |",
        f"| extract --jobs 2 | {t['jobs2_words_per_s']:,.0f} | "
        f"{t['jobs2_words_per_s'] / t['bare_spacy_words_per_s']:.2f} |",
        f"| ingest (extract + embedded store) | {t['ingest_words_per_s']:,.0f} | "
        f"{t['ingest_ratio']:.2f} |",
        "", "## Growing database", "",
        "Each state holds N generated articles (~12.5 statements each); on a copy of it "
        "`graphbuild ingest` adds fresh articles and `graphbuild load` the fresh triples "
        "of {load:,} articles (subprocesses; times include start-up and model load; a "
        "load's figure is the median of its runs, each on a fresh copy; \"after start-up\" "
        "takes off the time of a one-article load).".format(
            load=results["states"][0]["load_articles"]), "",
        "| articles in DB | statements | DB MB | ingest s / 1k articles | ingest peak RSS MB "
        "| load statements/s | load runs s | after start-up | load start-up s "
        "| load peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {s['articles']:,} | {s['statements']:,} | {s['db_mb']:,.0f} | "
        f"{s['ingest_seconds_per_1k_articles']:,.1f} | {s['ingest_peak_rss_mb']:,.0f} | "
        f"{s['load_statements_per_s']:,.0f} | "
        f"{' / '.join(f'{x:.1f}' for x in s.get('load_runs_seconds', []))} | "
        f"{s.get('load_statements_per_s_after_startup', 0):,.0f} | "
        f"{s.get('load_startup_seconds', 0):.1f} | {s['load_peak_rss_mb']:,.0f} |"
        for s in results["states"]
    ]
    big = results["states"][-1]["articles"]
    lines += ["", f"## Query latency at {big:,} articles (median of {QUERY_RUNS} warm runs)", "",
              "| query | params | rows | first run ms | median ms |", "|---|---|---|---|---|"]
    lines += [f"| {q['name']} | `{json.dumps(q['params'])}` | {q['rows']} | {q['cold_ms']:.1f} | "
              f"{q['median_ms']:.1f} |" for q in results["queries"]]
    lines += ["", f"![per-article cost and RSS against database size]({results['plot']})", ""]
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    states = results["states"]
    sizes = [s["articles"] for s in states]
    fig, (cost, memory) = plt.subplots(1, 2, figsize=(10, 4))
    cost.plot(sizes, [s["ingest_seconds_per_1k_articles"] for s in states],
              "o-", label="ingest (parse + store)")
    cost.plot(sizes, [s["load_seconds_per_1k_articles"] for s in states],
              "s-", label="load (store only)")
    cost.set(xscale="log", xlabel="articles already in the database",
             ylabel="ms per article", title="Cost per article", ylim=(0, None))
    cost.legend()
    memory.plot(sizes, [s["ingest_peak_rss_mb"] for s in states], "o-", label="ingest")
    memory.plot(sizes, [s["load_peak_rss_mb"] for s in states], "s-", label="load")
    memory.set(xscale="log", xlabel="articles already in the database", ylabel="MB",
               title="Peak RSS", ylim=(0, None))
    memory.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


README_START = "<!-- benchmark results: written by python -m benchmarks -->"
README_END = "<!-- end of benchmark results -->"


def write_readme_tables(text: str, path: Path) -> None:
    """Put the latest full run's tables into the README, between its markers
    (the title is dropped and headings go one level down)."""
    if not path.exists():
        return
    readme = path.read_text("utf-8")
    if README_START not in readme or README_END not in readme:
        return
    body = text.split("\n", 1)[1].strip()
    body = body.replace("\n## ", "\n### ").replace("](results.png)", "](benchmarks/results.png)")
    head, rest = readme.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    path.write_text(f"{head}{README_START}\n{body}\n{README_END}{tail}", "utf-8")


def write_markdown(text: str, path: Path) -> None:
    notes = ""
    if path.exists():
        old = path.read_text("utf-8")
        if NOTES in old:
            notes = old[old.index(NOTES):]
    path.write_text(text + "\n" + (notes or NOTES + "\n"), "utf-8")


# -- main ----------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes for CI (50 articles, 1k/2k states), a few minutes")
    parser.add_argument("--out", type=Path, help="results JSON (default benchmarks/results.json, "
                        "or benchmarks/results-quick.json with --quick); the .md and .png go "
                        "beside it")
    parser.add_argument("--articles", type=int, help="articles for the throughput runs")
    parser.add_argument("--states", help="comma-separated database sizes in articles")
    parser.add_argument("--ingest-articles", type=int,
                        help="fresh articles ingested into each state")
    parser.add_argument("--workdir", type=Path, help="keep databases here (default: temporary)")
    args = parser.parse_args(argv)
    quick = args.quick
    out: Path = args.out or HERE / ("results-quick.json" if quick else "results.json")
    md_path = out.with_name("RESULTS-quick.md" if quick and not args.out else
                            "RESULTS.md" if not args.out else out.stem + ".md")
    png_path = out.with_suffix(".png")
    n_articles = args.articles or (50 if quick else 300)
    sizes = [int(s) for s in args.states.split(",")] if args.states else (
        [1000, 2000] if quick else [1000, 10_000, 100_000])
    ingest_articles = args.ingest_articles or (50 if quick else 1000)
    load_articles = 100 if quick else 5000

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="graphbuild-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        say = lambda text: print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)  # noqa: E731
        results: dict[str, Any] = {"quick": quick, "machine": machine(),
                                   "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        throughput_corpus = workdir / "throughput.jsonl"
        write_jsonl(generate_articles(n_articles), throughput_corpus)
        say(f"throughput on {n_articles} articles")
        results["throughput"] = throughput(throughput_corpus, workdir)
        # fresh articles and triples, numbered after every state's content
        ingest_corpus = workdir / "ingest.jsonl"
        write_jsonl(generate_articles(ingest_articles, start=10_000_000), ingest_corpus)
        load_path = workdir / "load.jsonl"
        load_statements = write_jsonl(generate_triples(load_articles, start=10_000_000), load_path)
        one_article_path = workdir / "load-one.jsonl"
        write_jsonl(generate_triples(1, start=20_000_000), one_article_path)
        results["states"] = []
        last_state = None
        for size in sizes:
            say(f"database state of {size} articles")
            row, last_state = state_run(size, workdir, ingest_corpus, load_path,
                                        ingest_articles, load_articles, load_statements,
                                        one_article_path)
            row["queries"] = query_latencies(last_state)
            results["states"].append(row)
            if last_state != workdir / f"state-{sizes[-1]}.lbug":
                remove_database(last_state)
        results["queries"] = results["states"][-1]["queries"]
        results["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        results["plot"] = png_path.name
        results["targets"] = targets(results)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
        write_markdown(markdown(results), md_path)
        if not quick and not args.out:
            write_readme_tables(markdown(results), REPO / "README.md")
        plot(results, png_path)
        say(f"wrote {out}, {md_path}, {png_path}")
        print(markdown(results))
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
