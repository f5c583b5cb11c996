"""Write seeds/gazetteer/00_countries.json: every UN member state, plus Palestine,
the Holy See and Taiwan, as STATE actors.

Sources, merged in this order:
  pycountry    ISO 3166-1 codes, short, common and official names (LGPL-2.1;
               data from Debian's iso-codes)
  countryinfo  capital and demonym of each country (MIT)
  seeds/gazetteer/countries_overrides.toml
               hand-kept: common names, news aliases ("UK", "KSA"),
               seat-of-government metonyms ("the Kremlin"), demonym fixes.

Run from the repository root after editing the overrides:
    pip install pycountry countryinfo
    python scripts/build_countries.py
If country_converter is installed too, its UN membership column is used as a
cross-check of the hand-kept `non_un` list (nothing is copied from it).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tomllib
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry
from countryinfo import CountryInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from graphbuild.gazetteer import normalise, slug

OVERRIDES = REPO / "seeds" / "gazetteer" / "countries_overrides.toml"
OUT = REPO / "seeds" / "gazetteer" / "00_countries.json"
UN_MEMBERS = 193


def usable_name(name: str | None) -> bool:
    """Names like "Iran, Islamic Republic of" or "Holy See (Vatican City State)"
    are catalogue forms no article uses."""
    return bool(name) and "," not in name and "(" not in name  # type: ignore[operator]


def unique(names: list[str], exclude: str = "") -> list[str]:
    seen = {exclude.casefold()} if exclude else set()
    out = []
    for name in names:
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def country_info(alpha3: str) -> dict[str, Any]:
    try:
        return CountryInfo(alpha3).info()  # type: ignore[no-any-return]
    except (KeyError, ValueError):
        return {}


def state_entry(alpha3: str, fix: dict[str, Any], ambiguous: set[str]) -> dict[str, Any]:
    iso = pycountry.countries.get(alpha_3=alpha3)
    if iso is None:
        raise SystemExit(f"{alpha3}: not an ISO 3166-1 code in pycountry")
    info = country_info(alpha3)
    common = getattr(iso, "common_name", None)
    name = fix.get("name") or common or (iso.name if usable_name(iso.name) else info.get("name"))
    if not name:
        raise SystemExit(f"{alpha3}: no usable name; add one to {OVERRIDES.name}")
    candidates = [getattr(iso, "official_name", ""), iso.name, common or "", info.get("name", "")]
    dropped = {normalise(n) for n in fix.get("drop", [])}
    aliases = [n for n in candidates if usable_name(n) and normalise(n) not in dropped]
    aliases = unique([*aliases, *fix.get("aliases", [])], exclude=name)

    if "demonyms" in fix:
        demonyms = list(fix["demonyms"])
    else:
        demonyms = [d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()]
    if "capitals" in fix:
        capitals = list(fix["capitals"])
    else:
        capital = info.get("capital") or ""
        capitals = [capital] if capital and capital not in ambiguous else []
    capitals = unique([*capitals, *fix.get("metonyms", [])])

    entry: dict[str, Any] = {
        "id": fix.get("id") or slug(name),
        "name": name,
        "kind": "STATE",
        "country": alpha3,
        "aliases": aliases,
        "demonyms": unique(demonyms),
        "capitals": capitals,
    }
    if fix.get("note"):
        entry["note"] = fix["note"]
    return entry


def cross_check_un(members: set[str]) -> None:
    """Compare with country_converter's UN membership column, when installed."""
    try:
        table = resources.files("country_converter").joinpath("country_data.tsv")
    except ModuleNotFoundError:
        return
    with table.open(encoding="utf-8") as f:
        theirs = {r["ISO3"] for r in csv.DictReader(f, delimiter="\t")
                  if r.get("UNmember") not in (None, "", "nan")}
    if theirs != members:
        raise SystemExit(f"UN members differ from country_converter: "
                         f"only ours {sorted(members - theirs)}, only theirs {sorted(theirs - members)}")


def build() -> list[dict[str, Any]]:
    overrides = tomllib.loads(OVERRIDES.read_text(encoding="utf-8"))
    non_un = set(overrides["non_un"])
    members = {c.alpha_3 for c in pycountry.countries} - non_un
    if len(members) != UN_MEMBERS:
        raise SystemExit(f"{len(members)} UN members after removing non_un, expected {UN_MEMBERS}")
    cross_check_un(members)
    ambiguous = set(overrides.get("ambiguous_capitals", []))
    codes = sorted(members | set(overrides["extra_states"]))
    entries = [state_entry(code, overrides.get(code, {}), ambiguous) for code in codes]
    entries.sort(key=lambda e: e["id"])
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise SystemExit("two countries got the same id; give one an `id` override")
    return entries


def dump(entries: list[dict[str, Any]], source: str) -> str:
    """One actor per line, so a diff shows which country changed."""
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    return ('{\n "source": ' + json.dumps(source) + ',\n "actors": [\n  '
            + ",\n  ".join(lines) + "\n ]\n}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    entries = build()
    source = (f"generated by scripts/build_countries.py from pycountry {version('pycountry')}, "
              f"countryinfo {version('countryinfo')} and countries_overrides.toml; do not edit by hand")
    args.out.write_text(dump(entries, source), encoding="utf-8")
    print(f"wrote {len(entries)} states to {args.out}")


if __name__ == "__main__":
    main()
