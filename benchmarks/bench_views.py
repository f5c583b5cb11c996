"""How big a view stays usable: HTML size, generation time, browser time-to-interactive.

Synthetic actor graphs (fixed seed, five edges per actor, hub-heavy like news)
of 100, 1,000 and 5,000 actors are written with graphbuild.views.write_view and
opened in headless Debian chromium (Playwright). Time-to-interactive is from
navigation until the page's `graphbuildReady` flag: the network is drawn
(after physics stabilisation for small graphs) and responds to input.

    python benchmarks/bench_views.py [--sizes 100,1000,5000] [--runs 3]

Prints a markdown table; the numbers in benchmarks/RESULTS_views.md came from it.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphbuild.views import write_view

CHROMIUM = "/usr/bin/chromium"
EDGES_PER_NODE = 5
RELATIONS = ["AID", "SUPPORT", "CONSULT", "ASSAULT", "ACCUSE", "SANCTION", "ALLY_OF"]
KINDS = ["STATE", "ARMED_GROUP", "PERSON", "IGO", "GOVERNMENT"]


def synthetic(nodes: int, edges: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph(articles=edges // 3)
    for i in range(nodes):
        graph.add_node(f"a{i}", name=f"Actor {i}", kind=rng.choice(KINDS), country=None,
                       aliases=[], curated=True, members=[])
    while graph.number_of_edges() < edges:
        u, v = (f"a{int(nodes * rng.random() ** 2)}" for _ in range(2))
        relation = rng.choice(RELATIONS)
        if u != v and not graph.has_edge(u, v, relation):
            evidence = [{"sentence": f"Actor {u[1:]} and Actor {v[1:]} did something.",
                         "title": "A synthetic article", "published": "2024-06-01",
                         "url": "https://example.org/a", "hedged": False}]
            graph.add_edge(u, v, key=relation, relation=relation, mentions=rng.randint(1, 9),
                           hedged_mentions=0, score=0.0, first_seen="2024-01-01",
                           last_seen="2024-06-01", articles=["x"], evidence=evidence)
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--no-first-run", "--disable-sync"])
        for size in (int(s) for s in args.sizes.split(",")):
            graph = synthetic(size, size * EDGES_PER_NODE)
            path = Path(tmp) / f"view-{size}.html"
            generate, ready = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                write_view(graph, path, title=f"{size} actors")
                generate.append(time.perf_counter() - start)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                start = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("() => window.graphbuildReady === true", timeout=300_000)
                ready.append(time.perf_counter() - start)
                page.close()
            rows.append((size, graph.number_of_edges(), path.stat().st_size / 1e6,
                         statistics.median(generate), statistics.median(ready)))
        browser.close()
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, "
          f"headless chromium (software rendering), median of {args.runs} runs\n")
    print("| actors | relations | HTML size | generation | time-to-interactive |")
    print("|-------:|----------:|----------:|-----------:|--------------------:|")
    for size, edges, mb, gen, tti in rows:
        print(f"| {size:,} | {edges:,} | {mb:.1f} MB | {gen:.2f} s | {tti:.2f} s |")


if __name__ == "__main__":
    main()
