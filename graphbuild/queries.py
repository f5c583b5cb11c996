"""Find the shipped Cypher queries (cypher/*.cypher) by name, and read their headers.

Each file starts with `//` comment lines: a description, then one
`// $name: meaning` line per parameter. Where LadybugDB and Neo4j need
different Cypher, NAME.ladybug.cypher sits beside NAME.cypher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graphbuild.errors import QueryError

LADYBUG_SUFFIX = ".ladybug.cypher"
NOT_A_QUERY = {"schema"}  # Neo4j DDL run by the store, not something to ask
PARAM_LINE = re.compile(r"^//\s*\$(\w+)\s*:")
# string literals, quoted names and comments, where a `$` is not a parameter
NOT_CODE = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)


@dataclass(frozen=True)
class QueryInfo:
    name: str
    description: str
    params: tuple[str, ...]


def _packaged() -> dict[str, str]:
    """File name -> text of every packaged cypher/*.cypher."""
    folder = resources.files("graphbuild.cypher")
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".cypher")
    }


def _names(files: dict[str, str]) -> list[str]:
    return sorted(n.removesuffix(".cypher") for n in files if not n.endswith(LADYBUG_SUFFIX))


def load_query(name_or_path: str, dialect: str = "ladybug") -> str:
    """The text of a query: a path to a .cypher file, or the name of a shipped one.

    For the "ladybug" dialect NAME.ladybug.cypher is preferred when it exists,
    for a shipped query and for a file alike.
    """
    path = Path(name_or_path)
    if path.suffix == ".cypher" and path.is_file():
        variant = path.with_name(path.name.removesuffix(".cypher") + LADYBUG_SUFFIX)
        chosen = variant if dialect == "ladybug" and variant.is_file() else path
        try:
            return chosen.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"cannot read {chosen}: {error}") from None
    # "cypher/allies.cypher" from outside the repository still means the shipped one
    name = path.name.removesuffix(".cypher").removesuffix(".ladybug")
    files = _packaged()
    if dialect == "ladybug" and f"{name}{LADYBUG_SUFFIX}" in files:
        return files[f"{name}{LADYBUG_SUFFIX}"]
    if f"{name}.cypher" in files:
        return files[f"{name}.cypher"]
    available = ", ".join(n for n in _names(files) if n not in NOT_A_QUERY)
    raise QueryError(f"no query named {name_or_path}; available: {available}")


def parse_header(text: str) -> tuple[str, tuple[str, ...]]:
    """(description, parameter names) from a query's leading `//` lines."""
    description: list[str] = []
    params: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("//"):
            break
        found = PARAM_LINE.match(line)
        if found:
            params.append(found.group(1))
        elif not params and not line.lower().startswith("// no parameters"):
            description.append(line.removeprefix("//").strip())
    return " ".join(d for d in description if d), tuple(params)


def used_params(cypher: str) -> set[str]:
    """The $parameters a Cypher text uses."""
    return set(re.findall(r"\$(\w+)", NOT_CODE.sub(" ", cypher)))


def check_params(cypher: str, params: dict[str, object]) -> None:
    """QueryError naming the parameters a query uses but was not given."""
    missing = sorted(used_params(cypher) - set(params))
    if missing:
        names = ", ".join(f"${name}" for name in missing)
        raise QueryError(f"the query needs a value for {names}")


def list_queries() -> list[QueryInfo]:
    """Every shipped query (not the schema), with its description and parameters."""
    files = _packaged()
    infos = []
    for name in _names(files):
        if name in NOT_A_QUERY:
            continue
        description, params = parse_header(files[f"{name}.cypher"])
        infos.append(QueryInfo(name, description, params))
    return infos
