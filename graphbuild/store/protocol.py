"""The store interface: one graph model, two backends (LadybugDB, Neo4j).

Graph model (identical on every backend):
  (:Actor {id, name, kind, country, aliases, curated, members})
     members: ids of a COALITION's member actors (from the gazetteer); [] otherwise
  (:Article {id, title, published, url, source})
  (:Statement {id, relation, predicate, sentence, sentence_index, start, end,
               negated, hedged, historical, score, confidence, evidence})
  (:Statement)-[:SUBJECT]->(:Actor), (:Statement)-[:OBJECT]->(:Actor),
  (:Statement)-[:IN]->(:Article)
  (:Actor)-[:<RELATION> {relation, mentions, hedged_mentions, score,
                         first_seen, last_seen}]->(:Actor)
     one aggregated edge per (subject, relation, object), built from the
     non-negated statements; <RELATION> is a name from graphbuild.relations,
     repeated in the `relation` property so queries read it the same way on
     both backends (Neo4j has type(r), LadybugDB label(r)).
  On LadybugDB `IN` and `end` are reserved: write (s)-[:`IN`]->(r) and s.`end`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from graphbuild.records import Actor, Article, Triple


@dataclass(frozen=True)
class AddResult:
    new_article: bool  # False when the article was already in the store
    new_statements: int  # statements created by this call (0 on a re-ingest)


@runtime_checkable
class Store(Protocol):
    """What the pipeline, queries and views need from a graph database."""

    def add_article(self, article: Article, triples: Sequence[Triple]) -> AddResult:
        """Write one article with its triples in one transaction: whole or absent.

        Idempotent: statements are merged by Triple.statement_id, and an
        aggregated edge's counters move only for statements this call creates.
        """
        ...

    # Optional (LadybugStore has it; call it through getattr):
    #   add_articles(batch: Sequence[tuple[Article, Sequence[Triple]]]) -> list[AddResult]
    # writes a batch of articles in one transaction, whole or absent, leaving the
    # graph and results of add_article called on each in turn; if the batch
    # fails it falls back to add_article per article (a bad one raises).

    def add_actors(self, actors: Sequence[Actor]) -> None:
        """Merge actors (e.g. coalition members from the gazetteer)."""
        ...

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with $parameters; rows as dicts keyed by the RETURN names."""
        ...

    def actors(self) -> list[dict[str, Any]]:
        """Every actor: {id, name, kind, country, aliases (list), curated}."""
        ...

    def actor_edges(self) -> list[dict[str, Any]]:
        """Every aggregated edge: {source, target, relation, mentions,
        hedged_mentions, score, first_seen, last_seen}."""
        ...

    def evidence(
        self, source: str, relation: str, target: str, limit: int = 3
    ) -> list[dict[str, Any]]:
        """Statements behind one edge, newest first: {statement, sentence,
        predicate, negated, hedged, article_id, title, published, url}."""
        ...

    def stats(self) -> dict[str, int]:
        """Counts: actors, articles, statements, edges (aggregated)."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored (a read that a server
        store retries like its writes)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...
