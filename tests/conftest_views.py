"""A small hand-made corpus in a real LadybugDB store, for the view and alliance tests.

Triples are written by hand (no spaCy) so each test knows exactly which
relations the graph holds; the store, network and page code are the real ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.gazetteer import Gazetteer
from graphbuild.records import Actor, Article, Sentence, Triple
from graphbuild.relations import RELATIONS

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_ACTOR = Actor(id="xss-actor", name=XSS_NAME, kind="ARMED_GROUP", aliases=(XSS_NAME,),
                  curated=False)

# (article id, published, title, url, [(subject, relation, object, hedged, negated, sentence)])
CORPUS = [
    ("a1", "2024-12-09", "Iran weighs its options after Assad", "https://example.org/iran-assad", [
        ("iran", "AID", "bashar-al-assad", False, False,
         "Iran invested billions to support Assad."),
        ("iran", "AID", "hezbollah", False, False,
         "Iran arms and finances Hezbollah."),
        ("israel", "ASSAULT", "hezbollah", False, False,
         "Israel's military actions against Hezbollah in Lebanon continued."),
        ("united-states", "SANCTION", "iran", False, False,
         "The United States imposed maximum pressure on Iran."),
        ("iran", "ALLY_OF", "syria", False, False, "Syria has long been Iran's ally."),
        ("iran", "ASSAULT", "israel", False, True, "Iran did not attack Israel."),
    ]),
    ("a2", "2024-10-01", "War on two fronts", "http://example.com/two-fronts", [
        ("hezbollah", "ASSAULT", "israel", False, False, "Hezbollah fired rockets at Israel."),
        ("israel", "ASSAULT", "hamas", False, False, "Israel struck Hamas in Gaza."),
        ("iran", "SUPPORT", "hamas", False, False, "Iran praised Hamas."),
        ("iran", "AID", "hezbollah", False, False, "Iran resupplied Hezbollah."),
        ("united-states", "COOPERATE", "israel", False, False,
         "The United States and Israel shared intelligence."),
        ("united-states", "SUPPORT", "israel", True, False,
         "The United States might back Israel at the UN."),
        ("hezbollah", "REJECT", "iran", False, False, "Hezbollah rejected an Iranian proposal."),
    ]),
    ("a3", "2023-05-01", "<script>alert('title')</script> & more", "javascript:alert(1)", [
        ("xss-actor", "ACCUSE", "israel", False, False,
         "<b>bold</b> <img src=y onerror=alert(2)> accused Israel."),
        ("xss-actor", "COOPERATE", "hamas", False, False, "They work with Hamas."),
    ]),
    ("a4", "2022-03-15", "Gulf and Red Sea", None, [
        ("saudi-arabia", "COOPERATE", "united-arab-emirates", False, False,
         "Saudi Arabia and the UAE coordinated strikes."),
        ("saudi-arabia", "ASSAULT", "houthis", False, False, "Saudi jets bombed the Houthis."),
        ("houthis", "ASSAULT", "israel", True, False, "The Houthis may launch drones at Israel."),
    ]),
]


def corpus_articles(gazetteer: Gazetteer) -> list[tuple[Article, list[Triple]]]:
    def actor(actor_id: str) -> Actor:
        if actor_id == XSS_ACTOR.id:
            return XSS_ACTOR
        found = gazetteer.get(actor_id)
        assert found is not None, actor_id
        return found

    out = []
    for article_id, published, title, url, rows in CORPUS:
        text = " ".join(row[5] for row in rows)
        article = Article(id=article_id, text=text, title=title, published=published, url=url)
        triples, offset = [], 0
        for index, (subject, relation, obj, hedged, negated, sentence) in enumerate(rows):
            s, o = actor(subject), actor(obj)
            triples.append(Triple(
                article=article,
                sentence=Sentence(index, sentence, offset, offset + len(sentence)),
                subject=s, subject_text=s.name, relation=relation, predicate=relation.lower(),
                object=o, object_text=o.name, score=RELATIONS[relation].score,
                negated=negated, hedged=hedged,
            ))
            offset += len(sentence) + 1
        out.append((article, triples))
    return out


def fill_store(path: Path, gazetteer: Gazetteer) -> Path:
    from graphbuild.store import open_store

    with open_store(str(path)) as store:
        store.add_actors(gazetteer.coalitions())
        for article, triples in corpus_articles(gazetteer):
            store.add_article(article, triples)
    return path


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Path:
    return fill_store(tmp_path_factory.mktemp("views") / "corpus.lbug", gazetteer)


@pytest.fixture(scope="session")
def corpus_graph(corpus_db: Path):  # type: ignore[no-untyped-def]
    from graphbuild.network import build_network
    from graphbuild.store import open_store

    with open_store(str(corpus_db), read_only=True) as store:
        return build_network(store)


@pytest.fixture()
def read_store(corpus_db: Path) -> Iterator[object]:
    from graphbuild.store import open_store

    with open_store(str(corpus_db), read_only=True) as store:
        yield store
