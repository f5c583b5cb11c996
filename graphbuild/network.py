"""The actor graph as a networkx MultiDiGraph, read from a store.

The single place the views and the alliance analysis get their data from:
nodes carry the actor attributes, edges are keyed by relation name and carry
mentions, hedged_mentions, score, first_seen, last_seen, the articles behind
them and a few evidence sentences. Subgraph helpers select what a view shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.relations import LEGACY_NAMES, RELATIONS
from graphbuild.store.protocol import Store

# Edge key of the drawn "coalition -> member" lines: not a relation, never analysed.
MEMBERSHIP = "MEMBERSHIP"

# Every non-negated statement with its article: one query gives the articles
# behind each edge, the evidence sentences and the dates for --since/--until.
STATEMENTS_CYPHER = """
MATCH (s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor), (s)-[:`IN`]->(r:Article)
WHERE s.negated = false
RETURN a.id AS source, s.relation AS relation, b.id AS target, s.hedged AS hedged,
       s.sentence AS sentence, s.predicate AS predicate,
       r.id AS article_id, r.title AS title, r.published AS published, r.url AS url
"""


def parse_relations(names: Iterable[str] | None) -> set[str] | None:
    """Relation names from a user (any case, legacy PLOVER names allowed)."""
    if names is None:
        return None
    chosen: set[str] = set()
    for raw in names:
        for part in str(raw).split(","):
            name = part.strip().upper()
            if not name:
                continue
            name = LEGACY_NAMES.get(name, name)
            if name not in RELATIONS:
                known = ", ".join(RELATIONS)
                raise GraphbuildError(f"unknown relation {part.strip()!r}; known relations: {known}")
            chosen.add(name)
    return chosen or None


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if not date:
        return False  # an undated article cannot be placed inside a date range
    day = str(date)[:10]
    return (since is None or day >= since) and (until is None or day <= until)


def _date_bound(value: str | None, option: str, pad: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as a full day: the first day for --since,
    the last possible for --until (compared as strings, so "-31" is fine)."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        raise GraphbuildError(f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    return text + pad[len(text) - 4:]


def _day(value: Any) -> str | None:
    return str(value)[:10] if value not in (None, "") else None


def build_network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    relations: Iterable[str] | None = None,
    evidence_per_edge: int = 3,
) -> nx.MultiDiGraph:
    """Read actors and aggregated edges from `store` into a MultiDiGraph.

    Args:
        since, until: ISO dates (inclusive); with either, every edge is rebuilt
            from the statements of articles published in the range, so
            mentions and first/last seen describe that period only.
        relations: keep only these relation names.
        evidence_per_edge: evidence sentences kept per edge, newest first.

    Graph attributes: articles (distinct articles behind the edges), since,
    until, relations.
    """
    since, until = _date_bound(since, "--since", "-01-01"), _date_bound(until, "--until", "-12-31")
    wanted = parse_relations(relations)
    graph = nx.MultiDiGraph(since=since, until=until, relations=sorted(wanted) if wanted else None)

    for actor in store.actors():
        graph.add_node(
            actor["id"],
            name=actor.get("name") or actor["id"],
            kind=actor.get("kind") or "OTHER",
            country=actor.get("country"),
            aliases=list(actor.get("aliases") or []),
            curated=bool(actor.get("curated", True)),
            members=list(actor.get("members") or []),
        )
    _fill_coalition_members(graph)

    statements: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in store.query(STATEMENTS_CYPHER):
        key = (row["source"], row["relation"], row["target"])
        if wanted is not None and key[1] not in wanted:
            continue
        if _in_range(row.get("published"), since, until):
            statements[key].append(row)

    dated = since is not None or until is not None
    if dated:
        edges = [_edge_from_statements(key, rows) for key, rows in statements.items()]
    else:
        edges = [e for e in store.actor_edges() if wanted is None or e["relation"] in wanted]

    articles: set[str] = set()
    for edge in edges:
        key = (edge["source"], edge["relation"], edge["target"])
        # newest first; undated ("") sort last
        rows = sorted(statements.get(key, []), key=lambda r: _day(r.get("published")) or "",
                      reverse=True)
        edge_articles = sorted({str(r["article_id"]) for r in rows})
        articles.update(edge_articles)
        for end in (edge["source"], edge["target"]):
            if end not in graph:  # an edge to an actor the store did not list
                graph.add_node(end, name=end, kind="OTHER", country=None, aliases=[],
                               curated=False, members=[])
        graph.add_edge(
            edge["source"],
            edge["target"],
            key=edge["relation"],
            relation=edge["relation"],
            mentions=int(edge.get("mentions") or 0),
            hedged_mentions=int(edge.get("hedged_mentions") or 0),
            score=float(edge["score"]) if edge.get("score") is not None
            else RELATIONS[edge["relation"]].score,
            first_seen=_day(edge.get("first_seen")),
            last_seen=_day(edge.get("last_seen")),
            articles=edge_articles,
            evidence=[_evidence(r) for r in rows[:evidence_per_edge]],
        )
    graph.graph["articles"] = len(articles)
    return graph


def _edge_from_statements(key: tuple[str, str, str], rows: list[dict[str, Any]]) -> dict[str, Any]:
    days = sorted(d for d in (_day(r.get("published")) for r in rows) if d)
    return {
        "source": key[0],
        "relation": key[1],
        "target": key[2],
        "mentions": len(rows),
        "hedged_mentions": sum(1 for r in rows if r.get("hedged")),
        "score": RELATIONS[key[1]].score if key[1] in RELATIONS else 0.0,
        "first_seen": days[0] if days else None,
        "last_seen": days[-1] if days else None,
    }


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "sentence": row.get("sentence") or "",
        "predicate": row.get("predicate") or "",
        "hedged": bool(row.get("hedged")),
        "article_id": row.get("article_id"),
        "title": row.get("title"),
        "published": _day(row.get("published")),
        "url": row.get("url"),
    }


def _fill_coalition_members(graph: nx.MultiDiGraph) -> None:
    """A store that does not keep coalition members gets them from the gazetteer."""
    missing = [n for n, d in graph.nodes(data=True) if d["kind"] == "COALITION" and not d["members"]]
    if not missing:
        return
    from graphbuild.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    for node in missing:
        actor = gazetteer.get(node)
        if actor is not None:
            graph.nodes[node]["members"] = list(actor.members)


# -- looking actors up ---------------------------------------------------------
def find_actor(graph: nx.MultiDiGraph, text: str) -> str:
    """The id of the actor called `text` (id, name or alias, any case)."""
    if text in graph:
        return text
    wanted = text.strip().casefold()
    for node, data in graph.nodes(data=True):
        names = [node, data.get("name") or "", *(data.get("aliases") or [])]
        if any(str(n).casefold() == wanted for n in names):
            return str(node)
    raise GraphbuildError(f"no actor {text!r} in the graph{_suggest(graph, text)}")


def _suggest(graph: nx.MultiDiGraph, text: str) -> str:
    from rapidfuzz import fuzz, process

    choices = {n: str(d.get("name") or n) for n, d in graph.nodes(data=True)}
    best = process.extract(text, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    if not best:
        return ""
    return "; did you mean " + ", ".join(f"{name} ({node})" for name, _, node in best) + "?"


def coalitions(graph: nx.MultiDiGraph) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d.get("kind") == "COALITION"]


# -- subgraphs a view shows ----------------------------------------------------
def _copy(graph: nx.MultiDiGraph, nodes: Iterable[str], edges: Iterable[tuple[str, str, str]]
          ) -> nx.MultiDiGraph:
    """A standalone copy holding `nodes` and the listed (u, v, key) edges."""
    sub = nx.MultiDiGraph(**graph.graph)
    for node in nodes:
        sub.add_node(node, **graph.nodes[node])
    for u, v, k in edges:
        sub.add_edge(u, v, key=k, **graph.edges[u, v, k])
    sub.graph["articles"] = len({a for *_, d in sub.edges(keys=True, data=True)
                                 for a in d.get("articles", [])})
    return sub


def whole(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every actor with a relation, plus the coalitions two or more of them belong to."""
    active = {n for n in graph if graph.degree(n) > 0}
    shown = active | {c for c in coalitions(graph)
                      if len(active & set(graph.nodes[c].get("members") or [])) >= 2}
    return with_memberships(_copy(graph, shown, graph.edges(keys=True)))


def with_memberships(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Add a MEMBERSHIP edge from each coalition to each of its members shown."""
    for coalition in coalitions(graph):
        for member in graph.nodes[coalition].get("members") or []:
            if member in graph and not graph.has_edge(coalition, member, MEMBERSHIP):
                graph.add_edge(coalition, member, key=MEMBERSHIP, relation=MEMBERSHIP,
                               membership=True, mentions=0, hedged_mentions=0, score=0.0,
                               first_seen=None, last_seen=None, articles=[], evidence=[])
    return graph


def ego(graph: nx.MultiDiGraph, actor_id: str, depth: int = 1) -> nx.MultiDiGraph:
    """`actor_id` and everyone within `depth` relations of it, either direction."""
    center = find_actor(graph, actor_id)
    if depth < 0:
        raise GraphbuildError("--depth must be 0 or more")
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, depth)
    nodes = set(reach)
    sub = _copy(graph, nodes, [(u, v, k) for u, v, k in graph.edges(keys=True)
                               if u in nodes and v in nodes])
    sub.graph["center"] = center
    return sub


def between(graph: nx.MultiDiGraph, a: str, b: str) -> nx.MultiDiGraph:
    """The two actors and every relation between them, both directions."""
    first, second = find_actor(graph, a), find_actor(graph, b)
    edges = [(u, v, k) for u, v, k in graph.edges(keys=True) if {u, v} == {first, second}]
    sub = _copy(graph, [first, second], edges)
    sub.graph["pair"] = (first, second)
    return sub


def resolve_alliance(graph: nx.MultiDiGraph, name: str) -> tuple[str, str | None, list[str]]:
    """(label, coalition node or None, member ids) for a coalition or detected bloc.

    A curated coalition is matched by id, name or alias; a detected bloc by its
    id ("bloc-1"), its label, or any member's name ("Iran" finds Iran's bloc)
    when no coalition has that name.
    """
    wanted = name.strip().casefold()
    for node in coalitions(graph):
        data = graph.nodes[node]
        names = [node, data.get("name") or "", *(data.get("aliases") or [])]
        if any(str(n).casefold() == wanted for n in names):
            return str(data.get("name") or node), node, list(data.get("members") or [])
    from graphbuild.alliances import detect_blocs

    blocs = detect_blocs(graph)
    for bloc in blocs:
        if wanted in (bloc.id.casefold(), bloc.label.casefold()):
            return bloc.label, None, list(bloc.members)
    try:
        member = find_actor(graph, name)
    except GraphbuildError:
        member = None
    for bloc in blocs:
        if member in bloc.members:
            return bloc.label, None, list(bloc.members)
    known = [str(graph.nodes[n].get("name") or n) for n in coalitions(graph)]
    known += [b.id for b in blocs]
    raise GraphbuildError(
        f"no coalition or bloc {name!r}; known: {', '.join(known) or 'none'}"
        + (" (or name an actor that belongs to a bloc)" if blocs else "")
    )


def alliance(graph: nx.MultiDiGraph, name: str) -> nx.MultiDiGraph:
    """A coalition or bloc: its members, every relation touching a member
    (so cooperation partners and adversaries), and coalition -> member lines.

    Node attribute `role`: member, partner, adversary or "partner, adversary".
    """
    label, coalition, members = resolve_alliance(graph, name)
    present = [m for m in members if m in graph]
    inner = set(present) | ({coalition} if coalition else set())
    edges = [(u, v, k) for u, v, k in graph.edges(keys=True) if u in inner or v in inner]
    roles: dict[str, set[str]] = defaultdict(set)
    for u, v, k in edges:
        other = v if u in inner else u
        if other in inner:
            continue
        score = RELATIONS[k].score if k in RELATIONS else 0.0
        roles[other].add("partner" if score > 0 else "adversary" if score < 0 else "other")
    sub = _copy(graph, inner | set(roles), edges)
    for node in present:
        sub.nodes[node]["role"] = "member"
    for node, kinds in roles.items():
        sub.nodes[node]["role"] = ", ".join(sorted(kinds))
    if coalition:
        sub.nodes[coalition]["role"] = "coalition"
        sub.nodes[coalition]["members"] = members
        with_memberships(sub)
    sub.graph.update(alliance=label, coalition=coalition, members=present,
                     missing_members=[m for m in members if m not in graph])
    return sub


def weighted_degree(graph: nx.MultiDiGraph, node: str) -> int:
    """Mentions over every relation touching `node` (membership lines excluded)."""
    return sum(int(d.get("mentions") or 0) for _, _, d in graph.edges(node, data=True)) + sum(
        int(d.get("mentions") or 0) for _, _, d in graph.in_edges(node, data=True)
    )


def relations_in(graph: nx.MultiDiGraph) -> list[str]:
    present = {k for *_, k in graph.edges(keys=True) if k in RELATIONS}
    return [r for r in RELATIONS if r in present]


def kinds_in(graph: nx.MultiDiGraph) -> list[str]:
    return sorted({str(d.get("kind") or "OTHER") for _, d in graph.nodes(data=True)})


def select(
    graph: nx.MultiDiGraph,
    *,
    actor: str | None = None,
    depth: int = 1,
    alliance_name: str | None = None,
    pair: Sequence[str] | None = None,
) -> nx.MultiDiGraph:
    """The subgraph a `graphbuild view` shows; whole graph when nothing is chosen.

    The result carries `graph.graph["what"]`: one line saying what it shows.
    """
    chosen = sum(x is not None for x in (actor, alliance_name, pair))
    if chosen > 1:
        raise GraphbuildError("choose one of --actor, --alliance, --between")
    if actor is not None:
        sub = ego(graph, actor, depth)
        name = sub.nodes[sub.graph["center"]]["name"]
        sub.graph["what"] = f"{name} and its relations within {depth} step{'s' * (depth != 1)}"
    elif alliance_name is not None:
        sub = alliance(graph, alliance_name)
        sub.graph["what"] = (f"{sub.graph['alliance']}: its members, their ties to each other "
                             "and to partners and adversaries")
    elif pair is not None:
        if len(pair) != 2:
            raise GraphbuildError("--between takes two actors")
        sub = between(graph, pair[0], pair[1])
        a, b = (sub.nodes[n]["name"] for n in sub.graph["pair"])
        sub.graph["what"] = f"Every relation between {a} and {b}"
    else:
        sub = whole(graph)
        sub.graph["what"] = "The whole actor graph"
    return sub
