"""Deterministic benchmark data: articles to parse and triples to load.

`generate_articles` rewrites the real article shipped in seeds/ with its actors
swapped for others of the same kind from the gazetteer (a state for a state,
its capital for the capital, its demonym for the demonym), so the parser and
the extraction rules see real English and a realistic spread of actors.
`generate_triples` makes formats.md triple records directly, without parsing,
to build large database states quickly with `graphbuild load`.

Everything is drawn from `random.Random` seeded per article, so article i is
the same bytes whatever N is, and a 10k state is a prefix of the 100k one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from random import Random
from typing import Any

from graphbuild.gazetteer import Gazetteer
from graphbuild.nlp import read_lexicon
from graphbuild.records import Actor
from graphbuild.relations import RELATIONS

SEED = 8
SEED_ARTICLE = "000_a22cd38123fc4353.txt"
FIRST_DAY = date(2023, 1, 1)
DAYS = 3 * 365
KEEP_PARAGRAPH = 0.75  # chance each seed paragraph is kept: articles of varied length
KEEP_ACTOR = 0.25  # chance an actor stays itself: the seed's main actors stay frequent
UNCURATED_SHARE = 0.1  # actors NER found that the gazetteer lacks
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[\"\u201cA-Z])")


@dataclass(frozen=True)
class Slot:
    """Where the seed article names an actor, and in which form."""

    start: int
    end: int
    actor_id: str
    form: str  # name | alias | capital | demonym


@dataclass(frozen=True)
class Paragraph:
    text: str
    slots: tuple[Slot, ...]


class Corpus:
    """The seed article cut into paragraphs with actor slots, and the swap pools."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.demonyms, self.capitals = _demonyms_and_capitals()
        text = resources.files("graphbuild.seeds").joinpath(SEED_ARTICLE).read_text("utf-8")
        pattern, form_of = self._surface_forms()
        self.paragraphs = [
            Paragraph(line, tuple(
                Slot(m.start(), m.end(), *form_of[m.group(0)]) for m in pattern.finditer(line)
            ))
            for line in text.splitlines() if line.strip()
        ]
        self.sentences = [s for p in self.paragraphs for s in _SENTENCE_END.split(p.text)]
        # a replacement must have every form the seed uses for the actor it replaces
        used: dict[str, set[str]] = {}
        for paragraph in self.paragraphs:
            for slot in paragraph.slots:
                used.setdefault(slot.actor_id, set()).add(slot.form)
        self.pools = {actor_id: self._pool(actor_id, forms) for actor_id, forms in used.items()}
        # triples draw actors with a long tail: a few very frequent, most rare
        self.actors = sorted(self.gazetteer, key=lambda a: a.id)
        Random(SEED).shuffle(self.actors)
        self.cues: dict[str, list[str]] = {}
        for cue in read_lexicon("cues.json")["cues"]:
            if cue["relation"] in RELATIONS:
                self.cues.setdefault(cue["relation"], []).append(cue["cue"])
        self.relations = sorted(self.cues)

    def _surface_forms(self) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
        form_of: dict[str, tuple[str, str]] = {}
        for form in self.gazetteer.forms:
            form_of.setdefault(form.text, (form.actor_id, form.how))
        for actor_id, words in self.demonyms.items():
            for word in words:
                form_of.setdefault(word, (actor_id, "demonym"))
        # longest first, so "Islamic Revolutionary Guard Corps" wins over "Islamic"
        alternatives = "|".join(re.escape(t) for t in sorted(form_of, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), form_of

    def _pool(self, actor_id: str, forms: set[str]) -> list[Actor]:
        kind = self.gazetteer.actors[actor_id].kind
        pool = [
            actor for actor in sorted(self.gazetteer, key=lambda a: a.id)
            if actor.kind == kind
            and ("demonym" not in forms or actor.id in self.demonyms)
            and ("capital" not in forms or actor.id in self.capitals)
        ]
        Random(f"{SEED}:{actor_id}").shuffle(pool)  # a fixed order for _zipf_rank
        return pool

    def _render(self, actor: Actor, form: str) -> str:
        if form == "demonym":
            return self.demonyms[actor.id][0]
        if form == "capital":
            return self.capitals[actor.id][0]
        return actor.name

    def article(self, number: int, seed: int = SEED) -> dict[str, Any]:
        """Article `number` as a formats.md JSONL record."""
        rng = Random(f"article:{seed}:{number}")
        kept = [p for p in self.paragraphs if rng.random() < KEEP_PARAGRAPH]
        if len(kept) < 3:
            kept = self.paragraphs[:3]
        swap: dict[str, Actor] = {}
        taken: set[str] = set()
        pieces: list[str] = []
        for paragraph in kept:
            out, at = [], 0
            for slot in paragraph.slots:
                if slot.actor_id not in swap:
                    swap[slot.actor_id] = self._replacement(slot.actor_id, rng, taken)
                    taken.add(swap[slot.actor_id].id)
                out.append(paragraph.text[at:slot.start])
                out.append(self._render(swap[slot.actor_id], slot.form))
                at = slot.end
            out.append(paragraph.text[at:])
            pieces.append("".join(out))
        text = "\n".join(pieces)
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        first = _SENTENCE_END.split(pieces[0])[0]
        return {
            "id": f"bench-a{seed}-{number:07d}",
            "title": first[:90].rstrip(),
            "published": published.isoformat(),
            "url": f"https://news.example/{published.isoformat()}/{number}",
            "source": "graphbuild benchmark",
            "text": text,
        }

    def _replacement(self, actor_id: str, rng: Random, taken: set[str]) -> Actor:
        # two seed actors never become one: that would invent self-loops
        original = self.gazetteer.actors[actor_id]
        if rng.random() < KEEP_ACTOR and actor_id not in taken:
            return original
        free = [a for a in self.pools[actor_id] if a.id not in taken]
        return free[_zipf_rank(rng, len(free))] if free else original

    def triples(self, number: int, seed: int = SEED) -> list[dict[str, Any]]:
        """The triple records of synthetic article `number` (no parsing)."""
        rng = Random(f"triples:{seed}:{number}")
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        article = {
            "id": f"bench-t{seed}-{number:07d}", "title": f"Synthetic article {number}",
            "published": published.isoformat(), "url": None, "source": "graphbuild benchmark",
        }
        count = rng.randint(5, 20)  # the seed article yields 13
        indices = sorted(rng.sample(range(len(self.sentences)), min(count, len(self.sentences))))
        records = []
        offset = 0
        for index in indices:
            sentence = self.sentences[index]
            subject, obj = self._actor_ref(rng, number), self._actor_ref(rng, number)
            while obj["id"] == subject["id"]:
                obj = self._actor_ref(rng, number)
            relation = rng.choice(self.relations)
            records.append({
                "article": article,
                "sentence": {"index": index, "text": sentence, "start": offset,
                             "end": offset + len(sentence)},
                "subject": subject, "relation": relation,
                "predicate": rng.choice(self.cues[relation]), "object": obj,
                "score": RELATIONS[relation].score, "negated": rng.random() < 0.05,
                "hedged": rng.random() < 0.1, "historical": False,
                "confidence": round(rng.uniform(0.5, 0.95), 2), "evidence": "benchmark",
                "subject_curated": subject.pop("curated"), "object_curated": obj.pop("curated"),
            })
            offset += len(sentence) + 1
        return records

    def _actor_ref(self, rng: Random, number: int) -> dict[str, Any]:
        if rng.random() < UNCURATED_SHARE:
            # new names keep appearing as the corpus grows, as in real news
            name = f"Local Group {rng.randrange(50 + number // 10)}"
            actor = self.gazetteer.uncurated(name, "ARMED_GROUP")
        else:
            actor = self.actors[_zipf_rank(rng, len(self.actors))]
        return {**actor.ref(actor.name), "curated": actor.curated}


def _zipf_rank(rng: Random, size: int) -> int:
    """A rank in range(size), rank k drawn about 1/k as often as rank 0: news
    names a few actors all the time and most of them rarely."""
    return min(int(size ** rng.random()) - 1, size - 1)


def _demonyms_and_capitals() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Actor id -> demonyms, and -> capitals, from the shipped gazetteer files
    (the Gazetteer indexes them for lookup but does not list them per actor)."""
    demonyms: dict[str, list[str]] = {}
    capitals: dict[str, list[str]] = {}
    folder = resources.files("graphbuild.seeds").joinpath("gazetteer")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        for actor in json.loads(entry.read_text("utf-8")).get("actors", []):
            for key, table in (("demonyms", demonyms), ("capitals", capitals)):
                if actor.get(key):
                    table.setdefault(actor["id"], []).extend(actor[key])
    return demonyms, capitals


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    return Corpus()


def generate_articles(n_articles: int, *, seed: int = SEED, start: int = 0
                      ) -> Iterator[dict[str, Any]]:
    """Articles start..start+n-1 as formats.md JSONL records."""
    source = corpus()
    for number in range(start, start + n_articles):
        yield source.article(number, seed)


def generate_triples(n_articles: int, *, seed: int = SEED, start: int = 0
                     ) -> Iterator[dict[str, Any]]:
    """Triple records for synthetic articles start..start+n-1, grouped by article."""
    source = corpus()
    for number in range(start, start + n_articles):
        yield from source.triples(number, seed)


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records one per line; the number written."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def main() -> None:
    """python -m benchmarks.corpus articles|triples N OUT.jsonl"""
    import sys

    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    make = generate_articles if kind == "articles" else generate_triples
    write_jsonl(make(n), out)


if __name__ == "__main__":
    main()
