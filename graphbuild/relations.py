"""The relation vocabulary (../shared/spec/relations.md): a fixed contract.

Relationship types in Cypher come only from this table, never from text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    name: str
    family: str  # "event" or "tie"
    quad: str  # PLOVER quad class, or "tie"
    score: float  # PLOVER -10..+10: positive = cooperation, negative = conflict
    symmetric: bool = False


_TABLE = [
    ("AGREE", "event", "verbal cooperation", 2.5),
    ("CONSULT", "event", "verbal cooperation", 2.5),
    ("SUPPORT", "event", "verbal cooperation", 5.0),
    ("CONCEDE", "event", "verbal cooperation", 4.5),
    ("COOPERATE", "event", "material cooperation", 9.5),
    ("AID", "event", "material cooperation", 10.0),
    ("RETREAT", "event", "material cooperation", 6.5),
    ("REQUEST", "event", "verbal conflict", 0.0),
    ("ACCUSE", "event", "verbal conflict", -2.0),
    ("REJECT", "event", "verbal conflict", -2.0),
    ("THREATEN", "event", "verbal conflict", -3.5),
    ("PROTEST", "event", "material conflict", -5.0),
    ("SANCTION", "event", "material conflict", -6.0),
    ("MOBILIZE", "event", "material conflict", -5.5),
    ("COERCE", "event", "material conflict", -7.0),
    ("ASSAULT", "event", "material conflict", -9.0),
    ("ALLY_OF", "tie", "tie", 6.0),
    ("MEMBER_OF", "tie", "tie", 5.0),
    ("LEADS", "tie", "tie", 5.0),
    ("AFFILIATED_WITH", "tie", "tie", 3.0),
    ("HOSTILE_TO", "tie", "tie", -6.0),
]

RELATIONS: dict[str, Relation] = {
    name: Relation(name, family, quad, score, symmetric=(name == "ALLY_OF"))
    for name, family, quad, score in _TABLE
}

# Older PLOVER names found in gold data.
LEGACY_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def relation(name: str) -> Relation:
    """The vocabulary entry for `name`; KeyError for anything outside it."""
    return RELATIONS[LEGACY_NAMES.get(name, name)]


def is_relation(name: str) -> bool:
    return name in RELATIONS


def is_cooperation(name: str) -> bool:
    return RELATIONS[name].score > 0


def is_conflict(name: str) -> bool:
    return RELATIONS[name].score < 0
