"""Signed bloc analysis on a hand-made corpus in a real store, and on the seed article."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphbuild import alliances
from graphbuild.alliances import compare_coalitions, detect_blocs, edge_weight
from graphbuild.network import build_network, select

pytest_plugins = ["conftest_views"]  # the corpus store fixtures
XSS_NAME = "<img src=x onerror=alert(1)>"  # an actor of that corpus
REPO = Path(__file__).resolve().parents[1]


def bloc_with(blocs: list[alliances.Bloc], actor: str) -> alliances.Bloc | None:
    return next((b for b in blocs if actor in b.members), None)


def test_blocs_split_cooperation_from_conflict(corpus_graph: nx.MultiDiGraph) -> None:
    blocs = detect_blocs(corpus_graph)
    iran = bloc_with(blocs, "iran")
    assert iran is not None and iran.id == "bloc-1" and iran.label == "Iran bloc"
    assert {"iran", "hezbollah", "syria", "bashar-al-assad"} <= set(iran.members)
    assert "israel" not in iran.members and "united-states" not in iran.members
    assert set(bloc_with(blocs, "israel").members) == {"israel", "united-states"}  # type: ignore[union-attr]
    # structural balance: the one conflict tie inside Iran's bloc is reported
    assert [(c["source"], c["relation"], c["target"]) for c in iran.conflicts_inside] == [
        ("hezbollah", "REJECT", "iran")]
    assert {"israel", "united-states"} <= {a["id"] for a in iran.adversaries}
    assert 0 < iran.cohesion <= 1
    assert iran.evidence[0]["sentence"] in {"Iran arms and finances Hezbollah.",
                                            "Iran resupplied Hezbollah."}


def test_blocs_do_not_depend_on_insertion_order(corpus_graph: nx.MultiDiGraph) -> None:
    edges = list(corpus_graph.edges(keys=True, data=True))
    nodes = list(corpus_graph.nodes(data=True))
    shuffled = nx.MultiDiGraph(**corpus_graph.graph)
    rng = random.Random(5)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    first = [b.to_json() for b in detect_blocs(corpus_graph)]
    assert [b.to_json() for b in detect_blocs(shuffled)] == first
    assert [b.to_json() for b in detect_blocs(corpus_graph)] == first


def test_weights_follow_mentions_hedging_and_recency() -> None:
    base = {"relation": "AID", "mentions": 2, "hedged_mentions": 0, "last_seen": "2024-01-01"}
    newest = alliances._parse_day("2024-01-01")
    assert edge_weight(base, newest) == pytest.approx(2.0)
    assert edge_weight({**base, "hedged_mentions": 2}, newest) == pytest.approx(1.0)
    assert edge_weight({**base, "relation": "CONSULT"}, newest) == pytest.approx(0.5)
    two_years_old = {**base, "last_seen": "2022-01-01"}
    assert edge_weight(two_years_old, newest) == pytest.approx(1.0, rel=0.01)
    assert edge_weight({**base, "last_seen": None}, newest) == pytest.approx(2.0)


def test_old_cooperation_weighs_less_than_new_cooperation() -> None:
    # a broker cooperating with two camps joins the one it works with lately
    graph = nx.MultiDiGraph()
    for node in "abcdef":
        graph.add_node(node, name=node.upper(), kind="STATE", members=[])

    def tie(u: str, v: str, day: str) -> None:
        graph.add_edge(u, v, key="COOPERATE", relation="COOPERATE", mentions=3,
                       hedged_mentions=0, last_seen=day, evidence=[])

    tie("a", "b", "2024-06-01")
    tie("b", "c", "2024-06-01")
    tie("d", "e", "2024-06-01")
    tie("e", "f", "2024-06-01")
    graph.add_node("m", name="M", kind="STATE", members=[])
    tie("m", "a", "2014-01-01")
    tie("m", "d", "2024-05-01")
    blocs = detect_blocs(graph)
    assert "m" in bloc_with(blocs, "d").members  # type: ignore[union-attr]
    assert "m" not in bloc_with(blocs, "a").members  # type: ignore[union-attr]


def test_coalitions_compared_with_blocs(corpus_graph: nx.MultiDiGraph) -> None:
    blocs = detect_blocs(corpus_graph)
    checks = {c.id: c for c in compare_coalitions(corpus_graph, blocs)}
    axis = checks["axis-of-resistance"]
    assert axis.bloc == bloc_with(blocs, "iran").id  # type: ignore[union-attr]
    assert {"iran", "hezbollah", "syria"} <= set(axis.shared)
    assert "hamas" in axis.only_in_coalition  # seen, but in another bloc
    assert "bashar-al-assad" in axis.only_in_bloc
    assert "pij" in axis.unseen and "iran" not in axis.unseen


def test_text_and_json_reports(corpus_graph: nx.MultiDiGraph) -> None:
    text = alliances.format_text(corpus_graph)
    lines = text.splitlines()
    assert lines[0].startswith('bloc-1 "Iran bloc"') and "1 conflict tie inside" in lines[0]
    assert "conflict inside: Hezbollah -REJECT-> Iran (1x)" in text
    assert "Axis of Resistance vs bloc-1" in text and "only in the bloc: Bashar al-Assad" in text
    assert XSS_NAME in text  # plain text output: names as they are
    report = json.loads(json.dumps(alliances.report_json(corpus_graph)))
    assert report["blocs"][0]["members"][0] == "iran"
    assert {c["id"] for c in report["coalitions"]} >= {"axis-of-resistance"}


def test_empty_graph_has_no_blocs() -> None:
    assert detect_blocs(nx.MultiDiGraph()) == []
    assert "No blocs" in alliances.format_text(nx.MultiDiGraph())


def test_alliance_view_of_a_detected_bloc(corpus_graph: nx.MultiDiGraph) -> None:
    by_member = select(corpus_graph, alliance_name="Israel")  # names a member, not a coalition
    assert set(by_member.graph["members"]) == {"israel", "united-states"}
    roles = nx.get_node_attributes(by_member, "role")
    assert roles["hezbollah"] == "adversary" and roles["israel"] == "member"
    assert select(corpus_graph, alliance_name="bloc-2").graph["members"] == by_member.graph["members"]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> nx.MultiDiGraph:
    from graphbuild import pipeline
    from graphbuild.store import open_store

    path = tmp_path_factory.mktemp("seed") / "seed.lbug"
    with open_store(str(path)) as store:
        pipeline.ingest([REPO / "seeds" / "000_a22cd38123fc4353.txt"], store, extractor)
    with open_store(str(path), read_only=True) as store:
        return build_network(store)


def test_seed_article_puts_iran_and_hezbollah_together_and_israel_outside(
        seed_graph: nx.MultiDiGraph) -> None:
    blocs = detect_blocs(seed_graph)
    iran = bloc_with(blocs, "iran")
    assert iran is not None and "hezbollah" in iran.members
    assert "israel" not in iran.members
    assert "israel" in {a["id"] for a in iran.adversaries}


def test_seed_axis_view_shows_members_and_adversaries(seed_graph: nx.MultiDiGraph) -> None:
    view = select(seed_graph, alliance_name="Axis of Resistance")
    assert {"axis-of-resistance", "iran", "hezbollah"} <= set(view)
    assert {"syria", "bashar-al-assad"} & set(view)
    assert view.nodes["israel"]["role"] == "adversary"
