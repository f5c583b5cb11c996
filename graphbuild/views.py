"""Interactive HTML views of the actor graph (pyvis data, vis-network page).

pyvis builds the vis-network node and edge records; the page comes from our
own template (graphbuild/assets/view.html) because pyvis 0.3.2's links
Bootstrap from a CDN and turns tooltip strings into HTML. Here every script and
stylesheet is inline (vis-network's files ship inside the pyvis package), so a
page makes no network request, and every string from articles or the
gazetteer travels as JSON data that the page puts into text nodes only.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from graphbuild.errors import GraphbuildError
from graphbuild.network import MEMBERSHIP, build_network, kinds_in, select, weighted_degree
from graphbuild.relations import RELATIONS
from graphbuild.store.protocol import Store

# Above this many actors the layout is computed in Python and browser physics
# stays off: vis-network's stabilisation of 2,000 nodes takes tens of seconds.
PHYSICS_MAX_NODES = 300
# Edge labels (the relation name) only where they stay legible.
EDGE_LABELS_MAX_EDGES = 80
GRAVITY = 1.0  # balances the repulsion of the whole graph at ~1 layout unit

KIND_COLORS = {
    "STATE": "#4e79a7",
    "GOVERNMENT": "#76b7b2",
    "MILITARY": "#9c755f",
    "ARMED_GROUP": "#f28e2b",
    "POLITICAL_PARTY": "#edc948",
    "PERSON": "#b07aa1",
    "IGO": "#17becf",
    "NGO": "#bab0ac",
    "MEDIA": "#ff9da7",
    "COALITION": "#7e57c2",
    "OTHER": "#c7c7c7",
}
BLOC_COLORS = ["#4e79a7", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
               "#17becf", "#ff9da7", "#8cd17d", "#d4a6c8"]
NO_BLOC_COLOR = "#c7c7c7"
EDGE_COLORS = {
    "strong_cooperation": "#1b7f3b",
    "cooperation": "#5cb85c",
    "neutral": "#9e9e9e",
    "conflict": "#e06666",
    "strong_conflict": "#b71c1c",
    "membership": "#7e57c2",
}
HEDGED_DASHES = [8, 6]
MEMBERSHIP_DASHES = [2, 6]


def _edge_color(relation: str) -> str:
    score = RELATIONS[relation].score
    if score >= 5:
        return EDGE_COLORS["strong_cooperation"]
    if score > 0:
        return EDGE_COLORS["cooperation"]
    if score == 0:
        return EDGE_COLORS["neutral"]
    return EDGE_COLORS["conflict"] if score > -5 else EDGE_COLORS["strong_conflict"]


def _edge_width(mentions: int) -> float:
    return round(min(1.5 + 2.0 * math.log2(1 + mentions), 14.0), 2)


def _node_size(mentions: int) -> float:
    return round(min(10 + 5 * math.sqrt(mentions), 55.0), 2)


def _http_url(url: Any) -> str | None:
    """Only http(s) links reach the page (the page checks again)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '</script>' or '<!--' can form."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def spring_positions(graph: nx.MultiDiGraph, seed: int = 7, iterations: int = 50
                     ) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold layout, vectorised with numpy.

    networkx's spring_layout takes ~17 s for 2,000 nodes (its sparse variant
    loops in Python); this one takes ~1 s for 2,000 and ~9 s for 5,000.
    Deterministic for a given seed and node order. Pixel coordinates.
    """
    order = sorted(graph, key=str)
    n = len(order)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(order)}
    pairs = [(index[u], index[v], int(d.get("mentions") or 0))
             for u, v, d in graph.edges(data=True) if u != v]
    rng = np.random.default_rng(seed)
    x = rng.random(n).astype(np.float32)
    y = rng.random(n).astype(np.float32)
    k2 = np.float32(1.0 / n)
    k = np.sqrt(k2)
    src = np.array([p[0] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs], dtype=np.int64)
    # heavier ties pull harder, but only logarithmically
    pull = np.array([1 + math.log1p(p[2]) for p in pairs], dtype=np.float32) / k
    temp, cooling = 0.1, 0.1 / (iterations + 1)
    block = max(1, 2_000_000 // n)  # bounds the n x block distance matrices in memory
    for _ in range(iterations):
        dispx = np.zeros(n, np.float32)
        dispy = np.zeros(n, np.float32)
        for s in range(0, n, block):
            dx = x[s:s + block, None] - x[None, :]
            dy = y[s:s + block, None] - y[None, :]
            d2 = dx * dx + dy * dy
            np.maximum(d2, 1e-6, out=d2)
            np.divide(k2, d2, out=d2)  # repulsion k^2/d along the unit vector
            dispx[s:s + block] += (dx * d2).sum(1)
            dispy[s:s + block] += (dy * d2).sum(1)
        if len(pairs):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            d = np.sqrt(ex * ex + ey * ey) * pull  # attraction d^2/k along the unit vector
            fx, fy = ex * d, ey * d
            dispx += np.bincount(dst, fx, n) - np.bincount(src, fx, n)
            dispy += np.bincount(dst, fy, n) - np.bincount(src, fy, n)
        # gravity towards the centre keeps small components near the main one
        dispx -= GRAVITY * (x - x.mean())
        dispy -= GRAVITY * (y - y.mean())
        length = np.sqrt(dispx * dispx + dispy * dispy)
        np.maximum(length, 1e-9, out=length)
        step = np.minimum(length, temp) / length
        x += dispx * step
        y += dispy * step
        temp -= cooling
    x -= x.mean()
    y -= y.mean()
    # Loose actors drift far out and would shrink the picture on fit(): pull
    # them in to a ring just outside the bulk, keeping their direction.
    radius = np.sqrt(x * x + y * y)
    ring = float(np.percentile(radius, 95)) * 1.15 if n >= 20 else float(radius.max())
    pull_in = np.where(radius > ring, ring / np.maximum(radius, 1e-9), 1.0)
    x *= pull_in
    y *= pull_in
    spread = float(max(np.abs(x).max(), np.abs(y).max(), 1e-9))
    scale = 90 * math.sqrt(n) / spread  # ~90 px per node along each axis
    return {node: (round(float(x[i]) * scale, 1), round(float(y[i]) * scale, 1))
            for node, i in index.items()}


def _bloc_of(blocs: Sequence[Any] | None) -> dict[str, tuple[str, str, str]]:
    """actor id -> (bloc id, label, colour)."""
    out: dict[str, tuple[str, str, str]] = {}
    for number, bloc in enumerate(blocs or []):
        for member in bloc.members:
            out[member] = (bloc.id, bloc.label, BLOC_COLORS[number % len(BLOC_COLORS)])
    return out


def _node_tip(graph: nx.MultiDiGraph, node: str, mentions: int, relations: int,
              bloc: str | None) -> dict[str, Any]:
    data = graph.nodes[node]
    return {
        "name": data.get("name") or node,
        "kind": data.get("kind"),
        "country": data.get("country"),
        "curated": bool(data.get("curated", True)),
        "aliases": [a for a in (data.get("aliases") or []) if a != data.get("name")][:6],
        "members": [graph.nodes[m].get("name", m) if m in graph else m
                    for m in (data.get("members") or [])],
        "role": data.get("role"),
        "bloc": bloc,
        "mentions": mentions,
        "relations": relations,
    }


def _edge_tip(graph: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any]) -> dict[str, Any]:
    def name(node: str) -> str:
        return str(graph.nodes[node].get("name") or node)

    if data.get("membership"):
        return {"from": name(u), "to": name(v), "relation": "has member", "membership": True}
    relation = RELATIONS[data["relation"]]
    return {
        "from": name(u),
        "to": name(v),
        "relation": relation.name,
        "quad": relation.quad,
        "score": f"{relation.score:+g}",
        "mentions": int(data.get("mentions") or 0),
        "hedged": int(data.get("hedged_mentions") or 0),
        "articles": len(data.get("articles") or []),
        "first": data.get("first_seen"),
        "last": data.get("last_seen"),
        "evidence": [
            {"sentence": e.get("sentence") or "", "title": e.get("title"),
             "published": e.get("published"), "url": _http_url(e.get("url")),
             "hedged": bool(e.get("hedged"))}
            for e in data.get("evidence") or []
        ],
    }


def _options(big: bool, physics: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nodes": {"font": {"size": 15, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "selectionWidth": 2, "hoverWidth": 1.5,
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3, "color": "#444"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "physics": {"enabled": False},
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -9000, "springLength": 170,
                          "springConstant": 0.03, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    if big:
        # curves and arrowheads cost most of the drawing time; direction is in the tooltip
        options["edges"]["smooth"] = False
        options["edges"]["arrows"] = {"to": {"enabled": False}}
        options["nodes"]["font"]["size"] = 12
    return options


def write_view(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str,
    subtitle: str | None = None,
    color_by: str = "kind",
    blocs: Sequence[Any] | None = None,
    static: bool = False,
) -> Path:
    """Write `graph` as one self-contained, offline HTML page; returns the path.

    Args:
        title: the heading: what the view shows.
        subtitle: an extra line, e.g. the filters applied.
        color_by: "kind" or "bloc" (blocs from graphbuild.alliances.detect_blocs;
            computed on `graph` when not given).
        static: hide the interactive controls (for pictures).
    """
    if color_by not in ("kind", "bloc"):
        raise GraphbuildError(f"color_by must be 'kind' or 'bloc', not {color_by!r}")
    if color_by == "bloc" and blocs is None:
        from graphbuild.alliances import detect_blocs

        blocs = detect_blocs(graph)
    bloc_of = _bloc_of(blocs) if color_by == "bloc" else {}
    big = graph.number_of_nodes() > PHYSICS_MAX_NODES
    positions = spring_positions(graph) if big else {}

    net = Network(directed=True, heading=title)
    mentions = {n: weighted_degree(graph, n) for n in graph}
    relation_count = Counter(n for u, v, k in graph.edges(keys=True) if k != MEMBERSHIP
                             for n in {u, v})
    for node, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        kind = str(data.get("kind") or "OTHER")
        bloc_id, bloc_label, bloc_color = bloc_of.get(node, ("none", None, NO_BLOC_COLOR))
        color = bloc_color if color_by == "bloc" else KIND_COLORS.get(kind, KIND_COLORS["OTHER"])
        coalition = kind == "COALITION"
        member = data.get("role") == "member"
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        net.add_node(
            node,
            label=str(data.get("name") or node),
            shape="diamond" if coalition else "dot",
            size=28 if coalition else _node_size(mentions[node]),
            color={"background": color, "border": "#222222" if member else "#555555",
                   "highlight": {"background": color, "border": "#000000"}},
            borderWidth=3.5 if member else 1,
            kind=kind,
            bloc_id=bloc_id,
            search=" ".join([str(node), str(data.get("name") or ""),
                             *map(str, data.get("aliases") or [])]).lower(),
            tip=_node_tip(graph, node, mentions[node], relation_count[node], bloc_label),
            **extra,
        )

    # Parallel edges between one pair curve apart so each stays visible.
    parallel: dict[frozenset[str], int] = defaultdict(int)
    show_labels = graph.number_of_edges() <= EDGE_LABELS_MAX_EDGES
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), e[2])):
        pair = frozenset((u, v))
        nth = parallel[pair]
        parallel[pair] += 1
        membership = bool(data.get("membership"))
        hedged_only = not membership and 0 < int(data.get("mentions") or 0) <= int(
            data.get("hedged_mentions") or 0)
        options: dict[str, Any] = {
            "id": f"{u}\x1f{v}\x1f{key}",
            "relation": key,
            "color": {"color": EDGE_COLORS["membership"] if membership else _edge_color(key),
                      "highlight": "#000000", "hover": "#333333"},
            "width": 1.5 if membership else _edge_width(int(data.get("mentions") or 0)),
            "dashes": MEMBERSHIP_DASHES if membership else HEDGED_DASHES if hedged_only else False,
            "tip": _edge_tip(graph, u, v, data),
        }
        if membership or (key in RELATIONS and RELATIONS[key].symmetric):
            options["arrows"] = {"to": {"enabled": False}}
        if show_labels and not membership:
            options["label"] = key
        if not big:
            options["smooth"] = ({"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.14 * nth}
                                 if len(_between(graph, u, v)) > 1 else {"enabled": False})
        # Edge() directly: Network.add_edge scans every node per call (O(n*m)).
        net.edges.append(Edge(u, v, True, **options).options)

    nodes, edges, _, _, _, _ = net.get_network_data()
    timeline = _timeline(graph) if "pair" in graph.graph else []
    data_json = _script_json({"nodes": nodes, "edges": edges, "timeline": timeline,
                              "options": _options(big, physics=not big)})
    html = _template().render(
        title=title,
        subtitle=subtitle,
        summary=_summary(graph),
        static=static,
        color_by=color_by,
        node_legend=_node_legend(graph, color_by, blocs, bloc_of),
        relation_legend=_relation_legend(graph),
        colors={"cooperation": EDGE_COLORS["strong_cooperation"],
                "conflict": EDGE_COLORS["strong_conflict"],
                "neutral": EDGE_COLORS["neutral"], "membership": EDGE_COLORS["membership"]},
        has_membership=any(k == MEMBERSHIP for *_, k in graph.edges(keys=True)),
        has_members=any(d.get("role") == "member" for _, d in graph.nodes(data=True)),
        # trusted code and JSON escaped for <script> by _script_json: not HTML-escaped
        vis_js=Markup(_vis_file("vis-network.min.js")),
        vis_css=Markup(_vis_file("vis-network.css")),
        data_json=Markup(data_json),
    )
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise GraphbuildError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def _between(graph: nx.MultiDiGraph, u: str, v: str) -> list[str]:
    keys = list(graph.get_edge_data(u, v, default={}))
    return keys + list(graph.get_edge_data(v, u, default={})) if u != v else keys


def _summary(graph: nx.MultiDiGraph) -> str:
    actors = graph.number_of_nodes()
    relations = sum(1 for *_, k in graph.edges(keys=True) if k != MEMBERSHIP)
    articles = int(graph.graph.get("articles") or 0)
    mentions = sum(int(d.get("mentions") or 0) for *_, d in graph.edges(data=True))
    return (f"{actors} actor{'s' * (actors != 1)}, {relations} relation{'s' * (relations != 1)} "
            f"({mentions} mention{'s' * (mentions != 1)}) from {articles} "
            f"article{'s' * (articles != 1)}")


def _node_legend(graph: nx.MultiDiGraph, color_by: str, blocs: Sequence[Any] | None,
                 bloc_of: dict[str, tuple[str, str, str]]) -> list[dict[str, Any]]:
    if color_by == "bloc":
        counts = Counter(bloc_of.get(n, ("none",))[0] for n in graph)
        items = [{"filter": "bloc", "value": b.id, "label": b.label,
                  "color": BLOC_COLORS[i % len(BLOC_COLORS)], "shape": "dot", "count": counts[b.id]}
                 for i, b in enumerate(blocs or []) if counts[b.id]]
        if counts["none"]:
            items.append({"filter": "bloc", "value": "none", "label": "in no bloc",
                          "color": NO_BLOC_COLOR, "shape": "dot", "count": counts["none"]})
        return items
    counts = Counter(str(d.get("kind") or "OTHER") for _, d in graph.nodes(data=True))
    return [{"filter": "kind", "value": kind, "label": kind.replace("_", " ").lower(),
             "color": KIND_COLORS.get(kind, KIND_COLORS["OTHER"]),
             "shape": "diamond" if kind == "COALITION" else "dot", "count": counts[kind]}
            for kind in kinds_in(graph)]


def _relation_legend(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts = Counter(k for *_, k in graph.edges(keys=True))
    items = [{"value": name, "label": f"{name.lower().replace('_', ' ')} ({rel.score:+g})",
              "color": _edge_color(name), "style": "solid", "count": counts[name]}
             for name, rel in RELATIONS.items() if counts[name]]
    if counts[MEMBERSHIP]:
        items.append({"value": MEMBERSHIP, "label": "coalition membership",
                      "color": EDGE_COLORS["membership"], "style": "dotted",
                      "count": counts[MEMBERSHIP]})
    return items


def _timeline(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every evidence sentence of a --between view, oldest first."""
    items = []
    for u, v, data in graph.edges(data=True):
        for e in data.get("evidence") or []:
            items.append({"published": e.get("published"), "relation": data["relation"],
                          "from": graph.nodes[u].get("name", u), "to": graph.nodes[v].get("name", v),
                          "sentence": e.get("sentence") or "", "title": e.get("title"),
                          "url": _http_url(e.get("url")), "hedged": bool(e.get("hedged"))})
    return sorted(items, key=lambda i: (i["published"] or "9999", i["relation"]))


def _vis_file(name: str) -> str:
    return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _template() -> jinja2.Template:
    source = (resources.files("graphbuild") / "assets" / "view.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source)


# -- static picture ------------------------------------------------------------
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise GraphbuildError("a PNG needs a Chromium browser: install Debian's chromium "
                          "(apt-get install chromium)")


def write_png(graph: nx.MultiDiGraph, path: str | Path, *, title: str, subtitle: str | None = None,
              color_by: str = "kind", blocs: Sequence[Any] | None = None,
              width: int = 1600, height: int = 1000) -> Path:
    """A static picture of the view, legend included, rendered by headless Chromium."""
    out = Path(path).resolve()
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="graphbuild-png-") as tmp:
        page = write_view(graph, Path(tmp) / "view.html", title=title, subtitle=subtitle,
                          color_by=color_by, blocs=blocs, static=True)
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--disable-component-update",
                   "--no-first-run", "--disable-sync", "--hide-scrollbars",
                   f"--user-data-dir={tmp}/profile", f"--window-size={width},{height}",
                   "--virtual-time-budget=5000", f"--screenshot={out}", page.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=120, check=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise GraphbuildError(f"chromium could not render {out.name}: {exc}") from exc
    if not out.is_file():
        raise GraphbuildError(f"chromium wrote no picture to {out}")
    return out


# -- what the CLI calls ----------------------------------------------------------
def make_view(
    store: Store,
    path: str | Path,
    *,
    actor: str | None = None,
    depth: int = 1,
    alliance: str | None = None,
    between: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    relations: Iterable[str] | None = None,
    color_by: str = "kind",
    png: str | Path | None = None,
) -> Path:
    """`graphbuild view`: read the store, select the view, write HTML (and a PNG)."""
    graph = build_network(store, since=since, until=until, relations=relations,
                          evidence_per_edge=20 if between else 3)
    view = select(graph, actor=actor, depth=depth, alliance_name=alliance, pair=between)
    filters = []
    if since or until:
        filters.append(f"articles published {since or '…'} to {until or '…'}")
    if graph.graph.get("relations"):
        filters.append("relations: " + ", ".join(graph.graph["relations"]))
    if view.graph.get("missing_members"):
        filters.append("members not in the articles: " + ", ".join(view.graph["missing_members"]))
    subtitle = "; ".join(filters) or None
    blocs = None
    if color_by == "bloc":
        from graphbuild.alliances import detect_blocs

        blocs = detect_blocs(graph)  # blocs of the whole graph, not of the part shown
    out = write_view(view, path, title=view.graph["what"], subtitle=subtitle,
                     color_by=color_by, blocs=blocs)
    if png is not None:
        write_png(view, png, title=view.graph["what"], subtitle=subtitle, color_by=color_by,
                  blocs=blocs)
    return out
