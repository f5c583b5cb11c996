"""Signed alliance analysis: who cooperates with whom, who fights whom.

Every relation has a PLOVER score (graphbuild.relations): positive is
cooperation, negative conflict. An edge weighs |score|/10 per mention (a
hedged mention counts half), discounted by age when dates exist. Blocs are
Louvain communities of the cooperation graph (fixed seed, so the same graph
always gives the same blocs), then checked against the conflict graph:
structural balance says allies do not fight each other, so conflict ties
inside a bloc are listed. Curated coalitions are compared with the blocs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from graphbuild.relations import RELATIONS

SEED = 42  # Louvain is randomised; a fixed seed makes blocs reproducible
HALF_LIFE_DAYS = 730.0  # a tie last seen two years before the newest one counts half
HEDGED_WEIGHT = 0.5


@dataclass
class Bloc:
    id: str  # "bloc-1", numbered by internal cooperation, strongest first
    label: str  # "<strongest member> bloc"
    members: list[str]  # ids, strongest first
    names: list[str]
    cohesion: float  # share of the members' cooperation weight that stays inside
    cooperation: float  # cooperation weight inside the bloc
    conflicts_inside: list[dict[str, Any]] = field(default_factory=list)
    adversaries: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CoalitionCheck:
    """A curated coalition next to the detected bloc that overlaps it most."""

    id: str
    name: str
    members: list[str]
    bloc: str | None  # id of the best-overlapping bloc
    shared: list[str]
    only_in_coalition: list[str]  # seen in the articles, but not in that bloc
    only_in_bloc: list[str]
    unseen: list[str]  # members no relation in the graph touches

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _parse_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def edge_weight(data: dict[str, Any], newest: date | None) -> float:
    """Unsigned strength of one aggregated edge."""
    relation = RELATIONS.get(str(data.get("relation")))
    if relation is None:
        return 0.0
    mentions = int(data.get("mentions") or 0)
    hedged = min(int(data.get("hedged_mentions") or 0), mentions)
    weight = (mentions - hedged + HEDGED_WEIGHT * hedged) * abs(relation.score) / 10.0
    last = _parse_day(data.get("last_seen"))
    if newest is not None and last is not None:
        weight *= 0.5 ** ((newest - last).days / HALF_LIFE_DAYS)
    return weight


def signed_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected actor pairs with summed `cooperation` and `conflict` weights.

    Coalition nodes stay out: they are what the blocs are compared with.
    """
    days = [d for *_, d in graph.edges(data="last_seen") if d]
    newest = max((p for p in map(_parse_day, days) if p), default=None)
    signed = nx.Graph()
    for node in sorted(graph):  # sorted: Louvain's result depends on insertion order
        if graph.nodes[node].get("kind") != "COALITION":
            signed.add_node(node)
    for u, v, data in graph.edges(data=True):
        if u == v or u not in signed or v not in signed or data.get("membership"):
            continue
        relation = RELATIONS.get(str(data.get("relation")))
        if relation is None or relation.score == 0:
            continue
        if not signed.has_edge(u, v):
            signed.add_edge(u, v, cooperation=0.0, conflict=0.0, edges=[])
        side = "cooperation" if relation.score > 0 else "conflict"
        weight = edge_weight(data, newest)
        signed[u][v][side] += weight
        signed[u][v]["edges"].append((u, v, data, weight))
    return signed


def detect_blocs(graph: nx.MultiDiGraph) -> list[Bloc]:
    """Blocs of two or more actors tied by cooperation, strongest first."""
    signed = signed_graph(graph)
    cooperation = nx.Graph()
    cooperation.add_nodes_from(signed)
    cooperation.add_weighted_edges_from(
        (u, v, d["cooperation"]) for u, v, d in signed.edges(data=True) if d["cooperation"] > 0
    )
    communities = nx.community.louvain_communities(cooperation, weight="weight", seed=SEED)
    blocs = [_describe(graph, signed, set(c)) for c in communities if len(c) > 1]
    blocs.sort(key=lambda b: (-b.cooperation, b.members))
    for number, bloc in enumerate(blocs, 1):
        bloc.id = f"bloc-{number}"
    return blocs


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name") or node)


def _describe(graph: nx.MultiDiGraph, signed: nx.Graph, members: set[str]) -> Bloc:
    strength = {m: 0.0 for m in members}
    inside = outside = 0.0
    conflicts: list[dict[str, Any]] = []
    adversaries: dict[str, float] = {}
    cooperation_edges: list[tuple[float, str, str, dict[str, Any]]] = []
    for u, v, d in signed.edges(members, data=True):
        both = u in members and v in members
        for s, t, data, weight in d["edges"]:
            signed_score = RELATIONS[data["relation"]].score
            if signed_score > 0:
                if both:
                    cooperation_edges.append((weight, s, t, data))
            elif both:
                conflicts.append({"source": s, "target": t, "relation": data["relation"],
                                  "mentions": data.get("mentions", 0)})
        if d["cooperation"]:
            for m in (u, v):
                if m in members:
                    strength[m] += d["cooperation"]
            if both:
                inside += d["cooperation"]
            else:
                outside += d["cooperation"]
        if d["conflict"] and not both:
            other = v if u in members else u
            adversaries[other] = adversaries.get(other, 0.0) + d["conflict"]
    ranked = sorted(members, key=lambda m: (-strength[m], m))
    cooperation_edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    evidence = []
    for weight, s, t, data in cooperation_edges[:3]:
        first = (data.get("evidence") or [{}])[0]
        evidence.append({"source": s, "relation": data["relation"], "target": t,
                         "mentions": data.get("mentions", 0), "sentence": first.get("sentence"),
                         "title": first.get("title"), "published": first.get("published"),
                         "url": first.get("url")})
    return Bloc(
        id="",
        label=f"{_name(graph, ranked[0])} bloc",
        members=ranked,
        names=[_name(graph, m) for m in ranked],
        cohesion=round(inside / (inside + outside), 3) if inside + outside else 0.0,
        cooperation=round(inside, 3),
        conflicts_inside=conflicts,
        adversaries=[{"id": a, "name": _name(graph, a), "conflict": round(w, 3)}
                     for a, w in sorted(adversaries.items(), key=lambda x: (-x[1], x[0]))],
        evidence=evidence,
    )


def compare_coalitions(graph: nx.MultiDiGraph, blocs: list[Bloc]) -> list[CoalitionCheck]:
    """Each curated coalition against the detected bloc sharing most members."""
    checks = []
    for node, data in sorted(graph.nodes(data=True)):
        if data.get("kind") != "COALITION" or not data.get("members"):
            continue
        members = list(data["members"])
        seen = [m for m in members if m in graph and graph.degree(m) > 0]
        best = max(blocs, key=lambda b: (len(set(b.members) & set(seen)), -int(b.id[5:])),
                   default=None)
        if best is not None and not set(best.members) & set(seen):
            best = None
        in_bloc = set(best.members) if best else set()
        checks.append(CoalitionCheck(
            id=node,
            name=str(data.get("name") or node),
            members=members,
            bloc=best.id if best else None,
            shared=[m for m in members if m in in_bloc],
            only_in_coalition=[m for m in seen if m not in in_bloc],
            only_in_bloc=[m for m in (best.members if best else []) if m not in members],
            unseen=[m for m in members if m not in seen],
        ))
    return checks


def report_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    blocs = detect_blocs(graph)
    return {
        "blocs": [b.to_json() for b in blocs],
        "coalitions": [c.to_json() for c in compare_coalitions(graph, blocs)],
    }


def format_text(graph: nx.MultiDiGraph) -> str:
    """The `graphbuild alliances` report: blocs, then curated coalitions."""
    blocs = detect_blocs(graph)
    lines: list[str] = []
    if not blocs:
        lines.append("No blocs: no two actors are tied by cooperation in this graph.")
    for bloc in blocs:
        inside = len(bloc.conflicts_inside)
        lines.append(f"{bloc.id} \"{bloc.label}\": {len(bloc.members)} actors, cohesion "
                     f"{bloc.cohesion:.2f}, {inside} conflict tie{'s' * (inside != 1)} inside")
        lines.append(f"  members: {', '.join(bloc.names)}")
        for c in bloc.conflicts_inside:
            lines.append(f"  conflict inside: {_name(graph, c['source'])} -{c['relation']}-> "
                         f"{_name(graph, c['target'])} ({c['mentions']}x)")
        if bloc.adversaries:
            lines.append("  adversaries: " + ", ".join(a["name"] for a in bloc.adversaries[:8]))
        for e in bloc.evidence:
            source = ", ".join(str(x) for x in (e["title"], e["published"]) if x)
            quote = f": \"{_clip(e['sentence'])}\"" if e["sentence"] else ""
            lines.append(f"  evidence: {_name(graph, e['source'])} -{e['relation']}-> "
                         f"{_name(graph, e['target'])}{quote}" + (f" ({source})" if source else ""))
    checks = [c for c in compare_coalitions(graph, blocs) if len(c.members) > len(c.unseen)]
    if checks:
        lines.append("")
        lines.append("Curated coalitions")
    def names(ids: list[str]) -> str:
        return ", ".join(_name(graph, i) if i in graph else i for i in ids)

    for check in checks:
        against = f"vs {check.bloc}" if check.bloc else "matches no bloc"
        lines.append(f"{check.name} {against}: shared {names(check.shared) or 'none'}")
        if check.only_in_coalition:
            lines.append(f"  only in the coalition: {names(check.only_in_coalition)}")
        if check.only_in_bloc:
            lines.append(f"  only in the bloc: {names(check.only_in_bloc)}")
        if check.unseen:
            lines.append(f"  not in the articles: {names(check.unseen)}")
    return "\n".join(lines)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
