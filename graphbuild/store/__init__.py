"""Pick a store from one target string: a file path (LadybugDB) or a Neo4j URI."""

from __future__ import annotations

import os

from graphbuild.errors import StoreError
from graphbuild.store.protocol import AddResult, Store

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
DEFAULT_DB = "./graphbuild.lbug"

__all__ = ["DEFAULT_DB", "AddResult", "Store", "dialect", "is_neo4j_uri", "open_store"]


def is_neo4j_uri(target: str) -> bool:
    return target.lower().startswith(NEO4J_SCHEMES)


def open_store(
    target: str | None = None,
    *,
    read_only: bool = False,
    wait: float = 5.0,
    neo4j_user: str | None = None,
    neo4j_password: str | None = None,
    neo4j_database: str | None = None,
) -> Store:
    """Open the embedded store (default $GRAPHBUILD_DB or ./graphbuild.lbug) or Neo4j.

    A target with a bolt:// or neo4j:// scheme opens Neo4j, with credentials from
    the arguments or NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE (and its
    timings from GRAPHBUILD_NEO4J_CONNECT_TIMEOUT / _RETRY_SECONDS); anything
    else is the path of a LadybugDB file. `wait` (seconds to wait for another
    writer's lock) applies to the file; `read_only` to both.
    """
    if target is None:
        target = os.environ.get("GRAPHBUILD_DB") or DEFAULT_DB
    if is_neo4j_uri(target):
        from graphbuild.store.neo4j import Neo4jStore

        return Neo4jStore(
            target,
            neo4j_user or os.environ.get("NEO4J_USERNAME") or "neo4j",
            neo4j_password if neo4j_password is not None else os.environ.get("NEO4J_PASSWORD", ""),
            database=neo4j_database or os.environ.get("NEO4J_DATABASE") or None,
            read_only=read_only,
            connect_timeout=seconds_from_env("GRAPHBUILD_NEO4J_CONNECT_TIMEOUT", 15.0),
            retry_time=seconds_from_env("GRAPHBUILD_NEO4J_RETRY_SECONDS", 30.0),
        )
    from graphbuild.store.ladybug import LadybugStore

    return LadybugStore(target, read_only=read_only, wait=wait)


def seconds_from_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise StoreError(f"{name}={raw!r}: expected a number of seconds above 0")
    return value


def dialect(store: Store) -> str:
    """"ladybug" or "neo4j": which variant of a cypher/ query this store needs."""
    return str(getattr(store, "dialect", "ladybug"))
