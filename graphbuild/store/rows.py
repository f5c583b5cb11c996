"""Records as the property maps both backends write: one definition of the graph model's rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphbuild.errors import StoreError
from graphbuild.records import Actor, Article, Triple
from graphbuild.relations import RELATIONS


def article_actors(triples: Sequence[Triple]) -> list[Actor]:
    """Each actor of an article once; a curated record wins over an uncurated one."""
    seen: dict[str, Actor] = {}
    for triple in triples:
        for actor in (triple.subject, triple.object):
            if actor.id not in seen or (actor.curated and not seen[actor.id].curated):
                seen[actor.id] = actor
    return list(seen.values())


def actor_props(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
        "aliases": list(actor.aliases), "members": list(actor.members),
        "curated": actor.curated,
    }


def actor_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored actors as plain rows: missing lists empty, curated a bool."""
    for row in rows:
        row["aliases"] = row["aliases"] or []
        row["members"] = row["members"] or []
        row["curated"] = bool(row["curated"])
    return rows


def checked_relation(article: Article, triple: Triple) -> str:
    """The vocabulary's own spelling of the triple's relation (used as a Cypher type)."""
    if triple.relation not in RELATIONS:
        raise StoreError(
            f"article {article.id}: relation {triple.relation!r} is not in the vocabulary"
        )
    return RELATIONS[triple.relation].name


def statement_props(triple: Triple) -> dict[str, Any]:
    """The Statement node's properties (`end` is the sentence's end offset)."""
    return {
        "id": triple.statement_id, "relation": triple.relation, "predicate": triple.predicate,
        "sentence": triple.sentence.text, "sentence_index": triple.sentence.index,
        "start": triple.sentence.start, "end": triple.sentence.end,
        "negated": triple.negated, "hedged": triple.hedged, "historical": triple.historical,
        "score": float(triple.score), "confidence": float(triple.confidence),
        "evidence": triple.evidence,
    }


def batch_actors(batch: Sequence[tuple[Article, Sequence[Triple]]]) -> list[Actor]:
    """Per actor id, the record whose merge leaves what merging every article's
    record in turn would leave: the last curated one, else the first one."""
    chosen: dict[str, Actor] = {}
    for _, triples in batch:
        for actor in article_actors(triples):
            if actor.id not in chosen or actor.curated:
                chosen[actor.id] = actor
    return list(chosen.values())
