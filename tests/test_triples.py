"""Relation triples from the dependency parse: voice, control, ties, qualifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.records import Article
from graphbuild.relations import RELATIONS

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_a22cd38123fc4353.txt"


def triples(extractor, text: str) -> list[tuple[str, str, str]]:
    return [(t.subject.id, t.relation, t.object.id)
            for t in extractor.extract(Article(id="t", text=text))]


def one(extractor, text: str, subject: str, relation: str, obj: str):
    found = [t for t in extractor.extract(Article(id="t", text=text))
             if (t.subject.id, t.relation, t.object.id) == (subject, relation, obj)]
    assert found, triples(extractor, text)
    return found[0]


def test_active_and_passive_voice(extractor) -> None:
    one(extractor, "Israel attacked Hezbollah positions in Lebanon.", "israel", "ASSAULT", "hezbollah")
    one(extractor, "Hezbollah was attacked by Israel on Monday.", "israel", "ASSAULT", "hezbollah")
    assert ("hezbollah", "ASSAULT", "israel") not in triples(
        extractor, "Hezbollah was attacked by Israel on Monday.")


def test_negation(extractor) -> None:
    assert one(extractor, "Iran did not attack Israel.", "iran", "ASSAULT", "israel").negated
    assert one(extractor, "Iran never funded Hamas.", "iran", "AID", "hamas").negated
    assert not one(extractor, "Iran attacked Israel.", "iran", "ASSAULT", "israel").negated


@pytest.mark.parametrize("text", [
    "Iran might attack Israel.",
    "Iran is eager to avoid a war with Israel, but could strike Israel.",
    "Iran potentially aims to strike Israel.",
    "Iran would attack Israel if the talks fail.",
])
def test_hedging(extractor, text: str) -> None:
    found = [t for t in extractor.extract(Article(id="t", text=text))
             if t.subject.id == "iran" and t.object.id == "israel"]
    assert found and all(t.hedged for t in found), triples(extractor, text)


def test_control_verbs_code_the_governing_event(extractor) -> None:
    one(extractor, "Hamas refused to recognize Israel.", "hamas", "REJECT", "israel")
    one(extractor, "Russia agreed to withdraw from Syria.", "russia", "AGREE", "syria")
    t = one(extractor, "The United States urged Iran to stop enriching uranium.",
            "united-states", "REQUEST", "iran")
    assert "urge" in t.evidence
    one(extractor, "Iran invested billions to support Assad.", "iran", "AID", "bashar-al-assad")


def test_reported_speech_speaker_is_not_the_actor(extractor) -> None:
    found = triples(extractor, "Israel said Hezbollah attacked its positions on Sunday.")
    assert ("hezbollah", "ASSAULT", "israel") in found
    assert not any(s == "israel" and r == "ASSAULT" for s, r, _o in found)
    assert triples(extractor, "Iran said on Monday that the weather was fine.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Hamas, an ally of Iran, fired rockets.", ("hamas", "ALLY_OF", "iran")),
    ("Iran lost its ally, Bashar al-Assad.", ("bashar-al-assad", "ALLY_OF", "iran")),
    ("The militia coalition led by Hayat Tahrir al-Sham advanced. Hezbollah is a member of the Axis of Resistance.",
     ("hezbollah", "MEMBER_OF", "axis-of-resistance")),
    ("HTS, previously affiliated with al-Qaeda, took Damascus.", ("hts", "AFFILIATED_WITH", "al-qaeda")),
    ("Iran and Russia are strategic allies.", ("iran", "ALLY_OF", "russia")),
])
def test_ties(extractor, text: str, expected: tuple[str, str, str]) -> None:
    found = triples(extractor, text)
    reverse = (expected[2], expected[1], expected[0])
    assert expected in found or (RELATIONS[expected[1]].symmetric and reverse in found), found


def test_conjoined_subjects_and_objects_each_get_a_triple(extractor) -> None:
    found = triples(extractor, "Iran and Russia supplied weapons to Hezbollah and Hamas.")
    for subject in ("iran", "russia"):
        for obj in ("hezbollah", "hamas"):
            assert (subject, "AID", obj) in found, found


def test_nominal_events(extractor) -> None:
    actions = [t for t in extractor.extract(Article(id="t", text="Israel's military actions against Hezbollah continued."))
               if t.relation == "ASSAULT" and t.object.id == "hezbollah"]
    assert actions and actions[0].subject.country == "ISR"
    one(extractor, "Owing to Iran's support for Hamas, the war went on.", "iran", "SUPPORT", "hamas")
    one(extractor, "Israel launched an extensive strike against Hezbollah.", "israel", "ASSAULT", "hezbollah")


def test_pronoun_subject(extractor) -> None:
    t = one(extractor, "Turkey warned Syria on Monday. It later attacked Syria.", "turkey", "ASSAULT", "syria")
    assert t.subject_text == "It"


def test_every_triple_explains_itself(extractor) -> None:
    for t in extractor.extract(Article(id="seed", text=SEED.read_text(encoding="utf-8"))):
        assert t.relation in RELATIONS and t.score == RELATIONS[t.relation].score
        assert t.evidence and t.relation in t.evidence
        assert t.predicate and 0 < t.confidence <= 1
        assert t.article.text[t.sentence.start:t.sentence.end] == t.sentence.text
        assert t.subject_text in t.sentence.text and t.object_text in t.sentence.text


def test_seed_article(extractor) -> None:
    found = triples(extractor, SEED.read_text(encoding="utf-8"))
    for expected in [("iran", "AID", "hezbollah"), ("iran", "AID", "bashar-al-assad"),
                     ("hts", "AFFILIATED_WITH", "al-qaeda")]:
        assert expected in found, expected
    # "the new Syrian leadership" is the Syrian state's leadership in any period: no fixed
    # alias ties it to HTS (seeds/lexicon/extra_forms.json says why)
    talks = [t for t in extractor.extract(Article(id="seed", text=SEED.read_text(encoding="utf-8")))
             if t.object_text.endswith("new Syrian leadership")]
    assert talks and all((t.relation, t.object.id) == ("CONSULT", "syria") for t in talks), talks
    assert ("bashar-al-assad", "ALLY_OF", "iran") in found or ("iran", "ALLY_OF", "bashar-al-assad") in found


def test_deterministic_and_same_with_two_processes(extractor) -> None:
    text = SEED.read_text(encoding="utf-8")
    short = ["Israel attacked Hezbollah.", "Iran sent weapons to the Houthis.",
             "Turkey accused Greece of provocations.", "Qatar hosted talks with Hamas."]
    # more articles than the workers hold in flight, so chunks finish out of order
    articles = [Article(id=f"a{i}", text=text if i % 7 == 3 else short[i % len(short)])
                for i in range(40)]
    one_proc = [[t.to_json() for t in ts] for _a, ts in extractor.extract_many(articles)]
    again = [[t.to_json() for t in ts] for _a, ts in extractor.extract_many(articles, batch_size=1)]
    results = list(extractor.extract_many(iter(articles), n_process=2))
    two = [[t.to_json() for t in ts] for _a, ts in results]
    assert one_proc == again == two
    assert [a for a, _t in results] == articles
    assert sum(map(len, two)) > len(articles)  # something was found to compare


def test_workers_use_the_callers_gazetteer(gazetteer) -> None:
    from graphbuild.records import Actor
    from graphbuild.triples import Extractor

    mine = Extractor(gazetteer.with_actor(Actor("zfx", "Zorblax Front", "ARMED_GROUP")))
    articles = [Article(id=f"z{i}", text="The Zorblax Front attacked Israel.") for i in range(3)]
    for jobs in (1, 2):
        found = [(t.subject.id, t.relation, t.object.id)
                 for _a, ts in mine.extract_many(articles, n_process=jobs) for t in ts]
        assert found == [("zfx", "ASSAULT", "israel")] * 3, jobs


def test_leaving_a_parallel_extraction_early_ends_its_workers(extractor) -> None:
    import multiprocessing

    articles = (Article(id=f"b{i}", text="Israel attacked Hezbollah.") for i in range(10_000))
    results = extractor.extract_many(articles, n_process=2)
    first, _triples = next(results)
    assert first.id == "b0"
    workers = [p for p in multiprocessing.active_children() if p.name.startswith("graphbuild")]
    assert len(workers) == 2
    results.close()
    assert not any(p.is_alive() for p in workers)
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("graphbuild")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Serbia lifted the curfew in Montenegro.", ("serbia", "CONCEDE", "montenegro")),
    ("Japan halted economic aid to Serbia.", ("japan", "SANCTION", "serbia")),
    ("Russia threatened to stop negotiations if the United States deploys new missiles.",
     ("russia", "THREATEN", "united-states")),
    ("Finland will give Tanzania a grant of 580 million shillings.", ("finland", "AGREE", "tanzania")),
    ("Five Americans unlawfully detained in Iran have arrived home.", ("iran", "COERCE", "united-states")),
    ("Egypt's government declared a state of emergency in North Sinai.", ("egypt", "COERCE", "north-sinai")),
    ("Syria state media called the attacks an act of Israeli aggression.", ("syria", "ACCUSE", "israel")),
])
def test_event_coding_conventions(extractor, text: str, expected: tuple[str, str, str]) -> None:
    """PLOVER conventions: undoing a restriction concedes, halting aid sanctions, a
    conditional hostile act threatens, a promised act agrees, labelling accuses."""
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2019, Prime Minister Johnson withdrew Britain from the trade treaty with France.",
     [("boris-johnson", "SANCTION", "france"), ("united-kingdom", "SANCTION", "france")]),
    ("Trump pulled the United States out of the nuclear deal with Iran in 2018.",
     [("donald-trump", "SANCTION", "iran"), ("united-states", "SANCTION", "iran")]),
    ("The president withdrew Israel from the ceasefire agreement with Hamas.",
     [("israel", "SANCTION", "hamas")]),
    ("Qatar pulled out of the security pact with Saudi Arabia.", [("qatar", "SANCTION", "saudi-arabia")]),
])
def test_withdrawing_an_actor_from_an_agreement(extractor, text: str,
                                                expected: list[tuple[str, str, str]]) -> None:
    """'withdraw X from an agreement with Y': the withdrawer and X sanction Y; X is
    the thing moved, never the other party."""
    found = triples(extractor, text)
    for triple in expected:
        assert triple in found, found
    # (a leader's own state, "Prime Minister Johnson", is a tie, not the act's party)
    assert not any(o in ("united-kingdom", "united-states") for _s, r, o in found if r != "LEADS"), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia withdrew its troops from Syria.", ("russia", "RETREAT", "syria")),
    ("Turkey pulled its forces out of Iraq on Monday.", ("turkey", "RETREAT", "iraq")),
    ("Saudi Arabia withdrew its ambassador from Qatar.", ("saudi-arabia", "SANCTION", "qatar")),
    ("Russia completed its withdrawal from Syria.", ("russia", "RETREAT", "syria")),
    ("Trump implemented a maximum pressure strategy on Iran.", ("donald-trump", "SANCTION", "iran")),
    ("Arab League ministers demanded the withdrawal of Israeli forces from Lebanon.",
     ("arab-league", "REQUEST", "idf")),
    (("Chile has granted diplomatic asylum to five Bolivian army officers holed up in a diplomatic residence "
      "since last month's U.S. invasion, the Chilean embassy said on Tuesday."), ("chile", "AID", "bolivia")),
])
def test_moved_things_and_event_frames(extractor, text: str, expected: tuple[str, str, str]) -> None:
    """Withdrawn troops are a retreat from the place they leave, a withdrawn ambassador
    a sanction; an event noun modifying a strategy takes the strategy's verb and target."""
    assert expected in triples(extractor, text)


def test_a_protest_takes_its_party_from_its_purpose(extractor) -> None:
    one(extractor, "Algerian farmers began a hunger strike to demand the return of land seized by "
        "Algerian government forces.", "algerian-farmers", "PROTEST", "algeria")
    # the purpose of an event noun is its own agent's: "a rally to protest"
    one(extractor, "Thousands of Egyptians gathered for a rally to protest the Israeli occupation.",
        "egypt", "PROTEST", "israel")


def test_a_list_after_a_dash_spells_out_a_plural_noun(extractor) -> None:
    found = triples(extractor, "Blinken thanked U.S. partners who helped in the talks -- Oman, Qatar, "
                    "and Switzerland.")
    for country in ("oman", "qatar", "switzerland"):
        assert ("antony-blinken", "SUPPORT", country) in found, found


def test_forces_sent_into_a_country_mobilize(extractor) -> None:
    one(extractor, "Syria sent an armored division into Jordan.", "syria", "MOBILIZE", "jordan")
    one(extractor, "Syria sent food aid to Jordan.", "syria", "AID", "jordan")


def test_labelling_anothers_conduct_a_threat_accuses_its_author(extractor) -> None:
    one(extractor, "Jordan regards the Iranian presence in Syria as a threat to its security.",
        "jordan", "ACCUSE", "iran")


def test_of_which_member(extractor) -> None:
    one(extractor, "Hamas joined the Axis of Resistance, of which Hezbollah is the leading member.",
        "hezbollah", "MEMBER_OF", "axis-of-resistance")


def test_at_the_request_of(extractor) -> None:
    """'at the request of X': X asked the clause's subject to act."""
    found = triples(extractor, "Russia sent troops to Syria at the request of Bashar al-Assad.")
    assert ("bashar-al-assad", "REQUEST", "russia") in found, found


def test_a_light_verbs_event_noun_may_be_a_conjunct(extractor) -> None:
    one(extractor, "Turkish forces launched artillery and rocket fire against Kurdish militia positions "
        "in Syria.", "turkish-armed-forces", "ASSAULT", "syria")


def test_troops_arriving_are_deployed(extractor) -> None:
    """A force's arrival is its deployment: peacekeepers aid, other troops mobilize;
    'the deployment of NATO troops' as a subject is NATO."""
    one(extractor, "The first deployment of NATO peacekeeping troops arrived in Bosnia.",
        "nato", "AID", "bosnia-and-herzegovina")
    one(extractor, "Russian troops arrived in Belarus on Monday.", "russian-armed-forces", "MOBILIZE", "belarus")
    one(extractor, "The Iranian foreign minister arrived in Moscow.", "iran", "CONSULT", "russia")


def test_a_named_groups_pronoun(extractor) -> None:
    one(extractor, "Radical French farmers said they would blockade Paris.",
        "radical-french-farmers", "THREATEN", "france")


def test_a_passives_by_phrase_hung_elsewhere(extractor) -> None:
    """The parser may hang a relative clause's 'by' phrase on the main verb or a noun;
    an active verb takes no 'by' agent, so it goes back to the passive."""
    text = ("Saudi Arabia intervened at the request of Abdrabbuh Mansur Hadi, who had been ousted "
            "from the capital in September 2014 by Houthi insurgents.")
    found = triples(extractor, text)
    assert ("houthis", "ASSAULT", "abdrabbuh-mansur-hadi") in found, found
    assert ("abdrabbuh-mansur-hadi", "REQUEST", "saudi-arabia") in found, found
    assert not any(s == "houthis" and o == "saudi-arabia" for s, _r, o in found), found


def test_opening_bases_to_coalition_forces(extractor) -> None:
    """'coalition forces' are the coalition the story is about; opening airspace or
    bases to another's forces cooperates with it."""
    text = ("The Saudi-led coalition began air strikes in Yemen. "
            "Sudan and Egypt opened their airspace and ports to coalition forces.")
    found = triples(extractor, text)
    for country in ("sudan", "egypt"):
        assert (country, "COOPERATE", "saudi-led-coalition") in found, found
    assert not any(s == "sudan" and o == "egypt" for s, _r, o in found), found


def test_condemning_an_act_presupposes_it_but_is_not_it(extractor) -> None:
    found = triples(extractor, "Qatar condemned Israel's detention of Lebanese fishermen.")
    assert ("qatar", "ACCUSE", "israel") in found, found
    assert any(s == "israel" and r == "COERCE" for s, r, _o in found), found
    found = triples(extractor, "Iran condemned the attacks on Syria.")
    assert not any(s == "iran" and r == "ASSAULT" for s, r, _o in found), found


def test_a_thing_held_by_an_actor_is_that_actors(extractor) -> None:
    one(extractor, "Hezbollah fighters attacked a base used by the Lebanese army.", "hezbollah", "ASSAULT",
        "lebanese-armed-forces")


def test_forcing_out_expels(extractor) -> None:
    one(extractor, "Israel forced UNRWA out of the country.", "israel", "SANCTION", "unrwa")


def test_giving_in_to_demands_concedes(extractor) -> None:
    one(extractor, "The Kenyan government accepted demands from Somali rebels.",
        "kenya", "CONCEDE", "somali-rebels")


def test_a_definite_event_noun_stands_for_its_earlier_agent(extractor) -> None:
    """'the intervention' later in the story is whoever carried it out earlier; an
    event noun naming its own parties, or one never seen before, is not."""
    text = ("Turkey launched a military intervention in Syria in 2019. "
            "The intervention was condemned by France.")
    t = one(extractor, text, "france", "ACCUSE", "turkey")
    assert t.object_text == "The intervention"
    assert not any(s == "france" for s, _r, _o in triples(
        extractor, "The intervention was condemned by France."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Hezbollah took part in protests against the Israeli occupation.", ("hezbollah", "PROTEST", "israel")),
    ("Egypt condemned Israel's annexation of the Golan Heights.", ("egypt", "ACCUSE", "israel")),
    ("Jordan rejected the invasion by Iraq.", ("jordan", "REJECT", "iraq")),
])
def test_acts_against_conduct_target_its_author(extractor, text: str,
                                                expected: tuple[str, str, str]) -> None:
    """An act aimed at another's conduct ('the Israeli occupation', 'Israel's
    annexation') is aimed at its author; taking part in an event makes one its agent."""
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish jets bombed villages near Afrin.", ("turkey", "ASSAULT", "syria")),
    ("Hezbollah fired rockets at Haifa.", ("hezbollah", "ASSAULT", "israel")),
])
def test_acting_on_a_place_of_another_state_acts_on_that_state(extractor, text: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(("text", "subject", "relation", "place", "country"), [
    ("The Iraqi government imposed a curfew in Basra.", "iraq", "COERCE", "basra", "IRQ"),
    ("The Egyptian army launched an offensive in North Sinai.", "egyptian-armed-forces", "ASSAULT",
     "north-sinai", "EGY"),
    ("The Syrian army shelled the city of Douma.", "syrian-arab-army", "ASSAULT", "douma", "SYR"),
])
def test_a_domestic_act_on_a_place_has_the_place_as_its_party(extractor, text: str, subject: str,
                                                              relation: str, place: str, country: str) -> None:
    """A region or city of the actor's own state is the party itself: an uncurated place
    actor of that state, never the state (no self-loop) and never dropped."""
    t = one(extractor, text, subject, relation, place)
    assert (t.object.kind, t.object.country, t.object.curated) == ("OTHER", country, False)
    assert "place" in t.evidence
    assert all(s != o for s, _r, o in triples(extractor, text))


@pytest.mark.parametrize("text", [
    "Iranian students protested in Mashhad.",  # where they protested, not against whom
    "Iranian protests in Mashhad spread quickly.",  # no verb says who acts on the place
    "The Iraqi prime minister held talks in Basra.",
])
def test_a_place_at_home_that_only_says_where_is_no_party(extractor, text: str) -> None:
    assert not [t for t in extractor.extract(Article(id="t", text=text)) if "place:" in t.evidence]


def test_a_states_own_people_are_a_group_of_that_state(extractor) -> None:
    found = [t for t in extractor.extract(Article(id="t", text="Syria bombed its own civilians."))
             if t.subject.id == "syria" and t.relation == "ASSAULT"]
    assert [(t.object.kind, t.object.country, t.object.curated) for t in found] == [("OTHER", "SYR", False)]
    assert "own people" in found[0].evidence
    # another state's citizens still stand for their state (dev coding)
    assert ("iran", "COERCE", "united-states") in triples(extractor, "Iran arrested two American citizens.")


def test_people_named_by_their_standing_are_the_agents_own(extractor) -> None:
    """'arrested protesters' (with another state named nearby): the protesters are a
    group of the arresting state, the verb's own object before any actor near it."""
    # (the group's id follows the mention layer's naming; what matters is whose group it is)
    found = [t for t in extractor.extract(Article(id="t", text="Egyptian police arrested protesters outside "
                                                             "the US embassy."))
             if t.subject.id == "egypt" and t.relation == "COERCE" and t.object_text == "protesters"]
    assert found, triples(extractor, "Egyptian police arrested protesters outside the US embassy.")
    t = found[0]
    assert (t.object.country, t.object.kind) == ("EGY", "OTHER") and "own group" in t.evidence
    assert ("egypt", "COERCE", "united-states") not in triples(
        extractor, "Egyptian police arrested protesters outside the US embassy.")


def test_a_states_order_to_an_unplaced_name_is_domestic(extractor) -> None:
    """A government ordering, arresting, granting to an unplaced name in a sentence about
    that state alone acts at home; sanctioning or striking one is no sign of home."""
    t = one(extractor, "The Egyptian government ordered Alaa Abdel Fattah to leave.", "egypt", "COERCE",
            "alaa-abdel-fattah")
    assert t.object.country == "EGY" and "unplaced name at home" in t.evidence
    assert "order at home" in t.evidence  # a state's order to its own compels (PLOVER COERCE)
    # an order to another state's actor stays a demand
    assert ("united-states", "REQUEST", "iran") in triples(
        extractor, "The United States ordered Iran to release the ship.")
    found = [x for x in extractor.extract(Article(id="t", text="The United States sanctioned Alaa Abdel Fattah."))
             if x.object.id == "alaa-abdel-fattah"]
    assert found and found[0].object.country is None


def test_unplaced_armed_men_acted_on_stay_generic(extractor) -> None:
    """'US forces killed three militants': armed men a state's forces act on are as
    often foreign as local, so no group of the acting state is invented; placed ones
    ('near Jenin') take the place's state."""
    found = extractor.extract(Article(id="t", text="US forces killed three militants in a raid."))
    assert not [t for t in found if t.object.country == "USA"]
    assert ("israel", "ASSAULT", "palestine") in triples(
        extractor, "Israeli troops killed two gunmen near Jenin.")


def test_an_unknown_named_group_belongs_to_the_officials_state(extractor) -> None:
    """'the Wafd party' names a party (it is no description pointing back); with no state
    named, it takes the state of the officials the sentence names (domestic news)."""
    found = [t for t in extractor.extract(Article(id="t", text="President Mubarak banned the Wafd party."))
             if t.subject.id == "hosni-mubarak" and t.relation == "COERCE"]
    assert [(t.object.name, t.object.kind, t.object.country) for t in found] == [
        ("Wafd party", "POLITICAL_PARTY", "EGY")]


def test_an_inner_events_patient_is_not_the_outer_events_party(extractor) -> None:
    """An inquiry into a killing is no act on the people killed, and help an agent had
    ('with Syrian rebel support') is no party; an act against an event still reaches
    that event's author."""
    found = triples(extractor, "Iran's president ordered an inquiry into the shooting of protesters.")
    assert not any(o.endswith("protesters") for _s, _r, o in found), found
    found = triples(extractor, "Turkish forces took control of the town with Syrian rebel support.")
    assert not any(o == "syria" for _s, _r, o in found), found
    one(extractor, "Jordan rejected the invasion by Iraq.", "jordan", "REJECT", "iraq")
    one(extractor, "Jordan condemned the bombing of the embassy by Iraq.", "jordan", "ACCUSE", "iraq")


def test_leaving_office_retreats_toward_the_leavers_state(extractor) -> None:
    t = one(extractor, "Ehud Olmert resigned after months of corruption inquiries.",
            "ehud-olmert", "RETREAT", "israel")
    assert "office" in t.evidence
    # an official named by the state gives up an office of its government, never a self-loop
    found = extractor.extract(Article(id="t", text="Lebanon's prime minister stepped down on Sunday."))
    assert [(x.subject.id, x.relation, x.object.kind, x.object.country) for x in found] == [
        ("lebanon", "RETREAT", "GOVERNMENT", "LBN")]
    # no known state: nothing; a named party is kept
    assert triples(extractor, "The spokesman resigned on Friday.") == []
    one(extractor, "Mohammad Javad Zarif resigned from the Arab League.", "mohammad-javad-zarif", "RETREAT",
        "arab-league")
    assert ("mohammad-javad-zarif", "RETREAT", "iran") not in triples(
        extractor, "Mohammad Javad Zarif resigned from the Arab League.")


@pytest.mark.parametrize(("text", "relation"), [
    ("Hamas and Fatah violated the truce.", "ASSAULT"),
    ("Both the Israeli army and Hezbollah broke the ceasefire agreement.", "ASSAULT"),
    ("Turkey and the PKK agreed to halt operations.", "AGREE"),
])
def test_conjoined_parties_of_a_joint_thing_act_toward_each_other(extractor, text: str,
                                                                   relation: str) -> None:
    found = {(s, o) for s, r, o in triples(extractor, text) if r == relation}
    assert len(found) == 2 and all((o, s) in found for s, o in found), triples(extractor, text)


def test_one_party_breaking_a_truce_names_no_target(extractor) -> None:
    assert triples(extractor, "Hamas violated the truce.") == []


def test_refusing_to_let_an_actor_act_rejects_that_actor(extractor) -> None:
    one(extractor, "Iran declined to permit IAEA inspectors to visit the site.", "iran", "REJECT", "iaea")
    found = triples(extractor, "Greece demanded that France refuse to recognize Macedonia.")
    assert ("greece", "REQUEST", "france") in found, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Albania denounced as an ugly crime Serbia's suppression of the protests.", ("albania", "ACCUSE", "serbia")),
    ("Jordan rejected as unacceptable Israel's annexation of the West Bank.", ("jordan", "REJECT", "israel")),
])
def test_an_object_shifted_after_an_as_label(extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_in_protest_or_defiance_of_an_actor_or_its_act(extractor) -> None:
    one(extractor, "Iraqi workers went on strike in protest of the Iranian occupation.",
        "iraqi-workers", "PROTEST", "iran")
    one(extractor, "Hezbollah fighters crossed the border in defiance of the United Nations.",
        "hezbollah", "REJECT", "united-nations")


def test_a_party_moved_out_of_a_place_retreats_from_its_state(extractor) -> None:
    t = one(extractor, "Eighty UN peacekeepers were shipped out of the Syrian town of Qusayr.",
            "united-nations", "RETREAT", "syria")
    assert "moved" in t.evidence
    # moved toward a place is no retreat
    assert not any(r == "RETREAT" for _s, r, _o in triples(
        extractor, "Eighty UN peacekeepers were shipped to the Syrian town of Qusayr."))


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("The United States imposed sanctions on Mahmoud Ahmadinejad for having provided support to Hezbollah.",
     ("mahmoud-ahmadinejad", "SUPPORT", "hezbollah"), ("united-states", "SUPPORT", "hezbollah")),
    ("Egypt arrested Hamas members for smuggling weapons to Hezbollah.",
     ("hamas", "AID", "hezbollah"), ("egypt", "AID", "hezbollah")),
    ("Jordan was punished for supporting Iraq.", ("jordan", "SUPPORT", "iraq"), None),
])
def test_the_one_blamed_for_an_act_did_it(extractor, text: str, expected: tuple[str, str, str],
                                          wrong: tuple[str, str, str] | None) -> None:
    found = triples(extractor, text)
    assert expected in found and wrong not in found, found


def test_involvement_in_an_act_is_doing_it(extractor) -> None:
    one(extractor, "Hezbollah was designated for its involvement in the detention of US citizens.",
        "hezbollah", "COERCE", "united-states")
    assert not any(r == "COERCE" for _s, r, _o in triples(
        extractor, "Hezbollah was designated after the detention of US citizens."))


def test_an_attempts_purpose_is_its_makers_act(extractor) -> None:
    one(extractor, "Jordan worked with Israel in an attempt to curb Iranian involvement in Syria.",
        "jordan", "COERCE", "iran")


def test_complaining_that_an_actor_acts_accuses_it(extractor) -> None:
    one(extractor, "Syria charged that Turkey was arming the rebels.", "syria", "ACCUSE", "turkey")
    one(extractor, "Iran complained that Israel was violating its airspace.", "iran", "ACCUSE", "israel")
    # saying is no complaint (saying that someone broke an agreement or law is: see below)
    assert ("iran", "ACCUSE", "israel") not in triples(extractor, "Iran said that Israel was flying drones over Tehran.")


@pytest.mark.parametrize("text,speaker,violator", [
    ("Hamas said Israel had violated the ceasefire.", "hamas", "israel"),
    ("Hamas rejected the accusation, saying Israel had violated the terms of the deal.", "hamas", "israel"),
    ("Iran said the US had breached the nuclear deal.", "iran", "united-states"),
])
def test_saying_that_another_broke_an_agreement_accuses_it(extractor, text: str, speaker: str, violator: str) -> None:
    one(extractor, text, speaker, "ACCUSE", violator)


def test_breaching_a_deal_is_no_agreement(extractor) -> None:
    found = triples(extractor, "Iran breached the nuclear deal with the United States.")
    assert ("iran", "SANCTION", "united-states") in found and ("iran", "AGREE", "united-states") not in found, found


def test_a_thing_made_by_an_actor_stands_for_it(extractor) -> None:
    one(extractor, "Egyptian students stopped work over a decree issued by the Israeli army.",
        "egyptian-students", "PROTEST", "idf")


def test_a_body_against_an_actor_is_hostile_to_it(extractor) -> None:
    one(extractor, "In 1990, Hezbollah arose as a resistance movement against the Israeli occupation.",
        "hezbollah", "HOSTILE_TO", "israel")
    one(extractor, "The PKK is a group against Turkey.", "pkk", "HOSTILE_TO", "turkey")
    assert not any(r == "HOSTILE_TO" for _s, r, _o in triples(
        extractor, "The PKK is a group based in Turkey."))


def test_splitting_from_is_one_sided(extractor) -> None:
    found = triples(extractor, "Hamas split from the Muslim Brotherhood in 2017.")
    assert ("hamas", "REJECT", "muslim-brotherhood") in found
    assert ("muslim-brotherhood", "REJECT", "hamas") not in found


def test_countering_an_actors_activities_coerces_it(extractor) -> None:
    one(extractor, "The United States is countering Iran's destabilizing activities.", "united-states",
        "COERCE", "iran")


def test_a_purpose_clause_is_not_hedged_by_its_verb(extractor) -> None:
    """'open' hedges what it governs ('is open to talks'), not the purpose of an act."""
    assert not one(extractor, "Uzbekistan opened the bridge to allow the delivery of grain to Afghanistan.",
                   "uzbekistan", "CONCEDE", "afghanistan").hedged
    assert one(extractor, "Iran is open to negotiating with the United States.",
               "iran", "CONSULT", "united-states").hedged


def test_a_joint_event_brought_about_between_a_pair_is_the_pairs(extractor) -> None:
    found = triples(extractor, "Egypt brokered a ceasefire between Israel and Hamas.")
    assert ("israel", "RETREAT", "hamas") in found and ("hamas", "RETREAT", "israel") in found, found
    assert not any(s == "egypt" for s, _r, _o in found), found


def test_resigning_in_protest_keeps_the_office_and_the_protest_apart(extractor) -> None:
    found = triples(extractor, "Saad Hariri resigned in protest against Hezbollah's grip on the government.")
    assert ("saad-hariri", "RETREAT", "lebanon") in found and ("saad-hariri", "PROTEST", "hezbollah") in found
    assert ("saad-hariri", "RETREAT", "hezbollah") not in found


def test_their_role_in_an_act_is_the_punished_ones(extractor) -> None:
    one(extractor, "The United States sanctioned three Hezbollah commanders for their role in attacks on Israel.",
        "hezbollah", "ASSAULT", "israel")


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump ordered airstrikes on Syria.", ("donald-trump", "ASSAULT", "syria")),
    ("Iran ordered the expulsion of British diplomats.", ("iran", "SANCTION", "united-kingdom")),
    ("Russia ordered the withdrawal of its troops from Syria.", ("russia", "RETREAT", "syria")),
])
def test_an_ordered_act_without_its_own_agent_is_the_orderers(extractor, text: str,
                                                             expected: tuple[str, str, str]) -> None:
    found = triples(extractor, text)
    assert expected in found and not any(r == "REQUEST" for _s, r, _o in found), found


def test_a_demanded_act_stays_a_request(extractor) -> None:
    one(extractor, "The UN demanded the withdrawal of Israeli forces.", "united-nations", "REQUEST", "idf")


def test_a_thing_supplied_names_its_recipient(extractor) -> None:
    one(extractor, "Russia is the chief supplier of arms and weaponry to Iran.", "russia", "AID", "iran")


def test_who_asked_for_an_act_is_not_its_target(extractor) -> None:
    found = triples(extractor, "Saudi Arabia staged a military intervention in Yemen at the request of "
                    "Abdrabbuh Mansur Hadi.")
    assert ("saudi-arabia", "ASSAULT", "yemen") in found, found
    assert ("saudi-arabia", "ASSAULT", "abdrabbuh-mansur-hadi") not in found, found
    assert ("abdrabbuh-mansur-hadi", "REQUEST", "saudi-arabia") in found, found


def test_without_doing_negates(extractor) -> None:
    assert one(extractor, "Iran signed the deal without consulting Russia.", "iran", "CONSULT", "russia").negated


def test_an_inquiry_into_a_death_is_no_act_on_the_dead(extractor) -> None:
    assert triples(extractor, "Israel carried out an investigation into the deaths of two Palestinian "
                   "journalists.") == []
    # but an act's own outcome names its victim
    one(extractor, "Israel launched a drone strike that resulted in the death of Qasem Soleimani.",
        "israel", "ASSAULT", "qasem-soleimani")


def test_opening_an_inquiry_is_not_hedged_but_being_open_to_talks_is(extractor) -> None:
    assert not one(extractor, "The UN opened an investigation into Israel.", "united-nations", "ACCUSE",
                   "israel").hedged
    assert one(extractor, "Iran is open to talks with the United States.", "iran", "CONSULT",
               "united-states").hedged


def test_launching_drones_at_a_target_assaults_it(extractor) -> None:
    one(extractor, "The Houthis launched drones at Saudi oil facilities.", "houthis", "ASSAULT", "saudi-arabia")


@pytest.mark.parametrize(("text", "expected"), [
    ("Erdogan vowed to continue military operations against the PKK.", ("recep-tayyip-erdogan", "THREATEN", "pkk")),
    ("Hezbollah vowed to retaliate against Israel.", ("hezbollah", "THREATEN", "israel")),
    ("Iran pledged to support Syria.", ("iran", "AGREE", "syria")),
])
def test_a_vow_to_fight_threatens(extractor, text: str, expected: tuple[str, str, str]) -> None:
    found = triples(extractor, text)
    assert expected in found and (expected[2], expected[1], expected[0]) not in found, found


def test_hosted_talks_between_a_pair(extractor) -> None:
    found = triples(extractor, "Egypt hosted talks between Fatah and Hamas in Cairo.")
    for triple in [("fatah", "CONSULT", "hamas"), ("hamas", "CONSULT", "fatah"), ("egypt", "CONSULT", "fatah"),
                   ("egypt", "CONSULT", "hamas")]:
        assert triple in found, found
    assert not any(o == "egypt" for _s, _r, o in found), found


def test_in_retaliation_for_an_act_aims_at_its_author(extractor) -> None:
    found = triples(extractor, "The Houthis fired missiles at Israel in retaliation for the strikes on Hodeidah.")
    assert ("houthis", "ASSAULT", "israel") in found and not any(o == "hodeidah" for _s, _r, o in found), found
    one(extractor, "Hezbollah fired rockets in retaliation for Israel's killing of its commander.",
        "hezbollah", "ASSAULT", "israel")


def test_a_verbless_line_ends(extractor) -> None:
    """A headline with an idiom and no verb to climb to must not hang the extractor."""
    assert triples(extractor, "Military intervention at the request of Hadi.") is not None
    assert triples(extractor, "Strikes in protest of Israeli raids.") is not None


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("The Lebanese army deployed troops along the border with Israel.",
     ("lebanese-armed-forces", "MOBILIZE", "israel"), ("lebanese-armed-forces", "AID", "israel")),
    ("Italy deployed peacekeeping troops to Lebanon.", ("italy", "AID", "lebanon"), ("italy", "MOBILIZE", "lebanon")),
])
def test_deployed_troops_mobilize_and_peacekeepers_aid(extractor, text: str, expected: tuple[str, str, str],
                                                      wrong: tuple[str, str, str]) -> None:
    found = triples(extractor, text)
    assert expected in found and wrong not in found, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Israeli airstrikes killed dozens of Hamas fighters.", ("israel", "ASSAULT", "hamas")),
    ("Three Israeli soldiers were killed by Hezbollah fire on Tuesday.", ("hezbollah", "ASSAULT", "israel")),
    ("The attack on the Saudi Aramco facilities was claimed by the Houthis.", ("houthis", "ASSAULT", "saudi-arabia")),
    ("Saudi Arabia and Israel are in talks on normalization.", ("saudi-arabia", "CONSULT", "israel")),
    ("Egypt's Sisi received a phone call from Netanyahu.",
     ("benjamin-netanyahu", "CONSULT", "abdel-fattah-el-sisi")),
])
def test_event_nouns_standing_for_their_agents(extractor, text: str, expected: tuple[str, str, str]) -> None:
    """A demonym or agent phrase on an event noun names who acts; being in talks takes part
    in them; a call received comes from its maker to the receiver."""
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("US forces came under rocket attack from Hezbollah.", ("hezbollah", "ASSAULT", "us-military")),
    ("Syrian shelling killed five Turkish soldiers.", ("syria", "ASSAULT", "turkey")),
    ("Iran and Saudi Arabia have been locked in a proxy war for years.", ("saudi-arabia", "ASSAULT", "iran")),
])
def test_suffering_and_taking_part_in_events(extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_a_unit_acted_on_is_no_event_of_its_own(extractor) -> None:
    found = triples(extractor, "Hamas fighters ambushed an Israeli patrol near Khan Younis.")
    assert found == [("hamas", "ASSAULT", "israel")], found


def test_any_attack_is_hypothetical(extractor) -> None:
    assert one(extractor, "Hezbollah warned that any Israeli attack on Lebanon would be met with force.",
               "israel", "ASSAULT", "lebanon").hedged
    assert not one(extractor, "Israel's attack on Lebanon killed ten.", "israel", "ASSAULT", "lebanon").hedged


@pytest.mark.parametrize(("text", "expected"), [
    ("Kataib Hezbollah is an Iraqi militia backed by Iran.", ("iran", "SUPPORT", "kataib-hezbollah")),
    ("Egypt, a key US ally, receives billions in military aid.", ("egypt", "ALLY_OF", "united-states")),
])
def test_descriptions_stand_for_the_described(extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("Iran warned Israel against attacking Lebanon.", ("israel", "ASSAULT", "lebanon"), ("iran", "ASSAULT", "lebanon")),
    ("Egypt prevented Hamas from sending weapons to Hezbollah.", ("hamas", "AID", "hezbollah"),
     ("egypt", "AID", "hezbollah")),
])
def test_kept_from_an_act_is_its_agent_and_it_is_not_done(extractor, text: str, expected: tuple[str, str, str],
                                                         wrong: tuple[str, str, str]) -> None:
    found = extractor.extract(Article(id="t", text=text))
    hits = [t for t in found if (t.subject.id, t.relation, t.object.id) == expected]
    assert hits and hits[0].negated, [(t.subject.id, t.relation, t.object.id) for t in found]
    assert wrong not in [(t.subject.id, t.relation, t.object.id) for t in found]


def test_talks_at_home_are_not_with_home(extractor) -> None:
    assert not any(o == "iraq" for _s, _r, o in triples(extractor, "Iraqi officials held talks in Iraq."))


def test_calling_for_an_end_to_an_act_asks_its_author(extractor) -> None:
    found = triples(extractor, "Jordan has repeatedly called for an end to the Israeli occupation of the West Bank.")
    assert ("jordan", "REQUEST", "israel") in found and ("jordan", "ACCUSE", "israel") not in found, found


def test_an_act_one_is_sanctioned_or_blamed_for_is_theirs(extractor) -> None:
    found = triples(extractor, "The United States sanctioned Hezbollah for attacks on Israel.")
    assert ("hezbollah", "ASSAULT", "israel") in found and ("united-states", "ASSAULT", "israel") not in found, found
    assert one(extractor, "Iran blamed Israel for the attack on its embassy in Damascus.",
               "israel", "ASSAULT", "iran").hedged


def test_an_as_phrase_describes_the_object_of_a_naming_verb_only(extractor) -> None:
    one(extractor, "Many analysts regard the Houthis as an Iranian proxy.", "houthis", "AFFILIATED_WITH", "iran")
    found = triples(extractor, "Mahmoud Abbas succeeded Arafat as President of the Palestinian National Authority.")
    assert ("mahmoud-abbas", "LEADS", "palestinian-authority") in found, found
    assert ("yasser-arafat", "LEADS", "palestinian-authority") not in found, found


def test_worsening_relations_are_no_cooperation(extractor) -> None:
    assert triples(extractor, "Relations between Iran and the United States deteriorated sharply.") == []


def test_financial_support_is_aid(extractor) -> None:
    one(extractor, "Qatar has provided financial support to Hamas.", "qatar", "AID", "hamas")


def test_a_capital_after_in_says_where_unless_the_act_is_done_to_it(extractor) -> None:
    assert not any(o == "china" for _s, _r, o in triples(extractor, "Iran held talks in Beijing."))
    one(extractor, "Iran's foreign minister arrived in Baghdad.", "iran", "CONSULT", "iraq")  # a visit
    one(extractor, "Israeli jets bombed targets in Damascus.", "israel", "ASSAULT", "syria")


def test_a_ruling_body_leads_the_state(extractor) -> None:
    one(extractor, "Hezbollah is the ruling party in Lebanon.", "hezbollah", "LEADS", "lebanon")


def test_accused_of_an_act_is_alleged_and_the_accuser_may_come_late(extractor) -> None:
    found = extractor.extract(Article(id="t", text="Iran has been accused of supplying weapons to the Houthis "
                                                   "by Saudi Arabia."))
    pairs = {(t.subject.id, t.relation, t.object.id): t for t in found}
    assert ("saudi-arabia", "ACCUSE", "iran") in pairs, list(pairs)
    assert pairs[("iran", "AID", "houthis")].hedged


def test_joint_acts_negated_ties_and_mediators(extractor) -> None:
    found = triples(extractor, "Israel and the United States conducted joint military exercises.")
    assert ("israel", "COOPERATE", "united-states") in found and ("united-states", "COOPERATE", "israel") in found
    assert one(extractor, "Turkey is not a member of the Arab League.", "turkey", "MEMBER_OF", "arab-league").negated
    found = triples(extractor, "Kuwait and Oman mediated the dispute between Saudi Arabia and Qatar.")
    assert ("kuwait", "CONSULT", "oman") not in found and ("kuwait", "CONSULT", "saudi-arabia") in found, found


def test_fighting_alongside_is_cooperation_not_a_fight(extractor) -> None:
    found = triples(extractor, "Hezbollah has been fighting alongside Syrian government forces.")
    assert ("hezbollah", "COOPERATE", "syrian-arab-army") in found, found
    assert not any(r == "ASSAULT" for _s, r, _o in found), found



@pytest.mark.parametrize(("text", "expected"), [
    ("The militia said it was suspending attacks on Israel. Hezbollah is that militia.", None),
    ("Hezbollah announced it was suspending attacks on Israel.", ("hezbollah", "RETREAT", "israel")),
    ("Hamas halted its rocket attacks on Israel.", ("hamas", "RETREAT", "israel")),
    ("Israel called off its offensive against Hamas.", ("israel", "RETREAT", "hamas")),
    ("The Houthis stopped attacking Saudi Arabia.", ("houthis", "RETREAT", "saudi-arabia")),
])
def test_winding_down_an_attack_is_no_attack(extractor, text: str, expected) -> None:
    found = triples(extractor, text)
    assert not any(r == "ASSAULT" for _s, r, _o in found), found
    if expected is not None:
        assert expected in found, found


def test_an_attack_not_wound_down_stays_an_attack(extractor) -> None:
    one(extractor, "Hezbollah continued its attacks on Israel.", "hezbollah", "ASSAULT", "israel")
    one(extractor, "Hezbollah kept attacking Israel.", "hezbollah", "ASSAULT", "israel")


def test_the_one_asking_for_an_end_to_attacks_is_not_their_author(extractor) -> None:
    found = triples(extractor, "Jordan asked the Arab League to press Israel to halt its strikes.")
    assert ("jordan", "REQUEST", "arab-league") in found, found
    assert not any(r == "ASSAULT" or (s, o) == ("israel", "jordan") for s, r, o in found), found


def test_blame_for_an_act_falls_on_its_author_never_its_victim(extractor) -> None:
    assert not any(o == "lebanon" for _s, _r, o in triples(extractor, "Egypt condemned attacks on Lebanon."))
    found = triples(extractor, "Egypt condemned the Israeli strikes on Lebanon.")
    assert ("egypt", "ACCUSE", "israel") in found and ("israel", "ASSAULT", "lebanon") in found, found


def test_a_definite_event_noun_blames_the_earlier_event_s_agents(extractor) -> None:
    text = "Morocco and Sudan signed normalisation accords with Israel. Hamas denounced the accords as treason."
    found = triples(extractor, text)
    assert ("hamas", "ACCUSE", "morocco") in found and ("hamas", "ACCUSE", "sudan") in found, found
    assert not any(s == "hamas" and r == "AGREE" for s, r, _o in found), found
    found = triples(extractor, "Turkey attacked Kurdish villages in Iraq. Iran condemned the attacks.")
    assert ("iran", "ACCUSE", "turkey") in found, found


def test_responding_with_an_attack_is_the_responders_attack(extractor) -> None:
    found = triples(extractor, "Israel and the United States responded with airstrikes on Hezbollah positions.")
    assert ("israel", "ASSAULT", "hezbollah") in found and ("united-states", "ASSAULT", "hezbollah") in found, found
    assert triples(extractor, "Hamas responded with a statement.") == []


def test_the_recipient_before_the_thing_given(extractor) -> None:
    one(extractor, "Turkey granted Hamas asylum.", "turkey", "AID", "hamas")
    found = triples(extractor, "Oman granted Hamas and its leaders asylum.")
    assert ("oman", "AID", "hamas") in found and ("hamas", "AID", "oman") not in found, found
    # who finds or receives help is its recipient, not its giver
    found = triples(extractor, "Hamas officials found asylum in Turkey.")
    assert ("turkey", "AID", "hamas") in found and ("hamas", "AID", "turkey") not in found, found


def test_a_campaign_kept_up_until_someone_is_beaten_is_aimed_at_them(extractor) -> None:
    one(extractor, "Erdogan vowed to continue the operation until the PKK is eliminated.",
        "recep-tayyip-erdogan", "THREATEN", "pkk")
    found = triples(extractor, "Turkey shelled Afrin until the PKK agreed to a truce.")
    assert not any((s, r, o) == ("turkey", "ASSAULT", "pkk") for s, r, o in found), found


def test_a_groups_acts_inside_its_own_country_are_not_acts_on_that_state(extractor) -> None:
    found = triples(extractor, "Hezbollah carried out operations inside Lebanon.")
    assert ("hezbollah", "ASSAULT", "lebanon") not in found, found
    one(extractor, "Hezbollah carried out operations inside Israel.", "hezbollah", "ASSAULT", "israel")


def test_a_go_between_acts_on_both_sides_of_the_pair(extractor) -> None:
    found = triples(extractor, "Kuwait's mediation between Saudi Arabia and Qatar continued.")
    assert ("kuwait", "CONSULT", "saudi-arabia") in found and ("kuwait", "CONSULT", "qatar") in found, found
    found = triples(extractor, "Switzerland served as an intermediary between Iran and the United States.")
    assert ("switzerland", "CONSULT", "iran") in found and ("switzerland", "CONSULT", "united-states") in found, found
    assert ("iran", "CONSULT", "switzerland") not in found, found


def test_calling_on_someone_to_stop_an_attack_asks_and_blames_no_one(extractor) -> None:
    found = triples(extractor, "The Syrian government called on Turkey to stop its strikes on Syrian territory.")
    assert ("syria", "REQUEST", "turkey") in found, found
    assert not any(r in ("ACCUSE", "ASSAULT") for _s, r, _o in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Houthis announced a suspension of their attacks on Saudi Arabia.", ("houthis", "RETREAT", "saudi-arabia")),
    ("Hezbollah declared a halt to rocket attacks on Israel.", ("hezbollah", "RETREAT", "israel")),
])
def test_a_suspension_of_attacks_is_no_attack(extractor, text: str, expected) -> None:
    found = triples(extractor, text)
    assert expected in found and not any(r == "ASSAULT" for _s, r, _o in found), found


def test_a_suspension_of_aid_still_sanctions(extractor) -> None:
    one(extractor, "Washington announced a suspension of aid to Egypt.", "united-states", "SANCTION", "egypt")


def test_conjoined_demonyms_each_name_an_agent(extractor) -> None:
    found = triples(extractor, "Omani and Swiss mediators met Iranian officials in Muscat.")
    assert ("oman", "CONSULT", "iran") in found and ("switzerland", "CONSULT", "iran") in found, found
    found = triples(extractor, "Turkish and Russian airstrikes killed dozens of Syrian rebels.")
    assert any(s == "turkey" and r == "ASSAULT" for s, r, _o in found), found
    assert any(s == "russia" and r == "ASSAULT" for s, r, _o in found), found


def test_a_vowed_war_is_aimed_at_the_one_its_condition_names(extractor) -> None:
    one(extractor, "Netanyahu vowed to resume the fighting if Hamas does not disarm.",
        "benjamin-netanyahu", "THREATEN", "hamas")


def test_condemnation_drawn_from_someone_is_theirs(extractor) -> None:
    found = triples(extractor, "Turkish troops entered northern Iraq, drawing condemnation from Baghdad.")
    assert ("iraq", "ACCUSE", "turkish-military") in found or ("iraq", "ACCUSE", "turkey") in found, found
    assert not any(r == "ACCUSE" and o == "iraq" for _s, r, o in found), found


def test_a_promise_to_help_do_something_is_made_to_its_party(extractor) -> None:
    one(extractor, "Kuwait pledged to help rebuild Iraq.", "kuwait", "AGREE", "iraq")


def test_exchanged_fire_runs_both_ways_and_listed_places_count(extractor) -> None:
    found = triples(extractor, "Turkey and Syria exchanged artillery fire on Monday.")
    assert ("turkey", "ASSAULT", "syria") in found and ("syria", "ASSAULT", "turkey") in found, found
    found = triples(extractor, "Hezbollah fired rockets at Metula and Haifa.")
    assert ("hezbollah", "ASSAULT", "israel") in found, found


def test_refusing_help_rejects_and_stopping_it_sanctions(extractor) -> None:
    one(extractor, "Lebanon denied Assad asylum.", "lebanon", "REJECT", "bashar-al-assad")
    one(extractor, "Kuwait denied asylum to Hamas leaders.", "kuwait", "REJECT", "hamas")
    one(extractor, "Kuwait suspended aid to Jordan.", "kuwait", "SANCTION", "jordan")


def test_denying_a_part_in_an_act_negates_it_and_rejects_no_victim(extractor) -> None:
    found = extractor.extract(Article(id="t", text="Syria denied any involvement in the bombing of the Turkish "
                                                   "embassy."))
    assert not any(t.relation == "REJECT" for t in found), [(t.subject.id, t.relation, t.object.id) for t in found]
    assert all(t.negated for t in found if t.relation == "ASSAULT")
    assert one(extractor, "Hezbollah denied responsibility for the attack on Israel.",
               "hezbollah", "ASSAULT", "israel").negated
    assert not one(extractor, "Hezbollah claimed responsibility for the attack on Israel.",
                   "hezbollah", "ASSAULT", "israel").negated


def test_a_pairs_agreement_told_before_is_both_sides(extractor) -> None:
    found = triples(extractor, "Egypt and Sudan signed a defence agreement. Ethiopia rejected the agreement.")
    assert ("ethiopia", "REJECT", "egypt") in found and ("ethiopia", "REJECT", "sudan") in found, found

# Regression floors on the dev gold (../shared/eval), one place: raise them as the
# extractor improves; a change that drops below them is a regression.
FLOORS = {
    "seed": {"strict_recall": 0.94, "strict_precision": 0.95},
    "dev": {"strict_recall": 0.76, "strict_precision": 0.97},
    "plover": {"strict_recall": 0.72, "unlabeled_recall": 0.78, "relation_accuracy": 0.91},
}
MAX_OVERGENERATION = 1.5


def test_quality_floors(extractor, shared_eval) -> None:
    from graphbuild.eval import evaluate

    seed = evaluate(shared_eval / "seed_gold.jsonl", extractor=extractor,
                    actors=shared_eval / "seed_actors.json")
    dev = evaluate(shared_eval / "dev_gold.jsonl", extractor=extractor,
                   actors=shared_eval / "dev_actors.json", text=shared_eval / "dev_articles.jsonl")
    plover = evaluate(shared_eval / "plover_gsr_dev.json", extractor=extractor)
    for name, report in (("seed", seed), ("dev", dev), ("plover", plover)):
        for metric, floor in FLOORS[name].items():
            assert report.metrics[metric] >= floor, (name, metric, report.metrics[metric])
    assert plover.metrics["overgeneration"] <= MAX_OVERGENERATION


def test_ties_are_relations_restored_or_cut(extractor) -> None:
    assert ("bahrain", "CONSULT", "qatar") in triples(extractor, "Bahrain restored ties with Qatar in 2021.")
    assert ("saudi-arabia", "SANCTION", "iran") in triples(extractor, "Saudi Arabia severed ties with Iran.")
    # other ties are no contact between actors
    assert triples(extractor, "The group has ties to al-Qaeda.") == []


def test_a_counted_weapon_or_strike_is_the_event(extractor) -> None:
    found = triples(extractor, "Hezbollah launched dozens of rockets at northern Israel.")
    assert ("hezbollah", "ASSAULT", "israel") in found, found
    found = triples(extractor, "Israel launched hundreds of strikes on Syria.")
    assert ("israel", "ASSAULT", "syria") in found, found


def test_a_backer_described_backs_the_possessor(extractor) -> None:
    for text in ("Iran, Hezbollah's main backer, criticised the plan.",
                 "Iran, the main backer of Hezbollah, criticised the plan.",
                 "Hezbollah's Iranian backers sent money."):
        found = triples(extractor, text)
        assert ("iran", "AID", "hezbollah") in found, (text, found)
        assert not any(s == "hezbollah" for s, _r, _o in found), (text, found)


def test_a_body_that_lists_actors_has_them_as_members(extractor) -> None:
    found = triples(extractor, "The Gulf Cooperation Council, which includes Saudi Arabia and Qatar, backed the plan.")
    assert ("saudi-arabia", "MEMBER_OF", "gcc") in found and ("qatar", "MEMBER_OF", "gcc") in found, found
    found = triples(extractor, "The Arab League consists of 22 member states, including Egypt.")
    assert ("egypt", "MEMBER_OF", "arab-league") in found, found
    # a delegation or an agreement is no body with members
    assert triples(extractor, "The agreement includes Israel and Lebanon.") == []


def test_speaking_with_a_leader_is_contact_speaking_to_a_channel_is_not(extractor) -> None:
    found = triples(extractor, "Iranian President Masoud Pezeshkian spoke by phone with "
                               "Saudi Crown Prince Mohammed bin Salman.")
    assert ("masoud-pezeshkian", "CONSULT", "mohammed-bin-salman") in found, found
    assert triples(extractor, "Netanyahu spoke to CNN on Sunday.") == []


def test_a_counterpart_is_the_other_side_not_the_possessor(extractor) -> None:
    found = triples(extractor, "Macron held a phone call with Netanyahu. "
                               "The Saudi foreign minister phoned his Iranian counterpart.")
    assert ("saudi-arabia", "CONSULT", "iran") in found, found
    assert not any(o == "emmanuel-macron" and s == "saudi-arabia" for s, _r, o in found), found


def test_an_arrest_warrant_charges_the_one_it_names(extractor) -> None:
    found = triples(extractor, "The ICC issued arrest warrants against Netanyahu and Gallant.")
    assert ("icc", "ACCUSE", "benjamin-netanyahu") in found and ("icc", "ACCUSE", "yoav-gallant") in found, found


def test_an_act_asked_for_is_not_done_and_its_own_arms_are_no_party(extractor) -> None:
    found = triples(extractor, "Hamas rejected Israel's demand that it lay down its weapons.")
    assert ("hamas", "REJECT", "israel") in found, found
    assert ("hamas", "RETREAT", "israel") not in found, found
    assert triples(extractor, "The PKK laid down its arms.") == []


def test_a_people_leading_a_force_is_no_actor(extractor) -> None:
    found = triples(extractor, "The Syrian government signed an agreement with the SDF to integrate "
                               "the Kurdish-led force into the national army.")
    assert ("syria", "AGREE", "sdf") in found, found
    assert all(o in ("sdf", "syria") for _s, _r, o in found), found


def test_the_author_of_a_blamed_attack_is_alleged(extractor) -> None:
    found = triples(extractor, "A drone attack blamed on Iran-backed militias hit a U.S. base in Jordan.")
    assert ("iran-backed-militias", "ASSAULT", "united-states") in found, found
    statement = one(extractor, "A drone attack blamed on Iran-backed militias hit a U.S. base in Jordan.",
                    "iran-backed-militias", "ASSAULT", "united-states")
    assert statement.hedged, statement


def test_a_by_phrase_or_reason_the_parser_hangs_low_is_the_passive_s(extractor) -> None:
    found = triples(extractor, "The Houthis have been designated a foreign terrorist organization "
                               "by the United States.")
    assert ("united-states", "SANCTION", "houthis") in found, found
    found = triples(extractor, "Tehran has been accused by Western governments of supplying drones to Moscow.")
    assert ("iran", "AID", "russia") in found, found


def test_a_round_of_talks_is_talks(extractor) -> None:
    found = triples(extractor, "Iran and the United States held a fifth round of nuclear talks in Rome on Friday.")
    assert ("iran", "CONSULT", "united-states") in found and ("united-states", "CONSULT", "iran") in found, found


def test_an_attempt_warned_against_or_rejected_is_another_s_and_a_plan_is_not_done(extractor) -> None:
    # (only the king's own tie: he leads Jordan)
    assert triples(extractor, "Jordan's King Abdullah warned against any attempt to displace Palestinians "
                              "from the West Bank.") == [("abdullah-ii", "LEADS", "jordan")]
    assert not any(s == "egypt" and r == "COERCE" for s, r, _o in
                   triples(extractor, "Egypt rejected any attempt to displace Palestinians."))
    planned = one(extractor, "Egypt condemned Israeli plans to displace Palestinians.", "israel", "COERCE", "palestine")
    assert planned.hedged, planned


def test_a_common_foe_is_not_the_partner(extractor) -> None:
    found = triples(extractor, "Turkey and Iraq agreed to cooperate against the PKK.")
    assert ("turkey", "AGREE", "iraq") in found and ("iraq", "AGREE", "turkey") in found, found
    assert not any(o == "pkk" for _s, _r, o in found), found


def test_denied_deeds_and_plans_are_negated_not_refusals(extractor) -> None:
    denied = one(extractor, "Iran denied sending weapons to the Houthis.", "iran", "AID", "houthis")
    assert denied.negated, denied
    assert not any(r == "REJECT" for _s, r, _o in triples(extractor, "Iran denied sending weapons to the Houthis."))
    text = "The United Arab Emirates denied that it had supplied weapons to the Rapid Support Forces."
    assert one(extractor, text, "united-arab-emirates", "AID", "rsf").negated
    assert not any(r == "REJECT" for _s, r, _o in triples(extractor, text))
    none_planned = one(extractor, "Qatar has no plans to expel Hamas leaders from Doha.", "qatar", "SANCTION", "hamas")
    assert none_planned.negated and none_planned.hedged, none_planned
    unlikely = one(extractor, "Saudi Arabia is unlikely to normalize relations with Israel this year.",
                   "saudi-arabia", "AGREE", "israel")
    assert unlikely.hedged, unlikely


def test_an_attack_not_ruled_out_is_a_threat(extractor) -> None:
    threat = one(extractor, "The United States has not ruled out strikes on Iranian nuclear sites.",
                 "united-states", "THREATEN", "iran")
    assert threat.hedged and not threat.negated, threat
    assert ("qatar", "REJECT", "israel") in triples(extractor, "Qatar ruled out talks with Israel.")


def test_military_or_economic_ties_are_cooperation(extractor) -> None:
    found = triples(extractor, "Morocco strengthened military ties with Israel.")
    assert ("morocco", "COOPERATE", "israel") in found, found


def test_where_a_deal_is_signed_and_what_comes_back_are_no_parties(extractor) -> None:
    found = triples(extractor, "Fatah and Hamas signed a reconciliation deal in Cairo.")
    assert ("fatah", "AGREE", "hamas") in found and ("hamas", "AGREE", "fatah") in found, found
    assert not any(o == "egypt" for _s, _r, o in found), found
    found = triples(extractor, "Hamas freed four Israeli hostages in exchange for 200 Palestinian prisoners.")
    assert ("hamas", "RETREAT", "israel") in found and ("hamas", "RETREAT", "palestine") not in found, found


def test_what_a_sender_or_a_lawmaker_does_through_it(extractor) -> None:
    assert ("united-states", "THREATEN", "iran") in triples(
        extractor, "The United States deployed an aircraft carrier to deter Iran.")
    assert ("israel", "COERCE", "unrwa") in triples(extractor, "Israel passed a law banning UNRWA.")
    withdrawal = one(extractor, "The Security Council adopted a resolution demanding that Israel withdraw "
                                "from Lebanon.", "israel", "RETREAT", "lebanon")
    assert withdrawal.hedged, withdrawal


def test_he_after_an_unnamed_office_holder_is_that_holder_s_side(extractor) -> None:
    found = triples(extractor, "Lebanon's prime minister met the Saudi envoy. "
                               "He urged the kingdom to resume aid to the army.")
    assert ("lebanon", "REQUEST", "saudi-arabia") in found, found


def test_military_aid_named_by_a_state_is_the_state_s(extractor) -> None:
    assert ("united-states", "AID", "israel") in triples(extractor, "U.S. military aid to Israel reached record levels.")


def test_a_patron_s_proxies_an_ally_named_after_and_harbouring(extractor) -> None:
    found = triples(extractor, "Iran's proxies in Iraq have attacked U.S. forces.")
    assert any(s == "iranian-proxies" and r == "ASSAULT" for s, r, _o in found), found
    assert ("iran", "ALLY_OF", "russia") in triples(extractor, "Russia's ally Iran has supplied Moscow with drones.")
    assert ("qatar", "AID", "hamas") in triples(extractor, "Qatar has harboured Hamas leaders for years.")


def test_a_pronoun_takes_an_actor_named_before_it_and_embassies_and_exchanges(extractor) -> None:
    found = triples(extractor, "Iraq handed over ISIS suspects to Syria. Morocco cut diplomatic ties with Iran "
                               "in 2018, accusing it of arming the Polisario Front.")
    assert ("morocco", "ACCUSE", "iran") in found and ("iran", "AID", "polisario-front") in found, found
    assert ("bahrain", "SANCTION", "iran") in triples(extractor, "Bahrain closed its embassy in Tehran.")
    found = triples(extractor, "Israel and Hamas exchanged prisoners under the truce.")
    assert ("israel", "RETREAT", "hamas") in found and ("hamas", "RETREAT", "israel") in found, found


def test_blocking_a_condemnation_rejects_no_one_it_condemns(extractor) -> None:
    for text in ("Russia blocked a resolution condemning Iran.", "China opposed a draft resolution criticising Syria."):
        assert not any(r == "REJECT" for _s, r, _o in triples(extractor, text)), text


def test_towns_of_the_region_place_their_state(extractor) -> None:
    assert ("hezbollah", "ASSAULT", "israel") in triples(extractor, "Hezbollah fired rockets at Kiryat Shmona.")
    assert ("israel", "ASSAULT", "lebanon") in triples(extractor, "Israeli jets struck Dahiyeh overnight.")


def test_killed_in_an_israeli_strike_is_israel_s_act(extractor) -> None:
    found = triples(extractor, "Hezbollah chief Hassan Nasrallah was killed in an Israeli air strike on Beirut.")
    assert ("israel", "ASSAULT", "hassan-nasrallah") in found, found
    found = triples(extractor, "Two U.S. soldiers were wounded in a drone attack by Iran-backed militias.")
    assert any(s == "iran-backed-militias" and r == "ASSAULT" and o == "united-states" for s, r, o in found), found
    assert ("israel", "ASSAULT", "hezbollah") in triples(
        extractor, "A Hezbollah commander killed in an Israeli strike was buried on Monday.")
    # a place is where, not a means: no agent
    assert not any(r == "ASSAULT" for _s, r, _o in triples(extractor, "Hamas leader Ismail Haniyeh was killed in Tehran."))


def test_weapons_got_from_a_state_are_its_aid_weapons_fired_are_not(extractor) -> None:
    found = triples(extractor, "The Houthis have received missiles and drones from Iran.")
    assert ("iran", "AID", "houthis") in found and ("houthis", "CONSULT", "iran") not in found, found
    assert ("iran", "AID", "russia") in triples(extractor, "Russia acquired hundreds of drones from Iran.")
    found = triples(extractor, "Hezbollah fired missiles at Israel.")
    assert ("hezbollah", "ASSAULT", "israel") in found and not any(r == "AID" for _s, r, _o in found), found


def test_an_embassy_reopened_in_a_capital_is_contact_with_its_state(extractor) -> None:
    assert ("saudi-arabia", "CONSULT", "syria") in triples(
        extractor, "Saudi Arabia reopened its embassy in Damascus on Tuesday.")
    assert ("israel", "CONSULT", "united-arab-emirates") in triples(extractor, "Israel opened an embassy in Abu Dhabi.")
    # a meeting in a capital still only says where
    assert not any(o == "iraq" for _s, _r, o in triples(extractor, "Iran and Saudi Arabia held talks in Baghdad."))


def test_summoning_an_envoy_or_charge_d_affaires_is_a_protest_like_an_ambassador(extractor) -> None:
    found = triples(extractor, "Iran summoned Jordan's envoy over the remarks.")
    assert ("iran", "ACCUSE", "jordan") in found and ("iran", "CONSULT", "jordan") not in found, found
    assert ("egypt", "ACCUSE", "israel") in triples(extractor, "Egypt summoned the Israeli charge d'affaires in Cairo.")


def test_an_act_someone_is_urged_to_help_with_is_asked_for_not_done(extractor) -> None:
    found = [t for t in extractor.extract(Article(id="t", text="Saudi Arabia has urged Washington to help end "
                                                                 "the war in Gaza."))
             if t.subject.id == "united-states"]
    assert found and all(t.hedged for t in found), found
    assert not one(extractor, "Saudi Arabia has urged Washington to help end the war in Gaza.",
                   "saudi-arabia", "REQUEST", "united-states").hedged


def test_the_go_between_of_a_deal_is_no_party_of_the_act_done_in_it(extractor) -> None:
    found = triples(extractor, "Saudi Arabia and Iran restored ties in a deal brokered by China.")
    assert ("saudi-arabia", "CONSULT", "iran") in found and not any(o == "china" for _s, _r, o in found), found
    assert not any(o == "egypt" for _s, _r, o in triples(extractor, "Israel released prisoners in a deal mediated by Egypt."))


def test_the_move_or_the_killing_stands_for_the_event_told_just_before(extractor) -> None:
    found = triples(extractor, "Iran and the United States held indirect talks in Muscat. "
                               "Israel opposed the move, saying it would embolden Tehran.")
    assert ("israel", "REJECT", "iran") in found and ("israel", "REJECT", "united-states") in found, found
    # told in other words: 'killed' then 'the killing', 'launched an offensive' then 'the operation'
    assert ("iran", "ACCUSE", "israel") in triples(
        extractor, "Hezbollah chief Hassan Nasrallah was killed in an Israeli air strike on Beirut. "
                   "Iran condemned the killing and vowed revenge.")
    assert ("iraq", "ACCUSE", "turkey") in triples(
        extractor, "Turkey launched a new offensive against Kurdish militants in Iraq. Baghdad condemned the operation.")
    # a label after 'as' names no party of its own
    assert ("palestinian-authority", "ACCUSE", "idf") in triples(
        extractor, "Israeli forces raided the Jenin refugee camp. The Palestinian Authority denounced the raid as a massacre.")


def test_troops_stationed_somewhere_are_no_aid_and_withdrawing_them_leaves(extractor) -> None:
    assert triples(extractor, "The Pentagon has about 900 troops in Syria.") == []
    found = triples(extractor, "Kataib Hezbollah has claimed dozens of attacks on U.S. troops in Iraq and Syria.")
    assert not any(r == "AID" for _s, r, _o in found), found
    assert ("russia", "AID", "syria") in triples(extractor, "Russia sent troops to Syria.")
    t = one(extractor, "Washington is considering withdrawing some of its 2,500 troops from Iraq.",
            "united-states", "RETREAT", "iraq")
    assert t.hedged
    assert not any(r == "AID" for _s, r, _o in triples(
        extractor, "Washington is considering withdrawing some of its 2,500 troops from Iraq."))


def test_a_subject_the_parser_hangs_on_an_auxiliary_is_the_verb_s(extractor) -> None:
    found = triples(extractor, "Qatar and Egypt have been mediating between Israel and Hamas for months.")
    assert ("qatar", "CONSULT", "israel") in found and ("egypt", "CONSULT", "hamas") in found, found


def test_the_move_or_the_killing_is_not_an_event_told_two_sentences_before(extractor) -> None:
    # the sentence between tells its own event, one no rule coded: it is what 'the move' names
    found = triples(extractor, "Russia attacked Ukraine's power grid overnight. Syria's new government "
                               "announced a curfew. Turkey welcomed the move.")
    assert not any(s == "turkey" for s, _r, _o in found), found
    found = triples(extractor, "Israel struck Hezbollah targets in southern Lebanon on Monday. On Tuesday, a "
                               "Turkish businessman was shot dead in Istanbul by unknown gunmen. Turkey condemned "
                               "the killing.")
    assert ("turkey", "ACCUSE", "israel") not in found, found


def test_the_giver_of_weapons_got_is_the_from_phrase_not_a_place_inside_it(extractor) -> None:
    found = triples(extractor, "Syrian rebels bought rifles from arms dealers in Turkey.")
    assert not any(s == "turkey" for s, _r, _o in found), found
    found = triples(extractor, "The Houthis received drones from smugglers operating off the coast of Somalia.")
    assert not any(r == "AID" for _s, r, _o in found), found
    assert not any(r == "AID" for _s, r, _o in triples(extractor, "Iraq bought drones made in Iran."))
    # the giver named in the phrase itself still gives
    assert ("iran", "AID", "houthis") in triples(extractor, "The Houthis obtained missiles from Iranian suppliers.")
    # ... hung by the parser on the count
    assert ("iran", "AID", "russia") in triples(
        extractor, "Russia has bought hundreds of Shahed drones from Iran for use in Ukraine, U.S. officials said.")


def test_an_event_noun_takes_its_governing_verb_s_negation_and_asker(extractor) -> None:
    assert one(extractor, "Israel did not agree to a ceasefire with Hamas.", "israel", "RETREAT", "hamas").negated
    t = one(extractor, "The United Nations urged Israel and Hamas to agree to a ceasefire.", "israel", "RETREAT", "hamas")
    assert t.hedged and not t.negated
    assert not one(extractor, "Israel agreed to a ceasefire with Hamas.", "israel", "RETREAT", "hamas").hedged


def test_closing_a_mission_or_consulate_abroad_is_a_sanction_like_an_embassy(extractor) -> None:
    found = triples(extractor, "Israel closed its mission in Ankara.")
    assert ("israel", "SANCTION", "turkey") in found and ("israel", "COERCE", "turkey") not in found, found


def test_a_head_of_title_before_a_name_leads_its_organisation_or_state(extractor) -> None:
    assert ("ismail-haniyeh", "LEADS", "hamas") in triples(
        extractor, "Hamas leader Ismail Haniyeh met Turkish President Tayyip Erdogan in Istanbul.")
    assert ("masoud-pezeshkian", "LEADS", "iran") in triples(extractor, "Iranian President Masoud Pezeshkian visited Baghdad.")
    # a deputy, an opposition leader or a minister leads neither
    assert not any(r == "LEADS" for _s, r, _o in triples(extractor, "Hamas deputy leader Saleh al-Arouri was killed in Beirut."))
    assert not any(r == "LEADS" for _s, r, _o in triples(extractor, "Israeli opposition leader Yair Lapid criticised Netanyahu."))
    assert not any(r == "LEADS" for _s, r, _o in triples(extractor, "Saudi Foreign Minister Faisal bin Farhan met Blinken."))


def test_a_thing_supplied_by_a_giver_is_aid_to_its_user_not_to_its_target(extractor) -> None:
    assert ("iran", "AID", "hezbollah") in triples(extractor, "Hezbollah used rockets supplied by Iran.")
    found = triples(extractor, "Hezbollah fired rockets supplied by Iran at Israel.")
    assert ("iran", "AID", "israel") not in found and ("iran", "AID", "hezbollah") in found, found
    # who intercepts the thing did not get it
    assert not any(r == "AID" and o == "israel" for _s, r, o in triples(
        extractor, "Israel intercepted drones supplied by Iran to the Houthis."))
    assert ("iran", "AID", "russia") in triples(extractor, "Tehran's supply of drones to Russia has drawn Western sanctions.")


def test_intercepting_a_missile_is_a_defence_not_an_attack_on_who_fired_it(extractor) -> None:
    assert not any(s == "israel" and r == "ASSAULT" for s, r, _o in triples(
        extractor, "Israel intercepted a missile fired by the Houthis."))
    # a ship intercepted is still an act on its state
    assert any(s == "israel" and o == "turkey" for s, _r, o in triples(
        extractor, "Israel's navy intercepted a Turkish ship bound for Gaza."))


def test_what_is_to_be_done_or_proposed_is_planned_not_done(extractor) -> None:
    assert one(extractor, "Israeli troops are to pull out of southern Lebanon by January.", "israel", "RETREAT", "lebanon").hedged
    assert not one(extractor, "Israeli troops pulled out of southern Lebanon in January.", "israel", "RETREAT", "lebanon").hedged
    found = [t for t in extractor.extract(Article(id="t", text="Netanyahu rejected an Egyptian proposal to deploy troops in Gaza."))
             if t.subject.id == "egypt"]
    assert found and all(t.hedged for t in found), found


def test_the_international_community_is_no_group_of_the_state_that_addresses_it(extractor) -> None:
    found = triples(extractor, "Palestinian President Mahmoud Abbas called on the international community to intervene.")
    assert not any(o.endswith("community") for _s, _r, o in found), found
    found = triples(extractor, "Iran warned the international community against backing Israel.")
    assert not any("community" in o for _s, _r, o in found), found
    # people named by their standing alone stay the state's own
    assert any(s == "iran" and r == "COERCE" for s, r, _o in triples(
        extractor, "Iranian police arrested political opponents in Tehran."))


def test_a_mediator_in_a_with_clause_mediates_between_the_main_act_s_parties(extractor) -> None:
    found = triples(extractor, "Iran and the United States held indirect talks in Muscat, with Oman acting as mediator.")
    assert ("oman", "CONSULT", "iran") in found and ("oman", "CONSULT", "united-states") in found, found
    found = triples(extractor, "Israel and Hamas agreed to a truce, with Egypt and Qatar acting as mediators.")
    assert ("qatar", "CONSULT", "hamas") in found and ("egypt", "CONSULT", "israel") in found, found


def test_a_route_told_of_a_thing_received_names_no_giver(extractor) -> None:
    found = triples(extractor, "Hamas received weapons smuggled through tunnels from Egypt, Israeli officials said.")
    assert ("egypt", "AID", "hamas") not in found, found
    assert ("iran", "AID", "hamas") in triples(extractor, "Hamas received weapons supplied by Iran.")


def test_neither_nor_negates_the_act(extractor) -> None:
    assert one(extractor, "Neither Iran nor Hezbollah attacked Israel.", "iran", "ASSAULT", "israel").negated
    assert one(extractor, "Neither Egypt nor Jordan has been consulted by Israel.", "israel", "CONSULT", "jordan").negated
    assert one(extractor, "Israel consulted neither Egypt nor Jordan.", "israel", "CONSULT", "egypt").negated
    assert not one(extractor, "Israel consulted Egypt and Jordan.", "israel", "CONSULT", "egypt").negated


def test_money_got_from_a_giver_is_its_aid_not_a_meeting(extractor) -> None:
    found = triples(extractor, "Hamas received millions of dollars from Qatar last year to pay salaries in Gaza.")
    assert ("qatar", "AID", "hamas") in found and ("hamas", "CONSULT", "qatar") not in found, found
    # a delegation received is still a visit
    assert ("jordan", "CONSULT", "syria") in triples(extractor, "Jordan received a delegation from Syria.")


def test_goods_got_from_a_giver_are_its_aid_a_call_received_is_contact(extractor) -> None:
    found = triples(extractor, "The Houthis received trucks and fuel from Iran, a UN panel said.")
    assert ("iran", "AID", "houthis") in found and ("houthis", "CONSULT", "iran") not in found, found
    found = triples(extractor, "Hezbollah received equipment from Iran, the report said.")
    assert ("iran", "AID", "hezbollah") in found, found
    # goods struck are no aid; a call received is still contact
    assert not any(r == "AID" for _, r, _ in triples(extractor, "Israel struck a fuel truck in Gaza."))
    found = triples(extractor, "Iraq's prime minister received a phone call from Iran's president.")
    assert not any(r == "AID" for _, r, _ in found), found


def test_an_act_refused_is_not_done(extractor) -> None:
    found = [t for t in extractor.extract(Article(id="t", text="Iran refused to take part in talks with the United States."))
             if t.relation == "CONSULT"]
    assert all(t.negated for t in found), found
    assert ("iran", "REJECT", "united-states") in triples(extractor, "Iran refused to take part in talks with the United States.")


def test_an_embassy_a_meeting_is_held_at_is_where_not_a_party(extractor) -> None:
    found = triples(extractor, "Iran and the United States held talks at the Swiss embassy.")
    assert ("iran", "CONSULT", "united-states") in found and not any(o == "switzerland" for _s, _r, o in found), found
    found = triples(extractor, "Iranian and Saudi officials met at the Omani embassy in Tehran.")
    assert not any("oman" in (s, o) for s, _r, o in found), found


def test_mediators_named_by_their_nation_mediate_between_the_parties(extractor) -> None:
    found = triples(extractor, "Israel and Hamas negotiated through Egyptian mediators.")
    assert ("egypt", "CONSULT", "israel") in found and ("egypt", "CONSULT", "hamas") in found, found
    found = triples(extractor, "Egyptian and Qatari mediators have been shuttling between Israel and Hamas.")
    assert ("qatar", "CONSULT", "hamas") in found and ("egypt", "CONSULT", "israel") in found, found


@pytest.mark.parametrize("text", [
    "Iran has repeatedly denied supplying weapons to the Houthi rebels.",
    "Tehran has consistently denied supplying arms to the Houthis.",
])
def test_a_denied_gerund_parsed_as_a_modifier_is_a_negated_deed(extractor, text: str) -> None:
    assert one(extractor, text, "iran", "AID", "houthis").negated
    assert not any(r == "REJECT" for _s, r, _o in triples(extractor, text)), triples(extractor, text)
    # help withheld from someone is still refused
    assert ("israel", "REJECT", "palestine") in triples(extractor, "Israel denied humanitarian aid to Gaza.")


def test_seizing_a_thing_supplied_by_a_giver_is_no_act_on_the_giver(extractor) -> None:
    for text in ("Israel seized rockets supplied by Iran.", "The US Navy seized drones provided by Iran.",
                 "Israel destroyed missiles supplied by Russia."):
        found = triples(extractor, text)
        assert not any(o in ("iran", "russia") and r != "AID" for _s, r, o in found), found
    # a thing held by someone still stands for its holder
    assert ("israel", "ASSAULT", "hezbollah") in triples(extractor, "Israel struck a weapons depot used by Hezbollah.")


@pytest.mark.parametrize("text", [
    "Egypt sent troops to Sinai.",
    "Egypt sent soldiers to Sinai.",
    "Iraq sent more troops to Mosul.",
])
def test_forces_sent_to_a_place_at_home_are_deployed_not_aid(extractor, text: str) -> None:
    found = triples(extractor, text)
    assert not any(r == "AID" for _s, r, _o in found), found
    assert any(r == "MOBILIZE" for _s, r, _o in found), found
    # peacekeepers or goods sent are still help; troops sent abroad are unchanged
    assert any(r == "AID" for _s, r, _o in triples(extractor, "Iraq sent peacekeepers to Mosul."))
    assert ("iran", "AID", "syria") in triples(extractor, "Iran sent troops to Syria.")


@pytest.mark.parametrize("text,giver,relation,getter", [
    ("Lebanon depends on the support of Iran.", "iran", "SUPPORT", "lebanon"),
    ("Lebanon depends on Iranian support.", "iran", "SUPPORT", "lebanon"),
    ("Hezbollah relies on financial support from Iran.", "iran", "AID", "hezbollah"),
    ("Jordan relies on aid from the United States.", "united-states", "AID", "jordan"),
])
def test_who_relies_on_help_gets_it_from_its_giver(extractor, text: str, giver: str, relation: str,
                                                  getter: str) -> None:
    one(extractor, text, giver, relation, getter)
    assert not any(s == getter for s, _r, _o in triples(extractor, text)), triples(extractor, text)


def test_talks_a_host_will_hold_are_only_planned(extractor) -> None:
    for text in ("Oman will be hosting talks between Iran and the US.",
                 "Egypt may host a meeting between Israel and Hamas."):
        found = [t for t in extractor.extract(Article(id="t", text=text)) if t.relation == "CONSULT"]
        assert found and all(t.hedged for t in found), found
    # talks hosted are held, and the host's own act stays as it was coded
    held = one(extractor, "Oman hosted talks between Iran and the US.", "iran", "CONSULT", "united-states")
    assert not held.hedged
    assert not one(extractor, "Oman hosted talks between Iran and the US.", "oman", "CONSULT", "iran").hedged


@pytest.mark.parametrize("text", [
    "The Red Cross received the bodies from Israel.",
    "Egypt received 50 prisoners from Israel.",
    "Israel received the remains of two hostages from Hamas.",
    "Israel received three hostages from Hamas on Saturday.",
])
def test_people_or_remains_handed_over_are_no_meeting(extractor, text: str) -> None:
    assert triples(extractor, text) == []
    # a visitor or a letter received is still contact
    assert ("abdel-fattah-el-sisi", "CONSULT", "hamas") in triples(extractor, "Sisi received a delegation from Hamas.")
    assert ("abdel-fattah-el-sisi", "CONSULT", "benjamin-netanyahu") in triples(
        extractor, "Sisi received a letter from Netanyahu.")


def test_an_attack_denied_is_a_negated_deed_not_a_rejection_of_its_target(extractor) -> None:
    for text, subject in (("Hamas denied the attack on Israel.", "hamas"),
                          ("Hezbollah denied the rocket attack on northern Israel.", "hezbollah")):
        found = triples(extractor, text)
        assert not any(r == "REJECT" for _s, r, _o in found), found
        assert one(extractor, text, subject, "ASSAULT", "israel").negated
    # a request or an accusation denied is still refused
    assert ("israel", "REJECT", "hamas") in triples(extractor, "Israel denied the request by Hamas.")
    assert ("hamas", "REJECT", "israel") in triples(extractor, "Hamas denied the accusations by Israel.")


@pytest.mark.parametrize("text,relation,obj", [
    ("Tehran has long denied supplying missiles to the Houthis.", "AID", "houthis"),
    ("Iran has long denied firing missiles at Israel.", "ASSAULT", "israel"),
])
def test_a_denied_gerund_hung_on_a_plain_object_is_still_the_deed(extractor, text: str, relation: str,
                                                                  obj: str) -> None:
    assert one(extractor, text, "iran", relation, obj).negated


def test_captives_released_to_an_aid_group_yield_to_no_aid_group(extractor) -> None:
    found = triples(extractor, "Hamas freed two hostages to the International Committee of the Red Cross.")
    assert not any(o == "icrc" for _s, _r, o in found), found
    # the captives' own side, when named, is still the one the release yields to
    one(extractor, "Israel released Palestinian prisoners to Hamas.", "israel", "RETREAT", "palestine")
    one(extractor, "Hamas released three Israeli hostages to the Red Cross.", "hamas", "RETREAT", "israel")


def test_people_or_remains_handed_over_are_no_aid_to_the_receiver(extractor) -> None:
    for text in ("Hamas handed over the bodies to the Red Cross.",
                 "Israel handed over 90 prisoners to the Red Cross."):
        assert not any(r == "AID" for _s, r, _o in triples(extractor, text)), triples(extractor, text)
    assert ("iran", "AID", "hezbollah") in triples(extractor, "Iran handed over weapons to Hezbollah.")


def test_a_things_maker_is_no_party_of_what_is_done_to_it(extractor) -> None:
    for text in ("Saudi forces seized Iranian-made drones.", "Israel shot down an Iranian-made drone."):
        assert not any(o == "iran" for _s, _r, o in triples(extractor, text)), triples(extractor, text)
    found = triples(extractor, "Israel destroyed Russian-made air defences in Syria.")
    assert ("israel", "ASSAULT", "russia") not in found, found
    # a sponsor or a state's own forces are still named
    assert ("israel", "ASSAULT", "iran") in triples(extractor, "Israel struck Iranian weapons depots in Syria.")


def test_talks_hosted_in_the_passive_or_counted_are_the_hosts_and_planned_alike(extractor) -> None:
    found = [t for t in extractor.extract(Article(id="t", text="Talks between Iran and the US will be hosted by Oman."))]
    assert any(t.subject.id == "oman" and t.object.id == "iran" for t in found), found
    assert all(t.hedged for t in found if t.relation == "CONSULT"), found
    held = triples(extractor, "Talks between Iran and the US were hosted by Oman.")
    assert ("oman", "CONSULT", "iran") in held and ("oman", "CONSULT", "united-states") in held, held
    rounds = [t for t in extractor.extract(Article(
        id="t", text="Oman will host the next round of talks between Iran and the US.")) if t.relation == "CONSULT"]
    assert rounds and all(t.hedged for t in rounds), rounds


@pytest.mark.parametrize("text", [
    "Qatar has offered to host talks between Israel and Hamas.",
    "Qatar offered to mediate between Israel and Hamas.",
])
def test_an_offer_to_go_between_is_made_to_both_of_the_pair(extractor, text: str) -> None:
    found = triples(extractor, text)
    assert ("qatar", "AGREE", "israel") in found and ("qatar", "AGREE", "hamas") in found, found


@pytest.mark.parametrize("text,giver,getter", [
    ("Hezbollah enjoys the backing of Iran.", "iran", "hezbollah"),
    ("The Houthis have Iran's backing.", "iran", "houthis"),
    ("Israel has the full support of the United States.", "united-states", "israel"),
    ("Hamas received the support of Iran.", "iran", "hamas"),
])
def test_who_has_or_gets_backing_is_backed_by_its_giver(extractor, text: str, giver: str, getter: str) -> None:
    one(extractor, text, giver, "SUPPORT", getter)
    assert (getter, "SUPPORT", giver) not in triples(extractor, text)


@pytest.mark.parametrize("text,giver,getter", [
    ("The Houthis lost the backing of Saudi Arabia.", "saudi-arabia", "houthis"),
    ("Hamas has lost the financial support of Qatar.", "qatar", "hamas"),
    ("Damascus lacks the support of Turkey.", "turkey", "syria"),
])
def test_backing_lost_or_lacked_is_the_givers_and_given_no_more(extractor, text: str, giver: str,
                                                                  getter: str) -> None:
    found = [t for t in extractor.extract(Article(id="t", text=text))
             if (t.subject.id, t.object.id) == (giver, getter)]
    assert found and all(t.negated for t in found), triples(extractor, text)
    assert not any(s == getter and o == giver for s, _r, o in triples(extractor, text)), triples(extractor, text)
    # never lost: still given
    kept = [t for t in extractor.extract(Article(id="t", text="Hezbollah never lost the backing of Iran."))
            if (t.subject.id, t.object.id) == ("iran", "hezbollah")]
    assert kept and not any(t.negated for t in kept), triples(extractor, "Hezbollah never lost the backing of Iran.")


def test_backing_needed_is_the_givers_and_not_yet_given(extractor) -> None:
    text = "Jordan needs the support of the United States."
    found = [t for t in extractor.extract(Article(id="t", text=text))
             if (t.subject.id, t.object.id) == ("united-states", "jordan")]
    assert found and all(t.hedged for t in found), triples(extractor, text)
    assert not any(s == "jordan" and o == "united-states" for s, _r, o in triples(extractor, text))


@pytest.mark.parametrize("text,obj,coded", [
    ("Tehran denied the supply of missiles to Hezbollah.", "hezbollah", True),
    ("Iran has denied the transfer of weapons to the Houthis.", "houthis", True),
    # a transfer named by a word with no cue of its own yields nothing, rather than a refusal
    ("Iran has denied the handover of weapons to the Houthis.", "houthis", False),
])
def test_a_denied_arms_transfer_is_a_negated_deed_not_a_refusal(extractor, text: str, obj: str,
                                                                coded: bool) -> None:
    found = [t for t in extractor.extract(Article(id="t", text=text)) if t.object.id == obj]
    assert not any(t.relation == "REJECT" for t in found), found
    assert all(t.relation == "AID" and t.negated for t in found), found
    assert bool(found) == coded, found
    # help denied to one who sought it is still refused
    assert ("egypt", "REJECT", "hamas") in triples(extractor, "Egypt denied asylum to Hamas leaders.")


@pytest.mark.parametrize("text", [
    "Lebanon sought the support of Saudi Arabia.",
    "Lebanon sought aid from Saudi Arabia.",
])
def test_help_sought_is_asked_of_its_giver(extractor, text: str) -> None:
    found = triples(extractor, text)
    assert ("lebanon", "REQUEST", "saudi-arabia") in found, found
    assert not any(r in ("AID", "SUPPORT") for _s, r, _o in found), found


@pytest.mark.parametrize("text", [
    "Iran rejected claims that it supplied weapons to the Houthis.",
    "Iran dismissed reports that it was arming the Houthis.",
    "Iran rejected accusations of supplying weapons to the Houthis.",
])
def test_a_disputed_claim_of_a_deed_negates_it_and_rejects_no_one_in_it(extractor, text: str) -> None:
    assert one(extractor, text, "iran", "AID", "houthis").negated
    assert not any(r in ("REJECT", "ACCUSE") for _s, r, _o in triples(extractor, text)), triples(extractor, text)
    # a claim confirmed stands; a named accuser is still rebuffed
    assert not one(extractor, "Iran confirmed reports that it supplied drones to Russia.", "iran", "AID", "russia").negated
    assert ("iran", "REJECT", "israel") in triples(
        extractor, "Iran rejected claims by Israel that it supplied weapons to Hezbollah.")


def test_backing_enjoyed_from_a_giver_is_the_givers(extractor) -> None:
    one(extractor, "Saudi Arabia enjoys strong support from the United States.", "united-states", "SUPPORT", "saudi-arabia")


@pytest.mark.parametrize("text,subject,obj", [
    ("Israel sent a delegation to Cairo for talks.", "israel", "egypt"),
    ("Iran sent an envoy to Saudi Arabia.", "iran", "saudi-arabia"),
    ("The US dispatched an envoy to Beirut.", "united-states", "lebanon"),
])
def test_an_envoy_sent_is_contact_not_aid_or_troops(extractor, text: str, subject: str, obj: str) -> None:
    found = triples(extractor, text)
    assert (subject, "CONSULT", obj) in found and not any(r in ("AID", "MOBILIZE") for _s, r, _o in found), found


def test_who_is_relied_on_for_help_gives_it(extractor) -> None:
    found = triples(extractor, "Hezbollah relies on Iran for weapons.")
    assert ("iran", "AID", "hezbollah") in found and ("hezbollah", "AID", "iran") not in found, found
    one(extractor, "Israel relies on the US for military aid.", "united-states", "AID", "israel")


def test_help_got_from_a_giver_keeps_the_getters_denial(extractor) -> None:
    assert one(extractor, "The Houthis denied receiving weapons from Iran.", "iran", "AID", "houthis").negated
    assert not one(extractor, "The Houthis received weapons from Iran.", "iran", "AID", "houthis").negated


def test_who_is_dependent_on_help_gets_it(extractor) -> None:
    one(extractor, "Hamas is heavily dependent on Qatari funding.", "qatar", "AID", "hamas")
    one(extractor, "Syria is dependent on Russian support.", "russia", "SUPPORT", "syria")


@pytest.mark.parametrize("text,subject,obj", [
    ("Jordan sent troops to its border with Syria.", "jordan", "syria"),
    ("Turkey sent tanks to the Syrian border.", "turkey", "syria"),
])
def test_forces_sent_to_a_border_face_the_state_beyond(extractor, text: str, subject: str, obj: str) -> None:
    found = triples(extractor, text)
    assert (subject, "MOBILIZE", obj) in found and (subject, "AID", obj) not in found, found


@pytest.mark.parametrize("text,subject,obj", [
    ("Egypt sent soldiers into Libya.", "egypt", "libya"),
    ("Iran has sent its troops into Syria.", "iran", "syria"),
])
def test_forces_sent_into_a_land_are_deployed_there_not_aid(extractor, text: str, subject: str, obj: str) -> None:
    found = triples(extractor, text)
    assert (subject, "MOBILIZE", obj) in found and (subject, "AID", obj) not in found, found
    # peacekeepers sent, or forces sent to a state, still help it
    assert ("kenya", "AID", "somalia") in triples(extractor, "Kenya sent peacekeepers into Somalia.")
    assert ("iran", "AID", "syria") in triples(extractor, "Iran sent troops to Syria to help Assad.")


def test_hostages_named_by_their_nation_are_its_people(extractor) -> None:
    found = triples(extractor, "Hamas released three Israeli hostages to the Red Cross.")
    assert ("hamas", "RETREAT", "israel") in found and ("hamas", "RETREAT", "icrc") not in found, found
    one(extractor, "Israeli hostages were freed by Hamas.", "hamas", "RETREAT", "israel")


def test_hostages_held_are_the_named_nations_not_their_captors(extractor) -> None:
    found = triples(extractor, "Hamas is holding Israeli hostages in Gaza.")
    assert ("hamas", "COERCE", "israel") in found and not any(s == "israel" for s, _r, _o in found), found


def test_whom_help_fights_is_its_foe_not_its_recipient(extractor) -> None:
    found = triples(extractor, "Iran sent fighters to help fight ISIS.")
    assert ("iran", "AID", "islamic-state") not in found and ("iran", "ASSAULT", "islamic-state") in found, found
    found = triples(extractor, "The US pledged to help fight the Islamic State.")
    assert ("united-states", "AGREE", "islamic-state") not in found, found
    # help to rebuild or to defend someone still goes to them
    assert ("united-states", "AGREE", "syria") in triples(extractor, "The US pledged to help rebuild Syria.")
    assert ("iran", "AID", "iraq") in triples(extractor, "Iran helped Iraq fight ISIS.")


def test_where_a_fight_happens_neither_fights_back_nor_parts_a_pair(extractor) -> None:
    found = triples(extractor, "Russia is fighting terrorism in Syria.")
    assert ("syria", "ASSAULT", "russia") not in found, found
    found = triples(extractor, "Israel and Hezbollah clashed in southern Lebanon.")
    assert ("israel", "ASSAULT", "hezbollah") in found and ("hezbollah", "ASSAULT", "israel") in found, found
    assert not any("lebanon" in (s, o) for s, _r, o in found), found
    # a named foe still fights back
    assert ("hamas", "ASSAULT", "israel") in triples(extractor, "Israel fought Hamas in Gaza.")


def test_the_one_called_on_to_act_is_the_acts_agent(extractor) -> None:
    text = "Britain called on Tehran to stop arming Hezbollah."
    found = triples(extractor, text)
    assert ("united-kingdom", "REQUEST", "iran") in found, found
    assert ("iran", "AID", "hezbollah") in found and ("united-kingdom", "AID", "hezbollah") not in found, found


def test_a_threatened_act_on_things_tied_to_a_party_threatens_that_party(extractor) -> None:
    one(extractor, "The Houthis threatened to strike vessels owned by Israeli firms.", "houthis", "THREATEN", "israel")
    # the place of a threat to a thing with no party is no party of it
    found = triples(extractor, "Iran threatened to close the Strait of Hormuz.")
    assert not any(r == "THREATEN" for _s, r, _o in found), found


@pytest.mark.parametrize("text", [
    "Israel shot down Iranian missiles headed toward Tel Aviv.",
    "Iraqi fighters heading into Syria were stopped at the border.",
    "Sisi led a delegation to Saudi Arabia.",
])
def test_a_course_headed_or_led_somewhere_is_no_leadership_of_it(extractor, text: str) -> None:
    found = triples(extractor, text)
    assert not any(r == "LEADS" for _s, r, _o in found), found


def test_leadership_still_comes_from_what_is_headed_or_led(extractor) -> None:
    one(extractor, "Khamenei has headed the Iranian state since 1989.", "ali-khamenei", "LEADS", "iran")
    one(extractor, "Hamas, led by Sinwar, rejected the offer.", "yahya-sinwar", "LEADS", "hamas")


def test_an_act_agreed_to_in_a_place_is_agreed_with_that_places_state(extractor) -> None:
    one(extractor, "Egypt agreed to allow medical convoys into Gaza.", "egypt", "AGREE", "palestine")
    # the agent's own places are no other party
    found = triples(extractor, "Egypt agreed to open new crossings in Sinai.")
    assert not any(o == "egypt" for _s, _r, o in found), found


def test_a_body_admitting_a_state_makes_it_a_member(extractor) -> None:
    one(extractor, "The Arab League voted to admit Palestine.", "palestine", "MEMBER_OF", "arab-league")
    one(extractor, "NATO admitted Sweden in March 2024.", "sweden", "MEMBER_OF", "nato")
    # a state admitting a deed confesses it; no membership
    found = triples(extractor, "Iran admitted downing the Ukrainian airliner.")
    assert not any(r == "MEMBER_OF" for _s, r, _o in found), found


def test_conjoined_verbs_share_the_last_ones_object(extractor) -> None:
    found = triples(extractor, "The EU condemned and sanctioned Syria.")
    assert ("european-union", "ACCUSE", "syria") in found and ("european-union", "SANCTION", "syria") in found, found
    # a verb leaning the other way keeps to itself: a retreat shares no strike's target
    found = triples(extractor, "Hezbollah retreated and shelled Israel.")
    assert ("hezbollah", "ASSAULT", "israel") in found and ("hezbollah", "RETREAT", "israel") not in found, found


def test_forces_deployed_in_a_place_abroad_are_a_deployment_in_its_state(extractor) -> None:
    one(extractor, "Iran has deployed advisers in eastern Syria.", "iran", "MOBILIZE", "syria")


def test_weapons_shot_down_after_their_launch_are_a_defence(extractor) -> None:
    found = triples(extractor, "Jordan shot down several drones launched by Iran.")
    assert not any(r == "ASSAULT" and o == "iran" for _s, r, o in found), found
    # an aircraft of a state shot down is an attack on that state
    one(extractor, "Turkey shot down a Russian warplane near the Syrian border.", "turkey", "ASSAULT", "russia")


def test_deliveries_are_aid_to_their_recipient(extractor) -> None:
    one(extractor, "Russia resumed arms deliveries to Iran.", "russia", "AID", "iran")
    assert one(extractor, "Tehran denied the delivery of missiles to the Houthis.", "iran", "AID", "houthis").negated


def test_help_allowed_through_is_a_permission_not_help_given(extractor) -> None:
    found = triples(extractor, "Jordan permitted aid shipments into Syria.")
    assert ("jordan", "CONCEDE", "syria") in found and ("jordan", "AID", "syria") not in found, found


def test_each_of_conjoined_demonyms_before_military_help_is_its_state(extractor) -> None:
    found = triples(extractor, "Hamas received Qatari and Iranian military aid.")
    assert ("iran", "AID", "hamas") in found and ("qatar", "AID", "hamas") in found, found
    assert not any(s == "iranian-army" for s, _r, _o in found), found


@pytest.mark.parametrize("text,subject,relation,obj", [
    ("Morocco has yet to recognise Israel.", "morocco", "AGREE", "israel"),
    ("Turkey no longer hosts Hamas leaders.", "turkey", "CONSULT", "hamas"),
])
def test_acts_not_yet_or_no_longer_done_are_negated(extractor, text: str, subject: str, relation: str,
                                                   obj: str) -> None:
    found = [t for t in extractor.extract(Article(id="t", text=text)) if (t.subject.id, t.object.id) == (subject, obj)]
    assert found and all(t.negated for t in found), triples(extractor, text)
    # still done: no negation
    assert not one(extractor, "Turkey still hosts Hamas leaders.", "turkey", "CONSULT", "hamas").negated


def test_a_state_described_by_its_region_points_back_to_it(extractor) -> None:
    text = "Kuwait expelled Iranian diplomats. The Gulf state also summoned Iran's ambassador."
    assert ("kuwait", "ACCUSE", "iran") in triples(extractor, text), triples(extractor, text)
    # a region named with a group word still names a group, not the last one seen
    found = triples(extractor, "Hamas fired rockets at Israel. The Sinai party condemned Egypt.")
    assert ("hamas", "ACCUSE", "egypt") not in found, found


@pytest.mark.parametrize("text,giver,helped", [
    ("Iran-backed Hamas fired rockets at Israel.", "iran", "hamas"),
    ("The Saudi-funded Yemeni government signed a deal.", "saudi-arabia", "yemen"),
])
def test_a_giver_hyphened_to_help_helps_the_one_named(extractor, text: str, giver: str, helped: str) -> None:
    one(extractor, text, giver, "SUPPORT" if "backed" in text else "AID", helped)


def test_acting_on_behalf_of_a_party_supports_it_and_is_no_act_on_it(extractor) -> None:
    found = triples(extractor, "Wagner fighters fought on behalf of Haftar in Libya.")
    assert ("wagner-group", "SUPPORT", "khalifa-haftar") in found, found
    assert not any(r == "ASSAULT" and o == "khalifa-haftar" for _s, r, o in found), found


def test_a_vow_to_step_up_attacks_threatens_and_a_vow_to_halt_them_does_not(extractor) -> None:
    one(extractor, "Hezbollah vowed to intensify attacks on Israel.", "hezbollah", "THREATEN", "israel")
    found = triples(extractor, "Turkey vowed to halt strikes on Kurdish groups in Syria.")
    assert not any(r == "THREATEN" for _s, r, _o in found), found


def test_a_place_used_for_attacks_does_not_make_its_owner_the_attacker(extractor) -> None:
    found = triples(extractor, "Iraq will not allow its territory to be used for strikes on Syria.")
    assert not any(s == "iraq" and r == "ASSAULT" for s, r, _o in found), found
    # the one punished for attacks still did them
    assert ("hezbollah", "ASSAULT", "israel") in triples(
        extractor, "The US sanctioned Hezbollah for attacks on Israel.")


@pytest.mark.parametrize("text,subject,relation,obj", [
    ("The Arab League readmitted Syria after a 12-year suspension.", "syria", "MEMBER_OF", "arab-league"),
    ("Iran resupplied the Houthis with drones.", "iran", "AID", "houthis"),
    ("Israel has been targetting Hamas commanders.", "israel", "ASSAULT", "hamas"),
])
def test_verbs_the_lemmatizer_does_not_know_are_still_read(extractor, text: str, subject: str,
                                                          relation: str, obj: str) -> None:
    # spaCy's rules make "readmitte", "resupplie", "targette" of these forms
    one(extractor, text, subject, relation, obj)


def test_a_warning_about_what_a_party_does_is_no_threat_to_it(extractor) -> None:
    found = triples(extractor, "The UN envoy warned that Israel's policies threaten regional stability.")
    assert not any(r == "THREATEN" and o == "israel" for _s, r, o in found), found
    found = triples(extractor, "Egypt warned that Israel would attack Lebanon.")
    assert ("egypt", "THREATEN", "israel") not in found and ("israel", "ASSAULT", "lebanon") in found, found
    # a warning that a party will suffer is a threat to it
    one(extractor, "Iran warned that Israel would pay a heavy price.", "iran", "THREATEN", "israel")


def test_tanks_sent_into_a_land_are_a_deployment_and_sent_to_a_state_are_aid(extractor) -> None:
    found = triples(extractor, "Israel sent tanks into the southern Gaza Strip on Friday.")
    assert ("israel", "MOBILIZE", "palestine") in found and ("israel", "AID", "palestine") not in found, found
    one(extractor, "The US sent tanks to Ukraine.", "united-states", "AID", "ukraine")


def test_a_head_title_before_an_appositive_name_leads_its_owner(extractor) -> None:
    one(extractor, "Iran's supreme leader Ali Khamenei vowed revenge for the killing of Ismail Haniyeh.",
        "ali-khamenei", "LEADS", "iran")
    # one under the head leads nothing
    for text in ("Hamas's deputy leader Saleh al-Arouri was killed in Beirut.",
                 "Naim Qassem, Hezbollah's deputy leader, spoke on television."):
        found = triples(extractor, text)
        assert not any(r == "LEADS" for _s, r, _o in found), found


def test_a_stance_on_something_done_in_a_place_is_none_toward_its_state(extractor) -> None:
    for text in ("Israel's cabinet approved the expansion of military operations in Rafah.",
                 "Hamas rejected the plan for Gaza."):
        found = triples(extractor, text)
        assert not any(o == "palestine" for _s, _r, o in found), found


def test_forces_sent_to_their_own_posts_abroad_are_a_deployment(extractor) -> None:
    found = triples(extractor, "Turkey has sent military reinforcements to its bases in northern Iraq.")
    assert ("turkey", "MOBILIZE", "iraq") in found and ("turkey", "AID", "iraq") not in found, found


def test_torching_homes_in_a_land_attacks_it(extractor) -> None:
    one(extractor, "Israeli settlers torched homes in the West Bank village of Huwara.",
        "israeli-settlers", "ASSAULT", "palestine")


def test_the_chief_of_a_service_does_not_lead_its_state(extractor) -> None:
    found = triples(extractor, "Egypt's intelligence chief Hassan Rashad met Hamas leaders in Cairo.")
    assert not any(r == "LEADS" for _s, r, _o in found), found
    one(extractor, "Hamas's politburo chief Ismail Haniyeh met Erdogan.", "ismail-haniyeh", "LEADS", "hamas")


def test_talks_a_visit_is_for_are_the_visitors(extractor) -> None:
    found = triples(extractor, "Syria's foreign minister visited Moscow for talks with Sergei Lavrov.")
    assert ("syria", "CONSULT", "sergei-lavrov") in found and ("russia", "CONSULT", "sergei-lavrov") not in found, found


def test_what_is_discussed_is_no_party_to_the_talk(extractor) -> None:
    found = triples(extractor, "Egyptian and Israeli officials discussed the reopening of the Rafah crossing.")
    assert ("egypt", "CONSULT", "israel") in found and not any(o == "palestine" for _s, _r, o in found), found
    found = triples(extractor, "The Security Council discussed Iran's nuclear programme.")
    assert not any(o == "iran" for _s, _r, o in found), found
    one(extractor, "Erdogan discussed Syria with Putin.", "recep-tayyip-erdogan", "CONSULT", "vladimir-putin")


def test_airdrops_are_aid_to_the_land_they_fall_on(extractor) -> None:
    found = triples(extractor, "Jordanian and Egyptian planes airdropped food parcels over Gaza.")
    assert ("jordan", "AID", "palestine") in found and ("egypt", "AID", "palestine") in found, found


@pytest.mark.parametrize("text,target", [
    ("Israel struck what it said were Hezbollah weapons depots in southern Lebanon on Monday.", "hezbollah"),
    ("Israel hit what it described as Hamas command centres in Gaza.", "hamas"),
])
def test_the_target_named_in_a_what_clause_is_struck(extractor, text: str, target: str) -> None:
    one(extractor, text, "israel", "ASSAULT", target)


def test_a_backed_thing_in_a_state_does_not_make_that_state_backed(extractor) -> None:
    found = triples(extractor, "The US bombed what officials called Iranian-backed militia sites in Syria.")
    assert ("iran", "SUPPORT", "syria") not in found, found
    one(extractor, "The US struck Iranian-backed militias in Syria.", "iran", "SUPPORT", "syrian-militias")


def test_retaliation_for_an_attack_is_aimed_at_the_attacker(extractor) -> None:
    found = triples(extractor, "Hezbollah would retaliate for any Israeli attack on Beirut, Nasrallah said.")
    assert ("hezbollah", "THREATEN", "israel") in found and ("hezbollah", "THREATEN", "lebanon") not in found, found


def test_neither_confirmed_nor_denied_is_left_open_not_denied(extractor) -> None:
    found = one(extractor, "Israel neither confirmed nor denied that it carried out the strike on Iran.",
                "israel", "ASSAULT", "iran")
    assert found.hedged and not found.negated, found
    assert one(extractor, "Iran denied that it had armed the Houthis.", "iran", "AID", "houthis").negated


def test_letting_a_party_act_is_a_concession_to_it(extractor) -> None:
    assert one(extractor, "Israel will not let Hamas rule Gaza.", "israel", "CONCEDE", "hamas").negated
    one(extractor, "The US let Israel use its bases.", "united-states", "CONCEDE", "israel")


def test_close_to_a_deal_is_no_alliance(extractor) -> None:
    found = triples(extractor, "Israel is close to a deal with Hamas.")
    assert not any(r == "ALLY_OF" for _s, r, _o in found), found
    one(extractor, "Qatar is close to Hamas.", "qatar", "ALLY_OF", "hamas")


def test_a_warning_of_ones_own_attack_is_a_threat(extractor) -> None:
    found = one(extractor, "The Houthis warned they would target any U.S. warship that entered Yemeni waters.",
                "houthis", "THREATEN", "united-states")
    assert found.hedged
    # another's attack warned of stays that party's possible attack
    found = triples(extractor, "Egypt warned that Israel would attack Lebanon.")
    assert ("israel", "ASSAULT", "lebanon") in found and ("israel", "THREATEN", "lebanon") not in found, found


@pytest.mark.parametrize("text,subject,obj", [
    ("Israel has not ruled out striking Iranian nuclear facilities.", "israel", "iran"),
    ("Washington has not excluded military action against Iran.", "united-states", "iran"),
])
def test_an_attack_gerund_or_light_noun_not_ruled_out_is_a_threat(extractor, text: str, subject: str, obj: str) -> None:
    found = one(extractor, text, subject, "THREATEN", obj)
    assert found.hedged and not found.negated, found
    assert not any(r == "ASSAULT" for _s, r, _o in triples(extractor, text))


def test_an_attack_ruled_out_is_not_done(extractor) -> None:
    assert one(extractor, "Israel ruled out striking Iran.", "israel", "ASSAULT", "iran").negated


def test_they_of_two_speakers_is_both(extractor) -> None:
    found = triples(extractor, "Turkey and Qatar said they supported Hamas.")
    assert ("turkey", "SUPPORT", "hamas") in found and ("qatar", "SUPPORT", "hamas") in found, found


def test_a_plural_relative_clause_on_conjoined_actors_is_about_each(extractor) -> None:
    found = triples(extractor, "Hamas and Islamic Jihad, which are backed by Iran, fired rockets at Israel.")
    assert ("iran", "SUPPORT", "hamas") in found and ("iran", "SUPPORT", "pij") in found, found
    # a singular one is about the last
    found = triples(extractor, "Israel struck Hamas and Hezbollah, which is backed by Iran.")
    assert ("iran", "SUPPORT", "hezbollah") in found and ("iran", "SUPPORT", "hamas") not in found, found


def test_each_of_conjoined_demonyms_before_a_named_force_is_its_force(extractor) -> None:
    found = triples(extractor, "Saudi and Emirati forces attacked the Houthis.")
    assert ("saudi-armed-forces", "ASSAULT", "houthis") in found and ("uae-armed-forces", "ASSAULT", "houthis") in found, found


@pytest.mark.parametrize("text,subject,obj", [
    ("The strike, which was carried out by the U.S. military, killed a senior commander of Kataib Hezbollah.",
     "us-military", "kataib-hezbollah"),
    ("The raid, carried out by U.S. forces, targeted Kataib Hezbollah.", "us-military", "kataib-hezbollah"),
    ("The attack, which was claimed by Hamas, killed two Israelis.", "hamas", "israel"),
])
def test_the_one_an_act_was_carried_out_by_did_what_it_did(extractor, text: str, subject: str, obj: str) -> None:
    one(extractor, text, subject, "ASSAULT", obj)


def test_an_event_nouns_phrases_hung_on_a_plain_verb_are_still_its_own(extractor) -> None:
    one(extractor, "Hezbollah fired rockets at Israel, prompting retaliatory strikes by the Israeli army "
                   "on villages in south Lebanon.", "idf", "ASSAULT", "lebanon")
    # (an opening event noun NER took for a name is still read)
    one(extractor, "Strikes by Israel on Lebanon killed five people.", "israel", "ASSAULT", "lebanon")


def test_a_group_leaders_forces_are_his_groups(extractor) -> None:
    one(extractor, "Nasrallah said his forces had attacked Israel.", "hezbollah", "ASSAULT", "israel")
    # a head of state's are his state's
    one(extractor, "Erdogan said his army would strike the PKK.", "turkey", "THREATEN", "pkk")


def test_forces_sent_to_deter_a_party_are_no_help_to_it(extractor) -> None:
    found = triples(extractor, "The Pentagon said it was sending two additional destroyers to the eastern "
                               "Mediterranean to deter Iran and its proxies.")
    assert ("us-department-of-defense", "THREATEN", "iran") in found, found
    assert not any(r == "AID" for _s, r, _o in found), found


def test_a_head_title_with_an_appositive_name_leads_the_titles_owner(extractor) -> None:
    one(extractor, "The Hamas leader, Yahya Sinwar, spoke.", "yahya-sinwar", "LEADS", "hamas")
    found = triples(extractor, "The opposition leader, Yair Lapid, criticised Netanyahu.")
    assert not any(r == "LEADS" for _s, r, _o in found), found


def test_a_protest_against_an_attack_is_aimed_at_the_attacker(extractor) -> None:
    found = triples(extractor, "Iraq protested against Turkey's airstrike on Iraqi Kurdistan.")
    assert ("iraq", "PROTEST", "turkey") in found and ("iraq", "PROTEST", "krg") not in found, found


def test_acts_on_each_other_run_both_ways(extractor) -> None:
    found = triples(extractor, "Israel and Hamas blamed each other for the collapse of the talks.")
    assert ("israel", "ACCUSE", "hamas") in found and ("hamas", "ACCUSE", "israel") in found, found


def test_the_object_noun_names_the_act_before_the_preposition(extractor) -> None:
    found = triples(extractor, "Israel traded fire with Hezbollah.")
    assert ("israel", "ASSAULT", "hezbollah") in found and not any(r == "COOPERATE" for _s, r, _o in found), found
    one(extractor, "Iran traded with Iraq.", "iran", "COOPERATE", "iraq")


def test_telling_a_party_to_act_is_a_request(extractor) -> None:
    one(extractor, "Iran told the Houthis to halt attacks.", "iran", "REQUEST", "houthis")
    assert triples(extractor, "Biden told reporters that he was hopeful.") == []


def test_being_at_war_with_or_behind_a_killing(extractor) -> None:
    one(extractor, "The Houthis are at war with Saudi Arabia.", "houthis", "ASSAULT", "saudi-arabia")
    one(extractor, "Israel's Mossad was behind the killing of Ismail Haniyeh.", "mossad", "ASSAULT", "ismail-haniyeh")


def test_an_unnamed_coalition_a_state_leads_is_the_one_named_after_it(extractor) -> None:
    one(extractor, "Saudi Arabia, leading a coalition of nine countries, staged a military intervention in Yemen.",
        "saudi-arabia", "LEADS", "saudi-led-coalition")


@pytest.mark.parametrize("text,subject,relation,obj", [
    ("Israel launched a campaign of airstrikes on Gaza.", "israel", "ASSAULT", "palestine"),
    ("Trump launched a campaign of maximum pressure on Iran.", "donald-trump", "SANCTION", "iran"),
])
def test_acts_bunched_in_a_campaign_are_read(extractor, text: str, subject: str, relation: str, obj: str) -> None:
    one(extractor, text, subject, relation, obj)


@pytest.mark.parametrize("text,subject,relation,obj", [
    ("Israel's security cabinet approved an expanded military operation in Gaza City.", "israel", "ASSAULT", "palestine"),
    ("Israel is weighing a strike on Iran.", "israel", "ASSAULT", "iran"),
    ("Washington and Riyadh are close to finalising a defence pact.", "united-states", "AGREE", "saudi-arabia"),
    ("Israel did not confirm that it had killed Haniyeh.", "israel", "ASSAULT", "ismail-haniyeh"),
])
def test_acts_approved_weighed_nearly_done_or_unconfirmed_are_hedged(extractor, text: str, subject: str,
                                                                    relation: str, obj: str) -> None:
    found = one(extractor, text, subject, relation, obj)
    assert found.hedged and not found.negated, found
    # the verb 'close' hedges nothing
    assert not one(extractor, "Egypt closed the Rafah crossing.", "egypt", "COERCE", "palestine").hedged


def test_verbs_the_lemmatizer_takes_for_another_verb_are_read_as_themselves(extractor) -> None:
    # spaCy reads "waged" as "wag" and "hoped" as "hop"
    one(extractor, "The Houthis waged war on Saudi Arabia.", "houthis", "ASSAULT", "saudi-arabia")
    assert one(extractor, "Iran hoped to negotiate with the US.", "iran", "CONSULT", "united-states").hedged


def test_government_forces_are_the_state_the_story_is_about(extractor) -> None:
    found = triples(extractor, "Yemen's civil war began in 2014. Government forces attacked the Houthis.")
    assert ("yemen", "ASSAULT", "houthis") in found, found
    # with no state in view, no one
    assert triples(extractor, "Government forces attacked the rebels.") == []


def test_fighting_between_two_parties_runs_both_ways(extractor) -> None:
    found = triples(extractor, "Fighting between Yemeni government forces and the Houthis escalated.")
    assert ("yemen", "ASSAULT", "houthis") in found and ("houthis", "ASSAULT", "yemen") in found, found


def test_partners_in_a_joint_act_cooperate(extractor) -> None:
    found = triples(extractor, "Kurdish Peshmerga and Iraqi army units launched a joint operation against Islamic State.")
    assert ("peshmerga", "COOPERATE", "iraqi-security-forces") in found, found
    assert ("peshmerga", "ASSAULT", "islamic-state") in found, found


def test_a_one_sided_readiness_to_talk_is_not_mutual(extractor) -> None:
    found = triples(extractor, "Beirut was ready to negotiate with Israel.")
    assert ("lebanon", "AGREE", "israel") in found and ("israel", "AGREE", "lebanon") not in found, found


def test_a_leader_warning_of_his_states_attack_threatens(extractor) -> None:
    found = triples(extractor, "Erdogan warned that Turkey would launch a new offensive against the YPG.")
    assert ("turkey", "THREATEN", "ypg") in found and ("recep-tayyip-erdogan", "THREATEN", "turkey") not in found, found


@pytest.mark.parametrize("text,judge,relation,doer", [
    ("The IAEA board censured Iran, a move Tehran condemned as politically motivated.", "iran", "ACCUSE", "iaea"),
    ("Iran jailed a French citizen, a move Paris denounced as hostage diplomacy.", "france", "ACCUSE", "iran"),
    ("Israel annexed the Golan, a decision the US welcomed.", "united-states", "SUPPORT", "israel"),
])
def test_what_is_said_of_a_move_is_said_of_its_maker(extractor, text: str, judge: str, relation: str,
                                                     doer: str) -> None:
    one(extractor, text, judge, relation, doer)


def test_the_chief_of_a_named_service_leads_it(extractor) -> None:
    one(extractor, "Sudanese army chief Abdel Fattah al-Burhan visited Cairo.",
        "abdel-fattah-al-burhan", "LEADS", "sudanese-armed-forces")
    found = triples(extractor, "Sudanese army chief Abdel Fattah al-Burhan visited Cairo.")
    assert ("abdel-fattah-al-burhan", "LEADS", "sudan") not in found, found


def test_a_backed_group_word_before_a_name_backs_the_named_group(extractor) -> None:
    found = triples(extractor, "The Iranian-backed militia Kataib Hezbollah attacked US troops.")
    assert ("iran", "SUPPORT", "kataib-hezbollah") in found, found


def test_efforts_to_end_a_war_are_no_side_stepping_back(extractor) -> None:
    found = triples(extractor, "Egypt and Turkey pledged to coordinate their efforts to end the war in Sudan.")
    assert not any(o == "sudan" for _s, _r, o in found), found
    # a side halting its own offensive steps back
    one(extractor, "Israel halted its offensive in Gaza.", "israel", "RETREAT", "palestine")


def test_the_kingdom_is_the_last_kingdom(extractor) -> None:
    found = triples(extractor, "The US envoy visited Jordan. The kingdom rejected Israel's plan.")
    assert ("jordan", "REJECT", "israel") in found and ("united-states", "REJECT", "israel") not in found, found


def test_every_act_of_a_demand_is_asked_for_not_done(extractor) -> None:
    found = [t for t in extractor.extract(Article(id="t", text="Hamas rejected the Israeli demand that it "
                                                                "disarm and leave Gaza."))
             if t.relation == "RETREAT"]
    assert found and all(t.hedged for t in found), found


@pytest.mark.parametrize("text,wrong", [
    ("Iran criticised the new EU sanctions, a move the EU defended.", ("european-union", "SUPPORT", "iran")),
    ("Russia condemned the decision, a step Britain welcomed.", ("united-kingdom", "SUPPORT", "russia")),
])
def test_a_move_beside_a_judged_act_is_that_act_not_the_judgement(extractor, text: str, wrong: tuple) -> None:
    assert wrong not in triples(extractor, text)


def test_titles_with_other_modifiers_or_services(extractor) -> None:
    found = triples(extractor, "The Lebanese Druze leader, Walid Jumblatt, met Berri.")
    assert not any(r == "LEADS" for _s, r, _o in found), found
    one(extractor, "Israel's army chief, Herzi Halevi, resigned.", "herzi-halevi", "LEADS", "idf")
    assert triples(extractor, "In Iraq, former regime forces attacked US troops.") == []


@pytest.mark.parametrize("text", [
    "Israel did not confirm or deny that it struck the Iranian consulate.",
    "Iran did not deny that it struck Israel.",
])
def test_a_deed_not_denied_is_left_open(extractor, text: str) -> None:
    found = [t for t in extractor.extract(Article(id="t", text=text)) if t.relation == "ASSAULT"]
    assert found and all(t.hedged and not t.negated for t in found), found


def test_telling_a_news_agency_to_expect_something_asks_nothing(extractor) -> None:
    assert triples(extractor, "A Hamas official told Reuters to expect a response.") == []


@pytest.mark.parametrize("text,giver,helped,relation", [
    ("With Iranian support, the Houthis attacked shipping.", "iran", "houthis", "SUPPORT"),
    ("The Syrian army recaptured Aleppo with the help of Russian air power.", "russia", "syrian-arab-army", "AID"),
])
def test_help_an_act_is_done_with_is_its_givers_to_the_doer(extractor, text: str, giver: str, helped: str,
                                                              relation: str) -> None:
    one(extractor, text, giver, relation, helped)


@pytest.mark.parametrize("text,asker,asked", [
    ("Netanyahu rejected calls from French President Emmanuel Macron for an immediate ceasefire.",
     "emmanuel-macron", "benjamin-netanyahu"),
    ("Egypt turned down a U.S. request to open the crossing.", "united-states", "egypt"),
])
def test_a_request_answered_was_made_to_the_one_answering(extractor, text: str, asker: str, asked: str) -> None:
    one(extractor, text, asker, "REQUEST", asked)


def test_a_charge_denied_leaves_the_accusation_standing(extractor) -> None:
    found = one(extractor, "Egypt accused Israel of violating the treaty, a charge Israel denied.",
                "egypt", "ACCUSE", "israel")
    assert not found.negated, found


@pytest.mark.parametrize("text,relation", [
    ("Israel took control of the Philadelphi corridor.", "COERCE"),
    ("Israeli troops raided Tubas in the northern West Bank.", "ASSAULT"),
])
def test_gaza_and_west_bank_places_stand_for_palestine(extractor, text: str, relation: str) -> None:
    one(extractor, text, "israel", relation, "palestine")


@pytest.mark.parametrize("text,a,b", [
    ("Jordan and Iraq vowed to coordinate.", "jordan", "iraq"),
    ("Oman and Qatar agreed to cooperate on Yemen reconstruction.", "oman", "qatar"),
])
def test_a_joint_act_promised_by_two_is_with_each_other(extractor, text: str, a: str, b: str) -> None:
    found = triples(extractor, text)
    assert (a, "AGREE", b) in found and (b, "AGREE", a) in found, found
    assert all(o in (a, b) for _, _, o in found), found  # what they cooperate on is no party


def test_the_speaker_after_talks_with_someone_held_them(extractor) -> None:
    one(extractor, "Araghchi spoke to reporters after talks with Hakan Fidan.",
        "abbas-araghchi", "CONSULT", "hakan-fidan")
    assert ("israel", "CONSULT", "hamas") not in triples(
        extractor, "Israel struck Gaza after talks with Hamas collapsed.")


@pytest.mark.parametrize("text,caller,called,also", [
    ("Erdogan called Putin on Sunday.", "recep-tayyip-erdogan", "vladimir-putin", None),
    ("Macron called Netanyahu to urge a ceasefire.", "emmanuel-macron", "benjamin-netanyahu", "REQUEST"),
])
def test_calling_a_leader_is_a_call_and_its_purpose_is_said_to_them(extractor, text: str, caller: str,
                                                                    called: str, also: str | None) -> None:
    found = triples(extractor, text)
    assert (caller, "CONSULT", called) in found, found
    assert (caller, "REQUEST", called) in found if also else all(r != "REQUEST" for _, r, _ in found), found


def test_calling_up_reservists_or_calling_an_act_a_crime_is_no_call(extractor) -> None:
    assert triples(extractor, "Israel called up reservists.") == []
    found = triples(extractor, "Syria called Israel's strike a blatant aggression.")
    assert ("syria", "ACCUSE", "israel") in found and all(r != "CONSULT" for _, r, _ in found), found


def test_the_means_of_a_charged_deed_is_the_charged_ones(extractor) -> None:
    # (the parser hangs "by recognising" on the accusing)
    found = one(extractor, "Netanyahu rejected calls from Macron for a ceasefire, accusing Paris of rewarding "
                "terrorism by recognising a Palestinian state.", "france", "AGREE", "palestine")
    assert found.hedged, found  # alleged


@pytest.mark.parametrize("text,presser,pressed", [
    ("Despite pressure from Washington, Baghdad refused to expel the militias.", "united-states", "iraq"),
    ("Under pressure from Qatar, Hamas accepted the deal.", "qatar", "hamas"),
    ("Iraq faces Iranian pressure to keep the militias.", "iran", "iraq"),
])
def test_pressure_from_someone_presses_the_clause_subject(extractor, text: str, presser: str,
                                                          pressed: str) -> None:
    found = triples(extractor, text)
    assert (presser, "SANCTION", pressed) in found, found
    # (a refusal despite the pressure rejects the presser: "Baghdad refused ...")
    assert not any(s == pressed and o == presser and r != "REJECT" for s, r, o in found), found


def test_a_refusal_despite_pressure_rejects_the_presser(extractor) -> None:
    one(extractor, "Hezbollah refused to disarm despite pressure from Washington.", "hezbollah", "REJECT", "united-states")
    found = triples(extractor, "Hezbollah agreed to disarm despite pressure from Iran.")
    assert ("hezbollah", "REJECT", "iran") not in found, found


def test_their_ties_upgraded_by_two_are_no_meeting(extractor) -> None:
    found = triples(extractor, "Czechia and Albania have upgraded their diplomatic ties to ambassadorial level.")
    assert ("czechia", "SUPPORT", "albania") in found and not any(r == "CONSULT" for _, r, _ in found), found


def test_a_post_demanded_for_someone_is_not_held(extractor) -> None:
    found = extractor.extract(Article(id="t", text=(
        "Supporters of former President Ahmed Ben Bella blocked roads, demanding that he be reinstated as "
        "leader of the Algerian government.")))
    leads = [t for t in found if t.relation == "LEADS"]
    assert leads and all(t.hedged for t in leads), found


@pytest.mark.parametrize("text", [
    "Al-Sharaa, whose HTS group led the offensive, travelled to Riyadh.",  # parsed as a relative clause
    "Syrian interim President Ahmed al-Sharaa, whose Hayat Tahrir al-Sham group led the offensive that "
    "toppled Bashar al-Assad in December 2024, travelled to Riyadh for his first foreign visit.",  # two subjects
])
def test_the_verb_after_a_whose_clause_is_its_owners(extractor, text: str) -> None:
    found = triples(extractor, text)
    assert ("ahmed-al-sharaa", "CONSULT", "saudi-arabia") in found, found
    assert ("hts", "CONSULT", "saudi-arabia") not in found, found


@pytest.mark.parametrize("text,judge,relation,maker", [
    ("The IAEA censured Iran, a move welcomed by Israel.", "israel", "SUPPORT", "iaea"),
    ("Israel struck Beirut, a move condemned by France.", "france", "ACCUSE", "israel"),
])
def test_a_move_judged_by_someone_is_judged_of_its_maker(extractor, text: str, judge: str, relation: str,
                                                        maker: str) -> None:
    found = triples(extractor, text)
    assert (judge, relation, maker) in found, found
    assert not any(s == judge and o == "lebanon" for s, _, o in found), found  # not the place struck


def test_a_possessive_on_a_conjunct_is_the_actor_before_it(extractor) -> None:
    text = ("Jailed PKK leader Abdullah Ocalan called on the group to dissolve itself, a message welcomed by "
            "Turkey's ruling AK Party and its nationalist ally, the MHP.")
    found = triples(extractor, text)
    assert ("mhp", "ALLY_OF", "akp") in found and ("mhp", "ALLY_OF", "pkk") not in found, found


@pytest.mark.parametrize("text,person,relation,group", [
    ("Hamas official Basem Naim spoke to reporters.", "basem-naim", "MEMBER_OF", "hamas"),
    ("Hezbollah commander Fuad Shukr was killed.", "fuad-shukr", "MEMBER_OF", "hezbollah"),
    ("RSF commander Hemedti rejected the truce.", "hemedti", "LEADS", "rsf"),  # the gazetteer's head
    ("Hamas political chief Ismail Haniyeh visited Doha.", "ismail-haniyeh", "LEADS", "hamas"),
])
def test_a_title_after_an_organisation_ties_the_named_person_to_it(extractor, text: str, person: str,
                                                                   relation: str, group: str) -> None:
    one(extractor, text, person, relation, group)


def test_a_states_official_is_no_member_of_it(extractor) -> None:
    found = triples(extractor, "Iranian official Ali Shamkhani met the Saudi envoy.")
    assert not any(r in ("MEMBER_OF", "LEADS") for _, r, _ in found), found


@pytest.mark.parametrize("text", [
    "Naim Qassem, the secretary-general of Hezbollah, spoke on Sunday.",
    "Hezbollah's secretary-general, Naim Qassem, spoke on Sunday.",
])
def test_a_hyphenated_head_title_leads(extractor, text: str) -> None:
    one(extractor, text, "naim-qassem", "LEADS", "hezbollah")


def test_a_two_word_head_title_leads(extractor) -> None:
    one(extractor, "Rafael Grossi, the director general of the IAEA, visited Tehran.", "rafael-grossi", "LEADS", "iaea")


def test_a_group_noun_listing_its_members_by_name_is_those_members(extractor) -> None:
    found = triples(extractor, "Iran's allies, including Hamas and the Houthis, condemned Israel.")
    for group in ("hamas", "houthis"):
        assert (group, "ACCUSE", "israel") in found and (group, "ALLY_OF", "iran") in found, found
    assert not any("allies" in s for s, _, _ in found), found
    found = triples(extractor, "Iran-backed militias, such as Kataib Hezbollah, struck US bases.")
    assert ("iran", "SUPPORT", "kataib-hezbollah") in found, found


@pytest.mark.parametrize("text,found_triple,wrong", [
    ("Hamas receives much of its funding from Qatar.", ("qatar", "AID", "hamas"), ("hamas", "CONSULT", "qatar")),
    ("Erdogan received a delegation from Hamas.", ("recep-tayyip-erdogan", "CONSULT", "hamas"), None),
    ("Jordan hosts American troops.", ("jordan", "COOPERATE", "us-military"), ("jordan", "CONSULT", "us-military")),
])
def test_what_is_received_or_hosted_decides_the_relation(extractor, text: str, found_triple: tuple,
                                                          wrong: tuple | None) -> None:
    found = triples(extractor, text)
    assert found_triple in found and wrong not in found, found


def test_a_fronted_passive_participle_is_said_of_the_main_subject(extractor) -> None:
    one(extractor, "Armed by Iran, Hezbollah fired rockets at Israel.", "iran", "AID", "hezbollah")
    # a passive with a subject of its own ("the town was shelled") is no fronted participle
    found = triples(extractor, "Iran attacked Israel on Monday. The attack came after Metula was shelled by Israeli forces.")
    assert not any(o == "iran" and r == "ASSAULT" for _, r, o in found), found


def test_closing_airspace_to_someone_is_no_closeness(extractor) -> None:
    found = triples(extractor, "Turkey closed its airspace to Israeli aircraft.")
    assert ("turkey", "SANCTION", "israel") in found and ("turkey", "ALLY_OF", "israel") not in found, found
    one(extractor, "Hamas is close to Iran.", "hamas", "ALLY_OF", "iran")


def test_joining_states_in_an_act_is_no_membership(extractor) -> None:
    assert not any(r == "MEMBER_OF" for _, r, _ in triples(
        extractor, "Spain recognised a Palestinian state, joining Ireland and Norway."))
    one(extractor, "Sweden joined NATO.", "sweden", "MEMBER_OF", "nato")


@pytest.mark.parametrize("text,actor,relation,target", [
    ("Israeli strikes on Beirut prompted Hezbollah to fire rockets at Israel.", "hezbollah", "ASSAULT", "israel"),
])
def test_the_object_of_prompt_or_expect_does_what_follows(extractor, text: str, actor: str, relation: str,
                                                           target: str) -> None:
    found = triples(extractor, text)
    assert any(t[0] == actor and t[2] == target for t in found), found
    assert not any(s in ("israel", "jordan") and o == target and r == relation for s, r, o in found), found


def test_their_of_two_conjoined_subjects_is_theirs(extractor) -> None:
    text = ("Egypt and Jordan, whose talks were hosted by Qatar last year, held a meeting of their "
            "joint committee in Amman.")
    found = triples(extractor, text)
    assert ("egypt", "CONSULT", "jordan") in found, found
    assert not any(s in ("egypt", "jordan") and o == "qatar" for s, _, o in found), found


def test_members_that_make_up_a_body(extractor) -> None:
    found = triples(extractor, "Kuwait and Oman make up the GCC.")
    assert ("kuwait", "MEMBER_OF", "gcc") in found and ("oman", "MEMBER_OF", "gcc") in found, found
    # the passive lists members as before; a body that only owns the thing made up has none
    found = triples(extractor, "The GCC is composed of Saudi Arabia, Kuwait and Qatar.")
    assert {("saudi-arabia", "MEMBER_OF", "gcc"), ("qatar", "MEMBER_OF", "gcc")} <= set(found), found
    assert triples(extractor, "Hezbollah fighters made up the Syrian army's spearhead in Qusayr.") == []


def test_a_commitment_welcomed_by_others_is_supported_not_agreed_with(extractor) -> None:
    found = triples(extractor, "Iraq pledged to disarm the militias, a commitment welcomed by Washington and London.")
    assert ("united-states", "SUPPORT", "iraq") in found and ("united-kingdom", "SUPPORT", "iraq") in found, found
    assert not any(s == "iraq" and r == "AGREE" for s, r, _ in found), found


def test_the_agent_of_a_means_event_after_by_is_the_agent(extractor) -> None:
    found = triples(extractor, "The killing of the Hamas commander by an Israeli strike on Rafah was confirmed on Monday.")
    assert ("israel", "ASSAULT", "hamas") in found, found
    assert not any(s == "palestine" for s, _, _ in found), found


def test_it_said_by_one_speaker_is_the_speaker(extractor) -> None:
    found = triples(extractor, "Kataib Hezbollah, which Washington blacklisted in 2009, said it would attack US forces.")
    assert any(s == "kataib-hezbollah" and o == "us-military" for s, _, o in found), found
    assert not any(s == "united-states" and o == "us-military" for s, _, o in found), found


@pytest.mark.parametrize("text,expected,wrong", [
    ("Jordan joined the talks with Hamas.", ("jordan", "CONSULT", "hamas"), ("jordan", "MEMBER_OF", "hamas")),
    ("Britain joined US strikes on the Houthis.", ("united-kingdom", "ASSAULT", "houthis"),
     ("united-kingdom", "MEMBER_OF", "houthis")),
])
def test_joining_an_act_is_doing_it(extractor, text: str, expected: tuple, wrong: tuple) -> None:
    found = triples(extractor, text)
    assert expected in found and wrong not in found, found


def test_not_joining_an_act_leaves_its_doers_act_standing(extractor) -> None:
    found = {(t.subject.id, t.object.id): t.negated for t in extractor.extract(
        Article(id="t", text="France did not join the US strikes on Iran.")) if t.relation == "ASSAULT"}
    assert found == {("united-states", "iran"): False, ("france", "iran"): True}, found


def test_officials_of_several_states_stand_for_each(extractor) -> None:
    found = triples(extractor, "The foreign ministers of Egypt and Jordan met in Amman.")
    assert ("egypt", "CONSULT", "jordan") in found and ("jordan", "CONSULT", "egypt") in found, found


def test_an_act_done_in_coordination_with_someone_is_cooperation(extractor) -> None:
    found = triples(extractor, "Turkish forces struck the PKK in coordination with Iraq.")
    assert ("turkish-armed-forces", "COOPERATE", "iraq") in found, found
    assert ("turkish-armed-forces", "ASSAULT", "pkk") in found, found


def test_a_comma_participle_is_not_negated_by_its_governor(extractor) -> None:
    found = extractor.extract(Article(id="t", text="Israel did not strike the hospital, blaming Hamas for the blast."))
    blame = [t for t in found if (t.subject.id, t.relation, t.object.id) == ("israel", "ACCUSE", "hamas")]
    assert blame and not blame[0].negated, found


def test_one_seen_as_a_patron_is_the_patron(extractor) -> None:
    one(extractor, "The Emirates is widely seen as the RSF's main foreign patron.", "united-arab-emirates", "AID", "rsf")


@pytest.mark.parametrize("text,person,led", [
    ("Mahmoud Abbas, the Palestinian president, met Blinken.", "mahmoud-abbas", "palestine"),
    ("Yahya Sinwar, the Hamas leader, was killed.", "yahya-sinwar", "hamas"),
])
def test_a_head_title_after_the_name_leads(extractor, text: str, person: str, led: str) -> None:
    one(extractor, text, person, "LEADS", led)


def test_an_act_judged_by_someone_is_judged_of_its_maker(extractor) -> None:
    one(extractor, "Israel annexed the area, an act Jordan denounced as illegal.", "jordan", "ACCUSE", "israel")


def test_a_deed_in_a_denied_report_with_an_author_is_negated(extractor) -> None:
    found = one(extractor, "The UAE denied a report by UN experts that it had shipped weapons to the RSF.",
                "united-arab-emirates", "AID", "rsf")
    assert found.negated, found


def test_a_relative_named_by_first_name_is_not_the_famous_namesake(extractor) -> None:
    found = extractor.extract(Article(id="t", text="Haftar's son Saddam held talks in Washington with State Department officials."))
    assert found and all(t.subject.id != "saddam-hussein" for t in found), found
    assert all(t.subject.country == "LBY" for t in found if t.subject.name == "Saddam"), found
    found = triples(extractor, "Sheikh Tahnoon bin Zayed met President Trump in Washington.")
    assert not any("mohamed-bin-zayed" in (s, o) for s, _, o in found), found


@pytest.mark.parametrize("text,person,led", [
    ("Mahmoud Abbas, the 89-year-old Palestinian president, spoke.", "mahmoud-abbas", "palestine"),
    ("Houthi leader Abdul-Malik al-Houthi vowed to keep fighting.", "abdul-malik-al-houthi", "houthis"),
    ("The palace fell, a major victory for army chief Abdel Fattah al-Burhan.", "abdel-fattah-al-burhan",
     "sudanese-armed-forces"),  # the gazetteer's head
])
def test_head_titles_with_ages_hyphened_names_or_no_owner(extractor, text: str, person: str, led: str) -> None:
    one(extractor, text, person, "LEADS", led)


def test_a_comment_on_an_act_names_no_party_of_it(extractor) -> None:
    found = triples(extractor, "The Sudanese army recaptured the palace, a major victory for army chief Abdel Fattah al-Burhan.")
    assert not any(r == "ASSAULT" for _, r, _ in found), found


def test_a_possessive_in_the_reason_is_the_one_acted_on(extractor) -> None:
    found = triples(extractor, "Washington and London sanctioned the Houthis over their attacks on Israel.")
    assert ("houthis", "ASSAULT", "israel") in found, found
    assert not any(s in ("united-states", "united-kingdom") and o == "israel" for s, _, o in found), found
    found = triples(extractor, "Egypt and Jordan condemned Hamas for their attack on Israel.")
    assert ("hamas", "ASSAULT", "israel") in found and ("egypt", "ASSAULT", "israel") not in found, found


@pytest.mark.parametrize("text", [
    "The EU said it was up to Israel to allow aid into Gaza.",
    "Iran said it was impossible to negotiate with the United States.",
])
def test_a_dummy_it_in_speech_is_no_speaker(extractor, text: str) -> None:
    assert not any(s in ("european-union", "iran") for s, _, _ in triples(extractor, text))


@pytest.mark.parametrize("text", ["Israel called Iran's bluff.", "Erdogan called Netanyahu Hitler."])
def test_calling_a_bluff_or_a_name_is_no_phone_call(extractor, text: str) -> None:
    assert not any(r == "CONSULT" for _, r, _ in triples(extractor, text))


def test_a_cause_that_leads_someone_to_act_leads_no_one(extractor) -> None:
    found = triples(extractor, "Israel's strikes led Hezbollah to retaliate against Israel.")
    assert ("hezbollah", "ASSAULT", "israel") in found and not any(r == "LEADS" for _, r, _ in found), found
    assert not any(r == "LEADS" for _, r, _ in triples(extractor, "Saudi Arabia led the coalition against the Houthis."))


def test_what_talks_are_on_is_no_party_to_them(extractor) -> None:
    found = triples(extractor, "Iran joined Russia's talks with Turkey on Syria.")
    assert ("iran", "CONSULT", "turkey") in found and not any(o == "syria" for _, _, o in found), found
    one(extractor, "Israel's war on Gaza continued.", "israel", "ASSAULT", "palestine")


def test_talks_during_a_passive_are_the_patients(extractor) -> None:
    found = triples(extractor, "Iran was attacked by Israel during talks with the United States.")
    assert ("iran", "CONSULT", "united-states") in found and ("israel", "CONSULT", "united-states") not in found, found


def test_a_purpose_to_fight_someone_is_not_fought_back(extractor) -> None:
    found = triples(extractor, "Turkey sent troops to fight the PKK.")
    assert ("turkey", "ASSAULT", "pkk") in found and ("pkk", "ASSAULT", "turkey") not in found, found
    found = triples(extractor, "Israel and Hamas fought in Gaza.")
    assert ("hamas", "ASSAULT", "israel") in found, found


def test_a_request_naming_its_addressee_is_made_to_that_one(extractor) -> None:
    found = triples(extractor, "Khamenei dismissed U.S. calls for Iran to abandon uranium enrichment as excessive.")
    assert ("united-states", "REQUEST", "iran") in found and ("united-states", "REQUEST", "ali-khamenei") not in found, found


def test_a_duty_of_the_speakers_own_state_is_asked_of_no_one(extractor) -> None:
    found = triples(extractor, "Lebanon's President Joseph Aoun told U.S. envoy Tom Barrack that the state alone must hold weapons.")
    assert not any(r == "REQUEST" for _, r, _ in found), found
    one(extractor, "Macron said Israel must stop the war.", "emmanuel-macron", "REQUEST", "israel")


def test_a_move_labelled_a_threat_accuses_its_maker(extractor) -> None:
    found = triples(extractor, "The RSF announced a rival government, a move condemned by Egypt as a threat to Sudan's unity.")
    assert ("egypt", "ACCUSE", "rsf") in found and ("egypt", "ACCUSE", "sudan") not in found, found


def test_leading_a_crowd_somewhere_leads_no_body(extractor) -> None:
    assert not any(r == "LEADS" for _, r, _ in triples(extractor, "Ben-Gvir led thousands of nationalists to the Al-Aqsa compound."))
    one(extractor, "Netanyahu led Likud to victory.", "benjamin-netanyahu", "LEADS", "likud")


def test_an_act_labelled_by_its_place_accuses_no_place(extractor) -> None:
    found = triples(extractor, "Lammy called the expansion of the Gaza offensive morally unjustifiable.")
    assert not any(r == "ACCUSE" and o == "palestine" for _, r, o in found), found


def test_a_bodys_sanctions_enforced_by_states_are_the_states_act(extractor) -> None:
    found = extractor.extract(Article(id="t", text="Russia said it would not enforce the restored UN sanctions on Iran."))
    assert any((t.subject.id, t.relation, t.object.id) == ("russia", "SANCTION", "iran") and t.negated for t in found), found


@pytest.mark.parametrize("text,relation,group", [
    ("Kataib Hezbollah, one of the most powerful Iran-aligned militias in Iraq, attacked US bases.", "ALLY_OF",
     "kataib-hezbollah"),
    ("Kataib Hezbollah is an Iran-backed militia.", "SUPPORT", "kataib-hezbollah"),
    ("The Islamic Resistance in Iraq, an umbrella of Tehran-backed armed factions, claimed the attack.", "SUPPORT",
     "islamic-resistance-in-iraq"),
])
def test_a_backed_or_aligned_group_noun_describing_a_named_group_is_that_group(extractor, text: str, relation: str,
                                                                               group: str) -> None:
    found = triples(extractor, text)
    assert ("iran", relation, group) in found, found
    assert not any(s == "iran" and ("militia" in o or "faction" in o) for s, _, o in found), found


@pytest.mark.parametrize("text", [
    "The YPG is the backbone of the SDF.",
    "The SDF, whose backbone is the Kurdish YPG militia, agreed to integrate.",
])
def test_the_backbone_of_a_group_is_its_member(extractor, text: str) -> None:
    one(extractor, text, "ypg", "MEMBER_OF", "sdf")


def test_the_core_of_a_problem_is_no_membership(extractor) -> None:
    assert triples(extractor, "The core of the problem is Iran.") == []


def test_an_act_attributed_to_someone_is_theirs_alleged(extractor) -> None:
    found = one(extractor, "The assassination of Hamas leader Ismail Haniyeh in Tehran, widely attributed to Israel, "
                "prompted Iran to vow revenge.", "israel", "ASSAULT", "ismail-haniyeh")
    assert found.hedged, found


def test_two_agreeing_somewhere_agree_with_each_other_not_the_host(extractor) -> None:
    found = triples(extractor, "Saudi Arabia and Iran agreed in Beijing to restore diplomatic ties.")
    assert ("saudi-arabia", "AGREE", "iran") in found and ("iran", "AGREE", "saudi-arabia") in found, found
    assert not any(o == "china" for _, _, o in found), found


def test_an_envoy_and_his_body_are_one_subject(extractor) -> None:
    found = triples(extractor, "UN special envoy Hans Grundberg urged the warring parties to extend the truce.")
    assert not any({s, o} == {"hans-grundberg", "united-nations"} and r == "REQUEST" for s, r, o in found), found


def test_welcoming_a_ceasefire_together_is_no_support_of_each_other(extractor) -> None:
    found = triples(extractor, "Egypt and the United Arab Emirates welcomed the ceasefire signed in Geneva.")
    assert not any({s, o} == {"egypt", "united-arab-emirates"} for s, _, o in found), found
    found = triples(extractor, "Both Israel and Hamas violated the truce.")
    assert ("hamas", "ASSAULT", "israel") in found, found


def test_cooperation_against_a_foe_is_none_with_it(extractor) -> None:
    found = triples(extractor, "Sweden and Finland agreed to step up cooperation against the PKK.")
    assert not any(o == "pkk" and r == "COOPERATE" for _, r, o in found), found


def test_a_step_said_to_be_illegal_accuses_its_maker(extractor) -> None:
    one(extractor, "Israel annexed the area, a step the EU said was illegal.", "european-union", "ACCUSE", "israel")
    assert triples(extractor, "Iran said the sanctions were illegal.") == []


def test_facing_charges_accuses_no_one_named(extractor) -> None:
    found = triples(extractor, "Qatar faced charges of funding Hamas.")
    assert ("qatar", "ACCUSE", "hamas") not in found, found
    one(extractor, "Israel drew condemnation from Turkey.", "turkey", "ACCUSE", "israel")


def test_a_conclusion_dismissed_rejects_its_maker(extractor) -> None:
    one(extractor, "The IAEA found traces of uranium, a conclusion Moscow dismissed as politicised.",
        "russia", "REJECT", "iaea")


def test_a_people_s_leader_leads_no_state(extractor) -> None:
    found = triples(extractor, "Iraqi Kurdish leader Masoud Barzani criticised Turkish shelling.")
    assert ("masoud-barzani", "LEADS", "iraq") not in found and ("masoud-barzani", "LEADS", "kdp") in found, found
    one(extractor, "Iranian President Masoud Pezeshkian visited Baghdad.", "masoud-pezeshkian", "LEADS", "iran")


def test_the_rebels_point_back_to_the_group_before_them(extractor) -> None:
    found = triples(extractor, "The Houthis seized a cargo ship. The rebels said they would keep attacking Israel.")
    assert ("houthis", "THREATEN", "israel") in found, found
    found = triples(extractor, "Hamas fighters attacked Israel. The militants also took hostages from Israel.")
    assert ("hamas", "COERCE", "israel") in found and not any("militants" in s for s, _, _ in found), found


def test_no_group_before_them_leaves_the_rebels_their_own(extractor) -> None:
    # nothing to point back to: still armed men, not the state the sentence names
    found = triples(extractor, "The militants also took hostages from Israel.")
    assert not any(s == "israel" for s, _, _ in found), found


def test_a_reason_phrase_names_no_party_of_the_act(extractor) -> None:
    found = triples(extractor, "The Houthis attacked ships in support of Gaza.")
    assert ("houthis", "SUPPORT", "palestine") in found and ("houthis", "ASSAULT", "palestine") not in found, found
    found = triples(extractor, "Israel struck Gaza in response to Hamas rocket fire.")
    assert ("israel", "ASSAULT", "palestine") in found and ("israel", "ASSAULT", "hamas") not in found, found


def test_in_solidarity_with_is_support_however_it_is_parsed(extractor) -> None:
    one(extractor, "Hezbollah said it was acting in solidarity with Hamas.", "hezbollah", "SUPPORT", "hamas")
    found = triples(extractor, "The Houthis attacked ships in solidarity with the Palestinians.")
    assert ("houthis", "SUPPORT", "palestine") in found and ("houthis", "ASSAULT", "palestine") not in found, found
    found = triples(extractor, "Hezbollah fired rockets at Israel in solidarity with Hamas.")
    assert ("hezbollah", "ASSAULT", "israel") in found and ("hezbollah", "SUPPORT", "hamas") in found, found


def test_selling_arms_to_a_state_is_aid(extractor) -> None:
    one(extractor, "Russia sold S-400 missiles to Turkey.", "russia", "AID", "turkey")
    found = triples(extractor, "Washington approved the sale of F-35 jets to the UAE.")
    assert ("united-states", "AID", "united-arab-emirates") in found, found
    one(extractor, "Turkey's dispatch of drones to Libya angered Egypt.", "turkey", "AID", "libya")


def test_a_violation_told_in_a_relative_clause_accuses_the_act_s_maker(extractor) -> None:
    one(extractor, "Israel expanded settlements in the West Bank, a move the UN said violated international law.",
        "united-nations", "ACCUSE", "israel")
    found = triples(extractor, "Turkey launched strikes on the PKK, which Iraq said violated its sovereignty.")
    assert ("iraq", "ACCUSE", "turkey") in found and ("iraq", "ACCUSE", "pkk") not in found, found


def test_denying_an_allegation_rejects_the_accuser(extractor) -> None:
    one(extractor, "Israel accused Iran of arming Hezbollah, an allegation Tehran denied.", "iran", "REJECT", "israel")
    one(extractor, "Saudi Arabia blamed Iran for the attack, a claim Iran dismissed.", "iran", "REJECT", "saudi-arabia")
    one(extractor, "The US accused Qatar of funding Hamas. Qatar rejected the charges.",
        "qatar", "REJECT", "united-states")


def test_settlements_in_the_plural_are_no_agreement(extractor) -> None:
    found = triples(extractor, "Israel expanded settlements in the West Bank.")
    assert not any(r == "AGREE" for _, r, _ in found), found
    one(extractor, "The rebels reached a settlement with the government of Sudan.", "sudanese-rebels", "AGREE", "sudan")


def test_reaching_an_agreement_together_is_agreeing_with_each_other(extractor) -> None:
    found = triples(extractor, "The KRG and Baghdad reached an agreement on oil exports.")
    assert ("krg", "AGREE", "iraq") in found and ("iraq", "AGREE", "krg") in found, found
    one(extractor, "Israel reached an agreement with Hamas.", "israel", "AGREE", "hamas")


def test_a_joint_act_after_a_meeting_is_with_the_one_met(extractor) -> None:
    one(extractor, "Araqchi met IAEA chief Rafael Grossi in Tehran and agreed on a new framework.",
        "abbas-araghchi", "AGREE", "rafael-grossi")
    one(extractor, "Iran held talks with Saudi Arabia and agreed to reopen embassies.", "iran", "AGREE", "saudi-arabia")
    # not an act of another kind: criticising is no joint act with the one met
    found = triples(extractor, "Erdogan met Putin and criticised NATO.")
    assert ("recep-tayyip-erdogan", "ACCUSE", "vladimir-putin") not in found, found


def test_fighting_that_erupted_between_two_sides_is_theirs(extractor) -> None:
    found = triples(extractor, "Fighting erupted between the Sudanese army and the RSF in April 2023.")
    assert ("sudanese-armed-forces", "ASSAULT", "rsf") in found and ("rsf", "ASSAULT", "sudanese-armed-forces") in found, found
    found = triples(extractor, "Talks resumed between Iran and the United States in Muscat.")
    assert ("iran", "CONSULT", "united-states") in found and not any(o == "oman" for _, _, o in found), found


def test_a_bare_head_of_state_title_places_the_person_once_an_article(extractor) -> None:
    one(extractor, "Prime Minister Nawaf Salam met the Hezbollah leadership.", "nawaf-salam", "LEADS", "lebanon")
    one(extractor, "Lebanese President Joseph Aoun urged Hezbollah to disarm.", "joseph-aoun", "LEADS", "lebanon")
    text = "President Joseph Aoun urged Hezbollah to disarm. President Joseph Aoun also met Macron."
    leads = [t for t in extractor.extract(Article(id="t", text=text)) if t.relation == "LEADS"]
    assert [(t.subject.id, t.object.id, t.sentence.index) for t in leads] == [("joseph-aoun", "lebanon", 0)], leads
    # a former head led once: the tie is told as past (historical), as the dev gold codes it
    for text, person, state in (("The former Iranian president Hassan Rouhani criticised the deal.",
                                 "hassan-rouhani", "iran"),
                                ("Former President Donald Trump criticised Iran.", "donald-trump", "united-states")):
        assert one(extractor, text, person, "LEADS", state).historical, text
    assert not one(extractor, "Iranian President Masoud Pezeshkian visited Baghdad.",
                   "masoud-pezeshkian", "LEADS", "iran").historical


def test_a_person_s_group_is_the_one_he_leads(extractor) -> None:
    one(extractor, "Haftar's Libyan National Army shot down a Turkish drone.",
        "khalifa-haftar", "LEADS", "libyan-national-army")
    assert not any(r == "LEADS" for _, r, _ in triples(extractor, "His Hezbollah fighters attacked Israel."))
    # a patron's group is no group he heads
    assert not any(r == "LEADS" for _, r, _ in triples(extractor, "Khamenei's Hezbollah fired rockets at Israel."))


def test_a_commander_leads_the_one_force_named_before_him(extractor) -> None:
    found = triples(extractor, "The Sudanese army and the RSF, commanded by Hemedti, have fought since April 2023.")
    assert ("hemedti", "LEADS", "rsf") in found and ("hemedti", "LEADS", "sudanese-armed-forces") not in found, found
    found = triples(extractor, "Fighting erupted between the Sudanese army, led by General Abdel Fattah al-Burhan, "
                               "and the paramilitary RSF commanded by Hemedti.")
    assert ("abdel-fattah-al-burhan", "LEADS", "rsf") not in found, found
    assert ("hemedti", "LEADS", "sudanese-armed-forces") not in found, found
    # backing may be of both
    found = triples(extractor, "The Houthis and Hamas, backed by Iran, attacked Israel.")
    assert ("iran", "SUPPORT", "houthis") in found and ("iran", "SUPPORT", "hamas") in found, found


def test_the_agency_points_back_to_the_body_named_before(extractor) -> None:
    one(extractor, "Iran met the IAEA chief in Vienna. Later, Tehran suspended cooperation with the agency.",
        "iran", "SANCTION", "iaea")
    one(extractor, "The EU imposed sanctions on Iran. The bloc also warned Russia.", "european-union", "THREATEN", "russia")


@pytest.mark.parametrize("text", [
    "Syrian refugees returned from Lebanon.",
    "Thousands of displaced Palestinians returned to northern Gaza.",
    "Iranian citizens left Israel.",
])
def test_civilians_going_home_or_away_are_no_state_s_retreat(extractor, text: str) -> None:
    assert not any(r == "RETREAT" for _, r, _ in triples(extractor, text)), triples(extractor, text)


def test_troops_leaving_are_still_their_state_s_retreat(extractor) -> None:
    one(extractor, "Syrian troops left Lebanon in 2005.", "syria", "RETREAT", "lebanon")


def test_an_order_to_one_s_own_forces_is_the_ordered_act(extractor) -> None:
    found = triples(extractor, "Erdogan ordered the army to strike the PKK.")
    assert ("recep-tayyip-erdogan", "ASSAULT", "pkk") in found and not any(r in ("COERCE", "REQUEST")
                                                                           for _, r, _ in found), found
    t = one(extractor, "Khamenei ordered the IRGC to attack Israel.", "irgc", "ASSAULT", "israel")
    assert t.hedged  # ordered, not yet done
    found = triples(extractor, "Netanyahu ordered the army to withdraw from Gaza.")
    assert ("benjamin-netanyahu", "RETREAT", "palestine") in found and ("benjamin-netanyahu", "REQUEST", "palestine") \
        not in found, found
    # an order to others is still a demand on them
    one(extractor, "Israel ordered residents of northern Gaza to leave.", "israel", "REQUEST", "palestine")


def test_dropping_a_veto_gives_way(extractor) -> None:
    found = triples(extractor, "Turkey dropped its veto on Sweden's NATO membership.")
    assert ("turkey", "CONCEDE", "sweden") in found and not any(r == "REJECT" for _, r, _ in found), found


def test_the_jewish_state_is_israel(extractor) -> None:
    found = triples(extractor, "The UAE and Bahrain established formal ties with the Jewish state.")
    assert ("united-arab-emirates", "CONSULT", "israel") in found and ("bahrain", "CONSULT", "israel") in found
    assert ("united-arab-emirates", "CONSULT", "bahrain") not in found, found


def test_the_name_right_before_a_gerund_does_it(extractor) -> None:
    found = triples(extractor, "Ankara lifted its objection to Finland joining NATO.")
    assert ("finland", "MEMBER_OF", "nato") in found and ("turkey", "MEMBER_OF", "nato") not in found, found


def test_a_head_title_with_of_leads_the_body_named(extractor) -> None:
    found = triples(extractor, "Prime Minister Abdul Hamid Dbeibah of the Government of National Unity met Erdogan.")
    assert ("abdul-hamid-dbeibah", "LEADS", "government-of-national-accord") in found, found
    assert not any(r == "AFFILIATED_WITH" for _, r, _ in found), found
    # no head title: one of its people
    found = triples(extractor, "Ali Vaez of the International Crisis Group said Iran was isolated.")
    assert not any(r == "LEADS" for _, r, _ in found), found


def test_an_honorific_between_title_and_name_is_passed_over(extractor) -> None:
    one(extractor, "Supreme Leader Ayatollah Ali Khamenei rejected talks with the United States.",
        "ali-khamenei", "LEADS", "iran")


def test_a_list_of_actors_each_in_its_place(extractor) -> None:
    found = triples(extractor, "Iran has armed Hezbollah in Lebanon, the Houthis in Yemen and militias in Iraq.")
    assert {("iran", "AID", "hezbollah"), ("iran", "AID", "houthis")} <= set(found), found
    assert not any(o in ("lebanon", "yemen") for _, _, o in found), found


def test_a_speaker_s_second_act_after_a_reported_clause_is_his(extractor) -> None:
    t = one(extractor, "Erdogan said Turkey would not allow a terror corridor and threatened the SDF.",
            "recep-tayyip-erdogan", "THREATEN", "sdf")
    assert not t.negated and not t.hedged  # the 'would not' is the reported clause's


def test_saying_another_committed_a_crime_accuses_it(extractor) -> None:
    one(extractor, "Washington determined that the RSF had committed genocide.", "united-states", "ACCUSE", "rsf")
    assert not any(r == "ACCUSE" for _, r, _ in triples(extractor, "The UN said the Houthis had committed to the truce."))


def test_dispatching_rescue_teams_is_aid(extractor) -> None:
    one(extractor, "Greece dispatched rescue teams to Turkey after the earthquake.", "greece", "AID", "turkey")


def test_a_stance_on_an_act_in_the_passive_is_one_on_its_author(extractor) -> None:
    one(extractor, "Athens' dispatch of rescue teams to Turkey was welcomed by Ankara.", "turkey", "SUPPORT", "greece")
    found = triples(extractor, "Israel's strike on Doha was condemned by Qatar.")
    assert ("qatar", "ACCUSE", "israel") in found and ("israel", "ASSAULT", "qatar") in found, found


@pytest.mark.parametrize("text", [
    "Iran sold oil to China.",
    "Israel proposed the transfer of Palestinians from Gaza to Egypt.",
    "The US began an airlift of Americans out of Israel.",
])
def test_moving_what_is_no_help_is_no_aid(extractor, text: str) -> None:
    assert not any(r == "AID" for _, r, _ in triples(extractor, text)), triples(extractor, text)


def test_the_rebels_are_no_army_nor_a_group_named_beside_them(extractor) -> None:
    found = triples(extractor, "The Syrian army, backed by Hezbollah, attacked the rebels in Idlib.")
    assert ("syrian-arab-army", "ASSAULT", "hezbollah") not in found, found
    found = triples(extractor, "The Syrian army retook Palmyra. The rebels shelled Damascus.")
    assert not any(s == "syrian-arab-army" and r == "ASSAULT" and o == "syria" for s, r, o in found), found


def test_the_agency_is_a_body_so_named(extractor) -> None:
    found = triples(extractor, "The IAEA board met in Vienna as the EU weighed new sanctions on Iran. "
                               "The agency urged Tehran to cooperate.")
    assert ("iaea", "REQUEST", "iran") in found and ("european-union", "REQUEST", "iran") not in found, found


def test_review_near_misses_of_this_session_s_rules(extractor) -> None:
    # the Americans leaving are a retreat, not civilians going home
    one(extractor, "The Americans left Afghanistan in August 2021.", "united-states", "RETREAT", "afghanistan")
    # a president-elect heads nothing yet; a region's president heads the region
    assert not any(r == "LEADS" for _, r, _ in triples(extractor, "President-elect Donald Trump met Netanyahu."))
    one(extractor, "President Nechirvan Barzani met Erdogan in Ankara.", "nechirvan-barzani", "LEADS", "krg")
    # a material act after a reported clause may be the reported subject's: not the speaker's
    found = triples(extractor, "US officials said Iran would deliver missiles to Russia and supplied drones "
                               "to Moscow last year.")
    assert ("united-states", "AID", "russia") not in found, found
    # a target right before a gerund is no doer
    found = triples(extractor, "Israel waged a war against Hamas killing tens of thousands of Palestinians.")
    assert ("hamas", "ASSAULT", "palestine") not in found, found
    # the Security Council has no army of its own
    one(extractor, "The Security Council ordered the army to withdraw from Gaza.", "un-security-council", "REQUEST",
        "palestine")
    # protest is aimed at its object
    one(extractor, "Jordan recalled its ambassador in protest against Israel's strikes on Gaza.",
        "jordan", "SANCTION", "israel")
    # fighting that ended is no fighting
    assert not any(r == "ASSAULT" for _, r, _ in triples(extractor, "Fighting ended between Israel and Iran "
                                                                    "after twelve days."))


def test_an_extradition_is_cooperation_with_the_receiving_state(extractor) -> None:
    found = triples(extractor, "Turkey extradited a suspected Islamic State member to Iraq.")
    assert ("turkey", "COOPERATE", "iraq") in found and ("turkey", "COOPERATE", "islamic-state") not in found, found


def test_a_prisoner_swap_and_a_request_by_possessive(extractor) -> None:
    found = triples(extractor, "Israel and Hamas swapped prisoners under the Qatari-brokered deal.")
    assert ("israel", "RETREAT", "hamas") in found and ("hamas", "RETREAT", "israel") in found, found
    assert not any(o == "qatar" for _, _, o in found), found
    one(extractor, "Qatar hosted the Taliban's political office at Washington's request.",
        "united-states", "REQUEST", "qatar")


def test_avenging_an_act_is_aimed_at_its_author(extractor) -> None:
    found = triples(extractor, "Hezbollah vowed to avenge the killing of its commander Fuad Shukr "
                               "in an Israeli strike on Beirut.")
    assert ("hezbollah", "THREATEN", "israel") in found and ("israel", "ASSAULT", "fuad-shukr") in found, found
    assert not any(s == "hezbollah" and o in ("lebanon", "fuad-shukr") for s, _, o in found), found
    # no author told: aimed at no one named
    assert triples(extractor, "The Houthis avenged the strikes on Sanaa.") == []


def test_a_killing_in_a_strike_is_the_strike_s_author_s(extractor) -> None:
    one(extractor, "The killing of Hamas leader Ismail Haniyeh in an Israeli strike in Tehran drew condemnation.",
        "israel", "ASSAULT", "ismail-haniyeh")


def test_his_group_is_the_one_he_heads(extractor) -> None:
    one(extractor, "Muqtada al-Sadr ordered his Sadrist Movement to withdraw from parliament.",
        "muqtada-al-sadr", "LEADS", "sadrist-movement")


def test_a_warning_against_an_attack_is_aimed_at_its_author(extractor) -> None:
    found = triples(extractor, "Saudi Arabia warned against any Israeli attack on Iran's oil facilities.")
    assert ("saudi-arabia", "THREATEN", "israel") in found and ("saudi-arabia", "THREATEN", "iran") not in found, found


def test_lashing_out_at_is_criticism(extractor) -> None:
    one(extractor, "Erdogan lashed out at Netanyahu over the war in Gaza.",
        "recep-tayyip-erdogan", "ACCUSE", "benjamin-netanyahu")


def test_second_review_near_misses(extractor) -> None:
    # the speaker's own material act after a reported clause about no other actor
    one(extractor, "Hezbollah said it would respond and launched drones at Israel.", "hezbollah", "ASSAULT", "israel")
    one(extractor, "Egypt said the crossing would open and sent aid trucks to Gaza.", "egypt", "AID", "palestine")
    # the name before a gerund after a verb of objecting
    found = triples(extractor, "Hungary objected to Ukraine joining the EU.")
    assert ("ukraine", "MEMBER_OF", "european-union") in found and ("hungary", "MEMBER_OF", "european-union") \
        not in found, found
    # the one avenged is no target
    for text in ("Hezbollah vowed to avenge Nasrallah's killing.", "Iran vowed to avenge Haniyeh."):
        assert not any(r in ("THREATEN", "ASSAULT") for _, r, _ in triples(extractor, text)), text
    # people going home are no state's retreat, under any name
    assert triples(extractor, "Thousands of Syrians returned from Turkey last year.") == []
    # help named by a compound, a bare airlift, an amount of money
    one(extractor, "Iran's weapons transfers to the Houthis violate UN resolutions.", "iran", "AID", "houthis")
    one(extractor, "Qatar transferred $30 million to Gaza.", "qatar", "AID", "palestine")
    # a show of force is no help to its target
    found = triples(extractor, "The US dispatched warships to the Red Sea to confront the Houthis.")
    assert ("united-states", "MOBILIZE", "houthis") in found and ("united-states", "AID", "houthis") not in found, found
    # 'the militants' of another clause of the sentence; 'the bloc' after the OIC
    one(extractor, "Hamas rejected the proposal, but Egypt urged the militants to reconsider.", "egypt", "REQUEST", "hamas")
    one(extractor, "The Organisation of Islamic Cooperation met in Riyadh. The bloc condemned Israel.",
        "oic", "ACCUSE", "israel")
    # a leader's party of his own country
    one(extractor, "Erdogan's ruling AK Party lost Istanbul.", "recep-tayyip-erdogan", "LEADS", "akp")
    # fighting that ended, however it is parsed
    assert triples(extractor, "The fighting between Israel and Hezbollah ended in November.") == []


def test_a_commander_is_head_or_member_never_both(extractor) -> None:
    found = triples(extractor, "Hezbollah said its commander Fuad Shukr was killed.")
    assert ("fuad-shukr", "MEMBER_OF", "hezbollah") in found and ("fuad-shukr", "LEADS", "hezbollah") not in found, found
    # the gazetteer knows who heads the IRGC
    found = triples(extractor, "The IRGC said its commander Hossein Salami was killed.")
    assert ("hossein-salami", "LEADS", "irgc") in found and ("hossein-salami", "MEMBER_OF", "irgc") not in found, found


def test_the_speakers_own_state_in_a_reported_clause_is_not_the_one_warned(extractor) -> None:
    """'X's minister warned that <X> would ...' tells what X will do; the one warned is
    the other party of the clause, and another state in that place is still warned."""
    found = triples(extractor, "Saudi Foreign Minister Faisal bin Farhan warned that Riyadh would "
                               "respond firmly if the Houthis resumed their attacks.")
    assert ("faisal-bin-farhan", "THREATEN", "saudi-arabia") not in found
    assert ("faisal-bin-farhan", "THREATEN", "houthis") in found
    found = triples(extractor, "Jordan warned that Amman would close its border if Syria failed to stop "
                               "the smuggling.")
    assert not any(o == "jordan" for _s, _r, o in found)
    # near miss: another state as the clause's subject is the one warned
    assert ("abbas-araghchi", "THREATEN", "united-states") in triples(
        extractor, "Iranian Foreign Minister Abbas Araqchi warned that Washington would bear "
                   "responsibility for any escalation.")


def test_a_ships_flag_is_no_party(extractor) -> None:
    """'a Liberian-flagged carrier': the flag state only registers the ship; the owner
    or the state named outright is still a party."""
    assert triples(extractor, "The Houthis fired two missiles at a Liberian-flagged bulk carrier "
                              "in the Gulf of Aden.") == []
    assert triples(extractor, "A Panama-flagged tanker was struck by a Houthi drone.") == []
    assert ("houthis", "ASSAULT", "israel") in triples(
        extractor, "The Houthis attacked Israeli ships in the Red Sea.")


@pytest.mark.parametrize("text, leader, led", [
    ("Hezbollah Secretary-General Naim Qassem said the group would rebuild.", "naim-qassem", "hezbollah"),
    ("NATO Secretary-General Mark Rutte said the alliance stood ready.", "mark-rutte", "nato"),
    ("Emirati President Mohamed bin Zayed received the delegation.", "mohamed-bin-zayed",
     "united-arab-emirates"),
])
def test_head_titles_written_with_a_hyphen_or_after_a_proper_demonym(extractor, text, leader, led) -> None:
    """'Secretary-General' is three tokens and 'Emirati' may be tagged a proper noun:
    both still name the one led."""
    assert (leader, "LEADS", led) in triples(extractor, text)


def test_a_deputy_title_leads_nothing_whatever_its_case(extractor) -> None:
    for text in ("Hezbollah Deputy Secretary-General Naim Qassem spoke on Sunday.",
                 "Hezbollah deputy leader Naim Qassem spoke on Sunday."):
        assert not any(r == "LEADS" for _s, r, _o in triples(extractor, text)), text
    assert not any(r == "LEADS" for _s, r, _o in triples(
        extractor, "Emirati Foreign Minister Abdullah bin Zayed received the delegation."))


def test_forces_pushing_into_a_place_advance_and_demand_nothing(extractor) -> None:
    found = triples(extractor, "Turkish troops pushed deeper into northern Iraq on Sunday.")
    assert ("turkey", "MOBILIZE", "iraq") in found and not any(r == "REQUEST" for _s, r, _o in found)
    assert ("turkish-armed-forces", "MOBILIZE", "syria") in triples(
        extractor, "Turkish forces advanced into northern Syria.")
    # near miss: pushing an actor to act is still a demand
    assert ("united-states", "REQUEST", "israel") in triples(
        extractor, "The United States pushed Israel to accept the truce.")


def test_meeting_a_duty_is_no_meeting(extractor) -> None:
    found = triples(extractor, "Germany accused Iran of failing to meet its obligations under the deal.")
    assert ("germany", "ACCUSE", "iran") in found and not any(r == "CONSULT" for _s, r, _o in found)
    assert ("iran", "CONSULT", "oman") in triples(extractor, "Iran's foreign minister met his Omani "
                                                              "counterpart in Muscat.")


def test_restored_and_hosted_things_carry_their_event(extractor) -> None:
    assert ("united-states", "AID", "palestinian-authority") in triples(
        extractor, "Washington restored aid to the Palestinian Authority.")
    assert ("bahrain", "COOPERATE", "us-military") in triples(
        extractor, "Bahrain hosts a large U.S. military facility.")


def test_the_two_countries_are_states(extractor) -> None:
    """'the two countries' point back to the last two states, not to a group told of
    between them; 'the two sides' may still be any two parties."""
    found = triples(extractor, "Saudi Arabia and Iran, long divided over the Houthis, restored ties "
                               "in March, and the two countries signed a security agreement.")
    assert ("saudi-arabia", "AGREE", "iran") in found
    assert not any("houthis" in (s, o) for s, r, o in found if r == "AGREE")


def test_a_name_before_a_place_noun_is_a_place(extractor) -> None:
    """'the Sidakan district' (which the small model may tag as a people or an
    organisation) is a place, not an actor struck."""
    found = triples(extractor, "Iranian artillery shelled villages in the Sidakan district on Tuesday.")
    assert not any(o == "sidakan" for _s, _r, o in found)


def test_one_of_the_members_of_a_body_is_a_member(extractor) -> None:
    """'X, one of the factions within Y': the tie noun under 'one of' describes X."""
    assert ("kataib-hezbollah", "MEMBER_OF", "pmf") in triples(
        extractor, "Kataib Hezbollah, one of the largest factions within the PMF, declared a truce.")
    assert ("hezbollah", "ALLY_OF", "iran") in triples(
        extractor, "Hezbollah, one of the closest allies of Iran, fired rockets at Israel.")
    # near miss: one of several things that are no tie says nothing of the name
    assert not any(r in ("MEMBER_OF", "ALLY_OF") for _s, r, _o in triples(
        extractor, "Egypt, one of the mediators in the talks, hosted Hamas officials."))


def test_a_decision_that_someone_said_broke_the_law_accuses_its_maker(extractor) -> None:
    """'approved new settlements, a decision that Britain said violated international law':
    the decision is the act of the clause it is set beside, whatever it made."""
    found = triples(extractor, "The Israeli cabinet approved 40 new settlements, a decision that Spain "
                               "and Norway said violated international law.")
    assert ("spain", "ACCUSE", "israel") in found and ("norway", "ACCUSE", "israel") in found


def test_military_bases_are_no_tie(extractor) -> None:
    """The small model lemmatises 'bases' as 'basis' (a tie: 'the basis of the
    alliance'); bases one shells are places."""
    found = triples(extractor, "Turkish artillery shelled what Ankara described as bases of the PKK.")
    assert ("turkey", "ASSAULT", "pkk") in found and not any(r == "MEMBER_OF" for _s, r, _o in found)


def test_the_deal_an_act_is_done_under_is_no_party(extractor) -> None:
    """'under a U.S.-brokered ceasefire', 'under a deal with Russia': the framework of
    the act, whose broker or other party is not the one acted on."""
    found = triples(extractor, "Turkey withdrew troops from Idlib under a deal with Russia.")
    assert ("turkey", "RETREAT", "syria") in found and ("turkey", "RETREAT", "russia") not in found
    found = triples(extractor, "The Lebanese army deployed troops near the border under a U.S.-brokered "
                               "ceasefire between Israel and Hezbollah.")
    assert not any("united-states" in (s, o) for s, _r, o in found)
    assert ("israel", "RETREAT", "hezbollah") in found


def test_the_one_a_place_is_taken_from_is_the_party(extractor) -> None:
    """'regained control of Omdurman from the RSF': a town of the taker's own state is
    where; the party is the one it was taken from. A foreign place stays the party's."""
    found = triples(extractor, "The Sudanese army regained control of Omdurman from the RSF.")
    assert ("sudanese-armed-forces", "COERCE", "rsf") in found
    assert not any(o == "sudan" for _s, _r, o in found)
    assert ("israel", "COERCE", "syria") in triples(extractor, "Israel seized the Golan Heights from Syria.")


def test_where_fire_is_launched_from_is_no_target(extractor) -> None:
    """'fired rockets from Lebanon', 'launched drones from Yemen at Israel': the state the
    fire comes from is where, not the one attacked."""
    assert triples(extractor, "Hezbollah fired rockets from Lebanon.") == []
    found = triples(extractor, "The Houthis launched drones from Yemen at Israel.")
    assert ("houthis", "ASSAULT", "israel") in found and ("houthis", "ASSAULT", "yemen") not in found
    # near miss: a seizure from someone is of that someone
    assert ("idf", "COERCE", "hamas") in triples(extractor, "Israeli forces seized weapons from Hamas.")


def test_intercepting_the_missiles_is_a_defence(extractor) -> None:
    found = triples(extractor, "Hezbollah fired rockets at Israel, but Israeli air defences intercepted "
                               "most of them.")
    assert ("hezbollah", "ASSAULT", "israel") in found
    assert ("israel", "ASSAULT", "hezbollah") not in found


def test_a_known_person_heads_no_other_states_institution(extractor) -> None:
    """'its chief' read back to the wrong state must not make an Iranian commander an
    Israeli leader."""
    found = triples(extractor, "Israel struck Iranian air defence sites, killing several senior commanders "
                               "of the Revolutionary Guards, including its chief, Hossein Salami.")
    assert not any(r == "LEADS" and o == "israel" for _s, r, o in found)


def test_bases_ships_and_names_with_hyphens_are_no_actors(extractor) -> None:
    """'Al Udeid air base', 'the tanker Stena Impero' are places and ships; the hyphen
    inside 'Ain al-Asad' is no 'X-backed'."""
    found = triples(extractor, "Iran fired missiles at Al Udeid air base in Qatar.")
    assert ("iran", "ASSAULT", "qatar") in found and not any(o == "al-udeid" for _s, _r, o in found)
    found = triples(extractor, "The Revolutionary Guards seized the British-flagged tanker Stena Impero.")
    assert not any("stena" in o for _s, _r, o in found)
    found = triples(extractor, "Kataib Hezbollah claimed a drone attack on the Ain al-Asad air base.")
    assert not any("asad" in s or "asad" in o for s, _r, o in found)


def test_brokers_of_a_truce_are_no_parties_of_it(extractor) -> None:
    assert not any(r == "RETREAT" for _s, r, _o in triples(
        extractor, "Russia and Turkey brokered a ceasefire in Libya in January 2020."))
    assert ("israel", "RETREAT", "hamas") in triples(
        extractor, "Egypt brokered a ceasefire between Israel and Hamas.")


def test_the_speakers_own_state_anywhere_in_the_warning_is_not_warned(extractor) -> None:
    found = triples(extractor, "Iran's parliament speaker warned that Tehran could close the Strait of "
                               "Hormuz if its oil exports were blocked.")
    assert not any(r == "THREATEN" and o == "iran" for _s, r, o in found)


def test_a_party_dominating_a_government_coerces_no_one(extractor) -> None:
    found = triples(extractor, "The Kurdistan Democratic Party dominates the regional government in Erbil.")
    assert not any(r == "COERCE" for _s, r, _o in found)


def test_the_users_of_a_thing_that_exploded_did_not_act(extractor) -> None:
    assert triples(extractor, "Radios used by Hezbollah fighters exploded across southern Lebanon.") == []


def test_an_envoy_and_his_body_are_one_side_of_a_joint_event(extractor) -> None:
    found = triples(extractor, "U.N. envoy Hans Grundberg announced a nationwide truce on Friday.")
    assert not any({s, o} == {"hans-grundberg", "united-nations"} for s, _r, o in found)
    # near miss: two states in one phrase are two sides
    assert ("iran", "CONSULT", "saudi-arabia") in triples(
        extractor, "Iranian and Saudi officials held talks in Baghdad.")


def test_a_deal_acts_are_done_under_is_no_party_however_deep(extractor) -> None:
    found = triples(extractor, "Hamas released hostages held in Gaza under the first phase of a "
                               "U.S.-brokered deal.")
    assert not any(o == "united-states" for _s, _r, o in found)


def test_a_person_leaving_a_capital_ends_a_visit(extractor) -> None:
    assert not any(r == "RETREAT" for _s, r, _o in triples(
        extractor, "Haftar left Moscow without signing the agreement."))
    assert ("united-states", "RETREAT", "afghanistan") in triples(
        extractor, "The United States left Afghanistan in 2021.")


def test_one_chosen_as_head_of_state_leads_it(extractor) -> None:
    """'elected X as president', 'named X as prime minister': the head of the state the
    person is of (or of the chooser's state)."""
    assert ("joseph-aoun", "LEADS", "lebanon") in triples(
        extractor, "Lebanon's parliament elected Joseph Aoun as president on Thursday.")
    assert ("abdul-latif-rashid", "LEADS", "iraq") in triples(
        extractor, "Iraq's parliament elected Abdul Latif Rashid as president in October 2022.")
    # near misses: a title that heads no state ('as envoy') leads nothing; nor does one
    # endorsed, nominated or not elected
    for text in ("Trump named Steve Witkoff as special envoy to the Middle East.",
                 "Hezbollah endorsed Suleiman Frangieh as president, but parliament failed to elect him.",
                 "Lebanon's opposition nominated Michel Moawad as president in a failed vote.",
                 "Parliament refused to elect Joseph Aoun as president."):
        assert not any(r == "LEADS" for _s, r, _o in triples(extractor, text)), text


def test_a_demand_set_beside_a_request_is_the_askers(extractor) -> None:
    """'called on Hezbollah to disarm, a demand the group rejected': rejected of the one who
    asked, not of the one asked."""
    found = triples(extractor, "Salam called on Hezbollah to hand over its weapons, a demand the group's "
                               "leadership rejected.")
    assert ("hezbollah", "REJECT", "nawaf-salam") in found
    assert ("hamas", "AGREE", "egypt") in triples(extractor, "Egypt proposed a truce, an offer Hamas accepted.")


def test_review_near_misses_of_this_sessions_rules(extractor) -> None:
    """Sentences a review wrote against the new rules: each must keep what it said before."""
    # an actor pushed into something is pressed, no forces advancing
    assert ("turkey", "REQUEST", "sweden") in triples(
        extractor, "Turkey pushed Sweden into tightening its anti-terror laws.")
    # the users of a thing that acts (not explodes) still act through it
    assert ("irgc", "COERCE", "united-states") in triples(
        extractor, "Speedboats operated by the IRGC harassed a US destroyer in the Strait of Hormuz.")
    # an opposition figure's complaint names the government blamed
    assert ("muqtada-al-sadr", "ACCUSE", "iraq") in triples(
        extractor, "Moqtada al-Sadr complained that the Iraqi government had failed to protect protesters.")
    assert ("muqtada-al-sadr", "THREATEN", "iraq") in triples(
        extractor, "Sadr warned that the Iraqi government would fall if it ignored the protesters.")
    # a state's own flag is its ship; only open registries are no party
    assert ("united-states", "COERCE", "iran") in triples(
        extractor, "The United States seized an Iranian-flagged tanker carrying oil to Venezuela.")
    # a group's base is the group's
    assert any(o == "fatemiyoun-brigade" for _s, _r, o in triples(
        extractor, "Syrian rebels attacked the Fatemiyoun Brigade base near Palmyra."))
    # boats intercepted are their state's
    assert ("united-kingdom", "ASSAULT", "iran") in triples(
        extractor, "Iranian gunboats approached the tanker before the British navy intercepted them.")
    # with no other party, what is done under a deal is toward its other side
    assert ("hezbollah", "RETREAT", "israel") in triples(
        extractor, "Hezbollah withdrew fighters from the border under the ceasefire agreement with Israel.")
    # 'the two countries' may be a state and a government
    assert ("jordan", "AGREE", "palestinian-authority") in triples(
        extractor, "Jordan and the Palestinian Authority discussed the West Bank. The two countries "
                   "signed a water deal.")


def test_a_ship_named_either_way_is_no_actor(extractor) -> None:
    for text in ("The Revolutionary Guards seized the Stena Impero tanker in July.",
                 "The Revolutionary Guards seized the tanker Stena Impero in July."):
        assert not any("stena" in o for _s, _r, o in triples(extractor, text)), text
