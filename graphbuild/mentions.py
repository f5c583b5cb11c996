"""Actor mentions: which words of a parsed sentence name which actors.

Gazetteer names are found with two PhraseMatchers built once (acronyms by exact
case, everything else case-folded; the longest match wins). On top of them a
noun phrase resolves to an actor through the usual ways news names one:
capital as metonym, demonym or country + institution noun ("Iranian officials",
"Iran's foreign minister" -> the state), demonym + group noun ("Afghan rebels"
-> an uncurated group based there), titles and surnames, appositions, pronouns
and definite descriptions (the last compatible actor of the article), and NER
spans the gazetteer lacks (uncurated actors). Generic nouns resolve to nothing.

A proper name no gazetteer name matches exactly may still misspell one
("Afganistan"): a strict one-letter test, cached per name (MentionFinder.misspelt).
An official named by an office of an intergovernmental organisation ("U.N.
mediator X") also stands for the organisation, as an unnamed state official
stands for the state.

Who is not whose: believers named by a faith alone (the gazetteer's "faiths") and
settlers take no state from the sentence; a group known by its sponsor ("Iran-backed
militias") or a coalition led by a state is not that state; "its NATO partners" is NATO.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from graphbuild.gazetteer import Gazetteer, normalise, slug
from graphbuild.nlp import read_lexicon
from graphbuild.records import Actor, Mention

GROUPING_DEPS = {"amod", "compound", "poss", "nmod", "nummod"}
NOUNS = {"NOUN", "PROPN"}
# NER labels that name actors; GPE/LOC that the gazetteer lacks are places, not actors
NER_KINDS = {"PERSON": "PERSON", "ORG": "OTHER", "NORP": "OTHER"}
PERSON_KINDS = {"PERSON"}
# word classes from seeds/lexicon/roles.json ("mention_words"), each named for its use there
_WORDS = {key: entry["words"] for key, entry in read_lexicon("roles.json")["mention_words"].items()
          if key != "note"}
LOCATING = set(_WORDS["locating"])
# actors that act for their state: their country is the sentence's when it names no state
SPOKESPEOPLE = set(_WORDS["spokespeople"])
SPONSORING = set(_WORDS["sponsoring"])
MAKING = set(_WORDS["making"])
BLOCS = set(_WORDS["blocs"])
BEYOND_STATES = set(_WORDS["beyond_states"])
SEATED = set(_WORDS["seated"])
CLIENTS = set(_WORDS["clients"])
KIN = set(_WORDS["kin"])
WATERS = set(_WORDS["waters"])
REGISTRIES = set(_WORDS["registries"])
OPEN_REGISTRIES = set(_WORDS["open_registries"])
VESSELS = set(_WORDS["vessels"])
# prepositions that say where ("across the Litani"), not who
PLACE_PREPOSITIONS = {"across", "along", "near", "over", "into", "onto", "beyond", "beside", "toward",
                      "towards", "at", "in", "from", "through", "around", "off", "inside", "outside"}
NEWCOMERS = set(_WORDS["newcomers"])
BORDERS = set(_WORDS["borders"])
COALITIONS = set(_WORDS["coalitions"])
LEADING = set(_WORDS["leading"])
STATE_RELATIONS = set(_WORDS["state_relations"])
COUNTRY_NOUNS = set(_WORDS["country_nouns"])
LOYAL = set(_WORDS["loyal"])
PERSONS_INSTITUTIONS = set(_WORDS["persons_institutions"])
GOVERNMENT_LEVELS: dict[str, str] = dict(_WORDS["government_levels"])
BACK_REFERRED = set(_WORDS["back_referred"])
NOT_OFFICIALS = set(_WORDS["not_officials"])
MIN_MISSPELT = 6  # shorter names are too close to each other (Iran/Iraq, Oman/Omar)
STATE_BOUND = {"PERSON", "GOVERNMENT", "MILITARY"}
# NER labels whose whole text may be a misspelt gazetteer name ("Afganistan", "Francois Mitterand")
MISSPELT_LABELS = {"GPE", "NORP", "LOC", "PERSON", "ORG"}
# entities whose single words are part of another name ("Columbia University"): never checked alone
WHOLE_NAME_LABELS = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
GROUP_KINDS = {"ARMED_GROUP", "POLITICAL_PARTY", "NGO", "COALITION", "OTHER", "MEDIA", "MILITARY",
               "GOVERNMENT", "IGO"}


@dataclass(frozen=True)
class Ref:
    """One actor named by a word span of a sentence (token indices into the Doc)."""

    actor: Actor
    start: int
    end: int
    text: str
    how: str
    confidence: float = 1.0


@dataclass
class Lexicon:
    """Word classes from seeds/lexicon/roles.json."""

    state_roles: set[str]
    group_kind: dict[str, str]
    desc_group: set[str]
    desc_state: set[str]
    desc_person: set[str]
    desc_pair: set[str]
    desc_igo: set[str]
    singular: set[str]
    plural: set[str]
    person: set[str]
    relative: set[str]
    titles: set[str]
    raw: dict = field(default_factory=dict)  # type: ignore[type-arg]

    @classmethod
    def load(cls) -> Lexicon:
        data = read_lexicon("roles.json")
        groups = {w: kind for kind, words in data["groups"].items() if kind != "note"
                  for w in words}
        d, p = data["descriptions"], data["pronouns"]
        return cls(set(data["state_roles"]["words"]), groups, set(d["group"]), set(d["state"]),
                   set(d["person"]), set(d["pair"]), set(d["igo"]), set(p["singular"]), set(p["plural"]),
                   set(p["person"]), set(p["relative"]), set(data["titles"]["words"]), data)

    def words(self, section: str, key: str = "words") -> set[str]:
        return set(self.raw[section][key])


@dataclass
class Seen:
    """An actor mentioned earlier in the article, for pronouns and descriptions."""

    actor: Actor
    position: int  # article-wide order of mention
    sentence: int
    subject: bool
    plural: bool = False  # named by a plural noun ("protesters"): no antecedent of "it"
    plural_noun: bool = False  # named by any plural noun ("Houthis", "Serb forces"): first for "they"
    official: bool = False  # one unnamed office holder ("Lebanon's prime minister"): a "he" or "she"


class ArticleMemory:
    """What the article has named so far: antecedents and known full names."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.people: set[str] = set()  # ids of persons named in full
        self.acronyms: dict[str, Actor] = {}  # "NUT" once "the Nigerian Union of Teachers (NUT)"
        self.institutions: dict[str, Actor] = {}  # "embassy" -> the state of "the U.S. Embassy"
        self.addressed: set[str] = set()  # persons a bare title ("President Trump") has placed
        self.counter = 0
        self.author: list[Actor] = []  # who "we" is in a statement
        # event word -> (sentence, its agents): "the intervention" later in the story
        # stands for whoever carried out the intervention
        self.events: dict[str, tuple[int, list[Actor]]] = {}
        # relation -> (sentence, agents) of its last event ("killed ..." then "the killing");
        # sentence -> agents of its first event ("... reopened its embassy" then "the move")
        self.kinds: dict[str, tuple[int, list[Actor]]] = {}
        self.firsts: dict[int, list[Actor]] = {}

    def speaker(self) -> list[Actor]:
        """'We' of a statement: as introduced ("We, the Foreign Ministers of ..."), else the
        first actor the text made a subject (a government press release names itself first)."""
        if not self.author:
            first = next((s.actor for s in self.seen if s.subject and s.actor.kind != "PERSON"
                          and s.actor.curated), None)
            self.author = [first] if first is not None else []
        return self.author

    def add_event(self, word: str, sentence: int, agents: list[Actor], relation: str | None = None) -> None:
        self.events[word] = (sentence, agents)
        if relation is not None:
            self.kinds[relation] = (sentence, agents)
        self.firsts.setdefault(sentence, agents)

    def event_agents(self, word: str, sentence: int, relation: str | None = None) -> list[Actor]:
        """Agents of the last `word` event of an earlier sentence of the article; else of
        the last event of the same relation in the sentence before, told in other
        words ("was killed in an Israeli strike" ... "condemned the killing")."""
        found = self.events.get(word)
        if (found is None or found[0] >= sentence) and relation is not None:
            found = self.kinds.get(relation)
            # only the sentence just before: one between may tell another such event whose
            # agent went unnamed ("... was shot dead by gunmen. Turkey condemned the killing")
            if found is not None and sentence - found[0] > 1:
                found = None
        if found is None or found[0] >= sentence:
            return []
        return found[1]

    def last_event_agents(self, sentence: int) -> list[Actor]:
        """Agents of the main (first) event of the sentence just before: who made 'the move'
        or 'the decision'. Not further back: the move may be that sentence's own event,
        one no rule coded ("... announced a curfew. Turkey welcomed the move")."""
        return self.firsts.get(sentence - 1, [])

    def add(self, actor: Actor, sentence: int, subject: bool, plural: bool = False,
            plural_noun: bool = False, official: bool = False) -> None:
        self.counter += 1
        self.seen.append(Seen(actor, self.counter, sentence, subject, plural, plural_noun, official))
        if len(self.seen) > 200:  # only recent antecedents matter
            del self.seen[:100]

    def antecedent(self, kinds: set[str] | None, sentence: int, exclude: set[str],
                   persons: bool = False, window: int = 3, singular: bool = False,
                   plural: bool = False) -> Actor | None:
        """The last compatible actor: a subject of this or the previous sentence
        first, then the most recent one within three sentences. `singular`: not one
        named by a plural noun ("it" is not "the protesters"); `plural`: one named by a
        plural noun first, if any ("their forces" after "Bosnian Serbs" and "the UN")."""
        def fits(s: Seen) -> bool:
            if s.actor.id in exclude or sentence - s.sentence > window or (singular and s.plural):
                return False
            if persons:
                # an office holder stands for the body he or she speaks for
                return s.actor.kind in PERSON_KINDS or s.official
            if s.actor.kind in PERSON_KINDS:
                return False
            return kinds is None or s.actor.kind in kinds

        recent = [s for s in reversed(self.seen) if fits(s)]
        if plural and any(s.plural_noun for s in recent):
            recent = [s for s in recent if s.plural_noun]
        for s in recent:
            if s.subject and sentence - s.sentence <= 1 and (s.sentence == sentence or not any(
                    r.sentence == sentence for r in recent)):
                return s.actor
        # (an actor named earlier in this sentence before the previous sentence's subject:
        # "Morocco cut ties with Iran, accusing it of ...")
        return recent[0].actor if recent else None


class MentionFinder:
    """Resolves noun phrases of parsed sentences to actors; built once per gazetteer."""

    def __init__(self, gazetteer: Gazetteer, nlp: Language) -> None:
        self.gazetteer = gazetteer
        self.lex = Lexicon.load()
        self.relational = self.lex.words("relational_nouns")
        self.not_actors = self.lex.words("not_actors")
        self.stance = self.lex.words("hedge_control")
        self.speech = self.lex.words("speech_verbs")
        self.place_nouns = self.lex.words("place_nouns") - {"state"}
        self._demonym_cache: dict[str, Actor | None] = {}
        heads = self.lex.raw["organisation_heads"]
        self.org_heads = {k: set(v) for k, v in heads.items() if k != "note"}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        self.how: dict[tuple[str, str], str] = {}
        for form in gazetteer.forms:
            target = exact if form.case_sensitive else folded
            key = f"{form.actor_id}"
            target.setdefault(key, []).append(nlp.make_doc(form.text))
            self.how.setdefault((form.actor_id, form.text.lower()), form.how)
        # forms the extractor needs that the gazetteer lacks (seeds/lexicon/extra_forms.json)
        extra = read_lexicon("extra_forms.json")
        for actor_id, entry in extra["aliases"].items():
            if actor_id in gazetteer:
                for form in entry["forms"]:
                    folded.setdefault(actor_id, []).append(nlp.make_doc(form))
                    self.how.setdefault((actor_id, form.lower()), "alias")
        for key, docs in exact.items():
            self.exact.add(key, docs)
        for key, docs in folded.items():
            self.folded.add(key, docs)
        # demonyms as phrases, so "South Korean" and "Sri Lankans" are found too
        self.demonym_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        demonyms = dict(getattr(gazetteer, "_demonyms", {}))
        for actor_id, entry in extra["demonyms"].items():
            if actor_id in gazetteer:
                demonyms.update({form.lower(): actor_id for form in entry["forms"]})
        for word, actor_id in demonyms.items():
            forms = {word, word + "s"} if not word.endswith("s") else {word}
            self.demonym_matcher.add(actor_id, [nlp.make_doc(f) for f in forms])
        self.demonym_ids = demonyms  # normalised demonym -> actor id, extra forms included
        # surnames of curated persons: "Assad" once "Bashar al-Assad" is known
        surnames: dict[str, set[str]] = {}
        for actor in gazetteer:
            if actor.kind == "PERSON":
                for name in actor.aliases:
                    last = name.replace("-", " ").split()[-1]
                    if len(last) > 3:
                        surnames.setdefault(last.lower(), set()).add(actor.id)
        self.surnames = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
        # names and demonyms a misspelling may stand for, bucketed by their first two letters
        # (persons apart: a person's name is only checked against persons, and a place's against the rest)
        self._spellings: dict[tuple[bool, str], list[tuple[str, str, str]]] = {}
        for form in gazetteer.forms:
            if not form.case_sensitive:
                self._add_spelling(normalise(form.text), form.actor_id, form.how)
        for word, actor_id in demonyms.items():
            self._add_spelling(word, actor_id, "demonym")
        self._misspelt_cache: dict[tuple[bool, str], tuple[str, str] | None] = {}
        self._last_demonyms: tuple[Doc, dict[int, Actor]] | None = None

    def _add_spelling(self, text: str, actor_id: str, how: str) -> None:
        if len(text) >= MIN_MISSPELT:
            person = self.gazetteer.actors[actor_id].kind == "PERSON"
            self._spellings.setdefault((person, text[:2]), []).append((text, actor_id, how))

    def misspelt(self, text: str, person: bool = False) -> tuple[str, str] | None:
        """(actor id, how) of the one gazetteer name or demonym `text` misspells by a single
        letter inside the word ("Afganistan", "Ethopia", "Phillippines"), or None.

        Strict on purpose: the first and last two letters must agree, so a different
        ending (Niger/Nigeria, Austria/Australia, Indian/Indiana) is never a typo, and
        a word close to two different actors is left alone; only two swapped letters
        may touch the last but one ("Isreal")."""
        key = normalise(text)
        if (person, key) in self._misspelt_cache:
            return self._misspelt_cache[(person, key)]
        found: set[tuple[str, str]] = set()
        if len(key) >= MIN_MISSPELT and key not in self.gazetteer.lookalikes:
            for name, actor_id, how in self._spellings.get((person, key[:2]), ()):
                if name == key or name[-1] != key[-1] or abs(len(name) - len(key)) > 1:
                    continue
                if (name[-2:] == key[-2:] and one_typo(key, name)) or swapped(key, name):
                    found.add((actor_id, how))
        actors = {actor_id for actor_id, _how in found}
        result = min(found) if len(actors) == 1 else None
        if len(self._misspelt_cache) > 50_000:
            self._misspelt_cache.clear()
        self._misspelt_cache[(person, key)] = result
        return result

    def organisation_kind(self, ent: Span, owners: list[Actor]) -> str:
        """NGO, party, armed group, media or IGO from the words of an organisation's name."""
        if any(a.kind == "IGO" for a in owners):
            return "IGO"  # "the U.N. war crimes court"
        words = [t.lower_ for t in ent]
        head = ent.root.head
        if head.i >= ent.end and head.i <= ent.end + 1 and head.pos_ == "NOUN":
            words.append(head.lower_)  # "the Umma party", "the Wafd movement": the noun it names
        for kind in ("IGO", "MEDIA", "ARMED_GROUP", "POLITICAL_PARTY", "NGO"):
            if any(w in self.org_heads[kind] for w in words[-2:] if kind != "IGO") or (
                    kind == "IGO" and any(w in self.org_heads[kind] for w in words)):
                return kind
        return "OTHER"

    def demonym(self, word: str) -> Actor | None:
        """Gazetteer.demonym, cached: the same words come back in every article."""
        if word not in self._demonym_cache:
            if len(self._demonym_cache) > 50_000:
                self._demonym_cache.clear()
            actor_id = self.demonym_ids.get(word.lower())
            self._demonym_cache[word] = (self.gazetteer.actors.get(actor_id) if actor_id
                                         else self.gazetteer.demonym(word))
        return self._demonym_cache[word]

    # -- per document ------------------------------------------------------
    def gazetteer_spans(self, doc: Doc) -> dict[int, Ref]:
        """Token index -> the gazetteer match covering it (longest match wins)."""
        found = [(s, e, doc.vocab.strings[m]) for m, s, e in self.exact(doc)]
        found += [(s, e, doc.vocab.strings[m]) for m, s, e in self.folded(doc)]
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        covered: dict[int, Ref] = {}
        for start, end, actor_id in found:
            if any(i in covered for i in range(start, end)):
                continue
            span = doc[start:end]
            # a one-word title-case alias must not match a common word ("Jordan" ok, "jordan river")
            if end - start == 1 and span.text.islower() and span[0].pos_ not in NOUNS:
                continue
            # a name inside the name of a document or event: "the Oslo Accords", "Baghdad Pact"
            if end < len(doc) and doc[end].is_title and (doc[end].lower_ in self.not_actors
                                                        or doc[end].lemma_.lower() in self.not_actors):
                continue
            # or of waters named after it: "the Gulf of Oman" is no act on Oman ("the Port of
            # Beirut" is still Lebanon's)
            if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].is_title and (
                    doc[start - 2].lower_ in WATERS or doc[start - 2].lemma_.lower() in WATERS):
                continue
            if registry(doc, end, self.gazetteer.actors[actor_id]):
                continue  # "a Panama-flagged tanker": a flag of convenience, no party
            actor = self.gazetteer.actors[actor_id]
            if actor.kind == "PERSON" and self._part_of_another_name(doc, start, end, actor):
                continue
            if actor.kind == "STATE" and start > 0 and doc[start - 1].lower_ in ("former", "ex"):
                continue  # "former Yugoslavia", "the former Soviet Union": a region of several states
            how = self.how.get((actor_id, span.text.lower()), "alias")
            ref = Ref(actor, start, end, span.text, how)
            for i in range(start, end):
                covered[i] = ref
        demonyms = self._exact_demonyms(doc)
        for start, end, actor_id, how in self._misspelt_spans(doc, covered, demonyms):
            if registry(doc, end, self.gazetteer.actors[actor_id]):
                continue
            actor = self.gazetteer.actors[actor_id]
            if how == "demonym":
                for i in range(start, end):
                    demonyms[i] = actor
                continue
            ref = Ref(actor, start, end, doc[start:end].text, how, 0.8)
            for i in range(start, end):
                covered[i] = ref
        self._last_demonyms = (doc, demonyms)
        return covered

    def _part_of_another_name(self, doc: Doc, start: int, end: int, person: Actor) -> bool:
        """'Nasser' in 'Nasser Kanaani', 'Assad' in 'Maher al-Assad': a known person's name
        inside a longer personal name whose other words none of his names have."""
        token = doc[start]
        if token.ent_type_ != "PERSON" or token.ent_iob_ == "O":
            return False
        ent = next((e for e in doc.ents if e.start <= start < e.end), None)
        if ent is None or (ent.start == start and ent.end == end):
            return False
        own = {w.lower() for alias in person.aliases for w in alias.replace("-", " ").split()}
        others = [t for t in ent if not start <= t.i < end and t.is_title and t.is_alpha
                  and t.lower_ not in self.lex.titles and t.lower_.rstrip(".") not in self.lex.titles]
        return any(t.lower_ not in own for t in others)

    def _misspelt_spans(self, doc: Doc, covered: dict[int, Ref], demonyms: dict[int, Actor]
                        ) -> list[tuple[int, int, str, str]]:
        """Proper names the exact matchers missed that misspell a gazetteer name: whole
        NER spans, and capitalised proper nouns outside any multi-word name."""
        out: list[tuple[int, int, str, str]] = []
        taken: set[int] = set()
        for ent in doc.ents:
            start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
            if ent.label_ not in MISSPELT_LABELS or not doc[start].text[:1].isupper() or any(
                    i in covered or i in demonyms for i in range(start, ent.end)):
                continue
            found = self.misspelt(doc[start:ent.end].text, person=ent.label_ == "PERSON")
            if found is None and ent.label_ == "PERSON" and ent.end - start == 1:
                # the small model takes many an unknown one-word name for a person ("Kazakstan
                # signed"): a state's name still counts, not its towns (too many, too name-like)
                found = self.misspelt(doc[start].text)
                if found is not None and self.gazetteer.actors[found[0]].kind != "STATE":
                    found = None
            if found is not None:
                out.append((start, ent.end, *found))
                taken.update(range(start, ent.end))
        for token in doc:
            if token.pos_ != "PROPN" or not token.is_title or token.i in taken or token.i in covered \
                    or token.i in demonyms or not token.is_alpha:
                continue
            if token.ent_type_ in WHOLE_NAME_LABELS and token.ent_iob_ != "O":
                continue
            found = self.misspelt(token.text)
            if found is not None:
                out.append((token.i, token.i + 1, *found))
        return out

    def demonym_spans(self, doc: Doc) -> dict[int, Actor]:
        """Token index -> the state whose demonym covers it ("South Korean" -> South Korea),
        misspelt ones included when gazetteer_spans() has seen this Doc."""
        if self._last_demonyms is not None and self._last_demonyms[0] is doc:
            return self._last_demonyms[1]
        return self._exact_demonyms(doc)

    def _exact_demonyms(self, doc: Doc) -> dict[int, Actor]:
        found = sorted(((s, e, doc.vocab.strings[m]) for m, s, e in self.demonym_matcher(doc)),
                       key=lambda f: (-(f[1] - f[0]), f[0]))
        covered: dict[int, Actor] = {}
        for start, end, actor_id in found:
            if any(i in covered for i in range(start, end)) or registry(doc, end, self.gazetteer.actors[actor_id]):
                continue
            for i in range(start, end):
                covered[i] = self.gazetteer.actors[actor_id]
        return covered


class SentenceMentions:
    """Actor resolution inside one sentence, with the article's memory."""

    def __init__(self, finder: MentionFinder, sent: Span, matches: dict[int, Ref],
                 memory: ArticleMemory, index: int, ents: dict[int, Span] | None = None,
                 demonyms: dict[int, Actor] | None = None) -> None:
        self.f = finder
        self.ents = ents if ents is not None else entity_index(sent.doc)
        self.demonyms = demonyms if demonyms is not None else finder.demonym_spans(sent.doc)
        self.lex = finder.lex
        self.relational = finder.relational
        self.first_person = set(finder.lex.raw["pronouns"]["first_person"])
        self.sent = sent
        self.doc = sent.doc
        self.matches = matches
        self.memory = memory
        self.index = index
        self.cache: dict[int, list[Ref]] = {}
        self._source: set[int] | None = None
        self._scan()

    # -- scanning ----------------------------------------------------------
    def _scan(self) -> None:
        """Resolve every noun phrase head left to right, feeding the memory, so
        pronouns later in the sentence see the actors named before them."""
        for token in self.sent:
            if token.pos_ in NOUNS or token.pos_ == "PRON" or token.i in self.matches:
                if token.dep_ in ("compound",) and token.head.i in self.matches and \
                        self.matches.get(token.i) is self.matches.get(token.head.i):
                    continue
                refs = self.resolve(token)
                for ref in refs:
                    if ref.how in ("pronoun", "description") or (
                            ref.actor.kind == "OTHER" and not ref.actor.curated and ref.how != "group"):
                        continue  # named groups ("French farmers") are antecedents, NER debris is not
                    plural = ref.how == "group" and token.tag_ in ("NNS", "NNPS")
                    official = token.tag_ == "NN" and ref.actor.kind != "PERSON" \
                        and token.lemma_.lower() in self.lex.titles
                    self.memory.add(ref.actor, self.index, self._is_subject(token), plural,
                                    self._plural_noun(token, ref), official)
                    if ref.actor.kind == "PERSON" and ref.how in ("name", "alias"):
                        self.memory.people.add(ref.actor.id)

    def _plural_noun(self, token: Token, ref: Ref) -> bool:
        """Is the actor named by a plural ('forces', 'Serbs'; 'Houthis', which the model
        tags as a singular name, since 'Houthi' names it too)?"""
        if ref.how == "modifier":
            # "Syria" in "their Syria stance and ...": the noun is not the actor's name; but
            # "Syria's new leaders" are a plural, a "they"
            return token.tag_ in ("NNS", "NNPS") and ref.start <= token.i < ref.end
        if token.tag_ in ("NNS", "NNPS") or token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
            return True  # coordinated actors are 'they' too ("Djibouti and Eritrea opened their ...")
        return ref.how in ("name", "alias") and token.lower_.endswith("s") and len(token) > 4 \
            and self.f.gazetteer.lookup(token.text[:-1]) is ref.actor

    @staticmethod
    def _is_subject(token: Token) -> bool:
        while token.dep_ in GROUPING_DEPS and token.head is not token:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def rebind(self, ref: Ref, exclude: set[str]) -> Ref | None:
        """A pronoun read as the event's own subject ("Y attacked its positions")
        re-read as the next compatible antecedent."""
        pronouns = [t for t in self.doc[ref.start:ref.end] if t.tag_ in ("PRP", "PRP$")]
        if ref.how != "pronoun" or not pronouns:
            return None
        if len(self.cache.get(pronouns[0].i, [])) > 1:
            return None  # "their" of two conjoined subjects is theirs: no one else's
        lower = pronouns[0].lower_
        persons = lower in self.lex.person
        # never an actor named only after the pronoun ("accusing it of arming the Polisario")
        later = {r.actor.id for i, refs in self.cache.items() if i > pronouns[0].i for r in refs}
        earlier = {r.actor.id for i, refs in self.cache.items() if i < pronouns[0].i for r in refs}
        actor = self.memory.antecedent(None, self.index, exclude | (later - earlier), persons=persons, window=0)
        if actor is None:
            return None
        return Ref(actor, ref.start, ref.end, ref.text, "pronoun", ref.confidence * 0.9)

    def mentions(self) -> list[Mention]:
        out: dict[tuple[int, int, str], Mention] = {}
        for refs in self.cache.values():
            for r in refs:
                start = self.doc[r.start].idx
                end = self.doc[r.end - 1].idx + len(self.doc[r.end - 1].text)
                out[(start, end, r.actor.id)] = Mention(r.actor, r.text, start, end, r.how)
        return sorted(out.values(), key=lambda m: (m.start, m.end, m.actor.id))

    # -- resolution --------------------------------------------------------
    def resolve(self, token: Token) -> list[Ref]:
        """The actor(s) the phrase headed by `token` names; [] for generic words."""
        if token.i not in self.cache:
            self.cache[token.i] = []  # guards against cycles through appositions
            self.cache[token.i] = self._resolve(token)
        return self.cache[token.i]

    def _conjoined_forms(self, match: Ref) -> list[Ref]:
        """'Saudi and Emirati forces': the name matched ('Emirati forces') with each word
        conjoined to its first one in its place ('Saudi forces'), when that is a name too."""
        first = self.doc[match.start]
        if first.dep_ != "conj" or match.end - match.start < 2:
            return []
        root = first
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        rest = self.doc[match.start + 1:match.end].text
        found = []
        for word in (root, *root.conjuncts):
            actor = None if match.start <= word.i < match.end else self.f.gazetteer.lookup(f"{word.text} {rest}")
            if actor is not None and actor.id != match.actor.id:
                found.append(Ref(actor, word.i, word.i + 1, word.text, match.how, match.confidence))
        return found

    def _ref(self, actor: Actor, token: Token, how: str, conf: float,
             start: int | None = None, end: int | None = None) -> Ref:
        if start is None or end is None:
            start = token.i
            for t in token.lefts:  # determiners and modifiers before the head word
                if t.dep_ in GROUPING_DEPS or t.dep_ == "det":
                    start = min(start, t.left_edge.i)
            end = token.i + 1
        return Ref(actor, start, end, self.doc[start:end].text, how, conf)

    def _resolve(self, token: Token) -> list[Ref]:
        lex = self.lex
        lower = token.text.lower()
        match = self.matches.get(token.i)
        if match is not None and match.how == "place":
            return []  # a region or city: it only places other words in its state
        if match is not None and match.actor.kind != "PERSON":
            ent = self._entity(token)
            if ent is not None and ent.label_ == "ORG" and name_head(ent).i not in range(match.start, match.end) \
                    and self._named_organisation(name_head(ent)) is not None:
                return []  # "Angola" in "National Union for the Total Independence of Angola"
        if match is not None:
            if match.actor.kind == "PERSON" and match.end - match.start == 1 and token.i > 0 \
                    and self.doc[token.i - 1].lower_ in KIN:
                # "Haftar's son Saddam": a relative called by a first name, not Saddam Hussein
                kin = self.doc[token.i - 1]
                family = [r.actor for c in kin.children if c.dep_ == "poss" for r in self.resolve(c)
                          if r.actor.kind == "PERSON"]  # (the relative's country is the family's)
                base = self.f.gazetteer.uncurated(token.text, "PERSON")
                return [Ref(dataclasses.replace(base, country=family[0].country if family else None),
                            token.i, token.i + 1, token.text, "ner", 0.6)]
            if match.actor.kind == "PERSON":
                self.memory.people.add(match.actor.id)
                return self._with_office(token, [match])
            return [match, *self._conjoined_forms(match)]
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WDT", "WP", "WP$"):
            return self._pronoun(token, lower)
        acronym = self._acronym(token)
        if acronym is not None:
            return acronym
        if token.dep_ == "appos" and token.is_lower and token.i > token.head.i and any(
                c.dep_ == "det" for c in token.children):
            # "the NUT, the umbrella union for teachers": a description of the name before it
            described = [r for r in self.resolve(token.head) if r.how not in ("pronoun", "description")]
            if len(described) == 1 and described[0].actor.kind not in ("PERSON", "STATE") \
                    and described[0].how in ("name", "alias", "ner", "group"):
                return [self._ref(described[0].actor, token, "description", 0.8)]
        ent = self._entity(token)
        if ent is not None and ent.label_ == "ORG" and name_head(ent).i != token.i and \
                self._named_organisation(name_head(ent)) is not None:
            return []  # "Teachers" in "the Nigerian Union of Teachers": a word of its name
        if token.pos_ not in NOUNS and token.ent_type_ not in ("PERSON", "ORG", "NORP"):
            return []
        lemma = token.lemma_.lower()
        # apposition: "its ally, Bashar al-Assad" names Assad (a name keeps its own reading)
        for child in token.children if token.pos_ == "NOUN" else ():
            if child.dep_ == "appos":
                refs = self.resolve(child)
                if refs:
                    return refs
        owner = self.memory.institutions.get(lemma)
        definite = [*token.lefts, *(token.head.lefts if token.dep_ == "compound" else ())]
        if owner is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in definite) \
                and not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.lefts):
            # "the Embassy" after "the U.S. Embassy": the same state's (whatever NER makes of it)
            return [self._ref(owner, token, "description", 0.7)]
        if token.pos_ == "PROPN" and token.dep_ != "compound":
            known = self._known_surname(token)
            if known:
                return known
        if token.ent_type_ == "PERSON":
            person = self._person(token)
            if person:
                return self._with_office(token, person)
        if lemma in COALITIONS and token.pos_ == "NOUN" and any(map(_leading, token.lefts)):
            # "a French-led coalition", "the Russian-led alliance": several states under one,
            # not the leader alone (a named one, "the Saudi-led coalition", is a gazetteer name)
            return [self._stateless_group(token, "COALITION")]
        description = self._description(token, lemma)
        if description is not None:
            return description
        if token.pos_ == "PROPN" and lower.endswith("s") and lemma == lower:
            lemma = lower[:-1]  # "the Foreign Ministers": capitalised plurals keep their -s
        is_role = lemma in lex.state_roles or lower in lex.state_roles or \
            lemma in lex.group_kind or lower in lex.group_kind
        # settlers and refugees come from elsewhere: where they are says not whose they are
        newcomers = lemma in NEWCOMERS
        # nor does it make 'the international community' or 'foreign fighters' its own
        beyond = any(c.dep_ == "amod" and c.lower_ in BEYOND_STATES for c in token.lefts)
        countries = self._country_modifiers(token, located=is_role and not newcomers and not beyond)
        if is_role and not countries and self._sponsors(token):
            # 'Saudi-backed government forces retook Aden': a government's are its state's
            ruling = lemma == "government" or any(c.dep_ in ("compound", "amod") and c.lemma_.lower()
                                                  in ("government", "regime") for c in token.lefts)
            state = self.f.gazetteer.by_country(self._sole_country()) if ruling else None
            if state is not None:
                return [self._ref(state, token, "located", 0.6)]
            # 'Iran-backed militias', 'pro-Iranian forces' with no place of their own: a
            # group known only by its sponsor, of no state
            kind = lex.group_kind.get(lemma) or lex.group_kind.get(lower) or "ARMED_GROUP"
            return [self._stateless_group(token, kind)]
        if lemma in lex.state_roles or lower in lex.state_roles:
            led = self._led_group(token)
            if countries and led is not None:
                # "Afghan rebel leaders", "Kenyan opposition figures": the leaders of a
                # group speak for that group, not for the state they are from
                word, led_kind = led
                return [self.group(a, token, how, led_kind, f"{self.f.gazetteer.demonym_of(a.id) or a.name} {word}")
                        if a.kind == "STATE" else self._ref(a, token, how, 0.85) for a, how in countries]
            people = self._people_word(token, named=True)
            # one leader of a faith, unnamed ("a Christian leader in Lebanon") leads believers too
            unnamed = token.tag_ == "NN" and any(c.dep_ == "det" for c in token.lefts) \
                and people is not None and self.f.gazetteer.is_faith(people.text) \
                and not any(c.dep_ == "appos" or (c.ent_type_ == "PERSON" and c.i != people.i)
                            for c in token.children) \
                and token.head.ent_type_ != "PERSON"
            if people is not None and token.is_lower and (token.tag_ == "NNS" or unnamed) and token.dep_ != "compound" \
                    and (lemma in lex.titles or lemma in SPOKESPEOPLE) \
                    and all(a.kind == "STATE" for a, _how in countries):
                # "Yoruba leaders", "Druze leaders in Sweida": leaders of a people without a
                # state are a group of theirs, placed by the sentence if it can
                home = countries[0][0].country if countries else \
                    None if self.f.gazetteer.is_faith(people.text) else self._sole_country()
                leaders_name = self.doc[people.i:token.i + 1].text
                base = self.f.gazetteer.uncurated(leaders_name, "OTHER")
                leaders_id = slug(f"{leaders_name} {home}") if home else base.id
                leaders = Actor(leaders_id, base.name, "OTHER", home, base.aliases, curated=False)
                return [self._ref(leaders, token, "group", 0.6, people.i, token.i + 1)]
            if lemma in PERSONS_INSTITUTIONS:
                # "the third Cabinet of Najib Mikati", "Putin's army": a leader's institution
                # is his state's (his government or regime is his own: 'the Assad regime');
                # a group leader's forces are his group's ("Nasrallah said his forces ...")
                countries = [(self.f.gazetteer.headed(a) or self.f.gazetteer.by_country(a.country) or a, how)
                             if a.kind == "PERSON" and (a.country or a.id in self.f.gazetteer.heads)
                             and how != "loyal" else (a, how)
                             for a, how in countries]
            if countries:
                if lemma in BACK_REFERRED and len(countries) == 1:
                    self.memory.institutions[lemma] = countries[0][0]
                return [self._ref(a, token, how, 0.9) for a, how in countries]
            if any(c.dep_ == "compound" and c.lower_ == "coalition" for c in token.lefts):
                # "coalition forces", "coalition aircraft": the coalition the story is about
                actor = self.memory.antecedent({"COALITION"}, self.index, set(), window=8)
                return [self._ref(actor, token, "description", 0.6)] if actor is not None else []
            if lemma in PERSONS_INSTITUTIONS and any(
                    c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("government", "regime")
                    for c in token.lefts) and not any(
                    c.lower_ in ("former", "ousted", "toppled", "old", "ex", "anti", "pro", "non")
                    or c.lower_.startswith(("ex-", "anti-", "pro-", "non-")) for c in token.lefts):
                # "government forces shelled Idlib": the state the story is about, as "the
                # government" is (the sentence's one state first)
                sole = self._sole_country()
                actor = (self.f.gazetteer.by_country(sole) if sole else None) or \
                    self.memory.antecedent({"STATE"}, self.index, self._clause_subjects(token))
                return [self._ref(actor, token, "description", 0.6)] if actor is not None else []
            return []
        kind = lex.group_kind.get(lemma) or lex.group_kind.get(lower)
        organisation = self._named_organisation(token)
        if kind and organisation is not None:
            # "the Nigerian Union of Teachers": the whole name, not "the Nigerian Union"
            return self._uncurated(organisation, token, countries)
        if kind:
            # armed men a sentence's actors act on ("US forces killed three militants")
            # are as often foreign as local: unplaced, they stay generic
            armed_target = kind == "ARMED_GROUP" and token.dep_ in ("dobj", "pobj")
            if not countries and not armed_target and not newcomers and not beyond \
                    and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                    and lemma not in ("group", "faction", "party", "movement", "union", "organization", "organisation"):
                # "Islamic fundamentalists continued their hunger strike ... Algerian President"
                sole = self._sole_country(armed=kind == "ARMED_GROUP")
                state = self.f.gazetteer.by_country(sole) if sole else None
                if state is not None:
                    countries = [(state, "located")]
            people = self._people_word(token, named=True)
            if countries:
                out = []
                for actor, how in countries:
                    if actor.kind != "STATE":  # "Hezbollah fighters" are Hezbollah
                        out.append(self._ref(actor, token, how, 0.85))
                        continue
                    # "Kurdish fighters" keep the people's name, whatever state they are placed in
                    name = self.doc[people.i:token.i + 1].text if people is not None else None
                    out.append(self.group(actor, token, how, kind, name, people=people is not None))
                return out
            if beyond and kind == "ARMED_GROUP":
                # "foreign fighters": a group of no state, known by that phrase
                return [self._stateless_group(token, kind, whole_phrase=False)]
            names = [c for c in token.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                     and c.i not in self.matches and c.i not in self.demonyms]
            if not names:
                return []
            # "the Wafd party", "Karen guerrillas": a group named by a word the gazetteer lacks,
            # of the one state the sentence is about
            text = self.doc[names[0].left_edge.i:token.i + 1].text
            base = self.f.gazetteer.uncurated(text, kind)
            actor = Actor(base.id, base.name, kind, self._sole_country(armed=kind == "ARMED_GROUP"),
                          base.aliases, curated=False)
            return [self._ref(actor, token, "group", 0.6, names[0].left_edge.i, token.i + 1)]

        demonym = self.demonyms.get(token.i)
        if demonym is not None and token.pos_ in NOUNS and token.dep_ not in ("amod", "compound", "nmod"):
            community = self._ethnic_community(token, demonym)
            if community:
                return community
            return [self._ref(demonym, token, "demonym", 0.8, token.i, token.i + 1)]
        if token.ent_type_ in NER_KINDS and token.ent_iob_ != "O":
            ent = self._entity(token)
            # "the Kurdish-led force": a people's adjective leading or modifying names no actor
            modifier = ent is not None and ent.label_ == "NORP" and token.dep_ in ("npadvmod", "amod")
            if ent is not None and ent.root.i == token.i and not modifier and not self._stray_name(ent, token):
                return self._uncurated(ent, token, countries)
        proper = self._proper_organisation(token, lemma)
        if proper is not None:
            return proper
        if lemma in self.relational and token.dep_ not in ("compound", "amod"):
            # "its European Community partners", "its NATO allies", "their Hezbollah allies":
            # the named body is who they are ("its Syrian allies" names no one)
            named = [m.actor for c in token.lefts if c.dep_ in ("compound", "nmod")
                     for m in [self.matches.get(c.i)] if m is not None and m.how != "place"
                     and m.actor.kind in GROUP_KINDS and m.actor.kind != "GOVERNMENT"]
            if not named and lemma in STATE_RELATIONS:
                # "its Syrian ally", "their Iranian backers": a state's demonym names the state
                # ("Iran's Iraqi proxies" are not Iraq)
                named = [a for c in token.lefts if c.dep_ in ("amod", "compound")
                         for a in [self.demonyms.get(c.i)] if a is not None and a.kind == "STATE"]
            if len({a.id for a in named}) == 1:
                return [self._ref(named[0], token, "modifier", 0.7)]
            patron = [a for c in token.lefts if c.dep_ in ("poss", "amod", "compound")
                      for a in [self.demonyms.get(c.i) or getattr(self.matches.get(c.i), "actor", None)]
                      if a is not None and a.kind == "STATE"]
            if lemma in CLIENTS and token.tag_ == "NNS" and len({a.id for a in patron}) == 1:
                # "Iran's proxies in Iraq attacked ...": armed groups known by their patron
                demonym = self.f.gazetteer.demonym_of(patron[0].id) or patron[0].name
                return [self._stateless_group(token, "ARMED_GROUP", f"{demonym} {token.lower_}")]
        if countries and token.dep_ not in ("compound", "amod") and lemma not in self.relational:
            # "Iranian targets", "an Indian proposal": the noun belongs to the state;
            # "his country" is the state a person belongs to
            if lemma in COUNTRY_NOUNS:
                countries = [(self.f.gazetteer.by_country(a.country) or a, how)
                             if a.kind == "PERSON" and a.country else (a, how) for a, how in countries]
            return [self._ref(a, token, how, 0.6) for a, how in countries]
        return []

    def group(self, state: Actor, token: Token, how: str, kind: str = "OTHER",
              name: str | None = None, people: bool = False) -> Ref:
        """People of a state named by what they are ("French farmers", "its own people"):
        an uncurated group based in that state, not the state itself. Named as the text
        names it, else by the state's demonym ("rebels in Syria" -> "Syrian rebels"), so one
        group keeps one id however a sentence places it. A group named by a people without
        a state (`people`: "Kurdish fighters") gets an id per state it is placed in."""
        if name is None and how == "demonym":
            name = self._naming_phrase(token).text
        elif name is None:
            word = token.lower_ if token.is_sent_start else token.text  # "Rebels in Syria ..."
            name = f"{self.f.gazetteer.demonym_of(state.id) or state.name} {word}"
        base = self.f.gazetteer.uncurated(name, kind)
        actor_id = slug(f"{name} {state.country}") if people and state.country else base.id
        actor = Actor(actor_id, base.name, kind, state.country, base.aliases, curated=False)
        return self._ref(actor, token, "group", 0.7)

    def _naming_phrase(self, token: Token) -> Span:
        """The words that name a group, without the determiner or count before them:
        "two Iraqi militias" are the Iraqi militias, "the Iran-backed militias" too."""
        words = self.doc[self._np_start(token):token.i + 1]
        while len(words) > 1 and (words[0].pos_ in ("DET", "NUM") or words[0].dep_ in ("det", "nummod", "predet")):
            words = words[1:]
        return words

    def _stateless_group(self, token: Token, kind: str, name: str | None = None,
                         whole_phrase: bool = True) -> Ref:
        """A group of no state known by a phrase: "a French-led coalition", "Iran-backed
        militias", "foreign fighters", "Iranian proxies". The mention covers the noun
        phrase, or (`whole_phrase=False`) just the naming words."""
        words = self._naming_phrase(token)
        base = self.f.gazetteer.uncurated(name or words.text, kind)
        actor = Actor(base.id, base.name, kind, None, base.aliases, curated=False)
        if whole_phrase:
            return self._ref(actor, token, "group", 0.6)
        return self._ref(actor, token, "group", 0.6, words.start, token.i + 1)

    def _acronym(self, token: Token) -> list[Ref] | None:
        """'NUT' in 'the Nigerian Union of Teachers (NUT)' is that union, here and later in
        the article; None when the word is no such short name."""
        text = token.text
        if token.pos_ != "PROPN" or not (2 <= len(text) <= 8 and text.isupper() and text.isalpha()):
            return None
        i = token.i
        if i >= 2 and i + 1 < len(self.doc) and self.doc[i - 1].text == "(" and self.doc[i + 1].text == ")":
            name = self.doc[i - 2]
            ent = self._entity(name)
            head = name_head(ent) if ent is not None and ent.end == name.i + 1 else name
            if ent is not None and ent.label_ not in NER_KINDS:
                return None  # "the ... Act (IFCA)": a law's short name, no actor's
            refs = [r for r in self.resolve(head) if r.actor.kind not in ("PERSON", "STATE")
                    and r.how in ("name", "alias", "ner", "group")]
            if len(refs) == 1:
                self.memory.acronyms[text] = refs[0].actor
                return [Ref(refs[0].actor, i, i + 1, text, "alias", refs[0].confidence)]
        known = self.memory.acronyms.get(text)
        if known is not None:
            return [Ref(known, i, i + 1, text, "alias", 0.8)]
        return None

    def _government_levels(self, token: Token, lemma: str) -> list[Ref] | None:
        """'the regional government' is the region's government the story named (a
        sub-state GOVERNMENT such as the KRG), 'the federal government' the state; 'the
        regional and federal governments' both. None when no level is said."""
        if lemma not in ("government", "authority", "administration"):
            return None
        words = {t.lower_ for t in token.lefts if t.dep_ == "amod"}
        words |= {c.lower_ for t in token.lefts if t.dep_ == "amod" for c in t.conjuncts}
        wanted = [kind for level, kind in GOVERNMENT_LEVELS.items() if level in words]
        if not wanted:
            return None
        out: list[Ref] = []
        for kind in dict.fromkeys(wanted):
            actor = self.memory.antecedent({kind}, self.index, {r.actor.id for r in out}, window=8)
            if actor is not None:
                out.append(Ref(actor, token.i, token.i + 1, self.doc[token.left_edge.i:token.i + 1].text,
                               "description", 0.6))
        return out

    def _proper_organisation(self, token: Token, lemma: str) -> list[Ref] | None:
        """'the Azadliq opposition coalition', 'the Homeland Union': an organisation named by
        a proper name NER missed before a noun that heads organisation names; of the one
        state the sentence is about. None when the phrase is no such name."""
        kind = next((k for k, words in self.f.org_heads.items() if k != "IGO" and lemma in words), None)
        if kind is None or token.dep_ == "compound":
            return None
        names = [c for c in token.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                 and c.is_title and not c.is_sent_start and c.i not in self.matches
                 and c.i not in self.demonyms
                 and (not c.ent_type_ or (c.ent_type_ in MISSPELT_LABELS and len(self.ents[c.i]) == 1))]
        if not names:
            return None
        start = min(n.left_edge.i for n in names)
        words = [t.lemma_.lower() for t in self.doc[start:token.i]]
        kind = next((self.lex.group_kind[w] for w in words if w in self.lex.group_kind), kind)
        text = self.doc[start:token.i + 1].text
        base = self.f.gazetteer.uncurated(text, kind)
        actor = Actor(base.id, base.name, kind, self._sole_country(armed=kind == "ARMED_GROUP"),
                      base.aliases, curated=False)
        return [self._ref(actor, token, "group", 0.6, start, token.i + 1)]

    def _named_organisation(self, token: Token) -> Span | None:
        """The organisation name (NER) a group word heads, when the name is more than a
        nationality and that word ("Union of Teachers", "Municipality Association"), and the
        body is no organ of a state ("Foreign Ministry": the state's reading)."""
        ent = self._entity(token)
        if ent is None or ent.label_ != "ORG" or name_head(ent).i != token.i or \
                token.lemma_.lower() in self.lex.state_roles or token.lower_ in self.lex.state_roles:
            return None
        others = [t for t in ent if t.i != token.i and t.lower_ != "the" and t.i not in self.demonyms
                  and t.i not in self.matches and not t.is_punct]
        return ent if others else None

    def _with_office(self, token: Token, refs: list[Ref]) -> list[Ref]:
        """A person the sentence names by an office of an intergovernmental organisation
        ("U.N. mediator Diego Cordovez", "Kofi Annan, UN secretary-general") also stands for
        that organisation: the IGO-level reading of an official's act, as "a senior Iranian
        official" is Iran. Officials of a state keep only their own reading; a state's envoy
        to an IGO ("the UN ambassador") is no official of it."""
        if len(refs) != 1 or refs[0].actor.kind != "PERSON" or (refs[0].actor.country and refs[0].actor.curated):
            return refs
        person = refs[0]
        words = [t for t in self.doc[person.start:person.end] if t.i < token.i]
        for mod in token.lefts:
            if mod.dep_ in ("compound", "amod", "nmod") and mod.i < person.start:
                words += [mod, *(m for m in mod.lefts if m.dep_ in ("compound", "amod", "nmod", "poss"))]
        for appos in (c for c in token.children if c.dep_ == "appos"):
            words += [appos, *(m for m in appos.lefts if m.dep_ in ("compound", "amod", "nmod", "poss"))]
        # "the UN envoy, Hans Grundberg"; "UN special envoy for Syria Geir Pedersen" (parsed
        # as the envoy's object): the office the name is attached to
        role = token.head if token.dep_ == "appos" else token.head.head \
            if token.dep_ == "pobj" and token.head.lower_ in ("for", "to") else None
        if role is not None and role.i < token.i and (role.lemma_.lower() in self.lex.titles
                                                      or role.lemma_.lower() in SPOKESPEOPLE):
            words += [role, *(m for m in role.lefts if m.dep_ in ("compound", "amod", "nmod", "poss"))]
        if any(w.lemma_.lower() in NOT_OFFICIALS for w in words):
            return refs
        for word in words:
            match = self.matches.get(word.i)
            actor = match.actor if match is not None and match.actor.id != person.actor.id \
                else self.f.gazetteer.lookup(word.text) if word.i in range(person.start, person.end) else None
            if actor is not None and actor.kind == "IGO":
                # the IGO's official, whatever state the sentence is about ("UN envoy for Syria X")
                official = Ref(dataclasses.replace(person.actor, country=None), person.start, person.end,
                               person.text, person.how, person.confidence)
                return [official, Ref(actor, person.start, person.end, person.text, "igo official", 0.6)]
        return refs

    def _led_group(self, token: Token) -> tuple[str, str] | None:
        """('rebels', kind) when a person's role is held in a group ('rebel leaders'), not
        a thing of the group ('militia positions')."""
        lemma = token.lemma_.lower()
        if lemma not in self.lex.titles and lemma not in SPOKESPEOPLE:
            return None
        for child in token.lefts:
            lemma = child.lemma_.lower()
            kind = self.lex.group_kind.get(lemma)
            if child.dep_ in ("compound", "amod") and kind in ("ARMED_GROUP", "POLITICAL_PARTY"):
                plural = lemma if lemma in ("opposition", "mujahideen") or lemma.endswith("s") \
                    else lemma + "s"
                return plural, kind
        return None

    def _people_word(self, token: Token, named: bool = False) -> Token | None:
        """'Kurdish' in 'Kurdish fighters': a people or faith that names a group and is no
        state's demonym (Kurdish, Baloch, Druze, Muslim), or None. `named`: any unknown
        proper name will do ('Yoruba leaders', which the model may take for a place)."""
        kinds = ("NORP", "GPE", "ORG", "PERSON", "") if named else ("NORP",)
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in kinds \
                    and child.i not in self.demonyms and child.i not in self.matches \
                    and child.text[:1].isupper() and child.lower_ not in BLOCS \
                    and (child.ent_type_ or (child.pos_ == "PROPN" and not child.is_sent_start)) \
                    and not any(t.i in self.demonyms for t in (self._entity(child) or ())):
                return child  # ("Radical French": a nationality after all)
        return None

    def _ethnic_community(self, token: Token, demonym: Actor) -> list[Ref]:
        """'ethnic Albanians', 'the Albanians of southern Serbia': a people living in
        another state is a community of that state (PLOVER codes them there)."""
        home = next((self.demonyms[c.i] for c in token.lefts if c.dep_ in ("amod", "compound")
                     and c.i in self.demonyms and self.demonyms[c.i].kind == "STATE"
                     and self.demonyms[c.i].country != demonym.country), None)
        if home is not None and token.tag_ in ("NNS", "NNPS"):
            # "Bosnian Serbs", "Iraqi Kurds": a people named after the state they live in
            name = self.doc[self._np_start(token):token.i + 1].text
            name = name[4:] if name.lower().startswith("the ") else name
            base = self.f.gazetteer.uncurated(name, "OTHER")
            actor = Actor(base.id, base.name, "OTHER", home.country, base.aliases, curated=False)
            return [self._ref(actor, token, "group", 0.7)]
        places = [t for prep in token.rights if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
                  for t in prep.children if t.dep_ == "pobj"]
        country = next((m.actor.country for t in places for m in [self.matches.get(t.i)]
                        if m is not None and m.actor.kind == "STATE" and m.actor.country != demonym.country), None)
        if country is None and any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children):
            country = self._sole_country(exclude=demonym.country)
        if country is None or country == demonym.country:
            return []
        state = self.f.gazetteer.by_country(country)
        name = f"{token.text} in {state.name if state is not None else country}"
        base = self.f.gazetteer.uncurated(name, "OTHER")
        actor = Actor(base.id, name, "OTHER", country, base.aliases, curated=False)
        return [self._ref(actor, token, "community", 0.7)]

    def _np_start(self, token: Token) -> int:
        start = token.i
        for t in token.lefts:
            if t.dep_ in GROUPING_DEPS | {"det"}:
                start = min(start, t.left_edge.i)
        return start

    def _entity(self, token: Token) -> Span | None:
        return self.ents.get(token.i)

    def _person(self, token: Token) -> list[Ref]:
        ent = self._entity(token)
        if ent is None or ent.root.i != token.i:
            return []
        words = list(ent)
        while len(words) > 1 and (words[0].text.lower() in self.lex.titles or
                                  words[0].text.lower().rstrip(".") in self.lex.titles):
            words = words[1:]
        name = " ".join(t.text for t in words) if words else ent.text
        actor = self.f.gazetteer.lookup(name)
        if actor is None and words:
            surname = words[-1].text.lower()
            if surname.endswith(("'s", "\u2019s")):
                surname = surname[:-2]
            actor_id = self.f.surnames.get(surname)
            known = self.f.gazetteer.actors[actor_id] if actor_id is not None else None
            # a full name with another first name is a relative, not the one known
            # ("Tahnoon bin Zayed" is not Mohamed bin Zayed, "Saddam Haftar" not Khalifa)
            if known is not None and (len(words) == 1 or words[0].text.lower() in {
                    n.split()[0].lower() for n in (known.name, *known.aliases)}):
                actor = known
        if actor is not None and actor.kind == "PERSON":
            return [Ref(actor, ent.start, ent.end, ent.text, "name", 0.95)]
        if actor is not None:
            return []
        if len(words) < 2 and not any(t.text.lower() in self.lex.titles for t in ent):
            # a lone unknown name: only an actor if the article named it in full, by surname
            # or (less formal) first name ("Levinson", "Bob" after "Bob Levinson")
            bare = name.lower().removesuffix("'s").removesuffix("\u2019s")
            known = [a for a in self.memory.seen if a.actor.kind == "PERSON" and len(a.actor.name.split()) > 1
                     and bare in (a.actor.name.split()[-1].lower(), a.actor.name.split()[0].lower())]
            if known:
                return [Ref(known[-1].actor, ent.start, ent.end, ent.text, "surname", 0.8)]
            if self._stray_name(ent, token):
                return []
        # "Karim Haddad, a Lebanese lawmaker": the apposition says where he is from
        countries = self._country_modifiers(token) + [
            found for child in token.children if child.dep_ == "appos"
            for found in self._country_modifiers(child, located=True)]
        head = token.head
        if token.dep_ == "appos" and (head.lemma_.lower() in self.lex.state_roles or head.lower_ in self.lex.titles):
            countries += self._country_modifiers(head, located=True)  # "Niger's ambassador Brah Mohamane"
        return self._uncurated(ent, token, countries)

    def _stray_name(self, ent: Span, token: Token) -> bool:
        """'Buk missiles', 'across the Litani': one capitalised word the model took for a
        person, untitled, that only modifies a noun or says where, names no actor (a lone
        surname as a verb's argument still does: 'he succeeded Milosevic')."""
        if ent.label_ != "PERSON" or len(ent) != 1 or self._titled(ent) or ent.text.isupper():
            return False
        return token.dep_ in ("compound", "amod", "nmod") or (
            token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS)

    def _titled(self, ent: Span) -> bool:
        """Is the person introduced with an office ("President X", "Judge Y")?"""
        first = self.doc[ent.start - 1] if ent.start > self.sent.start else None
        words = [t.lower_ for t in ent[:2]] + ([first.lower_] if first is not None else [])
        return any(w.rstrip(".") in self.lex.titles or w in self.lex.titles for w in words)

    def _sole_country(self, for_person: bool = False, exclude: str | None = None,
                      armed: bool = False) -> str | None:
        """The one state this sentence names, if exactly one: a titled official or a
        group with no stated nationality is taken to belong to it (domestic news)."""
        # only states named as places or owners ("in Sudan", "Haiti's elections", "Chilean
        # officials"), not a party to the event ("sanctions against Nigeria") nor another
        # person's nationality ("South African leader de Klerk")
        reporter = self._reporter()  # "..., a spokeswoman for the U.S. embassy said": not the story's
        found = {m.actor.country for m in self.matches.values()
                 if self.sent.start <= m.start < self.sent.end and m.actor.kind == "STATE"
                 and m.start not in reporter and self._placed(self.doc[m.end - 1])}
        # a border has two sides: "near the Syrian border" places no one in Syria
        # ("Macedonia's border with Bulgaria" still places in Macedonia)
        found |= {a.country for i, a in self.demonyms.items() if self.sent.start <= i < self.sent.end
                  and i not in reporter and not self._lent_elsewhere(i, for_person, armed)
                  and not self._sponsor_word(self.doc[i]) and self.doc[i].head.lemma_.lower() not in BORDERS}
        found.discard(None)
        found.discard(exclude)
        if not found:
            # no state named: the state of the officials and bodies the sentence does name
            # ("Bouteflika is prepared to lift the ban on <party>": a party of Algeria)
            found = {m.actor.country for m in self.matches.values()
                     if self.sent.start <= m.start < self.sent.end and m.how != "place"
                     and m.start not in reporter and m.actor.kind in STATE_BOUND and m.actor.country}
            found.discard(exclude)
        return found.pop() if len(found) == 1 else None

    def _lent_elsewhere(self, i: int, for_person: bool, armed: bool = False) -> bool:
        """Does the demonym at token i belong to another named actor, so that it says
        nothing about an unplaced one? For a person: it qualifies another person ("South
        African leader F.W. de Klerk"). For a group: it is part of another organisation's
        name ("the Canadian Security Intelligence Service")."""
        head = self.doc[i]
        while head.head.i != head.i and head.head.i in self.demonyms \
                and self.demonyms[head.head.i] is self.demonyms[i]:
            head = head.head  # "South African": the last word of the demonym
        head = head.head
        if for_person:
            if head.ent_type_ == "PERSON" or head.lower_ in self.lex.titles:
                return True
            # a title chain ending in a name: "South African leader F.W. de Klerk"
            return head.dep_ == "compound" and head.head.ent_type_ == "PERSON"
        if armed and (head.dep_ == "dobj" or (head.dep_ == "pobj" and head.head.lower_ in ("against", "on", "at"))):
            return True  # "attacked a Chinese convoy": the target's state, not the armed men's home
        ent = self.ents.get(i)
        return ent is not None and ent.label_ == "ORG" and len(ent) > 1 and \
            name_head(ent).lemma_.lower() not in self.lex.state_roles

    def _reporter(self) -> set[int]:
        """Token indices of the source a sentence names: the one it closes with ('..., Thai
        police said') or gives 'according to' ('according to a report submitted to X')."""
        if self._source is None:
            self._source = self._find_reporter()
        return self._source

    def _find_reporter(self) -> set[int]:
        source: set[int] = set()
        for t in self.sent:
            if t.lower_ == "according" and t.i + 1 < self.sent.end and self.doc[t.i + 1].lower_ == "to":
                source |= {w.i for w in self.doc[t.i + 1].subtree}
        root = self.sent.root
        if root.lemma_.lower() not in self.f.speech or not any(c.dep_ == "ccomp" and c.i < root.i
                                                               for c in root.children):
            return source
        return source | {t.i for c in root.children if c.dep_ == "nsubj" for t in c.subtree}

    @staticmethod
    def _placed(token: Token) -> bool:
        if token.dep_ in ("poss", "compound", "nmod"):
            return True
        if token.dep_ == "amod" and token.head.pos_ in NOUNS and token.ent_type_ in ("GPE", "NORP"):
            return True  # a country name the parser tagged as an adjective: "the Mozambique government"
        return token.dep_ == "pobj" and token.head.lower_ in ("in", "of", "across", "throughout", "inside", "from")

    def _known_surname(self, token: Token) -> list[Ref]:
        """'Haddad' once 'Karim Haddad' was named in the article (whatever NER says now)."""
        lower = token.lower_
        if len(lower) < 3 or any(t.dep_ == "compound" for t in token.lefts):
            return []
        for seen in reversed(self.memory.seen):
            name = seen.actor.name.split()
            if seen.actor.kind == "PERSON" and len(name) > 1 and name[-1].lower() == lower:
                return [Ref(seen.actor, token.i, token.i + 1, token.text, "surname", 0.8)]
        return []

    @staticmethod
    def _ship_name(ent: Span, token: Token) -> bool:
        """'the tanker Stena Impero', 'the Stena Impero tanker', 'Stena Impero, a British
        tanker': the name is a ship's."""
        words = [c for c in token.children if (c.dep_ in ("compound", "amod", "nmod") and c.i < ent.start)
                 or c.dep_ == "appos"]
        if token.dep_ in ("appos", "compound"):
            words.append(token.head)
        return any(w.lemma_.lower() in VESSELS for w in words)

    def _uncurated(self, ent: Span, token: Token, countries: list[tuple[Actor, str]]) -> list[Ref]:
        label = ent.label_
        if label == "PERSON" and len(ent) == 1 and len(ent.text) >= 3 and ent.text.isupper():
            label = "ORG"  # "MASSOB", "SPLM": an acronym the small model took for a person
        people = label == "PERSON" and (ent[-1].tag_ == "NNPS" or ent[-1].i in self.demonyms)
        if people:
            label = "NORP"  # "Bosnian Serbs": a people the small model took for a person
        if label == "NORP" and token.pos_ not in NOUNS:
            return []
        if label == "NORP" and all(t.i in self.demonyms for t in ent if not t.is_punct) and \
                len({self.demonyms[t.i].id for t in ent if not t.is_punct}) == 1:
            # "Saudi" in "the Saudi-Iran rivalry": a nationality the model named as a people
            state = self.demonyms[ent[0].i]
            return [Ref(state, ent.start, ent.end, ent.text, "demonym", 0.7)]
        text = ent.text
        for prefix in ("the ", "The "):
            text = text.removeprefix(prefix)
        text = text.removesuffix("'s").removesuffix("\u2019s")  # "Peter the Great's"
        if label == "PERSON":
            words = text.split()
            while len(words) > 1 and words[0].lower() in self.lex.titles:
                words = words[1:]
            text = " ".join(words)
        if len(text) < 2 or not any(c.isalpha() for c in text) or normalise(text) in self.f.gazetteer.regions:
            return []  # "the Levant", "the Caucasus": an area of several states, no actor
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.f.place_nouns for c in token.children):
            return []  # "Baath, a town in the demilitarised zone": a place, no actor
        if token.dep_ == "pobj" and token.head.lower_ == "of" and \
                token.head.head.lemma_.lower() in self.f.place_nouns:
            return []  # "the border village of Kfar Kila": a place, no actor
        named_body = any(ent[-1].lemma_.lower() in words or ent[-1].lower_ in words
                         for words in self.f.org_heads.values())
        if token.dep_ in ("compound", "nmod") and ent.end <= token.head.i <= ent.end + 1 and (
                token.head.lemma_.lower() in self.f.place_nouns
                or (token.head.lemma_.lower() in self.f.not_actors and not named_body)):
            # "the Sidakan district", "Abyan province", "Al Udeid air base": a place, no actor
            # ("a Fatemiyoun Brigade base": the group's)
            return []
        if self._ship_name(ent, token):
            return []  # "the tanker Stena Impero": a ship, no actor
        last = next((t for t in reversed(ent) if not (t.like_num or t.is_punct)), ent[-1])  # "Memorandum 2"
        if last.lemma_.lower() in self.f.not_actors or last.lower_ in self.f.not_actors \
                or ent[0].lower_ == "operation" or (ent.start > 0 and self.doc[ent.start - 1].lower_ == "operation"):
            return []  # "the Oslo Accords", "Operation Decisive Storm", "Operation Olive Branch": not actors
        country = next((a.country for a, _ in countries if a.country), None)
        kind = NER_KINDS[label]
        if label == "ORG":
            # "the Nigerian Union of Teachers", "Kenya Anti-Corruption Commission"
            inside = [self.demonyms.get(t.i) or (self.matches[t.i].actor if t.i in self.matches else None)
                      for t in ent]
            owners = [a for a in inside if a is not None]
            if country is None:
                country = next((a.country for a in owners if a.country and a.kind == "STATE"), None)
            kind = self.f.organisation_kind(ent, owners)
        if country is None and label == "PERSON" and self._titled(ent):
            country = self._sole_country(for_person=True)
        elif label == "NORP" and self.f.gazetteer.is_faith(text):
            # believers named by their faith alone live in many states: only a place of
            # their own places them ('the Shia of Lebanon'; not 'called on Muslims to ...')
            country = next((a.country for a, _ in self._country_modifiers(token, located=True)
                            if a.country), None)
        elif country is None and label in ("ORG", "NORP") and kind != "IGO":
            # a local organisation or community of the one country the sentence is about
            country = self._sole_country(armed=kind == "ARMED_GROUP")
        base = self.f.gazetteer.uncurated(text, kind)
        actor = Actor(base.id, base.name, kind, country, base.aliases, curated=False)
        # a people is a group later pronouns point back to ("their forces"); other NER names are not
        return [Ref(actor, ent.start, ent.end, ent.text, "group" if people else "ner", 0.6)]

    def _hung_after(self, token: Token) -> list[Token]:
        """'backs the government in Tripoli' parsed with 'in Tripoli' on the verb: the
        preposition right after an object noun, hung on its verb."""
        if token.dep_ != "dobj" or token.lemma_.lower() not in SEATED or token.i + 1 >= len(self.doc):
            return []
        after = self.doc[token.i + 1]
        return [after] if after.dep_ == "prep" and after.head.i == token.head.i else []

    def _country_modifiers(self, token: Token, located: bool = True) -> list[tuple[Actor, str]]:
        """States or actors a noun belongs to: a demonym or country before it
        ("Iranian", "U.S."), a possessor ("Iran's"), or (`located`) "of/in <country>"."""
        out: list[tuple[Actor, str]] = []
        # "forces loyal to Khalifa Haftar": whose they are
        for loyal in token.rights:
            if loyal.dep_ in ("amod", "acl") and (loyal.lemma_.lower() in LOYAL or loyal.lower_ in LOYAL):
                for prep in loyal.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        for pobj in prep.children:
                            found = self._modifier_actor(pobj) if pobj.dep_ == "pobj" else None
                            if found is not None:
                                out.append((found[0], "loyal"))
        if out:
            return out
        mods = [t for t in token.lefts if t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
        if token.lemma_.lower() in self.relational:
            # "his Iranian counterpart", "its ally": the possessor is the other side, never whose
            mods = [t for t in mods if t.dep_ != "poss"]
        # "Bosnian Serb leaders", "Croatian Serb refugees": a people named after the state
        # they live in; the second nationality is who they are, the first where they belong
        mods = [t for t in mods if not (t.i - 1 >= 0 and t.i in self.demonyms and (t.i - 1) in self.demonyms
                                        and self.demonyms[t.i - 1] is not self.demonyms[t.i]
                                        and self.doc[t.i - 1] in mods)]
        # "rebels in X"; "a group based in X", "guerrillas operating in X"
        heads = [token, *(a for a in token.rights if a.dep_ == "acl" and a.lemma_.lower() in LOCATING)]
        places = [t for head in (heads if located else ()) for prep in head.rights
                  if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from", "throughout", "across")
                  for t in prep.children if t.dep_ == "pobj"]
        if located and not places:
            places = [t for prep in self._hung_after(token) if prep.lower_ in ("of", "in")
                      for t in prep.children if t.dep_ == "pobj"]
        # "Iranian forces in Syria" belong to Iran: a place counts only without a nationality,
        # unless the nationality is an ethnicity ("ethnic Albanian guerrillas in Macedonia")
        ethnic = any(t.lower_ == "ethnic" for m in mods for t in (m, *m.lefts))
        # "Iran-backed militias in Iraq", "the US-backed government in Kabul": the backer is
        # not where they are; placed, the place says whose they are
        # unplaced, they are nobody's own: the sponsor names no home ('blamed Iran-backed militias')
        sponsors = self._sponsors(token)
        sponsored = bool(places and sponsors)
        mods = [m for m in mods if m not in sponsors]
        for group in ((places, mods) if ethnic or sponsored else (mods, places)):
            for mod in group:
                for m in [mod, *self._conjuncts(mod)]:
                    found = self._modifier_actor(m)
                    if found is not None and all(found[0].id != a.id for a, _ in out):
                        out.append(found)
            if out:
                break
        return out

    @staticmethod
    def _sponsors(token: Token) -> list[Token]:
        """'backed' in 'Iran-backed militias', 'pro-Iranian' in 'pro-Iranian militias': a
        participle or 'pro-' word that names a sponsor, not a home."""
        doc = token.doc
        # (a hyphen only of 'pro-' or 'X-backed': not the one in a name, "Ain al-Asad air base")
        return [m for m in token.lefts if m.dep_ in ("amod", "compound", "nmod", "npadvmod")
                and (SentenceMentions._sponsor_word(m) or m.lower_ == "pro"
                     or (m.lower_ == "-" and ((m.i > 0 and doc[m.i - 1].lower_ == "pro") or (
                         m.i + 1 < len(doc) and doc[m.i + 1].lemma_.lower() in SPONSORING)))
                     or (m.lemma_.lower() in SPONSORING and any(c.dep_ == "npadvmod" for c in m.children)))]

    @staticmethod
    def _sponsor_word(token: Token) -> bool:
        """Does the word name a sponsor ('Iran' in 'Iran-backed', 'Iranian' in 'pro-Iranian')?"""
        doc = token.doc
        if token.dep_ == "npadvmod" and token.head.lemma_.lower() in SPONSORING:
            return True
        before = doc[max(token.i - 2, 0):token.i].text.lower().replace(" ", "")
        return token.lower_.startswith("pro-") or before.endswith(("pro-", "pro"))

    def _modifier_actor(self, mod: Token) -> tuple[Actor, str] | None:
        if registry(mod.doc, mod.i + 1, self.demonyms.get(mod.i) or self.f.demonym(mod.text)
                    or (m.actor if (m := self.matches.get(mod.i)) is not None else None)):
            return None  # "a Liberian-flagged carrier"
        match = self.matches.get(mod.i)
        if match is not None:
            return match.actor, "modifier"
        if mod.tag_ in ("PRP$",) or mod.pos_ == "PRON":
            refs = self.resolve(mod)
            return (refs[0].actor, "pronoun") if refs else None
        demonym = self.demonyms.get(mod.i) or self.f.demonym(mod.text.split("-")[0])
        if demonym is not None:
            return demonym, "demonym"
        if mod.dep_ in ("compound", "amod", "nmod"):
            if mod.lemma_.lower() in MAKING:
                return None  # "Iranian-made drones" are no more Iran's than anyone's who has them
            role = mod.head.lemma_.lower()
            if self._named_organisation(mod) is not None and (role in self.lex.state_roles or role in SPOKESPEOPLE):
                # "Montenegro Municipality Association officials" are the association's
                refs = self.resolve(mod)
                if refs:
                    return refs[0].actor, "modifier"
            # "Pakistan President X", "Hamas leaders": a nested compound chain
            for child in mod.lefts:
                if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):  # "Vietnamese-led"
                    found = self._modifier_actor(child)
                    if found is not None:
                        return found
            return None
        if mod.dep_ in ("poss", "pobj"):
            refs = self.resolve(mod)
            if refs:
                return refs[0].actor, "modifier"
        return None

    @staticmethod
    def _conjuncts(token: Token) -> list[Token]:
        return [t for t in token.conjuncts if t.i > token.i]

    def _pronoun(self, token: Token, lower: str) -> list[Ref]:
        lex = self.lex
        if lower in lex.relative:
            clause = token.head
            for _ in range(3):
                if clause.dep_ in ("relcl", "acl") or clause.head is clause:
                    break
                clause = clause.head
            head = clause.head
            if clause.dep_ in ("relcl", "acl") and head.i < token.i:
                words = [head]
                if token.dep_ in ("nsubj", "nsubjpass") and any(
                        t.tag_ == "VBP" or t.lower_ in ("were", "are", "have") for t in (
                        clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass")))):
                    # "Egypt and Qatar, which have been mediating": a plural verb takes in
                    # every conjunct ("Hamas and Hezbollah, which is backed by Iran": the last)
                    first = head
                    while first.dep_ == "conj" and first.head.i < first.i:
                        first = first.head
                    words = [first, *first.conjuncts]
                refs = [r for w in words for r in self.resolve(w)]
                return [Ref(r.actor, token.i, token.i + 1, token.text, "pronoun", r.confidence * 0.9)
                        for r in refs]
            return []
        if lower in self.first_person:
            appos = [r for c in token.children if c.dep_ == "appos" for r in self.resolve(c)]
            if appos:
                self.memory.author = [r.actor for r in appos]
            return [Ref(a, token.i, token.i + 1, token.text, "pronoun", 0.7) for a in self.memory.speaker()]
        if lower in lex.plural and (speakers := self._joint_speakers(token) or self._joint_owners(token)):
            return [Ref(a, token.i, token.i + 1, token.text, "pronoun", 0.75) for a in speakers]
        controller = self._speaker_self(token, lower) or self._reason_owner(token) or \
            self._conjunct_owner(token, persons=lower in lex.person) or \
            self._controller(token, persons=lower in lex.person) or \
            self._relative_antecedent(token, persons=lower in lex.person)
        if controller is not None:
            return [Ref(controller, token.i, token.i + 1, token.text, "pronoun", 0.75)]
        exclude = {r.actor.id for i, refs in self.cache.items() if i > token.i for r in refs}
        if not lower.endswith("self") and not lower.endswith("selves"):
            exclude |= self._clause_subjects(token)  # 'Hamas attacked it': not Hamas
        if lower in lex.person:
            actor = self.memory.antecedent(None, self.index, exclude, persons=True)
        elif lower in lex.singular:
            if lower == "it" and token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return []
            if lower == "it" and token.head.lemma_ == "be" and not any(
                    c.dep_ == "acomp" and c.lemma_.lower() in self.f.stance for c in token.head.children):
                return []  # "it is clear that ...": expletive; "it is ready to ..." is not
            actor = self.memory.antecedent(None, self.index, exclude, singular=True)
        elif lower in lex.plural:
            actor = self.memory.antecedent(None, self.index, exclude, plural=True)
        else:
            return []
        if actor is None:
            return []
        return [Ref(actor, token.i, token.i + 1, token.text, "pronoun", 0.75)]

    def _joint_speakers(self, token: Token) -> list[Actor]:
        """'Britain and France said they were ready to ...': 'they', the subject of what
        two or more named speakers say, is all of them (memory would give one)."""
        clause = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" \
                or clause.head.lemma_.lower() not in self.f.speech:
            return []
        return self._conjoined_actors([s for s in clause.head.children if s.dep_ == "nsubj"])

    def _conjoined_actors(self, subjects: list[Token]) -> list[Actor]:
        """The actors the subjects and their conjuncts name (not by pronoun), when two or more."""
        actors: list[Actor] = []
        for word in (w for subject in subjects for w in (subject, *subject.conjuncts)):
            for ref in self.resolve(word):
                if ref.how != "pronoun" and ref.actor not in actors:
                    actors.append(ref.actor)
        return actors if len(actors) > 1 else []

    def _conjunct_owner(self, token: Token, persons: bool) -> Actor | None:
        """'the AK Party and its nationalist ally', 'Iran and its proxies': a possessive on
        a conjunct is the actor conjoined just before it."""
        noun = token.head
        if token.tag_ != "PRP$" or noun.dep_ != "conj" or noun.head.i > token.i:
            return None
        # (the conjunct itself a name: "their Syria stance and their opposition" is no actor's)
        refs = [r for r in self.resolve(noun.head) if r.how in ("name", "alias")
                and (r.actor.kind == "PERSON") == persons]
        return refs[0].actor if len(refs) == 1 else None

    def _speaker_self(self, token: Token, lower: str) -> Actor | None:
        """'Kataib Hezbollah, which Washington designated ..., announced it would suspend
        attacks': 'it', the subject of what one speaker says, is the speaker (memory would
        give the actor named last)."""
        clause = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or lower not in self.lex.singular or lower == "itself" \
                or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.f.speech:
            return None
        if clause.lemma_ == "be" and not any(c.dep_ == "acomp" and c.lemma_.lower() in self.f.stance
                                             for c in clause.children):
            return None  # "said it was up to Israel to ...", "it was impossible to ...": no one
        speakers = [r for c in clause.head.children if c.dep_ == "nsubj" and not c.conjuncts
                    for r in self.resolve(c) if r.how != "pronoun"]
        persons = lower in self.lex.person
        if len(speakers) != 1 or (speakers[0].actor.kind == "PERSON") != persons:
            return None
        return speakers[0].actor

    def _reason_owner(self, token: Token) -> Actor | None:
        """'sanctioned the Houthis over their attacks', 'blamed Hamas for its attack': the
        possessive in the reason is the one acted on."""
        noun = token.head
        prep = noun.head
        if token.tag_ != "PRP$" or noun.dep_ != "pobj" or prep.lower_ not in ("for", "over") \
                or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        acted_on = [r for c in prep.head.children if c.dep_ == "dobj" and c.i < token.i
                    for r in self.resolve(c) if r.how != "pronoun"]
        return acted_on[0].actor if len(acted_on) == 1 else None

    def _joint_owners(self, token: Token) -> list[Actor]:
        """'Saudi Arabia and Iran held a meeting of their joint committee': 'their' in the
        clause of two or more conjoined subjects is theirs (memory would give another)."""
        if token.tag_ != "PRP$":
            return []
        verb = token.head
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
        if subject is None or not subject.conjuncts:
            return []
        # an actor the verb acts on before the pronoun may own it: "Egypt and Jordan condemned
        # Hamas for their attack" is Hamas's attack
        acted_on = [o for c in verb.children if c.dep_ in ("dobj", "dative", "prep") and c.i < token.i
                    for o in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])]
        if any(r.how != "pronoun" for o in acted_on for w in (o, *o.conjuncts) for r in self.resolve(w)):
            return []
        return self._conjoined_actors([subject])

    def _relative_antecedent(self, token: Token, persons: bool) -> Actor | None:
        """'de Klerk, who is trying to end his country's isolation': a pronoun inside a
        relative clause is the one the clause is about."""
        if token.tag_ != "PRP$":
            return None
        clause = token.head
        for _ in range(5):
            if clause.dep_ == "relcl" or clause.head is clause:
                break
            clause = clause.head
        if clause.dep_ != "relcl":
            return None
        about = clause.head
        if about.dep_ == "attr" and about.head.lemma_ == "be":
            # "X is a coalition of parties that are united by their ...": the coalition is X
            about = next((c for c in about.head.children if c.dep_ == "nsubj"), about)
        refs = [r for r in self.resolve(about) if r.how != "pronoun"
                and (r.actor.kind == "PERSON") == persons]
        return refs[0].actor if len(refs) == 1 else None

    def _controller(self, token: Token, persons: bool) -> Actor | None:
        """'urged Israel to halt its offensive', 'called on the US to withdraw its forces':
        a pronoun inside an infinitive with no subject of its own is the one asked to act
        (the main verb's object), not the asker."""
        for_object = self._for_object(token, persons)
        if for_object is not None:
            return for_object
        verb = token.head
        for _ in range(3):
            if verb.dep_ in ("xcomp", "advcl") or verb.head is verb:
                break
            verb = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        asker = verb.head
        # a purpose clause ("sent troops to protect its interests") is the subject's own
        objects = [c for c in asker.children if c.dep_ == "dobj" and c.i < verb.i and verb.dep_ == "xcomp"]
        objects += [p for prep in asker.children if prep.dep_ == "prep" and prep.lower_ in ("on", "upon")
                    for p in prep.children if p.dep_ == "pobj" and p.i < verb.i]
        for obj in objects:
            refs = [r for r in self.resolve(obj) if r.how != "pronoun"
                    and (r.actor.kind == "PERSON") == persons]
            if len(refs) == 1:
                return refs[0].actor
        return None

    def _for_object(self, token: Token, persons: bool) -> Actor | None:
        """'condemned Israel for its war', 'thanked Qatar for its mediation': a possessive
        in the 'for' phrase of a verb is the verb's object, whom it is about."""
        if token.tag_ != "PRP$" or token.dep_ != "poss" or token.head.dep_ != "pobj":
            return None
        prep = token.head.head
        if prep.lower_ != "for" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
            return None
        objects = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
        refs = [r for obj in objects for r in self.resolve(obj) if r.how != "pronoun"
                and (r.actor.kind == "PERSON") == persons]
        return refs[0].actor if len({r.actor.id for r in refs}) == 1 else None

    def _clause_subject_phrases(self, token: Token) -> set[str]:
        """Ids of the actors anywhere in the subject phrase of the verb a word is the object
        of: 'the army, backed by Hezbollah, attacked the rebels' names neither as the rebels."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return set()
        return {r.actor.id for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
                for t in c.subtree for r in self.resolve(t)}

    def _clause_subjects(self, token: Token) -> set[str]:
        """Ids of the subject of the verb a word is the object of: 'the kingdom' in 'Iran
        criticised the kingdom', 'it' in 'Hamas attacked it' is not that subject."""
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif token.dep_ != "dobj":
            return set()
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        if not subjects and verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
            # "Morocco cut ties, accusing it of ...": the participle's subject is the clause's
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < token.i]
        return {r.actor.id for c in subjects for r in self.resolve(c)}

    def _description(self, token: Token, lemma: str) -> list[Ref] | None:
        """'the group', 'the country', 'the two nations': None when not a description."""
        dets = [t.lower_ for t in token.lefts if t.dep_ in ("det", "nummod", "predet")]
        if not dets or not set(dets) & {"the", "this", "that", "these", "those", "both", "two"}:
            return None
        if any(t.dep_ in ("amod", "compound", "poss") and (t.i in self.matches or
               self.f.demonym(t.text)) for t in token.lefts):
            return None
        if any(t.dep_ == "prep" and t.lower_ in ("of", "in") for t in (*token.rights, *self._hung_after(token))):
            return None
        if any(t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN" for t in token.lefts) and not (
                lemma in self.lex.desc_state and lemma not in ("government", "regime")):
            # "the Wafd party" names a party, it does not point back to one; "the Gulf state"
            # does (a region is no name of a state: the names were matched above)
            return None
        phrase = " ".join([*(d for d in dets if d in ("two", "both")), lemma])
        plural_phrase = " ".join([*(d for d in dets if d in ("two", "both")), token.lower_])
        if phrase in self.lex.desc_pair or plural_phrase in self.lex.desc_pair:
            states: list[Actor] = []
            # "the two countries" are states; "the two sides" may be any party but a person
            wanted = {"STATE", "GOVERNMENT"} if lemma in self.lex.desc_state else None
            for seen in reversed(self.memory.seen):
                if seen.actor.kind != "PERSON" and (wanted is None or seen.actor.kind in wanted) \
                        and seen.actor.id not in {a.id for a in states}:
                    states.append(seen.actor)
                if len(states) == 2:
                    break
            if len(states) == 2:
                return [Ref(a, token.i, token.i + 1, self.doc[token.left_edge.i:token.i + 1].text,
                            "description", 0.6) for a in states]
            return []
        levels = self._government_levels(token, lemma)
        if levels is not None:
            return levels
        if "two" in dets or "both" in dets:
            return None
        kinds: set[str] | None
        exclude = self._clause_subjects(token)
        if lemma in self.lex.desc_state:
            kinds = {"STATE"}
        elif lemma in self.lex.desc_group and token.tag_ == "NNS" and self.lex.group_kind.get(lemma) == "ARMED_GROUP":
            # "the rebels", "the militants": an armed group told of before (not an army, nor a
            # group named in the subject phrase of their own clause: "the army, backed by
            # Hezbollah, attacked the rebels")
            kinds = {"ARMED_GROUP"}
            exclude |= self._clause_subject_phrases(token)
        elif lemma in self.lex.desc_group:
            kinds = {"ARMED_GROUP", "POLITICAL_PARTY", "NGO", "COALITION", "MILITARY"}
        elif lemma in self.lex.desc_igo:
            # "the agency" after the International Atomic Energy Agency, "the bloc" after the EU
            kinds = {"IGO"}
            listed = set(self.lex.raw["descriptions"]["igo"][lemma])
            exclude |= {s.actor.id for s in self.memory.seen if s.actor.kind == "IGO" and s.actor.id not in listed
                        and not any(lemma in n.lower().split() for n in (s.actor.name, *s.actor.aliases))}
        else:
            return None
        if lemma in ("kingdom", "sultanate"):
            # "the kingdom" is a state whose own name says so (the Hashemite Kingdom of Jordan),
            # not the last state whatever it is
            exclude |= {s.actor.id for s in self.memory.seen if s.actor.kind == "STATE"
                        and not any(lemma.capitalize() in a for a in s.actor.aliases)}
        actor = self.memory.antecedent(kinds, self.index, exclude)
        if actor is None:
            # "the militants" with no group before them are read as armed men of their own
            return None if lemma in self.lex.group_kind else []
        return [Ref(actor, token.i, token.i + 1, self.doc[token.left_edge.i:token.i + 1].text,
                    "description", 0.6)]


def _leading(word: Token) -> bool:
    """'Saudi-led' (parsed as 'led' with 'Saudi' under it) or 'U.S.-led' (one token:
    the tokenizer keeps an abbreviation's hyphenated word whole)."""
    if word.lemma_.lower() in LEADING:
        return any(c.dep_ == "npadvmod" for c in word.children)
    leader, _, led = word.lower_.rpartition("-")
    return bool(leader) and led in LEADING


def registry(doc: Doc, end: int, actor: Actor | None) -> bool:
    """Is the name ending before `end` an open registry's flag on a ship ('Liberian-flagged')?
    Another state's flag ('an Iranian-flagged tanker') is its ship."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in REGISTRIES \
        and actor is not None and actor.country in OPEN_REGISTRIES


def name_head(ent: Span) -> Token:
    """The head noun of a name: its word the rest hangs on. The parser may attach a name's
    'for ...' part outside it ('demands from National Union for the ... of Angola'), and
    Span.root then picks the preposition."""
    outside = [t for t in ent if t.head.i < ent.start or t.head.i >= ent.end or t.head.i == t.i]
    return next((t for t in outside if t.pos_ in NOUNS), ent.root)


def one_typo(word: str, name: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped."""
    return Levenshtein.distance(word, name, score_cutoff=1) <= 1 or swapped(word, name)


def swapped(word: str, name: str) -> bool:
    """The same letters with two neighbours swapped ("Isreal", "Israel")."""
    if len(word) != len(name):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]] \
        and word[diff[1]] == name[diff[0]]


def entity_index(doc: Doc) -> dict[int, Span]:
    """Token index -> its named entity, built once per Doc (Span.ents scans the whole Doc)."""
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
