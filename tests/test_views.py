"""Views in a real browser: Debian's chromium driven by Playwright.

Each page is opened from file:// and checked as a user would meet it: no
console error, no network request, the expected actors and relations drawn,
the XSS payload shown as text, and the search and filter controls working.
Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.network import build_network, find_actor, select
from graphbuild.views import PHYSICS_MAX_NODES, make_view, write_png, write_view

pytest_plugins = ["conftest_views"]  # the corpus store fixtures
XSS_NAME = "<img src=x onerror=alert(1)>"  # an actor of that corpus
pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("install Debian's chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


class Opened:
    """A page with everything it said and asked for recorded."""

    def __init__(self, browser: Any, path: Path, timeout: float = 30_000) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        # functions, not strings: the page's CSP forbids eval
        self.page.wait_for_function("() => window.graphbuildReady === true", timeout=timeout)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, code: str, arg: Any = None) -> Any:
        return self.page.evaluate(code, arg)

    def shown_nodes(self) -> set[str]:
        return set(self.js("() => nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def shown_edges(self) -> list[dict[str, Any]]:
        return self.js("() => edges.get({filter: e => !e.hidden}).map(e => ({from: e.from, "
                       "to: e.to, relation: e.relation, color: e.color.color, dashes: e.dashes}))")

    def screen_point(self, node: str) -> tuple[float, float]:
        point = self.js("""id => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", node)
        return float(point[0]), float(point[1])

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.requests == [self.url]  # the file itself, nothing else
        assert self.dialogs == []

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    opened: list[Opened] = []

    def _open(path: Path, timeout: float = 30_000) -> Opened:
        page = Opened(browser, path, timeout)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.close()


def edge(page_edges: list[dict[str, Any]], source: str, relation: str, target: str
         ) -> dict[str, Any]:
    found = [e for e in page_edges
             if (e["from"], e["relation"], e["to"]) == (source, relation, target)]
    assert found, f"{source} -{relation}-> {target} not drawn"
    return found[0]


CONFLICT_REDS = {"#e06666", "#b71c1c"}
COOPERATION_GREENS = {"#5cb85c", "#1b7f3b"}


def test_alliance_view_shows_members_partners_and_adversaries(
        corpus_graph: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    view = select(corpus_graph, alliance_name="axis of resistance")
    path = write_view(view, tmp_path / "axis.html", title=view.graph["what"])
    page = open_page(path)
    page.assert_clean()
    shown = page.shown_nodes()
    assert {"axis-of-resistance", "iran", "hezbollah", "syria", "bashar-al-assad", "hamas",
            "israel", "united-states"} <= shown
    assert "united-arab-emirates" not in shown  # touches no member
    drawn = page.shown_edges()
    assert edge(drawn, "iran", "AID", "hezbollah")["color"] in COOPERATION_GREENS
    assert edge(drawn, "iran", "AID", "bashar-al-assad")["color"] in COOPERATION_GREENS
    assert edge(drawn, "israel", "ASSAULT", "hezbollah")["color"] in CONFLICT_REDS
    assert edge(drawn, "united-states", "SANCTION", "iran")["color"] in CONFLICT_REDS
    membership = edge(drawn, "axis-of-resistance", "MEMBERSHIP", "iran")
    assert membership["dashes"] and membership["color"] not in CONFLICT_REDS | COOPERATION_GREENS
    # a hedged-only edge is dashed, a firm one is not
    assert edge(drawn, "houthis", "ASSAULT", "israel")["dashes"]
    assert not edge(drawn, "israel", "ASSAULT", "hamas")["dashes"]
    # the negated "Iran did not attack Israel" is no edge
    assert not [e for e in drawn if (e["from"], e["to"]) == ("iran", "israel")]
    header = page.page.inner_text("header")
    assert "Axis of Resistance" in header and "from 4 articles" in header
    page.screenshot("view-axis.png")


def test_hostile_names_render_as_text_and_never_run(
        corpus_graph: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    view = select(corpus_graph)
    path = write_view(view, tmp_path / "whole.html", title=f"Everything about {XSS_NAME}",
                      subtitle="<b>not bold</b>")
    raw = path.read_text(encoding="utf-8")
    assert "<img src=x" not in raw and "<script>alert" not in raw and "<b>not" not in raw
    page = open_page(path)
    assert page.js("() => nodes.get('xss-actor').label") == XSS_NAME
    assert XSS_NAME in page.page.inner_text("#view-title")

    # hover shows the tooltip, click puts the details in the side panel: text only
    x, y = page.screen_point("xss-actor")
    page.page.mouse.move(x, y)
    page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert XSS_NAME in page.page.inner_text("div.vis-tooltip")
    page.page.mouse.click(x, y)
    assert XSS_NAME in page.page.inner_text("#details")

    # the article with a javascript: URL and a <script> title: its evidence shows, unlinked
    page.js("""() => { const id = edges.getIds({filter: e => e.from === 'xss-actor'
                && e.relation === 'ACCUSE'})[0];
                network.selectEdges([id]);
                network.body.emitter.emit('click', {nodes: [], edges: [id]}); }""")
    details = page.page.inner_text("#details")
    assert "<b>bold</b> <img src=y onerror=alert(2)> accused Israel." in details
    assert "<script>alert('title')</script> & more" in details
    page.page.wait_for_timeout(300)  # give any injected handler the chance to fire
    assert page.js("() => document.querySelectorAll('img, b, #details script').length") == 0
    hrefs = page.js("() => [...document.querySelectorAll('a')].map(a => a.href)")
    assert hrefs == [] or all(h.startswith(("http://", "https://")) for h in hrefs)
    page.assert_clean()


def test_relation_and_kind_filters_change_what_is_shown(
        corpus_graph: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    view = select(corpus_graph)
    page = open_page(write_view(view, tmp_path / "filters.html", title="filters"))
    before = page.shown_edges()
    assaults = [e for e in before if e["relation"] == "ASSAULT"]
    assert assaults

    page.page.uncheck('input[data-filter="relation"][value="ASSAULT"]')
    after = page.shown_edges()
    assert not [e for e in after if e["relation"] == "ASSAULT"]
    assert len(after) == len(before) - len(assaults)
    assert page.page.inner_text("#shown") == f"showing {len(page.shown_nodes())} actors, {len(after)} relations"

    page.page.uncheck('input[data-filter="kind"][value="ARMED_GROUP"]')
    shown = page.shown_nodes()
    assert "hezbollah" not in shown and "iran" in shown
    assert not [e for e in page.shown_edges() if "hezbollah" in (e["from"], e["to"])]
    page.screenshot("view-filtered.png")

    page.page.click("#show-all")
    assert len(page.shown_edges()) == len(before)
    assert "hezbollah" in page.shown_nodes()
    page.assert_clean()


def test_search_selects_actors_by_name_or_alias(
        corpus_graph: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    page = open_page(write_view(select(corpus_graph), tmp_path / "search.html", title="search"))
    page.page.fill("#search", "hizbollah")  # an alias, not the name
    assert page.js("() => network.getSelectedNodes()") == ["hezbollah"]
    assert page.page.inner_text("#search-result").startswith("1 match")
    page.page.fill("#search", "united")
    assert set(page.js("() => network.getSelectedNodes()")) == {"united-states",
                                                                "united-arab-emirates"}
    page.page.click("#search-result button >> text=United States")
    assert "United States" in page.page.inner_text("#details")
    page.page.fill("#search", "no such actor")
    assert page.js("() => network.getSelectedNodes()") == []
    assert page.page.inner_text("#search-result") == "0 matches"
    page.assert_clean()


def test_between_view_lists_every_relation_over_time(
        read_store: Any, tmp_path: Path, open_page: Any) -> None:
    path = make_view(read_store, tmp_path / "between.html", between=["Hezbollah", "iran"])
    page = open_page(path)
    page.assert_clean()
    assert page.shown_nodes() == {"iran", "hezbollah"}
    assert {(e["from"], e["relation"]) for e in page.shown_edges()} == {
        ("iran", "AID"), ("hezbollah", "REJECT")}
    timeline = page.page.inner_text("#details")
    assert timeline.index("2024-10-01") < timeline.index("2024-12-09")  # oldest first
    assert "Iran resupplied Hezbollah." in timeline


def test_ego_view_and_date_and_relation_filters(
        read_store: Any, tmp_path: Path, open_page: Any) -> None:
    path = make_view(read_store, tmp_path / "ego.html", actor="Israel", depth=1,
                     since="2024-10-01", relations=["assault"])
    page = open_page(path)
    page.assert_clean()
    assert page.shown_nodes() == {"israel", "hezbollah", "hamas"}  # houthis: 2022, filtered
    assert {e["relation"] for e in page.shown_edges()} == {"ASSAULT"}
    assert "2024-10-01" in page.page.inner_text("header")


def test_bloc_colouring_has_a_legend_per_bloc(
        corpus_graph: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    path = write_view(select(corpus_graph), tmp_path / "blocs.html", title="blocs",
                      color_by="bloc")
    page = open_page(path)
    colors = page.js("() => Object.fromEntries(nodes.get().map(n => [n.id, n.color.background]))")
    assert colors["iran"] == colors["hezbollah"] != colors["israel"]
    assert colors["israel"] == colors["united-states"]
    legend = page.page.inner_text("#legend-nodes")
    assert "Iran bloc" in legend and "Israel bloc" in legend
    page.page.uncheck('input[data-filter="bloc"][value="bloc-1"]')
    assert "iran" not in page.shown_nodes() and "israel" in page.shown_nodes()
    page.assert_clean()


def synthetic(nodes: int, edges: int, seed: int = 3) -> nx.MultiDiGraph:
    """A random actor graph of the given size (benchmarks use the same generator)."""
    import random

    rng = random.Random(seed)
    relations = ["AID", "SUPPORT", "CONSULT", "ASSAULT", "ACCUSE", "SANCTION", "ALLY_OF"]
    kinds = ["STATE", "ARMED_GROUP", "PERSON", "IGO", "GOVERNMENT"]
    graph = nx.MultiDiGraph(articles=edges // 3)
    for i in range(nodes):
        graph.add_node(f"a{i}", name=f"Actor {i}", kind=rng.choice(kinds), country=None,
                       aliases=[], curated=True, members=[])
    while graph.number_of_edges() < edges:
        # preferential-ish: low ids are hubs, as in news
        u, v = (f"a{int(nodes * rng.random() ** 2)}" for _ in range(2))
        relation = rng.choice(relations)
        if u != v and not graph.has_edge(u, v, relation):
            graph.add_edge(u, v, key=relation, relation=relation, mentions=rng.randint(1, 9),
                           hedged_mentions=0, score=0.0, first_seen="2024-01-01",
                           last_seen="2024-06-01", articles=["x"], evidence=[])
    return graph


def test_big_graph_is_laid_out_in_python_and_interactive(tmp_path: Path, open_page: Any) -> None:
    graph = synthetic(PHYSICS_MAX_NODES * 2, PHYSICS_MAX_NODES * 8)
    path = write_view(graph, tmp_path / "big.html", title="big")
    page = open_page(path, timeout=20_000)
    page.assert_clean()
    assert page.js("() => network.physics.options.enabled") is False
    assert page.js("() => nodes.get().every(n => typeof n.x === 'number')")
    assert page.js("() => edges.length") == graph.number_of_edges()
    # the layout puts the nodes where Python placed them: no drift in the browser
    first = page.js("() => [nodes.get('a0').x, network.getPositions(['a0']).a0.x]")
    assert first[0] == pytest.approx(first[1], abs=1)  # vis rounds to whole pixels
    page.screenshot("view-big.png")


def test_png_has_the_picture_and_legend(corpus_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    view = select(corpus_graph, alliance_name="Axis of Resistance")
    ARTIFACTS.mkdir(exist_ok=True)
    out = write_png(view, ARTIFACTS / "view-axis-static.png", title=view.graph["what"])
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1600, 1000)
    assert len(data) > 40_000  # a blank page compresses to a few kB


def test_unknown_names_are_one_clear_error(corpus_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(GraphbuildError, match="did you mean Hezbollah"):
        find_actor(corpus_graph, "Hezbolah")
    with pytest.raises(GraphbuildError, match="no coalition or bloc 'Warsaw Pact'"):
        select(corpus_graph, alliance_name="Warsaw Pact")
    with pytest.raises(GraphbuildError, match="choose one of"):
        select(corpus_graph, actor="iran", pair=["iran", "israel"])


def test_build_network_reads_the_store(read_store: Any) -> None:
    graph = build_network(read_store)
    aid = graph.edges["iran", "hezbollah", "AID"]
    assert aid["mentions"] == 2 and aid["articles"] == ["a1", "a2"]
    assert [e["published"] for e in aid["evidence"]] == ["2024-12-09", "2024-10-01"]  # newest first
    assert aid["first_seen"] == "2024-10-01" and aid["last_seen"] == "2024-12-09"
    assert not graph.has_edge("iran", "israel")  # negated only
    assert graph.graph["articles"] == 4
    assert "iran" in graph.nodes["axis-of-resistance"]["members"]

    dated = build_network(read_store, since="2024-11-01")
    assert dated.edges["iran", "hezbollah", "AID"]["mentions"] == 1
    assert not dated.has_edge("israel", "hamas")  # only in the October article
    assert dated.graph["articles"] == 1

    october = build_network(read_store, since="2024-10", until="2024-10")  # a whole month
    assert october.edges["iran", "hezbollah", "AID"]["mentions"] == 1
    assert october.has_edge("israel", "hamas") and not october.has_edge("iran", "syria")
    with pytest.raises(GraphbuildError, match="--since takes a date"):
        build_network(read_store, since="last week")

    only = build_network(read_store, relations=["aid,ally_of"])
    assert {k for *_, k in only.edges(keys=True)} == {"AID", "ALLY_OF"}
    with pytest.raises(GraphbuildError, match="unknown relation 'HUG'"):
        build_network(read_store, relations=["HUG"])


def test_missing_chromium_is_reported(monkeypatch: pytest.MonkeyPatch,
                                      corpus_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(GraphbuildError, match="apt-get install chromium"):
        write_png(corpus_graph, tmp_path / "x.png", title="x")
