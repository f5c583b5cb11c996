"""One exception hierarchy; the CLI maps it to one line and an exit code."""

from __future__ import annotations


class GraphbuildError(Exception):
    """Base of every error graphbuild reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ArticleError(GraphbuildError):
    """No article could be read from the given inputs."""

    exit_code = 3


class GazetteerError(GraphbuildError):
    """A gazetteer file is missing or malformed."""

    exit_code = 4


class ModelError(GraphbuildError):
    """The spaCy model cannot be loaded."""

    exit_code = 5


class StoreError(GraphbuildError):
    """The database cannot be opened, written or read."""

    exit_code = 6


class StoreLockedError(StoreError):
    """Another process holds the write lock on the embedded database."""

    exit_code = 7


class QueryError(GraphbuildError):
    """A Cypher query is invalid or failed, or a query file is missing."""

    exit_code = 8


class TriplesError(GraphbuildError):
    """A triples JSONL file is malformed beyond use."""

    exit_code = 9


class EvalError(GraphbuildError):
    """A gold file for `graphbuild eval` is missing or malformed."""

    exit_code = 10


class ClusterError(GraphbuildError):
    """The Dask cluster cannot be reached, or a worker failed."""

    exit_code = 11


class Interrupted(GraphbuildError):
    """The user pressed Ctrl-C; work done so far is kept."""

    exit_code = 130
