"""The built-in gazetteer data and the loader's promises to users."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import GazetteerError
from graphbuild.gazetteer import Gazetteer, _builtin_files
from graphbuild.records import ACTOR_KINDS

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

# ISO 3166-1 entries that are not UN member states: dependent territories,
# Antarctica, Western Sahara, and the observers/non-members handled apart.
NOT_UN_MEMBERS = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
    "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
    "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
    "PRI", "PSE", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI",
    "VAT", "VGB", "VIR", "WLF",
}

# ids others code and test against: they must never change
STABLE_IDS = {
    "iran": "STATE", "syria": "STATE", "israel": "STATE", "united-states": "STATE",
    "russia": "STATE", "lebanon": "STATE", "iraq": "STATE", "hezbollah": "ARMED_GROUP",
    "hamas": "ARMED_GROUP", "hts": "ARMED_GROUP", "al-qaeda": "ARMED_GROUP", "irgc": "MILITARY",
    "axis-of-resistance": "COALITION", "houthis": "ARMED_GROUP", "bashar-al-assad": "PERSON",
    "donald-trump": "PERSON", "qasem-soleimani": "PERSON", "international-crisis-group": "NGO",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def write(tmp_path: Path, actors: object, name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"source": "test", "actors": actors}), encoding="utf-8")
    return path


# -- the built-in data -------------------------------------------------------


def test_every_un_member_state_is_a_state_with_its_iso3(gaz: Gazetteer) -> None:
    members = {c.alpha_3 for c in pycountry.countries} - NOT_UN_MEMBERS
    assert len(members) == 193
    states = {a.country: a for a in gaz if a.kind == "STATE"}
    missing = sorted(members - set(states))
    assert not missing, f"UN members missing: {missing}"
    for code in ("PSE", "VAT"):
        assert code in states
    assert gaz.by_country("PSE").id == "palestine"  # type: ignore[union-attr]


def test_states_have_common_names_not_catalogue_forms(gaz: Gazetteer) -> None:
    for actor in gaz:
        if actor.kind == "STATE":
            assert "," not in actor.name and "(" not in actor.name, actor.name
    expected = {"IRN": ("iran", "Iran"), "GBR": ("united-kingdom", "United Kingdom"),
                "SAU": ("saudi-arabia", "Saudi Arabia"), "USA": ("united-states", "United States"),
                "SYR": ("syria", "Syria"), "RUS": ("russia", "Russia"), "TUR": ("turkey", "Turkey")}
    for code, (actor_id, name) in expected.items():
        state = gaz.by_country(code)
        assert state is not None and (state.id, state.name) == (actor_id, name)


def test_kinds_countries_and_ids_are_valid(gaz: Gazetteer) -> None:
    iso3 = {c.alpha_3 for c in pycountry.countries}
    for actor in gaz:
        assert actor.kind in ACTOR_KINDS, actor.id
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", actor.id), actor.id
        assert actor.country is None or actor.country in iso3, (actor.id, actor.country)
        if actor.kind == "IGO":
            assert actor.country is None, actor.id


def test_stable_ids_keep_their_kinds(gaz: Gazetteer) -> None:
    assert {i: gaz.actors[i].kind for i in STABLE_IDS if i in gaz} == STABLE_IDS


def test_no_id_is_defined_twice_across_builtin_files() -> None:
    """An entry with a name defines an actor, once; an entry without one (the
    places file) only adds to an actor defined in an earlier file."""
    seen: dict[str, str] = {}
    for name, text in _builtin_files():
        for entry in json.loads(text)["actors"]:
            if "name" not in entry:
                assert entry["id"] in seen and set(entry) <= {"id", "places", "note"}, (name, entry)
                continue
            assert entry["id"] not in seen, f"{entry['id']} in {seen.get(entry['id'])} and {name}"
            seen[entry["id"]] = name


def test_coalition_members_exist(gaz: Gazetteer) -> None:
    coalitions = gaz.coalitions()
    assert {"axis-of-resistance", "saudi-led-coalition", "e3", "plo"} <= {c.id for c in coalitions}
    for actor in gaz:
        for member in actor.members:
            assert member in gaz, f"{actor.id} lists unknown member {member}"
    assert set(gaz.actors["e3"].members) == {"france", "germany", "united-kingdom"}
    assert {"iran", "hezbollah", "houthis"} <= set(gaz.actors["axis-of-resistance"].members)


def test_no_name_points_to_two_actors(gaz: Gazetteer) -> None:
    # Intended collisions would be listed here with the reason; there are none.
    intended: dict[str, list[str]] = {}
    assert gaz.collisions() == intended


def test_every_name_resolves_to_its_own_actor(gaz: Gazetteer) -> None:
    wrong = []
    for form in gaz.forms:
        found = gaz.place(form.text) if form.how == "place" else gaz.lookup(form.text)
        if found is None or found.id != form.actor_id:
            wrong.append((form.text, form.actor_id, found and found.id))
    assert not wrong, wrong[:20]


# -- lookups users rely on ---------------------------------------------------


@pytest.mark.parametrize("text, actor_id", [
    ("the Kremlin", "russia"), ("Kremlin", "russia"), ("Downing Street", "united-kingdom"),
    ("the White House", "united-states"), ("Washington", "united-states"), ("Tehran", "iran"),
    ("Whitehall", "united-kingdom"), ("Riyadh", "saudi-arabia"), ("Erbil", "krg"),
])
def test_capital_metonyms_stand_for_the_state(gaz: Gazetteer, text: str, actor_id: str) -> None:
    assert gaz.capital(text).id == actor_id  # type: ignore[union-attr]
    assert gaz.lookup(text).id == actor_id  # type: ignore[union-attr]


@pytest.mark.parametrize("word, actor_id", [
    ("Iranian", "iran"), ("Saudi", "saudi-arabia"), ("Emirati", "united-arab-emirates"),
    ("Israeli", "israel"), ("American", "united-states"), ("British", "united-kingdom"),
    ("U.S.", "united-states"), ("Palestinian", "palestine"), ("Turkish", "turkey"),
    ("Congolese", "democratic-republic-of-the-congo"), ("Dominican", "dominican-republic"),
])
def test_demonyms_resolve_to_the_state(gaz: Gazetteer, word: str, actor_id: str) -> None:
    assert gaz.demonym(word).id == actor_id  # type: ignore[union-attr]


def test_short_capital_names_match_only_in_capitals(gaz: Gazetteer) -> None:
    assert gaz.lookup("US").id == "united-states"  # type: ignore[union-attr]
    assert gaz.lookup("U.S.").id == "united-states"  # type: ignore[union-attr]
    assert gaz.lookup("the US").id == "united-states"  # type: ignore[union-attr]
    assert gaz.lookup("IS").id == "islamic-state"  # type: ignore[union-attr]
    assert gaz.lookup("PA").id == "palestinian-authority"  # type: ignore[union-attr]
    assert gaz.lookup("WHO").id == "who"  # type: ignore[union-attr]
    for word in ("us", "is", "Is", "pa", "who", "Who", "un", "ap", "spa"):
        assert gaz.lookup(word) is None, word
    assert gaz.demonym("us") is None
    assert gaz.demonym("US").id == "united-states"  # type: ignore[union-attr]
    forms = {f.text: f.case_sensitive for f in gaz.forms}
    assert forms["US"] and forms["IS"] and not forms["Hezbollah"]


@pytest.mark.parametrize("text, actor_id", [
    ("Iran\u2019s", "iran"), ("Hezbollah\u2019s", "hezbollah"), ("Israel's", "israel"),
    ("the Islamic Republic", "iran"), ("THE ISLAMIC REPUBLIC", "iran"), ("IAEA\u2019s", "iaea"),
    ("Hizbollah", "hezbollah"), ("Ansar Allah", "houthis"), ("Daesh", "islamic-state"),
    ("ISIL", "islamic-state"), ("Jabhat al-Nusra", "nusra-front"), ("Hashd al-Shaabi", "pmf"),
    ("Abu Mohammad al-Jolani", "ahmed-al-sharaa"), ("Assad", "bashar-al-assad"),
    ("MBS", "mohammed-bin-salman"), ("UAE", "united-arab-emirates"), ("KSA", "saudi-arabia"),
    ("Britain", "united-kingdom"), ("Türkiye", "turkey"), ("Erdogan", "recep-tayyip-erdogan"),
    ("UN nuclear watchdog", "iaea"), ("Israeli army", "idf"), ("Quds Force", "quds-force"),
    ("Izz ad-Din al-Qassam Brigades", "qassam-brigades"), ("Saudi-led coalition", "saudi-led-coalition"),
    ("Ivory Coast", "cote-d-ivoire"), ("Burma", "myanmar"),
])
def test_common_names(gaz: Gazetteer, text: str, actor_id: str) -> None:
    assert gaz.lookup(text).id == actor_id  # type: ignore[union-attr]


def test_bare_form_without_article_is_matchable(gaz: Gazetteer) -> None:
    texts = {(f.text, f.actor_id) for f in gaz.forms}
    assert ("Kremlin", "russia") in texts and ("White House", "united-states") in texts


def test_fuzzy_search_finds_misspellings(gaz: Gazetteer) -> None:
    assert gaz.search("Hizbolla")[0][0].id == "hezbollah"
    assert gaz.search("Nasralla")[0][0].id == "hassan-nasrallah"


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_lookup_never_fails_on_odd_text(gaz: Gazetteer, text: str) -> None:
    for found in (gaz.lookup(text), gaz.demonym(text), gaz.capital(text)):
        assert found is None or found.id in gaz


def _gold_actors(name: str) -> dict[str, dict[str, object]]:
    path = SHARED_EVAL / name
    if not path.is_file():
        pytest.skip(f"{path} not found: the gold lives in shared/ beside the clone")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_seed_article_actors_are_all_known(gaz: Gazetteer) -> None:
    for name, gold in _gold_actors("seed_actors.json").items():
        actor = gaz.lookup(name)
        assert actor is not None, name
        assert (actor.kind, actor.country) == (gold["kind"], gold["country"]), name


# Dev-set actors left out on purpose: one-off people and companies, and
# descriptions that the extractor resolves, not names.
DEV_NOT_IN_GAZETTEER = {
    "Palestinians", "Constellis", "Yemeni staff of the U.S. Embassy", "Peter the Great",
    "Bob Levinson", "Illicit financial network", "Iranian proxies",
}


def test_named_dev_actors_are_known(gaz: Gazetteer) -> None:
    missing = []
    for name, gold in _gold_actors("dev_actors.json").items():
        if name in DEV_NOT_IN_GAZETTEER:
            continue
        actor = gaz.lookup(name)
        if actor is None or actor.kind != gold["kind"]:
            missing.append((name, actor and actor.kind))
    assert not missing


# -- the user's own gazetteer ------------------------------------------------


def test_places_locate_in_their_state_but_name_no_actor(gaz: Gazetteer, tmp_path: Path) -> None:
    assert gaz.place("Darfur").id == "sudan"  # type: ignore[union-attr]
    assert gaz.place("northern ireland").id == "united-kingdom"  # type: ignore[union-attr]
    assert gaz.lookup("Darfur") is None and gaz.lookup("Gaza") is None
    assert gaz.place("Iran") is None
    mine = Gazetteer.load([write(tmp_path, [{"id": "iran", "places": ["Zahedan"]}])])
    assert mine.place("Zahedan").id == "iran"  # type: ignore[union-attr]
    assert mine.lookup("Zahedan") is None


def test_user_file_adds_alias_replaces_field_and_adds_actor(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"id": "hezbollah", "aliases": ["the Party"], "note": "mine"},
        {"id": "hamas", "kind": "POLITICAL_PARTY"},
        {"id": "new-militia", "name": "Brigade of Tests", "kind": "ARMED_GROUP",
         "country": "SYR", "aliases": ["BoT"]},
    ])
    gaz = Gazetteer.load([path])
    assert gaz.lookup("the Party").id == "hezbollah"  # type: ignore[union-attr]
    assert gaz.lookup("Hizbollah").id == "hezbollah"  # type: ignore[union-attr]  # kept
    assert gaz.actors["hezbollah"].description == "mine"
    assert gaz.actors["hamas"].kind == "POLITICAL_PARTY"
    assert gaz.actors["hamas"].country == "PSE"
    new = gaz.lookup("Brigade of Tests")
    assert new is not None and (new.id, new.country, new.curated) == ("new-militia", "SYR", True)
    assert gaz.lookup("BoT").id == "new-militia"  # type: ignore[union-attr]
    assert len(gaz) == len(Gazetteer.load()) + 1


def test_later_user_file_wins_over_earlier(tmp_path: Path) -> None:
    first = write(tmp_path, [{"id": "x", "name": "Group X", "kind": "ARMED_GROUP"}], "a.json")
    second = write(tmp_path, [{"id": "x", "kind": "POLITICAL_PARTY"}], "b.json")
    assert Gazetteer.load([first, second], builtin=False).actors["x"].kind == "POLITICAL_PARTY"


def test_user_file_alone(tmp_path: Path) -> None:
    path = write(tmp_path, [{"id": "x", "name": "Group X", "kind": "ARMED_GROUP"}])
    gaz = Gazetteer.load([path], builtin=False)
    assert [a.id for a in gaz] == ["x"]


@pytest.mark.parametrize("content, words", [
    ("{not json", "not valid JSON"),
    ('{"actors": {"id": "x"}}', "expected"),
    ('{"actors": [{"name": "No Id", "kind": "STATE"}]}', "id"),
    ('{"actors": [{"id": "x", "kind": "STATE"}]}', "name"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "REBEL"}]}', "unknown kind 'REBEL'"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "STATE", "country": "Iran"}]}', "alpha-3"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "STATE", "aliases": "X-land"}]}', "aliases"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "COALITION", "members": ["nobody"]}]}',
     "unknown member"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "PERSON", "heads": "nobody"}]}', "no known organisation"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "PERSON", "heads": "iran"}]}', "no known organisation"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "ARMED_GROUP", "heads": "hamas"}]}', "is no PERSON"),
    ('{"actors": [{"id": "x", "name": "X", "kind": "PERSON", "heads": ["hamas"]}]}', "heads"),
    ('{"actors": [], "lookalikes": "Granada"}', "lookalikes"),
    ('{"actors": [], "regions": [""]}', "regions"),
    ('{"actors": [], "faiths": "Muslim"}', "faiths"),
])
def test_malformed_user_file_is_one_clear_error(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load([path])
    message = str(info.value)
    assert words in message and "\n" not in message
    assert "Traceback" not in message
    assert info.value.exit_code == 4


def test_missing_user_file_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found: .*nope.json"):
        Gazetteer.load([tmp_path / "nope.json"])
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load([tmp_path])  # a folder is no gazetteer file


def test_user_file_with_bom_and_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text("\ufeff" + json.dumps({"actors": [
        {"id": "x", "name": "Al\u2019Amal Front", "kind": "ARMED_GROUP"}]}), encoding="utf-8")
    assert Gazetteer.load([path]).lookup("Al'Amal Front").id == "x"  # type: ignore[union-attr]


def test_generated_countries_file_is_up_to_date() -> None:
    pytest.importorskip("countryinfo", reason="the countries build needs countryinfo")
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    built = module.build()
    stored = json.loads(module.OUT.read_text(encoding="utf-8"))["actors"]
    assert built == stored


def test_lookalikes_are_collected_from_builtin_and_user_files(gaz: Gazetteer, tmp_path: Path) -> None:
    assert "granada" in gaz.lookalikes  # a real city one letter from Grenada
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"actors": [], "lookalikes": ["Zambiya"]}), encoding="utf-8")
    mine = Gazetteer.load([path])
    assert {"zambiya", "granada"} <= mine.lookalikes
    assert not any(gaz.lookup(name) or gaz.place(name) for name in gaz.lookalikes)


def test_faiths_name_believers_not_actors(gaz: Gazetteer, tmp_path: Path) -> None:
    assert all(gaz.is_faith(w) for w in ("Muslims", "Shia Muslims", "Christians", "the Druze", "Shiites"))
    assert not any(gaz.is_faith(w) for w in ("Lebanese", "Islamists", "Islamic State", "Muslim Brotherhood", ""))
    assert not any(gaz.lookup(name) or gaz.place(name) for name in gaz.faiths)
    user = tmp_path / "mine.json"
    user.write_text('{"actors": [], "faiths": ["Pastafarian"]}', encoding="utf-8")
    assert Gazetteer.load([user]).is_faith("Pastafarians")


def test_regions_name_no_actor_and_no_place(gaz: Gazetteer) -> None:
    assert {"levant", "caucasus", "middle east"} <= gaz.regions
    assert not any(gaz.lookup(name) or gaz.place(name) for name in gaz.regions)


def test_contested_places_are_listed_with_one_state(gaz: Gazetteer) -> None:
    # the state news places events there with, never an actor of their own
    assert gaz.place("the Golan Heights").id == "israel"
    assert gaz.place("Shebaa Farms").id == "israel"
    assert gaz.place("Western Sahara").id == "morocco"
    assert gaz.place("Crimea").id == "ukraine"
    assert not any(gaz.lookup(name) for name in ("Golan Heights", "Western Sahara", "Shebaa Farms"))
