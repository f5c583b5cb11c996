"""The actor gazetteer: data files in seeds/gazetteer/, merged with the user's own.

File format (JSON), documented in seeds/gazetteer/README.md:
  {"source": "...", "actors": [
     {"id": "iran", "name": "Iran", "kind": "STATE", "country": "IRN",
      "aliases": ["Islamic Republic of Iran", "the Islamic Republic"],
      "demonyms": ["Iranian"], "capitals": ["Tehran"],
      "places": ["Khuzestan"], "members": [], "note": "..."}]}
Only id, name and kind are required. A user file given with --gazetteer is
merged over the built-in one: an entry with a known id replaces the fields it
gives and adds its aliases; an entry with a new id is added. A file may also
list "lookalikes": real names one letter away from a gazetteer name ("Granada",
"Tarsus"), which the extractor must never read as a misspelling of it, and
"regions": areas spanning several states ("the Levant", "the Caucasus"), which
name no actor, and "faiths": religions and confessions ("Muslim", "Shia"), whose
believers belong to no one state.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from graphbuild.errors import GazetteerError
from graphbuild.records import ACTOR_KINDS, Actor

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-"})
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Comparable form of a name: folded case, plain quotes/dashes, no leading article."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_ARTICLE.sub("", text)
    text = text.removesuffix("'s")
    return text.casefold()


def slug(name: str) -> str:
    """A stable id for an actor that is not in the gazetteer."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", normalise(ascii_name)).strip("-") or "actor"


def _acronym_key(name: str) -> str:
    """Case-kept form of an all-capital name: "the U.S.'s" -> "US"."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).strip()
    text = _LEADING_ARTICLE.sub("", text)
    text = text.removesuffix("'s")
    return text.replace(".", "")


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("US", "IS", "PA") only match in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    actor_id: str
    how: str  # "name" | "alias" | "capital" | "place"
    case_sensitive: bool


class Gazetteer:
    """Canonical actors and every name that refers to them."""

    def __init__(self, entries: Iterable[dict[str, Any]], lookalikes: Iterable[str] = (),
                 regions: Iterable[str] = (), faiths: Iterable[str] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        self.lookalikes = {normalise(name) for name in lookalikes}
        self.regions = {normalise(name) for name in regions}
        self.faiths = {normalise(name) for name in faiths}
        self._entries: dict[str, dict[str, Any]] = {}
        for entry in entries:
            self._merge(entry)
        self._index()

    # -- loading -----------------------------------------------------------
    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), builtin: bool = True) -> Gazetteer:
        """The built-in gazetteer, with the user's files merged over it in order."""
        entries: list[dict[str, Any]] = []
        known: set[str] = set()
        lists: dict[str, list[str]] = {key: [] for key in _NAME_LISTS}
        if builtin:
            for name, text in _builtin_files():
                entries.extend(_entries_from(text, name, known, lists))
        for path in extra:
            file = Path(path)
            if not file.is_file():
                raise GazetteerError(f"gazetteer file not found: {path}")
            try:
                text = file.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise GazetteerError(f"cannot read gazetteer {path}: {exc}") from exc
            entries.extend(_entries_from(text, str(path), known, lists))
        gazetteer = cls(entries, lists["lookalikes"], lists["regions"], lists["faiths"])
        for actor in gazetteer:
            unknown = [m for m in actor.members if m not in gazetteer.actors]
            if unknown:
                raise GazetteerError(
                    f"gazetteer: {actor.id!r} lists unknown member id(s) {', '.join(unknown)}"
                )
        for person, group in gazetteer.heads.items():
            led = gazetteer.actors.get(group)
            if gazetteer.actors[person].kind != "PERSON":
                raise GazetteerError(f"gazetteer: {person!r} has heads but is no PERSON")
            if led is None or led.kind in ("PERSON", "STATE"):
                raise GazetteerError(
                    f"gazetteer: {person!r} heads {group!r}, which is no known organisation")
        return gazetteer

    def _merge(self, entry: dict[str, Any]) -> None:
        actor_id = entry["id"]
        old = self._entries.get(actor_id)
        if old is None:
            self._entries[actor_id] = dict(entry)
            return
        merged = dict(old)
        for key, value in entry.items():
            if key in _LIST_FIELDS and isinstance(value, list):
                merged[key] = list(dict.fromkeys([*old.get(key, []), *value]))
            else:
                merged[key] = value
        self._entries[actor_id] = merged

    def _index(self) -> None:
        self._by_name: dict[str, str] = {}
        self._by_acronym: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._demonym_acronyms: dict[str, str] = {}  # "US" officials, never "us"
        self._capitals: dict[str, str] = {}
        self._places: dict[str, str] = {}
        self._claims: dict[str, list[str]] = {}  # lookup key -> every actor giving it
        # a person -> the non-state organisation they lead or led ("his fighters" are its)
        self.heads: dict[str, str] = {}
        self.forms: list[SurfaceForm] = []
        self._form_set: set[SurfaceForm] = set()
        for actor_id, e in self._entries.items():
            aliases = tuple(dict.fromkeys([e["name"], *e.get("aliases", [])]))
            self.actors[actor_id] = Actor(
                id=actor_id,
                name=e["name"],
                kind=e["kind"],
                country=e.get("country"),
                aliases=aliases,
                curated=True,
                members=tuple(e.get("members", [])),
                description=e.get("note"),
            )
            if e.get("heads"):
                self.heads[actor_id] = e["heads"]
            for i, alias in enumerate(aliases):
                self._add_form(alias, actor_id, "name" if i == 0 else "alias")
            for capital in e.get("capitals", []):
                self._add_form(capital, actor_id, "capital")
            for place in e.get("places", []):
                self._add_form(place, actor_id, "place")
            for demonym in e.get("demonyms", []):
                claims = self._claims.setdefault("D:" + normalise(demonym), [])
                if actor_id not in claims:
                    claims.append(actor_id)
                if is_acronym(demonym):
                    self._demonym_acronyms.setdefault(_acronym_key(demonym), actor_id)
                else:
                    self._demonyms.setdefault(normalise(demonym), actor_id)

    def _add_form(self, text: str, actor_id: str, how: str) -> None:
        bare = _LEADING_ARTICLE.sub("", text)
        acronym = is_acronym(bare)  # "the UN" is as case-bound as "UN"
        texts = [text]
        if bare != text and bare:
            # phrase matchers match words literally: "the Kremlin" must not
            # hide "Kremlin" alone
            texts.append(bare)
        for form_text in texts:
            form = SurfaceForm(form_text, actor_id, how, acronym)
            if form not in self._form_set:
                self._form_set.add(form)
                self.forms.append(form)
        key = _acronym_key(text) if acronym else normalise(text)
        claims = self._claims.setdefault(("A:" if acronym else "N:") + key, [])
        if actor_id not in claims:
            claims.append(actor_id)
        if how == "place":
            # a region or city locates things in its state but names no actor:
            # never returned by lookup()
            self._places.setdefault(key, actor_id)
        elif acronym:
            self._by_acronym.setdefault(key, actor_id)
        elif how == "capital":
            self._capitals.setdefault(key, actor_id)
        else:
            # first entry wins: built-in files load states first, so "Georgia"
            # stays the country unless a user file says otherwise by id.
            self._by_name.setdefault(key, actor_id)

    # -- lookups -----------------------------------------------------------
    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, name: str) -> Actor | None:
        """The actor a name, alias or capital refers to, or None."""
        actor_id = self._by_acronym.get(_acronym_key(name))
        if actor_id is None:
            actor_id = self._by_name.get(normalise(name))
        if actor_id is None:
            actor_id = self._capitals.get(normalise(name))
        return self.actors.get(actor_id) if actor_id else None

    def demonym(self, word: str) -> Actor | None:
        """"Iranian" -> Iran; "U.S." -> United States; None when the word is no demonym."""
        actor_id = self._demonym_acronyms.get(_acronym_key(word)) or self._demonyms.get(
            normalise(word))
        return self.actors.get(actor_id) if actor_id else None

    def demonym_of(self, actor_id: str) -> str | None:
        """The first demonym an entry gives ("syria" -> "Syrian"): how news names its people."""
        names = self._entries.get(actor_id, {}).get("demonyms", [])
        return names[0] if names else None

    def capital(self, word: str) -> Actor | None:
        actor_id = self._capitals.get(normalise(word))
        return self.actors.get(actor_id) if actor_id else None

    def place(self, name: str) -> Actor | None:
        """The state a region or city lies in ("Darfur" -> Sudan), or None."""
        actor_id = self._places.get(normalise(name))
        return self.actors.get(actor_id) if actor_id else None

    def collisions(self) -> dict[str, list[str]]:
        """Names (aliases, capitals) that more than one actor gives, with those
        actors' ids in load order: the first one is what lookup() returns."""
        return {key[2:]: ids for key, ids in self._claims.items() if len(ids) > 1}

    def headed(self, person: Actor) -> Actor | None:
        """The organisation `person` leads or led (the `heads` field), if any."""
        group = self.heads.get(person.id)
        return self.actors.get(group) if group else None

    def by_country(self, iso3: str, kind: str = "STATE") -> Actor | None:
        for actor in self.actors.values():
            if actor.country == iso3 and actor.kind == kind:
                return actor
        return None

    def coalitions(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.kind == "COALITION"]

    def search(self, query: str, limit: int = 10) -> list[tuple[Actor, float]]:
        """Actors whose names are closest to `query` (fuzzy), best first."""
        from rapidfuzz import fuzz, process

        choices = {f"{f.actor_id}\x1f{f.text}": normalise(f.text) for f in self.forms}
        found = process.extract(normalise(query), choices, scorer=fuzz.WRatio, limit=limit * 4)
        best: dict[str, float] = {}
        for _choice, score, key in found:
            actor_id = key.split("\x1f", 1)[0]
            best[actor_id] = max(best.get(actor_id, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.actors[a], s) for a, s in ranked]

    def is_faith(self, name: str) -> bool:
        """'Muslims', 'Shia', 'Sunni Muslims': every word names a faith or its believers."""
        words = normalise(name).replace("-", " ").split()
        return bool(words) and all(w in self.faiths or (w.endswith("s") and w[:-1] in self.faiths)
                                   for w in words)

    def uncurated(self, name: str, kind: str) -> Actor:
        """An actor spaCy found that the gazetteer lacks."""
        return Actor(id=slug(name), name=name, kind=kind, curated=False, aliases=(name,))

    def with_actor(self, actor: Actor) -> Gazetteer:
        entries = list(self._entries.values())
        entries.append({"id": actor.id, "name": actor.name, "kind": actor.kind,
                        "country": actor.country, "aliases": list(actor.aliases)})
        return Gazetteer(entries, self.lookalikes, self.regions, self.faiths)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())


def _builtin_files() -> list[tuple[str, str]]:
    try:
        folder = resources.files("graphbuild.seeds").joinpath("gazetteer")
        files = sorted((p for p in folder.iterdir() if p.name.endswith(".json")),
                       key=lambda p: p.name)
        return [(f"gazetteer/{p.name}", p.read_text(encoding="utf-8")) for p in files]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        # a source checkout used without installing: seeds/ beside the package
        folder = Path(__file__).resolve().parent.parent / "seeds" / "gazetteer"
        if not folder.is_dir():
            raise GazetteerError("built-in gazetteer not found; reinstall graphbuild") from None
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


_LIST_FIELDS = ("aliases", "demonyms", "capitals", "places", "members")
_ISO3 = re.compile(r"[A-Z]{3}")


_NAME_LISTS = ("lookalikes", "regions", "faiths")


def _entries_from(text: str, where: str, known: set[str],
                  lists: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """The checked entries of one file; `known` collects the ids seen so far, so
    an entry for a known id may give only the fields it changes. The file's
    name lists ("lookalikes", "regions", "faiths") are added to `lists`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"gazetteer {where} is not valid JSON: {exc}") from exc
    for key in _NAME_LISTS:
        if not isinstance(data, dict) or key not in data:
            continue
        names = data[key]
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise GazetteerError(f"gazetteer {where}: {key} must be a list of names")
        if lists is not None:
            lists[key].extend(names)
    actors = data.get("actors") if isinstance(data, dict) else data
    if not isinstance(actors, list):
        raise GazetteerError(f"gazetteer {where}: expected {{\"actors\": [...]}}")
    out = []
    for i, entry in enumerate(actors):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            raise GazetteerError(f"gazetteer {where}: entry {i} needs a string id")
        actor_id = entry["id"]
        required = ("name", "kind") if actor_id not in known else ()
        for key in ("name", "kind", "note", "heads"):
            value = entry.get(key)
            if (key in required or value is not None) and not (isinstance(value, str) and value):
                raise GazetteerError(
                    f"gazetteer {where}: entry {actor_id!r} needs a non-empty string {key}"
                )
        if "kind" in entry and entry["kind"] not in ACTOR_KINDS:
            raise GazetteerError(
                f"gazetteer {where}: entry {actor_id!r} has unknown kind {entry['kind']!r}"
                f" (one of {', '.join(ACTOR_KINDS)})"
            )
        country = entry.get("country")
        if country is not None and not (isinstance(country, str) and _ISO3.fullmatch(country)):
            raise GazetteerError(
                f"gazetteer {where}: entry {actor_id!r} country must be an ISO 3166-1"
                f' alpha-3 code such as "IRN", or null, not {country!r}'
            )
        for key in _LIST_FIELDS:
            values = entry.get(key, [])
            if not isinstance(values, list) or not all(
                isinstance(v, str) and v.strip() for v in values
            ):
                raise GazetteerError(
                    f"gazetteer {where}: entry {actor_id!r} {key} must be a list of names"
                )
        known.add(actor_id)
        out.append(entry)
    return out


