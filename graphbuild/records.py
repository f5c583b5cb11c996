"""The records that flow between stages: plain, frozen, typed.

articles -> sentences -> actor mentions -> resolved actors -> triples -> store.
spaCy objects never leave the NLP stages; everything here is plain data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

Frozen = TypeVar("Frozen")

ACTOR_KINDS = (
    "STATE",
    "GOVERNMENT",
    "MILITARY",
    "ARMED_GROUP",
    "POLITICAL_PARTY",
    "PERSON",
    "IGO",
    "NGO",
    "MEDIA",
    "COALITION",
    "OTHER",
)


def content_id(text: str) -> str:
    """Stable article id for text that came without one."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def iso_day(published: Any) -> str | None:
    """The day an article's `published` value starts with ("2024-03-01" of
    "2024-03-01T10:00Z"), None when it starts with no valid ISO date."""
    return _iso_day(published) if isinstance(published, str) else None


@lru_cache(maxsize=4096)  # one call per statement of a bulk load, few distinct values
def _iso_day(published: str) -> str | None:
    if len(published) < 10 or published[10:11].isdigit():
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:  # e.g. 2024-02-30, or not a date at all
        return None


@dataclass(frozen=True)
class Article:
    """One news article. `text` is the text all offsets refer to."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" when known
    url: str | None = None
    source: str | None = None
    location: str | None = None  # where it was read from: path or path:line

    def meta(self) -> dict[str, Any]:
        """The article fields of a triple record (formats.md)."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "source": self.source,
        }


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read; reported and skipped, never fatal alone."""

    location: str  # path, or path:line for JSONL
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    index: int  # position of the sentence in its article, from 0
    text: str
    start: int  # character offsets into Article.text
    end: int


@dataclass(frozen=True)
class Actor:
    """A canonical actor: from the gazetteer (curated) or from NER (not curated)."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166-1 alpha-3, see formats.md
    aliases: tuple[str, ...] = ()
    curated: bool = True
    members: tuple[str, ...] = ()  # for a COALITION: ids of its member actors
    description: str | None = None

    def ref(self, text: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "text": text,
        }


@dataclass(frozen=True)
class Mention:
    """Words in a sentence that name an actor (after resolution)."""

    actor: Actor
    text: str
    start: int  # character offsets into Article.text
    end: int
    how: str = "name"  # name | alias | capital | demonym | pronoun | description | ner


@dataclass(frozen=True)
class Triple:
    """subject -relation-> object, found in one sentence of one article."""

    article: Article
    sentence: Sentence
    subject: Actor
    subject_text: str
    relation: str  # a name from graphbuild.relations.RELATIONS
    predicate: str  # the words that carry the relation
    object: Actor
    object_text: str
    score: float
    negated: bool = False
    hedged: bool = False
    historical: bool = False
    confidence: float = 0.5
    evidence: str = ""  # which rule and cue produced it

    @property
    def statement_id(self) -> str:
        """Stable id: the same triple from the same sentence is one statement."""
        # cached in the instance __dict__ (a frozen dataclass without slots
        # allows it); functools.cached_property's first access takes a lock
        # on Python 3.11 (five reads of a 5,000-article load's 62k ids: 0.71 s
        # that way, 0.42 s this way)
        cached: str | None = self.__dict__.get("_statement_id")
        if cached is not None:
            return cached
        key = "\x1f".join(
            [
                self.article.id,
                str(self.sentence.index),
                self.subject.id,
                self.relation,
                self.object.id,
                self.predicate,
                "1" if self.negated else "0",
            ]
        )
        cached = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        self.__dict__["_statement_id"] = cached
        return cached

    def to_json(self) -> dict[str, Any]:
        """The triple record of formats.md (plus extra fields)."""
        return {
            "article": self.article.meta(),
            "sentence": {
                "index": self.sentence.index,
                "text": self.sentence.text,
                "start": self.sentence.start,
                "end": self.sentence.end,
            },
            "subject": self.subject.ref(self.subject_text),
            "relation": self.relation,
            "predicate": self.predicate,
            "object": self.object.ref(self.object_text),
            "score": self.score,
            "negated": self.negated,
            "hedged": self.hedged,
            "historical": self.historical,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "subject_curated": self.subject.curated,
            "object_curated": self.object.curated,
        }


def actor_from_ref(ref: dict[str, Any], curated: bool) -> Actor:
    return Actor(
        id=str(ref["id"]),
        name=str(ref.get("name") or ref["id"]),
        kind=str(ref.get("kind") or "OTHER"),
        country=ref.get("country"),
        curated=curated,
        # matches Gazetteer.uncurated(), so a loaded actor equals an ingested one
        aliases=() if curated else (str(ref.get("name") or ref["id"]),),
    )


ActorFromRef = Callable[[dict[str, Any], bool], Actor]


def frozen_from_fields(cls: type[Frozen], fields: dict[str, Any]) -> Frozen:
    """A frozen record from a dict of every one of its fields, without the
    generated __init__, which sets each field through object.__setattr__
    (a 62k-triple load spent 0.5 s there, 0.1 s this way). Only for callers
    that give every field: a missing one would be missing on the record."""
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record


def triple_from_json(
    record: dict[str, Any],
    article_text: str | None = None,
    *,
    make_actor: ActorFromRef = actor_from_ref,
    previous: Triple | None = None,
) -> Triple:
    """Rebuild a Triple from a formats.md record (as written by `graphbuild extract`).

    Raises KeyError/TypeError/ValueError on a malformed record; callers turn that
    into a clear message with the line number. A reader of many records may pass
    its own `make_actor` (e.g. one that reuses the actors it has built), and
    the triple of the record before: its article and sentence are reused when
    this record names the same ones.
    """
    art = record["article"]
    sent = record["sentence"]
    # one object per article: a bulk load builds far fewer
    article = previous.article if previous is not None else None
    if (article is None or article_text or article.text
            or art["id"] != article.id or art.get("title") != article.title
            or art.get("published") != article.published
            or art.get("url") != article.url or art.get("source") != article.source):
        article = Article(
            id=str(art["id"]),
            text=article_text or "",
            title=art.get("title"),
            published=art.get("published"),
            url=art.get("url"),
            source=art.get("source"),
        )
    index, text = int(sent["index"]), str(sent["text"])
    start, end = int(sent["start"]), int(sent["end"])
    if (previous is not None and previous.article is article
            and previous.sentence.index == index and previous.sentence.start == start
            and previous.sentence.end == end and previous.sentence.text == text):
        sentence = previous.sentence
    else:
        sentence = frozen_from_fields(
            Sentence, {"index": index, "text": text, "start": start, "end": end})
    subj, obj = record["subject"], record["object"]
    return frozen_from_fields(Triple, {
        "article": article,
        "sentence": sentence,
        "subject": make_actor(subj, bool(record.get("subject_curated", True))),
        "subject_text": str(subj.get("text") or subj.get("name") or ""),
        "relation": str(record["relation"]),
        "predicate": str(record.get("predicate") or ""),
        "object": make_actor(obj, bool(record.get("object_curated", True))),
        "object_text": str(obj.get("text") or obj.get("name") or ""),
        "score": float(record.get("score", 0.0)),
        "negated": bool(record.get("negated", False)),
        "hedged": bool(record.get("hedged", False)),
        "historical": bool(record.get("historical", False)),
        "confidence": float(record.get("confidence", 0.5)),
        "evidence": str(record.get("evidence") or ""),
    })


@dataclass
class IngestSummary:
    """What one ingest or load run did, for the end-of-run line."""

    new: int = 0
    present: int = 0
    failed: int = 0
    statements: int = 0
    actors: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    interrupted: bool = False
